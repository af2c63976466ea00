//! Action sheets, their schedules and indicators.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::domains::domain;
use super::reader::{Fields, Reader, Seg};
use super::slot::{Item, ItemRef, List, Listed, Model};
use crate::input::Tok;
use crate::{
    ActionSheet, ActionStatus, Indicator, InseeCode, IssueCode, Measurement, Params, Schedule,
    ThematicDomain,
};

const SHEET: Fields = Fields {
    names: &[
        "number",
        "title",
        "domains",
        "objectives",
        "lead",
        "partners",
        "target_public",
        "communes",
        "schedule",
        "status",
        "budget",
        "indicators",
    ],
    required: &["number", "title"],
};

/// What the checks across sections need of an action sheet that is not built (a built one's are
/// its model value's: see [`domain_refs`], [`objective_refs`], [`lead`]).
#[derive(Debug, Default)]
pub(crate) struct SheetRefs {
    /// Its domains.
    pub(crate) domains: Listed<ThematicDomain>,
    /// Its objective references.
    pub(crate) objectives: Listed<String>,
    /// The party that leads it.
    pub(crate) lead: Option<crate::ShortText>,
    /// Its communes with their index, kept only when the rules of the geography will run.
    pub(crate) communes: Vec<(usize, InseeCode)>,
}

impl super::slot::Facts for SheetRefs {
    fn is_empty(&self) -> bool {
        self.domains.is_empty()
            && self.objectives.is_empty()
            && self.lead.is_none()
            && self.communes.is_empty()
    }
}

/// Reads the action sheets, then checks their numbering (duplicates, gaps). Called with the
/// reader at `action_sheets`.
pub(crate) fn action_sheets<'a>(
    r: &mut Reader<'_, 'a>,
    tok: Tok<'a>,
) -> Option<List<ActionSheet, SheetRefs>> {
    let mut items = List::default();
    let is_list = r.list(tok, |r, i, tok| items.keep(action_sheet(r, i, tok)));
    if !is_list {
        return None;
    }
    let mut numbers = BTreeSet::new();
    for item in items.iter() {
        let Some(number) = item.number() else {
            continue;
        };
        if !numbers.insert(number) {
            r.issue_at(
                &[Seg::Index(item.index), Seg::Field("number")],
                IssueCode::ActionSheetDuplicateNumber,
                Params::new()
                    .with("number", number)
                    .with("item_id", number.to_string()),
            );
        }
    }
    if let Some(&max) = numbers.last() {
        let missing: Vec<String> = (1..=max)
            .filter(|n| !numbers.contains(n))
            .take(20)
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            r.issue(
                IssueCode::ActionSheetNumberingGap,
                Params::new().with("missing", missing),
            );
        }
    }
    Some(items)
}

#[derive(Default)]
struct Draft {
    number: Option<u32>,
    title: Option<String>,
    partners: Vec<String>,
    target_public: Option<String>,
    communes: Vec<InseeCode>,
    schedule: Option<Schedule>,
    status: Option<ActionStatus>,
    budget: Option<crate::Amount>,
    indicators: Vec<Indicator>,
    refs: SheetRefs,
    bad: bool,
}

pub(crate) fn action_sheet<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
) -> Item<ActionSheet, SheetRefs> {
    let mark = r.mark();
    let mut d = Draft::default();
    let is_object = r.object(tok, &SHEET, |r, field, tok| {
        let ok = match field {
            0 => {
                d.number = r.positive_int(tok);
                d.number.is_some()
            }
            1 => {
                d.title = r.text(tok);
                d.title.is_some()
            }
            2 => {
                let listed = r.list(tok, |r, i, tok| {
                    let read = domain(r, tok);
                    d.refs.domains.push(i, read);
                });
                listed && d.refs.domains.is_complete()
            }
            3 => {
                let listed = r.list(tok, |r, i, tok| {
                    let objective = r.text(tok);
                    d.refs.objectives.push(i, objective);
                });
                listed && d.refs.objectives.is_complete()
            }
            4 => {
                d.refs.lead = r.short_text(tok);
                d.refs.lead.is_some()
            }
            5 => texts(r, tok, &mut d.partners),
            6 => {
                d.target_public = r.text(tok);
                d.target_public.is_some()
            }
            7 => {
                let mut complete = true;
                let geo = r.wants_geography();
                let listed = r.list(tok, |r, j, tok| match r.identifier::<InseeCode>(tok) {
                    Some(code) => {
                        if geo {
                            d.refs.communes.push((j, code.clone()));
                        }
                        d.communes.push(code);
                    }
                    None => complete = false,
                });
                listed && complete
            }
            8 => {
                d.schedule = schedule(r, tok);
                d.schedule.is_some()
            }
            9 => {
                d.status = r.word(tok, ActionStatus::parse, ActionStatus::CODES);
                d.status.is_some()
            }
            10 => {
                d.budget = r.amount(tok);
                d.budget.is_some()
            }
            _ => {
                let mut complete = true;
                let listed = r.list(tok, |r, _, tok| match indicator(r, tok) {
                    Some(ind) => d.indicators.push(ind),
                    None => complete = false,
                });
                listed && complete
            }
        };
        d.bad |= !ok;
    });
    if r.mark() > mark {
        let id = d.number.map(|n| n.to_string());
        r.annotate(mark, id.as_deref(), d.title.as_deref());
    }
    match (is_object && !d.bad, d.number, d.title) {
        (true, Some(number), Some(title)) => {
            // Every domain and objective was read: its index is its place in the model's list.
            let sheet = ActionSheet {
                number,
                title,
                domains: d.refs.domains.into_values(),
                objectives: d.refs.objectives.into_values(),
                lead: d.refs.lead,
                partners: d.partners,
                target_public: d.target_public,
                communes: d.communes,
                schedule: d.schedule,
                status: d.status.unwrap_or_default(),
                budget: d.budget,
                indicators: d.indicators,
            };
            // The communes the rules of the geography check (an empty list when they do not run).
            let refs = SheetRefs {
                communes: d.refs.communes,
                ..SheetRefs::default()
            };
            Item::built(index, sheet, refs).with_number(Some(number))
        }
        (_, number, title) => Item::unbuilt(index, None, title, d.refs).with_number(number),
    }
}

impl Model for ActionSheet {
    fn model_name(&self) -> Option<&str> {
        Some(&self.title)
    }
}

/// The domains of an action sheet, with their index in its list.
pub(crate) fn domain_refs<'l>(
    item: ItemRef<'l, ActionSheet, SheetRefs>,
) -> impl Iterator<Item = (usize, &'l ThematicDomain)> {
    let built = item
        .built
        .into_iter()
        .flat_map(|s| s.domains.iter().enumerate());
    built.chain(item.extra.domains.iter())
}

/// The objectives an action sheet serves, with their index in its list.
pub(crate) fn objective_refs<'l>(
    item: ItemRef<'l, ActionSheet, SheetRefs>,
) -> impl Iterator<Item = (usize, &'l str)> {
    let built = item
        .built
        .into_iter()
        .flat_map(|s| s.objectives.iter().enumerate());
    let read = item.extra.objectives.iter();
    built.chain(read).map(|(i, o)| (i, o.as_str()))
}

/// The party that leads an action sheet.
pub(crate) fn lead<'l>(item: ItemRef<'l, ActionSheet, SheetRefs>) -> Option<&'l str> {
    match item.built {
        Some(sheet) => sheet.lead.as_deref(),
        None => item.extra.lead.as_deref(),
    }
}

/// A list of non-empty texts; `false` when it is not a list or an item is not a text.
fn texts<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>, out: &mut Vec<String>) -> bool {
    let mut complete = true;
    let listed = r.list(tok, |r, _, tok| match r.text(tok) {
        Some(s) => out.push(s),
        None => complete = false,
    });
    listed && complete
}

const SCHEDULE: Fields = Fields {
    names: &["start", "end"],
    required: &[],
};

fn schedule<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Schedule> {
    let (mut start, mut end, mut ok) = (None, None, true);
    let is_object = r.object(tok, &SCHEDULE, |r, field, tok| {
        let date = r.date(tok);
        ok &= date.is_some();
        if field == 0 {
            start = date;
        } else {
            end = date;
        }
    });
    if !is_object || !ok {
        return None;
    }
    let schedule = Schedule::new(start, end);
    if schedule.is_none() {
        if let (Some(start), Some(end)) = (start, end) {
            r.issue(
                IssueCode::ScheduleReversed,
                Params::new().with("start", start).with("end", end),
            );
        }
    }
    schedule
}

const INDICATOR: Fields = Fields {
    names: &["name", "unit", "baseline", "target", "measurements"],
    required: &["name"],
};

/// Reads one indicator.
pub(crate) fn indicator<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Indicator> {
    let mark = r.mark();
    let (mut name, mut unit, mut baseline, mut target) = (None, None, None, None);
    let mut measurements: Vec<Measurement> = Vec::new();
    let mut ok = true;
    let is_object = r.object(tok, &INDICATOR, |r, field, tok| match field {
        0 => {
            name = r.text(tok);
            ok &= name.is_some();
        }
        1 => {
            unit = r.text(tok);
            ok &= unit.is_some();
        }
        2 => {
            baseline = r.decimal(tok);
            ok &= baseline.is_some();
        }
        3 => {
            target = r.decimal(tok);
            ok &= target.is_some();
        }
        _ => {
            let mut complete = true;
            let mut previous: Option<NaiveDate> = None;
            let listed = r.list(tok, |r, _, tok| match measurement(r, tok) {
                Some(m) => {
                    if let Some(before) = previous.filter(|&p| p >= m.date) {
                        r.issue_at(
                            &[Seg::Field("date")],
                            IssueCode::IndicatorMeasurementsUnordered,
                            Params::new().with("date", m.date).with("previous", before),
                        );
                        complete = false;
                    }
                    previous = Some(m.date);
                    measurements.push(m);
                }
                None => complete = false,
            });
            ok &= listed && complete;
        }
    });
    r.annotate(mark, None, name.as_deref());
    (is_object && ok).then_some(Indicator {
        name: name?,
        unit,
        baseline,
        target,
        measurements,
    })
}

const MEASUREMENT: Fields = Fields {
    names: &["date", "value"],
    required: &["date", "value"],
};

fn measurement<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Measurement> {
    let (mut date, mut value) = (None, None);
    r.object(tok, &MEASUREMENT, |r, field, tok| match field {
        0 => date = r.date(tok),
        _ => value = r.decimal(tok),
    });
    Some(Measurement {
        date: date?,
        value: value?,
    })
}
