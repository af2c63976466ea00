//! # ctg-wasm
//!
//! The WebAssembly binding of `ctg-core`, for front-end teams. It only translates: JavaScript
//! arguments become core's input model ([`convert`]), core's results come back as plain JS
//! objects of the canonical JSON format ([`bridge`]). Every rule, total, check, limit, amount
//! format and message is core's.
//!
//! The functions exported here never throw: they return `{ok: true, value}` or
//! `{ok: false, error}`, which the hand-written wrapper (`js/api.js`) turns into a return value or
//! a thrown `CtgError`. Use the npm package (`ctg-wasm/pkg/`, built by `ctg-wasm/build.sh`), not
//! these exports directly.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

use std::cell::Cell;

use chrono::NaiveDate;
use ctg_core::{Lang, Limits};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub mod bridge;
pub mod convert;
#[cfg(feature = "geo")]
pub mod geo;
#[cfg(feature = "geo")]
mod geo_exports;
#[cfg(any(feature = "portfolio", feature = "geo"))]
pub mod portfolio;
#[cfg(feature = "tables")]
mod tables;

use bridge::{Failure, Options, Outcome};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type { CheckResult, Convention, DeclaredTotals, DiffResult, EvaluationResult, Execution, Expiry, IndicatorProgress, IndicatorRow, InForce, Lang, Money, Outcome, RenewalResult, Report, StatusResult, Totals } from "../types.js";
"#;

thread_local! {
    /// The language of `setLanguage`, used when a call gives none.
    static LANGUAGE: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// An outcome as a plain JS object, through JSON text: JavaScript sees exactly the canonical JSON
/// (money as strings, year keys as `"2024"`, fields in core's order).
fn respond<T: serde::Serialize>(outcome: Outcome<T>) -> JsValue {
    json(&bridge::outcome_text(&outcome))
}

/// JSON text as a JS value (`null` if it were not JSON, which core's serialisation never gives).
#[inline(never)]
fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// A value of core's as a plain JS value (`"fr"`, the catalogue…).
fn plain<T: serde::Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

// ------------------------------------------------------------------ arguments

/// Reads a property with `Reflect.get` (a getter or a proxy may throw: an argument error).
fn property(object: &JsValue, name: &str) -> Result<JsValue, Failure> {
    Reflect::get(object, &JsValue::from_str(name)).map_err(|e| {
        Failure::argument(format!(
            "reading option {name:?} threw: {}",
            convert::thrown(&e)
        ))
    })
}

/// The own keys of an options object, each checked against `known`.
fn check_keys(object: &JsValue, what: &str, known: &[&str]) -> Result<(), Failure> {
    let keys = Reflect::own_keys(object)
        .map_err(|e| Failure::argument(format!("{what}: {}", convert::thrown(&e))))?;
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_else(|| "(symbol)".to_owned());
        if !known.contains(&name.as_str()) {
            return Err(Failure::argument(format!(
                "unknown {what} {name:?} (known: {})",
                known.join(", ")
            )));
        }
    }
    Ok(())
}

/// A language name, read by core (`"fr"`, `"en"`, `"English"`…).
fn language(value: &JsValue) -> Result<Lang, Failure> {
    match value.as_string() {
        Some(name) => bridge::lang(&name),
        None => Err(Failure::argument("lang must be a string: \"fr\" or \"en\"")),
    }
}

/// A non-negative integer argument that fits in `usize` (a safe-integer number).
fn count(value: &JsValue, what: &str) -> Result<usize, Failure> {
    value
        .as_f64()
        .filter(|&n| convert::is_safe_integer(n) && n >= 0.0 && n <= usize::MAX as f64)
        .map(|n| n as usize)
        .ok_or_else(|| {
            Failure::argument(format!(
                "{what} must be an integer from 0 to {}",
                usize::MAX
            ))
        })
}

fn limits(value: &JsValue) -> Result<Limits, Failure> {
    let mut limits = Limits::DEFAULT;
    if value.is_undefined() {
        return Ok(limits);
    }
    if !value.is_object() || convert::array(value) != Ok(false) {
        return Err(Failure::argument(
            "limits must be an object {max_bytes, max_values, max_depth, max_issues}",
        ));
    }
    const NAMES: [&str; 4] = ["max_bytes", "max_values", "max_depth", "max_issues"];
    check_keys(value, "limit", &NAMES)?;
    for name in NAMES {
        let given = property(value, name)?;
        if given.is_undefined() {
            continue;
        }
        let n = count(&given, &format!("limits.{name}"))?;
        match name {
            "max_bytes" => limits.max_bytes = n,
            "max_values" => limits.max_values = n,
            "max_depth" => limits.max_depth = n,
            _ => limits.max_issues = n,
        }
    }
    Ok(limits)
}

/// A day: `"YYYY-MM-DD"`, or a `Date` (its calendar day in the host's time zone).
fn day(value: &JsValue, what: &str) -> Result<NaiveDate, Failure> {
    let invalid = || {
        Failure::argument(format!(
            "{what} must be a date \"YYYY-MM-DD\" or a valid Date"
        ))
    };
    if let Some(text) = value.as_string() {
        let b = text.as_bytes();
        let iso = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        // The shape checked here, the calendar by core's date reader.
        return iso
            .then(|| ctg_core::parse_date(&text).ok())
            .flatten()
            .ok_or_else(invalid);
    }
    // The time value of a real Date, read without running any code of the caller; the calendar
    // day is then read from a fresh Date of that time.
    let time = convert::time_value(value)
        .filter(|t| !t.is_nan())
        .ok_or_else(invalid)?;
    let date = js_sys::Date::new(&JsValue::from_f64(time));
    NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .ok_or_else(invalid)
}

/// Today in the host's time zone (the library itself never reads the clock).
fn today() -> Result<NaiveDate, Failure> {
    day(&js_sys::Date::new_0().into(), "today")
}

/// The options every call takes.
const COMMON: [&str; 3] = ["lang", "limits", "today"];

/// The options argument `{lang, limits, today}` (all optional), over the defaults.
fn read_options(value: &JsValue) -> Result<Options, Failure> {
    read_options_with(value, &[])
}

/// The options argument: `{lang, limits, today}` and the options of one call (`extra`: `at`,
/// `declare_totals`, `restate_totals`), all optional, over the defaults; any other is refused.
#[inline(never)]
fn read_options_with(value: &JsValue, extra: &[&str]) -> Result<Options, Failure> {
    let mut options = Options::new(LANGUAGE.with(Cell::get));
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let known: Vec<&str> = COMMON.iter().chain(extra).copied().collect();
    if !value.is_object() || convert::array(value) != Ok(false) {
        return Err(Failure::argument(format!(
            "options must be an object {{{}}}",
            known.join(", ")
        )));
    }
    check_keys(value, "option", &known)?;
    let lang = property(value, "lang")?;
    if !lang.is_undefined() {
        options.lang = language(&lang)?;
    }
    options.limits = limits(&property(value, "limits")?)?;
    let today = property(value, "today")?;
    if !today.is_undefined() {
        options.today = Some(day(&today, "today")?);
    }
    for &name in extra {
        let given = property(value, name)?;
        if given.is_undefined() {
            continue;
        }
        match name {
            "at" => options.at = Some(day(&given, "at")?),
            "declare_totals" => options.declare_totals = flag(&given, name)?,
            "restate_totals" => options.restate_totals = flag(&given, name)?,
            // The options of the geography module's lookups, read by the caller.
            _ => {}
        }
    }
    Ok(options)
}

/// A boolean option.
fn flag(value: &JsValue, what: &str) -> Result<bool, Failure> {
    value
        .as_bool()
        .ok_or_else(|| Failure::argument(format!("{what} must be true or false")))
}

/// The day of `options.today`, or today.
fn day_of(options: &Options) -> Result<NaiveDate, Failure> {
    options.today.map_or_else(today, Ok)
}

/// Reads the options, then the document with their limits, and runs `f`.
fn with_input<T: serde::Serialize>(
    input: &JsValue,
    options_value: &JsValue,
    f: impl FnOnce(&bridge::Input, &Options) -> Outcome<T>,
) -> JsValue {
    with_input_and(input, options_value, &[], f)
}

/// [`with_input`] for a call that takes the options `extra` besides the common ones.
fn with_input_and<T: serde::Serialize>(
    input: &JsValue,
    options_value: &JsValue,
    extra: &[&str],
    f: impl FnOnce(&bridge::Input, &Options) -> Outcome<T>,
) -> JsValue {
    respond(read_options_with(options_value, extra).and_then(|options| {
        let input = convert::input(input, &options.limits);
        f(&input, &options)
    }))
}

/// The day argument of a call (`date`), else `options.today`, else today.
fn day_or_today(value: &JsValue, what: &str, options: &Options) -> Result<NaiveDate, Failure> {
    if value.is_undefined() || value.is_null() {
        day_of(options)
    } else {
        day(value, what)
    }
}

/// A year argument: an integer number.
fn year(value: &JsValue, what: &str) -> Result<i32, Failure> {
    value
        .as_f64()
        .filter(|&n| {
            convert::is_safe_integer(n) && n >= f64::from(i32::MIN) && n <= f64::from(i32::MAX)
        })
        .map(|n| n as i32)
        .ok_or_else(|| Failure::argument(format!("{what} must be a year, an integer such as 2024")))
}

/// A string argument.
fn text(value: &JsValue, what: &str) -> Result<String, Failure> {
    value
        .as_string()
        .ok_or_else(|| Failure::argument(format!("{what} must be a string")))
}

/// An optional string argument (`undefined` or `null`: absent).
fn optional_text(value: &JsValue, what: &str) -> Result<Option<String>, Failure> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    text(value, what).map(Some)
}

/// `withAmount`'s second argument: `{beneficiary, facility_kind, domain?, label?, year, amount}`,
/// `amount: null` to remove the amount of that year.
fn amount_edit(value: &JsValue, limits: &Limits) -> Result<bridge::AmountEdit, Failure> {
    const FIELDS: [&str; 6] = [
        "beneficiary",
        "facility_kind",
        "domain",
        "label",
        "year",
        "amount",
    ];
    if !value.is_object() || convert::array(value) != Ok(false) {
        return Err(Failure::argument(format!(
            "the funding line must be an object {{{}}}",
            FIELDS.join(", ")
        )));
    }
    check_keys(value, "field of the funding line", &FIELDS)?;
    let amount = property(value, "amount")?;
    if amount.is_undefined() {
        return Err(Failure::argument(
            "amount must be given: an amount, or null to remove the amount of that year",
        ));
    }
    Ok(bridge::AmountEdit {
        beneficiary: text(&property(value, "beneficiary")?, "beneficiary")?,
        facility_kind: text(&property(value, "facility_kind")?, "facility_kind")?,
        domain: optional_text(&property(value, "domain")?, "domain")?,
        label: optional_text(&property(value, "label")?, "label")?,
        year: year(&property(value, "year")?, "year")?,
        amount: (!amount.is_null()).then(|| convert::tree(&amount, limits)),
    })
}

/// A part argument (an action sheet, a party, a period, changes…) as core's host tree.
fn part(value: &JsValue, options: &Options) -> ctg_core::input::Value {
    convert::tree(value, &options.limits)
}

/// A value handed to an amount function, as core's host tree (default limits).
fn host_value(value: &JsValue) -> ctg_core::input::Value {
    convert::tree(value, &Limits::DEFAULT)
}

// ------------------------------------------------------------------ exports

/// Validates a convention (JSON text, UTF-8 bytes or any JS value); fails only on bad options.
#[wasm_bindgen(unchecked_return_type = "Outcome<Report>")]
pub fn validate(input: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, |input, o| Ok(bridge::validate(input, o)))
}

/// Validates once: `{report}`, plus `convention` and `totals` when valid.
#[wasm_bindgen(unchecked_return_type = "Outcome<CheckResult>")]
pub fn check(input: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, |input, o| Ok(bridge::check(input, o)))
}

/// The convention in its canonical JSON form, or every issue.
#[wasm_bindgen(unchecked_return_type = "Outcome<Convention>")]
pub fn parse(input: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, bridge::parse)
}

/// The exact totals of a valid convention (`null` without a funding section).
#[wasm_bindgen(unchecked_return_type = "Outcome<Totals | null>")]
pub fn totals(input: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, bridge::totals)
}

/// The status of a valid convention on a day (`today` argument, else `options.today`, else today).
#[wasm_bindgen(unchecked_return_type = "Outcome<StatusResult>")]
pub fn status(input: JsValue, today: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, |input, o| {
        let day = if today.is_undefined() || today.is_null() {
            day_of(o)?
        } else {
            day(&today, "today")?
        };
        bridge::status(input, day, o)
    })
}

/// Where every indicator of a valid convention stands (at its latest measurement, or on
/// `options.at`).
#[wasm_bindgen(js_name = indicatorProgress, unchecked_return_type = "Outcome<IndicatorProgress[]>")]
pub fn indicator_progress(input: JsValue, options: JsValue) -> JsValue {
    with_input_and(&input, &options, &["at"], bridge::indicator_progress)
}

/// What is read from one valid convention, one export for all (the JS wrapper names them):
/// `what` is `"indicatorRows"`, `"execution"`, `"evaluation"` (`arg`: the year),
/// `"monthsBeforeExpiry"` and `"asOf"` (`arg`: the day, else `options.today`, else today) or
/// `"nextActionSheetNumber"`.
#[wasm_bindgen(unchecked_return_type = "Outcome<unknown>")]
pub fn about(what: &str, input: JsValue, arg: JsValue, options: JsValue) -> JsValue {
    let o = match read_options(&options) {
        Ok(o) => o,
        Err(f) => return respond::<()>(Err(f)),
    };
    let input = convert::input(&input, &o.limits);
    let on = |o: &Options| day_or_today(&arg, "date", o);
    match what {
        "indicatorRows" => respond(bridge::indicator_rows(&input, &o)),
        "execution" => respond(bridge::execution(&input, &o)),
        "evaluation" => {
            respond(year(&arg, "year").and_then(|y| bridge::evaluation(&input, y, day_of(&o)?, &o)))
        }
        "monthsBeforeExpiry" => {
            respond(on(&o).and_then(|d| bridge::months_before_expiry(&input, d, &o)))
        }
        "asOf" => respond(on(&o).and_then(|d| bridge::as_of(&input, d, &o))),
        "nextActionSheetNumber" => respond(bridge::next_action_sheet_number(&input, &o)),
        _ => respond::<()>(Err(Failure::argument(format!(
            "nothing to read named {what:?}"
        )))),
    }
}

/// When each convention of a list ends, seen from a day; each with its report (never throws on
/// data).
#[wasm_bindgen(unchecked_return_type = "Outcome<Expiry[]>")]
pub fn expiries(inputs: JsValue, date: JsValue, options: JsValue) -> JsValue {
    respond(read_options(&options).and_then(|o| {
        let date = day_or_today(&date, "date", &o)?;
        let invalid = || {
            Failure::argument(format!(
                "inputs must be an array of at most {} conventions",
                o.limits.max_values
            ))
        };
        if convert::array(&inputs) != Ok(true) {
            return Err(invalid());
        }
        let length = convert::array_length(&inputs).map_err(|_| invalid())?;
        if length as usize > o.limits.max_values {
            return Err(invalid());
        }
        let mut out = Vec::with_capacity(length as usize);
        for i in 0..length {
            let item = Reflect::get_u32(&inputs, i).map_err(|e| {
                Failure::argument(format!(
                    "reading inputs[{i}] threw: {}",
                    convert::thrown(&e)
                ))
            })?;
            out.push(bridge::expiry(&convert::input(&item, &o.limits), date, &o));
        }
        Ok(out)
    }))
}

/// A convention from its parts (a document without `format_version`), validated; with
/// `options.declare_totals`, its declared totals are the ones its allocations add up to.
#[wasm_bindgen(unchecked_return_type = "Outcome<Convention>")]
pub fn build(parts: JsValue, options: JsValue) -> JsValue {
    respond(
        read_options_with(&options, &["declare_totals"])
            .and_then(|o| bridge::build(part(&parts, &o), &o)),
    )
}

/// The totals allocations add up to over a period, as a convention declares them.
#[wasm_bindgen(js_name = declaredTotalsFrom, unchecked_return_type = "Outcome<DeclaredTotals>")]
pub fn declared_totals_from(allocations: JsValue, period: JsValue, options: JsValue) -> JsValue {
    respond(read_options(&options).and_then(|o| {
        bridge::declared_totals_from(&part(&allocations, &o), &part(&period, &o), &o)
    }))
}

/// An amount spread evenly over the years of a period, to the cent.
#[wasm_bindgen(js_name = spreadAmount, unchecked_return_type = "Outcome<Record<string, Money>>")]
pub fn spread_amount(amount: JsValue, period: JsValue, options: JsValue) -> JsValue {
    respond(
        read_options(&options)
            .and_then(|o| bridge::spread_amount(&host_value(&amount), &part(&period, &o), &o)),
    )
}

/// The copy-with edits, one export for all (the JS wrapper names them): `what` is the name of
/// the edit (`"withAmount"`, `"withActionSheet"`, `"withoutActionSheet"`, `"withParty"`,
/// `"withoutParty"`, `"withPeriod"`, `"applyChanges"`), `arg` its argument. A new convention, or
/// the issues that stop it.
#[wasm_bindgen(unchecked_return_type = "Outcome<Convention>")]
pub fn edit(what: &str, input: JsValue, arg: JsValue, options: JsValue) -> JsValue {
    let extra: &[&str] = if what == "withAmount" {
        &["restate_totals"]
    } else {
        &[]
    };
    with_input_and(&input, &options, extra, |input, o| match what {
        "withAmount" => bridge::with_amount(input, &amount_edit(&arg, &o.limits)?, o),
        "withActionSheet" => bridge::with_action_sheet(input, &part(&arg, o), o),
        "withoutActionSheet" => {
            let n = count(&arg, "number")?;
            let n = u32::try_from(n)
                .map_err(|_| Failure::argument(format!("number must be at most {}", u32::MAX)))?;
            bridge::without_action_sheet(input, n, o)
        }
        "withParty" => bridge::with_party(input, &part(&arg, o), o),
        "withoutParty" => bridge::without_party(input, &text(&arg, "id")?, o),
        "withPeriod" => bridge::with_period(input, &part(&arg, o), o),
        "applyChanges" => bridge::apply_changes(input, &part(&arg, o), o),
        _ => Err(Failure::argument(format!("no edit {what:?}"))),
    })
}

/// Reads the options, then two documents with their limits, and runs `f`.
fn with_two<T: serde::Serialize>(
    first: &JsValue,
    second: &JsValue,
    options_value: &JsValue,
    f: impl FnOnce(&bridge::Input, &bridge::Input, &Options) -> Outcome<T>,
) -> JsValue {
    respond(read_options(options_value).and_then(|o| {
        let a = convert::input(first, &o.limits);
        let b = convert::input(second, &o.limits);
        f(&a, &b, &o)
    }))
}

/// The changes from one convention to another, with their text.
#[wasm_bindgen(unchecked_return_type = "Outcome<DiffResult>")]
pub fn diff(before: JsValue, after: JsValue, options: JsValue) -> JsValue {
    with_two(&before, &after, &options, bridge::diff)
}

/// A convention seen as the renewal of another, with its text.
#[wasm_bindgen(unchecked_return_type = "Outcome<RenewalResult>")]
pub fn renewal(previous: JsValue, next: JsValue, options: JsValue) -> JsValue {
    with_two(&previous, &next, &options, bridge::renewal)
}

/// Core's HTML summary of a valid convention.
#[wasm_bindgen(js_name = conventionHtml, unchecked_return_type = "Outcome<string>")]
pub fn convention_html(input: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, |input, o| {
        bridge::convention_html(input, day_of(o)?, o)
    })
}

/// Core's text summary of a valid convention.
#[wasm_bindgen(js_name = conventionText, unchecked_return_type = "Outcome<string>")]
pub fn convention_text(input: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, |input, o| {
        bridge::convention_text(input, day_of(o)?, o)
    })
}

/// Core's HTML table of the validation report.
#[wasm_bindgen(js_name = reportHtml, unchecked_return_type = "Outcome<string>")]
pub fn report_html(input: JsValue, options: JsValue) -> JsValue {
    with_input(&input, &options, |input, o| {
        Ok(bridge::report_html(input, o))
    })
}

/// Reads an amount (text as people write it, a whole number, a BigInt) to its canonical string.
#[wasm_bindgen(js_name = parseAmount, unchecked_return_type = "Outcome<string>")]
pub fn parse_amount(value: JsValue, options: JsValue) -> JsValue {
    respond(read_options(&options).and_then(|o| bridge::parse_amount(&host_value(&value), &o)))
}

/// Writes an amount in French (default) or English; the second argument is a language or options.
#[wasm_bindgen(js_name = formatAmount, unchecked_return_type = "Outcome<string>")]
pub fn format_amount(value: JsValue, lang_or_options: JsValue) -> JsValue {
    let o = if lang_or_options.is_string() {
        language(&lang_or_options).map(Options::new)
    } else {
        read_options(&lang_or_options)
    };
    respond(o.and_then(|o| bridge::format_amount(&host_value(&value), &o)))
}

/// Splits an amount over integer weights, exactly to the cent.
#[wasm_bindgen(unchecked_return_type = "Outcome<string[]>")]
pub fn split(amount: JsValue, weights: JsValue, options: JsValue) -> JsValue {
    respond(read_options(&options).and_then(|o| {
        let weights = weights_of(&weights, &o.limits)?;
        bridge::split(&host_value(&amount), &weights, &o)
    }))
}

/// Splits an amount into `parts` equal shares to the cent.
#[wasm_bindgen(js_name = splitEvenly, unchecked_return_type = "Outcome<string[]>")]
pub fn split_evenly(amount: JsValue, parts: JsValue, options: JsValue) -> JsValue {
    respond(read_options(&options).and_then(|o| {
        let n = count(&parts, "parts")?;
        if n > o.limits.max_values {
            return Err(Failure::argument(format!(
                "parts must be at most limits.max_values ({})",
                o.limits.max_values
            )));
        }
        bridge::split_evenly(&host_value(&amount), n, &o)
    }))
}

/// The weights of `split`: an array (at most `max_values` long) of non-negative integers, as
/// safe-integer numbers or BigInts below 2^64.
fn weights_of(value: &JsValue, limits: &Limits) -> Result<Vec<u64>, Failure> {
    let invalid = || {
        Failure::argument(format!(
            "weights must be an array of at most {} integers from 0 to 2^64-1 (numbers or BigInts)",
            limits.max_values
        ))
    };
    if convert::array(value) != Ok(true) {
        return Err(invalid());
    }
    let length = convert::array_length(value).map_err(|_| invalid())?;
    if length as usize > limits.max_values {
        return Err(invalid());
    }
    let mut weights = Vec::with_capacity(length as usize);
    for i in 0..length {
        let item = Reflect::get_u32(value, i).map_err(|_| invalid())?;
        let weight = if let Some(n) = item.as_f64() {
            (convert::is_safe_integer(n) && n >= 0.0).then_some(n as u64)
        } else if item.is_bigint() {
            item.unchecked_ref::<js_sys::BigInt>()
                .to_string(10)
                .ok()
                .and_then(|digits| String::from(digits).parse::<u64>().ok())
        } else {
            None
        };
        weights.push(weight.ok_or_else(invalid)?);
    }
    Ok(weights)
}

/// Sets the language of messages for the calls that give none.
#[wasm_bindgen(js_name = setLanguage, unchecked_return_type = "Outcome<Lang>")]
pub fn set_language(lang: JsValue) -> JsValue {
    respond(language(&lang).inspect(|&lang| LANGUAGE.with(|l| l.set(lang))))
}

/// The language of messages for the calls that give none (`"fr"` at first).
#[wasm_bindgen(js_name = getLanguage, unchecked_return_type = "Lang")]
pub fn get_language() -> JsValue {
    plain(&LANGUAGE.with(Cell::get))
}
