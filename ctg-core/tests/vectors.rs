//! The shared test vectors (`tests/vectors/*.json`), also run by the Python and WebAssembly
//! bindings: every verdict, issue (code, severity, path) and total must match.

use std::path::PathBuf;

use serde_json::Value;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// `(path, code, severity)`, sorted, as the vectors' README prescribes.
fn sorted_issues(
    issues: impl Iterator<Item = (String, String, String)>,
) -> Vec<(String, String, String)> {
    let mut issues: Vec<_> = issues.collect();
    issues.sort();
    issues
}

fn check(name: &str, vector: &Value) -> Result<(), String> {
    let validation = match (vector.get("input"), vector.get("input_text")) {
        (Some(input), None) => {
            let text = serde_json::to_string(input).map_err(|e| e.to_string())?;
            ctg_core::validate_str(&text)
        }
        (None, Some(Value::String(text))) => ctg_core::validate_str(text),
        _ => return Err(format!("{name}: neither `input` nor `input_text`")),
    };
    let expect = &vector["expect"];
    let report = validation.report();
    let mut problems = Vec::new();

    let valid = expect["valid"]
        .as_bool()
        .ok_or("expect.valid is not a bool")?;
    if report.is_valid() != valid || validation.is_valid() != valid {
        problems.push(format!(
            "valid: expected {valid}, got {}",
            report.is_valid()
        ));
    }
    let expected = sorted_issues(
        expect["issues"]
            .as_array()
            .ok_or("expect.issues is not a list")?
            .iter()
            .map(|i| {
                (
                    i["path"].as_str().unwrap_or_default().to_owned(),
                    i["code"].as_str().unwrap_or_default().to_owned(),
                    i["severity"].as_str().unwrap_or_default().to_owned(),
                )
            }),
    );
    let actual = sorted_issues(report.issues().iter().map(|i| {
        (
            i.path.to_string(),
            i.code.as_str().to_owned(),
            i.severity.as_str().to_owned(),
        )
    }));
    if expected != actual {
        problems.push(format!(
            "issues differ\n    expected: {expected:?}\n    actual:   {actual:?}\n    messages: {:?}",
            report.issues().iter().map(|i| i.message(ctg_core::Lang::En)).collect::<Vec<_>>()
        ));
    }
    if let Some(Value::Object(totals)) = expect.get("totals") {
        match validation.convention() {
            None => problems.push("totals expected but the document is invalid".to_owned()),
            Some(conv) => {
                let computed = serde_json::to_value(conv.totals()).map_err(|e| e.to_string())?;
                let computed = if computed.is_null() {
                    Value::Object(Default::default())
                } else {
                    computed
                };
                for (key, want) in totals {
                    if computed.get(key) != Some(want) {
                        problems.push(format!(
                            "totals.{key}: expected {want}, got {}",
                            computed.get(key).unwrap_or(&Value::Null)
                        ));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}:\n  {}", problems.join("\n  ")))
    }
}

#[test]
fn every_shared_vector_gives_the_expected_outcome() {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    entries.sort();
    assert!(
        entries.len() >= 50,
        "expected the full vector set, found {}",
        entries.len()
    );
    let failures: Vec<String> = entries
        .iter()
        .filter_map(|path| {
            let name = path.display().to_string();
            let vector = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()));
            match vector {
                Ok(vector) => check(&name, &vector).err(),
                Err(error) => Some(format!("{name}: unreadable vector: {error}")),
            }
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
}
