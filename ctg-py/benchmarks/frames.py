"""Measures the money column types of ``ctg.frame``: Arrow decimal128(14, 2) (pandas ArrowDtype),
object-dtype ``Decimal`` (pandas) and ``pl.Decimal(14, 2)`` (polars).

    python ctg-py/benchmarks/frames.py [copies]

Builds one frame from ``copies`` copies of the sample (27 rows each), then sums per year and per
beneficiary; prints the best of 5 timings, the memory of the amount column and checks the sums
are exact.
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal
from typing import Any, Callable

import ctg


def best(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    conventions = [ctg.sample()] * copies
    totals = ctg.sample().totals()
    assert totals is not None  # the sample has a funding section
    expected = totals.total * copies
    print(f"{copies} conventions, {27 * copies} rows; expected total {expected}")
    cases: list[tuple[str, str, str]] = [
        ("pandas + Arrow decimal128(14, 2)", "pandas", "arrow"),
        ("pandas + object Decimal", "pandas", "object"),
        ("polars + Decimal(14, 2)", "polars", "arrow"),
    ]
    for name, backend, decimal in cases:
        build_s, df = best(lambda: ctg.frame(conventions, backend, decimal=decimal))  # type: ignore[arg-type]
        if backend == "pandas":
            group_s, by_year = best(lambda: df.groupby("year")["amount"].sum())
            _, by_beneficiary = best(lambda: df.groupby("beneficiary_id")["amount"].sum(), 1)
            total = Decimal(str(sum(by_year.tolist(), Decimal(0))))
            memory = int(df["amount"].memory_usage(deep=True, index=False))
        else:
            import polars as pl

            group_s, by_year = best(lambda: df.group_by("year").agg(pl.col("amount").sum()))
            _, by_beneficiary = best(lambda: df.group_by("beneficiary_id").agg(pl.col("amount").sum()), 1)
            total = Decimal(str(by_year["amount"].sum()))
            memory = int(df["amount"].estimated_size())
        exact = "exact" if total == expected else f"INEXACT ({total})"
        print(
            f"  {name:<34} build {build_s * 1000:8.1f} ms   group-by-year sum {group_s * 1000:7.2f} ms"
            f"   amount column {memory / 1024:8.0f} KiB   {exact}"
        )


if __name__ == "__main__":
    main()
