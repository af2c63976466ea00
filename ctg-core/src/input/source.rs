//! The pull interface validation reads every input through.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};

use crate::Word;

/// What comes next at a value position. Containers are announced (`Object`, `Array`) and their
/// content pulled with [`Source::key`] and [`Source::item`].
#[derive(Debug, Clone)]
pub(crate) enum Tok<'a> {
    Null,
    Bool(bool),
    /// An integer that fits in 128 bits.
    Int(i128),
    /// A larger integer, as written (digits with an optional `-`).
    BigInt(Cow<'a, str>),
    /// A number that went (or will go) through binary floating point.
    Float(FloatRepr<'a>),
    /// An exact decimal of a host, as written.
    Decimal(&'a str),
    Text(Cow<'a, str>),
    /// Text with lone surrogates (U+FFFD in their place).
    BrokenText(Cow<'a, str>),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// A host value of a type with no meaning here: its type name.
    Unsupported(&'a str),
    /// A host value that could not be read: what the host said.
    Unreadable(&'a str),
    Object,
    Array,
}

/// A binary floating-point number: as written in JSON text, or as a host's `f64`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FloatRepr<'a> {
    Text(&'a str),
    Binary(f64),
}

impl FloatRepr<'_> {
    /// Whether this is a NaN (only host floats can be).
    pub(crate) fn is_nan(&self) -> bool {
        matches!(self, FloatRepr::Binary(f) if f.is_nan())
    }

    /// Its value as a binary float (what a host would hold).
    pub(crate) fn value(&self) -> f64 {
        match self {
            FloatRepr::Text(t) => t.parse().unwrap_or(f64::NAN),
            FloatRepr::Binary(f) => *f,
        }
    }

    /// Its writing, for messages.
    pub(crate) fn text(&self) -> String {
        match self {
            FloatRepr::Text(t) => (*t).to_owned(),
            FloatRepr::Binary(f) => format!("{f:?}"),
        }
    }
}

/// A key of an object.
#[derive(Debug, Clone)]
pub(crate) enum KeyTok<'a> {
    Text(Cow<'a, str>),
    BrokenText(Cow<'a, str>),
    /// A host's integer key, to be read as its decimal writing.
    Int(i128),
    /// A host key of a type that cannot name a field.
    Unsupported(&'a str),
}

/// Why reading stopped for good: the input as a whole cannot be read any further.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Not JSON: where and why.
    Syntax {
        line: usize,
        column: usize,
        detail: Word,
    },
    /// Nested deeper than the limit.
    TooDeep,
    /// A host tree over its value limit.
    TooLarge,
}

/// A document being pulled, value by value. The reader calls `next` at each value position; after
/// `Tok::Object` it calls `key` (then `next` for the value) until `key` gives `None`; after
/// `Tok::Array` it calls `item` (then `next`) until `item` gives `false`.
pub(crate) trait Source<'a> {
    /// The value at the current position.
    fn next(&mut self) -> Result<Tok<'a>, Stop>;
    /// The next key of the current object, `None` at its end.
    fn key(&mut self) -> Result<Option<KeyTok<'a>>, Stop>;
    /// Whether the current array has another item.
    fn item(&mut self) -> Result<bool, Stop>;
    /// After the document: checks that nothing follows it.
    fn finish(&mut self) -> Result<(), Stop>;
}
