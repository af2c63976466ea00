//! Funding tables in: wide (one row per beneficiary and facility, one column per year, a total
//! column and a total row) and long (one row per allocation and year).
//!
//! - A beneficiary is identified by the `Identifiant` column, else by its name (the same name on
//!   two rows is one beneficiary; its id is [`slug`](crate::slug) of the name, made unique).
//! - A row makes an allocation when it has an amount, a facility kind, a domain or a label; a row
//!   with only a beneficiary makes a beneficiary without allocation. An empty amount cell is no
//!   amount for that year (absent, not zero).
//! - The total row (its first text `Total`, `TOTAL GÉNÉRAL`, `Soit au total`…) is not a
//!   beneficiary: its cells become the declared totals (`declared.yearly`, and `declared.total`
//!   from the total column), each checked against the sum of its column. The total column is
//!   checked against the sum of each row and not imported (the model has no per-allocation
//!   total). Rows of text only below the total row are notes (`table.note_row`).
//! - Two rows of the same beneficiary, facility kind, domain and label (and, in the long shape,
//!   year) are a `table.duplicate_row` error: the second is not imported. Kinds and domains are
//!   compared as the document gets them (a known one as its code), labels exactly, as core tells
//!   allocations apart (`AllocationKey`): labels `accueil` and `accueil ;` are two allocations.

use std::collections::{BTreeMap, HashMap};

use ctg_core::{Amount, IssueCode, Params, Path};
use serde_json::{Map, Value};

use crate::header::{is_total_row, normalize, Field, Header, Shape};
use crate::names::Known;
use crate::values::{shorten, slug, AmountCell, Canon, Ctx};

struct Allocation {
    value: Map<String, Value>,
    amounts: Map<String, Value>,
    /// Row (1-based) of each year, for duplicates in the long shape.
    years: HashMap<String, u32>,
}

/// The funding section being built, across the funding tables of an import.
#[derive(Default)]
pub(crate) struct Funding {
    beneficiaries: Vec<Map<String, Value>>,
    /// Beneficiary id → index.
    ids: HashMap<String, usize>,
    /// Normalised name → id, for tables without an id column.
    names: HashMap<String, String>,
    allocations: Vec<Allocation>,
    /// (beneficiary id, facility kind, domain, label) → (allocation index, first row).
    keys: HashMap<(String, String, String, String), (usize, u32)>,
    yearly: BTreeMap<String, Value>,
    total: Option<Value>,
    /// Row of the total row already read (per table), for a second one.
    total_row: Option<u32>,
}

/// Sums of amounts, `None` once one could not be read (or the sum overflowed).
#[derive(Clone, Copy)]
struct Sum(Option<Amount>);

impl Sum {
    fn new() -> Sum {
        Sum(Some(Amount::ZERO))
    }

    fn add(&mut self, cell: &AmountCell) {
        match cell {
            AmountCell::Empty => {}
            AmountCell::Read(a) => self.0 = self.0.and_then(|s| s.checked_add(*a)),
            AmountCell::Bad(_) => self.0 = None,
        }
    }
}

fn amount_value(cell: AmountCell) -> Option<Value> {
    match cell {
        AmountCell::Empty => None,
        AmountCell::Read(a) => Some(Value::String(a.to_string())),
        AmountCell::Bad(text) => Some(Value::String(text)),
    }
}

impl Funding {
    pub(crate) fn read(&mut self, ctx: &mut Ctx<'_>, header: &Header, known: &Known) {
        self.total_row = None;
        match header.shape {
            Shape::FundingLong => self.read_long(ctx, header, known),
            _ => self.read_wide(ctx, header, known),
        }
    }

    /// The first text of a row among the columns that are not amounts, for the total row.
    fn first_text(ctx: &Ctx<'_>, header: &Header, row: usize) -> Option<String> {
        let mut columns: Vec<usize> = header
            .columns
            .iter()
            .filter(|(_, f)| {
                !matches!(
                    f,
                    Field::YearColumn(_) | Field::Total | Field::Amount | Field::Year
                )
            })
            .map(|(c, _)| *c)
            .collect();
        columns.sort_unstable();
        columns
            .into_iter()
            .map(|c| ctx.cell(row, c))
            .find(|c| !c.is_empty())
            .map(crate::cell::Cell::text)
    }

    fn row_is_empty(ctx: &Ctx<'_>, row: usize) -> bool {
        ctx.sheet
            .rows()
            .get(row)
            .is_none_or(|cells| cells.iter().all(crate::cell::Cell::is_empty))
    }

    /// The beneficiary of a row: its index, created when new. `None` (reported) when the row
    /// names none.
    fn beneficiary(
        &mut self,
        ctx: &mut Ctx<'_>,
        header: &Header,
        row: usize,
        known: &Known,
    ) -> Option<String> {
        let name_column = header.column(Field::Beneficiary)?;
        let id_column = header.column(Field::Id);
        let index = self.beneficiaries.len();
        let base = Path::root()
            .key("funding")
            .key("beneficiaries")
            .index(index);
        let name = ctx.text(row, name_column, &base.key("name"));
        let given_id = match id_column {
            Some(c) => ctx.text(row, c, &base.key("id")),
            None => None,
        };
        let Some(name) = name else {
            ctx.issue(
                IssueCode::TableCellMissing,
                row,
                name_column,
                base.key("name"),
                Params::new().with("field", Field::Beneficiary.word()),
            );
            return None;
        };
        let key = normalize(&name);
        let id = match given_id {
            Some(id) => id,
            None => match self.names.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let stem = match slug(&name) {
                        s if s.is_empty() => "beneficiaire".to_owned(),
                        s => s,
                    };
                    let mut id = stem.clone();
                    let mut n = 2;
                    while self.ids.contains_key(&id) {
                        id = format!("{stem}-{n}");
                        n += 1;
                    }
                    id
                }
            },
        };
        if self.ids.contains_key(&id) {
            return Some(id);
        }
        let mut b = Map::new();
        b.insert("id".into(), Value::String(id.clone()));
        b.insert("name".into(), Value::String(name));
        if id_column.is_none() {
            ctx.map(&base.key("id"), row, name_column);
        }
        if let Some(c) = header.column(Field::Siret) {
            if let Some(siret) = ctx.text(row, c, &base.key("siret")) {
                b.insert("siret".into(), Value::String(Canon::Siret.apply(&siret)));
            }
        }
        if let Some(c) = header.column(Field::Party) {
            if let Some(party) = ctx.text(row, c, &base.key("party")) {
                b.insert("party".into(), Value::String(known.party(&party)));
            }
        }
        ctx.map_row(&base, row);
        self.ids.insert(id.clone(), index);
        self.names.insert(key, id.clone());
        self.beneficiaries.push(b);
        Some(id)
    }

    /// The allocation of a row (beneficiary, facility kind, domain, label): its index, new or
    /// existing, and whether it existed (with its first row).
    fn allocation(
        &mut self,
        ctx: &mut Ctx<'_>,
        header: &Header,
        row: usize,
        beneficiary: &str,
    ) -> (usize, Option<u32>) {
        let index = self.allocations.len();
        let base = Path::root().key("funding").key("allocations").index(index);
        let mut value = Map::new();
        value.insert("beneficiary".into(), Value::String(beneficiary.to_owned()));
        let mut key_parts = [String::new(), String::new(), String::new()];
        for (field, name, slot, canon) in [
            (
                Field::FacilityKind,
                "facility_kind",
                0usize,
                Some(Canon::FacilityKind),
            ),
            (Field::Domain, "domain", 1, Some(Canon::Domain)),
            (Field::Label, "label", 2, None),
        ] {
            if let Some(c) = header.column(field) {
                if let Some(text) = ctx.text(row, c, &base.key(name)) {
                    let text = canon.map_or(text.clone(), |k| k.apply(&text));
                    // The allocation's identity is core's (`AllocationKey`): the texts as they
                    // go into the document (known kinds and domains as their codes), not their
                    // normalised forms — labels `A` and `A ;` are two allocations.
                    if let Some(part) = key_parts.get_mut(slot) {
                        part.clone_from(&text);
                    }
                    value.insert(name.into(), Value::String(text));
                }
            }
        }
        let [kind, domain, label] = key_parts;
        let key = (beneficiary.to_owned(), kind, domain, label);
        if let Some(&(existing, first)) = self.keys.get(&key) {
            return (existing, Some(first));
        }
        if header.column(Field::FacilityKind).is_none() {
            ctx.map_row(&base.key("facility_kind"), row);
        }
        ctx.map_row(&base, row);
        self.keys.insert(key, (index, crate::text::row_number(row)));
        self.allocations.push(Allocation {
            value,
            amounts: Map::new(),
            years: HashMap::new(),
        });
        (index, None)
    }

    fn has_allocation_data(ctx: &Ctx<'_>, header: &Header, row: usize) -> bool {
        [Field::FacilityKind, Field::Domain, Field::Label]
            .iter()
            .filter_map(|f| header.column(*f))
            .any(|c| !ctx.cell(row, c).is_empty())
    }

    fn read_wide(&mut self, ctx: &mut Ctx<'_>, header: &Header, known: &Known) {
        let years = header.years();
        let total_column = header.column(Field::Total);
        let name_column = header.column(Field::Beneficiary).unwrap_or(0);
        let mut column_sums: Vec<Sum> = years.iter().map(|_| Sum::new()).collect();
        let mut grand = Sum::new();
        let mut data_rows = 0usize;
        let rows = ctx.sheet.rows().len();
        for row in header.row + 1..rows {
            if Funding::row_is_empty(ctx, row) {
                continue;
            }
            let has_amounts = years
                .iter()
                .map(|(c, _)| *c)
                .chain(total_column)
                .any(|c| !ctx.cell(row, c).is_empty());
            let first = Funding::first_text(ctx, header, row);
            if first.as_deref().is_some_and(is_total_row) {
                self.total_row_wide(ctx, header, row, &years, &column_sums, grand);
                continue;
            }
            if self.total_row.is_some() && !has_amounts {
                Funding::note(ctx, row);
                continue;
            }
            data_rows += 1;
            let Some(beneficiary) = self.beneficiary(ctx, header, row, known) else {
                continue;
            };
            if !has_amounts && !Funding::has_allocation_data(ctx, header, row) {
                continue;
            }
            let (index, existing) = self.allocation(ctx, header, row, &beneficiary);
            if let Some(first) = existing {
                Funding::duplicate(ctx, row, name_column, &beneficiary, first);
                continue;
            }
            let base = Path::root().key("funding").key("allocations").index(index);
            let mut row_sum = Sum::new();
            for ((column, year), sum) in years.iter().zip(column_sums.iter_mut()) {
                let path = base.key("amounts").key(year.to_string());
                let cell = ctx.amount(row, *column, &path);
                row_sum.add(&cell);
                sum.add(&cell);
                grand.add(&cell);
                if let Some(value) = amount_value(cell) {
                    if let Some(a) = self.allocations.get_mut(index) {
                        a.amounts.insert(year.to_string(), value);
                    }
                }
            }
            if let Some(column) = total_column {
                let path = base.key("total");
                let cell = ctx.amount(row, column, &path);
                if let (AmountCell::Read(declared), Some(computed)) = (&cell, row_sum.0) {
                    if *declared != computed {
                        ctx.issue(
                            IssueCode::TableTotalColumnMismatch,
                            row,
                            column,
                            Path::root(),
                            Params::new()
                                .with("text", ctx.cell(row, column).text())
                                .with("declared", *declared)
                                .with("computed", computed),
                        );
                    }
                }
            }
        }
        if data_rows == 0 && self.total_row.is_none() {
            Funding::empty(ctx, header);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn total_row_wide(
        &mut self,
        ctx: &mut Ctx<'_>,
        header: &Header,
        row: usize,
        years: &[(usize, i32)],
        sums: &[Sum],
        grand: Sum,
    ) {
        let label_column = header.column(Field::Beneficiary).unwrap_or(0);
        if let Some(first) = self.total_row {
            Funding::duplicate(ctx, row, label_column, "Total", first);
            return;
        }
        self.total_row = Some(crate::text::row_number(row));
        let declared = Path::root().key("funding").key("declared");
        for ((column, year), sum) in years.iter().zip(sums) {
            let path = declared.key("yearly").key(year.to_string());
            let cell = ctx.amount(row, *column, &path);
            Funding::check_total(ctx, row, *column, &cell, *sum);
            if let Some(value) = amount_value(cell) {
                self.yearly.insert(year.to_string(), value);
            }
        }
        if let Some(column) = header.column(Field::Total) {
            let cell = ctx.amount(row, column, &declared.key("total"));
            Funding::check_total(ctx, row, column, &cell, grand);
            if let Some(value) = amount_value(cell) {
                self.total = Some(value);
            }
        }
    }

    fn check_total(ctx: &mut Ctx<'_>, row: usize, column: usize, cell: &AmountCell, sum: Sum) {
        if let (AmountCell::Read(declared), Some(computed)) = (cell, sum.0) {
            if *declared != computed {
                let text = ctx.cell(row, column).text();
                ctx.issue(
                    IssueCode::TableTotalRowMismatch,
                    row,
                    column,
                    Path::root(),
                    Params::new()
                        .with("text", text)
                        .with("declared", *declared)
                        .with("computed", computed),
                );
            }
        }
    }

    fn note(ctx: &mut Ctx<'_>, row: usize) {
        let text: Vec<String> = ctx
            .sheet
            .rows()
            .get(row)
            .map(|cells| {
                cells
                    .iter()
                    .filter(|c| !c.is_empty())
                    .map(crate::cell::Cell::text)
                    .collect()
            })
            .unwrap_or_default();
        let issue = ctx.row_ref(row).issue(
            IssueCode::TableNoteRow,
            Path::root(),
            Params::new().with("text", shorten(&text.join(" / "))),
        );
        ctx.issues.push(issue);
    }

    fn duplicate(ctx: &mut Ctx<'_>, row: usize, column: usize, text: &str, first: u32) {
        ctx.issue(
            IssueCode::TableDuplicateRow,
            row,
            column,
            Path::root(),
            Params::new()
                .with("text", shorten(text))
                .with("first", first),
        );
    }

    fn empty(ctx: &mut Ctx<'_>, header: &Header) {
        let issue =
            ctx.row_ref(header.row)
                .issue(IssueCode::TableEmpty, Path::root(), Params::new());
        ctx.issues.push(issue);
    }

    fn read_long(&mut self, ctx: &mut Ctx<'_>, header: &Header, known: &Known) {
        let (Some(year_column), Some(amount_column)) =
            (header.column(Field::Year), header.column(Field::Amount))
        else {
            return;
        };
        let name_column = header.column(Field::Beneficiary).unwrap_or(0);
        let mut data_rows = 0usize;
        let rows = ctx.sheet.rows().len();
        for row in header.row + 1..rows {
            if Funding::row_is_empty(ctx, row) {
                continue;
            }
            let first = Funding::first_text(ctx, header, row);
            let year_path = Path::root().key("funding").key("declared");
            if first.as_deref().is_some_and(is_total_row) {
                let year = ctx.text(row, year_column, &year_path.key("yearly"));
                match year {
                    Some(year) => {
                        let year = year_key(&year);
                        let path = year_path.key("yearly").key(year.clone());
                        if let Some(value) = amount_value(ctx.amount(row, amount_column, &path)) {
                            if self.yearly.contains_key(&year) {
                                Funding::duplicate(ctx, row, name_column, "Total", 0);
                            }
                            self.yearly.insert(year, value);
                        }
                    }
                    None => {
                        let path = year_path.key("total");
                        if let Some(value) = amount_value(ctx.amount(row, amount_column, &path)) {
                            self.total = Some(value);
                        }
                    }
                }
                continue;
            }
            data_rows += 1;
            let Some(beneficiary) = self.beneficiary(ctx, header, row, known) else {
                continue;
            };
            let nothing =
                ctx.cell(row, year_column).is_empty() && ctx.cell(row, amount_column).is_empty();
            if nothing && !Funding::has_allocation_data(ctx, header, row) {
                continue;
            }
            let (index, _) = self.allocation(ctx, header, row, &beneficiary);
            let base = Path::root().key("funding").key("allocations").index(index);
            let Some(year) = ctx.text(row, year_column, &base.key("amounts")) else {
                if !ctx.cell(row, amount_column).is_empty() {
                    ctx.issue(
                        IssueCode::TableCellMissing,
                        row,
                        year_column,
                        base.key("amounts"),
                        Params::new().with("field", Field::Year.word()),
                    );
                }
                continue;
            };
            let year = year_key(&year);
            let path = base.key("amounts").key(year.clone());
            ctx.map(&path, row, amount_column);
            let first = self
                .allocations
                .get(index)
                .and_then(|a| a.years.get(&year).copied());
            if let Some(first) = first {
                Funding::duplicate(ctx, row, name_column, &beneficiary, first);
                continue;
            }
            let cell = ctx.amount(row, amount_column, &path);
            if let Some(value) = amount_value(cell) {
                if let Some(a) = self.allocations.get_mut(index) {
                    a.amounts.insert(year.clone(), value);
                    a.years.insert(year, crate::text::row_number(row));
                }
            }
        }
        if data_rows == 0 && self.yearly.is_empty() && self.total.is_none() {
            Funding::empty(ctx, header);
        }
    }

    pub(crate) fn into_value(self) -> Value {
        let mut funding = Map::new();
        funding.insert(
            "beneficiaries".into(),
            Value::Array(self.beneficiaries.into_iter().map(Value::Object).collect()),
        );
        funding.insert(
            "allocations".into(),
            Value::Array(
                self.allocations
                    .into_iter()
                    .map(|a| {
                        let mut value = a.value;
                        value.insert("amounts".into(), Value::Object(a.amounts));
                        Value::Object(value)
                    })
                    .collect(),
            ),
        );
        let mut declared = Map::new();
        if !self.yearly.is_empty() {
            declared.insert(
                "yearly".into(),
                Value::Object(self.yearly.into_iter().collect()),
            );
        }
        if let Some(total) = self.total {
            declared.insert("total".into(), total);
        }
        if !declared.is_empty() {
            funding.insert("declared".into(), Value::Object(declared));
        }
        Value::Object(funding)
    }
}

/// A year as a key: `2024` from `2024`, `2024.0` (a number cell) or ` 2024 `; anything else as
/// written, for validation to refuse.
fn year_key(text: &str) -> String {
    let t = text.trim();
    match t.strip_suffix(".0") {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => y.to_owned(),
        _ => t.to_owned(),
    }
}
