// The shared vectors of tests/vectors/ (the same files the Rust tests read), through the built npm
// package: same verdicts, codes, paths and totals, whether the input is given as text, as UTF-8
// bytes or as a plain object.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ctg from "../pkg/index.node.js";
import { issueTuples, jsonFiles, losesFloatTokens, rawMember, vectorsDir } from "./helpers.mjs";

const vectors = jsonFiles(vectorsDir);

test("there are vectors to run", () => {
  assert.ok(vectors.length >= 50, `only ${vectors.length} vectors found in ${vectorsDir}`);
});

function check(name, input, expect) {
  const report = ctg.validate(input);
  assert.equal(report.valid, expect.valid, `${name}: valid`);
  assert.deepEqual(issueTuples(report.issues), issueTuples(expect.issues), `${name}: issues`);
  for (const issue of report.issues) {
    // snake_case keys, as in the CLI's --json and Python's dicts
    assert.deepEqual(Object.keys(issue).sort(), ["code", "ctx", "message_en", "message_fr", "path", "severity"], name);
    assert.ok(issue.message_fr.length > 0 && issue.message_en.length > 0, `${name}: messages`);
    assert.equal(typeof issue.ctx, "object", `${name}: ctx`);
  }
  if (expect.valid) {
    assert.equal(typeof ctg.parse(input), "object");
  } else {
    assert.throws(
      () => ctg.parse(input),
      (e) => e instanceof ctg.CtgError && e.issues.length === report.issues.length,
    );
  }
  if (expect.totals) {
    const totals = ctg.totals(input);
    for (const [key, value] of Object.entries(expect.totals)) {
      assert.deepEqual(totals[key], value, `${name}: totals.${key}`);
    }
  }
}

for (const { name, text } of vectors) {
  const vector = JSON.parse(text);
  const raw = rawMember(text, "input");
  const input = raw ?? vector.input_text;

  test(`vector ${name} (JSON text)`, () => {
    assert.equal(typeof input, "string", "a vector has input or input_text");
    check(name, input, vector.expect);
  });

  test(`vector ${name} (UTF-8 bytes)`, () => {
    check(name, new TextEncoder().encode(input), vector.expect);
  });

  if (raw !== undefined && !losesFloatTokens(raw)) {
    test(`vector ${name} (plain object)`, () => {
      check(name, vector.input, vector.expect);
    });
  }
}
