//! Stakes and strategic objectives.

use super::reader::{Fields, Reader};
use super::slot::Item;
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
            id = r.text(tok);
            id_ok = id.is_some();
        }
        _ => {
            title = r.text(tok);
            title_ok = title.is_some();
        }
    });
    r.annotate(mark, id.as_deref(), None);
    let built = (is_object && id_ok && title_ok).then(|| Stake {
        id: id.clone().unwrap_or_default(),
        title: title.unwrap_or_default(),
    });
    Item {
        index,
        id,
        name: None,
        built: built.map(Box::new),
        extra: (),
    }
}

/// The stake references of an objective: `(index in its list, id)`.
pub(crate) type StakeRefs = Vec<(usize, String)>;

/// Reads one objective; its stake references are checked across sections.
pub(crate) fn objective<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
) -> Item<Objective, StakeRefs> {
    let mark = r.mark();
    let (mut id, mut title) = (None, None);
    let mut ok = true;
    let mut stakes: StakeRefs = Vec::new();
    let is_object = r.object(tok, &OBJECTIVE, |r, field, tok| match field {
        0 => {
            id = r.text(tok);
            ok &= id.is_some();
        }
        1 => {
            title = r.text(tok);
            ok &= title.is_some();
        }
        _ => {
            let mut bad = false;
            let listed = r.list(tok, |r, i, tok| match r.text(tok) {
                Some(s) => stakes.push((i, s)),
                None => bad = true,
            });
            ok &= listed && !bad;
        }
    });
    r.annotate(mark, id.as_deref(), None);
    let built = (is_object && ok && id.is_some() && title.is_some()).then(|| Objective {
        id: id.clone().unwrap_or_default(),
        title: title.unwrap_or_default(),
        stakes: stakes.iter().map(|(_, s)| s.clone()).collect(),
    });
    Item {
        index,
        id,
        name: None,
        built: built.map(Box::new),
        extra: stakes,
    }
}
