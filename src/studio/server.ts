/**
 * `scentline studio`'s web server: the prebuilt page, the model as JSON, the event log by person
 * or time, the project's own files (read-only), and a stream that says when the project changed.
 * It listens on 127.0.0.1 only and answers only requests that name it (see guard.ts).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { SimEvent } from "../sim/event.js";
import { checkRequest } from "./guard.js";
import { resolveInside } from "./paths.js";
import { StudioProject, type StudioProjectOptions } from "./project.js";
import { watchProject, type Watcher } from "./watch.js";

/** The built page sits beside this module (dist/studio/app), or beside the bundled CLI (dist/bin/../studio/app). */
export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../studio/app");

export const HOST = "127.0.0.1";

export interface StudioOptions extends StudioProjectOptions {
  /** The project's scentline.yaml. */
  file: string;
  /** 0 picks a free port. */
  port?: number;
  appDir?: string;
  /** How long to wait after a change before rebuilding (editors save in several steps). */
  settleMs?: number;
  onRebuild?: (ms: number) => void;
}

export interface Studio {
  url: string;
  port: number;
  project: StudioProject;
  server: Server;
  close(): Promise<void>;
}

const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/index.html": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
};

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "Cache-Control": "no-store",
};

export async function startStudio(options: StudioOptions): Promise<Studio> {
  const project = new StudioProject(options.file, options);
  const appDir = options.appDir ?? APP_DIR;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      send(res, 500, "text/plain; charset=utf-8", `the studio could not answer: ${e instanceof Error ? e.message : String(e)}`);
    }
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const verdict = checkRequest(req.headers, port, req.method);
    if (!verdict.ok) {
      if (verdict.status === 405) res.setHeader("Allow", "GET, HEAD");
      return send(res, verdict.status ?? 403, "text/plain; charset=utf-8", `refused: ${verdict.reason}`);
    }
    const url = new URL(req.url ?? "/", `http://${HOST}:${port}`);
    const asset = ASSETS[url.pathname];
    if (asset) {
      let body: Buffer;
      try {
        body = readFileSync(join(appDir, asset.file));
      } catch {
        return send(res, 500, "text/plain; charset=utf-8", "the studio's page is missing: run `npm run build`");
      }
      return send(res, 200, asset.type, body, req);
    }
    switch (url.pathname) {
      case "/api/model":
        return sendModel(req, res);
      case "/api/events":
        return sendJson(res, queryEvents(project.log, url.searchParams), req);
      case "/api/file": {
        const found = resolveInside(project.root, url.searchParams.get("path") ?? "");
        if (!found.ok) return send(res, found.status, "text/plain; charset=utf-8", `refused: ${found.reason}`);
        return send(res, 200, "text/plain; charset=utf-8", readFileSync(found.path), req);
      }
      case "/api/stream":
        res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": "text/event-stream", Connection: "keep-alive" });
        res.write(`retry: 500\nevent: model\ndata: ${JSON.stringify({ version: project.model.version })}\n\n`);
        streams.add(res);
        req.on("close", () => streams.delete(res));
        return;
      default:
        return send(res, 404, "text/plain; charset=utf-8", "not found");
    }
  }

  // The model is the largest answer and the same until the next save: made and compressed once.
  let cached: { version: number; plain: Buffer; gzip: Buffer } | undefined;
  function sendModel(req: IncomingMessage, res: ServerResponse): void {
    const m = project.model;
    if (cached?.version !== m.version) {
      const plain = Buffer.from(JSON.stringify(m));
      cached = { version: m.version, plain, gzip: gzipSync(plain, { level: 4 }) };
    }
    const zipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = zipped ? cached.gzip : cached.plain;
    res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length, Vary: "Accept-Encoding", ...(zipped ? { "Content-Encoding": "gzip" } : {}) });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  const watcher: Watcher = watchProject(project.root, options.settleMs ?? 40, () => {
    const started = performance.now();
    let model;
    try {
      model = project.rebuild();
    } catch {
      // A half-written file can trip the loader; the next save rebuilds again.
      return;
    }
    options.onRebuild?.(performance.now() - started);
    for (const s of streams) s.write(`event: model\ndata: ${JSON.stringify({ version: model.version })}\n\n`);
  });

  try {
    await new Promise<void>((ok, fail) => {
      server.once("error", fail);
      server.listen(options.port ?? 0, HOST, () => ok());
    });
  } catch (e) {
    // A port in use: nothing may keep the process alive after the error is said.
    watcher.close();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  // A heartbeat keeps the stream open through idle minutes.
  const beat = setInterval(() => {
    for (const s of streams) s.write(": still here\n\n");
  }, 15_000);
  beat.unref();

  return {
    url: `http://${HOST}:${port}/`,
    port,
    project,
    server,
    async close() {
      clearInterval(beat);
      watcher.close();
      for (const s of streams) s.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** Events filtered by person, type (or types to skip) and an hour range; at most `limit` of them (default 2,000), the latest last. */
export function queryEvents(log: readonly SimEvent[], q: URLSearchParams): { events: SimEvent[]; total: number } {
  const person = q.get("person");
  const types = q.get("type")?.split(",").filter(Boolean);
  const skip = q.get("skip")?.split(",").filter(Boolean);
  const from = Number(q.get("from") ?? -Infinity);
  const to = Number(q.get("to") ?? Infinity);
  const ids = q.get("ids")?.split(",").filter(Boolean);
  const limit = Math.min(Math.max(1, Number(q.get("limit") ?? 2000) || 2000), 20_000);
  if (ids) {
    const want = new Set(ids);
    const events = log.filter((e) => want.has(e.id));
    return { events, total: events.length };
  }
  const out: SimEvent[] = [];
  // The log is in time order: start at the first event at or after `from`.
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid].hour < from) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let k = lo; k < log.length && log[k].hour <= to; k++) {
    const e = log[k];
    if (person && !e.people.includes(person)) continue;
    if (types && !types.includes(e.type)) continue;
    if (skip?.includes(e.type)) continue;
    total++;
    out.push(e);
    if (out.length > limit) out.shift();
  }
  return { events: out, total };
}

function sendJson(res: ServerResponse, value: unknown, req: IncomingMessage): void {
  send(res, 200, "application/json; charset=utf-8", JSON.stringify(value), req);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, req?: IncomingMessage): void {
  let data = typeof body === "string" ? Buffer.from(body) : body;
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, "Content-Type": type };
  if (req && data.length > 1024 && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    data = gzipSync(data, { level: 4 });
    headers["Content-Encoding"] = "gzip";
    headers["Vary"] = "Accept-Encoding";
  }
  headers["Content-Length"] = data.length;
  res.writeHead(status, headers);
  res.end(req?.method === "HEAD" ? undefined : data);
}
