//! Lists of names as a press release writes them (`Parisot, Laguépie et Saint Antonin Noble
//! Val`; `la mairie de St-Amans-Soult`; `Communauté de communes Terres des Confluences`) turned
//! into collectivities — communes, EPCI, départements — plus what could not be resolved, and why.

use ctg_core::{CommuneRecord, EpciRecord, FormerCommune, PartyKind, Vintage};
use serde::Serialize;

use crate::epci::names_an_epci;
use crate::normalize::words;
use crate::resolve::{NotFoundReason, Status};
use crate::{Context, Departement, Geography, Ranked, Resolution};

/// A collectivity of the reference.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let list = geo.resolve_names(["Lavaur", "CC Tarn-Agout"], &ctg_geo::Context::new().departement("81".parse()?));
/// let kinds: Vec<_> = list.resolved.iter().map(|r| r.collectivity.party_kind()).collect();
/// assert_eq!(kinds, [ctg_core::PartyKind::Commune, ctg_core::PartyKind::Cc]);
/// assert_eq!(list.resolved[1].collectivity.code(), "200034023");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Collectivity<'g> {
    /// A current commune (or arrondissement); `former` when the text named a former commune
    /// that is now part of it.
    Commune {
        /// The commune.
        commune: &'g CommuneRecord,
        /// The former commune the text named, if any.
        former: Option<&'g FormerCommune>,
    },
    /// An EPCI.
    Epci {
        /// The EPCI.
        epci: &'g EpciRecord,
    },
    /// A département (its council).
    Departement {
        /// The département.
        departement: &'g Departement,
    },
}

impl Collectivity<'_> {
    /// Its official name.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let list = geo.resolve_names(["St-Amans-Soult"], &ctg_geo::Context::new());
    /// assert_eq!(list.resolved[0].collectivity.name(), "Saint-Amans-Soult");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn name(&self) -> &str {
        match self {
            Collectivity::Commune { commune, .. } => &commune.name,
            Collectivity::Epci { epci } => &epci.name,
            Collectivity::Departement { departement } => &departement.name,
        }
    }

    /// Its code: INSEE code of a commune, SIREN of an EPCI, code of a département.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let list = geo.resolve_names(["Département du Tarn"], &ctg_geo::Context::new());
    /// assert_eq!(list.resolved[0].collectivity.code(), "81");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Collectivity::Commune { commune, .. } => commune.insee.as_str(),
            Collectivity::Epci { epci } => epci.siren.as_str(),
            Collectivity::Departement { departement } => departement.code.as_str(),
        }
    }

    /// `Name (code, département)` for a commune, `Name (code)` otherwise.
    fn describe(&self) -> String {
        match self {
            Collectivity::Commune { commune, .. } => {
                format!(
                    "{} ({}, {})",
                    commune.name, commune.insee, commune.departement
                )
            }
            other => format!("{} ({})", other.name(), other.code()),
        }
    }

    /// Its kind of party in a convention (`commune`, `cc`, `ca`, `cu`, `metropole`,
    /// `departement`).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let list = geo.resolve_names(["CA Saumur Val de Loire"], &ctg_geo::Context::new());
    /// assert_eq!(list.resolved[0].collectivity.party_kind(), ctg_core::PartyKind::Ca);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn party_kind(&self) -> PartyKind {
        match self {
            Collectivity::Commune { .. } => PartyKind::Commune,
            Collectivity::Epci { epci } => epci.kind,
            Collectivity::Departement { .. } => PartyKind::Departement,
        }
    }
}

/// A name of the list, resolved.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let list = geo.resolve_names(["la mairie de Pont-de-l’Arn"], &ctg_geo::Context::new());
/// let r = &list.resolved[0];
/// assert_eq!(r.written, "la mairie de Pont-de-l’Arn");
/// assert_eq!(r.matched, "joined");
/// assert!(r.explanation.contains("Pont-de-Larn (81209)"));
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedName<'g> {
    /// The name as written.
    pub written: String,
    /// What it names.
    pub collectivity: Collectivity<'g>,
    /// The score of the match (0 to 100).
    pub score: u8,
    /// How it matched: a [`MatchKind`](crate::MatchKind) code for a commune, an
    /// [`EpciMatch`](crate::EpciMatch) code for an EPCI (`exact`, `words`…), `name` or `code`
    /// for a département.
    #[serde(rename = "match")]
    pub matched: &'static str,
    /// One English sentence saying why.
    pub explanation: String,
}

/// A name of the list that could not be resolved.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let list = geo.resolve_names(["Parisot", "MJC St-Amans/Albine"], &ctg_geo::Context::new());
/// assert_eq!(list.unresolved[0].status, ctg_geo::Status::Ambiguous);
/// assert_eq!(list.unresolved[0].candidates.len(), 2);
/// assert_eq!(list.unresolved[1].status, ctg_geo::Status::NotFound);
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnresolvedName<'g> {
    /// The name as written.
    pub written: String,
    /// `ambiguous` or `not_found`.
    pub status: Status,
    /// Why, when not found (`no_match`, `outside_context`…); none when ambiguous.
    pub reason: Option<NotFoundReason>,
    /// One English sentence saying why.
    pub explanation: String,
    /// The candidates tied (ambiguous) or found only outside the context.
    pub candidates: Vec<Collectivity<'g>>,
}

/// A list of names, resolved: in the order written, what was resolved and what was not.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let list = geo.resolve_text("Parisot, Laguépie et Saint Antonin Noble Val", &ctg_geo::Context::new().departement("82".parse()?));
/// let codes: Vec<&str> = list.resolved.iter().map(|r| r.collectivity.code()).collect();
/// assert_eq!(codes, ["82137", "82088", "82155"]);
/// assert!(list.unresolved.is_empty());
/// assert_eq!(list.vintage.geography, "COG 2026");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameList<'g> {
    /// The names resolved, in the order written.
    pub resolved: Vec<ResolvedName<'g>>,
    /// The names not resolved, in the order written.
    pub unresolved: Vec<UnresolvedName<'g>>,
    /// The reference the answers come from.
    pub vintage: &'g Vintage,
}

/// Either a resolved name or the reason it is not.
enum Outcome<'g> {
    Resolved(ResolvedName<'g>),
    Unresolved(UnresolvedName<'g>),
}

impl Geography {
    /// Resolves a list of names as a press release writes them, with a context: each becomes a
    /// commune, an EPCI (when it starts as one: `CC`, `Communauté de communes`…, or when no
    /// commune has that name) or a département (`Département du Tarn`, `Conseil départemental
    /// de …`), or goes to `unresolved` with the reason. Names are kept in order, duplicates
    /// included.
    ///
    /// ```
    /// use ctg_geo::{Context, Geography, Status};
    /// let geo = Geography::embedded()?;
    /// let context = Context::new().departement("81".parse()?);
    /// let list = geo.resolve_names(
    ///     ["la mairie de St-Amans-Soult", "la mairie de Pont-de-l’Arn", "la CAF du Tarn",
    ///      "Communauté de communes Thoré Montagne Noire"],
    ///     &context,
    /// );
    /// let codes: Vec<&str> = list.resolved.iter().map(|r| r.collectivity.code()).collect();
    /// assert_eq!(codes, ["81238", "81209", "248100745"]);
    /// assert_eq!(list.unresolved[0].written, "la CAF du Tarn");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_names<'a>(
        &self,
        names: impl IntoIterator<Item = &'a str>,
        context: &Context,
    ) -> NameList<'_> {
        let mut list = NameList {
            resolved: Vec::new(),
            unresolved: Vec::new(),
            vintage: &self.vintage,
        };
        for name in names {
            match self.resolve_one(name, context) {
                Outcome::Resolved(r) => list.resolved.push(r),
                Outcome::Unresolved(u) => list.unresolved.push(u),
            }
        }
        list
    }

    /// Splits a text listing names (`Angeville, Boudou, …, Saint Nicolas de la Grave,
    /// Saint-Porquier`; `Parisot, Laguépie et Saint Antonin Noble Val`) and resolves each name as
    /// [`resolve_names`](Geography::resolve_names) does.
    ///
    /// The text is split at line breaks, `,`, `;`, `:` and bullets; a part that is not a name as a
    /// whole is split again at ` et ` (so `Thue et Mue`, a commune, stays whole).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let list = geo.resolve_text("Thue et Mue, Caen", &ctg_geo::Context::new().departement("14".parse()?));
    /// let names: Vec<&str> = list.resolved.iter().map(|r| r.collectivity.name()).collect();
    /// assert_eq!(names, ["Thue et Mue", "Caen"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_text(&self, text: &str, context: &Context) -> NameList<'_> {
        let mut names: Vec<&str> = Vec::new();
        for part in text.split(['\n', '\r', ',', ';', ':', '•', '·', '\u{2022}']) {
            let part = part
                .trim()
                .trim_start_matches(['-', '–', '—', '*'])
                .trim()
                .trim_end_matches('.')
                .trim();
            if words(part).is_empty() {
                continue;
            }
            let whole = self.resolve_one(part, context);
            let splittable = matches!(
                &whole,
                Outcome::Unresolved(u) if u.status == Status::NotFound
            );
            let pieces: Vec<&str> = split_et(part);
            if splittable && pieces.len() > 1 {
                names.extend(pieces);
            } else {
                names.push(part);
            }
        }
        self.resolve_names(names, context)
    }

    fn resolve_one(&self, name: &str, context: &Context) -> Outcome<'_> {
        let written = name.trim().to_owned();
        if names_an_epci(name) {
            return self.epci_outcome(written, self.resolve_epci(name, context));
        }
        if names_a_departement(name) {
            return match self.departement_by_name(name) {
                Some(departement) => Outcome::Resolved(ResolvedName {
                    explanation: format!(
                        "the département {} ({})",
                        departement.name, departement.code
                    ),
                    written,
                    collectivity: Collectivity::Departement { departement },
                    score: 97,
                    matched: "name",
                }),
                None => Outcome::Unresolved(UnresolvedName {
                    explanation: format!(
                        "no département of that name in {}",
                        self.vintage.geography
                    ),
                    written,
                    status: Status::NotFound,
                    reason: Some(NotFoundReason::NoMatch),
                    candidates: Vec::new(),
                }),
            };
        }
        let commune = self.resolve(name, context);
        if commune.reason == Some(NotFoundReason::NoMatch) {
            // Not a commune: perhaps an EPCI written without its kind (not by typo).
            let epci = self.resolve_epci(name, context);
            let close = epci.candidates.first().is_some_and(|c| c.rank_level() <= 2);
            if close {
                return self.epci_outcome(written, epci);
            }
        }
        self.commune_outcome(written, commune)
    }

    fn commune_outcome<'g>(&'g self, written: String, r: Resolution<'g>) -> Outcome<'g> {
        if let Some(best) = r.resolved() {
            return Outcome::Resolved(ResolvedName {
                written,
                collectivity: Collectivity::Commune {
                    commune: best.commune,
                    former: best.former,
                },
                score: best.score,
                matched: best.matched.as_str(),
                explanation: best.explain(),
            });
        }
        self.unresolved(
            written,
            &r,
            "communes",
            "no commune, EPCI or département of that name (nor close to it)",
            |c| Collectivity::Commune {
                commune: c.commune,
                former: c.former,
            },
        )
    }

    /// A name not resolved: the candidates tied (ambiguous) or outside the context, and why.
    fn unresolved<'g, C: Ranked>(
        &'g self,
        written: String,
        r: &Resolution<'g, C>,
        plural: &str,
        no_match: &str,
        collectivity: impl Fn(&C) -> Collectivity<'g>,
    ) -> Outcome<'g> {
        let candidates: Vec<Collectivity<'g>> = if r.status == Status::Ambiguous {
            r.tied().iter().map(&collectivity).collect()
        } else {
            r.outside_context.iter().map(&collectivity).collect()
        };
        let listed: Vec<String> = candidates.iter().map(Collectivity::describe).collect();
        let explanation = match (r.status, r.reason) {
            (Status::Ambiguous, _) => format!(
                "ambiguous: {} {plural} match equally well: {}; a context (département, EPCI) tells them apart",
                candidates.len(),
                listed.join(", ")
            ),
            (_, Some(NotFoundReason::OutsideContext)) => {
                format!("found only outside the context: {}", listed.join(", "))
            }
            (_, Some(NotFoundReason::Empty)) => "no name: the text has no letter".to_owned(),
            (_, Some(NotFoundReason::TooLong)) => format!(
                "too long to be a name (more than {} characters)",
                crate::MAX_QUERY_CHARS
            ),
            _ => format!("{no_match} in {}", self.vintage.geography),
        };
        Outcome::Unresolved(UnresolvedName {
            written,
            status: r.status,
            reason: r.reason,
            explanation,
            candidates,
        })
    }

    fn epci_outcome<'g>(&'g self, written: String, r: crate::EpciResolution<'g>) -> Outcome<'g> {
        if let Some(best) = r.resolved() {
            return Outcome::Resolved(ResolvedName {
                written,
                collectivity: Collectivity::Epci { epci: best.epci },
                score: best.score,
                matched: best.matched.as_str(),
                explanation: format!(
                    "the EPCI {} ({}){}",
                    best.epci.name,
                    best.epci.siren,
                    if best.kind_differs {
                        ", of another kind than written"
                    } else {
                        ""
                    }
                ),
            });
        }
        self.unresolved(
            written,
            &r,
            "EPCI",
            "no EPCI of that name (nor close to it)",
            |c| Collectivity::Epci { epci: c.epci },
        )
    }
}

/// Whether a text starts as a département's council does (`Département du Tarn`, `Conseil
/// départemental de …`, `CD 81`).
fn names_a_departement(text: &str) -> bool {
    let words = words(text);
    matches!(
        (words.get(0), words.get(1)),
        (Some("departement"), _)
            | (Some("conseil"), Some("departemental" | "general"))
            | (Some("le"), Some("departement"))
    )
}

/// The parts of a text between ` et ` (any case).
fn split_et(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let found = [" et ", " ET ", " Et "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        match found {
            Some((i, len)) => {
                parts.push(rest.get(..i).unwrap_or("").trim());
                rest = rest.get(i + len..).unwrap_or("");
            }
            None => {
                parts.push(rest.trim());
                break;
            }
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_at_et() {
        assert_eq!(split_et("Parisot et Laguépie"), ["Parisot", "Laguépie"]);
        assert_eq!(split_et("A ET B Et C"), ["A", "B", "C"]);
        assert_eq!(split_et("Thue-et-Mue"), ["Thue-et-Mue"]);
        assert_eq!(split_et(" et "), Vec::<&str>::new());
    }

    #[test]
    fn departement_markers() {
        assert!(names_a_departement("Département du Tarn"));
        assert!(names_a_departement(
            "Conseil départemental de la Haute-Garonne"
        ));
        assert!(!names_a_departement("Tarn"));
        assert!(!names_a_departement("Conseil municipal"));
    }
}
