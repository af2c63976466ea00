"""Views share the convention: collections are tuples made once, every access gives the same
objects back, and absent funding is None (not zero)."""

from __future__ import annotations

import json

import ctg
from conftest import THORE


def test_collections_are_made_once() -> None:
    conv = ctg.sample()
    for name in ("parties", "cafs", "collectivities", "domains", "stakes", "objectives", "action_sheets", "governance", "amendments", "sources"):
        first = getattr(conv, name)
        assert isinstance(first, tuple), name
        assert getattr(conv, name) is first, name  # no copy on the next access
    assert conv.period is conv.period and conv.signature is conv.signature
    assert conv.funding is conv.funding and conv.totals() is conv.totals()
    funding = conv.funding
    assert funding is not None
    assert funding.allocations is funding.allocations and funding.beneficiaries is funding.beneficiaries
    sheet = conv.action_sheets[1]
    assert sheet.domains is sheet.domains and sheet.indicators is sheet.indicators
    assert conv.period.years is conv.period.years


def test_lookups_give_the_shared_objects() -> None:
    conv = ctg.sample()
    caf = conv.cafs[0]
    assert caf is conv.parties[conv.parties.index(caf)]
    assert conv.party(caf.id) is caf
    assert all(any(c is p for p in conv.parties) for c in conv.collectivities)
    assert conv.action_sheet(3) is conv.action_sheets[2]
    funding = conv.funding
    assert funding is not None
    first = funding.beneficiaries[0]
    assert funding.beneficiary(first.id) is first
    assert conv.party("nope") is None and conv.action_sheet(999) is None


def test_nothing_can_change_the_convention() -> None:
    conv = ctg.sample()
    parties = conv.parties
    try:
        parties.append(parties[0])  # type: ignore[attr-defined]
    except AttributeError:
        pass
    assert len(conv.parties) == 13
    totals = conv.totals()
    assert totals is not None
    totals.by_year[2023] = totals.by_year[2023] * 2  # a new dict each time
    assert str(totals.by_year[2023]) == "241801.00"


def test_absent_funding_is_none() -> None:
    doc = json.loads(THORE.read_text(encoding="utf-8"))
    del doc["funding"]
    conv = ctg.Convention.from_dict(doc)
    assert conv.funding is None and conv.totals() is None
    assert "725" not in repr(conv)
    doc = json.loads(THORE.read_text(encoding="utf-8"))
    doc["funding"] = {"beneficiaries": [], "allocations": []}
    zero = ctg.Convention.from_dict(doc).totals()
    assert zero is not None and str(zero.total) == "0.00"  # present, and zero
