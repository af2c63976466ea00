// Portfolios through the built package: without the geography (`loadPortfolios()`,
// `@ctg/wasm/portfolio`) and with it (`geography.portfolio()`); the five fixtures plus invalid
// and unreadable documents, every one in the table with its verdict, totals equal to the sum of
// each convention's, coverage counting each commune once; JSON Lines; and the cross-language
// agreement: the national portfolio (target/national.jsonl, written with Rust's answers by
// `cargo run --release -p ctg-benches --example national -- target/national.jsonl --answers
// target/national-answers.json`, which scripts/test-wasm.sh runs) gives Rust's summary and rows,
// as JSON values, exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as ctg from "../pkg/index.node.js";
import * as portfolioEntry from "../pkg/index.portfolio.node.js";
import { fixturesDir, jsonFiles, repoDir } from "./helpers.mjs";

const portfolios = await ctg.loadPortfolios();
const geo = await ctg.loadGeography();
const fixtures = jsonFiles(fixturesDir);
const documents = [
  ...fixtures.map(({ name, text }) => [name, new TextEncoder().encode(text)]),
  ["empty.json", "{}"],
  ["broken.json", "{"],
  ["object.json", { format_version: 1 }],
];

/** Runs `f`; its CtgError (anything else fails the test). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ctg.CtgError, `not a CtgError: ${e}`);
    assert.notEqual(e.code, "internal", e.message);
    return e;
  }
  assert.fail("did not throw");
}

/** Exact sum of amounts written with two decimals. */
function sum(amounts) {
  const cents = amounts.reduce((t, a) => t + BigInt(a.replace(".", "")), 0n);
  const s = cents.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

test("loadPortfolios() gives one API, the same as @ctg/wasm/portfolio's", async () => {
  assert.equal(await ctg.loadPortfolios(), portfolios);
  assert.equal(portfolioEntry.portfolios(), portfolios);
  assert.deepEqual(Object.keys(portfolios).sort(), ["portfolio", "portfolioFromJsonLines"]);
});

test("every document is in the portfolio with its verdict; totals are the sum of each convention's", () => {
  const p = portfolios.portfolio(documents, { lang: "en" });
  try {
    assert.equal(p.length, documents.length);
    assert.deepEqual(p.counts(), { documents: 8, valid: 5, invalid: 2, unreadable: 1 });
    const entries = p.entries({ lang: "en" });
    assert.deepEqual(entries.map((e) => e.source), documents.map(([s]) => s));
    assert.deepEqual(entries.slice(5).map((e) => e.verdict), ["invalid", "unreadable", "invalid"]);
    assert.equal(entries[6].report.issues[0].code, "json.syntax");
    assert.equal(entries[6].report.issues[0].message, entries[6].report.issues[0].message_en);
    const rows = p.conventions("2024-06-01");
    assert.deepEqual(rows.map((r) => r.verdict), entries.map((e) => e.verdict));
    for (const row of rows.slice(0, 5)) {
      assert.equal(row.region, null); // no geography
      assert.equal(row.communes, null);
    }
    const own = fixtures.map(({ text }) => ctg.check(text).totals).filter(Boolean);
    const totals = p.totals();
    assert.equal(totals.total, sum(own.map((t) => t.total)));
    assert.equal(totals.conventions, own.length);
    assert.deepEqual(totals.excluded, { invalid: 2, unreadable: 1, without_funding: 5 - own.length, overflow: [] });
    const years = new Set(own.flatMap((t) => Object.keys(t.by_year)));
    for (const year of years) assert.equal(totals.by_year[year], sum(own.map((t) => t.by_year[year] ?? "0.00")), year);
    const summary = p.summary("2024-06-01");
    assert.equal(summary.coverage, null);
    assert.deepEqual(summary.totals, totals);
    assert.equal(Object.values(summary.by_status).reduce((a, b) => a + b, 0), 5);
    const text = p.toText("2024-06-01", { lang: "en" });
    assert.ok(text.includes("8 documents: 5 valid, 2 invalid, 1 unreadable"), text);
    assert.match(thrown(() => p.coverage("2024-06-01")).message, /geography/);
  } finally {
    p.free();
  }
  assert.equal(thrown(() => p.counts()).code, "argument.invalid");
  p.free(); // twice is nothing
});

test("with the geography: rows with région, communes and population; coverage counts each commune once", () => {
  const p = geo.portfolio(documents);
  const date = "2024-06-01";
  const rows = p.conventions(date);
  const thore = rows.find((r) => r.id === "ctg-81-thore-montagne-noire-2023-2025");
  assert.deepEqual([thore.region, thore.communes, thore.population], ["76", 11, 9538]);
  const coverage = p.coverage(date);
  assert.deepEqual(p.summary(date).coverage, coverage);
  const inForce = rows.filter((r) => r.status === "in_force");
  assert.equal(coverage.conventions_in_force, inForce.length);
  // Each commune once: the national count is at most the sum of the rows', and the same as it
  // when no commune is in two conventions.
  if (inForce.every((r) => r.communes !== null) && coverage.incomplete.length === 0) {
    const rowsSum = inForce.reduce((t, r) => t + r.communes, 0);
    const doubled = coverage.overlaps.reduce((t, o) => t + o.conventions.length - 1, 0);
    assert.equal(coverage.national.communes, rowsSum - doubled);
  }
  // Two copies of a convention: every commune overlaps, none is counted twice.
  const twice = geo.portfolio([documents[0], ["copy.json", documents[0][1]]]);
  const c = twice.coverage("2023-06-01");
  assert.equal(c.conventions_in_force, 2);
  assert.ok(c.national.communes > 0);
  assert.equal(c.overlaps.length, c.national.communes);
  twice.free();
  p.free();
});

test("JSON Lines: one document a line, sources `line N`, blank lines skipped; the most documents", () => {
  const lines = `${fixtures[0].text.replace(/\n\s*/g, "")}\n\n{}\nnot json\n`;
  const p = portfolios.portfolioFromJsonLines(lines);
  assert.deepEqual(p.entries().map((e) => [e.source, e.verdict]), [["line 1", "valid"], ["line 3", "invalid"], ["line 4", "unreadable"]]);
  const bytes = portfolios.portfolioFromJsonLines(new TextEncoder().encode(lines), { max_documents: 2 });
  const last = bytes.entries().at(-1);
  assert.equal(last.source, "line 4");
  assert.equal(last.report.issues[0].code, "input.too_large");
  p.free();
  bytes.free();
});

test("bad arguments are CtgErrors", () => {
  assert.equal(thrown(() => portfolios.portfolio("a.json")).code, "argument.invalid");
  assert.equal(thrown(() => portfolios.portfolio([["a.json"]])).code, "argument.invalid");
  assert.equal(thrown(() => portfolios.portfolio([[1, "{}"]])).code, "argument.invalid");
  assert.equal(thrown(() => portfolios.portfolio([], { max_documents: -1 })).code, "argument.invalid");
  assert.equal(thrown(() => portfolios.portfolio([], { colour: 1 })).code, "argument.invalid");
  const p = portfolios.portfolio([]);
  assert.equal(thrown(() => p.summary("2024-13-01")).code, "argument.invalid");
  assert.deepEqual(p.counts(), { documents: 0, valid: 0, invalid: 0, unreadable: 0 });
  p.free();
});

test("the national portfolio gives Rust's answers exactly (summary and rows, as JSON values)", () => {
  const jsonl = path.join(repoDir, "target", "national.jsonl");
  const answersFile = path.join(repoDir, "target", "national-answers.json");
  assert.ok(
    fs.existsSync(jsonl) && fs.existsSync(answersFile),
    "run `cargo run --release -p ctg-benches --example national -- target/national.jsonl --answers target/national-answers.json` first (scripts/test-wasm.sh does)",
  );
  const answers = JSON.parse(fs.readFileSync(answersFile, "utf8"));
  const bytes = fs.readFileSync(jsonl);
  assert.equal(bytes.length, answers.bytes);
  assert.equal(geo.vintage.geography, answers.geography.geography);
  const p = geo.portfolioFromJsonLines(new Uint8Array(bytes));
  try {
    assert.equal(p.length, answers.documents);
    assert.deepEqual(p.summary(answers.date), answers.summary);
    assert.deepEqual(p.conventions(answers.date), answers.conventions);
  } finally {
    p.free();
  }
});
