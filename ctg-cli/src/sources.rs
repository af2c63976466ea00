//! What the user names on the command line, turned into documents: files, folders, patterns,
//! JSON Lines files.
//!
//! - A **file** is one JSON document, or, when its name ends in `.jsonl` or `.ndjson`, one
//!   document a line.
//! - A **folder** gives its `*.json`, `*.jsonl` and `*.ndjson` files (not those whose name starts
//!   with a dot), sorted by name; its subfolders too with `--recursive`.
//! - A **pattern** (a path with `*`, `?` or `[…]` that names no file) gives the files it
//!   matches, sorted: `*` and `?` do not cross a `/`; `**` is `*`. Shells expand patterns
//!   themselves; this is for quoted patterns and shells that do not.
//!
//! Something that gives no document — a missing file, a folder without documents, a pattern that
//! matches nothing — is an unreadable entry of the portfolio, never silently nothing.

use std::path::{Path, PathBuf};

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A JSON document.
    Json(PathBuf),
    /// A JSON Lines file.
    Lines(PathBuf),
    /// Nothing to read: what was named, and why.
    Nothing(String, String),
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

fn source_of(path: PathBuf) -> Source {
    if is_lines(&path) {
        Source::Lines(path)
    } else {
        Source::Json(path)
    }
}

/// Whether a path is written as a pattern.
fn has_pattern(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// Everything `paths` names, in order.
pub fn expand(paths: &[PathBuf], recursive: bool) -> Vec<Source> {
    let mut out = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = out.len();
                folder(path, recursive, &mut out);
                if out.len() == before {
                    out.push(Source::Nothing(
                        name,
                        "no .json, .jsonl or .ndjson file in this folder".to_owned(),
                    ));
                }
            }
            Ok(_) => out.push(source_of(path.clone())),
            Err(_) if has_pattern(&name) => {
                let matches = glob(&name);
                if matches.is_empty() {
                    out.push(Source::Nothing(
                        name,
                        "no file matches this pattern".to_owned(),
                    ));
                }
                out.extend(matches.into_iter().map(source_of));
            }
            Err(error) => out.push(Source::Nothing(name, error.to_string())),
        }
    }
    out
}

/// The documents of a folder, sorted by name; its subfolders' after its files when `recursive`.
fn folder(dir: &Path, recursive: bool, out: &mut Vec<Source>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        out.push(Source::Nothing(
            dir.display().to_string(),
            "the folder cannot be read".to_owned(),
        ));
        return;
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
    out.extend(files.into_iter().map(source_of));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, name: &str) -> bool {
        let p: Vec<char> = pattern.chars().collect();
        let n: Vec<char> = name.chars().collect();
        matches(&p, &n)
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
        assert!(matches!(&none[..], [Source::Nothing(_, why)] if why.contains("no file matches")));
        let missing = expand(&[root.join("nope.json")], false);
        assert!(matches!(&missing[..], [Source::Nothing(..)]));
        let lines = expand(&[PathBuf::from("x.JSONL")], false);
        assert!(matches!(&lines[..], [Source::Nothing(..)]));
        assert!(is_lines(Path::new("national.jsonl")) && is_lines(Path::new("a.NDJSON")));
    }
}
