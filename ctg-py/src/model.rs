//! The model classes: read-only views of core's validated types, with native Python values
//! (`decimal.Decimal` money, `datetime.date` dates, `int` years, `enum.Enum` vocabularies).
//!
//! Every object is frozen, so the Python objects of its collections are made once, on first
//! access, and kept: `conv.parties` gives the same tuple each time (tuples, so that no caller can
//! change what the next one reads), and the view objects inside it are made once too.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ctg_core::{Amount, ConventionBuilder, Decimal, Path, Year};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple};
use pyo3::IntoPyObjectExt;

use crate::args::{at, got, Args};
use crate::change::PyChange;
use crate::convert;
use crate::lang;
use crate::limits::PyLimits;
use crate::vocab;

/// The Python objects of a frozen object's attributes, each made on first access.
pub(crate) struct Cache<const N: usize>([PyOnceLock<Py<PyAny>>; N]);

impl<const N: usize> Cache<N> {
    pub(crate) fn new() -> Cache<N> {
        Cache(std::array::from_fn(|_| PyOnceLock::new()))
    }

    /// The object in `slot`, made by `make` the first time.
    pub(crate) fn get<'py>(
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
pub(crate) fn tuple<'py, T: IntoPyObject<'py>>(
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

/// `value` with `set` applied when there is something to set (core's `with_…` builders).
pub(crate) fn with<T, V>(value: T, option: Option<V>, set: impl FnOnce(T, V) -> T) -> T {
    match option {
        Some(v) => set(value, v),
        None => value,
    }
}

/// A list, or `None` when it is empty (an empty list sets nothing).
pub(crate) fn non_empty<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}

/// A copy of `object` through its class's constructor: every field in `fields` read from it,
/// then `changes` over them (an unknown name is the constructor's `TypeError`).
pub(crate) fn replace<'py>(
    object: &Bound<'py, PyAny>,
    fields: &[&str],
    changes: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = PyDict::new(object.py());
    for field in fields {
        kwargs.set_item(field, object.getattr(field)?)?;
    }
    if let Some(changes) = changes {
        kwargs.update(changes.as_mapping())?;
    }
    object.get_type().call((), Some(&kwargs))
}

/// How to pickle (and copy) `object`: `_rebuild(type(object), {field: value})`, its class's
/// constructor called again with every field.
pub(crate) fn reduce<'py>(
    object: &Bound<'py, PyAny>,
    fields: &[&str],
) -> PyResult<Bound<'py, PyTuple>> {
    let py = object.py();
    let kwargs = PyDict::new(py);
    for field in fields {
        kwargs.set_item(field, object.getattr(field)?)?;
    }
    let rebuild = py.import("ctg._ctg")?.getattr("_rebuild")?;
    let args = PyTuple::new(py, [object.get_type().into_any(), kwargs.into_any()])?;
    PyTuple::new(py, [rebuild, args.into_any()])
}

/// Amounts per year (`{2024: Decimal("40800")}`), each read by core at `name.<year>`.
pub(crate) fn year_amounts(
    args: &mut Args,
    name: &str,
    items: BTreeMap<Year, Bound<'_, PyAny>>,
) -> PyResult<Option<BTreeMap<Year, Amount>>> {
    let mut out = Some(BTreeMap::new());
    for (year, value) in items {
        let amount = args.amount(at(name).key(year.to_string()), &value)?;
        match (&mut out, amount) {
            (Some(map), Some(amount)) => {
                map.insert(year, amount);
            }
            _ => out = None,
        }
    }
    Ok(out)
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

pub(crate) use wrapper;

wrapper!(
    /// The years a convention covers (first and last inclusive): ``Period(2023, 2025)``, by
    /// core's rules (``year.invalid``, ``period.reversed``, ``period.too_long`` raise
    /// ``ctg.ValidationError``).
    PyPeriod, "Period", ctg_core::Period, cached 1
);
wrapper!(
    /// When and where a convention was signed: ``Signature(date(2024, 1, 16), place="…")``.
    ///
    /// Every model class is built with keyword arguments through core's constructors (``new``
    /// and ``with_…``), and checked when the convention it goes in is built. Dates are read by
    /// core (a ``datetime.date``, a ``datetime`` at midnight, ``"2024-01-16"`` or
    /// ``"16/01/2024"``); a value core refuses raises ``ctg.ValidationError`` listing every
    /// argument's problem at its name (``loc == ("date",)``).
    PySignature, "Signature", ctg_core::Signature
);
wrapper!(
    /// An early end of a convention: ``Termination(date, reason="…")``.
    PyTermination, "Termination", ctg_core::Termination
);
wrapper!(
    /// The convention (a first CTG, or a CEJ) that this one renews:
    /// ``PreviousConvention(id=…, title=…, first_year=2019, last_year=2022)``.
    PyPreviousConvention, "PreviousConvention", ctg_core::PreviousConvention
);
wrapper!(
    /// A signatory or associated partner: a Caf, a collectivity or another body.
    ///
    /// ``Party("albine", "Albine", kind="commune", role="signatory", insee="81005")``: ``kind``
    /// and ``role`` are ``PartyKind`` and ``PartyRole`` members or their codes or labels
    /// (``"Communauté de communes"``), the identifiers (``insee``, ``siren``, ``siret``,
    /// ``departement``, ``members``) are checked by core (``ctg.ValidationError``:
    /// ``value.unknown``, ``insee.invalid``, ``siren.checksum``…).
    PyParty, "Party", ctg_core::Party, cached 2
);
wrapper!(
    /// The shared diagnostic the convention is based on:
    /// ``Diagnostic(start_date=…, end_date=…, author="…", sources=[…])``.
    PyDiagnostic, "Diagnostic", ctg_core::Diagnostic, cached 1
);
wrapper!(
    /// A stake (*enjeu*): ``Stake("e1", "Le soutien aux familles")``.
    PyStake, "Stake", ctg_core::Stake
);
wrapper!(
    /// A strategic objective: ``Objective("o1", "Accueillir", stakes=["e1"])``.
    PyObjective, "Objective", ctg_core::Objective, cached 1
);
wrapper!(
    /// A numbered action of the plan (*fiche action*).
    ///
    /// ``ActionSheet(17, "Ouvrir un LAEP", domains=["parentalite"], lead="cc", start=…,
    /// end=…, status="en cours", budget=Decimal("12000"), indicators=[…])``: domains are
    /// ``ThematicDomain`` members or labels (an unknown label is a custom domain), ``status`` an
    /// ``ActionStatus`` member or label (default: planned), ``budget`` an amount as
    /// ``parse_amount`` reads it (never a ``float``). ``conv.next_action_sheet_number()`` gives
    /// the number after the last one.
    PyActionSheet, "ActionSheet", ctg_core::ActionSheet, cached 5
);
wrapper!(
    /// An evaluation indicator of an action sheet:
    /// ``Indicator("places", unit="places", baseline=45, target=80, measurements=[…])``;
    /// values are exact (``Decimal``, ``int`` or text; a ``float`` is ``decimal.float``).
    PyIndicator, "Indicator", ctg_core::Indicator, cached 1
);
wrapper!(
    /// One measured value of an indicator: ``Measurement(date(2024, 9, 1), 59)``.
    PyMeasurement, "Measurement", ctg_core::Measurement
);
wrapper!(
    /// The Caf's envelope: beneficiaries, allocations and declared totals.
    PyFunding, "Funding", ctg_core::Funding, cached 2
);
wrapper!(
    /// An operator that receives money: ``Beneficiary("creche", "Crèche Les Lutins",
    /// siret="…", party="…")``.
    PyBeneficiary, "Beneficiary", ctg_core::Beneficiary
);
wrapper!(
    /// Money for one beneficiary and one kind of facility, per year.
    ///
    /// ``Allocation("creche", "eaje", domain="petite_enfance", amounts={2024: Decimal("40800")},
    /// paid={2024: Decimal("39000")})``: amounts as ``parse_amount`` reads them (``Decimal``,
    /// ``int``, ``"40 800 €"``; never a ``float``), each checked at ``amounts.<year>``;
    /// ``Allocation.spread`` spreads a total evenly over a period.
    PyAllocation, "Allocation", ctg_core::Allocation
);
wrapper!(
    /// A committee that steers or follows the convention:
    /// ``GovernanceBody("copil", name="…", frequency="…", members=[…])``.
    PyGovernanceBody, "GovernanceBody", ctg_core::GovernanceBody, cached 1
);
wrapper!(
    /// An amendment (*avenant*), with what it changes as data:
    /// ``Amendment(1, date(2024, 3, 12), "La Petite Loco : 42 000 € en 2025", changes=[…])``.
    /// A convention's amendments apply in the order of their dates (``Convention.as_of``); one
    /// that cannot apply is reported by validation with its number and the path of the change.
    PyAmendment, "Amendment", ctg_core::Amendment, cached 1
);
wrapper!(
    /// The totals a convention declares, as its text states them: the envelope of each year and
    /// of the whole period. ``DeclaredTotals(yearly={2024: Decimal("241801")}, total=…)``, or
    /// ``DeclaredTotals.from_allocations(allocations, period)`` for the sums people compute by
    /// hand.
    PyDeclaredTotals, "DeclaredTotals", ctg_core::DeclaredTotals
);
wrapper!(
    /// Exact totals of a convention's funding (``Convention.totals()``).
    PyTotals, "Totals", ctg_core::Totals
);

#[pymethods]
impl PyPeriod {
    #[new]
    fn py_new(py: Python<'_>, first_year: Year, last_year: Year) -> PyResult<PyPeriod> {
        let mut args = Args::new();
        let period = args.check(
            Path::root(),
            ctg_core::Period::try_new(first_year, last_year),
        );
        args.finish(py)?;
        Ok(PyPeriod::new(got(period)?))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["first_year", "last_year"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["first_year", "last_year"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["first_year", "last_year"])
    }
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
    #[new]
    #[pyo3(signature = (date, *, place = None))]
    fn py_new(
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        place: Option<String>,
    ) -> PyResult<PySignature> {
        let mut args = Args::new();
        let date = args.date(at("date"), date)?;
        args.finish(py)?;
        let signature = ctg_core::Signature::new(got(date)?);
        Ok(PySignature::new(with(
            signature,
            place,
            ctg_core::Signature::with_place,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["date", "place"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["date", "place"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["date", "place"])
    }
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
    #[new]
    #[pyo3(signature = (date, *, reason = None))]
    fn py_new(
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        reason: Option<String>,
    ) -> PyResult<PyTermination> {
        let mut args = Args::new();
        let date = args.date(at("date"), date)?;
        args.finish(py)?;
        let termination = ctg_core::Termination::new(got(date)?);
        Ok(PyTermination::new(with(
            termination,
            reason,
            ctg_core::Termination::with_reason,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["date", "reason"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["date", "reason"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["date", "reason"])
    }
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
    #[new]
    #[pyo3(signature = (*, id = None, title = None, first_year = None, last_year = None))]
    fn py_new(
        id: Option<String>,
        title: Option<String>,
        first_year: Option<Year>,
        last_year: Option<Year>,
    ) -> PyPreviousConvention {
        use ctg_core::PreviousConvention as P;
        let previous = with(P::new(), id, P::with_id);
        let previous = with(previous, title, P::with_title);
        let previous = with(previous, first_year, P::with_first_year);
        PyPreviousConvention::new(with(previous, last_year, P::with_last_year))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["id", "title", "first_year", "last_year"],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["id", "title", "first_year", "last_year"],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["id", "title", "first_year", "last_year"])
    }
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
    #[new]
    #[pyo3(signature = (
        id, name, kind, role, *, insee = None, siren = None, siret = None, departement = None,
        members = Vec::new(), deliberation_date = None, aliases = Vec::new()
    ))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        id: String,
        name: String,
        kind: &str,
        role: &str,
        insee: Option<&str>,
        siren: Option<&str>,
        siret: Option<&str>,
        departement: Option<&str>,
        members: Vec<String>,
        deliberation_date: Option<&Bound<'_, PyAny>>,
        aliases: Vec<String>,
    ) -> PyResult<PyParty> {
        use ctg_core::Party as P;
        let mut args = Args::new();
        let kind = args.parse(at("kind"), kind);
        let role = args.parse(at("role"), role);
        let insee = args.parse_opt(at("insee"), insee);
        let siren = args.parse_opt(at("siren"), siren);
        let siret = args.parse_opt(at("siret"), siret);
        let departement = args.parse_opt(at("departement"), departement);
        let members = args.parse_all("members", &members);
        let deliberation_date = args.date_opt(at("deliberation_date"), deliberation_date)?;
        args.finish(py)?;
        let party = P::new(id, name, got(kind)?, got(role)?);
        let party = with(party, got(insee)?, P::with_insee);
        let party = with(party, got(siren)?, P::with_siren);
        let party = with(party, got(siret)?, P::with_siret);
        let party = with(party, got(departement)?, P::with_departement);
        let party = with(party, non_empty(got(members)?), P::with_members);
        let party = with(party, got(deliberation_date)?, P::with_deliberation_date);
        Ok(PyParty::new(with(
            party,
            non_empty(aliases),
            P::with_aliases,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &[
                "id",
                "name",
                "kind",
                "role",
                "insee",
                "siren",
                "siret",
                "departement",
                "members",
                "deliberation_date",
                "aliases",
            ],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &[
                "id",
                "name",
                "kind",
                "role",
                "insee",
                "siren",
                "siret",
                "departement",
                "members",
                "deliberation_date",
                "aliases",
            ],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(
            slf.as_any(),
            &[
                "id",
                "name",
                "kind",
                "role",
                "insee",
                "siren",
                "siret",
                "departement",
                "members",
                "deliberation_date",
                "aliases",
            ],
        )
    }
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
    #[new]
    #[pyo3(signature = (*, start_date = None, end_date = None, author = None, sources = Vec::new()))]
    fn py_new(
        py: Python<'_>,
        start_date: Option<&Bound<'_, PyAny>>,
        end_date: Option<&Bound<'_, PyAny>>,
        author: Option<String>,
        sources: Vec<String>,
    ) -> PyResult<PyDiagnostic> {
        use ctg_core::Diagnostic as D;
        let mut args = Args::new();
        let start_date = args.date_opt(at("start_date"), start_date)?;
        let end_date = args.date_opt(at("end_date"), end_date)?;
        args.finish(py)?;
        let diagnostic = with(D::new(), got(start_date)?, D::with_start_date);
        let diagnostic = with(diagnostic, got(end_date)?, D::with_end_date);
        let diagnostic = with(diagnostic, author, D::with_author);
        Ok(PyDiagnostic::new(with(
            diagnostic,
            non_empty(sources),
            D::with_sources,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["start_date", "end_date", "author", "sources"],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["start_date", "end_date", "author", "sources"],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(
            slf.as_any(),
            &["start_date", "end_date", "author", "sources"],
        )
    }
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
    #[new]
    fn py_new(id: String, title: String) -> PyStake {
        PyStake::new(ctg_core::Stake::new(id, title))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["id", "title"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["id", "title"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["id", "title"])
    }
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
    #[new]
    #[pyo3(signature = (id, title, *, stakes = Vec::new()))]
    fn py_new(id: String, title: String, stakes: Vec<String>) -> PyObjective {
        let objective = ctg_core::Objective::new(id, title);
        PyObjective::new(with(
            objective,
            non_empty(stakes),
            ctg_core::Objective::with_stakes,
        ))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["id", "title", "stakes"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["id", "title", "stakes"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["id", "title", "stakes"])
    }
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
    #[new]
    #[pyo3(signature = (
        number, title, *, domains = Vec::new(), objectives = Vec::new(), lead = None,
        partners = Vec::new(), target_public = None, communes = Vec::new(), start = None,
        end = None, status = None, budget = None, indicators = Vec::new()
    ))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        number: u32,
        title: String,
        domains: Vec<String>,
        objectives: Vec<String>,
        lead: Option<String>,
        partners: Vec<String>,
        target_public: Option<String>,
        communes: Vec<String>,
        start: Option<&Bound<'_, PyAny>>,
        end: Option<&Bound<'_, PyAny>>,
        status: Option<&str>,
        budget: Option<&Bound<'_, PyAny>>,
        indicators: Vec<PyRef<'_, PyIndicator>>,
    ) -> PyResult<PyActionSheet> {
        use ctg_core::ActionSheet as S;
        let mut args = Args::new();
        let domains = args.parse_all::<ctg_core::ThematicDomain>("domains", &domains);
        let communes = args.parse_all::<ctg_core::InseeCode>("communes", &communes);
        let start = args.date_opt(at("start"), start)?;
        let end = args.date_opt(at("end"), end)?;
        let schedule = match (&start, &end) {
            (Some(None), Some(None)) => Some(None),
            (Some(start), Some(end)) => args
                .check(at("end"), ctg_core::Schedule::try_new(*start, *end))
                .map(Some),
            _ => None,
        };
        let status = args.parse_opt(at("status"), status);
        let budget = args.amount_opt(at("budget"), budget)?;
        args.finish(py)?;
        let sheet = S::new(number, title);
        let sheet = with(sheet, non_empty(got(domains)?), S::with_domains);
        let sheet = with(sheet, non_empty(objectives), S::with_objectives);
        let sheet = with(sheet, lead, S::with_lead);
        let sheet = with(sheet, non_empty(partners), S::with_partners);
        let sheet = with(sheet, target_public, S::with_target_public);
        let sheet = with(sheet, non_empty(got(communes)?), S::with_communes);
        let sheet = with(sheet, got(schedule)?, S::with_schedule);
        let sheet = with(sheet, got(status)?, S::with_status);
        let sheet = with(sheet, got(budget)?, S::with_budget);
        let indicators: Vec<ctg_core::Indicator> = indicators.iter().map(|i| i.0.clone()).collect();
        Ok(PyActionSheet::new(with(
            sheet,
            non_empty(indicators),
            S::with_indicators,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &[
                "number",
                "title",
                "domains",
                "objectives",
                "lead",
                "partners",
                "target_public",
                "communes",
                "start",
                "end",
                "status",
                "budget",
                "indicators",
            ],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &[
                "number",
                "title",
                "domains",
                "objectives",
                "lead",
                "partners",
                "target_public",
                "communes",
                "start",
                "end",
                "status",
                "budget",
                "indicators",
            ],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(
            slf.as_any(),
            &[
                "number",
                "title",
                "domains",
                "objectives",
                "lead",
                "partners",
                "target_public",
                "communes",
                "start",
                "end",
                "status",
                "budget",
                "indicators",
            ],
        )
    }
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
    #[new]
    #[pyo3(signature = (name, *, unit = None, baseline = None, target = None, measurements = Vec::new()))]
    fn py_new(
        py: Python<'_>,
        name: String,
        unit: Option<String>,
        baseline: Option<&Bound<'_, PyAny>>,
        target: Option<&Bound<'_, PyAny>>,
        measurements: Vec<PyRef<'_, PyMeasurement>>,
    ) -> PyResult<PyIndicator> {
        use ctg_core::Indicator as I;
        let mut args = Args::new();
        let baseline = args.decimal_opt(at("baseline"), baseline)?;
        let target = args.decimal_opt(at("target"), target)?;
        args.finish(py)?;
        let indicator = with(I::new(name), unit, I::with_unit);
        let indicator = with(indicator, got(baseline)?, I::with_baseline);
        let indicator = with(indicator, got(target)?, I::with_target);
        let measurements: Vec<ctg_core::Measurement> =
            measurements.iter().map(|m| m.0.clone()).collect();
        Ok(PyIndicator::new(with(
            indicator,
            non_empty(measurements),
            I::with_measurements,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["name", "unit", "baseline", "target", "measurements"],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["name", "unit", "baseline", "target", "measurements"],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(
            slf.as_any(),
            &["name", "unit", "baseline", "target", "measurements"],
        )
    }
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
    #[new]
    fn py_new(
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<PyMeasurement> {
        let mut args = Args::new();
        let date = args.date(at("date"), date)?;
        let value = args.decimal(at("value"), value)?;
        args.finish(py)?;
        Ok(PyMeasurement::new(ctg_core::Measurement::new(
            got(date)?,
            got(value)?,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["date", "value"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["date", "value"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["date", "value"])
    }
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
    /// The totals the source declares (yearly envelopes and the whole).
    #[getter]
    fn declared(&self) -> PyDeclaredTotals {
        PyDeclaredTotals::new(self.0.declared().clone())
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
    #[new]
    #[pyo3(signature = (id, name, *, siret = None, party = None))]
    fn py_new(
        py: Python<'_>,
        id: String,
        name: String,
        siret: Option<&str>,
        party: Option<String>,
    ) -> PyResult<PyBeneficiary> {
        use ctg_core::Beneficiary as B;
        let mut args = Args::new();
        let siret = args.parse_opt(at("siret"), siret);
        args.finish(py)?;
        let beneficiary = with(B::new(id, name), got(siret)?, B::with_siret);
        Ok(PyBeneficiary::new(with(beneficiary, party, B::with_party)))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["id", "name", "siret", "party"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["id", "name", "siret", "party"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["id", "name", "siret", "party"])
    }
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
    #[new]
    #[pyo3(signature = (beneficiary, facility_kind, *, domain = None, label = None, amounts = None, paid = None))]
    fn py_new(
        py: Python<'_>,
        beneficiary: String,
        facility_kind: &str,
        domain: Option<&str>,
        label: Option<String>,
        amounts: Option<BTreeMap<Year, Bound<'_, PyAny>>>,
        paid: Option<BTreeMap<Year, Bound<'_, PyAny>>>,
    ) -> PyResult<PyAllocation> {
        use ctg_core::Allocation as A;
        let mut args = Args::new();
        let facility_kind = args.parse(at("facility_kind"), facility_kind);
        let domain = args.parse_opt(at("domain"), domain);
        let amounts = year_amounts(&mut args, "amounts", amounts.unwrap_or_default())?;
        let paid = year_amounts(&mut args, "paid", paid.unwrap_or_default())?;
        args.finish(py)?;
        let allocation = A::new(beneficiary, got(facility_kind)?);
        let allocation = with(allocation, got(domain)?, A::with_domain);
        let mut allocation = with(allocation, label, A::with_label);
        for (year, amount) in got(amounts)? {
            allocation = allocation.with_amount(year, amount);
        }
        for (year, amount) in got(paid)? {
            allocation = allocation.with_paid(year, amount);
        }
        Ok(PyAllocation::new(allocation))
    }

    /// An allocation of ``total`` spread evenly over the years of ``period``, to the cent, the
    /// first years getting the extra cents (core's ``Allocation::spread``):
    /// ``Allocation.spread("rpe", "rpe", Decimal("100000"), Period(2023, 2025))`` gives
    /// 33 333,34 €, 33 333,33 € and 33 333,33 €.
    #[staticmethod]
    #[pyo3(signature = (beneficiary, facility_kind, total, period, *, domain = None, label = None))]
    fn spread(
        py: Python<'_>,
        beneficiary: String,
        facility_kind: &str,
        total: &Bound<'_, PyAny>,
        period: PyRef<'_, PyPeriod>,
        domain: Option<&str>,
        label: Option<String>,
    ) -> PyResult<PyAllocation> {
        use ctg_core::Allocation as A;
        let mut args = Args::new();
        let facility_kind = args.parse(at("facility_kind"), facility_kind);
        let domain = args.parse_opt(at("domain"), domain);
        let total = args.amount(at("total"), total)?;
        args.finish(py)?;
        let mut args = Args::new();
        let spread = args.check(
            at("total"),
            A::spread(beneficiary, got(facility_kind)?, got(total)?, period.0)
                .map_err(ctg_core::ParseError::from),
        );
        args.finish(py)?;
        let allocation = with(got(spread)?, got(domain)?, A::with_domain);
        Ok(PyAllocation::new(with(allocation, label, A::with_label)))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &[
                "beneficiary",
                "facility_kind",
                "domain",
                "label",
                "amounts",
                "paid",
            ],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &[
                "beneficiary",
                "facility_kind",
                "domain",
                "label",
                "amounts",
                "paid",
            ],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(
            slf.as_any(),
            &[
                "beneficiary",
                "facility_kind",
                "domain",
                "label",
                "amounts",
                "paid",
            ],
        )
    }
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
    /// What was actually paid, per year, when known (absent is not zero).
    #[getter]
    fn paid(&self) -> BTreeMap<Year, Decimal> {
        money_map(self.0.paid())
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
    #[new]
    #[pyo3(signature = (kind, *, name = None, frequency = None, members = Vec::new()))]
    fn py_new(
        py: Python<'_>,
        kind: &str,
        name: Option<String>,
        frequency: Option<String>,
        members: Vec<String>,
    ) -> PyResult<PyGovernanceBody> {
        use ctg_core::GovernanceBody as G;
        let mut args = Args::new();
        let kind = args.parse(at("kind"), kind);
        args.finish(py)?;
        let body = with(G::new(got(kind)?), name, G::with_name);
        let body = with(body, frequency, G::with_frequency);
        Ok(PyGovernanceBody::new(with(
            body,
            non_empty(members),
            G::with_members,
        )))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["kind", "name", "frequency", "members"],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["kind", "name", "frequency", "members"],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["kind", "name", "frequency", "members"])
    }
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
    #[new]
    #[pyo3(signature = (number, date, summary, *, changes = Vec::new()))]
    fn py_new(
        py: Python<'_>,
        number: u32,
        date: &Bound<'_, PyAny>,
        summary: String,
        changes: Vec<PyRef<'_, PyChange>>,
    ) -> PyResult<PyAmendment> {
        let mut args = Args::new();
        let date = args.date(at("date"), date)?;
        args.finish(py)?;
        let mut amendment = ctg_core::Amendment::new(number, got(date)?, summary);
        for change in changes {
            amendment = amendment.with_change(change.0.clone());
        }
        Ok(PyAmendment::new(amendment))
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["number", "date", "summary", "changes"],
            changes,
        )
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(
            slf.as_any(),
            &["number", "date", "summary", "changes"],
            changes,
        )
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["number", "date", "summary", "changes"])
    }
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
    /// What it changes, in words.
    #[getter]
    fn summary(&self) -> &str {
        self.0.summary()
    }
    /// What it changes, as data: the changes applied in order (``Convention.as_of``); empty for
    /// an amendment known only by its summary.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || {
            let changes = self
                .0
                .changes()
                .iter()
                .map(|c| crate::change::object(py, c.clone()))
                .collect::<PyResult<Vec<_>>>()?;
            tuple(py, changes)
        })
    }
    /// The amendment that undoes this one: the inverse of each change, in reverse order.
    fn inverse(&self) -> PyAmendment {
        PyAmendment::new(self.0.inverse())
    }
    fn __repr__(&self) -> String {
        format!("<Amendment {} {}>", self.0.number(), self.0.date())
    }
}

#[pymethods]
impl PyDeclaredTotals {
    #[new]
    #[pyo3(signature = (*, yearly = None, total = None))]
    fn py_new(
        py: Python<'_>,
        yearly: Option<BTreeMap<Year, Bound<'_, PyAny>>>,
        total: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyDeclaredTotals> {
        let mut args = Args::new();
        let yearly = year_amounts(&mut args, "yearly", yearly.unwrap_or_default())?;
        let total = args.amount_opt(at("total"), total)?;
        args.finish(py)?;
        let mut declared = ctg_core::DeclaredTotals::new();
        for (year, amount) in got(yearly)? {
            declared = declared.with_year(year, amount);
        }
        Ok(PyDeclaredTotals::new(with(
            declared,
            got(total)?,
            ctg_core::DeclaredTotals::with_total,
        )))
    }
    /// The totals the allocations add up to (core's ``DeclaredTotals::from_allocations``): each
    /// year of ``period`` (zero for a year without funding) and the whole; ``None`` when a sum
    /// exceeds the largest amount.
    #[staticmethod]
    fn from_allocations(
        allocations: Vec<PyRef<'_, PyAllocation>>,
        period: PyRef<'_, PyPeriod>,
    ) -> Option<PyDeclaredTotals> {
        let allocations: Vec<ctg_core::Allocation> =
            allocations.iter().map(|a| a.0.clone()).collect();
        ctg_core::DeclaredTotals::from_allocations(&allocations, period.0)
            .map(PyDeclaredTotals::new)
    }
    /// The declared envelope of each year.
    #[getter]
    fn yearly(&self) -> BTreeMap<Year, Decimal> {
        money_map(self.0.yearly())
    }
    /// The declared envelope of the whole period.
    #[getter]
    fn total(&self) -> Option<Decimal> {
        self.0.total().map(money)
    }
    /// Whether nothing is declared.
    #[getter]
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// A copy with some fields changed, the others kept (through the constructor, so checked
    /// the same way): ``x.replace(title="…")``; ``copy.replace(x, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["yearly", "total"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["yearly", "total"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["yearly", "total"])
    }
    fn __repr__(&self) -> String {
        let total = self
            .0
            .total()
            .map_or_else(|| "—".to_owned(), |t| t.to_french());
        format!("<DeclaredTotals {} years, {total}>", self.0.yearly().len())
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
/// Only validation makes one — from a document (``ctg.load``, ``ctg.loads``,
/// ``Convention.from_dict``, ``ctg.sample``), from its parts (``Convention.build``) or from an
/// edit (``with_amount``, ``apply``…, which give a new convention) — so every invariant holds:
/// identifiers are checked, references resolve, declared totals equal the sums, amendments
/// apply. Read-only and never changed (its collections are tuples, made once and shared by every
/// access); equal conventions compare equal; picklable.
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

/// One row of a convention's id and nulls (a convention without rows stays in a frame).
fn empty_columns<'py>(py: Python<'py>, id: &str, columns: &[&str]) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("convention_id", [id])?;
    for column in columns {
        dict.set_item(column, [py.None()])?;
    }
    Ok(dict)
}

/// The convention of an edit or a build, or `ctg.ValidationError` with the issues that stop it.
fn edited(
    py: Python<'_>,
    result: Result<ctg_core::Convention, ctg_core::Report>,
) -> PyResult<PyConvention> {
    result
        .map(PyConvention::new)
        .map_err(|report| crate::report::validation_error(py, crate::report::PyReport::new(report)))
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
    /// raises ``ctg.ValidationError`` listing every problem. With ``geography``
    /// (``ctg.geography()``, or ``True``), also checked against the official geography.
    #[staticmethod]
    #[pyo3(signature = (data, *, limits = None, geography = None))]
    fn from_dict(
        data: &Bound<'_, PyAny>,
        limits: Option<&PyLimits>,
        geography: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyConvention> {
        crate::convention_from_host(data, limits, geography)
    }

    /// Validates JSON text (``str``, ``bytes``, ``bytearray`` or ``memoryview``) into a
    /// convention, within ``limits``; raises ``ctg.ValidationError`` listing every problem. With
    /// ``geography`` (``ctg.geography()``, or ``True``), also checked against the official
    /// geography.
    #[staticmethod]
    #[pyo3(signature = (data, *, limits = None, geography = None))]
    fn from_json(
        data: &Bound<'_, PyAny>,
        limits: Option<&PyLimits>,
        geography: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyConvention> {
        crate::loads(data, limits, geography)
    }

    /// Reads a spreadsheet (``.xlsx``, ``.ods``, ``.xls`` or CSV, recognised from its bytes) and
    /// validates the convention its tables make: ``ctg.read_excel(...).validate()`` in one call
    /// (arguments as ``ctg.read_excel``). Raises ``ctg.ValidationError`` with every problem at
    /// once — the import's and validation's, each at its cell (``issue.cell``,
    /// ``err.errors()[i]["cell"]``).
    #[staticmethod]
    #[pyo3(signature = (source, *, name = None, shape = None, into = None, geography = None))]
    fn from_excel(
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        name: Option<String>,
        shape: Option<&str>,
        into: Option<&Bound<'_, PyAny>>,
        geography: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyConvention> {
        crate::tables::convention_from_table(py, source, name, "table.xlsx", shape, into, geography)
    }

    /// Reads a CSV table and validates the convention it makes: ``ctg.read_csv(...).validate()``
    /// in one call (see ``from_excel``).
    #[staticmethod]
    #[pyo3(signature = (source, *, name = None, shape = None, into = None, geography = None))]
    fn from_csv(
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        name: Option<String>,
        shape: Option<&str>,
        into: Option<&Bound<'_, PyAny>>,
        geography: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyConvention> {
        crate::tables::convention_from_table(py, source, name, "table.csv", shape, into, geography)
    }

    /// The convention's tables as an ``.xlsx`` workbook (``ctg-tables``' writer): a sheet per
    /// table of ``tables``, in that order (``"funding"`` — left out without a funding section —,
    /// ``"action_plan"``, ``"parties"``), headers and labels in ``lang`` (``"fr"``: sheets
    /// ``Financement``, ``Plan d’actions``, ``Parties``; ``"en"``), the funding table ``shape``
    /// ``"wide"`` (a column per year, a total column and a total row) or ``"long"`` (a row per
    /// allocation and year). Money is numbers with two decimals in the currency format
    /// ``#,##0.00 "€"``, dates are dates, totals are ``SUM`` formulas carrying their values; the
    /// file is the same byte for byte each time.
    ///
    /// ``path_or_buffer``: a path (``str`` or ``os.PathLike``: written, ``None`` returned), a
    /// binary file object (written to), or ``None`` (default): the workbook's ``bytes``.
    #[pyo3(signature = (
        path_or_buffer = None, *, lang = "fr", shape = "wide",
        tables = vec!["funding".to_owned(), "action_plan".to_owned(), "parties".to_owned()]
    ))]
    fn to_excel<'py>(
        &self,
        py: Python<'py>,
        path_or_buffer: Option<&Bound<'py, PyAny>>,
        lang: &str,
        shape: &str,
        tables: Vec<String>,
    ) -> PyResult<Option<Bound<'py, pyo3::types::PyBytes>>> {
        crate::tables::to_excel(py, &self.0, path_or_buffer, lang, shape, tables)
    }

    /// One table of the convention as CSV (``ctg-tables``' writer): ``table`` ``"funding"``
    /// (default, in ``shape`` ``"wide"`` or ``"long"``), ``"action_plan"`` or ``"parties"``.
    /// French (``lang="fr"``, default): ``;``-separated, decimal comma without thousands
    /// separator (``40800,00``, which Excel in French reads as a number), dates ``DD/MM/YYYY``,
    /// UTF-8 with a byte order mark; English: ``,`` and a decimal point, ISO dates, no byte
    /// order mark. CRLF line ends.
    ///
    /// ``path_or_buffer``: a path (written, ``None`` returned), a binary file object, or
    /// ``None`` (default): the file's ``bytes`` (``.decode("utf-8-sig")`` for its text).
    #[pyo3(signature = (path_or_buffer = None, *, lang = "fr", table = "funding", shape = "wide"))]
    fn to_csv<'py>(
        &self,
        py: Python<'py>,
        path_or_buffer: Option<&Bound<'py, PyAny>>,
        lang: &str,
        table: &str,
        shape: &str,
    ) -> PyResult<Option<Bound<'py, pyo3::types::PyBytes>>> {
        crate::tables::to_csv(py, &self.0, path_or_buffer, lang, table, shape)
    }

    /// Builds a convention from its parts (core's ``ConventionBuilder``) and validates it like
    /// any document: the convention, or ``ctg.ValidationError`` with every issue.
    ///
    /// Parts are the model's classes (``ctg.Party(...)``, ``ctg.ActionSheet(...)``…); an item
    /// of ``action_sheets`` may also be a title (``str``): a sheet numbered after the sheets
    /// before it. ``domains`` are ``ThematicDomain`` members or labels read by core. The funding
    /// section exists when ``beneficiaries``, ``allocations`` or ``declared`` is given, or with
    /// ``declare_totals=True``, which declares the totals the allocations add up to (each year
    /// of the period and the whole, as people compute them by hand); absent, it stays absent.
    #[staticmethod]
    #[pyo3(signature = (
        id, title, period, *, parties = Vec::new(), domains = Vec::new(), signature = None,
        termination = None, renews = None, diagnostic = None, stakes = Vec::new(),
        objectives = Vec::new(), action_sheets = Vec::new(), beneficiaries = None,
        allocations = None, declared = None, declare_totals = false, governance = Vec::new(),
        amendments = Vec::new(), sources = Vec::new(), notes = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn build(
        py: Python<'_>,
        id: String,
        title: String,
        period: PyRef<'_, PyPeriod>,
        parties: Vec<PyRef<'_, PyParty>>,
        domains: Vec<String>,
        signature: Option<PyRef<'_, PySignature>>,
        termination: Option<PyRef<'_, PyTermination>>,
        renews: Option<PyRef<'_, PyPreviousConvention>>,
        diagnostic: Option<PyRef<'_, PyDiagnostic>>,
        stakes: Vec<PyRef<'_, PyStake>>,
        objectives: Vec<PyRef<'_, PyObjective>>,
        action_sheets: Vec<Bound<'_, PyAny>>,
        beneficiaries: Option<Vec<PyRef<'_, PyBeneficiary>>>,
        allocations: Option<Vec<PyRef<'_, PyAllocation>>>,
        declared: Option<PyRef<'_, PyDeclaredTotals>>,
        declare_totals: bool,
        governance: Vec<PyRef<'_, PyGovernanceBody>>,
        amendments: Vec<PyRef<'_, PyAmendment>>,
        sources: Vec<String>,
        notes: Option<String>,
    ) -> PyResult<PyConvention> {
        if declare_totals && declared.is_some() {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "build() takes either declared= or declare_totals=True, not both",
            ));
        }
        let mut args = Args::new();
        let domains = args.parse_all::<ctg_core::ThematicDomain>("domains", &domains);
        args.finish(py)?;
        let mut b = ctg_core::Convention::builder(id, title, period.0);
        b = with(b, signature.map(|x| x.0.clone()), ConventionBuilder::signed);
        b = with(
            b,
            termination.map(|x| x.0.clone()),
            ConventionBuilder::terminated,
        );
        b = with(b, renews.map(|x| x.0.clone()), ConventionBuilder::renews);
        b = with(
            b,
            diagnostic.map(|x| x.0.clone()),
            ConventionBuilder::diagnostic,
        );
        for party in parties {
            b = b.party(party.0.clone());
        }
        for domain in got(domains)? {
            b = b.domain(domain);
        }
        for stake in stakes {
            b = b.stake(stake.0.clone());
        }
        for objective in objectives {
            b = b.objective(objective.0.clone());
        }
        for sheet in action_sheets {
            b = match sheet.cast::<PyActionSheet>() {
                Ok(sheet) => b.action_sheet(sheet.get().0.clone()),
                Err(_) => b.next_action_sheet(sheet.extract::<String>().map_err(|_| {
                    pyo3::exceptions::PyTypeError::new_err(format!(
                        "action_sheets items are ActionSheet or str (a title), not {}",
                        convert::type_name(&sheet)
                    ))
                })?),
            };
        }
        let has_funding = beneficiaries.is_some() || allocations.is_some() || declared.is_some();
        for beneficiary in beneficiaries.unwrap_or_default() {
            b = b.beneficiary(beneficiary.0.clone());
        }
        for allocation in allocations.unwrap_or_default() {
            b = b.allocation(allocation.0.clone());
        }
        if declare_totals {
            b = b.declare_totals_from_allocations();
        } else if has_funding {
            let declared = declared.map(|d| d.0.clone()).unwrap_or_default();
            b = b.declared(declared);
        }
        for body in governance {
            b = b.governance(body.0.clone());
        }
        for amendment in amendments {
            b = b.amendment(amendment.0.clone());
        }
        for source in sources {
            b = b.source(source);
        }
        b = with(b, notes, ConventionBuilder::notes);
        edited(py, b.build())
    }

    /// The number the next action sheet would take: one more than the largest (1 when there is
    /// none).
    fn next_action_sheet_number(&self) -> u32 {
        self.0.next_action_sheet_number()
    }

    /// A new convention with the amount of one funding line for one ``year`` set, or removed
    /// with ``amount=None``. The line is its ``beneficiary``, ``facility_kind``, ``domain`` and
    /// ``label`` (a line not there yet is added). With ``restate_totals=True`` the declared
    /// totals are recomputed from the allocations (as an amendment restates them); without, a
    /// change that breaks them raises ``ctg.ValidationError`` (``change.breaks_convention``):
    /// nothing is changed silently. The original is never changed.
    #[pyo3(signature = (
        beneficiary, facility_kind, year, amount, *, domain = None, label = None,
        restate_totals = false
    ))]
    #[allow(clippy::too_many_arguments)]
    fn with_amount(
        &self,
        py: Python<'_>,
        beneficiary: String,
        facility_kind: &str,
        year: Year,
        amount: Option<&Bound<'_, PyAny>>,
        domain: Option<&str>,
        label: Option<String>,
        restate_totals: bool,
    ) -> PyResult<PyConvention> {
        let mut args = Args::new();
        let facility_kind = args.parse(at("facility_kind"), facility_kind);
        let domain = args.parse_opt(at("domain"), domain);
        let amount = args.amount_opt(at("amount"), amount)?;
        args.finish(py)?;
        let key = ctg_core::AllocationKey {
            beneficiary,
            facility_kind: got(facility_kind)?,
            domain: got(domain)?,
            label,
        };
        let amount = got(amount)?;
        let conv = &self.0;
        edited(
            py,
            py.detach(|| {
                if restate_totals {
                    conv.with_amount_and_totals(&key, year, amount)
                } else {
                    conv.with_amount(&key, year, amount)
                }
            }),
        )
    }

    /// A new convention with this action sheet added, or replacing the sheet of the same
    /// number; ``ctg.ValidationError`` when the result breaks a rule.
    fn with_action_sheet(
        &self,
        py: Python<'_>,
        sheet: PyRef<'_, PyActionSheet>,
    ) -> PyResult<PyConvention> {
        let sheet = sheet.0.clone();
        edited(py, py.detach(|| self.0.with_action_sheet(sheet)))
    }

    /// A new convention without the action sheet of this number (``ctg.ValidationError``
    /// ``change.cannot_apply`` when there is none).
    fn without_action_sheet(&self, py: Python<'_>, number: u32) -> PyResult<PyConvention> {
        edited(py, py.detach(|| self.0.without_action_sheet(number)))
    }

    /// A new convention with this party added, or replacing the party of the same id.
    fn with_party(&self, py: Python<'_>, party: PyRef<'_, PyParty>) -> PyResult<PyConvention> {
        let party = party.0.clone();
        edited(py, py.detach(|| self.0.with_party(party)))
    }

    /// A new convention without the party of this id (what refers to it must go first:
    /// validation says so).
    fn without_party(&self, py: Python<'_>, id: &str) -> PyResult<PyConvention> {
        edited(py, py.detach(|| self.0.without_party(id)))
    }

    /// A new convention with another period (a year added or taken away; funding outside it is
    /// then reported).
    fn with_period(&self, py: Python<'_>, period: PyRef<'_, PyPeriod>) -> PyResult<PyConvention> {
        let period = period.0;
        edited(py, py.detach(|| self.0.with_period(period)))
    }

    /// A new convention with ``changes`` applied in order, validated: ``ctg.ValidationError``
    /// with ``change.cannot_apply`` at ``changes[i]`` when the convention does not hold what a
    /// change says was there, or ``change.breaks_convention`` (the rule broken and where) when
    /// the result breaks a rule. The original is never changed.
    fn apply(&self, py: Python<'_>, changes: Vec<PyRef<'_, PyChange>>) -> PyResult<PyConvention> {
        let changes = crate::change::changes(&changes);
        edited(py, py.detach(|| self.0.apply(&changes)))
    }

    /// The convention in force on ``date`` (default: ``datetime.date.today()``): the amendments
    /// dated on or before it applied in the order of their dates, then numbers.
    #[pyo3(signature = (date = None))]
    fn as_of(&self, py: Python<'_>, date: Option<NaiveDate>) -> PyResult<crate::life::PyInForce> {
        let date = self::today(py, date)?;
        match py.detach(|| self.0.as_of(date)) {
            Ok(in_force) => Ok(crate::life::PyInForce::new(in_force)),
            Err(report) => Err(crate::report::validation_error(
                py,
                crate::report::PyReport::new(report),
            )),
        }
    }

    /// What differs from this convention to ``other`` (see ``Diff``).
    fn diff(&self, py: Python<'_>, other: PyRef<'_, PyConvention>) -> crate::life::PyDiff {
        let other = &other.0;
        crate::life::PyDiff::new(py.detach(|| self.0.diff(other)))
    }

    /// What this convention, renewing ``previous``, keeps, starts and stops, and how the
    /// envelope moved (see ``Renewal``).
    fn renewal_of(
        &self,
        py: Python<'_>,
        previous: PyRef<'_, PyConvention>,
    ) -> crate::life::PyRenewal {
        let previous = &previous.0;
        crate::life::PyRenewal::new(py.detach(|| self.0.renewal_of(previous)))
    }

    /// The day the convention ends: its termination, or the last day of its period.
    #[getter]
    fn end_date(&self) -> NaiveDate {
        self.0.end_date()
    }

    /// Whole months from ``date`` (default: ``datetime.date.today()``) until the convention
    /// ends (``end_date``); negative once it has ended.
    #[pyo3(signature = (date = None))]
    fn months_before_expiry(&self, py: Python<'_>, date: Option<NaiveDate>) -> PyResult<i32> {
        Ok(self.0.months_before_expiry(self::today(py, date)?))
    }

    /// The canonical JSON form as a ``dict`` (money as ``"241801.00"`` strings, dates as ISO
    /// strings), like pydantic's ``model_dump(mode="json")``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
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

    /// Every indicator of every action sheet, measured or not, at its latest measurement on or
    /// before ``at`` (default: every measurement): ``IndicatorProgress`` with its ``status``
    /// (``IndicatorStatus``); an indicator not measured yet is listed, with ``None`` values.
    #[pyo3(signature = (at = None))]
    fn indicator_progress(
        &self,
        at: Option<NaiveDate>,
    ) -> Vec<crate::evaluation::PyIndicatorProgress> {
        let rows = match at {
            Some(date) => self.0.indicator_progress_at(date),
            None => self.0.indicator_progress(),
        };
        rows.into_iter()
            .map(crate::evaluation::PyIndicatorProgress::new)
            .collect()
    }

    /// One row per indicator and measurement (an indicator not measured yet is one row without
    /// date nor value); ``indicators_frame()`` gives them as a data frame.
    fn indicator_rows(&self) -> Vec<crate::evaluation::PyIndicatorRow> {
        self.0
            .indicator_rows()
            .into_iter()
            .map(crate::evaluation::PyIndicatorRow::new)
            .collect()
    }

    /// Funding executed against planned: each line and year with what was planned and what was
    /// paid (when the allocation records it), and the same per year; ``None`` without a funding
    /// section.
    fn execution(&self) -> Option<crate::evaluation::PyExecution> {
        self.0.execution().map(crate::evaluation::PyExecution::new)
    }

    /// The evaluation of ``year``, judged on the end of the year or ``today`` (default:
    /// ``datetime.date.today()``) when earlier: sheets by status, the late ones, every
    /// indicator, the year's funding planned against paid (see ``Evaluation``).
    #[pyo3(signature = (year, today = None))]
    fn evaluation(
        &self,
        py: Python<'_>,
        year: Year,
        today: Option<NaiveDate>,
    ) -> PyResult<crate::evaluation::PyEvaluation> {
        let today = self::today(py, today)?;
        Ok(crate::evaluation::PyEvaluation::new(
            self.0.evaluation(year, today),
        ))
    }

    /// The indicator rows as columns (``Convention.indicator_rows``); a convention without
    /// indicators has one row of its id and nulls. Used by ``indicators_frame``.
    fn _indicator_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.0.indicator_rows();
        let dict = PyDict::new(py);
        if rows.is_empty() {
            return empty_columns(
                py,
                self.0.id(),
                &[
                    "action_sheet",
                    "action_sheet_title",
                    "indicator",
                    "unit",
                    "baseline",
                    "target",
                    "date",
                    "value",
                    "progress",
                ],
            );
        }
        dict.set_item("convention_id", vec![self.0.id(); rows.len()])?;
        dict.set_item(
            "action_sheet",
            rows.iter().map(|r| r.action_sheet).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "action_sheet_title",
            rows.iter()
                .map(|r| r.action_sheet_title.as_str())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "indicator",
            rows.iter()
                .map(|r| r.indicator.as_str())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "unit",
            rows.iter().map(|r| r.unit.as_deref()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "baseline",
            rows.iter().map(|r| r.baseline).collect::<Vec<_>>(),
        )?;
        dict.set_item("target", rows.iter().map(|r| r.target).collect::<Vec<_>>())?;
        dict.set_item("date", rows.iter().map(|r| r.date).collect::<Vec<_>>())?;
        dict.set_item("value", rows.iter().map(|r| r.value).collect::<Vec<_>>())?;
        dict.set_item(
            "progress",
            rows.iter().map(|r| r.progress).collect::<Vec<_>>(),
        )?;
        Ok(dict)
    }

    /// The execution rows as columns (``Convention.execution``); a convention without funding
    /// lines has one row of its id and nulls. Used by ``execution_frame``.
    fn _execution_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.0.execution().map(|e| e.rows).unwrap_or_default();
        let dict = PyDict::new(py);
        if rows.is_empty() {
            return empty_columns(
                py,
                self.0.id(),
                &[
                    "beneficiary_id",
                    "beneficiary",
                    "facility_kind",
                    "domain",
                    "label",
                    "year",
                    "planned",
                    "paid",
                    "gap",
                ],
            );
        }
        dict.set_item("convention_id", vec![self.0.id(); rows.len()])?;
        dict.set_item(
            "beneficiary_id",
            rows.iter()
                .map(|r| r.beneficiary.as_str())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "beneficiary",
            rows.iter()
                .map(|r| r.beneficiary_name.as_str())
                .collect::<Vec<_>>(),
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
                .map(|r| r.domain.as_ref().map(|d| d.code()))
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "label",
            rows.iter().map(|r| r.label.as_deref()).collect::<Vec<_>>(),
        )?;
        dict.set_item("year", rows.iter().map(|r| r.year).collect::<Vec<_>>())?;
        dict.set_item(
            "planned",
            rows.iter().map(|r| money(r.planned)).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "paid",
            rows.iter().map(|r| r.paid.map(money)).collect::<Vec<_>>(),
        )?;
        dict.set_item("gap", rows.iter().map(|r| r.gap).collect::<Vec<_>>())?;
        Ok(dict)
    }

    /// One row per indicator and measurement as a data frame (see ``ctg.frame``,
    /// ``table="indicators"``).
    #[pyo3(signature = (backend = "pandas", decimal = "arrow", *, labels = None))]
    fn indicators_frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        decimal: &str,
        labels: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._frames")?
            .call_method1("indicators_frame", (slf, backend, decimal, labels))
    }

    /// One row per funding line and year, planned against paid, as a data frame (see
    /// ``ctg.frame``, ``table="execution"``).
    #[pyo3(signature = (backend = "pandas", decimal = "arrow", *, labels = None))]
    fn execution_frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        decimal: &str,
        labels: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._frames")?
            .call_method1("execution_frame", (slf, backend, decimal, labels))
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
    #[pyo3(signature = (backend = "pandas", decimal = "arrow", *, labels = None))]
    fn allocations_frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        decimal: &str,
        labels: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._frames")?
            .call_method1("allocations_frame", (slf, backend, decimal, labels))
    }

    /// One row per action sheet as a data frame: a ``pandas.DataFrame``, or with
    /// ``backend="polars"`` a ``polars.DataFrame`` (see ``ctg.frame``).
    #[pyo3(signature = (backend = "pandas", decimal = "arrow", *, labels = None))]
    fn action_sheets_frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        decimal: &str,
        labels: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("ctg._frames")?
            .call_method1("action_sheets_frame", (slf, backend, decimal, labels))
    }

    /// A summary table in HTML (core's), in ``lang`` (default: the current language), with the
    /// status on ``today`` (default: ``datetime.date.today()``); everything shown is escaped.
    /// With ``geography`` (``ctg.geography()``, or ``True``), followed by the coverage's table.
    #[pyo3(signature = (lang = None, today = None, *, geography = None))]
    fn to_html(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        today: Option<NaiveDate>,
        geography: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let lang = lang::resolve(py, lang)?;
        let gazetteer = crate::geo::argument(geography)?.map(|g| g as &dyn ctg_core::Gazetteer);
        Ok(self
            .0
            .to_html_with(lang, self::today(py, today)?, gazetteer))
    }

    /// A summary as text (core's, as ``ctg report`` prints it), in ``lang`` (default: the
    /// current language), with the status on ``today`` (default: ``datetime.date.today()``).
    /// With ``geography`` (``ctg.geography()``, or ``True``), followed by the coverage's lines
    /// (territory, inhabitants, funding per inhabitant).
    #[pyo3(signature = (lang = None, today = None, *, geography = None))]
    fn to_text(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        today: Option<NaiveDate>,
        geography: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let lang = lang::resolve(py, lang)?;
        let gazetteer = crate::geo::argument(geography)?.map(|g| g as &dyn ctg_core::Gazetteer);
        Ok(self
            .0
            .to_summary_text_with(lang, self::today(py, today)?, gazetteer))
    }

    /// What the convention covers in the official geography (core's ``coverage``):
    /// ``geography`` is ``ctg.geography()`` (the default, ``None``, is that one too).
    #[pyo3(signature = (geography = None))]
    fn coverage(
        &self,
        py: Python<'_>,
        geography: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::coverage::PyCoverage> {
        let geo = match crate::geo::argument(geography)? {
            Some(geo) => geo,
            None => crate::geo::embedded()?,
        };
        let conv = &self.0;
        Ok(crate::coverage::PyCoverage::new(
            py.detach(|| conv.coverage(geo)),
        ))
    }

    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None, None, None)
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
