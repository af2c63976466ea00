"""Shared paths for the tests of the Python binding."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
FIXTURES = REPO / "tests" / "fixtures"
THORE = FIXTURES / "thore-montagne-noire-2023-2025.json"
EXAMPLES = REPO / "examples" / "python"
TABLES = REPO / "tests" / "tables"
TABLE_VECTORS = TABLES / "vectors"
SCDL_REFERENCE = REPO / "tests" / "reference" / "scdl-subventions-2.1.1"
