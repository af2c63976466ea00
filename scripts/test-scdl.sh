#!/usr/bin/env bash
# Validates every SCDL Subventions file ctg writes against the standard's schema.json with
# Frictionless (pinned in tests/scdl/requirements.txt), in its own virtual environment
# (target/scdl-venv), independent of the Python package's .venv; the files the Python package
# writes as well when it is installed there. Run from any directory.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/target/scdl-venv"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -r tests/scdl/requirements.txt
cargo build --quiet -p ctg-cli
# The files the Python package writes too, when it is installed in .venv (scripts/test-python.sh
# builds it; scripts/test-all.sh runs that first).
PYTHON=()
if [ -x "$ROOT/.venv/bin/python" ] && "$ROOT/.venv/bin/python" -c "import ctg.scdl" 2>/dev/null; then
    PYTHON=("$ROOT/.venv/bin/python")
else
    echo "note: no ctg package in .venv (scripts/test-python.sh builds it): the files Python writes are not checked"
fi
"$VENV/bin/python" tests/scdl/check_scdl.py "$ROOT/target/debug/ctg" "${PYTHON[@]}"
