// Spreadsheets, open data and portfolios from TypeScript (issues #10 and #11): a convention's
// funding table as CSV and .xlsx bytes, a table typed by people read back with every problem at
// its cell, the SCDL Subventions file of a convention, a published SCDL file read and its grants
// matched to conventions, and a portfolio of documents with its summary. Checked by `tsc --noEmit --strict` in scripts/test-wasm.sh, and run by the tests
// (tests/examples.test.mjs).
//
// The tables and the portfolios are modules of their own, loaded on demand (`loadTables()`,
// `loadPortfolios()`); the base module carries neither.
import init, {
  CtgError,
  loadPortfolios,
  loadTables,
  type ConventionInput,
  type ConventionRow,
  type GrantInput,
  type GrantMatch,
  type Imported,
  type Issue,
  type PortfolioSummary,
  type Tables,
} from "@ctg/wasm";

await init();

/** The tables module, loaded once. */
export const tables: Tables = await loadTables();

/** The funding table of a convention as French CSV text and as an .xlsx workbook's bytes. */
export function exports(convention: ConventionInput): { csv: string; xlsx: Uint8Array } {
  const csv = new TextDecoder().decode(tables.toCsv(convention, { lang: "fr", shape: "wide" }));
  const xlsx = tables.toXlsx(convention, { lang: "fr" });
  return { csv, xlsx };
}

/** A funding table typed by people, read into a document: its problems as `Sheet!C7 code`. */
export function read(csv: string, into?: ConventionInput): { problems: string[]; imported: Imported } {
  const imported = tables.importTables({ name: "Financement.csv", bytes: csv }, into === undefined ? {} : { into });
  const at = (i: Issue) => `${i.ctx["sheet"] ?? ""}!${i.ctx["column"] ?? ""}${i.ctx["row"] ?? ""} ${i.code}`;
  return { problems: imported.report.issues.filter((i) => i.severity === "error").map(at), imported };
}

/** The SCDL Subventions CSV of a convention, or what is missing to publish it. */
export function scdl(convention: ConventionInput): { csv: string } | { missing: string[] } {
  try {
    return { csv: new TextDecoder().decode(tables.toScdl(convention)) };
  } catch (e) {
    if (e instanceof CtgError) return { missing: e.issues.map((i) => i.code) };
    throw e;
  }
}

/**
 * A published SCDL Subventions file (a département's, a Caf's) read and checked, and its grants
 * matched to the beneficiaries of conventions: its problems as `sheet!B2 code`, the total of the
 * grants matched (in cents: `montant` is an exact decimal string) and the matches.
 */
export function grants(
  file: Uint8Array | string,
  conventions: readonly ConventionInput[],
): { problems: string[]; matchedCents: bigint; matches: GrantMatch[] } {
  const read = tables.readScdl(file, { name: "subventions.csv" });
  const at = (i: Issue) => `${i.ctx["sheet"] ?? ""}!${i.ctx["column"] ?? ""}${i.ctx["row"] ?? ""} ${i.code}`;
  // A grant may also be built by hand: the columns matching reads, the others left out.
  const byHand: GrantInput = { nomBeneficiaire: "La Petite Loco", montant: "100.00" };
  const matches = tables.matchGrants([...read.grants, byHand], conventions);
  const cents = (montant: string) => BigInt(montant.replace(".", ""));
  const matchedCents = matches.reduce((t, m) => t + cents(read.grants[m.grant]?.montant ?? "0.00"), 0n);
  return { problems: read.issues.filter((i) => i.severity === "error").map(at), matchedCents, matches };
}

/** A portfolio of documents: its summary at a date and its rows, freed after use. */
export async function portfolio(
  documents: ReadonlyArray<readonly [string, string]>,
  date: string,
): Promise<{ summary: PortfolioSummary; rows: ConventionRow[]; text: string }> {
  const { portfolio } = await loadPortfolios();
  const p = portfolio(documents);
  try {
    return { summary: p.summary(date), rows: p.conventions(date), text: p.toText(date, { lang: "en" }) };
  } finally {
    p.free();
  }
}
