//! Properties of resolution over the whole reference and over arbitrary input.

use ctg_geo::{normalize, typo_budget, Context, Geography, Ranked, Resolution, Status};
use proptest::prelude::*;

fn geo() -> &'static Geography {
    Geography::embedded().unwrap_or_else(|e| panic!("{e}"))
}

/// The invariants every resolution keeps, whatever the input.
fn consistent<C: Ranked>(r: &Resolution<'_, C>) -> Result<(), String> {
    let scores: Vec<u8> = r.candidates.iter().map(Ranked::rank_score).collect();
    if scores.windows(2).any(|w| w[0] < w[1]) {
        return Err(format!("candidates not ranked: {scores:?}"));
    }
    let mut ids: Vec<&str> = r
        .candidates
        .iter()
        .chain(&r.outside_context)
        .map(Ranked::identity)
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != n {
        return Err("a candidate is listed twice".into());
    }
    let ok = match r.status {
        Status::Resolved => {
            r.reason.is_none() && scores.len() == 1 || scores.len() > 1 && scores[0] > scores[1]
        }
        Status::Ambiguous => r.reason.is_none() && scores.len() > 1 && scores[0] == scores[1],
        Status::NotFound => r.candidates.is_empty() && r.reason.is_some(),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{:?} with scores {scores:?} and reason {:?}",
            r.status, r.reason
        ))
    }
}

/// Every official name resolves to its own commune, or to an ambiguity that contains it (for
/// homonyms) — all 34 924 of them, and in their département always to themselves.
#[test]
fn every_official_name_resolves_to_its_commune() {
    let geo = geo();
    let mut failures = Vec::new();
    let mut ambiguous = 0;
    for commune in geo.communes() {
        let r = geo.resolve(&commune.name, &Context::new());
        consistent(&r).unwrap_or_else(|e| panic!("{}: {e}", commune.name));
        let tied: Vec<&str> = r.tied().iter().map(|c| c.commune.insee.as_str()).collect();
        match r.status {
            Status::Resolved if tied == [commune.insee.as_str()] => {}
            Status::Ambiguous if tied.contains(&commune.insee.as_str()) => ambiguous += 1,
            _ => failures.push(format!(
                "{} ({}): {:?} {tied:?}",
                commune.name, commune.insee, r.status
            )),
        }
        let in_departement = Context::new().departement(commune.departement.clone());
        let r = geo.resolve(&commune.name, &in_departement);
        let same_name_in_departement = geo
            .communes_named(&commune.name)
            .iter()
            .filter(|c| {
                c.departement == commune.departement
                    && normalize(&c.name) == normalize(&commune.name)
            })
            .count();
        if same_name_in_departement == 1 && r.commune().map(|c| &c.insee) != Some(&commune.insee) {
            failures.push(format!(
                "{} ({}) in its département: {:?}",
                commune.name, commune.insee, r.status
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures: {:#?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
    // Homonyms are common in France (Saint-Martin, Beaumont…), but most names are unique.
    assert!(ambiguous > 3_000 && ambiguous < 5_000, "{ambiguous}");
}

/// A plain edit distance (optimal string alignment), for checking "far from every name".
fn distance(a: &[u8], b: &[u8]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// The keys of every name of the reference (official names and their shortened forms).
fn all_keys() -> &'static Vec<String> {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys = Vec::new();
        for c in geo().communes() {
            keys.push(normalize(&c.name));
            if let Some((base, _)) = c.name.split_once('(') {
                keys.push(normalize(base));
            }
        }
        keys.sort();
        keys.dedup();
        keys
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random strings far from every name (more edits away than the typo budget allows) are
    /// not found, and nothing is forced onto the nearest name.
    #[test]
    fn far_strings_are_not_found(text in "[a-zA-Z]{3,8}( [a-zA-Z]{2,8}){0,2}") {
        let key = normalize(&text);
        let budget = typo_budget(key.len());
        let far = all_keys().iter().all(|k| {
            k.len().abs_diff(key.len()) > budget || distance(k.as_bytes(), key.as_bytes()) > budget
        });
        prop_assume!(far);
        let r = geo().resolve(&text, &Context::new());
        // Former names and other names are not in `all_keys`: only an exact match on one of
        // them may be found, never a typo or an official name.
        prop_assert!(
            r.status == Status::NotFound || r.candidates.iter().all(|c| c.level() == 4),
            "{text}: {:?}", r.candidates
        );
    }

    /// A messy writing of a real name finds its commune among the best candidates.
    #[test]
    fn messy_writings_find_their_commune(index in 0usize..34_924, style in 0u8..6) {
        let commune = &geo().communes()[index % geo().communes().len()];
        let name = &commune.name;
        let written = match style {
            0 => name.to_uppercase(),
            1 => name.replace('-', " "),
            2 => name.replace("Saint-", "St-").replace("Sainte-", "Ste-"),
            3 => format!("Mairie de {name}"),
            4 => name.to_lowercase().replace('\'', "’"),
            _ => name.replace(['é', 'è', 'ê'], "e").replace('ç', "c"),
        };
        let r = geo().resolve(&written, &Context::new().departement(commune.departement.clone()));
        consistent(&r).map_err(TestCaseError::fail)?;
        let tied: Vec<&str> = r.tied().iter().map(|c| c.commune.insee.as_str()).collect();
        prop_assert!(tied.contains(&commune.insee.as_str()), "{written}: {:?} {tied:?}", r.status);
    }

    /// Any text at all: no panic, consistent answers, bounded work.
    #[test]
    fn any_text_is_answered(text in "\\PC{0,300}") {
        let r = geo().resolve(&text, &Context::new());
        consistent(&r).map_err(TestCaseError::fail)?;
        let e = geo().resolve_epci(&text, &Context::new());
        consistent(&e).map_err(TestCaseError::fail)?;
        let list = geo().resolve_text(&text, &Context::new());
        prop_assert!(list.resolved.len() + list.unresolved.len() <= text.len() + 1);
    }
}

#[test]
fn huge_and_strange_inputs() {
    let geo = geo();
    for text in [
        "a".repeat(1_000_000),
        "é".repeat(100_000),
        "\u{0301}".repeat(10_000),
        "St ".repeat(70),
        "(".repeat(150),
        "\0\u{FEFF}\u{200B}".to_owned(),
        "N.D. ".repeat(40),
    ] {
        let r = geo.resolve(&text, &Context::new());
        consistent(&r).unwrap_or_else(|e| panic!("{e}"));
        let e = geo.resolve_epci(&text, &Context::new());
        consistent(&e).unwrap_or_else(|e| panic!("{e}"));
        assert!(r.query.chars().count() <= ctg_geo::MAX_QUERY_CHARS + 1);
    }
    let list = geo.resolve_text(&"Lavaur, ".repeat(10_000), &Context::new());
    assert_eq!(list.unresolved.len(), 10_000);
}
