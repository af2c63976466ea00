//! The outcome of validation: every issue, and the convention when there is no error.

use serde::Serialize;

use crate::{Convention, Issue, Lang};

/// Every issue validation found, errors and warnings, in document order.
///
/// ```
/// let report = ctg_core::validate_str("not json").into_report();
/// assert!(!report.is_valid());
/// assert_eq!(report.errors().count(), 1);
/// assert_eq!(report.issues()[0].code.as_str(), "json.syntax");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    issues: Vec<Issue>,
}

impl Report {
    pub(crate) fn new(issues: Vec<Issue>) -> Report {
        Report { issues }
    }

    /// Every issue.
    ///
    /// ```
    /// let report = ctg_core::validate_str(r#"{"format_version": 1}"#).into_report();
    /// let paths: Vec<String> = report.issues().iter().map(|i| i.path.to_string()).collect();
    /// assert_eq!(paths[..3], ["id", "title", "period"]); // in document order
    /// assert!(report.issues().iter().all(|i| i.code.as_str() == "field.missing"));
    /// ```
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Consumes the report into its issues.
    ///
    /// ```
    /// let issues: Vec<ctg_core::Issue> = ctg_core::validate_str("not json").into_report().into_issues();
    /// assert_eq!(issues.len(), 1);
    /// assert_eq!(issues[0].code.as_str(), "json.syntax");
    /// ```
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }

    /// The errors.
    ///
    /// ```
    /// let report = ctg_core::validate_str(r#"{"format_version": 1, "colour": "bleu"}"#).into_report();
    /// assert_eq!(report.errors().count(), 8); // id, title, period… are missing
    /// assert!(report.errors().all(|i| i.code.as_str() == "field.missing"));
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// The warnings.
    ///
    /// ```
    /// let report = ctg_core::validate_str(r#"{"format_version": 1, "colour": "bleu"}"#).into_report();
    /// let warnings: Vec<_> = report.warnings().map(|i| (i.code.as_str(), i.path.to_string())).collect();
    /// assert_eq!(warnings, [("field.unknown", "colour".to_string())]);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_error())
    }

    /// Whether there is no error (warnings allowed).
    ///
    /// ```
    /// let mut doc = ctg_core::Convention::sample().to_value();
    /// doc["colour"] = "bleu".into();
    /// let report = ctg_core::validate_value(&doc).into_report();
    /// assert_eq!(report.warnings().count(), 1);
    /// assert!(report.is_valid()); // warnings never block
    /// ```
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    /// One line per issue, in `lang`: `erreur [code] chemin : message`.
    ///
    /// ```
    /// let report = ctg_core::validate_str("[]").into_report();
    /// assert!(report.to_text(ctg_core::Lang::Fr).starts_with("erreur [field.type]"));
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut text = String::new();
        for issue in &self.issues {
            let severity = match (issue.is_error(), lang) {
                (true, Lang::Fr) => "erreur",
                (false, Lang::Fr) => "avertissement",
                (true, Lang::En) => "error",
                (false, Lang::En) => "warning",
            };
            let path = match (issue.path.is_root(), lang) {
                (false, _) => issue.path.to_string(),
                (true, Lang::Fr) => "(document)".to_owned(),
                (true, Lang::En) => "(document)".to_owned(),
            };
            let colon = if lang == Lang::Fr { " :" } else { ":" };
            text.push_str(&format!(
                "{severity} [{}] {path}{colon} {}\n",
                issue.code,
                issue.message(lang)
            ));
        }
        text
    }
}

impl From<Vec<Issue>> for Report {
    /// A report of issues found outside validation, e.g. by a binding that could not turn a
    /// native value into JSON ([`Issue::too_deep`], [`Issue::not_json`]).
    ///
    /// ```
    /// let report = ctg_core::Report::from(vec![ctg_core::Issue::too_deep()]);
    /// assert!(!report.is_valid());
    /// ```
    fn from(issues: Vec<Issue>) -> Report {
        Report::new(issues)
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self.errors().count();
        let warnings = self.issues.len() - errors;
        write!(f, "{errors} error(s), {warnings} warning(s)")?;
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Report", 2)?;
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("issues", &self.issues)?;
        s.end()
    }
}

/// The result of validating a document: the report, and the convention when there is no error.
///
/// ```
/// let validation = ctg_core::validate_str(ctg_core::Convention::sample_json());
/// assert!(validation.is_valid());
/// assert!(validation.convention().is_some());
/// let conv = validation.into_result().unwrap();
/// assert_eq!(conv.parties().len(), 13);
/// ```
#[derive(Debug, Clone)]
pub struct Validation {
    report: Report,
    convention: Option<Convention>,
}

impl Validation {
    pub(crate) fn new(report: Report, convention: Option<Convention>) -> Validation {
        Validation { report, convention }
    }

    /// Whether the document is valid (no error).
    ///
    /// ```
    /// use ctg_core::{validate_str, Convention};
    /// assert!(validate_str(Convention::sample_json()).is_valid());
    /// assert!(!validate_str(r#"{"format_version": 1}"#).is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        self.convention.is_some()
    }

    /// Every issue found.
    ///
    /// ```
    /// let mut doc = ctg_core::Convention::sample().to_value();
    /// doc["colour"] = "bleu".into();
    /// let validation = ctg_core::validate_value(&doc);
    /// assert!(validation.is_valid());
    /// assert_eq!(validation.report().warnings().next().unwrap().path.to_string(), "colour");
    /// ```
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The convention, when the document is valid.
    ///
    /// ```
    /// use ctg_core::{validate_str, Convention};
    /// let validation = validate_str(Convention::sample_json());
    /// assert_eq!(validation.convention().unwrap().parties().len(), 13);
    /// assert!(validate_str("{}").convention().is_none());
    /// ```
    pub fn convention(&self) -> Option<&Convention> {
        self.convention.as_ref()
    }

    /// The report alone.
    ///
    /// ```
    /// let report = ctg_core::validate_str("{}").into_report();
    /// assert!(!report.is_valid());
    /// assert!(report.errors().any(|i| i.path.to_string() == "title"));
    /// ```
    pub fn into_report(self) -> Report {
        self.report
    }

    /// The convention and its report (warnings), or the report of errors.
    ///
    /// ```
    /// let mut doc = ctg_core::Convention::sample().to_value();
    /// doc["colour"] = "bleu".into();
    /// let (conv, report) = ctg_core::validate_value(&doc).into_parts();
    /// assert!(conv.is_some());
    /// assert_eq!(report.warnings().count(), 1); // kept, unlike with `into_result`
    /// ```
    pub fn into_parts(self) -> (Option<Convention>, Report) {
        (self.convention, self.report)
    }

    /// The convention, or the report when it is invalid (its warnings are dropped on success).
    ///
    /// ```
    /// use ctg_core::{validate_str, Convention};
    /// let conv = validate_str(Convention::sample_json()).into_result().unwrap();
    /// assert_eq!(conv.totals().total.to_string(), "725403.00");
    /// let report = validate_str("{}").into_result().unwrap_err();
    /// assert!(!report.is_valid());
    /// ```
    pub fn into_result(self) -> Result<Convention, Report> {
        self.convention.ok_or(self.report)
    }
}
