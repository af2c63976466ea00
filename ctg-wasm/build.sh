#!/usr/bin/env bash
# Builds the npm package of the ctg WebAssembly binding into ctg-wasm/pkg/ (generated, gitignored):
#   pkg/web/   wasm-bindgen --target web      (browsers, bundlers; `await init()` first)
#   pkg/node/  wasm-bindgen --target nodejs   (Node.js, loaded synchronously)
#   pkg/index.*.js, api.js, *.d.ts            the hand-written wrapper (js/) and its types
#   pkg/convention.d.ts                       generated from the JSON Schema (json-schema-to-typescript)
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

echo "== cargo build (wasm32-unknown-unknown, profile wasm-release)"
cargo build -p ctg-wasm --lib --target wasm32-unknown-unknown --profile wasm-release
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/ctg_wasm.wasm"

rm -rf "$pkg"
mkdir -p "$pkg/web" "$pkg/node"

echo "== wasm-bindgen $(wasm-bindgen --version)"
wasm-bindgen --target web --out-dir "$pkg/web" --out-name ctg_wasm "$wasm"
wasm-bindgen --target nodejs --out-dir "$pkg/node" --out-name ctg_wasm "$wasm"
printf '{\n  "type": "commonjs"\n}\n' >"$pkg/node/package.json"

echo "== wasm-opt -Oz ($("$bin/wasm-opt" --version))"
# Both targets get the same wasm from wasm-bindgen: optimise once, use it twice.
"$bin/wasm-opt" -Oz --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$pkg/web/ctg_wasm_bg.wasm" -o "$pkg/web/ctg_wasm_bg.opt.wasm"
mv "$pkg/web/ctg_wasm_bg.opt.wasm" "$pkg/web/ctg_wasm_bg.wasm"
cp "$pkg/web/ctg_wasm_bg.wasm" "$pkg/node/ctg_wasm_bg.wasm"

echo "== TypeScript types from the JSON Schema"
cargo run -q -p ctg-cli -- schema >"$pkg/schema.json"
# Name every definition after its $defs key so the types are exported by name (FacilityKind…).
node -e 'const fs=require("fs");const s=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));
  for (const [k,d] of Object.entries(s.$defs||{})) if (d && typeof d==="object" && !d.title) d.title=k;
  fs.writeFileSync(process.argv[2], JSON.stringify(s))' "$pkg/schema.json" "$pkg/schema.titled.json"
"$bin/json2ts" --input "$pkg/schema.titled.json" --output "$pkg/convention.d.ts" \
  --bannerComment "// Generated from the JSON Schema of the canonical format (ctg schema) by json-schema-to-typescript. Do not edit." \
  --unknownAny --no-additionalProperties --strictIndexSignatures
rm "$pkg/schema.titled.json"
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
cp -r "$pkg"/web "$pkg"/api.js "$pkg"/index.web.js "$site/pkg/"
cp "$root"/tests/fixtures/*.json "$site/fixtures/"
node -e 'const fs=require("fs"),path=require("path");const dir=process.argv[1];
  const list=fs.readdirSync(dir).filter(f=>f.endsWith(".json")&&f!=="index.json").sort().map(file=>{
    let title=file; try{title=JSON.parse(fs.readFileSync(path.join(dir,file),"utf8")).title||file}catch{}
    return {file,title}});
  fs.writeFileSync(path.join(dir,"index.json"),JSON.stringify(list,null,1))' "$site/fixtures"

echo "built $pkg (version $version) and $site"
