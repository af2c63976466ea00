//! Action sheets, their schedules and indicators.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::domains::domain;
use super::loc::Loc;
use super::reader::{positive_integer, Reader};
use super::references::{reference, Target};
use crate::{
    ActionSheet, ActionStatus, Indicator, InseeCode, IssueCode, Measurement, Schedule,
    ThematicDomain,
};

const FIELDS: &[&str] = &[
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
];

/// What action sheets may point at.
pub(crate) struct Context<'a> {
    pub(crate) parties: Option<&'a HashSet<String>>,
    pub(crate) objectives: Option<&'a HashSet<String>>,
    pub(crate) domains: Option<&'a [ThematicDomain]>,
}

/// Reads the action sheets, then checks their numbering.
pub(crate) fn action_sheets(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    cx: &Context<'_>,
) -> Option<Vec<ActionSheet>> {
    let sheets = r.list(value, path, |r, v, p| action_sheet(r, v, p, cx));
    check_numbering(r, value, path);
    sheets
}

/// Duplicate numbers (error at the later sheet) and gaps in 1..=max (one warning).
fn check_numbering(r: &mut Reader, value: &Value, path: &Loc<'_>) {
    let Value::Array(items) = value else { return };
    let mut numbers = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let Some(number) = item.get("number").and_then(positive_integer) else {
            continue;
        };
        if !numbers.insert(number) {
            r.push(
                IssueCode::ActionSheetDuplicateNumber,
                &path.index(i).key("number"),
                format!("le numéro de fiche {number} est déjà utilisé"),
                format!("action sheet number {number} is already used"),
            );
        }
    }
    let Some(&max) = numbers.last() else { return };
    let missing: Vec<String> = (1..=max)
        .filter(|n| !numbers.contains(n))
        .take(20)
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        r.push(
            IssueCode::ActionSheetNumberingGap,
            path,
            format!("numérotation des fiches incomplète : il manque {list}"),
            format!("action sheet numbering has gaps: missing {list}"),
        );
    }
}

fn action_sheet(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    cx: &Context<'_>,
) -> Option<ActionSheet> {
    let obj = r.object(value, path, FIELDS)?;
    let number = r.required(&obj, "number", Reader::positive_int);
    let title = r.required(&obj, "title", Reader::text);
    let domains = r.list_field(&obj, "domains", |r, v, p| {
        let d = domain(r, v, p)?;
        if cx.domains.is_some_and(|known| !known.contains(&d)) {
            r.push(
                IssueCode::ActionSheetDomainNotInConvention,
                p,
                format!(
                    "le domaine « {} » n'est pas parmi les domaines de la convention",
                    d.label_fr()
                ),
                format!(
                    "domain \"{}\" is not among the convention's domains",
                    d.label_en()
                ),
            );
        }
        Some(d)
    });
    let objectives = r.list_field(&obj, "objectives", |r, v, p| {
        reference(r, v, p, cx.objectives, Target::Objective)
    });
    let lead = r.optional(&obj, "lead", |r, v, p| {
        reference(r, v, p, cx.parties, Target::Party)
    });
    let partners = r.list_field(&obj, "partners", Reader::text);
    let target_public = r.optional(&obj, "target_public", Reader::text);
    let communes = r.list_field(&obj, "communes", Reader::identifier::<InseeCode>);
    let schedule = r.optional(&obj, "schedule", schedule);
    let status = r
        .optional(&obj, "status", |r, v, p| {
            r.word(v, p, ActionStatus::parse, ActionStatus::CODES)
        })
        .map(Option::unwrap_or_default);
    let budget = r.optional(&obj, "budget", Reader::amount);
    let indicators = r.list_field(&obj, "indicators", indicator);
    Some(ActionSheet {
        number: number?,
        title: title?,
        domains: domains?,
        objectives: objectives?,
        lead: lead?,
        partners: partners?,
        target_public: target_public?,
        communes: communes?,
        schedule: schedule?,
        status: status?,
        budget: budget?,
        indicators: indicators?,
    })
}

fn schedule(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<Schedule> {
    let obj = r.object(value, path, &["start", "end"])?;
    let start = r.optional(&obj, "start", Reader::date)?;
    let end = r.optional(&obj, "end", Reader::date)?;
    let schedule = Schedule::new(start, end);
    if schedule.is_none() {
        r.push(
            IssueCode::ScheduleReversed,
            path,
            "le début du calendrier est après sa fin".to_owned(),
            "the schedule starts after it ends".to_owned(),
        );
    }
    schedule
}

/// Reads one indicator.
pub(crate) fn indicator(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<Indicator> {
    let obj = r.object(
        value,
        path,
        &["name", "unit", "baseline", "target", "measurements"],
    )?;
    let name = r.required(&obj, "name", Reader::text);
    let unit = r.optional(&obj, "unit", Reader::text);
    let baseline = r.optional(&obj, "baseline", Reader::decimal);
    let target = r.optional(&obj, "target", Reader::decimal);
    let measurements = r.list_field(&obj, "measurements", measurement);
    if let Some(measurements) = &measurements {
        let out_of_order = measurements
            .windows(2)
            .position(|pair| matches!(pair, [a, b] if a.date >= b.date));
        if let Some(k) = out_of_order {
            r.push(
                IssueCode::IndicatorMeasurementsUnordered,
                &obj.at("measurements").index(k + 1).key("date"),
                "les mesures doivent être en ordre de dates strictement croissant".to_owned(),
                "measurements must be in strictly increasing date order".to_owned(),
            );
            return None;
        }
    }
    Some(Indicator {
        name: name?,
        unit: unit?,
        baseline: baseline?,
        target: target?,
        measurements: measurements?,
    })
}

fn measurement(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<Measurement> {
    let obj = r.object(value, path, &["date", "value"])?;
    let date = r.required(&obj, "date", Reader::date);
    let value = r.required(&obj, "value", Reader::decimal);
    Some(Measurement {
        date: date?,
        value: value?,
    })
}
