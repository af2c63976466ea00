//! The table of a portfolio's conventions, and what a row knows of a convention: its territory,
//! its département, its EPCI.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Portfolio, PortfolioEntry, Verdict};
use crate::coverage::Territory;
use crate::{
    Amount, Convention, ConventionStatus, DepartementCode, Gazetteer, Party, PartyKind, Siren, Year,
};

/// One row of [`Portfolio::conventions`]: a document of the portfolio, valid or not, and what
/// its convention says at a date. Every field a document that is not valid cannot give is
/// `None`; so is every figure that needs the geography when there is none.
///
/// - **territory**: the name of the signing EPCI; else of the main signing commune (the most
///   populous in the geography, else the first); else of the first signing party that is not a
///   Caf.
/// - **departement**: the `departement` of the (first) Caf party; else, with the geography, the
///   département where most of the territory's inhabitants live; else the département of most
///   signing communes (their `departement`, or their INSEE code's).
/// - **region**: the région of that département, in the geography.
/// - **communes**, **population**: the territory's communes and their population in the
///   geography, as [`Convention::coverage`] counts them (each commune once; `None` when a
///   signing party cannot be placed, and the population when a commune has none).
/// - **envelope**: the sum of the funding's allocations; `None` without a funding section
///   (absent is not zero).
///
/// ```
/// use ctg_core::{Convention, NaiveDate, Portfolio, Validator};
/// let geo = ctg_geo::Geography::embedded()?;
/// let sample = Convention::sample().to_json();
/// let portfolio = Portfolio::validate(&Validator::new(), [("thore.json", sample.as_str()), ("x.json", "{}")]);
/// let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
/// let rows = portfolio.conventions(day, Some(geo));
/// let thore = &rows[0];
/// assert_eq!(thore.territory.as_deref(), Some("CC Thoré Montagne Noire"));
/// assert_eq!(thore.departement.as_ref().unwrap().as_str(), "81");
/// assert_eq!(thore.region.as_deref(), Some("76"));
/// assert_eq!(thore.status.unwrap().code(), "in_force");
/// assert_eq!(thore.months_before_expiry, Some(18));
/// assert_eq!(thore.envelope.unwrap().to_string(), "725403.00");
/// assert_eq!((thore.communes, thore.population), (Some(11), Some(9_538)));
/// assert_eq!(rows[1].verdict.code(), "invalid");
/// assert!(rows[1].id.is_none() && rows[1].errors > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ConventionRow {
    /// Where the document comes from.
    pub source: String,
    /// Valid, invalid or unreadable.
    pub verdict: Verdict,
    /// Its errors (those past the report's limit included).
    pub errors: usize,
    /// Its warnings.
    pub warnings: usize,
    /// The convention's id.
    pub id: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The territory's name (see the type's documentation).
    pub territory: Option<String>,
    /// The SIREN of the signing EPCI.
    pub epci: Option<Siren>,
    /// Its département.
    pub departement: Option<DepartementCode>,
    /// The région of that département (INSEE code), with the geography.
    pub region: Option<String>,
    /// Its status at the date.
    pub status: Option<ConventionStatus>,
    /// The first year of its period.
    pub first_year: Option<Year>,
    /// The last year of its period.
    pub last_year: Option<Year>,
    /// The day it was signed.
    pub signed_on: Option<NaiveDate>,
    /// Whole months from the date until it ends (negative once ended).
    pub months_before_expiry: Option<i32>,
    /// The sum of its allocations; `None` without a funding section.
    pub envelope: Option<Amount>,
    /// The communes of its territory, with the geography.
    pub communes: Option<usize>,
    /// Their population, with the geography.
    pub population: Option<u64>,
}

/// What the portfolio's figures need of one valid convention.
pub(crate) struct Facts<'c, 'g> {
    /// Its département (see [`ConventionRow`]).
    pub(crate) departement: Option<DepartementCode>,
    /// The signing EPCI party.
    pub(crate) epci: Option<&'c Party>,
    /// Its territory in the geography.
    pub(crate) territory: Option<Territory<'g>>,
}

impl<'c, 'g> Facts<'c, 'g> {
    /// The facts of `convention`; its territory is built when there is a geography and either
    /// `territory` asks for it or the département needs it.
    pub(crate) fn of(
        convention: &'c Convention,
        gazetteer: Option<&'g dyn Gazetteer>,
        territory: bool,
    ) -> Facts<'c, 'g> {
        let caf_departement = convention
            .parties()
            .iter()
            .filter(|p| p.kind() == PartyKind::Caf)
            .find_map(|p| p.departement());
        let territory = match gazetteer {
            Some(g) if territory || caf_departement.is_none() => Some(convention.territory(g)),
            _ => None,
        };
        let departement = caf_departement
            .cloned()
            .or_else(|| territory.as_ref().and_then(territory_departement))
            .or_else(|| communes_departement(convention));
        let epci = convention
            .parties()
            .iter()
            .find(|p| p.kind().is_epci() && p.role().signs());
        Facts {
            departement,
            epci,
            territory,
        }
    }

    /// The territory's communes and population, as [`crate::Coverage`] counts them.
    pub(crate) fn communes_and_population(&self) -> (Option<usize>, Option<u64>) {
        let Some(territory) = &self.territory else {
            return (None, None);
        };
        if !territory.is_complete() {
            return (None, None);
        }
        let communes = territory.communes.len();
        let population = if communes == 0 {
            None
        } else {
            territory
                .communes
                .values()
                .try_fold(0u64, |sum, e| sum.checked_add(e.record.population?))
        };
        (Some(communes), population)
    }
}

/// The département where most of the territory's inhabitants live (ties: more communes, then
/// the smaller code).
fn territory_departement(territory: &Territory<'_>) -> Option<DepartementCode> {
    let mut weights: BTreeMap<&DepartementCode, (u64, usize)> = BTreeMap::new();
    for entry in territory.communes.values() {
        let w = weights.entry(&entry.record.departement).or_default();
        w.0 = w.0.saturating_add(entry.record.population.unwrap_or(0));
        w.1 += 1;
    }
    plurality(weights).cloned()
}

/// The département of most signing communes, by their `departement` or their INSEE code's.
fn communes_departement(convention: &Convention) -> Option<DepartementCode> {
    let mut counts: BTreeMap<DepartementCode, (u64, usize)> = BTreeMap::new();
    for party in convention.parties() {
        if party.kind() != PartyKind::Commune || !party.role().signs() {
            continue;
        }
        let code = party
            .departement()
            .cloned()
            .or_else(|| party.insee().map(|c| c.departement()));
        if let Some(code) = code {
            counts.entry(code).or_default().1 += 1;
        }
    }
    plurality(counts)
}

/// The key with the largest weight; ties go to the smaller key (the map's first).
fn plurality<K: Ord>(weights: BTreeMap<K, (u64, usize)>) -> Option<K> {
    let mut best: Option<(K, (u64, usize))> = None;
    for (key, weight) in weights {
        if best.as_ref().is_none_or(|(_, w)| weight > *w) {
            best = Some((key, weight));
        }
    }
    best.map(|(key, _)| key)
}

/// The name of the territory: the signing EPCI's, else the main signing commune's, else the
/// first signing party's that is not a Caf.
fn territory_name(
    convention: &Convention,
    facts: &Facts<'_, '_>,
    gazetteer: Option<&dyn Gazetteer>,
) -> Option<String> {
    if let Some(epci) = facts.epci {
        return Some(epci.name().to_owned());
    }
    let population = |p: &Party| {
        gazetteer
            .zip(p.insee())
            .and_then(|(g, code)| g.commune(code))
            .and_then(|c| c.population)
    };
    let mut main: Option<(&Party, Option<u64>)> = None;
    for party in convention.parties() {
        if party.kind() != PartyKind::Commune || !party.role().signs() {
            continue;
        }
        let people = population(party);
        if main.as_ref().is_none_or(|(_, best)| people > *best) {
            main = Some((party, people));
        }
    }
    main.map(|(p, _)| p)
        .or_else(|| {
            convention
                .parties()
                .iter()
                .find(|p| p.kind() != PartyKind::Caf && p.role().signs())
        })
        .map(|p| p.name().to_owned())
}

/// The sum of the allocations; `None` without a funding section. In a valid convention the sum
/// fits (validation checked it); saturating keeps this free of panics.
pub(crate) fn envelope(convention: &Convention) -> Option<Amount> {
    let funding = convention.funding()?;
    let mut total = Amount::ZERO;
    for allocation in funding.allocations() {
        for amount in allocation.amounts().values() {
            total = total.checked_add(*amount).unwrap_or(Amount::MAX);
        }
    }
    Some(total)
}

impl ConventionRow {
    fn of(entry: &PortfolioEntry, date: NaiveDate, gazetteer: Option<&dyn Gazetteer>) -> Self {
        let report = entry.report();
        let mut row = ConventionRow {
            source: entry.source().to_owned(),
            verdict: entry.verdict(),
            errors: report.errors().count() + report.hidden_errors(),
            warnings: report.warnings().count(),
            id: None,
            title: None,
            territory: None,
            epci: None,
            departement: None,
            region: None,
            status: None,
            first_year: None,
            last_year: None,
            signed_on: None,
            months_before_expiry: None,
            envelope: None,
            communes: None,
            population: None,
        };
        let Some(convention) = entry.convention() else {
            return row;
        };
        let facts = Facts::of(convention, gazetteer, true);
        let (communes, population) = facts.communes_and_population();
        row.region = gazetteer
            .zip(facts.departement.as_ref())
            .and_then(|(g, d)| g.departement_record(d))
            .map(|r| r.region.clone());
        row.territory = territory_name(convention, &facts, gazetteer);
        row.epci = facts.epci.and_then(|p| p.siren()).cloned();
        row.departement = facts.departement;
        row.id = Some(convention.id().to_owned());
        row.title = Some(convention.title().to_owned());
        row.status = Some(convention.status(date));
        row.first_year = Some(convention.period().first_year());
        row.last_year = Some(convention.period().last_year());
        row.signed_on = convention.signature().map(|s| s.date());
        row.months_before_expiry = Some(convention.months_before_expiry(date));
        row.envelope = envelope(convention);
        row.communes = communes;
        row.population = population;
        row
    }
}

impl Portfolio {
    /// The table of the portfolio: one [`ConventionRow`] per entry, in input order, valid or not,
    /// with the status at `date` and, with a geography, the région, communes and population.
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate, Portfolio, Validator};
    /// let sample = Convention::sample().to_json();
    /// let p = Portfolio::validate(&Validator::new(), [("a.json", sample.as_str())]);
    /// let rows = p.conventions(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), None);
    /// assert_eq!(rows[0].status.unwrap().code(), "expired");
    /// assert_eq!(rows[0].communes, None); // no geography
    /// assert_eq!(rows[0].departement.as_ref().unwrap().as_str(), "81"); // the Caf's
    /// let json = serde_json::to_value(&rows[0]).unwrap();
    /// assert_eq!(json["envelope"], "725403.00");
    /// assert_eq!(json["status"], "expired");
    /// ```
    pub fn conventions(
        &self,
        date: NaiveDate,
        gazetteer: Option<&dyn Gazetteer>,
    ) -> Vec<ConventionRow> {
        self.entries()
            .iter()
            .map(|entry| ConventionRow::of(entry, date, gazetteer))
            .collect()
    }
}
