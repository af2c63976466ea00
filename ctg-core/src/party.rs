//! Parties: the Caf(s), collectivities and other bodies that sign or join a convention.

use crate::ShortText;
use chrono::NaiveDate;
use serde::Serialize;

use crate::{DepartementCode, InseeCode, PartyKind, PartyRole, Siren, Siret};

/// A signatory or associated partner of a convention: a Caf, a **collectivity** (commune, EPCI,
/// syndicate, département, CCAS/CIAS) or another body (MSA, CPAM, State, association).
///
/// Collectivities and other bodies share this one shape: [`PartyKind`] says which it is
/// ([`PartyKind::is_collectivity`], [`PartyKind::is_epci`]…), and an EPCI or syndicate lists its
/// member communes by INSEE code ([`Convention::groupings_of`](crate::Convention::groupings_of)).
///
/// Parties only come out of a validated [`Convention`](crate::Convention): their identifiers are
/// checked, their id is unique and nothing refers to a party that does not exist.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let caf = conv.cafs().next().unwrap();
/// assert_eq!(caf.name(), "Caisse d'allocations familiales du Tarn");
/// assert!(conv.collectivities().all(|p| p.kind().is_collectivity()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[doc(alias = "Collectivity", alias = "collectivité", alias = "signataire")]
pub struct Party {
    /// Unique among the convention's parties; how the rest of the document refers to it.
    pub(crate) id: ShortText,
    /// Official name (`"Pont-de-Larn"`).
    pub(crate) name: ShortText,
    /// What the body is.
    pub(crate) kind: PartyKind,
    /// Its role in this convention.
    pub(crate) role: PartyRole,
    /// INSEE code, for a commune.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) insee: Option<InseeCode>,
    /// SIREN of the legal body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) siren: Option<Siren>,
    /// SIRET of an establishment; starts with `siren` when both are given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) siret: Option<Siret>,
    /// Département (e.g. of a Caf).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) departement: Option<DepartementCode>,
    /// Member communes of an EPCI or syndicate.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) members: Vec<InseeCode>,
    /// Date of the council's deliberation approving the convention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) deliberation_date: Option<NaiveDate>,
    /// Other spellings found in the sources (`"Pont-de-l'Arn"`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) aliases: Vec<String>,
}

impl Party {
    /// Unique among the convention's parties; how the rest of the document refers to it.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(caf.id(), "caf-81");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Official name (`"Pont-de-Larn"`).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(albine.name(), "Albine");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the body is.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(cc.kind(), ctg_core::PartyKind::Cc);
    /// ```
    pub fn kind(&self) -> PartyKind {
        self.kind
    }

    /// Its role in this convention.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(caf.role(), ctg_core::PartyRole::Caf);
    /// ```
    pub fn role(&self) -> PartyRole {
        self.role
    }

    /// INSEE code, for a commune.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(albine.insee().map(|c| c.as_str()), Some("81005"));
    /// ```
    pub fn insee(&self) -> Option<&InseeCode> {
        self.insee.as_ref()
    }

    /// SIREN of the legal body.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(cc.siren().map(|s| s.as_str()), Some("248100745"));
    /// ```
    pub fn siren(&self) -> Option<&Siren> {
        self.siren.as_ref()
    }

    /// SIRET of an establishment; starts with `siren` when both are given.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert!(cc.siret().is_none());
    /// ```
    pub fn siret(&self) -> Option<&Siret> {
        self.siret.as_ref()
    }

    /// Département (e.g. of a Caf).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(caf.departement().map(|d| d.as_str()), Some("81"));
    /// ```
    pub fn departement(&self) -> Option<&DepartementCode> {
        self.departement.as_ref()
    }

    /// Member communes of an EPCI or syndicate.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(cc.members().len(), 9);
    /// assert!(albine.members().is_empty());
    /// ```
    pub fn members(&self) -> &[InseeCode] {
        &self.members
    }

    /// Date of the council's deliberation approving the convention.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert!(cc.deliberation_date().is_none());
    /// ```
    pub fn deliberation_date(&self) -> Option<NaiveDate> {
        self.deliberation_date
    }

    /// Other spellings found in the sources (`"Pont-de-l'Arn"`).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let (caf, cc, albine) = (&conv.parties()[0], &conv.parties()[1], &conv.parties()[5]);
    /// assert_eq!(caf.aliases(), ["CAF du Tarn"]);
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

/// Building a [`Party`] in code.
impl Party {
    /// A party with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory);
    /// assert_eq!(p.id(), "albine");
    /// assert_eq!(p.name(), "Albine");
    /// assert_eq!(p.kind(), ctg_core::PartyKind::Commune);
    /// assert_eq!(p.role(), ctg_core::PartyRole::Signatory);
    /// ```
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: PartyKind,
        role: PartyRole,
    ) -> Party {
        Party {
            id: crate::text::tidy(id).into(),
            name: crate::text::tidy(name).into(),
            kind,
            role,
            insee: Default::default(),
            siren: Default::default(),
            siret: Default::default(),
            departement: Default::default(),
            members: Default::default(),
            deliberation_date: Default::default(),
            aliases: Default::default(),
        }
    }

    /// The same party with its `insee` set.
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory).with_insee("81005".parse()?);
    /// assert_eq!(p.insee().map(|c| c.as_str()), Some("81005"));
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_insee(mut self, value: InseeCode) -> Party {
        self.insee = Some(value);
        self
    }

    /// The same party with its `siren` set.
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory).with_siren("218100055".parse()?);
    /// assert_eq!(p.siren().map(|s| s.as_str()), Some("218100055"));
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_siren(mut self, value: Siren) -> Party {
        self.siren = Some(value);
        self
    }

    /// The same party with its `siret` set.
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory).with_siret("21810005500019".parse()?);
    /// assert_eq!(p.siret().map(|s| s.as_str()), Some("21810005500019"));
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_siret(mut self, value: Siret) -> Party {
        self.siret = Some(value);
        self
    }

    /// The same party with its `departement` set.
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory).with_departement("81".parse()?);
    /// assert_eq!(p.departement().map(|d| d.as_str()), Some("81"));
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_departement(mut self, value: DepartementCode) -> Party {
        self.departement = Some(value);
        self
    }

    /// The same party with its `members` set.
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory).with_members(["81005".parse()?, "81036".parse()?]);
    /// assert_eq!(p.members().len(), 2);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_members(mut self, value: impl IntoIterator<Item = InseeCode>) -> Party {
        self.members = value.into_iter().collect();
        self
    }

    /// The same party with its `deliberation_date` set.
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory).with_deliberation_date(chrono::NaiveDate::from_ymd_opt(2022, 11, 15).unwrap());
    /// assert_eq!(p.deliberation_date().unwrap().to_string(), "2022-11-15");
    /// ```
    pub fn with_deliberation_date(mut self, value: NaiveDate) -> Party {
        self.deliberation_date = Some(value);
        self
    }

    /// The same party with its `aliases` set.
    ///
    /// ```
    /// let p = ctg_core::Party::new("albine", "Albine", ctg_core::PartyKind::Commune, ctg_core::PartyRole::Signatory).with_aliases(["Albine (81)"]);
    /// assert_eq!(p.aliases(), ["Albine (81)"]);
    /// ```
    pub fn with_aliases(mut self, value: impl IntoIterator<Item = impl Into<String>>) -> Party {
        self.aliases = value.into_iter().map(crate::text::tidy).collect();
        self
    }
}

impl Party {
    /// Whether this party is a collectivity (commune, EPCI, syndicate, département, CCAS/CIAS).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(!conv.cafs().next().unwrap().is_collectivity());
    /// ```
    pub fn is_collectivity(&self) -> bool {
        self.kind.is_collectivity()
    }

    /// Whether `insee` is a member commune of this party (an EPCI or syndicate).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let epci = conv.parties().iter().find(|p| p.kind().is_epci()).unwrap();
    /// let member = epci.members()[0].clone();
    /// assert!(epci.has_member(&member));
    /// ```
    pub fn has_member(&self, insee: &InseeCode) -> bool {
        self.members.contains(insee)
    }
}
