//! Portfolios: many conventions at once (core's [`Portfolio`]), validated on the calling thread.
//! Built by `portfolio` (the base module: no geography) or `geoPortfolio` (the geography module:
//! validated with the `geo.*` rules, rows with région, communes and population, the summary with
//! the coverage); read through [`PortfolioHandle::read`]. Every figure, row, text and message is
//! core's; this module only translates arguments and serialises core's results.

use ctg_core::portfolio::{Options as PortfolioOptions, PortfolioEntry, MAX_DOCUMENTS};
use ctg_core::{Gazetteer, Portfolio, Validator};
use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::bridge::{Failure, JsReport, Options};
use crate::{convert, count, day_or_today, property, read_options_with, respond};

/// A portfolio held in the module, read by the JS wrapper (`Portfolio` of `@ctg/wasm`). Free it
/// with `free()` when done (the garbage collector does it otherwise).
#[wasm_bindgen]
pub struct PortfolioHandle {
    portfolio: Portfolio,
    #[cfg(feature = "geo")]
    geography: Option<&'static ctg_geo::Geography>,
}

impl PortfolioHandle {
    fn gazetteer(&self) -> Option<&dyn Gazetteer> {
        #[cfg(feature = "geo")]
        if let Some(g) = self.geography {
            return Some(g);
        }
        None
    }
}

/// An entry as JavaScript sees it: `{source, verdict, report: {valid, issues}}`.
#[derive(Serialize)]
struct Entry<'a> {
    source: &'a str,
    verdict: &'static str,
    report: JsReport<'a>,
}

fn entries(portfolio: &Portfolio, lang: ctg_core::Lang) -> Vec<Entry<'_>> {
    portfolio
        .entries()
        .iter()
        .map(|e: &PortfolioEntry| Entry {
            source: e.source(),
            verdict: e.verdict().code(),
            report: JsReport::of(e.report(), lang),
        })
        .collect()
}

#[wasm_bindgen]
impl PortfolioHandle {
    /// What is read from the portfolio (`what`): `entries`, `counts`, `conventions` (`date`),
    /// `totals`, `coverage` (`date`; with the geography only), `summary` (`date`), `text`
    /// (`date`, the summary as core writes it in `options.lang`), `length`. A day: `date`, else
    /// `options.today`, else today.
    #[wasm_bindgen(unchecked_return_type = "Outcome<unknown>")]
    pub fn read(&self, what: &str, date: JsValue, options: JsValue) -> JsValue {
        let o = match read_options_with(&options, &[]) {
            Ok(o) => o,
            Err(f) => return respond::<()>(Err(f)),
        };
        let p = &self.portfolio;
        let g = self.gazetteer();
        let on = |o: &Options| day_or_today(&date, "date", o);
        match what {
            "length" => respond(Ok(p.len())),
            "entries" => respond(Ok(entries(p, o.lang))),
            "counts" => respond(Ok(p.counts())),
            "conventions" => respond(on(&o).map(|d| p.conventions(d, g))),
            "totals" => respond(Ok(p.totals(g))),
            "summary" => respond(on(&o).map(|d| p.summary(d, g))),
            "text" => respond(on(&o).map(|d| p.summary(d, g).to_text(o.lang))),
            "coverage" => respond(match g {
                Some(g) => on(&o).map(|d| p.coverage(g, d)),
                None => Err(Failure::argument(
                    "coverage needs the official geography: build the portfolio with \
                     (await loadGeography()).portfolio(…)",
                )),
            }),
            _ => respond::<()>(Err(Failure::argument(format!(
                "nothing to read named {what:?}"
            )))),
        }
    }
}

/// The bytes of a document or of a JSON Lines text: a string (its UTF-8), a `Uint8Array`, or
/// any other JS value written as JSON text by `JSON.stringify`.
fn bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, Failure> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if js_sys::ArrayBuffer::is_view(value) {
        if let Some(b) = value.dyn_ref::<js_sys::Uint8Array>() {
            return Ok(b.to_vec());
        }
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(value).to_vec());
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => match text.as_string() {
            Some(text) => Ok(text.into_bytes()),
            None => Err(Failure::argument(format!(
                "{what} must be JSON text, bytes or a JSON value"
            ))),
        },
        Err(e) => Err(Failure::argument(format!(
            "{what} could not be written as JSON: {}",
            convert::thrown(&e)
        ))),
    }
}

/// The documents of `portfolio("documents", …)`: an array of `[source, document]` pairs.
fn documents(value: &JsValue, max: usize) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    let invalid = || {
        Failure::argument(
            "documents must be an array of [source, document] pairs (the document JSON text, \
             bytes or a JSON value)",
        )
    };
    if convert::array(value) != Ok(true) {
        return Err(invalid());
    }
    let length = convert::array_length(value).map_err(|_| invalid())?;
    let mut out = Vec::new();
    for i in 0..length {
        let item = Reflect::get_u32(value, i).map_err(|e| {
            Failure::argument(format!(
                "reading documents[{i}] threw: {}",
                convert::thrown(&e)
            ))
        })?;
        if convert::array(&item) != Ok(true) {
            return Err(invalid());
        }
        let source = Reflect::get_u32(&item, 0)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                Failure::argument(format!("documents[{i}][0] must be a source (a string)"))
            })?;
        // Past the most documents, core only counts them: their bytes are not needed.
        let doc = if out.len() <= max {
            let doc = Reflect::get_u32(&item, 1).map_err(|_| invalid())?;
            bytes(&doc, &format!("documents[{i}][1]"))?
        } else {
            Vec::new()
        };
        out.push((source, doc));
    }
    Ok(out)
}

/// Builds a portfolio (`what`: `documents`, an array of `[source, document]` pairs, or
/// `jsonLines`, a JSON Lines text or its bytes) with the options `lang`, `limits` (each
/// document's) and `max_documents`; with the geography when `geography` is given.
pub(crate) fn build(
    what: &str,
    input: &JsValue,
    options: &JsValue,
    #[cfg(feature = "geo")] geography: Option<&'static ctg_geo::Geography>,
) -> JsValue {
    let run = || -> Result<PortfolioHandle, Failure> {
        let o = read_options_with(options, &["max_documents"])?;
        let max = if options.is_object() {
            let given = property(options, "max_documents")?;
            if given.is_undefined() {
                MAX_DOCUMENTS
            } else {
                count(&given, "max_documents")?
            }
        } else {
            MAX_DOCUMENTS
        };
        let validator = Validator::new().limits(o.limits);
        #[cfg(feature = "geo")]
        let validator = match geography {
            Some(g) => validator.gazetteer(g),
            None => validator,
        };
        let settings = PortfolioOptions::new().max_documents(max);
        let portfolio = match what {
            "documents" => Portfolio::validate_with(&validator, documents(input, max)?, &settings),
            "jsonLines" => Portfolio::from_json_lines_with(
                &validator,
                &bytes(input, "the JSON Lines text")?,
                &settings,
            ),
            _ => return Err(Failure::argument(format!("no portfolio from {what:?}"))),
        };
        Ok(PortfolioHandle {
            portfolio,
            #[cfg(feature = "geo")]
            geography,
        })
    };
    match run() {
        Ok(handle) => {
            let out = js_sys::Object::new();
            let _ = Reflect::set(&out, &"ok".into(), &JsValue::TRUE);
            let _ = Reflect::set(&out, &"value".into(), &JsValue::from(handle));
            out.into()
        }
        Err(f) => respond::<()>(Err(f)),
    }
}

/// A portfolio of documents (`what`: `documents` or `jsonLines`), validated without the
/// geography; `Outcome<PortfolioHandle>`.
#[wasm_bindgen(unchecked_return_type = "Outcome<PortfolioHandle>")]
pub fn portfolio(what: &str, input: JsValue, options: JsValue) -> JsValue {
    build(
        what,
        &input,
        &options,
        #[cfg(feature = "geo")]
        None,
    )
}
