// Node.js entry point: loads the wasm module synchronously (wasm-bindgen `--target nodejs`).
import { createRequire } from "node:module";
import { CtgError, initFailed, makeApi, register } from "./api.js";

const require = createRequire(import.meta.url);
const raw = require("./node/ctg_wasm.js");
const api = makeApi(raw);
register(raw);

export const {
  validate,
  check,
  parse,
  totals,
  status,
  indicatorProgress,
  indicatorRows,
  execution,
  evaluation,
  monthsBeforeExpiry,
  expiries,
  build,
  declaredTotalsFrom,
  spreadAmount,
  nextActionSheetNumber,
  withAmount,
  withActionSheet,
  withoutActionSheet,
  withParty,
  withoutParty,
  withPeriod,
  applyChanges,
  asOf,
  diff,
  renewal,
  conventionHtml,
  conventionText,
  reportHtml,
  parseAmount,
  formatAmount,
  split,
  splitEvenly,
  setLanguage,
  getLanguage,
} = api;
export { CtgError };
export { ISSUE_CODES, ISSUE_SEVERITIES, DEFAULT_LIMITS } from "./catalogue.js";
export { schema } from "./schema.js";

/**
 * The official geography (the COG 2026, in its own module `@ctg/wasm/geo`, loaded on the first
 * call): lookups, names as people write them, validation with the `geo.*` rules, coverage.
 * Rejects with a `CtgError` of code `init.failed` when the module cannot be loaded.
 */
export async function loadGeography() {
  let geo;
  try {
    geo = await import("./index.geo.node.js");
  } catch (error) {
    throw initFailed(error);
  }
  return geo.geography();
}

/**
 * Spreadsheets and open data (ctg-tables, in its own module `@ctg/wasm/tables`, loaded on the
 * first call): a convention's tables as CSV or `.xlsx` bytes, tables read back into a document
 * with every issue at its cell, SCDL *Subventions* CSV. Rejects with a `CtgError` of code
 * `init.failed` when the module cannot be loaded.
 */
export async function loadTables() {
  let tables;
  try {
    tables = await import("./index.tables.node.js");
  } catch (error) {
    throw initFailed(error);
  }
  return tables.tables();
}

/**
 * Portfolios — many conventions at once: rows, totals, summary — in their own module
 * (`@ctg/wasm/portfolio`, loaded on the first call), without the geography (`loadGeography()`
 * gives portfolios with it, and their coverage).
 */
export async function loadPortfolios() {
  let module;
  try {
    module = await import("./index.portfolio.node.js");
  } catch (error) {
    throw initFailed(error);
  }
  return module.portfolios();
}

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default async function init() {}
export function initSync() {}
