//! Funding: the Caf's envelope as allocations to beneficiaries, and the totals the source declares.

use crate::ShortText;
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
/// assert_eq!(funding.declared().total().unwrap().to_string(), "725403.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Funding {
    /// The operators that receive money.
    pub(crate) beneficiaries: Vec<Beneficiary>,
    /// Amounts per beneficiary, facility kind and year.
    pub(crate) allocations: Vec<Allocation>,
    /// The totals the source states.
    #[serde(skip_serializing_if = "DeclaredTotals::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) declared: DeclaredTotals,
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
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let beneficiaries = conv.funding().unwrap().beneficiaries();
    /// assert_eq!(beneficiaries.len(), 9);
    /// assert_eq!(beneficiaries[1].name(), "La Petite Loco");
    /// ```
    pub fn beneficiaries(&self) -> &[Beneficiary] {
        &self.beneficiaries
    }

    /// The allocations, in document order.
    ///
    /// ```
    /// use ctg_core::FacilityKind;
    /// let conv = ctg_core::Convention::sample();
    /// let first = &conv.funding().unwrap().allocations()[0];
    /// assert_eq!(first.facility_kind(), FacilityKind::Coordination);
    /// assert_eq!(first.amounts()[&2024].to_string(), "40513.00");
    /// ```
    pub fn allocations(&self) -> &[Allocation] {
        &self.allocations
    }

    /// The totals as the source states them.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let declared = conv.funding().unwrap().declared();
    /// assert_eq!(declared.yearly()[&2025].to_string(), "241801.00");
    /// assert_eq!(declared.total().unwrap().to_string(), "725403.00");
    /// ```
    pub fn declared(&self) -> &DeclaredTotals {
        &self.declared
    }

    /// The beneficiary with this id.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// let id = &funding.allocations()[0].beneficiary();
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
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let funding = conv.funding().unwrap();
/// // The CC receives the coordination money as a party of the convention…
/// let cc = funding.beneficiary("cc-thore-montagne-noire").unwrap();
/// assert_eq!(cc.party().as_deref(), Some("cc-thore-montagne-noire"));
/// // …the crèches and associations are beneficiaries only.
/// assert_eq!(funding.beneficiary("la-petite-loco").unwrap().party(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Beneficiary {
    /// Unique among beneficiaries.
    pub(crate) id: ShortText,
    /// Name (`"La Petite Loco"`).
    pub(crate) name: ShortText,
    /// SIRET of the operator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) siret: Option<Siret>,
    /// Id of the party it is, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) party: Option<ShortText>,
}

impl Beneficiary {
    /// Unique among beneficiaries.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// let (cc, loco) = (&funding.beneficiaries()[0], &funding.beneficiaries()[1]);
    /// assert_eq!(loco.id(), "la-petite-loco");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Name (`"La Petite Loco"`).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// let (cc, loco) = (&funding.beneficiaries()[0], &funding.beneficiaries()[1]);
    /// assert_eq!(loco.name(), "La Petite Loco");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// SIRET of the operator.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// let (cc, loco) = (&funding.beneficiaries()[0], &funding.beneficiaries()[1]);
    /// assert!(loco.siret().is_none());
    /// ```
    pub fn siret(&self) -> Option<&Siret> {
        self.siret.as_ref()
    }

    /// Id of the party it is, when it is one.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// let (cc, loco) = (&funding.beneficiaries()[0], &funding.beneficiaries()[1]);
    /// assert_eq!(cc.party(), Some("cc-thore-montagne-noire"));
    /// assert_eq!(loco.party(), None);
    /// ```
    pub fn party(&self) -> Option<&str> {
        self.party.as_deref()
    }
}

/// Building a [`Beneficiary`] in code.
impl Beneficiary {
    /// A beneficiary with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Beneficiary::new("la-petite-loco", "La Petite Loco");
    /// assert_eq!(p.id(), "la-petite-loco");
    /// assert_eq!(p.name(), "La Petite Loco");
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Beneficiary {
        Beneficiary {
            id: crate::text::tidy(id).into(),
            name: crate::text::tidy(name).into(),
            siret: Default::default(),
            party: Default::default(),
        }
    }

    /// The same beneficiary with its `siret` set.
    ///
    /// ```
    /// let p = ctg_core::Beneficiary::new("la-petite-loco", "La Petite Loco").with_siret("21810005500019".parse()?);
    /// assert!(p.siret().is_some());
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_siret(mut self, value: Siret) -> Beneficiary {
        self.siret = Some(value);
        self
    }

    /// The same beneficiary with its `party` set.
    ///
    /// ```
    /// let p = ctg_core::Beneficiary::new("la-petite-loco", "La Petite Loco").with_party("cc-thore-montagne-noire");
    /// assert_eq!(p.party(), Some("cc-thore-montagne-noire"));
    /// ```
    pub fn with_party(mut self, value: impl Into<String>) -> Beneficiary {
        self.party = Some(crate::text::tidy(value).into());
        self
    }
}

/// Money for one beneficiary and one kind of facility, per year.
///
/// ```
/// use ctg_core::{FacilityKind, ThematicDomain};
/// let conv = ctg_core::Convention::sample();
/// let crèche = &conv.funding().unwrap().allocations()[1];
/// assert_eq!(crèche.beneficiary(), "la-petite-loco");
/// assert_eq!(crèche.facility_kind(), FacilityKind::Eaje);
/// assert_eq!(crèche.domain(), Some(&ThematicDomain::PetiteEnfance));
/// assert_eq!(crèche.amounts().keys().copied().collect::<Vec<_>>(), [2023, 2024, 2025]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Allocation {
    /// Id of the beneficiary.
    pub(crate) beneficiary: ShortText,
    /// What it funds.
    pub(crate) facility_kind: FacilityKind,
    /// The thematic domain it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) domain: Option<ThematicDomain>,
    /// Free description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) label: Option<String>,
    /// Amount per year; every year lies inside the period.
    pub(crate) amounts: BTreeMap<Year, Amount>,
    /// What was actually paid, per year, when known (absent is not zero: a year without a paid
    /// amount is a year whose execution is not known).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) paid: BTreeMap<Year, Amount>,
}

impl Allocation {
    /// Id of the beneficiary.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let allocation = &conv.funding().unwrap().allocations()[1];
    /// assert_eq!(allocation.beneficiary(), "la-petite-loco");
    /// ```
    pub fn beneficiary(&self) -> &str {
        &self.beneficiary
    }

    /// What it funds.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let allocation = &conv.funding().unwrap().allocations()[1];
    /// assert_eq!(allocation.facility_kind(), ctg_core::FacilityKind::Eaje);
    /// ```
    pub fn facility_kind(&self) -> FacilityKind {
        self.facility_kind
    }

    /// The thematic domain it belongs to.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let allocation = &conv.funding().unwrap().allocations()[1];
    /// assert_eq!(allocation.domain(), Some(&ctg_core::ThematicDomain::PetiteEnfance));
    /// ```
    pub fn domain(&self) -> Option<&ThematicDomain> {
        self.domain.as_ref()
    }

    /// Free description.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let allocation = &conv.funding().unwrap().allocations()[1];
    /// assert_eq!(allocation.label(), None);
    /// ```
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// Amount per year; every year lies inside the period.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let allocation = &conv.funding().unwrap().allocations()[1];
    /// assert_eq!(allocation.amounts()[&2024].to_string(), "40800.00");
    /// ```
    pub fn amounts(&self) -> &BTreeMap<Year, Amount> {
        &self.amounts
    }
}

/// Building a [`Allocation`] in code.
impl Allocation {
    /// A allocation with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Allocation::new("la-petite-loco", ctg_core::FacilityKind::Eaje);
    /// assert_eq!(p.beneficiary(), "la-petite-loco");
    /// assert_eq!(p.facility_kind(), ctg_core::FacilityKind::Eaje);
    /// ```
    pub fn new(beneficiary: impl Into<String>, facility_kind: FacilityKind) -> Allocation {
        Allocation {
            beneficiary: crate::text::tidy(beneficiary).into(),
            facility_kind,
            domain: Default::default(),
            label: Default::default(),
            amounts: Default::default(),
            paid: Default::default(),
        }
    }

    /// The same allocation with its `domain` set.
    ///
    /// ```
    /// let p = ctg_core::Allocation::new("la-petite-loco", ctg_core::FacilityKind::Eaje).with_domain(ctg_core::ThematicDomain::PetiteEnfance);
    /// assert_eq!(p.domain(), Some(&ctg_core::ThematicDomain::PetiteEnfance));
    /// ```
    pub fn with_domain(mut self, value: ThematicDomain) -> Allocation {
        self.domain = Some(value);
        self
    }

    /// The same allocation with its `label` set.
    ///
    /// ```
    /// let p = ctg_core::Allocation::new("la-petite-loco", ctg_core::FacilityKind::Eaje).with_label("multi-accueil");
    /// assert_eq!(p.label(), Some("multi-accueil"));
    /// ```
    pub fn with_label(mut self, value: impl Into<String>) -> Allocation {
        self.label = Some(crate::text::tidy(value));
        self
    }
}

/// The totals a source declares ("241 801 € a year, 725 403 € over 3 years").
///
/// ```
/// use ctg_core::Convention;
/// let mut doc = Convention::sample().to_value();
/// doc["funding"]["declared"]["total"] = "725000.00".into(); // the allocations add up to 725403.00
/// let report = Convention::from_value(&doc).unwrap_err();
/// let issue = &report.issues()[0];
/// assert_eq!((issue.code.as_str(), issue.path.to_string().as_str()),
///     ("funding.total_mismatch", "funding.declared.total"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DeclaredTotals {
    /// The declared envelope of each year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) yearly: BTreeMap<Year, Amount>,
    /// The declared envelope of the whole period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) total: Option<Amount>,
}

impl DeclaredTotals {
    /// The declared envelope of each year.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let declared = conv.funding().unwrap().declared();
    /// assert_eq!(declared.yearly()[&2024].to_string(), "241801.00");
    /// ```
    pub fn yearly(&self) -> &BTreeMap<Year, Amount> {
        &self.yearly
    }

    /// The declared envelope of the whole period.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let declared = conv.funding().unwrap().declared();
    /// assert_eq!(declared.total().map(|t| t.to_string()).as_deref(), Some("725403.00"));
    /// ```
    pub fn total(&self) -> Option<Amount> {
        self.total
    }
}

impl DeclaredTotals {
    /// Whether nothing is declared.
    ///
    /// ```
    /// use ctg_core::DeclaredTotals;
    /// assert!(DeclaredTotals::default().is_empty());
    /// let conv = ctg_core::Convention::sample();
    /// assert!(!conv.funding().unwrap().declared().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.yearly.is_empty() && self.total.is_none()
    }
}

/// One allocation for one year, flattened for tables and data frames.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let rows = conv.funding().unwrap().rows();
/// let row = &rows[3]; // allocations[0] gave rows 0 to 2, one per year
/// assert_eq!((row.allocation_index, row.year), (1, 2023));
/// assert_eq!(row.beneficiary_name, "La Petite Loco");
/// assert_eq!(row.amount.to_string(), "40800.00");
/// ```
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
