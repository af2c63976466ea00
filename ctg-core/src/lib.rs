//! # ctg-core
//!
//! The typed model of *Conventions Territoriales Globales* (CTG): the multi-year agreements by which a
//! French Caf and a territory's local authorities plan and fund services for families.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod lang;
mod validation;

pub use lang::Lang;
pub use validation::{IssueCode, Problem, Severity};

// -- value types (amount, identifiers, vocabularies): one module each, re-exported here --

mod amount;
mod split;
pub use amount::{Amount, AmountError};
pub use split::SplitError;

mod facility_kind;
mod identifiers;
mod party_kind;
mod text;
mod thematic_domain;
pub use facility_kind::FacilityKind;
pub use identifiers::{DepartementCode, IdentifierError, InseeCode, Siren, Siret};
pub use party_kind::{PartyKind, PartyRole};
pub use thematic_domain::ThematicDomain;

// -- the model --
mod action_sheet;
mod amendment;
mod convention;
mod diagnostic;
mod funding;
mod governance;
mod indicator;
mod party;
mod period;
#[cfg(feature = "schema")]
mod schema;
mod strategy;
mod totals;

pub use action_sheet::{ActionSheet, ActionStatus, Schedule};
pub use amendment::Amendment;
pub use convention::{
    Convention, ConventionStatus, PreviousConvention, Signature, Termination, FORMAT_VERSION,
};
pub use diagnostic::Diagnostic;
pub use funding::{Allocation, AllocationRow, Beneficiary, DeclaredTotals, Funding};
pub use governance::{GovernanceBody, GovernanceKind};
pub use indicator::{Indicator, Measurement};
pub use party::Party;
pub use period::{Period, Year};
#[cfg(feature = "schema")]
pub use schema::json_schema;
pub use strategy::{Objective, Stake};
pub use totals::{IndicatorProgress, Totals, UNASSIGNED_DOMAIN};
pub use validation::{
    validate_slice, validate_str, validate_value, Issue, Path, PathSegment, Report, Validation,
};

/// Exact decimal numbers (re-exported from `rust_decimal`), used for indicator values and shares.
pub use rust_decimal::Decimal;
