import type { Geography } from "./geo-types.js";
import type { Portfolios } from "./portfolio-types.js";
import type { Tables } from "./tables-types.js";

export * from "./index.js";

/**
 * Where to load the wasm module from (default: `web/ctg_wasm_bg.wasm` next to the JS file): a URL
 * or URL string (esbuild's `file` loader and Vite's `?url` import give one), a `Request`, a
 * `Response`, the bytes, a compiled module, or wasm-bindgen's `{ module_or_path }` object.
 */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module
  | { module_or_path: RequestInfo | URL | Response | BufferSource | WebAssembly.Module };

/**
 * Loads the wasm module; call and await it once before anything else. Idempotent. Rejects with a
 * `CtgError` of code `"init.failed"` (the original error as `cause`) when the module cannot be
 * fetched or instantiated; it can then be called again.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/**
 * Instantiates the wasm module synchronously from its bytes or a compiled module; throws a
 * `CtgError` (`"init.failed"`) when they are not the module.
 */
export declare function initSync(module: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): void;

/**
 * The official geography (the COG 2026), in its own module (`@ctg/wasm/geo`: about 1 MB
 * gzipped, fetched on this first call): lookups, names as people write them, validation with the
 * `geo.*` rules, coverage. `input` says where its `.wasm` is, as for `init` (default:
 * `web/ctg_wasm_geo_bg.wasm` next to the module; with esbuild, the URL of
 * `@ctg/wasm/ctg_wasm_geo_bg.wasm`). Rejects with a `CtgError` of code `"init.failed"` when it
 * cannot be loaded; it can then be called again.
 */
export declare function loadGeography(input?: InitInput | Promise<InitInput>): Promise<Geography>;

/**
 * Spreadsheets and open data (ctg-tables), in their own module (`@ctg/wasm/tables`, about 810 KB
 * gzipped, loaded on this first call): a convention's tables as CSV or `.xlsx` bytes, tables read
 * back into a document with every issue at its cell, SCDL *Subventions* CSV. Rejects with a
 * `CtgError` of code `"init.failed"` when it cannot be loaded.
 */
export declare function loadTables(input?: InitInput | Promise<InitInput>): Promise<Tables>;

/**
 * Portfolios (many conventions at once: rows, totals, summary) without the geography, in their
 * own module (`@ctg/wasm/portfolio`, loaded on this first call); `loadGeography()` gives them with
 * the geography and the coverage. Rejects with a `CtgError` of code `"init.failed"` when it
 * cannot be loaded.
 */
export declare function loadPortfolios(input?: InitInput | Promise<InitInput>): Promise<Portfolios>;
