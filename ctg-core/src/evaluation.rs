//! Evaluating a convention year by year (the *suivi évaluatif*): indicators measured over time,
//! funding planned against paid, the sheets late or done, and when the convention expires.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::render::{colon, semicolon, Label};
use crate::vocabulary::vocabulary;
use crate::{
    ActionStatus, Amount, Convention, FacilityKind, Indicator, Lang, Measurement, ThematicDomain,
    Year,
};

vocabulary! {
    noun: "indicator status",
    schema: "Where an indicator stands",
    /// Where an indicator stands at a date.
    ///
    /// ```
    /// use ctg_core::{IndicatorStatus, Lang};
    /// assert_eq!(IndicatorStatus::NotMeasured.label(Lang::Fr), "pas encore mesuré");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum IndicatorStatus {
        /// `not_measured`: no measurement yet (on or before the date).
        NotMeasured("not_measured", "pas encore mesuré", "not measured yet") [],
        /// `no_target`: measured, but without a baseline and a target (or with a target equal to
        /// the baseline), progress cannot be computed.
        NoTarget("no_target", "sans valeur initiale ou cible", "no baseline or target") [],
        /// `in_progress`: progress below 1.
        InProgress("in_progress", "en cours", "in progress") [],
        /// `reached`: progress of 1 or more.
        Reached("reached", "cible atteinte", "target reached") ["atteint"],
    }
}

impl Indicator {
    /// The latest measurement on or before `date`.
    ///
    /// ```
    /// use ctg_core::{Decimal, Indicator, Measurement, NaiveDate};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let indicator = Indicator::new("places").with_measurements([
    ///     Measurement::new(d(2023, 9, 1), Decimal::from(52)),
    ///     Measurement::new(d(2024, 9, 1), Decimal::from(59)),
    /// ]);
    /// assert_eq!(indicator.measurement_at(d(2024, 1, 1)).unwrap().value(), Decimal::from(52));
    /// assert!(indicator.measurement_at(d(2023, 1, 1)).is_none());
    /// ```
    pub fn measurement_at(&self, date: NaiveDate) -> Option<&Measurement> {
        self.measurements.iter().rev().find(|m| m.date <= date)
    }

    /// Progress at `date`, from the latest measurement on or before it (see
    /// [`Indicator::progress`]).
    ///
    /// ```
    /// use ctg_core::{Decimal, Indicator, Measurement, NaiveDate};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let indicator = Indicator::new("places")
    ///     .with_baseline(Decimal::from(45)).with_target(Decimal::from(80))
    ///     .with_measurements([Measurement::new(d(2024, 9, 1), Decimal::from(59))]);
    /// assert_eq!(indicator.progress_at(d(2024, 12, 31)).unwrap().to_string(), "0.4000");
    /// assert_eq!(indicator.progress_at(d(2024, 1, 1)), None); // not measured yet then
    /// ```
    pub fn progress_at(&self, date: NaiveDate) -> Option<Decimal> {
        progress(self, self.measurement_at(date)?.value)
    }
}

/// `(value − baseline) / (target − baseline)`, rounded half away from zero to 4 decimals.
pub(crate) fn progress(indicator: &Indicator, value: Decimal) -> Option<Decimal> {
    let baseline = indicator.baseline?;
    let span = indicator.target?.checked_sub(baseline)?;
    if span.is_zero() {
        return None;
    }
    let ratio = value.checked_sub(baseline)?.checked_div(span)?;
    let mut rounded =
        ratio.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(4);
    Some(rounded)
}

/// Where one indicator of an action sheet stands at a date: every indicator is listed, measured
/// or not (absent values stay absent).
///
/// ```
/// let mut doc = ctg_core::Convention::sample().to_value();
/// doc["action_sheets"][1]["indicators"] = serde_json::json!([
///     {"name": "assistantes maternelles", "baseline": 20, "target": 30,
///      "measurements": [{"date": "2024-06-30", "value": 24}]},
///     {"name": "réunions", "baseline": 0, "target": 4}]);
/// let conv = ctg_core::Convention::from_value(&doc).unwrap();
/// let progress = conv.indicator_progress();
/// assert_eq!(progress[0].progress.unwrap().to_string(), "0.4000");
/// assert_eq!(progress[1].status, ctg_core::IndicatorStatus::NotMeasured);
/// assert_eq!(progress[1].latest, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IndicatorProgress {
    /// Number of the action sheet.
    pub action_sheet: u32,
    /// Name of the indicator.
    pub indicator: String,
    /// Its unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Its baseline.
    #[serde(serialize_with = "crate::writing::decimal_serde::option::serialize")]
    pub baseline: Option<Decimal>,
    /// Its target.
    #[serde(serialize_with = "crate::writing::decimal_serde::option::serialize")]
    pub target: Option<Decimal>,
    /// The date of the measurement used.
    pub measured_on: Option<NaiveDate>,
    /// The value measured then.
    #[serde(serialize_with = "crate::writing::decimal_serde::option::serialize")]
    pub latest: Option<Decimal>,
    /// Progress, 0 at the baseline and 1 at the target.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub progress: Option<Decimal>,
    /// Where it stands.
    pub status: IndicatorStatus,
}

/// One indicator and one measurement, for tables (an indicator not measured yet is one row
/// without date nor value).
///
/// ```
/// let mut doc = ctg_core::Convention::sample().to_value();
/// doc["action_sheets"][0]["indicators"] = serde_json::json!([{"name": "places", "baseline": 45,
///     "target": 80, "measurements": [{"date": "2023-09-01", "value": 52}, {"date": "2024-09-01", "value": 59}]}]);
/// let rows = ctg_core::Convention::from_value(&doc).unwrap().indicator_rows();
/// assert_eq!(rows.len(), 2);
/// assert_eq!(rows[1].progress.unwrap().to_string(), "0.4000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IndicatorRow {
    /// Number of the action sheet.
    pub action_sheet: u32,
    /// Its title.
    pub action_sheet_title: String,
    /// Name of the indicator.
    pub indicator: String,
    /// Its unit.
    pub unit: Option<String>,
    /// Its baseline.
    #[serde(serialize_with = "crate::writing::decimal_serde::option::serialize")]
    pub baseline: Option<Decimal>,
    /// Its target.
    #[serde(serialize_with = "crate::writing::decimal_serde::option::serialize")]
    pub target: Option<Decimal>,
    /// The date of the measurement.
    pub date: Option<NaiveDate>,
    /// The value measured.
    #[serde(serialize_with = "crate::writing::decimal_serde::option::serialize")]
    pub value: Option<Decimal>,
    /// Progress at that measurement.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub progress: Option<Decimal>,
}

/// One funding line and year, planned against paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ExecutionRow {
    /// Id of the beneficiary.
    pub beneficiary: String,
    /// Its name.
    pub beneficiary_name: String,
    /// What the line funds.
    pub facility_kind: FacilityKind,
    /// The line's domain (with the label, it tells apart lines of one beneficiary and kind).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<ThematicDomain>,
    /// The line's label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The year.
    pub year: Year,
    /// What was planned.
    pub planned: Amount,
    /// What was paid, when known.
    pub paid: Option<Amount>,
    /// `planned − paid` (euros, signed), when the paid amount is known.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub gap: Option<Decimal>,
}

/// One year, planned against paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct YearExecution {
    /// What was planned that year.
    pub planned: Amount,
    /// What was paid, on the lines where it is known; `None` when no line says.
    pub paid: Option<Amount>,
    /// How many lines have a planned amount that year.
    pub lines: usize,
    /// How many of them say what was paid.
    pub lines_paid_known: usize,
    /// `planned − paid` on the lines where paid is known.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub gap: Option<Decimal>,
}

/// Funding executed against planned, by line and year and by year (see
/// [`Convention::execution`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Execution {
    /// One row per line and planned year.
    pub rows: Vec<ExecutionRow>,
    /// Per year of the period.
    pub by_year: BTreeMap<Year, YearExecution>,
}

/// An action sheet whose schedule has ended without it being done or abandoned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LateSheet {
    /// Its number.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// The end of its schedule.
    pub end: NaiveDate,
    /// Its status.
    pub status: ActionStatus,
}

/// The yearly evaluation of a convention (see [`Convention::evaluation`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Evaluation {
    /// The convention's id.
    pub convention: String,
    /// The year evaluated.
    pub year: Year,
    /// The day things are judged on: the end of the year, or today when earlier.
    pub as_of: NaiveDate,
    /// The sheet numbers by status.
    pub sheets_by_status: BTreeMap<ActionStatus, Vec<u32>>,
    /// The sheets late on `as_of`.
    pub late: Vec<LateSheet>,
    /// Every indicator on `as_of`.
    pub indicators: Vec<IndicatorProgress>,
    /// The year's funding, planned against paid (absent without a funding section).
    pub funding: Option<YearExecution>,
    /// The year's funding lines.
    pub funding_rows: Vec<ExecutionRow>,
}

impl Convention {
    /// Every indicator of every action sheet at its latest measurement (see
    /// [`IndicatorProgress`]).
    ///
    /// ```
    /// assert!(ctg_core::Convention::sample().indicator_progress().is_empty()); // no indicator
    /// ```
    pub fn indicator_progress(&self) -> Vec<IndicatorProgress> {
        self.indicator_progress_at(NaiveDate::MAX)
    }

    /// Every indicator as it stood on `date` (measurements after it are not counted).
    ///
    /// ```
    /// let mut doc = ctg_core::Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "places", "baseline": 20,
    ///     "target": 30, "measurements": [{"date": "2024-06-30", "value": 31}]}]);
    /// let conv = ctg_core::Convention::from_value(&doc).unwrap();
    /// let early = conv.indicator_progress_at(chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    /// assert_eq!(early[0].status, ctg_core::IndicatorStatus::NotMeasured);
    /// assert_eq!(conv.indicator_progress()[0].status, ctg_core::IndicatorStatus::Reached);
    /// ```
    pub fn indicator_progress_at(&self, date: NaiveDate) -> Vec<IndicatorProgress> {
        self.action_sheets
            .iter()
            .flat_map(|sheet| {
                sheet.indicators.iter().map(move |indicator| {
                    let measurement = indicator.measurement_at(date);
                    let progress = measurement.and_then(|m| progress(indicator, m.value));
                    let status = match (measurement, progress) {
                        (None, _) => IndicatorStatus::NotMeasured,
                        (Some(_), None) => IndicatorStatus::NoTarget,
                        (Some(_), Some(p)) if p >= Decimal::ONE => IndicatorStatus::Reached,
                        (Some(_), Some(_)) => IndicatorStatus::InProgress,
                    };
                    IndicatorProgress {
                        action_sheet: sheet.number,
                        indicator: indicator.name.clone(),
                        unit: indicator.unit.clone(),
                        baseline: indicator.baseline,
                        target: indicator.target,
                        measured_on: measurement.map(|m| m.date),
                        latest: measurement.map(|m| m.value),
                        progress,
                        status,
                    }
                })
            })
            .collect()
    }

    /// One row per indicator and measurement (see [`IndicatorRow`]).
    ///
    /// ```
    /// assert!(ctg_core::Convention::sample().indicator_rows().is_empty());
    /// ```
    pub fn indicator_rows(&self) -> Vec<IndicatorRow> {
        let mut rows = Vec::new();
        for sheet in &self.action_sheets {
            for indicator in &sheet.indicators {
                let row = |m: Option<&Measurement>| IndicatorRow {
                    action_sheet: sheet.number,
                    action_sheet_title: sheet.title.clone(),
                    indicator: indicator.name.clone(),
                    unit: indicator.unit.clone(),
                    baseline: indicator.baseline,
                    target: indicator.target,
                    date: m.map(|m| m.date),
                    value: m.map(|m| m.value),
                    progress: m.and_then(|m| progress(indicator, m.value)),
                };
                if indicator.measurements.is_empty() {
                    rows.push(row(None));
                }
                for m in &indicator.measurements {
                    rows.push(row(Some(m)));
                }
            }
        }
        rows
    }

    /// Funding executed against planned: each line and year with what was planned and what was
    /// paid (when the allocation records it), and the same per year; `None` without a funding
    /// section.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["funding"]["allocations"][1]["paid"] = serde_json::json!({"2023": "39000.00"});
    /// let execution = Convention::from_value(&doc).unwrap().execution().unwrap();
    /// let y2023 = &execution.by_year[&2023];
    /// assert_eq!(y2023.paid.unwrap().to_string(), "39000.00");
    /// assert_eq!((y2023.lines, y2023.lines_paid_known), (9, 1));
    /// assert_eq!(y2023.gap.unwrap().to_string(), "1800.00"); // on the line that says
    /// assert_eq!(execution.by_year[&2024].paid, None); // nothing known: absent, not zero
    /// ```
    pub fn execution(&self) -> Option<Execution> {
        let funding = self.funding.as_ref()?;
        let mut rows = Vec::new();
        for allocation in &funding.allocations {
            // A linear lookup: a map here would be one more copy of the map's code in the
            // WebAssembly module, whose size is budgeted.
            let name = funding
                .beneficiaries
                .iter()
                .rev()
                .find(|b| b.id == allocation.beneficiary)
                .map_or_else(String::new, |b| b.name.as_str().to_owned());
            for (&year, &planned) in &allocation.amounts {
                let paid = allocation.paid.get(&year).copied();
                rows.push(ExecutionRow {
                    beneficiary: allocation.beneficiary.as_str().to_owned(),
                    beneficiary_name: name.clone(),
                    facility_kind: allocation.facility_kind,
                    domain: allocation.domain.clone(),
                    label: allocation.label.clone(),
                    year,
                    planned,
                    paid,
                    gap: paid.map(|p| planned.to_decimal() - p.to_decimal()),
                });
            }
        }
        let mut by_year = BTreeMap::new();
        for year in self.period.years() {
            by_year.insert(year, year_execution(rows.iter().filter(|r| r.year == year)));
        }
        Some(Execution { rows, by_year })
    }

    /// The evaluation of `year`, judged on the end of the year or `today` when earlier: sheets
    /// by status, the late ones (schedule ended, neither done nor abandoned), every indicator, the
    /// year's funding planned against paid.
    ///
    /// ```
    /// use ctg_core::{ActionStatus, Convention, NaiveDate};
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][2]["schedule"] = serde_json::json!({"end": "2024-06-30"});
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let evaluation = conv.evaluation(2024, NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// assert_eq!(evaluation.as_of.to_string(), "2024-12-31");
    /// assert_eq!(evaluation.late[0].number, 3);
    /// assert_eq!(evaluation.sheets_by_status[&ActionStatus::Planned].len(), 16);
    /// assert_eq!(evaluation.funding.as_ref().unwrap().planned.to_string(), "241801.00");
    /// assert!(evaluation.to_text(ctg_core::Lang::Fr).contains("En retard"));
    /// ```
    pub fn evaluation(&self, year: Year, today: NaiveDate) -> Evaluation {
        let end_of_year = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        let as_of = end_of_year.min(today);
        let mut sheets_by_status: BTreeMap<ActionStatus, Vec<u32>> = BTreeMap::new();
        let mut late = Vec::new();
        for sheet in &self.action_sheets {
            sheets_by_status
                .entry(sheet.status)
                .or_default()
                .push(sheet.number);
            let finished = matches!(sheet.status, ActionStatus::Done | ActionStatus::Abandoned);
            if let Some(end) = sheet.schedule.and_then(|s| s.end()) {
                if end < as_of && !finished {
                    late.push(LateSheet {
                        number: sheet.number,
                        title: sheet.title.clone(),
                        end,
                        status: sheet.status,
                    });
                }
            }
        }
        let execution = self.execution();
        let funding_rows: Vec<ExecutionRow> = execution
            .as_ref()
            .map(|e| e.rows.iter().filter(|r| r.year == year).cloned().collect())
            .unwrap_or_default();
        Evaluation {
            convention: self.id.clone(),
            year,
            as_of,
            sheets_by_status,
            late,
            indicators: self.indicator_progress_at(as_of),
            funding: execution.map(|_| year_execution(funding_rows.iter())),
            funding_rows,
        }
    }

    /// The day the convention ends: its termination, or the last day of its period.
    ///
    /// ```
    /// assert_eq!(ctg_core::Convention::sample().end_date().to_string(), "2025-12-31");
    /// ```
    pub fn end_date(&self) -> NaiveDate {
        match &self.termination {
            Some(t) if t.date < self.period.end_date() => t.date,
            _ => self.period.end_date(),
        }
    }

    /// Whole months from `date` until the convention ends ([`end_date`](Self::end_date)); negative
    /// once it has ended. For planning renewals.
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate};
    /// let conv = Convention::sample(); // ends 2025-12-31
    /// assert_eq!(conv.months_before_expiry(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()), 6);
    /// assert_eq!(conv.months_before_expiry(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()), 0);
    /// assert_eq!(conv.months_before_expiry(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()), -2);
    /// ```
    pub fn months_before_expiry(&self, date: NaiveDate) -> i32 {
        months_between(date, self.end_date())
    }
}

/// Whole months from `from` to `to` (negative when `to` is before `from`).
fn months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    if to < from {
        return -months_between(to, from);
    }
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        months -= 1;
    }
    months
}

fn year_execution<'a>(rows: impl Iterator<Item = &'a ExecutionRow>) -> YearExecution {
    let mut planned = Amount::ZERO;
    let mut paid: Option<Amount> = None;
    let mut planned_known = Amount::ZERO;
    let (mut lines, mut known) = (0, 0);
    for row in rows {
        lines += 1;
        planned = planned.checked_add(row.planned).unwrap_or(Amount::MAX);
        if let Some(p) = row.paid {
            known += 1;
            planned_known = planned_known
                .checked_add(row.planned)
                .unwrap_or(Amount::MAX);
            paid = Some(
                paid.unwrap_or(Amount::ZERO)
                    .checked_add(p)
                    .unwrap_or(Amount::MAX),
            );
        }
    }
    YearExecution {
        planned,
        paid,
        lines,
        lines_paid_known: known,
        gap: paid.map(|p| planned_known.to_decimal() - p.to_decimal()),
    }
}

impl Evaluation {
    /// The year's funding lines as a table: beneficiary, what the line funds, planned, paid and
    /// the gap (`—` where the paid amount is not known).
    fn funding_table(&self, lang: Lang) -> String {
        if self.funding_rows.is_empty() {
            return String::new();
        }
        let mut rows = vec![vec![
            format!(
                "{} — {}",
                Label::Beneficiary.text(lang),
                Label::FacilityKind.text(lang).to_lowercase()
            ),
            Label::PlannedAmount.text(lang).to_owned(),
            Label::PaidAmount.text(lang).to_owned(),
            Label::Gap.text(lang).to_owned(),
        ]];
        for row in &self.funding_rows {
            // A label can be a paragraph: its first words tell the line apart on a terminal.
            let line = match &row.label {
                Some(label) => format!(
                    "{} — {} — {}",
                    row.beneficiary_name,
                    row.facility_kind.label(lang),
                    first_chars(label, 32)
                ),
                None => format!(
                    "{} — {}",
                    row.beneficiary_name,
                    row.facility_kind.label(lang)
                ),
            };
            rows.push(vec![
                line,
                row.planned.format(lang),
                row.paid.map_or_else(|| "—".to_owned(), |p| p.format(lang)),
                row.gap
                    .map_or_else(|| "—".to_owned(), |g| crate::render::signed_money(g, lang)),
            ]);
        }
        crate::render::text_table(&rows)
    }

    /// The evaluation in words, in `lang`.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang, NaiveDate};
    /// let text = Convention::sample()
    ///     .evaluation(2024, NaiveDate::from_ymd_opt(2025, 1, 15).unwrap())
    ///     .to_text(Lang::En);
    /// assert!(text.contains("Evaluation 2024"));
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let money = |a: Option<Amount>| a.map_or_else(|| "—".to_owned(), |a| a.format(lang));
        let mut out = format!(
            "{} {} — {} ({} {})\n",
            Label::Evaluation.text(lang),
            self.year,
            self.convention,
            Label::AsOf.text(lang),
            crate::render::date(self.as_of, lang)
        );
        out.push_str(&format!("\n{}\n", Label::ActionSheets.text(lang)));
        for (status, numbers) in &self.sheets_by_status {
            let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
            out.push_str(&format!(
                "  {} ({}){} {}\n",
                status.label(lang),
                numbers.len(),
                colon(lang),
                list.join(", ")
            ));
        }
        if !self.late.is_empty() {
            out.push_str(&format!("\n{}\n", Label::Late.text(lang)));
            for sheet in &self.late {
                out.push_str(&format!(
                    "  {}. {} ({} {})\n",
                    sheet.number,
                    sheet.title,
                    Label::EndedOn.text(lang),
                    crate::render::date(sheet.end, lang)
                ));
            }
        }
        if !self.indicators.is_empty() {
            out.push_str(&format!("\n{}\n", Label::Indicators.text(lang)));
            for i in &self.indicators {
                let progress = i
                    .progress
                    .map(|p| format!(" — {}", crate::render::percent(p, lang)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "  {}. {}{} {}{progress}\n",
                    i.action_sheet,
                    i.indicator,
                    colon(lang),
                    i.status.label(lang)
                ));
            }
        }
        match &self.funding {
            Some(f) => {
                let gap = f
                    .gap
                    .map(|g| {
                        format!(
                            "{} {} {}",
                            semicolon(lang),
                            Label::Gap.text(lang).to_lowercase(),
                            crate::render::signed_money(g, lang)
                        )
                    })
                    .unwrap_or_default();
                out.push_str(&format!(
                    "\n{} {}{} {} {}{} {} {} ({}/{}){gap}\n",
                    Label::CafFunding.text(lang),
                    self.year,
                    colon(lang),
                    Label::Planned.text(lang),
                    money(Some(f.planned)),
                    semicolon(lang),
                    Label::Paid.text(lang),
                    money(f.paid),
                    f.lines_paid_known,
                    f.lines
                ));
                out.push_str(&self.funding_table(lang));
            }
            None => out.push_str(&format!(
                "\n{}{} {}\n",
                Label::CafFunding.text(lang),
                colon(lang),
                Label::NoFunding.text(lang)
            )),
        }
        out
    }
}

/// At most `n` characters of `text`, with `…` when it was longer.
fn first_chars(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().nth(n).is_some() {
        out = out.trim_end().to_owned();
        out.push('…');
    }
    out
}
