//! What a user names — files, folders, patterns, JSON Lines files — turned into a portfolio's
//! documents: the one rule the `ctg` command and the bindings follow (native targets only:
//! WebAssembly reads no file).
//!
//! - A **file** is one JSON document, or, when its name ends in `.jsonl` or `.ndjson` (in any
//!   case), one document a line, each named `PATH:N` (blank lines are no documents).
//! - A **folder** gives its `*.json`, `*.jsonl` and `*.ndjson` files (not those whose name starts
//!   with a dot), sorted by name; with `recursive`, its subfolders' (not those starting with a
//!   dot) after them, each sorted the same way.
//! - A **pattern** — a path with `*`, `?` or `[…]` that names no file — gives the files it
//!   matches, sorted: `*` and `?` do not cross a `/` and do not match a leading dot; `[abc]`,
//!   `[a-z]`, `[!abc]` one of (or none of) a set; `**` is `*`. Shells expand patterns
//!   themselves; this is for quoted patterns, shells that do not, and the bindings.
//!
//! A JSON file is read up to [`Limits::max_bytes`](crate::Limits) (a larger one is
//! `input.too_large`), a JSON Lines file up to [`MAX_JSON_LINES_BYTES`] (1 GiB; a larger one is
//! `input.lines_too_large`). A name that gives no document is an unreadable entry of the
//! portfolio, never silently nothing: `input.no_match` (a pattern that matches no file),
//! `input.empty_folder` (a folder without documents), `input.unreadable` (a file or folder that
//! cannot be read, with the system's reason).
//!
//! ```
//! use ctg_core::portfolio::{Options, Verdict};
//! use ctg_core::{Convention, Portfolio, Validator};
//!
//! let dir = std::env::temp_dir().join(format!("ctg-sources-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("thore.json"), Convention::sample().to_json())?;
//! std::fs::write(dir.join("more.jsonl"), "{}\n\nnot json\n")?;
//! std::fs::write(dir.join(".draft.json"), "{")?; // starts with a dot: not read
//!
//! let named = [dir.clone(), dir.join("*.xml")];
//! let portfolio = Portfolio::load(&Validator::new(), &named, false, &Options::new());
//! let sources: Vec<String> = portfolio.entries().iter()
//!     .map(|e| e.source().strip_prefix(dir.to_str().unwrap()).unwrap().to_owned())
//!     .collect();
//! assert_eq!(sources, ["/more.jsonl:1", "/more.jsonl:3", "/thore.json", "/*.xml"]);
//! let verdicts: Vec<Verdict> = portfolio.entries().iter().map(|e| e.verdict()).collect();
//! assert_eq!(verdicts, [Verdict::Invalid, Verdict::Unreadable, Verdict::Valid, Verdict::Unreadable]);
//! let nothing = &portfolio.entries()[3].report().issues()[0];
//! assert_eq!(nothing.code.as_str(), "input.no_match");
//! assert_eq!(nothing.message(ctg_core::Lang::Fr), "aucun fichier ne correspond à ce motif");
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```

use std::path::{Path, PathBuf};

use super::{Options, Portfolio, PortfolioEntry};
use crate::{Issue, IssueCode, Params, Validation, Validator};

/// The largest JSON Lines file read: 1 GiB. A larger one is one unreadable entry,
/// `input.lines_too_large`, and none of its lines is read.
///
/// ```
/// assert_eq!(ctg_core::portfolio::sources::MAX_JSON_LINES_BYTES, 1 << 30);
/// ```
pub const MAX_JSON_LINES_BYTES: u64 = 1 << 30;

/// One thing a name gives, in the order [`expand`] gives them.
///
/// ```
/// use ctg_core::portfolio::sources::Source;
/// assert_eq!(Source::file("a.json"), Source::Json("a.json".into()));
/// assert_eq!(Source::file("national.NDJSON"), Source::Lines("national.NDJSON".into()));
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Source {
    /// A JSON file: one document.
    Json(PathBuf),
    /// A JSON Lines file: one document a line, named `PATH:N`.
    Lines(PathBuf),
    /// Nothing to read: the unreadable entry of the name, saying why.
    Nothing(Box<PortfolioEntry>),
}

impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Json(a), Source::Json(b)) | (Source::Lines(a), Source::Lines(b)) => a == b,
            (Source::Nothing(a), Source::Nothing(b)) => {
                a.source() == b.source() && a.report() == b.report()
            }
            _ => false,
        }
    }
}

impl Source {
    /// A file: JSON Lines when its name ends in `.jsonl` or `.ndjson` (in any case), JSON
    /// otherwise. The file need not exist (reading it says whether it does).
    ///
    /// ```
    /// use ctg_core::portfolio::sources::Source;
    /// assert!(matches!(Source::file("data/2024.jsonl"), Source::Lines(_)));
    /// assert!(matches!(Source::file("data/thore.JSON"), Source::Json(_)));
    /// ```
    pub fn file(path: impl Into<PathBuf>) -> Source {
        let path = path.into();
        if is_lines(&path) {
            Source::Lines(path)
        } else {
            Source::Json(path)
        }
    }

    /// The entry of `name`, which gives no document, with this issue.
    fn nothing(name: impl Into<String>, issue: Issue) -> Source {
        Source::Nothing(Box::new(PortfolioEntry::of_issue(name, issue)))
    }
}

/// An issue without parameters, at the root.
fn issue(code: IssueCode) -> Issue {
    Issue::new(code, crate::Path::root(), Params::new())
}

/// `input.unreadable` with the system's reason.
fn unreadable(error: &std::io::Error) -> Issue {
    Issue::new(
        IssueCode::InputUnreadable,
        crate::Path::root(),
        Params::new().with("detail", error.to_string()),
    )
}

/// Whether a file name is a JSON Lines file's.
fn is_lines(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Whether a file of a folder is a document.
fn is_document(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|n| n.starts_with('.'));
    let json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    !hidden && (json || is_lines(path))
}

/// Whether a path is written as a pattern.
fn has_pattern(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// Everything `paths` name, in order (see the [module](self)): a file, the documents of a
/// folder, the files a pattern matches, or the entry of a name that gives nothing. Nothing is
/// read yet.
///
/// ```
/// use ctg_core::portfolio::sources::{expand, Source};
/// let missing = expand(&["/nonexistent/ctg.json"], false);
/// let [Source::Nothing(entry)] = &missing[..] else { panic!("{missing:?}") };
/// assert_eq!(entry.source(), "/nonexistent/ctg.json");
/// assert_eq!(entry.report().issues()[0].code.as_str(), "input.unreadable");
/// ```
pub fn expand<P: AsRef<Path>>(paths: &[P], recursive: bool) -> Vec<Source> {
    let mut out = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let name = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = out.len();
                folder(path, recursive, &mut out);
                if out.len() == before {
                    out.push(Source::nothing(name, issue(IssueCode::InputEmptyFolder)));
                }
            }
            Ok(_) => out.push(Source::file(path)),
            Err(_) if has_pattern(&name) => {
                let matches = glob(&name);
                if matches.is_empty() {
                    out.push(Source::nothing(name, issue(IssueCode::InputNoMatch)));
                }
                out.extend(matches.into_iter().map(Source::file));
            }
            Err(error) => out.push(Source::nothing(name, unreadable(&error))),
        }
    }
    out
}

/// The documents of a folder, sorted by name; its subfolders' after its files when `recursive`.
fn folder(dir: &Path, recursive: bool, out: &mut Vec<Source>) {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(error) => {
            out.push(Source::nothing(
                dir.display().to_string(),
                unreadable(&error),
            ));
            return;
        }
    };
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in read.flatten() {
        let path = entry.path();
        let hidden = entry
            .file_name()
            .to_str()
            .is_none_or(|n| n.starts_with('.'));
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() && recursive && !hidden => dirs.push(path),
            Ok(meta) if meta.is_dir() => {}
            Ok(_) if is_document(&path) => files.push(path),
            _ => {}
        }
    }
    files.sort();
    dirs.sort();
    out.extend(files.into_iter().map(Source::file));
    for sub in dirs {
        folder(&sub, true, out);
    }
}

/// The files a pattern matches, sorted.
fn glob(pattern: &str) -> Vec<PathBuf> {
    let absolute = pattern.starts_with('/');
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    let start = if absolute {
        PathBuf::from("/")
    } else {
        PathBuf::new()
    };
    let mut found = Vec::new();
    walk(start, &parts, &mut found);
    found.sort();
    found
}

/// Follows the pattern's parts from `at`.
fn walk(at: PathBuf, parts: &[&str], found: &mut Vec<PathBuf>) {
    let Some((part, rest)) = parts.split_first() else {
        if std::fs::metadata(&at).is_ok_and(|m| m.is_file()) {
            found.push(at);
        }
        return;
    };
    if !has_pattern(part) {
        walk(at.join(part), rest, found);
        return;
    }
    let dir = if at.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        at.clone()
    };
    let Ok(read) = std::fs::read_dir(&dir) else {
        return;
    };
    let pattern: Vec<char> = part.chars().collect();
    for entry in read.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        // As shells do, `*` does not match a leading dot.
        if name.starts_with('.') && !part.starts_with('.') {
            continue;
        }
        let name_chars: Vec<char> = name.chars().collect();
        if matches(&pattern, &name_chars) {
            walk(at.join(name), rest, found);
        }
    }
}

/// Whether `name` matches `pattern`: `*` any run of characters, `?` one character, `[abc]`,
/// `[a-z]`, `[!abc]` one of (or none of) a set.
fn matches(pattern: &[char], name: &[char]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some(('*', rest)) => (0..=name.len()).any(|i| matches(rest, name.get(i..).unwrap_or(&[]))),
        Some(('?', rest)) => name
            .split_first()
            .is_some_and(|(_, name)| matches(rest, name)),
        Some(('[', rest)) => {
            let Some(close) = rest.iter().skip(1).position(|&c| c == ']').map(|i| i + 1) else {
                return name.first() == Some(&'[') && matches(rest, name.get(1..).unwrap_or(&[]));
            };
            let (set, after) = rest.split_at(close);
            let after = after.get(1..).unwrap_or(&[]);
            let (negated, set) = match set.split_first() {
                Some(('!' | '^', set)) => (true, set),
                _ => (false, set),
            };
            let Some((&c, name)) = name.split_first() else {
                return false;
            };
            let mut inside = false;
            let mut i = 0;
            while let Some(&first) = set.get(i) {
                if set.get(i + 1) == Some(&'-') && set.get(i + 2).is_some() {
                    let last = set.get(i + 2).copied().unwrap_or(first);
                    inside |= first <= c && c <= last;
                    i += 3;
                } else {
                    inside |= first == c;
                    i += 1;
                }
            }
            inside != negated && matches(after, name)
        }
        Some((&p, rest)) => name
            .split_first()
            .is_some_and(|(&c, name)| c == p && matches(rest, name)),
    }
}

/// Reads a file, at most `limit` bytes and one more (so that a file over the limit is known to
/// be without being read whole).
fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads a file as `lines` says: a JSON file up to `max_bytes` and one byte more (validation
/// then says `input.too_large` of a larger one), a JSON Lines file up to
/// [`MAX_JSON_LINES_BYTES`]. The issue of a file that cannot be read (`input.unreadable`, with
/// the system's reason) or of a JSON Lines file too large (`input.lines_too_large`).
///
/// ```
/// use ctg_core::portfolio::sources::read;
/// let issue = read("/nonexistent/ctg.jsonl".as_ref(), true, 1024).unwrap_err();
/// assert_eq!(issue.code.as_str(), "input.unreadable");
/// ```
pub fn read(path: &Path, lines: bool, max_bytes: usize) -> Result<Vec<u8>, Issue> {
    let limit = if lines {
        MAX_JSON_LINES_BYTES
    } else {
        u64::try_from(max_bytes).unwrap_or(u64::MAX)
    };
    match read_at_most(path, limit) {
        Ok(bytes) if lines && bytes.len() as u64 > limit => {
            Err(issue(IssueCode::InputLinesTooLarge))
        }
        Ok(bytes) => Ok(bytes),
        Err(error) => Err(unreadable(&error)),
    }
}

/// One thing to put in a portfolio, in order ([`Portfolio::from_inputs`]): bytes in memory,
/// files, host values, entries already made.
///
/// ```
/// use ctg_core::portfolio::sources::Input;
/// let inputs = vec![
///     Input::Json("a".into(), b"{}"),
///     Input::JsonLines(b"{}\n[]"),
///     Input::File("b".into(), "/nonexistent/b.jsonl".into()),
/// ];
/// let p = ctg_core::Portfolio::from_inputs(&ctg_core::Validator::new(), inputs, &Default::default());
/// let sources: Vec<&str> = p.entries().iter().map(|e| e.source()).collect();
/// assert_eq!(sources, ["a", "line 1", "line 2", "b"]);
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Input<'a> {
    /// One JSON document: its source and its bytes.
    Json(String, &'a [u8]),
    /// JSON Lines text: one document a line, named `line N`.
    JsonLines(&'a [u8]),
    /// A file, named `source`: one JSON document, or, when the path's name ends in `.jsonl` or
    /// `.ndjson`, one a line named `SOURCE:N`. Read as [`read`] says.
    File(String, PathBuf),
    /// A JSON Lines file whatever its name: one document a line, named `line N`. Read up to
    /// [`MAX_JSON_LINES_BYTES`]; when it cannot be read, one entry named by the path.
    JsonLinesFile(PathBuf),
    /// A host value (a binding's dict, object…): its source and its tree, already read (with
    /// the host's lock, if it has one); the host values are validated together, on the
    /// [`Options`]' threads, before the texts.
    Host(String, &'a crate::input::Value),
    /// An entry already made (a name that gave nothing).
    Entry(Box<PortfolioEntry>),
}

impl<'a> From<Source> for Input<'a> {
    /// A file named by its path, or the entry of a name that gave nothing.
    fn from(source: Source) -> Input<'a> {
        match source {
            Source::Json(path) | Source::Lines(path) => {
                Input::File(path.display().to_string(), path)
            }
            Source::Nothing(entry) => Input::Entry(entry),
        }
    }
}

/// What an input gave: documents validated together, or an entry already made.
enum Slot {
    Documents(usize),
    /// The host value at this index of the host values, validated together.
    Host(String, usize),
    Entry(Box<PortfolioEntry>),
}

impl Portfolio {
    /// Reads and validates every document `paths` name — files, folders, patterns, JSON Lines
    /// files, as the [`sources`](self) module says — with `validator` and `options`, in the
    /// order named. The `ctg` command's `validate` and `report` and the bindings'
    /// `load_portfolio` are this.
    ///
    /// ```
    /// use ctg_core::portfolio::Options;
    /// use ctg_core::{Portfolio, Validator};
    /// let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    /// let p = Portfolio::load(&Validator::new(), &[&fixtures], true, &Options::new().threads(2));
    /// assert_eq!(p.counts().valid, 6); // five files, and one in a subfolder
    /// assert!(p.entries()[5].source().ends_with("illustrative/tarn-agout-2019-2022.json"));
    /// ```
    pub fn load<P: AsRef<Path>>(
        validator: &Validator<'_>,
        paths: &[P],
        recursive: bool,
        options: &Options<'_>,
    ) -> Portfolio {
        let inputs: Vec<Input<'_>> = expand(paths, recursive)
            .into_iter()
            .map(Input::from)
            .collect();
        Portfolio::from_inputs(validator, inputs, options)
    }

    /// Validates `inputs` into one portfolio, in their order: files are read first ([`read`]),
    /// host values are validated together on the options' threads, then every text, file and
    /// line together ([`Portfolio::validate_with`]: its threads, its limit on documents and its
    /// progress, which count neither host values nor entries already made).
    ///
    /// ```
    /// use ctg_core::portfolio::sources::Input;
    /// use ctg_core::portfolio::{Options, PortfolioEntry};
    /// use ctg_core::{Portfolio, Validator};
    /// let inputs = vec![
    ///     Input::Entry(Box::new(PortfolioEntry::unreadable("gone.json", "No such file"))),
    ///     Input::Json("x".into(), b"{"),
    /// ];
    /// let p = Portfolio::from_inputs(&Validator::new(), inputs, &Options::new());
    /// assert_eq!(p.counts().unreadable, 2);
    /// assert_eq!(p.entries()[1].source(), "x");
    /// ```
    pub fn from_inputs(
        validator: &Validator<'_>,
        inputs: Vec<Input<'_>>,
        options: &Options<'_>,
    ) -> Portfolio {
        let max_bytes = validator.get_limits().max_bytes;
        // Files first: read them all (their bytes are borrowed below).
        let files: Vec<Option<Result<Vec<u8>, Issue>>> = inputs
            .iter()
            .map(|input| match input {
                Input::File(_, path) => Some(read(path, is_lines(path), max_bytes)),
                Input::JsonLinesFile(path) => Some(read(path, true, max_bytes)),
                _ => None,
            })
            .collect();
        let mut documents: Vec<(String, &[u8])> = Vec::new();
        let mut hosts: Vec<&crate::input::Value> = Vec::new();
        let mut slots = Vec::with_capacity(inputs.len());
        for (input, file) in inputs.into_iter().zip(&files) {
            let before = documents.len();
            match (input, file) {
                (Input::Json(source, bytes), _) => documents.push((source, bytes)),
                (Input::JsonLines(bytes), _) => lines(bytes, None, &mut documents),
                (Input::File(source, path), Some(Ok(bytes))) => {
                    if is_lines(&path) {
                        lines(bytes, Some(&source), &mut documents);
                    } else {
                        documents.push((source, bytes));
                    }
                }
                (Input::JsonLinesFile(_), Some(Ok(bytes))) => lines(bytes, None, &mut documents),
                (Input::File(source, _), Some(Err(issue))) => {
                    let entry = PortfolioEntry::of_issue(source, issue.clone());
                    slots.push(Slot::Entry(Box::new(entry)));
                    continue;
                }
                (Input::JsonLinesFile(path), Some(Err(issue))) => {
                    let entry = PortfolioEntry::of_issue(path.display().to_string(), issue.clone());
                    slots.push(Slot::Entry(Box::new(entry)));
                    continue;
                }
                (Input::File(..) | Input::JsonLinesFile(_), None) => continue,
                (Input::Host(source, value), _) => {
                    slots.push(Slot::Host(source, hosts.len()));
                    hosts.push(value);
                    continue;
                }
                (Input::Entry(entry), _) => {
                    slots.push(Slot::Entry(entry));
                    continue;
                }
            }
            slots.push(Slot::Documents(documents.len() - before));
        }
        let host_options = Options {
            threads: options.threads,
            ..Options::new()
        };
        let mut host_validations: Vec<Option<Validation>> =
            super::run(&hosts, &host_options, |value| {
                validator.validate_host(value)
            })
            .into_iter()
            .map(Some)
            .collect();
        let validated = Portfolio::validate_with(validator, documents, options);
        let mut validated = validated.into_entries().into_iter();
        let mut entries = Vec::new();
        for slot in slots {
            match slot {
                Slot::Entry(entry) => entries.push(*entry),
                Slot::Documents(n) => entries.extend(validated.by_ref().take(n)),
                Slot::Host(source, i) => {
                    // Every index was given once, by the loop above.
                    if let Some(validation) = host_validations.get_mut(i).and_then(Option::take) {
                        entries.push(PortfolioEntry::new(source, validation));
                    }
                }
            }
        }
        // Past the most documents validated, one entry says how many there were.
        entries.extend(validated);
        Portfolio {
            entries,
            threads: options.threads,
        }
    }
}

/// The documents of JSON Lines text: sources `line N`, or `PREFIX:N` (the lines of a file).
fn lines<'a>(bytes: &'a [u8], prefix: Option<&str>, documents: &mut Vec<(String, &'a [u8])>) {
    for (n, line) in super::json_lines(bytes) {
        let name = match prefix {
            Some(prefix) => format!("{prefix}:{n}"),
            None => format!("line {n}"),
        };
        documents.push((name, line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_values_keep_their_place_on_any_number_of_threads() {
        use crate::input::{Key, Value};
        let hosts: Vec<Value> = (0..40)
            .map(|i| {
                if i % 3 == 0 {
                    Value::List(vec![])
                } else {
                    Value::Map(vec![(Key::Text("format_version".into()), Value::Int(i))])
                }
            })
            .collect();
        let texts: Vec<String> = (0..40).map(|i| format!("[{i}]")).collect();
        let portfolio = |threads: usize| {
            let mut inputs = Vec::new();
            for (i, (host, text)) in hosts.iter().zip(&texts).enumerate() {
                inputs.push(Input::Host(format!("host {i}"), host));
                inputs.push(Input::Json(format!("text {i}"), text.as_bytes()));
            }
            Portfolio::from_inputs(&Validator::new(), inputs, &Options::new().threads(threads))
        };
        let seen = |p: &Portfolio| {
            p.entries()
                .iter()
                .map(|e| {
                    let codes: Vec<&str> = e
                        .report()
                        .issues()
                        .iter()
                        .map(|i| i.code.as_str())
                        .collect();
                    format!("{}|{}", e.source(), codes.join(","))
                })
                .collect::<Vec<_>>()
        };
        let one = seen(&portfolio(1));
        assert_eq!(one.len(), 80);
        assert!(one[0].starts_with("host 0|"), "{}", one[0]);
        assert!(one[1].starts_with("text 0|"), "{}", one[1]);
        assert!(one[79].starts_with("text 39|"), "{}", one[79]);
        // A list and a map of the wrong version are told apart: the reports follow their value.
        assert_ne!(
            one[0].split_once('|').map(|x| x.1),
            one[2].split_once('|').map(|x| x.1)
        );
        assert_eq!(one, seen(&portfolio(2)));
        assert_eq!(one, seen(&portfolio(5)));
    }

    fn m(pattern: &str, name: &str) -> bool {
        let p: Vec<char> = pattern.chars().collect();
        let n: Vec<char> = name.chars().collect();
        matches(&p, &n)
    }

    fn code(source: &Source) -> &'static str {
        match source {
            Source::Nothing(entry) => entry.report().issues()[0].code.as_str(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn patterns_match_as_shells_do() {
        assert!(m("*.json", "a.json"));
        assert!(m("*.json", ".json"));
        assert!(!m("*.json", "a.jsonl"));
        assert!(m("*.json*", "a.jsonl"));
        assert!(m("t?rn-*.json", "tarn-agout.json"));
        assert!(!m("t?rn-*.json", "trn-agout.json"));
        assert!(m("[tq]*", "quercy.json"));
        assert!(!m("[!tq]*", "quercy.json"));
        assert!(m("20[0-9][0-9]", "2024"));
        assert!(!m("20[0-9][0-9]", "20x4"));
        assert!(m("a[b", "a[b"));
        assert!(m("**", "anything"));
        assert!(m("é*", "été.json"));
    }

    #[test]
    fn folders_give_their_documents_sorted() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        let sources = expand(std::slice::from_ref(&root), false);
        let names: Vec<String> = sources
            .iter()
            .map(|s| match s {
                Source::Json(p) => p.file_name().unwrap().to_string_lossy().into_owned(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            names,
            [
                "quercy-rouergue-gorges-aveyron-2022-2024.json",
                "saumur-loire-developpement-2023-2027.json",
                "tarn-agout-2023-2026.json",
                "terres-des-confluences-2023-2027.json",
                "thore-montagne-noire-2023-2025.json",
            ]
        );
        let deep = expand(&[root], true);
        assert_eq!(deep.len(), 6); // and illustrative/tarn-agout-2019-2022.json, after them
        assert!(
            matches!(&deep[5], Source::Json(p) if p.ends_with("illustrative/tarn-agout-2019-2022.json"))
        );
    }

    #[test]
    fn patterns_missing_files_and_empty_folders_give_nothing_with_a_reason() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests");
        let pattern = root.join("fixtures/t*-20*.json");
        let sources = expand(&[pattern], false);
        assert_eq!(sources.len(), 3, "{sources:?}"); // tarn-agout, terres, thore
        let none = expand(&[root.join("fixtures/*.xml")], false);
        assert_eq!(none.len(), 1);
        assert_eq!(code(&none[0]), "input.no_match");
        let missing = expand(&[root.join("nope.json")], false);
        assert_eq!(code(&missing[0]), "input.unreadable");
        let lines = expand(&["x.JSONL"], false);
        assert_eq!(code(&lines[0]), "input.unreadable");
        assert!(is_lines(Path::new("national.jsonl")) && is_lines(Path::new("a.NDJSON")));
        let empty = std::env::temp_dir().join(format!("ctg-core-empty-{}", std::process::id()));
        std::fs::create_dir_all(empty.join(".hidden")).unwrap();
        std::fs::write(empty.join("notes.txt"), "not a document").unwrap();
        let nothing = expand(&[&empty], true);
        assert_eq!(code(&nothing[0]), "input.empty_folder");
        std::fs::remove_dir_all(&empty).unwrap();
    }

    #[test]
    fn unreadable_entries_speak_french_and_english() {
        use crate::Lang;
        let entry = |source: Source| match source {
            Source::Nothing(entry) => entry,
            other => panic!("{other:?}"),
        };
        let folder = entry(Source::nothing("d", issue(IssueCode::InputEmptyFolder)));
        assert_eq!(folder.verdict(), super::super::Verdict::Unreadable);
        let issue = &folder.report().issues()[0];
        assert_eq!(
            issue.message(Lang::Fr),
            "aucun fichier .json, .jsonl ou .ndjson dans ce dossier"
        );
        assert_eq!(
            issue.message(Lang::En),
            "no .json, .jsonl or .ndjson file in this folder"
        );
        let large = entry(Source::nothing(
            "n.jsonl",
            super::issue(IssueCode::InputLinesTooLarge),
        ));
        assert_eq!(large.verdict(), super::super::Verdict::Unreadable);
    }

    #[test]
    fn files_keep_their_place_among_the_documents() {
        let dir = std::env::temp_dir().join(format!("ctg-core-order-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("b.jsonl"), "{}\n\n[]\n").unwrap();
        std::fs::write(dir.join("a.json"), "{").unwrap();
        let named = [dir.join("nope.json"), dir.clone(), dir.join("b.jsonl")];
        let p = Portfolio::load(&Validator::new(), &named, false, &Options::new().threads(2));
        let b = dir.join("b.jsonl").display().to_string();
        let sources: Vec<&str> = p.entries().iter().map(|e| e.source()).collect();
        let expected = [
            dir.join("nope.json").display().to_string(),
            dir.join("a.json").display().to_string(),
            format!("{b}:1"),
            format!("{b}:3"),
            format!("{b}:1"),
            format!("{b}:3"),
        ];
        assert_eq!(sources, expected);
        let lines = Portfolio::from_inputs(
            &Validator::new(),
            vec![Input::JsonLinesFile(dir.join("b.jsonl"))],
            &Options::new(),
        );
        let sources: Vec<&str> = lines.entries().iter().map(|e| e.source()).collect();
        assert_eq!(sources, ["line 1", "line 3"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
