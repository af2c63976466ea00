//! Export then import gives the same data back: the five fixtures, in French and English, as CSV
//! (wide and long funding, action plan, parties) and as `.xlsx`.

use std::path::PathBuf;

use ctg_core::{Convention, Lang};
use ctg_tables::{Exporter, Importer, Shape};
use serde_json::Value;

const FIXTURES: [&str; 5] = [
    "thore-montagne-noire-2023-2025",
    "terres-des-confluences-2023-2027",
    "tarn-agout-2023-2026",
    "saumur-loire-developpement-2023-2027",
    "quercy-rouergue-gorges-aveyron-2022-2024",
];

fn fixture(name: &str) -> Convention {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(format!("{name}.json"));
    Convention::from_json_str(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

/// The document without the sections tables carry.
fn base(conv: &Convention) -> Value {
    let mut doc = conv.to_value();
    let map = doc.as_object_mut().expect("object");
    for section in ["funding", "action_sheets", "parties"] {
        map.remove(section);
    }
    doc
}

/// An action plan carries its indicators by name only: the rest of each indicator is dropped
/// from the expectation.
fn indicators_by_name(mut doc: Value) -> Value {
    if let Some(sheets) = doc["action_sheets"].as_array_mut() {
        for sheet in sheets {
            if let Some(indicators) = sheet.get_mut("indicators").and_then(Value::as_array_mut) {
                for indicator in indicators {
                    let name = indicator["name"].clone();
                    *indicator = serde_json::json!({ "name": name });
                }
            }
        }
    }
    doc
}

fn back(conv: &Convention, files: &[(&str, Vec<u8>)]) -> Value {
    let base = base(conv);
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let import = Importer::new().into_document(&base).import(&files);
    let report = import.validate();
    assert!(report.is_valid(), "{}: {report}", conv.id());
    assert!(
        import.issues.iter().all(|i| !i.is_error()),
        "{:?}",
        import.issues
    );
    let again = Convention::from_value(&import.document).expect("valid");
    indicators_by_name(again.to_value())
}

#[test]
fn csv_round_trips() {
    for name in FIXTURES {
        let conv = fixture(name);
        let expected = indicators_by_name(conv.to_value());
        for lang in [Lang::Fr, Lang::En] {
            for funding in [Shape::FundingWide, Shape::FundingLong] {
                let e = Exporter::new(lang);
                let mut files = vec![
                    ("parties.csv", e.csv(&conv, Shape::Parties)),
                    ("plan.csv", e.csv(&conv, Shape::ActionPlan)),
                ];
                if conv.funding().is_some() {
                    files.push(("financement.csv", e.csv(&conv, funding)));
                }
                assert_eq!(back(&conv, &files), expected, "{name} {lang:?} {funding:?}");
            }
        }
    }
}

#[test]
fn xlsx_round_trips() {
    for name in FIXTURES {
        let conv = fixture(name);
        let expected = indicators_by_name(conv.to_value());
        for lang in [Lang::Fr, Lang::En] {
            for funding in [Shape::FundingWide, Shape::FundingLong] {
                let book = Exporter::new(lang)
                    .funding_shape(funding)
                    .xlsx(&conv)
                    .expect("workbook");
                assert_eq!(
                    back(&conv, &[("ctg.xlsx", book)]),
                    expected,
                    "{name} {lang:?} {funding:?}"
                );
            }
        }
    }
}

#[test]
fn xlsx_is_reproducible_and_has_money_cells() {
    let conv = fixture("thore-montagne-noire-2023-2025");
    let a = Exporter::new(Lang::Fr).xlsx(&conv).expect("workbook");
    let b = Exporter::new(Lang::Fr).xlsx(&conv).expect("workbook");
    assert_eq!(a, b);
    let read = ctg_tables::read_table(&a, "x.xlsx");
    let sheet = &read.workbook.sheets()[0];
    // Row 2: the CC's coordination; its amounts are numbers, its total a computed sum.
    assert_eq!(sheet.cell(0, 6).text(), "2023");
    assert_eq!(sheet.cell(1, 6), &ctg_tables::Cell::Float(40513.0));
    assert_eq!(sheet.cell(1, 9), &ctg_tables::Cell::Float(121539.0));
    assert_eq!(sheet.cell(10, 9), &ctg_tables::Cell::Float(725403.0));
}

#[test]
fn allocations_whose_labels_differ_only_in_punctuation_stay_two() {
    // Core tells allocations apart by their exact label (`AllocationKey`); so does the import.
    let mut doc = fixture("thore-montagne-noire-2023-2025").to_value();
    let allocations = doc["funding"]["allocations"]
        .as_array_mut()
        .expect("allocations");
    let mut twin = allocations[1].clone();
    allocations[1]["label"] = "accueil".into();
    twin["label"] = "accueil ;".into();
    allocations.insert(2, twin);
    doc["funding"]
        .as_object_mut()
        .expect("funding")
        .remove("declared");
    let conv = Convention::from_value(&doc).expect("valid");
    for lang in [Lang::Fr, Lang::En] {
        for shape in [Shape::FundingWide, Shape::FundingLong] {
            let e = Exporter::new(lang).funding_shape(shape);
            let mut base = conv.to_value();
            base.as_object_mut().expect("object").remove("funding");
            for file in [
                ("f.csv", e.csv(&conv, shape)),
                ("f.xlsx", e.xlsx(&conv).expect("workbook")),
            ] {
                let import = Importer::new()
                    .into_document(&base)
                    .import(&[(file.0, file.1.as_slice())]);
                assert!(
                    import.issues.is_empty(),
                    "{lang:?} {shape:?}: {:?}",
                    import.issues
                );
                assert_eq!(
                    import.document["funding"]["allocations"],
                    conv.to_value()["funding"]["allocations"],
                    "{lang:?} {shape:?} {}",
                    file.0
                );
            }
        }
    }
}

#[test]
fn list_items_holding_a_separator_or_a_quote_stay_whole() {
    // A list cell separates its items by `;` and line breaks (and `,` for codes and domains):
    // an item holding one, or starting with a quote, is written between double quotes.
    let mut doc = fixture("thore-montagne-noire-2023-2025").to_value();
    let sheet = &mut doc["action_sheets"][0];
    sheet["partners"] = serde_json::json!([
        "Mairie; CCAS",
        "\"Les Tilleuls\" association",
        "Centre social, MJC",
        "École\nmaternelle"
    ]);
    sheet["indicators"] = serde_json::json!([{"name": "places; familles"}, {"name": "\"taux\""}]);
    doc["parties"][0]["aliases"] = serde_json::json!(["CAF du Tarn; Caf 81", "Caf"]);
    let conv = Convention::from_value(&doc).expect("valid");
    let expected = indicators_by_name(conv.to_value());
    for lang in [Lang::Fr, Lang::En] {
        let e = Exporter::new(lang);
        let csv = [
            ("plan.csv", e.csv(&conv, Shape::ActionPlan)),
            ("parties.csv", e.csv(&conv, Shape::Parties)),
            ("financement.csv", e.csv(&conv, Shape::FundingWide)),
        ];
        assert_eq!(back(&conv, &csv), expected, "{lang:?} csv");
        let book = [("ctg.xlsx", e.xlsx(&conv).expect("workbook"))];
        assert_eq!(back(&conv, &book), expected, "{lang:?} xlsx");
    }
}
