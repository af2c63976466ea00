//! The period a convention covers: whole civil years.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// A civil year (`2024`).
///
/// ```
/// let year: ctg_core::Year = 2024;
/// let totals = ctg_core::Convention::sample().totals().unwrap();
/// assert_eq!(totals.by_year[&year].to_string(), "241801.00");
/// ```
pub type Year = i32;

/// The years a convention covers, first and last inclusive: always 1 to 10 years, within 1990–2100.
///
/// ```
/// use ctg_core::Period;
/// let p = Period::new(2023, 2025).unwrap();
/// assert_eq!(p.len(), 3);
/// assert!(p.contains(2024) && !p.contains(2026));
/// assert_eq!(p.years().collect::<Vec<_>>(), vec![2023, 2024, 2025]);
/// assert!(Period::new(2025, 2023).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    first_year: Year,
    last_year: Year,
}

impl Period {
    /// The earliest year accepted anywhere in a convention.
    ///
    /// ```
    /// use ctg_core::Period;
    /// assert_eq!(Period::MIN_YEAR, 1990);
    /// assert!(Period::new(Period::MIN_YEAR, 1992).is_some());
    /// assert!(Period::new(Period::MIN_YEAR - 1, 1992).is_none());
    /// ```
    pub const MIN_YEAR: Year = 1990;
    /// The latest year accepted anywhere in a convention.
    ///
    /// ```
    /// use ctg_core::Period;
    /// assert_eq!(Period::MAX_YEAR, 2100);
    /// assert!(Period::new(2098, Period::MAX_YEAR).is_some());
    /// assert!(Period::new(2098, Period::MAX_YEAR + 1).is_none());
    /// ```
    pub const MAX_YEAR: Year = 2100;
    /// The longest period accepted, in years.
    ///
    /// ```
    /// use ctg_core::Period;
    /// assert_eq!(Period::new(2020, 2029).unwrap().len(), Period::MAX_LEN);
    /// assert!(Period::new(2020, 2030).is_none()); // 11 years
    /// ```
    pub const MAX_LEN: u32 = 10;

    /// A period from `first_year` to `last_year` inclusive, or `None` when it is reversed, longer
    /// than ten years or outside 1990–2100 ([`Period::try_new`] says which).
    ///
    /// ```
    /// use ctg_core::Period;
    /// assert_eq!(Period::new(2023, 2025).unwrap().to_string(), "2023–2025");
    /// assert!(Period::new(2024, 2024).is_some()); // a single year
    /// assert!(Period::new(2025, 2023).is_none()); // reversed
    /// assert!(Period::new(1985, 1987).is_none()); // before 1990
    /// ```
    pub fn new(first_year: Year, last_year: Year) -> Option<Period> {
        Period::try_new(first_year, last_year).ok()
    }

    /// A period from `first_year` to `last_year` inclusive: the one place where the period's rules
    /// live (validation applies them through it).
    ///
    /// # Errors
    /// `year.invalid` for a year outside 1990–2100, `period.reversed` when the first year is after
    /// the last, `period.too_long` beyond ten years.
    ///
    /// ```
    /// use ctg_core::Period;
    /// assert_eq!(Period::try_new(2025, 2023).unwrap_err().code().as_str(), "period.reversed");
    /// assert_eq!(Period::try_new(2020, 2030).unwrap_err().code().as_str(), "period.too_long");
    /// assert_eq!(Period::try_new(1985, 1987).unwrap_err().code().as_str(), "year.invalid");
    /// ```
    pub fn try_new(first_year: Year, last_year: Year) -> Result<Period, crate::ParseError> {
        use crate::{IssueCode, Params, ParseError};
        for year in [first_year, last_year] {
            if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
                return Err(ParseError::new(
                    IssueCode::YearInvalid,
                    Params::new()
                        .with("value", year.to_string())
                        .with("min", Self::MIN_YEAR)
                        .with("max", Self::MAX_YEAR),
                ));
            }
        }
        if first_year > last_year {
            return Err(ParseError::new(
                IssueCode::PeriodReversed,
                Params::new()
                    .with("first_year", first_year)
                    .with("last_year", last_year),
            ));
        }
        let years = last_year - first_year + 1;
        if years > Self::MAX_LEN as i32 {
            return Err(ParseError::new(
                IssueCode::PeriodTooLong,
                Params::new()
                    .with("years", years)
                    .with("max", Self::MAX_LEN),
            ));
        }
        Ok(Period {
            first_year,
            last_year,
        })
    }

    /// The first year covered.
    ///
    /// ```
    /// assert_eq!(ctg_core::Period::new(2023, 2025).unwrap().first_year(), 2023);
    /// ```
    pub fn first_year(&self) -> Year {
        self.first_year
    }

    /// The last year covered (inclusive).
    ///
    /// ```
    /// let period = ctg_core::Period::new(2023, 2025).unwrap();
    /// assert_eq!(period.last_year(), 2025); // inclusive
    /// assert!(period.contains(period.last_year()));
    /// ```
    pub fn last_year(&self) -> Year {
        self.last_year
    }

    /// The number of years covered (1 to 10).
    ///
    /// ```
    /// use ctg_core::Period;
    /// assert_eq!(Period::new(2023, 2027).unwrap().len(), 5);
    /// assert_eq!(Period::new(2024, 2024).unwrap().len(), 1);
    /// ```
    #[allow(clippy::len_without_is_empty)] // a period is never empty
    pub fn len(&self) -> u32 {
        (self.last_year - self.first_year + 1).unsigned_abs()
    }

    /// Whether `year` lies inside the period.
    ///
    /// ```
    /// let period = ctg_core::Period::new(2023, 2025).unwrap();
    /// assert!(period.contains(2023) && period.contains(2025));
    /// assert!(!period.contains(2022) && !period.contains(2026));
    /// ```
    pub fn contains(&self, year: Year) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }

    /// The years of the period, in order.
    ///
    /// ```
    /// let period = ctg_core::Period::new(2023, 2025).unwrap();
    /// assert_eq!(period.years().collect::<Vec<_>>(), [2023, 2024, 2025]);
    /// assert_eq!(period.years().count(), period.len() as usize);
    /// ```
    pub fn years(&self) -> impl Iterator<Item = Year> + Clone {
        self.first_year..=self.last_year
    }

    /// January 1st of the first year.
    ///
    /// ```
    /// # use ctg_core::Period;
    /// assert_eq!(Period::new(2023, 2025).unwrap().start_date().to_string(), "2023-01-01");
    /// ```
    pub fn start_date(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.first_year, 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// December 31st of the last year.
    ///
    /// ```
    /// # use ctg_core::Period;
    /// assert_eq!(Period::new(2023, 2025).unwrap().end_date().to_string(), "2025-12-31");
    /// ```
    pub fn end_date(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.last_year, 12, 31).unwrap_or(NaiveDate::MAX)
    }
}

impl std::str::FromStr for Period {
    type Err = crate::ParseError;

    /// Reads `"2023-2025"` (also with `–` or `/`), by the rules of [`Period::try_new`].
    ///
    /// ```
    /// use ctg_core::Period;
    /// assert_eq!("2023–2025".parse::<Period>()?, Period::new(2023, 2025).unwrap());
    /// assert_eq!("2025-2023".parse::<Period>().unwrap_err().code().as_str(), "period.reversed");
    /// assert_eq!("2023".parse::<Period>().unwrap_err().code().as_str(), "year.invalid");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    fn from_str(s: &str) -> Result<Period, crate::ParseError> {
        let year = |t: &str| {
            let t = t.trim();
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse::<Year>().ok())
                .flatten()
        };
        let invalid = || {
            crate::ParseError::new(
                crate::IssueCode::YearInvalid,
                crate::Params::new()
                    .with("value", crate::text::shorten(s))
                    .with("min", Period::MIN_YEAR)
                    .with("max", Period::MAX_YEAR),
            )
        };
        let (a, b) = s.split_once(['-', '–', '/']).ok_or_else(invalid)?;
        Period::try_new(year(a).ok_or_else(invalid)?, year(b).ok_or_else(invalid)?)
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}–{}", self.first_year, self.last_year)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Period", 3)?;
        s.serialize_field("first_year", &self.first_year)?;
        s.serialize_field("last_year", &self.last_year)?;
        s.serialize_field("duration_years", &self.len())?;
        s.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    /// `duration_years` is derived: optional on input, always written.
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let year = |what: &str| {
            serde_json::json!({
                "type": "integer",
                "minimum": Period::MIN_YEAR,
                "maximum": Period::MAX_YEAR,
                "description": what,
            })
        };
        let mut required = vec!["first_year", "last_year"];
        if generator.contract().is_serialize() {
            required.push("duration_years");
        }
        schemars::json_schema!({
            "type": "object",
            "description": format!(
                "Years covered, first and last inclusive ({} to {} years, from {} to {}).",
                1,
                Period::MAX_LEN,
                Period::MIN_YEAR,
                Period::MAX_YEAR
            ),
            "required": required,
            "properties": {
                "first_year": year("First civil year covered."),
                "last_year": year("Last civil year covered (inclusive)."),
                "duration_years": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": Period::MAX_LEN,
                    "description": "Number of years, last_year - first_year + 1 (written by ctg; when given, it must be that number)."
                }
            }
        })
    }
}
