//! Governance bodies and amendments.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::reader::{Fields, Reader, Seg};
use super::slot::{keep, Item};
use crate::input::Tok;
use crate::{Amendment, GovernanceBody, GovernanceKind, IssueCode, Params};

const BODY: Fields = Fields {
    names: &["kind", "name", "frequency", "members"],
    required: &["kind"],
};

/// The party references of a governance body: `(index in its members, party id)`.
pub(crate) type MemberRefs = Vec<(usize, String)>;

/// Reads one governance body; its members (party ids, with their index) are checked across
/// sections.
pub(crate) fn governance_body<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
) -> Item<GovernanceBody, MemberRefs> {
    let mark = r.mark();
    let (mut kind, mut name, mut frequency) = (None, None, None);
    let mut members: Vec<(usize, String)> = Vec::new();
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
            let mut complete = true;
            let listed = r.list(tok, |r, i, tok| match r.text(tok) {
                Some(id) => members.push((i, id)),
                None => complete = false,
            });
            ok &= listed && complete;
        }
    });
    r.annotate(
        mark,
        kind.map(|k: GovernanceKind| k.code()),
        name.as_deref(),
    );
    let built = match (is_object && ok, kind) {
        (true, Some(kind)) => Some(GovernanceBody {
            kind,
            name: name.clone(),
            frequency,
            members: members.iter().map(|(_, m)| m.clone()).collect(),
        }),
        _ => None,
    };
    Item {
        index,
        id: None,
        name,
        built: built.map(Box::new),
        extra: members,
    }
}

const AMENDMENT: Fields = Fields {
    names: &["number", "date", "summary"],
    required: &["number", "date", "summary"],
};

/// Reads the amendments (unique numbers); their dates are checked against the signature across
/// sections. Called with the reader at `amendments`.
pub(crate) fn amendments<'a>(
    r: &mut Reader<'_, 'a>,
    tok: Tok<'a>,
) -> Option<Vec<Item<Amendment, Option<NaiveDate>>>> {
    let mut items = Vec::new();
    let mut numbers = BTreeSet::new();
    let is_list = r.list(tok, |r, index, tok| {
        let mark = r.mark();
        let (mut number, mut date, mut summary) = (None, None, None);
        let is_object = r.object(tok, &AMENDMENT, |r, field, tok| match field {
            0 => number = r.positive_int(tok),
            1 => date = r.date(tok),
            _ => summary = r.text(tok),
        });
        if let Some(n) = number.filter(|n| !numbers.insert(*n)) {
            r.issue_at(
                &[Seg::Field("number")],
                IssueCode::AmendmentDuplicateNumber,
                Params::new().with("number", n),
            );
        }
        let id = number.map(|n| n.to_string());
        r.annotate(mark, id.as_deref(), None);
        let built = match (is_object, number, date, summary) {
            (true, Some(number), Some(date), Some(summary)) => Some(Amendment {
                number,
                date,
                summary,
            }),
            _ => None,
        };
        keep(
            r,
            &mut items,
            Item {
                index,
                id,
                name: None,
                built: built.map(Box::new),
                extra: date,
            },
        );
    });
    is_list.then_some(items)
}
