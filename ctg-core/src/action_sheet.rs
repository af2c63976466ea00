//! Action sheets (*fiches actions*): the numbered actions of a convention's plan.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Amount, Indicator, InseeCode, Lang, ThematicDomain};

/// One numbered action of the convention's action plan (*fiche action*).
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let sheet = conv.action_sheet(15).unwrap();
/// assert!(sheet.title.contains("Espace de vie sociale"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ActionSheet {
    /// Number, unique in the convention (from 1).
    pub number: u32,
    /// Title of the action.
    pub title: String,
    /// Thematic domains it belongs to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<ThematicDomain>,
    /// Ids of the objectives it serves.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// Id of the party that leads it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Other actors involved (free text).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Who it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_public: Option<String>,
    /// Communes concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub communes: Vec<InseeCode>,
    /// When it runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Where it stands.
    pub status: ActionStatus,
    /// Its budget, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Amount>,
    /// How it is evaluated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

/// When an action runs; the start is never after the end.
///
/// ```
/// use ctg_core::Schedule;
/// let s = Schedule::new(None, chrono::NaiveDate::from_ymd_opt(2025, 6, 30)).unwrap();
/// assert!(s.start().is_none());
/// assert!(Schedule::new(chrono::NaiveDate::from_ymd_opt(2025, 1, 1), chrono::NaiveDate::from_ymd_opt(2024, 1, 1)).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Schedule {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<NaiveDate>,
}

impl Schedule {
    /// A schedule, or `None` when `start` is after `end`.
    pub fn new(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<Schedule> {
        match (start, end) {
            (Some(s), Some(e)) if s > e => None,
            _ => Some(Schedule { start, end }),
        }
    }

    /// First day, when known.
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// Last day, when known.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }
}

/// Where an action stands.
///
/// ```
/// use ctg_core::ActionStatus;
/// assert_eq!(ActionStatus::parse("En cours"), Some(ActionStatus::InProgress));
/// assert_eq!(ActionStatus::InProgress.code(), "in_progress");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started yet.
    #[default]
    Planned,
    /// Under way.
    InProgress,
    /// Completed.
    Done,
    /// Given up.
    Abandoned,
}

impl ActionStatus {
    /// Every status, in life-cycle order.
    pub const ALL: &'static [ActionStatus] = &[
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Abandoned,
    ];

    /// The stable code (`"in_progress"`).
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Abandoned => "abandoned",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ActionStatus::Planned, Lang::Fr) => "prévue",
            (ActionStatus::InProgress, Lang::Fr) => "en cours",
            (ActionStatus::Done, Lang::Fr) => "réalisée",
            (ActionStatus::Abandoned, Lang::Fr) => "abandonnée",
            (ActionStatus::Planned, Lang::En) => "planned",
            (ActionStatus::InProgress, Lang::En) => "in progress",
            (ActionStatus::Done, Lang::En) => "done",
            (ActionStatus::Abandoned, Lang::En) => "abandoned",
        }
    }

    /// Reads a code or a French or English label, ignoring case and accents.
    pub fn parse(text: &str) -> Option<ActionStatus> {
        match crate::text::fold(text).as_str() {
            "planned" | "prevue" | "prevu" | "a venir" | "planifiee" | "not started" => {
                Some(ActionStatus::Planned)
            }
            "in progress" | "en cours" | "started" | "demarree" => Some(ActionStatus::InProgress),
            "done" | "realisee" | "realise" | "terminee" | "termine" | "achevee" => {
                Some(ActionStatus::Done)
            }
            "abandoned" | "abandonnee" | "abandonne" => Some(ActionStatus::Abandoned),
            _ => None,
        }
    }
}
