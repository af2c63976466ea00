//! `ctg export` and `ctg import` end to end.

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

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ctg-cli-tables-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const THORE: &str = "tests/fixtures/thore-montagne-noire-2023-2025.json";

#[test]
fn export_csv_in_french_and_english() {
    let fr = ctg(&["export", &repo(THORE), "--format", "csv"]);
    assert_eq!(fr.status.code(), Some(0));
    let out = text(&fr.stdout);
    assert!(
        out.starts_with("\u{feff}Identifiant;Bénéficiaire;"),
        "{out}"
    );
    assert!(
        out.contains("\r\n;Total;;;;;241801,00;241801,00;241801,00;725403,00\r\n"),
        "{out}"
    );

    let en = ctg(&[
        "export",
        &repo(THORE),
        "--format",
        "csv",
        "--lang",
        "en",
        "--shape",
        "long",
    ]);
    let out = text(&en.stdout);
    assert!(out.starts_with("Id,Beneficiary,"), "{out}");
    assert!(out.contains("\r\n,Total,,,,,2024,241801.00\r\n"), "{out}");

    let plan = ctg(&[
        "export",
        &repo(THORE),
        "--format",
        "csv",
        "--table",
        "action-plan",
    ]);
    assert!(text(&plan.stdout).contains("N°;Titre;"));
}

#[test]
fn xlsx_export_then_import_gives_the_convention_back() {
    let book = temp("thore.xlsx");
    let out = ctg(&[
        "export",
        &repo(THORE),
        "--format",
        "xlsx",
        "-o",
        book.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Into a copy of the fixture without its tables' sections.
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo(THORE)).expect("fixture"))
            .expect("json");
    for section in ["funding", "action_sheets", "parties"] {
        doc.as_object_mut().expect("object").remove(section);
    }
    let into = temp("thore.json");
    std::fs::write(&into, doc.to_string()).expect("write");
    let out = ctg(&[
        "import",
        book.to_str().expect("path"),
        "--into",
        into.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains(": valide"),
        "{}",
        text(&out.stdout)
    );
    let back: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&into).expect("written")).expect("json");
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo(THORE)).expect("fixture"))
            .expect("json");
    assert_eq!(back, fixture);
}

#[test]
fn import_reports_problems_with_their_cells_and_does_not_write() {
    let table = temp("Financement.csv");
    std::fs::write(
        &table,
        "Bénéficiaire;Équipement;2024;Total\nPasserelle;crèche;12.000;12.000\nTotal;;34 000;34 000\n",
    )
    .expect("write");
    let into = temp("bad.json");
    let _ = std::fs::remove_file(&into);
    let out = ctg(&[
        "import",
        table.to_str().expect("path"),
        "--into",
        into.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report.contains(
            "erreur [amount.ambiguous] Financement!C2 funding.allocations[0].amounts.2024"
        ),
        "{report}"
    );
    assert!(
        !into.exists(),
        "nothing is written when a table has an error"
    );

    let out = ctg(&[
        "import",
        table.to_str().expect("path"),
        "--into",
        into.to_str().expect("path"),
        "--json",
        "--lang",
        "en",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(value["written"], false);
    let issue = &value["report"]["issues"][0];
    assert_eq!(issue["code"], "amount.ambiguous");
    assert_eq!(issue["ctx"]["sheet"], "Financement");
    assert_eq!(issue["ctx"]["row"], 2);
    assert_eq!(issue["ctx"]["column"], "C");

    let out = ctg(&[
        "import",
        table.to_str().expect("path"),
        "--into",
        into.to_str().expect("path"),
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(into.exists());
}

#[test]
fn import_reads_a_folder() {
    let dir = temp("folder");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(
        repo("tests/tables/thore-montagne-noire-financement.csv"),
        dir.join("financement.csv"),
    )
    .expect("copy");
    std::fs::write(dir.join("notes.md"), "not a table").expect("write");
    let into = temp("folder.json");
    let _ = std::fs::remove_file(&into);
    let out = ctg(&[
        "import",
        dir.to_str().expect("path"),
        "--into",
        into.to_str().expect("path"),
        "--json",
    ]);
    // A new document with only a funding section: written (the table was read), not valid yet.
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(value["written"], true);
    assert_eq!(value["tables"][0]["shape"], "funding_wide");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&into).expect("written")).expect("json");
    assert_eq!(doc["funding"]["declared"]["total"], "725403.00");
}

#[test]
fn scdl_export_refuses_what_cannot_be_published_unless_a_draft() {
    let out = ctg(&["export", &repo(THORE), "--format", "scdl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("scdl.attribuant_siret_missing"));
    let draft = ctg(&["export", &repo(THORE), "--format", "scdl", "--draft"]);
    assert_eq!(draft.status.code(), Some(0));
    assert_eq!(text(&draft.stdout).lines().count(), 1 + 27);
}

#[test]
fn export_a_folder_of_conventions() {
    let dir = temp("json-out");
    let out = ctg(&[
        "export",
        &repo("tests/fixtures"),
        "--format",
        "json",
        "-o",
        dir.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_dir(&dir).expect("dir").count();
    assert_eq!(written, 5);
    let no_output = ctg(&["export", &repo("tests/fixtures"), "--format", "csv"]);
    assert_eq!(no_output.status.code(), Some(2));
}

#[test]
fn import_completes_parties_from_the_official_geography() {
    let table = temp("Parties.csv");
    std::fs::write(
        &table,
        "Nom;Type;Rôle;Département\nSt-Amans-Soult;commune;signataire;81\nCC Thoré Montagne Noire;CC;signataire;\n",
    )
    .expect("write");
    let into = temp("parties.json");
    let _ = std::fs::remove_file(&into);
    let out = ctg(&[
        "import",
        table.to_str().expect("path"),
        "--into",
        into.to_str().expect("path"),
        "--geo",
        "--json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let resolved: Vec<_> = value["report"]["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "table.name_resolved")
        .map(|i| i["ctx"]["code"].clone())
        .collect();
    assert_eq!(
        resolved,
        [serde_json::json!("81238"), serde_json::json!("248100745")]
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&into).expect("written")).expect("json");
    assert_eq!(doc["parties"][0]["name"], "Saint-Amans-Soult");
    assert_eq!(doc["parties"][0]["siren"], "218102382");
    assert_eq!(
        doc["parties"][1]["members"].as_array().map(Vec::len),
        Some(9)
    );
}
