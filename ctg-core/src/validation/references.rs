//! Ids and references: unique ids in a list, and references that must name an existing item.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::reader::{Reader, Seg};
use super::slot::{Item, Model};
use crate::{IssueCode, Param, Params, Path};

/// Reports `id.duplicate` at each item of a list whose id an earlier item has (ids are read from
/// every item, so that an item with another problem still counts as existing). Called while the
/// reader is at the list.
pub(crate) fn ids<T: Model, X>(r: &mut Reader<'_, '_>, items: &[Item<T, X>]) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for item in items {
        let Some(id) = item.id() else {
            continue;
        };
        match first.entry(id) {
            Entry::Occupied(earlier) => r.issue_at(
                &[Seg::Index(item.index), Seg::Field("id")],
                IssueCode::IdDuplicate,
                Params::new()
                    .with("id", crate::text::shorten(id))
                    .with("first", *earlier.get())
                    .with("item_id", crate::text::shorten(id)),
            ),
            Entry::Vacant(slot) => {
                slot.insert(item.index);
            }
        }
    }
}

/// The ids of a list that could be read (references into it are then checked).
pub(crate) fn id_set<T: Model, X>(items: &[Item<T, X>]) -> HashSet<&str> {
    items.iter().filter_map(Item::id).collect()
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
    known: Option<&HashSet<&str>>,
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
