//! The one error type of every value parser of ctg (`FromStr` and constructors).

use crate::{IssueCode, Lang, Params};

/// Why a text (or a number) is not a valid value: an issue code of the catalogue and its
/// parameters, without a path. Every type of ctg that parses text (`Amount`, `InseeCode`, `Siren`,
/// `Siret`, `DepartementCode`, the vocabularies, `Lang`, `IssueCode`…) implements `FromStr` with
/// this error; validation turns it into an [`Issue`](crate::Issue) at the field's path.
///
/// ```
/// use ctg_core::{Amount, IssueCode, Lang};
/// let err = "12.000 €".parse::<Amount>().unwrap_err();
/// assert_eq!(err.code(), IssueCode::AmountAmbiguous);
/// assert!(err.message(Lang::En).contains("ambiguous"));
/// assert_eq!(err.to_string(), err.message(Lang::En));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    code: IssueCode,
    params: Params,
}

impl ParseError {
    /// An error with this code and these parameters.
    ///
    /// ```
    /// use ctg_core::{IssueCode, ParseError, Params};
    /// let err = ParseError::new(IssueCode::YearInvalid, Params::new().with("value", "24"));
    /// assert_eq!(err.code(), IssueCode::YearInvalid);
    /// ```
    pub fn new(code: IssueCode, params: Params) -> ParseError {
        ParseError { code, params }
    }

    /// The issue code.
    ///
    /// ```
    /// let err = "9".parse::<ctg_core::Siren>().unwrap_err();
    /// assert_eq!(err.code().as_str(), "siren.invalid");
    /// ```
    pub fn code(&self) -> IssueCode {
        self.code
    }

    /// The parameters (`ctx`).
    ///
    /// ```
    /// let err = "-3 €".parse::<ctg_core::Amount>().unwrap_err();
    /// assert_eq!(err.params().get("value"), Some(&ctg_core::Param::Text("-3 €".into())));
    /// ```
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The parameters, owned.
    ///
    /// ```
    /// let err = "-3 €".parse::<ctg_core::Amount>().unwrap_err();
    /// assert_eq!(err.into_params().len(), 1);
    /// ```
    pub fn into_params(self) -> Params {
        self.params
    }

    /// The message in `lang`, from the catalogue.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let err = "-3 €".parse::<ctg_core::Amount>().unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "montant négatif (-3 €) : un montant ne peut pas être négatif");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        self.params.render(self.code.template(lang), lang)
    }
}

impl std::fmt::Display for ParseError {
    /// The English message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ParseError {}
