//! # ctg-geo
//!
//! The official geography of France for `ctg` (Conventions Territoriales Globales): the
//! *Code officiel géographique* 2026 as published by the State's open-data team in the npm package
//! `@etalab/decoupage-administratif` 6.0.0 (Licence Ouverte), generated into a committed data file
//! (`data/cog-2026.tsv`) and embedded.
//!
//! - **Load**: [`Geography::embedded`] (once, shared), or [`Geography::from_bytes`] for data a
//!   caller fetched (a browser). Every result that depends on the data carries its
//!   [`Vintage`](ctg_core::Vintage).
//! - **Look up**: communes by INSEE code, SIREN, postal code or name; former (merged, delegated,
//!   associated) communes by code; EPCI by SIREN with their members and population;
//!   départements and régions by code or name ([`Geography::resolve_area`]); any of them as a
//!   person types it ([`Geography::lookup`], [`Geography::lookup_as`]).
//! - **In French or English**: every explanation, reason and note is rendered from one
//!   catalogue in the language the caller asks for (`…_in(…, lang)`; English by default where
//!   the result has always been English).
//! - **Resolve** names as people write them ([`Geography::resolve`], [`Geography::resolve_epci`]):
//!   ranked [`Candidate`]s with a score and why each matched, and a [`Status`]; a [`Context`]
//!   narrows homonyms; ambiguity is reported, never guessed. The rules of [`normalize`] and of
//!   the [resolver](crate::resolve) are documented with their limits.
//! - **From a text to parties**: [`Geography::resolve_text`] and [`Geography::resolve_names`]
//!   turn a press release's list into collectivities plus what could not be resolved;
//!   [`Geography::fill_identifiers`] completes a convention document and reports each change.
//! - **For core**: [`Geography`] implements [`ctg_core::Gazetteer`].
//!
//! ```
//! use ctg_geo::{Context, Geography, Status};
//!
//! let geo = Geography::embedded()?;
//! let tarn = Context::new().departement("81".parse()?);
//!
//! let r = geo.resolve("St-Amans-Soult", &tarn);
//! assert_eq!(r.status, Status::Resolved);
//! assert_eq!(r.commune().unwrap().insee.as_str(), "81238");
//!
//! assert_eq!(geo.resolve("Parisot", &Context::new()).status, Status::Ambiguous);
//! assert_eq!(geo.resolve("Caf du Tarn", &tarn).status, Status::NotFound);
//! # Ok::<(), Box<dyn std::error::Error>>(())
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

pub mod area;
mod arrondissement;
mod catalogue;
mod context;
mod data;
mod distance;
mod epci;
mod fill;
mod geography;
mod index;
mod lookup;
mod names;
mod normalize;
pub mod resolve;
mod territory;

pub use area::{Area, AreaCandidate, AreaKinds, AreaMatch, AreaResolution};
pub use context::Context;
pub use data::LoadError;
pub use distance::typo_budget;
pub use epci::{EpciCandidate, EpciMatch, EpciResolution};
pub use fill::{Change, Filled, Note, NoteKind};
pub use geography::Geography;
#[cfg(feature = "embedded")]
pub use geography::EMBEDDED_DATA;
pub use lookup::{AnyCandidate, Lookup, LookupKind, LookupRow};
pub use names::{Collectivity, NameList, ResolvedName, UnresolvedName};
pub use normalize::normalize;
pub use resolve::{
    Candidate, MatchKind, NotFoundReason, Ranked, Resolution, Rule, Status, MAX_QUERY_CHARS,
};
pub use territory::{Departement, Region};

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
