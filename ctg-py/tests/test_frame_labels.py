"""Frames with ``labels="fr"`` or ``"en"``: headers are core's labels — the very headers the
table writers print — and vocabulary values core's labels; nothing else changes (rows, types,
exact money)."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from typing import Any, cast

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import ctg
from ctg import _ctg, _frames
from conftest import FIXTURES

TABLES: tuple[ctg.Table, ...] = ("allocations", "action_sheets", "indicators", "execution")


def header_of(conv: ctg.Convention, lang: str, shape: str) -> list[str]:
    data = conv.to_csv(lang=lang, shape=shape)  # type: ignore[call-overload]
    text = data.decode("utf-8-sig")
    return next(csv.reader(io.StringIO(text), delimiter=";" if lang == "fr" else ","))


def test_every_column_has_a_label_of_core() -> None:
    columns = set()
    for schema in (
        _frames.ALLOCATION_COLUMNS,
        _frames.ACTION_SHEET_COLUMNS,
        _frames.INDICATOR_COLUMNS,
        _frames.EXECUTION_COLUMNS,
        _frames.EXPIRY_COLUMNS,
        _frames.COVERAGE_COLUMNS,
    ):
        columns |= set(schema)
    assert columns <= set(_frames.HEADERS)
    for lang in ("fr", "en"):
        for code in _frames.HEADERS.values():
            assert _ctg._label(code, lang)
    with pytest.raises(ValueError, match="no label"):
        _ctg._label("colour", "fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_allocations_are_headed_as_the_long_table(lang: ctg.Labels) -> None:
    conv = ctg.sample()
    df = conv.allocations_frame(labels=lang)
    long = header_of(conv, lang, "long")
    assert list(df.columns)[0] == "Convention"
    assert set(df.columns[1:]) <= set(long)
    # The values are the table's words: the CSV's column of facility kinds has the same labels.
    rows = list(csv.DictReader(io.StringIO(conv.to_csv(lang=lang, shape="long").decode("utf-8-sig")), delimiter=";" if lang == "fr" else ","))
    kind = "Équipement" if lang == "fr" else "Facility kind"
    assert set(df[kind]) == {r[kind] for r in rows if r[kind]}
    plain = conv.allocations_frame()
    assert len(df) == len(plain)
    assert list(df.iloc[:, -1]) == list(plain["amount"])  # the money untouched, still exact
    assert df.dtypes.iloc[-1] == pd.ArrowDtype(pa.decimal128(14, 2))


def test_french_words() -> None:
    conv = ctg.sample()
    df = conv.allocations_frame(labels="fr")
    assert list(df.columns) == ["Convention", "Identifiant", "Bénéficiaire", "Équipement", "Domaine", "Libellé", "Année", "Montant"]
    assert "EAJE (crèche)" in set(df["Équipement"])
    assert ctg.FacilityKind.EAJE.label_fr == "EAJE (crèche)"
    assert "Petite enfance" in set(df["Domaine"])
    sheets = conv.action_sheets_frame(labels="fr")
    assert list(sheets.columns) == ["Convention", "N°", "Titre", "Domaines", "Pilote", "Public cible", "Statut", "Budget", "Indicateurs"]
    assert set(sheets["Statut"]) <= {s.label_fr for s in ctg.ActionStatus}
    assert all(isinstance(d, list) or hasattr(d, "__len__") for d in sheets["Domaines"])
    english = conv.action_sheets_frame("polars", labels="en")
    assert english.columns[:3] == ["Convention", "No.", "Title"]
    assert set(english["Status"]) <= {s.label_en for s in ctg.ActionStatus}


def test_every_table_and_language_keeps_rows_and_types() -> None:
    conventions = [ctg.load(p) for p in sorted(FIXTURES.glob("*.json"))]
    for table in TABLES:
        plain = ctg.frame(conventions, table=table)
        # Any name core reads as a language ("EN", "français") works; the type says "fr" or "en".
        for lang in ("fr", "en", "EN", "français"):
            labelled = ctg.frame(conventions, table=table, labels=cast(ctg.Labels, lang))
            assert labelled.shape == plain.shape, (table, lang)
            assert len(set(labelled.columns)) == len(labelled.columns), (table, lang)
            assert list(labelled.dtypes) == list(plain.dtypes), (table, lang)
        polars = ctg.frame(conventions, "polars", table=table, labels="fr")
        assert polars.shape == plain.shape
    with pytest.raises(ValueError):
        ctg.frame(conventions, labels="de")  # type: ignore[call-overload]


def test_a_custom_domain_is_its_own_label() -> None:
    doc: dict[str, Any] = ctg.sample().to_dict()
    doc["funding"]["allocations"][0]["domain"] = "Sport et loisirs"
    conv = ctg.Convention.from_dict(doc)
    df = conv.allocations_frame(labels="en", decimal="object")
    assert df["Domain"].iloc[0] == "Sport et loisirs"
    assert isinstance(df["Amount"].iloc[0], Decimal)


def test_expiry_and_coverage() -> None:
    conv = ctg.sample()
    expiry = ctg.expiry_frame([conv], datetime.date(2024, 6, 1), labels="fr")
    assert list(expiry.columns) == ["Convention", "Titre", "Date de fin", "Mois avant l’échéance", "Statut"]
    assert expiry["Statut"].iloc[0] == ctg.ConventionStatus.IN_FORCE.label_fr
    coverage = ctg.coverage_frame([conv], labels="en")
    assert list(coverage.columns) == ["Convention", "INSEE code", "Name", "Département", "Population", "Parties", "Former codes"]
    assert list(conv.coverage().frame("polars", labels="fr").columns)[:2] == ["Code INSEE", "Nom"]
    execution = conv.execution_frame(labels="fr")
    assert list(execution.columns)[-3:] == ["Prévu", "Versé", "Écart"]
    indicators = ctg.load(FIXTURES / "terres-des-confluences-2023-2027.json").indicators_frame(labels="en")
    assert list(indicators.columns)[1:4] == ["Action sheet", "Action sheet title", "Indicator"]
