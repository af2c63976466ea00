//! Lenient text matching: folding labels so that `"L'Accès aux droits"` and `"acces-aux-droits"`
//! compare equal.
//!
//! Crate-private: the vocabularies (`ThematicDomain`, and those declared with `vocabulary!`:
//! `FacilityKind`, `PartyKind`, `PartyRole`, `ActionStatus`, `GovernanceKind`) use it to read what
//! people type.

/// Folds a label for lenient comparison.
///
/// Lowercases, strips French diacritics (`àâäéèêëîïôöùûüÿç` and their capitals become base letters,
/// `œ`→`oe`, `æ`→`ae`; a few other common Latin accents too, and combining accents of decomposed input
/// are dropped), replaces every other non-alphanumeric character (apostrophes `’` `'`, hyphens,
/// underscores, slashes, dots, parentheses…) by a space, collapses runs of spaces and trims.
///
/// `fold("L’Accès aux droits")` is `"l acces aux droits"`; `fold("petite_enfance")` is
/// `"petite enfance"`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Whether a space is pending: written only before the next alphanumeric character, so runs
    // collapse and the result is trimmed.
    let mut pending_space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            continue;
        }
        let base: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ç' => "c",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            _ => "",
        };
        if !base.is_empty() {
            push_word_part(&mut out, &mut pending_space, base);
        } else if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            push_word_part(&mut out, &mut pending_space, c.encode_utf8(&mut buf));
        } else {
            pending_space = true;
        }
    }
    out
}

fn push_word_part(out: &mut String, pending_space: &mut bool, part: &str) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
    out.push_str(part);
}

/// Combining diacritical marks (U+0300–U+036F), as found in decomposed (NFD) input.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Little words ignored when matching vocabulary labels: French articles and prepositions, and
/// their English counterparts.
const STOPWORDS: &[&str] = &[
    "a", "au", "aux", "d", "de", "des", "du", "et", "l", "la", "le", "les", "and", "of", "the",
    "to",
];

/// The matching key of a vocabulary label: [`fold`], then drop the [`STOPWORDS`] and a plural `s`
/// at the end of words longer than three letters.
///
/// `key("L’accès aux droits et aux services")` is `"acce droit service"`, the same as
/// `key("acces droits services")`. Both sides of a comparison must go through `key`.
pub(crate) fn key(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ') {
        if word.is_empty() || STOPWORDS.contains(&word) {
            continue;
        }
        let word = if word.len() > 3 {
            word.strip_suffix('s').unwrap_or(word)
        } else {
            word
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A lookup table from matching keys ([`key`]) to vocabulary values.
pub(crate) type Index<T> = std::collections::HashMap<String, T>;

/// Builds the lookup table of a vocabulary from `(value, label)` pairs (codes, labels, aliases).
///
/// Labels whose key is empty are skipped. Also returns the keys claimed by two different values
/// (the first one wins): the vocabularies' tests check there are none.
pub(crate) fn build_index<T: PartialEq>(
    entries: impl IntoIterator<Item = (T, &'static str)>,
) -> (Index<T>, Vec<String>) {
    let mut index = Index::new();
    let mut conflicts = Vec::new();
    for (value, label) in entries {
        let k = key(label);
        if k.is_empty() {
            conflicts.push(format!("empty key for {label:?}"));
            continue;
        }
        match index.get(&k) {
            Some(existing) if *existing != value => conflicts.push(format!("{label:?} ({k:?})")),
            Some(_) => {}
            None => {
                index.insert(k, value);
            }
        }
    }
    (index, conflicts)
}

/// Keeps at most 32 characters of an offending input for an error message (31 and `…` when cut).
/// At most 64 characters of a value, with `…` when it was longer: how values as written appear
/// in issue parameters.
pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if s.chars().nth(64).is_some() {
        out.push('…');
    }
    out
}

pub(crate) fn truncate_input(s: &str) -> String {
    const MAX: usize = 32;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(MAX - 1).collect();
        out.push('…');
        out
    }
}

/// A text as the reader keeps it: without surrounding white space. The constructors and `with_…`
/// builders of the model use it, so a part made in code holds what the same part read from a
/// document holds (and a change made of it applies and inverts exactly).
pub(crate) fn tidy(s: impl Into<String>) -> String {
    let s = s.into();
    let trimmed = s.trim();
    if trimmed.len() == s.len() {
        s
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowercases_and_strips_accents() {
        assert_eq!(fold("Petite Enfance"), "petite enfance");
        assert_eq!(fold("Parentalité"), "parentalite");
        assert_eq!(fold("ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ"), "aaaeeeeiioouuuyc");
        assert_eq!(fold("àâäéèêëîïôöùûüÿç"), "aaaeeeeiioouuuyc");
        assert_eq!(fold("Œuvre cœur Æ æ"), "oeuvre coeur ae ae");
    }

    #[test]
    fn fold_replaces_punctuation_by_single_spaces() {
        assert_eq!(fold("L’Accès aux droits"), "l acces aux droits");
        assert_eq!(fold("L'accès"), "l acces");
        assert_eq!(fold("petite-enfance"), "petite enfance");
        assert_eq!(fold("petite_enfance"), "petite enfance");
        assert_eq!(fold("  St.-Amans / Albine  "), "st amans albine");
        assert_eq!(fold("EAJE (crèche)"), "eaje creche");
        assert_eq!(fold("a\u{a0}\u{202f}\tb"), "a b");
    }

    #[test]
    fn fold_handles_decomposed_accents_and_edge_cases() {
        // "é" written as "e" + U+0301 COMBINING ACUTE ACCENT.
        assert_eq!(fold("Sante\u{301}"), "sante");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" - ' _ "), "");
        assert_eq!(fold("0-3 ans"), "0 3 ans");
    }

    #[test]
    fn key_drops_little_words_and_plurals() {
        assert_eq!(
            key("L’accès aux droits et aux services"),
            "acce droit service"
        );
        assert_eq!(key("acces droits services"), "acce droit service");
        assert_eq!(key("Animation de la vie sociale"), "animation vie sociale");
        assert_eq!(key("animation_vie_sociale"), "animation vie sociale");
        assert_eq!(key("CCAS"), "cca");
        assert_eq!(key("EVS"), "evs");
        assert_eq!(key("de la"), "");
    }

    #[test]
    fn truncate_keeps_32_chars() {
        assert_eq!(truncate_input("81238"), "81238");
        let long = "é".repeat(40);
        let cut = truncate_input(&long);
        assert_eq!(cut.chars().count(), 32);
        assert!(cut.ends_with('…'));
        assert_eq!(truncate_input(&"x".repeat(32)), "x".repeat(32));
    }
}
