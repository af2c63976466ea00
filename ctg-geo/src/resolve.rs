//! Resolution of a commune's name as it is written: ranked [`Candidate`]s with a score and why
//! each matched, and a [`Status`] — resolved, ambiguous or not found. Ambiguity is reported,
//! never guessed.
//!
//! How a name is read:
//!
//! 1. As an INSEE code (`81140`), current or former, and as a postal code (`82200`: every
//!    commune it serves, ranked after the commune whose current or former INSEE code the text
//!    is, if any: INSEE and postal codes overlap, `81140` is Lavaur's code and Castelnau-de-
//!    Montmiral's postal code).
//! 2. As a municipal arrondissement of Paris, Lyon or Marseille (`Paris 16e`).
//! 3. As a name (without a département written in parentheses at the end, `Parisot (82)`,
//!    `Lavaur (Dordogne)`, which then narrows the candidates like a context),
//!    [normalised](crate::normalize()) — and also without a prefix such as `Ville de`,
//!    `Mairie de`, `Commune de`, `les communes de` (`commune du Vintrou` reads `Le Vintrou`),
//!    and with a lone `S.`
//!    read as both `Saint` and `Sainte`. Each reading is looked up among the official names,
//!    the official names without their leading article or their qualifier in parentheses, the
//!    names of delegated and associated communes, and the other names the reference gives.
//! 4. Only when nothing at all matched (in or out of context), and when no word of the text
//!    names an organisation (`Caf`, `MJC`, `CCAS`, `association`, `centre social`…): with
//!    typos, within [`typo_budget`] edits of a name.
//!
//! Candidates outside the [`Context`] are set aside. The others are ranked by level — the same
//! name (1), the same letters split differently (2), a shortened official name (3), a former or
//! other name or a postal code (4), a typo (5) — and, within a level, by score: the official name exactly as
//! written (100) before another spelling of it (97), a former name (82) before a postal code
//! (80), one typo (76) before two (70). The status comes from the best candidates: one alone at the best score is
//! *resolved*; two or more sharing it are *ambiguous* (`Lavaur`: two communes of that exact
//! name; `Montain`: one exact, and `Montaïn` written without its accent, equally likely). When
//! the best candidate is only a typo, another typo at most one edit further is as plausible: the
//! name is *ambiguous* (`Castelsarazin`: Castel-Sarrazin at 1 edit, Castelsarrasin at 2), unless
//! the context keeps only one of them.

use ctg_core::{CommuneRecord, FormerCommune, InseeCode, Vintage};
use serde::Serialize;

use crate::distance::{typo_budget, ORGANISATION_WORDS};
use crate::index::{Shortening, Source};
use crate::normalize::{words, Words};
use crate::{arrondissement, Context, Geography};

/// Longest name (in characters, after trimming) that resolution looks at; longer input is not
/// found with [`NotFoundReason::TooLong`] without being read. The longest commune name has 45
/// characters.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let huge = "Lavaur ".repeat(10_000);
/// let resolution = geo.resolve(&huge, &ctg_geo::Context::new());
/// assert_eq!(resolution.reason, Some(ctg_geo::NotFoundReason::TooLong));
/// assert!(resolution.query.chars().count() <= ctg_geo::MAX_QUERY_CHARS + 1);
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
pub const MAX_QUERY_CHARS: usize = 200;

/// The outcome of a resolution.
///
/// ```
/// use ctg_geo::Status;
/// assert_eq!(Status::NotFound.as_str(), "not_found");
/// assert_eq!(serde_json::to_string(&Status::Ambiguous).unwrap(), "\"ambiguous\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// One candidate, better than any other: `candidates[0]`.
    Resolved,
    /// Several candidates equally good (the first ones, sharing the best score): the context
    /// must say which.
    Ambiguous,
    /// No candidate (in the context).
    NotFound,
}

impl Status {
    /// The stable code: `resolved`, `ambiguous`, `not_found`.
    ///
    /// ```
    /// assert_eq!(ctg_geo::Status::Resolved.as_str(), "resolved");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Resolved => "resolved",
            Status::Ambiguous => "ambiguous",
            Status::NotFound => "not_found",
        }
    }
}

/// Why nothing was found.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_geo::NotFoundReason::OutsideContext).unwrap(), "\"outside_context\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotFoundReason {
    /// The text has no letter or digit.
    Empty,
    /// The text is longer than [`MAX_QUERY_CHARS`].
    TooLong,
    /// No name of the reference is the text, nor close enough to it.
    NoMatch,
    /// Only names outside the context match (listed in `outside_context`).
    OutsideContext,
}

impl NotFoundReason {
    /// The stable code (`empty`, `too_long`, `no_match`, `outside_context`).
    ///
    /// ```
    /// assert_eq!(ctg_geo::NotFoundReason::NoMatch.as_str(), "no_match");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NotFoundReason::Empty => "empty",
            NotFoundReason::TooLong => "too_long",
            NotFoundReason::NoMatch => "no_match",
            NotFoundReason::OutsideContext => "outside_context",
        }
    }
}

/// How a candidate matched the text.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_geo::MatchKind::FormerName).unwrap(), "\"former_name\"");
/// assert_eq!(ctg_geo::MatchKind::Typo.level(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The official name, exactly as written.
    Exact,
    /// The official name written differently: case, accents, hyphens, spaces, apostrophes,
    /// abbreviations (`St`), an article moved, a prefix (`Mairie de`).
    Spelling,
    /// The INSEE code of the commune.
    Code,
    /// A postal code of the commune (a postal code often serves several communes).
    PostalCode,
    /// A municipal arrondissement written in one of the usual ways (`Paris 16e`).
    Arrondissement,
    /// The same letters as the official name with the words split differently
    /// (`Pont-de-l'Arn` for `Pont-de-Larn`).
    Joined,
    /// The official name without its leading article (`Rochelle`) or its qualifier in
    /// parentheses (`Bors` for `Bors (Canton de Charente-Sud)`).
    Shortened,
    /// The name of a delegated or associated commune, now part of the candidate.
    FormerName,
    /// The code of a former commune (merged, delegated or associated), now part of the candidate.
    FormerCode,
    /// Another name the reference gives the commune (an older name in the EPCI composition).
    OtherName,
    /// A name within a few typos of the text (`distance` says how many).
    Typo,
}

impl MatchKind {
    /// The level of this kind of match, 1 (best) to 5: candidates are ranked by level, then by
    /// score.
    ///
    /// ```
    /// use ctg_geo::MatchKind;
    /// assert_eq!(MatchKind::Exact.level(), MatchKind::Spelling.level());
    /// assert!(MatchKind::Spelling.level() < MatchKind::FormerName.level());
    /// ```
    pub fn level(self) -> u8 {
        match self {
            MatchKind::Exact
            | MatchKind::Spelling
            | MatchKind::Code
            | MatchKind::Arrondissement => 1,
            MatchKind::Joined => 2,
            MatchKind::Shortened => 3,
            MatchKind::FormerName
            | MatchKind::FormerCode
            | MatchKind::OtherName
            | MatchKind::PostalCode => 4,
            MatchKind::Typo => 5,
        }
    }

    /// The stable code (`exact`, `spelling`, `former_name`…).
    ///
    /// ```
    /// assert_eq!(ctg_geo::MatchKind::OtherName.as_str(), "other_name");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Spelling => "spelling",
            MatchKind::Code => "code",
            MatchKind::PostalCode => "postal_code",
            MatchKind::Arrondissement => "arrondissement",
            MatchKind::Joined => "joined",
            MatchKind::Shortened => "shortened",
            MatchKind::FormerName => "former_name",
            MatchKind::FormerCode => "former_code",
            MatchKind::OtherName => "other_name",
            MatchKind::Typo => "typo",
        }
    }
}

/// A rewriting of the text that led to a candidate.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_geo::Rule::PrefixRemoved).unwrap(), "\"prefix_removed\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// An abbreviation was expanded (`St` → Saint, `N.-D.` → Notre-Dame, `s/` → sur).
    Abbreviation,
    /// An article written at the end was moved to the front (`Isle-sur-la-Sorgue (L')`).
    ArticleMoved,
    /// A prefix was removed (`Mairie de`, `Ville de`, `Commune de`).
    PrefixRemoved,
    /// A lone `S.` was read as `Saint` or `Sainte`.
    SaintOrSainte,
    /// The official name's leading article is not written.
    ArticleOmitted,
    /// The official name's qualifier in parentheses is not written.
    QualifierOmitted,
    /// A département written in parentheses (`Parisot (82)`) narrows the candidates.
    DepartementHint,
}

impl Rule {
    /// The stable code (`abbreviation`, `article_moved`…).
    ///
    /// ```
    /// assert_eq!(ctg_geo::Rule::SaintOrSainte.as_str(), "saint_or_sainte");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Abbreviation => "abbreviation",
            Rule::ArticleMoved => "article_moved",
            Rule::PrefixRemoved => "prefix_removed",
            Rule::SaintOrSainte => "saint_or_sainte",
            Rule::ArticleOmitted => "article_omitted",
            Rule::QualifierOmitted => "qualifier_omitted",
            Rule::DepartementHint => "departement_hint",
        }
    }
}

/// A commune the text may name, and why.
///
/// ```
/// use ctg_geo::{Context, Geography, MatchKind, Rule};
/// let geo = Geography::embedded()?;
/// let resolution = geo.resolve("St-Amans-Soult", &Context::new());
/// let best = &resolution.candidates[0];
/// assert_eq!(best.commune.insee.as_str(), "81238");
/// assert_eq!(best.matched, MatchKind::Spelling);
/// assert_eq!(best.rules, [Rule::Abbreviation]);
/// assert_eq!(best.matched_name, Some("Saint-Amans-Soult"));
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate<'g> {
    /// The current commune (or arrondissement).
    pub commune: &'g CommuneRecord,
    /// 0 to 100, for ranking: 100 the exact official name or code, 97 another spelling or an
    /// arrondissement, 94 joined, 88 shortened, 82 a former or other name, 80 a postal code, 76
    /// one typo, 70 two.
    pub score: u8,
    /// How it matched.
    #[serde(rename = "match")]
    pub matched: MatchKind,
    /// The name of the reference that matched: official, former or other (none for a former
    /// code without name).
    pub matched_name: Option<&'g str>,
    /// The rewritings of the text that led here.
    pub rules: Vec<Rule>,
    /// When the text names a former commune (by name or code): that commune, now part of
    /// `commune`.
    pub former: Option<&'g FormerCommune>,
    /// For a typo: the number of edits.
    pub distance: Option<u8>,
}

impl Candidate<'_> {
    /// The level of the match (1 best, 5 a typo): see [`MatchKind::level`].
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let r = geo.resolve("Lavaur", &ctg_geo::Context::new());
    /// assert!(r.candidates.iter().all(|c| c.level() == 1));
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn level(&self) -> u8 {
        self.matched.level()
    }

    /// One English sentence saying why this candidate matched.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let r = geo.resolve("Arbignieu", &ctg_geo::Context::new());
    /// assert_eq!(
    ///     r.candidates[0].explain(),
    ///     "Arbignieu is a delegated commune, now part of Arboys en Bugey (01015)"
    /// );
    /// let r = geo.resolve("Castelsarasin", &ctg_geo::Context::new());
    /// assert_eq!(r.candidates[0].explain(), "Castelsarrasin (82033), 1 edit away from the text");
    /// let r = geo.resolve("St-Amans-Soult", &ctg_geo::Context::new());
    /// assert_eq!(r.candidates[0].explain(), "Saint-Amans-Soult (81238) written differently [abbreviation]");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn explain(&self) -> String {
        crate::catalogue::commune_candidate(self, ctg_core::Lang::En)
    }
}

/// The answer to a resolution: the status, the candidates in the context (best first), those
/// outside it, why nothing was found, and the vintage of the reference.
///
/// `C` is [`Candidate`] for communes and [`EpciCandidate`](crate::EpciCandidate) for EPCI. It
/// serialises to JSON with stable codes, as the bindings hand it over.
///
/// ```
/// use ctg_geo::{Context, Geography, Status};
/// let geo = Geography::embedded()?;
///
/// let lavaur = geo.resolve("Lavaur", &Context::new());
/// assert_eq!(lavaur.status, Status::Ambiguous);
/// let codes: Vec<&str> = lavaur.candidates.iter().map(|c| c.commune.insee.as_str()).collect();
/// assert_eq!(codes, ["24232", "81140"]);
/// assert!(lavaur.commune().is_none()); // never a guess
///
/// let json = serde_json::to_value(&lavaur)?;
/// assert_eq!(json["status"], "ambiguous");
/// assert_eq!(json["vintage"]["geography"], "COG 2026");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution<'g, C = Candidate<'g>> {
    /// The text as given (trimmed; cut after [`MAX_QUERY_CHARS`] characters, with `…`).
    pub query: String,
    /// Resolved, ambiguous or not found.
    pub status: Status,
    /// Candidates in the context, best first. Resolved: the first is the answer. Ambiguous: the
    /// first ones, with the same score, are tied.
    pub candidates: Vec<C>,
    /// Candidates that match but lie outside the context.
    pub outside_context: Vec<C>,
    /// When not found: why.
    pub reason: Option<NotFoundReason>,
    /// The reference the answer comes from.
    pub vintage: &'g Vintage,
}

impl<'g> Resolution<'g> {
    /// The commune, when resolved.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let r = geo.resolve("Pont-de-l’Arn", &ctg_geo::Context::new());
    /// assert_eq!(r.commune().unwrap().insee.as_str(), "81209");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn commune(&self) -> Option<&'g CommuneRecord> {
        self.resolved().map(|c| c.commune)
    }
}

impl<'g, C> Resolution<'g, C> {
    /// The best candidate, when resolved.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert!(geo.resolve("Parisot", &ctg_geo::Context::new()).resolved().is_none());
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn resolved(&self) -> Option<&C> {
        if self.status == Status::Resolved {
            self.candidates.first()
        } else {
            None
        }
    }

    /// The candidates tied at the best score, or [as plausible](Ranked::ties_with) as the best
    /// (one when resolved, several when ambiguous, none when not found).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.resolve("Parisot", &ctg_geo::Context::new()).tied().len(), 2);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn tied(&self) -> &[C]
    where
        C: Ranked,
    {
        let Some(best) = self.candidates.first() else {
            return &[];
        };
        let n = self
            .candidates
            .iter()
            .take_while(|c| c.ties_with(best))
            .count();
        self.candidates.get(..n).unwrap_or(&[])
    }
}

/// What resolution needs of a candidate to rank it and decide the status.
///
/// ```
/// use ctg_geo::Ranked;
/// let geo = ctg_geo::Geography::embedded()?;
/// let r = geo.resolve("Lavaur", &ctg_geo::Context::new());
/// assert_eq!(r.candidates[0].rank_level(), 1);
/// assert_eq!(r.candidates[0].identity(), "24232");
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
pub trait Ranked {
    /// The level of the match, 1 (best) to 5.
    fn rank_level(&self) -> u8;
    /// The score, 0 to 100: candidates with the same score are equally good.
    fn rank_score(&self) -> u8;
    /// What the candidate is (an INSEE code, a SIREN): candidates are unique by identity.
    fn identity(&self) -> &str;
    /// Whether this candidate, ranked after `best`, is as plausible: the same score — or, for
    /// two typos of a commune's name, at most one edit more (`Castelsarazin` is 1 edit from
    /// Castel-Sarrazin and 2 from Castelsarrasin: ambiguous, not a guess).
    fn ties_with(&self, best: &Self) -> bool {
        self.rank_score() == best.rank_score()
    }
}

impl Ranked for Candidate<'_> {
    fn rank_level(&self) -> u8 {
        self.level()
    }
    fn rank_score(&self) -> u8 {
        self.score
    }
    fn identity(&self) -> &str {
        self.commune.insee.as_str()
    }
    fn ties_with(&self, best: &Self) -> bool {
        match (self.matched, best.matched, self.distance, best.distance) {
            (MatchKind::Typo, MatchKind::Typo, Some(d), Some(b)) => d <= b.saturating_add(1),
            _ => self.score == best.score,
        }
    }
}

/// Builds a resolution from everything that matched: keeps the best match of each candidate,
/// sets aside those outside the context, ranks the others and decides the status.
pub(crate) fn decide<'g, C: Ranked>(
    query: String,
    mut found: Vec<C>,
    in_context: impl Fn(&C) -> bool,
    vintage: &'g Vintage,
) -> Resolution<'g, C> {
    found.sort_by(|a, b| {
        a.identity()
            .cmp(b.identity())
            .then(a.rank_level().cmp(&b.rank_level()))
            .then(b.rank_score().cmp(&a.rank_score()))
    });
    found.dedup_by(|later, first| later.identity() == first.identity());
    let (candidates, outside): (Vec<C>, Vec<C>) = found.into_iter().partition(in_context);
    settle(query, candidates, outside, vintage)
}

/// Ranks the candidates in the context and those outside it, and decides the status: resolved
/// when the best candidate has no other [as plausible](Ranked::ties_with), ambiguous when it has.
pub(crate) fn settle<'g, C: Ranked>(
    query: String,
    mut candidates: Vec<C>,
    mut outside: Vec<C>,
    vintage: &'g Vintage,
) -> Resolution<'g, C> {
    let order = |a: &C, b: &C| {
        a.rank_level()
            .cmp(&b.rank_level())
            .then(b.rank_score().cmp(&a.rank_score()))
            .then(a.identity().cmp(b.identity()))
    };
    candidates.sort_by(order);
    outside.sort_by(order);
    let (status, reason) = match candidates.as_slice() {
        [] if outside.is_empty() => (Status::NotFound, Some(NotFoundReason::NoMatch)),
        [] => (Status::NotFound, Some(NotFoundReason::OutsideContext)),
        [first, second, ..] if second.ties_with(first) => (Status::Ambiguous, None),
        _ => (Status::Resolved, None),
    };
    Resolution {
        query,
        status,
        candidates,
        outside_context: outside,
        reason,
        vintage,
    }
}

/// The text as kept in a resolution: trimmed, cut after [`MAX_QUERY_CHARS`] characters.
pub(crate) fn kept_query(text: &str) -> (String, bool) {
    let trimmed = text.trim();
    // A cheap bound first: at most 4 bytes a character.
    let too_long =
        trimmed.len() > MAX_QUERY_CHARS * 4 || trimmed.chars().nth(MAX_QUERY_CHARS).is_some();
    if too_long {
        let mut cut: String = trimmed.chars().take(MAX_QUERY_CHARS).collect();
        cut.push('…');
        (cut, true)
    } else {
        (trimmed.to_owned(), false)
    }
}

/// A resolution that found nothing for a reason known before any lookup.
pub(crate) fn nothing<'g, C>(
    query: String,
    reason: NotFoundReason,
    vintage: &'g Vintage,
) -> Resolution<'g, C> {
    Resolution {
        query,
        status: Status::NotFound,
        candidates: Vec::new(),
        outside_context: Vec::new(),
        reason: Some(reason),
        vintage,
    }
}

/// One way of reading the text.
struct Reading {
    words: Words,
    prefix_removed: bool,
    saint_guessed: bool,
}

impl Reading {
    fn rules(&self, extra: Option<Rule>) -> Vec<Rule> {
        let mut rules = Vec::new();
        if self.words.applied.abbreviation {
            rules.push(Rule::Abbreviation);
        }
        if self.words.applied.article_moved {
            rules.push(Rule::ArticleMoved);
        }
        if self.prefix_removed {
            rules.push(Rule::PrefixRemoved);
        }
        if self.saint_guessed {
            rules.push(Rule::SaintOrSainte);
        }
        rules.extend(extra);
        rules
    }
}

/// The readings of a text: as written; without a prefix (`Mairie de`); with a lone `s` as
/// `saint` and as `sainte`.
fn readings(base: Words) -> Vec<Reading> {
    let mut out = Vec::with_capacity(2);
    if let Some(stripped) = without_prefix(&base) {
        out.push(Reading {
            words: stripped,
            prefix_removed: true,
            saint_guessed: false,
        });
    }
    out.insert(
        0,
        Reading {
            words: base,
            prefix_removed: false,
            saint_guessed: false,
        },
    );
    let mut guesses = Vec::new();
    for reading in &out {
        if let Some(i) = reading.words.iter().position(|w| w == "s") {
            for saint in ["saint", "sainte"] {
                guesses.push(Reading {
                    words: reading.words.replaced(i, &[saint]),
                    prefix_removed: reading.prefix_removed,
                    saint_guessed: true,
                });
            }
        }
    }
    out.extend(guesses);
    out
}

/// The words without a leading `[la|le|les] ville|mairie|commune[s] de|d'|du|des`; `du` and
/// `des` leave the article they contain (`commune du Vintrou` → `le vintrou`).
fn without_prefix(words: &Words) -> Option<Words> {
    let mut i = 0;
    if matches!(words.get(i), Some("la" | "le" | "l" | "les")) {
        i += 1;
    }
    if !matches!(
        words.get(i),
        Some("ville" | "villes" | "mairie" | "mairies" | "commune" | "communes" | "municipalite")
    ) {
        return None;
    }
    i += 1;
    let article = match words.get(i)? {
        "de" | "d" => None,
        "du" => Some("le"),
        "des" => Some("les"),
        _ => return None,
    };
    i += 1;
    if i >= words.len() {
        return None;
    }
    Some(match article {
        Some(article) => words.skipped(i - 1).replaced(0, &[article]),
        None => words.skipped(i),
    })
}

impl Geography {
    /// Resolves a commune's name as written (or its INSEE code), in a context: ranked
    /// candidates, each with its score and why it matched, and a status — resolved, ambiguous or
    /// not found. See the [module](crate::resolve) for how the text is read.
    ///
    /// Never panics; any text is accepted, and work is bounded ([`MAX_QUERY_CHARS`]).
    ///
    /// ```
    /// use ctg_geo::{Context, Geography, MatchKind, Status};
    /// let geo = Geography::embedded()?;
    /// let tarn = Context::new().departement("81".parse()?);
    ///
    /// let r = geo.resolve("Pont-de-l’Arn", &tarn);
    /// assert_eq!((r.status, r.commune().unwrap().name.as_str()), (Status::Resolved, "Pont-de-Larn"));
    ///
    /// assert_eq!(geo.resolve("Lavaur", &tarn).commune().unwrap().insee.as_str(), "81140");
    /// assert_eq!(geo.resolve("Lavaur", &Context::new()).status, Status::Ambiguous);
    ///
    /// let arbignieu = geo.resolve("Arbignieu", &Context::new());
    /// assert_eq!(arbignieu.candidates[0].matched, MatchKind::FormerName);
    /// assert_eq!(arbignieu.commune().unwrap().name, "Arboys en Bugey");
    ///
    /// assert_eq!(geo.resolve("Familles Rurales", &Context::new()).status, Status::NotFound);
    /// assert_eq!(geo.resolve("Castelsarasin", &Context::new()).candidates[0].distance, Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&self, text: &str, context: &Context) -> Resolution<'_> {
        self.resolve_with(text, context, true)
    }

    /// [`resolve`](Geography::resolve), with the typo search or without it (what checking a
    /// name against its code needs: a typo never designates another commune there).
    pub(crate) fn resolve_with(
        &self,
        text: &str,
        context: &Context,
        typos: bool,
    ) -> Resolution<'_> {
        let (query, too_long) = kept_query(text);
        if too_long {
            return nothing(query, NotFoundReason::TooLong, &self.vintage);
        }
        let mut found: Vec<Candidate<'_>> = Vec::new();
        self.by_code(&query, &mut found);
        // `Parisot (82)`, `Lavaur (Dordogne)`: the département in parentheses narrows.
        let (name, hint) = self.departement_hint(&query);
        let base = words(name);
        if base.is_empty() {
            return nothing(query, NotFoundReason::Empty, &self.vintage);
        }
        if let Some(code) = arrondissement::code(&base) {
            if let Some(commune) = self.commune_by_code(&code) {
                found.push(self.candidate(commune, MatchKind::Arrondissement, None, Vec::new()));
            }
        }
        let readings = readings(base);
        for reading in &readings {
            self.by_name(name, reading, &mut found);
        }
        if found.is_empty() && typos {
            for reading in &readings {
                self.by_typo(reading, &mut found);
            }
        }
        if hint.is_some() {
            for candidate in &mut found {
                candidate.rules.push(Rule::DepartementHint);
            }
        }
        decide(
            query,
            found,
            |c| context.admits(c.commune) && hint.is_none_or(|d| c.commune.departement == d.code),
            &self.vintage,
        )
    }

    /// A département written in parentheses at the end of a name (`Parisot (82)`, `Lavaur
    /// (Dordogne)`): the name without it, and the département. Other parentheses (`Château-Chinon
    /// (Ville)`) are part of the name.
    fn departement_hint<'q>(&self, query: &'q str) -> (&'q str, Option<&crate::Departement>) {
        let Some(inner) = query.strip_suffix(')') else {
            return (query, None);
        };
        let Some((name, inside)) = inner.rsplit_once('(') else {
            return (query, None);
        };
        match self.departement_by_name(inside) {
            Some(d) if !name.trim().is_empty() => (name.trim_end(), Some(d)),
            _ => (query, None),
        }
    }

    fn candidate<'g>(
        &'g self,
        commune: &'g CommuneRecord,
        matched: MatchKind,
        matched_name: Option<&'g str>,
        rules: Vec<Rule>,
    ) -> Candidate<'g> {
        let score = match matched {
            MatchKind::Exact | MatchKind::Code => 100,
            MatchKind::Spelling | MatchKind::Arrondissement => 97,
            MatchKind::PostalCode => 80,
            MatchKind::Joined => 94,
            MatchKind::Shortened => 88,
            MatchKind::FormerName | MatchKind::FormerCode | MatchKind::OtherName => 82,
            MatchKind::Typo => 76,
        };
        Candidate {
            commune,
            score,
            matched,
            matched_name: matched_name.or(Some(commune.name.as_str())),
            rules,
            former: None,
            distance: None,
        }
    }

    /// The text as an INSEE code: the current commune, or the current communes of a former one.
    fn by_code<'g>(&'g self, query: &str, found: &mut Vec<Candidate<'g>>) {
        for commune in self.communes_by_postal_code(query) {
            found.push(self.candidate(commune, MatchKind::PostalCode, None, Vec::new()));
        }
        let Ok(code) = InseeCode::parse(query) else {
            return;
        };
        if let Some(commune) = self.commune(&code) {
            found.push(self.candidate(commune, MatchKind::Code, None, Vec::new()));
        }
        for former in self.former_communes(&code) {
            if former.current == code {
                continue; // a delegated commune that kept its code: the current commune it is
            }
            if let Some(commune) = self.commune(&former.current) {
                let mut candidate = self.candidate(
                    commune,
                    MatchKind::FormerCode,
                    former.name.as_deref(),
                    Vec::new(),
                );
                candidate.former = Some(former);
                if former.name.is_none() {
                    candidate.matched_name = None;
                }
                found.push(candidate);
            }
        }
    }

    /// One reading looked up among the names of the index.
    fn by_name<'g>(&'g self, query: &str, reading: &Reading, found: &mut Vec<Candidate<'g>>) {
        let key = reading.words.key();
        if key.is_empty() {
            return;
        }
        let hash = reading.words.words_hash();
        for id in self.names().exact(&key) {
            let Some(entry) = self.names().entry(id) else {
                continue;
            };
            let Some(commune) = self.commune_at(entry.commune) else {
                continue;
            };
            let candidate = match entry.source {
                Source::Official => {
                    let matched = if query == commune.name {
                        MatchKind::Exact
                    } else if entry.words == hash {
                        MatchKind::Spelling
                    } else {
                        MatchKind::Joined
                    };
                    self.candidate(commune, matched, None, reading.rules(None))
                }
                Source::Former { record, named } => {
                    let name = self.former_at(named).and_then(|f| f.name.as_deref());
                    let mut candidate =
                        self.candidate(commune, MatchKind::FormerName, name, reading.rules(None));
                    candidate.former = self.former_at(record);
                    candidate
                }
                Source::Other(o) => {
                    let name = self.other_name_at(o);
                    self.candidate(commune, MatchKind::OtherName, name, reading.rules(None))
                }
            };
            found.push(candidate);
        }
        for (id, how) in self.names().shortened(&key) {
            let Some(entry) = self.names().entry(id) else {
                continue;
            };
            let Some(commune) = self.commune_at(entry.commune) else {
                continue;
            };
            let rule = match how {
                Shortening::Article => Rule::ArticleOmitted,
                Shortening::Qualifier => Rule::QualifierOmitted,
            };
            found.push(self.candidate(
                commune,
                MatchKind::Shortened,
                None,
                reading.rules(Some(rule)),
            ));
        }
    }

    /// One reading looked up with typos (none when a word names an organisation).
    fn by_typo<'g>(&'g self, reading: &Reading, found: &mut Vec<Candidate<'g>>) {
        if reading
            .words
            .iter()
            .any(|w| ORGANISATION_WORDS.contains(&w))
        {
            return;
        }
        let key = reading.words.key();
        let budget = typo_budget(key.len());
        let mut near = Vec::new();
        self.names().near(&key, budget, &mut near);
        for (id, distance) in near {
            let Some(entry) = self.names().entry(id) else {
                continue;
            };
            let Some(commune) = self.commune_at(entry.commune) else {
                continue;
            };
            let (name, former) = match entry.source {
                Source::Official => (None, None),
                Source::Former { record, named } => (
                    self.former_at(named).and_then(|f| f.name.as_deref()),
                    self.former_at(record),
                ),
                Source::Other(o) => (self.other_name_at(o), None),
            };
            let mut candidate = self.candidate(commune, MatchKind::Typo, name, reading.rules(None));
            let distance = u8::try_from(distance).unwrap_or(u8::MAX);
            candidate.score = 76u8.saturating_sub(6 * distance.saturating_sub(1));
            candidate.distance = Some(distance);
            candidate.former = former;
            found.push(candidate);
        }
    }

    fn former_at(&self, index: u32) -> Option<&FormerCommune> {
        self.formers.get(usize::try_from(index).ok()?)
    }

    fn other_name_at(&self, index: u32) -> Option<&str> {
        self.other_names
            .get(usize::try_from(index).ok()?)
            .map(|(_, name)| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(w: &Words) -> Vec<&str> {
        w.iter().collect()
    }

    #[test]
    fn prefixes() {
        let stripped = |t: &str| without_prefix(&words(t)).map(|w| words_of(&w).join(" "));
        assert_eq!(stripped("Mairie de Saumur").as_deref(), Some("saumur"));
        assert_eq!(
            stripped("la mairie de St-Amans-Soult").as_deref(),
            Some("saint amans soult")
        );
        assert_eq!(stripped("Ville d'Avray").as_deref(), Some("avray"));
        assert_eq!(
            stripped("commune du Vintrou").as_deref(),
            Some("le vintrou")
        );
        assert_eq!(
            stripped("Commune des Cabannes").as_deref(),
            Some("les cabannes")
        );
        assert_eq!(
            stripped("Mairie de la Ville-Dieu-du-Temple").as_deref(),
            Some("la ville dieu du temple")
        );
        assert_eq!(stripped("Ville de"), None);
        assert_eq!(stripped("Villedieu"), None);
        assert_eq!(stripped("Saumur"), None);
    }

    #[test]
    fn saint_readings() {
        let all = readings(words("S. Maxime"));
        let keys: Vec<String> = all.iter().map(|r| r.words.key()).collect();
        assert_eq!(keys, ["smaxime", "saintmaxime", "saintemaxime"]);
        assert!(all.iter().skip(1).all(|r| r.saint_guessed));
    }

    #[test]
    #[cfg(feature = "embedded")]
    fn organisation_words_are_in_no_name() {
        let geo = Geography::embedded().unwrap_or_else(|e| panic!("{e}"));
        let names = geo
            .communes()
            .iter()
            .map(|c| c.name.as_str())
            .chain(geo.formers.iter().filter_map(|f| f.name.as_deref()))
            .chain(geo.other_names.iter().map(|(_, n)| n.as_str()));
        let mut found = Vec::new();
        for name in names {
            for word in words(name).iter() {
                if ORGANISATION_WORDS.contains(&word) {
                    found.push(format!("{word} in {name}"));
                }
            }
        }
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn query_is_kept_and_cut() {
        assert_eq!(kept_query("  Lavaur ").0, "Lavaur");
        let (cut, long) = kept_query(&"é".repeat(500));
        assert!(long);
        assert_eq!(cut.chars().count(), MAX_QUERY_CHARS + 1);
        assert!(!kept_query(&"a".repeat(MAX_QUERY_CHARS)).1);
        assert!(kept_query(&"a".repeat(MAX_QUERY_CHARS + 1)).1);
    }
}
