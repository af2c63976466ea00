//! The reference data: what it holds, its size budget (printed), and loading that fails cleanly.

use ctg_core::{CommuneKind, FormerKind, Gazetteer, PartyKind};
use ctg_geo::{Geography, EMBEDDED_DATA};
use std::io::Write;

fn geo() -> &'static Geography {
    Geography::embedded().unwrap_or_else(|e| panic!("{e}"))
}

/// The geography has its own size budget (the browser loads the file on demand): 3 MB as is,
/// 1 MB gzip-compressed, as a web server sends it.
#[test]
fn size_budget() {
    let raw = EMBEDDED_DATA.len();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(EMBEDDED_DATA.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let gzipped = encoder.finish().unwrap_or_else(|e| panic!("{e}")).len();
    println!("geography data: {raw} bytes, {gzipped} bytes gzipped (budget 3 000 000 / 1 000 000)");
    assert!(raw <= 3_000_000, "{raw} bytes");
    assert!(gzipped <= 1_000_000, "{gzipped} bytes gzipped");
}

#[test]
fn the_file_on_disk_is_the_embedded_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/cog-2026.tsv");
    let on_disk = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(on_disk, EMBEDDED_DATA);
    for line in [
        "@source\t@etalab/decoupage-administratif",
        "@version\t6.0.0",
        "@geography\tCOG 2026",
        "@effective\t2026-01-01",
    ] {
        assert!(on_disk.lines().any(|l| l == line), "{line}");
    }
    assert!(on_disk.contains("@licence\tLicence Ouverte"));
}

#[test]
fn what_the_reference_holds() {
    let geo = geo();
    let v = geo.vintage();
    assert_eq!(
        (v.source.as_str(), v.version.as_str(), v.geography.as_str()),
        ("@etalab/decoupage-administratif", "6.0.0", "COG 2026")
    );
    assert_eq!(v.effective.to_string(), "2026-01-01");

    let communes = geo
        .communes()
        .iter()
        .filter(|c| c.kind == CommuneKind::Commune)
        .count();
    let arrondissements = geo
        .communes()
        .iter()
        .filter(|c| c.kind == CommuneKind::Arrondissement)
        .count();
    // 34 969 communes in the COG 2026, less the 90 of 984-989 the generator leaves out.
    assert_eq!((communes, arrondissements), (34_879, 45));
    assert_eq!(geo.epcis().len(), 1_255);
    assert_eq!(geo.departements().len(), 101 + 3);
    assert_eq!(geo.regions().len(), 18 + 3);

    // Every commune with a SIREN is found by it; every EPCI member points back to its EPCI.
    for c in geo.communes() {
        if let Some(siren) = &c.siren {
            assert_eq!(
                geo.commune_by_siren(siren).map(|x| &x.insee),
                Some(&c.insee)
            );
        }
        assert_eq!(c.departement, c.insee.departement());
        assert!(geo.region(&c.region).is_some(), "{}", c.insee);
    }
    let mut members = 0;
    for e in geo.epcis() {
        assert!(e.kind.is_epci());
        for m in geo.members(e) {
            assert_eq!(m.epci.as_ref(), Some(&e.siren));
            members += 1;
        }
    }
    // All communes but the four islands outside any EPCI (Bréhat, Sein, Ouessant, Yeu) and the
    // overseas collectivities 975, 977, 978.
    let outside: Vec<&str> = geo
        .communes()
        .iter()
        .filter(|c| c.kind == CommuneKind::Commune && c.epci.is_none())
        .map(|c| c.insee.as_str())
        .collect();
    assert_eq!(
        outside,
        ["22016", "29083", "29155", "85113", "97501", "97502", "97701", "97801"]
    );
    assert_eq!(members, communes - outside.len());
    assert_eq!(
        geo.epcis()
            .iter()
            .filter(|e| e.kind == PartyKind::Metropole)
            .count(),
        22
    );

    // Paris, Lyon, Marseille and their arrondissements.
    let paris = geo
        .commune_by_code("75056")
        .unwrap_or_else(|| panic!("Paris"));
    assert_eq!(paris.postal_codes.len(), 21);
    let sixteenth = geo
        .commune_by_code("75116")
        .unwrap_or_else(|| panic!("75116"));
    assert_eq!(sixteenth.parent.as_ref(), Some(&paris.insee));
    assert_eq!(sixteenth.epci, paris.epci);
    // 75016 serves the 16th arrondissement, and so Paris, which lists all its postal codes.
    let served: Vec<&str> = geo
        .communes_by_postal_code("75016")
        .iter()
        .map(|c| c.insee.as_str())
        .collect();
    assert_eq!(served, ["75056", "75116"]);

    // Former communes: delegated, associated, merged; every record reachable by its code.
    let mut counts = [0usize; 3];
    let mut codes: Vec<&str> = EMBEDDED_DATA
        .lines()
        .filter(|l| l.starts_with("F\t"))
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    codes.dedup();
    for code in codes {
        let formers = geo.former_communes(&code.parse().unwrap_or_else(|e| panic!("{e}")));
        assert!(!formers.is_empty(), "{code}");
        for f in formers {
            assert_eq!(f.insee.as_str(), code);
            assert_eq!(f.name.is_none(), f.kind == FormerKind::Merged, "{code}");
            counts[match f.kind {
                FormerKind::Delegated => 0,
                FormerKind::Associated => 1,
                FormerKind::Merged => 2,
            }] += 1;
        }
    }
    // 2 105 delegated and 471 associated communes in the source; former codes without a status.
    assert_eq!(counts[0] + counts[1], 2_105 + 471);
    assert!(counts[2] > 1_500, "{counts:?}");
}

#[test]
fn gazetteer_for_core() {
    let geo = geo();
    let gazetteer: &dyn Gazetteer = geo;
    let code = "81209".parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        gazetteer.commune(&code).map(|c| c.name.as_str()),
        Some("Pont-de-Larn")
    );
    let siren = "248100745".parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gazetteer.epci(&siren).map(|e| e.members.len()), Some(9));
    let former = "01340".parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        gazetteer
            .former_commune(&former)
            .map(|f| f.current.as_str()),
        Some("01015")
    );
    let conflicting = "55273".parse().unwrap_or_else(|e| panic!("{e}"));
    assert!(gazetteer.former_commune(&conflicting).is_none());
    let delegated_same_code = "60694".parse().unwrap_or_else(|e| panic!("{e}"));
    assert!(gazetteer.commune(&delegated_same_code).is_some());
    assert_eq!(
        gazetteer
            .former_commune(&delegated_same_code)
            .and_then(|f| f.name.as_deref()),
        Some("Villotran")
    );
}

#[test]
fn broken_data_fails_cleanly() {
    // Truncated: the declared counts do not match.
    let half = EMBEDDED_DATA.len() / 2;
    let cut = EMBEDDED_DATA
        .get(..EMBEDDED_DATA[..half].rfind('\n').unwrap_or(0) + 1)
        .unwrap_or("");
    let err = Geography::from_text(cut).unwrap_err();
    assert!(err.message.contains("truncated"), "{err}");
    // A broken record: its line is named.
    let broken = EMBEDDED_DATA.replacen("C\t81005\t", "C\t8100X\t", 1);
    let err = Geography::from_text(&broken).unwrap_err();
    let line = EMBEDDED_DATA
        .lines()
        .position(|l| l.starts_with("C\t81005\t"))
        .unwrap_or(0)
        + 1;
    assert_eq!(err.line, line, "{err}");
    // Not UTF-8, empty, garbage.
    assert!(Geography::from_bytes(&[0xff; 10]).is_err());
    assert!(Geography::from_bytes(b"").is_err());
    assert!(Geography::from_text("Z\tz").is_err());
    assert!(Geography::from_text(
        "@source\tx\n@version\t1\n@geography\tg\n@effective\t2026-02-30\n"
    )
    .is_err());
}
