// The official geography from TypeScript (issue #8): a column of commune names typed by people
// resolved into INSEE codes, a draft whose parties have names only filled with their identifiers
// and validated against the COG 2026, and what it covers (territory, population, funding per
// inhabitant). Checked by `tsc --noEmit --strict` in scripts/test-wasm.sh, and run by the tests
// (tests/examples.test.mjs).
//
// The geography is a second module (its own .wasm, about 1 MB gzipped), loaded on demand: the
// base module does not carry it. In a browser, `await init()` once for the base module;
// `loadGeography()` fetches the geography module the first time it is called.
import init, {
  CtgError,
  loadGeography,
  setLanguage,
  type ConventionInput,
  type CoverageResult,
  type Filled,
  type Geography,
  type Issue,
  type Lookup,
  type LookupRow,
} from "@ctg/wasm";

await init();
setLanguage("en"); // the geography module follows the language of the package

/** The geography module, loaded once. */
export const geo: Geography = await loadGeography();

/** A column of names as people typed them: each one's INSEE code, `null` when ambiguous or unknown. */
export function column(names: ReadonlyArray<string | null>): { codes: (string | null)[]; why: LookupRow[] } {
  const codes = geo.lookupCodes(names, { departement: "81" });
  // why the others are not resolved: their best rows (a name without candidate keeps one row)
  const why = geo
    .lookupRows(names, { departement: "81" })
    .filter((row) => codes[row.position] === null && (row.rank === null || row.rank === 1));
  return { codes, why };
}

/** One name, with the reason of its answer: never a guess, a context chooses between homonyms. */
export function explain(name: string, departement?: string): string {
  const lookup: Lookup = geo.lookup(name, departement === undefined ? {} : { departement });
  const best = lookup.candidates[0];
  if (lookup.status === "resolved" && best !== undefined) {
    const population = best.population === null ? "population unknown" : `${best.population} inhabitants`;
    return `${lookup.query}: ${best.name} (${best.code}, ${population}): ${best.explanation}`;
  }
  return `${lookup.query}: ${lookup.status_label} (${lookup.tied.join(", ") || lookup.reason_label})`;
}

/** A draft as a coordinator writes it: parties with their names only. */
export const draft: ConventionInput = {
  format_version: 1,
  id: "ctg-81-thore-exemple-2024-2026",
  title: "CTG exemple Thoré Montagne Noire 2024-2026",
  period: { first_year: 2024, last_year: 2026 },
  parties: [
    { id: "caf-81", name: "Caf du Tarn", kind: "caf", role: "caf" },
    { id: "cc", name: "Communauté de communes Thoré Montagne Noire", kind: "cc", role: "signatory" },
    { id: "st-amans", name: "St-Amans-Soult", kind: "commune", role: "signatory" },
  ],
  domains: ["petite_enfance"],
  stakes: [],
  objectives: [],
  action_sheets: [{ number: 1, title: "Ouvrir un relais petite enfance" }],
  funding: {
    beneficiaries: [{ id: "rpe", name: "RPE du Thoré" }],
    allocations: [{ beneficiary: "rpe", facility_kind: "rpe", amounts: { "2024": "30000", "2025": "30000", "2026": "30000" } }],
  },
};

/** Its identifiers filled in from the reference (every change said), then validated with the `geo.*` rules. */
export function fill(): { filled: Filled; issues: Issue[] } {
  const filled = geo.fillIdentifiers(draft);
  for (const change of filled.changes) console.log(`${change.path} = ${JSON.stringify(change.value)}: ${change.reason}`);
  const report = geo.validate(filled.document);
  if (!report.valid) throw new Error(report.issues.map((i) => i.message).join("\n"));
  return { filled, issues: report.issues };
}

/** What the filled convention covers: its communes, their population, the funding per inhabitant. */
export function territory(filled: Filled): CoverageResult {
  const coverage = geo.coverage(filled.document);
  console.log(coverage.text);
  return coverage;
}

/** A wrong INSEE code is an error of the geography, with the reference in its `ctx`. */
export function wrongCode(filled: Filled): Issue[] {
  const doc = geo.fillIdentifiers(filled.document).document;
  const text = JSON.stringify(doc).replace('"81238"', '"81999"'); // St-Amans-Soult's code → no commune
  try {
    geo.coverage(text); // coverage reads what core reads: the code is only unknown to the reference
  } catch (e) {
    if (e instanceof CtgError) throw new Error(`unexpected ${e.code}`);
    throw e;
  }
  return geo.validate(text).issues.filter((i) => i.code.startsWith("geo."));
}

const people = ["St Amans Soult", "Pont de l'Arn", "Vielmur s/ Agout", "Rouairou", "Lavaur", "Caf du Tarn", null];
console.log(column(people).codes);
console.log(explain("Parisot"), "|", explain("Parisot", "82"));
const { filled, issues } = fill();
console.log(issues.map((i) => `${i.severity} ${i.code} ${i.path}`));
console.log(territory(filled).funding_per_inhabitant?.per_year);
console.log(wrongCode(filled).map((i) => i.message));
