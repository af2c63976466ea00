#!/usr/bin/env node
// Generates ctg-geo/data/cog-2026.tsv, the reference data of ctg-geo, from the pinned npm package
// @etalab/decoupage-administratif (COG 2026, Licence Ouverte).
//
//   node ctg-geo/scripts/generate.mjs                  fetch the package with `npm pack`, write the file
//   node ctg-geo/scripts/generate.mjs --check          regenerate into a temporary file, fail if the
//                                                      committed file differs (what CI runs)
//   node ctg-geo/scripts/generate.mjs --tarball FILE   use a tarball already downloaded (still checked)
//   node ctg-geo/scripts/generate.mjs --output FILE    write elsewhere
//
// Needs Node >= 18 and npm, and the npm registry (only to download the package). The tarball's
// sha512 must be the pinned one; the output is deterministic (sorted, no date of generation).

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { fail as failWith, generate, parseArgs } from "../../scripts/lib/npm-tarball.mjs";

const PACKAGE = "@etalab/decoupage-administratif";
const VERSION = "6.0.0";
const INTEGRITY =
  "sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ==";
const GEOGRAPHY = "COG 2026";
const EFFECTIVE = "2026-01-01";
const LICENCE = "Licence Ouverte / Open Licence (Etalab) for the data; MIT for the package's code";

// Départements and régions whose communes are left out: the Pacific collectivities, the TAAF and
// Clipperton have no Caf (their social security is their own), and ctg-core's InseeCode and
// DepartementCode do not accept their 98x codes.
const EXCLUDED = new Set(["984", "986", "987", "988", "989"]);
// The INSEE codes ctg-core accepts (InseeCode): former codes outside it are left out (the source
// keeps the Corsican codes 20xxx of before 1976 as former codes of today's 2A/2B communes).
const INSEE = /^(?:(?:0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5])[0-9]{3}|2[AB][0-9]{3}|97[1-8][0-9]{2})$/;

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_OUTPUT = resolve(here, "..", "data", "cog-2026.tsv");

const fail = (message) => failWith("generate.mjs", message);

/** The package's data files, parsed; `file(path)` gives the bytes of `package/PATH`. */
function readPackage(file) {
  const json = (path) => JSON.parse(file(path).toString("utf8"));
  const pkg = json("package.json");
  if (pkg.name !== PACKAGE || pkg.version !== VERSION) fail(`tarball is ${pkg.name}@${pkg.version}`);
  const readme = file("README.md").toString("utf8");
  if (!readme.includes("Licence Ouverte")) fail("the package README no longer states the Licence Ouverte");
  return {
    communes: json("data/communes.json"),
    epci: json("data/epci.json"),
    departements: json("data/departements.json"),
    regions: json("data/regions.json"),
  };
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function text(value, what) {
  if (typeof value !== "string" || value === "" || /[\t\n\r]/.test(value)) fail(`bad ${what}: ${JSON.stringify(value)}`);
  return value;
}
const opt = (value) => (value === undefined || value === null ? "" : String(value));
const departementOf = (insee) => (insee.startsWith("97") || insee.startsWith("98") ? insee.slice(0, 3) : insee.slice(0, 2));

function build({ communes, epci, departements, regions }) {
  const lines = [];
  const counts = {};
  const count = (k) => (counts[k] = (counts[k] ?? 0) + 1);
  const excludedCounts = { regions: 0, departements: 0, communes: 0, formerCodes: 0 };

  const keptRegions = regions.filter((r) => !EXCLUDED.has(r.code)).sort(byCode);
  excludedCounts.regions = regions.length - keptRegions.length;
  const keptDepartements = departements.filter((d) => !EXCLUDED.has(d.code)).sort(byCode);
  excludedCounts.departements = departements.length - keptDepartements.length;

  const kept = (c) => !EXCLUDED.has(c.departement);
  const current = communes.filter((c) => c.type === "commune-actuelle");
  const currentByCode = new Map(current.map((c) => [c.code, c]));
  excludedCounts.communes = current.filter((c) => !kept(c)).length;

  for (const r of keptRegions) {
    lines.push(["R", text(r.code, "région code"), opt(r.chefLieu), text(r.nom, "région name")].join("\t"));
    count("regions");
  }
  const regionCodes = new Set(keptRegions.map((r) => r.code));
  for (const d of keptDepartements) {
    if (!regionCodes.has(d.region)) fail(`département ${d.code} in unknown région ${d.region}`);
    lines.push(["D", text(d.code, "département code"), d.region, opt(d.chefLieu), text(d.nom, "département name")].join("\t"));
    count("departements");
  }
  const departementCodes = new Set(keptDepartements.map((d) => d.code));

  // Communes and arrondissements, in one sequence sorted by code.
  const places = [
    ...current.filter(kept),
    ...communes.filter((c) => c.type === "arrondissement-municipal"),
  ].sort(byCode);
  for (const c of places) {
    const postal = [...(c.codesPostaux ?? [])].join(" ");
    if (c.type === "arrondissement-municipal") {
      if (!currentByCode.has(c.commune)) fail(`arrondissement ${c.code} of unknown commune ${c.commune}`);
      lines.push(["A", c.code, c.commune, opt(c.population), postal, text(c.nom, "arrondissement name")].join("\t"));
      count("arrondissements");
    } else {
      if (departementOf(c.code) !== c.departement) fail(`commune ${c.code} is in département ${c.departement}`);
      if (!departementCodes.has(c.departement)) fail(`commune ${c.code} in unknown département`);
      lines.push(["C", c.code, opt(c.siren), opt(c.population), postal, text(c.nom, "commune name")].join("\t"));
      count("communes");
    }
  }
  // Former communes: the delegated and associated communes (with their name and chef-lieu), and the
  // former codes of current communes (`anciensCodes`, no name in the source). Both facts are kept
  // when they disagree (the same code under two current communes): the library reports it.
  const former = new Map();
  const addFormer = (code, kind, currentCode, name) => {
    if (!currentByCode.has(currentCode)) fail(`former commune ${code} of unknown commune ${currentCode}`);
    if (!INSEE.test(code)) {
      excludedCounts.formerCodes += 1;
      return;
    }
    const key = `${code}\t${currentCode}`;
    const seen = former.get(key);
    if (seen && seen.kind !== "m") return;
    former.set(key, { code, kind, current: currentCode, name });
  };
  for (const c of communes) {
    if (c.type !== "commune-deleguee" && c.type !== "commune-associee") continue;
    if (!kept(c)) continue;
    addFormer(c.code, c.type === "commune-deleguee" ? "d" : "a", c.chefLieu, text(c.nom, "former commune name"));
  }
  for (const c of current.filter(kept)) {
    for (const code of c.anciensCodes ?? []) {
      if (currentByCode.has(code)) fail(`former code ${code} is a current commune's`);
      if (!former.has(`${code}\t${c.code}`)) addFormer(code, "m", c.code, "");
    }
  }
  for (const f of [...former.values()].sort((a, b) => cmp(a.code, b.code) || cmp(a.current, b.current))) {
    lines.push(["F", f.code, f.kind, f.current, f.name].join("\t"));
    count("former");
  }

  const kinds = new Set(["CC", "CA", "CU", "METRO", "MET69"]);
  const alternate = new Map();
  for (const e of [...epci].sort(byCode)) {
    if (!/^\d{9}$/.test(e.code)) fail(`EPCI SIREN ${e.code}`);
    if (!kinds.has(e.type)) fail(`EPCI ${e.code} of unknown kind ${e.type}`);
    const members = e.membres.map((m) => {
      const c = currentByCode.get(m.code);
      if (!c) fail(`EPCI ${e.code}: member ${m.code} is not a current commune`);
      if (m.siren !== c.siren) fail(`EPCI ${e.code}: member ${m.code} SIREN ${m.siren} != ${c.siren}`);
      if (m.nom !== c.nom) alternate.set(m.code, text(m.nom, "member name"));
      return m.code;
    });
    lines.push(["E", e.code, e.type, opt(e.populationMunicipale), text(e.nom, "EPCI name"), members.join(" ")].join("\t"));
    count("epci");
  }
  // Names the DGCL's EPCI composition gives a member that differ from the COG's (an older name,
  // or another typography): kept as other names of the commune.
  for (const [code, name] of [...alternate.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    lines.push(["N", code, name].join("\t"));
    count("names");
  }

  const header = [
    "# ctg-geo reference data: the official geography of France (communes, municipal arrondissements,",
    "# former communes, EPCI, départements, régions), for ctg (Conventions Territoriales Globales).",
    "# Generated by ctg-geo/scripts/generate.mjs from the npm package below: do not edit by hand.",
    "# Check it with `node ctg-geo/scripts/generate.mjs --check`.",
    "#",
    "# One record a line, tab-separated; the first field says which; an empty field is absent from the source.",
    "#   R  code  chef-lieu  name                            région",
    "#   D  code  région  chef-lieu  name                    département",
    "#   C  insee  siren  population  postal-codes  name     current commune (its département is its code's)",
    "#   A  insee  commune  population  postal-codes  name   municipal arrondissement of Paris, Lyon, Marseille",
    "#   F  code  kind  current  name                        former commune: d delegated, a associated,",
    "#                                                       m merged (former code of a current commune, no name)",
    "#   E  siren  kind  population  name  members           EPCI: CC, CA, CU, METRO, MET69; members in the source's order",
    "#   N  insee  name                                      the commune's name in the EPCI composition, when it differs",
    "# Populations are municipal populations: communes from INSEE's legal populations (communes.json),",
    "# EPCI from the DGCL's composition file (epci.json); the two are not of the same census year.",
    `@source\t${PACKAGE}`,
    `@version\t${VERSION}`,
    `@integrity\t${INTEGRITY}`,
    `@licence\t${LICENCE}`,
    `@geography\t${GEOGRAPHY}`,
    `@effective\t${EFFECTIVE}`,
    `@excluded\t${excludedCounts.communes} communes, ${excludedCounts.departements} départements and ${excludedCounts.regions} régions of ${[...EXCLUDED].join(", ")} (Pacific, TAAF, Clipperton: no Caf; codes outside ctg-core's InseeCode); ${excludedCounts.formerCodes} former codes outside ctg-core's InseeCode (Corsica's 20xxx of before 1976)`,
    `@counts\t${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(" ")}`,
  ];
  return `${header.join("\n")}\n${lines.join("\n")}\n`;
}

generate({
  name: "generate.mjs",
  pkg: PACKAGE,
  version: VERSION,
  integrity: INTEGRITY,
  args: parseArgs("generate.mjs", process.argv.slice(2), DEFAULT_OUTPUT),
  build: (file) => build(readPackage(file)),
  regenerate: "node ctg-geo/scripts/generate.mjs",
});
