//! A parties table with names only: codes completed from a reference (a test double of the
//! official geography), each completion said; ambiguous and unknown names left alone and said.

use ctg_core::{DepartementCode, PartyKind};
use ctg_tables::{Importer, PartyResolver, Resolution, ResolvedParty};

struct Reference;

impl PartyResolver for Reference {
    fn resolve(
        &self,
        name: &str,
        kind: Option<PartyKind>,
        departement: Option<&DepartementCode>,
    ) -> Resolution {
        match (name, kind) {
            ("St-Amans-Soult", Some(PartyKind::Commune)) => Resolution::Found(ResolvedParty {
                name: "Saint-Amans-Soult".into(),
                insee: Some("81238".parse().expect("insee")),
                siren: Some("218102382".parse().expect("siren")),
                departement: Some("81".parse().expect("dep")),
                members: vec![],
            }),
            ("Lavaur", Some(PartyKind::Commune)) if departement.is_none() => {
                Resolution::Ambiguous(vec!["Lavaur (81)".into(), "Lavaur (24)".into()])
            }
            _ => Resolution::NotFound,
        }
    }
}

#[test]
fn names_are_resolved_and_every_completion_is_said() {
    let csv = "Nom;Type;Rôle;Code INSEE\n\
               St-Amans-Soult;commune;signataire;\n\
               Lavaur;commune;signataire;\n\
               Commune inconnue;commune;signataire;\n\
               Albine;commune;signataire;81005\n";
    let import = Importer::new()
        .resolver(&Reference)
        .import(&[("Parties.csv", csv.as_bytes())]);
    let said: Vec<_> = import
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.cell().unwrap_or_default()))
        .collect();
    assert_eq!(
        said,
        [
            ("table.name_resolved", "Parties!A2".to_owned()),
            ("table.name_ambiguous", "Parties!A3".to_owned()),
            ("table.name_not_found", "Parties!A4".to_owned()),
        ]
    );
    let parties = &import.document["parties"];
    assert_eq!(parties[0]["name"], "Saint-Amans-Soult");
    assert_eq!(parties[0]["aliases"][0], "St-Amans-Soult");
    assert_eq!(parties[0]["insee"], "81238");
    assert_eq!(parties[0]["siren"], "218102382");
    assert_eq!(parties[0]["id"], "st-amans-soult"); // the id comes from the table's name
    assert!(parties[1].get("insee").is_none());
    // A party that has its code is not looked up.
    assert_eq!(parties[3]["insee"], "81005");
}
