//! Looking a name up as a person would (`ctg lookup`): a commune or an EPCI, with ranked
//! candidates, a status and why, in French or English, and flat rows for a table or a data
//! frame.

use ctg_core::{Lang, PartyKind, Vintage};
use serde::Serialize;

use crate::epci::names_an_epci;
use crate::resolve::{NotFoundReason, Ranked};
use crate::{
    Candidate, Context, EpciCandidate, EpciMatch, EpciResolution, Geography, MatchKind, Resolution,
    Status,
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
        if lang == Lang::En {
            return self.explain();
        }
        let c = self.commune;
        let name = self.matched_name.unwrap_or(&c.name);
        let mut text = match self.matched {
            MatchKind::Exact => format!("le nom officiel de {} ({})", c.name, c.insee),
            MatchKind::Spelling => format!("{} ({}) écrit autrement", c.name, c.insee),
            MatchKind::Code => format!("le code INSEE de {} ({})", c.name, c.insee),
            MatchKind::Arrondissement => format!("{} ({})", c.name, c.insee),
            MatchKind::Joined => format!(
                "{} ({}) avec ses mots soudés ou séparés autrement",
                c.name, c.insee
            ),
            MatchKind::Shortened => format!("{} ({}) abrégé", c.name, c.insee),
            MatchKind::FormerName | MatchKind::FormerCode => {
                let kind = match self.former.map(|f| f.kind) {
                    Some(ctg_core::FormerKind::Delegated) => "une commune déléguée",
                    Some(ctg_core::FormerKind::Associated) => "une commune associée",
                    _ => "une ancienne commune",
                };
                let code = self.former.map(|f| f.insee.as_str()).unwrap_or("");
                if self.matched == MatchKind::FormerCode {
                    format!(
                        "{code} est le code d’{kind}, aujourd’hui partie de {} ({})",
                        c.name, c.insee
                    )
                } else {
                    format!(
                        "{name} est {kind}, aujourd’hui partie de {} ({})",
                        c.name, c.insee
                    )
                }
            }
            MatchKind::OtherName => format!(
                "{name} est un autre nom de {} ({}) dans la référence",
                c.name, c.insee
            ),
            MatchKind::Typo => {
                let edits = match self.distance.unwrap_or(0) {
                    1 => "1 modification".to_owned(),
                    n => format!("{n} modifications"),
                };
                let by = if name == c.name {
                    String::new()
                } else {
                    format!(", par le nom {name}")
                };
                format!("{} ({}), à {edits} du texte{by}", c.name, c.insee)
            }
        };
        if !self.rules.is_empty() {
            let rules: Vec<&str> = self.rules.iter().map(|r| r.as_str()).collect();
            text.push_str(&format!(" [{}]", rules.join(", ")));
        }
        text
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
        let e = self.epci;
        let how = match (self.matched, lang) {
            (EpciMatch::Exact, Lang::Fr) => "le nom officiel".to_owned(),
            (EpciMatch::Exact, Lang::En) => "the official name".to_owned(),
            (EpciMatch::Siren, Lang::Fr) => "son SIREN".to_owned(),
            (EpciMatch::Siren, Lang::En) => "its SIREN".to_owned(),
            (EpciMatch::Words, Lang::Fr) => "les mêmes mots significatifs".to_owned(),
            (EpciMatch::Words, Lang::En) => "the same significant words".to_owned(),
            (EpciMatch::Loose, Lang::Fr) => {
                "les mêmes mots, la nature de l’EPCI mise à part".to_owned()
            }
            (EpciMatch::Loose, Lang::En) => "the same words, the kind of EPCI aside".to_owned(),
            (EpciMatch::Typo, _) => {
                let n = self.distance.unwrap_or(0);
                match (lang, n) {
                    (Lang::Fr, 1) => "à 1 modification du texte".to_owned(),
                    (Lang::Fr, n) => format!("à {n} modifications du texte"),
                    (Lang::En, 1) => "1 edit away from the text".to_owned(),
                    (Lang::En, n) => format!("{n} edits away from the text"),
                }
            }
        };
        let kind = match (self.kind_differs, lang) {
            (false, _) => "",
            (true, Lang::Fr) => " ; d’une autre nature que celle écrite",
            (true, Lang::En) => "; of another kind than written",
        };
        format!("{} ({}), {how}{kind}", e.name, e.siren)
    }
}

/// A name looked up: as a commune's, or as an EPCI's (when it starts as one, `CC …`,
/// `Communauté de communes …`, or when no commune has that name and an EPCI has).
///
/// It serialises with `kind` (`commune` or `epci`) and the resolution.
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
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "resolution", rename_all = "snake_case")]
pub enum Lookup<'g> {
    /// Looked up among the communes.
    Commune(Resolution<'g>),
    /// Looked up among the EPCI.
    Epci(EpciResolution<'g>),
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
    /// `commune`, `arrondissement`, or the EPCI's kind (`cc`, `ca`, `cu`, `metropole`).
    pub kind: &'static str,
    /// INSEE code or SIREN.
    pub code: String,
    /// Official name.
    pub name: String,
    /// The commune's département (none for an EPCI).
    pub departement: Option<String>,
    /// Municipal population in the reference.
    pub population: Option<u64>,
    /// 0 to 100.
    pub score: u8,
    /// How it matched (`exact`, `spelling`, `words`, `typo`…).
    #[serde(rename = "match")]
    pub matched: &'static str,
    /// The rewritings that led to it (`abbreviation`, `prefix_removed`…).
    pub rules: Vec<&'static str>,
    /// Why, in the language asked for.
    pub explanation: String,
}

impl<'g> Lookup<'g> {
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
        match self {
            Lookup::Commune(r) => {
                let inside = r.candidates.iter().map(|c| (c, true));
                let outside = r.outside_context.iter().map(|c| (c, false));
                inside
                    .chain(outside)
                    .enumerate()
                    .map(|(i, (c, in_context))| LookupRow {
                        query: query.clone(),
                        status,
                        rank: i + 1,
                        in_context,
                        kind: match c.commune.kind {
                            ctg_core::CommuneKind::Commune => "commune",
                            ctg_core::CommuneKind::Arrondissement => "arrondissement",
                        },
                        code: c.commune.insee.to_string(),
                        name: c.commune.name.clone(),
                        departement: Some(c.commune.departement.to_string()),
                        population: c.commune.population,
                        score: c.score,
                        matched: c.matched.as_str(),
                        rules: c.rules.iter().map(|r| r.as_str()).collect(),
                        explanation: c.explain_in(lang),
                    })
                    .collect()
            }
            Lookup::Epci(r) => {
                let inside = r.candidates.iter().map(|c| (c, true));
                let outside = r.outside_context.iter().map(|c| (c, false));
                inside
                    .chain(outside)
                    .enumerate()
                    .map(|(i, (c, in_context))| LookupRow {
                        query: query.clone(),
                        status,
                        rank: i + 1,
                        in_context,
                        kind: epci_kind(c.epci.kind),
                        code: c.epci.siren.to_string(),
                        name: c.epci.name.clone(),
                        departement: None,
                        population: c.epci.population,
                        score: c.score,
                        matched: c.matched.as_str(),
                        rules: Vec::new(),
                        explanation: c.explain_in(lang),
                    })
                    .collect()
            }
        }
    }
}

fn epci_kind(kind: PartyKind) -> &'static str {
    kind.code()
}

impl Geography {
    /// Looks a name up as a person types it: among the EPCI when it starts as an EPCI's name
    /// does (`CC`, `Communauté de communes`, `CA`…), else among the communes — and among the
    /// EPCI when no commune has that name and an EPCI has it (by its words, not by a typo).
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
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lookup(&self, name: &str, context: &Context) -> Lookup<'_> {
        if names_an_epci(name) {
            return Lookup::Epci(self.resolve_epci(name, context));
        }
        let commune = self.resolve(name, context);
        if commune.reason == Some(NotFoundReason::NoMatch) {
            let epci = self.resolve_epci(name, context);
            let close = epci
                .candidates
                .iter()
                .chain(&epci.outside_context)
                .next()
                .is_some_and(|c| c.rank_level() <= 2);
            if close {
                return Lookup::Epci(epci);
            }
        }
        Lookup::Commune(commune)
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
