// Using the ctg npm package from TypeScript (checked by `tsc --noEmit --strict` in scripts/test-wasm.sh).
// In a browser, import from the same package and `await init()` once first; in Node, init() is a no-op.
import init, {
  CtgError,
  formatAmount,
  parse,
  parseAmount,
  schema,
  totals,
  validate,
  type ActionStatus,
  type Convention,
  type FacilityKind,
  type Issue,
  type Money,
  type Report,
  type Totals,
} from "@ctg/wasm";

await init();

/** What a form shows under a field: every issue at that path. */
export function issuesAt(report: Report, path: string): Issue[] {
  return report.issues.filter((issue) => issue.path === path);
}

/** Validate while the coordinator types: never throws, whatever the text. */
export function onInput(text: string): { errors: number; warnings: number; first?: string | undefined } {
  const report = validate(text);
  const errors = report.issues.filter((i) => i.severity === "error");
  return {
    errors: errors.length,
    warnings: report.issues.length - errors.length,
    first: errors[0] && `${errors[0].path || "(document)"}: ${errors[0].message_fr} [${errors[0].code}]`,
  };
}

/** The funding table: one row per beneficiary, one French amount per year. */
export function fundingTable(conv: Convention): string[][] {
  const t: Totals = totals(conv);
  const years: string[] = Object.keys(t.by_year);
  const names = new Map((conv.funding?.beneficiaries ?? []).map((b) => [b.id, b.name] as const));
  const rows = Object.entries(t.by_beneficiary_year).map(([id, byYear]) => [
    names.get(id) ?? id,
    ...years.map((y) => formatAmount(byYear[y] ?? "0")),
  ]);
  rows.push(["Total", ...years.map((y) => formatAmount(t.by_year[y] ?? "0"))]);
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

export function readConvention(json: string): Convention | undefined {
  try {
    const conv = parse(json);
    console.log(`${conv.title} (${conv.period.first_year}–${conv.period.last_year}), ${conv.parties.length} parties`);
    return conv;
  } catch (error) {
    if (error instanceof CtgError) {
      // code and path of the first error, and every issue
      console.error(error.code, error.path, error.issues.map((i) => `${i.path} ${i.code}`));
      return undefined;
    }
    throw error;
  }
}

export function amountField(text: string): Money | null {
  try {
    return parseAmount(text); // "1 234,56 €" → "1234.56"
  } catch (error) {
    if (error instanceof CtgError && error.code.startsWith("amount.")) return null;
    throw error;
  }
}

const title: string = schema().title;
console.log(title, formatAmount("241801", "fr"), formatAmount("1234.5", "en"));

// The types are precise: money is a string, never a number; languages are "fr" | "en".
// @ts-expect-error money is never a JS number
formatAmount(241801);
// @ts-expect-error only "fr" and "en"
formatAmount("1", "de");
// @ts-expect-error a Report has no `errors` field
validate("{}").errors;
// @ts-expect-error issues are snake_case data, as everywhere in ctg
validate("{}").issues[0]?.messageFr;
// @ts-expect-error an optional field is absent, never null
const noSignature: Convention["signature"] = null;
