// Node.js entry point of the portfolio module (`@ctg/wasm/portfolio`): loads it synchronously
// (wasm-bindgen `--target nodejs`). `loadPortfolios()` of `@ctg/wasm` imports it on first use.
import { createRequire } from "node:module";
import { register } from "./api.js";
import { makePortfolios } from "./portfolio.js";

const require = createRequire(import.meta.url);
const raw = require("./node/ctg_wasm_portfolio.js");
register(raw);
const api = Object.freeze(makePortfolios(raw, () => true, ""));

/** Portfolios without the geography: `portfolio(documents)`, `portfolioFromJsonLines(text)`. */
export function portfolios() {
  return api;
}

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default async function init() {}
export function initSync() {}
