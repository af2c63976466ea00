//! JavaScript values into core's input model, mechanically.
//!
//! [`input`] reads the document argument: a string is JSON text, a `Uint8Array` JSON bytes, any
//! other value a host tree ([`tree`]). The tree keeps every value as the host has it and leaves
//! its meaning to core: a number with a fraction stays a float (core refuses it as an amount), a
//! string with lone surrogates stays broken text (core reports it), a `Set` is an unsupported
//! value named as the host names it, a getter that throws is an unreadable value carrying what
//! it threw. Reading never throws and never recurses: it stops at `limits.max_depth` (or at a
//! cycle) with [`Value::TooDeep`] and at `limits.max_values` with [`Value::TooLarge`], checking an
//! array's length before reading any item.
//!
//! Every call that can run code of the caller (a getter, a `Proxy` trap, `Symbol.toStringTag`)
//! goes through an import declared `catch`, so what it throws comes back here as a value.

use ctg_core::input::{Key, Value};
use ctg_core::Limits;
use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::bridge::Input;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray(value)`: throws for a revoked proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// `Object.prototype.toString.call(value)`, `"[object Set]"`: the host's name of a value's
    /// type, the same in every realm; reads `Symbol.toStringTag`, so may run a getter or a trap.
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call, catch)]
    fn object_tag(value: &JsValue) -> Result<JsString, JsValue>;

    /// `Date.prototype.getTime.call(value)`: the time value of a real `Date` (from any realm),
    /// a `TypeError` for anything else.
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    fn date_time_value(value: &JsValue) -> Result<f64, JsValue>;
}

/// Whether the value is an array (a proxy of one too), or what asking threw.
pub fn array(value: &JsValue) -> Result<bool, String> {
    is_array(value).map_err(|e| thrown(&e))
}

/// The time value of a `Date` (NaN for an invalid one), `None` for any other value.
pub fn time_value(value: &JsValue) -> Option<f64> {
    date_time_value(value).ok()
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// `Number.isSafeInteger`, for a number already read.
pub fn is_safe_integer(n: f64) -> bool {
    n.is_finite() && n.trunc() == n && n.abs() <= MAX_SAFE_INTEGER
}

/// The document argument of `validate`, `check`, `parse`…: a string is JSON text (with lone
/// surrogates: its UTF-16 as WTF-8 bytes, which core reports where they stand), a `Uint8Array`
/// JSON bytes, anything else a host tree. Text or bytes longer than `max_bytes` stay in
/// JavaScript.
pub fn input(value: &JsValue, limits: &Limits) -> Input {
    if let Some(text) = value.dyn_ref::<JsString>() {
        if text.length() as usize > limits.max_bytes {
            return Input::Oversized;
        }
        return match string(value) {
            Some(Ok(text)) => Input::Text(text),
            _ => Input::Bytes(wtf8(text)),
        };
    }
    if is_bytes(value) {
        let bytes: &js_sys::Uint8Array = value.unchecked_ref();
        if bytes.length() as usize > limits.max_bytes {
            return Input::Oversized;
        }
        return Input::Bytes(bytes.to_vec());
    }
    Input::Host(tree(value, limits))
}

/// Whether the value is a `Uint8Array` (a Node `Buffer` too), from any realm, without running
/// any code of the caller for other values (`ArrayBuffer.isView` runs none).
fn is_bytes(value: &JsValue) -> bool {
    js_sys::ArrayBuffer::is_view(value) && type_name(value).is_ok_and(|name| name == "Uint8Array")
}

/// A JS value as Rust text, `None` when it is not a string: `Ok` when it is well-formed UTF-16,
/// else `Err` with U+FFFD in place of each lone surrogate (`JsString::is_valid_utf16`). The copy
/// into wasm replaces lone surrogates by U+FFFD, so only a copy holding U+FFFD needs the (slower,
/// unit by unit) check.
fn string(value: &JsValue) -> Option<Result<String, String>> {
    let copy = value.as_string()?;
    Some(
        if has_replacement(&copy) && !value.unchecked_ref::<JsString>().is_valid_utf16() {
            Err(copy)
        } else {
            Ok(copy)
        },
    )
}

/// Whether the text holds U+FFFD (the bytes EF BF BD), looking for the byte EF eight bytes at a
/// time and only then at the bytes themselves. (`str::contains` with a character outside ASCII
/// runs the general substring search: 4 % of `totals(text)` on the Thoré fixture.)
fn has_replacement(text: &str) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    const EF: u64 = u64::from_le_bytes([0xEF; 8]);
    const REPLACEMENT: [u8; 3] = [0xEF, 0xBF, 0xBD];
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let x = word ^ EF;
        // Non-zero exactly when a byte of `x` is zero, a byte of the word EF.
        if x.wrapping_sub(ONES) & !x & HIGH != 0 {
            break;
        }
        start += 8;
    }
    bytes
        .get(start..)
        .is_some_and(|rest| rest.windows(3).any(|w| w == REPLACEMENT))
}

/// The UTF-16 code units of a string as WTF-8: UTF-8, plus a lone surrogate encoded like any
/// other code point of its value (`\u{D800}` → `ED A0 80`).
fn wtf8(text: &JsString) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.length() as usize);
    for unit in char::decode_utf16(text.iter()) {
        match unit {
            Ok(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Err(lone) => {
                let u = lone.unpaired_surrogate();
                out.extend_from_slice(&[
                    0xE0 | (u >> 12) as u8,
                    0x80 | ((u >> 6) & 0x3F) as u8,
                    0x80 | (u & 0x3F) as u8,
                ]);
            }
        }
    }
    out
}

/// What a thrown value says, for [`Value::Unreadable`]: an error's `name: message`, a thrown
/// string itself. Reading them may throw too: then what can be said without running code.
pub fn thrown(error: &JsValue) -> String {
    if let Some(text) = error.as_string() {
        return text;
    }
    if error.is_object() {
        let field = |name: &str| {
            Reflect::get(error, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
        };
        return match (field("name"), field("message")) {
            (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
            (Some(name), _) => name,
            (None, Some(message)) => message,
            (None, None) => "object".to_owned(),
        };
    }
    if error.as_f64().is_some() {
        // JavaScript's own writing of the number (`1.5`, `NaN`, `Infinity`).
        if let Some(text) = error
            .unchecked_ref::<js_sys::Number>()
            .to_string_with_radix(10)
            .ok()
            .and_then(|t| t.as_string())
        {
            return text;
        }
    }
    error.js_typeof().as_string().unwrap_or_default()
}

/// The host's name of an object's type: `"Object"`, `"Array"`, `"Set"`, `"Date"`, `"Uint8Array"`
/// (from `Object.prototype.toString`), or what reading it threw.
fn type_name(value: &JsValue) -> Result<String, JsValue> {
    Ok(tag_name(&String::from(object_tag(value)?)))
}

/// `"Set"` for `"[object Set]"`.
fn tag_name(tag: &str) -> String {
    tag.strip_prefix("[object ")
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(tag)
        .to_owned()
}

/// An array's length as `ToLength` reads it, through `Reflect.get` (a proxy's trap may throw:
/// then what it threw).
pub fn array_length(array: &JsValue) -> Result<u32, String> {
    let length = Reflect::get(array, &JsValue::from_str("length")).map_err(|e| thrown(&e))?;
    match length.as_f64() {
        // A real array's length is an integer below 2^32; a proxy may say anything.
        Some(n) if n.is_nan() || n <= 0.0 => Ok(0),
        Some(n) if n >= f64::from(u32::MAX) => Ok(u32::MAX),
        Some(n) => Ok(n as u32),
        None => Err("RangeError: Invalid array length".to_owned()),
    }
}

/// A container being read.
struct Frame {
    source: JsValue,
    /// The keys of an object (`Reflect.ownKeys`), `None` for an array.
    keys: Option<Array>,
    len: u32,
    next: u32,
    items: Vec<Value>,
    entries: Vec<(Key, Value)>,
    /// The key of the entry being read.
    key: Option<Key>,
}

impl Frame {
    fn finish(self) -> Value {
        match self.keys {
            None => Value::List(self.items),
            Some(_) => Value::Map(self.entries),
        }
    }

    fn push(&mut self, value: Value) {
        match self.key.take() {
            Some(key) => self.entries.push((key, value)),
            None => self.items.push(value),
        }
    }

    /// The next item or entry value, `None` at the end.
    fn next_child(&mut self) -> Option<Result<JsValue, Value>> {
        if self.next >= self.len {
            return None;
        }
        let i = self.next;
        self.next += 1;
        let Some(keys) = &self.keys else {
            return Some(
                Reflect::get_u32(&self.source, i).map_err(|e| Value::Unreadable(thrown(&e))),
            );
        };
        let key = keys.get(i);
        self.key = Some(match string(&key) {
            Some(Ok(text)) => Key::Text(text),
            Some(Err(broken)) => Key::BrokenText(broken),
            None => Key::Unsupported(key.js_typeof().as_string().unwrap_or_default()),
        });
        Some(Reflect::get(&self.source, &key).map_err(|e| Value::Unreadable(thrown(&e))))
    }
}

/// What a value turned out to be: a finished value, or a container to read.
enum Read {
    Done(Value),
    Open(Frame),
}

/// Reads a JS value into core's host tree (see the module's documentation).
pub fn tree(root: &JsValue, limits: &Limits) -> Value {
    Reader {
        remaining: limits.max_values,
        max_depth: limits.max_depth,
        open: js_sys::Set::new(&JsValue::UNDEFINED),
        stack: Vec::new(),
        plain: JsValue::from_str("[object Object]"),
    }
    .read(root)
}

struct Reader {
    /// How many more values may be read (`limits.max_values` at the start).
    remaining: usize,
    max_depth: usize,
    /// The containers being read (the ancestors of the current value): meeting one again is a
    /// cycle.
    open: js_sys::Set,
    stack: Vec<Frame>,
    /// `"[object Object]"`, the tag of a plain object.
    plain: JsValue,
}

impl Reader {
    fn read(mut self, root: &JsValue) -> Value {
        match self.value(root.clone()) {
            Read::Done(value) => value,
            Read::Open(frame) => {
                self.stack.push(frame);
                self.run()
            }
        }
    }

    /// Reads the open containers to the end (or to the first limit), iteratively.
    fn run(&mut self) -> Value {
        loop {
            let Some(frame) = self.stack.last_mut() else {
                return Value::Null;
            };
            let child = match frame.next_child() {
                Some(Ok(js)) => self.value(js),
                Some(Err(unreadable)) => self.count(unreadable),
                None => {
                    let frame = self.stack.pop();
                    let value = frame.map_or(Value::Null, |f| {
                        self.open.delete(&f.source);
                        f.finish()
                    });
                    match self.stack.last_mut() {
                        Some(parent) => {
                            parent.push(value);
                            continue;
                        }
                        None => return value,
                    }
                }
            };
            match child {
                Read::Open(frame) => self.stack.push(frame),
                Read::Done(value) => {
                    let stop = matches!(value, Value::TooDeep | Value::TooLarge);
                    if let Some(parent) = self.stack.last_mut() {
                        parent.push(value);
                    }
                    if stop {
                        // Core stops reading at the marker: what follows it is never read.
                        return self.close();
                    }
                }
            }
        }
    }

    /// Closes every open container with what it holds so far.
    fn close(&mut self) -> Value {
        let mut value = Value::Null;
        while let Some(frame) = self.stack.pop() {
            value = frame.finish();
            if let Some(parent) = self.stack.last_mut() {
                parent.push(std::mem::replace(&mut value, Value::Null));
            }
        }
        value
    }

    /// Counts one value against `max_values`.
    fn count(&mut self, value: Value) -> Read {
        match self.remaining.checked_sub(1) {
            Some(left) => {
                self.remaining = left;
                Read::Done(value)
            }
            None => Read::Done(Value::TooLarge),
        }
    }

    /// One value: a scalar is done, a container is opened (after its depth, cycle and size
    /// checks).
    fn value(&mut self, js: JsValue) -> Read {
        // The most frequent types first: every check is a call into JavaScript.
        if let Some(text) = string(&js) {
            return self.count(match text {
                Ok(text) => Value::Text(text),
                Err(broken) => Value::BrokenText(broken),
            });
        }
        if js.is_object() {
            return self.object(js);
        }
        if let Some(n) = js.as_f64() {
            return self.count(if is_safe_integer(n) {
                Value::Int(n as i128)
            } else {
                Value::Float(n)
            });
        }
        if let Some(b) = js.as_bool() {
            return self.count(Value::Bool(b));
        }
        if js.is_null() || js.is_undefined() {
            return self.count(Value::Null);
        }
        if js.is_bigint() {
            let digits = js
                .unchecked_ref::<js_sys::BigInt>()
                .to_string(10)
                .map(String::from)
                .unwrap_or_default();
            return self.count(match digits.parse::<i128>() {
                Ok(i) => Value::Int(i),
                Err(_) => Value::BigInt(digits),
            });
        }
        // A symbol or a function (`typeof` says which).
        let name = js.js_typeof().as_string().unwrap_or_default();
        self.count(Value::Unsupported(name))
    }

    fn object(&mut self, js: JsValue) -> Read {
        let array = match is_array(&js) {
            Ok(true) => true,
            // A plain object (or a class instance) is `[object Object]`; compared as a JS value,
            // the tag is only copied out to name another type.
            Ok(false) => match object_tag(&js) {
                Ok(tag) if AsRef::<JsValue>::as_ref(&tag) == &self.plain => false,
                Ok(tag) => return self.count(Value::Unsupported(tag_name(&String::from(tag)))),
                Err(e) => return self.count(Value::Unreadable(thrown(&e))),
            },
            Err(e) => return self.count(Value::Unreadable(thrown(&e))),
        };
        if self.remaining == 0 {
            return Read::Done(Value::TooLarge);
        }
        if self.stack.len() >= self.max_depth || self.open.has(&js) {
            return Read::Done(Value::TooDeep);
        }
        let (keys, len) = if array {
            match array_length(&js) {
                Ok(len) => (None, len),
                Err(what) => return self.count(Value::Unreadable(what)),
            }
        } else {
            match Reflect::own_keys(&js) {
                Ok(keys) => {
                    let len = keys.length();
                    (Some(keys), len)
                }
                Err(e) => return self.count(Value::Unreadable(thrown(&e))),
            }
        };
        self.remaining -= 1;
        // Each item is a value at least: more items than values left is too large, at once.
        if len as usize > self.remaining {
            return Read::Done(Value::TooLarge);
        }
        self.open.add(&js);
        let capacity = (len as usize).min(1024);
        let (items, entries) = if keys.is_some() {
            (Vec::new(), Vec::with_capacity(capacity))
        } else {
            (Vec::with_capacity(capacity), Vec::new())
        };
        Read::Open(Frame {
            source: js,
            keys,
            len,
            next: 0,
            items,
            entries,
            key: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replacement_character_is_found_wherever_it_stands() {
        assert!(!has_replacement(""));
        assert!(!has_replacement("{\"title\": \"Thoré – Montagne Noire\"}"));
        assert!(!has_replacement("\u{FEFF}\u{FFFC}\u{FFFE}ﬁ ﬂ \u{EFBF}"));
        for len in 0..40 {
            for at in 0..=len {
                let mut text = "a".repeat(len);
                text.insert(at, '\u{FFFD}');
                assert!(has_replacement(&text), "{len} {at}");
                let near: String = (0..=len)
                    .map(|i| if i == at { '\u{FFFC}' } else { 'é' })
                    .collect();
                assert!(!has_replacement(&near), "{len} {at}");
            }
        }
    }

    #[test]
    fn safe_integers_are_those_of_javascript() {
        assert!(is_safe_integer(0.0));
        assert!(is_safe_integer(-0.0));
        assert!(is_safe_integer(MAX_SAFE_INTEGER));
        assert!(is_safe_integer(-MAX_SAFE_INTEGER));
        assert!(!is_safe_integer(MAX_SAFE_INTEGER + 1.0));
        assert!(!is_safe_integer(40800.5));
        assert!(!is_safe_integer(f64::NAN));
        assert!(!is_safe_integer(f64::INFINITY));
    }
}
