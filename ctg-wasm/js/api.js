// The public API over the raw wasm-bindgen exports. It only unwraps the `{ok, value | error}`
// outcomes the wasm module returns into values or thrown `CtgError`s: every rule, total and format
// is computed by ctg-core inside the wasm module.

/** The error thrown by `parse`, `totals`, `formatAmount` and `parseAmount`. */
export class CtgError extends Error {
  /**
   * @param {{code: string, path: string, message: string, issues: import("./types").Issue[]}} error
   * @param {ErrorOptions} [options]
   */
  constructor(error, options) {
    super(error.message, options);
    this.name = "CtgError";
    /** Stable code of the first error (`"amount.negative"`, `"field.missing"`…). */
    this.code = error.code;
    /** Path of the first error (`"funding.allocations[3].amounts.2024"`; `""` is the whole document). */
    this.path = error.path;
    /** Every issue found (errors and warnings). */
    this.issues = error.issues;
  }
}

function internal(message, cause) {
  return new CtgError({ code: "internal", path: "", message, issues: [] }, { cause });
}

/**
 * An issue with the snake_case keys of every ctg data object (`message_fr`, `message_en`, as in
 * the CLI's `--json` and Python's dicts) and its message parameters `ctx`.
 *
 * TRANSITIONAL: the wasm bridge (src/bridge.rs) still writes `messageFr`/`messageEn` and no
 * `ctx`; this maps them. Once the bridge writes snake_case keys and `ctx` itself, issues pass
 * through unchanged and this function can go.
 */
function snakeIssue(issue) {
  if (issue === null || typeof issue !== "object" || "message_fr" in issue) return issue;
  const { messageFr, messageEn, ctx, ...rest } = issue;
  return { ...rest, message_fr: messageFr, message_en: messageEn, ctx: ctx ?? {} };
}

function snakeIssues(issues) {
  return Array.isArray(issues) ? issues.map(snakeIssue) : issues;
}

function report(value) {
  if (value !== null && typeof value === "object" && Array.isArray(value.issues)) {
    return { ...value, issues: snakeIssues(value.issues) };
  }
  return value;
}

function unwrap(outcome) {
  if (outcome !== null && typeof outcome === "object") {
    if (outcome.ok === true) return outcome.value;
    if (outcome.ok === false) throw new CtgError({ ...outcome.error, issues: snakeIssues(outcome.error.issues) });
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

/**
 * Builds the API over the raw exports. `ready()` says whether the wasm module is instantiated.
 * A failure inside the wasm module (which would be a bug: it has no panic path by design) is
 * rethrown as a `CtgError` with code `internal`, never as a bare string or a RuntimeError.
 */
export function makeApi(raw, ready = () => true) {
  const call = (name, args) => {
    if (!ready()) {
      throw new CtgError({
        code: "init.required",
        path: "",
        message: "call and await init() before using ctg (web build)",
        issues: [],
      });
    }
    try {
      return raw[name](...args);
    } catch (error) {
      throw internal(`ctg wasm ${name} failed: ${error && error.message ? error.message : error}`, error);
    }
  };
  return {
    validate: (input) => report(call("validate", [input])),
    parse: (input) => unwrap(call("parse", [input])),
    totals: (input) => unwrap(call("totals", [input])),
    formatAmount: (amount, lang) => unwrap(call("formatAmount", [amount, lang])),
    parseAmount: (text) => unwrap(call("parseAmount", [text])),
    schema: () => call("schema", []),
  };
}
