//! Inputs for the benchmarks of `ctg-core`.

use serde_json::{json, Value};

/// A valid convention with `beneficiaries` beneficiaries funded every year of a 10-year period
/// (2021–2030): `beneficiaries × 10` allocation-years, with declared yearly and total envelopes.
///
/// ```
/// let text = ctg_benches::generated_convention(3);
/// assert!(ctg_core::validate_str(&text).is_valid());
/// ```
pub fn generated_convention(beneficiaries: usize) -> String {
    let years: Vec<i32> = (2021..=2030).collect();
    let mut yearly_cents = vec![0u128; years.len()];
    let mut list = Vec::with_capacity(beneficiaries);
    let mut allocations = Vec::with_capacity(beneficiaries);
    for b in 0..beneficiaries {
        list.push(json!({"id": format!("b{b}"), "name": format!("Structure {b}")}));
        let mut amounts = serde_json::Map::new();
        for (i, year) in years.iter().enumerate() {
            let cents = 1_000_000 + (b as u128 * 7919 + i as u128 * 104_729) % 5_000_000;
            yearly_cents[i] += cents;
            amounts.insert(year.to_string(), Value::String(euros(cents)));
        }
        let facility_kind = ["eaje", "rpe", "laep", "alsh", "jeunesse"][b % 5];
        let domain = ["petite_enfance", "enfance", "jeunesse"][b % 3];
        allocations.push(json!({
            "beneficiary": format!("b{b}"),
            "facility_kind": facility_kind,
            "domain": domain,
            "amounts": amounts,
        }));
    }
    let yearly: serde_json::Map<String, Value> = years
        .iter()
        .zip(&yearly_cents)
        .map(|(y, c)| (y.to_string(), Value::String(euros(*c))))
        .collect();
    let total: u128 = yearly_cents.iter().sum();
    json!({
        "format_version": 1,
        "id": "generated",
        "title": "Generated convention",
        "period": {"first_year": 2021, "last_year": 2030},
        "parties": [{"id": "caf", "name": "Caf", "kind": "caf", "role": "caf"}],
        "domains": ["petite_enfance", "enfance", "jeunesse"],
        "stakes": [], "objectives": [], "action_sheets": [],
        "funding": {
            "beneficiaries": list,
            "allocations": allocations,
            "declared": {"yearly": yearly, "total": euros(total)},
        },
    })
    .to_string()
}

fn euros(cents: u128) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Inputs of the memory benchmark and test: `(name, JSON text)`, from a real convention to a
/// document of a million bad items.
///
/// ```
/// let inputs = ctg_benches::memory_inputs(10);
/// assert!(inputs.iter().any(|(name, _)| *name == "thore"));
/// ```
pub fn memory_inputs(bad_items: usize) -> Vec<(&'static str, String)> {
    let bad_stakes = format!(
        r#"{{"format_version": 1, "stakes": [{}]}}"#,
        vec![r#"{"id": 1}"#; bad_items].join(",")
    );
    let bad_amounts = format!(
        r#"{{"format_version": 1, "funding": {{"beneficiaries": [], "allocations": [{}]}}}}"#,
        vec![
            r#"{"beneficiary": "x", "facility_kind": "eaje", "amounts": {"2024": "abc"}}"#;
            bad_items / 4
        ]
        .join(",")
    );
    let empty_objects = format!(
        r#"{{"format_version": 1, "action_sheets": [{}]}}"#,
        vec!["{}"; bad_items].join(",")
    );
    vec![
        ("thore", ctg_core::Convention::sample_json().to_owned()),
        ("generated-10k", generated_convention(1000)),
        ("bad-stakes", bad_stakes),
        ("bad-amounts", bad_amounts),
        ("empty-action-sheets", empty_objects),
    ]
}

/// A valid convention whose parties are the Caf of a département and every commune of it, with
/// its name, INSEE code, SIREN and département from the reference: what validation with the
/// geography checks one by one.
///
/// ```
/// let geo = ctg_geo::Geography::embedded().unwrap();
/// let text = ctg_benches::every_commune_of(geo, "81");
/// let validator = ctg_core::Validator::new().gazetteer(geo);
/// assert!(validator.validate_str(&text).is_valid());
/// ```
pub fn every_commune_of(geo: &ctg_geo::Geography, departement: &str) -> String {
    let mut parties = vec![json!({
        "id": "caf", "name": format!("Caf {departement}"), "kind": "caf", "role": "caf",
        "departement": departement,
    })];
    for commune in geo.communes() {
        if commune.departement.as_str() != departement
            || commune.kind != ctg_core::CommuneKind::Commune
        {
            continue;
        }
        let mut party = json!({
            "id": format!("c{}", commune.insee),
            "name": commune.name,
            "kind": "commune",
            "role": "signatory",
            "insee": commune.insee.as_str(),
            "departement": departement,
        });
        if let Some(siren) = &commune.siren {
            party["siren"] = siren.as_str().into();
        }
        parties.push(party);
    }
    json!({
        "format_version": 1,
        "id": format!("every-commune-{departement}"),
        "title": format!("Every commune of the {departement}"),
        "period": {"first_year": 2024, "last_year": 2027},
        "signature": {"date": "2023-12-01"},
        "parties": parties,
        "domains": [], "stakes": [], "objectives": [], "action_sheets": [],
    })
    .to_string()
}

pub mod national;
