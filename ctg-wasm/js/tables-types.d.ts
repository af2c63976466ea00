// The types of the tables module (`loadTables()`, `@ctg/wasm/tables`): ctg-tables' results as
// their JSON form (snake_case keys, money as strings).

import type { Convention, CtgInput, Issue, Money, Options, Report, Totals } from "./types.js";

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

/**
 * One grant: one row of an SCDL *Subventions* 2.1.1 file, keyed by the standard's column names
 * in its order (ctg-tables' `scdl::COLUMNS`). Texts as written; `montant` and
 * `pourcentageSubvention` exact decimal strings (`"40800.00"`, `"1.00"`), `dateConvention`
 * `"YYYY-MM-DD"`; `null` when the file leaves them empty.
 */
export interface Grant {
  /** The Caf (or other body) that awards it. */
  nomAttribuant: string;
  /** Its SIRET, as written. */
  idAttribuant: string;
  /** The signature date (`null` when not given). */
  dateConvention: string | null;
  /** The convention's id when ctg wrote it. */
  referenceDecision: string;
  nomBeneficiaire: string;
  /** The beneficiary's SIRET, as written. */
  idBeneficiaire: string;
  /** Its RNA number (`W` and 9 digits), as written. */
  rnaBeneficiaire: string;
  /** What the grant is for (at most 256 characters). */
  objet: string;
  /** The amount, exact, with two decimals. */
  montant: Money;
  /** `"aide en numéraire"` or `"aide en nature"`. */
  nature: string;
  /** `"unique"`, `"échelonné"` or a description. */
  conditionsVersement: string;
  /** `"2024-01-01/2024-12-31"` or one date. */
  datesPeriodeVersement: string;
  idRAE: string;
  /** Whether the aid was notified to the European Commission (`oui`). */
  notificationUE: boolean;
  /** The share of the subsidised cost (`"1.00"`; `null` when not given). */
  pourcentageSubvention: string | null;
  dispositifAide: string;
}

/**
 * A grant given to `matchGrants`: a `Grant` as `readScdl` gives it, possibly edited; a column left
 * out is empty. `montant` is read as core reads an amount, `dateConvention` as a date,
 * `pourcentageSubvention` as a decimal.
 */
export type GrantInput = {
  [K in keyof Grant]?: K extends "montant" | "pourcentageSubvention"
    ? string | number | null
    : K extends "dateConvention"
      ? string | Date | null
      : K extends "notificationUE"
        ? boolean | null
        : string | null;
};

/** Options of `readScdl`. */
export interface ReadScdlOptions extends Options {
  /** The file's name: the issues are at its cells (`subventions!B2`; default `"subventions.csv"`). */
  name?: string;
}

/**
 * What reading an SCDL *Subventions* file gave: its grants (the rows whose `montant` could be
 * read, in the file's order) and every problem — the header, the standard's checks
 * (`french-siret-value`: `siret.invalid`, `siret.checksum`…; `one-of-required`:
 * `scdl.one_of_required`) and each cell's constraints (`scdl.value_invalid`,
 * `table.cell_missing`) — each issue's `ctx` with its `sheet`, `row` (1-based) and `column` (a
 * letter; no column for a whole row).
 */
export interface ScdlRead {
  grants: Grant[];
  issues: Issue[];
}

/** A grant matched to a beneficiary of a convention. */
export interface GrantMatch {
  /** The index of the grant in the array given to `matchGrants`. */
  grant: number;
  /** The id of the convention. */
  convention: string;
  /** The id of the beneficiary. */
  beneficiary: string;
  /** By the same SIRET, or by the same name (accents, case and punctuation aside) when neither side had a SIRET to compare. */
  by: "siret" | "name";
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
  /** Reads and checks a published SCDL *Subventions* 2.1.1 file (bytes, or its text). Never throws on data. */
  readScdl(file: Uint8Array | ArrayBuffer | string, options?: ReadScdlOptions): ScdlRead;
  /**
   * Matches grants (a département's, a Caf's published file) to the beneficiaries of one or
   * several valid conventions: by SIRET first (the beneficiary's, or that of the party it is),
   * then by name when neither side has a SIRET to compare and exactly one beneficiary bears it.
   * Grants that match nothing are left out.
   */
  matchGrants(grants: readonly GrantInput[], conventions: CtgInput | readonly CtgInput[], options?: Options): GrantMatch[];
}
