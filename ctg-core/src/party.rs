//! Parties: the Caf(s), collectivities and other bodies that sign or join a convention.

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
    pub(crate) id: String,
    /// Official name (`"Pont-de-Larn"`).
    pub(crate) name: String,
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
