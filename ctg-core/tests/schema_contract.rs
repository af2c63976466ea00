//! The published JSON Schemas against validation (feature `schema`): the hand-written mutations of
//! `tests/schema/mutations.json` get the verdicts the file states from both `ctg` validation and
//! an independent JSON Schema validator (the `jsonschema` crate; the npm package's tests run the
//! same file through Ajv), and the schemas are standard (no non-standard format, no Rust code in
//! descriptions, unknown fields accepted everywhere).
#![cfg(feature = "schema")]

use std::path::PathBuf;

use ctg_core::{json_schema, output_json_schema, validate_value, Convention};
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_json(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn fixture(slug: &str) -> Value {
    read_json(repo().join(format!("tests/fixtures/{slug}.json")))
}

/// The parent of the location `pointer` names, and the last token (RFC 6901).
fn parent<'v>(doc: &'v mut Value, pointer: &str) -> (&'v mut Value, String) {
    let (head, last) = pointer.rsplit_once('/').expect("a JSON pointer");
    let last = last.replace("~1", "/").replace("~0", "~");
    let parent = doc
        .pointer_mut(head)
        .unwrap_or_else(|| panic!("no parent for {pointer}"));
    (parent, last)
}

/// Applies a JSON Patch (RFC 6902) made of `add`, `replace` and `remove` operations.
fn apply(doc: &mut Value, patch: &[Value]) {
    for op in patch {
        let path = op["path"].as_str().expect("path");
        let value = op.get("value").cloned().unwrap_or(Value::Null);
        let (parent, last) = parent(doc, path);
        match (op["op"].as_str().expect("op"), parent) {
            ("add", Value::Array(items)) if last == "-" => items.push(value),
            ("add", Value::Array(items)) => items.insert(last.parse().expect("index"), value),
            ("add" | "replace", Value::Object(map)) => {
                map.insert(last, value);
            }
            ("replace", Value::Array(items)) => {
                items[last.parse::<usize>().expect("index")] = value
            }
            ("remove", Value::Object(map)) => {
                map.remove(&last)
                    .unwrap_or_else(|| panic!("nothing at {path}"));
            }
            ("remove", Value::Array(items)) => {
                items.remove(last.parse().expect("index"));
            }
            (other, _) => panic!("unsupported operation {other} at {path}"),
        }
    }
}

#[test]
fn every_mutation_gets_the_stated_verdicts() {
    let file = read_json(repo().join("tests/schema/mutations.json"));
    let mutations = file["mutations"].as_array().expect("mutations");
    assert!(mutations.len() >= 60, "{} mutations", mutations.len());
    let validator = jsonschema::validator_for(&json_schema()).expect("the schema compiles");
    let mut failures = Vec::new();
    for m in mutations {
        let name = m["name"].as_str().expect("name");
        let kind = m["kind"].as_str().expect("kind");
        let mut doc = fixture(
            m["fixture"]
                .as_str()
                .unwrap_or("thore-montagne-noire-2023-2025"),
        );
        apply(&mut doc, m["patch"].as_array().expect("patch"));

        let report = validate_value(&doc).into_report();
        let ctg_valid = m["ctg"]["valid"].as_bool().expect("ctg.valid");
        if report.is_valid() != ctg_valid {
            failures.push(format!(
                "{name}: ctg says valid={}\n{report}",
                report.is_valid()
            ));
        }
        for code in m["ctg"]["codes"].as_array().expect("ctg.codes") {
            let code = code.as_str().expect("code");
            if !report.issues().iter().any(|i| i.code.as_str() == code) {
                failures.push(format!("{name}: ctg does not report {code}\n{report}"));
            }
        }

        let schema_valid = m["schema_valid"].as_bool().expect("schema_valid");
        let complaints: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} {e}", e.instance_path()))
            .collect();
        if complaints.is_empty() != schema_valid {
            failures.push(format!(
                "{name}: the schema says valid={}: {complaints:?}",
                complaints.is_empty()
            ));
        }
        let agree = match kind {
            "structure" => ctg_valid == schema_valid,
            "lenient_writing" => ctg_valid && !schema_valid,
            "beyond_schema" => !ctg_valid && schema_valid,
            other => panic!("{name}: unknown kind {other}"),
        };
        assert!(
            agree,
            "{name}: the verdicts of kind {kind} are inconsistent"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every node of a schema, depth first.
fn nodes(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            out.push(value.clone());
            map.values().for_each(|v| nodes(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| nodes(v, out)),
        _ => {}
    }
}

#[test]
fn both_schemas_are_standard_and_open() {
    for (which, schema) in [("input", json_schema()), ("output", output_json_schema())] {
        assert!(jsonschema::meta::is_valid(&schema), "{which}");
        let mut all = Vec::new();
        nodes(&schema, &mut all);
        for node in &all {
            assert!(node.get("format").is_none(), "{which}: format in {node}");
            assert_ne!(
                node.get("additionalProperties"),
                Some(&Value::Bool(false)),
                "{which}: closed object {node}"
            );
            if let Some(Value::String(d)) = node.get("description") {
                for rust in ["```", "[`", "](crate::", "crate::", "assert", "unwrap()"] {
                    assert!(!d.contains(rust), "{which}: {rust:?} in description {d:?}");
                }
                assert!(!d.contains('\n') || d.contains("\n\n"), "{which}: {d:?}");
            }
            if node.get("type") == Some(&Value::String("string".into())) {
                assert!(
                    ["pattern", "enum", "const", "$ref"]
                        .iter()
                        .any(|k| node.get(*k).is_some()),
                    "{which}: a string without a pattern: {node}"
                );
            }
            if let Some(Value::Array(types)) = node.get("type") {
                assert!(!types.contains(&"null".into()), "{which}: null in {node}");
            }
        }
        // Every property carries a description.
        for def in schema["$defs"].as_object().unwrap().values() {
            for (name, property) in def["properties"].as_object().into_iter().flatten() {
                assert!(property["description"].is_string(), "{which}: {name}");
            }
        }
        for (name, property) in schema["properties"].as_object().unwrap() {
            assert!(property["description"].is_string(), "{which}: {name}");
        }
    }
}

/// The output contract requires what ctg always writes; every fixture (in canonical form) and
/// the canonical output of a lenient document satisfy it, and a document without the derived
/// fields does not.
#[test]
fn the_output_schema_requires_the_derived_fields() {
    let output = jsonschema::validator_for(&output_json_schema()).expect("compiles");
    let input = jsonschema::validator_for(&json_schema()).expect("compiles");
    for entry in std::fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc = read_json(path.clone());
            assert!(output.is_valid(&doc), "{path:?}");
            assert!(input.is_valid(&doc), "{path:?}");
        }
    }
    let mut doc = fixture("thore-montagne-noire-2023-2025");
    doc["period"] = serde_json::json!("2023-2025");
    doc["funding"]["declared"]["total"] = "725 403 €".into();
    doc["action_sheets"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    let canonical = Convention::from_value(&doc).unwrap().to_value();
    assert!(output.is_valid(&canonical));

    let mut bare = canonical.clone();
    bare["period"]
        .as_object_mut()
        .unwrap()
        .remove("duration_years");
    assert!(!output.is_valid(&bare) && input.is_valid(&bare));
    let mut bare = canonical;
    bare["action_sheets"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    assert!(!output.is_valid(&bare) && input.is_valid(&bare));
}
