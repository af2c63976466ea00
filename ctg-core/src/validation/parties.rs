//! Parties: each read with its identifiers checked, then the rules across the list.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use super::reader::{Fields, Reader, Seg};
use super::slot::{Item, List, Model};
use crate::input::Tok;
use crate::{
    DepartementCode, InseeCode, IssueCode, Params, Party, PartyKind, PartyRole, ShortText, Siren,
    Siret, Word,
};

const PARTY: Fields = Fields {
    names: &[
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
    ],
    required: &["id", "name", "kind", "role"],
};

/// What the checks across sections and the geography need of a party, even a broken one.
#[derive(Debug, Default)]
pub(crate) struct PartyFacts {
    pub(crate) kind: Option<PartyKind>,
    /// What the rules of the geography read, kept only when they will run.
    pub(crate) geo: Option<Box<super::geography::PartyGeo>>,
}

impl super::slot::Facts for PartyFacts {
    fn is_empty(&self) -> bool {
        self.kind.is_none() && self.geo.is_none()
    }
}

/// Reads the list of parties and applies the rules across it (duplicate identities and ids, at
/// least one Caf). Called with the reader at `parties`.
pub(crate) fn parties<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<List<Party, PartyFacts>> {
    let mut items = List::default();
    let mut seen = Identities::new();
    let is_list = r.list(tok, |r, i, tok| {
        items.keep(party(r, i, tok, &mut seen));
    });
    if !is_list {
        return None;
    }
    super::references::ids(r, &items);
    if !items.iter().any(|p| p.extra.kind == Some(PartyKind::Caf)) {
        r.issue(IssueCode::PartyNoCaf, Params::new());
    }
    Some(items)
}

/// The identities (INSEE code, SIREN, SIRET) seen in the parties read so far, with the index of
/// the party that has each.
pub(crate) type Identities = BTreeMap<Identity, usize>;

/// An identity of a party: the identifier's code (`siren`…) and its canonical writing, packed in
/// an integer when it is short (they all are: 5, 9 or 14 characters), so that recording it does
/// not allocate.
type Identity = (&'static str, u128, Option<String>);

fn identity(word: Word, value: &str) -> Identity {
    let bytes = value.as_bytes();
    if bytes.len() > 15 {
        return (word.code, 0, Some(value.to_owned()));
    }
    let mut packed = [0u8; 16];
    for (slot, byte) in packed.iter_mut().zip(bytes) {
        *slot = *byte;
    }
    if let Some(length) = packed.last_mut() {
        *length = bytes.len() as u8;
    }
    (word.code, u128::from_be_bytes(packed), None)
}

/// Records an identity of party `index`; reports `party.duplicate` when an earlier party has it.
fn check_identity(
    r: &mut Reader<'_, '_>,
    seen: &mut Identities,
    index: usize,
    field: &'static str,
    word: Word,
    value: &str,
) {
    match seen.entry(identity(word, value)) {
        Entry::Occupied(first) => r.issue_at(
            &[Seg::Field(field)],
            IssueCode::PartyDuplicate,
            Params::new()
                .with("identifier", word)
                .with("value", value)
                .with("first", *first.get()),
        ),
        Entry::Vacant(slot) => {
            slot.insert(index);
        }
    }
}

#[derive(Default)]
struct Draft {
    id: Option<ShortText>,
    name: Option<ShortText>,
    kind: Option<PartyKind>,
    role: Option<PartyRole>,
    insee: Option<InseeCode>,
    siren: Option<Siren>,
    siret: Option<Siret>,
    departement: Option<DepartementCode>,
    members: Vec<InseeCode>,
    /// Where each of `members` is in the list (an unreadable code leaves a gap).
    member_index: Vec<usize>,
    insee_seen: bool,
    deliberation_date: Option<chrono::NaiveDate>,
    aliases: Vec<String>,
    /// A present optional field could not be read.
    bad: bool,
}

pub(crate) fn party<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
    seen: &mut Identities,
) -> Item<Party, PartyFacts> {
    let mark = r.mark();
    let mut d = Draft::default();
    let is_object = r.object(tok, &PARTY, |r, field, tok| {
        let ok = match field {
            0 => {
                d.id = r.short_text(tok);
                d.id.is_some()
            }
            1 => {
                d.name = r.short_text(tok);
                d.name.is_some()
            }
            2 => {
                d.kind = r.word(tok, PartyKind::parse, PartyKind::CODES);
                d.kind.is_some()
            }
            3 => {
                d.role = r.word(tok, PartyRole::parse, PartyRole::CODES);
                d.role.is_some()
            }
            4 => {
                d.insee_seen = true;
                d.insee = r.identifier(tok);
                d.insee.is_some()
            }
            5 => {
                d.siren = r.identifier(tok);
                d.siren.is_some()
            }
            6 => {
                d.siret = r.identifier(tok);
                d.siret.is_some()
            }
            7 => {
                d.departement = r.identifier(tok);
                d.departement.is_some()
            }
            8 => {
                let mut complete = true;
                let listed = r.list(tok, |r, j, tok| match r.identifier::<InseeCode>(tok) {
                    Some(code) => {
                        d.members.push(code);
                        d.member_index.push(j);
                    }
                    None => complete = false,
                });
                listed && complete
            }
            9 => {
                d.deliberation_date = r.date(tok);
                d.deliberation_date.is_some()
            }
            _ => {
                let mut complete = true;
                let listed = r.list(tok, |r, _, tok| match r.text(tok) {
                    Some(alias) => d.aliases.push(alias),
                    None => complete = false,
                });
                listed && complete
            }
        };
        d.bad |= !ok;
    });

    let mut fits = true;
    if is_object {
        fits = rules(r, index, &d, seen);
    }
    if r.mark() > mark {
        r.annotate(mark, d.id.as_deref(), d.name.as_deref());
    }
    let geo = r.wants_geography().then(|| {
        Box::new(super::geography::PartyGeo {
            role: d.role,
            insee: d.insee.clone(),
            siren: d.siren.clone(),
            departement: d.departement.clone(),
            members: d
                .member_index
                .iter()
                .copied()
                .zip(d.members.iter().cloned())
                .collect(),
        })
    });
    let facts = PartyFacts { kind: d.kind, geo };
    let complete = is_object && fits && !d.bad;
    match (complete, d.id, d.name, d.kind, d.role) {
        (true, Some(id), Some(name), Some(kind), Some(role)) => {
            let party = Party {
                id,
                name,
                kind,
                role,
                insee: d.insee,
                siren: d.siren,
                siret: d.siret,
                departement: d.departement,
                members: d.members,
                deliberation_date: d.deliberation_date,
                aliases: d.aliases,
            };
            Item::built(index, party, facts)
        }
        (_, id, name, _, _) => {
            Item::unbuilt(index, id.map(String::from), name.map(String::from), facts)
        }
    }
}

impl Model for Party {
    fn model_id(&self) -> Option<&str> {
        Some(&self.id)
    }
    fn model_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

/// The rules of one party: identities not seen before, SIRET within SIREN, a commune's INSEE code,
/// members only on groupings, role fitting kind. `false` when the party cannot be kept.
fn rules(r: &mut Reader<'_, '_>, index: usize, d: &Draft, seen: &mut Identities) -> bool {
    let mut fits = true;
    if let Some(siren) = &d.siren {
        check_identity(r, seen, index, "siren", Word::SIREN, siren.as_str());
    }
    if let Some(siret) = &d.siret {
        check_identity(r, seen, index, "siret", Word::SIRET, siret.as_str());
        if let Some(siren) = &d.siren {
            if siret.siren() != *siren {
                r.issue_at(
                    &[Seg::Field("siret")],
                    IssueCode::SiretSirenMismatch,
                    Params::new()
                        .with("siret", siret.as_str())
                        .with("siren", siren.as_str()),
                );
            }
        }
    }
    if let Some(insee) = &d.insee {
        check_identity(r, seen, index, "insee", Word::INSEE, insee.as_str());
    }
    let Some(kind) = d.kind else {
        return fits;
    };
    if kind == PartyKind::Commune && !d.insee_seen {
        r.issue(IssueCode::PartyInseeMissing, Params::new());
    }
    if !d.members.is_empty() && !kind.can_have_members() {
        r.issue_at(
            &[Seg::Field("members")],
            IssueCode::PartyMembersNotGrouping,
            Params::new().with("kind", kind.word()),
        );
    }
    if let Some(role) = d.role {
        if !kind.accepts_role(role) {
            r.issue_at(
                &[Seg::Field("role")],
                IssueCode::PartyRoleMismatch,
                Params::new()
                    .with("role", role.word())
                    .with("kind", kind.word()),
            );
            fits = false;
        }
    }
    fits
}
