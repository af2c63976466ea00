// Portfolios (many conventions at once) over the raw exports of the module that holds them (the
// portfolio module, `@ctg/wasm/portfolio`; the geography module, with the coverage): like api.js
// it only unwraps the `{ok, value | error}` outcomes into values or thrown `CtgError`s. Every row,
// total, share, text and message is core's, computed inside the wasm module.
import { CtgError, makeRunner } from "./api.js";

/** The `Portfolio` object over a handle of the wasm module (`PortfolioHandle`). */
function wrap(handle) {
  let freed = false;
  const { run } = makeRunner({ read: (...args) => handle.read(...args) });
  const read = (what, date, options) => {
    if (freed) {
      throw new CtgError({ code: "argument.invalid", path: "", message: "this portfolio was freed (free())", issues: [] });
    }
    return run("read", what, date, options);
  };
  return Object.freeze({
    get length() {
      return read("length", undefined, undefined);
    },
    entries: (options) => read("entries", undefined, options),
    counts: () => read("counts", undefined, undefined),
    conventions: (date, options) => read("conventions", date, options),
    totals: () => read("totals", undefined, undefined),
    coverage: (date, options) => read("coverage", date, options),
    summary: (date, options) => read("summary", date, options),
    toText: (date, options) => read("text", date, options),
    free: () => {
      if (!freed) {
        freed = true;
        handle.free();
      }
    },
  });
}

/**
 * `portfolio` and `portfolioFromJsonLines` over a raw module: `name` is its export that builds
 * a portfolio (`portfolio`, or `geoPortfolio` with the geography).
 */
export function makePortfolios(raw, ready, what, name = "portfolio") {
  const { run } = makeRunner(raw, ready, what);
  return {
    portfolio: (documents, options) => wrap(run(name, "documents", documents, options)),
    portfolioFromJsonLines: (text, options) => wrap(run(name, "jsonLines", text, options)),
  };
}
