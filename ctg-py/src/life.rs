//! The life of a convention (core's `edit` and `diff` modules): the convention in force at a
//! date, the differences between two conventions, a renewal seen as a comparison. Read-only
//! views of core's results; every text is core's.

use ctg_core::{Amount, Decimal};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::model::{tuple, wrapper, Cache, PyAmendment, PyConvention};
use crate::{change, convert, lang, vocab};

wrapper!(
    /// A convention as in force at a date (``Convention.as_of``): its text with the amendments
    /// dated on or before that day applied in the order of their dates, then numbers
    /// (``convention``, which has no amendment of its own), those amendments (``applied``) and
    /// the later ones (``pending``).
    PyInForce, "InForce", ctg_core::InForce, cached 3
);
wrapper!(
    /// What differs between two conventions (``a.diff(b)``, ``ctg.diff(a, b)``): the changes
    /// that turn the first into the second, in a fixed order (period, parties, domains, stakes,
    /// objectives, action sheets — matched by number, then by title —, beneficiaries, amounts
    /// by line and year, declared totals), and the names of the other fields that differ.
    /// ``a.apply(diff.changes)`` gives a convention with no change left against ``b``.
    PyDiff, "Diff", ctg_core::Diff, cached 2
);
wrapper!(
    /// A renewal seen as a comparison (``new.renewal_of(previous)``): the action sheets that
    /// continue (matched by title), start and stop, the parties that joined or left, the
    /// domains added or removed, and how the envelope moved.
    PyRenewal, "Renewal", ctg_core::Renewal, cached 7
);
wrapper!(
    /// An action sheet kept from one convention to the next (matched by title).
    PySheetLink, "SheetLink", ctg_core::SheetLink
);
wrapper!(
    /// An action sheet by number and title.
    PySheetRef, "SheetRef", ctg_core::SheetRef
);
wrapper!(
    /// How the envelope moved from one convention to the next: totals (``None`` when a
    /// convention has no funding section) and yearly averages, exact.
    PyEnvelope, "Envelope", ctg_core::Envelope
);

fn money(a: Option<Amount>) -> Option<Decimal> {
    a.map(|a| a.to_decimal())
}

#[pymethods]
impl PyInForce {
    /// The text in force: the convention with the applied amendments' changes.
    #[getter]
    fn convention<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            Ok(Bound::new(py, PyConvention::new(self.0.convention().clone()))?.into_any())
        })
    }
    /// The amendments applied, in order.
    #[getter]
    fn applied<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 1, || {
            tuple(py, self.0.applied().iter().cloned().map(PyAmendment::new))
        })
    }
    /// The amendments dated after the date, not applied.
    #[getter]
    fn pending<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 2, || {
            tuple(py, self.0.pending().iter().cloned().map(PyAmendment::new))
        })
    }
    fn __repr__(&self) -> String {
        let numbers = |list: &[ctg_core::Amendment]| {
            list.iter()
                .map(|a| a.number().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "<InForce {} applied [{}], pending [{}]>",
            self.0.convention().id(),
            numbers(self.0.applied()),
            numbers(self.0.pending())
        )
    }
}

#[pymethods]
impl PyDiff {
    /// The changes, in order (each a ``Change`` subclass).
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            let items = self
                .0
                .changes()
                .iter()
                .map(|c| change::object(py, c.clone()))
                .collect::<PyResult<Vec<_>>>()?;
            tuple(py, items)
        })
    }
    /// The other top-level fields that differ, by name (``"title"``, ``"signature"``…).
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1
            .get(py, 1, || tuple(py, self.0.fields().iter().copied()))
    }
    /// Whether the two are the same (no change and no other field).
    #[getter]
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// One line per change, in ``lang`` (default: the current language), as ``ctg diff``
    /// prints them.
    #[pyo3(signature = (lang = None))]
    fn to_text(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.0.to_text(lang::resolve(py, lang)?))
    }
    /// The JSON form, as ``ctg diff --json`` writes it: ``{"changes": [...], "fields": [...]}``,
    /// an amount change with its ``difference`` (money as strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    /// The changes as columns, one row per change (for ``Diff.frame``).
    fn _change_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let changes = self.0.changes();
        let dict = PyDict::new(py);
        let column = |name: &str, values: Vec<Bound<'py, PyAny>>| dict.set_item(name, values);
        let none = || py.None().into_bound(py);
        let mut kind = Vec::new();
        let mut subject = Vec::new();
        let mut has_before = Vec::new();
        let mut has_after = Vec::new();
        let (mut beneficiary, mut facility_kind, mut domain, mut label, mut year) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut before_amount, mut after_amount, mut difference) =
            (Vec::new(), Vec::new(), Vec::new());
        for c in changes {
            let (b, a) = c.sides();
            kind.push(change::kind_code(c).into_pyobject(py)?.into_any());
            subject.push(c.subject().into_pyobject(py)?.into_any());
            has_before.push(b.into_pyobject(py)?.to_owned().into_any());
            has_after.push(a.into_pyobject(py)?.to_owned().into_any());
            match c {
                ctg_core::Change::Amount {
                    key,
                    year: y,
                    before,
                    after,
                } => {
                    beneficiary.push(key.beneficiary.clone().into_pyobject(py)?.into_any());
                    facility_kind.push(key.facility_kind.code().into_pyobject(py)?.into_any());
                    domain.push(match &key.domain {
                        Some(d) => d.code().into_pyobject(py)?.into_any(),
                        None => none(),
                    });
                    label.push(match &key.label {
                        Some(l) => l.clone().into_pyobject(py)?.into_any(),
                        None => none(),
                    });
                    year.push(y.into_pyobject(py)?.into_any());
                    before_amount.push(money(*before).into_pyobject(py)?.into_any());
                    after_amount.push(money(*after).into_pyobject(py)?.into_any());
                    difference.push(c.difference().into_pyobject(py)?.into_any());
                }
                _ => {
                    for col in [
                        &mut beneficiary,
                        &mut facility_kind,
                        &mut domain,
                        &mut label,
                        &mut year,
                        &mut before_amount,
                        &mut after_amount,
                        &mut difference,
                    ] {
                        col.push(none());
                    }
                }
            }
        }
        column("kind", kind)?;
        column("subject", subject)?;
        column("has_before", has_before)?;
        column("has_after", has_after)?;
        column("beneficiary", beneficiary)?;
        column("facility_kind", facility_kind)?;
        column("domain", domain)?;
        column("label", label)?;
        column("year", year)?;
        column("before_amount", before_amount)?;
        column("after_amount", after_amount)?;
        column("difference", difference)?;
        Ok(dict)
    }
    /// One row per change as a data frame: a ``pandas.DataFrame``, or with
    /// ``backend="polars"`` a ``polars.DataFrame``. Columns ``kind, subject, has_before,
    /// has_after`` for every change; ``beneficiary, facility_kind, domain, label, year,
    /// before_amount, after_amount, difference`` for an amount (null otherwise; an absent side
    /// is null, and counts as zero in ``difference``).
    #[pyo3(signature = (backend = "pandas", decimal = "arrow"))]
    fn frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._frames")?
            .call_method1("changes_frame", (slf, backend, decimal))
    }
    fn __len__(&self) -> usize {
        self.0.changes().len() + self.0.fields().len()
    }
    fn __bool__(&self) -> bool {
        !self.0.is_empty()
    }
    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_text(py, None)
    }
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.to_text(py, None)?;
        let escaped = py
            .import("html")?
            .call_method1("escape", (text,))?
            .extract::<String>()?;
        Ok(format!("<pre>{escaped}</pre>"))
    }
    fn __repr__(&self) -> String {
        format!(
            "<Diff {} changes, {} other fields>",
            self.0.changes().len(),
            self.0.fields().len()
        )
    }
}

#[pymethods]
impl PyRenewal {
    /// The id and period of the convention renewed.
    #[getter]
    fn previous(&self) -> (String, crate::model::PyPeriod) {
        let (id, period) = self.0.previous();
        (id.to_owned(), crate::model::PyPeriod::new(period))
    }
    /// The id and period of the renewing convention.
    #[getter]
    fn next(&self) -> (String, crate::model::PyPeriod) {
        let (id, period) = self.0.next();
        (id.to_owned(), crate::model::PyPeriod::new(period))
    }
    /// The action sheets that continue (``SheetLink``: previous number, new number, title).
    #[getter]
    fn continued<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            tuple(py, self.0.continued().iter().cloned().map(PySheetLink::new))
        })
    }
    /// The new action sheets.
    #[getter]
    fn started<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 1, || {
            tuple(py, self.0.started().iter().cloned().map(PySheetRef::new))
        })
    }
    /// The action sheets that stopped.
    #[getter]
    fn stopped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 2, || {
            tuple(py, self.0.stopped().iter().cloned().map(PySheetRef::new))
        })
    }
    /// The parties that joined (names).
    #[getter]
    fn joined<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 3, || tuple(py, self.0.joined()))
    }
    /// The parties that left (names).
    #[getter]
    fn left<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 4, || tuple(py, self.0.left()))
    }
    /// The domains added (``ThematicDomain`` members; a custom domain is its label).
    #[getter]
    fn domains_added<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 5, || {
            tuple(py, vocab::domains(py, self.0.domains_added())?)
        })
    }
    /// The domains dropped.
    #[getter]
    fn domains_removed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 6, || {
            tuple(py, vocab::domains(py, self.0.domains_removed())?)
        })
    }
    /// How the envelope moved.
    #[getter]
    fn envelope(&self) -> PyEnvelope {
        PyEnvelope::new(self.0.envelope().clone())
    }
    /// The renewal in words (core's, as ``ctg diff --renewal`` prints it), in ``lang``
    /// (default: the current language).
    #[pyo3(signature = (lang = None))]
    fn to_text(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.0.to_text(lang::resolve(py, lang)?))
    }
    /// The JSON form, as ``ctg diff --renewal --json`` writes it (money as strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_text(py, None)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Renewal {} continued, {} started, {} stopped>",
            self.0.continued().len(),
            self.0.started().len(),
            self.0.stopped().len()
        )
    }
}

#[pymethods]
impl PySheetLink {
    /// Its number in the previous convention.
    #[getter]
    fn previous(&self) -> u32 {
        self.0.previous
    }
    /// Its number in the new one.
    #[getter]
    fn next(&self) -> u32 {
        self.0.next
    }
    /// Its title (in the new one).
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    fn __repr__(&self) -> String {
        format!(
            "<SheetLink {} → {} {:?}>",
            self.0.previous, self.0.next, self.0.title
        )
    }
}

#[pymethods]
impl PySheetRef {
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
    fn __repr__(&self) -> String {
        format!("<SheetRef {} {:?}>", self.0.number, self.0.title)
    }
}

#[pymethods]
impl PyEnvelope {
    /// The previous convention's total.
    #[getter]
    fn previous_total(&self) -> Option<Decimal> {
        money(self.0.previous_total)
    }
    /// The new convention's total.
    #[getter]
    fn next_total(&self) -> Option<Decimal> {
        money(self.0.next_total)
    }
    /// The previous yearly average (total over the years of its period, to the cent).
    #[getter]
    fn previous_yearly_average(&self) -> Option<Decimal> {
        money(self.0.previous_yearly_average)
    }
    /// The new yearly average.
    #[getter]
    fn next_yearly_average(&self) -> Option<Decimal> {
        money(self.0.next_yearly_average)
    }
    /// New average minus previous average (euros, signed).
    #[getter]
    fn yearly_average_change(&self) -> Option<Decimal> {
        self.0.yearly_average_change
    }
    /// The JSON form (money as strings, ``None`` when absent).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        let money = |a: Option<Amount>| a.map_or_else(|| "—".to_owned(), |a| a.to_french());
        format!(
            "<Envelope {} → {}>",
            money(self.0.previous_total),
            money(self.0.next_total)
        )
    }
}
