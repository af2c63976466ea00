//! The exports of the tables module (feature `tables`, `@ctg/wasm/tables`): a convention's
//! tables written as CSV or `.xlsx` bytes, tables read back into a document with every issue at
//! its cell, grants written as SCDL *Subventions* 2.1.1, published SCDL files read and checked,
//! and their grants matched to the beneficiaries of conventions. Every rule, header, label, number
//! writing and message is `ctg-tables`' or core's; this module reads the JavaScript arguments and
//! gives back their results. Like every export, they never throw: `{ok: true, value}` or
//! `{ok: false, error}`, which the JS wrapper (`js/tables.js`) returns or throws as a `CtgError`.

use ctg_core::{Convention, Lang, Totals, Validator};
use ctg_tables::scdl::{self, Grant, Granularity, Publisher, Rna};
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
    let bytes = bytes_of(&property(value, "bytes")?).ok_or_else(invalid)?;
    Ok((name, bytes))
}

/// The bytes of a file given as a `Uint8Array`, an `ArrayBuffer` or a string (its UTF-8).
fn bytes_of(value: &JsValue) -> Option<Vec<u8>> {
    if let Some(text) = value.as_string() {
        Some(text.into_bytes())
    } else if let Some(b) = value.dyn_ref::<js_sys::Uint8Array>() {
        Some(b.to_vec())
    } else if value.is_instance_of::<js_sys::ArrayBuffer>() {
        Some(js_sys::Uint8Array::new(value).to_vec())
    } else {
        None
    }
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

/// A grant as JavaScript sees it: keyed by the standard's column names, in its order; texts as
/// written, `montant` and `pourcentageSubvention` exact decimal strings, `dateConvention`
/// `"YYYY-MM-DD"` (`null` when not given), `notificationUE` a boolean.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsGrant<'a> {
    nom_attribuant: &'a str,
    id_attribuant: &'a str,
    date_convention: Option<String>,
    reference_decision: &'a str,
    nom_beneficiaire: &'a str,
    id_beneficiaire: &'a str,
    rna_beneficiaire: &'a str,
    objet: &'a str,
    montant: String,
    nature: &'a str,
    conditions_versement: &'a str,
    dates_periode_versement: &'a str,
    #[serde(rename = "idRAE")]
    id_rae: &'a str,
    #[serde(rename = "notificationUE")]
    notification_ue: bool,
    pourcentage_subvention: Option<String>,
    dispositif_aide: &'a str,
}

impl<'a> From<&'a Grant> for JsGrant<'a> {
    fn from(g: &'a Grant) -> JsGrant<'a> {
        JsGrant {
            nom_attribuant: &g.nom_attribuant,
            id_attribuant: &g.id_attribuant,
            date_convention: g.date_convention.map(|d| d.to_string()),
            reference_decision: &g.reference_decision,
            nom_beneficiaire: &g.nom_beneficiaire,
            id_beneficiaire: &g.id_beneficiaire,
            rna_beneficiaire: &g.rna_beneficiaire,
            objet: &g.objet,
            montant: g.montant.to_string(),
            nature: &g.nature,
            conditions_versement: &g.conditions_versement,
            dates_periode_versement: &g.dates_periode_versement,
            id_rae: &g.id_rae,
            notification_ue: g.notification_ue,
            pourcentage_subvention: g.pourcentage_subvention.map(|p| p.to_string()),
            dispositif_aide: &g.dispositif_aide,
        }
    }
}

/// What `readScdl` gives.
#[derive(Serialize)]
struct ScdlRead<'a> {
    /// The grants read (the rows whose `montant` could be read), in the file's order.
    grants: Vec<JsGrant<'a>>,
    /// Every problem, each with its `sheet`, `row` and `column` in `ctx`.
    issues: Vec<JsIssue<'a>>,
}

/// Reads and checks a published SCDL *Subventions* file (`ctg-tables`' `scdl::read`): `bytes` a
/// `Uint8Array`, an `ArrayBuffer` or a string (its UTF-8); `options.name` names the file in the
/// issues (default `"subventions.csv"`: issues at `subventions!B2`…). Never a failure on data.
#[wasm_bindgen(js_name = scdlRead, unchecked_return_type = "Outcome<unknown>")]
pub fn scdl_read(bytes: JsValue, options: JsValue) -> JsValue {
    let run = || -> Result<JsValue, Failure> {
        let o = read_options_with(&options, &["name"])?;
        let name = option_text(&options, "name")?.unwrap_or_else(|| "subventions.csv".to_owned());
        let bytes = bytes_of(&bytes).ok_or_else(|| {
            Failure::argument("the file must be a Uint8Array, an ArrayBuffer or a string")
        })?;
        let read = scdl::read(&bytes, &name);
        Ok(respond(Ok(ScdlRead {
            grants: read.grants.iter().map(JsGrant::from).collect(),
            issues: bridge::js_issues(&read.issues, o.lang),
        })))
    };
    run().unwrap_or_else(|f| respond::<()>(Err(f)))
}

/// One grant given to `matchGrants` (`grants[i]`): an object keyed by the standard's column
/// names, as `readScdl` gives them; a column left out is empty. Texts must be strings; `montant`
/// is read as core reads an amount, `dateConvention` as core reads a date,
/// `pourcentageSubvention` as core reads a decimal.
fn grant(value: &JsValue, i: u32, o: &Options) -> Result<Grant, Failure> {
    if !value.is_object() || convert::array(value) != Ok(false) {
        return Err(Failure::argument(format!(
            "grants[{i}] must be a grant: an object keyed by the SCDL column names"
        )));
    }
    check_keys(value, &format!("column of grants[{i}]"), &scdl::COLUMNS)?;
    let mut g = Grant::default();
    for column in scdl::COLUMNS {
        let v = property(value, column)?;
        if v.is_undefined() || v.is_null() {
            continue;
        }
        let what = format!("grants[{i}].{column}");
        let host = || convert::tree(&v, &o.limits);
        let parsed =
            |e: ctg_core::ParseError| Failure::argument(format!("{what}: {}", e.message(o.lang)));
        let text = || {
            v.as_string()
                .ok_or_else(|| Failure::argument(format!("{what} must be a string")))
        };
        match column {
            "nomAttribuant" => g.nom_attribuant = text()?,
            "idAttribuant" => g.id_attribuant = text()?,
            "dateConvention" => {
                g.date_convention = Some(ctg_core::date_from_host(&host()).map_err(parsed)?)
            }
            "referenceDecision" => g.reference_decision = text()?,
            "nomBeneficiaire" => g.nom_beneficiaire = text()?,
            "idBeneficiaire" => g.id_beneficiaire = text()?,
            "rnaBeneficiaire" => g.rna_beneficiaire = text()?,
            "objet" => g.objet = text()?,
            "montant" => g.montant = ctg_core::Amount::from_host(&host()).map_err(parsed)?,
            "nature" => g.nature = text()?,
            "conditionsVersement" => g.conditions_versement = text()?,
            "datesPeriodeVersement" => g.dates_periode_versement = text()?,
            "idRAE" => g.id_rae = text()?,
            "notificationUE" => g.notification_ue = flag(&v, &what)?,
            "pourcentageSubvention" => {
                g.pourcentage_subvention =
                    Some(ctg_core::decimal_from_host(&host()).map_err(parsed)?)
            }
            _ => g.dispositif_aide = text()?,
        }
    }
    Ok(g)
}

/// A match as JavaScript sees it.
#[derive(Serialize)]
struct JsMatch<'a> {
    /// The index of the grant in the array given.
    grant: usize,
    convention: &'a str,
    beneficiary: &'a str,
    /// `"siret"` or `"name"`.
    by: &'static str,
}

/// Matches grants (an array of grants as `readScdl` gives them) to the beneficiaries of
/// `conventions` (one convention or an array of them; `ctg-tables`' `scdl::match_grants`): by
/// SIRET first, then by name when neither side has a SIRET to compare and exactly one
/// beneficiary bears it. Grants that match nothing are left out.
#[wasm_bindgen(js_name = scdlMatch, unchecked_return_type = "Outcome<unknown>")]
pub fn scdl_match(grants: JsValue, inputs: JsValue, options: JsValue) -> JsValue {
    let run = || -> Result<JsValue, Failure> {
        let o = read_options_with(&options, &[])?;
        let invalid = || {
            Failure::argument(format!(
                "grants must be an array of at most {} grants",
                o.limits.max_values
            ))
        };
        if convert::array(&grants) != Ok(true) {
            return Err(invalid());
        }
        let length = convert::array_length(&grants).map_err(|_| invalid())?;
        if length as usize > o.limits.max_values {
            return Err(invalid());
        }
        let mut read = Vec::with_capacity(length as usize);
        for i in 0..length {
            let item = Reflect::get_u32(&grants, i).map_err(|e| {
                Failure::argument(format!(
                    "reading grants[{i}] threw: {}",
                    convert::thrown(&e)
                ))
            })?;
            read.push(grant(&item, i, &o)?);
        }
        let conventions = conventions(&inputs, &o)?;
        let matches = scdl::match_grants(&read, &conventions);
        let out: Vec<JsMatch> = matches
            .iter()
            .map(|m| JsMatch {
                grant: m.grant,
                convention: &m.convention,
                beneficiary: &m.beneficiary,
                by: m.by.code(),
            })
            .collect();
        Ok(respond(Ok(out)))
    };
    run().unwrap_or_else(|f| respond::<()>(Err(f)))
}
