// A zod peer of ctg: the canonical CTG format (docs/format.md) as a zod 4 schema, with the same
// rules as far as zod allows, and the same totals.
//
// It is the yardstick of the WebAssembly performance goal (issue 11: ctg-wasm faster than this
// peer on load + validate + totals), so it is written the way a careful zod user would write it:
// `JSON.parse` then `schema.parse`, zod's own checks wherever one exists (types, patterns, ISO
// dates, bounds, enums), transforms only where zod has no check (money, decimals, checksums), and
// one `superRefine` on the convention for the rules across sections, which adds every broken rule
// as an issue at its path.
//
// What it reads is the *canonical* writing, strictly (see ctg_peer_pydantic.py for the list):
// money is a string of digits with at most two decimals or a JSON integer (whole euros), held as
// integer cents (a JavaScript number, every sum checked with Number.isSafeInteger: no float ever
// holds money); decimals are strings or integers; dates YYYY-MM-DD (1900-2200, calendar checked by
// zod's ISO date); years integers 1990-2100; identifiers with their checksums (Luhn, La Poste);
// vocabularies as z.enum. French writings are not read.
//
// What zod cannot see: after JSON.parse a key given twice has one value, `40800.0` and `4.08e4`
// are the integer 40800 (accepted as whole euros, where ctg refuses a float), and a lone
// surrogate is a string like any other. zod has no warnings; unknown keys are stripped silently.
// Amendment changes are typed (their kind) but not applied. Like pydantic, zod runs the
// refinement of an object only when its fields parsed: the rules across sections are checked
// only when the document has no field error.
//
// `issues(zodError)` translates zod's issues into ctg's `[code, path]` pairs.

import { z } from "zod";

const MAX_CENTS = 99_999_999_999_999; // 999 999 999 999.99 EUR, < 2^53

const fail = (ctx, value, code, message) => {
  ctx.issues.push({ code: "custom", message, input: value, params: { ctg: code } });
  return z.NEVER;
};

const MONEY = /^(?:0|[1-9][0-9]{0,11}|0[0-9]+)(?:\.([0-9]{1,2}))?$/;
const NUMBER = /^[+\-\u2212]?[0-9]+(?:\.[0-9]+)?$/;
const AMBIGUOUS = /^[+\-\u2212]?[1-9][0-9]{0,2}\.[0-9]{3}$/;

/** Money as integer cents: a canonical string ("241801.00", "1234.5") or a JSON integer. */
function parseMoney(value, ctx) {
  if (typeof value === "string") {
    const m = MONEY.exec(value);
    if (m !== null) {
      const dot = value.indexOf(".");
      if (dot < 0) return Number(value) * 100;
      const frac = m[1];
      return Number(value.slice(0, dot)) * 100 + (frac.length === 1 ? Number(frac) * 10 : Number(frac));
    }
    if (AMBIGUOUS.test(value)) return fail(ctx, value, "amount.ambiguous", "ambiguous amount");
    if (NUMBER.test(value)) {
      if (value[0] === "-" || value[0] === "\u2212") return fail(ctx, value, "amount.negative", "negative amount");
      const dot = value.indexOf(".");
      if (dot >= 0 && value.length - dot - 1 > 2) return fail(ctx, value, "amount.too_precise", "amount too precise");
      if (value[0] !== "+") return fail(ctx, value, "amount.too_large", "amount too large");
    }
    return fail(ctx, value, "amount.invalid", "unreadable amount");
  }
  if (typeof value === "number") {
    // JSON.parse has made 40800.0 and 4.08e4 the integer 40800: only a visible fraction is seen.
    if (!Number.isInteger(value)) return fail(ctx, value, "amount.float", "amount given as a binary float");
    if (value < 0) return fail(ctx, value, "amount.negative", "negative amount");
    const cents = value * 100;
    if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return fail(ctx, value, "amount.too_large", "amount too large");
    return cents;
  }
  if (value === undefined || value === null) return fail(ctx, value, "field.missing", "missing amount");
  return fail(ctx, value, "field.type", "expected an amount");
}

/** An indicator value, kept as its text (only compared, never summed). */
function parseDecimal(value, ctx) {
  if (typeof value === "string") {
    if (AMBIGUOUS.test(value)) return fail(ctx, value, "decimal.ambiguous", "ambiguous number");
    if (NUMBER.test(value)) return value;
    return fail(ctx, value, "decimal.invalid", "unreadable number");
  }
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return fail(ctx, value, "decimal.float", "number given as a binary float");
    return String(value);
  }
  return fail(ctx, value, "field.type", "expected a number");
}

function luhn(digits) {
  let sum = 0;
  for (let i = digits.length - 1, odd = false; i >= 0; i--, odd = !odd) {
    let d = digits.charCodeAt(i) - 48;
    if (odd) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const DIGITS9 = /^[0-9]{9}$/;
const DIGITS14 = /^[0-9]{14}$/;

function parseSiren(value, ctx) {
  if (!DIGITS9.test(value)) return fail(ctx, value, "siren.invalid", "invalid SIREN");
  if (!luhn(value)) return fail(ctx, value, "siren.checksum", "invalid SIREN checksum");
  return value;
}

function parseSiret(value, ctx) {
  if (!DIGITS14.test(value)) return fail(ctx, value, "siret.invalid", "invalid SIRET");
  let ok;
  if (value.startsWith("356000000") && value !== "35600000000048") {
    let sum = 0;
    for (let i = 0; i < 14; i++) sum += value.charCodeAt(i) - 48;
    ok = sum % 5 === 0; // La Poste
  } else {
    ok = luhn(value) && luhn(value.slice(0, 9));
  }
  return ok ? value : fail(ctx, value, "siret.checksum", "invalid SIRET checksum");
}

// `abort`: zod runs the refinements of an object even when a check of one of its fields failed
// (checks are "continuable"): an aborting check keeps a rule from reading a value known to be wrong.
const abort = { abort: true };
const text = z.string().trim().min(1, abort);
const money = z.unknown().transform(parseMoney);
const decimal = z.unknown().transform(parseDecimal);
const year = z.int().min(1990, abort).max(2100, abort);
const YEAR_KEY = /^(?:199[0-9]|20[0-9][0-9]|2100)$/;
const yearAmounts = z.record(z.string().regex(YEAR_KEY), money);
const day = z.iso.date(abort).refine((s) => s >= "1900" && s < "2201", { params: { ctg: "date.invalid" }, abort: true });
const positive = z.int().min(1, abort).max(4_294_967_295, abort);
const insee = z
  .string()
  .trim()
  .regex(/^(?:(?:0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5])[0-9]{3}|2[ABab][0-9]{3}|97[1-8][0-9]{2})$/);
const departement = z
  .string()
  .trim()
  .regex(/^(?:0[1-9]|1[0-9]|2[1-9ABab]|[3-8][0-9]|9[0-5]|97[1-8])$/);
const siren = z.string().trim().transform(parseSiren);
const siret = z.string().trim().transform(parseSiret);

export const PARTY_KINDS = [
  "caf", "commune", "cc", "ca", "cu", "metropole", "sivu", "sivom", "syndicat_mixte",
  "departement", "ccas", "cias", "msa", "cpam", "etat", "association", "other",
];
const GROUPINGS = new Set(["cc", "ca", "cu", "metropole", "sivu", "sivom", "syndicat_mixte"]);
export const FACILITY_KINDS = [
  "eaje", "rpe", "laep", "alsh_periscolaire", "alsh_extrascolaire", "alsh", "jeunesse",
  "centre_social", "evs", "coordination", "other",
];

const rule = (ctx, code, path, message) =>
  ctx.addIssue({ code: "custom", path, message: message ?? code, params: { ctg: code } });

const period = z
  .object({ first_year: year, last_year: year, duration_years: positive.optional() })
  .superRefine((p, ctx) => {
    const years = p.last_year - p.first_year + 1;
    if (years < 1) rule(ctx, "period.reversed", []);
    else if (years > 10) rule(ctx, "period.too_long", []);
    else if (p.duration_years !== undefined && p.duration_years !== years) {
      rule(ctx, "period.duration_mismatch", ["duration_years"]);
    }
  });

const party = z
  .object({
    id: text,
    name: text,
    kind: z.enum(PARTY_KINDS),
    role: z.enum(["caf", "signatory", "co_funder", "partner"]),
    insee: insee.optional(),
    siren: siren.optional(),
    siret: siret.optional(),
    departement: departement.optional(),
    members: z.array(insee).optional(),
    deliberation_date: day.optional(),
    aliases: z.array(text).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.siret !== undefined && p.siren !== undefined && !p.siret.startsWith(p.siren)) {
      rule(ctx, "siret.siren_mismatch", ["siret"]);
    }
    if (p.members !== undefined && p.members.length > 0 && !GROUPINGS.has(p.kind)) {
      rule(ctx, "party.members_not_grouping", ["members"]);
    }
    // Only a Caf has the role caf, and a Caf never merely signs as a collectivity.
    if ((p.role === "caf" && p.kind !== "caf") || (p.role === "signatory" && p.kind === "caf")) {
      rule(ctx, "party.role_mismatch", ["role"]);
    }
  });

const indicator = z
  .object({
    name: text,
    unit: text.optional(),
    baseline: decimal.optional(),
    target: decimal.optional(),
    measurements: z.array(z.object({ date: day, value: decimal })).optional(),
  })
  .superRefine((ind, ctx) => {
    const ms = ind.measurements ?? [];
    for (let i = 1; i < ms.length; i++) {
      if (ms[i].date <= ms[i - 1].date) rule(ctx, "indicator.measurements_unordered", ["measurements", i, "date"]);
    }
  });

const actionSheet = z.object({
  number: positive,
  title: text,
  domains: z.array(text).optional(),
  objectives: z.array(text).optional(),
  lead: text.optional(),
  partners: z.array(text).optional(),
  target_public: text.optional(),
  communes: z.array(insee).optional(),
  schedule: z
    .object({ start: day.optional(), end: day.optional() })
    .superRefine((s, ctx) => {
      if (s.start !== undefined && s.end !== undefined && s.start > s.end) rule(ctx, "schedule.reversed", []);
    })
    .optional(),
  status: z.enum(["planned", "in_progress", "done", "abandoned"]).default("planned"),
  budget: money.optional(),
  indicators: z.array(indicator).optional(),
});

const funding = z.object({
  beneficiaries: z.array(
    z.object({ id: text, name: text, siret: siret.optional(), party: text.optional() }),
  ),
  allocations: z.array(
    z.object({
      beneficiary: text,
      facility_kind: z.enum(FACILITY_KINDS),
      domain: text.optional(),
      label: text.optional(),
      amounts: yearAmounts,
      paid: yearAmounts.optional(),
    }),
  ),
  declared: z.object({ yearly: yearAmounts.optional(), total: money.optional() }).optional(),
});

const previous = z
  .object({ id: text.optional(), title: text.optional(), first_year: year.optional(), last_year: year.optional() })
  .superRefine((p, ctx) => {
    if ((p.first_year === undefined) !== (p.last_year === undefined)) {
      rule(ctx, "field.missing", [p.last_year === undefined ? "last_year" : "first_year"]);
    } else if (p.first_year !== undefined) {
      if (p.first_year > p.last_year) rule(ctx, "period.reversed", []);
      else if (p.last_year - p.first_year + 1 > 10) rule(ctx, "period.too_long", []);
    }
  });

export const convention = z
  .object({
    format_version: z.literal(1).default(1),
    id: text,
    title: text,
    period,
    signature: z.object({ date: day, place: text.optional() }).optional(),
    termination: z.object({ date: day, reason: text.optional() }).optional(),
    renews: previous.optional(),
    parties: z.array(party),
    domains: z.array(text),
    diagnostic: z
      .object({
        start_date: day.optional(),
        end_date: day.optional(),
        author: text.optional(),
        sources: z.array(text).optional(),
      })
      .optional(),
    stakes: z.array(z.object({ id: text, title: text })),
    objectives: z.array(z.object({ id: text, title: text, stakes: z.array(text).optional() })),
    action_sheets: z.array(actionSheet),
    funding: funding.optional(),
    governance: z
      .array(
        z.object({
          kind: z.enum(["steering_committee", "technical_committee", "other"]),
          name: text.optional(),
          frequency: text.optional(),
          members: z.array(text).optional(),
        }),
      )
      .optional(),
    amendments: z
      .array(
        z.object({
          number: positive,
          date: day,
          summary: text,
          // What a change holds depends on its kind; only the kind is checked (not applied).
          changes: z
            .array(
              z.looseObject({
                kind: z.enum([
                  "period", "party", "domain", "stake", "objective", "action_sheet", "beneficiary", "amount", "declared",
                ]),
              }),
            )
            .optional(),
        }),
      )
      .optional(),
    sources: z.array(text).optional(),
    notes: text.optional(),
  })
  .superRefine(rulesAcrossSections);

/** The ids of `items`; every repeated one is an issue at its path. */
function unique(items, key, at, code, ctx) {
  const seen = new Set();
  for (let i = 0; i < items.length; i++) {
    const v = items[i][key];
    if (seen.has(v)) rule(ctx, code, [...at, i, key]);
    else seen.add(v);
  }
  return seen;
}

function rulesAcrossSections(c, ctx) {
  const first = c.period.first_year;
  const last = c.period.last_year;
  const amendments = c.amendments ?? [];
  if (c.signature !== undefined) {
    const signed = c.signature.date;
    if (signed > `${last}-12-31`) rule(ctx, "signature.after_period", ["signature", "date"]);
    if (c.termination !== undefined && c.termination.date < signed) {
      rule(ctx, "termination.before_signature", ["termination", "date"]);
    }
    amendments.forEach((a, i) => {
      if (a.date < signed) rule(ctx, "amendment.before_signature", ["amendments", i, "date"]);
    });
  }
  unique(amendments, "number", ["amendments"], "amendment.duplicate_number", ctx);

  const partyIds = unique(c.parties, "id", ["parties"], "id.duplicate", ctx);
  const identities = new Map();
  let hasCaf = false;
  c.parties.forEach((p, i) => {
    if (p.kind === "caf") hasCaf = true;
    for (const field of ["siren", "siret", "insee"]) {
      const value = p[field];
      if (value === undefined) continue;
      const key = `${field}:${value.toUpperCase()}`;
      if (identities.has(key)) rule(ctx, "party.duplicate", ["parties", i, field]);
      else identities.set(key, i);
    }
  });
  if (!hasCaf) rule(ctx, "party.no_caf", ["parties"]);

  const stakeIds = unique(c.stakes, "id", ["stakes"], "id.duplicate", ctx);
  const objectiveIds = unique(c.objectives, "id", ["objectives"], "id.duplicate", ctx);
  c.objectives.forEach((o, i) =>
    (o.stakes ?? []).forEach((s, j) => {
      if (!stakeIds.has(s)) rule(ctx, "reference.unknown_stake", ["objectives", i, "stakes", j]);
    }),
  );
  const numbers = new Set();
  c.action_sheets.forEach((sheet, i) => {
    if (numbers.has(sheet.number)) rule(ctx, "action_sheet.duplicate_number", ["action_sheets", i, "number"]);
    numbers.add(sheet.number);
    (sheet.objectives ?? []).forEach((o, j) => {
      if (!objectiveIds.has(o)) rule(ctx, "reference.unknown_objective", ["action_sheets", i, "objectives", j]);
    });
    if (sheet.lead !== undefined && !partyIds.has(sheet.lead)) {
      rule(ctx, "reference.unknown_party", ["action_sheets", i, "lead"]);
    }
  });
  (c.governance ?? []).forEach((body, i) =>
    (body.members ?? []).forEach((m, j) => {
      if (!partyIds.has(m)) rule(ctx, "reference.unknown_party", ["governance", i, "members", j]);
    }),
  );

  const f = c.funding;
  if (f === undefined) return;
  const beneficiaryIds = unique(f.beneficiaries, "id", ["funding", "beneficiaries"], "id.duplicate", ctx);
  f.beneficiaries.forEach((b, i) => {
    if (b.party !== undefined && !partyIds.has(b.party)) {
      rule(ctx, "reference.unknown_party", ["funding", "beneficiaries", i, "party"]);
    }
  });
  const byYear = new Map();
  for (let y = first; y <= last; y++) byYear.set(String(y), 0);
  const keys = new Map();
  let overflow = false;
  f.allocations.forEach((a, i) => {
    if (!beneficiaryIds.has(a.beneficiary)) {
      rule(ctx, "reference.unknown_beneficiary", ["funding", "allocations", i, "beneficiary"]);
    }
    const key = JSON.stringify([a.beneficiary, a.facility_kind, a.domain ?? null, a.label ?? null]);
    if (keys.has(key)) rule(ctx, "funding.allocation_alike", ["funding", "allocations", i]);
    else keys.set(key, i);
    for (const y in a.amounts) {
      const sum = byYear.get(y);
      if (sum === undefined) {
        rule(ctx, "funding.year_outside_period", ["funding", "allocations", i, "amounts", y]);
      } else {
        const next = sum + a.amounts[y];
        if (!Number.isSafeInteger(next) || next > MAX_CENTS) overflow = true;
        byYear.set(y, next);
      }
    }
    for (const y in a.paid ?? {}) {
      if (!byYear.has(y)) rule(ctx, "funding.year_outside_period", ["funding", "allocations", i, "paid", y]);
    }
  });
  const declared = f.declared;
  if (declared === undefined) return;
  const yearly = declared.yearly ?? {};
  for (const y in yearly) {
    if (!byYear.has(y)) rule(ctx, "funding.year_outside_period", ["funding", "declared", "yearly", y]);
  }
  if (overflow) {
    rule(ctx, "amount.overflow", ["funding", "allocations"]);
    return;
  }
  const hasAllocations = f.allocations.length > 0;
  if (hasAllocations) {
    for (const y in yearly) {
      const sum = byYear.get(y);
      if (sum !== undefined && sum !== yearly[y]) rule(ctx, "funding.year_total_mismatch", ["funding", "declared", "yearly", y]);
    }
  }
  if (declared.total === undefined) return;
  let computed = 0;
  if (hasAllocations) {
    for (const v of byYear.values()) computed += v;
  } else {
    const years = Object.keys(yearly);
    if (years.length === 0) return;
    for (const y of years) if (byYear.has(y)) computed += yearly[y];
  }
  if (!Number.isSafeInteger(computed) || computed > MAX_CENTS) rule(ctx, "amount.overflow", ["funding", "allocations"]);
  else if (computed !== declared.total) rule(ctx, "funding.total_mismatch", ["funding", "declared", "total"]);
}

// ------------------------------------------------------------------------------ totals

/** Cents as ctg writes money: "241801.00". */
export const euros = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

const add = (map, key, cents) => map.set(key, (map.get(key) ?? 0) + cents);

/**
 * ctg's totals, as integer cents: null without a funding section; else the total, by year (every
 * year of the period), by beneficiary, by beneficiary and year, by domain ("unassigned" without
 * one), by facility kind, the coordination and its share (half away from zero, 4 decimals, as a
 * string; null when the total is 0). No sum can overflow: validation checked the grand total.
 */
export function totals(c) {
  const f = c.funding;
  if (f === undefined) return null;
  const byYear = new Map();
  for (let y = c.period.first_year; y <= c.period.last_year; y++) byYear.set(String(y), 0);
  const byBeneficiary = new Map();
  const byBeneficiaryYear = new Map();
  const byDomain = new Map();
  const byFacilityKind = new Map();
  let coordination = 0;
  let total = 0;
  for (const a of f.allocations) {
    let subtotal = 0;
    let perYear = byBeneficiaryYear.get(a.beneficiary);
    if (perYear === undefined) byBeneficiaryYear.set(a.beneficiary, (perYear = new Map()));
    for (const y in a.amounts) {
      const cents = a.amounts[y];
      subtotal += cents;
      add(byYear, y, cents);
      add(perYear, y, cents);
    }
    total += subtotal;
    add(byBeneficiary, a.beneficiary, subtotal);
    add(byDomain, a.domain ?? "unassigned", subtotal);
    add(byFacilityKind, a.facility_kind, subtotal);
    if (a.facility_kind === "coordination") coordination += subtotal;
  }
  let share = null;
  if (total > 0) {
    // round(coordination / total, 4) half away from zero, exactly, on BigInt.
    const part = BigInt(coordination);
    const whole = BigInt(total);
    const scaled = (2n * part * 10000n + whole) / (2n * whole);
    share = `${scaled / 10000n}.${String(scaled % 10000n).padStart(4, "0")}`;
  }
  return {
    total,
    by_year: byYear,
    by_beneficiary: byBeneficiary,
    by_beneficiary_year: byBeneficiaryYear,
    by_domain: byDomain,
    by_facility_kind: byFacilityKind,
    coordination,
    coordination_share: share,
  };
}

/** Load + validate + totals, what ctg-wasm's `totals(text)` does. Throws a ZodError (or a
 * SyntaxError for text that is not JSON). */
export function load(text) {
  const c = convention.parse(JSON.parse(text));
  return { convention: c, totals: totals(c) };
}

// ------------------------------------------------------------------------------ errors as ctg issues

const YEAR_FIELDS = new Set(["first_year", "last_year"]);
const DATE_FIELDS = new Set(["date", "start_date", "end_date", "start", "end", "deliberation_date"]);
const INSEE_FIELDS = new Set(["insee", "members", "communes"]);
const NUMBER_FIELDS = new Set(["number", "duration_years"]);

/** ctg's way of writing a path: `funding.allocations[3].amounts.2024`. */
export function pathText(path) {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${part}`;
  }
  return out;
}

function fieldOf(path) {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === "string" && !/^[0-9]+$/.test(path[i])) return path[i];
  }
  return "";
}

function code(issue) {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case "custom":
      return issue.params?.ctg ?? "custom";
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "field.missing" : "field.type";
    case "too_small":
    case "too_big":
      if (issue.origin === "string") return "field.empty";
      if (YEAR_FIELDS.has(field)) return "year.invalid";
      return NUMBER_FIELDS.has(field) ? "number.invalid" : "value.invalid";
    case "invalid_value":
      return field === "format_version" ? "format_version.unsupported" : "value.unknown";
    case "invalid_format":
      if (issue.format === "date" || DATE_FIELDS.has(field)) return "date.invalid";
      return INSEE_FIELDS.has(field) ? "insee.invalid" : `${field}.invalid`;
    case "invalid_key":
      return "year.invalid";
    default:
      return issue.code;
  }
}

/** The issues of a ZodError as ctg's [code, path] pairs (parse with `{ reportInput: true }`, so
 * that a null where a value is required reads as ctg's field.missing). */
export function issues(error) {
  return error.issues.map((issue) => [code(issue), pathText(issue.path)]);
}
