//! A portfolio's summary at a date: counts, statuses, what expires, totals and coverage.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Portfolio, PortfolioCoverage, PortfolioTotals};
use crate::{ConventionStatus, Gazetteer};

/// How many documents a portfolio holds, and how many are valid, invalid, unreadable
/// ([`Portfolio::counts`]).
///
/// ```
/// let counts = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}\nx").counts();
/// assert_eq!(counts.documents, 2);
/// assert_eq!(counts.not_valid(), 2);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Counts {
    /// Every document.
    pub documents: usize,
    /// Valid (warnings allowed).
    pub valid: usize,
    /// Read, with errors.
    pub invalid: usize,
    /// Not read at all (not JSON, too large, a file that cannot be read).
    pub unreadable: usize,
}

impl Counts {
    /// The documents that are not valid: invalid or unreadable (what the `ctg` command's exit
    /// status counts).
    ///
    /// ```
    /// let counts = ctg_core::portfolio::Counts::default();
    /// assert_eq!(counts.not_valid(), 0);
    /// ```
    pub fn not_valid(&self) -> usize {
        self.invalid + self.unreadable
    }
}

/// Everything a Caf or the Cnaf looks at first in a portfolio, at a date: the documents and
/// their verdicts, the valid conventions by status, those in force that expire during the
/// date's year, the totals and, with a geography, the coverage. The `ctg report DIR` command
/// prints its [`to_text`](Self::to_text); its `--json` is this, serialised.
///
/// ```
/// use ctg_core::{Convention, NaiveDate, Portfolio, Validator, ConventionStatus};
/// let sample = Convention::sample().to_json();
/// let p = Portfolio::validate(&Validator::new(), [("a", sample.as_str()), ("b", "{}")]);
/// let summary = p.summary(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(), None);
/// assert_eq!(summary.counts.valid, 1);
/// assert_eq!(summary.by_status[&ConventionStatus::InForce], 1);
/// assert_eq!(summary.expiring, [Convention::sample().id()]); // ends on 31/12/2025
/// assert!(summary.coverage.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PortfolioSummary {
    /// The day it is judged on.
    pub date: NaiveDate,
    /// The documents and their verdicts.
    pub counts: Counts,
    /// The valid conventions by status at the date (every status, zero included).
    pub by_status: BTreeMap<ConventionStatus, usize>,
    /// The ids of the conventions in force at the date that end during its year (their period's
    /// last year, or a termination dated that year).
    pub expiring: Vec<String>,
    /// The totals of the valid conventions.
    pub totals: PortfolioTotals,
    /// What the conventions in force cover, with a geography.
    pub coverage: Option<PortfolioCoverage>,
}

impl Portfolio {
    /// The summary of the portfolio at `date` ([`PortfolioSummary`]), with the coverage when a
    /// geography is given.
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate, Portfolio, Validator};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let p = Portfolio::validate(&Validator::new(), [("a", Convention::sample().to_json())]);
    /// let summary = p.summary(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(), Some(geo));
    /// assert_eq!(summary.coverage.unwrap().national.communes, 11);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self, date: NaiveDate, gazetteer: Option<&dyn Gazetteer>) -> PortfolioSummary {
        let mut by_status: BTreeMap<ConventionStatus, usize> =
            ConventionStatus::ALL.iter().map(|&s| (s, 0)).collect();
        let mut expiring = Vec::new();
        for (_, convention) in self.valid() {
            let status = convention.status(date);
            *by_status.entry(status).or_default() += 1;
            if status == ConventionStatus::InForce && convention.end_date().year() == date.year() {
                expiring.push(convention.id().to_owned());
            }
        }
        PortfolioSummary {
            date,
            counts: self.counts(),
            by_status,
            expiring,
            totals: self.totals(gazetteer),
            coverage: gazetteer.map(|g| self.coverage(g, date)),
        }
    }
}
