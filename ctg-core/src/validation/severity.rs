//! How serious an issue is.

use serde::Serialize;

/// How serious a validation issue is: an error makes the document invalid, a warning does not.
///
/// ```
/// use ctg_core::Severity;
/// assert_eq!(Severity::Error.as_str(), "error");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document cannot become a `Convention`.
    Error,
    /// Plausible but unusual: reported, never blocking.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    ///
    /// ```
    /// use ctg_core::Severity;
    /// assert_eq!(Severity::Warning.as_str(), "warning");
    /// let report = ctg_core::validate_str("[]").into_report();
    /// assert_eq!(report.issues()[0].severity.as_str(), "error");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
