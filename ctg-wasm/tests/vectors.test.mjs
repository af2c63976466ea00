// The shared vectors of tests/vectors/ (the same files the Rust and Python tests read), through
// the built npm package, with each vector's `limits`: same verdicts, codes, paths, severities,
// every `ctx` key given, and totals (`null`: absent), whether the input is given as JSON text, as
// UTF-8 bytes, as a plain object, or — for the host vectors naming "js" — as the JavaScript values
// their tags describe (BigInt, NaN, lone surrogates, a Set, a throwing getter, deep and huge
// arrays). A vector with `"gazetteer": "cog-2026"` is validated through the geography module
// (`loadGeography()`: `geo.validate`, `geo.check`), as the Rust harness does with
// `Validator::gazetteer` and Python with `geography=ctg.geography()`.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ctg from "../pkg/index.node.js";
import { hostValue, issueTuples, jsonFiles, losesFloatTokens, rawMember, vectorsDir } from "./helpers.mjs";

const vectors = jsonFiles(vectorsDir);
const geo = await ctg.loadGeography();
const ISSUE_KEYS = ["code", "ctx", "message", "message_en", "message_fr", "path", "severity"];

/** The validation a vector names: the base module's, or the geography module's for "cog-2026". */
function validatorOf(vector) {
  if (!("gazetteer" in vector)) return { validate: ctg.validate, check: ctg.check, geography: false };
  assert.equal(vector.gazetteer, "cog-2026", `unknown gazetteer ${vector.gazetteer}`);
  return { validate: geo.validate, check: geo.check, geography: true };
}

test("there are vectors to run, host vectors for JavaScript and vectors with the geography among them", () => {
  assert.ok(vectors.length >= 100, `only ${vectors.length} vectors found in ${vectorsDir}`);
  const js = vectors.filter(({ text }) => JSON.parse(text).hosts?.includes("js"));
  assert.ok(js.length >= 9, `only ${js.length} host vectors for js`);
  const withGeography = vectors.filter(({ text }) => "gazetteer" in JSON.parse(text));
  assert.ok(withGeography.length >= 20, `only ${withGeography.length} vectors with the geography`);
});

/** Issues sorted by (path, code, severity), each with its ctx, for the ctx comparison. */
function sorted(issues) {
  const key = (i) => `${i.path}\u0000${i.code}\u0000${i.severity}`;
  return issues.slice().sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Every expectation of a vector, for one form of its input. */
function check(name, input, vector) {
  const { expect } = vector;
  const limits = vector.limits;
  const lang = "en";
  const v = validatorOf(vector);
  const report = v.validate(input, { limits, lang });
  assert.equal(report.valid, expect.valid, `${name}: valid`);
  assert.deepEqual(issueTuples(report.issues), issueTuples(expect.issues), `${name}: issues`);
  const got = sorted(report.issues);
  sorted(expect.issues).forEach((want, k) => {
    for (const [key, value] of Object.entries(want.ctx ?? {})) {
      assert.deepEqual(got[k].ctx[key], value, `${name}: ${want.path} ${want.code} ctx.${key}`);
    }
  });
  for (const issue of report.issues) {
    assert.deepEqual(Object.keys(issue).sort(), ISSUE_KEYS, name);
    assert.ok(ctg.ISSUE_CODES.includes(issue.code), `${name}: ${issue.code} is in ISSUE_CODES`);
    assert.equal(issue.severity, ctg.ISSUE_SEVERITIES[issue.code], `${name}: ${issue.code} severity`);
    assert.equal(issue.message, issue.message_en, `${name}: message in the language of the call`);
    assert.ok(issue.message_fr.length > 0 && issue.message_en.length > 0, `${name}: messages`);
    for (const value of Object.values(issue.ctx)) {
      const ok = typeof value === "string" || typeof value === "number" || (Array.isArray(value) && value.every((v) => typeof v === "string"));
      assert.ok(ok, `${name}: ctx values are strings, numbers or lists of strings`);
    }
  }

  const checked = v.check(input, { limits });
  assert.deepEqual(checked.report.issues.map((i) => [i.path, i.code]), report.issues.map((i) => [i.path, i.code]), `${name}: check() = validate()`);
  assert.ok(checked.report.issues.every((i) => i.message === i.message_fr), `${name}: French by default`);
  if (v.geography) {
    // Every geo.* issue carries the reference; without the geography none of these rules runs.
    for (const issue of report.issues.filter((i) => i.code.startsWith("geo."))) {
      assert.equal(issue.ctx.geography, "COG 2026", `${name}: ${issue.code} ctx.geography`);
      assert.equal(issue.ctx.effective, "2026-01-01", `${name}: ${issue.code} ctx.effective`);
    }
    const without = ctg.validate(input, { limits });
    assert.ok(!without.issues.some((i) => i.code.startsWith("geo.")), `${name}: no geo.* issue without the geography`);
    assert.deepEqual(without.issues.map((i) => [i.path, i.code]), report.issues.filter((i) => !i.code.startsWith("geo.")).map((i) => [i.path, i.code]), `${name}: the other issues are the base module's`);
  }
  if (expect.valid) {
    const conv = ctg.parse(input, { limits });
    assert.deepEqual(checked.convention, conv, `${name}: check().convention = parse()`);
    assert.deepEqual(checked.totals, ctg.totals(input, { limits }), `${name}: check().totals = totals()`);
  } else {
    assert.equal(checked.convention, undefined, `${name}: no convention when invalid`);
    assert.equal(checked.totals, undefined, `${name}: no totals when invalid`);
    if (!v.geography || !ctg.validate(input, { limits }).valid) {
      assert.throws(
        () => ctg.parse(input, { limits }),
        (e) => e instanceof ctg.CtgError && e.issues.length === ctg.validate(input, { limits }).issues.length && e.issues.some((i) => i.code === e.code && i.path === e.path),
      );
    }
  }
  if (expect.totals === null) {
    assert.equal(checked.totals, null, `${name}: totals absent (no funding section), not zero`);
  } else if (expect.totals) {
    assert.ok(checked.totals, `${name}: totals present`);
    for (const [key, value] of Object.entries(expect.totals)) {
      assert.deepEqual(checked.totals[key], value, `${name}: totals.${key}`);
    }
  }
}

/**
 * Host vectors naming "js" whose tagged value no JavaScript value can be (none at present: the
 * vectors use a float with a fraction, 45.5, which is a float in every host).
 */
const NO_JS_VALUE = {};

let forms = 0;
for (const { name, text } of vectors) {
  const vector = JSON.parse(text);
  const raw = rawMember(text, "input");
  const input = raw ?? vector.input_text;

  if (vector.input_host !== undefined) {
    if (!(vector.hosts ?? []).includes("js")) continue;
    if (NO_JS_VALUE[name]) {
      test(`vector ${name}: no JavaScript value is what it describes`, () => NO_JS_VALUE[name](vector));
      continue;
    }
    test(`vector ${name} (JavaScript values)`, () => {
      check(name, hostValue(vector.input_host), vector);
      forms++;
    });
    continue;
  }

  test(`vector ${name} (JSON text)`, () => {
    assert.equal(typeof input, "string", "a vector has input, input_text or input_host");
    check(name, input, vector);
    forms++;
  });

  test(`vector ${name} (UTF-8 bytes)`, () => {
    check(name, new TextEncoder().encode(input), vector);
    forms++;
  });

  // JSON.parse turns `4.08e4` into the integer 40800: the object no longer carries the float.
  if (raw !== undefined && !losesFloatTokens(raw)) {
    test(`vector ${name} (plain object)`, () => {
      check(name, vector.input, vector);
      forms++;
    });
  }
}

test("every form ran", () => {
  assert.ok(forms >= 300, `${forms} forms`);
});
