"""Python side by side: ctg against the pydantic peer (benches/peers/python), in one process, with
interleaved samples, on the inputs of ``benches/examples/peer_inputs.rs``:

- ``thore.json``: the Thoré Montagne Noire fixture (15 KB);
- ``generated-10k.json``: 1 000 beneficiaries x 10 years = 10 000 allocation-years (~290 KB);
- ``portfolio.jsonl``: 1 255 conventions of varied size, one sample = all of them.

Timed, each from the bytes of each document (what a user has after reading a file):

- ``ctg``: ``ctg.loads(b).totals()`` -- the fastest documented path that loads, validates and
  gives the totals (``ctg.load(path)`` reads the file too; ``ctg.validate`` gives no totals);
- ``ctg + to_dict``: the same, then ``totals.to_dict()``: every total as plain Python values
  (``Decimal``, ``int``, ``str``), as the peer gives them;
- ``ctg Portfolio``: ``ctg.Portfolio.from_documents(docs).totals()`` -- the documented path for
  many documents: core validates them on its threads (the machine's cores) with the GIL
  released, and sums the totals of every convention (aggregates by year, domain…);
- ``pydantic``: ``Convention.model_validate_json(b)`` then the peer's ``totals()``;
- ``json.loads`` and ``orjson.loads`` alone, for reference (parsing into Python objects, no rule).

Before timing, every contender must accept every document, and ctg's totals must equal the peer's
(total and by year, for every document): the two do the same work. Samples are interleaved
(one sample of each contender per round, the order rotating each round) and each figure is the
median over the rounds, per input (per portfolio). Each sample is timed twice: the CPU time of
the process (``time.process_time_ns``: what the work cost on every thread, whatever else the
shared machine runs) and the wall time; the table gives CPU medians, ratios of CPU medians, and
the wall ratios in parentheses (for ``ctg Portfolio`` on several cores, the wall ratio is the
time a user waits; the CPU ratio what the work costs); the spread is (max - min) / 2 / median of
the CPU samples.

    target/peers-venv/bin/python benches/python/bench.py target/peers/inputs [--rounds 7] [--json out.json]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "peers" / "python"))

import ctg  # noqa: E402
import ctg_peer_pydantic as peer  # noqa: E402
import orjson  # noqa: E402
import pydantic  # noqa: E402


def read_inputs(directory: Path) -> list[tuple[str, list[bytes]]]:
    inputs = []
    for name in ("thore.json", "generated-10k.json", "portfolio.jsonl"):
        data = (directory / name).read_bytes()
        docs = [line for line in data.split(b"\n") if line] if name.endswith(".jsonl") else [data]
        inputs.append((name.rsplit(".", 1)[0], docs))
    return inputs


def contenders() -> dict[str, Callable[[list[bytes]], Any]]:
    def run_ctg(docs: list[bytes]) -> Any:
        for b in docs:
            t = ctg.loads(b).totals()
        return t

    def run_ctg_dict(docs: list[bytes]) -> Any:
        for b in docs:
            t = ctg.loads(b).totals().to_dict()
        return t

    def run_ctg_portfolio(docs: list[bytes]) -> Any:
        return ctg.Portfolio.from_documents(docs).totals()

    def run_pydantic(docs: list[bytes]) -> Any:
        validate = peer.Convention.model_validate_json
        totals = peer.totals
        for b in docs:
            t = totals(validate(b))
        return t

    def run_json(docs: list[bytes]) -> Any:
        for b in docs:
            v = json.loads(b)
        return v

    def run_orjson(docs: list[bytes]) -> Any:
        for b in docs:
            v = orjson.loads(b)
        return v

    return {
        "json.loads": run_json,
        "orjson.loads": run_orjson,
        "ctg": run_ctg,
        "ctg + to_dict": run_ctg_dict,
        "ctg Portfolio": run_ctg_portfolio,
        "pydantic": run_pydantic,
    }


def check_same_work(name: str, docs: list[bytes]) -> None:
    """Every document is valid for both, and their totals agree (total and by year)."""
    for i, b in enumerate(docs):
        mine = ctg.loads(b).totals()
        _, theirs = peer.load(b)
        assert mine is not None and theirs is not None, (name, i)
        assert f"{theirs['total']:.2f}" == f"{mine.total:.2f}", (name, i, theirs["total"], mine.total)
        assert {y: f"{v:.2f}" for y, v in theirs["by_year"].items()} == {
            y: f"{v:.2f}" for y, v in mine.by_year.items()
        }, (name, i)
        assert theirs["coordination_share"] == mine.coordination_share, (name, i)
    portfolio = ctg.Portfolio.from_documents(docs)
    assert portfolio.counts()["valid"] == len(docs), name
    assert Decimal(portfolio.totals()["total"]) == sum(
        (peer.load(b)[1]["total"] for b in docs), Decimal(0)
    ), name


def calibrate(fn: Callable[[list[bytes]], Any], docs: list[bytes], target: float) -> int:
    """How many calls make a sample of about ``target`` seconds (at least one)."""
    start = time.perf_counter()
    calls = 0
    while calls < 2 or time.perf_counter() - start < target / 4:
        fn(docs)
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    return max(1, round(target / per_call))


def measure(inputs, rounds: int, target: float) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Per input, per contender: ``{"cpu": [ns…], "wall": [ns…]}``, one value per round."""
    fns = contenders()
    names = list(fns)
    results: dict[str, dict[str, dict[str, list[float]]]] = {}
    for input_name, docs in inputs:
        loops = {n: calibrate(fns[n], docs, target) for n in names}
        samples: dict[str, dict[str, list[float]]] = {n: {"cpu": [], "wall": []} for n in names}
        for r in range(rounds):
            order = names[r % len(names):] + names[: r % len(names)]
            for n in order:
                fn, k = fns[n], loops[n]
                gc.collect()
                c0, t0 = time.process_time_ns(), time.perf_counter_ns()
                for _ in range(k):
                    fn(docs)
                t1, c1 = time.perf_counter_ns(), time.process_time_ns()
                samples[n]["cpu"].append((c1 - c0) / k)
                samples[n]["wall"].append((t1 - t0) / k)
        results[input_name] = samples
        print(f"  {input_name}: {rounds} rounds done", file=sys.stderr)
    return results


def fmt(ns: float) -> str:
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e3:.0f} µs"


def table(inputs, results) -> str:
    sizes = {name: sum(len(d) for d in docs) for name, docs in inputs}
    counts = {name: len(docs) for name, docs in inputs}
    head = ["input", "json.loads", "orjson.loads", "ctg", "ctg + to_dict", "ctg Portfolio (wall)",
            "pydantic peer", "pydantic / ctg (wall)", "pydantic / (ctg + to_dict)",
            "pydantic / ctg Portfolio (wall)", "spread ctg, pydantic"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, samples in results.items():
        cpu = {n: statistics.median(v["cpu"]) for n, v in samples.items()}
        wall = {n: statistics.median(v["wall"]) for n, v in samples.items()}
        spread = {n: (max(v["cpu"]) - min(v["cpu"])) / 2 / cpu[n] for n, v in samples.items()}
        label = f"{name} ({counts[name]} doc{'s' if counts[name] > 1 else ''}, {sizes[name] / 1024:.0f} KB)"
        cells = [label] + [fmt(cpu[n]) for n in ("json.loads", "orjson.loads", "ctg", "ctg + to_dict")]
        cells += [f"{fmt(cpu['ctg Portfolio'])} ({fmt(wall['ctg Portfolio'])})", fmt(cpu["pydantic"])]
        cells += [
            f"**{cpu['pydantic'] / cpu['ctg']:.1f}×** ({wall['pydantic'] / wall['ctg']:.1f}×)",
            f"{cpu['pydantic'] / cpu['ctg + to_dict']:.1f}×",
            f"{cpu['pydantic'] / cpu['ctg Portfolio']:.1f}× (**{wall['pydantic'] / wall['ctg Portfolio']:.1f}×**)",
            f"±{spread['ctg'] * 100:.0f} %, ±{spread['pydantic'] * 100:.0f} %",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", type=Path, help="directory written by the peer_inputs example")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--sample-seconds", type=float, default=0.2)
    parser.add_argument("--json", type=Path, help="also write the raw samples (ns) here")
    args = parser.parse_args()
    inputs = read_inputs(args.inputs)
    for name, docs in inputs:
        check_same_work(name, docs)
    print(
        f"Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, orjson {orjson.__version__}; "
        f"{args.rounds} interleaved rounds, medians per input",
        file=sys.stderr,
    )
    results = measure(inputs, args.rounds, args.sample_seconds)
    print(table(inputs, results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
