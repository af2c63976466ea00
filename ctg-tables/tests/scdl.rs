//! SCDL Subventions 2.1.1: the standard's examples against the custom checks (with ctg's own
//! identifier code), and every file ctg writes from the five fixtures — once the test provides
//! what they lack to be published — passes the same checks and reads back to the same grants.

use std::path::PathBuf;

use ctg_core::Convention;
use ctg_tables::scdl::{self, Granularity, Publisher};
use serde_json::{json, Value};

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

fn reference(name: &str) -> Vec<u8> {
    std::fs::read(repo(&format!(
        "tests/reference/scdl-subventions-2.1.1/{name}"
    )))
    .expect("example")
}

fn codes(read: &scdl::ScdlRead) -> Vec<&str> {
    read.issues.iter().map(|i| i.code.as_str()).collect()
}

#[test]
fn the_valid_example_passes_the_checks() {
    let read = scdl::read(&reference("exemple_valide.csv"), "exemple_valide.csv");
    assert_eq!(codes(&read), Vec::<&str>::new());
    assert_eq!(read.grants.len(), 29);
    assert_eq!(read.grants[0].montant.to_string(), "99786.57");
}

#[test]
fn the_invalid_examples_fail_them() {
    for name in [
        "exemple_invalide_erreurs_cellules.csv",
        "exemple_invalide_erreurs_colonnes.csv",
    ] {
        let read = scdl::read(&reference(name), name);
        let codes = codes(&read);
        // french-siret-value: "218601946" (9 digits), "32402138500000.0", and Luhn failures.
        assert!(codes.contains(&"siret.invalid"), "{name}: {codes:?}");
        assert!(codes.contains(&"siret.checksum"), "{name}: {codes:?}");
        // one-of-required: the row of the "Amicale des coureurs cyclistes".
        assert!(codes.contains(&"scdl.one_of_required"), "{name}: {codes:?}");
        let one_of: Vec<_> = read
            .issues
            .iter()
            .filter(|i| i.code.as_str() == "scdl.one_of_required")
            .map(|i| i.params.get("row").cloned())
            .collect();
        assert_eq!(one_of, [Some(ctg_core::Param::Int(9))], "{name}");
    }
    let columns = scdl::read(&reference("exemple_invalide_erreurs_colonnes.csv"), "x.csv");
    let header: Vec<_> = columns
        .issues
        .iter()
        .filter(|i| i.code.as_str().starts_with("table.header"))
        .map(|i| (i.code.as_str(), i.cell()))
        .collect();
    assert_eq!(
        header,
        [
            ("table.header_unknown", Some("x!E1".to_owned())),
            ("table.header_missing", Some("x!1:1".to_owned())),
        ]
    );
}

/// A SIRET made up for the tests: a SIREN `base` + its Luhn key, a NIC `0001` + the SIRET's key.
fn made_up_siret(base: u32) -> String {
    let luhn_key = |digits: &str| {
        (0..10)
            .find(|k| {
                let s = format!("{digits}{k}");
                let sum: u32 = s
                    .bytes()
                    .rev()
                    .enumerate()
                    .map(|(i, b)| {
                        let d = u32::from(b - b'0');
                        if i % 2 == 1 {
                            if d * 2 > 9 {
                                d * 2 - 9
                            } else {
                                d * 2
                            }
                        } else {
                            d
                        }
                    })
                    .sum();
                sum % 10 == 0
            })
            .expect("a key")
    };
    let siren = format!("{base:08}");
    let siren = format!("{siren}{}", luhn_key(&siren));
    let body = format!("{siren}0001");
    format!("{body}{}", luhn_key(&body))
}

/// A fixture with what publishing needs: a SIRET for its Caf and its beneficiaries, and, for the
/// fixtures without funding, one beneficiary funded every year.
pub fn publishable(name: &str, seed: u32) -> Convention {
    let text =
        std::fs::read_to_string(repo(&format!("tests/fixtures/{name}.json"))).expect("fixture");
    let mut doc: Value = serde_json::from_str(&text).expect("json");
    let caf = doc["parties"]
        .as_array_mut()
        .expect("parties")
        .iter_mut()
        .find(|p| p["role"] == "caf")
        .expect("a Caf");
    caf["siret"] = made_up_siret(seed * 100).into();
    if doc.get("funding").is_none() {
        let first = doc["period"]["first_year"].as_i64().expect("year");
        let last = doc["period"]["last_year"].as_i64().expect("year");
        let amounts: serde_json::Map<String, Value> = (first..=last)
            .map(|y| (y.to_string(), json!("12500.50")))
            .collect();
        doc["funding"] = json!({
            "beneficiaries": [{"id": "centre-social", "name": "Centre social, \"Les Tilleuls\""}],
            "allocations": [{"beneficiary": "centre-social", "facility_kind": "centre_social",
                             "amounts": amounts}],
        });
    }
    for (i, b) in doc["funding"]["beneficiaries"]
        .as_array_mut()
        .expect("beneficiaries")
        .iter_mut()
        .enumerate()
    {
        b["siret"] = made_up_siret(seed * 100 + 1 + i as u32).into();
    }
    Convention::from_value(&doc).expect("valid")
}

const FIXTURES: [&str; 5] = [
    "thore-montagne-noire-2023-2025",
    "terres-des-confluences-2023-2027",
    "tarn-agout-2023-2026",
    "saumur-loire-developpement-2023-2027",
    "quercy-rouergue-gorges-aveyron-2022-2024",
];

#[test]
fn what_ctg_writes_passes_the_checks_and_reads_back() {
    for (i, name) in FIXTURES.iter().enumerate() {
        let conv = publishable(name, 1000 + i as u32);
        for granularity in [Granularity::Yearly, Granularity::Convention] {
            let publisher = Publisher::new().granularity(granularity);
            let csv = publisher
                .csv(std::slice::from_ref(&conv))
                .expect("publishable");
            let read = scdl::read(csv.as_bytes(), "out.csv");
            assert_eq!(codes(&read), Vec::<&str>::new(), "{name}");
            assert_eq!(read.grants, publisher.grants(&conv).grants, "{name}");
            let total = ctg_core::Amount::checked_sum(read.grants.iter().map(|g| g.montant));
            assert_eq!(total, conv.totals().map(|t| t.total), "{name}");
        }
    }
}

#[test]
fn what_is_missing_is_reported_and_no_file_is_written() {
    let conv = Convention::sample();
    let report = Publisher::new()
        .csv(std::slice::from_ref(&conv))
        .unwrap_err();
    let codes: Vec<_> = report.issues().iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes[0], "scdl.attribuant_siret_missing");
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "scdl.beneficiary_id_missing")
            .count(),
        9
    );

    let mut doc = conv.to_value();
    doc.as_object_mut().expect("object").remove("signature");
    let unsigned = Convention::from_value(&doc).expect("valid");
    let report = Publisher::new()
        .csv(std::slice::from_ref(&unsigned))
        .unwrap_err();
    assert!(report
        .issues()
        .iter()
        .any(|i| i.code.as_str() == "scdl.not_signed"));
    // A draft is written all the same, with the missing cells empty.
    let draft = Publisher::new()
        .draft(true)
        .csv(&[unsigned])
        .expect("draft");
    let read = scdl::read(draft.as_bytes(), "draft.csv");
    assert!(read
        .issues
        .iter()
        .any(|i| i.code.as_str() == "table.cell_missing"));
}

#[test]
fn grants_are_matched_to_beneficiaries() {
    let conv = publishable("thore-montagne-noire-2023-2025", 7);
    let mut grants = Publisher::new().grants(&conv).grants;
    // A département's file: one grant by SIRET, one by name only, one to somebody else.
    grants.truncate(2);
    grants[1].id_beneficiaire.clear();
    grants[1].nom_beneficiaire = "cc thoré montagne-noire".into();
    let mut other = grants[0].clone();
    other.id_beneficiaire = made_up_siret(99_999);
    other.nom_beneficiaire = "Autre".into();
    grants.push(other);
    let matches = scdl::match_grants(&grants, &[conv]);
    let found: Vec<_> = matches
        .iter()
        .map(|m| (m.grant, m.beneficiary.as_str(), m.by.code()))
        .collect();
    assert_eq!(
        found,
        [
            (0, "cc-thore-montagne-noire", "siret"),
            (1, "cc-thore-montagne-noire", "name")
        ]
    );
}
