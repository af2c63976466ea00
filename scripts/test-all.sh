#!/usr/bin/env bash
# Every test of ctg, from a fresh clone: Rust (format, lints, unit/integration/property/doc tests,
# CLI, benchmarks compiled), the Python package, the SCDL files of the CLI and of Python against
# the standard's schema (Frictionless), then the WebAssembly package, each installing
# what it needs (pinned) from crates.io, PyPI, npm and Debian.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==== %s ====\n' "$*"; }

step "Rust toolchain components"
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^${component}" || rustup component add "$component"
done

step "Rust: format"
cargo fmt --all --check

step "Rust: clippy (all targets, all features, warnings are errors)"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "Rust: tests (unit, integration, property, doc) and the shared vectors"
cargo test --workspace --all-features

step "ctg-geo: the committed reference data is what the pinned package generates (npm registry)"
node ctg-geo/scripts/generate.mjs --check

step "examples: the committed outlines of the départements are what their pinned package generates (npm registry)"
node examples/data/generate-departement-shapes.mjs --check

step "ctg-geo: size of the geography data, against its budget"
cargo test --quiet -p ctg-geo --test data size_budget -- --nocapture

step "Rust: rustdoc (every public item documented, no broken links)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --all-features --quiet

step "Python package (ctg-py)"
bash scripts/test-python.sh

step "SCDL Subventions: every file ctg writes (CLI and Python) validated by Frictionless (scripts/test-scdl.sh)"
bash scripts/test-scdl.sh

step "WebAssembly package (ctg-wasm)"
bash scripts/test-wasm.sh

step "Benchmark peers (pydantic, zod): they accept and refuse what ctg does, as documented"
bash benches/peers/check.sh

step "All tests passed"
