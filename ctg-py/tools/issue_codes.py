"""Keeps the ``IssueCode`` block of ``ctg/_enums.pyi`` equal to core's catalogue.

At runtime ``ctg.IssueCode`` is built from core (``_ctg._issue_codes()``); type checkers and IDEs
read the stub only, so the stub lists every member, in catalogue order, with its code and
severity. This tool writes that block from the built package and checks it:

    python ctg-py/tools/issue_codes.py          # check (exit 1 and say what differs)
    python ctg-py/tools/issue_codes.py --write  # rewrite the block from core's catalogue

It needs the built package importable (``scripts/test-python.sh`` installs it). The tests run
:func:`problems` (``tests/test_stubs.py``), so a code added to core without ``--write`` fails the
build.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

STUB = Path(__file__).resolve().parents[1] / "python" / "ctg" / "_enums.pyi"
BEGIN = "# BEGIN IssueCode: written by ctg-py/tools/issue_codes.py --write from core's catalogue"
END = "# END IssueCode"


def block() -> str:
    """The stub block of ``IssueCode``, from the built package."""
    native = importlib.import_module("ctg._ctg")
    enums = importlib.import_module("ctg._enums")
    doc = inspect.cleandoc(enums.IssueCode.__doc__ or "")
    prefix = 'r"""' if "\\" in doc else '"""'
    lines = [BEGIN, "class IssueCode(_Code):"]
    doc_lines = doc.splitlines()
    if len(doc_lines) == 1:
        lines.append(f'    {prefix}{doc_lines[0]}"""')
    else:
        lines.append(f"    {prefix}{doc_lines[0]}")
        lines.extend(f"    {line}" if line else "" for line in doc_lines[1:])
        lines.append('    """')
    for name, code, severity, _, _ in native._issue_codes():
        lines.append(f'    {name} = ...  # "{code}", {severity}')
    lines.append(END)
    return "\n".join(lines)


def _split(text: str) -> tuple[str, str, str]:
    start = text.index(BEGIN)
    end = text.index(END, start) + len(END)
    return text[:start], text[start:end], text[end:]


def problems() -> list[str]:
    """What differs between the stub's block and core's catalogue (nothing when in step)."""
    text = STUB.read_text(encoding="utf-8")
    try:
        _, current, _ = _split(text)
    except ValueError:
        return [f"{STUB.name}: no IssueCode block ({BEGIN!r} … {END!r})"]
    expected = block()
    if current == expected:
        return []
    have = current.splitlines()
    want = expected.splitlines()
    missing = [line.strip() for line in want if line not in have]
    extra = [line.strip() for line in have if line not in want]
    found = [f"{STUB.name}: the IssueCode block is not core's catalogue"]
    found += [f"  missing: {line}" for line in missing]
    found += [f"  not in core: {line}" for line in extra]
    if not missing and not extra:
        found.append("  (same members, another order)")
    return found


def write() -> None:
    """Rewrites the block from core's catalogue."""
    before, _, after = _split(STUB.read_text(encoding="utf-8"))
    STUB.write_text(before + block() + after, encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[1:] == ["--write"]:
        write()
    left = problems()
    for problem in left:
        print(problem)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
