//! Grants as open data: the SCDL *Subventions* 2.1.1 standard (schema.data.gouv.fr,
//! `scdl/subventions`), written from conventions, read from published files, checked, and matched
//! to the beneficiaries of conventions.
//!
//! **One row per beneficiary and year** ([`Granularity::Yearly`], the default): a CTG states the
//! Caf's envelope year by year, and the Caf decides and pays it year by year; a row per year keeps
//! each published amount equal to an amount of the convention (the sum of the beneficiary's
//! allocations that year) and lets a reader add up a year. [`Granularity::Convention`] writes one
//! row per beneficiary over the whole period instead. Each row is a grant to one beneficiary, so
//! `pourcentageSubvention` is `1.00` (the standard's value for a single beneficiary).
//!
//! What ctg writes in each column: `nomAttribuant`, `idAttribuant` the Caf that carries the
//! convention (role `caf`) and its SIRET; `dateConvention` the signature date; `referenceDecision`
//! the convention's id (what links the row back to the convention); `nomBeneficiaire`,
//! `idBeneficiaire` (the beneficiary's SIRET, else the SIRET of the party it is) and
//! `rnaBeneficiaire` (given by the caller: the model has no RNA number); `objet` the convention's
//! title, the year and what is funded (the facility kinds, with the allocations' labels when they
//! fit), at most 256 characters (cut, with a warning, past that); `montant` with a decimal point and
//! two decimals; `nature` `aide en numéraire`; `conditionsVersement` `échelonné` by default (Caf
//! operating funding is paid as advances and a balance; the caller may say otherwise);
//! `datesPeriodeVersement` the year (`2024-01-01/2024-12-31`) or the period; `notificationUE`
//! `non` by default; `idRAE` and `dispositifAide` empty.
//!
//! What is missing to publish is reported as issues — an unsigned convention
//! (`scdl.not_signed`), a Caf without SIRET (`scdl.attribuant_siret_missing`), a beneficiary
//! with neither SIRET nor RNA number (`scdl.beneficiary_id_missing`) — and no file is written
//! then, unless a draft is asked for.
//!
//! Reading checks the standard's custom checks with ctg's own identifier code —
//! `french-siret-value` on `idAttribuant` and `idBeneficiaire` ([`Siret`]'s checksum, La Poste's
//! rule included) and `one-of-required` on `idBeneficiaire`/`rnaBeneficiaire` — and the
//! schema's constraints on each cell (required values, dates, numbers, patterns, lists of
//! values, lengths); the full Table Schema validation is Frictionless's (see `tests/scdl/`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ctg_core::{
    Amount, Convention, Issue, IssueCode, Params, PartyRole, Path, Report, Severity, Siret,
};
use rust_decimal::Decimal;

use crate::cell::CellRef;
use crate::header::normalize;

/// The columns of SCDL *Subventions* 2.1.1, in the schema's order.
///
/// ```
/// assert_eq!(ctg_tables::scdl::COLUMNS.len(), 16);
/// assert_eq!(ctg_tables::scdl::COLUMNS[8], "montant");
/// ```
pub const COLUMNS: [&str; 16] = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
];

const REQUIRED: [&str; 11] = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "nomBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "notificationUE",
    "pourcentageSubvention",
];

/// The longest `objet` the standard accepts.
///
/// ```
/// let grants = ctg_tables::scdl::Publisher::new().draft(true).grants(&ctg_core::Convention::sample()).grants;
/// assert!(grants.iter().all(|g| g.objet.chars().count() <= ctg_tables::scdl::OBJET_MAX));
/// ```
pub const OBJET_MAX: usize = 256;

/// An RNA number (*Répertoire national des associations*): `W` and 9 digits.
///
/// ```
/// use ctg_tables::scdl::Rna;
/// assert_eq!(Rna::parse(" W751234567 ")?.as_str(), "W751234567");
/// assert_eq!(Rna::parse("W3222").unwrap_err().code().as_str(), "rna.invalid");
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rna(String);

impl Rna {
    /// Reads an RNA number (white space around it ignored).
    ///
    /// # Errors
    /// `rna.invalid` when it is not `W` followed by 9 digits.
    ///
    /// ```
    /// assert!(ctg_tables::scdl::Rna::parse("W12345678").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Rna, ctg_core::ParseError> {
        let t = s.trim();
        let ok =
            t.len() == 10 && t.starts_with('W') && t.bytes().skip(1).all(|b| b.is_ascii_digit());
        if ok {
            Ok(Rna(t.to_owned()))
        } else {
            Err(ctg_core::ParseError::new(
                IssueCode::RnaInvalid,
                Params::new().with("value", crate::values::shorten(t)),
            ))
        }
    }

    /// The number.
    ///
    /// ```
    /// assert_eq!(ctg_tables::scdl::Rna::parse("W123456789").unwrap().as_str(), "W123456789");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Rna {
    type Err = ctg_core::ParseError;
    fn from_str(s: &str) -> Result<Rna, ctg_core::ParseError> {
        Rna::parse(s)
    }
}

/// One grant: one row of an SCDL file. Texts are as written; typed fields are read.
///
/// ```
/// let grants = ctg_tables::scdl::Publisher::new().draft(true).grants(&ctg_core::Convention::sample()).grants;
/// assert_eq!(grants.len(), 27); // 9 beneficiaries × 3 years
/// assert_eq!(grants[3].nom_beneficiaire, "La Petite Loco");
/// assert_eq!(grants[3].montant.to_string(), "40800.00");
/// ```
///
/// `Grant::default()` is an empty row (no date, `montant` zero, `notificationUE` `non`), for the
/// bindings to fill with a grant given to them field by field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Grant {
    /// `nomAttribuant`.
    pub nom_attribuant: String,
    /// `idAttribuant`, as written.
    pub id_attribuant: String,
    /// `dateConvention`.
    pub date_convention: Option<NaiveDate>,
    /// `referenceDecision`.
    pub reference_decision: String,
    /// `nomBeneficiaire`.
    pub nom_beneficiaire: String,
    /// `idBeneficiaire` (SIRET), as written.
    pub id_beneficiaire: String,
    /// `rnaBeneficiaire`, as written.
    pub rna_beneficiaire: String,
    /// `objet`.
    pub objet: String,
    /// `montant`.
    pub montant: Amount,
    /// `nature`.
    pub nature: String,
    /// `conditionsVersement`.
    pub conditions_versement: String,
    /// `datesPeriodeVersement`.
    pub dates_periode_versement: String,
    /// `idRAE`.
    pub id_rae: String,
    /// `notificationUE`.
    pub notification_ue: bool,
    /// `pourcentageSubvention`.
    pub pourcentage_subvention: Option<Decimal>,
    /// `dispositifAide`.
    pub dispositif_aide: String,
}

impl Grant {
    fn cells(&self) -> [String; 16] {
        [
            self.nom_attribuant.clone(),
            self.id_attribuant.clone(),
            self.date_convention
                .map(|d| d.to_string())
                .unwrap_or_default(),
            self.reference_decision.clone(),
            self.nom_beneficiaire.clone(),
            self.id_beneficiaire.clone(),
            self.rna_beneficiaire.clone(),
            self.objet.clone(),
            self.montant.to_string(),
            self.nature.clone(),
            self.conditions_versement.clone(),
            self.dates_periode_versement.clone(),
            self.id_rae.clone(),
            if self.notification_ue { "oui" } else { "non" }.to_owned(),
            self.pourcentage_subvention
                .map(|p| format!("{:.2}", p))
                .unwrap_or_default(),
            self.dispositif_aide.clone(),
        ]
    }
}

/// Rows per beneficiary and year, or per beneficiary over the convention.
///
/// ```
/// use ctg_tables::scdl::{Granularity, Publisher};
/// let p = Publisher::new().draft(true).granularity(Granularity::Convention);
/// assert_eq!(p.grants(&ctg_core::Convention::sample()).grants.len(), 9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Granularity {
    /// One row per beneficiary and year (the default).
    #[default]
    Yearly,
    /// One row per beneficiary over the whole period.
    Convention,
}

/// The grants of a convention and what is missing to publish them.
///
/// ```
/// let p = ctg_tables::scdl::Publisher::new().grants(&ctg_core::Convention::sample());
/// assert!(p.issues.iter().any(|i| i.code.as_str() == "scdl.attribuant_siret_missing"));
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Publication {
    /// The grants (also when something is missing: the missing values are empty).
    pub grants: Vec<Grant>,
    /// What is missing to publish them (errors), and the `objet`s shortened (warnings).
    pub issues: Vec<Issue>,
}

/// Writes conventions' funding as SCDL *Subventions* grants.
///
/// ```
/// use ctg_tables::scdl::{Publisher, Rna};
/// let mut doc = ctg_core::Convention::sample().to_value();
/// doc["parties"][0]["siret"] = "73282932000041".into(); // a made-up SIRET, for the example
/// for b in doc["funding"]["beneficiaries"].as_array_mut().unwrap() {
///     b["siret"] = "12345678200010".into();
/// }
/// let conv = ctg_core::Convention::from_value(&doc).unwrap();
/// let csv = Publisher::new().csv(&[conv]).unwrap();
/// assert!(csv.starts_with("nomAttribuant,idAttribuant,dateConvention,"));
/// assert!(csv.contains(",40800.00,aide en numéraire,échelonné,2024-01-01/2024-12-31,,non,1.00,\r\n"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Publisher {
    granularity: Granularity,
    rna: BTreeMap<String, Rna>,
    conditions: Option<String>,
    notification_ue: bool,
    draft: bool,
}

impl Publisher {
    /// A publisher with the defaults (yearly rows, `échelonné`, `notificationUE` `non`).
    ///
    /// ```
    /// let _ = ctg_tables::scdl::Publisher::new();
    /// ```
    pub fn new() -> Publisher {
        Publisher::default()
    }

    /// Rows per year (default) or per convention.
    ///
    /// ```
    /// let _ = ctg_tables::scdl::Publisher::new().granularity(ctg_tables::scdl::Granularity::Yearly);
    /// ```
    pub fn granularity(mut self, granularity: Granularity) -> Publisher {
        self.granularity = granularity;
        self
    }

    /// The RNA number of a beneficiary (by its id), for associations published without SIRET.
    ///
    /// ```
    /// use ctg_tables::scdl::{Publisher, Rna};
    /// let p = Publisher::new().draft(true).rna("passerelle", Rna::parse("W811000001").unwrap());
    /// let grants = p.grants(&ctg_core::Convention::sample()).grants;
    /// assert_eq!(grants[6].rna_beneficiaire, "W811000001");
    /// ```
    pub fn rna(mut self, beneficiary: &str, rna: Rna) -> Publisher {
        self.rna.insert(beneficiary.to_owned(), rna);
        self
    }

    /// `conditionsVersement`: `unique`, `échelonné` (the default) or a free description.
    ///
    /// ```
    /// let p = ctg_tables::scdl::Publisher::new().draft(true).conditions("unique");
    /// assert_eq!(p.grants(&ctg_core::Convention::sample()).grants[0].conditions_versement, "unique");
    /// ```
    pub fn conditions(mut self, conditions: &str) -> Publisher {
        self.conditions = Some(conditions.to_owned());
        self
    }

    /// `notificationUE`: whether the aid was notified to the European Commission (default no).
    ///
    /// ```
    /// let p = ctg_tables::scdl::Publisher::new().draft(true).notification_ue(true);
    /// assert!(p.grants(&ctg_core::Convention::sample()).grants[0].notification_ue);
    /// ```
    pub fn notification_ue(mut self, notified: bool) -> Publisher {
        self.notification_ue = notified;
        self
    }

    /// Whether [`Publisher::csv`] writes the file even when values are missing (a draft, with
    /// empty cells where values are missing), instead of refusing.
    ///
    /// ```
    /// let csv = ctg_tables::scdl::Publisher::new().draft(true).csv(&[ctg_core::Convention::sample()]);
    /// assert!(csv.is_ok());
    /// ```
    pub fn draft(mut self, draft: bool) -> Publisher {
        self.draft = draft;
        self
    }

    /// The grants of one convention.
    ///
    /// ```
    /// let publication = ctg_tables::scdl::Publisher::new().grants(&ctg_core::Convention::sample());
    /// let missing: Vec<_> = publication.issues.iter().map(|i| i.code.as_str()).collect();
    /// assert_eq!(missing[0], "scdl.attribuant_siret_missing");
    /// assert_eq!(missing.len(), 1 + 9); // the Caf's SIRET, and the 9 beneficiaries' SIRET or RNA
    /// ```
    pub fn grants(&self, conv: &Convention) -> Publication {
        let mut issues = Vec::new();
        let caf = conv
            .parties()
            .iter()
            .enumerate()
            .find(|(_, p)| p.role() == PartyRole::Caf)
            .or_else(|| {
                conv.parties()
                    .iter()
                    .enumerate()
                    .find(|(_, p)| p.kind() == ctg_core::PartyKind::Caf)
            });
        let (nom_attribuant, id_attribuant) = match caf {
            Some((i, caf)) => {
                if caf.siret().is_none() {
                    issues.push(Issue::new(
                        IssueCode::ScdlAttribuantSiretMissing,
                        Path::root().key("parties").index(i).key("siret"),
                        Params::new().with("name", caf.name()),
                    ));
                }
                (
                    caf.name().to_owned(),
                    caf.siret().map(|s| s.to_string()).unwrap_or_default(),
                )
            }
            None => (String::new(), String::new()),
        };
        let date_convention = conv.signature().map(|s| s.date());
        if date_convention.is_none() {
            issues.push(Issue::new(
                IssueCode::ScdlNotSigned,
                Path::root().key("signature"),
                Params::new(),
            ));
        }
        let mut grants = Vec::new();
        let Some(funding) = conv.funding() else {
            return Publication { grants, issues };
        };
        let conditions = self
            .conditions
            .clone()
            .unwrap_or_else(|| "échelonné".to_owned());
        for (bi, b) in funding.beneficiaries().iter().enumerate() {
            let allocations: Vec<&ctg_core::Allocation> = funding
                .allocations()
                .iter()
                .filter(|a| a.beneficiary() == b.id())
                .collect();
            if allocations.iter().all(|a| a.amounts().is_empty()) {
                continue;
            }
            let siret = b.siret().or_else(|| {
                b.party()
                    .and_then(|p| conv.party(p))
                    .and_then(|p| p.siret())
            });
            let rna = self.rna.get(b.id());
            if siret.is_none() && rna.is_none() {
                issues.push(Issue::new(
                    IssueCode::ScdlBeneficiaryIdMissing,
                    Path::root()
                        .key("funding")
                        .key("beneficiaries")
                        .index(bi)
                        .key("siret"),
                    Params::new().with("name", b.name()).with("item_id", b.id()),
                ));
            }
            // What is funded: the facility kinds, with the allocations' labels when the objet
            // still fits in the standard's 256 characters, without them otherwise.
            let what = |with_labels: bool| {
                let mut kinds: Vec<String> = Vec::new();
                for a in &allocations {
                    let kind = a.facility_kind().label_fr();
                    let what = match a.label() {
                        Some(label) if with_labels => format!("{kind} ({label})"),
                        _ => kind.to_owned(),
                    };
                    if !kinds.contains(&what) {
                        kinds.push(what);
                    }
                }
                kinds.join(", ")
            };
            let longest = conv.period().to_string();
            let objet_of = |period: &str, with_labels: bool| {
                format!("{}, {period} : {}", conv.title(), what(with_labels))
            };
            let with_labels = objet_of(&longest, true).chars().count() <= OBJET_MAX;
            let mut shortened = false;
            let periods: Vec<(String, Option<ctg_core::Year>)> = match self.granularity {
                Granularity::Yearly => conv.years().map(|y| (y.to_string(), Some(y))).collect(),
                Granularity::Convention => vec![(conv.period().to_string(), None)],
            };
            for (label, year) in periods {
                let amounts = allocations.iter().flat_map(|a| {
                    a.amounts()
                        .iter()
                        .filter(|(y, _)| year.is_none_or(|year| **y == year))
                        .map(|(_, amount)| *amount)
                });
                let Some(montant) = Amount::checked_sum(amounts.clone()) else {
                    continue;
                };
                if amounts.count() == 0 {
                    continue;
                }
                let dates = match year {
                    Some(y) => format!("{y}-01-01/{y}-12-31"),
                    None => format!(
                        "{}-01-01/{}-12-31",
                        conv.period().first_year(),
                        conv.period().last_year()
                    ),
                };
                let mut objet = objet_of(&label, with_labels);
                if objet.chars().count() > OBJET_MAX {
                    objet = objet.chars().take(OBJET_MAX - 1).collect::<String>() + "…";
                    if !shortened {
                        shortened = true;
                        issues.push(Issue::new(
                            IssueCode::ScdlObjetShortened,
                            Path::root().key("funding").key("beneficiaries").index(bi),
                            Params::new()
                                .with("text", crate::values::shorten(&objet))
                                .with("max", OBJET_MAX)
                                .with("item_id", b.id()),
                        ));
                    }
                }
                grants.push(Grant {
                    nom_attribuant: nom_attribuant.clone(),
                    id_attribuant: id_attribuant.clone(),
                    date_convention,
                    reference_decision: conv.id().to_owned(),
                    nom_beneficiaire: b.name().to_owned(),
                    id_beneficiaire: siret.map(|s| s.to_string()).unwrap_or_default(),
                    rna_beneficiaire: rna.map(|r| r.as_str().to_owned()).unwrap_or_default(),
                    objet,
                    montant,
                    nature: "aide en numéraire".to_owned(),
                    conditions_versement: conditions.clone(),
                    dates_periode_versement: dates,
                    id_rae: String::new(),
                    notification_ue: self.notification_ue,
                    pourcentage_subvention: Some(Decimal::ONE),
                    dispositif_aide: String::new(),
                });
            }
        }
        Publication { grants, issues }
    }

    /// The SCDL CSV of the grants of these conventions (comma-separated, UTF-8, CRLF, the
    /// standard's 16 columns in its order).
    ///
    /// # Errors
    /// The report of what is missing (errors, each issue's `item_id` naming its convention's
    /// id when there are several), unless [`Publisher::draft`] is set.
    ///
    /// ```
    /// let err = ctg_tables::scdl::Publisher::new().csv(&[ctg_core::Convention::sample()]).unwrap_err();
    /// assert!(err.issues().iter().any(|i| i.code.as_str() == "scdl.beneficiary_id_missing"));
    /// assert!(!err.is_valid());
    /// ```
    pub fn csv(&self, conventions: &[Convention]) -> Result<String, Report> {
        let publication = self.publish(conventions);
        if !self.draft
            && publication
                .issues
                .iter()
                .any(|i| i.severity == Severity::Error)
        {
            return Err(Report::from(publication.issues));
        }
        Ok(write_csv(&publication.grants))
    }

    /// The grants of these conventions and everything found on the way, whatever the draft
    /// setting: what [`Publisher::csv`] writes ([`write_csv`] of the grants) and the issues it
    /// reports, each issue's `convention` naming its convention's id when there are several.
    ///
    /// ```
    /// let conventions = [ctg_core::Convention::sample(), ctg_core::Convention::sample()];
    /// let publication = ctg_tables::scdl::Publisher::new().publish(&conventions);
    /// assert_eq!(publication.grants.len(), 54);
    /// assert_eq!(publication.issues.len(), 20);
    /// assert!(publication.issues[0].params.get("convention").is_some());
    /// ```
    pub fn publish(&self, conventions: &[Convention]) -> Publication {
        let mut grants = Vec::new();
        let mut issues = Vec::new();
        for conv in conventions {
            let publication = self.grants(conv);
            grants.extend(publication.grants);
            for mut issue in publication.issues {
                if conventions.len() > 1 {
                    issue.params.set("convention", conv.id().into());
                }
                issues.push(issue);
            }
        }
        Publication { grants, issues }
    }
}

/// Grants as SCDL CSV text.
///
/// ```
/// let text = ctg_tables::scdl::write_csv(&[]);
/// assert_eq!(text, format!("{}\r\n", ctg_tables::scdl::COLUMNS.join(",")));
/// ```
pub fn write_csv(grants: &[Grant]) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for grant in grants {
        let cells: Vec<String> = grant
            .cells()
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// What reading an SCDL file gave: its grants (the rows whose montant could be read) and every
/// problem, each with its row and column.
///
/// ```
/// let read = ctg_tables::scdl::read(b"nomAttribuant\nVille\n", "s.csv");
/// assert!(read.issues.iter().any(|i| i.code.as_str() == "table.header_missing"));
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ScdlRead {
    /// The grants read.
    pub grants: Vec<Grant>,
    /// The problems met.
    pub issues: Vec<Issue>,
}

fn field_word(name: &'static str) -> ctg_core::Word {
    ctg_core::Word {
        code: name,
        fr: name,
        en: name,
    }
}

/// `scdl.value_invalid` expectations.
fn expected(fr: &'static str, en: &'static str) -> ctg_core::Word {
    ctg_core::Word {
        code: "scdl_constraint",
        fr,
        en,
    }
}

/// Reads an SCDL *Subventions* file and checks it: the header (every column of the standard,
/// found by its exact name; unknown columns reported), the custom checks `french-siret-value`
/// and `one-of-required`, and each cell's constraints. Never panics, whatever the bytes.
///
/// ```
/// let text = "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,\
/// idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,\
/// idRAE,notificationUE,pourcentageSubvention,dispositifAide\n\
/// Caf du Tarn,218601946,2022-11-30,,Passerelle,,,CTG,34000,aide en numéraire,unique,2023-01-01/2023-12-31,,non,1,\n";
/// let read = ctg_tables::scdl::read(text.as_bytes(), "grants.csv");
/// let codes: Vec<_> = read.issues.iter().map(|i| (i.code.as_str(), i.cell().unwrap())).collect();
/// assert_eq!(codes, [("siret.invalid", "grants!B2".to_string()), ("scdl.one_of_required", "grants!2:2".to_string())]);
/// assert_eq!(read.grants[0].montant.to_string(), "34000.00");
/// ```
pub fn read(bytes: &[u8], name: &str) -> ScdlRead {
    let table = crate::grid::read_table(bytes, name);
    let mut issues = table.issues;
    let mut grants = Vec::new();
    let Some(sheet) = table.workbook.sheets().first() else {
        return ScdlRead { grants, issues };
    };
    let sheet_name = sheet.name().to_owned();
    let at = |row: usize, column: usize| {
        CellRef::cell(
            &sheet_name,
            crate::text::row_number(row),
            crate::text::column_index(column),
        )
    };
    // The header: the standard's names, exactly (white space around them ignored).
    let header: Vec<String> = sheet
        .rows()
        .first()
        .map(|r| r.iter().map(crate::cell::Cell::text).collect())
        .unwrap_or_default();
    let mut columns: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (c, text) in header.iter().enumerate() {
        match COLUMNS.iter().find(|name| **name == text.as_str()) {
            Some(name) if !columns.contains_key(name) => {
                columns.insert(name, c);
            }
            _ if text.is_empty() => {}
            _ => issues.push(
                at(0, c).issue(
                    IssueCode::TableHeaderUnknown,
                    Path::root(),
                    Params::new()
                        .with("text", crate::values::shorten(text))
                        .with("known", COLUMNS.join(", ")),
                ),
            ),
        }
    }
    for name in REQUIRED {
        if !columns.contains_key(name) {
            issues.push(CellRef::row(&sheet_name, 1).issue(
                IssueCode::TableHeaderMissing,
                Path::root(),
                Params::new().with("field", field_word(name)),
            ));
        }
    }
    for (r, row) in sheet.rows().iter().enumerate().skip(1) {
        if row.iter().all(crate::cell::Cell::is_empty) {
            continue;
        }
        let get = |name: &str| -> (String, usize) {
            match columns.get(name) {
                Some(&c) => (sheet.cell(r, c).text(), c),
                None => (String::new(), usize::MAX),
            }
        };
        let mut bad = |column: usize, field: &'static str, value: &str, exp: ctg_core::Word| {
            issues.push(
                at(r, column).issue(
                    IssueCode::ScdlValueInvalid,
                    Path::root(),
                    Params::new()
                        .with("field", field_word(field))
                        .with("value", crate::values::shorten(value))
                        .with("expected", exp),
                ),
            );
        };
        let mut row_issues: Vec<Issue> = Vec::new();
        for name in REQUIRED {
            let (value, c) = get(name);
            if value.is_empty() && c != usize::MAX {
                row_issues.push(at(r, c).issue(
                    IssueCode::TableCellMissing,
                    Path::root(),
                    Params::new().with("field", field_word(name)),
                ));
            }
        }
        // french-siret-value
        for name in ["idAttribuant", "idBeneficiaire"] {
            let (value, c) = get(name);
            if !value.is_empty() {
                if let Err(e) = Siret::parse(&value) {
                    let code = e.code();
                    row_issues.push(at(r, c).issue(code, Path::root(), e.into_params()));
                }
            }
        }
        let (rna, rna_c) = get("rnaBeneficiaire");
        if !rna.is_empty() {
            if let Err(e) = Rna::parse(&rna) {
                let code = e.code();
                row_issues.push(at(r, rna_c).issue(code, Path::root(), e.into_params()));
            }
        }
        // one-of-required
        let (siret, _) = get("idBeneficiaire");
        if siret.is_empty() && rna.is_empty() {
            row_issues.push(CellRef::row(&sheet_name, crate::text::row_number(r)).issue(
                IssueCode::ScdlOneOfRequired,
                Path::root(),
                Params::new(),
            ));
        }
        let (date, date_c) = get("dateConvention");
        let date_convention = NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok();
        if !date.is_empty() && (date_convention.is_none() || date.len() != 10) {
            bad(
                date_c,
                "dateConvention",
                &date,
                expected("une date AAAA-MM-JJ", "a date YYYY-MM-DD"),
            );
        }
        let (montant_text, montant_c) = get("montant");
        let montant = if montant_text.is_empty() {
            None
        } else if is_decimal_point_number(&montant_text) {
            match Amount::from_host(&ctg_core::input::Value::Decimal(montant_text.clone())) {
                Ok(a) => Some(a),
                Err(e) => {
                    let code = e.code();
                    row_issues.push(at(r, montant_c).issue(code, Path::root(), e.into_params()));
                    None
                }
            }
        } else {
            bad(
                montant_c,
                "montant",
                &montant_text,
                expected(
                    "un nombre avec un point décimal",
                    "a number with a decimal point",
                ),
            );
            None
        };
        let (nature, nature_c) = get("nature");
        if !nature.is_empty()
            && ![
                "aide en numéraire",
                "aide en nature",
                "aide en numéraire;aide en nature",
                "aide en nature;aide en numéraire",
            ]
            .contains(&nature.as_str())
        {
            bad(
                nature_c,
                "nature",
                &nature,
                expected(
                    "aide en numéraire, aide en nature, ou les deux séparés par « ; »",
                    "aide en numéraire, aide en nature, or both separated by \";\"",
                ),
            );
        }
        let (conditions, conditions_c) = get("conditionsVersement");
        if conditions.chars().count() > OBJET_MAX {
            bad(
                conditions_c,
                "conditionsVersement",
                &conditions,
                expected("256 caractères au plus", "at most 256 characters"),
            );
        }
        let (dates, dates_c) = get("datesPeriodeVersement");
        if !dates.is_empty() && !is_date_or_period(&dates) {
            bad(
                dates_c,
                "datesPeriodeVersement",
                &dates,
                expected(
                    "AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ",
                    "YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD",
                ),
            );
        }
        let (id_rae, id_rae_c) = get("idRAE");
        if id_rae.chars().count() > 5 {
            bad(
                id_rae_c,
                "idRAE",
                &id_rae,
                expected("5 caractères au plus", "at most 5 characters"),
            );
        }
        let (objet, objet_c) = get("objet");
        if objet.chars().count() > OBJET_MAX {
            bad(
                objet_c,
                "objet",
                &objet,
                expected("256 caractères au plus", "at most 256 characters"),
            );
        }
        let (notification, notification_c) = get("notificationUE");
        let notification_ue = match notification.as_str() {
            "oui" => true,
            "non" | "" => false,
            other => {
                bad(
                    notification_c,
                    "notificationUE",
                    other,
                    expected("oui ou non", "oui or non"),
                );
                false
            }
        };
        let (percent, percent_c) = get("pourcentageSubvention");
        let pourcentage = if percent.is_empty() {
            None
        } else {
            let d = if is_decimal_point_number(&percent) {
                Decimal::from_str_exact(&percent).ok()
            } else {
                None
            };
            let in_range = d.is_some_and(|d| d >= Decimal::new(1, 2) && d <= Decimal::ONE);
            if !in_range {
                bad(
                    percent_c,
                    "pourcentageSubvention",
                    &percent,
                    expected("un nombre de 0.01 à 1", "a number from 0.01 to 1"),
                );
            }
            d
        };
        issues.append(&mut row_issues);
        if let Some(montant) = montant {
            grants.push(Grant {
                nom_attribuant: get("nomAttribuant").0,
                id_attribuant: get("idAttribuant").0,
                date_convention,
                reference_decision: get("referenceDecision").0,
                nom_beneficiaire: get("nomBeneficiaire").0,
                id_beneficiaire: siret,
                rna_beneficiaire: rna,
                objet,
                montant,
                nature,
                conditions_versement: conditions,
                dates_periode_versement: dates,
                id_rae,
                notification_ue,
                pourcentage_subvention: pourcentage,
                dispositif_aide: get("dispositifAide").0,
            });
        }
    }
    ScdlRead { grants, issues }
}

/// A number as the standard writes it: digits, an optional decimal point and digits.
fn is_decimal_point_number(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

fn is_date_or_period(s: &str) -> bool {
    let date = |d: &str| {
        d.len() == 10
            && d.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    };
    match s.split_once('/') {
        Some((a, b)) => date(a) && date(b),
        None => date(s),
    }
}

/// How a grant was matched to a beneficiary.
///
/// ```
/// assert_eq!(ctg_tables::scdl::MatchedBy::Siret.code(), "siret");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MatchedBy {
    /// The same SIRET.
    Siret,
    /// The same name (accents, case and punctuation aside), with no SIRET to compare.
    Name,
}

impl MatchedBy {
    /// A stable code.
    ///
    /// ```
    /// assert_eq!(ctg_tables::scdl::MatchedBy::Name.code(), "name");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            MatchedBy::Siret => "siret",
            MatchedBy::Name => "name",
        }
    }
}

/// A grant matched to a beneficiary of a convention.
///
/// ```
/// # use ctg_tables::scdl::*;
/// let m = GrantMatch { grant: 0, convention: "c".into(), beneficiary: "b".into(), by: MatchedBy::Siret };
/// assert_eq!(m.by, MatchedBy::Siret);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantMatch {
    /// Index of the grant.
    pub grant: usize,
    /// Id of the convention.
    pub convention: String,
    /// Id of the beneficiary.
    pub beneficiary: String,
    /// How.
    pub by: MatchedBy,
}

/// Matches published grants (a département's, a Caf's) to the beneficiaries of conventions: by
/// SIRET first (the beneficiary's, or the party's it is), then by name when neither side has a
/// SIRET to compare and exactly one beneficiary bears that name. Grants that match nothing are
/// left out.
///
/// ```
/// use ctg_tables::scdl::{match_grants, Publisher, MatchedBy};
/// let conv = ctg_core::Convention::sample();
/// let grants = Publisher::new().draft(true).grants(&conv).grants;
/// let matches = match_grants(&grants, &[conv]);
/// assert_eq!(matches.len(), 27);
/// assert!(matches.iter().all(|m| m.by == MatchedBy::Name));
/// ```
pub fn match_grants(grants: &[Grant], conventions: &[Convention]) -> Vec<GrantMatch> {
    struct Known<'a> {
        convention: &'a str,
        beneficiary: &'a str,
        siret: Option<&'a Siret>,
        name: String,
    }
    let mut known = Vec::new();
    for conv in conventions {
        let Some(funding) = conv.funding() else {
            continue;
        };
        for b in funding.beneficiaries() {
            let siret = b.siret().or_else(|| {
                b.party()
                    .and_then(|p| conv.party(p))
                    .and_then(|p| p.siret())
            });
            known.push(Known {
                convention: conv.id(),
                beneficiary: b.id(),
                siret,
                name: normalize(b.name()),
            });
        }
    }
    let mut matches = Vec::new();
    for (i, grant) in grants.iter().enumerate() {
        let siret = Siret::parse(&grant.id_beneficiaire).ok();
        let by_siret: Vec<&Known> = match &siret {
            Some(s) => known.iter().filter(|k| k.siret == Some(s)).collect(),
            None => Vec::new(),
        };
        let (found, by) = if !by_siret.is_empty() {
            (by_siret, MatchedBy::Siret)
        } else {
            let name = normalize(&grant.nom_beneficiaire);
            let same: Vec<&Known> = known
                .iter()
                .filter(|k| k.name == name && (k.siret.is_none() || siret.is_none()))
                .collect();
            (same, MatchedBy::Name)
        };
        if let [k] = found.as_slice() {
            matches.push(GrantMatch {
                grant: i,
                convention: k.convention.to_owned(),
                beneficiary: k.beneficiary.to_owned(),
                by,
            });
        }
    }
    matches
}
