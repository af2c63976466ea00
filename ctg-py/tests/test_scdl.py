"""SCDL Subventions 2.1.1 through ``ctg.scdl``: published from conventions (raising with what is
missing unless a draft), read and checked (the standard's own examples), matched to the
beneficiaries, as exact frames."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import ctg
from conftest import FIXTURES, SCDL_REFERENCE

#: SIRETs made up for the tests (Luhn-valid), as ctg-tables' own tests use.
CAF_SIRET = "73282932000041"
SIRET = "12345678200010"


def publishable() -> ctg.Convention:
    """The sample with a SIRET for its Caf and for every beneficiary but one (given an RNA
    number below)."""
    doc: dict[str, Any] = ctg.sample().to_dict()
    doc["parties"][0]["siret"] = CAF_SIRET
    for b in doc["funding"]["beneficiaries"]:
        if b["id"] != "passerelle":
            b["siret"] = SIRET
    return ctg.Convention.from_dict(doc)


def test_what_is_missing_raises_unless_a_draft() -> None:
    with pytest.raises(ctg.ValidationError) as raised:
        ctg.scdl.publish(ctg.sample())
    codes = [e["type"] for e in raised.value.errors()]
    assert codes == ["scdl.attribuant_siret_missing"] + ["scdl.beneficiary_id_missing"] * 9
    assert raised.value.errors()[0]["loc"] == ("parties", 0, "siret")
    draft = ctg.scdl.publish(ctg.sample(), draft=True)
    assert not draft.valid
    assert len(draft.grants) == 27  # 9 beneficiaries × 3 years
    assert [i.code for i in draft.issues] == codes
    assert draft.report().summary("en") == "10 errors, 0 warnings"
    assert draft.csv.startswith(",".join(ctg.scdl.COLUMNS) + "\r\n")
    assert draft.to_bytes() == draft.csv.encode("utf-8")


def test_a_publishable_convention() -> None:
    publication = ctg.scdl.publish(publishable(), rna={"passerelle": "W811000001"})
    assert publication.valid and publication.issues == []
    assert ",40800.00,aide en numéraire,échelonné,2024-01-01/2024-12-31,,non,1.00,\r\n" in publication.csv
    passerelle = [g for g in publication.grants if g.rna_beneficiaire]
    assert {g.rna_beneficiaire for g in passerelle} == {"W811000001"} and len(passerelle) == 3
    grant = publication.grants[3]
    assert grant.nom_beneficiaire == "La Petite Loco"
    assert grant.montant == Decimal("40800.00")
    assert grant.id_attribuant == CAF_SIRET and grant.id_beneficiaire == SIRET
    assert grant.reference_decision == "ctg-81-thore-montagne-noire-2023-2025"
    assert grant.date_convention is not None and grant.date_convention.isoformat() == "2022-11-30"
    assert grant.notification_ue is False and grant.pourcentage_subvention == Decimal("1")
    assert list(grant.to_dict()) == list(ctg.scdl.COLUMNS)
    assert sum((g.montant for g in publication.grants), Decimal(0)) == Decimal("725403.00")
    # The file reads back, passes the checks, and gives the same grants.
    read = ctg.scdl.read(publication.to_bytes())
    assert read.valid and read.issues == []
    assert read.grants == publication.grants
    assert len(read) == 27


def test_options() -> None:
    conv = publishable()
    rna = {"passerelle": "W811000001"}
    per_convention = ctg.scdl.publish(conv, granularity="convention", rna=rna)
    assert len(per_convention.grants) == 9
    assert per_convention.grants[1].dates_periode_versement == "2023-01-01/2025-12-31"
    unique = ctg.scdl.publish(conv, rna=rna, conditions="unique", notification_ue=True)
    assert {g.conditions_versement for g in unique.grants} == {"unique"}
    assert all(g.notification_ue for g in unique.grants)
    with pytest.raises(ctg.ValidationError) as raised:
        ctg.scdl.publish(conv, rna={"passerelle": "W3222"})
    assert [(e["type"], e["loc"]) for e in raised.value.errors()] == [("rna.invalid", ("rna", "passerelle"))]
    with pytest.raises(ValueError, match="granularity"):
        ctg.scdl.publish(conv, granularity="month")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ctg.Convention"):
        ctg.scdl.publish([conv, "x"])  # type: ignore[list-item]


def test_several_conventions_in_one_file() -> None:
    conventions = [ctg.load(p) for p in sorted(FIXTURES.glob("*.json"))]
    draft = ctg.scdl.publish(conventions, draft=True)
    assert len(draft.grants) == 27  # only the Thoré convention has funding
    assert {i.ctx.get("convention") for i in draft.issues} >= {"ctg-81-thore-montagne-noire-2023-2025"}
    assert all("convention" in i.ctx for i in draft.issues)
    assert ctg.scdl.publish(iter(conventions), draft=True).csv == draft.csv


def test_the_standards_examples() -> None:
    valid = ctg.scdl.read(SCDL_REFERENCE / "exemple_valide.csv")
    assert valid.valid and valid.issues == []
    assert len(valid.grants) == 29
    assert valid.grants[0].montant == Decimal("99786.57")
    for name in ("exemple_invalide_erreurs_cellules.csv", "exemple_invalide_erreurs_colonnes.csv"):
        read = ctg.scdl.read(SCDL_REFERENCE / name)
        codes = {i.code for i in read.issues}
        assert {"siret.invalid", "siret.checksum", "scdl.one_of_required"} <= codes, name
        one_of = [i for i in read.issues if i.code == "scdl.one_of_required"]
        assert [i.ctx["row"] for i in one_of] == [9]
        assert not read.valid
    columns = ctg.scdl.read((SCDL_REFERENCE / "exemple_invalide_erreurs_colonnes.csv").read_bytes(), name="x.csv")
    header = [(i.code, i.cell) for i in columns.issues if i.code.startswith("table.header")]
    assert header == [("table.header_unknown", "x!E1"), ("table.header_missing", "x!1:1")]
    # A file object, named by its name.
    with open(SCDL_REFERENCE / "exemple_valide.csv", "rb") as file:
        assert len(ctg.scdl.read(file)) == 29


def test_matching_grants_to_beneficiaries() -> None:
    conv = ctg.sample()
    draft = ctg.scdl.publish(conv, draft=True)
    matches = ctg.scdl.match(draft.grants, conv)
    assert len(matches) == 27 and {m.by for m in matches} == {"name"}
    assert matches[3].to_dict() == {
        "grant": 3,
        "convention": "ctg-81-thore-montagne-noire-2023-2025",
        "beneficiary": "la-petite-loco",
        "by": "name",
    }
    with_siret = publishable()
    published = ctg.scdl.publish(with_siret, rna={"passerelle": "W811000001"})
    by = {m.by for m in ctg.scdl.match(published.grants, [with_siret])}
    # Beneficiaries share one made-up SIRET: by SIRET several match, so those are left out;
    # Passerelle (no SIRET on either side) matches by name.
    assert by == {"name"}
    # One beneficiary with a SIRET: its grants match by SIRET, the others by name.
    doc: dict[str, Any] = ctg.sample().to_dict()
    doc["funding"]["beneficiaries"][1]["siret"] = SIRET
    one = ctg.Convention.from_dict(doc)
    matches = ctg.scdl.match(ctg.scdl.publish(one, draft=True).grants, one)
    by_siret = {m.beneficiary for m in matches if m.by == "siret"}
    assert by_siret == {doc["funding"]["beneficiaries"][1]["id"]}
    assert len(matches) == 27
    assert ctg.scdl.match([], conv) == []


def test_grants_as_frames() -> None:
    grants = ctg.scdl.read(SCDL_REFERENCE / "exemple_valide.csv").grants
    df = ctg.scdl.frame(grants)
    assert list(df.columns) == list(ctg.scdl.COLUMNS)
    assert df["montant"].dtype == pd.ArrowDtype(pa.decimal128(14, 2))
    assert df["notificationUE"].dtype == pd.ArrowDtype(pa.bool_())
    assert Decimal(str(df["montant"].sum())) == sum((g.montant for g in grants), Decimal(0))
    objects = ctg.scdl.frame(grants, decimal="object")
    assert all(isinstance(v, Decimal) for v in objects["montant"])
    polars = ctg.scdl.frame(grants, "polars")
    assert polars.schema["montant"] == pl.Decimal(14, 2)
    assert polars["montant"].sum() == sum((g.montant for g in grants), Decimal(0))
    assert len(ctg.scdl.frame([])) == 0
    # A DataFrame of the dicts works too (object columns).
    assert list(pd.DataFrame([g.to_dict() for g in grants]).columns) == list(ctg.scdl.COLUMNS)


def test_publish_to_a_file(tmp_path: Path) -> None:
    publication = ctg.scdl.publish(publishable(), rna={"passerelle": "W811000001"})
    path = tmp_path / "subventions.csv"
    path.write_bytes(publication.to_bytes())
    assert ctg.scdl.read(path).grants == publication.grants
    assert ctg.scdl.read(io.BytesIO(publication.to_bytes())).grants == publication.grants
    assert repr(publication) == "<Publication 27 grants, 0 issues>"
