"""The five real conventions of tests/fixtures load; the Thoré one has the published figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import ctg
from conftest import FIXTURES, THORE

FIXTURE_FILES = sorted(FIXTURES.glob("*.json"))


def test_five_fixtures() -> None:
    assert len(FIXTURE_FILES) == 5


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_fixture_loads(path: Path) -> None:
    conv = ctg.load(path)
    assert ctg.validate(path).valid
    assert conv == ctg.loads(conv.to_json())
    assert conv.period.first_year <= conv.period.last_year


def test_thore_funding() -> None:
    conv = ctg.load(THORE)
    totals = conv.totals()
    assert totals is not None
    assert totals.by_year == {year: Decimal("241801.00") for year in (2023, 2024, 2025)}
    assert totals.total == Decimal("725403.00")
    assert ctg.format_amount(totals.by_year[2023]) == "241\u202f801\u00a0€"
    assert ctg.format_amount(totals.total) == "725\u202f403\u00a0€"
    assert len(conv.action_sheets) == 16
    funding = conv.funding
    assert funding is not None
    assert len(funding.beneficiaries) == 9
    assert funding.declared_total == Decimal("725403.00")
    assert conv == ctg.sample()
