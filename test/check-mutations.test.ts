/**
 * Mutation test for the checker: the example projects, broken in the ways writers break stories
 * (a designation word swapped, a person made 17, a bond with no bite, a beta ending a daxam rut, a
 * scent through a sealed door, an emancipation before its reform, an appointment the law bars, a
 * heat moved to a time it cannot be, an age that does not fit), must each be found with the right
 * check id on the right line. The clean examples must give no error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProject, type CheckResult } from "../src/check/run.js";
import { yearsBetween } from "../src/core/time.js";
import { distBounds } from "../src/model/dist.js";
import { nodeReader } from "../src/node/io.js";
import { Simulator } from "../src/sim/simulator.js";
import { shiftAt, timeShifts } from "../src/text/time-markers.js";
import { tempFiles } from "./helpers/world.js";

const EXAMPLES = ["classic", "first-order", "guardianship", "daxam"];

type Files = Record<string, string>;

interface Variant {
  name: string;
  files: Files;
  rule: string;
  file: string;
  line: number;
  /** Another place a finding may rightly point (a refused relation in scentline.yaml). */
  orFile?: string;
}

function readExample(name: string): Files {
  const dir = join("examples", name);
  const files: Files = { "scentline.yaml": readFileSync(join(dir, "scentline.yaml"), "utf8") };
  for (const f of readdirSync(join(dir, "chapters"))) files[`chapters/${f}`] = readFileSync(join(dir, "chapters", f), "utf8");
  return files;
}

function check(files: Files): CheckResult {
  const dir = tempFiles(files);
  return checkProject(join(dir, "scentline.yaml"), nodeReader());
}

const rel = (file: string) => file.slice(file.indexOf("chapters/"));
const article = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);

/** Appends a line to a chapter; returns the files and the new line's number. */
function append(files: Files, chapter: string, sentence: string): { files: Files; line: number } {
  const text = files[chapter].replace(/\n*$/, "\n");
  return { files: { ...files, [chapter]: `${text}${sentence}\n` }, line: text.split("\n").length };
}

function variantsOf(example: string): Variant[] {
  const files = readExample(example);
  const clean = check(files);
  const project = clean.project!;
  const people = project.people;
  const name = (i: number) => people[i].spec.name;
  const world = project.world;
  const out: Variant[] = [];
  const sim = new Simulator(project, { until: Math.max(...clean.chapters.map((c) => c.hour)) + 24 * 30 });
  const chapters = [...clean.chapters].sort((a, b) => a.hour - b.hour);
  const bitten = new Set<number>([
    ...project.relations.filter((r) => r.kind === "bond").flatMap((r) => [r.a, r.b]),
    ...project.schedule.filter((e) => e.spec.type === "bite").flatMap((e) => [e.who!, ...e.with]),
    ...clean.facts.flatMap((f) => (f.kind === "bite" ? [f.biter, f.bitten] : [])),
  ]);

  for (const c of chapters) {
    // An appended line comes after every "the next day" of the chapter: its time is the chapter's end.
    const end = c.hour + shiftAt(timeShifts(c.text), c.text.length);
    sim.advanceTo(end);
    const file = rel(c.file);
    const adults = people.filter((p) => yearsBetween(p.born!, end) >= world.ageOfMajority);
    for (const p of people) {
      // A designation the cast contradicts.
      const d = p.spec.designation;
      if (d && sim.hasAxis[p.index]) {
        const other = world.designations.find((x) => x !== d)!;
        const { files: f, line } = append(files, file, `${p.spec.name}, ${article(other)}, waits by the door.`);
        out.push({ name: `${example} ${file}: ${p.id} called ${other}`, files: f, rule: "designation-mismatch", file, line });
      }
      // An age that does not fit the birth date.
      const age = yearsBetween(p.born!, end);
      if (age >= 1) {
        const { files: f, line } = append(files, file, `${p.spec.name}, ${age + 3}, looks out of the window.`);
        out.push({ name: `${example} ${file}: ${p.id} said to be ${age + 3}`, files: f, rule: "timeline-order", file, line });
      }
      // A bond mark on someone no one ever bites.
      if (!bitten.has(p.index) && sim.mate[p.index] < 0) {
        const { files: f, line } = append(files, file, `${p.spec.name}'s bond mark aches.`);
        out.push({ name: `${example} ${file}: ${p.id} has a mark with no bite`, files: f, rule: "bond-continuity", file, line });
      }
      // An emancipation by law while no law frees them; an omega joining a guard the law bars.
      if (sim.status[p.index] === "enslaved" && !sim.institutions.active("legal-status").some(([, s]) => s.status === "free" && sim.institutions.covers(s, p.index))) {
        const { files: f, line } = append(files, file, `${p.spec.name} is emancipated by the new law.`);
        out.push({ name: `${example} ${file}: ${p.id} emancipated before the reform`, files: f, rule: "law-in-force", file, line });
      }
      for (const [, s] of sim.institutions.active("bar-role")) {
        if (s.kind !== "law" || !sim.institutions.covers(s, p.index)) continue;
        const role = (s.role ?? s.roles![0]).replace(/-/g, " ");
        const { files: f, line } = append(files, file, `${p.spec.name} joins the ${role}.`);
        out.push({ name: `${example} ${file}: ${p.id} joins the barred ${role}`, files: f, rule: "law-in-force", file, line });
      }
    }
    // Courtship of someone the chapter says is 17.
    if (adults.length >= 2) {
      const [a, b] = adults;
      const { files: f, line } = append(files, file, `${a.spec.name} is 17. ${b.spec.name} courts ${a.spec.name}.`);
      out.push({ name: `${example} ${file}: courting ${a.id}, said to be 17`, files: f, rule: "under-age", file, line });
    }
    // A scent through a sealed door.
    if (c.where !== undefined) {
      for (const perceiver of c.present) {
        for (const t of people) {
          if (c.present.includes(t.index) || !sim.hasAxis[perceiver]) continue;
          const { files: f, line } = append(files, file, `${name(perceiver)} smells ${t.spec.name}'s alarm through the sealed door.`);
          out.push({ name: `${example} ${file}: ${people[perceiver].id} smells ${t.id} through a sealed door`, files: f, rule: "scent-range", file, line });
        }
      }
    }
    // A beta ending a rut the world says a beta cannot end.
    const rut = world.spec.cycles.rut;
    if (rut?.modifiers?.some((m) => m.resolved === false && /beta/.test(m.when))) {
      for (const alpha of people.filter((p) => sim.designationOf(p.index) === "alpha" && (!rut.firstAt || end - p.born! >= distBounds(rut.firstAt)[0]))) {
        for (const beta of people.filter((p) => sim.designationOf(p.index) === "beta" && !p.spec.traits?.includes("pheromone-pill"))) {
          const { files: f, line } = append(files, file, `${beta.spec.name}, a beta, ends ${alpha.spec.name}'s rut.`);
          out.push({ name: `${example} ${file}: ${beta.id} ends ${alpha.id}'s rut`, files: f, rule: "rule-violation", file, line });
        }
      }
    }
  }

  // A heat or rut moved to a time it cannot be: days after the one before, or while on suppressants.
  const cycles = clean.facts.filter((f) => f.kind === "cycle" && (f.state === "active" || f.state === "began"));
  for (const f of cycles) {
    if (f.kind !== "cycle") continue;
    const before = clean.facts.filter((g) => g.kind === "cycle" && g.person === f.person && g.cycle === f.cycle && g.chapter.hour < f.chapter.hour - 24 * 20);
    const onAtStart = people[f.person].spec.traits?.includes("suppressants");
    const to = before.length ? before[before.length - 1].chapter.hour + 24 * 8 : onAtStart ? project.start + 24 : undefined;
    if (to === undefined) continue;
    const file = rel(f.chapter.file);
    // The chapter moves so that the fact, after any "weeks later" before it, lands on that day.
    const date = new Date((to - (f.hour - f.chapter.hour)) * 3_600_000).toISOString().slice(0, 10);
    const moved = files[file].replace(/^date: .*$/m, `date: ${date}`);
    const line = f.chapter.text.slice(0, f.span.start).split("\n").length;
    out.push({ name: `${example} ${file}: ${people[f.person].id}'s ${f.cycle} moved to ${date}`, files: { ...files, [file]: moved }, rule: "cycle-timing", file, line });
  }

  // A bonded person left unbitten: the bites and bonds between the pair taken out.
  for (const f of clean.facts) {
    if (f.kind !== "bonded") continue;
    const pair = [f.person, f.mate ?? sim.mate[f.person]].filter((x) => x >= 0);
    if (pair.length < 2) continue;
    const ids = pair.map((i) => people[i].id);
    const yaml = files["scentline.yaml"]
      .split("\n")
      .filter((l) => !(/(type: bite|kind: bond)/.test(l) && ids.every((id) => new RegExp(`\\b${id}\\b`).test(l))))
      .join("\n");
    const edited: Files = { ...files, "scentline.yaml": yaml };
    for (const g of clean.facts) {
      if (g.kind !== "bite" || !pair.includes(g.biter) || !pair.includes(g.bitten)) continue;
      const key = rel(g.chapter.file);
      edited[key] = edited[key].replace(g.quote, g.quote.replace(/\b(bites|bit|claims|marks)\b/, "greets"));
    }
    const file = rel(f.chapter.file);
    out.push({ name: `${example} ${file}: ${ids.join(" and ")} never bitten`, files: edited, rule: "bond-continuity", file, line: f.chapter.text.slice(0, f.span.start).split("\n").length });
  }

  // A person made 17 at a courtship, Visit, bite or bond the chapters tell.
  for (const f of clean.facts) {
    const who = f.kind === "bite" ? f.bitten : f.kind === "courtship" || f.kind === "visit" ? f.b : undefined;
    if (who === undefined) continue;
    const p = people[who];
    const born = new Date((f.hour - 17.5 * 8766) * 3_600_000).toISOString().slice(0, 10);
    const yaml = files["scentline.yaml"].replace(new RegExp(`(id: ${p.id},[^\\n]*?born: )\\d{4}-\\d{2}-\\d{2}`), `$1${born}`);
    const file = rel(f.chapter.file);
    out.push({ name: `${example} ${file}: ${p.id} made 17`, files: { ...files, "scentline.yaml": yaml }, rule: "under-age", file, line: f.chapter.text.slice(0, f.span.start).split("\n").length, orFile: "scentline.yaml" });
  }
  return out;
}

describe("the checker on broken examples", () => {
  it("the clean examples give no error", () => {
    for (const example of EXAMPLES) expect(check(readExample(example)).findings.filter((f) => f.severity === "error"), example).toEqual([]);
  });

  it("finds at least 95% of at least 200 broken variants, each with the right check id and line", () => {
    const variants = EXAMPLES.flatMap(variantsOf);
    const missed: string[] = [];
    for (const v of variants) {
      const { findings } = check(v.files);
      const hit = findings.some((f) => f.ruleId === v.rule && ((f.file.endsWith(v.file) && f.line === v.line) || (v.orFile !== undefined && f.file.endsWith(v.orFile))));
      if (!hit) missed.push(`${v.name} (expected ${v.rule} at ${v.file}:${v.line}; got ${findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId}@${f.file.split("/").pop()}:${f.line}`).join(", ") || "nothing"})`);
    }
    const byRule = new Map<string, number>();
    for (const v of variants) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    expect(variants.length).toBeGreaterThanOrEqual(200);
    for (const rule of ["designation-mismatch", "timeline-order", "bond-continuity", "law-in-force", "under-age", "scent-range", "rule-violation", "cycle-timing"]) expect(byRule.get(rule) ?? 0, rule).toBeGreaterThan(0);
    const rate = 1 - missed.length / variants.length;
    expect(rate, `${variants.length} variants; missed:\n${missed.join("\n")}`).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
