/**
 * `import wasmUrl from "@ctg/wasm/ctg_wasm_bg.wasm"`: the URL of the WebAssembly module, as a
 * bundler's asset import gives it (esbuild with `loader: { ".wasm": "file" }`), to pass to
 * `init(wasmUrl)`. With esbuild's `binary` loader the import is the bytes instead (also accepted
 * by `init`).
 */
declare const wasmUrl: string;
export default wasmUrl;
