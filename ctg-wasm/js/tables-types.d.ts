// The types of the tables module (`loadTables()`, `@ctg/wasm/tables`): ctg-tables' results as
// their JSON form (snake_case keys, money as strings).

import type { Convention, CtgInput, Issue, Options, Report, Totals } from "./types.js";

/** What a table holds. */
export type TableShape = "funding_wide" | "funding_long" | "action_plan" | "parties";

/** Options of `toCsv` and `toXlsx`: `lang` (`"fr"`: `;`, decimal comma, a BOM; `"en"`: `,`, a decimal point) and the funding shape. */
export interface ExportOptions extends Options {
  /** `"wide"` (default: one row per allocation, one column per year, totals) or `"long"` (one row per allocation and year). */
  shape?: "wide" | "long" | "funding_wide" | "funding_long";
}

/** Options of `toCsv`: which table (default `"funding"`). */
export interface CsvOptions extends ExportOptions {
  table?: "funding" | "action_plan" | "parties";
}

/** Options of `toScdl`. */
export interface ScdlOptions extends Options {
  /** One row per beneficiary and year (`"yearly"`, default) or per beneficiary over the convention. */
  granularity?: "yearly" | "convention";
  /** The RNA number of beneficiaries (by their id), for associations published without SIRET. */
  rna?: Record<string, string>;
  /** `conditionsVersement` (default `"échelonné"`). */
  conditions?: string;
  /** `notificationUE` (default false: `non`). */
  notification_ue?: boolean;
  /** Write the file even when values are missing (empty cells), instead of throwing. */
  draft?: boolean;
}

/** A table file: its name (a CSV's sheet is its name without extension) and its bytes. */
export interface TableFile {
  name: string;
  bytes: Uint8Array | ArrayBuffer | string;
}

/** Options of `importTables`. */
export interface ImportOptions extends Options {
  /** The document the tables go into (each section a table gives replaces its own). */
  into?: CtgInput;
  /** Read every table as this shape instead of recognising it by its header. */
  shape?: "wide" | "long" | TableShape;
}

/** A table found by an import. */
export interface TableInfo {
  file: string;
  sheet: string;
  shape: TableShape;
  /** 1-based, as the spreadsheet shows it (rows above are titles). */
  header_row: number;
}

/**
 * What reading tables gave: the document, every problem met reading them (each issue's `ctx`
 * has `sheet`, `row` (1-based) and `column` (a letter) when it has them), the tables found, and
 * the report of the import then validation (each validation issue at the cell its path comes
 * from); when that report is valid, the convention and its totals (`null` without funding).
 */
export interface Imported {
  document: { [key: string]: unknown };
  tables: TableInfo[];
  issues: Issue[];
  report: Report;
  convention?: Convention;
  totals?: Totals | null;
}

/** Spreadsheets and open data: every header, label, number writing, rule and message is ctg-tables' or core's. */
export interface Tables {
  /** One table of a valid convention as CSV bytes (throws its issues when it is not valid). */
  toCsv(convention: CtgInput, options?: CsvOptions): Uint8Array;
  /** A valid convention's tables (funding when it has one, action plan, parties) as an `.xlsx` workbook's bytes: money as numbers with a currency format, totals as `SUM` formulas. */
  toXlsx(convention: CtgInput, options?: ExportOptions): Uint8Array;
  /** The SCDL *Subventions* 2.1.1 CSV (UTF-8 bytes) of one or several valid conventions; throws a `CtgError` with what is missing to publish unless `draft`. */
  toScdl(conventions: CtgInput | readonly CtgInput[], options?: ScdlOptions): Uint8Array;
  /** Reads table files (CSV, `.xlsx`, `.ods`) into a document and validates it. Never throws on data. */
  importTables(files: TableFile | readonly TableFile[], options?: ImportOptions): Imported;
}
