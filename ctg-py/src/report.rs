//! Issues and reports as Python objects, and the `ctg.ValidationError` raised from them. Every
//! message is core's (`Issue::message`, `Report::to_text`, `Report::summary`, `Report::to_html`).

use std::collections::BTreeSet;
use std::sync::Mutex;

use ctg_core::{Amount, Issue, IssueCode, Param, Params, ParseError, Path, PathSegment, Report};
use ctg_core::{Severity, Word};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

use crate::lang;

static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// One problem found by validation: a stable code, a severity, where it is, its data (``ctx``)
/// and its message in French or English, rendered by core's catalogue.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Issue")]
#[derive(PartialEq)]
pub(crate) struct PyIssue(pub(crate) Issue);

#[pymethods]
impl PyIssue {
    /// Stable code, e.g. ``"funding.year_total_mismatch"`` (equal to its ``ctg.IssueCode``
    /// member).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// ``"error"``, ``"warning"`` or ``"info"`` (always the code's severity).
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// Where the problem is, as text: ``"funding.allocations[3].amounts.2024"`` (``""`` for the
    /// whole document).
    #[getter]
    fn path(&self) -> String {
        self.0.path.to_string()
    }

    /// Where the problem is, as a tuple of keys and indices:
    /// ``("funding", "allocations", 3, "amounts", "2024")``.
    #[getter]
    fn loc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        loc(py, &self.0.path)
    }

    /// The problem's data, as named in the catalogue (a new ``dict`` at each access): amounts as
    /// ``Decimal`` with two places, decimals as ``Decimal``, dates as ``datetime.date``,
    /// integers as ``int``, lists as ``list[str]``, words of the catalogue as their code
    /// (``"object"``, ``"bytes"``), texts as ``str``.
    #[getter]
    fn ctx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        ctx(py, &self.0.params)
    }

    /// What is wrong, in French.
    #[getter]
    fn message_fr(&self) -> String {
        self.0.message(ctg_core::Lang::Fr)
    }

    /// What is wrong, in English.
    #[getter]
    fn message_en(&self) -> String {
        self.0.message(ctg_core::Lang::En)
    }

    /// Where the issue is in a spreadsheet, when it was found in one (``ctx`` holds its
    /// ``sheet``, ``row`` and ``column``): ``"Financement!C7"``, a whole row
    /// ``"Financement!7:7"``, a sheet ``"Financement"`` (a name with spaces quoted:
    /// ``"'Plan d''actions'!B3"``); ``None`` otherwise. Core's ``Issue::cell``.
    #[getter]
    fn cell(&self) -> Option<String> {
        self.0.cell()
    }

    /// Whether this issue is an error (the document is then invalid).
    #[getter]
    fn is_error(&self) -> bool {
        self.0.is_error()
    }

    /// The message in ``lang`` (``"fr"``, ``"en"``…; default: the current language,
    /// ``ctg.get_language()``).
    #[pyo3(signature = (lang = None))]
    fn message(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.0.message(lang::resolve(py, lang)?))
    }

    /// One line in ``lang`` (default: the current language):
    /// ``"erreur [field.missing] title : champ obligatoire « title » absent"``.
    #[pyo3(signature = (lang = None))]
    fn to_text(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.0.to_text(lang::resolve(py, lang)?))
    }

    /// ``{code, severity, path, loc, ctx, message_fr, message_en}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", self.code())?;
        dict.set_item("severity", self.severity())?;
        dict.set_item("path", self.path())?;
        dict.set_item("loc", self.loc(py)?)?;
        dict.set_item("ctx", self.ctx(py)?)?;
        dict.set_item("message_fr", self.message_fr())?;
        dict.set_item("message_en", self.message_en())?;
        Ok(dict)
    }

    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_text(py, None)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Issue {} {} at {:?}>",
            self.0.severity,
            self.0.code,
            self.0.path.to_string()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<PyIssue>().getattr("_restore")?;
        let args = (self.code(), self.loc(py)?, state(py, &self.0.params)?);
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }

    /// Rebuilds an issue (for pickling): its code, ``loc`` and parameters.
    #[staticmethod]
    fn _restore(
        code: &str,
        loc: &Bound<'_, PyTuple>,
        params: &Bound<'_, PyTuple>,
    ) -> PyResult<PyIssue> {
        let code = code.parse::<IssueCode>().map_err(parse_error)?;
        let mut path = Path::root();
        for segment in loc.iter() {
            path = match segment.extract::<usize>() {
                Ok(index) => path.index(index),
                Err(_) => path.key(segment.extract::<String>()?),
            };
        }
        Ok(PyIssue(Issue::new(code, path, restore_params(params)?)))
    }
}

fn loc<'py>(py: Python<'py>, path: &Path) -> PyResult<Bound<'py, PyTuple>> {
    let items = path
        .segments()
        .iter()
        .map(|segment| match segment {
            PathSegment::Key(key) => Ok(key.into_pyobject(py)?.into_any()),
            PathSegment::Index(index) => Ok(index.into_pyobject(py)?.into_any()),
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

/// An issue's parameters as Python values (`ctx`).
pub(crate) fn ctx<'py>(py: Python<'py>, params: &Params) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, param) in params.iter() {
        let value = match param {
            Param::Text(s) => s.into_pyobject(py)?.into_any(),
            Param::Int(i) => i.into_pyobject(py)?.into_any(),
            Param::Amount(a) => a.to_decimal().into_pyobject(py)?.into_any(),
            Param::Decimal(d) => d.into_pyobject(py)?.into_any(),
            Param::Date(d) => d.into_pyobject(py)?.into_any(),
            Param::List(items) => PyList::new(py, items)?.into_any(),
            Param::Word(w) => w.code.into_pyobject(py)?.into_any(),
            // A kind of parameter newer than this binding: its JSON data form.
            other => crate::convert::serialized(py, other)?,
        };
        dict.set_item(name, value)?;
    }
    Ok(dict)
}

/// The parameters as picklable data: `((name, kind, value), …)`.
fn state<'py>(py: Python<'py>, params: &Params) -> PyResult<Bound<'py, PyTuple>> {
    let items = params
        .iter()
        .map(|(name, param)| {
            let (kind, value) = match param {
                Param::Text(s) => ("text", s.into_pyobject(py)?.into_any()),
                Param::Int(i) => ("int", i.into_pyobject(py)?.into_any()),
                Param::Amount(a) => ("amount", a.to_string().into_pyobject(py)?.into_any()),
                Param::Decimal(d) => ("decimal", d.to_string().into_pyobject(py)?.into_any()),
                Param::Date(d) => ("date", d.to_string().into_pyobject(py)?.into_any()),
                Param::List(items) => ("list", PyTuple::new(py, items)?.into_any()),
                Param::Word(w) => ("word", (w.code, w.fr, w.en).into_pyobject(py)?.into_any()),
                other => (
                    "text",
                    serde_json::to_string(other)
                        .unwrap_or_default()
                        .into_pyobject(py)?
                        .into_any(),
                ),
            };
            (name, kind, value).into_pyobject(py)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

fn restore_params(state: &Bound<'_, PyTuple>) -> PyResult<Params> {
    let mut params = Params::new();
    for item in state.iter() {
        let (name, kind, value): (String, String, Bound<'_, PyAny>) = item.extract()?;
        let invalid = |e: String| PyValueError::new_err(e);
        let param = match kind.as_str() {
            "text" => Param::Text(value.extract()?),
            "int" => Param::Int(value.extract()?),
            "amount" => {
                let d: ctg_core::Decimal = value
                    .extract::<String>()?
                    .parse()
                    .map_err(|e: rust_decimal::Error| invalid(e.to_string()))?;
                Param::Amount(Amount::new(d).map_err(parse_error)?)
            }
            "decimal" => Param::Decimal(
                value
                    .extract::<String>()?
                    .parse()
                    .map_err(|e: rust_decimal::Error| invalid(e.to_string()))?,
            ),
            "date" => Param::Date(
                value
                    .extract::<String>()?
                    .parse()
                    .map_err(|e: chrono::ParseError| invalid(e.to_string()))?,
            ),
            "list" => Param::List(value.extract()?),
            "word" => {
                let (code, fr, en): (String, String, String) = value.extract()?;
                Param::Word(Word {
                    code: intern(&code)?,
                    fr: intern(&fr)?,
                    en: intern(&en)?,
                })
            }
            other => return Err(invalid(format!("unknown parameter kind {other:?}"))),
        };
        params.set(intern(&name)?, param);
    }
    Ok(params)
}

/// A `'static` copy of a parameter name or catalogue word met while unpickling. Core names
/// parameters and words with `&'static str`; the distinct strings are few (the catalogue's), so
/// each is allocated once and kept, and at most [`MAX_INTERNED`] of them.
fn intern(s: &str) -> PyResult<&'static str> {
    static INTERNED: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut interned = INTERNED
        .lock()
        .map_err(|_| PyValueError::new_err("interned names poisoned"))?;
    if let Some(&known) = interned.get(s) {
        return Ok(known);
    }
    if interned.len() >= MAX_INTERNED {
        return Err(PyValueError::new_err(
            "too many distinct issue parameter names to unpickle",
        ));
    }
    let kept: &'static str = Box::leak(s.to_owned().into_boxed_str());
    interned.insert(kept);
    Ok(kept)
}

const MAX_INTERNED: usize = 4096;

/// A core `ParseError` as `ValueError` (core's English message).
fn parse_error(err: ParseError) -> PyErr {
    PyValueError::new_err(err.to_string())
}

/// Every issue of a validation — errors, warnings and informations — in document order.
///
/// ``valid`` is core's verdict (no error, counting those a truncated report no longer lists). A
/// report is never raised: ``ctg.validate`` returns it, ``ctg.ValidationError.report`` carries
/// it.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Report")]
pub(crate) struct PyReport {
    report: Report,
    issues: PyOnceLock<Py<PyTuple>>,
}

impl PartialEq for PyReport {
    fn eq(&self, other: &PyReport) -> bool {
        self.report == other.report
    }
}

impl PyReport {
    /// The report core produced.
    pub(crate) fn new(report: Report) -> PyReport {
        PyReport {
            report,
            issues: PyOnceLock::new(),
        }
    }

    /// Core's report.
    pub(crate) fn report(&self) -> &Report {
        &self.report
    }

    /// The report of a value's parse error (`parse_amount`), at the root.
    pub(crate) fn of_error(error: ParseError) -> PyReport {
        PyReport::new(Report::from(vec![Issue::from_error(Path::root(), error)]))
    }

    /// Every issue as `Issue` objects, made once.
    fn all<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let issues = self.issues.get_or_try_init(py, || {
            let issues = self
                .report
                .issues()
                .iter()
                .map(|i| Py::new(py, PyIssue(i.clone())))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, issues).map(Bound::unbind)
        })?;
        Ok(issues.bind(py).clone())
    }

    fn of<'py>(&self, py: Python<'py>, severity: Severity) -> PyResult<Vec<Bound<'py, PyAny>>> {
        Ok(self
            .all(py)?
            .iter()
            .filter(|i| {
                i.cast::<PyIssue>()
                    .is_ok_and(|i| i.get().0.severity == severity)
            })
            .collect())
    }
}

#[pymethods]
impl PyReport {
    /// Whether the document is valid: no error (warnings and informations never block).
    #[getter]
    fn valid(&self) -> bool {
        self.report.is_valid()
    }

    /// Whether the report was cut short at ``Limits.max_issues`` (its last issue is then
    /// ``report.truncated``, an information giving how many more there were).
    #[getter]
    fn truncated(&self) -> bool {
        self.report.is_truncated()
    }

    /// Every issue — errors, warnings and informations — in document order.
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        Ok(self.all(py)?.iter().collect())
    }

    /// The errors.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.of(py, Severity::Error)
    }

    /// The warnings.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.of(py, Severity::Warning)
    }

    /// The informations (``report.truncated``…).
    #[getter]
    fn infos<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.of(py, Severity::Info)
    }

    /// ``{"valid": bool, "issues": [Issue.to_dict(), …]}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("valid", self.report.is_valid())?;
        let issues = PyList::empty(py);
        for issue in self.report.issues() {
            issues.append(PyIssue(issue.clone()).to_dict(py)?)?;
        }
        dict.set_item("issues", issues)?;
        Ok(dict)
    }

    /// One line per issue in ``lang`` (default: the current language), as core writes them:
    /// ``"erreur [field.missing] title : champ obligatoire « title » absent"``.
    #[pyo3(signature = (lang = None))]
    fn to_text(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.report.to_text(lang::resolve(py, lang)?))
    }

    /// The counts in ``lang`` (default: the current language): ``"2 erreurs, 1 avertissement"``.
    #[pyo3(signature = (lang = None))]
    fn summary(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.report.summary(lang::resolve(py, lang)?))
    }

    /// The verdict and one row per issue in HTML, in ``lang`` (default: the current language);
    /// everything shown is escaped.
    #[pyo3(signature = (lang = None))]
    fn to_html(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.report.to_html(lang::resolve(py, lang)?))
    }

    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None)
    }

    /// The summary, then one line per issue, in the current language.
    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        let lang = lang::current(py)?;
        let mut text = self.report.summary(lang);
        for issue in self.report.issues() {
            text.push_str("\n  ");
            text.push_str(&issue.to_text(lang));
        }
        Ok(text)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Report valid={}: {}>",
            if self.report.is_valid() {
                "True"
            } else {
                "False"
            },
            self.summary(py, None)?
        ))
    }

    fn __len__(&self) -> usize {
        self.report.issues().len()
    }

    fn __bool__(&self) -> bool {
        self.report.is_valid()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<PyReport>().getattr("_restore")?;
        let args = (self.all(py)?, self.report.hidden_errors());
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }

    /// Rebuilds a report (for pickling) from its issues and the errors it no longer lists.
    #[staticmethod]
    fn _restore(issues: Vec<PyRef<'_, PyIssue>>, hidden_errors: usize) -> PyReport {
        let issues = issues.iter().map(|i| i.0.clone()).collect();
        PyReport::new(Report::with_hidden(issues, hidden_errors))
    }
}

/// A `ctg.ValidationError` carrying `report`.
pub(crate) fn validation_error(py: Python<'_>, report: PyReport) -> PyErr {
    let raised = Py::new(py, report).and_then(|report| {
        VALIDATION_ERROR
            .import(py, "ctg._errors", "ValidationError")
            .and_then(|class| class.call1((report,)))
    });
    match raised {
        Ok(error) => PyErr::from_value(error),
        Err(error) => error,
    }
}

/// The Python name of an issue code: its code in upper case, dots as underscores
/// (`funding.year_total_mismatch` → `FUNDING_YEAR_TOTAL_MISMATCH`).
pub(crate) fn code_name(code: IssueCode) -> String {
    code.as_str().replace('.', "_").to_ascii_uppercase()
}

/// Core's catalogue: `(name, code, severity, French template, English template)` of every issue
/// code, in catalogue order (what `ctg.IssueCode` is built from).
#[pyfunction]
pub(crate) fn _issue_codes() -> Vec<(
    String,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    IssueCode::ALL
        .iter()
        .map(|&code| {
            (
                code_name(code),
                code.as_str(),
                code.severity().as_str(),
                code.template(ctg_core::Lang::Fr),
                code.template(ctg_core::Lang::En),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_names_are_unique_identifiers() {
        let names: BTreeSet<String> = IssueCode::ALL.iter().map(|&c| code_name(c)).collect();
        assert_eq!(names.len(), IssueCode::ALL.len());
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_uppercase() || c == '_')));
        assert!(names.contains("FUNDING_YEAR_TOTAL_MISMATCH"));
    }

    #[test]
    fn parameters_survive_their_picklable_state() {
        Python::initialize();
        Python::attach(|py| {
            let mut doc = ctg_core::Convention::sample().to_value();
            doc["funding"]["declared"]["yearly"]["2024"] = "241800.00".into();
            doc["title"] = serde_json::json!([]);
            doc["colour"] = "bleu".into();
            let report = ctg_core::validate_value(&doc).into_report();
            assert!(report.issues().len() >= 3);
            for issue in report.issues() {
                let back = restore_params(&state(py, &issue.params).unwrap()).unwrap();
                assert_eq!(back, issue.params, "{}", issue.code);
            }
        });
    }
}
