//! Funding: beneficiaries, allocations and declared totals, and the rules that tie them together.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::domains::domain;
use super::reader::{Fields, Reader, YearKeys};
use super::references::{self, Target};
use super::slot::{built, keep, Item, Slot};
use crate::input::Tok;
use crate::{
    Allocation, AllocationKey, Amount, Beneficiary, DeclaredTotals, FacilityKind, Funding,
    IssueCode, Params, Path, Period, Siret, Word, Year,
};

const FUNDING: Fields = Fields {
    names: &["beneficiaries", "allocations", "declared"],
    required: &["beneficiaries", "allocations"],
};

/// Year → amount entries as read: `None` for an amount that could not be read.
type Entries = Vec<(Year, Option<Amount>)>;

/// What the checks need of an allocation, even a broken one.
#[derive(Debug, Default)]
pub(crate) struct AllocationFacts {
    beneficiary: Option<String>,
    /// `None` when the amounts could not be placed in years at all (absent, not an object, a key
    /// that is not a year). A year given twice is an entry without an amount.
    amounts: Option<Entries>,
    /// The years of the paid amounts, read or not (checked against the period).
    paid_years: Vec<Year>,
}

impl super::slot::Facts for AllocationFacts {
    /// Never empty: even an allocation without anything readable says that some amounts could not
    /// be placed, which keeps the sums from being compared (no cascade).
    fn is_empty(&self) -> bool {
        false
    }
}

/// The declared totals as read.
#[derive(Debug, Default)]
pub(crate) struct DeclaredDraft {
    yearly: Slot<Entries>,
    yearly_duplicates: Vec<Year>,
    total: Slot<Amount>,
}

/// The funding section as read.
#[derive(Debug, Default)]
pub(crate) struct FundingDraft {
    beneficiaries: Slot<Vec<Item<Beneficiary, Option<String>>>>,
    allocations: Slot<Vec<Item<Allocation, AllocationFacts>>>,
    declared: Slot<DeclaredDraft>,
}

/// Reads the funding section (the checks against the period and the references come later, in
/// [`check`]).
pub(crate) fn read<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<FundingDraft> {
    let mut d = FundingDraft::default();
    let is_object = r.object(tok, &FUNDING, |r, field, tok| match field {
        0 => {
            let mut items = Vec::new();
            let listed = r.list(tok, |r, i, tok| {
                let item = beneficiary(r, i, tok);
                keep(r, &mut items, item);
            });
            if listed {
                references::ids(r, &items);
                d.beneficiaries = Slot::Ok(items);
            } else {
                d.beneficiaries = Slot::Bad;
            }
        }
        1 => {
            let mut items = Vec::new();
            let listed = r.list(tok, |r, i, tok| {
                let item = allocation(r, i, tok);
                keep(r, &mut items, item);
            });
            d.allocations = if listed { Slot::Ok(items) } else { Slot::Bad };
        }
        _ => d.declared = Slot::read(declared(r, tok)),
    });
    is_object.then_some(d)
}

/// Reads a list of allocations on its own (the checks against a period and the references are
/// not run); `None` when one cannot be read.
pub(crate) fn allocations<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Vec<Allocation>> {
    let mut items = Vec::new();
    let listed = r.list(tok, |r, i, tok| {
        let item = allocation(r, i, tok);
        keep(r, &mut items, item);
    });
    listed.then(|| built(items)).flatten()
}

const BENEFICIARY: Fields = Fields {
    names: &["id", "name", "siret", "party"],
    required: &["id", "name"],
};

pub(crate) fn beneficiary<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
) -> Item<Beneficiary, Option<String>> {
    let mark = r.mark();
    let (mut id, mut name, mut siret, mut party): (_, _, Option<Siret>, _) =
        (None, None, None, None);
    let mut ok = true;
    let is_object = r.object(tok, &BENEFICIARY, |r, field, tok| match field {
        0 => {
            id = r.text(tok);
            ok &= id.is_some();
        }
        1 => {
            name = r.text(tok);
            ok &= name.is_some();
        }
        2 => {
            siret = r.identifier(tok);
            ok &= siret.is_some();
        }
        _ => {
            party = r.text(tok);
            ok &= party.is_some();
        }
    });
    r.annotate(mark, id.as_deref(), name.as_deref());
    let built = match (is_object && ok, id.clone(), name.clone()) {
        (true, Some(id), Some(name)) => Some(Beneficiary {
            id,
            name,
            siret,
            party: party.clone(),
        }),
        _ => None,
    };
    Item {
        index,
        id,
        name,
        built: built.map(Box::new),
        extra: party,
    }
}

const ALLOCATION: Fields = Fields {
    names: &[
        "beneficiary",
        "facility_kind",
        "domain",
        "label",
        "amounts",
        "paid",
    ],
    required: &["beneficiary", "facility_kind", "amounts"],
};

fn allocation<'a>(
    r: &mut Reader<'_, 'a>,
    index: usize,
    tok: Tok<'a>,
) -> Item<Allocation, AllocationFacts> {
    let mark = r.mark();
    let mut facts = AllocationFacts::default();
    let (mut facility_kind, mut domain_read, mut label) = (None, None, None);
    let mut paid: Option<BTreeMap<Year, Amount>> = Some(BTreeMap::new());
    let mut ok = true;
    let is_object = r.object(tok, &ALLOCATION, |r, field, tok| match field {
        0 => {
            facts.beneficiary = r.text(tok);
            ok &= facts.beneficiary.is_some();
        }
        1 => {
            facility_kind = r.word(tok, FacilityKind::parse, FacilityKind::CODES);
            ok &= facility_kind.is_some();
        }
        2 => {
            domain_read = domain(r, tok);
            ok &= domain_read.is_some();
        }
        3 => {
            label = r.text(tok);
            ok &= label.is_some();
        }
        4 => {
            let empty = matches!(tok, Tok::Object);
            let (entries, keys) = year_amounts(r, tok);
            if let (Some(keys), Some(entries)) = (&keys, &entries) {
                if empty && entries.is_empty() && keys.all_years && keys.duplicates.is_empty() {
                    r.issue(IssueCode::AllocationEmpty, Params::new());
                }
            }
            match (keys, entries) {
                (Some(keys), Some(mut entries)) if keys.all_years => {
                    entries.extend(keys.duplicates.into_iter().map(|year| (year, None)));
                    facts.amounts = Some(entries);
                }
                _ => facts.amounts = None,
            }
        }
        _ => {
            let (entries, keys) = year_amounts(r, tok);
            match (keys, entries) {
                (Some(keys), Some(entries)) if keys.all_years && keys.duplicates.is_empty() => {
                    facts.paid_years = entries.iter().map(|(y, _)| *y).collect();
                    paid = entries
                        .into_iter()
                        .map(|(y, a)| a.map(|a| (y, a)))
                        .collect::<Option<BTreeMap<Year, Amount>>>();
                    ok &= paid.is_some();
                }
                (Some(keys), Some(entries)) => {
                    facts.paid_years = entries.iter().map(|(y, _)| *y).collect();
                    facts.paid_years.extend(keys.duplicates);
                    ok = false;
                }
                _ => ok = false,
            }
        }
    });
    r.annotate(mark, facts.beneficiary.as_deref(), None);
    let amounts: Option<BTreeMap<Year, Amount>> = facts.amounts.as_ref().and_then(|entries| {
        entries
            .iter()
            .map(|&(year, amount)| amount.map(|a| (year, a)))
            .collect()
    });
    let built = match (
        is_object && ok,
        facts.beneficiary.clone(),
        facility_kind,
        amounts,
    ) {
        (true, Some(beneficiary), Some(facility_kind), Some(amounts)) => Some(Allocation {
            beneficiary,
            facility_kind,
            domain: domain_read,
            label,
            amounts,
            paid: paid.unwrap_or_default(),
        }),
        _ => None,
    };
    Item {
        index,
        id: None, // allocations have no id of their own; the beneficiary is in the facts
        name: None,
        built: built.map(Box::new),
        extra: facts,
    }
}

/// Reads a year → amount object: its entries (an unreadable amount as `None`), and what its keys
/// were; `(None, None)` when it is not an object.
fn year_amounts<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> (Option<Entries>, Option<YearKeys>) {
    let mut entries = Vec::new();
    let keys = r.year_map(tok, |r, year, tok| entries.push((year, r.amount(tok))));
    match keys {
        Some(keys) => (Some(entries), Some(keys)),
        None => (None, None),
    }
}

const DECLARED: Fields = Fields {
    names: &["yearly", "total"],
    required: &[],
};

pub(crate) fn declared<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<DeclaredDraft> {
    let mut d = DeclaredDraft::default();
    let is_object = r.object(tok, &DECLARED, |r, field, tok| match field {
        0 => match year_amounts(r, tok) {
            (Some(entries), Some(keys)) if keys.all_years => {
                d.yearly_duplicates = keys.duplicates;
                d.yearly = Slot::Ok(entries);
            }
            _ => d.yearly = Slot::Bad,
        },
        _ => d.total = Slot::read(r.amount(tok)),
    });
    is_object.then_some(d)
}

/// The declared totals of a draft whose amounts were all read.
pub(crate) fn declared_totals(declared: DeclaredDraft) -> Option<DeclaredTotals> {
    let yearly = match declared.yearly {
        Slot::Absent => Some(BTreeMap::new()),
        Slot::Bad => None,
        Slot::Ok(entries) => entries
            .into_iter()
            .map(|(y, a)| a.map(|a| (y, a)))
            .collect::<Option<BTreeMap<Year, Amount>>>()
            .filter(|_| declared.yearly_duplicates.is_empty()),
    };
    match (yearly, declared.total.optional()) {
        (Some(yearly), Some(total)) => Some(DeclaredTotals { yearly, total }),
        _ => None,
    }
}

// ---------------------------------------------------------------------- checks across sections

/// Sums of in-period allocation amounts, with what could not be counted.
struct Sums {
    by_year: BTreeMap<Year, Amount>,
    /// Years whose sum is unknown (an amount was unreadable or given twice) or overflowed.
    unknown_years: BTreeSet<Year>,
    /// Whether some amounts could not be placed in any year, or the sum overflowed.
    all_unknown: bool,
}

/// Checks the funding against the period and the parties, then builds it when nothing is wrong.
pub(crate) fn check(
    r: &mut Reader<'_, '_>,
    d: FundingDraft,
    period: Option<Period>,
    parties: Option<&HashSet<String>>,
) -> Option<Funding> {
    let root = Path::root().key("funding");
    let beneficiary_ids: Option<HashSet<String>> = d
        .beneficiaries
        .get()
        .map(|items| items.iter().filter_map(|b| b.id.clone()).collect());
    if let Some(items) = d.beneficiaries.get() {
        for item in items {
            if let Some(party) = &item.extra {
                let path = root.key("beneficiaries").index(item.index).key("party");
                let who = (item.id.as_deref(), item.name.as_deref());
                references::check(r, parties, party, Target::Party, path, who);
            }
        }
    }
    if let Some(items) = d.allocations.get() {
        for item in items {
            if let Some(b) = &item.extra.beneficiary {
                let path = root.key("allocations").index(item.index).key("beneficiary");
                let who = (Some(b.as_str()), None);
                references::check(
                    r,
                    beneficiary_ids.as_ref(),
                    b,
                    Target::Beneficiary,
                    path,
                    who,
                );
            }
        }
    }
    if let Some(items) = d.allocations.get() {
        alike(r, items, &root);
    }
    if let Some(period) = period {
        outside_period(r, &d, period, &root);
        if let Some(items) = d.allocations.get() {
            let sums = sum(r, items, period, &root);
            if let Some(declared) = d.declared.get() {
                check_declared(r, declared, &root, &sums, !items.is_empty(), period);
            }
            if !items.is_empty() && !sums.all_unknown {
                for year in period.years() {
                    let funded = sums.by_year.get(&year).is_some_and(|a| !a.is_zero());
                    if !funded && !sums.unknown_years.contains(&year) {
                        r.issue_path(
                            root.key("allocations"),
                            IssueCode::YearWithoutFunding,
                            Params::new().with("year", year),
                        );
                    }
                }
            }
        }
    }
    let declared = match d.declared {
        Slot::Absent => Some(DeclaredTotals::default()),
        Slot::Bad => None,
        Slot::Ok(declared) => declared_totals(declared),
    };
    Some(Funding::new(
        built(d.beneficiaries.required()?)?,
        built(d.allocations.required()?)?,
        declared?,
    ))
}

/// Lines that cannot be told apart (a change names a line by its [`AllocationKey`]): each one
/// after the first is reported, with the index of the first.
fn alike(r: &mut Reader<'_, '_>, items: &[Item<Allocation, AllocationFacts>], root: &Path) {
    let mut first: HashMap<AllocationKey, usize> = HashMap::new();
    for item in items {
        let Some(allocation) = &item.built else {
            continue;
        };
        match first.entry(AllocationKey::of(allocation)) {
            Entry::Occupied(e) => r.issue_path(
                root.key("allocations").index(item.index),
                IssueCode::AllocationAlike,
                Params::new().with("other", *e.get()),
            ),
            Entry::Vacant(e) => {
                e.insert(item.index);
            }
        }
    }
}

/// Every year outside the period, in allocations and declared totals.
fn outside_period(r: &mut Reader<'_, '_>, d: &FundingDraft, period: Period, root: &Path) {
    let report = |r: &mut Reader<'_, '_>, path: Path, year: Year| {
        r.issue_path(
            path.key(year.to_string()),
            IssueCode::FundingYearOutsidePeriod,
            Params::new()
                .with("year", year)
                .with("period", period.to_string()),
        );
    };
    if let Some(items) = d.allocations.get() {
        for item in items {
            let at = root.key("allocations").index(item.index);
            for &(year, _) in item.extra.amounts.iter().flatten() {
                if !period.contains(year) {
                    report(r, at.key("amounts"), year);
                }
            }
            for &year in &item.extra.paid_years {
                if !period.contains(year) {
                    report(r, at.key("paid"), year);
                } else if item
                    .extra
                    .amounts
                    .as_ref()
                    .is_some_and(|planned| !planned.iter().any(|(y, _)| *y == year))
                {
                    r.issue_path(
                        at.key("paid").key(year.to_string()),
                        IssueCode::PaidWithoutPlan,
                        Params::new().with("year", year),
                    );
                }
            }
        }
    }
    if let Some(Slot::Ok(entries)) = d.declared.get().map(|d| &d.yearly) {
        for &(year, _) in entries {
            if !period.contains(year) {
                report(r, root.key("declared").key("yearly"), year);
            }
        }
    }
}

/// Sums the in-period amounts of every allocation, per year, with overflow checked.
fn sum(
    r: &mut Reader<'_, '_>,
    items: &[Item<Allocation, AllocationFacts>],
    period: Period,
    root: &Path,
) -> Sums {
    let mut sums = Sums {
        by_year: period.years().map(|y| (y, Amount::ZERO)).collect(),
        unknown_years: BTreeSet::new(),
        all_unknown: false,
    };
    let mut overflowed = false;
    for item in items {
        let Some(entries) = &item.extra.amounts else {
            sums.all_unknown = true;
            continue;
        };
        for &(year, amount) in entries {
            if !period.contains(year) {
                continue;
            }
            let Some(amount) = amount else {
                sums.unknown_years.insert(year);
                continue;
            };
            let Some(total) = sums.by_year.get_mut(&year) else {
                continue;
            };
            match total.checked_add(amount) {
                Some(t) => *total = t,
                None => {
                    sums.unknown_years.insert(year);
                    overflowed = true;
                }
            }
        }
    }
    if overflowed || Amount::checked_sum(sums.by_year.values().copied()).is_none() {
        sums.all_unknown = true;
        r.issue_path(
            root.key("allocations"),
            IssueCode::AmountOverflow,
            Params::new().with("max", Amount::MAX),
        );
    }
    sums
}

/// Declared yearly totals against the allocations; the declared total against the years.
fn check_declared(
    r: &mut Reader<'_, '_>,
    declared: &DeclaredDraft,
    root: &Path,
    sums: &Sums,
    has_allocations: bool,
    period: Period,
) {
    let path = root.key("declared");
    let yearly: &[(Year, Option<Amount>)] = declared.yearly.get().map_or(&[], Vec::as_slice);
    if has_allocations {
        for &(year, stated) in yearly {
            let Some(stated) = stated else { continue };
            if !period.contains(year) || sums.all_unknown || sums.unknown_years.contains(&year) {
                continue;
            }
            let Some(&actual) = sums.by_year.get(&year) else {
                continue;
            };
            if actual != stated {
                r.issue_path(
                    path.key("yearly").key(year.to_string()),
                    IssueCode::YearTotalMismatch,
                    Params::new()
                        .with("year", year)
                        .with("declared", stated)
                        .with("computed", actual)
                        .with("difference", difference(stated, actual)),
                );
            }
        }
    }
    let Slot::Ok(stated) = declared.total else {
        return;
    };
    let (actual, basis) = if has_allocations {
        if sums.all_unknown || !sums.unknown_years.is_empty() {
            return;
        }
        (
            Amount::checked_sum(sums.by_year.values().copied()),
            Word::ALLOCATIONS,
        )
    } else {
        let readable = matches!(declared.yearly, Slot::Ok(_))
            && declared.yearly_duplicates.is_empty()
            && yearly.iter().all(|(_, a)| a.is_some());
        if yearly.is_empty() || !readable {
            return;
        }
        (
            Amount::checked_sum(
                yearly
                    .iter()
                    .filter(|(y, _)| period.contains(*y))
                    .filter_map(|(_, a)| *a),
            ),
            Word::DECLARED_YEARLY,
        )
    };
    let Some(actual) = actual else { return };
    if actual != stated {
        r.issue_path(
            path.key("total"),
            IssueCode::PeriodTotalMismatch,
            Params::new()
                .with("declared", stated)
                .with("computed", actual)
                .with("difference", difference(stated, actual))
                .with("basis", basis),
        );
    }
}

/// `declared − computed`, signed, as a decimal number of euros.
fn difference(declared: Amount, computed: Amount) -> rust_decimal::Decimal {
    declared.to_decimal() - computed.to_decimal()
}
