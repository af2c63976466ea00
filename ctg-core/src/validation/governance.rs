//! Governance bodies and amendments.

use super::reader::{Fields, Reader};
use super::slot::{Item, ItemRef, Listed, Model};
use crate::input::Tok;
use crate::{GovernanceBody, GovernanceKind};

const BODY: Fields = Fields {
    names: &["kind", "name", "frequency", "members"],
    required: &["kind"],
};

/// The party references of a governance body: `(index in its members, party id)`.
pub(crate) type MemberRefs = Listed<String>;

/// Reads one governance body; its members (party ids, with their index) are checked across
/// sections.
pub(crate) fn governance_body<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
) -> Item<GovernanceBody, MemberRefs> {
    let mark = r.mark();
    let (mut kind, mut name, mut frequency) = (None, None, None);
    let mut members: MemberRefs = Listed::default();
    let mut ok = true;
    let is_object = r.object(tok, &BODY, |r, field, tok| match field {
        0 => {
            kind = r.word(tok, GovernanceKind::parse, GovernanceKind::CODES);
            ok &= kind.is_some();
        }
        1 => {
            name = r.text(tok);
            ok &= name.is_some();
        }
        2 => {
            frequency = r.text(tok);
            ok &= frequency.is_some();
        }
        _ => {
            let listed = r.list(tok, |r, i, tok| {
                let member = r.text(tok);
                members.push(i, member);
            });
            ok &= listed && members.is_complete();
        }
    });
    r.annotate(
        mark,
        kind.map(|k: GovernanceKind| k.code()),
        name.as_deref(),
    );
    match (is_object && ok, kind) {
        (true, Some(kind)) => {
            // Every member was read: its index is its place in the model's list.
            let members = members.into_values();
            let body = GovernanceBody {
                kind,
                name,
                frequency,
                members,
            };
            Item::built(index, body, Listed::default())
        }
        _ => Item::unbuilt(index, None, name, members),
    }
}

impl Model for GovernanceBody {
    fn model_name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

/// The members of a governance body, with their index in its list.
pub(crate) fn member_refs<'l>(
    item: ItemRef<'l, GovernanceBody, MemberRefs>,
) -> impl Iterator<Item = (usize, &'l str)> {
    let built = item
        .built
        .into_iter()
        .flat_map(|b| b.members.iter().enumerate());
    let read = item.extra.iter();
    built.chain(read).map(|(i, m)| (i, m.as_str()))
}
