/**
 * The timeline's SVG export, on the guardianship example's studio model: well-formed XML, a lane
 * and a name for each person, heat drawn where the model says it is, names escaped, and the same
 * string for the same input.
 */
import { DomUtils, Parser, parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../src/check/finding.js";
import type { StudioModel } from "../src/studio/model.js";
import { OKABE_ITO } from "../src/studio/app/palette.js";
import { projectSlug, timelineSvg } from "../src/studio/app/timeline-svg.js";
import { studioOnCopy, type StudioCopy } from "./helpers/studio.js";

const WIDTH = 1000;

type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Every tag closed by its own end tag, one root, nothing outside it but white space. */
function wellFormed(xml: string): void {
  const stack: { name: string; empty: boolean }[] = [];
  let roots = 0;
  let ends = 0;
  const problems: string[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (stack.length === 0) roots++;
        // "<rect/>" closes itself; anything else needs its own end tag.
        stack.push({ name, empty: xml.slice(parser.startIndex, parser.endIndex + 1).endsWith("/>") });
      },
      onclosetag(name, implied) {
        if (!implied) ends++;
        const open = stack.pop();
        if (open?.name !== name) problems.push(`</${name}> closes another element`);
        else if (implied && !open.empty) problems.push(`<${name}> not closed`);
      },
      ontext(text) {
        if (stack.length === 0 && text.trim()) problems.push(`text outside the root: ${text}`);
      },
    },
    { xmlMode: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  parser.end();
  expect(problems).toEqual([]);
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  // The parser drops an end tag that closes nothing; every "</" in the text must have closed something.
  expect(ends).toBe(xml.split("</").length - 1);
  // Every & starts an entity.
  expect(xml.match(/&(?!(amp|lt|gt|quot|apos|#\d+);)/g)).toBeNull();
}

function elements(xml: string, test: (e: Element) => boolean): Element[] {
  return DomUtils.findAll(test, parseDocument(xml, { xmlMode: true }).children);
}

describe("timeline SVG", () => {
  let s: StudioCopy;
  let model: StudioModel;
  let whole: { t0: number; t1: number; width: number };
  beforeAll(async () => {
    s = await studioOnCopy("guardianship");
    model = s.studio.project.model;
    whole = { t0: model.start, t1: model.until, width: WIDTH };
  });
  afterAll(() => s?.close());

  it("is one well-formed svg element with its size, view box and a title naming the project and range", () => {
    const text = timelineSvg(model, whole);
    expect(text.startsWith("<svg ")).toBe(true);
    wellFormed(text);
    const root = DomUtils.findOne((e) => e.name === "svg", parseDocument(text, { xmlMode: true }).children, false)!;
    expect(root.attribs.xmlns).toBe("http://www.w3.org/2000/svg");
    const w = Number(root.attribs.width);
    const h = Number(root.attribs.height);
    expect(w).toBeGreaterThan(WIDTH);
    expect(h).toBeGreaterThan(model.people.length * 58);
    expect(root.attribs.viewBox).toBe(`0 0 ${w} ${h}`);
    const title = DomUtils.findOne((e) => e.name === "title", root.children, false)!;
    expect(DomUtils.textContent(title)).toMatch(/^Guardianship example: timeline, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d$/);
  });

  it("has one lane and one name label per person, in the model's order", () => {
    const text = timelineSvg(model, whole);
    const lanes = elements(text, (e) => e.name === "g" && e.attribs.class === "lane").map((e) => e.attribs["data-person"]);
    expect(lanes).toEqual(model.people.map((p) => p.id));
    const names = elements(text, (e) => e.name === "text" && e.attribs.class === "name").map((e) => DomUtils.textContent(e));
    expect(names).toEqual(model.people.map((p) => p.name));
  });

  it("draws each heat at its hours: solid vermillion rectangles at the right x and width", () => {
    const text = timelineSvg(model, whole);
    const rey = model.people.find((p) => p.id === "rey")!;
    const span = model.until - model.start;
    const at = (hour: number) => Math.round(((hour - model.start) / span) * WIDTH * 100) / 100;
    const expected: { x: number; w: number }[] = [];
    rey.track.cycle.values.forEach((v, k) => {
      if (v !== "heat:heat") return;
      const end = rey.track.cycle.hours[k + 1] ?? model.until;
      expected.push({ x: at(rey.track.cycle.hours[k]), w: Math.round(((end - rey.track.cycle.hours[k]) / span) * WIDTH * 100) / 100 });
    });
    expect(expected.length).toBeGreaterThan(2);
    const lane = elements(text, (e) => e.name === "g" && e.attribs["data-person"] === "rey")[0];
    const heats = DomUtils.findAll((e) => e.name === "rect" && e.attribs.fill === OKABE_ITO.vermillion && !("fill-opacity" in e.attribs), lane.children)
      .map((e) => ({ x: Number(e.attribs.x), w: Number(e.attribs.width) }));
    expect(heats.map((r) => r.x)).toEqual(expected.map((r) => r.x));
    for (const [i, r] of heats.entries()) expect(r.w).toBeCloseTo(expected[i].w, 1);
    // Ben, an alpha, has no heats; nor ruts, which the guardianship world (seed text 001) does not have.
    const ben = elements(text, (e) => e.name === "g" && e.attribs["data-person"] === "ben")[0];
    expect(model.people.find((p) => p.id === "ben")!.track.cycle.values.filter((v) => v !== "")).toEqual([]);
    expect(DomUtils.findAll((e) => e.name === "rect" && e.attribs.fill === OKABE_ITO.vermillion, ben.children)).toEqual([]);
    expect(DomUtils.findAll((e) => e.name === "rect" && e.attribs.fill === OKABE_ITO.blue, ben.children)).toEqual([]);
  });

  it("shows only the range asked for", () => {
    const rey = model.people.find((p) => p.id === "rey")!;
    const k = rey.track.cycle.values.indexOf("heat:heat");
    const t0 = rey.track.cycle.hours[k] - 24;
    const text = timelineSvg(model, { t0, t1: t0 + 7 * 24, width: WIDTH });
    const lane = elements(text, (e) => e.name === "g" && e.attribs["data-person"] === "rey")[0];
    const heats = DomUtils.findAll((e) => e.name === "rect" && e.attribs.fill === OKABE_ITO.vermillion && !("fill-opacity" in e.attribs), lane.children);
    expect(heats.map((e) => Number(e.attribs.x))).toEqual([Math.round((24 / (7 * 24)) * WIDTH * 100) / 100]);
  });

  it("flags each error and warning under its chapter, with its rule, message and line, and leaves notes out", () => {
    const chapter = model.chapters[1];
    const finding = (severity: Finding["severity"], ruleId: string, line: number): Finding => ({ ruleId, severity, file: chapter.file, line, column: 1, endLine: line, endColumn: 2, message: `${ruleId} <said> & done`, evidence: "", causes: [] });
    const findings = [finding("error", "cycle-timing", 7), finding("warning", "visits", 9), finding("info", "inferred", 1)];
    const text = timelineSvg({ ...model, findings }, whole);
    wellFormed(text);
    const flags = elements(text, (e) => e.name === "g" && /\bflag\b/.test(e.attribs.class ?? ""));
    expect(flags.map((e) => [e.attribs.class, e.attribs["data-rule"]])).toEqual([["flag error", "cycle-timing"], ["flag warning", "visits"]]);
    const x = Math.round((((chapter.hour - whole.t0) / (whole.t1 - whole.t0)) * WIDTH + 3) * 100) / 100;
    expect(Number(DomUtils.findOne((e) => e.name === "text", flags[0].children)!.attribs.x)).toBeCloseTo(x, 1);
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === "title", flags[0].children)!)).toBe(`error cycle-timing: cycle-timing <said> & done (${chapter.file}:7)`);
    // Many findings in one chapter: six flags, and the rest counted.
    const many = Array.from({ length: 9 }, (_, k) => finding("warning", `rule-${k}`, k + 1));
    const crowded = timelineSvg({ ...model, findings: many }, whole);
    expect(elements(crowded, (e) => e.name === "g" && /\bflag\b/.test(e.attribs.class ?? "")).length).toBe(6);
    expect(elements(crowded, (e) => e.name === "text" && DomUtils.textContent(e) === "+3").length).toBe(1);
    // A chapter outside the range shows no flags.
    const before = timelineSvg({ ...model, findings }, { t0: chapter.hour + 1, t1: chapter.hour + 48, width: WIDTH });
    expect(elements(before, (e) => e.name === "g" && /\bflag\b/.test(e.attribs.class ?? "")).length).toBe(0);
  });

  it("escapes names and titles", () => {
    const odd = 'A <b> & "c"';
    const copy: StudioModel = { ...model, title: `Tom & Jerry's <draft>`, people: model.people.map((p, i) => (i === 0 ? { ...p, name: odd } : p)) };
    const text = timelineSvg(copy, whole);
    wellFormed(text);
    expect(text).toContain("A &lt;b&gt; &amp; &quot;c&quot;");
    expect(text).not.toContain(odd);
    expect(text).toContain("Tom &amp; Jerry&apos;s &lt;draft&gt;");
    const names = elements(text, (e) => e.name === "text" && e.attribs.class === "name").map((e) => DomUtils.textContent(e));
    expect(names[0]).toBe(odd);
    expect(projectSlug(copy.title)).toBe("tom-jerry-s-draft");
  });

  it("gives the same string for the same input", () => {
    const a = timelineSvg(model, whole);
    const b = timelineSvg(structuredClone(model), { ...whole });
    expect(b).toBe(a);
  });
});
