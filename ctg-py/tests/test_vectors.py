"""The shared validation vectors (tests/vectors/*.json): same verdicts, codes, paths and totals
as the Rust tests, through every way into the binding (JSON text, bytes, dict)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import ctg
from conftest import VECTORS

VECTOR_FILES = sorted(VECTORS.glob("*.json"))
Key = tuple[str, str, str]


def raw_input(path: Path) -> tuple[dict[str, Any], str]:
    """The vector, and the raw JSON text of its input (``input`` member, else ``input_text``)."""
    text = path.read_text(encoding="utf-8")
    vector = json.loads(text)
    if "input_text" in vector:
        return vector, vector["input_text"]
    match = re.search(r'^  "input":\s*', text, re.MULTILINE)
    assert match, f"{path.name}: no top-level input member"
    _, end = json.JSONDecoder().raw_decode(text, match.end())
    return vector, text[match.end() : end]


def issue_keys(report: ctg.Report) -> list[Key]:
    return sorted((i.path, i.code, i.severity) for i in report.issues)


def expected_keys(vector: dict[str, Any]) -> list[Key]:
    return sorted((i["path"], i["code"], i["severity"]) for i in vector["expect"]["issues"])


def as_text(value: Any) -> Any:
    """Totals as the vectors write them: money as strings, maps with string keys."""
    if isinstance(value, dict):
        return {str(k): as_text(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


def test_there_are_vectors() -> None:
    assert len(VECTOR_FILES) > 90


@pytest.mark.parametrize("path", VECTOR_FILES, ids=[p.stem for p in VECTOR_FILES])
def test_vector(path: Path) -> None:
    vector, text = raw_input(path)
    expect = vector["expect"]

    reports = {"str": ctg.validate(text), "bytes": ctg.validate(text.encode("utf-8"))}
    if "input" in vector:
        # The parsed document, through the Python → JSON conversion.
        reports["dict"] = ctg.validate(vector["input"])
    for how, report in reports.items():
        assert report.valid == expect["valid"], (how, report.to_dict())
        assert issue_keys(report) == expected_keys(vector), how

    if expect["valid"]:
        conv = ctg.loads(text)
        if "input" in vector:
            assert ctg.Convention.from_dict(vector["input"]) == conv
        totals = conv.totals().to_dict()
        for key, expected in expect.get("totals", {}).items():
            assert as_text(totals[key]) == expected, key
    else:
        with pytest.raises(ctg.ValidationError) as info:
            ctg.loads(text)
        assert sorted((e["path"], e["code"], e["severity"]) for e in info.value.errors()) == expected_keys(vector)
