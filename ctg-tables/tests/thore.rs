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

fn check(file: &str, header_row: u32, note_row: u32) {
    let bytes = std::fs::read(repo(file)).expect("table");
    let import = Importer::new().import(&[(file, &bytes)]);
    let sheet = ctg_tables::CellRef::sheet(&import.tables[0].sheet).to_string();
    assert_eq!(
        codes(&import),
        vec![
            (
                "table.title_rows".to_owned(),
                Some(format!("{sheet}!{header_row}:{header_row}"))
            ),
            (
                "table.note_row".to_owned(),
                Some(format!("{sheet}!{note_row}:{note_row}"))
            ),
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
    check("tests/tables/thore-montagne-noire-financement.csv", 4, 16);
}

#[test]
fn thore_xlsx_imports_to_the_fixture_funding() {
    // Made by `cargo run -p ctg-tables --example make_workbooks` with rust_xlsxwriter directly:
    // amounts are numbers in a currency format, totals are SUM formulas.
    check("tests/tables/thore-montagne-noire-financement.xlsx", 3, 15);
}
