// The demo editor: every check, total, amount format, status, summary, evaluation, comparison and
// message comes from the wasm module (ctg-core); this file only wires the page (select, file,
// textarea, language) and draws the results. One `check()` per edit gives the report, the
// canonical convention and its totals; the yearly evaluation and the comparison with another file
// are core's texts. "Check with the official geography" loads the geography module on demand
// (`loadGeography()`, the first time it is ticked): then `geo.check()` runs the geo.* rules too,
// and the territory (core's coverage) is shown.
// "Download" writes the funding table as .xlsx or CSV with the tables module, loaded on the first
// click (`loadTables()`); dropping several files (or a .jsonl) on the portfolio box validates them
// all with the portfolio module (`loadPortfolios()`, or the geography's when it is ticked, for the
// coverage) and shows core's summary and table of conventions.
import init, { CtgError, check, conventionHtml, diff, evaluation, formatAmount, getLanguage, loadGeography, loadPortfolios, loadTables, setLanguage, status } from "./pkg/index.web.js";

const $ = (id) => document.getElementById(id);
const textarea = $("json");
const statusEl = $("status");

/** The page's own words (its chrome); messages, labels and amounts are core's. */
const UI = {
  fr: {
    error: (n) => `${n} erreur${n > 1 ? "s" : ""}`,
    warning: (n) => `${n} avertissement${n > 1 ? "s" : ""}`,
    severity: { error: "erreur", warning: "avertissement", info: "information" },
    valid: "✔ valide",
    none: "Aucun problème.",
    goTo: "Aller au champ",
    beneficiary: "Bénéficiaire",
    total: "Total",
    coordination: "Coordination",
    share: "part",
    noFunding: "Pas de financement dans ce document (pas de section funding : aucun total, ce qui n’est pas zéro).",
    unavailable: "Totaux indisponibles : le document contient des erreurs.",
    statusOn: "Statut aujourd’hui :",
    chart: "Financements par année",
    ready: "prêt",
    noEvaluation: "Évaluation indisponible : le document contient des erreurs.",
    noComparison: "Ouvrez une autre version (ou la convention suivante) pour voir ce qui change, du document à ce fichier.",
    otherInvalid: "L’autre fichier n’est pas valide :",
    loadingGeography: "chargement de la géographie…",
    geographyFailed: "géographie indisponible :",
    loadingModule: "chargement du module…",
    moduleFailed: "module indisponible :",
    download: "télécharger le tableau de financement",
    portfolioColumns: ["Fichier", "Verdict", "Territoire", "Statut", "Enveloppe"],
    headings: {
      "h-coverage": "Territoire",
      "t-geo": "vérifier avec la géographie officielle",
      "h-json": "Document JSON",
      "h-issues": "Problèmes",
      "h-summary": "Convention",
      "h-funding": "Financements par bénéficiaire et par année",
      "h-chart": "Financements par année",
      "h-evaluation": "Évaluation annuelle",
      "h-compare": "Comparer",
      "l-compare": "avec un autre fichier…",
      "h-json-hint": "(modifiable ; déposez un fichier ici)",
      "h-portfolio": "Portefeuille",
      "l-portfolio": "déposer plusieurs fichiers (ou un .jsonl)…",
    },
  },
  en: {
    error: (n) => `${n} error${n === 1 ? "" : "s"}`,
    warning: (n) => `${n} warning${n === 1 ? "" : "s"}`,
    severity: { error: "error", warning: "warning", info: "info" },
    valid: "✔ valid",
    none: "No problem.",
    goTo: "Go to the field",
    beneficiary: "Beneficiary",
    total: "Total",
    coordination: "Coordination",
    share: "share",
    noFunding: "No funding in this document (no funding section: no totals, which is not zero).",
    unavailable: "Totals unavailable: the document has errors.",
    statusOn: "Status today:",
    chart: "Funding per year",
    ready: "ready",
    noEvaluation: "Evaluation unavailable: the document has errors.",
    noComparison: "Open another version (or the next convention) to see what changes, from the document to that file.",
    otherInvalid: "The other file is not valid:",
    loadingGeography: "loading the geography…",
    geographyFailed: "geography unavailable:",
    loadingModule: "loading the module…",
    moduleFailed: "module unavailable:",
    download: "download the funding table",
    portfolioColumns: ["File", "Verdict", "Territory", "Status", "Envelope"],
    headings: {
      "h-coverage": "Territory",
      "t-geo": "check with the official geography",
      "h-json": "JSON document",
      "h-issues": "Problems",
      "h-summary": "Convention",
      "h-funding": "Funding per beneficiary and year",
      "h-chart": "Funding per year",
      "h-evaluation": "Yearly evaluation",
      "h-compare": "Compare",
      "l-compare": "with another file…",
      "h-json-hint": "(editable; drop a file here)",
      "h-portfolio": "Portfolio",
      "l-portfolio": "drop several files (or a .jsonl)…",
    },
  },
};
const ui = () => UI[getLanguage()];

/**
 * Where each path of the document starts in the text, for the clickable issue paths: a small
 * position scanner (it reads JSON syntax only, never the convention's rules). Paths are written
 * the way the core writes them: `funding.allocations[3].amounts.2024`.
 */
function locatePaths(text) {
  const spans = new Map();
  const stack = []; // {type: "obj"|"arr", path, index, key, keyStart}
  let i = 0;
  const join = (parent, key) => (parent === "" ? key : `${parent}.${key}`);
  const childPath = () => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    return top.type === "arr" ? `${top.path}[${top.index}]` : join(top.path, top.key);
  };
  const record = (path, start, end) => {
    if (!spans.has(path)) spans.set(path, { start, end });
  };
  const readString = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    try {
      return { value: JSON.parse(text.slice(start, i)), start };
    } catch {
      return { value: text.slice(start + 1, i - 1), start };
    }
  };
  while (i < text.length) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"' && top && top.type === "obj" && top.expectKey) {
      const { value, start } = readString();
      top.key = value;
      top.keyStart = start;
      top.expectKey = false;
      continue;
    }
    if (c === "{" || c === "[") {
      const path = childPath();
      const start = top && top.type === "obj" ? top.keyStart : i;
      stack.push({ type: c === "{" ? "obj" : "arr", path, index: 0, expectKey: c === "{", start });
      i++;
      continue;
    }
    if (c === "}" || c === "]") {
      const done = stack.pop();
      if (done) record(done.path, done.start, i + 1);
      i++;
      continue;
    }
    if (c === ",") {
      if (top && top.type === "arr") top.index++;
      if (top && top.type === "obj") top.expectKey = true;
      i++;
      continue;
    }
    if (c === ":" || c === " " || c === "\n" || c === "\r" || c === "\t") {
      i++;
      continue;
    }
    // a scalar: string, number, true, false, null
    const path = childPath();
    const start = top && top.type === "obj" ? top.keyStart : i;
    if (c === '"') readString();
    else while (i < text.length && !",}] \n\r\t".includes(text[i])) i++;
    record(path, start, i);
    if (i === start) i++;
  }
  return spans;
}

/** The path one level up: `a.b[2].c` → `a.b[2]` → `a.b` → `a` → `""`. */
function parentPath(path) {
  const m = path.match(/^(.*)(\.[^.[\]]+|\[\d+\])$/);
  return m ? m[1] : "";
}

/** Selects the field at `path` in the textarea (or its nearest ancestor present in the text). */
function showPath(path, item) {
  const spans = locatePaths(textarea.value);
  let p = path;
  while (p !== "" && !spans.has(p)) p = parentPath(p);
  const span = spans.get(p) ?? { start: 0, end: 0 };
  textarea.focus();
  textarea.setSelectionRange(span.start, span.end);
  // Scroll proportionally to the line (long lines wrap, so a fixed line height would drift).
  const line = textarea.value.slice(0, span.start).split("\n").length - 1;
  const lines = textarea.value.split("\n").length;
  textarea.scrollTop = Math.max(0, (line / lines) * textarea.scrollHeight - textarea.clientHeight / 3);
  document.querySelectorAll(".issues li.current").forEach((li) => li.classList.remove("current"));
  item?.classList.add("current");
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function renderIssues(report) {
  const t = ui();
  const list = $("issues");
  list.replaceChildren();
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.filter((i) => i.severity === "warning").length;
  $("issue-count").textContent = `(${t.error(errors)}, ${t.warning(warnings)})`;
  statusEl.textContent = report.valid ? (warnings ? `${t.valid} (${t.warning(warnings)})` : t.valid) : `✘ ${t.error(errors)}`;
  statusEl.className = `status ${report.valid ? "valid" : "invalid"}`;
  if (report.issues.length === 0) {
    list.append(el("li", { class: "none" }, t.none));
    return;
  }
  for (const issue of report.issues) {
    const label = issue.path === "" ? "(document)" : issue.path;
    list.append(
      el(
        "li",
        { class: `issue ${issue.severity}`, "data-code": issue.code, "data-path": issue.path, title: JSON.stringify(issue.ctx) },
        el("span", { class: `sev ${issue.severity}` }, t.severity[issue.severity]),
        el("code", { class: "code" }, issue.code),
        " ",
        el("button", { class: "path", type: "button", title: t.goTo, onclick: (event) => showPath(issue.path, event.target.closest("li")) }, label),
        " — ",
        el("span", { class: "message" }, issue.message),
      ),
    );
  }
}

/** The funding table of a valid convention; `totals` is null when it has no funding section. */
function renderFunding(conv, totals) {
  const t = ui();
  if (totals === null) {
    clearFunding(t.noFunding);
    return;
  }
  const lang = getLanguage();
  const years = Object.keys(totals.by_year);
  const names = new Map((conv.funding?.beneficiaries ?? []).map((b) => [b.id, b.name]));
  const head = el("tr", {}, el("th", {}, t.beneficiary), ...years.map((y) => el("th", {}, y)), el("th", {}, t.total));
  const rows = Object.entries(totals.by_beneficiary_year).map(([id, byYear]) =>
    el(
      "tr",
      {},
      el("td", {}, names.get(id) ?? id),
      ...years.map((y) => el("td", {}, formatAmount(byYear[y] ?? "0", lang))),
      el("td", {}, formatAmount(totals.by_beneficiary[id] ?? "0", lang)),
    ),
  );
  const foot = el(
    "tr",
    {},
    el("td", {}, t.total),
    ...years.map((y) => el("td", {}, formatAmount(totals.by_year[y], lang))),
    el("td", { class: "grand-total" }, formatAmount(totals.total, lang)),
  );
  const extra = el(
    "p",
    { class: "muted" },
    `${t.coordination} : ${formatAmount(totals.coordination, lang)}` + (totals.coordination_share === null ? "" : ` (${t.share} ${totals.coordination_share})`),
  );
  $("funding").replaceChildren(
    rows.length ? el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows), el("tfoot", {}, foot)) : el("p", { class: "muted" }, t.noFunding),
    extra,
  );
  renderChart(totals);
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Bars of funding per year; heights only (display), the labels are the core's exact amounts. */
function renderChart(t) {
  const years = Object.keys(t.by_year);
  const width = 560, height = 220, top = 24, bottom = 28;
  const values = years.map((y) => Number(t.by_year[y]));
  const max = Math.max(1, ...values);
  const slot = width / Math.max(1, years.length);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": ui().chart });
  root.append(svg("line", { x1: 0, y1: height - bottom, x2: width, y2: height - bottom, stroke: "#999" }));
  years.forEach((y, k) => {
    const h = ((height - top - bottom) * values[k]) / max;
    const x = k * slot + slot * 0.2;
    const bar = svg("rect", { class: "bar", x, y: height - bottom - h, width: slot * 0.6, height: h });
    bar.append(svg("title", {}, `${y} : ${formatAmount(t.by_year[y])}`));
    root.append(bar);
    root.append(svg("text", { x: x + slot * 0.3, y: height - bottom - h - 6, "text-anchor": "middle" }, formatAmount(t.by_year[y])));
    root.append(svg("text", { x: x + slot * 0.3, y: height - 8, "text-anchor": "middle" }, y));
  });
  $("chart").replaceChildren(root);
}

function clearFunding(message) {
  $("funding").replaceChildren(el("p", { class: "muted" }, message));
  $("chart").replaceChildren();
}

/**
 * The yearly evaluation of a valid convention: the years of its period to choose from (today's
 * year, or the nearest, at first), core's text of the year chosen.
 */
function renderEvaluation(conv) {
  const select = $("year");
  const { first_year: first, last_year: last } = conv.period;
  const years = Array.from({ length: last - first + 1 }, (_, k) => String(first + k));
  const kept = years.includes(select.value) ? select.value : String(Math.min(last, Math.max(first, new Date().getFullYear())));
  if (select.options.length !== years.length || select.options[0]?.value !== years[0]) {
    select.replaceChildren(...years.map((y) => el("option", { value: y }, y)));
  }
  select.value = kept;
  select.disabled = false;
  $("evaluation").textContent = evaluation(conv, Number(kept)).text;
}

/** What changes from the document to the other file opened: core's diff, as text. */
let other;
function renderComparison(conv) {
  if (other === undefined) {
    $("comparison").textContent = ui().noComparison;
    return;
  }
  try {
    $("comparison").textContent = diff(conv, other).text;
  } catch (e) {
    if (!(e instanceof CtgError)) throw e;
    $("comparison").textContent = e.argument === "after" ? `${ui().otherInvalid}\n${e.message}` : e.message;
  }
}

/** The geography module, once the box is ticked (loaded on demand, then kept). */
let geo;
const withGeography = () => $("geo").checked && geo !== undefined;

/** What the convention covers in the official geography: core's coverage table. */
function renderCoverage(conv) {
  $("territory").hidden = !withGeography();
  if (!withGeography()) return;
  if (conv === undefined) {
    $("coverage-ref").textContent = "";
    $("coverage").replaceChildren(el("p", { class: "muted" }, ui().unavailable));
    return;
  }
  const coverage = geo.coverage(conv);
  $("coverage-ref").textContent = `(${coverage.vintage.geography})`;
  $("coverage").innerHTML = coverage.html; // escaped by core
}

/** One validation per edit: the report always, the convention and its totals when valid. */
function update() {
  const result = withGeography() ? geo.check(textarea.value) : check(textarea.value);
  renderIssues(result.report);
  renderCoverage(result.convention);
  if (result.convention !== undefined) {
    renderFunding(result.convention, result.totals);
    // core's summary (escaped by core) and the status on today
    $("summary").innerHTML = conventionHtml(result.convention);
    $("conv-status").textContent = `${ui().statusOn} ${status(result.convention).label}`;
    renderEvaluation(result.convention);
    renderComparison(result.convention);
    $("download").disabled = false;
  } else {
    $("download").disabled = true;
    clearFunding(ui().unavailable);
    $("summary").replaceChildren();
    $("conv-status").textContent = "";
    $("year").disabled = true;
    $("evaluation").textContent = ui().noEvaluation;
    $("comparison").textContent = ui().noEvaluation;
  }
}

function load(text) {
  textarea.value = text;
  update();
}

let timer;
textarea.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(update, 120);
});

$("sample").addEventListener("change", async (event) => {
  const file = event.target.value;
  if (!file) return;
  const response = await fetch(`fixtures/${encodeURIComponent(file)}`);
  load(await response.text());
});

async function loadFile(file) {
  if (!file) return;
  $("sample").value = "";
  load(await file.text());
}
$("file").addEventListener("change", (event) => loadFile(event.target.files[0]));
$("year").addEventListener("change", update);
$("compare").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  other = await file.text();
  update();
});
const drop = $("drop");
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("drag");
});
drop.addEventListener("dragleave", () => drop.classList.remove("drag"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("drag");
  loadFile(event.dataTransfer.files[0]);
});

$("geo").addEventListener("change", async (event) => {
  const box = event.target;
  if (box.checked && geo === undefined) {
    box.disabled = true;
    statusEl.textContent = ui().loadingGeography;
    try {
      geo = await loadGeography(); // fetches pkg/web/ctg_wasm_geo_bg.wasm, the first time only
    } catch (e) {
      box.checked = false;
      statusEl.textContent = `${ui().geographyFailed} ${e instanceof CtgError ? e.message : e}`;
      return;
    } finally {
      box.disabled = false;
    }
  }
  update();
});

/** Runs `load` (a module loaded on demand) with the status line saying so; undefined on failure. */
async function onDemand(load) {
  const before = statusEl.textContent;
  statusEl.textContent = ui().loadingModule;
  try {
    const module = await load();
    statusEl.textContent = before;
    return module;
  } catch (e) {
    statusEl.textContent = `${ui().moduleFailed} ${e instanceof CtgError ? e.message : e}`;
    return undefined;
  }
}

/** Offers bytes for download under a file name. */
function offer(bytes, name, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

$("download").addEventListener("click", async () => {
  const result = check(textarea.value);
  if (result.convention === undefined) return;
  const tables = await onDemand(() => loadTables()); // fetches pkg/web/ctg_wasm_tables_bg.wasm, the first time only
  if (tables === undefined) return;
  const format = $("export-format").value;
  const id = result.convention.id;
  if (format === "xlsx") {
    offer(tables.toXlsx(result.convention), `${id}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  } else {
    const lang = format === "csv-en" ? "en" : "fr";
    offer(tables.toCsv(result.convention, { lang }), `${id}-${lang === "fr" ? "financement" : "funding"}.csv`, "text/csv");
  }
});

/** The portfolio of the files dropped: core's summary text and its table of conventions. */
async function showPortfolio(files) {
  if (files.length === 0) return;
  const builder = withGeography() ? geo : await onDemand(() => loadPortfolios());
  if (builder === undefined) return;
  const read = await Promise.all(files.map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())]));
  const lines = read.length === 1 && read[0][0].endsWith(".jsonl");
  const portfolio = lines ? builder.portfolioFromJsonLines(read[0][1]) : builder.portfolio(read);
  try {
    $("portfolio").textContent = portfolio.toText();
    const table = $("portfolio-rows");
    const head = el("tr", {}, ...ui().portfolioColumns.map((c) => el("th", {}, c)));
    const rows = portfolio.conventions().map((r) =>
      el("tr", { "data-verdict": r.verdict }, el("td", {}, r.source), el("td", {}, r.verdict), el("td", {}, r.territory ?? ""),
        el("td", {}, r.status ?? ""), el("td", { class: "num" }, r.envelope === null ? "" : formatAmount(r.envelope))));
    table.replaceChildren(head, ...rows);
    table.hidden = false;
  } finally {
    portfolio.free();
  }
}
$("portfolio-files").addEventListener("change", (event) => showPortfolio([...event.target.files]));
const portfolioDrop = $("portfolio-drop");
portfolioDrop.addEventListener("dragover", (event) => {
  event.preventDefault();
  portfolioDrop.classList.add("drag");
});
portfolioDrop.addEventListener("dragleave", () => portfolioDrop.classList.remove("drag"));
portfolioDrop.addEventListener("drop", (event) => {
  event.preventDefault();
  portfolioDrop.classList.remove("drag");
  showPortfolio([...event.dataTransfer.files]);
});

$("lang").addEventListener("change", (event) => {
  setLanguage(event.target.value);
  document.documentElement.lang = getLanguage();
  for (const [id, text] of Object.entries(ui().headings)) {
    const node = $(id);
    if (node.tagName === "SMALL" || node.tagName === "SPAN") node.textContent = text;
    else node.firstChild.textContent = `${text} `;
  }
  $("download").textContent = ui().download;
  update();
});

await init();
const samples = await (await fetch("fixtures/index.json")).json();
for (const sample of samples) $("sample").append(el("option", { value: sample.file }, sample.title));
statusEl.textContent = ui().ready;
document.body.dataset.ready = "true";
