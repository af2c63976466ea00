// The public API over the raw wasm-bindgen exports. It only unwraps the `{ok, value | error}`
// outcomes the wasm module returns into values or thrown `CtgError`s: every rule, total, limit,
// format and message is computed by ctg-core inside the wasm module.

/** The error thrown by `parse`, `totals`, `status`, the amount functions and bad arguments. */
export class CtgError extends Error {
  /**
   * @param {import("./types").CtgErrorData} error
   * @param {ErrorOptions} [options]
   */
  constructor(error, options) {
    super(error.message, options);
    this.name = "CtgError";
    /** Code of the first error (`"amount.negative"`, `"field.missing"`, `"argument.invalid"`…). */
    this.code = error.code;
    /** Path of the first error (`"funding.allocations[3].amounts.2024"`; `""` is the whole document). */
    this.path = error.path;
    /** Every issue found (errors, warnings, informations). */
    this.issues = error.issues;
    /** For a call that takes two conventions (`diff`, `renewal`): which one the issues are about. */
    if (error.argument !== undefined) this.argument = error.argument;
  }
}

function internal(message, cause) {
  return new CtgError({ code: "internal", path: "", message, issues: [] }, { cause });
}

function unwrap(outcome) {
  if (outcome !== null && typeof outcome === "object") {
    if (outcome.ok === true) return outcome.value;
    if (outcome.ok === false) throw new CtgError(outcome.error);
  }
  throw internal("the wasm module returned no outcome");
}

/** The error a failed `init()`/`initSync()` throws: code `init.failed`, the reason as `cause`. */
export function initFailed(error) {
  const reason = error && error.message ? error.message : String(error);
  return new CtgError(
    { code: "init.failed", path: "", message: `ctg could not load its WebAssembly module: ${reason}`, issues: [] },
    { cause: error },
  );
}

/** wasm-bindgen's `{module_or_path}` / `{module}` object, or the bare input. */
export function bare(input, key) {
  return input !== null && typeof input === "object" && Object.getPrototypeOf(input) === Object.prototype && key in input
    ? input[key]
    : input;
}

// The modules instantiated so far (the base module, the geography module: each a whole core
// with its own language), and the language set last: `setLanguage` sets it in every one, and a
// module instantiated later gets it when it registers.
const modules = new Set();
let language;

/** Says that a raw module is instantiated: it takes the language set so far. */
export function register(raw) {
  if (language !== undefined) raw.setLanguage(language);
  modules.add(raw);
}

/**
 * The calls into one raw module. `ready()` says whether it is instantiated; `what` names it in
 * the error thrown before (`init()`, or `loadGeography()`). A failure inside the wasm module
 * (which would be a bug: it has no panic path by design and reads every value of the caller
 * through calls that catch) is rethrown as a `CtgError` with code `internal`, never as a bare
 * string or a RuntimeError.
 */
export function makeRunner(raw, ready = () => true, what = "call and await init() before using ctg (web build)") {
  const call = (name, args) => {
    if (!ready()) {
      throw new CtgError({ code: "init.required", path: "", message: what, issues: [] });
    }
    let outcome;
    try {
      outcome = raw[name](...args);
    } catch (error) {
      throw internal(`ctg wasm ${name} failed: ${error && error.message ? error.message : error}`, error);
    }
    return outcome;
  };
  return { call, run: (name, ...args) => unwrap(call(name, args)) };
}

/** Sets the language in every module instantiated (core reads the name in the first of them). */
function setLanguageEverywhere(own, ready, lang) {
  const home = ready() ? own : modules.values().next().value;
  const set = makeRunner(home ?? own, home ? () => true : ready).run("setLanguage", lang);
  language = set;
  for (const raw of modules) if (raw !== home) raw.setLanguage(set);
}

/** Builds the API over the raw exports. `ready()` says whether the wasm module is instantiated. */
export function makeApi(raw, ready = () => true) {
  const { call, run } = makeRunner(raw, ready);
  return {
    validate: (input, options) => run("validate", input, options),
    check: (input, options) => run("check", input, options),
    parse: (input, options) => run("parse", input, options),
    totals: (input, options) => run("totals", input, options),
    status: (input, today, options) => run("status", input, today, options),
    indicatorProgress: (input, options) => run("indicatorProgress", input, options),
    indicatorRows: (input, options) => run("about", "indicatorRows", input, undefined, options),
    execution: (input, options) => run("about", "execution", input, undefined, options),
    evaluation: (input, year, options) => run("about", "evaluation", input, year, options),
    monthsBeforeExpiry: (input, date, options) => run("about", "monthsBeforeExpiry", input, date, options),
    expiries: (inputs, date, options) => run("expiries", inputs, date, options),
    build: (parts, options) => run("build", parts, options),
    declaredTotalsFrom: (allocations, period, options) => run("declaredTotalsFrom", allocations, period, options),
    spreadAmount: (amount, period, options) => run("spreadAmount", amount, period, options),
    nextActionSheetNumber: (input, options) => run("about", "nextActionSheetNumber", input, undefined, options),
    withAmount: (input, line, options) => run("edit", "withAmount", input, line, options),
    withActionSheet: (input, sheet, options) => run("edit", "withActionSheet", input, sheet, options),
    withoutActionSheet: (input, number, options) => run("edit", "withoutActionSheet", input, number, options),
    withParty: (input, party, options) => run("edit", "withParty", input, party, options),
    withoutParty: (input, id, options) => run("edit", "withoutParty", input, id, options),
    withPeriod: (input, period, options) => run("edit", "withPeriod", input, period, options),
    applyChanges: (input, changes, options) => run("edit", "applyChanges", input, changes, options),
    asOf: (input, date, options) => run("about", "asOf", input, date, options),
    diff: (before, after, options) => run("diff", before, after, options),
    renewal: (previous, next, options) => run("renewal", previous, next, options),
    conventionHtml: (input, options) => run("conventionHtml", input, options),
    conventionText: (input, options) => run("conventionText", input, options),
    reportHtml: (input, options) => run("reportHtml", input, options),
    parseAmount: (value, options) => run("parseAmount", value, options),
    formatAmount: (value, langOrOptions) => run("formatAmount", value, langOrOptions),
    split: (amount, weights, options) => run("split", amount, weights, options),
    splitEvenly: (amount, parts, options) => run("splitEvenly", amount, parts, options),
    setLanguage: (lang) => setLanguageEverywhere(raw, ready, lang),
    getLanguage: () => (ready() || modules.size === 0 ? call("getLanguage", []) : modules.values().next().value.getLanguage()),
  };
}

/**
 * The loading of a module a page fetches on demand (`@ctg/wasm/geo`, `/tables`, `/portfolio`,
 * wasm-bindgen `--target web`): `init(input)` (idempotent; a failure rejects with a `CtgError`
 * of code `init.failed` whose `cause` is the original error, and init() can be called again),
 * `initSync(module)`, `isReady()`, and `check()`, which throws a `CtgError` of code
 * `init.required` with `required` as its message until the module is instantiated. Once it is,
 * the module takes the language set so far, then `started()` runs.
 */
export function onDemand({ raw, init: wbgInit, initSync: wbgInitSync, required, started }) {
  let ready = false;
  const start = () => {
    ready = true;
    register(raw);
    if (started) started();
  };
  return {
    isReady: () => ready,
    check() {
      if (!ready) throw new CtgError({ code: "init.required", path: "", message: required, issues: [] });
    },
    async init(input) {
      if (ready) return;
      try {
        const source = bare(await input, "module_or_path");
        await wbgInit(source === undefined ? undefined : { module_or_path: source });
      } catch (error) {
        throw initFailed(error);
      }
      start();
    },
    initSync(module) {
      if (ready) return;
      try {
        wbgInitSync({ module: bare(module, "module") });
      } catch (error) {
        throw initFailed(error);
      }
      start();
    },
  };
}
