//! Conversions between Python objects and `serde_json::Value`, the only input core validates.
//!
//! Python → JSON is a plain type mapping (no rule of the format is checked here): `dict` → object,
//! `list`/`tuple` → array, `str`, `int`, `bool`, `None`, `Decimal` → its `str()`, `date` → its ISO
//! string, `float` → a JSON float (core refuses it with `amount.float` where money is expected).
//! What cannot become JSON at all is reported as core's issues, and validation stops there, as it
//! does on a JSON syntax error: a float NaN/±inf (`amount.float`), an unsupported type or a
//! non-string key ([`Issue::not_json`], `field.type`), nesting deeper than core's [`MAX_DEPTH`] or
//! a cycle ([`Issue::too_deep`], `json.too_deep`).
//!
//! The converter recurses in Rust (never through the Python interpreter), one frame per container
//! level, and stops at [`MAX_DEPTH`] levels: a deeper or cyclic value costs at most that many frames.

use ctg_core::{AmountError, Issue, Path, MAX_DEPTH};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Converts a Python object to JSON, or returns the issues that prevent it.
pub(crate) fn to_json(obj: &Bound<'_, PyAny>) -> Result<Value, Vec<Issue>> {
    let mut converter = Converter::default();
    let value = converter.value(obj, &Path::root(), 0);
    if converter.issues.is_empty() {
        Ok(value)
    } else {
        Err(converter.issues)
    }
}

#[derive(Default)]
struct Converter {
    issues: Vec<Issue>,
    too_deep: bool,
}

impl Converter {
    /// `obj` as JSON; `depth` containers enclose it.
    fn value(&mut self, obj: &Bound<'_, PyAny>, path: &Path, depth: usize) -> Value {
        if obj.is_none() {
            return Value::Null;
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Value::Bool(b.is_true());
        }
        if obj.is_instance_of::<PyInt>() {
            return self.int(obj, path);
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return match Number::from_f64(f.value()) {
                Some(n) => Value::Number(n),
                None => {
                    // NaN and ±inf have no JSON form; they are floats, refused like any float.
                    self.issues
                        .push(Issue::from_problem(path.clone(), &AmountError::Float));
                    Value::Null
                }
            };
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return match s.to_str() {
                Ok(s) => Value::String(s.to_owned()),
                // Lone surrogates: no UTF-8 (hence no JSON) form.
                Err(_) => self.not_json(path, "surrogate str".to_owned()),
            };
        }
        if is_decimal(obj) || obj.is_instance_of::<PyDate>() {
            // Decimal → str(d) ("1234.56", "NaN" which core refuses as amount.invalid);
            // date → "YYYY-MM-DD" (a datetime gives its full ISO form, refused as date.invalid).
            let text = if obj.is_instance_of::<PyDate>() {
                obj.call_method0("isoformat")
            } else {
                obj.str().map(Bound::into_any)
            };
            return match text.and_then(|t| t.extract::<String>()) {
                Ok(t) => Value::String(t),
                Err(_) => self.not_json(path, type_name(obj)),
            };
        }
        let is_dict = obj.is_instance_of::<PyDict>();
        let is_array = obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>();
        if (is_dict || is_array) && depth >= MAX_DEPTH {
            // Too deep, or a cycle (a list holding itself): one issue for the whole document.
            if !self.too_deep {
                self.too_deep = true;
                self.issues.push(Issue::too_deep());
            }
            return Value::Null;
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            let mut map = Map::new();
            // A snapshot of the items: Python code run below (a `Decimal` subclass's `__str__`)
            // cannot change what is being iterated.
            for entry in dict.items().iter() {
                let Ok((key, item)) = entry.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()
                else {
                    continue; // `dict.items()` always gives pairs
                };
                match key_text(&key) {
                    Ok(key) => {
                        let value = self.value(&item, &path.key(key.clone()), depth + 1);
                        map.insert(key, value);
                    }
                    Err(detail) => {
                        self.not_json(path, detail);
                    }
                }
            }
            return Value::Object(map);
        }
        // Lists and tuples are read item by item from their storage (as `json.dumps` does), so
        // that no Python code (an overridden `__iter__`) runs and no item can be lost.
        if let Ok(list) = obj.cast::<PyList>() {
            return self.array(list.iter(), path, depth);
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return self.array(tuple.iter(), path, depth);
        }
        self.not_json(path, type_name(obj))
    }

    fn array<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        path: &Path,
        depth: usize,
    ) -> Value {
        Value::Array(
            items
                .enumerate()
                .map(|(index, item)| self.value(&item, &path.index(index), depth + 1))
                .collect(),
        )
    }

    /// A Python `int` as a JSON number; one too large for 64 bits as its decimal digits (a
    /// string), which core then refuses where it expects a number or an amount.
    fn int(&mut self, obj: &Bound<'_, PyAny>, path: &Path) -> Value {
        if let Ok(i) = obj.extract::<i64>() {
            return Value::from(i);
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Value::from(u);
        }
        match obj.str().and_then(|s| s.extract::<String>()) {
            Ok(digits) => Value::String(digits),
            // Past Python's limit on int → str conversion (4300 digits by default).
            Err(_) => self.not_json(path, type_name(obj)),
        }
    }

    /// Records core's `field.type` issue for a value with no JSON equivalent; `detail` is the
    /// Python type name.
    fn not_json(&mut self, path: &Path, detail: String) -> Value {
        self.issues.push(Issue::not_json(path.clone(), &detail));
        Value::Null
    }
}

/// A dict key as JSON text: a string, or an integer (years: `{2024: ...}`), as `json.dumps` does;
/// otherwise what the key is, for [`Issue::not_json`] (`"tuple key"`).
fn key_text(key: &Bound<'_, PyAny>) -> Result<String, String> {
    if let Ok(s) = key.cast::<PyString>() {
        return s
            .to_str()
            .map(str::to_owned)
            .map_err(|_| "surrogate str key".to_owned());
    }
    if key.is_instance_of::<PyInt>() && !key.is_instance_of::<PyBool>() {
        if let Ok(i) = key.extract::<i64>() {
            return Ok(i.to_string());
        }
        if let Ok(u) = key.extract::<u64>() {
            return Ok(u.to_string());
        }
        if let Ok(digits) = key.str().and_then(|s| s.extract::<String>()) {
            return Ok(digits);
        }
    }
    Err(format!("{} key", type_name(key)))
}

fn is_decimal(obj: &Bound<'_, PyAny>) -> bool {
    let py = obj.py();
    DECIMAL
        .import(py, "decimal", "Decimal")
        .is_ok_and(|decimal| obj.is_instance(decimal).unwrap_or(false))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .and_then(|n| n.extract::<String>())
        .unwrap_or_else(|_| "?".to_owned())
}

/// A JSON value as Python objects (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`).
pub(crate) fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                // Canonical output has no float (money and decimals are strings).
                n.as_f64().unwrap_or(0.0).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(issues: &[Issue]) -> Vec<(String, String)> {
        issues
            .iter()
            .map(|i| (i.path.to_string(), i.code.as_str().to_owned()))
            .collect()
    }

    #[test]
    fn converts_python_values_and_reports_what_json_cannot_hold() {
        Python::initialize();
        Python::attach(|py| {
            let ok = py
                .eval(
                    c"{'a': [1, True, None, 'x', 2.5], 2024: __import__('decimal').Decimal('1.50')}",
                    None,
                    None,
                )
                .unwrap();
            let value = to_json(&ok).unwrap();
            assert_eq!(
                value,
                serde_json::json!({"a": [1, true, null, "x", 2.5], "2024": "1.50"})
            );

            let bad = py
                .eval(
                    c"{'a': [float('nan')], (1,): 2, 'b': {1, 2}, 'c': (b'x', bytearray())}",
                    None,
                    None,
                )
                .unwrap();
            let issues = to_json(&bad).unwrap_err();
            let root = Path::root();
            let expected = vec![
                Issue::from_problem(root.key("a").index(0), &AmountError::Float),
                Issue::not_json(root.clone(), "tuple key"),
                Issue::not_json(root.key("b"), "set"),
                Issue::not_json(root.key("c").index(0), "bytes"),
                Issue::not_json(root.key("c").index(1), "bytearray"),
            ];
            assert_eq!(issues, expected);
            assert_eq!(
                codes(&issues)[..3],
                [
                    ("a[0]".to_owned(), "amount.float".to_owned()),
                    ("".to_owned(), "field.type".to_owned()),
                    ("b".to_owned(), "field.type".to_owned()),
                ]
            );
        });
    }

    #[test]
    fn nesting_stops_at_core_max_depth() {
        Python::initialize();
        Python::attach(|py| {
            let nested = |levels: usize| {
                let code = std::ffi::CString::new(format!(
                    "__import__('functools').reduce(lambda acc, _: [acc], range({}), [])",
                    levels - 1
                ))
                .unwrap();
                py.eval(&code, None, None).unwrap()
            };
            assert!(to_json(&nested(MAX_DEPTH)).is_ok());
            assert_eq!(
                to_json(&nested(MAX_DEPTH + 1)).unwrap_err(),
                vec![Issue::too_deep()]
            );
            let cyclic = py
                .eval(c"(lambda l: (l.append(l), l)[1])([])", None, None)
                .unwrap();
            assert_eq!(to_json(&cyclic).unwrap_err(), vec![Issue::too_deep()]);
        });
    }

    #[test]
    fn deep_nesting_is_one_issue_not_a_stack_overflow() {
        Python::initialize();
        Python::attach(|py| {
            let deep = py
                .eval(
                    c"__import__('functools').reduce(lambda acc, _: [acc], range(100000), [])",
                    None,
                    None,
                )
                .unwrap();
            let issues = to_json(&deep).unwrap_err();
            assert_eq!(
                codes(&issues),
                vec![("".to_owned(), "json.too_deep".to_owned())]
            );
        });
    }
}
