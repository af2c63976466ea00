//! Edit distance for typo tolerance: optimal string alignment (insertions, deletions,
//! substitutions and transpositions of two neighbours each cost 1), bounded so that comparing
//! two strings that are far apart stops early.

/// How many typos a name of `len` letters (its normalised key) may carry and still be
/// recognised: none under 5 letters, 1 from 5 to 12, 2 from 13 on. Short names are too close to
/// one another for a typo to be told from another name (`la CAF du Tarn`, 11 letters, is two
/// edits from `Laval-du-Tarn`).
///
/// ```
/// use ctg_geo::typo_budget;
/// assert_eq!(typo_budget(4), 0);   // "albi"
/// assert_eq!(typo_budget(6), 1);   // "lavaur"
/// assert_eq!(typo_budget(14), 2);  // "castelsarrasin"
/// ```
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=12 => 1,
        _ => 2,
    }
}

/// Words that name an organisation, never a place: a text with one of them is no commune's name
/// with a typo (`MJC St-Amans/Albine`, `Caf du Tarn`, `CCAS de Lavaur`). None of them is a word
/// of any name of the reference (a test checks it: `syndicat`, `crèche`, `école` and `maison`
/// are, in `Le Syndicat`, `La Crèche`, `École`, `Maison-Rouge`).
pub(crate) const ORGANISATION_WORDS: &[&str] = &[
    "caf",
    "cnaf",
    "msa",
    "cpam",
    "ccas",
    "cias",
    "mjc",
    "smix",
    "sivu",
    "sivom",
    "association",
    "asso",
    "ehpad",
    "multiaccueil",
    "laep",
    "alsh",
    "rpe",
    "evs",
    "caisse",
    "allocations",
    "familiales",
    "mairie",
    "conseil",
    "departemental",
    "regional",
    "communaute",
    "agglomeration",
    "cc",
    "ca",
    "cu",
    "cdc",
    "metropole",
    "services",
    "mission",
    "locale",
    "college",
    "lycee",
    "centre",
    "social",
    "sociale",
    "familles",
    "rurales",
    "amicale",
    "laique",
    "relais",
];

/// A bitmask of the letters in `key` (2 bits a letter: present, present twice), digits and
/// others. One edit changes at most 2 bits, so two keys within `k` edits differ by at most `2k`
/// bits: a cheap filter before the distance itself.
pub(crate) fn letter_mask(key: &str) -> u64 {
    let mut counts = [0u8; 26];
    let mut mask = 0u64;
    for byte in key.bytes() {
        match byte {
            b'a'..=b'z' => {
                let i = usize::from(byte - b'a');
                if let Some(count) = counts.get_mut(i) {
                    *count = count.saturating_add(1);
                    let bit = if *count == 1 { 2 * i } else { 2 * i + 1 };
                    mask |= 1u64 << bit;
                }
            }
            b'0'..=b'9' => mask |= 1u64 << (52 + usize::from(byte - b'0')),
            _ => mask |= 1u64 << 63,
        }
    }
    mask
}

/// A bitmask of the pairs of neighbouring bytes in `key` (hashed to 64 bits). One edit changes
/// at most 3 pairs on each side (a swap of two neighbours: 3 removed, 3 added), so two keys
/// within `k` edits differ by at most `6k` bits: a second cheap filter.
pub(crate) fn pair_mask(key: &str) -> u64 {
    let mut mask = 0u64;
    for pair in key.as_bytes().windows(2) {
        if let [a, b] = pair {
            let h = (u32::from(*a).wrapping_mul(31) ^ u32::from(*b).wrapping_mul(7)) % 64;
            mask |= 1u64 << h;
        }
    }
    mask
}

/// Reusable rows for [`within`].
#[derive(Default)]
pub(crate) struct Scratch {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

/// The optimal-string-alignment distance between `a` and `b` when it is at most `k`; `None`
/// otherwise. Works on bytes (keys are ASCII; another script only makes names farther apart).
pub(crate) fn within(a: &[u8], b: &[u8], k: usize, scratch: &mut Scratch) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    if a == b {
        return Some(0);
    }
    let width = b.len() + 1;
    let big = k + 1;
    let Scratch {
        before,
        previous,
        current,
    } = scratch;
    before.clear();
    before.resize(width, big);
    previous.clear();
    previous.extend((0..width).map(|j| j.min(big)));
    current.clear();
    current.resize(width, big);
    for (i, &ca) in a.iter().enumerate() {
        let row = i + 1;
        if let Some(first) = current.first_mut() {
            *first = row.min(big);
        }
        let lo = row.saturating_sub(k).max(1);
        let hi = (row + k).min(b.len());
        // Cells outside the band are out of reach.
        for cell in current.iter_mut().skip(1) {
            *cell = big;
        }
        let mut row_min = current.first().copied().unwrap_or(big);
        for j in lo..=hi {
            let cb = b.get(j - 1).copied().unwrap_or(0);
            let cost = usize::from(ca != cb);
            let diag = previous.get(j - 1).copied().unwrap_or(big) + cost;
            let up = previous.get(j).copied().unwrap_or(big) + 1;
            let left = current.get(j - 1).copied().unwrap_or(big) + 1;
            let mut value = diag.min(up).min(left);
            if i > 0 && j > 1 {
                let swapped = a.get(i - 1) == Some(&cb) && b.get(j - 2) == Some(&ca);
                if swapped {
                    value = value.min(before.get(j - 2).copied().unwrap_or(big) + 1);
                }
            }
            let value = value.min(big);
            if let Some(cell) = current.get_mut(j) {
                *cell = value;
            }
            row_min = row_min.min(value);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(before, previous);
        std::mem::swap(previous, current);
    }
    previous.get(b.len()).copied().filter(|&d| d <= k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Plain optimal string alignment distance, for reference.
    fn osa(a: &[u8], b: &[u8]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0usize; m + 1]; n + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[n][m]
    }

    fn dist(a: &str, b: &str, k: usize) -> Option<usize> {
        within(a.as_bytes(), b.as_bytes(), k, &mut Scratch::default())
    }

    #[test]
    fn small_cases() {
        assert_eq!(dist("lavaur", "lavaur", 1), Some(0));
        assert_eq!(dist("lavaur", "lavour", 1), Some(1));
        assert_eq!(dist("lavaur", "lvaaur", 1), Some(1)); // transposition
        assert_eq!(dist("moisac", "moissac", 1), Some(1));
        assert_eq!(dist("castelsarasin", "castelsarrasin", 2), Some(1));
        assert_eq!(dist("airsurladour", "airesurladour", 2), Some(1));
        assert_eq!(dist("abc", "xyz", 2), None);
        assert_eq!(dist("", "ab", 2), Some(2));
        assert_eq!(dist("", "abc", 2), None);
    }

    #[test]
    fn budget_grows_with_length() {
        assert_eq!(typo_budget(0), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(12), 1);
        assert_eq!(typo_budget(13), 2);
        assert_eq!(typo_budget(200), 2);
    }

    #[test]
    fn mask_filter_is_sound_on_examples() {
        let pairs = [
            ("lavaur", "lavour"),
            ("moissac", "moisac"),
            ("abba", "abab"),
            ("aa", "a"),
        ];
        for (a, b) in pairs {
            let d = osa(a.as_bytes(), b.as_bytes());
            assert!((letter_mask(a) ^ letter_mask(b)).count_ones() as usize <= 2 * d);
        }
    }

    proptest! {
        #[test]
        fn bounded_distance_agrees_with_plain_osa(a in "[a-e]{0,12}", b in "[a-e]{0,12}", k in 0usize..4) {
            let d = osa(a.as_bytes(), b.as_bytes());
            let expected = (d <= k).then_some(d);
            prop_assert_eq!(dist(&a, &b, k), expected);
        }

        #[test]
        fn mask_filter_never_rejects_a_match(a in "[a-f0-9]{0,12}", b in "[a-f0-9]{0,12}") {
            let d = osa(a.as_bytes(), b.as_bytes());
            prop_assert!((letter_mask(&a) ^ letter_mask(&b)).count_ones() as usize <= 2 * d);
            prop_assert!((pair_mask(&a) ^ pair_mask(&b)).count_ones() as usize <= 6 * d);
        }

        #[test]
        fn filters_hold_for_near_keys(a in "[a-z]{1,16}", edits in proptest::collection::vec((0usize..4, 0usize..16, b'a'..=b'z'), 1..3)) {
            // Apply one or two edits to `a`, then check both filters admit the pair.
            let mut b: Vec<u8> = a.clone().into_bytes();
            for (kind, at, byte) in edits {
                let at = at % (b.len() + 1);
                match kind {
                    0 => b.insert(at, byte),
                    1 if !b.is_empty() => { b.remove(at.min(b.len() - 1)); }
                    2 if !b.is_empty() => { let i = at.min(b.len() - 1); b[i] = byte; }
                    _ if b.len() > 1 => { let i = at.min(b.len() - 2); b.swap(i, i + 1); }
                    _ => {}
                }
            }
            let b = String::from_utf8(b).unwrap_or_default();
            let d = osa(a.as_bytes(), b.as_bytes());
            prop_assert!((letter_mask(&a) ^ letter_mask(&b)).count_ones() as usize <= 2 * d);
            prop_assert!((pair_mask(&a) ^ pair_mask(&b)).count_ones() as usize <= 6 * d);
        }
    }
}
