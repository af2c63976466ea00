//! Aggregation: exact totals of a convention's funding, and indicator progress.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::{Amount, Convention, FacilityKind, Year};

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
        let mut totals = Totals {
            by_year: self.period.years().map(|y| (y, Amount::ZERO)).collect(),
            ..Totals::default()
        };
        for row in funding.rows() {
            add(&mut totals.total, row.amount);
            add(totals.by_year.entry(row.year).or_default(), row.amount);
            add(
                totals
                    .by_beneficiary
                    .entry(row.beneficiary_id.to_owned())
                    .or_default(),
                row.amount,
            );
            add(
                totals
                    .by_beneficiary_year
                    .entry(row.beneficiary_id.to_owned())
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
}
