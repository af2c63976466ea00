"""Spreadsheets through the Python API: a convention's tables written as CSV and ``.xlsx`` by
ctg-tables' writers (bytes, a path, a file object), tables read back into an ``Import`` whose
issues carry their cell, validated at once with every problem, and the arguments checked."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import ctg
from conftest import FIXTURES, TABLES, THORE

THORE_CSV = TABLES / "thore-montagne-noire-financement.csv"
THORE_XLSX = TABLES / "thore-montagne-noire-financement.xlsx"


def without(conv: ctg.Convention, *sections: str) -> dict[str, Any]:
    doc = conv.to_dict()
    for section in sections:
        doc.pop(section, None)
    return doc


# -- writing --


def test_french_csv_is_what_excel_in_french_reads() -> None:
    data = ctg.sample().to_csv()
    assert isinstance(data, bytes)
    assert data.startswith("\ufeffIdentifiant;Bénéficiaire;Partie;Équipement;".encode("utf-8"))
    text = data.decode("utf-8-sig")
    assert "La Petite Loco;;EAJE (crèche);Petite enfance;;40800,00;40800,00;40800,00;122400,00\r\n" in text
    # pandas reads it with the French settings: money as numbers, the total row as a row.
    df = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(df.columns[-4:]) == ["2023", "2024", "2025", "Total"]
    assert df["Total"].iloc[-1] == 725403.0


def test_english_long_csv() -> None:
    text = ctg.sample().to_csv(lang="en", shape="long").decode("utf-8")
    assert text.startswith("Id,Beneficiary,Party,Facility kind,")
    assert ",2024,40800.00\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-2:] == ["Year", "Amount"]


def test_other_tables_as_csv() -> None:
    conv = ctg.sample()
    plan = conv.to_csv(table="action_plan").decode("utf-8-sig")
    assert plan.startswith("N°;Titre;")
    assert len(plan.splitlines()) == 1 + 16
    parties = conv.to_csv(lang="english", table="parties").decode("utf-8")
    assert parties.startswith("Id,Name,Kind,Role,")


def test_workbook_bytes_path_and_file_object(tmp_path: Path) -> None:
    conv = ctg.sample()
    book = conv.to_excel()
    assert isinstance(book, bytes) and book[:2] == b"PK"
    assert conv.to_excel() == book  # byte for byte the same each time
    path = tmp_path / "thore.xlsx"
    assert conv.to_excel(path) is None
    assert path.read_bytes() == book
    assert conv.to_excel(str(tmp_path / "thore2.xlsx")) is None
    assert (tmp_path / "thore2.xlsx").read_bytes() == book
    buffer = io.BytesIO()
    assert conv.to_excel(buffer) is None
    assert buffer.getvalue() == book
    assert conv.to_csv(tmp_path / "f.csv") is None
    assert (tmp_path / "f.csv").read_bytes() == conv.to_csv()
    imp = ctg.read_excel(book)
    assert [(t.sheet, t.shape, t.header_row) for t in imp.tables] == [
        ("Financement", "funding_wide", 1),
        ("Plan d’actions", "action_plan", 1),
        ("Parties", "parties", 1),
    ]


def test_workbook_tables_chosen_and_in_order() -> None:
    conv = ctg.sample()
    book = conv.to_excel(lang="en", shape="long", tables=["parties", "funding"])
    imp = ctg.read_excel(book)
    assert [(t.sheet, t.shape) for t in imp.tables] == [("Parties", "parties"), ("Funding", "funding_long")]
    # Without a funding section the funding table is left out.
    tarn_agout = ctg.load(FIXTURES / "tarn-agout-2023-2026.json")
    assert tarn_agout.funding is None
    assert [t.shape for t in ctg.read_excel(tarn_agout.to_excel()).tables] == ["action_plan", "parties"]


def test_export_arguments_are_checked() -> None:
    conv = ctg.sample()
    with pytest.raises(ValueError, match="accepted values: fr, en"):
        conv.to_csv(lang="de")
    with pytest.raises(ValueError, match="'wide' or 'long'"):
        conv.to_csv(shape="action_plan")  # type: ignore[call-overload]
    with pytest.raises(ValueError):
        conv.to_csv(shape="diagonal")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="unknown table"):
        conv.to_csv(table="budget")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="given twice"):
        conv.to_excel(tables=["parties", "parties"])
    with pytest.raises(ValueError, match="no table to write"):
        conv.to_excel(tables=[])
    with pytest.raises(TypeError, match="path_or_buffer"):
        conv.to_excel(3)  # type: ignore[call-overload]


# -- reading --


def test_the_thore_table_as_the_caf_typed_it() -> None:
    imp = ctg.read_csv(THORE_CSV, name="Financement.csv")
    assert not imp.has_errors
    assert [(i.code, i.severity, i.cell) for i in imp.issues] == [
        ("table.title_rows", "info", "Financement!4:4"),
        ("table.note_row", "info", "Financement!16:16"),
    ]
    funding = imp.document["funding"]
    assert funding["allocations"][1]["amounts"]["2024"] == "40800.00"
    assert funding["declared"]["total"] == "725403.00"
    # Into the fixture without its funding: the fixture again.
    conv = ctg.read_csv(THORE_CSV, into=without(ctg.load(THORE), "funding")).validate()
    assert conv == ctg.load(THORE)
    # The workbook typed in Excel, the same.
    assert ctg.Convention.from_excel(THORE_XLSX, into=without(ctg.load(THORE), "funding")) == conv
    # Named by its path, its sheet is the file's name (quoted: it has hyphens).
    assert ctg.read_csv(THORE_CSV).issues[0].cell == "'thore-montagne-noire-financement'!4:4"
    assert ctg.read_csv(THORE_CSV).tables[0].file == str(THORE_CSV)


def test_every_problem_at_once_each_at_its_cell() -> None:
    table = (
        "Bénéficiaire;Équipement;2023;2024;2025;Total\n"
        "La Petite Loco;crèche;40 800;12.000;40 800;93 600\n"
        "Les Snorkys;bibliothèque;34 000;34 000;34 000;102 000\n"
        "Passerelle;crèche;1,5;;;1,5\n"
    ).encode("utf-8")
    base = without(ctg.sample(), "funding")
    with pytest.raises(ctg.ValidationError) as raised:
        ctg.Convention.from_csv(table, name="Financement.csv", into=base)
    err = raised.value
    found = [(e["type"], e["cell"]) for e in err.errors("en")]
    assert ("amount.ambiguous", "Financement!D2") in found  # the import's
    assert ("value.unknown", "Financement!B3") in found  # validation's, at the cell its path comes from
    for e in err.errors():
        if e["cell"] is not None:
            assert e["ctx"]["sheet"] == "Financement"
            assert isinstance(e["ctx"]["row"], int)
    # The total column of the row with the unreadable amount is not checked (one mistake, one issue).
    assert not any(e["type"] == "table.total_column_mismatch" and e["cell"] == "Financement!F2" for e in err.errors())
    text = str(err)
    assert "Financement!D2 funding.allocations[0].amounts.2024" in text

    imp = ctg.read_csv(table, name="Financement.csv", into=base)
    assert imp.report() == err.report
    assert imp.cell(("funding", "allocations", 1, "facility_kind")) == "Financement!B3"
    assert imp.cell(["funding", "allocations", 1]) == "Financement!3:3"
    assert imp.cell(("title",)) is None
    assert imp.cell(()) is None
    # An issue found later on the document gets its cell.
    later = ctg.validate(imp.document)
    unknown = next(i for i in later.errors if i.code == "value.unknown")
    assert unknown.cell is None
    assert imp.locate(unknown).cell == "Financement!B3"
    assert imp.locate(unknown).ctx["column"] == "B"
    with pytest.raises(TypeError):
        imp.cell((True,))


def test_several_tables_make_one_document(tmp_path: Path) -> None:
    conv = ctg.sample()
    plan = tmp_path / "Plan.csv"
    plan.write_bytes(conv.to_csv(table="action_plan"))
    imp = ctg.read_tables(
        [
            ("Parties.csv", conv.to_csv(table="parties")),
            plan,
            ("Financement.csv", io.BytesIO(conv.to_csv(shape="long"))),
        ],
        into=without(conv, "funding", "action_sheets", "parties"),
    )
    assert [t.shape for t in imp.tables] == ["parties", "action_plan", "funding_long"]
    assert [t.file for t in imp.tables] == ["Parties.csv", str(plan), "Financement.csv"]
    assert imp.tables[0].to_dict() == {"file": "Parties.csv", "sheet": "Parties", "shape": "parties", "header_row": 1}
    again = imp.validate()
    assert again.to_dict()["funding"] == conv.to_dict()["funding"]
    assert len(again.action_sheets) == 16 and len(again.parties) == len(conv.parties)
    with pytest.raises(TypeError, match="list of files"):
        ctg.read_tables(str(plan))  # a str is an iterable of str: refused at run time
    with pytest.raises(TypeError, match="pair"):
        ctg.read_tables([("a.csv", b"x", b"y")])  # type: ignore[list-item]


def test_into_a_convention_a_dict_or_json_text() -> None:
    conv = ctg.sample()
    table = "Bénéficiaire;Équipement;2024\nPasserelle;crèche;34 000\n".encode("utf-8")
    by_conv = ctg.read_csv(table, into=conv).document
    by_dict = ctg.read_csv(table, into=conv.to_dict()).document
    by_text = ctg.read_csv(table, into=conv.to_json()).document
    assert by_conv == by_dict == by_text
    assert by_conv["title"] == conv.title
    assert by_conv["funding"]["allocations"] == [
        {"beneficiary": "passerelle", "facility_kind": "eaje", "amounts": {"2024": "34000.00"}}
    ]
    with pytest.raises(TypeError, match="into"):
        ctg.read_csv(table, into=[1, 2])  # type: ignore[arg-type]
    # The document imported into is read by core's rules: a Decimal is its plain writing, a
    # duplicate key is refused rather than one of its values dropped.
    assert ctg.read_csv(table, into={"title": "T", "x": Decimal("4.08E+4")}).document["x"] == "40800"
    with pytest.raises(ctg.ValidationError, match="json.duplicate_key"):
        ctg.read_csv(table, into='{"title": "A", "title": "B"}')


def test_a_shape_chosen_and_the_sources_refused() -> None:
    imp = ctg.read_csv(b"N;Titre\n1;A\n", shape="parties")
    assert [i.code for i in imp.issues] == ["table.no_header"]
    assert imp.has_errors and imp.tables == []
    with pytest.raises(ctg.ValidationError):
        imp.validate()
    with pytest.raises(ValueError):
        ctg.read_csv(b"", shape="budget")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a table is a path"):
        ctg.read_excel(42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        ctg.read_excel(Path("/nonexistent/table.xlsx"))
    # Text from a text file object is read as its UTF-8.
    imp = ctg.read_csv(io.StringIO("Bénéficiaire;2024\nPasserelle;34 000\n"))
    assert imp.document["funding"]["allocations"][0]["amounts"] == {"2024": "34000.00"}
    assert repr(imp).startswith('<Import [funding_wide "table"]')


def test_parties_completed_from_the_official_geography() -> None:
    table = "Nom;Type;Rôle\nSt-Amans-Soult;commune;signataire\nLavaur;commune;signataire\n".encode("utf-8")
    without_geo = ctg.read_csv(table, name="Parties.csv")
    assert "insee" not in without_geo.document["parties"][0]
    imp = ctg.read_csv(table, name="Parties.csv", geography=True)
    said = [(i.code, i.cell) for i in imp.issues]
    assert said[0] == ("table.name_resolved", "Parties!A2")
    assert said[1] == ("table.name_ambiguous", "Parties!A3")  # two Lavaur: never guessed
    parties = imp.document["parties"]
    assert parties[0]["insee"] == "81238" and parties[0]["name"] == "Saint-Amans-Soult"
    assert "insee" not in parties[1]
    assert ctg.read_csv(table, name="Parties.csv", geography=ctg.geography()).document == imp.document
    with pytest.raises(TypeError, match="geography"):
        ctg.read_csv(table, geography="yes")  # type: ignore[arg-type]


def test_issues_of_tables_pickle_and_compare() -> None:
    import pickle

    imp = ctg.read_csv(b"B\xe9n\xe9ficiaire;2024\nPasserelle;12.000\n", name="F.csv")
    issue = next(i for i in imp.issues if i.code == "amount.ambiguous")
    assert issue.cell == "F!B2"
    assert pickle.loads(pickle.dumps(issue)) == issue
    assert pickle.loads(pickle.dumps(issue)).cell == "F!B2"
    assert issue.to_text("en").startswith("error [amount.ambiguous] F!B2 funding.allocations[0].amounts.2024")


def test_json_of_an_import_is_canonical() -> None:
    imp = ctg.read_csv(THORE_CSV)
    assert json.loads(json.dumps(imp.document)) == imp.document
    assert imp.document is not imp.document  # a new dict each time
