//! The national synthetic portfolio (`ctg_benches::national`): every convention valid with the
//! geography (the only issues: the informations of the conventions a neighbouring commune
//! signs); the library's totals equal sums computed here from the documents' JSON, in integer
//! cents; its coverage equals a set of communes built here from the documents' member lists and
//! the geography's populations; the generator gives the same bytes every time.

use std::collections::{BTreeMap, BTreeSet};

use ctg_benches::national;
use ctg_core::{Gazetteer, InseeCode, NaiveDate, Portfolio, Validator};
use serde_json::Value;

fn geo() -> &'static ctg_geo::Geography {
    ctg_geo::Geography::embedded().expect("geography")
}

/// `"1234.56"` in cents.
fn cents(text: &Value) -> u64 {
    let text = text.as_str().expect("money as text");
    let (euros, cents) = text.split_once('.').expect("two decimals");
    assert_eq!(cents.len(), 2, "{text}");
    euros.parse::<u64>().unwrap() * 100 + cents.parse::<u64>().unwrap()
}

fn date(text: &Value) -> NaiveDate {
    text.as_str().expect("date").parse().expect("YYYY-MM-DD")
}

/// Whether the document is in force on `day`, by its own dates.
fn in_force(doc: &Value, day: NaiveDate) -> bool {
    let first = doc["period"]["first_year"].as_i64().unwrap() as i32;
    let last = doc["period"]["last_year"].as_i64().unwrap() as i32;
    let signed = doc
        .get("signature")
        .is_some_and(|s| date(&s["date"]) <= day);
    let terminated = doc
        .get("termination")
        .is_some_and(|t| date(&t["date"]) <= day);
    let start = NaiveDate::from_ymd_opt(first, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(last, 12, 31).unwrap();
    signed && !terminated && start <= day && day <= end
}

struct Docs {
    lines: String,
    docs: Vec<Value>,
    portfolio: Portfolio,
}

fn national_portfolio() -> Docs {
    let lines = national::json_lines(geo());
    let docs: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let portfolio =
        Portfolio::from_json_lines(&Validator::new().gazetteer(geo()), lines.as_bytes());
    Docs {
        lines,
        docs,
        portfolio,
    }
}

#[test]
fn the_national_portfolio() {
    let Docs {
        lines,
        docs,
        portfolio,
    } = national_portfolio();
    let day = national::date();

    // One convention per EPCI, every one valid; the only issues: an information for each
    // neighbouring commune that signs.
    assert_eq!(docs.len(), geo().epcis().len());
    assert_eq!(portfolio.counts().valid, docs.len());
    let neighbours = docs
        .iter()
        .filter(|d| {
            d["parties"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"] == "commune-voisine")
        })
        .count();
    assert!(neighbours > 10);
    let mut issues: BTreeMap<String, usize> = BTreeMap::new();
    for entry in portfolio.entries() {
        for issue in entry.report().issues() {
            *issues.entry(issue.code.as_str().to_owned()).or_default() += 1;
        }
    }
    assert_eq!(
        issues,
        BTreeMap::from([("geo.commune_outside_epci".to_owned(), neighbours)])
    );
    // Also valid without the geography, without any issue.
    let plain = Portfolio::from_json_lines(&Validator::new(), lines.as_bytes());
    assert!(plain
        .entries()
        .iter()
        .all(|e| e.report().issues().is_empty()));

    // The totals, summed here from the JSON in cents.
    let totals = portfolio.totals(Some(geo()));
    let mut total = 0u64;
    let mut by_year: BTreeMap<i64, u64> = BTreeMap::new();
    let mut by_dep: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    let mut by_dep_year: BTreeMap<(String, i64), u64> = BTreeMap::new();
    let mut by_domain: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_epci: BTreeMap<String, u64> = BTreeMap::new();
    let mut without_funding = 0;
    for doc in &docs {
        let dep = doc["parties"][0]["departement"]
            .as_str()
            .unwrap()
            .to_owned();
        let Some(funding) = doc.get("funding") else {
            without_funding += 1;
            continue;
        };
        let mut mine = 0;
        for allocation in funding["allocations"].as_array().unwrap() {
            let domain = allocation["domain"]
                .as_str()
                .unwrap_or("unassigned")
                .to_owned();
            let kind = allocation["facility_kind"].as_str().unwrap().to_owned();
            for (year, amount) in allocation["amounts"].as_object().unwrap() {
                let c = cents(amount);
                let year: i64 = year.parse().unwrap();
                mine += c;
                *by_year.entry(year).or_default() += c;
                *by_dep_year.entry((dep.clone(), year)).or_default() += c;
                *by_domain.entry(domain.clone()).or_default() += c;
                *by_kind.entry(kind.clone()).or_default() += c;
            }
        }
        // The declared total is the sum (the generator's promise, checked by validation too).
        assert_eq!(cents(&funding["declared"]["total"]), mine);
        total += mine;
        let d = by_dep.entry(dep).or_default();
        d.0 += 1;
        d.1 += mine;
        *by_epci
            .entry(doc["parties"][1]["siren"].as_str().unwrap().to_owned())
            .or_default() += mine;
    }
    assert_eq!(totals.total.cents(), total);
    assert_eq!(totals.excluded.without_funding, without_funding);
    assert!(without_funding > 10);
    assert_eq!(totals.conventions, docs.len() - without_funding);
    let library: BTreeMap<i64, u64> = totals
        .by_year
        .iter()
        .map(|(y, a)| (i64::from(*y), a.cents()))
        .collect();
    assert_eq!(library, by_year);
    for (code, g) in &totals.by_departement {
        assert_eq!((g.conventions, g.total.cents()), by_dep[code], "{code}");
        for (year, amount) in &g.by_year {
            let expected = by_dep_year
                .get(&(code.clone(), i64::from(*year)))
                .copied()
                .unwrap_or(0);
            assert_eq!(amount.cents(), expected, "{code} {year}");
        }
    }
    assert_eq!(totals.by_departement.len(), by_dep.len());
    let library: BTreeMap<String, u64> = totals
        .by_domain
        .iter()
        .map(|(d, a)| (d.clone(), a.cents()))
        .collect();
    assert_eq!(library, by_domain);
    let library: BTreeMap<String, u64> = totals
        .by_facility_kind
        .iter()
        .map(|(k, a)| (k.code().to_owned(), a.cents()))
        .collect();
    assert_eq!(library, by_kind);
    let library: BTreeMap<String, u64> = totals
        .by_epci
        .iter()
        .map(|(s, g)| (s.clone(), g.total.cents()))
        .collect();
    assert_eq!(library, by_epci);
    let regions: u64 = totals.by_region.values().map(|g| g.total.cents()).sum();
    assert_eq!(regions, total);
    assert!(!totals
        .by_region
        .contains_key(ctg_core::portfolio::UNASSIGNED));

    // The coverage, from the documents' members and communes and the geography's populations.
    let coverage = portfolio.coverage(geo(), day);
    let mut covered: BTreeMap<String, usize> = BTreeMap::new();
    let mut in_force_count = 0;
    for doc in docs.iter().filter(|d| in_force(d, day)) {
        in_force_count += 1;
        let mut mine = BTreeSet::new();
        for party in doc["parties"].as_array().unwrap() {
            if let Some(members) = party["members"].as_array() {
                mine.extend(members.iter().map(|m| m.as_str().unwrap().to_owned()));
            }
            if let Some(insee) = party["insee"].as_str() {
                mine.insert(insee.to_owned());
            }
        }
        for code in mine {
            *covered.entry(code).or_default() += 1;
        }
    }
    assert_eq!(coverage.conventions_in_force, in_force_count);
    assert_eq!(coverage.national.communes, covered.len());
    let record = |code: &str| {
        let code: InseeCode = code.parse().unwrap();
        Gazetteer::commune(geo(), &code).expect("a commune of the reference")
    };
    let population: u64 = covered
        .keys()
        .map(|c| record(c).population.unwrap_or(0))
        .sum();
    assert_eq!(coverage.national.population, population);
    let mut per_dep: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    for code in covered.keys() {
        let r = record(code);
        let d = per_dep.entry(r.departement.to_string()).or_default();
        d.0 += 1;
        d.1 += r.population.unwrap_or(0);
    }
    for (code, a) in &coverage.by_departement {
        let expected = per_dep.get(code).copied().unwrap_or_default();
        assert_eq!((a.communes, a.population), expected, "{code}");
    }
    let overlaps: Vec<&String> = covered
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(c, _)| c)
        .collect();
    let found: Vec<String> = coverage
        .overlaps
        .iter()
        .map(|o| o.insee.to_string())
        .collect();
    assert_eq!(found.iter().collect::<Vec<_>>(), overlaps);
    assert!(coverage.incomplete.is_empty());
    // The reference: every commune of the geography (not the arrondissements).
    assert_eq!(coverage.national.reference_communes, 34_879);

    // The answers file says what the library says.
    let answers = national::answers(geo(), lines.as_bytes());
    assert_eq!(answers["generator_version"], national::GENERATOR_VERSION);
    assert_eq!(
        answers["summary"]["totals"]["total"],
        totals.total.to_string()
    );
    assert_eq!(
        answers["summary"]["coverage"]["national"]["communes"],
        covered.len()
    );
    assert_eq!(answers["conventions"].as_array().unwrap().len(), docs.len());
}

#[test]
fn the_generator_gives_the_same_bytes_every_time() {
    let a = national::json_lines(geo());
    let b = national::json_lines(geo());
    assert_eq!(a, b);
    // A few million bytes, a few kilobytes a convention.
    assert!((3_000_000..20_000_000).contains(&a.len()), "{}", a.len());
}
