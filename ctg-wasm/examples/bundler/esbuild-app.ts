// The esbuild recipe (README): import the .wasm files with the `file` loader, which copies them
// next to the bundle and gives their URLs, and pass those URLs to init() and loadGeography() (the
// geography module's file is copied too, and fetched only when loadGeography() is called).
//   esbuild esbuild-app.ts --bundle --format=esm --loader:.wasm=file --outdir=dist
import init, { loadGeography } from "@ctg/wasm";
import wasmUrl from "@ctg/wasm/ctg_wasm_bg.wasm";
import geoWasmUrl from "@ctg/wasm/ctg_wasm_geo_bg.wasm";
import { run } from "./run.js";

await run(
  () => init(wasmUrl),
  () => loadGeography(geoWasmUrl),
);
