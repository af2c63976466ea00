//! Arguments of the constructors and edits, read by core's readers: a vocabulary word or an
//! identifier through its `FromStr`, money through `Amount::from_host`, a decimal through
//! `decimal_from_host`, a date through `date_from_host`, a period through `Period::try_new`.
//!
//! [`Args`] collects the problems of every argument of one call (each at the path of its
//! argument: `kind`, `amounts.2024`, `members[2]`) and raises them together, as one
//! `ctg.ValidationError`, the way validation lists every issue of a document. Nothing here
//! decides what a value means: core does.

use std::str::FromStr;

use chrono::NaiveDate;
use ctg_core::{Amount, Decimal, Issue, Limits, ParseError, Path, Report};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::convert;
use crate::report::{validation_error, PyReport};

/// The problems found in the arguments of one call.
pub(crate) struct Args {
    issues: Vec<Issue>,
}

/// The path of an argument: its name.
pub(crate) fn at(name: &str) -> Path {
    Path::root().key(name)
}

impl Args {
    pub(crate) fn new() -> Args {
        Args { issues: Vec::new() }
    }

    /// Records core's error for the argument at `path`.
    pub(crate) fn error(&mut self, path: Path, error: ParseError) {
        self.issues.push(Issue::from_error(path, error));
    }

    /// Records an error of core, or gives the value.
    pub(crate) fn check<T>(&mut self, path: Path, read: Result<T, ParseError>) -> Option<T> {
        match read {
            Ok(value) => Some(value),
            Err(error) => {
                self.error(path, error);
                None
            }
        }
    }

    /// A word of a vocabulary or an identifier, read by core's `FromStr` (a vocabulary member
    /// is a `str` equal to its code).
    pub(crate) fn parse<T: FromStr<Err = ParseError>>(
        &mut self,
        path: Path,
        text: &str,
    ) -> Option<T> {
        self.check(path, text.parse::<T>())
    }

    /// An optional word or identifier: `Some(None)` when absent.
    pub(crate) fn parse_opt<T: FromStr<Err = ParseError>>(
        &mut self,
        path: Path,
        text: Option<&str>,
    ) -> Option<Option<T>> {
        match text {
            None => Some(None),
            Some(text) => self.parse(path, text).map(Some),
        }
    }

    /// Every item of a list read by `FromStr`, each at `name[i]`.
    pub(crate) fn parse_all<T: FromStr<Err = ParseError>>(
        &mut self,
        name: &str,
        items: &[String],
    ) -> Option<Vec<T>> {
        let read: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, text)| self.parse(at(name).index(i), text))
            .collect();
        read.into_iter().collect()
    }

    /// An amount, read by core's `Amount::from_host` (a `Decimal`, an `int`, a `str` as people
    /// write it; a `float` is `amount.float`).
    pub(crate) fn amount(
        &mut self,
        path: Path,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<Option<Amount>> {
        let tree = convert::to_host(value, &Limits::DEFAULT)?;
        Ok(self.check(path, Amount::from_host(&tree.0)))
    }

    /// An optional amount (`None` stays absent).
    pub(crate) fn amount_opt(
        &mut self,
        path: Path,
        value: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<Option<Amount>>> {
        match value {
            Some(value) if !value.is_none() => Ok(self.amount(path, value)?.map(Some)),
            _ => Ok(Some(None)),
        }
    }

    /// A decimal (indicators), read by core's `decimal_from_host` (a `float` is
    /// `decimal.float`).
    pub(crate) fn decimal(
        &mut self,
        path: Path,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<Option<Decimal>> {
        let tree = convert::to_host(value, &Limits::DEFAULT)?;
        Ok(self.check(path, ctg_core::decimal_from_host(&tree.0)))
    }

    /// An optional decimal.
    pub(crate) fn decimal_opt(
        &mut self,
        path: Path,
        value: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<Option<Decimal>>> {
        match value {
            Some(value) if !value.is_none() => Ok(self.decimal(path, value)?.map(Some)),
            _ => Ok(Some(None)),
        }
    }

    /// A date, read by core's `date_from_host` (a `datetime.date`, a `datetime` at midnight, or
    /// the text of a date).
    pub(crate) fn date(
        &mut self,
        path: Path,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<Option<NaiveDate>> {
        let tree = convert::to_host(value, &Limits::DEFAULT)?;
        Ok(self.check(path, ctg_core::date_from_host(&tree.0)))
    }

    /// An optional date.
    pub(crate) fn date_opt(
        &mut self,
        path: Path,
        value: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<Option<NaiveDate>>> {
        match value {
            Some(value) if !value.is_none() => Ok(self.date(path, value)?.map(Some)),
            _ => Ok(Some(None)),
        }
    }

    /// Raises every problem found as one `ctg.ValidationError`.
    pub(crate) fn finish(self, py: Python<'_>) -> PyResult<()> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(validation_error(
                py,
                PyReport::new(Report::from(self.issues)),
            ))
        }
    }
}

/// A value read without error (after [`Args::finish`] said there was none).
pub(crate) fn got<T>(value: Option<T>) -> PyResult<T> {
    value.ok_or_else(|| PyRuntimeError::new_err("an argument was not read"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_kept_at_its_argument() {
        Python::initialize();
        Python::attach(|py| {
            let mut args = Args::new();
            let kind = args.parse::<ctg_core::PartyKind>(at("kind"), "club");
            let members = args.parse_all::<ctg_core::InseeCode>(
                "members",
                &["81005".to_owned(), "zz".to_owned()],
            );
            let amount = args
                .amount(at("budget"), &1.5f64.into_pyobject(py).unwrap())
                .unwrap();
            let date = args
                .date_opt(at("start"), Some(&"2024-03-12".into_pyobject(py).unwrap()))
                .unwrap();
            assert!(kind.is_none() && members.is_none() && amount.is_none());
            assert_eq!(date, Some(NaiveDate::from_ymd_opt(2024, 3, 12)));
            let found: Vec<(String, String)> = args
                .issues
                .iter()
                .map(|i| (i.code.as_str().to_owned(), i.path.to_string()))
                .collect();
            assert_eq!(
                found,
                [
                    ("value.unknown".to_owned(), "kind".to_owned()),
                    ("insee.invalid".to_owned(), "members[1]".to_owned()),
                    ("amount.float".to_owned(), "budget".to_owned()),
                ]
            );
            assert!(args.finish(py).is_err());
            assert!(Args::new().finish(py).is_ok());
        });
    }
}
