//! Tables out: the same shapes the importer reads, as CSV or `.xlsx`, with French or English
//! headers and labels.
//!
//! - **CSV**: French is `;`-separated with a decimal comma (`40800,00`, no thousands separator,
//!   which Excel in French reads as a number), dates `DD/MM/YYYY`, UTF-8 with a byte order mark
//!   (so that Excel opens it as UTF-8), CRLF line ends; English is `,`-separated with a decimal
//!   point, ISO dates, UTF-8 without a byte order mark. Values are written as they are: a text
//!   starting with `=` is not escaped (escaping would change it).
//! - **`.xlsx`**: one sheet per table (`Financement`, `Plan d’actions`, `Parties`), a bold frozen
//!   header, money as numbers with two decimals in a real currency format (`#,##0.00 "€"`),
//!   dates as dates, and the totals as `SUM` formulas whose computed values are stored too (a
//!   reader that does not compute sees them). Byte-for-byte reproducible (fixed creation date).
//! - **Totals**: the wide funding table has a `Total` column (each row's sum) and a `Total` row
//!   (each year's declared total, or the sum when none is declared; the declared total of the
//!   period, or the sum). Reading it back, the total row gives the declared totals: a convention
//!   that declares none comes back declaring the sums.
//! - Optional columns that no row fills are left out.

use chrono::NaiveDate;
use ctg_core::render::Label;
use ctg_core::{Amount, Convention, Lang};

use crate::header::Shape;

/// A cell to write.
///
/// ```
/// use ctg_core::{Convention, Lang};
/// use ctg_tables::{Exporter, OutCell, Shape};
/// let table = Exporter::new(Lang::Fr).table(&Convention::sample(), Shape::FundingWide);
/// assert_eq!(table.rows[1][1], OutCell::Text("La Petite Loco".into()));
/// assert!(matches!(table.rows[1][9], OutCell::Sum { .. })); // the row's total
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum OutCell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// An integer (an action sheet number).
    Int(i64),
    /// Money.
    Amount(Amount),
    /// A date.
    Date(NaiveDate),
    /// The sum of a block of cells (0-based, inclusive), with its value.
    Sum {
        /// The sum.
        value: Amount,
        /// First row and column.
        from: (u32, u32),
        /// Last row and column.
        to: (u32, u32),
    },
}

impl OutCell {
    fn text(s: impl Into<String>) -> OutCell {
        let s = s.into();
        if s.is_empty() {
            OutCell::Empty
        } else {
            OutCell::Text(s)
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, OutCell::Empty)
    }
}

/// A table to write: a sheet name, a header and rows.
///
/// ```
/// use ctg_core::{Convention, Lang};
/// use ctg_tables::{Exporter, Shape};
/// let table = Exporter::new(Lang::Fr).table(&Convention::sample(), Shape::FundingWide);
/// assert_eq!(table.sheet, "Financement");
/// assert_eq!(table.header[1], "Bénéficiaire");
/// assert_eq!(table.rows.len(), 10); // 9 allocations and the total row
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OutTable {
    /// The sheet's name.
    pub sheet: String,
    /// Column headers.
    pub header: Vec<String>,
    /// The rows below the header.
    pub rows: Vec<Vec<OutCell>>,
}

/// Why a workbook could not be written (the `.xlsx` writer's own error, as text).
///
/// ```
/// let err = ctg_tables::ExportError("bad".into());
/// assert_eq!(err.to_string(), "cannot write the workbook: bad");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError(pub String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the workbook: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> ExportError {
        ExportError(e.to_string())
    }
}

/// Writes a convention's tables.
///
/// ```
/// use ctg_core::{Convention, Lang};
/// use ctg_tables::{Exporter, Shape};
/// let csv = Exporter::new(Lang::Fr).csv(&Convention::sample(), Shape::FundingWide);
/// let text = String::from_utf8(csv).unwrap();
/// assert!(text.starts_with("\u{feff}Identifiant;Bénéficiaire;Partie;Équipement;"));
/// assert!(text.contains(";40800,00;40800,00;40800,00;122400,00\r\n"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exporter {
    lang: Lang,
    funding: Shape,
}

impl Exporter {
    /// An exporter writing in `lang`, funding in the wide shape.
    ///
    /// ```
    /// let _ = ctg_tables::Exporter::new(ctg_core::Lang::En);
    /// ```
    pub fn new(lang: Lang) -> Exporter {
        Exporter {
            lang,
            funding: Shape::FundingWide,
        }
    }

    /// The same exporter writing funding in this shape (`FundingWide` or `FundingLong`) in
    /// workbooks.
    ///
    /// ```
    /// use ctg_tables::{Exporter, Shape};
    /// let e = Exporter::new(ctg_core::Lang::Fr).funding_shape(Shape::FundingLong);
    /// let book = e.xlsx(&ctg_core::Convention::sample()).unwrap();
    /// assert!(book.starts_with(b"PK"));
    /// ```
    pub fn funding_shape(mut self, shape: Shape) -> Exporter {
        if matches!(shape, Shape::FundingWide | Shape::FundingLong) {
            self.funding = shape;
        }
        self
    }

    fn label(&self, label: Label) -> String {
        label.text(self.lang).to_owned()
    }

    /// The table of one shape (`None` of a funding shape when the convention has no funding).
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// use ctg_tables::{Exporter, Shape};
    /// let t = Exporter::new(Lang::En).table(&Convention::sample(), Shape::ActionPlan);
    /// assert_eq!(t.header[..2], ["No.".to_string(), "Title".to_string()]);
    /// assert_eq!(t.rows.len(), 16);
    /// ```
    pub fn table(&self, conv: &Convention, shape: Shape) -> OutTable {
        let table = match shape {
            Shape::FundingWide => self.funding_wide(conv),
            Shape::FundingLong => self.funding_long(conv),
            Shape::ActionPlan => self.action_plan(conv),
            Shape::Parties => self.parties(conv),
        };
        drop_empty_columns(table)
    }

    fn funding_wide(&self, conv: &Convention) -> OutTable {
        let years: Vec<ctg_core::Year> = conv.years().collect();
        let mut header: Vec<(String, bool)> = [
            (Label::Identifier, true),
            (Label::Beneficiary, true),
            (Label::Siret, false),
            (Label::Party, false),
            (Label::FacilityKind, true),
            (Label::Domain, false),
            (Label::Label, false),
        ]
        .iter()
        .map(|(l, keep)| (self.label(*l), *keep))
        .collect();
        let first_year = header.len() as u32;
        header.extend(years.iter().map(|y| (y.to_string(), true)));
        header.push((self.label(Label::Total), true));
        let last_year = first_year + years.len().saturating_sub(1) as u32;
        let mut rows = Vec::new();
        if let Some(funding) = conv.funding() {
            let mut order = Order::of(funding);
            for allocation in funding.allocations() {
                let b = funding.beneficiary(allocation.beneficiary());
                for row in self.unfunded_before(funding, Some(allocation.beneficiary()), &mut order)
                {
                    let mut row = row;
                    row.resize(header.len(), OutCell::Empty);
                    rows.push(row);
                }
                let r = rows.len() as u32 + 1;
                let mut row = self.beneficiary_cells(allocation.beneficiary(), b);
                row.push(OutCell::text(allocation.facility_kind().label(self.lang)));
                row.push(
                    allocation
                        .domain()
                        .map_or(OutCell::Empty, |d| OutCell::text(d.label(self.lang))),
                );
                row.push(allocation.label().map_or(OutCell::Empty, OutCell::text));
                let mut sum = Some(Amount::ZERO);
                for year in &years {
                    let amount = allocation.amounts().get(year);
                    match amount {
                        Some(a) => {
                            sum = sum.and_then(|s| s.checked_add(*a));
                            row.push(OutCell::Amount(*a));
                        }
                        None => row.push(OutCell::Empty),
                    }
                }
                row.push(match sum {
                    Some(value) if !allocation.amounts().is_empty() => OutCell::Sum {
                        value,
                        from: (r, first_year),
                        to: (r, last_year),
                    },
                    _ => OutCell::Empty,
                });
                rows.push(row);
            }
            for mut row in self.unfunded_before(funding, None, &mut order) {
                row.resize(header.len(), OutCell::Empty);
                rows.push(row);
            }
            let data_rows = rows.len() as u32;
            let totals = conv.totals();
            let declared = funding.declared();
            let mut total = vec![OutCell::Empty, OutCell::text(self.label(Label::Total))];
            total.resize(first_year as usize, OutCell::Empty);
            for (i, year) in years.iter().enumerate() {
                let y = *year;
                let computed = totals.as_ref().and_then(|t| t.by_year.get(&y).copied());
                let value = declared.yearly().get(&y).copied().or(computed);
                let column = first_year + i as u32;
                total.push(match value {
                    Some(value) if data_rows > 0 => OutCell::Sum {
                        value,
                        from: (1, column),
                        to: (data_rows, column),
                    },
                    Some(value) => OutCell::Amount(value),
                    None => OutCell::Empty,
                });
            }
            let grand = declared
                .total()
                .or_else(|| totals.as_ref().map(|t| t.total));
            total.push(match grand {
                Some(value) if data_rows > 0 => OutCell::Sum {
                    value,
                    from: (1, last_year + 1),
                    to: (data_rows, last_year + 1),
                },
                Some(value) => OutCell::Amount(value),
                None => OutCell::Empty,
            });
            rows.push(total);
        }
        keep(
            OutTable {
                sheet: self.label(Label::FundingSheet),
                header: header.iter().map(|(h, _)| h.clone()).collect(),
                rows,
            },
            &header,
        )
    }

    /// The rows of the beneficiaries without allocation that come before `next` in the
    /// beneficiaries' order and are not written yet (all those left when `next` is `None`):
    /// beneficiaries read back in their order when allocations follow it.
    fn unfunded_before(
        &self,
        funding: &ctg_core::Funding,
        next: Option<&str>,
        order: &mut Order,
    ) -> Vec<Vec<OutCell>> {
        let until = match next {
            Some(id) => order.position.get(id).copied().unwrap_or(0),
            None => funding.beneficiaries().len(),
        };
        let mut rows = Vec::new();
        while order.cursor < until {
            if let Some(b) = funding.beneficiaries().get(order.cursor) {
                if !order.funded.contains(b.id()) {
                    rows.push(self.beneficiary_cells(b.id(), Some(b)));
                }
            }
            order.cursor += 1;
        }
        rows
    }

    fn beneficiary_cells(&self, id: &str, b: Option<&ctg_core::Beneficiary>) -> Vec<OutCell> {
        vec![
            OutCell::text(id),
            b.map_or(OutCell::Empty, |b| OutCell::text(b.name())),
            b.and_then(|b| b.siret())
                .map_or(OutCell::Empty, |s| OutCell::text(s.as_str())),
            b.and_then(|b| b.party())
                .map_or(OutCell::Empty, OutCell::text),
        ]
    }

    fn funding_long(&self, conv: &Convention) -> OutTable {
        let header: Vec<(String, bool)> = [
            (Label::Identifier, true),
            (Label::Beneficiary, true),
            (Label::Siret, false),
            (Label::Party, false),
            (Label::FacilityKind, true),
            (Label::Domain, false),
            (Label::Label, false),
            (Label::Year, true),
            (Label::Amount, true),
        ]
        .iter()
        .map(|(l, keep)| (self.label(*l), *keep))
        .collect();
        let mut rows = Vec::new();
        if let Some(funding) = conv.funding() {
            let mut order = Order::of(funding);
            for allocation in funding.allocations() {
                for mut row in
                    self.unfunded_before(funding, Some(allocation.beneficiary()), &mut order)
                {
                    row.resize(header.len(), OutCell::Empty);
                    rows.push(row);
                }
                let b = funding.beneficiary(allocation.beneficiary());
                let mut base = self.beneficiary_cells(allocation.beneficiary(), b);
                base.push(OutCell::text(allocation.facility_kind().label(self.lang)));
                base.push(
                    allocation
                        .domain()
                        .map_or(OutCell::Empty, |d| OutCell::text(d.label(self.lang))),
                );
                base.push(allocation.label().map_or(OutCell::Empty, OutCell::text));
                if allocation.amounts().is_empty() {
                    let mut row = base.clone();
                    row.extend([OutCell::Empty, OutCell::Empty]);
                    rows.push(row);
                }
                for (year, amount) in allocation.amounts() {
                    let mut row = base.clone();
                    row.push(OutCell::Int(i64::from(*year)));
                    row.push(OutCell::Amount(*amount));
                    rows.push(row);
                }
            }
            for mut row in self.unfunded_before(funding, None, &mut order) {
                row.resize(header.len(), OutCell::Empty);
                rows.push(row);
            }
            let totals = conv.totals();
            let declared = funding.declared();
            let mut years: Vec<ctg_core::Year> = declared.yearly().keys().copied().collect();
            if let Some(t) = &totals {
                years.extend(t.by_year.keys().copied());
            }
            years.sort_unstable();
            years.dedup();
            let total_row = |year: Option<ctg_core::Year>, value: Amount| {
                let mut row = vec![OutCell::Empty, OutCell::text(self.label(Label::Total))];
                row.resize(7, OutCell::Empty);
                row.push(year.map_or(OutCell::Empty, |y| OutCell::Int(i64::from(y))));
                row.push(OutCell::Amount(value));
                row
            };
            for year in years {
                let computed = totals.as_ref().and_then(|t| t.by_year.get(&year).copied());
                if let Some(value) = declared.yearly().get(&year).copied().or(computed) {
                    rows.push(total_row(Some(year), value));
                }
            }
            if let Some(value) = declared.total().or_else(|| totals.map(|t| t.total)) {
                rows.push(total_row(None, value));
            }
        }
        keep(
            OutTable {
                sheet: self.label(Label::FundingSheet),
                header: header.iter().map(|(h, _)| h.clone()).collect(),
                rows,
            },
            &header,
        )
    }

    fn action_plan(&self, conv: &Convention) -> OutTable {
        let labels = [
            Label::Number,
            Label::Title,
            Label::Domains,
            Label::ObjectiveIds,
            Label::Lead,
            Label::Partners,
            Label::TargetPublic,
            Label::Communes,
            Label::Start,
            Label::End,
            Label::Status,
            Label::Budget,
            Label::Indicators,
        ];
        let header: Vec<(String, bool)> = labels
            .iter()
            .map(|l| (self.label(*l), matches!(l, Label::Number | Label::Title)))
            .collect();
        let join = |items: Vec<String>| OutCell::text(join_list(&items, true));
        let join_texts = |items: Vec<String>| OutCell::text(join_list(&items, false));
        let rows = conv
            .action_sheets()
            .iter()
            .map(|s| {
                let schedule = s.schedule();
                vec![
                    OutCell::Int(i64::from(s.number())),
                    OutCell::text(s.title()),
                    join(
                        s.domains()
                            .iter()
                            .map(|d| d.label(self.lang).to_owned())
                            .collect(),
                    ),
                    join(s.objectives().to_vec()),
                    s.lead().map_or(OutCell::Empty, OutCell::text),
                    join_texts(s.partners().to_vec()),
                    s.target_public().map_or(OutCell::Empty, OutCell::text),
                    join(s.communes().iter().map(|c| c.to_string()).collect()),
                    schedule
                        .and_then(|s| s.start())
                        .map_or(OutCell::Empty, OutCell::Date),
                    schedule
                        .and_then(|s| s.end())
                        .map_or(OutCell::Empty, OutCell::Date),
                    OutCell::text(s.status().label(self.lang)),
                    s.budget().map_or(OutCell::Empty, OutCell::Amount),
                    join_texts(s.indicators().iter().map(|i| i.name().to_owned()).collect()),
                ]
            })
            .collect();
        keep(
            OutTable {
                sheet: self.label(Label::ActionPlan),
                header: header.iter().map(|(h, _)| h.clone()).collect(),
                rows,
            },
            &header,
        )
    }

    fn parties(&self, conv: &Convention) -> OutTable {
        let labels = [
            Label::Identifier,
            Label::Name,
            Label::Kind,
            Label::Role,
            Label::Insee,
            Label::Siren,
            Label::Siret,
            Label::Departement,
            Label::Members,
            Label::DeliberationDate,
            Label::Aliases,
        ];
        let header: Vec<(String, bool)> = labels
            .iter()
            .map(|l| {
                let keep = matches!(
                    l,
                    Label::Identifier | Label::Name | Label::Kind | Label::Role
                );
                (self.label(*l), keep)
            })
            .collect();
        let rows = conv
            .parties()
            .iter()
            .map(|p| {
                vec![
                    OutCell::text(p.id()),
                    OutCell::text(p.name()),
                    OutCell::text(p.kind().label(self.lang)),
                    OutCell::text(p.role().label(self.lang)),
                    p.insee()
                        .map_or(OutCell::Empty, |v| OutCell::text(v.as_str())),
                    p.siren()
                        .map_or(OutCell::Empty, |v| OutCell::text(v.as_str())),
                    p.siret()
                        .map_or(OutCell::Empty, |v| OutCell::text(v.as_str())),
                    p.departement()
                        .map_or(OutCell::Empty, |v| OutCell::text(v.as_str())),
                    OutCell::text(join_list(
                        &p.members()
                            .iter()
                            .map(|m| m.to_string())
                            .collect::<Vec<_>>(),
                        true,
                    )),
                    p.deliberation_date().map_or(OutCell::Empty, OutCell::Date),
                    OutCell::text(join_list(p.aliases(), false)),
                ]
            })
            .collect();
        keep(
            OutTable {
                sheet: self.label(Label::Parties),
                header: header.iter().map(|(h, _)| h.clone()).collect(),
                rows,
            },
            &header,
        )
    }

    /// One table as CSV bytes (see the module documentation for the French and English
    /// writings).
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// use ctg_tables::{Exporter, Shape};
    /// let csv = Exporter::new(Lang::En).csv(&Convention::sample(), Shape::FundingLong);
    /// let text = String::from_utf8(csv).unwrap();
    /// assert!(text.starts_with("Id,Beneficiary,Party,Facility kind,"));
    /// assert!(text.contains(",2024,40800.00\r\n"));
    /// ```
    pub fn csv(&self, conv: &Convention, shape: Shape) -> Vec<u8> {
        let table = self.table(conv, shape);
        let (sep, bom) = match self.lang {
            Lang::Fr => (';', "\u{feff}"),
            Lang::En => (',', ""),
        };
        let mut out = String::from(bom);
        let line = |cells: Vec<String>| -> String {
            cells
                .iter()
                .map(|c| quote(c, sep))
                .collect::<Vec<_>>()
                .join(&sep.to_string())
        };
        out.push_str(&line(table.header.clone()));
        out.push_str("\r\n");
        for row in &table.rows {
            out.push_str(&line(row.iter().map(|c| self.csv_text(c)).collect()));
            out.push_str("\r\n");
        }
        out.into_bytes()
    }

    fn csv_text(&self, cell: &OutCell) -> String {
        let money = |a: &Amount| match self.lang {
            Lang::Fr => a.to_string().replace('.', ","),
            Lang::En => a.to_string(),
        };
        match cell {
            OutCell::Empty => String::new(),
            OutCell::Text(s) => s.clone(),
            OutCell::Int(i) => i.to_string(),
            OutCell::Amount(a) | OutCell::Sum { value: a, .. } => money(a),
            OutCell::Date(d) => ctg_core::render::date(*d, self.lang),
        }
    }

    /// The convention's tables as an `.xlsx` workbook: the funding (in the exporter's shape)
    /// when there is one, the action plan (its header alone when it has no sheet) and the parties.
    ///
    /// # Errors
    /// The writer's own error (it has none on the tables ctg builds; a sheet name or a cell past
    /// Excel's limits would be one).
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let book = ctg_tables::Exporter::new(Lang::Fr).xlsx(&Convention::sample())?;
    /// let read = ctg_tables::read_table(&book, "ctg.xlsx");
    /// let names: Vec<&str> = read.workbook.sheets().iter().map(|s| s.name()).collect();
    /// assert_eq!(names, ["Financement", "Plan d’actions", "Parties"]);
    /// # Ok::<(), ctg_tables::ExportError>(())
    /// ```
    pub fn xlsx(&self, conv: &Convention) -> Result<Vec<u8>, ExportError> {
        self.xlsx_tables(conv, &[self.funding, Shape::ActionPlan, Shape::Parties])
    }

    /// The chosen tables of a convention as an `.xlsx` workbook, a sheet each in the order given:
    /// a funding shape (`FundingWide` or `FundingLong`, whatever [`Exporter::funding_shape`]
    /// says) is left out when the convention has no funding section, an action plan without
    /// sheets is its header alone. [`Exporter::xlsx`] is this with the funding, the action plan
    /// and the parties.
    ///
    /// # Errors
    /// No table to write (none given, or only funding of a convention without any), a table
    /// given twice (two sheets of one name), or the writer's own error.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// use ctg_tables::{Exporter, Shape};
    /// let conv = Convention::sample();
    /// let book = Exporter::new(Lang::En).xlsx_tables(&conv, &[Shape::Parties, Shape::FundingLong])?;
    /// let read = ctg_tables::read_table(&book, "ctg.xlsx");
    /// let names: Vec<&str> = read.workbook.sheets().iter().map(|s| s.name()).collect();
    /// assert_eq!(names, ["Parties", "Funding"]);
    /// assert_eq!(read.workbook.sheets()[1].cell(0, 6).text(), "Year"); // long, as asked
    /// assert!(Exporter::new(Lang::En).xlsx_tables(&conv, &[]).is_err());
    /// # Ok::<(), ctg_tables::ExportError>(())
    /// ```
    pub fn xlsx_tables(&self, conv: &Convention, shapes: &[Shape]) -> Result<Vec<u8>, ExportError> {
        let mut tables: Vec<OutTable> = Vec::new();
        for &shape in shapes {
            let funding = matches!(shape, Shape::FundingWide | Shape::FundingLong);
            if funding && conv.funding().is_none() {
                continue;
            }
            let table = self.table(conv, shape);
            if tables.iter().any(|t| t.sheet == table.sheet) {
                return Err(ExportError(format!(
                    "the sheet {:?} is given twice",
                    table.sheet
                )));
            }
            tables.push(table);
        }
        if tables.is_empty() {
            return Err(ExportError("no table to write".to_owned()));
        }
        crate::xlsx::write(&tables, self.lang)
    }
}

/// Where the rows of beneficiaries without allocation go: before the first allocation of the
/// next beneficiary in the beneficiaries' order.
struct Order {
    position: std::collections::HashMap<String, usize>,
    funded: std::collections::HashSet<String>,
    cursor: usize,
}

impl Order {
    fn of(funding: &ctg_core::Funding) -> Order {
        Order {
            position: funding
                .beneficiaries()
                .iter()
                .enumerate()
                .map(|(i, b)| (b.id().to_owned(), i))
                .collect(),
            funded: funding
                .allocations()
                .iter()
                .map(|a| a.beneficiary().to_owned())
                .collect(),
            cursor: 0,
        }
    }
}

/// Quotes a CSV cell when it holds the separator, a quote, a line break or surrounding space.
/// A list in one cell: its items joined by `"; "`, each one that holds a separator of the list
/// (`;`, a line break, and `,` when `commas`) or starts with a quote written between double
/// quotes, a quote inside doubled (`"A; B"`), so that it reads back as one item
/// (`values::split_list`).
fn join_list(items: &[String], commas: bool) -> String {
    items
        .iter()
        .map(|item| {
            if item.trim_start().starts_with('"')
                || item
                    .chars()
                    .any(|c| crate::values::is_list_separator(c, commas))
            {
                format!("\"{}\"", item.replace('"', "\"\""))
            } else {
                item.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn quote(cell: &str, sep: char) -> String {
    let needs = cell.contains(sep)
        || cell.contains('"')
        || cell.contains('\n')
        || cell.contains('\r')
        || cell.starts_with(' ')
        || cell.ends_with(' ');
    if needs {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// Marks which columns must be kept even when empty (the others are dropped when no row fills
/// them): carried in a header suffix until [`drop_empty_columns`].
fn keep(mut table: OutTable, header: &[(String, bool)]) -> OutTable {
    table.header = header
        .iter()
        .map(|(h, keep)| {
            if *keep {
                format!("{h}\u{0}")
            } else {
                h.clone()
            }
        })
        .collect();
    table
}

fn drop_empty_columns(table: OutTable) -> OutTable {
    let keep: Vec<bool> = table
        .header
        .iter()
        .enumerate()
        .map(|(c, h)| {
            h.ends_with('\u{0}')
                || table
                    .rows
                    .iter()
                    .any(|r| r.get(c).is_some_and(|cell| !cell.is_empty()))
        })
        .collect();
    // Sums point at columns: renumber them.
    let new_index: Vec<Option<u32>> = {
        let mut next = 0u32;
        keep.iter()
            .map(|&k| {
                if k {
                    next += 1;
                    Some(next - 1)
                } else {
                    None
                }
            })
            .collect()
    };
    let renumber = |c: u32| new_index.get(c as usize).copied().flatten().unwrap_or(c);
    let header = table
        .header
        .into_iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(h, _)| h.trim_end_matches('\u{0}').to_owned())
        .collect();
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(cell, _)| match cell {
                    OutCell::Sum { value, from, to } => OutCell::Sum {
                        value,
                        from: (from.0, renumber(from.1)),
                        to: (to.0, renumber(to.1)),
                    },
                    other => other,
                })
                .collect()
        })
        .collect();
    OutTable {
        sheet: table.sheet,
        header,
        rows,
    }
}
