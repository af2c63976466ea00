"""A pydantic v2 peer of ctg: the canonical CTG format (docs/format.md) as pydantic models, with
the same rules as far as pydantic allows, and the same totals.

It is the yardstick of the Python performance goal (issue 11: ``ctg`` at least 8x faster than
this peer on load + validate + totals), so it is written the way a careful pydantic user would
write it, for correctness first and speed second: ``model_validate_json`` on the bytes (pydantic's
own JSON parser, no ``json.loads``), constraints that pydantic-core checks in Rust wherever one
exists (patterns, bounds, enums, strict types), Python only where pydantic has no constraint
(checksums, money, decimals, rules across fields).

What it reads is the *canonical* writing, strictly:

- money: a JSON string of digits with at most two decimals (``"241801.00"``, ``"1234.5"``) or a
  JSON integer (whole euros), never negative, at most 999 999 999 999.99 EUR; a JSON number with a
  fraction or an exponent is refused (``amount.float``), so is the ambiguous ``"40.800"``
  (``amount.ambiguous``); held as ``Decimal``, summed exactly;
- decimals (indicators): a JSON string of digits with a dot (``"12.5"``, ``"-3"``) or a JSON
  integer; floats refused (``decimal.float``), ``"12.500"`` is ambiguous;
- dates ``YYYY-MM-DD`` (years 1900-2200), years JSON integers 1990-2100 (as keys: ``"2024"``);
- identifiers: INSEE commune code, SIREN (Luhn), SIRET (Luhn on the SIRET and its SIREN; La
  Poste: sum of digits multiple of 5), departement code;
- vocabularies as ``enum.Enum`` codes; a domain is any non-blank text (a code or a custom label).

The lenient writings ctg also reads (``"241 801 €"``, ``"30/11/2022"``, ``"2023-2025"``, French
labels such as ``"Communauté de communes"``) are *not* implemented: they are refused here
(``amount.invalid``, ``date.invalid``, ``value.unknown``…) where ctg accepts them.

Rules across fields are model validators. pydantic runs a model validator only when every field
of its model validated, and a validator raises one error: so a party breaking two rules gets one
error, and the rules across sections (references, sums, duplicates…) are checked by the
convention's validator only when the whole document has no field error; that validator collects
every broken rule into one error of type ``ctg_rules`` whose ``ctx["issues"]`` lists them.
pydantic has no warnings: ctg's warnings (unknown fields, custom domains, unusual durations…)
have no counterpart here, and unknown fields are ignored silently (``extra="ignore"``).
Amendment changes are typed (their ``kind`` is a vocabulary) but not applied, so
``change.cannot_apply`` and ``change.breaks_convention`` are not checked.

``issues(err)`` translates a ``ValidationError`` into ctg's ``(code, path)`` pairs, so that the
faithfulness tests can compare verdicts rule by rule.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

__all__ = ["Convention", "load", "totals", "issues", "ValidationError"]

MAX_CENTS = 99_999_999_999_999  # 999 999 999 999.99 EUR


def _error(code: str, message: str, at: tuple[Any, ...] = (), **ctx: Any) -> PydanticCustomError:
    """A pydantic error whose type is ctg's issue code; ``at`` is the path below the validated
    value (pydantic's ``loc`` stops at the model a validator belongs to)."""
    ctx["at"] = at
    return PydanticCustomError(code, message, ctx)


# ---------------------------------------------------------------------------------- values

_MONEY = re.compile(r"(?:0|[1-9][0-9]{0,11}|0[0-9]+)(?:\.[0-9]{1,2})?\Z")
_NUMBER = re.compile(r"[+\-\u2212]?[0-9]+(?:\.[0-9]+)?\Z")
_AMBIGUOUS = re.compile(r"[+\-\u2212]?[1-9][0-9]{0,2}\.[0-9]{3}\Z")


def _money(value: Any) -> Decimal:
    """Money as ctg's canonical writing: a string of digits with at most two decimals, or a JSON
    integer (whole euros); every refusal has ctg's code."""
    kind = type(value)
    if kind is str:
        if _MONEY.match(value):  # at most 12 integer digits: never above the maximum
            return Decimal(value)
        # Refused: say why, as ctg does.
        if _AMBIGUOUS.match(value):
            raise _error("amount.ambiguous", "ambiguous amount {value}", value=value)
        if _NUMBER.match(value):
            if value[0] in "-\u2212":
                raise _error("amount.negative", "negative amount {value}", value=value)
            if "." in value and len(value.rsplit(".", 1)[1]) > 2:
                raise _error("amount.too_precise", "amount too precise {value}", value=value)
            if value[0] != "+":
                raise _error("amount.too_large", "amount too large: {value}", value=value)
        raise _error("amount.invalid", "unreadable amount {value}", value=value)
    if kind is int:
        if value < 0:
            raise _error("amount.negative", "negative amount {value}", value=value)
        if value * 100 > MAX_CENTS:
            raise _error("amount.too_large", "amount too large: {value}", value=value)
        return Decimal(value)
    if kind is float:
        raise _error("amount.float", "amount given as a binary float ({value})", value=repr(value))
    if kind is Decimal:  # model_validate on Python values, not used by the JSON path
        return value
    raise _error("field.type", "wrong type: expected an amount")


def _decimal(value: Any) -> Decimal:
    """An indicator value: a string of digits with an optional dot, or a JSON integer."""
    kind = type(value)
    if kind is str:
        if _AMBIGUOUS.match(value):
            raise _error("decimal.ambiguous", "ambiguous number {value}", value=value)
        if _NUMBER.match(value):
            return Decimal(value.replace("\u2212", "-"))
        raise _error("decimal.invalid", "unreadable number {value}", value=value)
    if kind is int:
        return Decimal(value)
    if kind is float:
        raise _error("decimal.float", "number given as a binary float ({value})", value=repr(value))
    if kind is Decimal:
        return value
    raise _error("field.type", "wrong type: expected a number")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i & 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _siren(value: str) -> str:
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        raise _error("siren.invalid", "invalid SIREN {value}", value=value)
    if not _luhn(value):
        raise _error("siren.checksum", "invalid SIREN checksum {value}", value=value)
    return value


_LA_POSTE = "356000000"


def _siret(value: str) -> str:
    if len(value) != 14 or not value.isascii() or not value.isdigit():
        raise _error("siret.invalid", "invalid SIRET {value}", value=value)
    if value[:9] == _LA_POSTE and value != "35600000000048":
        ok = sum(ord(c) - 48 for c in value) % 5 == 0
    else:
        ok = _luhn(value) and _luhn(value[:9])
    if not ok:
        raise _error("siret.checksum", "invalid SIRET checksum {value}", value=value)
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Money = Annotated[Decimal, PlainValidator(_money)]
Number = Annotated[Decimal, PlainValidator(_decimal)]
Year = Annotated[int, Field(ge=1990, le=2100)]
Day = Annotated[date, Field(ge=date(1900, 1, 1), le=date(2200, 12, 31))]
PositiveInt = Annotated[int, Field(ge=1, le=4_294_967_295)]
Insee = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        pattern=r"^(?:(?:0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5])[0-9]{3}|2[ABab][0-9]{3}|97[1-8][0-9]{2})$",
    ),
]
Departement = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^(?:0[1-9]|1[0-9]|2[1-9ABab]|[3-8][0-9]|9[0-5]|97[1-8])$"
    ),
]
Siren = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_siren)]
Siret = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_siret)]
YearAmounts = dict[Year, Money]


class PartyKind(str, Enum):
    CAF = "caf"
    COMMUNE = "commune"
    CC = "cc"
    CA = "ca"
    CU = "cu"
    METROPOLE = "metropole"
    SIVU = "sivu"
    SIVOM = "sivom"
    SYNDICAT_MIXTE = "syndicat_mixte"
    DEPARTEMENT = "departement"
    CCAS = "ccas"
    CIAS = "cias"
    MSA = "msa"
    CPAM = "cpam"
    ETAT = "etat"
    ASSOCIATION = "association"
    OTHER = "other"


GROUPINGS = {
    PartyKind.CC,
    PartyKind.CA,
    PartyKind.CU,
    PartyKind.METROPOLE,
    PartyKind.SIVU,
    PartyKind.SIVOM,
    PartyKind.SYNDICAT_MIXTE,
}


class PartyRole(str, Enum):
    CAF = "caf"
    SIGNATORY = "signatory"
    CO_FUNDER = "co_funder"
    PARTNER = "partner"


class FacilityKind(str, Enum):
    EAJE = "eaje"
    RPE = "rpe"
    LAEP = "laep"
    ALSH_PERISCOLAIRE = "alsh_periscolaire"
    ALSH_EXTRASCOLAIRE = "alsh_extrascolaire"
    ALSH = "alsh"
    JEUNESSE = "jeunesse"
    CENTRE_SOCIAL = "centre_social"
    EVS = "evs"
    COORDINATION = "coordination"
    OTHER = "other"


class ActionStatus(str, Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ABANDONED = "abandoned"


class GovernanceKind(str, Enum):
    STEERING_COMMITTEE = "steering_committee"
    TECHNICAL_COMMITTEE = "technical_committee"
    OTHER = "other"


class ChangeKind(str, Enum):
    PERIOD = "period"
    PARTY = "party"
    DOMAIN = "domain"
    STAKE = "stake"
    OBJECTIVE = "objective"
    ACTION_SHEET = "action_sheet"
    BENEFICIARY = "beneficiary"
    AMOUNT = "amount"
    DECLARED = "declared"


# ---------------------------------------------------------------------------------- models


class _Model(BaseModel):
    # strict: no coercion (a year is a JSON integer, a text a JSON string); unknown fields are
    # ignored (ctg warns about them, pydantic cannot warn).
    model_config = ConfigDict(strict=True, extra="ignore")


class Period(_Model):
    first_year: Year
    last_year: Year
    duration_years: Optional[PositiveInt] = None

    @model_validator(mode="after")
    def _rules(self) -> Period:
        years = self.last_year - self.first_year + 1
        if years < 1:
            raise _error("period.reversed", "the first year is after the last one")
        if years > 10:
            raise _error("period.too_long", "the period lasts {years} years", years=years)
        if self.duration_years is not None and self.duration_years != years:
            raise _error(
                "period.duration_mismatch",
                "declared duration of {declared} years, the period covers {years}",
                ("duration_years",),
                declared=self.duration_years,
                years=years,
            )
        return self


class Signature(_Model):
    date: Day
    place: Optional[Text] = None


class Termination(_Model):
    date: Day
    reason: Optional[Text] = None


class PreviousConvention(_Model):
    id: Optional[Text] = None
    title: Optional[Text] = None
    first_year: Optional[Year] = None
    last_year: Optional[Year] = None

    @model_validator(mode="after")
    def _rules(self) -> PreviousConvention:
        if (self.first_year is None) != (self.last_year is None):
            missing = "last_year" if self.last_year is None else "first_year"
            raise _error("field.missing", "both years or none", (missing,))
        if self.first_year is not None and self.last_year is not None:
            if self.first_year > self.last_year:
                raise _error("period.reversed", "the first year is after the last one")
            if self.last_year - self.first_year + 1 > 10:
                raise _error("period.too_long", "the period is too long")
        return self


class Party(_Model):
    id: Text
    name: Text
    kind: PartyKind
    role: PartyRole
    insee: Optional[Insee] = None
    siren: Optional[Siren] = None
    siret: Optional[Siret] = None
    departement: Optional[Departement] = None
    members: list[Insee] = Field(default_factory=list)
    deliberation_date: Optional[Day] = None
    aliases: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _rules(self) -> Party:
        if self.siret is not None and self.siren is not None and self.siret[:9] != self.siren:
            raise _error("siret.siren_mismatch", "SIRET and SIREN differ", ("siret",))
        if self.members and self.kind not in GROUPINGS:
            raise _error("party.members_not_grouping", "only a grouping has members", ("members",))
        # Only a Caf has the role caf, and a Caf never merely signs as a collectivity.
        is_caf = self.kind is PartyKind.CAF
        if (self.role is PartyRole.CAF and not is_caf) or (
            self.role is PartyRole.SIGNATORY and is_caf
        ):
            raise _error("party.role_mismatch", "role does not fit kind", ("role",))
        return self


class Stake(_Model):
    id: Text
    title: Text


class Objective(_Model):
    id: Text
    title: Text
    stakes: list[Text] = Field(default_factory=list)


class Schedule(_Model):
    start: Optional[Day] = None
    end: Optional[Day] = None

    @model_validator(mode="after")
    def _rules(self) -> Schedule:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise _error("schedule.reversed", "the schedule starts after it ends")
        return self


class Measurement(_Model):
    date: Day
    value: Number


class Indicator(_Model):
    name: Text
    unit: Optional[Text] = None
    baseline: Optional[Number] = None
    target: Optional[Number] = None
    measurements: list[Measurement] = Field(default_factory=list)

    @model_validator(mode="after")
    def _rules(self) -> Indicator:
        previous = None
        for i, m in enumerate(self.measurements):
            if previous is not None and m.date <= previous:
                raise _error(
                    "indicator.measurements_unordered",
                    "measurements must be in strictly increasing date order",
                    ("measurements", i, "date"),
                )
            previous = m.date
        return self


class ActionSheet(_Model):
    number: PositiveInt
    title: Text
    domains: list[Text] = Field(default_factory=list)
    objectives: list[Text] = Field(default_factory=list)
    lead: Optional[Text] = None
    partners: list[Text] = Field(default_factory=list)
    target_public: Optional[Text] = None
    communes: list[Insee] = Field(default_factory=list)
    schedule: Optional[Schedule] = None
    status: ActionStatus = ActionStatus.PLANNED
    budget: Optional[Money] = None
    indicators: list[Indicator] = Field(default_factory=list)


class Beneficiary(_Model):
    id: Text
    name: Text
    siret: Optional[Siret] = None
    party: Optional[Text] = None


class Allocation(_Model):
    beneficiary: Text
    facility_kind: FacilityKind
    domain: Optional[Text] = None
    label: Optional[Text] = None
    amounts: YearAmounts
    paid: YearAmounts = Field(default_factory=dict)


class DeclaredTotals(_Model):
    yearly: YearAmounts = Field(default_factory=dict)
    total: Optional[Money] = None


class Funding(_Model):
    beneficiaries: list[Beneficiary]
    allocations: list[Allocation]
    declared: Optional[DeclaredTotals] = None


class GovernanceBody(_Model):
    kind: GovernanceKind
    name: Optional[Text] = None
    frequency: Optional[Text] = None
    members: list[Text] = Field(default_factory=list)


class Change(_Model):
    # What a change holds depends on its kind; only the kind is checked (changes are not applied).
    model_config = ConfigDict(strict=True, extra="allow")
    kind: ChangeKind


class Amendment(_Model):
    number: PositiveInt
    date: Day
    summary: Text
    changes: list[Change] = Field(default_factory=list)


class Diagnostic(_Model):
    start_date: Optional[Day] = None
    end_date: Optional[Day] = None
    author: Optional[Text] = None
    sources: list[Text] = Field(default_factory=list)


class Convention(_Model):
    format_version: Literal[1] = 1
    id: Text
    title: Text
    period: Period
    signature: Optional[Signature] = None
    termination: Optional[Termination] = None
    renews: Optional[PreviousConvention] = None
    parties: list[Party]
    domains: list[Text]
    diagnostic: Optional[Diagnostic] = None
    stakes: list[Stake]
    objectives: list[Objective]
    action_sheets: list[ActionSheet]
    funding: Optional[Funding] = None
    governance: list[GovernanceBody] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    sources: list[Text] = Field(default_factory=list)
    notes: Optional[Text] = None

    @model_validator(mode="after")
    def _rules(self) -> Convention:
        found: list[tuple[str, tuple[Any, ...]]] = []
        _check(self, found)
        if found:
            raise PydanticCustomError(
                "ctg_rules",
                "{count} rule(s) broken: {summary}",
                {
                    "count": len(found),
                    "summary": "; ".join(f"{c} at {_path(p)}" for c, p in found[:10]),
                    "issues": found,
                },
            )
        return self


# ---------------------------------------------------------------------------------- rules across sections


def _unique(items: list[Any], key: str, at: tuple[Any, ...], code: str, found: list) -> set:
    seen: set = set()
    for i, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            found.append((code, at + (i, key)))
        else:
            seen.add(value)
    return seen


def _check(c: Convention, found: list[tuple[str, tuple[Any, ...]]]) -> None:
    period = c.period
    first, last = period.first_year, period.last_year

    if c.signature is not None:
        signed = c.signature.date
        if signed > date(last, 12, 31):
            found.append(("signature.after_period", ("signature", "date")))
        if c.termination is not None and c.termination.date < signed:
            found.append(("termination.before_signature", ("termination", "date")))
        for i, amendment in enumerate(c.amendments):
            if amendment.date < signed:
                found.append(("amendment.before_signature", ("amendments", i, "date")))
    _unique(c.amendments, "number", ("amendments",), "amendment.duplicate_number", found)

    # Parties: ids, identities, at least one Caf.
    party_ids = _unique(c.parties, "id", ("parties",), "id.duplicate", found)
    identities: dict[tuple[str, str], int] = {}
    has_caf = False
    for i, p in enumerate(c.parties):
        has_caf = has_caf or p.kind is PartyKind.CAF
        for field, value in (("siren", p.siren), ("siret", p.siret), ("insee", p.insee)):
            if value is None:
                continue
            key = (field, value.upper())
            if key in identities:
                found.append(("party.duplicate", ("parties", i, field)))
            else:
                identities[key] = i
    if not has_caf:
        found.append(("party.no_caf", ("parties",)))

    stake_ids = _unique(c.stakes, "id", ("stakes",), "id.duplicate", found)
    objective_ids = _unique(c.objectives, "id", ("objectives",), "id.duplicate", found)
    for i, o in enumerate(c.objectives):
        for j, s in enumerate(o.stakes):
            if s not in stake_ids:
                found.append(("reference.unknown_stake", ("objectives", i, "stakes", j)))

    numbers: set[int] = set()
    for i, sheet in enumerate(c.action_sheets):
        if sheet.number in numbers:
            found.append(("action_sheet.duplicate_number", ("action_sheets", i, "number")))
        numbers.add(sheet.number)
        for j, o in enumerate(sheet.objectives):
            if o not in objective_ids:
                found.append(("reference.unknown_objective", ("action_sheets", i, "objectives", j)))
        if sheet.lead is not None and sheet.lead not in party_ids:
            found.append(("reference.unknown_party", ("action_sheets", i, "lead")))

    for i, body in enumerate(c.governance):
        for j, m in enumerate(body.members):
            if m not in party_ids:
                found.append(("reference.unknown_party", ("governance", i, "members", j)))

    funding = c.funding
    if funding is None:
        return
    beneficiary_ids = _unique(
        funding.beneficiaries, "id", ("funding", "beneficiaries"), "id.duplicate", found
    )
    for i, b in enumerate(funding.beneficiaries):
        if b.party is not None and b.party not in party_ids:
            found.append(("reference.unknown_party", ("funding", "beneficiaries", i, "party")))
    by_year = {year: Decimal(0) for year in range(first, last + 1)}
    keys: dict[tuple[Any, ...], int] = {}
    for i, a in enumerate(funding.allocations):
        at = ("funding", "allocations", i)
        if a.beneficiary not in beneficiary_ids:
            found.append(("reference.unknown_beneficiary", at + ("beneficiary",)))
        key = (a.beneficiary, a.facility_kind, a.domain, a.label)
        if key in keys:
            found.append(("funding.allocation_alike", at))
        else:
            keys[key] = i
        for year, amount in a.amounts.items():
            if year in by_year:
                by_year[year] += amount
            else:
                found.append(("funding.year_outside_period", at + ("amounts", str(year))))
        for year in a.paid:
            if not first <= year <= last:
                found.append(("funding.year_outside_period", at + ("paid", str(year))))
    declared = funding.declared
    if declared is None:
        return
    for year in declared.yearly:
        if not first <= year <= last:
            found.append(
                ("funding.year_outside_period", ("funding", "declared", "yearly", str(year)))
            )
    has_allocations = bool(funding.allocations)
    if has_allocations:
        for year, stated in declared.yearly.items():
            if year in by_year and by_year[year] != stated:
                found.append(
                    ("funding.year_total_mismatch", ("funding", "declared", "yearly", str(year)))
                )
    if declared.total is not None:
        if has_allocations:
            computed = sum(by_year.values(), Decimal(0))
        elif declared.yearly:
            computed = sum(
                (v for y, v in declared.yearly.items() if first <= y <= last), Decimal(0)
            )
        else:
            return
        if computed > Decimal("999999999999.99"):
            found.append(("amount.overflow", ("funding", "allocations")))
        elif computed != declared.total:
            found.append(("funding.total_mismatch", ("funding", "declared", "total")))


# ---------------------------------------------------------------------------------- totals

_UNASSIGNED = "unassigned"


def totals(c: Convention) -> Optional[dict[str, Any]]:
    """ctg's totals: ``None`` without a funding section; else the total, by year (every year of
    the period), by beneficiary, by beneficiary and year, by domain (``"unassigned"`` without one),
    by facility kind, the coordination and its share of the total (half away from zero, 4
    decimals; ``None`` when the total is 0). Money as ``Decimal``."""
    funding = c.funding
    if funding is None:
        return None
    zero = Decimal(0)
    by_year = {y: zero for y in range(c.period.first_year, c.period.last_year + 1)}
    by_beneficiary: dict[str, Decimal] = {}
    by_beneficiary_year: dict[str, dict[int, Decimal]] = {}
    by_domain: dict[str, Decimal] = {}
    by_facility_kind: dict[str, Decimal] = {}
    coordination = zero
    total = zero
    for a in funding.allocations:
        subtotal = zero
        per_year = by_beneficiary_year.setdefault(a.beneficiary, {})
        for year, amount in a.amounts.items():
            subtotal += amount
            by_year[year] += amount
            per_year[year] = per_year.get(year, zero) + amount
        total += subtotal
        by_beneficiary[a.beneficiary] = by_beneficiary.get(a.beneficiary, zero) + subtotal
        domain = a.domain if a.domain is not None else _UNASSIGNED
        by_domain[domain] = by_domain.get(domain, zero) + subtotal
        kind = a.facility_kind.value
        by_facility_kind[kind] = by_facility_kind.get(kind, zero) + subtotal
        if a.facility_kind is FacilityKind.COORDINATION:
            coordination += subtotal
    share = None
    if total:
        part, whole = int(coordination * 100), int(total * 100)
        share = Decimal((2 * part * 10_000 + whole) // (2 * whole)).scaleb(-4)
    return {
        "total": total,
        "by_year": by_year,
        "by_beneficiary": by_beneficiary,
        "by_beneficiary_year": by_beneficiary_year,
        "by_domain": by_domain,
        "by_facility_kind": by_facility_kind,
        "coordination": coordination,
        "coordination_share": share,
    }


def load(data: Union[bytes, str]) -> tuple[Convention, Optional[dict[str, Any]]]:
    """Load + validate + totals: what ``ctg.loads(data).totals()`` does. Raises
    ``pydantic.ValidationError``."""
    convention = Convention.model_validate_json(data)
    return convention, totals(convention)


# ---------------------------------------------------------------------------------- errors as ctg issues

_YEAR_FIELDS = {"first_year", "last_year"}
_DATE_FIELDS = {"date", "start_date", "end_date", "start", "end", "deliberation_date"}
_INSEE_FIELDS = {"insee", "members", "communes"}
_NUMBER_FIELDS = {"number", "duration_years"}
_TYPE_ERRORS = {
    "string_type",
    "int_type",
    "list_type",
    "dict_type",
    "model_type",
    "model_attributes_type",
    "date_type",
    "bool_type",
    "enum_type",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _field(loc: tuple[Any, ...]) -> str:
    """The field a value belongs to: the last name in its path (``members`` for
    ``parties[1].members[4]``, ``amounts`` for ``….amounts.2024``)."""
    for part in reversed(loc):
        if isinstance(part, str) and not part.isdigit():
            return part
    return ""


def _code(kind: str, loc: tuple[Any, ...], value: Any) -> str:
    field = _field(loc)
    if kind == "missing":
        return "field.missing"
    if kind in _TYPE_ERRORS or kind == "json_type":
        return "field.missing" if value is None else "field.type"
    if kind == "string_too_short":
        return "field.empty"
    if kind in ("enum", "literal_error"):
        return "format_version.unsupported" if field == "format_version" else "value.unknown"
    if kind == "string_pattern_mismatch":
        return "insee.invalid" if field in _INSEE_FIELDS else f"{field}.invalid"
    if kind in ("greater_than_equal", "less_than_equal", "int_parsing", "int_from_float"):
        if loc and loc[-1] == "[key]" or field in _YEAR_FIELDS:
            return "year.invalid"
        if field in _DATE_FIELDS:
            return "date.invalid"
        if field in _NUMBER_FIELDS:
            return "number.invalid"
    if kind.startswith("date_"):
        return "date.invalid"
    if kind == "json_invalid":
        return "json.syntax"
    return kind


def issues(err: ValidationError) -> list[tuple[str, str]]:
    """The errors of ``err`` as ctg's ``(code, path)`` pairs (path as ctg writes it:
    ``funding.allocations[3].amounts.2024``)."""
    out: list[tuple[str, str]] = []
    for e in err.errors(include_url=False):
        kind, loc = e["type"], tuple(e["loc"])
        ctx = e.get("ctx") or {}
        if kind == "ctg_rules":
            out.extend((code, _path(loc + tuple(at))) for code, at in ctx["issues"])
            continue
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
        # A required field given as null is missing to ctg; pydantic says the type is wrong.
        code = _code(kind, loc, e.get("input", 0))
        out.append((code, _path(loc + tuple(ctx.get("at", ())))))
    return out
