//! `ctg.Limits`: core's [`Limits`], frozen.

use ctg_core::Limits;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// The limits of what validation reads, the same in every language (core's ``Limits``). Past a
/// limit, validation stops with one issue, or stops listing issues:
///
/// - ``max_bytes``: the largest JSON text read, in bytes (``input.too_large``);
/// - ``max_values``: the most values (scalars, lists, dicts) of a Python document
///   (``input.too_large``);
/// - ``max_depth``: the deepest nesting of lists and objects, in JSON text as in Python values
///   (``json.too_deep``; a cycle ends there too);
/// - ``max_issues``: the most issues a report lists (then ``report.truncated``, an information).
///
/// ``Limits()`` has core's defaults; give only the ones to change:
/// ``ctg.validate(doc, limits=ctg.Limits(max_issues=20))``. Frozen and hashable.
#[pyclass(frozen, eq, hash, module = "ctg._ctg", name = "Limits")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PyLimits(pub(crate) Limits);

#[pymethods]
impl PyLimits {
    #[new]
    #[pyo3(signature = (
        *,
        max_bytes = Limits::DEFAULT.max_bytes,
        max_values = Limits::DEFAULT.max_values,
        max_depth = Limits::DEFAULT.max_depth,
        max_issues = Limits::DEFAULT.max_issues,
    ))]
    fn new(max_bytes: usize, max_values: usize, max_depth: usize, max_issues: usize) -> PyLimits {
        PyLimits(Limits {
            max_bytes,
            max_values,
            max_depth,
            max_issues,
        })
    }

    /// The largest JSON text read, in bytes (default 64 MiB).
    #[getter]
    fn max_bytes(&self) -> usize {
        self.0.max_bytes
    }

    /// The most values a Python document may hold (default 4 194 304).
    #[getter]
    fn max_values(&self) -> usize {
        self.0.max_values
    }

    /// The deepest nesting of lists and objects (default 64).
    #[getter]
    fn max_depth(&self) -> usize {
        self.0.max_depth
    }

    /// The most issues a report lists (default 1000).
    #[getter]
    fn max_issues(&self) -> usize {
        self.0.max_issues
    }

    /// A copy with some limits changed: ``limits.replace(max_depth=16)``.
    #[pyo3(signature = (*, max_bytes = None, max_values = None, max_depth = None, max_issues = None))]
    fn replace(
        &self,
        max_bytes: Option<usize>,
        max_values: Option<usize>,
        max_depth: Option<usize>,
        max_issues: Option<usize>,
    ) -> PyLimits {
        let l = self.0;
        PyLimits(Limits {
            max_bytes: max_bytes.unwrap_or(l.max_bytes),
            max_values: max_values.unwrap_or(l.max_values),
            max_depth: max_depth.unwrap_or(l.max_depth),
            max_issues: max_issues.unwrap_or(l.max_issues),
        })
    }

    fn __repr__(&self) -> String {
        let l = self.0;
        format!(
            "Limits(max_bytes={}, max_values={}, max_depth={}, max_issues={})",
            l.max_bytes, l.max_values, l.max_depth, l.max_issues
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<PyLimits>().getattr("_restore")?;
        let l = self.0;
        let args = (l.max_bytes, l.max_values, l.max_depth, l.max_issues);
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }

    /// Rebuilds limits (for pickling).
    #[staticmethod]
    fn _restore(
        max_bytes: usize,
        max_values: usize,
        max_depth: usize,
        max_issues: usize,
    ) -> PyLimits {
        PyLimits::new(max_bytes, max_values, max_depth, max_issues)
    }
}

/// The limits given (`limits=None`: core's defaults).
pub(crate) fn of(limits: Option<&PyLimits>) -> Limits {
    limits.map_or(Limits::DEFAULT, |l| l.0)
}
