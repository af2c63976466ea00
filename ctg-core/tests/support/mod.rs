//! Generated valid conventions, shared by the property tests: every vocabulary, identifier and
//! sum is written here from `docs/format.md`, independently of the library, so that a property
//! can compare the library's answers with what the generator knows.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// Vocabularies, written out from docs/format.md (not taken from the library).
// ---------------------------------------------------------------------------------------------

pub const DOMAINS: [&str; 15] = [
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

pub const FACILITY_KINDS: [&str; 11] = [
    "eaje",
    "rpe",
    "laep",
    "alsh_periscolaire",
    "alsh_extrascolaire",
    "alsh",
    "jeunesse",
    "centre_social",
    "evs",
    "coordination",
    "other",
];

pub const EPCI_KINDS: [&str; 4] = ["cc", "ca", "cu", "metropole"];
pub const STATUSES: [&str; 4] = ["planned", "in_progress", "done", "abandoned"];
pub const GOVERNANCE_KINDS: [&str; 3] = ["steering_committee", "technical_committee", "other"];

/// The largest amount in cents (999 999 999 999,99 €), from docs/format.md.
pub const MAX_CENTS: u64 = 99_999_999_999_999;

/// Warnings a generated document may legitimately carry.
pub const ALLOWED_WARNINGS: [&str; 3] = [
    "period.unusual_duration",
    "funding.year_without_funding",
    "funding.allocation_empty",
];

// ---------------------------------------------------------------------------------------------
// Independent helpers: money formatting, Luhn, dates, decimals.
// ---------------------------------------------------------------------------------------------

/// The canonical writing of an amount in cents.
pub fn money(c: u128) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

/// The Luhn sum: from the rightmost digit, every second digit doubled (minus 9 above 9).
pub fn luhn_sum(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum()
}

pub fn luhn_valid(digits: &[u8]) -> bool {
    luhn_sum(digits) % 10 == 0
}

/// `prefix` followed by the Luhn check digit.
pub fn with_check_digit(prefix: &[u8]) -> Vec<u8> {
    let mut v = prefix.to_vec();
    v.push(0);
    let check = (10 - luhn_sum(&v) % 10) % 10;
    *v.last_mut().unwrap() = check as u8;
    assert!(luhn_valid(&v));
    v
}

pub fn digits_to_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// A SIREN (8 digits + Luhn key), never La Poste's (whose SIRETs follow another rule).
pub fn siren_from(seed: &[u8]) -> String {
    let mut seed = seed.to_vec();
    if seed == [3, 5, 6, 0, 0, 0, 0, 0] {
        seed[0] = 4;
    }
    digits_to_string(&with_check_digit(&seed))
}

/// A SIRET: a SIREN, 4 digits and a Luhn key over the 14 digits.
pub fn siret_from(siren_seed: &[u8], nic_seed: &[u8]) -> String {
    let siren: Vec<u8> = siren_from(siren_seed).bytes().map(|b| b - b'0').collect();
    let mut prefix = siren;
    prefix.extend_from_slice(nic_seed);
    digits_to_string(&with_check_digit(&prefix))
}

/// An INSEE code of a metropolitan commune: département 01–95 except 20, then 3 digits.
pub fn insee(dep: u8, num: u16) -> String {
    assert!((1..=95).contains(&dep) && dep != 20 && num < 1000);
    format!("{dep:02}{num:03}")
}

pub fn date(year: i32, offset_days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap() + Duration::days(offset_days)
}

pub fn date_str(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A decimal written from a mantissa and a scale, without trailing zeros (so it is already the
/// normalized form).
pub fn decimal_str(mantissa: i64, scale: u32) -> String {
    let mut m = mantissa;
    let mut s = scale;
    while s > 0 && m % 10 == 0 {
        m /= 10;
        s -= 1;
    }
    let neg = m < 0;
    let abs = m.unsigned_abs();
    let p = 10u64.pow(s);
    let body = if s == 0 {
        abs.to_string()
    } else {
        format!("{}.{:0width$}", abs / p, abs % p, width = s as usize)
    };
    // The format writes a fourth decimal where exactly three would look like a thousands group
    // (`docs/format.md`, decimals): "100.302" is written "100.3020".
    let int_digits = (abs / p).to_string();
    let body = if s == 3 && abs / p != 0 && int_digits.len() <= 3 {
        format!("{body}0")
    } else {
        body
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

// ---------------------------------------------------------------------------------------------
// Raw random material and strategies.
// ---------------------------------------------------------------------------------------------

/// A département number in 01–95 without 20.
pub fn dep_number() -> impl Strategy<Value = u8> {
    (1u8..=94).prop_map(|d| if d >= 20 { d + 1 } else { d })
}

pub fn digit_seed(n: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..10, n)
}

/// Strings matching `pattern`, compiled once (a `&str` strategy compiles its regex for every
/// value it generates, which dominated the run time).
pub fn re(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).unwrap()
}

/// A non-empty text that stays non-empty once trimmed.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => re("[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9'’ .-]{0,24}"),
        1 => re("[A-Za-zÉé]\\PC{0,16}"),
    ]
}

pub fn cents() -> impl Strategy<Value = u64> {
    prop_oneof![
        1 => Just(0u64),
        2 => 0u64..10_000,
        4 => 0u64..=1_000_000_000,
        1 => (0u64..=10_000_000).prop_map(|e| e * 100),
    ]
}

/// A decimal as (mantissa, scale).
pub fn decimal() -> impl Strategy<Value = (i64, u32)> {
    (-1_000_000_000i64..=1_000_000_000, 0u32..=4)
}

#[derive(Debug, Clone)]
pub struct CommuneRaw {
    pub dep: u8,
    pub num: u16,
    pub siren: Option<Vec<u8>>,
    pub name: String,
    pub deliberation: Option<i64>,
    pub aliases: Vec<String>,
}

pub fn commune_raw() -> impl Strategy<Value = CommuneRaw> {
    (
        dep_number(),
        0u16..1000,
        proptest::option::of(digit_seed(8)),
        text(),
        proptest::option::of(-300i64..300),
        proptest::collection::vec(text(), 0..2),
    )
        .prop_map(
            |(dep, num, siren, name, deliberation, aliases)| CommuneRaw {
                dep,
                num,
                siren,
                name,
                deliberation,
                aliases,
            },
        )
}

#[derive(Debug, Clone)]
pub struct EpciRaw {
    pub kind: usize,
    pub siren: Option<Vec<u8>>,
    pub nic: Option<Vec<u8>>,
    pub name: String,
    pub from_communes: Vec<bool>,
    pub extra_members: Vec<(u8, u16)>,
}

pub fn epci_raw() -> impl Strategy<Value = EpciRaw> {
    (
        0..EPCI_KINDS.len(),
        proptest::option::of(digit_seed(8)),
        proptest::option::of(digit_seed(4)),
        text(),
        proptest::collection::vec(any::<bool>(), 5),
        proptest::collection::vec((dep_number(), 0u16..1000), 0..4),
    )
        .prop_map(
            |(kind, siren, nic, name, from_communes, extra_members)| EpciRaw {
                kind,
                siren,
                nic,
                name,
                from_communes,
                extra_members,
            },
        )
}

#[derive(Debug, Clone)]
pub struct IndicatorRaw {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<(i64, u32)>,
    pub target: Option<(i64, u32)>,
    pub start: i64,
    pub steps: Vec<(i64, (i64, u32))>,
}

pub fn indicator_raw() -> impl Strategy<Value = IndicatorRaw> {
    (
        text(),
        proptest::option::of(prop::sample::select(vec![
            "places", "familles", "%", "enfants",
        ])),
        proptest::option::of(decimal()),
        proptest::option::of(decimal()),
        0i64..3000,
        proptest::collection::vec((1i64..400, decimal()), 0..4),
    )
        .prop_map(
            |(name, unit, baseline, target, start, steps)| IndicatorRaw {
                name,
                unit: unit.map(str::to_owned),
                baseline,
                target,
                start,
                steps,
            },
        )
}

#[derive(Debug, Clone)]
pub struct SheetRaw {
    pub title: String,
    pub domains: Vec<Index>,
    pub objectives: Vec<Index>,
    pub lead: Option<Index>,
    pub partners: Vec<String>,
    pub target_public: Option<String>,
    pub communes: Vec<Index>,
    pub schedule: Option<(Option<i64>, Option<i64>)>,
    pub status: Option<usize>,
    pub budget: Option<u64>,
    pub indicators: Vec<IndicatorRaw>,
}

pub fn sheet_raw() -> impl Strategy<Value = SheetRaw> {
    (
        (
            text(),
            proptest::collection::vec(any::<Index>(), 0..3),
            proptest::collection::vec(any::<Index>(), 0..3),
            proptest::option::of(any::<Index>()),
            proptest::collection::vec(text(), 0..2),
            proptest::option::of(text()),
        ),
        (
            proptest::collection::vec(any::<Index>(), 0..3),
            proptest::option::of((
                proptest::option::of(0i64..1500),
                proptest::option::of(0i64..1500),
            )),
            proptest::option::of(0..STATUSES.len()),
            proptest::option::of(cents()),
            proptest::collection::vec(indicator_raw(), 0..3),
        ),
    )
        .prop_map(
            |(
                (title, domains, objectives, lead, partners, target_public),
                (communes, schedule, status, budget, indicators),
            )| SheetRaw {
                title,
                domains,
                objectives,
                lead,
                partners,
                target_public,
                communes,
                schedule,
                status,
                budget,
                indicators,
            },
        )
}

#[derive(Debug, Clone)]
pub struct BeneficiaryRaw {
    pub name: String,
    pub siret: Option<(Vec<u8>, Vec<u8>)>,
    pub party: Option<Index>,
}

pub fn beneficiary_raw() -> impl Strategy<Value = BeneficiaryRaw> {
    (
        text(),
        proptest::option::of((digit_seed(8), digit_seed(4))),
        proptest::option::of(any::<Index>()),
    )
        .prop_map(|(name, siret, party)| BeneficiaryRaw { name, siret, party })
}

#[derive(Debug, Clone)]
pub struct AllocationRaw {
    pub beneficiary: Index,
    pub kind: usize,
    pub domain: Option<usize>,
    pub label: Option<String>,
    /// One entry per possible year of the period (index 0 = first year).
    pub amounts: Vec<Option<u64>>,
}

pub fn allocation_raw() -> impl Strategy<Value = AllocationRaw> {
    (
        any::<Index>(),
        0..FACILITY_KINDS.len(),
        proptest::option::of(0..DOMAINS.len()),
        proptest::option::of(text()),
        proptest::collection::vec(
            prop_oneof![1 => Just(None), 4 => cents().prop_map(Some)],
            10,
        ),
    )
        .prop_map(
            |(beneficiary, kind, domain, label, amounts)| AllocationRaw {
                beneficiary,
                kind,
                domain,
                label,
                amounts,
            },
        )
}

/// What the source declares about totals.
#[derive(Debug, Clone)]
pub enum DeclaredRaw {
    Nothing,
    /// Yearly totals for the years whose flag is set, and the whole total when `true`.
    Some(Vec<bool>, bool),
}

#[derive(Debug, Clone)]
pub struct Raw {
    pub first_year: i32,
    pub len: i32,
    pub id: String,
    pub title: String,
    pub caf_dep: u8,
    pub caf_siren: Vec<u8>,
    pub communes: Vec<CommuneRaw>,
    pub epci: Option<EpciRaw>,
    pub domains: Vec<bool>,
    pub stakes: Vec<String>,
    pub objectives: Vec<(String, Vec<Index>)>,
    pub sheets: Vec<SheetRaw>,
    pub sheet_rotation: usize,
    pub signature: Option<(i64, Option<String>)>,
    pub termination: Option<(i64, Option<String>)>,
    pub renews: Option<(i32, i32)>,
    pub diagnostic: Option<(Option<i64>, Option<String>, Vec<String>)>,
    pub beneficiaries: Vec<BeneficiaryRaw>,
    pub allocations: Vec<AllocationRaw>,
    pub declared: DeclaredRaw,
    pub governance: Vec<(usize, Option<String>, Vec<Index>)>,
    pub amendments: Vec<(i64, String)>,
    pub sources: Vec<String>,
    pub notes: Option<String>,
}

/// Raw material for a valid document. With `full_declared`, every year's total and the whole
/// total are declared and there is at least one allocation (for the mutation properties).
pub fn raw(full_declared: bool) -> impl Strategy<Value = Raw> {
    let min_allocations = usize::from(full_declared);
    let declared = if full_declared {
        Just(DeclaredRaw::Some(vec![true; 10], true)).boxed()
    } else {
        prop_oneof![
            1 => Just(DeclaredRaw::Nothing),
            1 => Just(DeclaredRaw::Some(vec![true; 10], true)),
            2 => (proptest::collection::vec(any::<bool>(), 10), any::<bool>())
                .prop_map(|(y, t)| DeclaredRaw::Some(y, t)),
        ]
        .boxed()
    };
    let head = (
        1995i32..2090,
        1i32..=10,
        re("[a-z][a-z0-9-]{0,20}"),
        text(),
        dep_number(),
        digit_seed(8),
        proptest::collection::vec(commune_raw(), 0..=5),
        proptest::option::of(epci_raw()),
        proptest::collection::vec(any::<bool>(), DOMAINS.len()),
    );
    let plan = (
        proptest::collection::vec(text(), 0..4),
        proptest::collection::vec(
            (text(), proptest::collection::vec(any::<Index>(), 0..3)),
            0..4,
        ),
        proptest::collection::vec(sheet_raw(), 0..6),
        0usize..6,
        proptest::option::of((-150i64..150, proptest::option::of(text()))),
        proptest::option::of((1i32..=5, 0i32..4)),
        proptest::option::of((
            proptest::option::of(0i64..400),
            proptest::option::of(text()),
            proptest::collection::vec(text(), 0..2),
        )),
    );
    let money_part = (
        proptest::collection::vec(beneficiary_raw(), 1..6),
        proptest::collection::vec(allocation_raw(), min_allocations..8),
        declared,
    );
    let tail = (
        proptest::option::of((0i64..2000, proptest::option::of(text()))),
        proptest::collection::vec(
            (
                0..GOVERNANCE_KINDS.len(),
                proptest::option::of(text()),
                proptest::collection::vec(any::<Index>(), 0..3),
            ),
            0..3,
        ),
        proptest::collection::vec((0i64..1000, text()), 0..3),
        proptest::collection::vec(text(), 0..2),
        proptest::option::of(text()),
    );
    (head, plan, money_part, tail).prop_map(
        |(
            (first_year, len, id, title, caf_dep, caf_siren, communes, epci, domains),
            (stakes, objectives, sheets, sheet_rotation, signature, renews, diagnostic),
            (beneficiaries, allocations, declared),
            (termination, governance, amendments, sources, notes),
        )| Raw {
            first_year,
            len,
            id,
            title,
            caf_dep,
            caf_siren,
            communes,
            epci,
            domains,
            stakes,
            objectives,
            sheets,
            sheet_rotation,
            signature,
            termination,
            renews,
            diagnostic,
            beneficiaries,
            allocations,
            declared,
            governance,
            amendments,
            sources,
            notes,
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Building the document and the expected totals.
// ---------------------------------------------------------------------------------------------

/// A generated valid document and what it should add up to.
#[derive(Debug, Clone)]
pub struct Generated {
    pub doc: Value,
    pub first_year: i32,
    pub last_year: i32,
    pub total: u128,
    pub by_year: BTreeMap<i32, u128>,
    pub by_beneficiary: BTreeMap<String, u128>,
    pub by_facility_kind: BTreeMap<String, u128>,
    pub by_domain: BTreeMap<String, u128>,
    pub coordination: u128,
    /// Indexes of the parties that have a SIREN.
    pub parties_with_siren: Vec<usize>,
    /// (allocation index, year) of every amount written.
    pub amount_slots: Vec<(usize, i32)>,
}

pub fn build(raw: &Raw) -> Generated {
    let first_year = raw.first_year;
    let last_year = raw.first_year + raw.len - 1;
    let years: Vec<i32> = (first_year..=last_year).collect();

    // -- parties --
    let mut parties = Vec::new();
    let mut party_ids = Vec::new();
    let mut sirens = BTreeSet::new();
    let mut parties_with_siren = Vec::new();
    let caf_siren = siren_from(&raw.caf_siren);
    sirens.insert(caf_siren.clone());
    parties_with_siren.push(0);
    parties.push(json!({
        "id": "caf",
        "name": format!("Caisse d'allocations familiales {:02}", raw.caf_dep),
        "kind": "caf",
        "role": "caf",
        "siren": caf_siren,
        "departement": format!("{:02}", raw.caf_dep),
    }));
    party_ids.push("caf".to_owned());

    let mut inseees = Vec::new();
    let mut seen_insee = BTreeSet::new();
    for (i, c) in raw.communes.iter().enumerate() {
        let code = insee(c.dep, c.num);
        if !seen_insee.insert(code.clone()) {
            continue;
        }
        inseees.push(code.clone());
        let id = format!("commune-{i}");
        let mut p = Map::new();
        p.insert("id".into(), json!(id));
        p.insert("name".into(), json!(c.name));
        p.insert("kind".into(), json!("commune"));
        p.insert("role".into(), json!("signatory"));
        p.insert("insee".into(), json!(code));
        if let Some(seed) = &c.siren {
            let s = siren_from(seed);
            if sirens.insert(s.clone()) {
                parties_with_siren.push(parties.len());
                p.insert("siren".into(), json!(s));
            }
        }
        p.insert("departement".into(), json!(format!("{:02}", c.dep)));
        if let Some(d) = c.deliberation {
            p.insert(
                "deliberation_date".into(),
                json!(date_str(date(first_year, d))),
            );
        }
        if !c.aliases.is_empty() {
            p.insert("aliases".into(), json!(c.aliases));
        }
        parties.push(Value::Object(p));
        party_ids.push(id);
    }
    if let Some(e) = &raw.epci {
        let mut members: Vec<String> = inseees
            .iter()
            .zip(&e.from_communes)
            .filter(|(_, &keep)| keep)
            .map(|(code, _)| code.clone())
            .collect();
        for &(dep, num) in &e.extra_members {
            let code = insee(dep, num);
            if !members.contains(&code) {
                members.push(code);
            }
        }
        let mut p = Map::new();
        p.insert("id".into(), json!("epci"));
        p.insert("name".into(), json!(e.name));
        p.insert("kind".into(), json!(EPCI_KINDS[e.kind]));
        p.insert("role".into(), json!("signatory"));
        if let Some(seed) = &e.siren {
            let s = siren_from(seed);
            if sirens.insert(s.clone()) {
                parties_with_siren.push(parties.len());
                p.insert("siren".into(), json!(s));
                if let Some(nic) = &e.nic {
                    p.insert("siret".into(), json!(siret_from(seed, nic)));
                }
            }
        }
        if !members.is_empty() {
            p.insert("members".into(), json!(members));
        }
        parties.push(Value::Object(p));
        party_ids.push("epci".to_owned());
    }

    // -- domains, stakes, objectives --
    let domains: Vec<&str> = DOMAINS
        .iter()
        .zip(&raw.domains)
        .filter(|(_, &keep)| keep)
        .map(|(d, _)| *d)
        .collect();
    let stake_ids: Vec<String> = (0..raw.stakes.len())
        .map(|i| format!("enjeu-{i}"))
        .collect();
    let stakes: Vec<Value> = raw
        .stakes
        .iter()
        .zip(&stake_ids)
        .map(|(t, id)| json!({"id": id, "title": t}))
        .collect();
    let objective_ids: Vec<String> = (0..raw.objectives.len())
        .map(|i| format!("obj-{i}"))
        .collect();
    let objectives: Vec<Value> = raw
        .objectives
        .iter()
        .zip(&objective_ids)
        .map(|((t, picks), id)| {
            let mut o = json!({"id": id, "title": t});
            if !stake_ids.is_empty() && !picks.is_empty() {
                let refs: Vec<&String> = picks.iter().map(|p| p.get(&stake_ids)).collect();
                o["stakes"] = json!(refs);
            }
            o
        })
        .collect();

    // -- action sheets: numbered 1..=n, in a rotated order --
    let n = raw.sheets.len();
    let sheets: Vec<Value> = raw
        .sheets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let number = (i + raw.sheet_rotation) % n + 1;
            let mut o = Map::new();
            o.insert("number".into(), json!(number));
            o.insert("title".into(), json!(s.title));
            if !domains.is_empty() && !s.domains.is_empty() {
                let mut ds: Vec<&str> = s.domains.iter().map(|p| *p.get(&domains)).collect();
                ds.dedup();
                o.insert("domains".into(), json!(ds));
            }
            if !objective_ids.is_empty() && !s.objectives.is_empty() {
                let refs: Vec<&String> =
                    s.objectives.iter().map(|p| p.get(&objective_ids)).collect();
                o.insert("objectives".into(), json!(refs));
            }
            if let Some(lead) = &s.lead {
                o.insert("lead".into(), json!(lead.get(&party_ids)));
            }
            if !s.partners.is_empty() {
                o.insert("partners".into(), json!(s.partners));
            }
            if let Some(t) = &s.target_public {
                o.insert("target_public".into(), json!(t));
            }
            if !inseees.is_empty() && !s.communes.is_empty() {
                let cs: Vec<&String> = s.communes.iter().map(|p| p.get(&inseees)).collect();
                o.insert("communes".into(), json!(cs));
            }
            if let Some((a, b)) = s.schedule {
                let (a, b) = match (a, b) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    other => other,
                };
                let mut sch = Map::new();
                if let Some(a) = a {
                    sch.insert("start".into(), json!(date_str(date(first_year, a))));
                }
                if let Some(b) = b {
                    sch.insert("end".into(), json!(date_str(date(first_year, b))));
                }
                o.insert("schedule".into(), Value::Object(sch));
            }
            if let Some(st) = s.status {
                o.insert("status".into(), json!(STATUSES[st]));
            }
            if let Some(b) = s.budget {
                o.insert("budget".into(), json!(money(u128::from(b))));
            }
            if !s.indicators.is_empty() {
                let inds: Vec<Value> = s
                    .indicators
                    .iter()
                    .map(|ind| {
                        let mut io = Map::new();
                        io.insert("name".into(), json!(ind.name));
                        if let Some(u) = &ind.unit {
                            io.insert("unit".into(), json!(u));
                        }
                        if let Some((m, sc)) = ind.baseline {
                            io.insert("baseline".into(), json!(decimal_str(m, sc)));
                        }
                        if let Some((m, sc)) = ind.target {
                            io.insert("target".into(), json!(decimal_str(m, sc)));
                        }
                        if !ind.steps.is_empty() {
                            // Strictly increasing dates: every step is at least one day.
                            let mut day = ind.start;
                            let ms: Vec<Value> = ind
                                .steps
                                .iter()
                                .map(|&(step, (m, sc))| {
                                    day += step;
                                    json!({
                                        "date": date_str(date(2000, day)),
                                        "value": decimal_str(m, sc),
                                    })
                                })
                                .collect();
                            io.insert("measurements".into(), Value::Array(ms));
                        }
                        Value::Object(io)
                    })
                    .collect();
                o.insert("indicators".into(), Value::Array(inds));
            }
            Value::Object(o)
        })
        .collect();

    // -- funding, with the expected sums in u128 cents --
    let beneficiary_ids: Vec<String> = (0..raw.beneficiaries.len())
        .map(|i| format!("ben-{i}"))
        .collect();
    let beneficiaries: Vec<Value> = raw
        .beneficiaries
        .iter()
        .zip(&beneficiary_ids)
        .map(|(b, id)| {
            let mut o = Map::new();
            o.insert("id".into(), json!(id));
            o.insert("name".into(), json!(b.name));
            if let Some((siren, nic)) = &b.siret {
                o.insert("siret".into(), json!(siret_from(siren, nic)));
            }
            if let Some(p) = &b.party {
                o.insert("party".into(), json!(p.get(&party_ids)));
            }
            Value::Object(o)
        })
        .collect();
    let mut total: u128 = 0;
    let mut by_year: BTreeMap<i32, u128> = years.iter().map(|&y| (y, 0)).collect();
    let mut by_beneficiary = BTreeMap::new();
    let mut by_facility_kind = BTreeMap::new();
    let mut by_domain = BTreeMap::new();
    let mut coordination = 0;
    let mut amount_slots = Vec::new();
    // Lines that could not be told apart are an error (`funding.allocation_alike`): a line alike
    // an earlier one gets a label of its own.
    let mut keys = BTreeSet::new();
    let allocations: Vec<Value> = raw
        .allocations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let ben = a.beneficiary.get(&beneficiary_ids).clone();
            let kind = FACILITY_KINDS[a.kind];
            let domain = a.domain.map(|d| DOMAINS[d]);
            let mut amounts = Map::new();
            for (&year, amount) in years.iter().zip(&a.amounts) {
                let Some(c) = *amount else { continue };
                let c = u128::from(c);
                amounts.insert(year.to_string(), json!(money(c)));
                amount_slots.push((i, year));
                total += c;
                *by_year.get_mut(&year).unwrap() += c;
                *by_beneficiary.entry(ben.clone()).or_insert(0) += c;
                *by_facility_kind.entry(kind.to_owned()).or_insert(0) += c;
                *by_domain
                    .entry(domain.unwrap_or("unassigned").to_owned())
                    .or_insert(0) += c;
                if kind == "coordination" {
                    coordination += c;
                }
            }
            let mut o = Map::new();
            o.insert("beneficiary".into(), json!(ben));
            o.insert("facility_kind".into(), json!(kind));
            if let Some(d) = domain {
                o.insert("domain".into(), json!(d));
            }
            let mut label = a.label.clone();
            if !keys.insert((
                ben.clone(),
                kind,
                domain,
                label.as_ref().map(|l| l.trim().to_owned()),
            )) {
                label = Some(format!("ligne n°{i}"));
            }
            if let Some(l) = &label {
                o.insert("label".into(), json!(l));
            }
            o.insert("amounts".into(), Value::Object(amounts));
            Value::Object(o)
        })
        .collect();
    let mut funding = json!({
        "beneficiaries": beneficiaries,
        "allocations": allocations,
    });
    if let DeclaredRaw::Some(yearly_flags, with_total) = &raw.declared {
        let mut declared = Map::new();
        let yearly: Map<String, Value> = years
            .iter()
            .zip(yearly_flags)
            .filter(|(_, &f)| f)
            .map(|(y, _)| (y.to_string(), json!(money(by_year[y]))))
            .collect();
        if !yearly.is_empty() {
            declared.insert("yearly".into(), Value::Object(yearly));
        }
        if *with_total {
            declared.insert("total".into(), json!(money(total)));
        }
        if !declared.is_empty() {
            funding["declared"] = Value::Object(declared);
        }
    }

    // -- the rest --
    let mut doc = Map::new();
    doc.insert("format_version".into(), json!(1));
    doc.insert("id".into(), json!(raw.id));
    doc.insert("title".into(), json!(raw.title));
    let mut period = json!({"first_year": first_year, "last_year": last_year});
    if raw.len % 2 == 0 {
        period["duration_years"] = json!(raw.len);
    }
    doc.insert("period".into(), period);
    let signed = raw.signature.as_ref().map(|(offset, place)| {
        let d = date(first_year, *offset);
        let mut s = json!({"date": date_str(d)});
        if let Some(place) = place {
            s["place"] = json!(place);
        }
        doc.insert("signature".into(), s);
        d
    });
    if let Some((offset, reason)) = &raw.termination {
        // Never before the signature.
        let d = signed.unwrap_or_else(|| date(first_year, 0)) + Duration::days(*offset);
        let mut t = json!({"date": date_str(d)});
        if let Some(reason) = reason {
            t["reason"] = json!(reason);
        }
        doc.insert("termination".into(), t);
    }
    if let Some((gap, span)) = raw.renews {
        let last = first_year - gap;
        doc.insert(
            "renews".into(),
            json!({
                "id": "previous",
                "title": "CEJ",
                "first_year": (last - span).max(1990),
                "last_year": last,
            }),
        );
    }
    doc.insert("parties".into(), Value::Array(parties));
    doc.insert("domains".into(), json!(domains));
    if let Some((start, author, sources)) = &raw.diagnostic {
        let mut d = Map::new();
        if let Some(start) = start {
            d.insert(
                "start_date".into(),
                json!(date_str(date(first_year - 2, *start))),
            );
        }
        if let Some(author) = author {
            d.insert("author".into(), json!(author));
        }
        if !sources.is_empty() {
            d.insert("sources".into(), json!(sources));
        }
        doc.insert("diagnostic".into(), Value::Object(d));
    }
    doc.insert("stakes".into(), Value::Array(stakes));
    doc.insert("objectives".into(), Value::Array(objectives));
    doc.insert("action_sheets".into(), Value::Array(sheets));
    doc.insert("funding".into(), funding);
    if !raw.governance.is_empty() {
        let bodies: Vec<Value> = raw
            .governance
            .iter()
            .map(|(kind, name, members)| {
                let mut b = json!({"kind": GOVERNANCE_KINDS[*kind]});
                if let Some(name) = name {
                    b["name"] = json!(name);
                }
                if !members.is_empty() {
                    let ms: Vec<&String> = members.iter().map(|m| m.get(&party_ids)).collect();
                    b["members"] = json!(ms);
                }
                b
            })
            .collect();
        doc.insert("governance".into(), Value::Array(bodies));
    }
    if !raw.amendments.is_empty() {
        let base = signed.unwrap_or_else(|| date(first_year, 0));
        // Amendments are numbered in the order of their dates (else `amendment.out_of_order`).
        let mut amendments = raw.amendments.clone();
        amendments.sort_by_key(|(offset, _)| *offset);
        let list: Vec<Value> = amendments
            .iter()
            .enumerate()
            .map(|(i, (offset, summary))| {
                json!({
                    "number": i + 1,
                    "date": date_str(base + Duration::days(*offset)),
                    "summary": summary,
                })
            })
            .collect();
        doc.insert("amendments".into(), Value::Array(list));
    }
    if !raw.sources.is_empty() {
        doc.insert("sources".into(), json!(raw.sources));
    }
    if let Some(notes) = &raw.notes {
        doc.insert("notes".into(), json!(notes));
    }

    Generated {
        doc: Value::Object(doc),
        first_year,
        last_year,
        total,
        by_year,
        by_beneficiary,
        by_facility_kind,
        by_domain,
        coordination,
        parties_with_siren,
        amount_slots,
    }
}

pub fn generated(full_declared: bool) -> impl Strategy<Value = Generated> {
    raw(full_declared).prop_map(|r| build(&r))
}
