//! A document read as a `serde_json::Value` tree by core's rules, for the tools that edit a
//! document as a tree before it is validated (filling identifiers from the geography, importing
//! tables into it) and write it back.
//!
//! A generic JSON parser changes values without a word: the last of two duplicate keys wins, a
//! lone surrogate becomes U+FFFD or an error without a path, `1e2` is written back as `100.0`.
//! Here each of those is refused with the issue validation gives it (`json.duplicate_key`,
//! `text.lone_surrogate`, `json.number_rewritten`…), all at once, with its path; the limits of
//! size, depth and issue count are the validator's.

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value as Json};

use super::reader::Reader;
use crate::input::{FloatRepr, Tok};
use crate::{IssueCode, Params, Word};

/// Reads the value at the reader's position into a tree; `None` (with its issues recorded) when
/// some part of it cannot be held without change.
pub(crate) fn read<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Json> {
    match tok {
        Tok::Null => Some(Json::Null),
        Tok::Bool(b) => Some(Json::Bool(b)),
        Tok::Int(i) => integer(r, i),
        Tok::BigInt(digits) => {
            let rewritten = digits.parse::<f64>().unwrap_or(f64::NAN);
            rewritten_number(r, &digits, rewritten);
            None
        }
        Tok::Float(FloatRepr::Text(text)) => {
            let value = text.parse::<f64>().unwrap_or(f64::NAN);
            match Number::from_f64(value) {
                Some(number) if number.to_string() == text => Some(Json::Number(number)),
                _ => {
                    rewritten_number(r, text, value);
                    None
                }
            }
        }
        Tok::Float(FloatRepr::Binary(value)) => match Number::from_f64(value) {
            Some(number) => Some(Json::Number(number)),
            None => {
                r.issue(
                    IssueCode::ValueNan,
                    Params::new().with("expected", Word::JSON_VALUE),
                );
                None
            }
        },
        Tok::Decimal(text) => decimal(r, text),
        Tok::Text(text) => Some(Json::String(text.into_owned())),
        Tok::BrokenText(text) => {
            r.lone_surrogate(&text);
            None
        }
        // A host's dates have one writing in the format: ISO 8601.
        Tok::Date(date) => Some(Json::String(date.to_string())),
        Tok::DateTime(at) => Some(Json::String(at.format("%Y-%m-%dT%H:%M:%S%.f").to_string())),
        tok @ (Tok::Unsupported(_) | Tok::Unreadable(_)) => {
            r.wrong_type(tok, Word::JSON_VALUE);
            None
        }
        Tok::Array => {
            let mut items = Vec::new();
            let mut whole = true;
            r.list(Tok::Array, |r, _, tok| match read(r, tok) {
                Some(item) => items.push(item),
                None => whole = false,
            });
            whole.then_some(Json::Array(items))
        }
        Tok::Object => {
            let mut map = Map::new();
            let mut whole = true;
            let mark = r.mark();
            r.any_object(Tok::Object, |r, key, tok| match read(r, tok) {
                Some(value) => {
                    map.insert(key.to_owned(), value);
                }
                None => whole = false,
            });
            // A duplicate key or an unusable key is an issue of the object itself.
            (whole && r.mark() == mark).then_some(Json::Object(map))
        }
    }
}

/// An integer: held as is within 64 bits.
fn integer(r: &mut Reader<'_, '_>, i: i128) -> Option<Json> {
    if let Ok(u) = u64::try_from(i) {
        return Some(Json::Number(u.into()));
    }
    if let Ok(s) = i64::try_from(i) {
        return Some(Json::Number(s.into()));
    }
    rewritten_number(r, &i.to_string(), i as f64);
    None
}

/// A host's exact decimal: held as its plain writing in text — the canonical writing of amounts
/// and decimal values — with its digits kept (`Decimal("40800.00")` is `"40800.00"`,
/// `Decimal("1E+3")` is `"1000"`).
fn decimal(r: &mut Reader<'_, '_>, text: &str) -> Option<Json> {
    let parsed = text
        .parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(text));
    match parsed {
        Ok(value) => Some(Json::String(value.to_string())),
        Err(_) if is_nan(text) => {
            r.issue(
                IssueCode::ValueNan,
                Params::new().with("expected", Word::JSON_VALUE),
            );
            None
        }
        Err(_) => {
            r.issue(
                IssueCode::DecimalInvalid,
                Params::new().with("value", crate::text::shorten(text)),
            );
            None
        }
    }
}

/// Whether a host decimal's writing is a NaN or an infinity.
fn is_nan(text: &str) -> bool {
    let bare = text.trim_start_matches(['-', '+']).to_ascii_lowercase();
    matches!(bare.as_str(), "nan" | "snan" | "inf" | "infinity")
}

fn rewritten_number(r: &mut Reader<'_, '_>, written: &str, value: f64) {
    let rewritten = Number::from_f64(value).map_or_else(|| "NaN".to_owned(), |n| n.to_string());
    r.issue(
        IssueCode::JsonNumberRewritten,
        Params::new()
            .with("value", crate::text::shorten(written))
            .with("rewritten", rewritten),
    );
}
