//! Départements and régions: the records, and their lookup by name.

use ctg_core::{DepartementCode, InseeCode};
use serde::Serialize;

use crate::normalize::words;

/// A département of the reference (the 101 départements, and the overseas collectivities
/// Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin, coded `975`, `977`, `978`).
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let tarn = geo.departement_by_name("Tarn").unwrap();
/// assert_eq!(tarn.code.as_str(), "81");
/// assert_eq!(tarn.region, "76");
/// assert_eq!(tarn.chef_lieu.as_ref().map(|c| c.as_str()), Some("81004")); // Albi
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Departement {
    /// Its code (`"81"`, `"2A"`, `"974"`).
    pub code: DepartementCode,
    /// Its name (`"Tarn-et-Garonne"`).
    pub name: String,
    /// The INSEE code of its région (`"76"`).
    pub region: String,
    /// The commune that is its chef-lieu (prefecture).
    pub chef_lieu: Option<InseeCode>,
}

/// A région of the reference (18 régions, and the three overseas collectivities coded like
/// départements).
///
/// ```
/// let geo = ctg_geo::Geography::embedded()?;
/// let occitanie = geo.region("76").unwrap();
/// assert_eq!(occitanie.name, "Occitanie");
/// assert_eq!(geo.region_by_name("occitanie").unwrap().code, "76");
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// Its INSEE code (`"76"`).
    pub code: String,
    /// Its name (`"Occitanie"`).
    pub name: String,
    /// The commune that is its chef-lieu.
    pub chef_lieu: Option<InseeCode>,
}

/// Words that introduce a département or région name and are not part of it: `département du
/// Tarn`, `conseil départemental de la Haute-Garonne`, `région Occitanie`, `le Tarn`.
const LEADING: &[&str] = &[
    "conseil",
    "departemental",
    "departementale",
    "departement",
    "regional",
    "region",
    "collectivite",
    "territoriale",
    "de",
    "du",
    "des",
    "d",
    "la",
    "le",
    "les",
    "l",
];

/// The key of a département or région name, without the words that introduce it.
pub(crate) fn area_key(name: &str) -> String {
    let words = words(name);
    let first = words
        .iter()
        .position(|w| !LEADING.contains(&w))
        .unwrap_or(words.len());
    words.key_from(first)
}

/// Words that introduce a Caf's département in its name: `Caisse d'allocations familiales du
/// Tarn`, `Caf de Tarn-et-Garonne`.
const CAF_LEADING: &[&str] = &["caisse", "d", "des", "allocations", "familiales", "caf"];

/// The key of the département named in a Caf's name, or `None` when the name does not start as a
/// Caf's does.
pub(crate) fn caf_area_key(name: &str) -> Option<String> {
    let words = words(name);
    let first = words.iter().position(|w| !CAF_LEADING.contains(&w))?;
    let starts_as_caf = matches!(words.get(0), Some("caf" | "caisse"));
    if !starts_as_caf || first == 0 {
        return None;
    }
    let rest = words.skipped(first);
    let skip = rest
        .iter()
        .position(|w| !LEADING.contains(&w))
        .unwrap_or(rest.len());
    Some(rest.key_from(skip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_keys() {
        assert_eq!(area_key("Tarn"), "tarn");
        assert_eq!(area_key("le Tarn"), "tarn");
        assert_eq!(area_key("Département du Tarn"), "tarn");
        assert_eq!(
            area_key("Conseil départemental de la Haute-Garonne"),
            "hautegaronne"
        );
        assert_eq!(area_key("Région Occitanie"), "occitanie");
        assert_eq!(area_key("La Réunion"), "reunion");
        assert_eq!(area_key(""), "");
    }

    #[test]
    fn caf_keys() {
        assert_eq!(
            caf_area_key("Caisse d'allocations familiales du Tarn").as_deref(),
            Some("tarn")
        );
        assert_eq!(
            caf_area_key("Caf de Tarn et Garonne").as_deref(),
            Some("tarnetgaronne")
        );
        assert_eq!(caf_area_key("CAF du Tarn").as_deref(), Some("tarn"));
        assert_eq!(
            caf_area_key("Caf de Maine-et-Loire").as_deref(),
            Some("maineetloire")
        );
        assert_eq!(caf_area_key("Familles Rurales"), None);
        assert_eq!(caf_area_key("Caf"), None);
    }
}
