//! The rules of the official geography (`geo.*`), run over the drafts when validation is given a
//! gazetteer: every party and action sheet that could be read is checked, even when other parts
//! of the document are broken.
//!
//! Severity: an error when the document contradicts the reference in a way no later change
//! explains; a warning when a change after the signature may explain it, judged with the
//! signature date against the date the reference's geography came into force (its twin
//! `*_when_signed` error when the convention was signed under that geography); an information
//! for a commune that signs outside the EPCI that signs.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use super::action_sheets::SheetRefs;
use super::parties::PartyFacts;
use super::reader::Reader;
use super::slot::List;
use crate::coverage::{former_to_current, place, PartyView, Place, Territory, UnresolvedReason};
use crate::{
    ActionSheet, CommuneKind, CommuneRecord, DepartementCode, EpciRecord, FormerKind, Gazetteer,
    InseeCode, IssueCode, NameMatch, Param, Params, Party, PartyKind, PartyRole, Path, Siren, Word,
};

/// What the rules of the geography keep of a party while it is read.
#[derive(Debug, Default)]
pub(crate) struct PartyGeo {
    pub(crate) role: Option<PartyRole>,
    pub(crate) insee: Option<InseeCode>,
    pub(crate) siren: Option<Siren>,
    pub(crate) departement: Option<DepartementCode>,
    /// The member codes that could be read, with their index in the list.
    pub(crate) members: Vec<(usize, InseeCode)>,
}

/// The parts of the document the rules read.
pub(crate) struct Drafts<'d> {
    pub(crate) parties: Option<&'d List<Party, PartyFacts>>,
    pub(crate) sheets: Option<&'d List<ActionSheet, SheetRefs>>,
    pub(crate) signed: Option<NaiveDate>,
}

/// When the convention was signed, against the reference's geography.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// Before the geography came into force: a later change may explain a difference.
    Before,
    /// No signature date: whether a change came after it cannot be told.
    Unsigned,
    /// While the geography was the one in force (its year).
    InForce,
    /// After its year: the reference may miss changes that came before the signature.
    After,
}

/// The context of the rules: the reference and the signature.
struct Cx<'g> {
    g: &'g dyn Gazetteer,
    signed: Option<NaiveDate>,
    timing: Timing,
}

/// Which pair of codes a difference is reported with, and how the time of the signature is said.
#[derive(Clone, Copy)]
struct Twin {
    warning: IssueCode,
    error: IssueCode,
}

impl<'g> Cx<'g> {
    fn new(g: &'g dyn Gazetteer, signed: Option<NaiveDate>) -> Cx<'g> {
        let effective = g.vintage().effective;
        let next = effective
            .with_year(effective.year() + 1)
            .unwrap_or(NaiveDate::MAX);
        let timing = match signed {
            None => Timing::Unsigned,
            Some(date) if date < effective => Timing::Before,
            Some(date) if date < next => Timing::InForce,
            Some(_) => Timing::After,
        };
        Cx { g, signed, timing }
    }

    /// `ctx` ends with the reference: `geography`, `effective`.
    fn base(&self, params: Params) -> Params {
        let vintage = self.g.vintage();
        params
            .with("geography", vintage.geography.as_str())
            .with("effective", vintage.effective)
    }

    /// The code of a difference the reference records as a change made before its geography
    /// came into force (a former code, a former name): an error when the convention was signed
    /// after that, else a warning saying when it was signed.
    fn recorded(&self, twin: Twin, params: Params) -> (IssueCode, Params) {
        match self.timing {
            Timing::InForce | Timing::After => (twin.error, self.signed_params(params)),
            Timing::Before | Timing::Unsigned => (twin.warning, self.timing_params(params)),
        }
    }

    /// The code of a difference any change may explain (a membership, a SIREN, a category):
    /// an error only when the convention was signed while the reference's geography was the one
    /// in force.
    fn any_change(&self, twin: Twin, params: Params) -> (IssueCode, Params) {
        match self.timing {
            Timing::InForce => (twin.error, self.signed_params(params)),
            _ => (twin.warning, self.timing_params(params)),
        }
    }

    fn signed_params(&self, params: Params) -> Params {
        match self.signed {
            Some(date) => params.with("signed", date),
            None => params,
        }
    }

    fn timing_params(&self, params: Params) -> Params {
        let word = match self.timing {
            Timing::Before | Timing::InForce => Word::SIGNED_BEFORE,
            Timing::Unsigned => Word::NOT_SIGNED,
            Timing::After => Word::SIGNED_AFTER,
        };
        self.signed_params(params.with("timing", word))
    }
}

/// The list item an issue is about (`item_id`, `item_name` in `ctx`, as the reader adds them).
#[derive(Clone, Copy)]
struct Who<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
}

impl Who<'_> {
    fn params(self) -> Params {
        let mut params = Params::new();
        if let Some(id) = self.id {
            params.set("item_id", Param::Text(crate::text::shorten(id)));
        }
        if let Some(name) = self.name {
            params.set("item_name", Param::Text(crate::text::shorten(name)));
        }
        params
    }
}

/// Adds `item_id`/`item_name` after the issue's own parameters, then the reference's.
fn emit(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    path: Path,
    code: IssueCode,
    params: Params,
    who: Who<'_>,
) {
    let mut params = params;
    for (name, value) in who.params().iter() {
        params.set(name, value.clone());
    }
    r.issue_path(path, code, cx.base(params));
}

fn described(record: &CommuneRecord) -> String {
    format!("{} ({})", record.name, record.insee)
}

const FORMER: Twin = Twin {
    warning: IssueCode::GeoInseeFormer,
    error: IssueCode::GeoInseeFormerWhenSigned,
};
const SIREN_UNKNOWN: Twin = Twin {
    warning: IssueCode::GeoSirenUnknown,
    error: IssueCode::GeoSirenUnknownWhenSigned,
};
const EPCI_KIND: Twin = Twin {
    warning: IssueCode::GeoEpciKindDiffers,
    error: IssueCode::GeoEpciKindDiffersWhenSigned,
};
const NAME_FORMER: Twin = Twin {
    warning: IssueCode::GeoNameFormer,
    error: IssueCode::GeoNameFormerWhenSigned,
};
const NOT_MEMBER: Twin = Twin {
    warning: IssueCode::GeoMemberNotMember,
    error: IssueCode::GeoMemberNotMemberWhenSigned,
};
const MISSING: Twin = Twin {
    warning: IssueCode::GeoMembersMissing,
    error: IssueCode::GeoMembersMissingWhenSigned,
};

/// Runs the rules of the geography over the drafts.
pub(crate) fn check(r: &mut Reader<'_, '_>, g: &dyn Gazetteer, d: &Drafts<'_>) {
    let cx = Cx::new(g, d.signed);
    let mut contradictory = BTreeSet::new();
    let mut views = Vec::new();
    for item in d.parties.into_iter().flat_map(List::iter) {
        let Some(geo) = item.extra.geo.as_deref() else {
            continue;
        };
        let at = Path::root().key("parties").index(item.index);
        let who = Who {
            id: item.id(),
            name: item.name(),
        };
        if party(r, &cx, item.extra.kind, geo, &at, who) {
            contradictory.insert(item.index);
        }
        views.push(PartyView {
            index: item.index,
            id: item.id(),
            kind: item.extra.kind,
            role: geo.role,
            insee: geo.insee.as_ref(),
            siren: geo.siren.as_ref(),
        });
    }
    let territory = Territory::build(g, &views, &contradictory);
    if let Some(parties) = d.parties {
        outside_epci(r, &cx, parties, &views, &territory, &contradictory);
    }
    for item in d.sheets.into_iter().flat_map(List::iter) {
        let who = Who {
            id: item.id(),
            name: item.name(),
        };
        for (j, code) in &item.extra.communes {
            let path = Path::root()
                .key("action_sheets")
                .index(item.index)
                .key("communes")
                .index(*j);
            sheet_commune(r, &cx, &territory, path, code, who);
        }
    }
}

/// The rules of one party; `true` when its identifiers designate two different communes.
fn party(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    kind: Option<PartyKind>,
    geo: &PartyGeo,
    at: &Path,
    who: Who<'_>,
) -> bool {
    let Some(kind) = kind else {
        return false;
    };
    if kind == PartyKind::Commune {
        return commune(r, cx, geo, at, who);
    }
    if kind.is_epci() {
        epci(r, cx, kind, geo, at, who);
        return false;
    }
    if let Some(siren) = &geo.siren {
        if let Some(record) = cx.g.commune_by_siren(siren) {
            kind_mismatch(
                r,
                cx,
                at.key("siren"),
                siren.as_str(),
                kind,
                Word::A_COMMUNE,
                &record.name,
                who,
            );
        } else if let Some(epci) = cx.g.epci(siren) {
            kind_mismatch(
                r,
                cx,
                at.key("siren"),
                siren.as_str(),
                kind,
                Word::AN_EPCI,
                &epci.name,
                who,
            );
        }
    }
    if kind.is_syndicate() {
        members(r, cx, at, &geo.members, None, who);
    }
    false
}

#[allow(clippy::too_many_arguments)]
fn kind_mismatch(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    path: Path,
    value: &str,
    kind: PartyKind,
    found: Word,
    official: &str,
    who: Who<'_>,
) {
    let params = Params::new()
        .with("value", value)
        .with("kind", kind.word())
        .with("found", found)
        .with("official", official);
    emit(r, cx, path, IssueCode::GeoKindMismatch, params, who);
}

/// A code that is no current commune's: a former commune's (today's commune when there is
/// one), or no commune's at all. Reported at `path`.
fn former_code<'g>(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'g>,
    path: Path,
    code: &InseeCode,
    who: Who<'_>,
) -> Option<&'g CommuneRecord> {
    match former_to_current(cx.g, code) {
        Ok((record, former)) => {
            let kind = match former.kind {
                FormerKind::Delegated => Word::DELEGATED,
                FormerKind::Associated => Word::ASSOCIATED,
                FormerKind::Merged => Word::MERGED,
            };
            let mut params = Params::new()
                .with("value", code.as_str())
                .with("former_kind", kind)
                .with("current", record.insee.as_str())
                .with("current_name", record.name.as_str());
            if let Some(name) = &former.name {
                params.set("former_name", Param::Text(name.clone()));
            }
            let (issue, params) = cx.recorded(FORMER, params);
            emit(r, cx, path, issue, params, who);
            Some(record)
        }
        Err(UnresolvedReason::FormerAmbiguous) => {
            let current: Vec<String> =
                cx.g.former_communes(code)
                    .iter()
                    .map(|f| match cx.g.commune(&f.current) {
                        Some(c) => described(c),
                        None => f.current.to_string(),
                    })
                    .collect::<BTreeSet<String>>()
                    .into_iter()
                    .collect();
            let params = Params::new()
                .with("value", code.as_str())
                .with("current", current);
            emit(r, cx, path, IssueCode::GeoInseeFormerAmbiguous, params, who);
            None
        }
        Err(_) => {
            let params = Params::new().with("value", code.as_str());
            emit(r, cx, path, IssueCode::GeoInseeUnknown, params, who);
            None
        }
    }
}

/// The rules of a commune party; `true` when its code contradicts its name and SIREN.
fn commune(r: &mut Reader<'_, '_>, cx: &Cx<'_>, geo: &PartyGeo, at: &Path, who: Who<'_>) -> bool {
    let kind = PartyKind::Commune;
    // The SIREN: a commune's, an EPCI's, or none.
    let siren = geo
        .siren
        .as_ref()
        .map(|s| (s, cx.g.commune_by_siren(s), cx.g.epci(s)));
    if let Some((s, None, Some(epci))) = siren {
        kind_mismatch(
            r,
            cx,
            at.key("siren"),
            s.as_str(),
            kind,
            Word::AN_EPCI,
            &epci.name,
            who,
        );
    }
    let target = match &geo.insee {
        Some(code) => match cx.g.commune(code) {
            Some(record) if record.kind == CommuneKind::Arrondissement => {
                kind_mismatch(
                    r,
                    cx,
                    at.key("insee"),
                    code.as_str(),
                    kind,
                    Word::AN_ARRONDISSEMENT,
                    &record.name,
                    who,
                );
                return false;
            }
            Some(record) => record,
            None => {
                former_code(r, cx, at.key("insee"), code, who);
                return false;
            }
        },
        None => match siren {
            Some((_, Some(record), _)) => record,
            Some((s, None, None)) => {
                let (issue, params) =
                    cx.any_change(SIREN_UNKNOWN, Params::new().with("value", s.as_str()));
                emit(r, cx, at.key("siren"), issue, params, who);
                return false;
            }
            _ => return false,
        },
    };
    let names = who
        .name
        .and_then(|name| Some((name, cx.g.match_commune_name(name)?)));
    // The code against a SIREN and a name that agree on another commune: the code is wrong.
    if let (Some(code), Some((_, Some(other), _)), Some((_, hits))) = (&geo.insee, siren, &names) {
        let names_other = hits.iter().any(|h| h.commune.insee == other.insee);
        let names_target = hits.iter().any(|h| h.commune.insee == target.insee);
        if other.insee != target.insee && names_other && !names_target {
            let params = Params::new()
                .with("value", code.as_str())
                .with("official", target.name.as_str())
                .with("other", other.insee.as_str())
                .with("other_name", other.name.as_str());
            emit(
                r,
                cx,
                at.key("insee"),
                IssueCode::GeoInseeMismatch,
                params,
                who,
            );
            return true;
        }
    }
    if let (Some(code), Some((s, found, None))) = (&geo.insee, siren) {
        match found {
            Some(other) if other.insee != target.insee => {
                let params = Params::new()
                    .with("value", s.as_str())
                    .with("other", other.insee.as_str())
                    .with("other_name", other.name.as_str())
                    .with("insee", code.as_str())
                    .with("official", target.name.as_str())
                    .with(
                        "expected",
                        target.siren.as_ref().map(Siren::as_str).unwrap_or("—"),
                    );
                emit(
                    r,
                    cx,
                    at.key("siren"),
                    IssueCode::GeoSirenMismatch,
                    params,
                    who,
                );
            }
            Some(_) => {}
            None => {
                let mut params = Params::new().with("value", s.as_str());
                if let Some(expected) = &target.siren {
                    params.set("expected", Param::Text(expected.to_string()));
                }
                let (issue, params) = cx.any_change(SIREN_UNKNOWN, params);
                emit(r, cx, at.key("siren"), issue, params, who);
            }
        }
    }
    if let Some((name, hits)) = &names {
        let verdict = verdict(
            hits.iter().map(|h| (h.commune.insee.as_str(), h.matched)),
            target.insee.as_str(),
        );
        let others = || {
            hits.iter()
                .map(|h| described(h.commune))
                .take(5)
                .collect::<Vec<_>>()
        };
        name_issue(r, cx, at, who, name, &target.name, verdict, others);
    }
    if let Some(departement) = &geo.departement {
        if *departement != target.departement {
            let params = Params::new()
                .with("value", departement.as_str())
                .with("expected", target.departement.as_str())
                .with("insee", target.insee.as_str())
                .with("official", target.name.as_str());
            emit(
                r,
                cx,
                at.key("departement"),
                IssueCode::GeoDepartementMismatch,
                params,
                who,
            );
        }
    }
    false
}

/// How a name stands against the collectivity its identifier designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The name is its official name, however written.
    Matches,
    /// A former name of it.
    Former,
    /// A typo of one of its names, or no name of the reference at all.
    Mismatch,
    /// Only other collectivities' names.
    Other,
}

/// How a name stands against `target`, from what it matches. A typo of another collectivity's
/// name is not taken to designate it (that would be a guess): it is a mismatch.
fn verdict<'a>(hits: impl Iterator<Item = (&'a str, NameMatch)>, target: &str) -> Verdict {
    let mut best: Option<NameMatch> = None;
    let mut others = false;
    for (code, matched) in hits {
        if code != target {
            others |= matched != NameMatch::Typo;
            continue;
        }
        best = Some(match (best, matched) {
            (Some(NameMatch::Official), _) | (_, NameMatch::Official) => NameMatch::Official,
            (Some(NameMatch::Former), _) | (_, NameMatch::Former) => NameMatch::Former,
            _ => NameMatch::Typo,
        });
    }
    match best {
        Some(NameMatch::Official) => Verdict::Matches,
        Some(NameMatch::Former) => Verdict::Former,
        Some(NameMatch::Typo) => Verdict::Mismatch,
        None if others => Verdict::Other,
        None => Verdict::Mismatch,
    }
}

#[allow(clippy::too_many_arguments)]
fn name_issue(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    at: &Path,
    who: Who<'_>,
    name: &str,
    official: &str,
    verdict: Verdict,
    others: impl FnOnce() -> Vec<String>,
) {
    let params = Params::new()
        .with("name", crate::text::shorten(name))
        .with("official", official);
    let (code, params) = match verdict {
        Verdict::Matches => return,
        Verdict::Former => cx.recorded(NAME_FORMER, params),
        Verdict::Mismatch => (IssueCode::GeoNameMismatch, params),
        Verdict::Other => (IssueCode::GeoNameOther, params.with("other", others())),
    };
    emit(r, cx, at.key("name"), code, params, who);
}

/// The rules of an EPCI party.
fn epci(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    kind: PartyKind,
    geo: &PartyGeo,
    at: &Path,
    who: Who<'_>,
) {
    let Some(siren) = &geo.siren else {
        members(r, cx, at, &geo.members, None, who);
        return;
    };
    let Some(record) = cx.g.epci(siren) else {
        if let Some(commune) = cx.g.commune_by_siren(siren) {
            kind_mismatch(
                r,
                cx,
                at.key("siren"),
                siren.as_str(),
                kind,
                Word::A_COMMUNE,
                &commune.name,
                who,
            );
        } else {
            let params = Params::new().with("value", siren.as_str());
            let (issue, params) = cx.any_change(SIREN_UNKNOWN, params);
            emit(r, cx, at.key("siren"), issue, params, who);
        }
        members(r, cx, at, &geo.members, None, who);
        return;
    };
    if record.kind != kind {
        let params = Params::new()
            .with("value", siren.as_str())
            .with("kind", kind.word())
            .with("expected", record.kind.word())
            .with("official", record.name.as_str());
        let (issue, params) = cx.any_change(EPCI_KIND, params);
        emit(r, cx, at.key("kind"), issue, params, who);
    }
    if let Some((name, hits)) = who.name.and_then(|n| Some((n, cx.g.match_epci_name(n)?))) {
        let verdict = verdict(
            hits.iter().map(|h| (h.epci.siren.as_str(), h.matched)),
            record.siren.as_str(),
        );
        let others = || {
            hits.iter()
                .map(|h| format!("{} ({})", h.epci.name, h.epci.siren))
                .take(5)
                .collect::<Vec<_>>()
        };
        name_issue(r, cx, at, who, name, &record.name, verdict, others);
    }
    members(r, cx, at, &geo.members, Some(record), who);
}

/// The member list of an EPCI (checked against the reference's members when the EPCI is known)
/// or of a syndicate: each code known, listed once.
fn members(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    at: &Path,
    listed: &[(usize, InseeCode)],
    epci: Option<&EpciRecord>,
    who: Who<'_>,
) {
    if listed.is_empty() {
        return;
    }
    let mut seen: HashMap<&InseeCode, usize> = HashMap::new();
    // Today's codes of the members listed, and the reference's members, sorted once: an EPCI
    // lists up to a few hundred communes, each looked up in the other list.
    let mut present: Vec<&InseeCode> = Vec::with_capacity(listed.len());
    let official: Vec<&InseeCode> = match epci {
        Some(epci) => {
            let mut official: Vec<&InseeCode> = epci.members.iter().collect();
            crate::sorting::sort(&mut official);
            official
        }
        None => Vec::new(),
    };
    let mut unplaced = false;
    for (j, code) in listed {
        let path = at.key("members").index(*j);
        if let Some(&first) = seen.get(code) {
            let params = Params::new()
                .with("value", code.as_str())
                .with("first", first);
            emit(r, cx, path, IssueCode::GeoMemberDuplicate, params, who);
            continue;
        }
        seen.insert(code, *j);
        let Some(record) = cx.g.commune(code) else {
            match former_code(r, cx, path, code, who) {
                Some(current) => present.push(&current.insee),
                None => unplaced = true,
            }
            continue;
        };
        present.push(&record.insee);
        let Some(epci) = epci else { continue };
        if official.binary_search(&code).is_err() {
            let mut params = Params::new()
                .with("value", code.as_str())
                .with("official", record.name.as_str())
                .with("epci_name", epci.name.as_str());
            if let Some(of) = record.epci.as_ref().and_then(|s| cx.g.epci(s)) {
                params.set("member_of", Param::Text(of.name.clone()));
            }
            let (issue, params) = cx.any_change(NOT_MEMBER, params);
            emit(r, cx, path, issue, params, who);
        }
    }
    // A code that could not be placed may be the missing member: nothing is said then.
    let Some(epci) = epci.filter(|_| !unplaced) else {
        return;
    };
    crate::sorting::sort(&mut present);
    let missing: Vec<&InseeCode> = epci
        .members
        .iter()
        .filter(|m| present.binary_search(m).is_err())
        .collect();
    if missing.is_empty() {
        return;
    }
    let names: Vec<String> = missing
        .iter()
        .take(20)
        .map(|code| match cx.g.commune(code) {
            Some(record) => described(record),
            None => code.to_string(),
        })
        .collect();
    let params = Params::new()
        .with("count", missing.len())
        .with("missing", names)
        .with("epci_name", epci.name.as_str());
    let (issue, params) = cx.any_change(MISSING, params);
    emit(r, cx, at.key("members"), issue, params, who);
}

/// A commune that signs without being a member of any EPCI that signs: an information. Said only
/// when every signing EPCI is known and every party's role could be read.
fn outside_epci(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    items: &List<Party, PartyFacts>,
    views: &[PartyView<'_>],
    territory: &Territory<'_>,
    contradictory: &BTreeSet<usize>,
) {
    let epci_unplaced = territory.unresolved.iter().any(|(index, _, _)| {
        views
            .iter()
            .any(|v| v.index == *index && v.kind.is_some_and(PartyKind::is_epci))
    });
    if territory.epcis.is_empty() || epci_unplaced || territory.uncertain {
        return;
    }
    let names: Vec<String> = territory
        .epcis
        .iter()
        .map(|(_, e)| e.name.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // `views` were made from the items that kept their geography, in the same order.
    for (view, item) in views
        .iter()
        .zip(items.iter().filter(|i| i.extra.geo.is_some()))
    {
        let signs = view.role.is_some_and(PartyRole::signs);
        if view.kind != Some(PartyKind::Commune) || !signs || contradictory.contains(&view.index) {
            continue;
        }
        let Place::Commune {
            record,
            former: None,
        } = place(cx.g, view)
        else {
            continue;
        };
        if territory
            .epcis
            .iter()
            .any(|(_, e)| e.members.contains(&record.insee))
        {
            continue;
        }
        let mut params = Params::new()
            .with("insee", record.insee.as_str())
            .with("official", record.name.as_str())
            .with("epci", names.join(", "));
        if let Some(of) = record.epci.as_ref().and_then(|s| cx.g.epci(s)) {
            params.set("member_of", Param::Text(of.name.clone()));
        }
        let who = Who {
            id: item.id(),
            name: item.name(),
        };
        let path = Path::root().key("parties").index(view.index);
        emit(r, cx, path, IssueCode::GeoCommuneOutsideEpci, params, who);
    }
}

/// A commune of an action sheet: known, current, and in the territory when the territory is
/// known whole.
fn sheet_commune(
    r: &mut Reader<'_, '_>,
    cx: &Cx<'_>,
    territory: &Territory<'_>,
    path: Path,
    code: &InseeCode,
    who: Who<'_>,
) {
    let Some(record) = cx.g.commune(code) else {
        former_code(r, cx, path, code, who);
        return;
    };
    if !territory.is_complete() || territory.communes.is_empty() {
        return;
    }
    // An arrondissement is in the territory when its commune is.
    let commune = record.parent.as_ref().unwrap_or(&record.insee);
    if territory.communes.contains_key(commune) || territory.communes.contains_key(code) {
        return;
    }
    let params = Params::new()
        .with("value", code.as_str())
        .with("official", record.name.as_str());
    emit(r, cx, path, IssueCode::GeoSheetCommuneOutside, params, who);
}
