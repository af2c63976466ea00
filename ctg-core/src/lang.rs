//! The languages messages and labels are written in.

use serde::{Deserialize, Serialize};

/// A language for messages and display labels: French (the default) or English.
///
/// ```
/// use ctg_core::Lang;
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// assert_eq!("de".parse::<Lang>().unwrap_err().code().as_str(), "value.unknown");
/// assert_eq!(Lang::default(), Lang::Fr);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    #[default]
    Fr,
    /// English.
    En,
}

impl std::str::FromStr for Lang {
    type Err = crate::ParseError;

    /// `fr` or `en` (also `fr-FR`, `en-GB`, `français`, `english`…, any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "fr" | "fr-fr" | "french" | "français" | "francais" => Ok(Lang::Fr),
            "en" | "en-gb" | "en-us" | "english" | "anglais" => Ok(Lang::En),
            _ => Err(crate::ParseError::new(
                crate::IssueCode::ValueUnknown,
                crate::Params::new()
                    .with("value", crate::text::shorten(s))
                    .with("accepted", vec!["fr".to_owned(), "en".to_owned()]),
            )),
        }
    }
}
