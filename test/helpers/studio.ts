/** Starting the studio on a temporary copy of an example, and plain HTTP requests to it. */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startStudio, type Studio } from "../../src/studio/server.js";

/** The page as `npm run build` made it (tests run after the build). */
export const BUILT_APP = resolve("dist/studio/app");

export interface StudioCopy {
  /** The folder holding the copy (and room beside it for files outside the project). */
  base: string;
  dir: string;
  studio: Studio;
  close(): Promise<void>;
}

export async function studioOnCopy(example: string, options: { until?: string } = {}): Promise<StudioCopy> {
  const base = mkdtempSync(join(tmpdir(), "scentline-studio-"));
  const dir = join(base, "project");
  cpSync(join("examples", example), dir, { recursive: true });
  const studio = await startStudio({ file: join(dir, "scentline.yaml"), port: 0, appDir: BUILT_APP, settleMs: 30, ...options });
  return {
    base,
    dir,
    studio,
    async close() {
      await studio.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly the headers given (Node adds Host only when none is given). */
export function get(port: number, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", fail);
    req.end();
  });
}
