//! Thematic domains: read leniently, custom labels kept with a warning.

use super::reader::Reader;
use crate::input::Tok;
use crate::{IssueCode, Params, ThematicDomain};

/// Reads one domain label; an unknown label is kept as a custom domain with a warning.
pub(crate) fn domain<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<ThematicDomain> {
    let label = r.text_ref(tok)?;
    let domain = ThematicDomain::parse(&label);
    if domain.is_custom() {
        r.issue(
            IssueCode::DomainCustom,
            Params::new().with("label", crate::text::shorten(&label)),
        );
    }
    Some(domain)
}

/// Reads the convention's list of domains, warning about repeats (kept once).
pub(crate) fn domains<'a>(r: &mut Reader<'_, 'a>, tok: Tok<'a>) -> Option<Vec<ThematicDomain>> {
    let mut out: Vec<ThematicDomain> = Vec::new();
    let mut complete = true;
    let is_list = r.list(tok, |r, _, tok| match domain(r, tok) {
        Some(d) if out.contains(&d) => r.issue(
            IssueCode::DomainDuplicate,
            Params::new().with("domain", d.param()),
        ),
        Some(d) => out.push(d),
        None => complete = false,
    });
    (is_list && complete).then_some(out)
}
