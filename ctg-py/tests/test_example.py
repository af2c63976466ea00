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
