//! The name index of communes: every official name, former name (delegated and associated
//! communes) and other name of the reference under its normalised key, the shortened forms
//! (without the leading article, without a qualifier in parentheses), and buckets by key length
//! for the typo search.

use ctg_core::FormerCommune;

use crate::data::Names;

use crate::distance::{letter_mask, pair_mask, within, Scratch};
use crate::normalize::{Reader, Words};

/// Where a name of the index comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// The official name of the commune (index in `communes`).
    Official,
    /// The name of a former commune: `named` is the record that gives the name, `record` the one
    /// that leads to this entry's commune (the same, unless the reference puts the code under two
    /// current communes), both indices in `formers`.
    Former { record: u32, named: u32 },
    /// Another name of the commune (index in `other_names`).
    Other(u32),
}

/// How a shortened key was made from an official name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shortening {
    /// Without its leading article (`Rochelle` for `La Rochelle`).
    Article,
    /// Without its qualifier in parentheses (`Bors` for `Bors (Canton de Charente-Sud)`).
    Qualifier,
}

/// One name of the index.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The current commune it leads to (index in `communes`).
    pub commune: u32,
    pub source: Source,
    /// Hash of its words with their boundaries.
    pub words: u64,
    /// Its normalised key, in the index's arena.
    key: (u32, u32),
}

/// A shortened official name.
#[derive(Debug, Clone)]
struct Short {
    hash: u64,
    key: (u32, u32),
    entry: u32,
    how: Shortening,
}

/// The name index. Keys live in one string (`arena`); lookups go through sorted (hash, entry)
/// lists, checked against the key itself, so that building it allocates little.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    pub entries: Vec<Entry>,
    arena: String,
    /// (hash of the key, entry), sorted.
    by_key: Vec<(u64, u32)>,
    by_short: Vec<Short>,
    /// Entries by key length (in bytes), with their letter and pair masks.
    by_len: Vec<Vec<(u64, u64, u32)>>,
}

/// Longest key the typo search looks at (longer queries cannot be within reach of a name).
const MAX_KEY_LEN: usize = 96;

/// FNV-1a, 64 bits: a stable hash of a key.
pub(crate) fn key_hash(key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

impl NameIndex {
    /// Builds the index over `communes` (sorted by code), `formers` (sorted by code) and the
    /// other names; `position` finds a commune's index by its code.
    pub fn build(
        communes: &Names,
        formers: &[FormerCommune],
        other_names: &[(usize, String)],
        position: impl Fn(&ctg_core::InseeCode) -> Option<usize>,
    ) -> NameIndex {
        let capacity = communes.len() + formers.len() + other_names.len();
        let mut index = NameIndex {
            entries: Vec::with_capacity(capacity),
            arena: String::with_capacity(capacity * 16),
            by_key: Vec::with_capacity(capacity),
            by_short: Vec::with_capacity(communes.len() / 6),
            by_len: Vec::new(),
        };
        let mut reader = Reader::default();
        for (i, name) in communes.iter().enumerate() {
            let w = reader.read(name);
            let Ok(id) = u32::try_from(i) else { continue };
            index.add(id, Source::Official, w, 0);
            if w.len() > 1 && matches!(w.get(0), Some("le" | "la" | "les" | "l")) {
                index.add_short(w, 1, Shortening::Article);
            }
            if let Some((base, _)) = name.split_once('(') {
                let base = reader.read(base);
                if !base.is_empty() {
                    index.add_short(base, 0, Shortening::Qualifier);
                }
            }
        }
        for (f, former) in formers.iter().enumerate() {
            let Some(name) = &former.name else { continue };
            let Ok(fid) = u32::try_from(f) else { continue };
            let w = reader.read(name);
            // Every current commune the reference puts this code under: normally one.
            let start = formers.partition_point(|o| o.insee < former.insee);
            let mut targets: Vec<(usize, u32)> = Vec::with_capacity(1);
            for (g, other) in formers.iter().enumerate().skip(start) {
                if other.insee != former.insee {
                    break;
                }
                if let (Some(c), Ok(gid)) = (position(&other.current), u32::try_from(g)) {
                    if !targets.iter().any(|(t, _)| *t == c) {
                        targets.push((c, gid));
                    }
                }
            }
            for (target, record) in targets {
                if let Ok(target) = u32::try_from(target) {
                    let source = Source::Former { record, named: fid };
                    index.add(target, source, w, 0);
                }
            }
        }
        for (o, (commune, name)) in other_names.iter().enumerate() {
            let (Ok(oid), Ok(target)) = (u32::try_from(o), u32::try_from(*commune)) else {
                continue;
            };
            let w = reader.read(name);
            index.add(target, Source::Other(oid), w, 0);
        }
        index.by_key.sort_unstable();
        index.by_short.sort_unstable_by_key(|s| (s.hash, s.entry));
        index
    }

    /// Stores the key of `words` (from word `from` on) in the arena.
    fn store(&mut self, words: &Words, from: usize) -> Option<(u32, u32)> {
        let start = self.arena.len();
        words.write_key_from(from, &mut self.arena);
        let len = self.arena.len() - start;
        Some((u32::try_from(start).ok()?, u32::try_from(len).ok()?))
    }

    fn key_at(&self, (start, len): (u32, u32)) -> &str {
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        let end = start.saturating_add(usize::try_from(len).unwrap_or(0));
        self.arena.get(start..end).unwrap_or("")
    }

    /// The key of an entry.
    pub fn key(&self, entry: &Entry) -> &str {
        self.key_at(entry.key)
    }

    fn add(&mut self, commune: u32, source: Source, words: &Words, from: usize) {
        let Ok(id) = u32::try_from(self.entries.len()) else {
            return;
        };
        let Some(span) = self.store(words, from) else {
            return;
        };
        let key = self.key_at(span);
        let (len, mask, pairs, hash) = (key.len(), letter_mask(key), pair_mask(key), key_hash(key));
        if len <= MAX_KEY_LEN {
            if self.by_len.len() <= len {
                self.by_len.resize_with(len + 1, Vec::new);
            }
            if let Some(bucket) = self.by_len.get_mut(len) {
                bucket.push((mask, pairs, id));
            }
        }
        self.by_key.push((hash, id));
        self.entries.push(Entry {
            commune,
            source,
            words: words.words_hash(),
            key: span,
        });
    }

    fn add_short(&mut self, words: &Words, from: usize, how: Shortening) {
        // The entry just added is the official name this short form is of.
        let Some(entry) = self
            .entries
            .len()
            .checked_sub(1)
            .and_then(|i| u32::try_from(i).ok())
        else {
            return;
        };
        let Some(span) = self.store(words, from) else {
            return;
        };
        self.by_short.push(Short {
            hash: key_hash(self.key_at(span)),
            key: span,
            entry,
            how,
        });
    }

    /// The entries whose key is `key`.
    pub fn exact<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let hash = key_hash(key);
        let start = self.by_key.partition_point(|(h, _)| *h < hash);
        self.by_key
            .iter()
            .skip(start)
            .take_while(move |(h, _)| *h == hash)
            .map(|(_, id)| *id)
            .filter(move |&id| self.entry(id).is_some_and(|e| self.key(e) == key))
    }

    /// The official names whose shortened key is `key`.
    pub fn shortened<'a>(&'a self, key: &'a str) -> impl Iterator<Item = (u32, Shortening)> + 'a {
        let hash = key_hash(key);
        let start = self.by_short.partition_point(|s| s.hash < hash);
        self.by_short
            .iter()
            .skip(start)
            .take_while(move |s| s.hash == hash)
            .filter(move |s| self.key_at(s.key) == key)
            .map(|s| (s.entry, s.how))
    }

    /// The entry `id`.
    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(usize::try_from(id).ok()?)
    }

    /// Every entry within `budget` edits of `key`, with its distance (never 0: exact keys are
    /// found by [`exact`](Self::exact)).
    pub fn near(&self, key: &str, budget: usize, out: &mut Vec<(u32, usize)>) {
        if budget == 0 || key.len() > MAX_KEY_LEN + budget {
            return;
        }
        let mask = letter_mask(key);
        let pairs = pair_mask(key);
        let max_bits = 2 * budget;
        let max_pair_bits = 6 * budget;
        let mut scratch = Scratch::default();
        let lo = key.len().saturating_sub(budget);
        let hi = key.len() + budget;
        for len in lo..=hi {
            let Some(bucket) = self.by_len.get(len) else {
                continue;
            };
            for &(entry_mask, entry_pairs, id) in bucket {
                if ((entry_mask ^ mask).count_ones() as usize) > max_bits
                    || ((entry_pairs ^ pairs).count_ones() as usize) > max_pair_bits
                {
                    continue;
                }
                let Some(entry) = self.entry(id) else {
                    continue;
                };
                let candidate = self.key(entry);
                if let Some(d) = within(key.as_bytes(), candidate.as_bytes(), budget, &mut scratch)
                {
                    if d > 0 {
                        out.push((id, d));
                    }
                }
            }
        }
    }
}
