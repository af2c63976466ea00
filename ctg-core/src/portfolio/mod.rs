//! Portfolios: many conventions at once — every CTG of a Caf, of a département, of the country.
//!
//! A [`Portfolio`] holds one [`PortfolioEntry`] per document, valid or not, in input order: where
//! it comes from (a file name, `line 12` of a JSON Lines text), its [`Report`] and, when it is
//! valid, its [`Convention`]. Nothing is dropped: a document that is not JSON, or that could not
//! be read at all, is an entry with its report.
//!
//! From a portfolio come a table of its conventions ([`Portfolio::conventions`]), exact totals
//! across them ([`Portfolio::totals`]), the communes and population a convention in force covers
//! ([`Portfolio::coverage`], with an official geography), and a summary of all that
//! ([`Portfolio::summary`], rendered by [`PortfolioSummary::to_text`]).
//!
//! On native targets, [`Portfolio::load`] reads what a user names — files, folders, patterns,
//! JSON Lines files — by the one rule of the [`sources`] module, which the `ctg` command and the
//! bindings follow; elsewhere core validates the bytes it is given. On native targets the
//! documents are validated in parallel, on as many threads as the machine offers
//! ([`Options::threads`]); the result never depends on the number of threads. WebAssembly
//! validates them one after the other.
//!
//! ```
//! use ctg_core::{Portfolio, Validator};
//!
//! let lines = format!("{}\n{{\"format_version\": 1}}\n\nnot json\n", ctg_core::Convention::sample().to_json());
//! let portfolio = Portfolio::from_json_lines(&Validator::new(), lines.as_bytes());
//! let sources: Vec<&str> = portfolio.entries().iter().map(|e| e.source()).collect();
//! assert_eq!(sources, ["line 1", "line 2", "line 4"]); // the blank line 3 is no document
//! let counts = portfolio.counts();
//! assert_eq!((counts.valid, counts.invalid, counts.unreadable), (1, 1, 1));
//!
//! let totals = portfolio.totals(None);
//! assert_eq!(totals.total.to_string(), "725403.00"); // the valid convention's
//! assert_eq!((totals.excluded.invalid, totals.excluded.unreadable), (1, 1));
//! ```

mod aggregate;
mod coverage;
mod rows;
#[cfg(not(target_arch = "wasm32"))]
pub mod sources;
mod summary;

pub use aggregate::{Excluded, GroupTotals, PortfolioTotals, UNASSIGNED};
pub use coverage::{AreaCoverage, Overlap, PortfolioCoverage};
pub use rows::ConventionRow;
pub use summary::{Counts, PortfolioSummary};

use serde::Serialize;

use crate::{Convention, Issue, IssueCode, Params, Path, Report, Validation, Validator, Word};

/// The most documents a portfolio validates by default ([`Options::max_documents`]): 100 000,
/// eighty times the EPCIs of France. Past it, the documents are not validated; one last entry,
/// `input.too_large` (unit `documents`), says how many there were.
///
/// ```
/// assert_eq!(ctg_core::portfolio::MAX_DOCUMENTS, 100_000);
/// ```
pub const MAX_DOCUMENTS: usize = 100_000;

/// The unit of `input.too_large` for a portfolio with too many documents.
const DOCUMENTS: Word = Word {
    code: "documents",
    fr: "documents",
    en: "documents",
};

/// What a document's report says of it.
///
/// ```
/// use ctg_core::portfolio::Verdict;
/// use ctg_core::{Portfolio, Validator};
/// let p = Portfolio::validate(&Validator::new(), [("a", "{}"), ("b", "{")]);
/// assert_eq!(p.entries()[0].verdict(), Verdict::Invalid);
/// assert_eq!(p.entries()[1].verdict(), Verdict::Unreadable);
/// assert_eq!(serde_json::to_string(&Verdict::Unreadable).unwrap(), "\"unreadable\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No error (warnings and informations allowed): the convention is there.
    Valid,
    /// Read, with errors.
    Invalid,
    /// Not read at all: not JSON (`json.syntax`), nested too deeply (`json.too_deep`), too large
    /// (`input.too_large`, `input.lines_too_large`), the file could not be read
    /// (`input.unreadable`), or the name gave no file (`input.no_match`, `input.empty_folder`).
    Unreadable,
}

impl Verdict {
    /// The stable code: `valid`, `invalid`, `unreadable`.
    ///
    /// ```
    /// assert_eq!(ctg_core::portfolio::Verdict::Invalid.code(), "invalid");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Unreadable => "unreadable",
        }
    }

    /// The verdict of a report.
    fn of(report: &Report) -> Verdict {
        let unreadable = report.errors().any(|i| {
            matches!(
                i.code,
                IssueCode::JsonSyntax
                    | IssueCode::JsonTooDeep
                    | IssueCode::InputTooLarge
                    | IssueCode::InputUnreadable
                    | IssueCode::InputNoMatch
                    | IssueCode::InputEmptyFolder
                    | IssueCode::InputLinesTooLarge
            )
        });
        if unreadable {
            Verdict::Unreadable
        } else if report.is_valid() {
            Verdict::Valid
        } else {
            Verdict::Invalid
        }
    }
}

/// One document of a portfolio: where it comes from, its report, and its convention when it is
/// valid.
///
/// Serialised (the CLI's `validate --json`, the bindings' dicts) as `{source, verdict, report}`:
/// the convention itself is not repeated.
///
/// ```
/// use ctg_core::portfolio::{PortfolioEntry, Verdict};
/// use ctg_core::Convention;
/// let entry = PortfolioEntry::new("thore.json", ctg_core::validate_str(Convention::sample_json()));
/// assert_eq!(entry.source(), "thore.json");
/// assert!(entry.is_valid());
/// assert_eq!(entry.convention().unwrap().id(), Convention::sample().id());
/// let json = serde_json::to_value(&entry).unwrap();
/// assert_eq!(json["verdict"], "valid");
/// assert_eq!(json["report"]["valid"], true);
/// ```
#[derive(Debug, Clone)]
pub struct PortfolioEntry {
    source: String,
    verdict: Verdict,
    report: Report,
    convention: Option<Convention>,
}

impl PortfolioEntry {
    /// The entry of a validated document.
    ///
    /// ```
    /// let entry = ctg_core::portfolio::PortfolioEntry::new("x.json", ctg_core::validate_str("[]"));
    /// assert!(!entry.is_valid());
    /// ```
    pub fn new(source: impl Into<String>, validation: Validation) -> PortfolioEntry {
        let (convention, report) = validation.into_parts();
        PortfolioEntry {
            source: source.into(),
            verdict: Verdict::of(&report),
            report,
            convention,
        }
    }

    /// The entry of a document that could not be read (a file that cannot be opened): one
    /// `input.unreadable` error with the reason.
    ///
    /// ```
    /// use ctg_core::portfolio::{PortfolioEntry, Verdict};
    /// let entry = PortfolioEntry::unreadable("missing.json", "No such file or directory");
    /// assert_eq!(entry.verdict(), Verdict::Unreadable);
    /// assert_eq!(entry.report().issues()[0].code.as_str(), "input.unreadable");
    /// assert!(entry.report().issues()[0].message(ctg_core::Lang::En).contains("No such file"));
    /// ```
    pub fn unreadable(source: impl Into<String>, detail: impl Into<String>) -> PortfolioEntry {
        let issue = Issue::new(
            IssueCode::InputUnreadable,
            Path::root(),
            Params::new().with("detail", detail.into()),
        );
        PortfolioEntry::of_issue(source, issue)
    }

    /// The entry of a name that gave no document, with the issue saying why.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) fn of_issue(source: impl Into<String>, issue: Issue) -> PortfolioEntry {
        PortfolioEntry {
            source: source.into(),
            verdict: Verdict::Unreadable,
            report: Report::from(vec![issue]),
            convention: None,
        }
    }

    /// Where the document comes from: a file name, `line 12`, what the caller named it.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"\n{}");
    /// assert_eq!(p.entries()[0].source(), "line 2");
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Valid, invalid or unreadable.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}");
    /// assert_eq!(p.entries()[0].verdict(), ctg_core::portfolio::Verdict::Invalid);
    /// ```
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// Whether the document is valid (then [`convention`](Self::convention) is there).
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}");
    /// assert!(!p.entries()[0].is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        self.convention.is_some()
    }

    /// Every issue of the document.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}");
    /// assert!(p.entries()[0].report().errors().any(|i| i.code.as_str() == "field.missing"));
    /// ```
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The convention, when the document is valid.
    ///
    /// ```
    /// let text = ctg_core::Convention::sample().to_json();
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), text.as_bytes());
    /// assert_eq!(p.entries()[0].convention().unwrap().period().to_string(), "2023–2025");
    /// ```
    pub fn convention(&self) -> Option<&Convention> {
        self.convention.as_ref()
    }

    /// The source, the report and the convention.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}");
    /// let (source, report, convention) = p.into_entries().remove(0).into_parts();
    /// assert_eq!((source.as_str(), report.is_valid(), convention.is_none()), ("line 1", false, true));
    /// ```
    pub fn into_parts(self) -> (String, Report, Option<Convention>) {
        (self.source, self.report, self.convention)
    }

    /// The entry of these parts, as [`into_parts`](Self::into_parts) gave them (a binding
    /// rebuilding an entry it pickled): the verdict is the report's, and the convention is kept
    /// only when the report has no error.
    ///
    /// ```
    /// use ctg_core::portfolio::{PortfolioEntry, Verdict};
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}\n{");
    /// let mut entries = p.into_entries().into_iter().map(PortfolioEntry::into_parts);
    /// let (source, report, convention) = entries.next().unwrap();
    /// assert_eq!(PortfolioEntry::from_parts(source, report, convention).verdict(), Verdict::Invalid);
    /// let (source, report, _) = entries.next().unwrap();
    /// let again = PortfolioEntry::from_parts(source, report, Some(ctg_core::Convention::sample()));
    /// assert_eq!(again.verdict(), Verdict::Unreadable);
    /// assert!(again.convention().is_none()); // a report with errors has no convention
    /// ```
    pub fn from_parts(
        source: impl Into<String>,
        report: Report,
        convention: Option<Convention>,
    ) -> PortfolioEntry {
        let verdict = Verdict::of(&report);
        let convention = convention.filter(|_| verdict == Verdict::Valid);
        PortfolioEntry {
            source: source.into(),
            verdict,
            report,
            convention,
        }
    }
}

impl Serialize for PortfolioEntry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("PortfolioEntry", 3)?;
        s.serialize_field("source", &self.source)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("report", &self.report)?;
        s.end()
    }
}

/// How a portfolio is validated: on how many threads, up to how many documents, and who hears
/// of the progress.
///
/// ```
/// use ctg_core::portfolio::Options;
/// use ctg_core::{Portfolio, Validator};
/// use std::sync::atomic::{AtomicUsize, Ordering};
///
/// let done = AtomicUsize::new(0);
/// let progress = |n: usize, _total: usize| { done.fetch_max(n, Ordering::Relaxed); };
/// let options = Options::new().threads(2).progress(&progress);
/// let docs = vec![("a", "{}"), ("b", "[]"), ("c", "1")];
/// let p = Portfolio::validate_with(&Validator::new(), docs, &options);
/// assert_eq!(p.len(), 3);
/// assert_eq!(done.load(Ordering::Relaxed), 3);
/// ```
#[derive(Clone, Copy)]
pub struct Options<'p> {
    threads: Option<usize>,
    max_documents: usize,
    progress: Option<&'p (dyn Fn(usize, usize) + Sync)>,
}

impl std::fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("threads", &self.threads)
            .field("max_documents", &self.max_documents)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            threads: None,
            max_documents: MAX_DOCUMENTS,
            progress: None,
        }
    }
}

impl<'p> Options<'p> {
    /// The default: as many threads as the machine offers, [`MAX_DOCUMENTS`], no progress.
    ///
    /// ```
    /// assert_eq!(ctg_core::portfolio::Options::new().get_max_documents(), 100_000);
    /// ```
    pub fn new() -> Options<'p> {
        Options::default()
    }

    /// Validate on `threads` threads (at least 1; 1 validates on the calling thread). Without
    /// it, `std::thread::available_parallelism`. WebAssembly always uses the calling thread.
    ///
    /// ```
    /// let one = ctg_core::portfolio::Options::new().threads(1);
    /// assert_eq!(one.get_threads(), 1);
    /// ```
    pub fn threads(mut self, threads: usize) -> Options<'p> {
        self.threads = Some(threads.max(1));
        self
    }

    /// The number of threads validation will use at most.
    ///
    /// ```
    /// assert!(ctg_core::portfolio::Options::new().get_threads() >= 1);
    /// ```
    pub fn get_threads(&self) -> usize {
        if cfg!(target_family = "wasm") {
            return 1;
        }
        self.threads.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(usize::from)
                .unwrap_or(1)
        })
    }

    /// Validate at most `max` documents; past them, one entry says how many there were
    /// (`input.too_large`, unit `documents`).
    ///
    /// ```
    /// use ctg_core::portfolio::Options;
    /// use ctg_core::{Portfolio, Validator};
    /// let docs = ["{}"; 5].iter().enumerate().map(|(i, d)| (format!("doc {i}"), *d));
    /// let p = Portfolio::validate_with(&Validator::new(), docs, &Options::new().max_documents(3));
    /// assert_eq!(p.len(), 4);
    /// let last = &p.entries()[3];
    /// assert_eq!(last.source(), "doc 3");
    /// assert_eq!(last.report().issues()[0].code.as_str(), "input.too_large");
    /// assert_eq!(last.report().issues()[0].message(ctg_core::Lang::En),
    ///            "input too large: more than 3 documents (the limit can be raised)");
    /// ```
    pub fn max_documents(mut self, max: usize) -> Options<'p> {
        self.max_documents = max;
        self
    }

    /// The most documents validated.
    ///
    /// ```
    /// assert_eq!(ctg_core::portfolio::Options::new().max_documents(7).get_max_documents(), 7);
    /// ```
    pub fn get_max_documents(&self) -> usize {
        self.max_documents
    }

    /// Call `progress(done, total)` after each document is validated (from the validating
    /// threads, in no particular order; `done` grows from 1 to `total`).
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// let calls = AtomicUsize::new(0);
    /// let count = |_: usize, _: usize| { calls.fetch_add(1, Ordering::Relaxed); };
    /// let options = ctg_core::portfolio::Options::new().progress(&count);
    /// ctg_core::Portfolio::validate_with(&ctg_core::Validator::new(), [("a", "{}"), ("b", "{}")], &options);
    /// assert_eq!(calls.load(Ordering::Relaxed), 2);
    /// ```
    pub fn progress(mut self, progress: &'p (dyn Fn(usize, usize) + Sync)) -> Options<'p> {
        self.progress = Some(progress);
        self
    }
}

/// The documents of a JSON Lines text: `(line number from 1, the line's bytes)`, without the line
/// ends (`\n` or `\r\n`) and without a leading byte-order mark; blank lines (spaces only) are no
/// documents and are skipped, so the numbers are those of the text's lines.
///
/// ```
/// let lines: Vec<(usize, &[u8])> = ctg_core::portfolio::json_lines(b"{}\r\n\n  \n[1]").collect();
/// assert_eq!(lines, [(1, &b"{}"[..]), (4, &b"[1]"[..])]);
/// ```
pub fn json_lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> + '_ {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.strip_suffix(b"\r").unwrap_or(line)))
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
}

/// Many conventions at once: one entry per document, valid or not, in input order.
///
/// ```
/// use ctg_core::{Convention, Portfolio, Validator};
/// let sample = Convention::sample().to_json();
/// let portfolio = Portfolio::validate(&Validator::new(), [("thore.json", sample.as_str()), ("empty.json", "{}")]);
/// assert_eq!(portfolio.len(), 2);
/// assert_eq!(portfolio.counts().valid, 1);
/// assert_eq!(portfolio.valid().count(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    entries: Vec<PortfolioEntry>,
    /// The threads it was validated on ([`Options::threads`]): the most that free it ([`free`]).
    threads: Option<usize>,
}

/// A portfolio's conventions, reports and sources are many small blocks of memory (a national
/// portfolio: about 400 000); freeing them is a fifth of the time validation took. A portfolio
/// validated on several threads is freed on as many, before `drop` returns (natively).
impl Drop for Portfolio {
    fn drop(&mut self) {
        free(std::mem::take(&mut self.entries), self.threads);
    }
}

impl Portfolio {
    /// Validates every document — `(source, JSON bytes)` — with `validator` (its limits and its
    /// gazetteer), in parallel on native targets, and keeps them all in their order.
    ///
    /// ```
    /// use ctg_core::{Convention, Portfolio, Validator};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let docs = vec![("thore.json".to_string(), Convention::sample().to_json().into_bytes())];
    /// let portfolio = Portfolio::validate(&Validator::new().gazetteer(geo), docs);
    /// // With the geography: the two communes outside the CC are informations.
    /// assert_eq!(portfolio.entries()[0].report().infos().count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate<S, B>(
        validator: &Validator<'_>,
        documents: impl IntoIterator<Item = (S, B)>,
    ) -> Portfolio
    where
        S: Into<String>,
        B: AsRef<[u8]> + Sync,
    {
        Portfolio::validate_with(validator, documents, &Options::default())
    }

    /// [`validate`](Self::validate) with [`Options`]: threads, the most documents, progress.
    ///
    /// ```
    /// use ctg_core::portfolio::Options;
    /// use ctg_core::{Portfolio, Validator};
    /// let docs: Vec<(String, String)> = (0..10).map(|i| (format!("{i}"), format!("[{i}]"))).collect();
    /// let one = Portfolio::validate_with(&Validator::new(), docs.clone(), &Options::new().threads(1));
    /// let two = Portfolio::validate_with(&Validator::new(), docs, &Options::new().threads(2));
    /// let sources = |p: &Portfolio| p.entries().iter().map(|e| e.source().to_owned()).collect::<Vec<_>>();
    /// assert_eq!(sources(&one), sources(&two)); // the same order, whatever the threads
    /// ```
    pub fn validate_with<S, B>(
        validator: &Validator<'_>,
        documents: impl IntoIterator<Item = (S, B)>,
        options: &Options<'_>,
    ) -> Portfolio
    where
        S: Into<String>,
        B: AsRef<[u8]> + Sync,
    {
        let mut documents = documents.into_iter();
        let mut sources = Vec::new();
        let mut bytes = Vec::new();
        for (source, doc) in documents.by_ref().take(options.max_documents) {
            sources.push(source.into());
            bytes.push(doc);
        }
        let validations = run(&bytes, options, |doc| {
            validator.validate_slice(doc.as_ref())
        });
        let mut entries: Vec<PortfolioEntry> = sources
            .into_iter()
            .zip(validations)
            .map(|(source, validation)| PortfolioEntry::new(source, validation))
            .collect();
        if let Some((source, _)) = documents.next() {
            let size = options.max_documents + 1 + documents.count();
            let issue = Issue::new(
                IssueCode::InputTooLarge,
                Path::root(),
                Params::new()
                    .with("size", size)
                    .with("limit", options.max_documents)
                    .with("unit", DOCUMENTS),
            );
            entries.push(PortfolioEntry {
                source: source.into(),
                verdict: Verdict::Unreadable,
                report: Report::from(vec![issue]),
                convention: None,
            });
        }
        Portfolio {
            entries,
            threads: options.threads,
        }
    }

    /// Validates the documents of a JSON Lines text, one a line ([`json_lines`]); each entry's
    /// source is `line N`. A line that is not JSON is an unreadable entry; blank lines are
    /// skipped.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}\n{");
    /// assert_eq!(p.entries()[1].source(), "line 2");
    /// assert_eq!(p.entries()[1].report().issues()[0].code.as_str(), "json.syntax");
    /// ```
    pub fn from_json_lines(validator: &Validator<'_>, bytes: &[u8]) -> Portfolio {
        Portfolio::from_json_lines_with(validator, bytes, &Options::default())
    }

    /// [`from_json_lines`](Self::from_json_lines) with [`Options`].
    ///
    /// ```
    /// use ctg_core::portfolio::Options;
    /// let p = ctg_core::Portfolio::from_json_lines_with(
    ///     &ctg_core::Validator::new(), b"{}\n{}\n{}", &Options::new().max_documents(2));
    /// assert_eq!(p.entries()[2].source(), "line 3");
    /// assert_eq!(p.entries()[2].report().issues()[0].code.as_str(), "input.too_large");
    /// ```
    pub fn from_json_lines_with(
        validator: &Validator<'_>,
        bytes: &[u8],
        options: &Options<'_>,
    ) -> Portfolio {
        let documents = json_lines(bytes).map(|(n, line)| (format!("line {n}"), line));
        Portfolio::validate_with(validator, documents, options)
    }

    /// A portfolio of these entries, in this order (to put together documents validated apart,
    /// and the unreadable ones, in the order a user named them).
    ///
    /// ```
    /// use ctg_core::portfolio::PortfolioEntry;
    /// use ctg_core::Portfolio;
    /// let p = Portfolio::from_entries(vec![PortfolioEntry::unreadable("gone.json", "not found")]);
    /// assert_eq!(p.counts().unreadable, 1);
    /// ```
    pub fn from_entries(entries: Vec<PortfolioEntry>) -> Portfolio {
        Portfolio {
            entries,
            threads: Some(1),
        }
    }

    /// Every entry, in input order.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}\n[]");
    /// assert_eq!(p.entries().len(), 2);
    /// ```
    pub fn entries(&self) -> &[PortfolioEntry] {
        &self.entries
    }

    /// The entries.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}");
    /// assert_eq!(p.into_entries().len(), 1);
    /// ```
    pub fn into_entries(mut self) -> Vec<PortfolioEntry> {
        std::mem::take(&mut self.entries)
    }

    /// The number of entries.
    ///
    /// ```
    /// assert_eq!(ctg_core::Portfolio::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    ///
    /// ```
    /// assert!(ctg_core::Portfolio::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The valid conventions, with their entries, in input order.
    ///
    /// ```
    /// let text = ctg_core::Convention::sample().to_json();
    /// let lines = format!("{text}\n{{}}\n{text}");
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), lines.as_bytes());
    /// let sources: Vec<&str> = p.valid().map(|(entry, _)| entry.source()).collect();
    /// assert_eq!(sources, ["line 1", "line 3"]);
    /// ```
    pub fn valid(&self) -> impl Iterator<Item = (&PortfolioEntry, &Convention)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| Some((e, e.convention.as_ref()?)))
    }

    /// How many documents are valid, invalid, unreadable.
    ///
    /// ```
    /// let p = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}\n{");
    /// let counts = p.counts();
    /// assert_eq!((counts.documents, counts.valid, counts.invalid, counts.unreadable), (2, 0, 1, 1));
    /// assert_eq!(counts.not_valid(), 2);
    /// ```
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            documents: self.entries.len(),
            ..Counts::default()
        };
        for entry in &self.entries {
            match entry.verdict {
                Verdict::Valid => counts.valid += 1,
                Verdict::Invalid => counts.invalid += 1,
                Verdict::Unreadable => counts.unreadable += 1,
            }
        }
        counts
    }
}

/// Runs `f` on every item, on up to `options.get_threads()` threads (each takes the next item
/// not taken yet, so that large and small documents even out), and gives the results in the
/// items' order.
#[cfg(not(target_family = "wasm"))]
fn run<T: Sync, R: Send>(items: &[T], options: &Options<'_>, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};

    let total = items.len();
    // The machine's threads are asked for only when there is more than one item: the question
    // reads the system's CPU quotas, tens of microseconds.
    let threads = if total > 1 {
        options.get_threads().min(total)
    } else {
        1
    };
    let done = AtomicUsize::new(0);
    let step = |item: &T| {
        let result = f(item);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(progress) = options.progress {
            progress(n, total);
        }
        result
    };
    if threads <= 1 {
        return items.iter().map(step).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return mine;
            };
            mine.push((i, step(item)));
        }
    };
    let parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut parts = vec![work()];
        for handle in handles {
            match handle.join() {
                Ok(part) => parts.push(part),
                // Validation never panics; if it ever did, the panic goes on as it would have
                // on one thread.
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        parts
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(total).collect();
    for (i, result) in parts.into_iter().flatten() {
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(result);
        }
    }
    slots.into_iter().flatten().collect()
}

/// Drops `items`, split among up to `threads` threads ([`Options::threads`]: `None` is the
/// machine's) when there are enough of them for it to pay (each thread frees at least
/// [`FREE_PER_THREAD`]); returns once all are dropped. A thread that cannot be started leaves its
/// part to the calling thread.
#[cfg(not(target_family = "wasm"))]
fn free<T: Send>(mut items: Vec<T>, threads: Option<usize>) {
    if items.len() < 2 * FREE_PER_THREAD {
        return;
    }
    let threads = Options {
        threads,
        ..Options::new()
    }
    .get_threads()
    .min(items.len() / FREE_PER_THREAD);
    if threads <= 1 {
        return;
    }
    let per_thread = items.len().div_ceil(threads);
    let mut parts = Vec::with_capacity(threads);
    while items.len() > per_thread {
        parts.push(items.split_off(items.len() - per_thread));
    }
    std::thread::scope(|scope| {
        for part in parts {
            // On failure the closure, and so the part, is dropped here.
            let _ = std::thread::Builder::new().spawn_scoped(scope, move || drop(part));
        }
        drop(items);
    });
}

/// The fewest items a thread of [`free`] is started for: below it, starting a thread (tens of
/// microseconds) costs more than it saves.
#[cfg(not(target_family = "wasm"))]
const FREE_PER_THREAD: usize = 64;

/// WebAssembly has no threads: everything is freed on the calling thread.
#[cfg(target_family = "wasm")]
fn free<T>(items: Vec<T>, _threads: Option<usize>) {
    drop(items);
}

/// WebAssembly has no threads: every item on the calling thread.
#[cfg(target_family = "wasm")]
fn run<T: Sync, R: Send>(items: &[T], options: &Options<'_>, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let total = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let result = f(item);
            if let Some(progress) = options.progress {
                progress(i + 1, total);
            }
            result
        })
        .collect()
}

#[cfg(all(test, not(target_family = "wasm")))]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    use std::thread::ThreadId;

    /// Counts its drops, and the threads they happened on.
    struct Counted<'a>(&'a AtomicUsize, &'a Mutex<Vec<ThreadId>>);

    impl Drop for Counted<'_> {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::Relaxed);
            let mut threads = self.1.lock().unwrap_or_else(|e| e.into_inner());
            let id = std::thread::current().id();
            if !threads.contains(&id) {
                threads.push(id);
            }
        }
    }

    fn freed(items: usize, threads: Option<usize>) -> (usize, usize) {
        let (drops, ids) = (AtomicUsize::new(0), Mutex::new(Vec::new()));
        free((0..items).map(|_| Counted(&drops, &ids)).collect(), threads);
        let ids = ids.into_inner().unwrap_or_else(|e| e.into_inner());
        (drops.into_inner(), ids.len())
    }

    #[test]
    fn free_drops_every_item_once_on_the_threads_it_may_use() {
        // Enough items: one part per thread, every item dropped once, before `free` returns.
        assert_eq!(freed(1_000, Some(2)), (1_000, 2));
        assert_eq!(freed(1_001, Some(3)), (1_001, 3));
        // Too few to pay for a thread, or one thread allowed: the calling thread only.
        let few = FREE_PER_THREAD * 2 - 1;
        assert_eq!(freed(few, Some(2)), (few, 1));
        assert_eq!(freed(1_000, Some(1)), (1_000, 1));
        assert_eq!(freed(0, Some(4)), (0, 0));
        // The machine's threads, whatever their number: every item once.
        assert_eq!(freed(1_000, None).0, 1_000);
    }

    #[test]
    fn a_portfolio_validated_on_threads_keeps_its_entries_until_dropped() {
        let docs: Vec<(String, String)> = (0..300).map(|i| (format!("{i}"), "{}".into())).collect();
        let portfolio =
            Portfolio::validate_with(&Validator::new(), docs, &Options::new().threads(2));
        assert_eq!(portfolio.threads, Some(2));
        let copy = portfolio.clone();
        drop(portfolio);
        // The clone is whole after the original was freed on two threads.
        assert_eq!(copy.len(), 300);
        let entries = copy.into_entries();
        assert_eq!(entries.len(), 300);
        assert_eq!(entries[299].source(), "299");
    }
}
