//! Dates as people write them.

use chrono::{Datelike, NaiveDate};

use crate::{IssueCode, Params, ParseError};

/// The years a date may have (a convention's dates, with room on both sides).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Reads a date the way documents do: `YYYY-MM-DD` (ISO) or `DD/MM/YYYY` (French), a real
/// calendar day between the years 1900 and 2200; white space around it is ignored.
///
/// # Errors
/// `date.invalid`, with the text as written.
///
/// ```
/// use ctg_core::parse_date;
/// assert_eq!(parse_date("2024-01-16")?.to_string(), "2024-01-16");
/// assert_eq!(parse_date("16/01/2024")?.to_string(), "2024-01-16");
/// assert_eq!(parse_date("2022-11-31").unwrap_err().code().as_str(), "date.invalid");
/// assert!(parse_date("16/1/2024").is_err()); // two digits for the day and the month
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, ParseError> {
    read(s.trim())
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| {
            ParseError::new(
                IssueCode::DateInvalid,
                Params::new().with("value", crate::text::shorten(s.trim())),
            )
        })
}

/// `YYYY-MM-DD` or `DD/MM/YYYY`, digits where digits are expected.
fn read(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 {
        return None;
    }
    let (year, month, day) = match (b.get(4), b.get(7), b.get(2), b.get(5)) {
        (Some(b'-'), Some(b'-'), _, _) => (num(0..4)?, num(5..7)?, num(8..10)?),
        (_, _, Some(b'/'), Some(b'/')) => (num(6..10)?, num(3..5)?, num(0..2)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writings() {
        for (text, expected) in [
            ("2024-02-29", Some("2024-02-29")),
            (" 29/02/2024 ", Some("2024-02-29")),
            ("2023-02-29", None),
            ("1899-12-31", None),
            ("2201-01-01", None),
            ("2024-1-16", None),
            ("2024/01/16", None),
            ("16-01-2024", None),
            ("2024-01-16T00:00", None),
            ("２０２４-01-16", None),
            ("", None),
        ] {
            assert_eq!(
                parse_date(text).ok().map(|d| d.to_string()).as_deref(),
                expected,
                "{text:?}"
            );
        }
    }
}
