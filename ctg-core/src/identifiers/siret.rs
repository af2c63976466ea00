//! SIRET numbers.

use super::{error, luhn, strip_spaces, Ascii, Siren};
use crate::ParseError;

/// The SIREN of La Poste, whose establishments' SIRETs follow a different checksum.
pub(super) const LA_POSTE_SIREN: &str = "356000000";

/// The SIRET of La Poste's head office, which follows the ordinary Luhn rule.
const LA_POSTE_HEAD_OFFICE: &str = "35600000000048";

/// The SIRET of an establishment: its body's SIREN (9 digits) then a NIC (5 digits).
///
/// Valid when the 14 digits pass the Luhn checksum and the first 9 are a valid [`Siren`].
/// La Poste's establishments (SIREN `356000000`) have too many SIRETs for the Luhn key: theirs are
/// valid when the sum of the 14 digits is a multiple of 5 (except the head office,
/// `35600000000048`, which follows the Luhn rule: its digits sum to 26).
///
/// Spaces (U+0020, U+00A0, U+202F) are removed on input.
///
/// ```
/// use ctg_core::{IssueCode, Siret};
/// // 73282932000041: from the left, the digits at even positions (1st, 3rd…) are doubled:
/// // 7×2=14→5, 3, 2×2=4, 8, 2×2=4, 9, 3×2=6, 2, 0, 0, 0, 0, 4×2=8, 1 → 50, a multiple of 10.
/// let siret = Siret::parse("732 829 320 00041")?;
/// assert_eq!(siret.as_str(), "73282932000041");
/// assert_eq!(siret.siren().as_str(), "732829320");
/// assert_eq!(siret.nic(), "00041");
///
/// // La Poste: 3+5+6+0+0+0+0+0+0+0+0+0+0+1 = 15, a multiple of 5.
/// assert!(Siret::parse("35600000000001").is_ok());
/// assert_eq!(Siret::parse("73282932000042").unwrap_err().code(), IssueCode::SiretChecksum);
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Siret(Ascii<14>);

impl Siret {
    /// Reads a SIRET: 14 digits (spaces removed) with a valid checksum.
    ///
    /// ```
    /// use ctg_core::Siret;
    /// assert_eq!(Siret::parse("7328293200004").unwrap_err().code().as_str(), "siret.invalid");
    /// ```
    pub fn parse(s: &str) -> Result<Siret, ParseError> {
        let digits = strip_spaces(s);
        if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error::siret_malformed(s));
        }
        let siren_part = digits.get(..9).unwrap_or_default();
        let valid = if siren_part == LA_POSTE_SIREN && digits != LA_POSTE_HEAD_OFFICE {
            luhn::digit_sum(&digits).is_some_and(|sum| sum % 5 == 0)
        } else {
            luhn::is_valid(&digits) && luhn::is_valid(siren_part)
        };
        match Ascii::new(&digits).filter(|_| valid) {
            Some(digits) => Ok(Siret(digits)),
            None => Err(error::siret_checksum(&digits)),
        }
    }

    /// The fourteen digits.
    ///
    /// ```
    /// use ctg_core::Siret;
    /// assert_eq!(Siret::parse("73282932000041")?.as_str(), "73282932000041");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The SIREN of the body the establishment belongs to (the first 9 digits).
    ///
    /// ```
    /// use ctg_core::{Siren, Siret};
    /// let siret = Siret::parse("73282932000041")?;
    /// assert_eq!(siret.siren(), Siren::parse("732829320")?);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn siren(&self) -> Siren {
        Siren::from_checked(self.as_str().get(..9).unwrap_or_default())
    }

    /// The NIC (*numéro interne de classement*): the last 5 digits, which number the
    /// establishment within its body.
    ///
    /// ```
    /// use ctg_core::Siret;
    /// assert_eq!(Siret::parse("73282932000041")?.nic(), "00041");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn nic(&self) -> &str {
        self.0.as_str().get(9..).unwrap_or_default()
    }
}

string_identifier!(
    Siret,
    pattern = "^[0-9]{14}$",
    description = "SIRET of an establishment: 14 digits (SIREN then NIC) with a Luhn checksum; \
                   for La Poste (SIREN 356000000) the sum of the digits is a multiple of 5 \
                   (spaces are accepted on input)"
);

#[cfg(test)]
mod tests {
    use super::*;

    // With 14 digits, Luhn doubles the digits at even indexes from the left (0, 2, …, 12).

    #[test]
    fn accepts_luhn_valid_sirets() {
        // 73282932000041: 7×2=14→5, 3, 2×2=4, 8, 2×2=4, 9, 3×2=6, 2, 0×2=0, 0, 0×2=0, 0,
        // 4×2=8, 1 → 5+3+4+8+4+9+6+2+8+1 = 50 ✓; SIREN 732829320 ✓.
        // 12345678200010: 1×2=2, 2, 3×2=6, 4, 5×2=10→1, 6, 7×2=14→5, 8, 2×2=4, 0, 0, 0, 1×2=2, 0
        // → 2+2+6+4+1+6+5+8+4+2 = 40 ✓; SIREN 123456782 ✓.
        for (s, siren, nic) in [
            ("73282932000041", "732829320", "00041"),
            ("12345678200010", "123456782", "00010"),
        ] {
            let siret = Siret::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(siret.as_str(), s);
            assert_eq!(siret.siren().as_str(), siren);
            assert_eq!(siret.nic(), nic);
        }
        assert_eq!(
            Siret::parse("732\u{a0}829\u{202f}320 00041").map(|s| s.as_str().to_owned()),
            Ok("73282932000041".to_owned())
        );
    }

    #[test]
    fn la_poste_uses_the_sum_of_digits() {
        // 35600000000001: digit sum 3+5+6+1 = 15, a multiple of 5 ✓ (Luhn would give
        // 3×2=6, 5, 6×2=12→3, …, 1 → 15 ✗: only the La Poste rule accepts it).
        // 35600000000010: 3+5+6+1 = 15 ✓. 35600000000055: 3+5+6+5+5 = 24 ✗.
        assert!(Siret::parse("35600000000001").is_ok());
        assert!(Siret::parse("35600000000010").is_ok());
        assert_eq!(
            Siret::parse("35600000000055").map_err(|e| e.code()),
            Err(crate::IssueCode::SiretChecksum)
        );
        // The head office 35600000000048: digit sum 3+5+6+4+8 = 26, not a multiple of 5, but Luhn
        // 3×2=6, 5, 6×2=12→3, 0…, 4×2=8, 8 → 6+5+3+8+8 = 30 ✓: it follows the ordinary rule.
        let head = Siret::parse("35600000000048").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(head.siren().as_str(), "356000000");
        assert_eq!(head.nic(), "00048");
    }

    #[test]
    fn refuses_bad_checksums() {
        // 73282932000042: 50 + 1 = 51 ✗.
        // 12345678900007: 1×2=2, 2, 3×2=6, 4, 5×2=10→1, 6, 7×2=14→5, 8, 9×2=18→9, 0, 0, 0, 0, 7
        // → 50 ✓ for the SIRET, but its SIREN 123456789 fails (47) ✗.
        for s in ["73282932000042", "12345678900007"] {
            assert_eq!(
                Siret::parse(s).map_err(|e| e.code()),
                Err(crate::IssueCode::SiretChecksum)
            );
        }
    }

    #[test]
    fn refuses_malformed_numbers() {
        for s in [
            "",
            "732829320",
            "7328293200004",
            "732829320000410",
            "7328293200004a",
        ] {
            assert_eq!(
                Siret::parse(s),
                Err(crate::ParseError::new(
                    crate::IssueCode::SiretInvalid,
                    crate::Params::new().with("value", s.to_owned())
                )),
                "{s}"
            );
        }
    }

    #[test]
    fn serde_round_trip() {
        let siret: Siret =
            serde_json::from_str("\"732 829 320 00041\"").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            serde_json::to_string(&siret).ok().as_deref(),
            Some("\"73282932000041\"")
        );
        assert!(serde_json::from_str::<Siret>("\"73282932000042\"").is_err());
    }
}
