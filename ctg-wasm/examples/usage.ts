// Using the ctg npm package from TypeScript (checked by `tsc --noEmit --strict` in scripts/test-wasm.sh).
// In a browser, import from the same package and `await init()` once first; in Node, init() is a no-op.
import init, {
  CtgError,
  DEFAULT_LIMITS,
  ISSUE_CODES,
  ISSUE_SEVERITIES,
  check,
  conventionHtml,
  formatAmount,
  getLanguage,
  indicatorProgress,
  parse,
  parseAmount,
  reportHtml,
  schema,
  setLanguage,
  split,
  splitEvenly,
  status,
  totals,
  validate,
  type ActionStatus,
  type CheckResult,
  type Convention,
  type ConventionStatusCode,
  type FacilityKind,
  type Issue,
  type IssueCode,
  type Lang,
  type Limits,
  type Money,
  type Options,
  type Report,
  type Severity,
  type Totals,
} from "@ctg/wasm";

await init();

/** What a form shows under a field: every issue at that path. */
export function issuesAt(report: Report, path: string): Issue[] {
  return report.issues.filter((issue) => issue.path === path);
}

/** A live editor: one call per edit, never throws on data; the convention and totals when valid. */
export function onInput(text: string, lang: Lang = getLanguage()): { errors: number; first?: string | undefined; total?: Money | undefined } {
  const result: CheckResult = check(text, { lang });
  const errors = result.report.issues.filter((i) => i.severity === "error");
  const first = errors[0];
  return {
    errors: errors.length,
    first: first && `${first.path || "(document)"}: ${first.message} [${first.code}]`,
    // totals is null when the convention has no funding section (absent, not zero)
    total: result.convention !== undefined ? (result.totals?.total ?? undefined) : undefined,
  };
}

/** Issues as data: the code is one of core's, the parameters are named. */
export function describe(issue: Issue): string {
  const severity: Severity = issue.severity; // "error" | "warning" | "info"
  const code: IssueCode = issue.code;
  if (code === "funding.year_total_mismatch") {
    const { year, declared, computed } = issue.ctx;
    return `${year}: ${String(declared)} declared, ${String(computed)} computed`;
  }
  return `${severity} ${code} ${ISSUE_SEVERITIES[code]}`;
}

/** The funding table: one row per beneficiary, one amount per year, in the chosen language. */
export function fundingTable(conv: Convention, lang: Lang): string[][] {
  const t: Totals | null = totals(conv);
  if (t === null) return []; // no funding section
  const years: string[] = Object.keys(t.by_year);
  const names = new Map((conv.funding?.beneficiaries ?? []).map((b) => [b.id, b.name] as const));
  const rows = Object.entries(t.by_beneficiary_year).map(([id, byYear]) => [
    names.get(id) ?? id,
    ...years.map((y) => formatAmount(byYear[y] ?? "0", lang)),
  ]);
  rows.push(["Total", ...years.map((y) => formatAmount(t.by_year[y] ?? "0", { lang }))]);
  return rows;
}

/** Share of each facility kind, from the exact strings (display only). */
export function facilityKinds(t: Totals): Array<[FacilityKind, Money]> {
  return (Object.entries(t.by_facility_kind) as Array<[FacilityKind, Money | undefined]>).flatMap(([kind, amount]) =>
    amount === undefined ? [] : [[kind, amount] as [FacilityKind, Money]],
  );
}

/** What ctg always writes is typed as present: the derived duration and each sheet's status. */
export function derived(conv: Convention): { years: number; statuses: ActionStatus[]; version: 1 } {
  return {
    years: conv.period.duration_years,
    statuses: conv.action_sheets.map((sheet) => sheet.status),
    version: conv.format_version,
  };
}

/** Where the convention stands, its indicators, core's summary. */
export function overview(conv: Convention, today: string | Date): { status: ConventionStatusCode; label: string; progress: string[]; html: string } {
  const { code, label } = status(conv, today, { lang: "en" });
  return {
    status: code,
    label,
    progress: indicatorProgress(conv).map((p) => `${p.action_sheet} ${p.indicator}: ${p.progress}`),
    html: conventionHtml(conv, { today, lang: "en" }),
  };
}

export function readConvention(json: string, options?: Options): Convention | undefined {
  try {
    const conv = parse(json, options);
    console.log(`${conv.title} (${conv.period.first_year}–${conv.period.last_year}), ${conv.parties.length} parties`);
    return conv;
  } catch (error) {
    if (error instanceof CtgError) {
      // code and path of the first error, core's summary in the chosen language, every issue
      console.error(error.code, error.path, error.message, error.issues.map((i) => `${i.path} ${i.code}`));
      return undefined;
    }
    throw error;
  }
}

export function amountField(input: string | number | bigint): Money | null {
  try {
    return parseAmount(input); // "1 234,56 €" → "1234.56"; 40800 → "40800.00"; 40800.5 → amount.float
  } catch (error) {
    if (error instanceof CtgError && error.code.startsWith("amount.")) return null;
    throw error;
  }
}

/** An envelope over three years, and over weights, exact to the cent. */
export function shares(envelope: Money): { yearly: Money[]; weighted: Money[] } {
  return { yearly: splitEvenly(envelope, 3), weighted: split(envelope, [40800, 34000, 25760n]) };
}

/** Strict limits for untrusted input in a browser tab. */
export const strict: Limits = { ...DEFAULT_LIMITS, max_bytes: 1024 * 1024, max_values: 100_000 };
export const checked: Report = validate("{}", { limits: strict, lang: "en" });
export const html: string = reportHtml("{}", { limits: { max_issues: 10 } });
export const codes: readonly IssueCode[] = ISSUE_CODES;

setLanguage("en");
const title: string = schema().title;
console.log(title, formatAmount("241801"), formatAmount("1234.5", "fr"));
setLanguage("fr");

// The types are precise: money comes back as a string, languages are "fr" | "en", codes are core's.
// @ts-expect-error money comes back as a string, never a JS number
const asNumber: number = parseAmount("241801");
// @ts-expect-error only "fr" and "en"
formatAmount("1", "de");
// @ts-expect-error only "fr" and "en"
setLanguage("de");
// @ts-expect-error an amount is text, a whole number or a BigInt
formatAmount({ euros: 1 });
// @ts-expect-error totals are null when the convention has no funding section
totals("{}").total;
// @ts-expect-error a code of core's catalogue
const unknownCode: IssueCode = "funding.mismatch";
// @ts-expect-error a limit that does not exist
validate("{}", { limits: { max_deep: 3 } });
// @ts-expect-error a Report has no `errors` field
validate("{}").errors;
// @ts-expect-error issues are snake_case data, as everywhere in ctg
validate("{}").issues[0]?.messageFr;
// @ts-expect-error an optional field is absent, never null
const noSignature: Convention["signature"] = null;
