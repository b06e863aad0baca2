import { join } from "node:path";
import { stringify } from "yaml";
import { checkProject, type CheckResult } from "../../src/check/run.js";
import type { Finding } from "../../src/check/finding.js";
import { nodeReader } from "../../src/node/io.js";
import { tempFiles } from "./world.js";

/** A small project in a given world, with the cast and chapters given ("01.md": text). */
export function storyWith(world: string, cast: Record<string, unknown>[], chapters: Record<string, string>, extra: Record<string, unknown> = {}): CheckResult {
  const files: Record<string, string> = {
    "scentline.yaml": stringify({ world, start: "2026-01-01", places: [{ id: "room" }, { id: "hall" }], connections: [{ between: ["room", "hall"], distance: "20ft", kind: "door" }], cast, ...extra }),
  };
  for (const [name, text] of Object.entries(chapters)) files[join("chapters", name)] = text;
  const dir = tempFiles(files);
  return checkProject(join(dir, "scentline.yaml"), nodeReader());
}

/** A chapter with front matter. */
export function chapter(date: string, body: string, front: Record<string, unknown> = {}): string {
  return `---\n${stringify({ date, ...front })}---\n${body}\n`;
}

export const byRule = (r: CheckResult, rule: string): Finding[] => r.findings.filter((f) => f.ruleId === rule);
export const errors = (r: CheckResult): Finding[] => r.findings.filter((f) => f.severity === "error");
