/**
 * `import wasmUrl from "@ctg/wasm/ctg_wasm_bg.wasm"` (or `"@ctg/wasm/ctg_wasm_geo_bg.wasm"`, the
 * geography module): the URL of the WebAssembly module, as a bundler's asset import gives it
 * (esbuild with `loader: { ".wasm": "file" }`), to pass to `init(wasmUrl)` (or
 * `loadGeography(geoWasmUrl)`). With esbuild's `binary` loader the import is the bytes instead
 * (also accepted).
 */
declare const wasmUrl: string;
export default wasmUrl;
