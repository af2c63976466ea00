//! Amendments (*avenants*) to a signed convention.

use chrono::NaiveDate;
use serde::Serialize;

/// An amendment (*avenant*) that changes a signed convention.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// assert!(conv.amendments().iter().all(|a| a.number >= 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Amendment {
    /// Number, unique in the convention.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub number: u32,
    /// Date of the amendment.
    pub date: NaiveDate,
    /// What it changes.
    pub summary: String,
}
