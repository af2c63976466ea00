"""Stubs of the native module ``ctg._ctg`` (built from ``ctg-py/src`` with pyo3)."""

import datetime
import os
from decimal import Decimal
from typing import Any, ClassVar, Literal, SupportsIndex, TypeAlias, final, overload

import pandas as pd
import polars as pl

from ._enums import (
    ActionStatus,
    ConventionStatus,
    FacilityKind,
    GovernanceKind,
    PartyKind,
    PartyRole,
    ThematicDomain,
)
from ._errors import CtxValue, IssueDict
from ._frames import Backend, DecimalMode

FORMAT_VERSION: int

__all__ = [
    "Convention",
    "Report",
    "Issue",
    "Limits",
    "Period",
    "Signature",
    "Termination",
    "PreviousConvention",
    "Party",
    "Diagnostic",
    "Stake",
    "Objective",
    "ActionSheet",
    "Indicator",
    "Measurement",
    "Funding",
    "Beneficiary",
    "Allocation",
    "GovernanceBody",
    "Amendment",
    "Totals",
    "loads",
    "load",
    "validate",
    "sample",
    "sample_json",
    "parse_amount",
    "format_amount",
    "_vocabulary",
    "_lang",
    "_issue_codes",
    "parse_domain",
    "parse_facility_kind",
    "parse_party_kind",
    "FORMAT_VERSION",
]

#: A domain: a known ``ThematicDomain`` member, or the label of a custom domain.
_Domain: TypeAlias = ThematicDomain | str

@final
class Issue:
    """One problem found by validation: a stable code, a severity, where it is, its data (``ctx``)
    and its message in French or English, rendered by core's catalogue.
    """
    @property
    def code(self) -> str:
        """Stable code, e.g. ``"funding.year_total_mismatch"`` (equal to its ``ctg.IssueCode``
        member).
        """
    @property
    def severity(self) -> Literal["error", "warning", "info"]:
        """``"error"``, ``"warning"`` or ``"info"`` (always the code's severity)."""
    @property
    def path(self) -> str:
        """Where the problem is, as text: ``"funding.allocations[3].amounts.2024"`` (``""`` for the
        whole document).
        """
    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where the problem is, as a tuple of keys and indices:
        ``("funding", "allocations", 3, "amounts", "2024")``.
        """
    @property
    def ctx(self) -> dict[str, CtxValue]:
        """The problem's data, as named in the catalogue (a new ``dict`` at each access): amounts as
        ``Decimal`` with two places, decimals as ``Decimal``, dates as ``datetime.date``,
        integers as ``int``, lists as ``list[str]``, words of the catalogue as their code
        (``"object"``, ``"bytes"``), texts as ``str``.
        """
    @property
    def message_fr(self) -> str:
        """What is wrong, in French."""
    @property
    def message_en(self) -> str:
        """What is wrong, in English."""
    @property
    def is_error(self) -> bool:
        """Whether this issue is an error (the document is then invalid)."""
    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (``"fr"``, ``"en"``…; default: the current language,
        ``ctg.get_language()``).
        """
    def to_text(self, lang: str | None = None) -> str:
        """One line in ``lang`` (default: the current language):
        ``"erreur [field.missing] title : champ obligatoire « title » absent"``.
        """
    def to_dict(self) -> IssueDict:
        """``{code, severity, path, loc, ctx, message_fr, message_en}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(code: str, loc: tuple[str | int, ...], params: tuple[tuple[str, str, Any], ...]) -> Issue: ...

@final
class Report:
    """Every issue of a validation — errors, warnings and informations — in document order.

    ``valid`` is core's verdict (no error, counting those a truncated report no longer lists). A
    report is never raised: ``ctg.validate`` returns it, ``ctg.ValidationError.report`` carries
    it.
    """
    @property
    def valid(self) -> bool:
        """Whether the document is valid: no error (warnings and informations never block)."""
    @property
    def truncated(self) -> bool:
        """Whether the report was cut short at ``Limits.max_issues`` (its last issue is then
        ``report.truncated``, an information giving how many more there were).
        """
    @property
    def issues(self) -> list[Issue]:
        """Every issue — errors, warnings and informations — in document order."""
    @property
    def errors(self) -> list[Issue]:
        """The errors."""
    @property
    def warnings(self) -> list[Issue]:
        """The warnings."""
    @property
    def infos(self) -> list[Issue]:
        """The informations (``report.truncated``…)."""
    def to_dict(self) -> dict[str, Any]:
        """``{"valid": bool, "issues": [Issue.to_dict(), …]}``."""
    def to_text(self, lang: str | None = None) -> str:
        """One line per issue in ``lang`` (default: the current language), as core writes them:
        ``"erreur [field.missing] title : champ obligatoire « title » absent"``.
        """
    def summary(self, lang: str | None = None) -> str:
        """The counts in ``lang`` (default: the current language): ``"2 erreurs, 1 avertissement"``."""
    def to_html(self, lang: str | None = None) -> str:
        """The verdict and one row per issue in HTML, in ``lang`` (default: the current language);
        everything shown is escaped.
        """
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(issues: list[Issue], hidden_errors: int) -> Report: ...

@final
class Limits:
    """The limits of what validation reads, the same in every language (core's ``Limits``). Past a
    limit, validation stops with one issue, or stops listing issues:

    - ``max_bytes``: the largest JSON text read, in bytes (``input.too_large``);
    - ``max_values``: the most values (scalars, lists, dicts) of a Python document
      (``input.too_large``);
    - ``max_depth``: the deepest nesting of lists and objects, in JSON text as in Python values
      (``json.too_deep``; a cycle ends there too);
    - ``max_issues``: the most issues a report lists (then ``report.truncated``, an information).

    ``Limits()`` has core's defaults; give only the ones to change:
    ``ctg.validate(doc, limits=ctg.Limits(max_issues=20))``. Frozen and hashable.
    """
    def __new__(
        cls,
        *,
        max_bytes: int = ...,
        max_values: int = ...,
        max_depth: int = ...,
        max_issues: int = ...,
    ) -> Limits: ...
    @property
    def max_bytes(self) -> int:
        """The largest JSON text read, in bytes (default 64 MiB)."""
    @property
    def max_values(self) -> int:
        """The most values a Python document may hold (default 4 194 304)."""
    @property
    def max_depth(self) -> int:
        """The deepest nesting of lists and objects (default 64)."""
    @property
    def max_issues(self) -> int:
        """The most issues a report lists (default 1000)."""
    def replace(
        self,
        *,
        max_bytes: int | None = None,
        max_values: int | None = None,
        max_depth: int | None = None,
        max_issues: int | None = None,
    ) -> Limits:
        """A copy with some limits changed: ``limits.replace(max_depth=16)``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(max_bytes: int, max_values: int, max_depth: int, max_issues: int) -> Limits: ...

@final
class Period:
    """The years a convention covers (first and last inclusive)."""
    @property
    def first_year(self) -> int:
        """First civil year covered."""
    @property
    def last_year(self) -> int:
        """Last civil year covered (inclusive)."""
    @property
    def years(self) -> tuple[int, ...]:
        """The years covered, in order."""
    @property
    def start_date(self) -> datetime.date:
        """January 1st of the first year."""
    @property
    def end_date(self) -> datetime.date:
        """December 31st of the last year."""
    def __len__(self) -> int: ...
    def __contains__(self, year: int, /) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Signature:
    """When and where a convention was signed."""
    @property
    def date(self) -> datetime.date:
        """Day of the signature."""
    @property
    def place(self) -> str | None:
        """Where it was signed."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Termination:
    """An early end of a convention."""
    @property
    def date(self) -> datetime.date:
        """Day the convention ended early."""
    @property
    def reason(self) -> str | None:
        """Why."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class PreviousConvention:
    """The convention (a first CTG, or a CEJ) that this one renews."""
    @property
    def id(self) -> str | None:
        """Id of the previous convention, when known."""
    @property
    def title(self) -> str | None:
        """Its title."""
    @property
    def first_year(self) -> int | None:
        """Its first year."""
    @property
    def last_year(self) -> int | None:
        """Its last year."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Party:
    """A signatory or associated partner: a Caf, a collectivity or another body."""
    @property
    def id(self) -> str:
        """Unique among the parties."""
    @property
    def name(self) -> str:
        """Official name."""
    @property
    def kind(self) -> PartyKind:
        """What the body is."""
    @property
    def role(self) -> PartyRole:
        """Its role in the convention."""
    @property
    def insee(self) -> str | None:
        """INSEE code of a commune."""
    @property
    def siren(self) -> str | None:
        """SIREN of the legal body."""
    @property
    def siret(self) -> str | None:
        """SIRET of an establishment."""
    @property
    def departement(self) -> str | None:
        """Département code."""
    @property
    def members(self) -> tuple[str, ...]:
        """INSEE codes of the member communes (EPCI, syndicate)."""
    @property
    def deliberation_date(self) -> datetime.date | None:
        """Date of the council's deliberation approving the convention."""
    @property
    def aliases(self) -> tuple[str, ...]:
        """Other spellings found in the sources."""
    @property
    def is_collectivity(self) -> bool:
        """Whether it is a collectivity (commune, EPCI, syndicate, département, CCAS/CIAS)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Diagnostic:
    """The shared diagnostic the convention is based on."""
    @property
    def start_date(self) -> datetime.date | None:
        """When it started."""
    @property
    def end_date(self) -> datetime.date | None:
        """When it ended."""
    @property
    def author(self) -> str | None:
        """Who made it."""
    @property
    def sources(self) -> tuple[str, ...]:
        """Data used."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Stake:
    """A stake (*enjeu*)."""
    @property
    def id(self) -> str:
        """Unique among stakes."""
    @property
    def title(self) -> str:
        """The stake as written."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Objective:
    """A strategic objective."""
    @property
    def id(self) -> str:
        """Unique among objectives."""
    @property
    def title(self) -> str:
        """The objective as written."""
    @property
    def stakes(self) -> tuple[str, ...]:
        """Ids of the stakes it answers."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Measurement:
    """One measured value of an indicator."""
    @property
    def date(self) -> datetime.date:
        """When it was measured."""
    @property
    def value(self) -> Decimal:
        """The value."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Indicator:
    """An evaluation indicator of an action sheet."""
    @property
    def name(self) -> str:
        """What is measured."""
    @property
    def unit(self) -> str | None:
        """Unit."""
    @property
    def baseline(self) -> Decimal | None:
        """Initial value."""
    @property
    def target(self) -> Decimal | None:
        """Value aimed at."""
    @property
    def measurements(self) -> tuple[Measurement, ...]:
        """Measured values, oldest first."""
    @property
    def latest(self) -> Measurement | None:
        """The most recent measurement."""
    @property
    def progress(self) -> Decimal | None:
        """``(latest - baseline) / (target - baseline)`` rounded to 4 decimals, or ``None``."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class ActionSheet:
    """A numbered action of the plan (*fiche action*)."""
    @property
    def number(self) -> int:
        """Number, unique in the convention (from 1)."""
    @property
    def title(self) -> str:
        """Title."""
    @property
    def domains(self) -> tuple[_Domain, ...]:
        """Thematic domains (``ThematicDomain`` members; a custom domain is its label, a ``str``)."""
    @property
    def objectives(self) -> tuple[str, ...]:
        """Ids of the objectives it serves."""
    @property
    def lead(self) -> str | None:
        """Id of the party that leads it."""
    @property
    def partners(self) -> tuple[str, ...]:
        """Other actors involved (free text)."""
    @property
    def target_public(self) -> str | None:
        """Who it is for."""
    @property
    def communes(self) -> tuple[str, ...]:
        """INSEE codes of the communes concerned."""
    @property
    def start(self) -> datetime.date | None:
        """First day of its schedule."""
    @property
    def end(self) -> datetime.date | None:
        """Last day of its schedule."""
    @property
    def status(self) -> ActionStatus:
        """Where it stands."""
    @property
    def budget(self) -> Decimal | None:
        """Its budget, when known."""
    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """How it is evaluated."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Beneficiary:
    """An operator that receives money."""
    @property
    def id(self) -> str:
        """Unique among beneficiaries."""
    @property
    def name(self) -> str:
        """Name."""
    @property
    def siret(self) -> str | None:
        """SIRET of the operator."""
    @property
    def party(self) -> str | None:
        """Id of the party it is, when it is one."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Allocation:
    """Money for one beneficiary and one kind of facility, per year."""
    @property
    def beneficiary(self) -> str:
        """Id of the beneficiary."""
    @property
    def facility_kind(self) -> FacilityKind:
        """What it funds."""
    @property
    def domain(self) -> _Domain | None:
        """Its thematic domain (a custom domain is its label, a ``str``)."""
    @property
    def label(self) -> str | None:
        """Free description."""
    @property
    def amounts(self) -> dict[int, Decimal]:
        """Amount per year."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Funding:
    """The Caf's envelope: beneficiaries, allocations and declared totals."""
    @property
    def beneficiaries(self) -> tuple[Beneficiary, ...]:
        """Operators that receive money."""
    @property
    def allocations(self) -> tuple[Allocation, ...]:
        """Allocations, in document order."""
    @property
    def declared_yearly(self) -> dict[int, Decimal]:
        """The yearly envelopes as the source declares them."""
    @property
    def declared_total(self) -> Decimal | None:
        """The whole-period envelope as the source declares it."""
    def beneficiary(self, id: str) -> Beneficiary | None:
        """The beneficiary with this id, or ``None``."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class GovernanceBody:
    """A committee that steers or follows the convention."""
    @property
    def kind(self) -> GovernanceKind:
        """Which kind of committee."""
    @property
    def name(self) -> str | None:
        """Its name."""
    @property
    def frequency(self) -> str | None:
        """How often it meets."""
    @property
    def members(self) -> tuple[str, ...]:
        """Ids of the parties sitting on it."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Amendment:
    """An amendment (*avenant*)."""
    @property
    def number(self) -> int:
        """Number, unique in the convention."""
    @property
    def date(self) -> datetime.date:
        """Date of the amendment."""
    @property
    def summary(self) -> str:
        """What it changes."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Totals:
    """Exact totals of a convention's funding (``Convention.totals()``)."""
    @property
    def total(self) -> Decimal:
        """Sum of every allocation."""
    @property
    def by_year(self) -> dict[int, Decimal]:
        """Per year of the period (every year present, zero when unfunded)."""
    @property
    def by_beneficiary(self) -> dict[str, Decimal]:
        """Per beneficiary id."""
    @property
    def by_beneficiary_year(self) -> dict[str, dict[int, Decimal]]:
        """Per beneficiary id, then per year."""
    @property
    def by_domain(self) -> dict[str, Decimal]:
        """Per domain code (``"unassigned"`` for allocations without a domain; a custom domain
        under its label).
        """
    @property
    def by_facility_kind(self) -> dict[FacilityKind, Decimal]:
        """Per facility kind (``FacilityKind`` keys, equal to their code strings)."""
    @property
    def coordination(self) -> Decimal:
        """Sum of the ``coordination`` allocations (the CTG coordination post)."""
    @property
    def coordination_share(self) -> Decimal | None:
        """``coordination / total`` rounded half away from zero to 4 decimals; ``None`` when the
        total is 0.
        """
    def to_dict(self) -> dict[str, Any]:
        """The totals as plain Python values (``Decimal`` money, ``int`` years, ``str`` keys)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Convention:
    """A valid *Convention Territoriale Globale*.

    Only validation makes one (``ctg.load``, ``ctg.loads``, ``Convention.from_dict``,
    ``ctg.sample``), so every invariant holds: identifiers are checked, references resolve,
    declared totals equal the sums. Read-only (its collections are tuples, made once and shared by
    every access); equal conventions compare equal; picklable.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: object, *, limits: Limits | None = None) -> Convention:
        """Validates a Python value (a ``dict`` as ``json.load`` gives; ``Decimal``, ``date``, numpy
        integers accepted) into a convention, within ``limits`` (default: ``ctg.Limits()``);
        raises ``ctg.ValidationError`` listing every problem.
        """
    @staticmethod
    def from_json(data: str | bytes | bytearray | memoryview, *, limits: Limits | None = None) -> Convention:
        """Validates JSON text (``str``, ``bytes``, ``bytearray`` or ``memoryview``) into a
        convention, within ``limits``; raises ``ctg.ValidationError`` listing every problem.
        """
    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form as a ``dict`` (money as ``"241801.00"`` strings, dates as ISO
        strings), like pydantic's ``model_dump(mode="json")``.
        """
    def to_json(self, indent: int | None = None) -> str:
        """The canonical JSON text: compact, or pretty-printed with ``indent`` spaces."""
    @property
    def format_version(self) -> int:
        """Format version (always 1)."""
    @property
    def id(self) -> str:
        """Identifier (``"ctg-81-thore-montagne-noire-2023"``)."""
    @property
    def title(self) -> str:
        """Title."""
    @property
    def period(self) -> Period:
        """The years covered."""
    @property
    def signature(self) -> Signature | None:
        """The signature, ``None`` while a draft."""
    @property
    def termination(self) -> Termination | None:
        """The early termination, if any."""
    @property
    def renews(self) -> PreviousConvention | None:
        """The convention this one renews."""
    @property
    def parties(self) -> tuple[Party, ...]:
        """Every party, in document order."""
    @property
    def cafs(self) -> tuple[Party, ...]:
        """The Caf(s) (the same objects as in ``parties``)."""
    @property
    def collectivities(self) -> tuple[Party, ...]:
        """The collectivities among the parties (the same objects as in ``parties``)."""
    def party(self, id: str) -> Party | None:
        """The party with this id (the same object as in ``parties``), or ``None``."""
    @property
    def domains(self) -> tuple[_Domain, ...]:
        """The thematic domains (``ThematicDomain`` members; a custom domain is its label, a ``str``)."""
    @property
    def diagnostic(self) -> Diagnostic | None:
        """The shared diagnostic."""
    @property
    def stakes(self) -> tuple[Stake, ...]:
        """The stakes (*enjeux*)."""
    @property
    def objectives(self) -> tuple[Objective, ...]:
        """The strategic objectives."""
    @property
    def action_sheets(self) -> tuple[ActionSheet, ...]:
        """The action sheets, in document order."""
    def action_sheet(self, number: int) -> ActionSheet | None:
        """The action sheet with this number (the same object as in ``action_sheets``), or ``None``."""
    @property
    def funding(self) -> Funding | None:
        """The funding, when the document has a funding section."""
    @property
    def governance(self) -> tuple[GovernanceBody, ...]:
        """The governance bodies."""
    @property
    def amendments(self) -> tuple[Amendment, ...]:
        """The amendments."""
    @property
    def sources(self) -> tuple[str, ...]:
        """Where the data comes from."""
    @property
    def notes(self) -> str | None:
        """Free remarks."""
    def status(self, today: datetime.date | None = None) -> ConventionStatus:
        """The status on the day ``today`` (default: ``datetime.date.today()``; core never reads
        the clock).
        """
    def totals(self) -> Totals | None:
        """Exact totals by year, beneficiary, domain and facility kind, and the coordination share;
        ``None`` when the convention has no funding section (absent is not zero: a funding
        section without allocations gives totals of zero).
        """
    def indicator_progress(self) -> list[dict[str, Any]]:
        """Progress of every indicator that has a baseline, a target and a measurement:
        ``[{"action_sheet": int, "indicator": str, "latest": Decimal, "progress": Decimal}]``.
        """
    @overload
    def allocations_frame(self, backend: Literal["pandas"] = "pandas", decimal: DecimalMode = "arrow") -> pd.DataFrame:
        """One row per allocation and year as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def allocations_frame(self, backend: Literal["polars"], decimal: Literal["arrow"] = "arrow") -> pl.DataFrame:
        """One row per allocation and year as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def allocations_frame(self, backend: Backend, decimal: DecimalMode = "arrow") -> pd.DataFrame | pl.DataFrame:
        """One row per allocation and year as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def action_sheets_frame(self, backend: Literal["pandas"] = "pandas", decimal: DecimalMode = "arrow") -> pd.DataFrame:
        """One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def action_sheets_frame(self, backend: Literal["polars"], decimal: Literal["arrow"] = "arrow") -> pl.DataFrame:
        """One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def action_sheets_frame(self, backend: Backend, decimal: DecimalMode = "arrow") -> pd.DataFrame | pl.DataFrame:
        """One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    def _allocation_columns(self) -> dict[str, list[Any]]: ...
    def _action_sheet_columns(self) -> dict[str, list[Any]]: ...
    def to_html(self, lang: str | None = None, today: datetime.date | None = None) -> str:
        """A summary table in HTML (core's), in ``lang`` (default: the current language), with the
        status on ``today`` (default: ``datetime.date.today()``); everything shown is escaped.
        """
    def to_text(self, lang: str | None = None, today: datetime.date | None = None) -> str:
        """A summary as text (core's, as ``ctg report`` prints it), in ``lang`` (default: the
        current language), with the status on ``today`` (default: ``datetime.date.today()``).
        """
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def loads(data: str | bytes | bytearray | memoryview, *, limits: Limits | None = None) -> Convention:
    """Reads JSON text (``str``, ``bytes``, ``bytearray`` or ``memoryview``) into a convention.

    Raises ``ctg.ValidationError`` (listing every problem) when the document is invalid. A
    ``str`` is always JSON text: a file name given here is reported by core as ``json.syntax``
    ("this text looks like a file name"); use ``ctg.load`` for a file.
    """
def load(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Convention:
    """Reads and validates a JSON file (a ``str`` path or any ``os.PathLike``), reading at most
    ``limits.max_bytes + 1`` bytes (a larger file is ``input.too_large``).

    Raises ``ctg.ValidationError`` listing every problem when the document is invalid, and
    ``OSError`` when the file cannot be read.
    """
def validate(data: object, *, limits: Limits | None = None) -> Report:
    """Validates a document and returns the report of every issue; never raises on bad data.

    ``data`` is JSON text (``str``, ``bytes``, ``bytearray``, ``memoryview``), a JSON file (any
    ``os.PathLike``, e.g. ``pathlib.Path``, read up to ``limits.max_bytes + 1`` bytes), or a
    Python value (a ``dict``, with ``Decimal``, ``date``, numpy integers…). A plain ``str`` is
    always JSON text: a file name given as ``str`` is reported by core as ``json.syntax`` with
    the detail "this text looks like a file name". A file that cannot be read raises ``OSError``.
    """
def sample() -> Convention:
    """The embedded sample convention: CC Thoré Montagne Noire (Tarn), 2023–2025."""
def sample_json() -> str:
    """The embedded sample as JSON text."""
def parse_amount(value: Decimal | str | SupportsIndex) -> Decimal:
    """Reads an amount exactly, the way core reads a document's amounts, into a ``Decimal`` with two
    places: ``parse_amount("1 234,56 €") == Decimal("1234.56")``, ``parse_amount(40800)`` (whole
    euros, numpy integers too), ``parse_amount(Decimal("1E+3")) == Decimal("1000.00")``.

    Raises ``ctg.ValidationError`` (also a ``ValueError``) with core's issue: ``amount.float`` for
    a ``float``, ``value.nan`` for a float NaN, ``amount.ambiguous`` for ``"12.000"``,
    ``amount.invalid``, ``amount.negative``, ``amount.too_precise``, ``amount.too_large``, or
    ``field.type`` for a value of another type.
    """
def format_amount(value: Decimal | str | SupportsIndex, lang: str | None = None) -> str:
    """Writes an amount as core does, in ``lang`` (default: the current language): ``"241 801 €"``
    in French (narrow no-break spaces), ``"€241,801.00"`` in English. Accepts what
    ``parse_amount`` accepts, and raises as it does.
    """
def parse_domain(label: str) -> _Domain:
    """Reads a domain label the way core does (`"Petite enfance"`, `"parentalite"`): a
    `ThematicDomain` member, or the trimmed label (`str`) of a custom domain.
    """
def parse_facility_kind(label: str) -> FacilityKind | None:
    """Reads a facility kind the way core does (`"crèche"`, `"RAM"`), or `None`."""
def parse_party_kind(label: str) -> PartyKind | None:
    """Reads a party kind the way core does (`"Communauté de communes"`, `"SMIX"`), or `None`."""
def _vocabulary(name: str) -> list[tuple[str, str, str]]: ...
def _lang(lang: str) -> Literal["fr", "en"]: ...
def _issue_codes() -> list[tuple[str, str, str, str, str]]: ...
