//! The `.xlsx` writer (`rust_xlsxwriter`, pure Rust).

use ctg_core::{Amount, Lang};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook};

use crate::cell::column_letter;
use crate::export::{ExportError, OutCell, OutTable};

/// The currency format of money cells: two decimals, thousands grouped, the euro sign after
/// (Excel in French shows `40 800,00 €`).
///
/// ```
/// assert_eq!(ctg_tables::MONEY_FORMAT, "#,##0.00 \"€\"");
/// ```
pub const MONEY_FORMAT: &str = "#,##0.00 \"€\"";

/// Money as the binary float Excel stores: the nearest `f64` to the exact amount (at most 14
/// significant digits, so that its shortest writing is the amount again).
pub(crate) fn amount_f64(a: &Amount) -> f64 {
    a.cents() as f64 / 100.0
}

fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_letter(column), row + 1)
}

pub(crate) fn write(tables: &[OutTable], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format(MONEY_FORMAT);
    let money_bold = Format::new().set_num_format(MONEY_FORMAT).set_bold();
    let date = Format::new().set_num_format(match lang {
        Lang::Fr => "dd/mm/yyyy",
        Lang::En => "yyyy-mm-dd",
    });
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.sheet.as_str())?;
        for (c, header) in table.header.iter().enumerate() {
            let c = u16::try_from(c).map_err(|e| ExportError(e.to_string()))?;
            sheet.write_string_with_format(0, c, header.as_str(), &bold)?;
            let width = table
                .rows
                .iter()
                .filter_map(|r| r.get(usize::from(c)))
                .map(|cell| match cell {
                    OutCell::Text(s) => s.chars().count().min(60),
                    OutCell::Amount(_) | OutCell::Sum { .. } => 14,
                    OutCell::Date(_) => 11,
                    _ => 4,
                })
                .chain(std::iter::once(header.chars().count()))
                .max()
                .unwrap_or(8);
            sheet.set_column_width(c, width as f64 + 2.0)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|e| ExportError(e.to_string()))?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|e| ExportError(e.to_string()))?;
                match cell {
                    OutCell::Empty => {}
                    OutCell::Text(s) => {
                        sheet.write_string(r, c, s.as_str())?;
                    }
                    OutCell::Int(i) => {
                        sheet.write_number(r, c, *i as f64)?;
                    }
                    OutCell::Amount(a) => {
                        sheet.write_number_with_format(r, c, amount_f64(a), &money)?;
                    }
                    OutCell::Date(d) => {
                        use chrono::Datelike;
                        let y = u16::try_from(d.year()).map_err(|e| ExportError(e.to_string()))?;
                        let dt = ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8)?;
                        sheet.write_datetime_with_format(r, c, &dt, &date)?;
                    }
                    OutCell::Sum { value, from, to } => {
                        let formula = format!(
                            "=SUM({}:{})",
                            cell_name(from.0, from.1),
                            cell_name(to.0, to.1)
                        );
                        let result = crate::cell::shortest(amount_f64(value));
                        let f = Formula::new(formula).set_result(result);
                        sheet.write_formula_with_format(r, c, f, &money_bold)?;
                    }
                }
            }
        }
    }
    Ok(book.save_to_buffer()?)
}
