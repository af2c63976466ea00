//! The whole document: reads every section into drafts, then applies the rules across sections
//! and assembles the `Convention` when nothing is wrong.

use super::action_sheets::{self, SheetRefs};
use super::amendments::amendments;
use super::calendar;
use super::domains::domains;
use super::funding::{self, FundingDraft};
use super::governance::{governance_body, member_refs, MemberRefs};
use super::parties::{parties, PartyFacts};
use super::reader::{Fields, Reader};
use super::references::{self, Target};
use super::slot::{Item, List, Model, NumberText, Slot};
use super::strategy::{objective, stake, stake_refs, StakeRefs};
use crate::convention::FORMAT_VERSION;
use crate::input::Tok;
use crate::{
    ActionSheet, Amendment, Convention, Diagnostic, GovernanceBody, IssueCode, Objective, Params,
    Party, Path, Period, PreviousConvention, Signature, Stake, Termination, ThematicDomain,
};

/// The top-level fields, in the order of the format (also the order issues are sorted in).
pub(crate) const FIELDS: Fields = Fields {
    names: &[
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
    ],
    required: &[
        "id",
        "title",
        "period",
        "parties",
        "domains",
        "stakes",
        "objectives",
        "action_sheets",
    ],
};

/// A document as read, before the rules across sections.
#[derive(Default)]
pub(crate) struct Draft {
    format_version: bool,
    id: Slot<String>,
    title: Slot<String>,
    period: Slot<Period>,
    signature: Slot<Signature>,
    termination: Slot<Termination>,
    renews: Slot<PreviousConvention>,
    parties: Slot<List<Party, PartyFacts>>,
    domains: Slot<Vec<ThematicDomain>>,
    diagnostic: Slot<Diagnostic>,
    stakes: Slot<List<Stake>>,
    objectives: Slot<List<Objective, StakeRefs>>,
    action_sheets: Slot<List<ActionSheet, SheetRefs>>,
    funding: Slot<FundingDraft>,
    governance: Slot<List<GovernanceBody, MemberRefs>>,
    amendments: Slot<List<Amendment, Option<chrono::NaiveDate>>>,
    sources: Slot<Vec<String>>,
    notes: Slot<String>,
}

/// Reads the whole document into a draft; `None` when it is not an object.
pub(crate) fn read<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Draft> {
    let mut d = Draft::default();
    let is_object = r.object(tok, &FIELDS, |r, field, tok| match field {
        0 => {
            d.format_version = true;
            format_version(r, tok);
        }
        1 => d.id = Slot::read(r.text(tok)),
        2 => d.title = Slot::read(r.text(tok)),
        3 => d.period = Slot::read(calendar::period(r, tok)),
        4 => d.signature = Slot::read(calendar::signature(r, tok)),
        5 => d.termination = Slot::read(calendar::termination(r, tok)),
        6 => d.renews = Slot::read(calendar::renews(r, tok)),
        7 => d.parties = Slot::read(parties(r, tok)),
        8 => d.domains = Slot::read(domains(r, tok)),
        9 => d.diagnostic = Slot::read(diagnostic(r, tok)),
        10 => d.stakes = Slot::read(list_with_ids(r, tok, stake)),
        11 => d.objectives = Slot::read(list_with_ids(r, tok, objective)),
        12 => d.action_sheets = Slot::read(action_sheets::action_sheets(r, tok)),
        13 => d.funding = Slot::read(funding::read(r, tok)),
        14 => {
            let mut items = List::default();
            let listed = r.list(tok, |r, i, tok| items.keep(governance_body(r, i, tok)));
            d.governance = Slot::read(listed.then_some(items));
        }
        15 => d.amendments = Slot::read(amendments(r, tok)),
        16 => d.sources = Slot::read(texts(r, tok)),
        _ => d.notes = Slot::read(r.text(tok)),
    });
    if is_object && !d.format_version {
        r.issue_at(
            &[super::reader::Seg::Field("format_version")],
            IssueCode::FormatVersionMissing,
            Params::new().with("version", FORMAT_VERSION),
        );
    }
    is_object.then_some(d)
}

/// A list of items with ids, reporting duplicate ids.
fn list_with_ids<'a, T: Model, X: super::slot::Facts>(
    r: &mut Reader<'_, 'a>,
    tok: Tok<'a>,
    mut read: impl FnMut(&mut Reader<'_, 'a>, usize, Tok<'a>) -> Item<T, X>,
) -> Option<List<T, X>> {
    let mut items = List::default();
    if !r.list(tok, |r, i, tok| items.keep(read(r, i, tok))) {
        return None;
    }
    references::ids(r, &items);
    Some(items)
}

/// A list of non-empty texts.
fn texts<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut complete = true;
    let listed = r.list(tok, |r, _, tok| match r.text(tok) {
        Some(s) => out.push(s),
        None => complete = false,
    });
    (listed && complete).then_some(out)
}

fn format_version<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) {
    if matches!(tok, Tok::Int(i) if i == i128::from(FORMAT_VERSION)) {
        return;
    }
    let (supported, shown) = match &tok {
        Tok::Int(i) => (*i == i128::from(FORMAT_VERSION), i.to_string()),
        Tok::Text(s) => (s.trim() == FORMAT_VERSION.to_string(), format!("\"{s}\"")),
        Tok::Float(f) => (false, f.text()),
        Tok::BigInt(s) => (false, s.to_string()),
        Tok::Object => (false, "{…}".to_owned()),
        Tok::Array => (false, "[…]".to_owned()),
        Tok::Bool(b) => (false, b.to_string()),
        _ => (false, "?".to_owned()),
    };
    r.skip(tok);
    if !supported {
        r.issue(
            IssueCode::FormatVersionUnsupported,
            Params::new()
                .with("found", crate::text::shorten(&shown))
                .with("version", FORMAT_VERSION),
        );
    }
}

const DIAGNOSTIC: Fields = Fields {
    names: &["start_date", "end_date", "author", "sources"],
    required: &[],
};

fn diagnostic<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Diagnostic> {
    let mut diag = Diagnostic {
        start_date: None,
        end_date: None,
        author: None,
        sources: Vec::new(),
    };
    let mut ok = true;
    let is_object = r.object(tok, &DIAGNOSTIC, |r, field, tok| match field {
        0 => {
            diag.start_date = r.date(tok);
            ok &= diag.start_date.is_some();
        }
        1 => {
            diag.end_date = r.date(tok);
            ok &= diag.end_date.is_some();
        }
        2 => {
            diag.author = r.text(tok);
            ok &= diag.author.is_some();
        }
        _ => match texts(r, tok) {
            Some(sources) => diag.sources = sources,
            None => ok = false,
        },
    });
    (is_object && ok).then_some(diag)
}

/// The ids of a list that could be read (references into it are then checked).
fn id_set<T: Model, X>(items: &Slot<List<T, X>>) -> Option<references::IdSet<'_>> {
    items.get().map(references::id_set)
}

/// The rules across sections (and those of the geography, when a gazetteer is given), then the
/// convention when the document has no error.
pub(crate) fn check(
    r: &mut Reader<'_, '_>,
    d: Draft,
    gazetteer: Option<&dyn crate::Gazetteer>,
) -> Option<Convention> {
    let period = d.period.get().copied();
    let signed = d.signature.get().map(|s| s.date);
    if let (Some(date), Some(period)) = (signed, period) {
        calendar::check_signature(r, date, period);
    }
    if let (Some(termination), Some(signed)) = (d.termination.get(), signed) {
        calendar::check_termination(r, termination.date, signed);
    }
    if let (Some(Some(last)), Some(period)) = (d.renews.get().map(|p| p.last_year), period) {
        calendar::check_renews(r, last, period);
    }

    let party_ids = id_set(&d.parties);
    let stake_ids = id_set(&d.stakes);
    let objective_ids = id_set(&d.objectives);

    if let Some(objectives) = d.objectives.get() {
        for item in objectives.iter() {
            for (i, stake) in stake_refs(item) {
                let path = || {
                    Path::root()
                        .key("objectives")
                        .index(item.index)
                        .key("stakes")
                        .index(i)
                };
                let who = (item.id(), None);
                references::check(r, stake_ids.as_ref(), stake, Target::Stake, path, who);
            }
        }
    }
    if let Some(sheets) = d.action_sheets.get() {
        for item in sheets.iter() {
            let at = || Path::root().key("action_sheets").index(item.index);
            let number = item.number().map(NumberText::new);
            let who = (number.as_ref().map(NumberText::as_str), item.name());
            if let Some(domains) = d.domains.get() {
                for (i, domain) in action_sheets::domain_refs(item) {
                    if !domains.contains(domain) {
                        let mut params = Params::new().with("domain", domain.param());
                        if let Some(id) = who.0 {
                            params.set("item_id", crate::Param::Text(id.to_owned()));
                        }
                        r.issue_path(
                            at().key("domains").index(i),
                            IssueCode::ActionSheetDomainNotInConvention,
                            params,
                        );
                    }
                }
            }
            for (i, objective) in action_sheets::objective_refs(item) {
                let path = || at().key("objectives").index(i);
                references::check(
                    r,
                    objective_ids.as_ref(),
                    objective,
                    Target::Objective,
                    path,
                    who,
                );
            }
            if let Some(lead) = action_sheets::lead(item) {
                references::check(
                    r,
                    party_ids.as_ref(),
                    lead,
                    Target::Party,
                    || at().key("lead"),
                    who,
                );
            }
        }
    }
    if let Some(bodies) = d.governance.get() {
        for item in bodies.iter() {
            for (i, member) in member_refs(item) {
                let path = || {
                    Path::root()
                        .key("governance")
                        .index(item.index)
                        .key("members")
                        .index(i)
                };
                let who = (None, item.name());
                references::check(r, party_ids.as_ref(), member, Target::Party, path, who);
            }
        }
    }
    if let (Some(items), Some(signed)) = (d.amendments.get(), signed) {
        for item in items.iter() {
            if let Some(date) = item.extra.filter(|&date| date < signed) {
                r.issue_path(
                    Path::root().key("amendments").index(item.index).key("date"),
                    IssueCode::AmendmentBeforeSignature,
                    Params::new()
                        .with("date", date)
                        .with("signed", signed)
                        .with(
                            "item_id",
                            item.number().map(|n| n.to_string()).unwrap_or_default(),
                        ),
                );
            }
        }
    }
    // Without the `geography` feature no gazetteer can be given, and the rules are left out of
    // the binary.
    if let Some(gazetteer) = gazetteer.filter(|_| cfg!(feature = "geography")) {
        let drafts = super::geography::Drafts {
            parties: d.parties.get(),
            sheets: d.action_sheets.get(),
            signed,
        };
        super::geography::check(r, gazetteer, &drafts);
    }
    let funding = match d.funding {
        Slot::Absent => Some(None),
        Slot::Bad => None,
        Slot::Ok(draft) => funding::check(r, draft, period, party_ids.as_ref()).map(Some),
    };

    if r.has_errors() {
        return None;
    }
    let convention = Convention {
        format_version: FORMAT_VERSION,
        id: d.id.required()?,
        title: d.title.required()?,
        period: d.period.required()?,
        signature: d.signature.optional()?,
        termination: d.termination.optional()?,
        renews: d.renews.optional()?,
        parties: d.parties.required()?.into_built()?,
        domains: d.domains.required()?,
        diagnostic: d.diagnostic.optional()?,
        stakes: d.stakes.required()?.into_built()?,
        objectives: d.objectives.required()?.into_built()?,
        action_sheets: d.action_sheets.required()?.into_built()?,
        funding: funding?,
        governance: d.governance.optional()?.unwrap_or_default().into_built()?,
        amendments: d.amendments.optional()?.unwrap_or_default().into_built()?,
        sources: d.sources.optional()?.unwrap_or_default(),
        notes: d.notes.optional()?,
    };
    // The amendments' changes apply, in the order of their numbers.
    let issues = crate::edit::check_amendments(&convention);
    if issues.is_empty() {
        return Some(convention);
    }
    for issue in issues {
        r.issue_path(issue.path, issue.code, issue.params);
    }
    None
}

/// The rank of an issue's top-level section, to keep the report in the order of the format.
pub(crate) fn section_rank(path: &Path) -> usize {
    match path.segments().first() {
        None => 0,
        Some(crate::PathSegment::Key(key)) => FIELDS
            .names
            .iter()
            .position(|n| n == key)
            .map_or(FIELDS.names.len() + 1, |i| i + 1),
        Some(crate::PathSegment::Index(_)) => 0,
    }
}
