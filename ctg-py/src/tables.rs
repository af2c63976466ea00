//! Spreadsheets and open data (`ctg-tables`): a convention's tables written as CSV or `.xlsx`,
//! tables read into a document with every issue at its cell, grants published, read and matched
//! as SCDL *Subventions* 2.1.1. Every rule, header, label, number writing and message is
//! `ctg-tables`' or core's; this module translates arguments and results.

use ctg_core::{Issue, Path, Report, Severity, Validator};
use ctg_geo::Geography;
use ctg_tables::scdl::{self, Grant, GrantMatch, Granularity, Publisher, Rna};
use ctg_tables::{Exporter, Import, Importer, Shape, TableInfo};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView, PyString, PyTuple};

use crate::args::{at, Args};
use crate::model::PyConvention;
use crate::report::{validation_error, PyIssue, PyReport};
use crate::{convert, geo, lang};

// ------------------------------------------------------------------------------------------
// Arguments

/// A shape read by `ctg-tables` (`Shape::from_str`: `"wide"`, `"long"`, `"funding_wide"`,
/// `"action_plan"`, `"parties"`…); an unknown one raises `ValueError` with its message.
fn shape(text: &str) -> PyResult<Shape> {
    text.parse::<Shape>()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The shape of a funding table: `"wide"` or `"long"` (or their codes).
fn funding_shape(text: &str) -> PyResult<Shape> {
    match shape(text)? {
        s @ (Shape::FundingWide | Shape::FundingLong) => Ok(s),
        _ => Err(PyValueError::new_err(format!(
            "shape is the shape of the funding table: 'wide' or 'long', not {text:?}"
        ))),
    }
}

/// A table of a convention: `"funding"` (in the funding shape given), `"action_plan"` or
/// `"parties"`.
fn table(text: &str, funding: Shape) -> PyResult<Shape> {
    match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
        "funding" => Ok(funding),
        "action_plan" => Ok(Shape::ActionPlan),
        "parties" => Ok(Shape::Parties),
        _ => Err(PyValueError::new_err(format!(
            "unknown table {text:?} (expected 'funding', 'action_plan' or 'parties')"
        ))),
    }
}

/// The exporter of `lang` (read by core: `"fr"`, `"EN"`, `"english"`…) and funding `shape`.
fn exporter(lang: &str, shape: &str) -> PyResult<Exporter> {
    Ok(Exporter::new(lang::parse(lang)?).funding_shape(funding_shape(shape)?))
}

// ------------------------------------------------------------------------------------------
// Files: the bytes written, the bytes read

/// Writes `bytes` where `target` says: `None` gives them back as `bytes`; a binary file object
/// (anything with `write`) gets them; a path (`str` or `os.PathLike`) is written (created or
/// replaced). Python's own `OSError` when it cannot be.
fn deliver<'py>(
    py: Python<'py>,
    bytes: &[u8],
    target: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let Some(target) = target.filter(|t| !t.is_none()) else {
        return Ok(Some(PyBytes::new(py, bytes)));
    };
    if target.hasattr("write")? {
        target.call_method1("write", (PyBytes::new(py, bytes),))?;
        return Ok(None);
    }
    if !(target.is_instance_of::<PyString>() || crate::is_path_like(target)?) {
        return Err(PyTypeError::new_err(format!(
            "path_or_buffer is a path (str or os.PathLike), a binary file object or None, not {}",
            convert::type_name(target)
        )));
    }
    let file = py
        .import("builtins")?
        .call_method1("open", (target, "wb"))?;
    let written = file.call_method1("write", (PyBytes::new(py, bytes),));
    let closed = file.call_method0("close");
    written?;
    closed?;
    Ok(None)
}

/// The most bytes a table file is read to: one more than `ctg-tables`' limit, so that a larger
/// file is its `table.too_large`.
fn read_limit() -> usize {
    ctg_tables::Limits::DEFAULT.max_bytes + 1
}

/// The bytes of what `read`/`read()` returned: `bytes`, or a `str` as its UTF-8 (lone
/// surrogates kept as `surrogatepass` bytes, which the reader reports).
fn bytes_of(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if let Ok(bytes) = value.cast::<PyByteArray>() {
        return Ok(bytes.to_vec());
    }
    if value.is_instance_of::<PyMemoryView>() {
        let bytes = value.call_method0("tobytes")?;
        return Ok(bytes.cast::<PyBytes>()?.as_bytes().to_vec());
    }
    if value.is_instance_of::<PyString>() {
        let bytes = value.call_method1("encode", ("utf-8", "surrogatepass"))?;
        return Ok(bytes.cast::<PyBytes>()?.as_bytes().to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "expected bytes, not {}",
        convert::type_name(value)
    )))
}

/// A table file as (name, bytes): a path (`str` or `os.PathLike`: the file, read up to the
/// limit, named by its path), bytes (`bytes`, `bytearray`, `memoryview`) or a file object (its
/// `read()`, named by its `name`). `name` names it otherwise (`default` when nothing does).
fn source(
    obj: &Bound<'_, PyAny>,
    name: Option<String>,
    default: &str,
) -> PyResult<(String, Vec<u8>)> {
    let py = obj.py();
    let is_bytes = obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
        || obj.is_instance_of::<PyMemoryView>();
    if is_bytes {
        return Ok((name.unwrap_or_else(|| default.to_owned()), bytes_of(obj)?));
    }
    if obj.is_instance_of::<PyString>() || crate::is_path_like(obj)? {
        let path: String = py
            .import("os")?
            .call_method1("fsdecode", (obj,))?
            .extract()?;
        let file = py.import("builtins")?.call_method1("open", (obj, "rb"))?;
        let read = file.call_method1("read", (read_limit(),));
        let closed = file.call_method0("close");
        let bytes = bytes_of(&read?)?;
        closed?;
        return Ok((name.unwrap_or(path), bytes));
    }
    if obj.hasattr("read")? {
        let bytes = bytes_of(&obj.call_method1("read", (read_limit(),))?)?;
        let own = obj
            .getattr("name")
            .ok()
            .and_then(|n| n.extract::<String>().ok());
        return Ok((name.or(own).unwrap_or_else(|| default.to_owned()), bytes));
    }
    Err(PyTypeError::new_err(format!(
        "a table is a path (str or os.PathLike), bytes or a binary file object, not {}",
        convert::type_name(obj)
    )))
}

/// The files of `read_tables`: each a path, or a `(name, data)` pair.
fn sources(files: &Bound<'_, PyAny>) -> PyResult<Vec<(String, Vec<u8>)>> {
    if files.is_instance_of::<PyString>()
        || files.is_instance_of::<PyBytes>()
        || crate::is_path_like(files)?
    {
        return Err(PyTypeError::new_err(
            "read_tables takes a list of files (paths or (name, data) pairs); for one file, \
             use read_excel or read_csv",
        ));
    }
    let mut out = Vec::new();
    for item in files.try_iter()? {
        let item = item?;
        if let Ok(pair) = item.cast::<PyTuple>() {
            if pair.len() != 2 {
                return Err(PyTypeError::new_err(
                    "a file of read_tables is a path or a (name, data) pair",
                ));
            }
            let name: String = pair.get_item(0)?.extract()?;
            out.push(source(&pair.get_item(1)?, Some(name.clone()), &name)?);
        } else {
            out.push(source(&item, None, "table")?);
        }
    }
    Ok(out)
}

// ------------------------------------------------------------------------------------------
// Export

/// `Convention.to_excel`: the chosen tables as an `.xlsx` workbook.
pub(crate) fn to_excel<'py>(
    py: Python<'py>,
    conv: &ctg_core::Convention,
    target: Option<&Bound<'py, PyAny>>,
    lang: &str,
    shape: &str,
    tables: Vec<String>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let exporter = exporter(lang, shape)?;
    let funding = funding_shape(shape)?;
    let shapes = tables
        .iter()
        .map(|t| self::table(t, funding))
        .collect::<PyResult<Vec<_>>>()?;
    let book = py
        .detach(|| exporter.xlsx_tables(conv, &shapes))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    deliver(py, &book, target)
}

/// `Convention.to_csv`: one table as CSV bytes.
pub(crate) fn to_csv<'py>(
    py: Python<'py>,
    conv: &ctg_core::Convention,
    target: Option<&Bound<'py, PyAny>>,
    lang: &str,
    table: &str,
    shape: &str,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let exporter = exporter(lang, shape)?;
    let table = self::table(table, funding_shape(shape)?)?;
    let csv = py.detach(|| exporter.csv(conv, table));
    deliver(py, &csv, target)
}

// ------------------------------------------------------------------------------------------
// Import

/// A table found by an import (``Import.tables``): the file it was read from, its sheet, what it
/// holds (``shape``: ``"funding_wide"``, ``"funding_long"``, ``"action_plan"`` or
/// ``"parties"``) and the row of its header (1-based, as the spreadsheet shows it).
#[pyclass(frozen, eq, module = "ctg._ctg", name = "TableInfo")]
#[derive(PartialEq)]
pub(crate) struct PyTableInfo(TableInfo);

#[pymethods]
impl PyTableInfo {
    /// The file, as named to the import (a path, or the name given with the bytes).
    #[getter]
    fn file(&self) -> &str {
        &self.0.file
    }
    /// The sheet (a CSV's is its file name without extension: ``"Financement"``).
    #[getter]
    fn sheet(&self) -> &str {
        &self.0.sheet
    }
    /// ``"funding_wide"``, ``"funding_long"``, ``"action_plan"`` or ``"parties"``.
    #[getter]
    fn shape(&self) -> &'static str {
        self.0.shape.code()
    }
    /// The row of the header, 1-based (rows above it are titles).
    #[getter]
    fn header_row(&self) -> u32 {
        self.0.header_row
    }
    /// ``{"file", "sheet", "shape", "header_row"}``, as ``ctg import --json`` writes them.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("file", self.file())?;
        dict.set_item("sheet", self.sheet())?;
        dict.set_item("shape", self.shape())?;
        dict.set_item("header_row", self.header_row())?;
        Ok(dict)
    }
    fn __repr__(&self) -> String {
        format!(
            "<TableInfo {} {:?} header at row {}>",
            self.0.shape.code(),
            self.0.sheet,
            self.0.header_row
        )
    }
}

/// What reading tables gave (``ctg.read_excel``, ``ctg.read_csv``, ``ctg.read_tables``): the
/// document they make (over the ``into`` document), every problem met reading them (each at its
/// cell: ``issue.cell == "Financement!C7"``, ``ctx`` with ``sheet``, ``row``, ``column``), the
/// tables found, and where each value of the document comes from.
///
/// Reading never raises on bad data: ``validate()`` gives the convention or raises
/// ``ctg.ValidationError`` with every problem — the import's, then validation's, each at the
/// cell its path comes from (one on a cell that already has an import error is left out: it is
/// that error again, or a consequence of it). ``report()`` gives the same issues without
/// raising. The rules are ``ctg-tables``': headers in French or English below title rows, money
/// by core's rules (``12.000`` is ambiguous), totals checked, nothing guessed or dropped
/// silently.
#[pyclass(frozen, module = "ctg._ctg", name = "Import")]
pub(crate) struct PyImport {
    import: Import,
    geography: Option<&'static Geography>,
    issues: PyOnceLock<Py<PyTuple>>,
}

impl PyImport {
    fn validator(&self) -> Validator<'static> {
        match self.geography {
            Some(geo) => Validator::new().gazetteer(geo),
            None => Validator::new(),
        }
    }

    /// The import's report merged with validation's (`Import::validate_with`).
    fn merged(&self, py: Python<'_>) -> Report {
        let validator = self.validator();
        let import = &self.import;
        py.detach(|| import.validate_with(&validator))
    }

    fn all<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let issues = self.issues.get_or_try_init(py, || {
            let issues = self
                .import
                .issues
                .iter()
                .map(|i| Py::new(py, PyIssue(i.clone())))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, issues).map(Bound::unbind)
        })?;
        Ok(issues.bind(py).clone())
    }
}

/// A path from a ``loc`` tuple (keys and indices), as `Issue.loc` gives.
fn path_of(loc: &Bound<'_, PyAny>) -> PyResult<Path> {
    let mut path = Path::root();
    for segment in loc.try_iter()? {
        let segment = segment?;
        path = if segment.is_instance_of::<pyo3::types::PyBool>() {
            return Err(PyTypeError::new_err("a loc holds str keys and int indices"));
        } else if let Ok(index) = segment.extract::<usize>() {
            path.index(index)
        } else if let Ok(key) = segment.extract::<String>() {
            path.key(key)
        } else {
            return Err(PyTypeError::new_err("a loc holds str keys and int indices"));
        };
    }
    Ok(path)
}

#[pymethods]
impl PyImport {
    /// The document the tables make, over the ``into`` document (a new ``dict`` of JSON values
    /// at each access): each section a table gives (``funding``, ``action_sheets``,
    /// ``parties``) replaces the base's. A value that could not be read stays as its text.
    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.import.document)
    }

    /// The problems met reading the tables, in file and row order (validation's come with
    /// ``report()`` and ``validate()``).
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        Ok(self.all(py)?.iter().collect())
    }

    /// The tables found, in file and sheet order.
    #[getter]
    fn tables(&self) -> Vec<PyTableInfo> {
        self.import
            .tables
            .iter()
            .map(|t| PyTableInfo(t.clone()))
            .collect()
    }

    /// Whether reading the tables met an error (validation aside).
    #[getter]
    fn has_errors(&self) -> bool {
        self.import.has_errors()
    }

    /// Every issue, the import's then validation's (with the geography given to the import,
    /// if any), each at its cell; never raises on bad data.
    fn report(&self, py: Python<'_>) -> PyReport {
        PyReport::new(self.merged(py))
    }

    /// The convention the tables make, validated; ``ctg.ValidationError`` with every issue (the
    /// import's and validation's, each at its cell) when there is an error.
    fn validate(&self, py: Python<'_>) -> PyResult<PyConvention> {
        let report = self.merged(py);
        if !report.is_valid() {
            return Err(validation_error(py, PyReport::new(report)));
        }
        let validator = self.validator();
        let document = &self.import.document;
        match py
            .detach(|| validator.validate_value(document))
            .into_result()
        {
            Ok(conv) => Ok(PyConvention::new(conv)),
            Err(_) => Err(validation_error(py, PyReport::new(report))),
        }
    }

    /// The issue with the cell its path comes from (``sheet``, ``row``, ``column`` in ``ctx``),
    /// when it comes from one and the issue has none: for an issue found on the document later
    /// (``ctg.validate(imp.document)``).
    fn locate(&self, issue: PyRef<'_, PyIssue>) -> PyIssue {
        PyIssue(self.import.locate(issue.0.clone()))
    }

    /// The cell a document path comes from (``loc``, a tuple of keys and indices as
    /// ``Issue.loc`` gives), or of its nearest ancestor that has one, in spreadsheet notation
    /// (``"Financement!C7"``, a row ``"Financement!7:7"``, a sheet ``"Financement"``);
    /// ``None`` for a path no table gave.
    fn cell(&self, loc: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
        Ok(self.import.cells.get(&path_of(loc)?).map(|c| c.to_string()))
    }

    fn __repr__(&self) -> String {
        let tables: Vec<String> = self
            .import
            .tables
            .iter()
            .map(|t| format!("{} {:?}", t.shape.code(), t.sheet))
            .collect();
        let errors = self
            .import
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count();
        format!(
            "<Import [{}], {} issues, {} errors>",
            tables.join(", "),
            self.import.issues.len(),
            errors
        )
    }
}

/// Imports files (name, bytes) with the options of `read_*`.
fn import(
    py: Python<'_>,
    files: Vec<(String, Vec<u8>)>,
    shape: Option<&str>,
    into: Option<&Bound<'_, PyAny>>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyImport> {
    let shape = shape.map(self::shape).transpose()?;
    let base = match into.filter(|i| !i.is_none()) {
        Some(into) => {
            let base = geo::document_json(into)?;
            if !base.is_object() {
                return Err(PyTypeError::new_err(
                    "into is a convention document: a ctg.Convention, a dict or JSON text of an object",
                ));
            }
            Some(base)
        }
        None => None,
    };
    let geography = geo::argument(geography)?;
    let import = py.detach(|| {
        let mut importer = Importer::new();
        if let Some(shape) = shape {
            importer = importer.shape(shape);
        }
        if let Some(base) = &base {
            importer = importer.into_document(base);
        }
        if let Some(geo) = geography {
            importer = importer.resolver(geo);
        }
        let inputs: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            .collect();
        importer.import(&inputs)
    });
    Ok(PyImport {
        import,
        geography,
        issues: PyOnceLock::new(),
    })
}

/// Reads a spreadsheet — ``.xlsx``, ``.ods``, ``.xls`` or CSV, recognised from its bytes, never
/// from its name — into an ``Import``: the document its tables make, every issue at its cell,
/// ``validate()`` for the convention. Never raises on bad data (an unreadable file is an issue).
///
/// ``source``: a path (``str`` or ``os.PathLike``; read up to the 64 MiB limit), bytes
/// (``bytes``, ``bytearray``, ``memoryview``) or a binary file object. ``name``: the file name
/// given to the reader (default: the path, the file object's ``name``, else ``"table.xlsx"``): a
/// CSV's sheet is its name without extension, so ``name="Financement.csv"`` puts its issues at
/// ``Financement!C7``. ``shape``: read every table as this shape (``"wide"``, ``"long"``,
/// ``"action_plan"``, ``"parties"``) instead of recognising it by its header. ``into``: the
/// document the tables go into (a ``ctg.Convention``, a ``dict`` of JSON values or JSON text):
/// each section a table gives replaces its own, the rest is kept, and its parties and
/// objectives let an action plan name them. ``geography``: ``ctg.geography()`` (or ``True``)
/// completes the codes of communes and EPCI named without them in a parties table (each
/// completion, ambiguity or unknown name said) and validates against it.
#[pyfunction]
#[pyo3(signature = (source, *, name = None, shape = None, into = None, geography = None))]
pub(crate) fn read_excel(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
    shape: Option<&str>,
    into: Option<&Bound<'_, PyAny>>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyImport> {
    let file = self::source(source, name, "table.xlsx")?;
    import(py, vec![file], shape, into, geography)
}

/// Reads a CSV table — UTF-8 with or without byte order mark, UTF-16, Windows-1252; ``;``,
/// ``,`` or tab — into an ``Import``, as ``read_excel`` does (the format is recognised from the
/// bytes: a workbook given here is read as a workbook). ``name`` defaults to the path, the file
/// object's ``name``, else ``"table.csv"`` (sheet ``table``).
#[pyfunction]
#[pyo3(signature = (source, *, name = None, shape = None, into = None, geography = None))]
pub(crate) fn read_csv(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
    shape: Option<&str>,
    into: Option<&Bound<'_, PyAny>>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyImport> {
    let file = self::source(source, name, "table.csv")?;
    import(py, vec![file], shape, into, geography)
}

/// Reads several tables — in several files, or several sheets of a workbook — into one
/// ``Import`` (the parties first, so that the other tables name them). ``files``: a list whose
/// items are paths or ``(name, data)`` pairs (``data`` bytes or a binary file object). The
/// options are ``read_excel``'s.
#[pyfunction]
#[pyo3(signature = (files, *, shape = None, into = None, geography = None))]
pub(crate) fn read_tables(
    py: Python<'_>,
    files: &Bound<'_, PyAny>,
    shape: Option<&str>,
    into: Option<&Bound<'_, PyAny>>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyImport> {
    import(py, sources(files)?, shape, into, geography)
}

/// `Convention.from_excel` / `from_csv`: read, then validate.
pub(crate) fn convention_from_table(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
    default: &str,
    shape: Option<&str>,
    into: Option<&Bound<'_, PyAny>>,
    geography: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyConvention> {
    let file = self::source(source, name, default)?;
    import(py, vec![file], shape, into, geography)?.validate(py)
}

// ------------------------------------------------------------------------------------------
// SCDL Subventions

/// One grant: one row of an SCDL *Subventions* 2.1.1 file (``ctg.scdl``). Attributes are the
/// standard's columns in snake_case: texts as written, ``montant`` a ``Decimal`` with two
/// places, ``date_convention`` a ``datetime.date``, ``notification_ue`` a ``bool``,
/// ``pourcentage_subvention`` a ``Decimal``. ``to_dict()`` keys them by the standard's names.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Grant")]
#[derive(PartialEq)]
pub(crate) struct PyGrant(Grant);

#[pymethods]
impl PyGrant {
    /// ``nomAttribuant``: the Caf that awards it.
    #[getter]
    fn nom_attribuant(&self) -> &str {
        &self.0.nom_attribuant
    }
    /// ``idAttribuant``: its SIRET, as written.
    #[getter]
    fn id_attribuant(&self) -> &str {
        &self.0.id_attribuant
    }
    /// ``dateConvention``: the signature date (``None`` when not given).
    #[getter]
    fn date_convention(&self) -> Option<chrono::NaiveDate> {
        self.0.date_convention
    }
    /// ``referenceDecision``: the convention's id when ctg wrote it.
    #[getter]
    fn reference_decision(&self) -> &str {
        &self.0.reference_decision
    }
    /// ``nomBeneficiaire``.
    #[getter]
    fn nom_beneficiaire(&self) -> &str {
        &self.0.nom_beneficiaire
    }
    /// ``idBeneficiaire``: the beneficiary's SIRET, as written.
    #[getter]
    fn id_beneficiaire(&self) -> &str {
        &self.0.id_beneficiaire
    }
    /// ``rnaBeneficiaire``: its RNA number (``W`` and 9 digits), as written.
    #[getter]
    fn rna_beneficiaire(&self) -> &str {
        &self.0.rna_beneficiaire
    }
    /// ``objet``: what the grant is for (at most 256 characters).
    #[getter]
    fn objet(&self) -> &str {
        &self.0.objet
    }
    /// ``montant``: the amount, exact (``Decimal`` with two places).
    #[getter]
    fn montant(&self) -> ctg_core::Decimal {
        self.0.montant.to_decimal()
    }
    /// ``nature``: ``"aide en numéraire"`` or ``"aide en nature"``.
    #[getter]
    fn nature(&self) -> &str {
        &self.0.nature
    }
    /// ``conditionsVersement``: ``"unique"``, ``"échelonné"`` or a description.
    #[getter]
    fn conditions_versement(&self) -> &str {
        &self.0.conditions_versement
    }
    /// ``datesPeriodeVersement``: ``"2024-01-01/2024-12-31"`` or one date.
    #[getter]
    fn dates_periode_versement(&self) -> &str {
        &self.0.dates_periode_versement
    }
    /// ``idRAE``.
    #[getter]
    fn id_rae(&self) -> &str {
        &self.0.id_rae
    }
    /// ``notificationUE``: whether the aid was notified to the European Commission.
    #[getter]
    fn notification_ue(&self) -> bool {
        self.0.notification_ue
    }
    /// ``pourcentageSubvention``: the share of the subsidised cost (``Decimal``; ``None`` when
    /// not given).
    #[getter]
    fn pourcentage_subvention(&self) -> Option<ctg_core::Decimal> {
        self.0.pourcentage_subvention
    }
    /// ``dispositifAide``.
    #[getter]
    fn dispositif_aide(&self) -> &str {
        &self.0.dispositif_aide
    }
    /// The grant keyed by the standard's column names, in its order (``ctg.scdl.COLUMNS``),
    /// values typed as the attributes: rows of ``pandas.DataFrame(...)`` (or
    /// ``ctg.scdl.frame(grants)`` for exact typed columns).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let g = &self.0;
        let values: [Bound<'py, PyAny>; 16] = [
            g.nom_attribuant.as_str().into_pyobject(py)?.into_any(),
            g.id_attribuant.as_str().into_pyobject(py)?.into_any(),
            g.date_convention.into_pyobject(py)?.into_any(),
            g.reference_decision.as_str().into_pyobject(py)?.into_any(),
            g.nom_beneficiaire.as_str().into_pyobject(py)?.into_any(),
            g.id_beneficiaire.as_str().into_pyobject(py)?.into_any(),
            g.rna_beneficiaire.as_str().into_pyobject(py)?.into_any(),
            g.objet.as_str().into_pyobject(py)?.into_any(),
            g.montant.to_decimal().into_pyobject(py)?.into_any(),
            g.nature.as_str().into_pyobject(py)?.into_any(),
            g.conditions_versement
                .as_str()
                .into_pyobject(py)?
                .into_any(),
            g.dates_periode_versement
                .as_str()
                .into_pyobject(py)?
                .into_any(),
            g.id_rae.as_str().into_pyobject(py)?.into_any(),
            pyo3::types::PyBool::new(py, g.notification_ue)
                .to_owned()
                .into_any(),
            g.pourcentage_subvention.into_pyobject(py)?.into_any(),
            g.dispositif_aide.as_str().into_pyobject(py)?.into_any(),
        ];
        for (column, value) in scdl::COLUMNS.iter().zip(values) {
            dict.set_item(column, value)?;
        }
        Ok(dict)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Grant {} → {} {} {}>",
            self.0.nom_attribuant,
            self.0.nom_beneficiaire,
            self.0.montant,
            self.0.dates_periode_versement
        )
    }
}

fn grants(grants: &[Grant]) -> Vec<PyGrant> {
    grants.iter().cloned().map(PyGrant).collect()
}

fn issues(py: Python<'_>, issues: &[Issue]) -> PyResult<Vec<Py<PyIssue>>> {
    issues
        .iter()
        .map(|i| Py::new(py, PyIssue(i.clone())))
        .collect()
}

/// The grants of conventions as SCDL *Subventions* (``ctg.scdl.publish``): the file
/// (``csv``, text; ``bytes`` is its UTF-8), its ``grants`` and what was found on the way
/// (``issues``: what is missing to publish, the ``objet``s shortened).
#[pyclass(frozen, module = "ctg._ctg", name = "Publication")]
pub(crate) struct PyPublication {
    publication: scdl::Publication,
}

#[pymethods]
impl PyPublication {
    /// The SCDL CSV: comma-separated, UTF-8, CRLF line ends, the standard's 16 columns in its
    /// order, ``montant`` with a decimal point and two decimals.
    #[getter]
    fn csv(&self) -> String {
        scdl::write_csv(&self.publication.grants)
    }
    /// The grants, one per row of ``csv``.
    #[getter]
    fn grants(&self) -> Vec<PyGrant> {
        grants(&self.publication.grants)
    }
    /// What was found: the errors (``scdl.not_signed``, ``scdl.attribuant_siret_missing``,
    /// ``scdl.beneficiary_id_missing``: missing values, empty in a draft) and warnings
    /// (``scdl.objet_shortened``); with several conventions, ``ctx["convention"]`` names each
    /// issue's.
    #[getter]
    fn issues(&self, py: Python<'_>) -> PyResult<Vec<Py<PyIssue>>> {
        issues(py, &self.publication.issues)
    }
    /// Whether nothing is missing: the file can be published as it is.
    #[getter]
    fn valid(&self) -> bool {
        !self
            .publication
            .issues
            .iter()
            .any(|i| i.severity == Severity::Error)
    }
    /// The issues as a ``ctg.Report``.
    fn report(&self) -> PyReport {
        PyReport::new(Report::from(self.publication.issues.clone()))
    }
    /// ``csv`` as UTF-8 bytes, to write to a file.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.csv().as_bytes())
    }
    fn __repr__(&self) -> String {
        format!(
            "<Publication {} grants, {} issues>",
            self.publication.grants.len(),
            self.publication.issues.len()
        )
    }
}

/// What reading an SCDL *Subventions* file gave (``ctg.scdl.read``): its ``grants`` (the rows
/// whose ``montant`` could be read) and every problem, each at its row and column.
#[pyclass(frozen, module = "ctg._ctg", name = "ScdlRead")]
pub(crate) struct PyScdlRead {
    read: scdl::ScdlRead,
}

#[pymethods]
impl PyScdlRead {
    /// The grants read, in the file's order.
    #[getter]
    fn grants(&self) -> Vec<PyGrant> {
        grants(&self.read.grants)
    }
    /// The problems: the header (a column missing, unknown), the standard's checks
    /// (``french-siret-value``: ``siret.invalid``…; ``one-of-required``:
    /// ``scdl.one_of_required``) and each cell's constraints (``scdl.value_invalid``), each with
    /// its ``cell``.
    #[getter]
    fn issues(&self, py: Python<'_>) -> PyResult<Vec<Py<PyIssue>>> {
        issues(py, &self.read.issues)
    }
    /// Whether the file passes every check (no error).
    #[getter]
    fn valid(&self) -> bool {
        !self
            .read
            .issues
            .iter()
            .any(|i| i.severity == Severity::Error)
    }
    /// The issues as a ``ctg.Report``.
    fn report(&self) -> PyReport {
        PyReport::new(Report::from(self.read.issues.clone()))
    }
    fn __len__(&self) -> usize {
        self.read.grants.len()
    }
    fn __repr__(&self) -> String {
        format!(
            "<ScdlRead {} grants, {} issues>",
            self.read.grants.len(),
            self.read.issues.len()
        )
    }
}

/// A grant matched to a beneficiary of a convention (``ctg.scdl.match``): the grant's index in
/// the list given, the convention's and the beneficiary's ids, and how (``by``: ``"siret"``, or
/// ``"name"`` when neither side had a SIRET to compare and one beneficiary bears the name).
#[pyclass(frozen, eq, module = "ctg._ctg", name = "GrantMatch")]
#[derive(PartialEq)]
pub(crate) struct PyGrantMatch(GrantMatch);

#[pymethods]
impl PyGrantMatch {
    /// The index of the grant in the list given to ``match``.
    #[getter]
    fn grant(&self) -> usize {
        self.0.grant
    }
    /// The id of the convention.
    #[getter]
    fn convention(&self) -> &str {
        &self.0.convention
    }
    /// The id of the beneficiary.
    #[getter]
    fn beneficiary(&self) -> &str {
        &self.0.beneficiary
    }
    /// ``"siret"`` or ``"name"``.
    #[getter]
    fn by(&self) -> &'static str {
        self.0.by.code()
    }
    /// ``{"grant", "convention", "beneficiary", "by"}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("grant", self.grant())?;
        dict.set_item("convention", self.convention())?;
        dict.set_item("beneficiary", self.beneficiary())?;
        dict.set_item("by", self.by())?;
        Ok(dict)
    }
    fn __repr__(&self) -> String {
        format!(
            "<GrantMatch {} → {} {} by {}>",
            self.0.grant,
            self.0.convention,
            self.0.beneficiary,
            self.0.by.code()
        )
    }
}

/// One convention, or an iterable of them, as owned conventions.
fn conventions(value: &Bound<'_, PyAny>) -> PyResult<Vec<ctg_core::Convention>> {
    if let Ok(conv) = value.cast::<PyConvention>() {
        return Ok(vec![conv.get().0.clone()]);
    }
    let mut out = Vec::new();
    for item in value.try_iter()? {
        let item = item?;
        let conv = item.cast::<PyConvention>().map_err(|_| {
            PyTypeError::new_err(format!(
                "expected ctg.Convention objects, not {}",
                convert::type_name(&item)
            ))
        })?;
        out.push(conv.get().0.clone());
    }
    Ok(out)
}

/// The grants of conventions as SCDL *Subventions* 2.1.1 (``ctg-tables``' ``Publisher``).
///
/// ``conventions``: one ``ctg.Convention`` or an iterable of them (one file for all).
/// ``granularity``: ``"year"`` (default: one row per beneficiary and year, each an amount of the
/// convention) or ``"convention"`` (one row per beneficiary over the period). ``rna``: RNA
/// numbers by beneficiary id (``{"passerelle": "W811000001"}``), for associations published
/// without SIRET. ``conditions``: ``conditionsVersement`` (default ``"échelonné"``).
/// ``notification_ue``: ``notificationUE`` (default ``False``).
///
/// What is missing to publish — an unsigned convention, a Caf without SIRET, a beneficiary with
/// neither SIRET nor RNA number — raises ``ctg.ValidationError`` with every issue, unless
/// ``draft=True``: the ``Publication`` then has the missing cells empty and says what they are
/// in ``issues``. An RNA number that is not ``W`` and 9 digits raises ``ctg.ValidationError``
/// (``rna.invalid`` at ``("rna", id)``).
#[pyfunction]
#[pyo3(signature = (conventions, *, granularity = "year", rna = None, conditions = None, notification_ue = false, draft = false))]
pub(crate) fn scdl_publish(
    py: Python<'_>,
    conventions: &Bound<'_, PyAny>,
    granularity: &str,
    rna: Option<std::collections::BTreeMap<String, String>>,
    conditions: Option<&str>,
    notification_ue: bool,
    draft: bool,
) -> PyResult<PyPublication> {
    let conventions = self::conventions(conventions)?;
    let granularity = match granularity {
        "year" => Granularity::Yearly,
        "convention" => Granularity::Convention,
        other => {
            return Err(PyValueError::new_err(format!(
                "granularity is 'year' or 'convention', not {other:?}"
            )))
        }
    };
    let mut publisher = Publisher::new()
        .granularity(granularity)
        .notification_ue(notification_ue)
        .draft(draft);
    if let Some(conditions) = conditions {
        publisher = publisher.conditions(conditions);
    }
    let mut args = Args::new();
    for (beneficiary, number) in rna.unwrap_or_default() {
        if let Some(number) = args.check(at("rna").key(beneficiary.as_str()), Rna::parse(&number)) {
            publisher = publisher.rna(&beneficiary, number);
        }
    }
    args.finish(py)?;
    let publication = py.detach(|| publisher.publish(&conventions));
    let blocked = publication
        .issues
        .iter()
        .any(|i| i.severity == Severity::Error);
    if blocked && !draft {
        return Err(validation_error(
            py,
            PyReport::new(Report::from(publication.issues)),
        ));
    }
    Ok(PyPublication { publication })
}

/// Reads an SCDL *Subventions* file and checks it (``ctg-tables``' ``scdl::read``): the header
/// (every column of the standard by its exact name), the standard's custom checks
/// (``french-siret-value`` with core's SIRET rules, ``one-of-required``) and each cell's
/// constraints. Never raises on bad data. ``source``: a path, bytes or a binary file object, as
/// ``ctg.read_csv`` takes; ``name``: its name (default: the path, else ``"subventions.csv"``;
/// issues are at ``subventions!B2``…).
#[pyfunction]
#[pyo3(signature = (source, *, name = None))]
pub(crate) fn scdl_read(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
) -> PyResult<PyScdlRead> {
    let (name, bytes) = self::source(source, name, "subventions.csv")?;
    let read = py.detach(|| scdl::read(&bytes, &name));
    Ok(PyScdlRead { read })
}

/// Matches grants (``ScdlRead.grants``, ``Publication.grants``) to the beneficiaries of
/// conventions (``ctg-tables``' ``match_grants``): by SIRET first (the beneficiary's, or that
/// of the party it is), then by name (accents, case and punctuation aside) when neither side
/// has a SIRET to compare and exactly one beneficiary bears it. Grants that match nothing are
/// left out.
#[pyfunction]
pub(crate) fn scdl_match(
    py: Python<'_>,
    grants: Vec<PyRef<'_, PyGrant>>,
    conventions: &Bound<'_, PyAny>,
) -> PyResult<Vec<PyGrantMatch>> {
    let grants: Vec<Grant> = grants.iter().map(|g| g.0.clone()).collect();
    let conventions = self::conventions(conventions)?;
    let matches = py.detach(|| scdl::match_grants(&grants, &conventions));
    Ok(matches.into_iter().map(PyGrantMatch).collect())
}

/// The columns of SCDL *Subventions* 2.1.1, in the schema's order.
#[pyfunction]
pub(crate) fn _scdl_columns() -> Vec<&'static str> {
    scdl::COLUMNS.to_vec()
}
