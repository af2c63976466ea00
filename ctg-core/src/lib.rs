//! # ctg-core
//!
//! The typed model of *Conventions Territoriales Globales* (CTG): the multi-year agreements by which a
//! French Caf (family-benefits fund) and a territory's local authorities plan and fund services for
//! families. All the rules, totals and formatting of `ctg` live here; the Python and WebAssembly
//! packages only convert types.
//!
//! - **Reading**: [`validate_str`], [`validate_slice`], [`validate_value`] turn a lenient document
//!   into a [`Validation`]: a [`Report`] of every [`Issue`] (stable [`IssueCode`], [`Severity`],
//!   [`Path`], French and English messages) and, when there is no error, a [`Convention`].
//!   [`Convention::from_json_str`] is the short way.
//! - **The model**: [`Convention`] with its [`Period`], [`Party`] list, [`ThematicDomain`]s,
//!   [`Stake`]s, [`Objective`]s, [`ActionSheet`]s and [`Indicator`]s, [`Funding`] with
//!   [`Allocation`]s and [`DeclaredTotals`].
//! - **Values**: [`Amount`] (exact euros with cents), [`InseeCode`], [`Siren`], [`Siret`],
//!   [`DepartementCode`].
//! - **Aggregation**: [`Convention::totals`] gives exact [`Totals`] by year, beneficiary, domain and
//!   facility kind; [`Convention::indicator_progress`], [`Convention::execution`],
//!   [`Convention::evaluation`].
//! - **Portfolios**: [`Portfolio`] validates many documents at once (in parallel on native
//!   targets), keeps every one with its report, and gives the table of its conventions, exact
//!   totals across them and, with a geography, the communes and population covered by a
//!   convention in force ([`portfolio`]).
//! - **Writing**: `Convention` serialises to the canonical JSON (`docs/format.md`);
//!   `json_schema()` (feature `schema`) describes it as validation reads it, `output_json_schema()`
//!   as ctg writes it.
//!
//! ```
//! use ctg_core::{validate_str, Convention};
//!
//! let validation = validate_str(Convention::sample_json());
//! assert!(validation.report().is_valid());
//! let conv = validation.into_result().unwrap();
//! assert_eq!(conv.totals().unwrap().total.to_string(), "725403.00");
//!
//! let report = validate_str(r#"{"format_version": 1, "id": "x"}"#).into_report();
//! assert!(!report.is_valid());
//! assert!(report.errors().any(|i| i.code.as_str() == "field.missing" && i.path.to_string() == "title"));
//! ```
#![forbid(unsafe_code)]
// In WebAssembly `ShortText` is `String` (below), so its conversions from a `String` are the
// identity there: lint them on the native targets only.
#![cfg_attr(target_arch = "wasm32", allow(clippy::useless_conversion))]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod input;
mod issues;
mod lang;
pub mod render;
mod validation;
mod writing;

pub use input::Limits;
pub use issues::{
    Issue, IssueCode, Param, Params, ParseError, Path, PathSegment, Report, Severity, Validation,
    Word,
};
pub use lang::Lang;
pub use validation::{
    date_from_host, decimal_from_host, validate_host, validate_slice, validate_str, validate_value,
    Validator,
};

// -- value types (amount, identifiers, vocabularies): one module each, re-exported here --

mod amount;
mod dates;
mod sorting;
mod split;
pub use amount::Amount;
pub use dates::parse_date;
pub use split::SplitError;

mod facility_kind;
mod gazetteer;
mod identifiers;
mod party_kind;
#[cfg(not(target_arch = "wasm32"))]
mod short_text;
mod text;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use short_text::ShortText;
/// In WebAssembly, where the module's size counts more than allocations, the model's short texts
/// are `String`s (the inline type and its uses cost about 2 KB gzipped).
#[cfg(target_arch = "wasm32")]
pub(crate) type ShortText = String;
mod thematic_domain;
mod vocabulary;
pub use facility_kind::FacilityKind;
pub use gazetteer::{
    CommuneKind, CommuneRecord, DepartementRecord, EpciRecord, FormerCommune, FormerKind,
    Gazetteer, NameMatch, NamedCommune, NamedEpci, Vintage,
};
pub use identifiers::{DepartementCode, InseeCode, Siren, Siret};
pub use party_kind::{PartyKind, PartyRole};
pub use thematic_domain::ThematicDomain;

// -- the model --
mod action_sheet;
mod amendment;
mod builder;
mod change;
mod convention;
mod coverage;
mod diagnostic;
mod diff;
mod edit;
mod evaluation;
mod funding;
mod governance;
mod indicator;
mod party;
mod period;
pub mod portfolio;
#[cfg(feature = "schema")]
mod schema;
mod strategy;
mod totals;

pub use action_sheet::{ActionSheet, ActionStatus, Schedule};
pub use amendment::Amendment;
pub use builder::ConventionBuilder;
pub use change::{AllocationKey, Change, ChangeKind};
pub use convention::{
    Convention, ConventionStatus, PreviousConvention, Signature, Termination, FORMAT_VERSION,
};
pub use coverage::{
    Coverage, CoveredCommune, FundingPerInhabitant, MemberNotParty, UnresolvedParty,
    UnresolvedReason,
};
pub use diagnostic::Diagnostic;
pub use diff::{Diff, Envelope, Renewal, SheetLink, SheetRef};
pub use edit::InForce;
pub use evaluation::{
    Evaluation, Execution, ExecutionRow, IndicatorProgress, IndicatorRow, IndicatorStatus,
    LateSheet, YearExecution,
};
pub use funding::{Allocation, AllocationRow, Beneficiary, DeclaredTotals, Funding};
pub use governance::{GovernanceBody, GovernanceKind};
pub use indicator::{Indicator, Measurement};
pub use party::Party;
pub use period::{Period, Year};
pub use portfolio::{
    ConventionRow, Portfolio, PortfolioCoverage, PortfolioEntry, PortfolioSummary, PortfolioTotals,
};
#[cfg(feature = "schema")]
pub use schema::{json_schema, output_json_schema};
pub use strategy::{Objective, Stake};
pub use totals::{Totals, UNASSIGNED_DOMAIN};

/// Exact decimal numbers (re-exported from `rust_decimal`), used for indicator values and shares.
pub use rust_decimal::Decimal;

/// Calendar dates (re-exported from `chrono`).
pub use chrono::NaiveDate;

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The geography guide's Rust examples (`docs/geography.md`), compiled and run as doctests.
#[doc = include_str!("../../docs/geography.md")]
#[cfg(doctest)]
pub struct GeographyDoctests;
