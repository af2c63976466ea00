// Browser / bundler entry point of the tables module (`@ctg/wasm/tables`, wasm-bindgen
// `--target web`): ctg-tables with its own copy of ctg-core (about 810 KB gzipped),
// fetched only when a page asks for it (`loadTables()` of `@ctg/wasm` imports this file).
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm_tables.js";
import * as raw from "./web/ctg_wasm_tables.js";
import { bare, CtgError, initFailed, register } from "./api.js";
import { makeTables } from "./tables.js";

let ready = false;
const api = makeTables(raw, () => ready);

/** Instantiated: it takes the language set so far. */
function started() {
  ready = true;
  register(raw);
}

/**
 * The tables API; throws a `CtgError` of code `init.required` before `init()` (or
 * `loadTables()`) has resolved.
 */
export function tables() {
  if (!ready) {
    throw new CtgError({
      code: "init.required",
      path: "",
      message: "call and await loadTables() (or init() of @ctg/wasm/tables) before using the tables",
      issues: [],
    });
  }
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
  if (ready) return;
  try {
    const source = bare(await input, "module_or_path");
    await wbgInit(source === undefined ? undefined : { module_or_path: source });
  } catch (error) {
    throw initFailed(error);
  }
  started();
}

/** Instantiates the tables module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  if (ready) return;
  try {
    wbgInitSync({ module: bare(module, "module") });
  } catch (error) {
    throw initFailed(error);
  }
  started();
}
