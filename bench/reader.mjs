// The manuscript reader's benchmarks (`scentline read`, run as a child process so every figure
// includes Node's start-up): throughput on a 5 MB text, a 500 KB novel written out as a draft
// project, and the time and peak memory of a 50 MB text. Part of `npm run bench`; runs alone too
// (`npm run build && node bench/reader.mjs`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { writeManuscript } from "./manuscript.mjs";

const CLI = new URL("../dist/bin/scentline.mjs", import.meta.url).pathname;
const MAX_RSS = new URL("./max-rss.mjs", import.meta.url).href;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name, value, target, met) => console.log(`${name.padEnd(52)} ${value.padStart(12)}   target ${target}${met === undefined ? "" : met ? "   met" : "   NOT MET"}`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** One `scentline read` in a fresh Node: wall time (ms) and the child's peak RSS (bytes). */
function read(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", MAX_RSS, CLI, "read", ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`scentline read ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return { ms, rss: Number(/^maxrss (\d+)$/m.exec(r.stderr)?.[1]) * 1024 };
}

/** A warm-up run, then `runs` timed ones: their wall times in ms. */
function times(runs, fn) {
  fn();
  return Array.from({ length: runs }, () => fn().ms);
}

export function benchReader() {
  const dir = mkdtempSync(join(tmpdir(), "scentline-bench-"));
  // Wall times follow how busy the machine is: the load it starts under is shown (0 where unknown).
  console.log(`reader benchmarks, load average ${loadavg()[0].toFixed(1)} over the last minute:`);
  try {
    {
      const m = writeManuscript(join(dir, "5mb.txt"), 5_000_000, 1);
      console.log(`reader, a ${mb(m.bytes)} text (${m.words.toLocaleString("en")} words, ${m.chapters} chapters, a cast of ${m.cast}):`);
      const t = times(5, () => read([m.path, "--format", "json"]));
      const rate = (ms) => Math.round(m.words / (ms / 1000));
      const target = 200_000;
      row("  `read --format json`, wall incl. Node (median of 5)", `${median(t).toFixed(0)} ms`, "(reported)");
      row("  words per second (median of 5)", `${rate(median(t)).toLocaleString("en")} words/s`, `>= ${target.toLocaleString("en")} words/s`, rate(median(t)) >= target);
      row("  words per second (best of 5)", `${rate(Math.min(...t)).toLocaleString("en")} words/s`, "(reported)");
    }
    {
      const m = writeManuscript(join(dir, "novel.txt"), 500_000, 2);
      console.log(`reader, a ${mb(m.bytes)} novel (${m.words.toLocaleString("en")} words, ${m.chapters} chapters) written out with --out:`);
      const t = times(5, () => {
        const out = mkdtempSync(join(dir, "draft-"));
        try {
          return read([m.path, "--out", out]);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      });
      row("  `read --out DIR`, wall incl. Node (median of 5)", `${(median(t) / 1000).toFixed(2)} s`, "< 1.5 s", median(t) < 1500);
      row("  `read --out DIR`, wall incl. Node (best of 5)", `${(Math.min(...t) / 1000).toFixed(2)} s`, "(reported)");
    }
    {
      const m = writeManuscript(join(dir, "50mb.txt"), 50_000_000, 3);
      console.log(`reader, a ${mb(m.bytes)} text (${m.words.toLocaleString("en")} words, ${m.chapters} chapters, a cast of ${m.cast}), one run:`);
      const r = read([m.path, "--format", "json"]);
      row("  `read --format json`, wall incl. Node", `${(r.ms / 1000).toFixed(1)} s`, "(reported)");
      row("  words per second", `${Math.round(m.words / (r.ms / 1000)).toLocaleString("en")} words/s`, "(reported)");
      row("  peak resident memory of the child", `${(r.rss / 2 ** 20).toFixed(0)} MB`, "< 600 MB", r.rss < 600 * 2 ** 20);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`machine: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  benchReader();
}
