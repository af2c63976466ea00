//! The model classes: read-only views of core's validated types, with native Python values
//! (`decimal.Decimal` money, `datetime.date` dates, `int` years, `enum.Enum` vocabularies).
//!
//! Every object is frozen, so the Python objects of its collections are made once, on first
//! access, and kept: `conv.parties` gives the same tuple each time (tuples, so that no caller can
//! change what the next one reads), and the view objects inside it are made once too.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ctg_core::{Amount, Decimal, Year};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple};
use pyo3::IntoPyObjectExt;

use crate::convert;
use crate::lang;
use crate::limits::PyLimits;
use crate::vocab;

/// The Python objects of a frozen object's attributes, each made on first access.
pub(crate) struct Cache<const N: usize>([PyOnceLock<Py<PyAny>>; N]);

impl<const N: usize> Cache<N> {
    fn new() -> Cache<N> {
        Cache(std::array::from_fn(|_| PyOnceLock::new()))
    }

    /// The object in `slot`, made by `make` the first time.
    fn get<'py>(
        &self,
        py: Python<'py>,
        slot: usize,
        make: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let object = self.0[slot].get_or_try_init(py, || make().map(Bound::unbind))?;
        Ok(object.bind(py).clone())
    }
}

/// A tuple of the items' Python objects.
fn tuple<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T, IntoIter: ExactSizeIterator>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyTuple::new(py, items)?.into_any())
}

/// A value's Python object, or `None`.
fn optional<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    value: Option<T>,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Some(v) => Ok(v.into_bound_py_any(py)?),
        None => Ok(py.None().into_bound(py)),
    }
}

/// Item `index` of a cached tuple.
fn item<'py>(items: &Bound<'py, PyAny>, index: usize) -> PyResult<Bound<'py, PyAny>> {
    items.cast::<PyTuple>()?.get_item(index)
}

fn money(a: Amount) -> Decimal {
    a.to_decimal()
}

fn money_map<K: Clone + Ord>(map: &BTreeMap<K, Amount>) -> BTreeMap<K, Decimal> {
    map.iter().map(|(k, &v)| (k.clone(), money(v))).collect()
}

/// Declares a frozen read-only wrapper class around a core type; `cached N` gives it a cache
/// of `N` attribute objects (its collections).
macro_rules! wrapper {
    ($(#[$doc:meta])* $py:ident, $name:literal, $core:ty) => {
        $(#[$doc])*
        #[pyclass(frozen, eq, module = "ctg._ctg", name = $name)]
        #[derive(PartialEq)]
        pub(crate) struct $py(pub(crate) $core);

        impl $py {
            pub(crate) fn new(inner: $core) -> $py {
                $py(inner)
            }
        }
    };
    ($(#[$doc:meta])* $py:ident, $name:literal, $core:ty, cached $n:literal) => {
        $(#[$doc])*
        #[pyclass(frozen, eq, module = "ctg._ctg", name = $name)]
        pub(crate) struct $py(pub(crate) $core, Cache<$n>);

        impl $py {
            pub(crate) fn new(inner: $core) -> $py {
                $py(inner, Cache::new())
            }
        }

        impl PartialEq for $py {
            fn eq(&self, other: &$py) -> bool {
                self.0 == other.0
            }
        }
    };
}

wrapper!(
    /// The years a convention covers (first and last inclusive).
    PyPeriod, "Period", ctg_core::Period, cached 1
);
wrapper!(
    /// When and where a convention was signed.
    PySignature, "Signature", ctg_core::Signature
);
wrapper!(
    /// An early end of a convention.
    PyTermination, "Termination", ctg_core::Termination
);
wrapper!(
    /// The convention (a first CTG, or a CEJ) that this one renews.
    PyPreviousConvention, "PreviousConvention", ctg_core::PreviousConvention
);
wrapper!(
    /// A signatory or associated partner: a Caf, a collectivity or another body.
    PyParty, "Party", ctg_core::Party, cached 2
);
wrapper!(
    /// The shared diagnostic the convention is based on.
    PyDiagnostic, "Diagnostic", ctg_core::Diagnostic, cached 1
);
wrapper!(
    /// A stake (*enjeu*).
    PyStake, "Stake", ctg_core::Stake
);
wrapper!(
    /// A strategic objective.
    PyObjective, "Objective", ctg_core::Objective, cached 1
);
wrapper!(
    /// A numbered action of the plan (*fiche action*).
    PyActionSheet, "ActionSheet", ctg_core::ActionSheet, cached 5
);
wrapper!(
    /// An evaluation indicator of an action sheet.
    PyIndicator, "Indicator", ctg_core::Indicator, cached 1
);
wrapper!(
    /// One measured value of an indicator.
    PyMeasurement, "Measurement", ctg_core::Measurement
);
wrapper!(
    /// The Caf's envelope: beneficiaries, allocations and declared totals.
    PyFunding, "Funding", ctg_core::Funding, cached 2
);
wrapper!(
    /// An operator that receives money.
    PyBeneficiary, "Beneficiary", ctg_core::Beneficiary
);
wrapper!(
    /// Money for one beneficiary and one kind of facility, per year.
    PyAllocation, "Allocation", ctg_core::Allocation
);
wrapper!(
    /// A committee that steers or follows the convention.
    PyGovernanceBody, "GovernanceBody", ctg_core::GovernanceBody, cached 1
);
wrapper!(
    /// An amendment (*avenant*).
    PyAmendment, "Amendment", ctg_core::Amendment
);
wrapper!(
    /// Exact totals of a convention's funding (``Convention.totals()``).
    PyTotals, "Totals", ctg_core::Totals
);

#[pymethods]
impl PyPeriod {
    /// First civil year covered.
    #[getter]
    fn first_year(&self) -> Year {
        self.0.first_year()
    }
    /// Last civil year covered (inclusive).
    #[getter]
    fn last_year(&self) -> Year {
        self.0.last_year()
    }
    /// The years covered, in order.
    #[getter]
    fn years<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1
            .get(py, 0, || tuple(py, self.0.years().collect::<Vec<_>>()))
    }
    /// January 1st of the first year.
    #[getter]
    fn start_date(&self) -> NaiveDate {
        self.0.start_date()
    }
    /// December 31st of the last year.
    #[getter]
    fn end_date(&self) -> NaiveDate {
        self.0.end_date()
    }
    /// Number of years covered.
    fn __len__(&self) -> usize {
        self.0.len() as usize
    }
    fn __contains__(&self, year: Year) -> bool {
        self.0.contains(year)
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
    fn __repr__(&self) -> String {
        format!("<Period {}>", self.0)
    }
}

#[pymethods]
impl PySignature {
    /// Day of the signature.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date()
    }
    /// Where it was signed.
    #[getter]
    fn place(&self) -> Option<&str> {
        self.0.place()
    }
    fn __repr__(&self) -> String {
        format!("<Signature {}>", self.0.date())
    }
}

#[pymethods]
impl PyTermination {
    /// Day the convention ended early.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date()
    }
    /// Why.
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.0.reason()
    }
    fn __repr__(&self) -> String {
        format!("<Termination {}>", self.0.date())
    }
}

#[pymethods]
impl PyPreviousConvention {
    /// Id of the previous convention, when known.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.0.id()
    }
    /// Its title.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title()
    }
    /// Its first year.
    #[getter]
    fn first_year(&self) -> Option<Year> {
        self.0.first_year()
    }
    /// Its last year.
    #[getter]
    fn last_year(&self) -> Option<Year> {
        self.0.last_year()
    }
    fn __repr__(&self) -> String {
        format!("<PreviousConvention {:?}>", self.0.id().unwrap_or(""))
    }
}

#[pymethods]
impl PyParty {
    /// Unique among the parties.
    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }
    /// Official name.
    #[getter]
    fn name(&self) -> &str {
        self.0.name()
    }
    /// What the body is.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::party_kind(py, self.0.kind())
    }
    /// Its role in the convention.
    #[getter]
    fn role<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::party_role(py, self.0.role())
    }
    /// INSEE code of a commune.
    #[getter]
    fn insee(&self) -> Option<&str> {
        self.0.insee().as_ref().map(|c| c.as_str())
    }
    /// SIREN of the legal body.
    #[getter]
    fn siren(&self) -> Option<&str> {
        self.0.siren().as_ref().map(|c| c.as_str())
    }
    /// SIRET of an establishment.
    #[getter]
    fn siret(&self) -> Option<&str> {
        self.0.siret().as_ref().map(|c| c.as_str())
    }
    /// Département code.
    #[getter]
    fn departement(&self) -> Option<&str> {
        self.0.departement().as_ref().map(|c| c.as_str())
    }
    /// INSEE codes of the member communes (EPCI, syndicate).
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            tuple(py, self.0.members().iter().map(|c| c.as_str()))
        })
    }
    /// Date of the council's deliberation approving the convention.
    #[getter]
    fn deliberation_date(&self) -> Option<NaiveDate> {
        self.0.deliberation_date()
    }
    /// Other spellings found in the sources.
    #[getter]
    fn aliases<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 1, || tuple(py, self.0.aliases()))
    }
    /// Whether it is a collectivity (commune, EPCI, syndicate, département, CCAS/CIAS).
    #[getter]
    fn is_collectivity(&self) -> bool {
        self.0.is_collectivity()
    }
    fn __repr__(&self) -> String {
        format!(
            "<Party {} {:?} ({}, {})>",
            self.0.id(),
            self.0.name(),
            self.0.kind().code(),
            self.0.role().code()
        )
    }
}

#[pymethods]
impl PyDiagnostic {
    /// When it started.
    #[getter]
    fn start_date(&self) -> Option<NaiveDate> {
        self.0.start_date()
    }
    /// When it ended.
    #[getter]
    fn end_date(&self) -> Option<NaiveDate> {
        self.0.end_date()
    }
    /// Who made it.
    #[getter]
    fn author(&self) -> Option<&str> {
        self.0.author()
    }
    /// Data used.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || tuple(py, self.0.sources()))
    }
    fn __repr__(&self) -> String {
        format!("<Diagnostic {:?}>", self.0.author().unwrap_or(""))
    }
}

#[pymethods]
impl PyStake {
    /// Unique among stakes.
    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }
    /// The stake as written.
    #[getter]
    fn title(&self) -> &str {
        self.0.title()
    }
    fn __repr__(&self) -> String {
        format!("<Stake {} {:?}>", self.0.id(), self.0.title())
    }
}

#[pymethods]
impl PyObjective {
    /// Unique among objectives.
    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }
    /// The objective as written.
    #[getter]
    fn title(&self) -> &str {
        self.0.title()
    }
    /// Ids of the stakes it answers.
    #[getter]
    fn stakes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || tuple(py, self.0.stakes()))
    }
    fn __repr__(&self) -> String {
        format!("<Objective {} {:?}>", self.0.id(), self.0.title())
    }
}

#[pymethods]
impl PyActionSheet {
    /// Number, unique in the convention (from 1).
    #[getter]
    fn number(&self) -> u32 {
        self.0.number()
    }
    /// Title.
    #[getter]
    fn title(&self) -> &str {
        self.0.title()
    }
    /// Thematic domains (``ThematicDomain`` members; a custom domain is its label, a ``str``).
    #[getter]
    fn domains<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1
            .get(py, 0, || tuple(py, vocab::domains(py, self.0.domains())?))
    }
    /// Ids of the objectives it serves.
    #[getter]
    fn objectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 1, || tuple(py, self.0.objectives()))
    }
    /// Id of the party that leads it.
    #[getter]
    fn lead(&self) -> Option<&str> {
        self.0.lead()
    }
    /// Other actors involved (free text).
    #[getter]
    fn partners<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 2, || tuple(py, self.0.partners()))
    }
    /// Who it is for.
    #[getter]
    fn target_public(&self) -> Option<&str> {
        self.0.target_public()
    }
    /// INSEE codes of the communes concerned.
    #[getter]
    fn communes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 3, || {
            tuple(py, self.0.communes().iter().map(|c| c.as_str()))
        })
    }
    /// First day of its schedule.
    #[getter]
    fn start(&self) -> Option<NaiveDate> {
        self.0.schedule().and_then(|s| s.start())
    }
    /// Last day of its schedule.
    #[getter]
    fn end(&self) -> Option<NaiveDate> {
        self.0.schedule().and_then(|s| s.end())
    }
    /// Where it stands.
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::action_status(py, self.0.status())
    }
    /// Its budget, when known.
    #[getter]
    fn budget(&self) -> Option<Decimal> {
        self.0.budget().map(money)
    }
    /// How it is evaluated.
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 4, || {
            tuple(
                py,
                self.0.indicators().iter().cloned().map(PyIndicator::new),
            )
        })
    }
    fn __repr__(&self) -> String {
        format!("<ActionSheet {} {:?}>", self.0.number(), self.0.title())
    }
}

#[pymethods]
impl PyIndicator {
    /// What is measured.
    #[getter]
    fn name(&self) -> &str {
        self.0.name()
    }
    /// Unit.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.unit()
    }
    /// Initial value.
    #[getter]
    fn baseline(&self) -> Option<Decimal> {
        self.0.baseline()
    }
    /// Value aimed at.
    #[getter]
    fn target(&self) -> Option<Decimal> {
        self.0.target()
    }
    /// Measured values, oldest first.
    #[getter]
    fn measurements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            tuple(
                py,
                self.0
                    .measurements()
                    .iter()
                    .cloned()
                    .map(PyMeasurement::new),
            )
        })
    }
    /// The most recent measurement.
    #[getter]
    fn latest<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        // Core's choice, given as the same object as in `measurements`.
        let index = self.0.latest().and_then(|latest| {
            self.0
                .measurements()
                .iter()
                .position(|m| std::ptr::eq(m, latest))
        });
        match index {
            Some(index) => item(&self.measurements(py)?, index),
            None => Ok(py.None().into_bound(py)),
        }
    }
    /// ``(latest - baseline) / (target - baseline)`` rounded to 4 decimals, or ``None``.
    #[getter]
    fn progress(&self) -> Option<Decimal> {
        self.0.progress()
    }
    fn __repr__(&self) -> String {
        format!("<Indicator {:?}>", self.0.name())
    }
}

#[pymethods]
impl PyMeasurement {
    /// When it was measured.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date()
    }
    /// The value.
    #[getter]
    fn value(&self) -> Decimal {
        self.0.value()
    }
    fn __repr__(&self) -> String {
        format!("<Measurement {} {}>", self.0.date(), self.0.value())
    }
}

#[pymethods]
impl PyFunding {
    /// Operators that receive money.
    #[getter]
    fn beneficiaries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            tuple(
                py,
                self.0
                    .beneficiaries()
                    .iter()
                    .cloned()
                    .map(PyBeneficiary::new),
            )
        })
    }
    /// Allocations, in document order.
    #[getter]
    fn allocations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 1, || {
            tuple(
                py,
                self.0.allocations().iter().cloned().map(PyAllocation::new),
            )
        })
    }
    /// The yearly envelopes as the source declares them.
    #[getter]
    fn declared_yearly(&self) -> BTreeMap<Year, Decimal> {
        money_map(self.0.declared().yearly())
    }
    /// The whole-period envelope as the source declares it.
    #[getter]
    fn declared_total(&self) -> Option<Decimal> {
        self.0.declared().total().map(money)
    }
    /// The beneficiary with this id, or ``None``.
    fn beneficiary<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let found = self.0.beneficiary(id).and_then(|b| {
            self.0
                .beneficiaries()
                .iter()
                .position(|other| std::ptr::eq(other, b))
        });
        match found {
            Some(index) => item(&self.beneficiaries(py)?, index),
            None => Ok(py.None().into_bound(py)),
        }
    }
    fn __repr__(&self) -> String {
        format!(
            "<Funding {} beneficiaries, {} allocations>",
            self.0.beneficiaries().len(),
            self.0.allocations().len()
        )
    }
}

#[pymethods]
impl PyBeneficiary {
    /// Unique among beneficiaries.
    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }
    /// Name.
    #[getter]
    fn name(&self) -> &str {
        self.0.name()
    }
    /// SIRET of the operator.
    #[getter]
    fn siret(&self) -> Option<&str> {
        self.0.siret().as_ref().map(|s| s.as_str())
    }
    /// Id of the party it is, when it is one.
    #[getter]
    fn party(&self) -> Option<&str> {
        self.0.party()
    }
    fn __repr__(&self) -> String {
        format!("<Beneficiary {} {:?}>", self.0.id(), self.0.name())
    }
}

#[pymethods]
impl PyAllocation {
    /// Id of the beneficiary.
    #[getter]
    fn beneficiary(&self) -> &str {
        self.0.beneficiary()
    }
    /// What it funds.
    #[getter]
    fn facility_kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::facility_kind(py, self.0.facility_kind())
    }
    /// Its thematic domain (a custom domain is its label, a ``str``).
    #[getter]
    fn domain<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .domain()
            .as_ref()
            .map(|d| vocab::domain(py, d))
            .transpose()
    }
    /// Free description.
    #[getter]
    fn label(&self) -> Option<&str> {
        self.0.label()
    }
    /// Amount per year.
    #[getter]
    fn amounts(&self) -> BTreeMap<Year, Decimal> {
        money_map(self.0.amounts())
    }
    fn __repr__(&self) -> String {
        format!(
            "<Allocation {} {}>",
            self.0.beneficiary(),
            self.0.facility_kind().code()
        )
    }
}

#[pymethods]
impl PyGovernanceBody {
    /// Which kind of committee.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::governance_kind(py, self.0.kind())
    }
    /// Its name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name()
    }
    /// How often it meets.
    #[getter]
    fn frequency(&self) -> Option<&str> {
        self.0.frequency()
    }
    /// Ids of the parties sitting on it.
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || tuple(py, self.0.members()))
    }
    fn __repr__(&self) -> String {
        format!("<GovernanceBody {}>", self.0.kind().code())
    }
}

#[pymethods]
impl PyAmendment {
    /// Number, unique in the convention.
    #[getter]
    fn number(&self) -> u32 {
        self.0.number()
    }
    /// Date of the amendment.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date()
    }
    /// What it changes.
    #[getter]
    fn summary(&self) -> &str {
        self.0.summary()
    }
    fn __repr__(&self) -> String {
        format!("<Amendment {} {}>", self.0.number(), self.0.date())
    }
}

#[pymethods]
impl PyTotals {
    /// Sum of every allocation.
    #[getter]
    fn total(&self) -> Decimal {
        money(self.0.total)
    }
    /// Per year of the period (every year present, zero when unfunded).
    #[getter]
    fn by_year(&self) -> BTreeMap<Year, Decimal> {
        money_map(&self.0.by_year)
    }
    /// Per beneficiary id.
    #[getter]
    fn by_beneficiary(&self) -> BTreeMap<String, Decimal> {
        money_map(&self.0.by_beneficiary)
    }
    /// Per beneficiary id, then per year.
    #[getter]
    fn by_beneficiary_year(&self) -> BTreeMap<String, BTreeMap<Year, Decimal>> {
        self.0
            .by_beneficiary_year
            .iter()
            .map(|(k, v)| (k.clone(), money_map(v)))
            .collect()
    }
    /// Per domain code (``"unassigned"`` for allocations without a domain; a custom domain
    /// under its label).
    #[getter]
    fn by_domain(&self) -> BTreeMap<String, Decimal> {
        money_map(&self.0.by_domain)
    }
    /// Per facility kind (``FacilityKind`` keys, equal to their code strings).
    #[getter]
    fn by_facility_kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (&kind, &amount) in &self.0.by_facility_kind {
            dict.set_item(vocab::facility_kind(py, kind)?, money(amount))?;
        }
        Ok(dict)
    }
    /// Sum of the ``coordination`` allocations (the CTG coordination post).
    #[getter]
    fn coordination(&self) -> Decimal {
        money(self.0.coordination)
    }
    /// ``coordination / total`` rounded half away from zero to 4 decimals; ``None`` when the
    /// total is 0.
    #[getter]
    fn coordination_share(&self) -> Option<Decimal> {
        self.0.coordination_share
    }
    /// The totals as plain Python values (``Decimal`` money, ``int`` years, ``str`` keys).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("total", self.total())?;
        dict.set_item("by_year", self.by_year())?;
        dict.set_item("by_beneficiary", self.by_beneficiary())?;
        dict.set_item("by_beneficiary_year", self.by_beneficiary_year())?;
        dict.set_item("by_domain", self.by_domain())?;
        let by_kind: BTreeMap<&str, Decimal> = self
            .0
            .by_facility_kind
            .iter()
            .map(|(k, &v)| (k.code(), money(v)))
            .collect();
        dict.set_item("by_facility_kind", by_kind)?;
        dict.set_item("coordination", self.coordination())?;
        dict.set_item("coordination_share", self.coordination_share())?;
        Ok(dict)
    }
    fn __repr__(&self) -> String {
        format!("<Totals {}>", self.0.total.to_french())
    }
}

/// A valid *Convention Territoriale Globale*.
///
/// Only validation makes one (``ctg.load``, ``ctg.loads``, ``Convention.from_dict``,
/// ``ctg.sample``), so every invariant holds: identifiers are checked, references resolve,
/// declared totals equal the sums. Read-only (its collections are tuples, made once and shared by
/// every access); equal conventions compare equal; picklable.
#[pyclass(frozen, module = "ctg._ctg", name = "Convention")]
pub(crate) struct PyConvention(pub(crate) ctg_core::Convention, Cache<17>);

impl PyConvention {
    pub(crate) fn new(conv: ctg_core::Convention) -> PyConvention {
        PyConvention(conv, Cache::new())
    }

    /// The cached party objects at the positions of `chosen` among the parties.
    fn parties_among<'py, 'a>(
        &'a self,
        py: Python<'py>,
        chosen: impl Iterator<Item = &'a ctg_core::Party>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let parties = self.parties(py)?;
        let all = self.0.parties();
        let items = chosen
            .filter_map(|p| all.iter().position(|other| std::ptr::eq(other, p)))
            .map(|index| item(&parties, index))
            .collect::<PyResult<Vec<_>>>()?;
        tuple(py, items)
    }
}

/// Slots of [`PyConvention`]'s cache.
mod slot {
    pub(super) const PERIOD: usize = 0;
    pub(super) const SIGNATURE: usize = 1;
    pub(super) const TERMINATION: usize = 2;
    pub(super) const RENEWS: usize = 3;
    pub(super) const PARTIES: usize = 4;
    pub(super) const CAFS: usize = 5;
    pub(super) const COLLECTIVITIES: usize = 6;
    pub(super) const DOMAINS: usize = 7;
    pub(super) const DIAGNOSTIC: usize = 8;
    pub(super) const STAKES: usize = 9;
    pub(super) const OBJECTIVES: usize = 10;
    pub(super) const ACTION_SHEETS: usize = 11;
    pub(super) const FUNDING: usize = 12;
    pub(super) const GOVERNANCE: usize = 13;
    pub(super) const AMENDMENTS: usize = 14;
    pub(super) const SOURCES: usize = 15;
    pub(super) const TOTALS: usize = 16;
}

/// `datetime.date.today()`: the binding reads the clock, core never does.
fn today(py: Python<'_>, today: Option<NaiveDate>) -> PyResult<NaiveDate> {
    match today {
        Some(day) => Ok(day),
        None => py
            .import("datetime")?
            .getattr("date")?
            .call_method0("today")?
            .extract::<NaiveDate>(),
    }
}

#[pymethods]
impl PyConvention {
    /// Validates a Python value (a ``dict`` as ``json.load`` gives; ``Decimal``, ``date``, numpy
    /// integers accepted) into a convention, within ``limits`` (default: ``ctg.Limits()``);
    /// raises ``ctg.ValidationError`` listing every problem.
    #[staticmethod]
    #[pyo3(signature = (data, *, limits = None))]
    fn from_dict(data: &Bound<'_, PyAny>, limits: Option<&PyLimits>) -> PyResult<PyConvention> {
        crate::convention_from_host(data, limits)
    }

    /// Validates JSON text (``str``, ``bytes``, ``bytearray`` or ``memoryview``) into a
    /// convention, within ``limits``; raises ``ctg.ValidationError`` listing every problem.
    #[staticmethod]
    #[pyo3(signature = (data, *, limits = None))]
    fn from_json(data: &Bound<'_, PyAny>, limits: Option<&PyLimits>) -> PyResult<PyConvention> {
        crate::loads(data, limits)
    }

    /// The canonical JSON form as a ``dict`` (money as ``"241801.00"`` strings, dates as ISO
    /// strings), like pydantic's ``model_dump(mode="json")``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_python(py, &self.0.to_value())
    }

    /// The canonical JSON text: compact, or pretty-printed with ``indent`` spaces.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        match indent {
            None => Ok(self.0.to_json()),
            Some(n) => {
                let spaces = " ".repeat(n);
                let mut out = Vec::new();
                let formatter = serde_json::ser::PrettyFormatter::with_indent(spaces.as_bytes());
                let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
                serde::Serialize::serialize(&self.0, &mut ser)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                String::from_utf8(out)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
            }
        }
    }

    /// Format version (always 1).
    #[getter]
    fn format_version(&self) -> u32 {
        self.0.format_version()
    }
    /// Identifier (``"ctg-81-thore-montagne-noire-2023"``).
    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }
    /// Title.
    #[getter]
    fn title(&self) -> &str {
        self.0.title()
    }
    /// The years covered.
    #[getter]
    fn period<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::PERIOD, || {
            Ok(PyPeriod::new(self.0.period()).into_pyobject(py)?.into_any())
        })
    }
    /// The signature, ``None`` while a draft.
    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::SIGNATURE, || {
            optional(py, self.0.signature().cloned().map(PySignature::new))
        })
    }
    /// The early termination, if any.
    #[getter]
    fn termination<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::TERMINATION, || {
            optional(py, self.0.termination().cloned().map(PyTermination::new))
        })
    }
    /// The convention this one renews.
    #[getter]
    fn renews<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::RENEWS, || {
            optional(py, self.0.renews().cloned().map(PyPreviousConvention::new))
        })
    }
    /// Every party, in document order.
    #[getter]
    fn parties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::PARTIES, || {
            tuple(py, self.0.parties().iter().cloned().map(PyParty::new))
        })
    }
    /// The Caf(s) (the same objects as in ``parties``).
    #[getter]
    fn cafs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1
            .get(py, slot::CAFS, || self.parties_among(py, self.0.cafs()))
    }
    /// The collectivities among the parties (the same objects as in ``parties``).
    #[getter]
    fn collectivities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::COLLECTIVITIES, || {
            self.parties_among(py, self.0.collectivities())
        })
    }
    /// The party with this id (the same object as in ``parties``), or ``None``.
    fn party<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let all = self.0.parties();
        let found = self
            .0
            .party(id)
            .and_then(|p| all.iter().position(|other| std::ptr::eq(other, p)));
        match found {
            Some(index) => item(&self.parties(py)?, index),
            None => Ok(py.None().into_bound(py)),
        }
    }
    /// The thematic domains (``ThematicDomain`` members; a custom domain is its label, a ``str``).
    #[getter]
    fn domains<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::DOMAINS, || {
            tuple(py, vocab::domains(py, self.0.domains())?)
        })
    }
    /// The shared diagnostic.
    #[getter]
    fn diagnostic<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::DIAGNOSTIC, || {
            optional(py, self.0.diagnostic().cloned().map(PyDiagnostic::new))
        })
    }
    /// The stakes (*enjeux*).
    #[getter]
    fn stakes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::STAKES, || {
            tuple(py, self.0.stakes().iter().cloned().map(PyStake::new))
        })
    }
    /// The strategic objectives.
    #[getter]
    fn objectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::OBJECTIVES, || {
            tuple(
                py,
                self.0.objectives().iter().cloned().map(PyObjective::new),
            )
        })
    }
    /// The action sheets, in document order.
    #[getter]
    fn action_sheets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::ACTION_SHEETS, || {
            tuple(
                py,
                self.0
                    .action_sheets()
                    .iter()
                    .cloned()
                    .map(PyActionSheet::new),
            )
        })
    }
    /// The action sheet with this number (the same object as in ``action_sheets``), or ``None``.
    fn action_sheet<'py>(&self, py: Python<'py>, number: u32) -> PyResult<Bound<'py, PyAny>> {
        let all = self.0.action_sheets();
        let found = self
            .0
            .action_sheet(number)
            .and_then(|s| all.iter().position(|other| std::ptr::eq(other, s)));
        match found {
            Some(index) => item(&self.action_sheets(py)?, index),
            None => Ok(py.None().into_bound(py)),
        }
    }
    /// The funding, when the document has a funding section.
    #[getter]
    fn funding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::FUNDING, || {
            optional(py, self.0.funding().cloned().map(PyFunding::new))
        })
    }
    /// The governance bodies.
    #[getter]
    fn governance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::GOVERNANCE, || {
            tuple(
                py,
                self.0
                    .governance()
                    .iter()
                    .cloned()
                    .map(PyGovernanceBody::new),
            )
        })
    }
    /// The amendments.
    #[getter]
    fn amendments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::AMENDMENTS, || {
            tuple(
                py,
                self.0.amendments().iter().cloned().map(PyAmendment::new),
            )
        })
    }
    /// Where the data comes from.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1
            .get(py, slot::SOURCES, || tuple(py, self.0.sources()))
    }
    /// Free remarks.
    #[getter]
    fn notes(&self) -> Option<&str> {
        self.0.notes()
    }

    /// The status on the day ``today`` (default: ``datetime.date.today()``; core never reads
    /// the clock).
    #[pyo3(signature = (today = None))]
    fn status<'py>(
        &self,
        py: Python<'py>,
        today: Option<NaiveDate>,
    ) -> PyResult<Bound<'py, PyAny>> {
        vocab::convention_status(py, self.0.status(self::today(py, today)?))
    }

    /// Exact totals by year, beneficiary, domain and facility kind, and the coordination share;
    /// ``None`` when the convention has no funding section (absent is not zero: a funding
    /// section without allocations gives totals of zero).
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::TOTALS, || {
            optional(py, self.0.totals().map(PyTotals::new))
        })
    }

    /// Progress of every indicator that has a baseline, a target and a measurement:
    /// ``[{"action_sheet": int, "indicator": str, "latest": Decimal, "progress": Decimal}]``.
    fn indicator_progress<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .0
            .indicator_progress()
            .into_iter()
            .map(|p| {
                let dict = PyDict::new(py);
                dict.set_item("action_sheet", p.action_sheet)?;
                dict.set_item("indicator", p.indicator)?;
                dict.set_item("latest", p.latest)?;
                dict.set_item("progress", p.progress)?;
                Ok(dict)
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(pyo3::types::PyList::new(py, rows)?.into_any())
    }

    /// The funding in long format, as columns: one row per allocation and year (core's
    /// ``Funding::rows``). A convention with no such row (no funding section, or no allocation)
    /// has one row of its id and nulls, so that a frame of many conventions keeps every one.
    /// Used by ``allocations_frame`` and ``ctg.frame``.
    fn _allocation_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.0.funding().map(|f| f.rows()).unwrap_or_default();
        let dict = PyDict::new(py);
        if rows.is_empty() {
            dict.set_item("convention_id", [self.0.id()])?;
            for column in [
                "beneficiary_id",
                "beneficiary",
                "facility_kind",
                "domain",
                "label",
                "year",
                "amount",
            ] {
                dict.set_item(column, [py.None()])?;
            }
            return Ok(dict);
        }
        dict.set_item("convention_id", vec![self.0.id(); rows.len()])?;
        dict.set_item(
            "beneficiary_id",
            rows.iter().map(|r| r.beneficiary_id).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "beneficiary",
            rows.iter().map(|r| r.beneficiary_name).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "facility_kind",
            rows.iter()
                .map(|r| r.facility_kind.code())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "domain",
            rows.iter()
                .map(|r| r.domain.map(|d| d.code()))
                .collect::<Vec<_>>(),
        )?;
        dict.set_item("label", rows.iter().map(|r| r.label).collect::<Vec<_>>())?;
        dict.set_item("year", rows.iter().map(|r| r.year).collect::<Vec<_>>())?;
        dict.set_item(
            "amount",
            rows.iter().map(|r| money(r.amount)).collect::<Vec<_>>(),
        )?;
        Ok(dict)
    }

    /// The action sheets as columns, one row per sheet; a convention without action sheets has
    /// one row of its id and nulls (as in ``_allocation_columns``). Used by
    /// ``action_sheets_frame``.
    fn _action_sheet_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let sheets = self.0.action_sheets();
        let dict = PyDict::new(py);
        if sheets.is_empty() {
            dict.set_item("convention_id", [self.0.id()])?;
            for column in [
                "number",
                "title",
                "domains",
                "lead",
                "target_public",
                "status",
                "budget",
                "indicators",
            ] {
                dict.set_item(column, [py.None()])?;
            }
            return Ok(dict);
        }
        dict.set_item("convention_id", vec![self.0.id(); sheets.len()])?;
        dict.set_item(
            "number",
            sheets.iter().map(|s| s.number()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "title",
            sheets.iter().map(|s| s.title()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "domains",
            sheets
                .iter()
                .map(|s| s.domains().iter().map(|d| d.code()).collect::<Vec<_>>())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item("lead", sheets.iter().map(|s| s.lead()).collect::<Vec<_>>())?;
        dict.set_item(
            "target_public",
            sheets.iter().map(|s| s.target_public()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "status",
            sheets.iter().map(|s| s.status().code()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "budget",
            sheets
                .iter()
                .map(|s| s.budget().map(money))
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "indicators",
            sheets
                .iter()
                .map(|s| s.indicators().len())
                .collect::<Vec<_>>(),
        )?;
        Ok(dict)
    }

    /// One row per allocation and year as a data frame: a ``pandas.DataFrame``, or with
    /// ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
    #[pyo3(signature = (backend = "pandas", decimal = "arrow"))]
    fn allocations_frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._frames")?
            .call_method1("allocations_frame", (slf, backend, decimal))
    }

    /// One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
    /// ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
    #[pyo3(signature = (backend = "pandas", decimal = "arrow"))]
    fn action_sheets_frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._frames")?
            .call_method1("action_sheets_frame", (slf, backend, decimal))
    }

    /// A summary table in HTML (core's), in ``lang`` (default: the current language), with the
    /// status on ``today`` (default: ``datetime.date.today()``); everything shown is escaped.
    #[pyo3(signature = (lang = None, today = None))]
    fn to_html(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        today: Option<NaiveDate>,
    ) -> PyResult<String> {
        let lang = lang::resolve(py, lang)?;
        Ok(self.0.to_html(lang, self::today(py, today)?))
    }

    /// A summary as text (core's, as ``ctg report`` prints it), in ``lang`` (default: the
    /// current language), with the status on ``today`` (default: ``datetime.date.today()``).
    #[pyo3(signature = (lang = None, today = None))]
    fn to_text(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        today: Option<NaiveDate>,
    ) -> PyResult<String> {
        let lang = lang::resolve(py, lang)?;
        Ok(self.0.to_summary_text(lang, self::today(py, today)?))
    }

    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None, None)
    }

    fn __repr__(&self) -> String {
        let c = &self.0;
        let money = c
            .totals()
            .map(|t| format!(", {}", t.total.to_french()))
            .unwrap_or_default();
        format!(
            "<Convention {} {}, {} parties, {} action sheets{money}>",
            c.id(),
            c.period(),
            c.parties().len(),
            c.action_sheets().len(),
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyConvention>()
            .is_ok_and(|o| o.get().0 == self.0)
    }

    /// Pickles through the canonical JSON text.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_json = py.get_type::<PyConvention>().getattr("from_json")?;
        let args = PyTuple::new(py, [self.0.to_json()])?;
        PyTuple::new(py, [from_json, args.into_any()])
    }
}
