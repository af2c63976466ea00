#!/usr/bin/env python3
"""Generate the shared validation test vectors of `ctg` (tests/vectors/*.json).

Each vector starts from one of the real-data fixtures in tests/fixtures/, applies ONE mutation, and
states by hand what the validator must report. The expectations are written here from the validation
rules (docs/format.md and the project's rule list), never by running the code under test.

Run from anywhere:  python3 tests/vectors/generate.py
It rewrites every vector, then checks them: well-formed JSON, known issue codes with the right severity,
issue paths that point at something in the input, hand-written totals equal to an independent
recomputation, and the fixtures' arithmetic. Standard library only.
"""
import copy
import datetime as dt
import json
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
CATALOGUE = HERE.parent.parent / "ctg-core" / "src" / "issues" / "catalogue.rs"

# Severity of every code, by hand (cross-checked against issue_code.rs when it is there).
INFOS = {"report.truncated", "geo.commune_outside_epci"}
WARNINGS = {
    "format_version.missing", "field.unknown", "period.unusual_duration", "signature.long_before_start",
    "signature.long_after_start", "renews.overlap", "party.insee_missing", "domain.custom", "domain.duplicate",
    "action_sheet.numbering_gap", "action_sheet.domain_not_in_convention", "funding.year_without_funding",
    "funding.allocation_empty", "funding.paid_without_plan", "amendment.out_of_order",
    # the official geography (issue 8): what a change after the signature may explain
    "geo.insee_former", "geo.insee_former_ambiguous", "geo.siren_unknown", "geo.epci_kind_differs",
    "geo.name_mismatch", "geo.name_former", "geo.member_not_member", "geo.members_missing",
    "geo.sheet_commune_outside",
}
ERRORS = {
    "json.syntax", "json.too_deep", "format_version.unsupported", "field.missing", "field.type", "field.empty",
    "value.unknown", "id.duplicate", "date.invalid", "year.invalid", "number.invalid", "decimal.invalid",
    "amount.invalid", "amount.float", "amount.negative", "amount.too_precise", "amount.too_large",
    "amount.overflow", "insee.invalid", "siren.invalid", "siren.checksum", "siret.invalid", "siret.checksum",
    "siret.siren_mismatch", "departement.invalid", "period.reversed", "period.too_long",
    "period.duration_mismatch", "signature.after_period", "termination.before_signature", "party.no_caf",
    "party.duplicate", "party.members_not_grouping", "party.role_mismatch", "reference.unknown_party",
    "reference.unknown_stake", "reference.unknown_objective", "reference.unknown_beneficiary",
    "action_sheet.duplicate_number", "schedule.reversed", "indicator.measurements_unordered",
    "funding.year_outside_period", "funding.year_total_mismatch", "funding.total_mismatch", "funding.allocation_alike",
    "amendment.duplicate_number", "amendment.before_signature",
    # the input boundary (issue 7)
    "json.duplicate_key", "input.too_large", "input.unreadable", "input.no_match", "input.empty_folder",
    "input.lines_too_large", "text.lone_surrogate", "value.nan",
    "decimal.float", "decimal.ambiguous", "amount.ambiguous",
    # the life of a convention (issue 9)
    "change.cannot_apply", "change.breaks_convention",
    # the official geography (issue 8)
    "geo.insee_unknown", "geo.insee_former_when_signed", "geo.insee_mismatch", "geo.siren_unknown_when_signed",
    "geo.siren_mismatch", "geo.departement_mismatch", "geo.kind_mismatch", "geo.epci_kind_differs_when_signed",
    "geo.name_other", "geo.name_former_when_signed", "geo.member_not_member_when_signed",
    "geo.members_missing_when_signed", "geo.member_duplicate",
}

THORE = "thore-montagne-noire-2023-2025"
TDC = "terres-des-confluences-2023-2027"
TA = "tarn-agout-2023-2026"
SLD = "saumur-loire-developpement-2023-2027"
QR = "quercy-rouergue-gorges-aveyron-2022-2024"
SLUGS = [THORE, TDC, TA, SLD, QR]

# A string value "__RAW__<text>" is written as the raw JSON token <text> (used for 4.08e4).
RAW = "__RAW__"

_fixtures = {s: json.loads((FIXTURES / f"{s}.json").read_text(encoding="utf-8")) for s in SLUGS}


def base(slug=THORE):
    return copy.deepcopy(_fixtures[slug])


def severity(code):
    if code in INFOS:
        return "info"
    if code in WARNINGS:
        return "warning"
    if code in ERRORS:
        return "error"
    raise SystemExit(f"unknown issue code {code!r}")


VECTORS = {}


NO_TOTALS = "absent"


def vector(name, description, doc=None, issues=(), totals=None, input_text=None, input_host=None,
           hosts=None, limits=None, gazetteer=None):
    """Record one vector. `issues` is a list of (code, path) or (code, path, ctx); severity comes
    from the table above. `totals=NO_TOTALS` says the convention has no totals at all (no funding
    section: absent, not zero)."""
    assert name not in VECTORS, name
    out = []
    for issue in issues:
        code, path = issue[0], issue[1]
        item = {"code": code, "severity": severity(code), "path": path}
        if len(issue) > 2:
            item["ctx"] = issue[2]
        out.append(item)
    out.sort(key=lambda i: (i["path"], i["code"]))
    expect = {"valid": all(i["severity"] != "error" for i in out), "issues": out}
    if totals is not None:
        assert expect["valid"], f"{name}: totals are only given for valid vectors"
        expect["totals"] = None if totals == NO_TOTALS else totals
    v = {"description": description}
    if gazetteer is not None:
        v["gazetteer"] = gazetteer
    if limits is not None:
        v["limits"] = limits
    if input_text is not None:
        v["input_text"] = input_text
    elif input_host is not None:
        v["input_host"] = input_host
        v["hosts"] = hosts
    else:
        v["input"] = doc
    v["expect"] = expect
    VECTORS[name] = v


# ------------------------------------------------------------------ hand-written totals of Thoré
THORE_TOTALS = {
    "total": "725403.00",
    "by_year": {"2023": "241801.00", "2024": "241801.00", "2025": "241801.00"},
    "by_beneficiary": {
        "cc-thore-montagne-noire": "121539.00",
        "la-petite-loco": "122400.00",
        "passerelle": "102000.00",
        "les-snorkys": "102000.00",
        "mjc-st-amans-albine": "50346.00",
        "mjc-st-baudille": "9285.00",
        "les-galopins": "77280.00",
        "amicale-laique": "88290.00",
        "smix-st-amans": "52263.00",
    },
    "by_domain": {
        "petite_enfance": "403680.00",
        "jeunesse": "59631.00",
        "enfance": "140553.00",
        "unassigned": "121539.00",
    },
    "by_facility_kind": {
        "coordination": "121539.00",
        "eaje": "403680.00",
        "jeunesse": "59631.00",
        "alsh": "140553.00",
    },
    "coordination": "121539.00",
    "coordination_share": "0.1675",
}
TOTAL_ONLY = {"total": "725403.00"}

# ================================================================== valid fixtures
vector(f"valid-{THORE}", "Thoré Montagne Noire 2023-2025 as extracted from its source: valid, no issue; "
       "9 beneficiaries, 241 801 € a year, 725 403 € over 3 years.", base(THORE), [], THORE_TOTALS)
vector(f"valid-{TDC}", "Terres des Confluences 2023-2027: valid; signed on 2024-01-16, 380 days after "
       "2023-01-01, hence the warning signature.long_after_start.", base(TDC),
       [("signature.long_after_start", "signature.date")])
vector(f"valid-{TA}", "Tarn-Agout 2023-2026, renewing the 2019-2022 CTG: valid, no issue (stakes not named "
       "in the source, so none listed).", base(TA), [])
vector(f"valid-{SLD}", "Saumur Loire Développement 2023-2027: valid; signed on 2023-12-14, 347 days after "
       "2023-01-01, hence signature.long_after_start.", base(SLD), [("signature.long_after_start", "signature.date")])
vector(f"valid-{QR}", "Quercy Rouergue et Gorges de l'Aveyron 2022-2024 (no declared duration): valid, no "
       "issue; signed 17 days before its period.", base(QR), [])

d = base()
d["signature"]["date"] = "2022-07-02"
vector("valid-signature-183-days-before", "Boundary: signed exactly 183 days before 1 January of the first "
       "year is not 'more than 183 days' before: no warning.", d, [], TOTAL_ONLY)
d = base()
d["signature"]["date"] = "2023-07-03"
vector("valid-signature-183-days-after", "Boundary: signed exactly 183 days after 1 January of the first "
       "year: no warning.", d, [], TOTAL_ONLY)

# ------------------------------------------------------------------ lenient French input
d = base()
d["parties"][0]["role"] = "Caf"
d["parties"][1]["kind"] = "Communauté de communes"
d["period"] = "2023-2025"
d["signature"]["date"] = "30/11/2022"
d["domains"] = ["Petite enfance", "Enfance", "Jeunesse", "Santé", "Handicap", "seniors", "Accès aux droits",
                "Animation de la vie sociale"]
writings = {
    "cc-thore-montagne-noire": "40 513 €",
    "la-petite-loco": "40 800 €",
    "passerelle": "34\u00a0000 €",        # no-break space
    "les-snorkys": "34\u202f000 €",       # narrow no-break space
    "mjc-st-amans-albine": "16 782,00 €",
    "mjc-st-baudille": 3095,              # JSON integer
    "les-galopins": "25 760 €",
    "amicale-laique": "29 430 €",
    "smix-st-amans": 17421,               # JSON integer
}
labels = {"petite_enfance": "Petite enfance", "enfance": "Enfance", "jeunesse": "Jeunesse"}
for a in d["funding"]["allocations"]:
    a["amounts"] = {y: writings[a["beneficiary"]] for y in a["amounts"]}
    if "domain" in a:
        a["domain"] = labels[a["domain"]]
d["funding"]["allocations"][1]["facility_kind"] = "crèche"
d["funding"]["declared"] = {"yearly": {y: "241 801 €" for y in ("2023", "2024", "2025")},
                            "total": "725 403,00 €"}
vector("lenient-french-input", "Thoré written as people type it: amounts in French ('40 800 €' with a space, "
       "U+00A0 or U+202F as separator, '16 782,00 €') and as JSON integers, period '2023-2025', date "
       "'30/11/2022', domain labels 'Petite enfance', 'Accès aux droits', 'Santé', role 'Caf', kind "
       "'Communauté de communes', facility kind 'crèche'. Valid, no issue, same totals as the canonical "
       "fixture.", d, [], THORE_TOTALS)

# ================================================================== not a document
vector("invalid-not-json", "Input that is not JSON at all.", issues=[("json.syntax", "")],
       input_text="Convention territoriale globale : voir le PDF joint (241 801 € par an).")
thore_text = (FIXTURES / f"{THORE}.json").read_text(encoding="utf-8")
vector("invalid-truncated-json", "The Thoré fixture cut after 2 000 characters (an interrupted download).",
       issues=[("json.syntax", "")], input_text=thore_text[:2000])
vector("invalid-deep-nesting", "100 000 nested '[': the reader must refuse it without overflowing its stack. "
       "The nesting limit is met long before the end of input, so the code is json.too_deep.",
       issues=[("json.too_deep", "")], input_text="[" * 100000)
vector("invalid-wrong-root-type", "The root is a JSON list (holding a convention), not an object.",
       [base()], [("field.type", "")])

# ================================================================== format_version
d = base()
del d["format_version"]
vector("warning-format-version-missing", "format_version absent: warning, version 1 is assumed.", d,
       [("format_version.missing", "format_version")], TOTAL_ONLY)
d = base()
d["format_version"] = 2
vector("invalid-format-version-unsupported", "format_version 2 is not read by this library.", d,
       [("format_version.unsupported", "format_version")])

# ================================================================== fields
d = base()
del d["title"]
vector("invalid-field-missing", "The required top-level title is absent.", d, [("field.missing", "title")])
d = base()
del d["parties"][3]["name"]
vector("invalid-field-missing-nested", "A party without its required name.", d,
       [("field.missing", "parties[3].name")])
d = base()
d["stakes"][0]["title"] = None
vector("invalid-field-missing-null", "A required field set to null counts as missing.", d,
       [("field.missing", "stakes[0].title")])
d = base()
d["title"] = 2023
vector("invalid-field-type", "title is a number instead of a string.", d, [("field.type", "title")])
d = base()
d["sources"] = "Page Facebook"
vector("invalid-field-type-list", "sources is a string instead of a list of strings.", d,
       [("field.type", "sources")])
d = base()
d["parties"][4]["name"] = "   "
vector("invalid-field-empty", "A party name made only of white space.", d, [("field.empty", "parties[4].name")])
d = base()
d["signataires"] = 12
vector("warning-field-unknown", "An unknown top-level field is ignored with a warning.", d,
       [("field.unknown", "signataires")], TOTAL_ONLY)
d = base()
d["funding"]["allocations"][2]["commentaire"] = "crèche de Labastide"
vector("warning-field-unknown-nested", "An unknown field inside an allocation.", d,
       [("field.unknown", "funding.allocations[2].commentaire")], TOTAL_ONLY)

# ================================================================== vocabularies
d = base()
d["parties"][3]["role"] = "spectateur"
vector("invalid-value-unknown-role", "A party role that is not a known word.", d,
       [("value.unknown", "parties[3].role")])
d = base()
d["parties"][12]["kind"] = "hameau"
vector("invalid-value-unknown-kind", "A party kind that is not a known word.", d,
       [("value.unknown", "parties[12].kind")])
d = base()
d["action_sheets"][4]["status"] = "peut-être"
vector("invalid-value-unknown-status", "An action sheet status that is not a known word.", d,
       [("value.unknown", "action_sheets[4].status")])
d = base()
d["funding"]["allocations"][1]["facility_kind"] = "piscine"
vector("invalid-value-unknown-facility-kind", "An unknown facility kind; its amounts still count, so no "
       "total mismatch follows (no cascade).", d, [("value.unknown", "funding.allocations[1].facility_kind")])
d = base()
d["governance"] = [{"kind": "kermesse", "name": "Fête de la CTG", "members": ["caf-81", "cc-thore-montagne-noire"]}]
vector("invalid-value-unknown-governance-kind", "A governance body of an unknown kind.", d,
       [("value.unknown", "governance[0].kind")])

# ================================================================== duplicates
d = base()
d["parties"].append({"id": "caf-81", "name": "Maison France services de St-Amans-Soult", "kind": "other",
                     "role": "partner"})
vector("invalid-id-duplicate-party", "A partner appended with the id of the Caf.", d,
       [("id.duplicate", "parties[13].id")])
d = base()
d["stakes"].append({"id": "enjeu-2", "title": "Un enjeu ajouté avec un identifiant déjà pris"})
vector("invalid-id-duplicate-stake", "A 7th stake reusing the id 'enjeu-2'.", d, [("id.duplicate", "stakes[6].id")])
d = base()
d["objectives"].append({"id": "obj-3", "title": "Un objectif ajouté avec un identifiant déjà pris"})
vector("invalid-id-duplicate-objective", "An 8th objective reusing the id 'obj-3'.", d,
       [("id.duplicate", "objectives[7].id")])
d = base()
d["funding"]["beneficiaries"].append({"id": "passerelle", "name": "Passerelle (doublon)"})
vector("invalid-id-duplicate-beneficiary", "A 10th beneficiary reusing the id 'passerelle'.", d,
       [("id.duplicate", "funding.beneficiaries[9].id")])
d = base()
d["parties"].append({"id": "pont-de-l-arn", "name": "Pont-de-l'Arn", "kind": "commune", "role": "signatory",
                     "insee": "81209"})
vector("invalid-party-duplicate-insee", "Pont-de-Larn listed a second time under its source spelling, with "
       "the same INSEE code.", d, [("party.duplicate", "parties[13].insee")])
d = base()
d["parties"].append({"id": "communaute-de-communes-tmn", "name": "Communauté de communes Thoré Montagne Noire",
                     "kind": "cc", "role": "partner", "siren": "248100745"})
vector("invalid-party-duplicate-siren", "The CC listed a second time (same SIREN) under another id.", d,
       [("party.duplicate", "parties[13].siren")])
d = base()
d["action_sheets"][15]["number"] = 15
vector("invalid-action-sheet-duplicate-number", "Sheets 15 and 16 both numbered 15 (numbers still run "
       "1..=15, so no gap).", d, [("action_sheet.duplicate_number", "action_sheets[15].number")])
d = base()
d["amendments"] = [
    {"number": 1, "date": "2023-06-15", "summary": "Ajout d'une fiche action"},
    {"number": 1, "date": "2024-06-20", "summary": "Révision de l'enveloppe"},
]
vector("invalid-amendment-duplicate-number", "Two amendments numbered 1.", d,
       [("amendment.duplicate_number", "amendments[1].number")])
d = base()
d["domains"].append("sante")
vector("warning-domain-duplicate", "The domain 'sante' listed twice.", d, [("domain.duplicate", "domains[8]")],
       TOTAL_ONLY)

# ================================================================== identifiers
d = base()
d["parties"][5]["insee"] = "81A23"
vector("invalid-insee-invalid", "A malformed INSEE code on a commune party.", d,
       [("insee.invalid", "parties[5].insee")])
d = base()
d["parties"][1]["members"][4] = "812310"
vector("invalid-insee-invalid-member", "A 6-digit member code in the EPCI's members.", d,
       [("insee.invalid", "parties[1].members[4]")])
d = base()
d["action_sheets"][2]["communes"] = ["2C001"]
vector("invalid-insee-invalid-action-sheet-commune", "'2C' is not a Corsican département: invalid INSEE "
       "code in an action sheet's communes.", d, [("insee.invalid", "action_sheets[2].communes[0]")])
d = base()
d["parties"][1]["siren"] = "2481007450"
vector("invalid-siren-invalid", "A SIREN of 10 digits.", d, [("siren.invalid", "parties[1].siren")])
d = base()
d["parties"][1]["siren"] = "248100746"
vector("invalid-siren-checksum", "The CC's SIREN with its last digit changed: fails the Luhn checksum.", d,
       [("siren.checksum", "parties[1].siren")])
d = base()
d["funding"]["beneficiaries"][1]["siret"] = "4080012"
vector("invalid-siret-invalid", "A SIRET of 7 digits on a beneficiary.", d,
       [("siret.invalid", "funding.beneficiaries[1].siret")])
d = base()
d["parties"][1]["siret"] = "24810074500010"
vector("invalid-siret-checksum", "A SIRET that starts with the party's SIREN but fails the Luhn checksum.", d,
       [("siret.checksum", "parties[1].siret")])
d = base()
d["parties"][1]["siret"] = "21810238200007"
vector("invalid-siret-siren-mismatch", "A SIRET with a valid checksum whose first 9 digits (218102382, "
       "Saint-Amans-Soult) are not the CC's SIREN 248100745.", d, [("siret.siren_mismatch", "parties[1].siret")])
d = base()
d["parties"][0]["departement"] = "8A"
vector("invalid-departement-invalid", "A malformed département code on the Caf.", d,
       [("departement.invalid", "parties[0].departement")])

# ================================================================== period
d = base(TA)
d["period"] = {"first_year": 2026, "last_year": 2023}
vector("invalid-period-reversed", "Tarn-Agout with its period written 2026 → 2023 (no duration given): "
       "reversed; no unusual-duration warning and no signature check on an invalid period.", d,
       [("period.reversed", "period")])
d = base(TA)
d["period"] = {"first_year": 2023, "last_year": 2040}
vector("invalid-period-too-long", "Tarn-Agout over 2023-2040 (18 years, no duration given).", d,
       [("period.too_long", "period")])
d = base()
d["period"]["duration_years"] = 4
vector("invalid-period-duration-mismatch", "Declared duration 4 for 2023-2025.", d,
       [("period.duration_mismatch", "period.duration_years")])
d = base(TA)
d["period"] = {"first_year": 2023, "last_year": 2024, "duration_years": 2}
vector("warning-period-unusual-duration", "Tarn-Agout over 2 years (2023-2024, duration 2): valid, warning.", d,
       [("period.unusual_duration", "period")])
d = base(TA)
d["period"] = {"first_year": 2023, "last_year": 2101}
vector("invalid-year-invalid", "Tarn-Agout with last_year 2101, outside 1990..=2100 (no duration given).", d,
       [("year.invalid", "period.last_year")])
d = base(TA)
d["renews"]["first_year"] = 1890
vector("invalid-year-invalid-renews", "The renewed convention's first year 1890.", d,
       [("year.invalid", "renews.first_year")])

# ================================================================== signature and dates
d = base()
d["signature"]["date"] = "2026-01-15"
vector("invalid-signature-after-period", "Signed after 31 December 2025, the end of the period (no "
       "long_after_start then).", d, [("signature.after_period", "signature.date")])
d = base()
d["signature"]["date"] = "2022-07-01"
vector("warning-signature-long-before-start", "Signed 184 days before 1 January 2023.", d,
       [("signature.long_before_start", "signature.date")], TOTAL_ONLY)
d = base()
d["signature"]["date"] = "2023-07-04"
vector("warning-signature-long-after-start", "Signed 184 days after 1 January 2023, within the period.", d,
       [("signature.long_after_start", "signature.date")], TOTAL_ONLY)
d = base()
d["signature"]["date"] = "2022-11-31"
vector("invalid-date-invalid", "30 November written as the 31st: not a calendar date (no signature check "
       "follows).", d, [("date.invalid", "signature.date")])
d = base()
d["termination"] = {"date": "2022-10-01", "reason": "Saisie erronée"}
vector("invalid-termination-before-signature", "Terminated on 2022-10-01, before the signature of 2022-11-30.",
       d, [("termination.before_signature", "termination.date")])
d = base(TA)
del d["renews"]["last_year"]
vector("invalid-renews-first-year-alone", "The renewed convention's period given by its first year only: "
       "first_year and last_year come both or none (docs/format.md).", d,
       [("field.missing", "renews.last_year")])
d = base(TA)
d["renews"]["last_year"] = 2023
vector("warning-renews-overlap", "Tarn-Agout renewing a 2019-2023 convention while starting in 2023.", d,
       [("renews.overlap", "renews")])

# ================================================================== parties
d = base()
del d["parties"][0]
vector("invalid-party-no-caf", "The Caf party removed (nothing referred to it).", d, [("party.no_caf", "parties")])
d = base()
del d["parties"][12]["insee"]
vector("warning-party-insee-missing", "Pont-de-Larn without its INSEE code.", d,
       [("party.insee_missing", "parties[12]")], TOTAL_ONLY)
d = base()
d["parties"][0]["members"] = ["81005"]
vector("invalid-party-members-not-grouping", "Member communes listed on the Caf.", d,
       [("party.members_not_grouping", "parties[0].members")])
d = base()
d["parties"][5]["role"] = "caf"
vector("invalid-party-role-mismatch", "A commune (Albine) with the role 'caf'.", d,
       [("party.role_mismatch", "parties[5].role")])
d = base()
d["parties"][0]["role"] = "signatory"
vector("invalid-party-role-mismatch-caf-signatory", "The Caf with the role 'signatory'.", d,
       [("party.role_mismatch", "parties[0].role")])

# ================================================================== domains
d = base()
d["domains"].append("Culture")
vector("warning-domain-custom", "A domain outside the known codes is kept as custom, with a warning.", d,
       [("domain.custom", "domains[8]")], TOTAL_ONLY)
d = base()
d["action_sheets"][1]["domains"] = ["Culture"]
vector("warning-domain-custom-action-sheet", "A custom domain on an action sheet, not among the convention's "
       "domains: both warnings at the same path.", d,
       [("domain.custom", "action_sheets[1].domains[0]"),
        ("action_sheet.domain_not_in_convention", "action_sheets[1].domains[0]")], TOTAL_ONLY)
d = base()
d["domains"].append("Culture")
d["action_sheets"][14]["domains"].append("Culture")
vector("warning-domain-custom-in-convention", "The same custom domain in the convention and on a sheet: "
       "two domain.custom warnings, no domain_not_in_convention.", d,
       [("domain.custom", "domains[8]"), ("domain.custom", "action_sheets[14].domains[1]")], TOTAL_ONLY)
d = base()
d["funding"]["allocations"][0]["domain"] = "Coordination"
vector("warning-domain-custom-allocation", "A custom domain on an allocation.", d,
       [("domain.custom", "funding.allocations[0].domain")], TOTAL_ONLY)
d = base()
d["action_sheets"][13]["domains"] = ["mobilite"]
vector("warning-action-sheet-domain-not-in-convention", "Sheet 14 (mobility) filed under 'mobilite', which "
       "is not among the convention's domains.", d,
       [("action_sheet.domain_not_in_convention", "action_sheets[13].domains[0]")], TOTAL_ONLY)

# ================================================================== references
d = base()
d["action_sheets"][0]["lead"] = "ccmtn"
vector("invalid-reference-unknown-party-lead", "An action sheet led by an unknown party id.", d,
       [("reference.unknown_party", "action_sheets[0].lead")])
d = base()
d["funding"]["beneficiaries"][0]["party"] = "cc-thore"
vector("invalid-reference-unknown-party-beneficiary", "A beneficiary pointing at an unknown party id.", d,
       [("reference.unknown_party", "funding.beneficiaries[0].party")])
d = base()
d["governance"] = [{"kind": "steering_committee", "name": "Comité de pilotage", "frequency": "annuel",
                    "members": ["caf-81", "cc-thore-montagne-noire", "departement-81"]}]
vector("invalid-reference-unknown-party-governance", "A steering committee naming an unknown party.", d,
       [("reference.unknown_party", "governance[0].members[2]")])
d = base()
d["objectives"][2]["stakes"] = ["enjeu-3", "enjeu-7"]
vector("invalid-reference-unknown-stake", "An objective pointing at a 7th stake that does not exist.", d,
       [("reference.unknown_stake", "objectives[2].stakes[1]")])
d = base()
d["action_sheets"][0]["objectives"] = ["obj-1", "obj-8"]
vector("invalid-reference-unknown-objective", "An action sheet pointing at an 8th objective that does not "
       "exist.", d, [("reference.unknown_objective", "action_sheets[0].objectives[1]")])
d = base()
d["funding"]["allocations"][3]["beneficiary"] = "snorkys"
vector("invalid-reference-unknown-beneficiary", "An allocation naming an unknown beneficiary; its amounts "
       "still count, so no total mismatch follows.", d,
       [("reference.unknown_beneficiary", "funding.allocations[3].beneficiary")])

# ================================================================== action sheets
d = base()
d["action_sheets"][14]["number"] = 17
d["action_sheets"][15]["number"] = 19
vector("warning-action-sheet-numbering-gap", "Sheets numbered 1..14, 17, 19: three numbers missing, ONE "
       "warning.", d, [("action_sheet.numbering_gap", "action_sheets")], TOTAL_ONLY)
d = base()
d["action_sheets"][5]["schedule"] = {"start": "2024-06-30", "end": "2024-01-01"}
vector("invalid-schedule-reversed", "A schedule that starts after it ends.", d,
       [("schedule.reversed", "action_sheets[5].schedule")])
d = base()
d["action_sheets"][1]["indicators"] = [{
    "name": "Assistantes maternelles agréées", "unit": "personnes", "baseline": "40", "target": "45",
    "measurements": [{"date": "2023-12-31", "value": "41"}, {"date": "2024-12-31", "value": "43"},
                     {"date": "2024-06-30", "value": "42"}, {"date": "2025-12-31", "value": "44"}]}]
vector("invalid-indicator-measurements-unordered", "Measurements dated 2023-12-31, 2024-12-31, 2024-06-30, "
       "2025-12-31: the third is the first out of order.", d,
       [("indicator.measurements_unordered", "action_sheets[1].indicators[0].measurements[2].date")])
d = base()
d["action_sheets"][1]["indicators"] = [{
    "name": "Assistantes maternelles agréées", "unit": "personnes", "baseline": "40", "target": "45",
    "measurements": [{"date": "2023-12-31", "value": "41"}, {"date": "2023-12-31", "value": "42"},
                     {"date": "2024-12-31", "value": "43"}]}]
vector("invalid-indicator-measurements-same-date", "Two measurements on the same date: dates must be strictly "
       "increasing.", d,
       [("indicator.measurements_unordered", "action_sheets[1].indicators[0].measurements[1].date")])
d = base()
d["action_sheets"][0]["indicators"] = [{"name": "Places d'accueil", "unit": "places", "baseline": "beaucoup",
                                        "target": "120"}]
vector("invalid-decimal-invalid", "An indicator baseline that is not a number.", d,
       [("decimal.invalid", "action_sheets[0].indicators[0].baseline")])

# ================================================================== money
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = "quarante mille"
vector("invalid-amount-invalid", "An amount written in words. Year 2024 and the total are then not checked: "
       "only the amount's own issue.", d, [("amount.invalid", "funding.allocations[1].amounts.2024")])
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = 40800.5
vector("invalid-amount-float", "An amount given as the JSON number 40800.5.", d,
       [("amount.float", "funding.allocations[1].amounts.2024")])
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = RAW + "4.08e4"
vector("invalid-amount-float-exponent", "An amount given as the JSON number 4.08e4 (exponent).", d,
       [("amount.float", "funding.allocations[1].amounts.2024")])
d = base()
d["funding"]["allocations"][2]["amounts"]["2023"] = "-34000.00"
vector("invalid-amount-negative", "A negative amount.", d, [("amount.negative", "funding.allocations[2].amounts.2023")])
d = base()
d["funding"]["allocations"][2]["amounts"]["2025"] = "34000.001"
vector("invalid-amount-too-precise", "An amount with three decimals.", d,
       [("amount.too_precise", "funding.allocations[2].amounts.2025")])
d = base()
d["funding"]["declared"]["total"] = "1000000000000.00"
vector("invalid-amount-too-large", "A declared total of 10^12 €, above 999 999 999 999.99 (the total check "
       "is then skipped).", d, [("amount.too_large", "funding.declared.total")])

# ================================================================== funding
d = base()
d["funding"]["allocations"][8]["amounts"]["2026"] = "17421.00"
vector("invalid-funding-year-outside-period", "An extra 2026 amount on the SMIX allocation: outside "
       "2023-2025, left out of every sum, so nothing else fails.", d,
       [("funding.year_outside_period", "funding.allocations[8].amounts.2026")])
d = base()
d["funding"]["allocations"][8]["amounts"]["2026"] = d["funding"]["allocations"][8]["amounts"].pop("2025")
vector("invalid-funding-year-moved-outside-period", "The SMIX's 2025 amount moved to 2026: the 2026 amount is "
       "outside the period and left out of the sums, so 2025 sums to 224 380 € against 241 801 € declared and "
       "the period to 707 982 € against 725 403 € declared.", d,
       [("funding.year_outside_period", "funding.allocations[8].amounts.2026"),
        ("funding.year_total_mismatch", "funding.declared.yearly.2025"),
        ("funding.total_mismatch", "funding.declared.total")])
d = base()
d["funding"]["declared"]["yearly"]["2026"] = "241801.00"
vector("invalid-funding-declared-year-outside-period", "A declared yearly total for 2026, outside 2023-2025 "
       "(not compared with anything; the total is compared with the allocations).", d,
       [("funding.year_outside_period", "funding.declared.yearly.2026")])
d = base()
d["funding"]["declared"]["yearly"]["2024"] = "241800.00"
vector("invalid-funding-year-total-mismatch", "2024 declared as 241 800 € while its allocations sum to "
       "241 801 €.", d, [("funding.year_total_mismatch", "funding.declared.yearly.2024")])
d = base()
d["funding"]["declared"]["total"] = "725400.00"
vector("invalid-funding-total-mismatch", "The whole-period total declared as 725 400 € instead of 725 403 €.",
       d, [("funding.total_mismatch", "funding.declared.total")])
d = base()
d["funding"]["allocations"] = []
d["funding"]["declared"]["total"] = "700000.00"
vector("invalid-funding-total-mismatch-declared-only", "No allocation, only declared totals: the declared "
       "total (700 000 €) is compared with the sum of the declared years (725 403 €); yearly totals are not "
       "checked and no year_without_funding without allocations.", d,
       [("funding.total_mismatch", "funding.declared.total")])
d = base()
for a in d["funding"]["allocations"]:
    del a["amounts"]["2025"]
del d["funding"]["declared"]["yearly"]["2025"]
d["funding"]["declared"]["total"] = "483602.00"
vector("warning-funding-year-without-funding", "No allocation has a 2025 amount (and 2025 is not declared): "
       "one warning for the empty year.", d, [("funding.year_without_funding", "funding.allocations")],
       {"total": "483602.00"})
d = base()
d["funding"]["allocations"].append({"beneficiary": "smix-st-amans", "facility_kind": "alsh_extrascolaire",
                                    "domain": "enfance", "amounts": {}})
vector("warning-funding-allocation-empty", "An allocation with no amount at all.", d,
       [("funding.allocation_empty", "funding.allocations[9].amounts")], TOTAL_ONLY)

d = base()
d["funding"]["allocations"].append({"beneficiary": "la-petite-loco", "facility_kind": "eaje",
                                    "domain": "petite_enfance", "amounts": {}})
vector("invalid-funding-allocation-alike", "A second line for La Petite Loco's EAJE, with the same "
       "beneficiary, kind and domain and no label: it cannot be told apart from line 1 (a change or a diff "
       "names a line by these four), so it is refused; it is also empty.", d,
       [("funding.allocation_alike", "funding.allocations[9]", {"other": 1}),
        ("funding.allocation_empty", "funding.allocations[9].amounts")])

# ================================================================== amendments
d = base()
d["amendments"] = [{"number": 1, "date": "2022-10-15", "summary": "Avenant daté avant la signature"}]
vector("invalid-amendment-before-signature", "An amendment dated 2022-10-15, before the signature of "
       "2022-11-30.", d, [("amendment.before_signature", "amendments[0].date")])
d = base()
d["amendments"] = [{"number": 0, "date": "2023-05-01", "summary": "Ajout d'une fiche action"}]
vector("invalid-number-invalid", "An amendment numbered 0 (numbers are integers ≥ 1).", d,
       [("number.invalid", "amendments[0].number")])


# ================================================================== the input boundary (issue 7)
# ------------------------------------------------------------------ ambiguous writings
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = "40.800 €"
vector("invalid-amount-ambiguous", "'40.800 €': forty thousand eight hundred (a dot between thousands, as French "
       "spreadsheets write) or forty euros eighty (a decimal point)? Refused, never guessed; its parameters "
       "give both readings. No cascade: 2024 and the total are not checked.", d,
       [("amount.ambiguous", "funding.allocations[1].amounts.2024",
         {"value": "40.800 €", "separator": ".", "as_thousands": "40800.00", "as_decimal": "40.80"})])
d = base()
d["funding"]["allocations"][3]["amounts"]["2023"] = "34,000"
vector("invalid-amount-ambiguous-comma", "'34,000': thirty-four thousand (English grouping) or thirty-four "
       "(French decimal comma)? Refused.", d,
       [("amount.ambiguous", "funding.allocations[3].amounts.2023",
         {"separator": ",", "as_thousands": "34000.00", "as_decimal": "34.00"})])
d = base()
d["funding"]["allocations"][1]["amounts"] = {"2023": "40.800,00 €", "2024": "€40,800.00", "2025": "40.800.00 €"
                                             if False else "40 800,00 €"}
vector("valid-amount-both-separators", "Thousands and decimals both written: '40.800,00 €' (dots group, the "
       "comma separates the cents) and '€40,800.00' (commas group, the dot separates) read as 40 800 €: "
       "when both appear, the rightmost separates the decimals.", d, [], THORE_TOTALS)
d = base()
d["action_sheets"][1]["indicators"] = [{"name": "habitants", "baseline": "12.500", "target": "13000"}]
vector("invalid-decimal-ambiguous", "An indicator baseline '12.500': twelve thousand five hundred, or 12.5? "
       "Refused.", d, [("decimal.ambiguous", "action_sheets[1].indicators[0].baseline",
                        {"separator": ".", "as_thousands": "12500", "as_decimal": "12.5"})])
d = base()
d["action_sheets"][1]["indicators"] = [{"name": "taux", "baseline": "100.3020", "target": "12,5"}]
vector("valid-decimal-canonical-and-french", "Decimals as ctg writes them ('100.3020': a fourth decimal so "
       "that three decimals never look like a thousands group) and in French ('12,5').", d, [], TOTAL_ONLY)
d = base()
d["action_sheets"][1]["indicators"] = [{"name": "taux", "baseline": RAW + "0.30000000000000004",
                                        "target": RAW + "1e2"}]
vector("invalid-decimal-float", "Indicator values given as JSON numbers with a fraction or an exponent: they "
       "went through binary floating point (0.30000000000000004 is not 0.3), so they are refused like "
       "amounts: decimals are strings or integers.", d,
       [("decimal.float", "action_sheets[1].indicators[0].baseline", {"value": "0.30000000000000004"}),
        ("decimal.float", "action_sheets[1].indicators[0].target", {"value": "1e2"})])

# ------------------------------------------------------------------ duplicate keys (raw text)
thore_compact = json.dumps(base(), ensure_ascii=False, indent=1)


def raw_variant(old, new, count=1):
    assert thore_compact.count(old) >= 1, old
    text = thore_compact.replace(old, new, count)
    assert text != thore_compact
    return text


vector("invalid-json-duplicate-key-amount", "La Petite Loco's 2023 amount written twice ('1.00' then "
       "'40800.00'): a JSON parser would keep the last and lose the other silently. Reported at the second "
       "key; its year is then not summed (no cascade).",
       issues=[("json.duplicate_key", "funding.allocations[1].amounts.2023",
                {"key": "2023", "item_id": "la-petite-loco"})],
       input_text=raw_variant('"2023": "40800.00"', '"2023": "1.00",\n     "2023": "40800.00"'))
vector("invalid-json-duplicate-key-id", "Two 'id' keys at the top of the document.",
       issues=[("json.duplicate_key", "id", {"key": "id"})],
       input_text=raw_variant('"id": "ctg-81-thore-montagne-noire-2023-2025",',
                              '"id": "ctg-81-thore-montagne-noire-2023-2025",\n "id": "autre",'))
vector("invalid-json-duplicate-key-format-version", "format_version given twice.",
       issues=[("json.duplicate_key", "format_version")],
       input_text=raw_variant('"format_version": 1,', '"format_version": 1,\n "format_version": 2,'))

# ------------------------------------------------------------------ lone surrogates (raw text)
vector("invalid-text-lone-surrogate", "The title holds '\\ud800', half of a UTF-16 pair: not a character. "
       "Refused at its path (never turned into U+FFFD silently), the rest still validated.",
       issues=[("text.lone_surrogate", "title")],
       input_text=raw_variant('"title": "Convention', '"title": "\\ud800Convention'))
vector("invalid-text-lone-surrogate-key", "An unknown key holding a lone surrogate.",
       issues=[("text.lone_surrogate", "\ufffdx")],
       input_text=raw_variant('"format_version": 1,', '"format_version": 1,\n "\\udc00x": 1,'))
vector("valid-text-surrogate-pair", "A correct surrogate pair (an emoji written as \\ud83d\\ude00) is a "
       "character: valid.", issues=[], totals=TOTAL_ONLY,
       input_text=raw_variant('"notes": "', '"notes": "\\ud83d\\ude00 '))

# ------------------------------------------------------------------ absent is not zero
d = base()
del d["funding"]
vector("valid-no-funding", "Thoré without its funding section: valid, and its totals are absent (not a total "
       "of 0.00).", d, [], NO_TOTALS)
d = base()
d["funding"] = {"beneficiaries": [], "allocations": []}
vector("valid-empty-funding", "An empty funding section: totals exist and are zero (the section says there "
       "is no money), unlike an absent section.", d, [], {"total": "0.00", "by_year": {
           "2023": "0.00", "2024": "0.00", "2025": "0.00"}})

# ------------------------------------------------------------------ limits
d = base()
d["stakes"] = [{} for _ in range(4)]
vector("invalid-limit-max-issues", "Four empty stakes (8 missing fields, plus the 7 objectives pointing at stakes "
       "that no longer exist) with max_issues 3: the report keeps 3 issues and closes with report.truncated "
       "(an information) counting the others; the document is still invalid.", d,
       [("field.missing", "stakes[0].id"), ("field.missing", "stakes[0].title"),
        ("field.missing", "stakes[1].id"),
        ("report.truncated", "", {"more": 12, "errors": 12, "warnings": 0, "limit": 3})],
       limits={"max_issues": 3})
vector("invalid-limit-max-bytes", "The Thoré fixture with max_bytes 1000: refused as too large before being "
       "read.", issues=[("input.too_large", "", {"limit": 1000, "unit": "bytes"})],
       input_text=thore_text, limits={"max_bytes": 1000})
vector("invalid-limit-max-depth", "The Thoré fixture with max_depth 3: its action sheets' lists nest "
       "deeper.", issues=[("json.too_deep", "", {"limit": 3})], input_text=thore_text,
       limits={"max_depth": 3})
vector("invalid-json-syntax-file-name", "A file name given where JSON text is expected: a syntax error whose "
       "detail says it looks like a file name.",
       issues=[("json.syntax", "", {"line": 1, "column": 1, "detail": "looks_like_a_path"})],
       input_text="tests/fixtures/thore-montagne-noire-2023-2025.json")

# ------------------------------------------------------------------ host values (input_host)
# A host vector describes values of Python or JavaScript that JSON cannot hold, with tags:
#   {"$float": "40800.5" | "NaN" | "Infinity"}  a binary float (Python float, JS number)
#   {"$int": "123…"}                             an integer of any size (Python int, JS BigInt)
#   {"$numpy_int64": 40800}                      a numpy.int64 (Python only)
#   {"$decimal": "4.08E+4"}                      a decimal.Decimal (Python only)
#   {"$date": "2022-11-30"}, {"$datetime": "2022-11-30T10:00:00"}   (Python only)
#   {"$text": ["Convention ", 55296]}            text built from parts and UTF-16 code units
#   {"$map": [[key, value], …]}                  an object with keys in order, repeats allowed;
#                                                a key may be {"$int": 2023} (a Python int key)
#   {"$unsupported": "set"}                      a value of a type with no meaning (Python set(),
#                                                JS new Set())
#   {"$throwing_getter": "boom"}                 a JS property whose getter throws (JS only)
#   {"$nested_lists": 200}                       a list nested that many times (depth)
#   {"$sparse_array": 4294967295}                a JS array of that length (JS only)
# `hosts` lists the languages that can build the value (Rust builds every one as input::Value).


def host(name, description, doc, issues, hosts, totals=None, limits=None):
    vector(name, description, issues=issues, totals=totals, input_host=doc, hosts=hosts, limits=limits)


ALL_HOSTS = ["rust", "python", "js"]
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = {"$float": "40800.5"}
host("host-float-amount", "An amount given as a host float (Python float, JS number 40800.5): amount.float.",
     d, [("amount.float", "funding.allocations[1].amounts.2024")], ALL_HOSTS)
d = base()
d["action_sheets"][1]["indicators"] = [{"name": "places", "baseline": {"$float": "NaN"}}]
host("host-nan-baseline", "An empty spreadsheet cell (a float NaN) as an indicator baseline: value.nan, worded "
     "for what the field is (a decimal number), not as an amount.", d,
     [("value.nan", "action_sheets[1].indicators[0].baseline", {"expected": "decimal"})], ALL_HOSTS)
d = base()
d["action_sheets"][1]["indicators"] = [{"name": "places", "baseline": {"$float": "45.5"}}]
host("host-float-baseline", "A float 45.5 as an indicator baseline: refused like any float (decimals are "
     "exact). (A JavaScript 45.0 is the integer 45: JS has one number type, so only a value with a "
     "fraction is a float in every host.)", d, [("decimal.float", "action_sheets[1].indicators[0].baseline")],
     ALL_HOSTS)
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = {"$int": "1000000000000000000000000"}
host("host-big-int-amount", "An integer of 25 digits (Python int, JS BigInt) as an amount: too large, not a "
     "float.", d, [("amount.too_large", "funding.allocations[1].amounts.2024")], ALL_HOSTS)
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = {"$decimal": "4.08E+4"}
host("host-decimal-exponent-amount", "Decimal('4.08E+4') — what Decimal.normalize() gives for 40800 — is read "
     "by its value: 40 800 €.", d, [], ["rust", "python"], totals=THORE_TOTALS)
d = base()
d["funding"]["allocations"][1]["amounts"]["2024"] = {"$numpy_int64": 40800}
host("host-numpy-int64-amount", "A numpy.int64 (an integer through __index__) as an amount: 40 800 €.", d, [],
     ["rust", "python"], totals=THORE_TOTALS)
d = base()
d["funding"]["allocations"][1]["amounts"] = {"$map": [[{"$int": 2023}, "1.00"], ["2023", "40800.00"],
                                                      ["2024", "40800.00"], ["2025", "40800.00"]]}
host("host-int-and-text-year-keys", "A Python dict with both the int key 2023 and the str key '2023': the same "
     "year twice, reported, never merged.", d,
     [("json.duplicate_key", "funding.allocations[1].amounts.2023", {"key": "2023"})], ["rust", "python"])
d = base()
d["title"] = {"$text": ["Convention ", 55296, " Thoré"]}
host("host-lone-surrogate-title", "A title holding a lone surrogate (a Python str or JS string can): "
     "text.lone_surrogate, as for JSON text.", d, [("text.lone_surrogate", "title")], ALL_HOSTS)
d = base()
d["sources"] = {"$unsupported": "set"}
host("host-unsupported-value", "A value of a type with no meaning in a document (a Python set, a JS Set): "
     "field.type.", d, [("field.type", "sources")], ALL_HOSTS)
d = base()
d["signature"]["date"] = {"$date": "2022-11-30"}
host("host-date", "A datetime.date as the signature date: read as that date.", d, [], ["rust", "python"],
     totals=TOTAL_ONLY)
d = base()
d["signature"]["date"] = {"$datetime": "2022-11-30T10:30:00"}
host("host-datetime-with-time", "A date with a time of day where a date is expected: refused (a midnight "
     "datetime would be read as its date).", d, [("date.invalid", "signature.date")], ["rust", "python"])
d = base()
d["notes"] = {"$throwing_getter": "boom"}
host("host-throwing-getter", "A property whose getter throws: bad data, reported (validate never throws).", d,
     [("input.unreadable", "notes")], ["rust", "js"])
d = base()
d["notes"] = {"$nested_lists": 200}
host("host-too-deep", "A value nested 200 levels deep (or a cycle): json.too_deep, the same limit as JSON text.",
     d, [("json.too_deep", "", {"limit": 64})], ALL_HOSTS)
d = base()
d["sources"] = {"$sparse_array": 4294967295}
host("host-huge-array", "A JS array whose length is 2^32-1: refused as too large before any item is read.", d,
     [("input.too_large", "", {"unit": "values"})], ["rust", "js"])


# ================================================================== amendments with changes (issue 9)
d = base()
loco = {"beneficiary": "la-petite-loco", "facility_kind": "eaje", "domain": "petite_enfance"}
decl_before = copy.deepcopy(d["funding"]["declared"])
decl_after = {"yearly": {"2023": "241801.00", "2024": "241801.00", "2025": "243001.00"}, "total": "726603.00"}
d["amendments"] = [{"number": 1, "date": "2024-03-12", "summary": "La Petite Loco : 42 000 € en 2025",
                    "changes": [dict(kind="amount", year=2025, before="40800.00", after="42000.00", **loco),
                                {"kind": "declared", "before": decl_before, "after": decl_after}]}]
vector("valid-amendment-amount", "An amendment that raises La Petite Loco's 2025 amount by 1 200 € and restates "
       "the declared totals: it applies, so the document is valid; the text itself keeps its totals.", d, [],
       {"total": "725403.00"})
d2 = copy.deepcopy(d)
d2["amendments"][0]["changes"] = d2["amendments"][0]["changes"][:1]
vector("invalid-amendment-breaks-total", "The same amendment without restating the declared totals: applying it "
       "breaks the 2025 total and the period total (each reported with the rule and where).", d2,
       [("change.breaks_convention", "amendments[0]", {"amendment": 1, "code": "funding.year_total_mismatch",
                                                        "at": "funding.declared.yearly.2025"}),
        ("change.breaks_convention", "amendments[0]", {"amendment": 1, "code": "funding.total_mismatch",
                                                        "at": "funding.declared.total"})])
d3 = base()
d3["amendments"] = [{"number": 1, "date": "2024-03-12", "summary": "Retrait de la fiche 17",
                     "changes": [{"kind": "action_sheet", "before": {"number": 17, "title": "Inexistante"}}]}]
vector("invalid-amendment-removes-missing-sheet", "An amendment that removes action sheet 17, which the "
       "convention does not have: it cannot apply (reported at the change, with its amendment).", d3,
       [("change.cannot_apply", "amendments[0].changes[0]", {"amendment": 1, "kind": "action_sheet",
                                                             "subject": "17", "reason": "not_there"})])
d4 = base()
d4["amendments"] = [{"number": 1, "date": "2024-03-12", "summary": "Parentalité",
                     "changes": [{"kind": "domaine", "after": "Parentalité"}, {"kind": "colour", "after": "x"}]}]
vector("invalid-amendment-unknown-change-kind", "A change of an unknown kind (the kind is read leniently, "
       "'domaine' is the domain).", d4, [("value.unknown", "amendments[0].changes[1].kind")])
d5 = base()
d5["amendments"] = [{"number": 2, "date": "2024-03-12", "summary": "Avenant 2"},
                    {"number": 1, "date": "2024-06-01", "summary": "Avenant 1"}]
vector("warning-amendment-out-of-order", "Amendment 2 dated before amendment 1: a warning (they apply in the "
       "order of their dates).", d5, [("amendment.out_of_order", "amendments[0].date")], TOTAL_ONLY)
d6 = base()
d6["funding"]["allocations"][1]["paid"] = {"2023": "39000.00", "2026": "1.00"}
vector("invalid-paid-outside-period", "A paid amount recorded for 2026, outside 2023-2025.", d6,
       [("funding.year_outside_period", "funding.allocations[1].paid.2026")])

# ================================================================== several at once
d = base()
del d["title"]
d["parties"][5]["insee"] = "81A23"
d["funding"]["declared"]["yearly"]["2024"] = "241800.00"
vector("multiple-problems", "Three unrelated errors at once, all reported: title missing, a malformed INSEE "
       "code, a wrong declared 2024 total.", d,
       [("field.missing", "title"), ("insee.invalid", "parties[5].insee"),
        ("funding.year_total_mismatch", "funding.declared.yearly.2024")])


# ################################################################## the life of a convention (issue 9)
# Vectors of tests/vectors/life/: the convention in force at dates, and comparisons. Expectations
# by hand, as above.
LIFE = {}


def life(name, v):
    assert name not in LIFE, name
    LIFE[name] = v


d = base()
d["amendments"] = [
    {"number": 1, "date": "2024-03-12", "summary": "La Petite Loco : 42 000 € en 2025",
     "changes": [dict(kind="amount", year=2025, before="40800.00", after="42000.00", **loco),
                 {"kind": "declared", "before": copy.deepcopy(base()["funding"]["declared"]),
                  "after": {"yearly": {"2023": "241801.00", "2024": "241801.00", "2025": "243001.00"},
                            "total": "726603.00"}}]},
    {"number": 2, "date": "2024-09-01", "summary": "Fiche 17 : lieu d'accueil enfants-parents",
     "changes": [{"kind": "domain", "after": "parentalite"},
                 {"kind": "action_sheet", "after": {"number": 17, "title": "Ouvrir un lieu d'accueil enfants-parents",
                                                    "domains": ["parentalite"], "lead": "cc-thore-montagne-noire"}}]},
]
life("as-of-two-amendments", {
    "description": "Thoré with two amendments: the 2025 amount of La Petite Loco raised (12 March 2024), then a "
                   "domain and an action sheet added (1 September 2024). The convention in force before, between "
                   "and after them.",
    "input": d,
    "as_of": [
        {"date": "2024-01-01", "applied": [], "pending": [1, 2], "total": "725403.00", "action_sheets": 16,
         "domains": 8},
        {"date": "2024-03-12", "applied": [1], "pending": [2], "total": "726603.00", "action_sheets": 16,
         "domains": 8},
        {"date": "2025-01-01", "applied": [1, 2], "pending": [], "total": "726603.00", "action_sheets": 17,
         "domains": 9},
    ],
})

a = base()
b = base()
b["funding"]["allocations"][1]["amounts"]["2025"] = "42000.00"
b["funding"]["declared"]["yearly"]["2025"] = "243001.00"
b["funding"]["declared"]["total"] = "726603.00"
del b["action_sheets"][15]
b["domains"].append("parentalite")
b["title"] = "CTG Thoré Montagne Noire 2023-2025 (avenant 1)"
life("diff-thore-edited", {
    "description": "Thoré against an edited copy: one domain added, sheet 16 removed, La Petite Loco's 2025 amount "
                   "+1 200 € with the declared totals, and the title changed (a field without a change kind).",
    "before": a,
    "after": b,
    "expect": {
        "changes": [
            {"kind": "domain", "subject": "parentalite", "before": False, "after": True},
            {"kind": "action_sheet", "subject": "16", "before": True, "after": False},
            {"kind": "amount", "subject": "la-petite-loco eaje 2025", "before": True, "after": True,
             "difference": "1200.00"},
            {"kind": "declared", "subject": "", "before": True, "after": True},
        ],
        "fields": ["title"],
    },
})
life("diff-identical", {
    "description": "A convention compared with itself: no change, no field.",
    "before": base(), "after": base(), "expect": {"changes": [], "fields": []},
})
c = base()
c["action_sheets"][0]["number"] = 20
life("diff-renumbered-sheet", {
    "description": "Sheet 1 renumbered 20, same title: matched by title after the numbers, one change from 1 to 20.",
    "before": base(), "after": c,
    "expect": {"changes": [{"kind": "action_sheet", "subject": "1", "before": True, "after": True}],
               "fields": []},
})
prev = json.loads((FIXTURES / "illustrative" / "tarn-agout-2019-2022.json").read_text(encoding="utf-8"))
life("renewal-tarn-agout", {
    "description": "Tarn-Agout 2023-2026 as the renewal of the illustrative 2019-2022 document: same signatories, "
                   "four domains added, the five sheets of 2019-2022 not found (the 2023-2026 text lists none), the "
                   "envelope from 472 000 € (118 000 € a year) to absent (the 2023-2026 text gives no funding).",
    "before": prev, "after": base(TA),
    "expect": {
        "continued": [], "started": [], "stopped": [1, 2, 3, 4, 5], "joined": [], "left": [],
        "domains_added": ["inclusion_numerique", "animation_vie_sociale", "logement", "cadre_de_vie"],
        "domains_removed": [],
        "envelope": {"previous_total": "472000.00", "next_total": None, "previous_yearly_average": "118000.00",
                     "next_yearly_average": None, "yearly_average_change": None},
    },
})
t2 = base()
t2["id"] = "ctg-81-thore-montagne-noire-2026-2028"
t2["period"] = {"first_year": 2026, "last_year": 2028, "duration_years": 3}
del t2["signature"]
for alloc in t2["funding"]["allocations"]:
    alloc["amounts"] = {str(int(y) + 3): v for y, v in alloc["amounts"].items()}
t2["funding"]["allocations"][1]["amounts"] = {"2026": "46800.00", "2027": "46800.00", "2028": "46800.00"}
t2["funding"]["declared"] = {"yearly": {"2026": "247801.00", "2027": "247801.00", "2028": "247801.00"},
                             "total": "743403.00"}
t2["action_sheets"] = [s for s in t2["action_sheets"] if s["number"] != 8]
for i, sheet in enumerate(t2["action_sheets"]):
    sheet["number"] = i + 1
t2["action_sheets"].append({"number": 16, "title": "Créer un lieu d'accueil enfants-parents itinérant",
                            "domains": ["petite_enfance"], "lead": "cc-thore-montagne-noire", "status": "planned"})
life("renewal-thore-renumbered", {
    "description": "A renewal of Thoré 2023-2025 for 2026-2028 (made up for the test): sheet 8 dropped, the others "
                   "renumbered 1 to 15 (matched by title), one new sheet 16; La Petite Loco +6 000 € a year, so the "
                   "yearly average moves from 241 801 € to 247 801 €.",
    "before": base(), "after": t2,
    "expect": {
        "continued": [[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [9, 8], [10, 9], [11, 10],
                      [12, 11], [13, 12], [14, 13], [15, 14], [16, 15]],
        "started": [16], "stopped": [8], "joined": [], "left": [], "domains_added": [], "domains_removed": [],
        "envelope": {"previous_total": "725403.00", "next_total": "743403.00",
                     "previous_yearly_average": "241801.00", "next_yearly_average": "247801.00",
                     "yearly_average_change": "6000.00"},
    },
})


# ################################################################## checks
# ------------------------------------------------------------------ the official geography (issue 8)
# Vectors with "gazetteer": "cog-2026" are validated with the reference of ctg-geo (COG 2026,
# @etalab/decoupage-administratif 6.0.0, in force from 2026-01-01). Every fact an expectation
# relies on (a code, a name, a SIREN, a membership, a population) is written here by hand from the
# package's communes.json and epci.json, and check_geography() reads it back from the committed
# data file (ctg-geo/data/cog-2026.tsv) on its own, without the library.
COG = "cog-2026"
GEO = {"geography": "COG 2026", "effective": "2026-01-01"}
MOISSAC = 17          # parties[17] of Terres des Confluences: Moissac, 82112, SIREN 218201127
TDC_SIGNED = {"timing": "signed_before", "signed": "2024-01-16"}
TA_SIGNED = {"timing": "signed_before", "signed": "2023-03-21"}
TDC_LATE = ("signature.long_after_start", "signature.date")


def geo(**ctx):
    return {**ctx, **GEO}


for slug in SLUGS:
    late = {TDC: [TDC_LATE], SLD: [TDC_LATE]}.get(slug, [])
    infos = []
    if slug == THORE:
        infos = [
            ("geo.commune_outside_epci", "parties[11]", geo(insee="81238", official="Saint-Amans-Soult",
             epci="CC Thoré Montagne Noire", member_of="CA de Castres Mazamet")),
            ("geo.commune_outside_epci", "parties[12]", geo(insee="81209", official="Pont-de-Larn",
             epci="CC Thoré Montagne Noire", member_of="CA de Castres Mazamet")),
        ]
    vector(f"geo-valid-fixture-{slug}",
           f"The fixture {slug} with the reference: every code, SIREN, name, département and member list "
           "agrees with the COG 2026. " + (
               "Saint-Amans-Soult and Pont-de-Larn sign without being members of the CC Thoré Montagne Noire "
               "(they are in the CA de Castres Mazamet): two informations, as the source says." if slug == THORE
               else "No geo issue."), base(slug), late + infos, gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["insee"] = "82999"
vector("geo-invalid-insee-unknown", "Moissac given the code 82999: no commune, current or former, has it in "
       "the COG 2026. An error; the name and SIREN are not compared with a code that designates nothing.", d,
       [TDC_LATE, ("geo.insee_unknown", "parties[17].insee", geo(value="82999"))], gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["insee"] = "75056"
vector("geo-invalid-paris-code-on-moissac", "Moissac given Paris's code 75056, its name and SIREN (218201127) "
       "unchanged: both designate Moissac (82112), so the code is the odd one out — one error at the code, "
       "not three at the name, SIREN and département.", d,
       [TDC_LATE, ("geo.insee_mismatch", "parties[17].insee",
                   geo(value="75056", official="Paris", other="82112", other_name="Moissac"))], gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["departement"] = "81"
vector("geo-invalid-departement-81-on-moissac", "Moissac (82112) with the département 81: it is in the 82.", d,
       [TDC_LATE, ("geo.departement_mismatch", "parties[17].departement",
                   geo(value="81", expected="82", insee="82112", official="Moissac"))], gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["name"] = "Montauban"
vector("geo-invalid-name-of-another-commune", "Moissac's code and SIREN under the name Montauban, which is the "
       "name of 82121 alone: an error, with the official name.", d,
       [TDC_LATE, ("geo.name_other", "parties[17].name",
                   geo(name="Montauban", official="Moissac", other=["Montauban (82121)"]))], gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["name"] = "Moisac"
vector("geo-warning-name-typo", "Moissac written Moisac (one letter dropped): the name of no commune; a warning "
       "with the official name.", d,
       [TDC_LATE, ("geo.name_mismatch", "parties[17].name", geo(name="Moisac", official="Moissac"))],
       gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["name"] = "Castelsarasin"
vector("geo-warning-name-typo-of-another-commune", "Moissac's code and SIREN under the name Castelsarasin, one "
       "letter away from Castelsarrasin (82033): a typo is not taken to designate another commune (that would "
       "be a guess), so a warning that the name does not match, not an error.", d,
       [TDC_LATE, ("geo.name_mismatch", "parties[17].name", geo(name="Castelsarasin", official="Moissac"))],
       gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["siren"] = "248100745"
vector("geo-invalid-epci-siren-on-commune", "The SIREN of the CC Thoré Montagne Noire on the commune of "
       "Moissac: the kind contradicts the reference.", d,
       [TDC_LATE, ("geo.kind_mismatch", "parties[17].siren",
                   geo(value="248100745", kind="commune", found="epci", official="CC Thoré Montagne Noire"))],
       gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["siren"] = "218201218"
vector("geo-invalid-siren-of-another-commune", "Moissac (82112, named Moissac) with Montauban's SIREN "
       "218201218: the name agrees with the code, so the SIREN is reported.", d,
       [TDC_LATE, ("geo.siren_mismatch", "parties[17].siren",
                   geo(value="218201218", other="82121", other_name="Montauban", insee="82112",
                       official="Moissac", expected="218201127"))], gazetteer=COG)

d = base(TDC)
d["parties"][MOISSAC]["siren"] = "218299998"
vector("geo-warning-siren-unknown", "Moissac with the SIREN 218299998 (a valid checksum, no commune's or EPCI's "
       "in the reference): a commune nouvelle created after the signature gets a new SIREN, so a warning, "
       "with the SIREN the reference gives.", d,
       [TDC_LATE, ("geo.siren_unknown", "parties[17].siren",
                   geo(value="218299998", expected="218201127", **TDC_SIGNED))], gazetteer=COG)

d = base(TDC)
removed = d["parties"][1]["members"].pop(1)
assert removed == "82112"
vector("geo-warning-member-missing", "Moissac (82112) left out of the CC Terres des Confluences' 22 members: "
       "one warning for the list (signed in 2024, before the COG 2026: the composition may have changed "
       "since).", d,
       [TDC_LATE, ("geo.members_missing", "parties[1].members",
                   geo(count=1, missing=["Moissac (82112)"], epci_name="CC Terres des Confluences", **TDC_SIGNED))],
       gazetteer=COG)

d = base(TDC)
d["signature"]["date"] = "2026-03-10"
d["parties"][1]["members"].pop(1)
vector("geo-invalid-member-missing-when-signed", "The same list without Moissac, in a convention signed on "
       "10 March 2026, under the COG 2026: an error.", d,
       [TDC_LATE, ("geo.members_missing_when_signed", "parties[1].members",
                   geo(count=1, missing=["Moissac (82112)"], epci_name="CC Terres des Confluences",
                       signed="2026-03-10"))], gazetteer=COG)

d = base(TDC)
d["parties"][1]["members"].append("82121")
vector("geo-warning-member-not-member", "Montauban (82121, in the CA Grand Montauban) added to the CC Terres "
       "des Confluences' members.", d,
       [TDC_LATE, ("geo.member_not_member", "parties[1].members[22]",
                   geo(value="82121", official="Montauban", epci_name="CC Terres des Confluences",
                       member_of="CA Grand Montauban", **TDC_SIGNED))], gazetteer=COG)

d = base(TDC)
d["parties"][1]["members"].append("82033")
vector("geo-invalid-member-duplicate", "Castelsarrasin (82033) listed twice among the CC's members.", d,
       [TDC_LATE, ("geo.member_duplicate", "parties[1].members[22]", geo(value="82033", first=0))],
       gazetteer=COG)

d = base(TDC)
assert d["action_sheets"][2]["communes"] == ["82112"]
d["action_sheets"][2]["communes"] = ["82121"]
vector("geo-warning-sheet-commune-outside", "Action sheet 3 concerning Montauban (82121) instead of Moissac: "
       "outside the territory (the 22 members of the CC, which are also the commune parties).", d,
       [TDC_LATE, ("geo.sheet_commune_outside", "action_sheets[2].communes[0]",
                   geo(value="82121", official="Montauban"))], gazetteer=COG)

RONEL = {"id": "ronel", "name": "Ronel", "kind": "commune", "role": "signatory", "insee": "81226",
         "departement": "81"}
d = base(TA)
d["parties"].append(dict(RONEL))
vector("geo-warning-former-code", "A commune party Ronel with its code 81226: Ronel is a delegated commune of "
       "Terre-de-Bancalié (81233) in the COG 2026. Signed in March 2023, before that geography: a warning "
       "that names today's commune (the code is kept, not changed).", d,
       [("geo.insee_former", "parties[5].insee",
         geo(value="81226", former_kind="delegated", current="81233", current_name="Terre-de-Bancalié",
             former_name="Ronel", **TA_SIGNED))], gazetteer=COG)

d = base(TA)
d["signature"]["date"] = "2026-02-02"
d["parties"].append(dict(RONEL))
vector("geo-invalid-former-code-when-signed", "The same party in a convention signed on 2 February 2026, after "
       "the COG 2026 came into force: the merger came before the signature, an error.", d,
       [("signature.long_after_start", "signature.date"),
        ("geo.insee_former_when_signed", "parties[5].insee",
         geo(value="81226", current="81233", current_name="Terre-de-Bancalié", signed="2026-02-02"))],
       gazetteer=COG)

d = base(TA)
d["parties"].append({"id": "terre-de-bancalie", "name": "Roumégoux", "kind": "commune", "role": "partner",
                     "insee": "81233", "departement": "81"})
vector("geo-warning-former-name", "The commune 81233 (Terre-de-Bancalié) named Roumégoux, the name of its "
       "delegated commune that kept the code. Roumégoux is also a current commune of the Cantal (15166), "
       "but the name is one of 81233's: a former name, not another commune's. A partner, so no information "
       "about the EPCI.", d,
       [("geo.name_former", "parties[5].name",
         geo(name="Roumégoux", official="Terre-de-Bancalié", **TA_SIGNED))], gazetteer=COG)

d = base(TA)
d["parties"][1]["kind"] = "ca"
vector("geo-warning-epci-kind-differs", "The CC Tarn-Agout given the kind ca: it is a CC in the reference (an "
       "EPCI that changes category keeps its SIREN, so a warning).", d,
       [("geo.epci_kind_differs", "parties[1].kind",
         geo(value="200034023", kind="ca", expected="cc", official="CC Tarn-Agout", **TA_SIGNED))],
       gazetteer=COG)

d = base(TA)
d["parties"][1]["name"] = "CC Centre Tarn"
vector("geo-invalid-epci-name-of-another", "The SIREN of the CC Tarn-Agout under the name of the CC Centre "
       "Tarn.", d,
       [("geo.name_other", "parties[1].name",
         geo(name="CC Centre Tarn", official="CC Tarn-Agout", other=["CC Centre Tarn (200034049)"]))],
       gazetteer=COG)

d = base(THORE)
del d["title"]
d["parties"][5]["insee"] = "82999"
d["funding"]["declared"]["total"] = "725400.00"
vector("geo-invalid-with-other-errors", "A broken document (no title, a wrong declared total) with Albine given "
       "82999: the rules of the geography run on the drafts and report with the others; the two outside "
       "communes are still reported (the CC is known; Albine's own place is unknown, which does not change "
       "theirs).", d,
       [("field.missing", "title"),
        ("funding.total_mismatch", "funding.declared.total"),
        ("geo.insee_unknown", "parties[5].insee", geo(value="82999")),
        ("geo.commune_outside_epci", "parties[11]", geo(insee="81238")),
        ("geo.commune_outside_epci", "parties[12]", geo(insee="81209"))], gazetteer=COG)


def check_geography():
    """Reads the facts the geography vectors rely on from the committed data file, on its own."""
    data = HERE.parent.parent / "ctg-geo" / "data" / "cog-2026.tsv"
    communes, epcis, formers = {}, {}, {}
    for line in data.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if f[0] == "@effective":
            assert f[1] == "2026-01-01", f
        elif f[0] == "@geography":
            assert f[1] == "COG 2026", f
        elif f[0] == "C":
            communes[f[1]] = {"siren": f[2], "name": f[5]}
        elif f[0] == "E":
            epcis[f[1]] = {"kind": f[2], "name": f[4], "members": f[5].split()}
        elif f[0] == "F":
            formers.setdefault(f[1], []).append({"kind": f[2], "current": f[3], "name": f[4]})
    names = {}
    for code, c in communes.items():
        names.setdefault(c["name"], []).append(code)
    sirens = {c["siren"]: code for code, c in communes.items()}
    epci_of = {m: s for s, e in epcis.items() for m in e["members"]}
    assert "82999" not in communes and "82999" not in formers
    assert communes["75056"]["name"] == "Paris" and communes["82112"] == {"siren": "218201127", "name": "Moissac"}
    assert names["Montauban"] == ["82121"] and communes["82121"]["siren"] == "218201218"
    assert "Moisac" not in names and "Castelsarasin" not in names
    assert communes["82033"]["name"] == "Castelsarrasin"
    assert "218299998" not in sirens and "218299998" not in epcis and luhn("218299998")
    assert epcis["248100745"]["name"] == "CC Thoré Montagne Noire"
    tdc = epcis["200066322"]
    assert tdc["name"] == "CC Terres des Confluences" and len(tdc["members"]) == 22
    assert sorted(tdc["members"]) == sorted(p["insee"] for p in _fixtures[TDC]["parties"] if p["kind"] == "commune")
    assert epcis[epci_of["82121"]]["name"] == "CA Grand Montauban"
    for code in ("81238", "81209"):
        assert epcis[epci_of[code]]["name"] == "CA de Castres Mazamet", code
    assert formers["81226"] == [{"kind": "d", "current": "81233", "name": "Ronel"}]
    assert communes["81233"]["name"] == "Terre-de-Bancalié"
    assert {"kind": "d", "current": "81233", "name": "Roumégoux"} in formers["81233"]
    assert names["Roumégoux"] == ["15166"]
    assert epcis["200034023"]["kind"] == "CC" and epcis["200034023"]["name"] == "CC Tarn-Agout"
    assert epcis["200034049"]["name"] == "CC Centre Tarn"
    assert (dt.date(2026, 3, 10) - dt.date(2023, 1, 1)).days > 183
    assert (dt.date(2026, 2, 2) - dt.date(2023, 1, 1)).days > 183



def fail(msg):
    raise SystemExit(f"generate.py: {msg}")


def check_catalogue():
    if not CATALOGUE.exists():
        return
    found = dict(re.findall(r'=\s*"([a-z_.]+)",\s*(Error|Warning|Info),', CATALOGUE.read_text(encoding="utf-8")))
    for code in WARNINGS | ERRORS | INFOS:
        if code not in found:
            fail(f"{code} is not in {CATALOGUE.name}")
        if found[code].lower() != severity(code):
            fail(f"{code}: severity {severity(code)} here, {found[code]} in the catalogue")


def parse_path(path):
    tokens = []
    if path == "":
        return tokens
    for part in path.split("."):
        m = re.fullmatch(r"([^\[\]]*)((?:\[\d+\])*)", part)
        if not m:
            fail(f"bad path {path!r}")
        if m.group(1):
            tokens.append(m.group(1))
        tokens += [int(i) for i in re.findall(r"\[(\d+)\]", m.group(2))]
    return tokens


def resolve(doc, tokens):
    cur = doc
    for t in tokens:
        if isinstance(t, int):
            if not isinstance(cur, list) or t >= len(cur):
                return False, None
        elif not isinstance(cur, dict) or t not in cur:
            return False, None
        cur = cur[t]
    return True, cur


def check_paths(name, v):
    if "input" not in v:
        return
    for issue in v["expect"]["issues"]:
        tokens = parse_path(issue["path"])
        if issue["code"] in ("field.missing", "format_version.missing"):
            ok, parent = resolve(v["input"], tokens[:-1])
            if not ok or (tokens[-1] in parent and parent[tokens[-1]] is not None):
                fail(f"{name}: {issue['path']} is not missing")
        else:
            ok, _ = resolve(v["input"], tokens)
            if not ok:
                fail(f"{name}: {issue['path']} does not exist in the input")


def money(value):
    """Independent reading of an amount as written in these vectors (canonical or French)."""
    if isinstance(value, int):
        return Decimal(value)
    s = value.replace("€", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in s and "." in s:  # both: the rightmost separates the decimals
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(",", ".")
    return Decimal(s.replace(",", "."))


def recompute_totals(doc):
    f = doc["funding"]
    p = doc["period"]
    first, last = (map(int, p.split("-")) if isinstance(p, str) else (p["first_year"], p["last_year"]))
    by_year = {str(y): Decimal(0) for y in range(first, last + 1)}
    by_benef, by_dom, by_kind = {}, {}, {}
    labels = {"Petite enfance": "petite_enfance", "Enfance": "enfance", "Jeunesse": "jeunesse"}
    kinds = {"crèche": "eaje"}
    for a in f["allocations"]:
        for y, amount in a["amounts"].items():
            m = money(amount)
            by_year[y] = by_year.get(y, 0) + m
            by_benef[a["beneficiary"]] = by_benef.get(a["beneficiary"], 0) + m
            dom = labels.get(a.get("domain"), a.get("domain")) or "unassigned"
            by_dom[dom] = by_dom.get(dom, 0) + m
            k = kinds.get(a["facility_kind"], a["facility_kind"])
            by_kind[k] = by_kind.get(k, 0) + m
    total = sum(by_year.values())
    coord = by_kind.get("coordination", Decimal(0))
    fmt = lambda m: f"{m:.2f}"  # noqa: E731
    return {
        "total": fmt(total),
        "by_year": {k: fmt(x) for k, x in by_year.items()},
        "by_beneficiary": {k: fmt(x) for k, x in by_benef.items()},
        "by_domain": {k: fmt(x) for k, x in by_dom.items()},
        "by_facility_kind": {k: fmt(x) for k, x in by_kind.items()},
        "coordination": fmt(coord),
        "coordination_share": None if total == 0 else
        str((coord / total).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)),
    }


def check_totals(name, v):
    totals = v["expect"].get("totals")
    if totals is None or "input" not in v:
        return
    computed = recompute_totals(v["input"])
    for key, expected in totals.items():
        if computed[key] != expected:
            fail(f"{name}: totals[{key}] is {expected}, recomputed {computed[key]}")


def check_fixtures():
    t = _fixtures[THORE]
    f = t["funding"]
    assert len(f["beneficiaries"]) == 9 and len(f["allocations"]) == 9
    for y in ("2023", "2024", "2025"):
        s = sum(Decimal(a["amounts"][y]) for a in f["allocations"])
        if s != Decimal("241801") or Decimal(f["declared"]["yearly"][y]) != s:
            fail(f"Thoré {y}: allocations sum to {s}")
    if Decimal(f["declared"]["total"]) != Decimal("725403") or Decimal("241801") * 3 != Decimal("725403"):
        fail("Thoré total")
    assert [s["number"] for s in t["action_sheets"]] == list(range(1, 17))
    assert len(t["stakes"]) == 6 and len(t["objectives"]) == 7
    for slug, doc in _fixtures.items():
        p = doc["period"]
        if "duration_years" in p:
            assert p["duration_years"] == p["last_year"] - p["first_year"] + 1, slug
        for a in doc.get("funding", {}).get("allocations", []):
            for amount in a["amounts"].values():
                assert re.fullmatch(r"\d+\.\d\d", amount), (slug, amount)
        ids = [x["id"] for x in doc["parties"]]
        assert len(ids) == len(set(ids)), slug
        assert any(x["kind"] == "caf" for x in doc["parties"]), slug
        for x in doc["parties"]:
            for key in ("siren",):
                if key in x:
                    assert luhn(x[key]), (slug, x["id"])
        dom = set(doc["domains"])
        for s in doc["action_sheets"]:
            assert set(s.get("domains", [])) <= dom, (slug, s["number"])


def luhn(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def check_dates():
    jan1 = dt.date(2023, 1, 1)
    days = lambda s: (dt.date.fromisoformat(s) - jan1).days  # noqa: E731
    assert days("2022-11-30") == -32
    assert days("2022-07-02") == -183 and days("2022-07-01") == -184
    assert days("2023-07-03") == 183 and days("2023-07-04") == 184
    assert days("2024-01-16") == 380 and days("2023-12-14") == 347
    assert (dt.date(2022, 1, 1) - dt.date(2021, 12, 15)).days == 17
    assert luhn("248100745") and not luhn("248100746")
    assert luhn("21810238200007") and not luhn("24810074500010")


def dump(v):
    text = json.dumps(v, ensure_ascii=False, indent=2) + "\n"
    return re.sub(r'"' + RAW + r'([^"]*)"', r"\1", text)


def main():
    check_catalogue()
    check_geography()
    check_fixtures()
    check_dates()
    written = set()
    for name, v in VECTORS.items():
        text = dump(v)
        json.loads(text)  # well-formed
        check_paths(name, v)
        check_totals(name, v)
        (HERE / f"{name}.json").write_text(text, encoding="utf-8")
        written.add(f"{name}.json")
    stale = [p.name for p in HERE.glob("*.json") if p.name not in written]
    if stale:
        fail(f"stale vector files: {stale}")
    # re-read what was written
    for p in sorted(HERE.glob("*.json")):
        v = json.loads(p.read_text(encoding="utf-8"))
        keys = set(v) - {"limits", "gazetteer"}
        assert keys in ({"description", "input", "expect"}, {"description", "input_text", "expect"},
                        {"description", "input_host", "hosts", "expect"}), p.name
    life_dir = HERE / "life"
    life_dir.mkdir(exist_ok=True)
    for name, v in LIFE.items():
        (life_dir / f"{name}.json").write_text(json.dumps(v, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    stale = [p.name for p in life_dir.glob("*.json") if p.stem not in LIFE]
    if stale:
        fail(f"stale life vectors: {stale}")
    raw = json.loads((HERE / "invalid-amount-float-exponent.json").read_text(encoding="utf-8"))
    assert raw["input"]["funding"]["allocations"][1]["amounts"]["2024"] == 40800.0
    assert "4.08e4" in (HERE / "invalid-amount-float-exponent.json").read_text(encoding="utf-8")
    print(f"{len(VECTORS)} vectors written and checked in {HERE}, {len(LIFE)} in {life_dir}")


if __name__ == "__main__":
    sys.exit(main())
