// The tables API (`@ctg/wasm/tables`, or `loadTables()`) over the raw exports of the tables
// module: like api.js it only unwraps the `{ok, value | error}` outcomes into values or thrown
// `CtgError`s. Every header, label, number writing, rule and message is ctg-tables' or core's,
// computed inside the wasm module.
import { makeRunner } from "./api.js";

/**
 * The `Tables` object over a raw tables module; `ready()` says whether it is instantiated.
 * @returns {import("./tables-types").Tables}
 */
export function makeTables(raw, ready = () => true) {
  const { run } = makeRunner(raw, ready, "call and await loadTables() (or init() of @ctg/wasm/tables) before using the tables");
  return Object.freeze({
    toCsv: (input, options) => run("tablesExport", "csv", input, options),
    toXlsx: (input, options) => run("tablesExport", "xlsx", input, options),
    toScdl: (conventions, options) => run("scdl", conventions, options),
    importTables: (files, options) => run("tablesImport", files, options),
    readScdl: (file, options) => run("scdlRead", file, options),
    matchGrants: (grants, conventions, options) => run("scdlMatch", grants, conventions, options),
  });
}
