//! Portfolios: many documents at once (core's `Portfolio`). Every verdict, row, total, coverage
//! figure and text is core's, and so is the rule of what names give (files, folders, patterns,
//! JSON Lines files: core's `Portfolio::load` and `portfolio::sources`); this module translates
//! what Python gives (JSON text, bytes, paths, JSON Lines, Python values) into core's inputs,
//! hands them to core with the GIL released
//! (core validates on its own threads, made for the call and joined before it returns: no pool
//! outlives a call, so nothing breaks in a forked worker), and converts the results back.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::NaiveDate;
use ctg_core::portfolio::sources::Input;
use ctg_core::portfolio::{
    ConventionRow, GroupTotals, Options, PortfolioCoverage, PortfolioEntry, PortfolioSummary,
    PortfolioTotals, Verdict,
};
use ctg_core::{Gazetteer, Portfolio};
use ctg_geo::Geography;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMemoryView, PyString, PyTuple};

use crate::limits::PyLimits;
use crate::model::PyConvention;
use crate::report::PyReport;
use crate::{convert, geo, lang};

/// `date`, or today (`datetime.date.today()`, read once).
fn day(py: Python<'_>, date: Option<NaiveDate>) -> PyResult<NaiveDate> {
    match date {
        Some(date) => Ok(date),
        None => py
            .import("datetime")?
            .getattr("date")?
            .call_method0("today")?
            .extract(),
    }
}

/// What one item given to a portfolio holds, kept alive while core reads it.
enum Owner<'py> {
    Bytes(Bound<'py, PyBytes>),
    Str(Bound<'py, PyString>),
    Owned(Vec<u8>),
}

impl Owner<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Owner::Bytes(b) => b.as_bytes(),
            Owner::Str(s) => s.to_str().map(str::as_bytes).unwrap_or_default(),
            Owner::Owned(v) => v,
        }
    }
}

/// JSON text as bytes: `str` (lone surrogates as their `surrogatepass` bytes, which core reports
/// as `text.lone_surrogate`), `bytes`, `bytearray`, `memoryview`.
fn text<'py>(data: &Bound<'py, PyAny>) -> PyResult<Option<Owner<'py>>> {
    if let Ok(s) = data.cast::<PyString>() {
        if s.to_str().is_ok() {
            return Ok(Some(Owner::Str(s.clone())));
        }
        let bytes = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
        return Ok(Some(Owner::Bytes(bytes.cast_into::<PyBytes>()?)));
    }
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(Some(Owner::Bytes(b.clone())));
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(Some(Owner::Owned(b.to_vec())));
    }
    if data.is_instance_of::<PyMemoryView>() {
        let bytes = data.call_method0("tobytes")?;
        return Ok(Some(Owner::Bytes(bytes.cast_into::<PyBytes>()?)));
    }
    Ok(None)
}

/// One item given by the Python side, read with the GIL.
enum Given<'py> {
    /// One JSON document.
    Text(String, Owner<'py>),
    /// JSON Lines text; sources `line N`.
    Lines(Owner<'py>),
    /// A file named by the source: JSON, or JSON Lines by its name (core's rule).
    File(String, PathBuf),
    /// A JSON Lines file; sources `line N`.
    LinesFile(PathBuf),
    /// A Python value, read into core's host tree.
    Host(String, convert::Tree),
}

impl Given<'_> {
    /// What core reads: text borrowed from the Python objects.
    fn input(&self) -> Input<'_> {
        match self {
            Given::Text(source, owner) => Input::Json(source.clone(), owner.bytes()),
            Given::Lines(owner) => Input::JsonLines(owner.bytes()),
            Given::File(source, path) => Input::File(source.clone(), path.clone()),
            Given::LinesFile(path) => Input::JsonLinesFile(path.clone()),
            Given::Host(source, tree) => Input::Host(source.clone(), &tree.0),
        }
    }
}

/// Reads one item given by the Python side (`ctg._portfolio.documents_items`).
fn given<'py>(
    kind: &str,
    source: String,
    payload: &Bound<'py, PyAny>,
    limits: &ctg_core::Limits,
) -> PyResult<Given<'py>> {
    let need_text = |what: &str| {
        PyTypeError::new_err(format!(
            "{what} takes JSON text (str, bytes, bytearray or memoryview), not {}",
            convert::type_name(payload)
        ))
    };
    Ok(match kind {
        "text" => Given::Text(
            source,
            text(payload)?.ok_or_else(|| need_text("a document"))?,
        ),
        "file" => Given::File(source, payload.extract()?),
        "host" => Given::Host(source, convert::to_host(payload, limits)?),
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown item kind {other:?}"
            )))
        }
    })
}

/// A portfolio of the documents of a Caf, a département or the country, valid or not: one
/// entry per document, in the order given, with its source, verdict, report and convention.
///
/// Made by ``ctg.load_portfolio`` (files, folders, patterns, JSON Lines files),
/// ``Portfolio.from_documents`` (texts, bytes, paths, dicts) or ``Portfolio.from_json_lines``.
/// Core validates the documents in parallel with the GIL released, on threads made for the
/// call. Every figure is core's: ``rows`` (the table of conventions), ``totals``, ``coverage``,
/// ``summary``; ``conventions()``, ``totals_frame()``, ``coverage_frame()`` are data frames,
/// ``to_arrow()`` and ``write_parquet()`` Arrow tables and Parquet files. The geography the
/// portfolio was validated with (``geography=``) also places its conventions in régions and
/// counts their communes and population. Read-only; picklable.
#[pyclass(frozen, module = "ctg._ctg", name = "Portfolio")]
pub(crate) struct PyPortfolio {
    portfolio: Portfolio,
    geography: Option<&'static Geography>,
    entries: PyOnceLock<Py<PyTuple>>,
}

impl PyPortfolio {
    fn gazetteer(&self) -> Option<&'static dyn Gazetteer> {
        self.geography.map(|g| g as &dyn Gazetteer)
    }

    /// The geography for coverage: the portfolio's, else the embedded one.
    fn coverage_geography(&self) -> PyResult<&'static dyn Gazetteer> {
        Ok(match self.geography {
            Some(g) => g,
            None => geo::embedded()?,
        })
    }

    fn all<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let entries = self.entries.get_or_try_init(py, || {
            let items = self
                .portfolio
                .entries()
                .iter()
                .map(|entry| {
                    Py::new(
                        py,
                        PyPortfolioEntry {
                            source: entry.source().to_owned(),
                            verdict: entry.verdict(),
                            report: Py::new(py, PyReport::new(entry.report().clone()))?,
                            convention: entry
                                .convention()
                                .map(|c| Py::new(py, PyConvention::new(c.clone())))
                                .transpose()?,
                        },
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, items).map(Bound::unbind)
        })?;
        Ok(entries.bind(py).clone())
    }

    fn conventions_columns<'py>(
        &self,
        py: Python<'py>,
        date: NaiveDate,
    ) -> PyResult<Bound<'py, PyDict>> {
        let rows = {
            let (portfolio, gazetteer) = (&self.portfolio, self.gazetteer());
            py.detach(|| portfolio.conventions(date, gazetteer))
        };
        let columns = Columns::new(py);
        for row in &rows {
            let ConventionRow {
                source,
                verdict,
                errors,
                warnings,
                id,
                title,
                territory,
                epci,
                departement,
                region,
                status,
                first_year,
                last_year,
                signed_on,
                months_before_expiry,
                envelope,
                communes,
                population,
                ..
            } = row;
            columns.push("source", source)?;
            columns.push("verdict", verdict.code())?;
            columns.push("errors", errors)?;
            columns.push("warnings", warnings)?;
            columns.push("id", id)?;
            columns.push("title", title)?;
            columns.push("territory", territory)?;
            columns.push("epci", epci.as_ref().map(|s| s.as_str()))?;
            columns.push("departement", departement.as_ref().map(|d| d.as_str()))?;
            columns.push("region", region)?;
            columns.push("status", status.map(|s| s.code()))?;
            columns.push("first_year", first_year)?;
            columns.push("last_year", last_year)?;
            columns.push("signed_on", signed_on)?;
            columns.push("months_before_expiry", months_before_expiry)?;
            columns.push("envelope", envelope.map(|a| a.to_decimal()))?;
            columns.push("communes", communes)?;
            columns.push("population", population)?;
        }
        Ok(columns.dict)
    }

    fn totals_columns<'py>(&self, py: Python<'py>, by: &str) -> PyResult<Bound<'py, PyDict>> {
        let totals: PortfolioTotals = {
            let (portfolio, gazetteer) = (&self.portfolio, self.gazetteer());
            py.detach(|| portfolio.totals(gazetteer))
        };
        let columns = Columns::new(py);
        let groups = |map: &std::collections::BTreeMap<String, GroupTotals>| -> PyResult<()> {
            for (key, group) in map {
                columns.push(by, key)?;
                columns.push("name", &group.name)?;
                columns.push("conventions", group.conventions)?;
                columns.push("total", group.total.to_decimal())?;
            }
            Ok(())
        };
        match by {
            "departement" => groups(&totals.by_departement)?,
            "region" => groups(&totals.by_region)?,
            "epci" => groups(&totals.by_epci)?,
            "domain" => {
                for (domain, amount) in &totals.by_domain {
                    columns.push(by, domain)?;
                    columns.push("total", amount.to_decimal())?;
                }
            }
            "facility_kind" => {
                for (kind, amount) in &totals.by_facility_kind {
                    columns.push(by, kind.code())?;
                    columns.push("total", amount.to_decimal())?;
                }
            }
            "year" => {
                for (year, amount) in &totals.by_year {
                    columns.push(by, year)?;
                    columns.push("total", amount.to_decimal())?;
                }
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown totals table {other:?} (expected 'departement', 'region', 'epci', \
                     'domain', 'facility_kind' or 'year')"
                )))
            }
        }
        Ok(columns.dict)
    }

    fn coverage_of(&self, py: Python<'_>, date: NaiveDate) -> PyResult<PortfolioCoverage> {
        let gazetteer = self.coverage_geography()?;
        let portfolio = &self.portfolio;
        Ok(py.detach(|| portfolio.coverage(gazetteer, date)))
    }

    fn coverage_columns<'py>(
        &self,
        py: Python<'py>,
        date: NaiveDate,
    ) -> PyResult<Bound<'py, PyDict>> {
        let coverage = self.coverage_of(py, date)?;
        let columns = Columns::new(py);
        for (code, area) in &coverage.by_departement {
            columns.push("departement", code)?;
            columns.push("name", &area.name)?;
            columns.push("region", &area.region)?;
            columns.push("conventions_in_force", area.conventions_in_force)?;
            columns.push("communes", area.communes)?;
            columns.push("population", area.population)?;
            columns.push("reference_communes", area.reference_communes)?;
            columns.push("reference_population", area.reference_population)?;
            columns.push("communes_share", area.communes_share)?;
            columns.push("population_share", area.population_share)?;
        }
        Ok(columns.dict)
    }
}

/// Columns being filled: name → list.
struct Columns<'py> {
    dict: Bound<'py, PyDict>,
}

impl<'py> Columns<'py> {
    fn new(py: Python<'py>) -> Self {
        Columns {
            dict: PyDict::new(py),
        }
    }

    fn push<T: IntoPyObject<'py>>(&self, name: &str, value: T) -> PyResult<()> {
        let list = match self.dict.get_item(name)? {
            Some(list) => list.cast_into::<PyList>()?,
            None => {
                let list = PyList::empty(self.dict.py());
                self.dict.set_item(name, &list)?;
                list
            }
        };
        list.append(value)
    }
}

/// What a portfolio is made of: items read with the GIL, or what names give (core's rule).
enum What<'py> {
    Given(Vec<Given<'py>>),
    Paths(Vec<PathBuf>, bool),
}

/// The items of `from_documents`, as `ctg._portfolio.documents_items` makes them:
/// `(kind, source, payload)`.
fn given_items<'py>(
    items: Vec<(String, String, Bound<'py, PyAny>)>,
    limits: &ctg_core::Limits,
) -> PyResult<Vec<Given<'py>>> {
    items
        .into_iter()
        .map(|(kind, source, payload)| given(&kind, source, &payload, limits))
        .collect()
}

/// The names of `load_portfolio`: a ``str`` or ``os.PathLike`` names itself; any other iterable
/// (a list, a tuple) stands for its names.
fn names(given: &Bound<'_, PyAny>, out: &mut Vec<PathBuf>) -> PyResult<()> {
    if given.is_instance_of::<PyString>() || crate::is_path_like(given)? {
        out.push(given.extract()?);
        return Ok(());
    }
    let Ok(items) = given.try_iter() else {
        return Err(PyTypeError::new_err(format!(
            "load_portfolio takes paths (str or os.PathLike) or lists of them, not {}",
            convert::type_name(given)
        )));
    };
    for item in items {
        names(&item?, out)?;
    }
    Ok(())
}

/// The keyword arguments of a portfolio's constructors, as core's `Options`, and the progress
/// callback's first exception.
fn run(
    py: Python<'_>,
    what: What<'_>,
    validator: ctg_core::Validator<'static>,
    geography: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
    max_documents: Option<usize>,
    progress: Option<Bound<'_, PyAny>>,
) -> PyResult<PyPortfolio> {
    let geography_used = geo::argument(geography)?;
    let callback = progress.map(Bound::unbind);
    let failure: Mutex<Option<PyErr>> = Mutex::new(None);
    let report = |done: usize, total: usize| {
        if let Some(callback) = &callback {
            Python::attach(|py| {
                if let Err(error) = callback.call1(py, (done, total)) {
                    let mut first = failure.lock().unwrap_or_else(|e| e.into_inner());
                    if first.is_none() {
                        *first = Some(error);
                    }
                }
            });
        }
    };
    let mut options = Options::new();
    if let Some(threads) = threads {
        options = options.threads(threads);
    }
    if let Some(max) = max_documents {
        options = options.max_documents(max);
    }
    if callback.is_some() {
        options = options.progress(&report);
    }
    let portfolio = match &what {
        What::Given(given) => {
            // Text is borrowed from the Python objects, which `given` keeps alive.
            let inputs: Vec<Input<'_>> = given.iter().map(Given::input).collect();
            py.detach(|| Portfolio::from_inputs(&validator, inputs, &options))
        }
        What::Paths(paths, recursive) => {
            py.detach(|| Portfolio::load(&validator, paths, *recursive, &options))
        }
    };
    if let Some(error) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(error);
    }
    Ok(PyPortfolio {
        portfolio,
        geography: geography_used,
        entries: PyOnceLock::new(),
    })
}

#[pymethods]
impl PyPortfolio {
    /// Reads and validates every document ``paths`` name, by core's rule
    /// (``Portfolio::load``): the native side of ``ctg.load_portfolio``.
    #[staticmethod]
    #[pyo3(signature = (paths, *, recursive = false, limits = None, geography = None, threads = None, max_documents = None, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn _load(
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        recursive: bool,
        limits: Option<PyRef<'_, PyLimits>>,
        geography: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        max_documents: Option<usize>,
        progress: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PyPortfolio> {
        let mut named = Vec::new();
        names(paths, &mut named)?;
        let validator = crate::validator(limits.as_deref(), geography)?;
        run(
            py,
            What::Paths(named, recursive),
            validator,
            geography,
            threads,
            max_documents,
            progress,
        )
    }

    /// Validates ``documents`` into a portfolio: a ``dict`` of ``source → document``, or an
    /// iterable of documents or ``(source, document)`` pairs. A document is JSON text (``str``
    /// is always text, ``bytes``, ``bytearray``, ``memoryview``), a path (``os.PathLike``: a JSON
    /// file, or a ``.jsonl`` file of one document a line) or a Python value (a ``dict`` as
    /// ``json.load`` gives, ``Decimal``, ``date``…). Without a source, a path is named by
    /// itself and a document ``document N`` (from 1).
    ///
    /// Core validates texts, files and lines in parallel with the GIL released (``threads``:
    /// default the machine's; ``max_documents``: default 100 000, past it one entry
    /// ``input.too_large`` says how many there were; ``progress(done, total)`` is called from
    /// core's threads, and its first exception raised at the end). Python values are read with
    /// the GIL, then validated in parallel with the GIL released, as the other documents;
    /// ``max_documents`` and ``progress`` count the other documents. ``geography``:
    /// ``ctg.geography()`` or ``True`` validates with the official geography and keeps it for
    /// the portfolio's figures.
    #[staticmethod]
    #[pyo3(signature = (documents, *, limits = None, geography = None, threads = None, max_documents = None, progress = None))]
    fn from_documents(
        documents: &Bound<'_, PyAny>,
        limits: Option<PyRef<'_, PyLimits>>,
        geography: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        max_documents: Option<usize>,
        progress: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PyPortfolio> {
        let py = documents.py();
        let items = py
            .import("ctg._portfolio")?
            .call_method1("documents_items", (documents,))?
            .extract()?;
        let validator = crate::validator(limits.as_deref(), geography)?;
        let given = given_items(items, &validator.get_limits())?;
        run(
            py,
            What::Given(given),
            validator,
            geography,
            threads,
            max_documents,
            progress,
        )
    }

    /// Validates JSON Lines (``str``, ``bytes``…, or a path to such a file, read by core up to
    /// 1 GiB): one document a line, blank lines skipped, sources ``line N`` (core's
    /// ``Portfolio::from_json_lines``). A file that cannot be read, or larger than 1 GiB, is one
    /// unreadable entry named by its path (``input.unreadable``, ``input.lines_too_large``).
    /// Options as ``from_documents``.
    #[staticmethod]
    #[pyo3(signature = (data, *, limits = None, geography = None, threads = None, max_documents = None, progress = None))]
    fn from_json_lines(
        data: &Bound<'_, PyAny>,
        limits: Option<PyRef<'_, PyLimits>>,
        geography: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        max_documents: Option<usize>,
        progress: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PyPortfolio> {
        let py = data.py();
        let given = if crate::is_path_like(data)? {
            Given::LinesFile(data.extract()?)
        } else {
            Given::Lines(text(data)?.ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "from_json_lines takes JSON Lines text (str, bytes…) or a path, not {}",
                    convert::type_name(data)
                ))
            })?)
        };
        let validator = crate::validator(limits.as_deref(), geography)?;
        run(
            py,
            What::Given(vec![given]),
            validator,
            geography,
            threads,
            max_documents,
            progress,
        )
    }

    /// Every entry, in input order (a tuple, made once).
    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.all(py)
    }

    /// The geography the documents were validated with (``ctg.geography()``), or ``None``.
    #[getter]
    fn geography(&self, py: Python<'_>) -> PyResult<Option<Py<geo::PyGeography>>> {
        self.geography.map(|_| geo::geography(py)).transpose()
    }

    /// The valid conventions, in input order (the entries' own objects).
    fn valid<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let mut out = Vec::new();
        for entry in self.all(py)?.iter() {
            let entry = entry.cast::<PyPortfolioEntry>()?;
            if let Some(convention) = &entry.get().convention {
                out.push(convention.bind(py).clone().into_any());
            }
        }
        Ok(out)
    }

    /// ``{"documents", "valid", "invalid", "unreadable"}``: how many documents, and their
    /// verdicts.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.portfolio.counts())
    }

    /// The table of conventions as core serialises it (``ctg report --json``'s
    /// ``conventions``): one ``dict`` per document, valid or not, at ``date`` (default: today);
    /// money as ``"725403.00"`` strings, dates as ISO text, ``None`` for what a document cannot
    /// give (an absent envelope is ``None``, not zero).
    #[pyo3(signature = (date = None))]
    fn rows<'py>(&self, py: Python<'py>, date: Option<NaiveDate>) -> PyResult<Bound<'py, PyAny>> {
        let date = day(py, date)?;
        let (portfolio, gazetteer) = (&self.portfolio, self.gazetteer());
        let rows = py.detach(|| portfolio.conventions(date, gazetteer));
        convert::serialized(py, &rows)
    }

    /// The exact totals of the valid conventions with funding, as core serialises them: in
    /// all, ``by_year``, ``by_domain``, ``by_facility_kind``, ``by_departement``, ``by_region``,
    /// ``by_epci`` (each adds up to ``total``), ``excluded``; money as strings.
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (portfolio, gazetteer) = (&self.portfolio, self.gazetteer());
        let totals = py.detach(|| portfolio.totals(gazetteer));
        convert::serialized(py, &totals)
    }

    /// What the conventions in force at ``date`` (default: today) cover, as core serialises
    /// it: communes and population, nationally and ``by_departement``, each commune once;
    /// ``overlaps``; shares as strings with four decimals. With the portfolio's geography, or
    /// the embedded one when it has none.
    #[pyo3(signature = (date = None))]
    fn coverage<'py>(
        &self,
        py: Python<'py>,
        date: Option<NaiveDate>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = day(py, date)?;
        convert::serialized(py, &self.coverage_of(py, date)?)
    }

    /// The summary at ``date`` (default: today): counts, statuses, what expires this year,
    /// totals and, when the portfolio has a geography, coverage.
    #[pyo3(signature = (date = None))]
    fn summary(slf: &Bound<'_, Self>, date: Option<NaiveDate>) -> PyResult<PyPortfolioSummary> {
        let py = slf.py();
        let date = day(py, date)?;
        let this = slf.get();
        let (portfolio, gazetteer) = (&this.portfolio, this.gazetteer());
        Ok(PyPortfolioSummary {
            summary: py.detach(|| portfolio.summary(date, gazetteer)),
            portfolio: slf.clone().unbind(),
        })
    }

    /// The columns of a table (for the data frames): ``"conventions"``, ``"coverage"``, or a
    /// totals grouping.
    #[pyo3(signature = (table, date = None))]
    fn _columns<'py>(
        &self,
        py: Python<'py>,
        table: &str,
        date: Option<NaiveDate>,
    ) -> PyResult<Bound<'py, PyDict>> {
        match table {
            "conventions" => self.conventions_columns(py, day(py, date)?),
            "coverage" => self.coverage_columns(py, day(py, date)?),
            by => self.totals_columns(py, by),
        }
    }

    /// The table of conventions (core's rows) as a data frame: one row per document, valid or
    /// not, at ``date`` (default: today). Columns ``source, verdict, errors, warnings, id,
    /// title, territory, epci, departement, region, status, first_year, last_year, signed_on,
    /// months_before_expiry, envelope, communes, population``; what a document cannot give is
    /// null (an absent envelope too: absent is not zero). ``backend``: ``"pandas"`` or
    /// ``"polars"``; money exact, as in ``ctg.frame`` (``decimal="object"``: ``Decimal``
    /// objects in pandas).
    #[pyo3(signature = (date = None, backend = "pandas", *, decimal = "arrow"))]
    fn conventions<'py>(
        slf: &Bound<'py, Self>,
        date: Option<NaiveDate>,
        backend: &str,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("ctg._portfolio")?.call_method1(
            "portfolio_frame",
            (slf, "conventions", date, backend, decimal),
        )
    }

    /// Core's totals by ``by`` as a data frame: ``"departement"`` (default), ``"region"``,
    /// ``"epci"`` (columns: the code — ``"unassigned"`` when unknown —, ``name``,
    /// ``conventions``, ``total``), ``"domain"``, ``"facility_kind"`` or ``"year"`` (the key,
    /// ``total``). Each adds up to ``totals()["total"]``.
    #[pyo3(signature = (by = "departement", backend = "pandas", *, decimal = "arrow"))]
    fn totals_frame<'py>(
        slf: &Bound<'py, Self>,
        by: &str,
        backend: &str,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("ctg._portfolio")?.call_method1(
            "portfolio_frame",
            (slf, by, None::<NaiveDate>, backend, decimal),
        )
    }

    /// Core's coverage by département at ``date`` (default: today) as a data frame, one row per
    /// département: ``departement, name, region, conventions_in_force, communes, population,
    /// reference_communes, reference_population, communes_share, population_share`` (shares
    /// exact, 4 decimals). With the portfolio's geography, or the embedded one.
    #[pyo3(signature = (date = None, backend = "pandas", *, decimal = "arrow"))]
    fn coverage_frame<'py>(
        slf: &Bound<'py, Self>,
        date: Option<NaiveDate>,
        backend: &str,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._portfolio")?
            .call_method1("portfolio_frame", (slf, "coverage", date, backend, decimal))
    }

    /// A table as a ``pyarrow.Table`` (money ``decimal128(14, 2)``, shares ``decimal128(5,
    /// 4)``): ``"conventions"`` (default), ``"coverage"`` or a totals grouping.
    #[pyo3(signature = (table = "conventions", date = None))]
    fn to_arrow<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        date: Option<NaiveDate>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._portfolio")?
            .call_method1("to_arrow", (slf, table, date))
    }

    /// Writes a table (as ``to_arrow``) to a Parquet file.
    #[pyo3(signature = (path, table = "conventions", date = None))]
    fn write_parquet<'py>(
        slf: &Bound<'py, Self>,
        path: &Bound<'py, PyAny>,
        table: &str,
        date: Option<NaiveDate>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._portfolio")?
            .call_method1("write_parquet", (slf, path, table, date))
    }

    fn __len__(&self) -> usize {
        self.portfolio.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.all(py)?.as_any().try_iter().map(Bound::into_any)
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.all(py)?.as_any().get_item(index)
    }

    fn __repr__(&self) -> String {
        let counts = self.portfolio.counts();
        format!(
            "<Portfolio {} documents: {} valid, {} invalid, {} unreadable>",
            counts.documents, counts.valid, counts.invalid, counts.unreadable
        )
    }

    /// Pickles as its entries (sources, reports, conventions) and whether it has the geography.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<PyPortfolio>().getattr("_restore")?;
        let args = (self.all(py)?, self.geography.is_some());
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }

    /// Rebuilds a portfolio (for pickling) from its entries.
    #[staticmethod]
    fn _restore(
        py: Python<'_>,
        entries: &Bound<'_, PyTuple>,
        geography: bool,
    ) -> PyResult<PyPortfolio> {
        let mut core = Vec::with_capacity(entries.len());
        for entry in entries.iter() {
            let entry = entry.cast::<PyPortfolioEntry>()?.get();
            core.push(entry.to_core(py));
        }
        let geography = if geography {
            Some(geo::embedded()?)
        } else {
            None
        };
        Ok(PyPortfolio {
            portfolio: Portfolio::from_entries(core),
            geography,
            entries: {
                let cached = PyOnceLock::new();
                let _ = cached.set(py, entries.clone().unbind());
                cached
            },
        })
    }
}

/// One document of a portfolio: where it comes from, core's verdict (``"valid"``,
/// ``"invalid"`` or ``"unreadable"``), its report and, when valid, its convention. Picklable.
#[pyclass(frozen, module = "ctg._ctg", name = "PortfolioEntry")]
pub(crate) struct PyPortfolioEntry {
    source: String,
    verdict: Verdict,
    report: Py<PyReport>,
    convention: Option<Py<PyConvention>>,
}

impl PyPortfolioEntry {
    fn to_core(&self, py: Python<'_>) -> PortfolioEntry {
        PortfolioEntry::from_parts(
            self.source.clone(),
            self.report.bind(py).get().report().clone(),
            self.convention.as_ref().map(|c| c.bind(py).get().0.clone()),
        )
    }
}

#[pymethods]
impl PyPortfolioEntry {
    /// Where the document comes from: a file name, ``line 12``, ``national.jsonl:12``, the key
    /// or position it was given with.
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    /// ``"valid"`` (warnings allowed), ``"invalid"`` (read, with errors) or ``"unreadable"``
    /// (not JSON, too large, a file that cannot be read).
    #[getter]
    fn verdict(&self) -> &'static str {
        self.verdict.code()
    }

    /// Whether the document is valid (then ``convention`` is there).
    #[getter]
    fn valid(&self) -> bool {
        self.convention.is_some()
    }

    /// Every issue of the document.
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<PyReport> {
        self.report.clone_ref(py)
    }

    /// The convention, when the document is valid; ``None`` otherwise.
    #[getter]
    fn convention(&self, py: Python<'_>) -> Option<Py<PyConvention>> {
        self.convention.as_ref().map(|c| c.clone_ref(py))
    }

    /// ``{"source", "verdict", "report"}`` as core serialises an entry (``ctg validate
    /// --json``'s entries).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.to_core(py))
    }

    fn __repr__(&self) -> String {
        format!("<PortfolioEntry {:?} {}>", self.source, self.verdict.code())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let restore = py.get_type::<PyPortfolioEntry>().getattr("_restore")?;
        let args = (
            this.source.clone(),
            this.report.clone_ref(py),
            this.convention.as_ref().map(|c| c.clone_ref(py)),
        );
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }

    /// Rebuilds an entry (for pickling); the verdict is the report's.
    #[staticmethod]
    fn _restore(
        py: Python<'_>,
        source: String,
        report: Py<PyReport>,
        convention: Option<Py<PyConvention>>,
    ) -> PyPortfolioEntry {
        let verdict =
            PortfolioEntry::from_parts(String::new(), report.bind(py).get().report().clone(), None)
                .verdict();
        let convention = convention.filter(|_| verdict == Verdict::Valid);
        PyPortfolioEntry {
            source,
            verdict,
            report,
            convention,
        }
    }
}

/// What a Caf or the Cnaf looks at first in a portfolio, at a date (core's
/// ``PortfolioSummary``): counts, valid conventions by status, those in force that end this
/// year, totals and, with a geography, coverage. ``to_text(lang)`` is ``ctg report``'s text,
/// ``to_dict()`` its ``--json``. Picklable: it pickles as its portfolio and date, and is made
/// again from them.
#[pyclass(frozen, module = "ctg._ctg", name = "PortfolioSummary")]
pub(crate) struct PyPortfolioSummary {
    summary: PortfolioSummary,
    /// The portfolio it sums up (what pickling keeps).
    portfolio: Py<PyPortfolio>,
}

#[pymethods]
impl PyPortfolioSummary {
    /// The day it is judged on.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.summary.date
    }

    /// ``{"documents", "valid", "invalid", "unreadable"}``.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.summary.counts)
    }

    /// Valid conventions per status code (every status, zero included).
    #[getter]
    fn by_status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.summary.by_status)
    }

    /// The ids of the conventions in force that end during the date's year.
    #[getter]
    fn expiring(&self) -> Vec<String> {
        self.summary.expiring.clone()
    }

    /// The totals, as ``Portfolio.totals()``.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.summary.totals)
    }

    /// The coverage, as ``Portfolio.coverage()``, or ``None`` without a geography.
    #[getter]
    fn coverage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.summary.coverage)
    }

    /// The summary as core serialises it (``ctg report --json``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.summary)
    }

    /// Core's text, in ``lang`` (default: the current language), as ``ctg report`` prints it.
    #[pyo3(signature = (lang = None))]
    fn to_text(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.summary.to_text(lang::resolve(py, lang)?))
    }

    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_text(py, None)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let summary = self.portfolio.bind(py).getattr("summary")?;
        let args = (self.summary.date,).into_pyobject(py)?.into_any();
        PyTuple::new(py, [summary, args])
    }

    fn __repr__(&self) -> String {
        format!(
            "<PortfolioSummary {}: {} documents, {} valid>",
            self.summary.date, self.summary.counts.documents, self.summary.counts.valid
        )
    }
}
