// Builds of ctg-wasm side by side: `totals(text)` of each, in one process, samples interleaved, on
// the inputs of benches/examples/peer_inputs.rs — to compare profiles of the WebAssembly build
// (opt-level, per-package overrides, LLVM options, wasm-opt passes) by speed as well as size.
//
//   node benches/node/variants.mjs [--rounds 7] [--inputs target/peers/inputs] PKG...
//
// Each PKG is a copy of ctg-wasm/pkg (after ctg-wasm/build.sh) whose node/ctg_wasm.js and
// node/ctg_wasm_bg.wasm were replaced by those of a variant, for example:
//
//   cargo build -p ctg-wasm --lib --target wasm32-unknown-unknown --profile wasm-release \
//     --config 'profile.wasm-release.package.ctg-core.opt-level=3'
//   wasm-bindgen --target nodejs --out-dir /tmp/v/node --out-name ctg_wasm \
//     target/wasm32-unknown-unknown/wasm-release/ctg_wasm.wasm
//   ctg-wasm/node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-reference-types \
//     --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue \
//     /tmp/v/node/ctg_wasm_bg.wasm -o /tmp/v/node/ctg_wasm_bg.wasm
//   gzip -9 -c /tmp/v/node/ctg_wasm_bg.wasm | wc -c      # the size the budget counts
//   cp -r ctg-wasm/pkg /tmp/v/pkg && cp /tmp/v/node/ctg_wasm.js /tmp/v/node/ctg_wasm_bg.wasm /tmp/v/pkg/node/
//
// Every build must give the same totals. The figure is the median CPU time of the process per
// call (process.cpuUsage(), user + system) over the rounds; the order rotates each round.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { commandLine } from "./args.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { args, option } = commandLine();
const rounds = Number(option("--rounds", "7"));
const inputsDir = option("--inputs", path.join(root, "target/peers/inputs"));
const sampleSeconds = 0.2;
if (args.length === 0) throw new Error("usage: variants.mjs [--rounds 7] [--inputs dir] PKG...");

const builds = {};
for (const pkg of args) builds[pkg] = await import(pathToFileURL(path.resolve(pkg, "index.node.js")).href);
const names = Object.keys(builds);
const inputs = ["thore.json", "generated-10k.json", "portfolio.jsonl"].map((file) => {
  const text = fs.readFileSync(path.join(inputsDir, file), "utf8");
  return { file, docs: file.endsWith(".jsonl") ? text.split("\n").filter((l) => l.length > 0) : [text] };
});

for (const input of inputs) {
  for (const doc of input.docs) {
    const expected = JSON.stringify(builds[names[0]].totals(doc));
    for (const n of names) {
      if (JSON.stringify(builds[n].totals(doc)) !== expected) throw new Error(`${n} gives other totals on ${input.file}`);
    }
  }
}

let sink;
const run = (n, input) => {
  for (const d of input.docs) sink = builds[n].totals(d);
};
const now = () => Number(process.hrtime.bigint());
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);

for (const input of inputs) {
  const loops = {};
  for (const n of names) {
    const start = now();
    let calls = 0;
    while (calls < 2 || now() - start < (sampleSeconds / 4) * 1e9) {
      run(n, input);
      calls++;
    }
    loops[n] = Math.max(1, Math.round((sampleSeconds * 1e9) / ((now() - start) / calls)));
  }
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = [...names.slice(r % names.length), ...names.slice(0, r % names.length)];
    for (const n of order) {
      const c0 = cpu();
      for (let i = 0; i < loops[n]; i++) run(n, input);
      samples[n].push((cpu() - c0) / loops[n]);
    }
  }
  const first = median(samples[names[0]]);
  console.log(`${input.file} (${input.docs.length} documents), totals(text), CPU time, median of ${rounds} rounds:`);
  for (const n of names) {
    const m = median(samples[n]);
    console.log(`  ${fmt(m).padStart(10)}  ${(first / m).toFixed(2)}× the first  ${n}`);
  }
}
void sink;
