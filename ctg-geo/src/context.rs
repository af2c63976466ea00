//! [`Context`]: where a name is expected to be, to tell homonyms apart.

use ctg_core::{CommuneRecord, DepartementCode, EpciRecord, Siren};
use serde::{Deserialize, Serialize};

use crate::Geography;

/// Where the collectivities being resolved are expected: départements, régions and EPCI. A
/// commune is *in context* when it lies in **any** of them (so that a convention's context can
/// say "the Tarn, and the CC Tarn-Agout", which reaches into the Haute-Garonne); an empty
/// context admits everything.
///
/// A context narrows homonyms (`Parisot` is in the Tarn and in Tarn-et-Garonne); it never widens
/// a search: a name found only outside the context is reported as not found, with the
/// candidates outside listed.
///
/// ```
/// use ctg_geo::{Context, Geography, Status};
///
/// let geo = Geography::embedded()?;
/// let tarn_et_garonne = Context::new().departement("82".parse()?);
/// let parisot = geo.resolve("Parisot", &tarn_et_garonne);
/// assert_eq!(parisot.status, Status::Resolved);
/// assert_eq!(parisot.commune().unwrap().insee.as_str(), "82137");
///
/// // Read from JSON, as the bindings do.
/// let context: Context = serde_json::from_str(r#"{"departements": ["81"], "epcis": ["200034023"]}"#)?;
/// assert_eq!(geo.resolve("Azas", &context).status, Status::Resolved); // Haute-Garonne, in the CC
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Départements (`"81"`).
    #[serde(default)]
    pub departements: Vec<DepartementCode>,
    /// Régions, by INSEE code (`"76"`).
    #[serde(default)]
    pub regions: Vec<String>,
    /// EPCI, by SIREN.
    #[serde(default)]
    pub epcis: Vec<Siren>,
}

impl Context {
    /// An empty context: everything is in it.
    ///
    /// ```
    /// assert!(ctg_geo::Context::new().is_empty());
    /// ```
    pub fn new() -> Context {
        Context::default()
    }

    /// This context and a département.
    ///
    /// ```
    /// let context = ctg_geo::Context::new().departement("81".parse()?);
    /// assert_eq!(context.departements.len(), 1);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn departement(mut self, code: DepartementCode) -> Context {
        self.departements.push(code);
        self
    }

    /// This context and a région (its INSEE code, `"76"`).
    ///
    /// ```
    /// let context = ctg_geo::Context::new().region("76");
    /// assert_eq!(context.regions, ["76"]);
    /// ```
    pub fn region(mut self, code: impl Into<String>) -> Context {
        self.regions.push(code.into().trim().to_owned());
        self
    }

    /// This context and an EPCI, by SIREN.
    ///
    /// ```
    /// let context = ctg_geo::Context::new().epci("200066322".parse()?);
    /// assert!(!context.is_empty());
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn epci(mut self, siren: Siren) -> Context {
        self.epcis.push(siren);
        self
    }

    /// Whether the context says nothing (and so admits everything).
    ///
    /// ```
    /// assert!(ctg_geo::Context::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.departements.is_empty() && self.regions.is_empty() && self.epcis.is_empty()
    }

    /// Whether a commune (or arrondissement) is in this context.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let azas = geo.commune_by_code("31038").unwrap();
    /// assert!(!ctg_geo::Context::new().departement("81".parse()?).admits(azas));
    /// assert!(ctg_geo::Context::new().epci("200034023".parse()?).admits(azas));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn admits(&self, commune: &CommuneRecord) -> bool {
        self.is_empty()
            || self.departements.contains(&commune.departement)
            || self.regions.contains(&commune.region)
            || commune
                .epci
                .as_ref()
                .is_some_and(|e| self.epcis.contains(e))
    }

    /// Whether an EPCI is in this context: named in it, or with a member in one of its
    /// départements or régions.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let cc = geo.epci(&"248200107".parse()?).unwrap(); // Quercy Rouergue: 82, and Montrosier in 81
    /// assert!(ctg_geo::Context::new().departement("81".parse()?).admits_epci(geo, cc));
    /// assert!(!ctg_geo::Context::new().departement("49".parse()?).admits_epci(geo, cc));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn admits_epci(&self, geography: &Geography, epci: &EpciRecord) -> bool {
        if self.is_empty() || self.epcis.contains(&epci.siren) {
            return true;
        }
        if self.departements.is_empty() && self.regions.is_empty() {
            return false;
        }
        epci.members.iter().any(|code| {
            geography.commune(code).is_some_and(|c| {
                self.departements.contains(&c.departement) || self.regions.contains(&c.region)
            })
        })
    }
}
