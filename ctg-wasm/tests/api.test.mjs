// The public API of the built npm package: fixtures, amounts, schema, CtgError, resilience to bad
// input, and the TypeScript declarations.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import init, * as ctg from "../pkg/index.node.js";
import { fixturesDir, jsonFiles, wasmDir } from "./helpers.mjs";

await init();

const fixtures = jsonFiles(fixturesDir);
const thore = fixtures.find((f) => f.name.startsWith("thore-montagne-noire"));

test("every fixture is valid, as text, bytes and object, and parse() round-trips", () => {
  assert.ok(fixtures.length >= 5);
  for (const { name, text } of fixtures) {
    for (const input of [text, Buffer.from(text), JSON.parse(text)]) {
      const report = ctg.validate(input);
      assert.equal(report.valid, true, `${name}: ${JSON.stringify(report.issues)}`);
    }
    const conv = ctg.parse(text);
    assert.equal(conv.format_version, 1, name);
    assert.deepEqual(ctg.parse(conv), conv, `${name}: canonical form is stable`);
    assert.deepEqual(ctg.parse(JSON.stringify(conv)), conv, name);
  }
});

test("Thoré Montagne Noire totals are exact strings", () => {
  const totals = ctg.totals(thore.text);
  assert.equal(totals.total, "725403.00");
  assert.deepEqual(totals.by_year, { 2023: "241801.00", 2024: "241801.00", 2025: "241801.00" });
  assert.equal(totals.coordination, "121539.00");
  assert.equal(totals.coordination_share, "0.1675");
  assert.equal(totals.by_domain.petite_enfance, "403680.00");
  assert.equal(Object.keys(totals.by_beneficiary).length, 9);
  for (const years of Object.values(totals.by_beneficiary_year)) {
    assert.deepEqual(Object.keys(years), ["2023", "2024", "2025"]);
  }
  for (const value of Object.values(totals.by_facility_kind)) assert.match(value, /^\d+\.\d\d$/);
  assert.equal(ctg.formatAmount(totals.total, "fr"), "725\u202f403\u00a0€");
});

test("parse() keeps money and dates as strings", () => {
  const conv = ctg.parse(thore.text);
  assert.equal(typeof conv.signature.date, "string");
  assert.match(conv.signature.date, /^\d{4}-\d\d-\d\d$/);
  for (const allocation of conv.funding.allocations) {
    for (const amount of Object.values(allocation.amounts)) assert.equal(typeof amount, "string");
  }
});

test("formatAmount and parseAmount use the core's French writing", () => {
  assert.equal(ctg.formatAmount("241801", "fr"), "241\u202f801\u00a0€");
  assert.equal(ctg.formatAmount("241801"), "241\u202f801\u00a0€");
  assert.equal(ctg.formatAmount("1234.56", "fr"), "1\u202f234,56\u00a0€");
  assert.equal(ctg.formatAmount("1234.5", "en"), "€1,234.50");
  assert.equal(ctg.formatAmount("241 801 €"), "241\u202f801\u00a0€");
  assert.equal(ctg.parseAmount("1 234,56 €"), "1234.56");
  assert.equal(ctg.parseAmount("1\u202f234,56\u00a0€"), "1234.56");
  assert.equal(ctg.parseAmount("40 800 euros"), "40800.00");
  const cases = {
    "-3 €": "amount.negative",
    "1.234": "amount.too_precise",
    "1,234.56": "amount.invalid",
    "": "amount.invalid",
    "9999999999999": "amount.too_large",
  };
  for (const [text, code] of Object.entries(cases)) {
    assert.throws(
      () => ctg.parseAmount(text),
      (e) => e instanceof ctg.CtgError && e instanceof Error && e.code === code && e.path === "" && e.issues[0].code === code,
      text,
    );
  }
  for (const bad of [241801, null, undefined, {}, [], 1.5, 10n]) {
    assert.throws(() => ctg.parseAmount(bad), (e) => e instanceof ctg.CtgError && e.code === "argument.invalid");
    assert.throws(() => ctg.formatAmount(bad), (e) => e instanceof ctg.CtgError && e.code === "argument.invalid");
  }
  assert.throws(() => ctg.formatAmount("1", "de"), (e) => e instanceof ctg.CtgError && e.code === "argument.invalid");
  assert.throws(() => ctg.formatAmount("1", 3), (e) => e instanceof ctg.CtgError && e.code === "argument.invalid");
});

test("parse() throws a CtgError with the first error's code and path, and every issue", () => {
  const doc = JSON.parse(thore.text);
  doc.funding.allocations[0].amounts["2024"] = "-5";
  doc.parties[2].insee = "ABCDE";
  let error;
  try {
    ctg.parse(doc);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof ctg.CtgError);
  assert.ok(error instanceof Error);
  assert.equal(error.name, "CtgError");
  assert.ok(typeof error.stack === "string");
  assert.match(error.message, /error\(s\)/);
  const codes = error.issues.map((i) => `${i.code} ${i.path}`);
  assert.ok(codes.includes("amount.negative funding.allocations[0].amounts.2024"), codes.join("; "));
  assert.ok(codes.includes("insee.invalid parties[2].insee") || codes.some((c) => c.endsWith("parties[2].insee")), codes.join("; "));
  assert.ok(error.issues.some((i) => i.code === error.code && i.path === error.path && i.severity === "error"));
  assert.throws(() => ctg.totals(doc), ctg.CtgError);
});

test("issues have the snake_case keys of every ctg data object, in reports and in errors", () => {
  const keys = ["code", "ctx", "message_en", "message_fr", "path", "severity"];
  const report = ctg.validate('{"format_version": 1, "title": ""}');
  assert.ok(report.issues.length > 0);
  for (const issue of report.issues) assert.deepEqual(Object.keys(issue).sort(), keys);
  const error = (() => {
    try {
      ctg.parse('{"format_version": 1}');
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof ctg.CtgError);
  for (const issue of error.issues) assert.deepEqual(Object.keys(issue).sort(), keys);
  const totals = ctg.totals(thore.text);
  for (const key of Object.keys(totals)) assert.match(key, /^[a-z_]+$/, key);
});

test("money given as a JS float is refused (amount.float), as in JSON text", () => {
  const doc = JSON.parse(thore.text);
  doc.funding.allocations[0].amounts["2023"] = 40800.5;
  const report = ctg.validate(doc);
  assert.equal(report.valid, false);
  assert.ok(report.issues.some((i) => i.code === "amount.float" && i.path === "funding.allocations[0].amounts.2023"));
});

test("schema() is the core's JSON Schema", () => {
  const schema = ctg.schema();
  assert.equal(schema.title, "Convention");
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(typeof schema.properties.funding, "object");
  const shipped = JSON.parse(fs.readFileSync(path.join(wasmDir, "pkg", "schema.json"), "utf8"));
  assert.deepEqual(schema, shipped, "embedded schema = `ctg schema` output");
});

test("bad input of every kind gets a report or a CtgError, and the module keeps working", () => {
  const deepObject = {};
  let cursor = deepObject;
  for (let i = 0; i < 100_000; i++) cursor = cursor.a = {};
  const cyclic = { title: "x" };
  cyclic.self = cyclic;
  const deepArray = [];
  let arr = deepArray;
  for (let i = 0; i < 1000; i++) arr = arr[0] = [];
  const garbage = new Uint8Array(4096);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
  const bad = [
    "",
    "not json",
    "{",
    "[".repeat(100_000),
    "{\"a\":".repeat(50_000),
    "\u0000\uffff\ud800",
    "1e999999",
    "123456789012345678901234567890",
    '{"format_version": 1e400}',
    garbage,
    new Uint8Array([0xff, 0xfe, 0xfd]),
    new Uint8Array(0),
    deepObject,
    deepArray,
    cyclic,
    null,
    undefined,
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e308,
    2n ** 100n,
    true,
    [],
    [1, 2, 3],
    {},
    { format_version: "1", title: 42, period: [], parties: "none", funding: { allocations: [{ amounts: { 2024: 1e30 } }] } },
    { funding: { allocations: [{ amounts: { 2024: Number.MAX_SAFE_INTEGER * 4 } }] } },
    () => 1,
    Symbol("x"),
    { fn: () => 1 },
    new Map([[1, 2]]),
    new Date(0),
    /regex/,
    new ArrayBuffer(8),
    "x".repeat(5_000_000),
  ];
  const good = thore.text;
  for (let round = 0; round < 3; round++) {
    for (const input of bad) {
      const report = ctg.validate(input);
      assert.equal(report.valid, false, `validate(${describe(input)})`);
      assert.ok(report.issues.length > 0);
      for (const f of [ctg.parse, ctg.totals]) {
        assert.throws(() => f(input), (e) => e instanceof ctg.CtgError && typeof e.code === "string" && e.code !== "internal", `${f.name}(${describe(input)})`);
      }
      for (const f of [ctg.parseAmount, (x) => ctg.formatAmount(x, "fr")]) {
        assert.throws(() => f(input), (e) => e instanceof ctg.CtgError && e.code !== "internal", describe(input));
      }
    }
    assert.equal(ctg.validate(good).valid, true);
    assert.equal(ctg.totals(good).total, "725403.00");
  }
  assert.equal(ctg.validate(deepObject).issues[0].code, "json.too_deep");
  assert.equal(ctg.validate(cyclic).issues[0].code, "json.too_deep");
  assert.equal(ctg.validate("[".repeat(100_000)).issues[0].code, "json.too_deep");
  assert.equal(ctg.validate(garbage).issues[0].code, "json.syntax");
});

test("thousands of calls do not leak the module into a bad state", () => {
  for (let i = 0; i < 3000; i++) {
    ctg.validate(i % 2 ? "{" : { title: i });
    try {
      ctg.parseAmount(`${i},999`);
    } catch {}
  }
  assert.equal(ctg.totals(thore.text).total, "725403.00");
});

test("the TypeScript declarations have no `any`", () => {
  const pkg = path.join(wasmDir, "pkg");
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(".d.ts")) files.push(p);
    }
  };
  walk(pkg);
  assert.ok(files.length >= 6, files.join(", "));
  for (const file of files) {
    const code = fs
      .readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/, path.relative(pkg, file));
  }
  const api = fs.readFileSync(path.join(pkg, "index.d.ts"), "utf8");
  for (const decl of ["validate(input: CtgInput): Report", "parse(input: CtgInput): Convention", "totals(input: CtgInput): Totals"]) {
    assert.ok(api.includes(decl), decl);
  }
});

function describe(value) {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 20)) + (value.length > 20 ? `…(${value.length})` : "");
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol" || typeof value === "function") return String(value);
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  return Object.prototype.toString.call(value);
}
