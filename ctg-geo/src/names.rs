//! Lists of names as a press release writes them (`Parisot, Laguépie et Saint Antonin Noble
//! Val`; `la mairie de St-Amans-Soult`; `Communauté de communes Terres des Confluences`) turned
//! into collectivities — communes, EPCI, départements — plus what could not be resolved, and why.

use ctg_core::{CommuneRecord, EpciRecord, FormerCommune, Lang, PartyKind, Vintage};
use serde::Serialize;

use crate::catalogue::{Plural, Text};
use crate::normalize::words;
use crate::resolve::{NotFoundReason, Status};
use crate::{
    AnyCandidate, Area, Context, Departement, Geography, Lookup, Ranked, Region, Resolution,
};

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
    /// A région (its council).
    Region {
        /// The région.
        region: &'g Region,
    },
}

impl<'g> Collectivity<'g> {
    /// The collectivity a candidate of a lookup names.
    pub(crate) fn of(candidate: &AnyCandidate<'g>) -> Collectivity<'g> {
        match candidate {
            AnyCandidate::Commune(c) => Collectivity::Commune {
                commune: c.commune,
                former: c.former,
            },
            AnyCandidate::Epci(c) => Collectivity::Epci { epci: c.epci },
            AnyCandidate::Area(c) => match c.area {
                Area::Departement(departement) => Collectivity::Departement { departement },
                Area::Region(region) => Collectivity::Region { region },
            },
        }
    }
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
            Collectivity::Region { region } => &region.name,
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
            Collectivity::Region { region } => region.code.as_str(),
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
    /// `departement`; `other` for a région, which core has no kind of party for).
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
            Collectivity::Region { .. } => PartyKind::Other,
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
    /// [`EpciMatch`](crate::EpciMatch) code for an EPCI (`exact`, `words`…), an
    /// [`AreaMatch`](crate::AreaMatch) code for a département or région (`exact`, `spelling`,
    /// `code`, `abbreviation`), or `name` for a département named with its marker
    /// (`Département du Tarn`).
    #[serde(rename = "match")]
    pub matched: &'static str,
    /// One sentence saying why, in the list's [`lang`](NameList::lang).
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
    /// One sentence saying why, in the list's [`lang`](NameList::lang).
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
    /// The language of the explanations (`en` for [`resolve_names`](Geography::resolve_names)
    /// and [`resolve_text`](Geography::resolve_text), the one asked for with their `_in`
    /// forms).
    pub lang: Lang,
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
        self.resolve_names_in(names, context, Lang::En)
    }

    /// [`resolve_names`](Geography::resolve_names), explained in `lang`.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let list = geo.resolve_names_in(["Tarn", "Occitanie", "Parisot"], &ctg_geo::Context::new(), Lang::Fr);
    /// let codes: Vec<&str> = list.resolved.iter().map(|r| r.collectivity.code()).collect();
    /// assert_eq!(codes, ["81", "76"]);
    /// assert_eq!(list.resolved[0].explanation, "le département Tarn (81), par son nom officiel");
    /// assert!(list.unresolved[0].explanation.starts_with("ambigu : 2 communes correspondent aussi bien"));
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn resolve_names_in<'a>(
        &self,
        names: impl IntoIterator<Item = &'a str>,
        context: &Context,
        lang: Lang,
    ) -> NameList<'_> {
        let mut list = NameList {
            resolved: Vec::new(),
            unresolved: Vec::new(),
            vintage: &self.vintage,
            lang,
        };
        for name in names {
            match self.resolve_one(name, context, lang) {
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
    /// whole is split again at ` et ` and ` ainsi que ` (so `Thue et Mue`, a commune, stays
    /// whole). The explanations are in English ([`resolve_text_in`](Geography::resolve_text_in)
    /// for another language).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let list = geo.resolve_text("Thue et Mue, Caen", &ctg_geo::Context::new().departement("14".parse()?));
    /// let names: Vec<&str> = list.resolved.iter().map(|r| r.collectivity.name()).collect();
    /// assert_eq!(names, ["Thue et Mue", "Caen"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_text(&self, text: &str, context: &Context) -> NameList<'_> {
        self.resolve_text_in(text, context, Lang::En)
    }

    /// [`resolve_text`](Geography::resolve_text), explained in `lang`.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let list = geo.resolve_text_in(
    ///     "Boudou et Malause ainsi que la CC Terres des Confluences",
    ///     &ctg_geo::Context::new().departement("82".parse()?),
    ///     ctg_core::Lang::Fr,
    /// );
    /// let codes: Vec<&str> = list.resolved.iter().map(|r| r.collectivity.code()).collect();
    /// assert_eq!(codes, ["82019", "82101", "200066322"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_text_in(&self, text: &str, context: &Context, lang: Lang) -> NameList<'_> {
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
            let whole = self.resolve_one(part, context, lang);
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
        self.resolve_names_in(names, context, lang)
    }

    fn resolve_one(&self, name: &str, context: &Context, lang: Lang) -> Outcome<'_> {
        let written = name.trim().to_owned();
        let geography = self.vintage.geography.as_str();
        if names_a_departement(name) {
            return match self.departement_by_name(name) {
                Some(departement) => Outcome::Resolved(ResolvedName {
                    explanation: Text::DepartementNamed {
                        name: &departement.name,
                        code: departement.code.as_str(),
                    }
                    .render(lang),
                    written,
                    collectivity: Collectivity::Departement { departement },
                    score: 97,
                    matched: "name",
                }),
                None => Outcome::Unresolved(UnresolvedName {
                    explanation: Text::NoDepartementNamed { geography }.render(lang),
                    written,
                    status: Status::NotFound,
                    reason: Some(NotFoundReason::NoMatch),
                    candidates: Vec::new(),
                }),
            };
        }
        match self.lookup_any(name, context, false) {
            Lookup::Epci(r) => self.epci_outcome(written, r, lang),
            Lookup::Commune(r) => self.outcome(
                written,
                &r,
                Plural::Communes,
                Text::NothingNamed { geography },
                lang,
                |c| AnyCandidate::Commune(c.clone()),
            ),
            Lookup::Departement(r) => self.outcome(
                written,
                &r,
                Plural::Departements,
                Text::NothingNamed { geography },
                lang,
                |c| AnyCandidate::Area(c.clone()),
            ),
            Lookup::Region(r) => self.outcome(
                written,
                &r,
                Plural::Regions,
                Text::NothingNamed { geography },
                lang,
                |c| AnyCandidate::Area(c.clone()),
            ),
            Lookup::Mixed(r) => self.outcome(
                written,
                &r,
                Plural::Collectivities,
                Text::NothingNamed { geography },
                lang,
                Clone::clone,
            ),
        }
    }

    /// A name resolved to its best candidate, or not resolved: the candidates tied (ambiguous)
    /// or outside the context, and why.
    fn outcome<'g, C: Ranked>(
        &'g self,
        written: String,
        r: &Resolution<'g, C>,
        plural: Plural,
        no_match: Text<'_>,
        lang: Lang,
        any: impl Fn(&C) -> AnyCandidate<'g>,
    ) -> Outcome<'g> {
        if let Some(best) = r.resolved() {
            let best = any(best);
            return Outcome::Resolved(ResolvedName {
                written,
                collectivity: Collectivity::of(&best),
                score: best.score(),
                matched: best.matched(),
                explanation: best.explain_in(lang),
            });
        }
        let candidates: Vec<Collectivity<'g>> = if r.status == Status::Ambiguous {
            r.tied().iter().map(|c| Collectivity::of(&any(c))).collect()
        } else {
            r.outside_context
                .iter()
                .map(|c| Collectivity::of(&any(c)))
                .collect()
        };
        let listed: Vec<String> = candidates.iter().map(Collectivity::describe).collect();
        let listed = listed.join(", ");
        let text = match (r.status, r.reason) {
            (Status::Ambiguous, _) => Text::Ambiguous {
                count: candidates.len(),
                plural,
                listed: &listed,
            },
            (_, Some(NotFoundReason::OutsideContext)) => Text::OutsideContext { listed: &listed },
            (_, Some(NotFoundReason::Empty)) => Text::NoName,
            (_, Some(NotFoundReason::TooLong)) => Text::TooLong {
                max: crate::MAX_QUERY_CHARS,
            },
            _ => no_match,
        };
        Outcome::Unresolved(UnresolvedName {
            written,
            status: r.status,
            reason: r.reason,
            explanation: text.render(lang),
            candidates,
        })
    }

    fn epci_outcome<'g>(
        &'g self,
        written: String,
        r: crate::EpciResolution<'g>,
        lang: Lang,
    ) -> Outcome<'g> {
        if let Some(best) = r.resolved() {
            return Outcome::Resolved(ResolvedName {
                written,
                collectivity: Collectivity::Epci { epci: best.epci },
                score: best.score,
                matched: best.matched.as_str(),
                explanation: Text::EpciResolved {
                    name: &best.epci.name,
                    siren: best.epci.siren.as_str(),
                    kind_differs: best.kind_differs,
                }
                .render(lang),
            });
        }
        let geography = self.vintage.geography.as_str();
        self.outcome(
            written,
            &r,
            Plural::Epci,
            Text::NoEpciNamed { geography },
            lang,
            |c| AnyCandidate::Epci(c.clone()),
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

/// The parts of a text between ` et ` and ` ainsi que ` (any case).
fn split_et(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let found = [
            " et ",
            " ET ",
            " Et ",
            " ainsi que ",
            " AINSI QUE ",
            " Ainsi que ",
        ]
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
        assert_eq!(
            split_et("Boudou et Malause ainsi que la CC Terres des Confluences"),
            ["Boudou", "Malause", "la CC Terres des Confluences"]
        );
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
