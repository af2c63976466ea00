#!/usr/bin/env bash
# Builds and tests the WebAssembly binding (ctg-wasm) end to end, from any directory:
#   toolchain (rustup target, wasm-bindgen-cli 0.2.130, npm ci, chromium only if missing)
#   → ctg-wasm/build.sh (cargo → wasm-bindgen web + nodejs → wasm-opt → catalogue.js/.d.ts from
#     the built module → types → pkg/, demo/site/)
#   → size budget (gzipped .wasm ≤ 250 KB, printed)
#   → node --test (shared vectors as text, bytes, objects and JS host values, with their limits;
#     the life vectors (in force at dates, diffs, renewals); fixtures, API, languages, limits,
#     amounts and splits, building, edits, amendments, comparisons and evaluation, init()
#     failures, resilience to hostile values (throwing getters and Proxy traps, huge sparse arrays,
#     deep nesting, cycles), no `any` in the .d.ts, the JSON Schemas under Ajv against ctg's
#     verdicts (tests/schema/mutations.json), examples/life.ts run, the demo page and esbuild/Vite
#     bundles of examples/bundler in headless Chromium)
#   → tsc --noEmit --strict on examples/usage.ts, examples/life.ts and examples/bundler.
# Downloads no binary and no browser: cargo/npm/apt only.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wasm_dir="$root/ctg-wasm"
WASM_BINDGEN_VERSION="0.2.130"
BUDGET_BYTES=$((250 * 1024))
start=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - start))"; }

step "toolchain"
export PATH="$HOME/.cargo/bin:$PATH"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # Not --locked: a dependency version locked by that release is no longer served.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
wasm-bindgen --version
if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  apt-get install -y chromium
fi
/usr/bin/chromium --version
(cd "$wasm_dir" && npm ci --no-audit --no-fund)

step "build (ctg-wasm/build.sh)"
bash "$wasm_dir/build.sh"

step "size budget"
for wasm in "$wasm_dir/pkg/web/ctg_wasm_bg.wasm" "$wasm_dir/pkg/node/ctg_wasm_bg.wasm"; do
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  printf '%s: %d bytes, %d bytes gzipped (%.1f KB; budget %d KB)\n' \
    "${wasm#"$root"/}" "$raw" "$gz" "$(awk "BEGIN{print $gz/1024}")" $((BUDGET_BYTES / 1024))
  if [ "$gz" -gt "$BUDGET_BYTES" ]; then
    echo "FAIL: the gzipped wasm exceeds the budget" >&2
    exit 1
  fi
done

step "node --test (vectors, life vectors, fixtures, API, life of a convention, init, resilience, types, schema under Ajv, examples, demo and bundles in headless Chromium)"
(cd "$wasm_dir" && node --test --test-concurrency=1 tests/)

step "tsc --noEmit --strict examples/usage.ts and examples/life.ts (Node and web types) and examples/bundler"
(cd "$wasm_dir" && node_modules/.bin/tsc --noEmit --strict -p examples/tsconfig.json \
  && node_modules/.bin/tsc --noEmit --strict -p examples/tsconfig.web.json)

step "all wasm tests passed; screenshots in artifacts/"
