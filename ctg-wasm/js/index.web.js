// Browser / bundler entry point (wasm-bindgen `--target web`): call `await init()` once first.
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm.js";
import * as raw from "./web/ctg_wasm.js";
import { CtgError, initFailed, makeApi, onDemand } from "./api.js";

// The base module loads as the on-demand ones do (api.js `onDemand`); before it is instantiated,
// every call throws `init.required` (makeApi's message, repeated for `check()`).
const base = onDemand({
  raw,
  init: wbgInit,
  initSync: wbgInitSync,
  required: "call and await init() before using ctg (web build)",
});
const api = makeApi(raw, base.isReady);

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
 * Loads the wasm module. Idempotent. `input` is where it is: a URL or URL string (what esbuild's
 * `file` loader or Vite's `?url` import give; by default `web/ctg_wasm_bg.wasm` next to this
 * file), a `Request`, a `Response` (or a promise of one, e.g. `fetch(…)`), the bytes (a
 * `BufferSource`, e.g. esbuild's `binary` loader) or a compiled `WebAssembly.Module`. A failure
 * (unreachable URL, not a wasm module…) rejects with a `CtgError` of code `init.failed` whose
 * `cause` is the original error; init() can then be called again.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export default async function init(input) {
  await base.init(input);
}

/**
 * Instantiates the wasm module synchronously from its bytes or a compiled module; throws a
 * `CtgError` (`init.failed`) when they are not the module.
 */
export function initSync(module) {
  base.initSync(module);
}

/**
 * The official geography (the COG 2026), in its own module (`@ctg/wasm/geo`: its JS and its
 * `.wasm`, about 1 MB gzipped, fetched on this first call, not before): lookups, names as people
 * write them, validation with the `geo.*` rules, coverage. `input` says where its `.wasm` is, as
 * for `init` (default: `web/ctg_wasm_geo_bg.wasm` next to the module; with esbuild, the URL of
 * `@ctg/wasm/ctg_wasm_geo_bg.wasm`). Needs no `init()` of this module. Rejects with a `CtgError`
 * of code `init.failed` when the module cannot be loaded; it can then be called again.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export async function loadGeography(input) {
  let geo;
  try {
    geo = await import("./index.geo.web.js");
  } catch (error) {
    throw initFailed(error);
  }
  await geo.default(input);
  return geo.geography();
}

/**
 * Spreadsheets and open data (ctg-tables), in their own module (`@ctg/wasm/tables`: its JS and
 * its `.wasm`, about 810 KB gzipped, fetched on this first call, not before): a convention's
 * tables as CSV or `.xlsx` bytes, tables read back into a document with every issue at its cell,
 * SCDL *Subventions* CSV. `input` says where its `.wasm` is, as for `init` (default:
 * `web/ctg_wasm_tables_bg.wasm` next to the module). Needs no `init()` of this module. Rejects
 * with a `CtgError` of code `init.failed` when the module cannot be loaded; it can then be called
 * again.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export async function loadTables(input) {
  let tables;
  try {
    tables = await import("./index.tables.web.js");
  } catch (error) {
    throw initFailed(error);
  }
  await tables.default(input);
  return tables.tables();
}

/**
 * Portfolios — many conventions at once: rows, totals, summary — in their own module
 * (`@ctg/wasm/portfolio`, about 285 KB gzipped, fetched on this first call), without the
 * geography (`loadGeography()` gives portfolios with it, and their coverage). `input` says where
 * its `.wasm` is, as for `init` (default: `web/ctg_wasm_portfolio_bg.wasm` next to the module).
 * Rejects with a `CtgError` of code `init.failed` when the module cannot be loaded.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export async function loadPortfolios(input) {
  let module;
  try {
    module = await import("./index.portfolio.web.js");
  } catch (error) {
    throw initFailed(error);
  }
  await module.default(input);
  return module.portfolios();
}
