//! The exports of the geography module (feature `geo`): the JavaScript arguments read as
//! [`lib`](crate)'s exports read theirs, then [`geo`](crate::geo) and [`bridge`](crate::bridge).
//! Like every export, they never throw: `{ok: true, value}` or `{ok: false, error}`, which the
//! JS wrapper (`js/geo.js`) returns or throws as a `CtgError`.

use ctg_core::Limits;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::bridge::{self, Failure, Options};
use crate::geo::{self, As, Query};
use crate::{convert, day_of, property, read_options_with, respond};

/// The options of the lookups, besides `lang`, `limits` and `today`.
const CONTEXT: [&str; 3] = ["departement", "epci", "region"];

/// A code or a list of codes (`departement: "81"`, `epci: ["200034023"]`), at most
/// `limits.max_values` of them; absent (`undefined`, `null`) is none.
fn codes(options: &JsValue, name: &str, limits: &Limits) -> Result<Vec<String>, Failure> {
    if !options.is_object() {
        return Ok(Vec::new());
    }
    let value = property(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if let Some(code) = value.as_string() {
        return Ok(vec![code]);
    }
    let invalid = || {
        Failure::argument(format!(
            "{name} must be a code (a string) or an array of codes"
        ))
    };
    let items = strings(&value, name, limits, false).map_err(|_| invalid())?;
    items
        .into_iter()
        .map(|code| code.ok_or_else(invalid))
        .collect()
}

/// The strings of an array, at most `limits.max_values` of them: `null` and `undefined` are
/// `None` (an empty cell) when `cells` allows them.
fn strings(
    value: &JsValue,
    what: &str,
    limits: &Limits,
    cells: bool,
) -> Result<Vec<Option<String>>, Failure> {
    let invalid = || {
        Failure::argument(format!(
            "{what} must be an array of at most {} strings{}",
            limits.max_values,
            if cells {
                " (null or undefined for an empty cell)"
            } else {
                ""
            }
        ))
    };
    if convert::array(value) != Ok(true) {
        return Err(invalid());
    }
    let length = convert::array_length(value).map_err(|_| invalid())?;
    if length as usize > limits.max_values {
        return Err(invalid());
    }
    let mut out = Vec::with_capacity(length as usize);
    for i in 0..length {
        let item = Reflect::get_u32(value, i).map_err(|e| {
            Failure::argument(format!(
                "reading {what}[{i}] threw: {}",
                convert::thrown(&e)
            ))
        })?;
        if let Some(text) = item.as_string() {
            out.push(Some(text));
        } else if cells && (item.is_undefined() || item.is_null()) {
            out.push(None);
        } else {
            return Err(Failure::argument(format!(
                "{what}[{i}] must be a string{}, not {}",
                if cells {
                    " (or null or undefined for an empty cell)"
                } else {
                    ""
                },
                item.js_typeof().as_string().unwrap_or_default()
            )));
        }
    }
    Ok(out)
}

/// A column of names: each a string, `null` or `undefined` an empty name (which the reference
/// answers `not_found`, `empty`).
fn names(value: &JsValue, limits: &Limits) -> Result<Vec<String>, Failure> {
    Ok(strings(value, "names", limits, true)?
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect())
}

/// The query of the options: the context (`departement`, `epci`, `region`) and `kind` when
/// `with_kind`.
fn query(options: &JsValue, limits: &Limits, with_kind: bool) -> Result<Query, Failure> {
    let kind = if with_kind && options.is_object() {
        let kind = property(options, "kind")?;
        if kind.is_undefined() || kind.is_null() {
            As::Any
        } else {
            match kind.as_string() {
                Some(kind) => As::parse(Some(&kind))?,
                None => {
                    return Err(Failure::argument(
                        "kind must be \"commune\", \"epci\", \"departement\" or \"region\"",
                    ))
                }
            }
        }
    } else {
        As::Any
    };
    Query::new(
        &codes(options, "departement", limits)?,
        &codes(options, "epci", limits)?,
        &codes(options, "region", limits)?,
        kind,
    )
}

/// Looks records up (`what`: `commune`, `communeBySiren`, `communesNamed`,
/// `communesByPostalCode`, `epci`, `epciOf`, `members`, `departement`, `region`,
/// `formerCommunes`, `departements`, `regions`, `vintage`): `key` is a code or a name (a
/// string); for `epciOf` also a commune record (its `insee`), for `members` an EPCI record (its
/// `siren`). `null` or `[]` for what the reference does not have.
#[wasm_bindgen(js_name = geoRecord, unchecked_return_type = "Outcome<unknown>")]
pub fn geo_record(what: &str, key: JsValue) -> JsValue {
    let key = || -> Result<String, Failure> {
        if let Some(text) = key.as_string() {
            return Ok(text);
        }
        let field = match what {
            "epciOf" => Some("insee"),
            "members" => Some("siren"),
            _ => None,
        };
        let record = field.filter(|_| key.is_object() && convert::array(&key) == Ok(false));
        if let Some(field) = record {
            if let Some(text) = property(&key, field)?.as_string() {
                return Ok(text);
            }
        }
        Err(Failure::argument(match field {
            Some(field) => format!("{what} takes a string or a record with its {field}"),
            None => format!("{what} takes a string"),
        }))
    };
    respond(geo::embedded().and_then(|g| {
        let key = match what {
            "departements" | "regions" | "vintage" => String::new(),
            _ => key()?,
        };
        geo::record(g, what, &key)
    }))
}

/// Names looked up (`what`): `lookup` (one name: a lookup; an array: one lookup each), `codes`
/// and `rows` (an array of names, `null`/`undefined` an empty one), `resolveText` (a text) and
/// `resolveNames` (an array); the options: `lang`, `limits` (`max_values` bounds the arrays),
/// `departement`, `epci`, `region` (a code or an array of codes), and `kind` for the first
/// three.
#[wasm_bindgen(js_name = geoLookup, unchecked_return_type = "Outcome<unknown>")]
pub fn geo_lookup(what: &str, names_value: JsValue, options: JsValue) -> JsValue {
    let with_kind = matches!(what, "lookup" | "codes" | "rows");
    let extra: &[&str] = if with_kind {
        &["departement", "epci", "region", "kind"]
    } else {
        &CONTEXT
    };
    let o = match read_options_with(&options, extra) {
        Ok(o) => o,
        Err(f) => return respond::<()>(Err(f)),
    };
    let run = || -> Result<JsValue, Failure> {
        let g = geo::embedded()?;
        let q = query(&options, &o.limits, with_kind)?;
        Ok(match what {
            "lookup" => match names_value.as_string() {
                Some(name) => respond(Ok(geo::lookup(g, &name, &q, o.lang))),
                None if convert::array(&names_value) == Ok(true) => {
                    let all = names(&names_value, &o.limits)?;
                    respond(Ok(all
                        .iter()
                        .map(|n| geo::lookup(g, n, &q, o.lang))
                        .collect::<Vec<_>>()))
                }
                None => {
                    return Err(Failure::argument(
                        "lookup takes a name (a string) or an array of names",
                    ))
                }
            },
            "codes" => respond(Ok(geo::lookup_codes(
                g,
                &names(&names_value, &o.limits)?,
                &q,
            ))),
            "rows" => respond(Ok(geo::lookup_rows(
                g,
                &names(&names_value, &o.limits)?,
                &q,
                o.lang,
            ))),
            "resolveText" => match names_value.as_string() {
                Some(text) => respond(Ok(geo::resolve_text(g, &text, &q, o.lang))),
                None => return Err(Failure::argument("resolveText takes a text (a string)")),
            },
            "resolveNames" => respond(Ok(geo::resolve_names(
                g,
                &names(&names_value, &o.limits)?,
                &q,
                o.lang,
            ))),
            _ => return Err(Failure::argument(format!("no lookup named {what:?}"))),
        })
    };
    run().unwrap_or_else(|f| respond::<()>(Err(f)))
}

/// What is done with a document and the geography (`what`): `validate` and `check` (with the
/// `geo.*` rules; never a failure on data), `coverage`, `conventionText`, `conventionHtml` (of a
/// valid convention) and `fillIdentifiers` (a JSON document); the options `lang`, `limits`,
/// `today`.
#[wasm_bindgen(js_name = geoDocument, unchecked_return_type = "Outcome<unknown>")]
pub fn geo_document(what: &str, input: JsValue, options: JsValue) -> JsValue {
    let o: Options = match read_options_with(&options, &[]) {
        Ok(o) => o,
        Err(f) => return respond::<()>(Err(f)),
    };
    let input = convert::input(&input, &o.limits);
    let run = || -> Result<JsValue, Failure> {
        let g = geo::embedded()?;
        Ok(match what {
            "validate" => respond(Ok(bridge::validate(&input, &geo::with_geography(&o)?))),
            "check" => respond(Ok(bridge::check(&input, &geo::with_geography(&o)?))),
            "coverage" => respond(geo::coverage(g, &input, &o)),
            "conventionText" => respond(geo::convention_text(g, &input, day_of(&o)?, &o)),
            "conventionHtml" => respond(geo::convention_html(g, &input, day_of(&o)?, &o)),
            "fillIdentifiers" => respond(geo::fill(g, &input, &o)),
            _ => return Err(Failure::argument(format!("nothing to do named {what:?}"))),
        })
    };
    run().unwrap_or_else(|f| respond::<()>(Err(f)))
}

/// A portfolio of documents (`what`: `documents`, an array of `[source, document]` pairs, or
/// `jsonLines`) validated with the geography: its rows have their région, communes and
/// population, its summary the coverage, and `coverage` can be read.
#[wasm_bindgen(js_name = geoPortfolio, unchecked_return_type = "Outcome<PortfolioHandle>")]
pub fn geo_portfolio(what: &str, input: JsValue, options: JsValue) -> JsValue {
    match geo::embedded() {
        Ok(g) => crate::portfolio::build(what, &input, &options, Some(g)),
        Err(f) => respond::<()>(Err(f)),
    }
}
