"""The shared vectors of tests/vectors/life/ (also run by ctg-core/tests/life_vectors.rs and the
WebAssembly suite), with the same checks: the convention in force at dates, comparisons (and
applying a diff's changes), renewals."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import ctg
from conftest import VECTORS

LIFE = sorted((VECTORS / "life").glob("*.json"))


def vector(path: Path) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return value


def test_there_are_life_vectors() -> None:
    assert len(LIFE) >= 6
    kinds = {p.name.split("-")[0] for p in LIFE}
    assert kinds == {"as", "diff", "renewal"}


def check_as_of(v: dict[str, Any]) -> None:
    conv = ctg.Convention.from_dict(v["input"])
    assert conv.amendments and all(a.changes for a in conv.amendments)
    for step in v["as_of"]:
        day = datetime.date.fromisoformat(step["date"])
        in_force = conv.as_of(day)
        c = in_force.convention
        assert [a.number for a in in_force.applied] == step["applied"], day
        assert [a.number for a in in_force.pending] == step["pending"], day
        totals = c.totals()
        assert (None if totals is None else str(totals.total)) == step["total"], day
        assert len(c.action_sheets) == step["action_sheets"], day
        assert len(c.domains) == step["domains"], day
        assert c.amendments == ()  # the text in force: its amendments are applied or pending


def check_diff(v: dict[str, Any]) -> None:
    a = ctg.Convention.from_dict(v["before"])
    b = ctg.Convention.from_dict(v["after"])
    diff = a.diff(b)
    assert ctg.diff(a, b) == diff
    expected = v["expect"]["changes"]
    assert len(diff.changes) == len(expected), diff.to_text("en")
    for change, want in zip(diff.changes, expected):
        got: dict[str, Any] = {
            "kind": change.kind.code,
            "subject": change.subject,
            "before": change.before is not None,
            "after": change.after is not None,
        }
        if "difference" in want:
            got["difference"] = None if change.difference is None else str(change.difference)
        assert got == want
    assert list(diff.fields) == v["expect"]["fields"]
    assert diff.is_empty == (not expected and not v["expect"]["fields"])
    # Applying the changes to the first gives the second, on everything they cover.
    applied = a.apply(diff.changes)
    assert applied.diff(b).changes == ()
    # The data form is the CLI's --json.
    data = diff.to_dict()
    assert [c["kind"] for c in data["changes"]] == [c["kind"] for c in expected]
    assert data["fields"] == v["expect"]["fields"]


def check_renewal(v: dict[str, Any]) -> None:
    previous = ctg.Convention.from_dict(v["before"])
    new = ctg.Convention.from_dict(v["after"])
    renewal = new.renewal_of(previous)
    expect = v["expect"]
    assert [[link.previous, link.next] for link in renewal.continued] == expect["continued"]
    assert [s.number for s in renewal.started] == expect["started"]
    assert [s.number for s in renewal.stopped] == expect["stopped"]
    assert list(renewal.joined) == expect["joined"]
    assert list(renewal.left) == expect["left"]
    assert [str(d) for d in renewal.domains_added] == expect["domains_added"]
    assert [str(d) for d in renewal.domains_removed] == expect["domains_removed"]
    assert renewal.envelope.to_dict() == expect["envelope"]
    assert renewal.to_dict()["envelope"] == expect["envelope"]
    # The same numbers as Decimal values.
    envelope = renewal.envelope
    for name, text in expect["envelope"].items():
        value = getattr(envelope, name)
        assert (None if value is None else str(value)) == text, name


@pytest.mark.parametrize("path", LIFE, ids=[p.stem for p in LIFE])
def test_life_vector(path: Path) -> None:
    v = vector(path)
    if "as_of" in v:
        check_as_of(v)
    elif path.name.startswith("renewal-"):
        check_renewal(v)
    else:
        check_diff(v)
