// The JSON shapes of the geography API (`loadGeography()`, `@ctg/wasm/geo`): the records of the
// official geography (ctg-geo's COG 2026, as core's Gazetteer records serialise), lookups, lists
// of names, filled identifiers and coverage. Like every ctg data object, snake_case keys; money
// as strings; a value the reference does not give is `null` (a population of `null` is unknown,
// not zero).

import type { CheckResult, CtgInput, Money, Options, Report } from "./types.js";
import type { Portfolios } from "./portfolio-types.js";

/** Which edition of the reference a result depends on: memberships and names change every year. */
export interface Vintage {
  /** Where the data comes from: `"@etalab/decoupage-administratif"`. */
  source: string;
  /** The version of that source: `"6.0.0"`. */
  version: string;
  /** The geography it describes: `"COG 2026"` (what `geo.*` issues carry as `ctx.geography`). */
  geography: string;
  /** The date from which it is in force: `"2026-01-01"` (`ctx.effective`). */
  effective: string;
}

/** A current commune, or a municipal arrondissement of Paris, Lyon or Marseille. */
export interface CommuneRecord {
  /** INSEE code: `"81140"`. */
  insee: string;
  /** Official name: `"Pont-de-Larn"`. */
  name: string;
  kind: "commune" | "arrondissement";
  /** Code of its département: `"81"`. */
  departement: string;
  /** INSEE code of its région: `"76"`. */
  region: string;
  /** SIREN of the commune (`null` for an arrondissement). */
  siren: string | null;
  /** Municipal population in the reference; `null` when it gives none (absent is not zero). */
  population: number | null;
  /** SIREN of the EPCI it belongs to (`null` for the few communes outside any EPCI). */
  epci: string | null;
  postal_codes: string[];
  /** For an arrondissement, the INSEE code of its commune (`"75056"` for Paris). */
  parent: string | null;
}

/** The kinds of EPCI (intercommunalities with their own taxation). */
export type EpciKind = "cc" | "ca" | "cu" | "metropole";

/** An EPCI of the reference. */
export interface EpciRecord {
  /** SIREN: `"248100745"`. */
  siren: string;
  /** Official name: `"CC Thoré Montagne Noire"`. */
  name: string;
  kind: EpciKind;
  /** INSEE codes of its member communes, in the reference's order. */
  members: string[];
  /** The municipal population of the DGCL's composition file (another census year than the communes'); `null` when not given. */
  population: number | null;
}

/** A département of the reference. */
export interface Departement {
  /** `"81"`, `"2A"`, `"974"`. */
  code: string;
  name: string;
  /** INSEE code of its région. */
  region: string;
  /** INSEE code of its chef-lieu, when given. */
  chef_lieu: string | null;
}

/** A région of the reference. */
export interface Region {
  /** INSEE code: `"76"`. */
  code: string;
  name: string;
  chef_lieu: string | null;
}

/** A commune that no longer exists as such: merged into a commune nouvelle, delegated or associated. */
export interface FormerCommune {
  /** Its (former) INSEE code. */
  insee: string;
  /** Its name when the reference gives it (delegated and associated communes); `null` for a commune merged without a status of its own. */
  name: string | null;
  kind: "delegated" | "associated" | "merged";
  /** INSEE code of the current commune it is part of. */
  current: string;
}

/** `resolved` (one candidate better than any other), `ambiguous` (several equally good), `not_found`. */
export type LookupStatus = "resolved" | "ambiguous" | "not_found";

/** Why nothing was found: no letter, longer than 200 characters, no name close, or found only outside the context. */
export type NotFoundReason = "empty" | "too_long" | "no_match" | "outside_context";

/** How a commune's name matched. */
export type CommuneMatch =
  | "exact"
  | "spelling"
  | "code"
  | "postal_code"
  | "arrondissement"
  | "joined"
  | "shortened"
  | "former_name"
  | "former_code"
  | "other_name"
  | "typo";

/** How an EPCI's name matched. */
export type EpciMatch = "exact" | "siren" | "words" | "loose" | "typo";

/** How a département's or région's name matched: its code, its official name as written, written otherwise, a usual abbreviation (`PACA`). */
export type AreaMatch = "code" | "exact" | "spelling" | "abbreviation";

/** The rewritings of a text that led to a commune. */
export type NameRule =
  | "abbreviation"
  | "article_moved"
  | "prefix_removed"
  | "saint_or_sainte"
  | "article_omitted"
  | "qualifier_omitted"
  | "departement_hint";

/** A commune a name may designate, with its score and why. */
export interface CommuneCandidate {
  /** 1 for the best; candidates outside the context come after those in it. */
  rank: number;
  /** Whether it lies in the context (`departement`, `epci`, `region`). */
  in_context: boolean;
  kind: "commune" | "arrondissement";
  /** INSEE code. */
  code: string;
  name: string;
  departement: string;
  population: number | null;
  /** 0 to 100: 100 the official name as written or the code, 97 another spelling, 94 words joined differently, 88 shortened, 82 a former or other name, 80 a postal code, 76 one typo, 70 two. */
  score: number;
  match: CommuneMatch;
  rules: NameRule[];
  /** The name of the reference that matched (official, former or other); `null` for a code. */
  matched_name: string | null;
  /** For a typo: the number of edits. */
  distance: number | null;
  /** The former commune the text names (by name or code), now part of this one. */
  former: FormerCommune | null;
  kind_differs: false;
  record: CommuneRecord;
  /** Why it matched, in the language of the call: `"le nom officiel de Parisot (82137)"`. */
  explanation: string;
}

/** An EPCI a name may designate, with its score and why. */
export interface EpciCandidate {
  rank: number;
  in_context: boolean;
  kind: EpciKind;
  /** SIREN. */
  code: string;
  name: string;
  departement: null;
  population: number | null;
  score: number;
  match: EpciMatch;
  rules: [];
  matched_name: null;
  distance: number | null;
  former: null;
  /** Whether the kind written (`CA`) differs from the reference's (`CC`). */
  kind_differs: boolean;
  record: EpciRecord;
  explanation: string;
}

/** A département or a région a name may designate, with its score and why. */
export interface AreaCandidate {
  rank: number;
  in_context: boolean;
  kind: "departement" | "region";
  /** The département's or région's code. */
  code: string;
  name: string;
  /** The département's own code; `null` for a région. */
  departement: string | null;
  population: null;
  /** 100 the code or the official name as written, 97 another spelling or an abbreviation. */
  score: number;
  match: AreaMatch;
  rules: [];
  matched_name: null;
  distance: null;
  former: null;
  kind_differs: false;
  record: Departement | Region;
  explanation: string;
}

interface LookupBase {
  /** The name as given, trimmed. */
  query: string;
  status: LookupStatus;
  /** The status in words, in the language of the call: `"résolu"`, `"ambiguous"`… */
  status_label: string;
  /** When not found, why; `null` otherwise. */
  reason: NotFoundReason | null;
  /** The reason in words, in the language of the call. */
  reason_label: string | null;
  /** The INSEE code (SIREN, code of the département or région) when resolved; `null` when ambiguous or not found: never a guess. */
  code: string | null;
  /** The codes of the candidates tied at the best score (the first ones): one when resolved, several when ambiguous. */
  tied: string[];
  vintage: Vintage;
}

/** A name looked up among the communes. */
export interface CommuneLookup extends LookupBase {
  kind: "commune";
  /** The candidates in the context, best first. */
  candidates: CommuneCandidate[];
  /** The candidates found only outside the context (ranked after those in it). */
  outside_context: CommuneCandidate[];
}

/** A name looked up among the EPCI. */
export interface EpciLookup extends LookupBase {
  kind: "epci";
  candidates: EpciCandidate[];
  outside_context: EpciCandidate[];
}

/** A name looked up among the départements or among the régions. */
export interface AreaLookup extends LookupBase {
  kind: "departement" | "region";
  candidates: AreaCandidate[];
  outside_context: AreaCandidate[];
}

/** A name of more than one kind (`"Vienne"`: a commune and a département), looked up among all: ambiguous unless the context keeps one. */
export interface MixedLookup extends LookupBase {
  kind: "mixed";
  candidates: (CommuneCandidate | AreaCandidate)[];
  outside_context: (CommuneCandidate | AreaCandidate)[];
}

/** A name looked up as a person types it: a commune's (`kind: "commune"`), an EPCI's (`"epci"`), a département's or région's, or of more than one kind (`"mixed"`). */
export type Lookup = CommuneLookup | EpciLookup | AreaLookup | MixedLookup;

/** One row of `lookupRows`: one per candidate of each name, every name kept (one without candidate has one row of `null`s). */
export interface LookupRow {
  /** The position of the name in the list given. */
  position: number;
  query: string;
  status: LookupStatus;
  reason: NotFoundReason | null;
  rank: number | null;
  in_context: boolean | null;
  kind: "commune" | "arrondissement" | EpciKind | "departement" | "region" | null;
  code: string | null;
  name: string | null;
  departement: string | null;
  population: number | null;
  score: number | null;
  match: CommuneMatch | EpciMatch | AreaMatch | null;
  rules: NameRule[] | null;
  explanation: string | null;
}

/** A collectivity a name of a list designates. */
export type Collectivity =
  | { kind: "commune"; commune: CommuneRecord; former: FormerCommune | null }
  | { kind: "epci"; epci: EpciRecord }
  | { kind: "departement"; departement: Departement }
  | { kind: "region"; region: Region };

/** A press release's list, resolved (`resolveText`, `resolveNames`); the explanations are ctg-geo's sentences in the language of the call (`lang`). */
export interface NameList {
  /** The names resolved, in the order written. */
  resolved: { written: string; collectivity: Collectivity; score: number; match: CommuneMatch | EpciMatch | AreaMatch | "name"; explanation: string }[];
  /** The names not resolved, in order, and why. */
  unresolved: { written: string; status: LookupStatus; reason: NotFoundReason | null; explanation: string; candidates: Collectivity[] }[];
  vintage: Vintage;
  /** The language of the explanations. */
  lang: "fr" | "en";
}

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A value `fillIdentifiers` set. */
export interface FillChange {
  /** Where, in core's notation: `"parties[3].insee"`. */
  path: string;
  field: "insee" | "siren" | "departement" | "members";
  value: JsonValue;
  /** Why (one sentence of ctg-geo, in the language of the call). */
  reason: string;
}

/** Something `fillIdentifiers` left alone, and why. */
export interface FillNote {
  path: string;
  /** A name with several candidates, none, a value in conflict with the reference (kept), a former code, an unknown code. */
  kind: "ambiguous" | "not_found" | "conflict" | "former_code" | "unknown";
  message: string;
}

/** A document with its missing identifiers filled from the reference. */
export interface Filled {
  /** The document, filled (a new object: the one given is never changed). */
  document: JsonObject;
  changes: FillChange[];
  notes: FillNote[];
  vintage: Vintage;
  /** The language of the reasons and messages. */
  lang: "fr" | "en";
}

/** A commune of a convention's territory, with the parties that bring it. */
export interface CoveredCommune {
  /** Today's INSEE code. */
  insee: string;
  name: string;
  departement: string;
  population: number | null;
  /** The ids of the parties that bring it (the commune, its EPCI). */
  parties: string[];
  /** The former codes parties wrote for it. */
  former_codes: string[];
}

/** The Caf's funding divided by the territory's population, exact, rounded once to the cent. */
export interface FundingPerInhabitant {
  population: number;
  /** The years of the period. */
  years: number;
  /** The whole funding / the years / the population: `"25.35"`. */
  per_year: Money;
  /** Per year: `{ "2024": "25.35" }`. */
  by_year: Record<string, Money>;
  decimals: number;
  rounding: "half_away_from_zero";
}

/** A member commune of a signing EPCI that is not a party itself. */
export interface MemberNotParty {
  insee: string;
  name: string;
  population: number | null;
  /** The id of the EPCI party. */
  epci: string;
}

/** A signing party the reference could not place, and why. */
export interface UnresolvedParty {
  /** The party's id. */
  party: string;
  reason: "unknown_insee" | "former_ambiguous" | "unknown_siren" | "not_a_commune" | "not_an_epci" | "no_identifier" | "contradictory";
  /** The identifier at fault, when there is one. */
  value: string | null;
}

/** What a convention covers in the official geography (core's `Coverage`), with core's text and HTML of it. */
export interface CoverageResult {
  vintage: Vintage;
  /** The communes of the parties that sign (each commune party, the members of each EPCI party), once each. */
  communes: CoveredCommune[];
  /** The sum of their populations; `null` — never a partial sum — when one is unknown, a signing party cannot be placed, or the territory is empty. */
  population: number | null;
  /** `null` without funding, without a population, or with a population of 0. */
  funding_per_inhabitant: FundingPerInhabitant | null;
  members_not_parties: MemberNotParty[];
  unresolved: UnresolvedParty[];
  /** Core's text of the coverage, in the language of the call. */
  text: string;
  /** Core's HTML table of it (everything escaped). */
  html: string;
}

/** The context of a lookup: a candidate outside it is set aside (`outside_context`). Each a code or an array of codes. */
export interface ContextOptions extends Options {
  /** Départements: `"81"`, `["81", "82"]`. */
  departement?: string | readonly string[];
  /** EPCI, by SIREN: `"200034023"`. */
  epci?: string | readonly string[];
  /** Régions, by INSEE code: `"76"`. */
  region?: string | readonly string[];
}

/** The options of `lookup`, `lookupCodes`, `lookupRows`. */
export interface LookupOptions extends ContextOptions {
  /** Look the names up as one kind only (default: as a person types them, any kind); with `"region"`, a code is a région's. */
  kind?: "commune" | "epci" | "departement" | "region";
}

/** A column of names: a string each; `null` or `undefined` (an empty cell) is an empty name (`not_found`, `empty`). */
export type Names = ReadonlyArray<string | null | undefined>;

/**
 * The official geography: the COG 2026 (communes and municipal arrondissements, former communes,
 * EPCI with their members, départements, régions) from `@etalab/decoupage-administratif` 6.0.0,
 * embedded in the geography module. Lookups by code give `null` (or `[]`) for what the
 * reference does not have, a code that is not well formed included; name lookups rank the
 * candidates, say why, and never guess.
 */
export interface Geography extends Portfolios {
  /** Which reference: `{ geography: "COG 2026", effective: "2026-01-01", … }`. */
  readonly vintage: Vintage;
  /** The current commune (or arrondissement) with this INSEE code. */
  commune(insee: string): CommuneRecord | null;
  /** The current commune with this SIREN. */
  communeBySiren(siren: string): CommuneRecord | null;
  /** The current communes whose official name is this one once both are normalised (case, accents, hyphens, `St`…): several for homonyms. For messy writing, use `lookup`. */
  communesNamed(name: string): CommuneRecord[];
  /** The current communes with this postal code. */
  communesByPostalCode(postalCode: string): CommuneRecord[];
  /** The EPCI with this SIREN. */
  epci(siren: string): EpciRecord | null;
  /** The EPCI a commune (its INSEE code, or its record) belongs to. */
  epciOf(commune: string | Pick<CommuneRecord, "insee">): EpciRecord | null;
  /** The member communes of an EPCI (its SIREN, or its record), in the reference's order; `[]` for an unknown SIREN. */
  members(epci: string | Pick<EpciRecord, "siren">): CommuneRecord[];
  /** The département with this code (`"81"`, `"2A"`, `"974"`) or this name, written loosely (`"tarn et garonne"`, `"Département du Tarn"`). */
  departement(nameOrCode: string): Departement | null;
  /** The région with this INSEE code (`"76"`) or this name, written loosely (`"Provence-Alpes-Côte d'Azur"`, `"PACA"`). */
  region(nameOrCode: string): Region | null;
  /** Every record of a former commune under this code: normally one; two when the reference puts it under two current communes (`"55273"`). */
  formerCommunes(insee: string): FormerCommune[];
  /** Every département. */
  departements(): Departement[];
  /** Every région. */
  regions(): Region[];
  /**
   * Looks a name up as a person types it (`"St-Amans-Soult"`, `"Pont-de-l'Arn"`, `"Vielmur s/ Agout"`,
   * an INSEE code, a postal code, `"Paris 16e"`, `"CC Tarn-Agout"`, `"Tarn"`, `"Occitanie"`), or
   * each name of an array: the status, the ranked candidates with their explanations in the
   * language of the call. A name of more than one kind (`"Vienne"`) is `kind: "mixed"`, ambiguous
   * unless the context or `kind` says which.
   */
  lookup(name: string, options?: LookupOptions): Lookup;
  lookup(names: Names, options?: LookupOptions): Lookup[];
  /** The code of each name when it is resolved, `null` when it is ambiguous or not found (never a guess). */
  lookupCodes(names: Names, options?: LookupOptions): (string | null)[];
  /** One row per candidate of each name, for a table; every name kept. */
  lookupRows(names: Names, options?: LookupOptions): LookupRow[];
  /** A press release's list (`"Parisot, Laguépie et Saint Antonin Noble Val"`), split (at commas, `et`, `ainsi que`…) and resolved; explained in the language of the call. */
  resolveText(text: string, options?: ContextOptions): NameList;
  /** A list of names, each resolved whole as `resolveText` resolves a part. */
  resolveNames(names: Names, options?: ContextOptions): NameList;
  /**
   * A convention document (JSON text, bytes, or a plain object of JSON values) with its missing
   * identifiers filled in from the reference — communes' INSEE code, SIREN and département, EPCI's
   * SIREN and members, a Caf's département — and every change said; a value already there is never
   * changed, an ambiguous name never guessed. Throws a `CtgError` (`argument.invalid`) for what is
   * not a JSON object (a document), with where.
   */
  fillIdentifiers(document: CtgInput, options?: Options): Filled;
  /** Validates with the `geo.*` rules too (each issue's `ctx` has `geography` and `effective`). Never throws on data. */
  validate(input: CtgInput, options?: Options): Report;
  /** `check()` with the `geo.*` rules too. Never throws on data. */
  check(input: CtgInput, options?: Options): CheckResult;
  /** What a valid convention covers (its communes, population, funding per inhabitant per year), as data and as core's text and HTML. */
  coverage(input: CtgInput, options?: Options): CoverageResult;
  /** Core's text summary of a valid convention, with its territory's lines. */
  conventionText(input: CtgInput, options?: Options): string;
  /** Core's HTML summary of a valid convention, with its territory's table. */
  conventionHtml(input: CtgInput, options?: Options): string;
  // portfolio(documents, options) and portfolioFromJsonLines(text, options), from Portfolios:
  // validated with the `geo.*` rules; rows with région, communes and population; the summary
  // with the coverage, and coverage(date).
}
