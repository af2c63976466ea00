"""Spreadsheets and open data with ctg: the funding table of the CC Thoré Montagne Noire as the
Caf sent it (French CSV, title rows, amounts written ``40 800 €``, a total row and column, a note
below), read with every issue at its cell, validated into the convention, written back as a clean
French ``.xlsx``, looked at as a French data frame, and published as SCDL *Subventions* open data.

    python examples/python/spreadsheets.py [--output DIR]

Checked with ``mypy --strict`` and run by the tests (``ctg-py/tests/test_example.py``). Every
rule, header, label and message printed here is ctg-tables' or core's; the script only chooses
what to show.
"""

from __future__ import annotations

import argparse
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import ctg

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO / "tests" / "tables" / "thore-montagne-noire-financement.csv"
FIXTURE = REPO / "tests" / "fixtures" / "thore-montagne-noire-2023-2025.json"


def the_convention_without_its_funding() -> dict[str, Any]:
    """What the table goes into: the convention as the territory keeps it, without its funding
    (the table brings it)."""
    doc = ctg.load(FIXTURE).to_dict()
    del doc["funding"]
    return doc


def read_the_table(base: dict[str, Any]) -> ctg.Convention:
    """The table as the Caf sent it: the import says what it made of each part of the file, at
    its cell, then validation gives the convention."""
    imp = ctg.read_csv(TABLE, name="Financement.csv", into=base)
    for table in imp.tables:
        print(f"table: {table.shape} in {table.sheet}, header at row {table.header_row}")
    for issue in imp.issues:
        print(f"  {issue.severity} {issue.cell} [{issue.code}] {issue.message('en')}")
    conv = imp.validate()
    totals = conv.totals()
    assert totals is not None
    print(f"valid: {len(conv.funding.allocations) if conv.funding else 0} allocations, "
          f"{ctg.format_amount(totals.total, 'en')} over {conv.period}")
    return conv


def a_copy_with_mistakes(base: dict[str, Any]) -> None:
    """The same table as someone retyped it: ``12.000`` (twelve thousand, or twelve?) and a
    facility kind core does not know. Every problem is raised at once, each at its cell."""
    text = TABLE.read_bytes().decode("utf-8-sig")
    text = text.replace("40 800 €;40 800 €;40 800 €", "40 800 €;12.000;40 800 €", 1)
    text = text.replace("les-galopins;Les Galopins;;EAJE", "les-galopins;Les Galopins;;bibliothèque", 1)
    try:
        ctg.Convention.from_csv(text.encode("utf-8"), name="Financement.csv", into=base)
    except ctg.ValidationError as err:
        print(err.report.summary("en"))
        for error in err.errors("en"):
            print(f"  {error['cell']} {error['type']}: {error['msg']}")


def write_a_clean_workbook(conv: ctg.Convention, output: Path) -> Path:
    """The convention's tables as the Caf's officers open them: French sheets and headers, money
    as numbers in a euro format, totals as SUM formulas; and the funding as a French frame."""
    path = output / "thore-montagne-noire.xlsx"
    conv.to_excel(path, lang="fr")
    sheets = [t.sheet for t in ctg.read_excel(path).tables]
    print(f"workbook: {path.name}, sheets {sheets}")
    frame = conv.allocations_frame(labels="fr")
    by_kind = frame.groupby("Équipement")["Montant"].sum()
    for kind, amount in by_kind.items():
        # Arrow decimal sums are exact: Decimal values.
        print(f"  {kind}: {ctg.format_amount(Decimal(str(amount)), 'fr')}")
    return path


def publish_the_grants(conv: ctg.Convention, output: Path) -> None:
    """SCDL Subventions: the fixture has no SIRET for the Caf or the operators, so publishing
    says what is missing; a draft has those cells empty, reads back and matches the
    beneficiaries."""
    try:
        ctg.scdl.publish(conv)
    except ctg.ValidationError as err:
        missing = sorted({e["type"] for e in err.errors()})
        print(f"not publishable yet: {err.report.summary('en')} {missing}")
    draft = ctg.scdl.publish(conv, draft=True)
    path = output / "subventions.csv"
    path.write_bytes(draft.to_bytes())
    read = ctg.scdl.read(path)
    matched = ctg.scdl.match(read.grants, conv)
    print(f"draft: {len(draft.grants)} grants, {len(matched)} matched to beneficiaries by "
          f"{sorted({m.by for m in matched})}")
    grants = ctg.scdl.frame(read.grants)
    per_year = grants.groupby("datesPeriodeVersement")["montant"].sum()
    for period, amount in per_year.items():
        print(f"  {period}: {amount}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, help="folder for the workbook and the SCDL file (default: a temporary one)")
    args = parser.parse_args()
    base = the_convention_without_its_funding()
    conv = read_the_table(base)
    print("same as the fixture:", conv == ctg.load(FIXTURE))
    a_copy_with_mistakes(base)
    with tempfile.TemporaryDirectory() as temporary:
        output: Path = args.output or Path(temporary)
        output.mkdir(parents=True, exist_ok=True)
        write_a_clean_workbook(conv, output)
        publish_the_grants(conv, output)


if __name__ == "__main__":
    main()
