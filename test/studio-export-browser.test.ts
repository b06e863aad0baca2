/**
 * The timeline's export buttons in a real browser, on a copy of the guardianship example: each
 * saves a file named after the project, the SVG with everyone's names in it, the PNG a real PNG
 * image. The PNG is kept in test-output/screenshots (not committed) for looking at.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StudioModel } from "../src/studio/model.js";
import { haveChromium, launchBrowser, type Browser } from "./helpers/browser.js";
import { studioOnCopy, type StudioCopy } from "./helpers/studio.js";

const SHOTS = "test-output/screenshots";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Presses a toolbar button from the keyboard and reads the file it saves. */
async function download(page: Page, label: string): Promise<{ name: string; body: Buffer }> {
  const saved = page.waitForEvent("download");
  await page.focus(`button:has-text("${label}")`);
  await page.keyboard.press("Enter");
  const d = await saved;
  const file = await d.path();
  return { name: d.suggestedFilename(), body: readFileSync(file) };
}

describe.skipIf(!haveChromium)("timeline export in a browser", () => {
  let browser: Browser;
  let s: StudioCopy;
  let page: Page;
  let model: StudioModel;
  const errors: string[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    s = await studioOnCopy("guardianship");
    model = s.studio.project.model;
    page = await browser.context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(s.studio.url);
    await page.waitForSelector("body[data-version]");
    await page.click("#tab-timeline");
    await page.waitForSelector("#view-timeline[data-painted]");
  });
  afterAll(async () => {
    await page?.close();
    await s?.close();
    await browser?.close();
  });

  it("saves the timeline as an SVG named after the project, with everyone's names", async () => {
    const { name, body } = await download(page, "Export SVG");
    expect(name).toBe("guardianship-example-timeline.svg");
    const text = body.toString("utf8");
    expect(text.startsWith("<svg")).toBe(true);
    for (const p of model.people) expect(text).toContain(`>${p.name}</text>`);
    expect(errors).toEqual([]);
  });

  it("saves the timeline as a PNG at twice its size", async () => {
    const { name, body } = await download(page, "Export PNG");
    expect(name).toBe("guardianship-example-timeline.png");
    expect(body.length).toBeGreaterThan(1000);
    expect(body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // The PNG's own width (IHDR) is twice the SVG's.
    const svgWidth = await page.evaluate(() => document.querySelector<HTMLElement>(".tl-plot")!.clientWidth);
    expect(body.readUInt32BE(16)).toBe((svgWidth + 180 + 40) * 2);
    writeFileSync(join(SHOTS, "timeline-export.png"), body);
    expect(errors).toEqual([]);
  });
});
