//! Python values → core's host tree ([`ctg_core::input::Value`]), type for type, and core's
//! results → Python objects ([`serialized`], through `serde`: the `serialize` module).
//!
//! The translation decides nothing: it says what each Python value *is* and core decides what it
//! means where it stands (a `float` is refused as an amount, a `date` is read as a date…).
//!
//! | Python | [`Value`] |
//! |---|---|
//! | `None` | `Null` |
//! | `bool` | `Bool` (checked before integers: `bool` is an `int` in Python) |
//! | anything with `__index__` (`int`, numpy integers) | `Int`, or `BigInt` (decimal digits) beyond 128 bits |
//! | `float`, numpy floating (NaN and infinities included) | `Float` |
//! | `decimal.Decimal` | `Decimal(str(d))` |
//! | `datetime.datetime` | `DateTime` (its wall-clock date and time; a `tzinfo` is not applied) |
//! | `datetime.date` | `Date` |
//! | `str` | `Text`, or `BrokenText` (lone surrogates shown as U+FFFD) |
//! | `dict` | `Map`, keys in order: `Text`, `Int` (integer keys), `BrokenText`, `Unsupported` |
//! | `list`, `tuple` | `List` |
//! | anything else | `Unsupported(type name)` |
//!
//! A value Python fails to read (an integer too long for `str()`, a `Decimal` subclass whose
//! `__str__` raises…) becomes `Unreadable(what Python said)`.
//!
//! The tree is built without recursion (an explicit stack), so nothing — not even a limit set
//! very high — can exhaust the native stack, and Python code is never called recursively. Building
//! stops at the first place past a limit, marked for core to report: [`Value::TooDeep`] for a
//! container nested deeper than [`Limits::max_depth`] (this also ends a cycle) and
//! [`Value::TooLarge`] past [`Limits::max_values`] values. Core reads the tree in order and stops
//! at that mark, so nothing after it is needed.

use ctg_core::input::{Key, Value};
use ctg_core::Limits;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

mod serialize;
pub(crate) use serialize::serialized;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INDEX: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Converts a Python value into core's host tree within `limits`.
pub(crate) fn to_host(obj: &Bound<'_, PyAny>, limits: &Limits) -> PyResult<Tree> {
    Builder::new(obj.py(), limits)?.build(obj).map(Tree)
}

/// The Python types the conversion tells apart, looked up once per conversion.
struct Types<'py> {
    decimal: Bound<'py, PyType>,
    datetime: Bound<'py, PyType>,
    date: Bound<'py, PyType>,
    index: Bound<'py, PyAny>,
    /// `numpy.floating`, when numpy is imported (a numpy value cannot exist otherwise).
    numpy_floating: Option<Bound<'py, PyAny>>,
}

impl<'py> Types<'py> {
    fn new(py: Python<'py>) -> PyResult<Types<'py>> {
        let numpy_floating = py
            .import("sys")?
            .getattr("modules")?
            .get_item("numpy")
            .ok()
            .and_then(|numpy| numpy.getattr("floating").ok());
        Ok(Types {
            decimal: DECIMAL.import(py, "decimal", "Decimal")?.clone(),
            datetime: DATETIME.import(py, "datetime", "datetime")?.clone(),
            date: DATE.import(py, "datetime", "date")?.clone(),
            index: INDEX
                .get_or_try_init(py, || {
                    py.import("operator")?.getattr("index").map(Bound::unbind)
                })?
                .bind(py)
                .clone(),
            numpy_floating,
        })
    }
}

/// What a Python value is: a scalar, or a container whose content is still to be read.
enum Item<'py> {
    Leaf(Value),
    List(Seq<'py>),
    /// A snapshot of a dict's `(key, value)` pairs: Python code run while converting a value
    /// (an `__index__`) cannot change what is being iterated.
    Map(Bound<'py, PyList>),
}

enum Seq<'py> {
    List(Bound<'py, PyList>),
    Tuple(Bound<'py, PyTuple>),
}

impl<'py> Seq<'py> {
    /// Item `i`, read from the container's storage (no `__iter__` runs); a list is re-measured
    /// at each step, so a list changed while it is read never fails.
    fn get(&self, i: usize) -> Option<Bound<'py, PyAny>> {
        match self {
            Seq::List(list) => (i < list.len()).then(|| list.get_item(i).ok()).flatten(),
            Seq::Tuple(tuple) => (i < tuple.len()).then(|| tuple.get_item(i).ok()).flatten(),
        }
    }
}

/// A container being built.
enum Frame<'py> {
    List {
        seq: Seq<'py>,
        next: usize,
        items: Vec<Value>,
    },
    Map {
        pairs: Bound<'py, PyList>,
        next: usize,
        entries: Vec<(Key, Value)>,
        key: Option<Key>,
    },
}

impl<'py> Frame<'py> {
    /// Places a finished child value.
    fn push(&mut self, value: Value) {
        match self {
            Frame::List { items, .. } => items.push(value),
            Frame::Map { entries, key, .. } => {
                let key = key.take().unwrap_or(Key::Unsupported(String::new()));
                entries.push((key, value));
            }
        }
    }

    fn finish(self) -> Value {
        match self {
            Frame::List { items, .. } => Value::List(items),
            Frame::Map { entries, .. } => Value::Map(entries),
        }
    }
}

struct Builder<'py> {
    types: Types<'py>,
    max_depth: usize,
    max_values: usize,
    /// Values met so far (scalars and containers).
    values: usize,
}

impl<'py> Builder<'py> {
    fn new(py: Python<'py>, limits: &Limits) -> PyResult<Builder<'py>> {
        Ok(Builder {
            types: Types::new(py)?,
            max_depth: limits.max_depth,
            max_values: limits.max_values,
            values: 0,
        })
    }

    fn build(&mut self, root: &Bound<'py, PyAny>) -> PyResult<Value> {
        let mut stack: Vec<Frame<'py>> = Vec::new();
        let mut current = root.clone();
        loop {
            // Place `current`: a finished value, or a new frame whose content comes next.
            let mut done = None;
            let mut stopped = false;
            if self.values >= self.max_values {
                (done, stopped) = (Some(Value::TooLarge), true);
            } else {
                self.values += 1;
                match self.item(&current) {
                    Item::Leaf(value) => done = Some(value),
                    Item::List(_) | Item::Map(_) if stack.len() >= self.max_depth => {
                        (done, stopped) = (Some(Value::TooDeep), true);
                    }
                    Item::List(seq) => stack.push(Frame::List {
                        seq,
                        next: 0,
                        items: Vec::new(),
                    }),
                    Item::Map(pairs) => stack.push(Frame::Map {
                        pairs,
                        next: 0,
                        entries: Vec::new(),
                        key: None,
                    }),
                }
            }
            if let Some(value) = done {
                match stack.last_mut() {
                    Some(top) => top.push(value),
                    None => return Ok(value),
                }
            }
            if stopped {
                // Past a limit: close every open container around the mark.
                return Ok(close_all(stack));
            }
            // The next child to read, closing the containers that are complete.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok(Value::Null); // not reached: the root returns when complete
                };
                if let Some(child) = self.child(top)? {
                    current = child;
                    break;
                }
                let complete = close_top(&mut stack);
                match stack.last_mut() {
                    Some(parent) => parent.push(complete),
                    None => return Ok(complete),
                }
            }
        }
    }

    /// The next child of a container (its key already recorded for a map), or `None` at its end.
    fn child(&self, frame: &mut Frame<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match frame {
            Frame::List { seq, next, .. } => {
                let item = seq.get(*next);
                *next += 1;
                Ok(item)
            }
            Frame::Map {
                pairs, next, key, ..
            } => {
                if *next >= pairs.len() {
                    return Ok(None);
                }
                let pair = pairs.get_item(*next)?;
                *next += 1;
                let pair = pair.cast::<PyTuple>()?;
                *key = Some(self.key(&pair.get_item(0)?));
                Ok(Some(pair.get_item(1)?))
            }
        }
    }

    fn item(&self, obj: &Bound<'py, PyAny>) -> Item<'py> {
        // The common exact types first (each is exactly one row of the table)…
        if obj.is_none() {
            return Item::Leaf(Value::Null);
        }
        if let Ok(b) = obj.cast_exact::<PyBool>() {
            return Item::Leaf(Value::Bool(b.is_true()));
        }
        if let Ok(s) = obj.cast_exact::<PyString>() {
            return Item::Leaf(text(s));
        }
        if let Ok(dict) = obj.cast_exact::<PyDict>() {
            return Item::Map(dict.items());
        }
        if let Ok(list) = obj.cast_exact::<PyList>() {
            return Item::List(Seq::List(list.clone()));
        }
        if let Ok(i) = obj.cast_exact::<PyInt>() {
            return Item::Leaf(int(i));
        }
        if let Ok(f) = obj.cast_exact::<PyFloat>() {
            return Item::Leaf(Value::Float(f.value()));
        }
        // …then everything else, in the table's order (subclasses, numpy scalars, Decimal…).
        match self.general(obj) {
            Ok(item) => item,
            Err(err) => Item::Leaf(Value::Unreadable(describe(obj.py(), &err))),
        }
    }

    fn general(&self, obj: &Bound<'py, PyAny>) -> PyResult<Item<'py>> {
        let t = &self.types;
        if obj.is_instance_of::<PyBool>() {
            return Ok(Item::Leaf(Value::Bool(obj.is_truthy()?)));
        }
        if obj.get_type().hasattr("__index__")? {
            // `__index__` may exist and refuse (a numpy array of several items): then the value
            // is not an integer and is looked at further.
            if let Ok(i) = t.index.call1((obj,)) {
                if let Ok(i) = i.cast::<PyInt>() {
                    return Ok(Item::Leaf(int(i)));
                }
            }
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return Ok(Item::Leaf(Value::Float(f.value())));
        }
        if let Some(floating) = &t.numpy_floating {
            if obj.is_instance(floating)? {
                // numpy.float16/32 widen exactly to f64 (a longdouble is rounded to it).
                return Ok(Item::Leaf(Value::Float(obj.extract::<f64>()?)));
            }
        }
        if obj.is_instance(&t.decimal)? {
            // `Decimal.__str__` of the base class: its exact writing, whatever a subclass says.
            let text = t.decimal.getattr("__str__")?.call1((obj,))?;
            return Ok(Item::Leaf(Value::Decimal(text.extract()?)));
        }
        if obj.is_instance(&t.datetime)? {
            return Ok(Item::Leaf(datetime(obj)?));
        }
        if obj.is_instance(&t.date)? {
            return Ok(Item::Leaf(
                date(obj)?.map_or_else(|| Value::Unsupported(type_name(obj)), Value::Date),
            ));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Item::Leaf(text(s)));
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            return Ok(Item::Map(dict.items()));
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return Ok(Item::List(Seq::List(list.clone())));
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return Ok(Item::List(Seq::Tuple(tuple.clone())));
        }
        Ok(Item::Leaf(Value::Unsupported(type_name(obj))))
    }

    /// A dict key: text, an integer (`{2024: …}`), or the name of a type that cannot name a
    /// field.
    fn key(&self, key: &Bound<'py, PyAny>) -> Key {
        if let Ok(s) = key.cast::<PyString>() {
            return match text(s) {
                Value::Text(t) => Key::Text(t),
                Value::BrokenText(t) => Key::BrokenText(t),
                _ => Key::Unsupported(type_name(key)),
            };
        }
        if !key.is_instance_of::<PyBool>() && key.get_type().hasattr("__index__").unwrap_or(false) {
            let int = self.types.index.call1((key,));
            if let Ok(i) = int.and_then(|i| i.extract::<i128>()) {
                return Key::Int(i);
            }
        }
        // An integer key beyond 128 bits names no field either: its type name, like a tuple's.
        Key::Unsupported(type_name(key))
    }
}

/// Pops the innermost frame as a value.
fn close_top(stack: &mut Vec<Frame<'_>>) -> Value {
    stack.pop().map_or(Value::Null, Frame::finish)
}

/// Closes every open frame, innermost first, each into its parent.
fn close_all(mut stack: Vec<Frame<'_>>) -> Value {
    let mut value = close_top(&mut stack);
    while let Some(mut parent) = stack.pop() {
        parent.push(value);
        value = parent.finish();
    }
    value
}

/// Drops a host tree without recursion (a tree nested deeper than the native stack allows, when
/// the depth limit is raised that far, would overflow it in the default drop).
pub(crate) struct Tree(pub(crate) Value);

impl Drop for Tree {
    fn drop(&mut self) {
        let mut stack = vec![std::mem::replace(&mut self.0, Value::Null)];
        while let Some(value) = stack.pop() {
            match value {
                Value::List(items) => stack.extend(items),
                Value::Map(entries) => stack.extend(entries.into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
    }
}

/// A `str` as text; one holding lone surrogates (which have no UTF-8 form) as `BrokenText`,
/// each lone surrogate shown as one U+FFFD.
fn text(s: &Bound<'_, PyString>) -> Value {
    match s.to_str() {
        Ok(t) => Value::Text(t.to_owned()),
        Err(_) => Value::BrokenText(lossy(s)),
    }
}

/// The text of a `str` with lone surrogates, each shown as U+FFFD (for display only).
fn lossy(s: &Bound<'_, PyString>) -> String {
    let utf16 = s
        .call_method1("encode", ("utf-16-le", "surrogatepass"))
        .ok()
        .and_then(|b| b.cast::<PyBytes>().ok().map(|b| b.as_bytes().to_vec()));
    match utf16 {
        Some(bytes) => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => s.to_string_lossy().into_owned(),
    }
}

/// An integer: `Int` when it fits in 128 bits, else its decimal digits.
fn int(i: &Bound<'_, PyInt>) -> Value {
    if let Ok(v) = i.extract::<i128>() {
        return Value::Int(v);
    }
    match i.str() {
        Ok(digits) => Value::BigInt(digits.to_string_lossy().into_owned()),
        // Past Python's limit on int → str conversion (4300 digits by default).
        Err(err) => Value::Unreadable(describe(i.py(), &err)),
    }
}

fn date(obj: &Bound<'_, PyAny>) -> PyResult<Option<chrono::NaiveDate>> {
    let (y, m, d): (i32, u32, u32) = (
        obj.getattr("year")?.extract()?,
        obj.getattr("month")?.extract()?,
        obj.getattr("day")?.extract()?,
    );
    Ok(chrono::NaiveDate::from_ymd_opt(y, m, d))
}

fn datetime(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let Some(day) = date(obj)? else {
        return Ok(Value::Unsupported(type_name(obj)));
    };
    let (h, mi, s, us): (u32, u32, u32, u32) = (
        obj.getattr("hour")?.extract()?,
        obj.getattr("minute")?.extract()?,
        obj.getattr("second")?.extract()?,
        obj.getattr("microsecond")?.extract()?,
    );
    Ok(match chrono::NaiveTime::from_hms_micro_opt(h, mi, s, us) {
        Some(time) => Value::DateTime(day.and_time(time)),
        None => Value::Unsupported(type_name(obj)),
    })
}

/// The name of a value's type, as Python says it (`set`, `float32`, `ndarray`).
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "?".to_owned())
}

/// What Python said when reading a value failed: `ValueError: …`.
fn describe(py: Python<'_>, err: &PyErr) -> String {
    let kind = err
        .get_type(py)
        .name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let value = err
        .value(py)
        .str()
        .map(|s| s.to_string_lossy().into_owned());
    match value {
        Ok(text) if !text.is_empty() => format!("{kind}: {text}"),
        _ => kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;

    fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
        let code = CString::new(code).unwrap();
        py.eval(&code, None, None).unwrap()
    }

    fn host(code: &str, limits: Limits) -> Value {
        Python::initialize();
        Python::attach(|py| {
            let mut tree = to_host(&eval(py, code), &limits).unwrap();
            std::mem::replace(&mut tree.0, Value::Null)
        })
    }

    fn text(s: &str) -> Key {
        Key::Text(s.to_owned())
    }

    #[test]
    fn translates_each_python_type() {
        let value = host(
            "[None, True, 3, 2**130, -(2**127), 1.5, float('nan'), \
             __import__('decimal').Decimal('1E+3'), __import__('datetime').date(2024, 1, 16), \
             __import__('datetime').datetime(2024, 1, 16, 10, 30), 'é', 'a\\ud800b', (1,), {1, 2}, b'x']",
            Limits::DEFAULT,
        );
        let Value::List(items) = value else {
            panic!("a list")
        };
        assert_eq!(items[0], Value::Null);
        assert_eq!(items[1], Value::Bool(true));
        assert_eq!(items[2], Value::Int(3));
        assert_eq!(
            items[3],
            Value::BigInt("1361129467683753853853498429727072845824".into())
        );
        assert_eq!(items[4], Value::Int(i128::MIN));
        assert_eq!(items[5], Value::Float(1.5));
        assert!(matches!(items[6], Value::Float(f) if f.is_nan()));
        assert_eq!(items[7], Value::Decimal("1E+3".into()));
        assert_eq!(
            items[8],
            Value::Date(chrono::NaiveDate::from_ymd_opt(2024, 1, 16).unwrap())
        );
        assert_eq!(
            items[9],
            Value::DateTime(
                chrono::NaiveDate::from_ymd_opt(2024, 1, 16)
                    .unwrap()
                    .and_hms_opt(10, 30, 0)
                    .unwrap()
            )
        );
        assert_eq!(items[10], Value::Text("é".into()));
        assert_eq!(items[11], Value::BrokenText("a\u{fffd}b".into()));
        assert_eq!(items[12], Value::List(vec![Value::Int(1)]));
        assert_eq!(items[13], Value::Unsupported("set".into()));
        assert_eq!(items[14], Value::Unsupported("bytes".into()));
    }

    #[test]
    fn keeps_dict_keys_in_order_with_their_types() {
        let value = host(
            "{'b': 1, 2024: 2, '2024': 3, True: 4, (1,): 5, 'x\\udc00': 6}",
            Limits::DEFAULT,
        );
        let keys: Vec<Key> = match value {
            Value::Map(entries) => entries.into_iter().map(|(k, _)| k).collect(),
            other => panic!("a map, not {other:?}"),
        };
        assert_eq!(
            keys,
            vec![
                text("b"),
                Key::Int(2024),
                text("2024"),
                Key::Unsupported("bool".into()),
                Key::Unsupported("tuple".into()),
                Key::BrokenText("x\u{fffd}".into()),
            ]
        );
    }

    #[test]
    fn stops_at_the_depth_limit_and_at_a_cycle() {
        let limits = Limits {
            max_depth: 3,
            ..Limits::DEFAULT
        };
        let three = host("[[[1]]]", limits);
        assert_eq!(
            three,
            Value::List(vec![Value::List(vec![Value::List(vec![Value::Int(1)])])])
        );
        let four = host("[0, [[[1]], 2], 3]", limits);
        assert_eq!(
            four,
            Value::List(vec![
                Value::Int(0),
                Value::List(vec![Value::List(vec![Value::TooDeep])]),
            ])
        );
        let cyclic = host("(lambda l: (l.append(l), l)[1])([])", Limits::DEFAULT);
        let mut depth = 0;
        let mut node = &cyclic;
        while let Value::List(items) = node {
            depth += 1;
            node = &items[0];
        }
        assert_eq!((depth, node), (64, &Value::TooDeep));
    }

    #[test]
    fn deep_nesting_costs_no_native_stack() {
        let limits = Limits {
            max_depth: usize::MAX,
            ..Limits::DEFAULT
        };
        Python::initialize();
        Python::attach(|py| {
            let deep = eval(
                py,
                "__import__('functools').reduce(lambda acc, _: [acc], range(200000), [])",
            );
            let tree = to_host(&deep, &limits).unwrap();
            assert!(matches!(tree.0, Value::List(_)));
            drop(tree); // without recursion either
        });
    }

    #[test]
    fn stops_at_the_value_limit() {
        let limits = Limits {
            max_values: 4,
            ..Limits::DEFAULT
        };
        assert_eq!(
            host("[1, [2, 3], 4, 5]", limits),
            Value::List(vec![
                Value::Int(1),
                Value::List(vec![Value::Int(2), Value::TooLarge]),
            ])
        );
        assert_eq!(
            host(
                "{'a': 1, 'b': 2}",
                Limits {
                    max_values: 3,
                    ..Limits::DEFAULT
                }
            ),
            Value::Map(vec![(text("a"), Value::Int(1)), (text("b"), Value::Int(2))])
        );
    }
}
