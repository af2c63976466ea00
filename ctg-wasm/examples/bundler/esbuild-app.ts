// The esbuild recipe (README): import the .wasm with the `file` loader, which copies it next to
// the bundle and gives its URL, and pass that URL to init().
//   esbuild esbuild-app.ts --bundle --format=esm --loader:.wasm=file --outdir=dist
import init from "@ctg/wasm";
import wasmUrl from "@ctg/wasm/ctg_wasm_bg.wasm";
import { run } from "./run.js";

await run(() => init(wasmUrl));
