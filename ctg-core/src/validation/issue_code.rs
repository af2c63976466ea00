//! The stable catalogue of validation issue codes.

use serde::Serialize;

macro_rules! issue_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $severity:ident; )*) => {
        /// Every problem validation can report, with a stable string code.
        ///
        /// Codes never change meaning once released; new ones may be added (the enum is
        /// `#[non_exhaustive]`). The string form (`as_str`) is what JSON, Python and JavaScript see.
        ///
        /// ```
        /// use ctg_core::{IssueCode, Severity};
        /// assert_eq!(IssueCode::YearTotalMismatch.as_str(), "funding.year_total_mismatch");
        /// assert_eq!(IssueCode::YearTotalMismatch.severity(), Severity::Error);
        /// assert_eq!(IssueCode::parse("funding.year_total_mismatch"), Some(IssueCode::YearTotalMismatch));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum IssueCode {
            $( $(#[$doc])* $variant, )*
        }

        impl IssueCode {
            /// Every code, in catalogue order.
            ///
            /// ```
            /// use ctg_core::IssueCode;
            /// assert_eq!(IssueCode::ALL[0], IssueCode::JsonSyntax);
            /// assert!(IssueCode::ALL.iter().all(|&code| IssueCode::parse(code.as_str()) == Some(code)));
            /// ```
            pub const ALL: &'static [IssueCode] = &[ $( IssueCode::$variant, )* ];

            /// The stable string code, e.g. `"period.reversed"`.
            ///
            /// ```
            /// use ctg_core::IssueCode;
            /// assert_eq!(IssueCode::PeriodReversed.as_str(), "period.reversed");
            /// assert_eq!(IssueCode::PeriodReversed.to_string(), "period.reversed");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $( IssueCode::$variant => $code, )* }
            }

            /// The severity this code always has.
            ///
            /// ```
            /// use ctg_core::{IssueCode, Severity};
            /// assert_eq!(IssueCode::PeriodReversed.severity(), Severity::Error);
            /// assert_eq!(IssueCode::PeriodUnusualDuration.severity(), Severity::Warning);
            /// ```
            pub fn severity(self) -> crate::validation::Severity {
                match self { $( IssueCode::$variant => crate::validation::Severity::$severity, )* }
            }

            /// The code for a string, if it is one of the catalogue.
            ///
            /// ```
            /// use ctg_core::IssueCode;
            /// assert_eq!(IssueCode::parse("field.unknown"), Some(IssueCode::FieldUnknown));
            /// assert_eq!(IssueCode::parse("field_unknown"), None);
            /// ```
            pub fn parse(code: &str) -> Option<IssueCode> {
                match code { $( $code => Some(IssueCode::$variant), )* _ => None }
            }
        }
    };
}

issue_codes! {
    /// The input is not JSON at all (or not UTF-8).
    JsonSyntax = "json.syntax", Error;
    /// The input nests deeper than the reader accepts.
    JsonTooDeep = "json.too_deep", Error;
    /// `format_version` is absent; version 1 is assumed.
    FormatVersionMissing = "format_version.missing", Warning;
    /// `format_version` is not one this library reads.
    FormatVersionUnsupported = "format_version.unsupported", Error;
    /// A required field is absent (or `null`).
    FieldMissing = "field.missing", Error;
    /// A field has the wrong JSON type (a list where an object is expected…).
    FieldType = "field.type", Error;
    /// A required text field is empty or only white space.
    FieldEmpty = "field.empty", Error;
    /// A field this format does not know; it is ignored.
    FieldUnknown = "field.unknown", Warning;
    /// A value is not one of the accepted words of its list (role, status, kind…).
    ValueUnknown = "value.unknown", Error;
    /// Two items of one list share an id.
    IdDuplicate = "id.duplicate", Error;
    /// A date is not a real calendar date in an accepted writing.
    DateInvalid = "date.invalid", Error;
    /// A year is not a four-digit integer between 1990 and 2100.
    YearInvalid = "year.invalid", Error;
    /// A number (action sheet or amendment number, duration) is not a positive integer.
    NumberInvalid = "number.invalid", Error;
    /// A decimal value (indicator) cannot be read.
    DecimalInvalid = "decimal.invalid", Error;
    /// An amount cannot be read as euros.
    AmountInvalid = "amount.invalid", Error;
    /// An amount was given as a JSON number with a fraction or exponent (binary floating point).
    AmountFloat = "amount.float", Error;
    /// An amount is negative.
    AmountNegative = "amount.negative", Error;
    /// An amount has more than two decimals.
    AmountTooPrecise = "amount.too_precise", Error;
    /// An amount is above the largest accepted amount.
    AmountTooLarge = "amount.too_large", Error;
    /// A sum of amounts overflows.
    AmountOverflow = "amount.overflow", Error;
    /// An INSEE commune code is malformed.
    InseeInvalid = "insee.invalid", Error;
    /// A SIREN is not nine digits.
    SirenInvalid = "siren.invalid", Error;
    /// A SIREN fails its Luhn checksum.
    SirenChecksum = "siren.checksum", Error;
    /// A SIRET is not fourteen digits.
    SiretInvalid = "siret.invalid", Error;
    /// A SIRET fails its checksum.
    SiretChecksum = "siret.checksum", Error;
    /// A SIRET does not start with the SIREN given beside it.
    SiretSirenMismatch = "siret.siren_mismatch", Error;
    /// A département code is malformed.
    DepartementInvalid = "departement.invalid", Error;
    /// The first year of the period is after the last.
    PeriodReversed = "period.reversed", Error;
    /// The period is longer than ten years.
    PeriodTooLong = "period.too_long", Error;
    /// The declared duration differs from the period's length.
    PeriodDurationMismatch = "period.duration_mismatch", Error;
    /// The period lasts less than 3 or more than 5 years.
    PeriodUnusualDuration = "period.unusual_duration", Warning;
    /// The convention was signed after its period ended.
    SignatureAfterPeriod = "signature.after_period", Error;
    /// The convention was signed more than six months before its period starts.
    SignatureLongBeforeStart = "signature.long_before_start", Warning;
    /// The convention was signed more than six months after its period started.
    SignatureLongAfterStart = "signature.long_after_start", Warning;
    /// The termination date precedes the signature.
    TerminationBeforeSignature = "termination.before_signature", Error;
    /// The renewed convention's period does not end before this one starts.
    RenewsOverlap = "renews.overlap", Warning;
    /// No party has the kind `caf`.
    PartyNoCaf = "party.no_caf", Error;
    /// The same body (same SIREN, SIRET or INSEE code) is listed twice.
    PartyDuplicate = "party.duplicate", Error;
    /// A commune party has no INSEE code.
    PartyInseeMissing = "party.insee_missing", Warning;
    /// Member communes are listed on a party that is neither an EPCI nor a syndicate.
    PartyMembersNotGrouping = "party.members_not_grouping", Error;
    /// A party's role does not fit its kind (a commune as `caf`…).
    PartyRoleMismatch = "party.role_mismatch", Error;
    /// A thematic domain label is not one of the known codes; it is kept as a custom domain.
    DomainCustom = "domain.custom", Warning;
    /// A domain is listed twice.
    DomainDuplicate = "domain.duplicate", Warning;
    /// A reference names no party.
    UnknownParty = "reference.unknown_party", Error;
    /// A reference names no stake.
    UnknownStake = "reference.unknown_stake", Error;
    /// A reference names no objective.
    UnknownObjective = "reference.unknown_objective", Error;
    /// A reference names no beneficiary.
    UnknownBeneficiary = "reference.unknown_beneficiary", Error;
    /// Two action sheets share a number.
    ActionSheetDuplicateNumber = "action_sheet.duplicate_number", Error;
    /// Action sheet numbers skip a value.
    ActionSheetNumberingGap = "action_sheet.numbering_gap", Warning;
    /// An action sheet's domain is not among the convention's domains.
    ActionSheetDomainNotInConvention = "action_sheet.domain_not_in_convention", Warning;
    /// An action sheet's schedule starts after it ends.
    ScheduleReversed = "schedule.reversed", Error;
    /// Indicator measurements are not in strictly increasing date order.
    IndicatorMeasurementsUnordered = "indicator.measurements_unordered", Error;
    /// A funding year lies outside the convention's period.
    FundingYearOutsidePeriod = "funding.year_outside_period", Error;
    /// A declared yearly total differs from the sum of that year's allocations.
    YearTotalMismatch = "funding.year_total_mismatch", Error;
    /// The declared whole-period total differs from the sum of the years.
    PeriodTotalMismatch = "funding.total_mismatch", Error;
    /// A year of the period has no funding although the convention has allocations.
    YearWithoutFunding = "funding.year_without_funding", Warning;
    /// An allocation has no amount at all.
    AllocationEmpty = "funding.allocation_empty", Warning;
    /// Two amendments share a number.
    AmendmentDuplicateNumber = "amendment.duplicate_number", Error;
    /// An amendment is dated before the signature.
    AmendmentBeforeSignature = "amendment.before_signature", Error;
}

impl Serialize for IssueCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for IssueCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
