//! Indicators: how an action sheet is evaluated (baseline, target, measurements).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// An evaluation indicator of an action sheet (*indicateur*): baseline, target and dated
/// measurements, in strictly increasing date order.
///
/// ```
/// let mut doc = ctg_core::Convention::sample().to_value();
/// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "assistantes maternelles",
///     "unit": "personnes", "baseline": 20, "target": 30,
///     "measurements": [{"date": "2024-06-30", "value": 24}]}]);
/// let conv = ctg_core::Convention::from_value(&doc).unwrap();
/// let indicator = &conv.action_sheet(2).unwrap().indicators()[0];
/// assert_eq!(indicator.unit().as_deref(), Some("personnes"));
/// assert_eq!(indicator.progress().unwrap().to_string(), "0.4000"); // 4 of the 10 hoped for
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Indicator {
    /// What is measured.
    pub(crate) name: String,
    /// Unit (`"places"`, `"%"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) unit: Option<String>,
    /// Initial value.
    #[serde(
        serialize_with = "crate::writing::decimal_serde::option::serialize",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::DecimalText>")
    )]
    pub(crate) baseline: Option<Decimal>,
    /// Value aimed at.
    #[serde(
        serialize_with = "crate::writing::decimal_serde::option::serialize",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::DecimalText>")
    )]
    pub(crate) target: Option<Decimal>,
    /// Measured values, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) measurements: Vec<Measurement>,
}

impl Indicator {
    /// What is measured.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "assistantes maternelles", "unit": "personnes",
    ///     "baseline": 20, "target": 30, "measurements": [{"date": "2024-06-30", "value": 24}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let indicator = &conv.action_sheet(2).unwrap().indicators()[0];
    /// assert_eq!(indicator.name(), "assistantes maternelles");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Unit (`"places"`, `"%"`).
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "assistantes maternelles", "unit": "personnes",
    ///     "baseline": 20, "target": 30, "measurements": [{"date": "2024-06-30", "value": 24}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let indicator = &conv.action_sheet(2).unwrap().indicators()[0];
    /// assert_eq!(indicator.unit(), Some("personnes"));
    /// ```
    pub fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// The baseline.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "assistantes maternelles", "unit": "personnes",
    ///     "baseline": 20, "target": 30, "measurements": [{"date": "2024-06-30", "value": 24}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let indicator = &conv.action_sheet(2).unwrap().indicators()[0];
    /// assert_eq!(indicator.baseline(), Some(ctg_core::Decimal::from(20)));
    /// ```
    pub fn baseline(&self) -> Option<Decimal> {
        self.baseline
    }

    /// The target.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "assistantes maternelles", "unit": "personnes",
    ///     "baseline": 20, "target": 30, "measurements": [{"date": "2024-06-30", "value": 24}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let indicator = &conv.action_sheet(2).unwrap().indicators()[0];
    /// assert_eq!(indicator.target(), Some(ctg_core::Decimal::from(30)));
    /// ```
    pub fn target(&self) -> Option<Decimal> {
        self.target
    }

    /// Measured values, oldest first.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "assistantes maternelles", "unit": "personnes",
    ///     "baseline": 20, "target": 30, "measurements": [{"date": "2024-06-30", "value": 24}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let indicator = &conv.action_sheet(2).unwrap().indicators()[0];
    /// assert_eq!(indicator.measurements().len(), 1);
    /// ```
    pub fn measurements(&self) -> &[Measurement] {
        &self.measurements
    }
}

/// Building a [`Indicator`] in code.
impl Indicator {
    /// A indicator with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Indicator::new("places");
    /// assert_eq!(p.name(), "places");
    /// ```
    pub fn new(name: impl Into<String>) -> Indicator {
        Indicator {
            name: crate::text::tidy(name),
            unit: Default::default(),
            baseline: Default::default(),
            target: Default::default(),
            measurements: Default::default(),
        }
    }

    /// The same indicator with its `unit` set.
    ///
    /// ```
    /// let p = ctg_core::Indicator::new("places").with_unit("places");
    /// assert_eq!(p.unit(), Some("places"));
    /// ```
    pub fn with_unit(mut self, value: impl Into<String>) -> Indicator {
        self.unit = Some(crate::text::tidy(value));
        self
    }

    /// The same indicator with its `baseline` set.
    ///
    /// ```
    /// let p = ctg_core::Indicator::new("places").with_baseline(ctg_core::Decimal::from(45));
    /// assert_eq!(p.baseline(), Some(ctg_core::Decimal::from(45)));
    /// ```
    pub fn with_baseline(mut self, value: Decimal) -> Indicator {
        self.baseline = Some(value);
        self
    }

    /// The same indicator with its `target` set.
    ///
    /// ```
    /// let p = ctg_core::Indicator::new("places").with_target(ctg_core::Decimal::from(80));
    /// assert_eq!(p.target(), Some(ctg_core::Decimal::from(80)));
    /// ```
    pub fn with_target(mut self, value: Decimal) -> Indicator {
        self.target = Some(value);
        self
    }

    /// The same indicator with its `measurements` set.
    ///
    /// ```
    /// let p = ctg_core::Indicator::new("places").with_measurements([ctg_core::Measurement::new(chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap(), ctg_core::Decimal::from(59))]);
    /// assert_eq!(p.measurements().len(), 1);
    /// ```
    pub fn with_measurements(mut self, value: impl IntoIterator<Item = Measurement>) -> Indicator {
        self.measurements = value.into_iter().collect();
        self
    }
}

/// One measured value of an indicator.
///
/// ```
/// let json = r#"{"name": "familles accueillies",
///                "measurements": [{"date": "15/09/2023", "value": 12}]}"#;
/// let indicator = ctg_core::Indicator::from_json_str(json).unwrap();
/// let measurement = &indicator.measurements()[0];
/// assert_eq!(measurement.date().to_string(), "2023-09-15");
/// assert_eq!(measurement.value(), ctg_core::Decimal::from(12));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Measurement {
    /// When it was measured.
    pub(crate) date: NaiveDate,
    /// The value.
    #[serde(serialize_with = "crate::writing::decimal_serde::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::DecimalText"))]
    pub(crate) value: Decimal,
}

impl Measurement {
    /// When it was measured.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "places",
    ///     "measurements": [{"date": "2024-06-30", "value": "24,5"}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let measurement = &conv.action_sheet(2).unwrap().indicators()[0].measurements()[0];
    /// assert_eq!(measurement.date().to_string(), "2024-06-30");
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The value.
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["action_sheets"][1]["indicators"] = serde_json::json!([{"name": "places",
    ///     "measurements": [{"date": "2024-06-30", "value": "24,5"}]}]);
    /// let conv = Convention::from_value(&doc).unwrap();
    /// let measurement = &conv.action_sheet(2).unwrap().indicators()[0].measurements()[0];
    /// assert_eq!(measurement.value(), ctg_core::Decimal::new(245, 1));
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }
}

/// Building a [`Measurement`] in code.
impl Measurement {
    /// A measurement with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Measurement::new(chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap(), ctg_core::Decimal::from(59));
    /// assert_eq!(p.date(), chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap());
    /// assert_eq!(p.value(), ctg_core::Decimal::from(59));
    /// ```
    pub fn new(date: NaiveDate, value: Decimal) -> Measurement {
        Measurement { date, value }
    }
}

impl Indicator {
    /// The most recent measurement.
    ///
    /// ```
    /// let json = r#"{"name": "places", "measurements": [{"date": "2023-09-01", "value": "52"},
    ///                                                  {"date": "2024-09-01", "value": "59"}]}"#;
    /// let indicator = ctg_core::Indicator::from_json_str(json).unwrap();
    /// assert_eq!(indicator.latest().unwrap().value().to_string(), "59");
    /// let empty = ctg_core::Indicator::from_json_str(r#"{"name": "places"}"#).unwrap();
    /// assert!(empty.latest().is_none());
    /// ```
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.last()
    }

    /// Progress from baseline toward target, `(latest − baseline) / (target − baseline)`, rounded
    /// half away from zero to 4 decimals: `0` at the baseline, `1` when the target is reached; it
    /// may be negative or above 1. `None` without baseline, target or measurement, or when the
    /// target equals the baseline.
    ///
    /// ```
    /// let json = r#"{"name": "places", "baseline": "45", "target": "80",
    ///                "measurements": [{"date": "2024-09-01", "value": "59"}]}"#;
    /// let indicator = ctg_core::Indicator::from_json_str(json).unwrap();
    /// assert_eq!(indicator.progress().unwrap().to_string(), "0.4000");
    /// ```
    pub fn progress(&self) -> Option<Decimal> {
        crate::evaluation::progress(self, self.latest()?.value)
    }

    /// Reads one indicator from JSON, with the same validation as inside a convention.
    ///
    /// ```
    /// let err = ctg_core::Indicator::from_json_str(r#"{"unit": "%"}"#).unwrap_err();
    /// assert_eq!(err.issues()[0].code.as_str(), "field.missing");
    /// ```
    pub fn from_json_str(json: &str) -> Result<Indicator, crate::Report> {
        crate::Validator::new().read_indicator(json)
    }
}
