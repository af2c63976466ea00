#!/usr/bin/env bash
# Builds the Python package `ctg` (ctg-py/, pyo3 + maturin) and runs its checks:
# pytest (with the answers of the Rust library on the national synthetic portfolio), mypy --strict
# on the tests and examples, and stubtest against the built module.
# Run from any directory; creates .venv at the repository root when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"

# The pinned build backend (same pin as ctg-py/pyproject.toml's build-system).
"$PY" -m pip install --quiet --upgrade pip
"$PY" -m pip install --quiet "maturin==1.16.0"

# Build the abi3 wheel, then install it with the pinned test extras.
rm -f target/wheels/ctg-*.whl
"$VENV/bin/maturin" build --release -m ctg-py/Cargo.toml -o target/wheels
WHEEL="$(ls target/wheels/ctg-*.whl | head -n 1)"
"$PY" -m pip install --quiet --force-reinstall --no-deps "$WHEEL"
"$PY" -m pip install --quiet "${WHEEL}[test]"

# The national synthetic portfolio and what the Rust library finds in it (deterministic, a few
# seconds, not committed; written anew each run so that the answers are the current library's):
# tests/test_portfolio.py checks that Python finds the same.
cargo run --release -p ctg-benches --example national -- \
    target/national.jsonl --answers target/national-answers.json
export CTG_NATIONAL="$ROOT/target/national.jsonl" CTG_NATIONAL_REQUIRED=1

# Run from outside the source tree so that the installed wheel is what gets tested.
cd "$ROOT/ctg-py/tests"
"$PY" -m pytest "$ROOT/ctg-py/tests" -q -p no:cacheprovider

cd "$ROOT"
"$PY" -m mypy --strict --no-incremental \
    "$ROOT/ctg-py/tests" "$ROOT/examples/python"
cd "$ROOT/ctg-py/tests"  # outside the source tree: check the installed package
"$PY" -m mypy --strict --no-incremental -p ctg
"$PY" -m mypy.stubtest ctg --allowlist "$ROOT/ctg-py/stubtest-allowlist.txt"
echo "Python checks passed"
