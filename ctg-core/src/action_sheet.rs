//! Action sheets (*fiches actions*): the numbered actions of a convention's plan.

use crate::ShortText;
use chrono::NaiveDate;
use serde::Serialize;

use crate::vocabulary::vocabulary;
use crate::{Amount, Indicator, InseeCode, ThematicDomain};

/// One numbered action of the convention's action plan (*fiche action*).
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let sheet = conv.action_sheet(15).unwrap();
/// assert!(sheet.title().contains("Espace de vie sociale"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ActionSheet {
    /// Number, unique in the convention (from 1).
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub(crate) number: u32,
    /// Title of the action.
    pub(crate) title: String,
    /// Thematic domains it belongs to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) domains: Vec<ThematicDomain>,
    /// Ids of the objectives it serves.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) objectives: Vec<String>,
    /// Id of the party that leads it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) lead: Option<ShortText>,
    /// Other actors involved (free text).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) partners: Vec<String>,
    /// Who it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) target_public: Option<String>,
    /// Communes concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) communes: Vec<InseeCode>,
    /// When it runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) schedule: Option<Schedule>,
    /// Where it stands (`planned` when the input leaves it out).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) status: ActionStatus,
    /// Its budget, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) budget: Option<Amount>,
    /// How it is evaluated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) indicators: Vec<Indicator>,
}

impl ActionSheet {
    /// Number, unique in the convention (from 1).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.number(), 13);
    /// ```
    pub fn number(&self) -> u32 {
        self.number
    }

    /// Title of the action.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert!(sheet.title().contains("numérique"));
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Thematic domains it belongs to.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.domains(), [ctg_core::ThematicDomain::AccesAuxDroits]);
    /// ```
    pub fn domains(&self) -> &[ThematicDomain] {
        &self.domains
    }

    /// Ids of the objectives it serves.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.objectives(), ["obj-5"]);
    /// ```
    pub fn objectives(&self) -> &[String] {
        &self.objectives
    }

    /// Id of the party that leads it.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.lead(), Some("cc-thore-montagne-noire"));
    /// ```
    pub fn lead(&self) -> Option<&str> {
        self.lead.as_deref()
    }

    /// Other actors involved (free text).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.partners(), ["Maison France services de St-Amans-Soult"]);
    /// ```
    pub fn partners(&self) -> &[String] {
        &self.partners
    }

    /// Who it is for.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.target_public(), None);
    /// ```
    pub fn target_public(&self) -> Option<&str> {
        self.target_public.as_deref()
    }

    /// Communes concerned.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert!(sheet.communes().is_empty());
    /// ```
    pub fn communes(&self) -> &[InseeCode] {
        &self.communes
    }

    /// When it runs.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert!(sheet.schedule().is_none());
    /// ```
    pub fn schedule(&self) -> Option<Schedule> {
        self.schedule
    }

    /// Where it stands (`planned` when the input leaves it out).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.status(), ctg_core::ActionStatus::Planned);
    /// ```
    pub fn status(&self) -> ActionStatus {
        self.status
    }

    /// Its budget, when known.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.budget(), None);
    /// ```
    pub fn budget(&self) -> Option<Amount> {
        self.budget
    }

    /// How it is evaluated.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert!(sheet.indicators().is_empty());
    /// ```
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }
}

/// Building a [`ActionSheet`] in code.
impl ActionSheet {
    /// A actionsheet with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents");
    /// assert_eq!(p.number(), 17);
    /// assert_eq!(p.title(), "Créer un lieu d’accueil enfants-parents");
    /// ```
    pub fn new(number: u32, title: impl Into<String>) -> ActionSheet {
        ActionSheet {
            number,
            title: crate::text::tidy(title),
            domains: Default::default(),
            objectives: Default::default(),
            lead: Default::default(),
            partners: Default::default(),
            target_public: Default::default(),
            communes: Default::default(),
            schedule: Default::default(),
            status: Default::default(),
            budget: Default::default(),
            indicators: Default::default(),
        }
    }

    /// The same actionsheet with its `domains` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_domains([ctg_core::ThematicDomain::Parentalite]);
    /// assert_eq!(p.domains(), [ctg_core::ThematicDomain::Parentalite]);
    /// ```
    pub fn with_domains(mut self, value: impl IntoIterator<Item = ThematicDomain>) -> ActionSheet {
        self.domains = value.into_iter().collect();
        self
    }

    /// The same actionsheet with its `objectives` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_objectives(["obj-1"]);
    /// assert_eq!(p.objectives(), ["obj-1"]);
    /// ```
    pub fn with_objectives(
        mut self,
        value: impl IntoIterator<Item = impl Into<String>>,
    ) -> ActionSheet {
        self.objectives = value.into_iter().map(crate::text::tidy).collect();
        self
    }

    /// The same actionsheet with its `lead` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_lead("cc-thore-montagne-noire");
    /// assert_eq!(p.lead(), Some("cc-thore-montagne-noire"));
    /// ```
    pub fn with_lead(mut self, value: impl Into<String>) -> ActionSheet {
        self.lead = Some(crate::text::tidy(value).into());
        self
    }

    /// The same actionsheet with its `partners` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_partners(["PMI"]);
    /// assert_eq!(p.partners(), ["PMI"]);
    /// ```
    pub fn with_partners(
        mut self,
        value: impl IntoIterator<Item = impl Into<String>>,
    ) -> ActionSheet {
        self.partners = value.into_iter().map(crate::text::tidy).collect();
        self
    }

    /// The same actionsheet with its `target_public` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_target_public("parents de jeunes enfants");
    /// assert_eq!(p.target_public(), Some("parents de jeunes enfants"));
    /// ```
    pub fn with_target_public(mut self, value: impl Into<String>) -> ActionSheet {
        self.target_public = Some(crate::text::tidy(value));
        self
    }

    /// The same actionsheet with its `communes` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_communes(["81005".parse()?]);
    /// assert_eq!(p.communes().len(), 1);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_communes(mut self, value: impl IntoIterator<Item = InseeCode>) -> ActionSheet {
        self.communes = value.into_iter().collect();
        self
    }

    /// The same actionsheet with its `schedule` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_schedule(ctg_core::Schedule::new(chrono::NaiveDate::from_ymd_opt(2024, 1, 1), chrono::NaiveDate::from_ymd_opt(2024, 12, 31)).unwrap());
    /// assert!(p.schedule().is_some());
    /// ```
    pub fn with_schedule(mut self, value: Schedule) -> ActionSheet {
        self.schedule = Some(value);
        self
    }

    /// The same actionsheet with its `status` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_status(ctg_core::ActionStatus::InProgress);
    /// assert_eq!(p.status(), ctg_core::ActionStatus::InProgress);
    /// ```
    pub fn with_status(mut self, value: ActionStatus) -> ActionSheet {
        self.status = value;
        self
    }

    /// The same actionsheet with its `budget` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_budget("12 000 €".parse()?);
    /// assert_eq!(p.budget().map(|b| b.to_string()).as_deref(), Some("12000.00"));
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_budget(mut self, value: Amount) -> ActionSheet {
        self.budget = Some(value);
        self
    }

    /// The same actionsheet with its `indicators` set.
    ///
    /// ```
    /// let p = ctg_core::ActionSheet::new(17, "Créer un lieu d’accueil enfants-parents").with_indicators([ctg_core::Indicator::new("familles accueillies")]);
    /// assert_eq!(p.indicators().len(), 1);
    /// ```
    pub fn with_indicators(mut self, value: impl IntoIterator<Item = Indicator>) -> ActionSheet {
        self.indicators = value.into_iter().collect();
        self
    }
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
    /// First day (not after `end`).
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<NaiveDate>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<NaiveDate>,
}

impl Schedule {
    /// A schedule, or `None` when `start` is after `end`.
    ///
    /// ```
    /// use ctg_core::Schedule;
    /// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d);
    /// assert!(Schedule::new(day(1, 1), day(1, 1)).is_some()); // a single day
    /// assert!(Schedule::new(day(2, 1), day(1, 1)).is_none()); // reversed
    /// assert!(Schedule::new(None, None).is_some()); // both dates unknown
    /// ```
    pub fn new(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<Schedule> {
        match (start, end) {
            (Some(s), Some(e)) if s > e => None,
            _ => Some(Schedule { start, end }),
        }
    }

    /// A schedule, or the error `schedule.reversed` (with `start` and `end`) when `start` is
    /// after `end`: what validation reports for such a schedule in a document.
    ///
    /// ```
    /// use ctg_core::Schedule;
    /// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d);
    /// assert!(Schedule::try_new(day(1, 1), day(2, 1)).is_ok());
    /// let err = Schedule::try_new(day(2, 1), day(1, 1)).unwrap_err();
    /// assert_eq!(err.code().as_str(), "schedule.reversed");
    /// ```
    pub fn try_new(
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) -> Result<Schedule, crate::ParseError> {
        match (start, end) {
            (Some(s), Some(e)) if s > e => Err(crate::ParseError::new(
                crate::IssueCode::ScheduleReversed,
                crate::Params::new().with("start", s).with("end", e),
            )),
            _ => Ok(Schedule { start, end }),
        }
    }

    /// First day, when known.
    ///
    /// ```
    /// let mut doc = ctg_core::Convention::sample().to_value();
    /// doc["action_sheets"][0]["schedule"] = serde_json::json!({"start": "01/09/2023"});
    /// let conv = ctg_core::Convention::from_value(&doc).unwrap();
    /// let schedule = conv.action_sheet(1).unwrap().schedule().unwrap();
    /// assert_eq!(schedule.start().unwrap().to_string(), "2023-09-01");
    /// assert!(schedule.end().is_none());
    /// ```
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// Last day, when known.
    ///
    /// ```
    /// let end = chrono::NaiveDate::from_ymd_opt(2025, 6, 30);
    /// let schedule = ctg_core::Schedule::new(None, end).unwrap();
    /// assert_eq!(schedule.end(), end);
    /// ```
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }
}

vocabulary! {
    noun: "action status",
    schema: "Where an action stands (French labels such as \"en cours\" or \"réalisée\" are \
             accepted on input)",
    /// Where an action stands; [`Planned`](Self::Planned) by default.
    ///
    /// Serialized as its [`code`](Self::code); deserialized through [`parse`](Self::parse), which
    /// also reads French and English labels (`"prévue"`, `"en cours"`, `"réalisée"`,
    /// `"abandonnée"`) and common synonyms (`"à venir"`, `"démarrée"`, `"terminée"`…).
    ///
    /// ```
    /// use ctg_core::{ActionStatus, Lang};
    /// assert_eq!(ActionStatus::parse("En cours"), Some(ActionStatus::InProgress));
    /// assert_eq!(ActionStatus::InProgress.code(), "in_progress");
    /// assert_eq!(ActionStatus::parse("terminée"), Some(ActionStatus::Done));
    /// assert_eq!(ActionStatus::Done.label(Lang::Fr), "réalisée");
    /// assert_eq!(ActionStatus::default(), ActionStatus::Planned);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
    pub enum ActionStatus {
        /// Not started yet.
        #[default]
        Planned("planned", "prévue", "planned") ["prévu", "à venir", "planifiée", "not started"],
        /// Under way.
        InProgress("in_progress", "en cours", "in progress") ["started", "démarrée"],
        /// Completed.
        Done("done", "réalisée", "done") ["réalisé", "terminée", "terminé", "achevée"],
        /// Given up.
        Abandoned("abandoned", "abandonnée", "abandoned") ["abandonné"],
    }
}
