// The geography module (`loadGeography()`, `@ctg/wasm/geo`) through the built package: the shared
// resolution vectors of tests/geo/ through `geo.lookup` with the checks of the Rust harness
// (ctg-geo/tests/vectors.rs) and of ctg-py's test_geography.py; records and lookups; names as
// people type them, a column of them; fillIdentifiers; validation with the geo.* rules; coverage;
// the language of the package; the web entry's init; and hostile values, which give a value or
// a CtgError, never `internal`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as ctg from "../pkg/index.node.js";
import * as geoEntry from "../pkg/index.geo.node.js";
import { fixturesDir, jsonFiles, repoDir, wasmDir } from "./helpers.mjs";

const geo = await ctg.loadGeography();
const fixtures = Object.fromEntries(jsonFiles(fixturesDir).map(({ name, text }) => [name.replace(/\.json$/, ""), text]));
const thore = fixtures["thore-montagne-noire-2023-2025"];
const vectors = JSON.parse(fs.readFileSync(path.join(repoDir, "tests", "geo", "resolution-vectors.json"), "utf8"));

/** Runs `f`; its CtgError (anything else fails the test); `CtgError` is the class expected. */
function thrown(f, CtgError = ctg.CtgError) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof CtgError, `not a CtgError: ${e}`);
    assert.notEqual(e.code, "internal", e.message);
    return e;
  }
  assert.fail("did not throw");
}

test("loadGeography() gives one geography, the same as @ctg/wasm/geo's", async () => {
  assert.equal(await ctg.loadGeography(), geo);
  assert.equal(geoEntry.geography(), geo);
  assert.ok(Object.isFrozen(geo));
  assert.deepEqual(geo.vintage, { source: "@etalab/decoupage-administratif", version: "6.0.0", geography: "COG 2026", effective: "2026-01-01" });
  await geoEntry.default(); // nothing to do in Node
});

// -- the shared resolution vectors ---------------------------------------------------------

const contextOf = (vector) => {
  const c = vector.context ?? {};
  return { departement: c.departements, region: c.regions, epci: c.epcis };
};

/** What differs between a lookup and its vector (the checks of ctg-geo/tests/vectors.rs). */
function checkResolution(vector, lookup) {
  const errors = [];
  if (lookup.status !== vector.status) errors.push(`status ${lookup.status} (expected ${vector.status})`);
  const first = lookup.candidates[0];
  for (const field of ["insee", "siren"]) {
    if (field in vector && first?.code !== vector[field]) errors.push(`first candidate ${first?.code} (expected ${vector[field]})`);
  }
  if ("match" in vector && first?.match !== vector.match) errors.push(`match ${first?.match} (expected ${vector.match})`);
  if ("distance" in vector && first?.distance !== vector.distance) errors.push(`distance ${first?.distance} (expected ${vector.distance})`);
  const sorted = (list) => [...list].sort();
  if ("rules" in vector && JSON.stringify(sorted(first?.rules ?? [])) !== JSON.stringify(sorted(vector.rules))) errors.push(`rules ${first?.rules} (expected ${vector.rules})`);
  if ("former" in vector && first?.former?.insee !== vector.former) errors.push(`former ${JSON.stringify(first?.former)} (expected ${vector.former})`);
  if ("reason" in vector && lookup.reason !== vector.reason) errors.push(`reason ${lookup.reason} (expected ${vector.reason})`);
  if ("candidates" in vector && JSON.stringify(sorted(lookup.tied)) !== JSON.stringify(sorted(vector.candidates))) errors.push(`tied ${lookup.tied} (expected ${vector.candidates})`);
  if ("outside_context" in vector) {
    const outside = sorted(lookup.outside_context.map((c) => c.code));
    if (JSON.stringify(outside) !== JSON.stringify(sorted(vector.outside_context))) errors.push(`outside context ${outside} (expected ${vector.outside_context})`);
  }
  if ("members" in vector) {
    const count = lookup.kind === "epci" && first ? first.record.members.length : 0;
    if (count !== vector.members) errors.push(`${count} members (expected ${vector.members})`);
  }
  return errors;
}

const collectivityCode = (c) =>
  c.kind === "commune" ? c.commune.insee : c.kind === "epci" ? c.epci.siren : c.kind === "region" ? c.region.code : c.departement.code;

test("the resolution vectors of tests/geo/, through geo.lookup, as in Rust and Python", () => {
  assert.equal(vectors.reference.geography, geo.vintage.geography);
  assert.equal(vectors.reference.version, geo.vintage.version);
  const failures = [];
  let count = 0;
  for (const [kind, section] of [["commune", "communes"], ["epci", "epcis"]]) {
    for (const vector of vectors[section]) {
      count++;
      const lookup = geo.lookup(vector.name, { ...contextOf(vector), kind });
      assert.equal(lookup.kind, kind);
      failures.push(...checkResolution(vector, lookup).map((e) => `${kind} ${JSON.stringify(vector.name)} [${vector.group}]: ${e}`));
      // the code is the first candidate's exactly when resolved, and a column says the same
      assert.equal(lookup.code, lookup.status === "resolved" ? lookup.candidates[0].code : null);
      assert.deepEqual(geo.lookupCodes([vector.name], { ...contextOf(vector), kind }), [lookup.code]);
    }
  }
  for (const vector of vectors.lists) {
    count++;
    const listed = "text" in vector ? geo.resolveText(vector.text, contextOf(vector)) : geo.resolveNames(vector.names, contextOf(vector));
    const resolved = listed.resolved.map((r) => collectivityCode(r.collectivity));
    const unresolved = listed.unresolved.map((u) => u.written);
    if (JSON.stringify([resolved, unresolved]) !== JSON.stringify([vector.resolved, vector.unresolved])) {
      failures.push(`list [${vector.group}]: ${JSON.stringify(resolved)}, ${JSON.stringify(unresolved)}`);
    }
  }
  assert.ok(count > 100, `only ${count} vectors`);
  assert.deepEqual(failures, []);
});

// -- records ---------------------------------------------------------------------------------

test("records: plain objects in core's shape, null or [] for what the reference does not have", () => {
  const lavaur = geo.commune("81140");
  assert.deepEqual(lavaur, {
    insee: "81140", name: "Lavaur", kind: "commune", departement: "81", region: "76", siren: "218101400",
    population: 10965, epci: "200034023", postal_codes: ["81500"], parent: null,
  });
  assert.deepEqual(Object.keys(lavaur), ["insee", "name", "kind", "departement", "region", "siren", "population", "epci", "postal_codes", "parent"]);
  assert.equal(geo.commune("75116").kind, "arrondissement");
  assert.equal(geo.commune("75116").siren, null);
  assert.equal(geo.commune("75116").parent, "75056");
  for (const missing of ["82999", "8114", "", "abcde", "8 1140"]) assert.equal(geo.commune(missing), null, missing);
  assert.equal(geo.communeBySiren("218102382").name, "Saint-Amans-Soult");
  assert.equal(geo.communeBySiren("218102383"), null); // the Luhn digit is wrong
  assert.deepEqual(geo.communesNamed("parisot").map((c) => c.insee).sort(), ["81202", "82137"]);
  assert.deepEqual(geo.communesNamed("Paris-sot"), []);
  assert.ok(geo.communesByPostalCode("81240").some((c) => c.name === "Albine"));
  const cc = geo.epci("200066322");
  assert.equal(cc.name, "CC Terres des Confluences");
  assert.equal(cc.kind, "cc");
  assert.equal(cc.members.length, 22);
  assert.deepEqual(Object.keys(cc), ["siren", "name", "kind", "members", "population"]);
  assert.equal(geo.epciOf("81140").name, "CC Tarn-Agout");
  assert.equal(geo.epciOf(lavaur).siren, "200034023");
  assert.equal(geo.epciOf("82999"), null);
  assert.deepEqual(geo.members("200034023"), geo.members(geo.epci("200034023")));
  assert.equal(geo.members("200034023").length, 21);
  assert.deepEqual(geo.members("200034024"), []);
  assert.deepEqual(geo.departement("2A"), { code: "2A", name: "Corse-du-Sud", region: "94", chef_lieu: "2A004" });
  assert.equal(geo.departement("20"), null);
  assert.deepEqual(geo.region("76"), { code: "76", name: "Occitanie", chef_lieu: "31555" });
  assert.deepEqual(geo.formerCommunes("01340"), [{ insee: "01340", name: "Saint-Bois", kind: "delegated", current: "01015" }]);
  assert.equal(geo.formerCommunes("55273").length, 2); // the reference puts it under two communes
  assert.deepEqual(geo.formerCommunes("x"), []);
  assert.ok(geo.departements().length >= 100);
  assert.ok(geo.regions().some((r) => r.name === "Occitanie"));
  // a record is a copy: changing it changes nothing
  lavaur.name = "changed";
  assert.equal(geo.commune("81140").name, "Lavaur");
  // not a string: an argument error
  for (const [f, arg] of [[geo.commune, 81140], [geo.epci, null], [geo.departement, undefined], [geo.epciOf, {}], [geo.members, { siren: 1 }], [geo.communesNamed, ["Lavaur"]]]) {
    assert.equal(thrown(() => f(arg)).code, "argument.invalid");
  }
});

// -- lookups ---------------------------------------------------------------------------------

test("names as people type them: apostrophes, St for Saint, s/ for sur, a typo, a code; never a guess", () => {
  ctg.setLanguage("fr");
  const saint = geo.lookup("St-Amans-Soult", { departement: "81" });
  assert.equal(saint.status, "resolved");
  assert.equal(saint.code, "81238");
  assert.deepEqual(saint.tied, ["81238"]);
  assert.equal(saint.candidates[0].explanation, "Saint-Amans-Soult (81238) écrit autrement [abbreviation]");
  assert.equal(saint.status_label, "résolu");
  assert.deepEqual(saint.candidates[0].record, geo.commune("81238"));
  assert.equal(geo.lookup("Pont-de-l’Arn").code, "81209");
  assert.equal(geo.lookup("Pont de l'Arn").code, "81209");
  assert.equal(geo.lookup("Vielmur s/ Agout").code, "81315");
  assert.equal(geo.lookup("Rouairou", { departement: "81" }).candidates[0].match, "typo");
  assert.equal(geo.lookup("81140").candidates[0].match, "code");

  const parisot = geo.lookup("Parisot");
  assert.equal(parisot.status, "ambiguous");
  assert.equal(parisot.code, null);
  assert.deepEqual([...parisot.tied].sort(), ["81202", "82137"]);
  const in82 = geo.lookup("Parisot", { departement: "82" });
  assert.equal(in82.code, "82137");
  assert.deepEqual(in82.outside_context.map((c) => [c.code, c.in_context, c.rank]), [["81202", false, 2]]);
  assert.equal(in82.candidates[0].explanation, "le nom officiel de Parisot (82137)");
  assert.equal(geo.lookup("Parisot", { departement: ["81", "82"] }).status, "ambiguous");
  assert.equal(geo.lookup("Azas", { departement: "81", epci: "200034023" }).status, "resolved");
  assert.equal(geo.lookup("Parisot", { region: "76" }).status, "ambiguous");

  const lavaur = geo.lookup("Lavaur", { departement: "82", lang: "en" });
  assert.deepEqual([lavaur.status, lavaur.reason, lavaur.reason_label], ["not_found", "outside_context", "found only outside the context"]);
  const cc = geo.lookup("CC Tarn-Agout");
  assert.equal(cc.kind, "epci");
  assert.equal(cc.code, "200034023");
  assert.equal(cc.candidates[0].record.members.length, 21);
  assert.equal(cc.candidates[0].departement, null);
  assert.equal(geo.lookup("Tarn-Agout", { kind: "commune" }).kind, "commune");
  assert.equal(geo.lookup("Caf du Tarn", { departement: "81" }).status, "not_found");
  const empty = geo.lookup("   ");
  assert.deepEqual([empty.status, empty.reason, empty.candidates], ["not_found", "empty", []]);
  assert.equal(geo.lookup("a".repeat(1_000_000)).reason, "too_long");

  // several names at once
  assert.deepEqual(geo.lookup(["Albine", "Lacabarède"]).map((l) => l.code), ["81005", "81121"]);
});

test("départements and régions by name, postal codes, a name of two kinds, two typos: never a guess", () => {
  const tarn = geo.lookup("Tarn", { lang: "fr" });
  assert.deepEqual([tarn.kind, tarn.status, tarn.code], ["departement", "resolved", "81"]);
  assert.equal(tarn.candidates[0].explanation, "le département Tarn (81), par son nom officiel");
  assert.deepEqual(tarn.candidates[0].record, geo.departement("81"));
  assert.equal(geo.lookup("tarn et garonne").code, "82");
  const paca = geo.lookup("PACA", { lang: "en" });
  assert.deepEqual([paca.kind, paca.code, paca.candidates[0].match], ["region", "93", "abbreviation"]);
  assert.equal(geo.lookup("Provence-Alpes-Côte d'Azur").code, "93");
  const vienne = geo.lookup("Vienne");
  assert.deepEqual([vienne.kind, vienne.status, vienne.code], ["mixed", "ambiguous", null]);
  assert.deepEqual(vienne.candidates.map((c) => c.kind), ["commune", "departement"]);
  assert.equal(geo.lookup("Vienne", { departement: "38" }).code, "38544");
  assert.equal(geo.lookup("Vienne", { kind: "departement" }).code, "86");
  assert.equal(geo.lookup("76", { kind: "region" }).candidates[0].name, "Occitanie");
  assert.deepEqual(geo.lookupCodes(["Tarn", "Vienne", "Occitanie"]), ["81", null, "76"]);
  assert.equal(geo.departement("Tarn-et-Garonne").code, "82");
  assert.equal(geo.region("PACA").code, "93");
  assert.equal(geo.region("Région Occitanie").code, "76");

  const postal = geo.lookup("82200");
  assert.equal(postal.status, "ambiguous");
  assert.ok(postal.tied.includes("82112"));
  assert.equal(postal.candidates[0].match, "postal_code");
  assert.equal(geo.lookup("81000").code, "81004");
  const typo = geo.lookup("Castelsarazin");
  assert.deepEqual([typo.status, typo.tied], ["ambiguous", ["40074", "82033"]]);
  assert.equal(geo.lookup("Castelsarazin", { departement: "82" }).code, "82033");
});

test("lists and filled documents explained in the language of the call", () => {
  const listed = geo.resolveText("Boudou et Malause ainsi que la CC Terres des Confluences", { departement: "82", lang: "fr" });
  assert.deepEqual(listed.resolved.map((r) => r.explanation), [
    "le nom officiel de Boudou (82019)",
    "le nom officiel de Malause (82101)",
    "l’EPCI CC Terres des Confluences (200066322)",
  ]);
  assert.equal(listed.lang, "fr");
  const names = geo.resolveNames(["Tarn", "Occitanie", "Parisot"], { lang: "en" });
  assert.deepEqual(names.resolved.map((r) => r.collectivity.kind), ["departement", "region"]);
  assert.ok(names.unresolved[0].explanation.startsWith("ambiguous: 2 communes match equally well"));
  const draft = { parties: [{ id: "p", kind: "commune", name: "Parisot" }, { id: "a", kind: "commune", name: "Albine" }] };
  const fr = geo.fillIdentifiers(draft, { lang: "fr" });
  assert.ok(fr.notes[0].message.startsWith("« Parisot » correspond à plusieurs communes"));
  assert.equal(fr.changes[0].reason, "« Albine » : le nom officiel de Albine (81005) (COG 2026)");
  const en = geo.fillIdentifiers(draft, { lang: "en" });
  assert.equal(en.changes[0].reason, '"Albine": the official name of Albine (81005) (COG 2026)');
});

test("a column of names: codes, and rows (one per candidate, every name kept)", () => {
  const column = ["St Amans Soult", "Pont de l'Arn", "Vielmur s/ Agout", "Rouairou", "Caf du Tarn", null, undefined, "Lavaur"];
  assert.deepEqual(geo.lookupCodes(column, { departement: "81" }), ["81238", "81209", "81315", "81231", null, null, null, "81140"]);
  const rows = geo.lookupRows(column, { departement: "81", lang: "en" });
  assert.deepEqual(rows.map((r) => r.position), [0, 1, 2, 3, 4, 5, 6, 7, 7]);
  assert.deepEqual(Object.keys(rows[0]), ["position", "query", "status", "reason", "rank", "in_context", "kind", "code", "name", "departement", "population", "score", "match", "rules", "explanation"]);
  assert.deepEqual(rows[0], {
    position: 0, query: "St Amans Soult", status: "resolved", reason: null, rank: 1, in_context: true, kind: "commune",
    code: "81238", name: "Saint-Amans-Soult", departement: "81", population: 1553, score: 97, match: "spelling",
    rules: ["abbreviation"], explanation: rows[0].explanation,
  });
  assert.match(rows[0].explanation, /^Saint-Amans-Soult \(81238\)/);
  const caf = rows[4];
  assert.deepEqual([caf.status, caf.reason, caf.rank, caf.code, caf.explanation], ["not_found", "no_match", null, null, null]);
  assert.deepEqual([rows[5].query, rows[5].reason], ["", "empty"]);
  assert.deepEqual(rows.slice(7).map((r) => [r.code, r.in_context, r.rank]), [["81140", true, 1], ["24232", false, 2]]);
  assert.deepEqual(geo.lookupCodes([]), []);
  assert.deepEqual(geo.lookupRows([]), []);
});

test("lookups are explained in the package's language, or the call's", () => {
  ctg.setLanguage("en");
  try {
    assert.equal(geo.lookup("Parisot", { departement: "82" }).candidates[0].explanation, "the official name of Parisot (82137)");
    assert.equal(geo.lookup("Parisot", { departement: "82", lang: "fr" }).candidates[0].explanation, "le nom officiel de Parisot (82137)");
    assert.equal(geo.lookup("Parisot").status_label, "ambiguous");
    assert.equal(ctg.getLanguage(), "en");
    assert.equal(geo.validate("[]").issues[0].message, ctg.validate("[]").issues[0].message);
  } finally {
    ctg.setLanguage("fr");
  }
  assert.equal(geo.lookup("Parisot").status_label, "ambigu");
  assert.equal(thrown(() => ctg.setLanguage("de")).code, "argument.invalid");
  assert.equal(geo.lookup("Parisot").status_label, "ambigu", "a refused language changes nothing");
});

test("a geography loaded after setLanguage takes the package's language", () => {
  const entry = pathToFileURL(path.join(wasmDir, "pkg", "index.node.js")).href;
  const script = `import * as ctg from ${JSON.stringify(entry)};
    ctg.setLanguage("english");
    const geo = await ctg.loadGeography();
    console.log(JSON.stringify([geo.lookup("Parisot").status_label, geo.validate("{}").issues[0].message]));`;
  const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
  assert.equal(out[0], "ambiguous");
  assert.equal(out[1], ctg.validate("{}", { lang: "en" }).issues[0].message);
});

// -- documents -----------------------------------------------------------------------------

test("validation with the geography: the geo.* rules, the reference in ctx, the base module unchanged", () => {
  const report = geo.validate(thore, { lang: "en" });
  assert.equal(report.valid, true);
  assert.deepEqual(report.issues.map((i) => [i.code, i.path, i.severity]), [
    ["geo.commune_outside_epci", "parties[11]", "info"],
    ["geo.commune_outside_epci", "parties[12]", "info"],
  ]);
  assert.deepEqual(ctg.validate(thore).issues, []);
  const doc = JSON.parse(thore);
  doc.parties[5].insee = "82999";
  doc.parties[6].insee = "75056";
  doc.parties[7].departement = "82";
  const bad = geo.validate(doc, { lang: "en" });
  assert.deepEqual(bad.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.path]), [
    ["geo.insee_unknown", "parties[5].insee"],
    ["geo.insee_mismatch", "parties[6].insee"],
    ["geo.departement_mismatch", "parties[7].departement"],
  ]);
  const paris = bad.issues[1];
  assert.equal(paris.message, "the INSEE code 75056 is that of Paris, but the party's name and SIREN designate Rouairoux (81231) in the reference (COG 2026)");
  assert.equal(paris.ctx.geography, "COG 2026");
  assert.equal(paris.ctx.effective, "2026-01-01");
  assert.ok(ctg.ISSUE_CODES.includes(paris.code));
  const checked = geo.check(doc);
  assert.equal(checked.report.valid, false);
  assert.equal(checked.convention, undefined);
  assert.equal(ctg.check(doc).report.valid, true, "without the geography the document is valid");
  const ok = geo.check(thore);
  assert.deepEqual(ok.convention, ctg.parse(thore));
  assert.equal(ok.totals.total, "725403.00");
  assert.equal(geo.validate(thore, { limits: { max_issues: 1 } }).issues.at(-1).code, "report.truncated");
});

test("coverage: territory, population, funding per inhabitant (money as strings), core's text and HTML", () => {
  const coverage = geo.coverage(thore, { lang: "en" });
  assert.deepEqual(coverage.vintage, geo.vintage);
  assert.equal(coverage.communes.length, 11);
  assert.equal(coverage.population, 9538);
  assert.deepEqual(coverage.funding_per_inhabitant, {
    population: 9538, years: 3, per_year: "25.35", by_year: { 2023: "25.35", 2024: "25.35", 2025: "25.35" },
    decimals: 2, rounding: "half_away_from_zero",
  });
  assert.deepEqual(coverage.members_not_parties, []);
  assert.deepEqual(coverage.unresolved, []);
  const albine = coverage.communes.find((c) => c.name === "Albine");
  assert.deepEqual(albine, { insee: "81005", name: "Albine", departement: "81", population: albine.population, parties: ["cc-thore-montagne-noire", "albine"], former_codes: [] });
  assert.match(coverage.text, /^Territory \(reference COG 2026\)\n  11 communes, 9,538 inhabitants/);
  assert.match(coverage.html, /<table/);
  assert.match(geo.coverage(thore).text, /^Territoire \(référence COG 2026\)/);
  // Tarn-Agout: 3 of the CC's 21 communes sign; the 18 others are members, not parties
  assert.equal(geo.coverage(fixtures["tarn-agout-2023-2026"]).members_not_parties.length, 18);
  // a party the reference cannot place: no population rather than a partial sum
  const doc = JSON.parse(thore);
  doc.parties[5].insee = "81999";
  const partial = geo.coverage(doc);
  assert.deepEqual(partial.unresolved, [{ party: doc.parties[5].id, reason: "unknown_insee", value: "81999" }]);
  assert.equal(partial.population, null);
  assert.equal(partial.funding_per_inhabitant, null);
  // without funding: no funding per inhabitant
  delete doc.funding;
  assert.equal(geo.coverage(doc).funding_per_inhabitant, null);
  // an invalid convention: its issues
  const error = thrown(() => geo.coverage("{}"));
  assert.equal(error.code, "field.missing");
  assert.ok(error.issues.length > 1);
  // the summaries with the territory
  assert.ok(geo.conventionText(thore, { today: "2024-06-01" }).startsWith(ctg.conventionText(thore, { today: "2024-06-01" })));
  assert.match(geo.conventionText(thore, { today: "2024-06-01", lang: "en" }), /9,538 inhabitants/);
  assert.ok(geo.conventionHtml(thore, { today: "2024-06-01" }).startsWith(ctg.conventionHtml(thore, { today: "2024-06-01" })));
});

test("fillIdentifiers: every change said, nothing already there changed, never a guess", () => {
  const draft = {
    parties: [
      { id: "caf", kind: "caf", name: "Caf de Tarn-et-Garonne" },
      { id: "parisot", kind: "commune", name: "Parisot" },
      { id: "lavaur", kind: "commune", name: "Lavaur", departement: "82" },
    ],
  };
  const copy = structuredClone(draft);
  const filled = geo.fillIdentifiers(draft);
  assert.deepEqual(draft, copy, "the document given is not changed");
  assert.equal(filled.document.parties[1].insee, "82137"); // in the Caf's département
  assert.deepEqual(filled.changes.map((c) => c.path), ["parties[0].departement", "parties[1].insee", "parties[1].siren", "parties[1].departement"]);
  assert.deepEqual(filled.notes.map((n) => [n.path, n.kind]), [["parties[2].insee", "not_found"]]);
  assert.equal("insee" in filled.document.parties[2], false);
  assert.deepEqual(filled.vintage, geo.vintage);
  assert.deepEqual(geo.fillIdentifiers(JSON.stringify(draft)), filled);
  assert.deepEqual(geo.fillIdentifiers(new TextEncoder().encode(JSON.stringify(draft))), filled);
  assert.deepEqual(geo.fillIdentifiers(thore).changes, []);
  // a fixture stripped of its identifiers is filled back to itself, valid with the geography
  const doc = JSON.parse(fixtures["tarn-agout-2023-2026"]);
  for (const party of doc.parties) for (const field of ["insee", "siren", "members"]) delete party[field];
  const back = geo.fillIdentifiers(doc);
  assert.ok(back.changes.length > 0);
  assert.equal(geo.validate(back.document).valid, true);
  assert.deepEqual(ctg.parse(back.document), ctg.parse(fixtures["tarn-agout-2023-2026"]));
});

// -- hostile values --------------------------------------------------------------------------

const explode = () => {
  throw new Error("trap");
};

test("hostile values: a value or a CtgError, never internal, and the module keeps working", () => {
  const getter = (target, key) => Object.defineProperty(target, key, { enumerable: true, get: explode });
  const deep = (n) => {
    let v = [];
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  const cyclic = { parties: [] };
  cyclic.parties.push(cyclic);
  const huge = new Array(2 ** 32 - 1);
  const argumentErrors = [
    // names
    () => geo.lookupCodes("Lavaur"),
    () => geo.lookupCodes(huge),
    () => geo.lookupCodes(["Lavaur", 42]),
    () => geo.lookupCodes(getter(["Lavaur"], 0)),
    () => geo.lookupRows(new Proxy([], { get: explode })),
    () => geo.lookup(42),
    () => geo.lookup(null),
    () => geo.resolveText(["Parisot"]),
    () => geo.resolveNames("Parisot"),
    () => geo.lookupCodes(["a", "b"], { limits: { max_values: 1 } }),
    // options
    () => geo.lookup("Lavaur", { departement: "99" }),
    () => geo.lookup("Lavaur", { departement: 81 }),
    () => geo.lookup("Lavaur", { departement: [81] }),
    () => geo.lookup("Lavaur", { epci: "200034024" }),
    () => geo.lookup("Lavaur", { kind: "région" }),
    () => geo.lookup("Lavaur", { kind: 1 }),
    () => geo.lookup("Lavaur", { dept: "81" }),
    () => geo.lookup("Lavaur", getter({}, "departement")),
    () => geo.lookup("Lavaur", new Proxy({}, { ownKeys: explode })),
    () => geo.resolveText("Lavaur", { kind: "commune" }),
    () => geo.validate("{}", { geography: true }),
    // records
    () => geo.commune(Symbol("81140")),
    () => geo.epciOf(getter({}, "insee")),
    () => geo.members(new Proxy({}, { get: explode })),
    // documents to fill that are not objects
    () => geo.fillIdentifiers("[]"),
    () => geo.fillIdentifiers(42),
  ];
  for (const call of argumentErrors) {
    const error = thrown(call);
    assert.equal(error.code, "argument.invalid", `${call}: ${error.code} ${error.message}`);
  }
  // A document to fill is read by core's rules (as `ctg resolve` and Python do): what would be
  // changed silently, or cannot be read, is refused with validation's code and the path.
  const refusals = [
    [() => geo.fillIdentifiers("{"), "json.syntax", ""],
    [() => geo.fillIdentifiers(cyclic), "json.too_deep", ""],
    [() => geo.fillIdentifiers({ parties: deep(100_000) }), "json.too_deep", ""],
    [() => geo.fillIdentifiers(JSON.stringify({ parties: deep(1_000) })), "json.too_deep", ""],
    [() => geo.fillIdentifiers({ parties: huge }), "input.too_large", ""],
    [() => geo.fillIdentifiers("{}", { limits: { max_bytes: 1 } }), "input.too_large", ""],
    [() => geo.fillIdentifiers({ parties: [{ id: "a", name: new Set() }] }), "field.type", "parties[0].name"],
    [() => geo.fillIdentifiers({ parties: [{ n: 2n ** 70n }] }), "json.number_rewritten", "parties[0].n"],
    [() => geo.fillIdentifiers({ parties: [{ n: NaN }] }), "value.nan", "parties[0].n"],
    [() => geo.fillIdentifiers({ parties: [{ name: "\ud800" }] }), "text.lone_surrogate", "parties[0].name"],
    [() => geo.fillIdentifiers('{"parties": [], "x": {"2023": "1.00", "2023": "40800.00"}}'), "json.duplicate_key", "x.2023"],
    [() => geo.fillIdentifiers('{"parties": [], "n": 1e2}'), "json.number_rewritten", "n"],
    [() => geo.fillIdentifiers(getter({}, "parties")), "input.unreadable", "parties"],
    [() => geo.fillIdentifiers(new Proxy({}, { ownKeys: explode })), "input.unreadable", ""],
  ];
  for (const [call, code, path] of refusals) {
    const error = thrown(call);
    assert.equal(error.code, code, `${call}: ${error.code} ${error.message}`);
    assert.equal(error.path, path, `${call}: ${error.path}`);
    assert.ok(error.issues.length >= 1);
  }
  assert.match(thrown(() => geo.lookupCodes(["a", 1])).message, /names\[1\] must be a string/);
  // validation, on the other hand, never throws on data
  for (const input of [cyclic, deep(100_000), huge, new Proxy({}, { ownKeys: explode }), getter({}, "parties"), "\ud800", new Uint8Array([0xff]), Symbol("x"), () => 1]) {
    const report = geo.validate(input);
    assert.equal(report.valid, false);
    assert.equal(geo.check(input).report.valid, false);
  }
  // names of any kind are answered
  const odd = ["\ud800", "\u0000", "🏳️‍🌈", "St-".repeat(10_000), "'".repeat(300), "s/ s/ s/", "Saint-Saint-Saint", "(82)", "Parisot (99)", "Paris 99e"];
  const codes = geo.lookupCodes(odd);
  assert.equal(codes.length, odd.length);
  assert.equal(geo.lookupRows(odd).filter((r) => r.rank === null || r.rank === 1).length, odd.length);
  // still working
  assert.equal(geo.lookup("Lavaur", { departement: "81" }).code, "81140");
  assert.equal(geo.validate(thore).valid, true);
  assert.equal(ctg.validate(thore).valid, true);
});

// -- the web entry ---------------------------------------------------------------------------

/** A fresh copy of the web build (its own wasm-bindgen state), as tests/init.test.mjs makes one. */
async function freshWeb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-geo-web-"));
  fs.mkdirSync(path.join(dir, "web"));
  for (const file of ["index.web.js", "index.geo.web.js", "geo.js", "portfolio.js", "api.js", "catalogue.js", "schema.js", "package.json"]) fs.copyFileSync(path.join(wasmDir, "pkg", file), path.join(dir, file));
  for (const file of fs.readdirSync(path.join(wasmDir, "pkg", "web"))) fs.copyFileSync(path.join(wasmDir, "pkg", "web", file), path.join(dir, "web", file));
  return dir;
}

test("web build: geography() before init throws init.required; loadGeography(bytes) loads it on demand", async () => {
  const dir = await freshWeb();
  try {
    const entry = await import(pathToFileURL(path.join(dir, "index.geo.web.js")).href);
    assert.equal(thrown(() => entry.geography(), Error).code, "init.required");
    const base = await import(pathToFileURL(path.join(dir, "index.web.js")).href);
    const warn = console.warn;
    console.warn = () => {};
    const failed = await base.loadGeography(new Uint8Array([0, 97, 115, 109])).then(() => undefined, (e) => e);
    console.warn = warn;
    assert.equal(failed?.code, "init.failed");
    assert.ok(failed.cause !== undefined);
    const bytes = fs.readFileSync(path.join(dir, "web", "ctg_wasm_geo_bg.wasm"));
    const web = await base.loadGeography(bytes); // without init() of the base module
    assert.equal(web, entry.geography());
    assert.equal(web.lookup("Parisot", { departement: "82" }).code, "82137");
    assert.equal(web.validate(thore).issues.length, 2);
    // the base module, loaded later, and the language of both
    assert.equal(thrown(() => base.validate("{}"), base.CtgError).code, "init.required");
    await base.default(fs.readFileSync(path.join(dir, "web", "ctg_wasm_bg.wasm")));
    base.setLanguage("en");
    assert.equal(web.lookup("Parisot").status_label, "ambiguous");
    assert.equal(base.getLanguage(), "en");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
