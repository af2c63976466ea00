// Hostile values: `validate` never throws on data — whatever getters, Proxy traps, huge sparse
// arrays, deep nesting or cycles it meets, it returns a report saying where — the functions that
// throw throw a CtgError (never `internal`, never a RuntimeError), and the module keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import * as ctg from "../pkg/index.node.js";
import { fixturesDir, jsonFiles } from "./helpers.mjs";

const thore = jsonFiles(fixturesDir).find((f) => f.name.startsWith("thore-montagne-noire"));
const doc = (notes) => ({ ...JSON.parse(thore.text), notes });

/** The report's issues as `code path` strings. */
const codes = (report) => report.issues.map((i) => `${i.code} ${i.path}`);

/** The module still answers exactly. */
function stillWorks() {
  assert.equal(ctg.validate(thore.text).valid, true);
  assert.equal(ctg.totals(JSON.parse(thore.text)).total, "725403.00");
  assert.equal(ctg.parseAmount("1 234,56 €"), "1234.56");
}

const explode = () => {
  throw new Error("trap");
};
const TRAPS = ["get", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "has"];

test("Proxies whose traps throw are unreadable values where they stand", () => {
  for (const trap of TRAPS) {
    for (const target of [{}, [], { a: 1 }, [1, 2]]) {
      const proxy = new Proxy(target, { [trap]: explode });
      const report = ctg.validate(doc(proxy));
      assert.equal(report.valid, false, trap);
      const at = report.issues.filter((i) => i.path === "notes" || i.path.startsWith("notes"));
      assert.ok(at.length >= 1, `${trap}: ${codes(report)}`);
      // A trap the reading never calls (has, getPrototypeOf…) leaves a readable value, of the
      // wrong type here (notes is a text); get (also asked for Symbol.toStringTag and an array's
      // length) and an object's ownKeys make it unreadable.
      assert.ok(at.every((i) => ["input.unreadable", "field.type"].includes(i.code)), `${trap}: ${codes(report)}`);
      const unreadable = trap === "get" || (trap === "ownKeys" && !Array.isArray(target));
      assert.equal(at[0].code, unreadable ? "input.unreadable" : "field.type", `${trap} on ${JSON.stringify(target)}`);
      if (unreadable) assert.equal(at[0].ctx.detail, "Error: trap");
    }
  }
  // as the whole document, and inside a list
  const root = new Proxy({}, { ownKeys: explode });
  assert.deepEqual(codes(ctg.validate(root)), ["input.unreadable "]);
  const list = JSON.parse(thore.text);
  list.sources = [new Proxy({}, { get: explode }), new Proxy([], { get: explode })];
  const report = ctg.validate(list);
  assert.ok(codes(report).includes("input.unreadable sources[1]"), codes(report).join("; "));
  stillWorks();
});

test("revoked proxies, and proxies of arrays that lie about their length", () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const report = ctg.validate(doc(proxy));
  assert.deepEqual(codes(report), ["input.unreadable notes"]);
  assert.match(report.issues[0].ctx.detail, /^TypeError: .*proxy/);
  assert.deepEqual(codes(ctg.validate(proxy)), ["input.unreadable "]);

  const lying = (length) => new Proxy([], { get: (t, k) => (k === "length" ? length : undefined) });
  assert.deepEqual(codes(ctg.validate(doc(lying(2 ** 40)))), ["input.too_large "]);
  assert.deepEqual(codes(ctg.validate(doc(lying(-5)))), ["field.type notes"], "ToLength: 0 items");
  assert.deepEqual(codes(ctg.validate(doc(lying("many")))), ["input.unreadable notes"]);
  stillWorks();
});

test("getters that throw anything: an Error, a string, undefined, a Proxy that throws on every read", () => {
  const thrownValues = [new TypeError("boom"), "plain string", undefined, 42, Symbol("s"), new Proxy({}, { get: explode, getPrototypeOf: explode })];
  for (const value of thrownValues) {
    const d = JSON.parse(thore.text);
    Object.defineProperty(d, "notes", {
      enumerable: true,
      get() {
        throw value;
      },
    });
    const report = ctg.validate(d);
    assert.deepEqual(codes(report), ["input.unreadable notes"], String(typeof value));
    assert.equal(typeof report.issues[0].ctx.detail, "string");
  }
  const d = JSON.parse(thore.text);
  Object.defineProperty(d, "notes", { enumerable: true, get: () => { throw new TypeError("boom"); } });
  assert.equal(ctg.validate(d).issues[0].ctx.detail, "TypeError: boom");
  // a Symbol.toStringTag getter that throws
  const tagged = { get [Symbol.toStringTag]() { throw new Error("tag"); } };
  assert.deepEqual(codes(ctg.validate(doc(tagged))), ["input.unreadable notes"]);
  stillWorks();
});

test("huge sparse arrays are too large at once, before any item is read", () => {
  let reads = 0;
  const counting = new Proxy(new Array(2 ** 32 - 1), { get: (t, k) => (k === "length" ? t.length : (reads++, undefined)) });
  const started = performance.now();
  for (const input of [new Array(2 ** 32 - 1), doc(new Array(2 ** 32 - 1)), { ...JSON.parse(thore.text), sources: new Array(5_000_000) }, counting]) {
    const report = ctg.validate(input);
    assert.deepEqual(report.issues.map((i) => [i.code, i.path, i.ctx]), [["input.too_large", "", { limit: 4194304, unit: "values" }]]);
  }
  assert.equal(reads, 0, "no item read");
  assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  // with a limit raised past the length, still no trap: the length is checked against what is left
  const raised = ctg.validate(new Array(2 ** 32 - 1), { limits: { max_values: 2 ** 32 - 1 } });
  assert.deepEqual(codes(raised), ["input.too_large "]);
  // an array at the limit is read, item by item
  const small = ctg.validate({ ...JSON.parse(thore.text), sources: new Array(10) }, { limits: { max_values: 10_000 } });
  assert.ok(codes(small).every((c) => c.startsWith("field.type sources[")), codes(small).join("; "));
  stillWorks();
});

test("deep nesting stops at max_depth without recursion, even with the limit raised", () => {
  const deepObject = {};
  let cursor = deepObject;
  for (let i = 0; i < 100_000; i++) cursor = cursor.a = {};
  const deepArray = [];
  let arr = deepArray;
  for (let i = 0; i < 100_000; i++) arr = arr[0] = [];
  for (const input of [deepObject, deepArray, doc(deepArray)]) {
    const report = ctg.validate(input);
    assert.deepEqual(report.issues.map((i) => [i.code, i.path, i.ctx]), [["json.too_deep", "", { limit: 64 }]]);
  }
  // raised past the nesting: read to the end (iteratively) and freed without recursion
  const raised = ctg.validate(doc(deepArray), { limits: { max_depth: 200_000 } });
  assert.deepEqual(codes(raised), ["field.type notes"]);
  const raisedText = ctg.validate(`{"notes": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`, { limits: { max_depth: 200_000 } });
  assert.ok(codes(raisedText).includes("field.type notes"));
  // a getter that makes a new level each time it is read
  const endless = {
    get next() {
      return { endless: this };
    },
  };
  assert.deepEqual(codes(ctg.validate(doc(endless))), ["json.too_deep "]);
  stillWorks();
});

test("cycles are json.too_deep at once, even beside a large value", () => {
  const self = { title: "x" };
  self.self = self;
  const a = {};
  const b = { a };
  a.b = b;
  const list = [];
  list.push(list);
  const heavy = { big: new Array(100_000).fill("x") };
  heavy.again = heavy;
  const started = performance.now();
  for (const input of [self, a, list, doc(list), doc(heavy)]) {
    const report = ctg.validate(input);
    assert.deepEqual(report.issues.map((i) => [i.code, i.path]), [["json.too_deep", ""]]);
    assert.match(report.issues[0].message_en, /cyclic/);
  }
  assert.ok(performance.now() - started < 3000, `${performance.now() - started} ms`);
  // a value shared without a cycle is read each time it appears (no cycle, no issue)
  const shared = ["Convention"];
  const d = JSON.parse(thore.text);
  d.sources = shared;
  d.notes = "x";
  d.stakes[0].sources = undefined;
  assert.equal(ctg.validate({ ...d, diagnostic: { sources: shared } }).valid, true);
  // a wide DAG stops at max_values
  let dag = {};
  for (let i = 0; i < 40; i++) dag = { a: dag, b: dag };
  assert.deepEqual(codes(ctg.validate(dag, { limits: { max_values: 50_000 } })), ["input.too_large "]);
  stillWorks();
});

test("values of types that mean nothing in a document are named as the host names them", () => {
  const cases = [
    [new Set([1]), "Set"],
    [new Map([[1, 2]]), "Map"],
    [new Date(0), "Date"],
    [/regex/, "RegExp"],
    [new Uint8Array(2), "Uint8Array"],
    [new Float64Array(2), "Float64Array"],
    [new ArrayBuffer(8), "ArrayBuffer"],
    [new DataView(new ArrayBuffer(8)), "DataView"],
    [new WeakMap(), "WeakMap"],
    [Promise.resolve(1), "Promise"],
    [new Error("x"), "Error"],
    [new String("boxed"), "String"],
    [new Number(1), "Number"],
    [() => 1, "function"],
    [class {}, "function"],
    [Symbol("x"), "symbol"],
  ];
  for (const [value, name] of cases) {
    const report = ctg.validate(doc(value));
    assert.deepEqual(report.issues.map((i) => [i.code, i.path, i.ctx]), [["field.type", "notes", { expected: "text", found: name }]], name);
  }
  // a symbol key cannot name a field
  const d = JSON.parse(thore.text);
  d[Symbol("meta")] = 1;
  assert.deepEqual(ctg.validate(d).issues.map((i) => [i.code, i.ctx.found]), [["field.type", "symbol key"]]);
  // class instances, null-prototype objects and values of another realm are read as plain data
  class Notes {
    constructor() {
      this.title = JSON.parse(thore.text).title;
    }
  }
  const instance = Object.assign(new Notes(), JSON.parse(thore.text));
  assert.equal(ctg.validate(instance).valid, true);
  assert.equal(ctg.validate(Object.assign(Object.create(null), JSON.parse(thore.text))).valid, true);
  const foreign = vm.runInNewContext(`(${thore.text})`);
  assert.ok(!(foreign instanceof Object));
  assert.equal(ctg.validate(foreign).valid, true);
  const foreignBytes = vm.runInNewContext("new Uint8Array([91, 93])");
  assert.deepEqual(codes(ctg.validate(foreignBytes)), ["field.type "], "bytes of another realm are JSON text");
  // numbers: a safe integer is an integer, anything else a float; a BigInt is an integer
  const amounts = (value) => {
    const x = JSON.parse(thore.text);
    x.funding.allocations[0].amounts["2023"] = value;
    delete x.funding.declared;
    return codes(ctg.validate(x));
  };
  assert.deepEqual(amounts(40513), []);
  assert.deepEqual(amounts(40513n), []);
  assert.deepEqual(amounts(-0), []);
  assert.deepEqual(amounts(2 ** 53), ["amount.float funding.allocations[0].amounts.2023"]);
  assert.deepEqual(amounts(Number.NaN), ["value.nan funding.allocations[0].amounts.2023"]);
  stillWorks();
});

test("bad input of every kind gets a report or a CtgError, and the module keeps working", () => {
  const garbage = new Uint8Array(4096);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
  const bad = [
    "",
    "not json",
    "{",
    "[".repeat(100_000),
    '{"a":'.repeat(50_000),
    "\u0000\uffff\ud800",
    "1e999999",
    "123456789012345678901234567890",
    '{"format_version": 1e400}',
    garbage,
    new Uint8Array([0xff, 0xfe, 0xfd]),
    new Uint8Array(0),
    null,
    undefined,
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e308,
    2n ** 100n,
    true,
    [],
    [1, 2, 3],
    {},
    { format_version: "1", title: 42, period: [], parties: "none", funding: { allocations: [{ amounts: { 2024: 1e30 } }] } },
    { funding: { allocations: [{ amounts: { 2024: Number.MAX_SAFE_INTEGER * 4 } }] } },
    () => 1,
    Symbol("x"),
    { fn: () => 1 },
    new Map([[1, 2]]),
    new Date(0),
    /regex/,
    new ArrayBuffer(8),
    new Proxy({}, { ownKeys: explode }),
    "x".repeat(5_000_000),
  ];
  for (let round = 0; round < 3; round++) {
    for (const input of bad) {
      const report = ctg.validate(input);
      assert.equal(report.valid, false, `validate(${describe(input)})`);
      assert.ok(report.issues.length > 0);
      const checked = ctg.check(input);
      assert.equal(checked.report.valid, false);
      for (const f of [ctg.parse, ctg.totals, ctg.status, ctg.indicatorProgress, ctg.conventionHtml]) {
        assert.throws(() => f(input), (e) => e instanceof ctg.CtgError && e.code !== "internal" && e.issues.length > 0, `${f.name}(${describe(input)})`);
      }
      assert.equal(typeof ctg.reportHtml(input), "string");
      // Some are amounts (0, a BigInt…): an answer, or a CtgError of core's.
      for (const f of [ctg.parseAmount, (x) => ctg.formatAmount(x, "fr"), (x) => ctg.split(x, [1]), (x) => ctg.splitEvenly(x, 2)]) {
        try {
          const answer = f(input);
          assert.ok(typeof answer === "string" || Array.isArray(answer), describe(input));
        } catch (e) {
          assert.ok(e instanceof ctg.CtgError && e.code !== "internal" && e.issues.length === 1, `${describe(input)}: ${e}`);
        }
      }
    }
    stillWorks();
  }
});

test("the life functions on bad arguments: a CtgError, never a raw exception, and the module keeps working", () => {
  const valid = JSON.parse(thore.text);
  const hostile = [
    undefined,
    null,
    0,
    -1,
    1.5,
    Number.NaN,
    2n ** 100n,
    "",
    "nope",
    "{",
    true,
    [],
    [null],
    {},
    () => 1,
    Symbol("x"),
    new Map([[1, 2]]),
    new Date(Number.NaN),
    new Proxy({}, { ownKeys: explode }),
    new Proxy({}, { get: explode }),
    new Proxy([], { get: explode }),
    Object.defineProperty({}, "number", { enumerable: true, get: explode }),
    new Array(2 ** 32 - 1),
    Array.from({ length: 100 }).reduce((inner) => [inner], []),
  ];
  /** Every function of issue #9, each given `x` in one argument place. */
  const calls = (x) => [
    ["build", () => ctg.build(x)],
    ["build options", () => ctg.build(valid, x)],
    ["declaredTotalsFrom allocations", () => ctg.declaredTotalsFrom(x, "2023-2025")],
    ["declaredTotalsFrom period", () => ctg.declaredTotalsFrom([], x)],
    ["spreadAmount amount", () => ctg.spreadAmount(x, "2023-2025")],
    ["spreadAmount period", () => ctg.spreadAmount("100", x)],
    ["nextActionSheetNumber", () => ctg.nextActionSheetNumber(x)],
    ["withAmount input", () => ctg.withAmount(x, { beneficiary: "la-petite-loco", facility_kind: "eaje", domain: "petite_enfance", year: 2025, amount: null })],
    ["withAmount line", () => ctg.withAmount(valid, x)],
    ["withAmount amount", () => ctg.withAmount(valid, { beneficiary: "la-petite-loco", facility_kind: "eaje", year: 2025, amount: x })],
    ["withAmount options", () => ctg.withAmount(valid, { beneficiary: "a", facility_kind: "eaje", year: 2025, amount: null }, x)],
    ["withActionSheet", () => ctg.withActionSheet(valid, x)],
    ["withActionSheet input", () => ctg.withActionSheet(x, { number: 17, title: "x" })],
    ["withoutActionSheet", () => ctg.withoutActionSheet(valid, x)],
    ["withParty", () => ctg.withParty(valid, x)],
    ["withoutParty", () => ctg.withoutParty(valid, x)],
    ["withPeriod", () => ctg.withPeriod(valid, x)],
    ["applyChanges", () => ctg.applyChanges(valid, x)],
    ["applyChanges item", () => ctg.applyChanges(valid, [x])],
    ["asOf date", () => ctg.asOf(valid, x === undefined || x === null ? "bad" : x)],
    ["asOf input", () => ctg.asOf(x, "2024-01-01")],
    ["diff before", () => ctg.diff(x, valid)],
    ["diff after", () => ctg.diff(valid, x)],
    ["renewal", () => ctg.renewal(x, valid)],
    ["indicatorProgress options", () => ctg.indicatorProgress(valid, { at: x ?? "bad" })],
    ["indicatorRows", () => ctg.indicatorRows(x)],
    ["execution", () => ctg.execution(x)],
    ["evaluation year", () => ctg.evaluation(valid, x)],
    ["evaluation input", () => ctg.evaluation(x, 2024)],
    ["monthsBeforeExpiry", () => ctg.monthsBeforeExpiry(valid, x ?? "bad")],
    ["expiries", () => ctg.expiries(x)],
  ];
  let thrown = 0;
  for (const [k, x] of hostile.entries()) {
    for (const [name, call] of calls(x)) {
      try {
        call();
      } catch (e) {
        // (hostile values are named by their place: describing a Proxy would run its traps)
        assert.ok(e instanceof ctg.CtgError, `${name}(hostile[${k}]): ${e}`);
        assert.notEqual(e.code, "internal", `${name}(hostile[${k}]): ${e.message}`);
        assert.equal(typeof e.message, "string");
        thrown++;
      }
    }
    stillWorks();
  }
  assert.ok(thrown > hostile.length * 20, `${thrown} errors`);
  // expiries never throws on data: hostile items each get their report
  const list = ctg.expiries(hostile.filter((x) => x !== undefined && typeof x !== "symbol"), "2025-01-01");
  assert.ok(list.every((e) => e.report.valid === false && e.id === undefined));
});

test("thousands of calls do not leak the module into a bad state", () => {
  for (let i = 0; i < 3000; i++) {
    ctg.validate(i % 2 ? "{" : { title: i, notes: new Proxy({}, { get: explode }) });
    try {
      ctg.parseAmount(`${i},999`);
    } catch {}
  }
  stillWorks();
});

function describe(value) {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 20)) + (value.length > 20 ? `…(${value.length})` : "");
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol" || typeof value === "function") return String(value);
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  return Object.prototype.toString.call(value);
}
