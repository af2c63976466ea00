//! The shared test vectors (`tests/vectors/*.json`), also run by the Python and WebAssembly
//! bindings: every verdict, issue (code, severity, path, and `ctx` where given) and total must
//! match. Inputs are fed as the vector says: the raw JSON text of `input` (not a re-serialisation,
//! which would change `4.08e4`) or `input_text` — as text, as bytes, and as the host tree a
//! binding would build from it when the text can be one without a change — or the host tree of
//! `input_host`.

use std::path::PathBuf;

use ctg_core::input::{Key, Value as Host};
use ctg_core::{Limits, Report, Validation, Validator};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

#[derive(Deserialize)]
struct Vector<'a> {
    #[serde(borrow)]
    input: Option<&'a RawValue>,
    input_text: Option<String>,
    input_host: Option<Value>,
    hosts: Option<Vec<String>>,
    limits: Option<Value>,
    /// The reference to validate with (`"cog-2026"`: ctg-geo's embedded geography).
    gazetteer: Option<String>,
    expect: Value,
}

/// The limits a vector asks for, over the defaults.
fn limits(given: Option<&Value>) -> Limits {
    let mut limits = Limits::default();
    if let Some(Value::Object(map)) = given {
        for (key, value) in map {
            let n = value.as_u64().expect("a limit is an integer") as usize;
            match key.as_str() {
                "max_bytes" => limits.max_bytes = n,
                "max_values" => limits.max_values = n,
                "max_depth" => limits.max_depth = n,
                "max_issues" => limits.max_issues = n,
                other => panic!("unknown limit {other}"),
            }
        }
    }
    limits
}

/// The host tree a tagged value describes (see `tests/vectors/README.md`).
fn host(v: &Value) -> Host {
    match v {
        Value::Null => Host::Null,
        Value::Bool(b) => Host::Bool(*b),
        Value::Number(n) => Host::Int(i128::from(n.as_i64().expect("integer"))),
        Value::String(s) => Host::Text(s.clone()),
        Value::Array(items) => Host::List(items.iter().map(host).collect()),
        Value::Object(map) => {
            if map.len() == 1 {
                let (tag, arg) = map.iter().next().expect("one entry");
                if let Some(tagged) = tagged(tag, arg) {
                    return tagged;
                }
            }
            Host::Map(
                map.iter()
                    .map(|(k, v)| (Key::Text(k.clone()), host(v)))
                    .collect(),
            )
        }
    }
}

fn tagged(tag: &str, arg: &Value) -> Option<Host> {
    let text = || arg.as_str().expect("a text argument").to_owned();
    Some(match tag {
        "$float" => Host::Float(match arg.as_str().expect("float as text") {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            "-Infinity" => f64::NEG_INFINITY,
            t => t.parse().expect("float"),
        }),
        "$int" => {
            let t = match arg {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            t.parse::<i128>().map_or(Host::BigInt(t), Host::Int)
        }
        "$numpy_int64" => Host::Int(i128::from(arg.as_i64().expect("int"))),
        "$decimal" => Host::Decimal(text()),
        "$date" => Host::Date(text().parse().expect("date")),
        "$datetime" => Host::DateTime(text().parse().expect("datetime")),
        "$text" => {
            let mut units: Vec<u16> = Vec::new();
            for part in arg.as_array().expect("parts") {
                match part {
                    Value::String(s) => units.extend(s.encode_utf16()),
                    Value::Number(n) => units.push(n.as_u64().expect("code unit") as u16),
                    _ => panic!("bad $text part"),
                }
            }
            match String::from_utf16(&units) {
                Ok(s) => Host::Text(s),
                Err(_) => Host::BrokenText(String::from_utf16_lossy(&units)),
            }
        }
        "$map" => Host::Map(
            arg.as_array()
                .expect("pairs")
                .iter()
                .map(|pair| {
                    let key = match &pair[0] {
                        Value::String(s) => Key::Text(s.clone()),
                        Value::Object(m) if m.contains_key("$int") => {
                            Key::Int(m["$int"].as_i64().expect("int key").into())
                        }
                        other => panic!("bad key {other}"),
                    };
                    (key, host(&pair[1]))
                })
                .collect(),
        ),
        "$unsupported" => Host::Unsupported(text()),
        "$throwing_getter" => Host::Unreadable(text()),
        "$nested_lists" => {
            // A binding stops building at the depth limit and marks the place.
            let depth = arg.as_u64().expect("depth") as usize;
            let limit = Limits::default().max_depth;
            let mut value = Host::List(Vec::new());
            for _ in 1..depth.min(limit + 1) {
                value = Host::List(vec![value]);
            }
            if depth > limit {
                value = Host::TooDeep;
            }
            value
        }
        "$sparse_array" => Host::TooLarge,
        _ => return None,
    })
}

/// The validations of a vector: its JSON text as text, as bytes and as a host tree; or its host
/// tree.
fn validate(vector: &Vector<'_>) -> Vec<(&'static str, Validation)> {
    let mut validator = Validator::new().limits(limits(vector.limits.as_ref()));
    match vector.gazetteer.as_deref() {
        None => {}
        Some("cog-2026") => {
            let geo = ctg_geo::Geography::embedded().expect("the embedded geography loads");
            assert_eq!(geo.vintage().geography, "COG 2026");
            validator = validator.gazetteer(geo);
        }
        Some(other) => panic!("unknown gazetteer {other}"),
    }
    let text = vector
        .input
        .map(|raw| raw.get().to_owned())
        .or_else(|| vector.input_text.clone());
    if let Some(text) = text {
        let mut runs = vec![
            ("text", validator.validate_str(&text)),
            ("bytes", validator.validate_slice(text.as_bytes())),
        ];
        // As a host tree too, as Python's json.loads or JavaScript's JSON.parse would give it —
        // when the text can be a tree without a change (no duplicate key, no lone surrogate, no
        // number written otherwise: those are read from text only).
        // A limit on bytes holds for text only.
        let on_bytes = vector
            .limits
            .as_ref()
            .is_some_and(|l| l.get("max_bytes").is_some());
        if let (false, Ok(tree)) = (on_bytes, Validator::new().read_tree(text.as_bytes())) {
            runs.push(("host tree", validator.validate_host(&host_of_json(&tree))));
        }
        return runs;
    }
    let Some(hosts) = vector.hosts.as_ref() else {
        return Vec::new();
    };
    if !hosts.iter().any(|h| h == "rust") {
        return Vec::new();
    }
    match vector.input_host.as_ref() {
        Some(input) => vec![("host", validator.validate_host(&host(input)))],
        None => Vec::new(),
    }
}

/// A JSON tree as a host hands it over: numbers with a fraction are binary floats.
fn host_of_json(v: &Value) -> Host {
    match v {
        Value::Null => Host::Null,
        Value::Bool(b) => Host::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Host::Int(i.into()),
            (_, Some(u), _) => Host::Int(u.into()),
            (_, _, Some(f)) => Host::Float(f),
            _ => panic!("a JSON number is one of them"),
        },
        Value::String(s) => Host::Text(s.clone()),
        Value::Array(items) => Host::List(items.iter().map(host_of_json).collect()),
        Value::Object(map) => Host::Map(
            map.iter()
                .map(|(k, v)| (Key::Text(k.clone()), host_of_json(v)))
                .collect(),
        ),
    }
}

type Row = (String, String, String, Option<Value>);

fn expected_rows(expect: &Value) -> Vec<Row> {
    let mut rows: Vec<Row> = expect["issues"]
        .as_array()
        .expect("expect.issues")
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap_or_default().to_owned(),
                i["code"].as_str().unwrap_or_default().to_owned(),
                i["severity"].as_str().unwrap_or_default().to_owned(),
                i.get("ctx").cloned(),
            )
        })
        .collect();
    rows.sort_by(|a, b| (&a.0, &a.1, &a.2).cmp(&(&b.0, &b.1, &b.2)));
    rows
}

fn actual_rows(report: &Report) -> Vec<Row> {
    let mut rows: Vec<Row> = report
        .issues()
        .iter()
        .map(|i| {
            (
                i.path.to_string(),
                i.code.as_str().to_owned(),
                i.severity.as_str().to_owned(),
                serde_json::to_value(&i.params).ok(),
            )
        })
        .collect();
    rows.sort_by(|a, b| (&a.0, &a.1, &a.2).cmp(&(&b.0, &b.1, &b.2)));
    rows
}

fn check(name: &str, vector: &Vector<'_>, validation: &Validation) -> Result<(), String> {
    let expect = &vector.expect;
    let report = validation.report();
    let mut problems = Vec::new();
    let valid = expect["valid"].as_bool().ok_or("expect.valid")?;
    if report.is_valid() != valid || validation.is_valid() != valid {
        problems.push(format!(
            "valid: expected {valid}, got {}",
            report.is_valid()
        ));
    }
    let expected = expected_rows(expect);
    let actual = actual_rows(report);
    let key = |rows: &[Row]| -> Vec<(String, String, String)> {
        rows.iter()
            .map(|r| (r.0.clone(), r.1.clone(), r.2.clone()))
            .collect()
    };
    if key(&expected) != key(&actual) {
        problems.push(format!(
            "issues differ\n    expected: {:?}\n    actual:   {:?}\n    messages: {:?}",
            key(&expected),
            key(&actual),
            report
                .issues()
                .iter()
                .map(|i| i.message(ctg_core::Lang::En))
                .collect::<Vec<_>>()
        ));
    } else {
        for (want, got) in expected.iter().zip(&actual) {
            let (Some(Value::Object(want_ctx)), Some(got_ctx)) = (&want.3, &got.3) else {
                continue;
            };
            for (k, v) in want_ctx {
                if got_ctx.get(k) != Some(v) {
                    problems.push(format!(
                        "{} {}: ctx.{k} expected {v}, got {}",
                        want.0,
                        want.1,
                        got_ctx.get(k).unwrap_or(&Value::Null)
                    ));
                }
            }
        }
    }
    match expect.get("totals") {
        Some(Value::Null) if validation.convention().is_none() => {
            problems.push("totals expected absent, but the document is invalid".to_owned());
        }
        Some(Value::Null) if validation.convention().and_then(|c| c.totals()).is_some() => {
            problems.push("totals expected absent".to_owned());
        }
        Some(Value::Object(totals)) => match validation.convention().and_then(|c| c.totals()) {
            None => problems.push("totals expected but absent or invalid".to_owned()),
            Some(computed) => {
                let computed = serde_json::to_value(computed).map_err(|e| e.to_string())?;
                for (key, want) in totals {
                    if computed.get(key) != Some(want) {
                        problems.push(format!(
                            "totals.{key}: expected {want}, got {}",
                            computed.get(key).unwrap_or(&Value::Null)
                        ));
                    }
                }
            }
        },
        _ => {}
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
        entries.len() >= 120,
        "expected the full vector set, found {}",
        entries.len()
    );
    let mut ran = 0;
    let mut with_gazetteer = 0;
    let mut failures = Vec::new();
    for path in &entries {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).expect("readable vector");
        let vector: Vector<'_> = serde_json::from_str(&text).expect("well-formed vector");
        let runs = validate(&vector);
        if runs.is_empty() {
            continue;
        }
        ran += 1;
        with_gazetteer += usize::from(vector.gazetteer.is_some());
        for (form, validation) in &runs {
            if let Err(problem) = check(&format!("{name} ({form})"), &vector, validation) {
                failures.push(problem);
            }
        }
    }
    assert!(ran >= 120, "only {ran} vectors ran");
    assert!(
        with_gazetteer >= 20,
        "only {with_gazetteer} vectors ran with the geography"
    );
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        ran,
        failures.join("\n")
    );
}
