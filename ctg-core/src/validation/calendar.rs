//! Period, signature, termination and renewal: the dates of a convention and their rules.

use chrono::{Duration, NaiveDate};
use serde_json::Value;

use super::loc::Loc;
use super::reader::Reader;
use crate::{IssueCode, Period, PreviousConvention, Signature, Termination, Year};

/// How far before or after the start of the period a signature is still usual.
const USUAL_SIGNATURE_GAP_DAYS: i64 = 183;

/// Reads the period: `{first_year, last_year, duration_years?}` or `"2023-2025"`.
pub(crate) fn period(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<Period> {
    let (first, last, declared) = match value {
        Value::String(s) => {
            let Some((a, b)) = s.split_once(['-', '–', '/']) else {
                r.wrong_type(path, value, "un objet période", "a period object");
                return None;
            };
            let first = r.year(&Value::String(a.trim().to_owned()), path);
            let last = r.year(&Value::String(b.trim().to_owned()), path);
            (first, last, None)
        }
        _ => {
            let obj = r.object(value, path, &["first_year", "last_year", "duration_years"])?;
            let first = r.required(&obj, "first_year", Reader::year);
            let last = r.required(&obj, "last_year", Reader::year);
            let declared = r
                .optional(&obj, "duration_years", Reader::positive_int)
                .flatten();
            (first, last, declared)
        }
    };
    let (first, last) = (first?, last?);
    if first > last {
        r.push(
            IssueCode::PeriodReversed,
            path,
            format!("la première année ({first}) est après la dernière ({last})"),
            format!("the first year ({first}) is after the last one ({last})"),
        );
        return None;
    }
    let len = last - first + 1;
    if len > Period::MAX_LEN as i32 {
        r.push(
            IssueCode::PeriodTooLong,
            path,
            format!(
                "la période dure {len} ans, plus que le maximum de {} ans",
                Period::MAX_LEN
            ),
            format!(
                "the period lasts {len} years, more than the maximum of {} years",
                Period::MAX_LEN
            ),
        );
        return None;
    }
    let period = Period::new(first, last)?;
    if let Some(declared) = declared {
        if declared != period.len() {
            r.push(
                IssueCode::PeriodDurationMismatch,
                &path.key("duration_years"),
                format!(
                    "durée déclarée de {declared} ans, mais {period} couvre {} ans",
                    period.len()
                ),
                format!(
                    "declared duration of {declared} years, but {period} covers {} years",
                    period.len()
                ),
            );
            return None;
        }
    }
    if !(3..=5).contains(&period.len()) {
        r.push(
            IssueCode::PeriodUnusualDuration,
            path,
            format!(
                "durée inhabituelle de {} an(s) (une CTG dure d'ordinaire 3 à 5 ans)",
                period.len()
            ),
            format!(
                "unusual duration of {} year(s) (a CTG usually lasts 3 to 5 years)",
                period.len()
            ),
        );
    }
    Some(period)
}

/// Reads the signature and checks its date against the period.
pub(crate) fn signature(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    period: Option<Period>,
) -> Option<Signature> {
    let obj = r.object(value, path, &["date", "place"])?;
    let date = r.required(&obj, "date", Reader::date);
    let place = r.optional(&obj, "place", Reader::text);
    let date = date?;
    if let Some(period) = period {
        check_signature_date(r, date, period, &obj.at("date"));
    }
    Some(Signature {
        date,
        place: place?,
    })
}

fn check_signature_date(r: &mut Reader, date: NaiveDate, period: Period, path: &Loc<'_>) {
    let start = period.start_date();
    let gap = Duration::days(USUAL_SIGNATURE_GAP_DAYS);
    if date > period.end_date() {
        r.push(
            IssueCode::SignatureAfterPeriod,
            path,
            format!("signée le {date}, après la fin de la période {period}"),
            format!("signed on {date}, after the end of the period {period}"),
        );
    } else if date < start - gap {
        let days = (start - date).num_days();
        r.push(
            IssueCode::SignatureLongBeforeStart,
            path,
            format!("signée le {date}, {days} jours avant le début de la période ({start})"),
            format!("signed on {date}, {days} days before the period starts ({start})"),
        );
    } else if date > start + gap {
        let days = (date - start).num_days();
        r.push(
            IssueCode::SignatureLongAfterStart,
            path,
            format!("signée le {date}, {days} jours après le début de la période ({start})"),
            format!("signed on {date}, {days} days after the period started ({start})"),
        );
    }
}

/// Reads the termination and checks it does not precede the signature.
pub(crate) fn termination(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    signed: Option<NaiveDate>,
) -> Option<Termination> {
    let obj = r.object(value, path, &["date", "reason"])?;
    let date = r.required(&obj, "date", Reader::date);
    let reason = r.optional(&obj, "reason", Reader::text);
    let date = date?;
    if let Some(signed) = signed.filter(|&s| date < s) {
        r.push(
            IssueCode::TerminationBeforeSignature,
            &obj.at("date"),
            format!("résiliée le {date}, avant la signature du {signed}"),
            format!("terminated on {date}, before the signature of {signed}"),
        );
        return None;
    }
    Some(Termination {
        date,
        reason: reason?,
    })
}

/// Reads the convention this one renews and warns when its period overlaps.
pub(crate) fn renews(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    period: Option<Period>,
) -> Option<PreviousConvention> {
    let obj = r.object(value, path, &["id", "title", "first_year", "last_year"])?;
    let id = r.optional(&obj, "id", Reader::text);
    let title = r.optional(&obj, "title", Reader::text);
    let first_year = r.optional(&obj, "first_year", Reader::year);
    let last_year: Option<Option<Year>> = r.optional(&obj, "last_year", Reader::year);
    // The previous period is given whole or not at all.
    match (obj.get("first_year"), obj.get("last_year")) {
        (Some(_), None) => r.missing(&obj.at("last_year")),
        (None, Some(_)) => r.missing(&obj.at("first_year")),
        _ => {}
    }
    if let (Some(Some(last)), Some(period)) = (last_year, period) {
        if last >= period.first_year() {
            r.push(
                IssueCode::RenewsOverlap,
                path,
                format!(
                    "la convention renouvelée court jusqu'en {last}, alors que celle-ci commence en {}",
                    period.first_year()
                ),
                format!(
                    "the renewed convention runs until {last}, but this one starts in {}",
                    period.first_year()
                ),
            );
        }
    }
    Some(PreviousConvention {
        id: id?,
        title: title?,
        first_year: first_year?,
        last_year: last_year?,
    })
}
