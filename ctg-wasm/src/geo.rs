//! The geography module's half of the binding that the host can test (feature `geo`): `ctg-geo`'s
//! embedded COG 2026 and core's rules and coverage with it, as the JSON shapes the JavaScript API
//! returns (`@ctg/wasm/geo`).
//!
//! Like [`bridge`], nothing here decides anything: every record, rank, score,
//! status, explanation, filled value, `geo.*` issue and coverage figure is `ctg-geo`'s or core's.
//! This module picks what to call and lays the answers out in the snake_case data casing.

use ctg_core::{
    CommuneRecord, Coverage, EpciRecord, FormerCommune, InseeCode, Lang, Siren, Vintage,
};
use ctg_geo::{
    AnyCandidate, Area, Context, Departement, Filled, Geography, LookupKind, LookupRow, NameList,
    Region,
};
use serde::Serialize;
use serde_json::Value as Json;

use crate::bridge::{self, Failure, Input, Options, Outcome};

/// The geography validation runs with (`Options::geography`): the embedded one, compared by
/// identity.
#[derive(Clone, Copy)]
pub struct Reference(&'static Geography);

impl Reference {
    /// The geography.
    pub fn get(self) -> &'static Geography {
        self.0
    }
}

impl PartialEq for Reference {
    fn eq(&self, other: &Reference) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Reference {}

impl std::fmt::Debug for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Reference({})", self.0.vintage())
    }
}

/// The embedded COG 2026, parsed on first use and then shared (`Geography::embedded`).
pub fn embedded() -> Outcome<&'static Geography> {
    Geography::embedded()
        .map_err(|e| Failure::internal(format!("the embedded geography did not load: {e}")))
}

/// The options, with the embedded geography for validation.
pub fn with_geography(options: &Options) -> Outcome<Options> {
    Ok(Options {
        geography: Some(Reference(embedded()?)),
        ..*options
    })
}

// ------------------------------------------------------------------ records

/// What a lookup of records gives, serialised as the records are (core's and `ctg-geo`'s
/// field order).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Records {
    /// A commune, or none.
    Commune(Option<&'static CommuneRecord>),
    /// Communes.
    Communes(Vec<&'static CommuneRecord>),
    /// An EPCI, or none.
    Epci(Option<&'static EpciRecord>),
    /// A département, or none.
    Departement(Option<&'static Departement>),
    /// Every département.
    Departements(&'static [Departement]),
    /// A région, or none.
    Region(Option<&'static Region>),
    /// Every région.
    Regions(&'static [Region]),
    /// Former communes.
    Former(&'static [FormerCommune]),
    /// The reference.
    Vintage(&'static Vintage),
}

/// A lookup of records by a code or a name (`commune`, `communeBySiren`, `communesNamed`,
/// `communesByPostalCode`, `epci`, `epciOf`, `members`, `departement`, `region`,
/// `formerCommunes`, `departements`, `regions`, `vintage`): the record, `null` or `[]` for what
/// the reference does not have, a code that is not well formed included. Never a failure but
/// for an unknown `what`.
pub fn record(geo: &'static Geography, what: &str, key: &str) -> Outcome<Records> {
    let siren = || key.parse::<Siren>().ok();
    Ok(match what {
        "commune" => Records::Commune(geo.commune_by_code(key)),
        "communeBySiren" => Records::Commune(siren().and_then(|s| geo.commune_by_siren(&s))),
        "communesNamed" => Records::Communes(geo.communes_named(key)),
        "communesByPostalCode" => Records::Communes(geo.communes_by_postal_code(key)),
        "epci" => Records::Epci(siren().and_then(|s| geo.epci(&s))),
        "epciOf" => Records::Epci(geo.commune_by_code(key).and_then(|c| geo.epci_of(c))),
        "members" => Records::Communes(
            siren()
                .and_then(|s| geo.epci(&s))
                .map_or_else(Vec::new, |e| geo.members(e)),
        ),
        "departement" => Records::Departement(geo.departement_by_name(key)),
        "region" => Records::Region(region_by_name(geo, key)),
        "formerCommunes" => Records::Former(
            key.parse::<InseeCode>()
                .ok()
                .map_or(&[][..], |c| geo.former_communes(&c)),
        ),
        "departements" => Records::Departements(geo.departements()),
        "regions" => Records::Regions(geo.regions()),
        "vintage" => Records::Vintage(geo.vintage()),
        _ => {
            return Err(Failure::argument(format!(
                "no record lookup named {what:?}"
            )))
        }
    })
}

/// A région by code or name, a usual abbreviation (`PACA`) included.
fn region_by_name(geo: &'static Geography, key: &str) -> Option<&'static Region> {
    geo.region_by_name(key).or_else(|| {
        geo.resolve_area(key, &Context::new(), ctg_geo::AreaKinds::Regions)
            .resolved()
            .and_then(|c| match c.area {
                Area::Region(r) => Some(r),
                Area::Departement(_) => None,
            })
    })
}

// ------------------------------------------------------------------ lookups

/// What a name is looked up as: as a person types it (a commune's, an EPCI's, a département's
/// or a région's name), or as one kind only (`kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum As {
    /// `Geography::lookup`: any kind.
    #[default]
    Any,
    /// `Geography::lookup_as` with this kind.
    Only(LookupKind),
}

impl As {
    /// `kind`: `"commune"`, `"epci"`, `"departement"`, `"region"`, absent for any.
    pub fn parse(kind: Option<&str>) -> Outcome<As> {
        match kind {
            None => Ok(As::Any),
            Some(text) => LookupKind::parse(text).map(As::Only).ok_or_else(|| {
                Failure::argument(format!(
                    "kind must be \"commune\", \"epci\", \"departement\" or \"region\" (or absent for any), not {text:?}"
                ))
            }),
        }
    }
}

/// How names are looked up: the context (départements, EPCI, régions: a candidate outside it is
/// set aside) and what they are looked up as.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The context.
    pub context: Context,
    /// Any kind, or one.
    pub kind: As,
}

impl Query {
    /// The context of the codes given (`departement`, `epci` as SIRENs, `region`), each read
    /// by core; a code that is not well formed is an argument error naming the option.
    pub fn new(
        departements: &[String],
        epcis: &[String],
        regions: &[String],
        kind: As,
    ) -> Outcome<Query> {
        let invalid = |what: &str, e: ctg_core::ParseError| {
            Failure::argument(format!("{what}: {}", e.message(Lang::En)))
        };
        let mut context = Context::new();
        for code in departements {
            context = context.departement(code.parse().map_err(|e| invalid("departement", e))?);
        }
        for code in epcis {
            context = context.epci(code.parse().map_err(|e| invalid("epci", e))?);
        }
        for code in regions {
            context = context.region(code.clone());
        }
        Ok(Query { context, kind })
    }

    /// The lookup of one name.
    pub fn look(&self, geo: &'static Geography, name: &str) -> ctg_geo::Lookup<'static> {
        let kind = match self.kind {
            As::Any => None,
            As::Only(kind) => Some(kind),
        };
        geo.lookup_as(name, &self.context, kind)
    }
}

/// A record, as it is in a candidate (`record`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Record<'g> {
    Commune(&'g CommuneRecord),
    Epci(&'g EpciRecord),
    Departement(&'g Departement),
    Region(&'g Region),
}

/// One candidate of a lookup, the same fields for a commune, an EPCI, a département and a région
/// (as `Lookup::rows` gives them, and the record, the name that matched, the former commune and
/// the distance).
#[derive(Debug, Serialize)]
struct JsCandidate<'g> {
    rank: usize,
    in_context: bool,
    kind: &'static str,
    code: &'g str,
    name: &'g str,
    departement: Option<&'g str>,
    population: Option<u64>,
    score: u8,
    #[serde(rename = "match")]
    matched: &'static str,
    rules: Vec<&'static str>,
    matched_name: Option<&'g str>,
    distance: Option<u8>,
    former: Option<&'g FormerCommune>,
    kind_differs: bool,
    record: Record<'g>,
    explanation: String,
}

fn candidate(
    c: &AnyCandidate<'static>,
    rank: usize,
    in_context: bool,
    lang: Lang,
) -> JsCandidate<'static> {
    let (matched_name, distance, former, kind_differs, record) = match c {
        AnyCandidate::Commune(c) => (
            c.matched_name,
            c.distance,
            c.former,
            false,
            Record::Commune(c.commune),
        ),
        AnyCandidate::Epci(c) => (None, c.distance, None, c.kind_differs, Record::Epci(c.epci)),
        AnyCandidate::Area(c) => (
            None,
            None,
            None,
            false,
            match c.area {
                Area::Departement(d) => Record::Departement(d),
                Area::Region(r) => Record::Region(r),
            },
        ),
    };
    JsCandidate {
        rank,
        in_context,
        kind: c.kind(),
        code: c.code(),
        name: c.name(),
        departement: c.departement(),
        population: c.population(),
        score: c.score(),
        matched: c.matched(),
        rules: c.rules(),
        matched_name,
        distance,
        former,
        kind_differs,
        record,
        explanation: c.explain_in(lang),
    }
}

/// A name looked up, as JavaScript sees it: the status and its words, the candidates in the
/// context then outside it (ranked on, as `Lookup::rows` ranks them), the codes tied at the best
/// score, the code when resolved, the reference.
#[derive(Debug, Serialize)]
pub struct JsLookup {
    query: String,
    kind: &'static str,
    status: &'static str,
    status_label: &'static str,
    reason: Option<&'static str>,
    reason_label: Option<&'static str>,
    code: Option<&'static str>,
    candidates: Vec<JsCandidate<'static>>,
    outside_context: Vec<JsCandidate<'static>>,
    tied: Vec<&'static str>,
    vintage: &'static Vintage,
}

/// The lookup of one name, explained in `lang`.
pub fn lookup(geo: &'static Geography, name: &str, query: &Query, lang: Lang) -> JsLookup {
    let found = query.look(geo, name);
    let status = found.status();
    let reason = found.reason();
    let (inside, tied) = found.counts();
    let mut candidates: Vec<JsCandidate<'static>> = found
        .all()
        .iter()
        .enumerate()
        .map(|(i, (c, in_context))| candidate(c, i + 1, *in_context, lang))
        .collect();
    let outside_context = candidates.split_off(inside.min(candidates.len()));
    let tied = candidates.iter().take(tied).map(|c| c.code).collect();
    JsLookup {
        query: found.query().to_owned(),
        kind: found.kind(),
        status: status.as_str(),
        status_label: status.label(lang),
        reason: reason.map(|r| r.as_str()),
        reason_label: reason.map(|r| r.label(lang)),
        code: found.resolved().map(|c| c.code()),
        candidates,
        outside_context,
        tied,
        vintage: found.vintage(),
    }
}

/// The code of each name when it is resolved (INSEE code, SIREN, code of a département or
/// région), `None` otherwise: never a guess.
pub fn lookup_codes(
    geo: &'static Geography,
    names: &[String],
    query: &Query,
) -> Vec<Option<&'static str>> {
    names
        .iter()
        .map(|name| query.look(geo, name).resolved().map(|c| c.code()))
        .collect()
}

/// One row of `lookupRows`: `ctg-geo`'s `LookupRow`, with the position of its name in the list
/// and the reason of a name not found; a name without candidate has one row, its candidate's
/// fields `null`.
#[derive(Debug, Serialize)]
pub struct Row {
    position: usize,
    query: String,
    status: &'static str,
    reason: Option<&'static str>,
    rank: Option<usize>,
    in_context: Option<bool>,
    kind: Option<&'static str>,
    code: Option<String>,
    name: Option<String>,
    departement: Option<String>,
    population: Option<u64>,
    score: Option<u8>,
    #[serde(rename = "match")]
    matched: Option<&'static str>,
    rules: Option<Vec<&'static str>>,
    explanation: Option<String>,
}

/// The rows of every name, in order (`Lookup::rows` in `lang`), every name kept.
pub fn lookup_rows(
    geo: &'static Geography,
    names: &[String],
    query: &Query,
    lang: Lang,
) -> Vec<Row> {
    let mut out = Vec::with_capacity(names.len());
    for (position, name) in names.iter().enumerate() {
        let found = query.look(geo, name);
        let reason = found.reason().map(|r| r.as_str());
        let rows = found.rows(lang);
        if rows.is_empty() {
            out.push(Row {
                position,
                query: found.query().to_owned(),
                status: found.status().as_str(),
                reason,
                rank: None,
                in_context: None,
                kind: None,
                code: None,
                name: None,
                departement: None,
                population: None,
                score: None,
                matched: None,
                rules: None,
                explanation: None,
            });
        }
        out.extend(rows.into_iter().map(|row: LookupRow| Row {
            position,
            query: row.query,
            status: row.status,
            reason,
            rank: Some(row.rank),
            in_context: Some(row.in_context),
            kind: Some(row.kind),
            code: Some(row.code),
            name: Some(row.name),
            departement: row.departement,
            population: row.population,
            score: Some(row.score),
            matched: Some(row.matched),
            rules: Some(row.rules),
            explanation: Some(row.explanation),
        }));
    }
    out
}

/// A press release's list (`resolveText`), or a list of names each read whole
/// (`resolveNames`): `ctg-geo`'s `NameList`, its explanations in `lang`.
pub fn resolve_text(
    geo: &'static Geography,
    text: &str,
    query: &Query,
    lang: Lang,
) -> NameList<'static> {
    geo.resolve_text_in(text, &query.context, lang)
}

/// See [`resolve_text`].
pub fn resolve_names(
    geo: &'static Geography,
    names: &[String],
    query: &Query,
    lang: Lang,
) -> NameList<'static> {
    geo.resolve_names_in(names.iter().map(String::as_str), &query.context, lang)
}

// ------------------------------------------------------------------ documents

/// The document of `fillIdentifiers` as JSON, read by core's rules (`Validator::read_tree`,
/// `read_host_tree`) within `options.limits`: JSON text or bytes, or a JS value (already read
/// into a host tree). A duplicate key, a lone surrogate, a NaN, a value of a type JSON has no
/// writing for, a number that would be written back otherwise, a document past the limits: a
/// failure listing every such issue with its path, as validation words it.
pub fn document(input: &Input, options: &Options) -> Outcome<Json> {
    let validator = ctg_core::Validator::new().limits(options.limits);
    let tree = match input {
        Input::Text(text) => validator.read_tree(text.as_bytes()),
        Input::Bytes(bytes) => validator.read_tree(bytes),
        Input::Oversized => Err(ctg_core::Report::from(vec![bridge::too_large(
            options.limits,
        )])),
        Input::Host(tree) => validator.read_host_tree(tree),
    };
    tree.map_err(|report| Failure::of_report(report, options.lang))
}

/// The document with its missing identifiers filled from the reference (`ctg-geo`'s
/// `fill_identifiers_in` the language of the call): `{document, changes, notes, vintage,
/// lang}`.
pub fn fill(geo: &'static Geography, input: &Input, options: &Options) -> Outcome<Filled<'static>> {
    let document = document(input, options)?;
    if !document.is_object() {
        return Err(Failure::argument(
            "fillIdentifiers reads a JSON document: an object, with its parties",
        ));
    }
    Ok(geo.fill_identifiers_in(&document, options.lang))
}

/// What `coverage` returns: core's `Coverage` (money as strings) and core's text and HTML of it
/// in the language of the call.
#[derive(Debug, Serialize)]
pub struct CoverageResult {
    #[serde(flatten)]
    coverage: Coverage,
    text: String,
    html: String,
}

/// The coverage of a valid convention (read by core's rules, as `parse` reads it: what the
/// reference cannot place is in `unresolved`, not an error).
pub fn coverage(
    geo: &'static Geography,
    input: &Input,
    options: &Options,
) -> Outcome<CoverageResult> {
    let coverage = bridge::convention(input, options)?.coverage(geo);
    Ok(CoverageResult {
        text: coverage.to_text(options.lang),
        html: coverage.to_html(options.lang),
        coverage,
    })
}

/// Core's text summary of a valid convention with its coverage.
pub fn convention_text(
    geo: &'static Geography,
    input: &Input,
    today: chrono::NaiveDate,
    options: &Options,
) -> Outcome<String> {
    Ok(bridge::convention(input, options)?.to_summary_text_with(options.lang, today, Some(geo)))
}

/// Core's HTML summary of a valid convention with its coverage.
pub fn convention_html(
    geo: &'static Geography,
    input: &Input,
    today: chrono::NaiveDate,
    options: &Options,
) -> Outcome<String> {
    Ok(bridge::convention(input, options)?.to_html_with(options.lang, today, Some(geo)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ctg_core::input::{Key, Value as Host};
    use serde_json::json;

    fn geo() -> &'static Geography {
        embedded().unwrap_or_else(|_| panic!("the embedded geography loads"))
    }

    fn wire<T: Serialize>(value: &T) -> Json {
        serde_json::to_value(value).unwrap_or_default()
    }

    fn failure<T: std::fmt::Debug>(outcome: Outcome<T>) -> Json {
        let text = bridge::outcome_text(&outcome.map(|_| ()));
        serde_json::from_str::<Json>(&text).unwrap_or_default()["error"].clone()
    }

    fn query(departements: &[&str], kind: As) -> Query {
        let owned: Vec<String> = departements.iter().map(|d| (*d).to_owned()).collect();
        Query::new(&owned, &[], &[], kind).unwrap_or_default()
    }

    #[test]
    fn records_come_in_core_s_shape_and_none_for_what_the_reference_does_not_have() {
        let lavaur = wire(&record(geo(), "commune", "81140").ok());
        assert_eq!(lavaur["name"], "Lavaur");
        assert_eq!(lavaur["epci"], "200034023");
        assert_eq!(wire(&record(geo(), "commune", "82999").ok()), Json::Null);
        assert_eq!(
            wire(&record(geo(), "members", "200034023").ok())
                .as_array()
                .map(Vec::len),
            Some(21)
        );
        assert_eq!(wire(&record(geo(), "members", "nope").ok()), json!([]));
        assert_eq!(wire(&record(geo(), "formerCommunes", "x").ok()), json!([]));
        assert_eq!(
            wire(&record(geo(), "vintage", "").ok())["geography"],
            "COG 2026"
        );
        assert_eq!(
            failure(record(geo(), "communes", ""))["code"],
            "argument.invalid"
        );
    }

    #[test]
    fn a_lookup_ranks_outside_candidates_after_those_in_context_and_never_guesses() {
        let l = wire(&lookup(
            geo(),
            "Parisot",
            &query(&["82"], As::Any),
            Lang::Fr,
        ));
        assert_eq!(l["status"], "resolved");
        assert_eq!(l["code"], "82137");
        assert_eq!(l["tied"], json!(["82137"]));
        assert_eq!(
            l["candidates"][0]["explanation"],
            "le nom officiel de Parisot (82137)"
        );
        assert_eq!(l["outside_context"][0]["rank"], 2);
        assert_eq!(l["outside_context"][0]["in_context"], false);
        let both = wire(&lookup(geo(), "Parisot", &Query::default(), Lang::En));
        assert_eq!(both["status"], "ambiguous");
        assert_eq!(both["code"], Json::Null);
        assert_eq!(both["status_label"], "ambiguous");
        let epci = wire(&lookup(geo(), "CC Tarn-Agout", &Query::default(), Lang::En));
        assert_eq!(epci["kind"], "epci");
        assert_eq!(
            epci["candidates"][0]["record"]["members"]
                .as_array()
                .map(Vec::len),
            Some(21)
        );
        assert_eq!(epci["candidates"][0]["departement"], Json::Null);
        assert!(Query::new(&["99".into()], &[], &[], As::Any).is_err());
        assert!(As::parse(Some("région")).is_err());
    }

    #[test]
    fn rows_keep_every_name_and_codes_say_only_what_is_resolved() {
        let names: Vec<String> = ["Lavaur", "", "St-Amans-Soult"].map(String::from).to_vec();
        let rows = wire(&lookup_rows(
            geo(),
            &names,
            &query(&["81"], As::Only(LookupKind::Commune)),
            Lang::En,
        ));
        let positions: Vec<&Json> = rows
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| &r["position"])
            .collect();
        assert_eq!(positions, [&json!(0), &json!(0), &json!(1), &json!(2)]);
        assert_eq!(rows[2]["reason"], "empty");
        assert_eq!(rows[2]["code"], Json::Null);
        assert_eq!(
            lookup_codes(geo(), &names, &query(&["81"], As::Any)),
            [Some("81140"), None, Some("81238")]
        );
    }

    #[test]
    fn a_js_value_to_fill_is_json_or_refused_with_where() {
        let map = |entries: Vec<(&str, Host)>| {
            Host::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (Key::Text(k.into()), v))
                    .collect(),
            )
        };
        let o = Options::new(Lang::En);
        let doc = map(vec![(
            "parties",
            Host::List(vec![map(vec![
                ("n", Host::Int(1)),
                ("x", Host::Float(0.5)),
            ])]),
        )]);
        assert_eq!(
            document(&Input::Host(doc), &o).ok(),
            Some(json!({"parties": [{"n": 1, "x": 0.5}]}))
        );
        // Read by core's rules: each refusal with validation's code and the value's path.
        for (bad, code) in [
            (Host::Float(f64::NAN), "value.nan"),
            (Host::Int(i128::MAX), "json.number_rewritten"),
            (Host::Unsupported("Set".into()), "field.type"),
            (Host::BrokenText("\u{fffd}".into()), "text.lone_surrogate"),
        ] {
            let doc = map(vec![("parties", Host::List(vec![map(vec![("v", bad)])]))]);
            let failed = failure(document(&Input::Host(doc), &o));
            assert_eq!(failed["code"], code, "{failed}");
            assert_eq!(failed["path"], "parties[0].v", "{failed}");
        }
        let mut deep = Host::Null;
        for _ in 0..200 {
            deep = Host::List(vec![deep]);
        }
        assert_eq!(
            failure(document(&Input::Host(deep), &o))["code"],
            "json.too_deep"
        );
        assert_eq!(
            failure(fill(geo(), &Input::Text("[]".into()), &o))["code"],
            "argument.invalid"
        );
        let filled = wire(&fill(geo(), &Input::Text(r#"{"parties": [{"id": "l", "kind": "commune", "name": "Lavaur", "departement": "81"}]}"#.into()), &o).ok());
        assert_eq!(filled["document"]["parties"][0]["insee"], "81140");
    }

    #[test]
    fn validation_with_the_geography_runs_the_geo_rules() {
        let o = Options::new(Lang::En);
        let input = Input::Text(ctg_core::Convention::sample_json().to_owned());
        let plain = serde_json::to_value(bridge::validate(&input, &o)).unwrap_or_default();
        assert_eq!(plain["issues"], json!([]));
        let with = with_geography(&o).unwrap_or(o);
        let report = serde_json::to_value(bridge::validate(&input, &with)).unwrap_or_default();
        assert_eq!(report["issues"][0]["code"], "geo.commune_outside_epci");
        assert_eq!(report["issues"][0]["ctx"]["geography"], "COG 2026");
        let coverage = wire(&coverage(geo(), &input, &o).ok());
        assert_eq!(coverage["population"], 9538);
        assert_eq!(coverage["funding_per_inhabitant"]["per_year"], "25.35");
        assert!(coverage["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Territory")));
    }
}
