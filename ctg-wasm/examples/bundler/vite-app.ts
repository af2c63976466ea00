// The Vite recipe (README): nothing to configure; Vite finds the .wasm next to the package's
// module (`new URL("ctg_wasm_bg.wasm", import.meta.url)`) and emits it with the build.
import init from "@ctg/wasm";
import { run } from "./run.js";

await run(() => init());
