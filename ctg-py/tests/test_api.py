"""The Python API: loading, errors, native types, vocabularies, notebooks, pickling."""

from __future__ import annotations

import ast
import copy
import datetime
import importlib.resources
import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import ctg
from conftest import THORE


@pytest.fixture
def doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(THORE.read_text(encoding="utf-8"))
    return data


def test_load_loads_from_dict_agree(doc: dict[str, Any]) -> None:
    a = ctg.load(THORE)
    b = ctg.load(str(THORE))
    c = ctg.loads(THORE.read_text(encoding="utf-8"))
    d = ctg.loads(THORE.read_bytes())
    e = ctg.Convention.from_dict(doc)
    f = ctg.Convention.from_json(THORE.read_bytes())
    assert a == b == c == d == e == f
    assert a != ctg.load(sorted(THORE.parent.glob("tarn-agout*.json"))[0])
    assert a != "not a convention"


def test_to_dict_is_canonical_json(doc: dict[str, Any]) -> None:
    conv = ctg.Convention.from_dict(doc)
    data = conv.to_dict()
    assert json.loads(conv.to_json()) == data
    assert json.loads(conv.to_json(indent=2)) == data
    assert "\n  " in conv.to_json(indent=2) and "\n" not in conv.to_json()
    amounts = data["funding"]["allocations"][0]["amounts"]
    assert all(isinstance(v, str) for v in amounts.values())
    assert ctg.Convention.from_dict(data) == conv


def test_native_types() -> None:
    conv = ctg.sample()
    assert conv.id == "ctg-81-thore-montagne-noire-2023-2025"
    assert isinstance(conv.period.first_year, int)
    assert len(conv.period) == 3 and 2024 in conv.period and 2026 not in conv.period
    assert str(conv.period) == "2023–2025"
    assert conv.period.start_date == datetime.date(2023, 1, 1)
    assert conv.signature is not None and conv.signature.date == datetime.date(2022, 11, 30)
    funding = conv.funding
    assert funding is not None
    allocation = funding.allocations[0]
    assert isinstance(allocation.facility_kind, ctg.FacilityKind)
    assert all(isinstance(v, Decimal) for v in allocation.amounts.values())
    assert all(isinstance(y, int) for y in allocation.amounts)
    caf = conv.cafs[0]
    assert caf.kind is ctg.PartyKind.CAF and caf.role is ctg.PartyRole.CAF
    assert conv.party(caf.id) == caf and conv.party("nope") is None
    sheet = conv.action_sheets[0]
    assert conv.action_sheet(sheet.number) == sheet
    assert isinstance(sheet.status, ctg.ActionStatus)
    assert funding.beneficiary(allocation.beneficiary) is not None


def test_status_defaults_to_today() -> None:
    conv = ctg.sample()
    assert conv.status(datetime.date(2022, 12, 1)) is ctg.ConventionStatus.SIGNED
    assert conv.status(datetime.date(2024, 6, 1)) is ctg.ConventionStatus.IN_FORCE
    assert conv.status(datetime.date(2026, 1, 1)) is ctg.ConventionStatus.EXPIRED
    assert conv.status() is conv.status(datetime.date.today())
    assert ctg.ConventionStatus.IN_FORCE.label_fr == "en vigueur"


def test_totals_are_exact_decimals() -> None:
    totals = ctg.sample().totals()
    assert totals is not None
    assert totals.total == Decimal("725403.00")
    assert totals.coordination == Decimal("121539.00")
    assert totals.coordination_share == Decimal("0.1675")
    assert totals.by_domain["petite_enfance"] == Decimal("403680.00")
    assert totals.by_facility_kind[ctg.FacilityKind.COORDINATION] == totals.coordination
    by_code: dict[Any, Decimal] = dict(totals.by_facility_kind)
    assert by_code["coordination"] == totals.coordination  # str-enum keys equal their codes
    assert sum(totals.by_year.values()) == totals.total
    assert set(totals.by_beneficiary_year) == set(totals.by_beneficiary)


@pytest.mark.parametrize(
    ("enum", "vocabulary"),
    [
        (ctg.ThematicDomain, "thematic_domain"),
        (ctg.FacilityKind, "facility_kind"),
        (ctg.PartyKind, "party_kind"),
        (ctg.PartyRole, "party_role"),
        (ctg.ActionStatus, "action_status"),
        (ctg.GovernanceKind, "governance_kind"),
        (ctg.ConventionStatus, "convention_status"),
    ],
)
def test_enums_mirror_core(enum: Any, vocabulary: str) -> None:
    core = ctg._ctg._vocabulary(vocabulary)
    assert [m.value for m in enum] == [code for code, _, _ in core]
    for member, (code, fr, en) in zip(enum, core):
        assert member == code and str(member) == code and f"{member}" == code
        assert (member.label_fr, member.label_en) == (fr, en)
        assert member.label("en") == en and member.label("English") == en
        assert member.label() == fr and member.label("FR") == fr
        with ctg.language("en"):
            assert member.label() == en
    with pytest.raises(ValueError, match="unknown value"):  # core's message
        next(iter(enum)).label("de")


def test_enum_stubs_name_core_members() -> None:
    # The enums are built from core at runtime; `_enums.pyi` names their members for type
    # checkers. stubtest finds a member missing from the stub, this finds an extra or misplaced one.
    stub = importlib.resources.files("ctg").joinpath("_enums.pyi").read_text(encoding="utf-8")
    classes = [node for node in ast.parse(stub).body if isinstance(node, ast.ClassDef)]
    stubbed = {
        cls.name: [
            target.id
            for statement in cls.body
            if isinstance(statement, ast.Assign)
            for target in statement.targets
            if isinstance(target, ast.Name)
        ]
        for cls in classes
        if not cls.name.startswith("_")
    }
    assert sorted(stubbed) == sorted(name for name in ctg._enums.__all__ if name != "Severity")
    for name, members in stubbed.items():
        assert members == [m.name for m in getattr(ctg, name)], name


def test_domains_custom_is_str() -> None:
    assert ctg.parse_domain("Petite enfance") is ctg.ThematicDomain.PETITE_ENFANCE
    assert ctg.parse_domain("parentalite") is ctg.ThematicDomain.PARENTALITE
    assert ctg.parse_domain(" Sport ") == "Sport"
    assert not isinstance(ctg.parse_domain("Sport"), ctg.ThematicDomain)
    assert ctg.ThematicDomain.ACCES_AUX_DROITS.label_fr == "Accès aux droits"
    assert ctg.parse_facility_kind("crèche") is ctg.FacilityKind.EAJE
    assert ctg.parse_facility_kind("??") is None
    assert ctg.parse_party_kind("Communauté de communes") is ctg.PartyKind.CC


def test_custom_domain_in_a_convention(doc: dict[str, Any]) -> None:
    doc["domains"].append("Culture")
    conv = ctg.Convention.from_dict(doc)
    assert conv.domains[-1] == "Culture" and type(conv.domains[-1]) is str
    report = ctg.validate(doc)
    assert report.valid and [w.code for w in report.warnings] == ["domain.custom"]


def test_validation_error(doc: dict[str, Any]) -> None:
    doc["funding"]["allocations"][3]["amounts"]["2024"] = 1.5
    doc["title"] = ""
    doc["colour"] = "bleu"
    with pytest.raises(ctg.ValidationError) as info:
        ctg.Convention.from_dict(doc)
    err = info.value
    assert isinstance(err, ctg.CtgError) and isinstance(err, ValueError)
    errors = err.errors()
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("field.empty", ("title",)),
        ("amount.float", ("funding", "allocations", 3, "amounts", "2024")),
    ]
    first = errors[1]
    assert first["path"] == "funding.allocations[3].amounts.2024"
    assert first["ctx"] == {"value": "1.5", "item_id": "les-snorkys"}
    assert first["severity"] == "error"
    assert first["msg"] == first["message_fr"] == "montant donné en virgule flottante binaire (1.5) : les montants s’écrivent en texte (« 1234.56 ») ou en euros entiers"
    assert first["message_en"].startswith("amount given as a binary floating-point number (1.5)")
    assert err.errors(lang="en")[1]["msg"] == first["message_en"]
    assert [(w["type"], w["path"], w["severity"]) for w in err.warnings()] == [("field.unknown", "colour", "warning")]
    assert err.infos() == []
    assert not err.report.valid
    # str(err): core's summary, then core's line for each issue, with its severity.
    assert str(err).splitlines() == [
        "2 erreurs, 1 avertissement",
        *("  " + line for line in err.report.to_text().splitlines()),
    ]
    assert "  erreur [amount.float] funding.allocations[3].amounts.2024" in str(err)
    assert "  avertissement [field.unknown] colour" in str(err)


def test_issue_codes_enum() -> None:
    rows = ctg._ctg._issue_codes()
    assert [m.value for m in ctg.IssueCode] == [code for _, code, _, _, _ in rows]
    assert [m.name for m in ctg.IssueCode] == [name for name, _, _, _, _ in rows]
    code: str = "funding.year_total_mismatch"
    assert ctg.IssueCode.FUNDING_YEAR_TOTAL_MISMATCH == code and ctg.IssueCode.FUNDING_YEAR_TOTAL_MISMATCH.value == code
    assert ctg.IssueCode("field.missing") is ctg.IssueCode.FIELD_MISSING
    assert ctg.IssueCode.FIELD_MISSING.severity == "error"
    assert ctg.IssueCode.FIELD_UNKNOWN.severity == "warning"
    assert ctg.IssueCode.REPORT_TRUNCATED.severity == "info"
    assert ctg.IssueCode.FIELD_MISSING.template("en") == 'required field "{field}" is missing'
    assert str(ctg.IssueCode.FIELD_MISSING) == f"{ctg.IssueCode.FIELD_MISSING}" == "field.missing"
    issue = ctg.validate("{}").issues[0]
    assert type(issue.code) is str and issue.code == ctg.IssueCode.FORMAT_VERSION_MISSING
    assert ctg.IssueCode(issue.code).severity == issue.severity
    for member in ctg.IssueCode:
        assert member.severity in ("error", "warning", "info")


def test_ctx_has_python_types(doc: dict[str, Any]) -> None:
    doc["signature"]["date"] = "2021-01-01"
    doc["action_sheets"][0]["number"] = 40
    doc["action_sheets"][1]["indicators"] = [{"name": "x", "baseline": "12.000"}]
    doc["funding"]["declared"]["yearly"]["2024"] = "241800.00"
    doc["colour"] = 1
    doc["title"] = []
    by_code = {i.code: i.ctx for i in ctg.validate(doc).issues}
    assert by_code["field.type"] == {"expected": "text", "found": "list"}  # words: their code
    signed = by_code["signature.long_before_start"]
    assert signed == {"date": datetime.date(2021, 1, 1), "days": 730, "start": datetime.date(2023, 1, 1)}
    year = by_code["funding.year_total_mismatch"]
    assert year["year"] == 2024 and type(year["year"]) is int
    assert year["declared"] == Decimal("241800.00") and str(year["declared"]) == "241800.00"  # amount: 2 places
    assert str(year["computed"]) == "241801.00" and str(year["difference"]) == "-1.00"
    ambiguous = by_code["decimal.ambiguous"]
    assert ambiguous["as_thousands"] == Decimal("12000") and ambiguous["value"] == "12.000"
    assert ambiguous["item_name"] == "x"
    gap = by_code["action_sheet.numbering_gap"]["missing"]
    assert isinstance(gap, list) and gap[:3] == ["1", "17", "18"]
    assert by_code["field.unknown"]["field"] == "colour"
    issue = ctg.validate(doc).issues[0]
    assert issue.ctx is not issue.ctx  # a new dict each time: changing one changes nothing
    assert issue.to_dict()["ctx"] == issue.ctx


def test_report_lists_every_severity() -> None:
    doc = json.loads(THORE.read_text(encoding="utf-8"))
    doc["stakes"] = [{}, {}, {}, {}]
    report = ctg.validate(doc, limits=ctg.Limits(max_issues=3))
    assert report.truncated and not report.valid
    assert [i.code for i in report.infos] == ["report.truncated"]
    assert report.infos[0].ctx == {"more": 12, "errors": 12, "warnings": 0, "limit": 3}
    assert len(report.errors) == 3 and report.warnings == []
    assert report.issues == report.errors + report.infos
    with pytest.raises(ctg.ValidationError) as info:
        ctg.Convention.from_dict(doc, limits=ctg.Limits(max_issues=3))
    assert [i["type"] for i in info.value.infos()] == ["report.truncated"]
    assert len(info.value.errors()) == 3


def test_validate_never_raises_on_bad_data(tmp_path: Path) -> None:
    assert not ctg.validate("not json").valid
    assert ctg.validate(b"\xff\xfe").issues[0].code == "json.syntax"
    assert ctg.validate(bytearray(b"[]")).issues[0].code == "field.type"
    assert ctg.validate(memoryview(b"[]")).issues[0].code == "field.type"
    assert not ctg.validate([1, 2]).valid
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1', encoding="utf-8")
    assert ctg.validate(bad).issues[0].code == "json.syntax"
    with pytest.raises(ctg.ValidationError):
        ctg.load(bad)
    with pytest.raises(FileNotFoundError):
        ctg.load(tmp_path / "missing.json")
    with pytest.raises(FileNotFoundError):
        ctg.validate(tmp_path / "missing.json")


def test_a_file_name_given_as_text_is_json_text() -> None:
    # A plain str is JSON text: core says it looks like a file name (pass a Path, or use load).
    report = ctg.validate(str(THORE))
    [issue] = report.issues
    assert (issue.code, issue.path) == ("json.syntax", "")
    assert issue.ctx["detail"] == "looks_like_a_path"
    assert "looks like a file name" in issue.message("en")
    assert "ressemble à un nom de fichier" in issue.message("fr")
    with pytest.raises(ctg.ValidationError, match="nom de fichier"):
        ctg.loads(str(THORE))
    assert ctg.validate(THORE).valid and ctg.load(str(THORE)) == ctg.load(THORE)


@pytest.mark.parametrize(
    ("value", "code", "path"),
    [
        ({"format_version": float("nan")}, "format_version.unsupported", "format_version"),
        ({"title": float("nan")}, "value.nan", "title"),
        ({"format_version": 1.0}, "format_version.unsupported", "format_version"),
        ({"title": {1, 2}}, "field.type", "title"),
        ({"title": b"bytes"}, "field.type", "title"),
        ({"title": object()}, "field.type", "title"),
        ({"title": "a\ud800"}, "text.lone_surrogate", "title"),
        ({"title": datetime.date(2024, 1, 1)}, "field.type", "title"),
        ({("a",): 1}, "field.type", ""),
        ({1.5: 1}, "field.type", ""),
    ],
)
def test_python_values_go_to_core_as_they_are(value: Any, code: str, path: str) -> None:
    report = ctg.validate(value)
    assert (code, path) in [(i.code, i.path) for i in report.issues]


def test_unsupported_values_are_named_by_their_type() -> None:
    by_path = {i.path: i for i in ctg.validate({"title": {1, 2}, ("a",): 1, "notes": object()}).issues}
    assert by_path["title"].ctx == {"expected": "text", "found": "set"}
    assert by_path["notes"].ctx == {"expected": "text", "found": "object"}
    assert by_path[""].ctx["found"] == "tuple key"


def test_lone_surrogates_in_text_and_in_values() -> None:
    text = '{"format_version": 1, "title": "a\ud800"}'
    assert ("title", "text.lone_surrogate") in [(i.path, i.code) for i in ctg.validate(text).issues]
    report = ctg.validate({"format_version": 1, "title": "a\ud800b"})
    [issue] = [i for i in report.issues if i.path == "title"]
    assert issue.code == "text.lone_surrogate" and issue.ctx["text"] == "a\ufffdb"
    # A str holding a lone surrogate given as JSON text: its surrogatepass bytes, read by core.
    raw = '{"format_version": 1, "title": "a\ud800"}'
    assert ("title", "text.lone_surrogate") in [(i.path, i.code) for i in ctg.validate(raw).issues]


def test_deep_nesting_is_json_too_deep() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    report = ctg.validate(deep)
    assert [(i.code, i.path) for i in report.issues] == [("json.too_deep", "")]
    assert report.issues[0].ctx == {"limit": 64}
    nested: dict[str, Any] = {}
    node = nested
    for _ in range(200):
        node["a"] = {}
        node = node["a"]
    assert [i.code for i in ctg.validate(nested).issues] == ["json.too_deep"]
    assert [i.code for i in ctg.validate("[" * 100_000).issues] == ["json.too_deep"]
    # Core's limit (Limits.max_depth, 64 by default): the same for Python values and JSON text.
    ok: Any = []
    for _ in range(63):
        ok = [ok]
    assert "json.too_deep" not in [i.code for i in ctg.validate(ok).issues]
    assert [i.code for i in ctg.validate([ok]).issues] == ["json.too_deep"]
    assert "json.too_deep" not in [i.code for i in ctg.validate("[" * 64 + "]" * 64).issues]
    assert [i.code for i in ctg.validate("[" * 65 + "]" * 65).issues] == ["json.too_deep"]
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    assert [i.code for i in ctg.validate({"parties": cyclic}).issues] == ["json.too_deep"]
    looping: dict[str, Any] = {}
    looping["a"] = looping
    assert [i.code for i in ctg.validate(looping).issues] == ["json.too_deep"]


def test_decimal_date_and_numpy_values(doc: dict[str, Any]) -> None:
    allocation = doc["funding"]["allocations"][0]
    year = int(next(iter(allocation["amounts"])))
    allocation["amounts"] = {int(y): Decimal(v) for y, v in allocation["amounts"].items()}
    doc["signature"]["date"] = datetime.date(2022, 11, 30)
    doc["period"]["first_year"] = np.int64(2023)
    conv = ctg.Convention.from_dict(doc)
    assert conv == ctg.sample()
    exact = allocation["amounts"][year]
    allocation["amounts"][year] = Decimal(exact).normalize()  # Decimal('4.08E+4'): its value
    assert ctg.Convention.from_dict(doc) == conv
    allocation["amounts"][year] = np.int64(int(exact))
    assert ctg.Convention.from_dict(doc) == conv
    allocation["amounts"][year] = float(exact)
    assert [(i.code, i.path) for i in ctg.validate(doc).errors] == [("amount.float", f"funding.allocations[0].amounts.{year}")]
    allocation["amounts"][year] = np.float64(exact)
    assert [i.code for i in ctg.validate(doc).errors] == ["amount.float"]
    allocation["amounts"][year] = np.float32(1.5)
    assert [i.code for i in ctg.validate(doc).errors] == ["amount.float"]
    allocation["amounts"][year] = float("nan")  # an empty spreadsheet cell
    [nan] = ctg.validate(doc).errors
    assert (nan.code, nan.ctx["expected"]) == ("value.nan", "amount")
    allocation["amounts"][year] = Decimal("NaN")
    assert [i.code for i in ctg.validate(doc).errors] == ["value.nan"]
    allocation["amounts"][year] = Decimal("1.001")
    assert [i.code for i in ctg.validate(doc).errors][0] == "amount.too_precise"
    allocation["amounts"][year] = 10**40
    assert [i.code for i in ctg.validate(doc).errors] == ["amount.too_large"]


def test_parse_and_format_amount() -> None:
    assert ctg.parse_amount("1 234,56 €") == Decimal("1234.56")
    assert str(ctg.parse_amount(40800)) == "40800.00"
    assert str(ctg.parse_amount(np.int64(40800))) == "40800.00"
    assert str(ctg.parse_amount(Decimal("1E+3"))) == "1000.00"
    assert str(ctg.parse_amount(Decimal("4.08E+4"))) == "40800.00"
    assert ctg.parse_amount(Decimal("1.5")) == Decimal("1.50")
    assert ctg.format_amount(241801) == "241\u202f801\u00a0€"
    assert ctg.format_amount(Decimal("1E+3"), lang="en") == "€1,000.00"
    assert ctg.format_amount(np.int64(1234), "en") == "€1,234.00"
    assert ctg.format_amount("1234.56", lang="en") == "€1,234.56"
    for bad, code in [
        (1.5, "amount.float"),
        (np.float64(2.0), "amount.float"),
        (float("inf"), "amount.float"),
        (float("nan"), "value.nan"),
        (Decimal("NaN"), "value.nan"),
        ("12.000", "amount.ambiguous"),
        ("1.2345", "amount.too_precise"),
        (-3, "amount.negative"),
        (10**20, "amount.too_large"),
        (10**40, "amount.too_large"),
        ("abc", "amount.invalid"),
        ([1], "field.type"),
        (None, "field.type"),
    ]:
        with pytest.raises(ctg.ValidationError) as info:
            ctg.parse_amount(bad)  # type: ignore[arg-type]
        assert [e["type"] for e in info.value.errors()] == [code], bad
        with pytest.raises(ValueError):
            ctg.format_amount(bad)  # type: ignore[arg-type]
    with pytest.raises(ctg.ValidationError) as info:
        ctg.parse_amount("12.000 €")
    assert info.value.errors()[0]["ctx"]["as_thousands"] == Decimal("12000.00")
    with pytest.raises(ValueError, match="unknown value"):
        ctg.format_amount(1, lang="de")


def test_pickle_and_copy() -> None:
    conv = ctg.sample()
    assert pickle.loads(pickle.dumps(conv)) == conv
    assert copy.deepcopy(conv) == conv
    report = ctg.validate("{}")
    assert pickle.loads(pickle.dumps(report)) == report
    doc = json.loads(ctg.sample_json())
    doc["funding"]["declared"]["yearly"]["2024"] = "241800.00"
    doc["signature"]["date"] = "2021-01-01"
    doc["title"] = []
    for value in ({"a": {1}}, ctg.sample_json(), doc):
        other = ctg.validate(value)
        again = pickle.loads(pickle.dumps(other))
        assert again == other and again.valid == other.valid
        for a, b in zip(again.issues, other.issues):
            assert (a.ctx, a.message_fr, a.message_en) == (b.ctx, b.message_fr, b.message_en)
    issue = report.issues[0]
    assert pickle.loads(pickle.dumps(issue)) == issue
    stakes = json.loads(ctg.sample_json())
    stakes["stakes"] = [{}, {}, {}, {}]
    truncated = ctg.validate(stakes, limits=ctg.Limits(max_issues=1))
    again = pickle.loads(pickle.dumps(truncated))
    assert again == truncated and not again.valid and again.truncated
    with pytest.raises(ctg.ValidationError) as info:
        ctg.loads("[]")
    err = pickle.loads(pickle.dumps(info.value))
    assert type(err) is ctg.ValidationError
    assert err.errors() == info.value.errors() and err.report == info.value.report
    assert str(err) == str(info.value)


def test_reprs_and_html() -> None:
    conv = ctg.sample()
    text = repr(conv)
    assert text.startswith("<Convention ctg-81-thore-montagne-noire-2023-2025 2023–2025, 13 parties")
    assert "16 action sheets" in text and "725\u202f403\u00a0€" in text
    html = conv._repr_html_()
    assert html == conv.to_html() == conv.to_html("fr")
    assert "<table" in html and "725\u202f403\u00a0€" in html and "d&#39;allocations" in html
    assert "Période" in conv.to_html("fr") and "Period" in conv.to_html("en")
    assert ctg.ConventionStatus.EXPIRED.label_fr in conv.to_html(today=datetime.date(2030, 1, 1))
    assert "725" in conv.to_text("en", datetime.date(2024, 6, 1))
    report = ctg.validate('{"title": "<script>alert(1)</script>"}')
    html = report._repr_html_()
    assert "<script>" not in html
    assert "invalide" in html and "#ffebe9" in html
    assert "invalid" in report.to_html("en")
    assert repr(report) == f"<Report valid=False: {report.summary()}>"
    assert "valide" in ctg.validate(ctg.sample_json())._repr_html_()


def test_html_escapes_everything(doc: dict[str, Any]) -> None:
    doc["title"] = "<b>Evil</b> & co"
    html = ctg.Convention.from_dict(doc)._repr_html_()
    assert "<b>Evil</b>" not in html and "&lt;b&gt;Evil&lt;/b&gt; &amp; co" in html
    doc["unknown<i>"] = 1
    html = ctg.validate(doc)._repr_html_()
    assert "unknown<i>" not in html and "unknown&lt;i&gt;" in html


def test_loads_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        ctg.loads({"a": 1})  # type: ignore[arg-type]
    assert ctg.loads(memoryview(THORE.read_bytes())) == ctg.sample()
    assert ctg.Convention.from_json(bytearray(THORE.read_bytes())) == ctg.sample()


def test_indicator_progress_and_misc() -> None:
    conv = ctg.sample()
    assert conv.indicator_progress() == []  # the sample has no indicator (test_life.py has some)
    assert ctg.FORMAT_VERSION == conv.format_version == 1
    assert ctg.sample_json() == THORE.read_text(encoding="utf-8")
