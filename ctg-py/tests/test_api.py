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
    with pytest.raises(ValueError, match="unknown language"):  # core's message
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
        if cls.name != "_Vocabulary"
    }
    assert sorted(stubbed) == sorted(name for name in ctg._enums.__all__)
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
    with pytest.raises(ctg.ValidationError) as info:
        ctg.Convention.from_dict(doc)
    err = info.value
    assert isinstance(err, ctg.CtgError) and isinstance(err, ValueError)
    errors = err.errors()
    codes = {(e["code"], e["loc"]) for e in errors}
    assert ("amount.float", ("funding", "allocations", 3, "amounts", "2024")) in codes
    assert ("field.empty", ("title",)) in codes
    first = next(e for e in errors if e["code"] == "amount.float")
    assert first["path"] == "funding.allocations[3].amounts.2024"
    assert first["severity"] == "error" and first["message_fr"] and first["message_en"]
    assert not err.report.valid
    text = str(err)
    assert text.startswith("2 validation errors")
    assert "funding.allocations[3].amounts.2024" in text and "[amount.float]" in text


def test_validation_error_pickles() -> None:
    with pytest.raises(ctg.ValidationError) as info:
        ctg.loads("[]")
    err = info.value
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is ctg.ValidationError
    assert again.errors() == err.errors()
    assert again.report == err.report and str(again) == str(err)


def test_validate_never_raises_on_bad_data(tmp_path: Path) -> None:
    assert not ctg.validate("not json").valid
    assert ctg.validate(b"\xff\xfe").issues[0].code == "json.syntax"
    assert not ctg.validate([1, 2]).valid
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1', encoding="utf-8")
    assert ctg.validate(bad).issues[0].code == "json.syntax"
    with pytest.raises(ctg.ValidationError):
        ctg.load(bad)
    with pytest.raises(OSError):
        ctg.load(tmp_path / "missing.json")


@pytest.mark.parametrize(
    ("value", "code", "path"),
    [
        ({"format_version": float("nan")}, "amount.float", "format_version"),
        ({"x": float("inf")}, "amount.float", "x"),
        ({"title": {1, 2}}, "field.type", "title"),
        ({("a",): 1}, "field.type", ""),
        ({"title": b"bytes"}, "field.type", "title"),
        ({"title": object()}, "field.type", "title"),
    ],
)
def test_conversion_issues(value: Any, code: str, path: str) -> None:
    report = ctg.validate(value)
    assert not report.valid
    assert [(i.code, i.path) for i in report.issues] == [(code, path)]


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ({"title": {1, 2}}, "set"),
        ({"title": b"bytes"}, "bytes"),
        ({"title": object()}, "object"),
        ({("a",): 1}, "tuple key"),
        ({1.5: 1}, "float key"),
    ],
)
def test_conversion_messages_come_from_core(value: Any, detail: str) -> None:
    [issue] = ctg.validate(value).issues
    assert issue.message_en == f"value with no JSON equivalent ({detail})"
    assert issue.message_fr == f"valeur sans équivalent JSON ({detail})"


def test_deep_nesting_is_json_too_deep() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    report = ctg.validate(deep)
    assert [(i.code, i.path) for i in report.issues] == [("json.too_deep", "")]
    nested: dict[str, Any] = {}
    node = nested
    for _ in range(200):
        node["a"] = {}
        node = node["a"]
    assert [i.code for i in ctg.validate(nested).issues] == ["json.too_deep"]
    assert [i.code for i in ctg.validate("[" * 100_000).issues] == ["json.too_deep"]
    # Core's limit (ctg_core::MAX_DEPTH): 127 levels are read, 128 are too deep — for Python
    # values exactly as for JSON text.
    ok: Any = []
    for _ in range(126):
        ok = [ok]
    assert "json.too_deep" not in [i.code for i in ctg.validate(ok).issues]
    assert [i.code for i in ctg.validate([ok]).issues] == ["json.too_deep"]
    assert "json.too_deep" not in [i.code for i in ctg.validate("[" * 127 + "]" * 127).issues]
    assert [i.code for i in ctg.validate("[" * 128 + "]" * 128).issues] == ["json.too_deep"]
    assert "127" in report.issues[0].message_en
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    assert [i.code for i in ctg.validate({"parties": cyclic}).issues] == ["json.too_deep"]


def test_decimal_and_date_values(doc: dict[str, Any]) -> None:
    allocation = doc["funding"]["allocations"][0]
    year = next(iter(allocation["amounts"]))
    allocation["amounts"] = {int(y): Decimal(v) for y, v in allocation["amounts"].items()}
    doc["signature"]["date"] = datetime.date(2022, 11, 30)
    conv = ctg.Convention.from_dict(doc)
    assert conv == ctg.sample()
    allocation["amounts"][int(year)] = Decimal("NaN")
    assert [i.code for i in ctg.validate(doc).errors] == ["amount.invalid"]
    allocation["amounts"][int(year)] = Decimal("1.001")
    assert [i.code for i in ctg.validate(doc).errors][0] == "amount.too_precise"


def test_parse_and_format_amount() -> None:
    assert ctg.parse_amount("1 234,56 €") == Decimal("1234.56")
    assert str(ctg.parse_amount(40800)) == "40800.00"
    assert ctg.parse_amount(Decimal("1.5")) == Decimal("1.50")
    assert ctg.format_amount(241801) == "241\u202f801\u00a0€"
    assert ctg.format_amount("1234.56", lang="en") == "€1,234.56"
    for bad, code in [
        (1.5, "amount.float"),
        (Decimal("NaN"), "amount.invalid"),
        (Decimal("Infinity"), "amount.invalid"),
        ("1.234", "amount.too_precise"),
        (-3, "amount.negative"),
        (10**20, "amount.too_large"),
        ("abc", "amount.invalid"),
    ]:
        with pytest.raises(ctg.ValidationError) as info:
            ctg.parse_amount(bad)  # type: ignore[arg-type]
        assert [e["code"] for e in info.value.errors()] == [code], bad
    with pytest.raises(ValueError, match="floating-point"):
        ctg.format_amount(2.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ctg.parse_amount([1])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ctg.format_amount(1, lang="de")


def test_pickle_and_copy() -> None:
    conv = ctg.sample()
    assert pickle.loads(pickle.dumps(conv)) == conv
    assert copy.deepcopy(conv) == conv
    report = ctg.validate("{}")
    assert pickle.loads(pickle.dumps(report)) == report
    for value in ({"a": {1}}, ctg.sample_json()):  # a conversion report, a valid one
        other = ctg.validate(value)
        again = pickle.loads(pickle.dumps(other))
        assert again == other and again.valid == other.valid
    issue = report.issues[0]
    assert pickle.loads(pickle.dumps(issue)) == issue


def test_reprs_and_html() -> None:
    conv = ctg.sample()
    text = repr(conv)
    assert text.startswith("<Convention ctg-81-thore-montagne-noire-2023-2025 2023–2025, 13 parties")
    assert "16 action sheets" in text and "725\u202f403\u00a0€" in text
    html = conv._repr_html_()
    assert "<table" in html and "725\u202f403\u00a0€" in html and "d&#x27;allocations" in html
    report = ctg.validate('{"title": "<script>alert(1)</script>"}')
    html = report._repr_html_()
    assert "<script>" not in html
    assert "invalide" in html and "#ffebe9" in html
    assert repr(report).startswith("<Report invalid:")
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


def test_indicator_progress_and_misc() -> None:
    conv = ctg.sample()
    for row in conv.indicator_progress():
        assert isinstance(row["progress"], Decimal)
    assert ctg.FORMAT_VERSION == conv.format_version == 1
    assert ctg.sample_json() == THORE.read_text(encoding="utf-8")
