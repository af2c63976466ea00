//! Thematic domains: read leniently, custom labels kept with a warning.

use serde_json::Value;

use super::loc::Loc;
use super::reader::{shorten, Reader};
use crate::{IssueCode, ThematicDomain};

/// Reads one domain label; an unknown label is kept as a custom domain with a warning.
pub(crate) fn domain(r: &mut Reader, value: &Value, path: &Loc<'_>) -> Option<ThematicDomain> {
    let label = r.text(value, path)?;
    let domain = ThematicDomain::parse(&label);
    if domain.is_custom() {
        let shown = shorten(&label);
        r.push(
            IssueCode::DomainCustom,
            path,
            format!("domaine « {shown} » hors de la liste connue : conservé comme domaine local"),
            format!("domain \"{shown}\" is not a known one: kept as a custom domain"),
        );
    }
    Some(domain)
}

/// Reads the convention's list of domains, warning about repeats (kept once).
pub(crate) fn domains(
    r: &mut Reader,
    value: &Value,
    path: &Loc<'_>,
) -> Option<Vec<ThematicDomain>> {
    let mut out: Vec<ThematicDomain> = Vec::new();
    r.list(value, path, |r, v, p| {
        let domain = domain(r, v, p)?;
        if out.contains(&domain) {
            r.push(
                IssueCode::DomainDuplicate,
                p,
                format!("domaine « {} » déjà listé", domain.label_fr()),
                format!("domain \"{}\" is listed twice", domain.label_en()),
            );
        } else {
            out.push(domain);
        }
        Some(())
    })?;
    Some(out)
}
