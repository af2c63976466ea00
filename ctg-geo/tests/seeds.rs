//! The five seed texts (`shared/seeds/`, turned into `tests/fixtures/`): every commune they name,
//! as they write it, resolves to the right code with its context; the seed EPCI have the
//! members the fixtures list; filling a fixture stripped of its identifiers gives them back.

use ctg_geo::{Context, Geography, NoteKind, Status};
use serde_json::Value;

fn geo() -> &'static Geography {
    Geography::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/../tests/fixtures/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const FIXTURES: [&str; 5] = [
    "terres-des-confluences-2023-2027",
    "thore-montagne-noire-2023-2025",
    "tarn-agout-2023-2026",
    "saumur-loire-developpement-2023-2027",
    "quercy-rouergue-gorges-aveyron-2022-2024",
];

fn dep(code: &str) -> Context {
    Context::new().departement(code.parse().unwrap_or_else(|e| panic!("{e}")))
}

/// The names exactly as the seed texts write them, with the code of the commune they mean
/// (written by hand from the texts and the fixtures).
#[test]
fn seed_names_as_written() {
    let seeds: [(&str, &[(&str, &str)]); 5] = [
        (
            "82", // seed 000, Terres des Confluences
            &[
                ("Angeville", "82003"),
                ("Boudou", "82019"),
                ("Castelferrus", "82030"),
                ("Castelmayran", "82031"),
                ("Castelsarrasin", "82033"),
                ("Caumont", "82035"),
                ("Cordes-Tolosannes", "82045"),
                ("Coutures", "82046"),
                ("Durfort-Lacapelette", "82051"),
                ("Fajolles", "82058"),
                ("Garganvillar", "82063"),
                ("Labourgade", "82081"),
                ("Lafitte", "82086"),
                ("La Ville Dieu du Temple", "82096"),
                ("la Ville Dieu du Temple", "82096"),
                ("Lizac", "82099"),
                ("Moissac", "82112"),
                ("Montaïn", "82118"),
                ("Montesquieu", "82127"),
                ("Saint Aignan", "82152"),
                ("Saint Arroumex", "82156"),
                ("Saint Nicolas de la Grave", "82169"),
                ("Saint-Porquier", "82171"),
            ],
        ),
        (
            "81", // seed 001, Thoré Montagne Noire
            &[
                ("St-Amans-Soult", "81238"),
                ("Pont-de-l’Arn", "81209"),
                ("la mairie de St-Amans-Soult", "81238"),
                ("la mairie de Pont-de-l’Arn", "81209"),
            ],
        ),
        (
            "81", // seed 002, Tarn-Agout
            &[
                ("Labastide Saint-Georges", "81116"),
                ("Lavaur", "81140"),
                ("Saint-Sulpice-la-Pointe", "81271"),
            ],
        ),
        (
            "49", // seed 003, Saumur
            &[("Saumur", "49328"), ("la Ville de Saumur", "49328")],
        ),
        (
            "82", // seed 004, Quercy Rouergue
            &[
                ("Parisot", "82137"),
                ("Laguépie", "82088"),
                ("Saint Antonin Noble Val", "82155"),
            ],
        ),
    ];
    let geo = geo();
    let mut failures = Vec::new();
    for (departement, names) in seeds {
        for (name, code) in names {
            let r = geo.resolve(name, &dep(departement));
            let got = r.commune().map(|c| c.insee.as_str());
            if got != Some(code) {
                failures.push(format!(
                    "{name:?} in {departement}: {:?} {got:?}, expected {code}",
                    r.status
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn homonyms_need_a_context() {
    let geo = geo();
    for (name, codes, departement, code) in [
        ("Parisot", ["81202", "82137"], "82", "82137"),
        ("Lavaur", ["24232", "81140"], "81", "81140"),
    ] {
        let r = geo.resolve(name, &Context::new());
        assert_eq!(r.status, Status::Ambiguous, "{name}");
        let tied: Vec<&str> = r.tied().iter().map(|c| c.commune.insee.as_str()).collect();
        assert_eq!(tied, codes, "{name}");
        assert!(r.commune().is_none());
        let r = geo.resolve(name, &dep(departement));
        assert_eq!(r.status, Status::Resolved, "{name}");
        assert_eq!(r.commune().map(|c| c.insee.as_str()), Some(code), "{name}");
    }
}

/// Every commune party of the fixtures, by its name and each of its aliases, in its département.
#[test]
fn fixture_names_and_aliases_resolve() {
    let geo = geo();
    let mut checked = 0;
    for name in FIXTURES {
        let doc = fixture(name);
        for party in doc["parties"].as_array().into_iter().flatten() {
            if party["kind"] != "commune" {
                continue;
            }
            let insee = party["insee"].as_str().unwrap_or_default();
            let context = dep(party["departement"].as_str().unwrap_or_default());
            let spellings = std::iter::once(&party["name"])
                .chain(party["aliases"].as_array().into_iter().flatten());
            for spelling in spellings {
                let spelling = spelling.as_str().unwrap_or_default();
                let r = geo.resolve(spelling, &context);
                assert_eq!(
                    r.commune().map(|c| c.insee.as_str()),
                    Some(insee),
                    "{spelling} in {name}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 45, "{checked}");
}

/// The EPCI of the fixtures: same members, in the same order, as the reference.
#[test]
fn seed_epci_memberships() {
    let geo = geo();
    let mut sizes = Vec::new();
    for name in FIXTURES {
        let doc = fixture(name);
        for party in doc["parties"].as_array().into_iter().flatten() {
            let Some(members) = party["members"].as_array() else {
                continue;
            };
            let siren = party["siren"].as_str().unwrap_or_default();
            let epci = geo
                .epci(&siren.parse().unwrap_or_else(|e| panic!("{e}")))
                .unwrap_or_else(|| panic!("no EPCI {siren}"));
            let expected: Vec<&str> = members.iter().filter_map(Value::as_str).collect();
            let actual: Vec<&str> = epci.members.iter().map(|m| m.as_str()).collect();
            assert_eq!(actual, expected, "{siren}");
            for member in geo.members(epci) {
                assert_eq!(member.epci.as_ref(), Some(&epci.siren), "{}", member.insee);
            }
            // The name as the fixture writes it, and its aliases, resolve to it.
            for spelling in std::iter::once(&party["name"])
                .chain(party["aliases"].as_array().into_iter().flatten())
            {
                let spelling = spelling.as_str().unwrap_or_default();
                if spelling == "CCTA" {
                    continue; // an acronym: no rule reads it
                }
                let r = geo.resolve_epci(spelling, &Context::new());
                assert_eq!(
                    r.epci().map(|e| e.siren.as_str()),
                    Some(siren),
                    "{spelling}"
                );
            }
            sizes.push((epci.name.clone(), actual.len()));
        }
    }
    let size = |n: &str| sizes.iter().find(|(name, _)| name == n).map(|(_, s)| *s);
    assert_eq!(size("CC Terres des Confluences"), Some(22));
    assert_eq!(
        size("CC du Quercy Rouergue et des Gorges de l'Aveyron"),
        Some(17)
    );
    assert_eq!(size("CC Thoré Montagne Noire"), Some(9));
    assert_eq!(size("CC Tarn-Agout"), Some(21));
    assert_eq!(size("CA Saumur Val de Loire"), Some(45));
}

/// A fixture stripped of its identifiers gets them back from `fill_identifiers`, each change
/// reported; the complete fixture is left as it is.
#[test]
fn fill_identifiers_gives_back_the_fixtures() {
    let geo = geo();
    for name in FIXTURES {
        let original = fixture(name);
        let complete = geo.fill_identifiers(&original);
        assert!(
            complete.changes.is_empty(),
            "{name}: {:#?}",
            complete.changes
        );
        assert!(complete.notes.is_empty(), "{name}: {:#?}", complete.notes);
        assert_eq!(complete.document, original);

        let mut stripped = original.clone();
        let mut removed = 0;
        for party in stripped["parties"].as_array_mut().into_iter().flatten() {
            let Some(party) = party.as_object_mut() else {
                continue;
            };
            let fields: &[&str] = match party.get("kind").and_then(Value::as_str) {
                Some("commune") => &["insee", "siren", "departement"],
                Some("cc" | "ca") => &["siren", "members"],
                Some("caf") => &["departement"],
                _ => &[],
            };
            for field in fields {
                removed += usize::from(party.remove(*field).is_some());
            }
        }
        let filled = geo.fill_identifiers(&stripped);
        assert_eq!(filled.document, original, "{name}: {:#?}", filled.notes);
        assert_eq!(filled.changes.len(), removed, "{name}");
        assert!(filled.notes.is_empty(), "{name}: {:#?}", filled.notes);
    }
}

#[test]
fn fill_identifiers_never_overwrites() {
    let geo = geo();
    let doc = serde_json::json!({"parties": [
        {"id": "caf", "kind": "caf", "name": "Caf de Tarn-et-Garonne"},
        {"id": "p", "kind": "commune", "name": "Parisot", "siren": "218100055"},
        {"id": "q", "kind": "commune", "name": "Lavaur"},
        {"id": "r", "kind": "commune", "name": "Nowhere-sur-Rien"},
        {"id": "s", "kind": "commune", "name": "X", "insee": "01340"},
    ]});
    let filled = geo.fill_identifiers(&doc);
    let parties = &filled.document["parties"];
    assert_eq!(parties[0]["departement"], "82");
    assert_eq!(parties[1]["insee"], "82137"); // context: the Caf's département
    assert_eq!(parties[1]["siren"], "218100055"); // kept, though it is Albine's
    assert_eq!(parties[1]["departement"], "82");
    assert!(parties[2].get("insee").is_none()); // Lavaur is not in Tarn-et-Garonne
    assert!(parties[3].get("insee").is_none());
    let notes: Vec<(&str, NoteKind)> = filled
        .notes
        .iter()
        .map(|n| (n.path.as_str(), n.kind))
        .collect();
    assert_eq!(
        notes,
        [
            ("parties[1].siren", NoteKind::Conflict),
            ("parties[2].insee", NoteKind::NotFound),
            ("parties[3].insee", NoteKind::NotFound),
            ("parties[4].insee", NoteKind::FormerCode),
        ]
    );
    let changed: Vec<&str> = filled.changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        changed,
        [
            "parties[0].departement",
            "parties[1].insee",
            "parties[1].departement"
        ]
    );
    assert!(filled.changes.iter().all(|c| !c.reason.is_empty()));

    // Not a document: unchanged, nothing reported.
    for value in [
        serde_json::json!(null),
        serde_json::json!([1, 2]),
        serde_json::json!({"parties": "x"}),
    ] {
        let filled = geo.fill_identifiers(&value);
        assert_eq!(filled.document, value);
        assert!(filled.changes.is_empty() && filled.notes.is_empty());
    }
}
