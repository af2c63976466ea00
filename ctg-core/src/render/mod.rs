//! Renderers: the texts people read — a convention's summary and a validation report, as
//! terminal text or HTML (Jupyter, the demo page) — in French or English, from one catalogue of
//! labels ([`Label`]). The CLI and the bindings print what these give; they word nothing
//! themselves.

mod html;
mod labels;
mod portfolio;
mod text;

pub use html::escape_html;
pub use labels::Label;
pub use text::count;
pub(crate) use text::table as text_table;

use chrono::{Datelike, NaiveDate};

use crate::Lang;

/// ` :` in French (a space before the colon), `:` in English.
pub(crate) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " :",
        Lang::En => ":",
    }
}

/// ` ;` in French (a space before the semicolon), `;` in English.
pub(crate) fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ;",
        Lang::En => ";",
    }
}

/// A date as people of `lang` write it: `16/01/2024` in French, `2024-01-16` in English.
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 16).unwrap();
/// assert_eq!(ctg_core::render::date(d, ctg_core::Lang::Fr), "16/01/2024");
/// assert_eq!(ctg_core::render::date(d, ctg_core::Lang::En), "2024-01-16");
/// ```
pub fn date(d: NaiveDate, lang: Lang) -> String {
    // `NaiveDate`'s Display is chrono's `%Y-%m-%d` (a sign before a year past 9999); written
    // from it rather than through a format string, whose parser would weigh several KB in the
    // WebAssembly module.
    let iso = d.to_string();
    match lang {
        Lang::Fr => {
            let year = iso.get(..iso.len().saturating_sub(6)).unwrap_or_default();
            format!("{:02}/{:02}/{year}", d.day(), d.month())
        }
        Lang::En => iso,
    }
}

/// A signed sum of money (a difference, a gap): `+1 200 €` / `−350 €` (a minus sign, not a
/// hyphen), `0 €` without a sign.
pub(crate) fn signed_money(value: crate::Decimal, lang: Lang) -> String {
    let magnitude = crate::Amount::new(value.abs())
        .map_or_else(|_| value.abs().to_string(), |a| a.format(lang));
    if value.is_zero() {
        magnitude
    } else if value.is_sign_negative() {
        format!("−{magnitude}")
    } else {
        format!("+{magnitude}")
    }
}

/// A share (`0.1675`) as a percentage: `16,75 %` in French, `16.75%` in English.
///
/// ```
/// use ctg_core::{Decimal, Lang};
/// assert_eq!(ctg_core::render::percent(Decimal::new(1675, 4), Lang::Fr), "16,75\u{a0}%");
/// assert_eq!(ctg_core::render::percent(Decimal::new(1675, 4), Lang::En), "16.75%");
/// ```
pub fn percent(share: crate::Decimal, lang: Lang) -> String {
    let value = (share * crate::Decimal::ONE_HUNDRED)
        .round_dp(2)
        .normalize();
    match lang {
        Lang::Fr => format!("{}\u{a0}%", value.to_string().replace('.', ",")),
        Lang::En => format!("{value}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_chrono_s_format_strings_write_them() {
        for (y, m, d) in [
            (2024, 1, 16),
            (1, 12, 31),
            (0, 1, 1),
            (-1, 6, 5),
            (999, 2, 28),
            (9999, 12, 31),
            (10000, 1, 1),
            (262_142, 7, 14),
            (-262_143, 1, 1),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(date(day, Lang::Fr), day.format("%d/%m/%Y").to_string());
            assert_eq!(date(day, Lang::En), day.format("%Y-%m-%d").to_string());
        }
    }
}
