//! Amendments (*avenants*) to a signed convention.

use chrono::NaiveDate;
use serde::Serialize;

/// An amendment (*avenant*) that changes a signed convention.
///
/// ```
/// use ctg_core::Convention;
/// let mut doc = Convention::sample().to_value();
/// doc["amendments"] = serde_json::json!([{"number": 1, "date": "2022-10-01", "summary": "RPE"}]);
/// let report = Convention::from_value(&doc).unwrap_err(); // signed 2022-11-30
/// assert_eq!(report.issues()[0].code.as_str(), "amendment.before_signature");
/// doc["amendments"][0]["date"] = "2024-03-12".into();
/// assert_eq!(Convention::from_value(&doc).unwrap().amendments()[0].number(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Amendment {
    /// Number, unique in the convention.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub(crate) number: u32,
    /// Date of the amendment.
    pub(crate) date: NaiveDate,
    /// What it changes.
    pub(crate) summary: String,
}

impl Amendment {
    /// Number, unique in the convention.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["amendments"] = serde_json::json!([{"number": 1, "date": "12/03/2024", "summary": "RPE"}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let amendment = &conv.amendments()[0];
    /// assert_eq!(amendment.number(), 1);
    /// ```
    pub fn number(&self) -> u32 {
        self.number
    }

    /// Date of the amendment.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["amendments"] = serde_json::json!([{"number": 1, "date": "12/03/2024", "summary": "RPE"}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let amendment = &conv.amendments()[0];
    /// assert_eq!(amendment.date().to_string(), "2024-03-12");
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// What it changes.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["amendments"] = serde_json::json!([{"number": 1, "date": "12/03/2024", "summary": "RPE"}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let amendment = &conv.amendments()[0];
    /// assert_eq!(amendment.summary(), "RPE");
    /// ```
    pub fn summary(&self) -> &str {
        &self.summary
    }
}
