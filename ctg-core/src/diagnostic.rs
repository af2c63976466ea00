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

impl Default for Diagnostic {
    /// [`Diagnostic::new`].
    fn default() -> Diagnostic {
        Diagnostic::new()
    }
}

/// Building a [`Diagnostic`] in code.
impl Diagnostic {
    /// A diagnostic with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Diagnostic::new();
    /// let _ = p;
    /// ```
    pub fn new() -> Diagnostic {
        Diagnostic {
            start_date: Default::default(),
            end_date: Default::default(),
            author: Default::default(),
            sources: Default::default(),
        }
    }

    /// The same diagnostic with its `start_date` set.
    ///
    /// ```
    /// let p = ctg_core::Diagnostic::new().with_start_date(chrono::NaiveDate::from_ymd_opt(2021, 9, 1).unwrap());
    /// assert_eq!(p.start_date().unwrap().to_string(), "2021-09-01");
    /// ```
    pub fn with_start_date(mut self, value: NaiveDate) -> Diagnostic {
        self.start_date = Some(value);
        self
    }

    /// The same diagnostic with its `end_date` set.
    ///
    /// ```
    /// let p = ctg_core::Diagnostic::new().with_end_date(chrono::NaiveDate::from_ymd_opt(2022, 7, 31).unwrap());
    /// assert_eq!(p.end_date().unwrap().to_string(), "2022-07-31");
    /// ```
    pub fn with_end_date(mut self, value: NaiveDate) -> Diagnostic {
        self.end_date = Some(value);
        self
    }

    /// The same diagnostic with its `author` set.
    ///
    /// ```
    /// let p = ctg_core::Diagnostic::new().with_author("Caf de Maine-et-Loire");
    /// assert_eq!(p.author(), Some("Caf de Maine-et-Loire"));
    /// ```
    pub fn with_author(mut self, value: impl Into<String>) -> Diagnostic {
        self.author = Some(crate::text::tidy(value));
        self
    }

    /// The same diagnostic with its `sources` set.
    ///
    /// ```
    /// let p = ctg_core::Diagnostic::new().with_sources(["données Caf", "Insee"]);
    /// assert_eq!(p.sources(), ["données Caf", "Insee"]);
    /// ```
    pub fn with_sources(
        mut self,
        value: impl IntoIterator<Item = impl Into<String>>,
    ) -> Diagnostic {
        self.sources = value.into_iter().map(crate::text::tidy).collect();
        self
    }
}
