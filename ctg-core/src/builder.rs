//! Building a convention in code, and the copy-with edits of a convention. Both end in the same
//! validation as any document: a [`Convention`] built here cannot hold a broken invariant either.

use serde_json::{json, Map, Value};

use crate::{
    ActionSheet, Allocation, AllocationKey, Amendment, Amount, Beneficiary, Change, Convention,
    DeclaredTotals, Diagnostic, GovernanceBody, Objective, Party, Period, PreviousConvention,
    Report, Signature, Stake, Termination, ThematicDomain, Year,
};

/// Builds a [`Convention`] part by part; [`build`](ConventionBuilder::build) validates it like any
/// document and gives the convention or every issue.
///
/// ```
/// use ctg_core::{Allocation, Beneficiary, Convention, FacilityKind, Party, PartyKind, PartyRole,
///     Period, ThematicDomain};
/// let conv = Convention::builder("ctg-82-exemple", "CTG exemple 2024-2026", Period::new(2024, 2026).unwrap())
///     .party(Party::new("caf-82", "Caf de Tarn-et-Garonne", PartyKind::Caf, PartyRole::Caf))
///     .domain(ThematicDomain::PetiteEnfance)
///     .next_action_sheet("Ouvrir une crèche de 20 places")
///     .beneficiary(Beneficiary::new("creche", "Crèche Les Lutins"))
///     .allocation(Allocation::spread("creche", FacilityKind::Eaje, "90 000 €".parse()?,
///         Period::new(2024, 2026).unwrap())?)
///     .declare_totals_from_allocations()
///     .build()?;
/// assert_eq!(conv.action_sheets()[0].number(), 1);
/// assert_eq!(conv.funding().unwrap().declared().total().unwrap().to_string(), "90000.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ConventionBuilder {
    id: String,
    title: String,
    period: Period,
    signature: Option<Signature>,
    termination: Option<Termination>,
    renews: Option<PreviousConvention>,
    parties: Vec<Party>,
    domains: Vec<ThematicDomain>,
    diagnostic: Option<Diagnostic>,
    stakes: Vec<Stake>,
    objectives: Vec<Objective>,
    action_sheets: Vec<ActionSheet>,
    funding: Option<(Vec<Beneficiary>, Vec<Allocation>, DeclaredTotals)>,
    declare_totals: bool,
    governance: Vec<GovernanceBody>,
    amendments: Vec<Amendment>,
    sources: Vec<String>,
    notes: Option<String>,
}

impl Convention {
    /// A builder of a convention with its id, title and period.
    ///
    /// ```
    /// use ctg_core::{Convention, Party, PartyKind, PartyRole, Period};
    /// let report = Convention::builder("x", "Sans Caf", Period::new(2024, 2026).unwrap())
    ///     .build()
    ///     .unwrap_err(); // a CTG is signed by a Caf
    /// assert_eq!(report.issues()[0].code.as_str(), "party.no_caf");
    /// ```
    pub fn builder(
        id: impl Into<String>,
        title: impl Into<String>,
        period: Period,
    ) -> ConventionBuilder {
        ConventionBuilder {
            id: id.into(),
            title: title.into(),
            period,
            signature: None,
            termination: None,
            renews: None,
            parties: Vec::new(),
            domains: Vec::new(),
            diagnostic: None,
            stakes: Vec::new(),
            objectives: Vec::new(),
            action_sheets: Vec::new(),
            funding: None,
            declare_totals: false,
            governance: Vec::new(),
            amendments: Vec::new(),
            sources: Vec::new(),
            notes: None,
        }
    }

    /// The number the next action sheet would take: one more than the largest (1 when there is
    /// none).
    ///
    /// ```
    /// assert_eq!(ctg_core::Convention::sample().next_action_sheet_number(), 17);
    /// ```
    pub fn next_action_sheet_number(&self) -> u32 {
        next_number(&self.action_sheets)
    }
}

fn next_number(sheets: &[ActionSheet]) -> u32 {
    sheets
        .iter()
        .map(|s| s.number)
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

/// Generates a builder method that sets or appends one part.
macro_rules! part {
    ($(#[$doc:meta])* $name:ident, $field:ident, $ty:ty, set) => {
        $(#[$doc])*
        pub fn $name(mut self, value: $ty) -> ConventionBuilder {
            self.$field = Some(value);
            self
        }
    };
    ($(#[$doc:meta])* $name:ident, $field:ident, $ty:ty, push) => {
        $(#[$doc])*
        pub fn $name(mut self, value: $ty) -> ConventionBuilder {
            self.$field.push(value);
            self
        }
    };
}

impl ConventionBuilder {
    part!(
        /// The signature.
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let date = NaiveDate::from_ymd_opt(2023, 12, 14).unwrap();
        /// let conv = b.signed(Signature::new(date)).build()?;
        /// assert_eq!(conv.signature().unwrap().date(), date);
        /// # Ok::<(), Report>(())
        /// ```
        signed, signature, Signature, set
    );
    part!(
        /// The early termination.
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let date = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        /// let conv = b.terminated(Termination::new(date)).build()?;
        /// assert_eq!(conv.termination().unwrap().date(), date);
        /// # Ok::<(), Report>(())
        /// ```
        terminated, termination, Termination, set
    );
    part!(
        /// The convention this one renews.
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let conv = b.renews(PreviousConvention::new().with_first_year(2020).with_last_year(2023)).build()?;
        /// assert_eq!(conv.renews().unwrap().last_year(), Some(2023));
        /// # Ok::<(), Report>(())
        /// ```
        renews, renews, PreviousConvention, set
    );
    part!(
        /// A party (appended).
        ///
        /// ```
        /// # use ctg_core::*;
        /// let conv = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        ///     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf))
        ///     .build()?;
        /// assert_eq!(conv.parties()[0].id(), "caf");
        /// # Ok::<(), Report>(())
        /// ```
        party, parties, Party, push
    );
    part!(
        /// A thematic domain (appended).
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let conv = b.domain(ThematicDomain::Jeunesse).build()?;
        /// assert_eq!(conv.domains(), [ThematicDomain::Jeunesse]);
        /// # Ok::<(), Report>(())
        /// ```
        domain, domains, ThematicDomain, push
    );
    part!(
        /// The diagnostic.
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let conv = b.diagnostic(Diagnostic::new().with_author("Caf")).build()?;
        /// assert_eq!(conv.diagnostic().unwrap().author(), Some("Caf"));
        /// # Ok::<(), Report>(())
        /// ```
        diagnostic, diagnostic, Diagnostic, set
    );
    part!(
        /// A stake (appended).
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let conv = b.stake(Stake::new("e1", "Le soutien aux familles")).build()?;
        /// assert_eq!(conv.stakes()[0].id(), "e1");
        /// # Ok::<(), Report>(())
        /// ```
        stake, stakes, Stake, push
    );
    part!(
        /// An objective (appended).
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let conv = b.objective(Objective::new("o1", "Accueillir")).build()?;
        /// assert_eq!(conv.objectives()[0].title(), "Accueillir");
        /// # Ok::<(), Report>(())
        /// ```
        objective, objectives, Objective, push
    );
    part!(
        /// An action sheet (appended, with its own number).
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let conv = b.action_sheet(ActionSheet::new(3, "Un LAEP")).build()?;
        /// assert_eq!(conv.action_sheet(3).unwrap().title(), "Un LAEP");
        /// # Ok::<(), Report>(())
        /// ```
        action_sheet, action_sheets, ActionSheet, push
    );
    part!(
        /// A governance body (appended).
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let conv = b.governance(GovernanceBody::new(GovernanceKind::SteeringCommittee)).build()?;
        /// assert_eq!(conv.governance().len(), 1);
        /// # Ok::<(), Report>(())
        /// ```
        governance, governance, GovernanceBody, push
    );
    part!(
        /// An amendment (appended).
        ///
        /// ```
        /// # use ctg_core::*;
        /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
        /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
        /// let date = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        /// let conv = b.amendment(Amendment::new(1, date, "Avenant n°1")).build()?;
        /// assert_eq!(conv.amendments()[0].number(), 1);
        /// # Ok::<(), Report>(())
        /// ```
        amendment, amendments, Amendment, push
    );

    /// An action sheet numbered after the last one, with this title.
    ///
    /// ```
    /// # use ctg_core::*;
    /// let conv = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
    ///     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf))
    ///     .action_sheet(ActionSheet::new(4, "Quatre"))
    ///     .next_action_sheet("Cinq")
    ///     .build()?;
    /// assert_eq!(conv.action_sheet(5).unwrap().title(), "Cinq");
    /// # Ok::<(), Report>(())
    /// ```
    pub fn next_action_sheet(mut self, title: impl Into<String>) -> ConventionBuilder {
        let number = next_number(&self.action_sheets);
        self.action_sheets.push(ActionSheet::new(number, title));
        self
    }

    fn funding_parts(&mut self) -> &mut (Vec<Beneficiary>, Vec<Allocation>, DeclaredTotals) {
        self.funding
            .get_or_insert_with(|| (Vec::new(), Vec::new(), DeclaredTotals::default()))
    }

    /// A beneficiary (appended; the funding section is created with the first one).
    ///
    /// ```
    /// # use ctg_core::*;
    /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
    /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
    /// let conv = b.beneficiary(Beneficiary::new("mjc", "MJC")).build()?;
    /// assert_eq!(conv.funding().unwrap().beneficiaries()[0].name(), "MJC");
    /// # Ok::<(), Report>(())
    /// ```
    pub fn beneficiary(mut self, beneficiary: Beneficiary) -> ConventionBuilder {
        self.funding_parts().0.push(beneficiary);
        self
    }

    /// An allocation (appended).
    ///
    /// ```
    /// # use ctg_core::*;
    /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
    /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf))
    /// #     .beneficiary(Beneficiary::new("mjc", "MJC"));
    /// let line = Allocation::new("mjc", FacilityKind::Jeunesse).with_amount(2024, "3 000 €".parse()?);
    /// let conv = b.allocation(line).build()?;
    /// assert_eq!(conv.totals().unwrap().total.to_string(), "3000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocation(mut self, allocation: Allocation) -> ConventionBuilder {
        self.funding_parts().1.push(allocation);
        self
    }

    /// The totals the convention declares (as the source states them).
    ///
    /// ```
    /// # use ctg_core::*;
    /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
    /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
    /// let declared = DeclaredTotals::new().with_year(2024, "100".parse()?).with_total("90".parse()?);
    /// let report = b.declared(declared).build().unwrap_err();
    /// // Without allocations, the declared total is compared with the declared years.
    /// assert!(report.issues().iter().any(|i| i.code.as_str() == "funding.total_mismatch"));
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn declared(mut self, declared: DeclaredTotals) -> ConventionBuilder {
        self.funding_parts().2 = declared;
        self.declare_totals = false;
        self
    }

    /// Declares the totals the allocations add up to (each year of the period and the whole), as
    /// people compute them by hand.
    ///
    /// ```
    /// # use ctg_core::*;
    /// let conv = Convention::builder("x", "t", Period::new(2024, 2025).unwrap())
    ///     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf))
    ///     .beneficiary(Beneficiary::new("mjc", "MJC"))
    ///     .allocation(Allocation::new("mjc", FacilityKind::Jeunesse)
    ///         .with_amount(2024, "1 000 €".parse()?).with_amount(2025, "1 500 €".parse()?))
    ///     .declare_totals_from_allocations()
    ///     .build()?;
    /// assert_eq!(conv.funding().unwrap().declared().yearly()[&2025].to_string(), "1500.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn declare_totals_from_allocations(mut self) -> ConventionBuilder {
        self.funding_parts();
        self.declare_totals = true;
        self
    }

    /// A source of the data (appended).
    ///
    /// ```
    /// # use ctg_core::*;
    /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
    /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
    /// let conv = b.source("Délibération du 12/12/2023").build()?;
    /// assert_eq!(conv.sources().len(), 1);
    /// # Ok::<(), Report>(())
    /// ```
    pub fn source(mut self, source: impl Into<String>) -> ConventionBuilder {
        self.sources.push(source.into());
        self
    }

    /// Free notes.
    ///
    /// ```
    /// # use ctg_core::*;
    /// # let b = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
    /// #     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf));
    /// let conv = b.notes("période supposée").build()?;
    /// assert_eq!(conv.notes(), Some("période supposée"));
    /// # Ok::<(), Report>(())
    /// ```
    pub fn notes(mut self, notes: impl Into<String>) -> ConventionBuilder {
        self.notes = Some(notes.into());
        self
    }

    /// The document this builder describes, in the canonical format.
    ///
    /// ```
    /// # use ctg_core::*;
    /// let doc = Convention::builder("x", "t", Period::new(2024, 2026).unwrap()).to_value();
    /// assert_eq!(doc["period"]["duration_years"], 3);
    /// ```
    pub fn to_value(&self) -> Value {
        let mut doc = Map::new();
        let mut put = |key: &str, value: Value| {
            doc.insert(key.to_owned(), value);
        };
        put("format_version", json!(crate::FORMAT_VERSION));
        put("id", json!(self.id));
        put("title", json!(self.title));
        put("period", to_json(&self.period));
        if let Some(signature) = &self.signature {
            put("signature", to_json(signature));
        }
        if let Some(termination) = &self.termination {
            put("termination", to_json(termination));
        }
        if let Some(renews) = &self.renews {
            put("renews", to_json(renews));
        }
        put("parties", to_json(&self.parties));
        put("domains", to_json(&self.domains));
        if let Some(diagnostic) = &self.diagnostic {
            put("diagnostic", to_json(diagnostic));
        }
        put("stakes", to_json(&self.stakes));
        put("objectives", to_json(&self.objectives));
        put("action_sheets", to_json(&self.action_sheets));
        if let Some((beneficiaries, allocations, declared)) = &self.funding {
            let declared = if self.declare_totals {
                DeclaredTotals::from_allocations(allocations, self.period)
                    .unwrap_or_else(|| declared.clone())
            } else {
                declared.clone()
            };
            let mut funding = Map::new();
            funding.insert("beneficiaries".into(), to_json(beneficiaries));
            funding.insert("allocations".into(), to_json(allocations));
            if !declared.is_empty() {
                funding.insert("declared".into(), to_json(&declared));
            }
            put("funding", Value::Object(funding));
        }
        if !self.governance.is_empty() {
            put("governance", to_json(&self.governance));
        }
        if !self.amendments.is_empty() {
            put("amendments", to_json(&self.amendments));
        }
        if !self.sources.is_empty() {
            put("sources", to_json(&self.sources));
        }
        if let Some(notes) = &self.notes {
            put("notes", json!(notes));
        }
        Value::Object(doc)
    }

    /// Validates the convention built: the same rules as any document.
    ///
    /// ```
    /// # use ctg_core::*;
    /// let conv = Convention::builder("x", "t", Period::new(2024, 2026).unwrap())
    ///     .party(Party::new("caf", "Caf", PartyKind::Caf, PartyRole::Caf))
    ///     .build()?;
    /// assert_eq!(conv.id(), "x");
    /// # Ok::<(), Report>(())
    /// ```
    pub fn build(self) -> Result<Convention, Report> {
        crate::validate_value(&self.to_value()).into_result()
    }
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

impl DeclaredTotals {
    /// The totals allocations add up to: each year of `period` (zero for a year without funding)
    /// and the whole; `None` when a sum exceeds [`Amount::MAX`].
    ///
    /// ```
    /// use ctg_core::{Convention, DeclaredTotals};
    /// let conv = Convention::sample();
    /// let funding = conv.funding().unwrap();
    /// let computed = DeclaredTotals::from_allocations(funding.allocations(), conv.period()).unwrap();
    /// assert_eq!(&computed, funding.declared()); // Thoré's declared totals are right
    /// ```
    pub fn from_allocations(allocations: &[Allocation], period: Period) -> Option<DeclaredTotals> {
        let mut declared = DeclaredTotals::new();
        for year in period.years() {
            let sum = Amount::checked_sum(
                allocations
                    .iter()
                    .filter_map(|a| a.amounts.get(&year).copied()),
            )?;
            declared.yearly.insert(year, sum);
        }
        declared.total = Some(Amount::checked_sum(declared.yearly.values().copied())?);
        Some(declared)
    }

    /// No declared total.
    ///
    /// ```
    /// assert!(ctg_core::DeclaredTotals::new().is_empty());
    /// ```
    pub fn new() -> DeclaredTotals {
        DeclaredTotals::default()
    }

    /// The same totals with the envelope of `year`.
    ///
    /// ```
    /// let d = ctg_core::DeclaredTotals::new().with_year(2024, "241 801 €".parse()?);
    /// assert_eq!(d.yearly()[&2024].to_string(), "241801.00");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_year(mut self, year: Year, amount: Amount) -> DeclaredTotals {
        self.yearly.insert(year, amount);
        self
    }

    /// The same totals with the envelope of the whole period.
    ///
    /// ```
    /// let d = ctg_core::DeclaredTotals::new().with_total("725 403 €".parse()?);
    /// assert_eq!(d.total().unwrap().to_string(), "725403.00");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_total(mut self, total: Amount) -> DeclaredTotals {
        self.total = Some(total);
        self
    }
}

impl Allocation {
    /// The same allocation with the amount of `year` (replacing any).
    ///
    /// ```
    /// use ctg_core::{Allocation, FacilityKind};
    /// let line = Allocation::new("mjc", FacilityKind::Jeunesse).with_amount(2024, "3 095 €".parse()?);
    /// assert_eq!(line.amounts()[&2024].to_string(), "3095.00");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_amount(mut self, year: Year, amount: Amount) -> Allocation {
        self.amounts.insert(year, amount);
        self
    }

    /// The same allocation with what was paid in `year`.
    ///
    /// ```
    /// use ctg_core::{Allocation, FacilityKind};
    /// let line = Allocation::new("mjc", FacilityKind::Jeunesse)
    ///     .with_amount(2024, "3 095 €".parse()?)
    ///     .with_paid(2024, "2 900 €".parse()?);
    /// assert_eq!(line.paid()[&2024].to_string(), "2900.00");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn with_paid(mut self, year: Year, amount: Amount) -> Allocation {
        self.paid.insert(year, amount);
        self
    }

    /// An allocation of `total` spread evenly over the years of `period`, to the cent (the
    /// largest remainders go to the first years).
    ///
    /// # Errors
    /// Never for a period (it has at least one year); the error type is the split's.
    ///
    /// ```
    /// use ctg_core::{Allocation, FacilityKind, Period};
    /// let line = Allocation::spread("rpe", FacilityKind::Rpe, "100 000 €".parse().unwrap(),
    ///     Period::new(2023, 2025).unwrap())?;
    /// let amounts: Vec<String> = line.amounts().values().map(|a| a.to_string()).collect();
    /// assert_eq!(amounts, ["33333.34", "33333.33", "33333.33"]);
    /// # Ok::<(), ctg_core::SplitError>(())
    /// ```
    pub fn spread(
        beneficiary: impl Into<String>,
        facility_kind: crate::FacilityKind,
        total: Amount,
        period: Period,
    ) -> Result<Allocation, crate::SplitError> {
        let parts = total.split_evenly(period.len() as usize)?;
        let mut allocation = Allocation::new(beneficiary, facility_kind);
        for (year, part) in period.years().zip(parts) {
            allocation.amounts.insert(year, part);
        }
        Ok(allocation)
    }

    /// What was actually paid, per year, when known (absent is not zero).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.funding().unwrap().allocations()[0].paid().is_empty());
    /// ```
    pub fn paid(&self) -> &std::collections::BTreeMap<Year, Amount> {
        &self.paid
    }
}

/// Copy-with edits: each gives a new, validated convention, or the issues that stop it; the
/// original is never changed. Each builds the [`Change`] with what the convention holds as
/// *before*, then [`Convention::apply`]s it.
impl Convention {
    /// With the amount of one funding line for one year set (`Some`) or removed (`None`).
    ///
    /// ```
    /// use ctg_core::{AllocationKey, Convention};
    /// let conv = Convention::sample();
    /// let line = AllocationKey::of(&conv.funding().unwrap().allocations()[1]);
    /// // Changing an amount alone breaks the declared totals: reported, not silently fixed
    /// // (see `with_amount_and_totals`).
    /// let report = conv.with_amount(&line, 2025, Some("42 000 €".parse()?)).unwrap_err();
    /// assert!(report.issues().iter().any(|i| i.code.as_str() == "change.breaks_convention"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_amount(
        &self,
        key: &AllocationKey,
        year: Year,
        amount: Option<Amount>,
    ) -> Result<Convention, Report> {
        self.apply(&[self.amount_change(key, year, amount)])
    }

    /// With the amount of one funding line set or removed, and the declared totals recomputed
    /// from the allocations (as the text of an amendment would restate them).
    ///
    /// ```
    /// use ctg_core::{AllocationKey, Convention};
    /// let conv = Convention::sample();
    /// let line = AllocationKey::of(&conv.funding().unwrap().allocations()[1]);
    /// let edited = conv.with_amount_and_totals(&line, 2025, Some("42 000 €".parse()?))?;
    /// assert_eq!(edited.funding().unwrap().declared().total().unwrap().to_string(), "726603.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_amount_and_totals(
        &self,
        key: &AllocationKey,
        year: Year,
        amount: Option<Amount>,
    ) -> Result<Convention, Report> {
        let change = self.amount_change(key, year, amount);
        let mut probe = self.clone();
        if crate::edit::apply_unchecked(&mut probe, &change).is_err() {
            return self.apply(&[change]); // reports why it cannot apply
        }
        let before = self
            .funding
            .as_ref()
            .map(|f| f.declared.clone())
            .unwrap_or_default();
        let after = probe
            .funding
            .as_ref()
            .and_then(|f| DeclaredTotals::from_allocations(&f.allocations, self.period))
            .unwrap_or_default();
        self.apply(&[change, Change::Declared { before, after }])
    }

    fn amount_change(&self, key: &AllocationKey, year: Year, amount: Option<Amount>) -> Change {
        let before = self.funding.as_ref().and_then(|f| {
            f.allocations
                .iter()
                .find(|a| key.matches(a))
                .and_then(|a| a.amounts.get(&year).copied())
        });
        Change::Amount {
            key: key.clone(),
            year,
            before,
            after: amount,
        }
    }

    /// With this action sheet added, or replacing the sheet of the same number.
    ///
    /// ```
    /// use ctg_core::{ActionSheet, ActionStatus, Convention};
    /// let conv = Convention::sample();
    /// let done = conv.action_sheet(2).unwrap().clone().with_status(ActionStatus::Done);
    /// let edited = conv.with_action_sheet(done)?;
    /// assert_eq!(edited.action_sheet(2).unwrap().status(), ActionStatus::Done);
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn with_action_sheet(&self, sheet: ActionSheet) -> Result<Convention, Report> {
        let before = self.action_sheet(sheet.number).cloned();
        self.apply(&[Change::ActionSheet {
            before,
            after: Some(sheet),
        }])
    }

    /// Without the action sheet of this number.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let edited = conv.without_action_sheet(16)?;
    /// assert_eq!(edited.action_sheets().len(), 15);
    /// assert!(conv.without_action_sheet(99).is_err()); // not there
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn without_action_sheet(&self, number: u32) -> Result<Convention, Report> {
        let before = self
            .action_sheet(number)
            .cloned()
            .unwrap_or_else(|| ActionSheet::new(number, "?"));
        self.apply(&[Change::ActionSheet {
            before: Some(before),
            after: None,
        }])
    }

    /// With this party added, or replacing the party of the same id.
    ///
    /// ```
    /// use ctg_core::{Convention, Party, PartyKind, PartyRole};
    /// let msa = Party::new("msa", "MSA Midi-Pyrénées Nord", PartyKind::Msa, PartyRole::CoFunder);
    /// let edited = Convention::sample().with_party(msa)?;
    /// assert_eq!(edited.parties().len(), 14);
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn with_party(&self, party: Party) -> Result<Convention, Report> {
        let before = self.party(&party.id).cloned();
        self.apply(&[Change::Party {
            before,
            after: Some(party),
        }])
    }

    /// Without the party of this id (what refers to it must go first: validation says so).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.without_party("albine")?.parties().len(), 12);
    /// // The CC leads the action sheets: removing it breaks the references.
    /// assert!(conv.without_party("cc-thore-montagne-noire").is_err());
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn without_party(&self, id: &str) -> Result<Convention, Report> {
        let before = self.party(id).cloned().unwrap_or_else(|| {
            Party::new(id, "?", crate::PartyKind::Other, crate::PartyRole::Partner)
        });
        self.apply(&[Change::Party {
            before: Some(before),
            after: None,
        }])
    }

    /// With another period (a year added or taken away; funding outside it is then reported).
    ///
    /// ```
    /// use ctg_core::{Convention, Period};
    /// let conv = Convention::sample();
    /// let longer = conv.with_period(Period::new(2023, 2026).unwrap())?;
    /// assert_eq!(longer.period().len(), 4);
    /// // Shorter: the 2025 funding would lie outside it.
    /// assert!(conv.with_period(Period::new(2023, 2024).unwrap()).is_err());
    /// # Ok::<(), ctg_core::Report>(())
    /// ```
    pub fn with_period(&self, period: Period) -> Result<Convention, Report> {
        self.apply(&[Change::Period {
            before: self.period,
            after: period,
        }])
    }
}
