//! How much core reads before it stops: the same limits for every input and every binding.

/// The limits of what validation reads. Past a limit, validation stops with one issue (for size
/// and nesting) or stops recording issues (for their number) — never with a crash or an
/// exhausted memory.
///
/// | limit | default | past it |
/// |---|---|---|
/// | `max_bytes` | 64 MiB of JSON text | `input.too_large` (nothing else read) |
/// | `max_values` | 4 194 304 values of a host tree | `input.too_large` |
/// | `max_depth` | 64 nested lists/objects | `json.too_deep` |
/// | `max_issues` | 1 000 issues | one closing `report.truncated` with the count of the others |
///
/// ```
/// use ctg_core::{Limits, Validator};
/// let limits = Limits { max_issues: 5, ..Limits::default() };
/// let doc = format!(r#"{{"format_version": 1, "stakes": [{}]}}"#, vec!["{}"; 50].join(","));
/// let report = Validator::new().limits(limits).validate_str(&doc).into_report();
/// assert_eq!(report.issues().len(), 6); // 5 issues, then report.truncated
/// assert_eq!(report.issues()[5].code.as_str(), "report.truncated");
/// assert!(!report.is_valid());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// The largest JSON text read, in bytes.
    pub max_bytes: usize,
    /// The most values (scalars and containers) a host tree may hold; bindings stop building the
    /// tree there.
    pub max_values: usize,
    /// The deepest nesting of lists and objects.
    pub max_depth: usize,
    /// The most issues a report lists.
    pub max_issues: usize,
}

impl Limits {
    /// The default limits (see the table above).
    ///
    /// ```
    /// assert_eq!(ctg_core::Limits::DEFAULT.max_depth, 64);
    /// ```
    pub const DEFAULT: Limits = Limits {
        max_bytes: 64 * 1024 * 1024,
        max_values: 4 * 1024 * 1024,
        max_depth: 64,
        max_issues: 1000,
    };
}

impl Limits {
    /// The issue of an input over `max_bytes` (JSON text) or `max_values` (a host tree), as
    /// validation reports it: for a binding that refuses an input by its size before reading it.
    ///
    /// ```
    /// use ctg_core::{Limits, Word};
    /// let issue = Limits::DEFAULT.too_large(Word::BYTES);
    /// assert_eq!(issue.code.as_str(), "input.too_large");
    /// let too_big = "x".repeat(65 * 1024 * 1024);
    /// assert_eq!(ctg_core::validate_str(&too_big).into_report().into_issues(), [issue]);
    /// ```
    pub fn too_large(&self, unit: crate::Word) -> crate::Issue {
        let limit = if unit == crate::Word::BYTES {
            self.max_bytes
        } else {
            self.max_values
        };
        crate::Issue::new(
            crate::IssueCode::InputTooLarge,
            crate::Path::root(),
            crate::Params::new().with("limit", limit).with("unit", unit),
        )
    }
}

impl Default for Limits {
    /// [`Limits::DEFAULT`].
    fn default() -> Limits {
        Limits::DEFAULT
    }
}
