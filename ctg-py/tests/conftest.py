"""Shared paths and helpers for the tests of the Python binding."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
FIXTURES = REPO / "tests" / "fixtures"
THORE = FIXTURES / "thore-montagne-noire-2023-2025.json"
EXAMPLES = REPO / "examples" / "python"
TABLES = REPO / "tests" / "tables"
TABLE_VECTORS = TABLES / "vectors"
SCDL_REFERENCE = REPO / "tests" / "reference" / "scdl-subventions-2.1.1"


def declared_totals(allocations: list[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The declared totals of these funding lines as people add them up by hand, exact sums in
    Python's decimals (``{"yearly": {year: amount}, "total": amount}``, money as canonical
    strings), or ``None`` when no line has an amount."""
    yearly: dict[str, Decimal] = {}
    for allocation in allocations:
        for year, amount in allocation["amounts"].items():
            yearly[year] = yearly.get(year, Decimal("0.00")) + Decimal(amount)
    if not yearly:
        return None
    return {
        "yearly": {year: str(amount) for year, amount in sorted(yearly.items())},
        "total": str(sum(yearly.values(), Decimal("0.00"))),
    }
