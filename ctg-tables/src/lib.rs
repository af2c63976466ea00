//! # ctg-tables
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
pub use resolve::{PartyResolver, Resolution, ResolvedParty};
pub use values::slug;
pub use xlsx::MONEY_FORMAT;
