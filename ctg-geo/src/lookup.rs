//! Looking a name up as a person would (`ctg lookup`): a commune or an EPCI, with ranked
//! candidates, a status and why, in French or English, and flat rows for a table or a data
//! frame.

use ctg_core::{Lang, Vintage};
use serde::Serialize;

use crate::area::{Area, AreaCandidate, AreaKinds, AreaResolution};
use crate::epci::names_an_epci;
use crate::resolve::{settle, NotFoundReason, Ranked};
use crate::{
    Candidate, Context, EpciCandidate, EpciResolution, Geography, MatchKind, Resolution, Status,
};

impl Status {
    /// The status in words: `résolu`, `ambigu`, `introuvable`; `resolved`, `ambiguous`,
    /// `not found`.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// assert_eq!(ctg_geo::Status::Ambiguous.label(Lang::Fr), "ambigu");
    /// assert_eq!(ctg_geo::Status::NotFound.label(Lang::En), "not found");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Resolved, Lang::Fr) => "résolu",
            (Status::Ambiguous, Lang::Fr) => "ambigu",
            (Status::NotFound, Lang::Fr) => "introuvable",
            (Status::Resolved, Lang::En) => "resolved",
            (Status::Ambiguous, Lang::En) => "ambiguous",
            (Status::NotFound, Lang::En) => "not found",
        }
    }
}

impl NotFoundReason {
    /// Why nothing was found, in words.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// assert_eq!(ctg_geo::NotFoundReason::OutsideContext.label(Lang::En), "found only outside the context");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NotFoundReason::Empty, Lang::Fr) => "le texte n’a pas de lettre",
            (NotFoundReason::TooLong, Lang::Fr) => "trop long pour être un nom",
            (NotFoundReason::NoMatch, Lang::Fr) => {
                "aucun nom de la référence ne correspond, ni n’en est proche"
            }
            (NotFoundReason::OutsideContext, Lang::Fr) => "trouvé seulement hors du contexte",
            (NotFoundReason::Empty, Lang::En) => "the text has no letter",
            (NotFoundReason::TooLong, Lang::En) => "too long to be a name",
            (NotFoundReason::NoMatch, Lang::En) => "no name of the reference matches, nor is close",
            (NotFoundReason::OutsideContext, Lang::En) => "found only outside the context",
        }
    }
}

impl Candidate<'_> {
    /// One sentence saying why this candidate matched, in `lang` ([`explain`](Candidate::explain)
    /// is the English one).
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let r = geo.resolve("Ronel", &ctg_geo::Context::new());
    /// assert_eq!(
    ///     r.candidates[0].explain_in(Lang::Fr),
    ///     "Ronel est une commune déléguée, aujourd’hui partie de Terre-de-Bancalié (81233)"
    /// );
    /// let r = geo.resolve("Castelsarasin", &ctg_geo::Context::new());
    /// assert_eq!(r.candidates[0].explain_in(Lang::Fr), "Castelsarrasin (82033), à 1 modification du texte");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn explain_in(&self, lang: Lang) -> String {
        crate::catalogue::commune_candidate(self, lang)
    }
}

impl EpciCandidate<'_> {
    /// One sentence saying why this EPCI matched, in `lang`.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let r = geo.resolve_epci("Communauté de communes TARN-AGOUT", &ctg_geo::Context::new());
    /// assert_eq!(r.candidates[0].explain_in(Lang::En), "CC Tarn-Agout (200034023), the same significant words");
    /// assert_eq!(r.candidates[0].explain_in(Lang::Fr), "CC Tarn-Agout (200034023), les mêmes mots significatifs");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn explain_in(&self, lang: Lang) -> String {
        crate::catalogue::epci_candidate(self, lang)
    }
}

/// What a name is looked up as, when the caller says (`ctg lookup --kind`, `kind=`).
///
/// ```
/// use ctg_geo::LookupKind;
/// assert_eq!(LookupKind::parse("departement"), Some(LookupKind::Departement));
/// assert_eq!(LookupKind::parse("département"), None); // the stable codes only
/// assert_eq!(LookupKind::Region.as_str(), "region");
/// assert_eq!(LookupKind::parse("canton"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LookupKind {
    /// A commune (or arrondissement): by name, INSEE code or postal code.
    Commune,
    /// An EPCI: by name or SIREN.
    Epci,
    /// A département: by name or code.
    Departement,
    /// A région: by name or code.
    Region,
}

impl LookupKind {
    /// Every kind, in the order above.
    pub const ALL: [LookupKind; 4] = [
        LookupKind::Commune,
        LookupKind::Epci,
        LookupKind::Departement,
        LookupKind::Region,
    ];

    /// The stable code: `commune`, `epci`, `departement`, `region`.
    pub fn as_str(self) -> &'static str {
        match self {
            LookupKind::Commune => "commune",
            LookupKind::Epci => "epci",
            LookupKind::Departement => "departement",
            LookupKind::Region => "region",
        }
    }

    /// A kind from its stable code, or `None`.
    pub fn parse(text: &str) -> Option<LookupKind> {
        match text.trim() {
            "commune" => Some(LookupKind::Commune),
            "epci" => Some(LookupKind::Epci),
            "departement" => Some(LookupKind::Departement),
            "region" => Some(LookupKind::Region),
            _ => None,
        }
    }
}

/// A candidate of any kind: a commune, an EPCI, a département or a région.
///
/// It serialises as the candidate it holds (a commune's has `commune`, an EPCI's `epci`, a
/// département's `departement`, a région's `region`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnyCandidate<'g> {
    /// A commune or arrondissement.
    Commune(Candidate<'g>),
    /// An EPCI.
    Epci(EpciCandidate<'g>),
    /// A département or région.
    Area(AreaCandidate<'g>),
}

impl<'g> AnyCandidate<'g> {
    /// `commune`, `arrondissement`, the EPCI's kind (`cc`, `ca`, `cu`, `metropole`),
    /// `departement` or `region`.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let all = geo.lookup("Vienne", &ctg_geo::Context::new()).all();
    /// let kinds: Vec<&str> = all.iter().map(|(c, _)| c.kind()).collect();
    /// assert_eq!(kinds, ["commune", "departement"]);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            AnyCandidate::Commune(c) => match c.commune.kind {
                ctg_core::CommuneKind::Commune => "commune",
                ctg_core::CommuneKind::Arrondissement => "arrondissement",
            },
            AnyCandidate::Epci(c) => c.epci.kind.code(),
            AnyCandidate::Area(c) => c.area.kind(),
        }
    }
    /// INSEE code, SIREN, or the code of the département or région.
    pub fn code(&self) -> &'g str {
        match self {
            AnyCandidate::Commune(c) => c.commune.insee.as_str(),
            AnyCandidate::Epci(c) => c.epci.siren.as_str(),
            AnyCandidate::Area(c) => c.area.code(),
        }
    }
    /// Official name.
    pub fn name(&self) -> &'g str {
        match self {
            AnyCandidate::Commune(c) => &c.commune.name,
            AnyCandidate::Epci(c) => &c.epci.name,
            AnyCandidate::Area(c) => c.area.name(),
        }
    }
    /// The département: a commune's, or a département's own code; none for an EPCI or a région.
    pub fn departement(&self) -> Option<&'g str> {
        match self {
            AnyCandidate::Commune(c) => Some(c.commune.departement.as_str()),
            AnyCandidate::Epci(_) => None,
            AnyCandidate::Area(c) => match c.area {
                Area::Departement(d) => Some(d.code.as_str()),
                Area::Region(_) => None,
            },
        }
    }
    /// Municipal population in the reference (communes and EPCI).
    pub fn population(&self) -> Option<u64> {
        match self {
            AnyCandidate::Commune(c) => c.commune.population,
            AnyCandidate::Epci(c) => c.epci.population,
            AnyCandidate::Area(_) => None,
        }
    }
    /// 0 to 100.
    pub fn score(&self) -> u8 {
        self.rank_score()
    }
    /// How it matched (`exact`, `spelling`, `code`, `postal_code`, `words`, `typo`…).
    pub fn matched(&self) -> &'static str {
        match self {
            AnyCandidate::Commune(c) => c.matched.as_str(),
            AnyCandidate::Epci(c) => c.matched.as_str(),
            AnyCandidate::Area(c) => c.matched.as_str(),
        }
    }
    /// The rewritings that led to a commune (`abbreviation`, `prefix_removed`…).
    pub fn rules(&self) -> Vec<&'static str> {
        match self {
            AnyCandidate::Commune(c) => c.rules.iter().map(|r| r.as_str()).collect(),
            _ => Vec::new(),
        }
    }
    /// Why it matched, in `lang`.
    pub fn explain_in(&self, lang: Lang) -> String {
        match self {
            AnyCandidate::Commune(c) => c.explain_in(lang),
            AnyCandidate::Epci(c) => c.explain_in(lang),
            AnyCandidate::Area(c) => c.explain_in(lang),
        }
    }
}

impl Ranked for AnyCandidate<'_> {
    fn rank_level(&self) -> u8 {
        match self {
            AnyCandidate::Commune(c) => c.rank_level(),
            AnyCandidate::Epci(c) => c.rank_level(),
            AnyCandidate::Area(c) => c.rank_level(),
        }
    }
    fn rank_score(&self) -> u8 {
        match self {
            AnyCandidate::Commune(c) => c.rank_score(),
            AnyCandidate::Epci(c) => c.rank_score(),
            AnyCandidate::Area(c) => c.rank_score(),
        }
    }
    fn identity(&self) -> &str {
        match self {
            AnyCandidate::Commune(c) => c.identity(),
            AnyCandidate::Epci(c) => c.identity(),
            AnyCandidate::Area(c) => c.identity(),
        }
    }
    fn ties_with(&self, best: &Self) -> bool {
        match (self, best) {
            (AnyCandidate::Commune(a), AnyCandidate::Commune(b)) => a.ties_with(b),
            (AnyCandidate::Epci(a), AnyCandidate::Epci(b)) => a.ties_with(b),
            _ => self.rank_score() == best.rank_score(),
        }
    }
}

/// A name looked up: as a commune's, an EPCI's, a département's or a région's — or, when it is
/// the name of more than one kind (`Vienne`, a commune of the Isère and a département), as all
/// of them at once (`Mixed`), so that the ambiguity is reported, not guessed.
///
/// It serialises with `kind` (`commune`, `epci`, `departement`, `region`, `mixed`) and the
/// resolution.
///
/// ```
/// use ctg_geo::{Context, Geography, Lookup, Status};
/// let geo = Geography::embedded()?;
/// let lookup = geo.lookup("Parisot", &Context::new());
/// assert!(matches!(lookup, Lookup::Commune(_)));
/// assert_eq!(lookup.status(), Status::Ambiguous);
/// let lookup = geo.lookup("CC Tarn-Agout", &Context::new());
/// assert!(matches!(lookup, Lookup::Epci(_)));
/// assert_eq!(serde_json::to_value(&lookup)?["kind"], "epci");
/// assert_eq!(geo.lookup("Tarn", &Context::new()).kind(), "departement");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "resolution", rename_all = "snake_case")]
pub enum Lookup<'g> {
    /// Looked up among the communes.
    Commune(Resolution<'g>),
    /// Looked up among the EPCI.
    Epci(EpciResolution<'g>),
    /// Looked up among the départements.
    Departement(AreaResolution<'g>),
    /// Looked up among the régions.
    Region(AreaResolution<'g>),
    /// The name of more than one kind (communes, départements, régions), looked up among all.
    Mixed(Resolution<'g, AnyCandidate<'g>>),
}

/// One candidate of a lookup, flat: what a table, a CSV line or a data frame row shows.
///
/// ```
/// use ctg_core::Lang;
/// let geo = ctg_geo::Geography::embedded()?;
/// let rows = geo.lookup("Lavaur", &ctg_geo::Context::new()).rows(Lang::En);
/// assert_eq!(rows.len(), 2);
/// assert_eq!((rows[0].rank, rows[0].code.as_str(), rows[0].departement.as_deref()), (1, "24232", Some("24")));
/// assert_eq!(rows[1].status, "ambiguous");
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LookupRow {
    /// The name as given (trimmed).
    pub query: String,
    /// The lookup's status (`resolved`, `ambiguous`, `not_found`), the same on every row.
    pub status: &'static str,
    /// 1 for the best candidate; candidates outside the context come after those in it.
    pub rank: usize,
    /// Whether the candidate lies in the context.
    pub in_context: bool,
    /// `commune`, `arrondissement`, the EPCI's kind (`cc`, `ca`, `cu`, `metropole`),
    /// `departement` or `region`.
    pub kind: &'static str,
    /// INSEE code, SIREN, or code of the département or région.
    pub code: String,
    /// Official name.
    pub name: String,
    /// The commune's département, or the département's own code (none for an EPCI, a région).
    pub departement: Option<String>,
    /// Municipal population in the reference.
    pub population: Option<u64>,
    /// 0 to 100.
    pub score: u8,
    /// How it matched (`exact`, `spelling`, `code`, `postal_code`, `words`, `typo`…).
    #[serde(rename = "match")]
    pub matched: &'static str,
    /// The rewritings that led to it (`abbreviation`, `prefix_removed`…).
    pub rules: Vec<&'static str>,
    /// Why, in the language asked for.
    pub explanation: String,
}

/// Every candidate of a resolution, in the context first, each with whether it is in it.
fn all_of<'g, C: Clone>(
    r: &Resolution<'g, C>,
    wrap: impl Fn(C) -> AnyCandidate<'g>,
) -> Vec<(AnyCandidate<'g>, bool)> {
    let inside = r.candidates.iter().map(|c| (wrap(c.clone()), true));
    let outside = r.outside_context.iter().map(|c| (wrap(c.clone()), false));
    inside.chain(outside).collect()
}

impl<'g> Lookup<'g> {
    /// What the name was looked up as: `commune`, `epci`, `departement`, `region`, or `mixed`.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.lookup("Occitanie", &ctg_geo::Context::new()).kind(), "region");
    /// assert_eq!(geo.lookup("Paris", &ctg_geo::Context::new()).kind(), "mixed");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Lookup::Commune(_) => "commune",
            Lookup::Epci(_) => "epci",
            Lookup::Departement(_) => "departement",
            Lookup::Region(_) => "region",
            Lookup::Mixed(_) => "mixed",
        }
    }

    /// The status of the lookup.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.lookup("Lavaur", &ctg_geo::Context::new()).status(), ctg_geo::Status::Ambiguous);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn status(&self) -> Status {
        match self {
            Lookup::Commune(r) => r.status,
            Lookup::Epci(r) => r.status,
            Lookup::Departement(r) | Lookup::Region(r) => r.status,
            Lookup::Mixed(r) => r.status,
        }
    }

    /// Why nothing was found, when nothing was.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let lookup = geo.lookup("Lavaur", &ctg_geo::Context::new().departement("82".parse()?));
    /// assert_eq!(lookup.reason(), Some(ctg_geo::NotFoundReason::OutsideContext));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> Option<NotFoundReason> {
        match self {
            Lookup::Commune(r) => r.reason,
            Lookup::Epci(r) => r.reason,
            Lookup::Departement(r) | Lookup::Region(r) => r.reason,
            Lookup::Mixed(r) => r.reason,
        }
    }

    /// The name as given (trimmed).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.lookup("  Albine ", &ctg_geo::Context::new()).query(), "Albine");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn query(&self) -> &str {
        match self {
            Lookup::Commune(r) => &r.query,
            Lookup::Epci(r) => &r.query,
            Lookup::Departement(r) | Lookup::Region(r) => &r.query,
            Lookup::Mixed(r) => &r.query,
        }
    }

    /// The reference the answer comes from.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.lookup("Albine", &ctg_geo::Context::new()).vintage().geography, "COG 2026");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn vintage(&self) -> &'g Vintage {
        match self {
            Lookup::Commune(r) => r.vintage,
            Lookup::Epci(r) => r.vintage,
            Lookup::Departement(r) | Lookup::Region(r) => r.vintage,
            Lookup::Mixed(r) => r.vintage,
        }
    }

    /// Every candidate, in the context first (best first), then outside it, each with whether
    /// it lies in the context.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let all = geo.lookup("Parisot", &ctg_geo::Context::new().departement("82".parse()?)).all();
    /// assert_eq!((all[0].0.code(), all[0].1), ("82137", true));
    /// assert_eq!((all[1].0.code(), all[1].1), ("81202", false));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn all(&self) -> Vec<(AnyCandidate<'g>, bool)> {
        match self {
            Lookup::Commune(r) => all_of(r, AnyCandidate::Commune),
            Lookup::Epci(r) => all_of(r, AnyCandidate::Epci),
            Lookup::Departement(r) | Lookup::Region(r) => all_of(r, AnyCandidate::Area),
            Lookup::Mixed(r) => all_of(r, |c| c),
        }
    }

    /// How many candidates lie in the context, and how many of them are tied at the best (one
    /// when resolved, several when ambiguous).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.lookup("Parisot", &ctg_geo::Context::new()).counts(), (2, 2));
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn counts(&self) -> (usize, usize) {
        match self {
            Lookup::Commune(r) => (r.candidates.len(), r.tied().len()),
            Lookup::Epci(r) => (r.candidates.len(), r.tied().len()),
            Lookup::Departement(r) | Lookup::Region(r) => (r.candidates.len(), r.tied().len()),
            Lookup::Mixed(r) => (r.candidates.len(), r.tied().len()),
        }
    }

    /// The answer when resolved: the best candidate; `None` otherwise (never a guess).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let best = geo.lookup("82200", &ctg_geo::Context::new()).resolved();
    /// assert!(best.is_none()); // Moissac and the other communes of that postal code
    /// let best = geo.lookup("Occitanie", &ctg_geo::Context::new()).resolved().unwrap();
    /// assert_eq!(best.code(), "76");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn resolved(&self) -> Option<AnyCandidate<'g>> {
        if self.status() == Status::Resolved {
            self.all().into_iter().next().map(|(c, _)| c)
        } else {
            None
        }
    }

    /// Every candidate as a flat row, in the context first (best first), then outside it, with
    /// its explanation in `lang`.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let rows = geo.lookup("St-Amans-Soult", &ctg_geo::Context::new()).rows(Lang::Fr);
    /// assert_eq!(rows[0].explanation, "Saint-Amans-Soult (81238) écrit autrement [abbreviation]");
    /// assert_eq!(rows[0].population, Some(1553));
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn rows(&self, lang: Lang) -> Vec<LookupRow> {
        let status = self.status().as_str();
        let query = self.query().to_owned();
        self.all()
            .into_iter()
            .enumerate()
            .map(|(i, (c, in_context))| LookupRow {
                query: query.clone(),
                status,
                rank: i + 1,
                in_context,
                kind: c.kind(),
                code: c.code().to_owned(),
                name: c.name().to_owned(),
                departement: c.departement().map(str::to_owned),
                population: c.population(),
                score: c.score(),
                matched: c.matched(),
                rules: c.rules(),
                explanation: c.explain_in(lang),
            })
            .collect()
    }
}

impl Geography {
    /// Looks a name up as a person types it, and says what it was looked up as:
    ///
    /// - among the EPCI when it starts as an EPCI's name does (`CC`, `Communauté de communes`,
    ///   `CA`…);
    /// - else among the communes (by name, INSEE code or postal code) **and** among the
    ///   départements and régions (by name, or a département's code). When only one kind
    ///   matches, the lookup is of that kind (`Tarn`: a département; `Albine`: a commune). When a
    ///   commune matches as well as a département or région does (`Vienne`, `Paris`, `Landes`,
    ///   `Bretagne`), the lookup is [`Mixed`](Lookup::Mixed) and **ambiguous**: the context
    ///   (`--dept 38` for Vienne of the Isère) or the kind asked ([`lookup_as`](Geography::lookup_as))
    ///   says which. A commune found only by a typo does not compete with a département's or
    ///   région's name written as it is.
    /// - among the EPCI, at last, when nothing else has that name and an EPCI has it (by its
    ///   words, not by a typo).
    ///
    /// Nothing is guessed: an ambiguous name stays ambiguous, with its candidates.
    ///
    /// ```
    /// use ctg_geo::{Context, Geography, Status};
    /// let geo = Geography::embedded()?;
    /// let lookup = geo.lookup("Parisot", &Context::new().departement("82".parse()?));
    /// assert_eq!(lookup.status(), Status::Resolved);
    /// assert_eq!(lookup.rows(ctg_core::Lang::En)[0].code, "82137");
    /// // An EPCI written without its kind.
    /// let lookup = geo.lookup("Terres des Confluences", &Context::new());
    /// assert_eq!(lookup.rows(ctg_core::Lang::En)[0].code, "200066322");
    /// // A département, a commune and a département, a postal code.
    /// assert_eq!(geo.lookup("Tarn-et-Garonne", &Context::new()).rows(ctg_core::Lang::En)[0].code, "82");
    /// assert_eq!(geo.lookup("Vienne", &Context::new()).status(), Status::Ambiguous);
    /// let isere = Context::new().departement("38".parse()?);
    /// assert_eq!(geo.lookup("Vienne", &isere).resolved().unwrap().code(), "38544");
    /// assert_eq!(geo.lookup("82200", &Context::new()).status(), Status::Ambiguous);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lookup(&self, name: &str, context: &Context) -> Lookup<'_> {
        self.lookup_any(name, context, true)
    }

    /// Looks a name up as the kind asked, or as [`lookup`](Geography::lookup) does when `kind`
    /// is `None`.
    ///
    /// ```
    /// use ctg_geo::{Context, Geography, LookupKind, Status};
    /// let geo = Geography::embedded()?;
    /// let any = Context::new();
    /// let vienne = geo.lookup_as("Vienne", &any, Some(LookupKind::Departement));
    /// assert_eq!(vienne.resolved().unwrap().code(), "86");
    /// let vienne = geo.lookup_as("Vienne", &any, Some(LookupKind::Commune));
    /// assert_eq!(vienne.resolved().unwrap().code(), "38544");
    /// let region = geo.lookup_as("76", &any, Some(LookupKind::Region));
    /// assert_eq!(region.resolved().unwrap().name(), "Occitanie");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn lookup_as(&self, name: &str, context: &Context, kind: Option<LookupKind>) -> Lookup<'_> {
        match kind {
            None => self.lookup(name, context),
            Some(LookupKind::Commune) => Lookup::Commune(self.resolve(name, context)),
            Some(LookupKind::Epci) => Lookup::Epci(self.resolve_epci(name, context)),
            Some(LookupKind::Departement) => {
                Lookup::Departement(self.resolve_area(name, context, AreaKinds::Departements))
            }
            Some(LookupKind::Region) => {
                Lookup::Region(self.resolve_area(name, context, AreaKinds::Regions))
            }
        }
    }

    /// [`lookup`](Geography::lookup); `epci_outside`: whether an EPCI found only outside the
    /// context is reason enough to look the name up as an EPCI's.
    pub(crate) fn lookup_any(
        &self,
        name: &str,
        context: &Context,
        epci_outside: bool,
    ) -> Lookup<'_> {
        if names_an_epci(name) {
            return Lookup::Epci(self.resolve_epci(name, context));
        }
        let commune = self.resolve(name, context);
        let areas = self.resolve_area(name, context, AreaKinds::Both);
        if areas.candidates.is_empty() && areas.outside_context.is_empty() {
            if commune.reason == Some(NotFoundReason::NoMatch) {
                let epci = self.resolve_epci(name, context);
                let mut found = epci.candidates.iter();
                let close = if epci_outside {
                    found.chain(&epci.outside_context).next()
                } else {
                    found.next()
                }
                .is_some_and(|c| c.rank_level() <= 2);
                if close {
                    return Lookup::Epci(epci);
                }
            }
            return Lookup::Commune(commune);
        }
        // A département's or région's name matched: a commune found only by a typo is not a
        // rival (typos are looked for only when no name matches).
        let real = |c: &Candidate<'_>| c.matched != MatchKind::Typo;
        let inside: Vec<Candidate<'_>> = commune.candidates.into_iter().filter(real).collect();
        let outside: Vec<Candidate<'_>> =
            commune.outside_context.into_iter().filter(real).collect();
        if inside.is_empty() && outside.is_empty() {
            let mut all = areas.candidates.iter().chain(&areas.outside_context);
            if all.clone().all(|c| matches!(c.area, Area::Departement(_))) {
                return Lookup::Departement(areas);
            }
            if all.all(|c| matches!(c.area, Area::Region(_))) {
                return Lookup::Region(areas);
            }
        }
        let inside = inside
            .into_iter()
            .map(AnyCandidate::Commune)
            .chain(areas.candidates.into_iter().map(AnyCandidate::Area))
            .collect();
        let outside = outside
            .into_iter()
            .map(AnyCandidate::Commune)
            .chain(areas.outside_context.into_iter().map(AnyCandidate::Area))
            .collect();
        Lookup::Mixed(settle(commune.query, inside, outside, &self.vintage))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_code_sentence_in_french() {
        let geo = Geography::embedded().unwrap();
        let r = geo.resolve("81226", &Context::new());
        assert_eq!(
            r.candidates[0].explain_in(Lang::Fr),
            "81226 est le code d’une commune déléguée, aujourd’hui partie de Terre-de-Bancalié (81233)"
        );
        let r = geo.resolve("01003", &Context::new());
        assert_eq!(
            r.candidates[0].explain_in(Lang::Fr),
            "01003 est le code d’une ancienne commune, aujourd’hui partie de Francheleins (01165)"
        );
    }
}
