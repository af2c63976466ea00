// Node side by side: ctg-wasm against the zod peer (benches/peers/node), in one process, with
// interleaved samples, on the inputs of benches/examples/peer_inputs.rs (thore.json 15 KB,
// generated-10k.json ~290 KB, portfolio.jsonl 1 255 conventions; a portfolio sample is all of
// them), then the native figure of the same work (the native_timing example), for the "within 2×
// of native" goal.
//
// Timed, each from the text of each document (a string, what `readFileSync(f, "utf8")` gives):
//
// - ctg `totals(text)`: the fastest documented path that loads, validates and gives the totals
//   (`check` also returns the canonical convention as a JS object; `validate` gives no totals);
// - ctg `totals(bytes)`: the same from the UTF-8 bytes (a Buffer, what `readFileSync(f)` gives);
// - zod: `JSON.parse(text)`, `convention.parse(doc)`, then the peer's `totals()`;
// - `JSON.parse(text)` alone, for reference (no rule).
//
// Before timing, every contender must accept every document and ctg's totals must equal the
// peer's (total, by year, coordination share). Samples are interleaved (one sample of each
// contender per round, the order rotating) and each figure is the median over the rounds. Each
// sample is timed twice: the CPU time of the process (`process.cpuUsage()`, user + system, so
// V8's own helper threads count: what the work cost, whatever else the shared machine runs) and
// the wall time. The table gives CPU medians and their ratios, wall ratios in parentheses; the
// native figure is the CPU time of its thread (benches/examples/native_timing.rs).
//
//   node benches/node/bench.mjs target/peers/inputs [--rounds 7] [--native target/release/examples/native_timing] [--json out.json]

import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

import { commandLine } from "./args.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

const { args, option } = commandLine();
const rounds = Number(option("--rounds", "7"));
const sampleSeconds = Number(option("--sample-seconds", "0.2"));
const nativeBin = option("--native", path.join(root, "target/release/examples/native_timing"));
const jsonOut = option("--json", undefined);
const pkg = option("--pkg", path.join(root, "ctg-wasm/pkg"));
const inputsDir = args[0] ?? path.join(root, "target/peers/inputs");

const ctgWasm = await import(pathToFileURL(path.join(pkg, "index.node.js")).href);
const peer = await import(pathToFileURL(path.join(root, "benches/peers/node/ctg-peer-zod.mjs")).href);
const zodVersion = JSON.parse(fs.readFileSync(path.join(root, "benches/peers/node/node_modules/zod/package.json"), "utf8")).version;

const files = ["thore.json", "generated-10k.json", "portfolio.jsonl"];
const inputs = files.map((file) => {
  const text = fs.readFileSync(path.join(inputsDir, file), "utf8");
  const docs = file.endsWith(".jsonl") ? text.split("\n").filter((l) => l.length > 0) : [text];
  return { name: file.replace(/\.jsonl?$/, ""), file, docs, bytes: docs.map((d) => Buffer.from(d, "utf8")) };
});

let sink;
const contenders = {
  "JSON.parse": (input) => {
    for (const d of input.docs) sink = JSON.parse(d);
  },
  "ctg totals(text)": (input) => {
    for (const d of input.docs) sink = ctgWasm.totals(d);
  },
  "ctg totals(bytes)": (input) => {
    for (const b of input.bytes) sink = ctgWasm.totals(b);
  },
  zod: (input) => {
    for (const d of input.docs) sink = peer.totals(peer.convention.parse(JSON.parse(d)));
  },
};
const names = Object.keys(contenders);

// Same work: both accept every document, with the same totals.
for (const input of inputs) {
  input.docs.forEach((d, i) => {
    const mine = ctgWasm.totals(d);
    const theirs = peer.totals(peer.convention.parse(JSON.parse(d)));
    const same =
      mine.total === peer.euros(theirs.total) &&
      mine.coordination_share === theirs.coordination_share &&
      Object.keys(mine.by_year).length === theirs.by_year.size &&
      Object.entries(mine.by_year).every(([y, v]) => peer.euros(theirs.by_year.get(y)) === v);
    if (!same) throw new Error(`${input.name}[${i}]: ctg and the zod peer disagree on the totals`);
  });
}

const now = () => Number(process.hrtime.bigint());

function calibrate(fn, input) {
  const start = now();
  let calls = 0;
  while (calls < 2 || now() - start < (sampleSeconds / 4) * 1e9) {
    fn(input);
    calls++;
  }
  const perCall = (now() - start) / calls;
  return Math.max(1, Math.round((sampleSeconds * 1e9) / perCall));
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};
const results = {};
for (const input of inputs) {
  const loops = Object.fromEntries(names.map((n) => [n, calibrate(contenders[n], input)]));
  const samples = Object.fromEntries(names.map((n) => [n, { cpu: [], wall: [] }]));
  for (let r = 0; r < rounds; r++) {
    const order = [...names.slice(r % names.length), ...names.slice(0, r % names.length)];
    for (const n of order) {
      const fn = contenders[n];
      const k = loops[n];
      const c0 = cpuNow();
      const t0 = now();
      for (let i = 0; i < k; i++) fn(input);
      const t1 = now();
      const c1 = cpuNow();
      samples[n].cpu.push((c1 - c0) / k);
      samples[n].wall.push((t1 - t0) / k);
    }
  }
  results[input.name] = samples;
  console.error(`  ${input.name}: ${rounds} rounds done`);
}

// The native figure: the same work in Rust, release build, same inputs.
let native = {};
if (fs.existsSync(nativeBin)) {
  const out = execFileSync(nativeBin, inputs.map((i) => path.join(inputsDir, i.file)), { encoding: "utf8" });
  for (const line of out.split("\n").filter((l) => l.trim())) {
    const row = JSON.parse(line);
    native[row.input] = row;
  }
} else {
  console.error(`no native timing: ${nativeBin} is not built (cargo build --release -p ctg-benches --examples)`);
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ns) => (ns >= 1e9 ? `${(ns / 1e9).toFixed(2)} s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(0)} µs`);
const head = ["input", "JSON.parse", "ctg totals(text)", "ctg totals(bytes)", "zod peer", "zod / ctg (wall)", "native ctg", "wasm / native (wall)", "spread ctg, zod"];
const lines = [`| ${head.join(" | ")} |`, `|${"---|".repeat(head.length)}`];
for (const input of inputs) {
  const s = results[input.name];
  const m = Object.fromEntries(names.map((n) => [n, median(s[n].cpu)]));
  const w = Object.fromEntries(names.map((n) => [n, median(s[n].wall)]));
  const spread = (n) => `±${(((Math.max(...s[n].cpu) - Math.min(...s[n].cpu)) / 2 / m[n]) * 100).toFixed(0)} %`;
  const nat = native[input.name];
  const size = input.docs.reduce((a, d) => a + Buffer.byteLength(d), 0);
  const label = `${input.name} (${input.docs.length} doc${input.docs.length > 1 ? "s" : ""}, ${(size / 1024).toFixed(0)} KB)`;
  const ctg = "ctg totals(text)";
  lines.push(
    `| ${[
      label,
      fmt(m["JSON.parse"]),
      fmt(m[ctg]),
      fmt(m["ctg totals(bytes)"]),
      fmt(m.zod),
      `**${(m.zod / m[ctg]).toFixed(2)}×** (${(w.zod / w[ctg]).toFixed(2)}×)`,
      nat ? fmt(nat.ctg_ns[0]) : "—",
      nat ? `**${(m[ctg] / nat.ctg_ns[0]).toFixed(2)}×** (${(w[ctg] / nat.ctg_wall_ns[0]).toFixed(2)}×)` : "—",
      `${spread(ctg)}, ${spread("zod")}`,
    ].join(" | ")} |`,
  );
}
console.error(`Node ${process.version}, zod ${zodVersion}; ${rounds} interleaved rounds, medians per input`);
console.log(lines.join("\n"));
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ results, native }, null, 1));
