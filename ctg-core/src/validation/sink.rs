//! Where issues are collected, up to the limit of a report.

use crate::{Issue, IssueCode, Param, Params, Path, Report, Severity};

/// The issues recorded while a document is read, at most `max`; past it, only counted.
pub(crate) struct Sink {
    issues: Vec<Issue>,
    max: usize,
    /// Issues not kept, by severity: errors, warnings, informations.
    hidden: [usize; 3],
    errors: usize,
}

impl Sink {
    pub(crate) fn new(max: usize) -> Sink {
        Sink {
            issues: Vec::new(),
            max,
            hidden: [0; 3],
            errors: 0,
        }
    }

    /// Whether an issue of this code will be kept; when not, it is counted here.
    pub(crate) fn accepts(&mut self, code: IssueCode) -> bool {
        let severity = code.severity();
        if severity == Severity::Error {
            self.errors += 1;
        }
        if self.issues.len() < self.max {
            return true;
        }
        let slot = match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        if let Some(count) = self.hidden.get_mut(slot) {
            *count += 1;
        }
        false
    }

    /// Keeps an issue ([`Sink::accepts`] said so).
    pub(crate) fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.errors > 0
    }

    pub(crate) fn len(&self) -> usize {
        self.issues.len()
    }

    /// Adds `item_id` / `item_name` to the issues from `mark` on that have none.
    pub(crate) fn annotate(&mut self, mark: usize, id: Option<&str>, name: Option<&str>) {
        for issue in self.issues.iter_mut().skip(mark) {
            if issue.params.get("item_id").is_some() || issue.params.get("item_name").is_some() {
                continue;
            }
            if let Some(id) = id {
                issue
                    .params
                    .set("item_id", Param::Text(crate::text::shorten(id)));
            }
            if let Some(name) = name {
                issue
                    .params
                    .set("item_name", Param::Text(crate::text::shorten(name)));
            }
        }
    }

    /// The report: the issues kept, in the order of the document's sections, then one
    /// `report.truncated` when some were not kept.
    pub(crate) fn into_report(mut self, section_rank: impl Fn(&Path) -> usize) -> Report {
        crate::sorting::sort_by_key(&mut self.issues, |issue| section_rank(&issue.path));
        let [errors, warnings, infos] = self.hidden;
        let more = errors + warnings + infos;
        if more > 0 {
            self.issues.push(Issue::new(
                IssueCode::ReportTruncated,
                Path::root(),
                Params::new()
                    .with("more", more)
                    .with("errors", errors)
                    .with("warnings", warnings)
                    .with("limit", self.max),
            ));
        }
        Report::with_hidden(self.issues, errors)
    }
}
