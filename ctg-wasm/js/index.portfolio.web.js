// Browser / bundler entry point of the portfolio module (`@ctg/wasm/portfolio`, wasm-bindgen
// `--target web`): ctg-core with its portfolios (a copy of the base module plus about 40 KB),
// fetched only when a page asks for it (`loadPortfolios()` of `@ctg/wasm` imports this file).
import wbgInit, { initSync as wbgInitSync } from "./web/ctg_wasm_portfolio.js";
import * as raw from "./web/ctg_wasm_portfolio.js";
import { onDemand } from "./api.js";
import { makePortfolios } from "./portfolio.js";

const required = "call and await loadPortfolios() (or init() of @ctg/wasm/portfolio) before using portfolios";
const loader = onDemand({ raw, init: wbgInit, initSync: wbgInitSync, required });
const api = Object.freeze(makePortfolios(raw, loader.isReady, required));

/**
 * `portfolio` and `portfolioFromJsonLines` (without the geography); throws a `CtgError` of code `init.required` before `init()` (or
 * `loadPortfolios()`) has resolved.
 */
export function portfolios() {
  loader.check();
  return api;
}

/**
 * Loads the portfolio module. Idempotent. `input` is where its `.wasm` is, as for the base
 * module's `init` (default: `web/ctg_wasm_portfolio_bg.wasm` next to this file). A failure rejects
 * with a `CtgError` of code `init.failed` whose `cause` is the original error; init() can then
 * be called again.
 * @param {import("./index.web").InitInput | Promise<import("./index.web").InitInput>} [input]
 */
export default async function init(input) {
  await loader.init(input);
}

/** Instantiates the portfolio module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  loader.initSync(module);
}
