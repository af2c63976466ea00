//! Validation with a gazetteer (the `geo.*` rules) and coverage, beyond the shared vectors: the
//! judgement by the signature date, the cases the reference itself makes hard, a gazetteer that
//! does not read names, coverage figures and their rendering. Every figure expected here was
//! read by hand from `ctg-geo/data/cog-2026.tsv` (communes' populations, memberships).

use std::collections::HashMap;
use std::path::PathBuf;

use ctg_core::{
    CommuneKind, CommuneRecord, Convention, EpciRecord, FormerCommune, Gazetteer, InseeCode,
    IssueCode, Lang, Param, PartyKind, Report, Severity, Siren, UnresolvedReason, Validator,
    Vintage,
};
use serde_json::{json, Value};

fn geo() -> &'static ctg_geo::Geography {
    ctg_geo::Geography::embedded().expect("the embedded geography loads")
}

fn fixture(name: &str) -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/fixtures/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

fn with_geo(doc: &Value) -> Report {
    Validator::new()
        .gazetteer(geo())
        .validate_value(doc)
        .into_report()
}

/// (code, path) of every issue.
fn issues(report: &Report) -> Vec<(&'static str, String)> {
    report
        .issues()
        .iter()
        .map(|i| (i.code.as_str(), i.path.to_string()))
        .collect()
}

fn ctx(report: &Report, code: IssueCode, name: &str) -> String {
    let issue = report
        .issues()
        .iter()
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("no {code} in {report}"));
    match issue.params.get(name) {
        Some(p) => serde_json::to_value(p)
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .expect("serialisable"),
        None => panic!("{code} has no ctx.{name}"),
    }
}

/// Tarn-Agout (signed 2023-03-21) with one more commune party, Ronel, under its former code.
fn tarn_agout_with_ronel(signed: Option<&str>) -> Value {
    let mut doc = fixture("tarn-agout-2023-2026");
    doc["parties"].as_array_mut().unwrap().push(json!({
        "id": "ronel", "name": "Ronel", "kind": "commune", "role": "signatory",
        "insee": "81226", "departement": "81"
    }));
    match signed {
        Some(date) => doc["signature"]["date"] = date.into(),
        None => {
            doc.as_object_mut().unwrap().remove("signature");
        }
    }
    doc
}

#[test]
fn without_a_gazetteer_no_rule_of_the_geography_runs() {
    let mut doc = Convention::sample().to_value();
    doc["parties"][5]["insee"] = "82999".into();
    doc["parties"][6]["departement"] = "82".into();
    let report = ctg_core::validate_value(&doc).into_report();
    assert!(report.is_valid());
    assert!(report.issues().is_empty(), "{report}");
    assert!(!with_geo(&doc).is_valid());
}

#[test]
fn a_former_code_is_judged_by_the_signature_date() {
    // Before the COG 2026: a change after the signature may explain it.
    let report = with_geo(&tarn_agout_with_ronel(Some("2023-03-21")));
    assert_eq!(
        issues(&report),
        [("geo.insee_former", "parties[5].insee".into())]
    );
    assert_eq!(
        ctx(&report, IssueCode::GeoInseeFormer, "timing"),
        "signed_before"
    );
    assert!(report.is_valid());

    // No signature date: nothing says the change came first.
    let report = with_geo(&tarn_agout_with_ronel(None));
    assert_eq!(
        ctx(&report, IssueCode::GeoInseeFormer, "timing"),
        "not_signed"
    );
    assert!(report.is_valid());

    // On the day the COG 2026 came into force, and any day after it (the merger is older; 2028
    // is also after the period: signature.after_period besides).
    for date in ["2026-01-01", "2026-12-31", "2028-06-01"] {
        let report = with_geo(&tarn_agout_with_ronel(Some(date)));
        let codes: Vec<_> = report
            .errors()
            .map(|i| i.code)
            .filter(|c| c.as_str().starts_with("geo."))
            .collect();
        assert_eq!(codes, [IssueCode::GeoInseeFormerWhenSigned], "{date}");
        assert_eq!(
            ctx(&report, IssueCode::GeoInseeFormerWhenSigned, "signed"),
            date
        );
    }
}

#[test]
fn a_member_list_is_an_error_only_when_signed_during_the_references_year() {
    let mut doc = fixture("terres-des-confluences-2023-2027");
    doc["parties"][1]["members"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    for (date, code, timing) in [
        (
            "2025-12-31",
            IssueCode::GeoMembersMissing,
            Some("signed_before"),
        ),
        ("2026-01-01", IssueCode::GeoMembersMissingWhenSigned, None),
        ("2026-12-31", IssueCode::GeoMembersMissingWhenSigned, None),
        // After 2026, a change more recent than the reference may explain it.
        (
            "2027-01-01",
            IssueCode::GeoMembersMissing,
            Some("signed_after"),
        ),
    ] {
        doc["signature"]["date"] = date.into();
        let report = with_geo(&doc);
        let found = report
            .issues()
            .iter()
            .find(|i| i.path.to_string() == "parties[1].members")
            .unwrap_or_else(|| panic!("{date}: {report}"));
        assert_eq!(found.code, code, "{date}");
        match timing {
            Some(timing) => assert_eq!(ctx(&report, code, "timing"), timing),
            None => assert!(found.params.get("timing").is_none()),
        }
    }
}

#[test]
fn a_code_the_reference_puts_under_two_communes_is_not_guessed() {
    // Lamarche-en-Woëvre (55273): associated with Nonsard-Lamarche, and a former code of Heudicourt.
    let mut doc = tarn_agout_with_ronel(Some("2023-03-21"));
    doc["parties"][5]["insee"] = "55273".into();
    let report = with_geo(&doc);
    assert_eq!(
        issues(&report),
        [("geo.insee_former_ambiguous", "parties[5].insee".into())]
    );
    let current = ctx(&report, IssueCode::GeoInseeFormerAmbiguous, "current");
    assert!(
        current.contains("Nonsard-Lamarche") && current.contains("Heudicourt"),
        "{current}"
    );
    let coverage = Convention::from_value(&doc).unwrap().coverage(geo());
    assert_eq!(
        coverage.unresolved[0].reason,
        UnresolvedReason::FormerAmbiguous
    );
    assert_eq!(coverage.population, None);
}

#[test]
fn identifiers_of_another_kind_of_collectivity() {
    let mut doc = fixture("tarn-agout-2023-2026");
    doc["parties"][3]["insee"] = "75116".into(); // Paris 16e: an arrondissement, not a commune
    doc["parties"][1]["siren"] = "218101400".into(); // Lavaur's SIREN on the CC
    let report = with_geo(&doc);
    let found = issues(&report);
    assert!(
        found.contains(&("geo.kind_mismatch", "parties[3].insee".into())),
        "{report}"
    );
    assert!(
        found.contains(&("geo.kind_mismatch", "parties[1].siren".into())),
        "{report}"
    );
    let words: Vec<String> = report
        .issues()
        .iter()
        .filter(|i| i.code == IssueCode::GeoKindMismatch)
        .map(|i| {
            serde_json::to_value(i.params.get("found").unwrap())
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(words, ["\"commune\"", "\"arrondissement\""]);
}

#[test]
fn an_unknown_epci_siren_and_a_syndicates_members() {
    let mut doc = fixture("tarn-agout-2023-2026");
    doc["parties"][1]["siren"] = "218299998".into();
    doc["parties"].as_array_mut().unwrap().push(json!({
        "id": "sivu", "name": "SIVU de l'Agout", "kind": "sivu", "role": "signatory",
        "members": ["81140", "82999", "81140"]
    }));
    let report = with_geo(&doc);
    assert_eq!(
        issues(&report),
        [
            ("geo.siren_unknown", "parties[1].siren".into()),
            ("geo.insee_unknown", "parties[5].members[1]".into()),
            ("geo.member_duplicate", "parties[5].members[2]".into()),
        ]
    );
    // The CC's members are still checked as codes; the list is not compared with an EPCI the
    // reference does not know, and the CC is not placed: no territory, no information.
    assert!(report.infos().next().is_none());
}

#[test]
fn a_document_that_cannot_become_a_convention_is_still_checked() {
    let mut doc = fixture("terres-des-confluences-2023-2027");
    doc["period"] = "2027-2023".into();
    doc["parties"][17]["insee"] = "82999".into();
    doc["parties"][2]["kind"] = "communne".into(); // unreadable kind: the party's place is unknown
    let report = with_geo(&doc);
    let found = issues(&report);
    assert!(
        found.contains(&("period.reversed", "period".into())),
        "{report}"
    );
    assert!(
        found.contains(&("geo.insee_unknown", "parties[17].insee".into())),
        "{report}"
    );
}

#[test]
fn every_issue_of_the_geography_carries_the_vintage_and_renders_in_both_languages() {
    let mut doc = fixture("terres-des-confluences-2023-2027");
    doc["parties"][17]["name"] = "Montauban".into();
    doc["parties"][16]["departement"] = "81".into();
    doc["parties"][1]["members"]
        .as_array_mut()
        .unwrap()
        .push("82121".into());
    doc["action_sheets"][2]["communes"] = json!(["82121", "82999"]);
    let report = with_geo(&doc);
    let geo_issues: Vec<_> = report
        .issues()
        .iter()
        .filter(|i| i.code.as_str().starts_with("geo."))
        .collect();
    assert_eq!(geo_issues.len(), 5, "{report}");
    for issue in geo_issues {
        assert_eq!(
            issue.params.get("geography"),
            Some(&Param::Text("COG 2026".into()))
        );
        assert!(issue.params.get("effective").is_some());
        for lang in [Lang::Fr, Lang::En] {
            let message = issue.message(lang);
            assert!(
                !message.contains('{') && !message.contains('}'),
                "{message}"
            );
            assert!(message.contains("COG 2026"), "{message}");
        }
    }
}

#[test]
fn each_geo_code_has_the_severity_of_its_policy() {
    let geo_codes: Vec<IssueCode> = IssueCode::ALL
        .iter()
        .copied()
        .filter(|c| c.as_str().starts_with("geo."))
        .collect();
    assert_eq!(geo_codes.len(), 23);
    for code in &geo_codes {
        let name = code.as_str();
        let expected = if name.ends_with("_when_signed") {
            Severity::Error
        } else if name == "geo.commune_outside_epci" {
            Severity::Info
        } else if let Some(twin) = geo_codes
            .iter()
            .find(|c| c.as_str() == format!("{name}_when_signed"))
        {
            assert_eq!(twin.severity(), Severity::Error);
            Severity::Warning
        } else {
            code.severity()
        };
        assert_eq!(code.severity(), expected, "{name}");
    }
}

// ------------------------------------------------------------------ a gazetteer of our own

/// A small gazetteer that does not read names.
struct Tiny {
    vintage: Vintage,
    communes: HashMap<String, CommuneRecord>,
    epcis: HashMap<String, EpciRecord>,
}

impl Gazetteer for Tiny {
    fn vintage(&self) -> &Vintage {
        &self.vintage
    }
    fn commune(&self, insee: &InseeCode) -> Option<&CommuneRecord> {
        self.communes.get(insee.as_str())
    }
    fn commune_by_siren(&self, siren: &Siren) -> Option<&CommuneRecord> {
        self.communes
            .values()
            .find(|c| c.siren.as_ref() == Some(siren))
    }
    fn former_commune(&self, _: &InseeCode) -> Option<&FormerCommune> {
        None
    }
    fn epci(&self, siren: &Siren) -> Option<&EpciRecord> {
        self.epcis.get(siren.as_str())
    }
}

fn tiny(population: Option<u64>) -> Tiny {
    let commune = CommuneRecord {
        insee: "81140".parse().unwrap(),
        name: "Lavaur".into(),
        kind: CommuneKind::Commune,
        departement: "81".parse().unwrap(),
        region: "76".into(),
        siren: Some("218101400".parse().unwrap()),
        population,
        epci: None,
        postal_codes: vec![],
        parent: None,
    };
    Tiny {
        vintage: Vintage {
            source: "test".into(),
            version: "1".into(),
            geography: "tiny".into(),
            effective: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        },
        communes: HashMap::from([("81140".to_owned(), commune)]),
        epcis: HashMap::new(),
    }
}

/// A convention of Lavaur alone, with one year of funding.
fn lavaur(amount: &str) -> Value {
    json!({
        "format_version": 1, "id": "x", "title": "CTG de Lavaur",
        "period": {"first_year": 2024, "last_year": 2024},
        "parties": [
            {"id": "caf-81", "name": "Caf du Tarn", "kind": "caf", "role": "caf"},
            {"id": "lavaur", "name": "Ville sans nom", "kind": "commune", "role": "signatory",
             "insee": "81140"}
        ],
        "domains": [], "stakes": [], "objectives": [], "action_sheets": [],
        "funding": {
            "beneficiaries": [{"id": "b", "name": "Crèche"}],
            "allocations": [{"beneficiary": "b", "facility_kind": "eaje", "amounts": {"2024": amount}}]
        }
    })
}

#[test]
fn a_gazetteer_that_does_not_read_names_skips_the_rules_on_names() {
    let gazetteer = tiny(Some(8));
    let report = Validator::new()
        .gazetteer(&gazetteer)
        .validate_value(&lavaur("100.20"))
        .into_report();
    // The name designates no commune, but this gazetteer cannot say so: nothing is reported.
    assert!(
        report
            .issues()
            .iter()
            .all(|i| !i.code.as_str().starts_with("geo.")),
        "{report}"
    );
}

/// [`Tiny`], reading names: `Lavaur` is Lavaur's, `Lavaure` a typo of it, `Ville sans nom` a
/// typo of another commune's name.
struct Reading(Tiny, CommuneRecord);

impl Gazetteer for Reading {
    fn vintage(&self) -> &Vintage {
        self.0.vintage()
    }
    fn commune(&self, insee: &InseeCode) -> Option<&CommuneRecord> {
        self.0.commune(insee)
    }
    fn commune_by_siren(&self, siren: &Siren) -> Option<&CommuneRecord> {
        self.0.commune_by_siren(siren)
    }
    fn former_commune(&self, insee: &InseeCode) -> Option<&FormerCommune> {
        self.0.former_commune(insee)
    }
    fn epci(&self, siren: &Siren) -> Option<&EpciRecord> {
        self.0.epci(siren)
    }
    fn match_commune_name(&self, name: &str) -> Option<Vec<ctg_core::NamedCommune<'_>>> {
        let lavaur = self.0.communes.get("81140")?;
        let (commune, matched) = match name {
            "Lavaur" => (lavaur, ctg_core::NameMatch::Official),
            "Lavaure" => (lavaur, ctg_core::NameMatch::Typo),
            "Ville sans nom" => (&self.1, ctg_core::NameMatch::Typo),
            "Villesansnom" => (&self.1, ctg_core::NameMatch::Official),
            _ => return Some(Vec::new()),
        };
        Some(vec![ctg_core::NamedCommune {
            commune,
            matched,
            matched_name: None,
        }])
    }
}

#[test]
fn a_typo_of_another_communes_name_is_a_mismatch_not_another_commune() {
    let mut other = tiny(None).communes.remove("81140").unwrap();
    other.insee = "81004".parse().unwrap();
    other.name = "Villesansnom".into();
    let gazetteer = Reading(tiny(Some(8)), other);
    let validator = Validator::new().gazetteer(&gazetteer);
    for (name, expected) in [
        ("Lavaur", None),
        ("Lavaure", Some(IssueCode::GeoNameMismatch)),
        ("Ville sans nom", Some(IssueCode::GeoNameMismatch)),
        ("Villesansnom", Some(IssueCode::GeoNameOther)),
        ("Tout autre nom", Some(IssueCode::GeoNameMismatch)),
    ] {
        let mut doc = lavaur("100.20");
        doc["parties"][1]["name"] = name.into();
        let report = validator.validate_value(&doc).into_report();
        let codes: Vec<IssueCode> = report
            .issues()
            .iter()
            .map(|i| i.code)
            .filter(|c| c.as_str().starts_with("geo."))
            .collect();
        assert_eq!(codes, expected.into_iter().collect::<Vec<_>>(), "{name}");
    }
}

#[test]
fn funding_per_inhabitant_is_rounded_half_away_from_zero() {
    // 100.20 € / 8 inhabitants = 12.525 €: 12.53 (a banker's rounding would give 12.52).
    let conv = Convention::from_value(&lavaur("100.20")).unwrap();
    let per = conv
        .coverage(&tiny(Some(8)))
        .funding_per_inhabitant
        .unwrap();
    assert_eq!(per.per_year.to_string(), "12.53");
    assert_eq!(per.by_year[&2024].to_string(), "12.53");
    // An absent population stays absent, and so does what is divided by it.
    let coverage = conv.coverage(&tiny(None));
    assert_eq!(coverage.communes[0].population, None);
    assert_eq!(coverage.population, None);
    assert!(coverage.funding_per_inhabitant.is_none());
    // Zero inhabitants: a population, but nothing per inhabitant.
    let coverage = conv.coverage(&tiny(Some(0)));
    assert_eq!(coverage.population, Some(0));
    assert!(coverage.funding_per_inhabitant.is_none());
}

// ------------------------------------------------------------------ coverage of the fixtures

fn coverage_of(name: &str) -> ctg_core::Coverage {
    Convention::from_value(&fixture(name))
        .unwrap()
        .coverage(geo())
}

#[test]
fn coverage_of_thore_montagne_noire() {
    let coverage = coverage_of("thore-montagne-noire-2023-2025");
    // The CC's 9 members (1420 + 1225 + 862 + 512 + 389 + 288 + 188 + 91 + 63 = 5038), and
    // Saint-Amans-Soult (1553) and Pont-de-Larn (2947): 9538 inhabitants.
    assert_eq!(coverage.communes.len(), 11);
    assert_eq!(coverage.population, Some(9_538));
    let per = coverage.funding_per_inhabitant.as_ref().unwrap();
    // 241 801 € / 9 538 = 25.3513… € each year; 725 403 € / 3 / 9 538 the same.
    assert_eq!(per.per_year.to_string(), "25.35");
    let by_year: Vec<String> = per.by_year.values().map(ToString::to_string).collect();
    assert_eq!(by_year, ["25.35", "25.35", "25.35"]);
    assert_eq!(per.years, 3);
    let soult = coverage
        .communes
        .iter()
        .find(|c| c.insee.as_str() == "81238")
        .unwrap();
    assert_eq!(soult.parties, ["saint-amans-soult"]);
    let albine = coverage
        .communes
        .iter()
        .find(|c| c.insee.as_str() == "81005")
        .unwrap();
    assert_eq!(albine.parties, ["cc-thore-montagne-noire", "albine"]);
    assert!(coverage.members_not_parties.is_empty() && coverage.unresolved.is_empty());
    let json = serde_json::to_value(&coverage).unwrap();
    assert_eq!(json["vintage"]["geography"], "COG 2026");
    assert_eq!(json["funding_per_inhabitant"]["per_year"], "25.35");
    assert_eq!(
        json["funding_per_inhabitant"]["rounding"],
        "half_away_from_zero"
    );
    assert_eq!(json["population"], 9538);
}

#[test]
fn coverage_counts_each_commune_once() {
    // The CC Terres des Confluences and its 22 communes, all parties: 22 communes, 42 174
    // inhabitants, nobody left out.
    let coverage = coverage_of("terres-des-confluences-2023-2027");
    assert_eq!(coverage.communes.len(), 22);
    assert_eq!(coverage.population, Some(42_174));
    assert!(coverage.communes.iter().all(|c| c.parties.len() == 2));
    assert!(coverage.members_not_parties.is_empty());
    assert!(coverage.funding_per_inhabitant.is_none()); // no funding section
}

#[test]
fn coverage_lists_the_members_that_are_not_parties() {
    let coverage = coverage_of("tarn-agout-2023-2026");
    assert_eq!(
        (coverage.communes.len(), coverage.population),
        (21, Some(30_158))
    );
    assert_eq!(coverage.members_not_parties.len(), 18);
    let first = &coverage.members_not_parties[0];
    assert_eq!(
        (first.insee.as_str(), first.name.as_str(), first.population),
        ("31038", "Azas", Some(675))
    );

    let coverage = coverage_of("quercy-rouergue-gorges-aveyron-2022-2024");
    assert_eq!(
        (coverage.communes.len(), coverage.population),
        (17, Some(7_840))
    );
    assert_eq!(coverage.members_not_parties.len(), 14);
    assert_eq!(coverage.members_not_parties[0].name, "Montrosier");
}

#[test]
fn a_partner_epci_brings_no_commune() {
    // The CA Saumur Val de Loire is a partner: the CTG covers one sector of it, which the source
    // does not list. Only Saumur signs.
    let coverage = coverage_of("saumur-loire-developpement-2023-2027");
    assert_eq!(coverage.communes.len(), 1);
    assert_eq!(coverage.population, Some(26_241));
    assert!(coverage.members_not_parties.is_empty());
}

#[test]
fn a_former_code_stands_for_todays_commune_and_says_so() {
    let conv = Convention::from_value(&tarn_agout_with_ronel(Some("2023-03-21"))).unwrap();
    let coverage = conv.coverage(geo());
    let bancalie = coverage
        .communes
        .iter()
        .find(|c| c.insee.as_str() == "81233")
        .unwrap();
    assert_eq!(bancalie.name, "Terre-de-Bancalié");
    assert_eq!(
        bancalie.former_codes,
        ["81226".parse::<InseeCode>().unwrap()]
    );
    // 30 158 and Terre-de-Bancalié's 1 725.
    assert_eq!(coverage.population, Some(31_883));
}

#[test]
fn coverage_renders_in_french_and_english() {
    let coverage = coverage_of("tarn-agout-2023-2026");
    let fr = coverage.to_text(Lang::Fr);
    assert!(
        fr.starts_with("Territoire (référence COG 2026)\n  21 communes, 30\u{202f}158 habitants\n"),
        "{fr}"
    );
    assert!(
        fr.contains(
            "Communes membres des EPCI signataires qui ne sont pas parties (18) : Azas (31038)"
        ),
        "{fr}"
    );
    let en = coverage.to_text(Lang::En);
    assert!(en.contains("21 communes, 30,158 inhabitants"), "{en}");

    let mut doc = Convention::sample().to_value();
    doc["parties"][5]["insee"] = "82999".into();
    let text = Convention::from_value(&doc)
        .unwrap()
        .coverage(geo())
        .to_text(Lang::En);
    assert!(text.contains("population unknown"), "{text}");
    assert!(
        text.contains("Parties the reference cannot place: albine (82999: unknown INSEE code)"),
        "{text}"
    );
    assert!(!text.contains("Funding per inhabitant"), "{text}");

    let html = coverage_of("thore-montagne-noire-2023-2025").to_html(Lang::En);
    assert!(
        html.contains("COG 2026 (@etalab/decoupage-administratif 6.0.0)"),
        "{html}"
    );
    assert!(
        html.contains("€25.35 on average over the period; 2023: €25.35"),
        "{html}"
    );
}

#[test]
fn the_kind_of_an_epci_party_is_compared_with_the_reference() {
    let mut doc = fixture("tarn-agout-2023-2026");
    doc["parties"][1]["kind"] = PartyKind::Metropole.code().into();
    let report = with_geo(&doc);
    assert_eq!(
        issues(&report),
        [("geo.epci_kind_differs", "parties[1].kind".into())]
    );
    assert_eq!(
        ctx(&report, IssueCode::GeoEpciKindDiffers, "expected"),
        "cc"
    );
}
