#!/usr/bin/env bash
# Builds the npm package of the ctg WebAssembly binding into ctg-wasm/pkg/ (generated, gitignored):
#   pkg/web/   wasm-bindgen --target web      (browsers, bundlers; `await init()` first)
#   pkg/node/  wasm-bindgen --target nodejs   (Node.js, loaded synchronously)
#              each with four modules: ctg_wasm (the base: ctg-core without its geography
#              rules) and, loaded on demand: ctg_wasm_geo (`@ctg/wasm/geo`: ctg-core with them and
#              ctg-geo with the COG 2026 embedded, portfolios with their coverage; cargo feature
#              `geo`), ctg_wasm_tables (`@ctg/wasm/tables`: ctg-tables, CSV/.xlsx/SCDL; feature
#              `tables`) and ctg_wasm_portfolio (`@ctg/wasm/portfolio`: core's portfolios without
#              the geography; feature `portfolio`)
#   pkg/index.*.js, api.js, *.d.ts            the hand-written wrapper (js/) and its types
#   pkg/catalogue.js, catalogue.d.ts          core's issue codes (ISSUE_CODES, type IssueCode), convention
#                                             statuses and default limits, read from the built module
#   pkg/schema.json, schema.js                the JSON Schema as validation reads it (ctg schema), and
#                                             the module schema() returns it from
#   pkg/convention.d.ts                       generated from the schema of what ctg writes
#                                             (ctg schema --written) by json-schema-to-typescript
# Needs: cargo with the wasm32-unknown-unknown target, wasm-bindgen 0.2.130, `npm ci` done here.
# scripts/test-wasm.sh installs all of these, then calls this script.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
pkg="$here/pkg"
bin="$here/node_modules/.bin"
cd "$root"

target_dir="$(cargo metadata --format-version 1 --no-deps | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
version="$(cargo metadata --format-version 1 --no-deps | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="ctg-wasm").version))')"

rm -rf "$pkg"
mkdir -p "$pkg/web" "$pkg/node"
printf '{\n  "type": "commonjs"\n}\n' >"$pkg/node/package.json"

# Every module uses the profile wasm-release (Cargo.toml): tune it there, for all. Plus one LLVM
# option for this target: at opt-level "z" LLVM inlines almost nothing (a threshold of 5), so
# the JSON reader's small functions (skip spaces, peek a byte, the separator…) stay calls; a
# threshold of 35 inlines them and their like, and kept the base module within its budget
# (measured: 1.4× faster on the Thoré fixture, 1.3× on the generated convention, +1 KB gzipped;
# 45 and above went over 250 KB). RUSTFLAGS, when set, replaces it (cargo's rule).
inline_flags='target.wasm32-unknown-unknown.rustflags=["-Cllvm-args=-inline-threshold=35"]'
built="$target_dir/wasm32-unknown-unknown/wasm-release/ctg_wasm.wasm"
for module in ctg_wasm ctg_wasm_geo ctg_wasm_tables ctg_wasm_portfolio; do
  features=()
  case "$module" in
    ctg_wasm_geo) features=(--features geo) ;;
    ctg_wasm_tables) features=(--features tables) ;;
    ctg_wasm_portfolio) features=(--features portfolio) ;;
  esac
  echo "== cargo build $module (wasm32-unknown-unknown, profile wasm-release ${features[*]})"
  cargo build -p ctg-wasm --lib --target wasm32-unknown-unknown --profile wasm-release \
    --config "$inline_flags" "${features[@]}"

  echo "== wasm-bindgen $(wasm-bindgen --version): $module"
  wasm-bindgen --target web --out-dir "$pkg/web" --out-name "$module" "$built"
  wasm-bindgen --target nodejs --out-dir "$pkg/node" --out-name "$module" "$built"

  echo "== wasm-opt -Oz --converge ($("$bin/wasm-opt" --version)): $module"
  # Both targets get the same wasm from wasm-bindgen: optimise once, use it twice.
  "$bin/wasm-opt" -Oz --converge --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$pkg/web/${module}_bg.wasm" -o "$pkg/web/${module}_bg.opt.wasm"
  mv "$pkg/web/${module}_bg.opt.wasm" "$pkg/web/${module}_bg.wasm"
  cp "$pkg/web/${module}_bg.wasm" "$pkg/node/${module}_bg.wasm"
done

echo "== catalogue.js and catalogue.d.ts (core's IssueCode::ALL, statuses, Limits::DEFAULT)"
# The constants the package exports before init() (ISSUE_CODES, DEFAULT_LIMITS) and the literal
# types of codes and statuses, written from the catalogue of the same core the module is built
# from (examples/catalogue.rs prints what bridge::catalogue() gives).
cargo run -q -p ctg-wasm --example catalogue >"$pkg/catalogue.json"
node --input-type=module - "$pkg" <<'JS'
import fs from "node:fs";
import path from "node:path";
const pkg = process.argv[2];
const c = JSON.parse(fs.readFileSync(path.join(pkg, "catalogue.json"), "utf8"));
fs.rmSync(path.join(pkg, "catalogue.json"));
const codes = c.issue_codes.map((i) => i.code);
if (codes.length === 0 || new Set(codes).size !== codes.length) throw new Error("bad catalogue");
const banner = "// Generated by ctg-wasm/build.sh from the catalogue of ctg-core. Do not edit.\n";
const lit = (items) => items.map((x) => JSON.stringify(x)).join(" | ");
fs.writeFileSync(path.join(pkg, "catalogue.js"), banner +
  `/** Every issue code of core's catalogue, in catalogue order. */\n` +
  `export const ISSUE_CODES = Object.freeze(${JSON.stringify(codes)});\n` +
  `/** The severity of each issue code. */\n` +
  `export const ISSUE_SEVERITIES = Object.freeze(${JSON.stringify(Object.fromEntries(c.issue_codes.map((i) => [i.code, i.severity])))});\n` +
  `/** Core's default limits (what validation reads at most). */\n` +
  `export const DEFAULT_LIMITS = Object.freeze(${JSON.stringify(c.default_limits)});\n`);
fs.writeFileSync(path.join(pkg, "catalogue.d.ts"), banner +
  `import type { Limits, Severity } from "./types.js";\n\n` +
  `/** A stable issue code of core's catalogue (\`ctg codes\`). */\n` +
  `export type IssueCode =\n  | ${codes.map((x) => JSON.stringify(x)).join("\n  | ")};\n\n` +
  `/** Where a convention stands on a given day (\`status()\`). */\n` +
  `export type ConventionStatusCode = ${lit(c.convention_statuses)};\n\n` +
  `/** Where an indicator stands (\`indicatorProgress()\`, \`evaluation()\`). */\n` +
  `export type IndicatorStatus = ${lit(c.indicator_statuses)};\n\n` +
  `/** Every issue code of core's catalogue, in catalogue order. */\n` +
  `export declare const ISSUE_CODES: readonly IssueCode[];\n` +
  `/** The severity of each issue code. */\n` +
  `export declare const ISSUE_SEVERITIES: Readonly<Record<IssueCode, Severity>>;\n` +
  `/** Core's default limits: ${JSON.stringify(c.default_limits)}. */\n` +
  `export declare const DEFAULT_LIMITS: Readonly<Limits>;\n`);
console.log(`${codes.length} issue codes, default limits ${JSON.stringify(c.default_limits)}`);
JS

echo "== JSON Schema (ctg schema) and TypeScript types (from ctg schema --written)"
# schema.json: the canonical document as validation reads it; schema.js returns it (kept out of
# the .wasm: a bundle carries it only when schema() is imported).
cargo run -q -p ctg-cli -- schema >"$pkg/schema.json"
node -e 'const fs=require("fs");const text=JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8")));
  fs.writeFileSync(process.argv[2], "// Generated by ctg-wasm/build.sh from `ctg schema` (ctg-core). Do not edit.\n" +
    "const TEXT = " + JSON.stringify(text) + ";\n\n" +
    "/** The JSON Schema (draft 2020-12) of the canonical format: a fresh object each call. */\n" +
    "export function schema() {\n  return JSON.parse(TEXT);\n}\n")' "$pkg/schema.json" "$pkg/schema.js"
printf '/** The JSON Schema (draft 2020-12) of the canonical format: a fresh object each call. */\nexport declare function schema(): import("./types.js").JsonSchema;\n' >"$pkg/schema.d.ts"
# The types describe what ctg returns: generated from the output contract, where the fields ctg
# always writes (period.duration_years, action_sheets[].status…) are required.
cargo run -q -p ctg-cli -- schema --written >"$pkg/schema.written.json"
# Name every definition after its $defs key so the types are exported by name (FacilityKind…),
# and drop the property descriptions that sit beside a $ref (json-schema-to-typescript would
# give them to the named type: FacilityKind would read "What it funds.").
node -e 'const fs=require("fs");const s=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));
  for (const [k,d] of Object.entries(s.$defs||{})) if (d && typeof d==="object" && !d.title) d.title=k;
  const walk=(n)=>{ if (!n || typeof n!=="object") return; if (n.$ref && n.description) delete n.description;
    Object.values(n).forEach(walk); };
  walk(s);
  fs.writeFileSync(process.argv[2], JSON.stringify(s))' "$pkg/schema.written.json" "$pkg/schema.titled.json"
"$bin/json2ts" --input "$pkg/schema.titled.json" --output "$pkg/convention.d.ts" \
  --bannerComment "// Generated by json-schema-to-typescript from the JSON Schema of what ctg writes (ctg schema --written). Do not edit." \
  --unknownAny --no-additionalProperties --strictIndexSignatures
# The types of what callers write (build()'s parts, an edit's sheet, party, period, changes):
# generated from the schema validation reads (ctg schema), where what ctg derives
# (period.duration_years, a sheet's status…) is optional, each named after its $defs key with
# `Input` (ConventionInput, ActionSheetInput, ChangeInput…).
node -e 'const fs=require("fs");const s=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));
  s.title=(s.title||"Convention")+"Input";
  for (const [k,d] of Object.entries(s.$defs||{})) if (d && typeof d==="object") d.title=k+"Input";
  const walk=(n)=>{ if (!n || typeof n!=="object") return; if (n.$ref && n.description) delete n.description;
    Object.values(n).forEach(walk); };
  walk(s);
  fs.writeFileSync(process.argv[2], JSON.stringify(s))' "$pkg/schema.json" "$pkg/schema.input.json"
"$bin/json2ts" --input "$pkg/schema.input.json" --output "$pkg/convention-input.d.ts" \
  --bannerComment "// Generated by json-schema-to-typescript from the JSON Schema validation reads (ctg schema): the types of what callers write. Do not edit." \
  --unknownAny --no-additionalProperties --strictIndexSignatures
rm "$pkg/schema.titled.json" "$pkg/schema.written.json" "$pkg/schema.input.json"
# The raw wasm ABI (InitOutput, *_bg.wasm.d.ts) passes externrefs typed `any`: say `unknown`.
sed -i -E 's/\bany\b/unknown/g' "$pkg"/web/*.d.ts "$pkg"/node/*.d.ts

echo "== wrapper, types, package.json"
cp "$here"/js/*.js "$here"/js/*.d.ts "$pkg/"
cp "$here/README.md" "$pkg/README.md"
sed "s/__VERSION__/$version/" "$here/js/package.json" >"$pkg/package.json"

echo "== demo site (demo/site: the page, the web build, the fixtures)"
site="$here/demo/site"
rm -rf "$site"
mkdir -p "$site/pkg" "$site/fixtures"
cp "$here"/demo/index.html "$here"/demo/demo.js "$here"/demo/style.css "$site/"
cp -r "$pkg"/web "$pkg"/api.js "$pkg"/catalogue.js "$pkg"/schema.js "$pkg"/index.web.js \
  "$pkg"/geo.js "$pkg"/index.geo.web.js "$pkg"/tables.js "$pkg"/index.tables.web.js \
  "$pkg"/portfolio.js "$pkg"/index.portfolio.web.js "$site/pkg/"
cp "$root"/tests/fixtures/*.json "$site/fixtures/"
node -e 'const fs=require("fs"),path=require("path");const dir=process.argv[1];
  const list=fs.readdirSync(dir).filter(f=>f.endsWith(".json")&&f!=="index.json").sort().map(file=>{
    let title=file; try{title=JSON.parse(fs.readFileSync(path.join(dir,file),"utf8")).title||file}catch{}
    return {file,title}});
  fs.writeFileSync(path.join(dir,"index.json"),JSON.stringify(list,null,1))' "$site/fixtures"

echo "built $pkg (version $version) and $site"
