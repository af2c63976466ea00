//! Stakes and strategic objectives.

use std::collections::HashSet;

use serde_json::Value;

use super::loc::Loc;
use super::reader::Reader;
use super::references::Target;
use crate::{Objective, Stake};

/// Reads one stake.
pub(crate) fn stake(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<Stake> {
    let obj = r.object(value, path, &["id", "title"])?;
    let id = r.required(&obj, "id", Reader::text);
    let title = r.required(&obj, "title", Reader::text);
    Some(Stake {
        id: id?,
        title: title?,
    })
}

/// Reads one objective, checking the stakes it points at.
pub(crate) fn objective(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    stakes: Option<&HashSet<String>>,
) -> Option<Objective> {
    let obj = r.object(value, path, &["id", "title", "stakes"])?;
    let id = r.required(&obj, "id", Reader::text);
    let title = r.required(&obj, "title", Reader::text);
    let stakes = r.list_field(&obj, "stakes", |r, v, p| {
        super::references::reference(r, v, p, stakes, Target::Stake)
    });
    Some(Objective {
        id: id?,
        title: title?,
        stakes: stakes?,
    })
}
