// Faithfulness of the zod peer: the fixtures and the shared vectors, against the hand-written
// expectations. Every divergence from ctg must be one of KNOWN (with its reason), and every KNOWN
// divergence must still be one: a peer that gets better or worse fails here.
//
// Run: `node --test` in benches/peers/node (benches/peers/check.sh).

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import * as peer from "./ctg-peer-zod.mjs";
import { FIXTURES, VECTORS, runOne, totalsAsStrings, vectors } from "./faithfulness.mjs";

// Vector → why the zod peer cannot give ctg's verdict.
export const KNOWN = {
  "invalid-amendment-breaks-total": "amendment changes are typed but not applied: no change.breaks_convention (accepted)",
  "invalid-amendment-removes-missing-sheet": "amendment changes are not applied: no change.cannot_apply (accepted)",
  "invalid-amendment-unknown-change-kind": 'French vocabulary labels are not read: the valid change kind "domaine" is refused too',
  "invalid-amount-ambiguous": 'French writings are not read: "40.800 €" is amount.invalid, not amount.ambiguous',
  "invalid-amount-ambiguous-comma": 'French writings are not read: "34,000" is amount.invalid, not amount.ambiguous',
  "invalid-amount-float-exponent": "JSON.parse makes 4.08e4 the integer 40800: accepted as whole euros",
  "invalid-decimal-float": "JSON.parse makes 100.0 the integer 100: only the baseline 0.30000000000000004 is refused",
  "invalid-deep-nesting": "JSON.parse fails first (unterminated text): json.syntax, not json.too_deep",
  "invalid-json-duplicate-key-amount": "a key given twice is invisible after JSON.parse (the last value wins): accepted",
  "invalid-json-duplicate-key-id": "a key given twice is invisible after JSON.parse (the last value wins): accepted",
  "invalid-json-duplicate-key-format-version": "a key given twice is invisible after JSON.parse: seen as format_version 2",
  "invalid-limit-max-bytes": "the peer has no limits (max_bytes): accepted",
  "invalid-limit-max-depth": "the peer has no limits (max_depth 3): accepted",
  "invalid-limit-max-issues": "the peer has no limits (max_issues): every error is listed",
  "invalid-text-lone-surrogate": "JSON.parse keeps a lone surrogate in a string, and zod does not look: accepted",
  "invalid-text-lone-surrogate-key": "JSON.parse keeps a lone surrogate in a key, and zod strips the unknown key: accepted",
  "lenient-french-input": 'French writings (amounts, DD/MM/YYYY, "2023-2025", labels) are not read: refused',
  "multiple-problems": "zod runs an object's refinement only when its fields parsed: the sum rule is not checked beside the field errors",
  "valid-amount-both-separators": 'French writings are not read: "34.000,00" refused',
  "valid-decimal-canonical-and-french": 'French writings are not read: the decimal "12,5" refused',
};

const all = vectors();

for (const [name, text, expect] of all) {
  test(`vector ${name}`, () => {
    const outcome = runOne(name, text, expect);
    if (name in KNOWN) assert.equal(outcome.faithful, false, `${name} is now faithful: remove it from KNOWN`);
    else assert.ok(outcome.faithful, outcome.verdict);
  });
}

test("every known divergence is a vector", () => {
  const names = new Set(all.map(([name]) => name));
  for (const name of Object.keys(KNOWN)) assert.ok(names.has(name), name);
});

for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json"))) {
  test(`fixture ${file} accepted with the vector's totals`, () => {
    const { convention, totals } = peer.load(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
    assert.ok(convention.id);
    const vector = JSON.parse(fs.readFileSync(path.join(VECTORS, `valid-${file}`), "utf8"));
    if ("totals" in vector.expect && vector.expect.totals === null) assert.equal(totals, null);
    if (vector.expect.totals) {
      const got = totalsAsStrings(totals);
      for (const [key, value] of Object.entries(vector.expect.totals)) assert.deepEqual(got[key], value, key);
    }
  });
}

const thore = () => JSON.parse(fs.readFileSync(path.join(FIXTURES, "thore-montagne-noire-2023-2025.json"), "utf8"));
const codes = (doc) => {
  const r = peer.convention.safeParse(doc, { reportInput: true });
  assert.equal(r.success, false);
  return new Set(peer.issues(r.error).map(([c, p]) => `${c} at ${p}`));
};

test("Thoré totals, by hand (9 operators, 241 801 € a year over 2023-2025), in cents", () => {
  const { totals } = peer.load(fs.readFileSync(path.join(FIXTURES, "thore-montagne-noire-2023-2025.json"), "utf8"));
  assert.equal(totals.total, 72_540_300);
  assert.deepEqual([...totals.by_year.values()], [24_180_100, 24_180_100, 24_180_100]);
  assert.equal(totals.by_beneficiary_year.get("la-petite-loco").get("2025"), 4_080_000);
  assert.equal(totals.coordination, 12_153_900);
  assert.equal(totals.coordination_share, "0.1675");
});

test("money: a fraction is a float, whole euros are accepted, cents stay exact", () => {
  const doc = thore();
  doc.funding.allocations[1].amounts["2024"] = 40800.5;
  assert.deepEqual(codes(doc), new Set(["amount.float at funding.allocations[1].amounts.2024"]));
  doc.funding.allocations[1].amounts["2024"] = 40800;
  assert.equal(peer.load(JSON.stringify(doc)).totals.total, 72_540_300);
  // 0.1 + 0.2 is not 0.3 in floats; in cents it is.
  const small = thore();
  small.funding.allocations = [{ beneficiary: "passerelle", facility_kind: "eaje", amounts: { 2023: "0.10", 2024: "0.20", 2025: "0.30" } }];
  small.funding.declared = { total: "0.60" };
  assert.equal(peer.euros(peer.load(JSON.stringify(small)).totals.total), "0.60");
});

test("La Poste SIRET and Luhn", () => {
  const doc = thore();
  doc.funding.beneficiaries[1].siret = "35600000000006"; // digit sum 20, a multiple of 5
  peer.load(JSON.stringify(doc));
  doc.funding.beneficiaries[1].siret = "35600000000003";
  assert.deepEqual(codes(doc), new Set(["siret.checksum at funding.beneficiaries[1].siret"]));
});

test("every broken year is reported", () => {
  const doc = thore();
  doc.funding.declared.yearly["2023"] = "1.00";
  doc.funding.declared.yearly["2025"] = "2.00";
  assert.deepEqual(
    codes(doc),
    new Set(["funding.year_total_mismatch at funding.declared.yearly.2023", "funding.year_total_mismatch at funding.declared.yearly.2025"]),
  );
});
