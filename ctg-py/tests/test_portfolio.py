"""Portfolios: many documents at once, every one kept with its verdict; core's rows, totals,
coverage and summary, as dicts, data frames, Arrow tables and Parquet files; the same answers as
the Rust library on the national synthetic portfolio; pickling, fork and spawn."""

from __future__ import annotations

import datetime
import json
import multiprocessing
import os
import pickle
import threading
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ctg
import portfolio_workers
from conftest import FIXTURES, REPO, VECTORS

DAY = datetime.date(2024, 6, 1)
FIXTURE_FILES = sorted(FIXTURES.glob("*.json"))
TEXTS = {path.name: path.read_bytes() for path in FIXTURE_FILES}
TARN_AGOUT = next(name for name in TEXTS if name.startswith("tarn-agout"))
INVALID_VECTORS = sorted(VECTORS.glob("invalid-*.json"))[:6]


def vector_input(path: Path) -> str:
    return json.dumps(json.loads(path.read_text(encoding="utf-8"))["input"])


# --- Loading: every document is kept, with its verdict ------------------------------------------


def test_fixture_folder_is_a_portfolio_of_valid_files() -> None:
    portfolio = ctg.load_portfolio(FIXTURES)
    assert [e.source for e in portfolio] == [str(p) for p in FIXTURE_FILES]
    assert [e.verdict for e in portfolio] == ["valid"] * len(FIXTURE_FILES)
    assert portfolio.counts() == {"documents": 5, "valid": 5, "invalid": 0, "unreadable": 0}
    for entry, path in zip(portfolio, FIXTURE_FILES):
        assert entry.valid and entry.report.valid
        assert entry.convention == ctg.load(path)
    assert portfolio.valid() == [e.convention for e in portfolio]
    assert len(portfolio) == 5 and portfolio[-1] is portfolio.entries[4]


def test_every_document_is_kept_with_its_verdict(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    documents: list[Any] = [
        *FIXTURE_FILES,
        *(("vector " + p.stem, vector_input(p)) for p in INVALID_VECTORS),
        ("broken", b"{not json"),
        ("a dict", {"format_version": 1}),
        ("sample", ctg.sample().to_dict()),
        missing,
    ]
    portfolio = ctg.Portfolio.from_documents(documents)
    assert len(portfolio) == len(documents)
    sources = [e.source for e in portfolio]
    assert sources[:5] == [str(p) for p in FIXTURE_FILES]
    assert sources[-4:] == ["broken", "a dict", "sample", str(missing)]
    verdicts = [e.verdict for e in portfolio]
    assert verdicts[:5] == ["valid"] * 5
    # Each verdict is the document's own report's, as ctg.validate gives it.
    for entry, document in zip(portfolio.entries[5 : 5 + len(INVALID_VECTORS)], INVALID_VECTORS):
        assert entry.verdict == "invalid"
        assert entry.report == ctg.validate(vector_input(document))
        assert entry.convention is None
    assert verdicts[-4:] == ["unreadable", "invalid", "valid", "unreadable"]
    assert portfolio[-4].report.errors[0].code == "json.syntax"
    unreadable = portfolio[-1].report.errors[0]
    assert unreadable.code == "input.unreadable" and "No such file" in unreadable.message("en")
    counts = portfolio.counts()
    assert counts == {
        "documents": len(documents),
        "valid": 6,
        "invalid": len(INVALID_VECTORS) + 1,
        "unreadable": 2,
    }
    assert portfolio[0].to_dict()["verdict"] == "valid"
    rows = portfolio.rows(DAY)
    assert [r["source"] for r in rows] == sources
    assert [r["verdict"] for r in rows] == verdicts


def test_folders_patterns_and_json_lines_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(TEXTS[TARN_AGOUT])
    (tmp_path / ".hidden.json").write_bytes(b"{")
    (tmp_path / "notes.txt").write_text("not a document")
    lines = b"\n".join([ctg.sample_json().replace("\n", " ").encode(), b"", b"{}"])
    (tmp_path / "b.jsonl").write_bytes(lines)
    (tmp_path / "empty").mkdir()
    portfolio = ctg.load_portfolio(tmp_path, tmp_path / "empty", str(tmp_path / "*.jsonl"), str(tmp_path / "z*.json"))
    sources = [e.source for e in portfolio]
    jsonl = str(tmp_path / "b.jsonl")
    assert sources == [
        str(tmp_path / "a.json"),
        f"{jsonl}:1",
        f"{jsonl}:3",
        str(tmp_path / "empty"),
        f"{jsonl}:1",
        f"{jsonl}:3",
        str(tmp_path / "z*.json"),
    ]
    assert [e.verdict for e in portfolio] == ["valid", "valid", "invalid", "unreadable", "valid", "invalid", "unreadable"]
    assert "no file matches this pattern" in portfolio[-1].report.errors[0].message("en")
    # The reasons are core's catalogue's, in French and English.
    assert portfolio[-1].report.errors[0].code == "input.no_match"
    assert portfolio[-1].report.errors[0].message("fr") == "aucun fichier ne correspond à ce motif"
    assert portfolio[3].report.errors[0].code == "input.empty_folder"
    with pytest.raises(TypeError):
        ctg.load_portfolio(3)  # type: ignore[arg-type]
    # A list of names stands for its names; a path given with a source is named by it.
    listed = ctg.load_portfolio([tmp_path / "a.json", str(tmp_path / "b.jsonl")])
    assert [e.source for e in listed] == [str(tmp_path / "a.json"), f"{jsonl}:1", f"{jsonl}:3"]
    named = ctg.Portfolio.from_documents([("tarn", tmp_path / "a.json"), ("lines", tmp_path / "b.jsonl")])
    assert [e.source for e in named] == ["tarn", "lines:1", "lines:3"]


def test_json_lines_text_and_file(tmp_path: Path) -> None:
    text = "\n".join([ctg.sample_json().replace("\n", " "), "", "   ", "{", "{}"])
    from_text = ctg.Portfolio.from_json_lines(text)
    assert [e.source for e in from_text] == ["line 1", "line 4", "line 5"]
    assert [e.verdict for e in from_text] == ["valid", "unreadable", "invalid"]
    path = tmp_path / "p.jsonl"
    path.write_text(text, encoding="utf-8")
    from_file = ctg.Portfolio.from_json_lines(path)
    # Read by core: a file that cannot be read is one unreadable entry named by its path.
    missing = ctg.Portfolio.from_json_lines(tmp_path / "missing.jsonl")
    assert [(e.source, e.verdict) for e in missing] == [(str(tmp_path / "missing.jsonl"), "unreadable")]
    assert missing[0].report.errors[0].code == "input.unreadable"
    assert from_file.rows(DAY) == from_text.rows(DAY)


def test_options_threads_limit_and_progress() -> None:
    texts = [TEXTS[name] for name in sorted(TEXTS)] * 4
    one = ctg.Portfolio.from_documents(texts, threads=1)
    calls: list[tuple[int, int]] = []
    threads: set[int] = set()
    lock = threading.Lock()

    def progress(done: int, total: int) -> None:
        # Called from core's threads: they take the GIL, which validation released.
        with lock:
            calls.append((done, total))
            threads.add(threading.get_ident())

    two = ctg.Portfolio.from_documents(texts, threads=2, progress=progress)
    assert two.rows(DAY) == one.rows(DAY)
    assert sorted(calls) == [(n, 20) for n in range(1, 21)]
    limited = ctg.Portfolio.from_documents(texts, max_documents=3)
    assert len(limited) == 4
    assert limited[3].report.errors[0].code == "input.too_large"

    def failing(done: int, total: int) -> None:
        raise RuntimeError(f"stop at {done}")

    with pytest.raises(RuntimeError, match="stop at"):
        ctg.Portfolio.from_documents(texts, threads=2, progress=failing)


def test_python_values_on_threads_keep_their_place() -> None:
    # dicts are read with the GIL, then validated on core's threads like texts: the same
    # entries, in the order given, whatever the threads.
    values = [json.loads(TEXTS[name]) for name in sorted(TEXTS)] * 3 + [{"format_version": 1}, [1]]
    mixed: list[Any] = [item for pair in zip(values, [TEXTS[n] for n in sorted(TEXTS)] * 4) for item in pair]
    one = ctg.Portfolio.from_documents(mixed, threads=1)
    two = ctg.Portfolio.from_documents(mixed, threads=2)
    assert [e.source for e in two] == [f"document {n}" for n in range(1, len(mixed) + 1)]
    assert [(e.verdict, e.report) for e in two] == [(e.verdict, e.report) for e in one]
    assert two.rows(DAY) == one.rows(DAY)
    assert [e.verdict for e in two][-4:] == ["invalid", "valid", "invalid", "valid"]


def test_summary_pickles() -> None:
    portfolio = ctg.Portfolio.from_documents(list(TEXTS.values()) + [b"{"], geography=True)
    summary = portfolio.summary(DAY)
    back = pickle.loads(pickle.dumps(summary))
    assert isinstance(back, ctg.PortfolioSummary)
    assert back.date == DAY
    assert back.to_dict() == summary.to_dict()
    assert back.coverage is not None and back.counts["unreadable"] == 1


def test_validation_releases_the_gil() -> None:
    # Another Python thread keeps running while core validates (a few hundred milliseconds of
    # work, so that it is scheduled even on a loaded machine).
    texts = [TEXTS[name] for name in sorted(TEXTS)] * 200
    ticks = 0
    done = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        before = ticks
        ctg.Portfolio.from_documents(texts, threads=1)
        during = ticks - before
    finally:
        done.set()
        thread.join()
    assert during > 0


# --- Figures: core's, and absent stays absent ----------------------------------------------------


def test_absent_envelope_stays_none() -> None:
    portfolio = ctg.Portfolio.from_documents({TARN_AGOUT: TEXTS[TARN_AGOUT], "thore": ctg.sample_json()})
    assert portfolio[0].convention is not None and portfolio[0].convention.totals() is None
    rows = portfolio.rows(DAY)
    assert rows[0]["envelope"] is None and rows[1]["envelope"] == "725403.00"
    frame = portfolio.conventions(DAY)
    assert pd.isna(frame["envelope"][0]) and Decimal(str(frame["envelope"][1])) == Decimal("725403.00")
    objects = portfolio.conventions(DAY, decimal="object")
    assert objects["envelope"][0] is None and objects["envelope"][1] == Decimal("725403.00")
    polars = portfolio.conventions(DAY, "polars")
    assert polars["envelope"].to_list() == [None, Decimal("725403.00")]
    assert polars.schema["envelope"] == pl.Decimal(14, 2)
    totals = portfolio.totals()
    assert totals["excluded"]["without_funding"] == 1 and totals["conventions"] == 1


def _sum(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal("0.00"))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(sorted(TEXTS)), max_size=8))
def test_totals_are_the_sum_of_each_conventions(names: list[str]) -> None:
    portfolio = ctg.Portfolio.from_documents([(name, TEXTS[name]) for name in names])
    totals = portfolio.totals()
    own = [c.totals() for c in portfolio.valid()]
    funded = [t for t in own if t is not None]
    assert totals["conventions"] == len(funded)
    assert Decimal(totals["total"]) == _sum([t.total for t in funded])
    by_year: Counter[int] = Counter()
    for t in funded:
        for year, amount in t.by_year.items():
            by_year[year] += amount  # type: ignore[assignment]
    assert {int(y): Decimal(v) for y, v in totals["by_year"].items()} == dict(by_year)
    for grouping in ("by_departement", "by_region", "by_epci"):
        assert _sum([Decimal(g["total"]) for g in totals[grouping].values()]) == Decimal(totals["total"])
    frame = portfolio.totals_frame("departement", decimal="object")
    assert _sum(list(frame["total"])) == Decimal(totals["total"])
    rows = portfolio.rows(DAY)
    assert _sum([Decimal(r["envelope"]) for r in rows if r["envelope"] is not None]) == Decimal(totals["total"])


def test_frames_of_every_table() -> None:
    portfolio = ctg.Portfolio.from_documents(list(TEXTS.values()), geography=True)
    conventions = portfolio.conventions(DAY)
    assert list(conventions.columns) == [
        "source", "verdict", "errors", "warnings", "id", "title", "territory", "epci",
        "departement", "region", "status", "first_year", "last_year", "signed_on",
        "months_before_expiry", "envelope", "communes", "population",
    ]  # fmt: skip
    assert conventions["envelope"].dtype == pd.ArrowDtype(pa.decimal128(14, 2))
    for by in ("departement", "region", "epci", "domain", "facility_kind", "year"):
        frame = portfolio.totals_frame(by, "polars")
        assert frame.columns[0] == by and frame.schema["total"] == pl.Decimal(14, 2)
        assert frame["total"].sum() == Decimal(portfolio.totals()["total"])
    coverage = portfolio.coverage_frame(DAY)
    national = portfolio.coverage(DAY)["national"]
    assert int(coverage["communes"].sum()) == national["communes"]
    assert coverage["communes_share"].dtype == pd.ArrowDtype(pa.decimal128(5, 4))
    with pytest.raises(ValueError, match="unknown table"):
        portfolio.to_arrow("nothing")  # type: ignore[arg-type]


def test_arrow_and_parquet_keep_money_exact(tmp_path: Path) -> None:
    portfolio = ctg.Portfolio.from_documents(list(TEXTS.values()) + [b"{}"])
    table = portfolio.to_arrow(date=DAY)
    assert table.schema.field("envelope").type == pa.decimal128(14, 2)
    assert table.num_rows == 6
    path = tmp_path / "conventions.parquet"
    portfolio.write_parquet(path, date=DAY)
    # Read back lazily with polars: the sum is exact, and absent envelopes are nulls.
    lazy = pl.scan_parquet(path)
    summed = lazy.select(pl.col("envelope").sum(), pl.col("envelope").null_count().alias("nulls")).collect()
    assert summed["envelope"][0] == Decimal(portfolio.totals()["total"])
    # Nulls where core's rows have no envelope (no funding section, an invalid document): not 0.
    assert summed["nulls"][0] == sum(r["envelope"] is None for r in portfolio.rows(DAY)) >= 2
    portfolio.write_parquet(tmp_path / "years.parquet", "year")
    years = pl.read_parquet(tmp_path / "years.parquet")
    assert {int(y): v for y, v in zip(years["year"], years["total"])} == {
        int(y): Decimal(v) for y, v in portfolio.totals()["by_year"].items()
    }


def test_summary_text_is_cores() -> None:
    portfolio = ctg.Portfolio.from_documents(list(TEXTS.values()), geography=ctg.geography())
    summary = portfolio.summary(DAY)
    assert summary.date == DAY
    assert summary.counts == portfolio.counts()
    assert summary.totals == portfolio.totals()
    assert summary.coverage == portfolio.coverage(DAY)
    assert summary.to_dict()["by_status"] == summary.by_status
    assert summary.to_text("en").startswith("Portfolio as of 2024-06-01")
    assert summary.to_text("fr") != summary.to_text("en")
    assert ctg.Portfolio.from_documents([]).summary(DAY).coverage is None


# --- The national synthetic portfolio: the same answers as Rust ----------------------------------

NATIONAL = Path(os.environ.get("CTG_NATIONAL", REPO / "target" / "national.jsonl"))
ANSWERS = NATIONAL.with_name("national-answers.json")


def test_national_portfolio_gives_the_rust_answers() -> None:
    if not (NATIONAL.exists() and ANSWERS.exists()):
        if os.environ.get("CTG_NATIONAL_REQUIRED"):
            pytest.fail(f"{NATIONAL} or {ANSWERS} is missing (scripts/test-python.sh generates them)")
        pytest.skip("generate them: cargo run --release -p ctg-benches --example national -- "
                    "target/national.jsonl --answers target/national-answers.json")  # fmt: skip
    answers = json.loads(ANSWERS.read_text(encoding="utf-8"))
    data = NATIONAL.read_bytes()
    assert answers["bytes"] == len(data)
    portfolio = ctg.Portfolio.from_json_lines(data, geography=ctg.geography())
    assert len(portfolio) == answers["documents"]
    date = datetime.date.fromisoformat(answers["date"])
    assert portfolio.summary(date).to_dict() == answers["summary"]
    assert portfolio.rows(date) == answers["conventions"]
    # The totals are the sums of each convention's own totals.
    funded = [t for c in portfolio.valid() if (t := c.totals()) is not None]
    totals = answers["summary"]["totals"]
    assert totals["conventions"] == len(funded)
    assert Decimal(totals["total"]) == _sum([t.total for t in funded])
    by_year: Counter[int] = Counter()
    for t in funded:
        for year, amount in t.by_year.items():
            by_year[year] += amount  # type: ignore[assignment]
    assert {int(y): Decimal(v) for y, v in totals["by_year"].items()} == dict(by_year)
    # The frame holds the same figures, typed.
    frame = portfolio.conventions(date, "polars")
    envelopes = [None if r["envelope"] is None else Decimal(r["envelope"]) for r in answers["conventions"]]
    assert frame["envelope"].to_list() == envelopes


# --- Worker processes: pickling, fork, spawn -----------------------------------------------------


def test_pickle_round_trip() -> None:
    documents: list[Any] = [*TEXTS.values(), b"{", {"format_version": 1}]
    portfolio = ctg.Portfolio.from_documents(documents, geography=True)
    back = pickle.loads(pickle.dumps(portfolio))
    assert isinstance(back, ctg.Portfolio)
    assert back.geography is not None
    assert [e.source for e in back] == [e.source for e in portfolio]
    assert [e.verdict for e in back] == [e.verdict for e in portfolio]
    assert [e.report for e in back] == [e.report for e in portfolio]
    assert [e.convention for e in back] == [e.convention for e in portfolio]
    assert back.summary(DAY).to_dict() == portfolio.summary(DAY).to_dict()
    assert back.rows(DAY) == portfolio.rows(DAY)
    entry = pickle.loads(pickle.dumps(portfolio[0]))
    assert (entry.source, entry.verdict, entry.report, entry.convention) == (
        portfolio[0].source,
        portfolio[0].verdict,
        portfolio[0].report,
        portfolio[0].convention,
    )
    assert pickle.loads(pickle.dumps(portfolio[-1])).verdict == "invalid"
    without = ctg.Portfolio.from_documents([ctg.sample_json()])
    assert pickle.loads(pickle.dumps(without)).geography is None


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    texts = list(TEXTS.values()) + [b"{}"]
    # The parent validates first (core's threads come and go with the call), then forks.
    here = portfolio_workers.validate_and_total(texts)
    portfolio = ctg.Portfolio.from_documents(texts, geography=True)
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        results = pool.map(portfolio_workers.validate_and_total, [texts, texts[:2], texts])
        summary = pool.apply(portfolio_workers.summarise, (pickle.dumps(portfolio),))
        envelopes = pool.map(portfolio_workers.envelope_of, portfolio.valid())
    assert results[0] == here and results[2] == here
    assert results[1][2] == ["valid", "valid"]
    assert summary == portfolio.summary(DAY).to_dict()
    assert envelopes == [None if (t := c.totals()) is None else str(t.total) for c in portfolio.valid()]


# --- The README's example -------------------------------------------------------------------------


def test_readme_portfolio_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    python = readme[readme.index("\n## Python\n") :]
    section = python[python.index("\n### Portfolios\n") :]
    code = section[section.index("```python\n") + len("```python\n") :]
    code = code[: code.index("```")]
    code = code.replace('"conventions.parquet"', repr(str(tmp_path / "conventions.parquet")))
    monkeypatch.chdir(REPO)
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    rows = namespace["rows"]
    assert (rows[2]["id"], rows[2]["envelope"], rows[4]["envelope"], rows[4]["population"]) == (
        "ctg-81-tarn-agout-2023-2026",
        None,
        "725403.00",
        9538,
    )
    assert namespace["summary"].expiring == ["ctg-82-quercy-rouergue-gorges-aveyron-2022-2024"]
    assert [(e.source, e.verdict) for e in namespace["mixed"]] == [
        ("thore", "valid"),
        ("draft", "invalid"),
        ("broken", "unreadable"),
    ]
    lazy = pl.scan_parquet(tmp_path / "conventions.parquet").select(
        pl.col("envelope").sum(), pl.col("envelope").is_null().sum().alias("without_envelope")
    )
    assert lazy.collect().row(0) == (Decimal("725403.00"), 4)
    assert "Portfolio as of 2024-06-01" in capsys.readouterr().out
