// The JSON shapes of the ctg API. `Convention` (and the vocabularies) are generated from the JSON
// Schema of what ctg writes (`ctg schema --written`, so the fields ctg always writes are not
// optional) into convention.d.ts by json-schema-to-typescript; the shapes below are the ones the
// binding returns around it. Every data object has snake_case keys, as in the canonical format.

import type { Convention, FacilityKind, ThematicDomain } from "./convention.js";

export type { Convention } from "./convention.js";
export type * from "./convention.js";

/** Money as an exact decimal string with a dot and two decimals: `"241801.00"`. Never a JS number. */
export type Money = string;

/** Languages of messages and amount formats. */
export type Lang = "fr" | "en";

/**
 * What the functions accept: JSON text, UTF-8 bytes (a `Uint8Array`, e.g. a file's content or a
 * Node `Buffer`) or an already parsed JSON value (a plain object). Money in a plain object must be
 * a string (`"40800.00"`, `"40 800 €"`) or a whole number of euros: a JS number with a fraction is
 * refused (`amount.float`), as it has gone through binary floating point.
 */
export type CtgInput = string | Uint8Array | object;

export type Severity = "error" | "warning";

/**
 * One problem found by validation. Like every ctg data object, its keys are snake_case, as in the
 * CLI's `--json` and Python's `Issue.to_dict()`.
 */
export interface Issue {
  /** Stable code from the core's catalogue (`"funding.year_total_mismatch"`); see `ctg codes`. */
  code: string;
  severity: Severity;
  /** Where: `"funding.allocations[3].amounts.2024"`, `"parties[2].insee"`; `""` is the whole document. */
  path: string;
  /** What is wrong, in French. */
  message_fr: string;
  /** What is wrong, in English. */
  message_en: string;
  /** The values the messages are made from (the year, the amounts compared…), by name. */
  ctx: Record<string, unknown>;
}

/** The outcome of `validate`: valid when no issue is an error (warnings never block). */
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

/** What a `CtgError` carries. */
export interface CtgErrorData {
  /** Code of the first error: a core issue code, or `argument.invalid`, `init.required`, `init.failed`, `internal`. */
  code: string;
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
