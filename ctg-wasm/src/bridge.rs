//! The host-testable half of the binding: core's results as the JSON shapes the JavaScript API
//! returns.
//!
//! Nothing here decides anything about a convention, an amount or a message: every check, total,
//! amount rule, limit and message is `ctg-core`'s. This module takes what `convert` made of the
//! JavaScript arguments (an [`Input`], [`Options`], host values) and turns core's answers into
//! JSON: a report, or an outcome `{ok: true, value}` / `{ok: false, error}` that the JS wrapper
//! (`js/api.js`) returns or throws as a `CtgError`.

use std::borrow::Cow;

use chrono::NaiveDate;
use ctg_core::input::Value as Host;
use ctg_core::{
    Amount, Convention, ConventionStatus, IndicatorProgress, Issue, IssueCode, Lang, Limits,
    Params, ParseError, Path, Report, Severity, Totals, Validator, Word,
};
use serde::{Serialize, Serializer};

/// The JSON Schema of the canonical format, as compact JSON text: generated from the core's types
/// by `build.rs` (`ctg_core::json_schema()`), so it cannot go stale.
pub const SCHEMA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/schema.json"));

/// A document as the JavaScript caller gave it.
#[derive(Debug)]
pub enum Input {
    /// JSON text (a JS string, well-formed UTF-16).
    Text(String),
    /// JSON bytes: a `Uint8Array`, or a JS string holding lone surrogates encoded as WTF-8 (core
    /// reports each one where it stands).
    Bytes(Vec<u8>),
    /// Any other JS value, translated into core's host tree.
    Host(Host),
    /// JSON text or bytes longer than `limits.max_bytes`, left in JavaScript (its length alone
    /// says so: a UTF-16 string of `n` units has at least `n` UTF-8 bytes).
    Oversized,
}

impl Drop for Input {
    /// Frees a host tree without recursion: with a raised `max_depth`, a deeply nested tree would
    /// otherwise exhaust the stack on its way out.
    fn drop(&mut self) {
        if let Input::Host(tree) = self {
            dispose(std::mem::replace(tree, Host::Null));
        }
    }
}

/// Drops a host tree iteratively.
pub fn dispose(tree: Host) {
    let mut stack = vec![tree];
    while let Some(value) = stack.pop() {
        match value {
            Host::List(items) => stack.extend(items),
            Host::Map(entries) => stack.extend(entries.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// The options of a call: `{lang, limits, today}`, each over its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The language of `message` and of `CtgError.message` (default: the one of `setLanguage`).
    pub lang: Lang,
    /// What validation reads at most (default: core's [`Limits::DEFAULT`]).
    pub limits: Limits,
    /// The day a status is computed for (default: today, in the JS host's local time zone).
    pub today: Option<NaiveDate>,
}

impl Options {
    /// The default options in `lang`.
    pub fn new(lang: Lang) -> Options {
        Options {
            lang,
            limits: Limits::DEFAULT,
            today: None,
        }
    }
}

/// A failed call: what the JS wrapper throws as a `CtgError`.
#[derive(Debug)]
pub struct Failure {
    code: Cow<'static, str>,
    path: String,
    message: String,
    issues: Vec<Issue>,
    lang: Lang,
}

impl Failure {
    /// The failure of a document with errors: the first error's code and path, core's summary and
    /// issue lines in `lang` as the message, every issue.
    fn of_report(report: Report, lang: Lang) -> Failure {
        let first = report
            .issues()
            .iter()
            .find(|i| i.is_error())
            .or_else(|| report.issues().first());
        let (code, path) = first.map_or((Cow::Borrowed(""), String::new()), |i| {
            (Cow::Borrowed(i.code.as_str()), i.path.to_string())
        });
        let mut message = report.summary(lang);
        for line in report.to_text(lang).lines() {
            message.push_str("\n  ");
            message.push_str(line);
        }
        Failure {
            code,
            path,
            message,
            issues: report.into_issues(),
            lang,
        }
    }

    /// The failure of a value core refused (an amount…): its code, core's message, one issue.
    fn of_error(error: ParseError, lang: Lang) -> Failure {
        let message = error.message(lang);
        let issue = Issue::from_error(Path::root(), error);
        Failure {
            code: Cow::Borrowed(issue.code.as_str()),
            path: String::new(),
            message,
            issues: vec![issue],
            lang,
        }
    }

    /// A JavaScript argument of the wrong type or out of range: not a document problem, so not a
    /// code of core's catalogue but `argument.invalid` (with core's message when core has one).
    pub fn argument(message: impl Into<String>) -> Failure {
        Failure {
            code: Cow::Borrowed("argument.invalid"),
            path: String::new(),
            message: message.into(),
            issues: Vec::new(),
            lang: Lang::En,
        }
    }
}

/// What a call returns: a value, or the failure to throw.
pub type Outcome<T> = Result<T, Failure>;

/// An issue as JavaScript sees it: core's serialisation (`code, severity, path, ctx, message_fr,
/// message_en`) and `message` in the language of the call.
#[derive(Serialize)]
struct JsIssue<'a> {
    #[serde(flatten)]
    issue: &'a Issue,
    message: String,
}

fn js_issues(issues: &[Issue], lang: Lang) -> Vec<JsIssue<'_>> {
    issues
        .iter()
        .map(|issue| JsIssue {
            issue,
            message: issue.message(lang),
        })
        .collect()
}

/// A report as JavaScript sees it: `{valid, issues}`.
#[derive(Serialize)]
struct JsReport<'a> {
    valid: bool,
    issues: Vec<JsIssue<'a>>,
}

impl JsReport<'_> {
    fn of(report: &Report, lang: Lang) -> JsReport<'_> {
        JsReport {
            valid: report.is_valid(),
            issues: js_issues(report.issues(), lang),
        }
    }
}

/// The report of a validation, with the language of its messages.
#[derive(Debug)]
pub struct Validated {
    report: Report,
    lang: Lang,
}

impl Serialize for Validated {
    /// `{valid, issues}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        JsReport::of(&self.report, self.lang).serialize(serializer)
    }
}

/// What `check` returns: the report, and for a valid document its convention and its totals.
#[derive(Debug)]
pub struct Checked {
    report: Report,
    convention: Option<Convention>,
    lang: Lang,
}

impl Serialize for Checked {
    /// `{report, convention, totals}`: `totals` is `null` without a funding section (absent is
    /// not zero); `convention` and `totals` are left out when the document is invalid.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            report: JsReport<'a>,
            #[serde(skip_serializing_if = "Option::is_none")]
            convention: Option<&'a Convention>,
            #[serde(skip_serializing_if = "Option::is_none")]
            totals: Option<Option<Totals>>,
        }
        Wire {
            report: JsReport::of(&self.report, self.lang),
            convention: self.convention.as_ref(),
            totals: self.convention.as_ref().map(Convention::totals),
        }
        .serialize(serializer)
    }
}

/// `{ok: true, value}`.
#[derive(Serialize)]
struct Success<T> {
    ok: bool,
    value: T,
}

/// `{ok: false, error: {code, path, message, issues}}`.
#[derive(Serialize)]
struct Refusal<'a> {
    ok: bool,
    error: RefusalError<'a>,
}

#[derive(Serialize)]
struct RefusalError<'a> {
    code: &'a str,
    path: &'a str,
    message: &'a str,
    issues: Vec<JsIssue<'a>>,
}

/// The outcome as the JSON text of the object the wasm exports return: `{ok: true, value}` or
/// `{ok: false, error: {code, path, message, issues}}`. Serialised straight from core's types, so
/// objects keep core's order of fields (a convention's canonical order).
pub fn outcome_text<T: Serialize>(outcome: &Outcome<T>) -> String {
    let text = match outcome {
        Ok(value) => serde_json::to_string(&Success { ok: true, value }),
        Err(f) => serde_json::to_string(&Refusal {
            ok: false,
            error: RefusalError {
                code: &f.code,
                path: &f.path,
                message: &f.message,
                issues: js_issues(&f.issues, f.lang),
            },
        }),
    };
    // Core's types always serialise; an error here would be a bug, reported as no outcome.
    text.unwrap_or_else(|_| "null".to_owned())
}

/// The issue of an input whose length alone exceeds `max_bytes`: what core reports for JSON text
/// over the limit (a test checks that it is the same issue), without copying it out of JavaScript.
fn too_large(limits: Limits) -> Issue {
    Issue::new(
        IssueCode::InputTooLarge,
        Path::root(),
        Params::new()
            .with("limit", limits.max_bytes)
            .with("unit", Word::BYTES),
    )
}

/// Core's validation of the input: the convention when it is valid, and the report.
fn read(input: &Input, limits: Limits) -> (Option<Convention>, Report) {
    let validator = Validator::new().limits(limits);
    match input {
        Input::Text(text) => validator.validate_str(text).into_parts(),
        Input::Bytes(bytes) => validator.validate_slice(bytes).into_parts(),
        Input::Host(tree) => validator.validate_host(tree).into_parts(),
        Input::Oversized => (None, Report::from(vec![too_large(limits)])),
    }
}

/// The convention, or the failure listing every issue.
fn convention(input: &Input, options: &Options) -> Result<Convention, Failure> {
    match read(input, options.limits) {
        (Some(conv), _) => Ok(conv),
        (None, report) => Err(Failure::of_report(report, options.lang)),
    }
}

/// The report of validating `input`.
pub fn validate(input: &Input, options: &Options) -> Validated {
    Validated {
        report: read(input, options.limits).1,
        lang: options.lang,
    }
}

/// One validation for a live editor: the report, and the convention when valid.
pub fn check(input: &Input, options: &Options) -> Checked {
    let (convention, report) = read(input, options.limits);
    Checked {
        report,
        convention,
        lang: options.lang,
    }
}

/// The convention (serialised in its canonical form).
pub fn parse(input: &Input, options: &Options) -> Outcome<Convention> {
    convention(input, options)
}

/// The exact totals of the convention, `None` (`null`) when it has no funding section.
pub fn totals(input: &Input, options: &Options) -> Outcome<Option<Totals>> {
    convention(input, options).map(|conv| conv.totals())
}

/// Where a convention stands on a day: its code and its label in the language of the call.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Status {
    code: &'static str,
    label: &'static str,
}

/// The convention's status on `today`.
pub fn status(input: &Input, today: NaiveDate, options: &Options) -> Outcome<Status> {
    let status: ConventionStatus = convention(input, options)?.status(today);
    Ok(Status {
        code: status.code(),
        label: status.label(options.lang),
    })
}

/// The progress of every indicator that has a baseline, a target and a measurement.
pub fn indicator_progress(input: &Input, options: &Options) -> Outcome<Vec<IndicatorProgress>> {
    Ok(convention(input, options)?.indicator_progress())
}

/// Core's HTML summary of the convention, its status on `today`.
pub fn convention_html(input: &Input, today: NaiveDate, options: &Options) -> Outcome<String> {
    Ok(convention(input, options)?.to_html(options.lang, today))
}

/// Core's text summary of the convention, its status on `today`.
pub fn convention_text(input: &Input, today: NaiveDate, options: &Options) -> Outcome<String> {
    Ok(convention(input, options)?.to_summary_text(options.lang, today))
}

/// Core's HTML table of the report of validating `input` (never a failure).
pub fn report_html(input: &Input, options: &Options) -> String {
    read(input, options.limits).1.to_html(options.lang)
}

/// An amount read from a host value by core's rules of a document's amounts.
fn amount(value: &Host, options: &Options) -> Result<Amount, Failure> {
    Amount::from_host(value).map_err(|e| Failure::of_error(e, options.lang))
}

/// The canonical string of an amount (`"1234.56"`).
pub fn parse_amount(value: &Host, options: &Options) -> Outcome<String> {
    Ok(amount(value, options)?.to_string())
}

/// An amount in the writing of `options.lang` (`"1 234,56 €"`, `"€1,234.56"`).
pub fn format_amount(value: &Host, options: &Options) -> Outcome<String> {
    Ok(amount(value, options)?.format(options.lang))
}

/// The amount split exactly over `weights` (core's largest-remainder method).
pub fn split(value: &Host, weights: &[u64], options: &Options) -> Outcome<Vec<Amount>> {
    amount(value, options)?
        .split(weights)
        .map_err(|e| Failure::argument(e.to_string()))
}

/// The amount split into `parts` equal shares to the cent.
pub fn split_evenly(value: &Host, parts: usize, options: &Options) -> Outcome<Vec<Amount>> {
    amount(value, options)?
        .split_evenly(parts)
        .map_err(|e| Failure::argument(e.to_string()))
}

/// Reads a language name the way core does (`"fr"`, `"EN"`, `"english"`…).
pub fn lang(name: &str) -> Outcome<Lang> {
    name.parse::<Lang>()
        .map_err(|e| Failure::argument(e.to_string()))
}

/// Core's default limits, by the names of the JavaScript option.
#[derive(Serialize)]
struct JsLimits {
    max_bytes: usize,
    max_values: usize,
    max_depth: usize,
    max_issues: usize,
}

#[derive(Serialize)]
struct CodeSeverity {
    code: IssueCode,
    severity: Severity,
}

/// What the build writes into the package's constants (`catalogue.js`, `catalogue.d.ts`): every
/// issue code with its severity, the convention statuses and the default limits, as core has
/// them.
#[derive(Serialize)]
pub struct Catalogue {
    issue_codes: Vec<CodeSeverity>,
    convention_statuses: &'static [&'static str],
    default_limits: JsLimits,
}

/// The catalogue of the module.
pub fn catalogue() -> Catalogue {
    let l = Limits::DEFAULT;
    Catalogue {
        issue_codes: IssueCode::ALL
            .iter()
            .map(|&code| CodeSeverity {
                code,
                severity: code.severity(),
            })
            .collect(),
        convention_statuses: ConventionStatus::CODES,
        default_limits: JsLimits {
            max_bytes: l.max_bytes,
            max_values: l.max_values,
            max_depth: l.max_depth,
            max_issues: l.max_issues,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ctg_core::input::Key;
    use serde_json::{json, Value};

    fn text(s: &str) -> Input {
        Input::Text(s.to_owned())
    }

    fn fr() -> Options {
        Options::new(Lang::Fr)
    }

    fn en() -> Options {
        Options::new(Lang::En)
    }

    /// The object the wasm export returns, as JSON.
    fn wire<T: Serialize>(outcome: &Outcome<T>) -> Value {
        serde_json::from_str(&outcome_text(outcome)).unwrap_or_default()
    }

    fn value<T: Serialize>(outcome: Outcome<T>) -> Value {
        let wire = wire(&outcome);
        assert_eq!(wire["ok"], true, "{wire}");
        wire["value"].clone()
    }

    fn failure<T: Serialize>(outcome: Outcome<T>) -> Value {
        let wire = wire(&outcome);
        assert_eq!(wire["ok"], false, "{wire}");
        wire["error"].clone()
    }

    #[test]
    fn the_sample_is_valid_and_totals_match() {
        let report = value(Ok(validate(&text(Convention::sample_json()), &fr())));
        assert_eq!(report, json!({ "valid": true, "issues": [] }));
        let totals = value(totals(&text(Convention::sample_json()), &fr()));
        assert_eq!(totals["total"], "725403.00");
        assert_eq!(totals["by_year"]["2023"], "241801.00");
        assert_eq!(totals["coordination_share"], "0.1675");
    }

    #[test]
    fn objects_keep_core_s_order_of_fields() {
        let sample = Convention::sample_json();
        let wire = outcome_text(&parse(&text(sample), &fr()));
        let canonical = Convention::sample().to_json();
        assert_eq!(wire, format!(r#"{{"ok":true,"value":{canonical}}}"#));
        let issue = outcome_text(&Ok(validate(&text("[]"), &en())));
        assert!(
            issue.starts_with(
                r#"{"ok":true,"value":{"valid":false,"issues":[{"code":"field.type","severity":"error","path":"","ctx":{"expected":"object","found":"list"},"message_fr":"#
            ),
            "{issue}"
        );
        assert!(issue.ends_with(r#""message":"wrong type: expected an object, found a list"}]}}"#));
    }

    #[test]
    fn issues_carry_core_serialisation_and_the_message_of_the_call() {
        let report = value(Ok(validate(
            &text(r#"{"format_version": 1, "title": ""}"#),
            &en(),
        )));
        assert_eq!(report["valid"], false);
        let issues = report["issues"].as_array().cloned().unwrap_or_default();
        let title = issues
            .iter()
            .find(|i| i["path"] == "title")
            .cloned()
            .unwrap_or_default();
        let mut keys: Vec<&str> = title
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "code",
                "ctx",
                "message",
                "message_en",
                "message_fr",
                "path",
                "severity"
            ]
        );
        assert_eq!(title["code"], "field.empty");
        assert_eq!(title["message"], title["message_en"]);
        assert_ne!(title["message"], title["message_fr"]);
        let missing = issues
            .iter()
            .find(|i| i["path"] == "id")
            .cloned()
            .unwrap_or_default();
        assert_eq!(missing["ctx"], json!({ "field": "id" }));
    }

    #[test]
    fn failures_carry_the_first_error_and_the_summary_in_the_language_of_the_call() {
        let error = failure(parse(
            &text(r#"{"format_version": 1, "period": "2025-2023"}"#),
            &fr(),
        ));
        assert!(error["code"].is_string());
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.starts_with("8 erreurs"), "{message}");
        assert!(
            message.contains("\n  erreur [field.missing] id"),
            "{message}"
        );
        let first = &error["issues"][0];
        assert_eq!(first["message"], first["message_fr"]);
        let garbage = failure(parse(&Input::Bytes(vec![0xff, 0xfe, 0x00]), &en()));
        assert_eq!(garbage["code"], "json.syntax");
        assert_eq!(garbage["path"], "");
        assert!(garbage["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("1 error, 0 warnings")));
    }

    #[test]
    fn an_oversized_input_gets_the_issue_core_gives_text_over_the_limit() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::DEFAULT
        };
        let ours = read(&Input::Oversized, limits).1;
        let core = Validator::new()
            .limits(limits)
            .validate_str("[1, 2, 3, 4, 5, 6]")
            .into_report();
        assert_eq!(ours, core);
        assert_eq!(core.issues()[0].code.as_str(), "input.too_large");
    }

    #[test]
    fn check_gives_the_convention_and_totals_only_when_valid() {
        let valid = value(Ok(check(&text(Convention::sample_json()), &fr())));
        assert_eq!(valid["report"]["valid"], true);
        assert_eq!(valid["convention"]["format_version"], 1);
        assert_eq!(valid["totals"]["total"], "725403.00");
        let invalid = value(Ok(check(&text("{}"), &fr())));
        assert_eq!(invalid["report"]["valid"], false);
        assert!(invalid.get("convention").is_none() && invalid.get("totals").is_none());
        let mut doc = Convention::sample().to_value();
        if let Some(map) = doc.as_object_mut() {
            map.remove("funding");
        }
        let unfunded = value(Ok(check(&text(&doc.to_string()), &fr())));
        assert_eq!(unfunded["report"]["valid"], true);
        assert_eq!(unfunded.get("totals"), Some(&Value::Null));
        assert_eq!(value(totals(&text(&doc.to_string()), &fr())), Value::Null);
    }

    #[test]
    fn status_progress_and_renderers_come_from_core() {
        let sample = text(Convention::sample_json());
        let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
        assert_eq!(
            value(status(&sample, day, &fr())),
            json!({ "code": "in_force", "label": "en vigueur" })
        );
        assert_eq!(value(indicator_progress(&sample, &fr())), json!([]));
        let html = value(convention_html(&sample, day, &en()));
        assert!(html.as_str().is_some_and(|h| h.contains("in force")));
        let summary = value(convention_text(&sample, day, &fr()));
        assert!(summary.as_str().is_some_and(|t| t.contains("en vigueur")));
        assert!(report_html(&text("[]"), &en()).contains("field.type"));
    }

    #[test]
    fn amounts_go_through_core() {
        let t = |s: &str| Host::Text(s.to_owned());
        assert_eq!(
            value(format_amount(&t("241801"), &fr())),
            "241\u{202f}801\u{a0}€"
        );
        assert_eq!(value(format_amount(&Host::Int(1234), &en())), "€1,234.00");
        assert_eq!(value(parse_amount(&t("1 234,56 €"), &fr())), "1234.56");
        assert_eq!(
            failure(parse_amount(&t("-3 €"), &fr()))["code"],
            "amount.negative"
        );
        assert_eq!(
            failure(parse_amount(&Host::Float(0.5), &fr()))["code"],
            "amount.float"
        );
        assert_eq!(
            failure(parse_amount(&Host::Float(f64::NAN), &fr()))["code"],
            "value.nan"
        );
        let error = failure(parse_amount(&t("12.000"), &en()));
        assert_eq!(error["code"], "amount.ambiguous");
        assert_eq!(error["issues"][0]["ctx"]["as_thousands"], "12000.00");
        assert_eq!(error["message"], error["issues"][0]["message_en"]);
    }

    #[test]
    fn splits_are_core_s() {
        let hundred = Host::Int(100);
        assert_eq!(
            value(split(&hundred, &[1, 1, 1], &fr())),
            json!(["33.34", "33.33", "33.33"])
        );
        assert_eq!(
            value(split_evenly(&Host::Text("1000.01".into()), 3, &fr())),
            json!(["333.34", "333.34", "333.33"])
        );
        assert_eq!(
            failure(split(&hundred, &[0, 0], &fr()))["code"],
            "argument.invalid"
        );
        assert_eq!(
            failure(split_evenly(&hundred, 0, &fr()))["code"],
            "argument.invalid"
        );
    }

    #[test]
    fn languages_are_read_by_core() {
        assert_eq!(lang("EN").ok(), Some(Lang::En));
        assert_eq!(value(lang("english")), "en");
        let error = failure(lang("de"));
        assert_eq!(error["code"], "argument.invalid");
        assert!(error["message"].as_str().is_some_and(|m| m.contains("de")));
    }

    #[test]
    fn catalogue_is_core_s() {
        let c = serde_json::to_value(catalogue()).unwrap_or_default();
        assert_eq!(
            c["issue_codes"].as_array().map(Vec::len),
            Some(IssueCode::ALL.len())
        );
        assert_eq!(
            c["issue_codes"][0],
            json!({ "code": "json.syntax", "severity": "error" })
        );
        assert_eq!(c["default_limits"]["max_depth"], Limits::DEFAULT.max_depth);
        assert_eq!(c["convention_statuses"][2], "in_force");
    }

    #[test]
    fn deep_host_trees_are_freed_without_recursion() {
        let mut tree = Host::Null;
        for _ in 0..1_000_000 {
            tree = Host::List(vec![tree]);
        }
        let mut map = Host::Null;
        for _ in 0..1_000 {
            map = Host::Map(vec![(Key::Text("a".into()), map)]);
        }
        drop(Input::Host(tree));
        drop(Input::Host(map));
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
