//! Amendments (*avenants*) to a signed convention.

use chrono::NaiveDate;
use serde::Serialize;

use crate::Change;

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
    /// What it changes, in words.
    pub(crate) summary: String,
    /// What it changes, as data: applied in order to the text and the amendments before it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) changes: Vec<crate::Change>,
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

    /// What it changes, as data: each [`Change`] with its *before* and *after*, applied in
    /// order (see [`Convention::as_of`](crate::Convention::as_of)). Empty for an amendment known
    /// only by its summary.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["amendments"] = serde_json::json!([{"number": 1, "date": "2024-03-12", "summary": "Parentalité",
    ///     "changes": [{"kind": "domain", "after": "parentalite"}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// assert_eq!(conv.amendments()[0].changes().len(), 1);
    /// ```
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// An amendment with its number, date and summary, and no change yet.
    ///
    /// ```
    /// use ctg_core::{Amendment, Change, ThematicDomain};
    /// let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
    /// let amendment = Amendment::new(1, date, "Parentalité")
    ///     .with_change(Change::Domain { before: None, after: Some(ThematicDomain::Parentalite) });
    /// assert_eq!(amendment.changes().len(), 1);
    /// ```
    pub fn new(number: u32, date: NaiveDate, summary: impl Into<String>) -> Amendment {
        Amendment {
            number,
            date,
            summary: crate::text::tidy(summary),
            changes: Vec::new(),
        }
    }

    /// The same amendment with one more change.
    ///
    /// ```
    /// use ctg_core::{Amendment, Change, ThematicDomain};
    /// let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
    /// let add = Change::Domain { before: None, after: Some(ThematicDomain::Sante) };
    /// assert_eq!(Amendment::new(1, date, "Santé").with_change(add.clone()).changes(), [add]);
    /// ```
    pub fn with_change(mut self, change: Change) -> Amendment {
        self.changes.push(change);
        self
    }

    /// The amendment that undoes this one: the inverse of each change, in reverse order.
    ///
    /// ```
    /// use ctg_core::{Amendment, Change, ThematicDomain};
    /// let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
    /// let add = Change::Domain { before: None, after: Some(ThematicDomain::Sante) };
    /// let amendment = Amendment::new(1, date, "Santé").with_change(add.clone());
    /// assert_eq!(amendment.inverse().changes(), [add.inverse()]);
    /// ```
    pub fn inverse(&self) -> Amendment {
        Amendment {
            number: self.number,
            date: self.date,
            summary: self.summary.clone(),
            changes: self.changes.iter().rev().map(Change::inverse).collect(),
        }
    }
}
