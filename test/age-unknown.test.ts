/** A cast entry without a birth date: the age is unknown, not refused, and the checker asks for it. */
import { describe, expect, it } from "vitest";
import { parseDate } from "../src/core/time.js";
import { Simulator } from "../src/sim/simulator.js";
import { personState, stateAt } from "../src/sim/state.js";
import { byRule, chapter, errors, storyWith } from "./helpers/check.js";
import { mustLoad, of, person, projectFrom, run } from "./helpers/project.js";

const base = { world: "classic", start: "2026-01-01", places: [{ id: "room" }] };
const ben = person("ben", "alpha");
const rey = { id: "rey", name: "Rey", designation: "omega", location: "room" };
const kit = { id: "kit", name: "Kit", born: "2010-06-01", designation: "omega", location: "room" };

describe("a person without a birth date", () => {
  it("loads with a warning at each adults-only relation and event with them, asking for the date; the simulator does not refuse them", () => {
    const r = projectFrom({ ...base, cast: [ben, rey], relations: [{ kind: "partner", a: "ben", b: "rey" }], schedule: [{ at: "+1d", type: "bite", who: "ben", with: ["rey"] }] });
    expect(r.project).toBeDefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.at?.line, d.at?.column])).toEqual([
      ["warning", "age-unknown", 16, 5],
      ["warning", "age-unknown", 20, 5],
    ]);
    expect(r.diagnostics[0].message).toBe("Rey has no birth date, so their age is unknown: a partnership involving them cannot be confirmed to be between adults");
    expect(r.diagnostics[1].message).toContain("a claiming bite involving them");
    expect(r.diagnostics[0].hint).toBe("add born: YYYY-MM-DD to Rey's cast entry (line 11); Scentline is for fiction about adults (18 or older in this world)");
    const { log } = run(r.project!, "2026-02-01");
    expect(of(log, "refused")).toEqual([]);
    expect(of(log, "bond-formed").map((e) => e.people)).toEqual([["ben", "rey"]]);
  });

  it("courtship, Visits, matches and heat partners warn too; other events with them, and content between dated adults, do not", () => {
    const schedule = [
      { at: "+1d", type: "visit", who: "ben", with: ["rey"] },
      { at: "+2d", type: "match", who: "ben", with: ["rey"] },
      { at: "+3d", type: "move", who: "rey", to: "room" },
      { at: "+4d", type: "partner", who: "ben", with: ["ash"] },
      { at: "+5d", type: "partner", who: "rey", with: ["ben"] },
    ];
    const r = projectFrom({ ...base, cast: [ben, rey, person("ash", "omega")], relations: [{ kind: "courtship", a: "ben", b: "rey" }], schedule });
    expect(r.diagnostics.map((d) => d.message.split(": ")[1])).toEqual([
      "a courtship involving them cannot be confirmed to be between adults",
      "a courting Visit involving them cannot be confirmed to be between adults",
      "a match involving them cannot be confirmed to be between adults",
      "a partnership involving them cannot be confirmed to be between adults",
    ]);
    expect(r.diagnostics.map((d) => d.message.split(" ")[0])).toEqual(["Rey", "Rey", "Rey", "Rey"]);
  });

  it("someone known to be under age is still refused, at load and in the simulator", () => {
    const atLoad = projectFrom({ ...base, cast: [rey, kit], schedule: [{ at: "+1d", type: "bite", who: "rey", with: ["kit"] }] });
    expect(atLoad.project).toBeUndefined();
    expect(atLoad.diagnostics.map((d) => d.code)).toEqual(["age-unknown", "under-age"]);
    expect(atLoad.diagnostics[1].message).toContain("Kit is 15");

    const project = mustLoad({ ...base, cast: [rey, kit], schedule: [{ at: "2029-01-01", type: "partner", who: "rey", with: ["kit"] }] });
    project.schedule[0].hour = parseDate("2026-02-01")!;
    const log = new Simulator(project, { until: parseDate("2026-03-01")! }).run();
    expect(of(log, "partnered")).toEqual([]);
    expect(of(log, "refused").map((e) => e.data?.code)).toEqual(["under-age"]);
  });

  it("is there from the start, with the designation the cast gives and none made up", () => {
    const project = mustLoad({ ...base, cast: [ben, rey, { id: "ash", name: "Ash", location: "room" }] });
    const { sim, log } = run(project, "2027-01-01", 3);
    expect(of(log, "born")).toEqual([]);
    expect(of(log, "presentation")).toEqual([]);
    const [rs, as] = [personState(sim, 1), personState(sim, 2)];
    expect(rs).toMatchObject({ age: null, born: true, designation: "omega", location: "room" });
    expect(as).toMatchObject({ age: null, born: true, designation: "unknown" });
    // The omega's cycles run as an adult's would.
    expect(of(log, "heat-began", "rey").length).toBeGreaterThan(0);
    expect(stateAt(project, parseDate("2026-06-01")!).people[0].age).toBe(36);
  });

  it("a condition on age is false for them, and the run goes on", () => {
    const world = "extends: classic\nid: agey\nname: Agey\ncycles:\n  heat:\n    modifiers:\n      - id: older\n        when: self.age > 30.0\n        skip: true\n";
    const project = mustLoad({ ...base, world: "./world.yaml", cast: [ben, rey] }, { "world.yaml": world });
    const { log } = run(project, "2027-01-01");
    expect(of(log, "heat-skipped", "rey")).toEqual([]);
    expect(of(log, "heat-began", "rey").length).toBeGreaterThan(0);
  });
});

describe("person.adult", () => {
  it("is false without a birth date, and for a dated person turns true on the birthday of the world's age of majority", () => {
    const project = mustLoad({ ...base, cast: [rey, { ...kit, born: "2008-01-10" }] });
    const sim = new Simulator(project, { until: parseDate("2026-01-20")! });
    expect([sim.view(0).adult, sim.view(1).adult]).toEqual([false, false]);
    sim.now = parseDate("2026-01-10")!;
    expect([sim.view(0).adult, sim.view(1).adult]).toEqual([false, true]);
  });
});

describe("age-unknown", () => {
  it("is a warning at the person's cast entry, listing where they take part, and asks for born", () => {
    const r = storyWith("classic", [ben, rey], { "01.md": chapter("2026-01-02", "Ben bites Rey.") }, { relations: [{ kind: "courtship", a: "ben", b: "rey" }] });
    expect(errors(r)).toEqual([]);
    const found = byRule(r, "age-unknown");
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.severity).toBe("warning");
    expect(f.file).toMatch(/scentline\.yaml$/);
    expect(f.line).toBeGreaterThan(1);
    expect(f.message).toContain("Rey has no birth date");
    expect(f.message).toContain("2 places");
    expect(f.hint).toContain("born:");
    expect(f.causes.map((c) => c.file?.split("/").pop())).toEqual(["scentline.yaml", "01.md"]);
    expect(f.causes[1].text).toContain('"Ben bites Rey"');
  });

  it("is not reported when the chapter states an adult age, or for anyone with a birth date", () => {
    const r = storyWith("classic", [ben, rey], { "01.md": chapter("2026-01-02", "Rey, 25, waits. Ben bites Rey.") });
    expect(byRule(r, "age-unknown")).toEqual([]);
    expect(errors(r)).toEqual([]);
    const s = storyWith("classic", [ben, { ...rey, born: "2000-01-01" }], { "01.md": chapter("2026-01-02", "Ben bites Rey.") });
    expect(byRule(s, "age-unknown")).toEqual([]);
  });

  it("follows the project's severity for it", () => {
    const r = storyWith("classic", [ben, rey], { "01.md": chapter("2026-01-02", "Ben bites Rey.") }, { check: { rules: { "age-unknown": "info" } } });
    expect(byRule(r, "age-unknown").map((f) => f.severity)).toEqual(["info"]);
  });
});

describe("under-age, for someone without a birth date", () => {
  it("is an error when the chapter says they are under age", () => {
    const r = storyWith("classic", [ben, rey], { "01.md": chapter("2026-01-02", "Rey, 16, waits. Ben bites Rey.") });
    expect(byRule(r, "under-age").map((f) => f.severity)).toEqual(["error"]);
    expect(byRule(r, "age-unknown")).toEqual([]);
  });

  it("counts on from an age an earlier chapter states", () => {
    const early = { "01.md": chapter("2026-01-02", "Rey, 16, waits."), "02.md": chapter("+1w", "Ben bites Rey.") };
    const [f] = byRule(storyWith("classic", [ben, rey], early), "under-age");
    expect(f.file).toMatch(/02\.md$/);
    expect(f.message).toContain("who is 16");
    expect(f.causes[0].file).toMatch(/01\.md$/);
    const grown = { "01.md": chapter("2026-01-02", "Rey, 16, waits."), "02.md": chapter("2029-01-05", "Ben bites Rey.") };
    const later = storyWith("classic", [ben, rey], grown);
    expect(byRule(later, "under-age")).toEqual([]);
    expect(byRule(later, "age-unknown")).toEqual([]);
  });

  it("known birth dates keep their meaning: a chapter's adult age does not hide a minor's birth date", () => {
    const young = { ...rey, born: "2010-03-01" };
    const r = storyWith("classic", [ben, young], { "01.md": chapter("2026-01-02", "Rey, 25, waits. Ben bites Rey.") });
    expect(byRule(r, "under-age")).toHaveLength(1);
  });
});

describe("checks that need a birth date pass over someone without one", () => {
  it("an age in the text, a designation, a first heat", () => {
    const r = storyWith("classic", [ben, rey], { "01.md": chapter("2026-01-02", "Rey, 25, waits. Rey, an omega, is in heat.") });
    expect(byRule(r, "timeline-order")).toEqual([]);
    expect(byRule(r, "presentation-timing")).toEqual([]);
    expect(byRule(r, "cycle-timing")).toEqual([]);
  });
});
