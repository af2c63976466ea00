//! Names to codes: what a parties table needs from the official geography when a sheet gives a
//! commune's or an EPCI's name without its codes. `ctg-tables` holds no reference data: a caller
//! passes a [`PartyResolver`] (the `ctg-geo` crate's geography, through a small adapter, or a test
//! double); without one, names are left as they are and validation says what is missing.

use ctg_core::{DepartementCode, InseeCode, PartyKind, Siren};

/// A party the reference knows: its official name and codes.
///
/// ```
/// let found = ctg_tables::ResolvedParty {
///     name: "Pont-de-Larn".into(),
///     insee: Some("81209".parse().unwrap()),
///     siren: Some("218102093".parse().unwrap()),
///     departement: Some("81".parse().unwrap()),
///     members: vec![],
/// };
/// assert_eq!(found.code(), "81209");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedParty {
    /// The official name.
    pub name: String,
    /// INSEE code (a commune).
    pub insee: Option<InseeCode>,
    /// SIREN.
    pub siren: Option<Siren>,
    /// Département.
    pub departement: Option<DepartementCode>,
    /// Member communes (an EPCI).
    pub members: Vec<InseeCode>,
}

impl ResolvedParty {
    /// The code shown in messages: the INSEE code, else the SIREN.
    ///
    /// ```
    /// let epci = ctg_tables::ResolvedParty { name: "CC".into(), insee: None,
    ///     siren: Some("248100745".parse().unwrap()), departement: None, members: vec![] };
    /// assert_eq!(epci.code(), "248100745");
    /// ```
    pub fn code(&self) -> String {
        match (&self.insee, &self.siren) {
            (Some(insee), _) => insee.to_string(),
            (None, Some(siren)) => siren.to_string(),
            (None, None) => String::new(),
        }
    }
}

/// What the reference says of a name.
///
/// ```
/// let r = ctg_tables::Resolution::Ambiguous(vec!["Lavaur (81)".into(), "Lavaur (24)".into()]);
/// assert!(matches!(r, ctg_tables::Resolution::Ambiguous(c) if c.len() == 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Resolution {
    /// One party.
    Found(ResolvedParty),
    /// Several, equally likely: none is chosen (their names, for the message).
    Ambiguous(Vec<String>),
    /// None.
    NotFound,
}

/// Resolves the name of a commune or an EPCI to its codes, within a département when one is
/// known. Implemented over the official geography by `ctg-geo`.
///
/// ```
/// use ctg_tables::{PartyResolver, Resolution, ResolvedParty};
/// struct OneCommune;
/// impl PartyResolver for OneCommune {
///     fn resolve(&self, name: &str, _: Option<ctg_core::PartyKind>,
///                _: Option<&ctg_core::DepartementCode>) -> Resolution {
///         if name == "Albine" {
///             Resolution::Found(ResolvedParty { name: "Albine".into(),
///                 insee: Some("81005".parse().unwrap()), siren: Some("218100055".parse().unwrap()),
///                 departement: Some("81".parse().unwrap()), members: vec![] })
///         } else {
///             Resolution::NotFound
///         }
///     }
/// }
/// assert!(matches!(OneCommune.resolve("Albine", None, None), Resolution::Found(_)));
/// ```
pub trait PartyResolver {
    /// What the reference knows of `name` (a party of `kind`, in `departement` when given).
    fn resolve(
        &self,
        name: &str,
        kind: Option<PartyKind>,
        departement: Option<&DepartementCode>,
    ) -> Resolution;
}

/// The official geography of `ctg-geo` (feature `geo`): a commune by its name (within the
/// party's département when it has one), an EPCI by its name; ambiguity is reported with the
/// tied candidates, never resolved by guess.
///
/// ```
/// use ctg_tables::{GeoParties, Resolution};
/// let geo = ctg_geo::Geography::embedded().unwrap();
/// let tarn = "81".parse().unwrap();
/// match geo.resolve_party("St-Amans-Soult", Some(ctg_core::PartyKind::Commune), Some(&tarn)) {
///     Resolution::Found(found) => assert_eq!(found.insee.unwrap().as_str(), "81238"),
///     other => panic!("{other:?}"),
/// }
/// assert!(matches!(geo.resolve_party("Lavaur", Some(ctg_core::PartyKind::Commune), None),
///     Resolution::Ambiguous(_)));
/// ```
#[cfg(feature = "geo")]
impl PartyResolver for ctg_geo::Geography {
    fn resolve(
        &self,
        name: &str,
        kind: Option<PartyKind>,
        departement: Option<&DepartementCode>,
    ) -> Resolution {
        let mut context = ctg_geo::Context::new();
        if let Some(d) = departement {
            context = context.departement(d.clone());
        }
        let tied = |scores: Vec<(u8, String)>| {
            let best = scores.first().map(|(s, _)| *s);
            scores
                .into_iter()
                .filter(|(s, _)| Some(*s) == best)
                .map(|(_, n)| n)
                .collect::<Vec<_>>()
        };
        match kind {
            Some(k) if k.is_epci() => {
                let r = self.resolve_epci(name, &context);
                match r.status {
                    ctg_geo::Status::Resolved => match r.epci() {
                        Some(epci) => Resolution::Found(ResolvedParty {
                            name: epci.name.clone(),
                            insee: None,
                            siren: Some(epci.siren.clone()),
                            departement: None,
                            members: epci.members.clone(),
                        }),
                        None => Resolution::NotFound,
                    },
                    ctg_geo::Status::Ambiguous => Resolution::Ambiguous(tied(
                        r.candidates
                            .iter()
                            .map(|c| (c.score, format!("{} ({})", c.epci.name, c.epci.siren)))
                            .collect(),
                    )),
                    ctg_geo::Status::NotFound => Resolution::NotFound,
                }
            }
            Some(PartyKind::Commune) => {
                let r = ctg_geo::Geography::resolve(self, name, &context);
                match r.status {
                    ctg_geo::Status::Resolved => match r.commune() {
                        Some(c) => Resolution::Found(ResolvedParty {
                            name: c.name.clone(),
                            insee: Some(c.insee.clone()),
                            siren: c.siren.clone(),
                            departement: Some(c.departement.clone()),
                            members: Vec::new(),
                        }),
                        None => Resolution::NotFound,
                    },
                    ctg_geo::Status::Ambiguous => Resolution::Ambiguous(tied(
                        r.candidates
                            .iter()
                            .map(|c| {
                                let d = &c.commune.departement;
                                (
                                    c.score,
                                    format!("{} ({d}, {})", c.commune.name, c.commune.insee),
                                )
                            })
                            .collect(),
                    )),
                    ctg_geo::Status::NotFound => Resolution::NotFound,
                }
            }
            _ => Resolution::NotFound,
        }
    }
}

/// [`PartyResolver::resolve`] under a name that does not clash with the geography's own
/// `resolve` (feature `geo`).
///
/// ```
/// use ctg_tables::GeoParties;
/// let geo = ctg_geo::Geography::embedded().unwrap();
/// let r = geo.resolve_party("CC Thoré Montagne Noire", Some(ctg_core::PartyKind::Cc), None);
/// assert!(matches!(r, ctg_tables::Resolution::Found(p) if p.siren.as_ref().unwrap().as_str() == "248100745"));
/// ```
#[cfg(feature = "geo")]
pub trait GeoParties {
    /// What the official geography knows of a party's name.
    fn resolve_party(
        &self,
        name: &str,
        kind: Option<PartyKind>,
        departement: Option<&DepartementCode>,
    ) -> Resolution;
}

#[cfg(feature = "geo")]
impl GeoParties for ctg_geo::Geography {
    fn resolve_party(
        &self,
        name: &str,
        kind: Option<PartyKind>,
        departement: Option<&DepartementCode>,
    ) -> Resolution {
        PartyResolver::resolve(self, name, kind, departement)
    }
}
