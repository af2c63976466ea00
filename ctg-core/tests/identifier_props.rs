//! Property tests of the identifiers (SIREN, SIRET, INSEE, département) and thematic domains.

use ctg_core::{DepartementCode, InseeCode, IssueCode, Param, Siren, Siret, ThematicDomain};
use proptest::prelude::*;

/// The Luhn check digit to append to `digits` so that the whole passes the Luhn test.
///
/// Once the check digit is appended, the digits of `digits` at odd distance from the right end of
/// the whole number are doubled; so here, counting from the right of `digits`, the 1st, 3rd, 5th…
/// are doubled (minus 9 above 9).
fn luhn_check_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn to_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// A Luhn-valid 9-digit SIREN, as digits.
fn valid_siren_digits() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..10, 8).prop_map(|mut digits| {
        let check = luhn_check_digit(&digits);
        digits.push(check);
        digits
    })
}

/// Drops the accents of French letters, for testing that parsing ignores them.
fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'À' | 'Â' | 'Ä' => 'A',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'î' | 'ï' => 'i',
            'Î' | 'Ï' => 'I',
            'ô' | 'ö' => 'o',
            'Ô' | 'Ö' => 'O',
            'ù' | 'û' | 'ü' => 'u',
            'Ù' | 'Û' | 'Ü' => 'U',
            'ç' => 'c',
            'Ç' => 'C',
            other => other,
        })
        .collect()
}

#[test]
fn check_digit_helper_matches_hand_computations() {
    // 73282932 → 7 3 2 8 2 9 3 2: from the right, 2×2=4, 3, 9×2=18→9, 2, 8×2=16→7, 2, 3×2=6, 7
    // = 40 → check digit 0: 732829320.
    assert_eq!(luhn_check_digit(&[7, 3, 2, 8, 2, 9, 3, 2]), 0);
    // 12345678 → 8×2=16→7, 7, 6×2=12→3, 5, 4×2=8, 3, 2×2=4, 1 = 38 → check digit 2: 123456782.
    assert_eq!(luhn_check_digit(&[1, 2, 3, 4, 5, 6, 7, 8]), 2);
    assert!(Siren::parse("732829320").is_ok());
    assert!(Siren::parse("123456782").is_ok());
}

proptest! {
    #[test]
    fn luhn_valid_sirens_parse(digits in valid_siren_digits()) {
        let s = to_string(&digits);
        let siren = Siren::parse(&s);
        prop_assert!(siren.is_ok(), "{s}: {siren:?}");
        let siren = siren.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(siren.as_str(), s.as_str());
        prop_assert_eq!(siren.to_string(), s.clone());
        // Spaces as people write them are removed.
        let spaced = format!("{} {}\u{a0}{}", &s[..3], &s[3..6], &s[6..]);
        prop_assert_eq!(Siren::parse(&spaced), Ok(siren));
    }

    #[test]
    fn changing_one_digit_breaks_a_siren(
        digits in valid_siren_digits(),
        position in 0usize..9,
        delta in 1u8..10,
    ) {
        let mut changed = digits.clone();
        changed[position] = (changed[position] + delta) % 10;
        let s = to_string(&changed);
        let err = Siren::parse(&s);
        prop_assert_eq!(err.clone().map_err(|e| e.params().get("value").cloned()), Err(Some(Param::Text(s))));
        prop_assert_eq!(err.err().map(|e| e.code()), Some(IssueCode::SirenChecksum));
    }

    #[test]
    fn siret_from_siren_and_nic_parses(
        siren in valid_siren_digits(),
        nic_start in proptest::collection::vec(0u8..10, 4),
    ) {
        // La Poste's SIRETs follow another rule (sum of the digits modulo 5).
        prop_assume!(to_string(&siren) != "356000000");
        let mut digits = siren.clone();
        digits.extend_from_slice(&nic_start);
        let check = luhn_check_digit(&digits);
        digits.push(check);
        let s = to_string(&digits);
        let siret = Siret::parse(&s).map_err(|e| TestCaseError::fail(format!("{s}: {e}")))?;
        prop_assert_eq!(siret.as_str(), s.as_str());
        prop_assert_eq!(siret.siren().to_string(), &s[..9]);
        prop_assert_eq!(siret.nic(), &s[9..]);
        prop_assert_eq!(Siren::parse(&s[..9]), Ok(siret.siren()));
    }

    #[test]
    fn la_poste_sirets_follow_the_sum_rule(nic in proptest::collection::vec(0u8..10, 5)) {
        let s = format!("356000000{}", to_string(&nic));
        let sum: u32 = s.bytes().map(|b| u32::from(b - b'0')).sum();
        let expected = sum % 5 == 0 || s == "35600000000048";
        prop_assert_eq!(Siret::parse(&s).is_ok(), expected, "{}", s);
    }

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        let _ = Siren::parse(&s);
        let _ = Siret::parse(&s);
        let _ = InseeCode::parse(&s);
        let _ = DepartementCode::parse(&s);
        let _ = ThematicDomain::parse(&s);
        let _ = ctg_core::FacilityKind::parse(&s);
        let _ = ctg_core::PartyKind::parse(&s);
        let _ = ctg_core::PartyRole::parse(&s);
    }

    #[test]
    fn parsers_never_panic_on_near_misses(s in "[0-9 2AaBb\u{a0}\u{202f}é-]{0,16}") {
        for err in [
            Siren::parse(&s).err(),
            Siret::parse(&s).err(),
            InseeCode::parse(&s).err(),
            DepartementCode::parse(&s).err(),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(!err.message(ctg_core::Lang::Fr).is_empty());
            match err.params().get("value") {
                Some(Param::Text(v)) => prop_assert!(v.chars().count() <= 33),
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }

    #[test]
    fn valid_insee_codes_round_trip(code in "(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5])[0-9]{3}|2[ABab][0-9]{3}|97[1-8][0-9]{2}") {
        let insee = InseeCode::parse(&code).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(insee.as_str(), code.to_uppercase());
        let dep = insee.departement();
        prop_assert!(insee.as_str().starts_with(dep.as_str()));
        prop_assert_eq!(DepartementCode::parse(dep.as_str()), Ok(dep.clone()));
    }

    #[test]
    fn known_domains_parse_back(index in 0usize..15, upper in any::<bool>()) {
        let d = &ThematicDomain::KNOWN[index];
        prop_assert_eq!(&ThematicDomain::parse(d.label_fr()), d);
        prop_assert_eq!(&ThematicDomain::parse(d.code()), d);
        // Case and accents do not matter.
        let label = strip_accents(d.label_fr());
        let label = if upper { label.to_uppercase() } else { label.to_lowercase() };
        prop_assert_eq!(&ThematicDomain::parse(&label), d, "{}", label);
        prop_assert_eq!(&ThematicDomain::parse(&d.label_fr().to_uppercase()), d);
    }

    #[test]
    fn custom_domains_round_trip_through_serde(label in "\\PC{0,40}") {
        let domain = ThematicDomain::parse(&label);
        if let ThematicDomain::Custom(kept) = &domain {
            prop_assert_eq!(kept.as_str(), label.trim());
        }
        let json = serde_json::to_string(&domain).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: ThematicDomain =
            serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, domain);
    }
}
