//! The Thoré Montagne Noire funding table, typed as the seed text shows it (wide, French, with its
//! total row and column), imports to the fixture's funding exactly — as CSV and as `.xlsx`.

use std::path::PathBuf;

use ctg_tables::Importer;
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

fn fixture() -> Value {
    let text = std::fs::read_to_string(repo("tests/fixtures/thore-montagne-noire-2023-2025.json"))
        .expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

fn codes(import: &ctg_tables::Import) -> Vec<(String, Option<String>)> {
    import
        .issues
        .iter()
        .map(|i| (i.code.as_str().to_owned(), i.cell()))
        .collect()
}

fn check(file: &str) {
    let bytes = std::fs::read(repo(file)).expect("table");
    let import = Importer::new().import(&[(file, &bytes)]);
    let sheet = ctg_tables::CellRef::sheet(&import.tables[0].sheet).to_string();
    assert_eq!(
        codes(&import),
        vec![
            ("table.title_rows".to_owned(), Some(format!("{sheet}!4:4"))),
            ("table.note_row".to_owned(), Some(format!("{sheet}!16:16"))),
        ],
        "{file}"
    );
    assert_eq!(import.document["funding"], fixture()["funding"], "{file}");

    // Into the fixture without its funding: the same convention, valid.
    let mut base = fixture();
    base.as_object_mut().expect("object").remove("funding");
    let import = Importer::new()
        .into_document(&base)
        .import(&[(file, &bytes)]);
    let report = import.validate();
    assert!(report.is_valid(), "{report}");
    assert_eq!(import.document, fixture());
}

#[test]
fn thore_csv_imports_to_the_fixture_funding() {
    check("tests/tables/thore-montagne-noire-financement.csv");
}
