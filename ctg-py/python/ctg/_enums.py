"""The vocabularies of the format as :class:`enum.Enum` classes.

Members are core's stable codes (``FacilityKind.EAJE.value == "eaje"``); ``label_fr`` and
``label_en`` come from core. Each class mixes in ``str``, so a member compares equal to its code
(``FacilityKind.EAJE == "eaje"``) and works as a dict key or a data-frame value.

Custom thematic domains (any label outside the 15 known codes, kept by core with the warning
``domain.custom``) are not members: properties that return domains give them as plain ``str``.
"""

from __future__ import annotations

import enum

from . import _ctg

__all__ = [
    "ActionStatus",
    "ConventionStatus",
    "FacilityKind",
    "GovernanceKind",
    "PartyKind",
    "PartyRole",
    "ThematicDomain",
]

# Labels per vocabulary, from core: {vocabulary: {code: (label_fr, label_en)}}.
_LABELS: dict[str, dict[str, tuple[str, str]]] = {}


def _labels(vocabulary: str) -> dict[str, tuple[str, str]]:
    labels = _LABELS.get(vocabulary)
    if labels is None:
        labels = {code: (fr, en) for code, fr, en in _ctg._vocabulary(vocabulary)}
        _LABELS[vocabulary] = labels
    return labels


class _Vocabulary(str, enum.Enum):
    """A member of one of the format's vocabularies (a ``str`` equal to its code)."""

    @classmethod
    def _vocabulary(cls) -> str:
        raise NotImplementedError

    @property
    def code(self) -> str:
        """The stable code, as written in the canonical JSON format."""
        return str(self.value)

    @property
    def label_fr(self) -> str:
        """The French label, from core."""
        return _labels(self._vocabulary())[self.code][0]

    @property
    def label_en(self) -> str:
        """The English label, from core."""
        return _labels(self._vocabulary())[self.code][1]

    def label(self, lang: str = "fr") -> str:
        """The label in ``lang`` (``"fr"`` or ``"en"``)."""
        if lang == "fr":
            return self.label_fr
        if lang == "en":
            return self.label_en
        raise ValueError(f'unknown language {lang!r} (expected "fr" or "en")')

    def __str__(self) -> str:
        return self.code

    def __format__(self, format_spec: str) -> str:
        return format(self.code, format_spec)


class ThematicDomain(_Vocabulary):
    """A known thematic domain (*thématique*). Custom domains are plain ``str`` labels."""

    PETITE_ENFANCE = "petite_enfance"
    ENFANCE = "enfance"
    JEUNESSE = "jeunesse"
    PARENTALITE = "parentalite"
    ACCES_AUX_DROITS = "acces_aux_droits"
    INCLUSION_NUMERIQUE = "inclusion_numerique"
    ANIMATION_VIE_SOCIALE = "animation_vie_sociale"
    LOGEMENT = "logement"
    HANDICAP = "handicap"
    ACCOMPAGNEMENT_SOCIAL = "accompagnement_social"
    SANTE = "sante"
    SENIORS = "seniors"
    MOBILITE = "mobilite"
    CADRE_DE_VIE = "cadre_de_vie"
    INSERTION = "insertion"

    @classmethod
    def _vocabulary(cls) -> str:
        return "thematic_domain"


class FacilityKind(_Vocabulary):
    """What an allocation funds: a kind of facility or service."""

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

    @classmethod
    def _vocabulary(cls) -> str:
        return "facility_kind"


class PartyKind(_Vocabulary):
    """What a party is (Caf, commune, EPCI, syndicate…)."""

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

    @classmethod
    def _vocabulary(cls) -> str:
        return "party_kind"


class PartyRole(_Vocabulary):
    """A party's role in a convention."""

    CAF = "caf"
    SIGNATORY = "signatory"
    CO_FUNDER = "co_funder"
    PARTNER = "partner"

    @classmethod
    def _vocabulary(cls) -> str:
        return "party_role"


class ActionStatus(_Vocabulary):
    """Where an action sheet stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ABANDONED = "abandoned"

    @classmethod
    def _vocabulary(cls) -> str:
        return "action_status"


class GovernanceKind(_Vocabulary):
    """The kinds of governance body."""

    STEERING_COMMITTEE = "steering_committee"
    TECHNICAL_COMMITTEE = "technical_committee"
    OTHER = "other"

    @classmethod
    def _vocabulary(cls) -> str:
        return "governance_kind"


class ConventionStatus(_Vocabulary):
    """Where a convention stands on a given day (``Convention.status(today)``)."""

    DRAFT = "draft"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    @classmethod
    def _vocabulary(cls) -> str:
        return "convention_status"
