//! Ids and references: unique ids in a list, and references that must name an existing item.

use std::cmp::Ordering;

use super::reader::{Reader, Seg};
use super::slot::{List, Model};
use crate::{IssueCode, Param, Params, Path};

/// An id as sets of ids compare it: by length, then by its first 16 bytes as one integer, then
/// (only for longer ids) by the rest — ids that differ are told apart by integer comparisons,
/// inline, and most equal ones too (no call to `memcmp` for an id of at most 16 bytes). A total
/// order, but not the alphabetical one: only membership and equality are asked of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IdKey<'a> {
    len: usize,
    head: u128,
    text: &'a str,
}

impl<'a> IdKey<'a> {
    /// The key of `text`.
    pub(crate) fn new(text: &'a str) -> IdKey<'a> {
        IdKey {
            len: text.len(),
            head: crate::sorting::head(text.as_bytes()),
            text,
        }
    }

    /// The id.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }
}

impl Ord for IdKey<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.len
            .cmp(&other.len)
            .then(self.head.cmp(&other.head))
            .then_with(|| {
                // Of equal lengths and heads: equal unless longer than the head.
                if self.len <= 16 {
                    Ordering::Equal
                } else {
                    self.text.cmp(other.text)
                }
            })
    }
}

impl PartialOrd for IdKey<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for IdKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && self.head == other.head
            && (self.len <= 16 || self.text == other.text)
    }
}

impl Eq for IdKey<'_> {}

/// Reports `id.duplicate` at each item of a list whose id an earlier item has (ids are read from
/// every item, so that an item with another problem still counts as existing). Called while the
/// reader is at the list.
pub(crate) fn ids<T: Model, X>(r: &mut Reader<'_, '_>, items: &List<T, X>) {
    let ids: Vec<(IdKey<'_>, usize)> = items
        .iter()
        .filter_map(|item| item.id().map(|id| (IdKey::new(id), item.index)))
        .collect();
    duplicate_ids(r, &ids);
}

/// Reports the duplicates among `(id, index in the list)` pairs. Not generic: the sort it runs is
/// compiled once, whatever the kind of list (a closure in a generic function is a type of its
/// own for every instance of it).
fn duplicate_ids(r: &mut Reader<'_, '_>, ids: &[(IdKey<'_>, usize)]) {
    let firsts = firsts(ids, |&(id, _)| id);
    for (position, (&(id, index), first)) in ids.iter().zip(firsts).enumerate() {
        let id = id.text();
        let Some(&(_, earlier)) = ids.get(first).filter(|_| first != position) else {
            continue;
        };
        r.issue_at(
            &[Seg::Index(index), Seg::Field("id")],
            IssueCode::IdDuplicate,
            Params::new()
                .with("id", crate::text::shorten(id))
                .with("first", earlier)
                .with("item_id", crate::text::shorten(id)),
        );
    }
}

/// For each item, the position of the first item with an equal key (its own position when it is
/// the first). By sorting, never hashing: no cost in hashing short ids, and no way for a
/// document to make it slow.
pub(crate) fn firsts<T, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> Vec<usize> {
    let mut firsts: Vec<usize> = (0..items.len()).collect();
    if items.len() <= 8 {
        for i in 0..items.len() {
            if let Some(item) = items.get(i) {
                let k = key(item);
                let first = items.iter().position(|other| key(other) == k).unwrap_or(i);
                if let Some(slot) = firsts.get_mut(i) {
                    *slot = first;
                }
            }
        }
        return firsts;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    let key_at = |i: usize| items.get(i).map(&key);
    // Ties broken by the index: the order is total, so an unstable sort gives the same result
    // (and costs less code than a stable one in the WebAssembly module).
    crate::sorting::sort_by(&mut order, |&a, &b| {
        key_at(a).cmp(&key_at(b)).then(a.cmp(&b))
    });
    let mut group_first = None;
    let mut previous = None;
    for &i in &order {
        let k = key_at(i);
        if previous.as_ref() != Some(&k) {
            group_first = Some(i);
        }
        if let (Some(slot), Some(first)) = (firsts.get_mut(i), group_first) {
            *slot = first;
        }
        previous = Some(k);
    }
    firsts
}

/// The ids of a list that could be read, sorted (references into it are then checked).
pub(crate) struct IdSet<'a>(Vec<IdKey<'a>>);

impl IdSet<'_> {
    /// Whether an item has this id.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.0.binary_search(&IdKey::new(id)).is_ok()
    }
}

/// The ids of a list's items.
pub(crate) fn id_set<T: Model, X>(items: &List<T, X>) -> IdSet<'_> {
    let mut ids: Vec<IdKey<'_>> = items
        .iter()
        .filter_map(|item| item.id().map(IdKey::new))
        .collect();
    crate::sorting::sort(&mut ids);
    IdSet(ids)
}

/// What a reference points at.
#[derive(Clone, Copy)]
pub(crate) enum Target {
    Party,
    Stake,
    Objective,
    Beneficiary,
}

impl Target {
    fn code(self) -> IssueCode {
        match self {
            Target::Party => IssueCode::UnknownParty,
            Target::Stake => IssueCode::UnknownStake,
            Target::Objective => IssueCode::UnknownObjective,
            Target::Beneficiary => IssueCode::UnknownBeneficiary,
        }
    }
}

/// Checks that `id` names an item of `known` (when the list could be read); reports it at `path`
/// (only built then) otherwise, with the referring item's id and name.
pub(crate) fn check(
    r: &mut Reader<'_, '_>,
    known: Option<&IdSet<'_>>,
    id: &str,
    target: Target,
    path: impl FnOnce() -> Path,
    item: (Option<&str>, Option<&str>),
) {
    let Some(known) = known else { return };
    if known.contains(id) {
        return;
    }
    let mut params = Params::new().with("id", crate::text::shorten(id));
    if let Some(item_id) = item.0 {
        params.set("item_id", Param::Text(crate::text::shorten(item_id)));
    }
    if let Some(name) = item.1 {
        params.set("item_name", Param::Text(crate::text::shorten(name)));
    }
    r.issue_path(path(), target.code(), params);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Keys are equal exactly when their ids are, and order them totally (consistently with
        /// their equality), whatever their lengths around the 16 bytes of the head.
        #[test]
        fn id_keys_compare_as_their_ids(a in "[a-c\u{e9}-]{0,20}", b in "[a-c\u{e9}-]{0,20}", c in "[a-c-]{0,20}") {
            let (ka, kb, kc) = (IdKey::new(&a), IdKey::new(&b), IdKey::new(&c));
            prop_assert_eq!(ka == kb, a == b);
            prop_assert_eq!(ka.cmp(&kb) == Ordering::Equal, a == b);
            prop_assert_eq!(ka.cmp(&kb), kb.cmp(&ka).reverse());
            if ka <= kb && kb <= kc {
                prop_assert!(ka <= kc);
            }
        }
    }

    #[test]
    fn id_sets_find_their_ids() {
        let ids = [
            "caf-tarn",
            "commune-81001",
            "commune-81008",
            "cc-thore-montagne-noire",
            "cc-thore-montagne-noirf",
            "a",
        ];
        let mut keys: Vec<IdKey<'_>> = ids.iter().map(|id| IdKey::new(id)).collect();
        keys.sort();
        let set = IdSet(keys);
        for id in ids {
            assert!(set.contains(id), "{id}");
        }
        for id in [
            "",
            "caf",
            "commune-81002",
            "cc-thore-montagne-noird",
            "b",
            "caf-tarn ",
        ] {
            assert!(!set.contains(id), "{id}");
        }
    }
}
