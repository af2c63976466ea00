//! The outcome of validation: every issue, and the convention when there is no error.

use serde::Serialize;

use crate::{Convention, Issue, Lang, Severity};

/// Every issue found, errors, warnings and informations, in document order.
///
/// A report keeps at most [`Limits::max_issues`](crate::Limits) issues; past that, one last
/// `report.truncated` information says how many more errors and warnings there were, and
/// [`is_valid`](Self::is_valid) still counts them.
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
    hidden_errors: usize,
}

impl Report {
    /// A report of these issues and of `hidden_errors` errors past the issue limit that it no
    /// longer lists: what [`Report::hidden_errors`] gave, for a binding that rebuilds a report
    /// (Python's pickling).
    ///
    /// ```
    /// let doc = format!(r#"{{"format_version": 1, "stakes": [{}]}}"#, vec!["{}"; 50].join(","));
    /// let limits = ctg_core::Limits { max_issues: 5, ..ctg_core::Limits::default() };
    /// let report = ctg_core::Validator::new().limits(limits).validate_str(&doc).into_report();
    /// let again = ctg_core::Report::with_hidden(report.issues().to_vec(), report.hidden_errors());
    /// assert_eq!(again, report);
    /// assert_eq!(again.summary(ctg_core::Lang::En), report.summary(ctg_core::Lang::En));
    /// ```
    pub fn with_hidden(issues: Vec<Issue>, hidden_errors: usize) -> Report {
        Report {
            issues,
            hidden_errors,
        }
    }

    /// How many errors the report no longer lists, past the issue limit (counted by
    /// [`is_valid`](Self::is_valid) and [`summary`](Self::summary)).
    ///
    /// ```
    /// assert_eq!(ctg_core::validate_str("[]").into_report().hidden_errors(), 0);
    /// ```
    pub fn hidden_errors(&self) -> usize {
        self.hidden_errors
    }

    /// Every issue kept.
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
        self.of(Severity::Error)
    }

    /// The warnings.
    ///
    /// ```
    /// let report = ctg_core::validate_str(r#"{"format_version": 1, "colour": "bleu"}"#).into_report();
    /// let warnings: Vec<_> = report.warnings().map(|i| (i.code.as_str(), i.path.to_string())).collect();
    /// assert_eq!(warnings, [("field.unknown", "colour".to_string())]);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.of(Severity::Warning)
    }

    /// The informations.
    ///
    /// ```
    /// let report = ctg_core::validate_str(ctg_core::Convention::sample_json()).into_report();
    /// assert_eq!(report.infos().count(), 0);
    /// ```
    pub fn infos(&self) -> impl Iterator<Item = &Issue> {
        self.of(Severity::Info)
    }

    fn of(&self, severity: Severity) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(move |i| i.severity == severity)
    }

    /// Whether there is no error (warnings and informations allowed), counting the errors a
    /// truncated report no longer lists.
    ///
    /// ```
    /// let mut doc = ctg_core::Convention::sample().to_value();
    /// doc["colour"] = "bleu".into();
    /// let report = ctg_core::validate_value(&doc).into_report();
    /// assert_eq!(report.warnings().count(), 1);
    /// assert!(report.is_valid()); // warnings never block
    /// ```
    pub fn is_valid(&self) -> bool {
        self.hidden_errors == 0 && self.errors().next().is_none()
    }

    /// Whether the report was cut short at the issue limit (its last issue is then
    /// `report.truncated`).
    ///
    /// ```
    /// assert!(!ctg_core::validate_str("[]").into_report().is_truncated());
    /// ```
    pub fn is_truncated(&self) -> bool {
        self.issues
            .last()
            .is_some_and(|i| i.code == crate::IssueCode::ReportTruncated)
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
            text.push_str(&issue.to_text(lang));
            text.push('\n');
        }
        text
    }

    /// A one-line summary in `lang`: `"2 erreurs, 1 avertissement"`.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let report = ctg_core::validate_str(r#"{"format_version": 1, "colour": 1}"#).into_report();
    /// assert_eq!(report.summary(Lang::En), "8 errors, 1 warning");
    /// assert_eq!(report.summary(Lang::Fr), "8 erreurs, 1 avertissement");
    /// // Cut short at two issues, it still counts all of them.
    /// let limits = ctg_core::Limits { max_issues: 2, ..ctg_core::Limits::DEFAULT };
    /// let cut = ctg_core::Validator::new()
    ///     .limits(limits)
    ///     .validate_str(r#"{"format_version": 1, "colour": 1}"#)
    ///     .into_report();
    /// assert_eq!(cut.summary(Lang::En), "8 errors, 1 warning");
    /// ```
    pub fn summary(&self, lang: Lang) -> String {
        // A report cut short counts what it no longer lists too: its errors, and the warnings
        // its last issue (`report.truncated`) counts.
        let hidden_warnings = self
            .issues
            .last()
            .filter(|_| self.is_truncated())
            .and_then(|i| match i.params.get("warnings") {
                Some(crate::Param::Int(n)) => usize::try_from(*n).ok(),
                _ => None,
            })
            .unwrap_or(0);
        let errors = self.errors().count() + self.hidden_errors;
        let warnings = self.warnings().count() + hidden_warnings;
        // French puts 0 and 1 in the singular, English only 1.
        let plural = |n: usize, one: &str, many: &str| {
            let singular = n == 1 || (n == 0 && lang == Lang::Fr);
            format!("{n} {}", if singular { one } else { many })
        };
        match lang {
            Lang::Fr => format!(
                "{}, {}",
                plural(errors, "erreur", "erreurs"),
                plural(warnings, "avertissement", "avertissements")
            ),
            Lang::En => format!(
                "{}, {}",
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings")
            ),
        }
    }
}

impl From<Vec<Issue>> for Report {
    /// A report of these issues (for issues found outside validation).
    ///
    /// ```
    /// use ctg_core::{Issue, IssueCode, Params, Path, Report};
    /// let issue = Issue::new(IssueCode::JsonTooDeep, Path::root(), Params::new().with("limit", 64));
    /// assert!(!Report::from(vec![issue]).is_valid());
    /// ```
    fn from(issues: Vec<Issue>) -> Report {
        Report::with_hidden(issues, 0)
    }
}

impl std::fmt::Display for Report {
    /// The English summary, then one line per issue.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.summary(Lang::En))?;
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    /// `{valid, issues}`.
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
    /// assert_eq!(conv.totals().unwrap().total.to_string(), "725403.00");
    /// let report = validate_str("{}").into_result().unwrap_err();
    /// assert!(!report.is_valid());
    /// ```
    pub fn into_result(self) -> Result<Convention, Report> {
        self.convention.ok_or(self.report)
    }
}
