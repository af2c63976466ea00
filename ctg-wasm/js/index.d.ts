import type {
  AmountInput,
  CheckResult,
  Convention,
  CtgErrorData,
  CtgInput,
  IndicatorProgress,
  Issue,
  JsonSchema,
  Lang,
  Money,
  Options,
  Report,
  StatusResult,
  Totals,
} from "./types.js";

export type * from "./types.js";
export { ISSUE_CODES, ISSUE_SEVERITIES, DEFAULT_LIMITS } from "./catalogue.js";

/** Thrown by everything but `validate`, `check` and `reportHtml` on bad data, and by all on bad arguments: always this class, never a string. */
export declare class CtgError extends Error {
  constructor(error: CtgErrorData, options?: ErrorOptions);
  readonly name: "CtgError";
  /** Code of the first error (`"field.missing"`, `"amount.negative"`, `"argument.invalid"`, `"init.failed"`…). */
  readonly code: CtgErrorData["code"];
  /** Path of the first error; `""` for the whole document or a lone amount. */
  readonly path: string;
  /** Every issue found (errors, warnings, informations); empty for `argument.invalid` and `init.*`. */
  readonly issues: Issue[];
}

/** Validates a convention and reports every problem at once. Never throws on data (only on bad options). */
export declare function validate(input: CtgInput, options?: Options): Report;

/**
 * Validates once, for a live editor: the report, and when valid the canonical convention and its
 * totals (`null` without a funding section). Never throws on data.
 */
export declare function check(input: CtgInput, options?: Options): CheckResult;

/** Reads a convention into its canonical JSON form; throws a `CtgError` listing every issue when invalid. */
export declare function parse(input: CtgInput, options?: Options): Convention;

/** Exact funding totals of a valid convention, `null` when it has no funding section (absent is not zero). */
export declare function totals(input: CtgInput, options?: Options): Totals | null;

/** The status of a valid convention on `today` (`"YYYY-MM-DD"` or a `Date`; default `options.today`, else today). */
export declare function status(input: CtgInput, today?: string | Date | null, options?: Options): StatusResult;

/** The progress of every indicator that has a baseline, a target and a measurement. */
export declare function indicatorProgress(input: CtgInput, options?: Options): IndicatorProgress[];

/** Core's HTML summary of a valid convention (everything escaped): identity, period, status on `options.today`, parties, funding. */
export declare function conventionHtml(input: CtgInput, options?: Options): string;

/** Core's text summary of a valid convention, with the funding table per beneficiary and year. */
export declare function conventionText(input: CtgInput, options?: Options): string;

/** Core's HTML table of the validation report (everything escaped). Never throws on data. */
export declare function reportHtml(input: CtgInput, options?: Options): string;

/** `parseAmount("1 234,56 €")` → `"1234.56"`; `parseAmount(40800)` → `"40800.00"`; throws a `CtgError` (`amount.invalid`, `amount.float`…). */
export declare function parseAmount(amount: AmountInput, options?: Options): Money;

/** `formatAmount("241801")` → `"241 801 €"` (U+202F between groups, U+00A0 before €); `"en"` → `"€241,801.00"`. */
export declare function formatAmount(amount: AmountInput, lang?: Lang | Options): string;

/** Splits an amount over integer weights, to the cent, the parts adding up exactly (largest remainder). */
export declare function split(amount: AmountInput, weights: ReadonlyArray<number | bigint>, options?: Options): Money[];

/** Splits an amount into `parts` equal shares to the cent; the first shares get the extra cents. */
export declare function splitEvenly(amount: AmountInput, parts: number, options?: Options): Money[];

/** Sets the language of messages and labels for the calls that give none (`"fr"` at first). */
export declare function setLanguage(lang: Lang): void;

/** The language of the calls that give none. */
export declare function getLanguage(): Lang;

/** The JSON Schema of the canonical format, to generate forms. */
export declare function schema(): JsonSchema;
