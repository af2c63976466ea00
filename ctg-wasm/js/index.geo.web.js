// Browser / bundler entry point of the geography module (`@ctg/wasm/geo`, wasm-bindgen
// `--target web`): a second module, the COG 2026 embedded in it with its own copy of ctg-core,
// fetched only when a page asks for it (`loadGeography()` of `@ctg/wasm` imports this file).
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm_geo.js";
import * as raw from "./web/ctg_wasm_geo.js";
import { bare, CtgError, initFailed, register } from "./api.js";
import { makeGeography } from "./geo.js";

let ready = false;
const geo = makeGeography(raw, () => ready);

/** Instantiated: the language set so far, and the embedded reference parsed once. */
function started() {
  ready = true;
  register(raw);
  void geo.vintage;
}

/**
 * The official geography; throws a `CtgError` of code `init.required` before `init()` (or
 * `loadGeography()`) has resolved.
 */
export function geography() {
  if (!ready) {
    throw new CtgError({
      code: "init.required",
      path: "",
      message: "call and await loadGeography() (or init() of @ctg/wasm/geo) before using the geography",
      issues: [],
    });
  }
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
  if (ready) return;
  try {
    const source = bare(await input, "module_or_path");
    await wbgInit(source === undefined ? undefined : { module_or_path: source });
  } catch (error) {
    throw initFailed(error);
  }
  started();
}

/** Instantiates the geography module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  if (ready) return;
  try {
    wbgInitSync({ module: bare(module, "module") });
  } catch (error) {
    throw initFailed(error);
  }
  started();
}
