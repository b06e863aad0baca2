/**
 * The studio in a real browser, on a copy of each example: every view opens and shows the
 * project, the time cursor moves and the views follow it, a finding opens its chapter at the line,
 * and a save on disk reaches the open page. Screenshots of each view go to
 * test-output/screenshots (not committed) for looking at.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeReader } from "../src/node/io.js";
import { loadProject } from "../src/story/load.js";
import { FIELDS, type StudioModel } from "../src/studio/model.js";
import { haveChromium, launchBrowser, type Browser } from "./helpers/browser.js";
import { studioOnCopy, type StudioCopy } from "./helpers/studio.js";

const SHOTS = "test-output/screenshots";
const VIEWS = ["timeline", "bonds", "scent", "person", "findings"] as const;
const examples = readdirSync("examples");

/** A chapter that says something the cast contradicts, so every example has a finding to open. */
function addContradiction(dir: string): { file: string; line: number } {
  const project = loadProject(join(dir, "scentline.yaml"), nodeReader()).project!;
  const p = project.people.find((q) => q.spec.designation === "alpha" || q.spec.designation === "omega") ?? project.people.find((q) => q.spec.designation === "beta")!;
  const wrong = p.spec.designation === "beta" ? "an alpha" : "a beta";
  const file = "chapters/99-contradiction.md";
  // Not every example has chapters yet (the ink example has none).
  mkdirSync(join(dir, "chapters"), { recursive: true });
  writeFileSync(join(dir, file), `---\ntitle: A contradiction\ndate: +1d\n---\n\n${p.spec.name} is ${wrong}.\n`);
  return { file, line: 6 };
}

async function openStudio(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("body[data-version]");
}

/** Moves the time cursor as a reader would with the slider. */
async function setCursor(page: Page, hour: number): Promise<void> {
  await page.evaluate((h) => {
    const slider = document.querySelector<HTMLInputElement>("#cursor")!;
    slider.value = String(h);
    slider.dispatchEvent(new Event("input"));
  }, hour);
}

describe.skipIf(!haveChromium)("studio in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe.each(examples)("%s", (example) => {
    let s: StudioCopy;
    let page: Page;
    let model: StudioModel;
    let planted: { file: string; line: number };
    const errors: string[] = [];
    beforeAll(async () => {
      s = await studioOnCopy(example);
      planted = addContradiction(s.dir);
      s.studio.project.rebuild();
      model = s.studio.project.model;
      page = await browser.context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await openStudio(page, s.studio.url);
    });
    afterAll(async () => {
      await page?.close();
      await s?.close();
    });

    it("opens every view on the project, with no error in the page", async () => {
      for (const view of VIEWS) {
        await page.click(`#tab-${view}`);
        await expect.poll(() => page.getAttribute(`#view-${view}`, "hidden")).toBeNull();
        await page.waitForTimeout(150);
        await page.screenshot({ path: join(SHOTS, `${example}-${view}.png`) });
      }
      await page.click("#tab-timeline");
      expect(await page.locator(".tl-name").count()).toBe(model.people.length);
      expect(await page.locator(".tl-chapter").count()).toBeGreaterThan(0);
      await page.click("#tab-bonds");
      expect(await page.locator("#view-bonds g.node").count()).toBe(model.people.length);
      await page.click("#tab-scent");
      expect(await page.locator("#view-scent .place").count()).toBe(model.places.length);
      await page.click("#tab-person");
      expect(await page.locator("#view-person h2").textContent()).toContain(model.people[0].name);
      expect(await page.locator("#view-person table.facts tr").count()).toBe(FIELDS.length); // a row per field of state
      await page.click("#tab-findings");
      expect(await page.locator(".findings-list > li").count()).toBe(model.findings.length);
      expect(errors).toEqual([]);
    });

    it("moves the time cursor by keyboard, and the views follow it", async () => {
      await page.click("#tab-timeline");
      const before = Number(await page.getAttribute("body", "data-cursor"));
      await page.focus("#view-timeline canvas.tl-canvas");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      const after = Number(await page.getAttribute("body", "data-cursor"));
      expect(after).toBeGreaterThan(before);
      expect(Number(await page.inputValue("#cursor"))).toBe(after);
      expect(await page.textContent("#cursor-text")).toMatch(/^\d{4}-\d\d-\d\d \d\d:00$/);
      // The slider is the same cursor, by keyboard too.
      await page.focus("#cursor");
      await page.keyboard.press("End");
      expect(Number(await page.getAttribute("body", "data-cursor"))).toBe(model.until);
      // The person sheet reads the state at the new time.
      await page.click("#tab-person");
      expect(await page.textContent("#view-person h3")).toContain(await page.textContent("#cursor-text"));
      // The address keeps the view and the cursor once it rests: a reload comes back to them.
      await page.keyboard.press("Home");
      await page.focus("#cursor");
      await page.keyboard.press("ArrowRight");
      const resting = Number(await page.getAttribute("body", "data-cursor"));
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`view=person.*t=${resting}`));
      await page.reload();
      await page.waitForSelector("body[data-cursor]");
      expect(Number(await page.getAttribute("body", "data-cursor"))).toBe(resting);
      expect(await page.getAttribute("body", "data-view")).toBe("person");
      await page.click("#tab-timeline");
    });

    it("opens a finding's chapter at its line, from the list and from the timeline's flag", async () => {
      const k = model.findings.findIndex((f) => f.file === planted.file && f.severity === "error");
      expect(k).toBeGreaterThanOrEqual(0);
      await page.click("#tab-findings");
      await page.selectOption("#filter-chapter", planted.file);
      await page.selectOption("#filter-severity", "error");
      await page.click(".findings-list .open-line");
      await expect.poll(() => page.getAttribute("#reader", "hidden")).toBeNull();
      expect(await page.getAttribute("#reader", "data-file")).toBe(planted.file);
      const target = page.locator("#reader li.target");
      expect(await target.getAttribute("data-line")).toBe(String(planted.line));
      expect(await target.textContent()).toMatch(/is (a|an) (beta|alpha)/);
      expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.screenshot({ path: join(SHOTS, `${example}-finding-open.png`) });
      await page.keyboard.press("Escape");
      expect(await page.getAttribute("#reader", "hidden")).not.toBeNull();
      await page.click("#tab-timeline");
      await page.click('button:has-text("Whole story")');
      await page.click(`.tl-flag[data-finding="${k}"]`);
      await expect.poll(() => page.getAttribute("#reader", "data-file")).toBe(planted.file);
      expect(await page.locator("#reader li.target").getAttribute("data-line")).toBe(String(planted.line));
      await page.keyboard.press("Escape");
    });

    it("shows a change saved to scentline.yaml without a reload", async () => {
      const file = join(s.dir, "scentline.yaml");
      const text = readFileSync(file, "utf8");
      const title = `Edited on disk ${example}`;
      writeFileSync(file, /^title: .*$/m.test(text) ? text.replace(/^title: .*$/m, `title: ${title}`) : `title: ${title}\n${text}`);
      const saved = Date.now();
      await page.waitForFunction((t) => document.querySelector("h1")?.textContent?.includes(t), title, { timeout: 5000 });
      expect(Date.now() - saved).toBeLessThan(2000);
      expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
    });

    it("zooms and fits the graphs by their buttons", async () => {
      for (const view of ["bonds", "scent"]) {
        await page.click(`#tab-${view}`);
        const svgEl = page.locator(`#view-${view} svg.${view === "bonds" ? "graph" : "scent-lines"}`);
        const fitted = await svgEl.getAttribute("viewBox");
        await page.click(`#view-${view} button:has-text("Zoom in")`);
        const zoomed = await svgEl.getAttribute("viewBox");
        expect(Number(zoomed!.split(" ")[2])).toBeLessThan(Number(fitted!.split(" ")[2]));
        await page.click(`#view-${view} button:has-text("Fit")`);
        expect(await svgEl.getAttribute("viewBox")).toBe(fitted);
      }
    });

    it("reads at 200% zoom: nothing wider than the window", async () => {
      await page.setViewportSize({ width: 700, height: 450 });
      for (const view of VIEWS) {
        await page.click(`#tab-${view}`);
        await page.waitForTimeout(100);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), view).toBe(true);
        if (example === "guardianship") await page.screenshot({ path: join(SHOTS, `${example}-${view}-200pct.png`) });
      }
      await page.setViewportSize({ width: 1400, height: 900 });
    });
  });

  it("draws the relations of the cursor's time: a guardian first, a courtship from the first Visit, a bond after the bite", async () => {
    const s = await studioOnCopy("guardianship");
    const page = await browser.context.newPage();
    try {
      await openStudio(page, s.studio.url);
      const m = s.studio.project.model;
      await page.click("#tab-bonds");
      await setCursor(page, m.start);
      expect(await page.locator("#view-bonds g.edge.guardian").count()).toBe(1);
      expect(await page.locator("#view-bonds g.edge.bonded").count()).toBe(0);
      expect(await page.locator("#view-bonds g.edge.courting").count()).toBe(0);
      // The first chaperoned Visit (day 2) begins a courtship; the bite ends it in a bond.
      await setCursor(page, m.start + 3 * 24);
      expect(await page.locator("#view-bonds g.edge.courting").count()).toBe(1);
      expect(await page.textContent("#view-bonds .edge-list")).toMatch(/Rey — courting — Ben Solo|Ben Solo — courting — Rey/);
      await setCursor(page, m.until);
      expect(await page.locator("#view-bonds g.edge.bonded").count()).toBe(1);
      expect(await page.locator("#view-bonds g.edge.courting").count()).toBe(0);
      expect(await page.textContent("#view-bonds .edge-list")).toMatch(/Rey — bonded — Ben Solo|Ben Solo — bonded — Rey/);
      await page.click("#tab-scent");
      expect(await page.textContent('#view-scent .place[data-place="solo-house"]')).toMatch(/Rey is here/);
      // What one person perceived, at the start: everyone in Rey's house, by their scents.
      await setCursor(page, m.start);
      await page.selectOption("#perceiver", "rey");
      await expect.poll(() => page.locator("#view-scent .perceived li").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Rey smells Maz's scent/)]));
      for (const line of await page.locator("#view-scent .perceived li").allTextContents()) expect(line).toMatch(/Rey smells/);
      await setCursor(page, m.until);
      await page.click("#tab-person");
      await page.selectOption("#person-picker", "rey");
      expect(await page.textContent('#view-person tr[data-field="bondedTo"]')).toMatch(/Ben Solo/);
      await page.click('#view-person tr[data-field="bondedTo"] .evidence');
      await expect.poll(() => page.textContent("#view-person .event-detail")).toMatch(/bond/);
    } finally {
      await page.close();
      await s.close();
    }
  });
});
