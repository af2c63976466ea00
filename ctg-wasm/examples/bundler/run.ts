// The page logic shared by the bundler examples (esbuild-app.ts, vite-app.ts): it loads the wasm
// module with `load`, validates the sample convention, then loads the geography module on demand
// with `loadGeo` and looks names up, and writes the results on <body data-*> for the browser test
// (ctg-wasm/tests/bundlers.test.mjs).
import init, { CtgError, check, formatAmount, validate, type Geography } from "@ctg/wasm";

/** Whether the page has fetched the geography module's .wasm yet. */
const geographyFetched = (): boolean =>
  performance.getEntriesByType("resource").some((entry) => entry.name.includes("ctg_wasm_geo_bg"));

export async function run(load: () => Promise<void>, loadGeo: () => Promise<Geography>): Promise<void> {
  const out = document.body.dataset;
  // A wrong URL first: init() rejects with a CtgError (the fetch or compile error as its cause),
  // and can be called again.
  try {
    await init(new URL("./missing.wasm", location.href));
    out["badInit"] = "resolved";
  } catch (error) {
    out["badInit"] = error instanceof CtgError ? `${error.code} ${error.cause instanceof Error}` : String(error);
  }
  await load();
  const text = await (await fetch("./sample.json")).text();
  const { report, totals } = check(text);
  out["valid"] = String(report.valid);
  out["total"] = totals ? formatAmount(totals.total) : "no funding section";
  const broken = validate({ ...(JSON.parse(text) as object), title: " " });
  out["firstIssue"] = broken.issues.map((i) => `${i.code} ${i.path} ${i.message_en.length > 0}`).join("; ");

  // The geography: its module is fetched now, on demand, not with the page.
  out["geoFetchedBefore"] = String(geographyFetched());
  const geo = await loadGeo();
  out["geoFetchedAfter"] = String(geographyFetched());
  out["geoLookup"] = geo.lookupCodes(["Parisot", "St-Amans-Soult", "Pont-de-l'Arn"], { departement: "81" }).join(" ");
  out["geoIssues"] = geo.validate(text).issues.map((i) => i.code).join(" ");
  out["geoPopulation"] = String(geo.coverage(text).population);

  const line = document.createElement("p");
  line.textContent = `Thoré Montagne Noire : ${report.valid ? "valide" : "invalide"}, ${out["total"]}, ${out["geoPopulation"]} habitants`;
  document.body.append(line);
  out["ready"] = "true";
}
