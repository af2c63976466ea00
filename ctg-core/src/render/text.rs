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
pub(crate) fn table(rows: &[Vec<String>]) -> String {
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

    /// [`to_summary_text`](Convention::to_summary_text), followed, when a gazetteer is given, by
    /// the convention's [coverage](Convention::coverage): its territory, population and funding
    /// per inhabitant and per year in that reference ([`Coverage::to_text`](crate::Coverage::to_text)).
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    /// let text = Convention::sample().to_summary_text_with(Lang::Fr, today, Some(geo));
    /// assert!(text.contains("Territoire (référence COG 2026)"));
    /// assert!(text.contains("11 communes, 9\u{202f}538 habitants"));
    /// assert!(text.contains("25,35\u{a0}€"));
    /// assert_eq!(Convention::sample().to_summary_text_with(Lang::Fr, today, None),
    ///            Convention::sample().to_summary_text(Lang::Fr, today));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_summary_text_with(
        &self,
        lang: Lang,
        today: NaiveDate,
        gazetteer: Option<&dyn crate::Gazetteer>,
    ) -> String {
        let mut out = self.to_summary_text(lang, today);
        if let Some(gazetteer) = gazetteer {
            out.push('\n');
            out.push_str(&self.coverage(gazetteer).to_text(lang));
        }
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
            let Some(by_year) = totals.by_beneficiary_year.get(beneficiary.id.as_str()) else {
                continue;
            };
            let mut row = vec![beneficiary.name.as_str().to_owned()];
            row.extend(
                self.years()
                    .map(|y| by_year.get(&y).map(money).unwrap_or_else(|| "–".to_owned())),
            );
            row.push(
                totals
                    .by_beneficiary
                    .get(beneficiary.id.as_str())
                    .map(money)
                    .unwrap_or_default(),
            );
            rows.push(row);
        }
        let mut total_row = vec![Label::Total.text(lang).to_owned()];
        total_row.extend(totals.by_year.values().map(money));
        total_row.push(money(&totals.total));
        rows.push(total_row);
        // What was paid, when a line says: per year, and the gap to what those lines planned.
        if let Some(execution) = self
            .execution()
            .filter(|e| e.by_year.values().any(|y| y.paid.is_some()))
        {
            let mut paid = vec![Label::PaidAmount.text(lang).to_owned()];
            let mut gap = vec![Label::Gap.text(lang).to_owned()];
            for year in self.years() {
                let known = execution.by_year.get(&year);
                // With how many of the year's lines say it: the gap is on those lines only.
                paid.push(known.and_then(|y| y.paid.map(|p| (p, y))).map_or_else(
                    || "—".to_owned(),
                    |(p, y)| format!("{} ({}/{})", money(&p), y.lines_paid_known, y.lines),
                ));
                gap.push(
                    known
                        .and_then(|y| y.gap)
                        .map_or_else(|| "—".to_owned(), |g| super::signed_money(g, lang)),
                );
            }
            rows.push(paid);
            rows.push(gap);
        }
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

/// A whole number with its thousands grouped: `9 538` (narrow no-break space) in French, `9,538`
/// in English.
///
/// ```
/// use ctg_core::Lang;
/// assert_eq!(ctg_core::render::count(2_103_778, Lang::Fr), "2\u{202f}103\u{202f}778");
/// assert_eq!(ctg_core::render::count(9_538, Lang::En), "9,538");
/// assert_eq!(ctg_core::render::count(63, Lang::En), "63");
/// ```
pub fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

impl crate::Coverage {
    /// The coverage as terminal text in `lang`: the reference, the number of communes and their
    /// population, the funding per inhabitant and per year (on average and year by year, with
    /// how it is rounded), the member communes of the signing EPCI that are not parties, and the
    /// parties the reference cannot place.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let text = Convention::sample().coverage(geo).to_text(Lang::En);
    /// assert!(text.starts_with("Territory (reference COG 2026)\n  11 communes, 9,538 inhabitants"));
    /// assert!(text.contains("Funding per inhabitant per year: €25.35 on average over the period"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} ({} {})",
            Label::Territory.text(lang),
            Label::Reference.text(lang),
            self.vintage.geography
        );
        let population = match self.population {
            Some(p) => format!("{} {}", count(p, lang), Label::Inhabitants.text(lang)),
            None => Label::PopulationUnknown.text(lang).to_owned(),
        };
        let _ = writeln!(
            out,
            "  {} {}, {population}",
            self.communes.len(),
            Label::CommunesCount.text(lang)
        );
        if let Some(per) = &self.funding_per_inhabitant {
            let _ = writeln!(
                out,
                "  {}{} {} {} ({})",
                Label::FundingPerInhabitant.text(lang),
                colon(lang),
                per.per_year.format(lang),
                Label::AverageOverPeriod.text(lang),
                Label::RoundedToTheCent.text(lang)
            );
            let years: Vec<String> = per
                .by_year
                .iter()
                .map(|(year, amount)| format!("{year}{} {}", colon(lang), amount.format(lang)))
                .collect();
            let _ = writeln!(out, "    {}", years.join(" ; "));
        }
        if !self.members_not_parties.is_empty() {
            let names: Vec<String> = self
                .members_not_parties
                .iter()
                .map(|m| format!("{} ({})", m.name, m.insee))
                .collect();
            let _ = writeln!(
                out,
                "  {} ({}){} {}",
                Label::MembersNotParties.text(lang),
                names.len(),
                colon(lang),
                names.join(", ")
            );
        }
        if !self.unresolved.is_empty() {
            let parties: Vec<String> = self
                .unresolved
                .iter()
                .map(|u| match &u.value {
                    Some(value) => {
                        format!(
                            "{} ({value}{} {})",
                            u.party,
                            colon(lang),
                            u.reason.label(lang)
                        )
                    }
                    None => format!("{} ({})", u.party, u.reason.label(lang)),
                })
                .collect();
            let _ = writeln!(
                out,
                "  {}{} {}",
                Label::Unresolved.text(lang),
                colon(lang),
                parties.join(", ")
            );
        }
        out
    }
}
