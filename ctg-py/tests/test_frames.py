"""Data frames: one row per allocation-year (core's rows), exact money in every backend."""

from __future__ import annotations

import builtins
from decimal import Decimal
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import ctg
from conftest import FIXTURES

COLUMNS = ["convention_id", "beneficiary_id", "beneficiary", "facility_kind", "domain", "label", "year", "amount"]


def test_pandas_arrow_decimal_is_default_and_exact() -> None:
    df = ctg.sample().allocations_frame()
    assert list(df.columns) == COLUMNS
    assert len(df) == 27
    assert df["amount"].dtype == pd.ArrowDtype(pa.decimal128(14, 2))
    by_year = df.groupby("year")["amount"].sum()
    assert {int(str(y)): Decimal(str(v)) for y, v in by_year.items()} == {y: Decimal("241801.00") for y in (2023, 2024, 2025)}
    assert Decimal(str(df["amount"].sum())) == Decimal("725403.00")


def test_pandas_object_decimal() -> None:
    df = ctg.sample().allocations_frame(decimal="object")
    assert df["amount"].dtype == object
    assert all(isinstance(v, Decimal) for v in df["amount"])
    assert sum(df["amount"], Decimal(0)) == Decimal("725403.00")


def test_polars_decimal() -> None:
    df = ctg.sample().allocations_frame("polars")
    assert df.columns == COLUMNS
    assert df.schema["amount"] == pl.Decimal(14, 2)
    totals = df.group_by("year").agg(pl.col("amount").sum()).sort("year")
    assert [Decimal(str(v)) for v in totals["amount"]] == [Decimal("241801.00")] * 3
    assert df["amount"].sum() == Decimal("725403.00")


def test_rows_match_core_totals() -> None:
    conv = ctg.sample()
    df = conv.allocations_frame(decimal="object")
    totals = conv.totals()
    assert totals is not None
    for beneficiary, amount in totals.by_beneficiary.items():
        assert sum(df.loc[df["beneficiary_id"] == beneficiary, "amount"], Decimal(0)) == amount


def test_frame_of_many_conventions() -> None:
    conventions = [ctg.load(p) for p in sorted(FIXTURES.glob("*.json"))]
    without = [c.id for c in conventions if c.totals() is None]
    assert len(without) == 4  # four of the five fixtures have no funding section
    df = ctg.frame(conventions)
    expected = sum((t.total for c in conventions if (t := c.totals()) is not None), Decimal(0))
    assert Decimal(str(df["amount"].sum())) == expected
    # Every convention is kept: one without funding has one row, with a null amount (not zero).
    assert set(df["convention_id"]) == {c.id for c in conventions}
    absent = df[df["convention_id"].isin(without)]
    assert len(absent) == 4
    assert absent["amount"].isna().all() and absent["year"].isna().all() and absent["beneficiary_id"].isna().all()
    per_convention = df.groupby("convention_id")["amount"].count()
    assert set(per_convention.index) == {c.id for c in conventions}
    assert {cid: int(n) for cid, n in per_convention.items() if cid in without} == {cid: 0 for cid in without}
    assert len(df) == 27 + 4
    pl_df = ctg.frame(conventions, "polars")
    assert pl_df.height == len(df)
    assert pl_df.filter(pl.col("convention_id").is_in(without))["amount"].null_count() == 4
    objects = ctg.frame(conventions, decimal="object")
    assert objects["year"].dtype == "Int16" and objects["amount"].isna().sum() == 4
    sheets = ctg.frame(conventions, table="action_sheets")
    no_sheets = [c.id for c in conventions if not c.action_sheets]
    assert len(no_sheets) == 2
    assert len(sheets) == sum(len(c.action_sheets) for c in conventions) + len(no_sheets)
    assert set(sheets["convention_id"]) == {c.id for c in conventions}
    assert sheets[sheets["convention_id"].isin(no_sheets)]["number"].isna().all()
    assert ctg.frame(conventions, "polars", table="action_sheets").height == len(sheets)


def test_frame_of_a_convention_without_funding() -> None:
    conv = ctg.load(sorted(FIXTURES.glob("tarn-agout*.json"))[0])
    assert conv.funding is None and conv.totals() is None
    df = conv.allocations_frame()
    assert list(df.columns) == COLUMNS and len(df) == 1
    assert df["convention_id"][0] == conv.id and df["amount"].isna().all()


def test_action_sheets_frame() -> None:
    conv = ctg.sample()
    for backend in ("pandas", "polars"):
        df: Any = conv.action_sheets_frame(backend)
        assert len(df) == 16
        assert list(df.columns)[:3] == ["convention_id", "number", "title"]
    df = conv.action_sheets_frame(decimal="object")
    assert list(df["number"]) == [s.number for s in conv.action_sheets]


def test_bad_arguments() -> None:
    conv = ctg.sample()
    with pytest.raises(ValueError, match="backend"):
        conv.allocations_frame("spark")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="decimal"):
        conv.allocations_frame(decimal="float")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="table"):
        ctg.frame([conv], table="parties")  # type: ignore[call-overload]


def test_missing_backend_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_polars(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "polars":
            raise ImportError("no polars here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_polars)
    monkeypatch.delitem(__import__("sys").modules, "polars")
    with pytest.raises(ImportError, match="pip install polars"):
        ctg.sample().allocations_frame("polars")
