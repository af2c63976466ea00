#!/usr/bin/env bash
# Builds and tests the WebAssembly binding (ctg-wasm) end to end, from any directory:
#   toolchain (rustup target, wasm-bindgen-cli 0.2.130, npm ci, chromium only if missing)
#   → ctg-wasm/build.sh (cargo → wasm-bindgen web + nodejs → wasm-opt, for the base module, the
#     geography module, the tables module and the portfolio module → catalogue.js/.d.ts from the
#     built module → types → pkg/, demo/site/)
#   → size budgets, printed with gzip and brotli sizes: the base .wasm ≤ 250 KB gzipped, the
#     geography module's .wasm ≤ 1 152 KB gzipped, the tables module's ≤ 896 KB, the portfolio
#     module's ≤ 312 KB
#   → the national portfolio and Rust's answers (benches' example `national`, release build)
#   → node --test (shared vectors as text, bytes, objects and JS host values, with their limits;
#     the life vectors (in force at dates, diffs, renewals); fixtures, API, languages, limits,
#     amounts and splits, building, edits, amendments, comparisons and evaluation, init()
#     failures, resilience to hostile values (throwing getters and Proxy traps, huge sparse arrays,
#     deep nesting, cycles), no `any` in the .d.ts, the JSON Schemas under Ajv against ctg's
#     verdicts (tests/schema/mutations.json), examples/life.ts run, the demo page and esbuild/Vite
#     bundles of examples/bundler in headless Chromium; the geography module: the shared vectors
#     with a gazetteer, the resolution vectors of tests/geo/, its API and hostile values,
#     examples/geography.ts run, the demo's geography box, loadGeography() in the bundles; the
#     tables module: the shared table vectors of tests/tables/vectors, CSV/.xlsx round trips,
#     SCDL, examples/spreadsheets.ts run, the demo's download button; portfolios: the fixtures,
#     JSON Lines, the national portfolio against Rust's answers, the demo's portfolio box)
#   → tsc --noEmit --strict on examples/usage.ts, examples/life.ts, examples/geography.ts,
#     examples/spreadsheets.ts and examples/bundler.
# Downloads no binary and no browser: cargo/npm/apt only.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wasm_dir="$root/ctg-wasm"
WASM_BINDGEN_VERSION="0.2.130"
BUDGET_BYTES=$((250 * 1024))
# The geography module (@ctg/wasm/geo), fetched once, on demand, by the pages that ask for it: the
# COG 2026 it embeds is 694 KB gzipped alone (ctg-geo holds the data file to 1 MB gzipped), and
# its code is a second ctg-core with the geography rules plus ctg-geo's resolver, about 350 KB
# gzipped. 1 152 KB (1.125 MB) leaves about a tenth for a new COG edition or a speed-tuned
# profile, and fails on anything larger: a duplicated table, data embedded twice.
GEO_BUDGET_BYTES=$((1152 * 1024))
# The tables module (@ctg/wasm/tables), fetched on demand by the pages that write or read
# spreadsheets: ctg-tables with its readers and writers (calamine, quick-xml, zip with zlib-rs and
# zopfli, encoding_rs with every encoding a workbook may declare, rust_xlsxwriter) over a copy of
# ctg-core. Measured at 809.5 KB gzipped (828 884 bytes); the budget is that rounded up by about a
# tenth. With the inline threshold build.sh passes for speed (35), 862.1 KB.
TABLES_BUDGET_BYTES=$((896 * 1024))
# The portfolio module (@ctg/wasm/portfolio): the base module's core plus core's portfolios (rows,
# totals, summary and their text), which do not fit in the base module's budget. Measured at
# 283.5 KB gzipped (290 288 bytes); the budget is that rounded up by about a tenth.
PORTFOLIO_BUDGET_BYTES=$((312 * 1024))
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

step "clippy for wasm32 (the code under cfg(target_arch = \"wasm32\") that the native run does not see)"
cargo clippy --quiet --target wasm32-unknown-unknown -p ctg-core -p ctg-geo -p ctg-tables -p ctg-wasm -- -D warnings

step "build (ctg-wasm/build.sh)"
bash "$wasm_dir/build.sh"

step "size budgets (gzip -9 against the budget; brotli -q 11 beside it, as a server may send it)"
# KB of 1 024 bytes. Brotli through Node's zlib (no brotli binary is installed).
brotli_size() {
  node -e 'const z=require("zlib"),b=require("fs").readFileSync(process.argv[1]);
    console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length)' "$1"
}
for dir in web node; do
  for module in ctg_wasm ctg_wasm_geo ctg_wasm_tables ctg_wasm_portfolio; do
    wasm="$wasm_dir/pkg/$dir/${module}_bg.wasm"
    case "$module" in
      ctg_wasm_geo) budget=$GEO_BUDGET_BYTES ;;
      ctg_wasm_tables) budget=$TABLES_BUDGET_BYTES ;;
      ctg_wasm_portfolio) budget=$PORTFOLIO_BUDGET_BYTES ;;
      *) budget=$BUDGET_BYTES ;;
    esac
    raw=$(wc -c <"$wasm")
    gz=$(gzip -9 -c "$wasm" | wc -c)
    br=$(brotli_size "$wasm")
    printf '%s: %d bytes; gzipped %d bytes = %.1f KB, budget %d KB (%.1f KB to spare); brotli %.1f KB\n' \
      "${wasm#"$root"/}" "$raw" "$gz" "$(awk "BEGIN{print $gz/1024}")" $((budget / 1024)) \
      "$(awk "BEGIN{print ($budget-$gz)/1024}")" "$(awk "BEGIN{print $br/1024}")"
    if [ "$gz" -gt "$budget" ]; then
      echo "FAIL: the gzipped ${module}_bg.wasm exceeds its budget" >&2
      exit 1
    fi
  done
done

step "the national portfolio and Rust's answers (target/national.jsonl, target/national-answers.json)"
# The cross-language agreement test (tests/portfolio.test.mjs) reads both: the JS portfolio of the
# same JSON Lines, with the geography, must give the same summary and rows as JSON values.
(cd "$root" && cargo run -q --release -p ctg-benches --example national -- \
  target/national.jsonl --answers target/national-answers.json)

step "node --test (vectors, life vectors, fixtures, API, life of a convention, geography, init, resilience, types, schema under Ajv, examples, demo and bundles in headless Chromium)"
(cd "$wasm_dir" && node --test --test-concurrency=1 tests/)

step "tsc --noEmit --strict examples/usage.ts, examples/life.ts, examples/geography.ts, examples/spreadsheets.ts (Node and web types) and examples/bundler"
(cd "$wasm_dir" && node_modules/.bin/tsc --noEmit --strict -p examples/tsconfig.json \
  && node_modules/.bin/tsc --noEmit --strict -p examples/tsconfig.web.json)

step "all wasm tests passed; screenshots in artifacts/"
