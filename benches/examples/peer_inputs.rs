//! Writes the inputs of the peer benchmarks (`benches/run-peers.sh`) into a directory:
//!
//! - `thore.json`: the Thoré Montagne Noire fixture, byte for byte (15 KB);
//! - `generated-10k.json`: `ctg_benches::generated_convention(1000)`, the convention of the
//!   criterion benchmark (1 000 beneficiaries × 10 years = 10 000 allocation-years, ~290 KB);
//! - `portfolio.jsonl`: a national portfolio of 1 255 conventions (one per EPCI), one compact
//!   JSON document per line, of varied sizes (2 to 60 communes, 3 to 40 beneficiaries, 3 to 5
//!   years, 4 to 30 action sheets with indicators), deterministic (a fixed splitmix64 stream).
//!
//! Every document is checked valid by ctg-core, without any warning (but the generated one's
//! unusual 10-year duration), before it is written: the
//! peers must accept them all too (their faithfulness tests check the fixtures and vectors; the
//! benchmark scripts check these inputs before timing them).
//!
//! ```sh
//! cargo run --release -p ctg-benches --example peer_inputs -- target/peers/inputs
//! ```

use ctg_benches::national::luhn_digit;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::PathBuf;

/// How many conventions the portfolio has: one per EPCI of France (1 255 in the *Code officiel
/// géographique*).
const PORTFOLIO_SIZE: usize = 1255;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/peers/inputs".to_owned()),
    );
    std::fs::create_dir_all(&dir).expect("create the output directory");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let thore = std::fs::read(root.join("tests/fixtures/thore-montagne-noire-2023-2025.json"))
        .expect("read the Thoré fixture");
    check(&thore, "thore");
    std::fs::write(dir.join("thore.json"), &thore).expect("write thore.json");

    let generated = ctg_benches::generated_convention(1000);
    check(generated.as_bytes(), "generated-10k");
    std::fs::write(dir.join("generated-10k.json"), &generated).expect("write generated-10k.json");

    let mut lines = String::new();
    let mut allocation_years = 0usize;
    for k in 0..PORTFOLIO_SIZE {
        let doc = portfolio_convention(k).to_string();
        check(doc.as_bytes(), &format!("portfolio[{k}]"));
        let conv = ctg_core::Convention::from_json_str(&doc).expect("valid");
        allocation_years += conv
            .funding()
            .map(|f| f.allocations().iter().map(|a| a.amounts().len()).sum())
            .unwrap_or(0);
        lines.push_str(&doc);
        lines.push('\n');
    }
    std::fs::write(dir.join("portfolio.jsonl"), &lines).expect("write portfolio.jsonl");
    println!(
        "wrote {}: thore.json ({} B), generated-10k.json ({} B), portfolio.jsonl ({} conventions, {} B, {} allocation-years)",
        dir.display(),
        thore.len(),
        generated.len(),
        PORTFOLIO_SIZE,
        lines.len(),
        allocation_years
    );
}

/// Panics unless ctg-core reads the document as valid, without any issue at all (the generated
/// convention of the criterion benchmark has one warning: its 10 years are an unusual duration).
fn check(bytes: &[u8], name: &str) {
    let validation = ctg_core::validate_slice(bytes);
    let issues: Vec<String> = validation
        .report()
        .issues()
        .iter()
        .filter(|i| !(name == "generated-10k" && i.code.as_str() == "period.unusual_duration"))
        .map(|i| format!("{} {}", i.code, i.path))
        .collect();
    assert!(
        validation.is_valid() && issues.is_empty(),
        "{name}: {issues:?}"
    );
}

/// splitmix64: a small, fixed, well-mixed stream (no crate needed, same output everywhere).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// A SIREN: `prefix` then digits of `serial`, completed by its Luhn digit (never La Poste's).
fn siren(prefix: &str, serial: u64) -> String {
    let mut body = prefix.to_owned();
    let rest = 8 - prefix.len();
    let _ = write!(body, "{:0rest$}", serial % 10u64.pow(rest as u32));
    let digit = luhn_digit(&body);
    body.push(digit);
    body
}

/// A SIRET of an establishment of `siren`: the SIREN, four digits of `serial`, the Luhn digit
/// of the fourteen.
fn siret(siren: &str, serial: u64) -> String {
    let mut body = format!("{siren}{:04}", serial % 10_000);
    let digit = luhn_digit(&body);
    body.push(digit);
    body
}

const DEPARTEMENTS: &[&str] = &[
    "01", "02", "03", "07", "12", "13", "14", "22", "29", "2A", "2B", "31", "33", "38", "44", "49",
    "59", "62", "67", "69", "75", "81", "82", "85", "93", "95", "971", "972", "974",
];
const DOMAINS: &[&str] = &[
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
    "sante",
    "seniors",
    "mobilite",
    "cadre_de_vie",
    "insertion",
];
const FACILITIES: &[(&str, &str)] = &[
    ("eaje", "petite_enfance"),
    ("rpe", "petite_enfance"),
    ("laep", "parentalite"),
    ("alsh_periscolaire", "enfance"),
    ("alsh_extrascolaire", "enfance"),
    ("alsh", "enfance"),
    ("jeunesse", "jeunesse"),
    ("centre_social", "animation_vie_sociale"),
    ("evs", "animation_vie_sociale"),
    ("other", "acces_aux_droits"),
];
const STATUSES: &[&str] = &["planned", "in_progress", "done", "abandoned"];
const EPCI_KINDS: &[&str] = &["cc", "cc", "cc", "ca", "cu", "metropole"];

fn euros(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// INSEE code number `n` (0-based) of a commune of département `dep`.
fn insee(dep: &str, n: u64) -> String {
    if dep.len() == 3 {
        format!("{dep}{:02}", n + 1)
    } else {
        format!("{dep}{:03}", n + 1)
    }
}

/// Convention `k` of the portfolio: valid, without warnings, of a size drawn from a skewed
/// distribution (most are small, some large).
fn portfolio_convention(k: usize) -> Value {
    let mut rng = Rng(0xC7_0000 + k as u64);
    let dep = *rng.pick(DEPARTEMENTS);
    let max_communes = if dep.len() == 3 { 30 } else { 60 };
    // Skewed sizes: the square of a uniform draw.
    let skew = |rng: &mut Rng, lo: u64, hi: u64| {
        let u = rng.range(0, 1000);
        lo + (hi - lo) * u * u / 1_000_000
    };
    let n_communes = skew(&mut rng, 2, max_communes);
    let first_year = rng.range(2019, 2026) as i32;
    let years = rng.range(3, 5) as i32;
    let last_year = first_year + years - 1;
    let epci_id = format!("epci-{k}");
    let mut serial = (k as u64) * 1000;

    // Parties: the Caf, the EPCI, its communes (signatories), sometimes the Département.
    let mut parties = vec![json!({
        "id": format!("caf-{dep}"), "name": format!("Caf {dep}"), "kind": "caf", "role": "caf",
        "departement": dep,
    })];
    let members: Vec<String> = (0..n_communes).map(|n| insee(dep, n)).collect();
    serial += 1;
    parties.push(json!({
        "id": epci_id, "name": format!("Intercommunalité {k}"), "kind": *rng.pick(EPCI_KINDS),
        "role": "signatory", "siren": siren("24", serial), "members": members,
        "deliberation_date": format!("{}-{:02}-{:02}", first_year - 1, rng.range(9, 12), rng.range(1, 28)),
    }));
    for (n, code) in members.iter().enumerate() {
        serial += 1;
        parties.push(json!({
            "id": format!("commune-{n}"), "name": format!("Commune {code}"), "kind": "commune",
            "role": "signatory", "insee": code, "siren": siren("21", serial), "departement": dep,
        }));
    }
    if rng.range(0, 3) == 0 {
        serial += 1;
        parties.push(json!({
            "id": "departement", "name": format!("Département {dep}"), "kind": "departement",
            "role": "co_funder", "siren": siren("22", serial),
        }));
    }

    // Domains, stakes, objectives.
    let n_domains = rng.range(3, 8) as usize;
    let offset = rng.range(0, DOMAINS.len() as u64 - 1) as usize;
    let domains: Vec<&str> = (0..n_domains)
        .map(|i| DOMAINS[(offset + i) % DOMAINS.len()])
        .collect();
    let n_stakes = rng.range(2, 6);
    let stakes: Vec<Value> = (1..=n_stakes)
        .map(|s| json!({"id": format!("enjeu-{s}"), "title": format!("Enjeu {s} du territoire {k}")}))
        .collect();
    let n_objectives = rng.range(2, 8);
    let objectives: Vec<Value> = (1..=n_objectives)
        .map(|o| {
            json!({"id": format!("obj-{o}"), "title": format!("Objectif stratégique {o}"),
               "stakes": [format!("enjeu-{}", 1 + (o - 1) % n_stakes)]})
        })
        .collect();

    // Action sheets, numbered 1..=n, with domains among the convention's, indicators.
    let n_sheets = skew(&mut rng, 4, 30);
    let mut sheets = Vec::new();
    for number in 1..=n_sheets {
        let mut sheet = json!({
            "number": number,
            "title": format!("Fiche action {number} : développer l’offre du territoire {k}"),
            "domains": [domains[(number as usize) % domains.len()]],
            "objectives": [format!("obj-{}", 1 + (number - 1) % n_objectives)],
            "lead": epci_id,
            "status": *rng.pick(STATUSES),
        });
        if rng.range(0, 1) == 0 {
            sheet["partners"] = json!(["PMI", "Mission locale"]);
            sheet["target_public"] = json!("familles");
            sheet["communes"] = json!([members[(number as usize) % members.len()]]);
            sheet["schedule"] = json!({"start": format!("{first_year}-01-15"), "end": format!("{last_year}-12-15")});
            sheet["budget"] = json!(euros(rng.range(100_000, 5_000_000)));
        }
        if rng.range(0, 2) == 0 {
            let baseline = rng.range(0, 40);
            sheet["indicators"] = json!([{
                "name": "places", "unit": "places",
                "baseline": baseline.to_string(), "target": (baseline + 10).to_string(),
                "measurements": [
                    {"date": format!("{first_year}-06-30"), "value": (baseline + 2).to_string()},
                    {"date": format!("{}-06-30", first_year + 1), "value": format!("{}.5", baseline + 5)},
                ],
            }]);
        }
        sheets.push(sheet);
    }

    // Funding: a coordination post carried by the EPCI and operators of varied kinds.
    let n_beneficiaries = skew(&mut rng, 3, 40);
    let mut beneficiaries = vec![json!({
        "id": epci_id, "name": format!("Intercommunalité {k}"), "party": epci_id,
    })];
    let mut allocations = Vec::new();
    let period: Vec<i32> = (first_year..=last_year).collect();
    let mut yearly = vec![0u64; period.len()];
    // The amounts of one line, year by year, added to the yearly sums.
    let amounts = |yearly: &mut [u64], mut cents: Box<dyn FnMut(usize) -> u64 + '_>| {
        let mut map = serde_json::Map::new();
        for (i, year) in period.iter().enumerate() {
            let c = cents(i);
            yearly[i] += c;
            map.insert(year.to_string(), Value::String(euros(c)));
        }
        map
    };
    let base = rng.range(2_000_000, 6_000_000);
    allocations.push(
        json!({"beneficiary": epci_id, "facility_kind": "coordination",
        "amounts": amounts(&mut yearly, Box::new(move |i| base + i as u64 * 12_345))}),
    );
    for b in 1..n_beneficiaries {
        let id = format!("operateur-{b}");
        let mut beneficiary = json!({"id": id, "name": format!("Structure {b} ({k})")});
        if rng.range(0, 1) == 0 {
            serial += 1;
            beneficiary["siret"] = json!(siret(&siren("7", serial), serial));
        }
        beneficiaries.push(beneficiary);
        let (kind, domain) = *rng.pick(FACILITIES);
        let base = rng.range(100_000, 9_000_000);
        allocations.push(
            json!({"beneficiary": id, "facility_kind": kind, "domain": domain,
            "amounts": amounts(&mut yearly, Box::new(move |i| base + i as u64 * 12_345))}),
        );
        if rng.range(0, 4) == 0 {
            // A second line for the same operator, told apart by its label.
            let line = amounts(&mut yearly, Box::new(|_| rng.range(50_000, 1_000_000)));
            allocations.push(
                json!({"beneficiary": id, "facility_kind": kind, "domain": domain,
                "label": "extension", "amounts": line}),
            );
        }
    }
    let yearly_map: serde_json::Map<String, Value> = period
        .iter()
        .zip(&yearly)
        .map(|(y, c)| (y.to_string(), Value::String(euros(*c))))
        .collect();
    let total: u64 = yearly.iter().sum();

    let signed = format!(
        "{}-{:02}-{:02}",
        first_year - 1,
        rng.range(8, 12),
        rng.range(1, 28)
    );
    json!({
        "format_version": 1,
        "id": format!("ctg-{dep}-{k:04}-{first_year}-{last_year}"),
        "title": format!("Convention territoriale globale n° {k} ({dep}) {first_year}-{last_year}"),
        "period": {"first_year": first_year, "last_year": last_year, "duration_years": years},
        "signature": {"date": signed, "place": format!("Siège de l’intercommunalité {k}")},
        "parties": parties,
        "domains": domains,
        "diagnostic": {"start_date": format!("{}-01-10", first_year - 2), "end_date": format!("{}-06-30", first_year - 1),
            "author": "Caf", "sources": ["données Caf", "Insee"]},
        "stakes": stakes,
        "objectives": objectives,
        "action_sheets": sheets,
        "funding": {
            "beneficiaries": beneficiaries,
            "allocations": allocations,
            "declared": {"yearly": yearly_map, "total": euros(total)},
        },
        "governance": [
            {"kind": "steering_committee", "name": "Comité de pilotage", "frequency": "annuel",
             "members": [format!("caf-{dep}"), epci_id]},
            {"kind": "technical_committee", "frequency": "semestriel", "members": [epci_id]},
        ],
        "sources": ["portefeuille généré (benches/examples/peer_inputs.rs)"],
    })
}
