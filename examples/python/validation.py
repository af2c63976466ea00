"""Validating with ctg: every issue with its data, in French or English, within limits.

    python examples/python/validation.py

Checked with ``mypy --strict`` and run by the tests (``ctg-py/tests/test_example.py``). Every
message printed here is core's; the script only chooses what to show.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import ctg

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def broken_document() -> dict[str, Any]:
    """The sample with three mistakes: a float amount, a declared total one euro off, a typo."""
    doc: dict[str, Any] = json.loads(ctg.sample_json())
    doc["funding"]["allocations"][3]["amounts"]["2024"] = 40800.5  # a float: refused
    doc["funding"]["declared"]["yearly"]["2023"] = "241 800 €"  # the sum is 241 801 €
    doc["colour"] = "bleu"  # an unknown field: a warning
    return doc


def show_errors(doc: dict[str, Any]) -> None:
    try:
        ctg.Convention.from_dict(doc)
    except ctg.ValidationError as err:
        print(err)  # core's summary and one line per issue, in the current language
        for error in err.errors():
            if error["type"] == ctg.IssueCode.FUNDING_YEAR_TOTAL_MISMATCH:
                declared = error["ctx"]["declared"]
                computed = error["ctx"]["computed"]
                assert isinstance(declared, Decimal) and isinstance(computed, Decimal)
                print(f"{error['path']}: declared {declared}, computed {computed}, off by {computed - declared}")
        print("warnings:", [w["type"] for w in err.warnings()])


def main() -> None:
    doc = broken_document()
    show_errors(doc)  # French, the default
    with ctg.language("en"):  # English in this block only (and this thread or task only)
        show_errors(doc)

    # Limits: how much is read before validation stops (core's defaults otherwise).
    report = ctg.validate(doc, limits=ctg.Limits(max_issues=1))
    print("truncated:", report.truncated, [i.code for i in report.infos], report.summary("en"))

    # The catalogue: every code with its severity.
    severities = Counter(code.severity for code in ctg.IssueCode)
    print("codes:", len(ctg.IssueCode), dict(sorted(severities.items())))

    # Absent is not zero: a convention without a funding section has no totals.
    for path in sorted(FIXTURES.glob("*.json")):
        conv = ctg.load(path)
        totals = conv.totals()
        money = "no funding section" if totals is None else ctg.format_amount(totals.total, "en")
        print(f"{conv.id}: {money}")


if __name__ == "__main__":
    main()
