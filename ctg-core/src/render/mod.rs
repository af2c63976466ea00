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

use chrono::NaiveDate;

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
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
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
