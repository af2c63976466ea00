//! `ctg._ctg`: the native module of the Python package `ctg`.
//!
//! This crate translates and holds no rule and no message: Python values become core's host tree
//! (`ctg_core::input::Value`, see the `convert` module), JSON text and file bytes go to core's reader as
//! they are, core's types become Python objects, core's reports become `ctg.ValidationError`.
//! Every rule, total, format and message lives in `ctg-core`. The package's pure-Python part
//! (`ctg-py/python/ctg/`) holds the exception classes, the enums built from core's lists, the
//! current language and the data-frame builders.
#![forbid(unsafe_code)]

mod args;
mod change;
mod convert;
mod coverage;
mod evaluation;
mod geo;
mod lang;
mod life;
mod limits;
mod model;
mod portfolio;
mod report;
mod tables;
mod vocab;

use ctg_core::{Amount, Validation, Validator};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString, PyType};

/// Every allocation of the extension (core's conventions, reports, aggregates) goes through
/// mimalloc, as pydantic-core's and polars' do: a portfolio is many small blocks, and glibc's
/// malloc was a quarter of its time (README, Benchmarks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use limits::PyLimits;
use model::PyConvention;
use report::{validation_error, PyReport};

static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Validates JSON text (`str`, `bytes`, `bytearray`, `memoryview`), or `None` when `data` is
/// not text.
fn validate_text(data: &Bound<'_, PyAny>, validator: Validator) -> PyResult<Option<Validation>> {
    let py = data.py();
    if let Ok(text) = data.cast::<PyString>() {
        return Ok(Some(match text.to_str() {
            Ok(text) => py.detach(|| validator.validate_str(text)),
            // Lone surrogates have no UTF-8 form: their `surrogatepass` bytes go to core's
            // reader, which reports `text.lone_surrogate` where each one stands.
            Err(_) => {
                let bytes = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
                let bytes = bytes.cast::<PyBytes>()?.as_bytes();
                py.detach(|| validator.validate_slice(bytes))
            }
        }));
    }
    if let Ok(bytes) = data.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        return Ok(Some(py.detach(|| validator.validate_slice(bytes))));
    }
    if let Ok(bytes) = data.cast::<PyByteArray>() {
        let bytes = bytes.to_vec();
        return Ok(Some(py.detach(|| validator.validate_slice(&bytes))));
    }
    if data.is_instance_of::<PyMemoryView>() {
        let bytes = data.call_method0("tobytes")?;
        let bytes = bytes.cast::<PyBytes>()?.as_bytes();
        return Ok(Some(py.detach(|| validator.validate_slice(bytes))));
    }
    Ok(None)
}

/// Validates the file at `path` (a `str` or any `os.PathLike`), reading at most
/// `max_bytes + 1` bytes: a larger file is core's `input.too_large`. A file that cannot be read
/// raises Python's own `OSError`.
fn validate_file(path: &Bound<'_, PyAny>, validator: Validator) -> PyResult<Validation> {
    let py = path.py();
    let file = py.import("builtins")?.call_method1("open", (path, "rb"))?;
    let max = validator.get_limits().max_bytes;
    let read = if max < isize::MAX as usize {
        file.call_method1("read", (max + 1,))
    } else {
        file.call_method0("read")
    };
    let closed = file.call_method0("close");
    let bytes = read?;
    closed?;
    let bytes = bytes.cast::<PyBytes>()?.as_bytes();
    Ok(py.detach(|| validator.validate_slice(bytes)))
}

/// Validates a Python value through core's host tree.
fn validate_host(data: &Bound<'_, PyAny>, validator: Validator) -> PyResult<Validation> {
    let tree = convert::to_host(data, &validator.get_limits())?;
    let value = &tree.0;
    Ok(data.py().detach(|| validator.validate_host(value)))
}

pub(crate) fn is_path_like(data: &Bound<'_, PyAny>) -> PyResult<bool> {
    let path_like = PATH_LIKE.import(data.py(), "os", "PathLike")?;
    data.is_instance(path_like)
}

/// Core's validator with the limits given, and the geography given (`geography=`: a
/// `ctg.Geography`, `True` for the embedded one, `None` for none): core's `Validator::gazetteer`.
pub(crate) fn validator(
    limits: Option<&PyLimits>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<Validator<'static>> {
    let validator = Validator::new().limits(limits::of(limits));
    Ok(match geo::argument(geography)? {
        Some(geo) => validator.gazetteer(geo),
        None => validator,
    })
}

/// The convention of a validation, or `ctg.ValidationError` with its report.
fn into_convention(py: Python<'_>, validation: Validation) -> PyResult<PyConvention> {
    match validation.into_result() {
        Ok(conv) => Ok(PyConvention::new(conv)),
        Err(report) => Err(validation_error(py, PyReport::new(report))),
    }
}

/// Validates a Python value (a ``dict`` as ``json.load`` gives; ``Decimal``, ``date``, numpy
/// integers accepted) into a convention.
pub(crate) fn convention_from_host(
    data: &Bound<'_, PyAny>,
    limits: Option<&PyLimits>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyConvention> {
    into_convention(
        data.py(),
        validate_host(data, validator(limits, geography)?)?,
    )
}

/// Reads JSON text (``str``, ``bytes``, ``bytearray`` or ``memoryview``) into a convention.
///
/// Raises ``ctg.ValidationError`` (listing every problem) when the document is invalid. A
/// ``str`` is always JSON text: a file name given here is reported by core as ``json.syntax``
/// ("this text looks like a file name"); use ``ctg.load`` for a file.
///
/// With ``geography`` (``ctg.geography()``, or ``True`` for it), the document is also checked
/// against the official geography (the ``geo.*`` issues).
#[pyfunction]
#[pyo3(signature = (data, *, limits = None, geography = None))]
pub(crate) fn loads(
    data: &Bound<'_, PyAny>,
    limits: Option<&PyLimits>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyConvention> {
    match validate_text(data, validator(limits, geography)?)? {
        Some(validation) => into_convention(data.py(), validation),
        None => Err(PyTypeError::new_err(format!(
            "loads() takes JSON text (str, bytes, bytearray or memoryview), not {}; \
             use Convention.from_dict() for a dict",
            convert::type_name(data)
        ))),
    }
}

/// Reads and validates a JSON file (a ``str`` path or any ``os.PathLike``), reading at most
/// ``limits.max_bytes + 1`` bytes (a larger file is ``input.too_large``).
///
/// Raises ``ctg.ValidationError`` listing every problem when the document is invalid, and
/// ``OSError`` when the file cannot be read. With ``geography`` (``ctg.geography()``, or
/// ``True``), the document is also checked against the official geography.
#[pyfunction]
#[pyo3(signature = (path, *, limits = None, geography = None))]
fn load(
    path: &Bound<'_, PyAny>,
    limits: Option<&PyLimits>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyConvention> {
    into_convention(
        path.py(),
        validate_file(path, validator(limits, geography)?)?,
    )
}

/// Validates a document and returns the report of every issue; never raises on bad data.
///
/// ``data`` is JSON text (``str``, ``bytes``, ``bytearray``, ``memoryview``), a JSON file (any
/// ``os.PathLike``, e.g. ``pathlib.Path``, read up to ``limits.max_bytes + 1`` bytes), or a
/// Python value (a ``dict``, with ``Decimal``, ``date``, numpy integers…). A plain ``str`` is
/// always JSON text: a file name given as ``str`` is reported by core as ``json.syntax`` with
/// the detail "this text looks like a file name". A file that cannot be read raises ``OSError``.
///
/// ``geography``: ``ctg.geography()`` (or ``True`` for it) also checks the document against the
/// official geography — codes, SIRENs, names, départements, EPCI members, the territory of the
/// action sheets — with core's ``geo.*`` rules, whose issues carry the reference in ``ctx``
/// (``geography``, ``effective``). ``None`` (default): those rules do not run.
#[pyfunction]
#[pyo3(signature = (data, *, limits = None, geography = None))]
fn validate(
    data: &Bound<'_, PyAny>,
    limits: Option<&PyLimits>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let validator = validator(limits, geography)?;
    let validation = match validate_text(data, validator)? {
        Some(validation) => validation,
        None if is_path_like(data)? => validate_file(data, validator)?,
        None => validate_host(data, validator)?,
    };
    Ok(PyReport::new(validation.into_report()))
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

/// Reads an amount through core (`Amount::from_host`), as a document's amounts are read.
fn amount(value: &Bound<'_, PyAny>) -> PyResult<Amount> {
    let tree = convert::to_host(value, &ctg_core::Limits::DEFAULT)?;
    Amount::from_host(&tree.0)
        .map_err(|error| validation_error(value.py(), PyReport::of_error(error)))
}

/// Reads an amount exactly, the way core reads a document's amounts, into a ``Decimal`` with two
/// places: ``parse_amount("1 234,56 €") == Decimal("1234.56")``, ``parse_amount(40800)`` (whole
/// euros, numpy integers too), ``parse_amount(Decimal("1E+3")) == Decimal("1000.00")``.
///
/// Raises ``ctg.ValidationError`` (also a ``ValueError``) with core's issue: ``amount.float`` for
/// a ``float``, ``value.nan`` for a float NaN, ``amount.ambiguous`` for ``"12.000"``,
/// ``amount.invalid``, ``amount.negative``, ``amount.too_precise``, ``amount.too_large``, or
/// ``field.type`` for a value of another type.
#[pyfunction]
fn parse_amount(value: &Bound<'_, PyAny>) -> PyResult<ctg_core::Decimal> {
    Ok(amount(value)?.to_decimal())
}

/// Writes an amount as core does, in ``lang`` (default: the current language): ``"241 801 €"``
/// in French (narrow no-break spaces), ``"€241,801.00"`` in English. Accepts what
/// ``parse_amount`` accepts, and raises as it does.
#[pyfunction]
#[pyo3(signature = (value, lang = None))]
fn format_amount(value: &Bound<'_, PyAny>, lang: Option<&str>) -> PyResult<String> {
    let lang = lang::resolve(value.py(), lang)?;
    Ok(amount(value)?.format(lang))
}

/// What differs from ``a`` to ``b`` (``a.diff(b)``, see ``Diff``).
#[pyfunction]
fn diff(py: Python<'_>, a: PyRef<'_, PyConvention>, b: PyRef<'_, PyConvention>) -> life::PyDiff {
    let (a, b) = (&a.0, &b.0);
    life::PyDiff::new(py.detach(|| a.diff(b)))
}

/// Splits an amount exactly, in cents, proportionally to integer ``weights`` (core's
/// ``Amount::split``): the parts always add up to the whole, the cents left over going to the
/// largest remainders, then to the first parts. ``split_amount(Decimal("100"), [1, 1, 1])`` is
/// ``[Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]``; to spread an envelope over
/// beneficiaries, weight them (by places, by last year's amounts in cents…).
///
/// The amount is read as ``parse_amount`` reads it; ``ctg.ValidationError`` for an amount core
/// refuses, for no weight or weights that are all zero.
#[pyfunction]
fn split_amount(value: &Bound<'_, PyAny>, weights: Vec<u64>) -> PyResult<Vec<ctg_core::Decimal>> {
    let total = amount(value)?;
    let parts = total
        .split(&weights)
        .map_err(|e| validation_error(value.py(), PyReport::of_error(e.into())))?;
    Ok(parts.into_iter().map(|a| a.to_decimal()).collect())
}

/// Splits an amount into ``parts`` equal shares to the cent (core's ``Amount::split_evenly``),
/// the first shares getting the extra cents: ``split_amount_evenly(Decimal("1000.01"), 3)`` is
/// ``[Decimal("333.34"), Decimal("333.34"), Decimal("333.33")]``.
#[pyfunction]
fn split_amount_evenly(value: &Bound<'_, PyAny>, parts: usize) -> PyResult<Vec<ctg_core::Decimal>> {
    let total = amount(value)?;
    let parts = total
        .split_evenly(parts)
        .map_err(|e| validation_error(value.py(), PyReport::of_error(e.into())))?;
    Ok(parts.into_iter().map(|a| a.to_decimal()).collect())
}

/// Rebuilds a model object from its fields (for pickling): ``cls(**fields)``.
#[pyfunction]
fn _rebuild<'py>(
    cls: &Bound<'py, PyType>,
    fields: &Bound<'py, pyo3::types::PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    cls.call((), Some(fields))
}

/// The native part of the `ctg` package.
#[pymodule]
fn _ctg(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyConvention>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<report::PyIssue>()?;
    m.add_class::<PyLimits>()?;
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
    m.add_class::<model::PyDeclaredTotals>()?;
    m.add_class::<change::PyChange>()?;
    m.add_class::<change::PyPeriodChange>()?;
    m.add_class::<change::PyPartyChange>()?;
    m.add_class::<change::PyDomainChange>()?;
    m.add_class::<change::PyStakeChange>()?;
    m.add_class::<change::PyObjectiveChange>()?;
    m.add_class::<change::PyActionSheetChange>()?;
    m.add_class::<change::PyBeneficiaryChange>()?;
    m.add_class::<change::PyAmountChange>()?;
    m.add_class::<change::PyDeclaredChange>()?;
    m.add_class::<life::PyInForce>()?;
    m.add_class::<life::PyDiff>()?;
    m.add_class::<life::PyRenewal>()?;
    m.add_class::<life::PySheetLink>()?;
    m.add_class::<life::PySheetRef>()?;
    m.add_class::<life::PyEnvelope>()?;
    m.add_class::<evaluation::PyIndicatorProgress>()?;
    m.add_class::<evaluation::PyIndicatorRow>()?;
    m.add_class::<evaluation::PyExecutionRow>()?;
    m.add_class::<evaluation::PyYearExecution>()?;
    m.add_class::<evaluation::PyExecution>()?;
    m.add_class::<evaluation::PyLateSheet>()?;
    m.add_class::<evaluation::PyEvaluation>()?;
    m.add_class::<geo::PyGeography>()?;
    m.add_class::<geo::PyVintage>()?;
    m.add_class::<geo::PyCommuneRecord>()?;
    m.add_class::<geo::PyEpciRecord>()?;
    m.add_class::<geo::PyDepartement>()?;
    m.add_class::<geo::PyRegion>()?;
    m.add_class::<geo::PyFormerCommune>()?;
    m.add_class::<geo::PyCandidate>()?;
    m.add_class::<geo::PyLookup>()?;
    m.add_class::<geo::PyNameList>()?;
    m.add_class::<geo::PyFilled>()?;
    m.add_class::<portfolio::PyPortfolio>()?;
    m.add_class::<portfolio::PyPortfolioEntry>()?;
    m.add_class::<portfolio::PyPortfolioSummary>()?;
    m.add_class::<coverage::PyCoverage>()?;
    m.add_class::<coverage::PyCoveredCommune>()?;
    m.add_class::<coverage::PyFundingPerInhabitant>()?;
    m.add_class::<coverage::PyMemberNotParty>()?;
    m.add_class::<coverage::PyUnresolvedParty>()?;
    m.add_class::<tables::PyImport>()?;
    m.add_class::<tables::PyTableInfo>()?;
    m.add_class::<tables::PyGrant>()?;
    m.add_class::<tables::PyPublication>()?;
    m.add_class::<tables::PyScdlRead>()?;
    m.add_class::<tables::PyGrantMatch>()?;
    m.add_function(wrap_pyfunction!(tables::read_excel, m)?)?;
    m.add_function(wrap_pyfunction!(tables::read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(tables::read_tables, m)?)?;
    m.add_function(wrap_pyfunction!(tables::scdl_publish, m)?)?;
    m.add_function(wrap_pyfunction!(tables::scdl_read, m)?)?;
    m.add_function(wrap_pyfunction!(tables::scdl_match, m)?)?;
    m.add_function(wrap_pyfunction!(tables::_scdl_columns, m)?)?;
    m.add_function(wrap_pyfunction!(lang::_label, m)?)?;
    m.add_function(wrap_pyfunction!(geo::geography, m)?)?;
    m.add_function(wrap_pyfunction!(geo::_geo_record, m)?)?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(sample, m)?)?;
    m.add_function(wrap_pyfunction!(sample_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_amount, m)?)?;
    m.add_function(wrap_pyfunction!(format_amount, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(_rebuild, m)?)?;
    m.add_function(wrap_pyfunction!(split_amount, m)?)?;
    m.add_function(wrap_pyfunction!(split_amount_evenly, m)?)?;
    m.add_function(wrap_pyfunction!(report::_issue_codes, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::_vocabulary, m)?)?;
    m.add_function(wrap_pyfunction!(lang::_lang, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::parse_domain, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::parse_facility_kind, m)?)?;
    m.add_function(wrap_pyfunction!(vocab::parse_party_kind, m)?)?;
    m.add("FORMAT_VERSION", ctg_core::FORMAT_VERSION)?;
    Ok(())
}
