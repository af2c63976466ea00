//! The trait shared by every error that can become a validation issue.

use crate::{IssueCode, Lang};

/// An error of a value type (amount, identifier…) that validation reports as an issue:
/// it knows its stable code and can say what is wrong in French and in English.
///
/// ```
/// use ctg_core::{Amount, IssueCode, Lang, Problem};
/// let err = "-3 €".parse::<Amount>().unwrap_err();
/// assert_eq!(err.code(), IssueCode::AmountNegative);
/// assert!(!err.message(Lang::Fr).is_empty());
/// ```
pub trait Problem {
    /// The stable issue code.
    fn code(&self) -> IssueCode;
    /// What is wrong, in the given language.
    fn message(&self, lang: Lang) -> String;
}
