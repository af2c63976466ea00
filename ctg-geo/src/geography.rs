//! [`Geography`]: the reference loaded and indexed, its lookups by code, SIREN, postal code and
//! name, and its implementation of [`ctg_core::Gazetteer`].

use std::sync::OnceLock;

use ctg_core::{
    CommuneKind, CommuneRecord, DepartementCode, DepartementRecord, EpciRecord, FormerCommune,
    Gazetteer, InseeCode, NameMatch, NamedCommune, NamedEpci, Siren, Vintage,
};

use crate::data::{self, LoadError};
use crate::epci::EpciIndex;
use crate::index::NameIndex;
use crate::normalize::normalize;
use crate::territory::{area_key, caf_area_key};
use crate::{Departement, EpciMatch, MatchKind, Region};

/// The official geography (COG 2026 from `@etalab/decoupage-administratif` 6.0.0): current
/// communes and the municipal arrondissements of Paris, Lyon and Marseille, former communes,
/// EPCI with their members, départements and régions, indexed for lookups and name resolution.
///
/// Load it once ([`Geography::embedded`], or [`Geography::from_bytes`] for data a caller fetched,
/// as a browser does) and share it: it is immutable, `Send` and `Sync`. Every answer that depends
/// on the data can say which edition it comes from: [`Geography::vintage`].
///
/// ```
/// use ctg_geo::Geography;
///
/// let geo = Geography::embedded()?;
/// assert_eq!(geo.vintage().geography, "COG 2026");
///
/// let lavaur = geo.commune_by_code("81140").unwrap();
/// assert_eq!(lavaur.name, "Lavaur");
/// let cc = geo.epci_of(lavaur).unwrap();
/// assert_eq!(cc.name, "CC Tarn-Agout");
/// assert_eq!(cc.members.len(), 21);
/// # Ok::<(), ctg_geo::LoadError>(())
/// ```
#[derive(Debug)]
pub struct Geography {
    pub(crate) vintage: Vintage,
    pub(crate) regions: Vec<Region>,
    pub(crate) departements: Vec<Departement>,
    /// Current communes and arrondissements, sorted by code.
    pub(crate) communes: Vec<CommuneRecord>,
    /// Their codes as numbers ([`data::code_key`]), for searching.
    codes: Vec<u64>,
    /// Their names, laid one after the other (for building the name index).
    official_names: data::Names,
    /// Former communes, sorted by code.
    pub(crate) formers: Vec<FormerCommune>,
    /// EPCI, sorted by SIREN.
    pub(crate) epcis: Vec<EpciRecord>,
    /// Other names of current communes: (index in `communes`, name).
    pub(crate) other_names: Vec<(usize, String)>,
    /// Communes by SIREN: (SIREN as a number, index in `communes`), sorted.
    by_siren: Vec<(u64, u32)>,
    /// Communes by postal code: (postal code as a number, index in `communes`), sorted.
    by_postal: Vec<(u32, u32)>,
    /// The name indexes, built on the first lookup by name: code lookups never pay for them
    /// (validation does, on its first name check: about 7 ms once).
    names: OnceLock<NameIndex>,
    epci_names: OnceLock<EpciIndex>,
    /// The départements with their communes and population (for core's coverage figures),
    /// counted on first use.
    departement_records: OnceLock<Vec<DepartementRecord>>,
    /// Départements by name key: (key, index), sorted by key.
    departement_keys: Vec<(String, usize)>,
    /// Régions by name key: (key, index), sorted by key.
    region_keys: Vec<(String, usize)>,
}

/// The committed reference data, as the crate embeds it (feature `embedded`, on by default):
/// what [`Geography::embedded`] loads. A program that serves the file to a browser can write
/// these bytes out; it is the same text as `ctg-geo/data/cog-2026.tsv`.
///
/// ```
/// assert!(ctg_geo::EMBEDDED_DATA.contains("@geography\tCOG 2026"));
/// ```
#[cfg(feature = "embedded")]
pub const EMBEDDED_DATA: &str = include_str!("../data/cog-2026.tsv");

impl Geography {
    /// The reference embedded in the crate, loaded on first use and shared afterwards.
    ///
    /// It only fails if the embedded file is broken, which the crate's tests rule out; the error
    /// is kept and returned again on later calls.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert!(geo.communes().len() > 34_000);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Result<&'static Geography, LoadError> {
        static EMBEDDED: std::sync::OnceLock<Result<Geography, LoadError>> =
            std::sync::OnceLock::new();
        EMBEDDED
            .get_or_init(|| Geography::from_text(EMBEDDED_DATA))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Loads reference data given as bytes (the data file, UTF-8), e.g. fetched by a web page.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::from_bytes(ctg_geo::EMBEDDED_DATA.as_bytes())?;
    /// assert_eq!(geo.vintage().version, "6.0.0");
    /// assert!(ctg_geo::Geography::from_bytes(&[0xff, 0xfe]).is_err());
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Geography, LoadError> {
        let text = std::str::from_utf8(bytes).map_err(|e| LoadError {
            line: 0,
            message: format!("the data is not UTF-8 ({e})"),
        })?;
        Geography::from_text(text)
    }

    /// Loads reference data given as text (the content of the data file).
    ///
    /// ```
    /// let err = ctg_geo::Geography::from_text("@source\tnothing\n").unwrap_err();
    /// assert_eq!(err.line, 0);
    /// ```
    pub fn from_text(text: &str) -> Result<Geography, LoadError> {
        let parsed = data::parse(text)?;
        let communes = parsed.communes;
        let mut by_siren: Vec<(u64, u32)> = communes
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((siren_key(c.siren.as_ref()?), u32::try_from(i).ok()?)))
            .collect();
        by_siren.sort_unstable();
        let mut by_postal: Vec<(u32, u32)> = communes
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                c.postal_codes
                    .iter()
                    .filter_map(move |p| Some((p.parse().ok()?, u32::try_from(i).ok()?)))
            })
            .collect();
        by_postal.sort_unstable();
        let codes = parsed.codes;
        let official_names = parsed.names;
        let mut departement_keys: Vec<(String, usize)> = parsed
            .departements
            .iter()
            .enumerate()
            .map(|(i, d)| (area_key(&d.name), i))
            .collect();
        departement_keys.sort();
        let mut region_keys: Vec<(String, usize)> = parsed
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (area_key(&r.name), i))
            .collect();
        region_keys.sort();
        Ok(Geography {
            vintage: parsed.vintage,
            regions: parsed.regions,
            departements: parsed.departements,
            formers: parsed.formers,
            epcis: parsed.epcis,
            other_names: parsed.other_names,
            communes,
            codes,
            official_names,
            by_siren,
            by_postal,
            names: OnceLock::new(),
            epci_names: OnceLock::new(),
            departement_records: OnceLock::new(),
            departement_keys,
            region_keys,
        })
    }

    /// Builds the name indexes now rather than on the first resolution by name (about a third of
    /// the loading time): for a server that wants every request equally fast.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::from_bytes(ctg_geo::EMBEDDED_DATA.as_bytes())?;
    /// geo.index_names();
    /// assert_eq!(geo.resolve("Lavaur", &ctg_geo::Context::new()).candidates.len(), 2);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn index_names(&self) {
        self.names();
        self.epci_names();
    }

    /// The name index of communes (built on first use).
    pub(crate) fn names(&self) -> &NameIndex {
        self.names.get_or_init(|| {
            let position = |code: &InseeCode| self.codes.binary_search(&data::code_key(code)).ok();
            NameIndex::build(
                &self.official_names,
                &self.formers,
                &self.other_names,
                position,
            )
        })
    }

    /// The name index of EPCI (built on first use).
    pub(crate) fn epci_names(&self) -> &EpciIndex {
        self.epci_names
            .get_or_init(|| EpciIndex::build(&self.epcis))
    }

    /// Which edition of the reference this is: every result that depends on the data carries it.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.vintage().to_string(), "COG 2026 (@etalab/decoupage-administratif 6.0.0)");
    /// assert_eq!(geo.vintage().effective.to_string(), "2026-01-01");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn vintage(&self) -> &Vintage {
        &self.vintage
    }

    // -- communes --

    /// Every current commune and municipal arrondissement, sorted by INSEE code.
    ///
    /// ```
    /// use ctg_core::CommuneKind;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let communes = geo.communes().iter().filter(|c| c.kind == CommuneKind::Commune).count();
    /// assert_eq!(communes, 34_879); // 34 969 in the COG, less 90 in the Pacific and the TAAF
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn communes(&self) -> &[CommuneRecord] {
        &self.communes
    }

    /// The current commune or arrondissement with this INSEE code.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let code = "81209".parse()?;
    /// assert_eq!(geo.commune(&code).unwrap().name, "Pont-de-Larn");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn commune(&self, insee: &InseeCode) -> Option<&CommuneRecord> {
        let i = self.codes.binary_search(&data::code_key(insee)).ok()?;
        self.communes.get(i)
    }

    /// The current commune or arrondissement with this code, given as text (`None` when it is not
    /// a valid INSEE code or no current commune has it).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.commune_by_code("75116").unwrap().name, "Paris 16e Arrondissement");
    /// assert!(geo.commune_by_code("garbage").is_none());
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn commune_by_code(&self, code: &str) -> Option<&CommuneRecord> {
        self.commune(&InseeCode::parse(code).ok()?)
    }

    /// The current commune with this SIREN.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let siren = "218102382".parse()?;
    /// assert_eq!(geo.commune_by_siren(&siren).unwrap().name, "Saint-Amans-Soult");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn commune_by_siren(&self, siren: &Siren) -> Option<&CommuneRecord> {
        let key = siren_key(siren);
        let i = self.by_siren.binary_search_by(|(s, _)| s.cmp(&key)).ok()?;
        let (_, c) = self.by_siren.get(i)?;
        self.communes.get(usize::try_from(*c).ok()?)
    }

    /// The communes (and arrondissements) a postal code serves, by INSEE code: a postal code
    /// often serves several communes, and a commune may have several postal codes.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let names: Vec<&str> = geo.communes_by_postal_code("81240").iter().map(|c| c.name.as_str()).collect();
    /// assert!(names.contains(&"Saint-Amans-Soult") && names.contains(&"Albine"));
    /// assert!(geo.communes_by_postal_code("8124").is_empty());
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn communes_by_postal_code(&self, postal_code: &str) -> Vec<&CommuneRecord> {
        let postal_code = postal_code.trim();
        if postal_code.len() != 5 || !postal_code.bytes().all(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let Ok(code) = postal_code.parse::<u32>() else {
            return Vec::new();
        };
        let start = self.by_postal.partition_point(|(p, _)| *p < code);
        self.by_postal
            .iter()
            .skip(start)
            .take_while(|(p, _)| *p == code)
            .filter_map(|(_, c)| self.communes.get(usize::try_from(*c).ok()?))
            .collect()
    }

    /// The current communes (and arrondissements) whose official name is `name` once both are
    /// normalised ([`normalize`](crate::normalize())): several for homonyms, none for a name that
    /// is not official. For messy writing, former names, context and typos, use
    /// [`resolve`](Geography::resolve).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let parisot: Vec<&str> = geo.communes_named("PARISOT").iter().map(|c| c.insee.as_str()).collect();
    /// assert_eq!(parisot, ["81202", "82137"]);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn communes_named(&self, name: &str) -> Vec<&CommuneRecord> {
        let mut out: Vec<&CommuneRecord> = self
            .names()
            .exact(&normalize(name))
            .filter_map(|id| self.names().entry(id))
            .filter(|e| e.source == crate::index::Source::Official)
            .filter_map(|e| self.commune_at(e.commune))
            .collect();
        out.sort_by(|a, b| a.insee.cmp(&b.insee));
        out
    }

    pub(crate) fn commune_at(&self, index: u32) -> Option<&CommuneRecord> {
        self.communes.get(usize::try_from(index).ok()?)
    }

    // -- former communes --

    /// Every record of a former commune under this code: normally one, a delegated or associated
    /// commune (with its name) or a merged one (code only); two when the reference puts the code
    /// under two current communes (it does for `55273` and `60455`), so that a caller sees the
    /// contradiction instead of a guess.
    ///
    /// ```
    /// use ctg_core::FormerKind;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let villotran = geo.former_communes(&"60694".parse()?);
    /// assert_eq!(villotran[0].name.as_deref(), Some("Villotran"));
    /// assert_eq!(villotran[0].kind, FormerKind::Delegated);
    /// assert_eq!(geo.former_communes(&"55273".parse()?).len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn former_communes(&self, insee: &InseeCode) -> &[FormerCommune] {
        let start = self.formers.partition_point(|f| f.insee < *insee);
        let end = self.formers.partition_point(|f| f.insee <= *insee);
        self.formers.get(start..end).unwrap_or(&[])
    }

    /// The former commune with this code, when the reference says one thing about it (`None`
    /// when it puts the code under two current communes: see
    /// [`former_communes`](Geography::former_communes)).
    ///
    /// ```
    /// use ctg_core::FormerKind;
    /// let geo = ctg_geo::Geography::embedded()?;
    /// // Lamarche-en-Woëvre: associated with Nonsard-Lamarche, and a former code of Heudicourt.
    /// assert!(geo.former_commune(&"55273".parse()?).is_none());
    /// let merged = geo.former_commune(&"01003".parse()?).unwrap();
    /// assert_eq!((merged.kind, merged.current.as_str()), (FormerKind::Merged, "01165"));
    /// let saint_bois = geo.former_commune(&"01340".parse()?).unwrap();
    /// assert_eq!(saint_bois.name.as_deref(), Some("Saint-Bois"));
    /// assert_eq!(saint_bois.kind, FormerKind::Delegated);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn former_commune(&self, insee: &InseeCode) -> Option<&FormerCommune> {
        match self.former_communes(insee) {
            [one] => Some(one),
            [first, rest @ ..] if rest.iter().all(|f| f.current == first.current) => Some(first),
            _ => None,
        }
    }

    // -- EPCI --

    /// Every EPCI, sorted by SIREN.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.epcis().len(), 1_255);
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn epcis(&self) -> &[EpciRecord] {
        &self.epcis
    }

    /// The EPCI with this SIREN, with its members (INSEE codes, in the reference's order) and its
    /// population (the municipal population the DGCL's composition file gives).
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let cc = geo.epci(&"200066322".parse()?).unwrap();
    /// assert_eq!(cc.name, "CC Terres des Confluences");
    /// assert_eq!(cc.members.len(), 22);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn epci(&self, siren: &Siren) -> Option<&EpciRecord> {
        let i = self.epcis.binary_search_by(|e| e.siren.cmp(siren)).ok()?;
        self.epcis.get(i)
    }

    /// The EPCI a commune (or arrondissement, through its commune) belongs to.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let montrosier = geo.commune_by_code("81184").unwrap(); // in the Tarn…
    /// assert_eq!(geo.epci_of(montrosier).unwrap().siren.as_str(), "248200107"); // …member of a CC of Tarn-et-Garonne
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn epci_of(&self, commune: &CommuneRecord) -> Option<&EpciRecord> {
        self.epci(commune.epci.as_ref()?)
    }

    /// The member communes of an EPCI, in the reference's order.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// let cc = geo.epci(&"248100745".parse()?).unwrap();
    /// let members = geo.members(cc);
    /// assert!(members.iter().any(|c| c.name == "Albine"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn members(&self, epci: &EpciRecord) -> Vec<&CommuneRecord> {
        epci.members
            .iter()
            .filter_map(|m| self.commune(m))
            .collect()
    }

    // -- départements and régions --

    /// Every département, sorted by code.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.departements().len(), 104); // 101, and 975, 977, 978
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn departements(&self) -> &[Departement] {
        &self.departements
    }

    /// The département with this code.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.departement(&"2A".parse()?).unwrap().name, "Corse-du-Sud");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn departement(&self, code: &DepartementCode) -> Option<&Departement> {
        let i = self
            .departements
            .binary_search_by(|d| d.code.cmp(code))
            .ok()?;
        self.departements.get(i)
    }

    /// The département with this name, written loosely (case, accents, hyphens) and possibly
    /// introduced (`Département du Tarn`, `Conseil départemental de la Haute-Garonne`, `le Tarn`);
    /// or with this code.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.departement_by_name("Tarn et Garonne").unwrap().code.as_str(), "82");
    /// assert_eq!(geo.departement_by_name("Département du Tarn").unwrap().code.as_str(), "81");
    /// assert_eq!(geo.departement_by_name("49").unwrap().name, "Maine-et-Loire");
    /// assert!(geo.departement_by_name("Tarnn").is_none());
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn departement_by_name(&self, name: &str) -> Option<&Departement> {
        if let Ok(code) = DepartementCode::parse(name) {
            return self.departement(&code);
        }
        let i = find_key(&self.departement_keys, &area_key(name))?;
        self.departements.get(i)
    }

    /// The département whose name has this [`area_key`].
    pub(crate) fn departement_with_key(&self, key: &str) -> Option<&Departement> {
        self.departements
            .get(find_key(&self.departement_keys, key)?)
    }

    /// The région whose name has this [`area_key`].
    pub(crate) fn region_with_key(&self, key: &str) -> Option<&Region> {
        self.regions.get(find_key(&self.region_keys, key)?)
    }

    /// The département of a Caf, from its name (`Caf du Tarn`, `Caisse d'allocations familiales
    /// de Tarn-et-Garonne`): `None` when the name is not a Caf's or names no département.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.departement_of_caf("CAF du Tarn").unwrap().code.as_str(), "81");
    /// assert_eq!(geo.departement_of_caf("Caf de Maine-et-Loire").unwrap().code.as_str(), "49");
    /// assert!(geo.departement_of_caf("Familles Rurales").is_none());
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn departement_of_caf(&self, name: &str) -> Option<&Departement> {
        let i = find_key(&self.departement_keys, &caf_area_key(name)?)?;
        self.departements.get(i)
    }

    /// Every région, sorted by code.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.regions().len(), 21); // 18, and 975, 977, 978
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The région with this INSEE code.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.region("52").unwrap().name, "Pays de la Loire");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn region(&self, code: &str) -> Option<&Region> {
        let code = code.trim();
        let i = self
            .regions
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok()?;
        self.regions.get(i)
    }

    /// The région with this name, written loosely (`Région Occitanie`, `pays de la loire`), or
    /// with this code.
    ///
    /// ```
    /// let geo = ctg_geo::Geography::embedded()?;
    /// assert_eq!(geo.region_by_name("Provence-Alpes-Côte d’Azur").unwrap().code, "93");
    /// assert_eq!(geo.region_by_name("76").unwrap().name, "Occitanie");
    /// # Ok::<(), ctg_geo::LoadError>(())
    /// ```
    pub fn region_by_name(&self, name: &str) -> Option<&Region> {
        if let Some(region) = self.region(name) {
            return Some(region);
        }
        let i = find_key(&self.region_keys, &area_key(name))?;
        self.regions.get(i)
    }
}

/// A SIREN as a number.
fn siren_key(siren: &Siren) -> u64 {
    siren
        .as_str()
        .bytes()
        .fold(0u64, |key, b| key * 10 + u64::from(b.wrapping_sub(b'0')))
}

/// The index stored under `key` in a sorted (key, index) list, when the key is not empty.
fn find_key(keys: &[(String, usize)], key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    let i = keys.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
    keys.get(i).map(|(_, index)| *index)
}

/// The geography as `ctg-core` sees it, for validation and coverage.
///
/// ```
/// use ctg_core::Gazetteer;
/// let geo = ctg_geo::Geography::embedded()?;
/// let gazetteer: &dyn Gazetteer = geo;
/// assert_eq!(gazetteer.commune(&"82137".parse()?).unwrap().name, "Parisot");
/// assert_eq!(gazetteer.vintage().geography, "COG 2026");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Gazetteer for Geography {
    fn vintage(&self) -> &Vintage {
        Geography::vintage(self)
    }

    fn commune(&self, insee: &InseeCode) -> Option<&CommuneRecord> {
        Geography::commune(self, insee)
    }

    fn commune_by_siren(&self, siren: &Siren) -> Option<&CommuneRecord> {
        Geography::commune_by_siren(self, siren)
    }

    fn former_commune(&self, insee: &InseeCode) -> Option<&FormerCommune> {
        Geography::former_commune(self, insee)
    }

    fn epci(&self, siren: &Siren) -> Option<&EpciRecord> {
        Geography::epci(self, siren)
    }

    fn former_communes(&self, insee: &InseeCode) -> &[FormerCommune] {
        Geography::former_communes(self, insee)
    }

    /// The départements with their communes and population, counted on first use.
    fn departement_records(&self) -> &[DepartementRecord] {
        self.departement_records.get_or_init(|| {
            let mut records: Vec<DepartementRecord> = self
                .departements
                .iter()
                .map(|d| DepartementRecord {
                    code: d.code.clone(),
                    name: d.name.clone(),
                    region: d.region.clone(),
                    communes: 0,
                    population: 0,
                })
                .collect();
            // The communes come by code, so by département: find each run's record once.
            let mut at: Option<usize> = None;
            for commune in &self.communes {
                if commune.kind != CommuneKind::Commune {
                    continue;
                }
                let same = at
                    .and_then(|i| records.get(i))
                    .is_some_and(|r| r.code == commune.departement);
                if !same {
                    at = records
                        .binary_search_by(|r| r.code.cmp(&commune.departement))
                        .ok();
                }
                if let Some(record) = at.and_then(|i| records.get_mut(i)) {
                    record.communes += 1;
                    record.population += commune.population.unwrap_or(0);
                }
            }
            records
        })
    }

    fn region_name(&self, code: &str) -> Option<&str> {
        Geography::region(self, code).map(|r| r.name.as_str())
    }

    /// Every commune [`resolve`](Geography::resolve) finds for the name without a context, with
    /// its best match: the official name however written (`exact`, `spelling`, `code`,
    /// `arrondissement`, `joined`, `shortened`) or a former name (`former_name`, `former_code`,
    /// `other_name`). Without the typo search: validation takes a typo for a mismatch whatever
    /// it is near, so the search (the costly part of resolution) would change nothing.
    fn match_commune_name(&self, name: &str) -> Option<Vec<NamedCommune<'_>>> {
        let resolution = self.resolve_with(name, &crate::Context::new(), false);
        Some(
            resolution
                .candidates
                .into_iter()
                .chain(resolution.outside_context)
                .map(|c| NamedCommune {
                    commune: c.commune,
                    matched: match c.matched {
                        MatchKind::FormerName | MatchKind::FormerCode | MatchKind::OtherName => {
                            NameMatch::Former
                        }
                        MatchKind::Typo => NameMatch::Typo,
                        _ => NameMatch::Official,
                    },
                    matched_name: c.matched_name,
                })
                .collect(),
        )
    }

    /// Every EPCI [`resolve_epci`](Geography::resolve_epci) finds for the name without a
    /// context, by its words or its SIREN (official); without the typo search, as for communes.
    fn match_epci_name(&self, name: &str) -> Option<Vec<NamedEpci<'_>>> {
        let resolution = self.resolve_epci_with(name, &crate::Context::new(), false);
        Some(
            resolution
                .candidates
                .into_iter()
                .chain(resolution.outside_context)
                .map(|c| NamedEpci {
                    epci: c.epci,
                    matched: match c.matched {
                        EpciMatch::Typo => NameMatch::Typo,
                        _ => NameMatch::Official,
                    },
                })
                .collect(),
        )
    }
}
