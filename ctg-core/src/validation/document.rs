//! The whole document: reads every section in order and assembles the `Convention` when nothing
//! is wrong.

use serde_json::Value;

use super::action_sheets::{self, Context};
use super::calendar;
use super::domains::domains;
use super::funding::funding;
use super::governance::{amendments, governance_body};
use super::loc::Loc;
use super::parties::parties;
use super::reader::Reader;
use super::references::collect_ids;
use super::strategy::{objective, stake};
use crate::convention::FORMAT_VERSION;
use crate::{Convention, Diagnostic, IssueCode};

const FIELDS: &[&str] = &[
    "format_version",
    "id",
    "title",
    "period",
    "signature",
    "termination",
    "renews",
    "parties",
    "domains",
    "diagnostic",
    "stakes",
    "objectives",
    "action_sheets",
    "funding",
    "governance",
    "amendments",
    "sources",
    "notes",
];

/// Reads a whole document. Returns the convention only when no error was recorded.
pub(crate) fn convention(r: &mut Reader, value: &Value) -> Option<Convention> {
    let obj = r.object(value, &Loc::Root, FIELDS)?;
    format_version(r, obj.get("format_version"), &obj.at("format_version"));
    let id = r.required(&obj, "id", Reader::text);
    let title = r.required(&obj, "title", Reader::text);
    let period = r.required(&obj, "period", calendar::period);
    let signature = r.optional(&obj, "signature", |r, v, p| {
        calendar::signature(r, v, p, period)
    });
    let signed = signature.as_ref().and_then(|s| s.as_ref()).map(|s| s.date);
    let termination = r.optional(&obj, "termination", |r, v, p| {
        calendar::termination(r, v, p, signed)
    });
    let renews = r.optional(&obj, "renews", |r, v, p| calendar::renews(r, v, p, period));

    let party_ids = collect_ids(r, obj.get("parties"), &obj.at("parties"));
    let parties = r.required(&obj, "parties", parties);
    let domains = r.required(&obj, "domains", domains);
    let diagnostic = r.optional(&obj, "diagnostic", diagnostic);

    let stake_ids = collect_ids(r, obj.get("stakes"), &obj.at("stakes"));
    let stakes = r.required(&obj, "stakes", |r, v, p| r.list(v, p, stake));
    let objective_ids = collect_ids(r, obj.get("objectives"), &obj.at("objectives"));
    let objectives = r.required(&obj, "objectives", |r, v, p| {
        r.list(v, p, |r, v, p| objective(r, v, p, stake_ids.as_ref()))
    });
    let cx = Context {
        parties: party_ids.as_ref(),
        objectives: objective_ids.as_ref(),
        domains: domains.as_deref(),
    };
    let action_sheets = r.required(&obj, "action_sheets", |r, v, p| {
        action_sheets::action_sheets(r, v, p, &cx)
    });
    let funding = r.optional(&obj, "funding", |r, v, p| {
        funding(r, v, p, period, party_ids.as_ref())
    });
    let governance = r.list_field(&obj, "governance", |r, v, p| {
        governance_body(r, v, p, party_ids.as_ref())
    });
    let amendments = r.optional(&obj, "amendments", |r, v, p| amendments(r, v, p, signed));
    let sources = r.list_field(&obj, "sources", Reader::text);
    let notes = r.optional(&obj, "notes", Reader::text);

    if r.has_errors() {
        return None;
    }
    Some(Convention {
        format_version: FORMAT_VERSION,
        id: id?,
        title: title?,
        period: period?,
        signature: signature?,
        termination: termination?,
        renews: renews?,
        parties: parties?,
        domains: domains?,
        diagnostic: diagnostic?,
        stakes: stakes?,
        objectives: objectives?,
        action_sheets: action_sheets?,
        funding: funding?,
        governance: governance?,
        amendments: amendments?.unwrap_or_default(),
        sources: sources?,
        notes: notes?,
    })
}

fn format_version(r: &mut Reader, value: Option<&Value>, path: &Loc<'_>) {
    let Some(value) = value else {
        r.push(
            IssueCode::FormatVersionMissing,
            path,
            format!("format_version absent : la version {FORMAT_VERSION} est supposée"),
            format!("format_version is missing: version {FORMAT_VERSION} is assumed"),
        );
        return;
    };
    let supported = match value {
        Value::Number(n) => n.as_u64() == Some(u64::from(FORMAT_VERSION)),
        Value::String(s) => s.trim() == FORMAT_VERSION.to_string(),
        _ => false,
    };
    if !supported {
        let shown = super::reader::shorten(&value.to_string());
        r.push(
            IssueCode::FormatVersionUnsupported,
            path,
            format!("format_version {shown} non pris en charge (cette bibliothèque lit la version {FORMAT_VERSION})"),
            format!("format_version {shown} is not supported (this library reads version {FORMAT_VERSION})"),
        );
    }
}

fn diagnostic(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<Diagnostic> {
    let obj = r.object(
        value,
        path,
        &["start_date", "end_date", "author", "sources"],
    )?;
    let start_date = r.optional(&obj, "start_date", Reader::date);
    let end_date = r.optional(&obj, "end_date", Reader::date);
    let author = r.optional(&obj, "author", Reader::text);
    let sources = r.list_field(&obj, "sources", Reader::text);
    Some(Diagnostic {
        start_date: start_date?,
        end_date: end_date?,
        author: author?,
        sources: sources?,
    })
}
