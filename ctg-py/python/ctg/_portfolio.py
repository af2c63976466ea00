"""Portfolios: the documents Python gives turned into the items core validates, and a
portfolio's tables as data frames, Arrow tables and Parquet files.

Every verdict, row, total and coverage figure is core's (``ctg._ctg.Portfolio``), and so is the
rule of what names give (files, folders, patterns, JSON Lines files: core's ``Portfolio::load``,
which the ``ctg`` command follows too); this module only sorts Python values and chooses column
types. Money stays exact:
``decimal128(14, 2)`` in Arrow and Parquet, ``pl.Decimal(14, 2)`` in polars, and in pandas an
Arrow decimal column (default) or, with ``decimal="object"``, :class:`decimal.Decimal` objects.
Absent stays absent: a document without funding has a null ``envelope``, never 0.
"""

from __future__ import annotations

import datetime
import importlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

from ._frames import _arrow_type, _build, _require

if TYPE_CHECKING:
    from ._ctg import Geography, Limits, Portfolio

__all__ = [
    "CONVENTION_COLUMNS",
    "COVERAGE_COLUMNS",
    "TOTALS_TABLES",
    "documents_items",
    "load_portfolio",
    "portfolio_frame",
    "to_arrow",
    "write_parquet",
]

# Column name → kind (see ``ctg._frames``); order is the frame's column order.
CONVENTION_COLUMNS: dict[str, str] = {
    "source": "str",
    "verdict": "str",
    "errors": "int64",
    "warnings": "int64",
    "id": "str",
    "title": "str",
    "territory": "str",
    "epci": "str",
    "departement": "str",
    "region": "str",
    "status": "str",
    "first_year": "int16",
    "last_year": "int16",
    "signed_on": "date",
    "months_before_expiry": "int32",
    "envelope": "money",
    "communes": "int64",
    "population": "int64",
}
_GROUP = {"name": "str", "conventions": "int64", "total": "money"}
TOTALS_TABLES: dict[str, dict[str, str]] = {
    "departement": {"departement": "str", **_GROUP},
    "region": {"region": "str", **_GROUP},
    "epci": {"epci": "str", **_GROUP},
    "domain": {"domain": "str", "total": "money"},
    "facility_kind": {"facility_kind": "str", "total": "money"},
    "year": {"year": "int16", "total": "money"},
}
COVERAGE_COLUMNS: dict[str, str] = {
    "departement": "str",
    "name": "str",
    "region": "str",
    "conventions_in_force": "int64",
    "communes": "int64",
    "population": "int64",
    "reference_communes": "int64",
    "reference_population": "int64",
    "communes_share": "share",
    "population_share": "share",
}


def _schema(table: str) -> dict[str, str]:
    if table == "conventions":
        return CONVENTION_COLUMNS
    if table == "coverage":
        return COVERAGE_COLUMNS
    if table in TOTALS_TABLES:
        return TOTALS_TABLES[table]
    names = ", ".join(repr(t) for t in ("conventions", "coverage", *TOTALS_TABLES))
    raise ValueError(f"unknown table {table!r} (expected one of {names})")


def _columns(portfolio: Portfolio, table: str, date: datetime.date | None) -> tuple[dict[str, list[Any]], dict[str, str]]:
    schema = _schema(table)
    made = portfolio._columns(table, date)
    return {name: list(made.get(name, [])) for name in schema}, schema


def portfolio_frame(
    portfolio: Portfolio, table: str, date: datetime.date | None, backend: str, decimal: str
) -> Any:
    """A portfolio's table as a pandas or polars data frame (``Portfolio.conventions``,
    ``totals_frame``, ``coverage_frame``)."""
    columns, schema = _columns(portfolio, table, date)
    return _build(columns, schema, backend, decimal)


def to_arrow(portfolio: Portfolio, table: str = "conventions", date: datetime.date | None = None) -> Any:
    """A portfolio's table as a ``pyarrow.Table`` (needs pyarrow)."""
    pa = _require("pyarrow", "arrow")
    columns, schema = _columns(portfolio, table, date)
    arrays = [pa.array(columns[name], type=_arrow_type(pa, kind, columns[name])) for name, kind in schema.items()]
    return pa.Table.from_arrays(arrays, names=list(schema))


def write_parquet(
    portfolio: Portfolio,
    path: str | os.PathLike[str],
    table: str = "conventions",
    date: datetime.date | None = None,
) -> None:
    """Writes a portfolio's table to a Parquet file (needs pyarrow)."""
    _require("pyarrow", "arrow")
    pq = importlib.import_module("pyarrow.parquet")
    pq.write_table(to_arrow(portfolio, table, date), os.fspath(path))


# ---------------------------------------------------------------------------------------------
# What to read (``Portfolio.from_documents``). Items are ``(kind, source, payload)``: ``"text"``
# (JSON text or bytes), ``"file"`` (a path, read by core: one JSON document, or one a line named
# ``SOURCE:N`` for a JSON Lines file) or ``"host"`` (a Python value).

Item = tuple[str, str, Any]
_Path = Union[str, "os.PathLike[str]"]
_TEXT = (str, bytes, bytearray, memoryview)


def _document(source: str, document: Any) -> Item:
    if isinstance(document, _TEXT):
        return ("text", source, document)
    if isinstance(document, os.PathLike):
        return ("file", source, os.fspath(document))
    return ("host", source, document)


def documents_items(documents: Mapping[str, Any] | Iterable[Any]) -> list[Item]:
    """The items of ``Portfolio.from_documents``: a mapping gives ``source → document``; an
    iterable gives documents or ``(source, document)`` pairs. A document is JSON text (``str``,
    ``bytes``…), a path (``os.PathLike``: one JSON file, or a JSON Lines file) or a Python value
    (a ``dict``). Without a source, a path is named by itself and a document ``document N``."""
    if isinstance(documents, Mapping):
        return [_document(str(source), document) for source, document in documents.items()]
    if isinstance(documents, _TEXT):
        raise TypeError("from_documents takes documents (a list or a dict), not one text: use from_json_lines")
    items: list[Item] = []
    for number, document in enumerate(documents, start=1):
        if isinstance(document, tuple) and len(document) == 2 and isinstance(document[0], str):
            items.append(_document(document[0], document[1]))
        elif isinstance(document, os.PathLike):
            items.append(_document(os.fspath(document), document))
        else:
            items.append(_document(f"document {number}", document))
    return items


def load_portfolio(
    *paths: _Path | Sequence[_Path],
    recursive: bool = False,
    limits: Limits | None = None,
    geography: Geography | bool | None = None,
    threads: int | None = None,
    max_documents: int | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Portfolio:
    """Reads and validates every document ``paths`` name — files, folders, patterns
    (``"data/*.json"``), JSON Lines files, or lists of them — into a :class:`Portfolio`, by the
    rule ``ctg validate`` follows (core's ``Portfolio::load``): a file is one document, a
    ``.jsonl`` or ``.ndjson`` file one a line (sources ``PATH:N``); a folder gives its
    ``*.json``, ``*.jsonl`` and ``*.ndjson`` files not starting with a dot, sorted (its
    subfolders' after them with ``recursive``); a pattern (``*``, ``?``, ``[…]``) that names no
    file gives the files it matches, sorted. Every document is kept, valid or not, with its
    source, verdict and report; a name that gives no document is an unreadable entry
    (``input.unreadable`` with the system's reason, ``input.empty_folder``, ``input.no_match``).
    A JSON file is read up to ``limits.max_bytes``, a JSON Lines file up to 1 GiB
    (``input.lines_too_large``).

    ``geography``: ``ctg.geography()`` or ``True`` validates with the official geography (the
    ``geo.*`` rules), and places conventions in régions, communes and population. ``threads``:
    core's threads (default: the machine's); ``max_documents``: core's limit (default 100 000);
    ``progress(done, total)``: called after each document, from core's threads (its first
    exception is raised once validation ends). The GIL is released while core reads and
    validates.
    """
    from ._ctg import Portfolio

    return Portfolio._load(
        paths,
        recursive=recursive,
        limits=limits,
        geography=geography,
        threads=threads,
        max_documents=max_documents,
        progress=progress,
    )
