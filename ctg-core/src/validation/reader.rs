//! The lenient reader: pulls a document from a [`Source`], reads typed values, and records every
//! problem with its path, so that one bad field never hides the others.
//!
//! Every value token must be consumed: a reader that does not want a list or an object calls
//! [`Reader::skip`] (the scalar readers do it on a wrong type).

use std::borrow::Cow;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;

use super::sink::Sink;
use crate::input::{self, JsonSource, KeyTok, Limits, SerdeSource, Source, Stop, Tok, TreeSource};
use crate::writing::{self, Unread};
use crate::{
    Amount, Issue, IssueCode, Param, Params, ParseError, Path, PathSegment, Period, Word, Year,
};

/// One step of the path being read.
#[derive(Debug, Clone)]
pub(crate) enum Seg<'a> {
    /// A field of the format.
    Field(&'static str),
    /// Another key (a year, an unknown field).
    Key(Cow<'a, str>),
    /// A list index.
    Index(usize),
}

/// The fields an object may have, and which are required.
pub(crate) struct Fields {
    pub(crate) names: &'static [&'static str],
    pub(crate) required: &'static [&'static str],
}

/// What a year map held besides its entries.
pub(crate) struct YearKeys {
    /// Whether every key was a year.
    pub(crate) all_years: bool,
    /// Years given twice (their second value was not read).
    pub(crate) duplicates: Vec<Year>,
}

/// The source a reader pulls from: one of core's three, called directly rather than through a
/// trait object, so that the JSON reader (the common case) is inlined into the reading.
pub(crate) enum Pull<'s, 'a> {
    Json(&'s mut JsonSource<'a>),
    Tree(&'s mut TreeSource<'a>),
    Serde(&'s mut SerdeSource<'a>),
}

impl<'s, 'a> From<&'s mut JsonSource<'a>> for Pull<'s, 'a> {
    fn from(source: &'s mut JsonSource<'a>) -> Pull<'s, 'a> {
        Pull::Json(source)
    }
}

impl<'s, 'a> From<&'s mut TreeSource<'a>> for Pull<'s, 'a> {
    fn from(source: &'s mut TreeSource<'a>) -> Pull<'s, 'a> {
        Pull::Tree(source)
    }
}

impl<'s, 'a> From<&'s mut SerdeSource<'a>> for Pull<'s, 'a> {
    fn from(source: &'s mut SerdeSource<'a>) -> Pull<'s, 'a> {
        Pull::Serde(source)
    }
}

impl<'a> Source<'a> for Pull<'_, 'a> {
    #[inline]
    fn next(&mut self) -> Result<Tok<'a>, Stop> {
        match self {
            Pull::Json(source) => source.next(),
            Pull::Tree(source) => source.next(),
            Pull::Serde(source) => source.next(),
        }
    }

    #[inline]
    fn key(&mut self) -> Result<Option<KeyTok<'a>>, Stop> {
        match self {
            Pull::Json(source) => source.key(),
            Pull::Tree(source) => source.key(),
            Pull::Serde(source) => source.key(),
        }
    }

    #[inline]
    fn item(&mut self) -> Result<bool, Stop> {
        match self {
            Pull::Json(source) => source.item(),
            Pull::Tree(source) => source.item(),
            Pull::Serde(source) => source.item(),
        }
    }

    fn finish(&mut self) -> Result<(), Stop> {
        match self {
            Pull::Json(source) => source.finish(),
            Pull::Tree(source) => source.finish(),
            Pull::Serde(source) => source.finish(),
        }
    }
}

/// Reads a document and collects its issues.
pub(crate) struct Reader<'s, 'a> {
    src: Pull<'s, 'a>,
    stop: Option<Stop>,
    path: Vec<Seg<'a>>,
    sink: Sink,
    limits: Limits,
    /// Whether the rules of the geography will run: the drafts then keep what they need.
    geography: bool,
}

impl<'s, 'a> Reader<'s, 'a> {
    pub(crate) fn new(src: impl Into<Pull<'s, 'a>>, limits: &Limits) -> Reader<'s, 'a> {
        Reader {
            src: src.into(),
            stop: None,
            path: Vec::with_capacity(8),
            sink: Sink::new(limits.max_issues),
            limits: *limits,
            geography: false,
        }
    }

    /// Says that the rules of the geography will run (a gazetteer was given).
    pub(crate) fn set_geography(&mut self, on: bool) {
        self.geography = on;
    }

    /// Whether the drafts must keep what the rules of the geography need (never without the
    /// `geography` feature: the branches that keep it are then left out of the binary).
    pub(crate) fn wants_geography(&self) -> bool {
        cfg!(feature = "geography") && self.geography
    }

    /// Reads a value whole into a host tree, to be read later: for an object whose fields depend
    /// on one of them (a change's `kind`), which JSON may write last.
    pub(crate) fn capture(&mut self, tok: Tok<'a>) -> input::Value {
        self.capture_at(tok, 0)
    }

    fn capture_at(&mut self, tok: Tok<'a>, depth: usize) -> input::Value {
        use input::{Key, Value};
        if depth > self.limits.max_depth {
            self.skip(tok);
            return Value::TooDeep;
        }
        match tok {
            Tok::Null => Value::Null,
            Tok::Bool(b) => Value::Bool(b),
            Tok::Int(i) => Value::Int(i),
            Tok::BigInt(s) => Value::BigInt(s.into_owned()),
            Tok::Float(f) => Value::Float(f.value()),
            Tok::Decimal(s) => Value::Decimal(s.to_owned()),
            Tok::Text(s) => Value::Text(s.into_owned()),
            Tok::BrokenText(s) => Value::BrokenText(s.into_owned()),
            Tok::Date(d) => Value::Date(d),
            Tok::DateTime(d) => Value::DateTime(d),
            Tok::Unsupported(s) => Value::Unsupported(s.to_owned()),
            Tok::Unreadable(s) => Value::Unreadable(s.to_owned()),
            Tok::Array => {
                let mut items = Vec::new();
                while self.item() {
                    let tok = self.next();
                    items.push(self.capture_at(tok, depth + 1));
                }
                Value::List(items)
            }
            Tok::Object => {
                let mut entries = Vec::new();
                while let Some(key) = self.key() {
                    let key = match key {
                        KeyTok::Text(k) => Key::Text(k.into_owned()),
                        KeyTok::BrokenText(k) => Key::BrokenText(k.into_owned()),
                        KeyTok::Int(i) => Key::Int(i),
                        KeyTok::Unsupported(t) => Key::Unsupported(t.to_owned()),
                    };
                    let tok = self.next();
                    entries.push((key, self.capture_at(tok, depth + 1)));
                }
                Value::Map(entries)
            }
        }
    }

    /// Reads a captured value as if it stood at the current path followed by `extra`, recording
    /// its issues with the others.
    pub(crate) fn read_captured<T>(
        &mut self,
        value: &input::Value,
        extra: &[Seg<'_>],
        read: impl for<'s2, 'b> FnOnce(&mut Reader<'s2, 'b>, Tok<'b>) -> T,
    ) -> T {
        let path: Vec<Seg<'static>> = self
            .path
            .iter()
            .chain(extra)
            .map(|seg| match seg {
                Seg::Field(f) => Seg::Field(f),
                Seg::Key(k) => Seg::Key(Cow::Owned(k.to_string())),
                Seg::Index(i) => Seg::Index(*i),
            })
            .collect();
        let mut source = input::TreeSource::new(value, self.limits.max_depth);
        let mut sub = Reader {
            src: Pull::Tree(&mut source),
            stop: None,
            path,
            sink: std::mem::replace(&mut self.sink, Sink::new(0)),
            limits: self.limits,
            // What a change holds (a party an amendment adds) is not checked against the
            // geography.
            geography: false,
        };
        let tok = sub.next();
        let out = read(&mut sub, tok);
        let (_, sink) = sub.into_parts();
        self.sink = sink;
        out
    }

    // ------------------------------------------------------------------ pulling

    /// The next value; `Null` once reading has stopped.
    pub(crate) fn next(&mut self) -> Tok<'a> {
        if self.stop.is_some() {
            return Tok::Null;
        }
        match self.src.next() {
            Ok(tok) => tok,
            Err(stop) => {
                self.stop = Some(stop);
                Tok::Null
            }
        }
    }

    fn key(&mut self) -> Option<KeyTok<'a>> {
        if self.stop.is_some() {
            return None;
        }
        self.src.key().unwrap_or_else(|stop| {
            self.stop = Some(stop);
            None
        })
    }

    fn item(&mut self) -> bool {
        if self.stop.is_some() {
            return false;
        }
        self.src.item().unwrap_or_else(|stop| {
            self.stop = Some(stop);
            false
        })
    }

    /// After the document: nothing may follow it.
    pub(crate) fn finish(&mut self) {
        if self.stop.is_none() {
            if let Err(stop) = self.src.finish() {
                self.stop = Some(stop);
            }
        }
    }

    /// Why reading stopped, if it did, and the issues.
    pub(crate) fn into_parts(self) -> (Option<Stop>, Sink) {
        (self.stop, self.sink)
    }

    /// Consumes a value: the whole of a list or object (without reporting anything in it).
    pub(crate) fn skip(&mut self, tok: Tok<'a>) {
        let mut stack = match tok {
            Tok::Object => vec![true],
            Tok::Array => vec![false],
            _ => return,
        };
        while let Some(&object) = stack.last() {
            let more = if object {
                self.key().is_some()
            } else {
                self.item()
            };
            if !more {
                stack.pop();
                continue;
            }
            match self.next() {
                Tok::Object => stack.push(true),
                Tok::Array => stack.push(false),
                _ => {}
            }
            if self.stop.is_some() {
                return;
            }
        }
    }

    /// The same reader, reading as if at field `name` (a part read on its own, named as the
    /// argument it is).
    pub(crate) fn at_field(mut self, name: &'static str) -> Reader<'s, 'a> {
        self.path.push(Seg::Field(name));
        self
    }

    // ------------------------------------------------------------------ issues

    /// The current path.
    pub(crate) fn path(&self) -> Path {
        path_of(&self.path, &[])
    }

    /// Records an issue at the current path.
    pub(crate) fn issue(&mut self, code: IssueCode, params: Params) {
        self.issue_at(&[], code, params);
    }

    /// Records an issue at the current path followed by `extra`.
    pub(crate) fn issue_at(&mut self, extra: &[Seg<'_>], code: IssueCode, params: Params) {
        if self.sink.accepts(code) {
            let path = path_of(&self.path, extra);
            self.sink.push(Issue::new(code, path, params));
        }
    }

    /// Records a value's parse error at the current path.
    pub(crate) fn error(&mut self, error: ParseError) {
        if self.sink.accepts(error.code()) {
            self.sink.push(Issue::from_error(self.path(), error));
        }
    }

    /// Records an issue at an absolute path (the checks across sections).
    pub(crate) fn issue_path(&mut self, path: Path, code: IssueCode, params: Params) {
        if self.sink.accepts(code) {
            self.sink.push(Issue::new(code, path, params));
        }
    }

    /// Whether an error was recorded so far.
    pub(crate) fn has_errors(&self) -> bool {
        self.sink.has_errors()
    }

    /// How many issues were recorded so far (to annotate an item's issues afterwards).
    pub(crate) fn mark(&self) -> usize {
        self.sink.len()
    }

    /// Adds the item's id and name to the issues recorded since `mark` that have none.
    pub(crate) fn annotate(&mut self, mark: usize, id: Option<&str>, name: Option<&str>) {
        self.sink.annotate(mark, id, name);
    }

    // ------------------------------------------------------------------ containers

    /// Reads an object with known fields: `field(r, index, value)` for each present, non-null
    /// field; unknown fields are reported (warning) and skipped, a repeated key is an error (its
    /// second value is skipped), and a missing required field is reported. `false` when the value
    /// is not an object.
    pub(crate) fn object(
        &mut self,
        tok: Tok<'a>,
        fields: &Fields,
        mut field: impl FnMut(&mut Self, usize, Tok<'a>),
    ) -> bool {
        if !matches!(tok, Tok::Object) {
            self.wrong_type(tok, Word::OBJECT);
            return false;
        }
        let mut seen: u64 = 0;
        let mut present: u64 = 0;
        let mut others: Vec<Cow<'a, str>> = Vec::new();
        while let Some(key) = self.key() {
            let Some(name) = self.key_text(key) else {
                continue;
            };
            let tok = self.next();
            match field_index(fields.names, &name) {
                Some(i) => {
                    let bit = 1u64 << (i % 64);
                    let static_name = fields.names.get(i).copied().unwrap_or("");
                    self.path.push(Seg::Field(static_name));
                    if seen & bit != 0 {
                        self.duplicate_key(static_name);
                        self.skip(tok);
                    } else {
                        seen |= bit;
                        if matches!(tok, Tok::Null) {
                            // null is absent
                        } else {
                            present |= bit;
                            field(self, i, tok);
                        }
                    }
                    self.path.pop();
                }
                None => {
                    self.path.push(Seg::Key(name.clone()));
                    if others.contains(&name) {
                        self.duplicate_key(&name);
                    } else {
                        let known: Vec<String> =
                            fields.names.iter().map(|n| (*n).to_owned()).collect();
                        self.issue(
                            IssueCode::FieldUnknown,
                            Params::new()
                                .with("field", crate::text::shorten(&name))
                                .with("known", known),
                        );
                        others.push(name);
                    }
                    self.skip(tok);
                    self.path.pop();
                }
            }
        }
        for name in fields.required {
            let i = fields.names.iter().position(|n| n == name).unwrap_or(0);
            if present & (1u64 << (i % 64)) == 0 {
                self.issue_at(
                    &[Seg::Field(name)],
                    IssueCode::FieldMissing,
                    Params::new().with("field", *name),
                );
            }
        }
        true
    }

    /// A key as text; a broken or unusable key is reported and its value skipped.
    fn key_text(&mut self, key: KeyTok<'a>) -> Option<Cow<'a, str>> {
        match key {
            KeyTok::Text(k) => Some(k),
            KeyTok::Int(i) => Some(Cow::Owned(i.to_string())),
            KeyTok::BrokenText(k) => {
                let tok = self.next();
                self.path.push(Seg::Key(k.clone()));
                self.issue(
                    IssueCode::TextLoneSurrogate,
                    Params::new().with("text", crate::text::shorten(&k)),
                );
                self.skip(tok);
                self.path.pop();
                None
            }
            KeyTok::Unsupported(type_name) => {
                let tok = self.next();
                self.issue(
                    IssueCode::FieldType,
                    Params::new()
                        .with("expected", Word::TEXT)
                        .with("found", format!("{type_name} key")),
                );
                self.skip(tok);
                None
            }
        }
    }

    fn duplicate_key(&mut self, key: &str) {
        self.issue(
            IssueCode::JsonDuplicateKey,
            Params::new().with("key", crate::text::shorten(key)),
        );
    }

    /// Reads an object of any keys: `entry(r, key, value)` for each, in order, at its path; a
    /// repeated key is an error (its second value is skipped), a broken or unusable key is
    /// reported and its value skipped. `false` when the value is not an object.
    pub(crate) fn any_object(
        &mut self,
        tok: Tok<'a>,
        mut entry: impl FnMut(&mut Self, &str, Tok<'a>),
    ) -> bool {
        if !matches!(tok, Tok::Object) {
            self.wrong_type(tok, Word::OBJECT);
            return false;
        }
        let mut seen: std::collections::BTreeSet<Cow<'a, str>> = std::collections::BTreeSet::new();
        while let Some(key) = self.key() {
            let Some(name) = self.key_text(key) else {
                continue;
            };
            let tok = self.next();
            self.path.push(Seg::Key(name.clone()));
            if seen.contains(&name) {
                self.duplicate_key(&name);
                self.skip(tok);
            } else {
                entry(self, &name, tok);
                seen.insert(name);
            }
            self.path.pop();
        }
        true
    }

    /// Reads a list: `item(r, index, value)` for each item. `false` when the value is not a list.
    pub(crate) fn list(
        &mut self,
        tok: Tok<'a>,
        mut item: impl FnMut(&mut Self, usize, Tok<'a>),
    ) -> bool {
        if !matches!(tok, Tok::Array) {
            self.wrong_type(tok, Word::LIST);
            return false;
        }
        let mut i = 0;
        while self.item() {
            let tok = self.next();
            self.path.push(Seg::Index(i));
            item(self, i, tok);
            self.path.pop();
            i += 1;
        }
        true
    }

    /// Reads an object whose keys are years (`{"2024": …}`): `entry(r, year, value)` for each;
    /// a key that is not a year is reported and skipped, a repeated year is reported and its
    /// second value skipped. `None` when the value is not an object.
    pub(crate) fn year_map(
        &mut self,
        tok: Tok<'a>,
        mut entry: impl FnMut(&mut Self, Year, Tok<'a>),
    ) -> Option<YearKeys> {
        if !matches!(tok, Tok::Object) {
            self.wrong_type(tok, Word::YEAR_MAP);
            return None;
        }
        let mut keys = YearKeys {
            all_years: true,
            duplicates: Vec::new(),
        };
        // The years seen, one bit each from `Period::MIN_YEAR`.
        let mut years: u128 = 0;
        let mut others: Vec<Cow<'a, str>> = Vec::new();
        while let Some(key) = self.key() {
            let Some(text) = self.key_text(key) else {
                keys.all_years = false;
                continue;
            };
            let tok = self.next();
            self.path.push(Seg::Key(text.clone()));
            match parse_year_text(&text) {
                Some(year) if years & year_bit(year) != 0 => {
                    self.duplicate_key(&text);
                    keys.duplicates.push(year);
                    self.skip(tok);
                }
                Some(year) => {
                    years |= year_bit(year);
                    entry(self, year, tok);
                }
                None => {
                    keys.all_years = false;
                    if others.contains(&text) {
                        self.duplicate_key(&text);
                    } else {
                        self.invalid_year(Param::Text(crate::text::shorten(&text)));
                        others.push(text);
                    }
                    self.skip(tok);
                }
            }
            self.path.pop();
        }
        Some(keys)
    }

    // ------------------------------------------------------------------ scalars

    /// Reports a value of the wrong type (or unreadable) and consumes it.
    pub(crate) fn wrong_type(&mut self, tok: Tok<'a>, expected: Word) {
        match &tok {
            Tok::Unreadable(what) => self.issue(
                IssueCode::InputUnreadable,
                Params::new().with("detail", crate::text::shorten(what)),
            ),
            Tok::Float(f) if f.is_nan() => self.issue(
                IssueCode::ValueNan,
                Params::new().with("expected", expected),
            ),
            _ => self.issue(
                IssueCode::FieldType,
                Params::new()
                    .with("expected", expected)
                    .with("found", found(&tok)),
            ),
        }
        self.skip(tok);
    }

    pub(crate) fn lone_surrogate(&mut self, text: &str) {
        self.issue(
            IssueCode::TextLoneSurrogate,
            Params::new().with("text", crate::text::shorten(text)),
        );
    }

    /// A non-empty text, trimmed.
    pub(crate) fn text(&mut self, tok: Tok<'a>) -> Option<String> {
        self.text_ref(tok).map(Cow::into_owned)
    }

    /// [`Reader::text`] as a [`ShortText`](crate::ShortText): inline, without allocating, when
    /// it is short.
    pub(crate) fn short_text(&mut self, tok: Tok<'a>) -> Option<crate::ShortText> {
        self.text_ref(tok).map(crate::ShortText::from)
    }

    /// [`Reader::text`], borrowed from the input when it can be: for a text that is only looked
    /// at (a word of a vocabulary), not kept.
    pub(crate) fn text_ref(&mut self, tok: Tok<'a>) -> Option<Cow<'a, str>> {
        match tok {
            Tok::Text(s) => {
                // Most texts begin and end with a visible ASCII character: nothing to trim.
                let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7F);
                if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
                    return Some(s);
                }
                let trimmed = s.trim();
                if trimmed.is_empty() {
                    self.issue(IssueCode::FieldEmpty, Params::new());
                    return None;
                }
                Some(match s {
                    Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
                    Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
                    Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
                })
            }
            Tok::BrokenText(s) => {
                self.lone_surrogate(&s);
                None
            }
            other => {
                self.wrong_type(other, Word::TEXT);
                None
            }
        }
    }

    fn invalid_year(&mut self, shown: Param) {
        let mut params = Params::new();
        params.set("value", shown);
        self.issue(
            IssueCode::YearInvalid,
            params
                .with("min", Period::MIN_YEAR)
                .with("max", Period::MAX_YEAR),
        );
    }

    /// A year: an integer, or a text of four digits, between 1990 and 2100.
    pub(crate) fn year(&mut self, tok: Tok<'a>) -> Option<Year> {
        if let Tok::Int(i) = tok {
            let year = Year::try_from(i).ok();
            if let Some(year) = year.filter(|y| (Period::MIN_YEAR..=Period::MAX_YEAR).contains(y)) {
                return Some(year);
            }
        }
        let (year, shown) = match tok {
            Tok::Int(i) => (Year::try_from(i).ok(), Param::Text(i.to_string())),
            Tok::Text(s) => (parse_year_text(&s), Param::Text(crate::text::shorten(&s))),
            Tok::BigInt(s) => (None, Param::Text(crate::text::shorten(&s))),
            Tok::Float(f) if !f.is_nan() => (None, Param::Text(f.text())),
            other => {
                self.wrong_type(other, Word::YEAR);
                return None;
            }
        };
        let year = year.filter(|y| (Period::MIN_YEAR..=Period::MAX_YEAR).contains(y));
        if year.is_none() {
            self.invalid_year(shown);
        }
        year
    }

    /// A date: `YYYY-MM-DD` or `DD/MM/YYYY` text, or a host date (a date-time at midnight too).
    pub(crate) fn date(&mut self, tok: Tok<'a>) -> Option<NaiveDate> {
        let (date, shown) = match tok {
            Tok::Text(s) => match crate::parse_date(&s) {
                Ok(date) => return Some(date),
                Err(error) => {
                    self.error(error);
                    return None;
                }
            },
            Tok::Date(d) => (Some(d), d.to_string()),
            Tok::DateTime(dt) => (
                (dt.time() == NaiveTime::MIN).then_some(dt.date()),
                dt.to_string(),
            ),
            Tok::BrokenText(s) => {
                self.lone_surrogate(&s);
                return None;
            }
            other => {
                self.wrong_type(other, Word::DATE);
                return None;
            }
        };
        let date = date.filter(|d| {
            use chrono::Datelike;
            (1900..=2200).contains(&d.year())
        });
        if date.is_none() {
            self.issue(IssueCode::DateInvalid, Params::new().with("value", shown));
        }
        date
    }

    /// An amount of money: a text (canonical or French writing), an integer (whole euros) or a
    /// host's exact decimal. Binary floats are refused.
    pub(crate) fn amount(&mut self, tok: Tok<'a>) -> Option<Amount> {
        let result = match tok {
            Tok::Text(s) => Amount::parse(&s),
            Tok::Int(i) => match u64::try_from(i) {
                Ok(euros) => Amount::from_euros(euros),
                Err(_) => Amount::from_integer_text(&i.to_string()),
            },
            Tok::BigInt(s) => Amount::from_integer_text(&s),
            Tok::Decimal(s) if is_nan_text(s) => {
                self.issue(
                    IssueCode::ValueNan,
                    Params::new().with("expected", Word::AMOUNT),
                );
                return None;
            }
            Tok::Decimal(s) => Amount::from_decimal_text(s),
            Tok::Float(f) if !f.is_nan() => Err(Amount::float_error(&f.text())),
            Tok::BrokenText(s) => {
                self.lone_surrogate(&s);
                return None;
            }
            other => {
                self.wrong_type(other, Word::AMOUNT);
                return None;
            }
        };
        result.map_err(|e| self.error(e)).ok()
    }

    /// A decimal value (indicators): a text in human writing (`"12,5"`), an integer, or a host's
    /// exact decimal. Binary floats are refused (`decimal.float`).
    pub(crate) fn decimal(&mut self, tok: Tok<'a>) -> Option<Decimal> {
        let shown: String;
        let parsed = match tok {
            Tok::Text(s) => {
                shown = crate::text::shorten(&s);
                match writing::read(&s) {
                    Ok(w) => w.to_decimal(),
                    Err(Unread::Invalid) => None,
                    Err(Unread::Ambiguous {
                        separator,
                        as_thousands,
                        as_decimal,
                    }) => {
                        let reading = |w: &writing::Written| {
                            w.to_decimal()
                                .map_or_else(|| Param::Text(String::new()), Param::Decimal)
                        };
                        let mut params = Params::new()
                            .with("value", shown)
                            .with("separator", separator.to_string());
                        params.set("as_thousands", reading(&as_thousands));
                        params.set("as_decimal", reading(&as_decimal));
                        self.issue(IssueCode::DecimalAmbiguous, params);
                        return None;
                    }
                }
            }
            Tok::Int(i) => {
                shown = i.to_string();
                Decimal::try_from_i128_with_scale(i, 0).ok()
            }
            Tok::BigInt(s) => {
                shown = crate::text::shorten(&s);
                None
            }
            Tok::Decimal(s) if is_nan_text(s) => {
                self.issue(
                    IssueCode::ValueNan,
                    Params::new().with("expected", Word::DECIMAL),
                );
                return None;
            }
            Tok::Decimal(s) => {
                shown = crate::text::shorten(s);
                Decimal::from_str_exact(s)
                    .or_else(|_| Decimal::from_scientific(s))
                    .ok()
            }
            Tok::Float(f) if !f.is_nan() => {
                self.issue(
                    IssueCode::DecimalFloat,
                    Params::new().with("value", f.text()),
                );
                return None;
            }
            Tok::BrokenText(s) => {
                self.lone_surrogate(&s);
                return None;
            }
            other => {
                self.wrong_type(other, Word::DECIMAL);
                return None;
            }
        };
        if parsed.is_none() {
            self.issue(
                IssueCode::DecimalInvalid,
                Params::new().with("value", shown),
            );
        }
        parsed.map(|d| d.normalize())
    }

    /// A positive integer (numbers of action sheets and amendments, durations): an integer or a
    /// text of digits, from 1 to 2³²−1.
    pub(crate) fn positive_int(&mut self, tok: Tok<'a>) -> Option<u32> {
        if let Tok::Int(i) = tok {
            if let Some(number) = u32::try_from(i).ok().filter(|&n| n >= 1) {
                return Some(number);
            }
        }
        let (number, shown) = match tok {
            Tok::Int(i) => (u32::try_from(i).ok(), i.to_string()),
            Tok::Text(s) => (s.trim().parse::<u32>().ok(), crate::text::shorten(&s)),
            Tok::BigInt(s) => (None, crate::text::shorten(&s)),
            Tok::Float(f) if !f.is_nan() => (None, f.text()),
            other => {
                self.wrong_type(other, Word::INTEGER);
                return None;
            }
        };
        let number = number.filter(|&n| n >= 1);
        if number.is_none() {
            self.issue(IssueCode::NumberInvalid, Params::new().with("value", shown));
        }
        number
    }

    /// An identifier (INSEE code, SIREN, SIRET, département): a text read with `T::from_str`.
    pub(crate) fn identifier<T>(&mut self, tok: Tok<'a>) -> Option<T>
    where
        T: FromStr<Err = ParseError>,
    {
        match tok {
            Tok::Text(s) => s.parse::<T>().map_err(|e| self.error(e)).ok(),
            Tok::BrokenText(s) => {
                self.lone_surrogate(&s);
                None
            }
            other => {
                self.wrong_type(other, Word::IDENTIFIER);
                None
            }
        }
    }

    /// A word of a fixed list (role, kind, status…), read leniently by `parse`.
    pub(crate) fn word<T>(
        &mut self,
        tok: Tok<'a>,
        parse: impl FnOnce(&str) -> Option<T>,
        accepted: &[&str],
    ) -> Option<T> {
        let s = match tok {
            Tok::Text(s) => s,
            Tok::BrokenText(s) => {
                self.lone_surrogate(&s);
                return None;
            }
            other => {
                self.wrong_type(other, Word::TEXT);
                return None;
            }
        };
        let parsed = parse(&s);
        if parsed.is_none() {
            let accepted: Vec<String> = accepted.iter().map(|a| (*a).to_owned()).collect();
            self.issue(
                IssueCode::ValueUnknown,
                Params::new()
                    .with("value", crate::text::shorten(&s))
                    .with("accepted", accepted),
            );
        }
        parsed
    }
}

/// The index of `key` in `names`, comparing short names inline (no call to `memcmp`).
fn field_index(names: &[&str], key: &str) -> Option<usize> {
    let key = key.as_bytes();
    names
        .iter()
        .position(|n| n.len() == key.len() && n.bytes().zip(key).all(|(a, &b)| a == b))
}

/// The `found` parameter of `field.type`: what the value is.
fn found(tok: &Tok<'_>) -> Param {
    let word = match tok {
        Tok::Null => Word::NULL,
        Tok::Bool(_) => Word::BOOLEAN,
        Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) => Word::NUMBER,
        Tok::Decimal(_) => Word::DECIMAL,
        Tok::Text(_) | Tok::BrokenText(_) => Word::TEXT,
        Tok::Date(_) => Word::DATE,
        Tok::DateTime(_) => Word::DATETIME,
        Tok::Object => Word::OBJECT,
        Tok::Array => Word::LIST,
        Tok::Unsupported(name) | Tok::Unreadable(name) => {
            return Param::Text(crate::text::shorten(name))
        }
    };
    Param::Word(word)
}

/// Whether a host decimal's writing is a NaN (`NaN`, `sNaN`, `-NaN`).
fn is_nan_text(s: &str) -> bool {
    s.trim_start_matches(['-', '+'])
        .trim_start_matches(['s', 'S'])
        .eq_ignore_ascii_case("nan")
}

/// The public path of a stack of steps followed by `extra`.
fn path_of(steps: &[Seg<'_>], extra: &[Seg<'_>]) -> Path {
    Path::from_segments(
        steps
            .iter()
            .chain(extra)
            .map(|seg| match seg {
                Seg::Field(name) => PathSegment::Key((*name).to_owned()),
                Seg::Key(key) => PathSegment::Key(key.as_ref().to_owned()),
                Seg::Index(i) => PathSegment::Index(*i),
            })
            .collect(),
    )
}

// Every accepted year has its bit in a `u128`.
const _: () = assert!(Period::MAX_YEAR - Period::MIN_YEAR < 128);

/// The bit of an accepted year in a set of years.
fn year_bit(year: Year) -> u128 {
    1u128 << (year - Period::MIN_YEAR).clamp(0, 127)
}

/// A year written as four digits, within the accepted range.
pub(crate) fn parse_year_text(s: &str) -> Option<Year> {
    if let [a, b, c, d] = *s.as_bytes() {
        if [a, b, c, d].iter().all(u8::is_ascii_digit) {
            let year = [a, b, c, d]
                .iter()
                .fold(0, |year, &digit| year * 10 + Year::from(digit - b'0'));
            return (Period::MIN_YEAR..=Period::MAX_YEAR)
                .contains(&year)
                .then_some(year);
        }
    }
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (Period::MIN_YEAR..=Period::MAX_YEAR).contains(y))
}
