"""The shared validation vectors (tests/vectors/*.json): same verdicts, codes, paths, severities,
``ctx`` and totals as the Rust tests, through every way into the binding — JSON text as ``str``,
as ``bytes`` and as a file, the parsed document (``input``) as a ``dict``, and the host vectors
(``input_host`` naming ``"python"``) as real Python objects — each within the vector's limits.
A vector with ``"gazetteer": "cog-2026"`` is validated with the embedded geography
(``geography=ctg.geography()``), as the Rust harness does with ``Validator::gazetteer``."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import numpy as np
import pytest

import ctg
from conftest import VECTORS

VECTOR_FILES = sorted(VECTORS.glob("*.json"))
Row = tuple[str, str, str]


def geography_of(vector: dict[str, Any]) -> Optional[ctg.Geography]:
    """The geography a vector names (``"gazetteer": "cog-2026"``), or ``None``."""
    name = vector.get("gazetteer")
    if name is None:
        return None
    assert name == "cog-2026", f"unknown gazetteer {name}"
    geo = ctg.geography()
    assert geo.vintage.geography == "COG 2026"
    return geo


def load_vector(path: Path) -> tuple[dict[str, Any], Optional[str]]:
    """The vector, and the raw JSON text of its input (the ``input`` member as written, else
    ``input_text``; ``None`` for a host vector)."""
    text = path.read_text(encoding="utf-8")
    vector: dict[str, Any] = json.loads(text)
    if "input_text" in vector:
        return vector, vector["input_text"]
    if "input" not in vector:
        return vector, None
    match = re.search(r'^  "input":\s*', text, re.MULTILINE)
    assert match, f"{path.name}: no top-level input member"
    _, end = json.JSONDecoder().raw_decode(text, match.end())
    return vector, text[match.end() : end]


def limits_of(vector: dict[str, Any]) -> ctg.Limits:
    return ctg.Limits(**vector.get("limits", {}))


def utf16_text(parts: list[Any]) -> str:
    """A ``$text``: its parts are texts and UTF-16 code units (a lone surrogate stays one)."""
    units = b"".join(
        part.encode("utf-16-le") if isinstance(part, str) else int(part).to_bytes(2, "little") for part in parts
    )
    return units.decode("utf-16-le", "surrogatepass")


def nested_lists(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


def host(value: Any) -> Any:
    """The Python value a tagged host value describes (tests/vectors/README.md)."""
    if isinstance(value, list):
        return [host(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        [(tag, arg)] = value.items()
        if tag == "$float":
            return float(arg)  # "NaN", "Infinity" and "-Infinity" included
        if tag == "$int":
            return int(arg)
        if tag == "$numpy_int64":
            return np.int64(arg)
        if tag == "$decimal":
            return Decimal(arg)
        if tag == "$date":
            return datetime.date.fromisoformat(arg)
        if tag == "$datetime":
            return datetime.datetime.fromisoformat(arg)
        if tag == "$text":
            return utf16_text(arg)
        if tag == "$map":
            return {host_key(k): host(v) for k, v in arg}
        if tag == "$unsupported":
            assert arg == "set", arg
            return set()
        if tag == "$nested_lists":
            return nested_lists(arg)
        assert not tag.startswith("$"), f"no Python value for {tag}"
    return {k: host(v) for k, v in value.items()}


def host_key(key: Any) -> Any:
    if isinstance(key, dict):
        return int(key["$int"])
    assert isinstance(key, str)
    return key


def ctx_as_json(value: Any) -> Any:
    """A ``ctx`` value as the vectors write it (amounts and decimals as canonical strings)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def rows(report: ctg.Report) -> list[tuple[Row, dict[str, Any]]]:
    # Sorted by row only, stably (as the Rust harness does): two issues of the same row keep the
    # report's order, and their ctx are compared in that order.
    return sorted((((i.path, i.code, i.severity), i.ctx) for i in report.issues), key=lambda r: r[0])


def expected_rows(vector: dict[str, Any]) -> list[tuple[Row, dict[str, Any]]]:
    issues = vector["expect"]["issues"]
    return sorted((((i["path"], i["code"], i["severity"]), i.get("ctx", {})) for i in issues), key=lambda r: r[0])


def check_report(report: ctg.Report, vector: dict[str, Any], how: str) -> None:
    """Verdict, then the issues as (path, code, severity), then each ``ctx`` key the vector gives
    (for the parsed ``dict``, not ``value``: a float's writing is then Python's, ``100.0`` for
    the text's ``1e2``)."""
    expect = vector["expect"]
    assert report.valid == expect["valid"], (how, report.to_dict())
    actual = rows(report)
    expected = expected_rows(vector)
    assert [r for r, _ in actual] == [r for r, _ in expected], (how, [i.message_en for i in report.issues])
    for (row, ctx), (_, want) in zip(actual, expected):
        for key, value in want.items():
            if how == "dict" and key == "value":
                continue
            assert key in ctx, (how, row, key)
            assert ctx_as_json(ctx[key]) == value, (how, row, key)


def as_text(value: Any) -> Any:
    """Totals as the vectors write them: money as strings, maps with string keys."""
    if isinstance(value, dict):
        return {str(k): as_text(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


def check_convention(conv: ctg.Convention, vector: dict[str, Any]) -> None:
    if "totals" not in vector["expect"]:
        return
    expected = vector["expect"]["totals"]
    totals = conv.totals()
    if expected is None:
        assert totals is None  # no funding section: absent, not zero
        return
    assert totals is not None
    computed = totals.to_dict()
    for key, value in expected.items():
        assert as_text(computed[key]) == value, key


def test_there_are_vectors() -> None:
    assert len(VECTOR_FILES) >= 120
    vectors = [json.loads(p.read_text(encoding="utf-8")) for p in VECTOR_FILES]
    assert len([v for v in vectors if "python" in v.get("hosts", [])]) >= 10
    assert len([v for v in vectors if "gazetteer" in v]) >= 20


@pytest.mark.parametrize("path", VECTOR_FILES, ids=[p.stem for p in VECTOR_FILES])
def test_vector(path: Path, tmp_path: Path) -> None:
    vector, text = load_vector(path)
    limits = limits_of(vector)
    geo = geography_of(vector)
    valid = vector["expect"]["valid"]

    if text is None:
        if "python" not in vector.get("hosts", []):
            pytest.skip("a host vector for other languages")
        document = host(vector["input_host"])
        check_report(ctg.validate(document, limits=limits, geography=geo), vector, "host")
        if valid:
            check_convention(ctg.Convention.from_dict(document, limits=limits, geography=geo), vector)
        else:
            with pytest.raises(ctg.ValidationError) as info:
                ctg.Convention.from_dict(document, limits=limits, geography=geo)
            check_report(info.value.report, vector, "host, raised")
        return

    file = tmp_path / "input.json"
    file.write_bytes(text.encode("utf-8"))
    reports = {
        "str": ctg.validate(text, limits=limits, geography=geo),
        "bytes": ctg.validate(text.encode("utf-8"), limits=limits, geography=geo),
        "file": ctg.validate(file, limits=limits, geography=geo),
    }
    if "input" in vector and "max_bytes" not in vector.get("limits", {}):
        # The parsed document, through the host tree (max_bytes limits text only).
        reports["dict"] = ctg.validate(vector["input"], limits=limits, geography=geo)
    for how, report in reports.items():
        check_report(report, vector, how)

    if valid:
        conv = ctg.loads(text, limits=limits, geography=geo)
        assert ctg.load(file, limits=limits, geography=geo) == conv
        assert ctg.Convention.from_json(text, limits=limits, geography=geo) == conv
        if "dict" in reports:
            assert ctg.Convention.from_dict(vector["input"], limits=limits, geography=geo) == conv
        check_convention(conv, vector)
    else:
        with pytest.raises(ctg.ValidationError) as info:
            ctg.loads(text, limits=limits, geography=geo)
        err = info.value
        check_report(err.report, vector, "raised")
        errors = sorted((e["path"], e["type"], e["severity"]) for e in err.errors())
        assert errors == sorted(r for r, _ in expected_rows(vector) if r[2] == "error")
        assert all(e["severity"] == "warning" for e in err.warnings())
        assert all(e["severity"] == "info" for e in err.infos())


GEO_VECTOR_FILES = [p for p in VECTOR_FILES if "gazetteer" in json.loads(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", GEO_VECTOR_FILES, ids=[p.stem for p in GEO_VECTOR_FILES])
def test_geo_vector_issues_carry_the_reference(path: Path) -> None:
    """Every ``geo.*`` issue carries the reference in ``ctx`` (``geography``, ``effective``),
    in ``errors()`` as in the report; without the geography no ``geo.*`` rule runs."""
    vector, text = load_vector(path)
    assert text is not None
    report = ctg.validate(text, geography=True)
    geo_issues = [i for i in report.issues if i.code.startswith("geo.")]
    for issue in geo_issues:
        assert issue.ctx["geography"] == "COG 2026"
        assert issue.ctx["effective"] == datetime.date(2026, 1, 1)
    if not report.valid:
        with pytest.raises(ctg.ValidationError) as info:
            ctg.loads(text, geography=ctg.geography())
        raised = [(e["type"], e["loc"], e["ctx"]["geography"]) for e in info.value.errors() if e["type"].startswith("geo.")]
        assert raised == [(i.code, i.loc, "COG 2026") for i in report.errors if i.code.startswith("geo.")]
    without = ctg.validate(text)
    assert not any(i.code.startswith("geo.") for i in without.issues)
