//! A convention's coverage in the official geography (core's `Convention::coverage`): its
//! communes, their population, the funding per inhabitant, the members that are not parties and
//! the parties the reference cannot place. Read-only views of core's result; every figure and
//! word is core's.

use std::collections::BTreeMap;

use ctg_core::{Decimal, Year};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::geo::PyVintage;
use crate::model::{tuple, wrapper, Cache};
use crate::{convert, lang};

wrapper!(
    /// What a convention covers in the official geography (``Convention.coverage``): the
    /// communes of the parties that sign (each commune party, and the members of each EPCI
    /// party), once each, their population, the Caf's funding per inhabitant and per year, the
    /// members of the signing EPCI that are not parties, and the signing parties the reference
    /// cannot place. Every figure depends on the reference, whose ``vintage`` it carries.
    PyCoverage, "Coverage", ctg_core::Coverage, cached 3
);
wrapper!(
    /// A commune of a convention's territory, with the parties that bring it.
    PyCoveredCommune, "CoveredCommune", ctg_core::CoveredCommune
);
wrapper!(
    /// The Caf's funding divided by the territory's population: per year of the period, and on
    /// average over it (the whole funding / the years / the population); each exact, then
    /// rounded once to the cent, half away from zero.
    PyFundingPerInhabitant, "FundingPerInhabitant", ctg_core::FundingPerInhabitant
);
wrapper!(
    /// A member commune of a signing EPCI that is not a party itself.
    PyMemberNotParty, "MemberNotParty", ctg_core::MemberNotParty
);
wrapper!(
    /// A signing party the reference could not place, and why.
    PyUnresolvedParty, "UnresolvedParty", ctg_core::UnresolvedParty
);

mod slot {
    pub(super) const COMMUNES: usize = 0;
    pub(super) const MEMBERS: usize = 1;
    pub(super) const UNRESOLVED: usize = 2;
}

#[pymethods]
impl PyCoverage {
    /// The reference every figure comes from.
    #[getter]
    fn vintage(&self) -> PyVintage {
        PyVintage(self.0.vintage.clone())
    }
    /// The communes covered, once each, by today's INSEE code (a tuple, made once).
    #[getter]
    fn communes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::COMMUNES, || {
            tuple(
                py,
                self.0.communes.iter().cloned().map(PyCoveredCommune::new),
            )
        })
    }
    /// The sum of the communes' municipal populations in the reference; ``None`` — never a
    /// partial sum — when one of them has none, when a signing party could not be placed
    /// (``unresolved``), or when the territory is empty.
    #[getter]
    fn population(&self) -> Option<u64> {
        self.0.population
    }
    /// The Caf's funding per inhabitant; ``None`` without funding, without a population, or
    /// with a population of 0.
    #[getter]
    fn funding_per_inhabitant(&self) -> Option<PyFundingPerInhabitant> {
        self.0
            .funding_per_inhabitant
            .clone()
            .map(PyFundingPerInhabitant::new)
    }
    /// Member communes of the signing EPCI that are not parties themselves.
    #[getter]
    fn members_not_parties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::MEMBERS, || {
            tuple(
                py,
                self.0
                    .members_not_parties
                    .iter()
                    .cloned()
                    .map(PyMemberNotParty::new),
            )
        })
    }
    /// Signing communes and EPCI that the reference could not place, and why.
    #[getter]
    fn unresolved<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.1.get(py, slot::UNRESOLVED, || {
            tuple(
                py,
                self.0
                    .unresolved
                    .iter()
                    .cloned()
                    .map(PyUnresolvedParty::new),
            )
        })
    }
    /// The coverage as core serialises it (``ctg report --json``'s ``coverage``): money as
    /// ``"25.35"`` strings, the vintage's date as ISO text.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    /// Core's text, in ``lang`` (default: the current language): the reference, communes,
    /// inhabitants, funding per inhabitant and per year.
    #[pyo3(signature = (lang = None))]
    fn to_text(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.0.to_text(lang::resolve(py, lang)?))
    }
    /// Core's HTML table, in ``lang`` (default: the current language); everything shown is
    /// escaped.
    #[pyo3(signature = (lang = None))]
    fn to_html(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.0.to_html(lang::resolve(py, lang)?))
    }
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None)
    }
    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_text(py, None)
    }
    /// The communes as columns (``convention_id`` left to the caller). Used by
    /// ``coverage_frame``.
    fn _commune_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let all = &self.0.communes;
        let dict = PyDict::new(py);
        dict.set_item(
            "insee",
            all.iter().map(|c| c.insee.as_str()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "name",
            all.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "departement",
            all.iter()
                .map(|c| c.departement.as_str())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "population",
            all.iter().map(|c| c.population).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "parties",
            all.iter()
                .map(|c| c.parties.iter().map(String::as_str).collect::<Vec<_>>())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "former_codes",
            all.iter()
                .map(|c| {
                    c.former_codes
                        .iter()
                        .map(|f| f.as_str())
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>(),
        )?;
        Ok(dict)
    }
    /// One row per commune covered as a data frame (pandas, or ``backend="polars"``; see
    /// ``ctg.coverage_frame``, also for ``labels``).
    #[pyo3(signature = (backend = "pandas", *, labels = None))]
    fn frame<'py>(
        slf: &Bound<'py, Self>,
        backend: &str,
        labels: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let columns = slf.get()._commune_columns(slf.py())?;
        slf.py()
            .import("ctg._frames")?
            .call_method1("geo_frame", (columns, "coverage", backend, labels))
    }
    fn __repr__(&self) -> String {
        let population = match self.0.population {
            Some(p) => format!("{p} inhabitants"),
            None => "population unknown".to_owned(),
        };
        format!(
            "<Coverage {}: {} communes, {population}>",
            self.0.vintage.geography,
            self.0.communes.len()
        )
    }
}

#[pymethods]
impl PyCoveredCommune {
    /// INSEE code (today's, in the reference).
    #[getter]
    fn insee(&self) -> &str {
        self.0.insee.as_str()
    }
    /// Official name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Code of its département.
    #[getter]
    fn departement(&self) -> &str {
        self.0.departement.as_str()
    }
    /// Municipal population in the reference; ``None`` when not known (absent is not zero).
    #[getter]
    fn population(&self) -> Option<u64> {
        self.0.population
    }
    /// The ids of the parties that bring it, in the order of the parties.
    #[getter]
    fn parties(&self) -> Vec<&str> {
        self.0.parties.iter().map(String::as_str).collect()
    }
    /// The former codes the parties wrote for it (communes merged into it since): the value is
    /// today's commune, and this says so.
    #[getter]
    fn former_codes(&self) -> Vec<&str> {
        self.0.former_codes.iter().map(|c| c.as_str()).collect()
    }
    /// ``{insee, name, departement, population, parties, former_codes}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "<CoveredCommune {} {} by {}>",
            self.0.insee,
            self.0.name,
            self.0.parties.join(", ")
        )
    }
}

#[pymethods]
impl PyFundingPerInhabitant {
    /// The population divided by.
    #[getter]
    fn population(&self) -> u64 {
        self.0.population
    }
    /// The number of years of the period.
    #[getter]
    fn years(&self) -> u32 {
        self.0.years
    }
    /// On average per year: the whole funding / the years / the population (``Decimal``, two
    /// places).
    #[getter]
    fn per_year(&self) -> Decimal {
        self.0.per_year.to_decimal()
    }
    /// Each year's funding / the population, every year of the period.
    #[getter]
    fn by_year(&self) -> BTreeMap<Year, Decimal> {
        self.0
            .by_year
            .iter()
            .map(|(&y, a)| (y, a.to_decimal()))
            .collect()
    }
    /// Decimals kept: 2.
    #[getter]
    fn decimals(&self) -> u32 {
        self.0.decimals
    }
    /// How the last decimal is rounded: ``"half_away_from_zero"``.
    #[getter]
    fn rounding(&self) -> &'static str {
        self.0.rounding
    }
    /// ``{population, years, per_year, by_year, decimals, rounding}`` (money as strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "<FundingPerInhabitant {} a year for {} inhabitants>",
            self.0.per_year, self.0.population
        )
    }
}

#[pymethods]
impl PyMemberNotParty {
    /// INSEE code.
    #[getter]
    fn insee(&self) -> &str {
        self.0.insee.as_str()
    }
    /// Official name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Municipal population, when known.
    #[getter]
    fn population(&self) -> Option<u64> {
        self.0.population
    }
    /// The id of the EPCI party it is a member of.
    #[getter]
    fn epci(&self) -> &str {
        &self.0.epci
    }
    /// ``{insee, name, population, epci}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "<MemberNotParty {} {} of {}>",
            self.0.insee, self.0.name, self.0.epci
        )
    }
}

#[pymethods]
impl PyUnresolvedParty {
    /// The party's id.
    #[getter]
    fn party(&self) -> &str {
        &self.0.party
    }
    /// Why: ``unknown_insee``, ``former_ambiguous``, ``unknown_siren``, ``not_a_commune``,
    /// ``not_an_epci``, ``no_identifier``, ``contradictory``.
    #[getter]
    fn reason(&self) -> &'static str {
        self.0.reason.as_str()
    }
    /// The identifier that could not be placed, when there is one.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }
    /// The reason in words, in ``lang`` (default: the current language): ``"code INSEE
    /// inconnu"``.
    #[pyo3(signature = (lang = None))]
    fn reason_label(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<&'static str> {
        Ok(self.0.reason.label(lang::resolve(py, lang)?))
    }
    /// ``{party, reason, value}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "<UnresolvedParty {} {}>",
            self.0.party,
            self.0.reason.as_str()
        )
    }
}
