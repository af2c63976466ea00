//! Exact totals across the conventions of a portfolio.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::rows::{envelope, Facts};
use super::{Portfolio, Verdict};
use crate::{Amount, FacilityKind, Gazetteer, Year, UNASSIGNED_DOMAIN};

/// The key under which [`PortfolioTotals`] counts the conventions whose département, région or
/// EPCI is not known: `"unassigned"` (as [`UNASSIGNED_DOMAIN`] for allocations without a domain).
/// So each grouping adds up to the total.
///
/// ```
/// use ctg_core::{Convention, Portfolio, Validator};
/// let sample = Convention::sample().to_json();
/// let p = Portfolio::validate(&Validator::new(), [("a", sample.as_str())]);
/// // Without the geography, the région is not known.
/// assert!(p.totals(None).by_region.contains_key(ctg_core::portfolio::UNASSIGNED));
/// ```
pub const UNASSIGNED: &str = "unassigned";

/// The funding of the valid conventions of a portfolio, summed exactly: in all, by year,
/// domain, facility kind, and by département, région and EPCI with the count of conventions.
///
/// Only valid conventions with a funding section are summed; [`Excluded`] says how many
/// documents were left out, and why. Each grouping — years, domains, facility kinds,
/// départements, régions, EPCI — adds up to [`total`](Self::total): a convention whose
/// département, région or EPCI is unknown is counted under [`UNASSIGNED`]. The years are every
/// year of the summed conventions' periods (zero when unfunded), as in [`crate::Totals`]; so each
/// figure is the sum of the conventions' own [`crate::Convention::totals`].
///
/// ```
/// use ctg_core::{Convention, Portfolio, Validator};
/// let sample = Convention::sample().to_json();
/// let p = Portfolio::validate(&Validator::new(), [("a", sample.as_str()), ("b", sample.as_str()), ("c", "{}")]);
/// let totals = p.totals(None);
/// assert_eq!(totals.conventions, 2);
/// assert_eq!(totals.total.to_string(), "1450806.00"); // 2 × 725 403 €
/// assert_eq!(totals.by_year[&2024].to_string(), "483602.00");
/// assert_eq!(totals.by_departement["81"].conventions, 2);
/// assert_eq!(totals.by_epci["248100745"].name.as_deref(), Some("CC Thoré Montagne Noire"));
/// assert_eq!(totals.excluded.invalid, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PortfolioTotals {
    /// The conventions summed: valid, with a funding section.
    pub conventions: usize,
    /// The documents left out.
    pub excluded: Excluded,
    /// The sum of every allocation of every convention summed.
    pub total: Amount,
    /// Per year.
    pub by_year: BTreeMap<Year, Amount>,
    /// Per domain code ([`UNASSIGNED_DOMAIN`] for allocations without a domain).
    pub by_domain: BTreeMap<String, Amount>,
    /// Per facility kind.
    pub by_facility_kind: BTreeMap<FacilityKind, Amount>,
    /// The sum of the `coordination` allocations.
    pub coordination: Amount,
    /// `coordination / total`, rounded half away from zero to 4 decimals; `None` when the total
    /// is 0.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub coordination_share: Option<Decimal>,
    /// Per département code ([`UNASSIGNED`] when unknown).
    pub by_departement: BTreeMap<String, GroupTotals>,
    /// Per région code (with a geography; [`UNASSIGNED`] otherwise).
    pub by_region: BTreeMap<String, GroupTotals>,
    /// Per SIREN of the signing EPCI ([`UNASSIGNED`] for conventions without one).
    pub by_epci: BTreeMap<String, GroupTotals>,
}

/// The documents of a portfolio left out of its totals.
///
/// ```
/// let excluded = ctg_core::portfolio::Excluded::default();
/// assert_eq!(excluded.invalid + excluded.unreadable + excluded.without_funding, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Excluded {
    /// Invalid documents: their figures cannot be trusted.
    pub invalid: usize,
    /// Unreadable documents.
    pub unreadable: usize,
    /// Valid conventions without a funding section (absent is not zero).
    pub without_funding: usize,
    /// The sources of valid conventions that would take a sum past the largest amount
    /// (999 999 999 999,99 €): never with real portfolios; left out rather than summed wrong.
    pub overflow: Vec<String>,
}

/// The conventions of a département, a région or an EPCI, and their funding.
///
/// ```
/// use ctg_core::{Convention, Portfolio, Validator};
/// let sample = Convention::sample().to_json();
/// let geo = ctg_geo::Geography::embedded()?;
/// let p = Portfolio::validate(&Validator::new(), [("a", sample.as_str())]);
/// let occitanie = &p.totals(Some(geo)).by_region["76"];
/// assert_eq!(occitanie.name.as_deref(), Some("Occitanie"));
/// assert_eq!((occitanie.conventions, occitanie.total.to_string()), (1, "725403.00".into()));
/// assert_eq!(occitanie.by_year.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GroupTotals {
    /// Its name: the département's or région's in the geography, the EPCI party's.
    pub name: Option<String>,
    /// The conventions summed.
    pub conventions: usize,
    /// Their funding.
    pub total: Amount,
    /// Their funding per year.
    pub by_year: BTreeMap<Year, Amount>,
}

/// Adds an amount that is known to fit: every sum here is at most the portfolio's total, which
/// was checked to fit before anything of a convention was added.
fn add(into: &mut Amount, amount: Amount) {
    *into = into.checked_add(amount).unwrap_or(Amount::MAX);
}

impl GroupTotals {
    fn add(&mut self, years: &BTreeMap<Year, Amount>, total: Amount) {
        self.conventions += 1;
        add(&mut self.total, total);
        for (&year, &amount) in years {
            add(self.by_year.entry(year).or_default(), amount);
        }
    }
}

/// The group of `key` ([`UNASSIGNED`] when `None`), made when it is not there yet.
fn group<'m>(
    map: &'m mut BTreeMap<String, GroupTotals>,
    key: Option<&str>,
) -> Option<&'m mut GroupTotals> {
    let key = key.unwrap_or(UNASSIGNED);
    if !map.contains_key(key) {
        map.insert(key.to_owned(), GroupTotals::default());
    }
    map.get_mut(key)
}

impl Portfolio {
    /// The totals of the portfolio's valid conventions with funding ([`PortfolioTotals`]); the
    /// geography, when given, names the départements and places them in their régions.
    ///
    /// ```
    /// use ctg_core::{Convention, FacilityKind, Portfolio, Validator};
    /// let sample = Convention::sample().to_json();
    /// let p = Portfolio::validate(&Validator::new(), [("a", sample.as_str())]);
    /// let totals = p.totals(None);
    /// let own = Convention::sample().totals().unwrap();
    /// assert_eq!(totals.total, own.total);
    /// assert_eq!(totals.by_year, own.by_year);
    /// assert_eq!(totals.by_facility_kind[&FacilityKind::Eaje], own.by_facility_kind[&FacilityKind::Eaje]);
    /// assert_eq!(totals.coordination_share, own.coordination_share);
    /// ```
    pub fn totals(&self, gazetteer: Option<&dyn Gazetteer>) -> PortfolioTotals {
        let mut totals = PortfolioTotals::default();
        let mut by_domain: BTreeMap<&str, Amount> = BTreeMap::new();
        let mut years: BTreeMap<Year, Amount> = BTreeMap::new();
        for entry in self.entries() {
            let convention = match (entry.verdict(), entry.convention()) {
                (_, Some(convention)) => convention,
                (Verdict::Unreadable, None) => {
                    totals.excluded.unreadable += 1;
                    continue;
                }
                (_, None) => {
                    totals.excluded.invalid += 1;
                    continue;
                }
            };
            let (Some(funding), Some(whole)) = (convention.funding(), envelope(convention)) else {
                totals.excluded.without_funding += 1;
                continue;
            };
            let Some(sum) = totals.total.checked_add(whole) else {
                totals.excluded.overflow.push(entry.source().to_owned());
                continue;
            };
            totals.total = sum;
            totals.conventions += 1;
            years.clear();
            for year in convention.years() {
                years.insert(year, Amount::ZERO);
            }
            for allocation in funding.allocations() {
                if allocation.amounts().is_empty() {
                    // As in a convention's own totals: a line without amounts adds no key.
                    continue;
                }
                // The line's years, then its sum once into its domain and facility kind: one
                // lookup per line there instead of one per year (exact sums: the same figures).
                let mut line = Amount::ZERO;
                for (&year, &amount) in allocation.amounts() {
                    add(years.entry(year).or_default(), amount);
                    add(&mut line, amount);
                }
                let domain = allocation.domain().map_or(UNASSIGNED_DOMAIN, |d| d.code());
                let kind = allocation.facility_kind();
                add(by_domain.entry(domain).or_default(), line);
                add(totals.by_facility_kind.entry(kind).or_default(), line);
                if kind == FacilityKind::Coordination {
                    add(&mut totals.coordination, line);
                }
            }
            for (&year, &amount) in &years {
                add(totals.by_year.entry(year).or_default(), amount);
            }
            let facts = Facts::of(convention, gazetteer, false);
            let departement = facts.departement.as_ref();
            if let Some(g) = group(&mut totals.by_departement, departement.map(|d| d.as_str())) {
                if g.name.is_none() {
                    g.name = gazetteer
                        .zip(departement)
                        .and_then(|(z, d)| z.departement_record(d))
                        .map(|r| r.name.clone());
                }
                g.add(&years, whole);
            }
            let region = gazetteer
                .zip(departement)
                .and_then(|(z, d)| z.departement_record(d))
                .map(|r| r.region.as_str());
            if let Some(g) = group(&mut totals.by_region, region) {
                if g.name.is_none() {
                    g.name = gazetteer
                        .zip(region)
                        .and_then(|(z, r)| z.region_name(r))
                        .map(str::to_owned);
                }
                g.add(&years, whole);
            }
            let epci = facts.epci.filter(|p| p.siren().is_some());
            if let Some(g) = group(
                &mut totals.by_epci,
                epci.and_then(|p| p.siren()).map(|s| s.as_str()),
            ) {
                if g.name.is_none() {
                    g.name = epci.map(|p| p.name().to_owned());
                }
                g.add(&years, whole);
            }
        }
        totals.by_domain = by_domain
            .into_iter()
            .map(|(domain, amount)| (domain.to_owned(), amount))
            .collect();
        totals.coordination_share = totals.coordination.share_of(totals.total);
        totals
    }
}

#[cfg(test)]
mod tests {
    use crate::{Convention, FacilityKind, Portfolio, Validator};

    #[test]
    fn a_line_without_amounts_adds_no_key_as_in_the_conventions_own_totals() {
        let mut doc: serde_json::Value =
            serde_json::from_str(&Convention::sample().to_json()).expect("the sample is JSON");
        let line = serde_json::json!({
            "beneficiary": "cc-thore-montagne-noire",
            "facility_kind": "laep",
            "domain": "parentalite",
            "amounts": {}
        });
        if let Some(lines) = doc["funding"]["allocations"].as_array_mut() {
            lines.push(line);
        }
        let text = doc.to_string();
        let p = Portfolio::validate(&Validator::new(), [("a", text.as_str())]);
        let own = p.valid().next().and_then(|(_, c)| c.totals());
        let totals = p.totals(None);
        let own = own.expect("the document is valid, with funding");
        assert!(!own.by_facility_kind.contains_key(&FacilityKind::Laep));
        assert_eq!(totals.by_facility_kind, own.by_facility_kind);
        assert_eq!(totals.by_domain.len(), own.by_domain.len());
        for (domain, amount) in &own.by_domain {
            assert_eq!(
                totals.by_domain.get(domain.as_str()),
                Some(amount),
                "{domain}"
            );
        }
    }
}
