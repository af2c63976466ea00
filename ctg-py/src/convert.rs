//! Conversions between Python objects and `serde_json::Value`, the only input core validates.
//!
//! Python → JSON is a plain type mapping (no rule of the format is checked here): `dict` → object,
//! `list`/`tuple` → array, `str`, `int`, `bool`, `None`, `Decimal` → its `str()`, `date` → its ISO
//! string, `float` → a JSON float (core refuses it with `amount.float` where money is expected).
//! What cannot become JSON at all is reported as issues, and validation stops there, as it does
//! on a JSON syntax error: a float NaN/±inf (`amount.float`), an unsupported type or a non-string
//! key (`field.type`), nesting deeper than [`MAX_DEPTH`] (`json.too_deep`).

use ctg_core::{AmountError, Issue, IssueCode, Path};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDate, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
    PyType,
};
use serde_json::{Map, Number, Value};

/// The deepest nesting of containers converted; deeper gives `json.too_deep`. Canonical CTG
/// documents nest about 6 levels; core's JSON reader stops at 128.
pub(crate) const MAX_DEPTH: usize = 64;

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
    fn value(&mut self, obj: &Bound<'_, PyAny>, path: &Path, depth: usize) -> Value {
        if obj.is_none() {
            return Value::Null;
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Value::Bool(b.is_true());
        }
        if obj.is_instance_of::<PyInt>() {
            return int(obj);
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            let number = Number::from_f64(f.value());
            return match number {
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
                Err(_) => {
                    self.unsupported(path, "une chaîne non UTF-8", "a non-UTF-8 string");
                    Value::Null
                }
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
                Err(_) => {
                    self.unsupported(path, "une valeur illisible", "an unreadable value");
                    Value::Null
                }
            };
        }
        let container = obj.is_instance_of::<PyDict>()
            || obj.is_instance_of::<PyList>()
            || obj.is_instance_of::<PyTuple>();
        if container && depth >= MAX_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.issues.push(Issue::new(
                    IssueCode::JsonTooDeep,
                    Path::root(),
                    format!("document trop imbriqué (plus de {MAX_DEPTH} niveaux)"),
                    format!("document nested too deeply (more than {MAX_DEPTH} levels)"),
                ));
            }
            return Value::Null;
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            let mut map = Map::new();
            for (key, item) in dict.iter() {
                let key = match key_text(&key) {
                    Some(k) => k,
                    None => {
                        let shown = type_name(&key);
                        self.issues.push(Issue::new(
                            IssueCode::FieldType,
                            path.clone(),
                            format!("clé de type {shown} : les clés doivent être des chaînes"),
                            format!("key of type {shown}: keys must be strings"),
                        ));
                        continue;
                    }
                };
                let value = self.value(&item, &path.key(key.clone()), depth + 1);
                map.insert(key, value);
            }
            return Value::Object(map);
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            let mut items = Vec::new();
            if let Ok(iter) = obj.try_iter() {
                for (index, item) in iter.enumerate() {
                    match item {
                        Ok(item) => items.push(self.value(&item, &path.index(index), depth + 1)),
                        Err(_) => items.push(Value::Null),
                    }
                }
            }
            return Value::Array(items);
        }
        if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
            self.unsupported(path, "des octets (bytes)", "bytes");
            return Value::Null;
        }
        let shown = type_name(obj);
        self.unsupported(
            path,
            &format!("une valeur de type {shown}"),
            &format!("a value of type {shown}"),
        );
        Value::Null
    }

    fn unsupported(&mut self, path: &Path, what_fr: &str, what_en: &str) {
        self.issues.push(Issue::new(
            IssueCode::FieldType,
            path.clone(),
            format!("{what_fr} ne peut pas être écrit en JSON"),
            format!("{what_en} cannot be written as JSON"),
        ));
    }
}

/// A Python `int` as a JSON number; one too large for 64 bits as its decimal digits (a string),
/// which core then refuses where it expects a number or an amount.
fn int(obj: &Bound<'_, PyAny>) -> Value {
    if let Ok(i) = obj.extract::<i64>() {
        return Value::from(i);
    }
    if let Ok(u) = obj.extract::<u64>() {
        return Value::from(u);
    }
    obj.str()
        .and_then(|s| s.extract::<String>())
        .map_or(Value::Null, Value::String)
}

/// A dict key as JSON text: a string, or an integer (years: `{2024: ...}`), as `json.dumps` does.
fn key_text(key: &Bound<'_, PyAny>) -> Option<String> {
    if let Ok(s) = key.cast::<PyString>() {
        return s.to_str().ok().map(str::to_owned);
    }
    if key.is_instance_of::<PyInt>() && !key.is_instance_of::<PyBool>() {
        return key.str().ok().and_then(|s| s.extract::<String>().ok());
    }
    None
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
                .eval(c"{'a': [float('nan')], (1,): 2, 'b': {1, 2}}", None, None)
                .unwrap();
            let issues = to_json(&bad).unwrap_err();
            assert_eq!(
                codes(&issues),
                vec![
                    ("a[0]".to_owned(), "amount.float".to_owned()),
                    ("".to_owned(), "field.type".to_owned()),
                    ("b".to_owned(), "field.type".to_owned()),
                ]
            );
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
            assert_eq!(codes(&issues), vec![("".to_owned(), "json.too_deep".to_owned())]);
        });
    }
}
