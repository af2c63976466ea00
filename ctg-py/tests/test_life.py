"""The life of a convention from Python: copy-with edits (a new convention, or every issue that
stops it; the original never changes), amendments with their changes, the convention in force at
a date, comparisons and renewals, evaluation — every rule and text is core's."""

from __future__ import annotations

import datetime
import json
import pickle
from decimal import Decimal
from typing import Any

import pytest

import ctg
from conftest import FIXTURES, VECTORS

D = datetime.date


def errors(err: pytest.ExceptionInfo[ctg.ValidationError]) -> list[tuple[str, str]]:
    return [(e["type"], e["path"]) for e in err.value.errors()]


def two_amendments() -> ctg.Convention:
    v = json.loads((VECTORS / "life" / "as-of-two-amendments.json").read_text(encoding="utf-8"))
    return ctg.Convention.from_dict(v["input"])


def test_edits_give_a_new_convention_and_never_change_the_original() -> None:
    conv = ctg.sample()
    text = conv.to_json()
    raised = conv.with_amount("la-petite-loco", "eaje", 2025, Decimal("42000"), domain="petite_enfance", restate_totals=True)
    totals = raised.totals()
    assert totals is not None and totals.total == Decimal("726603.00")
    funding = raised.funding
    assert funding is not None and funding.declared.yearly[2025] == Decimal("243001.00")
    # Without restating the totals, the change breaks them: reported, not silently fixed.
    with pytest.raises(ctg.ValidationError) as err:
        conv.with_amount("la-petite-loco", "eaje", 2025, Decimal("42000"), domain="petite_enfance")
    assert [e["ctx"]["code"] for e in err.value.errors()] == ["funding.year_total_mismatch", "funding.total_mismatch"]
    # Removing an amount that is not there is refused, not done silently (without its domain,
    # this names another line, which has nothing).
    with pytest.raises(ctg.ValidationError) as err:
        conv.with_amount("la-petite-loco", "eaje", 2025, None)
    assert [(e["type"], e["loc"]) for e in err.value.errors()] == [("change.cannot_apply", ("changes", 0))]
    removed = conv.with_amount("la-petite-loco", "eaje", 2025, None, domain="petite_enfance", restate_totals=True)
    removed_totals = removed.totals()
    assert removed_totals is not None and removed_totals.by_year[2025] == Decimal("201001.00")
    sheet = conv.action_sheets[1].replace(status="done")
    assert conv.with_action_sheet(sheet).action_sheet(2) == sheet
    new_sheet = ctg.ActionSheet(conv.next_action_sheet_number(), "Soutenir la parentalité", lead="cc-thore-montagne-noire")
    assert len(conv.with_action_sheet(new_sheet).action_sheets) == 17
    assert len(conv.without_action_sheet(16).action_sheets) == 15
    with pytest.raises(ctg.ValidationError) as err:
        conv.without_action_sheet(99)
    assert errors(err) == [("change.cannot_apply", "changes[0]")]
    assert err.value.errors()[0]["ctx"]["reason"] == "not_there"
    msa = ctg.Party("msa", "MSA Midi-Pyrénées Nord", "msa", "co_funder")
    assert conv.with_party(msa).party("msa") == msa
    assert len(conv.without_party("albine").parties) == 12
    with pytest.raises(ctg.ValidationError) as err:
        conv.without_party("cc-thore-montagne-noire")  # it leads the action sheets
    assert {e["type"] for e in err.value.errors()} == {"change.breaks_convention"}
    assert len(conv.with_period(ctg.Period(2023, 2026)).period) == 4
    with pytest.raises(ctg.ValidationError):
        conv.with_period(ctg.Period(2023, 2024))  # the 2025 funding would lie outside it
    assert conv.to_json() == text and conv == ctg.sample()


def test_apply_and_inverse() -> None:
    conv = ctg.sample()
    changes: list[ctg.Change] = [
        ctg.DomainChange(after=ctg.ThematicDomain.PARENTALITE),
        ctg.ActionSheetChange(after=ctg.ActionSheet(17, "Un LAEP", domains=["parentalite"])),
        ctg.PartyChange(after=ctg.Party("msa", "MSA", "msa", "partner")),
    ]
    edited = conv.apply(changes)
    assert ctg.ThematicDomain.PARENTALITE in edited.domains and ctg.ThematicDomain.PARENTALITE not in conv.domains
    assert edited.apply([c.inverse() for c in reversed(changes)]) == conv
    # The diff finds them again, in its own order (parties first).
    assert conv.diff(edited).changes == (changes[2], changes[0], changes[1])
    # Applying again cannot apply: they are there already.
    with pytest.raises(ctg.ValidationError) as err:
        edited.apply(changes)
    assert errors(err) == [("change.cannot_apply", f"changes[{i}]") for i in range(3)]
    assert {e["ctx"]["reason"] for e in err.value.errors()} == {"already_there"}


def test_changes_are_typed() -> None:
    amount = ctg.AmountChange("la-petite-loco", "eaje", 2025, before=Decimal("40800"), after="42 000 €", domain="petite_enfance")
    assert isinstance(amount, ctg.Change) and amount.kind is ctg.ChangeKind.AMOUNT
    assert (amount.before, amount.after, amount.difference) == (Decimal("40800.00"), Decimal("42000.00"), Decimal("1200.00"))
    assert (amount.beneficiary, amount.facility_kind, amount.domain, amount.label, amount.year) == (
        "la-petite-loco",
        ctg.FacilityKind.EAJE,
        ctg.ThematicDomain.PETITE_ENFANCE,
        None,
        2025,
    )
    assert amount.subject == "la-petite-loco eaje 2025"
    inverse = amount.inverse()
    assert isinstance(inverse, ctg.AmountChange) and inverse.difference == Decimal("-1200.00")
    assert inverse.inverse() == amount
    assert amount.to_dict() == {
        "kind": "amount",
        "beneficiary": "la-petite-loco",
        "facility_kind": "eaje",
        "domain": "petite_enfance",
        "year": 2025,
        "before": "40800.00",
        "after": "42000.00",
    }
    new_line = ctg.AmountChange("rpe", "rpe", 2025, after=5000)
    assert new_line.before is None and new_line.difference == Decimal("5000.00")
    period = ctg.PeriodChange(ctg.Period(2023, 2025), ctg.Period(2023, 2026))
    assert period.after == ctg.Period(2023, 2026) and period.subject == "2023–2026"
    declared = ctg.DeclaredChange(ctg.DeclaredTotals(), ctg.DeclaredTotals(total=1))
    assert declared.after.total == Decimal("1.00") and declared.subject == ""
    for change in (amount, period, declared, ctg.StakeChange(after=ctg.Stake("e9", "Neuf"))):
        assert pickle.loads(pickle.dumps(change)) == change
        assert change.replace() == change
    with pytest.raises(ctg.ValidationError):
        ctg.AmountChange("rpe", "rpe", 2025, after=5000.0)  # type: ignore[arg-type]


def test_amendments_and_the_convention_in_force() -> None:
    conv = two_amendments()
    first, second = conv.amendments
    assert [type(c) for c in first.changes] == [ctg.AmountChange, ctg.DeclaredChange]
    assert [type(c) for c in second.changes] == [ctg.DomainChange, ctg.ActionSheetChange]
    assert first.inverse().changes == tuple(c.inverse() for c in reversed(first.changes))
    before = conv.as_of(D(2024, 1, 1))
    assert before.applied == () and before.pending == (first, second)
    assert before.convention.amendments == ()
    middle = conv.as_of(D(2024, 6, 1))
    assert [a.number for a in middle.applied] == [1]
    totals = middle.convention.totals()
    assert totals is not None and totals.total == Decimal("726603.00")
    after = conv.as_of(D(2025, 1, 1))
    assert after.convention.action_sheet(17) is not None
    assert conv.as_of().applied == (first, second)  # today
    # The text with both amendments is what a diff finds between the first and the last text.
    diff = before.convention.diff(after.convention)
    assert [c.kind for c in diff.changes] == ["domain", "action_sheet", "amount", "declared"]
    # Built in code, the same convention.
    built = ctg.sample().to_dict()
    built["amendments"] = [json.loads(json.dumps({"number": 1, "date": "2024-03-12", "summary": first.summary}))]
    base = ctg.Convention.from_dict(built)
    rebuilt = ctg.Convention.build(
        base.id,
        base.title,
        base.period,
        parties=base.parties,
        domains=base.domains,
        signature=base.signature,
        stakes=base.stakes,
        objectives=base.objectives,
        action_sheets=base.action_sheets,
        beneficiaries=base.funding.beneficiaries if base.funding else None,
        allocations=base.funding.allocations if base.funding else None,
        declared=base.funding.declared if base.funding else None,
        amendments=[first, second],
        sources=base.sources,
        notes=base.notes,
    )
    assert rebuilt == conv


def test_an_amendment_that_cannot_apply_names_its_number_and_the_change() -> None:
    conv = ctg.sample()
    remove = ctg.ActionSheetChange(before=ctg.ActionSheet(17, "Absente"))
    with pytest.raises(ctg.ValidationError) as err:
        ctg.Convention.build(
            conv.id,
            conv.title,
            conv.period,
            parties=conv.parties,
            signature=conv.signature,
            amendments=[ctg.Amendment(1, D(2024, 3, 12), "Fiche 17 retirée", changes=[remove])],
        )
    [error] = err.value.errors("en")
    assert (error["type"], error["path"]) == ("change.cannot_apply", "amendments[0].changes[0]")
    assert error["ctx"]["amendment"] == 1 and error["ctx"]["reason"] == "not_there"


def test_diff_as_data_text_and_frame() -> None:
    v = json.loads((VECTORS / "life" / "diff-thore-edited.json").read_text(encoding="utf-8"))
    a, b = ctg.Convention.from_dict(v["before"]), ctg.Convention.from_dict(v["after"])
    diff = ctg.diff(a, b)
    assert bool(diff) and len(diff) == 5 and not diff.is_empty
    assert diff.fields == ("title",)
    fr, en = diff.to_text("fr"), diff.to_text("en")
    assert "La Petite Loco" in fr and "(+1\u202f200\u00a0€)" in fr
    assert en.startswith("- domain") and "€" in en
    with ctg.language("en"):
        assert str(diff) == en
    assert "&" not in diff._repr_html_() or "&amp;" in diff._repr_html_()
    df = diff.frame()
    assert list(df.columns) == [
        "kind",
        "subject",
        "has_before",
        "has_after",
        "beneficiary",
        "facility_kind",
        "domain",
        "label",
        "year",
        "before_amount",
        "after_amount",
        "difference",
    ]
    assert list(df["kind"]) == ["domain", "action_sheet", "amount", "declared"]
    amount_row = df[df["kind"] == "amount"].iloc[0]
    assert (amount_row["before_amount"], amount_row["after_amount"], amount_row["difference"]) == (
        Decimal("40800.00"),
        Decimal("42000.00"),
        Decimal("1200.00"),
    )
    assert df["difference"].isna().sum() == 3  # null for the other changes, not zero
    polars = diff.frame("polars")
    assert polars.height == 4 and str(polars.schema["difference"]) == "Decimal(precision=14, scale=2)"
    objects = diff.frame(decimal="object")
    assert objects["before_amount"].iloc[2] == Decimal("40800.00")
    same = a.diff(a)
    assert same.is_empty and not same and same.changes == () and same.frame().shape[0] == 0
    assert same.to_text("en") != "" and same.to_dict() == {"changes": [], "fields": []}


def test_renewal() -> None:
    previous = ctg.load(FIXTURES / "illustrative" / "tarn-agout-2019-2022.json")
    new = ctg.load(FIXTURES / "tarn-agout-2023-2026.json")
    renewal = new.renewal_of(previous)
    assert [s.number for s in renewal.stopped] == [1, 2, 3, 4, 5]
    assert renewal.envelope.previous_total == Decimal("472000.00") and renewal.envelope.next_total is None
    assert ctg.ThematicDomain.LOGEMENT in renewal.domains_added
    assert "Tarn" not in renewal.to_text("en") or renewal.to_text("en").startswith("Renewal")
    assert renewal.to_text("fr").startswith("Renouvellement")
    assert renewal.to_dict()["envelope"]["previous_total"] == "472000.00"


def with_indicators() -> ctg.Convention:
    doc: dict[str, Any] = ctg.sample().to_dict()
    doc["action_sheets"][0]["indicators"] = [
        {
            "name": "places",
            "baseline": 45,
            "target": 80,
            "measurements": [{"date": "2023-09-01", "value": 52}, {"date": "2024-09-01", "value": "59.5"}],
        },
        {"name": "réunions", "baseline": 0, "target": 4},
    ]
    doc["action_sheets"][1]["indicators"] = [{"name": "familles", "measurements": [{"date": "2024-06-30", "value": 12}]}]
    doc["action_sheets"][2]["schedule"] = {"end": "2024-06-30"}
    doc["funding"]["allocations"][1]["paid"] = {"2023": "39000.00", "2024": "40800.00"}
    return ctg.Convention.from_dict(doc)


def test_indicator_progress_lists_every_indicator() -> None:
    conv = with_indicators()
    progress = conv.indicator_progress()
    assert [(p.action_sheet, p.indicator, p.status) for p in progress] == [
        (1, "places", ctg.IndicatorStatus.IN_PROGRESS),
        (1, "réunions", ctg.IndicatorStatus.NOT_MEASURED),
        (2, "familles", ctg.IndicatorStatus.NO_TARGET),
    ]
    places, meetings, families = progress
    assert (places.latest, places.progress, places.measured_on) == (Decimal("59.5"), Decimal("0.4143"), D(2024, 9, 1))
    assert (meetings.baseline, meetings.target, meetings.latest, meetings.progress) == (Decimal(0), Decimal(4), None, None)
    assert families.progress is None and families.latest == Decimal(12)
    early = conv.indicator_progress(at=D(2024, 1, 1))
    assert early[0].latest == Decimal(52) and early[2].status is ctg.IndicatorStatus.NOT_MEASURED
    assert places.to_dict()["progress"] == "0.4143"
    assert ctg.sample().indicator_progress() == []


def test_indicator_and_execution_frames_keep_absent_values_null() -> None:
    conv = with_indicators()
    df = conv.indicators_frame()
    assert len(df) == 4  # two measurements, one indicator without any, one with one
    not_measured = df[df["indicator"] == "réunions"].iloc[0]
    assert not_measured["baseline"] == Decimal(0)
    import pandas as pd

    assert pd.isna(not_measured["date"]) and pd.isna(not_measured["value"]) and pd.isna(not_measured["progress"])
    assert str(df["value"].dtype) == "decimal128(38, 1)[pyarrow]"  # 59.5: one decimal, exact
    assert list(df["progress"].dropna()) == [Decimal("0.2000"), Decimal("0.4143")]
    pl_df = conv.indicators_frame("polars")
    assert pl_df["value"].null_count() == 1 and pl_df["date"].null_count() == 1
    assert conv.indicators_frame(decimal="object")["value"].iloc[1] == Decimal("59.5")
    # A convention without indicators is one row of nulls.
    assert ctg.sample().indicators_frame()["indicator"].isna().all()
    ex = conv.execution_frame()
    assert len(ex) == 27 and ex["paid"].notna().sum() == 2
    line = ex[(ex["beneficiary_id"] == "la-petite-loco") & (ex["year"] == 2023)].iloc[0]
    assert (line["planned"], line["paid"], line["gap"]) == (Decimal("40800.00"), Decimal("39000.00"), Decimal("1800.00"))
    assert ex[ex["year"] == 2025]["paid"].isna().all()  # not known: null, not zero
    assert ctg.frame([conv, ctg.load(FIXTURES / "tarn-agout-2023-2026.json")], table="execution")["convention_id"].nunique() == 2
    execution = conv.execution()
    assert execution is not None
    y2023 = execution.by_year[2023]
    assert (y2023.paid, y2023.lines, y2023.lines_paid_known, y2023.gap) == (Decimal("39000.00"), 9, 1, Decimal("1800.00"))
    assert execution.by_year[2025].paid is None
    assert ctg.load(FIXTURES / "tarn-agout-2023-2026.json").execution() is None


def test_evaluation_and_expiry() -> None:
    conv = with_indicators()
    evaluation = conv.evaluation(2024, today=D(2025, 3, 1))
    assert evaluation.as_of == D(2024, 12, 31) and evaluation.year == 2024
    assert [s.number for s in evaluation.late] == [3]
    assert len(evaluation.sheets_by_status[ctg.ActionStatus.PLANNED]) == 16
    funding = evaluation.funding
    assert funding is not None and funding.planned == Decimal("241801.00") and funding.paid == Decimal("40800.00")
    assert len(evaluation.funding_rows) == 9 and len(evaluation.indicators) == 3
    fr = evaluation.to_text("fr")
    assert fr.startswith("Évaluation 2024") and "En retard" in fr
    assert evaluation.to_text("en").startswith("Evaluation 2024")
    data = evaluation.to_dict()
    assert data["funding"]["planned"] == "241801.00" and data["late"][0]["number"] == 3
    assert conv.end_date == D(2025, 12, 31)
    assert conv.months_before_expiry(D(2025, 6, 30)) == 6
    assert conv.months_before_expiry(D(2026, 3, 1)) == -2
    conventions = [ctg.load(p) for p in sorted(FIXTURES.glob("*.json"))]
    expiry = ctg.expiry_frame(conventions, D(2025, 6, 30))
    assert list(expiry.columns) == ["convention_id", "title", "end_date", "months_before_expiry", "status"]
    assert list(expiry["months_before_expiry"]) == [c.months_before_expiry(D(2025, 6, 30)) for c in conventions]
    assert list(expiry["status"]) == [c.status(D(2025, 6, 30)).code for c in conventions]
    assert ctg.expiry_frame(conventions, D(2025, 6, 30), "polars").height == 5
