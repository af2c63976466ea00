//! Governance bodies: the steering and technical committees that follow a convention.

use serde::Serialize;

use crate::vocabulary::vocabulary;

/// A committee that steers or follows the convention.
///
/// ```
/// use ctg_core::{Convention, GovernanceKind};
/// let mut doc = Convention::sample().to_value();
/// doc["governance"] = serde_json::json!([{"kind": "COTECH", "name": "Comité technique CTG",
///     "frequency": "semestriel", "members": ["caf-81", "cc-thore-montagne-noire"]}]);
/// let conv = Convention::from_value(&doc).unwrap();
/// let body = &conv.governance()[0];
/// assert_eq!(body.kind(), GovernanceKind::TechnicalCommittee);
/// assert_eq!(body.members(), ["caf-81", "cc-thore-montagne-noire"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GovernanceBody {
    /// Which kind of committee.
    pub(crate) kind: GovernanceKind,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
    /// How often it meets (`"annuel"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) frequency: Option<String>,
    /// Ids of the parties sitting on it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) members: Vec<String>,
}

impl GovernanceBody {
    /// Which kind of committee.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["governance"] = serde_json::json!([{"kind": "comité de pilotage", "name": "COPIL CTG", "frequency": "annuel", "members": ["caf-81"]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let body = &conv.governance()[0];
    /// assert_eq!(body.kind(), ctg_core::GovernanceKind::SteeringCommittee);
    /// ```
    pub fn kind(&self) -> GovernanceKind {
        self.kind
    }

    /// Its name.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["governance"] = serde_json::json!([{"kind": "comité de pilotage", "name": "COPIL CTG", "frequency": "annuel", "members": ["caf-81"]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let body = &conv.governance()[0];
    /// assert_eq!(body.name(), Some("COPIL CTG"));
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// How often it meets (`"annuel"`).
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["governance"] = serde_json::json!([{"kind": "comité de pilotage", "name": "COPIL CTG", "frequency": "annuel", "members": ["caf-81"]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let body = &conv.governance()[0];
    /// assert_eq!(body.frequency(), Some("annuel"));
    /// ```
    pub fn frequency(&self) -> Option<&str> {
        self.frequency.as_deref()
    }

    /// Ids of the parties sitting on it.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["governance"] = serde_json::json!([{"kind": "comité de pilotage", "name": "COPIL CTG", "frequency": "annuel", "members": ["caf-81"]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let body = &conv.governance()[0];
    /// assert_eq!(body.members(), ["caf-81"]);
    /// ```
    pub fn members(&self) -> &[String] {
        &self.members
    }
}

/// Building a [`GovernanceBody`] in code.
impl GovernanceBody {
    /// A governancebody with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::GovernanceBody::new(ctg_core::GovernanceKind::SteeringCommittee);
    /// assert_eq!(p.kind(), ctg_core::GovernanceKind::SteeringCommittee);
    /// ```
    pub fn new(kind: GovernanceKind) -> GovernanceBody {
        GovernanceBody {
            kind,
            name: Default::default(),
            frequency: Default::default(),
            members: Default::default(),
        }
    }

    /// The same governancebody with its `name` set.
    ///
    /// ```
    /// let p = ctg_core::GovernanceBody::new(ctg_core::GovernanceKind::SteeringCommittee).with_name("COPIL CTG");
    /// assert_eq!(p.name(), Some("COPIL CTG"));
    /// ```
    pub fn with_name(mut self, value: impl Into<String>) -> GovernanceBody {
        self.name = Some(crate::text::tidy(value));
        self
    }

    /// The same governancebody with its `frequency` set.
    ///
    /// ```
    /// let p = ctg_core::GovernanceBody::new(ctg_core::GovernanceKind::SteeringCommittee).with_frequency("annuel");
    /// assert_eq!(p.frequency(), Some("annuel"));
    /// ```
    pub fn with_frequency(mut self, value: impl Into<String>) -> GovernanceBody {
        self.frequency = Some(crate::text::tidy(value));
        self
    }

    /// The same governancebody with its `members` set.
    ///
    /// ```
    /// let p = ctg_core::GovernanceBody::new(ctg_core::GovernanceKind::SteeringCommittee).with_members(["caf-81"]);
    /// assert_eq!(p.members(), ["caf-81"]);
    /// ```
    pub fn with_members(
        mut self,
        value: impl IntoIterator<Item = impl Into<String>>,
    ) -> GovernanceBody {
        self.members = value.into_iter().map(crate::text::tidy).collect();
        self
    }
}

vocabulary! {
    noun: "governance kind",
    schema: "The kind of a governance body (French labels such as \"comité de pilotage\" or \
             \"copil\" are accepted on input)",
    /// The kinds of governance body.
    ///
    /// Serialized as its [`code`](Self::code); deserialized through [`parse`](Self::parse), which
    /// also reads French and English labels and acronyms (`"comité de pilotage"`, `"COPIL"`,
    /// `"cotech"`, `"autre"`).
    ///
    /// ```
    /// use ctg_core::{GovernanceKind, Lang};
    /// assert_eq!(GovernanceKind::parse("Comité de pilotage"), Some(GovernanceKind::SteeringCommittee));
    /// assert_eq!(GovernanceKind::parse("COTECH"), Some(GovernanceKind::TechnicalCommittee));
    /// assert_eq!(GovernanceKind::SteeringCommittee.code(), "steering_committee");
    /// assert_eq!(GovernanceKind::Other.label(Lang::Fr), "autre instance");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum GovernanceKind {
        /// *Comité de pilotage*.
        SteeringCommittee("steering_committee", "comité de pilotage", "steering committee") [
            "copil",
        ],
        /// *Comité technique*.
        TechnicalCommittee("technical_committee", "comité technique", "technical committee") [
            "cotech",
        ],
        /// Any other body.
        Other("other", "autre instance", "other body") ["autre"],
    }
}
