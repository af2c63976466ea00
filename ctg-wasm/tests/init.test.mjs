// The web build's init() and initSync(), run in Node: before init every call throws
// CtgError(init.required); a failed init (not a wasm module, an unreachable or missing URL, a
// rejected promise) rejects with CtgError(init.failed) carrying the original error as `cause`,
// never a bare TypeError, and can be retried; then every input form esbuild or Vite can give
// (bytes, a URL string, a URL, a Response, wasm-bindgen's {module_or_path}) works.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "../demo/serve.mjs";
import { wasmDir } from "./helpers.mjs";

const wasmPath = path.join(wasmDir, "pkg", "web", "ctg_wasm_bg.wasm");

/**
 * A fresh instance of the web entry with its own wasm-bindgen state: a copy of the web build's
 * files in a scratch folder (a query string would share ./web/ctg_wasm.js, already initialised).
 */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-web-instances-"));
let instances = 0;
async function fresh() {
  const dir = path.join(scratch, String(++instances));
  fs.mkdirSync(path.join(dir, "web"), { recursive: true });
  for (const file of ["index.web.js", "api.js", "catalogue.js", "schema.js", "package.json"]) fs.copyFileSync(path.join(wasmDir, "pkg", file), path.join(dir, file));
  for (const file of fs.readdirSync(path.join(wasmDir, "pkg", "web"))) {
    fs.copyFileSync(path.join(wasmDir, "pkg", "web", file), path.join(dir, "web", file));
  }
  return import(pathToFileURL(path.join(dir, "index.web.js")).href);
}
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function initFailure(promise) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  return error;
}

function assertInitFailed(error, what) {
  assert.ok(error, `${what}: init() resolved`);
  assert.equal(error.name, "CtgError", `${what}: ${error}`);
  assert.equal(error.code, "init.failed", what);
  assert.equal(error.path, "");
  assert.deepEqual(error.issues, []);
  assert.ok(error.cause !== undefined, `${what}: cause`);
  assert.match(error.message, /WebAssembly module/);
}

test("before init, calls throw CtgError(init.required); the catalogue constants and schema() are there already", async () => {
  const ctg = await fresh();
  const calls = [
    () => ctg.validate("{}"),
    () => ctg.check("{}"),
    () => ctg.getLanguage(),
    () => ctg.setLanguage("en"),
    () => ctg.formatAmount("1"),
    () => ctg.build({}),
    () => ctg.withoutActionSheet("{}", 1),
    () => ctg.asOf("{}", "2024-01-01"),
    () => ctg.diff("{}", "{}"),
    () => ctg.evaluation("{}", 2024),
    () => ctg.expiries([]),
  ];
  for (const call of calls) {
    assert.throws(call, (e) => e instanceof ctg.CtgError && e.code === "init.required", String(call));
  }
  assert.equal(ctg.schema().title, "Convention");
  assert.ok(ctg.ISSUE_CODES.includes("json.syntax"));
  assert.equal(ctg.ISSUE_SEVERITIES["report.truncated"], "info");
  assert.equal(ctg.DEFAULT_LIMITS.max_depth, 64);
});

test("a failed init rejects with CtgError(init.failed) and its cause, then init can be retried", async () => {
  const ctg = await fresh();
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-empty-"));
  const { server, url } = await startServer({ root: empty });
  try {
    const cases = [
      ["bad bytes", new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])],
      ["empty bytes", new Uint8Array(0)],
      ["a 404 URL", new URL("missing.wasm", url).href],
      ["a 404 URL object", new URL("missing.wasm", url)],
      ["an unreachable URL", "http://127.0.0.1:9/ctg_wasm_bg.wasm"],
      ["a relative URL without a base (Node)", "./ctg_wasm_bg.wasm"],
      ["a rejected promise", () => Promise.reject(new Error("offline"))],
      ["a JSON response", new Response("{}", { headers: { "content-type": "application/json" } })],
      ["the default location (a file: URL, which Node's fetch refuses)", undefined],
    ];
    const warn = console.warn; // wasm-bindgen warns before its fallback for a non-wasm Response
    console.warn = () => {};
    for (const [what, input] of cases) {
      const error = await initFailure(ctg.default(typeof input === "function" ? input() : input));
      assertInitFailed(error, what);
      assert.ok(error instanceof ctg.CtgError && error instanceof Error, what);
      assert.throws(() => ctg.validate("{}"), (e) => e.code === "init.required", what);
    }
    console.warn = warn;
    assert.throws(() => ctg.initSync(new Uint8Array(8)), (e) => e instanceof ctg.CtgError && e.code === "init.failed" && e.cause !== undefined);
    // Now with the real module: works, and is idempotent.
    await ctg.default(fs.readFileSync(wasmPath));
    assert.equal(ctg.validate("{}").valid, false);
    await ctg.default(new Uint8Array(0));
    assert.equal(ctg.parseAmount("1 234,56 €"), "1234.56");
  } finally {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test("every input form a bundler can give loads the module", async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-site-"));
  fs.copyFileSync(wasmPath, path.join(site, "ctg_wasm_bg-HASH.wasm"));
  const { server, url } = await startServer({ root: site });
  const wasmUrl = new URL("ctg_wasm_bg-HASH.wasm", url);
  const bytes = fs.readFileSync(wasmPath);
  try {
    const inputs = [
      ["a URL string (esbuild's file loader, Vite's ?url)", wasmUrl.href],
      ["a URL", wasmUrl],
      ["a Request", new Request(wasmUrl)],
      ["a fetch promise", fetch(wasmUrl)],
      ["bytes (esbuild's binary loader)", new Uint8Array(bytes)],
      ["an ArrayBuffer", bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)],
      ["a compiled module", await WebAssembly.compile(bytes)],
      ["wasm-bindgen's object form", { module_or_path: wasmUrl.href }],
    ];
    for (const [what, input] of inputs) {
      const ctg = await fresh();
      await ctg.default(input);
      assert.equal(ctg.formatAmount("241801"), "241\u202f801\u00a0€", what);
    }
    const ctg = await fresh();
    ctg.initSync({ module: bytes });
    assert.equal(ctg.totals(ctg.parse(fs.readFileSync(path.join(wasmDir, "..", "tests", "fixtures", "thore-montagne-noire-2023-2025.json"), "utf8"))).total, "725403.00");
  } finally {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(site, { recursive: true, force: true });
  }
});
