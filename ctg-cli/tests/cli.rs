//! The `ctg` command end to end: exit statuses, languages, JSON output.

use std::path::PathBuf;
use std::process::{Command, Output};

fn ctg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ctg"))
        .args(args)
        .output()
        .expect("the ctg binary runs")
}

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .display()
        .to_string()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Writes the `input` of a shared vector to a temporary file.
fn vector_input(name: &str) -> PathBuf {
    let text = std::fs::read_to_string(repo(&format!("tests/vectors/{name}"))).expect("vector");
    let vector: serde_json::Value = serde_json::from_str(&text).expect("vector JSON");
    let path = std::env::temp_dir().join(format!("ctg-cli-test-{}-{name}", std::process::id()));
    std::fs::write(&path, vector["input"].to_string()).expect("temp file");
    path
}

#[test]
fn validate_accepts_every_fixture_with_exit_status_0() {
    for fixture in [
        "thore-montagne-noire-2023-2025",
        "terres-des-confluences-2023-2027",
        "tarn-agout-2023-2026",
        "saumur-loire-developpement-2023-2027",
        "quercy-rouergue-gorges-aveyron-2022-2024",
    ] {
        let output = ctg(&["validate", &repo(&format!("tests/fixtures/{fixture}.json"))]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{fixture}: {}",
            stdout(&output)
        );
        assert!(stdout(&output).contains("valide"), "{fixture}");
    }
}

#[test]
fn validate_reports_problems_in_french_by_default_and_english_on_request() {
    let file = vector_input("invalid-funding-year-total-mismatch.json");
    let file = file.to_str().expect("utf-8 path");
    let fr = ctg(&["validate", file]);
    assert_eq!(fr.status.code(), Some(1));
    let text = stdout(&fr);
    assert!(text.contains("invalide"), "{text}");
    assert!(
        text.contains("erreur [funding.year_total_mismatch] funding.declared.yearly."),
        "{text}"
    );

    let en = ctg(&["validate", "--lang", "en", file]);
    assert_eq!(en.status.code(), Some(1));
    assert!(stdout(&en).contains("error [funding.year_total_mismatch]"));
}

#[test]
fn validate_json_output_lists_codes_and_paths() {
    let file = vector_input("invalid-period-reversed.json");
    let output = ctg(&["validate", "--json", file.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let report = &value[0]["report"];
    assert_eq!(report["valid"], false);
    assert!(report["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .any(|i| i["code"] == "period.reversed" && i["path"] == "period"));
}

#[test]
fn unreadable_files_exit_with_status_2() {
    let missing = ctg(&["validate", "/nonexistent/ctg.json"]);
    assert_eq!(missing.status.code(), Some(2));
    let garbage = std::env::temp_dir().join(format!("ctg-cli-garbage-{}", std::process::id()));
    std::fs::write(&garbage, b"\xff{ not json").expect("temp file");
    let output = ctg(&["validate", garbage.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("json.syntax"));
}

#[test]
fn the_worst_file_decides_the_exit_status() {
    let invalid = vector_input("invalid-period-reversed.json");
    let output = ctg(&[
        "validate",
        &repo("tests/fixtures/thore-montagne-noire-2023-2025.json"),
        invalid.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn report_without_file_summarises_the_embedded_sample() {
    let output = ctg(&["report", "--today", "2024-06-01"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    // 241 801 € a year and 725 403 € in all, as the source states, in French writing.
    assert!(text.contains("241\u{202f}801\u{a0}€"), "{text}");
    assert!(text.contains("725\u{202f}403\u{a0}€"), "{text}");
    assert!(text.contains("en vigueur"), "{text}");
    assert!(text.contains("La Petite Loco"));
    assert!(text.contains("16. Améliorer l’accueil des nouveaux habitants"));
}

#[test]
fn report_json_prints_the_aggregates() {
    let output = ctg(&["report", "--json", "--today", "2026-01-01"]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["status"], "expired");
    assert_eq!(value["totals"]["total"], "725403.00");
    assert_eq!(value["totals"]["by_year"]["2024"], "241801.00");
}

#[test]
fn report_in_english() {
    let output = ctg(&["report", "--lang", "en", "--today", "2022-12-01"]);
    let text = stdout(&output);
    assert!(text.contains("€725,403"), "{text}");
    assert!(text.contains("Status on 2022-12-01: signed"), "{text}");
}

#[test]
fn schema_prints_a_json_schema_of_the_convention() {
    let output = ctg(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON schema");
    assert_eq!(schema["title"], "Convention");
    assert!(schema["required"]
        .as_array()
        .expect("required")
        .contains(&serde_json::json!("parties")));
}

#[test]
fn schema_written_requires_the_derived_fields() {
    let read: serde_json::Value = serde_json::from_slice(&ctg(&["schema"]).stdout).unwrap();
    let output = ctg(&["schema", "--written"]);
    assert_eq!(output.status.code(), Some(0));
    let written: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON schema");
    let required = |schema: &serde_json::Value, def: &str| schema["$defs"][def]["required"].clone();
    assert_eq!(
        required(&read, "Period"),
        serde_json::json!(["first_year", "last_year"])
    );
    assert_eq!(
        required(&written, "Period"),
        serde_json::json!(["first_year", "last_year", "duration_years"])
    );
    assert_eq!(written, ctg_core::output_json_schema());
}

#[test]
fn codes_lists_the_catalogue() {
    let text = stdout(&ctg(&["codes"]));
    assert!(text.contains("funding.year_total_mismatch"));
    assert!(text.contains("warning"));
}

#[test]
fn an_endless_input_is_refused_as_too_large_without_reading_it_whole() {
    let output = ctg(&["validate", "--lang", "en", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(text.contains("[input.too_large]"), "{text}");
}

#[test]
fn a_duplicate_key_is_reported_with_its_path() {
    let file = std::env::temp_dir().join(format!("ctg-cli-dup-{}.json", std::process::id()));
    let thore = std::fs::read_to_string(repo("tests/fixtures/thore-montagne-noire-2023-2025.json"))
        .expect("fixture");
    let doubled = thore.replacen(
        "\"2023\": \"40800.00\",",
        "\"2023\": \"1.00\", \"2023\": \"40800.00\",",
        1,
    );
    assert_ne!(doubled, thore);
    std::fs::write(&file, doubled).expect("temp file");
    let output = ctg(&["validate", "--json", file.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let issue = &value[0]["report"]["issues"][0];
    assert_eq!(issue["code"], "json.duplicate_key");
    assert_eq!(issue["path"], "funding.allocations[1].amounts.2023");
    assert_eq!(issue["ctx"]["key"], "2023");
    assert_eq!(issue["ctx"]["item_id"], "la-petite-loco");
}
