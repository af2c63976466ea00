export * from "./index.js";

/** Where to load the wasm module from (default: `web/ctg_wasm_bg.wasm` next to the JS file). */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the wasm module; call and await it once before anything else. Idempotent. */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the wasm module synchronously from its bytes or a compiled module. */
export declare function initSync(module: BufferSource | WebAssembly.Module): void;
