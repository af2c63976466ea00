// The JSON shapes of the ctg API. `Convention` (and the vocabularies) are generated from the JSON
// Schema of what ctg writes (`ctg schema --written`, so the fields ctg always writes are not
// optional) into convention.d.ts by json-schema-to-typescript; `IssueCode` and
// `ConventionStatusCode` are generated from the catalogue of the built module into
// catalogue.d.ts; the shapes below are the ones the binding returns around them. Every data
// object has snake_case keys, as in the canonical format.

import type {
  ActionStatus,
  Amendment,
  Change,
  Convention,
  Decimal,
  FacilityKind,
  Period,
  ThematicDomain,
} from "./convention.js";
import type { ConventionStatusCode, IndicatorStatus, IssueCode } from "./catalogue.js";

export type { Convention } from "./convention.js";
export type * from "./convention.js";
export type * from "./convention-input.js";
export type * from "./geo-types.js";
export type * from "./tables-types.js";
export type * from "./portfolio-types.js";
export type { ConventionStatusCode, IndicatorStatus, IssueCode } from "./catalogue.js";

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

/**
 * Where one indicator of an action sheet stands, at its latest measurement or on a day: every
 * indicator is listed, measured or not (absent values are `null`, never zero).
 */
export interface IndicatorProgress {
  /** Number of the action sheet. */
  action_sheet: number;
  /** Name of the indicator. */
  indicator: string;
  /** Its unit, when it has one. */
  unit?: string;
  /** Its baseline (a decimal string), `null` when it has none. */
  baseline: Decimal | null;
  /** Its target, `null` when it has none. */
  target: Decimal | null;
  /** The date of the measurement used (`"2024-06-30"`), `null` when not measured yet. */
  measured_on: string | null;
  /** The value measured then (`"59"`, `"12.5"`), `null` when not measured yet. */
  latest: Decimal | null;
  /** `(latest − baseline) / (target − baseline)`, 4 decimals (`"0.4000"`): 0 at the baseline, 1 at the target; `null` without a measurement, a baseline or a target. */
  progress: string | null;
  /** `"not_measured"`, `"no_target"`, `"in_progress"` or `"reached"`. */
  status: IndicatorStatus;
}

/** One indicator and one measurement, for tables (an indicator not measured yet is one row without date nor value). */
export interface IndicatorRow {
  action_sheet: number;
  action_sheet_title: string;
  indicator: string;
  unit: string | null;
  baseline: Decimal | null;
  target: Decimal | null;
  /** The date of the measurement, `null` for an indicator not measured yet. */
  date: string | null;
  value: Decimal | null;
  /** Progress at that measurement (4 decimals), `null` when it cannot be computed. */
  progress: string | null;
}

/** One funding line and year, planned against paid. */
export interface ExecutionRow {
  /** Id of the beneficiary. */
  beneficiary: string;
  beneficiary_name: string;
  facility_kind: FacilityKind;
  /** The line's domain, when it has one. */
  domain?: ThematicDomain;
  /** The line's label, when it has one (what tells two lines of one beneficiary and kind apart). */
  label?: string;
  year: number;
  planned: Money;
  /** What was paid, `null` when not known (absent is not zero). */
  paid: Money | null;
  /** `planned − paid` in euros, signed (`"1800.00"`, `"-200.00"`), `null` when paid is not known. */
  gap: string | null;
}

/** One year, planned against paid. */
export interface YearExecution {
  /** What was planned that year. */
  planned: Money;
  /** What was paid on the lines that say, `null` when no line says. */
  paid: Money | null;
  /** How many lines have a planned amount that year. */
  lines: number;
  /** How many of them say what was paid. */
  lines_paid_known: number;
  /** `planned − paid` on the lines where paid is known (signed), `null` when none is. */
  gap: string | null;
}

/** Funding planned against paid, by line and year and by year (`execution()`). */
export interface Execution {
  rows: ExecutionRow[];
  /** Per year of the period (`"2024"`). */
  by_year: Record<string, YearExecution>;
}

/** An action sheet whose schedule has ended without it being done or abandoned. */
export interface LateSheet {
  number: number;
  title: string;
  /** The end of its schedule. */
  end: string;
  status: ActionStatus;
}

/** The yearly evaluation of a convention, and core's text of it (`evaluation()`). */
export interface EvaluationResult {
  /** The convention's id. */
  convention: string;
  /** The year evaluated. */
  year: number;
  /** The day things are judged on: the end of the year, or `today` when earlier. */
  as_of: string;
  /** The sheet numbers by status (only the statuses that have sheets). */
  sheets_by_status: Partial<Record<ActionStatus, number[]>>;
  /** The sheets late on `as_of`. */
  late: LateSheet[];
  /** Every indicator on `as_of`. */
  indicators: IndicatorProgress[];
  /** The year's funding, planned against paid; `null` without a funding section. */
  funding: YearExecution | null;
  /** The year's funding lines. */
  funding_rows: ExecutionRow[];
  /** The evaluation in words, in the language of the call (core's `Evaluation::to_text`). */
  text: string;
}

/** When one convention of `expiries()` ends: its report, and when it is valid its end. */
export type Expiry =
  | {
      report: Report;
      id: string;
      title: string;
      /** The day it ends: its termination, or the last day of its period. */
      end_date: string;
      /** Whole months from the day asked until `end_date`; negative once it has ended. */
      months_before_expiry: number;
    }
  | { report: Report; id?: undefined; title?: undefined; end_date?: undefined; months_before_expiry?: undefined };

/** A change found by `diff()`: core's change, and for an amount its `difference` (`after − before`, signed, absent counting as zero). */
export type DiffChange = Exclude<Change, { kind: "amount" }> | (Extract<Change, { kind: "amount" }> & { difference: string });

/** What `diff()` returns: the changes that turn the first convention into the second, the other fields that differ, and core's text. */
export interface DiffResult {
  /** In the order: period, parties, domains, stakes, objectives, action sheets, beneficiaries, amounts, declared totals. */
  changes: DiffChange[];
  /** The other top-level fields that differ, by name (`"title"`, `"signature"`…). */
  fields: string[];
  /** One line per change in the language of the call (`Diff::to_text`); "no difference" when the two are the same. */
  text: string;
}

/** An action sheet by number and title. */
export interface SheetRef {
  number: number;
  title: string;
}

/** How the envelope moved from one convention to the next (`null` when a convention has no funding). */
export interface Envelope {
  previous_total: Money | null;
  next_total: Money | null;
  /** The total over the years of the period, to the cent. */
  previous_yearly_average: Money | null;
  next_yearly_average: Money | null;
  /** New average minus previous average, in euros, signed. */
  yearly_average_change: string | null;
}

/** What `renewal()` returns: core's `Renewal` and its text. */
export interface RenewalResult {
  /** The previous convention: its id and period. */
  previous: [string, Period];
  /** The new convention: its id and period. */
  next: [string, Period];
  /** The sheets that continue (matched by title): their numbers before and after. */
  continued: Array<{ previous: number; next: number; title: string }>;
  /** The new sheets. */
  started: SheetRef[];
  /** The sheets that stopped. */
  stopped: SheetRef[];
  /** The parties that joined, by name. */
  joined: string[];
  /** The parties that left, by name. */
  left: string[];
  domains_added: ThematicDomain[];
  domains_removed: ThematicDomain[];
  envelope: Envelope;
  /** The new convention lists no action sheet (its source may not give them). */
  next_has_no_sheets: boolean;
  /** The renewal in words, in the language of the call (`Renewal::to_text`). */
  text: string;
}

/** The convention in force on a day (`asOf()`): its text with the amendments of that day or before applied (and no amendment of its own), those amendments, and the later ones. */
export interface InForce {
  convention: Convention;
  /** The amendments applied, in the order of their dates, then numbers. */
  applied: Amendment[];
  /** The amendments dated after the day. */
  pending: Amendment[];
}

/**
 * The funding line and year `withAmount()` sets: the line is found by its beneficiary, facility
 * kind, domain and label (as `AllocationKey` in core); `amount: null` removes the amount of that
 * year (a line left empty is removed).
 */
export interface AmountLine {
  beneficiary: string;
  facility_kind: FacilityKind;
  domain?: ThematicDomain;
  label?: string;
  year: number;
  amount: AmountInput | null;
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
  /** The day of `status`, of the summaries, of `asOf`, `evaluation` and the expiries: `"YYYY-MM-DD"` or a `Date` (its day in local time); default: today. */
  today?: string | Date;
}

/** The options of `build()`. */
export interface BuildOptions extends Options {
  /** Declare the totals the allocations add up to (each year of the period and the whole); the parts must then declare none. */
  declare_totals?: boolean;
}

/** The options of `withAmount()`. */
export interface AmountOptions extends Options {
  /** Restate the declared totals from the allocations (as the text of an amendment would); without it a changed amount that breaks a declared total is refused. */
  restate_totals?: boolean;
}

/** The options of `indicatorProgress()`. */
export interface ProgressOptions extends Options {
  /** Read the indicators as they stood on this day (later measurements not counted); default: every measurement. */
  at?: string | Date;
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
  /** For `diff` and `renewal`, which convention the issues are about. */
  argument?: "before" | "after" | "previous" | "next";
}

/** The raw result of the wasm exports (the public API unwraps it). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: CtgErrorData };

/** A JSON Schema (draft 2020-12) document. */
export interface JsonSchema {
  $schema: string;
  title: string;
  [keyword: string]: unknown;
}
