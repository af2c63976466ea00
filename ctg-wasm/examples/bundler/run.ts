// The page logic shared by the bundler examples (esbuild-app.ts, vite-app.ts): it loads the wasm
// module with `load`, validates the sample convention and writes the results on <body data-*>
// for the browser test (ctg-wasm/tests/bundlers.test.mjs).
import init, { CtgError, check, formatAmount, validate } from "@ctg/wasm";

export async function run(load: () => Promise<void>): Promise<void> {
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
  const line = document.createElement("p");
  line.textContent = `Thoré Montagne Noire : ${report.valid ? "valide" : "invalide"}, ${out["total"]}`;
  document.body.append(line);
  out["ready"] = "true";
}
