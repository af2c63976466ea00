//! Funding: beneficiaries, allocations and declared totals, and the rules that tie them together.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde_json::Value;

use super::domains::domain;
use super::loc::Loc;
use super::reader::Reader;
use super::references::{collect_ids, reference, Target};
use crate::{
    Allocation, Amount, Beneficiary, DeclaredTotals, FacilityKind, Funding, IssueCode, Period,
    Siret, Year,
};

/// An allocation as read: its fields (when readable) and its amounts, kept apart so that the sums
/// are checked even when another field of the allocation is wrong.
struct AllocationDraft {
    allocation: Option<Allocation>,
    amounts: BTreeMap<Year, Amount>,
    /// Years whose amount could not be read; `None` = the amounts could not be read at all.
    unreadable: Option<BTreeSet<Year>>,
}

/// Sums of in-period allocation amounts, with what could not be counted.
struct Sums {
    by_year: BTreeMap<Year, Amount>,
    /// Years whose sum is unknown (an amount was unreadable) or overflowed.
    unknown_years: BTreeSet<Year>,
    /// Whether some amount could not be placed in any year.
    all_unknown: bool,
}

/// Reads the funding section.
pub(crate) fn funding(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    period: Option<Period>,
    parties: Option<&HashSet<String>>,
) -> Option<Funding> {
    let obj = r.object(value, path, &["beneficiaries", "allocations", "declared"])?;
    let beneficiary_ids = collect_ids(r, obj.get("beneficiaries"), &obj.at("beneficiaries"));
    let beneficiaries = r.required(&obj, "beneficiaries", |r, v, p| {
        r.list(v, p, |r, v, p| beneficiary(r, v, p, parties))
    });
    let drafts = r.required(&obj, "allocations", |r, v, p| {
        let Value::Array(items) = v else {
            r.wrong_type(p, v, "une liste", "a list");
            return None;
        };
        Some(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| allocation(r, item, &p.index(i), period, beneficiary_ids.as_ref()))
                .collect::<Vec<_>>(),
        )
    });
    let declared = r.optional(&obj, "declared", |r, v, p| declared(r, v, p, period));

    if let (Some(drafts), Some(period)) = (&drafts, period) {
        let sums = sum(r, drafts, period, &obj.at("allocations"));
        if let Some(Some((declared, unreadable))) = &declared {
            check_declared(
                r,
                declared,
                &obj.at("declared"),
                *unreadable,
                &sums,
                !drafts.is_empty(),
            );
        }
        if !drafts.is_empty() && !sums.all_unknown {
            check_unfunded_years(r, &sums, period, &obj.at("allocations"));
        }
    }

    let allocations: Option<Vec<Allocation>> = drafts?.into_iter().map(|d| d.allocation).collect();
    Some(Funding::new(
        beneficiaries?,
        allocations?,
        declared?.map(|(d, _)| d).unwrap_or_default(),
    ))
}

fn beneficiary(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    parties: Option<&HashSet<String>>,
) -> Option<Beneficiary> {
    let obj = r.object(value, path, &["id", "name", "siret", "party"])?;
    let id = r.required(&obj, "id", Reader::text);
    let name = r.required(&obj, "name", Reader::text);
    let siret = r.optional(&obj, "siret", Reader::identifier::<Siret>);
    let party = r.optional(&obj, "party", |r, v, p| {
        reference(r, v, p, parties, Target::Party)
    });
    Some(Beneficiary {
        id: id?,
        name: name?,
        siret: siret?,
        party: party?,
    })
}

fn allocation(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    period: Option<Period>,
    beneficiaries: Option<&HashSet<String>>,
) -> AllocationDraft {
    let unreadable = AllocationDraft {
        allocation: None,
        amounts: BTreeMap::new(),
        unreadable: None,
    };
    let Some(obj) = r.object(
        value,
        path,
        &["beneficiary", "facility_kind", "domain", "label", "amounts"],
    ) else {
        return unreadable;
    };
    let beneficiary = r.required(&obj, "beneficiary", |r, v, p| {
        reference(r, v, p, beneficiaries, Target::Beneficiary)
    });
    let facility_kind = r.required(&obj, "facility_kind", |r, v, p| {
        r.word(v, p, FacilityKind::parse, FacilityKind::CODES)
    });
    let domain = r.optional(&obj, "domain", domain);
    let label = r.optional(&obj, "label", Reader::text);
    let Some(amounts_value) = obj.get("amounts") else {
        r.missing(&obj.at("amounts"));
        return unreadable;
    };
    let amounts_path = obj.at("amounts");
    let (amounts, unreadable_years) = year_amounts(r, amounts_value, &amounts_path, period);
    if amounts_value.as_object().is_some_and(|m| m.is_empty()) {
        r.push(
            IssueCode::AllocationEmpty,
            &amounts_path,
            "allocation sans aucun montant".to_owned(),
            "allocation without any amount".to_owned(),
        );
    }
    let allocation = match (beneficiary, facility_kind, domain, label, &unreadable_years) {
        (Some(beneficiary), Some(facility_kind), Some(domain), Some(label), Some(bad))
            if bad.is_empty() =>
        {
            Some(Allocation {
                beneficiary,
                facility_kind,
                domain,
                label,
                amounts: amounts.clone(),
            })
        }
        _ => None,
    };
    AllocationDraft {
        allocation,
        amounts,
        unreadable: unreadable_years,
    }
}

/// Reads a year → amount object. Returns the readable in-period amounts and the years whose amount
/// is unreadable (`None` when the object itself or one of its keys is unreadable).
fn year_amounts(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    period: Option<Period>,
) -> (BTreeMap<Year, Amount>, Option<BTreeSet<Year>>) {
    let mut unreadable = BTreeSet::new();
    let entries = r.year_map(value, path, |r, year, v, p| {
        let amount = r.amount(v, p);
        if amount.is_none() {
            unreadable.insert(year);
        }
        if let Some(period) = period.filter(|period| !period.contains(year)) {
            r.push(
                IssueCode::FundingYearOutsidePeriod,
                p,
                format!("l'année {year} est hors de la période {period}"),
                format!("year {year} lies outside the period {period}"),
            );
            return Some(None);
        }
        Some(amount.map(|a| (year, a)))
    });
    let Some(entries) = entries else {
        // A key is not a year, or the value is not an object: nothing can be placed.
        return (BTreeMap::new(), None);
    };
    // Amounts outside the period are errors already: they are left out of every sum.
    let amounts = entries.into_iter().filter_map(|(_, a)| a).collect();
    (amounts, Some(unreadable))
}

/// Sums the in-period amounts of every allocation, per year, with overflow checked.
fn sum(r: &mut Reader, drafts: &[AllocationDraft], period: Period, path: &Loc<'_>) -> Sums {
    let mut sums = Sums {
        by_year: period.years().map(|y| (y, Amount::ZERO)).collect(),
        unknown_years: BTreeSet::new(),
        all_unknown: false,
    };
    let mut overflowed = false;
    for draft in drafts {
        match &draft.unreadable {
            None => sums.all_unknown = true,
            Some(years) => sums.unknown_years.extend(years.iter().copied()),
        }
        for (&year, &amount) in draft.amounts.iter().filter(|(y, _)| period.contains(**y)) {
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
    if overflowed || grand_total(&sums).is_none() {
        sums.all_unknown = true;
        r.push(
            IssueCode::AmountOverflow,
            path,
            format!(
                "la somme des allocations dépasse le plus grand montant accepté ({})",
                Amount::MAX.to_french()
            ),
            format!(
                "the sum of the allocations exceeds the largest accepted amount ({})",
                Amount::MAX.to_english()
            ),
        );
    }
    sums
}

fn grand_total(sums: &Sums) -> Option<Amount> {
    Amount::checked_sum(sums.by_year.values().copied()).ok()
}

type DeclaredRead = (DeclaredTotals, bool);

/// Reads the declared totals: `(totals, whether some declared amount was unreadable)`.
fn declared(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
    period: Option<Period>,
) -> Option<DeclaredRead> {
    let obj = r.object(value, path, &["yearly", "total"])?;
    let mut unreadable = false;
    let yearly = match obj.get("yearly") {
        None => Some(BTreeMap::new()),
        Some(v) => {
            let (amounts, bad) = year_amounts(r, v, &obj.at("yearly"), period);
            unreadable |= bad.as_ref().is_none_or(|b| !b.is_empty());
            bad.filter(BTreeSet::is_empty).map(|_| amounts)
        }
    };
    let total = r.optional(&obj, "total", Reader::amount);
    unreadable |= total.is_none();
    Some((
        DeclaredTotals {
            yearly: yearly?,
            total: total?,
        },
        unreadable,
    ))
}

/// Declared yearly totals against the allocations; the declared total against the years.
fn check_declared(
    r: &mut Reader,
    declared: &DeclaredTotals,
    path: &Loc<'_>,
    declared_unreadable: bool,
    sums: &Sums,
    has_allocations: bool,
) {
    if has_allocations {
        for (year, &stated) in &declared.yearly {
            if sums.all_unknown || sums.unknown_years.contains(year) {
                continue;
            }
            let Some(&actual) = sums.by_year.get(year) else {
                continue;
            };
            if actual != stated {
                r.push(
                    IssueCode::YearTotalMismatch,
                    &path.key("yearly").key(&year.to_string()),
                    format!(
                        "total déclaré pour {year} : {}, mais les allocations de {year} font {}",
                        stated.to_french(),
                        actual.to_french()
                    ),
                    format!(
                        "declared total for {year}: {}, but the allocations of {year} add up to {}",
                        stated.to_english(),
                        actual.to_english()
                    ),
                );
            }
        }
    }
    let Some(stated) = declared.total else { return };
    let (actual, what_fr, what_en) = if has_allocations {
        if sums.all_unknown || !sums.unknown_years.is_empty() {
            return;
        }
        (
            grand_total(sums),
            "les allocations de la période font",
            "the allocations of the period add up to",
        )
    } else {
        if declared.yearly.is_empty() || declared_unreadable {
            return;
        }
        (
            Amount::checked_sum(declared.yearly.values().copied()).ok(),
            "les totaux annuels déclarés font",
            "the declared yearly totals add up to",
        )
    };
    let Some(actual) = actual else { return };
    if actual != stated {
        r.push(
            IssueCode::PeriodTotalMismatch,
            &path.key("total"),
            format!(
                "total déclaré : {}, mais {what_fr} {}",
                stated.to_french(),
                actual.to_french()
            ),
            format!(
                "declared total: {}, but {what_en} {}",
                stated.to_english(),
                actual.to_english()
            ),
        );
    }
}

/// A warning for each year of the period that no allocation funds.
fn check_unfunded_years(r: &mut Reader, sums: &Sums, period: Period, path: &Loc<'_>) {
    for year in period.years() {
        let funded = sums.by_year.get(&year).is_some_and(|a| !a.is_zero());
        if !funded && !sums.unknown_years.contains(&year) {
            r.push(
                IssueCode::YearWithoutFunding,
                path,
                format!("aucun financement en {year}, année de la période"),
                format!("no funding in {year}, a year of the period"),
            );
        }
    }
}
