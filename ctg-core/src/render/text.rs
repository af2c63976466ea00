//! Terminal text: a convention's summary and a file's validation report.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::Label;
use crate::{Amount, Convention, Lang, Report};

use super::colon;

impl Report {
    /// The report of one named file: a verdict line with the counts, then one indented line per
    /// issue.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let report = ctg_core::validate_str("[]").into_report();
    /// let text = report.to_file_text("x.json", Lang::Fr);
    /// assert!(text.starts_with("x.json : invalide (1 erreur, 0 avertissement)\n  erreur [field.type]"));
    /// ```
    pub fn to_file_text(&self, name: &str, lang: Lang) -> String {
        let verdict = if self.is_valid() {
            Label::Valid
        } else {
            Label::Invalid
        };
        let mut out = format!(
            "{name}{} {} ({})\n",
            colon(lang),
            verdict.text(lang),
            self.summary(lang)
        );
        for line in self.to_text(lang).lines() {
            let _ = writeln!(out, "  {line}");
        }
        out
    }
}

/// A right-aligned table; widths count characters, not bytes.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let width = widths.get(c).copied().unwrap_or(0);
            let pad = width.saturating_sub(cell.chars().count());
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        let _ = writeln!(out, "  {}", line.trim_end());
    }
    out
}

impl Convention {
    /// A readable summary for a terminal: period, status on `today`, signature, parties, domains,
    /// action sheets and the funding table per beneficiary and year.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    /// let text = Convention::sample().to_summary_text(Lang::Fr, today);
    /// assert!(text.contains("Statut au 01/06/2024 : en vigueur"));
    /// assert!(text.contains("725\u{202f}403\u{a0}€"));
    /// ```
    pub fn to_summary_text(&self, lang: Lang, today: NaiveDate) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title());
        let _ = writeln!(out, "{}", "=".repeat(self.title().chars().count()));
        let period = self.period();
        let _ = writeln!(
            out,
            "{}{} {period} ({} {})",
            Label::Period.text(lang),
            colon(lang),
            period.len(),
            Label::Years.text(lang)
        );
        let _ = writeln!(
            out,
            "{} {}{} {}",
            Label::StatusOn.text(lang),
            super::date(today, lang),
            colon(lang),
            self.status(today).label(lang)
        );
        if let Some(signature) = self.signature() {
            let place = signature
                .place
                .as_deref()
                .map(|p| format!(" {} {p}", Label::In.text(lang)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{} {}{place}",
                Label::SignedOn.text(lang),
                super::date(signature.date, lang)
            );
        }
        if let Some(previous) = self.renews() {
            let years = match (previous.first_year, previous.last_year) {
                (Some(a), Some(b)) => format!(" {a}–{b}"),
                _ => String::new(),
            };
            let _ = writeln!(out, "{}{years}", Label::Renews.text(lang));
        }

        let _ = writeln!(
            out,
            "\n{} ({})",
            Label::Parties.text(lang),
            self.parties().len()
        );
        for party in self.parties() {
            let id = party
                .insee
                .as_ref()
                .map(|c| format!(" – INSEE {c}"))
                .or_else(|| party.siren.as_ref().map(|s| format!(" – SIREN {s}")))
                .unwrap_or_default();
            let members = if party.members.is_empty() {
                String::new()
            } else {
                format!(
                    ", {} {}",
                    party.members.len(),
                    Label::MemberCommunes.text(lang)
                )
            };
            let _ = writeln!(
                out,
                "  - {} ({}{members}){id}",
                party.name,
                party.kind.label(lang)
            );
        }

        let domains: Vec<&str> = self.domains().iter().map(|d| d.label(lang)).collect();
        let _ = writeln!(
            out,
            "\n{}{} {}",
            Label::Domains.text(lang),
            colon(lang),
            domains.join(", ")
        );
        let _ = writeln!(
            out,
            "{}{} {}, {}{} {}",
            Label::Stakes.text(lang),
            colon(lang),
            self.stakes().len(),
            Label::Objectives.text(lang),
            colon(lang),
            self.objectives().len()
        );

        let _ = writeln!(
            out,
            "\n{} ({})",
            Label::ActionSheets.text(lang),
            self.action_sheets().len()
        );
        for sheet in self.action_sheets() {
            let _ = writeln!(
                out,
                "  {:>2}. {} [{}]",
                sheet.number,
                sheet.title,
                sheet.status.label(lang)
            );
        }
        self.funding_text(&mut out, lang);
        out
    }

    fn funding_text(&self, out: &mut String, lang: Lang) {
        let (Some(funding), Some(totals)) = (self.funding(), self.totals()) else {
            let _ = writeln!(
                out,
                "\n{}{} {}",
                Label::CafFunding.text(lang),
                colon(lang),
                Label::NoFunding.text(lang)
            );
            return;
        };
        let money = |a: &Amount| a.format(lang);
        let _ = writeln!(out, "\n{}", Label::CafFunding.text(lang));
        let mut header = vec![Label::Beneficiary.text(lang).to_owned()];
        header.extend(self.years().map(|y| y.to_string()));
        header.push(Label::Total.text(lang).to_owned());
        let mut rows = vec![header];
        for beneficiary in funding.beneficiaries() {
            let Some(by_year) = totals.by_beneficiary_year.get(&beneficiary.id) else {
                continue;
            };
            let mut row = vec![beneficiary.name.clone()];
            row.extend(
                self.years()
                    .map(|y| by_year.get(&y).map(money).unwrap_or_else(|| "–".to_owned())),
            );
            row.push(
                totals
                    .by_beneficiary
                    .get(&beneficiary.id)
                    .map(money)
                    .unwrap_or_default(),
            );
            rows.push(row);
        }
        let mut total_row = vec![Label::Total.text(lang).to_owned()];
        total_row.extend(totals.by_year.values().map(money));
        total_row.push(money(&totals.total));
        rows.push(total_row);
        out.push_str(&table(&rows));
        if let Some(share) = totals.coordination_share {
            let _ = writeln!(
                out,
                "  {}{} {} ({})",
                Label::OfWhichCoordination.text(lang),
                colon(lang),
                money(&totals.coordination),
                super::percent(share, lang)
            );
        }
        if let Some(total) = funding.declared().total() {
            let _ = writeln!(
                out,
                "  {}{} {}",
                Label::DeclaredTotal.text(lang),
                colon(lang),
                money(&total)
            );
        }
    }
}
