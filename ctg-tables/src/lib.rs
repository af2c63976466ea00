//! # ctg-tables
//!
//! Spreadsheets in and out, and grants published as open data, for *Conventions Territoriales
//! Globales* (CTG): the bridge between `ctg-core`'s typed model and the files people exchange.
//!
//! - **Reading** ([`Importer`], [`read_table`]): CSV (UTF-8 with or without BOM, UTF-16,
//!   Windows-1252; `;`, `,` or tab), `.xlsx`, `.ods` and `.xls`; headers in French or English
//!   below title rows; funding tables wide ([`Shape::FundingWide`], with a total row and column,
//!   checked) and long, action plans, parties. The result is a canonical document and its issues,
//!   each with its `sheet`, `row` and `column`; [`Import::validate`] runs core's validation and
//!   locates its issues in the cells too ([`CellMap`]).
//! - **Money** is core's: text by `Amount::parse`'s rules (ambiguous writings refused), number
//!   cells by the shortest decimal that reads back to their binary value, through
//!   `Amount::from_host`.
//! - **Writing** ([`Exporter`]): the same shapes as CSV (French: `;`, decimal comma; English:
//!   `,`) or `.xlsx` (currency format, `SUM` totals), French or English headers and labels.
//! - **Open data** ([`scdl`]): SCDL *Subventions* 2.1.1 written from conventions, read and checked
//!   (`french-siret-value`, `one-of-required`), matched to beneficiaries.
//!
//! ```
//! use ctg_core::{Convention, Lang};
//! use ctg_tables::{Exporter, Importer, Shape};
//!
//! let conv = Convention::sample();
//! let csv = Exporter::new(Lang::Fr).csv(&conv, Shape::FundingWide);
//! let mut base = conv.to_value();
//! base.as_object_mut().unwrap().remove("funding");
//! let import = Importer::new().into_document(&base).import(&[("Financement.csv", &csv)]);
//! assert!(import.validate().is_valid());
//! assert_eq!(import.document, conv.to_value());
//! ```
#![forbid(unsafe_code)]
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

mod action_plan;
mod cell;
mod excel;
mod export;
mod funding;
mod grid;
mod header;
mod import;
mod names;
mod parties;
mod resolve;
pub mod scdl;
mod text;
mod values;
mod xlsx;

pub use cell::{column_letter, Cell, CellRef};
pub use export::{ExportError, Exporter, OutCell, OutTable};
pub use grid::{read_table, Format, Limits, ReadTable, Sheet, TableReader, Workbook};
pub use header::{normalize, Shape};
pub use import::{import_table, CellMap, Import, Importer, TableInfo};
#[cfg(feature = "geo")]
pub use resolve::GeoParties;
pub use resolve::{PartyResolver, Resolution, ResolvedParty};
pub use values::slug;
pub use xlsx::MONEY_FORMAT;

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
