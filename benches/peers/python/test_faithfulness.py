"""Faithfulness of the pydantic peer: the fixtures and the shared vectors, against the hand-written
expectations. Every divergence from ctg must be one of ``KNOWN`` (with its reason), and every
``KNOWN`` divergence must still be one: a peer that gets better or worse fails here.

Run: ``target/peers-venv/bin/python -m pytest benches/peers/python -q`` (``benches/peers/check.sh``).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import faithfulness as f

peer = f.peer

# Vector → why the pydantic peer cannot give ctg's verdict.
KNOWN = {
    "invalid-amendment-breaks-total": "amendment changes are typed but not applied: no change.breaks_convention (accepted)",
    "invalid-amendment-removes-missing-sheet": "amendment changes are not applied: no change.cannot_apply (accepted)",
    "invalid-amendment-unknown-change-kind": "French vocabulary labels are not read: the valid change kind \"domaine\" is refused too",
    "invalid-amount-ambiguous": "French writings are not read: \"40.800 €\" is amount.invalid, not amount.ambiguous",
    "invalid-amount-ambiguous-comma": "French writings are not read: \"34,000\" is amount.invalid, not amount.ambiguous",
    "invalid-deep-nesting": "pydantic's JSON parser has its own depth limit: json_invalid (json.syntax), not json.too_deep",
    "invalid-json-duplicate-key-amount": "a key given twice is invisible after parsing (the last value wins): accepted",
    "invalid-json-duplicate-key-id": "a key given twice is invisible after parsing (the last value wins): accepted",
    "invalid-json-duplicate-key-format-version": "a key given twice is invisible after parsing: seen as format_version 2",
    "invalid-limit-max-bytes": "the peer has no limits (max_bytes): accepted",
    "invalid-limit-max-depth": "the peer has no limits (max_depth 3): accepted",
    "invalid-limit-max-issues": "the peer has no limits (max_issues): every error is listed",
    "invalid-text-lone-surrogate": "pydantic's JSON parser refuses a lone surrogate as invalid JSON (json.syntax for the whole document, not text.lone_surrogate at its path)",
    "invalid-text-lone-surrogate-key": "pydantic's JSON parser refuses a lone surrogate as invalid JSON (json.syntax, not at its path)",
    "lenient-french-input": "French writings (amounts, DD/MM/YYYY, \"2023-2025\", labels) are not read: refused",
    "multiple-problems": "pydantic runs a model validator only when its fields validated: the sum rule is not checked beside the field errors",
    "valid-amount-both-separators": "French writings are not read: \"34.000,00\" refused",
    "valid-decimal-canonical-and-french": "French writings are not read: the decimal \"12,5\" refused",
}

VECTORS = f.vectors()


@pytest.mark.parametrize("name,data,expect", VECTORS, ids=[v[0] for v in VECTORS])
def test_vector(name: str, data: bytes, expect: dict) -> None:
    outcome = f.run_one(name, data, expect)
    if name in KNOWN:
        assert not outcome.faithful, f"{name} is now faithful: remove it from KNOWN"
    else:
        assert outcome.faithful, outcome.verdict


def test_known_divergences_are_vectors() -> None:
    names = {v[0] for v in VECTORS}
    assert set(KNOWN) <= names


@pytest.mark.parametrize("path", sorted(f.FIXTURES.glob("*.json")), ids=lambda p: p.stem)
def test_fixture_accepted_with_vector_totals(path) -> None:
    conv, totals = peer.load(path.read_bytes())
    assert conv.id
    vector = json.loads((f.VECTORS / f"valid-{path.stem}.json").read_text(encoding="utf-8"))
    want = vector["expect"].get("totals")
    if want is None and "totals" in vector["expect"]:
        assert totals is None
    if want:
        got = f.totals_as_strings(totals)
        for key, value in want.items():
            assert got[key] == value, key


def test_thore_totals_by_hand() -> None:
    # Written from the source (9 operators, 241 801 € a year over 2023-2025), not from any code.
    _, t = peer.load((f.FIXTURES / "thore-montagne-noire-2023-2025.json").read_bytes())
    assert t is not None
    assert t["total"] == Decimal("725403.00")
    assert t["by_year"] == {y: Decimal("241801.00") for y in (2023, 2024, 2025)}
    assert t["by_beneficiary_year"]["la-petite-loco"][2025] == Decimal("40800.00")
    assert t["coordination"] == Decimal("121539.00")
    assert t["coordination_share"] == Decimal("0.1675")


def _thore() -> dict:
    return json.loads((f.FIXTURES / "thore-montagne-noire-2023-2025.json").read_text(encoding="utf-8"))


def _codes(doc: dict) -> set[tuple[str, str]]:
    with pytest.raises(peer.ValidationError) as info:
        peer.load(json.dumps(doc).encode())
    return set(peer.issues(info.value))


def test_money_is_never_a_float() -> None:
    doc = _thore()
    doc["funding"]["allocations"][1]["amounts"]["2024"] = 40800.0
    assert _codes(doc) == {("amount.float", "funding.allocations[1].amounts.2024")}
    doc["funding"]["allocations"][1]["amounts"]["2024"] = 40800  # whole euros: accepted
    assert peer.load(json.dumps(doc).encode())[1]["total"] == Decimal("725403.00")


def test_la_poste_siret_and_luhn() -> None:
    doc = _thore()
    doc["funding"]["beneficiaries"][1]["siret"] = "35600000000006"  # La Poste: digit sum 20, a multiple of 5
    peer.load(json.dumps(doc).encode())
    doc["funding"]["beneficiaries"][1]["siret"] = "35600000000003"
    assert _codes(doc) == {("siret.checksum", "funding.beneficiaries[1].siret")}


def test_sums_report_every_broken_year() -> None:
    doc = _thore()
    doc["funding"]["declared"]["yearly"]["2023"] = "1.00"
    doc["funding"]["declared"]["yearly"]["2025"] = "2.00"
    assert _codes(doc) == {
        ("funding.year_total_mismatch", "funding.declared.yearly.2023"),
        ("funding.year_total_mismatch", "funding.declared.yearly.2025"),
    }
