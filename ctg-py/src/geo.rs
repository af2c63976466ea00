//! The official geography (`ctg-geo`'s embedded COG 2026) as Python objects: the geography and
//! its lookups, typed records, name lookup and resolution, identifier filling. Every answer,
//! rank, status and explanation is `ctg-geo`'s; this module translates arguments and results.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::NaiveDate;
use ctg_core::{CommuneKind, CommuneRecord, EpciRecord, FormerCommune, FormerKind, Lang, Vintage};
use ctg_geo::{
    AnyCandidate, Area, Collectivity, Context, Departement, Geography, Lookup, LookupKind,
    NameList, Region,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyFloat, PyString, PyTuple};

use crate::model::tuple;
use crate::{convert, lang, vocab};

static GEOGRAPHY: PyOnceLock<Py<PyGeography>> = PyOnceLock::new();

/// The embedded reference, loaded once per process (`Geography::embedded`).
pub(crate) fn embedded() -> PyResult<&'static Geography> {
    Geography::embedded().map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// The geography a `geography=` argument names: a `Geography`, `True` for the embedded one,
/// `None` or `False` for none.
pub(crate) fn argument(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<&'static Geography>> {
    let Some(value) = value else {
        return Ok(None);
    };
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(geo) = value.cast::<PyGeography>() {
        return Ok(Some(geo.get().geo));
    }
    if let Ok(flag) = value.cast::<pyo3::types::PyBool>() {
        return if flag.is_true() {
            Ok(Some(embedded()?))
        } else {
            Ok(None)
        };
    }
    Err(PyTypeError::new_err(format!(
        "geography must be a ctg.Geography (ctg.geography()), True or None, not {}",
        convert::type_name(value)
    )))
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// `"commune"` or `"arrondissement"`.
fn commune_kind(kind: CommuneKind) -> &'static str {
    match kind {
        CommuneKind::Commune => "commune",
        CommuneKind::Arrondissement => "arrondissement",
    }
}

fn former_kind(kind: FormerKind) -> &'static str {
    match kind {
        FormerKind::Delegated => "delegated",
        FormerKind::Associated => "associated",
        FormerKind::Merged => "merged",
    }
}

/// The arguments that rebuild a record when unpickled: its kind, the reference's geography and
/// its key in that reference.
fn reduce<'py>(py: Python<'py>, kind: &str, key: &str) -> PyResult<Bound<'py, PyTuple>> {
    let restore = py.import("ctg._ctg")?.getattr("_geo_record")?;
    let geography = embedded()?.vintage().geography.clone();
    let args = (kind, geography, key).into_pyobject(py)?.into_any();
    PyTuple::new(py, [restore, args])
}

/// Rebuilds a record of the embedded reference (for pickling): ``kind`` is ``"commune"``,
/// ``"epci"``, ``"departement"``, ``"region"`` or ``"former"`` (key ``"insee current"``).
#[pyfunction]
pub(crate) fn _geo_record<'py>(
    py: Python<'py>,
    kind: &str,
    geography: &str,
    key: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let geo = embedded()?;
    if geo.vintage().geography != geography {
        return Err(PyValueError::new_err(format!(
            "this record was pickled under the {geography}; this ctg embeds the {}",
            geo.vintage().geography
        )));
    }
    let missing = || PyValueError::new_err(format!("no {kind} {key:?} in the {geography}"));
    Ok(match kind {
        "commune" => Bound::new(
            py,
            PyCommuneRecord(geo.commune_by_code(key).ok_or_else(missing)?),
        )?
        .into_any(),
        "epci" => Bound::new(
            py,
            PyEpciRecord(
                key.parse()
                    .ok()
                    .and_then(|s| geo.epci(&s))
                    .ok_or_else(missing)?,
            ),
        )?
        .into_any(),
        "departement" => Bound::new(
            py,
            PyDepartement(
                key.parse()
                    .ok()
                    .and_then(|d| geo.departement(&d))
                    .ok_or_else(missing)?,
            ),
        )?
        .into_any(),
        "region" => Bound::new(py, PyRegion(geo.region(key).ok_or_else(missing)?))?.into_any(),
        "former" => {
            let (insee, current) = key.split_once(' ').ok_or_else(missing)?;
            let former = insee
                .parse()
                .ok()
                .and_then(|code| {
                    geo.former_communes(&code)
                        .iter()
                        .find(|f| f.current.as_str() == current)
                })
                .ok_or_else(missing)?;
            Bound::new(py, PyFormerCommune(former))?.into_any()
        }
        _ => return Err(missing()),
    })
}

// ------------------------------------------------------------------------------------------
// Vintage

/// Which edition of the reference a result depends on (core's ``Vintage``): memberships and
/// names change every year, so every result computed with the geography says which one.
/// ``str(vintage)`` is ``"COG 2026 (@etalab/decoupage-administratif 6.0.0)"``.
#[pyclass(frozen, eq, hash, module = "ctg._ctg", name = "Vintage")]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct PyVintage(pub(crate) Vintage);

#[pymethods]
impl PyVintage {
    /// Where the data comes from (the npm package ``@etalab/decoupage-administratif``).
    #[getter]
    fn source(&self) -> &str {
        &self.0.source
    }
    /// The version of that source (``"6.0.0"``).
    #[getter]
    fn version(&self) -> &str {
        &self.0.version
    }
    /// The geography it describes (``"COG 2026"``): what issues carry as ``ctx["geography"]``.
    #[getter]
    fn geography(&self) -> &str {
        &self.0.geography
    }
    /// The date from which that geography is in force (``datetime.date(2026, 1, 1)``).
    #[getter]
    fn effective(&self) -> NaiveDate {
        self.0.effective
    }
    /// ``{"source", "version", "geography", "effective"}`` (the date as ISO text), as the CLI's
    /// ``--json`` writes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
    fn __repr__(&self) -> String {
        format!("<Vintage {}, in force from {}>", self.0, self.0.effective)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<PyVintage>().getattr("_restore")?;
        let v = &self.0;
        let args = (&v.source, &v.version, &v.geography, v.effective).into_pyobject(py)?;
        PyTuple::new(py, [restore, args.into_any()])
    }
    /// Rebuilds a vintage (for pickling).
    #[staticmethod]
    fn _restore(source: String, version: String, geography: String, effective: NaiveDate) -> Self {
        PyVintage(Vintage {
            source,
            version,
            geography,
            effective,
        })
    }
}

// ------------------------------------------------------------------------------------------
// Records

/// A current commune, or a municipal arrondissement of Paris, Lyon or Marseille, of the
/// reference. Equal records compare equal and hash alike; a record pickles as its code in the
/// embedded reference.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "CommuneRecord")]
#[derive(PartialEq)]
pub(crate) struct PyCommuneRecord(pub(crate) &'static CommuneRecord);

#[pymethods]
impl PyCommuneRecord {
    /// INSEE code (``"81140"``).
    #[getter]
    fn insee(&self) -> &str {
        self.0.insee.as_str()
    }
    /// Official name (``"Pont-de-Larn"``).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// ``"commune"``, or ``"arrondissement"`` for a municipal arrondissement.
    #[getter]
    fn kind(&self) -> &'static str {
        commune_kind(self.0.kind)
    }
    /// Code of its département (``"81"``).
    #[getter]
    fn departement(&self) -> &str {
        self.0.departement.as_str()
    }
    /// INSEE code of its région (``"76"``).
    #[getter]
    fn region(&self) -> &str {
        &self.0.region
    }
    /// SIREN of the commune (``None`` for an arrondissement).
    #[getter]
    fn siren(&self) -> Option<&str> {
        self.0.siren.as_ref().map(|s| s.as_str())
    }
    /// Municipal population in the reference; ``None`` when the reference gives none (absent is
    /// not zero).
    #[getter]
    fn population(&self) -> Option<u64> {
        self.0.population
    }
    /// SIREN of the EPCI it belongs to (``None`` for the few communes outside any EPCI).
    #[getter]
    fn epci(&self) -> Option<&str> {
        self.0.epci.as_ref().map(|s| s.as_str())
    }
    /// Its postal codes.
    #[getter]
    fn postal_codes(&self) -> Vec<&str> {
        self.0.postal_codes.iter().map(String::as_str).collect()
    }
    /// For an arrondissement, the INSEE code of its commune (``"75056"`` for Paris).
    #[getter]
    fn parent(&self) -> Option<&str> {
        self.0.parent.as_ref().map(|c| c.as_str())
    }
    /// The record as data: ``{insee, name, kind, departement, region, siren, population, epci,
    /// postal_codes, parent}`` (``None`` where absent).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, self.0)
    }
    fn __hash__(&self) -> u64 {
        hash_of(("commune", self.0.insee.as_str()))
    }
    fn __repr__(&self) -> String {
        format!(
            "<CommuneRecord {} {} ({})>",
            self.0.insee, self.0.name, self.0.departement
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "commune", self.0.insee.as_str())
    }
}

/// An EPCI (intercommunality with its own taxation: CC, CA, CU, métropole) of the reference.
/// Equal records compare equal and hash alike; a record pickles as its SIREN in the embedded
/// reference.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "EpciRecord")]
#[derive(PartialEq)]
pub(crate) struct PyEpciRecord(pub(crate) &'static EpciRecord);

#[pymethods]
impl PyEpciRecord {
    /// SIREN (``"248100745"``).
    #[getter]
    fn siren(&self) -> &str {
        self.0.siren.as_str()
    }
    /// Official name (``"CC Thoré Montagne Noire"``).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// ``PartyKind.CC``, ``CA``, ``CU`` or ``METROPOLE``.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        vocab::party_kind(py, self.0.kind)
    }
    /// INSEE codes of its member communes, in the reference's order.
    #[getter]
    fn members(&self) -> Vec<&str> {
        self.0.members.iter().map(|c| c.as_str()).collect()
    }
    /// The municipal population of the DGCL's composition file (another census year than the
    /// communes'); ``None`` when not given.
    #[getter]
    fn population(&self) -> Option<u64> {
        self.0.population
    }
    /// The record as data: ``{siren, name, kind, members, population}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, self.0)
    }
    fn __hash__(&self) -> u64 {
        hash_of(("epci", self.0.siren.as_str()))
    }
    fn __repr__(&self) -> String {
        format!(
            "<EpciRecord {} {}, {} members>",
            self.0.siren,
            self.0.name,
            self.0.members.len()
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "epci", self.0.siren.as_str())
    }
}

/// A département of the reference.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Departement")]
#[derive(PartialEq)]
pub(crate) struct PyDepartement(pub(crate) &'static Departement);

#[pymethods]
impl PyDepartement {
    /// Code (``"81"``, ``"2A"``, ``"974"``).
    #[getter]
    fn code(&self) -> &str {
        self.0.code.as_str()
    }
    /// Name (``"Tarn"``).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// INSEE code of its région.
    #[getter]
    fn region(&self) -> &str {
        &self.0.region
    }
    /// INSEE code of its chef-lieu, when given.
    #[getter]
    fn chef_lieu(&self) -> Option<&str> {
        self.0.chef_lieu.as_ref().map(|c| c.as_str())
    }
    /// ``{code, name, region, chef_lieu}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, self.0)
    }
    fn __hash__(&self) -> u64 {
        hash_of(("departement", self.0.code.as_str()))
    }
    fn __repr__(&self) -> String {
        format!("<Departement {} {}>", self.0.code, self.0.name)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "departement", self.0.code.as_str())
    }
}

/// A région of the reference.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Region")]
#[derive(PartialEq)]
pub(crate) struct PyRegion(pub(crate) &'static Region);

#[pymethods]
impl PyRegion {
    /// INSEE code (``"76"``).
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }
    /// Name (``"Occitanie"``).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// INSEE code of its chef-lieu, when given.
    #[getter]
    fn chef_lieu(&self) -> Option<&str> {
        self.0.chef_lieu.as_ref().map(|c| c.as_str())
    }
    /// ``{code, name, chef_lieu}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, self.0)
    }
    fn __hash__(&self) -> u64 {
        hash_of(("region", self.0.code.as_str()))
    }
    fn __repr__(&self) -> String {
        format!("<Region {} {}>", self.0.code, self.0.name)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "region", &self.0.code)
    }
}

/// A commune that no longer exists as such: merged into a *commune nouvelle*, as a delegated or
/// associated commune, or absorbed.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "FormerCommune")]
#[derive(PartialEq)]
pub(crate) struct PyFormerCommune(pub(crate) &'static FormerCommune);

#[pymethods]
impl PyFormerCommune {
    /// Its (former) INSEE code.
    #[getter]
    fn insee(&self) -> &str {
        self.0.insee.as_str()
    }
    /// Its name when the reference gives it (delegated and associated communes); ``None`` for a
    /// commune merged without a status of its own.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    /// ``"delegated"``, ``"associated"`` or ``"merged"``.
    #[getter]
    fn kind(&self) -> &'static str {
        former_kind(self.0.kind)
    }
    /// INSEE code of the current commune it is part of.
    #[getter]
    fn current(&self) -> &str {
        self.0.current.as_str()
    }
    /// ``{insee, name, kind, current}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, self.0)
    }
    fn __hash__(&self) -> u64 {
        hash_of(("former", self.0.insee.as_str(), self.0.current.as_str()))
    }
    fn __repr__(&self) -> String {
        format!(
            "<FormerCommune {} {} ({}, now {})>",
            self.0.insee,
            self.0.name.as_deref().unwrap_or("(no name)"),
            former_kind(self.0.kind),
            self.0.current
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let key = format!("{} {}", self.0.insee, self.0.current);
        reduce(py, "former", &key)
    }
}

fn communes(records: Vec<&'static CommuneRecord>) -> Vec<PyCommuneRecord> {
    records.into_iter().map(PyCommuneRecord).collect()
}

// ------------------------------------------------------------------------------------------
// Lookup

/// One candidate of a lookup: a commune, an EPCI, a département or a région, its score, how
/// it matched and why.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Candidate")]
#[derive(PartialEq)]
pub(crate) struct PyCandidate {
    candidate: AnyCandidate<'static>,
    rank: usize,
    in_context: bool,
}

#[pymethods]
impl PyCandidate {
    /// 1 for the best candidate; candidates outside the context come after those in it.
    #[getter]
    fn rank(&self) -> usize {
        self.rank
    }
    /// Whether the candidate lies in the context (``departement=``, ``epci=``, ``region=``).
    #[getter]
    fn in_context(&self) -> bool {
        self.in_context
    }
    /// ``"commune"``, ``"arrondissement"``, the EPCI's kind (``"cc"``, ``"ca"``, ``"cu"``,
    /// ``"metropole"``), ``"departement"`` or ``"region"``, as in ``Lookup.rows``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.candidate.kind()
    }
    /// INSEE code of a commune, SIREN of an EPCI, code of a département or région.
    #[getter]
    fn code(&self) -> &'static str {
        self.candidate.code()
    }
    /// Official name.
    #[getter]
    fn name(&self) -> &'static str {
        self.candidate.name()
    }
    /// The commune's département, or a département's own code (``None`` for an EPCI, a
    /// région).
    #[getter]
    fn departement(&self) -> Option<&'static str> {
        self.candidate.departement()
    }
    /// Municipal population in the reference, when known (communes and EPCI).
    #[getter]
    fn population(&self) -> Option<u64> {
        self.candidate.population()
    }
    /// 0 to 100: candidates with the same score are equally good (100 the official name as
    /// written or the code, 97 another spelling, 94 words joined differently, 88 shortened, 82 a
    /// former or other name, 80 a postal code, 76 one typo, 70 two).
    #[getter]
    fn score(&self) -> u8 {
        self.candidate.score()
    }
    /// How it matched: ``exact``, ``spelling``, ``code``, ``postal_code``, ``arrondissement``,
    /// ``joined``, ``shortened``, ``former_name``, ``former_code``, ``other_name``, ``typo``
    /// (EPCI: ``exact``, ``siren``, ``words``, ``loose``, ``typo``; département or région:
    /// ``code``, ``exact``, ``spelling``, ``abbreviation``).
    #[getter]
    fn r#match(&self) -> &'static str {
        self.candidate.matched()
    }
    /// The rewritings of the text that led here (``abbreviation``, ``article_moved``,
    /// ``prefix_removed``, ``saint_or_sainte``, ``article_omitted``, ``qualifier_omitted``,
    /// ``departement_hint``).
    #[getter]
    fn rules(&self) -> Vec<&'static str> {
        self.candidate.rules()
    }
    /// The name of the reference that matched (official, former or other name; ``None`` for a
    /// code, and for an EPCI).
    #[getter]
    fn matched_name(&self) -> Option<&'static str> {
        match &self.candidate {
            AnyCandidate::Commune(c) => c.matched_name,
            _ => None,
        }
    }
    /// For a typo: the number of edits.
    #[getter]
    fn distance(&self) -> Option<u8> {
        match &self.candidate {
            AnyCandidate::Commune(c) => c.distance,
            AnyCandidate::Epci(c) => c.distance,
            AnyCandidate::Area(_) => None,
        }
    }
    /// When the text names a former commune (by name or code): that commune, now part of the
    /// candidate.
    #[getter]
    fn former(&self) -> Option<PyFormerCommune> {
        match &self.candidate {
            AnyCandidate::Commune(c) => c.former.map(PyFormerCommune),
            _ => None,
        }
    }
    /// For an EPCI: whether the kind written (``CA``) differs from the reference's (``CC``).
    #[getter]
    fn kind_differs(&self) -> bool {
        match &self.candidate {
            AnyCandidate::Epci(c) => c.kind_differs,
            _ => false,
        }
    }
    /// The record of the commune, EPCI, département or région.
    #[getter]
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        record_of(py, &self.candidate)
    }
    /// Why it matched, in the current language (``ctg.set_language``): ``"le nom officiel de
    /// Parisot (82137)"``.
    #[getter]
    fn explanation(&self, py: Python<'_>) -> PyResult<String> {
        self.explain(py, None)
    }
    /// Why it matched, in ``lang`` (default: the current language).
    #[pyo3(signature = (lang = None))]
    fn explain(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        Ok(self.explain_in(lang::resolve(py, lang)?))
    }
    /// The candidate as ``ctg-geo`` serialises it (its record, score, match, rules…).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.candidate)
    }
    fn __repr__(&self) -> String {
        let outside = if self.in_context { "" } else { ", outside" };
        format!(
            "<Candidate {} {} {} score {}{outside}>",
            self.rank,
            self.code(),
            self.name(),
            self.score()
        )
    }
}

impl PyCandidate {
    fn explain_in(&self, lang: Lang) -> String {
        self.candidate.explain_in(lang)
    }
}

/// The record of a candidate of any kind.
fn record_of<'py>(
    py: Python<'py>,
    candidate: &AnyCandidate<'static>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match candidate {
        AnyCandidate::Commune(c) => Bound::new(py, PyCommuneRecord(c.commune))?.into_any(),
        AnyCandidate::Epci(c) => Bound::new(py, PyEpciRecord(c.epci))?.into_any(),
        AnyCandidate::Area(c) => match c.area {
            Area::Departement(d) => Bound::new(py, PyDepartement(d))?.into_any(),
            Area::Region(r) => Bound::new(py, PyRegion(r))?.into_any(),
        },
    })
}

/// A name looked up (``Geography.lookup``): as a commune's name, or as an EPCI's, with its
/// status, its ranked candidates and why each matched. Nothing is guessed: an ambiguous name
/// stays ambiguous, with its candidates; the context (``departement=``, ``epci=``) chooses.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "Lookup")]
pub(crate) struct PyLookup {
    lookup: Lookup<'static>,
    candidates: PyOnceLock<Py<PyTuple>>,
}

impl PartialEq for PyLookup {
    fn eq(&self, other: &PyLookup) -> bool {
        self.lookup == other.lookup
    }
}

impl PyLookup {
    fn new(lookup: Lookup<'static>) -> PyLookup {
        PyLookup {
            lookup,
            candidates: PyOnceLock::new(),
        }
    }

    /// Every candidate, in the context first, then outside it, made once.
    fn all<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let all = self.candidates.get_or_try_init(py, || {
            let out = self
                .lookup
                .all()
                .into_iter()
                .enumerate()
                .map(|(i, (candidate, in_context))| {
                    Py::new(
                        py,
                        PyCandidate {
                            candidate,
                            rank: i + 1,
                            in_context,
                        },
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, out).map(Bound::unbind)
        })?;
        Ok(all.bind(py).clone())
    }

    fn counts(&self) -> (usize, usize) {
        self.lookup.counts()
    }
}

#[pymethods]
impl PyLookup {
    /// The name as given (trimmed).
    #[getter]
    fn query(&self) -> &str {
        self.lookup.query()
    }
    /// What the name was looked up as: ``"commune"``, ``"epci"``, ``"departement"``,
    /// ``"region"``, or ``"mixed"`` when it is the name of more than one kind (``"Vienne"``: a
    /// commune and a département; ambiguous unless the context keeps one).
    #[getter]
    fn kind(&self) -> &'static str {
        self.lookup.kind()
    }
    /// ``"resolved"`` (one candidate, better than any other: ``best``), ``"ambiguous"``
    /// (several equally good: ``tied``) or ``"not_found"`` (see ``reason``).
    #[getter]
    fn status(&self) -> &'static str {
        self.lookup.status().as_str()
    }
    /// When not found, why: ``"empty"``, ``"too_long"``, ``"no_match"`` or
    /// ``"outside_context"`` (then ``outside_context`` lists what was found elsewhere).
    #[getter]
    fn reason(&self) -> Option<&'static str> {
        self.lookup.reason().map(|r| r.as_str())
    }
    /// Whether the status is ``"resolved"``.
    #[getter]
    fn resolved(&self) -> bool {
        self.lookup.status() == ctg_geo::Status::Resolved
    }
    /// The candidates in the context, best first.
    #[getter]
    fn candidates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let n = self.counts().0;
        Ok(self.all(py)?.get_slice(0, n).into_any())
    }
    /// The candidates that match but lie outside the context.
    #[getter]
    fn outside_context<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let all = self.all(py)?;
        let n = self.counts().0;
        Ok(all.get_slice(n, all.len()).into_any())
    }
    /// The candidates tied at the best score: one when resolved, several when ambiguous, none
    /// when not found.
    #[getter]
    fn tied<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let n = self.counts().1;
        Ok(self.all(py)?.get_slice(0, n).into_any())
    }
    /// The answer when resolved: the best candidate; ``None`` otherwise (never a guess).
    #[getter]
    fn best<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.resolved() {
            Ok(Some(self.all(py)?.get_item(0)?))
        } else {
            Ok(None)
        }
    }
    /// The INSEE code, SIREN or code of the département or région when resolved; ``None``
    /// otherwise.
    #[getter]
    fn code(&self) -> Option<&'static str> {
        self.lookup.resolved().map(|c| c.code())
    }
    /// The record (commune, EPCI, département, région) when resolved; ``None`` otherwise.
    #[getter]
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.lookup.resolved() {
            Some(c) => Ok(Some(record_of(py, &c)?)),
            None => Ok(None),
        }
    }
    /// The reference the answer comes from.
    #[getter]
    fn vintage(&self) -> PyVintage {
        PyVintage(self.lookup.vintage().clone())
    }
    /// The status in words, in ``lang`` (default: the current language): ``"résolu"``,
    /// ``"ambigu"``, ``"introuvable"``; ``"resolved"``, ``"ambiguous"``, ``"not found"``.
    #[pyo3(signature = (lang = None))]
    fn status_label(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<&'static str> {
        Ok(self.lookup.status().label(lang::resolve(py, lang)?))
    }
    /// Why nothing was found, in words, in ``lang`` (default: the current language); ``None``
    /// when something was.
    #[pyo3(signature = (lang = None))]
    fn reason_label(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<Option<&'static str>> {
        let lang = lang::resolve(py, lang)?;
        Ok(self.lookup.reason().map(|r| r.label(lang)))
    }
    /// Every candidate as a flat row (``ctg-geo``'s ``LookupRow``: ``query, status, rank,
    /// in_context, kind, code, name, departement, population, score, match, rules,
    /// explanation``), the explanation in ``lang`` (default: the current language); what
    /// ``ctg lookup --json`` lists.
    #[pyo3(signature = (lang = None))]
    fn rows<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.lookup.rows(lang::resolve(py, lang)?))
    }
    /// The lookup as ``ctg-geo`` serialises it: ``{"kind": "commune" | "epci" | "departement" |
    /// "region" | "mixed", "resolution":
    /// {query, status, candidates, outside_context, reason, vintage}}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.lookup)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let codes: Vec<String> = self
            .all(py)?
            .iter()
            .take(5)
            .map(|c| {
                c.cast::<PyCandidate>()
                    .map(|c| c.get().code().to_owned())
                    .unwrap_or_default()
            })
            .collect();
        Ok(format!(
            "<Lookup {:?} {}: {} [{}]>",
            self.query(),
            self.kind(),
            self.status(),
            codes.join(", ")
        ))
    }
}

// ------------------------------------------------------------------------------------------
// Lists of names

/// A list of names resolved (``Geography.resolve_text``, ``resolve_names``): in the order
/// written, what was resolved and what was not, and why.
#[pyclass(frozen, eq, module = "ctg._ctg", name = "NameList")]
#[derive(PartialEq)]
pub(crate) struct PyNameList(NameList<'static>);

fn collectivity<'py>(py: Python<'py>, c: &Collectivity<'static>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match c {
        Collectivity::Commune { commune, .. } => {
            Bound::new(py, PyCommuneRecord(commune))?.into_any()
        }
        Collectivity::Epci { epci } => Bound::new(py, PyEpciRecord(epci))?.into_any(),
        Collectivity::Departement { departement } => {
            Bound::new(py, PyDepartement(departement))?.into_any()
        }
        Collectivity::Region { region } => Bound::new(py, PyRegion(region))?.into_any(),
    })
}

#[pymethods]
impl PyNameList {
    /// The names resolved, in the order written: ``(written, record)`` pairs, the record a
    /// ``CommuneRecord``, ``EpciRecord``, ``Departement`` or ``Region``.
    #[getter]
    fn resolved<'py>(&self, py: Python<'py>) -> PyResult<Vec<(String, Bound<'py, PyAny>)>> {
        self.0
            .resolved
            .iter()
            .map(|r| Ok((r.written.clone(), collectivity(py, &r.collectivity)?)))
            .collect()
    }
    /// The codes resolved, in order: INSEE code of a commune, SIREN of an EPCI, code of a
    /// département or région.
    #[getter]
    fn codes(&self) -> Vec<&str> {
        self.0
            .resolved
            .iter()
            .map(|r| r.collectivity.code())
            .collect()
    }
    /// The names not resolved, as written (trimmed), in order.
    #[getter]
    fn unresolved(&self) -> Vec<&str> {
        self.0
            .unresolved
            .iter()
            .map(|u| u.written.as_str())
            .collect()
    }
    /// The reference the answers come from.
    #[getter]
    fn vintage(&self) -> PyVintage {
        PyVintage(self.0.vintage.clone())
    }
    /// The list as ``ctg-geo`` serialises it: ``resolved`` (written, collectivity, score,
    /// match, explanation), ``unresolved`` (written, status, reason, explanation, candidates),
    /// ``vintage``, ``lang``; the explanations are ``ctg-geo``'s sentences in the language the
    /// list was resolved in (``lang=``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "<NameList {} resolved, {} unresolved>",
            self.0.resolved.len(),
            self.0.unresolved.len()
        )
    }
}

// ------------------------------------------------------------------------------------------
// Filling identifiers

/// A convention document with its missing identifiers filled in from the reference
/// (``Geography.fill_identifiers``), every value set (``changes``) and everything left alone
/// (``notes``) said. No value already in the document is changed; an ambiguous name is never
/// guessed.
#[pyclass(frozen, module = "ctg._ctg", name = "Filled")]
pub(crate) struct PyFilled {
    filled: ctg_geo::Filled<'static>,
}

#[pymethods]
impl PyFilled {
    /// The document, filled (a new ``dict`` of JSON values at each access).
    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.filled.document)
    }
    /// The values set, in the order of the parties: ``{"path", "field", "value", "reason"}``
    /// dicts (``path`` in core's notation, ``parties[3].insee``; ``reason`` one sentence from
    /// ``ctg-geo``, in the language asked for).
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.filled.changes)
    }
    /// What was left alone, and why: ``{"path", "kind", "message"}`` dicts, ``kind`` one of
    /// ``ambiguous``, ``not_found``, ``conflict`` (a value differs from the reference's: kept),
    /// ``former_code``, ``unknown``.
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.filled.notes)
    }
    /// The reference the values come from.
    #[getter]
    fn vintage(&self) -> PyVintage {
        PyVintage(self.filled.vintage.clone())
    }
    /// ``{"document", "changes", "notes", "vintage", "lang"}``, as ``ctg resolve --json`` gives
    /// them.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialized(py, &self.filled)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Filled {} changes, {} notes>",
            self.filled.changes.len(),
            self.filled.notes.len()
        )
    }
}

/// A document as JSON (for `fill_identifiers`, the `into=` of a table import): a `Convention`'s
/// canonical form, or JSON text,
/// bytes or a Python value read by core's rules (`Validator::read_tree`, `read_host_tree`): a
/// duplicate key, a lone surrogate, a NaN or a number that would be written back otherwise is a
/// `ctg.ValidationError` listing every such issue with its path; a `Decimal` becomes its plain
/// writing (`"40800.00"`), a date its ISO writing.
pub(crate) fn document_json(doc: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    let py = doc.py();
    if let Ok(conv) = doc.cast::<crate::model::PyConvention>() {
        return Ok(conv.get().0.to_value());
    }
    let validator = ctg_core::Validator::new();
    let tree = if let Ok(text) = doc.cast::<PyString>() {
        validator.read_tree(text.to_str()?.as_bytes())
    } else if let Ok(bytes) = doc.cast::<pyo3::types::PyBytes>() {
        validator.read_tree(bytes.as_bytes())
    } else {
        let host = crate::convert::to_host(doc, &validator.get_limits())?;
        validator.read_host_tree(&host.0)
    };
    tree.map_err(|report| crate::report::validation_error(py, crate::report::PyReport::new(report)))
}

// ------------------------------------------------------------------------------------------
// The geography

/// The official geography: the *Code officiel géographique* 2026 (communes and municipal
/// arrondissements, former communes, EPCI with their members, départements, régions) from
/// ``@etalab/decoupage-administratif`` 6.0.0, embedded in the package. ``ctg.geography()``
/// gives the one shared instance.
///
/// Lookups by code return ``None`` (or an empty list) for what the reference does not know,
/// including a code that is not well formed; they never raise. Name lookups
/// (``lookup``, ``lookup_frame``, ``resolve_text``) rank candidates and say why, and never
/// guess. Thread-safe: every method only reads.
#[pyclass(frozen, module = "ctg._ctg", name = "Geography")]
pub(crate) struct PyGeography {
    pub(crate) geo: &'static Geography,
    communes: PyOnceLock<Py<PyTuple>>,
    epcis: PyOnceLock<Py<PyTuple>>,
}

/// The `Context` of `departement=`, `epci=`, `region=` arguments: a code or a list of codes.
fn context(
    departement: Option<&Bound<'_, PyAny>>,
    epci: Option<&Bound<'_, PyAny>>,
    region: Option<&Bound<'_, PyAny>>,
) -> PyResult<Context> {
    fn codes(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<String>> {
        let Some(value) = value.filter(|v| !v.is_none()) else {
            return Ok(Vec::new());
        };
        if let Ok(s) = value.cast::<PyString>() {
            return Ok(vec![s.to_str()?.to_owned()]);
        }
        value.extract::<Vec<String>>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{what} must be a code (str) or a list of codes, not {}",
                convert::type_name(value)
            ))
        })
    }
    let invalid =
        |what: &str, e: ctg_core::ParseError| PyValueError::new_err(format!("{what}: {e}"));
    let mut ctx = Context::new();
    for code in codes(departement, "departement")? {
        ctx = ctx.departement(code.parse().map_err(|e| invalid("departement", e))?);
    }
    for code in codes(epci, "epci")? {
        ctx = ctx.epci(code.parse().map_err(|e| invalid("epci", e))?);
    }
    for code in codes(region, "region")? {
        ctx = ctx.region(code);
    }
    Ok(ctx)
}

/// How a name is looked up: as a person types it (`None`), or as one kind.
type As = Option<LookupKind>;

fn lookup_as(kind: Option<&str>) -> PyResult<As> {
    match kind {
        None => Ok(None),
        Some(text) => LookupKind::parse(text).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!(
                "kind must be 'commune', 'epci', 'departement', 'region' or None, not {text:?}"
            ))
        }),
    }
}

fn look(geo: &'static Geography, name: &str, context: &Context, kind: As) -> Lookup<'static> {
    geo.lookup_as(name, context, kind)
}

/// The names of a list or column: each `str` as it is; `None`, a float NaN and `pandas.NA` (an
/// empty cell) as an empty name, which the reference answers `not_found` (`empty`).
fn names_of(names: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if names.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "names must be a list (or any iterable) of names, not one str",
        ));
    }
    let mut out = Vec::new();
    for item in names.try_iter()? {
        let item = item?;
        if let Ok(s) = item.cast::<PyString>() {
            out.push(s.to_str()?.to_owned());
        } else if item.is_none()
            || item.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
            || convert::type_name(&item) == "NAType"
        {
            out.push(String::new());
        } else {
            return Err(PyTypeError::new_err(format!(
                "a name must be a str (or None, NaN, pandas.NA for an empty cell), not {}",
                convert::type_name(&item)
            )));
        }
    }
    Ok(out)
}

impl PyGeography {
    fn new(geo: &'static Geography) -> PyGeography {
        PyGeography {
            geo,
            communes: PyOnceLock::new(),
            epcis: PyOnceLock::new(),
        }
    }
}

/// The embedded geography, loaded once per process and shared (about 15 ms, 20 ms more for the
/// name indexes, built on the first name lookup; the data is 1.8 MB inside the package).
#[pyfunction]
pub(crate) fn geography(py: Python<'_>) -> PyResult<Py<PyGeography>> {
    let geo = GEOGRAPHY.get_or_try_init(py, || {
        let geo = py.detach(embedded)?;
        Py::new(py, PyGeography::new(geo))
    })?;
    Ok(geo.clone_ref(py))
}

#[pymethods]
impl PyGeography {
    /// Which reference this is: ``COG 2026``, in force from 2026-01-01.
    #[getter]
    fn vintage(&self) -> PyVintage {
        PyVintage(self.geo.vintage().clone())
    }

    /// The current commune (or arrondissement) with this INSEE code, or ``None``.
    fn commune(&self, insee: &str) -> Option<PyCommuneRecord> {
        self.geo.commune_by_code(insee).map(PyCommuneRecord)
    }

    /// The current commune with this SIREN, or ``None``.
    fn commune_by_siren(&self, siren: &str) -> Option<PyCommuneRecord> {
        let siren = siren.parse().ok()?;
        self.geo.commune_by_siren(&siren).map(PyCommuneRecord)
    }

    /// The current communes whose official name is ``name`` once both are normalised (case,
    /// accents, hyphens, ``St``…): several for homonyms (``"Parisot"``: 81202 and 82137), none
    /// for a name that is not official. For messy writing, former names and typos, use
    /// ``lookup``.
    fn communes_named(&self, py: Python<'_>, name: &str) -> Vec<PyCommuneRecord> {
        let geo = self.geo;
        communes(py.detach(|| geo.communes_named(name)))
    }

    /// The current communes with this postal code.
    fn communes_by_postal_code(&self, postal_code: &str) -> Vec<PyCommuneRecord> {
        communes(self.geo.communes_by_postal_code(postal_code))
    }

    /// The EPCI with this SIREN, or ``None``.
    fn epci(&self, siren: &str) -> Option<PyEpciRecord> {
        let siren = siren.parse().ok()?;
        self.geo.epci(&siren).map(PyEpciRecord)
    }

    /// The EPCI a commune belongs to (a ``CommuneRecord`` or an INSEE code), or ``None``.
    fn epci_of(&self, commune: &Bound<'_, PyAny>) -> PyResult<Option<PyEpciRecord>> {
        let record = if let Ok(record) = commune.cast::<PyCommuneRecord>() {
            Some(record.get().0)
        } else if let Ok(code) = commune.extract::<String>() {
            self.geo.commune_by_code(&code)
        } else {
            return Err(PyTypeError::new_err(format!(
                "epci_of takes a CommuneRecord or an INSEE code, not {}",
                convert::type_name(commune)
            )));
        };
        Ok(record.and_then(|r| self.geo.epci_of(r)).map(PyEpciRecord))
    }

    /// The member communes of an EPCI (an ``EpciRecord`` or a SIREN), in the reference's
    /// order; empty for an unknown SIREN.
    fn members(&self, epci: &Bound<'_, PyAny>) -> PyResult<Vec<PyCommuneRecord>> {
        let record = if let Ok(record) = epci.cast::<PyEpciRecord>() {
            Some(record.get().0)
        } else if let Ok(siren) = epci.extract::<String>() {
            siren.parse().ok().and_then(|s| self.geo.epci(&s))
        } else {
            return Err(PyTypeError::new_err(format!(
                "members takes an EpciRecord or a SIREN, not {}",
                convert::type_name(epci)
            )));
        };
        Ok(record.map_or_else(Vec::new, |r| communes(self.geo.members(r))))
    }

    /// The département with this code (``"81"``, ``"2A"``, ``"974"``) or this name, written
    /// loosely (``"Tarn-et-Garonne"``, ``"tarn et garonne"``, ``"Département du Tarn"``), or
    /// ``None``. For a ranked answer with a status and why, ``lookup(name,
    /// kind="departement")``.
    fn departement(&self, name_or_code: &str) -> Option<PyDepartement> {
        self.geo
            .departement_by_name(name_or_code)
            .map(PyDepartement)
    }

    /// The région with this INSEE code (``"76"``) or this name, written loosely
    /// (``"Provence-Alpes-Côte d'Azur"``, ``"Région Occitanie"``, ``"PACA"``), or ``None``.
    fn region(&self, name_or_code: &str) -> Option<PyRegion> {
        let geo = self.geo;
        geo.region_by_name(name_or_code)
            .or_else(|| {
                geo.resolve_area(name_or_code, &Context::new(), ctg_geo::AreaKinds::Regions)
                    .resolved()
                    .and_then(|c| match c.area {
                        Area::Region(r) => Some(r),
                        Area::Departement(_) => None,
                    })
            })
            .map(PyRegion)
    }

    /// Every record of a former commune under this code (merged, delegated or associated):
    /// normally one; two when the reference puts the code under two current communes (it does
    /// for ``55273`` and ``60455``: it does not say which); empty when none.
    fn former_communes(&self, insee: &str) -> Vec<PyFormerCommune> {
        match insee.parse() {
            Ok(code) => self
                .geo
                .former_communes(&code)
                .iter()
                .map(PyFormerCommune)
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Every current commune and arrondissement, in the order of their codes (a tuple, made
    /// once).
    fn communes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let all = self.communes.get_or_try_init(py, || {
            let items = self
                .geo
                .communes()
                .iter()
                .map(|c| Py::new(py, PyCommuneRecord(c)))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, items).map(Bound::unbind)
        })?;
        Ok(all.bind(py).clone().into_any())
    }

    /// Every EPCI (a tuple, made once).
    fn epcis<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let all = self.epcis.get_or_try_init(py, || {
            let items = self
                .geo
                .epcis()
                .iter()
                .map(|e| Py::new(py, PyEpciRecord(e)))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, items).map(Bound::unbind)
        })?;
        Ok(all.bind(py).clone().into_any())
    }

    /// Every département.
    fn departements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tuple(py, self.geo.departements().iter().map(PyDepartement))
    }

    /// Every région.
    fn regions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tuple(py, self.geo.regions().iter().map(PyRegion))
    }

    /// Looks names up as a person types them: each a commune's name (``"St-Amans-Soult"``,
    /// ``"Pont-de-l'Arn"``, ``"Villefranche s/ Mer"``, an INSEE code, a postal code, ``"Paris
    /// 16e"``), an EPCI's (``"CC Tarn-Agout"``, or a name no commune has), a département's or a
    /// région's (``"Tarn"``, ``"Occitanie"``, ``"81"``). A name of more than one kind
    /// (``"Vienne"``: a commune and a département) is ``kind == "mixed"`` and ambiguous unless
    /// the context keeps one. One name gives a ``Lookup``, several give a list of them.
    ///
    /// ``departement``, ``epci`` (SIREN) and ``region`` (code) — each a code or a list of codes
    /// — are the context: a candidate outside it is set aside (``outside_context``), so
    /// ``lookup("Parisot", departement="82")`` is resolved where ``lookup("Parisot")`` is
    /// ambiguous. A code that is not well formed raises ``ValueError``. ``kind="commune"``,
    /// ``"epci"``, ``"departement"`` or ``"region"`` looks the names up as that only (with
    /// ``"region"``, a code is a région's). Releases the GIL while looking up.
    #[pyo3(signature = (*names, departement = None, epci = None, region = None, kind = None))]
    fn lookup<'py>(
        &self,
        py: Python<'py>,
        names: Vec<String>,
        departement: Option<&Bound<'py, PyAny>>,
        epci: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        kind: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let context = context(departement, epci, region)?;
        let kind = lookup_as(kind)?;
        let geo = self.geo;
        let lookups: Vec<Lookup<'static>> = py.detach(|| {
            names
                .iter()
                .map(|name| look(geo, name, &context, kind))
                .collect()
        });
        if lookups.len() == 1 {
            let lookup = lookups.into_iter().next().map(PyLookup::new);
            return Ok(
                Bound::new(py, lookup.ok_or_else(|| PyValueError::new_err("no name"))?)?.into_any(),
            );
        }
        if lookups.is_empty() {
            return Err(PyTypeError::new_err("lookup() takes at least one name"));
        }
        let items = lookups
            .into_iter()
            .map(|l| Py::new(py, PyLookup::new(l)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(pyo3::types::PyList::new(py, items)?.into_any())
    }

    /// The INSEE code (or EPCI's SIREN) of each name when it is resolved, ``None`` when it is
    /// ambiguous or not found (never a guess): ``df["insee"] = geo.lookup_codes(df["commune"],
    /// departement="81")``. Names as ``lookup_frame`` takes them; releases the GIL.
    #[pyo3(signature = (names, *, departement = None, epci = None, region = None, kind = None))]
    fn lookup_codes<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyAny>,
        departement: Option<&Bound<'py, PyAny>>,
        epci: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        kind: Option<&str>,
    ) -> PyResult<Vec<Option<&'static str>>> {
        let names = names_of(names)?;
        let context = context(departement, epci, region)?;
        let kind = lookup_as(kind)?;
        let geo = self.geo;
        Ok(py.detach(|| {
            names
                .iter()
                .map(|name| look(geo, name, &context, kind).resolved().map(|c| c.code()))
                .collect()
        }))
    }

    /// The lookup rows of many names as columns (``Lookup.rows``, plus ``position`` and
    /// ``reason``; a name without candidate has one row of nulls). Used by ``lookup_frame``.
    #[pyo3(signature = (names, departement = None, epci = None, region = None, kind = None, lang = None))]
    #[allow(clippy::too_many_arguments)]
    fn _lookup_columns<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyAny>,
        departement: Option<&Bound<'py, PyAny>>,
        epci: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        kind: Option<&str>,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let names = names_of(names)?;
        let context = context(departement, epci, region)?;
        let kind = lookup_as(kind)?;
        let lang = lang::resolve(py, lang)?;
        let geo = self.geo;
        let mut c = LookupColumns::default();
        py.detach(|| {
            for (position, name) in names.iter().enumerate() {
                let lookup = look(geo, name, &context, kind);
                let reason = lookup.reason().map(|r| r.as_str());
                let rows = lookup.rows(lang);
                if rows.is_empty() {
                    c.position.push(position);
                    c.query.push(Some(lookup.query().to_owned()));
                    c.status.push(Some(lookup.status().as_str()));
                    c.reason.push(reason);
                    c.rank.push(None);
                    c.in_context.push(None);
                    c.kind.push(None);
                    c.code.push(None);
                    c.name.push(None);
                    c.departement.push(None);
                    c.population.push(None);
                    c.score.push(None);
                    c.matched.push(None);
                    c.rules.push(None);
                    c.explanation.push(None);
                }
                for row in rows {
                    c.position.push(position);
                    c.query.push(Some(row.query));
                    c.status.push(Some(row.status));
                    c.reason.push(reason);
                    c.rank.push(Some(row.rank));
                    c.in_context.push(Some(row.in_context));
                    c.kind.push(Some(row.kind));
                    c.code.push(Some(row.code));
                    c.name.push(Some(row.name));
                    c.departement.push(row.departement);
                    c.population.push(row.population);
                    c.score.push(Some(row.score));
                    c.matched.push(Some(row.matched));
                    c.rules.push(Some(row.rules));
                    c.explanation.push(Some(row.explanation));
                }
            }
        });
        let dict = PyDict::new(py);
        dict.set_item("position", c.position)?;
        dict.set_item("query", c.query)?;
        dict.set_item("status", c.status)?;
        dict.set_item("reason", c.reason)?;
        dict.set_item("rank", c.rank)?;
        dict.set_item("in_context", c.in_context)?;
        dict.set_item("kind", c.kind)?;
        dict.set_item("code", c.code)?;
        dict.set_item("name", c.name)?;
        dict.set_item("departement", c.departement)?;
        dict.set_item("population", c.population)?;
        dict.set_item("score", c.score)?;
        dict.set_item("match", c.matched)?;
        dict.set_item("rules", c.rules)?;
        dict.set_item("explanation", c.explanation)?;
        Ok(dict)
    }

    /// One row per candidate of each name as a data frame (pandas, or ``backend="polars"``),
    /// from ``ctg-geo``'s lookup rows: ``position`` (of the name in ``names``), ``query``,
    /// ``status``, ``reason``, ``rank``, ``in_context``, ``kind``, ``code``, ``name``,
    /// ``departement``, ``population``, ``score``, ``match``, ``rules``, ``explanation`` (in
    /// ``lang``, default the current language). A name without candidate keeps one row, with
    /// nulls. ``names`` is any iterable of names (a list, a ``pandas.Series``…), an empty cell
    /// (``None``, NaN, ``pandas.NA``) reads as an empty name (``not_found``, ``empty``). Resolves
    /// with the GIL released.
    #[pyo3(signature = (names, *, departement = None, epci = None, region = None, kind = None, lang = None, backend = "pandas"))]
    #[allow(clippy::too_many_arguments)]
    fn lookup_frame<'py>(
        slf: &Bound<'py, Self>,
        names: &Bound<'py, PyAny>,
        departement: Option<&Bound<'py, PyAny>>,
        epci: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        kind: Option<&str>,
        lang: Option<&str>,
        backend: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let columns =
            slf.get()
                ._lookup_columns(slf.py(), names, departement, epci, region, kind, lang)?;
        slf.py()
            .import("ctg._frames")?
            .call_method1("geo_frame", (columns, "lookup", backend))
    }

    /// Resolves a press release's list (``"Parisot, Laguépie et Saint Antonin Noble Val"``):
    /// split at line breaks, commas, semicolons and bullets, then at `` et `` and `` ainsi que ``
    /// when a part is not a name as a whole; each name becomes a commune, an EPCI, a département
    /// or a région, or is left unresolved with the reason. Context as for ``lookup``; the explanations in ``lang``
    /// (default: the current language).
    #[pyo3(signature = (text, *, departement = None, epci = None, region = None, lang = None))]
    fn resolve_text<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        departement: Option<&Bound<'py, PyAny>>,
        epci: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
    ) -> PyResult<PyNameList> {
        let context = context(departement, epci, region)?;
        let lang = lang::resolve(py, lang)?;
        let geo = self.geo;
        Ok(PyNameList(
            py.detach(|| geo.resolve_text_in(text, &context, lang)),
        ))
    }

    /// Resolves a list of names as ``resolve_text`` resolves each part (without splitting).
    #[pyo3(signature = (names, *, departement = None, epci = None, region = None, lang = None))]
    fn resolve_names<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyAny>,
        departement: Option<&Bound<'py, PyAny>>,
        epci: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
    ) -> PyResult<PyNameList> {
        let names = names_of(names)?;
        let context = context(departement, epci, region)?;
        let lang = lang::resolve(py, lang)?;
        let geo = self.geo;
        Ok(PyNameList(py.detach(|| {
            geo.resolve_names_in(names.iter().map(String::as_str), &context, lang)
        })))
    }

    /// Fills the missing identifiers of a convention document from the reference and says what
    /// it did (``ctg resolve``): the INSEE code, SIREN and département of communes (by their
    /// name, in their own département or the document's context), the SIREN and members of
    /// EPCI, the département of a Caf. A value already there is never changed (a difference is
    /// a ``conflict`` note); an ambiguous or unknown name is left alone, with a note.
    ///
    /// ``document`` is a ``dict`` of JSON values (as ``json.load`` gives), JSON text, or a
    /// ``Convention`` (its canonical form). The filled ``document`` comes back as JSON values
    /// (amounts as strings); ``ctg.Convention.from_dict(filled.document, geography=geo)``
    /// validates it. The reasons and messages are in ``lang`` (default: the current language).
    #[pyo3(signature = (document, *, lang = None))]
    fn fill_identifiers(
        &self,
        py: Python<'_>,
        document: &Bound<'_, PyAny>,
        lang: Option<&str>,
    ) -> PyResult<PyFilled> {
        let document = document_json(document)?;
        let lang = lang::resolve(py, lang)?;
        let geo = self.geo;
        Ok(PyFilled {
            filled: py.detach(|| geo.fill_identifiers_in(&document, lang)),
        })
    }

    /// Every commune and arrondissement as columns. Used by ``communes_frame``.
    fn _commune_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let all = self.geo.communes();
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
            "kind",
            all.iter().map(|c| commune_kind(c.kind)).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "departement",
            all.iter()
                .map(|c| c.departement.as_str())
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "region",
            all.iter().map(|c| c.region.as_str()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "siren",
            all.iter()
                .map(|c| c.siren.as_ref().map(|s| s.as_str()))
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "population",
            all.iter().map(|c| c.population).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "epci",
            all.iter()
                .map(|c| c.epci.as_ref().map(|s| s.as_str()))
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "postal_codes",
            all.iter()
                .map(|c| {
                    c.postal_codes
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "parent",
            all.iter()
                .map(|c| c.parent.as_ref().map(|p| p.as_str()))
                .collect::<Vec<_>>(),
        )?;
        Ok(dict)
    }

    /// Every EPCI as columns. Used by ``epcis_frame``.
    fn _epci_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let all = self.geo.epcis();
        let dict = PyDict::new(py);
        dict.set_item(
            "siren",
            all.iter().map(|e| e.siren.as_str()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "name",
            all.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "kind",
            all.iter().map(|e| e.kind.code()).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "population",
            all.iter().map(|e| e.population).collect::<Vec<_>>(),
        )?;
        dict.set_item(
            "members",
            all.iter()
                .map(|e| e.members.iter().map(|m| m.as_str()).collect::<Vec<_>>())
                .collect::<Vec<_>>(),
        )?;
        Ok(dict)
    }

    /// Every commune and arrondissement as a data frame (pandas, or ``backend="polars"``):
    /// ``insee, name, kind, departement, region, siren, population, epci, postal_codes,
    /// parent``; a population the reference does not give is null, not zero.
    #[pyo3(signature = (backend = "pandas"))]
    fn communes_frame<'py>(slf: &Bound<'py, Self>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        let columns = slf.get()._commune_columns(slf.py())?;
        slf.py()
            .import("ctg._frames")?
            .call_method1("geo_frame", (columns, "communes", backend))
    }

    /// Every EPCI as a data frame (pandas, or ``backend="polars"``): ``siren, name, kind,
    /// population, members`` (a list of INSEE codes).
    #[pyo3(signature = (backend = "pandas"))]
    fn epcis_frame<'py>(slf: &Bound<'py, Self>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        let columns = slf.get()._epci_columns(slf.py())?;
        slf.py()
            .import("ctg._frames")?
            .call_method1("geo_frame", (columns, "epcis", backend))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Geography {}: {} communes, {} EPCI>",
            self.geo.vintage(),
            self.geo.communes().len(),
            self.geo.epcis().len()
        )
    }

    /// Pickles as ``ctg.geography()``: the embedded reference of the process that unpickles.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let function = py.import("ctg._ctg")?.getattr("geography")?;
        PyTuple::new(py, [function, PyTuple::empty(py).into_any()])
    }
}

#[derive(Default)]
struct LookupColumns {
    position: Vec<usize>,
    query: Vec<Option<String>>,
    status: Vec<Option<&'static str>>,
    reason: Vec<Option<&'static str>>,
    rank: Vec<Option<usize>>,
    in_context: Vec<Option<bool>>,
    kind: Vec<Option<&'static str>>,
    code: Vec<Option<String>>,
    name: Vec<Option<String>>,
    departement: Vec<Option<String>>,
    population: Vec<Option<u64>>,
    score: Vec<Option<u8>>,
    matched: Vec<Option<&'static str>>,
    rules: Vec<Option<Vec<&'static str>>>,
    explanation: Vec<Option<String>>,
}
