"""Grants as open data: the SCDL *Subventions* 2.1.1 standard (schema.data.gouv.fr,
``scdl/subventions``), written from conventions, read from published files, checked, and matched
to the beneficiaries of conventions. Every rule, column and check is ``ctg-tables``'; this module
names its functions for Python.

>>> import ctg
>>> publication = ctg.scdl.publish(ctg.sample(), draft=True)   # the sample has no SIRET: a draft
>>> len(publication.grants)                                    # 9 beneficiaries × 3 years
27
>>> [i.code for i in publication.issues][:1]
['scdl.attribuant_siret_missing']
>>> read = ctg.scdl.read(publication.to_bytes())
>>> read.grants[3].montant
Decimal('40800.00')
>>> len(ctg.scdl.match(read.grants, ctg.sample()))
27

- :func:`publish`: one row per beneficiary and year (``granularity="year"``, each amount an
  amount of the convention) or over the period; the Caf carrying the convention is the
  attributor, the signature date ``dateConvention``, the convention's id ``referenceDecision``.
  What is missing to publish (an unsigned convention, a Caf without SIRET, a beneficiary with
  neither SIRET nor RNA number) raises :class:`ctg.ValidationError`, unless ``draft=True``.
- :func:`read`: a published file, checked (the header, ``french-siret-value`` with core's SIRET
  rules, ``one-of-required``, each cell's constraints); never raises on bad data.
- :func:`match`: grants to the beneficiaries of conventions, by SIRET, else by name.
- :func:`frame`: grants as a data frame with the standard's column names, ``montant`` exact.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any, Literal, Union, overload

from . import _ctg
from ._ctg import Convention, Grant, GrantMatch, Publication, ScdlRead
from ._frames import Backend, DecimalMode, _build

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = [
    "COLUMNS",
    "Grant",
    "GrantMatch",
    "Granularity",
    "Publication",
    "ScdlRead",
    "frame",
    "match",
    "publish",
    "read",
]

#: The columns of SCDL *Subventions* 2.1.1, in the schema's order (``ctg-tables``').
COLUMNS: tuple[str, ...] = tuple(_ctg._scdl_columns())

#: Rows per beneficiary and year (``"year"``), or per beneficiary over the convention.
Granularity = Union[Literal["year"], Literal["convention"]]

#: A file to read: a path, bytes, or a file object (binary; a text one is read as UTF-8).
_Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes], IO[str]]

# Column kinds of a frame of grants (see ``_frames``): the rest are texts as written.
_KINDS: dict[str, str] = {
    "dateConvention": "date",
    "montant": "money",
    "notificationUE": "bool",
    "pourcentageSubvention": "decimal",
}


def publish(
    conventions: Convention | Iterable[Convention],
    *,
    granularity: Granularity = "year",
    rna: Mapping[str, str] | None = None,
    conditions: str | None = None,
    notification_ue: bool = False,
    draft: bool = False,
) -> Publication:
    """The grants of ``conventions`` (one, or an iterable: one file for all) as SCDL
    *Subventions*: the :class:`Publication` (``csv`` text, ``to_bytes()``, ``grants``,
    ``issues``).

    ``rna`` gives RNA numbers (``W`` and 9 digits) by beneficiary id, for associations published
    without SIRET (the model has none). ``conditions`` is ``conditionsVersement`` (default
    ``"échelonné"``: Caf operating funding is paid as advances and a balance),
    ``notification_ue`` ``notificationUE``. Raises :class:`ctg.ValidationError` with what is
    missing to publish, unless ``draft=True`` (the missing cells are then empty and
    ``issues`` says which); an RNA number that is not one raises it too (``rna.invalid``).
    """
    return _ctg.scdl_publish(
        conventions,
        granularity=granularity,
        rna=None if rna is None else dict(rna),
        conditions=conditions,
        notification_ue=notification_ue,
        draft=draft,
    )


def read(source: _Source, *, name: str | None = None) -> ScdlRead:
    """Reads and checks a published SCDL *Subventions* file: its ``grants`` (money as
    :class:`decimal.Decimal`) and every problem at its cell (``issues``, ``valid``). Never
    raises on bad data. ``name`` names the file in the issues (default: the path, else
    ``"subventions.csv"``)."""
    return _ctg.scdl_read(source, name=name)


def match(grants: Iterable[Grant], conventions: Convention | Iterable[Convention]) -> list[GrantMatch]:
    """Matches ``grants`` (a département's, a Caf's published file) to the beneficiaries of
    ``conventions``: by SIRET first (the beneficiary's, or that of the party it is), then by name
    when neither side has a SIRET to compare and exactly one beneficiary bears it. Each match
    gives the grant's index in ``grants``; grants that match nothing are left out."""
    return _ctg.scdl_match(list(grants), conventions)


@overload
def frame(grants: Iterable[Grant], backend: Literal["pandas"] = "pandas", *, decimal: DecimalMode = "arrow") -> pd.DataFrame: ...
@overload
def frame(grants: Iterable[Grant], backend: Literal["polars"], *, decimal: Literal["arrow"] = "arrow") -> pl.DataFrame: ...
@overload
def frame(
    grants: Iterable[Grant], backend: Backend, *, decimal: DecimalMode = "arrow"
) -> pd.DataFrame | pl.DataFrame: ...
def frame(grants: Iterable[Grant], backend: Backend = "pandas", *, decimal: DecimalMode = "arrow") -> Any:
    """Grants as a data frame (pandas, or ``backend="polars"``): one row per grant, the
    standard's columns (:data:`COLUMNS`) in its order; ``montant`` exact (Arrow
    ``decimal128(14, 2)``, ``pl.Decimal(14, 2)``, or ``Decimal`` objects with
    ``decimal="object"``), ``dateConvention`` a date, ``notificationUE`` a boolean,
    ``pourcentageSubvention`` an exact decimal, the other columns texts as written."""
    schema = {column: _KINDS.get(column, "str") for column in COLUMNS}
    columns: dict[str, list[Any]] = {column: [] for column in COLUMNS}
    for grant in grants:
        row = grant.to_dict()
        for column in COLUMNS:
            columns[column].append(row[column])
    return _build(columns, schema, backend, decimal)
