//! Stakes (*enjeux*) and strategic objectives drawn from the diagnostic.

use serde::Serialize;

/// A stake (*enjeu*) that came out of the shared diagnostic.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// assert!(conv.stakes().iter().any(|s| s.title.contains("vieillissement")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Stake {
    /// Unique among stakes.
    pub id: String,
    /// The stake as written.
    pub title: String,
}

/// A strategic objective, answering one or more stakes; action sheets point at objectives.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let objective = &conv.objectives()[0];
/// assert!(!objective.title.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Objective {
    /// Unique among objectives.
    pub id: String,
    /// The objective as written.
    pub title: String,
    /// Ids of the stakes it answers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub stakes: Vec<String>,
}
