//! The municipal arrondissements of Paris, Lyon and Marseille as people write them: `Paris 16e`,
//! `Paris XVIe`, `16e arrondissement de Paris`, `Marseille 13ème`, `Lyon 3`, `Paris 1er arr.`.

use crate::normalize::Words;

/// The INSEE code of the arrondissement the words name, if they name one and nothing else:
/// a city (`paris`, `lyon`, `marseille`), a number in its range (with `er`, `re`, `e`, `eme`,
/// `ieme` or as a Roman numeral), and optionally `arrondissement` (`arr`, `arrt`) and `de`.
pub(crate) fn code(words: &Words) -> Option<String> {
    let mut city: Option<(&str, u32, u32)> = None;
    let mut number: Option<u32> = None;
    for word in words.iter() {
        match word {
            "paris" => set(&mut city, ("75", 100, 20))?,
            "marseille" => set(&mut city, ("13", 200, 16))?,
            "lyon" => set(&mut city, ("69", 380, 9))?,
            "arrondissement" | "arrondissements" | "arr" | "arrt" | "ardt" | "de" | "du" => {}
            other => set(&mut number, ordinal(other)?)?,
        }
    }
    let (departement, base, max) = city?;
    let n = number?;
    (1..=max)
        .contains(&n)
        .then(|| format!("{departement}{:03}", base + n))
}

/// Sets `slot` once; a second value means the words are not one arrondissement.
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// `16`, `16e`, `16eme`, `1er`, `1re`, `xvie`, `xvi`: the number.
fn ordinal(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let (number, suffix) = word.split_at(digits);
    let value = if digits > 0 {
        if digits > 2 {
            return None;
        }
        number.parse().ok()?
    } else {
        let roman = word.len() - roman_suffix(word).len();
        let (numeral, _) = word.split_at(roman);
        return roman_value(numeral).filter(|_| is_suffix(roman_suffix(word)));
    };
    is_suffix(suffix).then_some(value)
}

/// The ordinal suffix after a Roman numeral (the letters after the last of `i`, `v`, `x`).
fn roman_suffix(word: &str) -> &str {
    let end = word
        .bytes()
        .take_while(|b| matches!(b, b'i' | b'v' | b'x'))
        .count();
    word.get(end..).unwrap_or("")
}

fn is_suffix(suffix: &str) -> bool {
    matches!(
        suffix,
        "" | "e" | "er" | "re" | "ere" | "eme" | "ieme" | "me" | "em" | "ème"
    )
}

/// The value of a Roman numeral from 1 to 20 (`i` … `xx`).
fn roman_value(numeral: &str) -> Option<u32> {
    const NUMERALS: [&str; 20] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    let position = NUMERALS.iter().position(|n| *n == numeral)?;
    u32::try_from(position + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::words;

    fn of(text: &str) -> Option<String> {
        code(&words(text))
    }

    #[test]
    fn usual_writings() {
        assert_eq!(of("Paris 16e").as_deref(), Some("75116"));
        assert_eq!(of("Paris 16e Arrondissement").as_deref(), Some("75116"));
        assert_eq!(
            of("16ème arrondissement de Paris").as_deref(),
            Some("75116")
        );
        assert_eq!(of("Paris XVIe").as_deref(), Some("75116"));
        assert_eq!(of("Paris 1er arr.").as_deref(), Some("75101"));
        assert_eq!(of("Paris-1er").as_deref(), Some("75101"));
        assert_eq!(of("Marseille 13e").as_deref(), Some("13213"));
        assert_eq!(of("Lyon 3").as_deref(), Some("69383"));
        assert_eq!(of("LYON 9EME").as_deref(), Some("69389"));
    }

    #[test]
    fn not_an_arrondissement() {
        assert_eq!(of("Paris"), None);
        assert_eq!(of("Lyon 10e"), None); // Lyon has 9
        assert_eq!(of("Marseille 17"), None);
        assert_eq!(of("Paris 0"), None);
        assert_eq!(of("Paris 123"), None);
        assert_eq!(of("Paris Lyon 3"), None);
        assert_eq!(of("Paris 3 4"), None);
        assert_eq!(of("Ville de Paris 16e"), None);
        assert_eq!(of("16e"), None);
        assert_eq!(of("Paris 16x"), None);
    }
}
