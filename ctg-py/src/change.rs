//! Changes as data (core's [`Change`]): what an amendment does, what an edit does, what a
//! comparison finds, each with its *before* and *after*. One Python class per kind of change, all
//! subclasses of `ctg.Change`, so that `isinstance` and `match` tell them apart and each has the
//! types of its own `before` and `after`.

use ctg_core::{AllocationKey, Change, Year};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use pyo3::{IntoPyObjectExt, PyClassInitializer};

use crate::args::{at, got, Args};
use crate::model::{
    reduce, replace, Cache, PyActionSheet, PyBeneficiary, PyDeclaredTotals, PyObjective, PyParty,
    PyPeriod, PyStake,
};
use crate::{convert, vocab};

/// One change to a convention, with what was there *before* and what is there *after*
/// (``None`` on one side: added or removed). A change applies only to a convention that holds
/// its *before*; ``inverse()`` swaps the two sides. The kinds are subclasses:
/// ``PeriodChange``, ``PartyChange``, ``DomainChange``, ``StakeChange``, ``ObjectiveChange``,
/// ``ActionSheetChange``, ``BeneficiaryChange``, ``AmountChange``, ``DeclaredChange``.
#[pyclass(frozen, subclass, module = "ctg._ctg", name = "Change")]
pub(crate) struct PyChange(pub(crate) Change, Cache<2>);

impl PyChange {
    fn new(change: Change) -> PyChange {
        PyChange(change, Cache::new())
    }
}

/// The Python object of a change: an instance of the subclass of its kind.
pub(crate) fn object(py: Python<'_>, change: Change) -> PyResult<Bound<'_, PyAny>> {
    let kind = change.kind();
    let base = PyClassInitializer::from(PyChange::new(change));
    use ctg_core::ChangeKind as K;
    Ok(match kind {
        K::Period => Bound::new(py, base.add_subclass(PyPeriodChange))?.into_any(),
        K::Party => Bound::new(py, base.add_subclass(PyPartyChange))?.into_any(),
        K::Domain => Bound::new(py, base.add_subclass(PyDomainChange))?.into_any(),
        K::Stake => Bound::new(py, base.add_subclass(PyStakeChange))?.into_any(),
        K::Objective => Bound::new(py, base.add_subclass(PyObjectiveChange))?.into_any(),
        K::ActionSheet => Bound::new(py, base.add_subclass(PyActionSheetChange))?.into_any(),
        K::Beneficiary => Bound::new(py, base.add_subclass(PyBeneficiaryChange))?.into_any(),
        K::Amount => Bound::new(py, base.add_subclass(PyAmountChange))?.into_any(),
        K::Declared => Bound::new(py, base.add_subclass(PyDeclaredChange))?.into_any(),
    })
}

/// One side of a change: `before`, or `after` when `after` is true.
fn pick<T>(after: bool, before_value: T, after_value: T) -> T {
    if after {
        after_value
    } else {
        before_value
    }
}

/// The Python object of an optional part (`None` when absent).
fn opt<'py, T: Clone, P: IntoPyObject<'py>>(
    py: Python<'py>,
    value: &Option<T>,
    make: impl FnOnce(T) -> P,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Some(v) => Ok(make(v.clone()).into_bound_py_any(py)?),
        None => Ok(py.None().into_bound(py)),
    }
}

/// The Python object of one side of a change (`None` when absent).
fn side<'py>(py: Python<'py>, change: &Change, after: bool) -> PyResult<Bound<'py, PyAny>> {
    let s = after;
    match change {
        Change::Period { before, after } => {
            Ok(Bound::new(py, PyPeriod::new(*pick(s, before, after)))?.into_any())
        }
        Change::Party { before, after } => opt(py, pick(s, before, after), PyParty::new),
        Change::Domain { before, after } => match pick(s, before, after) {
            Some(d) => vocab::domain(py, d),
            None => Ok(py.None().into_bound(py)),
        },
        Change::Stake { before, after } => opt(py, pick(s, before, after), PyStake::new),
        Change::Objective { before, after } => opt(py, pick(s, before, after), PyObjective::new),
        Change::ActionSheet { before, after } => {
            opt(py, pick(s, before, after), PyActionSheet::new)
        }
        Change::Beneficiary { before, after } => {
            opt(py, pick(s, before, after), PyBeneficiary::new)
        }
        Change::Amount { before, after, .. } => {
            opt(py, pick(s, before, after), |a: ctg_core::Amount| {
                a.to_decimal()
            })
        }
        Change::Declared { before, after } => {
            Ok(Bound::new(py, PyDeclaredTotals::new(pick(s, before, after).clone()))?.into_any())
        }
        // A kind of change newer than this binding: its JSON data form.
        other => {
            let value = convert::serialized(py, other)?;
            let side = match value.cast::<PyDict>() {
                Ok(dict) => dict.get_item(if s { "after" } else { "before" })?,
                Err(_) => None,
            };
            Ok(side.unwrap_or_else(|| py.None().into_bound(py)))
        }
    }
}

#[pymethods]
impl PyChange {
    /// What the change is about (``ChangeKind``: ``"period"``, ``"party"``, ``"amount"``…).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::change_kind(py, self.0.kind())
    }
    /// What the change applies to, as people name it (core's): a party's or beneficiary's id, a
    /// sheet's number, a domain's code, ``"<beneficiary> <facility kind> <year>"`` for an
    /// amount, ``""`` for the declared totals.
    #[getter]
    fn subject(&self) -> String {
        self.0.subject()
    }
    /// For an amount, ``after − before`` (an absent side counts as zero: the line receives
    /// nothing that year); ``None`` for other changes.
    #[getter]
    fn difference(&self) -> Option<ctg_core::Decimal> {
        self.0.difference()
    }
    /// What was there before (``None`` when the change adds it).
    #[getter]
    fn before<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 0, || side(py, &self.0, false))
    }
    /// What is there after (``None`` when the change removes it).
    #[getter]
    fn after<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, 1, || side(py, &self.0, true))
    }
    /// The change that undoes this one (*before* and *after* swapped), of the same class.
    fn inverse<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        object(py, self.0.inverse())
    }
    /// The change in the JSON form of an amendment's ``changes`` (``{"kind": "amount",
    /// "beneficiary": …, "year": 2025, "before": "40800.00", "after": "42000.00"}``), money as
    /// strings.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyChange>().is_ok_and(|o| o.get().0 == self.0)
    }
    fn __repr__(&self) -> String {
        let (before, after) = match serde_json::to_value(&self.0) {
            Ok(value) => (value.get("before").is_some(), value.get("after").is_some()),
            Err(_) => (false, false),
        };
        let arrow = match (before, after) {
            (false, true) => "added",
            (true, false) => "removed",
            _ => "changed",
        };
        format!(
            "<{} {:?} {arrow}>",
            class_name(self.0.kind()),
            self.0.subject()
        )
    }
}

/// The Python class name of a kind of change.
fn class_name(kind: ctg_core::ChangeKind) -> &'static str {
    use ctg_core::ChangeKind as K;
    match kind {
        K::Period => "PeriodChange",
        K::Party => "PartyChange",
        K::Domain => "DomainChange",
        K::Stake => "StakeChange",
        K::Objective => "ObjectiveChange",
        K::ActionSheet => "ActionSheetChange",
        K::Beneficiary => "BeneficiaryChange",
        K::Amount => "AmountChange",
        K::Declared => "DeclaredChange",
    }
}

/// The subclass's initializer for a change.
fn init<T: pyo3::PyClass<BaseType = PyChange>>(
    change: Change,
    subclass: T,
) -> PyClassInitializer<T> {
    PyClassInitializer::from(PyChange::new(change)).add_subclass(subclass)
}

/// Declares the class of a change kept by key (party, stake, objective, action sheet,
/// beneficiary): its constructor, `replace` and pickling.
macro_rules! keyed_change {
    ($(#[$doc:meta])* $py:ident, $name:literal, $variant:ident, $part:ident) => {
        $(#[$doc])*
        #[pyclass(frozen, extends = PyChange, module = "ctg._ctg", name = $name)]
        pub(crate) struct $py;

        #[pymethods]
        impl $py {
            #[new]
            #[pyo3(signature = (*, before = None, after = None))]
            fn py_new(
                before: Option<PyRef<'_, $part>>,
                after: Option<PyRef<'_, $part>>,
            ) -> PyClassInitializer<$py> {
                init(
                    Change::$variant {
                        before: before.map(|b| b.0.clone()),
                        after: after.map(|a| a.0.clone()),
                    },
                    $py,
                )
            }
            /// A copy with ``before`` or ``after`` changed: ``change.replace(after=None)``;
            /// ``copy.replace(change, …)`` too.
            #[pyo3(signature = (**changes))]
            fn replace<'py>(
                slf: &Bound<'py, Self>,
                changes: Option<&Bound<'py, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                replace(slf.as_any(), &["before", "after"], changes)
            }
            #[pyo3(signature = (**changes))]
            fn __replace__<'py>(
                slf: &Bound<'py, Self>,
                changes: Option<&Bound<'py, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                replace(slf.as_any(), &["before", "after"], changes)
            }
            /// Pickles (and copies) through the constructor.
            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
                reduce(slf.as_any(), &["before", "after"])
            }
        }
    };
}

keyed_change!(
    /// A party joins (``after`` only), leaves (``before`` only) or is changed (both, the same
    /// id).
    PyPartyChange, "PartyChange", Party, PyParty
);
keyed_change!(
    /// A stake added, removed or changed (matched by id).
    PyStakeChange, "StakeChange", Stake, PyStake
);
keyed_change!(
    /// An objective added, removed or changed (matched by id).
    PyObjectiveChange, "ObjectiveChange", Objective, PyObjective
);
keyed_change!(
    /// An action sheet added, removed or replaced (matched by number; a sheet renumbered has one
    /// number before and another after).
    PyActionSheetChange, "ActionSheetChange", ActionSheet, PyActionSheet
);
keyed_change!(
    /// A beneficiary added, removed or changed (matched by id).
    PyBeneficiaryChange, "BeneficiaryChange", Beneficiary, PyBeneficiary
);

/// The period extended or shortened.
#[pyclass(frozen, extends = PyChange, module = "ctg._ctg", name = "PeriodChange")]
pub(crate) struct PyPeriodChange;

#[pymethods]
impl PyPeriodChange {
    #[new]
    fn py_new(
        before: PyRef<'_, PyPeriod>,
        after: PyRef<'_, PyPeriod>,
    ) -> PyClassInitializer<PyPeriodChange> {
        init(
            Change::Period {
                before: before.0,
                after: after.0,
            },
            PyPeriodChange,
        )
    }
    /// A copy with ``before`` or ``after`` changed; ``copy.replace(change, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["before", "after"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["before", "after"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["before", "after"])
    }
}

/// The declared totals changed (an amendment restating the envelope).
#[pyclass(frozen, extends = PyChange, module = "ctg._ctg", name = "DeclaredChange")]
pub(crate) struct PyDeclaredChange;

#[pymethods]
impl PyDeclaredChange {
    #[new]
    fn py_new(
        before: PyRef<'_, PyDeclaredTotals>,
        after: PyRef<'_, PyDeclaredTotals>,
    ) -> PyClassInitializer<PyDeclaredChange> {
        init(
            Change::Declared {
                before: before.0.clone(),
                after: after.0.clone(),
            },
            PyDeclaredChange,
        )
    }
    /// A copy with ``before`` or ``after`` changed; ``copy.replace(change, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["before", "after"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["before", "after"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["before", "after"])
    }
}

/// A thematic domain added (``after``) or removed (``before``): a ``ThematicDomain`` member, or
/// the label of a custom domain, read by core (``"Petite enfance"``, ``"parentalite"``).
#[pyclass(frozen, extends = PyChange, module = "ctg._ctg", name = "DomainChange")]
pub(crate) struct PyDomainChange;

#[pymethods]
impl PyDomainChange {
    #[new]
    #[pyo3(signature = (*, before = None, after = None))]
    fn py_new(
        py: Python<'_>,
        before: Option<&str>,
        after: Option<&str>,
    ) -> PyResult<PyClassInitializer<PyDomainChange>> {
        let mut args = Args::new();
        let before = args.parse_opt(at("before"), before);
        let after = args.parse_opt(at("after"), after);
        args.finish(py)?;
        Ok(init(
            Change::Domain {
                before: got(before)?,
                after: got(after)?,
            },
            PyDomainChange,
        ))
    }
    /// A copy with ``before`` or ``after`` changed; ``copy.replace(change, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["before", "after"], changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), &["before", "after"], changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), &["before", "after"])
    }
}

/// The amount of one funding line for one year. The line is its beneficiary, facility kind,
/// domain and label; ``before`` is ``None`` when the line had nothing that year, ``after`` when
/// it has nothing any more.
#[pyclass(frozen, extends = PyChange, module = "ctg._ctg", name = "AmountChange")]
pub(crate) struct PyAmountChange;

impl PyAmountChange {
    fn key(slf: &Bound<'_, Self>) -> Option<(AllocationKey, Year)> {
        match &slf.as_super().get().0 {
            Change::Amount { key, year, .. } => Some((key.clone(), *year)),
            _ => None,
        }
    }
}

#[pymethods]
impl PyAmountChange {
    #[new]
    #[pyo3(signature = (beneficiary, facility_kind, year, *, before = None, after = None, domain = None, label = None))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        beneficiary: String,
        facility_kind: &str,
        year: Year,
        before: Option<&Bound<'_, PyAny>>,
        after: Option<&Bound<'_, PyAny>>,
        domain: Option<&str>,
        label: Option<String>,
    ) -> PyResult<PyClassInitializer<PyAmountChange>> {
        let mut args = Args::new();
        let facility_kind = args.parse(at("facility_kind"), facility_kind);
        let domain = args.parse_opt(at("domain"), domain);
        let before = args.amount_opt(at("before"), before)?;
        let after = args.amount_opt(at("after"), after)?;
        args.finish(py)?;
        let key = AllocationKey {
            beneficiary,
            facility_kind: got(facility_kind)?,
            domain: got(domain)?,
            label,
        };
        Ok(init(
            Change::Amount {
                key,
                year,
                before: got(before)?,
                after: got(after)?,
            },
            PyAmountChange,
        ))
    }
    /// Id of the beneficiary of the line.
    #[getter]
    fn beneficiary(slf: &Bound<'_, Self>) -> Option<String> {
        Self::key(slf).map(|(k, _)| k.beneficiary)
    }
    /// What the line funds.
    #[getter]
    fn facility_kind<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        match Self::key(slf) {
            Some((k, _)) => vocab::facility_kind(slf.py(), k.facility_kind),
            None => Ok(slf.py().None().into_bound(slf.py())),
        }
    }
    /// The line's domain (a custom domain is its label, a ``str``), or ``None``.
    #[getter]
    fn domain<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        match Self::key(slf).and_then(|(k, _)| k.domain) {
            Some(d) => vocab::domain(slf.py(), &d),
            None => Ok(slf.py().None().into_bound(slf.py())),
        }
    }
    /// The line's label, or ``None``.
    #[getter]
    fn label(slf: &Bound<'_, Self>) -> Option<String> {
        Self::key(slf).and_then(|(k, _)| k.label)
    }
    /// The year.
    #[getter]
    fn year(slf: &Bound<'_, Self>) -> Option<Year> {
        Self::key(slf).map(|(_, y)| y)
    }
    /// A copy with some fields changed: ``change.replace(after=Decimal("42000"))``;
    /// ``copy.replace(change, …)`` too.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), AMOUNT_FIELDS, changes)
    }
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        replace(slf.as_any(), AMOUNT_FIELDS, changes)
    }
    /// Pickles (and copies) through the constructor.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), AMOUNT_FIELDS)
    }
}

const AMOUNT_FIELDS: &[&str] = &[
    "beneficiary",
    "facility_kind",
    "year",
    "before",
    "after",
    "domain",
    "label",
];

/// The changes given to `apply`, as core's.
pub(crate) fn changes(items: &[PyRef<'_, PyChange>]) -> Vec<Change> {
    items.iter().map(|c| c.0.clone()).collect()
}

/// A change's kind code, for the frame of a diff.
pub(crate) fn kind_code(change: &Change) -> &'static str {
    change.kind().code()
}
