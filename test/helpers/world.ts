import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { formatDiagnostic } from "../../src/core/diagnostic.js";
import { nodeReader } from "../../src/node/io.js";
import { loadWorld, type World } from "../../src/world/load.js";

/** Writes files into a fresh temporary folder and returns its path. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "scentline-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export function loadWorldText(text: string, extra: Record<string, string> = {}) {
  const dir = tempFiles({ "world.yaml": text, ...extra });
  return loadWorld(join(dir, "world.yaml"), nodeReader());
}

export function preset(name: string): World {
  const r = loadWorld(nodeReader().preset(name)!, nodeReader());
  if (!r.world) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.world;
}
