// The types of portfolios (`loadPortfolios()`, `@ctg/wasm/portfolio`; with the geography,
// `geography.portfolio()`): core's portfolio types as their serde form — snake_case keys, money
// as strings with two decimals, shares as strings with four, dates "YYYY-MM-DD".

import type { ConventionStatusCode } from "./catalogue.js";
import type { CtgInput, Money, Options, Report } from "./types.js";
import type { Vintage } from "./geo-types.js";

/** What a document's report says of it. */
export type Verdict = "valid" | "invalid" | "unreadable";

/** One document of a portfolio: where it comes from, its verdict and its report. */
export interface PortfolioEntry {
  source: string;
  verdict: Verdict;
  report: Report;
}

/** How many documents, valid, invalid, unreadable. */
export interface PortfolioCounts {
  documents: number;
  valid: number;
  invalid: number;
  unreadable: number;
}

/**
 * One row of `conventions(date)`: a document, valid or not, and what its convention says at the
 * date. What a document that is not valid cannot give is `null`; so is every figure that needs
 * the geography in a portfolio without it (`region`, `communes`, `population`).
 */
export interface ConventionRow {
  source: string;
  verdict: Verdict;
  errors: number;
  warnings: number;
  id: string | null;
  title: string | null;
  /** The signing EPCI's name; else the main signing commune's; else the first party's that is not a Caf. */
  territory: string | null;
  /** SIREN of the signing EPCI. */
  epci: string | null;
  departement: string | null;
  region: string | null;
  status: ConventionStatusCode | null;
  first_year: number | null;
  last_year: number | null;
  signed_on: string | null;
  /** Whole months from the date until it ends (negative once ended). */
  months_before_expiry: number | null;
  /** The sum of its allocations; `null` without a funding section (absent is not zero). */
  envelope: Money | null;
  communes: number | null;
  population: number | null;
}

/** The conventions of a département, a région or an EPCI, and their funding. */
export interface GroupTotals {
  name: string | null;
  conventions: number;
  total: Money;
  by_year: Record<string, Money>;
}

/** Exact totals across the valid conventions with funding. Keys `"unassigned"` gather what has no département, région or EPCI. */
export interface PortfolioTotals {
  conventions: number;
  excluded: { invalid: number; unreadable: number; without_funding: number; overflow: string[] };
  total: Money;
  by_year: Record<string, Money>;
  by_domain: Record<string, Money>;
  by_facility_kind: Record<string, Money>;
  coordination: Money;
  /** `coordination / total` to 4 decimals; `null` when the total is 0. */
  coordination_share: string | null;
  by_departement: Record<string, GroupTotals>;
  by_region: Record<string, GroupTotals>;
  by_epci: Record<string, GroupTotals>;
}

/** The coverage of an area: the whole reference, or a département. */
export interface AreaCoverage {
  name: string | null;
  region: string | null;
  conventions_in_force: number;
  communes: number;
  population: number;
  reference_communes: number;
  reference_population: number;
  communes_share: string | null;
  population_share: string | null;
}

/** A commune covered by two or more conventions in force at once. */
export interface Overlap {
  insee: string;
  name: string;
  departement: string;
  population: number | null;
  conventions: string[];
  sources: string[];
}

/** The communes and population covered by a convention in force at a date, each commune once. */
export interface PortfolioCoverage {
  vintage: Vintage;
  date: string;
  conventions_in_force: number;
  national: AreaCoverage;
  by_departement: Record<string, AreaCoverage>;
  overlaps: Overlap[];
  incomplete: string[];
  decimals: number;
  rounding: string;
}

/** A portfolio at a date: counts, statuses, what expires this year, totals and (with the geography) coverage. */
export interface PortfolioSummary {
  date: string;
  counts: PortfolioCounts;
  by_status: Record<ConventionStatusCode, number>;
  expiring: string[];
  totals: PortfolioTotals;
  coverage: PortfolioCoverage | null;
}

/** The options of a portfolio: `lang`, `limits` (of each document) and the most documents validated (default 100 000). */
export interface PortfolioOptions extends Options {
  max_documents?: number;
}

/** A document of `portfolio()`: its source (a file name) and the document (JSON text, bytes or a JSON value). */
export type PortfolioDocument = readonly [source: string, document: CtgInput | ArrayBuffer];

/**
 * Many conventions at once, held in the wasm module: read it as often as needed, then `free()` it
 * (the garbage collector frees it otherwise). A day argument is `"YYYY-MM-DD"` or a `Date`,
 * default `options.today`, else today.
 */
export interface Portfolio {
  /** The number of entries. */
  readonly length: number;
  /** Every document, valid or not, in input order, with its report (messages in `options.lang`). */
  entries(options?: Options): PortfolioEntry[];
  counts(): PortfolioCounts;
  /** One row per document, in input order. */
  conventions(date?: string | Date, options?: Options): ConventionRow[];
  totals(): PortfolioTotals;
  /** With the geography only (`geography.portfolio()`); throws `argument.invalid` otherwise. */
  coverage(date?: string | Date, options?: Options): PortfolioCoverage;
  summary(date?: string | Date, options?: Options): PortfolioSummary;
  /** The summary as core writes it (`ctg report`), in `options.lang`. */
  toText(date?: string | Date, options?: Options): string;
  /** Frees the portfolio in the wasm module; reading it afterwards throws `argument.invalid`. */
  free(): void;
}

/** What builds portfolios: validated one document after the other, on the calling thread. */
export interface Portfolios {
  /** A portfolio of `[source, document]` pairs (file names and their bytes or text). */
  portfolio(documents: readonly PortfolioDocument[], options?: PortfolioOptions): Portfolio;
  /** A portfolio of a JSON Lines text (or its bytes): one document a line, sources `line N`, blank lines skipped. */
  portfolioFromJsonLines(text: string | Uint8Array | ArrayBuffer, options?: PortfolioOptions): Portfolio;
}
