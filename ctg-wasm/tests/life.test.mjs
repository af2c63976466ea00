// The shared vectors of tests/vectors/life/ (also run by ctg-core/tests/life_vectors.rs and the
// Python suite), through the built npm package, with the same checks: the convention in force at
// dates (asOf), comparisons (diff: changes in order with their kind, subject, sides and
// difference, the other fields; applying the changes gives the second convention back) and
// renewals (sheets continued, started and stopped, parties, domains, envelope).
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import * as ctg from "../pkg/index.node.js";
import { jsonFiles, vectorsDir } from "./helpers.mjs";

const vectors = jsonFiles(path.join(vectorsDir, "life")).map(({ name, text }) => ({ name, v: JSON.parse(text) }));

test("there are life vectors of every kind", () => {
  assert.ok(vectors.length >= 6, `found ${vectors.length}`);
  assert.ok(vectors.some(({ v }) => v.as_of), "as-of vectors");
  assert.ok(vectors.some(({ name }) => name.startsWith("diff-")), "diff vectors");
  assert.ok(vectors.some(({ name }) => name.startsWith("renewal-")), "renewal vectors");
});

/**
 * What a change is about, as tests/vectors/README.md defines it (core's `Change::subject`): read
 * from the change's data, which is all a JavaScript caller has.
 */
function subject(change) {
  const side = change.before ?? change.after;
  switch (change.kind) {
    case "period":
      return `${change.after.first_year}–${change.after.last_year}`;
    case "domain":
      return side;
    case "action_sheet":
      return String(side.number);
    case "amount":
      return `${change.beneficiary} ${change.facility_kind} ${change.year}`;
    case "declared":
      return "";
    default:
      return side.id;
  }
}

function checkAsOf(name, v) {
  assert.ok(v.as_of.length > 0, name);
  for (const step of v.as_of) {
    // the input as a plain object, and as JSON text: the same answer
    for (const input of [v.input, JSON.stringify(v.input)]) {
      const inForce = ctg.asOf(input, step.date);
      const at = `${name} ${step.date}`;
      assert.deepEqual(inForce.applied.map((a) => a.number), step.applied, `${at}: applied`);
      assert.deepEqual(inForce.pending.map((a) => a.number), step.pending, `${at}: pending`);
      assert.equal(ctg.totals(inForce.convention)?.total ?? null, step.total, `${at}: total`);
      assert.equal(inForce.convention.action_sheets.length, step.action_sheets, `${at}: action sheets`);
      assert.equal(inForce.convention.domains.length, step.domains, `${at}: domains`);
      assert.equal(inForce.convention.amendments, undefined, `${at}: the text in force holds no amendment of its own`);
      // the date as a Date (its calendar day in local time) and as options.today
      const [y, m, d] = step.date.split("-").map(Number);
      assert.deepEqual(ctg.asOf(input, new Date(y, m - 1, d, 12)), inForce, `${at}: a Date`);
      assert.deepEqual(ctg.asOf(input, undefined, { today: step.date }), inForce, `${at}: options.today`);
    }
  }
}

function checkDiff(name, v) {
  const result = ctg.diff(v.before, v.after);
  const expected = v.expect.changes;
  assert.equal(result.changes.length, expected.length, `${name}: ${JSON.stringify(result.changes.map((c) => c.kind))}`);
  const got = result.changes.map((change, i) => {
    const row = { kind: change.kind, subject: subject(change), before: "before" in change, after: "after" in change };
    if ("difference" in (expected[i] ?? {})) row.difference = change.difference ?? null;
    return row;
  });
  assert.deepEqual(got, expected, name);
  assert.deepEqual(result.fields, v.expect.fields, `${name}: fields`);
  for (const change of result.changes) {
    assert.equal("difference" in change, change.kind === "amount", `${name}: only an amount has a difference`);
  }
  // Applying the changes to the first gives the second, on everything they cover.
  const applied = ctg.applyChanges(v.before, result.changes);
  assert.deepEqual(ctg.diff(applied, v.after).changes, [], `${name}: applying the diff`);
  // Text in both languages, core's: one line per change and field, or "no difference".
  const fr = ctg.diff(v.before, v.after, { lang: "fr" }).text;
  const en = ctg.diff(v.before, v.after, { lang: "en" }).text;
  if (expected.length + v.expect.fields.length === 0) {
    assert.equal(fr, "aucune différence\n", name);
    assert.equal(en, "no difference\n", name);
  } else {
    for (const text of [fr, en]) {
      assert.equal(text.split("\n").filter((l) => l.startsWith("- ")).length, expected.length + v.expect.fields.length, `${name}: ${text}`);
    }
    assert.notEqual(fr, en, name);
  }
  assert.equal(result.text, fr, `${name}: French by default`);
}

function checkRenewal(name, v) {
  const result = ctg.renewal(v.before, v.after);
  const { expect } = v;
  assert.deepEqual(result.continued.map((l) => [l.previous, l.next]), expect.continued, `${name}: continued`);
  assert.deepEqual(result.started.map((s) => s.number), expect.started, `${name}: started`);
  assert.deepEqual(result.stopped.map((s) => s.number), expect.stopped, `${name}: stopped`);
  assert.deepEqual(result.joined, expect.joined, `${name}: joined`);
  assert.deepEqual(result.left, expect.left, `${name}: left`);
  assert.deepEqual(result.domains_added, expect.domains_added, `${name}: domains added`);
  assert.deepEqual(result.domains_removed, expect.domains_removed, `${name}: domains removed`);
  assert.deepEqual(result.envelope, expect.envelope, `${name}: envelope`);
  assert.equal(result.previous[0], v.before.id, name);
  assert.equal(result.next[0], v.after.id, name);
  const en = ctg.renewal(v.before, v.after, { lang: "en" }).text;
  assert.match(en, new RegExp(`Continued \\(${expect.continued.length}\\)`), `${name}: ${en}`);
  assert.notEqual(result.text, en, `${name}: French by default`);
}

for (const { name, v } of vectors) {
  test(`life vector ${name}`, () => {
    if (v.as_of) checkAsOf(name, v);
    else if (name.startsWith("renewal-")) checkRenewal(name, v);
    else checkDiff(name, v);
  });
}
