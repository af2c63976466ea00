import type { Convention, CtgErrorData, CtgInput, Issue, JsonSchema, Lang, Report, Totals } from "./types.js";

export type * from "./types.js";

/** Thrown by `parse`, `totals`, `formatAmount` and `parseAmount`: always this class, never a string. */
export declare class CtgError extends Error {
  constructor(error: CtgErrorData, options?: ErrorOptions);
  readonly name: "CtgError";
  /** Code of the first error (`"field.missing"`, `"amount.negative"`, `"argument.invalid"`, `"init.failed"`…). */
  readonly code: string;
  /** Path of the first error; `""` for the whole document or a lone amount. */
  readonly path: string;
  /** Every issue found (errors and warnings). */
  readonly issues: Issue[];
}

/** Validates a convention and reports every problem at once. Never throws on bad data. */
export declare function validate(input: CtgInput): Report;

/** Reads a convention into its canonical JSON form; throws a `CtgError` listing every issue when invalid. */
export declare function parse(input: CtgInput): Convention;

/** Exact funding totals of a valid convention; throws a `CtgError` when it is invalid. */
export declare function totals(input: CtgInput): Totals;

/** `formatAmount("241801")` → `"241 801 €"` (U+202F between groups, U+00A0 before €); `"en"` → `"€241,801"`. */
export declare function formatAmount(amount: string, lang?: Lang): string;

/** `parseAmount("1 234,56 €")` → `"1234.56"`; throws a `CtgError` (`amount.invalid`, `amount.negative`…). */
export declare function parseAmount(text: string): string;

/** The JSON Schema of the canonical format, to generate forms. */
export declare function schema(): JsonSchema;
