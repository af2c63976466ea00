//! From tables to a document: every table of every file read, recognised by its header, turned
//! into its section of a canonical document; every problem reported with its cell; a map from the
//! document's paths to the cells they come from, so that validation's issues get their cell too.

use std::collections::HashMap;

use ctg_core::{Issue, IssueCode, Params, Path, Report, Severity, Validator};
use serde_json::{Map, Value};

use crate::cell::CellRef;
use crate::grid::{Limits, TableReader, Workbook};
use crate::header::{find_header, no_header, Header, Shape};
use crate::resolve::PartyResolver;
use crate::values::Ctx;

/// Where each value of an imported document comes from: document paths to cells.
///
/// ```
/// use ctg_core::Path;
/// let csv = "Bénéficiaire;Équipement;2024\nPasserelle;crèche;34 000\n";
/// let import = ctg_tables::Importer::new().import(&[("Financement.csv", csv.as_bytes())]);
/// let path = Path::root().key("funding").key("allocations").index(0).key("amounts").key("2024");
/// assert_eq!(import.cells.get(&path).unwrap().to_string(), "Financement!C2");
/// ```
#[derive(Debug, Clone, Default)]
pub struct CellMap {
    sheets: Vec<String>,
    /// Path (as written) → (sheet index, row, column).
    cells: HashMap<String, (usize, Option<u32>, Option<u32>)>,
}

impl CellMap {
    /// Room for `n` more paths (one per cell read, about).
    pub(crate) fn reserve(&mut self, n: usize) {
        self.cells.reserve(n);
    }

    pub(crate) fn insert(
        &mut self,
        path: &Path,
        sheet: &str,
        row: Option<u32>,
        column: Option<u32>,
    ) {
        let index = match self.sheets.iter().position(|s| s == sheet) {
            Some(i) => i,
            None => {
                self.sheets.push(sheet.to_owned());
                self.sheets.len() - 1
            }
        };
        self.cells.insert(path.to_string(), (index, row, column));
    }

    /// The cell of a path, or of its nearest ancestor that has one (an allocation's row for an
    /// issue about the allocation as a whole).
    ///
    /// ```
    /// let map = ctg_tables::CellMap::default();
    /// assert!(map.get(&ctg_core::Path::root().key("id")).is_none());
    /// ```
    pub fn get(&self, path: &Path) -> Option<CellRef> {
        let segments = path.segments();
        (0..=segments.len()).rev().find_map(|n| {
            let prefix = crate::values::path_of(segments.get(..n).unwrap_or_default());
            let &(sheet, row, column) = self.cells.get(&prefix.to_string())?;
            Some(CellRef {
                sheet: self.sheets.get(sheet)?.clone(),
                row,
                column,
            })
        })
    }

    /// How many paths are mapped.
    ///
    /// ```
    /// assert_eq!(ctg_tables::CellMap::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether no path is mapped.
    ///
    /// ```
    /// assert!(ctg_tables::CellMap::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

/// A table found in a file.
///
/// ```
/// let import = ctg_tables::Importer::new().import(&[("t.csv", "N°;Titre\n1;Agir\n".as_bytes())]);
/// assert_eq!(import.tables[0].shape, ctg_tables::Shape::ActionPlan);
/// assert_eq!(import.tables[0].header_row, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableInfo {
    /// The file it was found in, as named by the caller.
    pub file: String,
    /// Its sheet.
    pub sheet: String,
    /// What it holds.
    pub shape: Shape,
    /// The row of its header (1-based).
    pub header_row: u32,
}

/// What an import gave: the document, every problem met reading the tables, where each value
/// comes from, and the tables found.
///
/// The document is in the canonical format for every value that could be read; a cell that
/// could not be read (an ambiguous amount…) is kept in it as its text, so that nothing is lost
/// and validation does not add consequences of it (a total that no longer adds up).
///
/// ```
/// let csv = "Bénéficiaire;Équipement;2024;Total\nPasserelle;crèche;12.000;12.000\n";
/// let import = ctg_tables::Importer::new().import(&[("Financement.csv", csv.as_bytes())]);
/// let issue = &import.issues[0];
/// assert_eq!(issue.code.as_str(), "amount.ambiguous");
/// assert_eq!(issue.cell().as_deref(), Some("Financement!C2"));
/// assert_eq!(import.document["funding"]["allocations"][0]["amounts"]["2024"], "12.000");
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Import {
    /// The document (sections from the tables over the base document, if one was given).
    pub document: Value,
    /// The problems met reading the tables, in file and row order.
    pub issues: Vec<Issue>,
    /// Document paths to cells.
    pub cells: CellMap,
    /// The tables found.
    pub tables: Vec<TableInfo>,
}

impl Import {
    /// Whether reading the tables met an error.
    ///
    /// ```
    /// let import = ctg_tables::Importer::new().import(&[("t.csv", b"nothing here".as_slice())]);
    /// assert!(import.has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The issue with the cell its path comes from added to its parameters (`sheet`, `row`,
    /// `column`), when the path comes from a cell and the issue has none.
    ///
    /// ```
    /// use ctg_core::{Issue, IssueCode, Params, Path};
    /// let csv = "Bénéficiaire;Équipement;2024\nPasserelle;crèche;34 000\n";
    /// let import = ctg_tables::Importer::new().import(&[("F.csv", csv.as_bytes())]);
    /// let path = Path::root().key("funding").key("allocations").index(0).key("facility_kind");
    /// let issue = import.locate(Issue::new(IssueCode::ValueUnknown, path, Params::new()));
    /// assert_eq!(issue.cell().as_deref(), Some("F!B2"));
    /// ```
    pub fn locate(&self, mut issue: Issue) -> Issue {
        if issue.params.get("sheet").is_none() {
            if let Some(at) = self.cells.get(&issue.path) {
                issue.params = at.add_to(issue.params);
            }
        }
        issue
    }

    /// Validates the document with core and gives one report: the import's issues, then
    /// validation's, each with its cell when its path comes from one. A validation issue on a cell
    /// that already has an import error is left out (it is that error again, or a consequence of
    /// it).
    ///
    /// ```
    /// let csv = "Bénéficiaire;Équipement;2024\nPasserelle;bibliothèque;34 000\n";
    /// let import = ctg_tables::Importer::new().import(&[("Financement.csv", csv.as_bytes())]);
    /// let report = import.validate();
    /// let unknown = report.issues().iter().find(|i| i.code.as_str() == "value.unknown").unwrap();
    /// assert_eq!(unknown.cell().as_deref(), Some("Financement!B2"));
    /// ```
    pub fn validate(&self) -> Report {
        self.validate_with(&Validator::new())
    }

    /// [`Import::validate`] with a validator of one's own (limits).
    ///
    /// ```
    /// let import = ctg_tables::Importer::new().import(&[("t.csv", b"N;Titre\n1;A\n".as_slice())]);
    /// let report = import.validate_with(&ctg_core::Validator::new());
    /// assert!(!report.is_valid()); // a document with action sheets only lacks id, title…
    /// ```
    pub fn validate_with(&self, validator: &Validator) -> Report {
        let report = validator.validate_value(&self.document).into_report();
        let mut taken: Vec<CellRef> = self
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .filter_map(cell_of)
            .collect();
        taken.sort();
        taken.dedup();
        let mut issues = self.issues.clone();
        for issue in report.into_issues() {
            let issue = self.locate(issue);
            if cell_of(&issue).is_some_and(|at| taken.binary_search(&at).is_ok()) {
                continue;
            }
            issues.push(issue);
        }
        Report::from(issues)
    }
}

/// The cell of an issue, from its parameters.
fn cell_of(issue: &Issue) -> Option<CellRef> {
    use ctg_core::Param;
    let sheet = match issue.params.get("sheet") {
        Some(Param::Text(s)) => s.clone(),
        _ => return None,
    };
    let row = match issue.params.get("row") {
        Some(Param::Int(r)) => u32::try_from(*r).ok(),
        _ => None,
    };
    let column = match issue.params.get("column") {
        Some(Param::Text(c)) => column_from_letters(c),
        _ => None,
    };
    Some(CellRef { sheet, row, column })
}

fn column_from_letters(letters: &str) -> Option<u32> {
    let mut n: u64 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + u64::from(b - b'A' + 1);
        if n > u64::from(u32::MAX) {
            return None;
        }
    }
    u32::try_from(n.checked_sub(1)?).ok()
}

/// Imports tables into a document.
///
/// ```
/// let csv = "Bénéficiaire;Équipement;Domaine;2023;2024;Total\n\
///            La Petite Loco;crèche;Petite enfance;40 800;40 800;81 600\n\
///            Total;;;40 800;40 800;81 600\n";
/// let import = ctg_tables::Importer::new().import(&[("Financement.csv", csv.as_bytes())]);
/// assert!(import.issues.is_empty());
/// let funding = &import.document["funding"];
/// assert_eq!(funding["beneficiaries"][0]["id"], "la-petite-loco");
/// assert_eq!(funding["allocations"][0]["amounts"]["2024"], "40800.00");
/// assert_eq!(funding["declared"]["total"], "81600.00");
/// ```
#[derive(Clone, Copy, Default)]
pub struct Importer<'a> {
    reader: TableReader,
    shape: Option<Shape>,
    base: Option<&'a Value>,
    resolver: Option<&'a dyn PartyResolver>,
}

impl std::fmt::Debug for Importer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Importer")
            .field("reader", &self.reader)
            .field("shape", &self.shape)
            .field("base", &self.base.is_some())
            .field("resolver", &self.resolver.is_some())
            .finish()
    }
}

impl<'a> Importer<'a> {
    /// An importer with the default limits, recognising every shape.
    ///
    /// ```
    /// let _ = ctg_tables::Importer::new();
    /// ```
    pub fn new() -> Importer<'a> {
        Importer::default()
    }

    /// The same importer with other limits.
    ///
    /// ```
    /// let limits = ctg_tables::Limits { max_bytes: 10, ..Default::default() };
    /// let import = ctg_tables::Importer::new().limits(limits).import(&[("t.csv", &[b'a'; 11][..])]);
    /// assert_eq!(import.issues[0].code.as_str(), "table.too_large");
    /// ```
    pub fn limits(mut self, limits: Limits) -> Importer<'a> {
        self.reader = self.reader.limits(limits);
        self
    }

    /// Reads every table as this shape (instead of recognising it from its header).
    ///
    /// ```
    /// use ctg_tables::{Importer, Shape};
    /// let import = Importer::new().shape(Shape::Parties).import(&[("t.csv", b"N;Titre\n1;A".as_slice())]);
    /// assert_eq!(import.issues[0].code.as_str(), "table.no_header");
    /// ```
    pub fn shape(mut self, shape: Shape) -> Importer<'a> {
        self.shape = Some(shape);
        self
    }

    /// Imports into this document: each section a table gives (`funding`, `action_sheets`,
    /// `parties`) replaces the document's; the rest is kept. Its parties and objectives also let
    /// an action plan name its leads and objectives by name or title.
    ///
    /// ```
    /// let base = ctg_core::Convention::sample().to_value();
    /// let csv = "N°;Titre;Pilote\n1;Agir;CC Thoré Montagne Noire\n";
    /// let import = ctg_tables::Importer::new().into_document(&base).import(&[("p.csv", csv.as_bytes())]);
    /// assert_eq!(import.document["action_sheets"][0]["lead"], "cc-thore-montagne-noire");
    /// assert_eq!(import.document["title"], base["title"]);
    /// assert!(import.validate().is_valid());
    /// ```
    pub fn into_document(mut self, base: &'a Value) -> Importer<'a> {
        self.base = Some(base);
        self
    }

    /// Completes the codes of parties named without them, from a reference.
    ///
    /// ```
    /// use ctg_tables::{Importer, PartyResolver, Resolution};
    /// struct Nothing;
    /// impl PartyResolver for Nothing {
    ///     fn resolve(&self, _: &str, _: Option<ctg_core::PartyKind>, _: Option<&ctg_core::DepartementCode>) -> Resolution {
    ///         Resolution::NotFound
    ///     }
    /// }
    /// let csv = "Nom;Type;Rôle\nAlbine;commune;signataire\n";
    /// let import = Importer::new().resolver(&Nothing).import(&[("p.csv", csv.as_bytes())]);
    /// assert_eq!(import.issues[0].code.as_str(), "table.name_not_found");
    /// ```
    pub fn resolver(mut self, resolver: &'a dyn PartyResolver) -> Importer<'a> {
        self.resolver = Some(resolver);
        self
    }

    /// Imports files given as (name, bytes): each read by its content (CSV, `.xlsx`, `.ods`,
    /// `.xls`), each sheet recognised by its header. Never panics, whatever the bytes.
    ///
    /// ```
    /// let import = ctg_tables::Importer::new().import(&[("t.csv", b"\xff\xfe".as_slice())]);
    /// assert!(import.has_errors());
    /// ```
    pub fn import(&self, files: &[(&str, &[u8])]) -> Import {
        let mut issues = Vec::new();
        let mut workbooks = Vec::new();
        for (name, bytes) in files {
            let read = self.reader.read(bytes, name);
            issues.extend(read.issues);
            workbooks.push(((*name).to_owned(), read.workbook));
        }
        let mut import = self.import_workbooks(&workbooks);
        issues.append(&mut import.issues);
        import.issues = issues;
        import
    }

    /// Imports workbooks already read (name, workbook).
    ///
    /// ```
    /// use ctg_tables::{Cell, Sheet, Workbook};
    /// let sheet = Sheet::new("Plan", vec![
    ///     vec![Cell::Text("N°".into()), Cell::Text("Titre".into())],
    ///     vec![Cell::Float(1.0), Cell::Text("Agir".into())],
    /// ]);
    /// let import = ctg_tables::Importer::new().import_workbooks(&[("plan.xlsx".into(), Workbook::new(vec![sheet]))]);
    /// assert_eq!(import.document["action_sheets"][0]["number"], 1);
    /// ```
    pub fn import_workbooks(&self, workbooks: &[(String, Workbook)]) -> Import {
        let shapes: Vec<Shape> = match self.shape {
            Some(shape) => vec![shape],
            None => Shape::ALL.to_vec(),
        };
        let mut issues = Vec::new();
        let mut found: Vec<(String, &crate::grid::Sheet, Header)> = Vec::new();
        for (file, workbook) in workbooks {
            let mut here = Vec::new();
            let mut missing = Vec::new();
            for sheet in workbook.sheets() {
                let mut header_issues = Vec::new();
                match find_header(sheet, &shapes, &mut header_issues) {
                    Some(header) => {
                        issues.append(&mut header_issues);
                        here.push((file.clone(), sheet, header));
                    }
                    None if sheet.rows().iter().any(|r| r.iter().any(|c| !c.is_empty())) => {
                        missing.push(sheet.name().to_owned());
                    }
                    None => {}
                }
            }
            for sheet in missing {
                issues.push(if here.is_empty() {
                    no_header(&sheet, &shapes)
                } else {
                    CellRef::sheet(&sheet).issue(
                        IssueCode::TableSheetSkipped,
                        Path::root(),
                        Params::new(),
                    )
                });
            }
            if here.is_empty() && workbook.sheets().iter().all(|s| s.rows().is_empty()) {
                let sheet = workbook
                    .sheets()
                    .first()
                    .map_or_else(|| crate::grid::file_stem(file), |s| s.name().to_owned());
                if !issues.iter().any(|i| i.code == IssueCode::TableUnreadable) {
                    issues.push(no_header(&sheet, &shapes));
                }
            }
            found.extend(here);
        }

        let mut cells = CellMap::default();
        let mut document = match self.base {
            Some(Value::Object(map)) => map.clone(),
            _ => {
                let mut map = Map::new();
                map.insert("format_version".into(), Value::from(1));
                map
            }
        };
        let tables = found
            .iter()
            .map(|(file, sheet, header)| TableInfo {
                file: file.clone(),
                sheet: sheet.name().to_owned(),
                shape: header.shape,
                header_row: crate::text::row_number(header.row),
            })
            .collect();

        let cell_count: usize = found
            .iter()
            .map(|(_, sheet, _)| sheet.rows().iter().map(Vec::len).sum::<usize>())
            .sum();
        cells.reserve(cell_count + cell_count / 4);
        // A section's own issues (a year without funding…) point at its sheet.
        for (_, sheet, header) in &found {
            cells.insert(
                &Path::root().key(header.shape.section()),
                sheet.name(),
                None,
                None,
            );
        }

        // Parties first: the other tables name them.
        let mut parties = crate::parties::Parties::default();
        let mut read_parties = false;
        for (_, sheet, header) in found.iter().filter(|f| f.2.shape == Shape::Parties) {
            let mut ctx = Ctx {
                sheet,
                issues: &mut issues,
                cells: &mut cells,
            };
            parties.read(&mut ctx, header, self.resolver);
            read_parties = true;
        }
        if read_parties {
            document.insert("parties".into(), parties.into_value());
        }
        let known = crate::names::Known::of(&document);

        let mut funding = crate::funding::Funding::default();
        let mut read_funding = false;
        for (_, sheet, header) in found
            .iter()
            .filter(|f| matches!(f.2.shape, Shape::FundingWide | Shape::FundingLong))
        {
            let mut ctx = Ctx {
                sheet,
                issues: &mut issues,
                cells: &mut cells,
            };
            funding.read(&mut ctx, header, &known);
            read_funding = true;
        }
        if read_funding {
            document.insert("funding".into(), funding.into_value());
        }

        let mut sheets = crate::action_plan::ActionPlan::default();
        let mut read_plan = false;
        for (_, sheet, header) in found.iter().filter(|f| f.2.shape == Shape::ActionPlan) {
            let mut ctx = Ctx {
                sheet,
                issues: &mut issues,
                cells: &mut cells,
            };
            sheets.read(&mut ctx, header, &known);
            read_plan = true;
        }
        if read_plan {
            document.insert("action_sheets".into(), sheets.into_value());
        }

        Import {
            document: Value::Object(document),
            issues,
            cells,
            tables,
        }
    }
}

/// Reads one file with the default [`Importer`].
///
/// ```
/// let import = ctg_tables::import_table("Bénéficiaire;2024\nPasserelle;34 000\n".as_bytes(), "F.csv");
/// assert_eq!(import.document["funding"]["allocations"][0]["amounts"]["2024"], "34000.00");
/// ```
pub fn import_table(bytes: &[u8], name: &str) -> Import {
    Importer::new().import(&[(name, bytes)])
}
