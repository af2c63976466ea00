//! Property tests of the life of a convention: changes, their inverses, diffs, the builder and
//! the amendments in force. The conventions are the generated valid documents of
//! `convention_props.rs`; the second version of each is written here, by editing its JSON, so the
//! expected changes are known without asking the library.

mod support;

use ctg_core::{
    validate_value, AllocationKey, Amount, Change, Convention, Funding, NaiveDate, Period,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};
use support::*;

/// One edit of a document's JSON, chosen so that the result usually stays valid.
#[derive(Debug, Clone)]
enum Edit {
    /// One amount of one line for one year set to these cents (the declared totals dropped, since
    /// they would no longer add up).
    Amount(Index, u64),
    /// A domain added or removed.
    Domain(usize),
    /// A sheet's title rewritten.
    SheetTitle(Index, String),
    /// A sheet's status set.
    SheetStatus(Index, usize),
    /// A party renamed.
    PartyName(Index, String),
    /// One more year at the end of the period.
    LongerPeriod,
    /// A new stake.
    NewStake(String),
    /// A beneficiary renamed.
    BeneficiaryName(Index, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), cents()).prop_map(|(i, c)| Edit::Amount(i, c)),
        1 => (0..DOMAINS.len()).prop_map(Edit::Domain),
        1 => (any::<Index>(), text()).prop_map(|(i, t)| Edit::SheetTitle(i, t)),
        1 => (any::<Index>(), 0..STATUSES.len()).prop_map(|(i, s)| Edit::SheetStatus(i, s)),
        1 => (any::<Index>(), text()).prop_map(|(i, t)| Edit::PartyName(i, t)),
        1 => Just(Edit::LongerPeriod),
        1 => text().prop_map(Edit::NewStake),
        1 => (any::<Index>(), text()).prop_map(|(i, t)| Edit::BeneficiaryName(i, t)),
    ]
}

/// Applies an edit to a document's JSON (does nothing when the document has nothing to edit).
fn edit_doc(doc: &mut Value, g: &Generated, e: &Edit) {
    match e {
        Edit::Amount(pick, c) => {
            if g.amount_slots.is_empty() {
                return;
            }
            let (line, year) = *pick.get(&g.amount_slots);
            doc["funding"]["allocations"][line]["amounts"][year.to_string()] =
                json!(money(u128::from(*c)));
            if let Some(f) = doc["funding"].as_object_mut() {
                f.remove("declared");
            }
        }
        Edit::Domain(d) => {
            let code = json!(DOMAINS[*d]);
            let list = doc
                .as_object_mut()
                .map(|o| o.entry("domains").or_insert_with(|| json!([])));
            if let Some(Value::Array(list)) = list {
                if let Some(at) = list.iter().position(|x| *x == code) {
                    list.remove(at);
                } else {
                    list.push(code);
                }
            }
        }
        Edit::SheetTitle(pick, title) => {
            if let Some(Value::Array(sheets)) = doc.get_mut("action_sheets") {
                if !sheets.is_empty() {
                    let i = pick.index(sheets.len());
                    sheets[i]["title"] = json!(title);
                }
            }
        }
        Edit::SheetStatus(pick, status) => {
            if let Some(Value::Array(sheets)) = doc.get_mut("action_sheets") {
                if !sheets.is_empty() {
                    let i = pick.index(sheets.len());
                    sheets[i]["status"] = json!(STATUSES[*status]);
                }
            }
        }
        Edit::PartyName(pick, name) => {
            if let Some(Value::Array(parties)) = doc.get_mut("parties") {
                let i = pick.index(parties.len());
                parties[i]["name"] = json!(name);
            }
        }
        Edit::LongerPeriod => {
            let last = doc["period"]["last_year"].as_i64().unwrap_or(0);
            doc["period"]["last_year"] = json!(last + 1);
        }
        Edit::NewStake(title) => {
            let list = doc
                .as_object_mut()
                .map(|o| o.entry("stakes").or_insert_with(|| json!([])));
            if let Some(Value::Array(list)) = list {
                let id = format!("new-stake-{}", list.len() + 1);
                list.push(json!({"id": id, "title": title}));
            }
        }
        Edit::BeneficiaryName(pick, name) => {
            if let Some(Value::Array(list)) = doc["funding"].get_mut("beneficiaries") {
                if !list.is_empty() {
                    let i = pick.index(list.len());
                    list[i]["name"] = json!(name);
                }
            }
        }
    }
}

/// A generated convention and a second version of it, both valid.
fn two_versions() -> impl Strategy<Value = (Convention, Convention)> {
    (generated(false), proptest::collection::vec(edit(), 1..4)).prop_filter_map(
        "the edits made the document invalid",
        |(g, edits)| {
            let a = Convention::from_value(&g.doc).ok()?;
            let mut doc = g.doc.clone();
            for e in &edits {
                edit_doc(&mut doc, &g, e);
            }
            let b = validate_value(&doc).into_result().ok()?;
            Some((a, b))
        },
    )
}

/// Changes written as JSON and sorted, to compare two lists whatever their order.
fn sorted(changes: &[Change]) -> Vec<String> {
    let mut v: Vec<String> = changes
        .iter()
        .map(|c| serde_json::to_string(c).unwrap_or_default())
        .collect();
    v.sort();
    v
}

/// A convention's JSON with its list of domains sorted.
fn domains_sorted(conv: &Convention) -> Value {
    let mut doc = conv.to_value();
    if let Some(Value::Array(list)) = doc.get_mut("domains") {
        list.sort_by_key(Value::to_string);
    }
    doc
}

/// The inverse of a list of changes: each change inverted, in the reverse order.
fn undo(changes: &[Change]) -> Vec<Change> {
    changes.iter().rev().map(Change::inverse).collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    })]

    /// A convention does not differ from itself.
    #[test]
    fn a_convention_does_not_differ_from_itself(g in generated(false)) {
        let conv = Convention::from_value(&g.doc).unwrap();
        let diff = conv.diff(&conv);
        prop_assert!(diff.is_empty());
        prop_assert!(diff.changes().is_empty());
        prop_assert!(diff.fields().is_empty());
    }

    /// The diff from one version to another, applied to the first, gives the second; its
    /// inverse, applied to the second, gives the first back; and the diff the other way holds
    /// the same changes inverted.
    #[test]
    fn the_diff_applies_and_undoes((a, b) in two_versions()) {
        let diff = a.diff(&b);
        prop_assert!(diff.fields().is_empty(), "only tracked parts were edited: {:?}", diff.fields());
        let forward = a.apply(diff.changes());
        prop_assert!(forward.is_ok(), "{}", forward.unwrap_err());
        // A domain removed then added back by two edits comes at the end of the list, which is
        // not a change (the order of keyed lists is not one): the documents are compared with
        // their domains sorted.
        prop_assert_eq!(domains_sorted(&forward.unwrap()), domains_sorted(&b));
        let back = b.apply(&undo(diff.changes()));
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        let back = back.unwrap();
        // A part removed then added back comes at the end of its list: the order of keyed
        // lists is not a change (docs/format.md, changes), so the way back is checked by the diff.
        let left = back.diff(&a);
        prop_assert!(left.is_empty(), "{:?} {:?}", left.changes(), left.fields());
        let inverted: Vec<Change> = diff.changes().iter().map(Change::inverse).collect();
        prop_assert_eq!(sorted(b.diff(&a).changes()), sorted(&inverted));
    }

    /// Changes applied then diffed come back as the same changes (applying is what a diff
    /// describes), and the inverse of the inverse is the change.
    #[test]
    fn applied_changes_are_the_diff((a, b) in two_versions()) {
        let changes = a.diff(&b).changes().to_vec();
        let applied = a.apply(&changes).unwrap();
        let again = a.diff(&applied);
        prop_assert_eq!(again.changes(), changes.as_slice());
        for c in &changes {
            prop_assert_eq!(&c.inverse().inverse(), c);
        }
    }

    /// One amount edited: the diff is that amount (before and after, the difference as
    /// written here) and the declared totals, nothing else.
    #[test]
    fn one_amount_is_one_change(g in generated(false), pick in any::<Index>(), c in cents()) {
        prop_assume!(!g.amount_slots.is_empty());
        let a = Convention::from_value(&g.doc).unwrap();
        let (line, year) = *pick.get(&g.amount_slots);
        let before_text = g.doc["funding"]["allocations"][line]["amounts"][year.to_string()]
            .as_str()
            .map(str::to_owned);
        let mut doc = g.doc.clone();
        edit_doc(&mut doc, &g, &Edit::Amount(pick, c));
        let b = Convention::from_value(&doc).unwrap();
        let allocation = &a.funding().unwrap().allocations()[line];
        let key = AllocationKey::of(allocation);
        let diff = a.diff(&b);
        let amount_changes: Vec<&Change> = diff
            .changes()
            .iter()
            .filter(|x| matches!(x, Change::Amount { .. }))
            .collect();
        let after: Amount = money(u128::from(c)).parse().unwrap();
        let before: Option<Amount> = before_text.map(|t| t.parse().unwrap());
        if before == Some(after) {
            prop_assert!(amount_changes.is_empty());
        } else {
            prop_assert_eq!(amount_changes.len(), 1);
            let expected = Change::Amount { key, year, before, after: Some(after) };
            prop_assert_eq!(amount_changes[0], &expected);
        }
        let others = diff.changes().iter().filter(|x| {
            !matches!(x, Change::Amount { .. } | Change::Declared { .. })
        }).count();
        prop_assert_eq!(others, 0);
    }

    /// The builder, given the parts of a convention, builds the same convention as its JSON.
    #[test]
    fn the_builder_builds_what_the_json_says(g in generated(false)) {
        let conv = Convention::from_value(&g.doc).unwrap();
        let mut builder = Convention::builder(conv.id(), conv.title(), conv.period());
        for p in conv.parties() {
            builder = builder.party(p.clone());
        }
        for d in conv.domains() {
            builder = builder.domain(d.clone());
        }
        for s in conv.stakes() {
            builder = builder.stake(s.clone());
        }
        for o in conv.objectives() {
            builder = builder.objective(o.clone());
        }
        for s in conv.action_sheets() {
            builder = builder.action_sheet(s.clone());
        }
        if let Some(s) = conv.signature() {
            builder = builder.signed(s.clone());
        }
        if let Some(t) = conv.termination() {
            builder = builder.terminated(t.clone());
        }
        if let Some(r) = conv.renews() {
            builder = builder.renews(r.clone());
        }
        if let Some(d) = conv.diagnostic() {
            builder = builder.diagnostic(d.clone());
        }
        for gb in conv.governance() {
            builder = builder.governance(gb.clone());
        }
        for a in conv.amendments() {
            builder = builder.amendment(a.clone());
        }
        if let Some(f) = conv.funding() {
            builder = with_funding(builder, f);
        }
        for s in conv.sources() {
            builder = builder.source(s.clone());
        }
        if let Some(n) = conv.notes() {
            builder = builder.notes(n);
        }
        let built = builder.build();
        prop_assert!(built.is_ok(), "{}", built.unwrap_err());
        prop_assert_eq!(built.unwrap(), conv);
    }

    /// Amendments dated in turn: at each date, the convention in force is the text with the
    /// amendments up to that date applied, and after the last one it is the final version.
    #[test]
    fn amendments_in_force((a, b) in two_versions(), days in 1i64..400) {
        let changes = a.diff(&b).changes().to_vec();
        let start = a
            .signature()
            .map(|s| s.date())
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(a.period().first_year(), 1, 1).unwrap());
        let date = start + chrono::Duration::days(days);
        let mut doc = a.to_value();
        doc["amendments"] = json!([{
            "number": 1,
            "date": date.format("%Y-%m-%d").to_string(),
            "summary": "Avenant",
            "changes": serde_json::to_value(&changes).unwrap(),
        }]);
        let with_amendment = validate_value(&doc);
        prop_assert!(with_amendment.is_valid(), "{}", with_amendment.report());
        let conv = with_amendment.convention().unwrap();
        let before = conv.as_of(date - chrono::Duration::days(1)).unwrap();
        // The convention in force holds the amended text; the amendments are in applied/pending.
        prop_assert!(before.convention().amendments().is_empty());
        let then = before.convention().diff(&a);
        prop_assert!(then.changes().is_empty(), "{:?}", then.changes());
        prop_assert!(then.fields().iter().all(|f| *f == "amendments"), "{:?}", then.fields());
        prop_assert!(before.applied().is_empty());
        prop_assert_eq!(before.pending().len(), 1);
        let after = conv.as_of(date).unwrap();
        prop_assert_eq!(after.applied().len(), 1);
        let now = after.convention().diff(&b);
        prop_assert!(now.changes().is_empty(), "{:?}", now.changes());
    }
}

/// The funding's parts, given to the builder one by one.
fn with_funding(
    mut builder: ctg_core::ConventionBuilder,
    f: &Funding,
) -> ctg_core::ConventionBuilder {
    for b in f.beneficiaries() {
        builder = builder.beneficiary(b.clone());
    }
    for a in f.allocations() {
        builder = builder.allocation(a.clone());
    }
    if !f.declared().is_empty() {
        builder = builder.declared(f.declared().clone());
    }
    builder
}

/// A period that starts after it ends cannot be made, so a diff never holds one.
#[test]
fn a_period_change_keeps_valid_periods() {
    let conv = Convention::sample();
    let longer = conv
        .with_period(Period::new(2023, 2026).expect("a valid period"))
        .expect("a longer period keeps the convention valid");
    let diff = conv.diff(&longer);
    assert_eq!(diff.changes().len(), 1);
    assert!(matches!(diff.changes()[0], Change::Period { .. }));
    assert_eq!(longer.apply(&undo(diff.changes())).unwrap(), conv);
}

/// What was paid is execution data, not a change: a diff names it as a field, and no change.
#[test]
fn paid_amounts_are_a_field_of_the_diff() {
    let conv = Convention::sample();
    let mut doc = conv.to_value();
    doc["funding"]["allocations"][1]["paid"] = json!({"2023": "40800.00"});
    let paid = Convention::from_value(&doc).expect("paid inside the plan is valid");
    let diff = conv.diff(&paid);
    assert!(diff.changes().is_empty());
    assert_eq!(diff.fields(), ["paid"]);
}

/// Removing an amount that is not there is refused, not done silently.
#[test]
fn removing_an_absent_amount_cannot_apply() {
    let conv = Convention::sample();
    let key = AllocationKey::of(&conv.funding().unwrap().allocations()[1]);
    let mut doc = conv.to_value();
    doc["funding"]["allocations"][1]["amounts"]
        .as_object_mut()
        .unwrap()
        .remove("2025");
    doc["funding"].as_object_mut().unwrap().remove("declared");
    let without_2025 = Convention::from_value(&doc).unwrap();
    let report = without_2025.with_amount(&key, 2025, None).unwrap_err();
    assert_eq!(report.issues()[0].code.as_str(), "change.cannot_apply");
    assert_eq!(report.issues()[0].path.to_string(), "changes[0]");
}

/// A part made in code holds what the same part read from a document holds (texts trimmed), so a
/// change made of it applies and its inverse undoes it.
#[test]
fn parts_made_in_code_are_read_as_documents_are() {
    use ctg_core::Stake;
    let conv = Convention::sample();
    let stake = Stake::new("  enjeu-nouveau ", "  Un enjeu de plus  ");
    assert_eq!(stake.id(), "enjeu-nouveau");
    assert_eq!(stake.title(), "Un enjeu de plus");
    let add = Change::Stake {
        before: None,
        after: Some(stake),
    };
    let edited = conv.apply(std::slice::from_ref(&add)).unwrap();
    assert_eq!(edited.apply(&[add.inverse()]).unwrap(), conv);
}
