"""The example script runs and draws a non-empty PNG."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES


def test_funding_chart(tmp_path: Path) -> None:
    out = tmp_path / "funding.png"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "funding_chart.py"), "--output", str(out)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert out.exists() and out.stat().st_size > 1000
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "725\u202f403\u00a0€" in result.stdout


def test_typed_frames() -> None:
    # mypy --strict checks this script in scripts/test-python.sh (frames and enum values typed).
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "typed_frames.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "16 action sheets" in result.stdout
    assert "11 × commune (Commune)" in result.stdout
    assert "coordination: 121\u202f539\u00a0€" in result.stdout


def test_validation_example() -> None:
    # mypy --strict checks this script too; every message it prints is core's.
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "validation.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "2 erreurs, 1 avertissement"
    assert "2 errors, 1 warning" in lines
    assert lines.count("funding.declared.yearly.2023: declared 241800.00, computed 241801.00, off by 1.00") == 2
    assert any(line.startswith("  avertissement [field.unknown] colour : champ inconnu") for line in lines)
    assert any(line.startswith("  warning [field.unknown] colour: unknown field") for line in lines)
    assert "truncated: True ['report.truncated'] 2 errors, 0 warnings" in lines
    assert "ctg-81-tarn-agout-2023-2026: no funding section" in lines
    assert "ctg-81-thore-montagne-noire-2023-2025: €725,403.00" in lines
