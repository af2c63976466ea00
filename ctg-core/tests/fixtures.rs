//! The real-data fixtures of `tests/fixtures/`: they validate, their canonical output validates back
//! to the same convention, the Thoré fixture has the figures of its source text, and (feature
//! `schema`) both the files and the canonical outputs satisfy the published JSON Schema.

use std::path::PathBuf;

use ctg_core::{validate_str, Convention};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// Every fixture: (file name, text), sorted by name.
fn fixtures() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("fixture is UTF-8 text");
            (name, text)
        })
        .collect();
    out.sort();
    out
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture exists")
}

const THORE: &str = "thore-montagne-noire-2023-2025.json";

#[test]
fn there_are_five_fixtures() {
    let names: Vec<String> = fixtures().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "quercy-rouergue-gorges-aveyron-2022-2024.json",
            "saumur-loire-developpement-2023-2027.json",
            "tarn-agout-2023-2026.json",
            "terres-des-confluences-2023-2027.json",
            "thore-montagne-noire-2023-2025.json",
        ]
    );
}

#[test]
fn every_fixture_is_valid_and_its_canonical_form_round_trips() {
    for (name, text) in fixtures() {
        let validation = validate_str(&text);
        assert!(validation.is_valid(), "{name}:\n{}", validation.report());
        let conv = validation.convention().unwrap().clone();

        let canonical = conv.to_json_pretty();
        let again = validate_str(&canonical);
        assert!(again.is_valid(), "{name} (canonical):\n{}", again.report());
        // Re-validating the canonical output raises the same warnings as the file, no more.
        assert_eq!(
            again.report(),
            validation.report(),
            "{name}: the canonical output changes the warnings"
        );
        let back = again.convention().unwrap();
        assert_eq!(back, &conv, "{name}");
        // The canonical text is a fixed point.
        assert_eq!(back.to_json_pretty(), canonical, "{name}");
        let file: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            conv.to_value(),
            file,
            "{name}: the fixture is not in canonical form"
        );
    }
}

/// The fixtures are in canonical form, as their README says: each file is, byte for byte, the
/// pretty canonical output of reading it (`Convention::to_json_pretty`) plus a final newline.
/// A failure prints the canonical text to put in the file (after checking that its content is
/// unchanged).
#[test]
fn every_fixture_is_its_own_canonical_round_trip() {
    let mut failures = Vec::new();
    for (name, text) in fixtures() {
        let conv = Convention::from_json_str(&text).unwrap();
        let canonical = conv.to_json_pretty();
        let body = text.strip_suffix('\n').unwrap_or(&text);
        if body != canonical {
            let line = body
                .lines()
                .zip(canonical.lines())
                .position(|(a, b)| a != b)
                .map_or(body.lines().count().min(canonical.lines().count()), |i| i);
            failures.push(format!(
                "{name}: differs from its canonical form from line {}:\n  file:      {:?}\n  canonical: {:?}",
                line + 1,
                body.lines().nth(line).unwrap_or("(end)"),
                canonical.lines().nth(line).unwrap_or("(end)"),
            ));
        }
        assert!(
            text.ends_with('\n') && !text.ends_with("\n\n"),
            "{name}: one final newline"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn thore_has_the_figures_of_its_source() {
    let text = fixture(THORE);
    let raw: Value = serde_json::from_str(&text).unwrap();
    let conv = Convention::from_json_str(&text).unwrap();
    assert_eq!(conv, Convention::sample());

    // Counted from the file, not assumed: the Caf, the CC, its 9 members and 2 other communes.
    let party_count = raw["parties"].as_array().unwrap().len();
    assert_eq!(party_count, 13);
    assert_eq!(conv.parties().len(), party_count);
    assert_eq!(conv.cafs().count(), 1);

    // 16 action sheets numbered 1 to 16.
    let numbers: Vec<u32> = conv.action_sheets().iter().map(|s| s.number()).collect();
    assert_eq!(numbers, (1..=16).collect::<Vec<u32>>());

    // 9 beneficiaries; 241 801 € each year of 2023–2025, 725 403 € in all (source text, seed 001).
    let funding = conv.funding().unwrap();
    assert_eq!(funding.beneficiaries().len(), 9);
    let totals = conv.totals().expect("the fixture has funding");
    let by_year: Vec<(i32, String)> = totals
        .by_year
        .iter()
        .map(|(y, a)| (*y, a.to_string()))
        .collect();
    assert_eq!(
        by_year,
        [
            (2023, "241801.00".to_owned()),
            (2024, "241801.00".to_owned()),
            (2025, "241801.00".to_owned()),
        ]
    );
    assert_eq!(totals.total.to_string(), "725403.00");
    assert_eq!(
        funding.declared().total().map(|t| t.to_string()).as_deref(),
        Some("725403.00")
    );
    // The nine amounts of the source, added here.
    let source_euros: u64 = [
        40_513, 40_800, 34_000, 34_000, 16_782, 3_095, 25_760, 29_430, 17_421,
    ]
    .iter()
    .sum();
    assert_eq!(source_euros, 241_801);
    assert_eq!(totals.by_year[&2024].cents(), source_euros * 100);

    // Expected: valid, no issue at all.
    assert!(validate_str(&text).report().issues().is_empty());
}

#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use serde_json::json;

    /// Fields that `docs/format.md` makes optional, per schema definition (`""` is the root,
    /// `Convention`). All but `status` are the lists and maps the canonical output leaves out when
    /// empty (`skip_serializing_if`); `status` is optional on input (default `planned`) and absent
    /// from most fixture files.
    const OPTIONAL_IN_FORMAT: &[(&str, &[&str])] = &[
        ("", &["governance", "amendments", "sources"]),
        ("Party", &["members", "aliases"]),
        (
            "ActionSheet",
            &[
                "domains",
                "objectives",
                "partners",
                "communes",
                "indicators",
                "status",
            ],
        ),
        ("Indicator", &["measurements"]),
        ("Objective", &["stakes"]),
        ("Diagnostic", &["sources"]),
        ("GovernanceBody", &["members"]),
        ("DeclaredTotals", &["yearly"]),
    ];

    #[test]
    fn optional_fields_are_not_required_by_the_schema() {
        let schema = ctg_core::json_schema();
        for (def, fields) in OPTIONAL_IN_FORMAT {
            let node = if def.is_empty() {
                &schema
            } else {
                &schema["$defs"][*def]
            };
            assert!(node.is_object(), "the schema defines {def}");
            let required = node["required"].as_array().cloned().unwrap_or_default();
            for field in *fields {
                assert!(
                    !required.contains(&json!(field)),
                    "{def}.{field} is required by the schema"
                );
            }
        }
    }

    fn validator() -> jsonschema::Validator {
        jsonschema::validator_for(&ctg_core::json_schema()).expect("the schema compiles")
    }

    /// The schema's complaints about `instance`, one line each.
    fn complaints(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
        validator
            .iter_errors(instance)
            .map(|e| {
                format!(
                    "at {} (schema {}): {}",
                    e.instance_path(),
                    e.schema_path(),
                    e
                )
            })
            .collect()
    }

    /// Every complaint about the fixture files and their canonical outputs.
    fn fixture_complaints(validator: &jsonschema::Validator) -> Vec<String> {
        let mut failures = Vec::new();
        for (name, text) in fixtures() {
            let file: Value = serde_json::from_str(&text).unwrap();
            for c in complaints(validator, &file) {
                failures.push(format!("{name} (file) {c}"));
            }
            let canonical = Convention::from_json_str(&text).unwrap().to_value();
            for c in complaints(validator, &canonical) {
                failures.push(format!("{name} (canonical) {c}"));
            }
        }
        failures
    }

    #[test]
    fn schema_is_draft_2020_12_and_compiles() {
        let schema = ctg_core::json_schema();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(jsonschema::meta::is_valid(&schema));
        validator();
    }

    /// schemars derives the schema of the *deserialize* contract, where a field with
    /// `skip_serializing_if` but no `default` would be `required`: every list the canonical output
    /// leaves out when empty must be marked `schemars(default)`. The files also omit
    /// `action_sheets[].status`, optional in docs/format.md.
    #[test]
    fn fixtures_and_their_canonical_output_satisfy_the_schema() {
        let failures = fixture_complaints(&validator());
        assert!(
            failures.is_empty(),
            "{} complaints:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// A tiny valid convention with one bare action sheet, as a file would write it (no
    /// `status`: optional, default `planned`, docs/format.md).
    fn minimal_file() -> Value {
        json!({
            "format_version": 1,
            "id": "x",
            "title": "x",
            "period": {"first_year": 2023, "last_year": 2025, "duration_years": 3},
            "parties": [{"id": "caf", "name": "Caf", "kind": "caf", "role": "caf"}],
            "domains": [],
            "stakes": [],
            "objectives": [],
            "action_sheets": [{"number": 1, "title": "x"}],
        })
    }

    /// Minimal case, canonical output: the root's `governance`, `amendments`, `sources` and the
    /// action sheet's `domains`, `objectives`, `partners`, `communes`, `indicators` are optional.
    #[test]
    fn minimal_canonical_output_satisfies_the_schema() {
        let canonical = Convention::from_value(&minimal_file()).unwrap().to_value();
        assert_eq!(complaints(&validator(), &canonical), Vec::<String>::new());
    }

    /// Minimal case, file form: the same document without the action sheet's `status`, which
    /// docs/format.md makes optional.
    #[test]
    fn minimal_file_without_status_satisfies_the_schema() {
        let file = minimal_file();
        assert!(Convention::from_value(&file).is_ok());
        assert_eq!(complaints(&validator(), &file), Vec::<String>::new());
    }

    /// The sample with `edit` applied: the complaints that the edit adds.
    fn new_complaints(edit: impl FnOnce(&mut Value)) -> Vec<String> {
        let original = Convention::sample().to_value();
        let mut doc = original.clone();
        edit(&mut doc);
        let validator = validator();
        let before = complaints(&validator, &original);
        complaints(&validator, &doc)
            .into_iter()
            .filter(|c| !before.contains(c))
            .collect()
    }

    #[test]
    fn schema_is_not_vacuous() {
        assert!(validator().is_valid(&Convention::sample().to_value()));
        type Edit = fn(&mut Value);
        let edits: [(&str, Edit); 10] = [
            ("integer amount", |d| {
                d["funding"]["allocations"][0]["amounts"]["2023"] = json!(40513)
            }),
            ("float total", |d| {
                d["funding"]["declared"]["total"] = json!(725403.0)
            }),
            ("French amount", |d| {
                d["funding"]["allocations"][1]["amounts"]["2024"] = json!("40 800 €")
            }),
            ("amount with one decimal", |d| {
                d["funding"]["declared"]["yearly"]["2025"] = json!("241801.0")
            }),
            ("unknown party kind", |d| {
                d["parties"][0]["kind"] = json!("banque")
            }),
            ("unknown facility kind", |d| {
                d["funding"]["allocations"][0]["facility_kind"] = json!("piscine")
            }),
            ("unknown role", |d| d["parties"][1]["role"] = json!("boss")),
            ("missing title", |d| {
                d.as_object_mut().unwrap().remove("title");
            }),
            ("INSEE 20004", |d| d["parties"][2]["insee"] = json!("20004")),
            ("year as a string", |d| {
                d["period"]["first_year"] = json!("2023")
            }),
        ];
        for (what, edit) in edits {
            assert!(
                !new_complaints(edit).is_empty(),
                "the schema accepts the {what}"
            );
        }
        // Where the schema points for a wrong kind (not hidden under an `anyOf`).
        let published = new_complaints(|d| d["parties"][0]["kind"] = json!("banque"));
        assert!(
            published.iter().any(|c| c.contains("at /parties/0/kind")),
            "{published:?}"
        );
    }
}
