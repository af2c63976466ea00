//! Validation issues and reports, and the `ctg.ValidationError` raised from them.

use ctg_core::{Issue, IssueCode, Lang, Path, PathSegment, Report};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// One problem found by validation: a stable code, a severity, where it is and what is wrong
/// in French and in English.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Issue")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyIssue(pub(crate) Issue);

#[pymethods]
impl PyIssue {
    /// Stable code, e.g. ``"funding.year_total_mismatch"``.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// ``"error"`` or ``"warning"``.
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

    /// What is wrong, in French.
    #[getter]
    fn message_fr(&self) -> &str {
        self.0.message(Lang::Fr)
    }

    /// What is wrong, in English.
    #[getter]
    fn message_en(&self) -> &str {
        self.0.message(Lang::En)
    }

    /// Whether this issue is an error (the document is then invalid).
    #[getter]
    fn is_error(&self) -> bool {
        self.0.is_error()
    }

    /// The message in ``lang`` (``"fr"`` or ``"en"``).
    #[pyo3(signature = (lang = "fr"))]
    fn message(&self, lang: &str) -> PyResult<&str> {
        Ok(self.0.message(parse_lang(lang)?))
    }

    /// ``{code, severity, path, loc, message_fr, message_en}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", self.code())?;
        dict.set_item("severity", self.severity())?;
        dict.set_item("path", self.path())?;
        dict.set_item("loc", self.loc(py)?)?;
        dict.set_item("message_fr", self.message_fr())?;
        dict.set_item("message_en", self.message_en())?;
        Ok(dict)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
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
        let args = (
            self.code(),
            self.loc(py)?,
            self.message_fr(),
            self.message_en(),
        );
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }

    /// Rebuilds an issue (for pickling).
    #[staticmethod]
    fn _restore(
        code: &str,
        loc: &Bound<'_, PyTuple>,
        message_fr: String,
        message_en: String,
    ) -> PyResult<PyIssue> {
        let code = IssueCode::parse(code)
            .ok_or_else(|| PyValueError::new_err(format!("unknown issue code {code:?}")))?;
        let mut path = Path::root();
        for segment in loc.iter() {
            path = match segment.extract::<usize>() {
                Ok(index) => path.index(index),
                Err(_) => path.key(segment.extract::<String>()?),
            };
        }
        Ok(PyIssue(Issue::new(code, path, message_fr, message_en)))
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

pub(crate) fn parse_lang(lang: &str) -> PyResult<Lang> {
    lang.parse::<Lang>().map_err(PyValueError::new_err)
}

/// Every issue of a validation, errors and warnings, in document order.
///
/// ``valid`` is core's verdict (no error). A report is never raised: ``ctg.validate`` returns it,
/// ``ctg.ValidationError.report`` carries it.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Report")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyReport(Report);

impl PyReport {
    /// The report core produced.
    pub(crate) fn from_core(report: Report) -> PyReport {
        PyReport(report)
    }

    /// A report of issues found outside validation: those that stopped the conversion of a
    /// Python object to JSON, or a value type's error (an amount).
    pub(crate) fn from_issues(issues: Vec<Issue>) -> PyReport {
        PyReport(Report::from(issues))
    }
}

fn py_issues<'a>(issues: impl Iterator<Item = &'a Issue>) -> Vec<PyIssue> {
    issues.cloned().map(PyIssue).collect()
}

#[pymethods]
impl PyReport {
    /// Whether the document is valid: no error (warnings never block).
    #[getter]
    fn valid(&self) -> bool {
        self.0.is_valid()
    }

    /// Every issue, errors and warnings, in document order.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        py_issues(self.0.issues().iter())
    }

    /// The errors.
    #[getter]
    fn errors(&self) -> Vec<PyIssue> {
        py_issues(self.0.errors())
    }

    /// The warnings.
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        py_issues(self.0.warnings())
    }

    /// ``{"valid": bool, "issues": [issue dicts]}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("valid", self.valid())?;
        let issues = PyList::empty(py);
        for issue in self.0.issues() {
            issues.append(PyIssue(issue.clone()).to_dict(py)?)?;
        }
        dict.set_item("issues", issues)?;
        Ok(dict)
    }

    /// A compact HTML table of the issues for Jupyter (errors highlighted).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._html")?
            .call_method1("report_html", (slf,))
    }

    fn __len__(&self) -> usize {
        self.0.issues().len()
    }

    fn __bool__(&self) -> bool {
        self.valid()
    }

    fn __repr__(&self) -> String {
        let verdict = if self.valid() { "valid" } else { "invalid" };
        format!(
            "<Report {verdict}: {} error(s), {} warning(s)>",
            self.0.errors().count(),
            self.0.warnings().count()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<PyReport>().getattr("_restore")?;
        let args = (self.issues(),);
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }

    /// Rebuilds a report from its issues (for pickling); core gives its verdict.
    #[staticmethod]
    fn _restore(issues: Vec<PyRef<'_, PyIssue>>) -> PyReport {
        PyReport::from_issues(issues.iter().map(|i| i.0.clone()).collect())
    }
}

/// A `ctg.ValidationError` carrying `report`.
pub(crate) fn validation_error(py: Python<'_>, report: PyReport) -> PyErr {
    let raised = VALIDATION_ERROR
        .import(py, "ctg._errors", "ValidationError")
        .and_then(|class| class.call1((report,)));
    match raised {
        Ok(error) => PyErr::from_value(error),
        Err(error) => error,
    }
}
