// The TypeScript examples run, not only type-check: examples/life.ts (build, edit, amend,
// compare, evaluate) and examples/geography.ts (names to codes, identifiers filled, validation
// with the geography, coverage) are compiled by esbuild, their `@ctg/wasm` import pointed at the
// built Node entry, imported (their top level runs them whole), and their functions give the
// answers their comments say.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import * as ctg from "../pkg/index.node.js";
import { wasmDir } from "./helpers.mjs";

async function load(example) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-example-"));
  const file = path.join(out, example.replace(/\.ts$/, ".mjs"));
  const source = fs.readFileSync(path.join(wasmDir, "examples", example), "utf8");
  const { code } = await esbuild.transform(source, { loader: "ts", format: "esm", target: "node20" });
  // the package as Node resolves it: its Node entry in pkg/
  const entry = pathToFileURL(path.join(wasmDir, "pkg", "index.node.js")).href;
  assert.ok(code.includes('from "@ctg/wasm"'), "the example imports the package");
  fs.writeFileSync(file, code.replaceAll('from "@ctg/wasm"', `from ${JSON.stringify(entry)}`));
  const logged = [];
  const log = console.log;
  console.log = (...args) => logged.push(args);
  try {
    return { module: await import(pathToFileURL(file).href), logged };
  } finally {
    console.log = log;
  }
}

test("examples/life.ts runs: build, edit, amend, compare, evaluate", async () => {
  const { module: life, logged } = await load("life.ts");
  assert.ok(logged.length >= 5, `${logged.length} lines logged`);
  const conv = life.newConvention();
  assert.equal(conv.funding.declared.total, "90000.00");
  assert.deepEqual(ctg.parse(conv), conv, "a valid, canonical convention");
  const edited = life.edits(conv);
  assert.deepEqual(edited.period, { first_year: 2024, last_year: 2027, duration_years: 4 });
  assert.deepEqual(edited.action_sheets.map((s) => s.number), [2]);
  assert.equal(edited.parties.length, 1);
  assert.equal(edited.funding.allocations[0].amounts["2025"], "32000.00");
  assert.equal(edited.funding.declared.total, "92000.00");
  assert.deepEqual(life.compare(conv, edited), ["creche 2025: 2000.00", "period", "party", "action_sheet", "action_sheet", "amount", "declared"]);
  const amended = life.amend(edited);
  assert.ok(amended.domains.includes("parentalite"));
  const { report, soonest } = life.evaluate(amended, [JSON.stringify(conv)]);
  assert.equal(report.year, 2025);
  assert.match(report.text, /^Evaluation 2025/);
  assert.deepEqual(soonest.map((e) => [e.id, e.months_before_expiry]), [
    ["ctg-82-exemple-2024-2026", 18],
    ["ctg-82-exemple-2024-2026", 30],
  ]);
});

test("examples/geography.ts runs: a column of names, a draft filled and validated with the geography, its coverage", async () => {
  const { module: example, logged } = await load("geography.ts");
  assert.ok(logged.length >= 6, `${logged.length} lines logged`);
  const { codes, why } = example.column(["St Amans Soult", "Pont de l'Arn", "Vielmur s/ Agout", "Rouairou", "Lavaur", "Caf du Tarn", null]);
  assert.deepEqual(codes, ["81238", "81209", "81315", "81231", "81140", null, null]);
  assert.deepEqual(why.map((r) => [r.position, r.status, r.reason]), [[5, "not_found", "no_match"], [6, "not_found", "empty"]]);
  assert.equal(example.explain("Parisot"), "Parisot: ambiguous (81202, 82137)");
  assert.match(example.explain("Parisot", "82"), /^Parisot: Parisot \(82137, \d+ inhabitants\): the official name of Parisot \(82137\)$/);
  const { filled, issues } = example.fill();
  assert.deepEqual(filled.changes.map((c) => c.path), [
    "parties[0].departement", "parties[1].siren", "parties[1].members", "parties[2].insee", "parties[2].siren", "parties[2].departement",
  ]);
  assert.deepEqual(issues.map((i) => `${i.code} ${i.path}`), ["geo.commune_outside_epci parties[2]"]);
  const coverage = example.territory(filled);
  assert.equal(coverage.communes.length, 10);
  assert.equal(coverage.members_not_parties.length, 9);
  assert.equal(coverage.funding_per_inhabitant.per_year, "4.55");
  assert.deepEqual(example.wrongCode(filled).map((i) => `${i.code} ${i.path}`), ["geo.insee_unknown parties[2].insee"]);
  ctg.setLanguage("fr"); // the example sets English for the package
});

test("examples/spreadsheets.ts runs: CSV and .xlsx out, a typed table read back with its problems at their cells, SCDL, a portfolio", async () => {
  const { module: example } = await load("spreadsheets.ts");
  const thore = fs.readFileSync(path.join(wasmDir, "..", "tests", "fixtures", "thore-montagne-noire-2023-2025.json"), "utf8");
  const { csv, xlsx } = example.exports(thore);
  assert.ok(csv.startsWith("Identifiant;Bénéficiaire;")); // TextDecoder drops the BOM
  assert.equal(new TextDecoder().decode(xlsx.subarray(0, 2)), "PK");
  const base = JSON.parse(thore);
  delete base.funding;
  const back = example.read(csv, base);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.imported.convention, ctg.parse(thore));
  const typed = "Bénéficiaire;Équipement;2024\nPasserelle;crèche;12.000\n";
  assert.deepEqual(example.read(typed).problems.filter((p) => p.endsWith("amount.ambiguous")), ["Financement!C2 amount.ambiguous"]);
  const published = example.scdl(thore);
  assert.ok("missing" in published && published.missing.includes("scdl.attribuant_siret_missing"));
  const draft = example.tables.toScdl(thore, { draft: true });
  const found = example.grants(draft, [thore]);
  // The draft's missing SIRETs are its problems; every grant matches its beneficiary by name,
  // and the one built by hand too.
  assert.ok(found.problems.includes("subventions!B2 table.cell_missing"), found.problems.slice(0, 3).join(", "));
  assert.equal(found.matches.length, 28);
  assert.equal(found.matchedCents, BigInt(ctg.totals(thore).total.replace(".", "")));
  const { summary, rows, text } = await example.portfolio([["thore.json", thore], ["empty.json", "{}"]], "2024-06-01");
  assert.deepEqual(summary.counts, { documents: 2, valid: 1, invalid: 1, unreadable: 0 });
  assert.deepEqual(rows.map((r) => r.verdict), ["valid", "invalid"]);
  assert.match(text, /2 documents: 1 valid, 1 invalid, 0 unreadable/);
});
