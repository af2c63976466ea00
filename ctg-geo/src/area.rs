//! Départements and régions looked up as communes and EPCI are: by code or by name written
//! loosely (case, accents, hyphens, apostrophes, an introduction such as `Département du`,
//! `Région`), with a status and why ([`Geography::resolve_area`]).
//!
//! Rules:
//! - a code (`81`, `2A`, `974`) is a département's; a région's code (`76`) is read only when
//!   régions alone are asked ([`AreaKinds::Regions`]): the codes overlap (`76` is Seine-Maritime
//!   and Occitanie);
//! - a name is compared with the official names after [normalisation](crate::normalize()), without
//!   the words that introduce it; a few usual abbreviations of régions are known (`PACA`, `IDF`,
//!   `AURA`, `BFC`);
//! - no typo is looked for: a département or région name is short and common, and a typo of it
//!   is more often another word;
//! - a [`Context`] admits a département when it names it, its région, or an EPCI with a member
//!   in it; a région when it names it, one of its départements, or an EPCI with a member in it.

use ctg_core::{DepartementCode, Lang};
use serde::Serialize;

use crate::resolve::{kept_query, nothing, settle, NotFoundReason, Ranked, Resolution};
use crate::territory::area_key;
use crate::{Context, Departement, Geography, Region};

/// A département or a région.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let r = geo.resolve_area("Occitanie", &ctg_geo::Context::new(), ctg_geo::AreaKinds::Both);
/// let area = r.candidates[0].area;
/// assert_eq!((area.kind(), area.code(), area.name()), ("region", "76", "Occitanie"));
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area<'g> {
    /// A département.
    Departement(&'g Departement),
    /// A région.
    Region(&'g Region),
}

impl<'g> Area<'g> {
    /// `departement` or `region`.
    pub fn kind(&self) -> &'static str {
        match self {
            Area::Departement(_) => "departement",
            Area::Region(_) => "region",
        }
    }
    /// Its code (`81`, `76`).
    pub fn code(&self) -> &'g str {
        match self {
            Area::Departement(d) => d.code.as_str(),
            Area::Region(r) => r.code.as_str(),
        }
    }
    /// Its official name.
    pub fn name(&self) -> &'g str {
        match self {
            Area::Departement(d) => &d.name,
            Area::Region(r) => &r.name,
        }
    }
}

/// How a département or région matched the text.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_geo::AreaMatch::Abbreviation).unwrap(), "\"abbreviation\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaMatch {
    /// Its code (100).
    Code,
    /// Its official name, exactly as written (100).
    Exact,
    /// Its official name written differently, or introduced (`département du Tarn`) (97).
    Spelling,
    /// A usual abbreviation of a région (`PACA`) (97).
    Abbreviation,
}

impl AreaMatch {
    /// The stable code (`code`, `exact`, `spelling`, `abbreviation`).
    ///
    /// ```
    /// assert_eq!(ctg_geo::AreaMatch::Spelling.as_str(), "spelling");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AreaMatch::Code => "code",
            AreaMatch::Exact => "exact",
            AreaMatch::Spelling => "spelling",
            AreaMatch::Abbreviation => "abbreviation",
        }
    }
}

/// Which areas to look among.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AreaKinds {
    /// Départements only.
    Departements,
    /// Régions only (then a code is read as a région's).
    Regions,
    /// Both (a code is read as a département's).
    Both,
}

/// A département or région the text may name, and why.
///
/// It serialises as `{"departement": {…}}` or `{"region": {…}}`, with `score` and `match`.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let r = geo.resolve_area("tarn et garonne", &ctg_geo::Context::new(), ctg_geo::AreaKinds::Departements);
/// let best = &r.candidates[0];
/// assert_eq!((best.area.code(), best.score, best.matched), ("82", 97, ctg_geo::AreaMatch::Spelling));
/// assert_eq!(best.explain_in(ctg_core::Lang::En), "the département Tarn-et-Garonne (82), written differently");
/// assert_eq!(serde_json::to_value(best)?["departement"]["name"], "Tarn-et-Garonne");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaCandidate<'g> {
    /// The département or région.
    #[serde(flatten)]
    pub area: Area<'g>,
    /// 100 the code or the official name as written, 97 another spelling or an abbreviation.
    pub score: u8,
    /// How it matched.
    #[serde(rename = "match")]
    pub matched: AreaMatch,
    #[serde(skip)]
    identity: String,
}

impl<'g> AreaCandidate<'g> {
    fn new(area: Area<'g>, matched: AreaMatch) -> AreaCandidate<'g> {
        let score = match matched {
            AreaMatch::Code | AreaMatch::Exact => 100,
            AreaMatch::Spelling | AreaMatch::Abbreviation => 97,
        };
        AreaCandidate {
            area,
            score,
            matched,
            identity: format!("{}:{}", area.kind(), area.code()),
        }
    }

    /// One sentence saying why this candidate matched, in `lang`.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let r = geo.resolve_area("PACA", &ctg_geo::Context::new(), ctg_geo::AreaKinds::Both);
    /// assert_eq!(r.candidates[0].explain_in(ctg_core::Lang::Fr), "la région Provence-Alpes-Côte d'Azur (93), par son sigle");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn explain_in(&self, lang: Lang) -> String {
        crate::catalogue::area_candidate(self, lang)
    }
}

impl Ranked for AreaCandidate<'_> {
    fn rank_level(&self) -> u8 {
        1
    }
    fn rank_score(&self) -> u8 {
        self.score
    }
    fn identity(&self) -> &str {
        &self.identity
    }
}

/// The resolution of a département's or région's name.
pub type AreaResolution<'g> = Resolution<'g, AreaCandidate<'g>>;

/// Usual abbreviations of régions: normalised key, région code.
const REGION_ABBREVIATIONS: &[(&str, &str)] =
    &[("paca", "93"), ("idf", "11"), ("aura", "84"), ("bfc", "27")];

impl Context {
    /// Whether a département or région lies in the context (see the [module](crate::area)).
    pub fn admits_area(&self, geography: &Geography, area: Area<'_>) -> bool {
        if self.is_empty() {
            return true;
        }
        let in_epci = |test: &dyn Fn(&ctg_core::CommuneRecord) -> bool| {
            self.epcis.iter().any(|siren| {
                geography.epci(siren).is_some_and(|e| {
                    e.members
                        .iter()
                        .any(|code| geography.commune(code).is_some_and(test))
                })
            })
        };
        match area {
            Area::Departement(d) => {
                self.departements.contains(&d.code)
                    || self.regions.contains(&d.region)
                    || in_epci(&|c| c.departement == d.code)
            }
            Area::Region(r) => {
                self.regions.contains(&r.code)
                    || self.departements.iter().any(|code| {
                        geography
                            .departement(code)
                            .is_some_and(|d| d.region == r.code)
                    })
                    || in_epci(&|c| c.region == r.code)
            }
        }
    }
}

impl Geography {
    /// Resolves a département's or région's name (or code) as written, in a context: see the
    /// [module](crate::area) for the rules. Never panics; work is bounded.
    ///
    /// ```
    /// use ctg_geo::{AreaKinds, Context, Geography, Status};
    /// let geo = Geography::embedded()?;
    /// let any = Context::new();
    /// assert_eq!(geo.resolve_area("Tarn", &any, AreaKinds::Both).candidates[0].area.code(), "81");
    /// assert_eq!(geo.resolve_area("Provence-Alpes-Côte d’Azur", &any, AreaKinds::Both).candidates[0].area.code(), "93");
    /// assert_eq!(geo.resolve_area("76", &any, AreaKinds::Both).candidates[0].area.name(), "Seine-Maritime");
    /// assert_eq!(geo.resolve_area("76", &any, AreaKinds::Regions).candidates[0].area.name(), "Occitanie");
    /// // La Réunion is a département and a région.
    /// assert_eq!(geo.resolve_area("La Réunion", &any, AreaKinds::Both).status, Status::Ambiguous);
    /// assert_eq!(geo.resolve_area("Tarnn", &any, AreaKinds::Both).status, Status::NotFound);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn resolve_area(
        &self,
        text: &str,
        context: &Context,
        kinds: AreaKinds,
    ) -> AreaResolution<'_> {
        let (query, too_long) = kept_query(text);
        if too_long {
            return nothing(query, NotFoundReason::TooLong, &self.vintage);
        }
        if crate::normalize::words(&query).is_empty() {
            return nothing(query, NotFoundReason::Empty, &self.vintage);
        }
        let departements = kinds != AreaKinds::Regions;
        let regions = kinds != AreaKinds::Departements;
        let mut found = Vec::new();
        if departements {
            if let Ok(code) = DepartementCode::parse(&query) {
                if let Some(d) = self.departement(&code) {
                    found.push(AreaCandidate::new(Area::Departement(d), AreaMatch::Code));
                }
            }
        }
        if kinds == AreaKinds::Regions {
            if let Some(r) = self.region(&query) {
                found.push(AreaCandidate::new(Area::Region(r), AreaMatch::Code));
            }
        }
        let key = area_key(&query);
        let how = |name: &str| {
            if name == query {
                AreaMatch::Exact
            } else {
                AreaMatch::Spelling
            }
        };
        if found.is_empty() && !key.is_empty() {
            if departements {
                if let Some(d) = self.departement_with_key(&key) {
                    found.push(AreaCandidate::new(Area::Departement(d), how(&d.name)));
                }
            }
            if regions {
                if let Some(r) = self.region_with_key(&key) {
                    found.push(AreaCandidate::new(Area::Region(r), how(&r.name)));
                }
                if let Some((_, code)) = REGION_ABBREVIATIONS.iter().find(|(k, _)| *k == key) {
                    if let Some(r) = self.region(code) {
                        found.push(AreaCandidate::new(Area::Region(r), AreaMatch::Abbreviation));
                    }
                }
            }
        }
        let (inside, outside) = found
            .into_iter()
            .partition(|c| context.admits_area(self, c.area));
        settle(query, inside, outside, &self.vintage)
    }
}
