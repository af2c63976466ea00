//! The languages messages and labels are written in.

use serde::{Deserialize, Serialize};

/// A language for messages and display labels: French (the default) or English.
///
/// ```
/// use ctg_core::Lang;
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
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
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "fr-fr" | "french" | "français" | "francais" => Ok(Lang::Fr),
            "en" | "en-gb" | "en-us" | "english" | "anglais" => Ok(Lang::En),
            other => Err(format!(
                "unknown language {other:?} (expected \"fr\" or \"en\")"
            )),
        }
    }
}
