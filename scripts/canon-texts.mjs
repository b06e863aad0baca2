// Runs before the TypeScript build: copies the canon presets (canon/*.yaml) into
// src/world/canon-texts.ts as strings, so the engine can load a preset where there is no file
// system (a browser), and as the values they parse to, so loading a preset parses no YAML. The
// file is rewritten only when a preset changed; tests check both match.
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const out = "src/world/canon-texts.ts";
const names = readdirSync("canon")
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const texts = names.map((f) => [f.slice(0, -5), readFileSync(`canon/${f}`, "utf8")]);
const text = [
  "// Generated from canon/*.yaml by scripts/canon-texts.mjs (run by `npm run build`); do not edit.",
  "/** The canon presets' world files, by preset name, for loading without a file system. */",
  "export const CANON_TEXTS: Readonly<Record<string, string>> = Object.freeze({",
  ...texts.map(([name, yaml]) => `  ${JSON.stringify(name)}: ${JSON.stringify(yaml)},`),
  "});",
  "",
  "/** What each preset's text parses to, by preset name (JSON is read far faster than YAML). */",
  "export const CANON_VALUES: Readonly<Record<string, string>> = Object.freeze({",
  ...texts.map(([name, yaml]) => `  ${JSON.stringify(name)}: ${JSON.stringify(JSON.stringify(parse(yaml)))},`),
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
