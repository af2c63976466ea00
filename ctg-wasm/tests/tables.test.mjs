// The tables module (`loadTables()`, `@ctg/wasm/tables`) through the built package: the shared
// table vectors of tests/tables/vectors with the checks of the Rust harness
// (ctg-tables/tests/vectors.rs); a convention's tables written as CSV (French and English, wide
// and long) and .xlsx and read back to the same data; SCDL Subventions written, refused with what
// is missing, and as a draft; published SCDL files read and checked and their grants matched to
// conventions, as ctg-tables/tests/scdl.rs and ctg-py/tests/test_scdl.py do (the same answers);
// arguments refused with a CtgError.
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
  assert.deepEqual(Object.keys(tables).sort(), ["importTables", "matchGrants", "readScdl", "toCsv", "toScdl", "toXlsx"]);
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

// ---------------------------------------------------------------- SCDL read and matched

const scdlDir = path.join(repoDir, "tests", "reference", "scdl-subventions-2.1.1");
const reference = (name) => new Uint8Array(fs.readFileSync(path.join(scdlDir, name)));
/** An issue's cell in spreadsheet notation, from its ctx (as core's `Issue::cell` writes it). */
const cell = (i) => (i.ctx.column ? `${i.ctx.sheet}!${i.ctx.column}${i.ctx.row}` : `${i.ctx.sheet}!${i.ctx.row}:${i.ctx.row}`);
/** The sum of decimal strings with two places, exact (in cents). */
const sum = (amounts) => {
  const cents = amounts.reduce((t, a) => t + BigInt(a.replace(".", "")), 0n);
  const text = cents.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};

/** A SIRET made up for the tests (ctg-tables/tests/scdl.rs): a SIREN `base` + its Luhn key, a NIC `0001` + the SIRET's key. */
function madeUpSiret(base) {
  const luhnKey = (digits) => {
    for (let k = 0; k < 10; k++) {
      const total = [...`${digits}${k}`].reverse().reduce((t, c, i) => {
        const d = Number(c);
        return t + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d);
      }, 0);
      if (total % 10 === 0) return k;
    }
    throw new Error("no key");
  };
  const siren8 = String(base).padStart(8, "0");
  const siren = `${siren8}${luhnKey(siren8)}`;
  return `${siren}0001${luhnKey(`${siren}0001`)}`;
}

/** A fixture with what publishing needs (ctg-tables/tests/scdl.rs `publishable`). */
function publishable(text, seed) {
  const doc = JSON.parse(text);
  doc.parties.find((p) => p.role === "caf").siret = madeUpSiret(seed * 100);
  if (!doc.funding) {
    const amounts = {};
    for (let y = doc.period.first_year; y <= doc.period.last_year; y++) amounts[y] = "12500.50";
    doc.funding = {
      beneficiaries: [{ id: "centre-social", name: 'Centre social, "Les Tilleuls"' }],
      allocations: [{ beneficiary: "centre-social", facility_kind: "centre_social", amounts }],
    };
  }
  doc.funding.beneficiaries.forEach((b, i) => (b.siret = madeUpSiret(seed * 100 + 1 + i)));
  return doc;
}

test("SCDL read: the standard's valid example passes the checks (ctg-tables' and Python's answers)", () => {
  const read = tables.readScdl(reference("exemple_valide.csv"), { name: "exemple_valide.csv" });
  assert.deepEqual(Object.keys(read), ["grants", "issues"]);
  assert.deepEqual(read.issues, []);
  assert.equal(read.grants.length, 29);
  assert.equal(read.grants[0].montant, "99786.57");
  assert.deepEqual(Object.keys(read.grants[0]), [
    "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire",
    "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
    "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide",
  ]);
  assert.equal(typeof read.grants[0].notificationUE, "boolean");
  // Its text, an ArrayBuffer, and no name: the same grants.
  const text = new TextDecoder().decode(reference("exemple_valide.csv"));
  assert.deepEqual(tables.readScdl(text).grants, read.grants);
  assert.deepEqual(tables.readScdl(reference("exemple_valide.csv").buffer).grants, read.grants);
});

test("SCDL read: the standard's invalid examples fail with the same codes, each at its cell", () => {
  for (const name of ["exemple_invalide_erreurs_cellules.csv", "exemple_invalide_erreurs_colonnes.csv"]) {
    const read = tables.readScdl(reference(name), { name });
    const codes = read.issues.map((i) => i.code);
    // french-siret-value: "218601946" (9 digits), "32402138500000.0", and Luhn failures.
    for (const code of ["siret.invalid", "siret.checksum", "scdl.one_of_required"]) {
      assert.ok(codes.includes(code), `${name}: ${codes}`);
    }
    // one-of-required: the row of the "Amicale des coureurs cyclistes".
    const oneOf = read.issues.filter((i) => i.code === "scdl.one_of_required");
    assert.deepEqual(oneOf.map((i) => i.ctx.row), [9], name);
    assert.ok(read.issues.some((i) => i.severity === "error"), name);
    for (const issue of read.issues) {
      assert.equal(issue.ctx.sheet, name.replace(/\.csv$/, ""), `${name}: ${issue.code}`);
      assert.equal(typeof issue.message, "string");
    }
  }
  const columns = tables.readScdl(reference("exemple_invalide_erreurs_colonnes.csv"), { name: "x.csv", lang: "en" });
  const header = columns.issues.filter((i) => i.code.startsWith("table.header")).map((i) => [i.code, cell(i)]);
  assert.deepEqual(header, [
    ["table.header_unknown", "x!E1"],
    ["table.header_missing", "x!1:1"],
  ]);
  assert.equal(columns.issues[0].message, columns.issues[0].message_en);
  // The doc example of scdl::read: the issues at grants!B2 and grants!2:2.
  const one = `nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide
Caf du Tarn,218601946,2022-11-30,,Passerelle,,,CTG,34000,aide en numéraire,unique,2023-01-01/2023-12-31,,non,1,
`;
  const got = tables.readScdl(one, { name: "grants.csv" });
  assert.deepEqual(got.issues.map((i) => [i.code, cell(i)]), [
    ["siret.invalid", "grants!B2"],
    ["scdl.one_of_required", "grants!2:2"],
  ]);
  assert.equal(got.grants[0].montant, "34000.00");
  // Bytes that are no SCDL file: issues, never a throw.
  assert.ok(tables.readScdl(new Uint8Array([80, 75, 3, 4, 0, 0])).issues.length > 0);
  assert.ok(tables.readScdl("").issues.length > 0);
});

test("SCDL: what ctg writes from every fixture passes the checks and reads back to the same grants", () => {
  const names = [
    "thore-montagne-noire-2023-2025",
    "terres-des-confluences-2023-2027",
    "tarn-agout-2023-2026",
    "saumur-loire-developpement-2023-2027",
    "quercy-rouergue-gorges-aveyron-2022-2024",
  ];
  names.forEach((name, i) => {
    const doc = publishable(fixtures[name], 1000 + i);
    const total = ctg.totals(doc).total;
    for (const granularity of ["yearly", "convention"]) {
      const csv = tables.toScdl(doc, { granularity });
      const read = tables.readScdl(csv, { name: "out.csv" });
      assert.deepEqual(read.issues, [], `${name} ${granularity}`);
      assert.equal(sum(read.grants.map((g) => g.montant)), total, `${name} ${granularity}`);
      const conv = ctg.parse(doc);
      assert.ok(read.grants.every((g) => g.referenceDecision === conv.id && g.dateConvention === conv.signature.date));
      // The same grants as those written: every grant given back to matchGrants matches its
      // beneficiary by SIRET, and what they make is the file again.
      const matches = tables.matchGrants(read.grants, doc);
      assert.equal(matches.length, read.grants.length, `${name} ${granularity}`);
      assert.ok(matches.every((m, k) => m.grant === k && m.by === "siret" && m.convention === conv.id));
      assert.deepEqual(tables.readScdl(tables.toScdl(doc, { granularity })).grants, read.grants);
    }
  });
});

test("SCDL: a publishable sample, read back, gives Python's answers (ctg-py/tests/test_scdl.py)", () => {
  const doc = JSON.parse(thore);
  doc.parties[0].siret = "73282932000041";
  for (const b of doc.funding.beneficiaries) if (b.id !== "passerelle") b.siret = "12345678200010";
  const read = tables.readScdl(tables.toScdl(doc, { rna: { passerelle: "W811000001" } }));
  assert.deepEqual(read.issues, []);
  assert.equal(read.grants.length, 27);
  const passerelle = read.grants.filter((g) => g.rnaBeneficiaire);
  assert.equal(passerelle.length, 3);
  assert.deepEqual([...new Set(passerelle.map((g) => g.rnaBeneficiaire))], ["W811000001"]);
  const grant = read.grants[3];
  assert.equal(grant.nomBeneficiaire, "La Petite Loco");
  assert.equal(grant.montant, "40800.00");
  assert.equal(grant.idAttribuant, "73282932000041");
  assert.equal(grant.idBeneficiaire, "12345678200010");
  assert.equal(grant.referenceDecision, "ctg-81-thore-montagne-noire-2023-2025");
  assert.equal(grant.dateConvention, "2022-11-30");
  assert.equal(grant.notificationUE, false);
  assert.equal(grant.pourcentageSubvention, "1.00");
  assert.equal(sum(read.grants.map((g) => g.montant)), "725403.00");
  // Beneficiaries share one made-up SIRET: by SIRET several match, so those are left out;
  // Passerelle (no SIRET on either side) matches by name.
  assert.deepEqual([...new Set(tables.matchGrants(read.grants, [doc]).map((m) => m.by))], ["name"]);
});

test("SCDL: grants are matched to beneficiaries by SIRET and by name (ctg-tables' and Python's answers)", () => {
  // ctg-tables/tests/scdl.rs: a département's file, one grant by SIRET, one by name only, one to
  // somebody else.
  const doc = publishable(thore, 7);
  const grants = tables.readScdl(tables.toScdl(doc)).grants.slice(0, 2);
  grants[1].idBeneficiaire = "";
  grants[1].nomBeneficiaire = "cc thoré montagne-noire";
  grants.push({ ...grants[0], idBeneficiaire: madeUpSiret(99999), nomBeneficiaire: "Autre" });
  const found = tables.matchGrants(grants, [doc]).map((m) => [m.grant, m.beneficiary, m.by]);
  assert.deepEqual(found, [
    [0, "cc-thore-montagne-noire", "siret"],
    [1, "cc-thore-montagne-noire", "name"],
  ]);
  // Only the columns matching reads: a grant may leave the others out.
  assert.deepEqual(tables.matchGrants([{ nomBeneficiaire: "CC Thoré Montagne Noire" }], doc), [
    { grant: 0, convention: "ctg-81-thore-montagne-noire-2023-2025", beneficiary: "cc-thore-montagne-noire", by: "name" },
  ]);
  // ctg-py: the sample's draft grants all match by name; the 4th one as Python's to_dict() gives it.
  const draft = tables.readScdl(tables.toScdl(thore, { draft: true })).grants;
  const matches = tables.matchGrants(draft, thore);
  assert.equal(matches.length, 27);
  assert.deepEqual([...new Set(matches.map((m) => m.by))], ["name"]);
  assert.deepEqual(matches[3], {
    grant: 3,
    convention: "ctg-81-thore-montagne-noire-2023-2025",
    beneficiary: "la-petite-loco",
    by: "name",
  });
  // One beneficiary with a SIRET: its grants match by SIRET, the others by name.
  const one = JSON.parse(thore);
  one.funding.beneficiaries[1].siret = "12345678200010";
  const oneMatches = tables.matchGrants(tables.readScdl(tables.toScdl(one, { draft: true })).grants, one);
  assert.equal(oneMatches.length, 27);
  assert.deepEqual([...new Set(oneMatches.filter((m) => m.by === "siret").map((m) => m.beneficiary))], [one.funding.beneficiaries[1].id]);
  assert.deepEqual(tables.matchGrants([], thore), []);
});

test("SCDL: bad arguments to readScdl and matchGrants are CtgErrors", () => {
  assert.equal(thrown(() => tables.readScdl(42)).code, "argument.invalid");
  assert.equal(thrown(() => tables.readScdl("", { sheet: "x" })).code, "argument.invalid");
  assert.equal(thrown(() => tables.readScdl("", { name: 1 })).code, "argument.invalid");
  assert.equal(thrown(() => tables.matchGrants({}, thore)).code, "argument.invalid");
  assert.equal(thrown(() => tables.matchGrants([1], thore)).code, "argument.invalid");
  const typo = thrown(() => tables.matchGrants([{ nomBeneficiare: "x" }], thore));
  assert.equal(typo.code, "argument.invalid");
  assert.match(typo.message, /nomBeneficiare/);
  assert.equal(thrown(() => tables.matchGrants([{ montant: "-3" }], thore)).code, "argument.invalid");
  assert.equal(thrown(() => tables.matchGrants([{ montant: 1.5 }], thore)).code, "argument.invalid");
  assert.equal(thrown(() => tables.matchGrants([{ notificationUE: "oui" }], thore)).code, "argument.invalid");
  assert.equal(thrown(() => tables.matchGrants([{ idBeneficiaire: 12 }], thore)).code, "argument.invalid");
  assert.equal(thrown(() => tables.matchGrants([], "{}")).code, "field.missing");
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
