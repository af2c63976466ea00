//! Funding: the Caf's envelope as allocations to beneficiaries, and the totals the source declares.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::{Amount, FacilityKind, Siret, ThematicDomain, Year};

/// The Caf's envelope of a convention: who receives what, for which facility, each year, and the
/// totals the source declares. In a validated convention every allocation year lies in the period,
/// every declared yearly total equals the sum of that year's allocations and the declared total
/// equals the sum of the years.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let funding = conv.funding().unwrap();
/// assert_eq!(funding.beneficiaries().len(), 9);
/// assert_eq!(funding.declared().total.unwrap().to_string(), "725403.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Funding {
    beneficiaries: Vec<Beneficiary>,
    allocations: Vec<Allocation>,
    #[serde(skip_serializing_if = "DeclaredTotals::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    declared: DeclaredTotals,
}

impl Funding {
    pub(crate) fn new(
        beneficiaries: Vec<Beneficiary>,
        allocations: Vec<Allocation>,
        declared: DeclaredTotals,
    ) -> Funding {
        Funding {
            beneficiaries,
            allocations,
            declared,
        }
    }

    /// The operators that receive money.
    pub fn beneficiaries(&self) -> &[Beneficiary] {
        &self.beneficiaries
    }

    /// The allocations, in document order.
    pub fn allocations(&self) -> &[Allocation] {
        &self.allocations
    }

    /// The totals as the source states them.
    pub fn declared(&self) -> &DeclaredTotals {
        &self.declared
    }

    /// The beneficiary with this id.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// let id = &funding.allocations()[0].beneficiary;
    /// assert!(funding.beneficiary(id).is_some());
    /// ```
    pub fn beneficiary(&self, id: &str) -> Option<&Beneficiary> {
        self.beneficiaries.iter().find(|b| b.id == id)
    }

    /// One row per allocation and year, in document then year order: the long format analysts load
    /// into data frames.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let rows = conv.funding().unwrap().rows();
    /// assert_eq!(rows.len(), 27); // 9 beneficiaries × 3 years
    /// ```
    pub fn rows(&self) -> Vec<AllocationRow<'_>> {
        let names: HashMap<&str, &str> = self
            .beneficiaries
            .iter()
            .map(|b| (b.id.as_str(), b.name.as_str()))
            .collect();
        self.allocations
            .iter()
            .enumerate()
            .flat_map(|(index, allocation)| {
                let name = names.get(allocation.beneficiary.as_str()).copied();
                allocation
                    .amounts
                    .iter()
                    .map(move |(&year, &amount)| AllocationRow {
                        allocation_index: index,
                        beneficiary_id: &allocation.beneficiary,
                        beneficiary_name: name.unwrap_or_default(),
                        facility_kind: allocation.facility_kind,
                        domain: allocation.domain.as_ref(),
                        label: allocation.label.as_deref(),
                        year,
                        amount,
                    })
            })
            .collect()
    }
}

/// An operator that receives money: a crèche, an MJC, an association, or a party itself (the EPCI
/// for the coordination post).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Beneficiary {
    /// Unique among beneficiaries.
    pub id: String,
    /// Name (`"La Petite Loco"`).
    pub name: String,
    /// SIRET of the operator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub siret: Option<Siret>,
    /// Id of the party it is, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
}

/// Money for one beneficiary and one kind of facility, per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Allocation {
    /// Id of the beneficiary.
    pub beneficiary: String,
    /// What it funds.
    pub facility_kind: FacilityKind,
    /// The thematic domain it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<ThematicDomain>,
    /// Free description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Amount per year; every year lies inside the period.
    pub amounts: BTreeMap<Year, Amount>,
}

/// The totals a source declares ("241 801 € a year, 725 403 € over 3 years").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DeclaredTotals {
    /// The declared envelope of each year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub yearly: BTreeMap<Year, Amount>,
    /// The declared envelope of the whole period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Amount>,
}

impl DeclaredTotals {
    /// Whether nothing is declared.
    pub fn is_empty(&self) -> bool {
        self.yearly.is_empty() && self.total.is_none()
    }
}

/// One allocation for one year, flattened for tables and data frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AllocationRow<'a> {
    /// Position of the allocation in `funding.allocations`.
    pub allocation_index: usize,
    /// Id of the beneficiary.
    pub beneficiary_id: &'a str,
    /// Name of the beneficiary.
    pub beneficiary_name: &'a str,
    /// What it funds.
    pub facility_kind: FacilityKind,
    /// Its thematic domain.
    pub domain: Option<&'a ThematicDomain>,
    /// Free description.
    pub label: Option<&'a str>,
    /// The year.
    pub year: Year,
    /// The amount of that year.
    pub amount: Amount,
}
