//! The convention itself: a validated CTG, with its parties, plan and funding.

use chrono::NaiveDate;
use serde::Serialize;

use crate::vocabulary::vocabulary;
use crate::{
    ActionSheet, Amendment, Diagnostic, Funding, GovernanceBody, Objective, Party, Period, Report,
    Stake, ThematicDomain, Year,
};

/// The canonical format version this library reads and writes.
///
/// ```
/// use ctg_core::{Convention, FORMAT_VERSION};
/// assert_eq!(FORMAT_VERSION, 1);
/// assert_eq!(Convention::sample().to_value()["format_version"], FORMAT_VERSION);
/// ```
pub const FORMAT_VERSION: u32 = 1;

/// A valid *Convention Territoriale Globale*.
///
/// A `Convention` only comes out of validation ([`Convention::from_json_str`],
/// [`Convention::from_value`], [`crate::validate_str`]), so it cannot hold a broken invariant:
/// identifiers carry valid checksums, every reference resolves, every funding year lies in the
/// period, declared totals equal the sums. It serialises to the canonical JSON format
/// (`docs/format.md`), and reading that JSON back gives an equal convention.
///
/// ```
/// use ctg_core::Convention;
/// let conv = Convention::sample(); // Thoré Montagne Noire, 2023–2025
/// assert_eq!(conv.period().to_string(), "2023–2025");
/// let totals = conv.totals().unwrap();
/// assert_eq!(totals.by_year[&2023].to_string(), "241801.00");
/// assert_eq!(totals.total.to_string(), "725403.00");
///
/// let json = conv.to_json_pretty();
/// assert_eq!(Convention::from_json_str(&json).unwrap(), conv);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Convention {
    /// Version of the canonical format: always 1.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::format_version_schema")
    )]
    pub(crate) format_version: u32,
    /// Identifier of this convention (`"ctg-81-thore-montagne-noire-2023"`).
    pub(crate) id: String,
    /// Title as it would be printed.
    pub(crate) title: String,
    /// First and last year covered.
    pub(crate) period: Period,
    /// When and where it was signed; absent while it is a draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) signature: Option<Signature>,
    /// Its early end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) termination: Option<Termination>,
    /// The convention (a first CTG, a CEJ) this one renews.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) renews: Option<PreviousConvention>,
    /// The Caf(s), collectivities and other signatories or partners.
    pub(crate) parties: Vec<Party>,
    /// The thematic domains it covers.
    pub(crate) domains: Vec<ThematicDomain>,
    /// The shared diagnostic it is based on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) diagnostic: Option<Diagnostic>,
    /// The stakes (*enjeux*).
    pub(crate) stakes: Vec<Stake>,
    /// The strategic objectives.
    pub(crate) objectives: Vec<Objective>,
    /// The action sheets (*fiches actions*).
    pub(crate) action_sheets: Vec<ActionSheet>,
    /// The Caf's envelope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) funding: Option<Funding>,
    /// Steering and technical committees.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) governance: Vec<GovernanceBody>,
    /// Amendments (*avenants*).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) amendments: Vec<Amendment>,
    /// Where the data comes from (press release, deliberation…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) sources: Vec<String>,
    /// Free remarks, e.g. assumptions made when the source is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) notes: Option<String>,
}

/// The embedded sample: the CTG of the CC Thoré Montagne Noire (Tarn), 2023–2025.
const SAMPLE_JSON: &str = include_str!("../../tests/fixtures/thore-montagne-noire-2023-2025.json");

impl Convention {
    /// Reads and validates a JSON document; every problem is in the `Err` report.
    ///
    /// ```
    /// let err = ctg_core::Convention::from_json_str(r#"{"format_version": 1}"#).unwrap_err();
    /// assert!(err.issues().iter().any(|i| i.path.to_string() == "title"));
    /// ```
    pub fn from_json_str(json: &str) -> Result<Convention, Report> {
        crate::validate_str(json).into_result()
    }

    /// Validates an already parsed JSON value.
    ///
    /// ```
    /// let value = serde_json::json!({"title": 3});
    /// let report = ctg_core::Convention::from_value(&value).unwrap_err();
    /// assert!(!report.is_valid());
    /// ```
    pub fn from_value(value: &serde_json::Value) -> Result<Convention, Report> {
        crate::validate_value(value).into_result()
    }

    /// The embedded sample convention (Thoré Montagne Noire, 2023–2025, 9 beneficiaries,
    /// 241 801 € a year).
    ///
    /// ```
    /// assert_eq!(ctg_core::Convention::sample().action_sheets().len(), 16);
    /// ```
    pub fn sample() -> Convention {
        // The sample is a checked-in fixture; a test proves it is valid.
        Convention::from_json_str(SAMPLE_JSON)
            .unwrap_or_else(|report| unreachable!("the embedded sample is invalid: {report}"))
    }

    /// The embedded sample as JSON text.
    ///
    /// ```
    /// assert!(ctg_core::Convention::sample_json().contains("Thoré"));
    /// ```
    pub fn sample_json() -> &'static str {
        SAMPLE_JSON
    }

    /// The canonical JSON value.
    ///
    /// ```
    /// let value = ctg_core::Convention::sample().to_value();
    /// assert_eq!(value["format_version"], 1);
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// The canonical JSON text, pretty-printed.
    ///
    /// ```
    /// assert!(ctg_core::Convention::sample().to_json_pretty().contains("\"725403.00\""));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The canonical JSON text, compact.
    ///
    /// ```
    /// assert!(!ctg_core::Convention::sample().to_json().contains('\n'));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The format version (always [`FORMAT_VERSION`]).
    ///
    /// ```
    /// use ctg_core::{validate_value, Convention};
    /// let mut doc = Convention::sample().to_value();
    /// doc.as_object_mut().unwrap().remove("format_version");
    /// let (conv, report) = validate_value(&doc).into_parts();
    /// assert_eq!(report.warnings().next().unwrap().code.as_str(), "format_version.missing");
    /// assert_eq!(conv.unwrap().format_version(), 1); // assumed
    /// ```
    pub fn format_version(&self) -> u32 {
        self.format_version
    }

    /// The convention's id.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.id(), "ctg-81-thore-montagne-noire-2023-2025");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.title().starts_with("Convention territoriale globale"));
    /// assert!(conv.title().ends_with("Thoré Montagne Noire 2023-2025"));
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The years covered.
    ///
    /// ```
    /// let period = ctg_core::Convention::sample().period();
    /// assert_eq!((period.first_year(), period.last_year()), (2023, 2025));
    /// assert_eq!(period.len(), 3);
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// The signature, absent while the convention is a draft.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let signature = conv.signature().unwrap();
    /// assert_eq!(signature.date().to_string(), "2022-11-30");
    /// assert_eq!(signature.place(), None); // the source does not say where
    /// ```
    pub fn signature(&self) -> Option<&Signature> {
        self.signature.as_ref()
    }

    /// The early termination, if any.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// assert!(Convention::sample().termination().is_none());
    /// let mut doc = Convention::sample().to_value();
    /// doc["termination"] = serde_json::json!({"date": "2024-06-30", "reason": "fusion des EPCI"});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// assert_eq!(conv.termination().unwrap().reason().as_deref(), Some("fusion des EPCI"));
    /// ```
    pub fn termination(&self) -> Option<&Termination> {
        self.termination.as_ref()
    }

    /// The convention this one renews.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// assert!(Convention::sample().renews().is_none());
    /// let mut doc = Convention::sample().to_value();
    /// doc["renews"] = serde_json::json!({"title": "CEJ", "first_year": 2019, "last_year": 2022});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// assert_eq!(conv.renews().unwrap().last_year(), Some(2022));
    /// ```
    pub fn renews(&self) -> Option<&PreviousConvention> {
        self.renews.as_ref()
    }

    /// Every party, in document order.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.parties().len(), 13); // the Caf, the CC and 11 communes
    /// assert_eq!(conv.parties()[0].id(), "caf-81");
    /// ```
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    /// The party with this id.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let id = conv.parties()[0].id().clone();
    /// assert_eq!(conv.party(&id).unwrap().id(), id);
    /// ```
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// The Caf(s): parties of kind `caf` (one, or two for a bi-departmental convention).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let cafs: Vec<_> = conv.cafs().map(|p| p.id()).collect();
    /// assert_eq!(cafs, ["caf-81"]);
    /// ```
    pub fn cafs(&self) -> impl Iterator<Item = &Party> {
        self.parties
            .iter()
            .filter(|p| p.kind == crate::PartyKind::Caf)
    }

    /// The collectivities among the parties (communes, EPCI, syndicates, département, CCAS/CIAS).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.collectivities().count(), 12); // every party but the Caf
    /// assert!(conv.collectivities().all(|p| p.id() != "caf-81"));
    /// ```
    pub fn collectivities(&self) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(|p| p.is_collectivity())
    }

    /// The EPCI and syndicates among the parties that list `commune` as a member.
    ///
    /// ```
    /// use ctg_core::{Convention, InseeCode};
    /// let conv = Convention::sample();
    /// let albine: InseeCode = "81005".parse().unwrap();
    /// let epci: Vec<_> = conv.groupings_of(&albine).map(|p| p.name()).collect();
    /// assert_eq!(epci, ["CC Thoré Montagne Noire"]);
    /// // Saint-Amans-Soult signs the convention but is not a member of the CC.
    /// let saint_amans: InseeCode = "81238".parse().unwrap();
    /// assert_eq!(conv.groupings_of(&saint_amans).count(), 0);
    /// ```
    pub fn groupings_of<'a>(
        &'a self,
        commune: &'a crate::InseeCode,
    ) -> impl Iterator<Item = &'a Party> + 'a {
        self.parties.iter().filter(move |p| p.has_member(commune))
    }

    /// The thematic domains covered.
    ///
    /// ```
    /// use ctg_core::ThematicDomain;
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.domains().len(), 8);
    /// assert_eq!(conv.domains()[0], ThematicDomain::PetiteEnfance);
    /// assert!(!conv.domains().contains(&ThematicDomain::Parentalite));
    /// ```
    pub fn domains(&self) -> &[ThematicDomain] {
        &self.domains
    }

    /// The shared diagnostic.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// assert!(Convention::sample().diagnostic().is_none());
    /// let mut doc = Convention::sample().to_value();
    /// doc["diagnostic"] = serde_json::json!({"author": "Caf du Tarn", "start_date": "2022-01-15"});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// assert_eq!(conv.diagnostic().unwrap().author().as_deref(), Some("Caf du Tarn"));
    /// ```
    pub fn diagnostic(&self) -> Option<&Diagnostic> {
        self.diagnostic.as_ref()
    }

    /// The stakes (*enjeux*).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.stakes().len(), 6);
    /// assert_eq!(conv.stakes()[1].title(), "La lutte contre la désertification médicale");
    /// ```
    pub fn stakes(&self) -> &[Stake] {
        &self.stakes
    }

    /// The strategic objectives.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.objectives().len(), 7);
    /// assert_eq!(conv.objectives()[0].stakes(), ["enjeu-1"]);
    /// ```
    pub fn objectives(&self) -> &[Objective] {
        &self.objectives
    }

    /// The action sheets, in document order.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let numbers: Vec<u32> = conv.action_sheets().iter().map(|s| s.number()).collect();
    /// assert_eq!(numbers, (1..=16).collect::<Vec<_>>());
    /// ```
    pub fn action_sheets(&self) -> &[ActionSheet] {
        &self.action_sheets
    }

    /// The action sheet with this number.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let sheet = conv.action_sheet(13).unwrap();
    /// assert_eq!(sheet.partners(), ["Maison France services de St-Amans-Soult"]);
    /// assert!(conv.action_sheet(17).is_none());
    /// ```
    pub fn action_sheet(&self, number: u32) -> Option<&ActionSheet> {
        self.action_sheets.iter().find(|s| s.number == number)
    }

    /// The funding, when the document has some.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// assert_eq!(funding.allocations().len(), 9);
    /// ```
    pub fn funding(&self) -> Option<&Funding> {
        self.funding.as_ref()
    }

    /// The governance bodies.
    ///
    /// ```
    /// use ctg_core::{Convention, GovernanceKind};
    /// assert!(Convention::sample().governance().is_empty());
    /// let mut doc = Convention::sample().to_value();
    /// doc["governance"] = serde_json::json!([{"kind": "comité de pilotage", "frequency": "annuel"}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// assert_eq!(conv.governance()[0].kind(), GovernanceKind::SteeringCommittee);
    /// ```
    pub fn governance(&self) -> &[GovernanceBody] {
        &self.governance
    }

    /// The amendments.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// assert!(Convention::sample().amendments().is_empty());
    /// let mut doc = Convention::sample().to_value();
    /// doc["amendments"] = serde_json::json!([{"number": 1, "date": "12/03/2024", "summary": "RPE"}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// assert_eq!(conv.amendments()[0].date().to_string(), "2024-03-12");
    /// ```
    pub fn amendments(&self) -> &[Amendment] {
        &self.amendments
    }

    /// Where the data comes from.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.sources().len(), 1);
    /// assert!(conv.sources()[0].contains("Communauté de communes Thoré Montagne Noire"));
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Free remarks.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// // The sample's notes explain what was inferred, e.g. the year of the signature.
    /// assert!(conv.notes().unwrap().contains("l'année n'est pas écrite : 2022"));
    /// ```
    pub fn notes(&self) -> Option<&str> {
        self.notes.as_deref()
    }

    /// The status on the day `today` (the library never reads the clock).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ctg_core::{Convention, ConventionStatus};
    /// let conv = Convention::sample(); // signed 2022-11-30, 2023–2025
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(conv.status(day(2022, 12, 1)), ConventionStatus::Signed);
    /// assert_eq!(conv.status(day(2024, 6, 1)), ConventionStatus::InForce);
    /// assert_eq!(conv.status(day(2026, 1, 1)), ConventionStatus::Expired);
    /// ```
    pub fn status(&self, today: NaiveDate) -> ConventionStatus {
        if self.termination.as_ref().is_some_and(|t| t.date <= today) {
            return ConventionStatus::Terminated;
        }
        match &self.signature {
            Some(s) if s.date <= today => {
                if today < self.period.start_date() {
                    ConventionStatus::Signed
                } else if today <= self.period.end_date() {
                    ConventionStatus::InForce
                } else {
                    ConventionStatus::Expired
                }
            }
            _ => ConventionStatus::Draft,
        }
    }

    /// The years of the period.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.years().collect::<Vec<_>>(), [2023, 2024, 2025]);
    /// ```
    pub fn years(&self) -> impl Iterator<Item = Year> + Clone {
        self.period.years()
    }
}

/// When and where a convention was signed.
///
/// ```
/// use ctg_core::Convention;
/// let mut doc = Convention::sample().to_value();
/// doc["signature"] = serde_json::json!({"date": "30/11/2022", "place": "Labastide-Rouairoux"});
/// let conv = Convention::from_value(&doc).unwrap();
/// let signature = conv.signature().unwrap();
/// assert_eq!(signature.date().to_string(), "2022-11-30"); // French writing accepted on input
/// assert_eq!(signature.place().as_deref(), Some("Labastide-Rouairoux"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Signature {
    /// The day of the signature.
    pub(crate) date: NaiveDate,
    /// Where it was signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) place: Option<String>,
}

impl Signature {
    /// The day of the signature.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let signature = conv.signature().unwrap();
    /// assert_eq!(signature.date().to_string(), "2022-11-30");
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Where it was signed.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let signature = conv.signature().unwrap();
    /// assert_eq!(signature.place(), None); // the source does not say where
    /// ```
    pub fn place(&self) -> Option<&str> {
        self.place.as_deref()
    }
}

/// Building a [`Signature`] in code.
impl Signature {
    /// A signature with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Signature::new(chrono::NaiveDate::from_ymd_opt(2022, 11, 30).unwrap());
    /// assert_eq!(p.date(), chrono::NaiveDate::from_ymd_opt(2022, 11, 30).unwrap());
    /// ```
    pub fn new(date: NaiveDate) -> Signature {
        Signature {
            date,
            place: Default::default(),
        }
    }

    /// The same signature with its `place` set.
    ///
    /// ```
    /// let p = ctg_core::Signature::new(chrono::NaiveDate::from_ymd_opt(2022, 11, 30).unwrap()).with_place("Labastide-Rouairoux");
    /// assert_eq!(p.place(), Some("Labastide-Rouairoux"));
    /// ```
    pub fn with_place(mut self, value: impl Into<String>) -> Signature {
        self.place = Some(crate::text::tidy(value));
        self
    }
}

/// An early end of a convention.
///
/// ```
/// use ctg_core::{Convention, ConventionStatus};
/// let mut doc = Convention::sample().to_value();
/// doc["termination"] = serde_json::json!({"date": "2024-06-30"});
/// let conv = Convention::from_value(&doc).unwrap();
/// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d).unwrap();
/// assert_eq!(conv.status(day(6, 29)), ConventionStatus::InForce);
/// assert_eq!(conv.status(day(6, 30)), ConventionStatus::Terminated);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Termination {
    /// The day it ended.
    pub(crate) date: NaiveDate,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<String>,
}

impl Termination {
    /// The day it ended.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["termination"] = serde_json::json!({"date": "2024-06-30", "reason": "fusion des EPCI"});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let termination = conv.termination().unwrap();
    /// assert_eq!(termination.date().to_string(), "2024-06-30");
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Why.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["termination"] = serde_json::json!({"date": "2024-06-30", "reason": "fusion des EPCI"});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let termination = conv.termination().unwrap();
    /// assert_eq!(termination.reason(), Some("fusion des EPCI"));
    /// ```
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }
}

/// Building a [`Termination`] in code.
impl Termination {
    /// A termination with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Termination::new(chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
    /// assert_eq!(p.date(), chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
    /// ```
    pub fn new(date: NaiveDate) -> Termination {
        Termination {
            date,
            reason: Default::default(),
        }
    }

    /// The same termination with its `reason` set.
    ///
    /// ```
    /// let p = ctg_core::Termination::new(chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()).with_reason("fusion des EPCI");
    /// assert_eq!(p.reason(), Some("fusion des EPCI"));
    /// ```
    pub fn with_reason(mut self, value: impl Into<String>) -> Termination {
        self.reason = Some(crate::text::tidy(value));
        self
    }
}

/// The convention (a first CTG, or a CEJ) that this one renews.
///
/// ```
/// use ctg_core::{validate_value, Convention};
/// let mut doc = Convention::sample().to_value();
/// doc["renews"] = serde_json::json!({"id": "cej-81-thore", "first_year": 2019, "last_year": 2023});
/// let (conv, report) = validate_value(&doc).into_parts();
/// assert_eq!(conv.unwrap().renews().unwrap().id().as_deref(), Some("cej-81-thore"));
/// // It ends in 2023, the year this one starts: a warning.
/// assert_eq!(report.warnings().next().unwrap().code.as_str(), "renews.overlap");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(transform = crate::schema::both_years_or_none)
)]
#[non_exhaustive]
pub struct PreviousConvention {
    /// Its id, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<String>,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) title: Option<String>,
    /// Its first year (given with `last_year`, or neither).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(range(min = Period::MIN_YEAR, max = Period::MAX_YEAR))
    )]
    pub(crate) first_year: Option<Year>,
    /// Its last year (given with `first_year`, or neither).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(range(min = Period::MIN_YEAR, max = Period::MAX_YEAR))
    )]
    pub(crate) last_year: Option<Year>,
}

impl PreviousConvention {
    /// Its id, when known.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["renews"] = serde_json::json!({"title": "CTG 2019-2022", "first_year": 2019, "last_year": 2022});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let previous = conv.renews().unwrap();
    /// assert_eq!(previous.id(), None);
    /// ```
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Its title.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["renews"] = serde_json::json!({"title": "CTG 2019-2022", "first_year": 2019, "last_year": 2022});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let previous = conv.renews().unwrap();
    /// assert_eq!(previous.title(), Some("CTG 2019-2022"));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The first_year.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["renews"] = serde_json::json!({"title": "CTG 2019-2022", "first_year": 2019, "last_year": 2022});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let previous = conv.renews().unwrap();
    /// assert_eq!(previous.first_year(), Some(2019));
    /// ```
    pub fn first_year(&self) -> Option<Year> {
        self.first_year
    }

    /// The last_year.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["renews"] = serde_json::json!({"title": "CTG 2019-2022", "first_year": 2019, "last_year": 2022});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let previous = conv.renews().unwrap();
    /// assert_eq!(previous.last_year(), Some(2022));
    /// ```
    pub fn last_year(&self) -> Option<Year> {
        self.last_year
    }
}

impl Default for PreviousConvention {
    /// [`PreviousConvention::new`].
    fn default() -> PreviousConvention {
        PreviousConvention::new()
    }
}

/// Building a [`PreviousConvention`] in code.
impl PreviousConvention {
    /// A previousconvention with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::PreviousConvention::new();
    /// let _ = p;
    /// ```
    pub fn new() -> PreviousConvention {
        PreviousConvention {
            id: Default::default(),
            title: Default::default(),
            first_year: Default::default(),
            last_year: Default::default(),
        }
    }

    /// The same previousconvention with its `id` set.
    ///
    /// ```
    /// let p = ctg_core::PreviousConvention::new().with_id("ctg-81-tarn-agout-2019-2022");
    /// assert_eq!(p.id(), Some("ctg-81-tarn-agout-2019-2022"));
    /// ```
    pub fn with_id(mut self, value: impl Into<String>) -> PreviousConvention {
        self.id = Some(crate::text::tidy(value));
        self
    }

    /// The same previousconvention with its `title` set.
    ///
    /// ```
    /// let p = ctg_core::PreviousConvention::new().with_title("CTG 2019-2022");
    /// assert_eq!(p.title(), Some("CTG 2019-2022"));
    /// ```
    pub fn with_title(mut self, value: impl Into<String>) -> PreviousConvention {
        self.title = Some(crate::text::tidy(value));
        self
    }

    /// The same previousconvention with its `first_year` set.
    ///
    /// ```
    /// let p = ctg_core::PreviousConvention::new().with_first_year(2019);
    /// assert_eq!(p.first_year(), Some(2019));
    /// ```
    pub fn with_first_year(mut self, value: Year) -> PreviousConvention {
        self.first_year = Some(value);
        self
    }

    /// The same previousconvention with its `last_year` set.
    ///
    /// ```
    /// let p = ctg_core::PreviousConvention::new().with_last_year(2022);
    /// assert_eq!(p.last_year(), Some(2022));
    /// ```
    pub fn with_last_year(mut self, value: Year) -> PreviousConvention {
        self.last_year = Some(value);
        self
    }
}

vocabulary! {
    noun: "convention status",
    schema: "Where a convention stands on a given day (derived from its dates, never stored)",
    /// Where a convention stands on a given day ([`Convention::status`]).
    ///
    /// ```
    /// use ctg_core::{ConventionStatus, Lang};
    /// assert_eq!(ConventionStatus::InForce.label(Lang::Fr), "en vigueur");
    /// assert_eq!(ConventionStatus::InForce.code(), "in_force");
    /// assert_eq!(ConventionStatus::parse("échue"), Some(ConventionStatus::Expired));
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ConventionStatus {
        /// Not signed (yet).
        Draft("draft", "projet", "draft") ["brouillon"],
        /// Signed, its period not started.
        Signed("signed", "signée", "signed") [],
        /// Within its period.
        InForce("in_force", "en vigueur", "in force") [],
        /// Its period is over.
        Expired("expired", "échue", "expired") ["terminee", "expiree"],
        /// Ended early.
        Terminated("terminated", "résiliée", "terminated") ["resiliee"],
    }
}

impl<'de> serde::Deserialize<'de> for Convention {
    /// Deserialising goes through validation: a `Convention` read by serde is as valid as one
    /// read by [`Convention::from_json_str`]; the error lists every problem.
    ///
    /// ```
    /// let conv: ctg_core::Convention = serde_json::from_str(ctg_core::Convention::sample_json()).unwrap();
    /// assert_eq!(conv.id(), ctg_core::Convention::sample().id());
    /// let err = serde_json::from_str::<ctg_core::Convention>("{}").unwrap_err();
    /// assert!(err.to_string().contains("field.missing"));
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Convention::from_value(&value).map_err(serde::de::Error::custom)
    }
}
