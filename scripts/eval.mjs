// `npm run eval`: reads each corpus text with `scentline read` and scores it against its hand labels,
// then writes each as a draft story project (`read --out`) and holds it to `validate` and `check`:
// every project must be valid, and the checker must report no error in it.
// The corpus and labels live beside the project, in ../shared (corpus/, gold/, eval/score.mjs).
// Scentline's own labelled texts, in eval/ (texts/, gold/), are scored the same way: short stories
// written for the reader's evaluation, in other settings and styles, with invented names.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const shared = new URL("../../shared/", import.meta.url).pathname;
const cli = new URL("../dist/bin/scentline.mjs", import.meta.url).pathname;
const score = join(shared, "eval", "score.mjs");
if (!existsSync(score)) {
  console.error(`no corpus to score: ${shared} is not there (it holds corpus/, gold/ and eval/score.mjs)`);
  process.exit(1);
}
const scentline = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
const out = mkdtempSync(join(tmpdir(), "scentline-eval-"));
let texts = 0;
let failed = 0;
const own = new URL("../eval/", import.meta.url).pathname;
const sets = [
  { texts: join(shared, "corpus"), gold: join(shared, "gold") },
  { texts: join(own, "texts"), gold: join(own, "gold") },
];
const labelled = sets.flatMap((set) =>
  readdirSync(set.gold)
    .filter((f) => /^\d+\.json$/.test(f))
    .sort()
    .map((gold) => ({ gold: join(set.gold, gold), text: readdirSync(set.texts).find((f) => f.startsWith(`${gold.replace(/\.json$/, "")}_`) || f === gold.replace(/\.json$/, ".txt")), dir: set.texts })),
);
for (const { gold, text, dir } of labelled) {
  if (!text) continue;
  texts++;
  const number = text.replace(/[_.].*$/, "");
  const manuscript = join(dir, text);
  const bible = join(out, `${number}.json`);
  const started = performance.now();
  const read = scentline("read", manuscript, "--format", "json");
  const ms = performance.now() - started;
  if (read.status !== 0) {
    process.stderr.write(read.stderr);
    failed++;
    continue;
  }
  writeFileSync(bible, read.stdout);
  console.log(`${text} (read in ${ms.toFixed(0)} ms, wall):`);
  console.log(execFileSync(process.execPath, [score, bible, gold], { encoding: "utf8" }).replace(/^/gm, "  "));

  const project = join(out, number);
  const drafted = scentline("read", manuscript, "--out", project);
  const valid = drafted.status === 0 && scentline("validate", project).status === 0;
  const check = valid ? scentline("check", project, "--format", "json") : undefined;
  const findings = check ? JSON.parse(check.stdout) : [];
  const count = (severity) => findings.filter((f) => f.severity === severity).length;
  console.log(`  draft project: ${valid ? "valid" : "NOT VALID"}; check: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} info`);
  if (!valid) process.stderr.write(drafted.stderr);
  for (const f of findings.filter((x) => x.severity === "error")) console.log(`    ${f.file}:${f.line}:${f.column} ${f.ruleId}: ${f.message}`);
  if (!valid || count("error") > 0) failed++;
}
if (texts === 0) {
  console.error(`no corpus texts with labels in ${shared}`);
  process.exit(1);
}
if (failed > 0) {
  console.error(`${failed} of ${texts} texts: a draft project that does not validate, or an error from check`);
  process.exitCode = 1;
}
