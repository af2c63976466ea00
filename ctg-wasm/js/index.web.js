// Browser / bundler entry point (wasm-bindgen `--target web`): call `await init()` once first.
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm.js";
import * as raw from "./web/ctg_wasm.js";
import { CtgError, initFailed, makeApi } from "./api.js";

let ready = false;
const api = makeApi(raw, () => ready);

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

/** wasm-bindgen's `{module_or_path}` / `{module}` object, or the bare input. */
function bare(input, key) {
  return input !== null && typeof input === "object" && Object.getPrototypeOf(input) === Object.prototype && key in input
    ? input[key]
    : input;
}

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
  if (ready) return;
  try {
    const source = bare(await input, "module_or_path");
    await wbgInit(source === undefined ? undefined : { module_or_path: source });
  } catch (error) {
    throw initFailed(error);
  }
  ready = true;
}

/**
 * Instantiates the wasm module synchronously from its bytes or a compiled module; throws a
 * `CtgError` (`init.failed`) when they are not the module.
 */
export function initSync(module) {
  if (ready) return;
  try {
    wbgInitSync({ module: bare(module, "module") });
  } catch (error) {
    throw initFailed(error);
  }
  ready = true;
}
