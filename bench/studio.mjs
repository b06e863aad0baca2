// The studio's speed targets, measured on a generated town of 200 people simulated for 10 years:
// the page's size gzipped (under 500 KB), the time from opening the page to the timeline on
// screen (under 1 s), the time a cursor move takes to redraw each view (under 50 ms), and the time
// a save takes to reach the open page (under 1 s), with and without a change the simulator reads.
// Needs a build (`npm run build`) and Chromium at /usr/bin/chromium (or SCENTLINE_CHROMIUM).
//   node bench/studio.mjs [people] [years]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startStudio, APP_DIR } from "../dist/studio/server.js";
import { writeTown } from "./town.mjs";

const people = Number(process.argv[2] ?? 200);
const years = Number(process.argv[3] ?? 10);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const appBytes = ["index.html", "app.js", "app.css"].map((f) => readFileSync(join(APP_DIR, f)));
const gz = appBytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
console.log(`app: ${kb(appBytes.reduce((n, b) => n + b.length, 0))}, ${kb(gz)} gzipped (target < 500 KB)`);

const base = mkdtempSync(join(tmpdir(), "scentline-bench-studio-"));
const dir = writeTown(join(base, "town"), people);
let t = performance.now();
const studio = await startStudio({ file: join(dir, "scentline.yaml"), port: 0, until: `${years}y` });
const m = studio.project.model;
const json = JSON.stringify(m);
console.log(`${people} people, ${years} years: ${m.eventCount} events; model built in ${Math.round(performance.now() - t)} ms (the first build), ${kb(json.length)} as JSON, ${kb(gzipSync(json, { level: 4 }).length)} gzipped`);

const profile = mkdtempSync(join(tmpdir(), "scentline-bench-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.SCENTLINE_CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1400, height: 900 },
});
try {
  const page = await context.newPage();
  const runs = [];
  for (let k = 0; k < 5; k++) {
    await page.goto(studio.url);
    await page.waitForSelector("#view-timeline[data-painted]");
    runs.push(await page.evaluate(() => performance.now()));
    await page.goto("about:blank");
  }
  runs.sort((a, b) => a - b);
  console.log(`timeline on screen ${Math.round(runs[2])} ms after the page opens (median of 5; best ${Math.round(runs[0])}, worst ${Math.round(runs[4])}; target < 1000 ms)`);

  await page.goto(studio.url);
  await page.waitForSelector("#view-timeline[data-painted]");
  for (const view of ["timeline", "bonds", "scent", "person"]) {
    await page.click(`#tab-${view}`);
    // Each move: the slider's input event runs the view's redraw, then the frame is painted.
    const times = await page.evaluate(async () => {
      const slider = document.querySelector("#cursor");
      const out = [];
      const lo = Number(slider.min);
      const hi = Number(slider.max);
      for (let k = 1; k <= 40; k++) {
        const t0 = performance.now();
        slider.value = String(Math.round(lo + ((hi - lo) * k) / 41));
        slider.dispatchEvent(new Event("input"));
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
        out.push(performance.now() - t0);
      }
      return out.sort((a, b) => a - b);
    });
    console.log(`cursor move, ${view}: median ${times[20].toFixed(1)} ms, worst ${times[39].toFixed(1)} ms (to the next frame; target < 50 ms)`);
  }

  // A save: from writing scentline.yaml to the open page showing the change (load, check, simulate, redraw).
  await page.click("#tab-timeline");
  const file = join(dir, "scentline.yaml");
  const text = readFileSync(file, "utf8");
  const saved = performance.now();
  writeFileSync(file, text.replace(/^title: .*$/m, "title: A town, renamed"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent?.includes("renamed"), undefined, { timeout: 60_000 });
  console.log(`a save that leaves the simulation as it was (the title) shown in the open page after ${Math.round(performance.now() - saved)} ms (target < 1000 ms)`);
  // A save the simulator reads (the seed): the whole run again, then the page.
  const before = await page.evaluate(() => document.body.dataset.version);
  const reseeded = performance.now();
  writeFileSync(file, readFileSync(file, "utf8").replace(/^seed: .*$/m, "seed: 2"));
  await page.waitForFunction((v) => document.body.dataset.version !== v, before, { timeout: 60_000 });
  console.log(`a save that changes the simulation (the seed) shown in the open page after ${Math.round(performance.now() - reseeded)} ms (target < 1000 ms)`);
} finally {
  await context.close();
  await studio.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(base, { recursive: true, force: true });
}
