//! Sheets and workbooks: the cells of a file, whatever its format, within [`Limits`].

use ctg_core::{Issue, IssueCode, Params, Path, Word};

use crate::cell::{Cell, CellRef, EMPTY};

/// How much a table reader reads before it stops, the same for every format. Past a limit the
/// file gives one `table.too_large` error and nothing more is read from it.
///
/// | limit | default |
/// |---|---|
/// | `max_bytes` | 64 MiB of file |
/// | `max_rows` | 100 000 rows per sheet |
/// | `max_columns` | 1 024 columns |
/// | `max_cells` | 4 000 000 cells per file (empty cells inside a row count) |
///
/// ```
/// use ctg_tables::{Limits, read_table};
/// let limits = Limits { max_rows: 2, ..Limits::default() };
/// let read = ctg_tables::TableReader::new().limits(limits).read(b"a\nb\nc\n", "x.csv");
/// assert_eq!(read.issues[0].code.as_str(), "table.too_large");
/// assert!(read_table(b"a\nb\nc\n", "x.csv").issues.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_bytes: usize,
    /// The most rows of a sheet (its last non-empty row, counting the empty ones above).
    pub max_rows: usize,
    /// The most columns (up to the last non-empty cell of a row).
    pub max_columns: usize,
    /// The most cells of a file, empty ones inside a row included.
    pub max_cells: usize,
}

impl Limits {
    /// The default limits (see the table above).
    ///
    /// ```
    /// assert_eq!(ctg_tables::Limits::DEFAULT.max_rows, 100_000);
    /// ```
    pub const DEFAULT: Limits = Limits {
        max_bytes: 64 * 1024 * 1024,
        max_rows: 100_000,
        max_columns: 1024,
        max_cells: 4_000_000,
    };
}

impl Default for Limits {
    /// [`Limits::DEFAULT`].
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

/// One sheet: its name and its rows of cells (a row ends at its last non-empty cell).
///
/// ```
/// use ctg_tables::{Cell, Sheet};
/// let sheet = Sheet::new("Financement", vec![vec![Cell::Text("Bénéficiaire".into())]]);
/// assert_eq!(sheet.cell(0, 0), &Cell::Text("Bénéficiaire".into()));
/// assert_eq!(sheet.cell(5, 5), &Cell::Empty);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    name: String,
    rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// A sheet from its rows.
    ///
    /// ```
    /// assert_eq!(ctg_tables::Sheet::new("S", vec![]).rows().len(), 0);
    /// ```
    pub fn new(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            name: name.to_owned(),
            rows,
        }
    }

    /// Its name (the file's name for a CSV).
    ///
    /// ```
    /// assert_eq!(ctg_tables::Sheet::new("S", vec![]).name(), "S");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its rows, from the first (row 1).
    ///
    /// ```
    /// let read = ctg_tables::read_table(b"a;b\n\nc", "t.csv");
    /// assert_eq!(read.workbook.sheets()[0].rows().len(), 3); // the blank line is row 2
    /// ```
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    /// The cell at a 0-based row and column (empty outside the sheet).
    ///
    /// ```
    /// let read = ctg_tables::read_table(b"a;b", "t.csv");
    /// assert_eq!(read.workbook.sheets()[0].cell(0, 1).text(), "b");
    /// ```
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&EMPTY)
    }
}

/// The sheets of a file (one for a CSV).
///
/// ```
/// let read = ctg_tables::read_table(b"a", "t.csv");
/// assert_eq!(read.workbook.sheets()[0].name(), "t");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workbook {
    sheets: Vec<Sheet>,
}

impl Workbook {
    /// A workbook of these sheets.
    ///
    /// ```
    /// let wb = ctg_tables::Workbook::new(vec![ctg_tables::Sheet::new("S", vec![])]);
    /// assert_eq!(wb.sheets().len(), 1);
    /// ```
    pub fn new(sheets: Vec<Sheet>) -> Workbook {
        Workbook { sheets }
    }

    /// The sheets, in the file's order.
    ///
    /// ```
    /// assert!(ctg_tables::Workbook::default().sheets().is_empty());
    /// ```
    pub fn sheets(&self) -> &[Sheet] {
        &self.sheets
    }
}

/// The format a file was read as.
///
/// ```
/// let read = ctg_tables::read_table(b"a;b", "t.csv");
/// assert_eq!(read.format, Some(ctg_tables::Format::Csv));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Delimited text (`;`, `,` or tab).
    Csv,
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
    /// Legacy Excel workbook (`.xls`).
    Xls,
}

/// What reading a file gave: its cells, and every problem met (encoding, size…).
///
/// ```
/// let read = ctg_tables::read_table(b"Nom;Montant\nA;12", "t.csv");
/// assert!(read.issues.is_empty());
/// assert_eq!(read.workbook.sheets()[0].cell(1, 1).text(), "12");
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ReadTable {
    /// The sheets read (none when the file could not be read at all).
    pub workbook: Workbook,
    /// The format recognised, `None` when the file is not a table.
    pub format: Option<Format>,
    /// The problems met, each with its sheet, row and column.
    pub issues: Vec<Issue>,
}

/// Reads tables within [`Limits`].
///
/// ```
/// let read = ctg_tables::TableReader::new().read(b"a,b\n1,2\n", "t.csv");
/// assert_eq!(read.workbook.sheets()[0].cell(1, 0).text(), "1");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TableReader {
    limits: Limits,
}

impl TableReader {
    /// A reader with the default limits.
    ///
    /// ```
    /// let _ = ctg_tables::TableReader::new();
    /// ```
    pub fn new() -> TableReader {
        TableReader::default()
    }

    /// The same reader with other limits.
    ///
    /// ```
    /// let reader = ctg_tables::TableReader::new().limits(ctg_tables::Limits { max_bytes: 4, ..Default::default() });
    /// assert_eq!(reader.read(b"12345", "t.csv").issues[0].code.as_str(), "table.too_large");
    /// ```
    pub fn limits(mut self, limits: Limits) -> TableReader {
        self.limits = limits;
        self
    }

    /// The limits in use.
    ///
    /// ```
    /// assert_eq!(ctg_tables::TableReader::new().get_limits(), ctg_tables::Limits::DEFAULT);
    /// ```
    pub fn get_limits(&self) -> Limits {
        self.limits
    }

    /// Reads a file: the format is recognised from its bytes (a ZIP archive is an `.xlsx` or
    /// `.ods` workbook, an OLE file an `.xls` workbook, anything else delimited text), never from
    /// its name. `name` names the sheet of a CSV (the file's name without its extension) and the
    /// file in messages. Never panics, whatever the bytes.
    ///
    /// ```
    /// let read = ctg_tables::TableReader::new().read(b"\xef\xbb\xbfNom;Ann\xc3\xa9e\n", "dir/t.csv");
    /// assert_eq!(read.workbook.sheets()[0].name(), "t");
    /// assert_eq!(read.workbook.sheets()[0].cell(0, 1).text(), "Année");
    /// ```
    pub fn read(&self, bytes: &[u8], name: &str) -> ReadTable {
        let stem = file_stem(name);
        if bytes.len() > self.limits.max_bytes {
            return ReadTable {
                issues: vec![too_large(&stem, self.limits.max_bytes, Word::BYTES)],
                ..ReadTable::default()
            };
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return crate::excel::read_zip(bytes, &stem, &self.limits);
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return crate::excel::read_xls(bytes, &stem, &self.limits);
        }
        crate::text::read_text(bytes, &stem, &self.limits)
    }
}

/// Reads a table file (CSV, `.xlsx`, `.ods`, `.xls`) with the default [`Limits`]: see
/// [`TableReader::read`].
///
/// ```
/// let read = ctg_tables::read_table("Bénéficiaire;2023\nPasserelle;34 000\n".as_bytes(), "t.csv");
/// let sheet = &read.workbook.sheets()[0];
/// assert_eq!(sheet.cell(1, 1).text(), "34 000");
/// ```
pub fn read_table(bytes: &[u8], name: &str) -> ReadTable {
    TableReader::new().read(bytes, name)
}

/// The file's name without its folders and extension: the sheet name of a CSV.
pub(crate) fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
        _ => base.to_owned(),
    }
}

pub(crate) fn too_large(sheet: &str, limit: usize, unit: Word) -> Issue {
    CellRef::sheet(sheet).issue(
        IssueCode::TableTooLarge,
        Path::root(),
        Params::new().with("limit", limit).with("unit", unit),
    )
}

/// The unit of `max_rows`.
pub(crate) const ROWS: Word = Word {
    code: "rows",
    fr: "lignes",
    en: "rows",
};
/// The unit of `max_columns`.
pub(crate) const COLUMNS: Word = Word {
    code: "columns",
    fr: "colonnes",
    en: "columns",
};
/// The unit of `max_cells`.
pub(crate) const CELLS: Word = Word {
    code: "cells",
    fr: "cellules",
    en: "cells",
};

/// Builds a sheet from cells given at (row, column), 0-based, in any order, within the limits.
pub(crate) struct SheetBuilder {
    name: String,
    rows: Vec<Vec<Cell>>,
    limits: Limits,
    cells: usize,
}

impl SheetBuilder {
    pub(crate) fn new(name: &str, limits: &Limits) -> SheetBuilder {
        SheetBuilder {
            name: name.to_owned(),
            rows: Vec::new(),
            limits: *limits,
            cells: 0,
        }
    }

    /// Places a cell; an issue when it lies past a limit.
    pub(crate) fn put(
        &mut self,
        row: usize,
        column: usize,
        cell: Cell,
        total_cells: &mut usize,
    ) -> Result<(), Issue> {
        if cell.is_empty() {
            return Ok(());
        }
        if row >= self.limits.max_rows {
            return Err(too_large(&self.name, self.limits.max_rows, ROWS));
        }
        if column >= self.limits.max_columns {
            return Err(too_large(&self.name, self.limits.max_columns, COLUMNS));
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        if let Some(r) = self.rows.get_mut(row) {
            if r.len() <= column {
                let grow = column + 1 - r.len();
                *total_cells += grow;
                self.cells += grow;
                if *total_cells > self.limits.max_cells {
                    return Err(too_large(&self.name, self.limits.max_cells, CELLS));
                }
                r.resize(column + 1, Cell::Empty);
            }
            if let Some(slot) = r.get_mut(column) {
                *slot = cell;
            }
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> Sheet {
        // Rows end at their last non-empty cell.
        for row in &mut self.rows {
            while row.last().is_some_and(Cell::is_empty) {
                row.pop();
            }
        }
        while self.rows.last().is_some_and(Vec::is_empty) {
            self.rows.pop();
        }
        Sheet {
            name: self.name,
            rows: self.rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(file_stem("a/b/Financement.csv"), "Financement");
        assert_eq!(file_stem("C:\\x\\t.xlsx"), "t");
        assert_eq!(file_stem(".hidden"), ".hidden");
        assert_eq!(file_stem("plain"), "plain");
    }
}
