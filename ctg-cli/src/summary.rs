//! Human-readable texts: validation reports and convention summaries.

use std::fmt::Write as _;

use chrono::NaiveDate;
use ctg_core::{Amount, Convention, Lang, Report};

/// Picks the French or English text.
fn tr<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The validation report of one file.
pub fn validation_text(name: &str, report: &Report, lang: Lang) -> String {
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    let verdict = match (report.is_valid(), lang) {
        (true, Lang::Fr) => "valide",
        (false, Lang::Fr) => "invalide",
        (true, Lang::En) => "valid",
        (false, Lang::En) => "invalid",
    };
    let mut out = match lang {
        Lang::Fr => {
            format!("{name} : {verdict} ({errors} erreur(s), {warnings} avertissement(s))\n")
        }
        Lang::En => format!("{name}: {verdict} ({errors} error(s), {warnings} warning(s))\n"),
    };
    for line in report.to_text(lang).lines() {
        let _ = writeln!(out, "  {line}");
    }
    out
}

fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
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
            let pad = widths[c].saturating_sub(cell.chars().count());
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

/// The summary of a valid convention.
pub fn convention_text(conv: &Convention, lang: Lang, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", conv.title());
    let _ = writeln!(out, "{}", "=".repeat(conv.title().chars().count()));
    let period = conv.period();
    let _ = writeln!(
        out,
        "{} {period} ({} {})",
        tr(lang, "Période :", "Period:"),
        period.len(),
        tr(lang, "ans", "years")
    );
    let _ = writeln!(
        out,
        "{} {}{} {}",
        tr(lang, "Statut au", "Status on"),
        date(today, lang),
        tr(lang, " :", ":"),
        conv.status(today).label(lang)
    );
    if let Some(signature) = conv.signature() {
        let place = signature
            .place
            .as_deref()
            .map(|p| format!(" {} {p}", tr(lang, "à", "in")))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {}{place}",
            tr(lang, "Signée le", "Signed on"),
            date(signature.date, lang)
        );
    }
    if let Some(previous) = conv.renews() {
        let years = match (previous.first_year, previous.last_year) {
            (Some(a), Some(b)) => format!(" {a}–{b}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{}{years}",
            tr(lang, "Renouvelle la convention", "Renews the convention")
        );
    }

    let _ = writeln!(
        out,
        "\n{} ({})",
        tr(lang, "Parties", "Parties"),
        conv.parties().len()
    );
    for party in conv.parties() {
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
                tr(lang, "communes membres", "member communes")
            )
        };
        let _ = writeln!(
            out,
            "  - {} ({}{members}){id}",
            party.name,
            party.kind.label(lang)
        );
    }

    let domains: Vec<&str> = conv.domains().iter().map(|d| d.label(lang)).collect();
    let _ = writeln!(
        out,
        "\n{} {}",
        tr(lang, "Domaines :", "Domains:"),
        domains.join(", ")
    );
    let _ = writeln!(
        out,
        "{} {}, {} {}",
        tr(lang, "Enjeux :", "Stakes:"),
        conv.stakes().len(),
        tr(lang, "objectifs stratégiques :", "strategic objectives:"),
        conv.objectives().len()
    );

    let _ = writeln!(
        out,
        "\n{} ({})",
        tr(lang, "Fiches actions", "Action sheets"),
        conv.action_sheets().len()
    );
    for sheet in conv.action_sheets() {
        let _ = writeln!(
            out,
            "  {:>2}. {} [{}]",
            sheet.number,
            sheet.title,
            sheet.status.label(lang)
        );
    }

    if let Some(funding) = conv.funding() {
        let totals = conv.totals();
        let money = |a: &Amount| a.format(lang);
        let _ = writeln!(
            out,
            "\n{}",
            tr(lang, "Financement de la Caf", "Caf funding")
        );
        let mut header = vec![tr(lang, "Bénéficiaire", "Beneficiary").to_owned()];
        header.extend(conv.years().map(|y| y.to_string()));
        header.push(tr(lang, "Total", "Total").to_owned());
        let mut rows = vec![header];
        for beneficiary in funding.beneficiaries() {
            let Some(by_year) = totals.by_beneficiary_year.get(&beneficiary.id) else {
                continue;
            };
            let mut row = vec![beneficiary.name.clone()];
            row.extend(
                conv.years()
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
        let mut total_row = vec![tr(lang, "Total", "Total").to_owned()];
        total_row.extend(totals.by_year.values().map(money));
        total_row.push(money(&totals.total));
        rows.push(total_row);
        out.push_str(&table(&rows));
        if let Some(share) = totals.coordination_share {
            let percent = (share * ctg_core::Decimal::ONE_HUNDRED).round_dp(2);
            let percent = match lang {
                Lang::Fr => format!("{}\u{a0}%", percent.to_string().replace('.', ",")),
                Lang::En => format!("{percent}%"),
            };
            let _ = writeln!(
                out,
                "  {} {} ({percent})",
                tr(lang, "dont coordination :", "of which coordination:"),
                money(&totals.coordination)
            );
        }
        let declared = funding.declared();
        if let Some(total) = declared.total {
            let _ = writeln!(
                out,
                "  {} {}",
                tr(
                    lang,
                    "total déclaré par la source :",
                    "total declared by the source:"
                ),
                money(&total)
            );
        }
    }
    out
}
