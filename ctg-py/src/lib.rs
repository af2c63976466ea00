//! `ctg._ctg`: the native module of the Python package `ctg`.
//!
//! This crate only converts: Python objects to JSON values for core's validator, core's types to
//! Python objects, core's reports to `ctg.ValidationError`. Every rule, total and format lives in
//! `ctg-core`. The package's pure-Python part (`ctg-py/python/ctg/`) holds the exception classes,
//! the vocabulary enums, the data-frame builders and the HTML summaries.
#![forbid(unsafe_code)]

mod convert;
mod model;
mod report;
mod vocab;

use ctg_core::{Amount, AmountError, Issue, Path};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyFloat, PyInt, PyString};

use model::PyConvention;
use report::{parse_lang, validation_error, PyReport};

/// Validates `data` (JSON text as `str`/`bytes`, or a Python object) into core's result.
fn validation(data: &Bound<'_, PyAny>) -> Result<ctg_core::Validation, PyReport> {
    if let Ok(text) = data.cast::<PyString>() {
        return match text.to_str() {
            Ok(text) => Ok(ctg_core::validate_str(text)),
            // A str with lone surrogates: validate its bytes, core reports `json.syntax`.
            Err(_) => Ok(ctg_core::validate_slice(
                &text.to_string_lossy().into_owned().into_bytes(),
            )),
        };
    }
    if let Ok(bytes) = data.cast::<PyBytes>() {
        return Ok(ctg_core::validate_slice(bytes.as_bytes()));
    }
    if let Ok(bytes) = data.cast::<PyByteArray>() {
        return Ok(ctg_core::validate_slice(&bytes.to_vec()));
    }
    convert::to_json(data)
        .map(|value| ctg_core::validate_value(&value))
        .map_err(PyReport::from_issues)
}

fn into_convention(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyConvention> {
    match validation(data) {
        Ok(validation) => match validation.into_result() {
            Ok(conv) => Ok(PyConvention::new(conv)),
            Err(report) => Err(validation_error(py, PyReport::from_core(report))),
        },
        Err(report) => Err(validation_error(py, report)),
    }
}

/// Validates a Python object (a `dict` as `json.load` gives) into a convention.
pub(crate) fn convention_from_object(data: &Bound<'_, PyAny>) -> PyResult<PyConvention> {
    into_convention(data.py(), data)
}

/// Reads JSON text (`str` or `bytes`) into a convention.
///
/// Raises `ctg.ValidationError` (listing every problem) when the document is invalid.
#[pyfunction]
pub(crate) fn loads(data: &Bound<'_, PyAny>) -> PyResult<PyConvention> {
    let is_text = data.is_instance_of::<PyString>()
        || data.is_instance_of::<PyBytes>()
        || data.is_instance_of::<PyByteArray>();
    if !is_text {
        return Err(PyTypeError::new_err(
            "loads() takes JSON text (str or bytes); use Convention.from_dict() for a dict",
        ));
    }
    into_convention(data.py(), data)
}

/// Validates JSON text (`str`/`bytes`) or a Python object (`dict`…) and returns the report
/// listing every issue. Never raises on bad data.
#[pyfunction]
fn validate(data: &Bound<'_, PyAny>) -> PyReport {
    match validation(data) {
        Ok(validation) => PyReport::from_core(validation.into_report()),
        Err(report) => report,
    }
}

/// The embedded sample convention: CC Thoré Montagne Noire (Tarn), 2023–2025.
#[pyfunction]
fn sample() -> PyConvention {
    PyConvention::new(ctg_core::Convention::sample())
}

/// The embedded sample as JSON text.
#[pyfunction]
fn sample_json() -> &'static str {
    ctg_core::Convention::sample_json()
}

/// Reads an amount through core: `Decimal` (its `str()`), `str` (`"1 234,56 €"`) or `int`
/// (whole euros). A `float` is refused (`amount.float`).
fn amount(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Amount> {
    let refused = |error: AmountError| {
        validation_error(
            py,
            PyReport::from_issues(vec![Issue::from_problem(Path::root(), &error)]),
        )
    };
    if value.is_instance_of::<PyFloat>() {
        return Err(refused(AmountError::Float));
    }
    let is_decimal = py
        .import("decimal")?
        .getattr("Decimal")
        .and_then(|d| value.is_instance(&d))?;
    let text: String =
        if value.is_instance_of::<PyString>() || value.is_instance_of::<PyInt>() || is_decimal {
            value.str()?.extract()?
        } else {
            let name = value.get_type().name()?;
            return Err(PyTypeError::new_err(format!(
                "an amount is a Decimal, a str or an int, not {name}"
            )));
        };
    Amount::parse(&text).map_err(refused)
}

/// Reads an amount exactly, the way core reads it in a document, into a `Decimal` with two
/// places: `parse_amount("1 234,56 €") == Decimal("1234.56")`.
///
/// Raises `ctg.ValidationError` (also a `ValueError`) with the code `amount.float` for a `float`,
/// `amount.invalid`, `amount.negative`, `amount.too_precise` or `amount.too_large` otherwise.
#[pyfunction]
fn parse_amount(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<ctg_core::Decimal> {
    Ok(amount(py, value)?.to_decimal())
}

/// Writes an amount as core does: `"241 801 €"` in French (narrow no-break spaces), `"€241,801"`
/// in English. Accepts what `parse_amount` accepts.
#[pyfunction]
#[pyo3(signature = (value, lang = "fr"))]
fn format_amount(py: Python<'_>, value: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    let lang = parse_lang(lang)?;
    Ok(amount(py, value)?.format(lang))
}

/// The native part of the `ctg` package.
#[pymodule]
fn _ctg(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyConvention>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<report::PyIssue>()?;
    m.add_class::<model::PyPeriod>()?;
    m.add_class::<model::PySignature>()?;
    m.add_class::<model::PyTermination>()?;
    m.add_class::<model::PyPreviousConvention>()?;
    m.add_class::<model::PyParty>()?;
    m.add_class::<model::PyDiagnostic>()?;
    m.add_class::<model::PyStake>()?;
    m.add_class::<model::PyObjective>()?;
    m.add_class::<model::PyActionSheet>()?;
    m.add_class::<model::PyIndicator>()?;
    m.add_class::<model::PyMeasurement>()?;
    m.add_class::<model::PyFunding>()?;
    m.add_class::<model::PyBeneficiary>()?;
    m.add_class::<model::PyAllocation>()?;
    m.add_class::<model::PyGovernanceBody>()?;
    m.add_class::<model::PyAmendment>()?;
    m.add_class::<model::PyTotals>()?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(sample, m)?)?;
    m.add_function(wrap_pyfunction!(sample_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_amount, m)?)?;
    m.add_function(wrap_pyfunction!(format_amount, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::_vocabulary, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::_lang, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::parse_domain, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::parse_facility_kind, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::parse_party_kind, m)?)?;
    m.add("FORMAT_VERSION", ctg_core::FORMAT_VERSION)?;
    Ok(())
}
