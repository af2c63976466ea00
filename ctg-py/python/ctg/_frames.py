"""Data frames of conventions for pandas or polars (both optional, imported lazily).

The rows come from core (``Funding::rows``: one row per allocation and year; ``indicator_rows``;
``execution``; a diff's changes); this module only chooses column types. Money stays exact: an
Arrow ``decimal128(14, 2)`` column by default (``pd.ArrowDtype`` for pandas, ``pl.Decimal(14, 2)``
for polars), or ``decimal="object"`` for a pandas column of :class:`decimal.Decimal` objects.
Indicator values are exact too: ``decimal128(38, s)``, ``s`` the largest number of decimals in the
column (pyarrow raises rather than round a value that would not fit).

With ``labels="fr"`` (or ``"en"``) a frame is headed and worded as people read it: each column
is headed by core's label for it (``Bénéficiaire``, ``Équipement``, ``Année``, ``Montant``: the
headers the table writers print, ``Convention.to_csv``) and vocabulary codes become their labels
from core (``eaje`` → ``EAJE (crèche)``, ``petite_enfance`` → ``Petite enfance``); a custom
domain stays its own label. No label is written here: :data:`HEADERS` names, for each column,
the code of core's label (``_ctg._label``), and the vocabularies are core's (``_enums``).

Every convention given is in the frame: one that has no row (no funding section or no
allocation; no action sheet; no indicator) has one row holding its ``convention_id`` and nulls,
so that a group-by per convention keeps it. Its ``amount`` is null, not zero: absent is not zero,
and ``Convention.totals()`` is ``None`` without a funding section.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, Union, overload

if TYPE_CHECKING:
    # For type checkers only: pandas and polars stay optional at runtime, imported when a frame
    # is asked for. Their frame types are what the overloads below return.
    import pandas as pd
    import polars as pl

    from ._ctg import Convention, Diff, Geography

__all__ = [
    "Backend",
    "DecimalMode",
    "Labels",
    "Table",
    "action_sheets_frame",
    "allocations_frame",
    "changes_frame",
    "coverage_frame",
    "execution_frame",
    "expiry_frame",
    "frame",
    "geo_frame",
    "indicators_frame",
]

Backend = Union[Literal["pandas"], Literal["polars"]]
DecimalMode = Union[Literal["arrow"], Literal["object"]]
Table = Union[Literal["allocations"], Literal["action_sheets"], Literal["indicators"], Literal["execution"]]
#: The language of a frame's headers and vocabulary values (``labels=``); ``None`` keeps the
#: column names and codes.
Labels = Union[Literal["fr"], Literal["en"]]

# Column name → kind: "str", "int16", "int32", "int64", "bool", "date", "money" (14 digits, 2
# decimals: core's Amount range, signed), "share" (0 to 1 with 4 decimals), "decimal" (an exact
# decimal of any scale) or "str_list". Order is
# the frame's column order.
ALLOCATION_COLUMNS: dict[str, str] = {
    "convention_id": "str",
    "beneficiary_id": "str",
    "beneficiary": "str",
    "facility_kind": "str",
    "domain": "str",
    "label": "str",
    "year": "int16",
    "amount": "money",
}
ACTION_SHEET_COLUMNS: dict[str, str] = {
    "convention_id": "str",
    "number": "int32",
    "title": "str",
    "domains": "str_list",
    "lead": "str",
    "target_public": "str",
    "status": "str",
    "budget": "money",
    "indicators": "int32",
}
INDICATOR_COLUMNS: dict[str, str] = {
    "convention_id": "str",
    "action_sheet": "int32",
    "action_sheet_title": "str",
    "indicator": "str",
    "unit": "str",
    "baseline": "decimal",
    "target": "decimal",
    "date": "date",
    "value": "decimal",
    "progress": "decimal",
}
EXECUTION_COLUMNS: dict[str, str] = {
    "convention_id": "str",
    "beneficiary_id": "str",
    "beneficiary": "str",
    "facility_kind": "str",
    "domain": "str",
    "label": "str",
    "year": "int16",
    "planned": "money",
    "paid": "money",
    "gap": "money",
}
CHANGE_COLUMNS: dict[str, str] = {
    "kind": "str",
    "subject": "str",
    "has_before": "bool",
    "has_after": "bool",
    "beneficiary": "str",
    "facility_kind": "str",
    "domain": "str",
    "label": "str",
    "year": "int16",
    "before_amount": "money",
    "after_amount": "money",
    "difference": "money",
}
EXPIRY_COLUMNS: dict[str, str] = {
    "convention_id": "str",
    "title": "str",
    "end_date": "date",
    "months_before_expiry": "int32",
    "status": "str",
}
# The official geography (ctg-geo's records and lookup rows, core's coverage). Populations are
# int64 and null when the reference gives none: absent is not zero.
COMMUNE_COLUMNS: dict[str, str] = {
    "insee": "str",
    "name": "str",
    "kind": "str",
    "departement": "str",
    "region": "str",
    "siren": "str",
    "population": "int64",
    "epci": "str",
    "postal_codes": "str_list",
    "parent": "str",
}
EPCI_COLUMNS: dict[str, str] = {
    "siren": "str",
    "name": "str",
    "kind": "str",
    "population": "int64",
    "members": "str_list",
}
LOOKUP_COLUMNS: dict[str, str] = {
    "position": "int32",
    "query": "str",
    "status": "str",
    "reason": "str",
    "rank": "int32",
    "in_context": "bool",
    "kind": "str",
    "code": "str",
    "name": "str",
    "departement": "str",
    "population": "int64",
    "score": "int16",
    "match": "str",
    "rules": "str_list",
    "explanation": "str",
}
COVERAGE_COLUMNS: dict[str, str] = {
    "convention_id": "str",
    "insee": "str",
    "name": "str",
    "departement": "str",
    "population": "int64",
    "parties": "str_list",
    "former_codes": "str_list",
}
_GEO_TABLES: dict[str, dict[str, str]] = {
    "communes": COMMUNE_COLUMNS,
    "epcis": EPCI_COLUMNS,
    "lookup": LOOKUP_COLUMNS,
    "coverage": {name: kind for name, kind in COVERAGE_COLUMNS.items() if name != "convention_id"},
}
#: Column → the code of core's label (``ctg_core::render::Label``) that heads it with
#: ``labels=``: the tables' writers use the same labels, so a French allocations frame is headed
#: as the long funding table ``Convention.to_csv(shape="long")`` writes.
HEADERS: dict[str, str] = {
    "convention_id": "convention",
    "beneficiary_id": "identifier",
    "beneficiary": "beneficiary",
    "facility_kind": "facility_kind",
    "domain": "domain",
    "label": "label",
    "year": "year",
    "amount": "amount",
    "number": "number",
    "title": "title",
    "domains": "domains",
    "lead": "lead",
    "target_public": "target_public",
    "status": "status",
    "budget": "budget",
    "indicators": "indicators",
    "action_sheet": "action_sheet",
    "action_sheet_title": "action_sheet_title",
    "indicator": "indicator",
    "unit": "unit",
    "baseline": "baseline",
    "target": "target",
    "date": "date",
    "value": "value",
    "progress": "progress",
    "planned": "planned_amount",
    "paid": "paid_amount",
    "gap": "gap",
    "end_date": "end_date",
    "months_before_expiry": "months_before_expiry",
    "insee": "insee",
    "name": "name",
    "departement": "departement",
    "population": "population",
    "parties": "parties",
    "former_codes": "former_codes",
}
#: Per table, the columns of vocabulary codes and the vocabulary (a class of ``_enums``) whose
#: labels replace them with ``labels=``.
VOCABULARIES: dict[str, dict[str, str]] = {
    "allocations": {"facility_kind": "FacilityKind", "domain": "ThematicDomain"},
    "action_sheets": {"domains": "ThematicDomain", "status": "ActionStatus"},
    "indicators": {},
    "execution": {"facility_kind": "FacilityKind", "domain": "ThematicDomain"},
    "expiry": {"status": "ConventionStatus"},
    "coverage": {},
}
_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "allocations": ("_allocation_columns", ALLOCATION_COLUMNS),
    "action_sheets": ("_action_sheet_columns", ACTION_SHEET_COLUMNS),
    "indicators": ("_indicator_columns", INDICATOR_COLUMNS),
    "execution": ("_execution_columns", EXECUTION_COLUMNS),
}


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(
            f"{module} is needed for this frame: pip install {module} (or ctg[{extra}])"
        ) from err


def _labelled(
    columns: dict[str, list[Any]], schema: dict[str, str], table: str, labels: str | None
) -> tuple[dict[str, list[Any]], dict[str, str]]:
    """The columns headed by core's labels in ``labels`` and their vocabulary codes as core's
    labels (unchanged when ``labels`` is ``None``)."""
    if labels is None:
        return columns, schema
    from . import _ctg, _enums

    lang = _ctg._lang(labels)
    words: dict[str, dict[str, str]] = {}
    for column, vocabulary in VOCABULARIES.get(table, {}).items():
        words[column] = {member.code: member.label(lang) for member in getattr(_enums, vocabulary)}

    def word(column: str, value: Any) -> Any:
        if value is None or column not in words:
            return value
        if isinstance(value, list):
            return [words[column].get(item, item) for item in value]
        return words[column].get(value, value)  # a custom domain is its own label

    headers = {name: _ctg._label(HEADERS[name], lang) for name in schema}
    return (
        {headers[name]: [word(name, value) for value in columns[name]] for name in schema},
        {headers[name]: kind for name, kind in schema.items()},
    )


def _columns(conventions: Iterable[Convention], table: str) -> tuple[dict[str, list[Any]], dict[str, str]]:
    if table not in _TABLES:
        raise ValueError(f"unknown table {table!r} (expected one of {', '.join(map(repr, _TABLES))})")
    method, schema = _TABLES[table]
    columns: dict[str, list[Any]] = {name: [] for name in schema}
    for convention in conventions:
        part = getattr(convention, method)()
        for name in schema:
            columns[name].extend(part[name])
    return columns, schema


def _scale(values: list[Any]) -> int:
    """The largest number of decimals among exact decimals (0 when there is none)."""
    scale = 0
    for value in values:
        if value is not None:
            exponent = value.as_tuple().exponent
            if isinstance(exponent, int) and exponent < 0:
                scale = max(scale, -exponent)
    return scale


def _arrow_type(pa: Any, kind: str, values: list[Any]) -> Any:
    if kind == "decimal":
        return pa.decimal128(38, _scale(values))
    return {
        "str": pa.string(),
        "int16": pa.int16(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "money": pa.decimal128(14, 2),
        "share": pa.decimal128(5, 4),
        "str_list": pa.list_(pa.string()),
    }[kind]


def _polars_type(pl: Any, kind: str, values: list[Any]) -> Any:
    if kind == "decimal":
        return pl.Decimal(38, _scale(values))
    return {
        "str": pl.String,
        "int16": pl.Int16,
        "int32": pl.Int32,
        "int64": pl.Int64,
        "bool": pl.Boolean,
        "date": pl.Date,
        "money": pl.Decimal(14, 2),
        "share": pl.Decimal(5, 4),
        "str_list": pl.List(pl.String),
    }[kind]


# pandas dtypes of decimal="object" frames: nullable integers and booleans, objects otherwise.
_OBJECT_DTYPES = {"int16": "Int16", "int32": "Int32", "int64": "Int64", "bool": "boolean"}


def _build(columns: dict[str, list[Any]], schema: dict[str, str], backend: str, decimal: str) -> Any:
    if decimal not in ("arrow", "object"):
        raise ValueError(f"unknown decimal mode {decimal!r} (expected 'arrow' or 'object')")
    if backend == "pandas":
        pd = _require("pandas", "pandas")
        if decimal == "arrow":
            pa = _require("pyarrow", "pandas")
            arrays = [
                pa.array(columns[name], type=_arrow_type(pa, kind, columns[name])) for name, kind in schema.items()
            ]
            table = pa.Table.from_arrays(arrays, names=list(schema))
            return table.to_pandas(types_mapper=pd.ArrowDtype)
        # Integers and booleans as pandas' nullable types (Int16, Int32, boolean): a convention
        # without rows has nulls.
        data = {name: pd.Series(columns[name], dtype=_OBJECT_DTYPES.get(kind, object)) for name, kind in schema.items()}
        return pd.DataFrame(data, columns=list(schema))
    if backend == "polars":
        if decimal != "arrow":
            raise ValueError("polars frames always hold money as pl.Decimal(14, 2): use decimal='arrow'")
        pl = _require("polars", "polars")
        return pl.DataFrame(
            columns, schema={name: _polars_type(pl, kind, columns[name]) for name, kind in schema.items()}
        )
    raise ValueError(f"unknown backend {backend!r} (expected 'pandas' or 'polars')")


@overload
def frame(
    conventions: Iterable[Convention],
    backend: Literal["pandas"] = "pandas",
    *,
    table: Table = "allocations",
    decimal: DecimalMode = "arrow",
    labels: Labels | None = None,
) -> pd.DataFrame: ...
@overload
def frame(
    conventions: Iterable[Convention],
    backend: Literal["polars"],
    *,
    table: Table = "allocations",
    decimal: Literal["arrow"] = "arrow",
    labels: Labels | None = None,
) -> pl.DataFrame: ...
@overload
def frame(
    conventions: Iterable[Convention],
    backend: Backend,
    *,
    table: Table = "allocations",
    decimal: DecimalMode = "arrow",
    labels: Labels | None = None,
) -> pd.DataFrame | pl.DataFrame: ...
def frame(
    conventions: Iterable[Convention],
    backend: Backend = "pandas",
    *,
    table: Table = "allocations",
    decimal: DecimalMode = "arrow",
    labels: Labels | None = None,
) -> Any:
    """One data frame from many conventions, for cross-territory work.

    ``table="allocations"`` (default): one row per allocation and year, columns
    ``convention_id, beneficiary_id, beneficiary, facility_kind, domain, label, year, amount``.
    ``table="action_sheets"``: one row per action sheet, columns ``convention_id, number, title,
    domains, lead, target_public, status, budget, indicators``.
    ``table="indicators"``: one row per indicator and measurement (an indicator not measured yet
    is one row with a null ``date``, ``value`` and ``progress``), columns ``convention_id,
    action_sheet, action_sheet_title, indicator, unit, baseline, target, date, value, progress``.
    ``table="execution"``: one row per funding line and planned year, columns ``convention_id,
    beneficiary_id, beneficiary, facility_kind, year, planned, paid, gap`` (``paid`` and ``gap``
    null when the paid amount is not known: absent is not zero).

    Every convention is kept: one without rows (no funding section, no allocation, no action
    sheet) gives one row of its ``convention_id`` and nulls — a null ``amount``, not zero — so
    that ``groupby("convention_id")`` lists it.

    ``backend``: ``"pandas"`` (needs pandas, and pyarrow unless ``decimal="object"``), which
    returns a ``pandas.DataFrame``, or ``"polars"``, which returns a ``polars.DataFrame``. Money is exact: Arrow ``decimal128(14, 2)`` / ``pl.Decimal(14, 2)``, or with
    ``decimal="object"`` (pandas only) a column of :class:`decimal.Decimal`.

    ``labels``: ``"fr"`` or ``"en"`` heads the columns with core's labels — the headers the
    tables' writers print (``Identifiant, Bénéficiaire, Équipement, Domaine, Libellé, Année,
    Montant``) — and writes vocabulary codes as core's labels (``EAJE (crèche)``, ``Petite
    enfance``, ``En cours``); ``None`` (default) keeps the names and codes above.
    """
    columns, schema = _columns(conventions, table)
    columns, schema = _labelled(columns, schema, table, labels)
    return _build(columns, schema, backend, decimal)


def allocations_frame(
    convention: Convention, backend: Backend = "pandas", decimal: DecimalMode = "arrow", labels: Labels | None = None
) -> Any:
    """One row per allocation and year of one convention (see :func:`frame`)."""
    return frame([convention], backend, table="allocations", decimal=decimal, labels=labels)


def action_sheets_frame(
    convention: Convention, backend: Backend = "pandas", decimal: DecimalMode = "arrow", labels: Labels | None = None
) -> Any:
    """One row per action sheet of one convention (see :func:`frame`)."""
    return frame([convention], backend, table="action_sheets", decimal=decimal, labels=labels)


def indicators_frame(
    convention: Convention, backend: Backend = "pandas", decimal: DecimalMode = "arrow", labels: Labels | None = None
) -> Any:
    """One row per indicator and measurement of one convention (see :func:`frame`)."""
    return frame([convention], backend, table="indicators", decimal=decimal, labels=labels)


def execution_frame(
    convention: Convention, backend: Backend = "pandas", decimal: DecimalMode = "arrow", labels: Labels | None = None
) -> Any:
    """One row per funding line and year of one convention, planned against paid (see
    :func:`frame`)."""
    return frame([convention], backend, table="execution", decimal=decimal, labels=labels)


def changes_frame(diff: Diff, backend: Backend = "pandas", decimal: DecimalMode = "arrow") -> Any:
    """One row per change of a diff (``Diff.frame``)."""
    columns = diff._change_columns()
    return _build({name: list(columns[name]) for name in CHANGE_COLUMNS}, CHANGE_COLUMNS, backend, decimal)


@overload
def expiry_frame(
    conventions: Iterable[Convention],
    date: datetime.date | None = None,
    backend: Literal["pandas"] = "pandas",
    *,
    labels: Labels | None = None,
) -> pd.DataFrame: ...
@overload
def expiry_frame(
    conventions: Iterable[Convention],
    date: datetime.date | None,
    backend: Literal["polars"],
    *,
    labels: Labels | None = None,
) -> pl.DataFrame: ...
@overload
def expiry_frame(
    conventions: Iterable[Convention],
    date: datetime.date | None = None,
    backend: Backend = "pandas",
    *,
    labels: Labels | None = None,
) -> pd.DataFrame | pl.DataFrame: ...
def expiry_frame(
    conventions: Iterable[Convention],
    date: datetime.date | None = None,
    backend: Backend = "pandas",
    *,
    labels: Labels | None = None,
) -> Any:
    """When each convention ends, for planning renewals: one row per convention, in the order
    given, columns ``convention_id, title, end_date, months_before_expiry, status`` (core's
    ``end_date``, ``months_before_expiry(date)`` and ``status(date)`` code), on ``date``
    (default: ``datetime.date.today()``, read once for every row). ``labels``: as
    :func:`frame`'s (the status as its label).
    """
    day = datetime.date.today() if date is None else date
    columns: dict[str, list[Any]] = {name: [] for name in EXPIRY_COLUMNS}
    for convention in conventions:
        columns["convention_id"].append(convention.id)
        columns["title"].append(convention.title)
        columns["end_date"].append(convention.end_date)
        columns["months_before_expiry"].append(convention.months_before_expiry(day))
        columns["status"].append(convention.status(day).code)
    labelled, schema = _labelled(columns, EXPIRY_COLUMNS, "expiry", labels)
    return _build(labelled, schema, backend, "arrow")


def geo_frame(columns: dict[str, list[Any]], table: str, backend: Backend = "pandas", labels: Labels | None = None) -> Any:
    """A frame of the official geography from columns made by the native module
    (``Geography.communes_frame``, ``epcis_frame``, ``lookup_frame``, ``Coverage.frame``;
    ``labels`` for the coverage only)."""
    schema = _GEO_TABLES[table]
    labelled, schema = _labelled({name: list(columns[name]) for name in schema}, schema, table, labels)
    return _build(labelled, schema, backend, "arrow")


@overload
def coverage_frame(
    conventions: Iterable[Convention],
    geography: Geography | None = None,
    backend: Literal["pandas"] = "pandas",
    *,
    labels: Labels | None = None,
) -> pd.DataFrame: ...
@overload
def coverage_frame(
    conventions: Iterable[Convention],
    geography: Geography | None,
    backend: Literal["polars"],
    *,
    labels: Labels | None = None,
) -> pl.DataFrame: ...
@overload
def coverage_frame(
    conventions: Iterable[Convention],
    geography: Geography | None = None,
    backend: Backend = "pandas",
    *,
    labels: Labels | None = None,
) -> pd.DataFrame | pl.DataFrame: ...
def coverage_frame(
    conventions: Iterable[Convention],
    geography: Geography | None = None,
    backend: Backend = "pandas",
    *,
    labels: Labels | None = None,
) -> Any:
    """The communes each convention covers (core's ``Convention.coverage``), for cross-territory
    work: one row per convention and commune, in the order given, columns ``convention_id,
    insee, name, departement, population, parties, former_codes`` (``population`` null when the
    reference gives none). A convention that covers no commune (no signing commune or EPCI) has
    one row of its ``convention_id`` and nulls, so that a group-by per convention keeps it.
    ``geography``: ``ctg.geography()`` (the default, ``None``, is that one too). ``labels``: as
    :func:`frame`'s.
    """
    columns: dict[str, list[Any]] = {name: [] for name in COVERAGE_COLUMNS}
    for convention in conventions:
        part = convention.coverage(geography)._commune_columns()
        rows = len(part["insee"])
        if rows == 0:
            for name in COVERAGE_COLUMNS:
                columns[name].append(convention.id if name == "convention_id" else None)
            continue
        columns["convention_id"].extend([convention.id] * rows)
        for name in COVERAGE_COLUMNS:
            if name != "convention_id":
                columns[name].extend(part[name])
    labelled, schema = _labelled(columns, COVERAGE_COLUMNS, "coverage", labels)
    return _build(labelled, schema, backend, "arrow")
