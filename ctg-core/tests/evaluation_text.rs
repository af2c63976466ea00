//! The yearly evaluation in words shows each funding line of the year: planned, paid, the gap.

use ctg_core::{Convention, Lang, NaiveDate};

fn with_paid() -> Convention {
    let mut doc: serde_json::Value =
        serde_json::from_str(Convention::sample_json()).expect("the sample is JSON");
    let allocations = doc["funding"]["allocations"]
        .as_array_mut()
        .expect("allocations");
    allocations[1]["paid"] = serde_json::json!({"2024": "38000.00"});
    allocations[2]["paid"] = serde_json::json!({"2024": "34500.50"});
    ctg_core::Validator::new()
        .validate_value(&doc)
        .into_result()
        .expect("valid")
}

/// The cells of a table line (columns are separated by two spaces or more).
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn the_evaluation_lists_planned_paid_and_gap_per_line() {
    let today = NaiveDate::from_ymd_opt(2025, 1, 15).expect("date");
    // Thousands are separated by narrow no-break spaces, euros by a no-break space.
    let text = with_paid()
        .evaluation(2024, today)
        .to_text(Lang::Fr)
        .replace(['\u{202f}', '\u{a0}'], " ");
    // La Petite Loco: 40 800 € planned, 38 000 € paid, 2 800 € not paid.
    let loco = text
        .lines()
        .find(|l| l.contains("La Petite Loco"))
        .expect("a line for La Petite Loco");
    assert_eq!(
        cells(loco)[1..],
        ["40 800 €", "38 000 €", "+2 800 €"],
        "{loco}"
    );
    // Passerelle: 34 000 € planned, 34 500,50 € paid: 500,50 € more than planned.
    let passerelle = text
        .lines()
        .find(|l| l.contains("Passerelle"))
        .expect("Passerelle");
    assert_eq!(
        cells(passerelle)[1..],
        ["34 000 €", "34 500,50 €", "−500,50 €"],
        "{passerelle}"
    );
    // A line without a paid amount says so, not zero.
    let snorky = text
        .lines()
        .find(|l| l.contains("Snorky"))
        .expect("Snorky's");
    assert_eq!(cells(snorky)[1..], ["34 000 €", "—", "—"], "{snorky}");
    // The year: the gap on the lines whose paid amount is known.
    assert!(
        text.contains("versé 72 500,50 € (2/9) ; écart +2 299,50 €"),
        "{text}"
    );
    let english = with_paid().evaluation(2024, today).to_text(Lang::En);
    assert!(english.contains("Beneficiary — facility kind"), "{english}");
}

#[test]
fn the_summary_adds_paid_and_gap_rows_only_when_a_line_says_what_was_paid() {
    let today = NaiveDate::from_ymd_opt(2025, 1, 15).expect("date");
    let text = with_paid()
        .to_summary_text(Lang::Fr, today)
        .replace(['\u{202f}', '\u{a0}'], " ");
    let paid = text
        .lines()
        .find(|l| l.trim_start().starts_with("Versé"))
        .expect("a paid row");
    assert_eq!(cells(paid)[1..], ["—", "72 500,50 € (2/9)", "—"], "{paid}");
    let gap = text
        .lines()
        .find(|l| l.trim_start().starts_with("Écart"))
        .expect("a gap row");
    assert_eq!(cells(gap)[1..], ["—", "+2 299,50 €", "—"], "{gap}");
    let plain = Convention::sample().to_summary_text(Lang::Fr, today);
    assert!(
        !plain.contains("Versé"),
        "no paid row when nothing is known:\n{plain}"
    );
}
