"""ctg.Limits: core's defaults, frozen, applied the same to JSON text, files and Python values."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import ctg
from conftest import THORE


def test_defaults_are_cores() -> None:
    limits = ctg.Limits()
    assert (limits.max_bytes, limits.max_values, limits.max_depth, limits.max_issues) == (
        64 * 1024 * 1024,
        4 * 1024 * 1024,
        64,
        1000,
    )
    assert repr(limits) == "Limits(max_bytes=67108864, max_values=4194304, max_depth=64, max_issues=1000)"


def test_frozen_hashable_picklable() -> None:
    limits = ctg.Limits(max_depth=8)
    with pytest.raises(AttributeError):
        limits.max_depth = 9  # type: ignore[misc]
    assert limits == ctg.Limits(max_depth=8) and limits != ctg.Limits()
    assert len({limits, ctg.Limits(max_depth=8), ctg.Limits()}) == 2
    assert pickle.loads(pickle.dumps(limits)) == limits
    assert limits.replace(max_issues=5) == ctg.Limits(max_depth=8, max_issues=5)
    with pytest.raises(TypeError):
        ctg.Limits(8)  # type: ignore[call-arg]  # keywords only
    with pytest.raises(OverflowError):
        ctg.Limits(max_depth=-1)


def test_max_bytes_on_text_and_files(tmp_path: Path) -> None:
    limits = ctg.Limits(max_bytes=1000)
    for source in (THORE.read_text(encoding="utf-8"), THORE.read_bytes(), THORE):
        [issue] = ctg.validate(source, limits=limits).issues
        assert (issue.code, issue.ctx) == ("input.too_large", {"limit": 1000, "unit": "bytes"})
    with pytest.raises(ctg.ValidationError, match="input.too_large"):
        ctg.load(THORE, limits=limits)
    # A file is read only up to max_bytes + 1 bytes: a huge file costs no more.
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(10**10)  # 10 GB, sparse
    [issue] = ctg.validate(huge, limits=limits).issues
    assert issue.code == "input.too_large"
    exact = THORE.read_bytes()
    assert ctg.validate(exact, limits=ctg.Limits(max_bytes=len(exact))).valid
    assert not ctg.validate(exact, limits=ctg.Limits(max_bytes=len(exact) - 1)).valid


def test_max_values_on_python_values() -> None:
    doc = json.loads(THORE.read_text(encoding="utf-8"))
    [issue] = ctg.validate(doc, limits=ctg.Limits(max_values=50)).issues
    assert (issue.code, issue.path, issue.ctx) == ("input.too_large", "", {"limit": 50, "unit": "values"})
    assert ctg.validate(doc, limits=ctg.Limits(max_values=10_000)).valid
    with pytest.raises(ctg.ValidationError, match="input.too_large"):
        ctg.Convention.from_dict(doc, limits=ctg.Limits(max_values=50))
    # A huge list stops being read at the limit.
    assert [i.code for i in ctg.validate({"sources": ["x"] * 1_000_000}, limits=ctg.Limits(max_values=1000)).issues] == [
        "input.too_large"
    ]


def test_max_depth_everywhere() -> None:
    limits = ctg.Limits(max_depth=3)
    text = THORE.read_text(encoding="utf-8")
    for source in (text, json.loads(text)):
        [issue] = ctg.validate(source, limits=limits).issues
        assert (issue.code, issue.ctx) == ("json.too_deep", {"limit": 3})
    deep: Any = []
    for _ in range(200):
        deep = [deep]
    raised = ctg.Limits(max_depth=100_000)
    assert "json.too_deep" not in [i.code for i in ctg.validate(deep, limits=raised).issues]


def test_max_issues() -> None:
    doc = json.loads(THORE.read_text(encoding="utf-8"))
    doc["stakes"] = [{} for _ in range(50)]
    report = ctg.validate(doc, limits=ctg.Limits(max_issues=5))
    assert len(report.issues) == 6 and report.truncated
    assert report.issues[-1].code == ctg.IssueCode.REPORT_TRUNCATED
    assert not report.valid
    assert ctg.loads(THORE.read_text(encoding="utf-8"), limits=ctg.Limits(max_issues=1)) == ctg.sample()
