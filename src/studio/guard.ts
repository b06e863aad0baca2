/**
 * Who may talk to the studio: only pages it served itself. A web page elsewhere can make the
 * browser send requests to 127.0.0.1, and by DNS rebinding even under its own host name; the Host
 * and Origin headers give both away, so anything not naming this server is refused.
 */
export interface GuardVerdict {
  ok: boolean;
  /** 403 for a foreign page, 405 for a request that would change something. */
  status?: 403 | 405;
  reason?: string;
}

/** The host names a local page can carry in its Host header (with this server's port). */
const LOCAL_NAMES = ["127.0.0.1", "localhost"];

export function allowedHosts(port: number): Set<string> {
  return new Set(LOCAL_NAMES.map((n) => `${n}:${port}`));
}

export function checkRequest(headers: { host?: string; origin?: string | string[] }, port: number, method: string | undefined): GuardVerdict {
  const hosts = allowedHosts(port);
  const host = (headers.host ?? "").toLowerCase();
  if (!hosts.has(host)) return { ok: false, status: 403, reason: `the Host header "${host}" does not name this studio` };
  const origin = headers.origin;
  if (origin !== undefined) {
    const one = Array.isArray(origin) ? origin.join(",") : origin;
    // The studio's own page sends its origin only on some requests; when it does, it must be ours.
    if (![...hosts].some((h) => one.toLowerCase() === `http://${h}`)) return { ok: false, status: 403, reason: `the Origin "${one}" is not this studio` };
  }
  // The studio only shows: nothing it answers changes a file.
  if (method !== "GET" && method !== "HEAD") return { ok: false, status: 405, reason: `${method ?? "this"} requests are not served: the studio only reads` };
  return { ok: true };
}
