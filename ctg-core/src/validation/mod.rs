//! Validation: turning a lenient document into a `Convention`, reporting every problem at once.
//!
//! Every input (JSON text, a host tree, a `serde_json::Value`) is pulled through the same
//! [`Source`](crate::input) interface into drafts; the rules across sections run on the drafts;
//! the convention is assembled only when no error was found.

mod action_sheets;
mod amendments;
mod calendar;
mod document;
mod domains;
mod funding;
mod governance;
mod parties;
mod reader;
mod references;
mod sink;
mod slot;
mod strategy;

use crate::input::{self, JsonSource, Limits, SerdeSource, Stop, TreeSource};
use crate::{Issue, IssueCode, Params, Path, Report, Validation, Word};

use reader::Reader;

/// Validation with options: the [`Limits`] of what is read. The functions [`validate_str`],
/// [`validate_slice`], [`validate_value`] and [`validate_host`] use the default options.
///
/// ```
/// use ctg_core::{Limits, Validator};
/// let validator = Validator::new().limits(Limits { max_bytes: 100, ..Limits::default() });
/// let report = validator.validate_str(ctg_core::Convention::sample_json()).into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "input.too_large");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Validator {
    limits: Limits,
}

impl Validator {
    /// A validator with the default limits.
    ///
    /// ```
    /// assert!(ctg_core::Validator::new().validate_str(ctg_core::Convention::sample_json()).is_valid());
    /// ```
    pub fn new() -> Validator {
        Validator::default()
    }

    /// The same validator with other limits.
    ///
    /// ```
    /// use ctg_core::{Limits, Validator};
    /// let strict = Validator::new().limits(Limits { max_depth: 2, ..Limits::default() });
    /// let report = strict.validate_str(r#"{"a": {"b": {}}}"#).into_report();
    /// assert_eq!(report.issues()[0].code.as_str(), "json.too_deep");
    /// ```
    pub fn limits(mut self, limits: Limits) -> Validator {
        self.limits = limits;
        self
    }

    /// The limits in use.
    ///
    /// ```
    /// assert_eq!(ctg_core::Validator::new().get_limits(), ctg_core::Limits::DEFAULT);
    /// ```
    pub fn get_limits(&self) -> Limits {
        self.limits
    }

    /// Validates JSON text.
    ///
    /// ```
    /// let v = ctg_core::Validator::new().validate_str(r#"{"format_version": 1}"#);
    /// assert!(!v.is_valid());
    /// ```
    pub fn validate_str(&self, json: &str) -> Validation {
        if json.len() > self.limits.max_bytes {
            return self.fatal(Stop::TooLarge, Word::BYTES);
        }
        let mut source = JsonSource::from_text(json, self.limits.max_depth);
        self.run(&mut source, Word::BYTES)
    }

    /// Validates JSON text given as bytes (UTF-8; a lone surrogate encoded as WTF-8 is reported
    /// where it stands, like `"\ud800"`).
    ///
    /// ```
    /// let report = ctg_core::Validator::new().validate_slice(b"\xff\xfe").into_report();
    /// assert_eq!(report.issues()[0].code.as_str(), "json.syntax");
    /// ```
    pub fn validate_slice(&self, json: &[u8]) -> Validation {
        if json.len() > self.limits.max_bytes {
            return self.fatal(Stop::TooLarge, Word::BYTES);
        }
        let mut source = JsonSource::new(json, self.limits.max_depth);
        self.run(&mut source, Word::BYTES)
    }

    /// Validates an already parsed `serde_json::Value` (whose duplicate keys, if the text had
    /// any, were merged by its parser: prefer [`Validator::validate_str`] on text).
    ///
    /// ```
    /// let value: serde_json::Value = serde_json::from_str(ctg_core::Convention::sample_json()).unwrap();
    /// assert!(ctg_core::Validator::new().validate_value(&value).is_valid());
    /// ```
    pub fn validate_value(&self, value: &serde_json::Value) -> Validation {
        let mut source = SerdeSource::new(value, self.limits.max_depth);
        self.run(&mut source, Word::VALUES)
    }

    /// Validates a host tree (what the Python and JavaScript bindings build).
    ///
    /// ```
    /// use ctg_core::input::{Key, Value};
    /// let doc = Value::Map(vec![(Key::Int(2024), Value::Null)]);
    /// let report = ctg_core::Validator::new().validate_host(&doc).into_report();
    /// assert!(report.issues().iter().any(|i| i.code.as_str() == "field.unknown"));
    /// ```
    pub fn validate_host(&self, value: &input::Value) -> Validation {
        let mut source = TreeSource::new(value, self.limits.max_depth);
        self.run(&mut source, Word::VALUES)
    }

    fn run<'s, 'a: 's>(&self, source: impl Into<reader::Pull<'s, 'a>>, unit: Word) -> Validation {
        let mut r = Reader::new(source, &self.limits);
        let tok = r.next();
        let draft = document::read(&mut r, tok);
        r.finish();
        let convention = draft.and_then(|d| document::check(&mut r, d));
        let (stop, sink) = r.into_parts();
        if let Some(stop) = stop {
            return self.fatal(stop, unit);
        }
        let report = sink.into_report(document::section_rank);
        let convention = convention.filter(|_| report.is_valid());
        Validation::new(report, convention)
    }

    /// The report of an input that could not be read at all.
    fn fatal(&self, stop: Stop, unit: Word) -> Validation {
        let issue = match stop {
            Stop::Syntax {
                line,
                column,
                detail,
            } => Issue::new(
                IssueCode::JsonSyntax,
                Path::root(),
                Params::new()
                    .with("line", line)
                    .with("column", column)
                    .with("detail", detail),
            ),
            Stop::TooDeep => Issue::new(
                IssueCode::JsonTooDeep,
                Path::root(),
                Params::new().with("limit", self.limits.max_depth),
            ),
            Stop::TooLarge => self.limits.too_large(unit),
        };
        Validation::new(Report::from(vec![issue]), None)
    }

    /// Reads one indicator (for `Indicator::from_json_str`).
    pub(crate) fn read_indicator(&self, json: &str) -> Result<crate::Indicator, Report> {
        let mut source = JsonSource::from_text(json, self.limits.max_depth);
        let mut r = Reader::new(&mut source, &self.limits);
        let tok = r.next();
        let indicator = action_sheets::indicator(&mut r, tok);
        r.finish();
        let (stop, sink) = r.into_parts();
        if let Some(stop) = stop {
            return Err(self.fatal(stop, Word::BYTES).into_report());
        }
        let report = sink.into_report(|_| 0);
        match indicator {
            Some(indicator) if report.is_valid() => Ok(indicator),
            _ => Err(report),
        }
    }
}

impl crate::Amount {
    /// Reads an amount from a host value by the rules of a document's amounts: a text in any
    /// accepted writing, an integer (whole euros), an exact decimal by its value; a binary float
    /// (`amount.float`), a NaN (`value.nan`) or any other type (`field.type`) is refused. The
    /// bindings' `parse_amount` / `parseAmount` go through it.
    ///
    /// ```
    /// use ctg_core::{input::Value, Amount};
    /// assert_eq!(Amount::from_host(&Value::Decimal("1E+3".into()))?.to_string(), "1000.00");
    /// assert_eq!(Amount::from_host(&Value::Int(40800))?.to_string(), "40800.00");
    /// let err = Amount::from_host(&Value::Float(0.1)).unwrap_err();
    /// assert_eq!(err.code().as_str(), "amount.float");
    /// let err = Amount::from_host(&Value::Float(f64::NAN)).unwrap_err();
    /// assert_eq!(err.code().as_str(), "value.nan");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn from_host(value: &input::Value) -> Result<crate::Amount, crate::ParseError> {
        let limits = Limits::default();
        let mut source = TreeSource::new(value, limits.max_depth);
        let mut r = Reader::new(&mut source, &limits);
        let tok = r.next();
        let amount = r.amount(tok);
        let (_, sink) = r.into_parts();
        match (
            amount,
            sink.into_report(|_| 0).into_issues().into_iter().next(),
        ) {
            (Some(amount), _) => Ok(amount),
            (None, Some(issue)) => Err(crate::ParseError::new(issue.code, issue.params)),
            (None, None) => Err(crate::ParseError::new(
                IssueCode::AmountInvalid,
                Params::new().with("value", "?"),
            )),
        }
    }
}

/// Validates a JSON document given as text, with the default [`Limits`]. Never fails: text that
/// is not JSON gives a report with one `json.syntax` error.
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
    Validator::new().validate_str(json)
}

/// Validates a JSON document given as bytes (UTF-8).
///
/// ```
/// let report = ctg_core::validate_slice(b"\xff\xfe").into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "json.syntax");
/// ```
pub fn validate_slice(json: &[u8]) -> Validation {
    Validator::new().validate_slice(json)
}

/// Validates an already parsed JSON value.
///
/// ```
/// let value: serde_json::Value = serde_json::from_str(ctg_core::Convention::sample_json()).unwrap();
/// let validation = ctg_core::validate_value(&value);
/// assert!(validation.report().is_valid());
/// ```
pub fn validate_value(value: &serde_json::Value) -> Validation {
    Validator::new().validate_value(value)
}

/// Validates a host tree ([`input::Value`]), as the Python and JavaScript bindings build it.
///
/// ```
/// use ctg_core::input::{Key, Value};
/// let doc = Value::Map(vec![(Key::Text("format_version".into()), Value::Float(1.0))]);
/// let report = ctg_core::validate_host(&doc).into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "format_version.unsupported");
/// ```
pub fn validate_host(value: &input::Value) -> Validation {
    Validator::new().validate_host(value)
}
