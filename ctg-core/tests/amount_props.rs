//! Property tests of `Amount`: reading back what it writes, never panicking, exact splits and sums.

use ctg_core::{Amount, AmountError};
use proptest::prelude::*;

/// `Amount::MAX` in cents, written out by hand (999 999 999 999,99 €).
const MAX_CENTS: u64 = 99_999_999_999_999;

fn any_amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        // Small amounts, where cents and short groups are frequent.
        (0u64..=100_000).prop_map(|c| Amount::from_cents(c).unwrap()),
        (0u64..=MAX_CENTS).prop_map(|c| Amount::from_cents(c).unwrap()),
        // Whole euros, where the French writing has no decimals.
        (0u64..=999_999_999_999).prop_map(|e| Amount::from_euros(e).unwrap()),
        Just(Amount::ZERO),
        Just(Amount::MAX),
    ]
}

/// Strings made of the characters an amount is written with, in any order.
fn amount_like_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::char::range('0', '9'),
            1 => proptest::sample::select(vec![
                ' ', '\u{a0}', '\u{202f}', '\u{2009}', ',', '.', '€', '-', '+', 'e', 'E', '\u{2212}',
            ]),
        ],
        0..40,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn display_round_trips(a in any_amount()) {
        let canonical = a.to_string();
        prop_assert_eq!(Amount::parse(&canonical), Ok(a));
        // Canonical writing: digits, a dot, exactly two decimals.
        let (int, frac) = canonical.split_once('.').unwrap();
        prop_assert_eq!(frac.len(), 2);
        prop_assert!(!int.is_empty() && int.len() <= 12);
        prop_assert_eq!(int.parse::<u64>().unwrap() * 100 + frac.parse::<u64>().unwrap(), a.cents());
    }

    #[test]
    fn french_round_trips(a in any_amount()) {
        prop_assert_eq!(Amount::parse(&a.to_french()), Ok(a));
    }

    #[test]
    fn english_round_trips(a in any_amount()) {
        // A leading `€` with `,` groups reads as English writing ("€241,801", "€1,234.56").
        prop_assert_eq!(Amount::parse(&a.to_english()), Ok(a));
    }


    #[test]
    fn serde_round_trips(a in any_amount()) {
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
    }

    #[test]
    fn parse_never_panics(s in ".*") {
        let _ = Amount::parse(&s);
    }

    #[test]
    fn parse_never_panics_on_amount_like(s in amount_like_string()) {
        match Amount::parse(&s) {
            // Whatever was accepted is a valid amount that reads back from its own writing.
            Ok(a) => {
                prop_assert!(a.cents() <= MAX_CENTS);
                prop_assert_eq!(Amount::parse(&a.to_string()), Ok(a));
            }
            Err(AmountError::Invalid { input }) => {
                prop_assert_eq!(input, s.chars().take(64).collect::<String>());
            }
            Err(_) => {}
        }
    }

    #[test]
    fn parse_plain_digits(euros in 0u64..1_000_000_000_000, cents in 0u64..100) {
        // Independently built writings of the same value.
        let expected = euros * 100 + cents;
        let canonical = format!("{euros}.{cents:02}");
        let comma = format!("{euros},{cents:02} €");
        prop_assert_eq!(Amount::parse(&canonical).map(|a| a.cents()), Ok(expected));
        prop_assert_eq!(Amount::parse(&comma).map(|a| a.cents()), Ok(expected));
        let over = format!("{}.{cents:02}", euros + 1_000_000_000_000);
        prop_assert_eq!(Amount::parse(&over), Err(AmountError::TooLarge));
        let negative = format!("-{euros}.{cents:02}");
        let expected_negative = if expected == 0 { Ok(Amount::ZERO) } else { Err(AmountError::Negative) };
        prop_assert_eq!(Amount::parse(&negative), expected_negative);
    }

    #[test]
    fn split_is_exact(
        c in prop_oneof![0u64..=10_000, 0u64..=MAX_CENTS],
        weights in proptest::collection::vec(prop_oneof![0u64..=10, any::<u64>()], 1..20),
    ) {
        let a = Amount::from_cents(c).unwrap();
        let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
        let result = a.split(&weights);
        if total == 0 {
            prop_assert_eq!(result, Err(ctg_core::SplitError::ZeroWeights));
            return Ok(());
        }
        let parts = result.unwrap();
        prop_assert_eq!(parts.len(), weights.len());
        let sum: u128 = parts.iter().map(|p| u128::from(p.cents())).sum();
        prop_assert_eq!(sum, u128::from(c));
        for (part, &w) in parts.iter().zip(&weights) {
            // |part - c·w/W| < 1 cent  <=>  |part·W - c·w| < W.
            let scaled_part = u128::from(part.cents()) * total;
            let exact = u128::from(c) * u128::from(w);
            prop_assert!(scaled_part.abs_diff(exact) < total, "part {} weight {}", part, w);
            if w == 0 {
                prop_assert!(part.is_zero());
            }
        }
    }

    #[test]
    fn split_evenly_is_exact(c in 0u64..=MAX_CENTS, n in 1usize..50) {
        let parts = Amount::from_cents(c).unwrap().split_evenly(n).unwrap();
        prop_assert_eq!(parts.len(), n);
        let sum: u64 = parts.iter().map(|p| p.cents()).sum();
        prop_assert_eq!(sum, c);
        let min = parts.iter().map(|p| p.cents()).min().unwrap();
        let max = parts.iter().map(|p| p.cents()).max().unwrap();
        prop_assert!(max - min <= 1);
    }

    #[test]
    fn checked_sum_matches_u128(
        cents in proptest::collection::vec(
            prop_oneof![0u64..=1_000, 0u64..=MAX_CENTS, Just(MAX_CENTS)],
            0..8,
        ),
    ) {
        let amounts: Vec<Amount> = cents.iter().map(|&c| Amount::from_cents(c).unwrap()).collect();
        let exact: u128 = cents.iter().map(|&c| u128::from(c)).sum();
        let result = Amount::checked_sum(amounts.iter().copied());
        if exact > u128::from(MAX_CENTS) {
            prop_assert_eq!(result, Err(AmountError::Overflow));
        } else {
            prop_assert_eq!(result.map(|a| u128::from(a.cents())), Ok(exact));
        }
    }

    #[test]
    fn checked_add_sub_match_u128(x in 0u64..=MAX_CENTS, y in 0u64..=MAX_CENTS) {
        let (a, b) = (Amount::from_cents(x).unwrap(), Amount::from_cents(y).unwrap());
        let sum = u128::from(x) + u128::from(y);
        prop_assert_eq!(
            a.checked_add(b).map(|s| u128::from(s.cents())),
            (sum <= u128::from(MAX_CENTS)).then_some(sum)
        );
        prop_assert_eq!(a.checked_sub(b).map(|d| d.cents()), x.checked_sub(y));
    }
}
