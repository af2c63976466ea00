//! Stakes and strategic objectives.

use super::reader::{Fields, Reader};
use super::slot::{Item, ItemRef, Listed, Model};
use crate::input::Tok;
use crate::{Objective, Stake};

const STAKE: Fields = Fields {
    names: &["id", "title"],
    required: &["id", "title"],
};

const OBJECTIVE: Fields = Fields {
    names: &["id", "title", "stakes"],
    required: &["id", "title"],
};

/// Reads one stake.
pub(crate) fn stake<'a>(r: &mut Reader<'_, 'a>, index: usize, tok: Tok<'a>) -> Item<Stake> {
    let mark = r.mark();
    let (mut id, mut title) = (None, None);
    let (mut id_ok, mut title_ok) = (false, false);
    let is_object = r.object(tok, &STAKE, |r, field, tok| match field {
        0 => {
            id = r.short_text(tok);
            id_ok = id.is_some();
        }
        _ => {
            title = r.text(tok);
            title_ok = title.is_some();
        }
    });
    if r.mark() > mark {
        r.annotate(mark, id.as_deref(), None);
    }
    match (is_object && id_ok && title_ok, id, title) {
        (true, Some(id), Some(title)) => Item::built(index, Stake { id, title }, ()),
        (_, id, _) => Item::unbuilt(index, id.map(String::from), None, ()),
    }
}

impl Model for Stake {
    fn model_id(&self) -> Option<&str> {
        Some(&self.id)
    }
}

/// The stake references of an objective that is not built: `(index in its list, id)`.
pub(crate) type StakeRefs = Listed<String>;

/// Reads one objective; its stake references are checked across sections.
pub(crate) fn objective<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
) -> Item<Objective, StakeRefs> {
    let mark = r.mark();
    let (mut id, mut title) = (None, None);
    let mut ok = true;
    let mut stakes: StakeRefs = Listed::default();
    let is_object = r.object(tok, &OBJECTIVE, |r, field, tok| match field {
        0 => {
            id = r.short_text(tok);
            ok &= id.is_some();
        }
        1 => {
            title = r.text(tok);
            ok &= title.is_some();
        }
        _ => {
            let listed = r.list(tok, |r, i, tok| {
                let stake = r.text(tok);
                stakes.push(i, stake);
            });
            ok &= listed && stakes.is_complete();
        }
    });
    if r.mark() > mark {
        r.annotate(mark, id.as_deref(), None);
    }
    match (is_object && ok, id, title) {
        (true, Some(id), Some(title)) => {
            // Every reference was read: its index is its place in the model's list.
            let stakes = stakes.into_values();
            Item::built(index, Objective { id, title, stakes }, Listed::default())
        }
        (_, id, _) => Item::unbuilt(index, id.map(String::from), None, stakes),
    }
}

impl Model for Objective {
    fn model_id(&self) -> Option<&str> {
        Some(&self.id)
    }
}

/// The stake references of an objective, with their index in its list.
pub(crate) fn stake_refs<'l>(
    item: ItemRef<'l, Objective, StakeRefs>,
) -> impl Iterator<Item = (usize, &'l str)> {
    let built = item
        .built
        .into_iter()
        .flat_map(|o| o.stakes.iter().enumerate());
    let read = item.extra.iter();
    built.chain(read).map(|(i, s)| (i, s.as_str()))
}
