// `npm run eval`: reads each corpus text with `scentline read` and scores it against its hand labels.
// The corpus and labels live beside the project, in ../shared (corpus/, gold/, eval/score.mjs).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const shared = new URL("../../shared/", import.meta.url).pathname;
const cli = new URL("../dist/bin/scentline.mjs", import.meta.url).pathname;
const score = join(shared, "eval", "score.mjs");
if (!existsSync(score)) {
  console.error(`no corpus to score: ${shared} is not there (it holds corpus/, gold/ and eval/score.mjs)`);
  process.exit(1);
}
const out = mkdtempSync(join(tmpdir(), "scentline-eval-"));
for (const gold of readdirSync(join(shared, "gold")).filter((f) => /^\d+\.json$/.test(f)).sort()) {
  const number = gold.replace(/\.json$/, "");
  const text = readdirSync(join(shared, "corpus")).find((f) => f.startsWith(`${number}_`));
  if (!text) continue;
  const bible = join(out, `${number}.json`);
  const started = performance.now();
  execFileSync(process.execPath, [cli, "read", join(shared, "corpus", text), "--format", "json", "--out", bible], { stdio: "inherit" });
  const ms = performance.now() - started;
  console.log(`${text} (read in ${ms.toFixed(0)} ms, wall):`);
  console.log(execFileSync(process.execPath, [score, bible, join(shared, "gold", gold)], { encoding: "utf8" }).replace(/^/gm, "  "));
}
