//! Reading the reference data file (`data/cog-2026.tsv`, written by `scripts/generate.mjs`).
//!
//! The format is described in the file's own header: one record a line, tab-separated, the
//! first field saying which (`R` région, `D` département, `C` commune, `A` arrondissement, `F`
//! former commune, `E` EPCI, `N` other name), `@key<TAB>value` lines for the metadata and `#`
//! comments. Every field is checked; the `@counts` line guards against a truncated file.

use chrono::NaiveDate;
use ctg_core::{
    CommuneKind, CommuneRecord, DepartementCode, EpciRecord, FormerCommune, FormerKind, InseeCode,
    PartyKind, Siren, Vintage,
};

use crate::{Departement, Region};

/// Why reference data could not be loaded: the line (1-based; 0 for the file as a whole) and what
/// is wrong there.
///
/// ```
/// let err = ctg_geo::Geography::from_bytes(b"C\t81005").unwrap_err();
/// assert_eq!(err.line, 1);
/// assert!(err.to_string().starts_with("line 1: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LoadError {
    /// The line of the data file (1-based), 0 when the problem is the file as a whole.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl LoadError {
    fn at(line: usize, message: impl Into<String>) -> LoadError {
        LoadError {
            line,
            message: message.into(),
        }
    }
}

/// The most fields a record has (an `E` record: 5).
const MAX_FIELDS: usize = 8;

/// Names laid one after the other in one string.
#[derive(Debug, Default)]
pub(crate) struct Names {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl Names {
    fn push(&mut self, name: &str) {
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(name);
        let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.spans.push((start, end));
    }

    /// How many names.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The names, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.spans.iter().map(move |&(start, end)| {
            let range = usize::try_from(start).unwrap_or(0)..usize::try_from(end).unwrap_or(0);
            self.text.get(range).unwrap_or("")
        })
    }
}

/// Everything the data file holds, checked, before indexing.
pub(crate) struct Parsed {
    pub vintage: Vintage,
    pub regions: Vec<Region>,
    pub departements: Vec<Departement>,
    /// Current communes and municipal arrondissements, sorted by code.
    pub communes: Vec<CommuneRecord>,
    /// The [`code_key`] of each commune, in the same order (sorted).
    pub codes: Vec<u64>,
    /// The names of the communes, in the same order, one after the other (read again in one
    /// sweep when the name index is built, rather than from 35 000 scattered strings).
    pub names: Names,
    /// Former communes, sorted by code then current commune.
    pub formers: Vec<FormerCommune>,
    pub epcis: Vec<EpciRecord>,
    /// Other names of current communes: (index in `communes`, name).
    pub other_names: Vec<(usize, String)>,
}

/// An INSEE code as a number that sorts as the code does (its 5 bytes, big-endian), for fast
/// searches.
pub(crate) fn code_key(code: &InseeCode) -> u64 {
    short_key(code.as_str())
}

/// A short ASCII code (at most 8 bytes) as a number that sorts as the code does.
pub(crate) fn short_key(code: &str) -> u64 {
    code.bytes()
        .take(8)
        .fold(0u64, |key, byte| (key << 8) | u64::from(byte))
}

/// Parses the data file.
pub(crate) fn parse(text: &str) -> Result<Parsed, LoadError> {
    let mut meta: Vec<(&str, &str)> = Vec::new();
    let mut regions = Vec::new();
    let mut departements: Vec<Departement> = Vec::new();
    let mut communes: Vec<CommuneRecord> = Vec::new();
    // The code key of each commune as read, and whether they come sorted (they do from the
    // generator; anything else is sorted after).
    let mut codes: Vec<u64> = Vec::new();
    let mut names = Names::default();
    // Line of each arrondissement, by code (for error messages).
    let mut arrondissements: Vec<(u64, usize)> = Vec::new();
    let mut formers: Vec<(usize, FormerCommune)> = Vec::new();
    let mut epcis: Vec<(usize, EpciRecord)> = Vec::new();
    let mut other_names: Vec<(usize, InseeCode, String)> = Vec::new();

    for (index, line) in text.lines().enumerate() {
        let n = index + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('@') {
            let (key, value) = rest
                .split_once('\t')
                .ok_or_else(|| LoadError::at(n, "metadata line without a tab"))?;
            if key == "counts" {
                // Room for what the file declares (at most a million of anything).
                let declared = |k: &str| declared_count(value, k).min(1_000_000);
                communes.reserve(declared("communes") + declared("arrondissements"));
                codes.reserve(declared("communes") + declared("arrondissements"));
                formers.reserve(declared("former"));
                epcis.reserve(declared("epci"));
            }
            meta.push((key, value));
            continue;
        }
        let (tag, rest) = line.split_once('\t').unwrap_or((line, ""));
        let mut fields: [&str; MAX_FIELDS] = [""; MAX_FIELDS];
        let mut count = 0;
        let mut start = 0;
        for (i, byte) in rest
            .bytes()
            .enumerate()
            .chain(std::iter::once((rest.len(), b'\t')))
        {
            if byte == b'\t' {
                if let Some(slot) = fields.get_mut(count) {
                    *slot = rest.get(start..i).unwrap_or("");
                }
                count += 1;
                start = i + 1;
            }
        }
        if rest.is_empty() && !line.contains('\t') {
            count = 0;
        }
        let fields = fields.get(..count.min(MAX_FIELDS)).unwrap_or(&[]);
        let field = |i: usize, what: &str| -> Result<&str, LoadError> {
            fields
                .get(i)
                .copied()
                .ok_or_else(|| LoadError::at(n, format!("{tag} record without its {what}")))
        };
        let expect = |count: usize| -> Result<(), LoadError> {
            if fields.len() == count && count <= MAX_FIELDS {
                Ok(())
            } else {
                Err(LoadError::at(
                    n,
                    format!(
                        "{tag} record with {} fields, expected {count}",
                        fields.len()
                    ),
                ))
            }
        };
        let name = |i: usize| -> Result<String, LoadError> {
            let value = field(i, "name")?;
            if value.is_empty() {
                return Err(LoadError::at(n, format!("{tag} record with an empty name")));
            }
            Ok(value.to_owned())
        };
        match tag {
            "R" => {
                expect(3)?;
                regions.push(Region {
                    code: nonempty(n, field(0, "code")?)?.to_owned(),
                    chef_lieu: optional_insee(n, field(1, "chef-lieu")?)?,
                    name: name(2)?,
                });
            }
            "D" => {
                expect(4)?;
                departements.push(Departement {
                    code: DepartementCode::parse(field(0, "code")?)
                        .map_err(|e| LoadError::at(n, e.to_string()))?,
                    region: nonempty(n, field(1, "région")?)?.to_owned(),
                    chef_lieu: optional_insee(n, field(2, "chef-lieu")?)?,
                    name: name(3)?,
                });
            }
            "C" => {
                expect(5)?;
                let insee = insee(n, field(0, "code")?)?;
                codes.push(code_key(&insee));
                names.push(field(4, "name")?);
                communes.push(CommuneRecord {
                    departement: insee.departement(),
                    region: String::new(),
                    siren: optional_siren(n, field(1, "SIREN")?)?,
                    population: optional_number(n, field(2, "population")?)?,
                    postal_codes: postal_codes(n, field(3, "postal codes")?)?,
                    name: name(4)?,
                    kind: CommuneKind::Commune,
                    epci: None,
                    parent: None,
                    insee,
                });
            }
            "A" => {
                expect(5)?;
                let insee = insee(n, field(0, "code")?)?;
                let parent = crate::data::insee(n, field(1, "commune")?)?;
                arrondissements.push((code_key(&insee), n));
                codes.push(code_key(&insee));
                names.push(field(4, "name")?);
                communes.push(CommuneRecord {
                    departement: insee.departement(),
                    region: String::new(),
                    siren: None,
                    population: optional_number(n, field(2, "population")?)?,
                    postal_codes: postal_codes(n, field(3, "postal codes")?)?,
                    name: name(4)?,
                    kind: CommuneKind::Arrondissement,
                    epci: None,
                    parent: Some(parent),
                    insee,
                });
            }
            "F" => {
                expect(4)?;
                let kind = match field(1, "kind")? {
                    "d" => FormerKind::Delegated,
                    "a" => FormerKind::Associated,
                    "m" => FormerKind::Merged,
                    other => {
                        return Err(LoadError::at(n, format!("unknown former kind {other:?}")))
                    }
                };
                let former_name = field(3, "name")?;
                if former_name.is_empty() != (kind == FormerKind::Merged) {
                    return Err(LoadError::at(
                        n,
                        "a delegated or associated commune has a name, a merged one none",
                    ));
                }
                formers.push((
                    n,
                    FormerCommune {
                        insee: insee(n, field(0, "code")?)?,
                        kind,
                        current: insee(n, field(2, "current commune")?)?,
                        name: (!former_name.is_empty()).then(|| former_name.to_owned()),
                    },
                ));
            }
            "E" => {
                expect(5)?;
                let kind = match field(1, "kind")? {
                    "CC" => PartyKind::Cc,
                    "CA" => PartyKind::Ca,
                    "CU" => PartyKind::Cu,
                    "METRO" | "MET69" => PartyKind::Metropole,
                    other => return Err(LoadError::at(n, format!("unknown EPCI kind {other:?}"))),
                };
                let members = field(4, "members")?
                    .split(' ')
                    .map(|code| insee(n, code))
                    .collect::<Result<Vec<_>, _>>()?;
                epcis.push((
                    n,
                    EpciRecord {
                        siren: siren(n, field(0, "SIREN")?)?,
                        kind,
                        population: optional_number(n, field(2, "population")?)?,
                        name: name(3)?,
                        members,
                    },
                ));
            }
            "N" => {
                expect(2)?;
                other_names.push((n, insee(n, field(0, "code")?)?, name(1)?));
            }
            other => return Err(LoadError::at(n, format!("unknown record type {other:?}"))),
        }
    }

    let meta_value = |key: &str| -> Result<&str, LoadError> {
        meta.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .ok_or_else(|| LoadError::at(0, format!("no @{key} line")))
    };
    let vintage = Vintage {
        source: meta_value("source")?.to_owned(),
        version: meta_value("version")?.to_owned(),
        geography: meta_value("geography")?.to_owned(),
        effective: date(meta_value("effective")?)
            .ok_or_else(|| LoadError::at(0, "@effective is not a YYYY-MM-DD date"))?,
    };

    // Régions of départements, départements of communes.
    departements.sort_by(|a, b| a.code.cmp(&b.code));
    regions.sort_by(|a, b| a.code.cmp(&b.code));
    for d in &departements {
        if regions
            .binary_search_by(|r| r.code.as_str().cmp(&d.region))
            .is_err()
        {
            return Err(LoadError::at(
                0,
                format!("département {} in unknown région {}", d.code, d.region),
            ));
        }
    }
    // Régions by département code (as a number that sorts like the code), for every commune.
    let mut region_by_departement: Vec<(u64, &str)> = departements
        .iter()
        .map(|d| (short_key(d.code.as_str()), d.region.as_str()))
        .collect();
    region_by_departement.sort_unstable();
    let region_of = |code: &DepartementCode| -> Option<String> {
        let key = short_key(code.as_str());
        let i = region_by_departement
            .binary_search_by(|(k, _)| k.cmp(&key))
            .ok()?;
        region_by_departement.get(i).map(|(_, r)| (*r).to_owned())
    };
    if !codes.is_sorted() {
        communes.sort_unstable_by_key(|c| code_key(&c.insee));
        codes = communes.iter().map(|c| code_key(&c.insee)).collect();
        names = Names::default();
        for commune in &communes {
            names.push(&commune.name);
        }
    }
    if let Some(i) = codes.windows(2).position(|w| w.first() == w.get(1)) {
        let code = communes
            .get(i)
            .map(|c| c.insee.to_string())
            .unwrap_or_default();
        return Err(LoadError::at(0, format!("commune {code} given twice")));
    }
    let position =
        |_: &[CommuneRecord], code: &InseeCode| codes.binary_search(&code_key(code)).ok();
    for commune in &mut communes {
        commune.region = region_of(&commune.departement).ok_or_else(|| {
            LoadError::at(
                0,
                format!("commune {} in unknown département", commune.insee),
            )
        })?;
    }
    for commune in communes
        .iter()
        .filter(|c| c.kind == CommuneKind::Arrondissement)
    {
        let parent_ok = commune
            .parent
            .as_ref()
            .and_then(|p| position(&communes, p))
            .and_then(|i| communes.get(i))
            .is_some_and(|p| p.kind == CommuneKind::Commune);
        if !parent_ok {
            let key = code_key(&commune.insee);
            let line = arrondissements
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(0, |(_, n)| *n);
            return Err(LoadError::at(line, "arrondissement of an unknown commune"));
        }
    }
    for (n, f) in &formers {
        let current_ok = position(&communes, &f.current)
            .and_then(|i| communes.get(i))
            .is_some_and(|c| c.kind == CommuneKind::Commune);
        if !current_ok {
            return Err(LoadError::at(*n, "former commune of an unknown commune"));
        }
    }

    // EPCI memberships: first the EPCI of each commune (a small table: members come in the
    // reference's order, and touching the large records at random is slow), then the records.
    let mut epci_of: Vec<Option<u32>> = vec![None; communes.len()];
    for (e, (n, epci)) in epcis.iter().enumerate() {
        for member in &epci.members {
            let slot = position(&communes, member)
                .and_then(|i| epci_of.get_mut(i))
                .ok_or_else(|| LoadError::at(*n, format!("unknown member {member}")))?;
            if slot.is_some() {
                return Err(LoadError::at(
                    *n,
                    format!("{member} is a member of two EPCI"),
                ));
            }
            *slot = u32::try_from(e).ok();
        }
    }
    for (commune, e) in communes.iter_mut().zip(&epci_of) {
        commune.epci = e
            .and_then(|e| epcis.get(usize::try_from(e).ok()?))
            .map(|(_, epci)| epci.siren.clone());
    }
    // An arrondissement belongs to the EPCI of its commune.
    let parents: Vec<(usize, Option<Siren>)> = communes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let parent = c.parent.as_ref()?;
            let epci = position(&communes, parent)
                .and_then(|p| communes.get(p))
                .and_then(|p| p.epci.clone());
            Some((i, epci))
        })
        .collect();
    for (i, epci) in parents {
        if let Some(c) = communes.get_mut(i) {
            c.epci = epci;
        }
    }

    let mut formers: Vec<FormerCommune> = formers.into_iter().map(|(_, f)| f).collect();
    formers.sort_by(|a, b| a.insee.cmp(&b.insee).then(a.current.cmp(&b.current)));
    let mut epcis: Vec<EpciRecord> = epcis.into_iter().map(|(_, e)| e).collect();
    epcis.sort_by(|a, b| a.siren.cmp(&b.siren));

    let mut others = Vec::with_capacity(other_names.len());
    for (n, code, name) in other_names {
        let i = position(&communes, &code)
            .ok_or_else(|| LoadError::at(n, format!("other name of unknown commune {code}")))?;
        others.push((i, name));
    }

    let parsed = Parsed {
        vintage,
        regions,
        departements,
        communes,
        codes,
        names,
        formers,
        epcis,
        other_names: others,
    };
    check_counts(meta_value("counts")?, &parsed)?;
    Ok(parsed)
}

/// Checks the `@counts` line against what was read (a truncated file fails here).
fn check_counts(counts: &str, parsed: &Parsed) -> Result<(), LoadError> {
    let arrondissements = parsed
        .communes
        .iter()
        .filter(|c| c.kind == CommuneKind::Arrondissement)
        .count();
    let actual = [
        ("regions", parsed.regions.len()),
        ("departements", parsed.departements.len()),
        (
            "communes",
            parsed.communes.len().saturating_sub(arrondissements),
        ),
        ("arrondissements", arrondissements),
        ("former", parsed.formers.len()),
        ("epci", parsed.epcis.len()),
        ("names", parsed.other_names.len()),
    ];
    for (key, count) in actual {
        let declared = declared_count(counts, key);
        if declared != count {
            return Err(LoadError::at(
                0,
                format!("{count} {key} read, the file declares {declared} (truncated?)"),
            ));
        }
    }
    Ok(())
}

/// The count `key=N` of an `@counts` line (0 when absent).
fn declared_count(counts: &str, key: &str) -> usize {
    counts
        .split(' ')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0)
}

fn nonempty(line: usize, value: &str) -> Result<&str, LoadError> {
    if value.is_empty() {
        Err(LoadError::at(line, "empty code"))
    } else {
        Ok(value)
    }
}

fn insee(line: usize, value: &str) -> Result<InseeCode, LoadError> {
    InseeCode::parse(value).map_err(|e| LoadError::at(line, e.to_string()))
}

fn optional_insee(line: usize, value: &str) -> Result<Option<InseeCode>, LoadError> {
    if value.is_empty() {
        Ok(None)
    } else {
        insee(line, value).map(Some)
    }
}

fn siren(line: usize, value: &str) -> Result<Siren, LoadError> {
    Siren::parse(value).map_err(|e| LoadError::at(line, e.to_string()))
}

fn optional_siren(line: usize, value: &str) -> Result<Option<Siren>, LoadError> {
    if value.is_empty() {
        Ok(None)
    } else {
        siren(line, value).map(Some)
    }
}

fn optional_number(line: usize, value: &str) -> Result<Option<u64>, LoadError> {
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<u64>()
        .map(Some)
        .map_err(|_| LoadError::at(line, format!("{value:?} is not a number")))
}

fn postal_codes(line: usize, value: &str) -> Result<Vec<String>, LoadError> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    value
        .split(' ')
        .map(|code| {
            if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
                Ok(code.to_owned())
            } else {
                Err(LoadError::at(
                    line,
                    format!("{code:?} is not a postal code"),
                ))
            }
        })
        .collect()
}

/// `YYYY-MM-DD`.
fn date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}
