#!/usr/bin/env bash
# The peer benchmarks of issue 11, in one run (not part of CI: slow and noisy):
#   1. installs the pinned peers (target/peers-venv: benches/peers/python/requirements.txt;
#      benches/peers/node: npm ci) and runs their faithfulness tests (benches/peers/check.sh);
#   2. builds ctg for each host: the Python wheel (maturin, as scripts/test-python.sh) into the
#      same venv, the WebAssembly package (ctg-wasm/build.sh, as scripts/test-wasm.sh: the
#      wasm32 target, wasm-bindgen-cli 0.2.130, npm ci in ctg-wasm), the native examples;
#   3. writes the inputs (benches/examples/peer_inputs.rs: Thoré 15 KB, a generated convention of
#      10 000 allocation-years, a portfolio of 1 255 conventions) into target/peers/inputs;
#   4. runs benches/python/bench.py (ctg vs the pydantic peer, json.loads, orjson) and
#      benches/node/bench.mjs (ctg-wasm vs the zod peer, JSON.parse, and the native figure),
#      and prints their tables (also written to target/peers/results-*.md).
# Options: ROUNDS=7 (interleaved rounds per input), SKIP_BUILD=1 (reuse what is built).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
venv="$root/target/peers-venv"
out="$root/target/peers"
rounds="${ROUNDS:-7}"
WASM_BINDGEN_VERSION="0.2.130"
mkdir -p "$out"

echo "== peers: install and faithfulness"
bash "$root/benches/peers/check.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== ctg for Python (maturin build --release)"
  rm -rf "$root/target/peers-wheels"
  "$venv/bin/maturin" build --release -m ctg-py/Cargo.toml -o "$root/target/peers-wheels"
  "$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$root"/target/peers-wheels/ctg-*.whl

  echo "== ctg for Node (ctg-wasm/build.sh)"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  (cd ctg-wasm && npm ci --no-audit --no-fund --silent)
  bash ctg-wasm/build.sh

  echo "== native examples (peer_inputs, native_timing)"
  cargo build --release -p ctg-benches --examples
fi

echo "== inputs"
"$root/target/release/examples/peer_inputs" "$out/inputs"

stamp="$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Python: ctg vs the pydantic peer ($stamp)"
"$venv/bin/python" benches/python/bench.py "$out/inputs" --rounds "$rounds" --json "$out/results-python.json" \
  | tee "$out/results-python.md"
echo
echo "== Node: ctg-wasm vs the zod peer, and native ($stamp)"
node benches/node/bench.mjs "$out/inputs" --rounds "$rounds" --json "$out/results-node.json" \
  | tee "$out/results-node.md"
