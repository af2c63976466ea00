//! Rust values → Python objects through `serde`, with no JSON tree in between.
//!
//! The objects are those `json.loads` gives for the value's `serde_json` form, built as
//! `serde_json::value::Serializer` builds its tree, case for case:
//!
//! | serde | Python |
//! |---|---|
//! | `bool` | `bool` |
//! | integers | `int`; an `i128`/`u128` outside `i64`/`u64` is an error (`number out of range`) |
//! | `f32`, `f64` | `float` (an `f32` widened to `f64`); `None` for a NaN or an infinity |
//! | `char`, `str` | `str` |
//! | bytes | a `list` of `int` |
//! | `None`, unit, unit struct | `None` |
//! | `Some(v)`, newtype struct | `v` |
//! | unit variant | its name (`"in_force"`) |
//! | newtype variant | `{name: value}` |
//! | sequence, tuple, tuple struct | `list` |
//! | tuple variant | `{name: [values]}` |
//! | map, struct | `dict` |
//! | struct variant | `{name: {fields}}` |
//!
//! A map's keys are written as `serde_json` writes them: strings as they are, integers and
//! `bool` as their decimal or `true`/`false` text (a year `2024` → `"2024"`), a finite float as
//! JSON writes it, a unit variant as its name, a newtype struct as what it holds. Any other key
//! (a `None`, a sequence, a NaN…) is an error, as it is for `serde_json`.
//!
//! Keys come in the order the value gives them: a struct's fields in their declaration order and
//! a `BTreeMap`'s keys in its order, as in the JSON text `serde_json::to_string` writes (the
//! CLI's `--json`, `Convention.to_json`). Only that order differs from what going through a
//! `serde_json::Value` gave: its maps sorted every key, a struct's fields included.
//!
//! `serde_json`'s private markers for arbitrary-precision numbers and raw values are not read:
//! nothing the binding converts holds either.
//!
//! Every error is a `PyResult` error, never a `None` in place of the value: a Python error as
//! Python raised it, any other (a key that is not a string, a `Serialize` that fails) a
//! `ValueError` with the message `serde_json` or the failing `Serialize` gives.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde::ser::{self, Impossible, Serialize};

/// `value` as Python objects (see the module's table): the ones `json.loads` gives for its
/// `serde_json` text.
pub(crate) fn serialized<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let strings = Strings::new(py);
    let to = Serializer {
        py,
        strings: &strings,
    };
    value.serialize(to).map_err(|Error(err)| err)
}

/// The Python strings made once per conversion, as `json.loads` makes each key once: the names
/// a value's types give (struct fields, enum variants), found by the address and length of the
/// `&'static str`, and the integer keys (years), found by value. A portfolio's 1 255 EPCI totals
/// share their four field names and their few years.
struct Strings<'py> {
    py: Python<'py>,
    names: RefCell<Fast<(usize, usize), Bound<'py, PyString>>>,
    ints: RefCell<Fast<i128, Bound<'py, PyString>>>,
}

/// A map whose keys are addresses and integers, hashed fast.
type Fast<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

impl<'py> Strings<'py> {
    fn new(py: Python<'py>) -> Strings<'py> {
        Strings {
            py,
            names: RefCell::default(),
            ints: RefCell::default(),
        }
    }

    fn name(&self, name: &'static str) -> Bound<'py, PyString> {
        let key = (name.as_ptr() as usize, name.len());
        let mut names = self.names.borrow_mut();
        names
            .entry(key)
            .or_insert_with(|| PyString::new(self.py, name))
            .clone()
    }

    /// An integer's decimal digits (`2024` → `"2024"`).
    fn int(&self, value: i128) -> Result<Bound<'py, PyString>> {
        if let Some(text) = self.ints.borrow().get(&value) {
            return Ok(text.clone());
        }
        let text = digits(self.py, value)?;
        self.ints.borrow_mut().insert(value, text.clone());
        Ok(text)
    }
}

/// An integer's decimal digits as a Python string, written on the stack.
fn digits<'py>(py: Python<'py>, value: impl fmt::Display) -> Result<Bound<'py, PyString>> {
    let mut digits = Digits::default();
    fmt::Write::write_fmt(&mut digits, format_args!("{value}"))
        .map_err(<Error as ser::Error>::custom)?;
    let text =
        std::str::from_utf8(&digits.bytes[..digits.len]).map_err(<Error as ser::Error>::custom)?;
    Ok(PyString::new(py, text))
}

/// FxHash's step, for the keys of [`Strings`]: addresses and integers that no one chooses.
#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_i128(&mut self, n: i128) {
        self.write_u64(n as u64);
        self.write_u64((n >> 64) as u64);
    }
}

/// Why a value did not become Python objects.
#[derive(Debug)]
struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(err: PyErr) -> Error {
        Error(err)
    }
}

fn key_must_be_a_string() -> Error {
    Error(PyValueError::new_err("key must be a string"))
}

fn number_out_of_range() -> Error {
    Error(PyValueError::new_err("number out of range"))
}

type Result<T> = std::result::Result<T, Error>;

/// Builds the Python object of one value.
#[derive(Clone, Copy)]
struct Serializer<'a, 'py> {
    py: Python<'py>,
    strings: &'a Strings<'py>,
}

impl<'a, 'py> Serializer<'a, 'py> {
    fn int<T>(self, value: T) -> Result<Bound<'py, PyAny>>
    where
        T: IntoPyObject<
            'py,
            Target = PyInt,
            Output = Bound<'py, PyInt>,
            Error = std::convert::Infallible,
        >,
    {
        Ok(PyInt::new(self.py, value).into_any())
    }

    /// `{variant: value}`, the form of a newtype, tuple or struct variant.
    fn variant(self, variant: &'static str, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.strings.name(variant), value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> ser::Serializer for Serializer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Variant<Seq<'a, 'py>>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Variant<Map<'a, 'py>>;

    fn serialize_bool(self, value: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py, value).to_owned().into_any())
    }

    fn serialize_i8(self, value: i8) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i16(self, value: i16) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i32(self, value: i32) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i64(self, value: i64) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i128(self, value: i128) -> Result<Self::Ok> {
        // `serde_json::Value` holds 64 bits (no `arbitrary_precision`).
        if let Ok(value) = u64::try_from(value) {
            self.int(value)
        } else if let Ok(value) = i64::try_from(value) {
            self.int(value)
        } else {
            Err(number_out_of_range())
        }
    }

    fn serialize_u8(self, value: u8) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u16(self, value: u16) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u32(self, value: u32) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u64(self, value: u64) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u128(self, value: u128) -> Result<Self::Ok> {
        match u64::try_from(value) {
            Ok(value) => self.int(value),
            Err(_) => Err(number_out_of_range()),
        }
    }

    fn serialize_f32(self, value: f32) -> Result<Self::Ok> {
        self.serialize_f64(f64::from(value))
    }

    fn serialize_f64(self, value: f64) -> Result<Self::Ok> {
        if value.is_finite() {
            Ok(PyFloat::new(self.py, value).into_any())
        } else {
            self.serialize_unit()
        }
    }

    fn serialize_char(self, value: char) -> Result<Self::Ok> {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Result<Self::Ok> {
        Ok(PyString::new(self.py, value).into_any())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<Self::Ok> {
        Ok(PyList::new(self.py, value)?.into_any())
    }

    fn serialize_none(self) -> Result<Self::Ok> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.strings.name(variant).into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        self.variant(variant, value.serialize(self)?)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>> {
        Ok(Seq {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a, 'py>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Seq<'a, 'py>>> {
        Ok(Variant {
            name: variant,
            inner: self.serialize_seq(Some(len))?,
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>> {
        Ok(Map {
            to: self,
            dict: PyDict::new(self.py),
            key: None,
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'a, 'py>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Map<'a, 'py>>> {
        Ok(Variant {
            name: variant,
            inner: self.serialize_map(Some(len))?,
        })
    }
}

/// A sequence being built: its items, then a `list`.
struct Seq<'a, 'py> {
    to: Serializer<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }

    fn end(self) -> Result<Self::Ok> {
        Ok(PyList::new(self.to.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<Self::Ok> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<Self::Ok> {
        ser::SerializeSeq::end(self)
    }
}

/// A map or struct being built, straight into its `dict`.
struct Map<'a, 'py> {
    to: Serializer<'a, 'py>,
    dict: Bound<'py, PyDict>,
    /// The key given by `serialize_key`, waiting for its value.
    key: Option<Bound<'py, PyString>>,
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(KeySerializer { to: self.to })?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map's value came before its key"))?;
        self.dict.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }

    fn serialize_entry<K, V>(&mut self, key: &K, value: &V) -> Result<()>
    where
        K: Serialize + ?Sized,
        V: Serialize + ?Sized,
    {
        let key = key.serialize(KeySerializer { to: self.to })?;
        self.dict.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }

    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        let key = self.to.strings.name(key);
        self.dict.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }

    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// A tuple or struct variant being built: `{name: [values]}` or `{name: {fields}}`.
struct Variant<S> {
    name: &'static str,
    inner: S,
}

impl<'py> ser::SerializeTupleVariant for Variant<Seq<'_, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(&mut self.inner, value)
    }

    fn end(self) -> Result<Self::Ok> {
        let to = self.inner.to;
        to.variant(self.name, ser::SerializeSeq::end(self.inner)?)
    }
}

impl<'py> ser::SerializeStructVariant for Variant<Map<'_, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, value)
    }

    fn end(self) -> Result<Self::Ok> {
        let to = self.inner.to;
        to.variant(self.name, self.inner.dict.into_any())
    }
}

/// Writes a map's key as `serde_json` does (`serde_json::value::ser::MapKeySerializer`).
struct KeySerializer<'a, 'py> {
    to: Serializer<'a, 'py>,
}

impl<'py> KeySerializer<'_, 'py> {
    fn text(self, text: &str) -> Result<Bound<'py, PyString>> {
        Ok(PyString::new(self.to.py, text))
    }

    fn int(self, value: impl Into<i128>) -> Result<Bound<'py, PyString>> {
        self.to.strings.int(value.into())
    }

    /// A finite float as JSON writes it (`serde_json` writes keys and numbers alike).
    fn float<T: Serialize + Into<f64> + Copy>(self, value: T) -> Result<Bound<'py, PyString>> {
        if !value.into().is_finite() {
            return Err(Error(PyValueError::new_err(
                "float key must be finite (got NaN or +/-inf)",
            )));
        }
        let text = serde_json::to_string(&value).map_err(<Error as ser::Error>::custom)?;
        self.text(&text)
    }
}

impl<'py> ser::Serializer for KeySerializer<'_, 'py> {
    type Ok = Bound<'py, PyString>;
    type Error = Error;

    type SerializeSeq = Impossible<Self::Ok, Error>;
    type SerializeTuple = Impossible<Self::Ok, Error>;
    type SerializeTupleStruct = Impossible<Self::Ok, Error>;
    type SerializeTupleVariant = Impossible<Self::Ok, Error>;
    type SerializeMap = Impossible<Self::Ok, Error>;
    type SerializeStruct = Impossible<Self::Ok, Error>;
    type SerializeStructVariant = Impossible<Self::Ok, Error>;

    fn serialize_bool(self, value: bool) -> Result<Self::Ok> {
        self.text(if value { "true" } else { "false" })
    }

    fn serialize_i8(self, value: i8) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i16(self, value: i16) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i32(self, value: i32) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i64(self, value: i64) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_i128(self, value: i128) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u8(self, value: u8) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u16(self, value: u16) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u32(self, value: u32) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u64(self, value: u64) -> Result<Self::Ok> {
        self.int(value)
    }

    fn serialize_u128(self, value: u128) -> Result<Self::Ok> {
        match i128::try_from(value) {
            Ok(value) => self.int(value),
            Err(_) => digits(self.to.py, value),
        }
    }

    fn serialize_f32(self, value: f32) -> Result<Self::Ok> {
        self.float(value)
    }

    fn serialize_f64(self, value: f64) -> Result<Self::Ok> {
        self.float(value)
    }

    fn serialize_char(self, value: char) -> Result<Self::Ok> {
        self.text(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Result<Self::Ok> {
        self.text(value)
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.to.strings.name(variant))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }
}

/// The decimal digits of an integer (at most 40 bytes: `i128::MIN`).
struct Digits {
    bytes: [u8; 40],
    len: usize,
}

impl Default for Digits {
    fn default() -> Digits {
        Digits {
            bytes: [0; 40],
            len: 0,
        }
    }
}

impl fmt::Write for Digits {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::ffi::CString;

    use ctg_core::{Convention, NaiveDate, Portfolio, Validator};
    use pyo3::types::PyDict;
    use serde::Serialize;

    /// `same(a, b, ordered)`: the same Python objects, type for type (`1`, `True` and `1.0`
    /// differ), and with `ordered` each dict's keys in the same order.
    const SAME: &str = r#"
def same(a, b, ordered):
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        if ordered and list(a) != list(b):
            return False
        return a.keys() == b.keys() and all(same(a[k], b[k], ordered) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(same(x, y, ordered) for x, y in zip(a, b))
    return a == b
"#;

    fn same<'py>(py: Python<'py>) -> Bound<'py, PyAny> {
        let globals = PyDict::new(py);
        py.run(&CString::new(SAME).unwrap(), Some(&globals), None)
            .unwrap();
        globals.get_item("same").unwrap().unwrap()
    }

    fn loads<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        py.import("json")
            .unwrap()
            .call_method1("loads", (text,))
            .unwrap()
    }

    /// Checks that `value` becomes what `json.loads` gives for its `serde_json` text, keys in the
    /// same order, and what the binding gave before through a `serde_json::Value` (its keys
    /// sorted), type for type.
    fn check<T: Serialize + ?Sized>(py: Python<'_>, what: &str, value: &T) {
        let got = serialized(py, value).unwrap();
        let same = same(py);
        let text = serde_json::to_string(value).unwrap();
        let want = loads(py, &text);
        let ok: bool = same.call1((&got, &want, true)).unwrap().extract().unwrap();
        assert!(ok, "{what}:\n got {got}\nwant {want}");
        let tree = serde_json::to_value(value).unwrap().to_string();
        let before = loads(py, &tree);
        let ok: bool = same
            .call1((&got, &before, false))
            .unwrap()
            .extract()
            .unwrap();
        assert!(
            ok,
            "{what} (as a serde_json::Value):\n got {got}\nwant {before}"
        );
    }

    fn error(py: Python<'_>, value: &impl Serialize) -> String {
        let err = serialized(py, value).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py), "{err}");
        assert!(
            serde_json::to_value(value).is_err(),
            "serde_json refuses it too"
        );
        err.value(py).to_string()
    }

    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct YearKey(u16);

    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Eaje,
        Rpe,
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { a: Option<u8>, b: Vec<Kind> },
    }

    #[derive(Serialize)]
    struct Inner {
        before: u8,
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        Amount {
            before: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            after: Option<String>,
        },
        Period(Inner),
        Nothing,
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum Untagged {
        Number(u8),
        Text(&'static str),
    }

    #[derive(Serialize)]
    struct UnitStruct;

    #[derive(Serialize)]
    struct Pair(i8, char);

    /// `serialize_bytes`.
    struct Bytes(&'static [u8]);

    impl Serialize for Bytes {
        fn serialize<S: ser::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }

    /// A map of float keys (no `BTreeMap` holds floats).
    struct FloatKeys(Vec<(f64, u8)>);

    impl Serialize for FloatKeys {
        fn serialize<S: ser::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    #[derive(Serialize)]
    struct Flattened {
        id: &'static str,
        #[serde(flatten)]
        extra: BTreeMap<&'static str, u8>,
    }

    /// Every shape serde has, fields declared out of alphabetical order.
    #[derive(Serialize)]
    struct Everything {
        zeta: bool,
        alpha: Option<Option<u32>>,
        some_none: Option<Option<u32>>,
        nested: Option<Vec<Option<i64>>>,
        by_year: BTreeMap<ctg_core::Year, String>,
        by_small: BTreeMap<u8, i8>,
        by_signed: BTreeMap<i64, u8>,
        by_wide: BTreeMap<i128, u8>,
        by_kind: BTreeMap<Kind, u32>,
        by_newtype: BTreeMap<YearKey, Option<String>>,
        by_bool: BTreeMap<bool, u8>,
        by_char: BTreeMap<char, u8>,
        by_float: FloatKeys,
        shapes: Vec<Shape>,
        tagged: Vec<Tagged>,
        untagged: Vec<Untagged>,
        unit: (),
        unit_struct: UnitStruct,
        pair: Pair,
        tuple: (u8, &'static str, Option<()>),
        extremes: (u64, i64, i128, u128, i128),
        floats: (f64, f64, f64, f64),
        bytes: Bytes,
        text: &'static str,
        empty: (BTreeMap<String, u8>, Vec<u8>),
        flattened: Flattened,
        decimal: ctg_core::Decimal,
        date: NaiveDate,
    }

    fn everything() -> Everything {
        Everything {
            zeta: true,
            alpha: Some(Some(7)),
            some_none: Some(None),
            nested: Some(vec![Some(-1), None]),
            by_year: BTreeMap::from([(2025, "b".into()), (2024, "a".into())]),
            by_small: BTreeMap::from([(255, -128), (0, 127)]),
            by_signed: BTreeMap::from([(-3, 1), (10, 2)]),
            by_wide: BTreeMap::from([(i128::MIN, 1), (i128::MAX, 2)]),
            by_kind: BTreeMap::from([(Kind::Rpe, 2), (Kind::Eaje, 1)]),
            by_newtype: BTreeMap::from([(YearKey(2023), None), (YearKey(2022), Some("x".into()))]),
            by_bool: BTreeMap::from([(false, 0), (true, 1)]),
            by_char: BTreeMap::from([('é', 1)]),
            by_float: FloatKeys(vec![(1.5, 1), (-0.0, 2), (1e21, 3), (0.1, 4)]),
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(3),
                Shape::Tuple(-4, "t".into()),
                Shape::Struct {
                    a: None,
                    b: vec![Kind::Eaje],
                },
            ],
            tagged: vec![
                Tagged::Amount {
                    before: None,
                    after: None,
                },
                Tagged::Amount {
                    before: Some("1.00".into()),
                    after: Some("2.00".into()),
                },
                Tagged::Period(Inner { before: 1 }),
                Tagged::Nothing,
            ],
            untagged: vec![Untagged::Number(1), Untagged::Text("one")],
            unit: (),
            unit_struct: UnitStruct,
            pair: Pair(-1, 'c'),
            tuple: (1, "two", None),
            extremes: (
                u64::MAX,
                i64::MIN,
                -1,
                u128::from(u64::MAX),
                i128::from(i64::MIN),
            ),
            floats: (1.5, f64::NAN, f64::INFINITY, -0.0),
            bytes: Bytes(b"\x00\xff"),
            text: "é \" \\ \n \u{0} \u{10ffff}",
            empty: (BTreeMap::new(), Vec::new()),
            flattened: Flattened {
                id: "f",
                extra: BTreeMap::from([("b", 2), ("a", 1)]),
            },
            decimal: "241801.00".parse().unwrap(),
            date: NaiveDate::from_ymd_opt(2024, 1, 16).unwrap(),
        }
    }

    #[test]
    fn gives_what_json_gives_for_every_shape() {
        Python::initialize();
        Python::attach(|py| {
            check(py, "everything", &everything());
            let got = serialized(py, &everything()).unwrap();
            let keys: Vec<String> = got.cast::<PyDict>().unwrap().keys().extract().unwrap();
            assert_eq!(
                &keys[..3],
                ["zeta", "alpha", "some_none"],
                "the fields' order"
            );
            let by_year = got.get_item("by_year").unwrap();
            assert_eq!(by_year.to_string(), "{'2024': 'a', '2025': 'b'}");
            // A `serde_json::Value` as it is (the documents the binding already holds as one).
            let value: serde_json::Value = serde_json::from_str(
                r#"{"b": [1, -2, 18446744073709551615, 1.5, "x", null, true], "a": {}}"#,
            )
            .unwrap();
            check(py, "a Value", &value);
        });
    }

    #[test]
    fn widens_an_f32_as_serde_json_value_does() {
        Python::initialize();
        Python::attach(|py| {
            let got = serialized(py, &(0.1f32, f32::NAN)).unwrap();
            let before = serde_json::to_value((0.1f32, f32::NAN))
                .unwrap()
                .to_string();
            assert_eq!(
                got.repr().unwrap().to_string(),
                "[0.10000000149011612, None]"
            );
            let same = same(py);
            let ok: bool = same
                .call1((&got, loads(py, &before), false))
                .unwrap()
                .extract()
                .unwrap();
            assert!(ok);
        });
    }

    /// Serialises as an error of its own.
    struct Fails;

    impl Serialize for Fails {
        fn serialize<S: ser::Serializer>(&self, _: S) -> std::result::Result<S::Ok, S::Error> {
            Err(ser::Error::custom("no JSON form"))
        }
    }

    #[test]
    fn an_error_is_a_value_error_never_none() {
        Python::initialize();
        Python::attach(|py| {
            let tuple_keys = BTreeMap::from([((1u8, 2u8), 3u8)]);
            assert_eq!(error(py, &tuple_keys), "key must be a string");
            let option_keys = BTreeMap::from([(Some(1u8), 3u8)]);
            assert_eq!(error(py, &option_keys), "key must be a string");
            let nan = FloatKeys(vec![(f64::NAN, 1)]);
            assert!(error(py, &nan).starts_with("float key must be finite"));
            assert_eq!(error(py, &(1u8, i128::MAX)), "number out of range");
            assert_eq!(error(py, &[u128::MAX]), "number out of range");
            // Deep inside a value, the first error comes out.
            let deep = BTreeMap::from([("a", vec![None, Some(Fails)])]);
            assert_eq!(error(py, &deep), "no JSON form");
        });
    }

    fn fixtures() -> Vec<(String, Vec<u8>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        let mut paths: Vec<_> = ["", "illustrative"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(dir.join(sub)).unwrap())
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        let mut docs: Vec<(String, Vec<u8>)> = paths
            .iter()
            .map(|p| (p.display().to_string(), std::fs::read(p).unwrap()))
            .collect();
        // An invalid document and an unreadable one, for the portfolio's counts and exclusions.
        docs.push(("invalid".into(), br#"{"format_version": 1}"#.to_vec()));
        docs.push(("unreadable".into(), b"{".to_vec()));
        docs
    }

    #[test]
    fn gives_what_json_gives_for_core_results() {
        let geo = ctg_geo::Geography::embedded().unwrap();
        let gazetteer: &dyn ctg_core::Gazetteer = geo;
        let date = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let portfolio = Portfolio::validate(&Validator::new().gazetteer(geo), fixtures());
        let conventions: Vec<&Convention> = portfolio
            .entries()
            .iter()
            .filter_map(|e| e.convention())
            .collect();
        assert_eq!(conventions.len(), 6);
        Python::initialize();
        Python::attach(|py| {
            check(py, "totals", &portfolio.totals(Some(gazetteer)));
            check(py, "totals without geography", &portfolio.totals(None));
            check(py, "summary", &portfolio.summary(date, Some(gazetteer)));
            check(py, "coverage", &portfolio.coverage(gazetteer, date));
            check(py, "rows", &portfolio.conventions(date, Some(gazetteer)));
            check(py, "counts", &portfolio.counts());
            for entry in portfolio.entries() {
                check(py, "issues", entry.report().issues());
            }
            for (i, conv) in conventions.iter().enumerate() {
                check(py, "convention", conv);
                check(py, "its coverage", &conv.coverage(gazetteer));
                check(py, "its execution", &conv.execution());
                check(py, "its evaluation", &conv.evaluation(2024, date));
                let next = conventions[(i + 1) % conventions.len()];
                check(py, "a diff", &conv.diff(next));
                check(py, "a renewal", &next.renewal_of(conv));
            }
        });
    }
}
