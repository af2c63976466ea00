"""The official geography from Python: ``ctg.geography()``, its records and lookups, name lookup
(and the shared resolution vectors of ``tests/geo/resolution-vectors.json``, with the Rust
harness's checks), lookup frames, ``fill_identifiers``, validation with ``geography=``, coverage."""

from __future__ import annotations

import datetime
import json
import pickle
import threading
from decimal import Decimal
from typing import Any, Literal

import pandas as pd
import polars as pl
import pytest

import ctg
from conftest import FIXTURES, REPO, THORE

RESOLUTION_VECTORS = REPO / "tests" / "geo" / "resolution-vectors.json"
geo = ctg.geography()


# -- the geography and its records ------------------------------------------------------------


def test_one_shared_geography() -> None:
    assert ctg.geography() is geo
    assert pickle.loads(pickle.dumps(geo)) is geo
    assert geo.vintage.geography == "COG 2026"
    assert geo.vintage.effective == datetime.date(2026, 1, 1)
    assert (geo.vintage.source, geo.vintage.version) == ("@etalab/decoupage-administratif", "6.0.0")
    assert str(geo.vintage) == "COG 2026 (@etalab/decoupage-administratif 6.0.0)"
    assert geo.vintage.to_dict() == {
        "source": "@etalab/decoupage-administratif",
        "version": "6.0.0",
        "geography": "COG 2026",
        "effective": "2026-01-01",
    }
    assert pickle.loads(pickle.dumps(geo.vintage)) == geo.vintage
    assert hash(geo.vintage) == hash(geo.vintage)
    assert len(geo.communes()) == 34_924 and geo.communes() is geo.communes()
    assert len(geo.epcis()) == 1_255
    assert repr(geo) == "<Geography COG 2026 (@etalab/decoupage-administratif 6.0.0): 34924 communes, 1255 EPCI>"


def test_commune_records() -> None:
    lavaur = geo.commune("81140")
    assert lavaur is not None
    assert (lavaur.insee, lavaur.name, lavaur.kind, lavaur.departement, lavaur.region) == (
        "81140",
        "Lavaur",
        "commune",
        "81",
        "76",
    )
    assert (lavaur.siren, lavaur.epci, lavaur.postal_codes, lavaur.parent) == ("218101400", "200034023", ["81500"], None)
    assert isinstance(lavaur.population, int)
    assert lavaur.to_dict()["insee"] == "81140" and set(lavaur.to_dict()) == {
        "insee",
        "name",
        "kind",
        "departement",
        "region",
        "siren",
        "population",
        "epci",
        "postal_codes",
        "parent",
    }
    assert repr(lavaur) == "<CommuneRecord 81140 Lavaur (81)>"
    assert pickle.loads(pickle.dumps(lavaur)) == lavaur
    assert {lavaur, geo.commune("81140")} == {lavaur}
    assert geo.commune_by_siren("218102382") == geo.commune("81238")
    # What the reference does not have is None (or empty), never an exception.
    assert geo.commune("82999") is None and geo.commune("not a code") is None
    assert geo.commune_by_siren("123") is None
    assert geo.epci("000000000") is None and geo.departement("99") is None and geo.region("00") is None
    assert geo.former_communes("x") == [] and geo.members("nope") == []
    paris16 = geo.commune("75116")
    assert paris16 is not None and paris16.kind == "arrondissement" and paris16.parent == "75056"
    assert paris16.siren is None


def test_epci_departement_region_former() -> None:
    lavaur = geo.commune("81140")
    assert lavaur is not None
    cc = geo.epci_of(lavaur)
    assert cc is not None and cc == geo.epci_of("81140") == geo.epci("200034023")
    assert (cc.name, cc.kind, len(cc.members)) == ("CC Tarn-Agout", ctg.PartyKind.CC, 21)
    assert cc.kind == "cc"
    members = geo.members(cc)
    assert members == geo.members("200034023") and [m.insee for m in members] == cc.members
    assert pickle.loads(pickle.dumps(cc)) == cc
    assert len(geo.members(geo.epci("200066322") or cc)) == 22

    tarn = geo.departement("81")
    assert tarn is not None and (tarn.code, tarn.name, tarn.region) == ("81", "Tarn", "76")
    assert geo.departement("2a") == geo.departement("2A")
    occitanie = geo.region("76")
    assert occitanie is not None and occitanie.name == "Occitanie"
    assert pickle.loads(pickle.dumps(tarn)) == tarn and pickle.loads(pickle.dumps(occitanie)) == occitanie
    assert len(geo.departements()) >= 100 and len(geo.regions()) >= 18

    [saint_bois] = geo.former_communes("01340")
    assert (saint_bois.name, saint_bois.kind, saint_bois.current) == ("Saint-Bois", "delegated", "01015")
    assert pickle.loads(pickle.dumps(saint_bois)) == saint_bois
    # The reference puts 55273 under two communes: both are given, none is chosen.
    assert sorted(f.current for f in geo.former_communes("55273")) == ["55245", "55386"]

    assert [c.insee for c in geo.communes_named("PARISOT")] == ["81202", "82137"]
    assert "Albine" in [c.name for c in geo.communes_by_postal_code("81240")]


def test_population_absent_is_none_not_zero() -> None:
    # The arrondissements and a few communes have no population in the reference.
    missing = [c for c in geo.communes() if c.population is None]
    assert all(c.to_dict()["population"] is None for c in missing)
    frame = geo.communes_frame()
    assert int(frame["population"].isna().sum()) == len(missing)
    assert set(frame[frame["population"].isna()]["insee"]) == {c.insee for c in missing}


def test_geography_frames() -> None:
    communes = geo.communes_frame()
    assert list(communes.columns) == [
        "insee",
        "name",
        "kind",
        "departement",
        "region",
        "siren",
        "population",
        "epci",
        "postal_codes",
        "parent",
    ]
    assert len(communes) == 34_924
    assert str(communes["population"].dtype) == "int64[pyarrow]"
    epcis = geo.epcis_frame("polars")
    assert isinstance(epcis, pl.DataFrame) and epcis.height == 1_255
    assert epcis.schema["members"] == pl.List(pl.String)
    tarn_agout = epcis.filter(pl.col("siren") == "200034023")
    assert tarn_agout["members"].to_list()[0] == (geo.epci("200034023") or pytest.fail()).members


# -- lookup ------------------------------------------------------------------------------------


def test_lookup_never_guesses() -> None:
    parisot = geo.lookup("Parisot")
    assert isinstance(parisot, ctg.Lookup)
    assert (parisot.status, parisot.kind, parisot.resolved, parisot.best, parisot.code) == (
        "ambiguous",
        "commune",
        False,
        None,
        None,
    )
    assert [c.code for c in parisot.tied] == ["81202", "82137"]
    in_82 = geo.lookup("Parisot", departement="82")
    assert in_82.status == "resolved" and in_82.code == "82137"
    assert in_82.record == geo.commune("82137")
    assert [(c.code, c.in_context, c.rank) for c in in_82.candidates + in_82.outside_context] == [
        ("82137", True, 1),
        ("81202", False, 2),
    ]
    best = in_82.best
    assert best is not None and (best.score, best.match, best.rules, best.departement) == (100, "exact", [], "82")
    assert in_82 == geo.lookup("  Parisot ", departement=["82"])
    assert in_82.vintage == geo.vintage

    lavaur = geo.lookup("Lavaur", departement="82")
    assert (lavaur.status, lavaur.reason) == ("not_found", "outside_context")
    assert sorted(c.code for c in lavaur.outside_context) == ["24232", "81140"]
    assert lavaur.reason_label("en") == "found only outside the context"
    assert lavaur.status_label("fr") == "introuvable"


def test_lookup_as_people_type() -> None:
    rows = {
        "St-Amans-Soult": "81238",
        "Pont-de-l'Arn": "81209",
        "la mairie de Pont-de-l’Arn": "81209",
        "SAINT AMANS SOULT": "81238",
        "Villefranche s/ Mer": "06159",
        "81140": "81140",
        "Paris 16e": "75116",
    }
    for name, code in rows.items():
        assert geo.lookup(name, departement=["81", "06", "75"]).code == code, name
    cc = geo.lookup("CC Tarn-Agout")
    assert (cc.kind, cc.code) == ("epci", "200034023")
    assert isinstance(cc.record, ctg.EpciRecord) and cc.best is not None and cc.best.departement is None
    several = geo.lookup("Albine", "Lacabarède", departement="81")
    assert isinstance(several, list) and [lk.code for lk in several] == ["81005", "81121"]
    assert geo.lookup("Lavaur", kind="epci").kind == "epci"
    with pytest.raises(ValueError, match="departement"):
        geo.lookup("Lavaur", departement="99")
    with pytest.raises(ValueError, match="epci"):
        geo.lookup("Lavaur", epci="123456789")
    with pytest.raises(ValueError):
        geo.lookup("Lavaur", kind="canton")  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        geo.lookup()  # type: ignore[call-overload]


def test_explanations_follow_the_language() -> None:
    best = geo.lookup("St-Amans-Soult").best
    assert best is not None
    assert best.explanation == "Saint-Amans-Soult (81238) écrit autrement [abbreviation]"
    with ctg.language("en"):
        assert best.explanation == "Saint-Amans-Soult (81238) written differently [abbreviation]"
        assert geo.lookup("Parisot").status_label() == "ambiguous"
    assert best.explain("en") == "Saint-Amans-Soult (81238) written differently [abbreviation]"
    rows = geo.lookup("Parisot", departement="82").rows("fr")
    assert rows[0]["explanation"] == "le nom officiel de Parisot (82137)"
    assert rows[0]["code"] == "82137" and rows[0]["in_context"] is True and rows[1]["in_context"] is False
    assert geo.lookup("Parisot").to_dict()["kind"] == "commune"
    assert geo.lookup("Ronel").best is not None
    former = geo.lookup("Ronel").best
    assert former is not None and former.former is not None and former.former.kind == "delegated"


def test_lookup_frame_keeps_every_name() -> None:
    names = pd.Series(["Parisot", "St Amans Soult", None, "Familles Rurales", float("nan"), "Lavaur"])
    frame = geo.lookup_frame(names, departement="81", lang="en")
    assert list(frame.columns) == [
        "position",
        "query",
        "status",
        "reason",
        "rank",
        "in_context",
        "kind",
        "code",
        "name",
        "departement",
        "population",
        "score",
        "match",
        "rules",
        "explanation",
    ]
    assert sorted(set(frame["position"])) == list(range(6))  # every name, even without candidate
    first = frame[frame["rank"].fillna(0) <= 1].set_index("position")
    assert first.loc[0, "status"] == "resolved" and first.loc[0, "code"] == "81202"
    rules: Any = first.loc[1, "rules"]
    assert first.loc[1, "code"] == "81238" and list(rules) == ["abbreviation"]
    assert (first.loc[2, "status"], first.loc[2, "reason"]) == ("not_found", "empty")
    code: Any = first.loc[3, "code"]
    assert first.loc[3, "status"] == "not_found" and pd.isna(code)
    assert first.loc[5, "explanation"] == "the official name of Lavaur (81140)"
    assert geo.lookup_codes(names, departement="81") == ["81202", "81238", None, None, None, "81140"]
    assert geo.lookup_codes(pd.Series(["Albine", pd.NA], dtype="string"), departement="81") == ["81005", None]
    assert geo.lookup_codes(pl.Series(["Albine", None]), departement="81") == ["81005", None]
    polars = geo.lookup_frame(["Parisot"], backend="polars")
    assert isinstance(polars, pl.DataFrame) and polars["code"].to_list() == ["81202", "82137"]
    with pytest.raises(TypeError):
        geo.lookup_frame("Parisot")
    with pytest.raises(TypeError):
        geo.lookup_codes([42])


def test_lookups_from_threads_agree() -> None:
    names = [c.name for c in geo.communes()[:3000:7]]
    expected = geo.lookup_codes(names)
    results: list[list[str | None]] = []

    def work() -> None:
        results.append(geo.lookup_codes(names))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_resolve_text() -> None:
    listed = geo.resolve_text("Parisot, Laguépie et Saint Antonin Noble Val", departement="82")
    assert listed.codes == ["82137", "82088", "82155"] and listed.unresolved == []
    names = geo.resolve_names(["la CAF du Tarn", "Communauté de communes Thoré Montagne Noire"], departement="81")
    assert names.codes == ["248100745"] and names.unresolved == ["la CAF du Tarn"]
    written, record = names.resolved[0]
    assert isinstance(record, ctg.EpciRecord) and record.name == "CC Thoré Montagne Noire"
    assert names.to_dict()["unresolved"][0]["status"] == "not_found"


def test_departements_and_regions_by_name() -> None:
    tarn = geo.lookup("Tarn")
    assert (tarn.kind, tarn.status, tarn.code) == ("departement", "resolved", "81")
    assert isinstance(tarn.record, ctg.Departement) and tarn.record.name == "Tarn"
    assert tarn.candidates[0].kind == "departement" and tarn.candidates[0].match == "exact"
    assert tarn.candidates[0].explain("fr") == "le département Tarn (81), par son nom officiel"
    assert geo.lookup("tarn et garonne").code == "82"
    paca = geo.lookup("PACA")
    assert (paca.kind, paca.code) == ("region", "93") and isinstance(paca.record, ctg.Region)
    assert geo.lookup("Provence-Alpes-Côte d'Azur").code == "93"
    # A commune and a département of the same name: ambiguous by kind, until the context or the
    # kind says which.
    vienne = geo.lookup("Vienne")
    assert (vienne.kind, vienne.status) == ("mixed", "ambiguous")
    assert [c.kind for c in vienne.tied] == ["commune", "departement"]
    assert geo.lookup("Vienne", departement="38").code == "38544"
    assert geo.lookup("Vienne", kind="departement").code == "86"
    assert geo.lookup("Vienne", kind="commune").code == "38544"
    assert geo.lookup("76", kind="region").code == "76" and geo.lookup("76").code == "76"
    assert geo.lookup("76", kind="region").record == geo.region("Occitanie")
    assert geo.lookup_codes(["Tarn", "Vienne", "Occitanie"]) == ["81", None, "76"]
    # By name or code, like the Rust API.
    assert geo.departement("Tarn-et-Garonne") == geo.departement("82")
    assert geo.departement("tarn et garonne") is not None and geo.departement("Tarnn") is None
    region = geo.region("Provence-Alpes-Côte d’Azur")
    assert region is not None and region.code == "93" and geo.region("PACA") == region
    listed = geo.resolve_names(["Tarn", "Occitanie", "Vienne"], lang="en")
    assert listed.codes == ["81", "76"] and listed.unresolved == ["Vienne"]
    assert isinstance(listed.resolved[1][1], ctg.Region)


def test_postal_codes_and_typos_between_two_communes() -> None:
    moissac = geo.lookup("82200")
    assert moissac.status == "ambiguous" and "82112" in [c.code for c in moissac.tied]
    assert moissac.tied[0].match == "postal_code"
    assert geo.lookup("81000").code == "81004"
    typo = geo.lookup("Castelsarazin")
    assert typo.status == "ambiguous" and [c.code for c in typo.tied] == ["40074", "82033"]
    assert geo.lookup("Castelsarazin", departement="82").code == "82033"


def test_lists_and_notes_in_the_language_asked() -> None:
    text = "Boudou et Malause ainsi que la CC Terres des Confluences"
    listed = geo.resolve_text(text, departement="82", lang="fr")
    assert listed.codes == ["82019", "82101", "200066322"]
    assert listed.to_dict()["lang"] == "fr"
    assert listed.to_dict()["resolved"][2]["explanation"] == "l’EPCI CC Terres des Confluences (200066322)"
    parisot = geo.resolve_names(["Parisot"], lang="en").to_dict()["unresolved"][0]
    assert parisot["explanation"].startswith("ambiguous: 2 communes match equally well")
    with ctg.language("fr"):
        parisot = geo.resolve_names(["Parisot"]).to_dict()["unresolved"][0]
        assert parisot["explanation"].startswith("ambigu : 2 communes correspondent aussi bien")
    draft = {"parties": [{"id": "p", "kind": "commune", "name": "Parisot"}, {"id": "a", "kind": "commune", "name": "Albine"}]}
    fr = geo.fill_identifiers(draft, lang="fr")
    assert fr.notes[0]["message"].startswith("« Parisot » correspond à plusieurs communes")
    assert fr.changes[0]["reason"] == "« Albine » : le nom officiel de Albine (81005) (COG 2026)"
    en = geo.fill_identifiers(draft, lang="en")
    assert en.changes[0]["reason"] == '"Albine": the official name of Albine (81005) (COG 2026)'
    assert en.to_dict()["lang"] == "en"


# -- the shared resolution vectors ---------------------------------------------------------


def context_of(vector: dict[str, Any]) -> dict[str, Any]:
    c = vector.get("context", {})
    return {"departement": c.get("departements"), "region": c.get("regions"), "epci": c.get("epcis")}


def check_resolution(vector: dict[str, Any], lookup: ctg.Lookup) -> list[str]:
    """What differs between a lookup and its vector (the checks of ctg-geo/tests/vectors.rs)."""
    errors = []
    if lookup.status != vector["status"]:
        errors.append(f"status {lookup.status} (expected {vector['status']})")
    first = lookup.candidates[0] if lookup.candidates else None
    for field in ("insee", "siren"):
        if field in vector and (first is None or first.code != vector[field]):
            errors.append(f"first candidate {first and first.code} (expected {vector[field]})")
    if "match" in vector and (first is None or first.match != vector["match"]):
        errors.append(f"match {first and first.match} (expected {vector['match']})")
    if "distance" in vector and (first is None or first.distance != vector["distance"]):
        errors.append(f"distance {first and first.distance} (expected {vector['distance']})")
    if "rules" in vector and sorted(first.rules if first else []) != sorted(vector["rules"]):
        errors.append(f"rules {first and first.rules} (expected {vector['rules']})")
    if "former" in vector:
        former = first.former if first else None
        if former is None or former.insee != vector["former"]:
            errors.append(f"former {former} (expected {vector['former']})")
    if "reason" in vector and lookup.reason != vector["reason"]:
        errors.append(f"reason {lookup.reason} (expected {vector['reason']})")
    if "candidates" in vector and sorted(c.code for c in lookup.tied) != sorted(vector["candidates"]):
        errors.append(f"tied {[c.code for c in lookup.tied]} (expected {vector['candidates']})")
    if "outside_context" in vector:
        outside = sorted(c.code for c in lookup.outside_context)
        if outside != sorted(vector["outside_context"]):
            errors.append(f"outside context {outside} (expected {vector['outside_context']})")
    if "members" in vector:
        record = first.record if first else None
        count = len(record.members) if isinstance(record, ctg.EpciRecord) else 0
        if count != vector["members"]:
            errors.append(f"{count} members (expected {vector['members']})")
    return errors


def test_resolution_vectors() -> None:
    vectors = json.loads(RESOLUTION_VECTORS.read_text(encoding="utf-8"))
    assert vectors["reference"]["geography"] == geo.vintage.geography
    assert vectors["reference"]["version"] == geo.vintage.version
    failures = []
    count = 0
    sections: list[tuple[Literal["commune", "epci"], str]] = [("commune", "communes"), ("epci", "epcis")]
    for kind, section in sections:
        for vector in vectors[section]:
            count += 1
            ctx = context_of(vector)
            lookup = geo.lookup(
                vector["name"], kind=kind, departement=ctx["departement"], region=ctx["region"], epci=ctx["epci"]
            )
            failures += [f"{kind} {vector['name']!r} [{vector['group']}]: {e}" for e in check_resolution(vector, lookup)]
    for vector in vectors["lists"]:
        count += 1
        if "text" in vector:
            listed = geo.resolve_text(vector["text"], **context_of(vector))
        else:
            listed = geo.resolve_names(vector["names"], **context_of(vector))
        if (listed.codes, listed.unresolved) != (vector["resolved"], vector["unresolved"]):
            failures.append(f"list [{vector['group']}]: {listed.codes}, {listed.unresolved}")
    assert count > 100
    assert failures == []


# -- fill_identifiers ------------------------------------------------------------------------


def test_fill_identifiers() -> None:
    draft = {
        "parties": [
            {"id": "caf", "kind": "caf", "name": "Caf de Tarn-et-Garonne"},
            {"id": "parisot", "kind": "commune", "name": "Parisot"},
            {"id": "lavaur", "kind": "commune", "name": "Lavaur", "departement": "82"},
        ]
    }
    filled = geo.fill_identifiers(draft)
    assert filled.document["parties"][1]["insee"] == "82137"  # in the Caf's département
    assert [c["path"] for c in filled.changes] == [
        "parties[0].departement",
        "parties[1].insee",
        "parties[1].siren",
        "parties[1].departement",
    ]
    assert [(n["path"], n["kind"]) for n in filled.notes] == [("parties[2].insee", "not_found")]
    assert "insee" not in filled.document["parties"][2]  # never a guess
    assert draft["parties"][1] == {"id": "parisot", "kind": "commune", "name": "Parisot"}  # not changed
    assert filled.vintage == geo.vintage
    assert filled.to_dict()["document"] == filled.document
    assert geo.fill_identifiers(json.dumps(draft)).to_dict() == filled.to_dict()
    # A valid convention has nothing to fill.
    assert geo.fill_identifiers(ctg.sample()).changes == []
    # Read by core's rules (as ctg resolve does): a Decimal is its plain writing, and nothing
    # that would change a value silently passes — every such issue is listed with its path.
    decimal = geo.fill_identifiers({"parties": [], "amount": Decimal("4.08E+4")})
    assert decimal.document["amount"] == "40800"
    with pytest.raises(ctg.ValidationError) as duplicate:
        geo.fill_identifiers('{"parties": [], "x": {"2023": "1.00", "2023": "40800.00"}, "n": 1e2}')
    assert [(e["type"], e["loc"]) for e in duplicate.value.errors()] == [
        ("json.duplicate_key", ("x", "2023")),
        ("json.number_rewritten", ("n",)),
    ]
    with pytest.raises(ctg.ValidationError, match="text.lone_surrogate"):
        geo.fill_identifiers({"parties": [{"name": "Pont-de-l\ud800Arn"}]})
    with pytest.raises(ctg.ValidationError, match="value.nan"):
        geo.fill_identifiers({"parties": [], "amount": float("nan")})
    with pytest.raises(ctg.ValidationError, match="json.syntax"):
        geo.fill_identifiers("{")


def test_filled_fixture_validates_with_the_geography() -> None:
    doc = json.loads((FIXTURES / "tarn-agout-2023-2026.json").read_text(encoding="utf-8"))
    for party in doc["parties"]:
        for field in ("insee", "siren", "members"):
            party.pop(field, None)
    filled = geo.fill_identifiers(doc)
    assert filled.changes
    conv = ctg.Convention.from_dict(filled.document, geography=geo)
    assert conv == ctg.load(FIXTURES / "tarn-agout-2023-2026.json")


# -- validation with the geography ---------------------------------------------------------


def test_validation_with_the_geography() -> None:
    report = ctg.validate(ctg.sample_json(), geography=geo)
    assert report.valid and [i.code for i in report.infos] == ["geo.commune_outside_epci"] * 2
    assert ctg.validate(ctg.sample_json()).infos == []  # without: as before
    assert ctg.validate(ctg.sample_json(), geography=True) == report
    assert ctg.validate(ctg.sample_json(), geography=False) == ctg.validate(ctg.sample_json())

    doc = ctg.sample().to_dict()
    doc["parties"][5]["insee"] = "82999"  # Albine
    doc["parties"][6]["insee"] = "75056"  # Rouairoux: Paris's code
    doc["parties"][7]["departement"] = "82"  # Lacabarède
    with pytest.raises(ctg.ValidationError) as info:
        ctg.Convention.from_dict(doc, geography=geo)
    errors = info.value.errors(lang="en")
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("geo.insee_unknown", ("parties", 5, "insee")),
        ("geo.insee_mismatch", ("parties", 6, "insee")),
        ("geo.departement_mismatch", ("parties", 7, "departement")),
    ]
    assert errors[1]["msg"] == (
        "the INSEE code 75056 is that of Paris, but the party's name and SIREN designate Rouairoux (81231)"
        " in the reference (COG 2026)"
    )
    assert all(e["ctx"]["geography"] == "COG 2026" for e in errors)
    assert all(e["ctx"]["effective"] == datetime.date(2026, 1, 1) for e in errors)
    assert ctg.Convention.from_dict(doc) is not None  # without the geography: valid
    assert ctg.load(THORE, geography=geo) == ctg.sample()
    with pytest.raises(TypeError, match="geography"):
        ctg.validate(doc, geography="COG 2026")  # type: ignore[arg-type]


# -- coverage -------------------------------------------------------------------------------


def test_coverage_of_the_sample() -> None:
    coverage = ctg.sample().coverage(geo)
    assert coverage == ctg.sample().coverage()
    assert coverage.vintage == geo.vintage
    assert (len(coverage.communes), coverage.population) == (11, 9_538)
    per = coverage.funding_per_inhabitant
    assert per is not None
    assert (per.per_year, per.population, per.years, per.decimals, per.rounding) == (
        Decimal("25.35"),
        9_538,
        3,
        2,
        "half_away_from_zero",
    )
    assert per.by_year == {2023: Decimal("25.35"), 2024: Decimal("25.35"), 2025: Decimal("25.35")}
    albine = next(c for c in coverage.communes if c.name == "Albine")
    assert albine.parties == ["cc-thore-montagne-noire", "albine"] and albine.former_codes == []
    assert coverage.members_not_parties == () and coverage.unresolved == ()
    data = coverage.to_dict()
    assert data["funding_per_inhabitant"]["per_year"] == "25.35"
    assert data["funding_per_inhabitant"]["rounding"] == "half_away_from_zero"
    assert data["vintage"]["geography"] == "COG 2026" and data["population"] == 9_538
    assert coverage.to_text("fr").splitlines()[:2] == [
        "Territoire (référence COG 2026)",
        "  11 communes, 9\u202f538 habitants",
    ]
    with ctg.language("en"):
        assert str(coverage).startswith("Territory (reference COG 2026)")
    assert "€25.35" in coverage.to_html("en") and coverage._repr_html_() == coverage.to_html()
    assert repr(coverage) == "<Coverage COG 2026: 11 communes, 9538 inhabitants>"
    text = ctg.sample().to_text("fr", datetime.date(2024, 6, 1), geography=geo)
    assert "Territoire (référence COG 2026)" in text
    assert ctg.sample().to_text("fr", datetime.date(2024, 6, 1)) in text
    assert "25,35" in ctg.sample().to_html("fr", datetime.date(2024, 6, 1), geography=True)


def test_coverage_unresolved_and_members_not_parties() -> None:
    doc = ctg.sample().to_dict()
    doc["parties"][5]["insee"] = "82999"
    coverage = ctg.Convention.from_dict(doc).coverage(geo)
    [unresolved] = coverage.unresolved
    assert (unresolved.party, unresolved.reason, unresolved.value) == ("albine", "unknown_insee", "82999")
    assert unresolved.reason_label("fr") == "code INSEE inconnu"
    assert coverage.population is None and coverage.funding_per_inhabitant is None  # never a partial sum

    tarn_agout = ctg.load(FIXTURES / "tarn-agout-2023-2026.json").coverage()
    assert len(tarn_agout.members_not_parties) == 18
    assert tarn_agout.members_not_parties[0].epci == "cc-tarn-agout"
    assert tarn_agout.funding_per_inhabitant is None  # no funding section


def test_coverage_frames() -> None:
    convs = [ctg.sample(), ctg.load(FIXTURES / "tarn-agout-2023-2026.json")]
    frame = ctg.coverage_frame(convs, geo)
    assert list(frame.columns) == [
        "convention_id",
        "insee",
        "name",
        "departement",
        "population",
        "parties",
        "former_codes",
    ]
    sums = frame.groupby("convention_id")["population"].sum()
    for conv in convs:
        assert int(sums[conv.id]) == conv.coverage().population
    one = ctg.sample().coverage().frame("polars")
    assert isinstance(one, pl.DataFrame) and one.height == 11
    # A convention covering no commune keeps one row of nulls.
    bare = ctg.Convention.build(
        "ctg-81-vide",
        "CTG sans commune",
        ctg.Period(2024, 2026),
        parties=[ctg.Party("caf-81", "Caf du Tarn", kind="caf", role="caf", departement="81")],
        domains=["petite_enfance"],
    )
    empty = ctg.coverage_frame([bare])
    insee: Any = empty.loc[0, "insee"]
    assert len(empty) == 1 and pd.isna(insee)
    assert bare.coverage().population is None
