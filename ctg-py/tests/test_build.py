"""Building in code: the model's classes constructed with keyword arguments through core's
constructors, every argument read by core (vocabularies, identifiers, money, decimals, dates),
every problem of one call raised together; ``Convention.build`` and the helpers people would
otherwise compute by hand."""

from __future__ import annotations

import copy
import datetime
import pickle
from decimal import Decimal

import numpy as np
import pytest

import ctg

D = datetime.date
CAF = ctg.Party("caf-82", "Caf de Tarn-et-Garonne", "caf", "caf", departement="82")
PERIOD = ctg.Period(2024, 2026)


def errors(err: pytest.ExceptionInfo[ctg.ValidationError]) -> list[tuple[str, tuple[str | int, ...]]]:
    return [(e["type"], e["loc"]) for e in err.value.errors()]


def test_every_part_is_built_with_keyword_arguments() -> None:
    party = ctg.Party(
        id="albine",
        name="Albine",
        kind=ctg.PartyKind.COMMUNE,
        role="signataire",
        insee="81005",
        deliberation_date="12/12/2023",
        aliases=["Albine (81)"],
    )
    assert party.kind is ctg.PartyKind.COMMUNE and party.role is ctg.PartyRole.SIGNATORY
    assert party.insee == "81005" and party.deliberation_date == D(2023, 12, 12)
    assert party.aliases == ("Albine (81)",) and party.members == ()
    cc = ctg.Party("cc", "CC Exemple", "Communauté de communes", "signatory", members=["81005", "81238"])
    assert cc.kind is ctg.PartyKind.CC and cc.members == ("81005", "81238")
    signature = ctg.Signature(D(2024, 1, 16), place="La Ville-Dieu-du-Temple")
    assert (signature.date, signature.place) == (D(2024, 1, 16), "La Ville-Dieu-du-Temple")
    assert ctg.Termination("2025-06-30", reason="fusion").date == D(2025, 6, 30)
    previous = ctg.PreviousConvention(id="ctg-old", first_year=2019, last_year=2022)
    assert (previous.id, previous.title, previous.last_year) == ("ctg-old", None, 2022)
    diagnostic = ctg.Diagnostic(start_date=D(2021, 9, 1), author="Caf", sources=["Insee"])
    assert diagnostic.end_date is None and diagnostic.sources == ("Insee",)
    assert ctg.Stake("e1", "Le soutien aux familles").title == "Le soutien aux familles"
    assert ctg.Objective("o1", "Accueillir", stakes=["e1"]).stakes == ("e1",)
    measurement = ctg.Measurement(D(2024, 9, 1), Decimal("59"))
    indicator = ctg.Indicator("places", unit="places", baseline=45, target="80", measurements=[measurement])
    assert (indicator.baseline, indicator.target) == (Decimal(45), Decimal(80))
    assert indicator.latest == measurement and indicator.progress == Decimal("0.4000")
    sheet = ctg.ActionSheet(
        3,
        "Un LAEP",
        domains=["Parentalité", "Culture locale"],
        lead="cc",
        start=D(2024, 1, 1),
        end="31/12/2025",
        status="en cours",
        budget="12 000 €",
        indicators=[indicator],
    )
    assert sheet.domains == (ctg.ThematicDomain.PARENTALITE, "Culture locale")  # a custom domain
    assert sheet.status is ctg.ActionStatus.IN_PROGRESS and sheet.budget == Decimal("12000.00")
    assert (sheet.start, sheet.end) == (D(2024, 1, 1), D(2025, 12, 31))
    assert ctg.ActionSheet(4, "Sans rien").status is ctg.ActionStatus.PLANNED  # core's default
    beneficiary = ctg.Beneficiary("mjc", "MJC", siret="24820010700014", party="cc")
    assert beneficiary.siret == "24820010700014"
    allocation = ctg.Allocation(
        "mjc", "jeunesse", domain="jeunesse", amounts={2024: Decimal("3095"), 2025: 3100}, paid={2024: "2 900 €"}
    )
    assert allocation.amounts == {2024: Decimal("3095.00"), 2025: Decimal("3100.00")}
    assert allocation.paid == {2024: Decimal("2900.00")}
    body = ctg.GovernanceBody("COPIL", name="Comité de pilotage", members=["caf-82", "cc"])
    assert body.kind is ctg.GovernanceKind.STEERING_COMMITTEE
    declared = ctg.DeclaredTotals(yearly={2024: "241 801 €"}, total=Decimal("241801"))
    assert declared.yearly == {2024: Decimal("241801.00")} and declared.total == Decimal("241801.00")
    assert ctg.DeclaredTotals().is_empty
    amendment = ctg.Amendment(1, "2024-03-12", "Parentalité", changes=[ctg.DomainChange(after="parentalite")])
    assert amendment.date == D(2024, 3, 12) and amendment.changes[0].after is ctg.ThematicDomain.PARENTALITE


def test_every_problem_of_a_call_is_raised_together() -> None:
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Party("x", "X", kind="club", role="membre", insee="123", siren="123456789", members=["81005", "zz"])
    assert errors(err) == [
        ("value.unknown", ("kind",)),
        ("value.unknown", ("role",)),
        ("insee.invalid", ("insee",)),
        ("siren.checksum", ("siren",)),
        ("insee.invalid", ("members", 1)),
    ]
    accepted = err.value.errors()[0]["ctx"]["accepted"]
    assert isinstance(accepted, list) and accepted[0] == "caf"  # core's list of codes
    assert err.value.errors("en")[1]["msg"].startswith("unknown value")
    with pytest.raises(ctg.ValidationError) as err:
        # Floats are refused by the types too (mypy), and by core at run time.
        ctg.Allocation("mjc", "crèche", amounts={2024: 3095.5, 2025: float("nan"), 2026: "12.000"})  # type: ignore[dict-item]
    assert errors(err) == [
        ("amount.float", ("amounts", "2024")),
        ("value.nan", ("amounts", "2025")),
        ("amount.ambiguous", ("amounts", "2026")),
    ]
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Indicator("places", baseline=45.5, target=np.float64(80))  # type: ignore[arg-type]
    assert errors(err) == [("decimal.float", ("baseline",)), ("decimal.float", ("target",))]
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Measurement(datetime.datetime(2024, 9, 1, 12, 30), "douze")
    assert errors(err) == [("date.invalid", ("date",)), ("decimal.invalid", ("value",))]
    assert ctg.Measurement(datetime.datetime(2024, 9, 1), 12).date == D(2024, 9, 1)  # at midnight
    with pytest.raises(ctg.ValidationError) as err:
        ctg.ActionSheet(1, "À l'envers", start=D(2025, 1, 1), end=D(2024, 1, 1), budget=-5)
    assert errors(err) == [("schedule.reversed", ("end",)), ("amount.negative", ("budget",))]
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Period(2026, 2024)
    assert errors(err) == [("period.reversed", ())]
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Period(2020, 2031)
    assert errors(err) == [("period.too_long", ())]
    with pytest.raises(ctg.ValidationError) as err:
        ctg.DomainChange(after="  ")
    assert errors(err) == [("field.empty", ("after",))]
    # Wrong Python types are TypeErrors, as for any Python function.
    with pytest.raises(TypeError):
        ctg.Party("x", "X", 3, "caf")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ctg.Stake("e1")  # type: ignore[call-arg]


def test_replace_goes_through_the_constructor() -> None:
    conv = ctg.sample()
    parts: list[ctg.Party | ctg.ActionSheet | ctg.Stake | ctg.Objective] = [
        *conv.parties,
        *conv.action_sheets,
        *conv.stakes,
        *conv.objectives,
    ]
    for part in parts:
        assert part.replace() == part
        assert copy.copy(part) == part and copy.deepcopy(part) == part
        assert pickle.loads(pickle.dumps(part)) == part
    sheet = conv.action_sheets[1]
    done = sheet.replace(status="done")
    assert done.status is ctg.ActionStatus.DONE and done.title == sheet.title
    assert sheet.status is ctg.ActionStatus.PLANNED  # unchanged
    funding = conv.funding
    assert funding is not None
    assert all(a.replace() == a for a in funding.allocations)
    assert all(b.replace() == b for b in funding.beneficiaries)
    assert funding.declared.replace() == funding.declared
    with pytest.raises(ctg.ValidationError):
        sheet.replace(budget=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sheet.replace(colour="blue")  # type: ignore[call-arg]
    assert PERIOD.replace(last_year=2027) == ctg.Period(2024, 2027)
    if hasattr(copy, "replace"):  # Python 3.13
        assert copy.replace(PERIOD, first_year=2025) == ctg.Period(2025, 2026)


def test_build_a_convention() -> None:
    creche = ctg.Allocation.spread("creche", "eaje", Decimal("90000"), PERIOD, domain="petite_enfance")
    assert list(creche.amounts.values()) == [Decimal("30000.00")] * 3
    conv = ctg.Convention.build(
        "ctg-82-exemple",
        "CTG exemple 2024-2026",
        PERIOD,
        parties=[CAF],
        domains=["Petite enfance", ctg.ThematicDomain.JEUNESSE],
        action_sheets=["Ouvrir une crèche de 20 places", ctg.ActionSheet(5, "Cinq"), "Six"],
        beneficiaries=[ctg.Beneficiary("creche", "Crèche Les Lutins")],
        allocations=[creche],
        declare_totals=True,
    )
    assert [(s.number, s.title) for s in conv.action_sheets] == [
        (1, "Ouvrir une crèche de 20 places"),
        (5, "Cinq"),
        (6, "Six"),
    ]
    assert conv.next_action_sheet_number() == 7
    assert conv.domains == (ctg.ThematicDomain.PETITE_ENFANCE, ctg.ThematicDomain.JEUNESSE)
    funding = conv.funding
    assert funding is not None
    assert funding.declared.yearly == {2024: Decimal("30000.00"), 2025: Decimal("30000.00"), 2026: Decimal("30000.00")}
    assert funding.declared.total == Decimal("90000.00")
    assert ctg.DeclaredTotals.from_allocations(funding.allocations, PERIOD) == funding.declared
    assert pickle.loads(pickle.dumps(conv)) == conv
    assert ctg.Convention.from_dict(conv.to_dict()) == conv


def test_build_reports_every_issue_and_keeps_absent_funding_absent() -> None:
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Convention.build("x", "Sans Caf", PERIOD, domains=["Petite enfance", ""])
    assert ("field.empty", ("domains", 1)) in errors(err)
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Convention.build("x", "Sans Caf", PERIOD)
    assert errors(err)[0][0] == "party.no_caf"
    bare = ctg.Convention.build("x", "Sans financement", PERIOD, parties=[CAF])
    assert bare.funding is None and bare.totals() is None
    empty = ctg.Convention.build("x", "Financement vide", PERIOD, parties=[CAF], beneficiaries=[])
    totals = empty.totals()
    assert empty.funding is not None and totals is not None and totals.total == Decimal("0.00")
    # Declared totals that do not match are reported, never corrected.
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Convention.build(
            "x",
            "t",
            PERIOD,
            parties=[CAF],
            beneficiaries=[ctg.Beneficiary("mjc", "MJC")],
            allocations=[ctg.Allocation("mjc", "jeunesse", amounts={2024: 1000})],
            declared=ctg.DeclaredTotals(yearly={2024: 999}),
        )
    assert ("funding.year_total_mismatch", ("funding", "declared", "yearly", "2024")) in errors(err)
    with pytest.raises(TypeError):
        ctg.Convention.build("x", "t", PERIOD, declared=ctg.DeclaredTotals(), declare_totals=True)
    with pytest.raises(TypeError):
        ctg.Convention.build("x", "t", PERIOD, action_sheets=[3])  # type: ignore[list-item]


def test_split_helpers_are_cores() -> None:
    assert ctg.split_amount(Decimal("100"), [1, 1, 1]) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    parts = ctg.split_amount("241 801 €", [40800, 34000, 0])
    assert sum(parts) == Decimal("241801.00") and parts[2] == Decimal("0.00")
    assert ctg.split_amount_evenly(Decimal("1000.01"), 3) == [Decimal("333.34"), Decimal("333.34"), Decimal("333.33")]
    with pytest.raises(ctg.ValidationError) as err:
        ctg.split_amount(100, [])
    assert err.value.errors()[0]["type"] == "split.no_weights"
    with pytest.raises(ctg.ValidationError) as err:
        ctg.split_amount(100, [0, 0])
    assert err.value.errors()[0]["type"] == "split.zero_weights"
    with pytest.raises(ctg.ValidationError) as err:
        ctg.split_amount(100.0, [1])  # type: ignore[arg-type]
    assert err.value.errors()[0]["type"] == "amount.float"
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Allocation.spread("x", "rpe", 1.5, PERIOD)  # type: ignore[arg-type]
    assert errors(err) == [("amount.float", ("total",))]
