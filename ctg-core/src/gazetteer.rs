//! What core knows of the official geography: a small trait, [`Gazetteer`], that a reference
//! (the `ctg-geo` crate, or a test double) implements, and the plain records it answers with.
//!
//! Core holds no reference data. Validation, coverage and funding per inhabitant take an optional
//! `&dyn Gazetteer`; without one, the rules that need the geography are simply not run.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{DepartementCode, InseeCode, PartyKind, Siren};

/// Which edition of the reference data a result depends on: memberships and names change every
/// year, so every result computed with a gazetteer says which one.
///
/// ```
/// use ctg_core::Vintage;
/// let vintage = Vintage {
///     source: "@etalab/decoupage-administratif".into(),
///     version: "6.0.0".into(),
///     geography: "COG 2026".into(),
///     effective: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
/// };
/// assert_eq!(vintage.to_string(), "COG 2026 (@etalab/decoupage-administratif 6.0.0)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Vintage {
    /// Where the data comes from (the npm package name).
    pub source: String,
    /// The version of that source.
    pub version: String,
    /// The geography it describes (`"COG 2026"`).
    pub geography: String,
    /// The date from which that geography is in force (1 January of the COG's year).
    pub effective: NaiveDate,
}

impl std::fmt::Display for Vintage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} {})", self.geography, self.source, self.version)
    }
}

/// A current commune (or a municipal arrondissement of Paris, Lyon or Marseille) of the reference.
///
/// ```
/// use ctg_core::{CommuneRecord, CommuneKind};
/// let albine = CommuneRecord {
///     insee: "81005".parse().unwrap(),
///     name: "Albine".into(),
///     kind: CommuneKind::Commune,
///     departement: "81".parse().unwrap(),
///     region: "76".into(),
///     siren: Some("218100055".parse().unwrap()),
///     population: Some(493),
///     epci: Some("248100430".parse().unwrap()),
///     postal_codes: vec!["81240".into()],
///     parent: None,
/// };
/// assert_eq!(albine.departement.as_str(), "81");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommuneRecord {
    /// INSEE code.
    pub insee: InseeCode,
    /// Official name (`"Pont-de-Larn"`).
    pub name: String,
    /// A commune, or a municipal arrondissement.
    pub kind: CommuneKind,
    /// Its département.
    pub departement: DepartementCode,
    /// Its région (INSEE code, `"76"`).
    pub region: String,
    /// SIREN of the commune (none for an arrondissement).
    pub siren: Option<Siren>,
    /// Municipal population of the reference's census, when known.
    pub population: Option<u64>,
    /// SIREN of the EPCI it belongs to (none for the few communes outside any EPCI).
    pub epci: Option<Siren>,
    /// Postal codes.
    pub postal_codes: Vec<String>,
    /// For an arrondissement, the commune it belongs to (`75056` for Paris).
    pub parent: Option<InseeCode>,
}

/// What kind of place a [`CommuneRecord`] is.
///
/// ```
/// assert_ne!(ctg_core::CommuneKind::Commune, ctg_core::CommuneKind::Arrondissement);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommuneKind {
    /// A current commune.
    Commune,
    /// A municipal arrondissement of Paris, Lyon or Marseille.
    Arrondissement,
}

/// A commune that no longer exists as such: merged into a *commune nouvelle* (as a delegated or
/// associated commune, or simply absorbed). Documents written under an older geography still use
/// its code and name.
///
/// ```
/// use ctg_core::{FormerCommune, FormerKind};
/// // Arbignieu, a delegated commune of Arboys en Bugey, keeps the code of its commune nouvelle.
/// let former = FormerCommune {
///     insee: "01015".parse().unwrap(),
///     name: Some("Arbignieu".into()),
///     kind: FormerKind::Delegated,
///     current: "01015".parse().unwrap(),
/// };
/// assert_eq!(former.kind, FormerKind::Delegated);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormerCommune {
    /// Its (former) INSEE code.
    pub insee: InseeCode,
    /// Its name, when the reference gives it: it does for delegated and associated communes, not
    /// for communes merged without a status of their own (the reference keeps only their code).
    pub name: Option<String>,
    /// How it lives on.
    pub kind: FormerKind,
    /// The current commune it is part of.
    pub current: InseeCode,
}

/// How a former commune lives on in a current one.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_core::FormerKind::Delegated).unwrap(), "\"delegated\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormerKind {
    /// A *commune déléguée* of a *commune nouvelle*.
    Delegated,
    /// A *commune associée*.
    Associated,
    /// Absorbed without a status of its own (its code is kept by the reference only as a former code).
    Merged,
}

/// An EPCI (intercommunality with its own taxation) of the reference.
///
/// ```
/// use ctg_core::{EpciRecord, PartyKind};
/// let cc = EpciRecord {
///     siren: "248100430".parse().unwrap(),
///     name: "CC Thoré Montagne Noire".into(),
///     kind: PartyKind::Cc,
///     members: vec!["81005".parse().unwrap()],
///     population: Some(6000),
/// };
/// assert!(cc.kind.is_epci());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EpciRecord {
    /// SIREN of the EPCI.
    pub siren: Siren,
    /// Official name.
    pub name: String,
    /// `cc`, `ca`, `cu` or `metropole`.
    pub kind: PartyKind,
    /// Member communes, by INSEE code.
    pub members: Vec<InseeCode>,
    /// Total municipal population of its members, when known.
    pub population: Option<u64>,
}

/// A département of the reference, with what a portfolio's coverage is a share of: its current
/// communes (not the municipal arrondissements) and their municipal population.
///
/// ```
/// use ctg_core::DepartementRecord;
/// let tarn = DepartementRecord {
///     code: "81".parse().unwrap(),
///     name: "Tarn".into(),
///     region: "76".into(),
///     communes: 314,
///     population: 397_352,
/// };
/// assert_eq!(tarn.code.as_str(), "81");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepartementRecord {
    /// Its code (`"81"`, `"2A"`, `"974"`).
    pub code: DepartementCode,
    /// Its name (`"Tarn"`).
    pub name: String,
    /// The INSEE code of its région (`"76"`).
    pub region: String,
    /// Its current communes.
    pub communes: usize,
    /// Their municipal population (of those whose population is known).
    pub population: u64,
}

/// The official geography, as core sees it. Implemented by `ctg-geo` over the committed
/// reference data; validation and coverage take it as an optional context.
///
/// Lookups return `None` for what the reference does not know; they never fail otherwise.
///
/// ```
/// use ctg_core::{CommuneRecord, EpciRecord, FormerCommune, Gazetteer, InseeCode, Siren, Vintage};
///
/// /// A gazetteer that knows nothing (what validation does without a reference).
/// struct Empty(Vintage);
/// impl Gazetteer for Empty {
///     fn vintage(&self) -> &Vintage { &self.0 }
///     fn commune(&self, _: &InseeCode) -> Option<&CommuneRecord> { None }
///     fn commune_by_siren(&self, _: &Siren) -> Option<&CommuneRecord> { None }
///     fn former_commune(&self, _: &InseeCode) -> Option<&FormerCommune> { None }
///     fn epci(&self, _: &Siren) -> Option<&EpciRecord> { None }
/// }
/// let empty = Empty(Vintage {
///     source: "test".into(), version: "0".into(), geography: "none".into(),
///     effective: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
/// });
/// assert!(empty.commune(&"81005".parse().unwrap()).is_none());
/// ```
pub trait Gazetteer: Send + Sync {
    /// Which edition of the reference this is.
    fn vintage(&self) -> &Vintage;
    /// The current commune (or arrondissement) with this INSEE code.
    fn commune(&self, insee: &InseeCode) -> Option<&CommuneRecord>;
    /// The current commune with this SIREN.
    fn commune_by_siren(&self, siren: &Siren) -> Option<&CommuneRecord>;
    /// The former commune with this code (merged, delegated or associated). A delegated commune
    /// may keep the code of its commune nouvelle (`01015`, Arbignieu in Arboys en Bugey): then both
    /// [`commune`](Gazetteer::commune) and this answer, and the two records say which is which.
    fn former_commune(&self, insee: &InseeCode) -> Option<&FormerCommune>;
    /// The EPCI with this SIREN.
    fn epci(&self, siren: &Siren) -> Option<&EpciRecord>;

    /// Every record of a former commune under this code: normally one; several when the reference
    /// contradicts itself and puts the code under more than one current commune (then
    /// [`former_commune`](Gazetteer::former_commune) answers `None`, and validation says so
    /// instead of choosing). The default gives the one answer of `former_commune`.
    ///
    /// ```
    /// use ctg_core::Gazetteer;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// // Lamarche-en-Woëvre: under Nonsard-Lamarche and under Heudicourt-sous-les-Côtes.
    /// assert_eq!(Gazetteer::former_communes(geo, &"55273".parse()?).len(), 2);
    /// assert!(geo.former_commune(&"55273".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn former_communes(&self, insee: &InseeCode) -> &[FormerCommune] {
        self.former_commune(insee)
            .map(std::slice::from_ref)
            .unwrap_or(&[])
    }

    /// Every département of the reference, with its name, région and the number and municipal
    /// population of its communes: what a portfolio's coverage is a share of. The default is
    /// empty: a gazetteer that does not know them gives no reference figures, and the shares that
    /// need them are `None`.
    ///
    /// ```
    /// use ctg_core::Gazetteer;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let records = geo.departement_records();
    /// assert_eq!(records.len(), 104);
    /// assert_eq!(records.iter().map(|d| d.communes).sum::<usize>(), 34_879);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn departement_records(&self) -> &[DepartementRecord] {
        &[]
    }

    /// The département with this code ([`departement_records`](Gazetteer::departement_records)).
    /// The default searches the records (sorted by code).
    ///
    /// ```
    /// use ctg_core::Gazetteer;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let tarn = geo.departement_record(&"81".parse()?).unwrap();
    /// assert_eq!((tarn.name.as_str(), tarn.region.as_str(), tarn.communes), ("Tarn", "76", 314));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn departement_record(&self, code: &DepartementCode) -> Option<&DepartementRecord> {
        let records = self.departement_records();
        let i = records.binary_search_by(|d| d.code.cmp(code)).ok()?;
        records.get(i)
    }

    /// The name of a région, by its INSEE code (`"Occitanie"` for `"76"`); `None` when the
    /// gazetteer does not know it (the default).
    ///
    /// ```
    /// use ctg_core::Gazetteer;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(Gazetteer::region_name(geo, "76"), Some("Occitanie"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn region_name(&self, code: &str) -> Option<&str> {
        let _ = code;
        None
    }

    /// Every current commune a name, as written in a document, may designate, and how (its
    /// official name however written, a former name, and — if the gazetteer looks for them — a
    /// typo, which validation never takes to designate another commune); an empty list when it
    /// designates none. `None` when this gazetteer does not read names (the default): the rules
    /// on names are then not run.
    ///
    /// ```
    /// use ctg_core::{Gazetteer, NameMatch};
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let named = geo.match_commune_name("Mairie de St-Amans-Soult").unwrap();
    /// assert_eq!((named[0].commune.insee.as_str(), named[0].matched), ("81238", NameMatch::Official));
    /// // Roumégoux: a commune of the Cantal, and the delegated commune of Terre-de-Bancalié.
    /// let named = geo.match_commune_name("Roumégoux").unwrap();
    /// assert!(named.iter().any(|n| n.commune.insee.as_str() == "81233" && n.matched == NameMatch::Former));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn match_commune_name(&self, name: &str) -> Option<Vec<NamedCommune<'_>>> {
        let _ = name;
        None
    }

    /// Every EPCI a name, as written, may designate, and how; `None` when this gazetteer does not
    /// read names (the default).
    ///
    /// ```
    /// use ctg_core::Gazetteer;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let named = geo.match_epci_name("Communauté de communes Tarn-Agout").unwrap();
    /// assert_eq!(named[0].epci.siren.as_str(), "200034023");
    /// assert!(geo.match_epci_name("Caf du Tarn").unwrap().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn match_epci_name(&self, name: &str) -> Option<Vec<NamedEpci<'_>>> {
        let _ = name;
        None
    }
}

/// How a name as written designates a collectivity of the reference.
///
/// ```
/// assert_eq!(serde_json::to_string(&ctg_core::NameMatch::Former).unwrap(), "\"former\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameMatch {
    /// Its official name, however written: case, accents, hyphens, abbreviations (`St`), a
    /// prefix (`Mairie de`), an article or a qualifier left out, the kind of an EPCI written out.
    Official,
    /// A name it had before: a delegated or associated commune now part of it, or an older name
    /// the reference still gives.
    Former,
    /// Within a few typos of one of its names.
    Typo,
}

/// A current commune that a name may designate ([`Gazetteer::match_commune_name`]).
///
/// ```
/// use ctg_core::{CommuneKind, CommuneRecord, NameMatch, NamedCommune};
/// let record = CommuneRecord {
///     insee: "81233".parse().unwrap(), name: "Terre-de-Bancalié".into(), kind: CommuneKind::Commune,
///     departement: "81".parse().unwrap(), region: "76".into(), siren: None, population: None,
///     epci: None, postal_codes: vec![], parent: None,
/// };
/// let named = NamedCommune { commune: &record, matched: NameMatch::Former, matched_name: Some("Roumégoux") };
/// assert_eq!(named.matched, NameMatch::Former);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedCommune<'a> {
    /// The commune.
    pub commune: &'a CommuneRecord,
    /// How the name designates it.
    pub matched: NameMatch,
    /// The name of the reference that matched (official, former or other), when it has one.
    pub matched_name: Option<&'a str>,
}

/// An EPCI that a name may designate ([`Gazetteer::match_epci_name`]).
///
/// ```
/// use ctg_core::{EpciRecord, NameMatch, NamedEpci, PartyKind};
/// let cc = EpciRecord {
///     siren: "200034023".parse().unwrap(), name: "CC Tarn-Agout".into(), kind: PartyKind::Cc,
///     members: vec![], population: None,
/// };
/// let named = NamedEpci { epci: &cc, matched: NameMatch::Official };
/// assert_eq!(named.epci.name, "CC Tarn-Agout");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedEpci<'a> {
    /// The EPCI.
    pub epci: &'a EpciRecord,
    /// How the name designates it.
    pub matched: NameMatch,
}
