//! Ids and references: unique ids in a list, and references that must name an existing item.

use std::collections::HashSet;

use serde_json::Value;

use super::loc::Loc;
use super::reader::{shorten, Reader};
use crate::IssueCode;

/// The ids declared in a list of objects (`parties`, `stakes`…), read from the raw items so that
/// an item with another problem still counts as existing. Reports `id.duplicate` at the later
/// item. `None` when the value is not a list (references are then not checked).
pub(crate) fn collect_ids(
    r: &mut Reader,
    list: Option<&Value>,
    path: &Loc<'_>,
) -> Option<HashSet<String>> {
    let Some(Value::Array(items)) = list else {
        return None;
    };
    let mut ids = HashSet::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Some(id) = item.get("id").and_then(Value::as_str).map(str::trim) else {
            continue;
        };
        if id.is_empty() {
            continue;
        }
        if !ids.insert(id.to_owned()) {
            let shown = shorten(id);
            r.push(
                IssueCode::IdDuplicate,
                &path.index(i).key("id"),
                format!("identifiant « {shown} » déjà utilisé plus haut dans la liste"),
                format!("id \"{shown}\" is already used earlier in the list"),
            );
        }
    }
    Some(ids)
}

/// What a reference points at, for messages: (code, French noun, English noun).
#[derive(Clone, Copy)]
pub(crate) enum Target {
    Party,
    Stake,
    Objective,
    Beneficiary,
}

impl Target {
    fn describe(self) -> (IssueCode, &'static str, &'static str, &'static str) {
        match self {
            Target::Party => (IssueCode::UnknownParty, "partie", "party", "parties"),
            Target::Stake => (IssueCode::UnknownStake, "enjeu", "stake", "stakes"),
            Target::Objective => (
                IssueCode::UnknownObjective,
                "objectif",
                "objective",
                "objectives",
            ),
            Target::Beneficiary => (
                IssueCode::UnknownBeneficiary,
                "bénéficiaire",
                "beneficiary",
                "funding.beneficiaries",
            ),
        }
    }
}

/// Reads a reference (an id) and checks that it names an item of `known`, when known.
pub(crate) fn reference(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    known: Option<&HashSet<String>>,
    target: Target,
) -> Option<String> {
    let id = r.text(value, path)?;
    if let Some(known) = known {
        if !known.contains(&id) {
            let (code, fr, en, list) = target.describe();
            let shown = shorten(&id);
            r.push(
                code,
                path,
                format!("aucun(e) {fr} n'a l'identifiant « {shown} » (voir {list})"),
                format!("no {en} has the id \"{shown}\" (see {list})"),
            );
            return None;
        }
    }
    Some(id)
}
