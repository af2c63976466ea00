// Node.js entry point: loads the wasm module synchronously (wasm-bindgen `--target nodejs`).
import { createRequire } from "node:module";
import { CtgError, makeApi } from "./api.js";

const require = createRequire(import.meta.url);
const raw = require("./node/ctg_wasm.js");
const api = makeApi(raw);

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

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default async function init() {}
export function initSync() {}
