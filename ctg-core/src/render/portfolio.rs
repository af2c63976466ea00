//! Terminal text of a portfolio: its counts, and its summary.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::text::{count, table};
use super::{colon, percent, semicolon, Label};
use crate::portfolio::{
    AreaCoverage, Counts, GroupTotals, PortfolioCoverage, PortfolioSummary, PortfolioTotals,
    UNASSIGNED,
};
use crate::{Amount, Decimal, Gazetteer, Lang, Portfolio, ThematicDomain, UNASSIGNED_DOMAIN};

/// `n` then the word, singular or plural as `lang` wants it (French puts 0 and 1 in the
/// singular, English only 1).
fn counted(n: usize, one: Label, many: Label, lang: Lang) -> String {
    let singular = n == 1 || (n == 0 && lang == Lang::Fr);
    let word = if singular { one } else { many };
    format!("{} {}", count(n as u64, lang), word.text(lang))
}

/// A count with its share, `83 sur 34 879 (0,24 %)`, and its unit after the count when given
/// (`83 communes sur 34 879 (0,24 %)`).
fn of(part: u64, whole: u64, share: Option<Decimal>, unit: Option<Label>, lang: Lang) -> String {
    let unit = unit
        .map(|u| format!(" {}", u.text(lang)))
        .unwrap_or_default();
    let mut text = format!(
        "{}{unit} {} {}",
        count(part, lang),
        Label::Of.text(lang),
        count(whole, lang)
    );
    if let Some(share) = share {
        let _ = write!(text, " ({})", percent(share, lang));
    }
    text
}

impl Counts {
    /// One line: the documents, and how many are valid, invalid, unreadable.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let counts = ctg_core::Portfolio::from_json_lines(&ctg_core::Validator::new(), b"{}\nx\n{}").counts();
    /// assert_eq!(counts.to_text(Lang::Fr), "3 documents : 0 valide, 2 invalides, 1 illisible");
    /// assert_eq!(counts.to_text(Lang::En), "3 documents: 0 valid, 2 invalid, 1 unreadable");
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        format!(
            "{}{} {}, {}, {}",
            counted(self.documents, Label::Document, Label::Documents, lang),
            colon(lang),
            counted(self.valid, Label::Valid, Label::ValidMany, lang),
            counted(self.invalid, Label::Invalid, Label::InvalidMany, lang),
            counted(
                self.unreadable,
                Label::Unreadable,
                Label::UnreadableMany,
                lang
            ),
        )
    }
}

/// The name of a group: its code and name (`81 Tarn`), or "unassigned".
fn group_name(code: &str, name: Option<&str>, lang: Lang) -> String {
    if code == UNASSIGNED {
        return Label::Unassigned.text(lang).to_owned();
    }
    match name {
        Some(name) => format!("{code} {name}"),
        None => code.to_owned(),
    }
}

impl PortfolioTotals {
    /// The totals as terminal text: the conventions summed and those left out, the total and the
    /// coordination, then tables by year, domain, facility kind, département and région.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang, Portfolio, Validator};
    /// let p = Portfolio::validate(&Validator::new(), [("a", Convention::sample().to_json())]);
    /// let text = p.totals(None).to_text(Lang::Fr);
    /// assert!(text.starts_with("Financement de la Caf (1 convention"), "{text}");
    /// assert!(text.contains("Total : 725\u{202f}403\u{a0}€"), "{text}");
    /// assert!(text.contains("Petite enfance"), "{text}");
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let money = |a: &Amount| a.format(lang);
        let mut notes = vec![counted(
            self.conventions,
            Label::ConventionOne,
            Label::ConventionsMany,
            lang,
        )];
        if self.excluded.without_funding > 0 {
            notes.push(format!(
                "{}{} {}",
                Label::WithoutFunding.text(lang),
                colon(lang),
                self.excluded.without_funding
            ));
        }
        let not_valid = self.excluded.invalid + self.excluded.unreadable;
        if not_valid > 0 {
            notes.push(format!(
                "{}{} {not_valid}",
                Label::NotValidLeftOut.text(lang),
                colon(lang)
            ));
        }
        if !self.excluded.overflow.is_empty() {
            notes.push(format!(
                "{}{} {}",
                Label::OverflowLeftOut.text(lang),
                colon(lang),
                self.excluded.overflow.join(", ")
            ));
        }
        let _ = writeln!(
            out,
            "{} ({})",
            Label::CafFunding.text(lang),
            notes.join(&format!("{} ", semicolon(lang)))
        );
        let _ = write!(
            out,
            "  {}{} {}",
            Label::Total.text(lang),
            colon(lang),
            money(&self.total)
        );
        if let Some(share) = self.coordination_share {
            let _ = write!(
                out,
                ", {}{} {} ({})",
                Label::OfWhichCoordination.text(lang),
                colon(lang),
                money(&self.coordination),
                percent(share, lang)
            );
        }
        out.push('\n');
        if self.conventions == 0 {
            return out;
        }
        let section = |out: &mut String, label: Label, rows: Vec<Vec<String>>| {
            let _ = writeln!(out, "  {}", label.text(lang));
            for line in table(&rows).lines() {
                let _ = writeln!(out, "  {line}");
            }
        };
        section(
            &mut out,
            Label::ByYear,
            self.by_year
                .iter()
                .map(|(year, amount)| vec![year.to_string(), money(amount)])
                .collect(),
        );
        let mut domains: Vec<(String, &Amount)> = self
            .by_domain
            .iter()
            .map(|(code, amount)| {
                let name = if code == UNASSIGNED_DOMAIN {
                    Label::NoDomain.text(lang).to_owned()
                } else {
                    ThematicDomain::parse(code).label(lang).to_owned()
                };
                (name, amount)
            })
            .collect();
        domains.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(&b.0)));
        section(
            &mut out,
            Label::ByDomain,
            domains
                .into_iter()
                .map(|(name, amount)| vec![name, money(amount)])
                .collect(),
        );
        let mut kinds: Vec<_> = self.by_facility_kind.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        section(
            &mut out,
            Label::ByFacilityKind,
            kinds
                .into_iter()
                .map(|(kind, amount)| vec![kind.label(lang).to_owned(), money(amount)])
                .collect(),
        );
        let groups = |map: &std::collections::BTreeMap<String, GroupTotals>| {
            map.iter()
                .map(|(code, g)| {
                    vec![
                        group_name(code, g.name.as_deref(), lang),
                        counted(
                            g.conventions,
                            Label::ConventionOne,
                            Label::ConventionsMany,
                            lang,
                        ),
                        money(&g.total),
                    ]
                })
                .collect::<Vec<_>>()
        };
        section(&mut out, Label::ByDepartement, groups(&self.by_departement));
        if self.by_region.keys().any(|k| k != UNASSIGNED) {
            section(&mut out, Label::ByRegion, groups(&self.by_region));
        }
        out
    }
}

impl PortfolioCoverage {
    /// The coverage as terminal text: the whole reference, then a table of the départements
    /// that have a convention in force or a commune covered, then the overlaps and the
    /// conventions whose territory cannot be placed whole.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang, NaiveDate, Portfolio, Validator};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let p = Portfolio::validate(&Validator::new(), [("a", Convention::sample().to_json())]);
    /// let text = p.coverage(geo, NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()).to_text(Lang::En);
    /// assert!(text.starts_with("Coverage as of 2024-06-01 (reference COG 2026)\n"), "{text}");
    /// assert!(text.contains("Overall: 1 convention in force"), "{text}");
    /// assert!(text.contains("81 Tarn"), "{text}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {} {} ({} {})",
            Label::Coverage.text(lang),
            Label::AsOf.text(lang),
            super::date(self.date, lang),
            Label::Reference.text(lang),
            self.vintage.geography
        );
        let area = |a: &AreaCoverage, units: bool| {
            (
                of(
                    a.communes as u64,
                    a.reference_communes as u64,
                    a.communes_share,
                    units.then_some(Label::CommunesCount),
                    lang,
                ),
                of(
                    a.population,
                    a.reference_population,
                    a.population_share,
                    units.then_some(Label::Inhabitants),
                    lang,
                ),
            )
        };
        let (communes, population) = area(&self.national, true);
        let in_force = crate::ConventionStatus::InForce.label(lang);
        let _ = writeln!(
            out,
            "  {}{} {} {in_force}, {communes}, {population}",
            Label::Overall.text(lang),
            colon(lang),
            counted(
                self.conventions_in_force,
                Label::ConventionOne,
                Label::ConventionsMany,
                lang
            ),
        );
        let mut rows = vec![vec![
            String::new(), // under "By département"
            Label::InForce.text(lang).to_owned(),
            Label::CommunesCovered.text(lang).to_owned(),
            Label::PopulationCovered.text(lang).to_owned(),
        ]];
        for (code, a) in &self.by_departement {
            if a.conventions_in_force == 0 && a.communes == 0 {
                continue;
            }
            let (communes, population) = area(a, false);
            rows.push(vec![
                group_name(code, a.name.as_deref(), lang),
                a.conventions_in_force.to_string(),
                communes,
                population,
            ]);
        }
        if rows.len() > 1 {
            let _ = writeln!(out, "  {}", Label::ByDepartement.text(lang));
            for line in table(&rows).lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
        let _ = writeln!(
            out,
            "  {}{} {}",
            Label::Overlaps.text(lang),
            colon(lang),
            count(self.overlaps.len() as u64, lang)
        );
        for overlap in self.overlaps.iter().take(20) {
            let _ = writeln!(
                out,
                "    {} ({}){} {}",
                overlap.name,
                overlap.insee,
                colon(lang),
                overlap.conventions.join(", ")
            );
        }
        if self.overlaps.len() > 20 {
            let _ = writeln!(out, "    …");
        }
        if !self.incomplete.is_empty() {
            let _ = writeln!(
                out,
                "  {}{} {}",
                Label::IncompleteTerritory.text(lang),
                colon(lang),
                self.incomplete.join(", ")
            );
        }
        out
    }
}

impl PortfolioSummary {
    /// The summary as terminal text, in `lang`: what the `ctg report DIR` command prints.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang, NaiveDate, Portfolio, Validator};
    /// let p = Portfolio::validate(&Validator::new(), [("a", Convention::sample().to_json())]);
    /// let text = p.summary(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(), None).to_text(Lang::Fr);
    /// assert!(text.starts_with("Portefeuille au 01/03/2025\n"), "{text}");
    /// assert!(text.contains("1 document : 1 valide, 0 invalide, 0 illisible"), "{text}");
    /// assert!(text.contains("Conventions valides : projet 0 ; signée 0 ; en vigueur 1"), "{text}");
    /// assert!(text.contains("En vigueur, à échéance en 2025 : 1"), "{text}");
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let head = format!(
            "{} {}",
            Label::PortfolioAsOf.text(lang),
            super::date(self.date, lang)
        );
        let _ = writeln!(out, "{head}\n{}", "=".repeat(head.chars().count()));
        let _ = writeln!(out, "{}", self.counts.to_text(lang));
        let statuses: Vec<String> = self
            .by_status
            .iter()
            .map(|(status, n)| format!("{} {n}", status.label(lang)))
            .collect();
        let _ = writeln!(
            out,
            "{}{} {}",
            Label::ValidConventions.text(lang),
            colon(lang),
            statuses.join(&format!("{} ", semicolon(lang)))
        );
        let _ = write!(
            out,
            "{} {}{} {}",
            Label::EndingIn.text(lang),
            self.date.year(),
            colon(lang),
            self.expiring.len()
        );
        if !self.expiring.is_empty() && self.expiring.len() <= 10 {
            let _ = write!(out, " ({})", self.expiring.join(", "));
        }
        out.push_str("\n\n");
        out.push_str(&self.totals.to_text(lang));
        if let Some(coverage) = &self.coverage {
            out.push('\n');
            out.push_str(&coverage.to_text(lang));
        }
        out
    }
}

impl Portfolio {
    /// The summary at `date` as terminal text ([`Portfolio::summary`], then
    /// [`PortfolioSummary::to_text`]).
    ///
    /// ```
    /// use ctg_core::{Convention, Lang, NaiveDate, Portfolio, Validator};
    /// let p = Portfolio::validate(&Validator::new(), [("a", Convention::sample().to_json())]);
    /// let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    /// assert_eq!(p.to_text(Lang::En, day, None), p.summary(day, None).to_text(Lang::En));
    /// ```
    pub fn to_text(
        &self,
        lang: Lang,
        date: NaiveDate,
        gazetteer: Option<&dyn Gazetteer>,
    ) -> String {
        self.summary(date, gazetteer).to_text(lang)
    }
}
