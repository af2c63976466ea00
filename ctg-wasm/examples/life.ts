// The life of a convention from TypeScript (issue #9): build it from parts, edit it, amend it,
// compare it and evaluate it. Checked by `tsc --noEmit --strict` in scripts/test-wasm.sh, and run
// by the tests (tests/examples.test.mjs). In a browser, `await init()` once first.
import init, {
  CtgError,
  applyChanges,
  asOf,
  build,
  declaredTotalsFrom,
  diff,
  evaluation,
  execution,
  expiries,
  indicatorProgress,
  indicatorRows,
  monthsBeforeExpiry,
  nextActionSheetNumber,
  renewal,
  spreadAmount,
  withActionSheet,
  withAmount,
  withPeriod,
  withoutActionSheet,
  withoutParty,
  type ActionSheetInput,
  type AmountLine,
  type Change,
  type ChangeInput,
  type Convention,
  type ConventionInput,
  type DiffChange,
  type EvaluationResult,
  type Expiry,
  type IndicatorStatus,
  type Money,
  type PartyInput,
} from "@ctg/wasm";

await init();

/** Build: object literals typed by the JSON Schema; core fills what it derives and checks it all. */
export function newConvention(): Convention {
  const period = { first_year: 2024, last_year: 2026 };
  const caf: PartyInput = { id: "caf-82", name: "Caf de Tarn-et-Garonne", kind: "caf", role: "caf" };
  const parts: ConventionInput = {
    id: "ctg-82-exemple-2024-2026",
    title: "CTG exemple 2024-2026",
    period,
    parties: [caf, { id: "cc-exemple", name: "CC Exemple", kind: "cc", role: "signatory" }],
    domains: ["petite_enfance"],
    stakes: [],
    objectives: [],
    action_sheets: [{ number: 1, title: "Ouvrir une crèche de 20 places" }],
    funding: {
      beneficiaries: [{ id: "creche", name: "Crèche Les Lutins" }],
      // an envelope spread over the years, exactly: { "2024": "30000.00", … }
      allocations: [{ beneficiary: "creche", facility_kind: "eaje", amounts: spreadAmount("90 000 €", period) }],
    },
  };
  // the declared totals the allocations add up to, computed by core
  const conv = build(parts, { declare_totals: true });
  const declared = declaredTotalsFrom(conv.funding?.allocations ?? [], conv.period);
  console.log(conv.period.duration_years, conv.action_sheets[0]?.status, declared.total);
  return conv;
}

/** Edit: each edit gives a new convention (the input is never changed) or throws every issue. */
export function edits(conv: Convention): Convention {
  const sheet: ActionSheetInput = { number: nextActionSheetNumber(conv), title: "Soutenir la parentalité" };
  const withSheet = withActionSheet(conv, sheet);
  const line: AmountLine = { beneficiary: "creche", facility_kind: "eaje", year: 2025, amount: "32 000 €" };
  try {
    withAmount(withSheet, line); // the declared totals no longer match: refused, not fixed
  } catch (e) {
    if (e instanceof CtgError && e.code === "change.breaks_convention") console.log(e.issues[0]?.ctx["code"]);
  }
  const raised = withAmount(withSheet, line, { restate_totals: true });
  const shorter = withoutActionSheet(raised, 1);
  const longer = withPeriod(shorter, "2024-2027");
  return withoutParty(longer, "cc-exemple");
}

/** Amend: changes as data, the convention in force at a date, the history kept. */
export function amend(conv: Convention): Convention {
  const add: ChangeInput = { kind: "domain", after: "parentalite" };
  const amended = applyChanges(conv, [add]);
  const { convention, applied, pending } = asOf(amended, "2025-01-01");
  console.log(applied.length, pending.length);
  return convention;
}

/** Compare: changes as data, and core's text in French and English. */
export function compare(before: Convention, after: Convention): string[] {
  const d = diff(before, after, { lang: "en" });
  const amounts: string[] = d.changes.flatMap((c: DiffChange) => (c.kind === "amount" ? [`${c.beneficiary} ${c.year}: ${c.difference}`] : []));
  const kinds: Array<Change["kind"]> = d.changes.map((c) => c.kind);
  const r = renewal(before, after, { lang: "fr" });
  console.log(d.text, r.text, r.envelope.yearly_average_change);
  return [...amounts, ...kinds];
}

/** Evaluate: indicators, planned against paid, the yearly report, expiries. */
export function evaluate(conv: Convention, others: string[]): { report: EvaluationResult; soonest: Expiry[] } {
  const statuses: IndicatorStatus[] = indicatorProgress(conv, { at: "2025-06-30" }).map((p) => p.status);
  const rows = indicatorRows(conv).filter((r) => r.date === null); // not measured yet
  const paid: Money | null = execution(conv)?.by_year["2025"]?.paid ?? null; // null: not known, never zero
  const report = evaluation(conv, 2025, { today: "2026-02-01", lang: "en" });
  console.log(statuses, rows.length, paid, report.text, monthsBeforeExpiry(conv, "2025-06-30"));
  const soonest = expiries([conv, ...others], "2025-06-30")
    .filter((e) => e.months_before_expiry !== undefined)
    .sort((a, b) => (a.months_before_expiry ?? 0) - (b.months_before_expiry ?? 0));
  return { report, soonest };
}

/** The types are precise (never called: what does not type-check would also throw). */
export function typeErrors(conv: Convention): void {
  // @ts-expect-error amount must be given (null removes the amount of that year)
  withAmount(conv, { beneficiary: "creche", facility_kind: "eaje", year: 2025 });
  // @ts-expect-error a change has a kind of core's
  applyChanges(conv, [{ kind: "colour", after: "bleu" }]);
  // @ts-expect-error declare_totals is build()'s option
  withPeriod(conv, "2024-2027", { declare_totals: true });
  // @ts-expect-error a diff's fields are names, not changes
  const wrong: Change[] = diff(conv, conv).fields;
  console.log(wrong);
}

const conv = newConvention();
const edited = edits(conv);
compare(conv, edited);
evaluate(amend(edited), []);
