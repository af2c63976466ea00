//! Runs the language-neutral resolution vectors of `tests/geo/resolution-vectors.json` (the same
//! file the Python and WebAssembly packages run). Every failing vector is reported, not only the
//! first.

use ctg_geo::{Context, Geography, Ranked};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/geo/resolution-vectors.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn context(vector: &Value) -> Context {
    match vector.get("context") {
        Some(c) => serde_json::from_value(c.clone()).unwrap_or_else(|e| panic!("context {c}: {e}")),
        None => Context::new(),
    }
}

fn strings(value: Option<&Value>) -> Option<Vec<String>> {
    value.map(|v| {
        v.as_array()
            .unwrap_or_else(|| panic!("{v} is not a list"))
            .iter()
            .map(|s| {
                s.as_str()
                    .unwrap_or_else(|| panic!("{s} is not a string"))
                    .to_owned()
            })
            .collect()
    })
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// Compares one resolution with its vector; returns what differs.
fn check<C: Ranked + serde::Serialize>(
    vector: &Value,
    resolution: &ctg_geo::Resolution<'_, C>,
    code_field: &str,
) -> Vec<String> {
    let mut errors = Vec::new();
    let json = serde_json::to_value(resolution).unwrap_or_default();
    let status = vector["status"].as_str().unwrap_or_default();
    if json["status"] != status {
        errors.push(format!("status {} (expected {status})", json["status"]));
    }
    let first = &json["candidates"][0];
    let record = |c: &Value| -> String {
        let r = if code_field == "insee" {
            &c["commune"]
        } else {
            &c["epci"]
        };
        r[code_field].as_str().unwrap_or_default().to_owned()
    };
    if let Some(expected) = vector.get(code_field).and_then(Value::as_str) {
        if record(first) != expected {
            errors.push(format!(
                "first candidate {} (expected {expected})",
                record(first)
            ));
        }
    }
    for field in ["match", "distance"] {
        if let Some(expected) = vector.get(field) {
            if &first[field] != expected {
                errors.push(format!("{field} {} (expected {expected})", first[field]));
            }
        }
    }
    if let Some(expected) = strings(vector.get("rules")) {
        let actual = strings(first.get("rules")).unwrap_or_default();
        if sorted(actual.clone()) != sorted(expected.clone()) {
            errors.push(format!("rules {actual:?} (expected {expected:?})"));
        }
    }
    if let Some(expected) = vector.get("former").and_then(Value::as_str) {
        if first["former"]["insee"] != expected {
            errors.push(format!("former {} (expected {expected})", first["former"]));
        }
    }
    if let Some(expected) = vector.get("reason") {
        if &json["reason"] != expected {
            errors.push(format!("reason {} (expected {expected})", json["reason"]));
        }
    }
    if let Some(expected) = strings(vector.get("candidates")) {
        let tied: Vec<String> = resolution
            .tied()
            .iter()
            .map(|c| c.identity().to_owned())
            .collect();
        if sorted(tied.clone()) != sorted(expected.clone()) {
            errors.push(format!("tied candidates {tied:?} (expected {expected:?})"));
        }
    }
    if let Some(expected) = strings(vector.get("outside_context")) {
        let outside: Vec<String> = json["outside_context"]
            .as_array()
            .map(|a| a.iter().map(record).collect())
            .unwrap_or_default();
        if sorted(outside.clone()) != sorted(expected.clone()) {
            errors.push(format!(
                "outside context {outside:?} (expected {expected:?})"
            ));
        }
    }
    if let Some(expected) = vector.get("members").and_then(Value::as_u64) {
        let members = first["epci"]["members"].as_array().map_or(0, Vec::len) as u64;
        if members != expected {
            errors.push(format!("{members} members (expected {expected})"));
        }
    }
    errors
}

#[test]
fn resolution_vectors() {
    let geo = Geography::embedded().unwrap_or_else(|e| panic!("{e}"));
    let vectors = vectors();
    assert_eq!(
        vectors["reference"]["geography"],
        geo.vintage().geography.as_str()
    );
    assert_eq!(
        vectors["reference"]["version"],
        geo.vintage().version.as_str()
    );
    let mut failures = Vec::new();
    let mut count = 0;

    for vector in vectors["communes"].as_array().into_iter().flatten() {
        count += 1;
        let name = vector["name"].as_str().unwrap_or_default();
        let resolution = geo.resolve(name, &context(vector));
        for error in check(vector, &resolution, "insee") {
            failures.push(format!("commune {name:?} [{}]: {error}", vector["group"]));
        }
    }
    for vector in vectors["epcis"].as_array().into_iter().flatten() {
        count += 1;
        let name = vector["name"].as_str().unwrap_or_default();
        let resolution = geo.resolve_epci(name, &context(vector));
        for error in check(vector, &resolution, "siren") {
            failures.push(format!("EPCI {name:?} [{}]: {error}", vector["group"]));
        }
    }
    for vector in vectors["lists"].as_array().into_iter().flatten() {
        count += 1;
        let ctx = context(vector);
        let list = match (
            vector.get("text").and_then(Value::as_str),
            strings(vector.get("names")),
        ) {
            (Some(text), _) => geo.resolve_text(text, &ctx),
            (None, Some(names)) => geo.resolve_names(names.iter().map(String::as_str), &ctx),
            _ => panic!("list vector without text or names: {vector}"),
        };
        let resolved: Vec<String> = list
            .resolved
            .iter()
            .map(|r| r.collectivity.code().to_owned())
            .collect();
        let unresolved: Vec<String> = list.unresolved.iter().map(|u| u.written.clone()).collect();
        let expected_resolved = strings(vector.get("resolved")).unwrap_or_default();
        let expected_unresolved = strings(vector.get("unresolved")).unwrap_or_default();
        if resolved != expected_resolved || unresolved != expected_unresolved {
            failures.push(format!(
                "list [{}]: resolved {resolved:?}, unresolved {unresolved:?} (expected {expected_resolved:?}, {expected_unresolved:?})",
                vector["group"]
            ));
        }
    }
    assert!(count > 100, "only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
