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


def test_life_example() -> None:
    # mypy --strict checks this script too: build, amend, as_of, diff, renewal, evaluation, frames.
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "life.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "<Convention ctg-82-exemple-2024-2026 2024–2026, 2 parties, 2 action sheets, 280\u202f000\u00a0€>"
    assert lines[2] == "refused: [('amount.ambiguous', ('amounts', '2024')), ('amount.negative', ('amounts', '2025'))]"
    assert "in force on 2024-12-01: amendments [1], pending [2], 2 sheets, €283,000.00" in lines
    assert "in force on 2025-06-01: amendments [1, 2], pending [], 3 sheets, €283,000.00" in lines
    assert "amendment 1: lutins eaje 2025 35000.00 → 38000.00 (+3000.00)" in lines
    assert "- action sheet 3 added \"Ouvrir un LAEP\"" in lines
    assert any(line.startswith("Evaluation 2025 — ctg-82-exemple-2024-2026") for line in lines)
    assert "indicator 'familles accueillies': not measured yet, progress None" in lines
    assert any(line.split() == ["2024", "93333.34", "33500.00", "1500.00"] for line in lines)
    assert any(line.split() == ["2025", "96333.33", "<NA>", "<NA>"] for line in lines)
    assert lines[-1] == "to renew within 6 months: ['ctg-81-thore-montagne-noire-2023-2025']"


def test_geography_example() -> None:
    # mypy --strict checks this script too: a column of typed names resolved, validation with the
    # geography, coverage.
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "geography.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "reference: COG 2026 (@etalab/decoupage-administratif 6.0.0) in force from 2026-01-01"
    assert lines[1].startswith("A: St Amans Soult         -> 81238 resolved  Saint-Amans-Soult (81238) written")
    assert "-> 81209 resolved  Pont-de-Larn (81209) with its words joined or split differently" in lines[2]
    assert "-> 81315 resolved" in lines[5] and "-> 81231 resolved  Rouairoux (81231), 1 edit away" in lines[6]
    assert lines[8].startswith("H: Caf du Tarn            -> <NA>  not_found no_match")
    assert "Parisot: ambiguous ['81202', '82137']; in the 82: 82137" in lines
    assert "2 errors, 0 warnings" in lines
    assert any(line.startswith("  geo.insee_mismatch at parties[6].insee: the INSEE code 75056 is that of Paris") for line in lines)
    assert "sample valid: True, ['geo.commune_outside_epci', 'geo.commune_outside_epci']" in lines
    assert "  11 communes, 9,538 inhabitants" in lines
    assert lines[-1] == "11 communes, 9538 inhabitants"
