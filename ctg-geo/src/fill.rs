//! Filling a convention document's missing identifiers from the reference: the INSEE code,
//! SIREN and département of communes, the SIREN and members of EPCI, the département of a Caf or
//! of a Département. Every value set is reported; no value already there is changed.

use ctg_core::{DepartementCode, InseeCode, Lang, PartyKind, Siren, Vintage};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::catalogue::Text;
use crate::{Context, Geography, Status};

/// A value set in the document.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let doc = serde_json::json!({"parties": [{"id": "a", "kind": "commune", "name": "Albine"}]});
/// let filled = geo.fill_identifiers(&doc);
/// let change = &filled.changes[0];
/// assert_eq!((change.path.as_str(), change.field), ("parties[0].insee", "insee"));
/// assert_eq!(change.value, "81005");
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Where, in core's path notation (`parties[3].insee`).
    pub path: String,
    /// The field set (`insee`, `siren`, `departement`, `members`).
    pub field: &'static str,
    /// The value set.
    pub value: Value,
    /// Why, in one sentence, in the [`lang`](Filled::lang) asked for.
    pub reason: String,
}

/// What a [`Note`] is about.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_geo::NoteKind::Conflict).unwrap(), "\"conflict\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// The name matches several collectivities equally well: left alone.
    Ambiguous,
    /// The name matches nothing (in the document's context): left alone.
    NotFound,
    /// A value in the document differs from the reference's: kept as it is.
    Conflict,
    /// The code is a former commune's: kept as it is.
    FormerCode,
    /// The code is not the reference's, or not a valid code: kept as it is.
    Unknown,
}

/// Something `fill_identifiers` did not change, and why.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let doc = serde_json::json!({"parties": [{"id": "p", "kind": "commune", "name": "Parisot"}]});
/// let filled = geo.fill_identifiers(&doc);
/// assert!(filled.changes.is_empty());
/// assert_eq!(filled.notes[0].kind, ctg_geo::NoteKind::Ambiguous);
/// assert_eq!(filled.notes[0].path, "parties[0].insee");
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// Where (`parties[2].insee`).
    pub path: String,
    /// What kind of note.
    pub kind: NoteKind,
    /// Why, in one sentence, in the [`lang`](Filled::lang) asked for.
    pub message: String,
}

/// The document completed, with every change and every note.
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let filled = geo.fill_identifiers(&serde_json::json!({"parties": []}));
/// assert!(filled.changes.is_empty() && filled.notes.is_empty());
/// assert_eq!(filled.vintage.geography, "COG 2026");
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Filled<'g> {
    /// The document with the missing identifiers filled in.
    pub document: Value,
    /// The values set, in the order of the parties.
    pub changes: Vec<Change>,
    /// What was left alone, and why.
    pub notes: Vec<Note>,
    /// The reference the values come from.
    pub vintage: &'g Vintage,
    /// The language of the reasons and messages (`en` for
    /// [`fill_identifiers`](Geography::fill_identifiers)).
    pub lang: Lang,
}

/// A field is missing when absent or `null`.
fn missing(party: &Map<String, Value>, field: &str) -> bool {
    party.get(field).is_none_or(Value::is_null)
}

fn text<'a>(party: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    party.get(field).and_then(Value::as_str)
}

/// The name, then the aliases, of a party.
fn spellings(party: &Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = text(party, "name").map(str::to_owned).into_iter().collect();
    if let Some(aliases) = party.get("aliases").and_then(Value::as_array) {
        out.extend(aliases.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    out
}

struct Filler<'g> {
    geo: &'g Geography,
    lang: Lang,
    changes: Vec<Change>,
    notes: Vec<Note>,
}

impl Filler<'_> {
    fn set(
        &mut self,
        party: &mut Map<String, Value>,
        at: &str,
        field: &'static str,
        value: Value,
        reason: String,
    ) {
        party.insert(field.to_owned(), value.clone());
        self.changes.push(Change {
            path: format!("{at}.{field}"),
            field,
            value,
            reason,
        });
    }

    fn note(&mut self, at: &str, field: &str, kind: NoteKind, message: String) {
        self.notes.push(Note {
            path: format!("{at}.{field}"),
            kind,
            message,
        });
    }

    /// A Caf's or a Département's `departement`, from its name.
    fn area(&mut self, party: &mut Map<String, Value>, at: &str, kind: PartyKind) {
        if !missing(party, "departement") {
            return;
        }
        let geo = self.geo;
        let geography = geo.vintage.geography.as_str();
        for spelling in spellings(party) {
            let found = if kind == PartyKind::Caf {
                geo.departement_of_caf(&spelling)
            } else {
                geo.departement_by_name(&spelling)
            };
            if let Some(d) = found {
                let reason = Text::FillDepartementOfName {
                    spelling: &spelling,
                    name: &d.name,
                    geography,
                }
                .render(self.lang);
                self.set(
                    party,
                    at,
                    "departement",
                    Value::from(d.code.as_str()),
                    reason,
                );
                return;
            }
        }
    }

    /// An EPCI's `siren` from its name, and its `members` from the reference.
    fn epci(&mut self, party: &mut Map<String, Value>, at: &str, context: &Context) {
        let geo = self.geo;
        let geography = geo.vintage.geography.as_str();
        let lang = self.lang;
        if missing(party, "siren") {
            let mut last = None;
            for spelling in spellings(party) {
                let r = geo.resolve_epci(&spelling, context);
                if let Some(best) = r.resolved() {
                    let reason = Text::FillEpciSiren {
                        spelling: &spelling,
                        name: &best.epci.name,
                        geography,
                    }
                    .render(lang);
                    self.set(
                        party,
                        at,
                        "siren",
                        Value::from(best.epci.siren.as_str()),
                        reason,
                    );
                    last = None;
                    break;
                }
                last = Some((
                    spelling,
                    r.status,
                    r.tied()
                        .iter()
                        .map(|c| c.epci.name.clone())
                        .collect::<Vec<_>>(),
                ));
            }
            if let Some((spelling, status, tied)) = last {
                let (kind, message) = if status == Status::Ambiguous {
                    (
                        NoteKind::Ambiguous,
                        Text::FillEpciAmbiguous {
                            spelling: &spelling,
                            listed: &tied.join(", "),
                        }
                        .render(lang),
                    )
                } else {
                    (
                        NoteKind::NotFound,
                        Text::FillEpciNotFound {
                            spelling: &spelling,
                            geography,
                        }
                        .render(lang),
                    )
                };
                self.note(at, "siren", kind, message);
            }
        }
        let Some(siren) = text(party, "siren").and_then(|s| Siren::parse(s).ok()) else {
            return;
        };
        let Some(epci) = geo.epci(&siren) else {
            self.note(
                at,
                "siren",
                NoteKind::Unknown,
                Text::FillEpciUnknown {
                    siren: siren.as_str(),
                    geography,
                }
                .render(lang),
            );
            return;
        };
        if missing(party, "members") {
            let members: Vec<Value> = epci
                .members
                .iter()
                .map(|m| Value::from(m.as_str()))
                .collect();
            let reason = Text::FillMembers {
                count: members.len(),
                name: &epci.name,
                geography,
            }
            .render(lang);
            self.set(party, at, "members", Value::Array(members), reason);
        }
    }

    /// A commune's `insee` from its name, then its `siren` and `departement` from its code.
    fn commune(&mut self, party: &mut Map<String, Value>, at: &str, context: &Context) {
        let geo = self.geo;
        let geography = geo.vintage.geography.as_str();
        let lang = self.lang;
        if missing(party, "insee") {
            // The party's own département, when given, is the context; else the document's.
            let own = text(party, "departement").and_then(|d| DepartementCode::parse(d).ok());
            let context = match own {
                Some(d) => Context::new().departement(d),
                None => context.clone(),
            };
            let mut note = None;
            for spelling in spellings(party) {
                let r = geo.resolve(&spelling, &context);
                if let Some(best) = r.resolved() {
                    let reason = Text::FillCommuneInsee {
                        spelling: &spelling,
                        explanation: &best.explain_in(lang),
                        geography,
                    }
                    .render(lang);
                    self.set(
                        party,
                        at,
                        "insee",
                        Value::from(best.commune.insee.as_str()),
                        reason,
                    );
                    note = None;
                    break;
                }
                if note.is_none() {
                    let message = match r.status {
                        Status::Ambiguous => {
                            let tied: Vec<String> = r
                                .tied()
                                .iter()
                                .map(|c| {
                                    format!(
                                        "{} ({}, {})",
                                        c.commune.name, c.commune.insee, c.commune.departement
                                    )
                                })
                                .collect();
                            let listed = tied.join(", ");
                            let text = Text::FillCommuneAmbiguous {
                                spelling: &spelling,
                                listed: &listed,
                            };
                            (NoteKind::Ambiguous, text.render(lang))
                        }
                        _ => {
                            let text = Text::FillCommuneNotFound {
                                spelling: &spelling,
                                geography,
                            };
                            (NoteKind::NotFound, text.render(lang))
                        }
                    };
                    note = Some(message);
                }
            }
            if let Some((kind, message)) = note {
                self.note(at, "insee", kind, message);
            }
        }
        let Some(code) = text(party, "insee").map(str::to_owned) else {
            return;
        };
        let Ok(insee) = InseeCode::parse(&code) else {
            self.note(
                at,
                "insee",
                NoteKind::Unknown,
                Text::FillNotInsee { code: &code }.render(lang),
            );
            return;
        };
        let Some(commune) = geo.commune(&insee) else {
            match geo.former_communes(&insee).first() {
                Some(former) => {
                    let now = geo
                        .commune(&former.current)
                        .map(|c| c.name.as_str())
                        .unwrap_or("?");
                    let text = Text::FillFormerCode {
                        insee: insee.as_str(),
                        now,
                        current: former.current.as_str(),
                        geography,
                    };
                    self.note(at, "insee", NoteKind::FormerCode, text.render(lang));
                }
                None => self.note(
                    at,
                    "insee",
                    NoteKind::Unknown,
                    Text::FillCommuneUnknown {
                        insee: insee.as_str(),
                        geography,
                    }
                    .render(lang),
                ),
            }
            return;
        };
        if let Some(siren) = &commune.siren {
            if missing(party, "siren") {
                let reason = Text::FillCommuneSiren {
                    name: &commune.name,
                    insee: commune.insee.as_str(),
                    geography,
                }
                .render(lang);
                self.set(party, at, "siren", Value::from(siren.as_str()), reason);
            } else if text(party, "siren")
                .and_then(|s| Siren::parse(s).ok())
                .as_ref()
                != Some(siren)
            {
                self.note(
                    at,
                    "siren",
                    NoteKind::Conflict,
                    Text::FillSirenConflict {
                        name: &commune.name,
                        insee: commune.insee.as_str(),
                        siren: siren.as_str(),
                    }
                    .render(lang),
                );
            }
        }
        if missing(party, "departement") {
            let reason = Text::FillCommuneDepartement {
                name: &commune.name,
                insee: commune.insee.as_str(),
            }
            .render(lang);
            self.set(
                party,
                at,
                "departement",
                Value::from(commune.departement.as_str()),
                reason,
            );
        } else if text(party, "departement")
            .and_then(|d| DepartementCode::parse(d).ok())
            .as_ref()
            != Some(&commune.departement)
        {
            self.note(
                at,
                "departement",
                NoteKind::Conflict,
                Text::FillDepartementConflict {
                    name: &commune.name,
                    insee: commune.insee.as_str(),
                    departement: commune.departement.as_str(),
                }
                .render(lang),
            );
        }
    }
}

impl Geography {
    /// Fills the missing identifiers of a convention document (the canonical JSON of
    /// `docs/format.md`, as a `serde_json::Value`) from the reference, and says what it did.
    ///
    /// For each party, by its `kind`:
    /// - `caf`, `departement`: the `departement`, from the name (`Caf du Tarn` → `81`);
    /// - `cc`, `ca`, `cu`, `metropole`: the `siren`, by resolving the name (then the `aliases`),
    ///   and the `members` from the reference;
    /// - `commune`: the `insee`, by resolving the name (then the aliases) in the party's own
    ///   `departement` if it has one, else in the document's context (the départements of its
    ///   Caf and Département parties, and its EPCI); then the `siren` and `departement` from the
    ///   code.
    ///
    /// A value already there (not `null`) is never changed: when it differs from the reference,
    /// a [`NoteKind::Conflict`] says so. An ambiguous or unknown name is left alone and noted.
    /// Anything that is not a document with `parties` comes back unchanged.
    ///
    /// ```
    /// use serde_json::json;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let doc = json!({"parties": [
    ///     {"id": "caf-81", "kind": "caf", "name": "Caf du Tarn"},
    ///     {"id": "lavaur", "kind": "commune", "name": "Lavaur"},
    ///     {"id": "cc", "kind": "cc", "name": "Communauté de communes Tarn-Agout"},
    /// ]});
    /// let filled = geo.fill_identifiers(&doc);
    /// let parties = &filled.document["parties"];
    /// assert_eq!(parties[0]["departement"], "81");
    /// assert_eq!(parties[1]["insee"], "81140"); // Lavaur of the Tarn: the Caf's département
    /// assert_eq!(parties[1]["siren"], "218101400");
    /// assert_eq!(parties[2]["siren"], "200034023");
    /// assert_eq!(parties[2]["members"].as_array().unwrap().len(), 21);
    /// assert_eq!(filled.changes.len(), 6);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn fill_identifiers(&self, document: &Value) -> Filled<'_> {
        self.fill_identifiers_in(document, Lang::En)
    }

    /// [`fill_identifiers`](Geography::fill_identifiers), with the reasons and messages in
    /// `lang`.
    ///
    /// ```
    /// use serde_json::json;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let doc = json!({"parties": [{"id": "p", "kind": "commune", "name": "Parisot"}]});
    /// let filled = geo.fill_identifiers_in(&doc, ctg_core::Lang::Fr);
    /// assert!(filled.notes[0].message.starts_with("« Parisot » correspond à plusieurs communes"));
    /// assert_eq!(serde_json::to_value(&filled)?["lang"], "fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fill_identifiers_in(&self, document: &Value, lang: Lang) -> Filled<'_> {
        let mut document = document.clone();
        let mut filler = Filler {
            geo: self,
            lang,
            changes: Vec::new(),
            notes: Vec::new(),
        };
        if let Some(parties) = document.get_mut("parties").and_then(Value::as_array_mut) {
            let kind_of =
                |party: &Map<String, Value>| text(party, "kind").and_then(PartyKind::parse);
            // Caf and Département first: their départements are the context of the others.
            for (i, party) in parties.iter_mut().enumerate() {
                let Some(party) = party.as_object_mut() else {
                    continue;
                };
                if let Some(kind @ (PartyKind::Caf | PartyKind::Departement)) = kind_of(party) {
                    filler.area(party, &format!("parties[{i}]"), kind);
                }
            }
            let mut context = Context::new();
            for party in parties.iter().filter_map(Value::as_object) {
                if matches!(
                    kind_of(party),
                    Some(PartyKind::Caf | PartyKind::Departement)
                ) {
                    if let Some(d) =
                        text(party, "departement").and_then(|d| DepartementCode::parse(d).ok())
                    {
                        context = context.departement(d);
                    }
                }
            }
            for (i, party) in parties.iter_mut().enumerate() {
                let Some(party) = party.as_object_mut() else {
                    continue;
                };
                if kind_of(party).is_some_and(PartyKind::is_epci) {
                    filler.epci(party, &format!("parties[{i}]"), &context);
                }
            }
            for party in parties.iter().filter_map(Value::as_object) {
                if kind_of(party).is_some_and(PartyKind::is_epci) {
                    if let Some(s) = text(party, "siren").and_then(|s| Siren::parse(s).ok()) {
                        context = context.epci(s);
                    }
                }
            }
            for (i, party) in parties.iter_mut().enumerate() {
                let Some(party) = party.as_object_mut() else {
                    continue;
                };
                if kind_of(party) == Some(PartyKind::Commune) {
                    filler.commune(party, &format!("parties[{i}]"), &context);
                }
            }
        }
        Filled {
            document,
            changes: filler.changes,
            notes: filler.notes,
            vintage: &self.vintage,
            lang,
        }
    }
}
