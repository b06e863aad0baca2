/** `scentline studio` on the command line: it starts, says where, stops on a signal, and refuses clearly. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { get } from "./helpers/studio.js";

const CLI = "dist/bin/scentline.mjs";

/** `scentline studio --open` on the classic example, once it says where it serves. */
async function studioUntilReady(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, "studio", "examples/classic", "--port", "0", "--open"], { env: { ...process.env, NO_COLOR: "1", ...env } });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    child.stderr.on("data", () => {
      const m = /studio at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) ok(m[1]);
    });
    child.on("exit", () => fail(new Error(err)));
  });
  return { child, url, stderr: () => err };
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 30_000 });
}

describe("scentline studio", () => {
  it("serves the project at the address it prints, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [CLI, "studio", "examples/classic", "--port", "0"], { env: { ...process.env, NO_COLOR: "1" } });
    let err = "";
    const url = await new Promise<string>((ok, fail) => {
      child.stderr.on("data", (d: Buffer) => {
        err += d.toString();
        const m = /studio at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
        if (m) ok(m[1]);
      });
      child.on("exit", () => fail(new Error(err)));
    });
    expect(err).toMatch(/Classic example: 4 people, \d+ events, \d+ findings/);
    const port = Number(new URL(url).port);
    const page = await get(port, "/");
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<script type="module" src="\/app.js">/);
    expect((await get(port, "/app.js")).body.length).toBeGreaterThan(1000);
    const code = await new Promise<number | null>((ok) => {
      child.on("exit", (c) => ok(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });

  it("--open hands the address to the browser command, and says so when there is none", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scentline-open-"));
    const opener = join(dir, "opener.mjs");
    const seen = join(dir, "seen.txt");
    writeFileSync(opener, `#!/usr/bin/env node\nimport { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(seen)}, process.argv.slice(2).join(" "));\n`);
    chmodSync(opener, 0o755);
    const opened = await studioUntilReady({ BROWSER: `${opener} --new-window` });
    try {
      await expect.poll(() => (existsSync(seen) ? readFileSync(seen, "utf8") : ""), { timeout: 10_000 }).toBe(`--new-window ${opened.url}`);
    } finally {
      opened.child.kill("SIGTERM");
    }
    // A list is tried in turn; a path with a space is one program.
    const spaced = join(dir, "my browser.mjs");
    writeFileSync(spaced, readFileSync(opener, "utf8").replace("seen.txt", "seen-2.txt"));
    chmodSync(spaced, 0o755);
    const listed = await studioUntilReady({ BROWSER: `${join(dir, "no-such-browser")}:${spaced}` });
    try {
      await expect.poll(() => (existsSync(join(dir, "seen-2.txt")) ? readFileSync(join(dir, "seen-2.txt"), "utf8") : ""), { timeout: 10_000 }).toBe(listed.url);
    } finally {
      listed.child.kill("SIGTERM");
    }
    const missing = await studioUntilReady({ BROWSER: join(dir, "no-such-browser") });
    try {
      await expect.poll(() => missing.stderr(), { timeout: 10_000 }).toMatch(new RegExp(`could not open a browser with BROWSER=.*no-such-browser: open ${missing.url.replace(/[.]/g, "\\.")} by hand`));
      // The studio goes on serving.
      expect((await get(Number(new URL(missing.url).port), "/")).status).toBe(200);
    } finally {
      missing.child.kill("SIGTERM");
    }
  });

  it("refuses a folder that is not a project, with a hint", () => {
    const r = run("studio", "no/such/folder");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: no\/such\/folder does not exist/);
    expect(r.stderr).toMatch(/hint:/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a port in use, and a port that is not one", async () => {
    const busy = createServer();
    await new Promise<void>((ok) => busy.listen(0, "127.0.0.1", () => ok()));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = run("studio", "examples/classic", "--port", String(port));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`port ${port} on 127.0.0.1 is in use`));
      expect(r.stderr).toMatch(/--port 0/);
    } finally {
      busy.close();
    }
    const bad = run("studio", "examples/classic", "--port", "http");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/port number/);
  });
});
