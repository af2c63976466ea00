// Browser / bundler entry point of the geography module (`@ctg/wasm/geo`, wasm-bindgen
// `--target web`): a second module, the COG 2026 embedded in it with its own copy of ctg-core,
// fetched only when a page asks for it (`loadGeography()` of `@ctg/wasm` imports this file).
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm_geo.js";
import * as raw from "./web/ctg_wasm_geo.js";
import { onDemand } from "./api.js";
import { makeGeography } from "./geo.js";

const loader = onDemand({
  raw,
  init: wbgInit,
  initSync: wbgInitSync,
  required: "call and await loadGeography() (or init() of @ctg/wasm/geo) before using the geography",
  // The embedded reference parsed once, when the module is instantiated.
  started: () => void geo.vintage,
});
const geo = makeGeography(raw, loader.isReady);

/**
 * The official geography; throws a `CtgError` of code `init.required` before `init()` (or
 * `loadGeography()`) has resolved.
 */
export function geography() {
  loader.check();
  return geo;
}

/**
 * Loads the geography module. Idempotent. `input` is where its `.wasm` is, as for the base
 * module's `init` (default: `web/ctg_wasm_geo_bg.wasm` next to this file). A failure rejects
 * with a `CtgError` of code `init.failed` whose `cause` is the original error; init() can then
 * be called again.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export default async function init(input) {
  await loader.init(input);
}

/** Instantiates the geography module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  loader.initSync(module);
}
