//! The catalogue: every issue code, its severity and its message templates in French and English.
//!
//! This is the only place where ctg words a problem. Each template names the parameters it shows
//! (`{year}`, `{declared}`…); an [`Issue`](crate::Issue) carries those parameters as data
//! ([`Params`](crate::Params)) and [`Issue::message`](crate::Issue::message) renders the template
//! in the language asked for. Bindings and the CLI never write a message of their own.

use serde::Serialize;

macro_rules! issue_codes {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $code:literal, $severity:ident,
            fr: $fr:literal,
            en: $en:literal;
    )*) => {
        /// Every problem ctg can report, with a stable string code.
        ///
        /// Codes never change meaning once released; new ones may be added (the enum is
        /// `#[non_exhaustive]`). The string form ([`as_str`](Self::as_str)) is what JSON, Python and
        /// JavaScript see. Each code has one severity and one message template per language
        /// ([`template`](Self::template)), rendered from the issue's parameters.
        ///
        /// ```
        /// use ctg_core::{IssueCode, Lang, Severity};
        /// assert_eq!(IssueCode::YearTotalMismatch.as_str(), "funding.year_total_mismatch");
        /// assert_eq!(IssueCode::YearTotalMismatch.severity(), Severity::Error);
        /// assert_eq!("funding.year_total_mismatch".parse(), Ok(IssueCode::YearTotalMismatch));
        /// assert!(IssueCode::YearTotalMismatch.template(Lang::En).contains("{declared}"));
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
            /// assert!(IssueCode::ALL.iter().all(|&code| code.as_str().parse() == Ok(code)));
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
            /// assert_eq!(IssueCode::ReportTruncated.severity(), Severity::Info);
            /// ```
            pub fn severity(self) -> crate::Severity {
                match self { $( IssueCode::$variant => crate::Severity::$severity, )* }
            }

            /// The message template in `lang`: text with `{name}` placeholders for the issue's
            /// parameters.
            ///
            /// ```
            /// use ctg_core::{IssueCode, Lang};
            /// assert_eq!(
            ///     IssueCode::ActionSheetDuplicateNumber.template(Lang::En),
            ///     "action sheet number {number} is already used"
            /// );
            /// ```
            pub fn template(self, lang: crate::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (IssueCode::$variant, crate::Lang::Fr) => $fr,
                        (IssueCode::$variant, crate::Lang::En) => $en,
                    )*
                }
            }
        }

        impl std::str::FromStr for IssueCode {
            type Err = crate::ParseError;

            /// Reads a code of the catalogue (exactly as [`IssueCode::as_str`] writes it).
            fn from_str(code: &str) -> Result<IssueCode, crate::ParseError> {
                match code {
                    $( $code => Ok(IssueCode::$variant), )*
                    _ => Err(crate::ParseError::new(
                        IssueCode::ValueUnknown,
                        crate::Params::new()
                            .with("value", crate::text::shorten(code))
                            .with("accepted", "ctg codes"),
                    )),
                }
            }
        }
    };
}

issue_codes! {
    // ---------------------------------------------------------------- reading the input
    /// The input is not JSON at all (or not UTF-8). `ctx`: `line`, `column`, `detail`.
    JsonSyntax = "json.syntax", Error,
        fr: "JSON illisible, ligne {line} colonne {column} : {detail}",
        en: "unreadable JSON at line {line} column {column}: {detail}";
    /// The input nests deeper than the limit (or is cyclic). `ctx`: `limit`.
    JsonTooDeep = "json.too_deep", Error,
        fr: "document trop imbriqué (plus de {limit} niveaux) ou cyclique",
        en: "document nested too deeply (more than {limit} levels) or cyclic";
    /// An object has the same key twice: one of the values would be lost. `ctx`: `key`.
    JsonDuplicateKey = "json.duplicate_key", Error,
        fr: "la clé « {key} » apparaît deux fois dans cet objet : une des deux valeurs serait perdue",
        en: "key \"{key}\" appears twice in this object: one of the two values would be lost";
    /// A number of a document read as a tree (to be edited, then written back) that the tree
    /// cannot hold as written: JSON text would write it otherwise (`1e2` as `100.0`, an integer
    /// beyond 64 bits). `ctx`: `value`, `rewritten`.
    JsonNumberRewritten = "json.number_rewritten", Error,
        fr: "le nombre {value} ne peut pas être réécrit tel quel (il deviendrait {rewritten}) : écrivez-le en texte (« {value} ») ou autrement",
        en: "the number {value} cannot be written back as it is (it would become {rewritten}): write it as text (\"{value}\") or otherwise";
    /// The input is larger than the limit. `ctx`: `size`, `limit`, `unit`.
    InputTooLarge = "input.too_large", Error,
        fr: "entrée trop grande : plus de {limit} {unit} (limite réglable)",
        en: "input too large: more than {limit} {unit} (the limit can be raised)";
    /// A host value could not be read (a JavaScript getter or proxy threw), or a file or folder
    /// named to a portfolio could not be (`detail`: the system's reason). `ctx`: `detail`.
    InputUnreadable = "input.unreadable", Error,
        fr: "valeur illisible : sa lecture a échoué ({detail})",
        en: "unreadable value: reading it failed ({detail})";
    /// A pattern named to a portfolio (`data/*.json`) matches no file.
    InputNoMatch = "input.no_match", Error,
        fr: "aucun fichier ne correspond à ce motif",
        en: "no file matches this pattern";
    /// A folder named to a portfolio holds no `.json`, `.jsonl` or `.ndjson` file (nor do its
    /// subfolders, when they are read).
    InputEmptyFolder = "input.empty_folder", Error,
        fr: "aucun fichier .json, .jsonl ou .ndjson dans ce dossier",
        en: "no .json, .jsonl or .ndjson file in this folder";
    /// A JSON Lines file named to a portfolio is larger than 1 GiB, the most ctg reads of one.
    InputLinesTooLarge = "input.lines_too_large", Error,
        fr: "fichier JSON Lines de plus de 1 Gio, le plus que ctg en lit",
        en: "JSON Lines file larger than 1 GiB, the most ctg reads of one";
    /// Text holds a lone UTF-16 surrogate, which is not a character. `ctx`: `text` (with U+FFFD
    /// in its place, for display only).
    TextLoneSurrogate = "text.lone_surrogate", Error,
        fr: "texte invalide : il contient un demi-caractère UTF-16 isolé (« {text} », � marque l’endroit)",
        en: "invalid text: it holds a lone UTF-16 surrogate (\"{text}\", � marks the place)";
    /// More issues were found than the report keeps. `ctx`: `more`, `errors`, `warnings`, `limit`.
    ReportTruncated = "report.truncated", Info,
        fr: "{more} autres problèmes trouvés et non listés ({errors} erreurs, {warnings} avertissements) : la liste s’arrête à {limit}",
        en: "{more} more issues found and not listed ({errors} errors, {warnings} warnings): the list stops at {limit}";

    // ---------------------------------------------------------------- structure
    /// `format_version` is absent; the current version is assumed. `ctx`: `version`.
    FormatVersionMissing = "format_version.missing", Warning,
        fr: "format_version absent : la version {version} est supposée",
        en: "format_version is missing: version {version} is assumed";
    /// `format_version` is not one this library reads. `ctx`: `found`, `version`.
    FormatVersionUnsupported = "format_version.unsupported", Error,
        fr: "format_version {found} non pris en charge (cette bibliothèque lit la version {version})",
        en: "format_version {found} is not supported (this library reads version {version})";
    /// A required field is absent (or `null`). `ctx`: `field`.
    FieldMissing = "field.missing", Error,
        fr: "champ obligatoire « {field} » absent",
        en: "required field \"{field}\" is missing";
    /// A value has the wrong type (a list where an object is expected…). `ctx`: `expected`, `found`.
    FieldType = "field.type", Error,
        fr: "type incorrect : {expected} attendu, {found} trouvé",
        en: "wrong type: expected {expected}, found {found}";
    /// A required text is empty or only white space.
    FieldEmpty = "field.empty", Error,
        fr: "le texte est vide",
        en: "the text is empty";
    /// A field this format does not know; it is ignored. `ctx`: `field`, `known`.
    FieldUnknown = "field.unknown", Warning,
        fr: "champ inconnu « {field} », ignoré (champs connus : {known})",
        en: "unknown field \"{field}\", ignored (known fields: {known})";
    /// A value is not one of the accepted words of its list (role, status, kind…). `ctx`: `value`,
    /// `accepted`.
    ValueUnknown = "value.unknown", Error,
        fr: "valeur inconnue « {value} » (valeurs acceptées : {accepted})",
        en: "unknown value \"{value}\" (accepted values: {accepted})";
    /// A floating-point NaN (often an empty spreadsheet cell) where a value is expected. `ctx`:
    /// `expected`.
    ValueNan = "value.nan", Error,
        fr: "NaN (« pas un nombre », souvent une cellule vide) au lieu d’{expected} : omettez le champ ou donnez une valeur",
        en: "NaN (\"not a number\", often an empty spreadsheet cell) instead of {expected}: leave the field out or give a value";
    /// Two items of one list share an id. `ctx`: `id`, `first` (index of the first one).
    IdDuplicate = "id.duplicate", Error,
        fr: "identifiant « {id} » déjà utilisé par l’élément {first} de la liste",
        en: "id \"{id}\" is already used by item {first} of the list";

    // ---------------------------------------------------------------- values
    /// A date is not a real calendar date in an accepted writing. `ctx`: `value`.
    DateInvalid = "date.invalid", Error,
        fr: "date invalide : « {value} » (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)",
        en: "invalid date: \"{value}\" (expected YYYY-MM-DD or DD/MM/YYYY)";
    /// A year is not a four-digit integer between 1990 and 2100. `ctx`: `value`, `min`, `max`.
    YearInvalid = "year.invalid", Error,
        fr: "année invalide : {value} (attendu : une année entre {min} et {max})",
        en: "invalid year: {value} (expected a year between {min} and {max})";
    /// A number (sheet or amendment number, duration) is not a positive integer. `ctx`: `value`.
    NumberInvalid = "number.invalid", Error,
        fr: "nombre invalide : {value} (attendu : un entier positif)",
        en: "invalid number: {value} (expected a positive integer)";
    /// A decimal value (indicator) cannot be read. `ctx`: `value`.
    DecimalInvalid = "decimal.invalid", Error,
        fr: "nombre illisible : « {value} » (attendu : 12, 12,5 ou \"12.5\")",
        en: "unreadable number: \"{value}\" (expected 12, 12.5 or \"12,5\")";
    /// A decimal value was given as a binary floating-point number. `ctx`: `value`.
    DecimalFloat = "decimal.float", Error,
        fr: "nombre donné en virgule flottante binaire ({value}) : sa valeur exacte n’est pas celle écrite ; donnez-le en texte (« 12,5 ») ou en entier",
        en: "number given as a binary floating-point value ({value}): its exact value is not the one written; give it as text (\"12.5\") or an integer";
    /// A decimal value can be read two ways (`"12.000"`). `ctx`: `value`, `separator`,
    /// `as_thousands`, `as_decimal`.
    DecimalAmbiguous = "decimal.ambiguous", Error,
        fr: "nombre ambigu « {value} » : {as_thousands} si « {separator} » sépare les milliers, {as_decimal} s’il sépare les décimales ; écrivez-le sans ambiguïté",
        en: "ambiguous number \"{value}\": {as_thousands} if \"{separator}\" separates thousands, {as_decimal} if it is the decimal separator; write it unambiguously";
    /// An amount cannot be read as euros. `ctx`: `value`.
    AmountInvalid = "amount.invalid", Error,
        fr: "montant illisible : « {value} » (attendu : 1 234,56 € ou 1234.56)",
        en: "unreadable amount: \"{value}\" (expected 1234.56 or 1 234,56 €)";
    /// An amount was given as a binary floating-point number. `ctx`: `value`.
    AmountFloat = "amount.float", Error,
        fr: "montant donné en virgule flottante binaire ({value}) : les montants s’écrivent en texte (« 1234.56 ») ou en euros entiers",
        en: "amount given as a binary floating-point number ({value}): amounts must be written as text (\"1234.56\") or whole euros";
    /// An amount can be read two ways (`"12.000 €"`: twelve thousand, or twelve). `ctx`: `value`,
    /// `separator`, `as_thousands`, `as_decimal`.
    AmountAmbiguous = "amount.ambiguous", Error,
        fr: "montant ambigu « {value} » : {as_thousands} si « {separator} » sépare les milliers, {as_decimal} s’il sépare les centimes ; écrivez-le sans ambiguïté (12000, 12 000 € ou 12,00 €)",
        en: "ambiguous amount \"{value}\": {as_thousands} if \"{separator}\" separates thousands, {as_decimal} if it separates the cents; write it unambiguously (12000, 12 000 € or 12.00)";
    /// An amount is negative. `ctx`: `value`.
    AmountNegative = "amount.negative", Error,
        fr: "montant négatif ({value}) : un montant ne peut pas être négatif",
        en: "negative amount ({value}): an amount cannot be negative";
    /// An amount has more than two decimals. `ctx`: `value`.
    AmountTooPrecise = "amount.too_precise", Error,
        fr: "montant trop précis ({value}) : deux décimales au plus (centimes)",
        en: "amount too precise ({value}): at most two decimals (cents)";
    /// An amount is above the largest accepted amount. `ctx`: `value`, `max`.
    AmountTooLarge = "amount.too_large", Error,
        fr: "montant trop grand ({value}) : au plus {max}",
        en: "amount too large ({value}): at most {max}";
    /// An amount cannot be split over no part.
    SplitNoWeights = "split.no_weights", Error,
        fr: "impossible de répartir un montant sur aucune part",
        en: "cannot split an amount over no parts";
    /// An amount cannot be split when every weight is zero.
    SplitZeroWeights = "split.zero_weights", Error,
        fr: "impossible de répartir un montant quand tous les poids sont nuls",
        en: "cannot split an amount when all weights are zero";
    /// A sum of amounts overflows. `ctx`: `max`.
    AmountOverflow = "amount.overflow", Error,
        fr: "la somme des montants dépasse le plus grand montant accepté ({max})",
        en: "the sum of the amounts exceeds the largest accepted amount ({max})";
    /// An INSEE commune code is malformed. `ctx`: `value`.
    InseeInvalid = "insee.invalid", Error,
        fr: "code INSEE invalide : « {value} » n’est pas un code de commune (5 caractères : le département sur 2 chiffres puis 3 chiffres, 2A ou 2B pour la Corse, 971 à 978 pour l’outre-mer)",
        en: "invalid INSEE code: \"{value}\" is not a commune code (5 characters: the 2-digit département then 3 digits, 2A or 2B for Corsica, 971 to 978 overseas)";
    /// A SIREN is not nine digits. `ctx`: `value`.
    SirenInvalid = "siren.invalid", Error,
        fr: "SIREN invalide : « {value} » doit comporter exactement 9 chiffres",
        en: "invalid SIREN: \"{value}\" must be exactly 9 digits";
    /// A SIREN fails its Luhn checksum. `ctx`: `value`.
    SirenChecksum = "siren.checksum", Error,
        fr: "SIREN invalide : la clé de contrôle (Luhn) de « {value} » est fausse",
        en: "invalid SIREN: the Luhn check digit of \"{value}\" is wrong";
    /// A SIRET is not fourteen digits. `ctx`: `value`, and `hint` when it looks like a number a
    /// spreadsheet wrote in scientific notation.
    SiretInvalid = "siret.invalid", Error,
        fr: "SIRET invalide : « {value} » doit comporter exactement 14 chiffres{hint}",
        en: "invalid SIRET: \"{value}\" must be exactly 14 digits{hint}";
    /// A SIRET fails its checksum. `ctx`: `value`, `rule` (`luhn` or `la_poste`).
    SiretChecksum = "siret.checksum", Error,
        fr: "SIRET invalide : « {value} » ne respecte pas {rule}",
        en: "invalid SIRET: \"{value}\" fails {rule}";
    /// A SIRET does not start with the SIREN given beside it. `ctx`: `siret`, `siren`.
    SiretSirenMismatch = "siret.siren_mismatch", Error,
        fr: "le SIRET {siret} ne commence pas par le SIREN {siren}",
        en: "SIRET {siret} does not start with SIREN {siren}";
    /// A département code is malformed. `ctx`: `value`.
    DepartementInvalid = "departement.invalid", Error,
        fr: "code de département invalide : « {value} » (attendu : 01 à 95 sauf 20, 2A, 2B, 971 à 978)",
        en: "invalid département code: \"{value}\" (expected 01 to 95 except 20, 2A, 2B, 971 to 978)";

    // ---------------------------------------------------------------- period and dates
    /// The first year of the period is after the last. `ctx`: `first_year`, `last_year`.
    PeriodReversed = "period.reversed", Error,
        fr: "la première année ({first_year}) est après la dernière ({last_year})",
        en: "the first year ({first_year}) is after the last one ({last_year})";
    /// The period is longer than ten years. `ctx`: `years`, `max`.
    PeriodTooLong = "period.too_long", Error,
        fr: "la période dure {years} ans, plus que le maximum de {max} ans",
        en: "the period lasts {years} years, more than the maximum of {max} years";
    /// The declared duration differs from the period's length. `ctx`: `declared`, `period`,
    /// `years`.
    PeriodDurationMismatch = "period.duration_mismatch", Error,
        fr: "durée déclarée de {declared} ans, mais {period} couvre {years} ans",
        en: "declared duration of {declared} years, but {period} covers {years} years";
    /// The period lasts less than 3 or more than 5 years. `ctx`: `years`.
    PeriodUnusualDuration = "period.unusual_duration", Warning,
        fr: "durée inhabituelle de {years} an(s) (une CTG dure d’ordinaire 3 à 5 ans)",
        en: "unusual duration of {years} year(s) (a CTG usually lasts 3 to 5 years)";
    /// The convention was signed after its period ended. `ctx`: `date`, `period`.
    SignatureAfterPeriod = "signature.after_period", Error,
        fr: "signée le {date}, après la fin de la période {period}",
        en: "signed on {date}, after the end of the period {period}";
    /// Signed more than six months before its period starts. `ctx`: `date`, `days`, `start`.
    SignatureLongBeforeStart = "signature.long_before_start", Warning,
        fr: "signée le {date}, {days} jours avant le début de la période ({start})",
        en: "signed on {date}, {days} days before the period starts ({start})";
    /// Signed more than six months after its period started. `ctx`: `date`, `days`, `start`.
    SignatureLongAfterStart = "signature.long_after_start", Warning,
        fr: "signée le {date}, {days} jours après le début de la période ({start})",
        en: "signed on {date}, {days} days after the period started ({start})";
    /// The termination date precedes the signature. `ctx`: `date`, `signed`.
    TerminationBeforeSignature = "termination.before_signature", Error,
        fr: "résiliée le {date}, avant la signature du {signed}",
        en: "terminated on {date}, before the signature of {signed}";
    /// The renewed convention's period does not end before this one starts. `ctx`: `last_year`,
    /// `first_year`.
    RenewsOverlap = "renews.overlap", Warning,
        fr: "la convention renouvelée court jusqu’en {last_year}, alors que celle-ci commence en {first_year}",
        en: "the renewed convention runs until {last_year}, but this one starts in {first_year}";

    // ---------------------------------------------------------------- parties
    /// No party has the kind `caf`.
    PartyNoCaf = "party.no_caf", Error,
        fr: "aucune partie de type « caf » : une CTG est signée par au moins une Caf",
        en: "no party of kind \"caf\": a CTG is signed by at least one Caf";
    /// The same body (same SIREN, SIRET or INSEE code) is listed twice. `ctx`: `identifier`,
    /// `value`, `first` (index of the first party).
    PartyDuplicate = "party.duplicate", Error,
        fr: "même {identifier} ({value}) que la partie parties[{first}] : partie listée deux fois",
        en: "same {identifier} ({value}) as party parties[{first}]: party listed twice";
    /// A commune party has no INSEE code.
    PartyInseeMissing = "party.insee_missing", Warning,
        fr: "commune sans code INSEE : impossible de la distinguer de ses homonymes",
        en: "commune without an INSEE code: it cannot be told from its namesakes";
    /// Member communes are listed on a party that is neither an EPCI nor a syndicate. `ctx`: `kind`.
    PartyMembersNotGrouping = "party.members_not_grouping", Error,
        fr: "seuls un EPCI ou un syndicat ont des communes membres, pas « {kind} »",
        en: "only an EPCI or a syndicate has member communes, not \"{kind}\"";
    /// A party's role does not fit its kind (a commune as `caf`…). `ctx`: `role`, `kind`.
    PartyRoleMismatch = "party.role_mismatch", Error,
        fr: "le rôle « {role} » ne convient pas à une partie de type « {kind} »",
        en: "role \"{role}\" does not fit a party of kind \"{kind}\"";

    // ---------------------------------------------------------------- domains, references
    /// A domain label is not one of the known codes; kept as a custom domain. `ctx`: `label`.
    DomainCustom = "domain.custom", Warning,
        fr: "domaine « {label} » hors de la liste connue : conservé comme domaine local",
        en: "domain \"{label}\" is not a known one: kept as a custom domain";
    /// A domain is listed twice. `ctx`: `domain`.
    DomainDuplicate = "domain.duplicate", Warning,
        fr: "domaine « {domain} » déjà listé",
        en: "domain \"{domain}\" is listed twice";
    /// A reference names no party. `ctx`: `id`.
    UnknownParty = "reference.unknown_party", Error,
        fr: "aucune partie n’a l’identifiant « {id} » (voir parties)",
        en: "no party has the id \"{id}\" (see parties)";
    /// A reference names no stake. `ctx`: `id`.
    UnknownStake = "reference.unknown_stake", Error,
        fr: "aucun enjeu n’a l’identifiant « {id} » (voir stakes)",
        en: "no stake has the id \"{id}\" (see stakes)";
    /// A reference names no objective. `ctx`: `id`.
    UnknownObjective = "reference.unknown_objective", Error,
        fr: "aucun objectif n’a l’identifiant « {id} » (voir objectives)",
        en: "no objective has the id \"{id}\" (see objectives)";
    /// A reference names no beneficiary. `ctx`: `id`.
    UnknownBeneficiary = "reference.unknown_beneficiary", Error,
        fr: "aucun bénéficiaire n’a l’identifiant « {id} » (voir funding.beneficiaries)",
        en: "no beneficiary has the id \"{id}\" (see funding.beneficiaries)";

    // ---------------------------------------------------------------- action sheets
    /// Two action sheets share a number. `ctx`: `number`.
    ActionSheetDuplicateNumber = "action_sheet.duplicate_number", Error,
        fr: "le numéro de fiche {number} est déjà utilisé",
        en: "action sheet number {number} is already used";
    /// Action sheet numbers skip values (one warning for the list). `ctx`: `missing` (at most 20).
    ActionSheetNumberingGap = "action_sheet.numbering_gap", Warning,
        fr: "numérotation des fiches incomplète : il manque {missing}",
        en: "action sheet numbering has gaps: missing {missing}";
    /// An action sheet's domain is not among the convention's domains. `ctx`: `domain`.
    ActionSheetDomainNotInConvention = "action_sheet.domain_not_in_convention", Warning,
        fr: "le domaine « {domain} » n’est pas parmi les domaines de la convention",
        en: "domain \"{domain}\" is not among the convention's domains";
    /// An action sheet's schedule starts after it ends. `ctx`: `start`, `end`.
    ScheduleReversed = "schedule.reversed", Error,
        fr: "le calendrier commence le {start}, après sa fin le {end}",
        en: "the schedule starts on {start}, after it ends on {end}";
    /// Indicator measurements are not in strictly increasing date order. `ctx`: `date`,
    /// `previous`.
    IndicatorMeasurementsUnordered = "indicator.measurements_unordered", Error,
        fr: "mesure du {date} placée après celle du {previous} : les mesures doivent être en ordre de dates strictement croissant",
        en: "measurement of {date} comes after the one of {previous}: measurements must be in strictly increasing date order";

    // ---------------------------------------------------------------- funding
    /// A funding year lies outside the convention's period. `ctx`: `year`, `period`.
    FundingYearOutsidePeriod = "funding.year_outside_period", Error,
        fr: "l’année {year} est hors de la période {period}",
        en: "year {year} lies outside the period {period}";
    /// A declared yearly total differs from the sum of that year's allocations. `ctx`: `year`,
    /// `declared`, `computed`, `difference`.
    YearTotalMismatch = "funding.year_total_mismatch", Error,
        fr: "total déclaré pour {year} : {declared}, mais les allocations de {year} font {computed}",
        en: "declared total for {year}: {declared}, but the allocations of {year} add up to {computed}";
    /// The declared whole-period total differs from the sum. `ctx`: `declared`, `computed`,
    /// `difference`, `basis` (`allocations` or `declared_yearly`: what was summed).
    PeriodTotalMismatch = "funding.total_mismatch", Error,
        fr: "total déclaré : {declared}, mais {basis} font {computed}",
        en: "declared total: {declared}, but {basis} add up to {computed}";
    /// A year of the period has no funding although the convention has allocations. `ctx`: `year`.
    YearWithoutFunding = "funding.year_without_funding", Warning,
        fr: "aucun financement en {year}, année de la période",
        en: "no funding in {year}, a year of the period";
    /// An amount is recorded as paid for a year the allocation plans nothing. `ctx`: `year`.
    PaidWithoutPlan = "funding.paid_without_plan", Warning,
        fr: "montant versé en {year} alors que rien n’est prévu cette année-là pour cette ligne",
        en: "an amount is paid in {year} although nothing is planned that year for this line";
    /// Two funding lines cannot be told apart: same beneficiary, facility kind, domain and label
    /// (a change or a diff names a line by these four). `ctx`: `other` (the index of the first).
    AllocationAlike = "funding.allocation_alike", Error,
        fr: "cette ligne ne se distingue pas de la ligne {other} (même bénéficiaire, type d’équipement, domaine et libellé) : donnez un libellé à l’une d’elles, ou réunissez-les",
        en: "this line cannot be told apart from line {other} (same beneficiary, facility kind, domain and label): give one of them a label, or merge them";
    /// An allocation has no amount at all.
    AllocationEmpty = "funding.allocation_empty", Warning,
        fr: "allocation sans aucun montant",
        en: "allocation without any amount";

    // ---------------------------------------------------------------- amendments
    /// Two amendments share a number. `ctx`: `number`.
    AmendmentDuplicateNumber = "amendment.duplicate_number", Error,
        fr: "le numéro d’avenant {number} est déjà utilisé",
        en: "amendment number {number} is already used";
    /// An amendment is dated before the signature. `ctx`: `date`, `signed`.
    AmendmentBeforeSignature = "amendment.before_signature", Error,
        fr: "avenant daté du {date}, avant la signature du {signed}",
        en: "amendment dated {date}, before the signature of {signed}";
    /// An amendment is dated before an amendment of a smaller number (amendments apply in the
    /// order of their dates, then numbers). `ctx`: `number`, `date`, `previous`, `previous_date`.
    AmendmentOutOfOrder = "amendment.out_of_order", Warning,
        fr: "l’avenant {number} est daté du {date}, avant l’avenant {previous} du {previous_date} : vérifiez la numérotation (les avenants s’appliquent dans l’ordre de leurs dates)",
        en: "amendment {number} is dated {date}, before amendment {previous} of {previous_date}: check the numbering (amendments apply in the order of their dates)";
    /// A change cannot apply: what it removes or replaces is not there, or not as it says, or
    /// what it adds is there already. `ctx`: `kind`, `subject`, `reason`, and `amendment` (its
    /// number) for an amendment's change.
    ChangeCannotApply = "change.cannot_apply", Error,
        fr: "changement impossible : {kind} {subject} {reason}",
        en: "the change cannot apply: {kind} {subject} {reason}";
    /// Applying changes gives a convention that breaks a rule. `ctx`: `code` and `at` (the
    /// rule broken and where, in the result), and `amendment` for an amendment.
    ChangeBreaksConvention = "change.breaks_convention", Error,
        fr: "après ce changement la convention n’est plus valide : [{code}] en {at}",
        en: "after this change the convention is no longer valid: [{code}] at {at}";

    // ---------------------------------------------------------------- the official geography
    // Run only when validation is given a gazetteer (`Validator::gazetteer`). Every one carries
    // the reference's vintage in `ctx`: `geography` ("COG 2026") and `effective` (the date it
    // came into force). A difference that a change after the signature may explain is a
    // warning (`timing`: `signed_before`, `not_signed` or `signed_after`, with `signed` when the
    // convention has a signature date); its `*_when_signed` twin is an error. For a change the
    // reference records (a former code, a former name) the twin is used when the convention was
    // signed on or after `effective`; for a difference any change may explain (members, SIREN,
    // category), only when it was signed during the reference's year. See docs/geography.md.
    /// No commune, current or former, has this INSEE code. `ctx`: `value`, `geography`,
    /// `effective`.
    GeoInseeUnknown = "geo.insee_unknown", Error,
        fr: "aucune commune, actuelle ou ancienne, n’a le code INSEE {value} dans la référence ({geography})",
        en: "no commune, current or former, has the INSEE code {value} in the reference ({geography})";
    /// The code of a former commune (merged, delegated, associated); a change after the signature
    /// may explain it. `ctx`: `value`, `former_kind` (`delegated`, `associated`, `merged`),
    /// `current` and `current_name` (today's commune), `former_name` when known, `timing`,
    /// `signed`, `geography`, `effective`.
    GeoInseeFormer = "geo.insee_former", Warning,
        fr: "{value} est le code d’une ancienne commune ({former_kind}), aujourd’hui partie de {current_name} ({current}) dans la référence ({geography}) ; {timing}",
        en: "{value} is the code of a former commune ({former_kind}), now part of {current_name} ({current}) in the reference ({geography}); {timing}";
    /// The code of a former commune, in a convention signed after the reference's geography came
    /// into force: the change came before the signature. `ctx`: as `geo.insee_former`.
    GeoInseeFormerWhenSigned = "geo.insee_former_when_signed", Error,
        fr: "{value} est le code d’une ancienne commune ({former_kind}), partie de {current_name} ({current}) dans la référence ({geography}, en vigueur le {effective}), avant la signature du {signed} : utilisez le code actuel",
        en: "{value} is the code of a former commune ({former_kind}), part of {current_name} ({current}) in the reference ({geography}, in force from {effective}), before the signature of {signed}: use the current code";
    /// The code of a former commune that the reference puts under more than one current commune:
    /// it does not say which. `ctx`: `value`, `current` (the candidates, `Name (code)`),
    /// `geography`, `effective`.
    GeoInseeFormerAmbiguous = "geo.insee_former_ambiguous", Warning,
        fr: "{value} est le code d’une ancienne commune que la référence ({geography}) rattache à plusieurs communes actuelles : {current} ; indiquez laquelle",
        en: "{value} is the code of a former commune that the reference ({geography}) puts under several current communes: {current}; say which";
    /// The INSEE code designates one commune, while the party's name and SIREN both designate
    /// another: the code is the odd one out. `ctx`: `value`, `official` (the code's commune),
    /// `other`, `other_name`, `geography`, `effective`.
    GeoInseeMismatch = "geo.insee_mismatch", Error,
        fr: "le code INSEE {value} est celui de {official}, mais le nom et le SIREN de la partie désignent {other_name} ({other}) dans la référence ({geography})",
        en: "the INSEE code {value} is that of {official}, but the party's name and SIREN designate {other_name} ({other}) in the reference ({geography})";
    /// No commune or EPCI has this SIREN (on a commune or an EPCI); a change after the signature
    /// may explain it (a commune nouvelle gets a new SIREN). `ctx`: `value`, `expected` (the
    /// SIREN the reference gives the party's INSEE code, when it has one), `timing`, `signed`,
    /// `geography`, `effective`.
    GeoSirenUnknown = "geo.siren_unknown", Warning,
        fr: "aucune commune ni aucun EPCI n’a le SIREN {value} dans la référence ({geography}) ; {timing}",
        en: "no commune or EPCI has the SIREN {value} in the reference ({geography}); {timing}";
    /// No commune or EPCI has this SIREN, in a convention signed under the reference's
    /// geography. `ctx`: as `geo.siren_unknown`.
    GeoSirenUnknownWhenSigned = "geo.siren_unknown_when_signed", Error,
        fr: "aucune commune ni aucun EPCI n’a le SIREN {value} dans la référence ({geography}, en vigueur le {effective}), sous laquelle la convention a été signée le {signed}",
        en: "no commune or EPCI has the SIREN {value} in the reference ({geography}, in force from {effective}), under which the convention was signed on {signed}";
    /// The SIREN is another commune's than the one the INSEE code designates. `ctx`: `value`,
    /// `other`, `other_name` (whose SIREN it is), `insee`, `official` (the code's commune),
    /// `expected` (its SIREN), `geography`, `effective`.
    GeoSirenMismatch = "geo.siren_mismatch", Error,
        fr: "le SIREN {value} est celui de {other_name} ({other}) ; {official}, que désigne le code INSEE {insee}, a le SIREN {expected} dans la référence ({geography})",
        en: "SIREN {value} is that of {other_name} ({other}); {official}, which the INSEE code {insee} designates, has the SIREN {expected} in the reference ({geography})";
    /// The party's département contradicts its commune's. `ctx`: `value`, `expected`, `insee`,
    /// `official`, `geography`, `effective`.
    GeoDepartementMismatch = "geo.departement_mismatch", Error,
        fr: "département {value}, mais {official} ({insee}) est dans le département {expected} selon la référence ({geography})",
        en: "département {value}, but {official} ({insee}) lies in the département {expected} according to the reference ({geography})";
    /// An identifier designates a collectivity of another kind than the party's: an EPCI's SIREN
    /// on a commune, a commune's SIREN on an EPCI or a syndicate, an arrondissement's code on a
    /// commune. `ctx`: `value`, `kind` (the party's), `found` (`commune`, `epci`,
    /// `arrondissement`), `official`, `geography`, `effective`.
    GeoKindMismatch = "geo.kind_mismatch", Error,
        fr: "{value} est, dans la référence ({geography}), {found} : {official} — pas une partie de type « {kind} »",
        en: "{value} is, in the reference ({geography}), {found}: {official} — not a party of kind \"{kind}\"";
    /// An EPCI party's kind (`cc`, `ca`, `cu`, `metropole`) differs from the reference's; an
    /// EPCI that changes category keeps its SIREN, so a change after the signature may explain
    /// it. `ctx`: `value` (SIREN), `kind`, `expected`, `official`, `timing`, `signed`,
    /// `geography`, `effective`.
    GeoEpciKindDiffers = "geo.epci_kind_differs", Warning,
        fr: "EPCI de type « {kind} », mais {official} est de type « {expected} » dans la référence ({geography}) ; {timing}",
        en: "EPCI of kind \"{kind}\", but {official} is of kind \"{expected}\" in the reference ({geography}); {timing}";
    /// An EPCI party's kind differs from the reference's, in a convention signed under the
    /// reference's geography. `ctx`: as `geo.epci_kind_differs`.
    GeoEpciKindDiffersWhenSigned = "geo.epci_kind_differs_when_signed", Error,
        fr: "EPCI de type « {kind} », mais {official} est de type « {expected} » dans la référence ({geography}, en vigueur le {effective}), sous laquelle la convention a été signée le {signed}",
        en: "EPCI of kind \"{kind}\", but {official} is of kind \"{expected}\" in the reference ({geography}, in force from {effective}), under which the convention was signed on {signed}";
    /// The party's name designates another collectivity than its identifier does (and not the
    /// identifier's). `ctx`: `name`, `official` (the identifier's collectivity), `other`
    /// (`Name (code)` of what the name designates), `geography`, `effective`.
    GeoNameOther = "geo.name_other", Error,
        fr: "le nom « {name} » désigne {other}, pas {official} que désigne l’identifiant, dans la référence ({geography})",
        en: "the name \"{name}\" designates {other}, not {official}, which the identifier designates, in the reference ({geography})";
    /// The party's name matches neither its identifier's official name (beyond writing
    /// differences) nor any other name of the reference. `ctx`: `name`, `official`,
    /// `geography`, `effective`.
    GeoNameMismatch = "geo.name_mismatch", Warning,
        fr: "le nom « {name} » ne correspond pas au nom officiel « {official} » dans la référence ({geography})",
        en: "the name \"{name}\" does not match the official name \"{official}\" in the reference ({geography})";
    /// The party's name is a former name of its commune (a delegated or associated commune, an
    /// older name); a change after the signature may explain it. `ctx`: `name`, `official`,
    /// `timing`, `signed`, `geography`, `effective`.
    GeoNameFormer = "geo.name_former", Warning,
        fr: "« {name} » est un ancien nom : la commune s’appelle « {official} » dans la référence ({geography}) ; {timing}",
        en: "\"{name}\" is a former name: the commune is called \"{official}\" in the reference ({geography}); {timing}";
    /// The party's name is a former name of its commune, in a convention signed after the
    /// reference's geography came into force. `ctx`: as `geo.name_former`.
    GeoNameFormerWhenSigned = "geo.name_former_when_signed", Error,
        fr: "« {name} » est un ancien nom : la commune s’appelle « {official} » dans la référence ({geography}, en vigueur le {effective}), avant la signature du {signed} ; écrivez le nom officiel (l’ancien peut aller dans aliases)",
        en: "\"{name}\" is a former name: the commune is called \"{official}\" in the reference ({geography}, in force from {effective}), before the signature of {signed}; write the official name (the former one may go in aliases)";
    /// A commune listed among an EPCI's members is not a member in the reference; a change after
    /// the signature may explain it. `ctx`: `value`, `official` (the commune), `epci_name`,
    /// `member_of` (the EPCI it belongs to, when any), `timing`, `signed`, `geography`,
    /// `effective`.
    GeoMemberNotMember = "geo.member_not_member", Warning,
        fr: "{official} ({value}) n’est pas membre de {epci_name} dans la référence ({geography}) ; {timing}",
        en: "{official} ({value}) is not a member of {epci_name} in the reference ({geography}); {timing}";
    /// A listed member is not a member in the reference, in a convention signed under the
    /// reference's geography. `ctx`: as `geo.member_not_member`.
    GeoMemberNotMemberWhenSigned = "geo.member_not_member_when_signed", Error,
        fr: "{official} ({value}) n’est pas membre de {epci_name} dans la référence ({geography}, en vigueur le {effective}), sous laquelle la convention a été signée le {signed}",
        en: "{official} ({value}) is not a member of {epci_name} in the reference ({geography}, in force from {effective}), under which the convention was signed on {signed}";
    /// Members of the EPCI in the reference are missing from its list (one issue for the list);
    /// a change after the signature may explain it. `ctx`: `count`, `missing` (`Name (code)`, at
    /// most 20), `epci_name`, `timing`, `signed`, `geography`, `effective`.
    GeoMembersMissing = "geo.members_missing", Warning,
        fr: "{count} membre(s) de {epci_name} dans la référence ({geography}) absent(s) de la liste : {missing} ; {timing}",
        en: "{count} member(s) of {epci_name} in the reference ({geography}) missing from the list: {missing}; {timing}";
    /// Members are missing from the list, in a convention signed under the reference's
    /// geography. `ctx`: as `geo.members_missing`.
    GeoMembersMissingWhenSigned = "geo.members_missing_when_signed", Error,
        fr: "{count} membre(s) de {epci_name} dans la référence ({geography}, en vigueur le {effective}), sous laquelle la convention a été signée le {signed}, absent(s) de la liste : {missing}",
        en: "{count} member(s) of {epci_name} in the reference ({geography}, in force from {effective}), under which the convention was signed on {signed}, missing from the list: {missing}";
    /// A commune is listed twice among an EPCI's or a syndicate's members. `ctx`: `value`,
    /// `first` (its first index in the list), `geography`, `effective`.
    GeoMemberDuplicate = "geo.member_duplicate", Error,
        fr: "la commune {value} est déjà listée (members[{first}])",
        en: "commune {value} is listed twice (first at members[{first}])";
    /// A commune that signs is not a member of any EPCI that signs (it happens: Saint-Amans-Soult
    /// and Pont-de-Larn in the CTG of the CC Thoré Montagne Noire). `ctx`: `insee`, `official`,
    /// `epci` (the signing EPCI), `member_of` (the EPCI it belongs to, when any), `geography`,
    /// `effective`.
    GeoCommuneOutsideEpci = "geo.commune_outside_epci", Info,
        fr: "{official} ({insee}) signe sans être membre de {epci} dans la référence ({geography})",
        en: "{official} ({insee}) signs without being a member of {epci} in the reference ({geography})";
    /// An action sheet names a commune outside the convention's territory: the communes that
    /// sign and the members of the EPCI that sign, in the reference. `ctx`: `value`, `official`,
    /// `geography`, `effective`.
    GeoSheetCommuneOutside = "geo.sheet_commune_outside", Warning,
        fr: "{official} ({value}) est hors du territoire de la convention (communes signataires et membres des EPCI signataires dans la référence, {geography})",
        en: "{official} ({value}) lies outside the convention's territory (the signing communes and the members of the signing EPCI in the reference, {geography})";

    // ---------------------------------------------------------------- tables (ctg-tables)
    // Every issue found in a spreadsheet carries `sheet` (the sheet, or the file's name for a
    // CSV), and where it applies `row` (1-based, as the spreadsheet shows it) and `column` (its
    // letter, `"C"`); `Issue::cell` writes them as `Financement!C7`. The value codes above
    // (`amount.*`, `siret.*`, `date.invalid`…) are reused for cells, with the same three.
    /// A file is neither text nor a workbook that can be read. `ctx`: `sheet`, `detail`.
    TableUnreadable = "table.unreadable", Error,
        fr: "fichier illisible : {detail}",
        en: "unreadable file: {detail}";
    /// Bytes of a text table are neither UTF-8 nor Windows-1252: nothing is guessed. `ctx`:
    /// `sheet`, `row`, `column`, `byte` (`"0x81"`).
    TableEncoding = "table.encoding", Error,
        fr: "l’octet {byte} n’est ni de l’UTF-8 ni du Windows-1252 : enregistrez le fichier en UTF-8",
        en: "byte {byte} is neither UTF-8 nor Windows-1252: save the file as UTF-8";
    /// A table is larger than the limit. `ctx`: `sheet`, `limit`, `unit`.
    TableTooLarge = "table.too_large", Error,
        fr: "tableau trop grand : plus de {limit} {unit} (limite réglable)",
        en: "table too large: more than {limit} {unit} (the limit can be raised)";
    /// No row of the first ones looks like the header of a known table. `ctx`: `sheet`, `rows`,
    /// `expected`.
    TableNoHeader = "table.no_header", Error,
        fr: "aucune ligne d’en-tête reconnue dans les {rows} premières lignes (colonnes attendues : {expected})",
        en: "no header row found in the first {rows} rows (expected columns: {expected})";
    /// A required column is absent from the header. `ctx`: `sheet`, `row`, `field`.
    TableHeaderMissing = "table.header_missing", Error,
        fr: "colonne « {field} » absente de l’en-tête",
        en: "column \"{field}\" is missing from the header";
    /// A column header is not one this table knows: the column is not read. `ctx`: `sheet`,
    /// `row`, `column`, `text`, `known`.
    TableHeaderUnknown = "table.header_unknown", Warning,
        fr: "colonne « {text} » inconnue, non lue (colonnes connues : {known})",
        en: "unknown column \"{text}\", not read (known columns: {known})";
    /// Two columns of the header name the same field. `ctx`: `sheet`, `row`, `column`, `text`,
    /// `field`, `first` (the first column's letter).
    TableHeaderDuplicate = "table.header_duplicate", Error,
        fr: "la colonne « {text} » est encore « {field} », déjà en colonne {first} : une des deux serait perdue",
        en: "column \"{text}\" is \"{field}\" again, already in column {first}: one of them would be lost";
    /// Rows above the header were read as titles, not data. `ctx`: `sheet`, `row` (the header's),
    /// `count`, `text` (their text).
    TableTitleRows = "table.title_rows", Info,
        fr: "{count} ligne(s) au-dessus de l’en-tête lue(s) comme titre : « {text} »",
        en: "{count} row(s) above the header read as a title: \"{text}\"";
    /// A cell that must be filled is empty. `ctx`: `sheet`, `row`, `column`, `field`.
    TableCellMissing = "table.cell_missing", Error,
        fr: "cellule vide : {field} attendu(e)",
        en: "empty cell: {field} expected";
    /// A cell holds a value of a kind that cannot be read there (an Excel error, a boolean…).
    /// `ctx`: `sheet`, `row`, `column`, `text`, `expected`.
    TableCellUnreadable = "table.cell_unreadable", Error,
        fr: "cellule illisible « {text} » : {expected} attendu(e)",
        en: "unreadable cell \"{text}\": {expected} expected";
    /// A cell of the total row differs from the sum of its column. `ctx`: `sheet`, `row`,
    /// `column`, `text`, `declared`, `computed`.
    TableTotalRowMismatch = "table.total_row_mismatch", Error,
        fr: "la ligne de total indique {declared}, mais la colonne fait {computed}",
        en: "the total row says {declared}, but the column adds up to {computed}";
    /// A cell of the total column differs from the sum of its row. `ctx`: `sheet`, `row`,
    /// `column`, `text`, `declared`, `computed`.
    TableTotalColumnMismatch = "table.total_column_mismatch", Error,
        fr: "la colonne de total indique {declared}, mais la ligne fait {computed}",
        en: "the total column says {declared}, but the row adds up to {computed}";
    /// A row repeats an earlier one (same beneficiary and facility, same year…): one of the two
    /// would be lost. `ctx`: `sheet`, `row`, `column`, `text`, `first` (the earlier row).
    TableDuplicateRow = "table.duplicate_row", Error,
        fr: "« {text} » répète la ligne {first} : une des deux serait perdue",
        en: "\"{text}\" repeats row {first}: one of the two would be lost";
    /// A number in a date column was read as an Excel serial date. `ctx`: `sheet`, `row`,
    /// `column`, `text`, `date`.
    TableDateSerial = "table.date_serial", Info,
        fr: "{text} lu comme le numéro de série Excel de la date du {date}",
        en: "{text} read as the Excel serial number of the date {date}";
    /// A table has a header and no data row. `ctx`: `sheet`, `row`.
    TableEmpty = "table.empty", Warning,
        fr: "en-tête sans aucune ligne de données",
        en: "header without any data row";
    /// A sheet of a workbook holds no known table and was not read. `ctx`: `sheet`.
    TableSheetSkipped = "table.sheet_skipped", Info,
        fr: "feuille sans tableau reconnu, non lue",
        en: "sheet without a known table, not read";
    /// A name names several places or bodies: none is chosen. `ctx`: `sheet`, `row`, `column`,
    /// `text`, `candidates`.
    TableNameAmbiguous = "table.name_ambiguous", Warning,
        fr: "« {text} » peut désigner {candidates} : aucun n’est choisi, donnez le code",
        en: "\"{text}\" may name {candidates}: none is chosen, give the code";
    /// A name is not found in the reference. `ctx`: `sheet`, `row`, `column`, `text`.
    TableNameNotFound = "table.name_not_found", Warning,
        fr: "« {text} » introuvable dans le référentiel : codes non complétés",
        en: "\"{text}\" not found in the reference: codes not filled in";
    /// A row below the total row was read as a note, not as data. `ctx`: `sheet`, `row`,
    /// `text`.
    TableNoteRow = "table.note_row", Info,
        fr: "ligne sous le total lue comme une note, pas comme une donnée : « {text} »",
        en: "row below the total read as a note, not as data: \"{text}\"";
    /// A name was completed from the reference (its official name and codes). `ctx`: `sheet`,
    /// `row`, `column`, `text`, `name`, `code`.
    TableNameResolved = "table.name_resolved", Info,
        fr: "« {text} » lu comme {name} ({code}) d’après le référentiel : codes complétés",
        en: "\"{text}\" read as {name} ({code}) from the reference: codes filled in";

    // ---------------------------------------------------------------- open data (SCDL Subventions)
    /// An RNA number (*Répertoire national des associations*) is not `W` and 9 digits. `ctx`:
    /// `value`.
    RnaInvalid = "rna.invalid", Error,
        fr: "numéro RNA invalide : « {value} » (attendu : W suivi de 9 chiffres)",
        en: "invalid RNA number: \"{value}\" (expected W followed by 9 digits)";
    /// The convention is not signed: its grants have no `dateConvention` and cannot be published.
    ScdlNotSigned = "scdl.not_signed", Error,
        fr: "convention non signée : sans date de signature, ses subventions ne peuvent pas être publiées (dateConvention)",
        en: "unsigned convention: without a signature date its grants cannot be published (dateConvention)";
    /// The Caf has no SIRET, required as `idAttribuant`. `ctx`: `name`.
    ScdlAttribuantSiretMissing = "scdl.attribuant_siret_missing", Error,
        fr: "la Caf « {name} » n’a pas de SIRET, obligatoire pour publier (idAttribuant)",
        en: "the Caf \"{name}\" has no SIRET, required to publish (idAttribuant)";
    /// A beneficiary has neither SIRET nor RNA number (`idBeneficiaire` or `rnaBeneficiaire`).
    /// `ctx`: `name`.
    ScdlBeneficiaryIdMissing = "scdl.beneficiary_id_missing", Error,
        fr: "le bénéficiaire « {name} » n’a ni SIRET ni numéro RNA : l’un des deux est obligatoire pour publier (idBeneficiaire, rnaBeneficiaire)",
        en: "beneficiary \"{name}\" has neither a SIRET nor an RNA number: one of them is required to publish (idBeneficiaire, rnaBeneficiaire)";
    /// A grant's `objet` was cut to the standard's 256 characters. `ctx`: `text`, `max`.
    ScdlObjetShortened = "scdl.objet_shortened", Warning,
        fr: "objet raccourci à {max} caractères, la limite du standard : « {text} »",
        en: "objet shortened to {max} characters, the standard's limit: \"{text}\"";
    /// A cell of an SCDL file breaks the standard's schema. `ctx`: `sheet`, `row`, `column`,
    /// `field`, `value`, `expected`.
    ScdlValueInvalid = "scdl.value_invalid", Error,
        fr: "{field} « {value} » invalide : {expected}",
        en: "invalid {field} \"{value}\": {expected}";
    /// A row of an SCDL file has neither `idBeneficiaire` nor `rnaBeneficiaire` (the standard's
    /// `one-of-required` check). `ctx`: `sheet`, `row`.
    ScdlOneOfRequired = "scdl.one_of_required", Error,
        fr: "ni idBeneficiaire ni rnaBeneficiaire : l’un des deux est obligatoire",
        en: "neither idBeneficiaire nor rnaBeneficiaire: one of them is required";
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn french_and_english_templates_name_the_same_parameters() {
        for &code in IssueCode::ALL {
            assert_eq!(
                placeholders(code.template(Lang::Fr)),
                placeholders(code.template(Lang::En)),
                "{code}"
            );
        }
    }

    #[test]
    fn codes_are_unique_and_dotted() {
        let mut seen = std::collections::HashSet::new();
        for &code in IssueCode::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert!(code.as_str().contains('.'), "{code}");
            assert!(code
                .as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'));
        }
    }
}
