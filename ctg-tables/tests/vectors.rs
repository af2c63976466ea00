//! The shared table vectors of `tests/tables/vectors/` (format in its README): each input table
//! imported (into its base document), validated, and compared with the hand-written expectation.

use std::path::{Path, PathBuf};

use ctg_core::{Convention, Param};
use ctg_tables::{Importer, Shape};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/tables/vectors")
}

fn param_text(p: Option<&Param>) -> Value {
    match p {
        Some(Param::Text(s)) => Value::String(s.clone()),
        Some(Param::Int(i)) => Value::from(*i),
        _ => Value::Null,
    }
}

fn run(path: &Path) -> Result<(), String> {
    let vector: Value =
        serde_json::from_str(&std::fs::read_to_string(path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let input = dir().join(vector["input"].as_str().ok_or("input")?);
    let bytes = std::fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let name = vector["name"].as_str().ok_or("name")?;
    let base: Option<Value> = match vector.get("into").and_then(Value::as_str) {
        Some(file) => Some(
            serde_json::from_str(
                &std::fs::read_to_string(dir().join(file)).map_err(|e| e.to_string())?,
            )
            .map_err(|e| e.to_string())?,
        ),
        None => None,
    };
    let mut importer = Importer::new();
    if let Some(base) = &base {
        importer = importer.into_document(base);
    }
    if let Some(shape) = vector.get("shape").and_then(Value::as_str) {
        importer = importer.shape(shape.parse::<Shape>().map_err(|e| e.to_string())?);
    }
    let import = importer.import(&[(name, &bytes)]);
    let report = import.validate();
    let expect = &vector["expect"];

    if let Some(tables) = expect.get("tables") {
        let got: Vec<Value> = import
            .tables
            .iter()
            .map(|t| serde_json::json!({"sheet": t.sheet, "shape": t.shape.code(), "header_row": t.header_row}))
            .collect();
        if &Value::Array(got.clone()) != tables {
            return Err(format!("tables: got {got:?}"));
        }
    }
    if expect["valid"].as_bool() != Some(report.is_valid()) {
        return Err(format!("valid: got {}\n{report}", report.is_valid()));
    }
    let mut got: Vec<String> = report
        .issues()
        .iter()
        .map(|i| {
            serde_json::json!({
                "code": i.code.as_str(),
                "severity": i.severity.to_string(),
                "sheet": param_text(i.params.get("sheet")),
                "row": param_text(i.params.get("row")),
                "column": param_text(i.params.get("column")),
            })
            .to_string()
        })
        .collect();
    let mut want: Vec<String> = expect["issues"]
        .as_array()
        .ok_or("issues")?
        .iter()
        .map(Value::to_string)
        .collect();
    got.sort();
    want.sort();
    if got != want {
        return Err(format!(
            "issues:\n got  {got:#?}\n want {want:#?}\n{report}"
        ));
    }
    if let Some(declared) = expect.get("declared") {
        if &import.document["funding"]["declared"] != declared {
            return Err(format!(
                "declared: got {}",
                import.document["funding"]["declared"]
            ));
        }
    }
    if let Some(totals) = expect.get("totals") {
        let conv = Convention::from_value(&import.document).map_err(|r| r.to_string())?;
        let computed = serde_json::to_value(conv.totals()).map_err(|e| e.to_string())?;
        match totals {
            Value::Null if computed.is_null() => {}
            Value::Object(keys) => {
                for (key, value) in keys {
                    if &computed[key] != value {
                        return Err(format!("totals.{key}: got {}", computed[key]));
                    }
                }
            }
            _ => return Err(format!("totals: got {computed}")),
        }
    }
    Ok(())
}

#[test]
fn every_table_vector_gives_its_expected_answer() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("vectors")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("base.json"))
        .collect();
    paths.sort();
    for path in paths {
        count += 1;
        if let Err(e) = run(&path) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(count >= 20, "{count} vectors");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
