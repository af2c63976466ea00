"""Stubs of the native module ``ctg._ctg`` (built from ``ctg-py/src`` with pyo3)."""

import datetime
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import IO, Any, ClassVar, Literal, SupportsIndex, TypeAlias, final, overload

import pandas as pd
import polars as pl
from typing_extensions import Self, disjoint_base

from ._enums import (
    ActionStatus,
    ChangeKind,
    ConventionStatus,
    FacilityKind,
    GovernanceKind,
    IndicatorStatus,
    PartyKind,
    PartyRole,
    ThematicDomain,
)
from ._errors import CtxValue, IssueDict
from ._frames import Backend, DecimalMode, Labels

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
    "DeclaredTotals",
    "Change",
    "PeriodChange",
    "PartyChange",
    "DomainChange",
    "StakeChange",
    "ObjectiveChange",
    "ActionSheetChange",
    "BeneficiaryChange",
    "AmountChange",
    "DeclaredChange",
    "InForce",
    "Diff",
    "Renewal",
    "SheetLink",
    "SheetRef",
    "Envelope",
    "IndicatorProgress",
    "IndicatorRow",
    "ExecutionRow",
    "YearExecution",
    "Execution",
    "LateSheet",
    "Evaluation",
    "Geography",
    "Vintage",
    "CommuneRecord",
    "EpciRecord",
    "Departement",
    "Region",
    "FormerCommune",
    "Candidate",
    "Lookup",
    "NameList",
    "Filled",
    "Coverage",
    "Portfolio",
    "PortfolioEntry",
    "PortfolioSummary",
    "CoveredCommune",
    "FundingPerInhabitant",
    "MemberNotParty",
    "UnresolvedParty",
    "Import",
    "TableInfo",
    "Grant",
    "Publication",
    "ScdlRead",
    "GrantMatch",
    "read_excel",
    "read_csv",
    "read_tables",
    "scdl_publish",
    "scdl_read",
    "scdl_match",
    "_scdl_columns",
    "_label",
    "geography",
    "_geo_record",
    "diff",
    "split_amount",
    "split_amount_evenly",
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
    "_rebuild",
    "parse_domain",
    "parse_facility_kind",
    "parse_party_kind",
    "FORMAT_VERSION",
]

#: A domain: a known ``ThematicDomain`` member, or the label of a custom domain.
_Domain: TypeAlias = ThematicDomain | str
#: An amount as core reads it (``parse_amount``): a ``Decimal``, whole euros, or a text as people
#: write it (``"1 234,56 €"``); never a ``float``.
_Amount: TypeAlias = Decimal | str | SupportsIndex
#: A decimal (indicators) as core reads it: a ``Decimal``, an integer or a text; never a ``float``.
_Number: TypeAlias = Decimal | str | SupportsIndex
#: A date as core reads it: a ``datetime.date`` (a ``datetime`` at midnight), or its text
#: (``"2024-03-12"``, ``"12/03/2024"``).
_Date: TypeAlias = datetime.date | str
#: A table file: a path, its bytes, or a file object (binary; a text one is read as UTF-8).
_TableSource: TypeAlias = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes] | IO[str]
#: Where a written file goes: a path, a binary file object (``None``: its bytes are returned).
_Target: TypeAlias = str | os.PathLike[str] | IO[bytes]
#: A table of a convention.
_TableName: TypeAlias = Literal["funding", "action_plan", "parties"]
#: The shape of a funding table.
_FundingShape: TypeAlias = Literal["wide", "long"]
#: The shape a table is read as (``None``: recognised by its header).
_Shape: TypeAlias = Literal["wide", "long", "funding_wide", "funding_long", "action_plan", "parties"]
#: The document tables are read into.
_Into: TypeAlias = "Convention | Mapping[str, Any] | str | bytes | None"

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
    def cell(self) -> str | None:
        """Where the issue is in a spreadsheet, when it was found in one (``ctx`` holds its
        ``sheet``, ``row`` and ``column``): ``"Financement!C7"``, a whole row
        ``"Financement!7:7"``, a sheet ``"Financement"`` (a name with spaces quoted:
        ``"'Plan d''actions'!B3"``); ``None`` otherwise. Core's ``Issue::cell``.
        """
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
    """The years a convention covers (first and last inclusive): ``Period(2023, 2025)``, by
    core's rules (``year.invalid``, ``period.reversed``, ``period.too_long`` raise
    ``ctg.ValidationError``).
    """
    def __new__(cls, first_year: int, last_year: int) -> Period: ...
    def replace(self, *, first_year: int = ..., last_year: int = ...) -> Period:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(self, *, first_year: int = ..., last_year: int = ...) -> Period: ...
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
    """When and where a convention was signed: ``Signature(date(2024, 1, 16), place="…")``.

    Every model class is built with keyword arguments through core's constructors (``new``
    and ``with_…``), and checked when the convention it goes in is built. Dates are read by
    core (a ``datetime.date``, a ``datetime`` at midnight, ``"2024-01-16"`` or
    ``"16/01/2024"``); a value core refuses raises ``ctg.ValidationError`` listing every
    argument's problem at its name (``loc == ("date",)``).
    """
    def __new__(cls, date: _Date, *, place: str | None = None) -> Signature: ...
    def replace(self, *, date: _Date = ..., place: str | None = ...) -> Signature:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(self, *, date: _Date = ..., place: str | None = ...) -> Signature: ...
    @property
    def date(self) -> datetime.date:
        """Day of the signature."""
    @property
    def place(self) -> str | None:
        """Where it was signed."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Termination:
    """An early end of a convention: ``Termination(date, reason="…")``."""
    def __new__(cls, date: _Date, *, reason: str | None = None) -> Termination: ...
    def replace(self, *, date: _Date = ..., reason: str | None = ...) -> Termination:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(self, *, date: _Date = ..., reason: str | None = ...) -> Termination: ...
    @property
    def date(self) -> datetime.date:
        """Day the convention ended early."""
    @property
    def reason(self) -> str | None:
        """Why."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class PreviousConvention:
    """The convention (a first CTG, or a CEJ) that this one renews:
    ``PreviousConvention(id=…, title=…, first_year=2019, last_year=2022)``.
    """
    def __new__(
        cls,
        *,
        id: str | None = None,
        title: str | None = None,
        first_year: int | None = None,
        last_year: int | None = None,
    ) -> PreviousConvention: ...
    def replace(
        self,
        *,
        id: str | None = ...,
        title: str | None = ...,
        first_year: int | None = ...,
        last_year: int | None = ...,
    ) -> PreviousConvention:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self,
        *,
        id: str | None = ...,
        title: str | None = ...,
        first_year: int | None = ...,
        last_year: int | None = ...,
    ) -> PreviousConvention: ...
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
    """A signatory or associated partner: a Caf, a collectivity or another body.

    ``Party("albine", "Albine", kind="commune", role="signatory", insee="81005")``: ``kind``
    and ``role`` are ``PartyKind`` and ``PartyRole`` members or their codes or labels
    (``"Communauté de communes"``), the identifiers (``insee``, ``siren``, ``siret``,
    ``departement``, ``members``) are checked by core (``ctg.ValidationError``:
    ``value.unknown``, ``insee.invalid``, ``siren.checksum``…).
    """
    def __new__(
        cls,
        id: str,
        name: str,
        kind: PartyKind | str,
        role: PartyRole | str,
        *,
        insee: str | None = None,
        siren: str | None = None,
        siret: str | None = None,
        departement: str | None = None,
        members: Sequence[str] = ...,
        deliberation_date: _Date | None = None,
        aliases: Sequence[str] = ...,
    ) -> Party: ...
    def replace(
        self,
        *,
        id: str = ...,
        name: str = ...,
        kind: PartyKind | str = ...,
        role: PartyRole | str = ...,
        insee: str | None = ...,
        siren: str | None = ...,
        siret: str | None = ...,
        departement: str | None = ...,
        members: Sequence[str] = ...,
        deliberation_date: _Date | None = ...,
        aliases: Sequence[str] = ...,
    ) -> Party:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self,
        *,
        id: str = ...,
        name: str = ...,
        kind: PartyKind | str = ...,
        role: PartyRole | str = ...,
        insee: str | None = ...,
        siren: str | None = ...,
        siret: str | None = ...,
        departement: str | None = ...,
        members: Sequence[str] = ...,
        deliberation_date: _Date | None = ...,
        aliases: Sequence[str] = ...,
    ) -> Party: ...
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
    """The shared diagnostic the convention is based on:
    ``Diagnostic(start_date=…, end_date=…, author="…", sources=[…])``.
    """
    def __new__(
        cls,
        *,
        start_date: _Date | None = None,
        end_date: _Date | None = None,
        author: str | None = None,
        sources: Sequence[str] = ...,
    ) -> Diagnostic: ...
    def replace(
        self,
        *,
        start_date: _Date | None = ...,
        end_date: _Date | None = ...,
        author: str | None = ...,
        sources: Sequence[str] = ...,
    ) -> Diagnostic:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self,
        *,
        start_date: _Date | None = ...,
        end_date: _Date | None = ...,
        author: str | None = ...,
        sources: Sequence[str] = ...,
    ) -> Diagnostic: ...
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
    """A stake (*enjeu*): ``Stake("e1", "Le soutien aux familles")``."""
    def __new__(cls, id: str, title: str) -> Stake: ...
    def replace(self, *, id: str = ..., title: str = ...) -> Stake:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(self, *, id: str = ..., title: str = ...) -> Stake: ...
    @property
    def id(self) -> str:
        """Unique among stakes."""
    @property
    def title(self) -> str:
        """The stake as written."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Objective:
    """A strategic objective: ``Objective("o1", "Accueillir", stakes=["e1"])``."""
    def __new__(cls, id: str, title: str, *, stakes: Sequence[str] = ...) -> Objective: ...
    def replace(self, *, id: str = ..., title: str = ..., stakes: Sequence[str] = ...) -> Objective:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(self, *, id: str = ..., title: str = ..., stakes: Sequence[str] = ...) -> Objective: ...
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
    """One measured value of an indicator: ``Measurement(date(2024, 9, 1), 59)``."""
    def __new__(cls, date: _Date, value: _Number) -> Measurement: ...
    def replace(self, *, date: _Date = ..., value: _Number = ...) -> Measurement:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(self, *, date: _Date = ..., value: _Number = ...) -> Measurement: ...
    @property
    def date(self) -> datetime.date:
        """When it was measured."""
    @property
    def value(self) -> Decimal:
        """The value."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Indicator:
    """An evaluation indicator of an action sheet:
    ``Indicator("places", unit="places", baseline=45, target=80, measurements=[…])``;
    values are exact (``Decimal``, ``int`` or text; a ``float`` is ``decimal.float``).
    """
    def __new__(
        cls,
        name: str,
        *,
        unit: str | None = None,
        baseline: _Number | None = None,
        target: _Number | None = None,
        measurements: Sequence[Measurement] = ...,
    ) -> Indicator: ...
    def replace(
        self,
        *,
        name: str = ...,
        unit: str | None = ...,
        baseline: _Number | None = ...,
        target: _Number | None = ...,
        measurements: Sequence[Measurement] = ...,
    ) -> Indicator:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self,
        *,
        name: str = ...,
        unit: str | None = ...,
        baseline: _Number | None = ...,
        target: _Number | None = ...,
        measurements: Sequence[Measurement] = ...,
    ) -> Indicator: ...
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
    """A numbered action of the plan (*fiche action*).

    ``ActionSheet(17, "Ouvrir un LAEP", domains=["parentalite"], lead="cc", start=…,
    end=…, status="en cours", budget=Decimal("12000"), indicators=[…])``: domains are
    ``ThematicDomain`` members or labels (an unknown label is a custom domain), ``status`` an
    ``ActionStatus`` member or label (default: planned), ``budget`` an amount as
    ``parse_amount`` reads it (never a ``float``). ``conv.next_action_sheet_number()`` gives
    the number after the last one.
    """
    def __new__(
        cls,
        number: int,
        title: str,
        *,
        domains: Sequence[_Domain] = ...,
        objectives: Sequence[str] = ...,
        lead: str | None = None,
        partners: Sequence[str] = ...,
        target_public: str | None = None,
        communes: Sequence[str] = ...,
        start: _Date | None = None,
        end: _Date | None = None,
        status: ActionStatus | str | None = None,
        budget: _Amount | None = None,
        indicators: Sequence[Indicator] = ...,
    ) -> ActionSheet: ...
    def replace(
        self,
        *,
        number: int = ...,
        title: str = ...,
        domains: Sequence[_Domain] = ...,
        objectives: Sequence[str] = ...,
        lead: str | None = ...,
        partners: Sequence[str] = ...,
        target_public: str | None = ...,
        communes: Sequence[str] = ...,
        start: _Date | None = ...,
        end: _Date | None = ...,
        status: ActionStatus | str | None = ...,
        budget: _Amount | None = ...,
        indicators: Sequence[Indicator] = ...,
    ) -> ActionSheet:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self,
        *,
        number: int = ...,
        title: str = ...,
        domains: Sequence[_Domain] = ...,
        objectives: Sequence[str] = ...,
        lead: str | None = ...,
        partners: Sequence[str] = ...,
        target_public: str | None = ...,
        communes: Sequence[str] = ...,
        start: _Date | None = ...,
        end: _Date | None = ...,
        status: ActionStatus | str | None = ...,
        budget: _Amount | None = ...,
        indicators: Sequence[Indicator] = ...,
    ) -> ActionSheet: ...
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
    """An operator that receives money: ``Beneficiary("creche", "Crèche Les Lutins",
    siret="…", party="…")``.
    """
    def __new__(cls, id: str, name: str, *, siret: str | None = None, party: str | None = None) -> Beneficiary: ...
    def replace(
        self, *, id: str = ..., name: str = ..., siret: str | None = ..., party: str | None = ...
    ) -> Beneficiary:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self, *, id: str = ..., name: str = ..., siret: str | None = ..., party: str | None = ...
    ) -> Beneficiary: ...
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
    """Money for one beneficiary and one kind of facility, per year.

    ``Allocation("creche", "eaje", domain="petite_enfance", amounts={2024: Decimal("40800")},
    paid={2024: Decimal("39000")})``: amounts as ``parse_amount`` reads them (``Decimal``,
    ``int``, ``"40 800 €"``; never a ``float``), each checked at ``amounts.<year>``;
    ``Allocation.spread`` spreads a total evenly over a period.
    """
    def __new__(
        cls,
        beneficiary: str,
        facility_kind: FacilityKind | str,
        *,
        domain: _Domain | None = None,
        label: str | None = None,
        amounts: Mapping[int, _Amount] | None = None,
        paid: Mapping[int, _Amount] | None = None,
    ) -> Allocation: ...
    @staticmethod
    def spread(
        beneficiary: str,
        facility_kind: FacilityKind | str,
        total: _Amount,
        period: Period,
        *,
        domain: _Domain | None = None,
        label: str | None = None,
    ) -> Allocation:
        """An allocation of ``total`` spread evenly over the years of ``period``, to the cent, the
        first years getting the extra cents (core's ``Allocation::spread``):
        ``Allocation.spread("rpe", "rpe", Decimal("100000"), Period(2023, 2025))`` gives
        33 333,34 €, 33 333,33 € and 33 333,33 €.
        """
    def replace(
        self,
        *,
        beneficiary: str = ...,
        facility_kind: FacilityKind | str = ...,
        domain: _Domain | None = ...,
        label: str | None = ...,
        amounts: Mapping[int, _Amount] | None = ...,
        paid: Mapping[int, _Amount] | None = ...,
    ) -> Allocation:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self,
        *,
        beneficiary: str = ...,
        facility_kind: FacilityKind | str = ...,
        domain: _Domain | None = ...,
        label: str | None = ...,
        amounts: Mapping[int, _Amount] | None = ...,
        paid: Mapping[int, _Amount] | None = ...,
    ) -> Allocation: ...
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
    @property
    def paid(self) -> dict[int, Decimal]:
        """What was actually paid, per year, when known (absent is not zero)."""
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
    def declared(self) -> DeclaredTotals:
        """The totals the source declares (yearly envelopes and the whole)."""
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
    """A committee that steers or follows the convention:
    ``GovernanceBody("copil", name="…", frequency="…", members=[…])``.
    """
    def __new__(
        cls,
        kind: GovernanceKind | str,
        *,
        name: str | None = None,
        frequency: str | None = None,
        members: Sequence[str] = ...,
    ) -> GovernanceBody: ...
    def replace(
        self,
        *,
        kind: GovernanceKind | str = ...,
        name: str | None = ...,
        frequency: str | None = ...,
        members: Sequence[str] = ...,
    ) -> GovernanceBody:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self,
        *,
        kind: GovernanceKind | str = ...,
        name: str | None = ...,
        frequency: str | None = ...,
        members: Sequence[str] = ...,
    ) -> GovernanceBody: ...
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
    """An amendment (*avenant*), with what it changes as data:
    ``Amendment(1, date(2024, 3, 12), "La Petite Loco : 42 000 € en 2025", changes=[…])``.
    A convention's amendments apply in the order of their dates (``Convention.as_of``); one
    that cannot apply is reported by validation with its number and the path of the change.
    """
    def __new__(cls, number: int, date: _Date, summary: str, *, changes: Sequence[Change] = ...) -> Amendment: ...
    def replace(
        self, *, number: int = ..., date: _Date = ..., summary: str = ..., changes: Sequence[Change] = ...
    ) -> Amendment:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self, *, number: int = ..., date: _Date = ..., summary: str = ..., changes: Sequence[Change] = ...
    ) -> Amendment: ...
    @property
    def number(self) -> int:
        """Number, unique in the convention."""
    @property
    def date(self) -> datetime.date:
        """Date of the amendment."""
    @property
    def summary(self) -> str:
        """What it changes, in words."""
    @property
    def changes(self) -> tuple[Change, ...]:
        """What it changes, as data: the changes applied in order (``Convention.as_of``); empty for
        an amendment known only by its summary.
        """
    def inverse(self) -> Amendment:
        """The amendment that undoes this one: the inverse of each change, in reverse order."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class DeclaredTotals:
    """The totals a convention declares, as its text states them: the envelope of each year and
    of the whole period. ``DeclaredTotals(yearly={2024: Decimal("241801")}, total=…)``, or
    ``DeclaredTotals.from_allocations(allocations, period)`` for the sums people compute by
    hand.
    """
    def __new__(cls, *, yearly: Mapping[int, _Amount] | None = None, total: _Amount | None = None) -> DeclaredTotals: ...
    @staticmethod
    def from_allocations(allocations: Sequence[Allocation], period: Period) -> DeclaredTotals | None:
        """The totals the allocations add up to (core's ``DeclaredTotals::from_allocations``): each
        year of ``period`` (zero for a year without funding) and the whole; ``None`` when a sum
        exceeds the largest amount.
        """
    @property
    def yearly(self) -> dict[int, Decimal]:
        """The declared envelope of each year."""
    @property
    def total(self) -> Decimal | None:
        """The declared envelope of the whole period."""
    @property
    def is_empty(self) -> bool:
        """Whether nothing is declared."""
    def replace(self, *, yearly: Mapping[int, _Amount] | None = ..., total: _Amount | None = ...) -> DeclaredTotals:
        """A copy with some fields changed, the others kept (through the constructor, so checked
        the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
        """
    def __replace__(
        self, *, yearly: Mapping[int, _Amount] | None = ..., total: _Amount | None = ...
    ) -> DeclaredTotals: ...
    def __eq__(self, other: object, /) -> bool: ...

@disjoint_base
class Change:
    """One change to a convention, with what was there *before* and what is there *after*
    (``None`` on one side: added or removed). A change applies only to a convention that holds
    its *before*; ``inverse()`` swaps the two sides. The kinds are subclasses:
    ``PeriodChange``, ``PartyChange``, ``DomainChange``, ``StakeChange``, ``ObjectiveChange``,
    ``ActionSheetChange``, ``BeneficiaryChange``, ``AmountChange``, ``DeclaredChange``.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def kind(self) -> ChangeKind:
        """What the change is about (``ChangeKind``: ``"period"``, ``"party"``, ``"amount"``…)."""
    @property
    def subject(self) -> str:
        """What the change applies to, as people name it (core's): a party's or beneficiary's id, a
        sheet's number, a domain's code, ``"<beneficiary> <facility kind> <year>"`` for an
        amount, ``""`` for the declared totals.
        """
    @property
    def difference(self) -> Decimal | None:
        """For an amount, ``after − before`` (an absent side counts as zero: the line receives
        nothing that year); ``None`` for other changes.
        """
    @property
    def before(self) -> object:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> object:
        """What is there after (``None`` when the change removes it)."""
    def inverse(self) -> Self:
        """The change that undoes this one (*before* and *after* swapped), of the same class."""
    def to_dict(self) -> dict[str, Any]:
        """The change in the JSON form of an amendment's ``changes`` (``{"kind": "amount",
        "beneficiary": …, "year": 2025, "before": "40800.00", "after": "42000.00"}``), money as
        strings.
        """
    def __eq__(self, other: object, /) -> bool: ...

@final
class PeriodChange(Change):
    """The period extended or shortened."""
    def __new__(cls, before: Period, after: Period) -> PeriodChange: ...
    @property
    def before(self) -> Period:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> Period:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: Period = ..., after: Period = ...) -> PeriodChange:
        """A copy with ``before`` or ``after`` changed; ``copy.replace(change, …)`` too."""
    def __replace__(self, *, before: Period = ..., after: Period = ...) -> PeriodChange: ...

@final
class DeclaredChange(Change):
    """The declared totals changed (an amendment restating the envelope)."""
    def __new__(cls, before: DeclaredTotals, after: DeclaredTotals) -> DeclaredChange: ...
    @property
    def before(self) -> DeclaredTotals:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> DeclaredTotals:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: DeclaredTotals = ..., after: DeclaredTotals = ...) -> DeclaredChange:
        """A copy with ``before`` or ``after`` changed; ``copy.replace(change, …)`` too."""
    def __replace__(self, *, before: DeclaredTotals = ..., after: DeclaredTotals = ...) -> DeclaredChange: ...

@final
class DomainChange(Change):
    """A thematic domain added (``after``) or removed (``before``): a ``ThematicDomain`` member, or
    the label of a custom domain, read by core (``"Petite enfance"``, ``"parentalite"``).
    """
    def __new__(cls, *, before: _Domain | None = None, after: _Domain | None = None) -> DomainChange: ...
    @property
    def before(self) -> _Domain | None:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> _Domain | None:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: _Domain | None = ..., after: _Domain | None = ...) -> DomainChange:
        """A copy with ``before`` or ``after`` changed; ``copy.replace(change, …)`` too."""
    def __replace__(self, *, before: _Domain | None = ..., after: _Domain | None = ...) -> DomainChange: ...

@final
class PartyChange(Change):
    """A party joins (``after`` only), leaves (``before`` only) or is changed (both, the same
    id).
    """
    def __new__(cls, *, before: Party | None = None, after: Party | None = None) -> PartyChange: ...
    @property
    def before(self) -> Party | None:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> Party | None:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: Party | None = ..., after: Party | None = ...) -> PartyChange:
        """A copy with ``before`` or ``after`` changed: ``change.replace(after=None)``;
        ``copy.replace(change, …)`` too.
        """
    def __replace__(self, *, before: Party | None = ..., after: Party | None = ...) -> PartyChange: ...

@final
class StakeChange(Change):
    """A stake added, removed or changed (matched by id)."""
    def __new__(cls, *, before: Stake | None = None, after: Stake | None = None) -> StakeChange: ...
    @property
    def before(self) -> Stake | None:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> Stake | None:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: Stake | None = ..., after: Stake | None = ...) -> StakeChange:
        """A copy with ``before`` or ``after`` changed: ``change.replace(after=None)``;
        ``copy.replace(change, …)`` too.
        """
    def __replace__(self, *, before: Stake | None = ..., after: Stake | None = ...) -> StakeChange: ...

@final
class ObjectiveChange(Change):
    """An objective added, removed or changed (matched by id)."""
    def __new__(cls, *, before: Objective | None = None, after: Objective | None = None) -> ObjectiveChange: ...
    @property
    def before(self) -> Objective | None:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> Objective | None:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: Objective | None = ..., after: Objective | None = ...) -> ObjectiveChange:
        """A copy with ``before`` or ``after`` changed: ``change.replace(after=None)``;
        ``copy.replace(change, …)`` too.
        """
    def __replace__(self, *, before: Objective | None = ..., after: Objective | None = ...) -> ObjectiveChange: ...

@final
class ActionSheetChange(Change):
    """An action sheet added, removed or replaced (matched by number; a sheet renumbered has one
    number before and another after).
    """
    def __new__(cls, *, before: ActionSheet | None = None, after: ActionSheet | None = None) -> ActionSheetChange: ...
    @property
    def before(self) -> ActionSheet | None:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> ActionSheet | None:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: ActionSheet | None = ..., after: ActionSheet | None = ...) -> ActionSheetChange:
        """A copy with ``before`` or ``after`` changed: ``change.replace(after=None)``;
        ``copy.replace(change, …)`` too.
        """
    def __replace__(self, *, before: ActionSheet | None = ..., after: ActionSheet | None = ...) -> ActionSheetChange: ...

@final
class BeneficiaryChange(Change):
    """A beneficiary added, removed or changed (matched by id)."""
    def __new__(cls, *, before: Beneficiary | None = None, after: Beneficiary | None = None) -> BeneficiaryChange: ...
    @property
    def before(self) -> Beneficiary | None:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> Beneficiary | None:
        """What is there after (``None`` when the change removes it)."""
    def replace(self, *, before: Beneficiary | None = ..., after: Beneficiary | None = ...) -> BeneficiaryChange:
        """A copy with ``before`` or ``after`` changed: ``change.replace(after=None)``;
        ``copy.replace(change, …)`` too.
        """
    def __replace__(self, *, before: Beneficiary | None = ..., after: Beneficiary | None = ...) -> BeneficiaryChange: ...

@final
class AmountChange(Change):
    """The amount of one funding line for one year. The line is its beneficiary, facility kind,
    domain and label; ``before`` is ``None`` when the line had nothing that year, ``after`` when
    it has nothing any more.
    """
    def __new__(
        cls,
        beneficiary: str,
        facility_kind: FacilityKind | str,
        year: int,
        *,
        before: _Amount | None = None,
        after: _Amount | None = None,
        domain: _Domain | None = None,
        label: str | None = None,
    ) -> AmountChange: ...
    @property
    def before(self) -> Decimal | None:
        """What was there before (``None`` when the change adds it)."""
    @property
    def after(self) -> Decimal | None:
        """What is there after (``None`` when the change removes it)."""
    @property
    def beneficiary(self) -> str:
        """Id of the beneficiary of the line."""
    @property
    def facility_kind(self) -> FacilityKind:
        """What the line funds."""
    @property
    def domain(self) -> _Domain | None:
        """The line's domain (a custom domain is its label, a ``str``), or ``None``."""
    @property
    def label(self) -> str | None:
        """The line's label, or ``None``."""
    @property
    def year(self) -> int:
        """The year."""
    def replace(
        self,
        *,
        beneficiary: str = ...,
        facility_kind: FacilityKind | str = ...,
        year: int = ...,
        before: _Amount | None = ...,
        after: _Amount | None = ...,
        domain: _Domain | None = ...,
        label: str | None = ...,
    ) -> AmountChange:
        """A copy with some fields changed: ``change.replace(after=Decimal("42000"))``;
        ``copy.replace(change, …)`` too.
        """
    def __replace__(
        self,
        *,
        beneficiary: str = ...,
        facility_kind: FacilityKind | str = ...,
        year: int = ...,
        before: _Amount | None = ...,
        after: _Amount | None = ...,
        domain: _Domain | None = ...,
        label: str | None = ...,
    ) -> AmountChange: ...

@final
class InForce:
    """A convention as in force at a date (``Convention.as_of``): its text with the amendments
    dated on or before that day applied in the order of their dates, then numbers
    (``convention``, which has no amendment of its own), those amendments (``applied``) and
    the later ones (``pending``).
    """
    @property
    def convention(self) -> Convention:
        """The text in force: the convention with the applied amendments' changes."""
    @property
    def applied(self) -> tuple[Amendment, ...]:
        """The amendments applied, in order."""
    @property
    def pending(self) -> tuple[Amendment, ...]:
        """The amendments dated after the date, not applied."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Diff:
    """What differs between two conventions (``a.diff(b)``, ``ctg.diff(a, b)``): the changes
    that turn the first into the second, in a fixed order (period, parties, domains, stakes,
    objectives, action sheets — matched by number, then by title —, beneficiaries, amounts
    by line and year, declared totals), and the names of the other fields that differ.
    ``a.apply(diff.changes)`` gives a convention with no change left against ``b``.
    """
    @property
    def changes(self) -> tuple[Change, ...]:
        """The changes, in order (each a ``Change`` subclass)."""
    @property
    def fields(self) -> tuple[str, ...]:
        """The other top-level fields that differ, by name (``"title"``, ``"signature"``…)."""
    @property
    def is_empty(self) -> bool:
        """Whether the two are the same (no change and no other field)."""
    def to_text(self, lang: str | None = None) -> str:
        """One line per change, in ``lang`` (default: the current language), as ``ctg diff``
        prints them.
        """
    def to_dict(self) -> dict[str, Any]:
        """The JSON form, as ``ctg diff --json`` writes it: ``{"changes": [...], "fields": [...]}``,
        an amount change with its ``difference`` (money as strings).
        """
    def _change_columns(self) -> dict[str, list[Any]]: ...
    @overload
    def frame(self, backend: Literal["pandas"] = "pandas", decimal: DecimalMode = "arrow") -> pd.DataFrame:
        """One row per change as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame``. Columns ``kind, subject, has_before,
        has_after`` for every change; ``beneficiary, facility_kind, domain, label, year,
        before_amount, after_amount, difference`` for an amount (null otherwise; an absent side
        is null, and counts as zero in ``difference``).
        """
    @overload
    def frame(self, backend: Literal["polars"], decimal: Literal["arrow"] = "arrow") -> pl.DataFrame:
        """One row per change as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame``. Columns ``kind, subject, has_before,
        has_after`` for every change; ``beneficiary, facility_kind, domain, label, year,
        before_amount, after_amount, difference`` for an amount (null otherwise; an absent side
        is null, and counts as zero in ``difference``).
        """
    @overload
    def frame(self, backend: Backend, decimal: DecimalMode = "arrow") -> pd.DataFrame | pl.DataFrame:
        """One row per change as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame``. Columns ``kind, subject, has_before,
        has_after`` for every change; ``beneficiary, facility_kind, domain, label, year,
        before_amount, after_amount, difference`` for an amount (null otherwise; an absent side
        is null, and counts as zero in ``difference``).
        """
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class SheetLink:
    """An action sheet kept from one convention to the next (matched by title)."""
    @property
    def previous(self) -> int:
        """Its number in the previous convention."""
    @property
    def next(self) -> int:
        """Its number in the new one."""
    @property
    def title(self) -> str:
        """Its title (in the new one)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class SheetRef:
    """An action sheet by number and title."""
    @property
    def number(self) -> int:
        """Its number."""
    @property
    def title(self) -> str:
        """Its title."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Envelope:
    """How the envelope moved from one convention to the next: totals (``None`` when a
    convention has no funding section) and yearly averages, exact.
    """
    @property
    def previous_total(self) -> Decimal | None:
        """The previous convention's total."""
    @property
    def next_total(self) -> Decimal | None:
        """The new convention's total."""
    @property
    def previous_yearly_average(self) -> Decimal | None:
        """The previous yearly average (total over the years of its period, to the cent)."""
    @property
    def next_yearly_average(self) -> Decimal | None:
        """The new yearly average."""
    @property
    def yearly_average_change(self) -> Decimal | None:
        """New average minus previous average (euros, signed)."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON form (money as strings, ``None`` when absent)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Renewal:
    """A renewal seen as a comparison (``new.renewal_of(previous)``): the action sheets that
    continue (matched by title), start and stop, the parties that joined or left, the
    domains added or removed, and how the envelope moved.
    """
    @property
    def previous(self) -> tuple[str, Period]:
        """The id and period of the convention renewed."""
    @property
    def next(self) -> tuple[str, Period]:
        """The id and period of the renewing convention."""
    @property
    def continued(self) -> tuple[SheetLink, ...]:
        """The action sheets that continue (``SheetLink``: previous number, new number, title)."""
    @property
    def started(self) -> tuple[SheetRef, ...]:
        """The new action sheets."""
    @property
    def stopped(self) -> tuple[SheetRef, ...]:
        """The action sheets that stopped."""
    @property
    def joined(self) -> tuple[str, ...]:
        """The parties that joined (names)."""
    @property
    def left(self) -> tuple[str, ...]:
        """The parties that left (names)."""
    @property
    def domains_added(self) -> tuple[_Domain, ...]:
        """The domains added (``ThematicDomain`` members; a custom domain is its label)."""
    @property
    def domains_removed(self) -> tuple[_Domain, ...]:
        """The domains dropped."""
    @property
    def envelope(self) -> Envelope:
        """How the envelope moved."""
    def to_text(self, lang: str | None = None) -> str:
        """The renewal in words (core's, as ``ctg diff --renewal`` prints it), in ``lang``
        (default: the current language).
        """
    def to_dict(self) -> dict[str, Any]:
        """The JSON form, as ``ctg diff --renewal --json`` writes it (money as strings)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class IndicatorProgress:
    """Where one indicator of an action sheet stands at a date (``Convention.indicator_progress``):
    every indicator is listed, measured or not; what is not known is ``None``.
    """
    @property
    def action_sheet(self) -> int:
        """Number of the action sheet."""
    @property
    def indicator(self) -> str:
        """Name of the indicator."""
    @property
    def unit(self) -> str | None:
        """Its unit."""
    @property
    def baseline(self) -> Decimal | None:
        """Its baseline."""
    @property
    def target(self) -> Decimal | None:
        """Its target."""
    @property
    def measured_on(self) -> datetime.date | None:
        """The date of the measurement used (the latest on or before the date asked)."""
    @property
    def latest(self) -> Decimal | None:
        """The value measured then."""
    @property
    def progress(self) -> Decimal | None:
        """``(latest − baseline) / (target − baseline)`` rounded to 4 decimals: 0 at the baseline,
        1 at the target; ``None`` when it cannot be computed.
        """
    @property
    def status(self) -> IndicatorStatus:
        """Where it stands (``IndicatorStatus``: ``not_measured``, ``no_target``, ``in_progress``,
        ``reached``).
        """
    def to_dict(self) -> dict[str, Any]:
        """The JSON form (decimals as strings), as ``ctg report --json`` writes it."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class IndicatorRow:
    """One indicator and one of its measurements (``Convention.indicator_rows``); an indicator
    not measured yet is one row without ``date`` nor ``value``.
    """
    @property
    def action_sheet(self) -> int:
        """Number of the action sheet."""
    @property
    def action_sheet_title(self) -> str:
        """Title of the action sheet."""
    @property
    def indicator(self) -> str:
        """Name of the indicator."""
    @property
    def unit(self) -> str | None:
        """Its unit."""
    @property
    def baseline(self) -> Decimal | None:
        """Its baseline."""
    @property
    def target(self) -> Decimal | None:
        """Its target."""
    @property
    def date(self) -> datetime.date | None:
        """The date of the measurement (``None``: not measured yet)."""
    @property
    def value(self) -> Decimal | None:
        """The value measured."""
    @property
    def progress(self) -> Decimal | None:
        """Progress at that measurement."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class ExecutionRow:
    """One funding line and year, planned against paid."""
    @property
    def beneficiary(self) -> str:
        """Id of the beneficiary."""
    @property
    def beneficiary_name(self) -> str:
        """Its name."""
    @property
    def facility_kind(self) -> FacilityKind:
        """What the line funds."""
    @property
    def domain(self) -> _Domain | None:
        """The line's domain (with the label, it tells apart lines of one beneficiary and kind)."""
    @property
    def label(self) -> str | None:
        """The line's label."""
    @property
    def year(self) -> int:
        """The year."""
    @property
    def planned(self) -> Decimal:
        """What was planned."""
    @property
    def paid(self) -> Decimal | None:
        """What was paid, when known (``None``: not known, which is not zero)."""
    @property
    def gap(self) -> Decimal | None:
        """``planned − paid`` (signed), when the paid amount is known."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class YearExecution:
    """One year of funding, planned against paid."""
    @property
    def planned(self) -> Decimal:
        """What was planned that year."""
    @property
    def paid(self) -> Decimal | None:
        """What was paid, on the lines where it is known; ``None`` when no line says."""
    @property
    def lines(self) -> int:
        """How many lines have a planned amount that year."""
    @property
    def lines_paid_known(self) -> int:
        """How many of them say what was paid."""
    @property
    def gap(self) -> Decimal | None:
        """``planned − paid`` on the lines where paid is known."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Execution:
    """Funding executed against planned (``Convention.execution``): by line and year (``rows``)
    and by year (``by_year``).
    """
    @property
    def rows(self) -> tuple[ExecutionRow, ...]:
        """One row per funding line and planned year."""
    @property
    def by_year(self) -> dict[int, YearExecution]:
        """Per year of the period (a new ``dict`` at each access)."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON form (money as strings)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class LateSheet:
    """An action sheet whose schedule has ended while it is neither done nor abandoned."""
    @property
    def number(self) -> int:
        """Its number."""
    @property
    def title(self) -> str:
        """Its title."""
    @property
    def end(self) -> datetime.date:
        """The end of its schedule."""
    @property
    def status(self) -> ActionStatus:
        """Its status."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Evaluation:
    """The yearly evaluation of a convention (``Convention.evaluation(year)``): sheets by status,
    the late ones, every indicator, the year's funding planned against paid; ``to_text()`` is
    core's report (as ``ctg evaluate`` prints it).
    """
    @property
    def convention(self) -> str:
        """The convention's id."""
    @property
    def year(self) -> int:
        """The year evaluated."""
    @property
    def as_of(self) -> datetime.date:
        """The day things are judged on: the end of the year, or ``today`` when earlier."""
    @property
    def sheets_by_status(self) -> dict[ActionStatus, tuple[int, ...]]:
        """The sheet numbers by status (``ActionStatus`` keys; a new ``dict`` at each access)."""
    @property
    def late(self) -> tuple[LateSheet, ...]:
        """The sheets late on ``as_of``."""
    @property
    def indicators(self) -> tuple[IndicatorProgress, ...]:
        """Every indicator on ``as_of``."""
    @property
    def funding(self) -> YearExecution | None:
        """The year's funding, planned against paid (``None`` without a funding section)."""
    @property
    def funding_rows(self) -> tuple[ExecutionRow, ...]:
        """The year's funding lines, planned against paid."""
    def to_text(self, lang: str | None = None) -> str:
        """The evaluation in words (core's report, as ``ctg evaluate`` prints it), in ``lang``
        (default: the current language).
        """
    def to_dict(self) -> dict[str, Any]:
        """The JSON form, as ``ctg evaluate --json`` writes it (money and decimals as strings)."""
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

    Only validation makes one — from a document (``ctg.load``, ``ctg.loads``,
    ``Convention.from_dict``, ``ctg.sample``), from its parts (``Convention.build``) or from an
    edit (``with_amount``, ``apply``…, which give a new convention) — so every invariant holds:
    identifiers are checked, references resolve, declared totals equal the sums, amendments
    apply. Read-only and never changed (its collections are tuples, made once and shared by every
    access); equal conventions compare equal; picklable.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: object, *, limits: Limits | None = None, geography: _Geography = None) -> Convention:
        """Validates a Python value (a ``dict`` as ``json.load`` gives; ``Decimal``, ``date``, numpy
        integers accepted) into a convention, within ``limits`` (default: ``ctg.Limits()``);
        raises ``ctg.ValidationError`` listing every problem. With ``geography``
        (``ctg.geography()``, or ``True``), also checked against the official geography.
        """
    @staticmethod
    def from_json(
        data: str | bytes | bytearray | memoryview, *, limits: Limits | None = None, geography: _Geography = None
    ) -> Convention:
        """Validates JSON text (``str``, ``bytes``, ``bytearray`` or ``memoryview``) into a
        convention, within ``limits``; raises ``ctg.ValidationError`` listing every problem. With
        ``geography`` (``ctg.geography()``, or ``True``), also checked against the official
        geography.
        """
    @staticmethod
    def from_excel(
        source: _TableSource,
        *,
        name: str | None = None,
        shape: _Shape | None = None,
        into: _Into = None,
        geography: _Geography = None,
    ) -> Convention:
        """Reads a spreadsheet (``.xlsx``, ``.ods``, ``.xls`` or CSV, recognised from its bytes) and
        validates the convention its tables make: ``ctg.read_excel(...).validate()`` in one call
        (arguments as ``ctg.read_excel``). Raises ``ctg.ValidationError`` with every problem at
        once — the import's and validation's, each at its cell (``issue.cell``,
        ``err.errors()[i]["cell"]``).
        """
    @staticmethod
    def from_csv(
        source: _TableSource,
        *,
        name: str | None = None,
        shape: _Shape | None = None,
        into: _Into = None,
        geography: _Geography = None,
    ) -> Convention:
        """Reads a CSV table and validates the convention it makes: ``ctg.read_csv(...).validate()``
        in one call (see ``from_excel``).
        """
    @overload
    def to_excel(
        self,
        path_or_buffer: None = None,
        *,
        lang: str = "fr",
        shape: _FundingShape = "wide",
        tables: Sequence[_TableName] = ...,
    ) -> bytes:
        """The convention's tables as an ``.xlsx`` workbook (``ctg-tables``' writer): a sheet per
        table of ``tables``, in that order (``"funding"`` — left out without a funding section —,
        ``"action_plan"``, ``"parties"``), headers and labels in ``lang`` (``"fr"``: sheets
        ``Financement``, ``Plan d’actions``, ``Parties``; ``"en"``), the funding table ``shape``
        ``"wide"`` (a column per year, a total column and a total row) or ``"long"`` (a row per
        allocation and year). Money is numbers with two decimals in the currency format
        ``#,##0.00 "€"``, dates are dates, totals are ``SUM`` formulas carrying their values; the
        file is the same byte for byte each time.

        ``path_or_buffer``: a path (``str`` or ``os.PathLike``: written, ``None`` returned), a
        binary file object (written to), or ``None`` (default): the workbook's ``bytes``.
        """
    @overload
    def to_excel(
        self,
        path_or_buffer: _Target,
        *,
        lang: str = "fr",
        shape: _FundingShape = "wide",
        tables: Sequence[_TableName] = ...,
    ) -> None:
        """The convention's tables as an ``.xlsx`` workbook (``ctg-tables``' writer): a sheet per
        table of ``tables``, in that order (``"funding"`` — left out without a funding section —,
        ``"action_plan"``, ``"parties"``), headers and labels in ``lang`` (``"fr"``: sheets
        ``Financement``, ``Plan d’actions``, ``Parties``; ``"en"``), the funding table ``shape``
        ``"wide"`` (a column per year, a total column and a total row) or ``"long"`` (a row per
        allocation and year). Money is numbers with two decimals in the currency format
        ``#,##0.00 "€"``, dates are dates, totals are ``SUM`` formulas carrying their values; the
        file is the same byte for byte each time.

        ``path_or_buffer``: a path (``str`` or ``os.PathLike``: written, ``None`` returned), a
        binary file object (written to), or ``None`` (default): the workbook's ``bytes``.
        """
    @overload
    def to_csv(
        self, path_or_buffer: None = None, *, lang: str = "fr", table: _TableName = "funding", shape: _FundingShape = "wide"
    ) -> bytes:
        """One table of the convention as CSV (``ctg-tables``' writer): ``table`` ``"funding"``
        (default, in ``shape`` ``"wide"`` or ``"long"``), ``"action_plan"`` or ``"parties"``.
        French (``lang="fr"``, default): ``;``-separated, decimal comma without thousands
        separator (``40800,00``, which Excel in French reads as a number), dates ``DD/MM/YYYY``,
        UTF-8 with a byte order mark; English: ``,`` and a decimal point, ISO dates, no byte
        order mark. CRLF line ends.

        ``path_or_buffer``: a path (written, ``None`` returned), a binary file object, or
        ``None`` (default): the file's ``bytes`` (``.decode("utf-8-sig")`` for its text).
        """
    @overload
    def to_csv(
        self, path_or_buffer: _Target, *, lang: str = "fr", table: _TableName = "funding", shape: _FundingShape = "wide"
    ) -> None:
        """One table of the convention as CSV (``ctg-tables``' writer): ``table`` ``"funding"``
        (default, in ``shape`` ``"wide"`` or ``"long"``), ``"action_plan"`` or ``"parties"``.
        French (``lang="fr"``, default): ``;``-separated, decimal comma without thousands
        separator (``40800,00``, which Excel in French reads as a number), dates ``DD/MM/YYYY``,
        UTF-8 with a byte order mark; English: ``,`` and a decimal point, ISO dates, no byte
        order mark. CRLF line ends.

        ``path_or_buffer``: a path (written, ``None`` returned), a binary file object, or
        ``None`` (default): the file's ``bytes`` (``.decode("utf-8-sig")`` for its text).
        """
    @staticmethod
    def build(
        id: str,
        title: str,
        period: Period,
        *,
        parties: Sequence[Party] = ...,
        domains: Sequence[_Domain] = ...,
        signature: Signature | None = None,
        termination: Termination | None = None,
        renews: PreviousConvention | None = None,
        diagnostic: Diagnostic | None = None,
        stakes: Sequence[Stake] = ...,
        objectives: Sequence[Objective] = ...,
        action_sheets: Sequence[ActionSheet | str] = ...,
        beneficiaries: Sequence[Beneficiary] | None = None,
        allocations: Sequence[Allocation] | None = None,
        declared: DeclaredTotals | None = None,
        declare_totals: bool = False,
        governance: Sequence[GovernanceBody] = ...,
        amendments: Sequence[Amendment] = ...,
        sources: Sequence[str] = ...,
        notes: str | None = None,
    ) -> Convention:
        """Builds a convention from its parts (core's ``ConventionBuilder``) and validates it like
        any document: the convention, or ``ctg.ValidationError`` with every issue.

        Parts are the model's classes (``ctg.Party(...)``, ``ctg.ActionSheet(...)``…); an item
        of ``action_sheets`` may also be a title (``str``): a sheet numbered after the sheets
        before it. ``domains`` are ``ThematicDomain`` members or labels read by core. The funding
        section exists when ``beneficiaries``, ``allocations`` or ``declared`` is given, or with
        ``declare_totals=True``, which declares the totals the allocations add up to (each year
        of the period and the whole, as people compute them by hand); absent, it stays absent.
        """
    def next_action_sheet_number(self) -> int:
        """The number the next action sheet would take: one more than the largest (1 when there is
        none).
        """
    def with_amount(
        self,
        beneficiary: str,
        facility_kind: FacilityKind | str,
        year: int,
        amount: _Amount | None,
        *,
        domain: _Domain | None = None,
        label: str | None = None,
        restate_totals: bool = False,
    ) -> Convention:
        """A new convention with the amount of one funding line for one ``year`` set, or removed
        with ``amount=None``. The line is its ``beneficiary``, ``facility_kind``, ``domain`` and
        ``label`` (a line not there yet is added). With ``restate_totals=True`` the declared
        totals are recomputed from the allocations (as an amendment restates them); without, a
        change that breaks them raises ``ctg.ValidationError`` (``change.breaks_convention``):
        nothing is changed silently. The original is never changed.
        """
    def with_action_sheet(self, sheet: ActionSheet) -> Convention:
        """A new convention with this action sheet added, or replacing the sheet of the same
        number; ``ctg.ValidationError`` when the result breaks a rule.
        """
    def without_action_sheet(self, number: int) -> Convention:
        """A new convention without the action sheet of this number (``ctg.ValidationError``
        ``change.cannot_apply`` when there is none).
        """
    def with_party(self, party: Party) -> Convention:
        """A new convention with this party added, or replacing the party of the same id."""
    def without_party(self, id: str) -> Convention:
        """A new convention without the party of this id (what refers to it must go first:
        validation says so).
        """
    def with_period(self, period: Period) -> Convention:
        """A new convention with another period (a year added or taken away; funding outside it is
        then reported).
        """
    def apply(self, changes: Sequence[Change]) -> Convention:
        """A new convention with ``changes`` applied in order, validated: ``ctg.ValidationError``
        with ``change.cannot_apply`` at ``changes[i]`` when the convention does not hold what a
        change says was there, or ``change.breaks_convention`` (the rule broken and where) when
        the result breaks a rule. The original is never changed.
        """
    def as_of(self, date: datetime.date | None = None) -> InForce:
        """The convention in force on ``date`` (default: ``datetime.date.today()``): the amendments
        dated on or before it applied in the order of their dates, then numbers.
        """
    def diff(self, other: Convention) -> Diff:
        """What differs from this convention to ``other`` (see ``Diff``)."""
    def renewal_of(self, previous: Convention) -> Renewal:
        """What this convention, renewing ``previous``, keeps, starts and stops, and how the
        envelope moved (see ``Renewal``).
        """
    @property
    def end_date(self) -> datetime.date:
        """The day the convention ends: its termination, or the last day of its period."""
    def months_before_expiry(self, date: datetime.date | None = None) -> int:
        """Whole months from ``date`` (default: ``datetime.date.today()``) until the convention
        ends (``end_date``); negative once it has ended.
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
    def indicator_progress(self, at: datetime.date | None = None) -> list[IndicatorProgress]:
        """Every indicator of every action sheet, measured or not, at its latest measurement on or
        before ``at`` (default: every measurement): ``IndicatorProgress`` with its ``status``
        (``IndicatorStatus``); an indicator not measured yet is listed, with ``None`` values.
        """
    def indicator_rows(self) -> list[IndicatorRow]:
        """One row per indicator and measurement (an indicator not measured yet is one row without
        date nor value); ``indicators_frame()`` gives them as a data frame.
        """
    def execution(self) -> Execution | None:
        """Funding executed against planned: each line and year with what was planned and what was
        paid (when the allocation records it), and the same per year; ``None`` without a funding
        section.
        """
    def evaluation(self, year: int, today: datetime.date | None = None) -> Evaluation:
        """The evaluation of ``year``, judged on the end of the year or ``today`` (default:
        ``datetime.date.today()``) when earlier: sheets by status, the late ones, every
        indicator, the year's funding planned against paid (see ``Evaluation``).
        """
    def _indicator_columns(self) -> dict[str, list[Any]]: ...
    def _execution_columns(self) -> dict[str, list[Any]]: ...
    @overload
    def indicators_frame(
        self, backend: Literal["pandas"] = "pandas", decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame:
        """One row per indicator and measurement as a data frame (see ``ctg.frame``,
        ``table="indicators"``).
        """
    @overload
    def indicators_frame(
        self, backend: Literal["polars"], decimal: Literal["arrow"] = "arrow", *, labels: Labels | None = None
    ) -> pl.DataFrame:
        """One row per indicator and measurement as a data frame (see ``ctg.frame``,
        ``table="indicators"``).
        """
    @overload
    def indicators_frame(
        self, backend: Backend, decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame | pl.DataFrame:
        """One row per indicator and measurement as a data frame (see ``ctg.frame``,
        ``table="indicators"``).
        """
    @overload
    def execution_frame(
        self, backend: Literal["pandas"] = "pandas", decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame:
        """One row per funding line and year, planned against paid, as a data frame (see
        ``ctg.frame``, ``table="execution"``).
        """
    @overload
    def execution_frame(
        self, backend: Literal["polars"], decimal: Literal["arrow"] = "arrow", *, labels: Labels | None = None
    ) -> pl.DataFrame:
        """One row per funding line and year, planned against paid, as a data frame (see
        ``ctg.frame``, ``table="execution"``).
        """
    @overload
    def execution_frame(
        self, backend: Backend, decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame | pl.DataFrame:
        """One row per funding line and year, planned against paid, as a data frame (see
        ``ctg.frame``, ``table="execution"``).
        """
    @overload
    def allocations_frame(
        self, backend: Literal["pandas"] = "pandas", decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame:
        """One row per allocation and year as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def allocations_frame(
        self, backend: Literal["polars"], decimal: Literal["arrow"] = "arrow", *, labels: Labels | None = None
    ) -> pl.DataFrame:
        """One row per allocation and year as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def allocations_frame(
        self, backend: Backend, decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame | pl.DataFrame:
        """One row per allocation and year as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def action_sheets_frame(
        self, backend: Literal["pandas"] = "pandas", decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame:
        """One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def action_sheets_frame(
        self, backend: Literal["polars"], decimal: Literal["arrow"] = "arrow", *, labels: Labels | None = None
    ) -> pl.DataFrame:
        """One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    @overload
    def action_sheets_frame(
        self, backend: Backend, decimal: DecimalMode = "arrow", *, labels: Labels | None = None
    ) -> pd.DataFrame | pl.DataFrame:
        """One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
        ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
        """
    def _allocation_columns(self) -> dict[str, list[Any]]: ...
    def _action_sheet_columns(self) -> dict[str, list[Any]]: ...
    def to_html(
        self, lang: str | None = None, today: datetime.date | None = None, *, geography: _Geography = None
    ) -> str:
        """A summary table in HTML (core's), in ``lang`` (default: the current language), with the
        status on ``today`` (default: ``datetime.date.today()``); everything shown is escaped.
        With ``geography`` (``ctg.geography()``, or ``True``), followed by the coverage's table.
        """
    def to_text(
        self, lang: str | None = None, today: datetime.date | None = None, *, geography: _Geography = None
    ) -> str:
        """A summary as text (core's, as ``ctg report`` prints it), in ``lang`` (default: the
        current language), with the status on ``today`` (default: ``datetime.date.today()``).
        With ``geography`` (``ctg.geography()``, or ``True``), followed by the coverage's lines
        (territory, inhabitants, funding per inhabitant).
        """
    def coverage(self, geography: Geography | bool | None = None) -> Coverage:
        """What the convention covers in the official geography (core's ``coverage``):
        ``geography`` is ``ctg.geography()`` (the default, ``None``, is that one too).
        """
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...


# ---------------------------------------------------------------------------------------------
# The official geography

#: What a ``geography=`` argument takes: ``ctg.geography()``, ``True`` for it, ``None`` or
#: ``False`` for none.
_Geography: TypeAlias = "Geography | bool | None"
#: A context argument: one code or several.
_Codes: TypeAlias = str | Sequence[str] | None
#: Names as ``lookup_frame`` and ``lookup_codes`` take them: any iterable (a list, a
#: ``pandas.Series``…); an empty cell (``None``, NaN, ``pandas.NA``) is an empty name.
_Names: TypeAlias = Iterable[str | float | None]
_LookupKind: TypeAlias = Literal["commune", "epci", "departement", "region"] | None

@final
class Vintage:
    """Which edition of the reference a result depends on (core's ``Vintage``): memberships and
    names change every year, so every result computed with the geography says which one.
    ``str(vintage)`` is ``"COG 2026 (@etalab/decoupage-administratif 6.0.0)"``.
    """
    @property
    def source(self) -> str:
        """Where the data comes from (the npm package ``@etalab/decoupage-administratif``)."""
    @property
    def version(self) -> str:
        """The version of that source (``"6.0.0"``)."""
    @property
    def geography(self) -> str:
        """The geography it describes (``"COG 2026"``): what issues carry as ``ctx["geography"]``."""
    @property
    def effective(self) -> datetime.date:
        """The date from which that geography is in force (``datetime.date(2026, 1, 1)``)."""
    def to_dict(self) -> dict[str, str]:
        """``{"source", "version", "geography", "effective"}`` (the date as ISO text), as the CLI's
        ``--json`` writes it.
        """
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(source: str, version: str, geography: str, effective: datetime.date) -> Vintage: ...

@final
class CommuneRecord:
    """A current commune, or a municipal arrondissement of Paris, Lyon or Marseille, of the
    reference. Equal records compare equal and hash alike; a record pickles as its code in the
    embedded reference.
    """
    @property
    def insee(self) -> str:
        """INSEE code (``"81140"``)."""
    @property
    def name(self) -> str:
        """Official name (``"Pont-de-Larn"``)."""
    @property
    def kind(self) -> Literal["commune", "arrondissement"]:
        """``"commune"``, or ``"arrondissement"`` for a municipal arrondissement."""
    @property
    def departement(self) -> str:
        """Code of its département (``"81"``)."""
    @property
    def region(self) -> str:
        """INSEE code of its région (``"76"``)."""
    @property
    def siren(self) -> str | None:
        """SIREN of the commune (``None`` for an arrondissement)."""
    @property
    def population(self) -> int | None:
        """Municipal population in the reference; ``None`` when the reference gives none (absent is
        not zero).
        """
    @property
    def epci(self) -> str | None:
        """SIREN of the EPCI it belongs to (``None`` for the few communes outside any EPCI)."""
    @property
    def postal_codes(self) -> list[str]:
        """Its postal codes."""
    @property
    def parent(self) -> str | None:
        """For an arrondissement, the INSEE code of its commune (``"75056"`` for Paris)."""
    def to_dict(self) -> dict[str, Any]:
        """The record as data: ``{insee, name, kind, departement, region, siren, population, epci,
        postal_codes, parent}`` (``None`` where absent).
        """
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class EpciRecord:
    """An EPCI (intercommunality with its own taxation: CC, CA, CU, métropole) of the reference.
    Equal records compare equal and hash alike; a record pickles as its SIREN in the embedded
    reference.
    """
    @property
    def siren(self) -> str:
        """SIREN (``"248100745"``)."""
    @property
    def name(self) -> str:
        """Official name (``"CC Thoré Montagne Noire"``)."""
    @property
    def kind(self) -> PartyKind:
        """``PartyKind.CC``, ``CA``, ``CU`` or ``METROPOLE``."""
    @property
    def members(self) -> list[str]:
        """INSEE codes of its member communes, in the reference's order."""
    @property
    def population(self) -> int | None:
        """The municipal population of the DGCL's composition file (another census year than the
        communes'); ``None`` when not given.
        """
    def to_dict(self) -> dict[str, Any]:
        """The record as data: ``{siren, name, kind, members, population}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Departement:
    """A département of the reference."""
    @property
    def code(self) -> str:
        """Code (``"81"``, ``"2A"``, ``"974"``)."""
    @property
    def name(self) -> str:
        """Name (``"Tarn"``)."""
    @property
    def region(self) -> str:
        """INSEE code of its région."""
    @property
    def chef_lieu(self) -> str | None:
        """INSEE code of its chef-lieu, when given."""
    def to_dict(self) -> dict[str, Any]:
        """``{code, name, region, chef_lieu}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Region:
    """A région of the reference."""
    @property
    def code(self) -> str:
        """INSEE code (``"76"``)."""
    @property
    def name(self) -> str:
        """Name (``"Occitanie"``)."""
    @property
    def chef_lieu(self) -> str | None:
        """INSEE code of its chef-lieu, when given."""
    def to_dict(self) -> dict[str, Any]:
        """``{code, name, chef_lieu}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class FormerCommune:
    """A commune that no longer exists as such: merged into a *commune nouvelle*, as a delegated or
    associated commune, or absorbed.
    """
    @property
    def insee(self) -> str:
        """Its (former) INSEE code."""
    @property
    def name(self) -> str | None:
        """Its name when the reference gives it (delegated and associated communes); ``None`` for a
        commune merged without a status of its own.
        """
    @property
    def kind(self) -> Literal["delegated", "associated", "merged"]:
        """``"delegated"``, ``"associated"`` or ``"merged"``."""
    @property
    def current(self) -> str:
        """INSEE code of the current commune it is part of."""
    def to_dict(self) -> dict[str, Any]:
        """``{insee, name, kind, current}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Candidate:
    """One candidate of a lookup: a commune, an EPCI, a département or a région, its score, how
    it matched and why.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def rank(self) -> int:
        """1 for the best candidate; candidates outside the context come after those in it."""
    @property
    def in_context(self) -> bool:
        """Whether the candidate lies in the context (``departement=``, ``epci=``, ``region=``)."""
    @property
    def kind(self) -> str:
        """``"commune"``, ``"arrondissement"``, the EPCI's kind (``"cc"``, ``"ca"``, ``"cu"``,
        ``"metropole"``), ``"departement"`` or ``"region"``, as in ``Lookup.rows``.
        """
    @property
    def code(self) -> str:
        """INSEE code of a commune, SIREN of an EPCI, code of a département or région."""
    @property
    def name(self) -> str:
        """Official name."""
    @property
    def departement(self) -> str | None:
        """The commune's département, or a département's own code (``None`` for an EPCI, a
        région).
        """
    @property
    def population(self) -> int | None:
        """Municipal population in the reference, when known (communes and EPCI)."""
    @property
    def score(self) -> int:
        """0 to 100: candidates with the same score are equally good (100 the official name as
        written or the code, 97 another spelling, 94 words joined differently, 88 shortened, 82 a
        former or other name, 80 a postal code, 76 one typo, 70 two).
        """
    @property
    def match(self) -> str:
        """How it matched: ``exact``, ``spelling``, ``code``, ``postal_code``, ``arrondissement``,
        ``joined``, ``shortened``, ``former_name``, ``former_code``, ``other_name``, ``typo``
        (EPCI: ``exact``, ``siren``, ``words``, ``loose``, ``typo``; département or région:
        ``code``, ``exact``, ``spelling``, ``abbreviation``).
        """
    @property
    def rules(self) -> list[str]:
        """The rewritings of the text that led here (``abbreviation``, ``article_moved``,
        ``prefix_removed``, ``saint_or_sainte``, ``article_omitted``, ``qualifier_omitted``,
        ``departement_hint``).
        """
    @property
    def matched_name(self) -> str | None:
        """The name of the reference that matched (official, former or other name; ``None`` for a
        code, and for an EPCI).
        """
    @property
    def distance(self) -> int | None:
        """For a typo: the number of edits."""
    @property
    def former(self) -> FormerCommune | None:
        """When the text names a former commune (by name or code): that commune, now part of the
        candidate.
        """
    @property
    def kind_differs(self) -> bool:
        """For an EPCI: whether the kind written (``CA``) differs from the reference's (``CC``)."""
    @property
    def record(self) -> CommuneRecord | EpciRecord | Departement | Region:
        """The record of the commune, EPCI, département or région."""
    @property
    def explanation(self) -> str:
        """Why it matched, in the current language (``ctg.set_language``): ``"le nom officiel de
        Parisot (82137)"``.
        """
    def explain(self, lang: str | None = None) -> str:
        """Why it matched, in ``lang`` (default: the current language)."""
    def to_dict(self) -> dict[str, Any]:
        """The candidate as ``ctg-geo`` serialises it (its record, score, match, rules…)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Lookup:
    """A name looked up (``Geography.lookup``): as a commune's name, or as an EPCI's, with its
    status, its ranked candidates and why each matched. Nothing is guessed: an ambiguous name
    stays ambiguous, with its candidates; the context (``departement=``, ``epci=``) chooses.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def query(self) -> str:
        """The name as given (trimmed)."""
    @property
    def kind(self) -> Literal["commune", "epci", "departement", "region", "mixed"]:
        """What the name was looked up as: ``"commune"``, ``"epci"``, ``"departement"``,
        ``"region"``, or ``"mixed"`` when it is the name of more than one kind (``"Vienne"``: a
        commune and a département; ambiguous unless the context keeps one).
        """
    @property
    def status(self) -> Literal["resolved", "ambiguous", "not_found"]:
        """``"resolved"`` (one candidate, better than any other: ``best``), ``"ambiguous"``
        (several equally good: ``tied``) or ``"not_found"`` (see ``reason``).
        """
    @property
    def reason(self) -> Literal["empty", "too_long", "no_match", "outside_context"] | None:
        """When not found, why: ``"empty"``, ``"too_long"``, ``"no_match"`` or
        ``"outside_context"`` (then ``outside_context`` lists what was found elsewhere).
        """
    @property
    def resolved(self) -> bool:
        """Whether the status is ``"resolved"``."""
    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """The candidates in the context, best first."""
    @property
    def outside_context(self) -> tuple[Candidate, ...]:
        """The candidates that match but lie outside the context."""
    @property
    def tied(self) -> tuple[Candidate, ...]:
        """The candidates tied at the best score: one when resolved, several when ambiguous, none
        when not found.
        """
    @property
    def best(self) -> Candidate | None:
        """The answer when resolved: the best candidate; ``None`` otherwise (never a guess)."""
    @property
    def code(self) -> str | None:
        """The INSEE code, SIREN or code of the département or région when resolved; ``None``
        otherwise.
        """
    @property
    def record(self) -> CommuneRecord | EpciRecord | Departement | Region | None:
        """The record (commune, EPCI, département, région) when resolved; ``None`` otherwise."""
    @property
    def vintage(self) -> Vintage:
        """The reference the answer comes from."""
    def status_label(self, lang: str | None = None) -> str:
        """The status in words, in ``lang`` (default: the current language): ``"résolu"``,
        ``"ambigu"``, ``"introuvable"``; ``"resolved"``, ``"ambiguous"``, ``"not found"``.
        """
    def reason_label(self, lang: str | None = None) -> str | None:
        """Why nothing was found, in words, in ``lang`` (default: the current language); ``None``
        when something was.
        """
    def rows(self, lang: str | None = None) -> list[dict[str, Any]]:
        """Every candidate as a flat row (``ctg-geo``'s ``LookupRow``: ``query, status, rank,
        in_context, kind, code, name, departement, population, score, match, rules,
        explanation``), the explanation in ``lang`` (default: the current language); what
        ``ctg lookup --json`` lists.
        """
    def to_dict(self) -> dict[str, Any]:
        """The lookup as ``ctg-geo`` serialises it: ``{"kind": "commune" | "epci" | "departement" |
        "region" | "mixed", "resolution":
        {query, status, candidates, outside_context, reason, vintage}}``.
        """
    def __eq__(self, other: object, /) -> bool: ...

@final
class NameList:
    """A list of names resolved (``Geography.resolve_text``, ``resolve_names``): in the order
    written, what was resolved and what was not, and why.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def resolved(self) -> list[tuple[str, CommuneRecord | EpciRecord | Departement | Region]]:
        """The names resolved, in the order written: ``(written, record)`` pairs, the record a
        ``CommuneRecord``, ``EpciRecord``, ``Departement`` or ``Region``.
        """
    @property
    def codes(self) -> list[str]:
        """The codes resolved, in order: INSEE code of a commune, SIREN of an EPCI, code of a
        département or région.
        """
    @property
    def unresolved(self) -> list[str]:
        """The names not resolved, as written (trimmed), in order."""
    @property
    def vintage(self) -> Vintage:
        """The reference the answers come from."""
    def to_dict(self) -> dict[str, Any]:
        """The list as ``ctg-geo`` serialises it: ``resolved`` (written, collectivity, score,
        match, explanation), ``unresolved`` (written, status, reason, explanation, candidates),
        ``vintage``, ``lang``; the explanations are ``ctg-geo``'s sentences in the language the
        list was resolved in (``lang=``).
        """
    def __eq__(self, other: object, /) -> bool: ...

@final
class Filled:
    """A convention document with its missing identifiers filled in from the reference
    (``Geography.fill_identifiers``), every value set (``changes``) and everything left alone
    (``notes``) said. No value already in the document is changed; an ambiguous name is never
    guessed.
    """
    @property
    def document(self) -> dict[str, Any]:
        """The document, filled (a new ``dict`` of JSON values at each access)."""
    @property
    def changes(self) -> list[dict[str, Any]]:
        """The values set, in the order of the parties: ``{"path", "field", "value", "reason"}``
        dicts (``path`` in core's notation, ``parties[3].insee``; ``reason`` one sentence from
        ``ctg-geo``, in the language asked for).
        """
    @property
    def notes(self) -> list[dict[str, Any]]:
        """What was left alone, and why: ``{"path", "kind", "message"}`` dicts, ``kind`` one of
        ``ambiguous``, ``not_found``, ``conflict`` (a value differs from the reference's: kept),
        ``former_code``, ``unknown``.
        """
    @property
    def vintage(self) -> Vintage:
        """The reference the values come from."""
    def to_dict(self) -> dict[str, Any]:
        """``{"document", "changes", "notes", "vintage", "lang"}``, as ``ctg resolve --json`` gives
        them.
        """

@final
class Geography:
    """The official geography: the *Code officiel géographique* 2026 (communes and municipal
    arrondissements, former communes, EPCI with their members, départements, régions) from
    ``@etalab/decoupage-administratif`` 6.0.0, embedded in the package. ``ctg.geography()``
    gives the one shared instance.

    Lookups by code return ``None`` (or an empty list) for what the reference does not know,
    including a code that is not well formed; they never raise. Name lookups
    (``lookup``, ``lookup_frame``, ``resolve_text``) rank candidates and say why, and never
    guess. Thread-safe: every method only reads.
    """
    @property
    def vintage(self) -> Vintage:
        """Which reference this is: ``COG 2026``, in force from 2026-01-01."""
    def commune(self, insee: str) -> CommuneRecord | None:
        """The current commune (or arrondissement) with this INSEE code, or ``None``."""
    def commune_by_siren(self, siren: str) -> CommuneRecord | None:
        """The current commune with this SIREN, or ``None``."""
    def communes_named(self, name: str) -> list[CommuneRecord]:
        """The current communes whose official name is ``name`` once both are normalised (case,
        accents, hyphens, ``St``…): several for homonyms (``"Parisot"``: 81202 and 82137), none
        for a name that is not official. For messy writing, former names and typos, use
        ``lookup``.
        """
    def communes_by_postal_code(self, postal_code: str) -> list[CommuneRecord]:
        """The current communes with this postal code."""
    def epci(self, siren: str) -> EpciRecord | None:
        """The EPCI with this SIREN, or ``None``."""
    def epci_of(self, commune: CommuneRecord | str) -> EpciRecord | None:
        """The EPCI a commune belongs to (a ``CommuneRecord`` or an INSEE code), or ``None``."""
    def members(self, epci: EpciRecord | str) -> list[CommuneRecord]:
        """The member communes of an EPCI (an ``EpciRecord`` or a SIREN), in the reference's
        order; empty for an unknown SIREN.
        """
    def departement(self, name_or_code: str) -> Departement | None:
        """The département with this code (``"81"``, ``"2A"``, ``"974"``) or this name, written
        loosely (``"Tarn-et-Garonne"``, ``"tarn et garonne"``, ``"Département du Tarn"``), or
        ``None``. For a ranked answer with a status and why, ``lookup(name,
        kind="departement")``.
        """
    def region(self, name_or_code: str) -> Region | None:
        """The région with this INSEE code (``"76"``) or this name, written loosely
        (``"Provence-Alpes-Côte d'Azur"``, ``"Région Occitanie"``, ``"PACA"``), or ``None``.
        """
    def former_communes(self, insee: str) -> list[FormerCommune]:
        """Every record of a former commune under this code (merged, delegated or associated):
        normally one; two when the reference puts the code under two current communes (it does
        for ``55273`` and ``60455``: it does not say which); empty when none.
        """
    def communes(self) -> tuple[CommuneRecord, ...]:
        """Every current commune and arrondissement, in the order of their codes (a tuple, made
        once).
        """
    def epcis(self) -> tuple[EpciRecord, ...]:
        """Every EPCI (a tuple, made once)."""
    def departements(self) -> tuple[Departement, ...]:
        """Every département."""
    def regions(self) -> tuple[Region, ...]:
        """Every région."""
    @overload
    def lookup(
        self,
        name: str,
        /,
        *,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        kind: _LookupKind = None,
    ) -> Lookup:
        """Looks names up as a person types them: each a commune's name (``"St-Amans-Soult"``,
        ``"Pont-de-l'Arn"``, ``"Villefranche s/ Mer"``, an INSEE code, a postal code, ``"Paris
        16e"``), an EPCI's (``"CC Tarn-Agout"``, or a name no commune has), a département's or a
        région's (``"Tarn"``, ``"Occitanie"``, ``"81"``). A name of more than one kind
        (``"Vienne"``: a commune and a département) is ``kind == "mixed"`` and ambiguous unless
        the context keeps one. One name gives a ``Lookup``, several give a list of them.

        ``departement``, ``epci`` (SIREN) and ``region`` (code) — each a code or a list of codes
        — are the context: a candidate outside it is set aside (``outside_context``), so
        ``lookup("Parisot", departement="82")`` is resolved where ``lookup("Parisot")`` is
        ambiguous. A code that is not well formed raises ``ValueError``. ``kind="commune"``,
        ``"epci"``, ``"departement"`` or ``"region"`` looks the names up as that only (with
        ``"region"``, a code is a région's). Releases the GIL while looking up.
        """
    @overload
    def lookup(
        self,
        name: str,
        other: str,
        /,
        *names: str,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        kind: _LookupKind = None,
    ) -> list[Lookup]:
        """Looks names up as a person types them: each a commune's name (``"St-Amans-Soult"``,
        ``"Pont-de-l'Arn"``, ``"Villefranche s/ Mer"``, an INSEE code, a postal code, ``"Paris
        16e"``), an EPCI's (``"CC Tarn-Agout"``, or a name no commune has), a département's or a
        région's (``"Tarn"``, ``"Occitanie"``, ``"81"``). A name of more than one kind
        (``"Vienne"``: a commune and a département) is ``kind == "mixed"`` and ambiguous unless
        the context keeps one. One name gives a ``Lookup``, several give a list of them.

        ``departement``, ``epci`` (SIREN) and ``region`` (code) — each a code or a list of codes
        — are the context: a candidate outside it is set aside (``outside_context``), so
        ``lookup("Parisot", departement="82")`` is resolved where ``lookup("Parisot")`` is
        ambiguous. A code that is not well formed raises ``ValueError``. ``kind="commune"``,
        ``"epci"``, ``"departement"`` or ``"region"`` looks the names up as that only (with
        ``"region"``, a code is a région's). Releases the GIL while looking up.
        """
    def lookup_codes(
        self,
        names: _Names,
        *,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        kind: _LookupKind = None,
    ) -> list[str | None]:
        """The INSEE code (or EPCI's SIREN) of each name when it is resolved, ``None`` when it is
        ambiguous or not found (never a guess): ``df["insee"] = geo.lookup_codes(df["commune"],
        departement="81")``. Names as ``lookup_frame`` takes them; releases the GIL.
        """
    def _lookup_columns(
        self,
        names: _Names,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        kind: _LookupKind = None,
        lang: str | None = None,
    ) -> dict[str, list[Any]]: ...
    @overload
    def lookup_frame(
        self,
        names: _Names,
        *,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        kind: _LookupKind = None,
        lang: str | None = None,
        backend: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame:
        """One row per candidate of each name as a data frame (pandas, or ``backend="polars"``),
        from ``ctg-geo``'s lookup rows: ``position`` (of the name in ``names``), ``query``,
        ``status``, ``reason``, ``rank``, ``in_context``, ``kind``, ``code``, ``name``,
        ``departement``, ``population``, ``score``, ``match``, ``rules``, ``explanation`` (in
        ``lang``, default the current language). A name without candidate keeps one row, with
        nulls. ``names`` is any iterable of names (a list, a ``pandas.Series``…), an empty cell
        (``None``, NaN, ``pandas.NA``) reads as an empty name (``not_found``, ``empty``). Resolves
        with the GIL released.
        """
    @overload
    def lookup_frame(
        self,
        names: _Names,
        *,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        kind: _LookupKind = None,
        lang: str | None = None,
        backend: Literal["polars"],
    ) -> pl.DataFrame:
        """One row per candidate of each name as a data frame (pandas, or ``backend="polars"``),
        from ``ctg-geo``'s lookup rows: ``position`` (of the name in ``names``), ``query``,
        ``status``, ``reason``, ``rank``, ``in_context``, ``kind``, ``code``, ``name``,
        ``departement``, ``population``, ``score``, ``match``, ``rules``, ``explanation`` (in
        ``lang``, default the current language). A name without candidate keeps one row, with
        nulls. ``names`` is any iterable of names (a list, a ``pandas.Series``…), an empty cell
        (``None``, NaN, ``pandas.NA``) reads as an empty name (``not_found``, ``empty``). Resolves
        with the GIL released.
        """
    @overload
    def lookup_frame(
        self,
        names: _Names,
        *,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        kind: _LookupKind = None,
        lang: str | None = None,
        backend: Backend,
    ) -> pd.DataFrame | pl.DataFrame:
        """One row per candidate of each name as a data frame (pandas, or ``backend="polars"``),
        from ``ctg-geo``'s lookup rows: ``position`` (of the name in ``names``), ``query``,
        ``status``, ``reason``, ``rank``, ``in_context``, ``kind``, ``code``, ``name``,
        ``departement``, ``population``, ``score``, ``match``, ``rules``, ``explanation`` (in
        ``lang``, default the current language). A name without candidate keeps one row, with
        nulls. ``names`` is any iterable of names (a list, a ``pandas.Series``…), an empty cell
        (``None``, NaN, ``pandas.NA``) reads as an empty name (``not_found``, ``empty``). Resolves
        with the GIL released.
        """
    def resolve_text(
        self,
        text: str,
        *,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        lang: str | None = None,
    ) -> NameList:
        """Resolves a press release's list (``"Parisot, Laguépie et Saint Antonin Noble Val"``):
        split at line breaks, commas, semicolons and bullets, then at `` et `` and `` ainsi que ``
        when a part is not a name as a whole; each name becomes a commune, an EPCI, a département
        or a région, or is left unresolved with the reason. Context as for ``lookup``; the explanations in ``lang``
        (default: the current language).
        """
    def resolve_names(
        self,
        names: _Names,
        *,
        departement: _Codes = None,
        epci: _Codes = None,
        region: _Codes = None,
        lang: str | None = None,
    ) -> NameList:
        """Resolves a list of names as ``resolve_text`` resolves each part (without splitting)."""
    def fill_identifiers(
        self, document: Convention | Mapping[str, Any] | str | bytes, *, lang: str | None = None
    ) -> Filled:
        """Fills the missing identifiers of a convention document from the reference and says what
        it did (``ctg resolve``): the INSEE code, SIREN and département of communes (by their
        name, in their own département or the document's context), the SIREN and members of
        EPCI, the département of a Caf. A value already there is never changed (a difference is
        a ``conflict`` note); an ambiguous or unknown name is left alone, with a note.

        ``document`` is a ``dict`` of JSON values (as ``json.load`` gives), JSON text, or a
        ``Convention`` (its canonical form). The filled ``document`` comes back as JSON values
        (amounts as strings); ``ctg.Convention.from_dict(filled.document, geography=geo)``
        validates it. The reasons and messages are in ``lang`` (default: the current language).
        """
    def _commune_columns(self) -> dict[str, list[Any]]: ...
    def _epci_columns(self) -> dict[str, list[Any]]: ...
    @overload
    def communes_frame(self, backend: Literal["pandas"] = "pandas") -> pd.DataFrame:
        """Every commune and arrondissement as a data frame (pandas, or ``backend="polars"``):
        ``insee, name, kind, departement, region, siren, population, epci, postal_codes,
        parent``; a population the reference does not give is null, not zero.
        """
    @overload
    def communes_frame(self, backend: Literal["polars"]) -> pl.DataFrame:
        """Every commune and arrondissement as a data frame (pandas, or ``backend="polars"``):
        ``insee, name, kind, departement, region, siren, population, epci, postal_codes,
        parent``; a population the reference does not give is null, not zero.
        """
    @overload
    def communes_frame(self, backend: Backend) -> pd.DataFrame | pl.DataFrame:
        """Every commune and arrondissement as a data frame (pandas, or ``backend="polars"``):
        ``insee, name, kind, departement, region, siren, population, epci, postal_codes,
        parent``; a population the reference does not give is null, not zero.
        """
    @overload
    def epcis_frame(self, backend: Literal["pandas"] = "pandas") -> pd.DataFrame:
        """Every EPCI as a data frame (pandas, or ``backend="polars"``): ``siren, name, kind,
        population, members`` (a list of INSEE codes).
        """
    @overload
    def epcis_frame(self, backend: Literal["polars"]) -> pl.DataFrame:
        """Every EPCI as a data frame (pandas, or ``backend="polars"``): ``siren, name, kind,
        population, members`` (a list of INSEE codes).
        """
    @overload
    def epcis_frame(self, backend: Backend) -> pd.DataFrame | pl.DataFrame:
        """Every EPCI as a data frame (pandas, or ``backend="polars"``): ``siren, name, kind,
        population, members`` (a list of INSEE codes).
        """
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CoveredCommune:
    """A commune of a convention's territory, with the parties that bring it."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def insee(self) -> str:
        """INSEE code (today's, in the reference)."""
    @property
    def name(self) -> str:
        """Official name."""
    @property
    def departement(self) -> str:
        """Code of its département."""
    @property
    def population(self) -> int | None:
        """Municipal population in the reference; ``None`` when not known (absent is not zero)."""
    @property
    def parties(self) -> list[str]:
        """The ids of the parties that bring it, in the order of the parties."""
    @property
    def former_codes(self) -> list[str]:
        """The former codes the parties wrote for it (communes merged into it since): the value is
        today's commune, and this says so.
        """
    def to_dict(self) -> dict[str, Any]:
        """``{insee, name, departement, population, parties, former_codes}``."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class FundingPerInhabitant:
    """The Caf's funding divided by the territory's population: per year of the period, and on
    average over it (the whole funding / the years / the population); each exact, then
    rounded once to the cent, half away from zero.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def population(self) -> int:
        """The population divided by."""
    @property
    def years(self) -> int:
        """The number of years of the period."""
    @property
    def per_year(self) -> Decimal:
        """On average per year: the whole funding / the years / the population (``Decimal``, two
        places).
        """
    @property
    def by_year(self) -> dict[int, Decimal]:
        """Each year's funding / the population, every year of the period."""
    @property
    def decimals(self) -> int:
        """Decimals kept: 2."""
    @property
    def rounding(self) -> str:
        """How the last decimal is rounded: ``"half_away_from_zero"``."""
    def to_dict(self) -> dict[str, Any]:
        """``{population, years, per_year, by_year, decimals, rounding}`` (money as strings)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class MemberNotParty:
    """A member commune of a signing EPCI that is not a party itself."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def insee(self) -> str:
        """INSEE code."""
    @property
    def name(self) -> str:
        """Official name."""
    @property
    def population(self) -> int | None:
        """Municipal population, when known."""
    @property
    def epci(self) -> str:
        """The id of the EPCI party it is a member of."""
    def to_dict(self) -> dict[str, Any]:
        """``{insee, name, population, epci}``."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class UnresolvedParty:
    """A signing party the reference could not place, and why."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def party(self) -> str:
        """The party's id."""
    @property
    def reason(self) -> str:
        """Why: ``unknown_insee``, ``former_ambiguous``, ``unknown_siren``, ``not_a_commune``,
        ``not_an_epci``, ``no_identifier``, ``contradictory``.
        """
    @property
    def value(self) -> str | None:
        """The identifier that could not be placed, when there is one."""
    def reason_label(self, lang: str | None = None) -> str:
        """The reason in words, in ``lang`` (default: the current language): ``"code INSEE
        inconnu"``.
        """
    def to_dict(self) -> dict[str, Any]:
        """``{party, reason, value}``."""
    def __eq__(self, other: object, /) -> bool: ...

_Verdict: TypeAlias = Literal["valid", "invalid", "unreadable"]
_Document: TypeAlias = "str | bytes | bytearray | memoryview | os.PathLike[str] | Mapping[str, Any]"
_Progress: TypeAlias = "Callable[[int, int], object] | None"
_TotalsBy: TypeAlias = Literal["departement", "region", "epci", "domain", "facility_kind", "year"]
_PortfolioTable: TypeAlias = Literal[
    "conventions", "coverage", "departement", "region", "epci", "domain", "facility_kind", "year"
]

@final
class PortfolioEntry:
    """One document of a portfolio: where it comes from, core's verdict (``"valid"``,
    ``"invalid"`` or ``"unreadable"``), its report and, when valid, its convention. Picklable.
    """
    @property
    def source(self) -> str:
        """Where the document comes from: a file name, ``line 12``, ``national.jsonl:12``, the key
        or position it was given with.
        """
    @property
    def verdict(self) -> _Verdict:
        """``"valid"`` (warnings allowed), ``"invalid"`` (read, with errors) or ``"unreadable"``
        (not JSON, too large, a file that cannot be read).
        """
    @property
    def valid(self) -> bool:
        """Whether the document is valid (then ``convention`` is there)."""
    @property
    def report(self) -> Report:
        """Every issue of the document."""
    @property
    def convention(self) -> Convention | None:
        """The convention, when the document is valid; ``None`` otherwise."""
    def to_dict(self) -> dict[str, Any]:
        """``{"source", "verdict", "report"}`` as core serialises an entry (``ctg validate
        --json``'s entries).
        """
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(source: str, report: Report, convention: Convention | None) -> PortfolioEntry: ...

@final
class PortfolioSummary:
    """What a Caf or the Cnaf looks at first in a portfolio, at a date (core's
    ``PortfolioSummary``): counts, valid conventions by status, those in force that end this
    year, totals and, with a geography, coverage. ``to_text(lang)`` is ``ctg report``'s text,
    ``to_dict()`` its ``--json``. Picklable: it pickles as its portfolio and date, and is made
    again from them.
    """
    @property
    def date(self) -> datetime.date:
        """The day it is judged on."""
    @property
    def counts(self) -> dict[str, int]:
        """``{"documents", "valid", "invalid", "unreadable"}``."""
    @property
    def by_status(self) -> dict[str, int]:
        """Valid conventions per status code (every status, zero included)."""
    @property
    def expiring(self) -> list[str]:
        """The ids of the conventions in force that end during the date's year."""
    @property
    def totals(self) -> dict[str, Any]:
        """The totals, as ``Portfolio.totals()``."""
    @property
    def coverage(self) -> dict[str, Any] | None:
        """The coverage, as ``Portfolio.coverage()``, or ``None`` without a geography."""
    def to_dict(self) -> dict[str, Any]:
        """The summary as core serialises it (``ctg report --json``)."""
    def to_text(self, lang: str | None = None) -> str:
        """Core's text, in ``lang`` (default: the current language), as ``ctg report`` prints it."""
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Portfolio:
    """A portfolio of the documents of a Caf, a département or the country, valid or not: one
    entry per document, in the order given, with its source, verdict, report and convention.

    Made by ``ctg.load_portfolio`` (files, folders, patterns, JSON Lines files),
    ``Portfolio.from_documents`` (texts, bytes, paths, dicts) or ``Portfolio.from_json_lines``.
    Core validates the documents in parallel with the GIL released, on threads made for the
    call. Every figure is core's: ``rows`` (the table of conventions), ``totals``, ``coverage``,
    ``summary``; ``conventions()``, ``totals_frame()``, ``coverage_frame()`` are data frames,
    ``to_arrow()`` and ``write_parquet()`` Arrow tables and Parquet files. The geography the
    portfolio was validated with (``geography=``) also places its conventions in régions and
    counts their communes and population. Read-only; picklable.
    """
    @staticmethod
    def from_documents(
        documents: Mapping[str, _Document] | Iterable[_Document | tuple[str, _Document]],
        *,
        limits: Limits | None = None,
        geography: _Geography = None,
        threads: int | None = None,
        max_documents: int | None = None,
        progress: _Progress = None,
    ) -> Portfolio:
        """Validates ``documents`` into a portfolio: a ``dict`` of ``source → document``, or an
        iterable of documents or ``(source, document)`` pairs. A document is JSON text (``str``
        is always text, ``bytes``, ``bytearray``, ``memoryview``), a path (``os.PathLike``: a JSON
        file, or a ``.jsonl`` file of one document a line) or a Python value (a ``dict`` as
        ``json.load`` gives, ``Decimal``, ``date``…). Without a source, a path is named by
        itself and a document ``document N`` (from 1).

        Core validates texts, files and lines in parallel with the GIL released (``threads``:
        default the machine's; ``max_documents``: default 100 000, past it one entry
        ``input.too_large`` says how many there were; ``progress(done, total)`` is called from
        core's threads, and its first exception raised at the end). Python values are read with
        the GIL, then validated in parallel with the GIL released, as the other documents;
        ``max_documents`` and ``progress`` count the other documents. ``geography``:
        ``ctg.geography()`` or ``True`` validates with the official geography and keeps it for
        the portfolio's figures.
        """
    @staticmethod
    def from_json_lines(
        data: str | bytes | bytearray | memoryview | os.PathLike[str],
        *,
        limits: Limits | None = None,
        geography: _Geography = None,
        threads: int | None = None,
        max_documents: int | None = None,
        progress: _Progress = None,
    ) -> Portfolio:
        """Validates JSON Lines (``str``, ``bytes``…, or a path to such a file, read by core up to
        1 GiB): one document a line, blank lines skipped, sources ``line N`` (core's
        ``Portfolio::from_json_lines``). A file that cannot be read, or larger than 1 GiB, is one
        unreadable entry named by its path (``input.unreadable``, ``input.lines_too_large``).
        Options as ``from_documents``.
        """
    @staticmethod
    def _load(
        paths: str | os.PathLike[str] | Iterable[Any],
        *,
        recursive: bool = False,
        limits: Limits | None = None,
        geography: _Geography = None,
        threads: int | None = None,
        max_documents: int | None = None,
        progress: _Progress = None,
    ) -> Portfolio: ...
    @property
    def entries(self) -> tuple[PortfolioEntry, ...]:
        """Every entry, in input order (a tuple, made once)."""
    @property
    def geography(self) -> Geography | None:
        """The geography the documents were validated with (``ctg.geography()``), or ``None``."""
    def valid(self) -> list[Convention]:
        """The valid conventions, in input order (the entries' own objects)."""
    def counts(self) -> dict[str, int]:
        """``{"documents", "valid", "invalid", "unreadable"}``: how many documents, and their
        verdicts.
        """
    def rows(self, date: datetime.date | None = None) -> list[dict[str, Any]]:
        """The table of conventions as core serialises it (``ctg report --json``'s
        ``conventions``): one ``dict`` per document, valid or not, at ``date`` (default: today);
        money as ``"725403.00"`` strings, dates as ISO text, ``None`` for what a document cannot
        give (an absent envelope is ``None``, not zero).
        """
    def totals(self) -> dict[str, Any]:
        """The exact totals of the valid conventions with funding, as core serialises them: in
        all, ``by_year``, ``by_domain``, ``by_facility_kind``, ``by_departement``, ``by_region``,
        ``by_epci`` (each adds up to ``total``), ``excluded``; money as strings.
        """
    def coverage(self, date: datetime.date | None = None) -> dict[str, Any]:
        """What the conventions in force at ``date`` (default: today) cover, as core serialises
        it: communes and population, nationally and ``by_departement``, each commune once;
        ``overlaps``; shares as strings with four decimals. With the portfolio's geography, or
        the embedded one when it has none.
        """
    def summary(self, date: datetime.date | None = None) -> PortfolioSummary:
        """The summary at ``date`` (default: today): counts, statuses, what expires this year,
        totals and, when the portfolio has a geography, coverage.
        """
    def _columns(self, table: str, date: datetime.date | None = None) -> dict[str, list[Any]]: ...
    @overload
    def conventions(
        self, date: datetime.date | None = None, backend: Literal["pandas"] = "pandas", *, decimal: DecimalMode = "arrow"
    ) -> pd.DataFrame:
        """The table of conventions (core's rows) as a data frame: one row per document, valid or
        not, at ``date`` (default: today). Columns ``source, verdict, errors, warnings, id,
        title, territory, epci, departement, region, status, first_year, last_year, signed_on,
        months_before_expiry, envelope, communes, population``; what a document cannot give is
        null (an absent envelope too: absent is not zero). ``backend``: ``"pandas"`` or
        ``"polars"``; money exact, as in ``ctg.frame`` (``decimal="object"``: ``Decimal``
        objects in pandas).
        """
    @overload
    def conventions(
        self, date: datetime.date | None, backend: Literal["polars"], *, decimal: Literal["arrow"] = "arrow"
    ) -> pl.DataFrame:
        """The table of conventions (core's rows) as a data frame: one row per document, valid or
        not, at ``date`` (default: today). Columns ``source, verdict, errors, warnings, id,
        title, territory, epci, departement, region, status, first_year, last_year, signed_on,
        months_before_expiry, envelope, communes, population``; what a document cannot give is
        null (an absent envelope too: absent is not zero). ``backend``: ``"pandas"`` or
        ``"polars"``; money exact, as in ``ctg.frame`` (``decimal="object"``: ``Decimal``
        objects in pandas).
        """
    @overload
    def conventions(
        self, date: datetime.date | None, backend: Backend, *, decimal: DecimalMode = "arrow"
    ) -> pd.DataFrame | pl.DataFrame:
        """The table of conventions (core's rows) as a data frame: one row per document, valid or
        not, at ``date`` (default: today). Columns ``source, verdict, errors, warnings, id,
        title, territory, epci, departement, region, status, first_year, last_year, signed_on,
        months_before_expiry, envelope, communes, population``; what a document cannot give is
        null (an absent envelope too: absent is not zero). ``backend``: ``"pandas"`` or
        ``"polars"``; money exact, as in ``ctg.frame`` (``decimal="object"``: ``Decimal``
        objects in pandas).
        """
    @overload
    def totals_frame(
        self, by: _TotalsBy = "departement", backend: Literal["pandas"] = "pandas", *, decimal: DecimalMode = "arrow"
    ) -> pd.DataFrame:
        """Core's totals by ``by`` as a data frame: ``"departement"`` (default), ``"region"``,
        ``"epci"`` (columns: the code — ``"unassigned"`` when unknown —, ``name``,
        ``conventions``, ``total``), ``"domain"``, ``"facility_kind"`` or ``"year"`` (the key,
        ``total``). Each adds up to ``totals()["total"]``.
        """
    @overload
    def totals_frame(
        self, by: _TotalsBy, backend: Literal["polars"], *, decimal: Literal["arrow"] = "arrow"
    ) -> pl.DataFrame:
        """Core's totals by ``by`` as a data frame: ``"departement"`` (default), ``"region"``,
        ``"epci"`` (columns: the code — ``"unassigned"`` when unknown —, ``name``,
        ``conventions``, ``total``), ``"domain"``, ``"facility_kind"`` or ``"year"`` (the key,
        ``total``). Each adds up to ``totals()["total"]``.
        """
    @overload
    def totals_frame(
        self, by: _TotalsBy, backend: Backend, *, decimal: DecimalMode = "arrow"
    ) -> pd.DataFrame | pl.DataFrame:
        """Core's totals by ``by`` as a data frame: ``"departement"`` (default), ``"region"``,
        ``"epci"`` (columns: the code — ``"unassigned"`` when unknown —, ``name``,
        ``conventions``, ``total``), ``"domain"``, ``"facility_kind"`` or ``"year"`` (the key,
        ``total``). Each adds up to ``totals()["total"]``.
        """
    @overload
    def coverage_frame(
        self, date: datetime.date | None = None, backend: Literal["pandas"] = "pandas", *, decimal: DecimalMode = "arrow"
    ) -> pd.DataFrame:
        """Core's coverage by département at ``date`` (default: today) as a data frame, one row per
        département: ``departement, name, region, conventions_in_force, communes, population,
        reference_communes, reference_population, communes_share, population_share`` (shares
        exact, 4 decimals). With the portfolio's geography, or the embedded one.
        """
    @overload
    def coverage_frame(
        self, date: datetime.date | None, backend: Literal["polars"], *, decimal: Literal["arrow"] = "arrow"
    ) -> pl.DataFrame:
        """Core's coverage by département at ``date`` (default: today) as a data frame, one row per
        département: ``departement, name, region, conventions_in_force, communes, population,
        reference_communes, reference_population, communes_share, population_share`` (shares
        exact, 4 decimals). With the portfolio's geography, or the embedded one.
        """
    @overload
    def coverage_frame(
        self, date: datetime.date | None, backend: Backend, *, decimal: DecimalMode = "arrow"
    ) -> pd.DataFrame | pl.DataFrame:
        """Core's coverage by département at ``date`` (default: today) as a data frame, one row per
        département: ``departement, name, region, conventions_in_force, communes, population,
        reference_communes, reference_population, communes_share, population_share`` (shares
        exact, 4 decimals). With the portfolio's geography, or the embedded one.
        """
    def to_arrow(self, table: _PortfolioTable = "conventions", date: datetime.date | None = None) -> Any:
        """A table as a ``pyarrow.Table`` (money ``decimal128(14, 2)``, shares ``decimal128(5,
        4)``): ``"conventions"`` (default), ``"coverage"`` or a totals grouping.
        """
    def write_parquet(
        self, path: str | os.PathLike[str], table: _PortfolioTable = "conventions", date: datetime.date | None = None
    ) -> None:
        """Writes a table (as ``to_arrow``) to a Parquet file."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[PortfolioEntry]: ...
    @overload
    def __getitem__(self, index: SupportsIndex, /) -> PortfolioEntry: ...
    @overload
    def __getitem__(self, index: slice, /) -> tuple[PortfolioEntry, ...]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _restore(entries: tuple[PortfolioEntry, ...], geography: bool) -> Portfolio: ...

@final
class Coverage:
    """What a convention covers in the official geography (``Convention.coverage``): the
    communes of the parties that sign (each commune party, and the members of each EPCI
    party), once each, their population, the Caf's funding per inhabitant and per year, the
    members of the signing EPCI that are not parties, and the signing parties the reference
    cannot place. Every figure depends on the reference, whose ``vintage`` it carries.
    """
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def vintage(self) -> Vintage:
        """The reference every figure comes from."""
    @property
    def communes(self) -> tuple[CoveredCommune, ...]:
        """The communes covered, once each, by today's INSEE code (a tuple, made once)."""
    @property
    def population(self) -> int | None:
        """The sum of the communes' municipal populations in the reference; ``None`` — never a
        partial sum — when one of them has none, when a signing party could not be placed
        (``unresolved``), or when the territory is empty.
        """
    @property
    def funding_per_inhabitant(self) -> FundingPerInhabitant | None:
        """The Caf's funding per inhabitant; ``None`` without funding, without a population, or
        with a population of 0.
        """
    @property
    def members_not_parties(self) -> tuple[MemberNotParty, ...]:
        """Member communes of the signing EPCI that are not parties themselves."""
    @property
    def unresolved(self) -> tuple[UnresolvedParty, ...]:
        """Signing communes and EPCI that the reference could not place, and why."""
    def to_dict(self) -> dict[str, Any]:
        """The coverage as core serialises it (``ctg report --json``'s ``coverage``): money as
        ``"25.35"`` strings, the vintage's date as ISO text.
        """
    def to_text(self, lang: str | None = None) -> str:
        """Core's text, in ``lang`` (default: the current language): the reference, communes,
        inhabitants, funding per inhabitant and per year.
        """
    def to_html(self, lang: str | None = None) -> str:
        """Core's HTML table, in ``lang`` (default: the current language); everything shown is
        escaped.
        """
    def _repr_html_(self) -> str: ...
    def _commune_columns(self) -> dict[str, list[Any]]: ...
    @overload
    def frame(self, backend: Literal["pandas"] = "pandas", *, labels: Labels | None = None) -> pd.DataFrame:
        """One row per commune covered as a data frame (pandas, or ``backend="polars"``; see
        ``ctg.coverage_frame``, also for ``labels``).
        """
    @overload
    def frame(self, backend: Literal["polars"], *, labels: Labels | None = None) -> pl.DataFrame:
        """One row per commune covered as a data frame (pandas, or ``backend="polars"``; see
        ``ctg.coverage_frame``, also for ``labels``).
        """
    @overload
    def frame(self, backend: Backend, *, labels: Labels | None = None) -> pd.DataFrame | pl.DataFrame:
        """One row per commune covered as a data frame (pandas, or ``backend="polars"``; see
        ``ctg.coverage_frame``, also for ``labels``).
        """
    def __eq__(self, other: object, /) -> bool: ...

@final
class TableInfo:
    """A table found by an import (``Import.tables``): the file it was read from, its sheet, what it
    holds (``shape``: ``"funding_wide"``, ``"funding_long"``, ``"action_plan"`` or
    ``"parties"``) and the row of its header (1-based, as the spreadsheet shows it).
    """
    @property
    def file(self) -> str:
        """The file, as named to the import (a path, or the name given with the bytes)."""
    @property
    def sheet(self) -> str:
        """The sheet (a CSV's is its file name without extension: ``"Financement"``)."""
    @property
    def shape(self) -> Literal["funding_wide", "funding_long", "action_plan", "parties"]:
        """``"funding_wide"``, ``"funding_long"``, ``"action_plan"`` or ``"parties"``."""
    @property
    def header_row(self) -> int:
        """The row of the header, 1-based (rows above it are titles)."""
    def to_dict(self) -> dict[str, str | int]:
        """``{"file", "sheet", "shape", "header_row"}``, as ``ctg import --json`` writes them."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Import:
    """What reading tables gave (``ctg.read_excel``, ``ctg.read_csv``, ``ctg.read_tables``): the
    document they make (over the ``into`` document), every problem met reading them (each at its
    cell: ``issue.cell == "Financement!C7"``, ``ctx`` with ``sheet``, ``row``, ``column``), the
    tables found, and where each value of the document comes from.

    Reading never raises on bad data: ``validate()`` gives the convention or raises
    ``ctg.ValidationError`` with every problem — the import's, then validation's, each at the
    cell its path comes from (one on a cell that already has an import error is left out: it is
    that error again, or a consequence of it). ``report()`` gives the same issues without
    raising. The rules are ``ctg-tables``': headers in French or English below title rows, money
    by core's rules (``12.000`` is ambiguous), totals checked, nothing guessed or dropped
    silently.
    """
    @property
    def document(self) -> dict[str, Any]:
        """The document the tables make, over the ``into`` document (a new ``dict`` of JSON values
        at each access): each section a table gives (``funding``, ``action_sheets``,
        ``parties``) replaces the base's. A value that could not be read stays as its text.
        """
    @property
    def issues(self) -> list[Issue]:
        """The problems met reading the tables, in file and row order (validation's come with
        ``report()`` and ``validate()``).
        """
    @property
    def tables(self) -> list[TableInfo]:
        """The tables found, in file and sheet order."""
    @property
    def has_errors(self) -> bool:
        """Whether reading the tables met an error (validation aside)."""
    def report(self) -> Report:
        """Every issue, the import's then validation's (with the geography given to the import,
        if any), each at its cell; never raises on bad data.
        """
    def validate(self) -> Convention:
        """The convention the tables make, validated; ``ctg.ValidationError`` with every issue (the
        import's and validation's, each at its cell) when there is an error.
        """
    def locate(self, issue: Issue) -> Issue:
        """The issue with the cell its path comes from (``sheet``, ``row``, ``column`` in ``ctx``),
        when it comes from one and the issue has none: for an issue found on the document later
        (``ctg.validate(imp.document)``).
        """
    def cell(self, loc: Sequence[str | int]) -> str | None:
        """The cell a document path comes from (``loc``, a tuple of keys and indices as
        ``Issue.loc`` gives), or of its nearest ancestor that has one, in spreadsheet notation
        (``"Financement!C7"``, a row ``"Financement!7:7"``, a sheet ``"Financement"``);
        ``None`` for a path no table gave.
        """

@final
class Grant:
    """One grant: one row of an SCDL *Subventions* 2.1.1 file (``ctg.scdl``). Attributes are the
    standard's columns in snake_case: texts as written, ``montant`` a ``Decimal`` with two
    places, ``date_convention`` a ``datetime.date``, ``notification_ue`` a ``bool``,
    ``pourcentage_subvention`` a ``Decimal``. ``to_dict()`` keys them by the standard's names.
    """
    @property
    def nom_attribuant(self) -> str:
        """``nomAttribuant``: the Caf that awards it."""
    @property
    def id_attribuant(self) -> str:
        """``idAttribuant``: its SIRET, as written."""
    @property
    def date_convention(self) -> datetime.date | None:
        """``dateConvention``: the signature date (``None`` when not given)."""
    @property
    def reference_decision(self) -> str:
        """``referenceDecision``: the convention's id when ctg wrote it."""
    @property
    def nom_beneficiaire(self) -> str:
        """``nomBeneficiaire``."""
    @property
    def id_beneficiaire(self) -> str:
        """``idBeneficiaire``: the beneficiary's SIRET, as written."""
    @property
    def rna_beneficiaire(self) -> str:
        """``rnaBeneficiaire``: its RNA number (``W`` and 9 digits), as written."""
    @property
    def objet(self) -> str:
        """``objet``: what the grant is for (at most 256 characters)."""
    @property
    def montant(self) -> Decimal:
        """``montant``: the amount, exact (``Decimal`` with two places)."""
    @property
    def nature(self) -> str:
        """``nature``: ``"aide en numéraire"`` or ``"aide en nature"``."""
    @property
    def conditions_versement(self) -> str:
        """``conditionsVersement``: ``"unique"``, ``"échelonné"`` or a description."""
    @property
    def dates_periode_versement(self) -> str:
        """``datesPeriodeVersement``: ``"2024-01-01/2024-12-31"`` or one date."""
    @property
    def id_rae(self) -> str:
        """``idRAE``."""
    @property
    def notification_ue(self) -> bool:
        """``notificationUE``: whether the aid was notified to the European Commission."""
    @property
    def pourcentage_subvention(self) -> Decimal | None:
        """``pourcentageSubvention``: the share of the subsidised cost (``Decimal``; ``None`` when
        not given).
        """
    @property
    def dispositif_aide(self) -> str:
        """``dispositifAide``."""
    def to_dict(self) -> dict[str, Any]:
        """The grant keyed by the standard's column names, in its order (``ctg.scdl.COLUMNS``),
        values typed as the attributes: rows of ``pandas.DataFrame(...)`` (or
        ``ctg.scdl.frame(grants)`` for exact typed columns).
        """
    def __eq__(self, other: object, /) -> bool: ...

@final
class Publication:
    """The grants of conventions as SCDL *Subventions* (``ctg.scdl.publish``): the file
    (``csv``, text; ``bytes`` is its UTF-8), its ``grants`` and what was found on the way
    (``issues``: what is missing to publish, the ``objet``s shortened).
    """
    @property
    def csv(self) -> str:
        """The SCDL CSV: comma-separated, UTF-8, CRLF line ends, the standard's 16 columns in its
        order, ``montant`` with a decimal point and two decimals.
        """
    @property
    def grants(self) -> list[Grant]:
        """The grants, one per row of ``csv``."""
    @property
    def issues(self) -> list[Issue]:
        """What was found: the errors (``scdl.not_signed``, ``scdl.attribuant_siret_missing``,
        ``scdl.beneficiary_id_missing``: missing values, empty in a draft) and warnings
        (``scdl.objet_shortened``); with several conventions, ``ctx["convention"]`` names each
        issue's.
        """
    @property
    def valid(self) -> bool:
        """Whether nothing is missing: the file can be published as it is."""
    def report(self) -> Report:
        """The issues as a ``ctg.Report``."""
    def to_bytes(self) -> bytes:
        """``csv`` as UTF-8 bytes, to write to a file."""

@final
class ScdlRead:
    """What reading an SCDL *Subventions* file gave (``ctg.scdl.read``): its ``grants`` (the rows
    whose ``montant`` could be read) and every problem, each at its row and column.
    """
    @property
    def grants(self) -> list[Grant]:
        """The grants read, in the file's order."""
    @property
    def issues(self) -> list[Issue]:
        """The problems: the header (a column missing, unknown), the standard's checks
        (``french-siret-value``: ``siret.invalid``…; ``one-of-required``:
        ``scdl.one_of_required``) and each cell's constraints (``scdl.value_invalid``), each with
        its ``cell``.
        """
    @property
    def valid(self) -> bool:
        """Whether the file passes every check (no error)."""
    def report(self) -> Report:
        """The issues as a ``ctg.Report``."""
    def __len__(self) -> int: ...

@final
class GrantMatch:
    """A grant matched to a beneficiary of a convention (``ctg.scdl.match``): the grant's index in
    the list given, the convention's and the beneficiary's ids, and how (``by``: ``"siret"``, or
    ``"name"`` when neither side had a SIRET to compare and one beneficiary bears the name).
    """
    @property
    def grant(self) -> int:
        """The index of the grant in the list given to ``match``."""
    @property
    def convention(self) -> str:
        """The id of the convention."""
    @property
    def beneficiary(self) -> str:
        """The id of the beneficiary."""
    @property
    def by(self) -> Literal["siret", "name"]:
        """``"siret"`` or ``"name"``."""
    def to_dict(self) -> dict[str, str | int]:
        """``{"grant", "convention", "beneficiary", "by"}``."""
    def __eq__(self, other: object, /) -> bool: ...

def read_excel(
    source: _TableSource,
    *,
    name: str | None = None,
    shape: _Shape | None = None,
    into: _Into = None,
    geography: _Geography = None,
) -> Import:
    """Reads a spreadsheet — ``.xlsx``, ``.ods``, ``.xls`` or CSV, recognised from its bytes, never
    from its name — into an ``Import``: the document its tables make, every issue at its cell,
    ``validate()`` for the convention. Never raises on bad data (an unreadable file is an issue).

    ``source``: a path (``str`` or ``os.PathLike``; read up to the 64 MiB limit), bytes
    (``bytes``, ``bytearray``, ``memoryview``) or a binary file object. ``name``: the file name
    given to the reader (default: the path, the file object's ``name``, else ``"table.xlsx"``): a
    CSV's sheet is its name without extension, so ``name="Financement.csv"`` puts its issues at
    ``Financement!C7``. ``shape``: read every table as this shape (``"wide"``, ``"long"``,
    ``"action_plan"``, ``"parties"``) instead of recognising it by its header. ``into``: the
    document the tables go into (a ``ctg.Convention``, a ``dict`` of JSON values or JSON text):
    each section a table gives replaces its own, the rest is kept, and its parties and
    objectives let an action plan name them. ``geography``: ``ctg.geography()`` (or ``True``)
    completes the codes of communes and EPCI named without them in a parties table (each
    completion, ambiguity or unknown name said) and validates against it.
    """
def read_csv(
    source: _TableSource,
    *,
    name: str | None = None,
    shape: _Shape | None = None,
    into: _Into = None,
    geography: _Geography = None,
) -> Import:
    """Reads a CSV table — UTF-8 with or without byte order mark, UTF-16, Windows-1252; ``;``,
    ``,`` or tab — into an ``Import``, as ``read_excel`` does (the format is recognised from the
    bytes: a workbook given here is read as a workbook). ``name`` defaults to the path, the file
    object's ``name``, else ``"table.csv"`` (sheet ``table``).
    """
def read_tables(
    files: Iterable[str | os.PathLike[str] | tuple[str, bytes | bytearray | memoryview | IO[bytes]]],
    *,
    shape: _Shape | None = None,
    into: _Into = None,
    geography: _Geography = None,
) -> Import:
    """Reads several tables — in several files, or several sheets of a workbook — into one
    ``Import`` (the parties first, so that the other tables name them). ``files``: a list whose
    items are paths or ``(name, data)`` pairs (``data`` bytes or a binary file object). The
    options are ``read_excel``'s.
    """
def scdl_publish(
    conventions: Convention | Iterable[Convention],
    *,
    granularity: Literal["year", "convention"] = "year",
    rna: dict[str, str] | None = None,
    conditions: str | None = None,
    notification_ue: bool = False,
    draft: bool = False,
) -> Publication:
    """The grants of conventions as SCDL *Subventions* 2.1.1 (``ctg-tables``' ``Publisher``).

    ``conventions``: one ``ctg.Convention`` or an iterable of them (one file for all).
    ``granularity``: ``"year"`` (default: one row per beneficiary and year, each an amount of the
    convention) or ``"convention"`` (one row per beneficiary over the period). ``rna``: RNA
    numbers by beneficiary id (``{"passerelle": "W811000001"}``), for associations published
    without SIRET. ``conditions``: ``conditionsVersement`` (default ``"échelonné"``).
    ``notification_ue``: ``notificationUE`` (default ``False``).

    What is missing to publish — an unsigned convention, a Caf without SIRET, a beneficiary with
    neither SIRET nor RNA number — raises ``ctg.ValidationError`` with every issue, unless
    ``draft=True``: the ``Publication`` then has the missing cells empty and says what they are
    in ``issues``. An RNA number that is not ``W`` and 9 digits raises ``ctg.ValidationError``
    (``rna.invalid`` at ``("rna", id)``).
    """
def scdl_read(source: _TableSource, *, name: str | None = None) -> ScdlRead:
    """Reads an SCDL *Subventions* file and checks it (``ctg-tables``' ``scdl::read``): the header
    (every column of the standard by its exact name), the standard's custom checks
    (``french-siret-value`` with core's SIRET rules, ``one-of-required``) and each cell's
    constraints. Never raises on bad data. ``source``: a path, bytes or a binary file object, as
    ``ctg.read_csv`` takes; ``name``: its name (default: the path, else ``"subventions.csv"``;
    issues are at ``subventions!B2``…).
    """
def scdl_match(grants: Sequence[Grant], conventions: Convention | Iterable[Convention]) -> list[GrantMatch]:
    """Matches grants (``ScdlRead.grants``, ``Publication.grants``) to the beneficiaries of
    conventions (``ctg-tables``' ``match_grants``): by SIRET first (the beneficiary's, or that
    of the party it is), then by name (accents, case and punctuation aside) when neither side
    has a SIRET to compare and exactly one beneficiary bears it. Grants that match nothing are
    left out.
    """
def _scdl_columns() -> list[str]: ...
def _label(code: str, lang: str) -> str: ...
def geography() -> Geography:
    """The embedded geography, loaded once per process and shared (about 15 ms, 20 ms more for the
    name indexes, built on the first name lookup; the data is 1.8 MB inside the package).
    """
def _geo_record(kind: str, geography: str, key: str) -> Any: ...

def loads(
    data: str | bytes | bytearray | memoryview, *, limits: Limits | None = None, geography: _Geography = None
) -> Convention:
    """Reads JSON text (``str``, ``bytes``, ``bytearray`` or ``memoryview``) into a convention.

    Raises ``ctg.ValidationError`` (listing every problem) when the document is invalid. A
    ``str`` is always JSON text: a file name given here is reported by core as ``json.syntax``
    ("this text looks like a file name"); use ``ctg.load`` for a file.

    With ``geography`` (``ctg.geography()``, or ``True`` for it), the document is also checked
    against the official geography (the ``geo.*`` issues).
    """
def load(path: str | os.PathLike[str], *, limits: Limits | None = None, geography: _Geography = None) -> Convention:
    """Reads and validates a JSON file (a ``str`` path or any ``os.PathLike``), reading at most
    ``limits.max_bytes + 1`` bytes (a larger file is ``input.too_large``).

    Raises ``ctg.ValidationError`` listing every problem when the document is invalid, and
    ``OSError`` when the file cannot be read. With ``geography`` (``ctg.geography()``, or
    ``True``), the document is also checked against the official geography.
    """
def validate(data: object, *, limits: Limits | None = None, geography: _Geography = None) -> Report:
    """Validates a document and returns the report of every issue; never raises on bad data.

    ``data`` is JSON text (``str``, ``bytes``, ``bytearray``, ``memoryview``), a JSON file (any
    ``os.PathLike``, e.g. ``pathlib.Path``, read up to ``limits.max_bytes + 1`` bytes), or a
    Python value (a ``dict``, with ``Decimal``, ``date``, numpy integers…). A plain ``str`` is
    always JSON text: a file name given as ``str`` is reported by core as ``json.syntax`` with
    the detail "this text looks like a file name". A file that cannot be read raises ``OSError``.

    ``geography``: ``ctg.geography()`` (or ``True`` for it) also checks the document against the
    official geography — codes, SIRENs, names, départements, EPCI members, the territory of the
    action sheets — with core's ``geo.*`` rules, whose issues carry the reference in ``ctx``
    (``geography``, ``effective``). ``None`` (default): those rules do not run.
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
def diff(a: Convention, b: Convention) -> Diff:
    """What differs from ``a`` to ``b`` (``a.diff(b)``, see ``Diff``)."""
def split_amount(value: _Amount, weights: Sequence[int]) -> list[Decimal]:
    """Splits an amount exactly, in cents, proportionally to integer ``weights`` (core's
    ``Amount::split``): the parts always add up to the whole, the cents left over going to the
    largest remainders, then to the first parts. ``split_amount(Decimal("100"), [1, 1, 1])`` is
    ``[Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]``; to spread an envelope over
    beneficiaries, weight them (by places, by last year's amounts in cents…).

    The amount is read as ``parse_amount`` reads it; ``ctg.ValidationError`` for an amount core
    refuses, for no weight or weights that are all zero.
    """
def split_amount_evenly(value: _Amount, parts: int) -> list[Decimal]:
    """Splits an amount into ``parts`` equal shares to the cent (core's ``Amount::split_evenly``),
    the first shares getting the extra cents: ``split_amount_evenly(Decimal("1000.01"), 3)`` is
    ``[Decimal("333.34"), Decimal("333.34"), Decimal("333.33")]``.
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
def _rebuild(cls: type[Any], fields: dict[str, Any]) -> Any: ...
