//! Identifiers of French bodies and places: INSEE commune codes, SIREN and SIRET numbers,
//! département codes.
//!
//! Each is a small checked string: it can only be built by parsing, so holding one means it is
//! well formed (and, for SIREN and SIRET, that its checksum is right).

/// Implements `FromStr`, `Display`, `AsRef<str>`, serde and (feature `schema`) `JsonSchema` for a
/// checked string identifier with `parse` and `as_str`.
macro_rules! string_identifier {
    ($ty:ident, pattern = $pattern:literal, description = $description:literal) => {
        impl std::str::FromStr for $ty {
            type Err = $crate::ParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                $ty::parse(&s).map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($ty))
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                })
            }
        }
    };
}

mod departement;
mod insee;
mod luhn;
mod siren;
mod siret;

pub use departement::DepartementCode;
pub use insee::InseeCode;
pub use siren::Siren;
pub use siret::Siret;

/// The [`ParseError`]s of the identifiers: each keeps the refused text (its first 32
/// characters) as its `value` parameter.
pub(crate) mod error {
    use crate::{IssueCode, Params, ParseError, Word};

    fn with_value(code: IssueCode, input: &str) -> ParseError {
        ParseError::new(
            code,
            Params::new().with("value", crate::text::truncate_input(input)),
        )
    }

    pub(crate) fn insee(input: &str) -> ParseError {
        with_value(IssueCode::InseeInvalid, input)
    }

    pub(crate) fn siren_malformed(input: &str) -> ParseError {
        with_value(IssueCode::SirenInvalid, input)
    }

    pub(crate) fn siren_checksum(digits: &str) -> ParseError {
        with_value(IssueCode::SirenChecksum, digits)
    }

    /// A SIRET that is not 14 digits; when it looks like what a spreadsheet makes of a long number
    /// (`8,03E+13`, `8.03e13`), the message says so: its digits are lost and cannot be rebuilt.
    pub(crate) fn siret_malformed(input: &str) -> ParseError {
        let mut params = Params::new().with("value", crate::text::truncate_input(input));
        if looks_scientific(input) {
            params.set("hint", Word::SCIENTIFIC_NOTATION.into());
        }
        ParseError::new(IssueCode::SiretInvalid, params)
    }

    pub(crate) fn siret_checksum(digits: &str) -> ParseError {
        let rule = if digits.get(..9) == Some(super::siret::LA_POSTE_SIREN) {
            Word::LA_POSTE
        } else {
            Word::LUHN
        };
        ParseError::new(
            IssueCode::SiretChecksum,
            Params::new()
                .with("value", crate::text::truncate_input(digits))
                .with("rule", rule),
        )
    }

    pub(crate) fn departement(input: &str) -> ParseError {
        with_value(IssueCode::DepartementInvalid, input)
    }

    /// `8,03E+13`, `8.03e13`, `8E13`: a mantissa, `e` or `E`, an exponent.
    fn looks_scientific(input: &str) -> bool {
        let t = input.trim();
        let Some((mantissa, exponent)) = t.split_once(['e', 'E']) else {
            return false;
        };
        let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
        !mantissa.is_empty()
            && mantissa
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && !exponent.is_empty()
            && exponent.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Removes the spaces people write in SIREN and SIRET numbers (U+0020, no-break space U+00A0,
/// narrow no-break space U+202F), and any white space around.
fn strip_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = s.trim();
    let spaced = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    if !trimmed.contains(spaced) {
        return std::borrow::Cow::Borrowed(trimmed);
    }
    trimmed.chars().filter(|&c| !spaced(c)).collect()
}

/// The writing of an identifier, held inline: at most `N` ASCII characters, so that an
/// identifier costs no allocation. Compared, ordered, hashed and shown as its text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ascii<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> Ascii<N> {
    /// `s`, when it is ASCII and at most `N` bytes long.
    pub(crate) fn new(s: &str) -> Option<Ascii<N>> {
        Ascii::from_bytes(s.bytes())
    }

    /// `s` in capitals, when it is ASCII and at most `N` bytes long.
    pub(crate) fn uppercase(s: &str) -> Option<Ascii<N>> {
        Ascii::from_bytes(s.bytes().map(|b| b.to_ascii_uppercase()))
    }

    fn from_bytes(bytes: impl ExactSizeIterator<Item = u8>) -> Option<Ascii<N>> {
        let len = bytes.len();
        if len > N {
            return None;
        }
        let mut out = Ascii {
            bytes: [0; N],
            len: u8::try_from(len).ok()?,
        };
        for (slot, byte) in out.bytes.iter_mut().zip(bytes) {
            if !byte.is_ascii() {
                return None;
            }
            *slot = byte;
        }
        Some(out)
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.text()).unwrap_or_default()
    }

    /// The text's bytes: what hashing reads, without the check of UTF-8 that
    /// [`as_str`](Self::as_str) makes.
    fn text(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// The `N` bytes (zeros past the text) as one number ([`crate::sorting::head`]), then the
    /// length: ordered as the texts are — they differ first where the texts do, and a text that
    /// is the start of another has zeros there, or equal bytes and a smaller length.
    fn order_key(&self) -> (u128, u8) {
        const {
            assert!(
                N <= 16,
                "an identifier of at most 16 bytes is all in the head"
            )
        };
        (crate::sorting::head(&self.bytes), self.len)
    }
}

impl<const N: usize> Default for Ascii<N> {
    /// The empty text.
    fn default() -> Ascii<N> {
        Ascii {
            bytes: [0; N],
            len: 0,
        }
    }
}

impl<const N: usize> PartialOrd for Ascii<N> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<const N: usize> Ord for Ascii<N> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl<const N: usize> std::hash::Hash for Ascii<N> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As `str` hashes by default: the bytes, then 0xff.
        state.write(self.text());
        state.write_u8(0xff);
    }
}

impl<const N: usize> std::fmt::Debug for Ascii<N> {
    /// As a `String` shows: `"81115"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use crate::{IssueCode, Lang, Param};

    fn value(err: &crate::ParseError) -> String {
        match err.params().get("value") {
            Some(Param::Text(v)) => v.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inline_writings() {
        use super::Ascii;
        let a = Ascii::<5>::new("81115").unwrap();
        assert_eq!(a.as_str(), "81115");
        assert_eq!(format!("{a:?}"), format!("{:?}", "81115"));
        assert_eq!(Ascii::<5>::uppercase("2a004").unwrap().as_str(), "2A004");
        assert!(Ascii::<5>::new("811150").is_none());
        assert!(Ascii::<5>::new("8111é").is_none());
        let (short, long) = (
            Ascii::<3>::new("97").unwrap(),
            Ascii::<3>::new("974").unwrap(),
        );
        assert!(short < long && Ascii::<3>::new("2A").unwrap() < short);
        // Ordered as their texts are, NUL bytes and prefixes included.
        let texts = [
            "", "\0", "\0\0", "0", "00", "9", "9\0", "97", "974", "A", "a", "~~~",
        ];
        for x in texts {
            for y in texts {
                let (a, b) = (Ascii::<3>::new(x).unwrap(), Ascii::<3>::new(y).unwrap());
                assert_eq!(a.cmp(&b), x.cmp(y), "{x:?} {y:?}");
                assert_eq!(a == b, x == y, "{x:?} {y:?}");
            }
        }
        assert_eq!(Ascii::<3>::new("").unwrap().as_str(), "");
    }

    proptest::proptest! {
        /// Any ASCII text of up to 14 bytes (a SIRET's) compares, orders and hashes as the `str`
        /// it holds.
        #[test]
        fn ascii_behaves_as_its_str(a in "[\\x00-\\x7f]{0,14}", b in "[\\x00-\\x7f]{0,14}") {
            use std::hash::BuildHasher;
            let (Some(x), Some(y)) = (super::Ascii::<14>::new(&a), super::Ascii::<14>::new(&b)) else {
                return Err(proptest::test_runner::TestCaseError::fail("ASCII of at most 14 bytes is taken"));
            };
            proptest::prop_assert_eq!(x.as_str(), a.as_str());
            proptest::prop_assert_eq!(x == y, a == b);
            proptest::prop_assert_eq!(x.cmp(&y), a.as_str().cmp(b.as_str()));
            let hasher = std::collections::hash_map::RandomState::new();
            proptest::prop_assert_eq!(hasher.hash_one(x), hasher.hash_one(a.as_str()));
        }
    }

    #[test]
    fn codes_and_messages() {
        let cases = [
            (super::error::insee("x"), IssueCode::InseeInvalid),
            (super::error::siren_malformed("x"), IssueCode::SirenInvalid),
            (
                super::error::siren_checksum("123456789"),
                IssueCode::SirenChecksum,
            ),
            (super::error::siret_malformed("x"), IssueCode::SiretInvalid),
            (
                super::error::siret_checksum("73282932000042"),
                IssueCode::SiretChecksum,
            ),
            (
                super::error::departement("x"),
                IssueCode::DepartementInvalid,
            ),
        ];
        for (err, code) in cases {
            assert_eq!(err.code(), code);
            let fr = err.message(Lang::Fr);
            let en = err.message(Lang::En);
            assert!(fr.contains(&value(&err)), "{fr}");
            assert!(en.contains(&value(&err)), "{en}");
            assert_ne!(fr, en);
            assert_eq!(err.to_string(), en);
        }
    }

    #[test]
    fn siret_checksum_messages_name_the_failed_rule() {
        let la_poste = super::error::siret_checksum("35600000000002");
        assert!(la_poste.message(Lang::Fr).contains("multiple de 5"));
        assert!(la_poste.message(Lang::En).contains("multiple of 5"));
        // 12345678900007 passes Luhn as a SIRET while its SIREN 123456789 does not: still the
        // Luhn rule is named.
        let plain = super::error::siret_checksum("73282932000042");
        assert!(plain.message(Lang::Fr).contains("Luhn"));
        assert!(plain.message(Lang::En).contains("Luhn"));
    }

    #[test]
    fn a_siret_in_scientific_notation_says_its_digits_are_lost() {
        for written in ["8,03E+13", "8.03e13", "8E13", " 8,0312345E+13 "] {
            let err = super::error::siret_malformed(written);
            assert!(
                err.message(Lang::En).contains("scientific notation"),
                "{written}"
            );
            assert!(err.message(Lang::Fr).contains("notation scientifique"));
        }
        let plain = super::error::siret_malformed("1234");
        assert!(!plain.message(Lang::En).contains("scientific"));
    }

    #[test]
    fn inputs_are_truncated() {
        let err = super::error::insee(&"9".repeat(100));
        assert!(value(&err).chars().count() <= 33);
    }
}
