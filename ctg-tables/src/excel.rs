//! Workbooks, read with `calamine` (pure Rust): `.xlsx` cell by cell from its XML stream (so a
//! stray cell at `XFD1048576` costs nothing and is refused by the limits), `.ods` and `.xls`
//! through calamine's ranges (`.xls` holds at most 65 536 × 256 cells; calamine caps an `.ods`
//! sheet at 100 million cells, which the limits then refuse).
//!
//! Numbers arrive as binary floats (Excel stores every number so): [`Cell::Float`]. Dates arrive
//! as dates when the cell is formatted as one ([`Cell::DateTime`]); the 1900 and 1904 date systems
//! are calamine's to apply. Error values (`#REF!`) are [`Cell::Error`].

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx};
use ctg_core::{IssueCode, Params, Path};

use crate::cell::{Cell, CellRef};
use crate::grid::{Format, Limits, ReadTable, SheetBuilder, Workbook};

fn unreadable(stem: &str, detail: String) -> ReadTable {
    ReadTable {
        issues: vec![CellRef::sheet(stem).issue(
            IssueCode::TableUnreadable,
            Path::root(),
            Params::new().with("detail", detail),
        )],
        ..ReadTable::default()
    }
}

/// Runs a reading step, turning a panic of the reader into an unreadable file.
fn guarded<T>(stem: &str, f: impl FnOnce() -> Result<T, ReadTable>) -> Result<T, ReadTable> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(_) => Err(unreadable(stem, "the workbook reader failed".to_owned())),
    }
}

fn from_data_ref(value: DataRef<'_>) -> Cell {
    match value {
        DataRef::Int(i) => Cell::Int(i),
        DataRef::Float(f) => Cell::Float(f),
        DataRef::String(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s.to_owned()),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() => Cell::DateTime(d),
            _ => Cell::Float(dt.as_f64()),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::Error(e) => Cell::Error(format!("#{e}")),
        DataRef::Empty => Cell::Empty,
    }
}

fn from_data(value: &Data) -> Cell {
    match value {
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) => Cell::Float(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() => Cell::DateTime(d),
            _ => Cell::Float(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("#{e}")),
        Data::Empty => Cell::Empty,
    }
}

/// A ZIP archive: an `.xlsx` workbook, else an `.ods` one.
pub(crate) fn read_zip(bytes: &[u8], stem: &str, limits: &Limits) -> ReadTable {
    let xlsx = guarded(stem, || {
        Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(stem, e.to_string()))
    });
    match xlsx {
        Ok(workbook) => read_xlsx(workbook, stem, limits),
        Err(xlsx_error) => match guarded(stem, || {
            Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(stem, e.to_string()))
        }) {
            Ok(mut workbook) => read_ranges(&mut workbook, stem, limits, Format::Ods),
            Err(_) => xlsx_error,
        },
    }
}

/// An OLE file: an `.xls` workbook.
pub(crate) fn read_xls(bytes: &[u8], stem: &str, limits: &Limits) -> ReadTable {
    match guarded(stem, || {
        Xls::new(Cursor::new(bytes)).map_err(|e| unreadable(stem, e.to_string()))
    }) {
        Ok(mut workbook) => read_ranges(&mut workbook, stem, limits, Format::Xls),
        Err(read) => read,
    }
}

fn read_xlsx(mut workbook: Xlsx<Cursor<&[u8]>>, stem: &str, limits: &Limits) -> ReadTable {
    let names = workbook.sheet_names();
    let mut sheets = Vec::new();
    let mut total = 0usize;
    for name in names {
        let sheet = guarded(stem, || {
            let mut reader = workbook
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(stem, format!("{name}: {e}")))?;
            let mut builder = SheetBuilder::new(&name, limits);
            loop {
                match reader.next_cell() {
                    Ok(Some(cell)) => {
                        let (row, column) = cell.get_position();
                        let value = from_data_ref(cell.get_value().clone());
                        builder
                            .put(row as usize, column as usize, value, &mut total)
                            .map_err(|issue| ReadTable {
                                issues: vec![issue],
                                ..ReadTable::default()
                            })?;
                    }
                    Ok(None) => break,
                    Err(e) => return Err(unreadable(stem, format!("{name}: {e}"))),
                }
            }
            Ok(builder.finish())
        });
        match sheet {
            Ok(sheet) => sheets.push(sheet),
            Err(read) => return read,
        }
    }
    ReadTable {
        workbook: Workbook::new(sheets),
        format: Some(Format::Xlsx),
        issues: Vec::new(),
    }
}

fn read_ranges<'a, R>(workbook: &mut R, stem: &str, limits: &Limits, format: Format) -> ReadTable
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let names = workbook.sheet_names();
    let mut sheets = Vec::new();
    let mut total = 0usize;
    for name in names {
        let range = guarded(stem, || {
            workbook
                .worksheet_range(&name)
                .map_err(|e| unreadable(stem, format!("{name}: {e}")))
        });
        let range = match range {
            Ok(range) => range,
            Err(read) => return read,
        };
        let (row0, column0) = range.start().unwrap_or((0, 0));
        let mut builder = SheetBuilder::new(&name, limits);
        for (row, column, value) in range.used_cells() {
            let at = (row0 as usize + row, column0 as usize + column);
            if let Err(issue) = builder.put(at.0, at.1, from_data(value), &mut total) {
                return ReadTable {
                    issues: vec![issue],
                    ..ReadTable::default()
                };
            }
        }
        sheets.push(builder.finish());
    }
    ReadTable {
        workbook: Workbook::new(sheets),
        format: Some(format),
        issues: Vec::new(),
    }
}
