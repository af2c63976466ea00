//! Département codes.

use super::{error, Ascii};
use crate::ParseError;

/// The code of a French département, as INSEE writes it: `01`–`95` (there is no `20`), `2A` and
/// `2B` for Corsica, `971`–`976` overseas (`975` is Saint-Pierre-et-Miquelon).
///
/// `977` (Saint-Barthélemy) and `978` (Saint-Martin) are accepted too: they are overseas
/// collectivities, not départements, but INSEE codes their communes the same way (`97701`), so
/// every [`InseeCode`](crate::InseeCode) has a département code.
///
/// `2a`/`2b` are accepted and written in capitals; white space around the code is ignored.
/// One-digit forms (`"9"`) are refused: the code is always written `"09"`.
///
/// ```
/// use ctg_core::DepartementCode;
/// assert_eq!(DepartementCode::parse("81")?.as_str(), "81");
/// assert_eq!("2a".parse::<DepartementCode>()?.to_string(), "2A");
/// assert_eq!(DepartementCode::parse("974")?.as_str(), "974");
/// assert!(DepartementCode::parse("20").is_err());
/// assert!(DepartementCode::parse("9").is_err());
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DepartementCode(Ascii<3>);

impl DepartementCode {
    /// Reads a département code (see the type's documentation for the accepted forms).
    ///
    /// ```
    /// use ctg_core::{DepartementCode, IssueCode};
    /// assert!(DepartementCode::parse(" 09 ").is_ok());
    /// let err = DepartementCode::parse("99").unwrap_err();
    /// assert_eq!(err.code(), IssueCode::DepartementInvalid);
    /// ```
    pub fn parse(s: &str) -> Result<DepartementCode, ParseError> {
        let trimmed = s.trim();
        let ok = match trimmed.as_bytes() {
            [b'2', b'A' | b'a' | b'B' | b'b'] => true,
            [b'2', b'0'] | [b'0', b'0'] => false,
            [b'9', d] => (b'0'..=b'5').contains(d),
            [a, b] => a.is_ascii_digit() && b.is_ascii_digit(),
            [b'9', b'7', d] => (b'1'..=b'8').contains(d),
            _ => false,
        };
        match Ascii::uppercase(trimmed).filter(|_| ok) {
            Some(code) => Ok(DepartementCode(code)),
            None => Err(error::departement(s)),
        }
    }

    /// The canonical code (`"2A"`, `"81"`, `"974"`).
    ///
    /// ```
    /// use ctg_core::DepartementCode;
    /// assert_eq!(DepartementCode::parse("2b")?.as_str(), "2B");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The département of an already checked INSEE code prefix (2 or 3 characters).
    pub(super) fn from_insee_prefix(prefix: &str) -> DepartementCode {
        DepartementCode(Ascii::new(prefix).unwrap_or_default())
    }
}

string_identifier!(
    DepartementCode,
    pattern = "^(?:0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-8])$",
    description = "code of a département: 01-95 (no 20), 2A/2B for Corsica, 971-976 overseas \
                   (977 and 978 accepted for Saint-Barthélemy and Saint-Martin)"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_all_departements() {
        let mut accepted = 0;
        for n in 0..100 {
            let code = format!("{n:02}");
            if DepartementCode::parse(&code).is_ok() {
                accepted += 1;
            }
        }
        // 01 to 95 is 95 codes, minus 20.
        assert_eq!(accepted, 94);
        for code in [
            "2A", "2B", "971", "972", "973", "974", "975", "976", "977", "978",
        ] {
            assert_eq!(
                DepartementCode::parse(code).map(|d| d.as_str().to_owned()),
                Ok(code.to_owned())
            );
        }
        assert_eq!(
            DepartementCode::parse("2a").map(|d| d.as_str().to_owned()),
            Ok("2A".to_owned())
        );
    }

    #[test]
    fn refuses_malformed_codes() {
        for code in [
            "", "0", "1", "9", "00", "20", "96", "99", "2C", "970", "979", "980", "988", "0081",
            "081", "A1", "8 1", "8é",
        ] {
            assert_eq!(
                DepartementCode::parse(code),
                Err(crate::ParseError::new(
                    crate::IssueCode::DepartementInvalid,
                    crate::Params::new().with("value", code.to_owned())
                )),
                "{code}"
            );
        }
    }

    #[test]
    fn serde_round_trip() {
        let dep = DepartementCode::parse("2a").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(serde_json::to_string(&dep).ok().as_deref(), Some("\"2A\""));
        let back: DepartementCode =
            serde_json::from_str("\"2A\"").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, dep);
        assert!(serde_json::from_str::<DepartementCode>("\"20\"").is_err());
    }
}
