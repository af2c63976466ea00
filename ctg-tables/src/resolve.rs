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
