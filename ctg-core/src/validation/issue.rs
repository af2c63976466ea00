//! One problem found by validation.

use serde::Serialize;

use crate::{IssueCode, Lang, Path, Problem, Severity};

/// One problem found by validation: a stable code, a severity, the path to the field and a
/// message in French and in English.
///
/// ```
/// let report = ctg_core::validate_str(r#"{"format_version": 1, "title": ""}"#).into_report();
/// let issue = report.issues().iter().find(|i| i.path.to_string() == "title").unwrap();
/// assert_eq!(issue.code.as_str(), "field.empty");
/// assert_eq!(issue.severity, ctg_core::Severity::Error);
/// assert!(issue.message(ctg_core::Lang::Fr).contains("vide"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Issue {
    /// Stable code (`"funding.year_total_mismatch"`).
    pub code: IssueCode,
    /// Error or warning (always the code's severity).
    pub severity: Severity,
    /// Where the problem is.
    pub path: Path,
    /// What is wrong, in French.
    pub message_fr: String,
    /// What is wrong, in English.
    pub message_en: String,
}

impl Issue {
    /// An issue with the code's severity.
    ///
    /// ```
    /// use ctg_core::{Issue, IssueCode, Path, Severity};
    /// let path = Path::root().key("colour");
    /// let issue = Issue::new(IssueCode::FieldUnknown, path, "champ inconnu".into(), "unknown field".into());
    /// assert_eq!(issue.severity, Severity::Warning); // the severity of `field.unknown`
    /// assert_eq!(issue.to_string(), "warning [field.unknown] colour: unknown field");
    /// ```
    pub fn new(code: IssueCode, path: Path, message_fr: String, message_en: String) -> Issue {
        Issue {
            code,
            severity: code.severity(),
            path,
            message_fr,
            message_en,
        }
    }

    /// An issue from a value type's error (amount, identifier…).
    ///
    /// ```
    /// use ctg_core::{Amount, Issue, Path};
    /// let err = "-3 €".parse::<Amount>().unwrap_err();
    /// let issue = Issue::from_problem(Path::root().key("budget"), &err);
    /// assert_eq!(issue.code.as_str(), "amount.negative");
    /// assert_eq!(issue.message_en, "negative amount: an amount cannot be negative");
    /// ```
    pub fn from_problem(path: Path, problem: &dyn Problem) -> Issue {
        Issue::new(
            problem.code(),
            path,
            problem.message(Lang::Fr),
            problem.message(Lang::En),
        )
    }

    /// The issue for a native value (a Python dict, a JavaScript object) nested deeper than
    /// [`MAX_DEPTH`](crate::MAX_DEPTH) levels or holding a cycle, for the readers that turn such
    /// values into JSON.
    ///
    /// ```
    /// let issue = ctg_core::Issue::too_deep();
    /// assert_eq!(issue.code.as_str(), "json.too_deep");
    /// assert!(issue.path.is_root());
    /// ```
    pub fn too_deep() -> Issue {
        let limit = crate::MAX_DEPTH;
        Issue::new(
            IssueCode::JsonTooDeep,
            Path::root(),
            format!("document trop imbriqué (plus de {limit} niveaux) ou cyclique"),
            format!("document nested too deeply (more than {limit} levels) or cyclic"),
        )
    }

    /// The issue for a native value with no JSON equivalent (a Python `set`, a JavaScript
    /// function…) at `path`; `detail` says what it is, as the host language names it.
    ///
    /// ```
    /// let path = ctg_core::Path::root().key("parties");
    /// let issue = ctg_core::Issue::not_json(path, "set");
    /// assert_eq!(issue.code.as_str(), "field.type");
    /// assert_eq!(issue.message_en, "value with no JSON equivalent (set)");
    /// ```
    pub fn not_json(path: Path, detail: &str) -> Issue {
        Issue::new(
            IssueCode::FieldType,
            path,
            format!("valeur sans équivalent JSON ({detail})"),
            format!("value with no JSON equivalent ({detail})"),
        )
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use ctg_core::Lang;
    /// let report = ctg_core::validate_str("[]").into_report();
    /// let issue = &report.issues()[0];
    /// assert_eq!(issue.message(Lang::En), "wrong type: expected an object, found a list");
    /// assert_eq!(issue.message(Lang::Fr), issue.message_fr);
    /// ```
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.message_fr,
            Lang::En => &self.message_en,
        }
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
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_root() {
            "(document)".to_owned()
        } else {
            self.path.to_string()
        };
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity, self.code, path, self.message_en
        )
    }
}
