// The life of a convention through the npm package (issue #9): building from parts, the helpers
// people compute by hand, copy-with edits (the input never changed), changes and amendments,
// comparisons and renewals, evaluation and expiry. Every answer is core's; these tests check that
// the binding hands it over whole, in the snake_case data casing, money and dates as strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ctg from "../pkg/index.node.js";
import { fixturesDir, jsonFiles } from "./helpers.mjs";

const fixtures = jsonFiles(fixturesDir);
const thore = fixtures.find((f) => f.name.startsWith("thore-montagne-noire"));
const thoreDoc = () => JSON.parse(thore.text);
const petiteLoco = { beneficiary: "la-petite-loco", facility_kind: "eaje", domain: "petite_enfance" };

/** The CtgError `f` throws (fails when it throws nothing or something else). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ctg.CtgError && e instanceof Error, `not a CtgError: ${e}`);
    return e;
  }
  assert.fail("no CtgError thrown");
}

/** A deep-frozen copy: an edit that tried to change its input would throw in strict mode. */
function frozen(value) {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

/** The parts of a small convention, as object literals. */
function parts() {
  return {
    id: "ctg-82-exemple-2024-2026",
    title: "CTG exemple 2024-2026",
    period: { first_year: 2024, last_year: 2026 },
    parties: [
      { id: "caf-82", name: "Caf de Tarn-et-Garonne", kind: "caf", role: "caf" },
      { id: "cc-exemple", name: "CC Exemple", kind: "cc", role: "signatory" },
    ],
    domains: ["petite_enfance"],
    stakes: [],
    objectives: [],
    action_sheets: [{ number: 1, title: "Ouvrir une crèche de 20 places", domains: ["petite_enfance"] }],
    funding: {
      beneficiaries: [{ id: "creche", name: "Crèche Les Lutins" }],
      allocations: [
        { beneficiary: "creche", facility_kind: "eaje", domain: "petite_enfance", amounts: ctg.spreadAmount("90 000 €", "2024-2026") },
      ],
    },
  };
}

test("build(): parts in, a canonical convention out; core writes format_version and what it derives", () => {
  const conv = ctg.build(frozen(parts()));
  assert.equal(conv.format_version, 1);
  assert.equal(conv.period.duration_years, 3);
  assert.equal(conv.action_sheets[0].status, "planned");
  assert.deepEqual(conv.funding.allocations[0].amounts, { 2024: "30000.00", 2025: "30000.00", 2026: "30000.00" });
  assert.equal(conv.funding.declared, undefined, "no totals declared: none invented");
  assert.deepEqual(ctg.parse(conv), conv, "what build() gives is what parse() gives");
  // the same document as parse() reads it
  assert.deepEqual(ctg.parse({ format_version: 1, ...parts() }), conv);
});

test("build() with declare_totals declares the totals the allocations add up to", () => {
  const conv = ctg.build(parts(), { declare_totals: true });
  assert.deepEqual(conv.funding.declared, { yearly: { 2024: "30000.00", 2025: "30000.00", 2026: "30000.00" }, total: "90000.00" });
  assert.deepEqual(ctg.totals(conv).by_year, conv.funding.declared.yearly);
  // declared by the parts AND asked to be computed: one or the other, never one silently replaced
  const both = parts();
  both.funding.declared = { total: "1.00" };
  const e = thrown(() => ctg.build(both, { declare_totals: true }));
  assert.equal(e.code, "argument.invalid");
  assert.match(e.message, /declare_totals/);
  // without funding: nothing to declare
  const none = parts();
  delete none.funding;
  assert.equal(ctg.build(none, { declare_totals: true }).funding, undefined);
  for (const bad of [1, "yes", null]) {
    assert.equal(thrown(() => ctg.build(parts(), { declare_totals: bad })).code, "argument.invalid", String(bad));
  }
});

test("build() of bad parts throws every issue, at document paths", () => {
  const bad = parts();
  bad.parties.shift(); // no Caf
  bad.action_sheets.push({ number: 1, title: "Encore une" });
  const e = thrown(() => ctg.build(bad, { lang: "en" }));
  const codes = e.issues.map((i) => `${i.code} ${i.path}`);
  assert.ok(codes.includes("party.no_caf parties"), codes.join("; "));
  assert.ok(codes.some((c) => c.startsWith("action_sheet.duplicate_number action_sheets[1]")), codes.join("; "));
  assert.match(e.message, /^2 errors/);
  // a declared total that does not match is reported, not fixed
  const wrong = parts();
  wrong.funding.declared = { total: "1.00" };
  assert.equal(thrown(() => ctg.build(wrong)).code, "funding.total_mismatch");
  // format_version given is read as given
  assert.equal(thrown(() => ctg.build({ ...parts(), format_version: 2 })).code, "format_version.unsupported");
  // not an object: core's own verdict
  assert.equal(thrown(() => ctg.build([])).code, "field.type");
});

test("declaredTotalsFrom() and spreadAmount(): what people compute by hand, exact", () => {
  const doc = thoreDoc();
  const declared = ctg.declaredTotalsFrom(doc.funding.allocations, doc.period);
  assert.deepEqual(declared, doc.funding.declared, "Thoré's declared totals are right");
  assert.deepEqual(ctg.declaredTotalsFrom([], "2024-2025"), { yearly: { 2024: "0.00", 2025: "0.00" }, total: "0.00" });
  assert.deepEqual(ctg.spreadAmount("100 000 €", { first_year: 2023, last_year: 2025 }), { 2023: "33333.34", 2024: "33333.33", 2025: "33333.33" });
  assert.deepEqual(ctg.spreadAmount(725403n, "2023–2025"), { 2023: "241801.00", 2024: "241801.00", 2025: "241801.00" });
  // every problem of both arguments at once, at the argument's name
  const e = thrown(() => ctg.declaredTotalsFrom([{ beneficiary: "x", facility_kind: "eaje", amounts: { 2024: "-1" } }], "2025-2024", { lang: "en" }));
  assert.deepEqual(e.issues.map((i) => [i.code, i.path]), [
    ["amount.negative", "allocations[0].amounts.2024"],
    ["period.reversed", "period"],
  ]);
  assert.equal(thrown(() => ctg.spreadAmount(0.5, "2024-2026")).code, "amount.float");
  assert.deepEqual(thrown(() => ctg.spreadAmount("-1", "2026-2024")).issues.map((i) => [i.code, i.path]), [
    ["amount.negative", "amount"],
    ["period.reversed", "period"],
  ]);
  assert.equal(thrown(() => ctg.spreadAmount("10", "2024")).code, "field.type");
  assert.equal(thrown(() => ctg.declaredTotalsFrom("nope", "2024-2026")).path, "allocations");
});

test("nextActionSheetNumber(): one after the last", () => {
  assert.equal(ctg.nextActionSheetNumber(thore.text), 17);
  const doc = parts();
  doc.action_sheets = [];
  assert.equal(ctg.nextActionSheetNumber({ format_version: 1, ...doc }), 1);
});

test("withAmount(): a new convention; a broken total is refused, restated on request; the input is never changed", () => {
  const doc = frozen(thoreDoc());
  const before = JSON.stringify(doc);
  const e = thrown(() => ctg.withAmount(doc, { ...petiteLoco, year: 2025, amount: "42 000 €" }));
  assert.equal(e.code, "change.breaks_convention");
  assert.ok(e.issues.some((i) => i.ctx.code === "funding.year_total_mismatch" && i.ctx.at === "funding.declared.yearly.2025"), JSON.stringify(e.issues.map((i) => i.ctx)));
  const edited = ctg.withAmount(doc, { ...petiteLoco, year: 2025, amount: "42 000 €" }, { restate_totals: true });
  assert.equal(edited.funding.allocations[1].amounts["2025"], "42000.00");
  assert.equal(edited.funding.declared.total, "726603.00");
  assert.equal(edited.funding.declared.yearly["2025"], "243001.00");
  assert.equal(JSON.stringify(doc), before, "the input is unchanged");
  // removing an amount (null), restated: the line keeps its other years
  const removed = ctg.withAmount(edited, { ...petiteLoco, year: 2025, amount: null }, { restate_totals: true });
  assert.deepEqual(Object.keys(removed.funding.allocations[1].amounts), ["2023", "2024"]);
  assert.equal(removed.funding.declared.total, "684603.00");
  // a line that does not exist yet is added
  const added = ctg.withAmount(doc, { beneficiary: "la-petite-loco", facility_kind: "laep", year: 2024, amount: 1000 }, { restate_totals: true });
  assert.equal(added.funding.allocations.length, doc.funding.allocations.length + 1);
  assert.deepEqual(added.funding.allocations.at(-1), { beneficiary: "la-petite-loco", facility_kind: "laep", amounts: { 2024: "1000.00" } });
  // the line's fields are read by core: every problem at its name
  const bad = thrown(() => ctg.withAmount(doc, { beneficiary: "la-petite-loco", facility_kind: "crèchette", year: 2025, amount: "-3" }, { lang: "en" }));
  assert.deepEqual(bad.issues.map((i) => [i.code, i.path]), [
    ["value.unknown", "facility_kind"],
    ["amount.negative", "amount"],
  ]);
  assert.equal(thrown(() => ctg.withAmount(doc, { ...petiteLoco, year: 2025, amount: 42000.5 })).code, "amount.float");
  // removing an amount a line does not have cannot apply (core's change: there is nothing to remove)
  const absent = thrown(() => ctg.withAmount(doc, { beneficiary: "nobody", facility_kind: "eaje", year: 2025, amount: null }));
  assert.equal(absent.code, "change.cannot_apply");
  assert.deepEqual(absent.issues[0].ctx, { kind: "amount", subject: "nobody eaje 2025", reason: "not_there" });
  // French labels are read as core reads them
  assert.equal(
    ctg.withAmount(doc, { ...petiteLoco, facility_kind: "crèche", domain: "Petite enfance", year: 2025, amount: "42000" }, { restate_totals: true }).funding.declared.total,
    "726603.00",
  );
});

test("withActionSheet(), withoutActionSheet(): added, replaced by number, removed", () => {
  const doc = frozen(thoreDoc());
  const next = ctg.nextActionSheetNumber(doc);
  const added = ctg.withActionSheet(doc, { number: next, title: "Soutenir la parentalité", domains: ["parentalite"] });
  assert.equal(added.action_sheets.length, 17);
  assert.deepEqual(added.action_sheets.at(-1), { number: 17, title: "Soutenir la parentalité", domains: ["parentalite"], status: "planned" });
  const done = ctg.withActionSheet(doc, { ...doc.action_sheets[1], status: "réalisée" });
  assert.equal(done.action_sheets[1].status, "done");
  assert.equal(ctg.withoutActionSheet(doc, 16).action_sheets.length, 15);
  const missing = thrown(() => ctg.withoutActionSheet(doc, 99, { lang: "en" }));
  assert.equal(missing.code, "change.cannot_apply");
  assert.equal(missing.issues[0].ctx.subject, "99");
  // a sheet that cannot be read: its issues at action_sheet.…
  const bad = thrown(() => ctg.withActionSheet(doc, { number: 0, schedule: { start: "2024-13-01" } }));
  assert.deepEqual(bad.issues.map((i) => i.path).sort(), ["action_sheet.number", "action_sheet.schedule.start", "action_sheet.title"]);
  // a sheet whose references are unknown breaks the convention: said with the rule and where
  const broken = thrown(() => ctg.withActionSheet(doc, { number: 17, title: "x", lead: "nobody" }));
  assert.equal(broken.code, "change.breaks_convention");
  assert.equal(broken.issues[0].ctx.code, "reference.unknown_party");
  for (const n of [-1, 1.5, "16", 2 ** 32, undefined]) {
    assert.equal(thrown(() => ctg.withoutActionSheet(doc, n)).code, "argument.invalid", String(n));
  }
});

test("withParty(), withoutParty(), withPeriod()", () => {
  const doc = frozen(thoreDoc());
  const msa = { id: "msa", name: "MSA Midi-Pyrénées Nord", kind: "msa", role: "co_funder" };
  assert.equal(ctg.withParty(doc, msa).parties.length, 14);
  assert.equal(ctg.withoutParty(doc, "albine").parties.length, 12);
  const leads = thrown(() => ctg.withoutParty(doc, "cc-thore-montagne-noire"));
  assert.equal(leads.code, "change.breaks_convention");
  assert.equal(thrown(() => ctg.withParty(doc, { id: "x", kind: "msa" })).issues[0].path, "party.name");
  assert.equal(thrown(() => ctg.withoutParty(doc, 3)).code, "argument.invalid");
  const longer = ctg.withPeriod(doc, "2023-2026");
  assert.deepEqual(longer.period, { first_year: 2023, last_year: 2026, duration_years: 4 });
  assert.deepEqual(ctg.withPeriod(doc, { first_year: 2023, last_year: 2026 }), longer);
  const shorter = thrown(() => ctg.withPeriod(doc, "2023-2024"));
  assert.equal(shorter.code, "change.breaks_convention");
  assert.equal(thrown(() => ctg.withPeriod(doc, "2026-2023")).code, "period.reversed");
});

test("applyChanges(): core's changes, in order; cannot apply at changes[i]; unreadable at changes[i].…", () => {
  const doc = frozen(thoreDoc());
  const add = { kind: "domain", after: "parentalite" };
  const edited = ctg.applyChanges(doc, [add]);
  assert.ok(edited.domains.includes("parentalite"));
  assert.ok(!doc.domains.includes("parentalite"), "the input is unchanged");
  const again = thrown(() => ctg.applyChanges(edited, [add], { lang: "en" }));
  assert.equal(again.code, "change.cannot_apply");
  assert.equal(again.path, "changes[0]");
  assert.equal(again.issues[0].ctx.reason, "already_there");
  // an amount change and the declared totals, as an amendment states them
  const both = ctg.applyChanges(doc, [
    { kind: "amount", ...petiteLoco, year: 2025, before: "40800.00", after: "42000.00" },
    { kind: "declared", before: doc.funding.declared, after: { ...doc.funding.declared, yearly: { ...doc.funding.declared.yearly, 2025: "243001.00" }, total: "726603.00" } },
  ]);
  assert.equal(both.funding.declared.total, "726603.00");
  assert.deepEqual(ctg.diff(doc, both).changes.map((c) => c.kind), ["amount", "declared"]);
  const unreadable = thrown(() => ctg.applyChanges(doc, [add, { kind: "colour" }, { kind: "amount", year: 2025 }]));
  assert.deepEqual(unreadable.issues.map((i) => [i.code, i.path]), [
    ["value.unknown", "changes[1].kind"],
    ["field.missing", "changes[2].before"],
    ["field.missing", "changes[2].beneficiary"],
    ["field.missing", "changes[2].facility_kind"],
  ]);
  assert.equal(thrown(() => ctg.applyChanges(doc, { kind: "domain" })).path, "changes");
  assert.deepEqual(ctg.applyChanges(doc, []), ctg.parse(doc), "no change: the convention as it is");
});

test("asOf(): the convention in force on a day, the amendments applied and pending", () => {
  const doc = thoreDoc();
  doc.amendments = [
    {
      number: 1,
      date: "2024-03-12",
      summary: "La Petite Loco : 42 000 € en 2025",
      changes: [
        { kind: "amount", ...petiteLoco, year: 2025, before: "40800.00", after: "42000.00" },
        { kind: "declared", before: doc.funding.declared, after: { yearly: { ...doc.funding.declared.yearly, 2025: "243001.00" }, total: "726603.00" } },
      ],
    },
  ];
  const early = ctg.asOf(doc, "2024-03-11");
  assert.deepEqual([early.applied.length, early.pending.map((a) => a.number)], [0, [1]]);
  assert.equal(early.convention.funding.declared.total, "725403.00");
  const later = ctg.asOf(doc, "2024-03-12", { lang: "en" });
  assert.deepEqual(later.applied.map((a) => a.number), [1]);
  assert.equal(later.applied[0].changes.length, 2, "the history keeps the changes");
  assert.equal(later.convention.funding.allocations[1].amounts["2025"], "42000.00");
  assert.equal(later.convention.amendments, undefined);
  const now = ctg.asOf(doc);
  assert.deepEqual(now.applied.map((a) => a.number), [1], "today: after 2024");
  // an amendment that cannot apply makes the document invalid: its number and the change's path
  doc.amendments[0].changes[0].before = "40000.00";
  const e = thrown(() => ctg.asOf(doc, "2025-01-01", { lang: "en" }));
  assert.equal(e.code, "change.cannot_apply");
  assert.equal(e.path, "amendments[0].changes[0]");
  assert.equal(e.issues[0].ctx.amendment, 1);
  for (const bad of ["12/03/2024", 20240312, {}]) {
    assert.equal(thrown(() => ctg.asOf(thore.text, bad)).code, "argument.invalid", String(bad));
  }
});

test("diff() and renewal(): data, French and English text; CtgError says which convention is invalid", () => {
  const doc = thoreDoc();
  const edited = ctg.withAmount(doc, { ...petiteLoco, year: 2025, amount: "42000" }, { restate_totals: true });
  const d = ctg.diff(doc, edited, { lang: "en" });
  assert.deepEqual(d.fields, []);
  assert.equal(d.changes[0].kind, "amount");
  assert.equal(d.changes[0].before, "40800.00");
  assert.equal(d.changes[0].after, "42000.00");
  assert.equal(d.changes[0].difference, "1200.00");
  assert.match(d.text, /^- La Petite Loco \(.*\) 2025: €40,800\.00 → €42,000\.00 \(\+€1,200\.00\)$/m);
  assert.match(ctg.diff(doc, edited).text, /La Petite Loco .* 2025 : 40\u202f800\u00a0€ → 42\u202f000\u00a0€/);
  const bad = thoreDoc();
  bad.title = "";
  const before = thrown(() => ctg.diff(bad, doc));
  assert.equal(before.argument, "before");
  assert.equal(before.code, "field.empty");
  assert.equal(thrown(() => ctg.diff(doc, bad)).argument, "after");
  assert.equal(thrown(() => ctg.renewal(doc, bad)).argument, "next");
  assert.equal(thrown(() => ctg.renewal(bad, doc)).argument, "previous");
  assert.equal(thrown(() => ctg.parse(bad)).argument, undefined, "one convention: no argument named");
  const r = ctg.renewal(doc, ctg.withoutActionSheet(doc, 16), { lang: "en" });
  assert.deepEqual(r.stopped, [{ number: 16, title: doc.action_sheets[15].title }]);
  assert.equal(r.continued.length, 15);
  assert.equal(r.next_has_no_sheets, false);
  assert.match(r.text, /^Renewal /);
});

test("indicatorProgress(), indicatorRows(): every indicator, measured or not, at a date", () => {
  const doc = thoreDoc();
  doc.action_sheets[1].indicators = [
    { name: "assistantes maternelles", baseline: 20, target: "30", measurements: [{ date: "2023-06-30", value: "22" }, { date: "2024-06-30", value: "31" }] },
    { name: "réunions", unit: "réunions", baseline: 0, target: 4 },
    { name: "sans cible", measurements: [{ date: "2024-06-30", value: 3 }] },
  ];
  const all = ctg.indicatorProgress(doc);
  assert.deepEqual(all, [
    { action_sheet: 2, indicator: "assistantes maternelles", baseline: "20", target: "30", measured_on: "2024-06-30", latest: "31", progress: "1.1000", status: "reached" },
    { action_sheet: 2, indicator: "réunions", unit: "réunions", baseline: "0", target: "4", measured_on: null, latest: null, progress: null, status: "not_measured" },
    { action_sheet: 2, indicator: "sans cible", baseline: null, target: null, measured_on: "2024-06-30", latest: "3", progress: null, status: "no_target" },
  ]);
  const early = ctg.indicatorProgress(doc, { at: "2024-01-01" });
  assert.deepEqual(early.map((p) => [p.latest, p.progress, p.status]), [["22", "0.2000", "in_progress"], [null, null, "not_measured"], [null, null, "not_measured"]]);
  assert.deepEqual(ctg.indicatorProgress(doc, { at: new Date(2024, 0, 1) }), early);
  assert.equal(thrown(() => ctg.indicatorProgress(doc, { at: "soon" })).code, "argument.invalid");
  const rows = ctg.indicatorRows(doc);
  assert.equal(rows.length, 4, "two measurements, one indicator without, one with one");
  assert.deepEqual(rows[1], {
    action_sheet: 2,
    action_sheet_title: doc.action_sheets[1].title,
    indicator: "assistantes maternelles",
    unit: null,
    baseline: "20",
    target: "30",
    date: "2024-06-30",
    value: "31",
    progress: "1.1000",
  });
  assert.equal(rows[2].date, null);
  assert.deepEqual(ctg.indicatorRows(thore.text), []);
});

test("execution() and evaluation(): planned against paid, a yearly report with core's text", () => {
  const doc = thoreDoc();
  doc.funding.allocations[1].paid = { 2023: "39000.00" };
  doc.action_sheets[2].schedule = { end: "2024-06-30" };
  const execution = ctg.execution(doc);
  assert.deepEqual(execution.by_year["2023"], { planned: "241801.00", paid: "39000.00", lines: 9, lines_paid_known: 1, gap: "1800.00" });
  assert.deepEqual(execution.by_year["2024"], { planned: "241801.00", paid: null, lines: 9, lines_paid_known: 0, gap: null }, "absent, not zero");
  assert.equal(execution.rows.length, 27);
  assert.deepEqual(execution.rows[3], { beneficiary: "la-petite-loco", beneficiary_name: "La Petite Loco", facility_kind: "eaje", domain: "petite_enfance", year: 2023, planned: "40800.00", paid: "39000.00", gap: "1800.00" });
  // a line's domain and label when it has them (absent otherwise)
  assert.equal(execution.rows[0].facility_kind, "coordination");
  assert.match(execution.rows[0].label, /^coordination et animation/);
  assert.equal("domain" in execution.rows[0], false);
  const noFunding = thoreDoc();
  delete noFunding.funding;
  assert.equal(ctg.execution(noFunding), null);

  const evaluation = ctg.evaluation(doc, 2024, { today: "2025-03-01" });
  assert.equal(evaluation.as_of, "2024-12-31");
  assert.equal(evaluation.convention, doc.id);
  assert.deepEqual(evaluation.late, [{ number: 3, title: doc.action_sheets[2].title, end: "2024-06-30", status: "planned" }]);
  assert.equal(evaluation.sheets_by_status.planned.length, 16);
  assert.equal(evaluation.funding.planned, "241801.00");
  assert.equal(evaluation.funding_rows.length, 9);
  assert.match(evaluation.text, /^Évaluation 2024/);
  assert.match(evaluation.text, /En retard/);
  assert.match(ctg.evaluation(doc, 2024, { today: "2025-03-01", lang: "en" }).text, /^Evaluation 2024/);
  // judged on today when earlier than the end of the year
  assert.equal(ctg.evaluation(doc, 2024, { today: "2024-05-01" }).as_of, "2024-05-01");
  assert.equal(ctg.evaluation(noFunding, 2024, { today: "2025-01-01" }).funding, null);
  for (const year of ["2024", 2024.5, undefined, 2 ** 31]) {
    assert.equal(thrown(() => ctg.evaluation(doc, year)).code, "argument.invalid", String(year));
  }
});

test("monthsBeforeExpiry() and expiries(): for one convention and for a list", () => {
  assert.equal(ctg.monthsBeforeExpiry(thore.text, "2025-06-30"), 6);
  assert.equal(ctg.monthsBeforeExpiry(thore.text, "2025-12-31"), 0);
  assert.equal(ctg.monthsBeforeExpiry(thore.text, "2026-03-01"), -2);
  assert.equal(ctg.monthsBeforeExpiry(thore.text, undefined, { today: "2025-06-30" }), 6);
  const terminated = thoreDoc();
  terminated.termination = { date: "2024-06-30" };
  assert.equal(ctg.monthsBeforeExpiry(terminated, "2024-01-15"), 5, "a termination ends it earlier");

  const list = ctg.expiries([...fixtures.map((f) => f.text), "{}"], "2025-01-01");
  assert.equal(list.length, fixtures.length + 1);
  const thoreEnd = list.find((e) => e.id === "ctg-81-thore-montagne-noire-2023-2025");
  assert.deepEqual(thoreEnd, {
    report: { valid: true, issues: [] },
    id: "ctg-81-thore-montagne-noire-2023-2025",
    title: JSON.parse(thore.text).title,
    end_date: "2025-12-31",
    months_before_expiry: 11,
  });
  const invalid = list.at(-1);
  assert.equal(invalid.report.valid, false);
  assert.deepEqual(Object.keys(invalid), ["report"], "an invalid one has its report and no end");
  assert.deepEqual(ctg.expiries([]), []);
  for (const bad of ["{}", { length: 1 }, new Array(5_000_000)]) {
    assert.equal(thrown(() => ctg.expiries(bad, "2025-01-01")).code, "argument.invalid");
  }
});
