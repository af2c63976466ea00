//! Period, signature, termination and renewal: the dates of a convention and their rules.

use chrono::{Duration, NaiveDate};

use super::reader::{Fields, Reader, Seg};
use crate::input::Tok;
use crate::{IssueCode, Params, Path, Period, PreviousConvention, Signature, Termination, Word};

/// How far before or after the start of the period a signature is still usual.
const USUAL_SIGNATURE_GAP_DAYS: i64 = 183;

const PERIOD: Fields = Fields {
    names: &["first_year", "last_year", "duration_years"],
    required: &["first_year", "last_year"],
};

/// Reads the period: `{first_year, last_year, duration_years?}` or `"2023-2025"`, and applies its
/// rules (those of [`Period::try_new`], the declared duration, the usual 3 to 5 years).
pub(crate) fn period<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Period> {
    let (first, last, declared) = match tok {
        Tok::Text(s) => {
            let Some((a, b)) = s.split_once(['-', '–', '/']) else {
                r.wrong_type(Tok::Text(s), Word::PERIOD);
                return None;
            };
            let first = r.year(Tok::Text(a.trim().to_owned().into()));
            let last = r.year(Tok::Text(b.trim().to_owned().into()));
            (first, last, None)
        }
        Tok::Object => {
            let (mut first, mut last, mut declared) = (None, None, None);
            r.object(tok, &PERIOD, |r, field, tok| match field {
                0 => first = r.year(tok),
                1 => last = r.year(tok),
                _ => declared = r.positive_int(tok),
            });
            (first, last, declared)
        }
        other => {
            r.wrong_type(other, Word::PERIOD);
            return None;
        }
    };
    let period = match Period::try_new(first?, last?) {
        Ok(period) => period,
        Err(error) => {
            r.error(error);
            return None;
        }
    };
    if let Some(declared) = declared {
        if declared != period.len() {
            r.issue_at(
                &[Seg::Field("duration_years")],
                IssueCode::PeriodDurationMismatch,
                Params::new()
                    .with("declared", declared)
                    .with("period", period.to_string())
                    .with("years", period.len()),
            );
            return None;
        }
    }
    if !(3..=5).contains(&period.len()) {
        r.issue(
            IssueCode::PeriodUnusualDuration,
            Params::new().with("years", period.len()),
        );
    }
    Some(period)
}

const SIGNATURE: Fields = Fields {
    names: &["date", "place"],
    required: &["date"],
};

/// Reads the signature (its date is checked against the period across sections).
pub(crate) fn signature<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Signature> {
    let (mut date, mut place, mut ok) = (None, None, true);
    let is_object = r.object(tok, &SIGNATURE, |r, field, tok| match field {
        0 => date = r.date(tok),
        _ => {
            place = r.text(tok);
            ok &= place.is_some();
        }
    });
    (is_object && ok).then_some(Signature { date: date?, place })
}

/// The signature date against the period.
pub(crate) fn check_signature(r: &mut Reader<'_, '_>, date: NaiveDate, period: Period) {
    let path = Path::root().key("signature").key("date");
    let start = period.start_date();
    let gap = Duration::days(USUAL_SIGNATURE_GAP_DAYS);
    if date > period.end_date() {
        r.issue_path(
            path,
            IssueCode::SignatureAfterPeriod,
            Params::new()
                .with("date", date)
                .with("period", period.to_string()),
        );
    } else if date < start - gap {
        r.issue_path(
            path,
            IssueCode::SignatureLongBeforeStart,
            Params::new()
                .with("date", date)
                .with("days", (start - date).num_days())
                .with("start", start),
        );
    } else if date > start + gap {
        r.issue_path(
            path,
            IssueCode::SignatureLongAfterStart,
            Params::new()
                .with("date", date)
                .with("days", (date - start).num_days())
                .with("start", start),
        );
    }
}

const TERMINATION: Fields = Fields {
    names: &["date", "reason"],
    required: &["date"],
};

/// Reads the termination (checked against the signature across sections).
pub(crate) fn termination<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Termination> {
    let (mut date, mut reason, mut ok) = (None, None, true);
    let is_object = r.object(tok, &TERMINATION, |r, field, tok| match field {
        0 => date = r.date(tok),
        _ => {
            reason = r.text(tok);
            ok &= reason.is_some();
        }
    });
    (is_object && ok).then_some(Termination {
        date: date?,
        reason,
    })
}

/// A termination must not precede the signature. `false` when it does (reported).
pub(crate) fn check_termination(
    r: &mut Reader<'_, '_>,
    date: NaiveDate,
    signed: NaiveDate,
) -> bool {
    if date >= signed {
        return true;
    }
    r.issue_path(
        Path::root().key("termination").key("date"),
        IssueCode::TerminationBeforeSignature,
        Params::new().with("date", date).with("signed", signed),
    );
    false
}

const RENEWS: Fields = Fields {
    names: &["id", "title", "first_year", "last_year"],
    required: &[],
};

/// Reads the convention this one renews; its period is given whole or not at all, within the
/// accepted years, and not reversed.
pub(crate) fn renews<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<PreviousConvention> {
    let (mut id, mut title, mut first, mut last) = (None, None, None, None);
    let (mut seen_first, mut seen_last, mut ok) = (false, false, true);
    let is_object = r.object(tok, &RENEWS, |r, field, tok| match field {
        0 => {
            id = r.text(tok);
            ok &= id.is_some();
        }
        1 => {
            title = r.text(tok);
            ok &= title.is_some();
        }
        2 => {
            seen_first = true;
            first = r.year(tok);
            ok &= first.is_some();
        }
        _ => {
            seen_last = true;
            last = r.year(tok);
            ok &= last.is_some();
        }
    });
    if !is_object {
        return None;
    }
    match (seen_first, seen_last) {
        (true, false) => {
            ok = false;
            r.issue_at(
                &[Seg::Field("last_year")],
                IssueCode::FieldMissing,
                Params::new().with("field", "last_year"),
            );
        }
        (false, true) => {
            ok = false;
            r.issue_at(
                &[Seg::Field("first_year")],
                IssueCode::FieldMissing,
                Params::new().with("field", "first_year"),
            );
        }
        _ => {}
    }
    if let (Some(a), Some(b)) = (first, last) {
        if let Err(error) = Period::try_new(a, b) {
            r.error(error);
            ok = false;
        }
    }
    ok.then_some(PreviousConvention {
        id,
        title,
        first_year: first,
        last_year: last,
    })
}

/// The renewed convention should end before this one starts.
pub(crate) fn check_renews(r: &mut Reader<'_, '_>, last: i32, period: Period) {
    if last >= period.first_year() {
        r.issue_path(
            Path::root().key("renews"),
            IssueCode::RenewsOverlap,
            Params::new()
                .with("last_year", last)
                .with("first_year", period.first_year()),
        );
    }
}
