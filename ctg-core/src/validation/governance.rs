//! Governance bodies and amendments.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use serde_json::Value;

use super::loc::Loc;
use super::reader::Reader;
use super::references::{reference, Target};
use crate::{Amendment, GovernanceBody, GovernanceKind, IssueCode};

/// Reads one governance body, checking its members are parties.
pub(crate) fn governance_body(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    parties: Option<&HashSet<String>>,
) -> Option<GovernanceBody> {
    let obj = r.object(value, path, &["kind", "name", "frequency", "members"])?;
    let kind = r.required(&obj, "kind", |r, v, p| {
        r.word(v, p, GovernanceKind::parse, GovernanceKind::CODES)
    });
    let name = r.optional(&obj, "name", Reader::text);
    let frequency = r.optional(&obj, "frequency", Reader::text);
    let members = r.list_field(&obj, "members", |r, v, p| {
        reference(r, v, p, parties, Target::Party)
    });
    Some(GovernanceBody {
        kind: kind?,
        name: name?,
        frequency: frequency?,
        members: members?,
    })
}

/// Reads the amendments: unique numbers, none dated before the signature.
pub(crate) fn amendments(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    signed: Option<NaiveDate>,
) -> Option<Vec<Amendment>> {
    let mut numbers = BTreeSet::new();
    r.list(value, path, |r, v, p| {
        let obj = r.object(v, p, &["number", "date", "summary"])?;
        let number = r.required(&obj, "number", Reader::positive_int);
        let date = r.required(&obj, "date", Reader::date);
        let summary = r.required(&obj, "summary", Reader::text);
        if let Some(n) = number.filter(|n| !numbers.insert(*n)) {
            r.push(
                IssueCode::AmendmentDuplicateNumber,
                &obj.at("number"),
                format!("le numéro d'avenant {n} est déjà utilisé"),
                format!("amendment number {n} is already used"),
            );
        }
        if let (Some(date), Some(signed)) = (date, signed) {
            if date < signed {
                r.push(
                    IssueCode::AmendmentBeforeSignature,
                    &obj.at("date"),
                    format!("avenant daté du {date}, avant la signature du {signed}"),
                    format!("amendment dated {date}, before the signature of {signed}"),
                );
            }
        }
        Some(Amendment {
            number: number?,
            date: date?,
            summary: summary?,
        })
    })
}
