//! The labels of what ctg shows: headings, column headers, verdicts — one table, French and
//! English.

macro_rules! labels {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $fr:literal, $en:literal; )*) => {
        /// A label of the renderers and tables, with its French and English text.
        ///
        /// ```
        /// use ctg_core::{render::Label, Lang};
        /// assert_eq!(Label::Period.text(Lang::Fr), "Période");
        /// assert_eq!(Label::Period.text(Lang::En), "Period");
        /// assert_eq!(Label::Period.code(), "period");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Label {
            $( $(#[$doc])* $variant, )*
        }

        impl Label {
            /// Every label.
            ///
            /// ```
            /// assert!(ctg_core::render::Label::ALL.len() > 10);
            /// ```
            pub const ALL: &'static [Label] = &[$(Label::$variant),*];

            /// A stable code (for column names in data).
            ///
            /// ```
            /// assert_eq!(ctg_core::render::Label::Total.code(), "total");
            /// ```
            pub fn code(self) -> &'static str {
                match self { $( Label::$variant => $code, )* }
            }

            /// The text in `lang`.
            ///
            /// ```
            /// use ctg_core::{render::Label, Lang};
            /// assert_eq!(Label::Beneficiary.text(Lang::Fr), "Bénéficiaire");
            /// ```
            pub fn text(self, lang: crate::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Label::$variant, crate::Lang::Fr) => $fr,
                        (Label::$variant, crate::Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

labels! {
    /// Period.
    Period = "period", "Période", "Period";
    /// Years (after a count).
    Years = "years", "ans", "years";
    /// Status on (a date).
    StatusOn = "status_on", "Statut au", "Status on";
    /// Status.
    Status = "status", "Statut", "Status";
    /// Signed on.
    SignedOn = "signed_on", "Signée le", "Signed on";
    /// In (a place).
    In = "in", "à", "in";
    /// Signature.
    Signature = "signature", "Signature", "Signature";
    /// Renews the convention.
    Renews = "renews", "Renouvelle la convention", "Renews the convention";
    /// Parties.
    Parties = "parties", "Parties", "Parties";
    /// Member communes.
    MemberCommunes = "member_communes", "communes membres", "member communes";
    /// Domains.
    Domains = "domains", "Domaines", "Domains";
    /// Stakes.
    Stakes = "stakes", "Enjeux", "Stakes";
    /// Strategic objectives.
    Objectives = "objectives", "Objectifs stratégiques", "Strategic objectives";
    /// Action sheets.
    ActionSheets = "action_sheets", "Fiches actions", "Action sheets";
    /// Caf funding.
    CafFunding = "caf_funding", "Financement de la Caf", "Caf funding";
    /// No funding section.
    NoFunding = "no_funding", "pas de section de financement", "no funding section";
    /// Beneficiary.
    Beneficiary = "beneficiary", "Bénéficiaire", "Beneficiary";
    /// Total.
    Total = "total", "Total", "Total";
    /// Of which coordination.
    OfWhichCoordination = "of_which_coordination", "dont coordination", "of which coordination";
    /// Total declared by the source.
    DeclaredTotal = "declared_total", "total déclaré par la source", "total declared by the source";
    /// Funding of a year.
    FundingOf = "funding_of", "Financement", "Funding";
    /// Valid.
    Valid = "valid", "valide", "valid";
    /// Invalid.
    Invalid = "invalid", "invalide", "invalid";
    /// Severity.
    Severity = "severity", "gravité", "severity";
    /// Code.
    Code = "code", "code", "code";
    /// Path.
    Path = "path", "chemin", "path";
    /// Message.
    Message = "message", "message", "message";
    /// Id.
    Id = "id", "id", "id";
    /// Title.
    Title = "title", "Titre", "Title";
    /// Another field changed.
    FieldChanged = "field_changed", "champ modifié", "field changed";
    /// No difference.
    NoDifference = "no_difference", "aucune différence", "no difference";
    /// Added.
    Added = "added", "ajouté", "added";
    /// Removed.
    Removed = "removed", "retiré", "removed";
    /// Changed.
    Changed = "changed", "modifié", "changed";
    /// Renumbered.
    Renumbered = "renumbered", "renumérotée", "renumbered";
    /// Renewal.
    Renewal = "renewal", "Renouvellement", "Renewal";
    /// Sheets that continue.
    Continued = "continued", "Fiches reconduites", "Continued";
    /// New sheets.
    Started = "started", "Nouvelles fiches", "New";
    /// Sheets that stopped.
    Stopped = "stopped", "Fiches arrêtées", "Stopped";
    /// Parties that joined.
    Joined = "joined", "Nouveaux signataires", "Joined";
    /// Parties that left.
    Left = "left", "Signataires partis", "Left";
    /// Domains added.
    DomainsAdded = "domains_added", "Domaines ajoutés", "Domains added";
    /// Domains removed.
    DomainsRemoved = "domains_removed", "Domaines retirés", "Domains removed";
    /// The envelope.
    Envelope = "envelope", "Enveloppe", "Envelope";
    /// Yearly average.
    YearlyAverage = "yearly_average", "moyenne annuelle", "yearly average";
    /// The new convention lists no action sheet.
    NoSheetsInNext = "no_sheets_in_next", "la nouvelle convention ne liste aucune fiche action : rien ne dit si elles continuent", "the new convention lists no action sheet: nothing says whether they continue";
    /// Evaluation.
    Evaluation = "evaluation", "Évaluation", "Evaluation";
    /// As of (a date).
    AsOf = "as_of", "au", "as of";
    /// Late sheets.
    Late = "late", "En retard", "Late";
    /// Ended on.
    EndedOn = "ended_on", "fin prévue le", "due on";
    /// Indicators.
    Indicators = "indicators", "Indicateurs", "Indicators";
    /// Planned.
    Planned = "planned", "prévu", "planned";
    /// Paid.
    Paid = "paid", "versé", "paid";
    /// The territory (coverage).
    Territory = "territory", "Territoire", "Territory";
    /// Reference (the geography's vintage).
    Reference = "reference", "référence", "reference";
    /// Communes (after a count).
    CommunesCount = "communes_count", "communes", "communes";
    /// Inhabitants (after a count).
    Inhabitants = "inhabitants", "habitants", "inhabitants";
    /// Population.
    Population = "population", "Population", "Population";
    /// Unknown population.
    PopulationUnknown = "population_unknown", "population inconnue", "population unknown";
    /// Funding per inhabitant per year.
    FundingPerInhabitant = "funding_per_inhabitant", "Financement par habitant et par an", "Funding per inhabitant per year";
    /// On average over the period.
    AverageOverPeriod = "average_over_period", "en moyenne sur la période", "on average over the period";
    /// How the figures per inhabitant are rounded.
    RoundedToTheCent = "rounded_to_the_cent", "arrondi au centime, la moitié en s’éloignant de zéro", "rounded to the cent, half away from zero";
    /// Member communes of the signing EPCI that are not parties.
    MembersNotParties = "members_not_parties", "Communes membres des EPCI signataires qui ne sont pas parties", "Member communes of the signing EPCI that are not parties";
    /// Parties the reference could not place.
    Unresolved = "unresolved", "Parties que la référence ne permet pas de situer", "Parties the reference cannot place";
    /// Reason: unknown INSEE code.
    UnknownInsee = "unknown_insee", "code INSEE inconnu", "unknown INSEE code";
    /// Reason: a former code under several communes.
    FormerAmbiguous = "former_ambiguous", "ancien code rattaché à plusieurs communes", "former code under several communes";
    /// Reason: unknown SIREN.
    UnknownSiren = "unknown_siren", "SIREN inconnu", "unknown SIREN";
    /// Reason: not a commune's identifier.
    NotACommune = "not_a_commune", "identifiant qui n’est pas celui d’une commune", "not a commune's identifier";
    /// Reason: not an EPCI's SIREN.
    NotAnEpci = "not_an_epci", "SIREN qui n’est pas celui d’un EPCI", "not an EPCI's SIREN";
    /// Reason: no identifier.
    NoIdentifier = "no_identifier", "ni code INSEE ni SIREN", "no INSEE code nor SIREN";
    /// Outside the context (a lookup's candidate).
    OutsideContext = "outside_context", "hors du contexte", "outside the context";
    /// Score (of a candidate).
    Score = "score", "score", "score";
    /// Values filled in from the reference.
    ValuesFilled = "values_filled", "Valeurs ajoutées d’après la référence", "Values filled in from the reference";
    /// Left alone, and why.
    LeftAlone = "left_alone", "Laissé tel quel", "Left alone";
    /// Nothing to fill in.
    NothingToFill = "nothing_to_fill", "rien à compléter", "nothing to fill in";
    /// Written to (a file).
    WrittenTo = "written_to", "écrit dans", "written to";
    /// A portfolio as of (a date).
    PortfolioAsOf = "portfolio_as_of", "Portefeuille au", "Portfolio as of";
    /// Documents (after a count).
    Documents = "documents", "documents", "documents";
    /// Document (after a count of 0 or 1).
    Document = "document", "document", "document";
    /// Valid (after a count of several).
    ValidMany = "valid_many", "valides", "valid";
    /// Invalid (after a count of several).
    InvalidMany = "invalid_many", "invalides", "invalid";
    /// Unreadable (after a count of 0 or 1).
    Unreadable = "unreadable", "illisible", "unreadable";
    /// Unreadable (after a count of several).
    UnreadableMany = "unreadable_many", "illisibles", "unreadable";
    /// Valid conventions (by status).
    ValidConventions = "valid_conventions", "Conventions valides", "Valid conventions";
    /// Conventions in force that end in (a year).
    EndingIn = "ending_in", "En vigueur, à échéance en", "In force, ending in";
    /// Convention (after a count of 0 or 1).
    ConventionOne = "convention_one", "convention", "convention";
    /// Conventions (after a count of several).
    ConventionsMany = "conventions_many", "conventions", "conventions";
    /// Valid conventions without a funding section.
    WithoutFunding = "without_funding", "sans section de financement", "without a funding section";
    /// Documents that are not valid, left out.
    NotValidLeftOut = "not_valid_left_out", "documents non valides laissés de côté", "documents not valid, left out";
    /// Conventions left out because a sum would pass the largest amount.
    OverflowLeftOut = "overflow_left_out", "laissées de côté : la somme dépasserait le plus grand montant", "left out: the sum would pass the largest amount";
    /// By year.
    ByYear = "by_year", "Par année", "By year";
    /// By domain.
    ByDomain = "by_domain", "Par domaine", "By domain";
    /// By facility kind.
    ByFacilityKind = "by_facility_kind", "Par type d’équipement", "By facility kind";
    /// By département.
    ByDepartement = "by_departement", "Par département", "By département";
    /// By région.
    ByRegion = "by_region", "Par région", "By région";
    /// Not assigned (a département, région or EPCI that is not known).
    Unassigned = "unassigned", "non attribué", "unassigned";
    /// Allocations without a domain.
    NoDomain = "no_domain", "Sans domaine", "No domain";
    /// Coverage.
    Coverage = "coverage", "Couverture", "Coverage";
    /// The whole reference.
    Overall = "overall", "Ensemble", "Overall";
    /// Of (a whole).
    Of = "of", "sur", "of";
    /// In force (column).
    InForce = "in_force", "En vigueur", "In force";
    /// Communes covered (column).
    CommunesCovered = "communes_covered", "Communes couvertes", "Communes covered";
    /// Population covered (column).
    PopulationCovered = "population_covered", "Population couverte", "Population covered";
    /// Communes covered by several conventions in force.
    Overlaps = "overlaps", "Communes couvertes par plusieurs conventions en vigueur", "Communes covered by several conventions in force";
    /// Conventions in force whose territory cannot be placed whole.
    IncompleteTerritory = "incomplete_territory", "Conventions en vigueur dont la référence ne situe pas tout le territoire", "Conventions in force whose territory the reference cannot place whole";
    /// Reason: identifiers that contradict each other.
    Contradictory = "contradictory", "identifiants contradictoires", "contradictory identifiers";


    // Tables (ctg-tables): sheet names and column headers, as the writers print them.
    /// The sheet of a funding table.
    FundingSheet = "funding_sheet", "Financement", "Funding";
    /// The sheet of an action plan.
    ActionPlan = "action_plan", "Plan d’actions", "Action plan";
    /// An identifier column (a beneficiary's, a party's id).
    Identifier = "identifier", "Identifiant", "Id";
    /// Name.
    Name = "name", "Nom", "Name";
    /// SIRET.
    Siret = "siret", "SIRET", "SIRET";
    /// SIREN.
    Siren = "siren", "SIREN", "SIREN";
    /// RNA number of an association.
    Rna = "rna", "RNA", "RNA";
    /// INSEE code.
    Insee = "insee", "Code INSEE", "INSEE code";
    /// Département.
    Departement = "departement", "Département", "Département";
    /// The party a beneficiary is.
    Party = "party", "Partie", "Party";
    /// Facility kind.
    FacilityKind = "facility_kind", "Équipement", "Facility kind";
    /// One thematic domain.
    Domain = "domain", "Domaine", "Domain";
    /// A free label.
    Label = "label", "Libellé", "Label";
    /// Year.
    Year = "year", "Année", "Year";
    /// Amount.
    Amount = "amount", "Montant", "Amount";
    /// Action sheet number.
    Number = "number", "N°", "No.";
    /// Objectives (ids) of an action sheet.
    ObjectiveIds = "objective_ids", "Objectifs", "Objectives";
    /// Lead of an action sheet.
    Lead = "lead", "Pilote", "Lead";
    /// Partners.
    Partners = "partners", "Partenaires", "Partners";
    /// Target public.
    TargetPublic = "target_public", "Public cible", "Target public";
    /// Communes concerned.
    Communes = "communes", "Communes", "Communes";
    /// Start date.
    Start = "start", "Début", "Start";
    /// End date.
    End = "end", "Fin", "End";
    /// Budget.
    Budget = "budget", "Budget", "Budget";
    /// Kind of a party.
    Kind = "kind", "Type", "Kind";
    /// Role of a party.
    Role = "role", "Rôle", "Role";
    /// Member communes (column).
    Members = "members", "Communes membres", "Member communes";
    /// Date of the council's deliberation.
    DeliberationDate = "deliberation_date", "Date de délibération", "Deliberation date";
    /// Other spellings of a name.
    Aliases = "aliases", "Autres noms", "Other names";

    // Data frames (the bindings' `labels=`): column headers that the tables above do not name.
    /// The convention a row belongs to.
    Convention = "convention", "Convention", "Convention";
    /// An action sheet (its number).
    ActionSheet = "action_sheet", "Fiche action", "Action sheet";
    /// The title of an action sheet.
    ActionSheetTitle = "action_sheet_title", "Titre de la fiche", "Action sheet title";
    /// An indicator.
    Indicator = "indicator", "Indicateur", "Indicator";
    /// A unit.
    Unit = "unit", "Unité", "Unit";
    /// The baseline of an indicator.
    Baseline = "baseline", "Valeur initiale", "Baseline";
    /// The target of an indicator.
    Target = "target", "Cible", "Target";
    /// A date.
    Date = "date", "Date", "Date";
    /// A value (of a measurement).
    Value = "value", "Valeur", "Value";
    /// Progress towards a target.
    Progress = "progress", "Progression", "Progress";
    /// Planned amount (column).
    PlannedAmount = "planned_amount", "Prévu", "Planned";
    /// Paid amount (column).
    PaidAmount = "paid_amount", "Versé", "Paid";
    /// Paid minus planned.
    Gap = "gap", "Écart", "Gap";
    /// End date.
    EndDate = "end_date", "Date de fin", "End date";
    /// Months before expiry.
    MonthsBeforeExpiry = "months_before_expiry", "Mois avant l’échéance", "Months before expiry";
    /// Former INSEE codes.
    FormerCodes = "former_codes", "Anciens codes", "Former codes";
}

#[cfg(test)]
mod tests {
    use super::Label;

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = Label::ALL.iter().map(|l| l.code()).collect();
        codes.sort_unstable();
        let count = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), count);
    }
}
