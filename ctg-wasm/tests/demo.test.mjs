// End to end: the demo page (demo/site, served by demo/serve.mjs) in headless Debian Chromium,
// driven by playwright-core (no downloaded browser), the geography module loaded on demand by its
// box. Screenshots go to artifacts/ at the repo root.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import * as ctg from "../pkg/index.node.js";
import { startServer } from "../demo/serve.mjs";
import { rawMember, repoDir, vectorsDir, wasmDir } from "./helpers.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const artifacts = path.join(repoDir, "artifacts");
let server, url, context, page, userDataDir;
const pageErrors = [];
const requests = [];

before(async () => {
  ({ server, url } = await startServer({ root: path.join(wasmDir, "demo", "site") }));
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    viewport: { width: 1400, height: 1000 },
    timeout: 60_000,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  page.on("request", (r) => requests.push(r.url()));
  fs.mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** HTML as the page's parser writes it back (tbody added, entities normalised). */
function normalized(html) {
  return page.evaluate((h) => {
    const div = document.createElement("div");
    div.innerHTML = h;
    return div.innerHTML;
  }, html);
}

test("the server refuses to leave its folder", async () => {
  const res = await fetch(new URL("/..%2f..%2fCargo.toml", url));
  assert.ok(res.status === 403 || res.status === 404, String(res.status));
  const post = await fetch(url, { method: "POST" });
  assert.equal(post.status, 405);
  const wasm = await fetch(new URL("pkg/web/ctg_wasm_bg.wasm", url));
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
});

test("choosing the Thoré sample shows the funding table and the chart", async () => {
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  const option = await page.locator("#sample option", { hasText: "Thoré" }).getAttribute("value");
  await page.selectOption("#sample", option);
  await page.waitForSelector("#funding table");
  const table = await page.locator("#funding").textContent();
  assert.ok(table.includes("725\u202f403\u00a0€"), table);
  assert.ok(table.includes("241\u202f801\u00a0€"), table);
  assert.equal(await page.locator("#funding tbody tr").count(), 9);
  assert.equal(await page.locator("#chart svg rect.bar").count(), 3);
  assert.match(await page.locator("#status").textContent(), /valide/);
  // core's HTML summary and the status today, as the Node build computes them
  const text = await page.inputValue("#json");
  assert.equal(await page.locator("#summary").innerHTML(), await normalized(ctg.conventionHtml(text)));
  assert.equal(await page.locator("#conv-status").textContent(), `Statut aujourd’hui : ${ctg.status(text).label}`);
  await page.screenshot({ path: path.join(artifacts, "demo-thore-valid.png"), fullPage: true });
});

test("loading an invalid file shows its issues with codes and paths; a path click selects the field", async () => {
  const name = "multiple-problems.json";
  const text = fs.readFileSync(path.join(vectorsDir, name), "utf8");
  const vector = JSON.parse(text);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ctg-demo-")), name);
  fs.writeFileSync(file, rawMember(text, "input"));
  await page.setInputFiles("#file", file);
  await page.waitForSelector("#issues li.issue");
  const shown = await page.$$eval("#issues li.issue", (items) => items.map((li) => [li.dataset.path, li.dataset.code]));
  const expected = vector.expect.issues.map((i) => [i.path, i.code]);
  assert.deepEqual(shown.slice().sort(), expected.slice().sort());
  for (const [p, code] of expected) {
    const item = page.locator(`#issues li.issue[data-code="${code}"]`).first();
    assert.ok((await item.textContent()).includes(p || "(document)"));
  }
  assert.match(await page.locator("#status").textContent(), /erreur/);
  assert.match(await page.locator("#funding").textContent(), /indisponibles/);

  // clicking the path selects that field in the JSON textarea
  const target = expected.find(([p]) => p !== "") ?? expected[0];
  await page.locator(`#issues li.issue[data-code="${target[1]}"] button.path`).first().click();
  const selected = await page.$eval("#json", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  const lastKey = target[0].split(/[.[\]]/).filter(Boolean).pop();
  assert.ok(selected.includes(`"${lastKey}"`), `selected: ${selected.slice(0, 80)}`);
  await page.screenshot({ path: path.join(artifacts, "demo-invalid-issues.png"), fullPage: true });
});

test("editing the JSON revalidates live", async () => {
  const option = await page.locator("#sample option", { hasText: "Thoré" }).getAttribute("value");
  await page.selectOption("#sample", option);
  await page.waitForSelector("#funding table");
  const text = await page.inputValue("#json");
  await page.fill("#json", text.replace('"first_year": 2023', '"first_year": 2026'));
  await page.waitForSelector('#issues li.issue[data-code="period.reversed"]');
  assert.match(await page.locator("#status").textContent(), /erreur/);
  await page.fill("#json", "{ pas du JSON");
  await page.waitForSelector('#issues li.issue[data-code="json.syntax"]');
  await page.fill("#json", text);
  await page.waitForSelector("#funding table");
  assert.ok((await page.locator("#funding").textContent()).includes("725\u202f403\u00a0€"));
  assert.deepEqual(pageErrors, []);
});

test("without a funding section the page says there are no totals (absent, not zero)", async () => {
  const option = await page.locator("#sample option", { hasText: "Thoré" }).getAttribute("value");
  await page.selectOption("#sample", option);
  await page.waitForSelector("#funding table");
  const doc = JSON.parse(await page.inputValue("#json"));
  delete doc.funding;
  await page.fill("#json", JSON.stringify(doc, null, 2));
  await page.waitForFunction(() => !document.querySelector("#funding table"));
  assert.match(await page.locator("#funding").textContent(), /Pas de financement/);
  assert.equal(await page.locator("#chart svg").count(), 0);
  assert.match(await page.locator("#status").textContent(), /valide/);
});

test("the yearly evaluation and the comparison with another file are core's texts", async () => {
  const option = await page.locator("#sample option", { hasText: "Thoré" }).getAttribute("value");
  await page.selectOption("#sample", option);
  await page.waitForSelector("#funding table");
  const text = await page.inputValue("#json");
  assert.deepEqual(await page.$$eval("#year option", (o) => o.map((x) => x.value)), ["2023", "2024", "2025"]);
  await page.selectOption("#year", "2024");
  await page.waitForFunction(() => document.querySelector("#evaluation").textContent.startsWith("Évaluation 2024"));
  assert.equal(await page.locator("#evaluation").textContent(), ctg.evaluation(text, 2024).text);
  // another version of the convention: what changes, as core writes it
  const vector = JSON.parse(fs.readFileSync(path.join(vectorsDir, "life", "diff-thore-edited.json"), "utf8"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-demo-"));
  const edited = path.join(dir, "thore-edited.json");
  fs.writeFileSync(edited, JSON.stringify(vector.after, null, 2));
  await page.fill("#json", JSON.stringify(vector.before, null, 2));
  await page.setInputFiles("#compare", edited);
  const expected = ctg.diff(vector.before, vector.after).text;
  await page.waitForFunction((t) => document.querySelector("#comparison").textContent === t, expected);
  assert.match(expected, /La Petite Loco/);
  // an invalid other file: core's issues, said to be the other file's
  const broken = path.join(dir, "broken.json");
  fs.writeFileSync(broken, "{}");
  await page.setInputFiles("#compare", broken);
  await page.waitForFunction(() => /^L’autre fichier n’est pas valide/.test(document.querySelector("#comparison").textContent));
  await page.screenshot({ path: path.join(artifacts, "demo-evaluation-comparison.png"), fullPage: true });
  assert.deepEqual(pageErrors, []);
});

test("the language switch gives core's English messages, labels and amounts", async () => {
  const option = await page.locator("#sample option", { hasText: "Thoré" }).getAttribute("value");
  await page.selectOption("#sample", option);
  await page.waitForSelector("#funding table");
  const text = await page.inputValue("#json");
  const broken = text.replace('"first_year": 2023', '"first_year": 2026');
  await page.fill("#json", broken);
  await page.waitForSelector('#issues li.issue[data-code="period.reversed"]');
  const expected = (lang) => ctg.validate(broken, { lang }).issues.find((i) => i.code === "period.reversed").message;
  const shown = () => page.locator('#issues li.issue[data-code="period.reversed"] .message').textContent();
  assert.equal(await shown(), expected("fr"));
  await page.selectOption("#lang", "en");
  await page.waitForFunction(() => /error/.test(document.querySelector("#status").textContent));
  assert.equal(await shown(), expected("en"));
  await page.fill("#json", text);
  await page.waitForSelector("#funding table");
  assert.ok((await page.locator("#funding").textContent()).includes("€725,403.00"));
  assert.equal(await page.locator("#conv-status").textContent(), `Status today: ${ctg.status(text, undefined, { lang: "en" }).label}`);
  assert.equal(await page.locator("#summary").innerHTML(), await normalized(ctg.conventionHtml(text, { lang: "en" })));
  await page.screenshot({ path: path.join(artifacts, "demo-thore-english.png"), fullPage: true });
  await page.selectOption("#lang", "fr");
  await page.waitForFunction(() => /valide/.test(document.querySelector("#status").textContent));
  assert.deepEqual(pageErrors, []);
});

test("the official geography: fetched only when its box is ticked, then the geo.* rules and the territory (core's coverage)", async () => {
  const geoWasm = (u) => u.endsWith("/ctg_wasm_geo_bg.wasm");
  assert.deepEqual(requests.filter(geoWasm), [], "not fetched before it is asked for");
  const option = await page.locator("#sample option", { hasText: "Thoré" }).getAttribute("value");
  await page.selectOption("#sample", option);
  await page.waitForSelector("#funding table");
  assert.equal(await page.locator("#territory").isHidden(), true);
  const text = await page.inputValue("#json");
  await page.check("#geo");
  await page.waitForSelector("#coverage table", { timeout: 30_000 });
  assert.equal(requests.filter(geoWasm).length, 1);
  const geo = await ctg.loadGeography();
  // the two signing communes outside the CC: informations, the convention stays valid
  const shown = await page.$$eval("#issues li.issue", (items) => items.map((li) => [li.dataset.path, li.dataset.code]));
  assert.deepEqual(shown, geo.validate(text).issues.map((i) => [i.path, i.code]));
  assert.deepEqual(shown, [["parties[11]", "geo.commune_outside_epci"], ["parties[12]", "geo.commune_outside_epci"]]);
  assert.match(await page.locator("#status").textContent(), /valide/);
  assert.equal(await page.locator("#coverage-ref").textContent(), "(COG 2026)");
  assert.equal(await page.locator("#coverage").innerHTML(), await normalized(geo.coverage(text).html));
  assert.match(await page.locator("#coverage").textContent(), /25,35/);
  await page.screenshot({ path: path.join(artifacts, "demo-geography.png"), fullPage: true });

  // a code no commune has: an error of the geography, at its path
  const doc = JSON.parse(text);
  doc.parties[5].insee = "82999";
  await page.fill("#json", JSON.stringify(doc, null, 2));
  await page.waitForSelector('#issues li.issue[data-code="geo.insee_unknown"][data-path="parties[5].insee"]');
  assert.match(await page.locator("#status").textContent(), /erreur/);
  assert.equal(await page.locator("#territory").isHidden(), false);

  // in English: the geography module follows the language switch
  await page.fill("#json", text);
  await page.waitForSelector("#coverage table");
  await page.selectOption("#lang", "en");
  await page.waitForFunction(() => /inhabitants/.test(document.querySelector("#coverage").textContent));
  assert.equal(await page.locator("#coverage").innerHTML(), await normalized(geo.coverage(text, { lang: "en" }).html));
  assert.equal(
    await page.locator('#issues li.issue[data-path="parties[11]"] .message').textContent(),
    geo.validate(text, { lang: "en" }).issues[0].message,
  );
  assert.match(await page.locator("#h-coverage").textContent(), /^Territory/);
  await page.selectOption("#lang", "fr");
  await page.waitForFunction(() => /habitants/.test(document.querySelector("#coverage").textContent));

  // unticked: validation as before, no territory; ticked again: the module is not fetched again
  await page.uncheck("#geo");
  await page.waitForFunction(() => document.querySelector("#territory").hidden);
  assert.equal(await page.locator("#issues li.issue").count(), 0);
  await page.check("#geo");
  await page.waitForSelector('#issues li.issue[data-code="geo.commune_outside_epci"]');
  assert.equal(requests.filter(geoWasm).length, 1);
  await page.uncheck("#geo");
  assert.deepEqual(pageErrors, []);
});

test("download as Excel or CSV: the tables module is fetched on the first click, and the files are ctg-tables'", async () => {
  const tablesWasm = (u) => u.endsWith("/ctg_wasm_tables_bg.wasm");
  assert.deepEqual(requests.filter(tablesWasm), [], "not fetched before it is asked for");
  const option = await page.locator("#sample option", { hasText: "Thoré" }).getAttribute("value");
  await page.selectOption("#sample", option);
  await page.waitForSelector("#funding table");
  const text = await page.inputValue("#json");
  const tables = await ctg.loadTables();
  const downloaded = async (format) => {
    await page.selectOption("#export-format", format);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click("#download")]);
    return { name: download.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(await download.path())) };
  };
  const book = await downloaded("xlsx");
  assert.equal(book.name, "ctg-81-thore-montagne-noire-2023-2025.xlsx");
  assert.equal(new TextDecoder().decode(book.bytes.subarray(0, 2)), "PK");
  assert.equal(requests.filter(tablesWasm).length, 1);
  // The workbook reads back to the convention's funding.
  const back = tables.importTables({ name: book.name, bytes: book.bytes });
  assert.deepEqual(back.document.funding, ctg.parse(text).funding);
  const csv = await downloaded("csv-fr");
  assert.equal(csv.name, "ctg-81-thore-montagne-noire-2023-2025-financement.csv");
  assert.deepEqual(csv.bytes, tables.toCsv(text, { lang: "fr" }));
  const en = await downloaded("csv-en");
  assert.deepEqual(en.bytes, tables.toCsv(text, { lang: "en" }));
  assert.equal(requests.filter(tablesWasm).length, 1, "fetched once");
  assert.deepEqual(pageErrors, []);
});

test("a portfolio of files dropped: core's summary and its table of conventions", async () => {
  const portfolioWasm = (u) => u.endsWith("/ctg_wasm_portfolio_bg.wasm");
  assert.deepEqual(requests.filter(portfolioWasm), [], "not fetched before it is asked for");
  const fixtures = path.join(repoDir, "tests", "fixtures");
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(fixtures, f));
  await page.setInputFiles("#portfolio-files", [
    ...files.map((f) => ({ name: path.basename(f), mimeType: "application/json", buffer: fs.readFileSync(f) })),
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{") },
  ]);
  await page.waitForSelector("#portfolio-rows tr[data-verdict]");
  assert.equal(requests.filter(portfolioWasm).length, 1);
  assert.equal(await page.locator("#portfolio-rows tr[data-verdict=valid]").count(), files.length);
  assert.equal(await page.locator("#portfolio-rows tr[data-verdict=unreadable]").count(), 1);
  const p = (await ctg.loadPortfolios()).portfolio([...files.map((f) => [path.basename(f), fs.readFileSync(f, "utf8")]), ["broken.json", "{"]]);
  try {
    assert.equal(await page.locator("#portfolio").textContent(), p.toText());
  } finally {
    p.free();
  }
  await page.screenshot({ path: path.join(artifacts, "demo-portfolio.png"), fullPage: true });
  // A JSON Lines file.
  const lines = files.map((f) => JSON.stringify(JSON.parse(fs.readFileSync(f, "utf8")))).join("\n");
  await page.setInputFiles("#portfolio-files", { name: "all.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(lines) });
  await page.waitForFunction((n) => document.querySelectorAll("#portfolio-rows tr[data-verdict]").length === n, files.length);
  assert.equal(await page.locator("#portfolio-rows td").first().textContent(), "line 1");
  assert.deepEqual(pageErrors, []);
});
