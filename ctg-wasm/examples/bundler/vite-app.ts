// The Vite recipe (README): nothing to configure; Vite finds each .wasm next to the package's
// modules (`new URL("ctg_wasm_bg.wasm", import.meta.url)`) and emits it with the build; the
// geography module, imported by loadGeography(), becomes a chunk of its own, fetched on demand.
import init, { loadGeography } from "@ctg/wasm";
import { run } from "./run.js";

await run(
  () => init(),
  () => loadGeography(),
);
