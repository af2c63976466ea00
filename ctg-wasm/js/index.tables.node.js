// Node.js entry point of the tables module (`@ctg/wasm/tables`): loads it synchronously
// (wasm-bindgen `--target nodejs`). `loadTables()` of `@ctg/wasm` imports it on first use.
import { createRequire } from "node:module";
import { register } from "./api.js";
import { makeTables } from "./tables.js";

const require = createRequire(import.meta.url);
const raw = require("./node/ctg_wasm_tables.js");
register(raw);
const api = makeTables(raw);

/** CSV, `.xlsx` and SCDL out of conventions, tables into documents (ctg-tables). */
export function tables() {
  return api;
}

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default async function init() {}
export function initSync() {}
