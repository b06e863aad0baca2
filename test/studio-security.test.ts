/**
 * The studio's promises about safety, each over plain HTTP: it listens on 127.0.0.1 only, answers
 * only requests that name it (no DNS rebinding, no foreign pages), reads nothing outside the
 * project whatever the path says, and never writes.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, studioOnCopy, type StudioCopy } from "./helpers/studio.js";

const SECRET = "outside-the-project-7f3a";
let s: StudioCopy;
let port: number;

beforeAll(async () => {
  s = await studioOnCopy("guardianship");
  port = s.studio.port;
  // Files beside the project, and links inside it that lead to them.
  writeFileSync(join(s.base, "secret.txt"), SECRET);
  mkdirSync(join(s.base, "elsewhere"));
  writeFileSync(join(s.base, "elsewhere", "notes.md"), SECRET);
  symlinkSync(join(s.base, "secret.txt"), join(s.dir, "link.md"));
  symlinkSync(join(s.base, "elsewhere"), join(s.dir, "chapters", "more"));
  mkdirSync(join(s.dir, ".hidden"));
  writeFileSync(join(s.dir, ".hidden", "x.md"), SECRET);
});
afterAll(() => s.close());

/** Every file under a folder with its content hash and modification time. */
function snapshot(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isSymbolicLink()) out.push(`${p} -> link`);
      else if (name.isDirectory()) walk(p);
      else out.push(`${p} ${createHash("sha256").update(readFileSync(p)).digest("hex")} ${statSync(p).mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort().join("\n");
}

describe("studio: where it listens", () => {
  it("binds to 127.0.0.1 and nothing else", () => {
    const address = s.studio.server.address() as AddressInfo;
    expect(address.address).toBe("127.0.0.1");
    expect(s.studio.url).toBe(`http://127.0.0.1:${port}/`);
  });

  it("refuses connections on the machine's other addresses", async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === "IPv4" && !a.internal)
      .map((a) => a!.address);
    for (const host of others) {
      const reached = await new Promise<boolean>((ok) => {
        const socket = connect({ host, port }, () => {
          socket.destroy();
          ok(true);
        });
        socket.on("error", () => ok(false));
        socket.setTimeout(2000, () => {
          socket.destroy();
          ok(false);
        });
      });
      expect(reached, host).toBe(false);
    }
  });
});

describe("studio: requests from elsewhere (DNS rebinding, foreign pages)", () => {
  it("answers its own host names", async () => {
    expect((await get(port, "/api/model")).status).toBe(200);
    expect((await get(port, "/api/model", { host: `localhost:${port}` })).status).toBe(200);
  });

  it.each([["evil.example"], [`evil.example:${port}`], [`127.0.0.1:${port + 1}`], ["127.0.0.1"], [`localhost.evil.example:${port}`], [`0.0.0.0:${port}`]])("refuses Host: %s", async (host) => {
    for (const path of ["/", "/app.js", "/api/model", "/api/events", "/api/file?path=scentline.yaml", "/api/stream"]) {
      const r = await get(port, path, { host });
      expect(r.status, path).toBe(403);
      expect(r.body).toMatch(/refused/);
      expect(r.body).not.toMatch(/Guardianship/);
    }
  });

  it("refuses a request without a Host header", async () => {
    const answer = await new Promise<string>((ok) => {
      const socket = connect({ host: "127.0.0.1", port }, () => socket.write("GET /api/model HTTP/1.0\r\n\r\n"));
      let text = "";
      socket.on("data", (d) => (text += d.toString()));
      socket.on("end", () => ok(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.\d 403/);
  });

  it.each([["http://evil.example"], ["null"], [`http://127.0.0.1:${port}.evil.example`], [`https://127.0.0.1:${port}`], [`http://127.0.0.1:${port + 1}`]])("refuses Origin: %s", async (origin) => {
    const r = await get(port, "/api/model", { origin });
    expect(r.status).toBe(403);
  });

  it("accepts its own origin", async () => {
    expect((await get(port, "/api/model", { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await get(port, "/api/model", { origin: `http://localhost:${port}`, host: `localhost:${port}` })).status).toBe(200);
  });

  it("sends no CORS grant, and a strict content policy", async () => {
    const r = await get(port, "/");
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    expect(String(r.headers["content-security-policy"])).toMatch(/default-src 'self'/);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("studio: no file outside the project", () => {
  it("reads a project file", async () => {
    const r = await get(port, "/api/file?path=chapters/01-the-house.md");
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/The house on the hill/);
  });

  it.each([
    ["../secret.txt"],
    ["..%2Fsecret.txt"],
    ["%2e%2e/secret.txt"],
    ["%2E%2E%2Fsecret.txt"],
    ["chapters/..%2F..%2Fsecret.txt"],
    ["%252e%252e%252fsecret.txt"],
    ["..%5Csecret.txt"],
    ["chapters/../../secret.txt"],
    ["./../secret.txt"],
    [encodeURIComponent(join("/", "etc", "passwd"))],
    ["/etc/passwd"],
    ["link.md"],
    ["chapters/more/notes.md"],
    [".hidden/x.md"],
    ["chapters"],
    [""],
    ["secret.txt%00.md"],
  ])("refuses path=%s", async (path) => {
    const r = await get(port, `/api/file?path=${path}`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toMatch(/root:/);
  });

  it.each([["/../secret.txt"], ["/%2e%2e/secret.txt"], ["/app.js/../../secret.txt"], ["/..%2f..%2fsecret.txt"], ["//etc/passwd"], ["/project/scentline.yaml"], ["/scentline.yaml"]])("serves nothing at %s", async (path) => {
    const r = await get(port, path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain(SECRET);
  });
});

describe("studio: writes nothing", () => {
  it("refuses every method but GET and HEAD, and leaves the project as it was", async () => {
    const before = snapshot(s.dir);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const path of ["/", "/api/model", "/api/file?path=scentline.yaml", "/api/file?path=new.md", "/api/events"]) {
        const r = await get(port, path, { "content-type": "text/plain" }, method);
        expect(r.status, `${method} ${path}`).toBe(405);
      }
    }
    for (const path of ["/", "/app.js", "/app.css", "/api/model", "/api/events?person=rey", "/api/file?path=scentline.yaml"]) expect((await get(port, path)).status).toBe(200);
    expect(snapshot(s.dir)).toBe(before);
  });
});
