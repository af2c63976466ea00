//! The exports of the tables module (feature `tables`, `@ctg/wasm/tables`): a convention's
//! tables written as CSV or `.xlsx` bytes, tables read back into a document with every issue at
//! its cell, and grants written as SCDL *Subventions* 2.1.1. Every rule, header, label, number
//! writing and message is `ctg-tables`' or core's; this module reads the JavaScript arguments and
//! gives back their results. Like every export, they never throw: `{ok: true, value}` or
//! `{ok: false, error}`, which the JS wrapper (`js/tables.js`) returns or throws as a `CtgError`.

use ctg_core::{Convention, Lang, Totals, Validator};
use ctg_tables::scdl::{Granularity, Publisher, Rna};
use ctg_tables::{Exporter, Importer, Shape};
use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::bridge::{self, Failure, JsIssue, JsReport, Options};
use crate::{check_keys, convert, flag, property, read_options_with, respond};

/// `{ok: true, value: Uint8Array}`.
fn bytes_outcome(bytes: &[u8]) -> JsValue {
    let out = js_sys::Object::new();
    let _ = Reflect::set(&out, &"ok".into(), &JsValue::TRUE);
    let _ = Reflect::set(
        &out,
        &"value".into(),
        &js_sys::Uint8Array::from(bytes).into(),
    );
    out.into()
}

/// An optional string option.
fn option_text(options: &JsValue, name: &str) -> Result<Option<String>, Failure> {
    if !options.is_object() {
        return Ok(None);
    }
    let value = property(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| Failure::argument(format!("{name} must be a string")))
}

/// A shape as `ctg-tables` reads it (`"wide"`, `"long"`, `"funding_wide"`, `"action_plan"`…).
fn shape(text: &str, lang: Lang) -> Result<Shape, Failure> {
    text.parse::<Shape>()
        .map_err(|e| Failure::argument(e.message(lang)))
}

/// The funding shape of `options.shape`: `"wide"` (default) or `"long"`.
fn funding_shape(options: &JsValue, lang: Lang) -> Result<Shape, Failure> {
    match option_text(options, "shape")? {
        None => Ok(Shape::FundingWide),
        Some(text) => match shape(&text, lang)? {
            s @ (Shape::FundingWide | Shape::FundingLong) => Ok(s),
            _ => Err(Failure::argument(format!(
                "shape is the shape of the funding table: \"wide\" or \"long\", not {text:?}"
            ))),
        },
    }
}

/// A convention's tables written (`what`): `csv` (the table `options.table`: `"funding"`, the
/// default, in `options.shape`, `"action_plan"` or `"parties"`) or `xlsx` (every table, funding
/// in `options.shape`), in `options.lang` (French: `;`, decimal comma, a BOM; English: `,`, a
/// decimal point). The bytes of the file.
#[wasm_bindgen(js_name = tablesExport, unchecked_return_type = "Outcome<Uint8Array>")]
pub fn tables_export(what: &str, input: JsValue, options: JsValue) -> JsValue {
    let run = || -> Result<Vec<u8>, Failure> {
        let o = read_options_with(&options, &["table", "shape"])?;
        let funding = funding_shape(&options, o.lang)?;
        let exporter = Exporter::new(o.lang).funding_shape(funding);
        let input = convert::input(&input, &o.limits);
        let conv = bridge::convention(&input, &o)?;
        match what {
            "csv" => {
                let table = match option_text(&options, "table")?.as_deref() {
                    None | Some("funding") => funding,
                    Some("action_plan") => Shape::ActionPlan,
                    Some("parties") => Shape::Parties,
                    Some(other) => {
                        return Err(Failure::argument(format!(
                        "table must be \"funding\", \"action_plan\" or \"parties\", not {other:?}"
                    )))
                    }
                };
                Ok(exporter.csv(&conv, table))
            }
            "xlsx" => exporter
                .xlsx(&conv)
                .map_err(|e| Failure::argument(e.to_string())),
            _ => Err(Failure::argument(format!("no export named {what:?}"))),
        }
    };
    match run() {
        Ok(bytes) => bytes_outcome(&bytes),
        Err(f) => respond::<()>(Err(f)),
    }
}

/// The conventions of `scdl`: one convention, or an array of them.
fn conventions(inputs: &JsValue, o: &Options) -> Result<Vec<Convention>, Failure> {
    if convert::array(inputs) != Ok(true) {
        return Ok(vec![bridge::convention(
            &convert::input(inputs, &o.limits),
            o,
        )?]);
    }
    let invalid = || {
        Failure::argument(format!(
            "conventions must be a convention or an array of at most {} conventions",
            o.limits.max_values
        ))
    };
    let length = convert::array_length(inputs).map_err(|_| invalid())?;
    if length as usize > o.limits.max_values {
        return Err(invalid());
    }
    let mut out = Vec::with_capacity(length as usize);
    for i in 0..length {
        let item = Reflect::get_u32(inputs, i).map_err(|e| {
            Failure::argument(format!(
                "reading conventions[{i}] threw: {}",
                convert::thrown(&e)
            ))
        })?;
        out.push(bridge::convention(&convert::input(&item, &o.limits), o)?);
    }
    Ok(out)
}

/// The SCDL *Subventions* 2.1.1 CSV of the funding of one convention or of an array of them
/// (UTF-8 bytes): the options `granularity` (`"yearly"`, the default, or `"convention"`),
/// `rna` (`{beneficiary id: RNA number}`), `conditions` (`conditionsVersement`),
/// `notification_ue` and `draft` (write it even when values are missing). Without `draft`, what
/// is missing to publish is the failure, with every issue.
#[wasm_bindgen(unchecked_return_type = "Outcome<Uint8Array>")]
pub fn scdl(inputs: JsValue, options: JsValue) -> JsValue {
    const EXTRA: [&str; 5] = [
        "granularity",
        "rna",
        "conditions",
        "notification_ue",
        "draft",
    ];
    let run = || -> Result<Vec<u8>, Failure> {
        let o = read_options_with(&options, &EXTRA)?;
        let mut publisher = Publisher::new();
        match option_text(&options, "granularity")?.as_deref() {
            None | Some("yearly") => {}
            Some("convention") => publisher = publisher.granularity(Granularity::Convention),
            Some(other) => {
                return Err(Failure::argument(format!(
                    "granularity must be \"yearly\" or \"convention\", not {other:?}"
                )))
            }
        }
        if let Some(conditions) = option_text(&options, "conditions")? {
            publisher = publisher.conditions(&conditions);
        }
        if options.is_object() {
            for name in ["notification_ue", "draft"] {
                let given = property(&options, name)?;
                if given.is_undefined() {
                    continue;
                }
                let on = flag(&given, name)?;
                publisher = if name == "draft" {
                    publisher.draft(on)
                } else {
                    publisher.notification_ue(on)
                };
            }
            let rna = property(&options, "rna")?;
            if !rna.is_undefined() && !rna.is_null() {
                if !rna.is_object() || convert::array(&rna) != Ok(false) {
                    return Err(Failure::argument(
                        "rna must be an object {beneficiary id: RNA number}",
                    ));
                }
                let keys = Reflect::own_keys(&rna)
                    .map_err(|e| Failure::argument(format!("rna: {}", convert::thrown(&e))))?;
                for key in keys.iter() {
                    let Some(id) = key.as_string() else { continue };
                    let number = property(&rna, &id)?.as_string().ok_or_else(|| {
                        Failure::argument(format!("rna[{id:?}] must be a string"))
                    })?;
                    let number =
                        Rna::parse(&number).map_err(|e| Failure::argument(e.message(o.lang)))?;
                    publisher = publisher.rna(&id, number);
                }
            }
        }
        let conventions = conventions(&inputs, &o)?;
        publisher
            .csv(&conventions)
            .map(String::into_bytes)
            .map_err(|report| Failure::of_report(report, o.lang))
    };
    match run() {
        Ok(bytes) => bytes_outcome(&bytes),
        Err(f) => respond::<()>(Err(f)),
    }
}

/// One file of `tablesImport`: `{name, bytes}`, the bytes a `Uint8Array`, an `ArrayBuffer` or a
/// string (its UTF-8).
fn file(value: &JsValue, i: u32) -> Result<(String, Vec<u8>), Failure> {
    let invalid = || {
        Failure::argument(format!(
            "files[{i}] must be {{name, bytes}}: a file name and its bytes (a Uint8Array, an \
             ArrayBuffer or a string)"
        ))
    };
    if !value.is_object() || convert::array(value) != Ok(false) {
        return Err(invalid());
    }
    check_keys(value, "field of a file", &["name", "bytes"])?;
    let name = property(value, "name")?.as_string().ok_or_else(invalid)?;
    let bytes = property(value, "bytes")?;
    let bytes = if let Some(text) = bytes.as_string() {
        text.into_bytes()
    } else if let Some(b) = bytes.dyn_ref::<js_sys::Uint8Array>() {
        b.to_vec()
    } else if bytes.is_instance_of::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(&bytes).to_vec()
    } else {
        return Err(invalid());
    };
    Ok((name, bytes))
}

/// A table found, as `ctg import --json` writes it.
#[derive(Serialize)]
struct Table<'a> {
    file: &'a str,
    sheet: &'a str,
    shape: &'static str,
    header_row: u32,
}

/// What `tablesImport` gives.
#[derive(Serialize)]
struct Imported<'a> {
    /// The document the tables make (over `options.into`).
    document: &'a serde_json::Value,
    /// The tables found.
    tables: Vec<Table<'a>>,
    /// The problems met reading the tables, each with its `sheet`, `row`, `column`.
    issues: Vec<JsIssue<'a>>,
    /// The import's issues then validation's, each at its cell.
    report: JsReport<'a>,
    /// The convention, when the report is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    convention: Option<&'a Convention>,
    /// Its totals (`null` without funding), when the report is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    totals: Option<Option<Totals>>,
}

/// Reads tables (`files`: one `{name, bytes}` or an array of them: CSV, `.xlsx`, `.ods`) into a
/// document, over `options.into` (a document: JSON text, bytes or a JS value) when given, each
/// table read as `options.shape` when given (else recognised by its header); validates it.
/// Never a failure on data.
#[wasm_bindgen(js_name = tablesImport, unchecked_return_type = "Outcome<unknown>")]
pub fn tables_import(files: JsValue, options: JsValue) -> JsValue {
    let run = || -> Result<JsValue, Failure> {
        let o = read_options_with(&options, &["into", "shape"])?;
        let mut read = Vec::new();
        if convert::array(&files) == Ok(true) {
            let length = convert::array_length(&files)
                .map_err(|e| Failure::argument(format!("files: {e}")))?;
            if length as usize > o.limits.max_values {
                return Err(Failure::argument(format!(
                    "files must be at most {} files",
                    o.limits.max_values
                )));
            }
            for i in 0..length {
                let item = Reflect::get_u32(&files, i).map_err(|e| {
                    Failure::argument(format!("reading files[{i}] threw: {}", convert::thrown(&e)))
                })?;
                read.push(file(&item, i)?);
            }
        } else {
            read.push(file(&files, 0)?);
        }
        let base = if options.is_object() {
            let into = property(&options, "into")?;
            if into.is_undefined() || into.is_null() {
                None
            } else {
                Some(document(&into, &o)?)
            }
        } else {
            None
        };
        let mut importer = Importer::new();
        if let Some(base) = &base {
            importer = importer.into_document(base);
        }
        if let Some(text) = option_text(&options, "shape")? {
            importer = importer.shape(shape(&text, o.lang)?);
        }
        let pairs: Vec<(&str, &[u8])> = read
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            .collect();
        let import = importer.import(&pairs);
        let validator = Validator::new().limits(o.limits);
        let report = import.validate_with(&validator);
        let convention = if report.is_valid() {
            validator.validate_value(&import.document).into_parts().0
        } else {
            None
        };
        let out = Imported {
            document: &import.document,
            tables: import
                .tables
                .iter()
                .map(|t| Table {
                    file: &t.file,
                    sheet: &t.sheet,
                    shape: t.shape.code(),
                    header_row: t.header_row,
                })
                .collect(),
            issues: bridge::js_issues(&import.issues, o.lang),
            report: JsReport::of(&report, o.lang),
            convention: convention.as_ref(),
            totals: convention.as_ref().map(Convention::totals),
        };
        Ok(respond(Ok(out)))
    };
    run().unwrap_or_else(|f| respond::<()>(Err(f)))
}

/// The `into` document as JSON: text, bytes, or a JS value written by `JSON.stringify`.
fn document(value: &JsValue, o: &Options) -> Result<serde_json::Value, Failure> {
    let text = if let Some(text) = value.as_string() {
        text
    } else if let Some(b) = value.dyn_ref::<js_sys::Uint8Array>() {
        String::from_utf8(b.to_vec())
            .map_err(|_| Failure::argument("into: the document's bytes are not UTF-8"))?
    } else {
        js_sys::JSON::stringify(value)
            .map_err(|e| Failure::argument(format!("into: {}", convert::thrown(&e))))?
            .as_string()
            .ok_or_else(|| Failure::argument("into must be a document"))?
    };
    if text.len() > o.limits.max_bytes {
        return Err(Failure::argument(format!(
            "into: the document is larger than limits.max_bytes ({})",
            o.limits.max_bytes
        )));
    }
    serde_json::from_str(&text)
        .map_err(|e| Failure::argument(format!("into is not a JSON document: {e}")))
}
