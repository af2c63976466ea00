"""The shared table vectors of tests/tables/vectors/ (format in its README), through the Python
import: each input read as bytes (as its name, into its base document, as its shape), validated,
and compared with the hand-written expectation exactly as ctg-tables/tests/vectors.rs compares
it — the tables found, the verdict, the multiset of issues {code, severity, sheet, row, column},
the declared totals and core's totals — plus what Python adds: each issue's ``cell`` is the
spreadsheet notation of its sheet, row and column; ``ValidationError.errors()`` carries it; a
validation issue's cell is the one its path comes from (``Import.cell(loc)``); and the same table
read from a path, a file object and bytes gives the same answer."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import pytest

import ctg
from conftest import TABLE_VECTORS

VECTOR_FILES = sorted(p for p in TABLE_VECTORS.glob("*.json") if p.name != "base.json")


def load(path: Path) -> dict[str, Any]:
    vector: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return vector


def read(vector: dict[str, Any], source: Any = None) -> ctg.Import:
    data = (TABLE_VECTORS / vector["input"]).read_bytes()
    into = load(TABLE_VECTORS / vector["into"]) if "into" in vector else None
    shape = vector.get("shape")
    if source is None:
        return ctg.read_tables([(vector["name"], data)], shape=shape, into=into)
    return ctg.read_excel(source, name=vector["name"], shape=shape, into=into)


def quoted(sheet: str) -> str:
    """A sheet name as spreadsheets write it in a reference (written here from the notation, not
    by ctg)."""
    if sheet and all(c.isalnum() or c == "_" for c in sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def expected_cell(sheet: Optional[str], row: Optional[int], column: Optional[str]) -> Optional[str]:
    if sheet is None:
        return None
    if row is None:
        return quoted(sheet)
    if column is None:
        return f"{quoted(sheet)}!{row}:{row}"
    return f"{quoted(sheet)}!{column}{row}"


def key(issue: ctg.Issue) -> str:
    ctx = issue.ctx
    return json.dumps(
        {
            "code": issue.code,
            "severity": issue.severity,
            "sheet": ctx.get("sheet"),
            "row": ctx.get("row"),
            "column": ctx.get("column"),
        },
        sort_keys=True,
    )


def test_there_are_vectors() -> None:
    assert len(VECTOR_FILES) >= 20
    # Both kinds of input: CSV and workbooks.
    assert {Path(load(p)["input"]).suffix for p in VECTOR_FILES} == {".csv", ".xlsx"}


@pytest.mark.parametrize("path", VECTOR_FILES, ids=[p.stem for p in VECTOR_FILES])
def test_table_vector(path: Path) -> None:
    vector = load(path)
    expect = vector["expect"]
    imp = read(vector)
    report = imp.report()

    if "tables" in expect:
        got = [{"sheet": t.sheet, "shape": t.shape, "header_row": t.header_row} for t in imp.tables]
        assert got == expect["tables"]
    assert report.valid == expect["valid"], report.to_text("en")
    want = sorted(json.dumps(i, sort_keys=True) for i in expect["issues"])
    assert sorted(key(i) for i in report.issues) == want, report.to_text("en")

    for issue in report.issues:
        ctx = issue.ctx
        sheet, row, column = ctx.get("sheet"), ctx.get("row"), ctx.get("column")
        assert sheet is None or isinstance(sheet, str)
        assert row is None or isinstance(row, int)
        assert column is None or isinstance(column, str)
        assert issue.cell == expected_cell(sheet, row, column)
    # The import's own issues come first in the report, in order, unchanged; validation's follow,
    # each at the cell its path comes from (Import.cell), as Import.locate puts it.
    assert report.issues[: len(imp.issues)] == imp.issues
    for issue in report.issues[len(imp.issues) :]:
        assert issue.cell == imp.cell(issue.loc), issue
        assert imp.locate(issue) == issue
    assert imp.has_errors == any(i.severity == "error" for i in imp.issues)

    if "declared" in expect:
        assert imp.document["funding"]["declared"] == expect["declared"]
    if expect["valid"]:
        conv = imp.validate()
        if "totals" in expect:
            totals = conv.totals()
            if expect["totals"] is None:
                assert totals is None
            else:
                assert totals is not None
                data = totals.to_dict()
                for name, value in expect["totals"].items():
                    assert jsonable(data[name]) == value, name
    else:
        with pytest.raises(ctg.ValidationError) as raised:
            imp.validate()
        errors = raised.value.errors("en")
        assert [e["type"] for e in errors] == [i.code for i in report.errors]
        assert [e["cell"] for e in errors] == [i.cell for i in report.errors]
        assert [e["loc"] for e in errors] == [i.loc for i in report.errors]
        assert raised.value.report == report


def jsonable(value: Any) -> Any:
    """Core's aggregates as the vectors write them: money as text with two decimals, map keys as
    text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("path", VECTOR_FILES[:6], ids=[p.stem for p in VECTOR_FILES[:6]])
def test_every_source_reads_alike(path: Path, tmp_path: Path) -> None:
    vector = load(path)
    data = (TABLE_VECTORS / vector["input"]).read_bytes()
    expected = read(vector).report()
    file = tmp_path / vector["name"]
    file.write_bytes(data)
    for source in (data, bytearray(data), memoryview(data), io.BytesIO(data), file, str(file)):
        assert read(vector, source).report() == expected, type(source)
    # A path names the file; its CSV sheet is the file's name without extension.
    into = load(TABLE_VECTORS / vector["into"]) if "into" in vector else None
    by_path = ctg.read_csv(file, shape=vector.get("shape"), into=into)
    assert by_path.report() == expected
