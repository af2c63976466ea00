//! `ctg validate PATH…` and `ctg report PATH…` on many documents: files, folders, patterns and
//! JSON Lines files read into one portfolio, validated in parallel, reported with core's
//! renderers.
//!
//! Exit status: 0 when every document is valid (warnings allowed); otherwise the number of
//! documents that are invalid or unreadable, at most 125 (a document: a JSON file, or a line of
//! a `.jsonl` file; a name that gives no document — a missing file, an empty folder, a pattern
//! that matches nothing — counts as one unreadable document).

use std::path::PathBuf;
use std::process::ExitCode;

use ctg_core::portfolio::Options;
use ctg_core::{Gazetteer, Lang, Portfolio};
use ctg_geo::Geography;

use crate::progress::Progress;

/// The exit status of a portfolio: how many documents are not valid, at most 125. The
/// portfolio is not freed: the process ends, and the system takes its memory back at once
/// (freeing a national portfolio's conventions one by one costs a sixth of its validation).
pub fn status(portfolio: Portfolio) -> ExitCode {
    let not_valid = portfolio.counts().not_valid().min(125);
    std::mem::forget(portfolio);
    ExitCode::from(u8::try_from(not_valid).unwrap_or(125))
}

/// Reads and validates every document `paths` name (core's `Portfolio::load`: files, folders,
/// patterns, JSON Lines files), with a progress bar on a terminal.
pub fn load(paths: &[PathBuf], recursive: bool, geo: Option<&'static Geography>) -> Portfolio {
    let progress = Progress::on_terminal();
    let report = |done: usize, total: usize| progress.update(done, total);
    let options = Options::new().progress(&report);
    let portfolio = Portfolio::load(&crate::validator(geo), paths, recursive, &options);
    progress.finish();
    portfolio
}

/// `ctg validate PATH…`.
pub fn validate(
    paths: &[PathBuf],
    recursive: bool,
    lang: Lang,
    json: bool,
    geo: Option<&'static Geography>,
) -> ExitCode {
    let portfolio = load(paths, recursive, geo);
    if json {
        let value = serde_json::json!({
            "geography": geo.map(|g| g.vintage()),
            "counts": portfolio.counts(),
            "entries": portfolio.entries(),
        });
        if crate::print_json(&value) != ExitCode::SUCCESS {
            return ExitCode::from(125);
        }
        return status(portfolio);
    }
    for entry in portfolio.entries() {
        outln!("{}", entry.report().to_file_text(entry.source(), lang));
    }
    if portfolio.len() > 1 {
        outln!("{}", portfolio.counts().to_text(lang));
    }
    status(portfolio)
}

/// `ctg report PATH…` on a portfolio: its summary at `today`.
pub fn report(
    paths: &[PathBuf],
    recursive: bool,
    lang: Lang,
    json: bool,
    today: chrono::NaiveDate,
    geo: Option<&'static Geography>,
) -> ExitCode {
    let portfolio = load(paths, recursive, geo);
    let gazetteer = geo.map(|g| g as &dyn Gazetteer);
    let summary = portfolio.summary(today, gazetteer);
    if json {
        let mut value = serde_json::to_value(&summary).unwrap_or_default();
        value["geography"] = serde_json::json!(geo.map(|g| g.vintage()));
        value["conventions"] = serde_json::json!(portfolio.conventions(today, gazetteer));
        if crate::print_json(&value) != ExitCode::SUCCESS {
            return ExitCode::from(125);
        }
        return status(portfolio);
    }
    out!("{}", summary.to_text(lang));
    status(portfolio)
}
