//! The period a convention covers: whole civil years.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// A civil year (`2024`).
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
    pub const MIN_YEAR: Year = 1990;
    /// The latest year accepted anywhere in a convention.
    pub const MAX_YEAR: Year = 2100;
    /// The longest period accepted, in years.
    pub const MAX_LEN: u32 = 10;

    /// A period from `first_year` to `last_year` inclusive, or `None` when it is reversed, longer
    /// than ten years or outside 1990–2100.
    pub fn new(first_year: Year, last_year: Year) -> Option<Period> {
        let in_range = |y: Year| (Self::MIN_YEAR..=Self::MAX_YEAR).contains(&y);
        let ok = in_range(first_year)
            && in_range(last_year)
            && first_year <= last_year
            && last_year - first_year < Self::MAX_LEN as i32;
        ok.then_some(Period {
            first_year,
            last_year,
        })
    }

    /// The first year covered.
    pub fn first_year(&self) -> Year {
        self.first_year
    }

    /// The last year covered (inclusive).
    pub fn last_year(&self) -> Year {
        self.last_year
    }

    /// The number of years covered (1 to 10).
    #[allow(clippy::len_without_is_empty)] // a period is never empty
    pub fn len(&self) -> u32 {
        (self.last_year - self.first_year + 1).unsigned_abs()
    }

    /// Whether `year` lies inside the period.
    pub fn contains(&self, year: Year) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }

    /// The years of the period, in order.
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

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "Years covered, first and last inclusive (1 to 10 years).",
            "required": ["first_year", "last_year"],
            "properties": {
                "first_year": {"type": "integer", "minimum": 1990, "maximum": 2100},
                "last_year": {"type": "integer", "minimum": 1990, "maximum": 2100},
                "duration_years": {"type": "integer", "minimum": 1, "maximum": 10}
            },
            "additionalProperties": false
        })
    }
}
