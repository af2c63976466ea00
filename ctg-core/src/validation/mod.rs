//! Validation: turning a lenient document into a `Convention`, reporting every problem at once.
//!
//! Every input (JSON text, a host tree, a `serde_json::Value`) is pulled through the same
//! [`Source`](crate::input) interface into drafts; the rules across sections run on the drafts;
//! the convention is assembled only when no error was found.

mod action_sheets;
mod amendments;
mod calendar;
mod document;
mod domains;
mod funding;
mod geography;
mod governance;
mod parties;
mod reader;
mod references;
mod sink;
mod slot;
mod strategy;
mod tree;

use crate::input::{self, JsonSource, Limits, SerdeSource, Stop, Tok, TreeSource};
use crate::{Gazetteer, Issue, IssueCode, Params, Path, Report, Validation, Word};

use reader::Reader;

/// Validation with options: the [`Limits`] of what is read, and the official geography to check
/// collectivities against ([`Validator::gazetteer`]). The functions [`validate_str`],
/// [`validate_slice`], [`validate_value`] and [`validate_host`] use the default options (no
/// gazetteer).
///
/// ```
/// use ctg_core::{Limits, Validator};
/// let validator = Validator::new().limits(Limits { max_bytes: 100, ..Limits::default() });
/// let report = validator.validate_str(ctg_core::Convention::sample_json()).into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "input.too_large");
/// ```
#[derive(Clone, Copy, Default)]
pub struct Validator<'g> {
    limits: Limits,
    gazetteer: Option<&'g dyn Gazetteer>,
}

impl std::fmt::Debug for Validator<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator")
            .field("limits", &self.limits)
            .field(
                "gazetteer",
                &self.gazetteer.map(|g| g.vintage().to_string()),
            )
            .finish()
    }
}

impl<'g> Validator<'g> {
    /// A validator with the default limits.
    ///
    /// ```
    /// assert!(ctg_core::Validator::new().validate_str(ctg_core::Convention::sample_json()).is_valid());
    /// ```
    pub fn new() -> Validator<'g> {
        Validator::default()
    }

    /// The same validator with other limits.
    ///
    /// ```
    /// use ctg_core::{Limits, Validator};
    /// let strict = Validator::new().limits(Limits { max_depth: 2, ..Limits::default() });
    /// let report = strict.validate_str(r#"{"a": {"b": {}}}"#).into_report();
    /// assert_eq!(report.issues()[0].code.as_str(), "json.too_deep");
    /// ```
    pub fn limits(mut self, limits: Limits) -> Validator<'g> {
        self.limits = limits;
        self
    }

    /// The same validator, checking collectivities against an official geography: INSEE codes
    /// and SIRENs that the reference does not know, names, départements and kinds that contradict
    /// it, EPCI member lists that differ from it, signatory communes outside the signatory EPCI,
    /// action-sheet communes outside the convention's territory (the `geo.*` codes of
    /// [`IssueCode`](crate::IssueCode)). Without a gazetteer none of these rules run.
    ///
    /// Every issue of these rules carries the reference's vintage in `ctx` (`geography`,
    /// `effective`). Memberships and names change every year: a difference that a change after
    /// the signature may explain is a warning; it is an error only when the convention was signed
    /// under the reference's geography (see `docs/geography.md`).
    ///
    /// ```
    /// use ctg_core::{Convention, Severity, Validator};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let validator = Validator::new().gazetteer(geo);
    ///
    /// // Saint-Amans-Soult and Pont-de-Larn sign the CTG of the CC Thoré Montagne Noire without
    /// // being members of it: two informations, the convention stays valid.
    /// let report = validator.validate_str(Convention::sample_json()).into_report();
    /// assert!(report.is_valid());
    /// let infos: Vec<String> = report.infos().map(|i| i.path.to_string()).collect();
    /// assert_eq!(infos, ["parties[11]", "parties[12]"]);
    ///
    /// // 82999 is no commune's code, and never was.
    /// let mut doc = Convention::sample().to_value();
    /// doc["parties"][5]["insee"] = "82999".into();
    /// let report = validator.validate_value(&doc).into_report();
    /// let issue = report.errors().next().unwrap();
    /// assert_eq!((issue.code.as_str(), issue.path.to_string()), ("geo.insee_unknown", "parties[5].insee".into()));
    /// assert_eq!(issue.params.get("geography").unwrap().render(ctg_core::Lang::En), "COG 2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Needs the `geography` feature (on by default).
    #[cfg(feature = "geography")]
    pub fn gazetteer(mut self, gazetteer: &'g dyn Gazetteer) -> Validator<'g> {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// The gazetteer in use, if any.
    ///
    /// ```
    /// assert!(ctg_core::Validator::new().get_gazetteer().is_none());
    /// ```
    #[cfg(feature = "geography")]
    pub fn get_gazetteer(&self) -> Option<&'g dyn Gazetteer> {
        self.gazetteer
    }

    /// The limits in use.
    ///
    /// ```
    /// assert_eq!(ctg_core::Validator::new().get_limits(), ctg_core::Limits::DEFAULT);
    /// ```
    pub fn get_limits(&self) -> Limits {
        self.limits
    }

    /// Validates JSON text.
    ///
    /// ```
    /// let v = ctg_core::Validator::new().validate_str(r#"{"format_version": 1}"#);
    /// assert!(!v.is_valid());
    /// ```
    pub fn validate_str(&self, json: &str) -> Validation {
        if json.len() > self.limits.max_bytes {
            return self.fatal(Stop::TooLarge, Word::BYTES);
        }
        let mut source = JsonSource::from_text(json, self.limits.max_depth);
        self.run(&mut source, Word::BYTES)
    }

    /// Validates JSON text given as bytes (UTF-8; a lone surrogate encoded as WTF-8 is reported
    /// where it stands, like `"\ud800"`).
    ///
    /// ```
    /// let report = ctg_core::Validator::new().validate_slice(b"\xff\xfe").into_report();
    /// assert_eq!(report.issues()[0].code.as_str(), "json.syntax");
    /// ```
    pub fn validate_slice(&self, json: &[u8]) -> Validation {
        if json.len() > self.limits.max_bytes {
            return self.fatal(Stop::TooLarge, Word::BYTES);
        }
        let mut source = JsonSource::new(json, self.limits.max_depth);
        self.run(&mut source, Word::BYTES)
    }

    /// Validates an already parsed `serde_json::Value` (whose duplicate keys, if the text had
    /// any, were merged by its parser: prefer [`Validator::validate_str`] on text).
    ///
    /// ```
    /// let value: serde_json::Value = serde_json::from_str(ctg_core::Convention::sample_json()).unwrap();
    /// assert!(ctg_core::Validator::new().validate_value(&value).is_valid());
    /// ```
    pub fn validate_value(&self, value: &serde_json::Value) -> Validation {
        let mut source = SerdeSource::new(value, self.limits.max_depth);
        self.run(&mut source, Word::VALUES)
    }

    /// Validates a host tree (what the Python and JavaScript bindings build).
    ///
    /// ```
    /// use ctg_core::input::{Key, Value};
    /// let doc = Value::Map(vec![(Key::Int(2024), Value::Null)]);
    /// let report = ctg_core::Validator::new().validate_host(&doc).into_report();
    /// assert!(report.issues().iter().any(|i| i.code.as_str() == "field.unknown"));
    /// ```
    pub fn validate_host(&self, value: &input::Value) -> Validation {
        let mut source = TreeSource::new(value, self.limits.max_depth);
        self.run(&mut source, Word::VALUES)
    }

    fn run<'s, 'a: 's>(&self, source: impl Into<reader::Pull<'s, 'a>>, unit: Word) -> Validation {
        let mut r = Reader::new(source, &self.limits);
        r.set_geography(self.gazetteer.is_some());
        let tok = r.next();
        let draft = document::read(&mut r, tok);
        r.finish();
        let convention = draft.and_then(|d| document::check(&mut r, d, self.gazetteer));
        let (stop, sink) = r.into_parts();
        if let Some(stop) = stop {
            return self.fatal(stop, unit);
        }
        let report = sink.into_report(document::section_rank);
        let convention = convention.filter(|_| report.is_valid());
        Validation::new(report, convention)
    }

    /// The report of an input that could not be read at all.
    fn fatal(&self, stop: Stop, unit: Word) -> Validation {
        let issue = match stop {
            Stop::Syntax {
                line,
                column,
                detail,
            } => Issue::new(
                IssueCode::JsonSyntax,
                Path::root(),
                Params::new()
                    .with("line", line)
                    .with("column", column)
                    .with("detail", detail),
            ),
            Stop::TooDeep => Issue::new(
                IssueCode::JsonTooDeep,
                Path::root(),
                Params::new().with("limit", self.limits.max_depth),
            ),
            Stop::TooLarge => self.limits.too_large(unit),
        };
        Validation::new(Report::from(vec![issue]), None)
    }

    /// Reads an action sheet on its own from a host value, with the validation it gets inside a
    /// document (the checks across sections excepted: references, numbering; those run on the
    /// convention it goes into). Issues are at `action_sheet.…` (`action_sheet.title`), named
    /// after the argument of the bindings' `with_action_sheet`, which reads it so.
    ///
    /// ```
    /// use ctg_core::input::{Key, Value};
    /// use ctg_core::Validator;
    /// let text = |s: &str| Value::Text(s.to_owned());
    /// let sheet = Value::Map(vec![
    ///     (Key::Text("number".into()), Value::Int(17)),
    ///     (Key::Text("title".into()), text("Soutenir la parentalité")),
    /// ]);
    /// assert_eq!(Validator::new().read_action_sheet(&sheet)?.number(), 17);
    /// let untitled = Value::Map(vec![(Key::Text("number".into()), Value::Int(17))]);
    /// let report = Validator::new().read_action_sheet(&untitled).unwrap_err();
    /// assert_eq!(report.issues()[0].path.to_string(), "action_sheet.title");
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn read_action_sheet(&self, value: &input::Value) -> Result<crate::ActionSheet, Report> {
        self.read_part(value, "action_sheet", |r, tok| {
            action_sheets::action_sheet(r, 0, tok).built
        })
    }

    /// Reads a party on its own from a host value, with the validation it gets inside a document
    /// (the checks across parties excepted). Issues are at `party.…`.
    ///
    /// ```
    /// use ctg_core::input::{Key, Value};
    /// use ctg_core::Validator;
    /// let field = |k: &str, v: &str| (Key::Text(k.into()), Value::Text(v.into()));
    /// let msa = Value::Map(vec![field("id", "msa"), field("name", "MSA Midi-Pyrénées Nord"),
    ///     field("kind", "msa"), field("role", "co_funder")]);
    /// assert_eq!(Validator::new().read_party(&msa)?.id(), "msa");
    /// let report = Validator::new().read_party(&Value::Map(vec![field("id", "x")])).unwrap_err();
    /// assert_eq!(report.issues()[0].code.as_str(), "field.missing");
    /// assert_eq!(report.issues()[0].path.to_string(), "party.name");
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn read_party(&self, value: &input::Value) -> Result<crate::Party, Report> {
        self.read_part(value, "party", |r, tok| {
            parties::party(r, 0, tok, &mut parties::Identities::default()).built
        })
    }

    /// Reads a period on its own (`{first_year, last_year}` or `"2023-2025"`), with its rules.
    /// Issues are at `period…`.
    ///
    /// ```
    /// use ctg_core::input::Value;
    /// use ctg_core::Validator;
    /// let period = Validator::new().read_period(&Value::Text("2024-2027".into()))?;
    /// assert_eq!(period.len(), 4);
    /// let report = Validator::new().read_period(&Value::Text("2027-2024".into())).unwrap_err();
    /// assert_eq!(report.issues()[0].code.as_str(), "period.reversed");
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn read_period(&self, value: &input::Value) -> Result<crate::Period, Report> {
        self.read_part(value, "period", calendar::period)
    }

    /// Reads a list of allocations on its own (the checks against a period and the references
    /// excepted). Issues are at `allocations[i]…`.
    ///
    /// ```
    /// use ctg_core::input::{Key, Value};
    /// use ctg_core::Validator;
    /// let line = |amount: &str| Value::Map(vec![
    ///     (Key::Text("beneficiary".into()), Value::Text("mjc".into())),
    ///     (Key::Text("facility_kind".into()), Value::Text("jeunesse".into())),
    ///     (Key::Text("amounts".into()), Value::Map(vec![(Key::Int(2024), Value::Text(amount.into()))])),
    /// ]);
    /// let lines = Validator::new().read_allocations(&Value::List(vec![line("3 000 €")]))?;
    /// assert_eq!(lines[0].amounts()[&2024].to_string(), "3000.00");
    /// let report = Validator::new().read_allocations(&Value::List(vec![line("-3")])).unwrap_err();
    /// assert_eq!(report.issues()[0].path.to_string(), "allocations[0].amounts.2024");
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn read_allocations(&self, value: &input::Value) -> Result<Vec<crate::Allocation>, Report> {
        self.read_part(value, "allocations", funding::allocations)
    }

    /// Reads a list of changes as an amendment holds them (objects with a `kind`), with the same
    /// validation. Issues are at `changes[i]…`, where [`Convention::apply`](crate::Convention::apply)
    /// reports a change that cannot apply.
    ///
    /// ```
    /// use ctg_core::input::{Key, Value};
    /// use ctg_core::{Convention, Validator};
    /// let add = Value::Map(vec![
    ///     (Key::Text("kind".into()), Value::Text("domain".into())),
    ///     (Key::Text("after".into()), Value::Text("parentalite".into())),
    /// ]);
    /// let changes = Validator::new().read_changes(&Value::List(vec![add]))?;
    /// assert!(Convention::sample().apply(&changes).is_ok());
    /// let unknown = Value::Map(vec![(Key::Text("kind".into()), Value::Text("colour".into()))]);
    /// let report = Validator::new().read_changes(&Value::List(vec![unknown])).unwrap_err();
    /// assert_eq!(report.issues()[0].path.to_string(), "changes[0].kind");
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn read_changes(&self, value: &input::Value) -> Result<Vec<crate::Change>, Report> {
        self.read_part(value, "changes", amendments::changes)
    }

    /// Reads JSON text as a `serde_json::Value` tree, for a tool that edits a document as a tree
    /// and writes it back (filling identifiers from the geography, importing tables into it).
    /// Nothing a generic parser would change silently passes: a duplicate key
    /// (`json.duplicate_key`: `serde_json` keeps the last value), a lone surrogate
    /// (`text.lone_surrogate`), a number the tree would write otherwise (`json.number_rewritten`:
    /// `1e2` would become `100.0`) are refused, every one with its path, under this validator's
    /// limits. The tree is not validated: [`Validator::validate_value`] does that.
    ///
    /// ```
    /// use ctg_core::Validator;
    /// let tree = Validator::new().read_tree(br#"{"title": "CTG", "n": 12}"#)?;
    /// assert_eq!(tree["n"], 12);
    /// let report = Validator::new()
    ///     .read_tree(br#"{"amounts": {"2023": "1.00", "2023": "40800.00"}, "x": 1e2}"#)
    ///     .unwrap_err();
    /// let codes: Vec<_> = report.issues().iter().map(|i| (i.code.as_str(), i.path.to_string())).collect();
    /// assert_eq!(codes, [("json.duplicate_key", "amounts.2023".to_owned()), ("json.number_rewritten", "x".to_owned())]);
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn read_tree(&self, json: &[u8]) -> Result<serde_json::Value, Report> {
        if json.len() > self.limits.max_bytes {
            return Err(self.fatal(Stop::TooLarge, Word::BYTES).into_report());
        }
        let mut source = JsonSource::new(json, self.limits.max_depth);
        self.tree(&mut source, Word::BYTES)
    }

    /// Reads a host tree (what the Python and JavaScript bindings build) as a
    /// `serde_json::Value` tree, by the rules of [`Validator::read_tree`]: a float that is not
    /// finite is `value.nan`, an exact decimal becomes its plain writing in text (the canonical
    /// writing of amounts: `Decimal("1E+3")` is `"1000"`), a date its ISO writing, a value of a
    /// type JSON has no writing for is `field.type`.
    ///
    /// ```
    /// use ctg_core::{input::{Key, Value}, Validator};
    /// let doc = Value::Map(vec![(Key::Text("amount".into()), Value::Decimal("4.08E+4".into()))]);
    /// assert_eq!(Validator::new().read_host_tree(&doc)?["amount"], "40800");
    /// let nan = Value::Map(vec![(Key::Text("amount".into()), Value::Float(f64::NAN))]);
    /// let report = Validator::new().read_host_tree(&nan).unwrap_err();
    /// assert_eq!(report.issues()[0].code.as_str(), "value.nan");
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn read_host_tree(&self, value: &input::Value) -> Result<serde_json::Value, Report> {
        let mut source = TreeSource::new(value, self.limits.max_depth);
        self.tree(&mut source, Word::VALUES)
    }

    fn tree<'s, 'a: 's>(
        &self,
        source: impl Into<reader::Pull<'s, 'a>>,
        unit: Word,
    ) -> Result<serde_json::Value, Report> {
        let mut r = Reader::new(source, &self.limits);
        let tok = r.next();
        let tree = tree::read(&mut r, tok);
        r.finish();
        let (stop, sink) = r.into_parts();
        if let Some(stop) = stop {
            return Err(self.fatal(stop, unit).into_report());
        }
        let report = sink.into_report(|_| 0);
        match tree {
            Some(tree) if report.is_valid() => Ok(tree),
            _ => Err(report),
        }
    }

    /// Reads one part from a host value with `read`, as if it stood at field `at`; the part only
    /// when no error was found.
    fn read_part<T>(
        &self,
        value: &input::Value,
        at: &'static str,
        read: impl for<'s, 'b> FnOnce(&mut Reader<'s, 'b>, input::Tok<'b>) -> Option<T>,
    ) -> Result<T, Report> {
        let mut source = TreeSource::new(value, self.limits.max_depth);
        let mut r = Reader::new(&mut source, &self.limits).at_field(at);
        let tok = r.next();
        let part = read(&mut r, tok);
        r.finish();
        let report = self.part_report(r);
        match part {
            Some(part) if report.is_valid() => Ok(part),
            _ => Err(report),
        }
    }

    /// The report of a part read on its own: its issues in the order read, all under the one
    /// field the part is read at (ranked as a document's sections are, which keeps that order and
    /// one copy of the sorting code in the WebAssembly module; not generic either).
    fn part_report(&self, r: Reader<'_, '_>) -> Report {
        let (stop, sink) = r.into_parts();
        match stop {
            Some(stop) => self.fatal(stop, Word::VALUES).into_report(),
            None => sink.into_report(document::section_rank),
        }
    }

    /// Reads one indicator (for `Indicator::from_json_str`).
    pub(crate) fn read_indicator(&self, json: &str) -> Result<crate::Indicator, Report> {
        let mut source = JsonSource::from_text(json, self.limits.max_depth);
        let mut r = Reader::new(&mut source, &self.limits);
        let tok = r.next();
        let indicator = action_sheets::indicator(&mut r, tok);
        r.finish();
        let (stop, sink) = r.into_parts();
        if let Some(stop) = stop {
            return Err(self.fatal(stop, Word::BYTES).into_report());
        }
        let report = sink.into_report(|_| 0);
        match indicator {
            Some(indicator) if report.is_valid() => Ok(indicator),
            _ => Err(report),
        }
    }
}

impl crate::Amount {
    /// Reads an amount from a host value by the rules of a document's amounts: a text in any
    /// accepted writing, an integer (whole euros), an exact decimal by its value; a binary float
    /// (`amount.float`), a NaN (`value.nan`) or any other type (`field.type`) is refused. The
    /// bindings' `parse_amount` / `parseAmount` go through it.
    ///
    /// ```
    /// use ctg_core::{input::Value, Amount};
    /// assert_eq!(Amount::from_host(&Value::Decimal("1E+3".into()))?.to_string(), "1000.00");
    /// assert_eq!(Amount::from_host(&Value::Int(40800))?.to_string(), "40800.00");
    /// let err = Amount::from_host(&Value::Float(0.1)).unwrap_err();
    /// assert_eq!(err.code().as_str(), "amount.float");
    /// let err = Amount::from_host(&Value::Float(f64::NAN)).unwrap_err();
    /// assert_eq!(err.code().as_str(), "value.nan");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn from_host(value: &input::Value) -> Result<crate::Amount, crate::ParseError> {
        read_host(value, IssueCode::AmountInvalid, |r, tok| r.amount(tok))
    }
}

/// Reads a decimal number from a host value by the rules of a document's decimals (an
/// indicator's baseline, target or measured value): a text in human writing (`"12,5"`), an
/// integer, an exact decimal by its value; a binary float (`decimal.float`), a NaN (`value.nan`)
/// or any other type (`field.type`) is refused. The bindings' constructors of indicators go
/// through it.
///
/// ```
/// use ctg_core::{decimal_from_host, input::Value};
/// assert_eq!(decimal_from_host(&Value::Decimal("45.50".into()))?.to_string(), "45.5");
/// assert_eq!(decimal_from_host(&Value::Text("12,5".into()))?.to_string(), "12.5");
/// let err = decimal_from_host(&Value::Float(45.5)).unwrap_err();
/// assert_eq!(err.code().as_str(), "decimal.float");
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
pub fn decimal_from_host(value: &input::Value) -> Result<crate::Decimal, crate::ParseError> {
    read_host(value, IssueCode::DecimalInvalid, |r, tok| r.decimal(tok))
}

/// Reads a date from a host value by the rules of a document's dates: a host date, a date-time
/// at midnight, or a text `YYYY-MM-DD` or `DD/MM/YYYY`; anything else is `date.invalid` or
/// `field.type`. The bindings' constructors go through it.
///
/// ```
/// use ctg_core::{date_from_host, input::Value, NaiveDate};
/// let day = NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
/// assert_eq!(date_from_host(&Value::Text("12/03/2024".into()))?, day);
/// assert_eq!(date_from_host(&Value::Date(day))?, day);
/// let noon = Value::DateTime(day.and_hms_opt(12, 0, 0).unwrap());
/// assert_eq!(date_from_host(&noon).unwrap_err().code().as_str(), "date.invalid");
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
pub fn date_from_host(value: &input::Value) -> Result<chrono::NaiveDate, crate::ParseError> {
    read_host(value, IssueCode::DateInvalid, |r, tok| r.date(tok))
}

/// Reads one value of a host tree with `read`, as the same value is read in a document; the
/// first issue is the error (`otherwise` when it gave none).
fn read_host<'a, T>(
    value: &'a input::Value,
    otherwise: IssueCode,
    read: impl for<'s> FnOnce(&mut Reader<'s, 'a>, Tok<'a>) -> Option<T>,
) -> Result<T, crate::ParseError> {
    let limits = Limits::default();
    let mut source = TreeSource::new(value, limits.max_depth);
    let mut r = Reader::new(&mut source, &limits);
    let tok = r.next();
    let read = read(&mut r, tok);
    let (_, sink) = r.into_parts();
    match (
        read,
        sink.into_report(|_| 0).into_issues().into_iter().next(),
    ) {
        (Some(read), _) => Ok(read),
        (None, Some(issue)) => Err(crate::ParseError::new(issue.code, issue.params)),
        (None, None) => Err(crate::ParseError::new(
            otherwise,
            Params::new().with("value", "?"),
        )),
    }
}

/// Validates a JSON document given as text, with the default [`Limits`]. Never fails: text that
/// is not JSON gives a report with one `json.syntax` error.
///
/// ```
/// let validation = ctg_core::validate_str(ctg_core::Convention::sample_json());
/// assert!(validation.is_valid());
///
/// let report = ctg_core::validate_str(r#"{"format_version": 1, "period": {"first_year": 2025, "last_year": 2023}}"#)
///     .into_report();
/// let codes: Vec<_> = report.issues().iter().map(|i| (i.code.as_str(), i.path.to_string())).collect();
/// assert!(codes.contains(&("period.reversed", "period".to_string())));
/// assert!(codes.contains(&("field.missing", "title".to_string())));
/// ```
pub fn validate_str(json: &str) -> Validation {
    Validator::new().validate_str(json)
}

/// Validates a JSON document given as bytes (UTF-8).
///
/// ```
/// let report = ctg_core::validate_slice(b"\xff\xfe").into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "json.syntax");
/// ```
pub fn validate_slice(json: &[u8]) -> Validation {
    Validator::new().validate_slice(json)
}

/// Validates an already parsed JSON value.
///
/// ```
/// let value: serde_json::Value = serde_json::from_str(ctg_core::Convention::sample_json()).unwrap();
/// let validation = ctg_core::validate_value(&value);
/// assert!(validation.report().is_valid());
/// ```
pub fn validate_value(value: &serde_json::Value) -> Validation {
    Validator::new().validate_value(value)
}

/// Validates a host tree ([`input::Value`]), as the Python and JavaScript bindings build it.
///
/// ```
/// use ctg_core::input::{Key, Value};
/// let doc = Value::Map(vec![(Key::Text("format_version".into()), Value::Float(1.0))]);
/// let report = ctg_core::validate_host(&doc).into_report();
/// assert_eq!(report.issues()[0].code.as_str(), "format_version.unsupported");
/// ```
pub fn validate_host(value: &input::Value) -> Validation {
    Validator::new().validate_host(value)
}
