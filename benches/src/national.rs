//! The national synthetic portfolio: one convention per EPCI of the official geography (COG 2026,
//! [`ctg_geo::Geography::embedded`]), with the real SIREN, name, kind and member communes of each
//! EPCI, the INSEE codes, SIRENs, names and populations of its communes, and the Caf of its
//! département; everything else (periods, signatures, domains, action sheets, beneficiaries,
//! funding) is drawn from a fixed pseudo-random stream seeded by the EPCI's SIREN, so the same
//! bytes come out on every machine and every run, and a change of one EPCI changes only its
//! document.
//!
//! What the documents hold, and why:
//!
//! - **Parties**: the Caf of the EPCI's département (the département where most of its
//!   inhabitants live), the EPCI with its full member list, and 0 to 3 of its most populous
//!   communes as signatories (as in the Tarn-Agout and Quercy Rouergue fixtures: the CC and its
//!   main towns sign); 1 in 50 also has a neighbouring commune of another EPCI sign (as Thoré
//!   Montagne Noire's Saint-Amans-Soult), which gives a `geo.commune_outside_epci` information
//!   and, when both conventions are in force, a commune covered twice (an overlap).
//! - **Periods** of 3 to 5 years starting from 2019 to 2026; signatures within five months of
//!   the start (no `signature.*` warning); 1 in 40 unsigned (a draft), 1 in 100 terminated early.
//! - **Funding** (1 in 25 without a funding section: absent is not zero): a yearly envelope of
//!   8 to 45 € per inhabitant (at least 20 000 €), growing by 1 to 3 % a year, split exactly in
//!   cents between the coordination post (carried by the EPCI) and 2 to 30 operators (crèches,
//!   relais, LAEP, accueils de loisirs, espaces jeunes, centres sociaux, EVS; more for larger
//!   populations); declared yearly totals and total that add up.
//! - **Action sheets**: 3 to 8, numbered without gaps, with domains among the convention's,
//!   objectives, the EPCI as lead, sometimes communes of the territory, a schedule and an
//!   indicator.
//!
//! Every document is valid with and without the geography; the only issues are the
//! `geo.commune_outside_epci` informations of the conventions with a neighbouring commune (the
//! tests check it).
//!
//! ```
//! let geo = ctg_geo::Geography::embedded()?;
//! let docs = ctg_benches::national::documents(geo);
//! assert_eq!(docs.len(), 1_255);
//! let validator = ctg_core::Validator::new().gazetteer(geo);
//! assert!(validator.validate_str(&docs[0]).is_valid());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use ctg_core::{CommuneRecord, EpciRecord};
use ctg_geo::Geography;
use serde_json::{json, Map, Value};

/// The day the answers file and the tests judge the portfolio on (status, coverage).
///
/// ```
/// assert_eq!(ctg_benches::national::DATE, "2025-07-01");
/// ```
pub const DATE: &str = "2025-07-01";

/// The day of [`DATE`] as a date.
///
/// ```
/// assert_eq!(ctg_benches::national::date().to_string(), ctg_benches::national::DATE);
/// ```
pub fn date() -> ctg_core::NaiveDate {
    ctg_core::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default()
}

/// The version of the generator: it changes whenever its output does, and the answers file
/// carries it (a binding comparing with stale answers can say so).
///
/// ```
/// assert!(ctg_benches::national::GENERATOR_VERSION >= 1);
/// ```
pub const GENERATOR_VERSION: u32 = 1;

/// One compact JSON document per EPCI of the geography, in the order of the EPCIs' SIRENs.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let docs = ctg_benches::national::documents(geo);
/// let first: serde_json::Value = serde_json::from_str(&docs[0])?;
/// assert_eq!(first["parties"][1]["siren"], geo.epcis()[0].siren.as_str());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn documents(geo: &Geography) -> Vec<String> {
    let plan = Plan::new(geo);
    geo.epcis()
        .iter()
        .enumerate()
        .map(|(index, epci)| convention(geo, &plan, index, epci).to_string())
        .collect()
}

/// The national portfolio as JSON Lines: [`documents`], one a line, each line ended by `\n`.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let lines = ctg_benches::national::json_lines(geo);
/// assert_eq!(lines.lines().count(), 1_255);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn json_lines(geo: &Geography) -> String {
    let docs = documents(geo);
    let mut out = String::with_capacity(docs.iter().map(|d| d.len() + 1).sum());
    for doc in docs {
        out.push_str(&doc);
        out.push('\n');
    }
    out
}

/// What is decided across EPCIs: each one's département, and the neighbour commune some invite.
struct Plan {
    /// The département of each EPCI (by index in `geo.epcis()`).
    departements: Vec<String>,
    /// The EPCIs of each département, by index.
    by_departement: BTreeMap<String, Vec<usize>>,
}

impl Plan {
    fn new(geo: &Geography) -> Plan {
        let departements: Vec<String> = geo.epcis().iter().map(|e| departement(geo, e)).collect();
        let mut by_departement: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, d) in departements.iter().enumerate() {
            by_departement.entry(d.clone()).or_default().push(i);
        }
        Plan {
            departements,
            by_departement,
        }
    }
}

/// The département where most of the EPCI's inhabitants live (ties: the smaller code).
fn departement(geo: &Geography, epci: &EpciRecord) -> String {
    let mut people: BTreeMap<&str, u64> = BTreeMap::new();
    for m in geo.members(epci) {
        *people.entry(m.departement.as_str()).or_default() += m.population.unwrap_or(0) + 1;
    }
    people
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(d, _)| (*d).to_owned())
        .unwrap_or_default()
}

/// splitmix64: a small, fixed, well-mixed stream (no crate needed, the same output everywhere).
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

    /// True once in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// The digit that makes `body` + digit pass the Luhn checksum (for generated SIRENs and SIRETs):
/// with the check digit appended, the digits of `body` at odd positions from the right (the last
/// one first) are doubled.
///
/// ```
/// assert_eq!(ctg_benches::national::luhn_digit("20007130"), '6'); // SIREN 200071306
/// ```
pub fn luhn_digit(body: &str) -> char {
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    char::from(b'0' + ((10 - sum % 10) % 10) as u8)
}

/// A SIRET of an establishment of an association: a SIREN starting with 7 (never a commune's or
/// an EPCI's), then the establishment number, each completed by its Luhn digit.
fn operator_siret(serial: u64) -> String {
    let mut siren = format!("7{:07}", serial % 10_000_000);
    let digit = luhn_digit(&siren);
    siren.push(digit);
    let mut siret = format!("{siren}{:04}", serial % 10_000);
    let digit = luhn_digit(&siret);
    siret.push(digit);
    siret
}

fn euros(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

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
];

/// Operators: facility kind, domain, name prefix.
const OPERATORS: &[(&str, &str, &str)] = &[
    ("eaje", "petite_enfance", "Multi-accueil"),
    ("eaje", "petite_enfance", "Crèche"),
    ("rpe", "petite_enfance", "Relais petite enfance"),
    ("laep", "parentalite", "LAEP"),
    ("alsh_periscolaire", "enfance", "Accueil périscolaire"),
    ("alsh_extrascolaire", "enfance", "Accueil de loisirs"),
    ("alsh", "enfance", "ALSH"),
    ("jeunesse", "jeunesse", "Espace jeunes"),
    ("centre_social", "animation_vie_sociale", "Centre social"),
    ("evs", "animation_vie_sociale", "Espace de vie sociale"),
];

const SHEET_TITLES: &[(&str, &str)] = &[
    (
        "petite_enfance",
        "Développer l’offre d’accueil du jeune enfant",
    ),
    ("petite_enfance", "Créer un relais petite enfance itinérant"),
    ("enfance", "Harmoniser les accueils périscolaires"),
    (
        "enfance",
        "Adapter les accueils de loisirs aux besoins des familles",
    ),
    ("jeunesse", "Accompagner les projets des jeunes"),
    ("jeunesse", "Ouvrir un espace jeunes"),
    ("parentalite", "Soutenir la parentalité"),
    ("parentalite", "Créer un lieu d’accueil enfants-parents"),
    ("acces_aux_droits", "Faciliter l’accès aux droits"),
    (
        "inclusion_numerique",
        "Accompagner les familles vers le numérique",
    ),
    (
        "animation_vie_sociale",
        "Soutenir l’animation de la vie sociale",
    ),
    ("logement", "Améliorer l’accès au logement des familles"),
    (
        "handicap",
        "Accueillir les enfants en situation de handicap",
    ),
    (
        "accompagnement_social",
        "Coordonner l’accompagnement social",
    ),
];

const STATUSES: &[&str] = &["planned", "in_progress", "in_progress", "done"];

/// The day `days` after 1 January of `year` (before it when negative), as `YYYY-MM-DD`.
fn day(year: i32, days: i64) -> String {
    use ctg_core::NaiveDate;
    let leap = |y: i32| NaiveDate::from_yo_opt(y, 366).is_some();
    let (mut y, mut ordinal) = (year, days + 1);
    while ordinal < 1 {
        y -= 1;
        ordinal += if leap(y) { 366 } else { 365 };
    }
    while ordinal > if leap(y) { 366 } else { 365 } {
        ordinal -= if leap(y) { 366 } else { 365 };
        y += 1;
    }
    NaiveDate::from_yo_opt(y, ordinal as u32)
        .unwrap_or_default()
        .to_string()
}

/// The first years of the periods, with their weights (most conventions of 2020–2024 were
/// signed when the CTG replaced the CEJ).
const FIRST_YEARS: &[(i32, u64)] = &[
    (2019, 5),
    (2020, 8),
    (2021, 12),
    (2022, 18),
    (2023, 22),
    (2024, 17),
    (2025, 10),
    (2026, 8),
];

fn first_year(rng: &mut Rng) -> i32 {
    let total: u64 = FIRST_YEARS.iter().map(|(_, w)| w).sum();
    let mut draw = rng.range(0, total - 1);
    for &(year, weight) in FIRST_YEARS {
        if draw < weight {
            return year;
        }
        draw -= weight;
    }
    2023
}

/// A commune as a signing party, with its identifiers from the reference.
fn commune_party(id: &str, commune: &CommuneRecord) -> Value {
    let mut party = json!({
        "id": id,
        "name": commune.name,
        "kind": "commune",
        "role": "signatory",
        "insee": commune.insee.as_str(),
        "departement": commune.departement.as_str(),
    });
    if let Some(siren) = &commune.siren {
        party["siren"] = siren.as_str().into();
    }
    party
}

/// Splits `cents` between `weights` exactly: each its share rounded down, the remainder to the
/// first ones.
fn split(cents: u64, weights: &[u64]) -> Vec<u64> {
    let whole: u64 = weights.iter().sum::<u64>().max(1);
    let mut parts: Vec<u64> = weights
        .iter()
        .map(|w| (u128::from(cents) * u128::from(*w) / u128::from(whole)) as u64)
        .collect();
    let mut rest = cents - parts.iter().sum::<u64>();
    for part in parts.iter_mut() {
        if rest == 0 {
            break;
        }
        *part += 1;
        rest -= 1;
    }
    parts
}

/// The convention of the `index`-th EPCI.
fn convention(geo: &Geography, plan: &Plan, index: usize, epci: &EpciRecord) -> Value {
    let siren_number: u64 = epci.siren.as_str().parse().unwrap_or(0);
    let mut rng = Rng(siren_number ^ 0x00C7_6E0A_7105_0001);
    let dep = plan.departements[index].as_str();
    let dep_name = dep
        .parse()
        .ok()
        .and_then(|code| geo.departement(&code))
        .map_or_else(|| dep.to_owned(), |d| d.name.clone());
    let members = geo.members(epci);
    let population: u64 = members.iter().map(|m| m.population.unwrap_or(0)).sum();

    // The period and the signature.
    let first_year = first_year(&mut rng);
    let years = rng.range(3, 5) as i32;
    let last_year = first_year + years - 1;
    let signature_offset = rng.range(0, 300) as i64 - 150;
    let signed = !rng.one_in(40);
    let terminated = signed && rng.one_in(100);

    // The parties: the Caf, the EPCI with its members, its largest communes, a neighbour.
    let caf_id = format!("caf-{}", dep.to_lowercase());
    let mut parties = vec![json!({
        "id": caf_id,
        "name": format!("Caisse d'allocations familiales ({dep_name})"),
        "kind": "caf",
        "role": "caf",
        "departement": dep,
    })];
    let member_codes: Vec<&str> = epci.members.iter().map(|c| c.as_str()).collect();
    let mut epci_party = json!({
        "id": "epci",
        "name": epci.name,
        "kind": epci.kind.code(),
        "role": "signatory",
        "siren": epci.siren.as_str(),
        "members": member_codes,
    });
    if signed {
        epci_party["deliberation_date"] =
            day(first_year, signature_offset - rng.range(15, 90) as i64).into();
    }
    parties.push(epci_party);
    let mut by_size: Vec<&CommuneRecord> = members.clone();
    by_size.sort_by(|a, b| b.population.cmp(&a.population).then(a.insee.cmp(&b.insee)));
    let signing = (rng.range(0, 3) as usize).min(by_size.len());
    for (n, commune) in by_size.iter().take(signing).enumerate() {
        parties.push(commune_party(&format!("commune-{}", n + 1), commune));
    }
    if rng.one_in(50) {
        // A commune of another EPCI of the département signs too.
        let neighbours = plan
            .by_departement
            .get(dep)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let other = neighbours
            .iter()
            .map(|&i| (i + index) % geo.epcis().len())
            .find(|&i| i != index && plan.departements[i] == dep)
            .or_else(|| neighbours.iter().copied().find(|&i| i != index));
        if let Some(commune) = other
            .and_then(|i| geo.epcis().get(i))
            .and_then(|e| e.members.first())
            .and_then(|code| geo.commune(code))
        {
            parties.push(commune_party("commune-voisine", commune));
        }
    }

    // Domains, stakes, objectives.
    let mut domains: Vec<&str> = vec!["petite_enfance", "enfance", "jeunesse", "parentalite"];
    for extra in &DOMAINS[4..] {
        if rng.one_in(3) {
            domains.push(extra);
        }
    }
    let n_stakes = rng.range(2, 4);
    let stakes: Vec<Value> = (1..=n_stakes)
        .map(|s| {
            json!({"id": format!("enjeu-{s}"),
                   "title": format!("Enjeu {s} : répondre aux besoins des familles du territoire")})
        })
        .collect();
    let n_objectives = rng.range(2, 5);
    let objectives: Vec<Value> = (1..=n_objectives)
        .map(|o| {
            json!({"id": format!("objectif-{o}"),
                   "title": format!("Objectif stratégique {o}"),
                   "stakes": [format!("enjeu-{}", 1 + (o - 1) % n_stakes)]})
        })
        .collect();

    // Action sheets.
    let titles: Vec<&(&str, &str)> = SHEET_TITLES
        .iter()
        .filter(|(d, _)| domains.contains(d))
        .collect();
    let n_sheets = rng.range(3, 8);
    let mut sheets = Vec::new();
    for number in 1..=n_sheets {
        let (domain, title) = **rng.pick(&titles);
        let mut sheet = json!({
            "number": number,
            "title": title,
            "domains": [domain],
            "objectives": [format!("objectif-{}", 1 + (number - 1) % n_objectives)],
            "lead": "epci",
            "status": *rng.pick(STATUSES),
        });
        if rng.one_in(2) {
            sheet["communes"] = json!([*rng.pick(&member_codes)]);
            sheet["schedule"] = json!({
                "start": day(first_year, rng.range(0, 180) as i64),
                "end": day(last_year, rng.range(180, 364) as i64),
            });
        }
        if rng.one_in(3) {
            let baseline = rng.range(0, 40);
            sheet["indicators"] = json!([{
                "name": "places d’accueil", "unit": "places",
                "baseline": baseline.to_string(),
                "target": (baseline + rng.range(5, 20)).to_string(),
                "measurements": [{"date": day(first_year, 364), "value": (baseline + 2).to_string()}],
            }]);
        }
        sheets.push(sheet);
    }

    let mut doc = json!({
        "format_version": 1,
        "id": format!("ctg-{}-{}-{first_year}-{last_year}", dep.to_lowercase(), epci.siren),
        "title": format!("Convention territoriale globale — {} {first_year}-{last_year}", epci.name),
        "period": {"first_year": first_year, "last_year": last_year, "duration_years": years},
        "parties": parties,
        "domains": domains,
        "diagnostic": {
            "start_date": day(first_year - 1, rng.range(0, 120) as i64),
            "end_date": day(first_year - 1, rng.range(150, 270) as i64),
            "author": "Caf",
            "sources": ["données Caf", "Insee"],
        },
        "stakes": stakes,
        "objectives": objectives,
        "action_sheets": sheets,
        "governance": [
            {"kind": "steering_committee", "name": "Comité de pilotage", "frequency": "annuel",
             "members": [caf_id, "epci"]},
        ],
        "sources": [format!("portefeuille national synthétique v{GENERATOR_VERSION} (benches/src/national.rs)")],
    });
    if signed {
        doc["signature"] = json!({"date": day(first_year, signature_offset)});
    }
    if terminated {
        doc["termination"] = json!({
            "date": day(first_year + 1, rng.range(0, 300) as i64),
            "reason": "fusion de l’EPCI",
        });
    }
    if first_year >= 2021 && rng.one_in(3) {
        doc["renews"] = json!({"first_year": first_year - 4, "last_year": first_year - 1});
    }
    if !rng.one_in(25) {
        doc["funding"] = funding(&mut rng, epci, &members, population, first_year, last_year);
    }
    doc
}

/// The funding section: the coordination post and the operators, exact in cents.
fn funding(
    rng: &mut Rng,
    epci: &EpciRecord,
    members: &[&CommuneRecord],
    population: u64,
    first_year: i32,
    last_year: i32,
) -> Value {
    let per_inhabitant_cents = rng.range(800, 4_500);
    let base = (population * per_inhabitant_cents).max(2_000_000);
    let growth_per_mille = rng.range(10, 30);
    let operators = ((population / 8_000) as usize + 2 + rng.range(0, 2) as usize).min(30);
    let mut beneficiaries = vec![json!({"id": "epci", "name": epci.name, "party": "epci"})];
    // (beneficiary, facility kind, domain, weight)
    let mut lines: Vec<(String, &str, Option<&str>, u64)> =
        vec![("epci".to_owned(), "coordination", None, rng.range(60, 170))];
    for b in 1..=operators {
        let (kind, domain, prefix) = *rng.pick(OPERATORS);
        let place = members
            .get((rng.next() % members.len().max(1) as u64) as usize)
            .map_or_else(|| epci.name.clone(), |c| c.name.clone());
        let id = format!("operateur-{b}");
        let mut beneficiary = json!({"id": id, "name": format!("{prefix} de {place}")});
        if rng.one_in(2) {
            beneficiary["siret"] = operator_siret(rng.next()).into();
        }
        beneficiaries.push(beneficiary);
        let weight = match kind {
            "eaje" => rng.range(150, 400),
            "centre_social" | "alsh_periscolaire" | "alsh_extrascolaire" | "alsh" => {
                rng.range(80, 200)
            }
            _ => rng.range(20, 90),
        };
        lines.push((id, kind, Some(domain), weight));
    }
    let weights: Vec<u64> = lines.iter().map(|l| l.3).collect();
    let mut amounts: Vec<Map<String, Value>> = vec![Map::new(); lines.len()];
    let mut yearly = Map::new();
    let mut total = 0u64;
    let mut envelope = base;
    for year in first_year..=last_year {
        let parts = split(envelope, &weights);
        for (line, cents) in amounts.iter_mut().zip(&parts) {
            line.insert(year.to_string(), euros(*cents).into());
        }
        yearly.insert(year.to_string(), euros(envelope).into());
        total += envelope;
        envelope += envelope * growth_per_mille / 1000;
    }
    let allocations: Vec<Value> = lines
        .iter()
        .zip(amounts)
        .map(|((beneficiary, kind, domain, _), amounts)| {
            let mut line =
                json!({"beneficiary": beneficiary, "facility_kind": kind, "amounts": amounts});
            if let Some(domain) = domain {
                line["domain"] = (*domain).into();
            }
            line
        })
        .collect();
    json!({
        "beneficiaries": beneficiaries,
        "allocations": allocations,
        "declared": {"yearly": yearly, "total": euros(total)},
    })
}

/// The expected answers for the national portfolio, as the Rust library computes them: what the
/// Python and JavaScript tests compare their own results with (the same documents validated
/// with the geography, judged at [`DATE`]).
///
/// ```json
/// {
///   "generator_version": 1,
///   "date": "2025-07-01",
///   "geography": {"source": "@etalab/decoupage-administratif", "version": "6.0.0", "geography": "COG 2026", "effective": "2026-01-01"},
///   "documents": 1255,
///   "bytes": 6697769,
///   "summary": {"date": …, "counts": …, "by_status": …, "expiring": […], "totals": …, "coverage": …},
///   "conventions": [{"source": "line 1", "verdict": "valid", "id": …, "envelope": "…", …}, …]
/// }
/// ```
///
/// `summary` is [`ctg_core::PortfolioSummary`] serialised, `conventions` the rows of
/// [`ctg_core::Portfolio::conventions`]: money as strings with two decimals, shares as strings
/// with four, dates `YYYY-MM-DD`, sources `line N` (the JSON Lines file's line).
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let lines = ctg_benches::national::json_lines(geo);
/// let answers = ctg_benches::national::answers(geo, lines.as_bytes());
/// assert_eq!(answers["summary"]["counts"]["valid"], 1_255);
/// assert_eq!(answers["conventions"].as_array().unwrap().len(), 1_255);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn answers(geo: &'static Geography, json_lines: &[u8]) -> Value {
    let validator = ctg_core::Validator::new().gazetteer(geo);
    let portfolio = ctg_core::Portfolio::from_json_lines(&validator, json_lines);
    let gazetteer: &dyn ctg_core::Gazetteer = geo;
    json!({
        "generator_version": GENERATOR_VERSION,
        "date": DATE,
        "geography": geo.vintage(),
        "documents": portfolio.len(),
        "bytes": json_lines.len(),
        "summary": portfolio.summary(date(), Some(gazetteer)),
        "conventions": portfolio.conventions(date(), Some(gazetteer)),
    })
}
