import type { Geography } from "./geo-types.js";
import type { Portfolios } from "./portfolio-types.js";
import type { Tables } from "./tables-types.js";

export * from "./index.js";

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default function init(): Promise<void>;
export declare function initSync(): void;

/**
 * The official geography (the COG 2026), in its own module (`@ctg/wasm/geo`, loaded on this
 * first call): lookups, names as people write them, validation with the `geo.*` rules, coverage.
 */
export declare function loadGeography(): Promise<Geography>;

/**
 * Spreadsheets and open data (ctg-tables), in their own module (`@ctg/wasm/tables`, about 810 KB
 * gzipped, loaded on this first call): a convention's tables as CSV or `.xlsx` bytes, tables read
 * back into a document with every issue at its cell, SCDL *Subventions* CSV. Rejects with a
 * `CtgError` of code `"init.failed"` when it cannot be loaded.
 */
export declare function loadTables(): Promise<Tables>;

/**
 * Portfolios (many conventions at once: rows, totals, summary) without the geography, in their
 * own module (`@ctg/wasm/portfolio`, loaded on this first call); `loadGeography()` gives them with
 * the geography and the coverage. Rejects with a `CtgError` of code `"init.failed"` when it
 * cannot be loaded.
 */
export declare function loadPortfolios(): Promise<Portfolios>;
