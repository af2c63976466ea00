//! The vocabularies (thematic domains, facility kinds, party kinds and roles, statuses) as the
//! Python `enum.Enum` classes of `ctg._enums`, whose members are core's codes and whose labels
//! come from core.

use ctg_core::{
    ActionStatus, ChangeKind, ConventionStatus, FacilityKind, GovernanceKind, IndicatorStatus,
    Lang, PartyKind, PartyRole, ThematicDomain,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};

static THEMATIC_DOMAIN: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static FACILITY_KIND: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PARTY_KIND: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PARTY_ROLE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ACTION_STATUS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static GOVERNANCE_KIND: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CONVENTION_STATUS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CHANGE_KIND: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INDICATOR_STATUS: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn member<'py>(
    py: Python<'py>,
    cell: &PyOnceLock<Py<PyType>>,
    class: &str,
    code: &str,
) -> PyResult<Bound<'py, PyAny>> {
    cell.import(py, "ctg._enums", class)?.call1((code,))
}

/// A known domain as a `ctg.ThematicDomain` member; a custom domain as its label (`str`).
pub(crate) fn domain<'py>(py: Python<'py>, d: &ThematicDomain) -> PyResult<Bound<'py, PyAny>> {
    if d.is_custom() {
        Ok(PyString::new(py, d.code()).into_any())
    } else {
        member(py, &THEMATIC_DOMAIN, "ThematicDomain", d.code())
    }
}

pub(crate) fn domains<'py>(
    py: Python<'py>,
    ds: &[ThematicDomain],
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    ds.iter().map(|d| domain(py, d)).collect()
}

pub(crate) fn facility_kind(py: Python<'_>, k: FacilityKind) -> PyResult<Bound<'_, PyAny>> {
    member(py, &FACILITY_KIND, "FacilityKind", k.code())
}

pub(crate) fn party_kind(py: Python<'_>, k: PartyKind) -> PyResult<Bound<'_, PyAny>> {
    member(py, &PARTY_KIND, "PartyKind", k.code())
}

pub(crate) fn party_role(py: Python<'_>, r: PartyRole) -> PyResult<Bound<'_, PyAny>> {
    member(py, &PARTY_ROLE, "PartyRole", r.code())
}

pub(crate) fn action_status(py: Python<'_>, s: ActionStatus) -> PyResult<Bound<'_, PyAny>> {
    member(py, &ACTION_STATUS, "ActionStatus", s.code())
}

pub(crate) fn governance_kind(py: Python<'_>, k: GovernanceKind) -> PyResult<Bound<'_, PyAny>> {
    member(py, &GOVERNANCE_KIND, "GovernanceKind", k.code())
}

pub(crate) fn convention_status(py: Python<'_>, s: ConventionStatus) -> PyResult<Bound<'_, PyAny>> {
    member(py, &CONVENTION_STATUS, "ConventionStatus", s.code())
}

pub(crate) fn change_kind(py: Python<'_>, k: ChangeKind) -> PyResult<Bound<'_, PyAny>> {
    member(py, &CHANGE_KIND, "ChangeKind", k.code())
}

pub(crate) fn indicator_status(py: Python<'_>, s: IndicatorStatus) -> PyResult<Bound<'_, PyAny>> {
    member(py, &INDICATOR_STATUS, "IndicatorStatus", s.code())
}

/// `(code, French label, English label)` of every member of a vocabulary, from core.
#[pyfunction]
pub(crate) fn _vocabulary(name: &str) -> PyResult<Vec<(String, String, String)>> {
    fn rows<T: Copy>(
        items: &[T],
        code: impl Fn(T) -> &'static str,
        label: impl Fn(T, Lang) -> &'static str,
    ) -> Vec<(String, String, String)> {
        items
            .iter()
            .map(|&t| {
                (
                    code(t).to_owned(),
                    label(t, Lang::Fr).to_owned(),
                    label(t, Lang::En).to_owned(),
                )
            })
            .collect()
    }
    Ok(match name {
        "thematic_domain" => ThematicDomain::KNOWN
            .iter()
            .map(|d| {
                (
                    d.code().to_owned(),
                    d.label_fr().to_owned(),
                    d.label_en().to_owned(),
                )
            })
            .collect(),
        "facility_kind" => rows(FacilityKind::ALL, FacilityKind::code, FacilityKind::label),
        "party_kind" => rows(PartyKind::ALL, PartyKind::code, PartyKind::label),
        "party_role" => rows(PartyRole::ALL, PartyRole::code, PartyRole::label),
        "action_status" => rows(ActionStatus::ALL, ActionStatus::code, ActionStatus::label),
        "governance_kind" => rows(
            GovernanceKind::ALL,
            GovernanceKind::code,
            GovernanceKind::label,
        ),
        "convention_status" => rows(
            ConventionStatus::ALL,
            ConventionStatus::code,
            ConventionStatus::label,
        ),
        "change_kind" => rows(ChangeKind::ALL, ChangeKind::code, ChangeKind::label),
        "indicator_status" => rows(
            IndicatorStatus::ALL,
            IndicatorStatus::code,
            IndicatorStatus::label,
        ),
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown vocabulary {other:?}"
            )))
        }
    })
}

/// Reads a domain label the way core does (`"Petite enfance"`, `"parentalite"`): a
/// `ThematicDomain` member, or the trimmed label (`str`) of a custom domain.
#[pyfunction]
pub(crate) fn parse_domain<'py>(py: Python<'py>, label: &str) -> PyResult<Bound<'py, PyAny>> {
    domain(py, &ThematicDomain::parse(label))
}

/// Reads a facility kind the way core does (`"crèche"`, `"RAM"`), or `None`.
#[pyfunction]
pub(crate) fn parse_facility_kind<'py>(
    py: Python<'py>,
    label: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    FacilityKind::parse(label)
        .map(|k| facility_kind(py, k))
        .transpose()
}

/// Reads a party kind the way core does (`"Communauté de communes"`, `"SMIX"`), or `None`.
#[pyfunction]
pub(crate) fn parse_party_kind<'py>(
    py: Python<'py>,
    label: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    PartyKind::parse(label)
        .map(|k| party_kind(py, k))
        .transpose()
}
