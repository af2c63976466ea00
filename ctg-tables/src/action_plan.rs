//! Action plans in: one row per action sheet. Lists (domains, objectives, partners, communes,
//! indicators) are written in one cell, items separated by `;` or line breaks (and `,` for codes:
//! domains, objectives, communes). A lead and objectives may be given by id, or by the name or
//! title the document (or the parties table beside it) gives them. Indicators are read by name.

use ctg_core::{IssueCode, Params, Path};
use serde_json::{Map, Value};

use crate::header::{Field, Header};
use crate::names::Known;
use crate::values::{Canon, Ctx};

#[derive(Default)]
pub(crate) struct ActionPlan {
    sheets: Vec<Value>,
}

impl ActionPlan {
    pub(crate) fn read(&mut self, ctx: &mut Ctx<'_>, header: &Header, known: &Known) {
        let rows = ctx.sheet.rows().len();
        let mut read = 0usize;
        for row in header.row + 1..rows {
            let empty = ctx
                .sheet
                .rows()
                .get(row)
                .is_none_or(|cells| cells.iter().all(crate::cell::Cell::is_empty));
            if empty {
                continue;
            }
            read += 1;
            let base = Path::root().key("action_sheets").index(self.sheets.len());
            ctx.map_row(&base, row);
            let mut sheet = Map::new();
            for &(column, field) in &header.columns {
                let (name, value) = match field {
                    Field::Number => ("number", ctx.integer(row, column, &base.key("number"))),
                    Field::Title => ("title", text(ctx, row, column, &base.key("title"))),
                    Field::TargetPublic => (
                        "target_public",
                        text(ctx, row, column, &base.key("target_public")),
                    ),
                    Field::Status => (
                        "status",
                        ctx.text(row, column, &base.key("status"))
                            .map(|t| Value::String(Canon::Status.apply(&t))),
                    ),
                    Field::Lead => {
                        let lead = ctx.text(row, column, &base.key("lead"));
                        ("lead", lead.map(|l| Value::String(known.party(&l))))
                    }
                    Field::Budget => {
                        let cell = ctx.amount(row, column, &base.key("budget"));
                        let value = match cell {
                            crate::values::AmountCell::Empty => None,
                            crate::values::AmountCell::Read(a) => {
                                Some(Value::String(a.to_string()))
                            }
                            crate::values::AmountCell::Bad(t) => Some(Value::String(t)),
                        };
                        ("budget", value)
                    }
                    Field::Domains => (
                        "domains",
                        list(ctx, row, column, &base.key("domains"), true, |s| {
                            Canon::Domain.apply(&s)
                        }),
                    ),
                    Field::Objectives => (
                        "objectives",
                        list(ctx, row, column, &base.key("objectives"), true, |s| {
                            known.objective(&s)
                        }),
                    ),
                    Field::Partners => (
                        "partners",
                        list(ctx, row, column, &base.key("partners"), false, |s| s),
                    ),
                    Field::Communes => (
                        "communes",
                        list(ctx, row, column, &base.key("communes"), true, |s| {
                            Canon::Insee.apply(&s)
                        }),
                    ),
                    Field::Indicators => {
                        let path = base.key("indicators");
                        let names = ctx.list(row, column, &path, false);
                        let value = names.filter(|n| !n.is_empty()).map(|names| {
                            Value::Array(
                                names
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, name)| {
                                        ctx.map(&path.index(i).key("name"), row, column);
                                        let mut indicator = Map::new();
                                        indicator.insert("name".into(), Value::String(name));
                                        Value::Object(indicator)
                                    })
                                    .collect(),
                            )
                        });
                        ("indicators", value)
                    }
                    Field::Start | Field::End => {
                        let key = if field == Field::Start {
                            "start"
                        } else {
                            "end"
                        };
                        let path = base.key("schedule").key(key);
                        if let Some(date) = ctx.date(row, column, &path) {
                            let schedule = sheet
                                .entry("schedule")
                                .or_insert_with(|| Value::Object(Map::new()));
                            if let Value::Object(s) = schedule {
                                s.insert(key.into(), date);
                            }
                        }
                        continue;
                    }
                    _ => continue,
                };
                if let Some(value) = value {
                    sheet.insert(name.into(), value);
                }
            }
            if !sheet.contains_key("title") {
                if let Some(column) = header.column(Field::Title) {
                    ctx.issue(
                        IssueCode::TableCellMissing,
                        row,
                        column,
                        base.key("title"),
                        Params::new().with("field", Field::Title.word()),
                    );
                }
            }
            self.sheets.push(Value::Object(sheet));
        }
        if read == 0 {
            let issue =
                ctx.row_ref(header.row)
                    .issue(IssueCode::TableEmpty, Path::root(), Params::new());
            ctx.issues.push(issue);
        }
    }

    pub(crate) fn into_value(self) -> Value {
        Value::Array(self.sheets)
    }
}

fn text(ctx: &mut Ctx<'_>, row: usize, column: usize, path: &Path) -> Option<Value> {
    ctx.text(row, column, path).map(Value::String)
}

fn list(
    ctx: &mut Ctx<'_>,
    row: usize,
    column: usize,
    path: &Path,
    commas: bool,
    map: impl Fn(String) -> String,
) -> Option<Value> {
    ctx.list(row, column, path, commas)
        .filter(|items| !items.is_empty())
        .map(|items| Value::Array(items.into_iter().map(|s| Value::String(map(s))).collect()))
}
