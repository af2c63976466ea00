import type { Tables } from "./tables-types.js";
import type { InitInput } from "./index.web.js";

export type * from "./types.js";

/** The tables API; throws a `CtgError` of code `"init.required"` before `init()` has resolved. */
export declare function tables(): Tables;

/**
 * Loads the tables module (`web/ctg_wasm_tables_bg.wasm` next to this file by default, or where
 * `input` says, as for the base module's `init`). Idempotent; rejects with a `CtgError` of code
 * `"init.failed"` (the original error as `cause`) when it cannot be loaded. `loadTables()` of
 * `@ctg/wasm` does this and returns `tables()`.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the tables module synchronously from its bytes or a compiled module. */
export declare function initSync(module: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): void;
