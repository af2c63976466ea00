//! Changing a convention: applying [`Change`]s (an edit, an amendment), the convention in force at
//! a date, and the check that a document's amendments apply.
//!
//! A convention is never mutated: every change gives a new convention, validated by the same rules
//! as any document, or the issues that stop it.

use chrono::NaiveDate;

use crate::{
    Allocation, Amendment, Change, Convention, Funding, Issue, IssueCode, Param, Params, Path,
    Report, Word,
};

/// A convention as in force at a date: its text with the amendments dated on or before that day
/// applied in the order of their dates (then numbers), those amendments, and the later ones.
///
/// ```
/// use ctg_core::{Convention, NaiveDate};
/// let mut doc = Convention::sample().to_value();
/// doc["amendments"] = serde_json::json!([{"number": 1, "date": "2024-03-12",
///     "summary": "La Petite Loco : 42 000 € en 2025",
///     "changes": [
///         {"kind": "amount", "beneficiary": "la-petite-loco", "facility_kind": "eaje",
///          "domain": "petite_enfance", "year": 2025, "before": "40800.00", "after": "42000.00"},
///         {"kind": "declared",
///          "before": {"yearly": {"2023": "241801.00", "2024": "241801.00", "2025": "241801.00"}, "total": "725403.00"},
///          "after": {"yearly": {"2023": "241801.00", "2024": "241801.00", "2025": "243001.00"}, "total": "726603.00"}}]}]);
/// let conv = Convention::from_value(&doc).unwrap();
/// let before = conv.as_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()).unwrap();
/// assert!(before.applied().is_empty());
/// assert_eq!(before.convention().totals().unwrap().total.to_string(), "725403.00");
/// let after = conv.as_of(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()).unwrap();
/// assert_eq!(after.applied()[0].number(), 1);
/// assert_eq!(after.convention().totals().unwrap().total.to_string(), "726603.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InForce {
    convention: Convention,
    applied: Vec<Amendment>,
    pending: Vec<Amendment>,
}

impl InForce {
    /// The text in force: the convention with the applied amendments' changes, and without
    /// amendments of its own (they are [`applied`](Self::applied) and
    /// [`pending`](Self::pending)).
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate};
    /// let in_force = Convention::sample().as_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()).unwrap();
    /// assert_eq!(in_force.convention(), &Convention::sample());
    /// ```
    pub fn convention(&self) -> &Convention {
        &self.convention
    }

    /// The text in force, owned.
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate};
    /// let conv = Convention::sample().as_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()).unwrap().into_convention();
    /// assert_eq!(conv.id(), "ctg-81-thore-montagne-noire-2023-2025");
    /// ```
    pub fn into_convention(self) -> Convention {
        self.convention
    }

    /// The amendments applied, in order.
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate};
    /// let in_force = Convention::sample().as_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()).unwrap();
    /// assert!(in_force.applied().is_empty());
    /// ```
    pub fn applied(&self) -> &[Amendment] {
        &self.applied
    }

    /// The amendments dated after the date, not applied.
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate};
    /// let in_force = Convention::sample().as_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()).unwrap();
    /// assert!(in_force.pending().is_empty());
    /// ```
    pub fn pending(&self) -> &[Amendment] {
        &self.pending
    }
}

/// Where the changes come from, for the paths and parameters of their issues.
#[derive(Clone, Copy)]
enum Origin<'a> {
    /// An edit: `changes[i]`.
    Edit,
    /// The amendment at this index of `amendments`.
    Amendment(usize, &'a Amendment),
}

impl Origin<'_> {
    fn path(&self) -> Path {
        match self {
            Origin::Edit => Path::root(),
            Origin::Amendment(index, _) => Path::root().key("amendments").index(*index),
        }
    }

    fn params(&self) -> Params {
        match self {
            Origin::Edit => Params::new(),
            Origin::Amendment(_, amendment) => Params::new().with("amendment", amendment.number),
        }
    }
}

impl Convention {
    /// Applies changes, in order, and validates the result: a new convention, or every issue
    /// that stops it — `change.cannot_apply` at `changes[i]` when the convention does not hold
    /// what a change says was there, `change.breaks_convention` (with the rule broken and where)
    /// when the result breaks a rule. The original is never changed.
    ///
    /// ```
    /// use ctg_core::{Change, Convention, ThematicDomain};
    /// let conv = Convention::sample();
    /// let add = Change::Domain { before: None, after: Some(ThematicDomain::Parentalite) };
    /// let edited = conv.apply(&[add.clone()]).unwrap();
    /// assert!(edited.domains().contains(&ThematicDomain::Parentalite));
    /// assert!(!conv.domains().contains(&ThematicDomain::Parentalite)); // unchanged
    /// // Adding it again cannot apply: it is there already.
    /// let report = edited.apply(&[add]).unwrap_err();
    /// assert_eq!(report.issues()[0].code.as_str(), "change.cannot_apply");
    /// assert_eq!(report.issues()[0].path.to_string(), "changes[0]");
    /// ```
    pub fn apply(&self, changes: &[Change]) -> Result<Convention, Report> {
        apply_changes(self, changes, Origin::Edit).map_err(Report::from)
    }

    /// The convention in force at `date`: the amendments dated on or before it applied in the
    /// order of their dates, then of their numbers (see [`InForce`]). A valid convention's amendments always apply
    /// (validation checks it), so the error is for conventions built otherwise.
    ///
    /// ```
    /// use ctg_core::{Convention, NaiveDate};
    /// let in_force = Convention::sample().as_of(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()).unwrap();
    /// assert!(in_force.applied().is_empty()); // the sample has no amendment
    /// ```
    pub fn as_of(&self, date: NaiveDate) -> Result<InForce, Report> {
        let amendments = in_order(&self.amendments);
        let mut current = self.clone();
        current.amendments.clear();
        let mut applied = Vec::new();
        let mut pending = Vec::new();
        for (index, amendment) in amendments {
            if amendment.date > date {
                pending.push(amendment.clone());
                continue;
            }
            current = apply_changes(
                &current,
                &amendment.changes,
                Origin::Amendment(index, amendment),
            )
            .map_err(Report::from)?;
            applied.push(amendment.clone());
        }
        Ok(InForce {
            convention: current,
            applied,
            pending,
        })
    }
}

/// The issues of a document's amendments that do not apply, in the order of their dates (then
/// numbers), to the text and to each other (validation reports them).
pub(crate) fn check_amendments(conv: &Convention) -> Vec<Issue> {
    if conv.amendments.iter().all(|a| a.changes.is_empty()) {
        return Vec::new();
    }
    let amendments = in_order(&conv.amendments);
    let mut current = conv.clone();
    current.amendments.clear();
    for (index, amendment) in amendments {
        match apply_changes(
            &current,
            &amendment.changes,
            Origin::Amendment(index, amendment),
        ) {
            Ok(next) => current = next,
            // Later amendments are written against a text this one did not produce: stop here.
            Err(issues) => return issues,
        }
    }
    Vec::new()
}

/// The amendments with their index, in the order they apply: by date, then number (one sort for
/// `as_of` and the validation, one copy of its code in the WebAssembly module).
fn in_order(amendments: &[Amendment]) -> Vec<(usize, &Amendment)> {
    let mut ordered: Vec<(usize, &Amendment)> = amendments.iter().enumerate().collect();
    crate::sorting::sort_by_key(&mut ordered, |(_, a)| (a.date, a.number));
    ordered
}

/// Applies `changes` to a copy of `conv` (without its amendments' history when they come from an
/// amendment), then validates it.
fn apply_changes(
    conv: &Convention,
    changes: &[Change],
    origin: Origin<'_>,
) -> Result<Convention, Vec<Issue>> {
    let mut next = conv.clone();
    let mut issues = Vec::new();
    for (i, change) in changes.iter().enumerate() {
        if let Err(reason) = apply_one(&mut next, change) {
            let mut params = origin.params();
            params.set("kind", Param::Word(change.kind().word()));
            params.set("subject", Param::Text(change.subject()));
            params.set("reason", Param::Word(reason));
            issues.push(Issue::new(
                IssueCode::ChangeCannotApply,
                origin.path().key("changes").index(i),
                params,
            ));
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    // Through the canonical text (the same validation as a `Value`; in the WebAssembly module the
    // JSON writer and reader are there already, a `Value` serialiser of every part would not be).
    let validation = crate::validate_str(&next.to_json());
    let (convention, report) = validation.into_parts();
    match convention {
        Some(convention) => Ok(convention),
        None => Err(report
            .errors()
            .map(|inner| {
                let mut params = origin.params();
                params.set("code", Param::Text(inner.code.as_str().to_owned()));
                params.set("at", Param::Text(inner.path.to_string()));
                Issue::new(IssueCode::ChangeBreaksConvention, origin.path(), params)
            })
            .collect()),
    }
}

/// Applies one change to a keyed list: `before` must be there as it is, `after` must not be there
/// yet (unless it replaces `before`).
fn keyed<T: PartialEq + Clone, K: PartialEq>(
    list: &mut Vec<T>,
    before: &Option<T>,
    after: &Option<T>,
    key: impl Fn(&T) -> K,
) -> Result<(), Word> {
    match (before, after) {
        (None, None) => Ok(()),
        (Some(b), after) => {
            let position = list
                .iter()
                .position(|x| key(x) == key(b))
                .ok_or(Word::NOT_THERE)?;
            if list.get(position) != Some(b) {
                return Err(Word::NOT_AS_BEFORE);
            }
            match after {
                Some(a) => {
                    let clash = list
                        .iter()
                        .enumerate()
                        .any(|(i, x)| i != position && key(x) == key(a));
                    if clash {
                        return Err(Word::ALREADY_THERE);
                    }
                    if let Some(slot) = list.get_mut(position) {
                        *slot = a.clone();
                    }
                }
                None => {
                    list.remove(position);
                }
            }
            Ok(())
        }
        (None, Some(a)) => {
            if list.iter().any(|x| key(x) == key(a)) {
                return Err(Word::ALREADY_THERE);
            }
            list.push(a.clone());
            Ok(())
        }
    }
}

/// The funding section, created empty when a change needs one.
fn funding_mut(conv: &mut Convention) -> &mut Funding {
    conv.funding
        .get_or_insert_with(|| Funding::new(Vec::new(), Vec::new(), Default::default()))
}

/// Applies one change without validating the result (what would the convention hold after it?).
pub(crate) fn apply_unchecked(conv: &mut Convention, change: &Change) -> Result<(), Word> {
    apply_one(conv, change)
}

fn apply_one(conv: &mut Convention, change: &Change) -> Result<(), Word> {
    match change {
        Change::Period { before, after } => {
            if conv.period != *before {
                return Err(Word::NOT_AS_BEFORE);
            }
            conv.period = *after;
            Ok(())
        }
        Change::Party { before, after } => {
            keyed(&mut conv.parties, before, after, |p| p.id.clone())
        }
        Change::Domain { before, after } => keyed(&mut conv.domains, before, after, Clone::clone),
        Change::Stake { before, after } => keyed(&mut conv.stakes, before, after, |s| s.id.clone()),
        Change::Objective { before, after } => {
            keyed(&mut conv.objectives, before, after, |o| o.id.clone())
        }
        Change::ActionSheet { before, after } => {
            keyed(&mut conv.action_sheets, before, after, |s| s.number)
        }
        Change::Beneficiary { before, after } => {
            keyed(&mut funding_mut(conv).beneficiaries, before, after, |b| {
                b.id.clone()
            })
        }
        Change::Amount {
            key,
            year,
            before,
            after,
        } => {
            if before.is_none() && after.is_none() {
                // Removing an amount that is not there: said, not done silently.
                return Err(Word::NOT_THERE);
            }
            let funding = funding_mut(conv);
            let position = funding.allocations.iter().position(|a| key.matches(a));
            let current =
                position.and_then(|i| funding.allocations.get(i)?.amounts.get(year).copied());
            if current != *before {
                return Err(if before.is_some() && current.is_none() {
                    Word::NOT_THERE
                } else {
                    Word::NOT_AS_BEFORE
                });
            }
            match (position, after) {
                (Some(i), Some(amount)) => {
                    if let Some(allocation) = funding.allocations.get_mut(i) {
                        allocation.amounts.insert(*year, *amount);
                    }
                }
                (Some(i), None) => {
                    let now_empty = funding.allocations.get_mut(i).is_some_and(|allocation| {
                        allocation.amounts.remove(year);
                        allocation.amounts.is_empty() && allocation.paid.is_empty()
                    });
                    if now_empty {
                        funding.allocations.remove(i);
                    }
                }
                (None, Some(amount)) => {
                    let mut allocation = Allocation::new(&key.beneficiary, key.facility_kind);
                    allocation.domain.clone_from(&key.domain);
                    allocation.label.clone_from(&key.label);
                    allocation.amounts.insert(*year, *amount);
                    funding.allocations.push(allocation);
                }
                (None, None) => {}
            }
            Ok(())
        }
        Change::Declared { before, after } => {
            let current = conv
                .funding
                .as_ref()
                .map(|f| f.declared.clone())
                .unwrap_or_default();
            if current != *before {
                return Err(Word::NOT_AS_BEFORE);
            }
            funding_mut(conv).declared = after.clone();
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActionSheet, AllocationKey, ThematicDomain};

    #[test]
    fn a_removed_sheet_must_be_there_as_it_was() {
        let conv = Convention::sample();
        let sheet = conv.action_sheets[15].clone();
        let remove = Change::ActionSheet {
            before: Some(sheet.clone()),
            after: None,
        };
        let without = conv.apply(std::slice::from_ref(&remove)).unwrap();
        assert_eq!(without.action_sheets().len(), 15);
        // Removing it again: not there.
        let report = without.apply(&[remove]).unwrap_err();
        assert_eq!(
            report.issues()[0].params.get("reason"),
            Some(&Param::Word(Word::NOT_THERE))
        );
        // Removing a sheet whose content differs: not as before.
        let other = ActionSheet::new(16, "Autre titre");
        let report = conv
            .apply(&[Change::ActionSheet {
                before: Some(other),
                after: None,
            }])
            .unwrap_err();
        assert_eq!(
            report.issues()[0].params.get("reason"),
            Some(&Param::Word(Word::NOT_AS_BEFORE))
        );
    }

    #[test]
    fn a_change_that_breaks_a_total_is_reported_with_the_rule() {
        let conv = Convention::sample();
        let key = AllocationKey::of(&conv.funding().unwrap().allocations()[1]);
        let change = Change::Amount {
            key,
            year: 2024,
            before: Some("40800".parse().unwrap()),
            after: Some("40000".parse().unwrap()),
        };
        let report = conv.apply(&[change]).unwrap_err();
        let codes: Vec<(&str, Option<&Param>)> = report
            .issues()
            .iter()
            .map(|i| (i.code.as_str(), i.params.get("code")))
            .collect();
        assert!(codes.contains(&(
            "change.breaks_convention",
            Some(&Param::Text("funding.year_total_mismatch".into()))
        )));
    }

    #[test]
    fn a_change_and_its_inverse_give_back_the_convention() {
        let conv = Convention::sample();
        let changes = [
            Change::Domain {
                before: None,
                after: Some(ThematicDomain::Parentalite),
            },
            Change::ActionSheet {
                before: None,
                after: Some(ActionSheet::new(17, "Soutenir la parentalité")),
            },
        ];
        let edited = conv.apply(&changes).unwrap();
        let inverse: Vec<Change> = changes.iter().rev().map(Change::inverse).collect();
        assert_eq!(edited.apply(&inverse).unwrap(), conv);
    }
}
