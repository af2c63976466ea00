//! Numbers as people write them: `241 801`, `1 234,56`, `1.234,56`, `1,234.56`, `12.5` — and the
//! writings that can be read two ways (`12.000`), which are refused, never guessed.
//!
//! The rule (also in `docs/format.md`):
//! - White space (U+0020, U+00A0, U+202F, U+2009) only ever separates groups of thousands.
//! - When both `.` and `,` appear, the rightmost one is the decimal separator (it must appear once)
//!   and the other separates groups of thousands: `1.234,56` and `1,234.56` are both 1234.56.
//! - When one of them appears several times, it separates thousands: `1.234.567`.
//! - When one of them appears once, it is the decimal separator — unless it is followed by exactly
//!   three digits and preceded by one to three digits (not starting with `0`) and by no space
//!   grouping: then `12.000` may be twelve thousand or twelve, and the writing is **ambiguous**.
//! - Groups of thousands: the first has one to three digits, every other exactly three.
//!
//! Crate-private: [`Amount`](crate::Amount) and the decimal values of indicators use it.

use rust_decimal::Decimal;

/// The canonical writing of a decimal value: a dot, no grouping, no trailing zero — except that
/// a value whose writing would end with exactly three decimals after one to three integer digits
/// (`"100.302"`) gets a fourth, zero (`"100.3020"`), so that it can never be read as a thousands
/// group (the ambiguity rule above): what ctg writes always reads back to the same value.
pub(crate) fn canonical_decimal(d: &Decimal) -> String {
    let text = d.normalize().to_string();
    let unsigned = text.trim_start_matches('-');
    match unsigned.split_once('.') {
        Some((int, frac))
            if frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0') =>
        {
            format!("{text}0")
        }
        _ => text,
    }
}

/// Serde helpers writing decimals in their canonical writing ([`canonical_decimal`]).
pub(crate) mod decimal_serde {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::canonical_decimal(d))
    }

    /// For `Option<Decimal>` fields.
    pub(crate) mod option {
        use rust_decimal::Decimal;
        use serde::Serializer;

        pub(crate) fn serialize<S: Serializer>(
            d: &Option<Decimal>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }
    }
}

/// A number read from its writing: sign, integer digits (no leading zero) and fraction digits
/// (no trailing zero).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written {
    pub(crate) negative: bool,
    pub(crate) integer: String,
    pub(crate) fraction: String,
}

impl Written {
    /// Whether the number is zero.
    pub(crate) fn is_zero(&self) -> bool {
        self.integer.is_empty() && self.fraction.is_empty()
    }

    /// The number as a `Decimal`, when it fits (at most 28 significant digits).
    pub(crate) fn to_decimal(&self) -> Option<Decimal> {
        let integer = if self.integer.is_empty() {
            "0"
        } else {
            &self.integer
        };
        let text = if self.fraction.is_empty() {
            integer.to_owned()
        } else {
            format!("{integer}.{}", self.fraction)
        };
        if text.len() > 30 {
            return None;
        }
        let d = Decimal::from_str_exact(&text).ok()?;
        Some(if self.negative { -d } else { d })
    }
}

/// Why a writing is not one number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unread {
    /// Not a number at all.
    Invalid,
    /// Two readings: `separator` separating thousands, or separating decimals.
    Ambiguous {
        separator: char,
        as_thousands: Written,
        as_decimal: Written,
    },
}

/// Group separators made of white space.
pub(crate) fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Reads a number written by a person: an optional sign (`+`, `-`, `−`), digits with grouping and
/// one decimal separator as described in the module documentation. Leading and trailing white
/// space is ignored. Exponents are not a writing people use: `1e3` is invalid.
pub(crate) fn read(s: &str) -> Result<Written, Unread> {
    let s = s.trim();
    let (negative, body) = if let Some(rest) = s.strip_prefix(['-', '\u{2212}']) {
        (true, rest)
    } else if let Some(rest) = s.strip_prefix('+') {
        (false, rest)
    } else {
        (false, s)
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space_separator(c))
    {
        return Err(Unread::Invalid);
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let spaced = body.chars().any(is_space_separator);

    let (integer, fraction): (String, &str) = match (dots, commas) {
        (0, 0) => (grouped(body, is_space_separator)?, ""),
        (d, c) if d > 0 && c > 0 => {
            // The rightmost separator is the decimal one; the other groups thousands.
            let (decimal, group) = match body.rfind(['.', ',']) {
                Some(i) if body.as_bytes().get(i) == Some(&b'.') => ('.', ','),
                _ => (',', '.'),
            };
            if body.matches(decimal).count() != 1 || spaced {
                return Err(Unread::Invalid);
            }
            let (int, frac) = body.split_once(decimal).ok_or(Unread::Invalid)?;
            (grouped(int, |c| c == group)?, frac)
        }
        (d, c) => {
            let separator = if d > 0 { '.' } else { ',' };
            if d + c >= 2 {
                if spaced {
                    return Err(Unread::Invalid);
                }
                (grouped(body, |c| c == separator)?, "")
            } else {
                let (int, frac) = body.split_once(separator).ok_or(Unread::Invalid)?;
                let could_group = !spaced
                    && frac.len() == 3
                    && (1..=3).contains(&int.len())
                    && !int.starts_with('0')
                    && is_digits(int)
                    && is_digits(frac);
                if could_group {
                    return Err(Unread::Ambiguous {
                        separator,
                        as_thousands: written(negative, &format!("{int}{frac}"), ""),
                        as_decimal: written(negative, int, frac),
                    });
                }
                (grouped(int, is_space_separator)?, frac)
            }
        }
    };
    if !is_digits(fraction) && !fraction.is_empty() {
        return Err(Unread::Invalid);
    }
    if dots + commas > 0 && fraction.is_empty() && body.ends_with(['.', ',']) {
        return Err(Unread::Invalid);
    }
    Ok(written(negative, &integer, fraction))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn written(negative: bool, integer: &str, fraction: &str) -> Written {
    Written {
        negative,
        integer: integer.trim_start_matches('0').to_owned(),
        fraction: fraction.trim_end_matches('0').to_owned(),
    }
}

/// The digits of an integer part: plain (`241801`) or grouped by three with `is_separator`
/// (`241 801`).
fn grouped(integer: &str, is_separator: impl Fn(char) -> bool) -> Result<String, Unread> {
    if is_digits(integer) {
        return Ok(integer.to_owned());
    }
    let mut digits = String::with_capacity(integer.len());
    for (i, group) in integer.split(is_separator).enumerate() {
        let len_ok = if i == 0 {
            (1..=3).contains(&group.len()) && !group.starts_with('0')
        } else {
            group.len() == 3
        };
        if !len_ok || !is_digits(group) {
            return Err(Unread::Invalid);
        }
        digits.push_str(group);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> String {
        match read(s) {
            Ok(w) => {
                let sign = if w.negative { "-" } else { "" };
                let int = if w.integer.is_empty() {
                    "0"
                } else {
                    &w.integer
                };
                if w.fraction.is_empty() {
                    format!("{sign}{int}")
                } else {
                    format!("{sign}{int}.{}", w.fraction)
                }
            }
            Err(Unread::Invalid) => "invalid".into(),
            Err(Unread::Ambiguous { .. }) => "ambiguous".into(),
        }
    }

    #[test]
    fn plain_and_grouped() {
        assert_eq!(value("241801"), "241801");
        assert_eq!(value("241 801"), "241801");
        assert_eq!(value("1\u{202f}234\u{a0}567"), "1234567");
        assert_eq!(value("1.234.567"), "1234567");
        assert_eq!(value("1,234,567"), "1234567");
        assert_eq!(value("007"), "7");
        assert_eq!(value("-12"), "-12");
        assert_eq!(value("\u{2212}12"), "-12");
    }

    #[test]
    fn decimals() {
        assert_eq!(value("12.5"), "12.5");
        assert_eq!(value("12,50"), "12.5");
        assert_eq!(value("1 234,56"), "1234.56");
        assert_eq!(value("1.234,56"), "1234.56");
        assert_eq!(value("1,234.56"), "1234.56");
        assert_eq!(value("1.234.567,8"), "1234567.8");
        assert_eq!(value("0.500"), "0.5"); // "0" cannot start a group
        assert_eq!(value("1234.567"), "1234.567"); // four digits cannot be a first group
        assert_eq!(value("12 000.000"), "12000"); // spaces group: the dot is decimal
        assert_eq!(value("1.2300"), "1.23");
    }

    #[test]
    fn ambiguous() {
        for s in ["12.000", "12,000", "1.234", "999,999", "-1.000", "1,000"] {
            assert_eq!(value(s), "ambiguous", "{s}");
        }
        match read("12.000") {
            Err(Unread::Ambiguous {
                separator,
                as_thousands,
                as_decimal,
            }) => {
                assert_eq!(separator, '.');
                assert_eq!(as_thousands.integer, "12000");
                assert_eq!(
                    (as_decimal.integer.as_str(), as_decimal.fraction.as_str()),
                    ("12", "")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn canonical_decimals_read_back() {
        for (value, written) in [
            (Decimal::new(100_302, 3), "100.3020"),
            (Decimal::new(-1_125, 3), "-1.1250"),
            (Decimal::new(125, 3), "0.125"),
            (Decimal::new(1_234_567, 3), "1234.567"),
            (Decimal::new(125, 1), "12.5"),
            (Decimal::new(12_000, 3), "12"),
        ] {
            assert_eq!(canonical_decimal(&value), written);
            let back = read(written).ok().and_then(|w| w.to_decimal());
            assert_eq!(back, Some(value.normalize()), "{written}");
        }
    }

    #[test]
    fn invalid() {
        for s in [
            "",
            " ",
            "-",
            "+-3",
            "--3",
            "1e3",
            "1,2,3.4.5",
            "1.2.3,4,5",
            ".5",
            ",5",
            "5.",
            "5,",
            "1 23",
            "12 3456",
            "1  234",
            "1,234.56.7",
            "1.234,56,7",
            "1 234.567,8",
            "1 234.567.8",
            "abc",
            "1_000",
            "１２",
            "1,23,456",
            "NaN",
            "0 000",
            "01.234.567",
        ] {
            assert_eq!(value(s), "invalid", "{s:?}");
        }
    }
}
