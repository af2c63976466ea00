//! A plain mirror of the canonical format, read with `#[derive(Deserialize)]`: the speed of a
//! typed serde reader that checks nothing (no lenient numbers, no identifiers, no references, no
//! sums, no duplicate keys), for comparison with validation.

#![allow(missing_docs)]

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Convention {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub period: Period,
    pub signature: Option<Signature>,
    pub termination: Option<Termination>,
    pub renews: Option<PreviousConvention>,
    pub parties: Vec<Party>,
    pub domains: Vec<String>,
    pub diagnostic: Option<Diagnostic>,
    pub stakes: Vec<Stake>,
    pub objectives: Vec<Objective>,
    pub action_sheets: Vec<ActionSheet>,
    pub funding: Option<Funding>,
    #[serde(default)]
    pub governance: Vec<GovernanceBody>,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub notes: Option<String>,
}

#[derive(Deserialize)]
pub struct Period {
    pub first_year: i32,
    pub last_year: i32,
    pub duration_years: Option<u32>,
}

#[derive(Deserialize)]
pub struct Signature {
    pub date: String,
    pub place: Option<String>,
}

#[derive(Deserialize)]
pub struct Termination {
    pub date: String,
    pub reason: Option<String>,
}

#[derive(Deserialize)]
pub struct PreviousConvention {
    pub id: Option<String>,
    pub title: Option<String>,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

#[derive(Deserialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub role: String,
    pub insee: Option<String>,
    pub siren: Option<String>,
    pub siret: Option<String>,
    pub departement: Option<String>,
    #[serde(default)]
    pub members: Vec<String>,
    pub deliberation_date: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
pub struct Diagnostic {
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub author: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
pub struct Stake {
    pub id: String,
    pub title: String,
}

#[derive(Deserialize)]
pub struct Objective {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub stakes: Vec<String>,
}

#[derive(Deserialize)]
pub struct ActionSheet {
    pub number: u32,
    pub title: String,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub objectives: Vec<String>,
    pub lead: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub target_public: Option<String>,
    #[serde(default)]
    pub communes: Vec<String>,
    pub schedule: Option<Schedule>,
    pub status: Option<String>,
    pub budget: Option<String>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

#[derive(Deserialize)]
pub struct Schedule {
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Deserialize)]
pub struct Indicator {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<String>,
    pub target: Option<String>,
    #[serde(default)]
    pub measurements: Vec<Measurement>,
}

#[derive(Deserialize)]
pub struct Measurement {
    pub date: String,
    pub value: String,
}

#[derive(Deserialize)]
pub struct Funding {
    pub beneficiaries: Vec<Beneficiary>,
    pub allocations: Vec<Allocation>,
    pub declared: Option<DeclaredTotals>,
}

#[derive(Deserialize)]
pub struct Beneficiary {
    pub id: String,
    pub name: String,
    pub siret: Option<String>,
    pub party: Option<String>,
}

#[derive(Deserialize)]
pub struct Allocation {
    pub beneficiary: String,
    pub facility_kind: String,
    pub domain: Option<String>,
    pub label: Option<String>,
    pub amounts: BTreeMap<String, String>,
    #[serde(default)]
    pub paid: BTreeMap<String, String>,
}

#[derive(Deserialize)]
pub struct DeclaredTotals {
    #[serde(default)]
    pub yearly: BTreeMap<String, String>,
    pub total: Option<String>,
}

#[derive(Deserialize)]
pub struct GovernanceBody {
    pub kind: String,
    pub name: Option<String>,
    pub frequency: Option<String>,
    #[serde(default)]
    pub members: Vec<String>,
}

#[derive(Deserialize)]
pub struct Amendment {
    pub number: u32,
    pub date: String,
    pub summary: String,
    #[serde(default)]
    pub changes: Vec<serde_json::Value>,
}
