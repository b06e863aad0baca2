/** Story projects: every reference checked at load, each mistake reported with file:line:col and a hint. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { nodeReader } from "../src/node/io.js";
import { loadProject } from "../src/story/load.js";
import { person, projectFrom } from "./helpers/project.js";
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
