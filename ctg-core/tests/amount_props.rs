//! Property tests of `Amount`: reading back what it writes, never panicking, exact splits and sums.

use ctg_core::{Amount, IssueCode, Param};
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

/// Strings of digits and the separators people put in numbers.
fn number_like_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            5 => proptest::char::range('0', '9'),
            1 => proptest::sample::select(vec![' ', '.', ',']),
        ],
        1..16,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Whether `s` is an integer written plainly or grouped by three with `sep` (a grouped number does
/// not start with `0`); its digits when it is.
fn grouped(s: &str, sep: char) -> Option<String> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return Some(s.to_owned());
    }
    let groups: Vec<&str> = s.split(sep).collect();
    let first = groups[0];
    let ok = groups.len() >= 2
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| groups.concat())
}

/// Every well-formed reading of a number's writing, as (integer digits without leading zeros,
/// fraction digits without trailing zeros): no decimal separator and one kind of group
/// separator; or one decimal separator (`.` or `,`, appearing once) and, before it, an integer
/// grouped with one other kind of separator.
fn readings(s: &str) -> std::collections::BTreeSet<(String, String)> {
    let mut out = std::collections::BTreeSet::new();
    let norm = |int: &str, frac: &str| {
        (
            int.trim_start_matches('0').to_owned(),
            frac.trim_end_matches('0').to_owned(),
        )
    };
    for group in [' ', '.', ','] {
        let others_absent = [' ', '.', ',']
            .iter()
            .all(|&c| c == group || !s.contains(c));
        if others_absent {
            if let Some(digits) = grouped(s, group) {
                out.insert(norm(&digits, ""));
            }
        }
    }
    for decimal in ['.', ','] {
        if s.matches(decimal).count() != 1 {
            continue;
        }
        let (int, frac) = s.split_once(decimal).unwrap();
        if frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        for group in [' ', '.', ','] {
            if group == decimal {
                continue;
            }
            let others_absent = [' ', '.', ',']
                .iter()
                .all(|&c| c == group || c == decimal || !int.contains(c));
            if others_absent {
                if let Some(digits) = grouped(int, group) {
                    out.insert(norm(&digits, frac));
                }
            }
        }
    }
    out
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
        // English writing always has cents ("€241,801.00"), so it is never ambiguous.
        prop_assert_eq!(Amount::parse(&a.to_english()), Ok(a));
    }

    #[test]
    fn continental_writing_round_trips(a in any_amount()) {
        // "1.234.567,89 €": dots group thousands, the comma separates the cents.
        let french = a.to_french().replace('\u{202f}', ".").replace('\u{a0}', " ");
        let with_cents = if french.contains(',') { french } else { french.replace(" €", ",00 €") };
        prop_assert_eq!(Amount::parse(&with_cents), Ok(a), "{}", with_cents);
    }

    /// Every writing made of digits, dots, commas and spaces either reads to the one value all
    /// its well-formed readings agree on, or is refused: as ambiguous when its readings disagree,
    /// as invalid when it has none. The readings come from an oracle written independently of
    /// the parser (`readings` below).
    #[test]
    fn a_writing_reads_to_exactly_one_amount_or_is_refused(s in number_like_string()) {
        let values = readings(s.trim()); // white space around a number is ignored
        match (values.len(), Amount::parse(&s)) {
            (0, Err(e)) => prop_assert_eq!(e.code(), IssueCode::AmountInvalid, "{:?}", s),
            (0, Ok(a)) => prop_assert!(false, "{:?} has no reading but parsed as {}", s, a),
            (1, result) => {
                let (int, frac) = values.iter().next().unwrap();
                let expected_cents = if frac.len() <= 2 && int.len() <= 12 {
                    let euros: u64 = if int.is_empty() { 0 } else { int.parse().unwrap() };
                    let cents: u64 = format!("{frac:0<2}").parse().unwrap();
                    Some(euros * 100 + cents)
                } else {
                    None
                };
                match (expected_cents, result) {
                    (Some(c), Ok(a)) => prop_assert_eq!(a.cents(), c, "{:?}", s),
                    (None, Err(e)) => prop_assert!(
                        matches!(e.code(), IssueCode::AmountTooPrecise | IssueCode::AmountTooLarge),
                        "{:?}: {:?}", s, e.code()
                    ),
                    (expected, result) => prop_assert!(false, "{:?}: expected {:?}, got {:?}", s, expected, result),
                }
            }
            (_, result) => {
                let e = result.err();
                prop_assert_eq!(e.as_ref().map(|e| e.code()), Some(IssueCode::AmountAmbiguous), "{:?}", s);
            }
        }
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
            Err(e) if e.code() == IssueCode::AmountInvalid => {
                let shown = e.params().get("value");
                let expected: String = s.chars().take(64).collect();
                let expected = if s.chars().count() > 64 { format!("{expected}…") } else { expected };
                prop_assert_eq!(shown, Some(&Param::Text(expected)));
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
        prop_assert_eq!(Amount::parse(&over).map_err(|e| e.code()), Err(IssueCode::AmountTooLarge));
        let negative = format!("-{euros}.{cents:02}");
        let expected_negative = if expected == 0 { Ok(Amount::ZERO) } else { Err(IssueCode::AmountNegative) };
        prop_assert_eq!(Amount::parse(&negative).map_err(|e| e.code()), expected_negative);
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
            prop_assert_eq!(result, None);
        } else {
            prop_assert_eq!(result.map(|a| u128::from(a.cents())), Some(exact));
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
