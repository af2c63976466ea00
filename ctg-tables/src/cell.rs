//! Cells as a file holds them, and where a cell is (`Financement!C7`).

use chrono::NaiveDateTime;
use ctg_core::{Issue, IssueCode, Params, Path};

/// A cell's value as the file holds it: nothing is interpreted yet.
///
/// A CSV file only has [`Cell::Text`]; a workbook also has numbers (always binary floats in
/// Excel: [`Cell::Float`]; OpenDocument may give [`Cell::Int`]), booleans, dates and error values
/// (`#REF!`).
///
/// ```
/// use ctg_tables::Cell;
/// assert!(Cell::Text("  ".into()).is_empty());
/// assert_eq!(Cell::Float(40800.5).text(), "40800.5");
/// assert_eq!(Cell::Float(80314567800012.0).text(), "80314567800012");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Cell {
    /// An empty cell.
    Empty,
    /// Text, as written.
    Text(String),
    /// An integer.
    Int(i64),
    /// A binary floating-point number (every number of an `.xlsx` file).
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A date (with its time of day), from a cell formatted as a date.
    DateTime(NaiveDateTime),
    /// An error value of the spreadsheet (`#REF!`, `#DIV/0!`…).
    Error(String),
}

/// The empty cell, for lookups outside a sheet.
pub(crate) static EMPTY: Cell = Cell::Empty;

impl Cell {
    /// Whether the cell is empty or holds only white space.
    ///
    /// ```
    /// use ctg_tables::Cell;
    /// assert!(Cell::Empty.is_empty());
    /// assert!(!Cell::Int(0).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as a person would read it: text as is (trimmed), numbers by the
    /// shortest decimal writing that reads back to the same binary value (what Excel shows with
    /// enough width and stores), dates as `YYYY-MM-DD` (with the time when it is not midnight).
    ///
    /// ```
    /// use ctg_tables::Cell;
    /// assert_eq!(Cell::Float(0.1).text(), "0.1");
    /// assert_eq!(Cell::Text(" Passerelle ".into()).text(), "Passerelle");
    /// assert_eq!(Cell::Error("#REF!".into()).text(), "#REF!");
    /// ```
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => shortest(*f),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => dt.date().to_string(),
            Cell::DateTime(dt) => dt.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// The shortest decimal writing of a binary float that reads back to the same value, without an
/// exponent (`40800`, `0.1`, `1234.56`): Rust's `Display` for `f64`.
pub(crate) fn shortest(f: f64) -> String {
    if f.is_finite() {
        format!("{f}")
    } else {
        format!("{f:?}")
    }
}

/// The letters of a column from its 0-based index: `A`, …, `Z`, `AA`, ….
///
/// ```
/// assert_eq!(ctg_tables::column_letter(0), "A");
/// assert_eq!(ctg_tables::column_letter(25), "Z");
/// assert_eq!(ctg_tables::column_letter(26), "AA");
/// assert_eq!(ctg_tables::column_letter(16_383), "XFD");
/// ```
pub fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Where something is in a table: a sheet (the file's name for a CSV), and a row (1-based, as
/// the spreadsheet shows it) and a column (0-based index, shown as its letter) when it applies.
///
/// ```
/// use ctg_tables::CellRef;
/// let at = CellRef::cell("Financement", 7, 2);
/// assert_eq!(at.to_string(), "Financement!C7");
/// assert_eq!(CellRef::row("Financement", 7).to_string(), "Financement!7:7");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    /// The sheet's name.
    pub sheet: String,
    /// The row, from 1; `None` for the sheet as a whole.
    pub row: Option<u32>,
    /// The column, from 0 (`A`); `None` for a whole row.
    pub column: Option<u32>,
}

impl CellRef {
    /// A cell.
    ///
    /// ```
    /// assert_eq!(ctg_tables::CellRef::cell("S", 1, 0).to_string(), "S!A1");
    /// ```
    pub fn cell(sheet: &str, row: u32, column: u32) -> CellRef {
        CellRef {
            sheet: sheet.to_owned(),
            row: Some(row),
            column: Some(column),
        }
    }

    /// A whole row.
    ///
    /// ```
    /// assert_eq!(ctg_tables::CellRef::row("S", 3).column, None);
    /// ```
    pub fn row(sheet: &str, row: u32) -> CellRef {
        CellRef {
            sheet: sheet.to_owned(),
            row: Some(row),
            column: None,
        }
    }

    /// A whole sheet.
    ///
    /// ```
    /// assert_eq!(ctg_tables::CellRef::sheet("S").to_string(), "S");
    /// ```
    pub fn sheet(sheet: &str) -> CellRef {
        CellRef {
            sheet: sheet.to_owned(),
            row: None,
            column: None,
        }
    }

    /// The column's letters, when there is a column.
    ///
    /// ```
    /// assert_eq!(ctg_tables::CellRef::cell("S", 1, 27).column_letter().as_deref(), Some("AB"));
    /// ```
    pub fn column_letter(&self) -> Option<String> {
        self.column.map(column_letter)
    }

    /// Adds `sheet`, `row` and `column` to an issue's parameters (those it has).
    ///
    /// ```
    /// use ctg_core::Params;
    /// let params = ctg_tables::CellRef::cell("Financement", 7, 2).add_to(Params::new());
    /// assert_eq!(serde_json::to_string(&params).unwrap(),
    ///     r#"{"sheet":"Financement","row":7,"column":"C"}"#);
    /// ```
    pub fn add_to(&self, mut params: Params) -> Params {
        params.set("sheet", self.sheet.clone().into());
        if let Some(row) = self.row {
            params.set("row", row.into());
        }
        if let Some(column) = self.column_letter() {
            params.set("column", column.into());
        }
        params
    }

    /// An issue at this place (and at `path` in the document, the root when it has none).
    ///
    /// ```
    /// use ctg_core::{IssueCode, Params, Path};
    /// let at = ctg_tables::CellRef::cell("Financement", 7, 2);
    /// let issue = at.issue(IssueCode::TableCellMissing, Path::root(), Params::new());
    /// assert_eq!(issue.cell().as_deref(), Some("Financement!C7"));
    /// ```
    pub fn issue(&self, code: IssueCode, path: Path, params: Params) -> Issue {
        Issue::new(code, path, self.add_to(params))
    }
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plain =
            !self.sheet.is_empty() && self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
        if plain {
            f.write_str(&self.sheet)?;
        } else {
            write!(f, "'{}'", self.sheet.replace('\'', "''"))?;
        }
        match (self.row, self.column_letter()) {
            (Some(row), Some(column)) => write!(f, "!{column}{row}"),
            (Some(row), None) => write!(f, "!{row}:{row}"),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_round_the_alphabet() {
        assert_eq!(column_letter(51), "AZ");
        assert_eq!(column_letter(52), "BA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(column_letter(u32::MAX), "MWLQKWV");
    }

    #[test]
    fn shortest_writing_has_no_exponent() {
        assert_eq!(shortest(1e21), "1000000000000000000000");
        assert_eq!(shortest(1e-7), "0.0000001");
        assert_eq!(shortest(0.30000000000000004), "0.30000000000000004");
        assert_eq!(shortest(f64::NAN), "NaN");
    }

    #[test]
    fn quoted_sheet_names() {
        assert_eq!(
            CellRef::cell("Plan d'actions", 3, 1).to_string(),
            "'Plan d''actions'!B3"
        );
        assert_eq!(CellRef::cell("", 3, 1).to_string(), "''!B3");
    }
}
