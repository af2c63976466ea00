// The geography API (`@ctg/wasm/geo`, or `loadGeography()`) over the raw exports of the
// geography module: like api.js it only unwraps the `{ok, value | error}` outcomes into values
// or thrown `CtgError`s. Every record, rank, explanation, issue and figure is computed inside the
// wasm module, by ctg-geo and ctg-core.
import { makeRunner } from "./api.js";
import { makePortfolios } from "./portfolio.js";

/**
 * The `Geography` object over a raw geography module; `ready()` says whether it is instantiated.
 * @returns {import("./geo-types").Geography}
 */
export function makeGeography(raw, ready = () => true) {
  const { run } = makeRunner(raw, ready, "call and await loadGeography() (or init() of @ctg/wasm/geo) before using the geography");
  const record = (what) => (key) => run("geoRecord", what, key);
  const lookup = (what) => (names, options) => run("geoLookup", what, names, options);
  const document = (what) => (input, options) => run("geoDocument", what, input, options);
  const portfolios = makePortfolios(raw, ready, "call and await loadGeography() (or init() of @ctg/wasm/geo) before using the geography", "geoPortfolio");
  return Object.freeze({
    get vintage() {
      return run("geoRecord", "vintage", undefined);
    },
    commune: record("commune"),
    communeBySiren: record("communeBySiren"),
    communesNamed: record("communesNamed"),
    communesByPostalCode: record("communesByPostalCode"),
    epci: record("epci"),
    epciOf: record("epciOf"),
    members: record("members"),
    departement: record("departement"),
    region: record("region"),
    formerCommunes: record("formerCommunes"),
    departements: () => run("geoRecord", "departements", undefined),
    regions: () => run("geoRecord", "regions", undefined),
    lookup: lookup("lookup"),
    lookupCodes: lookup("codes"),
    lookupRows: lookup("rows"),
    resolveText: lookup("resolveText"),
    resolveNames: lookup("resolveNames"),
    fillIdentifiers: document("fillIdentifiers"),
    validate: document("validate"),
    check: document("check"),
    coverage: document("coverage"),
    conventionText: document("conventionText"),
    conventionHtml: document("conventionHtml"),
    portfolio: portfolios.portfolio,
    portfolioFromJsonLines: portfolios.portfolioFromJsonLines,
  });
}
