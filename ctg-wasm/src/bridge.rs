//! The host-testable half of the binding: inputs in, JSON values out.
//!
//! Nothing here decides anything about a convention: every check, total, amount rule and message
//! comes from `ctg-core`. This module only turns the core's results into the JSON shapes the
//! JavaScript API returns (a report, or an outcome `{ok, value | error}` that the JS wrapper turns
//! into a return value or a thrown `CtgError`).

use std::str::FromStr;

use ctg_core::{Amount, Convention, Issue, Lang, Path, Problem, Report, Validation};
use serde::Serialize;
use serde_json::{json, Value};

/// The JSON Schema of the canonical format, as compact JSON text: generated from the core's types
/// by `build.rs` (`ctg_core::json_schema()`), so it cannot go stale.
pub const SCHEMA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/schema.json"));

/// What the JavaScript caller gave.
#[derive(Debug)]
pub enum Input {
    /// JSON text (a JS string).
    Text(String),
    /// JSON bytes (a `Uint8Array`), possibly not UTF-8.
    Bytes(Vec<u8>),
    /// An already parsed JSON value (a JS object, array, number…).
    Value(Value),
    /// A JS value that has no JSON equivalent: the issue saying why.
    Unreadable(Issue),
}

/// The core's validation of the input, or the one issue that prevented it.
fn check(input: Input) -> Result<Validation, Issue> {
    match input {
        Input::Text(text) => Ok(ctg_core::validate_str(&text)),
        Input::Bytes(bytes) => Ok(ctg_core::validate_slice(&bytes)),
        Input::Value(value) => Ok(ctg_core::validate_value(&value)),
        Input::Unreadable(issue) => Err(issue),
    }
}

/// The JS shape of an issue: `{code, severity, path, messageFr, messageEn}`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsIssue<'a> {
    code: &'static str,
    severity: &'static str,
    path: String,
    message_fr: &'a str,
    message_en: &'a str,
}

impl<'a> From<&'a Issue> for JsIssue<'a> {
    fn from(issue: &'a Issue) -> Self {
        JsIssue {
            code: issue.code.as_str(),
            severity: issue.severity.as_str(),
            path: issue.path.to_string(),
            message_fr: issue.message(Lang::Fr),
            message_en: issue.message(Lang::En),
        }
    }
}

fn issues_value(issues: &[Issue]) -> Value {
    serde_json::to_value(issues.iter().map(JsIssue::from).collect::<Vec<_>>())
        .unwrap_or(Value::Null)
}

/// `{valid, issues}`.
fn report_value(report: &Report) -> Value {
    json!({
        "valid": report.is_valid(),
        "issues": issues_value(report.issues()),
    })
}

/// The report of validating `input`: `{valid, issues: [{code, severity, path, messageFr, messageEn}]}`.
pub fn validate(input: Input) -> Value {
    match check(input) {
        Ok(validation) => report_value(validation.report()),
        Err(issue) => report_value(&Report::from(vec![issue])),
    }
}

/// `{ok: true, value}`.
fn success(value: Value) -> Value {
    json!({ "ok": true, "value": value })
}

/// `{ok: false, error: {code, path, message, issues}}`; `code` and `path` are those of the first
/// error, `message` the core's English summary.
fn failure(issues: &[Issue], message: String) -> Value {
    let first = issues
        .iter()
        .find(|i| i.is_error())
        .or_else(|| issues.first());
    json!({
        "ok": false,
        "error": {
            "code": first.map_or("internal", |i| i.code.as_str()),
            "path": first.map(|i| i.path.to_string()).unwrap_or_default(),
            "message": message,
            "issues": issues_value(issues),
        }
    })
}

/// The convention, or the failure outcome listing every issue.
fn convention(input: Input) -> Result<Convention, Value> {
    match check(input) {
        Ok(validation) => validation
            .into_result()
            .map_err(|report| failure(report.issues(), report.to_string())),
        Err(issue) => Err(failure(std::slice::from_ref(&issue), issue.to_string())),
    }
}

/// The outcome of reading `input` as a convention: its canonical JSON value, or every issue.
pub fn parse(input: Input) -> Value {
    match convention(input) {
        Ok(conv) => success(conv.to_value()),
        Err(failure) => failure,
    }
}

/// The outcome of computing the exact totals of `input`.
pub fn totals(input: Input) -> Value {
    match convention(input) {
        Ok(conv) => success(serde_json::to_value(conv.totals()).unwrap_or(Value::Null)),
        Err(failure) => failure,
    }
}

/// The failure for a value error of the core (amount…), as a one-issue outcome.
fn problem_failure(problem: &dyn Problem) -> Value {
    let issue = Issue::from_problem(Path::root(), problem);
    failure(std::slice::from_ref(&issue), issue.to_string())
}

/// The failure for an argument of the wrong JS type or an unknown option. These are not document
/// problems, so they have no code of the core's catalogue: `argument.invalid`.
fn argument_failure(message: String) -> Value {
    json!({
        "ok": false,
        "error": { "code": "argument.invalid", "path": "", "message": message, "issues": [] }
    })
}

/// Reads an amount argument with the core's lenient reader.
fn amount(text: Option<String>) -> Result<Amount, Value> {
    let text = text.ok_or_else(|| {
        argument_failure("the amount must be a string (\"241801.00\", \"241 801 €\")".to_owned())
    })?;
    Amount::parse(&text).map_err(|e| problem_failure(&e))
}

/// The outcome of formatting an amount in a language (`"fr"` by default, or `"en"`).
pub fn format_amount(text: Option<String>, lang: Option<String>) -> Value {
    let lang = match lang.as_deref().map(Lang::from_str) {
        None => Lang::Fr,
        Some(Ok(lang)) => lang,
        Some(Err(message)) => return argument_failure(message),
    };
    match amount(text) {
        Ok(a) => success(Value::String(a.format(lang))),
        Err(failure) => failure,
    }
}

/// The outcome of reading an amount as people write it: its canonical string (`"1234.56"`).
pub fn parse_amount(text: Option<String>) -> Value {
    match amount(text) {
        Ok(a) => success(Value::String(a.to_string())),
        Err(failure) => failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Input {
        Input::Text(s.to_owned())
    }

    #[test]
    fn the_sample_is_valid_and_totals_match() {
        let report = validate(text(Convention::sample_json()));
        assert_eq!(report["valid"], true);
        let totals = totals(text(Convention::sample_json()));
        assert_eq!(totals["ok"], true);
        assert_eq!(totals["value"]["total"], "725403.00");
        assert_eq!(totals["value"]["by_year"]["2023"], "241801.00");
        assert_eq!(totals["value"]["coordination_share"], "0.1675");
    }

    #[test]
    fn issues_have_the_js_shape() {
        let report = validate(text(r#"{"format_version": 1, "title": ""}"#));
        assert_eq!(report["valid"], false);
        let issue = report["issues"]
            .as_array()
            .and_then(|issues| issues.iter().find(|i| i["path"] == "title"))
            .cloned()
            .unwrap_or_default();
        assert_eq!(issue["code"], "field.empty");
        assert_eq!(issue["severity"], "error");
        assert!(issue["messageFr"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(issue["messageEn"].as_str().is_some_and(|m| !m.is_empty()));
    }

    #[test]
    fn parse_failure_carries_code_path_and_issues() {
        let outcome = parse(text(r#"{"format_version": 1, "period": "2025-2023"}"#));
        assert_eq!(outcome["ok"], false);
        assert!(outcome["error"]["code"].is_string());
        assert!(outcome["error"]["issues"]
            .as_array()
            .is_some_and(|i| !i.is_empty()));
        let garbage = parse(Input::Bytes(vec![0xff, 0xfe, 0x00]));
        assert_eq!(garbage["error"]["code"], "json.syntax");
        assert_eq!(garbage["error"]["path"], "");
    }

    #[test]
    fn amounts_go_through_the_core() {
        assert_eq!(
            format_amount(Some("241801".into()), Some("fr".into()))["value"],
            "241\u{202f}801\u{a0}€"
        );
        assert_eq!(
            format_amount(Some("1234.5".into()), None)["value"],
            "1\u{202f}234,50\u{a0}€"
        );
        assert_eq!(parse_amount(Some("1 234,56 €".into()))["value"], "1234.56");
        assert_eq!(
            parse_amount(Some("-3 €".into()))["error"]["code"],
            "amount.negative"
        );
        assert_eq!(parse_amount(None)["error"]["code"], "argument.invalid");
        assert_eq!(
            format_amount(Some("1".into()), Some("de".into()))["error"]["code"],
            "argument.invalid"
        );
    }

    #[test]
    fn schema_json_is_up_to_date() {
        let embedded: Value = serde_json::from_str(SCHEMA_JSON).unwrap_or_default();
        assert_eq!(
            embedded,
            ctg_core::json_schema(),
            "the embedded schema differs from ctg_core::json_schema()"
        );
    }
}
