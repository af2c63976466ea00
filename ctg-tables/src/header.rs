//! Headers: which row is the header, what each column is (French or English names, accents,
//! case, spaces and punctuation tolerated), and which table the sheet holds.

use ctg_core::render::Label;
use ctg_core::{Issue, IssueCode, Lang, Params, Path, Word};

use crate::cell::{Cell, CellRef};
use crate::grid::Sheet;

/// How many rows from the top are searched for the header.
pub(crate) const HEADER_SEARCH_ROWS: usize = 30;

/// The tables ctg reads and writes.
///
/// ```
/// use ctg_tables::Shape;
/// assert_eq!(Shape::FundingWide.code(), "funding_wide");
/// assert_eq!("long".parse::<Shape>().unwrap(), Shape::FundingLong);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// A funding table, one row per beneficiary (and facility), one column per year, with a total
    /// column and a total row: the shape of the seed texts and of most Caf spreadsheets.
    FundingWide,
    /// A funding table, one row per allocation and year (`Année`, `Montant` columns).
    FundingLong,
    /// An action plan, one row per action sheet.
    ActionPlan,
    /// The parties, one row per party.
    Parties,
}

impl Shape {
    /// Every shape, in the order a header is tried against them.
    ///
    /// ```
    /// assert_eq!(ctg_tables::Shape::ALL.len(), 4);
    /// ```
    pub const ALL: [Shape; 4] = [
        Shape::FundingLong,
        Shape::FundingWide,
        Shape::ActionPlan,
        Shape::Parties,
    ];

    /// A stable code.
    ///
    /// ```
    /// assert_eq!(ctg_tables::Shape::ActionPlan.code(), "action_plan");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Shape::FundingWide => "funding_wide",
            Shape::FundingLong => "funding_long",
            Shape::ActionPlan => "action_plan",
            Shape::Parties => "parties",
        }
    }

    /// The section of the document the table fills.
    ///
    /// ```
    /// assert_eq!(ctg_tables::Shape::FundingLong.section(), "funding");
    /// ```
    pub fn section(self) -> &'static str {
        match self {
            Shape::FundingWide | Shape::FundingLong => "funding",
            Shape::ActionPlan => "action_sheets",
            Shape::Parties => "parties",
        }
    }

    /// The columns that make a header of this shape recognisable, for messages.
    fn expected(self) -> Vec<String> {
        let fields: &[Field] = match self {
            Shape::FundingWide => &[Field::Beneficiary, Field::Year, Field::Total],
            Shape::FundingLong => &[Field::Beneficiary, Field::Year, Field::Amount],
            Shape::ActionPlan => &[Field::Number, Field::Title],
            Shape::Parties => &[Field::Name, Field::Kind],
        };
        fields
            .iter()
            .map(|f| f.label().text(Lang::Fr).to_owned())
            .collect()
    }
}

impl std::str::FromStr for Shape {
    type Err = ctg_core::ParseError;

    /// Reads a shape's code, or `wide`, `long`, `action-plan`.
    fn from_str(s: &str) -> Result<Shape, ctg_core::ParseError> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "funding_wide" | "wide" => Ok(Shape::FundingWide),
            "funding_long" | "long" => Ok(Shape::FundingLong),
            "action_plan" | "actions" | "plan" => Ok(Shape::ActionPlan),
            "parties" => Ok(Shape::Parties),
            _ => Err(ctg_core::ParseError::new(
                IssueCode::ValueUnknown,
                Params::new()
                    .with("value", s.to_owned())
                    .with("accepted", "wide, long, action_plan, parties"),
            )),
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Field {
    Id,
    Beneficiary,
    Siret,
    Party,
    FacilityKind,
    Domain,
    Label,
    /// A year's amounts (wide funding): the column's year as written.
    YearColumn(i32),
    Year,
    Amount,
    Total,
    Number,
    Title,
    Domains,
    Objectives,
    Lead,
    Partners,
    TargetPublic,
    Communes,
    Start,
    End,
    Status,
    Budget,
    Indicators,
    Name,
    Kind,
    Role,
    Insee,
    Siren,
    Departement,
    Members,
    DeliberationDate,
    Aliases,
}

impl Field {
    pub(crate) fn label(self) -> Label {
        match self {
            Field::Id => Label::Identifier,
            Field::Beneficiary => Label::Beneficiary,
            Field::Siret => Label::Siret,
            Field::Party => Label::Party,
            Field::FacilityKind => Label::FacilityKind,
            Field::Domain => Label::Domain,
            Field::Label => Label::Label,
            Field::YearColumn(_) | Field::Year => Label::Year,
            Field::Amount => Label::Amount,
            Field::Total => Label::Total,
            Field::Number => Label::Number,
            Field::Title => Label::Title,
            Field::Domains => Label::Domains,
            Field::Objectives => Label::ObjectiveIds,
            Field::Lead => Label::Lead,
            Field::Partners => Label::Partners,
            Field::TargetPublic => Label::TargetPublic,
            Field::Communes => Label::Communes,
            Field::Start => Label::Start,
            Field::End => Label::End,
            Field::Status => Label::Status,
            Field::Budget => Label::Budget,
            Field::Indicators => Label::Indicators,
            Field::Name => Label::Name,
            Field::Kind => Label::Kind,
            Field::Role => Label::Role,
            Field::Insee => Label::Insee,
            Field::Siren => Label::Siren,
            Field::Departement => Label::Departement,
            Field::Members => Label::Members,
            Field::DeliberationDate => Label::DeliberationDate,
            Field::Aliases => Label::Aliases,
        }
    }

    /// The field as a word of messages (its column header in each language).
    pub(crate) fn word(self) -> Word {
        label_word(self.label())
    }
}

/// A label as a word of messages.
pub(crate) fn label_word(label: Label) -> Word {
    Word {
        code: label.code(),
        fr: label.text(Lang::Fr),
        en: label.text(Lang::En),
    }
}

/// The key a header or a name is compared by: lower case, without accents, every run of other
/// characters than letters and digits one space (`"Type d’équipement"` → `"type d equipement"`).
///
/// ```
/// assert_eq!(ctg_tables::normalize("  Type d’Équipement (€) "), "type d equipement");
/// assert_eq!(ctg_tables::normalize("N°"), "n");
/// assert_eq!(ctg_tables::normalize("Œuvre"), "oeuvre");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'º' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            _ => "",
        };
        if !folded.is_empty() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(folded);
        } else if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

const FUNDING_COMMON: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("identifiant", Field::Id),
    ("id beneficiaire", Field::Id),
    ("identifiant beneficiaire", Field::Id),
    ("identifiant du beneficiaire", Field::Id),
    ("beneficiary id", Field::Id),
    ("beneficiaire", Field::Beneficiary),
    ("beneficiaires", Field::Beneficiary),
    ("beneficiary", Field::Beneficiary),
    ("nom", Field::Beneficiary),
    ("nom du beneficiaire", Field::Beneficiary),
    ("beneficiary name", Field::Beneficiary),
    ("gestionnaire", Field::Beneficiary),
    ("structure", Field::Beneficiary),
    ("operateur", Field::Beneficiary),
    ("operator", Field::Beneficiary),
    ("siret", Field::Siret),
    ("n siret", Field::Siret),
    ("no siret", Field::Siret),
    ("numero siret", Field::Siret),
    ("siret beneficiaire", Field::Siret),
    ("siret du beneficiaire", Field::Siret),
    ("partie", Field::Party),
    ("party", Field::Party),
    ("equipement", Field::FacilityKind),
    ("type d equipement", Field::FacilityKind),
    ("type equipement", Field::FacilityKind),
    ("type de structure", Field::FacilityKind),
    ("type d accueil", Field::FacilityKind),
    ("type", Field::FacilityKind),
    ("facility kind", Field::FacilityKind),
    ("facility", Field::FacilityKind),
    ("kind", Field::FacilityKind),
    ("domaine", Field::Domain),
    ("domain", Field::Domain),
    ("thematique", Field::Domain),
    ("champ", Field::Domain),
    ("champ d intervention", Field::Domain),
    ("libelle", Field::Label),
    ("label", Field::Label),
    ("objet", Field::Label),
    ("description", Field::Label),
    ("commentaire", Field::Label),
];

const FUNDING_LONG: &[(&str, Field)] = &[
    ("annee", Field::Year),
    ("year", Field::Year),
    ("exercice", Field::Year),
    ("montant", Field::Amount),
    ("amount", Field::Amount),
    ("montant eur", Field::Amount),
    ("montant en euros", Field::Amount),
    ("somme", Field::Amount),
    ("financement", Field::Amount),
    ("subvention", Field::Amount),
];

const ACTION_PLAN: &[(&str, Field)] = &[
    ("n", Field::Number),
    ("no", Field::Number),
    ("numero", Field::Number),
    ("n fiche", Field::Number),
    ("n de fiche", Field::Number),
    ("numero de fiche", Field::Number),
    ("fiche", Field::Number),
    ("fiche n", Field::Number),
    ("number", Field::Number),
    ("sheet", Field::Number),
    ("titre", Field::Title),
    ("intitule", Field::Title),
    ("title", Field::Title),
    ("action", Field::Title),
    ("fiche action", Field::Title),
    ("intitule de l action", Field::Title),
    ("libelle", Field::Title),
    ("objet", Field::Title),
    ("domaines", Field::Domains),
    ("domaine", Field::Domains),
    ("thematique", Field::Domains),
    ("thematiques", Field::Domains),
    ("domains", Field::Domains),
    ("domain", Field::Domains),
    ("objectifs", Field::Objectives),
    ("objectif", Field::Objectives),
    ("objectifs strategiques", Field::Objectives),
    ("objectif strategique", Field::Objectives),
    ("objectives", Field::Objectives),
    ("objective", Field::Objectives),
    ("pilote", Field::Lead),
    ("porteur", Field::Lead),
    ("lead", Field::Lead),
    ("responsable", Field::Lead),
    ("chef de file", Field::Lead),
    ("partenaires", Field::Partners),
    ("partenaire", Field::Partners),
    ("partners", Field::Partners),
    ("acteurs", Field::Partners),
    ("public", Field::TargetPublic),
    ("public cible", Field::TargetPublic),
    ("publics", Field::TargetPublic),
    ("public vise", Field::TargetPublic),
    ("target public", Field::TargetPublic),
    ("communes", Field::Communes),
    ("communes concernees", Field::Communes),
    ("debut", Field::Start),
    ("date de debut", Field::Start),
    ("start", Field::Start),
    ("start date", Field::Start),
    ("fin", Field::End),
    ("date de fin", Field::End),
    ("end", Field::End),
    ("end date", Field::End),
    ("echeance", Field::End),
    ("statut", Field::Status),
    ("etat", Field::Status),
    ("status", Field::Status),
    ("avancement", Field::Status),
    ("budget", Field::Budget),
    ("cout", Field::Budget),
    ("montant", Field::Budget),
    ("budget previsionnel", Field::Budget),
    ("indicateurs", Field::Indicators),
    ("indicateur", Field::Indicators),
    ("indicators", Field::Indicators),
    ("indicateurs d evaluation", Field::Indicators),
];

const PARTIES: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("identifiant", Field::Id),
    ("nom", Field::Name),
    ("name", Field::Name),
    ("partie", Field::Name),
    ("signataire", Field::Name),
    ("collectivite", Field::Name),
    ("denomination", Field::Name),
    ("raison sociale", Field::Name),
    ("type", Field::Kind),
    ("kind", Field::Kind),
    ("nature", Field::Kind),
    ("categorie", Field::Kind),
    ("type de partie", Field::Kind),
    ("role", Field::Role),
    ("qualite", Field::Role),
    ("insee", Field::Insee),
    ("code insee", Field::Insee),
    ("insee code", Field::Insee),
    ("code commune", Field::Insee),
    ("cog", Field::Insee),
    ("siren", Field::Siren),
    ("n siren", Field::Siren),
    ("numero siren", Field::Siren),
    ("siret", Field::Siret),
    ("n siret", Field::Siret),
    ("numero siret", Field::Siret),
    ("departement", Field::Departement),
    ("code departement", Field::Departement),
    ("dept", Field::Departement),
    ("membres", Field::Members),
    ("communes membres", Field::Members),
    ("members", Field::Members),
    ("member communes", Field::Members),
    ("date de deliberation", Field::DeliberationDate),
    ("deliberation", Field::DeliberationDate),
    ("date deliberation", Field::DeliberationDate),
    ("deliberation date", Field::DeliberationDate),
    ("autres noms", Field::Aliases),
    ("alias", Field::Aliases),
    ("aliases", Field::Aliases),
    ("other names", Field::Aliases),
];

/// A header naming a year: `2023`, `Année 2023`, `Montant 2023 (€)`, `2023 en euros`.
fn year_header(key: &str) -> Option<i32> {
    let mut words: Vec<&str> = key.split(' ').collect();
    words.retain(|w| {
        !matches!(
            *w,
            "annee"
                | "year"
                | "montant"
                | "amount"
                | "exercice"
                | "budget"
                | "financement"
                | "en"
                | "eur"
                | "euro"
                | "euros"
        )
    });
    match words.as_slice() {
        [year] if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => year
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2199).contains(y)),
        _ => None,
    }
}

fn is_total_key(key: &str) -> bool {
    key == "total" || key.starts_with("total ") || key == "cumul" || key == "soit au total"
}

/// What a header cell names in a table of `shape`.
pub(crate) fn field_of(shape: Shape, text: &str) -> Option<Field> {
    let key = normalize(text);
    if key.is_empty() {
        return None;
    }
    let find = |table: &[(&str, Field)]| {
        table
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, field)| *field)
    };
    match shape {
        Shape::FundingWide => {
            if is_total_key(&key) {
                return Some(Field::Total);
            }
            year_header(&key)
                .map(Field::YearColumn)
                .or_else(|| find(FUNDING_COMMON))
        }
        Shape::FundingLong => find(FUNDING_LONG).or_else(|| find(FUNDING_COMMON)),
        Shape::ActionPlan => find(ACTION_PLAN),
        Shape::Parties => find(PARTIES),
    }
}

/// A header found: its row (0-based), the shape it makes, and each column's field.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub(crate) row: usize,
    pub(crate) shape: Shape,
    pub(crate) columns: Vec<(usize, Field)>,
}

impl Header {
    /// The column of a field, if the header has it.
    pub(crate) fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, f)| *f == field)
            .map(|(c, _)| *c)
    }

    /// The year columns, in the sheet's order.
    pub(crate) fn years(&self) -> Vec<(usize, i32)> {
        self.columns
            .iter()
            .filter_map(|(c, f)| match f {
                Field::YearColumn(y) => Some((*c, *y)),
                _ => None,
            })
            .collect()
    }
}

fn header_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Cell::Int(i) => Some(i.to_string()),
        Cell::Float(f) if f.fract() == 0.0 && f.abs() < 1e6 => Some(crate::cell::shortest(*f)),
        _ => None,
    }
}

fn recognised(shape: Shape, fields: &[Field]) -> bool {
    let has = |f: Field| fields.contains(&f);
    match shape {
        Shape::FundingWide => {
            has(Field::Beneficiary) && fields.iter().any(|f| matches!(f, Field::YearColumn(_)))
        }
        Shape::FundingLong => has(Field::Beneficiary) && has(Field::Year) && has(Field::Amount),
        Shape::ActionPlan => {
            has(Field::Title)
                && [Field::Number, Field::Lead, Field::Domains, Field::Status]
                    .iter()
                    .any(|f| has(*f))
        }
        Shape::Parties => {
            has(Field::Name)
                && [Field::Kind, Field::Role, Field::Insee, Field::Siren]
                    .iter()
                    .any(|f| has(*f))
        }
    }
}

/// Finds the header of a sheet among its first rows: the first row that makes a table of one of
/// `shapes`. Reports the rows above it (titles), its unknown and duplicate columns.
pub(crate) fn find_header(
    sheet: &Sheet,
    shapes: &[Shape],
    issues: &mut Vec<Issue>,
) -> Option<Header> {
    for (r, row) in sheet.rows().iter().enumerate().take(HEADER_SEARCH_ROWS) {
        for &shape in shapes {
            let fields: Vec<Field> = row
                .iter()
                .filter_map(|c| header_text(c).and_then(|t| field_of(shape, &t)))
                .collect();
            if recognised(shape, &fields) {
                return Some(read_header(sheet, r, shape, issues));
            }
        }
    }
    None
}

fn read_header(sheet: &Sheet, r: usize, shape: Shape, issues: &mut Vec<Issue>) -> Header {
    let name = sheet.name();
    let row_number = crate::text::row_number(r);
    let titles: Vec<String> = sheet
        .rows()
        .iter()
        .take(r)
        .flat_map(|row| row.iter().filter(|c| !c.is_empty()).map(Cell::text))
        .collect();
    if !titles.is_empty() {
        let count = sheet
            .rows()
            .iter()
            .take(r)
            .filter(|row| row.iter().any(|c| !c.is_empty()))
            .count();
        issues.push(
            CellRef::row(name, row_number).issue(
                IssueCode::TableTitleRows,
                Path::root(),
                Params::new()
                    .with("count", count)
                    .with("text", crate::values::shorten(&titles.join(" / "))),
            ),
        );
    }
    let mut columns: Vec<(usize, Field)> = Vec::new();
    let empty = Vec::new();
    let row = sheet.rows().get(r).unwrap_or(&empty);
    for (c, cell) in row.iter().enumerate() {
        let Some(text) = header_text(cell) else {
            if !cell.is_empty() {
                issues.push(unknown(name, row_number, c, &cell.text(), shape));
            }
            continue;
        };
        match field_of(shape, &text) {
            Some(field) => match columns.iter().find(|(_, f)| *f == field) {
                Some((first, _)) => issues.push(
                    CellRef::cell(name, row_number, crate::text::column_index(c)).issue(
                        IssueCode::TableHeaderDuplicate,
                        Path::root(),
                        Params::new()
                            .with("text", crate::values::shorten(&text))
                            .with("field", field.word())
                            .with(
                                "first",
                                crate::cell::column_letter(crate::text::column_index(*first)),
                            ),
                    ),
                ),
                None => columns.push((c, field)),
            },
            None => issues.push(unknown(name, row_number, c, &text, shape)),
        }
    }
    Header {
        row: r,
        shape,
        columns,
    }
}

fn known(shape: Shape) -> String {
    let fields: &[Field] = match shape {
        Shape::FundingWide => &[
            Field::Id,
            Field::Beneficiary,
            Field::Siret,
            Field::Party,
            Field::FacilityKind,
            Field::Domain,
            Field::Label,
            Field::Year,
            Field::Total,
        ],
        Shape::FundingLong => &[
            Field::Id,
            Field::Beneficiary,
            Field::Siret,
            Field::Party,
            Field::FacilityKind,
            Field::Domain,
            Field::Label,
            Field::Year,
            Field::Amount,
        ],
        Shape::ActionPlan => &[
            Field::Number,
            Field::Title,
            Field::Domains,
            Field::Objectives,
            Field::Lead,
            Field::Partners,
            Field::TargetPublic,
            Field::Communes,
            Field::Start,
            Field::End,
            Field::Status,
            Field::Budget,
            Field::Indicators,
        ],
        Shape::Parties => &[
            Field::Id,
            Field::Name,
            Field::Kind,
            Field::Role,
            Field::Insee,
            Field::Siren,
            Field::Siret,
            Field::Departement,
            Field::Members,
            Field::DeliberationDate,
            Field::Aliases,
        ],
    };
    fields
        .iter()
        .map(|f| f.label().text(Lang::Fr))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown(sheet: &str, row: u32, column: usize, text: &str, shape: Shape) -> Issue {
    CellRef::cell(sheet, row, crate::text::column_index(column)).issue(
        IssueCode::TableHeaderUnknown,
        Path::root(),
        Params::new()
            .with("text", crate::values::shorten(text))
            .with("known", known(shape)),
    )
}

/// The `table.no_header` issue of a sheet where no header of `shapes` was found.
pub(crate) fn no_header(sheet: &str, shapes: &[Shape]) -> Issue {
    let mut expected: Vec<String> = Vec::new();
    for shape in shapes {
        for name in shape.expected() {
            if !expected.contains(&name) {
                expected.push(name);
            }
        }
    }
    CellRef::sheet(sheet).issue(
        IssueCode::TableNoHeader,
        Path::root(),
        Params::new()
            .with("rows", HEADER_SEARCH_ROWS)
            .with("expected", expected),
    )
}

/// Whether a row's first text marks it as the total row (`Total`, `TOTAL GÉNÉRAL`, `Soit au
/// total`).
pub(crate) fn is_total_row(text: &str) -> bool {
    let key = normalize(text);
    is_total_key(&key) || key == "ensemble" || key.starts_with("soit ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_header_reads_back() {
        for lang in [Lang::Fr, Lang::En] {
            for (shape, fields) in [
                (
                    Shape::FundingWide,
                    vec![
                        Field::Id,
                        Field::Beneficiary,
                        Field::Siret,
                        Field::Party,
                        Field::FacilityKind,
                        Field::Domain,
                        Field::Label,
                        Field::Total,
                    ],
                ),
                (
                    Shape::FundingLong,
                    vec![Field::Beneficiary, Field::Year, Field::Amount, Field::Label],
                ),
                (
                    Shape::ActionPlan,
                    vec![
                        Field::Number,
                        Field::Title,
                        Field::Domains,
                        Field::Objectives,
                        Field::Lead,
                        Field::Partners,
                        Field::TargetPublic,
                        Field::Communes,
                        Field::Start,
                        Field::End,
                        Field::Status,
                        Field::Budget,
                        Field::Indicators,
                    ],
                ),
                (
                    Shape::Parties,
                    vec![
                        Field::Id,
                        Field::Name,
                        Field::Kind,
                        Field::Role,
                        Field::Insee,
                        Field::Siren,
                        Field::Siret,
                        Field::Departement,
                        Field::Members,
                        Field::DeliberationDate,
                        Field::Aliases,
                    ],
                ),
            ] {
                for field in fields {
                    let text = field.label().text(lang);
                    assert_eq!(field_of(shape, text), Some(field), "{shape:?} {text}");
                }
            }
        }
    }

    #[test]
    fn year_headers() {
        assert_eq!(
            field_of(Shape::FundingWide, "2023"),
            Some(Field::YearColumn(2023))
        );
        assert_eq!(
            field_of(Shape::FundingWide, "Année 2024 (€)"),
            Some(Field::YearColumn(2024))
        );
        assert_eq!(
            field_of(Shape::FundingWide, "Montant 2025 en euros"),
            Some(Field::YearColumn(2025))
        );
        assert_eq!(
            field_of(Shape::FundingWide, "TOTAL 2023-2025"),
            Some(Field::Total)
        );
        assert_eq!(field_of(Shape::FundingWide, "12345"), None);
        assert!(is_total_row("TOTAL GÉNÉRAL"));
        assert!(is_total_row("Soit au total"));
        assert!(!is_total_row("Totalement autre"));
    }
}
