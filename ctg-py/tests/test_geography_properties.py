"""Hypothesis properties of the geography binding: records round-trip through every lookup and
pickle, an official name looked up in its département finds its commune (never a guess past a
tie), and a coverage's population is the sum of its distinct communes' populations, computed here
from the records."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ctg

geo = ctg.geography()
COMMUNES = geo.communes()
EPCIS = geo.epcis()
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

communes = st.sampled_from(COMMUNES)


@PROFILE
@given(communes)
def test_every_lookup_gives_the_record_back(c: ctg.CommuneRecord) -> None:
    assert geo.commune(c.insee) == c
    assert pickle.loads(pickle.dumps(c)) == c and hash(pickle.loads(pickle.dumps(c))) == hash(c)
    assert c.to_dict()["insee"] == c.insee and c.to_dict()["population"] == c.population
    if c.siren is not None:
        assert geo.commune_by_siren(c.siren) == c
    if c.epci is not None:
        epci = geo.epci(c.epci)
        # A municipal arrondissement is in its commune's EPCI; the commune is the member.
        member = c.parent if c.kind == "arrondissement" else c.insee
        assert epci is not None and member in epci.members
        assert c.kind == "arrondissement" or c in geo.members(epci)
        assert geo.epci_of(c) == epci
    departement = geo.departement(c.departement)
    assert departement is not None and departement.region == c.region
    assert c in geo.communes_named(c.name)


@PROFILE
@given(communes)
def test_an_official_name_in_its_departement_finds_its_commune(c: ctg.CommuneRecord) -> None:
    lookup = geo.lookup(c.name, departement=c.departement, kind="commune")
    assert lookup.status in ("resolved", "ambiguous")
    assert c.insee in [t.code for t in lookup.tied]
    if lookup.status == "resolved":
        assert lookup.code == c.insee and lookup.record == c
    else:
        assert lookup.code is None and lookup.best is None  # a tie is never broken by a guess
    assert geo.lookup_codes([c.name], departement=c.departement, kind="commune") == [lookup.code]


def party(c: ctg.CommuneRecord) -> ctg.Party:
    return ctg.Party(f"c-{c.insee.lower()}", c.name, kind="commune", role="signatory", insee=c.insee)


@st.composite
def territories(draw: st.DrawFn) -> tuple[list[ctg.CommuneRecord], ctg.EpciRecord | None]:
    """Some signing communes of one département, and maybe one of its EPCI with its members (some
    communes brought twice: by themselves and by their EPCI)."""
    epci = draw(st.none() | st.sampled_from(EPCIS))
    pool = geo.members(epci) if epci is not None else []
    if not pool or draw(st.booleans()):
        first = draw(communes)
        pool = pool + [c for c in geo.communes_by_postal_code(first.postal_codes[0]) if c.kind == "commune"] + [first]
    pool = [c for c in pool if c.kind == "commune"]
    chosen = draw(st.lists(st.sampled_from(pool), max_size=8, unique_by=lambda c: c.insee)) if pool else []
    return chosen, epci


@PROFILE
@given(territories())
def test_coverage_population_is_the_sum_of_distinct_communes(territory: tuple[list[ctg.CommuneRecord], ctg.EpciRecord | None]) -> None:
    chosen, epci = territory
    parties = [ctg.Party("caf", "Caf", kind="caf", role="caf")] + [party(c) for c in chosen]
    if epci is not None:
        parties.append(ctg.Party("epci", epci.name, kind=epci.kind, role="signatory", siren=epci.siren, members=epci.members))
    conv = ctg.Convention.build("ctg-test", "CTG", ctg.Period(2024, 2026), parties=parties, domains=["jeunesse"])
    coverage = conv.coverage(geo)

    distinct = {c.insee: c for c in chosen}
    if epci is not None:
        distinct.update({m.insee: m for m in geo.members(epci)})
    assert sorted(c.insee for c in coverage.communes) == sorted(distinct)
    populations = [c.population for c in distinct.values()]
    expected = None if not distinct or None in populations else sum(p for p in populations if p is not None)
    assert coverage.population == expected
    assert coverage.unresolved == ()
    for covered in coverage.communes:
        brought_by = [f"c-{covered.insee.lower()}"] if covered.insee in {c.insee for c in chosen} else []
        if epci is not None and covered.insee in epci.members:
            brought_by.append("epci")
        assert sorted(covered.parties) == sorted(brought_by)
        assert covered.population == distinct[covered.insee].population
    frame = ctg.coverage_frame([conv], geo)
    if expected is not None:
        assert int(frame["population"].sum()) == expected
