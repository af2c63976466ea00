"""Properties of the life of a convention, over every valid document the tests know (the
fixtures, the valid vectors, the life vectors): building from the parts gives the convention
loaded from its document; changes and their inverses give the original back; a convention never
differs from itself; no edit changes the original; frames keep absent values as nulls."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

from hypothesis import given, settings
from hypothesis import strategies as st

import ctg
from conftest import FIXTURES, VECTORS


def documents() -> list[tuple[str, dict[str, Any]]]:
    """Every valid document of the tests, by name."""
    out: list[tuple[str, dict[str, Any]]] = []
    for path in sorted([*FIXTURES.glob("*.json"), *FIXTURES.glob("illustrative/*.json")]):
        out.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted(VECTORS.glob("*.json")):
        v = json.loads(path.read_text(encoding="utf-8"))
        if "input" in v and v["expect"]["valid"] and "limits" not in v and isinstance(v["input"], dict):
            out.append((path.stem, v["input"]))
    for path in sorted((VECTORS / "life").glob("*.json")):
        v = json.loads(path.read_text(encoding="utf-8"))
        for key in ("input", "before", "after"):
            if key in v:
                out.append((f"{path.stem}.{key}", v[key]))
    return out


DOCUMENTS = documents()
CONVENTIONS = [(name, ctg.Convention.from_dict(doc)) for name, doc in DOCUMENTS]
CONVENTION = st.sampled_from(CONVENTIONS)
CENTS = st.integers(min_value=0, max_value=10**9).map(lambda c: Decimal(c).scaleb(-2))
#: Any title with something in it, spaces around included: a part made in code keeps its texts as
#: the reader does (trimmed), so a change made of it finds it again.
TITLE = st.text(min_size=1, max_size=40).filter(lambda s: bool(s.strip()))


def test_the_documents_cover_every_part() -> None:
    assert len(CONVENTIONS) >= 40
    convs = [c for _, c in CONVENTIONS]
    assert any(c.funding is not None for c in convs) and any(c.funding is None for c in convs)
    assert any(c.amendments and c.amendments[0].changes for c in convs)
    assert any(c.renews is not None for c in convs) and any(c.diagnostic is not None for c in convs)
    assert any(s.indicators for c in convs for s in c.action_sheets)
    assert any(p.members for c in convs for p in c.parties)


# -- building from the parts, through the constructors --


def party(p: ctg.Party) -> ctg.Party:
    return ctg.Party(
        p.id,
        p.name,
        kind=p.kind,
        role=p.role,
        insee=p.insee,
        siren=p.siren,
        siret=p.siret,
        departement=p.departement,
        members=p.members,
        deliberation_date=p.deliberation_date,
        aliases=p.aliases,
    )


def indicator(i: ctg.Indicator) -> ctg.Indicator:
    return ctg.Indicator(
        i.name,
        unit=i.unit,
        baseline=i.baseline,
        target=i.target,
        measurements=[ctg.Measurement(m.date, m.value) for m in i.measurements],
    )


def sheet(s: ctg.ActionSheet) -> ctg.ActionSheet:
    return ctg.ActionSheet(
        s.number,
        s.title,
        domains=s.domains,
        objectives=s.objectives,
        lead=s.lead,
        partners=s.partners,
        target_public=s.target_public,
        communes=s.communes,
        start=s.start,
        end=s.end,
        status=s.status,
        budget=s.budget,
        indicators=[indicator(i) for i in s.indicators],
    )


def allocation(a: ctg.Allocation) -> ctg.Allocation:
    return ctg.Allocation(a.beneficiary, a.facility_kind, domain=a.domain, label=a.label, amounts=a.amounts, paid=a.paid)


def change(c: ctg.Change) -> ctg.Change:
    """The change made again through its class's constructor."""
    if isinstance(c, ctg.AmountChange):
        return ctg.AmountChange(c.beneficiary, c.facility_kind, c.year, before=c.before, after=c.after, domain=c.domain, label=c.label)
    if isinstance(c, ctg.DomainChange):
        return ctg.DomainChange(before=c.before, after=c.after)
    if isinstance(c, ctg.ActionSheetChange):
        return ctg.ActionSheetChange(
            before=None if c.before is None else sheet(c.before), after=None if c.after is None else sheet(c.after)
        )
    if isinstance(c, ctg.DeclaredChange):
        return ctg.DeclaredChange(
            ctg.DeclaredTotals(yearly=c.before.yearly, total=c.before.total),
            ctg.DeclaredTotals(yearly=c.after.yearly, total=c.after.total),
        )
    if isinstance(c, ctg.PeriodChange):
        return ctg.PeriodChange(c.before, c.after)
    if isinstance(c, ctg.PartyChange):
        return ctg.PartyChange(before=None if c.before is None else party(c.before), after=None if c.after is None else party(c.after))
    if isinstance(c, (ctg.StakeChange, ctg.ObjectiveChange, ctg.BeneficiaryChange)):
        return c.replace()
    raise AssertionError(f"a change of an unknown kind: {c!r}")


def build(conv: ctg.Convention, construct: bool, declare_totals: bool) -> ctg.Convention:
    """``conv`` built again from its parts: the objects it holds, or (``construct``) each made
    again through its constructor from its fields."""
    funding = conv.funding
    computed = None if funding is None else ctg.DeclaredTotals.from_allocations(funding.allocations, conv.period)
    declare = declare_totals and funding is not None and computed == funding.declared and not funding.declared.is_empty
    if not construct:
        return ctg.Convention.build(
            conv.id,
            conv.title,
            conv.period,
            parties=conv.parties,
            domains=conv.domains,
            signature=conv.signature,
            termination=conv.termination,
            renews=conv.renews,
            diagnostic=conv.diagnostic,
            stakes=conv.stakes,
            objectives=conv.objectives,
            action_sheets=conv.action_sheets,
            beneficiaries=None if funding is None else funding.beneficiaries,
            allocations=None if funding is None else funding.allocations,
            declared=None if funding is None or declare else funding.declared,
            declare_totals=declare,
            governance=conv.governance,
            amendments=conv.amendments,
            sources=conv.sources,
            notes=conv.notes,
        )
    sig, term, renews, diag = conv.signature, conv.termination, conv.renews, conv.diagnostic
    return ctg.Convention.build(
        id=conv.id,
        title=conv.title,
        period=ctg.Period(conv.period.first_year, conv.period.last_year),
        parties=[party(p) for p in conv.parties],
        domains=list(conv.domains),
        signature=None if sig is None else ctg.Signature(sig.date, place=sig.place),
        termination=None if term is None else ctg.Termination(term.date, reason=term.reason),
        renews=None
        if renews is None
        else ctg.PreviousConvention(id=renews.id, title=renews.title, first_year=renews.first_year, last_year=renews.last_year),
        diagnostic=None
        if diag is None
        else ctg.Diagnostic(start_date=diag.start_date, end_date=diag.end_date, author=diag.author, sources=diag.sources),
        stakes=[ctg.Stake(s.id, s.title) for s in conv.stakes],
        objectives=[ctg.Objective(o.id, o.title, stakes=o.stakes) for o in conv.objectives],
        action_sheets=[sheet(s) for s in conv.action_sheets],
        beneficiaries=None
        if funding is None
        else [ctg.Beneficiary(b.id, b.name, siret=b.siret, party=b.party) for b in funding.beneficiaries],
        allocations=None if funding is None else [allocation(a) for a in funding.allocations],
        declared=None
        if funding is None or declare
        else ctg.DeclaredTotals(yearly=funding.declared.yearly, total=funding.declared.total),
        declare_totals=declare,
        governance=[ctg.GovernanceBody(g.kind, name=g.name, frequency=g.frequency, members=g.members) for g in conv.governance],
        amendments=[
            ctg.Amendment(a.number, a.date, a.summary, changes=[change(c) for c in a.changes]) for a in conv.amendments
        ],
        sources=list(conv.sources),
        notes=conv.notes,
    )


@settings(max_examples=60, deadline=None)
@given(CONVENTION, st.booleans(), st.booleans())
def test_building_from_the_parts_gives_the_loaded_convention(named: tuple[str, ctg.Convention], construct: bool, declare: bool) -> None:
    name, conv = named
    built = build(conv, construct, declare)
    assert built == conv, (name, conv.diff(built).to_text("en"))
    assert built.to_json() == conv.to_json()


def test_every_document_builds_from_its_parts() -> None:
    for name, conv in CONVENTIONS:
        assert build(conv, True, False) == conv, name
        assert build(conv, False, True) == conv, name


# -- changes and their inverses --


def under_amendments(conv: ctg.Convention) -> tuple[set[int], set[str], set[str]]:
    """The action sheet numbers, domains and stake ids the convention's amendments add, change or
    remove: an edit of the text under them makes them not apply (``change.breaks_convention``, as
    it should), so the edits below leave them alone."""
    numbers: set[int] = set()
    domains: set[str] = set()
    stakes: set[str] = set()
    for amendment in conv.amendments:
        for c in amendment.changes:
            if isinstance(c, ctg.ActionSheetChange):
                numbers |= {s.number for s in (c.before, c.after) if s is not None}
            elif isinstance(c, ctg.DomainChange):
                domains |= {str(d) for d in (c.before, c.after) if d is not None}
            elif isinstance(c, ctg.StakeChange):
                stakes |= {s.id for s in (c.before, c.after) if s is not None}
    return numbers, domains, stakes


@st.composite
def edits(draw: st.DrawFn, conv: ctg.Convention) -> list[ctg.Change]:
    """Changes that apply to ``conv``, in order (and leave what its amendments change alone)."""
    out: list[ctg.Change] = []
    numbers, domains, stakes = under_amendments(conv)
    free_domains = [d for d in ctg.ThematicDomain if d not in conv.domains and d.code not in domains]
    if draw(st.booleans()) and free_domains:
        out.append(ctg.DomainChange(after=draw(st.sampled_from(free_domains))))
    first_free = max([conv.next_action_sheet_number(), *(n + 1 for n in numbers)])
    for k in range(draw(st.integers(0, 2))):
        number = first_free + k
        out.append(ctg.ActionSheetChange(after=ctg.ActionSheet(number, draw(TITLE))))
    unreferenced = [s for s in conv.action_sheets if s.number not in numbers]
    if draw(st.booleans()) and unreferenced:
        out.append(ctg.ActionSheetChange(before=draw(st.sampled_from(unreferenced))))
    if draw(st.booleans()):
        out.append(ctg.PartyChange(after=ctg.Party("partenaire-ajoute", draw(TITLE), "association", "partner")))
    kept_stakes = [s for s in conv.stakes if s.id not in stakes]
    if draw(st.booleans()) and kept_stakes:
        old = draw(st.sampled_from(kept_stakes))
        out.append(ctg.StakeChange(before=old, after=old.replace(title=draw(TITLE))))
    if draw(st.booleans()):
        out.append(ctg.StakeChange(after=ctg.Stake("enjeu-ajoute", draw(TITLE))))
    return out


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_changes_then_their_inverses_give_back_the_original(data: st.DataObject) -> None:
    _, conv = data.draw(CONVENTION)
    changes = data.draw(edits(conv))
    edited = conv.apply(changes)
    inverse = [c.inverse() for c in reversed(changes)]
    undone = edited.apply(inverse)
    # The same convention; an item removed then added again comes back last (a change says what,
    # not where), so the order of a list may differ: equal then up to order (no difference).
    assert undone.diff(conv).is_empty
    if all(c.after is not None for c in changes):
        assert undone == conv
    amendment = ctg.Amendment(1, datetime.date(2024, 1, 1), "x", changes=changes)
    assert list(amendment.inverse().changes) == inverse
    # The diff finds changes that give the same convention.
    diff = conv.diff(edited)
    assert conv.apply(diff.changes).diff(edited).changes == ()
    assert edited.apply([c.inverse() for c in reversed(diff.changes)]).diff(conv).is_empty


@settings(max_examples=40, deadline=None)
@given(st.data(), CENTS)
def test_an_amount_restated_and_undone(data: st.DataObject, amount: Decimal) -> None:
    # Without amendments: an amendment says what the text held before it, and editing the text
    # under it makes it not apply (change.breaks_convention, as it should).
    funded = [c for _, c in CONVENTIONS if c.funding is not None and c.funding.allocations and not c.amendments]
    conv = data.draw(st.sampled_from(funded))
    funding = conv.funding
    assert funding is not None
    line = data.draw(st.sampled_from(funding.allocations))
    year = data.draw(st.sampled_from(conv.period.years))
    edited = conv.with_amount(
        line.beneficiary, line.facility_kind, year, amount, domain=line.domain, label=line.label, restate_totals=True
    )
    totals = edited.totals()
    assert totals is not None
    before = line.amounts.get(year, Decimal("0.00"))
    old_totals = conv.totals()
    assert old_totals is not None
    assert totals.total - old_totals.total == amount - before  # exact
    changes = conv.diff(edited).changes
    assert all(c.kind in ("amount", "declared") for c in changes)
    undone = edited.apply([c.inverse() for c in reversed(changes)])
    assert undone.diff(conv).is_empty
    if line.amounts:
        # (A line without any amount — a warning — is dropped when its only amount is removed.)
        assert undone == conv


# -- a convention does not differ from itself; the original is never changed --


def test_a_convention_does_not_differ_from_itself() -> None:
    for name, conv in CONVENTIONS:
        diff = ctg.diff(conv, conv)
        assert diff.is_empty and diff.changes == () and diff.fields == (), name
        assert conv.diff(ctg.loads(conv.to_json())).is_empty, name
        renewal = conv.renewal_of(conv)
        assert [link.previous for link in renewal.continued] == [link.next for link in renewal.continued], name
        assert renewal.started == () and renewal.stopped == () and renewal.joined == () and renewal.left == (), name


def try_edit(edit: Any) -> Optional[ctg.Convention]:
    try:
        result = edit()
        assert isinstance(result, ctg.Convention)
        return result
    except ctg.ValidationError as err:
        assert err.errors(), "an edit that fails says why"
        return None


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_no_edit_changes_the_original(data: st.DataObject) -> None:
    name, conv = data.draw(CONVENTION)
    text = conv.to_json()
    first = data.draw(st.integers(1990, 2100))
    last = data.draw(st.integers(first, 2100))
    number = data.draw(st.integers(1, 30))
    amount = data.draw(st.none() | CENTS)
    edits: list[Any] = [
        lambda: conv.with_amount("x", "rpe", first, amount, restate_totals=data.draw(st.booleans())),
        lambda: conv.with_action_sheet(ctg.ActionSheet(number, data.draw(TITLE))),
        lambda: conv.without_action_sheet(number),
        lambda: conv.with_party(ctg.Party("caf-x", data.draw(TITLE), "caf", "caf")),
        lambda: conv.without_party(data.draw(st.sampled_from([p.id for p in conv.parties]))),
        lambda: conv.with_period(ctg.Period(first, min(last, first + 9))),
        lambda: conv.apply([ctg.DomainChange(after=data.draw(st.sampled_from(list(ctg.ThematicDomain))))]),
        lambda: conv.as_of(datetime.date(first, 6, 1)).convention,
    ]
    for edit in edits:
        result = try_edit(edit)
        assert conv.to_json() == text, name
        if result is not None:
            assert result is not conv
    assert conv == ctg.Convention.from_dict(json.loads(text))


# -- frames keep what is absent as nulls --

MEASUREMENTS = st.lists(st.integers(0, 200), max_size=3).map(
    lambda values: [ctg.Measurement(datetime.date(2023 + i, 9, 1), v) for i, v in enumerate(values)]
)
INDICATOR = st.builds(
    lambda name, baseline, target, measurements: ctg.Indicator(name, baseline=baseline, target=target, measurements=measurements),
    TITLE,
    st.none() | st.integers(0, 100),
    st.none() | st.integers(0, 100),
    MEASUREMENTS,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(INDICATOR, max_size=4), st.lists(st.booleans(), min_size=27, max_size=27))
def test_frames_keep_absent_values_null(indicators: list[ctg.Indicator], paid_known: list[bool]) -> None:
    conv = ctg.sample()
    funding = conv.funding
    assert funding is not None
    sheet = conv.action_sheets[0].replace(indicators=indicators)
    known = iter(paid_known)
    allocations = [
        a.replace(paid={year: amount for year, amount in a.amounts.items() if next(known)}) for a in funding.allocations
    ]
    conv = ctg.Convention.build(
        conv.id,
        conv.title,
        conv.period,
        parties=conv.parties,
        domains=conv.domains,
        stakes=conv.stakes,
        objectives=conv.objectives,
        action_sheets=[sheet, *conv.action_sheets[1:]],
        beneficiaries=funding.beneficiaries,
        allocations=allocations,
        declared=funding.declared,
    )
    rows = conv.indicator_rows()
    for backend in ("pandas", "polars"):
        frame: Any = conv.indicators_frame(backend)
        if not rows:  # one row of the convention's id and nulls
            assert len(frame) == 1
            nulls = frame["indicator"].null_count() if backend == "polars" else int(frame["indicator"].isna().sum())
            assert nulls == 1
            continue
        assert len(frame) == len(rows)
        for column in ("baseline", "target", "date", "value", "progress"):
            nulls = sum(getattr(r, column) is None for r in rows)
            got = frame[column].null_count() if backend == "polars" else int(frame[column].isna().sum())
            assert got == nulls, (backend, column)
    unmeasured = sum(not i.measurements for i in indicators)
    assert sum(r.date is None for r in rows) == unmeasured
    assert sum(p.status is ctg.IndicatorStatus.NOT_MEASURED for p in conv.indicator_progress()) == unmeasured
    execution = conv.execution_frame()
    assert len(execution) == 27
    assert int(execution["paid"].isna().sum()) == paid_known.count(False)
    assert int(execution["gap"].isna().sum()) == paid_known.count(False)
    assert (execution["gap"].dropna() == 0).all()  # paid what was planned


def test_document_paths_exist() -> None:
    assert all(isinstance(name, str) and name for name, _ in DOCUMENTS)
    assert Path(FIXTURES).is_dir()
