"""Times the national portfolio in Python, step by step, as the Rust example ``portfolio_timing``
does: CPU time of the process (two validating threads count twice) and wall time, medians of
``--samples N`` after a warm-up, in milliseconds, with the load average at the start.

    cargo run --release -p ctg-benches --example national -- target/national.jsonl
    python ctg-py/benchmarks/portfolio.py target/national.jsonl [--samples 9]

Run it right after ``cargo run --release -p ctg-benches --example portfolio_timing`` to compare
(the machine's load changes the figures).
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time
from pathlib import Path
from typing import Any, Callable

import ctg


def measure(name: str, fn: Callable[[], Any], samples: int) -> None:
    fn()  # warm-up
    cpu, wall = [], []
    for _ in range(samples):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    print(f"  {name:<58} cpu {statistics.median(cpu) * 1000:8.1f} ms   wall {statistics.median(wall) * 1000:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path, nargs="?", default=Path("target/national.jsonl"))
    parser.add_argument("--samples", type=int, default=9)
    args = parser.parse_args()
    data = args.path.read_bytes()
    geo = ctg.geography()
    date = datetime.date(2025, 7, 1)
    load = Path("/proc/loadavg").read_text().strip() if Path("/proc/loadavg").exists() else "?"
    portfolio = ctg.Portfolio.from_json_lines(data, geography=geo)
    print(f"national portfolio: {len(portfolio)} documents, {len(data)} bytes; load average {load}")
    n = args.samples
    for threads in (1, 2):
        measure(f"validate, without the geography ({threads} thread(s))",
                lambda: ctg.Portfolio.from_json_lines(data, threads=threads), n)  # fmt: skip
        measure(f"validate, with the geography ({threads} thread(s))",
                lambda: ctg.Portfolio.from_json_lines(data, geography=geo, threads=threads), n)  # fmt: skip
    measure("totals (dict)", portfolio.totals, n)
    measure("coverage at a date (dict)", lambda: portfolio.coverage(date), n)
    measure("rows: the table of conventions (list of dicts)", lambda: portfolio.rows(date), n)
    measure("summary (object; to_dict)", lambda: portfolio.summary(date).to_dict(), n)
    measure("conventions frame (pandas, Arrow decimal)", lambda: portfolio.conventions(date), n)
    measure("conventions frame (polars)", lambda: portfolio.conventions(date, "polars"), n)
    measure("to_arrow (conventions)", lambda: portfolio.to_arrow(date=date), n)
    measure("entries: Python objects of every entry (first access)",
            lambda: ctg.Portfolio.from_json_lines(data, geography=geo).entries, max(3, n // 3))  # fmt: skip
    measure("validate on 2 threads + totals + coverage, with the geography",
            lambda: (p := ctg.Portfolio.from_json_lines(data, geography=geo, threads=2), p.totals(), p.coverage(date)), n)  # fmt: skip


if __name__ == "__main__":
    main()
