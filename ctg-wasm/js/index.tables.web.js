// Browser / bundler entry point of the tables module (`@ctg/wasm/tables`, wasm-bindgen
// `--target web`): ctg-tables with its own copy of ctg-core (about 810 KB gzipped),
// fetched only when a page asks for it (`loadTables()` of `@ctg/wasm` imports this file).
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm_tables.js";
import * as raw from "./web/ctg_wasm_tables.js";
import { onDemand } from "./api.js";
import { makeTables } from "./tables.js";

const loader = onDemand({
  raw,
  init: wbgInit,
  initSync: wbgInitSync,
  required: "call and await loadTables() (or init() of @ctg/wasm/tables) before using the tables",
});
const api = makeTables(raw, loader.isReady);

/**
 * The tables API; throws a `CtgError` of code `init.required` before `init()` (or
 * `loadTables()`) has resolved.
 */
export function tables() {
  loader.check();
  return api;
}

/**
 * Loads the tables module. Idempotent. `input` is where its `.wasm` is, as for the base
 * module's `init` (default: `web/ctg_wasm_tables_bg.wasm` next to this file). A failure rejects
 * with a `CtgError` of code `init.failed` whose `cause` is the original error; init() can then
 * be called again.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export default async function init(input) {
  await loader.init(input);
}

/** Instantiates the tables module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  loader.initSync(module);
}
