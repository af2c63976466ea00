//! Writes the `.xlsx` test files of `tests/tables/` with `rust_xlsxwriter` directly (not with
//! ctg's own writer, so that reading them tests the reader against files made independently):
//!
//! - `thore-montagne-noire-financement.xlsx`: the Thoré funding table as a Caf officer would type
//!   it in Excel — a merged title row, a blank row, the header, amounts as numbers in a currency
//!   format, the total column and the total row as `SUM` formulas (with their values), a source
//!   note below;
//! - `vectors/xlsx-text-numbers.xlsx`: amounts stored as text, as numbers with cents, a merged
//!   title, a SIRET stored as a number;
//! - `vectors/xlsx-float-amounts.xlsx`: number cells whose binary value is not a cent amount
//!   (`=0.1+0.2` as Excel stores it, 1.234).
//!
//! Run from the repository root: `cargo run -p ctg-tables --example make_workbooks`. The files
//! are committed; the creation date is fixed so that they are reproducible.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, XlsxError};

const MONEY: &str = "#,##0 \"€\"";

fn book() -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2022, 11, 30)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(book)
}

fn thore() -> Result<(), XlsxError> {
    let mut book = book()?;
    let money = Format::new().set_num_format(MONEY);
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let sheet = book.add_worksheet();
    sheet.set_name("Financement")?;
    sheet.merge_range(
        0,
        0,
        0,
        9,
        "Convention territoriale globale — CC Thoré Montagne Noire — 2023-2025",
        &title,
    )?;
    let header = [
        "Identifiant",
        "Bénéficiaire",
        "Partie",
        "Équipement",
        "Domaine",
        "Libellé",
        "2023",
        "2024",
        "2025",
        "Total",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, &bold)?;
    }
    let rows: [(&str, &str, &str, &str, &str, &str, f64); 9] = [
        ("cc-thore-montagne-noire", "CC Thoré Montagne Noire", "cc-thore-montagne-noire", "coordination", "",
         "coordination et animation de la Convention territoriale globale (une chargée de coopération CTG, une coordinatrice et un coordinateur de proximité)", 40513.0),
        ("la-petite-loco", "La Petite Loco", "", "EAJE", "Petite enfance", "", 40800.0),
        ("passerelle", "Passerelle", "", "EAJE", "Petite enfance", "", 34000.0),
        ("les-snorkys", "Les Snorky's", "", "EAJE", "Petite enfance", "", 34000.0),
        ("mjc-st-amans-albine", "MJC St-Amans/Albine", "", "jeunesse", "Jeunesse", "", 16782.0),
        ("mjc-st-baudille", "MJC St-Baudille", "", "jeunesse", "Jeunesse", "", 3095.0),
        ("les-galopins", "Les Galopins", "", "EAJE", "Petite enfance", "", 25760.0),
        ("amicale-laique", "Amicale laïque", "", "ALSH", "Enfance", "périscolaire, extrascolaire et jeunesse", 29430.0),
        ("smix-st-amans", "SMIX de St-Amans", "", "ALSH", "Enfance", "", 17421.0),
    ];
    for (i, (id, name, party, kind, domain, label, amount)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        for (c, text) in [id, name, party, kind, domain, label].iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r, c as u16, **text)?;
            }
        }
        for c in 6..9u16 {
            sheet.write_number_with_format(r, c, *amount, &money)?;
        }
        let sum =
            Formula::new(format!("=SUM(G{0}:I{0})", r + 1)).set_result((amount * 3.0).to_string());
        sheet.write_formula_with_format(r, 9, sum, &money)?;
    }
    let total_row = 3 + rows.len() as u32;
    sheet.write_string_with_format(total_row, 1, "TOTAL", &bold)?;
    let yearly: f64 = rows.iter().map(|r| r.6).sum();
    for (c, letter) in [(6u16, "G"), (7, "H"), (8, "I"), (9, "J")] {
        let value = if c == 9 { yearly * 3.0 } else { yearly };
        let f = Formula::new(format!("=SUM({letter}4:{letter}12)")).set_result(value.to_string());
        sheet.write_formula_with_format(total_row, c, f, &money)?;
    }
    sheet.write_string(
        total_row + 2,
        0,
        "Source : page de la Communauté de communes Thoré Montagne Noire",
    )?;
    book.save("tests/tables/thore-montagne-noire-financement.xlsx")
}

fn text_numbers() -> Result<(), XlsxError> {
    let mut book = book()?;
    let sheet = book.add_worksheet();
    sheet.set_name("Financement")?;
    sheet.merge_range(0, 0, 0, 6, "CTG 2023-2025 : financement", &Format::new())?;
    for (c, h) in [
        "Bénéficiaire",
        "SIRET",
        "Équipement",
        "2023",
        "2024",
        "2025",
        "Total",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, *h)?;
    }
    // Amounts stored as text, as a spreadsheet does when a column is formatted as text.
    sheet.write_string(2, 0, "La Petite Loco")?;
    sheet.write_number(2, 1, 73282932000041.0)?;
    sheet.write_string(2, 2, "crèche")?;
    sheet.write_string(2, 3, "40800")?;
    sheet.write_string(2, 4, "40 800,00 €")?;
    sheet.write_string(2, 5, "40800.00")?;
    sheet.write_number(2, 6, 122400.0)?;
    // Numbers with cents.
    sheet.write_string(3, 0, "Passerelle")?;
    sheet.write_string(3, 2, "crèche")?;
    sheet.write_number(3, 3, 34000.5)?;
    sheet.write_number(3, 4, 34000.25)?;
    sheet.write_number(3, 5, 0.1)?;
    sheet.write_number(3, 6, 68000.85)?;
    book.save("tests/tables/vectors/xlsx-text-numbers.xlsx")
}

fn float_amounts() -> Result<(), XlsxError> {
    let mut book = book()?;
    let sheet = book.add_worksheet();
    sheet.set_name("Financement")?;
    for (c, h) in ["Bénéficiaire", "Équipement", "2023", "2024", "2025"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h)?;
    }
    sheet.write_string(1, 0, "La Petite Loco")?;
    sheet.write_string(1, 1, "crèche")?;
    sheet.write_number(1, 2, 0.1 + 0.2)?;
    sheet.write_number(1, 3, 1.234)?;
    sheet.write_number(1, 4, 40800.0)?;
    book.save("tests/tables/vectors/xlsx-float-amounts.xlsx")
}

fn main() -> Result<(), XlsxError> {
    thore()?;
    text_numbers()?;
    float_amounts()
}
