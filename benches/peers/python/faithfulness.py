"""How faithful the pydantic peer is to ctg: the shared vectors (tests/vectors/*.json) and the
fixtures (tests/fixtures/*.json), run through the peer, compared with the hand-written
expectations (never with ctg's output).

For each vector given as a JSON document (``input``, fed as its raw bytes so that a literal such
as ``4.08e4`` reaches the parser as written, or ``input_text``); the ``host-*`` vectors hold
Python/JavaScript values, not JSON, and are left out:

- a valid vector must be accepted, with the expected totals (``expect.totals``);
- an invalid vector must be rejected ("rejected"), and for "same errors" the peer's errors,
  translated to ctg's codes and paths by ``ctg_peer_pydantic.issues``, must be exactly the
  expected errors (as a set of ``(code, path)``; warnings are left out: the peer has none).

``python faithfulness.py`` prints the table and every divergence; ``test_faithfulness.py``
asserts that the divergences are exactly the documented ones (``KNOWN`` there).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

import ctg_peer_pydantic as peer  # noqa: E402

VECTORS = ROOT / "tests" / "vectors"
FIXTURES = ROOT / "tests" / "fixtures"


def raw_member(text: str, name: str) -> Optional[str]:
    """The raw text of the top-level member ``name`` of the JSON object ``text``."""
    dec = json.JSONDecoder()
    ws = " \t\r\n"
    i = text.index("{") + 1
    while True:
        while text[i] in ws or text[i] == ",":
            i += 1
        if text[i] == "}":
            return None
        key, i = dec.raw_decode(text, i)
        while text[i] in ws or text[i] == ":":
            i += 1
        _, end = dec.raw_decode(text, i)
        if key == name:
            return text[i:end]
        i = end


def money(value: Decimal) -> str:
    return f"{value:.2f}"


def totals_as_strings(t: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The peer's totals written as the vectors write them."""
    if t is None:
        return None
    share = t["coordination_share"]
    return {
        "total": money(t["total"]),
        "by_year": {str(y): money(v) for y, v in t["by_year"].items()},
        "by_beneficiary": {k: money(v) for k, v in t["by_beneficiary"].items()},
        "by_domain": {k: money(v) for k, v in t["by_domain"].items()},
        "by_facility_kind": {k: money(v) for k, v in t["by_facility_kind"].items()},
        "coordination": money(t["coordination"]),
        "coordination_share": None if share is None else f"{share:.4f}",
    }


@dataclass
class Outcome:
    name: str
    expect_valid: bool
    accepted: bool
    expected_errors: set[tuple[str, str]]
    errors: set[tuple[str, str]] = field(default_factory=set)
    has_totals: bool = False  # the vector gives expected totals
    totals_ok: Optional[bool] = None  # None: no totals expected, or not accepted
    totals_diff: str = ""

    @property
    def faithful(self) -> bool:
        if self.expect_valid:
            return self.accepted and self.totals_ok is not False
        return not self.accepted and self.errors == self.expected_errors

    @property
    def verdict(self) -> str:
        if self.expect_valid:
            if not self.accepted:
                return "refused: " + ", ".join(f"{c} at {p}" for c, p in sorted(self.errors))
            return "accepted, totals differ: " + self.totals_diff if self.totals_ok is False else "ok"
        if self.accepted:
            return "accepted (ctg refuses: " + ", ".join(c for c, _ in sorted(self.expected_errors)) + ")"
        if self.errors != self.expected_errors:
            return "refused differently: got " + ", ".join(
                f"{c} at {p}" for c, p in sorted(self.errors)
            ) + " ; expected " + ", ".join(f"{c} at {p}" for c, p in sorted(self.expected_errors))
        return "ok"


def run_one(name: str, data: bytes, expect: dict[str, Any]) -> Outcome:
    expected_errors = {
        (i["code"], i["path"]) for i in expect["issues"] if i["severity"] == "error"
    }
    out = Outcome(name, expect["valid"], False, expected_errors, has_totals="totals" in expect)
    try:
        _, t = peer.load(data)
        out.accepted = True
    except peer.ValidationError as err:
        out.errors = set(peer.issues(err))
        return out
    if "totals" in expect:
        want = expect["totals"]
        got = totals_as_strings(t)
        if want is None or got is None:
            out.totals_ok = want is None and got is None
            out.totals_diff = f"expected {want}, got {got}"
        else:
            diffs = [k for k, v in want.items() if got.get(k) != v]
            out.totals_ok = not diffs
            out.totals_diff = "; ".join(f"{k}: expected {want[k]}, got {got.get(k)}" for k in diffs)
    return out


def vectors() -> list[tuple[str, bytes, dict[str, Any]]]:
    """``(name, JSON bytes, expect)`` of every vector given as JSON (not the host vectors)."""
    out = []
    for path in sorted(VECTORS.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        vector = json.loads(text)
        if "gazetteer" in vector:
            continue  # checked against the official geography, which the peers do not have
        if "input" in vector:
            raw = raw_member(text, "input")
            assert raw is not None
            data = raw.encode("utf-8")
        elif "input_text" in vector:
            data = vector["input_text"].encode("utf-8", "surrogatepass")
        else:
            continue  # input_host: a Python or JavaScript value, not a JSON document
        out.append((path.stem, data, vector["expect"]))
    return out


def run_all() -> list[Outcome]:
    return [run_one(name, data, expect) for name, data, expect in vectors()]


def table(outcomes: list[Outcome], fixtures_accepted: int, fixtures: int) -> str:
    valid = [o for o in outcomes if o.expect_valid]
    invalid = [o for o in outcomes if not o.expect_valid]
    with_totals = [o for o in valid if o.has_totals]
    rows = [
        ("fixtures accepted", fixtures_accepted, fixtures),
        ("valid vectors accepted", sum(o.accepted for o in valid), len(valid)),
        ("… with the expected totals", sum(bool(o.totals_ok) for o in with_totals), len(with_totals)),
        ("invalid vectors rejected", sum(not o.accepted for o in invalid), len(invalid)),
        ("… with exactly ctg's errors (code and path)",
         sum(not o.accepted and o.errors == o.expected_errors for o in invalid), len(invalid)),
    ]
    lines = ["| pydantic peer | count |", "|---|---|"]
    lines += [f"| {label} | {n}/{k} |" for label, n, k in rows]
    return "\n".join(lines)


def fixtures_accepted() -> tuple[int, int]:
    files = sorted(FIXTURES.glob("*.json"))
    ok = 0
    for f in files:
        try:
            peer.load(f.read_bytes())
            ok += 1
        except peer.ValidationError:
            pass
    return ok, len(files)


if __name__ == "__main__":
    outcomes = run_all()
    print(table(outcomes, *fixtures_accepted()))
    print()
    for o in outcomes:
        if not o.faithful:
            print(f"- {o.name}: {o.verdict}")
