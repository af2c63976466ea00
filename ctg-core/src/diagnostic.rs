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
/// assert_eq!(diagnostic.start_date().unwrap().to_string(), "2021-09-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// When the diagnostic started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) start_date: Option<NaiveDate>,
    /// When the diagnostic ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) end_date: Option<NaiveDate>,
    /// Who made it (a consultancy, the Caf…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) author: Option<String>,
    /// Data used (Caf data, Insee, meetings…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) sources: Vec<String>,
}

impl Diagnostic {
    /// When the diagnostic started.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["diagnostic"] = serde_json::json!({"start_date": "2021-09-01", "end_date": "2022-07-31", "author": "Caf", "sources": ["Insee"]});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let diagnostic = conv.diagnostic().unwrap();
    /// assert_eq!(diagnostic.start_date().map(|d| d.to_string()).as_deref(), Some("2021-09-01"));
    /// ```
    pub fn start_date(&self) -> Option<NaiveDate> {
        self.start_date
    }

    /// When the diagnostic ended.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["diagnostic"] = serde_json::json!({"start_date": "2021-09-01", "end_date": "2022-07-31", "author": "Caf", "sources": ["Insee"]});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let diagnostic = conv.diagnostic().unwrap();
    /// assert_eq!(diagnostic.end_date().map(|d| d.to_string()).as_deref(), Some("2022-07-31"));
    /// ```
    pub fn end_date(&self) -> Option<NaiveDate> {
        self.end_date
    }

    /// Who made it (a consultancy, the Caf…).
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["diagnostic"] = serde_json::json!({"start_date": "2021-09-01", "end_date": "2022-07-31", "author": "Caf", "sources": ["Insee"]});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let diagnostic = conv.diagnostic().unwrap();
    /// assert_eq!(diagnostic.author(), Some("Caf"));
    /// ```
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// Data used (Caf data, Insee, meetings…).
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["diagnostic"] = serde_json::json!({"start_date": "2021-09-01", "end_date": "2022-07-31", "author": "Caf", "sources": ["Insee"]});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let diagnostic = conv.diagnostic().unwrap();
    /// assert_eq!(diagnostic.sources(), ["Insee"]);
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
}
