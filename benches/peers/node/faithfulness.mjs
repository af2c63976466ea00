// How faithful the zod peer is to ctg: the shared vectors (tests/vectors/*.json) and the fixtures
// (tests/fixtures/*.json), run through the peer and compared with the hand-written expectations
// (never with ctg's output). Same method as benches/peers/python/faithfulness.py:
//
// - every vector given as a JSON document (`input`, fed as its raw text so that a literal such as
//   `4.08e4` reaches JSON.parse as written, or `input_text`); the host-* vectors are left out;
// - a valid vector must be accepted, with the expected totals;
// - an invalid vector must be rejected ("rejected"); for "same errors", the peer's errors as ctg's
//   (code, path) must be exactly the expected errors (warnings left out: zod has none).
//
// `node faithfulness.mjs` prints the table and every divergence; faithfulness.test.mjs asserts
// that the divergences are exactly the documented ones.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as peer from "./ctg-peer-zod.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../../..");
export const VECTORS = path.join(ROOT, "tests", "vectors");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");

/** The end (exclusive) of the JSON value that starts at `i` in `s`. */
function skipValue(s, i) {
  let depth = 0;
  for (;;) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (s[i] !== '"') i += s[i] === "\\" ? 2 : 1;
      i++;
    } else if (ch === "{" || ch === "[") {
      depth++;
      i++;
    } else if (ch === "}" || ch === "]") {
      depth--;
      i++;
    } else {
      while (i < s.length && !",}] \t\r\n".includes(s[i])) i++;
      if (depth === 0) return i;
      if (s[i] === " " || s[i] === "\t" || s[i] === "\r" || s[i] === "\n" || s[i] === ",") i++;
      continue;
    }
    if (depth === 0) return i;
    while (i < s.length && " \t\r\n,:".includes(s[i])) i++;
  }
}

/** The raw text of the top-level member `name` of the JSON object `text`. */
export function rawMember(text, name) {
  let i = text.indexOf("{") + 1;
  for (;;) {
    while (" \t\r\n,".includes(text[i])) i++;
    if (text[i] === "}") return undefined;
    const keyEnd = skipValue(text, i);
    const key = JSON.parse(text.slice(i, keyEnd));
    i = keyEnd;
    while (" \t\r\n:".includes(text[i])) i++;
    const end = skipValue(text, i);
    if (key === name) return text.slice(i, end);
    i = end;
  }
}

const mapToObject = (m) => Object.fromEntries([...m].map(([k, v]) => [k, peer.euros(v)]));

/** The peer's totals written as the vectors write them. */
export function totalsAsStrings(t) {
  if (t === null) return null;
  return {
    total: peer.euros(t.total),
    by_year: mapToObject(t.by_year),
    by_beneficiary: mapToObject(t.by_beneficiary),
    by_domain: mapToObject(t.by_domain),
    by_facility_kind: mapToObject(t.by_facility_kind),
    coordination: peer.euros(t.coordination),
    coordination_share: t.coordination_share,
  };
}

const sameMap = (a, b) =>
  a !== null && b !== null && typeof a === "object" && typeof b === "object"
    ? Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k])
    : a === b;

const pairs = (list) => new Set(list.map(([c, p]) => `${c} at ${p}`));
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

/** Runs one vector: `{ name, expectValid, accepted, errors, expectedErrors, totalsOk, faithful, verdict }`. */
export function runOne(name, text, expect) {
  const expectedErrors = pairs(expect.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.path]));
  const out = { name, expectValid: expect.valid, accepted: false, errors: new Set(), expectedErrors, hasTotals: "totals" in expect, totalsOk: null, totalsDiff: "" };
  let result;
  try {
    const doc = JSON.parse(text);
    const parsed = peer.convention.safeParse(doc, { reportInput: true });
    if (!parsed.success) {
      out.errors = pairs(peer.issues(parsed.error));
    } else {
      out.accepted = true;
      result = peer.totals(parsed.data);
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    out.errors = new Set(["json.syntax at "]);
  }
  if (out.accepted && out.hasTotals) {
    const want = expect.totals;
    const got = totalsAsStrings(result);
    if (want === null || got === null) {
      out.totalsOk = want === null && got === null;
      out.totalsDiff = `expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
    } else {
      const diffs = Object.keys(want).filter((k) => !sameMap(want[k], got[k]));
      out.totalsOk = diffs.length === 0;
      out.totalsDiff = diffs.map((k) => `${k}: expected ${JSON.stringify(want[k])}, got ${JSON.stringify(got[k])}`).join("; ");
    }
  }
  out.faithful = out.expectValid
    ? out.accepted && out.totalsOk !== false
    : !out.accepted && sameSet(out.errors, out.expectedErrors);
  const list = (s) => [...s].sort().join(", ");
  if (out.faithful) out.verdict = "ok";
  else if (out.expectValid) out.verdict = out.accepted ? `accepted, totals differ: ${out.totalsDiff}` : `refused: ${list(out.errors)}`;
  else if (out.accepted) out.verdict = `accepted (ctg refuses: ${list(out.expectedErrors)})`;
  else out.verdict = `refused differently: got ${list(out.errors)} ; expected ${list(out.expectedErrors)}`;
  return out;
}

/** `[name, text, expect]` of every vector given as JSON (not the host vectors). */
export function vectors() {
  const out = [];
  for (const file of fs.readdirSync(VECTORS).filter((f) => f.endsWith(".json")).sort()) {
    const text = fs.readFileSync(path.join(VECTORS, file), "utf8");
    const vector = JSON.parse(text);
    if ("gazetteer" in vector) continue; // checked against the official geography, which the peers do not have
    let input;
    if ("input" in vector) input = rawMember(text, "input");
    else if ("input_text" in vector) input = vector.input_text;
    else continue; // input_host: a Python or JavaScript value, not a JSON document
    out.push([file.replace(/\.json$/, ""), input, vector.expect]);
  }
  return out;
}

export function fixtures() {
  return fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(FIXTURES, f));
}

export function table(outcomes) {
  const valid = outcomes.filter((o) => o.expectValid);
  const invalid = outcomes.filter((o) => !o.expectValid);
  const withTotals = valid.filter((o) => o.hasTotals);
  let fixturesOk = 0;
  const files = fixtures();
  for (const f of files) {
    try {
      peer.load(fs.readFileSync(f, "utf8"));
      fixturesOk++;
    } catch {
      // counted below
    }
  }
  const rows = [
    ["fixtures accepted", fixturesOk, files.length],
    ["valid vectors accepted", valid.filter((o) => o.accepted).length, valid.length],
    ["… with the expected totals", withTotals.filter((o) => o.totalsOk === true).length, withTotals.length],
    ["invalid vectors rejected", invalid.filter((o) => !o.accepted).length, invalid.length],
    ["… with exactly ctg's errors (code and path)", invalid.filter((o) => o.faithful).length, invalid.length],
  ];
  return ["| zod peer | count |", "|---|---|", ...rows.map(([l, n, k]) => `| ${l} | ${n}/${k} |`)].join("\n");
}

export function runAll() {
  return vectors().map(([name, text, expect]) => runOne(name, text, expect));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outcomes = runAll();
  console.log(table(outcomes));
  console.log();
  for (const o of outcomes) if (!o.faithful) console.log(`- ${o.name}: ${o.verdict}`);
}
