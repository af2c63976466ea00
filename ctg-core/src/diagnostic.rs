//! The shared diagnostic (*diagnostic partagé*) a convention is based on.

use chrono::NaiveDate;
use serde::Serialize;

/// The shared diagnostic: when it was made, by whom, from which sources.
///
/// ```
/// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"),
///     "/../tests/fixtures/saumur-loire-developpement-2023-2027.json")).unwrap();
/// let conv = ctg_core::Convention::from_json_str(&json).unwrap();
/// let diagnostic = conv.diagnostic().unwrap();
/// assert_eq!(diagnostic.start_date.unwrap().to_string(), "2021-09-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// When the diagnostic started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// When the diagnostic ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// Who made it (a consultancy, the Caf…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Data used (Caf data, Insee, meetings…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub sources: Vec<String>,
}
