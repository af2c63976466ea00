// The JSON shapes of the ctg API. `Convention` (and the vocabularies) are generated from the JSON
// Schema of what ctg writes (`ctg schema --written`, so the fields ctg always writes are not
// optional) into convention.d.ts by json-schema-to-typescript; `IssueCode` and
// `ConventionStatusCode` are generated from the catalogue of the built module into
// catalogue.d.ts; the shapes below are the ones the binding returns around them. Every data
// object has snake_case keys, as in the canonical format.

import type { Convention, FacilityKind, ThematicDomain } from "./convention.js";
import type { ConventionStatusCode, IssueCode } from "./catalogue.js";

export type { Convention } from "./convention.js";
export type * from "./convention.js";
export type { ConventionStatusCode, IssueCode } from "./catalogue.js";

/** Money as an exact decimal string with a dot and two decimals: `"241801.00"`. Never a JS number. */
export type Money = string;

/** Languages of messages, labels and amount writings (core also reads `"FR"`, `"english"`…). */
export type Lang = "fr" | "en";

/**
 * What the document functions accept: JSON text (a string), UTF-8 bytes (a `Uint8Array`, e.g. a
 * file's content or a Node `Buffer`) or a JS value (a plain object). In a JS value, money must be
 * a string (`"40800.00"`, `"40 800 €"`), a whole number of euros or a `BigInt`: a number with a
 * fraction is refused (`amount.float`), NaN too (`value.nan`). A `Date`, `Map`, `Set`, function
 * or typed array inside it is refused as a value of the wrong type (`field.type`).
 */
export type CtgInput = string | Uint8Array | object;

/**
 * An amount handed to `parseAmount`, `formatAmount`, `split`, `splitEvenly`: text as people write
 * it (`"1 234,56 €"`, `"€1,234.56"`), a whole number of euros (`40800`) or a `BigInt` of euros.
 * A number with a fraction is refused (`amount.float`): it has gone through binary floating point.
 */
export type AmountInput = string | number | bigint;

/** An error blocks validity; a warning flags what is unusual; an information is worth knowing. */
export type Severity = "error" | "warning" | "info";

/**
 * One problem found by validation. Like every ctg data object, its keys are snake_case, as in the
 * CLI's `--json` and Python's `Issue.to_dict()`.
 */
export interface Issue {
  /** Stable code from core's catalogue (`"funding.year_total_mismatch"`); see `ISSUE_CODES`, `ctg codes`. */
  code: IssueCode;
  severity: Severity;
  /** Where: `"funding.allocations[3].amounts.2024"`, `"parties[2].insee"`; `""` is the whole document. */
  path: string;
  /**
   * The problem as data, named as in the catalogue: the year, the declared and computed totals,
   * the value as written… Amounts, decimals and dates are strings, counts and years numbers,
   * catalogue words their code (`"amount"`). Inside a list item with an id or a name: `item_id`,
   * `item_name`.
   */
  ctx: Record<string, string | number | string[]>;
  /** What is wrong, in the language of the call (`{lang}`, else `setLanguage`, else French). */
  message: string;
  /** What is wrong, in French. */
  message_fr: string;
  /** What is wrong, in English. */
  message_en: string;
}

/** The outcome of `validate`: valid when no issue is an error (warnings and informations never block). */
export interface Report {
  valid: boolean;
  issues: Issue[];
}

/** Exact totals of a convention's funding (money as decimal strings). Keys of year maps are `"2024"`. */
export interface Totals {
  /** The sum of every allocation. */
  total: Money;
  /** Per year of the period (every year present, `"0.00"` when unfunded). */
  by_year: Record<string, Money>;
  /** Per beneficiary id. */
  by_beneficiary: Record<string, Money>;
  /** Per beneficiary id, then per year: the funding table. */
  by_beneficiary_year: Record<string, Record<string, Money>>;
  /** Per domain code; allocations without a domain are under `"unassigned"`. */
  by_domain: Partial<Record<ThematicDomain | "unassigned", Money>> & Record<string, Money>;
  /** Per facility kind. */
  by_facility_kind: Partial<Record<FacilityKind, Money>>;
  /** The sum of the `coordination` allocations (the CTG coordination post). */
  coordination: Money;
  /** `coordination / total` rounded half away from zero to 4 decimals (`"0.1675"`); null when the total is 0. */
  coordination_share: string | null;
}

/**
 * The outcome of `check`: the report, and when the document is valid its canonical form and its
 * totals (`null` when it has no funding section: absent is not zero).
 */
export type CheckResult =
  | { report: Report; convention: Convention; totals: Totals | null }
  | { report: Report; convention?: undefined; totals?: undefined };

/** Where a convention stands on a day: the code and its label in the language of the call. */
export interface StatusResult {
  code: ConventionStatusCode;
  /** `"en vigueur"`, `"in force"`… */
  label: string;
}

/** How far one indicator has gone from its baseline toward its target. */
export interface IndicatorProgress {
  /** Number of the action sheet. */
  action_sheet: number;
  /** Name of the indicator. */
  indicator: string;
  /** The latest measured value, as a canonical decimal string (`"59"`, `"12.5"`). */
  latest: string;
  /** `(latest − baseline) / (target − baseline)`, 4 decimals (`"0.4000"`): 0 at the baseline, 1 at the target. */
  progress: string;
}

/** What validation reads at most; see `DEFAULT_LIMITS` and docs/format.md "Limits". */
export interface Limits {
  /** The largest JSON text read, in bytes (a string's UTF-16 length past it is enough to refuse it). */
  max_bytes: number;
  /** The most values a JS value may hold (checked against an array's length before any item is read). */
  max_values: number;
  /** The deepest nesting of lists and objects (a cycle counts as too deep). */
  max_depth: number;
  /** The most issues a report lists (then one `report.truncated` information). */
  max_issues: number;
}

/** The options of a call, each over its default. Unknown keys are refused (`argument.invalid`). */
export interface Options {
  /** The language of `message`, labels and `CtgError.message`; default: `getLanguage()`. */
  lang?: Lang;
  /** Limits over core's defaults (`DEFAULT_LIMITS`), each an integer from 0 to 2³²−1. */
  limits?: Partial<Limits>;
  /** The day of `status` and of the summaries: `"YYYY-MM-DD"` or a `Date` (its day in local time); default: today. */
  today?: string | Date;
}

/** What a `CtgError` carries. */
export interface CtgErrorData {
  /**
   * Code of the first error: a core issue code, or `argument.invalid` (an argument of the wrong
   * type or out of range), `init.required`, `init.failed`, `internal`.
   */
  code: IssueCode | "argument.invalid" | "init.required" | "init.failed" | "internal";
  path: string;
  message: string;
  issues: Issue[];
}

/** The raw result of the wasm exports (the public API unwraps it). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: CtgErrorData };

/** A JSON Schema (draft 2020-12) document. */
export interface JsonSchema {
  $schema: string;
  title: string;
  [keyword: string]: unknown;
}
