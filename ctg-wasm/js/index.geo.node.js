// Node.js entry point of the geography module (`@ctg/wasm/geo`): loads it synchronously
// (wasm-bindgen `--target nodejs`). `loadGeography()` of `@ctg/wasm` imports it on first use.
import { createRequire } from "node:module";
import { register } from "./api.js";
import { makeGeography } from "./geo.js";

const require = createRequire(import.meta.url);
const raw = require("./node/ctg_wasm_geo.js");
register(raw);
const geo = makeGeography(raw);
// Parse the embedded reference now (once), not on the first lookup.
void geo.vintage;

/** The official geography (the COG 2026 embedded in this module). */
export function geography() {
  return geo;
}

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default async function init() {}
export function initSync() {}
