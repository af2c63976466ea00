//! EPCI names: `Communauté de communes Terres des Confluences`, `CC Tarn-Agout`, `communauté de
//! communes Quercy Rouergue Gorges de l'Aveyron` (officially `CC du Quercy Rouergue et des
//! Gorges de l'Aveyron`), `Communauté d'Agglomération Saumur Val de Loire`.
//!
//! An EPCI's name is compared by its significant words: the kind written first (`CC`,
//! `Communauté de communes`, `CA`, `Communauté d'agglomération`, `Agglo`, `CU`, `Communauté
//! urbaine`, `Métropole`) is set aside, and so are the small words (`de`, `du`, `des`, `la`, `le`,
//! `les`, `l'`, `d'`, `et`, `en`); what remains is joined into a key. A second, looser key also
//! drops the kind words wherever they are (`Toulouse Métropole` and `Métropole de Toulouse`).

use std::collections::HashMap;

use ctg_core::{EpciRecord, PartyKind, Siren};
use serde::Serialize;

use crate::distance::{typo_budget, within, Scratch};
use crate::normalize::words;
use crate::resolve::{decide, kept_query, nothing, NotFoundReason, Ranked, Resolution};
use crate::{Context, Geography};

/// Small words that do not tell EPCI apart.
const SMALL: &[&str] = &["de", "du", "des", "la", "le", "les", "l", "d", "et", "en"];

/// Words of the kind of an EPCI, dropped anywhere by the loose key.
const KIND_WORDS: &[&str] = &[
    "metropole",
    "agglomeration",
    "agglo",
    "communaute",
    "communes",
    "urbaine",
];

/// The kind an EPCI's name starts with (after an article: `la communauté de communes …`), and
/// how many words say it, the article included.
fn leading_kind(words: &[&str]) -> Option<(PartyKind, usize)> {
    if let ["la" | "le" | "l", rest @ ..] = words {
        return leading_kind(rest).map(|(kind, n)| (kind, n + 1));
    }
    let at = |i: usize| words.get(i).copied();
    match (at(0)?, at(1), at(2), at(3)) {
        ("cc" | "cdc" | "comcom", ..) => Some((PartyKind::Cc, 1)),
        ("com", Some("com"), ..) => Some((PartyKind::Cc, 2)),
        ("communaute", Some("de" | "des"), Some("communes"), _) => Some((PartyKind::Cc, 3)),
        ("communaute", Some("d"), Some("agglomeration" | "agglo"), _) => Some((PartyKind::Ca, 3)),
        ("communaute", Some("de"), Some("l"), Some("agglomeration")) => Some((PartyKind::Ca, 4)),
        ("ca" | "agglo" | "agglomeration", ..) => Some((PartyKind::Ca, 1)),
        ("communaute", Some("urbaine"), ..) => Some((PartyKind::Cu, 2)),
        ("cu", ..) => Some((PartyKind::Cu, 1)),
        ("metropole", ..) => Some((PartyKind::Metropole, 1)),
        _ => None,
    }
}

/// The kind stated at the start of a name, its key and its loose key.
pub(crate) fn epci_keys(name: &str) -> (Option<PartyKind>, String, String) {
    let words = words(name);
    let all: Vec<&str> = words.iter().collect();
    let (kind, skip) = match leading_kind(&all) {
        Some((kind, n)) => (Some(kind), n),
        None => (None, 0),
    };
    let mut key = String::new();
    let mut loose = String::new();
    for word in all.iter().skip(skip) {
        if SMALL.contains(word) {
            continue;
        }
        key.push_str(word);
        if !KIND_WORDS.contains(word) {
            loose.push_str(word);
        }
    }
    (kind, key, loose)
}

/// Whether a text starts as an EPCI's name does (`CC`, `Communauté de communes`…).
pub(crate) fn names_an_epci(text: &str) -> bool {
    let words = words(text);
    let all: Vec<&str> = words.iter().collect();
    leading_kind(&all).is_some()
}

/// The EPCI names, by key.
#[derive(Debug, Default)]
pub(crate) struct EpciIndex {
    keys: Vec<String>,
    by_key: HashMap<String, Vec<u32>>,
    by_loose: HashMap<String, Vec<u32>>,
}

impl EpciIndex {
    pub fn build(epcis: &[EpciRecord]) -> EpciIndex {
        let mut index = EpciIndex::default();
        for (i, epci) in epcis.iter().enumerate() {
            let Ok(id) = u32::try_from(i) else { continue };
            let (_, key, loose) = epci_keys(&epci.name);
            index.by_key.entry(key.clone()).or_default().push(id);
            index.by_loose.entry(loose).or_default().push(id);
            index.keys.push(key);
        }
        index
    }
}

/// How an EPCI matched a text.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_geo::EpciMatch::Words).unwrap(), "\"words\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EpciMatch {
    /// The official name, exactly as written.
    Exact,
    /// Its SIREN.
    Siren,
    /// The same significant words (the kind written out or abbreviated, small words and
    /// punctuation aside).
    Words,
    /// The same words once the kind words are dropped wherever they are, or with another kind
    /// than the reference's written first (`kind_differs`).
    Loose,
    /// Within a few typos (`distance`).
    Typo,
}

impl EpciMatch {
    /// The level, 1 (best) to 5, as for communes.
    ///
    /// ```
    /// assert_eq!(ctg_geo::EpciMatch::Loose.level(), 2);
    /// ```
    pub fn level(self) -> u8 {
        match self {
            EpciMatch::Exact | EpciMatch::Siren | EpciMatch::Words => 1,
            EpciMatch::Loose => 2,
            EpciMatch::Typo => 5,
        }
    }

    /// The stable code (`exact`, `siren`, `words`, `loose`, `typo`).
    ///
    /// ```
    /// assert_eq!(ctg_geo::EpciMatch::Siren.as_str(), "siren");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EpciMatch::Exact => "exact",
            EpciMatch::Siren => "siren",
            EpciMatch::Words => "words",
            EpciMatch::Loose => "loose",
            EpciMatch::Typo => "typo",
        }
    }
}

/// An EPCI a text may name, and why.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let r = geo.resolve_epci("Communauté de communes TARN-AGOUT", &ctg_geo::Context::new());
/// let best = &r.candidates[0];
/// assert_eq!(best.epci.siren.as_str(), "200034023");
/// assert_eq!(best.matched, ctg_geo::EpciMatch::Words);
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EpciCandidate<'g> {
    /// The EPCI.
    pub epci: &'g EpciRecord,
    /// 0 to 100: 100 exact or SIREN, 97 same words, 88 loose, 76 one typo, 70 two.
    pub score: u8,
    /// How it matched.
    #[serde(rename = "match")]
    pub matched: EpciMatch,
    /// The text states a kind (`CA`) other than the reference's (`cc`).
    pub kind_differs: bool,
    /// For a typo: the number of edits.
    pub distance: Option<u8>,
}

impl Ranked for EpciCandidate<'_> {
    fn rank_level(&self) -> u8 {
        self.matched.level()
    }
    fn rank_score(&self) -> u8 {
        self.score
    }
    fn identity(&self) -> &str {
        self.epci.siren.as_str()
    }
}

/// The answer to an EPCI resolution.
pub type EpciResolution<'g> = Resolution<'g, EpciCandidate<'g>>;

impl<'g> EpciResolution<'g> {
    /// The EPCI, when resolved.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let r = geo.resolve_epci("CC Thoré Montagne Noire", &ctg_geo::Context::new());
    /// assert_eq!(r.epci().unwrap().siren.as_str(), "248100745");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn epci(&self) -> Option<&'g EpciRecord> {
        self.resolved().map(|c| c.epci)
    }
}

impl Geography {
    /// Resolves an EPCI's name as written (or its SIREN), in a context: same rules of status as
    /// [`resolve`](Geography::resolve) — two EPCI equally good are ambiguous, and a text far from
    /// every name is not found.
    ///
    /// ```
    /// use ctg_geo::{Context, Geography, Status};
    /// let geo = Geography::embedded()?;
    /// let none = Context::new();
    /// let quercy = geo.resolve_epci("communauté de communes Quercy Rouergue Gorges de l’Aveyron", &none);
    /// assert_eq!(quercy.epci().unwrap().siren.as_str(), "248200107");
    /// assert_eq!(quercy.epci().unwrap().members.len(), 17);
    ///
    /// let saumur = geo.resolve_epci("Communauté d’Agglomération Saumur Val de Loire", &none);
    /// assert_eq!(saumur.epci().unwrap().name, "CA Saumur Val de Loire");
    ///
    /// // Two CC are called "CC des Quatre Rivières".
    /// assert_eq!(geo.resolve_epci("CC des Quatre Rivières", &none).status, Status::Ambiguous);
    /// assert_eq!(geo.resolve_epci("Caf du Tarn", &none).status, Status::NotFound);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn resolve_epci(&self, text: &str, context: &Context) -> EpciResolution<'_> {
        self.resolve_epci_with(text, context, true)
    }

    /// [`resolve_epci`](Geography::resolve_epci), with the typo search or without it.
    pub(crate) fn resolve_epci_with(
        &self,
        text: &str,
        context: &Context,
        typos: bool,
    ) -> EpciResolution<'_> {
        let (query, too_long) = kept_query(text);
        if too_long {
            return nothing(query, NotFoundReason::TooLong, &self.vintage);
        }
        let mut found: Vec<EpciCandidate<'_>> = Vec::new();
        if let Ok(siren) = Siren::parse(&query) {
            if let Some(epci) = self.epci(&siren) {
                found.push(EpciCandidate {
                    epci,
                    score: 100,
                    matched: EpciMatch::Siren,
                    kind_differs: false,
                    distance: None,
                });
            }
        }
        let (kind, key, loose) = epci_keys(&query);
        if key.is_empty() && found.is_empty() {
            return nothing(query, NotFoundReason::Empty, &self.vintage);
        }
        let differs = |epci: &EpciRecord| kind.is_some_and(|k| k != epci.kind);
        for &id in self
            .epci_names()
            .by_key
            .get(&key)
            .map_or(&[][..], Vec::as_slice)
        {
            let Some(epci) = self.epci_at(id) else {
                continue;
            };
            let kind_differs = differs(epci);
            let (matched, score) = if kind_differs {
                (EpciMatch::Loose, 88)
            } else if query == epci.name {
                (EpciMatch::Exact, 100)
            } else {
                (EpciMatch::Words, 97)
            };
            found.push(EpciCandidate {
                epci,
                score,
                matched,
                kind_differs,
                distance: None,
            });
        }
        if !loose.is_empty() {
            for &id in self
                .epci_names()
                .by_loose
                .get(&loose)
                .map_or(&[][..], Vec::as_slice)
            {
                let Some(epci) = self.epci_at(id) else {
                    continue;
                };
                found.push(EpciCandidate {
                    epci,
                    score: 88,
                    matched: EpciMatch::Loose,
                    kind_differs: differs(epci),
                    distance: None,
                });
            }
        }
        if found.is_empty() && typos {
            let budget = typo_budget(key.len());
            let mut scratch = Scratch::default();
            for (i, candidate_key) in self.epci_names().keys.iter().enumerate() {
                if budget == 0 {
                    break;
                }
                let Some(d) = within(
                    key.as_bytes(),
                    candidate_key.as_bytes(),
                    budget,
                    &mut scratch,
                ) else {
                    continue;
                };
                let Some(epci) = self.epcis.get(i) else {
                    continue;
                };
                let distance = u8::try_from(d).unwrap_or(u8::MAX);
                found.push(EpciCandidate {
                    epci,
                    score: 76u8.saturating_sub(6 * distance.saturating_sub(1)),
                    matched: EpciMatch::Typo,
                    kind_differs: differs(epci),
                    distance: Some(distance),
                });
            }
        }
        decide(
            query,
            found,
            |c| context.admits_epci(self, c.epci),
            &self.vintage,
        )
    }

    fn epci_at(&self, index: u32) -> Option<&EpciRecord> {
        self.epcis.get(usize::try_from(index).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let (kind, key, loose) = epci_keys("CC du Quercy Rouergue et des Gorges de l'Aveyron");
        assert_eq!(kind, Some(PartyKind::Cc));
        assert_eq!(key, "quercyrouergue gorgesaveyron".replace(' ', ""));
        assert_eq!(loose, key);
        let written = epci_keys("communauté de communes Quercy Rouergue Gorges de l’Aveyron");
        assert_eq!(written.0, Some(PartyKind::Cc));
        assert_eq!(written.1, key);
        assert_eq!(
            epci_keys("Communauté d’Agglomération Saumur Val de Loire").0,
            Some(PartyKind::Ca)
        );
        assert_eq!(epci_keys("Toulouse Métropole").2, "toulouse");
        assert_eq!(epci_keys("Métropole de Toulouse").1, "toulouse");
        assert_eq!(epci_keys("Terres des Confluences").0, None);
    }

    #[test]
    fn epci_markers() {
        assert!(names_an_epci(
            "Communauté de Communes Terres des Confluences"
        ));
        assert!(names_an_epci("CC Tarn-Agout"));
        assert!(names_an_epci("Com Com du Lauragais"));
        assert!(names_an_epci(
            "la communauté de communes Quercy Rouergue Gorges de l’Aveyron"
        ));
        assert!(!names_an_epci("Castelsarrasin"));
        assert!(!names_an_epci("Caf du Tarn"));
        assert!(!names_an_epci(""));
    }
}
