//! Parties: each read with its identifiers checked, then the rules across the list.

use std::collections::HashMap;

use serde_json::Value;

use super::loc::Loc;
use super::reader::{shorten, Reader};
use crate::{InseeCode, IssueCode, Party, PartyKind, PartyRole};

const FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "role",
    "insee",
    "siren",
    "siret",
    "departement",
    "members",
    "deliberation_date",
    "aliases",
];

/// Identities already seen (SIREN, SIRET, INSEE code → index of the first party).
#[derive(Default)]
struct Seen {
    identities: HashMap<String, usize>,
}

impl Seen {
    /// Records an identity; reports `party.duplicate` when an earlier party has it.
    fn check(&mut self, r: &mut Reader, index: usize, field: &str, value: &str, path: &Loc<'_>) {
        let key = format!("{field}:{value}");
        match self.identities.get(&key) {
            Some(&first) => r.push(
                IssueCode::PartyDuplicate,
                path,
                format!("même {field} ({value}) que la partie parties[{first}] : partie listée deux fois"),
                format!("same {field} ({value}) as party parties[{first}]: party listed twice"),
            ),
            None => {
                self.identities.insert(key, index);
            }
        }
    }
}

/// Reads the list of parties and applies the rules across it.
pub(crate) fn parties(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<Vec<Party>> {
    let mut seen = Seen::default();
    let mut index = 0;
    let parties = r.list(value, path, |r, v, p| {
        let party = party(r, v, p, index, &mut seen);
        index += 1;
        party
    });
    if let Value::Array(items) = value {
        let has_caf = items.iter().any(|item| {
            item.get("kind")
                .and_then(Value::as_str)
                .and_then(PartyKind::parse)
                == Some(PartyKind::Caf)
        });
        if !has_caf {
            r.push(
                IssueCode::PartyNoCaf,
                path,
                "aucune partie de type « caf » : une CTG est signée par au moins une Caf"
                    .to_owned(),
                "no party of kind \"caf\": a CTG is signed by at least one Caf".to_owned(),
            );
        }
    }
    parties
}

fn party(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    index: usize,
    seen: &mut Seen,
) -> Option<Party> {
    let obj = r.object(value, path, FIELDS)?;
    let id = r.required(&obj, "id", Reader::text);
    let name = r.required(&obj, "name", Reader::text);
    let kind = r.required(&obj, "kind", |r, v, p| {
        r.word(v, p, PartyKind::parse, PartyKind::CODES)
    });
    let role = r.required(&obj, "role", |r, v, p| {
        r.word(v, p, PartyRole::parse, PartyRole::CODES)
    });
    let insee = r.optional(&obj, "insee", Reader::identifier::<InseeCode>);
    let siren = r.optional(&obj, "siren", Reader::identifier::<crate::Siren>);
    let siret = r.optional(&obj, "siret", Reader::identifier::<crate::Siret>);
    let departement = r.optional(
        &obj,
        "departement",
        Reader::identifier::<crate::DepartementCode>,
    );
    let members = r.list_field(&obj, "members", Reader::identifier::<InseeCode>);
    let deliberation_date = r.optional(&obj, "deliberation_date", Reader::date);
    let aliases = r.list_field(&obj, "aliases", Reader::text);

    if let Some(Some(siren)) = &siren {
        seen.check(r, index, "SIREN", siren.as_str(), &obj.at("siren"));
    }
    if let Some(Some(siret)) = &siret {
        seen.check(r, index, "SIRET", siret.as_str(), &obj.at("siret"));
        if let Some(Some(siren)) = &siren {
            if siret.siren() != *siren {
                r.push(
                    IssueCode::SiretSirenMismatch,
                    &obj.at("siret"),
                    format!("le SIRET {siret} ne commence pas par le SIREN {siren}"),
                    format!("SIRET {siret} does not start with SIREN {siren}"),
                );
            }
        }
    }
    if let Some(Some(insee)) = &insee {
        seen.check(r, index, "code INSEE", insee.as_str(), &obj.at("insee"));
    }
    if let Some(kind) = kind {
        if kind == PartyKind::Commune && matches!(insee, Some(None)) {
            r.push(
                IssueCode::PartyInseeMissing,
                path,
                "commune sans code INSEE : impossible de la distinguer de ses homonymes".to_owned(),
                "commune without an INSEE code: it cannot be told from its namesakes".to_owned(),
            );
        }
        if members.as_ref().is_some_and(|m| !m.is_empty()) && !kind.can_have_members() {
            r.push(
                IssueCode::PartyMembersNotGrouping,
                &obj.at("members"),
                format!(
                    "seuls un EPCI ou un syndicat ont des communes membres, pas « {} »",
                    kind.label_fr()
                ),
                format!(
                    "only an EPCI or a syndicate has member communes, not \"{}\"",
                    kind.label_en()
                ),
            );
        }
        if let Some(role) = role {
            let mismatch = (role == PartyRole::Caf && kind != PartyKind::Caf)
                || (kind == PartyKind::Caf && role == PartyRole::Signatory);
            if mismatch {
                r.push(
                    IssueCode::PartyRoleMismatch,
                    &obj.at("role"),
                    format!(
                        "le rôle « {} » ne convient pas à une partie de type « {} »",
                        role.code(),
                        shorten(kind.label_fr())
                    ),
                    format!(
                        "role \"{}\" does not fit a party of kind \"{}\"",
                        role.code(),
                        kind.label_en()
                    ),
                );
                return None;
            }
        }
    }
    Some(Party {
        id: id?,
        name: name?,
        kind: kind?,
        role: role?,
        insee: insee?,
        siren: siren?,
        siret: siret?,
        departement: departement?,
        members: members?,
        deliberation_date: deliberation_date?,
        aliases: aliases?,
    })
}
