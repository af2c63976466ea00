//! Property: export then import gives the same funding back, for generated conventions — CSV and
//! `.xlsx`, French and English, wide and long — with awkward names and labels (accents,
//! apostrophes, `;`, `,`, quotes, line breaks), cents, missing years, beneficiaries without
//! allocations. A total row reads back as declared totals: a convention that declares none comes
//! back declaring the sums (the expectation says so).

use ctg_core::{Convention, Lang};
use ctg_tables::{Exporter, Importer, Shape};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn base() -> Value {
    let mut doc = Convention::sample().to_value();
    doc.as_object_mut().expect("object").remove("funding");
    doc
}

const KINDS: [&str; 6] = ["eaje", "rpe", "laep", "alsh", "jeunesse", "coordination"];
const DOMAINS: [&str; 4] = ["petite_enfance", "enfance", "jeunesse", "Sport et loisirs"];
const SIRETS: [&str; 2] = ["73282932000041", "12345678200010"];

fn text() -> impl Strategy<Value = String> {
    // Letters, accents, punctuation that CSV and French names carry; no leading/trailing space.
    "[A-Za-zéèàçÉœ'’;,\"/()\\-]{1,12}( [A-Za-zéè;,\n]{1,8}){0,2}".prop_filter(
        "not a total row",
        |s| {
            let n = ctg_tables::normalize(s);
            !n.is_empty()
                && !n.starts_with("total")
                && !n.starts_with("soit")
                && n != "ensemble"
                && n != "cumul"
        },
    )
}

/// An allocation: facility kind, domain, label, the cents of each year.
type GenAllocation = (usize, Option<usize>, Option<String>, Vec<Option<u64>>);

#[derive(Debug, Clone)]
struct Gen {
    first: i32,
    years: i32,
    /// Name, SIRET, allocations.
    beneficiaries: Vec<(String, Option<usize>, Vec<GenAllocation>)>,
    declare: bool,
}

fn gen() -> impl Strategy<Value = Gen> {
    (2020i32..2026, 1i32..6, any::<bool>()).prop_flat_map(|(first, years, declare)| {
        let allocation = (
            0usize..KINDS.len(),
            proptest::option::of(0usize..DOMAINS.len()),
            proptest::option::of(text()),
            proptest::collection::vec(proptest::option::of(0u64..10_000_000_000), years as usize),
        );
        let beneficiary = (
            text(),
            proptest::option::of(0usize..SIRETS.len()),
            proptest::collection::vec(allocation, 0..3),
        );
        proptest::collection::vec(beneficiary, 1..5).prop_map(move |beneficiaries| Gen {
            first,
            years,
            beneficiaries,
            declare,
        })
    })
}

fn document(g: &Gen) -> Option<Value> {
    let mut doc = base();
    doc["period"] = json!({"first_year": g.first, "last_year": g.first + g.years - 1});
    let mut beneficiaries = Vec::new();
    let mut allocations = Vec::new();
    for (i, (name, siret, allocs)) in g.beneficiaries.iter().enumerate() {
        let id = format!("b{i}");
        let mut b = json!({"id": id, "name": name});
        if let Some(s) = siret {
            b["siret"] = json!(SIRETS[*s]);
        }
        beneficiaries.push(b);
        let mut kinds_used = Vec::new();
        for (kind, domain, label, amounts) in allocs {
            if kinds_used.contains(kind) {
                continue; // one allocation per kind: two equal rows would be a duplicate
            }
            kinds_used.push(*kind);
            let mut a = json!({"beneficiary": id, "facility_kind": KINDS[*kind]});
            if let Some(d) = domain {
                a["domain"] = json!(DOMAINS[*d]);
            }
            if let Some(l) = label {
                a["label"] = json!(l);
            }
            let mut map = Map::new();
            for (y, cents) in amounts.iter().enumerate() {
                if let Some(c) = cents {
                    map.insert(
                        (g.first + y as i32).to_string(),
                        json!(format!("{}.{:02}", c / 100, c % 100)),
                    );
                }
            }
            a["amounts"] = Value::Object(map);
            allocations.push(a);
        }
    }
    doc["funding"] = json!({"beneficiaries": beneficiaries, "allocations": allocations});
    let conv = Convention::from_value(&doc).ok()?;
    if g.declare {
        let totals = conv.totals()?;
        doc["funding"]["declared"] = json!({"yearly": totals.by_year, "total": totals.total});
    }
    Some(doc)
}

/// The funding the convention is expected to come back with: its own, declaring the sums when
/// it declared nothing.
fn expected(conv: &Convention) -> Value {
    let mut value = conv.to_value();
    if value["funding"].get("declared").is_none() {
        let totals = conv.totals().expect("funding");
        value["funding"]["declared"] = json!({"yearly": totals.by_year, "total": totals.total});
    }
    value["funding"].clone()
}

fn back(conv: &Convention, files: &[(&str, &[u8])]) -> Result<Value, String> {
    let mut base = conv.to_value();
    base.as_object_mut().expect("object").remove("funding");
    let import = Importer::new().into_document(&base).import(files);
    let report = import.validate();
    if !report.is_valid() {
        return Err(report.to_string());
    }
    let again = Convention::from_value(&import.document).map_err(|r| r.to_string())?;
    Ok(again.to_value()["funding"].clone())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn funding_round_trips(g in gen()) {
        let Some(doc) = document(&g) else { return Ok(()); };
        let conv = Convention::from_value(&doc).expect("valid");
        let want = expected(&conv);
        for lang in [Lang::Fr, Lang::En] {
            for shape in [Shape::FundingWide, Shape::FundingLong] {
                let e = Exporter::new(lang).funding_shape(shape);
                let csv = e.csv(&conv, shape);
                let got = back(&conv, &[("f.csv", &csv)]);
                prop_assert_eq!(got.as_ref().ok(), Some(&want), "csv {:?} {:?}: {:?}\n{}", lang, shape, got.as_ref().err(), String::from_utf8_lossy(&csv));
                let book = e.xlsx(&conv).expect("workbook");
                let got = back(&conv, &[("f.xlsx", &book)]);
                prop_assert_eq!(got.as_ref().ok(), Some(&want), "xlsx {:?} {:?}: {:?}", lang, shape, got.as_ref().err());
            }
        }
    }
}
