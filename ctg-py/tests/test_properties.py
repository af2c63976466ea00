"""Property tests: exact money round trips, floats refused, no input ever panics."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import ctg
from conftest import THORE

MONEY = st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2, allow_nan=False, allow_infinity=False)
DOC: dict[str, Any] = json.loads(THORE.read_text(encoding="utf-8"))

#: Any Python data a caller may hand over: every type of the converter's table and some it
#: refuses (sets, bytes, objects), huge integers, NaN decimals, lone surrogates, odd keys.
ANY_SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**100, max_value=2**200)
    | st.floats()
    | st.text()
    | st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.just("a"))
    | st.decimals()
    | st.dates()
    | st.datetimes()
    | st.builds(np.int64, st.integers(min_value=-(2**63), max_value=2**63 - 1))
    | st.builds(np.float32, st.floats(width=32))
    | st.frozensets(st.integers(), max_size=2)
    | st.binary(max_size=4)
    | st.builds(object)
)
ANY_KEY = st.text() | st.integers() | st.booleans() | st.none() | st.tuples(st.integers()) | st.builds(np.int64, st.integers(0, 3000))
JSON = st.recursive(
    ANY_SCALAR,
    lambda children: st.lists(children, max_size=4)
    | st.tuples(children, children)
    | st.dictionaries(ANY_KEY, children, max_size=4),
    max_leaves=30,
)

#: Data that JSON can say exactly: the verdict on it and on its JSON text must be the same.
JSON_DATA = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**70, max_value=2**90)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    | st.sampled_from(["2024-01-16", "241 801 €", "12.000", "caf", "petite_enfance", "2023", "75056"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text() | st.integers(0, 3000), children, max_size=4),
    max_leaves=25,
)
FIELDS = st.sampled_from(["title", "period", "parties", "funding", "domains", "action_sheets", "signature", "stakes", "notes", "format_version"])


@given(MONEY)
def test_amount_round_trip(value: Decimal) -> None:
    parsed = ctg.parse_amount(value)
    assert parsed == value and parsed.as_tuple().exponent == -2
    for lang in ("fr", "en"):  # "241 801 €" and "€241,801", "1 234,56 €" and "€1,234.56"
        assert ctg.parse_amount(ctg.format_amount(value, lang=lang)) == value, lang
    assert ctg.parse_amount(str(value)) == value


@settings(max_examples=50, deadline=None)
@given(MONEY)
def test_allocation_round_trip(value: Decimal) -> None:
    doc = json.loads(json.dumps(DOC))
    allocation = doc["funding"]["allocations"][0]
    allocation["amounts"] = {2024: value}
    doc["funding"]["allocations"] = [allocation]  # alone, so that no sum can overflow
    del doc["funding"]["declared"]
    conv = ctg.Convention.from_dict(doc)
    back = conv.to_dict()["funding"]["allocations"][0]["amounts"]
    assert back == {"2024": f"{value:.2f}"}
    assert Decimal(back["2024"]) == value
    funding = conv.funding
    assert funding is not None and funding.allocations[0].amounts == {2024: value}


@given(st.floats())
def test_floats_are_refused(value: float) -> None:
    # Every float is refused as an amount, whatever its value (a NaN as value.nan): a Python
    # float reaches core as a float, never as the number it happens to print as.
    code = "value.nan" if math.isnan(value) else "amount.float"
    try:
        ctg.parse_amount(value)  # type: ignore[arg-type]
    except ctg.ValidationError as err:
        assert [e["type"] for e in err.errors()] == [code]
    else:
        raise AssertionError("a float was accepted")
    doc = json.loads(json.dumps(DOC))
    doc["funding"]["allocations"][0]["amounts"]["2024"] = value
    errors = ctg.validate(doc).errors
    assert [(i.code, i.path) for i in errors] == [(code, "funding.allocations[0].amounts.2024")]


def _never_panics(value: Any) -> None:
    report = ctg.validate(value)
    assert isinstance(report, ctg.Report)
    for issue in report.issues:
        issue.to_dict()
    try:
        ctg.Convention.from_dict(value)
    except ctg.CtgError:
        pass


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_arbitrary_values_never_panic(value: Any) -> None:
    _never_panics(value)
    _never_panics({"format_version": 1, "funding": value, "parties": [value], "period": value})


@settings(max_examples=300, deadline=None)
@given(st.text() | st.binary())
def test_arbitrary_text_never_panics(text: Any) -> None:
    assert isinstance(ctg.validate(text), ctg.Report)
    try:
        ctg.loads(text)
    except ctg.CtgError:
        pass
    if isinstance(text, str):
        try:
            ctg.parse_amount(text)
        except ctg.CtgError:
            pass


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["title", "period", "parties", "funding", "domains", "action_sheets"]), JSON)
def test_mutated_document_never_panics(field: str, value: Any) -> None:
    doc = json.loads(json.dumps(DOC))
    doc[field] = value
    _never_panics(doc)


def verdict(report: ctg.Report) -> tuple[bool, list[tuple[str, str, str]]]:
    return report.valid, sorted((i.path, i.code, i.severity) for i in report.issues)


@settings(max_examples=300, deadline=None)
@given(JSON_DATA)
def test_python_data_and_its_json_text_get_the_same_verdict(value: Any) -> None:
    # In a list: a top-level str given to validate is JSON text, not a value.
    assert verdict(ctg.validate([value])) == verdict(ctg.validate(json.dumps([value])))
    if not isinstance(value, str):
        assert verdict(ctg.validate(value)) == verdict(ctg.validate(json.dumps(value)))


@settings(max_examples=300, deadline=None)
@given(FIELDS, JSON_DATA)
def test_a_document_and_its_json_text_get_the_same_verdict(field: str, value: Any) -> None:
    doc = json.loads(json.dumps(DOC))
    doc[field] = value
    assert verdict(ctg.validate(doc)) == verdict(ctg.validate(json.dumps(doc)))
    limits = ctg.Limits(max_depth=4, max_issues=3)
    assert verdict(ctg.validate(doc, limits=limits)) == verdict(ctg.validate(json.dumps(doc), limits=limits))
