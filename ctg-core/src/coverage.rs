//! Coverage: the territory a convention covers in an official geography, its population, and the
//! Caf's funding per inhabitant and per year.
//!
//! The territory is made of the communes of the parties that **sign** (every role but
//! `partner`): each commune party, and every member commune of each EPCI party, as the reference
//! gives them. A commune brought by two parties (a commune and its EPCI) counts once. A partner
//! EPCI (the CA of the Saumur fixture, whose CTG covers one sector of it) brings nothing: the
//! convention does not say which of its members are covered.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::{
    Amount, CommuneKind, CommuneRecord, Convention, DepartementCode, EpciRecord, FormerCommune,
    Gazetteer, InseeCode, PartyKind, PartyRole, Siren, Vintage, Year,
};

/// What a convention covers in an official geography: its communes, their population, the
/// funding per inhabitant and per year, the member communes of its EPCI that are not parties,
/// and the parties the reference could not place. Every figure depends on the reference, whose
/// vintage it carries.
///
/// ```
/// use ctg_core::Convention;
/// let geo = ctg_geo::Geography::embedded()?;
/// let coverage = Convention::sample().coverage(geo);
/// assert_eq!(coverage.vintage.geography, "COG 2026");
/// // The 9 communes of the CC Thoré Montagne Noire, and Saint-Amans-Soult and Pont-de-Larn.
/// assert_eq!(coverage.communes.len(), 11);
/// assert_eq!(coverage.population, Some(9_538));
/// let per = coverage.funding_per_inhabitant.as_ref().unwrap();
/// assert_eq!(per.per_year.to_string(), "25.35"); // 241 801 € a year / 9 538 inhabitants
/// assert!(coverage.members_not_parties.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Coverage {
    /// The reference every figure comes from.
    pub vintage: Vintage,
    /// The communes covered, once each, by INSEE code.
    pub communes: Vec<CoveredCommune>,
    /// The sum of the communes' municipal populations in the reference; `None` when one of them
    /// has none, when a signing party could not be placed (its communes are unknown), or when
    /// the territory is empty. Never a partial sum.
    pub population: Option<u64>,
    /// The Caf's funding per inhabitant; `None` without funding or without a population.
    pub funding_per_inhabitant: Option<FundingPerInhabitant>,
    /// Member communes of the signing EPCI that are not parties themselves.
    pub members_not_parties: Vec<MemberNotParty>,
    /// Signing communes and EPCI that the reference could not place, and why.
    pub unresolved: Vec<UnresolvedParty>,
}

/// A commune of a convention's territory.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let coverage = ctg_core::Convention::sample().coverage(geo);
/// let albine = coverage.communes.iter().find(|c| c.insee.as_str() == "81005").unwrap();
/// assert_eq!(albine.name, "Albine");
/// // Brought by its own party and by the CC's.
/// assert_eq!(albine.parties, ["cc-thore-montagne-noire", "albine"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CoveredCommune {
    /// INSEE code (today's, in the reference).
    pub insee: InseeCode,
    /// Official name.
    pub name: String,
    /// Its département.
    pub departement: DepartementCode,
    /// Municipal population in the reference, when known.
    pub population: Option<u64>,
    /// The ids of the parties that bring it, in the order of the parties.
    pub parties: Vec<String>,
    /// The former codes the parties wrote for it (a commune that has merged into it since):
    /// the value is today's commune, and this says so.
    pub former_codes: Vec<InseeCode>,
}

/// A member commune of a signing EPCI that is not a party.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/tarn-agout-2023-2026.json"))?;
/// let coverage = ctg_core::Convention::from_json_str(&json)?.coverage(geo);
/// // The CC Tarn-Agout has 21 members; 3 of them sign.
/// assert_eq!(coverage.members_not_parties.len(), 18);
/// assert_eq!(coverage.members_not_parties[0].epci, "cc-tarn-agout");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MemberNotParty {
    /// INSEE code.
    pub insee: InseeCode,
    /// Official name.
    pub name: String,
    /// Municipal population, when known.
    pub population: Option<u64>,
    /// The id of the EPCI party it is a member of.
    pub epci: String,
}

/// A signing party the reference could not place.
///
/// ```
/// use ctg_core::{Convention, UnresolvedReason};
/// let geo = ctg_geo::Geography::embedded()?;
/// let mut doc = Convention::sample().to_value();
/// doc["parties"][5]["insee"] = "82999".into();
/// let coverage = Convention::from_value(&doc)?.coverage(geo);
/// assert_eq!(coverage.unresolved[0].party, "albine");
/// assert_eq!(coverage.unresolved[0].reason, UnresolvedReason::UnknownInsee);
/// assert_eq!(coverage.population, None); // never a partial sum
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UnresolvedParty {
    /// Its id.
    pub party: String,
    /// Why.
    pub reason: UnresolvedReason,
    /// The identifier that could not be placed, when there is one.
    pub value: Option<String>,
}

/// Why a party could not be placed in the reference.
///
/// ```
/// use ctg_core::{Lang, UnresolvedReason};
/// assert_eq!(serde_json::to_string(&UnresolvedReason::FormerAmbiguous).unwrap(), "\"former_ambiguous\"");
/// assert_eq!(UnresolvedReason::NoIdentifier.label(Lang::En), "no INSEE code nor SIREN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnresolvedReason {
    /// No commune, current or former, has its INSEE code.
    UnknownInsee,
    /// Its INSEE code is a former commune's that the reference puts under several communes.
    FormerAmbiguous,
    /// No commune or EPCI has its SIREN.
    UnknownSiren,
    /// Its identifier is not a commune's (an EPCI's SIREN, an arrondissement's code).
    NotACommune,
    /// Its SIREN is not an EPCI's (a commune's).
    NotAnEpci,
    /// It has neither INSEE code nor SIREN.
    NoIdentifier,
    /// Its identifiers designate two different communes (validation only).
    Contradictory,
}

impl UnresolvedReason {
    /// The stable code (`unknown_insee`…).
    ///
    /// ```
    /// assert_eq!(ctg_core::UnresolvedReason::UnknownSiren.as_str(), "unknown_siren");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            UnresolvedReason::UnknownInsee => "unknown_insee",
            UnresolvedReason::FormerAmbiguous => "former_ambiguous",
            UnresolvedReason::UnknownSiren => "unknown_siren",
            UnresolvedReason::NotACommune => "not_a_commune",
            UnresolvedReason::NotAnEpci => "not_an_epci",
            UnresolvedReason::NoIdentifier => "no_identifier",
            UnresolvedReason::Contradictory => "contradictory",
        }
    }

    /// Its words in `lang`, from the labels of the renderers.
    ///
    /// ```
    /// use ctg_core::{Lang, UnresolvedReason};
    /// assert_eq!(UnresolvedReason::UnknownInsee.label(Lang::Fr), "code INSEE inconnu");
    /// ```
    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::render::Label;
        let label = match self {
            UnresolvedReason::UnknownInsee => Label::UnknownInsee,
            UnresolvedReason::FormerAmbiguous => Label::FormerAmbiguous,
            UnresolvedReason::UnknownSiren => Label::UnknownSiren,
            UnresolvedReason::NotACommune => Label::NotACommune,
            UnresolvedReason::NotAnEpci => Label::NotAnEpci,
            UnresolvedReason::NoIdentifier => Label::NoIdentifier,
            UnresolvedReason::Contradictory => Label::Contradictory,
        };
        label.text(lang)
    }
}

/// The Caf's funding divided by the territory's population: per year of the period, and on
/// average over it (the whole funding / the number of years / the population). Each figure is
/// exact, then rounded once to the cent, half away from zero (`decimals`, `rounding`).
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let per = ctg_core::Convention::sample().coverage(geo).funding_per_inhabitant.unwrap();
/// assert_eq!(per.population, 9_538);
/// assert_eq!(per.by_year[&2024].to_string(), "25.35");
/// assert_eq!((per.decimals, per.rounding), (2, "half_away_from_zero"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FundingPerInhabitant {
    /// The population divided by.
    pub population: u64,
    /// The number of years of the period.
    pub years: u32,
    /// On average per year: total / years / population.
    pub per_year: Amount,
    /// Each year's funding / population (every year of the period).
    pub by_year: BTreeMap<Year, Amount>,
    /// Decimals kept: 2.
    pub decimals: u32,
    /// How the last decimal is rounded: `half_away_from_zero`.
    pub rounding: &'static str,
}

/// Divides exactly, then rounds once to the cent, half away from zero.
fn per_head(amount: Amount, divisor: u64) -> Option<Amount> {
    if divisor == 0 {
        return None;
    }
    let value = amount.to_decimal().checked_div(Decimal::from(divisor))?;
    Amount::new(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)).ok()
}

// ------------------------------------------------------------------------------------------
// Shared with validation: where each party is in the reference, and the territory.

/// What the territory needs of a party, from a convention or from a draft.
pub(crate) struct PartyView<'p> {
    pub(crate) index: usize,
    pub(crate) id: Option<&'p str>,
    pub(crate) kind: Option<PartyKind>,
    pub(crate) role: Option<PartyRole>,
    pub(crate) insee: Option<&'p InseeCode>,
    pub(crate) siren: Option<&'p Siren>,
}

/// Where a commune or EPCI party is in the reference.
pub(crate) enum Place<'g> {
    /// A current commune; `former` when the party's code is a former commune's.
    Commune {
        record: &'g CommuneRecord,
        former: Option<&'g FormerCommune>,
    },
    /// An EPCI.
    Epci(&'g EpciRecord),
    /// Not placed, and why (with the identifier).
    Unresolved(UnresolvedReason, Option<String>),
    /// Not a commune or an EPCI: not part of the territory.
    Elsewhere,
}

/// The one current commune a former code leads to, or why there is none.
pub(crate) fn former_to_current<'g>(
    g: &'g dyn Gazetteer,
    code: &InseeCode,
) -> Result<(&'g CommuneRecord, &'g FormerCommune), UnresolvedReason> {
    let formers = g.former_communes(code);
    let Some(first) = formers.first() else {
        return Err(UnresolvedReason::UnknownInsee);
    };
    if formers.iter().any(|f| f.current != first.current) {
        return Err(UnresolvedReason::FormerAmbiguous);
    }
    match g.commune(&first.current) {
        Some(record) => Ok((record, first)),
        None => Err(UnresolvedReason::UnknownInsee),
    }
}

/// Where a party is in the reference, by its kind and identifiers.
pub(crate) fn place<'g>(g: &'g dyn Gazetteer, party: &PartyView<'_>) -> Place<'g> {
    match party.kind {
        Some(PartyKind::Commune) => {
            if let Some(code) = party.insee {
                return match g.commune(code) {
                    Some(record) if record.kind == CommuneKind::Commune => Place::Commune {
                        record,
                        former: None,
                    },
                    Some(_) => {
                        Place::Unresolved(UnresolvedReason::NotACommune, Some(code.to_string()))
                    }
                    None => match former_to_current(g, code) {
                        Ok((record, former)) => Place::Commune {
                            record,
                            former: Some(former),
                        },
                        Err(reason) => Place::Unresolved(reason, Some(code.to_string())),
                    },
                };
            }
            if let Some(siren) = party.siren {
                if let Some(record) = g.commune_by_siren(siren) {
                    return Place::Commune {
                        record,
                        former: None,
                    };
                }
                let reason = if g.epci(siren).is_some() {
                    UnresolvedReason::NotACommune
                } else {
                    UnresolvedReason::UnknownSiren
                };
                return Place::Unresolved(reason, Some(siren.to_string()));
            }
            Place::Unresolved(UnresolvedReason::NoIdentifier, None)
        }
        Some(kind) if kind.is_epci() => {
            let Some(siren) = party.siren else {
                return Place::Unresolved(UnresolvedReason::NoIdentifier, None);
            };
            if let Some(epci) = g.epci(siren) {
                return Place::Epci(epci);
            }
            let reason = if g.commune_by_siren(siren).is_some() {
                UnresolvedReason::NotAnEpci
            } else {
                UnresolvedReason::UnknownSiren
            };
            Place::Unresolved(reason, Some(siren.to_string()))
        }
        _ => Place::Elsewhere,
    }
}

/// A commune of the territory.
pub(crate) struct Entry<'g> {
    pub(crate) record: &'g CommuneRecord,
    /// Its code as a number ([`code_key`]).
    pub(crate) key: u64,
    /// The parties that bring it: `Communes::parties_of`.
    parties: (u32, u32),
    /// The former codes the parties wrote for it.
    pub(crate) former_codes: Vec<InseeCode>,
}

/// The communes of a territory, each once, in the order of their INSEE codes.
pub(crate) struct Communes<'g> {
    entries: Vec<Entry<'g>>,
    /// The parties of every entry, one run after the other.
    parties: Vec<usize>,
}

/// An INSEE code as a number that sorts as the code does (five ASCII characters), for sorting
/// and searching without comparing strings.
pub(crate) fn code_key(code: &InseeCode) -> u64 {
    let mut key = 0u64;
    for &byte in code.as_str().as_bytes().iter().take(8) {
        key = (key << 8) | u64::from(byte);
    }
    key
}

impl<'g> Communes<'g> {
    /// Whether the commune with this code is in the territory.
    pub(crate) fn contains_key(&self, code: &InseeCode) -> bool {
        let key = code_key(code);
        self.entries.binary_search_by(|e| e.key.cmp(&key)).is_ok()
    }

    /// Whether the territory has no commune.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many communes.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The communes, by code.
    pub(crate) fn values(&self) -> std::slice::Iter<'_, Entry<'g>> {
        self.entries.iter()
    }

    /// The indexes of the parties that bring a commune, in their order.
    pub(crate) fn parties_of(&self, entry: &Entry<'g>) -> &[usize] {
        let (start, end) = entry.parties;
        self.parties
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The communes of `found`: (record, party index, former commune the party wrote), in any
    /// order and with repetitions.
    fn gather(mut found: Vec<(u64, &'g CommuneRecord, usize, Option<&'g FormerCommune>)>) -> Self {
        found.sort_unstable_by_key(|&(key, _, party, _)| (key, party));
        let mut communes = Communes {
            entries: Vec::with_capacity(found.len()),
            parties: Vec::with_capacity(found.len()),
        };
        let mut last_key = None;
        for (key, record, party, former) in found {
            let at = communes.parties.len() as u32;
            if last_key != Some(key) {
                last_key = Some(key);
                communes.entries.push(Entry {
                    record,
                    key,
                    parties: (at, at),
                    former_codes: Vec::new(),
                });
            }
            let Some(entry) = communes.entries.last_mut() else {
                continue;
            };
            if communes.parties.last() != Some(&party) || entry.parties.0 == at {
                communes.parties.push(party);
                entry.parties.1 = at + 1;
            }
            if let Some(former) = former {
                if !entry.former_codes.contains(&former.insee) {
                    entry.former_codes.push(former.insee.clone());
                }
            }
        }
        communes
    }
}

/// The territory of a set of parties in the reference.
pub(crate) struct Territory<'g> {
    /// The communes covered, by code.
    pub(crate) communes: Communes<'g>,
    /// The signing EPCI placed: (party index, record).
    pub(crate) epcis: Vec<(usize, &'g EpciRecord)>,
    /// The current codes of the commune parties, of any role.
    pub(crate) party_communes: BTreeSet<InseeCode>,
    /// Signing parties not placed: (party index, reason, identifier).
    pub(crate) unresolved: Vec<(usize, UnresolvedReason, Option<String>)>,
    /// Whether some party's role or kind could not be read (then whether it signs is unknown).
    pub(crate) uncertain: bool,
}

impl<'g> Territory<'g> {
    /// The territory of `parties`; those in `contradictory` (whose identifiers designate two
    /// communes) are not placed.
    pub(crate) fn build(
        g: &'g dyn Gazetteer,
        parties: &[PartyView<'_>],
        contradictory: &BTreeSet<usize>,
    ) -> Territory<'g> {
        let mut epcis = Vec::new();
        let mut party_communes = BTreeSet::new();
        let mut unresolved = Vec::new();
        let mut uncertain = false;
        let mut found = Vec::new();
        for party in parties {
            let territorial = party
                .kind
                .is_none_or(|k| k == PartyKind::Commune || k.is_epci());
            if !territorial {
                continue;
            }
            let signs = match (party.kind, party.role) {
                (Some(_), Some(role)) => role.signs(),
                _ => {
                    uncertain = true;
                    continue;
                }
            };
            let place = if contradictory.contains(&party.index) {
                Place::Unresolved(UnresolvedReason::Contradictory, None)
            } else {
                place(g, party)
            };
            match place {
                Place::Commune { record, former } => {
                    party_communes.insert(record.insee.clone());
                    if signs {
                        found.push((code_key(&record.insee), record, party.index, former));
                    }
                }
                Place::Epci(epci) if signs => {
                    epcis.push((party.index, epci));
                    found.reserve(epci.members.len());
                    for code in &epci.members {
                        match g.commune(code) {
                            // The record has the member's code: its key is the code's (without
                            // reading the record's own copy of it).
                            Some(record) => found.push((code_key(code), record, party.index, None)),
                            None => unresolved.push((
                                party.index,
                                UnresolvedReason::UnknownInsee,
                                Some(code.to_string()),
                            )),
                        }
                    }
                }
                Place::Unresolved(reason, value) if signs => {
                    unresolved.push((party.index, reason, value));
                }
                _ => {}
            }
        }
        Territory {
            communes: Communes::gather(found),
            epcis,
            party_communes,
            unresolved,
            uncertain,
        }
    }

    /// Whether every signing party was placed (then the territory is all the convention covers).
    pub(crate) fn is_complete(&self) -> bool {
        self.unresolved.is_empty() && !self.uncertain
    }
}

impl Convention {
    /// The territory of the convention in the reference (what [`coverage`](Self::coverage) and
    /// a portfolio's figures are made of): the communes of its signing parties, each once.
    pub(crate) fn territory<'g>(&self, gazetteer: &'g dyn Gazetteer) -> Territory<'g> {
        Territory::build(gazetteer, &self.party_views(), &BTreeSet::new())
    }

    /// What the territory needs of each party.
    fn party_views(&self) -> Vec<PartyView<'_>> {
        self.parties()
            .iter()
            .enumerate()
            .map(|(index, p)| PartyView {
                index,
                id: Some(p.id()),
                kind: Some(p.kind()),
                role: Some(p.role()),
                insee: p.insee(),
                siren: p.siren(),
            })
            .collect()
    }

    /// What the convention covers in an official geography: its communes (those of the parties
    /// that sign, each EPCI with its members in the reference, each commune once), their
    /// population, the Caf's funding per inhabitant and per year, the member communes of its
    /// EPCI that are not parties, and the parties the reference could not place.
    ///
    /// A former commune's code stands for today's commune (`former_codes` says so); nothing is
    /// guessed: a code the reference puts under two communes is left unresolved, and then the
    /// population (and the funding per inhabitant) is `None` rather than a partial sum.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/terres-des-confluences-2023-2027.json"))?;
    /// let coverage = Convention::from_json_str(&json)?.coverage(geo);
    /// assert_eq!(coverage.communes.len(), 22); // the CC and its 22 communes: 22 communes, once each
    /// assert!(coverage.population.is_some());
    /// assert!(coverage.funding_per_inhabitant.is_none()); // no funding section
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coverage(&self, gazetteer: &dyn Gazetteer) -> Coverage {
        let views = self.party_views();
        let territory = Territory::build(gazetteer, &views, &BTreeSet::new());
        let id_of = |index: usize| {
            views
                .get(index)
                .and_then(|v| v.id)
                .unwrap_or_default()
                .to_owned()
        };
        let communes: Vec<CoveredCommune> = territory
            .communes
            .values()
            .map(|e| CoveredCommune {
                insee: e.record.insee.clone(),
                name: e.record.name.clone(),
                departement: e.record.departement.clone(),
                population: e.record.population,
                parties: territory
                    .communes
                    .parties_of(e)
                    .iter()
                    .map(|&i| id_of(i))
                    .collect(),
                former_codes: e.former_codes.clone(),
            })
            .collect();
        let population = if communes.is_empty() || !territory.is_complete() {
            None
        } else {
            communes
                .iter()
                .try_fold(0u64, |sum, c| sum.checked_add(c.population?))
        };
        let funding_per_inhabitant = match (population, self.totals()) {
            (Some(population), Some(totals)) => {
                let years = self.period().len();
                let by_year: Option<BTreeMap<Year, Amount>> = totals
                    .by_year
                    .iter()
                    .map(|(&year, &amount)| Some((year, per_head(amount, population)?)))
                    .collect();
                let per_year = population
                    .checked_mul(u64::from(years))
                    .and_then(|people_years| per_head(totals.total, people_years));
                match (by_year, per_year) {
                    (Some(by_year), Some(per_year)) => Some(FundingPerInhabitant {
                        population,
                        years,
                        per_year,
                        by_year,
                        decimals: 2,
                        rounding: "half_away_from_zero",
                    }),
                    _ => None,
                }
            }
            _ => None,
        };
        let mut members_not_parties = Vec::new();
        for &(index, epci) in &territory.epcis {
            for code in &epci.members {
                if territory.party_communes.contains(code) {
                    continue;
                }
                if let Some(record) = gazetteer.commune(code) {
                    members_not_parties.push(MemberNotParty {
                        insee: record.insee.clone(),
                        name: record.name.clone(),
                        population: record.population,
                        epci: id_of(index),
                    });
                }
            }
        }
        members_not_parties.sort_by(|a, b| a.insee.cmp(&b.insee));
        members_not_parties.dedup_by(|a, b| a.insee == b.insee);
        let unresolved = territory
            .unresolved
            .iter()
            .map(|(index, reason, value)| UnresolvedParty {
                party: id_of(*index),
                reason: *reason,
                value: value.clone(),
            })
            .collect();
        Coverage {
            vintage: gazetteer.vintage().clone(),
            communes,
            population,
            funding_per_inhabitant,
            members_not_parties,
            unresolved,
        }
    }
}
