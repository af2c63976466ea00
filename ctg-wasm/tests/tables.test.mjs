// The tables module (`loadTables()`, `@ctg/wasm/tables`) through the built package: the shared
// table vectors of tests/tables/vectors with the checks of the Rust harness
// (ctg-tables/tests/vectors.rs); a convention's tables written as CSV (French and English, wide
// and long) and .xlsx and read back to the same data; SCDL Subventions written, refused with what
// is missing, and as a draft; arguments refused with a CtgError.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as ctg from "../pkg/index.node.js";
import * as tablesEntry from "../pkg/index.tables.node.js";
import { fixturesDir, jsonFiles, repoDir } from "./helpers.mjs";

const tables = await ctg.loadTables();
const vectorsDir = path.join(repoDir, "tests", "tables", "vectors");
const fixtures = Object.fromEntries(jsonFiles(fixturesDir).map(({ name, text }) => [name.replace(/\.json$/, ""), text]));
const thore = fixtures["thore-montagne-noire-2023-2025"];
// ignoreBOM: keep the byte-order mark French CSV files start with, to see it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Runs `f`; its CtgError (anything else fails the test). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ctg.CtgError, `not a CtgError: ${e}`);
    assert.notEqual(e.code, "internal", e.message);
    return e;
  }
  assert.fail("did not throw");
}

/** A convention with each indicator reduced to its name (what an action plan carries). */
function indicatorsByName(conv) {
  const doc = structuredClone(conv);
  for (const sheet of doc.action_sheets ?? []) {
    if (sheet.indicators) sheet.indicators = sheet.indicators.map((i) => ({ name: i.name }));
  }
  return doc;
}

/** The document without one of its sections. */
function without(text, key) {
  const doc = JSON.parse(text);
  delete doc[key];
  return doc;
}

test("loadTables() gives one API, the same as @ctg/wasm/tables'", async () => {
  assert.equal(await ctg.loadTables(), tables);
  assert.equal(tablesEntry.tables(), tables);
  assert.ok(Object.isFrozen(tables));
  assert.deepEqual(Object.keys(tables).sort(), ["importTables", "toCsv", "toScdl", "toXlsx"]);
});

test("the shared table vectors give the answers of the Rust harness", () => {
  const files = fs.readdirSync(vectorsDir).filter((f) => f.endsWith(".json") && f !== "base.json").sort();
  assert.ok(files.length >= 20, `${files.length} vectors`);
  const failures = [];
  for (const file of files) {
    const vector = JSON.parse(fs.readFileSync(path.join(vectorsDir, file), "utf8"));
    const bytes = new Uint8Array(fs.readFileSync(path.join(vectorsDir, vector.input)));
    const options = {};
    if (vector.into) options.into = fs.readFileSync(path.join(vectorsDir, vector.into), "utf8");
    if (vector.shape) options.shape = vector.shape;
    const got = tables.importTables([{ name: vector.name, bytes }], options);
    const expect = vector.expect;
    try {
      if (expect.tables) {
        assert.deepEqual(
          got.tables.map((t) => ({ sheet: t.sheet, shape: t.shape, header_row: t.header_row })),
          expect.tables,
          "tables",
        );
      }
      assert.equal(got.report.valid, expect.valid, "valid");
      const key = (i) => JSON.stringify([i.code, i.severity, i.sheet, i.row, i.column]);
      const issues = got.report.issues
        .map((i) => key({ code: i.code, severity: i.severity, sheet: i.ctx.sheet ?? null, row: i.ctx.row ?? null, column: i.ctx.column ?? null }))
        .sort();
      assert.deepEqual(issues, expect.issues.map(key).sort(), "issues");
      if ("declared" in expect) assert.deepEqual(got.document.funding.declared, expect.declared, "declared");
      if ("totals" in expect) {
        // The totals of the validated convention (valid vectors); `null` without funding.
        const totals = ctg.check(got.document).totals;
        if (expect.totals === null) assert.equal(totals, null, "totals");
        else for (const [k, v] of Object.entries(expect.totals)) assert.deepEqual(totals[k], v, `totals.${k}`);
        if (got.report.valid) assert.deepEqual(got.totals, totals, "the import's totals");
      }
    } catch (e) {
      failures.push(`${file}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("the funding table as CSV: French (';', decimal comma, BOM) and English, wide and long", () => {
  const fr = decoder.decode(tables.toCsv(thore, { lang: "fr" }));
  assert.ok(fr.startsWith("\ufeffIdentifiant;Bénéficiaire;Partie;Équipement;"), fr.slice(0, 60));
  assert.ok(fr.includes(";40800,00;40800,00;40800,00;122400,00\r\n"));
  const en = decoder.decode(tables.toCsv(thore, { lang: "en", shape: "long" }));
  assert.ok(en.startsWith("Id,Beneficiary,Party,Facility kind,"), en.slice(0, 60));
  assert.ok(en.includes(",2024,40800.00\r\n"));
  assert.ok(tables.toCsv(thore) instanceof Uint8Array);
  const plan = decoder.decode(tables.toCsv(thore, { lang: "en", table: "action_plan" }));
  assert.ok(plan.startsWith("No.,Title,"), plan.slice(0, 40));
  assert.equal(plan.trim().split("\r\n").length, 1 + JSON.parse(thore).action_sheets.length);
  const parties = decoder.decode(tables.toCsv(thore, { lang: "fr", table: "parties" }));
  assert.equal(parties.trim().split("\r\n").length, 1 + JSON.parse(thore).parties.length);
});

test("every fixture's tables go out as CSV and .xlsx and come back as the same convention", () => {
  for (const [name, text] of Object.entries(fixtures)) {
    const conv = ctg.parse(text);
    const base = without(text, "funding");
    for (const lang of ["fr", "en"]) {
      for (const shape of ["wide", "long"]) {
        if (!conv.funding) continue;
        const csv = tables.toCsv(text, { lang, shape });
        const back = tables.importTables({ name: "Financement.csv", bytes: csv }, { into: base });
        assert.ok(back.report.valid, `${name} ${lang} ${shape}: ${JSON.stringify(back.report.issues.filter((i) => i.severity === "error"))}`);
        assert.deepEqual(back.convention, conv, `${name} ${lang} ${shape}`);
      }
      // The whole workbook into the document without the sections tables carry (an action plan
      // carries its indicators by name only, as in ctg-tables' round-trip test).
      for (const shape of ["wide", "long"]) {
        const book = tables.toXlsx(text, { lang, shape });
        assert.ok(book instanceof Uint8Array);
        assert.equal(decoder.decode(book.subarray(0, 2)), "PK");
        const bare = without(JSON.stringify(without(JSON.stringify(base), "action_sheets")), "parties");
        const back = tables.importTables({ name: "ctg.xlsx", bytes: book }, { into: bare });
        assert.ok(back.report.valid, `${name} xlsx ${lang}: ${JSON.stringify(back.report.issues.filter((i) => i.severity === "error"))}`);
        assert.deepEqual(indicatorsByName(back.convention), indicatorsByName(conv), `${name} xlsx ${lang} ${shape}`);
        const funding = conv.funding ? [shape === "wide" ? "funding_wide" : "funding_long"] : [];
        assert.deepEqual(back.tables.map((t) => t.shape), [...funding, "action_plan", "parties"]);
      }
    }
  }
});

test("an import reports every problem with its sheet, row and column, and keeps the document", () => {
  const csv = "Bénéficiaire;Équipement;2024\nPasserelle;bibliothèque;34 000\nCrèche;crèche;12.000\n";
  const got = tables.importTables([{ name: "Financement.csv", bytes: csv }], { lang: "en" });
  assert.equal(got.report.valid, false);
  const unknown = got.report.issues.find((i) => i.code === "value.unknown");
  assert.deepEqual([unknown.ctx.sheet, unknown.ctx.row, unknown.ctx.column], ["Financement", 2, "B"]);
  const ambiguous = got.issues.find((i) => i.code === "amount.ambiguous");
  assert.deepEqual([ambiguous.ctx.sheet, ambiguous.ctx.row, ambiguous.ctx.column], ["Financement", 3, "C"]);
  assert.equal(typeof ambiguous.message, "string");
  assert.ok(got.document.funding);
  assert.equal(got.convention, undefined);
  // ArrayBuffer bytes, and a table read as the shape it is said to be.
  const bytes = new TextEncoder().encode(csv).buffer;
  assert.equal(tables.importTables({ name: "F.csv", bytes }, { shape: "wide" }).tables[0].shape, "funding_wide");
});

test("SCDL Subventions: refused with what is missing, written as a draft, and written when complete", () => {
  const missing = thrown(() => tables.toScdl(thore));
  assert.ok(missing.issues.some((i) => i.code === "scdl.attribuant_siret_missing"));
  assert.ok(missing.issues.some((i) => i.code === "scdl.beneficiary_id_missing"));
  const draft = decoder.decode(tables.toScdl([thore], { draft: true }));
  assert.ok(draft.startsWith("nomAttribuant,idAttribuant,dateConvention,referenceDecision,"));
  const doc = JSON.parse(thore);
  doc.parties[0].siret = "73282932000041";
  for (const b of doc.funding.beneficiaries) b.siret = "12345678200010";
  const csv = decoder.decode(tables.toScdl(doc));
  assert.ok(csv.includes(",40800.00,aide en numéraire,échelonné,2024-01-01/2024-12-31,,non,1.00,\r\n"), csv.slice(0, 400));
  const yearly = csv.trim().split("\r\n").length;
  const whole = decoder.decode(tables.toScdl(doc, { granularity: "convention", conditions: "unique" })).trim().split("\r\n");
  assert.ok(whole.length < yearly);
  assert.ok(whole[1].includes(",unique,"));
  // An RNA number in place of a SIRET.
  delete doc.funding.beneficiaries[0].siret;
  const id = doc.funding.beneficiaries[0].id;
  assert.ok(decoder.decode(tables.toScdl(doc, { rna: { [id]: "W811000001" } })).includes("W811000001"));
  assert.equal(thrown(() => tables.toScdl(doc, { rna: { [id]: "W1" } })).code, "argument.invalid");
});

test("bad arguments and invalid conventions are CtgErrors", () => {
  assert.equal(thrown(() => tables.toCsv(thore, { table: "budget" })).code, "argument.invalid");
  assert.equal(thrown(() => tables.toCsv(thore, { shape: "parties" })).code, "argument.invalid");
  assert.equal(thrown(() => tables.toXlsx(thore, { colour: "red" })).code, "argument.invalid");
  assert.equal(thrown(() => tables.toCsv("{}")).code, "field.missing");
  assert.equal(thrown(() => tables.importTables([{ name: "x.csv" }])).code, "argument.invalid");
  assert.equal(thrown(() => tables.importTables([{ name: "x.csv", bytes: "a" }], { into: "not json" })).code, "argument.invalid");
  assert.equal(thrown(() => tables.toScdl(thore, { granularity: "monthly" })).code, "argument.invalid");
  // Bytes that are no table: issues, never a throw.
  const junk = tables.importTables({ name: "x.xlsx", bytes: new Uint8Array([80, 75, 3, 4, 0, 0]) });
  assert.equal(junk.report.valid, false);
});

test("the language set for the package is the tables module's too", () => {
  try {
    ctg.setLanguage("en");
    const got = tables.importTables([{ name: "F.csv", bytes: "Bénéficiaire;Équipement;2024\nA;crèche;12.000\n" }]);
    const issue = got.issues.find((i) => i.code === "amount.ambiguous");
    assert.equal(issue.message, issue.message_en);
    assert.ok(decoder.decode(tables.toCsv(thore)).startsWith("Id,"));
  } finally {
    ctg.setLanguage("fr");
  }
});
