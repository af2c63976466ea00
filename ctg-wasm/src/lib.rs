//! # ctg-wasm
//!
//! The WebAssembly binding of `ctg-core`, for front-end teams. It only converts: JS inputs (JSON
//! text, bytes or plain objects) become `serde_json::Value`s or text for the core, and the core's
//! results come back as plain JS objects of the canonical JSON format. Every rule, total, check and
//! amount format is the core's.
//!
//! The functions exported here never throw: failures come back as `{ok: false, error}` outcomes,
//! which the hand-written JS wrapper (`js/core.js`) turns into thrown `CtgError`s. Use the npm
//! package (`ctg-wasm/pkg/`, built by `ctg-wasm/build.sh`), not these exports directly.

use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub mod bridge;

use bridge::Input;
use ctg_core::{Issue, Path, MAX_DEPTH};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type { Convention, Report, Totals, Outcome, JsonSchema, Lang, CtgInput } from "../types.js";
"#;

/// Converts a JS argument into an input for the core, never failing and never recursing deeper
/// than [`MAX_DEPTH`].
fn input(value: JsValue) -> Input {
    if let Some(text) = value.as_string() {
        return Input::Text(text);
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Input::Bytes(bytes.to_vec());
    }
    let too_deep = Cell::new(false);
    let seed = Depth {
        left: MAX_DEPTH,
        too_deep: &too_deep,
    };
    match seed.deserialize(serde_wasm_bindgen::Deserializer::from(value)) {
        Ok(value) => Input::Value(value),
        Err(_) if too_deep.get() => Input::Unreadable(Issue::too_deep()),
        Err(error) => Input::Unreadable(Issue::not_json(Path::root(), &error.to_string())),
    }
}

/// Turns a JSON value built by the bridge into a plain JS object (through JSON text, so the JS
/// side sees exactly the canonical JSON: money as strings, year keys as `"2024"`).
fn output(value: &Value) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// A string argument, or `None` for any other JS value.
fn string_arg(value: &JsValue) -> Option<String> {
    value.as_string()
}

/// Validates a convention (JSON text, UTF-8 bytes or a plain object); never throws.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "CtgInput")] input_value: JsValue,
) -> JsValue {
    output(&bridge::validate(input(input_value)))
}

/// Reads a convention: `{ok: true, value: Convention}` or `{ok: false, error}`.
#[wasm_bindgen(unchecked_return_type = "Outcome<Convention>")]
pub fn parse(#[wasm_bindgen(unchecked_param_type = "CtgInput")] input_value: JsValue) -> JsValue {
    output(&bridge::parse(input(input_value)))
}

/// The exact funding totals of a valid convention: `{ok: true, value: Totals}` or `{ok: false, error}`.
#[wasm_bindgen(unchecked_return_type = "Outcome<Totals>")]
pub fn totals(#[wasm_bindgen(unchecked_param_type = "CtgInput")] input_value: JsValue) -> JsValue {
    output(&bridge::totals(input(input_value)))
}

/// Formats an amount (`"241801"` → `"241 801 €"` with U+202F and U+00A0).
#[wasm_bindgen(js_name = formatAmount, unchecked_return_type = "Outcome<string>")]
pub fn format_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsValue {
    let lang = if lang.is_undefined() || lang.is_null() {
        None
    } else {
        // A non-string language is refused by the core's `Lang` reader as an empty name.
        Some(string_arg(&lang).unwrap_or_default())
    };
    output(&bridge::format_amount(string_arg(&amount), lang))
}

/// Reads an amount as people write it (`"1 234,56 €"` → `"1234.56"`).
#[wasm_bindgen(js_name = parseAmount, unchecked_return_type = "Outcome<string>")]
pub fn parse_amount(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsValue {
    output(&bridge::parse_amount(string_arg(&text)))
}

/// The JSON Schema (draft 2020-12) of the canonical format.
#[wasm_bindgen(unchecked_return_type = "JsonSchema")]
pub fn schema() -> JsValue {
    js_sys::JSON::parse(bridge::SCHEMA_JSON).unwrap_or(JsValue::NULL)
}

/// Deserialises any JSON-like value into a `serde_json::Value`, refusing to go deeper than `left`
/// more levels (and flagging `too_deep` when it had to stop).
struct Depth<'a> {
    left: usize,
    too_deep: &'a Cell<bool>,
}

impl Depth<'_> {
    fn deeper<E: serde::de::Error>(&self) -> Result<Depth<'_>, E> {
        match self.left.checked_sub(1) {
            Some(left) => Ok(Depth {
                left,
                too_deep: self.too_deep,
            }),
            None => {
                self.too_deep.set(true);
                Err(E::custom("nesting limit reached"))
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Depth<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Depth<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // NaN and infinities have no JSON form: they become null, as in `JSON.stringify`.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.deeper()?)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self.deeper()?)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The depth limit, exercised with serde_json's own deserializer on the host.
    fn depth_limited(text: &str) -> (Result<Value, serde_json::Error>, bool) {
        let too_deep = Cell::new(false);
        let mut de = serde_json::Deserializer::from_str(text);
        let result = Depth {
            left: 5,
            too_deep: &too_deep,
        }
        .deserialize(&mut de);
        (result, too_deep.get())
    }

    #[test]
    fn depth_is_bounded() {
        let (ok, deep) = depth_limited(r#"{"a": [1, {"b": [2.5]}]}"#);
        assert!(!deep);
        assert_eq!(ok.ok(), Some(serde_json::json!({"a": [1, {"b": [2.5]}]})));
        let (err, deep) = depth_limited("[[[[[[[[1]]]]]]]]");
        assert!(err.is_err());
        assert!(deep);
    }
}
