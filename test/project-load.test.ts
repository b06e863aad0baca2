/** Story projects: every reference checked at load, each mistake reported with file:line:col and a hint. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { nodeReader } from "../src/node/io.js";
import { loadProject } from "../src/story/load.js";
import { readFileSync } from "node:fs";
import { of, person, projectFrom, run } from "./helpers/project.js";
import { tempFiles } from "./helpers/world.js";

const base = { world: "classic", start: "2026-01-01", places: [{ id: "room" }, { id: "hall" }], connections: [{ between: ["room", "hall"], distance: 20, kind: "door" }] };
const cast = [person("ash", "alpha"), person("wren", "omega")];

function only(r: ReturnType<typeof projectFrom>, code: string) {
  expect(r.project).toBeUndefined();
  const d = r.diagnostics.filter((x) => x.code === code);
  expect(d.length, JSON.stringify(r.diagnostics)).toBeGreaterThan(0);
  expect(d[0].at?.line).toBeGreaterThan(0);
  expect(d[0].at?.column).toBeGreaterThan(0);
  expect(d[0].hint).toBeTruthy();
  return d[0];
}

describe("project references", () => {
  it("a schedule naming someone not in the cast, with a suggestion", () => {
    const d = only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "move", who: "wrne", to: "hall" }] }), "unknown-person");
    expect(d.message).toContain('"wrne"');
    expect(d.hint).toContain('did you mean "wren"');
  });

  it("a move to a place that does not exist", () => {
    const d = only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "move", who: "wren", to: "hal" }] }), "unknown-place");
    expect(d.hint).toContain('did you mean "hall"');
  });

  it("a connection to an unknown place, a relation to an unknown person", () => {
    only(projectFrom({ ...base, cast, connections: [{ between: ["room", "cellar"], distance: 5, kind: "open" }] }), "unknown-place");
    only(projectFrom({ ...base, cast, relations: [{ kind: "bond", a: "ash", b: "nobody" }] }), "unknown-person");
  });

  it("an unknown designation, species or preset", () => {
    only(projectFrom({ ...base, cast: [person("ash", "alfa")] }), "unknown-name");
    only(projectFrom({ ...base, cast: [person("ash", "alpha", { species: "elf" })] }), "unknown-name");
    const d = only(projectFrom({ ...base, world: "clasic", cast }), "unknown-preset");
    expect(d.hint).toContain('did you mean "classic"');
  });

  it("a date that is not a date, and an event missing what it needs", () => {
    only(projectFrom({ ...base, cast, schedule: [{ at: "next tuesday", type: "move", who: "ash", to: "hall" }] }), "bad-value");
    only(projectFrom({ ...base, cast, start: "2026-02-30" }), "bad-value");
    only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "move", who: "ash" }] }), "missing-field");
  });

  it("impossible schedules: the same person on both sides, an unknown tell, a routine that never repeats", () => {
    only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "contact", who: "ash", with: ["ash"] }] }), "bad-value");
    only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "tell", who: "ash", tell: "alarn" }] }), "unknown-name");
    only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "move", who: "ash", to: "hall", times: 3 }] }), "missing-field");
    only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "move", who: "ash", to: "hall", every: "0h" }] }), "out-of-range");
    only(projectFrom({ ...base, cast, schedule: [{ at: "+1d", type: "bite", who: "ash", with: [] }] }), "missing-field");
  });

  it("a place given twice, a connection to itself, a relation with oneself, two bonds at once", () => {
    only(projectFrom({ ...base, places: [{ id: "room" }, { id: "room" }], connections: [], cast }), "duplicate");
    only(projectFrom({ ...base, connections: [{ between: ["room", "room"], distance: 5, kind: "open" }], cast }), "bad-value");
    only(projectFrom({ ...base, cast, relations: [{ kind: "bond", a: "ash", b: "ash" }] }), "bad-value");
    const three = [...cast, person("bo", "omega")];
    only(projectFrom({ ...base, cast: three, relations: [{ kind: "bond", a: "ash", b: "wren" }, { kind: "bond", a: "ash", b: "bo" }] }), "contradiction");
  });

  it("ids come before names and aliases: a nickname never hides someone's id", () => {
    const r = projectFrom({ ...base, cast: [person("ash", "alpha", { aliases: ["wren"] }), person("wren", "omega")], relations: [{ kind: "partner", a: "ash", b: "wren" }] });
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.relations[0]).toMatchObject({ a: 0, b: 1 });
  });

  it("unknown fields in a project, with a suggestion", () => {
    const d = only(projectFrom({ ...base, cast: [{ ...cast[0], desgination: "alpha" }] }), "unknown-field");
    expect(d.hint).toContain('did you mean "designation"');
  });

  it("a missing project file says so, without throwing", () => {
    const r = loadProject(join(tempFiles({}), "scentline.yaml"), nodeReader());
    expect(r.project).toBeUndefined();
    expect(r.diagnostics[0].code).toBe("file-not-found");
    expect(r.diagnostics[0].message).toContain("does not exist");
  });

  it("a file too large to read is refused with its size", () => {
    const dir = tempFiles({ "scentline.yaml": "# " + "x".repeat(33 * 1024 * 1024) });
    const r = loadProject(join(dir, "scentline.yaml"), nodeReader());
    expect(r.diagnostics[0].message).toMatch(/is 33 MB; Scentline reads world, project and chapter files of up to 32 MB/);
  });
});

describe("inputs the world has nothing for", () => {
  /** The line of the project file a diagnostic points at. */
  const lineOf = (d: { at?: { file: string; line: number } }) => readFileSync(d.at!.file, "utf8").split("\n")[d.at!.line - 1];

  it("an alignment in a world without an alignment axis (daxam, guardianship) is a warning at its line with a hint, and the project loads", () => {
    for (const world of ["daxam", "guardianship"]) {
      const r = projectFrom({ ...base, world, cast: [person("ash", "alpha", { alignment: "dominant" }), person("wren", "omega")] });
      expect(r.project).toBeDefined();
      expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([["warning", "alignment-without-axis"]]);
      const d = r.diagnostics[0];
      expect(d.message).toBe('Ash is given the alignment "dominant", but this world has no alignment axis: nothing in it gives the alignment a meaning');
      expect(lineOf(d).slice(d.at!.column - 1)).toMatch(/^dominant/);
      expect(d.hint).toContain("axes.alignment");
    }
    // Where the world has the axis, the same cast loads without a word.
    expect(projectFrom({ ...base, world: "first-order", cast: [person("ash", "alpha", { alignment: "dominant" })] }).diagnostics).toEqual([]);
  });

  it("suppressants in a world without them (guardianship): the trait and the events are warnings at their lines, and the log says they have no effect, and heats come as before", () => {
    const schedule = [
      { at: "+1d", type: "suppressants", who: "rey" },
      { at: "+200d", type: "stop-suppressants", who: "rey" },
    ];
    const r = projectFrom({ ...base, world: "guardianship", cast: [person("rey", "omega"), person("bo", "beta", { traits: ["suppressants"] })], schedule });
    expect(r.project).toBeDefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ["warning", "no-suppressants"],
      ["warning", "no-suppressants"],
      ["warning", "no-suppressants"],
    ]);
    expect(r.diagnostics.map((d) => lineOf(d).slice(d.at!.column - 1))).toEqual([expect.stringMatching(/^suppressants/), expect.stringMatching(/^suppressants/), expect.stringMatching(/^stop-suppressants/)]);
    expect(r.diagnostics.every((d) => d.hint)).toBe(true);
    const { log, sim } = run(r.project!, "2027-01-01", 2);
    expect(of(log, "suppressants-started")).toEqual([]);
    expect(of(log, "suppressants-no-effect").map((e) => [e.text, e.severity])).toEqual([
      ["Rey takes suppressants, which have no effect in this world (it has no suppressants).", "warning"],
      ["Rey stops taking suppressants, which have no effect in this world (it has no suppressants).", "warning"],
    ]);
    expect([...sim.suppressed]).toEqual([0, 0]);
    const heats = of(log, "heat-began", "rey").map((e) => e.hour);
    expect(heats.some((h) => h > r.project!.start + 24 && h < r.project!.start + 200 * 24)).toBe(true);
  });
});
