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
    let report = &value["entries"][0]["report"];
    assert_eq!(report["valid"], false);
    assert!(report["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .any(|i| i["code"] == "period.reversed" && i["path"] == "period"));
}

#[test]
fn unreadable_files_count_as_documents_not_valid() {
    let missing = ctg(&["validate", "/nonexistent/ctg.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stdout(&missing).contains("[input.unreadable]"),
        "{}",
        stdout(&missing)
    );
    let garbage = std::env::temp_dir().join(format!("ctg-cli-garbage-{}", std::process::id()));
    std::fs::write(&garbage, b"\xff{ not json").expect("temp file");
    let output = ctg(&["validate", garbage.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("json.syntax"));
    let both = ctg(&[
        "validate",
        "--json",
        "/nonexistent/ctg.json",
        garbage.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(both.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&both.stdout).expect("JSON output");
    assert_eq!(value["counts"]["unreadable"], 2);
    assert_eq!(value["entries"][0]["verdict"], "unreadable");
}

#[test]
fn the_exit_status_counts_the_documents_not_valid() {
    let invalid = vector_input("invalid-period-reversed.json");
    let other = vector_input("invalid-funding-year-total-mismatch.json");
    let thore = repo("tests/fixtures/thore-montagne-noire-2023-2025.json");
    let one = ctg(&["validate", &thore, invalid.to_str().expect("utf-8 path")]);
    assert_eq!(one.status.code(), Some(1));
    let two = ctg(&[
        "validate",
        &thore,
        invalid.to_str().expect("utf-8 path"),
        other.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(two.status.code(), Some(2));
    // A usage error is clap's 2 too, with nothing on standard output.
    let usage = ctg(&["validate", "--no-such-option", &thore]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(usage.stdout.is_empty());
}

#[test]
fn the_exit_status_stops_at_125() {
    let lines = "{}\n".repeat(130);
    let file = temp_file("many.jsonl", &lines);
    let output = ctg(&["validate", "--no-geo", file.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(125));
    assert!(stdout(&output).ends_with("130 documents : 0 valide, 130 invalides, 0 illisible\n"));
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
    assert_eq!(output.status.code(), Some(1));
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
    // (The geography's two informations about Thoré's outside communes come first, with the
    // parties.)
    let issues = value["entries"][0]["report"]["issues"]
        .as_array()
        .expect("issues");
    let errors: Vec<&serde_json::Value> =
        issues.iter().filter(|i| i["severity"] == "error").collect();
    assert_eq!(errors.len(), 1);
    let issue = errors[0];
    assert_eq!(issue["code"], "json.duplicate_key");
    assert_eq!(issue["path"], "funding.allocations[1].amounts.2023");
    assert_eq!(issue["ctx"]["key"], "2023");
    assert_eq!(issue["ctx"]["item_id"], "la-petite-loco");
}

// ------------------------------------------------------------------ the official geography

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ctg-cli-test-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("temp file");
    path
}

#[test]
fn validate_checks_the_geography_by_default_and_not_with_no_geo() {
    // Moissac given the code 82999.
    let file = vector_input("geo-invalid-insee-unknown.json");
    let file = file.to_str().expect("utf-8 path");
    let with = ctg(&["validate", file]);
    assert_eq!(with.status.code(), Some(1));
    assert!(
        stdout(&with).contains("erreur [geo.insee_unknown] parties[17].insee"),
        "{}",
        stdout(&with)
    );
    let explicit = ctg(&["validate", "--geo", file]);
    assert_eq!(explicit.status.code(), Some(1));
    let without = ctg(&["validate", "--no-geo", file]);
    assert_eq!(without.status.code(), Some(0), "{}", stdout(&without));
    assert!(!stdout(&without).contains("geo."));
    // The last of --geo / --no-geo wins.
    let last = ctg(&["validate", "--no-geo", "--geo", file]);
    assert_eq!(last.status.code(), Some(1));
}

#[test]
fn validate_json_says_which_geography_was_used() {
    let thore = repo("tests/fixtures/thore-montagne-noire-2023-2025.json");
    let output = ctg(&["validate", "--json", &thore]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["geography"]["geography"], "COG 2026");
    assert_eq!(value["geography"]["effective"], "2026-01-01");
    let issues = value["entries"][0]["report"]["issues"]
        .as_array()
        .expect("issues");
    let infos: Vec<&str> = issues
        .iter()
        .map(|i| i["path"].as_str().expect("path"))
        .collect();
    assert_eq!(infos, ["parties[11]", "parties[12]"]);
    assert!(issues.iter().all(|i| i["severity"] == "info"
        && i["code"] == "geo.commune_outside_epci"
        && i["ctx"]["geography"] == "COG 2026"));

    let output = ctg(&["validate", "--json", "--no-geo", &thore]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["geography"], serde_json::Value::Null);
    assert_eq!(
        value["entries"][0]["report"]["issues"],
        serde_json::json!([])
    );
}

#[test]
fn report_shows_the_territory_and_the_funding_per_inhabitant() {
    let output = ctg(&["report", "--today", "2024-06-01"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("Territoire (référence COG 2026)"), "{text}");
    // The CC's 9 communes and the two outside it: 9 538 inhabitants; 241 801 € / 9 538.
    assert!(
        text.contains("11 communes, 9\u{202f}538 habitants"),
        "{text}"
    );
    assert!(
        text.contains("Financement par habitant et par an : 25,35\u{a0}€"),
        "{text}"
    );

    let output = ctg(&["report", "--lang", "en", "--today", "2024-06-01"]);
    assert!(stdout(&output).contains("Funding per inhabitant per year: €25.35 on average"));

    let output = ctg(&["report", "--no-geo", "--today", "2024-06-01"]);
    assert!(!stdout(&output).contains("Territoire"));
}

#[test]
fn report_json_carries_the_coverage() {
    let tarn_agout = repo("tests/fixtures/tarn-agout-2023-2026.json");
    let output = ctg(&["report", "--json", "--today", "2024-06-01", &tarn_agout]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let coverage = &value["coverage"];
    assert_eq!(coverage["vintage"]["geography"], "COG 2026");
    assert_eq!(coverage["communes"].as_array().expect("communes").len(), 21);
    assert_eq!(coverage["population"], 30158);
    assert_eq!(
        coverage["members_not_parties"]
            .as_array()
            .expect("list")
            .len(),
        18
    );
    assert_eq!(coverage["funding_per_inhabitant"], serde_json::Value::Null); // no funding

    let output = ctg(&["report", "--json", "--today", "2024-06-01"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(
        value["coverage"]["funding_per_inhabitant"]["per_year"],
        "25.35"
    );
    assert_eq!(
        value["coverage"]["funding_per_inhabitant"]["by_year"]["2024"],
        "25.35"
    );

    let output = ctg(&["report", "--json", "--no-geo", "--today", "2024-06-01"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["coverage"], serde_json::Value::Null);
}

#[test]
fn lookup_ranks_candidates_in_french_by_default() {
    let output = ctg(&["lookup", "St-Amans-Soult", "Pont-de-l'Arn", "--dept", "81"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("St-Amans-Soult : résolu\n  1. Saint-Amans-Soult (81238, 81)"),
        "{text}"
    );
    assert!(
        text.contains("Pont-de-Larn (81209) avec ses mots soudés ou séparés autrement"),
        "{text}"
    );

    let output = ctg(&["lookup", "--lang", "en", "Lavaur"]);
    assert_eq!(output.status.code(), Some(1)); // ambiguous
    let text = stdout(&output);
    assert!(
        text.starts_with("Lavaur: ambiguous\n  1. Lavaur (24232, 24)"),
        "{text}"
    );
    assert!(text.contains("  2. Lavaur (81140, 81)"), "{text}");
}

#[test]
fn lookup_uses_the_context_and_says_what_lies_outside_it() {
    let output = ctg(&["lookup", "Parisot", "--dept", "82"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("1. Parisot (82137, 82) — score 100"),
        "{text}"
    );
    assert!(
        text.contains("2. Parisot (81202, 81) [hors du contexte]"),
        "{text}"
    );

    // In the CC Tarn-Agout, Lavaur is the Tarn's.
    let output = ctg(&["lookup", "Lavaur", "--epci", "200034023"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("1. Lavaur (81140, 81)"));

    let output = ctg(&["lookup", "Caf du Tarn", "--dept", "81"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("Caf du Tarn : introuvable"));
}

#[test]
fn lookup_json_gives_one_row_per_candidate() {
    let output = ctg(&[
        "lookup",
        "--json",
        "--lang",
        "en",
        "Parisot",
        "CC Tarn-Agout",
    ]);
    assert_eq!(output.status.code(), Some(1)); // Parisot is ambiguous without a context
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["geography"]["geography"], "COG 2026");
    let parisot = &value["lookups"][0];
    assert_eq!(
        (parisot["kind"].as_str(), parisot["status"].as_str()),
        (Some("commune"), Some("ambiguous"))
    );
    let codes: Vec<&str> = parisot["candidates"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["81202", "82137"]);
    let cc = &value["lookups"][1];
    assert_eq!(cc["kind"], "epci");
    assert_eq!(cc["candidates"][0]["code"], "200034023");
    assert_eq!(cc["candidates"][0]["kind"], "cc");
    assert_eq!(cc["candidates"][0]["rank"], 1);
}

#[test]
fn lookup_finds_departements_and_regions_by_name_and_says_when_a_name_is_of_two_kinds() {
    let output = ctg(&[
        "lookup",
        "Tarn",
        "tarn et garonne",
        "Provence-Alpes-Côte d'Azur",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("Tarn : résolu\n  1. Tarn (81, departement) — score 100 : le département Tarn (81), par son nom officiel"),
        "{text}"
    );
    assert!(
        text.contains("1. Tarn-et-Garonne (82, departement)"),
        "{text}"
    );
    assert!(
        text.contains("1. Provence-Alpes-Côte d'Azur (93, region)"),
        "{text}"
    );

    // Vienne is a commune of the Isère and a département: ambiguous, until the context or the
    // kind says which.
    let output = ctg(&["lookup", "--json", "Vienne"]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let vienne = &value["lookups"][0];
    assert_eq!(
        (vienne["kind"].as_str(), vienne["status"].as_str()),
        (Some("mixed"), Some("ambiguous"))
    );
    let kinds: Vec<&str> = vienne["candidates"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["commune", "departement"]);
    let output = ctg(&["lookup", "Vienne", "--dept", "38"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("1. Vienne (38544, 38)"));
    let output = ctg(&["lookup", "Vienne", "--kind", "departement", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("1. Vienne (86, departement) — score 100: the département Vienne (86), by its official name"));
    let output = ctg(&["lookup", "76", "--kind", "region"]);
    assert!(stdout(&output).contains("1. Occitanie (76, region)"));
    let output = ctg(&["lookup", "Tarn", "--kind", "canton"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn lookup_reads_postal_codes_and_never_guesses_between_two_typos() {
    let output = ctg(&["lookup", "82200"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.starts_with("82200 : ambigu\n"), "{text}");
    assert!(text.contains("Moissac (82112) a ce code postal"), "{text}");
    let output = ctg(&["lookup", "81000", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output)
        .contains("1. Albi (81004, 81) — score 80: Albi (81004) has this postal code"));

    let output = ctg(&["lookup", "Castelsarazin"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("1. Castel-Sarrazin (40074, 40)"), "{text}");
    assert!(text.contains("2. Castelsarrasin (82033, 82)"), "{text}");
    let output = ctg(&["lookup", "Castelsarazin", "--dept", "82"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("1. Castelsarrasin (82033, 82)"));
}

#[test]
fn lookup_refuses_a_bad_context_with_status_2() {
    let output = ctg(&["lookup", "Lavaur", "--dept", "20"]);
    assert_eq!(output.status.code(), Some(2));
    let output = ctg(&["lookup", "Lavaur", "--epci", "200034024"]);
    assert_eq!(output.status.code(), Some(2));
}

/// The Tarn-Agout fixture without any identifier.
fn stripped_tarn_agout() -> serde_json::Value {
    let text =
        std::fs::read_to_string(repo("tests/fixtures/tarn-agout-2023-2026.json")).expect("fixture");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for party in doc["parties"].as_array_mut().expect("parties") {
        let party = party.as_object_mut().expect("party");
        for field in ["insee", "siren", "departement", "members"] {
            party.remove(field);
        }
    }
    doc
}

#[test]
fn resolve_fills_identifiers_and_writes_the_document() {
    let input = temp_file("stripped.json", &stripped_tarn_agout().to_string());
    let out = std::env::temp_dir().join(format!("ctg-cli-test-{}-filled.json", std::process::id()));
    let output = ctg(&[
        "resolve",
        input.to_str().expect("utf-8 path"),
        "--write",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    // Caf: département; CC: SIREN and 21 members; 3 communes: INSEE, SIREN, département.
    assert!(
        text.contains("Valeurs ajoutées d’après la référence (12)"),
        "{text}"
    );
    assert!(text.contains("parties[3].insee = \"81140\""), "{text}");
    // The document written is the fixture again.
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("tests/fixtures/tarn-agout-2023-2026.json"))
            .expect("fixture"),
    )
    .expect("JSON");
    assert_eq!(written["parties"], fixture["parties"]);
}

#[test]
fn resolve_says_what_stays_unresolved() {
    let mut doc = stripped_tarn_agout();
    // Without its département, the Caf gives no context but the CC: Parisot (81202 in the Tarn,
    // 82137 in Tarn-et-Garonne) is in neither, and is left alone.
    doc["parties"][0]["name"] = "Caisse d'allocations familiales".into();
    doc["parties"][0]["aliases"] = serde_json::json!([]);
    doc["parties"]
        .as_array_mut()
        .expect("parties")
        .push(serde_json::json!(
            {"id": "parisot", "name": "Parisot", "kind": "commune", "role": "signatory"}
        ));
    let input = temp_file("ambiguous.json", &doc.to_string());
    let output = ctg(&["resolve", "--json", input.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["geography"]["geography"], "COG 2026");
    let notes = value["notes"].as_array().expect("notes");
    assert!(
        notes
            .iter()
            .any(|n| n["path"] == "parties[5].insee" && n["kind"] == "not_found"),
        "{notes:?}"
    );
    assert!(value["document"]["parties"][5].get("insee").is_none());
    // Lavaur is found in the CC's context.
    assert_eq!(value["document"]["parties"][3]["insee"], "81140");
    assert!(!value["changes"].as_array().expect("changes").is_empty());
}

#[test]
fn resolve_writes_its_reasons_and_notes_in_the_language_asked() {
    let doc = serde_json::json!({"parties": [
        {"id": "albine", "kind": "commune", "name": "Albine"},
        {"id": "parisot", "kind": "commune", "name": "Parisot"},
    ]});
    let input = temp_file("lang.json", &doc.to_string());
    let output = ctg(&["resolve", input.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("parties[0].insee = \"81005\" — « Albine » : le nom officiel de Albine (81005) (COG 2026)"),
        "{text}"
    );
    assert!(
        text.contains("« Parisot » correspond à plusieurs communes"),
        "{text}"
    );
    let output = ctg(&[
        "resolve",
        "--lang",
        "en",
        "--json",
        input.to_str().expect("utf-8 path"),
    ]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["lang"], "en");
    assert_eq!(
        value["changes"][0]["reason"],
        "\"Albine\": the official name of Albine (81005) (COG 2026)"
    );
    assert!(value["notes"][0]["message"]
        .as_str()
        .expect("message")
        .starts_with("\"Parisot\" matches several communes"));
}

#[test]
fn resolve_refuses_what_is_not_json_with_status_2() {
    let input = temp_file("garbage.json", "{ not json");
    let output = ctg(&["resolve", input.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let output = ctg(&["resolve", "/nonexistent/ctg.json"]);
    assert_eq!(output.status.code(), Some(2));
}

// ------------------------------------------------------------------ portfolios

const FIXTURES: [&str; 5] = [
    "quercy-rouergue-gorges-aveyron-2022-2024.json",
    "saumur-loire-developpement-2023-2027.json",
    "tarn-agout-2023-2026.json",
    "terres-des-confluences-2023-2027.json",
    "thore-montagne-noire-2023-2025.json",
];

/// A fresh folder under the temporary directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ctg-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn validate_a_folder_reads_its_documents_in_order_without_a_progress_bar_off_a_terminal() {
    let output = ctg(&["validate", &repo("tests/fixtures/")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    let mut at = 0;
    for fixture in FIXTURES {
        let found = text[at..].find(fixture).expect(fixture);
        at += found;
    }
    assert!(
        text.ends_with("5 documents : 5 valides, 0 invalide, 0 illisible\n"),
        "{text}"
    );
    // Standard error is a pipe here: no progress bar, nothing at all.
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
    // --recursive also reads tests/fixtures/illustrative/.
    let deep = ctg(&["validate", "--json", "--recursive", &repo("tests/fixtures")]);
    let value: serde_json::Value = serde_json::from_slice(&deep.stdout).expect("JSON output");
    assert_eq!(value["counts"]["documents"], 6);
}

#[test]
fn a_portfolio_of_fixtures_and_invalid_vectors_lists_every_file_with_its_verdict() {
    let dir = temp_dir("portfolio");
    for fixture in FIXTURES {
        std::fs::copy(
            repo(&format!("tests/fixtures/{fixture}")),
            dir.join(fixture),
        )
        .expect("copy");
    }
    let mut invalid = 0;
    for entry in std::fs::read_dir(repo("tests/vectors")).expect("vectors") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("invalid-") {
            continue;
        }
        let vector: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("vector")).expect("JSON");
        // Those that need limits of their own are invalid only with them.
        if vector.get("limits").is_some() {
            continue;
        }
        let text = match (vector.get("input_text"), vector.get("input")) {
            (Some(serde_json::Value::String(text)), _) => text.clone(),
            (_, Some(input)) => input.to_string(),
            _ => continue, // host values: no JSON text
        };
        std::fs::write(dir.join(&name), text).expect("write");
        invalid += 1;
    }
    assert!(invalid > 50);
    let output = ctg(&["validate", "--json", "--no-geo", dir.to_str().unwrap()]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let entries = value["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), invalid + 5);
    for entry in entries {
        let source = entry["source"].as_str().expect("source");
        let name = std::path::Path::new(source)
            .file_name()
            .unwrap()
            .to_string_lossy();
        let expected = if name.starts_with("invalid-") {
            "invalid"
        } else {
            "valid"
        };
        let verdict = entry["verdict"].as_str().expect("verdict");
        assert!(
            verdict == expected || (expected == "invalid" && verdict == "unreadable"),
            "{name}: {verdict}"
        );
    }
    assert_eq!(value["counts"]["valid"], 5);
    let not_valid = invalid.min(125) as i32;
    assert_eq!(output.status.code(), Some(not_valid));

    let report = ctg(&[
        "report",
        "--json",
        "--today",
        "2025-01-01",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(report.status.code(), Some(not_valid));
    let value: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON output");
    assert_eq!(value["counts"]["documents"], invalid + 5);
    let rows = value["conventions"].as_array().expect("rows");
    assert_eq!(rows.len(), invalid + 5);
    assert_eq!(
        value["totals"]["excluded"]["invalid"].as_u64().unwrap()
            + value["totals"]["excluded"]["unreadable"].as_u64().unwrap(),
        invalid as u64
    );
}

#[test]
fn validate_reads_json_lines_and_quoted_patterns() {
    let sample =
        std::fs::read_to_string(repo("tests/fixtures/thore-montagne-noire-2023-2025.json"))
            .expect("fixture");
    let compact: serde_json::Value = serde_json::from_str(&sample).expect("JSON");
    let lines = format!("{compact}\n\n{{\"format_version\": 1}}\nnot json\n");
    let file = temp_file("portfolio.jsonl", &lines);
    let name = file.to_str().expect("utf-8 path");
    let output = ctg(&["validate", "--json", "--no-geo", name]);
    assert_eq!(output.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let sources: Vec<String> = value["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["source"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        sources,
        [
            format!("{name}:1"),
            format!("{name}:3"),
            format!("{name}:4")
        ]
    );
    assert_eq!(value["entries"][2]["verdict"], "unreadable");

    let pattern = repo("tests/fixtures/t*-20*.json");
    let output = ctg(&["validate", "--json", "--no-geo", &pattern]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["counts"]["documents"], 3);

    let nothing = ctg(&["validate", &repo("tests/fixtures/*.xml")]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(stdout(&nothing).contains("[input.no_match]"));
    assert!(stdout(&nothing).contains("aucun fichier ne correspond à ce motif"));
    let nothing = ctg(&["validate", "--lang", "en", &repo("tests/fixtures/*.xml")]);
    assert!(stdout(&nothing).contains("no file matches this pattern"));
}

#[test]
fn report_of_a_folder_is_the_portfolio_summary() {
    let output = ctg(&["report", "--today", "2025-01-01", &repo("tests/fixtures")]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("Portefeuille au 01/01/2025\n"), "{text}");
    assert!(
        text.contains("5 documents : 5 valides, 0 invalide, 0 illisible"),
        "{text}"
    );
    assert!(text.contains("en vigueur 4 ; échue 1"), "{text}");
    assert!(
        text.contains("En vigueur, à échéance en 2025 : 1 (ctg-81-thore-montagne-noire-2023-2025)"),
        "{text}"
    );
    assert!(text.contains("Total : 725\u{202f}403\u{a0}€"), "{text}");
    assert!(
        text.contains("Couverture au 01/01/2025 (référence COG 2026)"),
        "{text}"
    );
    assert!(text.contains("82 Tarn-et-Garonne"), "{text}");

    let output = ctg(&[
        "report",
        "--json",
        "--lang",
        "en",
        "--today",
        "2025-01-01",
        &repo("tests/fixtures"),
    ]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["date"], "2025-01-01");
    assert_eq!(value["geography"]["geography"], "COG 2026");
    assert_eq!(value["by_status"]["in_force"], 4);
    assert_eq!(value["totals"]["total"], "725403.00");
    assert_eq!(value["coverage"]["conventions_in_force"], 4);
    let rows = value["conventions"].as_array().expect("rows");
    assert_eq!(rows.len(), 5);
    let thore = &rows[4];
    assert_eq!(thore["territory"], "CC Thoré Montagne Noire");
    assert_eq!(thore["envelope"], "725403.00");
    assert_eq!(thore["communes"], 11);
    assert_eq!(rows[1]["envelope"], serde_json::Value::Null); // Saumur: no funding section

    let output = ctg(&[
        "report",
        "--no-geo",
        "--today",
        "2025-01-01",
        &repo("tests/fixtures"),
    ]);
    assert!(!stdout(&output).contains("Couverture"));
}

#[test]
fn report_of_one_file_keeps_its_summary() {
    let file = repo("tests/fixtures/tarn-agout-2023-2026.json");
    let output = ctg(&["report", "--today", "2025-01-01", &file]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let geo = ctg_geo::Geography::embedded().expect("geography");
    let conv = ctg_core::Convention::from_json_str(&std::fs::read_to_string(&file).unwrap())
        .expect("valid");
    let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    assert_eq!(
        text,
        conv.to_summary_text_with(ctg_core::Lang::Fr, day, Some(geo))
    );
}

#[test]
fn a_closed_output_pipe_ends_the_command_quietly_with_status_141() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ctg"))
        .args(["report", &repo("tests/fixtures"), "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ctg binary runs");
    // The reader goes away before the command has loaded the geography and written anything,
    // as `head` does once it has its lines.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the command ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(141), "{stderr}");
}

#[test]
fn resolve_refuses_a_duplicate_key_instead_of_dropping_a_value() {
    let dir = std::env::temp_dir().join(format!("ctg-cli-resolve-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("dup.json");
    let out = dir.join("out.json");
    std::fs::write(
        &input,
        r#"{"format_version": 1, "funding": {"allocations": [{"amounts": {"2023": "1.00", "2023": "40800.00"}}]}}"#,
    )
    .expect("temp file");
    let output = ctg(&[
        "resolve",
        &input.display().to_string(),
        "--write",
        &out.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("[json.duplicate_key] funding.allocations[0].amounts.2023"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn limits_are_set_on_the_command_line() {
    let thore = repo("tests/fixtures/thore-montagne-noire-2023-2025.json");
    let output = ctg(&["validate", &thore, "--max-bytes", "1000", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output)
            .contains("[input.too_large] (document): input too large: more than 1000 bytes"),
        "{}",
        stdout(&output)
    );
    let output = ctg(&["--max-depth", "2", "report", &thore]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("[json.too_deep]"));
    let many = repo("tests/vectors/invalid-limit-max-issues.json");
    let output = ctg(&["validate", &many, "--max-issues", "2", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let issues = value["entries"][0]["report"]["issues"]
        .as_array()
        .expect("issues");
    assert_eq!(
        issues.len(),
        3,
        "two issues and the one that says the list stops"
    );
    assert_eq!(issues[2]["code"], "report.truncated");
}
