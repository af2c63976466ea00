//! Changes to a convention, written as *before* and *after*: what an amendment (*avenant*) does,
//! what an edit does, what a comparison finds. One type for the three, so that an amendment can be
//! applied, inverted, and found again by comparing the convention before and after it.

use serde::Serialize;

use crate::vocabulary::vocabulary;
use crate::{
    ActionSheet, Amount, Beneficiary, DeclaredTotals, FacilityKind, Objective, Party, Period,
    Stake, ThematicDomain, Year,
};

vocabulary! {
    noun: "change kind",
    schema: "What a change is about",
    /// What a [`Change`] is about: the `kind` of a change in JSON.
    ///
    /// ```
    /// use ctg_core::{ChangeKind, Lang};
    /// assert_eq!(ChangeKind::parse("fiche action"), Some(ChangeKind::ActionSheet));
    /// assert_eq!(ChangeKind::ActionSheet.label(Lang::Fr), "la fiche action");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ChangeKind {
        /// `period`: the period.
        Period("period", "la période", "the period") ["période"],
        /// `party`: a party.
        Party("party", "la partie", "the party") ["partie", "signataire"],
        /// `domain`: a thematic domain.
        Domain("domain", "le domaine", "the domain") ["domaine", "thématique"],
        /// `stake`: a stake.
        Stake("stake", "l’enjeu", "the stake") ["enjeu"],
        /// `objective`: an objective.
        Objective("objective", "l’objectif", "the objective") ["objectif"],
        /// `action_sheet`: an action sheet.
        ActionSheet("action_sheet", "la fiche action", "the action sheet") ["fiche action", "fiche"],
        /// `beneficiary`: a beneficiary.
        Beneficiary("beneficiary", "le bénéficiaire", "the beneficiary") ["bénéficiaire"],
        /// `amount`: the amount of a funding line for a year.
        Amount("amount", "le montant", "the amount") ["montant"],
        /// `declared`: the declared totals.
        Declared("declared", "les totaux déclarés", "the declared totals") ["totaux déclarés"],
    }
}

/// Which funding line an amount belongs to: the beneficiary, what it funds, its domain and its
/// label (two allocations of one beneficiary are told apart by these).
///
/// ```
/// use ctg_core::{AllocationKey, FacilityKind};
/// let conv = ctg_core::Convention::sample();
/// let key = AllocationKey::of(&conv.funding().unwrap().allocations()[1]);
/// assert_eq!(key.beneficiary, "la-petite-loco");
/// assert_eq!(key.facility_kind, FacilityKind::Eaje);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AllocationKey {
    /// Id of the beneficiary.
    pub beneficiary: String,
    /// What the line funds.
    pub facility_kind: FacilityKind,
    /// Its domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<ThematicDomain>,
    /// Its label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl AllocationKey {
    /// The key of an allocation.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let first = &conv.funding().unwrap().allocations()[0];
    /// assert!(ctg_core::AllocationKey::of(first).label.unwrap().starts_with("coordination"));
    /// ```
    pub fn of(allocation: &crate::Allocation) -> AllocationKey {
        AllocationKey {
            beneficiary: allocation.beneficiary.as_str().to_owned(),
            facility_kind: allocation.facility_kind,
            domain: allocation.domain.clone(),
            label: allocation.label.clone(),
        }
    }

    /// Whether `allocation` is the line of this key.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let allocations = conv.funding().unwrap().allocations();
    /// let key = ctg_core::AllocationKey::of(&allocations[1]);
    /// assert!(key.matches(&allocations[1]) && !key.matches(&allocations[2]));
    /// ```
    pub fn matches(&self, allocation: &crate::Allocation) -> bool {
        allocation.beneficiary == self.beneficiary
            && allocation.facility_kind == self.facility_kind
            && allocation.domain == self.domain
            && allocation.label == self.label
    }
}

/// One change to a convention, as *before* and *after*. `before: None` adds, `after: None`
/// removes, both replace. Applying a change checks that the convention holds *before* (so an
/// amendment that removes a sheet that is not there, or changes an amount that is not the one it
/// says, cannot apply); the [`inverse`](Change::inverse) swaps the two.
///
/// In JSON (an amendment's `changes`), a change is an object with a `kind`:
/// `{"kind": "action_sheet", "after": {…}}`, `{"kind": "amount", "beneficiary": "la-petite-loco",
/// "facility_kind": "eaje", "domain": "petite_enfance", "year": 2024, "before": "40800.00",
/// "after": "42000.00"}`.
///
/// ```
/// use ctg_core::{Amount, AllocationKey, Change};
/// let conv = ctg_core::Convention::sample();
/// let line = AllocationKey::of(&conv.funding().unwrap().allocations()[1]);
/// let change = Change::Amount {
///     key: line,
///     year: 2024,
///     before: Some("40800.00".parse()?),
///     after: Some("42000.00".parse()?),
/// };
/// assert_eq!(change.difference(), Some("1200.00".parse()?));
/// assert_eq!(change.inverse().inverse(), change);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Change {
    /// The period, extended or shortened.
    Period {
        /// The period before.
        before: Period,
        /// The period after.
        after: Period,
    },
    /// A party joins, leaves or is changed (matched by id).
    Party {
        /// The party before (absent when it joins).
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<Party>,
        /// The party after (absent when it leaves).
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<Party>,
    },
    /// A thematic domain added or removed.
    Domain {
        /// The domain before.
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<ThematicDomain>,
        /// The domain after.
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<ThematicDomain>,
    },
    /// A stake added, removed or changed (matched by id).
    Stake {
        /// The stake before.
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<Stake>,
        /// The stake after.
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<Stake>,
    },
    /// An objective added, removed or changed (matched by id).
    Objective {
        /// The objective before.
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<Objective>,
        /// The objective after.
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<Objective>,
    },
    /// An action sheet added, removed or replaced (matched by number; a sheet renumbered is
    /// before one number, after another).
    ActionSheet {
        /// The sheet before.
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<ActionSheet>,
        /// The sheet after.
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<ActionSheet>,
    },
    /// A beneficiary added, removed or changed (matched by id).
    Beneficiary {
        /// The beneficiary before.
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<Beneficiary>,
        /// The beneficiary after.
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<Beneficiary>,
    },
    /// The amount of one funding line for one year.
    Amount {
        /// The funding line.
        #[serde(flatten)]
        key: AllocationKey,
        /// The year.
        year: Year,
        /// The amount before (absent when the line had nothing that year).
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<Amount>,
        /// The amount after (absent when it has nothing any more).
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<Amount>,
    },
    /// The totals the convention declares.
    Declared {
        /// The declared totals before.
        before: DeclaredTotals,
        /// The declared totals after.
        after: DeclaredTotals,
    },
}

impl Change {
    /// The change that undoes this one (before and after swapped).
    ///
    /// ```
    /// use ctg_core::{Change, ThematicDomain};
    /// let add = Change::Domain { before: None, after: Some(ThematicDomain::Parentalite) };
    /// let remove = Change::Domain { before: Some(ThematicDomain::Parentalite), after: None };
    /// assert_eq!(add.inverse(), remove);
    /// ```
    pub fn inverse(&self) -> Change {
        match self.clone() {
            Change::Period { before, after } => Change::Period {
                before: after,
                after: before,
            },
            Change::Party { before, after } => Change::Party {
                before: after,
                after: before,
            },
            Change::Domain { before, after } => Change::Domain {
                before: after,
                after: before,
            },
            Change::Stake { before, after } => Change::Stake {
                before: after,
                after: before,
            },
            Change::Objective { before, after } => Change::Objective {
                before: after,
                after: before,
            },
            Change::ActionSheet { before, after } => Change::ActionSheet {
                before: after,
                after: before,
            },
            Change::Beneficiary { before, after } => Change::Beneficiary {
                before: after,
                after: before,
            },
            Change::Amount {
                key,
                year,
                before,
                after,
            } => Change::Amount {
                key,
                year,
                before: after,
                after: before,
            },
            Change::Declared { before, after } => Change::Declared {
                before: after,
                after: before,
            },
        }
    }

    /// Whether it has a before and an after: an addition has no before, a removal no after (the
    /// sides its JSON form leaves out); a period or declared totals always have both.
    ///
    /// ```
    /// use ctg_core::{Change, ThematicDomain};
    /// let add = Change::Domain { before: None, after: Some(ThematicDomain::Parentalite) };
    /// assert_eq!(add.sides(), (false, true));
    /// assert_eq!(add.inverse().sides(), (true, false));
    /// ```
    pub fn sides(&self) -> (bool, bool) {
        fn both<T>(before: &Option<T>, after: &Option<T>) -> (bool, bool) {
            (before.is_some(), after.is_some())
        }
        match self {
            Change::Period { .. } | Change::Declared { .. } => (true, true),
            Change::Party { before, after } => both(before, after),
            Change::Domain { before, after } => both(before, after),
            Change::Stake { before, after } => both(before, after),
            Change::Objective { before, after } => both(before, after),
            Change::ActionSheet { before, after } => both(before, after),
            Change::Beneficiary { before, after } => both(before, after),
            Change::Amount { before, after, .. } => both(before, after),
        }
    }

    /// What the change is about.
    ///
    /// ```
    /// use ctg_core::{Change, ChangeKind, Lang, ThematicDomain};
    /// let change = Change::Domain { before: None, after: Some(ThematicDomain::Sante) };
    /// assert_eq!(change.kind(), ChangeKind::Domain);
    /// assert_eq!(change.kind().label(Lang::Fr), "le domaine");
    /// ```
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::Period { .. } => ChangeKind::Period,
            Change::Party { .. } => ChangeKind::Party,
            Change::Domain { .. } => ChangeKind::Domain,
            Change::Stake { .. } => ChangeKind::Stake,
            Change::Objective { .. } => ChangeKind::Objective,
            Change::ActionSheet { .. } => ChangeKind::ActionSheet,
            Change::Beneficiary { .. } => ChangeKind::Beneficiary,
            Change::Amount { .. } => ChangeKind::Amount,
            Change::Declared { .. } => ChangeKind::Declared,
        }
    }

    /// What the change applies to, as people name it: a party's or beneficiary's id, a sheet's
    /// number, a domain's code, a funding line and year.
    ///
    /// ```
    /// use ctg_core::{Change, ThematicDomain};
    /// let change = Change::Domain { before: None, after: Some(ThematicDomain::Sante) };
    /// assert_eq!(change.subject(), "sante");
    /// ```
    pub fn subject(&self) -> String {
        fn either<T>(before: &Option<T>, after: &Option<T>, f: impl Fn(&T) -> String) -> String {
            before
                .as_ref()
                .or(after.as_ref())
                .map(f)
                .unwrap_or_default()
        }
        match self {
            Change::Period { after, .. } => after.to_string(),
            Change::Party { before, after } => either(before, after, |p| p.id.as_str().to_owned()),
            Change::Domain { before, after } => either(before, after, |d| d.code().to_owned()),
            Change::Stake { before, after } => either(before, after, |s| s.id.as_str().to_owned()),
            Change::Objective { before, after } => {
                either(before, after, |o| o.id.as_str().to_owned())
            }
            Change::ActionSheet { before, after } => {
                either(before, after, |s| s.number.to_string())
            }
            Change::Beneficiary { before, after } => {
                either(before, after, |b| b.id.as_str().to_owned())
            }
            Change::Amount { key, year, .. } => {
                format!("{} {} {year}", key.beneficiary, key.facility_kind)
            }
            Change::Declared { .. } => String::new(),
        }
    }

    /// For an amount, `after − before` (absent counts as zero here, since the line receives
    /// nothing that year); `None` for other changes.
    ///
    /// ```
    /// use ctg_core::{AllocationKey, Change, FacilityKind};
    /// let key = AllocationKey { beneficiary: "rpe".into(), facility_kind: FacilityKind::Rpe,
    ///     domain: None, label: None };
    /// let new_line = Change::Amount { key, year: 2025, before: None, after: Some("5000".parse()?) };
    /// assert_eq!(new_line.difference().unwrap().to_string(), "5000.00");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn difference(&self) -> Option<rust_decimal::Decimal> {
        let Change::Amount { before, after, .. } = self else {
            return None;
        };
        let value = |a: &Option<Amount>| a.map_or(rust_decimal::Decimal::ZERO, |a| a.to_decimal());
        Some(value(after) - value(before))
    }
}
