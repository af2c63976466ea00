//! What the conventions in force at a date cover: communes and population, nationally and by
//! département, each commune once; and the communes covered twice.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::rows::Facts;
use super::Portfolio;
use crate::{CommuneRecord, ConventionStatus, DepartementCode, Gazetteer, InseeCode, Vintage};

/// The communes and inhabitants that a convention **in force** at a date covers
/// ([`Portfolio::coverage`]): in all, by département, and the communes two conventions in force
/// cover at once.
///
/// - **In force**: valid, signed on or before the date, the date within its period, not
///   terminated by then ([`ConventionStatus::InForce`]). Invalid documents, drafts, conventions
///   not started, expired or terminated cover nothing.
/// - **Covered**: a commune of the territory of a convention in force, as
///   [`crate::Convention::coverage`] makes it (the communes of the signing parties, each EPCI with
///   its members in the reference); counted **once** however many conventions cover it, in its
///   own département (an EPCI may straddle two).
/// - **Shares**: covered over the reference's communes and municipal population (communes, not
///   the arrondissements of Paris, Lyon and Marseille), rounded once to 4 decimals (a hundredth
///   of a percent) half away from zero; `None` when the reference gives nothing to divide by.
///
/// ```
/// use ctg_core::{Convention, NaiveDate, Portfolio, Validator};
/// let geo = ctg_geo::Geography::embedded()?;
/// let sample = Convention::sample().to_json();
/// let p = Portfolio::validate(&Validator::new(), [("a", sample.as_str()), ("b", sample.as_str())]);
/// let coverage = p.coverage(geo, NaiveDate::from_ymd_opt(2024, 6, 1).unwrap());
/// assert_eq!(coverage.conventions_in_force, 2);
/// // The same 11 communes twice: counted once, and all 11 are overlaps.
/// assert_eq!((coverage.national.communes, coverage.national.population), (11, 9_538));
/// assert_eq!(coverage.overlaps.len(), 11);
/// let tarn = &coverage.by_departement["81"];
/// assert_eq!(tarn.name.as_deref(), Some("Tarn"));
/// assert_eq!(tarn.reference_communes, 314);
/// assert_eq!(tarn.communes_share.unwrap().to_string(), "0.0350"); // 11 / 314
/// // After the period, nothing is in force.
/// let later = p.coverage(geo, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
/// assert_eq!((later.conventions_in_force, later.national.communes), (0, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PortfolioCoverage {
    /// The reference the figures come from.
    pub vintage: Vintage,
    /// The day the conventions are in force on.
    pub date: NaiveDate,
    /// The conventions in force at the date.
    pub conventions_in_force: usize,
    /// Every commune of the reference.
    pub national: AreaCoverage,
    /// Per département code: every département of the reference, and any other a covered
    /// commune or a convention is in.
    pub by_departement: BTreeMap<String, AreaCoverage>,
    /// Communes covered by two or more conventions in force, by INSEE code.
    pub overlaps: Vec<Overlap>,
    /// The ids of conventions in force whose territory the reference cannot place whole (an
    /// unknown code, a former code under two communes…): their placed communes count, the others
    /// cannot.
    pub incomplete: Vec<String>,
    /// Decimals of the shares: 4.
    pub decimals: u32,
    /// How the shares are rounded: `half_away_from_zero`.
    pub rounding: &'static str,
}

/// The coverage of an area: the whole reference, or a département.
///
/// ```
/// use ctg_core::{Convention, NaiveDate, Portfolio, Validator};
/// let geo = ctg_geo::Geography::embedded()?;
/// let p = Portfolio::validate(&Validator::new(), [("a", Convention::sample().to_json())]);
/// let national = p.coverage(geo, NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()).national;
/// assert_eq!(national.reference_communes, 34_879);
/// assert_eq!(national.population_share.unwrap().to_string(), "0.0001"); // 9 538 of 68 million
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AreaCoverage {
    /// Its name in the reference (a département's).
    pub name: Option<String>,
    /// Its région's code (a département's).
    pub region: Option<String>,
    /// The conventions in force of the area (a département's: by the convention's
    /// département, see [`super::ConventionRow`]).
    pub conventions_in_force: usize,
    /// Its communes covered, once each.
    pub communes: usize,
    /// Their municipal population.
    pub population: u64,
    /// Its communes in the reference.
    pub reference_communes: usize,
    /// Their municipal population.
    pub reference_population: u64,
    /// `communes / reference_communes`.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub communes_share: Option<Decimal>,
    /// `population / reference_population`.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub population_share: Option<Decimal>,
}

/// A commune covered by two or more conventions in force at once.
///
/// ```
/// use ctg_core::{Convention, NaiveDate, Portfolio, Validator};
/// let geo = ctg_geo::Geography::embedded()?;
/// let sample = Convention::sample().to_json();
/// let p = Portfolio::validate(&Validator::new(), [("a", sample.as_str()), ("b", sample.as_str())]);
/// let overlap = &p.coverage(geo, NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()).overlaps[0];
/// assert_eq!(overlap.conventions, [Convention::sample().id(), Convention::sample().id()]);
/// assert_eq!(overlap.sources, ["a", "b"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Overlap {
    /// INSEE code.
    pub insee: InseeCode,
    /// Official name.
    pub name: String,
    /// Its département.
    pub departement: DepartementCode,
    /// Municipal population.
    pub population: Option<u64>,
    /// The ids of the conventions that cover it, in the portfolio's order.
    pub conventions: Vec<String>,
    /// Their sources.
    pub sources: Vec<String>,
}

/// `part / whole`, rounded once to 4 decimals, half away from zero (exact integer arithmetic).
pub(crate) fn share(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u128::from(part), u128::from(whole));
    // round(part × 10 000 / whole) = floor((2 × part × 10 000 + whole) / (2 × whole))
    let scaled = (2 * part * 10_000 + whole) / (2 * whole);
    Some(Decimal::from_i128_with_scale(
        i128::try_from(scaled).ok()?,
        4,
    ))
}

impl AreaCoverage {
    fn finish(&mut self) {
        self.communes_share = share(self.communes as u64, self.reference_communes as u64);
        self.population_share = share(self.population, self.reference_population);
    }
}

/// The area of département `code`, made (with its name and région) when it is not there yet.
fn area<'m>(
    map: &'m mut BTreeMap<String, AreaCoverage>,
    gazetteer: &dyn Gazetteer,
    code: &DepartementCode,
) -> Option<&'m mut AreaCoverage> {
    if !map.contains_key(code.as_str()) {
        let record = gazetteer.departement_record(code);
        map.insert(
            code.as_str().to_owned(),
            AreaCoverage {
                name: record.map(|r| r.name.clone()),
                region: record.map(|r| r.region.clone()),
                ..AreaCoverage::default()
            },
        );
    }
    map.get_mut(code.as_str())
}

impl Portfolio {
    /// What the conventions in force at `date` cover in the geography ([`PortfolioCoverage`]).
    ///
    /// ```
    /// use ctg_core::{NaiveDate, Portfolio, Validator};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let p = Portfolio::from_json_lines(&Validator::new(), b"{}");
    /// let coverage = p.coverage(geo, NaiveDate::from_ymd_opt(2024, 6, 1).unwrap());
    /// assert_eq!(coverage.national.communes, 0); // an invalid document covers nothing
    /// assert_eq!(coverage.by_departement.len(), 104);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coverage(&self, gazetteer: &dyn Gazetteer, date: NaiveDate) -> PortfolioCoverage {
        let mut by_departement: BTreeMap<String, AreaCoverage> = BTreeMap::new();
        let mut national = AreaCoverage::default();
        for record in gazetteer.departement_records() {
            national.reference_communes += record.communes;
            national.reference_population += record.population;
            by_departement.insert(
                record.code.as_str().to_owned(),
                AreaCoverage {
                    name: Some(record.name.clone()),
                    region: Some(record.region.clone()),
                    reference_communes: record.communes,
                    reference_population: record.population,
                    ..AreaCoverage::default()
                },
            );
        }

        // Every commune covered, with the entry that covers it; then each commune once.
        let mut covered: Vec<(u64, &CommuneRecord, usize)> = Vec::new();
        let mut conventions_in_force = 0;
        let mut incomplete = Vec::new();
        for (index, entry) in self.entries().iter().enumerate() {
            let Some(convention) = entry.convention() else {
                continue;
            };
            if convention.status(date) != ConventionStatus::InForce {
                continue;
            }
            conventions_in_force += 1;
            let facts = Facts::of(convention, Some(gazetteer), true);
            if let Some(code) = &facts.departement {
                if let Some(a) = area(&mut by_departement, gazetteer, code) {
                    a.conventions_in_force += 1;
                }
            }
            let Some(territory) = facts.territory else {
                continue;
            };
            if !territory.is_complete() {
                incomplete.push(convention.id().to_owned());
            }
            covered.extend(
                territory
                    .communes
                    .values()
                    .map(|e| (e.key, e.record, index)),
            );
        }
        national.conventions_in_force = conventions_in_force;
        covered.sort_unstable_by_key(|&(key, _, index)| (key, index));

        let mut overlaps = Vec::new();
        // The communes come by code, so by département: sum each département's, then add it.
        let mut current: Option<(&DepartementCode, usize, u64)> = None;
        let mut flush = |current: Option<(&DepartementCode, usize, u64)>| {
            if let Some((code, communes, population)) = current {
                if let Some(a) = area(&mut by_departement, gazetteer, code) {
                    a.communes += communes;
                    a.population += population;
                }
            }
        };
        for run in covered.chunk_by(|a, b| a.0 == b.0) {
            let Some(&(_, record, _)) = run.first() else {
                continue;
            };
            let people = record.population.unwrap_or(0);
            national.communes += 1;
            national.population += people;
            match &mut current {
                Some((code, communes, population)) if *code == &record.departement => {
                    *communes += 1;
                    *population += people;
                }
                _ => flush(current.replace((&record.departement, 1, people))),
            }
            if run.len() > 1 {
                let entries = run.iter().filter_map(|&(_, _, i)| self.entries().get(i));
                overlaps.push(Overlap {
                    insee: record.insee.clone(),
                    name: record.name.clone(),
                    departement: record.departement.clone(),
                    population: record.population,
                    conventions: entries
                        .clone()
                        .filter_map(|e| Some(e.convention()?.id().to_owned()))
                        .collect(),
                    sources: entries.map(|e| e.source().to_owned()).collect(),
                });
            }
        }
        flush(current);
        national.finish();
        for a in by_departement.values_mut() {
            a.finish();
        }
        PortfolioCoverage {
            vintage: gazetteer.vintage().clone(),
            date,
            conventions_in_force,
            national,
            by_departement,
            overlaps,
            incomplete,
            decimals: 4,
            rounding: "half_away_from_zero",
        }
    }
}
