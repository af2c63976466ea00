"""Keeps the docstrings of the stubs (``ctg/_ctg.pyi``, ``ctg/_enums.pyi``) equal to the runtime
ones: the Rust doc comments of the pyo3 classes, methods, properties and functions, and the
docstrings of the Python helpers (``_enums.py``). Type checkers and IDEs read the stubs only, so
without this they would show no documentation.

    python ctg-py/tools/stub_docs.py          # check (exit 1 and list the differences)
    python ctg-py/tools/stub_docs.py --write  # rewrite the stubs' docstrings from the runtime

It needs the built package importable (``scripts/test-python.sh`` installs it). The tests run
:func:`problems` (``tests/test_stubs.py``), so a doc comment changed in Rust without running
``--write`` fails the build.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from pathlib import Path
from types import ModuleType
from typing import Union

PACKAGE = Path(__file__).resolve().parents[1] / "python" / "ctg"
#: stub file → the runtime module it describes.
STUBS = {"_ctg.pyi": "ctg._ctg", "_enums.pyi": "ctg._enums"}

Definition = Union[ast.ClassDef, ast.FunctionDef]


def _public(name: str) -> bool:
    return not name.startswith("_")


def _runtime_doc(module: ModuleType, owner: str | None, name: str) -> str | None:
    """The runtime docstring of ``module.name`` or ``module.owner.name``, cleaned."""
    if owner is None:
        obj = getattr(module, name, None)
    else:
        obj = inspect.getattr_static(getattr(module, owner), name, None)
        if isinstance(obj, (staticmethod, classmethod)):
            obj = obj.__func__
    doc = getattr(obj, "__doc__", None)
    return inspect.cleandoc(doc) if isinstance(doc, str) and doc.strip() else None


def _definitions(tree: ast.Module) -> list[tuple[str | None, Definition]]:
    """The stub's documented definitions: its classes, their public methods and properties, and
    its public functions (each overload carries the docstring, as IDEs show the matching one)."""
    out: list[tuple[str | None, Definition]] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            out.append((None, node))
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and _public(item.name):
                    out.append((node.name, item))
        elif isinstance(node, ast.FunctionDef) and _public(node.name):
            out.append((None, node))
    return out


def problems() -> list[str]:
    """Every stub definition whose docstring differs from the runtime's (or that has none)."""
    found = []
    for stub_name, module_name in STUBS.items():
        module = importlib.import_module(module_name)
        tree = ast.parse((PACKAGE / stub_name).read_text(encoding="utf-8"))
        for owner, node in _definitions(tree):
            where = f"{stub_name}: {owner + '.' if owner else ''}{node.name}"
            expected = _runtime_doc(module, owner, node.name)
            if expected is None:
                found.append(f"{where}: no docstring at runtime")
            elif ast.get_docstring(node) != expected:
                found.append(f"{where}: the stub's docstring is not the runtime's")
    return found


def _docstring_lines(doc: str, indent: str) -> list[str]:
    prefix = 'r"""' if "\\" in doc else '"""'
    lines = doc.replace('"""', '\\"\\"\\"').splitlines()
    if len(lines) == 1:
        return [f"{indent}{prefix}{lines[0]}\"\"\""]
    body = [f"{indent}{line}" if line else "" for line in lines[1:]]
    return [f"{indent}{prefix}{lines[0]}", *body, f'{indent}"""']


def write() -> None:
    """Rewrites the docstrings of every stub definition from the runtime."""
    for stub_name, module_name in STUBS.items():
        module = importlib.import_module(module_name)
        path = PACKAGE / stub_name
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        # Bottom-up, so that earlier line numbers stay valid.
        for owner, node in sorted(_definitions(tree), key=lambda d: -d[1].lineno):
            doc = _runtime_doc(module, owner, node.name)
            if doc is None:
                continue
            first = node.body[0]
            has_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(
                first.value.value, str
            )
            indent = " " * (node.col_offset + 4)
            new = _docstring_lines(doc, indent)
            if has_doc:
                lines[first.lineno - 1 : first.end_lineno or first.lineno] = new
            elif isinstance(node, ast.FunctionDef) and len(node.body) == 1 and first.lineno == node.lineno:
                # `def f(...) -> T: ...` on one line: the docstring becomes the body.
                end = (node.end_lineno or node.lineno) - 1
                line = lines[end]
                assert line.rstrip().endswith(": ..."), line
                lines[end : end + 1] = [line.rstrip()[: -len(" ...")], *new]
            elif isinstance(node, ast.FunctionDef) and len(node.body) == 1 and isinstance(first, ast.Expr):
                line = lines[first.lineno - 1]
                if line.strip() == "...":
                    # A signature over several lines, then `...` on its own line.
                    lines[first.lineno - 1 : first.end_lineno] = new
                else:
                    # A signature over several lines ending `) -> T: ...`.
                    assert line.rstrip().endswith(": ..."), line
                    lines[first.lineno - 1 : first.lineno] = [line.rstrip()[: -len(" ...")], *new]
            else:
                # A class: the docstring goes first in its body (before any decorator).
                decorators = getattr(first, "decorator_list", [])
                top = min([first.lineno, *(d.lineno for d in decorators)])
                lines[top - 1 : top - 1] = new
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[1:] == ["--write"]:
        write()
    left = problems()
    for problem in left:
        print(problem)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
