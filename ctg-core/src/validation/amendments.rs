//! Amendments (*avenants*): their numbers and dates, and the changes they hold.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::reader::{Fields, Reader, Seg};
use super::slot::{Item, List, Model};
use super::{action_sheets, calendar, domains, funding, parties, strategy};
use crate::input::{self, Tok};
use crate::{AllocationKey, Amendment, Change, ChangeKind, FacilityKind, IssueCode, Params, Year};

const AMENDMENT: Fields = Fields {
    names: &["number", "date", "summary", "changes"],
    required: &["number", "date", "summary"],
};

/// Reads the amendments: unique numbers, dates in the order of the numbers, and the changes of
/// each; their dates are checked against the signature, and their changes applied, across
/// sections. Called with the reader at `amendments`.
pub(crate) fn amendments<'a>(
    r: &mut Reader<'_, 'a>,
    tok: Tok<'a>,
) -> Option<List<Amendment, Option<NaiveDate>>> {
    let mut items: List<Amendment, Option<NaiveDate>> = List::default();
    let mut numbers = BTreeSet::new();
    let mut dated: Vec<(u32, NaiveDate, usize)> = Vec::new();
    let is_list = r.list(tok, |r, index, tok| {
        let mark = r.mark();
        let (mut number, mut date, mut summary) = (None, None, None);
        let mut changes = Some(Vec::new());
        let is_object = r.object(tok, &AMENDMENT, |r, field, tok| match field {
            0 => number = r.positive_int(tok),
            1 => date = r.date(tok),
            2 => summary = r.text(tok),
            _ => changes = self::changes(r, tok),
        });
        if let Some(n) = number.filter(|n| !numbers.insert(*n)) {
            r.issue_at(
                &[Seg::Field("number")],
                IssueCode::AmendmentDuplicateNumber,
                Params::new().with("number", n),
            );
        }
        if let (Some(n), Some(d)) = (number, date) {
            dated.push((n, d, index));
        }
        if r.mark() > mark {
            let id = number.map(|n| n.to_string());
            r.annotate(mark, id.as_deref(), None);
        }
        let item = match (is_object, number, date, summary, changes) {
            (true, Some(number), Some(date), Some(summary), Some(changes)) => {
                let amendment = Amendment {
                    number,
                    date,
                    summary,
                    changes,
                };
                Item::built(index, amendment, Some(date)).with_number(Some(number))
            }
            _ => Item::unbuilt(index, None, None, date).with_number(number),
        };
        items.keep(item);
    });
    if !is_list {
        return None;
    }
    crate::sorting::sort(&mut dated);
    for pair in dated.windows(2) {
        if let [(previous, previous_date, _), (number, date, index)] = pair {
            if date < previous_date {
                r.issue_at(
                    &[Seg::Index(*index), Seg::Field("date")],
                    IssueCode::AmendmentOutOfOrder,
                    Params::new()
                        .with("number", *number)
                        .with("date", *date)
                        .with("previous", *previous)
                        .with("previous_date", *previous_date)
                        .with("item_id", number.to_string()),
                );
            }
        }
    }
    Some(items)
}

impl Model for Amendment {}

const CHANGE: Fields = Fields {
    names: &[
        "kind",
        "before",
        "after",
        "beneficiary",
        "facility_kind",
        "domain",
        "label",
        "year",
    ],
    required: &["kind"],
};

/// The fields of a change that only an amount has.
const AMOUNT_ONLY: [&str; 5] = ["beneficiary", "facility_kind", "domain", "label", "year"];

/// What a change holds as it is read: the parts of an amount's key as read, the rest captured
/// until the `kind` (which JSON may write last) says how to read it.
#[derive(Default)]
struct ChangeDraft {
    kind: Option<ChangeKind>,
    before: Option<input::Value>,
    after: Option<input::Value>,
    beneficiary: Option<Option<String>>,
    facility_kind: Option<Option<FacilityKind>>,
    domain: Option<Option<crate::ThematicDomain>>,
    label: Option<Option<String>>,
    year: Option<Option<Year>>,
}

/// Reads a list of changes, each as an amendment holds it; `None` when one cannot be read.
pub(crate) fn changes<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Vec<Change>> {
    let mut read = Vec::new();
    let mut complete = true;
    let listed = r.list(tok, |r, _, tok| match change(r, tok) {
        Some(c) => read.push(c),
        None => complete = false,
    });
    (listed && complete).then_some(read)
}

/// Reads one change; `None` when it cannot be read (its problems recorded).
fn change<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Change> {
    let mut d = ChangeDraft::default();
    let mut kind_read = true;
    let is_object = r.object(tok, &CHANGE, |r, field, tok| match field {
        0 => {
            d.kind = r.word(tok, ChangeKind::parse, ChangeKind::CODES);
            kind_read = d.kind.is_some();
        }
        1 => d.before = Some(r.capture(tok)),
        2 => d.after = Some(r.capture(tok)),
        3 => d.beneficiary = Some(r.text(tok)),
        4 => d.facility_kind = Some(r.word(tok, FacilityKind::parse, FacilityKind::CODES)),
        5 => d.domain = Some(domains::domain(r, tok)),
        6 => d.label = Some(r.text(tok)),
        _ => d.year = Some(r.year(tok)),
    });
    let kind = d.kind.filter(|_| is_object && kind_read)?;
    if kind != ChangeKind::Amount {
        let present = [
            d.beneficiary.is_some(),
            d.facility_kind.is_some(),
            d.domain.is_some(),
            d.label.is_some(),
            d.year.is_some(),
        ];
        for (name, present) in AMOUNT_ONLY.iter().zip(present) {
            if present {
                let known: Vec<String> = ["kind", "before", "after"]
                    .iter()
                    .map(|n| (*n).to_owned())
                    .collect();
                r.issue_at(
                    &[Seg::Field(name)],
                    IssueCode::FieldUnknown,
                    Params::new().with("field", *name).with("known", known),
                );
            }
        }
    }
    let whole = matches!(kind, ChangeKind::Period | ChangeKind::Declared);
    if d.before.is_none() && (whole || d.after.is_none()) {
        r.issue_at(
            &[Seg::Field("before")],
            IssueCode::FieldMissing,
            Params::new().with("field", "before"),
        );
    }
    if d.after.is_none() && whole {
        r.issue_at(
            &[Seg::Field("after")],
            IssueCode::FieldMissing,
            Params::new().with("field", "after"),
        );
    }
    // Reads `before` and `after` with `read`: `Some(None)` when absent, `None` when unreadable.
    macro_rules! sides {
        ($read:expr) => {{
            let side =
                |r: &mut Reader<'_, 'a>, value: &Option<input::Value>, name: &'static str| {
                    match value {
                        None => Some(None),
                        Some(Value::Null) => Some(None),
                        Some(value) => r.read_captured(value, &[Seg::Field(name)], $read).map(Some),
                    }
                };
            let before = side(r, &d.before, "before");
            let after = side(r, &d.after, "after");
            (before?, after?)
        }};
    }
    use input::Value;
    Some(match kind {
        ChangeKind::Period => {
            let (before, after) = sides!(calendar::period);
            Change::Period {
                before: before?,
                after: after?,
            }
        }
        ChangeKind::Party => {
            let (before, after) =
                sides!(|r, tok| parties::party(r, 0, tok, &mut Default::default()).built);
            Change::Party { before, after }
        }
        ChangeKind::Domain => {
            let (before, after) = sides!(domains::domain);
            Change::Domain { before, after }
        }
        ChangeKind::Stake => {
            let (before, after) = sides!(|r, tok| strategy::stake(r, 0, tok).built);
            Change::Stake { before, after }
        }
        ChangeKind::Objective => {
            let (before, after) = sides!(|r, tok| strategy::objective(r, 0, tok).built);
            Change::Objective { before, after }
        }
        ChangeKind::ActionSheet => {
            let (before, after) = sides!(|r, tok| action_sheets::action_sheet(r, 0, tok).built);
            Change::ActionSheet { before, after }
        }
        ChangeKind::Beneficiary => {
            let (before, after) = sides!(|r, tok| funding::beneficiary(r, 0, tok).built);
            Change::Beneficiary { before, after }
        }
        ChangeKind::Amount => {
            let (before, after) = sides!(|r, tok| r.amount(tok));
            for (name, present) in [
                ("beneficiary", d.beneficiary.is_some()),
                ("facility_kind", d.facility_kind.is_some()),
                ("year", d.year.is_some()),
            ] {
                if !present {
                    r.issue_at(
                        &[Seg::Field(name)],
                        IssueCode::FieldMissing,
                        Params::new().with("field", name),
                    );
                }
            }
            Change::Amount {
                key: AllocationKey {
                    beneficiary: d.beneficiary??,
                    facility_kind: d.facility_kind??,
                    domain: optional(d.domain)?,
                    label: optional(d.label)?,
                },
                year: d.year??,
                before,
                after,
            }
        }
        ChangeKind::Declared => {
            let (before, after) =
                sides!(|r, tok| funding::declared(r, tok).and_then(funding::declared_totals));
            Change::Declared {
                before: before?,
                after: after?,
            }
        }
    })
}

/// An optional field as read: absent is `Some(None)`, unreadable `None`.
fn optional<T>(field: Option<Option<T>>) -> Option<Option<T>> {
    match field {
        None => Some(None),
        Some(Some(value)) => Some(Some(value)),
        Some(None) => None,
    }
}
