//! The input model: what a host hands core to validate, and the limits of what core will read.
//!
//! A document reaches validation in one of three forms, all read by the same rules:
//! - **JSON text** (`&str` or bytes): read straight into the model's drafts by core's own JSON
//!   reader, with no intermediate tree; it keeps what a generic JSON parser loses (duplicate keys,
//!   lone surrogates, the exact writing of numbers) and says where a syntax error is.
//! - **A host tree** ([`Value`]): what a binding builds from Python or JavaScript values,
//!   mechanically, keeping what JSON lacks — binary floats and NaN, integers of any size, exact
//!   decimals, dates, lone surrogates, values of types that mean nothing here. Core decides what
//!   each of them means for each field.
//! - **A `serde_json::Value`**, for Rust callers who already have one (its duplicate keys were
//!   merged by whoever parsed it).

mod json;
mod limits;
mod serde_value;
mod source;
mod tree;

pub use limits::Limits;

pub(crate) use json::JsonSource;
pub(crate) use serde_value::SerdeSource;
pub(crate) use source::{FloatRepr, KeyTok, Source, Stop, Tok};
pub(crate) use tree::TreeSource;

use chrono::{NaiveDate, NaiveDateTime};

/// A value handed over by a host language: the tree a binding builds, type for type, from a
/// Python object or a JavaScript value. Bindings translate mechanically (a Python `float` is a
/// [`Value::Float`], a `Decimal` a [`Value::Decimal`]…); core decides what each means where it
/// stands (a float is refused as an amount, a date is refused as a title…).
///
/// ```
/// use ctg_core::input::{Key, Value};
/// let doc = Value::Map(vec![
///     (Key::Text("format_version".into()), Value::Int(1)),
///     (Key::Text("title".into()), Value::Float(f64::NAN)),
/// ]);
/// let report = ctg_core::validate_host(&doc).into_report();
/// let title = report.issues().iter().find(|i| i.path.to_string() == "title").unwrap();
/// assert_eq!(title.code.as_str(), "value.nan"); // "NaN instead of a text…"
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// `None`, `null`, `undefined`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer: Python `int` and anything with `__index__` (numpy integers), a JavaScript safe
    /// integer or `BigInt` that fits.
    Int(i128),
    /// An integer too large for [`Value::Int`], as decimal digits with an optional `-`.
    BigInt(String),
    /// A binary floating-point number (Python `float`, numpy floating, a JavaScript number with a
    /// fraction), NaN and infinities included.
    Float(f64),
    /// An exact decimal (Python `Decimal`), as its own writing (`"1E+3"`, `"12.50"`, `"NaN"`).
    Decimal(String),
    /// Text.
    Text(String),
    /// Text that held lone UTF-16 surrogates, with U+FFFD in their place (shown in the message;
    /// the value itself is refused).
    BrokenText(String),
    /// A calendar date.
    Date(NaiveDate),
    /// A date with a time of day (refused where a date is expected, unless the time is midnight).
    DateTime(NaiveDateTime),
    /// A list, tuple or array.
    List(Vec<Value>),
    /// A dict or plain object, keys in order (duplicates kept: core reports them).
    Map(Vec<(Key, Value)>),
    /// A value of a type that has no meaning in a document (a set, bytes, a function…): its type
    /// name as the host says it.
    Unsupported(String),
    /// A value whose reading failed in the host (a getter or a proxy that threw): what it said.
    Unreadable(String),
    /// Marks where the host stopped because the value nests deeper than [`Limits::max_depth`]
    /// (or is cyclic).
    TooDeep,
    /// Marks where the host stopped because the value holds more than [`Limits::max_values`]
    /// values.
    TooLarge,
}

/// A key of a [`Value::Map`].
///
/// ```
/// use ctg_core::input::Key;
/// // Python dicts may have integer keys: `{2024: "40800.00"}`.
/// assert_ne!(Key::Int(2024), Key::Text("2024".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Key {
    /// A text key.
    Text(String),
    /// An integer key (read as its decimal writing: `2024` and `"2024"` are the same key).
    Int(i128),
    /// A text key with lone surrogates (U+FFFD in their place).
    BrokenText(String),
    /// A key of a type that cannot name a field (a tuple…): its type name.
    Unsupported(String),
}
