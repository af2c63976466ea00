//! Validation: turning a lenient document into a `Convention`, reporting every problem at once.

mod action_sheets;
mod calendar;
mod document;
mod domains;
mod funding;
mod governance;
mod issue;
mod issue_code;
mod loc;
mod parties;
mod path;
mod problem;
mod reader;
mod references;
mod report;
mod severity;
mod strategy;

pub use issue::Issue;
pub use issue_code::IssueCode;
pub use path::{Path, PathSegment};
pub use problem::Problem;
pub use report::{Report, Validation};
pub use severity::Severity;

use serde_json::Value;

use reader::Reader;

/// How many levels a document may nest: the limit of the JSON text reader (serde_json's), which the
/// bindings also apply when they read native values (Python dicts, JavaScript objects); deeper
/// input gets [`Issue::too_deep`].
///
/// ```
/// use ctg_core::{validate_str, MAX_DEPTH};
/// let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
/// // At the limit the document is read (and found not to be an object)…
/// let report = validate_str(&nested(MAX_DEPTH)).into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "field.type");
/// // …one level deeper it is refused.
/// let report = validate_str(&nested(MAX_DEPTH + 1)).into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "json.too_deep");
/// ```
pub const MAX_DEPTH: usize = 127;

/// Validates a JSON document given as text. Never fails: text that is not JSON gives a report
/// with one `json.syntax` error (or `json.too_deep` past 128 levels of nesting).
///
/// ```
/// let validation = ctg_core::validate_str(ctg_core::Convention::sample_json());
/// assert!(validation.is_valid());
///
/// let report = ctg_core::validate_str(r#"{"format_version": 1, "period": {"first_year": 2025, "last_year": 2023}}"#)
///     .into_report();
/// let codes: Vec<_> = report.issues().iter().map(|i| (i.code.as_str(), i.path.to_string())).collect();
/// assert!(codes.contains(&("period.reversed", "period".to_string())));
/// assert!(codes.contains(&("field.missing", "title".to_string())));
/// ```
pub fn validate_str(json: &str) -> Validation {
    match serde_json::from_str::<Value>(json) {
        Ok(value) => validate_value(&value),
        Err(error) => syntax_error(&error),
    }
}

/// Validates a JSON document given as bytes (UTF-8).
///
/// ```
/// let report = ctg_core::validate_slice(b"\xff\xfe").into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "json.syntax");
/// ```
pub fn validate_slice(json: &[u8]) -> Validation {
    match serde_json::from_slice::<Value>(json) {
        Ok(value) => validate_value(&value),
        Err(error) => syntax_error(&error),
    }
}

/// Validates an already parsed JSON value.
///
/// ```
/// let value: serde_json::Value = serde_json::from_str(ctg_core::Convention::sample_json()).unwrap();
/// let validation = ctg_core::validate_value(&value);
/// assert!(validation.report().is_valid());
/// ```
pub fn validate_value(value: &Value) -> Validation {
    let mut reader = Reader::default();
    let convention = document::convention(&mut reader, value);
    let report = Report::new(reader.into_issues());
    let convention = convention.filter(|_| report.is_valid());
    Validation::new(report, convention)
}

fn syntax_error(error: &serde_json::Error) -> Validation {
    let text = error.to_string();
    let issue = if text.contains("recursion limit") {
        Issue::too_deep()
    } else {
        Issue::new(
            IssueCode::JsonSyntax,
            Path::root(),
            format!(
                "JSON illisible, ligne {} colonne {} ({text})",
                error.line(),
                error.column()
            ),
            format!(
                "unreadable JSON at line {} column {} ({text})",
                error.line(),
                error.column()
            ),
        )
    };
    Validation::new(Report::new(vec![issue]), None)
}

/// Reads one indicator (for `Indicator::from_json_str`).
pub(crate) fn read_indicator_str(json: &str) -> Result<crate::Indicator, Report> {
    let value = serde_json::from_str::<Value>(json).map_err(|e| syntax_error(&e).into_report())?;
    let mut reader = Reader::default();
    let indicator = action_sheets::indicator(&mut reader, &value, &loc::Loc::Root);
    let report = Report::new(reader.into_issues());
    match indicator {
        Some(indicator) if report.is_valid() => Ok(indicator),
        _ => Err(report),
    }
}
