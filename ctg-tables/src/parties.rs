//! Parties in: one row per party. Codes (INSEE, SIREN, SIRET, département) are written into the
//! document as the cells show them, for validation to check (a code a spreadsheet stored as a
//! number and so lost its leading zero is refused there, never padded). When a commune or an EPCI
//! has a name and no code and a [`PartyResolver`] is given, its codes are completed from the
//! reference and the change is said (`table.name_resolved`); an ambiguous or unknown name is left
//! alone and said too.

use std::collections::HashSet;

use ctg_core::{IssueCode, Params, PartyKind, Path};
use serde_json::{Map, Value};

use crate::header::{Field, Header};
use crate::resolve::{PartyResolver, Resolution};
use crate::values::{shorten, slug, Canon, Ctx};

#[derive(Default)]
pub(crate) struct Parties {
    parties: Vec<Value>,
    ids: HashSet<String>,
}

impl Parties {
    pub(crate) fn read(
        &mut self,
        ctx: &mut Ctx<'_>,
        header: &Header,
        resolver: Option<&dyn PartyResolver>,
    ) {
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
            let base = Path::root().key("parties").index(self.parties.len());
            ctx.map_row(&base, row);
            let mut party = Map::new();
            for &(column, field) in &header.columns {
                let (name, canon) = match field {
                    Field::Id => ("id", None),
                    Field::Name => ("name", None),
                    Field::Kind => ("kind", Some(Canon::PartyKind)),
                    Field::Role => ("role", Some(Canon::PartyRole)),
                    Field::Insee => ("insee", Some(Canon::Insee)),
                    Field::Siren => ("siren", Some(Canon::Siren)),
                    Field::Siret => ("siret", Some(Canon::Siret)),
                    Field::Departement => ("departement", Some(Canon::Departement)),
                    Field::DeliberationDate => {
                        let path = base.key("deliberation_date");
                        if let Some(date) = ctx.date(row, column, &path) {
                            party.insert("deliberation_date".into(), date);
                        }
                        continue;
                    }
                    Field::Members | Field::Aliases => {
                        let key = if field == Field::Members {
                            "members"
                        } else {
                            "aliases"
                        };
                        let members = field == Field::Members;
                        let items = ctx.list(row, column, &base.key(key), members);
                        if let Some(items) = items.filter(|i| !i.is_empty()) {
                            let canon =
                                |s: String| if members { Canon::Insee.apply(&s) } else { s };
                            party.insert(
                                key.into(),
                                Value::Array(
                                    items.into_iter().map(|s| Value::String(canon(s))).collect(),
                                ),
                            );
                        }
                        continue;
                    }
                    _ => continue,
                };
                if let Some(text) = ctx.text(row, column, &base.key(name)) {
                    let text = canon.map_or(text.clone(), |k: Canon| k.apply(&text));
                    party.insert(name.into(), Value::String(text));
                }
            }
            let name_column = header.column(Field::Name).unwrap_or(0);
            if !party.contains_key("id") {
                if let Some(Value::String(name)) = party.get("name") {
                    let stem = match slug(name) {
                        s if s.is_empty() => "partie".to_owned(),
                        s => s,
                    };
                    let mut id = stem.clone();
                    let mut n = 2;
                    while self.ids.contains(&id) {
                        id = format!("{stem}-{n}");
                        n += 1;
                    }
                    party.insert("id".into(), Value::String(id));
                    ctx.map(&base.key("id"), row, name_column);
                }
            }
            if let Some(Value::String(id)) = party.get("id") {
                self.ids.insert(id.clone());
            }
            if let Some(resolver) = resolver {
                resolve(ctx, row, name_column, &mut party, resolver);
            }
            self.parties.push(Value::Object(party));
        }
        if read == 0 {
            let issue =
                ctx.row_ref(header.row)
                    .issue(IssueCode::TableEmpty, Path::root(), Params::new());
            ctx.issues.push(issue);
        }
    }

    pub(crate) fn into_value(self) -> Value {
        Value::Array(self.parties)
    }
}

fn resolve(
    ctx: &mut Ctx<'_>,
    row: usize,
    column: usize,
    party: &mut Map<String, Value>,
    resolver: &dyn PartyResolver,
) {
    let kind = party
        .get("kind")
        .and_then(Value::as_str)
        .and_then(PartyKind::parse);
    let wants = match kind {
        Some(PartyKind::Commune) => !party.contains_key("insee"),
        Some(k) if k.is_epci() => !party.contains_key("siren"),
        _ => false,
    };
    let Some(Value::String(name)) = party.get("name").cloned() else {
        return;
    };
    if !wants {
        return;
    }
    let departement = party
        .get("departement")
        .and_then(Value::as_str)
        .and_then(|d| d.parse().ok());
    let path = Path::root();
    match resolver.resolve(&name, kind, departement.as_ref()) {
        Resolution::Found(found) => {
            ctx.issue(
                IssueCode::TableNameResolved,
                row,
                column,
                path,
                Params::new()
                    .with("text", shorten(&name))
                    .with("name", found.name.clone())
                    .with("code", found.code()),
            );
            if let Some(insee) = &found.insee {
                party.insert("insee".into(), Value::String(insee.to_string()));
            }
            if let Some(siren) = &found.siren {
                party
                    .entry("siren")
                    .or_insert_with(|| Value::String(siren.to_string()));
            }
            if let Some(departement) = &found.departement {
                party
                    .entry("departement")
                    .or_insert_with(|| Value::String(departement.to_string()));
            }
            if !found.members.is_empty() && !party.contains_key("members") {
                party.insert(
                    "members".into(),
                    Value::Array(
                        found
                            .members
                            .iter()
                            .map(|m| Value::String(m.to_string()))
                            .collect(),
                    ),
                );
            }
            if found.name != name {
                let aliases = party
                    .entry("aliases")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(a) = aliases {
                    a.push(Value::String(name));
                }
                party.insert("name".into(), Value::String(found.name));
            }
        }
        Resolution::Ambiguous(candidates) => ctx.issue(
            IssueCode::TableNameAmbiguous,
            row,
            column,
            path,
            Params::new()
                .with("text", shorten(&name))
                .with("candidates", candidates),
        ),
        Resolution::NotFound => ctx.issue(
            IssueCode::TableNameNotFound,
            row,
            column,
            path,
            Params::new().with("text", shorten(&name)),
        ),
    }
}
