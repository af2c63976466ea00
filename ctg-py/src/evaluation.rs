//! The evaluation of a convention (core's `evaluation` module): indicators at a date, indicator
//! rows, funding planned against paid, the yearly evaluation. Read-only views of core's results;
//! absent values stay `None`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ctg_core::{Decimal, Year};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::model::{tuple, wrapper, Cache};
use crate::{convert, lang, vocab};

wrapper!(
    /// Where one indicator of an action sheet stands at a date (``Convention.indicator_progress``):
    /// every indicator is listed, measured or not; what is not known is ``None``.
    PyIndicatorProgress, "IndicatorProgress", ctg_core::IndicatorProgress
);
wrapper!(
    /// One indicator and one of its measurements (``Convention.indicator_rows``); an indicator
    /// not measured yet is one row without ``date`` nor ``value``.
    PyIndicatorRow, "IndicatorRow", ctg_core::IndicatorRow
);
wrapper!(
    /// One funding line and year, planned against paid.
    PyExecutionRow, "ExecutionRow", ctg_core::ExecutionRow
);
wrapper!(
    /// One year of funding, planned against paid.
    PyYearExecution, "YearExecution", ctg_core::YearExecution
);
wrapper!(
    /// Funding executed against planned (``Convention.execution``): by line and year (``rows``)
    /// and by year (``by_year``).
    PyExecution, "Execution", ctg_core::Execution, cached 1
);
wrapper!(
    /// An action sheet whose schedule has ended while it is neither done nor abandoned.
    PyLateSheet, "LateSheet", ctg_core::LateSheet
);
wrapper!(
    /// The yearly evaluation of a convention (``Convention.evaluation(year)``): sheets by status,
    /// the late ones, every indicator, the year's funding planned against paid; ``to_text()`` is
    /// core's report (as ``ctg evaluate`` prints it).
    PyEvaluation, "Evaluation", ctg_core::Evaluation, cached 4
);

fn money(a: ctg_core::Amount) -> Decimal {
    a.to_decimal()
}

#[pymethods]
impl PyIndicatorProgress {
    /// Number of the action sheet.
    #[getter]
    fn action_sheet(&self) -> u32 {
        self.0.action_sheet
    }
    /// Name of the indicator.
    #[getter]
    fn indicator(&self) -> &str {
        &self.0.indicator
    }
    /// Its unit.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }
    /// Its baseline.
    #[getter]
    fn baseline(&self) -> Option<Decimal> {
        self.0.baseline
    }
    /// Its target.
    #[getter]
    fn target(&self) -> Option<Decimal> {
        self.0.target
    }
    /// The date of the measurement used (the latest on or before the date asked).
    #[getter]
    fn measured_on(&self) -> Option<NaiveDate> {
        self.0.measured_on
    }
    /// The value measured then.
    #[getter]
    fn latest(&self) -> Option<Decimal> {
        self.0.latest
    }
    /// ``(latest − baseline) / (target − baseline)`` rounded to 4 decimals: 0 at the baseline,
    /// 1 at the target; ``None`` when it cannot be computed.
    #[getter]
    fn progress(&self) -> Option<Decimal> {
        self.0.progress
    }
    /// Where it stands (``IndicatorStatus``: ``not_measured``, ``no_target``, ``in_progress``,
    /// ``reached``).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::indicator_status(py, self.0.status)
    }
    /// The JSON form (decimals as strings), as ``ctg report --json`` writes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "<IndicatorProgress {} {:?} {}>",
            self.0.action_sheet,
            self.0.indicator,
            self.0.status.code()
        )
    }
}

#[pymethods]
impl PyIndicatorRow {
    /// Number of the action sheet.
    #[getter]
    fn action_sheet(&self) -> u32 {
        self.0.action_sheet
    }
    /// Title of the action sheet.
    #[getter]
    fn action_sheet_title(&self) -> &str {
        &self.0.action_sheet_title
    }
    /// Name of the indicator.
    #[getter]
    fn indicator(&self) -> &str {
        &self.0.indicator
    }
    /// Its unit.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }
    /// Its baseline.
    #[getter]
    fn baseline(&self) -> Option<Decimal> {
        self.0.baseline
    }
    /// Its target.
    #[getter]
    fn target(&self) -> Option<Decimal> {
        self.0.target
    }
    /// The date of the measurement (``None``: not measured yet).
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        self.0.date
    }
    /// The value measured.
    #[getter]
    fn value(&self) -> Option<Decimal> {
        self.0.value
    }
    /// Progress at that measurement.
    #[getter]
    fn progress(&self) -> Option<Decimal> {
        self.0.progress
    }
    fn __repr__(&self) -> String {
        format!(
            "<IndicatorRow {} {:?} {}>",
            self.0.action_sheet,
            self.0.indicator,
            self.0
                .date
                .map_or_else(|| "not measured".to_owned(), |d| d.to_string())
        )
    }
}

#[pymethods]
impl PyExecutionRow {
    /// Id of the beneficiary.
    #[getter]
    fn beneficiary(&self) -> &str {
        &self.0.beneficiary
    }
    /// Its name.
    #[getter]
    fn beneficiary_name(&self) -> &str {
        &self.0.beneficiary_name
    }
    /// What the line funds.
    #[getter]
    fn facility_kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::facility_kind(py, self.0.facility_kind)
    }
    /// The line's domain (with the label, it tells apart lines of one beneficiary and kind).
    #[getter]
    fn domain<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .domain
            .as_ref()
            .map(|d| vocab::domain(py, d))
            .transpose()
    }
    /// The line's label.
    #[getter]
    fn label(&self) -> Option<&str> {
        self.0.label.as_deref()
    }
    /// The year.
    #[getter]
    fn year(&self) -> Year {
        self.0.year
    }
    /// What was planned.
    #[getter]
    fn planned(&self) -> Decimal {
        money(self.0.planned)
    }
    /// What was paid, when known (``None``: not known, which is not zero).
    #[getter]
    fn paid(&self) -> Option<Decimal> {
        self.0.paid.map(money)
    }
    /// ``planned − paid`` (signed), when the paid amount is known.
    #[getter]
    fn gap(&self) -> Option<Decimal> {
        self.0.gap
    }
    fn __repr__(&self) -> String {
        format!(
            "<ExecutionRow {} {} {}>",
            self.0.beneficiary,
            self.0.facility_kind.code(),
            self.0.year
        )
    }
}

#[pymethods]
impl PyYearExecution {
    /// What was planned that year.
    #[getter]
    fn planned(&self) -> Decimal {
        money(self.0.planned)
    }
    /// What was paid, on the lines where it is known; ``None`` when no line says.
    #[getter]
    fn paid(&self) -> Option<Decimal> {
        self.0.paid.map(money)
    }
    /// How many lines have a planned amount that year.
    #[getter]
    fn lines(&self) -> usize {
        self.0.lines
    }
    /// How many of them say what was paid.
    #[getter]
    fn lines_paid_known(&self) -> usize {
        self.0.lines_paid_known
    }
    /// ``planned − paid`` on the lines where paid is known.
    #[getter]
    fn gap(&self) -> Option<Decimal> {
        self.0.gap
    }
    fn __repr__(&self) -> String {
        format!(
            "<YearExecution planned {}, paid {}>",
            self.0.planned.to_french(),
            self.0
                .paid
                .map_or_else(|| "—".to_owned(), |p| p.to_french())
        )
    }
}

#[pymethods]
impl PyExecution {
    /// One row per funding line and planned year.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            tuple(py, self.0.rows.iter().cloned().map(PyExecutionRow::new))
        })
    }
    /// Per year of the period (a new ``dict`` at each access).
    #[getter]
    fn by_year(&self) -> BTreeMap<Year, PyYearExecution> {
        self.0
            .by_year
            .iter()
            .map(|(&year, e)| (year, PyYearExecution::new(e.clone())))
            .collect()
    }
    /// The JSON form (money as strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!("<Execution {} rows>", self.0.rows.len())
    }
}

#[pymethods]
impl PyLateSheet {
    /// Its number.
    #[getter]
    fn number(&self) -> u32 {
        self.0.number
    }
    /// Its title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// The end of its schedule.
    #[getter]
    fn end(&self) -> NaiveDate {
        self.0.end
    }
    /// Its status.
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::action_status(py, self.0.status)
    }
    fn __repr__(&self) -> String {
        format!("<LateSheet {} {:?}>", self.0.number, self.0.title)
    }
}

#[pymethods]
impl PyEvaluation {
    /// The convention's id.
    #[getter]
    fn convention(&self) -> &str {
        &self.0.convention
    }
    /// The year evaluated.
    #[getter]
    fn year(&self) -> Year {
        self.0.year
    }
    /// The day things are judged on: the end of the year, or ``today`` when earlier.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.0.as_of
    }
    /// The sheet numbers by status (``ActionStatus`` keys; a new ``dict`` at each access).
    #[getter]
    fn sheets_by_status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (&status, numbers) in &self.0.sheets_by_status {
            dict.set_item(
                vocab::action_status(py, status)?,
                tuple(py, numbers.clone())?,
            )?;
        }
        Ok(dict)
    }
    /// The sheets late on ``as_of``.
    #[getter]
    fn late<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            tuple(py, self.0.late.iter().cloned().map(PyLateSheet::new))
        })
    }
    /// Every indicator on ``as_of``.
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 1, || {
            tuple(
                py,
                self.0
                    .indicators
                    .iter()
                    .cloned()
                    .map(PyIndicatorProgress::new),
            )
        })
    }
    /// The year's funding, planned against paid (``None`` without a funding section).
    #[getter]
    fn funding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 2, || match &self.0.funding {
            Some(f) => Ok(Bound::new(py, PyYearExecution::new(f.clone()))?.into_any()),
            None => Ok(py.None().into_bound(py)),
        })
    }
    /// The year's funding lines, planned against paid.
    #[getter]
    fn funding_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 3, || {
            tuple(
                py,
                self.0.funding_rows.iter().cloned().map(PyExecutionRow::new),
            )
        })
    }
    /// The evaluation in words (core's report, as ``ctg evaluate`` prints it), in ``lang``
    /// (default: the current language).
    #[pyo3(signature = (lang = None))]
    fn to_text(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.0.to_text(lang::resolve(py, lang)?))
    }
    /// The JSON form, as ``ctg evaluate --json`` writes it (money and decimals as strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_text(py, None)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Evaluation {} {} as of {}>",
            self.0.convention, self.0.year, self.0.as_of
        )
    }
}
