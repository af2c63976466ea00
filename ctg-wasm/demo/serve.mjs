// A tiny static server for the demo (node:http only): serves one folder (default demo/site, built
// by ctg-wasm/build.sh) on 127.0.0.1, GET/HEAD only, never outside that folder, with time limits.
//   node ctg-wasm/demo/serve.mjs [port]      (port 0 or absent: a free port)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Starts the server; resolves to `{server, url}`. */
export function startServer({ root = path.join(path.dirname(fileURLToPath(import.meta.url)), "site"), port = 0, host = "127.0.0.1" } = {}) {
  const base = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    const fail = (status, text) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return fail(405, "method not allowed");
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      return fail(400, "bad request");
    }
    if (pathname.includes("\0")) return fail(400, "bad request");
    let file = path.resolve(base, "." + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) return fail(403, "forbidden");
    fs.stat(file, (err, stat) => {
      if (!err && stat.isDirectory()) {
        file = path.join(file, "index.html");
        try {
          stat = fs.statSync(file);
        } catch (e) {
          err = e;
        }
      }
      if (err || !stat.isFile()) return fail(404, "not found");
      if (stat.size > MAX_FILE_BYTES) return fail(413, "too large");
      let real;
      try {
        real = fs.realpathSync(file);
      } catch {
        return fail(404, "not found");
      }
      if (!real.startsWith(base + path.sep)) return fail(403, "forbidden");
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "content-length": stat.size,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(real).on("error", () => res.destroy()).pipe(res);
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 1_000;
  server.maxConnections = 64;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
  const { url } = await startServer({ port });
  console.log(`ctg demo: ${url}  (Ctrl+C to stop)`);
}
