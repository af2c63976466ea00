//! HTML: compact summaries of a convention and of a report (Jupyter's `_repr_html_`, pages).
//! Everything shown is escaped.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::Label;
use crate::{Convention, Lang, Report, Severity};

const TABLE: &str = r#"<table style="border-collapse:collapse;text-align:left">"#;
const CELL: &str = r#"style="padding:2px 8px;border-bottom:1px solid #ddd;text-align:left""#;

/// Escapes text for HTML content and attributes.
///
/// ```
/// assert_eq!(ctg_core::render::escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn row(label: &str, value: &str) -> String {
    format!(
        "<tr><th {CELL}>{}</th><td {CELL}>{}</td></tr>",
        escape_html(label),
        escape_html(value)
    )
}

impl Convention {
    /// A summary table in HTML: identity, period, signature, status on `today`, parties, domains,
    /// action sheets and funding per year (or "no funding section").
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    /// let html = Convention::sample().to_html(Lang::Fr, today);
    /// assert!(html.contains("en vigueur") && html.contains("725\u{202f}403\u{a0}€"));
    /// ```
    pub fn to_html(&self, lang: Lang, today: NaiveDate) -> String {
        let signed = self.signature().map_or_else(
            || "—".to_owned(),
            |s| {
                let mut text = super::date(s.date, lang);
                if let Some(place) = &s.place {
                    text.push_str(&format!(", {place}"));
                }
                text
            },
        );
        let domains: Vec<&str> = self.domains().iter().map(|d| d.label(lang)).collect();
        let cafs: Vec<&str> = self.cafs().map(|p| p.name.as_str()).collect();
        let mut rows = vec![
            row(Label::Id.text(lang), self.id()),
            row(Label::Period.text(lang), &self.period().to_string()),
            row(Label::Signature.text(lang), &signed),
            row(Label::Status.text(lang), self.status(today).label(lang)),
            row(
                Label::Parties.text(lang),
                &format!("{} (Caf : {})", self.parties().len(), cafs.join(", ")),
            ),
            row(Label::Domains.text(lang), &domains.join(", ")),
            row(
                Label::ActionSheets.text(lang),
                &self.action_sheets().len().to_string(),
            ),
        ];
        match self.totals() {
            Some(totals) => {
                for (year, amount) in &totals.by_year {
                    rows.push(row(
                        &format!("{} {year}", Label::FundingOf.text(lang)),
                        &amount.format(lang),
                    ));
                }
                rows.push(row(
                    &format!(
                        "{} ({})",
                        Label::FundingOf.text(lang),
                        Label::Total.text(lang)
                    ),
                    &totals.total.format(lang),
                ));
            }
            None => rows.push(row(
                Label::CafFunding.text(lang),
                Label::NoFunding.text(lang),
            )),
        }
        format!(
            "<div><strong>{}</strong>{TABLE}{}</table></div>",
            escape_html(self.title()),
            rows.concat()
        )
    }
}

impl Convention {
    /// [`to_html`](Convention::to_html), followed, when a gazetteer is given, by the table of the
    /// convention's [coverage](Convention::coverage) ([`Coverage::to_html`](crate::Coverage::to_html)).
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    /// let html = Convention::sample().to_html_with(Lang::En, today, Some(geo));
    /// assert!(html.contains("Funding per inhabitant per year") && html.contains("€25.35"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_html_with(
        &self,
        lang: Lang,
        today: NaiveDate,
        gazetteer: Option<&dyn crate::Gazetteer>,
    ) -> String {
        let mut out = self.to_html(lang, today);
        if let Some(gazetteer) = gazetteer {
            out.push_str(&self.coverage(gazetteer).to_html(lang));
        }
        out
    }
}

impl crate::Coverage {
    /// The coverage as an HTML table in `lang` (everything escaped): reference, communes,
    /// population, funding per inhabitant and per year, members that are not parties, parties
    /// the reference cannot place.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let html = Convention::sample().coverage(geo).to_html(Lang::Fr);
    /// assert!(html.contains("Territoire") && html.contains("9\u{202f}538"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_html(&self, lang: Lang) -> String {
        let population = match self.population {
            Some(p) => format!(
                "{} {}",
                super::count(p, lang),
                Label::Inhabitants.text(lang)
            ),
            None => Label::PopulationUnknown.text(lang).to_owned(),
        };
        let mut rows = vec![
            row(Label::Reference.text(lang), &self.vintage.to_string()),
            row(
                Label::CommunesCount.text(lang),
                &self.communes.len().to_string(),
            ),
            row(Label::Population.text(lang), &population),
        ];
        if let Some(per) = &self.funding_per_inhabitant {
            let mut text = format!(
                "{} {}",
                per.per_year.format(lang),
                Label::AverageOverPeriod.text(lang)
            );
            for (year, amount) in &per.by_year {
                text.push_str(&format!("; {year}: {}", amount.format(lang)));
            }
            text.push_str(&format!(" ({})", Label::RoundedToTheCent.text(lang)));
            rows.push(row(Label::FundingPerInhabitant.text(lang), &text));
        }
        if !self.members_not_parties.is_empty() {
            let names: Vec<String> = self
                .members_not_parties
                .iter()
                .map(|m| format!("{} ({})", m.name, m.insee))
                .collect();
            rows.push(row(Label::MembersNotParties.text(lang), &names.join(", ")));
        }
        if !self.unresolved.is_empty() {
            let parties: Vec<String> = self
                .unresolved
                .iter()
                .map(|u| format!("{} ({})", u.party, u.reason.label(lang)))
                .collect();
            rows.push(row(Label::Unresolved.text(lang), &parties.join(", ")));
        }
        format!(
            "<div><strong>{}</strong>{TABLE}{}</table></div>",
            escape_html(Label::Territory.text(lang)),
            rows.concat()
        )
    }
}

impl Report {
    /// The verdict and one row per issue in HTML: errors on red, warnings on amber; the message
    /// in `lang`, the other language in its tooltip.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let html = ctg_core::validate_str("[]").into_report().to_html(Lang::En);
    /// assert!(html.contains("invalid") && html.contains("field.type"));
    /// ```
    pub fn to_html(&self, lang: Lang) -> String {
        let (verdict, color) = if self.is_valid() {
            (Label::Valid, "#1a7f37")
        } else {
            (Label::Invalid, "#cf222e")
        };
        let mut out = format!(
            r#"<div><strong style="color:{color}">{}</strong> — {}</div>"#,
            verdict.text(lang),
            escape_html(&self.summary(lang))
        );
        if self.issues().is_empty() {
            return out;
        }
        let other = match lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        out.push_str(TABLE);
        let _ = write!(
            out,
            "<tr><th {CELL}>{}</th><th {CELL}>{}</th><th {CELL}>{}</th><th {CELL}>{}</th></tr>",
            Label::Severity.text(lang),
            Label::Code.text(lang),
            Label::Path.text(lang),
            Label::Message.text(lang)
        );
        for issue in self.issues() {
            let background = match issue.severity {
                Severity::Error => "#ffebe9",
                Severity::Warning => "#fff8c5",
                Severity::Info => "#ddf4ff",
            };
            let mut path = if issue.path.is_root() {
                "(document)".to_owned()
            } else {
                issue.path.to_string()
            };
            if let Some(item) = issue.item() {
                path.push_str(&format!(" ({item})"));
            }
            let _ = write!(
                out,
                r#"<tr style="background:{background}"><td {CELL}>{}</td><td {CELL}><code>{}</code></td><td {CELL}><code>{}</code></td><td {CELL} title="{}">{}</td></tr>"#,
                issue.severity.label(lang),
                escape_html(issue.code.as_str()),
                escape_html(&path),
                escape_html(&issue.message(other)),
                escape_html(&issue.message(lang))
            );
        }
        out.push_str("</table>");
        out
    }
}
