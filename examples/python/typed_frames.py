"""Typed use of ctg: functions that return data frames and read enum values.

    python examples/python/typed_frames.py

Checked with ``mypy --strict`` by ``scripts/test-python.sh``: the frames are ``pandas.DataFrame``
and ``polars.DataFrame`` (not ``Any``), a vocabulary member's ``.value`` is a ``str``, so a wrong
use of either is a type error. pandas and polars are only needed for the frames themselves.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pandas as pd
import polars as pl

import ctg

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def load_all(folder: Path = FIXTURES) -> list[ctg.Convention]:
    """Every convention of a folder of JSON files."""
    return [ctg.load(path) for path in sorted(folder.glob("*.json"))]


def funding_by_year(conventions: list[ctg.Convention]) -> pd.DataFrame:
    """Funding per convention and year (pandas, exact decimal128 amounts)."""
    frame = ctg.frame(conventions)
    return frame.groupby(["convention_id", "year"])["amount"].sum().reset_index()


def action_sheets(conv: ctg.Convention) -> pl.DataFrame:
    """One row per action sheet (polars)."""
    return conv.action_sheets_frame("polars")


def party_kinds(conv: ctg.Convention) -> Counter[str]:
    """How many parties of each kind, by code (``"commune"``, ``"cc"``…)."""
    return Counter(party.kind.value for party in conv.parties)


def kind_label(kind: ctg.PartyKind) -> str:
    """A kind's code with its French label: ``"cc (Communauté de communes)"``."""
    code: str = kind.value
    return f"{code} ({kind.label_fr})"


def coordination_total(conv: ctg.Convention) -> Decimal:
    """The money of the coordination post, from the allocations' enum values."""
    funding = conv.funding
    if funding is None:
        return Decimal("0.00")
    return sum(
        (amount for a in funding.allocations if a.facility_kind.value == "coordination" for amount in a.amounts.values()),
        Decimal("0.00"),
    )


def main() -> None:
    conventions = load_all()
    print(funding_by_year(conventions).to_string(index=False))
    thore = ctg.sample()
    sheets = action_sheets(thore)
    print(f"{sheets.height} action sheets, statuses: {sorted(set(sheets['status'].to_list()))}")
    for code, count in sorted(party_kinds(thore).items()):
        print(f"{count:3} × {kind_label(ctg.PartyKind(code))}")
    print("coordination:", ctg.format_amount(coordination_total(thore)))


if __name__ == "__main__":
    main()
