//! Governance bodies: the steering and technical committees that follow a convention.

use serde::Serialize;

use crate::Lang;

/// A committee that steers or follows the convention.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// for body in conv.governance() {
///     println!("{}", body.kind.label(ctg_core::Lang::Fr));
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GovernanceBody {
    /// Which kind of committee.
    pub kind: GovernanceKind,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How often it meets (`"annuel"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    /// Ids of the parties sitting on it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// The kinds of governance body.
///
/// ```
/// use ctg_core::GovernanceKind;
/// assert_eq!(GovernanceKind::parse("Comité de pilotage"), Some(GovernanceKind::SteeringCommittee));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GovernanceKind {
    /// *Comité de pilotage*.
    SteeringCommittee,
    /// *Comité technique*.
    TechnicalCommittee,
    /// Any other body.
    Other,
}

impl GovernanceKind {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            GovernanceKind::SteeringCommittee => "steering_committee",
            GovernanceKind::TechnicalCommittee => "technical_committee",
            GovernanceKind::Other => "other",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (GovernanceKind::SteeringCommittee, Lang::Fr) => "comité de pilotage",
            (GovernanceKind::TechnicalCommittee, Lang::Fr) => "comité technique",
            (GovernanceKind::Other, Lang::Fr) => "autre instance",
            (GovernanceKind::SteeringCommittee, Lang::En) => "steering committee",
            (GovernanceKind::TechnicalCommittee, Lang::En) => "technical committee",
            (GovernanceKind::Other, Lang::En) => "other body",
        }
    }

    /// Reads a code or a French or English label, ignoring case and accents.
    pub fn parse(text: &str) -> Option<GovernanceKind> {
        match crate::text::fold(text).as_str() {
            "steering committee" | "comite de pilotage" | "copil" => {
                Some(GovernanceKind::SteeringCommittee)
            }
            "technical committee" | "comite technique" | "cotech" => {
                Some(GovernanceKind::TechnicalCommittee)
            }
            "other" | "autre" | "autre instance" => Some(GovernanceKind::Other),
            _ => None,
        }
    }
}
