"""The stubs carry the runtime's docstrings (ctg-py/tools/stub_docs.py) and list every issue code
of core's catalogue (ctg-py/tools/issue_codes.py); the frame and enum types are precise (checked
further by mypy --strict on examples/python/typed_frames.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_stub_docstrings_are_the_runtime_ones() -> None:
    problems: list[str] = tool("stub_docs").problems()
    assert problems == [], (
        "the stubs' docstrings differ from the runtime's: run `python ctg-py/tools/stub_docs.py --write`\n"
        + "\n".join(problems)
    )


def test_stub_lists_every_issue_code() -> None:
    issue_codes = tool("issue_codes")
    problems: list[str] = issue_codes.problems()
    assert problems == [], (
        "the IssueCode stub is not core's catalogue: run `python ctg-py/tools/issue_codes.py --write`\n"
        + "\n".join(problems)
    )
    import ctg

    block: str = issue_codes.block()
    assert all(f"    {member.name} = ...  # \"{member.value}\", {member.severity}" in block for member in ctg.IssueCode)
