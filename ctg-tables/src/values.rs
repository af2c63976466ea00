//! Reading the values of cells into the document: money by core's rules (text by
//! `Amount::parse`'s writing rules, typed numbers by their exact decimal value through
//! `Amount::from_host`), dates from Excel dates or serial numbers, lists from one cell; everything
//! else is written into the document as the cell's text, for validation to read by the same rules
//! as any document.

use chrono::{Duration, NaiveDate};
use ctg_core::input::Value as HostValue;
use ctg_core::{Amount, Issue, IssueCode, Params, Path, PathSegment, Word};
use serde_json::Value;

use crate::cell::{shortest, Cell, CellRef};
use crate::grid::Sheet;
use crate::import::CellMap;
use crate::text::{column_index, row_number};

/// A text shortened for a message (64 characters at most).
pub(crate) fn shorten(s: &str) -> String {
    const MAX: usize = 64;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(MAX - 1).collect();
        out.push('…');
        out
    }
}

/// `table.cell_unreadable` expectation words.
pub(crate) const TEXT_OR_NUMBER: Word = Word {
    code: "text_or_number",
    fr: "un texte ou un nombre",
    en: "a text or a number",
};

/// The id a name gets when the table gives none: lower case ASCII letters and digits, accents
/// dropped, apostrophes removed, every other run of characters one hyphen (`"Les Snorky's"` →
/// `les-snorkys`, `"MJC St-Amans/Albine"` → `mjc-st-amans-albine`).
///
/// ```
/// assert_eq!(ctg_tables::slug("Les Snorky’s"), "les-snorkys");
/// assert_eq!(ctg_tables::slug("Amicale laïque"), "amicale-laique");
/// assert_eq!(ctg_tables::slug("CC Thoré Montagne Noire"), "cc-thore-montagne-noire");
/// ```
pub fn slug(name: &str) -> String {
    let without_apostrophes: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | 'ʼ'))
        .collect();
    crate::header::normalize(&without_apostrophes)
        .chars()
        .map(|c| if c == ' ' { '-' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// The value of an amount cell.
pub(crate) enum AmountCell {
    Empty,
    Read(Amount),
    /// Not read: the issue was reported; the writing is kept in the document.
    Bad(String),
}

/// Reading one sheet: its cells, the issues found and the map from document paths to cells.
pub(crate) struct Ctx<'a> {
    pub(crate) sheet: &'a Sheet,
    pub(crate) issues: &'a mut Vec<Issue>,
    pub(crate) cells: &'a mut CellMap,
}

impl Ctx<'_> {
    pub(crate) fn at(&self, row: usize, column: usize) -> CellRef {
        CellRef::cell(self.sheet.name(), row_number(row), column_index(column))
    }

    pub(crate) fn row_ref(&self, row: usize) -> CellRef {
        CellRef::row(self.sheet.name(), row_number(row))
    }

    pub(crate) fn cell(&self, row: usize, column: usize) -> &Cell {
        self.sheet.cell(row, column)
    }

    pub(crate) fn issue(
        &mut self,
        code: IssueCode,
        row: usize,
        column: usize,
        path: Path,
        params: Params,
    ) {
        let issue = self.at(row, column).issue(code, path, params);
        self.issues.push(issue);
    }

    /// Records that the value at `path` comes from this cell.
    pub(crate) fn map(&mut self, path: &Path, row: usize, column: usize) {
        self.cells.insert(
            path,
            self.sheet.name(),
            Some(row_number(row)),
            Some(column_index(column)),
        );
    }

    /// Records that the item at `path` comes from this row.
    pub(crate) fn map_row(&mut self, path: &Path, row: usize) {
        self.cells
            .insert(path, self.sheet.name(), Some(row_number(row)), None);
    }

    /// The cell as text (trimmed; `None` when empty). Numbers give their shortest writing, dates
    /// `YYYY-MM-DD`; an error value or a boolean is reported as unreadable.
    pub(crate) fn text(&mut self, row: usize, column: usize, path: &Path) -> Option<String> {
        self.map(path, row, column);
        match self.cell(row, column).clone() {
            Cell::Empty => None,
            Cell::Text(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Cell::Int(i) => Some(i.to_string()),
            Cell::Float(f) => Some(shortest(f)),
            Cell::DateTime(dt) => Some(Cell::DateTime(dt).text()),
            other @ (Cell::Bool(_) | Cell::Error(_)) => {
                self.issue(
                    IssueCode::TableCellUnreadable,
                    row,
                    column,
                    path.clone(),
                    Params::new()
                        .with("text", other.text())
                        .with("expected", TEXT_OR_NUMBER),
                );
                None
            }
        }
    }

    /// An amount cell, read by core: text by the writing rules (`Amount::parse`, ambiguity
    /// refused), a number by its value (`Amount::from_host` on the shortest decimal of the binary
    /// float, or the integer). An amount that cannot be read is reported here, with its cell.
    pub(crate) fn amount(&mut self, row: usize, column: usize, path: &Path) -> AmountCell {
        self.map(path, row, column);
        let cell = self.cell(row, column).clone();
        let host = match &cell {
            Cell::Empty => return AmountCell::Empty,
            Cell::Text(s) if s.trim().is_empty() => return AmountCell::Empty,
            Cell::Text(s) => HostValue::Text(s.trim().to_owned()),
            Cell::Int(i) => HostValue::Int(i128::from(*i)),
            Cell::Float(f) if f.is_finite() => HostValue::Decimal(shortest(*f)),
            Cell::Float(f) => HostValue::Float(*f),
            Cell::Bool(_) | Cell::DateTime(_) | Cell::Error(_) => {
                self.issue(
                    IssueCode::TableCellUnreadable,
                    row,
                    column,
                    path.clone(),
                    Params::new()
                        .with("text", cell.text())
                        .with("expected", Word::AMOUNT),
                );
                return AmountCell::Bad(cell.text());
            }
        };
        match Amount::from_host(&host) {
            Ok(amount) => AmountCell::Read(amount),
            Err(error) => {
                let code = error.code();
                let params = error.into_params();
                self.issue(code, row, column, path.clone(), params);
                AmountCell::Bad(cell.text())
            }
        }
    }

    /// A date cell: a date-formatted cell, a text for validation to read (`DD/MM/YYYY`,
    /// `YYYY-MM-DD`), or a number read as an Excel serial date (1900 system), which is said.
    pub(crate) fn date(&mut self, row: usize, column: usize, path: &Path) -> Option<Value> {
        self.map(path, row, column);
        let cell = self.cell(row, column).clone();
        let serial = match &cell {
            Cell::Empty => return None,
            Cell::Text(s) if s.trim().is_empty() => return None,
            Cell::DateTime(dt) => return Some(Value::String(Cell::DateTime(*dt).text())),
            Cell::Int(i) => Some(*i as f64),
            Cell::Float(f) => Some(*f),
            Cell::Text(s) => {
                let t = s.trim();
                if (4..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
                    t.parse::<f64>().ok()
                } else {
                    return Some(Value::String(Canon::Date.apply(t)));
                }
            }
            other => return Some(Value::String(other.text())),
        };
        match serial.and_then(excel_serial_date) {
            Some(date) => {
                self.issue(
                    IssueCode::TableDateSerial,
                    row,
                    column,
                    path.clone(),
                    Params::new().with("text", cell.text()).with("date", date),
                );
                Some(Value::String(date.to_string()))
            }
            None => Some(Value::String(cell.text())),
        }
    }

    /// An integer cell (a sheet number): an integer value when the cell holds one, else its text
    /// for validation to refuse.
    pub(crate) fn integer(&mut self, row: usize, column: usize, path: &Path) -> Option<Value> {
        let text = self.text(row, column, path)?;
        Some(match text.parse::<u64>() {
            Ok(n) => Value::from(n),
            Err(_) => Value::String(text),
        })
    }

    /// A list in one cell ([`split_list`]). Every item maps to the cell.
    pub(crate) fn list(
        &mut self,
        row: usize,
        column: usize,
        path: &Path,
        commas: bool,
    ) -> Option<Vec<String>> {
        let text = self.text(row, column, path)?;
        let items = split_list(&text, commas);
        for i in 0..items.len() {
            self.map(&path.index(i), row, column);
        }
        Some(items)
    }
}

/// Whether `c` separates the items of a list cell: `;` or a line break (and `,` when `commas`).
pub(crate) fn is_list_separator(c: char, commas: bool) -> bool {
    c == ';' || c == '\n' || c == '\r' || (commas && c == ',')
}

/// The items of a list cell: separated by `;` or line breaks (and by `,` when `commas`),
/// trimmed, empty ones dropped. An item between double quotes (`"A; B"`, a quote inside doubled:
/// what [`crate::Exporter`] writes for an item holding a separator or starting with a quote) is
/// one item, its text unquoted; quotes that do not enclose a whole item (`"Les Tilleuls"
/// association`, an unclosed `"`) are text like any other.
pub(crate) fn split_list(text: &str, commas: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let separator = |i: usize| chars.get(i).is_some_and(|&c| is_list_separator(c, commas));
    let blank = |i: usize| chars.get(i).is_some_and(|&c| c.is_whitespace()) && !separator(i);
    let mut items = Vec::new();
    let mut i = 0;
    while i <= chars.len() {
        let start = i;
        let mut first = i;
        while blank(first) {
            first += 1;
        }
        if chars.get(first) == Some(&'"') {
            if let Some((item, mut end)) = quoted(&chars, first) {
                while blank(end) {
                    end += 1;
                }
                if end == chars.len() || separator(end) {
                    if !item.trim().is_empty() {
                        items.push(item);
                    }
                    i = end + 1;
                    continue;
                }
            }
        }
        let mut end = start;
        while end < chars.len() && !separator(end) {
            end += 1;
        }
        let item: String = chars.get(start..end).unwrap_or_default().iter().collect();
        let item = item.trim();
        if !item.is_empty() {
            items.push(item.to_owned());
        }
        i = end + 1;
    }
    items
}

/// The text of the quoted item opening at `chars[open]` (a `"`), `""` read as `"`, and the index
/// after its closing quote; `None` when it does not close.
fn quoted(chars: &[char], open: usize) -> Option<(String, usize)> {
    let mut text = String::new();
    let mut i = open + 1;
    while let Some(&c) = chars.get(i) {
        if c == '"' {
            if chars.get(i + 1) == Some(&'"') {
                text.push('"');
                i += 2;
                continue;
            }
            return Some((text, i + 1));
        }
        text.push(c);
        i += 1;
    }
    None
}

/// The canonical writing of a value core reads by a vocabulary or an identifier type, when the
/// text is one (by core's own parsers); otherwise the text as written, for validation to refuse
/// with its cell.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Canon {
    FacilityKind,
    Domain,
    Status,
    PartyKind,
    PartyRole,
    Siret,
    Siren,
    Insee,
    Departement,
    Date,
}

impl Canon {
    pub(crate) fn apply(self, text: &str) -> String {
        use ctg_core::{
            ActionStatus, DepartementCode, FacilityKind, InseeCode, PartyKind, PartyRole, Siren,
            Siret, ThematicDomain,
        };
        let canonical = match self {
            Canon::FacilityKind => FacilityKind::parse(text).map(|k| k.code().to_owned()),
            Canon::Domain => {
                let domain = ThematicDomain::parse(text);
                (!domain.is_custom()).then(|| domain.code().to_owned())
            }
            Canon::Status => ActionStatus::parse(text).map(|k| k.code().to_owned()),
            Canon::PartyKind => PartyKind::parse(text).map(|k| k.code().to_owned()),
            Canon::PartyRole => PartyRole::parse(text).map(|k| k.code().to_owned()),
            Canon::Siret => Siret::parse(text).ok().map(|v| v.as_str().to_owned()),
            Canon::Siren => Siren::parse(text).ok().map(|v| v.as_str().to_owned()),
            Canon::Insee => InseeCode::parse(text).ok().map(|v| v.as_str().to_owned()),
            Canon::Departement => DepartementCode::parse(text)
                .ok()
                .map(|v| v.as_str().to_owned()),
            Canon::Date => {
                let t = text.trim();
                NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
                    .ok()
                    .filter(|_| t.len() <= 10)
                    .map(|d| d.to_string())
            }
        };
        canonical.unwrap_or_else(|| text.to_owned())
    }
}

/// The date of an Excel serial number in the 1900 date system (1 is 1900-01-01; Excel's
/// fictitious 1900-02-29, serial 60, is no date), for the serials of years 1900 to 9999.
pub(crate) fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    let days = serial as i64;
    if days == 60 {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, if days < 60 { 31 } else { 30 })?;
    base.checked_add_signed(Duration::days(days))
}

/// A path from its segments (core builds paths key by key).
pub(crate) fn path_of(segments: &[PathSegment]) -> Path {
    segments
        .iter()
        .fold(Path::root(), |path, segment| match segment {
            PathSegment::Key(k) => path.key(k.clone()),
            PathSegment::Index(i) => path.index(*i),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells() {
        let split = |s: &str, commas| split_list(s, commas);
        assert_eq!(split("A; B\nC\r\n;; D ", false), ["A", "B", "C", "D"]);
        assert_eq!(split("A, B; C", false), ["A, B", "C"]);
        assert_eq!(split("A, B; C", true), ["A", "B", "C"]);
        // Quoted items: one item each, separators and doubled quotes inside.
        assert_eq!(split("\"A; B\"; C", false), ["A; B", "C"]);
        assert_eq!(
            split(" \"x\ny\" ;\"say \"\"hi\"\"\"", false),
            ["x\ny", "say \"hi\""]
        );
        assert_eq!(split("\"A, B\", C", true), ["A, B", "C"]);
        // Quotes that do not enclose a whole item are text.
        assert_eq!(
            split("\"Les Tilleuls\" association; B", false),
            ["\"Les Tilleuls\" association", "B"]
        );
        assert_eq!(split("\"A; B", false), ["\"A", "B"]);
        assert_eq!(split("\"\"; A", false), ["A"]);
        assert!(split("", false).is_empty());
    }

    #[test]
    fn excel_serials() {
        assert_eq!(
            excel_serial_date(44895.0),
            NaiveDate::from_ymd_opt(2022, 11, 30)
        );
        assert_eq!(excel_serial_date(1.0), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(
            excel_serial_date(59.0),
            NaiveDate::from_ymd_opt(1900, 2, 28)
        );
        assert_eq!(excel_serial_date(60.0), None);
        assert_eq!(excel_serial_date(61.0), NaiveDate::from_ymd_opt(1900, 3, 1));
        assert_eq!(excel_serial_date(45306.5), None);
        assert_eq!(excel_serial_date(0.0), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("MJC St-Amans/Albine"), "mjc-st-amans-albine");
        assert_eq!(slug("La Petite Loco"), "la-petite-loco");
        assert_eq!(slug("Les Snorky's"), "les-snorkys");
        assert_eq!(slug("Pont-de-l’Arn"), "pont-de-larn");
    }
}
