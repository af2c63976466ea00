//! Inputs for the benchmarks of `ctg-core`.

use serde_json::{json, Value};

pub mod mirror;

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

/// How many EPCIs (intercommunalities) France has: the national portfolio holds one convention
/// for each.
pub const EPCI_COUNT: usize = 1255;

/// The national portfolio: one valid convention per EPCI ([`EPCI_COUNT`] documents, about 4 MB
/// of JSON in all), of varied sizes as real ones are — most with a handful of communes,
/// beneficiaries and action sheets over three to five years, a few large urban ones with a
/// hundred beneficiaries or more.
///
/// ```
/// let portfolio = ctg_benches::national_portfolio();
/// assert_eq!(portfolio.len(), ctg_benches::EPCI_COUNT);
/// ```
pub fn national_portfolio() -> Vec<String> {
    (0..EPCI_COUNT).map(epci_convention).collect()
}

/// The convention of the `index`-th EPCI of [`national_portfolio`]: deterministic, valid, with
/// parties (the Caf, the EPCI, its communes with INSEE codes), domains, stakes, objectives,
/// action sheets pointing at them, and funding with declared totals that add up.
///
/// ```
/// for index in [0, 7, 49, 1254] {
///     let text = ctg_benches::epci_convention(index);
///     let report = ctg_core::validate_str(&text).into_report();
///     assert!(report.issues().is_empty(), "{index}: {report}");
/// }
/// ```
pub fn epci_convention(index: usize) -> String {
    const DOMAINS: [&str; 10] = [
        "petite_enfance",
        "enfance",
        "jeunesse",
        "parentalite",
        "acces_aux_droits",
        "inclusion_numerique",
        "animation_vie_sociale",
        "logement",
        "handicap",
        "accompagnement_social",
    ];
    const KINDS: [&str; 8] = [
        "eaje",
        "rpe",
        "laep",
        "alsh_periscolaire",
        "alsh_extrascolaire",
        "jeunesse",
        "centre_social",
        "evs",
    ];
    const STATUSES: [&str; 3] = ["planned", "in_progress", "done"];
    let mut rng = Lcg((index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // Départements 01–95 without 20 (Corsica has its own codes).
    let dept = [1 + index % 19, 21 + index % 75][index % 2];
    let dept = format!("{dept:02}");
    let first_year = 2021 + (index % 4) as i32;
    let years: Vec<i32> = (first_year..first_year + 3 + (index % 3) as i32).collect();
    // Sizes: most EPCIs are small; one in fifty is a large urban one.
    let large = index % 50 == 7;
    let communes = if large {
        20 + rng.below(25)
    } else {
        3 + rng.below(12)
    };
    let beneficiaries = if large {
        40 + rng.below(80)
    } else {
        2 + rng.below(10)
    };
    let sheets = 4 + rng.below(if large { 20 } else { 10 });
    let epci_kind = if large {
        ["ca", "cu", "metropole"][index % 3]
    } else {
        "cc"
    };
    let epci_id = format!("epci-{index}");

    let insee: Vec<String> = (0..communes)
        .map(|c| format!("{dept}{:03}", 1 + c * 7 % 900))
        .collect();
    let mut parties = vec![
        json!({"id": format!("caf-{dept}"), "name": format!("Caisse d'allocations familiales ({dept})"),
               "kind": "caf", "role": "caf", "departement": dept}),
        json!({"id": epci_id, "name": format!("Communauté {index}"), "kind": epci_kind,
               "role": "signatory", "members": insee}),
    ];
    for (c, code) in insee.iter().enumerate() {
        parties.push(
            json!({"id": format!("commune-{c}"), "name": format!("Commune {c} ({code})"),
                            "kind": "commune", "role": "signatory", "insee": code}),
        );
    }
    let domain_count = 3 + rng.below(5);
    let domains: Vec<&str> = DOMAINS.iter().copied().take(domain_count).collect();
    let stake_count = 2 + rng.below(4);
    let stakes: Vec<Value> = (0..stake_count)
        .map(|s| json!({"id": format!("enjeu-{s}"), "title": format!("Enjeu {s} du territoire")}))
        .collect();
    let objective_count = 3 + rng.below(5);
    let objectives: Vec<Value> = (0..objective_count)
        .map(|o| json!({"id": format!("obj-{o}"),
                        "title": format!("Objectif stratégique {o} : mieux accueillir les familles"),
                        "stakes": [format!("enjeu-{}", o % stake_count)]}))
        .collect();
    let action_sheets: Vec<Value> = (0..sheets)
        .map(|n| {
            json!({"number": n + 1,
                        "title": format!("Fiche action {} : développer l'offre d'accueil", n + 1),
                        "domains": [domains[n % domains.len()]],
                        "objectives": [format!("obj-{}", n % objective_count)],
                        "lead": epci_id,
                        "status": STATUSES[n % 3]})
        })
        .collect();

    let mut yearly_cents = vec![0u128; years.len()];
    let mut list =
        vec![json!({"id": epci_id, "name": format!("Communauté {index}"), "party": epci_id})];
    let mut allocations = Vec::new();
    let mut allocate = |allocations: &mut Vec<Value>, line: Value, base: u128, rng: &mut Lcg| {
        let mut amounts = serde_json::Map::new();
        for (i, year) in years.iter().enumerate() {
            let cents = base + rng.below(200) as u128 * 10_000;
            yearly_cents[i] += cents;
            amounts.insert(year.to_string(), Value::String(euros(cents)));
        }
        let mut line = line;
        line["amounts"] = Value::Object(amounts);
        allocations.push(line);
    };
    allocate(
        &mut allocations,
        json!({"beneficiary": epci_id, "facility_kind": "coordination",
               "label": "coordination de la Convention territoriale globale"}),
        3_000_000,
        &mut rng,
    );
    for b in 0..beneficiaries {
        let id = format!("structure-{b}");
        list.push(json!({"id": id, "name": format!("Structure {b} du territoire {index}")}));
        let base = 500_000 + rng.below(8_000) as u128 * 1_000;
        let line = json!({"beneficiary": id, "facility_kind": KINDS[b % KINDS.len()],
                          "domain": domains[b % domains.len()]});
        allocate(&mut allocations, line, base, &mut rng);
    }
    let yearly: serde_json::Map<String, Value> = years
        .iter()
        .zip(&yearly_cents)
        .map(|(y, c)| (y.to_string(), Value::String(euros(*c))))
        .collect();
    let total: u128 = yearly_cents.iter().sum();
    json!({
        "format_version": 1,
        "id": format!("ctg-{dept}-epci-{index}-{first_year}"),
        "title": format!("Convention territoriale globale de la communauté {index} ({dept})"),
        "period": {"first_year": first_year, "last_year": years[years.len() - 1]},
        "signature": {"date": format!("{}-12-{:02}", first_year - 1, 1 + index % 28)},
        "parties": parties,
        "domains": domains,
        "stakes": stakes,
        "objectives": objectives,
        "action_sheets": action_sheets,
        "funding": {
            "beneficiaries": list,
            "allocations": allocations,
            "declared": {"yearly": yearly, "total": euros(total)},
        },
    })
    .to_string()
}

/// A small deterministic pseudo-random generator (the portfolio must be the same on every run).
struct Lcg(u64);

impl Lcg {
    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
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
