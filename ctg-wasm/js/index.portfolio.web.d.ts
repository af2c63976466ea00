import type { Portfolios } from "./portfolio-types.js";
import type { InitInput } from "./index.web.js";

export type * from "./types.js";

/** Portfolios without the geography; throws a `CtgError` of code `"init.required"` before `init()` has resolved. */
export declare function portfolios(): Portfolios;

/**
 * Loads the portfolio module (`web/ctg_wasm_portfolio_bg.wasm` next to this file by default, or where
 * `input` says, as for the base module's `init`). Idempotent; rejects with a `CtgError` of code
 * `"init.failed"` (the original error as `cause`) when it cannot be loaded. `loadPortfolios()` of
 * `@ctg/wasm` does this and returns `portfolios()`.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the portfolio module synchronously from its bytes or a compiled module. */
export declare function initSync(module: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): void;
