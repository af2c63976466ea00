"""The vocabularies of the format and the issue codes as :class:`enum.Enum` classes, built from
core's lists.

Members are core's stable codes, in core's order, named after them in upper case
(``FacilityKind.EAJE.value == "eaje"``); ``label_fr`` and ``label_en`` come from core. Each class
mixes in ``str``, so a member compares equal to its code (``FacilityKind.EAJE == "eaje"``) and
works as a dict key or a data-frame value. Nothing here lists a code or a label: the classes are
made from ``_ctg._vocabulary``; ``_enums.pyi`` names the members for type checkers, and stubtest
checks it against these classes.

Custom thematic domains (any label outside the 15 known codes, kept by core with the warning
``domain.custom``) are not members: properties that return domains give them as plain ``str``.

:class:`IssueCode` is core's catalogue (``_ctg._issue_codes``): one member per code, named after
it (``IssueCode.FUNDING_YEAR_TOTAL_MISMATCH == "funding.year_total_mismatch"``), with its
severity and message templates; ``_enums.pyi`` lists the members, written and checked by
``ctg-py/tools/issue_codes.py``.
"""

from __future__ import annotations

import enum

from typing import Literal, Optional, Union, cast

from . import _ctg
from ._lang import get_language

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

#: How serious an issue is: ``"error"`` (the document is invalid), ``"warning"`` or ``"info"``.
Severity = Union[Literal["error"], Literal["warning"], Literal["info"]]


class _Vocabulary(str, enum.Enum):
    """A member of one of the format's vocabularies (a ``str`` equal to its code)."""

    # Set on each member by `_vocabulary`: (French label, English label), from core.
    _labels: tuple[str, str]

    @property
    def code(self) -> str:
        """The stable code, as written in the canonical JSON format."""
        return str(self.value)

    @property
    def label_fr(self) -> str:
        """The French label, from core."""
        return self._labels[0]

    @property
    def label_en(self) -> str:
        """The English label, from core."""
        return self._labels[1]

    def label(self, lang: Optional[str] = None) -> str:
        """The label in ``lang`` (``"fr"`` or ``"en"``, read by core: ``"EN"``, ``"english"``…;
        default: the current language, :func:`ctg.get_language`)."""
        code = get_language() if lang is None else _ctg._lang(lang)
        return self.label_fr if code == "fr" else self.label_en

    def __str__(self) -> str:
        return self.code

    def __format__(self, format_spec: str) -> str:
        return format(self.code, format_spec)


def _vocabulary(name: str, vocabulary: str, doc: str) -> type[_Vocabulary]:
    """The enum class ``name`` of core's ``vocabulary``: one member per code, in core's order."""
    rows = _ctg._vocabulary(vocabulary)
    cls = _Vocabulary(  # type: ignore[call-overload]
        name, [(code.upper(), code) for code, _, _ in rows], module=__name__, qualname=name
    )
    cls.__doc__ = doc
    for member, (_, fr, en) in zip(cls, rows):
        member._labels = (fr, en)
    return cls  # type: ignore[no-any-return]


ThematicDomain = _vocabulary(
    "ThematicDomain",
    "thematic_domain",
    "A known thematic domain (*thématique*). Custom domains are plain ``str`` labels.",
)
FacilityKind = _vocabulary(
    "FacilityKind", "facility_kind", "What an allocation funds: a kind of facility or service."
)
PartyKind = _vocabulary(
    "PartyKind", "party_kind", "What a party is (Caf, commune, EPCI, syndicate…)."
)
PartyRole = _vocabulary("PartyRole", "party_role", "A party's role in a convention.")
ActionStatus = _vocabulary("ActionStatus", "action_status", "Where an action sheet stands.")
GovernanceKind = _vocabulary(
    "GovernanceKind", "governance_kind", "The kinds of governance body."
)
ConventionStatus = _vocabulary(
    "ConventionStatus",
    "convention_status",
    "Where a convention stands on a given day (``Convention.status(today)``).",
)
ChangeKind = _vocabulary(
    "ChangeKind",
    "change_kind",
    "What a change is about (``Change.kind``): the period, a party, a domain, an action sheet, an amount…",
)
IndicatorStatus = _vocabulary(
    "IndicatorStatus",
    "indicator_status",
    "Where an indicator stands at a date (``IndicatorProgress.status``).",
)


class _Code(str, enum.Enum):
    """A code of core's issue catalogue (a ``str`` equal to its code)."""

    # Set on each member by `_issue_codes`: (severity, French template, English template).
    _entry: tuple[str, str, str]

    @property
    def code(self) -> str:
        """The stable code, e.g. ``"funding.year_total_mismatch"``."""
        return str(self.value)

    @property
    def severity(self) -> Severity:
        """The severity issues of this code always have: ``"error"``, ``"warning"`` or
        ``"info"``."""
        return cast(Severity, self._entry[0])

    def template(self, lang: Optional[str] = None) -> str:
        """Core's message template in ``lang`` (default: the current language), with ``{name}``
        placeholders for the issue's ``ctx``."""
        code = get_language() if lang is None else _ctg._lang(lang)
        return self._entry[1] if code == "fr" else self._entry[2]

    def __str__(self) -> str:
        return self.code

    def __format__(self, format_spec: str) -> str:
        return format(self.code, format_spec)


def _issue_codes() -> type[_Code]:
    rows = _ctg._issue_codes()
    cls = _Code(  # type: ignore[call-overload]
        "IssueCode", [(name, code) for name, code, _, _, _ in rows], module=__name__, qualname="IssueCode"
    )
    cls.__doc__ = (
        "Every issue code of core's catalogue, in catalogue order: a ``str`` enum "
        "(``IssueCode.FIELD_MISSING == \"field.missing\"``, so ``issue.code == member``), with "
        "``severity`` and ``template(lang)``."
    )
    for member, (_, _, severity, fr, en) in zip(cls, rows):
        member._entry = (severity, fr, en)
    return cls  # type: ignore[no-any-return]


IssueCode = _issue_codes()
