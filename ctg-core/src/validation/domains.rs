//! Thematic domains: read leniently, custom labels kept with a warning.

use serde_json::Value;

use super::reader::{shorten, Reader};
use crate::{IssueCode, Path, ThematicDomain};

/// Reads one domain label; an unknown label is kept as a custom domain with a warning.
pub(crate) fn domain(r: &mut Reader, value: &Value, path: &Path) -> Option<ThematicDomain> {
    let label = r.text(value, path)?;
    let domain = ThematicDomain::parse(&label);
    if domain.is_custom() {
        let shown = shorten(&label);
        r.push(
            IssueCode::DomainCustom,
            path.clone(),
            format!("domaine « {shown} » hors de la liste connue : conservé comme domaine local"),
            format!("domain \"{shown}\" is not a known one: kept as a custom domain"),
        );
    }
    Some(domain)
}

/// Reads the convention's list of domains, warning about repeats.
pub(crate) fn domains(r: &mut Reader, value: &Value, path: &Path) -> Option<Vec<ThematicDomain>> {
    let items = r.list(value, path, |r, v, p| {
        domain(r, v, p).map(|d| (d, p.clone()))
    })?;
    let mut out: Vec<ThematicDomain> = Vec::with_capacity(items.len());
    for (domain, item_path) in items {
        if out.contains(&domain) {
            r.push(
                IssueCode::DomainDuplicate,
                item_path,
                format!("domaine « {} » déjà listé", domain.label_fr()),
                format!("domain \"{}\" is listed twice", domain.label_en()),
            );
        } else {
            out.push(domain);
        }
    }
    Some(out)
}
