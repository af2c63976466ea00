//! Ids and references: unique ids in a list, and references that must name an existing item.

use std::collections::{HashMap, HashSet};

use super::reader::{Reader, Seg};
use super::slot::Item;
use crate::{IssueCode, Param, Params, Path};

/// The ids of a list's items (read from every item, so that an item with another problem still
/// counts as existing), reporting `id.duplicate` at each later item. Called while the reader is at
/// the list.
pub(crate) fn ids<T, X>(r: &mut Reader<'_, '_>, items: &[Item<T, X>]) -> HashSet<String> {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for item in items {
        let Some(id) = item.id.as_deref() else {
            continue;
        };
        match first.get(id) {
            Some(&earlier) => r.issue_at(
                &[Seg::Index(item.index), Seg::Field("id")],
                IssueCode::IdDuplicate,
                Params::new()
                    .with("id", crate::text::shorten(id))
                    .with("first", earlier)
                    .with("item_id", crate::text::shorten(id)),
            ),
            None => {
                first.insert(id, item.index);
            }
        }
    }
    first.into_keys().map(str::to_owned).collect()
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
/// otherwise, with the referring item's id and name.
pub(crate) fn check(
    r: &mut Reader<'_, '_>,
    known: Option<&HashSet<String>>,
    id: &str,
    target: Target,
    path: Path,
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
    r.issue_path(path, target.code(), params);
}
