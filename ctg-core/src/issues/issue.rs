//! One problem found in a document or a value.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::{IssueCode, Lang, Param, Params, ParseError, Path, Severity};

/// One problem: a stable code, its severity, the path to the field and the parameters of the
/// problem as data (`ctx`). Its message, in French or English, is rendered from the catalogue.
///
/// Issues found inside a list item that has an id or a name (a party, a beneficiary, an action
/// sheet…) also carry `item_id` and `item_name` in their parameters, so that a path such as
/// `parties[17].siren` says *which* party without counting.
///
/// ```
/// use ctg_core::{Lang, Param, Severity};
/// let mut doc = ctg_core::Convention::sample().to_value();
/// doc["parties"][5]["siren"] = "218100056".into(); // Albine's SIREN, one digit off
/// let report = ctg_core::validate_value(&doc).into_report();
/// let issue = &report.issues()[0];
/// assert_eq!(issue.code.as_str(), "siren.checksum");
/// assert_eq!(issue.severity, Severity::Error);
/// assert_eq!(issue.path.to_string(), "parties[5].siren");
/// assert_eq!(issue.params.get("item_name"), Some(&Param::Text("Albine".into())));
/// assert_eq!(issue.message(Lang::En), "invalid SIREN: the Luhn check digit of \"218100056\" is wrong");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Issue {
    /// Stable code (`"funding.year_total_mismatch"`).
    pub code: IssueCode,
    /// Error, warning or information (always the code's severity).
    pub severity: Severity,
    /// Where the problem is.
    pub path: Path,
    /// The problem's data (`ctx`), as named in the catalogue.
    pub params: Params,
}

impl Issue {
    /// An issue with the code's severity.
    ///
    /// ```
    /// use ctg_core::{Issue, IssueCode, Lang, Params, Path, Severity};
    /// let issue = Issue::new(IssueCode::FieldUnknown, Path::root().key("colour"),
    ///     Params::new().with("field", "colour").with("known", "id, title"));
    /// assert_eq!(issue.severity, Severity::Warning); // the severity of `field.unknown`
    /// assert_eq!(issue.message(Lang::En), "unknown field \"colour\", ignored (known fields: id, title)");
    /// ```
    pub fn new(code: IssueCode, path: Path, params: Params) -> Issue {
        Issue {
            code,
            severity: code.severity(),
            path,
            params,
        }
    }

    /// The issue of a value's [`ParseError`] at `path`.
    ///
    /// ```
    /// use ctg_core::{Amount, Issue, Path};
    /// let err = "-3 €".parse::<Amount>().unwrap_err();
    /// let issue = Issue::from_error(Path::root().key("budget"), err);
    /// assert_eq!(issue.code.as_str(), "amount.negative");
    /// assert_eq!(issue.path.to_string(), "budget");
    /// ```
    pub fn from_error(path: Path, error: ParseError) -> Issue {
        let code = error.code();
        Issue::new(code, path, error.into_params())
    }

    /// The message in `lang`, rendered from the catalogue's template and the parameters.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let report = ctg_core::validate_str("[]").into_report();
    /// let issue = &report.issues()[0];
    /// assert_eq!(issue.message(Lang::En), "wrong type: expected an object, found a list");
    /// assert_eq!(issue.message(Lang::Fr), "type incorrect : un objet attendu, une liste trouvé");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        self.params.render(self.code.template(lang), lang)
    }

    /// Whether this issue is an error (the document is then invalid).
    ///
    /// ```
    /// let report = ctg_core::validate_str(r#"{"format_version": 1, "colour": "bleu"}"#).into_report();
    /// let unknown = report.issues().iter().find(|i| i.path.to_string() == "colour").unwrap();
    /// assert!(!unknown.is_error()); // an unknown field is only a warning…
    /// let title = report.issues().iter().find(|i| i.path.to_string() == "title").unwrap();
    /// assert!(title.is_error()); // …a missing title is an error
    /// ```
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The id and name of the list item the issue is in, when it has them, for display:
    /// `"albine (Albine)"`, `"fiche 3"`.
    ///
    /// ```
    /// let mut doc = ctg_core::Convention::sample().to_value();
    /// doc["parties"][5]["insee"] = "8100".into();
    /// let report = ctg_core::validate_value(&doc).into_report();
    /// assert_eq!(report.issues()[0].item().as_deref(), Some("albine (Albine)"));
    /// ```
    pub fn item(&self) -> Option<String> {
        let text = |name| match self.params.get(name) {
            Some(Param::Text(s)) => Some(s.as_str()),
            _ => None,
        };
        match (text("item_id"), text("item_name")) {
            (Some(id), Some(name)) if id != name => Some(format!("{id} ({name})")),
            (Some(id), _) => Some(id.to_owned()),
            (None, Some(name)) => Some(name.to_owned()),
            (None, None) => None,
        }
    }

    /// Where the issue is in a spreadsheet, when it was found in one (its `sheet`, `row` and
    /// `column` parameters, as `ctg-tables` sets them), in spreadsheet notation: a cell
    /// `Financement!C7`, a whole row `Financement!7:7`, a sheet `Financement`. A sheet name with
    /// other characters than letters, digits and `_` is quoted as spreadsheets do
    /// (`'Plan d''actions'!B3`).
    ///
    /// ```
    /// use ctg_core::{Issue, IssueCode, Params, Path};
    /// let at = |params: Params| Issue::new(IssueCode::TableCellMissing, Path::root(), params).cell();
    /// let cell = Params::new().with("sheet", "Financement").with("row", 7).with("column", "C");
    /// assert_eq!(at(cell).as_deref(), Some("Financement!C7"));
    /// let row = Params::new().with("sheet", "Plan d'actions").with("row", 3);
    /// assert_eq!(at(row).as_deref(), Some("'Plan d''actions'!3:3"));
    /// assert_eq!(at(Params::new()), None);
    /// ```
    pub fn cell(&self) -> Option<String> {
        let sheet = match self.params.get("sheet") {
            Some(Param::Text(s)) => s,
            _ => return None,
        };
        let plain = !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
        let mut out = if plain {
            sheet.clone()
        } else {
            format!("'{}'", sheet.replace('\'', "''"))
        };
        match (self.params.get("row"), self.params.get("column")) {
            (Some(Param::Int(row)), Some(Param::Text(column))) => {
                out.push_str(&format!("!{column}{row}"));
            }
            (Some(Param::Int(row)), _) => out.push_str(&format!("!{row}:{row}")),
            _ => {}
        }
        Some(out)
    }

    /// One line in `lang`: `erreur [code] chemin (élément) : message`, the cell first when the
    /// issue was found in a spreadsheet (`erreur [code] Financement!C7 chemin : message`).
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let report = ctg_core::validate_str("[]").into_report();
    /// assert_eq!(report.issues()[0].to_text(Lang::En),
    ///     "error [field.type] (document): wrong type: expected an object, found a list");
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut path = match (self.cell(), self.path.is_root()) {
            (Some(cell), true) => cell,
            (Some(cell), false) => format!("{cell} {}", self.path),
            (None, true) => "(document)".to_owned(),
            (None, false) => self.path.to_string(),
        };
        if let Some(item) = self.item() {
            path.push_str(&format!(" ({item})"));
        }
        let colon = if lang == Lang::Fr { " :" } else { ":" };
        format!(
            "{} [{}] {path}{colon} {}",
            self.severity.label(lang),
            self.code,
            self.message(lang)
        )
    }
}

impl std::fmt::Display for Issue {
    /// [`Issue::to_text`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text(Lang::En))
    }
}

impl Serialize for Issue {
    /// `{code, severity, path, ctx, message_fr, message_en}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Issue", 6)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("ctx", &self.params)?;
        s.serialize_field("message_fr", &self.message(Lang::Fr))?;
        s.serialize_field("message_en", &self.message(Lang::En))?;
        s.end()
    }
}
