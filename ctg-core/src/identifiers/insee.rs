//! INSEE commune codes (*code officiel géographique*).

use super::{error, Ascii, DepartementCode};
use crate::ParseError;

/// The INSEE code of a commune: 5 characters, the département then the commune's number.
///
/// Accepted forms:
/// - 2 digits of a metropolitan département (`01`–`95`, but not `20`) and 3 digits: `81238`;
/// - `2A` or `2B` (Corsica) and 3 digits: `2A004` (`2a004` is accepted and written `2A004`);
/// - `97`, a digit from 1 to 8 and 2 digits for overseas: `97411` (971 Guadeloupe … 976 Mayotte,
///   977 Saint-Barthélemy, 978 Saint-Martin).
///
/// Refused: `00xxx`, `20xxx` (Corsica is `2A`/`2B`), `96xxx`, `98xxx` (Monaco, Pacific), `99xxx`.
/// White space around the code is ignored.
///
/// ```
/// use ctg_core::InseeCode;
/// let lavaur = InseeCode::parse("81140")?;
/// assert_eq!(lavaur.as_str(), "81140");
/// assert_eq!(lavaur.departement().as_str(), "81");
///
/// let ajaccio: InseeCode = "2a004".parse()?;
/// assert_eq!(ajaccio.to_string(), "2A004");
/// assert_eq!(InseeCode::parse("97411")?.departement().as_str(), "974");
///
/// assert!(InseeCode::parse("20004").is_err());
/// assert!(InseeCode::parse("98735").is_err());
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InseeCode(Ascii<5>);

impl InseeCode {
    /// Reads an INSEE commune code (see the type's documentation for the accepted forms).
    ///
    /// ```
    /// use ctg_core::{InseeCode, IssueCode};
    /// assert!(InseeCode::parse(" 82195 ").is_ok());
    /// assert_eq!(InseeCode::parse("8123").unwrap_err().code(), IssueCode::InseeInvalid);
    /// ```
    pub fn parse(s: &str) -> Result<InseeCode, ParseError> {
        let trimmed = s.trim();
        let &[first, second, third, fourth, fifth] = trimmed.as_bytes() else {
            return Err(error::insee(s));
        };
        if ![third, fourth, fifth].iter().all(u8::is_ascii_digit) {
            return Err(error::insee(s));
        }
        let ok = match (first, second.to_ascii_uppercase()) {
            (b'2', b'A' | b'B') => true,
            (b'9', b'7') => (b'1'..=b'8').contains(&third),
            (b'0', d) => d.is_ascii_digit() && d != b'0',
            (b'2', b'0') => false,
            (b'9', d) => (b'0'..=b'5').contains(&d),
            (first, second) => (b'1'..=b'8').contains(&first) && second.is_ascii_digit(),
        };
        match Ascii::uppercase(trimmed).filter(|_| ok) {
            Some(code) => Ok(InseeCode(code)),
            None => Err(error::insee(s)),
        }
    }

    /// The canonical code (`"2A004"`).
    ///
    /// ```
    /// use ctg_core::InseeCode;
    /// assert_eq!(InseeCode::parse("2b033")?.as_str(), "2B033");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The département of the commune: the first two characters, or three overseas (`97x`).
    ///
    /// ```
    /// use ctg_core::InseeCode;
    /// assert_eq!(InseeCode::parse("2A004")?.departement().as_str(), "2A");
    /// assert_eq!(InseeCode::parse("97101")?.departement().as_str(), "971");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn departement(&self) -> DepartementCode {
        let code = self.as_str();
        let len = if code.starts_with("97") { 3 } else { 2 };
        DepartementCode::from_insee_prefix(code.get(..len).unwrap_or(""))
    }
}

string_identifier!(
    InseeCode,
    pattern =
        "^(?:(?:0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5])[0-9]{3}|2[AB][0-9]{3}|97[1-8][0-9]{2})$",
    description = "INSEE code of a commune: 5 characters, the département (01-95, 2A/2B for \
                   Corsica, 971-978 overseas) then the commune's number"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_codes() {
        for (code, dep) in [
            ("81238", "81"), // Saint-Amans-Soult
            ("81140", "81"), // Lavaur
            ("82195", "82"),
            ("01001", "01"),
            ("95690", "95"),
            ("2A004", "2A"),
            ("2B033", "2B"),
            ("97411", "974"),
            ("97101", "971"),
            ("97502", "975"),
            ("97608", "976"),
            ("97701", "977"),
            ("97801", "978"),
        ] {
            let insee = InseeCode::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(insee.as_str(), code);
            assert_eq!(insee.departement().as_str(), dep);
        }
    }

    #[test]
    fn normalizes_corsica_and_spaces() {
        assert_eq!(
            InseeCode::parse("2a004").map(|c| c.as_str().to_owned()),
            Ok("2A004".to_owned())
        );
        assert_eq!(
            InseeCode::parse(" 2b033\n").map(|c| c.as_str().to_owned()),
            Ok("2B033".to_owned())
        );
    }

    #[test]
    fn refuses_malformed_codes() {
        for code in [
            "",
            "8123",
            "812380",
            "00123",
            "20004",
            "2C004",
            "96001",
            "97001",
            "97901",
            "98735",
            "99100",
            "8a238",
            "81 238",
            "8123a",
            "2A0O4",
            "٨١٢٣٨",
            "ABCDE",
            "+8123",
        ] {
            assert_eq!(
                InseeCode::parse(code),
                Err(crate::ParseError::new(
                    crate::IssueCode::InseeInvalid,
                    crate::Params::new().with("value", code.to_owned())
                )),
                "{code}"
            );
        }
    }

    #[test]
    fn serde_round_trip() {
        let code = InseeCode::parse("2a004").unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_string(&code).unwrap_or_default();
        assert_eq!(json, "\"2A004\"");
        let back: InseeCode = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, code);
        let err = serde_json::from_str::<InseeCode>("\"20004\"").map(|_| ());
        assert!(err.is_err_and(|e| e.to_string().contains("invalid INSEE code")));
        assert!(serde_json::from_str::<InseeCode>("81238").is_err());
    }
}
