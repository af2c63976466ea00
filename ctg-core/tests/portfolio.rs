//! Portfolios: the five fixtures and the invalid vectors together (every file in the table with
//! its verdict), totals equal to the sum of each convention's own, coverage that counts each
//! commune once, the same result on any number of threads and in any order (proptest).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use ctg_core::portfolio::{Options, Verdict};
use ctg_core::{
    Amount, Convention, ConventionStatus, Gazetteer, NaiveDate, Portfolio, Totals, Validator, Year,
};
use proptest::prelude::*;
use serde_json::value::RawValue;
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn geo() -> &'static ctg_geo::Geography {
    ctg_geo::Geography::embedded().expect("geography")
}

const FIXTURES: [&str; 5] = [
    "quercy-rouergue-gorges-aveyron-2022-2024.json",
    "saumur-loire-developpement-2023-2027.json",
    "tarn-agout-2023-2026.json",
    "terres-des-confluences-2023-2027.json",
    "thore-montagne-noire-2023-2025.json",
];

/// `(name, bytes)` of the five fixtures, then of the invalid vectors' inputs (their raw JSON text
/// or `input_text`; not those that need limits of their own, nor the host values).
fn fixtures_and_invalid_vectors() -> Vec<(String, Vec<u8>)> {
    let mut docs: Vec<(String, Vec<u8>)> = FIXTURES
        .iter()
        .map(|f| {
            let bytes = std::fs::read(repo(&format!("tests/fixtures/{f}"))).expect("fixture");
            (f.to_string(), bytes)
        })
        .collect();
    let mut names: Vec<PathBuf> = std::fs::read_dir(repo("tests/vectors"))
        .expect("vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("invalid-"))
        })
        .collect();
    names.sort();
    #[derive(serde::Deserialize)]
    struct Vector<'a> {
        #[serde(borrow)]
        input: Option<&'a RawValue>,
        input_text: Option<String>,
        limits: Option<Value>,
    }
    for path in names {
        let text = std::fs::read_to_string(&path).expect("vector");
        let vector: Vector<'_> = serde_json::from_str(&text).expect("vector JSON");
        if vector.limits.is_some() {
            continue;
        }
        let bytes = match (vector.input, vector.input_text) {
            (Some(raw), _) => raw.get().as_bytes().to_vec(),
            (_, Some(text)) => text.into_bytes(),
            _ => continue,
        };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        docs.push((name, bytes));
    }
    docs
}

#[test]
fn every_file_of_the_fixtures_and_invalid_vectors_is_in_the_table_with_its_verdict() {
    let docs = fixtures_and_invalid_vectors();
    assert!(docs.len() > 80);
    let portfolio = Portfolio::validate(&Validator::new().gazetteer(geo()), docs.clone());
    assert_eq!(portfolio.len(), docs.len());
    let rows = portfolio.conventions(day(2025, 1, 1), Some(geo()));
    assert_eq!(rows.len(), docs.len());
    for ((name, _), row) in docs.iter().zip(&rows) {
        assert_eq!(&row.source, name);
        if name.starts_with("invalid-") {
            assert_ne!(row.verdict, Verdict::Valid, "{name}");
            assert!(row.errors > 0, "{name}");
            assert!(row.id.is_none() && row.envelope.is_none(), "{name}");
        } else {
            assert_eq!(row.verdict, Verdict::Valid, "{name}");
            assert!(row.id.is_some() && row.territory.is_some(), "{name}");
        }
    }
    let unreadable: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.verdict == Verdict::Unreadable)
        .map(|r| r.source.as_str())
        .collect();
    assert!(unreadable.contains("invalid-not-json.json"));
    assert!(unreadable.contains("invalid-truncated-json.json"));
    let counts = portfolio.counts();
    assert_eq!(counts.valid, 5);
    assert_eq!(counts.invalid + counts.unreadable, docs.len() - 5);

    // The rows of the fixtures.
    let by_name: BTreeMap<&str, _> = rows.iter().map(|r| (r.source.as_str(), r)).collect();
    let thore = by_name["thore-montagne-noire-2023-2025.json"];
    assert_eq!(thore.territory.as_deref(), Some("CC Thoré Montagne Noire"));
    assert_eq!(thore.status, Some(ConventionStatus::InForce));
    assert_eq!(thore.months_before_expiry, Some(11));
    assert_eq!(thore.envelope.unwrap().to_string(), "725403.00");
    assert_eq!((thore.communes, thore.population), (Some(11), Some(9_538)));
    let saumur = by_name["saumur-loire-developpement-2023-2027.json"];
    // No funding section: absent, not zero. Its CA is a partner: only its one signing commune.
    assert_eq!(saumur.envelope, None);
    assert_eq!(saumur.epci, None);
    assert_eq!(saumur.departement.as_ref().unwrap().as_str(), "49");
    assert_eq!(saumur.region.as_deref(), Some("52"));
    assert_eq!(saumur.communes, Some(1));
    let quercy = by_name["quercy-rouergue-gorges-aveyron-2022-2024.json"];
    assert_eq!(quercy.status, Some(ConventionStatus::Expired));
    assert_eq!(quercy.months_before_expiry, Some(0)); // ended the day before: not a whole month
}

/// Adds `amount` to `map[key]`, exactly.
fn add<K: Ord>(map: &mut BTreeMap<K, Amount>, key: K, amount: Amount) {
    let sum = map.entry(key).or_default();
    *sum = sum.checked_add(amount).expect("no overflow");
}

/// The portfolio's totals, checked against the sum of each valid convention's own totals.
fn check_totals_are_the_sums(portfolio: &Portfolio, gazetteer: Option<&dyn Gazetteer>) {
    let totals = portfolio.totals(gazetteer);
    let own: Vec<Totals> = portfolio.valid().filter_map(|(_, c)| c.totals()).collect();
    assert_eq!(totals.conventions, own.len());
    let mut total = Amount::ZERO;
    let mut by_year: BTreeMap<Year, Amount> = BTreeMap::new();
    let mut by_domain = BTreeMap::new();
    let mut by_kind = BTreeMap::new();
    let mut coordination = Amount::ZERO;
    for t in &own {
        total = total.checked_add(t.total).unwrap();
        coordination = coordination.checked_add(t.coordination).unwrap();
        for (&y, &a) in &t.by_year {
            add(&mut by_year, y, a);
        }
        for (d, &a) in &t.by_domain {
            add(&mut by_domain, d.clone(), a);
        }
        for (&k, &a) in &t.by_facility_kind {
            add(&mut by_kind, k, a);
        }
    }
    assert_eq!(totals.total, total);
    assert_eq!(totals.by_year, by_year);
    assert_eq!(totals.by_domain, by_domain);
    assert_eq!(totals.by_facility_kind, by_kind);
    assert_eq!(totals.coordination, coordination);
    // Each grouping adds up to the total.
    for groups in [&totals.by_departement, &totals.by_region, &totals.by_epci] {
        let sum = Amount::checked_sum(groups.values().map(|g| g.total)).unwrap();
        assert_eq!(sum, totals.total);
        let count: usize = groups.values().map(|g| g.conventions).sum();
        assert_eq!(count, totals.conventions);
        let mut years: BTreeMap<Year, Amount> = BTreeMap::new();
        for g in groups.values() {
            for (&y, &a) in &g.by_year {
                add(&mut years, y, a);
            }
        }
        assert_eq!(years, totals.by_year);
    }
    let counts = portfolio.counts();
    assert_eq!(
        totals.excluded.invalid + totals.excluded.unreadable,
        counts.not_valid()
    );
    assert_eq!(
        totals.conventions + totals.excluded.without_funding + totals.excluded.overflow.len(),
        counts.valid
    );
}

/// The coverage, checked against the union of each convention in force's own coverage.
fn check_coverage_counts_each_commune_once(portfolio: &Portfolio, date: NaiveDate) {
    let coverage = portfolio.coverage(geo(), date);
    let mut communes: BTreeMap<String, (String, u64, usize)> = BTreeMap::new();
    let mut in_force = 0;
    let mut per_convention_sum = 0;
    for (_, convention) in portfolio.valid() {
        if convention.status(date) != ConventionStatus::InForce {
            continue;
        }
        in_force += 1;
        let own = convention.coverage(geo());
        per_convention_sum += own.communes.len();
        for c in own.communes {
            let e = communes.entry(c.insee.to_string()).or_insert((
                c.departement.to_string(),
                c.population.unwrap_or(0),
                0,
            ));
            e.2 += 1;
        }
    }
    assert_eq!(coverage.conventions_in_force, in_force);
    assert_eq!(coverage.national.communes, communes.len());
    assert!(coverage.national.communes <= per_convention_sum);
    let population: u64 = communes.values().map(|c| c.1).sum();
    assert_eq!(coverage.national.population, population);
    let overlaps: Vec<&String> = communes
        .iter()
        .filter(|(_, c)| c.2 > 1)
        .map(|(code, _)| code)
        .collect();
    let found: Vec<String> = coverage
        .overlaps
        .iter()
        .map(|o| o.insee.to_string())
        .collect();
    assert_eq!(found.iter().collect::<Vec<_>>(), overlaps);
    // The départements add up to the whole.
    let by_dep: usize = coverage.by_departement.values().map(|a| a.communes).sum();
    assert_eq!(by_dep, coverage.national.communes);
    let people: u64 = coverage.by_departement.values().map(|a| a.population).sum();
    assert_eq!(people, coverage.national.population);
    let reference: usize = coverage
        .by_departement
        .values()
        .map(|a| a.reference_communes)
        .sum();
    assert_eq!(reference, coverage.national.reference_communes);
    for (code, a) in &coverage.by_departement {
        assert!(a.communes <= a.reference_communes, "{code}");
        let mine = communes.values().filter(|c| &c.0 == code).count();
        assert_eq!(a.communes, mine, "{code}");
    }
}

#[test]
fn totals_are_the_sums_of_each_conventions_totals() {
    let docs = fixtures_and_invalid_vectors();
    let portfolio = Portfolio::validate(&Validator::new(), docs);
    check_totals_are_the_sums(&portfolio, None);
    check_totals_are_the_sums(&portfolio, Some(geo()));
    let totals = portfolio.totals(Some(geo()));
    assert_eq!(totals.conventions, 1); // Thoré; the four others have no funding section
    assert_eq!(totals.excluded.without_funding, 4);
    assert_eq!(totals.total.to_string(), "725403.00");
    assert_eq!(totals.by_departement["81"].name.as_deref(), Some("Tarn"));
    assert_eq!(totals.by_region["76"].total.to_string(), "725403.00");
}

#[test]
fn coverage_counts_each_commune_once() {
    let docs = fixtures_and_invalid_vectors();
    let portfolio = Portfolio::validate(&Validator::new(), docs);
    for date in [
        day(2022, 6, 1),
        day(2024, 6, 1),
        day(2025, 1, 1),
        day(2027, 6, 1),
    ] {
        check_coverage_counts_each_commune_once(&portfolio, date);
    }
    // In 2024 the five fixtures are in force; each territory is apart from the others.
    let coverage = portfolio.coverage(geo(), day(2024, 6, 1));
    assert_eq!(coverage.conventions_in_force, 5);
    assert!(coverage.overlaps.is_empty());
    // Thoré twice: its 11 communes once each, and 11 overlaps.
    let thore = std::fs::read(repo("tests/fixtures/thore-montagne-noire-2023-2025.json")).unwrap();
    let twice = Portfolio::validate(
        &Validator::new(),
        [("a", thore.as_slice()), ("b", thore.as_slice())],
    );
    let coverage = twice.coverage(geo(), day(2024, 6, 1));
    assert_eq!(coverage.national.communes, 11);
    assert_eq!(coverage.overlaps.len(), 11);
    assert_eq!(coverage.overlaps[0].sources, ["a", "b"]);
    assert_eq!(coverage.by_departement["81"].conventions_in_force, 2);
}

#[test]
fn the_result_is_the_same_on_any_number_of_threads() {
    let docs = fixtures_and_invalid_vectors();
    let validator = Validator::new().gazetteer(geo());
    let one = Portfolio::validate_with(&validator, docs.clone(), &Options::new().threads(1));
    for threads in [2, 3, 8, 200] {
        let many =
            Portfolio::validate_with(&validator, docs.clone(), &Options::new().threads(threads));
        assert_eq!(one.len(), many.len());
        for (a, b) in one.entries().iter().zip(many.entries()) {
            assert_eq!(a.source(), b.source());
            assert_eq!(a.report(), b.report());
            assert_eq!(a.convention(), b.convention());
        }
    }
}

#[test]
fn past_the_most_documents_one_entry_says_how_many_there_were() {
    let docs = (0..10).map(|i| (format!("doc {i}"), "{}"));
    let p = Portfolio::validate_with(&Validator::new(), docs, &Options::new().max_documents(4));
    assert_eq!(p.len(), 5);
    let last = &p.entries()[4];
    assert_eq!(last.source(), "doc 4");
    assert_eq!(last.verdict(), Verdict::Unreadable);
    let issue = &last.report().issues()[0];
    assert_eq!(issue.code.as_str(), "input.too_large");
    assert_eq!(
        issue.params.get("size").unwrap().render(ctg_core::Lang::En),
        "10"
    );
    assert_eq!(p.counts().not_valid(), 5);
}

#[test]
fn json_lines_keep_the_line_numbers_and_every_bad_line() {
    let sample = Convention::sample().to_json();
    let text = format!("\u{feff}{sample}\r\n\n   \n{{\n{sample}");
    let p = Portfolio::from_json_lines(&Validator::new(), text.as_bytes());
    let sources: Vec<&str> = p.entries().iter().map(|e| e.source()).collect();
    assert_eq!(sources, ["line 1", "line 4", "line 5"]);
    let verdicts: Vec<Verdict> = p.entries().iter().map(|e| e.verdict()).collect();
    assert_eq!(
        verdicts,
        [Verdict::Valid, Verdict::Unreadable, Verdict::Valid]
    );
    assert!(Portfolio::from_json_lines(&Validator::new(), b"").is_empty());
}

#[test]
fn the_summary_counts_statuses_and_what_expires_this_year() {
    let docs = fixtures_and_invalid_vectors();
    let p = Portfolio::validate(&Validator::new(), docs);
    let summary = p.summary(day(2025, 1, 1), Some(geo()));
    assert_eq!(summary.by_status[&ConventionStatus::InForce], 4);
    assert_eq!(summary.by_status[&ConventionStatus::Expired], 1);
    assert_eq!(summary.expiring, ["ctg-81-thore-montagne-noire-2023-2025"]);
    let json = serde_json::to_value(&summary).unwrap();
    assert_eq!(json["by_status"]["in_force"], 4);
    assert_eq!(json["coverage"]["rounding"], "half_away_from_zero");
    let text = summary.to_text(ctg_core::Lang::En);
    assert!(text.contains("In force, ending in 2025: 1"), "{text}");
}

// ------------------------------------------------------------------ properties

/// A valid variant of the sample: its allocations' amounts drawn, no declared totals (so any
/// amounts add up), its Caf's département drawn (or none: then the communes decide), signed on a
/// drawn day.
fn variant(id: usize, amounts: &[u64], departement: Option<&str>, signed: i64) -> String {
    let mut doc = Convention::sample().to_value();
    doc["id"] = format!("variant-{id}").into();
    let funding = doc["funding"].as_object_mut().unwrap();
    funding.remove("declared");
    let mut drawn = amounts.iter().cycle();
    for allocation in funding["allocations"].as_array_mut().unwrap() {
        for (_, amount) in allocation["amounts"].as_object_mut().unwrap() {
            let cents = drawn.next().copied().unwrap_or(0);
            *amount = format!("{}.{:02}", cents / 100, cents % 100).into();
        }
    }
    match departement {
        Some(d) => doc["parties"][0]["departement"] = d.into(),
        None => {
            doc["parties"][0]
                .as_object_mut()
                .unwrap()
                .remove("departement");
        }
    }
    let signature = day(2022, 6, 1) + chrono::Duration::days(signed);
    doc["signature"]["date"] = signature.to_string().into();
    doc.to_string()
}

/// Documents: variants, fixtures, documents without funding, invalid ones.
fn documents() -> impl Strategy<Value = Vec<(String, String)>> {
    let one = (
        0usize..5,
        prop::collection::vec(0u64..10_000_000_000, 1..8),
        prop::option::of(prop::sample::select(vec!["81", "82", "2A", "974"])),
        0i64..400,
    );
    prop::collection::vec(one, 0..12).prop_map(|drawn| {
        drawn
            .into_iter()
            .enumerate()
            .map(|(i, (kind, amounts, dep, signed))| {
                let text = match kind {
                    0 | 1 => variant(i, &amounts, dep, signed),
                    2 => std::fs::read_to_string(repo(&format!(
                        "tests/fixtures/{}",
                        FIXTURES[amounts[0] as usize % FIXTURES.len()]
                    )))
                    .unwrap(),
                    3 => {
                        let mut doc: Value =
                            serde_json::from_str(&variant(i, &amounts, dep, signed)).unwrap();
                        doc.as_object_mut().unwrap().remove("funding");
                        doc.to_string()
                    }
                    _ => format!("{{\"format_version\": 1, \"id\": \"bad-{i}\"}}"),
                };
                (format!("doc {i}"), text)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn portfolio_totals_are_the_sums_and_do_not_depend_on_order(
        docs in documents(),
        seed in any::<u64>(),
    ) {
        let validator = Validator::new();
        let portfolio = Portfolio::validate(&validator, docs.clone());
        check_totals_are_the_sums(&portfolio, Some(geo()));
        // Another order, another number of threads: the same aggregates.
        let mut shuffled = docs.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(i as u64 + 7) >> 7) as usize % (i + 1);
            shuffled.swap(i, j);
        }
        let other = Portfolio::validate_with(&validator, shuffled, &Options::new().threads(3));
        prop_assert_eq!(portfolio.totals(Some(geo())), other.totals(Some(geo())));
        let date = day(2024, 6, 1);
        let (a, b) = (portfolio.coverage(geo(), date), other.coverage(geo(), date));
        prop_assert_eq!(&a.national, &b.national);
        prop_assert_eq!(&a.by_departement, &b.by_departement);
        prop_assert_eq!(a.overlaps.len(), b.overlaps.len());
        check_coverage_counts_each_commune_once(&portfolio, date);
        let mut x = portfolio.summary(date, None);
        let mut y = other.summary(date, None);
        x.expiring.sort();
        y.expiring.sort();
        prop_assert_eq!(x, y);
    }
}
