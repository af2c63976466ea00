//! The Luhn (mod 10) checksum used by SIREN and SIRET numbers.

/// Whether a string of ASCII digits passes the Luhn check: from the rightmost digit, every second
/// digit is doubled (minus 9 when above 9) and the sum of all must be a multiple of 10.
///
/// Returns `false` for an empty string or any non-digit byte.
pub(super) fn is_valid(digits: &str) -> bool {
    luhn_sum(digits).is_some_and(|sum| sum % 10 == 0)
}

/// The sum of all digits of an ASCII-digit string, or `None` when a byte is not a digit.
pub(super) fn digit_sum(digits: &str) -> Option<u32> {
    digits.bytes().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc + u32::from(b - b'0'))
    })
}

fn luhn_sum(digits: &str) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits
        .bytes()
        .rev()
        .enumerate()
        .try_fold(0u32, |acc, (i, b)| {
            if !b.is_ascii_digit() {
                return None;
            }
            let d = u32::from(b - b'0');
            let d = if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            };
            Some(acc + d)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_examples() {
        // 732829320, from the right: 0 + 2×2=4 + 3 + 9×2=18→9 + 2 + 8×2=16→7 + 2 + 3×2=6 + 7
        // = 0+4+3+9+2+7+2+6+7 = 40 → valid.
        assert!(is_valid("732829320"));
        // 732829321: sum 41 → invalid.
        assert!(!is_valid("732829321"));
        // 123456789: 9 + 8×2=16→7 + 7 + 6×2=12→3 + 5 + 4×2=8 + 3 + 2×2=4 + 1 = 47 → invalid.
        assert!(!is_valid("123456789"));
        // 123456782: 2 + 7 + 7 + 3 + 5 + 8 + 3 + 4 + 1 = 40 → valid.
        assert!(is_valid("123456782"));
        assert!(is_valid("0"));
        assert!(!is_valid(""));
        assert!(!is_valid("12a"));
    }

    #[test]
    fn digit_sums() {
        assert_eq!(digit_sum("35600000000001"), Some(15));
        assert_eq!(digit_sum(""), Some(0));
        assert_eq!(digit_sum("1x"), None);
    }
}
