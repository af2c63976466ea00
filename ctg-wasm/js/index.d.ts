import type {
  ActionSheetInput,
  AllocationInput,
  AmountInput,
  AmountLine,
  AmountOptions,
  BuildOptions,
  ChangeInput,
  CheckResult,
  Convention,
  ConventionInput,
  CtgErrorData,
  CtgInput,
  DeclaredTotals,
  DiffResult,
  EvaluationResult,
  Execution,
  Expiry,
  IndicatorProgress,
  IndicatorRow,
  InForce,
  Issue,
  JsonSchema,
  Lang,
  Money,
  Options,
  PartyInput,
  PeriodInput,
  ProgressOptions,
  RenewalResult,
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
  /** For `diff` and `renewal`, which of the two conventions the issues are about (absent otherwise). */
  readonly argument?: CtgErrorData["argument"];
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

/**
 * Where every indicator of every action sheet stands, measured or not (`status`), at its latest
 * measurement or as it stood on `options.at`.
 */
export declare function indicatorProgress(input: CtgInput, options?: ProgressOptions): IndicatorProgress[];

/** One row per indicator and measurement (an indicator not measured yet: one row without date nor value), for tables. */
export declare function indicatorRows(input: CtgInput, options?: Options): IndicatorRow[];

/** Funding planned against paid, per line and year and per year; `null` without a funding section (absent, not zero). */
export declare function execution(input: CtgInput, options?: Options): Execution | null;

/**
 * The evaluation of `year`, judged on its last day or on `options.today` when earlier (default:
 * today): sheets by status, late sheets, every indicator, the year's funding planned against
 * paid, and core's text of it in the language of the call.
 */
export declare function evaluation(input: CtgInput, year: number, options?: Options): EvaluationResult;

/** Whole months from `date` (default: `options.today`, else today) until the convention ends; negative once it has ended. */
export declare function monthsBeforeExpiry(input: CtgInput, date?: string | Date | null, options?: Options): number;

/** When each convention of a list ends, seen from `date` (default: today), in the order given; an invalid one has its report and no end. Never throws on data. */
export declare function expiries(inputs: ReadonlyArray<CtgInput>, date?: string | Date | null, options?: Options): Expiry[];

/**
 * A convention from its parts: a document without `format_version` (written for you), validated
 * like any document. `options.declare_totals` declares the totals the allocations add up to.
 * Throws a `CtgError` listing every issue.
 */
export declare function build(parts: ConventionInput, options?: BuildOptions): Convention;

/** The totals allocations add up to over a period, as a convention declares them: `{yearly: {"2024": …}, total}`. */
export declare function declaredTotalsFrom(allocations: ReadonlyArray<AllocationInput>, period: PeriodInput | string, options?: Options): DeclaredTotals;

/** An amount spread evenly over the years of a period, to the cent (the first years get the extra cents): the `amounts` of an allocation. */
export declare function spreadAmount(amount: AmountInput, period: PeriodInput | string, options?: Options): Record<string, Money>;

/** The number the next action sheet would take: one more than the largest, 1 when there is none. */
export declare function nextActionSheetNumber(input: CtgInput, options?: Options): number;

/**
 * A new convention with the amount of one funding line for one year set (or removed with
 * `amount: null`). A declared total it breaks is refused (`change.breaks_convention`) unless
 * `options.restate_totals` restates them. The input is never changed.
 */
export declare function withAmount(input: CtgInput, line: AmountLine, options?: AmountOptions): Convention;

/** A new convention with this action sheet added, or replacing the sheet of its number. */
export declare function withActionSheet(input: CtgInput, sheet: ActionSheetInput, options?: Options): Convention;

/** A new convention without the action sheet of this number (`change.cannot_apply` when there is none). */
export declare function withoutActionSheet(input: CtgInput, number: number, options?: Options): Convention;

/** A new convention with this party added, or replacing the party of its id. */
export declare function withParty(input: CtgInput, party: PartyInput, options?: Options): Convention;

/** A new convention without the party of this id (what refers to it must go first: `change.breaks_convention` says what). */
export declare function withoutParty(input: CtgInput, id: string, options?: Options): Convention;

/** A new convention over another period (`{first_year, last_year}` or `"2024-2027"`); funding outside it is refused. */
export declare function withPeriod(input: CtgInput, period: PeriodInput | string, options?: Options): Convention;

/**
 * A new convention with `changes` applied in order, each `{kind, before?, after?}` as an
 * amendment holds them. A change whose *before* the convention does not hold is
 * `change.cannot_apply` at `changes[i]`; a result that breaks a rule is `change.breaks_convention`.
 */
export declare function applyChanges(input: CtgInput, changes: ReadonlyArray<ChangeInput>, options?: Options): Convention;

/** The convention in force on `date` (default: `options.today`, else today): its amendments of that day or before applied, in order. */
export declare function asOf(input: CtgInput, date?: string | Date | null, options?: Options): InForce;

/** What changed from `before` to `after`, as data and as text in the language of the call. A `CtgError` says which one is invalid (`argument`). */
export declare function diff(before: CtgInput, after: CtgInput, options?: Options): DiffResult;

/** `next` as the renewal of `previous`: sheets continued, new and stopped, parties, domains, envelope, and core's text. */
export declare function renewal(previous: CtgInput, next: CtgInput, options?: Options): RenewalResult;

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

/** The JSON Schema (draft 2020-12) of the canonical format, to generate forms: a fresh object each call, there before `init()`. */
export declare function schema(): JsonSchema;
