//! How serious an issue is.

use serde::Serialize;

/// How serious an issue is: an error makes the document invalid; a warning flags what is
/// plausible but unusual; an information says something worth knowing (a commune that signs
/// without being a member of the EPCI, a report that was cut short). Only errors block.
///
/// ```
/// use ctg_core::Severity;
/// assert_eq!(Severity::Error.as_str(), "error");
/// assert_eq!("warning".parse(), Ok(Severity::Warning));
/// assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, never blocking.
    Info,
    /// Plausible but unusual: reported, never blocking.
    Warning,
    /// The document cannot become a `Convention`.
    Error,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
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
            Severity::Info => "info",
        }
    }

    /// The word in `lang` (`"erreur"`, `"avertissement"`, `"information"`).
    ///
    /// ```
    /// use ctg_core::{Lang, Severity};
    /// assert_eq!(Severity::Warning.label(Lang::Fr), "avertissement");
    /// ```
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, crate::Lang::Fr) => "erreur",
            (Severity::Warning, crate::Lang::Fr) => "avertissement",
            (Severity::Info, crate::Lang::Fr) => "information",
            (Severity::Error, crate::Lang::En) => "error",
            (Severity::Warning, crate::Lang::En) => "warning",
            (Severity::Info, crate::Lang::En) => "info",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = crate::ParseError;

    fn from_str(s: &str) -> Result<Severity, crate::ParseError> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            other => Err(crate::ParseError::new(
                crate::IssueCode::ValueUnknown,
                crate::Params::new()
                    .with("value", crate::text::shorten(other))
                    .with("accepted", "error, warning, info"),
            )),
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
