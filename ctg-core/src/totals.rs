//! Aggregation: exact totals of a convention's funding, and indicator progress.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::{Allocation, Amount, Convention, FacilityKind, Year};

/// The key under which allocations without a domain are counted in [`Totals::by_domain`].
///
/// ```
/// use ctg_core::{Convention, UNASSIGNED_DOMAIN};
/// // The sample's coordination allocation has no domain.
/// let totals = Convention::sample().totals().unwrap();
/// assert_eq!(totals.by_domain[UNASSIGNED_DOMAIN], totals.coordination);
/// assert_eq!(totals.by_domain[UNASSIGNED_DOMAIN].to_string(), "121539.00");
/// ```
pub const UNASSIGNED_DOMAIN: &str = "unassigned";

/// Exact totals of a convention's funding, computed from its allocations.
///
/// ```
/// let totals = ctg_core::Convention::sample().totals().unwrap();
/// assert_eq!(totals.total.to_string(), "725403.00");
/// assert_eq!(totals.coordination.to_string(), "121539.00");
/// assert_eq!(totals.coordination_share.unwrap().to_string(), "0.1675");
/// assert_eq!(totals.by_domain["petite_enfance"].to_string(), "403680.00");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Totals {
    /// The sum of every allocation.
    pub total: Amount,
    /// Per year of the period (every year present, zero when unfunded).
    pub by_year: BTreeMap<Year, Amount>,
    /// Per beneficiary id.
    pub by_beneficiary: BTreeMap<String, Amount>,
    /// Per beneficiary id, then per year: the funding table.
    pub by_beneficiary_year: BTreeMap<String, BTreeMap<Year, Amount>>,
    /// Per domain code ([`UNASSIGNED_DOMAIN`] for allocations without a domain).
    pub by_domain: BTreeMap<String, Amount>,
    /// Per facility kind.
    pub by_facility_kind: BTreeMap<FacilityKind, Amount>,
    /// The sum of the `coordination` allocations (the CTG coordination post).
    pub coordination: Amount,
    /// `coordination / total`, rounded half away from zero to 4 decimals; `None` when the total is 0.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub coordination_share: Option<Decimal>,
}

/// Adds an amount to a running total. In a validated convention no sum can exceed the grand
/// total, which validation has checked to fit in an [`Amount`]; saturating is therefore never
/// reached and keeps this path free of panics.
fn add(into: &mut Amount, amount: Amount) {
    *into = into.checked_add(amount).unwrap_or(Amount::MAX);
}

/// A running total in cents. Adding saturates; [`Amount::from_cents_saturating`] then caps it at
/// [`Amount::MAX`]: for amounts that are never negative this is what adding with [`add`] one
/// amount at a time gives.
fn add_cents(into: &mut u64, cents: u64) {
    *into = into.saturating_add(cents);
}

/// A map of entries given in increasing order of their keys: a few are inserted one by one (no
/// temporary list), many are built in one go — natively: the WebAssembly module always inserts,
/// sparing it the code of building each kind of map in bulk (a sort and a bulk build per type).
fn ascending<K: Ord, V>(entries: impl Iterator<Item = (K, V)>) -> BTreeMap<K, V> {
    if !cfg!(target_arch = "wasm32") && entries.size_hint().0 > 32 {
        return entries.collect();
    }
    let mut map = BTreeMap::new();
    for (key, value) in entries {
        map.insert(key, value);
    }
    map
}

impl Convention {
    /// Exact totals by year, beneficiary, domain and facility kind, and the coordination share;
    /// `None` when the convention has no funding section (absent is not zero: a funding section
    /// with no allocation gives totals of zero).
    ///
    /// ```
    /// use ctg_core::{Convention, FacilityKind};
    /// let totals = Convention::sample().totals().unwrap();
    /// assert_eq!(totals.by_year[&2024].to_string(), "241801.00");
    /// assert_eq!(totals.by_beneficiary["la-petite-loco"].to_string(), "122400.00");
    /// assert_eq!(totals.by_beneficiary_year["la-petite-loco"][&2025].to_string(), "40800.00");
    /// assert_eq!(totals.by_facility_kind[&FacilityKind::Alsh].to_string(), "140553.00");
    ///
    /// let mut doc = Convention::sample().to_value();
    /// doc.as_object_mut().unwrap().remove("funding");
    /// assert!(Convention::from_value(&doc).unwrap().totals().is_none());
    /// ```
    pub fn totals(&self) -> Option<Totals> {
        let funding = self.funding.as_ref()?;
        let period = self.period;
        // One pass over the allocations, summing in cents; the maps of the result are built at
        // the end, from sorted keys, with one `String` per beneficiary and domain.
        let mut in_period = vec![0u64; period.years().count()];
        let mut other_years: BTreeMap<Year, u64> = BTreeMap::new();
        let mut total = 0u64;
        let mut coordination = 0u64;
        let mut domains: BTreeMap<&str, u64> = BTreeMap::new();
        let mut kinds: BTreeMap<FacilityKind, u64> = BTreeMap::new();
        // The allocations with amounts, by beneficiary (in document order for each).
        let mut funded: Vec<&Allocation> = Vec::with_capacity(funding.allocations.len());
        for allocation in &funding.allocations {
            if allocation.amounts.is_empty() {
                continue;
            }
            funded.push(allocation);
            let mut sum = 0u64;
            for (&year, &amount) in &allocation.amounts {
                add_cents(&mut sum, amount.cents());
                let slot = usize::try_from(year.wrapping_sub(period.first_year()))
                    .ok()
                    .and_then(|i| in_period.get_mut(i));
                match slot {
                    Some(cents) => add_cents(cents, amount.cents()),
                    None => add_cents(other_years.entry(year).or_default(), amount.cents()),
                }
            }
            add_cents(&mut total, sum);
            let domain = allocation
                .domain
                .as_ref()
                .map_or(UNASSIGNED_DOMAIN, |d| d.code());
            add_cents(domains.entry(domain).or_default(), sum);
            add_cents(kinds.entry(allocation.facility_kind).or_default(), sum);
            if allocation.facility_kind == FacilityKind::Coordination {
                add_cents(&mut coordination, sum);
            }
        }
        // The order within a beneficiary does not matter: its sums are of amounts that are never
        // negative, saturating at the maximum, the same in any order.
        crate::sorting::sort_by(&mut funded, |a, b| a.beneficiary.cmp(&b.beneficiary));
        let mut by_beneficiary = Vec::new();
        let mut by_beneficiary_year = Vec::new();
        for group in funded.chunk_by(|a, b| a.beneficiary == b.beneficiary) {
            let Some(first) = group.first() else {
                continue;
            };
            let mut years: BTreeMap<Year, Amount> = first.amounts.clone();
            for allocation in group.iter().skip(1) {
                for (&year, &amount) in &allocation.amounts {
                    add(years.entry(year).or_default(), amount);
                }
            }
            let cents = years
                .values()
                .fold(0u64, |sum, amount| sum.saturating_add(amount.cents()));
            let id = first.beneficiary.as_str();
            by_beneficiary.push((id.to_owned(), Amount::from_cents_saturating(cents)));
            by_beneficiary_year.push((id.to_owned(), years));
        }
        let mut by_year: BTreeMap<Year, Amount> = ascending(
            period
                .years()
                .zip(&in_period)
                .map(|(year, &cents)| (year, Amount::from_cents_saturating(cents))),
        );
        for (year, cents) in other_years {
            by_year.insert(year, Amount::from_cents_saturating(cents));
        }
        let total = Amount::from_cents_saturating(total);
        let coordination = Amount::from_cents_saturating(coordination);
        Some(Totals {
            total,
            by_year,
            by_beneficiary: ascending(by_beneficiary.into_iter()),
            by_beneficiary_year: ascending(by_beneficiary_year.into_iter()),
            by_domain: ascending(
                domains.into_iter().map(|(domain, cents)| {
                    (domain.to_owned(), Amount::from_cents_saturating(cents))
                }),
            ),
            by_facility_kind: ascending(
                kinds
                    .into_iter()
                    .map(|(kind, cents)| (kind, Amount::from_cents_saturating(cents))),
            ),
            coordination,
            coordination_share: coordination.share_of(total),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The totals as the sum of the funding's rows, one amount at a time.
    fn by_rows(conv: &Convention) -> Option<Totals> {
        let funding = conv.funding()?;
        let mut totals = Totals {
            by_year: conv.period().years().map(|y| (y, Amount::ZERO)).collect(),
            ..Totals::default()
        };
        for row in funding.rows() {
            add(&mut totals.total, row.amount);
            add(totals.by_year.entry(row.year).or_default(), row.amount);
            let id = row.beneficiary_id.to_owned();
            add(
                totals.by_beneficiary.entry(id.clone()).or_default(),
                row.amount,
            );
            add(
                totals
                    .by_beneficiary_year
                    .entry(id)
                    .or_default()
                    .entry(row.year)
                    .or_default(),
                row.amount,
            );
            let domain = row.domain.map_or(UNASSIGNED_DOMAIN, |d| d.code());
            add(
                totals.by_domain.entry(domain.to_owned()).or_default(),
                row.amount,
            );
            add(
                totals
                    .by_facility_kind
                    .entry(row.facility_kind)
                    .or_default(),
                row.amount,
            );
            if row.facility_kind == FacilityKind::Coordination {
                add(&mut totals.coordination, row.amount);
            }
        }
        totals.coordination_share = totals.coordination.share_of(totals.total);
        Some(totals)
    }

    #[test]
    fn totals_are_the_sums_of_the_rows() {
        let mut conventions = vec![Convention::sample()];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let vector: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                if let Ok(conv) = crate::validate_value(&vector["input"]).into_result() {
                    conventions.push(conv);
                }
            }
        }
        assert!(conventions.len() > 10);
        // Every year of a funded sample beyond the grand maximum: sums saturate the same way.
        let mut huge = Convention::sample();
        if let Some(funding) = huge.funding.as_mut() {
            for allocation in &mut funding.allocations {
                for amount in allocation.amounts.values_mut() {
                    *amount = Amount::MAX;
                }
            }
            funding.allocations[0].amounts.clear();
        }
        conventions.push(huge);
        // Years outside the period (not in a validated convention, but totals do not care).
        let mut outside = Convention::sample();
        if let Some(funding) = outside.funding.as_mut() {
            let amounts = &mut funding.allocations[1].amounts;
            amounts.insert(2019, Amount::from_euros(5).unwrap());
            amounts.insert(2031, Amount::from_euros(7).unwrap());
            funding.allocations[2].amounts.insert(2031, Amount::MAX);
        }
        conventions.push(outside);
        for conv in &conventions {
            assert_eq!(conv.totals(), by_rows(conv), "{}", conv.id());
        }
    }
}
