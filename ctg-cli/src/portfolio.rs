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

use ctg_core::portfolio::{Options, PortfolioEntry};
use ctg_core::{Gazetteer, Lang, Portfolio};
use ctg_geo::Geography;

use crate::progress::Progress;
use crate::sources::{expand, Source};

/// The largest JSON Lines file read: 1 GiB.
const MAX_LINES_BYTES: u64 = 1 << 30;

/// The exit status of a portfolio: how many documents are not valid, at most 125. The
/// portfolio is not freed: the process ends, and the system takes its memory back at once
/// (freeing a national portfolio's conventions one by one costs a sixth of its validation).
pub fn status(portfolio: Portfolio) -> ExitCode {
    let not_valid = portfolio.counts().not_valid().min(125);
    std::mem::forget(portfolio);
    ExitCode::from(u8::try_from(not_valid).unwrap_or(125))
}

/// Reads a file, at most `limit` bytes and one more (so that a file over the limit is known to
/// be without being read whole).
fn read_at_most(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// What a name gave, in order: a file read (its documents, validated with the others), or an
/// entry already made (a file that cannot be read).
enum Slot {
    Document,
    Entry(Box<PortfolioEntry>),
}

/// Reads and validates every document `paths` name, with a progress bar on a terminal.
pub fn load(paths: &[PathBuf], recursive: bool, geo: Option<&'static Geography>) -> Portfolio {
    let mut slots = Vec::new();
    let mut buffers: Vec<(String, bool, Vec<u8>)> = Vec::new();
    for source in expand(paths, recursive) {
        let (path, lines) = match source {
            Source::Json(path) => (path, false),
            Source::Lines(path) => (path, true),
            Source::Nothing(name, why) => {
                slots.push(Slot::Entry(Box::new(PortfolioEntry::unreadable(name, why))));
                continue;
            }
        };
        let name = path.display().to_string();
        let limit = if lines {
            MAX_LINES_BYTES
        } else {
            ctg_core::Limits::DEFAULT.max_bytes as u64
        };
        let slot = match read_at_most(&path, limit) {
            Ok(bytes) if lines && bytes.len() as u64 > limit => {
                let why = "larger than 1 GiB, the most ctg reads of a JSON Lines file";
                Slot::Entry(Box::new(PortfolioEntry::unreadable(name, why)))
            }
            Ok(bytes) => {
                buffers.push((name, lines, bytes));
                Slot::Document
            }
            Err(error) => Slot::Entry(Box::new(PortfolioEntry::unreadable(
                name,
                error.to_string(),
            ))),
        };
        slots.push(slot);
    }
    // The documents, in order: each JSON file, each line of each JSON Lines file. A buffer
    // stands for one slot; a JSON Lines buffer for as many documents as it has lines.
    let mut documents: Vec<(String, &[u8])> = Vec::new();
    let mut per_buffer = Vec::with_capacity(buffers.len());
    for (name, lines, bytes) in &buffers {
        let before = documents.len();
        if *lines {
            documents.extend(
                ctg_core::portfolio::json_lines(bytes)
                    .map(|(n, line)| (format!("{name}:{n}"), line)),
            );
        } else {
            documents.push((name.clone(), bytes.as_slice()));
        }
        per_buffer.push(documents.len() - before);
    }
    let progress = Progress::on_terminal();
    let report = |done: usize, total: usize| progress.update(done, total);
    let options = Options::new().progress(&report);
    let validator = crate::validator(geo);
    let validated = Portfolio::validate_with(&validator, documents, &options);
    progress.finish();
    let mut validated = validated.into_entries().into_iter();
    let mut per_buffer = per_buffer.into_iter();
    let mut entries = Vec::new();
    for slot in slots {
        match slot {
            Slot::Entry(entry) => entries.push(*entry),
            Slot::Document => {
                let n = per_buffer.next().unwrap_or(0);
                entries.extend(validated.by_ref().take(n));
            }
        }
    }
    // Past the most documents validated, one entry says how many there were.
    entries.extend(validated);
    Portfolio::from_entries(entries)
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
