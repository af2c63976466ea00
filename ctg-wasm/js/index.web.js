// Browser / bundler entry point (wasm-bindgen `--target web`): call `await init()` once first.
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm.js";
import * as raw from "./web/ctg_wasm.js";
import { CtgError, makeApi } from "./api.js";

let ready = false;
const api = makeApi(raw, () => ready);

export const { validate, parse, totals, formatAmount, parseAmount, schema } = api;
export { CtgError };

/**
 * Loads the wasm module (by default `web/ctg_wasm_bg.wasm` next to this file). Idempotent.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export default async function init(input) {
  if (ready) return;
  await wbgInit(input === undefined ? undefined : { module_or_path: input });
  ready = true;
}

/** Instantiates the wasm module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  if (ready) return;
  wbgInitSync({ module });
  ready = true;
}
