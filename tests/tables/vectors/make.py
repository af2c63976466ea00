#!/usr/bin/env python3
"""Writes the shared table vectors: each input table (exact bytes) and its hand-written
expectation. Standard library only. The `.xlsx` inputs are made by
`cargo run -p ctg-tables --example make_workbooks` (rust_xlsxwriter, independently of ctg's writer).

The expectations below are written by hand from the rules (tests/tables/vectors/README.md), never
by running ctg: a disagreement is a bug to understand on either side.

Run from anywhere: python3 tests/tables/vectors/make.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent

NBSP = "\u00a0"
NNBSP = "\u202f"


def base():
    """The Thoré fixture without its funding: what the vectors import into."""
    doc = json.loads((ROOT / "tests/fixtures/thore-montagne-noire-2023-2025.json").read_text("utf-8"))
    del doc["funding"]
    return doc


def csv(rows, sep=";"):
    def cell(c):
        if (sep in c or "\n" in c) and not c.startswith('"'):
            return '"' + c.replace('"', '""') + '"'
        return c
    return "\r\n".join(sep.join(cell(c) for c in r) for r in rows) + "\r\n"


def issue(code, severity, sheet=None, row=None, column=None):
    return {"code": code, "severity": severity, "sheet": sheet, "row": row, "column": column}


VECTORS = []


def vector(name, description, data, expect, input_name="Financement.csv", into="base.json", shape=None, ext="csv"):
    file = f"{name}.{ext}"
    if data is not None:
        (HERE / file).write_bytes(data)
    v = {"description": description, "input": file, "name": input_name}
    if into:
        v["into"] = into
    if shape:
        v["shape"] = shape
    v["expect"] = expect
    VECTORS.append((name, v))


F = "Financement"

# -- valid writings ---------------------------------------------------------------------------
vector(
    "wide-fr-decimal-comma",
    "French export: UTF-8 with a byte order mark, ';', decimal comma, thousands separated by a "
    "space, U+00A0 and U+202F, '€' after the amount, a total column and a total row that add up.",
    ("\ufeff" + csv([
        ["Bénéficiaire", "Équipement", "Domaine", "2023", "2024", "2025", "Total"],
        ["La Petite Loco", "crèche", "Petite enfance", "40 800,50 €", f"40{NBSP}800,50 €", f"40{NNBSP}800,50 €", "122 401,50 €"],
        ["Passerelle", "EAJE", "Petite enfance", "1 234,56", "", "1 234,56", "2 469,12"],
        ["Total", "", "", "42 035,06", "40 800,50", "42 035,06", "124 870,62"],
    ])).encode("utf-8"),
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 1}],
     "valid": True, "issues": [],
     "totals": {"total": "124870.62", "by_year": {"2023": "42035.06", "2024": "40800.50", "2025": "42035.06"}},
     "declared": {"yearly": {"2023": "42035.06", "2024": "40800.50", "2025": "42035.06"}, "total": "124870.62"}},
)

vector(
    "wide-en-comma",
    "English export: ',' separator, quoted amounts with ',' thousands and '.' decimals, '€' "
    "before the amount, English headers and labels.",
    csv([
        ["Beneficiary", "Facility kind", "Domain", "2023", "2024", "2025", "Total"],
        ["La Petite Loco", "Childcare centre (EAJE)", "Early childhood", '"40,800.50"', '"€40,800.50"', '"40,800.50"', '"122,401.50"'],
        ["Total", "", "", '"40,800.50"', '"40,800.50"', '"40,800.50"', '"122,401.50"'],
    ], sep=",").encode("utf-8"),
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 1}],
     "valid": True, "issues": [],
     "totals": {"total": "122401.50", "by_year": {"2023": "40800.50", "2024": "40800.50", "2025": "40800.50"}}},
)

vector(
    "wide-windows-1252",
    "A Windows-1252 file (Excel's 'CSV (séparateur: point-virgule)'): é, É, ’ and € are single "
    "bytes; the name's curly apostrophe is dropped from its id.",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025", "Total"],
        ["Les Snorky’s", "crèche", "34 000 €", "34 000 €", "34 000 €", "102 000 €"],
    ]).encode("cp1252"),
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 1}],
     "valid": True, "issues": [],
     "totals": {"total": "102000.00", "by_beneficiary": {"les-snorkys": "102000.00"}}},
)

vector(
    "wide-dot-thousands",
    "Dots separating thousands with a decimal comma ('1.234.567,00', '2.345,50'): one reading "
    "each, accepted.",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025", "Total"],
        ["Passerelle", "crèche", "1.234.567,00", "2.345,50", "1.000,00", "1.237.912,50"],
    ]).encode("utf-8"),
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 1}],
     "valid": True, "issues": [],
     "totals": {"total": "1237912.50", "by_year": {"2023": "1234567.00", "2024": "2345.50", "2025": "1000.00"}}},
)

vector(
    "wide-title-rows-blank-lines",
    "Title rows and a blank row above the header, blank lines between data rows: the titles are "
    "said (information at the header's row), blank lines are no data.",
    csv([
        ["CTG Thoré Montagne Noire", "", "", "", ""],
        ["Financement de la Caf", "", "", "", ""],
        [""],
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025"],
        [""],
        ["La Petite Loco", "crèche", "40 800", "40 800", "40 800"],
        [""],
        ["Passerelle", "crèche", "34 000", "34 000", "34 000"],
    ]).encode("utf-8"),
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 4}],
     "valid": True, "issues": [issue("table.title_rows", "info", F, 4)],
     "totals": {"total": "224400.00", "by_year": {"2023": "74800.00", "2024": "74800.00", "2025": "74800.00"}}},
)

vector(
    "wide-unknown-header",
    "A column the table does not know ('Observations') is not read, with a warning at its header "
    "cell.",
    csv([
        ["Bénéficiaire", "Équipement", "Observations", "2023", "2024", "2025"],
        ["Passerelle", "crèche", "à revoir", "34 000", "34 000", "34 000"],
    ]).encode("utf-8"),
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 1}],
     "valid": True, "issues": [issue("table.header_unknown", "warning", F, 1, "C")],
     "totals": {"total": "102000.00"}},
)

vector(
    "long-fr",
    "The long shape: one row per allocation and year; 'Total' rows give the declared totals "
    "(with a year: that year's; without: the period's). 2025 has no funding: a warning on the "
    "funding section, which points at the sheet (core's totals list every year of the period).",
    csv([
        ["Bénéficiaire", "Équipement", "Domaine", "Année", "Montant"],
        ["La Petite Loco", "crèche", "Petite enfance", "2023", "40 800 €"],
        ["La Petite Loco", "crèche", "Petite enfance", "2024", "40 800 €"],
        ["Passerelle", "crèche", "Petite enfance", "2023", "34 000 €"],
        ["Total", "", "", "2023", "74 800 €"],
        ["Total", "", "", "", "115 600 €"],
    ]).encode("utf-8"),
    {"tables": [{"sheet": F, "shape": "funding_long", "header_row": 1}],
     "valid": True, "issues": [issue("funding.year_without_funding", "warning", F)],
     "totals": {"total": "115600.00", "by_year": {"2023": "74800.00", "2024": "40800.00", "2025": "0.00"}},
     "declared": {"yearly": {"2023": "74800.00"}, "total": "115600.00"}},
)

# -- problems, each with its cell -----------------------------------------------------------------
vector(
    "wide-bad-byte",
    "Byte 0x81 is neither UTF-8 nor a Windows-1252 character: refused at its cell, never guessed.",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025"],
        ["Passe\x81relle", "crèche", "34 000", "34 000", "34 000"],
    ]).encode("latin-1"),
    {"valid": False, "issues": [issue("table.encoding", "error", F, 2, "A")]},
)

vector(
    "wide-ambiguous-amount",
    "'12.000' can be twelve thousand or twelve: refused at its cell with both readings; the "
    "total column of that row is not checked (one mistake, one issue).",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025", "Total"],
        ["Passerelle", "crèche", "34 000", "12.000", "34 000", "80 000"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("amount.ambiguous", "error", F, 2, "D")]},
)

vector(
    "wide-total-row-mismatch",
    "The total row says 74 000 € for 2024, the column adds up to 74 800 €: one error at that "
    "cell (validation's own year_total_mismatch on the same cell is the same problem, not "
    "repeated).",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025", "Total"],
        ["La Petite Loco", "crèche", "40 800", "40 800", "40 800", "122 400"],
        ["Passerelle", "crèche", "34 000", "34 000", "34 000", "102 000"],
        ["Total", "", "74 800", "74 000", "74 800", "224 400"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("table.total_row_mismatch", "error", F, 4, "D")]},
)

vector(
    "wide-total-column-mismatch",
    "The total column says 122 000 € for a row that adds up to 122 400 €.",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025", "Total"],
        ["La Petite Loco", "crèche", "40 800", "40 800", "40 800", "122 000"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("table.total_column_mismatch", "error", F, 2, "F")]},
)

vector(
    "wide-duplicate-beneficiary",
    "The same beneficiary and facility on two rows: the second is refused (one of them would be "
    "lost or counted twice).",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025"],
        ["La Petite Loco", "crèche", "40 800", "40 800", "40 800"],
        ["Passerelle", "crèche", "34 000", "34 000", "34 000"],
        ["La Petite Loco", "crèche", "1 000", "1 000", "1 000"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("table.duplicate_row", "error", F, 4, "A")]},
)

vector(
    "wide-siret-scientific",
    "A SIRET a spreadsheet turned into '8,03E+13': its last digits are lost; refused with the "
    "hint, never rounded into an identifier.",
    csv([
        ["Bénéficiaire", "SIRET", "Équipement", "2023", "2024", "2025"],
        ["La Petite Loco", "8,03E+13", "crèche", "40 800", "40 800", "40 800"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("siret.invalid", "error", F, 2, "B")]},
)

vector(
    "wide-missing-beneficiary",
    "Amounts on a row without a beneficiary: an empty required cell.",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025"],
        ["La Petite Loco", "crèche", "40 800", "40 800", "40 800"],
        ["", "crèche", "1 000", "1 000", "1 000"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("table.cell_missing", "error", F, 3, "A")]},
)

vector(
    "wide-facility-unknown",
    "A facility kind ctg does not know: validation's value.unknown, given the cell it comes from.",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025"],
        ["Médiathèque", "bibliothèque", "1 000", "1 000", "1 000"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("value.unknown", "error", F, 2, "B")]},
)

vector(
    "wide-year-outside-period",
    "A 2026 column in a 2023-2025 convention: validation's year_outside_period, at the cell.",
    csv([
        ["Bénéficiaire", "Équipement", "2023", "2024", "2025", "2026"],
        ["Passerelle", "crèche", "34 000", "34 000", "34 000", "34 000"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("funding.year_outside_period", "error", F, 2, "F")]},
)

vector(
    "no-header",
    "No row looks like the header of a known table: nothing is imported.",
    csv([["Nom du fichier", "Date"], ["export", "2024-01-01"]]).encode("utf-8"),
    {"tables": [], "valid": False, "issues": [issue("table.no_header", "error", F)]},
)

vector(
    "long-duplicate-year",
    "The long shape with the same allocation twice for 2024.",
    csv([
        ["Bénéficiaire", "Équipement", "Année", "Montant"],
        ["Passerelle", "crèche", "2024", "34 000"],
        ["Passerelle", "crèche", "2024", "34 000"],
        ["Passerelle", "crèche", "2023", "34 000"],
        ["Passerelle", "crèche", "2025", "34 000"],
    ]).encode("utf-8"),
    {"valid": False, "issues": [issue("table.duplicate_row", "error", F, 3, "A")]},
)

vector(
    "action-plan-fr",
    "An action plan replacing the fixture's 16 sheets: a lead by name and an objective by title "
    "resolve to their ids, lists in one cell, a start date as an Excel serial number (44927, "
    "1 January 2023: said as an information), a French date, French statuses.",
    csv([
        ["N°", "Intitulé", "Domaines", "Objectifs", "Pilote", "Partenaires", "Début", "Fin", "Statut", "Indicateurs"],
        ["1", "Créer un groupe projet handicap", "Handicap", "Connaître les publics en situation de handicap",
         "CC Thoré Montagne Noire", "PMI; Mission locale", "44927", "31/12/2025", "en cours",
         "Nombre de réunions; Familles accompagnées"],
        ["2", "Guide numérique des services", "Accès aux droits", "obj-5", "cc-thore-montagne-noire", "",
         "01/03/2023", "", "prévue", ""],
    ]).encode("utf-8"),
    {"tables": [{"sheet": "Plan", "shape": "action_plan", "header_row": 1}],
     "valid": True, "issues": [issue("table.date_serial", "info", "Plan", 2, "G")], "totals": None},
    input_name="Plan.csv",
)

vector(
    "parties-fr",
    "A parties table replacing the fixture's: ids from names, French kinds and roles; an INSEE "
    "code that lost its leading zero in a spreadsheet ('1005') is refused at its cell, not padded.",
    csv([
        ["Nom", "Type", "Rôle", "Code INSEE", "SIREN", "Département"],
        ["Caisse d'allocations familiales du Tarn", "Caf", "caf", "", "", "81"],
        ["CC Thoré Montagne Noire", "CC", "signataire", "", "248100745", ""],
        ["Albine", "commune", "signataire", "1005", "218100055", "81"],
    ]).encode("utf-8"),
    {"tables": [{"sheet": "Parties", "shape": "parties", "header_row": 1}],
     "valid": False, "issues": [issue("insee.invalid", "error", "Parties", 4, "D")]},
    input_name="Parties.csv",
)

# -- workbooks (made by the make_workbooks example) ------------------------------------------------
vector(
    "xlsx-text-numbers",
    "An .xlsx workbook: a merged title row; amounts stored as text ('40800', '40 800,00 €', "
    "'40800.00'), read by the same rules as any text; numbers with cents read by their value; a "
    "SIRET stored as a number (exact: 14 digits fit a binary float) read as its digits.",
    None,
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 2}],
     "valid": True, "issues": [issue("table.title_rows", "info", F, 2)],
     "totals": {"total": "190400.85", "by_year": {"2023": "74800.50", "2024": "74800.25", "2025": "40800.10"}}},
    input_name="xlsx-text-numbers.xlsx", ext="xlsx",
)

vector(
    "xlsx-float-amounts",
    "Number cells whose binary value is no cent amount: '=0.1+0.2' is stored as "
    "0.30000000000000004 and 1.234 is 1.234 — both too precise (read by value, so 1.234 is not "
    "'ambiguous': a number cell has no separators).",
    None,
    {"valid": False, "issues": [issue("amount.too_precise", "error", F, 2, "C"),
                                issue("amount.too_precise", "error", F, 2, "D")]},
    input_name="xlsx-float-amounts.xlsx", ext="xlsx",
)

vector(
    "thore-xlsx",
    "The Thoré table typed in Excel (see ../thore-montagne-noire-financement.xlsx): into the "
    "fixture without its funding, it is the fixture again.",
    None,
    {"tables": [{"sheet": F, "shape": "funding_wide", "header_row": 3}],
     "valid": True,
     "issues": [issue("table.title_rows", "info", F, 3), issue("table.note_row", "info", F, 15)],
     "totals": {"total": "725403.00", "by_year": {"2023": "241801.00", "2024": "241801.00", "2025": "241801.00"},
                "coordination_share": "0.1675"}},
    input_name="thore-montagne-noire-financement.xlsx", ext="xlsx",
)


def main():
    (HERE / "base.json").write_text(json.dumps(base(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    for name, v in VECTORS:
        if name == "thore-xlsx":
            v["input"] = "../thore-montagne-noire-financement.xlsx"
        (HERE / f"{name}.json").write_text(json.dumps(v, ensure_ascii=False, indent=2) + "\n", "utf-8")
        assert (HERE / v["input"]).exists(), v["input"]
    print(f"{len(VECTORS)} vectors")


if __name__ == "__main__":
    main()
