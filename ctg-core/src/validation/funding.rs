//! Funding: beneficiaries, allocations and declared totals, and the rules that tie them together.

use std::collections::{BTreeMap, BTreeSet};

use super::domains::domain;
use super::reader::{Fields, Reader, YearKeys};
use super::references::{self, Target};
use super::slot::{Item, ItemRef, List, Model, Slot};
use crate::input::Tok;
use crate::{
    Allocation, Amount, Beneficiary, DeclaredTotals, FacilityKind, Funding, IssueCode, Params,
    Path, Period, Siret, ThematicDomain, Word, Year,
};

const FUNDING: Fields = Fields {
    names: &["beneficiaries", "allocations", "declared"],
    required: &["beneficiaries", "allocations"],
};

/// Year → amount entries as read: `None` for an amount that could not be read.
type Entries = Vec<(Year, Option<Amount>)>;

/// What the checks need of an allocation, even a broken one. A built allocation's beneficiary,
/// amounts and paid years are its model value's (see [`beneficiary_of`], [`each_amount`],
/// [`each_paid_year`]): they are not held here too.
#[derive(Debug, Default)]
pub(crate) struct AllocationFacts {
    /// What is kept of an allocation that is not built (boxed: a built one needs none of it).
    unbuilt: Option<Box<Unbuilt>>,
    /// The years of a built allocation's amounts and paid amounts as written, when they are not
    /// written in increasing order (the order of the issues about them).
    written: Option<Box<WrittenYears>>,
    /// Whether the allocation was built before any error was recorded: only those are compared
    /// in the search for lines alike.
    comparable: bool,
}

/// What is kept of an allocation that is not built.
#[derive(Debug, Default)]
struct Unbuilt {
    /// Its beneficiary, when readable.
    beneficiary: Option<crate::ShortText>,
    /// Its amounts; `None` when they could not be placed in years at all (absent, not an object,
    /// a key that is not a year). A year given twice is an entry without an amount.
    amounts: Option<Entries>,
    /// The years of its paid amounts, read or not (checked against the period).
    paid_years: Vec<Year>,
}

/// The years of an allocation's amounts and paid amounts, in the document's order.
#[derive(Debug, Default)]
struct WrittenYears {
    amounts: Vec<Year>,
    paid: Vec<Year>,
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
    beneficiaries: Slot<List<Beneficiary, Option<String>>>,
    allocations: Slot<List<Allocation, AllocationFacts>>,
    declared: Slot<DeclaredDraft>,
}

/// Buffers reused from one allocation to the next.
#[derive(Default)]
struct Scratch {
    amounts: Entries,
    paid: Entries,
}

/// Reads the funding section (the checks against the period and the references come later, in
/// [`check`]).
pub(crate) fn read<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<FundingDraft> {
    let mut d = FundingDraft::default();
    let is_object = r.object(tok, &FUNDING, |r, field, tok| match field {
        0 => {
            let mut items = List::default();
            let listed = r.list(tok, |r, i, tok| items.keep(beneficiary(r, i, tok)));
            if listed {
                references::ids(r, &items);
                d.beneficiaries = Slot::Ok(items);
            } else {
                d.beneficiaries = Slot::Bad;
            }
        }
        1 => {
            let mut items = List::default();
            let mut scratch = Scratch::default();
            let listed = r.list(tok, |r, i, tok| {
                items.keep(allocation(r, i, tok, &mut scratch));
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
    let mut items = List::default();
    let mut scratch = Scratch::default();
    let listed = r.list(tok, |r, i, tok| {
        items.keep(allocation(r, i, tok, &mut scratch));
    });
    // An item left out of the list had an error, which the caller sees in the report.
    listed.then(|| items.into_built()).flatten()
}

const BENEFICIARY: Fields = Fields {
    names: &["id", "name", "siret", "party"],
    required: &["id", "name"],
};

/// Reads one beneficiary; the facts kept of one that is not built are its party reference.
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
            id = r.short_text(tok);
            ok &= id.is_some();
        }
        1 => {
            name = r.short_text(tok);
            ok &= name.is_some();
        }
        2 => {
            siret = r.identifier(tok);
            ok &= siret.is_some();
        }
        _ => {
            party = r.short_text(tok);
            ok &= party.is_some();
        }
    });
    if r.mark() > mark {
        r.annotate(mark, id.as_deref(), name.as_deref());
    }
    match (is_object && ok, id, name) {
        (true, Some(id), Some(name)) => {
            let beneficiary = Beneficiary {
                id,
                name,
                siret,
                party,
            };
            Item::built(index, beneficiary, None)
        }
        (_, id, name) => Item::unbuilt(
            index,
            id.map(String::from),
            name.map(String::from),
            party.map(String::from),
        ),
    }
}

impl Model for Beneficiary {
    fn model_id(&self) -> Option<&str> {
        Some(&self.id)
    }
    fn model_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

/// The party a beneficiary says it is.
fn party_of<'l>(item: ItemRef<'l, Beneficiary, Option<String>>) -> Option<&'l str> {
    match item.built {
        Some(beneficiary) => beneficiary.party.as_deref(),
        None => item.extra.as_deref(),
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
    scratch: &mut Scratch,
) -> Item<Allocation, AllocationFacts> {
    let mark = r.mark();
    scratch.amounts.clear();
    scratch.paid.clear();
    let mut beneficiary = None;
    let (mut facility_kind, mut domain_read, mut label) = (None, None, None);
    // The amounts: whether they could be placed in years, and the years given twice.
    let mut placed = false;
    let mut duplicates: Vec<Year> = Vec::new();
    // The paid amounts: their years when they are not all readable (`ok` is then false).
    let mut bad_paid_years: Option<Vec<Year>> = None;
    let mut ok = true;
    let is_object = r.object(tok, &ALLOCATION, |r, field, tok| match field {
        0 => {
            beneficiary = r.short_text(tok);
            ok &= beneficiary.is_some();
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
            let keys = year_amounts(r, tok, &mut scratch.amounts);
            if let Some(keys) = &keys {
                if scratch.amounts.is_empty() && keys.all_years && keys.duplicates.is_empty() {
                    r.issue(IssueCode::AllocationEmpty, Params::new());
                }
            }
            match keys {
                Some(keys) if keys.all_years => {
                    placed = true;
                    duplicates = keys.duplicates;
                }
                _ => {
                    placed = false;
                    scratch.amounts.clear();
                }
            }
        }
        _ => match year_amounts(r, tok, &mut scratch.paid) {
            Some(keys) if keys.all_years && keys.duplicates.is_empty() => {
                ok &= scratch.paid.iter().all(|(_, a)| a.is_some());
            }
            Some(keys) => {
                let mut years: Vec<Year> = scratch.paid.iter().map(|(y, _)| *y).collect();
                years.extend(keys.duplicates);
                bad_paid_years = Some(years);
                scratch.paid.clear();
                ok = false;
            }
            None => {
                bad_paid_years = Some(Vec::new());
                ok = false;
            }
        },
    });
    if r.mark() > mark {
        r.annotate(mark, beneficiary.as_deref(), None);
    }
    let amounts_read =
        placed && duplicates.is_empty() && scratch.amounts.iter().all(|(_, a)| a.is_some());
    match (is_object && ok && amounts_read, beneficiary, facility_kind) {
        (true, Some(beneficiary), Some(facility_kind)) => {
            let in_order =
                |entries: &Entries| entries.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0));
            let written = (!in_order(&scratch.amounts) || !in_order(&scratch.paid)).then(|| {
                Box::new(WrittenYears {
                    amounts: scratch.amounts.iter().map(|(y, _)| *y).collect(),
                    paid: scratch.paid.iter().map(|(y, _)| *y).collect(),
                })
            });
            let allocation = Allocation {
                beneficiary,
                facility_kind,
                domain: domain_read,
                label,
                amounts: year_map_of(&scratch.amounts),
                paid: year_map_of(&scratch.paid),
            };
            let facts = AllocationFacts {
                written,
                comparable: !r.has_errors(),
                ..AllocationFacts::default()
            };
            Item::built(index, allocation, facts)
        }
        (_, beneficiary, _) => {
            let amounts = placed.then(|| {
                let mut entries = Vec::with_capacity(scratch.amounts.len() + duplicates.len());
                entries.extend_from_slice(&scratch.amounts);
                entries.extend(duplicates.into_iter().map(|year| (year, None)));
                entries
            });
            let paid_years =
                bad_paid_years.unwrap_or_else(|| scratch.paid.iter().map(|(y, _)| *y).collect());
            let facts = AllocationFacts {
                unbuilt: Some(Box::new(Unbuilt {
                    beneficiary,
                    amounts,
                    paid_years,
                })),
                ..AllocationFacts::default()
            };
            Item::unbuilt(index, None, None, facts)
        }
    }
}

impl Model for Allocation {}

/// The map of entries whose amounts were all read (others are left out).
fn year_map_of(entries: &Entries) -> BTreeMap<Year, Amount> {
    let mut map = BTreeMap::new();
    for &(year, amount) in entries {
        if let Some(amount) = amount {
            map.insert(year, amount);
        }
    }
    map
}

/// The beneficiary an allocation names.
fn beneficiary_of<'l>(item: ItemRef<'l, Allocation, AllocationFacts>) -> Option<&'l str> {
    match item.built {
        Some(allocation) => Some(&allocation.beneficiary),
        None => item.extra.unbuilt.as_ref()?.beneficiary.as_deref(),
    }
}

/// Calls `f` with each year and amount of an allocation, in the document's order (an amount that
/// could not be read as `None`); `false` when its amounts could not be placed in years.
fn each_amount(
    item: ItemRef<'_, Allocation, AllocationFacts>,
    mut f: impl FnMut(Year, Option<Amount>),
) -> bool {
    let unbuilt = item.extra.unbuilt.as_deref();
    match (item.built, unbuilt.and_then(|u| u.amounts.as_ref())) {
        (Some(allocation), _) => match &item.extra.written {
            Some(written) => {
                for &year in &written.amounts {
                    f(year, allocation.amounts.get(&year).copied());
                }
            }
            None => {
                for (&year, &amount) in &allocation.amounts {
                    f(year, Some(amount));
                }
            }
        },
        (None, Some(entries)) => {
            for &(year, amount) in entries {
                f(year, amount);
            }
        }
        (None, None) => return false,
    }
    true
}

/// Calls `f` with each year of an allocation's paid amounts, in the document's order.
fn each_paid_year(item: ItemRef<'_, Allocation, AllocationFacts>, mut f: impl FnMut(Year)) {
    match (item.built, &item.extra.written) {
        (Some(_), Some(written)) => written.paid.iter().for_each(|&y| f(y)),
        (Some(allocation), None) => allocation.paid.keys().for_each(|&y| f(y)),
        (None, _) => item
            .extra
            .unbuilt
            .iter()
            .flat_map(|u| &u.paid_years)
            .for_each(|&y| f(y)),
    }
}

/// Whether an allocation plans an amount for `year`; `None` when its amounts could not be placed.
fn plans(item: ItemRef<'_, Allocation, AllocationFacts>, year: Year) -> Option<bool> {
    let unbuilt = item.extra.unbuilt.as_deref();
    match (item.built, unbuilt.and_then(|u| u.amounts.as_ref())) {
        (Some(allocation), _) => Some(allocation.amounts.contains_key(&year)),
        (None, Some(entries)) => Some(entries.iter().any(|(y, _)| *y == year)),
        (None, None) => None,
    }
}

/// Reads a year → amount object into `entries` (an unreadable amount as `None`): what its keys
/// were, `None` when it is not an object.
fn year_amounts<'a>(
    r: &mut Reader<'_, 'a>,
    tok: Tok<'a>,
    entries: &mut Entries,
) -> Option<YearKeys> {
    r.year_map(tok, |r, year, tok| entries.push((year, r.amount(tok))))
}

const DECLARED: Fields = Fields {
    names: &["yearly", "total"],
    required: &[],
};

pub(crate) fn declared<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<DeclaredDraft> {
    let mut d = DeclaredDraft::default();
    let is_object = r.object(tok, &DECLARED, |r, field, tok| match field {
        0 => {
            let mut entries = Vec::new();
            match year_amounts(r, tok, &mut entries) {
                Some(keys) if keys.all_years => {
                    d.yearly_duplicates = keys.duplicates;
                    d.yearly = Slot::Ok(entries);
                }
                _ => d.yearly = Slot::Bad,
            }
        }
        _ => d.total = Slot::read(r.amount(tok)),
    });
    is_object.then_some(d)
}

/// The declared totals of a draft whose amounts were all read.
pub(crate) fn declared_totals(declared: DeclaredDraft) -> Option<DeclaredTotals> {
    let yearly = match declared.yearly {
        Slot::Absent => Some(BTreeMap::new()),
        Slot::Bad => None,
        // Inserted one by one: a bulk build is one more copy of the sorting code in the
        // WebAssembly module, for a map of a few years.
        Slot::Ok(entries) if declared.yearly_duplicates.is_empty() => {
            let mut yearly = BTreeMap::new();
            entries
                .into_iter()
                .try_for_each(|(y, a)| {
                    yearly.insert(y, a?);
                    Some(())
                })
                .map(|()| yearly)
        }
        Slot::Ok(_) => None,
    };
    match (yearly, declared.total.optional()) {
        (Some(yearly), Some(total)) => Some(DeclaredTotals { yearly, total }),
        _ => None,
    }
}

// ---------------------------------------------------------------------- checks across sections

/// Sums of in-period allocation amounts, with what could not be counted.
struct Sums {
    /// The first year of the period: `by_year` starts there.
    first_year: Year,
    /// Per year of the period.
    by_year: Vec<Amount>,
    /// Years whose sum is unknown (an amount was unreadable or given twice) or overflowed.
    unknown_years: BTreeSet<Year>,
    /// Whether some amounts could not be placed in any year, or the sum overflowed.
    all_unknown: bool,
}

impl Sums {
    /// The sum of a year of the period.
    fn of(&self, year: Year) -> Option<Amount> {
        let i = usize::try_from(year.wrapping_sub(self.first_year)).ok()?;
        self.by_year.get(i).copied()
    }
}

/// The path of the funding section (built only for an issue).
fn root() -> Path {
    Path::root().key("funding")
}

/// Checks the funding against the period and the parties, then builds it when nothing is wrong.
pub(crate) fn check(
    r: &mut Reader<'_, '_>,
    d: FundingDraft,
    period: Option<Period>,
    parties: Option<&references::IdSet<'_>>,
) -> Option<Funding> {
    let beneficiary_ids: Option<references::IdSet<'_>> =
        d.beneficiaries.get().map(|b| references::id_set(b));
    if let Some(items) = d.beneficiaries.get() {
        for item in items.iter() {
            if let Some(party) = party_of(item) {
                let path = || root().key("beneficiaries").index(item.index).key("party");
                let who = (item.id(), item.name());
                references::check(r, parties, party, Target::Party, path, who);
            }
        }
    }
    if let Some(items) = d.allocations.get() {
        for item in items.iter() {
            if let Some(b) = beneficiary_of(item) {
                let path = || {
                    root()
                        .key("allocations")
                        .index(item.index)
                        .key("beneficiary")
                };
                let who = (Some(b), None);
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
        alike(r, items);
    }
    if let Some(period) = period {
        outside_period(r, &d, period);
        if let Some(items) = d.allocations.get() {
            let sums = sum(r, items, period);
            if let Some(declared) = d.declared.get() {
                check_declared(r, declared, &sums, !items.is_empty(), period);
            }
            if !items.is_empty() && !sums.all_unknown {
                for year in period.years() {
                    let funded = sums.of(year).is_some_and(|a| !a.is_zero());
                    if !funded && !sums.unknown_years.contains(&year) {
                        r.issue_path(
                            root().key("allocations"),
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
        d.beneficiaries.required()?.into_built()?,
        d.allocations.required()?.into_built()?,
        declared?,
    ))
}

/// Lines that cannot be told apart (a change names a line by its [`AllocationKey`]): each one
/// after the first is reported, with the index of the first. Only the allocations built before
/// any error are compared.
fn alike(r: &mut Reader<'_, '_>, items: &List<Allocation, AllocationFacts>) {
    type Key<'k> = (
        &'k str,
        FacilityKind,
        Option<&'k ThematicDomain>,
        Option<&'k str>,
    );
    // The allocations compared, with the fields of their `AllocationKey`, borrowed.
    let lines: Vec<(usize, Key<'_>)> = items
        .iter()
        .filter(|item| item.extra.comparable)
        .filter_map(|item| {
            let allocation = item.built?;
            let key = (
                allocation.beneficiary.as_str(),
                allocation.facility_kind,
                allocation.domain.as_ref(),
                allocation.label.as_deref(),
            );
            Some((item.index, key))
        })
        .collect();
    let firsts = references::firsts(&lines, |(_, key)| *key);
    for (position, (&(index, _), first)) in lines.iter().zip(firsts).enumerate() {
        let Some(&(other, _)) = lines.get(first).filter(|_| first != position) else {
            continue;
        };
        r.issue_path(
            root().key("allocations").index(index),
            IssueCode::AllocationAlike,
            Params::new().with("other", other),
        );
    }
}

/// Every year outside the period, in allocations and declared totals.
fn outside_period(r: &mut Reader<'_, '_>, d: &FundingDraft, period: Period) {
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
        for item in items.iter() {
            let at = || root().key("allocations").index(item.index);
            each_amount(item, |year, _| {
                if !period.contains(year) {
                    report(r, at().key("amounts"), year);
                }
            });
            each_paid_year(item, |year| {
                if !period.contains(year) {
                    report(r, at().key("paid"), year);
                } else if plans(item, year) == Some(false) {
                    r.issue_path(
                        at().key("paid").key(year.to_string()),
                        IssueCode::PaidWithoutPlan,
                        Params::new().with("year", year),
                    );
                }
            });
        }
    }
    if let Some(Slot::Ok(entries)) = d.declared.get().map(|d| &d.yearly) {
        for &(year, _) in entries {
            if !period.contains(year) {
                report(r, root().key("declared").key("yearly"), year);
            }
        }
    }
}

/// Sums the in-period amounts of every allocation, per year, with overflow checked.
fn sum(r: &mut Reader<'_, '_>, items: &List<Allocation, AllocationFacts>, period: Period) -> Sums {
    // The sum of each year of the period, in cents, at most `Amount::MAX`.
    let mut by_year: Vec<Amount> = period.years().map(|_| Amount::ZERO).collect();
    let mut unknown_years = BTreeSet::new();
    let mut all_unknown = false;
    let mut overflowed = false;
    for item in items.iter() {
        let placed = each_amount(item, |year, amount| {
            let Some(total) = usize::try_from(year.wrapping_sub(period.first_year()))
                .ok()
                .and_then(|i| by_year.get_mut(i))
            else {
                return; // outside the period
            };
            let Some(amount) = amount else {
                unknown_years.insert(year);
                return;
            };
            match total.checked_add(amount) {
                Some(t) => *total = t,
                None => {
                    unknown_years.insert(year);
                    overflowed = true;
                }
            }
        });
        all_unknown |= !placed;
    }
    if overflowed || Amount::checked_sum(by_year.iter().copied()).is_none() {
        all_unknown = true;
        r.issue_path(
            root().key("allocations"),
            IssueCode::AmountOverflow,
            Params::new().with("max", Amount::MAX),
        );
    }
    Sums {
        first_year: period.first_year(),
        by_year,
        unknown_years,
        all_unknown,
    }
}

/// Declared yearly totals against the allocations; the declared total against the years.
fn check_declared(
    r: &mut Reader<'_, '_>,
    declared: &DeclaredDraft,
    sums: &Sums,
    has_allocations: bool,
    period: Period,
) {
    let path = || root().key("declared");
    let yearly: &[(Year, Option<Amount>)] = declared.yearly.get().map_or(&[], Vec::as_slice);
    if has_allocations {
        for &(year, stated) in yearly {
            let Some(stated) = stated else { continue };
            if !period.contains(year) || sums.all_unknown || sums.unknown_years.contains(&year) {
                continue;
            }
            let Some(actual) = sums.of(year) else {
                continue;
            };
            if actual != stated {
                r.issue_path(
                    path().key("yearly").key(year.to_string()),
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
            Amount::checked_sum(sums.by_year.iter().copied()),
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
            path().key("total"),
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
