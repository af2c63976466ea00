//! The shared vectors of `tests/vectors/life/` (also run by the Python and WebAssembly bindings):
//! the convention in force at dates, comparisons and renewals, with hand-written expectations.

use std::path::PathBuf;

use ctg_core::{Change, Convention, NaiveDate};
use serde_json::{json, Value};

fn vectors() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/life");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(dir)
        .expect("tests/vectors/life exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (
                p.display().to_string(),
                serde_json::from_str(&text).expect("JSON"),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn convention(doc: &Value) -> Convention {
    Convention::from_value(doc).unwrap_or_else(|report| panic!("{report}"))
}

fn numbers(amendments: &[ctg_core::Amendment]) -> Value {
    json!(amendments.iter().map(|a| a.number()).collect::<Vec<_>>())
}

fn check_as_of(name: &str, v: &Value) {
    let conv = convention(&v["input"]);
    for step in v["as_of"].as_array().expect("as_of") {
        let date: NaiveDate = step["date"]
            .as_str()
            .expect("date")
            .parse()
            .expect("a date");
        let in_force = conv.as_of(date).unwrap_or_else(|r| panic!("{name}: {r}"));
        let c = in_force.convention();
        assert_eq!(
            numbers(in_force.applied()),
            step["applied"],
            "{name} {date}: applied"
        );
        assert_eq!(
            numbers(in_force.pending()),
            step["pending"],
            "{name} {date}: pending"
        );
        assert_eq!(
            json!(c.totals().map(|t| t.total.to_string())),
            step["total"],
            "{name} {date}: total"
        );
        assert_eq!(
            json!(c.action_sheets().len()),
            step["action_sheets"],
            "{name} {date}"
        );
        assert_eq!(json!(c.domains().len()), step["domains"], "{name} {date}");
    }
}

fn check_diff(name: &str, v: &Value) {
    let (a, b) = (convention(&v["before"]), convention(&v["after"]));
    let diff = a.diff(&b);
    let changes: Vec<Value> = diff
        .changes()
        .iter()
        .zip(v["expect"]["changes"].as_array().expect("changes"))
        .map(|(change, expected)| {
            let (before, after) = sides(change);
            let mut got = json!({
                "kind": change.kind().code(),
                "subject": change.subject(),
                "before": before,
                "after": after,
            });
            if expected.get("difference").is_some() {
                got["difference"] = json!(change.difference().map(|d| d.to_string()));
            }
            got
        })
        .collect();
    assert_eq!(
        diff.changes().len(),
        v["expect"]["changes"].as_array().map_or(0, Vec::len),
        "{name}: {:?}",
        diff.changes()
    );
    assert_eq!(json!(changes), v["expect"]["changes"], "{name}");
    assert_eq!(json!(diff.fields()), v["expect"]["fields"], "{name}");
    // Applying the changes to the first gives the second, on everything they cover.
    let applied = a
        .apply(diff.changes())
        .unwrap_or_else(|r| panic!("{name}: {r}"));
    assert!(applied.diff(&b).changes().is_empty(), "{name}");
}

/// Whether a change has a *before* and an *after*.
fn sides(change: &Change) -> (bool, bool) {
    let value = serde_json::to_value(change).expect("serialisable");
    match change {
        Change::Period { .. } | Change::Declared { .. } => (true, true),
        Change::Amount { before, after, .. } => (before.is_some(), after.is_some()),
        _ => (value.get("before").is_some(), value.get("after").is_some()),
    }
}

fn check_renewal(name: &str, v: &Value) {
    let (previous, next) = (convention(&v["before"]), convention(&v["after"]));
    let renewal = next.renewal_of(&previous);
    let expect = &v["expect"];
    let continued: Vec<Value> = renewal
        .continued()
        .iter()
        .map(|l| json!([l.previous, l.next]))
        .collect();
    assert_eq!(json!(continued), expect["continued"], "{name}: continued");
    let numbers =
        |sheets: &[ctg_core::SheetRef]| json!(sheets.iter().map(|s| s.number).collect::<Vec<_>>());
    assert_eq!(
        numbers(renewal.started()),
        expect["started"],
        "{name}: started"
    );
    assert_eq!(
        numbers(renewal.stopped()),
        expect["stopped"],
        "{name}: stopped"
    );
    assert_eq!(json!(renewal.joined()), expect["joined"], "{name}");
    assert_eq!(json!(renewal.left()), expect["left"], "{name}");
    let codes =
        |ds: &[ctg_core::ThematicDomain]| json!(ds.iter().map(|d| d.code()).collect::<Vec<_>>());
    assert_eq!(
        codes(renewal.domains_added()),
        expect["domains_added"],
        "{name}"
    );
    assert_eq!(
        codes(renewal.domains_removed()),
        expect["domains_removed"],
        "{name}"
    );
    assert_eq!(
        serde_json::to_value(renewal.envelope()).expect("envelope"),
        expect["envelope"],
        "{name}: envelope"
    );
}

#[test]
fn every_life_vector_gives_the_expected_outcome() {
    let all = vectors();
    assert!(all.len() >= 6, "found {}", all.len());
    for (name, v) in &all {
        if v.get("as_of").is_some() {
            check_as_of(name, v);
        } else if name.contains("renewal-") {
            check_renewal(name, v);
        } else {
            check_diff(name, v);
        }
    }
}
