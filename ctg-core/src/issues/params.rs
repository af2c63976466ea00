//! The parameters of an issue (`ctx`): typed data, rendered into messages by the catalogue.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::{Amount, Lang};

/// A word of the catalogue: a stable code and its French and English forms (a JSON type name, a
/// unit, a vocabulary label…). In `ctx` it is its code; in a message, its form in the language.
///
/// ```
/// use ctg_core::{Lang, Word};
/// let w = Word::OBJECT;
/// assert_eq!((w.code, w.text(Lang::Fr), w.text(Lang::En)), ("object", "un objet", "an object"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Word {
    /// Stable code (`"object"`).
    pub code: &'static str,
    /// French form (`"un objet"`).
    pub fr: &'static str,
    /// English form (`"an object"`).
    pub en: &'static str,
}

impl Word {
    /// The form in `lang`.
    ///
    /// ```
    /// use ctg_core::{Lang, Word};
    /// assert_eq!(Word::AMOUNT.text(Lang::Fr), "un montant");
    /// ```
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }

    const fn new(code: &'static str, fr: &'static str, en: &'static str) -> Word {
        Word { code, fr, en }
    }

    // What was expected or found (`field.type`, `value.nan`).
    /// Any JSON value (null, a boolean, a number, a text, a list, an object).
    pub const JSON_VALUE: Word = Word::new("json_value", "une valeur JSON", "a JSON value");
    /// An object.
    pub const OBJECT: Word = Word::new("object", "un objet", "an object");
    /// A list.
    pub const LIST: Word = Word::new("list", "une liste", "a list");
    /// A text.
    pub const TEXT: Word = Word::new("text", "un texte", "a text");
    /// A boolean.
    pub const BOOLEAN: Word = Word::new("boolean", "un booléen", "a boolean");
    /// A number.
    pub const NUMBER: Word = Word::new("number", "un nombre", "a number");
    /// `null`.
    pub const NULL: Word = Word::new("null", "null", "null");
    /// A date.
    pub const DATE: Word = Word::new("date", "une date", "a date");
    /// A date and time.
    pub const DATETIME: Word = Word::new("datetime", "une date avec heure", "a date and time");
    /// An amount of money.
    pub const AMOUNT: Word = Word::new("amount", "un montant", "an amount");
    /// A decimal value (indicators).
    pub const DECIMAL: Word = Word::new("decimal", "un nombre décimal", "a decimal number");
    /// A year.
    pub const YEAR: Word = Word::new("year", "une année", "a year");
    /// A positive integer.
    pub const INTEGER: Word = Word::new("integer", "un entier", "an integer");
    /// An identifier (INSEE code, SIREN…).
    pub const IDENTIFIER: Word = Word::new("identifier", "un identifiant", "an identifier");
    /// An object mapping years to values.
    pub const YEAR_MAP: Word = Word::new(
        "year_map",
        "un objet année → valeur",
        "an object year → value",
    );
    /// A period (object, or text `"2023-2025"`).
    pub const PERIOD: Word = Word::new(
        "period",
        "une période (objet ou « 2023-2025 »)",
        "a period (object or \"2023-2025\")",
    );

    // Units (`input.too_large`).
    /// Bytes.
    pub const BYTES: Word = Word::new("bytes", "octets", "bytes");
    /// Values of a host tree.
    pub const VALUES: Word = Word::new("values", "valeurs", "values");

    // What a total was compared with (`funding.total_mismatch`).
    /// The allocations of the period.
    pub const ALLOCATIONS: Word = Word::new(
        "allocations",
        "les allocations de la période",
        "the allocations of the period",
    );
    /// The declared yearly totals.
    pub const DECLARED_YEARLY: Word = Word::new(
        "declared_yearly",
        "les totaux annuels déclarés",
        "the declared yearly totals",
    );

    // Identifiers (`party.duplicate`).
    /// SIREN.
    pub const SIREN: Word = Word::new("siren", "SIREN", "SIREN");
    /// SIRET.
    pub const SIRET: Word = Word::new("siret", "SIRET", "SIRET");
    /// INSEE code.
    pub const INSEE: Word = Word::new("insee", "code INSEE", "INSEE code");

    // SIRET checksum rules.
    /// The Luhn checksum.
    pub const LUHN: Word = Word::new("luhn", "la clé de Luhn", "the Luhn checksum");
    /// La Poste's rule (sum of digits multiple of 5).
    pub const LA_POSTE: Word = Word::new(
        "la_poste",
        "la règle des établissements de La Poste (somme des chiffres multiple de 5)",
        "La Poste's rule (sum of digits a multiple of 5)",
    );

    // Why a change cannot apply (`change.cannot_apply`).
    /// What the change removes or replaces is not there.
    pub const NOT_THERE: Word = Word::new(
        "not_there",
        "n’est pas dans la convention",
        "is not in the convention",
    );
    /// What the change says was there is not what is there.
    pub const NOT_AS_BEFORE: Word = Word::new(
        "not_as_before",
        "n’est pas tel que le changement dit qu’il était",
        "is not as the change says it was",
    );
    /// What the change adds is there already.
    pub const ALREADY_THERE: Word = Word::new(
        "already_there",
        "est déjà dans la convention",
        "is already in the convention",
    );

    // The official geography (`geo.*`).
    /// Signed before the reference's geography came into force (`timing`).
    pub const SIGNED_BEFORE: Word = Word::new(
        "signed_before",
        "la convention a été signée avant l’entrée en vigueur de cette géographie : un changement postérieur à la signature peut l’expliquer",
        "the convention was signed before this geography came into force: a change after the signature may explain it",
    );
    /// No signature date (`timing`).
    pub const NOT_SIGNED: Word = Word::new(
        "not_signed",
        "la convention n’a pas de date de signature : un changement postérieur peut l’expliquer",
        "the convention has no signature date: a later change may explain it",
    );
    /// Signed after the year of the reference's geography (`timing`).
    pub const SIGNED_AFTER: Word = Word::new(
        "signed_after",
        "la convention a été signée après l’année de cette géographie : un changement plus récent que la référence peut l’expliquer",
        "the convention was signed after this geography's year: a change more recent than the reference may explain it",
    );
    /// A commune of the reference (`found`).
    pub const A_COMMUNE: Word = Word::new("commune", "une commune", "a commune");
    /// An EPCI of the reference (`found`).
    pub const AN_EPCI: Word = Word::new("epci", "un EPCI", "an EPCI");
    /// A municipal arrondissement (`found`).
    pub const AN_ARRONDISSEMENT: Word = Word::new(
        "arrondissement",
        "un arrondissement municipal",
        "a municipal arrondissement",
    );
    /// A delegated commune (`former_kind`).
    pub const DELEGATED: Word = Word::new("delegated", "commune déléguée", "delegated commune");
    /// An associated commune (`former_kind`).
    pub const ASSOCIATED: Word = Word::new("associated", "commune associée", "associated commune");
    /// A merged commune (`former_kind`).
    pub const MERGED: Word = Word::new("merged", "commune fusionnée", "merged commune");

    /// Hint of `siret.invalid` for `8,03E+13`.
    pub const SCIENTIFIC_NOTATION: Word = Word::new(
        "scientific_notation",
        " — on dirait un nombre qu’un tableur a écrit en notation scientifique : ses derniers chiffres sont perdus ; exportez la colonne en texte",
        " — it looks like a number a spreadsheet wrote in scientific notation: its last digits are lost; export the column as text",
    );

    // JSON syntax errors (`json.syntax`).
    /// A value was expected.
    pub const EXPECTED_VALUE: Word =
        Word::new("expected_value", "valeur attendue", "a value was expected");
    /// The text ends too early.
    pub const UNEXPECTED_END: Word = Word::new(
        "unexpected_end",
        "le texte s’arrête trop tôt",
        "the text ends too early",
    );
    /// A character that has no place there.
    pub const UNEXPECTED_CHARACTER: Word = Word::new(
        "unexpected_character",
        "caractère inattendu",
        "unexpected character",
    );
    /// Text after the document.
    pub const TRAILING_CHARACTERS: Word = Word::new(
        "trailing_characters",
        "texte après la fin du document",
        "text after the end of the document",
    );
    /// Not UTF-8.
    pub const INVALID_UTF8: Word = Word::new(
        "invalid_utf8",
        "octets qui ne sont pas de l’UTF-8",
        "bytes that are not UTF-8",
    );
    /// A control character inside a string.
    pub const CONTROL_CHARACTER: Word = Word::new(
        "control_character",
        "caractère de contrôle dans un texte (échappez-le)",
        "control character inside a string (escape it)",
    );
    /// A bad escape sequence.
    pub const INVALID_ESCAPE: Word = Word::new(
        "invalid_escape",
        "séquence d’échappement invalide",
        "invalid escape sequence",
    );
    /// A malformed number.
    pub const INVALID_NUMBER: Word =
        Word::new("invalid_number", "nombre mal formé", "malformed number");
    /// A key was expected.
    pub const EXPECTED_KEY: Word = Word::new(
        "expected_key",
        "clé entre guillemets attendue",
        "a key in double quotes was expected",
    );
    /// `:` was expected.
    pub const EXPECTED_COLON: Word = Word::new("expected_colon", "« : » attendu", "\":\" expected");
    /// `,` or the end of the container was expected.
    pub const EXPECTED_COMMA: Word = Word::new(
        "expected_comma",
        "« , » ou fin de liste/objet attendu",
        "\",\" or the end of the list/object expected",
    );
    /// Text that is not JSON but looks like a file name.
    pub const LOOKS_LIKE_A_PATH: Word = Word::new(
        "looks_like_a_path",
        "ce texte ressemble à un nom de fichier, pas à du JSON : lisez le fichier (ou passez un chemin)",
        "this text looks like a file name, not JSON: read the file (or pass a path)",
    );
    /// Empty input.
    pub const EMPTY_INPUT: Word = Word::new("empty_input", "entrée vide", "empty input");
}

/// One parameter value of an issue.
///
/// ```
/// use ctg_core::{Lang, Param};
/// let p = Param::from("241801.00".parse::<ctg_core::Amount>().unwrap());
/// assert_eq!(p.render(Lang::Fr), "241\u{202f}801\u{a0}€");
/// assert_eq!(p.render(Lang::En), "€241,801.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Param {
    /// A text, shown as is (values as written are shortened to 64 characters).
    Text(String),
    /// An integer (a year, a count, an index).
    Int(i64),
    /// An amount: `"241801.00"` in `ctx`, French or English writing in messages.
    Amount(Amount),
    /// A decimal number: its canonical text in `ctx`, with a decimal comma in French messages.
    Decimal(Decimal),
    /// A date: `"2024-01-16"`.
    Date(NaiveDate),
    /// A list of texts, joined with `", "` in messages.
    List(Vec<String>),
    /// A word of the catalogue: its code in `ctx`, its form in messages.
    Word(Word),
}

impl Param {
    /// The parameter as shown in a message in `lang`.
    ///
    /// ```
    /// use ctg_core::{Lang, Param};
    /// assert_eq!(Param::from(vec!["2".to_string(), "5".to_string()]).render(Lang::En), "2, 5");
    /// assert_eq!(Param::from(ctg_core::Decimal::new(125, 1)).render(Lang::Fr), "12,5");
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Param::Text(s) => s.clone(),
            Param::Int(i) => i.to_string(),
            Param::Amount(a) => a.format(lang),
            Param::Decimal(d) => match lang {
                Lang::Fr => d.to_string().replace('.', ","),
                Lang::En => d.to_string(),
            },
            Param::Date(d) => d.to_string(),
            Param::List(items) => items.join(", "),
            Param::Word(w) => w.text(lang).to_owned(),
        }
    }
}

impl Serialize for Param {
    /// The data form: texts, words (their code), amounts, decimals and dates as strings, integers
    /// as numbers, lists as arrays.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Text(s) => serializer.serialize_str(s),
            Param::Int(i) => serializer.serialize_i64(*i),
            Param::Amount(a) => serializer.collect_str(a),
            Param::Decimal(d) => serializer.collect_str(d),
            Param::Date(d) => serializer.collect_str(d),
            Param::List(items) => items.serialize(serializer),
            Param::Word(w) => serializer.serialize_str(w.code),
        }
    }
}

impl From<&str> for Param {
    fn from(s: &str) -> Param {
        Param::Text(s.to_owned())
    }
}

impl From<String> for Param {
    fn from(s: String) -> Param {
        Param::Text(s)
    }
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl From<$t> for Param {
            fn from(i: $t) -> Param {
                Param::Int(i64::try_from(i).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_param!(i32, i64, u32, u64, usize);

impl From<Amount> for Param {
    fn from(a: Amount) -> Param {
        Param::Amount(a)
    }
}

impl From<Decimal> for Param {
    fn from(d: Decimal) -> Param {
        Param::Decimal(d)
    }
}

impl From<NaiveDate> for Param {
    fn from(d: NaiveDate) -> Param {
        Param::Date(d)
    }
}

impl From<Vec<String>> for Param {
    fn from(items: Vec<String>) -> Param {
        Param::List(items)
    }
}

impl From<Word> for Param {
    fn from(w: Word) -> Param {
        Param::Word(w)
    }
}

/// The parameters of an issue, in order: what pydantic calls `ctx`. Names are stable and listed
/// with each code in the catalogue ([`IssueCode`](crate::IssueCode)).
///
/// ```
/// use ctg_core::{Params, Param};
/// let params = Params::new().with("year", 2024).with("id", "caf-81");
/// assert_eq!(params.get("year"), Some(&Param::Int(2024)));
/// assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"year":2024,"id":"caf-81"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, Param)>);

impl Params {
    /// No parameter.
    ///
    /// ```
    /// assert!(ctg_core::Params::new().is_empty());
    /// ```
    pub fn new() -> Params {
        Params(Vec::new())
    }

    /// These parameters and one more (replacing a parameter of the same name).
    ///
    /// ```
    /// let p = ctg_core::Params::new().with("n", 1).with("n", 2);
    /// assert_eq!(p.len(), 1);
    /// assert_eq!(p.get("n"), Some(&ctg_core::Param::Int(2)));
    /// ```
    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Params {
        self.set(name, value.into());
        self
    }

    /// Sets a parameter (replacing one of the same name).
    ///
    /// ```
    /// let mut p = ctg_core::Params::new();
    /// p.set("id", "albine".into());
    /// assert!(p.get("id").is_some());
    /// ```
    pub fn set(&mut self, name: &'static str, value: Param) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// The parameter with this name.
    ///
    /// ```
    /// let p = ctg_core::Params::new().with("id", "x");
    /// assert!(p.get("id").is_some() && p.get("other").is_none());
    /// ```
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, p)| p)
    }

    /// Every parameter, in order.
    ///
    /// ```
    /// let p = ctg_core::Params::new().with("a", 1).with("b", 2);
    /// let names: Vec<&str> = p.iter().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Param)> {
        self.0.iter().map(|(n, p)| (*n, p))
    }

    /// How many parameters there are.
    ///
    /// ```
    /// assert_eq!(ctg_core::Params::new().with("a", 1).len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is none.
    ///
    /// ```
    /// assert!(ctg_core::Params::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Renders a template: each `{name}` becomes the parameter's form in `lang` (an unknown name
    /// renders as nothing, so that optional parameters such as `hint` can be left out).
    ///
    /// ```
    /// use ctg_core::{Lang, Params};
    /// let p = Params::new().with("year", 2024);
    /// assert_eq!(p.render("année {year}{hint}", Lang::Fr), "année 2024");
    /// ```
    pub fn render(&self, template: &str, lang: Lang) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let (before, after) = rest.split_at(open);
            out.push_str(before);
            let after = after.get(1..).unwrap_or("");
            match after.find('}') {
                Some(close) => {
                    let name = after.get(..close).unwrap_or("");
                    if let Some(param) = self.get(name) {
                        out.push_str(&param.render(lang));
                    }
                    rest = after.get(close + 1..).unwrap_or("");
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, param) in &self.0 {
            map.serialize_entry(name, param)?;
        }
        map.end()
    }
}
