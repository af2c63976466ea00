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
use ctg_core::input::Key;
use ctg_core::input::Value as Host;
use ctg_core::{
    Allocation, AllocationKey, Amendment, Amount, Change, Convention, ConventionStatus,
    DeclaredTotals, Diff, Evaluation, Execution, FacilityKind, IndicatorProgress, IndicatorRow,
    IndicatorStatus, Issue, IssueCode, Lang, Limits, Params, ParseError, Path, Renewal, Report,
    Severity, ThematicDomain, Totals, Validator, Word, Year, FORMAT_VERSION,
};
use serde::{Serialize, Serializer};

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
    /// `indicatorProgress`: the day the indicators are read on (default: every measurement).
    pub at: Option<NaiveDate>,
    /// `build`: declare the totals the allocations add up to.
    pub declare_totals: bool,
    /// `withAmount`: restate the declared totals from the allocations.
    pub restate_totals: bool,
    /// The geography module: the official geography validation checks collectivities against
    /// (its `geo.*` rules run); none in the base module, which has no geography.
    #[cfg(feature = "geo")]
    pub geography: Option<crate::geo::Reference>,
}

impl Options {
    /// The default options in `lang`.
    pub fn new(lang: Lang) -> Options {
        Options {
            lang,
            limits: Limits::DEFAULT,
            today: None,
            at: None,
            declare_totals: false,
            restate_totals: false,
            #[cfg(feature = "geo")]
            geography: None,
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
    /// Which argument the issues are about, when a call takes two conventions.
    argument: Option<&'static str>,
}

impl Failure {
    /// The failure of a document with errors: the first error's code and path, core's summary and
    /// issue lines in `lang` as the message, every issue.
    pub(crate) fn of_report(report: Report, lang: Lang) -> Failure {
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
            argument: None,
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
            argument: None,
        }
    }

    /// What should never happen (the embedded geography failed to load): code `internal`, as
    /// the JS wrapper says of a failure inside the module.
    #[cfg(feature = "geo")]
    pub fn internal(message: impl Into<String>) -> Failure {
        Failure {
            code: Cow::Borrowed("internal"),
            ..Failure::argument(message)
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
            argument: None,
        }
    }

    /// The same failure, about the argument `name` (of a call that takes two conventions).
    fn about(mut self, name: &'static str) -> Failure {
        self.argument = Some(name);
        self
    }
}

/// What a call returns: a value, or the failure to throw.
pub type Outcome<T> = Result<T, Failure>;

/// An issue as JavaScript sees it: core's serialisation (`code, severity, path, ctx, message_fr,
/// message_en`) and `message` in the language of the call.
#[derive(Serialize)]
pub(crate) struct JsIssue<'a> {
    #[serde(flatten)]
    issue: &'a Issue,
    message: String,
}

pub(crate) fn js_issues(issues: &[Issue], lang: Lang) -> Vec<JsIssue<'_>> {
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
pub(crate) struct JsReport<'a> {
    valid: bool,
    issues: Vec<JsIssue<'a>>,
}

impl JsReport<'_> {
    pub(crate) fn of(report: &Report, lang: Lang) -> JsReport<'_> {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    argument: Option<&'a str>,
}

/// The outcome as the JSON text of the object the wasm exports return: `{ok: true, value}` or
/// `{ok: false, error: {code, path, message, issues}}`. Serialised straight from core's types, so
/// objects keep core's order of fields (a convention's canonical order).
pub fn outcome_text<T: Serialize>(outcome: &Outcome<T>) -> String {
    match outcome {
        Ok(value) => {
            let mut text = success_start();
            let written = serde_json::to_writer(&mut text, value);
            success_end(text, written)
        }
        Err(f) => refusal_text(f),
    }
}

/// The start of `{"ok":true,"value":…}`: the value is serialised right after it, into the same
/// buffer (no second copy of a large value's text).
#[inline(never)]
fn success_start() -> Vec<u8> {
    let mut text = Vec::with_capacity(256);
    text.extend_from_slice(br#"{"ok":true,"value":"#);
    text
}

/// The end of `{"ok":true,"value":…}` (one copy for every type of value).
#[inline(never)]
fn success_end(mut text: Vec<u8>, written: serde_json::Result<()>) -> String {
    // Core's types always serialise, and serde_json writes UTF-8; an error here would be a bug,
    // reported as no outcome.
    if written.is_err() {
        return "null".to_owned();
    }
    text.push(b'}');
    String::from_utf8(text).unwrap_or_else(|_| "null".to_owned())
}

/// `{"ok":false,"error":…}`.
#[inline(never)]
fn refusal_text(f: &Failure) -> String {
    serde_json::to_string(&Refusal {
        ok: false,
        error: RefusalError {
            code: &f.code,
            path: &f.path,
            message: &f.message,
            issues: js_issues(&f.issues, f.lang),
            argument: f.argument,
        },
    })
    .unwrap_or_else(|_| "null".to_owned())
}

/// The issue of an input whose length alone exceeds `max_bytes`: what core reports for JSON text
/// over the limit (a test checks that it is the same issue), without copying it out of JavaScript.
pub(crate) fn too_large(limits: Limits) -> Issue {
    Issue::new(
        IssueCode::InputTooLarge,
        Path::root(),
        Params::new()
            .with("limit", limits.max_bytes)
            .with("unit", Word::BYTES),
    )
}

/// Core's validation of the input: the convention when it is valid, and the report. In the
/// geography module, with the geography of `options` when it has one.
fn read(input: &Input, options: &Options) -> (Option<Convention>, Report) {
    let limits = options.limits;
    let validator = Validator::new().limits(limits);
    #[cfg(feature = "geo")]
    let validator = match options.geography {
        Some(geography) => validator.gazetteer(geography.get()),
        None => validator,
    };
    match input {
        Input::Text(text) => validator.validate_str(text).into_parts(),
        Input::Bytes(bytes) => validator.validate_slice(bytes).into_parts(),
        Input::Host(tree) => validator.validate_host(tree).into_parts(),
        Input::Oversized => (None, Report::from(vec![too_large(limits)])),
    }
}

/// The convention, or the failure listing every issue.
pub(crate) fn convention(input: &Input, options: &Options) -> Result<Convention, Failure> {
    match read(input, options) {
        (Some(conv), _) => Ok(conv),
        (None, report) => Err(Failure::of_report(report, options.lang)),
    }
}

/// The report of validating `input`.
pub fn validate(input: &Input, options: &Options) -> Validated {
    Validated {
        report: read(input, options).1,
        lang: options.lang,
    }
}

/// One validation for a live editor: the report, and the convention when valid.
pub fn check(input: &Input, options: &Options) -> Checked {
    let (convention, report) = read(input, options);
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

/// Where every indicator stands: at its latest measurement, or on `options.at`.
pub fn indicator_progress(input: &Input, options: &Options) -> Outcome<Vec<IndicatorProgress>> {
    let conv = convention(input, options)?;
    Ok(match options.at {
        Some(day) => conv.indicator_progress_at(day),
        None => conv.indicator_progress(),
    })
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
    read(input, options).1.to_html(options.lang)
}

// ------------------------------------------------------------------ the life of a convention

/// The failure of an edit or of a part read on its own: every issue core gives.
fn refused(report: Report, options: &Options) -> Failure {
    Failure::of_report(report, options.lang)
}

/// A part read on its own by core (`Validator::read_…`), or the failure listing its issues.
fn part<T>(
    value: &Host,
    options: &Options,
    read: impl FnOnce(&Validator<'static>, &Host) -> Result<T, Report>,
) -> Outcome<T> {
    read(&Validator::new().limits(options.limits), value).map_err(|r| refused(r, options))
}

/// A convention built from its parts: the parts are a document without `format_version` (core's
/// is written when absent), validated like any document. With `options.declare_totals`, the
/// declared totals are the ones the allocations add up to (core's
/// `DeclaredTotals::from_allocations`), set by a `declared` change; the parts must then declare
/// none themselves (`argument.invalid`: one or the other, never one silently replaced).
pub fn build(parts: Host, options: &Options) -> Outcome<Convention> {
    let mut parts = parts;
    if let Host::Map(entries) = &mut parts {
        let named = |entries: &[(Key, Host)], name: &str| {
            entries
                .iter()
                .position(|(k, _)| matches!(k, Key::Text(t) if t == name))
        };
        if options.declare_totals {
            let declared = named(entries, "funding")
                .and_then(|i| entries.get(i))
                .is_some_and(|(_, funding)| match funding {
                    Host::Map(fields) => named(fields, "declared").is_some(),
                    _ => false,
                });
            if declared {
                return Err(Failure::argument(
                    "declare_totals computes funding.declared: give one or the other",
                ));
            }
        }
        if named(entries, "format_version").is_none() {
            entries.insert(
                0,
                (
                    Key::Text("format_version".to_owned()),
                    Host::Int(i128::from(FORMAT_VERSION)),
                ),
            );
        }
    }
    let conv = convention(&Input::Host(parts), options)?;
    if !options.declare_totals {
        return Ok(conv);
    }
    let computed = conv
        .funding()
        .and_then(|f| DeclaredTotals::from_allocations(f.allocations(), conv.period()));
    match (conv.funding(), computed) {
        (Some(funding), Some(after)) => conv
            .apply(&[Change::Declared {
                before: funding.declared().clone(),
                after,
            }])
            .map_err(|r| refused(r, options)),
        _ => Ok(conv),
    }
}

/// The totals `allocations` add up to over `period`: each year and the whole (core's
/// `DeclaredTotals::from_allocations`), as a convention declares them.
pub fn declared_totals_from(
    allocations: &Host,
    period: &Host,
    options: &Options,
) -> Outcome<DeclaredTotals> {
    let validator = Validator::new().limits(options.limits);
    let lines = validator.read_allocations(allocations);
    let period = validator.read_period(period);
    match (lines, period) {
        (Ok(lines), Ok(period)) => {
            DeclaredTotals::from_allocations(&lines, period).ok_or_else(|| {
                Failure::argument("the allocations add up to more than an amount holds")
            })
        }
        (lines, period) => {
            let mut issues = lines.err().map(Report::into_issues).unwrap_or_default();
            issues.extend(period.err().map(Report::into_issues).unwrap_or_default());
            Err(refused(Report::from(issues), options))
        }
    }
}

/// `amount` spread evenly over the years of `period`, to the cent (core's `Allocation::spread`):
/// the `amounts` of an allocation.
pub fn spread_amount(
    amount: &Host,
    period: &Host,
    options: &Options,
) -> Outcome<std::collections::BTreeMap<Year, Amount>> {
    let total =
        Amount::from_host(amount).map_err(|e| Issue::from_error(Path::root().key("amount"), e));
    let period = Validator::new().limits(options.limits).read_period(period);
    let (total, period) = match (total, period) {
        (Ok(total), Ok(period)) => (total, period),
        (total, period) => {
            let mut issues: Vec<Issue> = total.err().into_iter().collect();
            issues.extend(period.err().map(Report::into_issues).unwrap_or_default());
            return Err(refused(Report::from(issues), options));
        }
    };
    // The line's beneficiary and kind do not matter here: only its amounts are returned.
    Allocation::spread(String::new(), FacilityKind::Eaje, total, period)
        .map(|line| line.amounts().clone())
        .map_err(|e| Failure::argument(e.to_string()))
}

/// The number the next action sheet would take.
pub fn next_action_sheet_number(input: &Input, options: &Options) -> Outcome<u32> {
    Ok(convention(input, options)?.next_action_sheet_number())
}

/// A funding line and year as the caller names them (`withAmount`'s argument, its fields read
/// as JavaScript values): what core reads of them is core's.
#[derive(Debug)]
pub struct AmountEdit {
    /// Id of the beneficiary.
    pub beneficiary: String,
    /// What the line funds, as written (core reads it as a facility kind).
    pub facility_kind: String,
    /// Its domain, as written.
    pub domain: Option<String>,
    /// Its label.
    pub label: Option<String>,
    /// The year.
    pub year: Year,
    /// The amount (`None`: the amount of that year is removed).
    pub amount: Option<Host>,
}

/// The convention with one amount set or removed (core's `with_amount`, or
/// `with_amount_and_totals` with `options.restate_totals`).
pub fn with_amount(input: &Input, edit: &AmountEdit, options: &Options) -> Outcome<Convention> {
    let conv = convention(input, options)?;
    let mut issues = Vec::new();
    let facility_kind = edit
        .facility_kind
        .parse::<FacilityKind>()
        .map_err(|e| issues.push(Issue::from_error(Path::root().key("facility_kind"), e)))
        .ok();
    let amount = match &edit.amount {
        None => Some(None),
        Some(value) => Amount::from_host(value)
            .map_err(|e| issues.push(Issue::from_error(Path::root().key("amount"), e)))
            .ok()
            .map(Some),
    };
    let (Some(facility_kind), Some(amount)) = (facility_kind, amount) else {
        return Err(refused(Report::from(issues), options));
    };
    let key = AllocationKey {
        beneficiary: edit.beneficiary.clone(),
        facility_kind,
        domain: edit.domain.as_deref().map(ThematicDomain::parse),
        label: edit.label.clone(),
    };
    let result = if options.restate_totals {
        conv.with_amount_and_totals(&key, edit.year, amount)
    } else {
        conv.with_amount(&key, edit.year, amount)
    };
    result.map_err(|r| refused(r, options))
}

/// The convention with this action sheet added, or replacing the sheet of its number.
pub fn with_action_sheet(input: &Input, sheet: &Host, options: &Options) -> Outcome<Convention> {
    let conv = convention(input, options)?;
    let sheet = part(sheet, options, Validator::read_action_sheet)?;
    conv.with_action_sheet(sheet)
        .map_err(|r| refused(r, options))
}

/// The convention without the action sheet of this number.
pub fn without_action_sheet(input: &Input, number: u32, options: &Options) -> Outcome<Convention> {
    convention(input, options)?
        .without_action_sheet(number)
        .map_err(|r| refused(r, options))
}

/// The convention with this party added, or replacing the party of its id.
pub fn with_party(input: &Input, party: &Host, options: &Options) -> Outcome<Convention> {
    let conv = convention(input, options)?;
    let party = part(party, options, Validator::read_party)?;
    conv.with_party(party).map_err(|r| refused(r, options))
}

/// The convention without the party of this id.
pub fn without_party(input: &Input, id: &str, options: &Options) -> Outcome<Convention> {
    convention(input, options)?
        .without_party(id)
        .map_err(|r| refused(r, options))
}

/// The convention over another period.
pub fn with_period(input: &Input, period: &Host, options: &Options) -> Outcome<Convention> {
    let conv = convention(input, options)?;
    let period = part(period, options, Validator::read_period)?;
    conv.with_period(period).map_err(|r| refused(r, options))
}

/// The convention with `changes` applied in order (core's `Convention::apply`).
pub fn apply_changes(input: &Input, changes: &Host, options: &Options) -> Outcome<Convention> {
    let conv = convention(input, options)?;
    let changes = part(changes, options, Validator::read_changes)?;
    conv.apply(&changes).map_err(|r| refused(r, options))
}

/// The convention in force on a day: the text with the amendments of that day or before applied,
/// those amendments, and the later ones.
#[derive(Debug, Serialize)]
pub struct InForce {
    convention: Convention,
    applied: Vec<Amendment>,
    pending: Vec<Amendment>,
}

/// The convention in force on `date` (core's `Convention::as_of`).
pub fn as_of(input: &Input, date: NaiveDate, options: &Options) -> Outcome<InForce> {
    let in_force = convention(input, options)?
        .as_of(date)
        .map_err(|r| refused(r, options))?;
    Ok(InForce {
        applied: in_force.applied().to_vec(),
        pending: in_force.pending().to_vec(),
        convention: in_force.into_convention(),
    })
}

/// What `diff` returns: core's `Diff` (`changes`, each amount with its `difference`; `fields`)
/// and its text in the language of the call.
#[derive(Debug, Serialize)]
pub struct DiffResult {
    #[serde(flatten)]
    diff: Diff,
    text: String,
}

/// Two conventions, each read and validated; a failure says which argument it is about.
fn two(
    first: (&Input, &'static str),
    second: (&Input, &'static str),
    options: &Options,
) -> Outcome<(Convention, Convention)> {
    let a = convention(first.0, options).map_err(|f| f.about(first.1))?;
    let b = convention(second.0, options).map_err(|f| f.about(second.1))?;
    Ok((a, b))
}

/// The changes from `before` to `after` (core's `Convention::diff`), with their text.
pub fn diff(before: &Input, after: &Input, options: &Options) -> Outcome<DiffResult> {
    let (a, b) = two((before, "before"), (after, "after"), options)?;
    let diff = a.diff(&b);
    let text = diff.to_text(options.lang);
    Ok(DiffResult { diff, text })
}

/// What `renewal` returns: core's `Renewal` and its text.
#[derive(Debug, Serialize)]
pub struct RenewalResult {
    #[serde(flatten)]
    renewal: Renewal,
    text: String,
}

/// `next` seen as the renewal of `previous` (core's `Convention::renewal_of`), with its text.
pub fn renewal(previous: &Input, next: &Input, options: &Options) -> Outcome<RenewalResult> {
    let (a, b) = two((previous, "previous"), (next, "next"), options)?;
    let renewal = b.renewal_of(&a);
    let text = renewal.to_text(options.lang);
    Ok(RenewalResult { renewal, text })
}

/// One row per indicator and measurement.
pub fn indicator_rows(input: &Input, options: &Options) -> Outcome<Vec<IndicatorRow>> {
    Ok(convention(input, options)?.indicator_rows())
}

/// Funding planned against paid; `None` (`null`) without a funding section.
pub fn execution(input: &Input, options: &Options) -> Outcome<Option<Execution>> {
    Ok(convention(input, options)?.execution())
}

/// What `evaluation` returns: core's `Evaluation` and its text.
#[derive(Debug, Serialize)]
pub struct EvaluationResult {
    #[serde(flatten)]
    evaluation: Evaluation,
    text: String,
}

/// The evaluation of `year`, judged on `today` when earlier than the end of the year.
pub fn evaluation(
    input: &Input,
    year: Year,
    today: NaiveDate,
    options: &Options,
) -> Outcome<EvaluationResult> {
    let evaluation = convention(input, options)?.evaluation(year, today);
    let text = evaluation.to_text(options.lang);
    Ok(EvaluationResult { evaluation, text })
}

/// Whole months from `date` until the convention ends (negative once ended).
pub fn months_before_expiry(input: &Input, date: NaiveDate, options: &Options) -> Outcome<i32> {
    Ok(convention(input, options)?.months_before_expiry(date))
}

/// One convention of `expiries`: its report, and when valid when it ends.
#[derive(Debug)]
pub struct Expiry {
    report: Report,
    ends: Option<Ends>,
    lang: Lang,
}

/// When a valid convention ends.
#[derive(Debug, Serialize)]
struct Ends {
    id: String,
    title: String,
    end_date: NaiveDate,
    months_before_expiry: i32,
}

impl Serialize for Expiry {
    /// `{report, id, title, end_date, months_before_expiry}`, the last four only when valid.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            report: JsReport<'a>,
            #[serde(flatten, skip_serializing_if = "Option::is_none")]
            ends: Option<&'a Ends>,
        }
        Wire {
            report: JsReport::of(&self.report, self.lang),
            ends: self.ends.as_ref(),
        }
        .serialize(serializer)
    }
}

/// When each convention ends, seen from `date` (never a failure: an invalid one has its report).
pub fn expiry(input: &Input, date: NaiveDate, options: &Options) -> Expiry {
    let (conv, report) = read(input, options);
    Expiry {
        report,
        ends: conv.map(|c| Ends {
            id: c.id().to_owned(),
            title: c.title().to_owned(),
            end_date: c.end_date(),
            months_before_expiry: c.months_before_expiry(date),
        }),
        lang: options.lang,
    }
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
/// issue code with its severity, the convention and indicator statuses and the default limits,
/// as core has them.
#[derive(Serialize)]
pub struct Catalogue {
    issue_codes: Vec<CodeSeverity>,
    convention_statuses: &'static [&'static str],
    indicator_statuses: &'static [&'static str],
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
        indicator_statuses: IndicatorStatus::CODES,
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
        let ours = read(&Input::Oversized, &Options { limits, ..fr() }).1;
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

    /// A JSON value as the host tree the JS reader would make of the same JS value.
    fn host(v: &Value) -> Host {
        match v {
            Value::Null => Host::Null,
            Value::Bool(b) => Host::Bool(*b),
            Value::Number(n) => n.as_i64().map_or_else(
                || Host::Float(n.as_f64().unwrap_or(f64::NAN)),
                |i| Host::Int(i128::from(i)),
            ),
            Value::String(t) => Host::Text(t.clone()),
            Value::Array(items) => Host::List(items.iter().map(host).collect()),
            Value::Object(map) => Host::Map(
                map.iter()
                    .map(|(k, v)| (Key::Text(k.clone()), host(v)))
                    .collect(),
            ),
        }
    }

    fn sample() -> Input {
        text(Convention::sample_json())
    }

    fn loco(year: Year, amount: Option<&str>) -> AmountEdit {
        AmountEdit {
            beneficiary: "la-petite-loco".into(),
            facility_kind: "eaje".into(),
            domain: Some("petite_enfance".into()),
            label: None,
            year,
            amount: amount.map(|a| Host::Text(a.into())),
        }
    }

    #[test]
    fn build_writes_the_format_version_and_declares_totals_on_request() {
        let mut parts = Convention::sample().to_value();
        if let Some(map) = parts.as_object_mut() {
            map.remove("format_version");
        }
        let conv = value(build(host(&parts), &fr()));
        assert_eq!(conv["format_version"], 1);
        assert_eq!(conv, Convention::sample().to_value());
        // declared by the parts and asked to be computed: refused
        let declare = Options {
            declare_totals: true,
            ..fr()
        };
        assert_eq!(
            failure(build(host(&parts), &declare))["code"],
            "argument.invalid"
        );
        if let Some(funding) = parts["funding"].as_object_mut() {
            funding.remove("declared");
        }
        let declared = value(build(host(&parts), &declare));
        assert_eq!(
            declared["funding"]["declared"],
            json!({"yearly": {"2023": "241801.00", "2024": "241801.00", "2025": "241801.00"},
                   "total": "725403.00"})
        );
    }

    #[test]
    fn helpers_are_core_s() {
        let doc = Convention::sample().to_value();
        let totals = value(declared_totals_from(
            &host(&doc["funding"]["allocations"]),
            &host(&doc["period"]),
            &fr(),
        ));
        assert_eq!(totals, doc["funding"]["declared"]);
        let spread = value(spread_amount(
            &Host::Text("100 000 €".into()),
            &Host::Text("2023-2025".into()),
            &fr(),
        ));
        assert_eq!(
            spread,
            json!({"2023": "33333.34", "2024": "33333.33", "2025": "33333.33"})
        );
        let both = failure(declared_totals_from(
            &Host::Text("x".into()),
            &Host::Text("2025-2023".into()),
            &en(),
        ));
        let paths: Vec<&Value> = both["issues"]
            .as_array()
            .map(|i| i.iter().map(|i| &i["path"]).collect())
            .unwrap_or_default();
        assert_eq!(paths, [&json!("allocations"), &json!("period")]);
        let both = failure(spread_amount(
            &Host::Text("-1".into()),
            &Host::Text("2025-2023".into()),
            &en(),
        ));
        assert_eq!(both["issues"][0]["path"], "amount");
        assert_eq!(both["issues"][0]["code"], "amount.negative");
        assert_eq!(both["issues"][1]["code"], "period.reversed");
        assert_eq!(value(next_action_sheet_number(&sample(), &fr())), 17);
    }

    #[test]
    fn edits_are_core_s_and_say_why_they_are_refused() {
        let refused = failure(with_amount(&sample(), &loco(2025, Some("42 000 €")), &en()));
        assert_eq!(refused["code"], "change.breaks_convention");
        let restate = Options {
            restate_totals: true,
            ..fr()
        };
        let edited = value(with_amount(
            &sample(),
            &loco(2025, Some("42 000 €")),
            &restate,
        ));
        assert_eq!(edited["funding"]["declared"]["total"], "726603.00");
        let mut bad = loco(2025, Some("-1"));
        bad.facility_kind = "crèchette".into();
        let issues = failure(with_amount(&sample(), &bad, &en()))["issues"].clone();
        assert_eq!(issues[0]["path"], "facility_kind");
        assert_eq!(issues[0]["code"], "value.unknown");
        assert_eq!(issues[1]["path"], "amount");
        assert_eq!(issues[1]["code"], "amount.negative");

        let sheet = host(&json!({"number": 17, "title": "Soutenir la parentalité"}));
        let added = value(with_action_sheet(&sample(), &sheet, &fr()));
        assert_eq!(added["action_sheets"][16]["status"], "planned");
        let untitled = failure(with_action_sheet(
            &sample(),
            &host(&json!({"number": 17})),
            &fr(),
        ));
        assert_eq!(untitled["path"], "action_sheet.title");
        assert_eq!(
            failure(without_action_sheet(&sample(), 99, &fr()))["code"],
            "change.cannot_apply"
        );
        let msa = host(&json!({"id": "msa", "name": "MSA", "kind": "msa", "role": "co_funder"}));
        assert_eq!(
            value(with_party(&sample(), &msa, &fr()))["parties"]
                .as_array()
                .map(Vec::len),
            Some(14)
        );
        assert_eq!(
            failure(without_party(&sample(), "cc-thore-montagne-noire", &fr()))["code"],
            "change.breaks_convention"
        );
        let longer = value(with_period(
            &sample(),
            &Host::Text("2023-2026".into()),
            &fr(),
        ));
        assert_eq!(longer["period"]["duration_years"], 4);
        let add = host(&json!([{"kind": "domain", "after": "parentalite"}]));
        let once = value(apply_changes(&sample(), &add, &fr()));
        let twice = failure(apply_changes(&text(&once.to_string()), &add, &en()));
        assert_eq!(twice["path"], "changes[0]");
        assert_eq!(twice["code"], "change.cannot_apply");
    }

    #[test]
    fn in_force_comparisons_and_evaluation_come_with_core_s_text() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let in_force = value(as_of(&sample(), day(2024, 1, 1), &fr()));
        assert_eq!(in_force["applied"], json!([]));
        assert_eq!(in_force["convention"]["id"], Convention::sample().id());
        let edited = value(with_amount(
            &sample(),
            &loco(2025, Some("42000")),
            &Options {
                restate_totals: true,
                ..fr()
            },
        ));
        let d = value(diff(&sample(), &text(&edited.to_string()), &en()));
        assert_eq!(d["changes"][0]["kind"], "amount");
        assert_eq!(d["changes"][0]["difference"], "1200.00");
        assert_eq!(d["fields"], json!([]));
        assert!(d["text"]
            .as_str()
            .is_some_and(|t| t.contains("€40,800.00 → €42,000.00")));
        let invalid = failure(diff(&sample(), &text("{}"), &fr()));
        assert_eq!(invalid["argument"], "after");
        assert!(failure(parse(&text("{}"), &fr())).get("argument").is_none());
        let r = value(renewal(&sample(), &sample(), &en()));
        assert_eq!(r["continued"].as_array().map(Vec::len), Some(16));
        assert!(r["text"]
            .as_str()
            .is_some_and(|t| t.contains("Continued (16)")));
        let e = value(evaluation(&sample(), 2024, day(2025, 1, 15), &en()));
        assert_eq!(e["as_of"], "2024-12-31");
        assert!(e["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Evaluation 2024")));
        assert_eq!(
            value(months_before_expiry(&sample(), day(2025, 6, 30), &fr())),
            6
        );
        let ends =
            serde_json::to_value(expiry(&sample(), day(2025, 6, 30), &fr())).unwrap_or_default();
        assert_eq!(ends["end_date"], "2025-12-31");
        assert_eq!(ends["months_before_expiry"], 6);
        assert_eq!(ends["report"]["valid"], true);
        let none =
            serde_json::to_value(expiry(&text("{}"), day(2025, 6, 30), &fr())).unwrap_or_default();
        assert_eq!(none.as_object().map(|o| o.len()), Some(1));
        assert!(value(execution(&sample(), &fr()))["by_year"]["2024"]["paid"].is_null());
        assert_eq!(value(indicator_rows(&sample(), &fr())), json!([]));
    }
}
