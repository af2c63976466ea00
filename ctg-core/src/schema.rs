//! The JSON Schemas of the canonical format, generated from the types.
//!
//! Two contracts come out of the same types (schemars' deserialize and serialize contracts):
//!
//! - [`json_schema`], the **input** contract: the canonical document as validation reads it, what a
//!   strict producer writes. The fields ctg derives (`period.duration_years`,
//!   `action_sheets[].status`) may be left out, and so may `format_version` (read as 1, with a
//!   warning). `ctg schema` prints it; the npm package embeds it (`schema()`, `schema.json`).
//! - [`output_json_schema`], the **output** contract: what ctg writes, every derived field
//!   present. `ctg schema --written` prints it; the TypeScript `Convention` type of the npm
//!   package is generated from it.
//!
//! Both are standard JSON Schema 2020-12 that Ajv compiles in its default strict mode: no
//! non-standard `format` (integer widths become `minimum`/`maximum`, dates a `pattern` that
//! encodes the calendar and the accepted years), and descriptions without Rust code.
//!
//! On structure they are as tight as validation: required fields, JSON types, non-empty text,
//! the patterns of amounts, decimals, dates, identifiers and year keys, the bounds of years,
//! numbers and durations, a previous convention's years given both or none. Unknown fields are
//! accepted everywhere, as validation accepts them (with a `field.unknown` warning). They differ
//! from validation in two ways only, on purpose:
//!
//! - they describe the *canonical writing*, so the lenient forms validation also accepts
//!   (`"241 801 €"`, `"30/11/2022"`, `"2023-2025"`, French labels, `null` for an absent field,
//!   strings for numbers) are not in them;
//! - what needs more than one value (checksums, references, sums, years inside the period,
//!   duplicates, date order) is validation's alone.
//!
//! `tests/schema/mutations.json` lists hand-written mutations of the fixtures with both verdicts;
//! the Rust tests (`jsonschema`) and the npm package's tests (Ajv) check them.

use schemars::generate::{Contract, SchemaSettings};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

use crate::Convention;

/// The JSON Schema (draft 2020-12) of the canonical document **as validation reads it** (the
/// input contract): what a strict producer writes. Fields the canonical output derives
/// (`period.duration_years`, `action_sheets[].status`) are optional here.
///
/// ```
/// let schema = ctg_core::json_schema();
/// assert_eq!(schema["title"], "Convention");
/// assert!(schema["properties"]["funding"].is_object());
/// let period = &schema["$defs"]["Period"];
/// assert_eq!(period["required"], serde_json::json!(["first_year", "last_year"]));
/// ```
pub fn json_schema() -> Value {
    generate(Contract::Deserialize)
}

/// The JSON Schema (draft 2020-12) of **what ctg writes** (the output contract): the same
/// document as [`json_schema`], with every field that the canonical output always writes
/// required (`period.duration_years`, `action_sheets[].status`…). The TypeScript types of the
/// npm package are generated from it.
///
/// ```
/// let schema = ctg_core::output_json_schema();
/// let period = &schema["$defs"]["Period"];
/// assert_eq!(period["required"], serde_json::json!(["first_year", "last_year", "duration_years"]));
/// let sheet = &schema["$defs"]["ActionSheet"];
/// assert!(sheet["required"].as_array().unwrap().contains(&"status".into()));
/// ```
pub fn output_json_schema() -> Value {
    generate(Contract::Serialize)
}

fn generate(contract: Contract) -> Value {
    let input = contract.is_deserialize();
    let schema = SchemaSettings::draft2020_12()
        .with(|s| s.contract = contract)
        .into_generator()
        .into_root_schema_for::<Convention>();
    let mut value = schema.to_value();
    tidy(&mut value);
    if input {
        // Validation reads a document without `format_version` as version 1 (a warning,
        // `format_version.missing`): the input contract does not require it, ctg always writes it.
        if let Some(Value::Array(required)) = value.get_mut("required") {
            required.retain(|name| name != "format_version");
        }
    }
    value
}

/// A year as an object key (`"2024"`): four digits, from [`crate::Period::MIN_YEAR`] to
/// [`crate::Period::MAX_YEAR`] (a test checks the pattern against the constants).
pub(crate) const YEAR_KEY_PATTERN: &str = "^(?:199[0-9]|20[0-9]{2}|2100)$";

/// A canonical date `YYYY-MM-DD` as validation accepts it: a day of the calendar (leap years
/// included) of a year from 1900 to 2200. A test checks it against chrono on every day of
/// 1899–2201.
pub(crate) const DATE_PATTERN: &str = concat!(
    "^(?:(?:19[0-9]{2}|2[01][0-9]{2}|2200)-",
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)-02-29)$"
);

/// A canonical decimal (indicator values): an optional minus, digits, optionally a dot and
/// digits, at most 28 digits in all (always within `rust_decimal`'s range).
pub(crate) const DECIMAL_PATTERN: &str = r"^(?=-?(?:[0-9]\.?){1,28}$)-?[0-9]+(?:\.[0-9]+)?$";

/// Non-empty text: at least one character that is not white space (validation trims text and
/// refuses what is left empty, `field.empty`).
pub(crate) const TEXT_PATTERN: &str = r"\S";

/// The schema of an indicator value (`"12.5"`), for `schemars(with = …)`.
pub(crate) struct DecimalText;

impl JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": DECIMAL_PATTERN,
            "description": "An exact decimal number written with a dot (\"12.5\", \"-3\", \"80\"), at most 28 digits. On input, a comma (\"12,5\") and JSON numbers are also accepted."
        })
    }
}

/// The schema of `format_version`: the integer 1.
pub(crate) fn format_version_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "integer",
        "const": crate::FORMAT_VERSION,
        "description": "Version of the canonical format: always 1."
    })
}

/// `PreviousConvention`: its two years are given both or none.
pub(crate) fn both_years_or_none(schema: &mut schemars::Schema) {
    schema.insert(
        "dependentRequired".into(),
        json!({"first_year": ["last_year"], "last_year": ["first_year"]}),
    );
}

/// Turns what schemars derives into the published contract (see the module documentation):
/// clean descriptions, standard formats only, no `null`, non-empty text, year-keyed maps, and no
/// `additionalProperties: false` on records.
fn tidy(schema: &mut Value) {
    let Value::Object(node) = schema else {
        return;
    };
    for (keyword, child) in node.iter_mut() {
        match keyword.as_str() {
            "properties" | "patternProperties" | "$defs" | "dependentSchemas" => {
                if let Value::Object(map) = child {
                    map.values_mut().for_each(tidy);
                }
            }
            "items"
            | "additionalProperties"
            | "propertyNames"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains"
            | "unevaluatedProperties"
            | "unevaluatedItems" => tidy(child),
            "anyOf" | "oneOf" | "allOf" | "prefixItems" => {
                if let Value::Array(list) = child {
                    list.iter_mut().for_each(tidy);
                }
            }
            _ => {}
        }
    }
    drop_null(node);
    if let Some(Value::String(text)) = node.get_mut("description") {
        *text = clean_description(text);
    }
    standard_format(node);
    year_map(node);
    if node.contains_key("properties") && node.get("additionalProperties") == Some(&json!(false)) {
        node.remove("additionalProperties");
    }
    let plain_string = node.get("type") == Some(&json!("string"))
        && !["pattern", "enum", "const", "format", "$ref"]
            .iter()
            .any(|k| node.contains_key(*k));
    if plain_string {
        node.insert("minLength".into(), json!(1));
        node.insert("pattern".into(), json!(TEXT_PATTERN));
    }
}

/// `{"type": ["string", "null"]}` → `{"type": "string"}`; `{"anyOf": [S, {"type": "null"}]}` →
/// S (with the node's other keywords). The canonical format writes no `null`.
fn drop_null(node: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = node.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            node.insert("type".into(), only);
        }
    }
    let Some(Value::Array(branches)) = node.get("anyOf") else {
        return;
    };
    let is_null = |b: &Value| b == &json!({"type": "null"});
    if branches.len() != 2 || !branches.iter().any(is_null) {
        return;
    }
    let Some(Value::Array(branches)) = node.remove("anyOf") else {
        return;
    };
    if let Some(Value::Object(kept)) = branches.into_iter().find(|b| !is_null(b)) {
        for (key, value) in kept {
            node.entry(key).or_insert(value);
        }
    }
}

/// Replaces the formats schemars emits that are not standard (or that Ajv only knows through a
/// plug-in) by the equivalent standard keywords.
fn standard_format(node: &mut Map<String, Value>) {
    let Some(Value::String(format)) = node.get("format") else {
        return;
    };
    let (min, max): (Option<i64>, Option<i64>) = match format.as_str() {
        "uint32" => (Some(0), Some(u32::MAX.into())),
        "int32" => (Some(i32::MIN.into()), Some(i32::MAX.into())),
        "date" => {
            node.insert("pattern".into(), json!(DATE_PATTERN));
            (None, None)
        }
        _ => return,
    };
    node.remove("format");
    if let Some(min) = min {
        node.entry("minimum").or_insert(json!(min));
    }
    if let Some(max) = max {
        node.entry("maximum").or_insert(json!(max));
    }
}

/// A map keyed by year (`BTreeMap<Year, _>`, which schemars writes as integer-pattern properties
/// and no other property): any number of four-digit year keys in the accepted range, each with
/// the map's value schema.
fn year_map(node: &mut Map<String, Value>) {
    let Some(Value::Object(patterns)) = node.get("patternProperties") else {
        return;
    };
    if patterns.len() != 1 || !patterns.contains_key(r"^-?\d+$") {
        return;
    }
    let Some(Value::Object(patterns)) = node.remove("patternProperties") else {
        return;
    };
    let value = patterns.into_iter().next().map_or(json!(true), |(_, v)| v);
    node.insert(
        "propertyNames".into(),
        json!({ "pattern": YEAR_KEY_PATTERN }),
    );
    node.insert("additionalProperties".into(), value);
}

/// A rustdoc comment as a schema description: without its code examples (fenced blocks), with
/// doc links reduced to their text and each paragraph on one line (`` [`Convention::from_value`] `` → `` `Convention::from_value` ``).
fn clean_description(doc: &str) -> String {
    let mut prose = String::with_capacity(doc.len());
    let mut in_code = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    let prose = strip_doc_links(&prose);
    // Paragraphs, each on one line (rustdoc wraps at 100 columns); none left empty where the
    // examples were.
    let paragraphs: Vec<String> = prose
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// `[text](target)` → `text` when the target is a Rust path (not a URL); `[text]` → `text` when
/// `text` is code (`` [`Period`] ``); `crate::` is dropped from the text.
fn strip_doc_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find(']') else {
            out.push_str(rest.get(open..).unwrap_or_default());
            rest = "";
            break;
        };
        let label = after.get(..close).unwrap_or_default();
        let tail = after.get(close + 1..).unwrap_or_default();
        let target = tail.strip_prefix('(').and_then(|t| {
            t.find(')')
                .map(|end| (t.get(..end).unwrap_or_default(), end))
        });
        match target {
            Some((target, end)) if !target.contains("://") => {
                out.push_str(&label.replace("crate::", ""));
                rest = tail.get(end + 2..).unwrap_or_default();
            }
            None if label.starts_with('`') && label.ends_with('`') && label.len() > 1 => {
                out.push_str(&label.replace("crate::", ""));
                rest = tail;
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Period;

    /// Whether a JSON Schema validator accepts `text` for `pattern`.
    fn matcher(pattern: &str) -> impl Fn(&str) -> bool {
        let validator = jsonschema::validator_for(&json!({"type": "string", "pattern": pattern}))
            .expect("the pattern compiles");
        move |text| validator.is_valid(&json!(text))
    }

    #[test]
    fn descriptions_lose_code_blocks_and_doc_links() {
        let doc = "A valid *CTG*.\n\nOnly from ([`Convention::from_json_str`],\n[`crate::validate_str`], [text](crate::Party)), see [the spec](https://json-schema.org/).\n\n```\nlet x = 1;\n```\n\nAfter [1].";
        assert_eq!(
            clean_description(doc),
            "A valid *CTG*.\n\nOnly from (`Convention::from_json_str`, `validate_str`, text), see [the spec](https://json-schema.org/).\n\nAfter [1]."
        );
    }

    #[test]
    fn the_year_key_pattern_is_the_accepted_range() {
        let year_key = matcher(YEAR_KEY_PATTERN);
        for year in 0..=9999 {
            let key = format!("{year:04}");
            assert_eq!(
                year_key(&key),
                (Period::MIN_YEAR..=Period::MAX_YEAR).contains(&year),
                "{key}"
            );
        }
        for bad in ["", "202", "20244", " 2024", "+202", "2024.0", "٢٠٢٤"] {
            assert!(!year_key(bad), "{bad:?}");
        }
    }

    /// Every day of 1899–2201 (and impossible ones): the pattern accepts exactly the ISO dates of
    /// the calendar whose year is 1900–2200, as validation's date reader does.
    #[test]
    fn the_date_pattern_is_the_calendar() {
        use chrono::NaiveDate;
        let date = matcher(DATE_PATTERN);
        for year in 1899..=2201 {
            for month in 1..=12 {
                for day in 1..=31 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let real = NaiveDate::from_ymd_opt(year, month, day).is_some();
                    let accepted = real && (1900..=2200).contains(&year);
                    assert_eq!(date(&text), accepted, "{text}");
                }
            }
        }
        for bad in [
            "2024-1-05",
            "2024-01-5",
            "24-01-05",
            "2024/01/05",
            "05/01/2024",
            "2024-00-10",
            "2024-13-01",
            "2024-01-32",
            "2024-01-00",
            "2024-01-05T00:00",
            "",
        ] {
            assert!(!date(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_decimal_pattern_is_the_canonical_writing() {
        let decimal = matcher(DECIMAL_PATTERN);
        for good in [
            "0",
            "12",
            "12.5",
            "-3",
            "0.0001",
            "1234567890123456789012345678",
            "1.234567890123456789012345678",
        ] {
            assert!(decimal(good), "{good:?}");
            assert!(
                rust_decimal::Decimal::from_str_exact(good).is_ok(),
                "{good:?}"
            );
        }
        for bad in [
            "",
            "-",
            "12.",
            ".5",
            "12,5",
            "1e3",
            " 12",
            "12 ",
            "+1",
            "1.2.3",
            "12345678901234567890123456789",
            "NaN",
        ] {
            assert!(!decimal(bad), "{bad:?}");
        }
    }

    #[test]
    fn text_must_hold_more_than_white_space() {
        let text = matcher(TEXT_PATTERN);
        assert!(text("Petite enfance"));
        assert!(text(" x "));
        for blank in ["", " ", "\t\n", "\u{a0}", "\u{202f}"] {
            assert!(!text(blank), "{blank:?}");
        }
    }
}
