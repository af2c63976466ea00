"""Stubs of ``ctg._enums``: the member names of the vocabularies and issue codes, for type
checkers.

At runtime every class is built from core's list (``_ctg._vocabulary``, ``_ctg._issue_codes``):
vocabulary member ``X`` has the value ``"x"`` (its code in lower case), issue code member
``FIELD_MISSING`` the value ``"field.missing"``. stubtest checks these names against the built
classes, ``tests/test_api.py::test_enums_mirror_core`` checks the vocabularies against core, and
``ctg-py/tools/issue_codes.py`` writes (``--write``) and checks the ``IssueCode`` block.
"""

import enum
from typing import Literal, TypeAlias, Union

__all__ = [
    "ActionStatus",
    "ChangeKind",
    "ConventionStatus",
    "FacilityKind",
    "GovernanceKind",
    "IndicatorStatus",
    "IssueCode",
    "PartyKind",
    "PartyRole",
    "Severity",
    "ThematicDomain",
]

Severity: TypeAlias = Union[Literal["error"], Literal["warning"], Literal["info"]]

# The shared base has no member (mypy flags member-less enums in stubs); the classes below do.
class _Vocabulary(str, enum.Enum):  # type: ignore[misc]
    """A member of one of the format's vocabularies (a ``str`` equal to its code)."""
    _value_: str
    @property
    def code(self) -> str:
        """The stable code, as written in the canonical JSON format."""
    @property
    def label_fr(self) -> str:
        """The French label, from core."""
    @property
    def label_en(self) -> str:
        """The English label, from core."""
    def label(self, lang: str | None = None) -> str:
        """The label in ``lang`` (``"fr"`` or ``"en"``, read by core: ``"EN"``, ``"english"``…;
        default: the current language, :func:`ctg.get_language`).
        """
    def __str__(self) -> str: ...
    def __format__(self, format_spec: str) -> str: ...

class ThematicDomain(_Vocabulary):
    """A known thematic domain (*thématique*). Custom domains are plain ``str`` labels."""
    PETITE_ENFANCE = ...
    ENFANCE = ...
    JEUNESSE = ...
    PARENTALITE = ...
    ACCES_AUX_DROITS = ...
    INCLUSION_NUMERIQUE = ...
    ANIMATION_VIE_SOCIALE = ...
    LOGEMENT = ...
    HANDICAP = ...
    ACCOMPAGNEMENT_SOCIAL = ...
    SANTE = ...
    SENIORS = ...
    MOBILITE = ...
    CADRE_DE_VIE = ...
    INSERTION = ...

class FacilityKind(_Vocabulary):
    """What an allocation funds: a kind of facility or service."""
    EAJE = ...
    RPE = ...
    LAEP = ...
    ALSH_PERISCOLAIRE = ...
    ALSH_EXTRASCOLAIRE = ...
    ALSH = ...
    JEUNESSE = ...
    CENTRE_SOCIAL = ...
    EVS = ...
    COORDINATION = ...
    OTHER = ...

class PartyKind(_Vocabulary):
    """What a party is (Caf, commune, EPCI, syndicate…)."""
    CAF = ...
    COMMUNE = ...
    CC = ...
    CA = ...
    CU = ...
    METROPOLE = ...
    SIVU = ...
    SIVOM = ...
    SYNDICAT_MIXTE = ...
    DEPARTEMENT = ...
    CCAS = ...
    CIAS = ...
    MSA = ...
    CPAM = ...
    ETAT = ...
    ASSOCIATION = ...
    OTHER = ...

class PartyRole(_Vocabulary):
    """A party's role in a convention."""
    CAF = ...
    SIGNATORY = ...
    CO_FUNDER = ...
    PARTNER = ...

class ActionStatus(_Vocabulary):
    """Where an action sheet stands."""
    PLANNED = ...
    IN_PROGRESS = ...
    DONE = ...
    ABANDONED = ...

class GovernanceKind(_Vocabulary):
    """The kinds of governance body."""
    STEERING_COMMITTEE = ...
    TECHNICAL_COMMITTEE = ...
    OTHER = ...

class ConventionStatus(_Vocabulary):
    """Where a convention stands on a given day (``Convention.status(today)``)."""
    DRAFT = ...
    SIGNED = ...
    IN_FORCE = ...
    EXPIRED = ...
    TERMINATED = ...

class ChangeKind(_Vocabulary):
    """What a change is about (``Change.kind``): the period, a party, a domain, an action sheet, an amount…"""
    PERIOD = ...
    PARTY = ...
    DOMAIN = ...
    STAKE = ...
    OBJECTIVE = ...
    ACTION_SHEET = ...
    BENEFICIARY = ...
    AMOUNT = ...
    DECLARED = ...

class IndicatorStatus(_Vocabulary):
    """Where an indicator stands at a date (``IndicatorProgress.status``)."""
    NOT_MEASURED = ...
    NO_TARGET = ...
    IN_PROGRESS = ...
    REACHED = ...

class _Code(str, enum.Enum):  # type: ignore[misc]
    """A code of core's issue catalogue (a ``str`` equal to its code)."""
    _value_: str
    @property
    def code(self) -> str:
        """The stable code, e.g. ``"funding.year_total_mismatch"``."""
    @property
    def severity(self) -> Severity:
        """The severity issues of this code always have: ``"error"``, ``"warning"`` or
        ``"info"``.
        """
    def template(self, lang: str | None = None) -> str:
        """Core's message template in ``lang`` (default: the current language), with ``{name}``
        placeholders for the issue's ``ctx``.
        """
    def __str__(self) -> str: ...
    def __format__(self, format_spec: str) -> str: ...

# BEGIN IssueCode: written by ctg-py/tools/issue_codes.py --write from core's catalogue
class IssueCode(_Code):
    """Every issue code of core's catalogue, in catalogue order: a ``str`` enum (``IssueCode.FIELD_MISSING == "field.missing"``, so ``issue.code == member``), with ``severity`` and ``template(lang)``."""
    JSON_SYNTAX = ...  # "json.syntax", error
    JSON_TOO_DEEP = ...  # "json.too_deep", error
    JSON_DUPLICATE_KEY = ...  # "json.duplicate_key", error
    JSON_NUMBER_REWRITTEN = ...  # "json.number_rewritten", error
    INPUT_TOO_LARGE = ...  # "input.too_large", error
    INPUT_UNREADABLE = ...  # "input.unreadable", error
    INPUT_NO_MATCH = ...  # "input.no_match", error
    INPUT_EMPTY_FOLDER = ...  # "input.empty_folder", error
    INPUT_LINES_TOO_LARGE = ...  # "input.lines_too_large", error
    TEXT_LONE_SURROGATE = ...  # "text.lone_surrogate", error
    REPORT_TRUNCATED = ...  # "report.truncated", info
    FORMAT_VERSION_MISSING = ...  # "format_version.missing", warning
    FORMAT_VERSION_UNSUPPORTED = ...  # "format_version.unsupported", error
    FIELD_MISSING = ...  # "field.missing", error
    FIELD_TYPE = ...  # "field.type", error
    FIELD_EMPTY = ...  # "field.empty", error
    FIELD_UNKNOWN = ...  # "field.unknown", warning
    VALUE_UNKNOWN = ...  # "value.unknown", error
    VALUE_NAN = ...  # "value.nan", error
    ID_DUPLICATE = ...  # "id.duplicate", error
    DATE_INVALID = ...  # "date.invalid", error
    YEAR_INVALID = ...  # "year.invalid", error
    NUMBER_INVALID = ...  # "number.invalid", error
    DECIMAL_INVALID = ...  # "decimal.invalid", error
    DECIMAL_FLOAT = ...  # "decimal.float", error
    DECIMAL_AMBIGUOUS = ...  # "decimal.ambiguous", error
    AMOUNT_INVALID = ...  # "amount.invalid", error
    AMOUNT_FLOAT = ...  # "amount.float", error
    AMOUNT_AMBIGUOUS = ...  # "amount.ambiguous", error
    AMOUNT_NEGATIVE = ...  # "amount.negative", error
    AMOUNT_TOO_PRECISE = ...  # "amount.too_precise", error
    AMOUNT_TOO_LARGE = ...  # "amount.too_large", error
    SPLIT_NO_WEIGHTS = ...  # "split.no_weights", error
    SPLIT_ZERO_WEIGHTS = ...  # "split.zero_weights", error
    AMOUNT_OVERFLOW = ...  # "amount.overflow", error
    INSEE_INVALID = ...  # "insee.invalid", error
    SIREN_INVALID = ...  # "siren.invalid", error
    SIREN_CHECKSUM = ...  # "siren.checksum", error
    SIRET_INVALID = ...  # "siret.invalid", error
    SIRET_CHECKSUM = ...  # "siret.checksum", error
    SIRET_SIREN_MISMATCH = ...  # "siret.siren_mismatch", error
    DEPARTEMENT_INVALID = ...  # "departement.invalid", error
    PERIOD_REVERSED = ...  # "period.reversed", error
    PERIOD_TOO_LONG = ...  # "period.too_long", error
    PERIOD_DURATION_MISMATCH = ...  # "period.duration_mismatch", error
    PERIOD_UNUSUAL_DURATION = ...  # "period.unusual_duration", warning
    SIGNATURE_AFTER_PERIOD = ...  # "signature.after_period", error
    SIGNATURE_LONG_BEFORE_START = ...  # "signature.long_before_start", warning
    SIGNATURE_LONG_AFTER_START = ...  # "signature.long_after_start", warning
    TERMINATION_BEFORE_SIGNATURE = ...  # "termination.before_signature", error
    RENEWS_OVERLAP = ...  # "renews.overlap", warning
    PARTY_NO_CAF = ...  # "party.no_caf", error
    PARTY_DUPLICATE = ...  # "party.duplicate", error
    PARTY_INSEE_MISSING = ...  # "party.insee_missing", warning
    PARTY_MEMBERS_NOT_GROUPING = ...  # "party.members_not_grouping", error
    PARTY_ROLE_MISMATCH = ...  # "party.role_mismatch", error
    DOMAIN_CUSTOM = ...  # "domain.custom", warning
    DOMAIN_DUPLICATE = ...  # "domain.duplicate", warning
    REFERENCE_UNKNOWN_PARTY = ...  # "reference.unknown_party", error
    REFERENCE_UNKNOWN_STAKE = ...  # "reference.unknown_stake", error
    REFERENCE_UNKNOWN_OBJECTIVE = ...  # "reference.unknown_objective", error
    REFERENCE_UNKNOWN_BENEFICIARY = ...  # "reference.unknown_beneficiary", error
    ACTION_SHEET_DUPLICATE_NUMBER = ...  # "action_sheet.duplicate_number", error
    ACTION_SHEET_NUMBERING_GAP = ...  # "action_sheet.numbering_gap", warning
    ACTION_SHEET_DOMAIN_NOT_IN_CONVENTION = ...  # "action_sheet.domain_not_in_convention", warning
    SCHEDULE_REVERSED = ...  # "schedule.reversed", error
    INDICATOR_MEASUREMENTS_UNORDERED = ...  # "indicator.measurements_unordered", error
    FUNDING_YEAR_OUTSIDE_PERIOD = ...  # "funding.year_outside_period", error
    FUNDING_YEAR_TOTAL_MISMATCH = ...  # "funding.year_total_mismatch", error
    FUNDING_TOTAL_MISMATCH = ...  # "funding.total_mismatch", error
    FUNDING_YEAR_WITHOUT_FUNDING = ...  # "funding.year_without_funding", warning
    FUNDING_PAID_WITHOUT_PLAN = ...  # "funding.paid_without_plan", warning
    FUNDING_ALLOCATION_ALIKE = ...  # "funding.allocation_alike", error
    FUNDING_ALLOCATION_EMPTY = ...  # "funding.allocation_empty", warning
    AMENDMENT_DUPLICATE_NUMBER = ...  # "amendment.duplicate_number", error
    AMENDMENT_BEFORE_SIGNATURE = ...  # "amendment.before_signature", error
    AMENDMENT_OUT_OF_ORDER = ...  # "amendment.out_of_order", warning
    CHANGE_CANNOT_APPLY = ...  # "change.cannot_apply", error
    CHANGE_BREAKS_CONVENTION = ...  # "change.breaks_convention", error
    GEO_INSEE_UNKNOWN = ...  # "geo.insee_unknown", error
    GEO_INSEE_FORMER = ...  # "geo.insee_former", warning
    GEO_INSEE_FORMER_WHEN_SIGNED = ...  # "geo.insee_former_when_signed", error
    GEO_INSEE_FORMER_AMBIGUOUS = ...  # "geo.insee_former_ambiguous", warning
    GEO_INSEE_MISMATCH = ...  # "geo.insee_mismatch", error
    GEO_SIREN_UNKNOWN = ...  # "geo.siren_unknown", warning
    GEO_SIREN_UNKNOWN_WHEN_SIGNED = ...  # "geo.siren_unknown_when_signed", error
    GEO_SIREN_MISMATCH = ...  # "geo.siren_mismatch", error
    GEO_DEPARTEMENT_MISMATCH = ...  # "geo.departement_mismatch", error
    GEO_KIND_MISMATCH = ...  # "geo.kind_mismatch", error
    GEO_EPCI_KIND_DIFFERS = ...  # "geo.epci_kind_differs", warning
    GEO_EPCI_KIND_DIFFERS_WHEN_SIGNED = ...  # "geo.epci_kind_differs_when_signed", error
    GEO_NAME_OTHER = ...  # "geo.name_other", error
    GEO_NAME_MISMATCH = ...  # "geo.name_mismatch", warning
    GEO_NAME_FORMER = ...  # "geo.name_former", warning
    GEO_NAME_FORMER_WHEN_SIGNED = ...  # "geo.name_former_when_signed", error
    GEO_MEMBER_NOT_MEMBER = ...  # "geo.member_not_member", warning
    GEO_MEMBER_NOT_MEMBER_WHEN_SIGNED = ...  # "geo.member_not_member_when_signed", error
    GEO_MEMBERS_MISSING = ...  # "geo.members_missing", warning
    GEO_MEMBERS_MISSING_WHEN_SIGNED = ...  # "geo.members_missing_when_signed", error
    GEO_MEMBER_DUPLICATE = ...  # "geo.member_duplicate", error
    GEO_COMMUNE_OUTSIDE_EPCI = ...  # "geo.commune_outside_epci", info
    GEO_SHEET_COMMUNE_OUTSIDE = ...  # "geo.sheet_commune_outside", warning
    TABLE_UNREADABLE = ...  # "table.unreadable", error
    TABLE_ENCODING = ...  # "table.encoding", error
    TABLE_TOO_LARGE = ...  # "table.too_large", error
    TABLE_NO_HEADER = ...  # "table.no_header", error
    TABLE_HEADER_MISSING = ...  # "table.header_missing", error
    TABLE_HEADER_UNKNOWN = ...  # "table.header_unknown", warning
    TABLE_HEADER_DUPLICATE = ...  # "table.header_duplicate", error
    TABLE_TITLE_ROWS = ...  # "table.title_rows", info
    TABLE_CELL_MISSING = ...  # "table.cell_missing", error
    TABLE_CELL_UNREADABLE = ...  # "table.cell_unreadable", error
    TABLE_TOTAL_ROW_MISMATCH = ...  # "table.total_row_mismatch", error
    TABLE_TOTAL_COLUMN_MISMATCH = ...  # "table.total_column_mismatch", error
    TABLE_DUPLICATE_ROW = ...  # "table.duplicate_row", error
    TABLE_DATE_SERIAL = ...  # "table.date_serial", info
    TABLE_EMPTY = ...  # "table.empty", warning
    TABLE_SHEET_SKIPPED = ...  # "table.sheet_skipped", info
    TABLE_NAME_AMBIGUOUS = ...  # "table.name_ambiguous", warning
    TABLE_NAME_NOT_FOUND = ...  # "table.name_not_found", warning
    TABLE_NOTE_ROW = ...  # "table.note_row", info
    TABLE_NAME_RESOLVED = ...  # "table.name_resolved", info
    RNA_INVALID = ...  # "rna.invalid", error
    SCDL_NOT_SIGNED = ...  # "scdl.not_signed", error
    SCDL_ATTRIBUANT_SIRET_MISSING = ...  # "scdl.attribuant_siret_missing", error
    SCDL_BENEFICIARY_ID_MISSING = ...  # "scdl.beneficiary_id_missing", error
    SCDL_OBJET_SHORTENED = ...  # "scdl.objet_shortened", warning
    SCDL_VALUE_INVALID = ...  # "scdl.value_invalid", error
    SCDL_ONE_OF_REQUIRED = ...  # "scdl.one_of_required", error
# END IssueCode
