// Shared helpers of the Node tests: where things are, and how to read a vector's raw input.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const wasmDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const repoDir = path.resolve(wasmDir, "..");
export const vectorsDir = path.join(repoDir, "tests", "vectors");
export const fixturesDir = path.join(repoDir, "tests", "fixtures");

export function jsonFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));
}

/**
 * The raw text of member `key` of the top-level object in `text` (undefined when absent), so a
 * vector's input reaches the validator byte for byte (`4.08e4` stays `4.08e4`). Iterative: the
 * 100 000-deep vector does not overflow the stack.
 */
export function rawMember(text, key) {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && " \t\r\n".includes(text[i])) i++;
  };
  const str = () => {
    const start = i++;
    while (i < n && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const skipValue = () => {
    ws();
    if (text[i] === '"') return void str();
    if (text[i] === "{" || text[i] === "[") {
      let depth = 0;
      do {
        const c = text[i];
        if (c === '"') {
          str();
          continue;
        }
        if (c === "{" || c === "[") depth++;
        else if (c === "}" || c === "]") depth--;
        i++;
      } while (depth > 0 && i < n);
      return;
    }
    while (i < n && !",}] \t\r\n".includes(text[i])) i++;
  };
  ws();
  if (text[i] !== "{") throw new Error("a vector is a JSON object");
  i++;
  for (;;) {
    ws();
    if (text[i] === "}" || i >= n) return undefined;
    const k = str();
    ws();
    i++; // ':'
    ws();
    const start = i;
    skipValue();
    if (k === key) return text.slice(start, i);
    ws();
    if (text[i] === ",") i++;
  }
}

/**
 * Whether JSON text holds a number token written with a fraction or an exponent whose value is
 * an integer (`4.08e4`, `40800.0`): JSON.parse turns it into a JS integer, so the object form of
 * the input no longer carries what the vector tests.
 */
export function losesFloatTokens(text) {
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return (outsideStrings.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? []).some(
    (token) => /[.eE]/.test(token) && Number.isInteger(Number(token)),
  );
}

/** Issues as sorted `[path, code, severity]` tuples (the comparison rule of tests/vectors/README.md). */
export function issueTuples(issues) {
  return issues
    .map((i) => [i.path, i.code, i.severity])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
}

/**
 * The JavaScript value a host vector's `input_host` describes (tests/vectors/README.md): a JSON
 * value in which an object with one `$`-key is a tagged host value. `$float` is a number (NaN and
 * infinities too), `$int` a BigInt, `$text` a string built from parts and UTF-16 code units (lone
 * surrogates included), `$unsupported` a `Set`, `$throwing_getter` a property whose getter
 * throws, `$nested_lists` arrays nested that deep, `$sparse_array` `new Array(n)`.
 */
export function hostValue(tagged) {
  if (Array.isArray(tagged)) {
    const out = [];
    tagged.forEach((item, i) => place(out, i, item));
    return out;
  }
  if (tagged === null || typeof tagged !== "object") return tagged;
  const keys = Object.keys(tagged);
  if (keys.length === 1 && keys[0].startsWith("$")) {
    const [tag] = keys;
    const arg = tagged[tag];
    switch (tag) {
      case "$float":
        return Number(arg);
      case "$int":
        return BigInt(arg);
      case "$text":
        return arg.map((part) => (typeof part === "number" ? String.fromCharCode(part) : part)).join("");
      case "$unsupported":
        if (arg !== "set") throw new Error(`no JS value for $unsupported ${arg}`);
        return new Set();
      case "$nested_lists": {
        let value = [];
        for (let i = 1; i < arg; i++) value = [value];
        return value;
      }
      case "$sparse_array":
        return new Array(arg);
      case "$throwing_getter":
        throw new Error("$throwing_getter is a property: it needs the object that holds it");
      default:
        throw new Error(`tag ${tag} has no JavaScript value (the vector should not name "js")`);
    }
  }
  const out = {};
  for (const key of keys) place(out, key, tagged[key]);
  return out;
}

/** Sets `target[key]` to the host value of `tagged`; a `$throwing_getter` becomes a getter. */
function place(target, key, tagged) {
  const getter =
    tagged !== null && typeof tagged === "object" && !Array.isArray(tagged) && Object.keys(tagged).length === 1 && "$throwing_getter" in tagged;
  if (getter) {
    const message = tagged.$throwing_getter;
    Object.defineProperty(target, key, {
      enumerable: true,
      get() {
        throw new Error(message);
      },
    });
  } else {
    target[key] = hostValue(tagged);
  }
}
