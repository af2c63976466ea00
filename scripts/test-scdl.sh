#!/usr/bin/env bash
# Validates every SCDL Subventions file ctg writes against the standard's schema.json with
# Frictionless (pinned in tests/scdl/requirements.txt), in its own virtual environment
# (target/scdl-venv), independent of the Python package's .venv. Run from any directory.
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
"$VENV/bin/python" tests/scdl/check_scdl.py "$ROOT/target/debug/ctg"
