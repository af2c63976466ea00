// The public API of the built npm package: fixtures, check(), status, indicator progress, amounts
// and splits, languages, limits, renderers, the catalogue constants, CtgError, and the TypeScript
// declarations. Resilience to hostile values is in resilience.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import init, * as ctg from "../pkg/index.node.js";
import { fixturesDir, jsonFiles, repoDir, wasmDir } from "./helpers.mjs";

await init();

const fixtures = jsonFiles(fixturesDir);
const thore = fixtures.find((f) => f.name.startsWith("thore-montagne-noire"));
const thoreDoc = () => JSON.parse(thore.text);
const ISSUE_KEYS = ["code", "ctx", "message", "message_en", "message_fr", "path", "severity"];

/** The CtgError `f` throws (fails when it throws nothing or something else). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ctg.CtgError && e instanceof Error, `not a CtgError: ${e}`);
    return e;
  }
  assert.fail("no CtgError thrown");
}

test("every fixture is valid, as text, bytes and object, and parse() round-trips", () => {
  assert.ok(fixtures.length >= 5);
  for (const { name, text } of fixtures) {
    for (const input of [text, Buffer.from(text), new TextEncoder().encode(text), JSON.parse(text)]) {
      const report = ctg.validate(input);
      assert.equal(report.valid, true, `${name}: ${JSON.stringify(report.issues)}`);
    }
    const conv = ctg.parse(text);
    assert.equal(conv.format_version, 1, name);
    // fields in core's canonical order: the canonical file, byte for byte
    assert.equal(`${JSON.stringify(conv, null, 2)}\n`, text, `${name}: canonical order`);
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

test("check() validates once: the report, and the convention and totals only when valid", () => {
  const ok = ctg.check(thore.text);
  assert.deepEqual(Object.keys(ok).sort(), ["convention", "report", "totals"]);
  assert.deepEqual(ok.report, ctg.validate(thore.text));
  assert.deepEqual(ok.convention, ctg.parse(thore.text));
  assert.deepEqual(ok.totals, ctg.totals(thore.text));

  const doc = thoreDoc();
  doc.period.first_year = 2026;
  const bad = ctg.check(doc);
  assert.deepEqual(Object.keys(bad), ["report"]);
  assert.equal(bad.report.valid, false);
  assert.ok(bad.report.issues.some((i) => i.code === "period.reversed" && i.path === "period"));

  // Warnings never block: a valid document with a warning still has its convention.
  const warned = thoreDoc();
  warned.colour = "bleu";
  const w = ctg.check(warned);
  assert.equal(w.report.valid, true);
  assert.deepEqual(w.report.issues.map((i) => [i.code, i.severity]), [["field.unknown", "warning"]]);
  assert.equal(w.convention.colour, undefined);
  assert.equal(w.totals.total, "725403.00");
});

test("a convention without a funding section has no totals (null, not zero), in check() and totals()", () => {
  const doc = thoreDoc();
  delete doc.funding;
  const result = ctg.check(doc);
  assert.equal(result.report.valid, true);
  assert.equal(result.totals, null);
  assert.equal(ctg.totals(doc), null);
  assert.equal(result.convention.funding, undefined);
});

test("issues: snake_case keys, ctx as data, message in the language of the call", () => {
  const report = ctg.validate('{"format_version": 1, "title": "", "period": "2025-2023"}');
  assert.ok(report.issues.length > 0);
  for (const issue of report.issues) {
    assert.deepEqual(Object.keys(issue).sort(), ISSUE_KEYS);
    assert.equal(issue.message, issue.message_fr, "French by default");
  }
  const missing = report.issues.find((i) => i.path === "id");
  assert.deepEqual(missing.ctx, { field: "id" });
  assert.equal(missing.message_en, 'required field "id" is missing');

  const en = ctg.validate('{"format_version": 1, "title": ""}', { lang: "en" });
  for (const issue of en.issues) assert.equal(issue.message, issue.message_en);
  // core reads language names its way
  assert.deepEqual(ctg.validate("[]", { lang: "English" }).issues[0].message, "wrong type: expected an object, found a list");

  const doc = thoreDoc();
  doc.funding.declared.yearly["2024"] = "241800.00";
  const mismatch = ctg.validate(doc).issues.find((i) => i.code === "funding.year_total_mismatch");
  assert.equal(mismatch.path, "funding.declared.yearly.2024");
  assert.equal(mismatch.ctx.year, 2024);
  assert.equal(mismatch.ctx.declared, "241800.00");
  assert.equal(typeof mismatch.ctx.computed, "string");

  doc.parties[5].siren = "218100056";
  const siren = ctg.validate(doc).issues.find((i) => i.code === "siren.checksum");
  assert.equal(siren.ctx.item_name, "Albine");
});

test("setLanguage() sets the language of the calls that give none; {lang} wins for one call", () => {
  assert.equal(ctg.getLanguage(), "fr");
  try {
    assert.equal(ctg.setLanguage("en"), undefined);
    assert.equal(ctg.getLanguage(), "en");
    const issue = ctg.validate("[]").issues[0];
    assert.equal(issue.message, issue.message_en);
    assert.equal(ctg.validate("[]", { lang: "fr" }).issues[0].message, issue.message_fr);
    assert.equal(ctg.formatAmount("1234.5"), "€1,234.50");
    assert.match(thrown(() => ctg.parse("{}")).message, /^\d+ errors, 1 warning\n  /);
    assert.equal(ctg.status(thore.text, "2024-06-01").label, "in force");
    ctg.setLanguage("FR");
    assert.equal(ctg.getLanguage(), "fr");
    for (const bad of ["de", "", 3, null, undefined, {}]) {
      const e = thrown(() => ctg.setLanguage(bad));
      assert.equal(e.code, "argument.invalid", String(bad));
      assert.equal(ctg.getLanguage(), "fr", "a refused language changes nothing");
    }
    assert.match(thrown(() => ctg.setLanguage("de")).message, /"de".*fr, en/, "core's message");
  } finally {
    ctg.setLanguage("fr");
  }
});

test("CtgError of an invalid document: first error's code and path, core's summary in the language, every issue", () => {
  const doc = thoreDoc();
  doc.funding.allocations[0].amounts["2024"] = "-5";
  doc.parties[2].insee = "ABCDE";
  const error = thrown(() => ctg.parse(doc));
  assert.equal(error.name, "CtgError");
  assert.ok(typeof error.stack === "string");
  assert.match(error.message, /^2 erreurs, 0 avertissement\n  erreur \[/);
  const codes = error.issues.map((i) => `${i.code} ${i.path}`);
  assert.ok(codes.includes("amount.negative funding.allocations[0].amounts.2024"), codes.join("; "));
  assert.ok(codes.some((c) => c.endsWith("parties[2].insee")), codes.join("; "));
  assert.ok(error.issues.some((i) => i.code === error.code && i.path === error.path && i.severity === "error"));
  for (const issue of error.issues) assert.deepEqual(Object.keys(issue).sort(), ISSUE_KEYS);
  const en = thrown(() => ctg.totals(doc, { lang: "en" }));
  assert.match(en.message, /^2 errors, 0 warnings\n  error \[/);
  assert.equal(en.issues[0].message, en.issues[0].message_en);
  for (const f of [ctg.status, ctg.indicatorProgress, ctg.conventionHtml, ctg.conventionText]) {
    assert.equal(thrown(() => f(doc)).code, error.code, f.name);
  }
});

test("amounts: core's reading of a host value (text, whole numbers, BigInt) and its writings", () => {
  assert.equal(ctg.formatAmount("241801", "fr"), "241\u202f801\u00a0€");
  assert.equal(ctg.formatAmount("241801"), "241\u202f801\u00a0€");
  assert.equal(ctg.formatAmount("1234.56", "fr"), "1\u202f234,56\u00a0€");
  assert.equal(ctg.formatAmount("1234.5", "en"), "€1,234.50");
  assert.equal(ctg.formatAmount("1234.5", { lang: "en" }), "€1,234.50");
  assert.equal(ctg.formatAmount("241 801 €"), "241\u202f801\u00a0€");
  assert.equal(ctg.parseAmount("1 234,56 €"), "1234.56");
  assert.equal(ctg.parseAmount("1\u202f234,56\u00a0€"), "1234.56");
  assert.equal(ctg.parseAmount("€1,234.56"), "1234.56");
  assert.equal(ctg.parseAmount("40 800 euros"), "40800.00");
  assert.equal(ctg.parseAmount(40800), "40800.00", "a whole number is euros");
  assert.equal(ctg.parseAmount(-0), "0.00");
  assert.equal(ctg.parseAmount(40800n), "40800.00", "a BigInt is euros");
  assert.equal(ctg.formatAmount(241801n, "en"), "€241,801.00");
  const cases = [
    ["-3 €", "amount.negative"],
    ["1.2345", "amount.too_precise"],
    ["12.000", "amount.ambiguous"],
    ["1,234.56.7", "amount.invalid"],
    ["", "amount.invalid"],
    ["9999999999999", "amount.too_large"],
    [40800.5, "amount.float"],
    [Number.MAX_SAFE_INTEGER + 2, "amount.float"],
    [Number.POSITIVE_INFINITY, "amount.float"],
    [Number.NaN, "value.nan"],
    [10n ** 30n, "amount.too_large"],
    [-5n, "amount.negative"],
    ["1" + String.fromCharCode(0xd800), "text.lone_surrogate"],
    [null, "field.type"],
    [undefined, "field.type"],
    [true, "field.type"],
    [{}, "field.type"],
    [[], "field.type"],
    [new Date(0), "field.type"],
  ];
  for (const [value, code] of cases) {
    const e = thrown(() => ctg.parseAmount(value));
    assert.equal(e.code, code, String(value));
    assert.equal(e.path, "");
    assert.deepEqual(e.issues.map((i) => i.code), [code]);
    assert.equal(e.message, e.issues[0].message_fr, "core's message, French by default");
    assert.equal(thrown(() => ctg.formatAmount(value, "en")).message, e.issues[0].message_en);
  }
  const ambiguous = thrown(() => ctg.parseAmount("12.000"));
  assert.equal(ambiguous.issues[0].ctx.as_thousands, "12000.00");
  assert.equal(ambiguous.issues[0].ctx.as_decimal, "12.00");
  for (const bad of ["de", 3, [], { lang: "de" }, { colour: "bleu" }]) {
    assert.equal(thrown(() => ctg.formatAmount("1", bad)).code, "argument.invalid", JSON.stringify(bad));
  }
});

test("split and splitEvenly are core's, exact to the cent", () => {
  assert.deepEqual(ctg.split("100", [1, 1, 1]), ["33.34", "33.33", "33.33"]);
  assert.deepEqual(ctg.split(100, [1, 2]), ["33.33", "66.67"]);
  assert.deepEqual(ctg.split("0.10", [1, 2, 4]), ["0.01", "0.03", "0.06"]);
  assert.deepEqual(ctg.split("241 801 €", [0, 1, 0, 1]), ["0.00", "120900.50", "0.00", "120900.50"]);
  assert.deepEqual(ctg.split(1n, [2n ** 64n - 1n, 1]), ["1.00", "0.00"]);
  assert.deepEqual(ctg.splitEvenly("1000.01", 3), ["333.34", "333.34", "333.33"]);
  assert.deepEqual(ctg.splitEvenly(725403, 3), ["241801.00", "241801.00", "241801.00"]);
  const parts = ctg.split("725403.00", [40513, 40800, 34000, 34000, 16782, 3095, 25760, 29430, 17421]);
  const cents = parts.reduce((sum, p) => sum + BigInt(p.replace(".", "")), 0n);
  assert.equal(cents, 72540300n, "the parts add up to the whole");
  assert.equal(thrown(() => ctg.split("-1", [1])).code, "amount.negative");
  assert.equal(thrown(() => ctg.splitEvenly(0.5, 2)).code, "amount.float");
  for (const [weights, what] of [
    [[], "no weights (core's SplitError)"],
    [[0, 0], "all zero (core's SplitError)"],
    [[1, -1], "negative"],
    [[1, 1.5], "fraction"],
    [[1, "2"], "text"],
    [[2n ** 64n], "above 2^64-1"],
    ["1,2", "not an array"],
    [new Array(5_000_000), "longer than max_values"],
  ]) {
    assert.equal(thrown(() => ctg.split("100", weights)).code, "argument.invalid", what);
  }
  for (const n of [0, -1, 1.5, "3", 5_000_000, 2 ** 53]) {
    assert.equal(thrown(() => ctg.splitEvenly("100", n)).code, "argument.invalid", String(n));
  }
  assert.equal(ctg.splitEvenly("100", 5, { limits: { max_values: 5 } }).length, 5);
  assert.equal(thrown(() => ctg.splitEvenly("100", 6, { limits: { max_values: 5 } })).code, "argument.invalid");
});

test("status() on a day: a string, a Date, options.today, or today", () => {
  const cases = { "2022-11-29": "draft", "2022-12-01": "signed", "2023-01-01": "in_force", "2025-12-31": "in_force", "2026-01-01": "expired" };
  for (const [day, code] of Object.entries(cases)) {
    assert.equal(ctg.status(thore.text, day).code, code, day);
    assert.equal(ctg.status(thore.text, undefined, { today: day }).code, code, day);
  }
  assert.deepEqual(ctg.status(thore.text, "2024-06-01"), { code: "in_force", label: "en vigueur" });
  assert.deepEqual(ctg.status(thore.text, "2024-06-01", { lang: "en" }), { code: "in_force", label: "in force" });
  // a Date: its calendar day in local time
  assert.equal(ctg.status(thore.text, new Date(2022, 10, 30, 23, 59)).code, "signed", "signed on 2022-11-30");
  assert.equal(ctg.status(thore.text, new Date(2022, 10, 29, 23, 59)).code, "draft");
  // the argument wins over options.today
  assert.equal(ctg.status(thore.text, "2026-01-01", { today: "2024-01-01" }).code, "expired");
  // today by default: the Thoré convention (2023–2025) is expired from 2026 on
  const now = new Date();
  assert.equal(ctg.status(thore.text).code, now.getFullYear() >= 2026 ? "expired" : "in_force");
  const doc = thoreDoc();
  doc.termination = { date: "2024-03-01" };
  assert.equal(ctg.status(doc, "2024-03-01").code, "terminated");
  delete doc.termination;
  delete doc.signature;
  assert.equal(ctg.status(doc, "2024-03-01").code, "draft");
  for (const bad of ["01/06/2024", "2024-6-1", "2024-02-30", "", 20240601, new Date(Number.NaN), {}, { getTime: () => 0 }]) {
    assert.equal(thrown(() => ctg.status(thore.text, bad)).code, "argument.invalid", String(bad));
  }
});

test("indicatorProgress() is core's: every indicator, with its status", () => {
  const doc = thoreDoc();
  doc.action_sheets[1].indicators = [
    { name: "assistantes maternelles", baseline: 20, target: "30", measurements: [{ date: "2024-06-30", value: "24" }] },
    { name: "sans cible", measurements: [{ date: "2024-06-30", value: 3 }] },
  ];
  doc.action_sheets[0].indicators = [{ name: "places", baseline: "45", target: 80, measurements: [{ date: "2024-09-01", value: "59,5" }] }];
  assert.deepEqual(ctg.indicatorProgress(doc), [
    { action_sheet: 1, indicator: "places", baseline: "45", target: "80", measured_on: "2024-09-01", latest: "59.5", progress: "0.4143", status: "in_progress" },
    { action_sheet: 2, indicator: "assistantes maternelles", baseline: "20", target: "30", measured_on: "2024-06-30", latest: "24", progress: "0.4000", status: "in_progress" },
    { action_sheet: 2, indicator: "sans cible", baseline: null, target: null, measured_on: "2024-06-30", latest: "3", progress: null, status: "no_target" },
  ]);
  assert.deepEqual(ctg.indicatorProgress(thore.text), []);
});

test("renderers: core's HTML and text summaries, escaped", () => {
  const html = ctg.conventionHtml(thore.text, { today: "2024-06-01" });
  assert.ok(html.startsWith("<div><strong>Convention territoriale globale"), html.slice(0, 80));
  assert.ok(html.includes("en vigueur") && html.includes("725\u202f403\u00a0€"));
  assert.ok(ctg.conventionHtml(thore.text, { today: "2024-06-01", lang: "en" }).includes("in force"));
  const doc = thoreDoc();
  doc.title = '<img src=x onerror="alert(1)">';
  assert.ok(ctg.conventionHtml(doc).includes("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
  const text = ctg.conventionText(thore.text, { today: "2024-06-01" });
  assert.ok(text.includes("Statut au 01/06/2024 : en vigueur"), text);
  const report = ctg.reportHtml('{"format_version": 1, "title": "<b>"}', { lang: "en" });
  assert.ok(report.includes("invalid") && report.includes("field.missing"));
  assert.ok(ctg.reportHtml(thore.text).includes("valide"));
  assert.doesNotMatch(ctg.reportHtml({ "<script>": 1 }), /<script>/);
});

test("limits: per call, over core's DEFAULT_LIMITS", () => {
  assert.deepEqual({ ...ctg.DEFAULT_LIMITS }, { max_bytes: 64 * 1024 * 1024, max_values: 4 * 1024 * 1024, max_depth: 64, max_issues: 1000 });
  assert.ok(Object.isFrozen(ctg.DEFAULT_LIMITS));
  assert.deepEqual(ctg.validate(thore.text, { limits: ctg.DEFAULT_LIMITS }), ctg.validate(thore.text));

  const stakes = JSON.stringify({ format_version: 1, stakes: Array.from({ length: 50 }, () => ({})) });
  const truncated = ctg.validate(stakes, { limits: { max_issues: 5 } });
  assert.equal(truncated.issues.length, 6);
  const last = truncated.issues[5];
  assert.equal(last.code, "report.truncated");
  assert.equal(last.severity, "info");
  assert.equal(last.ctx.limit, 5);
  assert.equal(truncated.valid, false);

  const tooBig = ctg.validate(thore.text, { limits: { max_bytes: 1000 } });
  assert.deepEqual(tooBig.issues.map((i) => [i.code, i.path, i.ctx]), [["input.too_large", "", { limit: 1000, unit: "bytes" }]]);
  assert.deepEqual(ctg.validate(Buffer.from(thore.text), { limits: { max_bytes: 1000 } }), tooBig);
  // A string whose UTF-16 length is within the limit but its UTF-8 is not: core decides, the same way.
  const accents = `"${"é".repeat(600)}"`;
  assert.ok(accents.length <= 1000 && Buffer.byteLength(accents) > 1000);
  assert.deepEqual(ctg.validate(accents, { limits: { max_bytes: 1000 } }).issues, tooBig.issues);

  const deep = ctg.validate(thoreDoc(), { limits: { max_depth: 3 } });
  assert.deepEqual(deep.issues.map((i) => [i.code, i.path, i.ctx]), [["json.too_deep", "", { limit: 3 }]]);
  assert.deepEqual(ctg.validate(thore.text, { limits: { max_depth: 3 } }), deep);

  const few = ctg.validate(thoreDoc(), { limits: { max_values: 100 } });
  assert.deepEqual(few.issues.map((i) => [i.code, i.ctx]), [["input.too_large", { limit: 100, unit: "values" }]]);
  assert.equal(ctg.validate(thoreDoc(), { limits: { max_values: 100_000 } }).valid, true);

  // Options are checked: a typo or a wrong type is an argument error, never silently ignored.
  const bad = [
    { limits: { max_depth: -1 } },
    { limits: { max_depth: 1.5 } },
    { limits: { max_depth: "64" } },
    { limits: { max_depth: 2 ** 32 } },
    { limits: { max_deep: 3 } },
    { limits: [] },
    { limits: 3 },
    { limit: { max_depth: 3 } },
    { lang: "de" },
    { lang: 1 },
    { today: "tomorrow" },
    "fr",
    3,
    [],
  ];
  for (const options of bad) {
    const e = thrown(() => ctg.validate(thore.text, options));
    assert.equal(e.code, "argument.invalid", JSON.stringify(options));
    assert.deepEqual(e.issues, []);
  }
  assert.equal(ctg.validate(thore.text, { limits: { max_depth: 2 ** 32 - 1 }, lang: undefined }).valid, true);
  assert.equal(ctg.validate(thore.text, null).valid, true);
});

test("nesting: the same limit for JSON text and JS values (64 levels read, 65 too deep)", () => {
  const nested = (levels) => {
    let value = [];
    for (let i = 1; i < levels; i++) value = [value];
    return value;
  };
  for (const [levels, tooDeep] of [[63, false], [64, false], [65, true], [200, true]]) {
    // {notes: …} adds one level
    const doc = { ...thoreDoc(), notes: nested(levels - 1) };
    const asObject = ctg.validate(doc).issues.map((i) => i.code);
    const asText = ctg.validate(JSON.stringify(doc)).issues.map((i) => i.code);
    assert.deepEqual(asObject, asText, `${levels} levels`);
    assert.equal(asObject.includes("json.too_deep"), tooDeep, `${levels} levels`);
  }
});

test("ISSUE_CODES and ISSUE_SEVERITIES are core's catalogue (ctg codes), in its order", () => {
  const listed = execFileSync("cargo", ["run", "-q", "-p", "ctg-cli", "--", "codes"], { cwd: repoDir, encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.split(/\s+/));
  assert.deepEqual([...ctg.ISSUE_CODES], listed.map(([code]) => code));
  assert.deepEqual({ ...ctg.ISSUE_SEVERITIES }, Object.fromEntries(listed.map(([code, severity]) => [code, severity])));
  assert.ok(Object.isFrozen(ctg.ISSUE_CODES) && Object.isFrozen(ctg.ISSUE_SEVERITIES));
  assert.equal(new Set(ctg.ISSUE_CODES).size, ctg.ISSUE_CODES.length);
  assert.equal(ctg.ISSUE_SEVERITIES["report.truncated"], "info");
  const types = fs.readFileSync(path.join(wasmDir, "pkg", "catalogue.d.ts"), "utf8");
  for (const code of ctg.ISSUE_CODES) assert.ok(types.includes(`| "${code}"`), code);
  assert.match(types, /export type ConventionStatusCode = "draft" \| "signed" \| "in_force" \| "expired" \| "terminated";/);
});

test("schema() is the core's JSON Schema", () => {
  const schema = ctg.schema();
  assert.equal(schema.title, "Convention");
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(typeof schema.properties.funding, "object");
  const shipped = JSON.parse(fs.readFileSync(path.join(wasmDir, "pkg", "schema.json"), "utf8"));
  assert.deepEqual(schema, shipped, "schema() = `ctg schema` output");
  assert.notEqual(ctg.schema(), schema, "a fresh object each call");
});

test("a JS string holding a lone surrogate is reported where it stands, as its \\ud800 escape is", () => {
  const lone = String.fromCharCode(0xd800);
  const raw = ctg.validate(`{"format_version": 1, "title": "Convention ${lone} Thoré"}`).issues;
  const escaped = ctg.validate('{"format_version": 1, "title": "Convention \\ud800 Thoré"}').issues;
  assert.deepEqual(raw, escaped);
  assert.ok(raw.some((i) => i.code === "text.lone_surrogate" && i.path === "title"));
  // a key with one, in an object
  const doc = thoreDoc();
  doc[`colour${lone}`] = "bleu";
  assert.ok(ctg.validate(doc).issues.some((i) => i.code === "text.lone_surrogate"));
  // a well-formed pair and a real U+FFFD are text
  const fine = thoreDoc();
  fine.notes = "😀 \ufffd";
  assert.equal(ctg.validate(fine).valid, true);
  assert.equal(ctg.validate(JSON.stringify(fine)).valid, true);
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
  assert.ok(files.length >= 7, files.join(", "));
  for (const file of files) {
    const code = fs
      .readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/, path.relative(pkg, file));
  }
  const api = fs.readFileSync(path.join(pkg, "index.d.ts"), "utf8");
  for (const decl of [
    "validate(input: CtgInput, options?: Options): Report",
    "check(input: CtgInput, options?: Options): CheckResult",
    "parse(input: CtgInput, options?: Options): Convention",
    "totals(input: CtgInput, options?: Options): Totals | null",
  ]) {
    assert.ok(api.includes(decl), decl);
  }
  const types = fs.readFileSync(path.join(pkg, "types.d.ts"), "utf8");
  assert.ok(types.includes("code: IssueCode;") && types.includes('export type Severity = "error" | "warning" | "info";'));
});
