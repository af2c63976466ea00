//! The lenient reader: walks a JSON value, reads typed fields and records every problem with its
//! path, so that one bad field never hides the others.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::loc::Loc;
use crate::{Amount, AmountError, Issue, IssueCode, Period, Problem, Year};

/// Collects issues while the document is read.
#[derive(Default)]
pub(crate) struct Reader {
    issues: Vec<Issue>,
}

/// An object being read: its fields, and where it is.
pub(crate) struct Obj<'v, 'l> {
    map: &'v Map<String, Value>,
    pub(crate) path: Loc<'l>,
}

impl<'v> Obj<'v, '_> {
    /// The value of a field, `None` when absent or `null`.
    pub(crate) fn get(&self, name: &str) -> Option<&'v Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    /// The path of a field of this object.
    pub(crate) fn at<'s>(&'s self, name: &'s str) -> Loc<'s> {
        self.path.key(name)
    }
}

/// The JSON type of a value, for messages: (French, English).
fn type_names(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("un booléen", "a boolean"),
        Value::Number(_) => ("un nombre", "a number"),
        Value::String(_) => ("un texte", "a string"),
        Value::Array(_) => ("une liste", "a list"),
        Value::Object(_) => ("un objet", "an object"),
    }
}

impl Reader {
    /// Records an issue.
    pub(crate) fn push(&mut self, code: IssueCode, path: &Loc<'_>, fr: String, en: String) {
        self.issues.push(Issue::new(code, path.path(), fr, en));
    }

    /// Records a value type's error.
    pub(crate) fn problem(&mut self, path: &Loc<'_>, problem: &dyn Problem) {
        self.issues.push(Issue::from_problem(path.path(), problem));
    }

    /// Whether any error was recorded so far.
    pub(crate) fn has_errors(&self) -> bool {
        self.issues.iter().any(Issue::is_error)
    }

    /// The issues recorded.
    pub(crate) fn into_issues(self) -> Vec<Issue> {
        self.issues
    }

    /// Records a wrong JSON type.
    pub(crate) fn wrong_type(&mut self, path: &Loc<'_>, value: &Value, fr: &str, en: &str) {
        let (got_fr, got_en) = type_names(value);
        self.push(
            IssueCode::FieldType,
            path,
            format!("type incorrect : {fr} attendu, {got_fr} trouvé"),
            format!("wrong type: expected {en}, found {got_en}"),
        );
    }

    /// Records a missing required field.
    pub(crate) fn missing(&mut self, path: &Loc<'_>) {
        self.push(
            IssueCode::FieldMissing,
            path,
            "champ obligatoire absent".to_owned(),
            "required field is missing".to_owned(),
        );
    }

    /// Opens an object, reporting a wrong type and every field not in `known`.
    pub(crate) fn object<'v, 'l>(
        &mut self,
        value: &'v Value,
        path: &Loc<'l>,
        known: &[&str],
    ) -> Option<Obj<'v, 'l>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, value, "un objet", "an object");
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.push(
                IssueCode::FieldUnknown,
                &path.key(key.as_str()),
                format!(
                    "champ inconnu « {key} », ignoré (champs connus : {})",
                    known.join(", ")
                ),
                format!(
                    "unknown field \"{key}\", ignored (known fields: {})",
                    known.join(", ")
                ),
            );
        }
        Some(Obj { map, path: *path })
    }

    /// Reads a required field with `read`; reports it when missing.
    pub(crate) fn required<T>(
        &mut self,
        obj: &Obj<'_, '_>,
        name: &str,
        read: impl FnOnce(&mut Reader, &Value, &Loc<'_>) -> Option<T>,
    ) -> Option<T> {
        match obj.get(name) {
            Some(value) => read(self, value, &obj.at(name)),
            None => {
                self.missing(&obj.at(name));
                None
            }
        }
    }

    /// Reads an optional field with `read`. The outer `Option` is `None` when the field is
    /// present but unreadable (the problem is recorded), `Some(None)` when it is absent.
    pub(crate) fn optional<T>(
        &mut self,
        obj: &Obj<'_, '_>,
        name: &str,
        read: impl FnOnce(&mut Reader, &Value, &Loc<'_>) -> Option<T>,
    ) -> Option<Option<T>> {
        match obj.get(name) {
            Some(value) => read(self, value, &obj.at(name)).map(Some),
            None => Some(None),
        }
    }

    /// Reads an optional list field; absent means empty.
    pub(crate) fn list_field<T>(
        &mut self,
        obj: &Obj<'_, '_>,
        name: &str,
        read: impl FnMut(&mut Reader, &Value, &Loc<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        match obj.get(name) {
            Some(value) => self.list(value, &obj.at(name), read),
            None => Some(Vec::new()),
        }
    }

    /// Reads a list, item by item. `None` when the value is not a list or any item failed (every
    /// item is still read, so that every problem is recorded).
    pub(crate) fn list<T>(
        &mut self,
        value: &Value,
        path: &Loc<'_>,
        mut read: impl FnMut(&mut Reader, &Value, &Loc<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Value::Array(items) = value else {
            self.wrong_type(path, value, "une liste", "a list");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut complete = true;
        for (i, item) in items.iter().enumerate() {
            match read(self, item, &path.index(i)) {
                Some(v) => out.push(v),
                None => complete = false,
            }
        }
        complete.then_some(out)
    }

    /// Reads an object whose keys are years (`{"2024": …}`), in key order. `None` when it is not
    /// an object or any entry failed.
    pub(crate) fn year_map<T>(
        &mut self,
        value: &Value,
        path: &Loc<'_>,
        mut read: impl FnMut(&mut Reader, Year, &Value, &Loc<'_>) -> Option<T>,
    ) -> Option<Vec<(Year, T)>> {
        let Value::Object(map) = value else {
            self.wrong_type(
                path,
                value,
                "un objet année → valeur",
                "an object year → value",
            );
            return None;
        };
        let mut out = Vec::with_capacity(map.len());
        let mut complete = true;
        for (key, item) in map {
            let item_path = path.key(key.as_str());
            let Some(year) = parse_year_text(key) else {
                self.invalid_year(&item_path, key);
                complete = false;
                continue;
            };
            match read(self, year, item, &item_path) {
                Some(v) => out.push((year, v)),
                None => complete = false,
            }
        }
        complete.then_some(out)
    }

    /// A non-empty text (trimmed).
    pub(crate) fn text(&mut self, value: &Value, path: &Loc<'_>) -> Option<String> {
        let Value::String(s) = value else {
            self.wrong_type(path, value, "un texte", "a string");
            return None;
        };
        let trimmed = s.trim();
        if trimmed.is_empty() {
            self.push(
                IssueCode::FieldEmpty,
                path,
                "le texte est vide".to_owned(),
                "the text is empty".to_owned(),
            );
            return None;
        }
        Some(trimmed.to_owned())
    }

    fn invalid_year(&mut self, path: &Loc<'_>, shown: &str) {
        self.push(
            IssueCode::YearInvalid,
            path,
            format!(
                "année invalide : {shown} (attendu : une année entre {} et {})",
                Period::MIN_YEAR,
                Period::MAX_YEAR
            ),
            format!(
                "invalid year: {shown} (expected a year between {} and {})",
                Period::MIN_YEAR,
                Period::MAX_YEAR
            ),
        );
    }

    /// A year: an integer, or a string of four digits, between 1990 and 2100.
    pub(crate) fn year(&mut self, value: &Value, path: &Loc<'_>) -> Option<Year> {
        let year = match value {
            Value::Number(n) => n.as_i64().and_then(|y| Year::try_from(y).ok()),
            Value::String(s) => parse_year_text(s),
            _ => {
                self.wrong_type(path, value, "une année", "a year");
                return None;
            }
        };
        let year = year.filter(|y| (Period::MIN_YEAR..=Period::MAX_YEAR).contains(y));
        if year.is_none() {
            self.invalid_year(path, &shorten(&value.to_string()));
        }
        year
    }

    /// A date: `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub(crate) fn date(&mut self, value: &Value, path: &Loc<'_>) -> Option<NaiveDate> {
        let Value::String(s) = value else {
            self.wrong_type(path, value, "une date (texte)", "a date (string)");
            return None;
        };
        let s = s.trim();
        let date = NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
            .ok()
            .filter(|d| s.len() <= 10 && d.year_in_range());
        if date.is_none() {
            let shown = shorten(s);
            self.push(
                IssueCode::DateInvalid,
                path,
                format!("date invalide : « {shown} » (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)"),
                format!("invalid date: \"{shown}\" (expected YYYY-MM-DD or DD/MM/YYYY)"),
            );
        }
        date
    }

    /// An amount of money: a string (canonical or French writing) or an integer.
    pub(crate) fn amount(&mut self, value: &Value, path: &Loc<'_>) -> Option<Amount> {
        let result = match value {
            Value::String(s) => Amount::parse(s),
            Value::Number(n) => {
                if let Some(euros) = n.as_u64() {
                    Amount::from_euros(euros)
                } else if n.as_i64().is_some() {
                    Err(AmountError::Negative)
                } else {
                    Err(AmountError::from_float(n.as_f64().unwrap_or(f64::NAN)))
                }
            }
            _ => {
                self.wrong_type(
                    path,
                    value,
                    "un montant (texte « 1234.56 »)",
                    "an amount (string \"1234.56\")",
                );
                return None;
            }
        };
        result.map_err(|e| self.problem(path, &e)).ok()
    }

    /// A decimal value (indicators): a string or a JSON number.
    pub(crate) fn decimal(&mut self, value: &Value, path: &Loc<'_>) -> Option<Decimal> {
        let text = match value {
            Value::String(s) => s.trim().replace(',', "."),
            Value::Number(n) => n.to_string(),
            _ => {
                self.wrong_type(path, value, "un nombre", "a number");
                return None;
            }
        };
        let parsed = if text.len() <= 40 {
            Decimal::from_str_exact(&text)
                .or_else(|_| Decimal::from_scientific(&text))
                .ok()
        } else {
            None
        };
        if parsed.is_none() {
            let shown = shorten(&text);
            self.push(
                IssueCode::DecimalInvalid,
                path,
                format!("nombre illisible : « {shown} »"),
                format!("unreadable number: \"{shown}\""),
            );
        }
        parsed.map(|d| d.normalize())
    }

    /// A positive integer (numbers of action sheets and amendments): an integer or a string.
    pub(crate) fn positive_int(&mut self, value: &Value, path: &Loc<'_>) -> Option<u32> {
        if !matches!(value, Value::Number(_) | Value::String(_)) {
            self.wrong_type(path, value, "un entier", "an integer");
            return None;
        }
        let number = positive_integer(value);
        if number.is_none() {
            let shown = shorten(&value.to_string());
            self.push(
                IssueCode::NumberInvalid,
                path,
                format!("nombre invalide : {shown} (attendu : un entier positif)"),
                format!("invalid number: {shown} (expected a positive integer)"),
            );
        }
        number
    }

    /// An identifier (INSEE code, SIREN, SIRET, département): a string read with `T::from_str`.
    pub(crate) fn identifier<T>(&mut self, value: &Value, path: &Loc<'_>) -> Option<T>
    where
        T: FromStr,
        T::Err: Problem,
    {
        let Value::String(s) = value else {
            self.wrong_type(
                path,
                value,
                "un identifiant (texte)",
                "an identifier (string)",
            );
            return None;
        };
        s.parse::<T>().map_err(|e| self.problem(path, &e)).ok()
    }

    /// A word of a fixed list (role, kind, status…), read leniently by `parse`.
    pub(crate) fn word<T>(
        &mut self,
        value: &Value,
        path: &Loc<'_>,
        parse: impl FnOnce(&str) -> Option<T>,
        accepted: &[&str],
    ) -> Option<T> {
        let Value::String(s) = value else {
            self.wrong_type(path, value, "un texte", "a string");
            return None;
        };
        let parsed = parse(s);
        if parsed.is_none() {
            let shown = shorten(s);
            let list = accepted.join(", ");
            self.push(
                IssueCode::ValueUnknown,
                path,
                format!("valeur inconnue « {shown} » (valeurs acceptées : {list})"),
                format!("unknown value \"{shown}\" (accepted values: {list})"),
            );
        }
        parsed
    }
}

/// A positive integer written as a JSON integer or a string of digits (`3`, `"3"`), fitting in
/// 32 bits; `None` otherwise.
pub(crate) fn positive_integer(value: &Value) -> Option<u32> {
    let number = match value {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse::<u32>().ok(),
        _ => None,
    };
    number.filter(|&n| n >= 1)
}

/// A year written as four digits.
fn parse_year_text(s: &str) -> Option<Year> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (Period::MIN_YEAR..=Period::MAX_YEAR).contains(y))
}

/// At most 64 characters of a value, for messages.
pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if s.chars().nth(64).is_some() {
        out.push('…');
    }
    out
}

trait YearInRange {
    fn year_in_range(&self) -> bool;
}

impl YearInRange for NaiveDate {
    fn year_in_range(&self) -> bool {
        use chrono::Datelike;
        (1900..=2200).contains(&self.year())
    }
}
