"""The life of a convention with ctg: build one in code, amend it, read the text in force at a
date, compare two versions and a renewal, evaluate a year, and put it all in data frames.

    python examples/python/life.py

Checked with ``mypy --strict`` and run by the tests (``ctg-py/tests/test_example.py``). Every
rule, total and text printed here is core's; the script only chooses what to show.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd

import ctg

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
PERIOD = ctg.Period(2024, 2026)


def build() -> ctg.Convention:
    """A small CTG, built part by part and validated like any document."""
    caf = ctg.Party("caf-82", "Caf de Tarn-et-Garonne", kind="caf", role="caf", departement="82")
    cc = ctg.Party(
        "cc-exemple",
        "CC Exemple",
        kind="Communauté de communes",  # a label, read by core
        role=ctg.PartyRole.SIGNATORY,
        siren="200071876",
        members=["82001", "82002"],
    )
    places = ctg.Indicator(
        "places d'accueil",
        unit="places",
        baseline=45,
        target=80,
        measurements=[ctg.Measurement("01/09/2024", 59)],
    )
    creche = ctg.ActionSheet(
        1,
        "Ouvrir une crèche de 35 places",
        domains=["Petite enfance"],
        lead="cc-exemple",
        end=datetime.date(2025, 6, 30),
        status="en cours",
        indicators=[places, ctg.Indicator("familles accueillies", baseline=0, target=35)],
    )
    # 100 000 € over the three years, to the cent; 60 000 € a year between two operators,
    # weighted by their places.
    rpe = ctg.Allocation.spread("rpe", "rpe", Decimal("100000"), PERIOD, domain="petite_enfance")
    shares = ctg.split_amount(Decimal("60000"), [35, 25])
    lutins = ctg.Allocation(
        "lutins",
        "eaje",
        domain="petite_enfance",
        amounts={year: shares[0] for year in PERIOD.years},
        paid={2024: Decimal("33500")},  # what the Caf actually paid in 2024
    )
    mjc = ctg.Allocation("mjc", "jeunesse", amounts={year: shares[1] for year in PERIOD.years})
    return ctg.Convention.build(
        "ctg-82-exemple-2024-2026",
        "CTG de la CC Exemple 2024-2026",
        PERIOD,
        parties=[caf, cc],
        domains=[ctg.ThematicDomain.PETITE_ENFANCE, "jeunesse"],
        signature=ctg.Signature(datetime.date(2024, 1, 16)),
        action_sheets=[creche, "Créer un espace jeunes"],  # the second numbered after the first
        beneficiaries=[
            ctg.Beneficiary("rpe", "RPE intercommunal", party="cc-exemple"),
            ctg.Beneficiary("lutins", "Crèche Les Lutins"),
            ctg.Beneficiary("mjc", "MJC"),
        ],
        allocations=[rpe, lutins, mjc],
        declare_totals=True,  # the totals the allocations add up to, as people compute them
    )


def amend(conv: ctg.Convention) -> ctg.Convention:
    """The same convention with two amendments, made from edits: each edit gives a new
    convention, and its diff gives the changes the amendment holds."""
    raised = conv.with_amount("lutins", "eaje", 2025, Decimal("38000"), domain="petite_enfance", restate_totals=True)
    first = ctg.Amendment(1, datetime.date(2024, 9, 1), "Crèche Les Lutins : 38 000 € en 2025", changes=conv.diff(raised).changes)
    sheet = ctg.ActionSheet(raised.next_action_sheet_number(), "Ouvrir un LAEP", domains=["parentalite"], lead="cc-exemple")
    second = ctg.Amendment(
        2,
        datetime.date(2025, 2, 1),
        "Fiche 3 : lieu d'accueil enfants-parents",
        changes=[ctg.DomainChange(after="Parentalité"), ctg.ActionSheetChange(after=sheet)],
    )
    amended = ctg.Convention.build(
        conv.id,
        conv.title,
        conv.period,
        parties=conv.parties,
        domains=conv.domains,
        signature=conv.signature,
        action_sheets=conv.action_sheets,
        beneficiaries=conv.funding.beneficiaries if conv.funding else None,
        allocations=conv.funding.allocations if conv.funding else None,
        declared=conv.funding.declared if conv.funding else None,
        amendments=[first, second],
    )
    assert conv.amendments == () and len(amended.amendments) == 2  # conv itself never changes
    return amended


def main() -> None:
    conv = build()
    totals = conv.totals()
    assert totals is not None
    print(conv)
    print("declared:", ctg.format_amount(totals.total), dict(totals.by_year))

    # A value core refuses is reported with every other problem of the call.
    try:
        ctg.Allocation("mjc", "jeunesse", amounts={2024: "12.000", 2025: -5})
    except ctg.ValidationError as err:
        print("refused:", [(e["type"], e["loc"]) for e in err.errors()])

    amended = amend(conv)
    for day in (datetime.date(2024, 6, 1), datetime.date(2024, 12, 1), datetime.date(2025, 6, 1)):
        in_force = amended.as_of(day)
        in_force_totals = in_force.convention.totals()
        assert in_force_totals is not None
        print(
            f"in force on {day}: amendments {[a.number for a in in_force.applied]}, "
            f"pending {[a.number for a in in_force.pending]}, "
            f"{len(in_force.convention.action_sheets)} sheets, {ctg.format_amount(in_force_totals.total, 'en')}"
        )
    for change in amended.amendments[0].changes:
        if isinstance(change, ctg.AmountChange):
            print(f"amendment 1: {change.subject} {change.before} → {change.after} ({change.difference:+})")

    last = amended.as_of(datetime.date(2025, 6, 1)).convention
    diff = ctg.diff(conv, last)
    print(diff.to_text("en"), end="")
    frame: pd.DataFrame = diff.frame()
    print(frame[["kind", "subject", "before_amount", "after_amount", "difference"]].to_string(index=False))

    previous = ctg.load(FIXTURES / "illustrative" / "tarn-agout-2019-2022.json")
    renewal = ctg.load(FIXTURES / "tarn-agout-2023-2026.json").renewal_of(previous)
    print(f"renewal: {len(renewal.stopped)} sheets stopped, domains added {[str(d) for d in renewal.domains_added]}")

    evaluation = last.evaluation(2025, today=datetime.date(2025, 9, 1))
    print(evaluation.to_text("en"), end="")
    for progress in last.indicator_progress(at=datetime.date(2025, 9, 1)):
        print(f"indicator {progress.indicator!r}: {progress.status.label('en')}, progress {progress.progress}")
    indicators: pd.DataFrame = last.indicators_frame()
    print(indicators[["action_sheet", "indicator", "date", "value", "progress"]].to_string(index=False))
    execution: pd.DataFrame = last.execution_frame()
    by_year = execution.groupby("year")[["planned", "paid", "gap"]].sum(min_count=1)
    print(by_year.to_string())

    conventions = [ctg.load(p) for p in sorted(FIXTURES.glob("*.json"))] + [last]
    expiry: pd.DataFrame = ctg.expiry_frame(conventions, datetime.date(2025, 9, 1))
    soon = expiry[expiry["months_before_expiry"].between(0, 6)]
    print("to renew within 6 months:", list(soon["convention_id"]))


if __name__ == "__main__":
    main()
