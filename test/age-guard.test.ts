/** Adults only: a guard in the engine that no world file can switch off. */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../src/core/diagnostic.js";
import { Simulator } from "../src/sim/simulator.js";
import { parseDate } from "../src/core/time.js";
import { mustLoad, of, person, projectFrom, run } from "./helpers/project.js";

const base = { world: "classic", start: "2026-01-01", places: [{ id: "room" }] };
const adult = person("ash", "alpha");
const minor = { id: "kit", name: "Kit", born: "2010-06-01", designation: "omega", location: "room" };

describe("the adults-only guard", () => {
  for (const type of ["bite", "visit", "match", "partner"]) {
    it(`refuses a ${type} event involving a 15-year-old at load, with file:line:col`, () => {
      const r = projectFrom({ ...base, cast: [adult, minor], schedule: [{ at: "+1d", type, who: "ash", with: ["kit"] }] });
      expect(r.project).toBeUndefined();
      const d = r.diagnostics.find((x) => x.code === "under-age")!;
      expect(d).toBeDefined();
      expect(d.message).toContain("Kit is 15");
      expect(d.at?.file).toMatch(/scentline\.yaml$/);
      expect(d.at?.line).toBeGreaterThan(1);
      expect(d.hint).toBeTruthy();
      expect(formatDiagnostic(d)).not.toMatch(/\n\s+at /);
    });
  }

  for (const kind of ["bond", "partner", "courtship"]) {
    it(`refuses a ${kind} relation with a minor`, () => {
      const r = projectFrom({ ...base, cast: [adult, minor], relations: [{ kind, a: "ash", b: "kit" }] });
      expect(r.diagnostics.map((x) => x.code)).toContain("under-age");
    });
  }

  it("refuses a relation that would hold from the story's start, whatever its 'since' says", () => {
    const r = projectFrom({ ...base, cast: [adult, minor], relations: [{ kind: "bond", a: "ash", b: "kit", since: "2031-01-01" }] });
    expect(r.diagnostics.map((x) => x.code)).toContain("under-age");
  });

  it("allows the same event once both are adults", () => {
    const r = projectFrom({ ...base, cast: [adult, minor], schedule: [{ at: "2028-06-01", type: "bite", who: "ash", with: ["kit"] }] });
    expect(r.diagnostics).toEqual([]);
  });

  it("a world cannot lower the age of majority below 18", () => {
    const world = "extends: classic\nid: young\nname: Young\nageOfMajority: 16\n";
    const r = projectFrom({ ...base, world: "./world.yaml", cast: [adult, { ...minor, born: "2009-06-01" }], schedule: [{ at: "+1d", type: "bite", who: "ash", with: ["kit"] }] }, { "world.yaml": world });
    expect(r.project).toBeUndefined();
    expect(r.diagnostics.map((x) => x.code)).toContain("out-of-range");
  });

  it("a world's higher age of majority is honoured", () => {
    const world = "extends: classic\nid: older\nname: Older\nageOfMajority: 21\n";
    const nineteen = { ...minor, born: "2006-06-01" };
    const r = projectFrom({ ...base, world: "./world.yaml", cast: [adult, nineteen], schedule: [{ at: "+1d", type: "match", who: "ash", with: ["kit"] }] }, { "world.yaml": world });
    expect(r.diagnostics.map((x) => x.code)).toContain("under-age");
    expect(r.diagnostics[0].message).toContain("(21)");
  });

  it("no one under age is drawn toward a cycle's scent, nor drawn into a cycle by it", () => {
    const palace = { world: "daxam", start: "2026-01-01", places: [{ id: "room" }, { id: "hall" }], connections: [{ between: ["room", "hall"], distance: 50, kind: "door" }] };
    const cast = [person("lena", "omega"), { id: "kid", name: "Kid", born: "2015-01-01", designation: "alpha", location: "hall" }, person("mon", "alpha", { location: "hall" })];
    const { log } = run(mustLoad({ ...palace, cast }), "2027-01-01", 2);
    expect(of(log, "heat-began", "lena").length).toBeGreaterThan(0);
    expect(of(log, "drawn").map((e) => e.people[0])).toContain("mon");
    expect(of(log, "drawn").map((e) => e.people[0])).not.toContain("kid");
  });

  it("the simulator refuses again, whatever reaches it", () => {
    // Build a valid project, then move the event earlier than the loader saw it.
    const project = mustLoad({ ...base, cast: [adult, minor], schedule: [{ at: "2029-01-01", type: "bite", who: "ash", with: ["kit"] }] });
    project.schedule[0].hour = parseDate("2026-02-01")!;
    const log = new Simulator(project, { until: parseDate("2026-03-01")! }).run();
    expect(of(log, "bond-formed")).toEqual([]);
    const refused = of(log, "refused");
    expect(refused.length).toBe(1);
    expect(refused[0].severity).toBe("error");
    expect(refused[0].data?.code).toBe("under-age");
  });
});
