// The published JSON Schemas under an independent validator, Ajv (draft 2020-12, default strict
// mode): they compile without a warning, the fixtures satisfy them, and every hand-written
// mutation of tests/schema/mutations.json gets from Ajv and from ctg's own validation (the wasm
// `validate`) the verdicts the file states: the same verdict on structure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import * as ctg from "../pkg/index.node.js";
import { fixturesDir, jsonFiles, repoDir, wasmDir } from "./helpers.mjs";

const inputSchema = JSON.parse(fs.readFileSync(path.join(wasmDir, "pkg", "schema.json"), "utf8"));
const outputSchema = JSON.parse(
  execFileSync("cargo", ["run", "-q", "-p", "ctg-cli", "--", "schema", "--written"], { cwd: repoDir, encoding: "utf8" }),
);

/** Compiles in Ajv's default (strict) mode, failing on any warning as well as on any error. */
function compile(schema) {
  const warnings = [];
  const ajv = new Ajv2020({ allErrors: true, logger: { log() {}, warn: (...m) => warnings.push(m.join(" ")), error: (...m) => warnings.push(m.join(" ")) } });
  const validate = ajv.compile(schema);
  assert.deepEqual(warnings, []);
  return validate;
}

const ajvInput = compile(inputSchema);
const ajvOutput = compile(outputSchema);
const describe = (errors) => (errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("; ");

test("both schemas compile in Ajv's strict mode, with no format and no Rust code in descriptions", () => {
  for (const schema of [inputSchema, outputSchema]) {
    const text = JSON.stringify(schema);
    assert.doesNotMatch(text, /"format"\s*:/);
    assert.doesNotMatch(text, /```|\[`|crate::|"additionalProperties":false/);
  }
  assert.deepEqual(ctg.schema(), inputSchema);
});

test("every fixture satisfies both schemas and ctg", () => {
  const fixtures = jsonFiles(fixturesDir);
  assert.equal(fixtures.length, 5);
  for (const { name, text } of fixtures) {
    const doc = JSON.parse(text);
    assert.equal(ajvInput(doc), true, `${name}: ${describe(ajvInput.errors)}`);
    assert.equal(ajvOutput(doc), true, `${name}: ${describe(ajvOutput.errors)}`);
    assert.equal(ctg.validate(text).valid, true, name);
    // and what ctg writes satisfies the output schema
    assert.equal(ajvOutput(ctg.parse(text)), true, `${name} (parsed): ${describe(ajvOutput.errors)}`);
  }
});

test("a document with amendments holding changes and allocations with what was paid satisfies both schemas", () => {
  const { input } = JSON.parse(fs.readFileSync(path.join(repoDir, "tests", "vectors", "life", "as-of-two-amendments.json"), "utf8"));
  input.funding.allocations[1].paid = { 2023: "39000.00" };
  assert.ok(input.amendments.some((a) => a.changes.length > 0));
  assert.equal(ctg.validate(input).valid, true);
  assert.equal(ajvInput(input), true, describe(ajvInput.errors));
  const written = ctg.parse(input);
  assert.equal(ajvOutput(written), true, describe(ajvOutput.errors));
  // every kind of change ctg writes, as a diff gives them, is a Change of the written schema
  const kinds = new Set(written.amendments.flatMap((a) => a.changes.map((c) => c.kind)));
  assert.ok(kinds.has("amount") && kinds.size >= 2, [...kinds].join(", "));
  // a change of an unknown kind is refused by both
  const bad = structuredClone(input);
  bad.amendments[0].changes[0].kind = "colour";
  assert.equal(ajvInput(bad), false);
  assert.equal(ctg.validate(bad).valid, false);
});

/** Applies a JSON Patch (RFC 6902) of add, replace and remove operations. */
function apply(doc, patch) {
  for (const { op, path: pointer, value } of patch) {
    const tokens = pointer.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
    const last = tokens.pop();
    const parent = tokens.reduce((node, t) => node[Array.isArray(node) ? Number(t) : t], doc);
    assert.ok(parent !== null && typeof parent === "object", pointer);
    if (Array.isArray(parent)) {
      const i = last === "-" ? parent.length : Number(last);
      if (op === "add") parent.splice(i, 0, value);
      else if (op === "replace") parent[i] = value;
      else if (op === "remove") parent.splice(i, 1);
      else assert.fail(op);
    } else if (op === "add" || op === "replace") parent[last] = value;
    else if (op === "remove") {
      assert.ok(last in parent, `nothing at ${pointer}`);
      delete parent[last];
    } else assert.fail(op);
  }
  return doc;
}

const { mutations } = JSON.parse(fs.readFileSync(path.join(repoDir, "tests", "schema", "mutations.json"), "utf8"));

test("there are mutations of every kind", () => {
  const kinds = new Set(mutations.map((m) => m.kind));
  assert.deepEqual([...kinds].sort(), ["beyond_schema", "lenient_writing", "structure"]);
  assert.ok(mutations.filter((m) => m.kind === "structure" && !m.ctg.valid).length >= 50);
});

for (const m of mutations) {
  test(`mutation (${m.kind}): ${m.name}`, () => {
    const fixture = fs.readFileSync(path.join(fixturesDir, `${m.fixture ?? "thore-montagne-noire-2023-2025"}.json`), "utf8");
    const doc = apply(JSON.parse(fixture), m.patch);
    // As JSON text, so that ctg reads exactly what Ajv sees (40513.5 stays a float).
    const report = ctg.validate(JSON.stringify(doc));
    const codes = report.issues.map((i) => i.code);
    assert.equal(report.valid, m.ctg.valid, `ctg: ${codes.join(", ")}`);
    for (const code of m.ctg.codes) assert.ok(codes.includes(code), `ctg reports ${code}: ${codes.join(", ")}`);
    assert.equal(ajvInput(doc), m.schema_valid, `Ajv: ${describe(ajvInput.errors)}`);
    if (m.kind === "structure") assert.equal(m.schema_valid, m.ctg.valid, "same verdict on structure");
  });
}
