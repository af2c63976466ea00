//! SIREN numbers.

use super::{error, luhn, strip_spaces, Ascii};
use crate::ParseError;

/// The SIREN of a legal body (commune, EPCI, Caf, association, company…): 9 digits whose Luhn
/// checksum is right.
///
/// On input, spaces (U+0020, no-break space U+00A0, narrow no-break space U+202F) are removed, so
/// `"732 829 320"` is read as `732829320`; the canonical form has no space.
///
/// ```
/// use ctg_core::{IssueCode, Siren};
/// // 732829320: from the right, 0 + (2×2=4) + 3 + (9×2=18→9) + 2 + (8×2=16→7) + 2 + (3×2=6) + 7
/// // = 40, a multiple of 10.
/// let siren = Siren::parse("732\u{a0}829 320")?;
/// assert_eq!(siren.as_str(), "732829320");
/// assert_eq!(siren.to_string(), "732829320");
///
/// assert_eq!(Siren::parse("732829321").unwrap_err().code(), IssueCode::SirenChecksum);
/// assert_eq!(Siren::parse("73282932").unwrap_err().code(), IssueCode::SirenInvalid);
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Siren(Ascii<9>);

impl Siren {
    /// Reads a SIREN: 9 digits (spaces removed) with a valid Luhn checksum.
    ///
    /// ```
    /// use ctg_core::Siren;
    /// assert!(Siren::parse("123 456 782").is_ok());
    /// assert_eq!(Siren::parse("12345678x").unwrap_err().code().as_str(), "siren.invalid");
    /// ```
    pub fn parse(s: &str) -> Result<Siren, ParseError> {
        let digits = strip_spaces(s);
        if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error::siren_malformed(s));
        }
        if !luhn::is_valid(&digits) {
            return Err(error::siren_checksum(&digits));
        }
        Ascii::new(&digits)
            .map(Siren)
            .ok_or_else(|| error::siren_malformed(s))
    }

    /// The nine digits.
    ///
    /// ```
    /// use ctg_core::Siren;
    /// assert_eq!(Siren::parse(" 123 456 782 ")?.as_str(), "123456782");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The SIREN of an already checked SIRET's first nine digits.
    pub(super) fn from_checked(digits: &str) -> Siren {
        Siren(Ascii::new(digits).unwrap_or_default())
    }
}

string_identifier!(
    Siren,
    pattern = "^[0-9]{9}$",
    description = "SIREN of a legal body: 9 digits with a Luhn checksum (spaces are accepted on \
                   input)"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_luhn_valid_numbers() {
        // 732829320: from the right 0 + 4 + 3 + 9 + 2 + 7 + 2 + 6 + 7 = 40 ✓.
        // 123456782: 2 + (8×2=16→7) + 7 + (6×2=12→3) + 5 + (4×2=8) + 3 + (2×2=4) + 1 = 40 ✓.
        // 356000000 (La Poste): 0 + 0 + 0 + 0 + 0 + 0 + 6 + (5×2=10→1) + 3 = 10 ✓.
        // 000000000: 0 ✓.
        for s in ["732829320", "123456782", "356000000", "000000000"] {
            assert_eq!(
                Siren::parse(s).map(|x| x.as_str().to_owned()),
                Ok(s.to_owned())
            );
        }
    }

    #[test]
    fn removes_spaces() {
        for s in [
            "732 829 320",
            "732\u{a0}829\u{a0}320",
            "732\u{202f}829\u{202f}320",
            "  732829320\n",
        ] {
            assert_eq!(
                Siren::parse(s).map(|x| x.as_str().to_owned()),
                Ok("732829320".to_owned()),
                "{s:?}"
            );
        }
    }

    #[test]
    fn refuses_bad_checksums() {
        // 123456789: 9 + 7 + 7 + 3 + 5 + 8 + 3 + 4 + 1 = 47 ✗.
        // 732829302 (two digits swapped from 732829320):
        // 2 + (0×2=0) + 3 + (9×2=18→9) + 2 + (8×2=16→7) + 2 + (3×2=6) + 7 = 38 ✗.
        for s in ["123456789", "732829302", "732 829 321"] {
            assert_eq!(
                Siren::parse(s),
                Err(crate::ParseError::new(
                    crate::IssueCode::SirenChecksum,
                    crate::Params::new().with("value", s.replace(' ', ""))
                ))
            );
        }
    }

    #[test]
    fn refuses_malformed_numbers() {
        for s in [
            "",
            "73282932",
            "7328293200",
            "73282932O",
            "732-829-320",
            "732.829.320",
            "73282932000041",
            "١٢٣٤٥٦٧٨٢",
        ] {
            assert_eq!(
                Siren::parse(s),
                Err(crate::ParseError::new(
                    crate::IssueCode::SirenInvalid,
                    crate::Params::new().with("value", s.to_owned())
                )),
                "{s}"
            );
        }
    }

    #[test]
    fn serde_round_trip() {
        let siren: Siren =
            serde_json::from_str("\"732 829 320\"").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            serde_json::to_string(&siren).ok().as_deref(),
            Some("\"732829320\"")
        );
        let err = serde_json::from_str::<Siren>("\"123456789\"").map(|_| ());
        assert!(err.is_err_and(|e| e.to_string().contains("Luhn")));
    }
}
