"""The stubs carry the runtime's docstrings (ctg-py/tools/stub_docs.py), and the frame and enum
types are precise (checked further by mypy --strict on examples/python/typed_frames.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "stub_docs.py"


def test_stub_docstrings_are_the_runtime_ones() -> None:
    spec = importlib.util.spec_from_file_location("stub_docs", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules["stub_docs"] = tool
    spec.loader.exec_module(tool)
    problems: list[str] = tool.problems()
    assert problems == [], (
        "the stubs' docstrings differ from the runtime's: run `python ctg-py/tools/stub_docs.py --write`\n"
        + "\n".join(problems)
    )
