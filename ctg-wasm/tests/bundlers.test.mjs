// The npm package in bundled apps, end to end: the package as `npm pack` makes it is installed in
// a scratch project, examples/bundler/ is bundled with esbuild (the README's recipe: the .wasm
// through the `file` loader) and with Vite (no configuration), and each page runs in headless
// Debian Chromium (playwright-core, no downloaded browser): a wrong wasm URL makes init() reject
// with a CtgError, then the sample validates and its total shows; then loadGeography() fetches the
// geography module (not fetched before), which looks names up, validates with the geo.* rules and
// gives the coverage. Bundle sizes are printed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import * as esbuild from "esbuild";
import { build as viteBuild } from "vite";
import { chromium } from "playwright-core";
import { startServer } from "../demo/serve.mjs";
import { fixturesDir, repoDir, wasmDir } from "./helpers.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const artifacts = path.join(repoDir, "artifacts");
let project, context, page;
const pageErrors = [];
const servers = [];

before(async () => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-bundlers-"));
  // Install the package as published: npm pack, then unpack into node_modules/@ctg/wasm.
  const packed = JSON.parse(
    execFileSync("npm", ["pack", path.join(wasmDir, "pkg"), "--pack-destination", project, "--json", "--silent"], {
      encoding: "utf8",
    }),
  );
  const target = path.join(project, "node_modules", "@ctg", "wasm");
  fs.mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(project, packed[0].filename), "-C", target, "--strip-components=1"]);
  for (const file of fs.readdirSync(path.join(wasmDir, "examples", "bundler"))) {
    fs.copyFileSync(path.join(wasmDir, "examples", "bundler", file), path.join(project, file));
  }
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "ctg-chromium-")), {
    executablePath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    timeout: 60_000,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  fs.mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await context?.close();
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

/** Sizes of the files of a built site, by extension and for each .wasm: {js: [bytes, gzipped], wasm: […], "ctg_wasm_bg…": […]}. */
function sizes(dir) {
  const out = {};
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const ext = path.extname(p).slice(1);
        const bytes = fs.readFileSync(p);
        const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
        const [raw, gz] = out[ext] ?? [0, 0];
        out[ext] = [raw + bytes.length, gz + gzipped];
        if (ext === "wasm") out[entry.name] = [bytes.length, gzipped];
      }
    }
  };
  walk(dir);
  return out;
}

/** Opens the built page and checks what it wrote on <body>. */
async function check(dist, name) {
  fs.copyFileSync(path.join(fixturesDir, "thore-montagne-noire-2023-2025.json"), path.join(dist, "sample.json"));
  const { server, url } = await startServer({ root: dist });
  servers.push(server);
  const errorsBefore = pageErrors.length;
  await page.goto(new URL(`${name}.html`, url).href);
  await page.waitForSelector("body[data-ready=true] p", { timeout: 30_000 });
  const data = await page.evaluate(() => ({ ...document.body.dataset }));
  assert.equal(data.badInit, "init.failed true", "a wrong wasm URL rejects with CtgError(init.failed), with a cause");
  assert.equal(data.valid, "true");
  assert.equal(data.total, "725\u202f403\u00a0€");
  assert.equal(data.firstIssue, "field.empty title true");
  assert.equal(data.geoFetchedBefore, "false", "the geography module is fetched on demand");
  assert.equal(data.geoFetchedAfter, "true");
  assert.equal(data.geoLookup, "81202 81238 81209", "Parisot in the Tarn, St for Saint, an apostrophe");
  assert.equal(data.geoIssues, "geo.commune_outside_epci geo.commune_outside_epci");
  assert.equal(data.geoPopulation, "9538");
  assert.deepEqual(pageErrors.slice(errorsBefore), []);
  await page.screenshot({ path: path.join(artifacts, `bundle-${name}.png`) });
  const s = sizes(dist);
  const kb = ([raw, gz]) => `${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gzipped)`;
  const wasm = Object.keys(s).filter((k) => k.endsWith(".wasm")).sort().map((k) => `${k} ${kb(s[k])}`);
  console.log(`${name} bundle: JS ${kb(s.js)}; ${wasm.join("; ")} (gzip: zlib level 9)`);
  return s;
}

test("esbuild: the README recipe (file loader for the .wasm) builds and runs in Chromium", async () => {
  const dist = path.join(project, "dist-esbuild");
  const result = await esbuild.build({
    absWorkingDir: project,
    entryPoints: ["esbuild-app.ts"],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    loader: { ".wasm": "file" },
    outdir: dist,
    logLevel: "silent",
    metafile: true,
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
  assert.ok(outputs.some((f) => /^ctg_wasm_bg-[A-Z0-9]+\.wasm$/.test(f)), outputs.join(", "));
  assert.ok(outputs.some((f) => /^ctg_wasm_geo_bg-[A-Z0-9]+\.wasm$/.test(f)), outputs.join(", "));
  fs.copyFileSync(path.join(project, "esbuild.html"), path.join(dist, "esbuild.html"));
  fs.writeFileSync(
    path.join(dist, "esbuild.html"),
    fs.readFileSync(path.join(dist, "esbuild.html"), "utf8").replace("./esbuild-app.ts", "./esbuild-app.js"),
  );
  const s = await check(dist, "esbuild");
  assert.ok(s.wasm[0] > 100_000 && s.js[0] < 60_000, JSON.stringify(s));
});

test("esbuild without a loader for .wasm says what is missing (the recipe's reason)", async () => {
  await assert.rejects(
    esbuild.build({
      absWorkingDir: project,
      entryPoints: ["esbuild-app.ts"],
      bundle: true,
      format: "esm",
      write: false,
      outdir: path.join(project, "unused"),
      logLevel: "silent",
    }),
    (e) => e.errors.some((m) => /No loader is configured for "\.wasm" files/.test(m.text)),
  );
});

test("Vite: no configuration, init() finds the emitted .wasm, runs in Chromium", async () => {
  const dist = path.join(project, "dist-vite");
  await viteBuild({
    root: project,
    logLevel: "silent",
    configFile: false,
    build: { outDir: dist, emptyOutDir: true, target: "es2022", rollupOptions: { input: path.join(project, "vite.html") } },
  });
  const s = await check(dist, "vite");
  assert.ok(s.wasm[0] > 100_000, JSON.stringify(s));
  // the geography's JS is a chunk of its own, loaded by loadGeography()
  const chunks = fs.readdirSync(path.join(dist, "assets")).filter((f) => f.endsWith(".js"));
  assert.ok(chunks.length >= 2, chunks.join(", "));
});
