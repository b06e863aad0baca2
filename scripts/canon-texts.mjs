// Runs before the TypeScript build: copies the canon presets (canon/*.yaml) into
// src/world/canon-texts.ts as strings, so the engine can load a preset where there is no file
// system (a browser). The file is rewritten only when a preset changed; a test checks it matches.
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const out = "src/world/canon-texts.ts";
const names = readdirSync("canon")
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const entries = names.map((f) => `  ${JSON.stringify(f.slice(0, -5))}: ${JSON.stringify(readFileSync(`canon/${f}`, "utf8"))},`);
const text = [
  "// Generated from canon/*.yaml by scripts/canon-texts.mjs (run by `npm run build`); do not edit.",
  "/** The canon presets' world files, by preset name, for loading without a file system. */",
  "export const CANON_TEXTS: Readonly<Record<string, string>> = Object.freeze({",
  ...entries,
  "});",
  "",
].join("\n");
let old;
try {
  old = readFileSync(out, "utf8");
} catch {
  old = undefined;
}
if (old !== text) {
  writeFileSync(`${out}.tmp`, text);
  renameSync(`${out}.tmp`, out);
}
