//! Issues: what ctg reports about a document or a value — the catalogue of codes with their
//! severities and FR/EN message templates, the parameters each issue carries as data, paths,
//! reports, and the one error type of every text parser ([`ParseError`]).

mod catalogue;
mod issue;
mod params;
mod parse_error;
mod path;
mod report;
mod severity;

pub use catalogue::IssueCode;
pub use issue::Issue;
pub use params::{Param, Params, Word};
pub use parse_error::ParseError;
pub use path::{Path, PathSegment};
pub use report::{Report, Validation};
pub use severity::Severity;
