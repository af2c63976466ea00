"""Stubs of the native module ``ctg._ctg`` (built from ``ctg-py/src`` with pyo3)."""

import datetime
from decimal import Decimal
from typing import Any, ClassVar, Literal, TypeAlias, final, overload

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
from ._errors import ErrorDetails
from ._frames import Backend, DecimalMode

FORMAT_VERSION: int

__all__ = [
    "Convention",
    "Report",
    "Issue",
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
    "validate",
    "sample",
    "sample_json",
    "parse_amount",
    "format_amount",
    "_vocabulary",
    "_lang",
    "parse_domain",
    "parse_facility_kind",
    "parse_party_kind",
    "FORMAT_VERSION",
]

#: A domain: a known ``ThematicDomain`` member, or the label of a custom domain.
_Domain: TypeAlias = ThematicDomain | str

@final
class Issue:
    """One problem found by validation: a stable code, a severity, where it is and what is wrong
    in French and in English.
    """
    @property
    def code(self) -> str:
        """Stable code, e.g. ``"funding.year_total_mismatch"``."""
    @property
    def severity(self) -> Literal["error", "warning"]:
        """``"error"`` or ``"warning"``."""
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
    def message_fr(self) -> str:
        """What is wrong, in French."""
    @property
    def message_en(self) -> str:
        """What is wrong, in English."""
    @property
    def is_error(self) -> bool:
        """Whether this issue is an error (the document is then invalid)."""
    def message(self, lang: str = "fr") -> str:
        """The message in ``lang`` (``"fr"`` or ``"en"``)."""
    def to_dict(self) -> ErrorDetails:
        """``{code, severity, path, loc, message_fr, message_en}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(code: str, loc: tuple[str | int, ...], message_fr: str, message_en: str) -> Issue: ...

@final
class Report:
    """Every issue of a validation, errors and warnings, in document order.

    ``valid`` is core's verdict (no error). A report is never raised: ``ctg.validate`` returns it,
    ``ctg.ValidationError.report`` carries it.
    """
    @property
    def valid(self) -> bool:
        """Whether the document is valid: no error (warnings never block)."""
    @property
    def issues(self) -> list[Issue]:
        """Every issue, errors and warnings, in document order."""
    @property
    def errors(self) -> list[Issue]:
        """The errors."""
    @property
    def warnings(self) -> list[Issue]:
        """The warnings."""
    def to_dict(self) -> dict[str, Any]:
        """``{"valid": bool, "issues": [issue dicts]}``."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(issues: list[Issue]) -> Report: ...

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
    def years(self) -> list[int]:
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
    def members(self) -> list[str]:
        """INSEE codes of the member communes (EPCI, syndicate)."""
    @property
    def deliberation_date(self) -> datetime.date | None:
        """Date of the council's deliberation approving the convention."""
    @property
    def aliases(self) -> list[str]:
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
    def sources(self) -> list[str]:
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
    def stakes(self) -> list[str]:
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
    def measurements(self) -> list[Measurement]:
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
    def domains(self) -> list[_Domain]:
        """Thematic domains (``ThematicDomain`` members; a custom domain is its label, a ``str``)."""
    @property
    def objectives(self) -> list[str]:
        """Ids of the objectives it serves."""
    @property
    def lead(self) -> str | None:
        """Id of the party that leads it."""
    @property
    def partners(self) -> list[str]:
        """Other actors involved (free text)."""
    @property
    def target_public(self) -> str | None:
        """Who it is for."""
    @property
    def communes(self) -> list[str]:
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
    def indicators(self) -> list[Indicator]:
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
    def beneficiaries(self) -> list[Beneficiary]:
        """Operators that receive money."""
    @property
    def allocations(self) -> list[Allocation]:
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
    def members(self) -> list[str]:
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
    declared totals equal the sums. Read-only; equal conventions compare equal; picklable.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: object) -> Convention:
        """Validates a ``dict`` (as ``json.load`` gives, ``Decimal`` and ``date`` values accepted)
        into a convention; raises ``ctg.ValidationError`` listing every problem.
        """
    @staticmethod
    def from_json(data: str | bytes | bytearray) -> Convention:
        """Validates JSON text (``str`` or ``bytes``) into a convention; raises
        ``ctg.ValidationError`` listing every problem.
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
    def parties(self) -> list[Party]:
        """Every party, in document order."""
    @property
    def cafs(self) -> list[Party]:
        """The Caf(s)."""
    @property
    def collectivities(self) -> list[Party]:
        """The collectivities among the parties."""
    def party(self, id: str) -> Party | None:
        """The party with this id, or ``None``."""
    @property
    def domains(self) -> list[_Domain]:
        """The thematic domains (``ThematicDomain`` members; a custom domain is its label, a ``str``)."""
    @property
    def diagnostic(self) -> Diagnostic | None:
        """The shared diagnostic."""
    @property
    def stakes(self) -> list[Stake]:
        """The stakes (*enjeux*)."""
    @property
    def objectives(self) -> list[Objective]:
        """The strategic objectives."""
    @property
    def action_sheets(self) -> list[ActionSheet]:
        """The action sheets, in document order."""
    def action_sheet(self, number: int) -> ActionSheet | None:
        """The action sheet with this number, or ``None``."""
    @property
    def funding(self) -> Funding | None:
        """The funding, when the document has some."""
    @property
    def governance(self) -> list[GovernanceBody]:
        """The governance bodies."""
    @property
    def amendments(self) -> list[Amendment]:
        """The amendments."""
    @property
    def sources(self) -> list[str]:
        """Where the data comes from."""
    @property
    def notes(self) -> str | None:
        """Free remarks."""
    def status(self, today: datetime.date | None = None) -> ConventionStatus:
        """The status on the day ``today`` (default: ``datetime.date.today()``; core never reads
        the clock).
        """
    def totals(self) -> Totals:
        """Exact totals by year, beneficiary, domain and facility kind, and the coordination share."""
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
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def loads(data: str | bytes | bytearray) -> Convention:
    """Reads JSON text (`str` or `bytes`) into a convention.

    Raises `ctg.ValidationError` (listing every problem) when the document is invalid.
    """
def validate(data: object) -> Report:
    """Validates JSON text (`str`/`bytes`) or a Python object (`dict`…) and returns the report
    listing every issue. Never raises on bad data.
    """
def sample() -> Convention:
    """The embedded sample convention: CC Thoré Montagne Noire (Tarn), 2023–2025."""
def sample_json() -> str:
    """The embedded sample as JSON text."""
def parse_amount(value: Decimal | str | int) -> Decimal:
    """Reads an amount exactly, the way core reads it in a document, into a `Decimal` with two
    places: `parse_amount("1 234,56 €") == Decimal("1234.56")`.

    Raises `ctg.ValidationError` (also a `ValueError`) with the code `amount.float` for a `float`,
    `amount.invalid`, `amount.negative`, `amount.too_precise` or `amount.too_large` otherwise.
    """
def format_amount(value: Decimal | str | int, lang: str = "fr") -> str:
    """Writes an amount as core does: `"241 801 €"` in French (narrow no-break spaces), `"€241,801"`
    in English. Accepts what `parse_amount` accepts.
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
