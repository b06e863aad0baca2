/** Pressure and challenges across worlds: what a challenge settles depends on the world. */
import { describe, expect, it } from "vitest";
import { mustLoad, of, person, run } from "./helpers/project.js";

const cast = [person("rhea", "alpha", { strength: 1.8 }), person("kara", "alpha", { strength: 1.2 })];
const schedule = [
  { at: "+1d", type: "challenge", who: "kara", with: ["rhea"], winner: "kara" },
  { at: "+2d", type: "pressure", who: "rhea", with: ["kara"] },
];
const story = { start: "2026-01-01", places: [{ id: "room" }], cast, schedule };

describe("a challenge settles dominance for good (influence.pressure.permanentAfterChallenge)", () => {
  it("in classic, the stronger loser's pressure has no effect on the winner afterwards", () => {
    const { log } = run(mustLoad({ world: "classic", ...story }), "2026-01-04", 1);
    const decided = of(log, "challenge-decided");
    expect(decided.map((e) => [e.data?.winner, e.data?.permanent])).toEqual([["kara", true]]);
    expect(decided[0].text).toBe("Rhea submits to Kara in the challenge; from now on Rhea's pressure has no effect on Kara.");
    expect(decided[0].causes).toContainEqual({ kind: "rule", id: "influence.pressure.permanentAfterChallenge", path: "influence.pressure.permanentAfterChallenge" });
    expect(of(log, "pressure-no-effect").map((e) => e.people)).toEqual([["kara", "rhea"]]);
    expect(of(log, "pressure-yielded", "kara")).toEqual([]);
  });

  it("a world that sets it false: the challenge settles only itself, and the stronger loser's pressure works on the winner as before", () => {
    const world = "extends: classic\nid: contested\nname: Contested\ninfluence:\n  pressure:\n    permanentAfterChallenge: false\n";
    const { log } = run(mustLoad({ world: "world.yaml", ...story }, { "world.yaml": world }), "2026-01-04", 1);
    const decided = of(log, "challenge-decided");
    expect(decided.map((e) => [e.data?.winner, e.data?.permanent])).toEqual([["kara", false]]);
    expect(decided[0].text).toBe("Rhea submits to Kara in the challenge.");
    expect(of(log, "pressure-no-effect")).toEqual([]);
    expect(of(log, "pressure-yielded", "kara").map((e) => e.data?.winner)).toEqual(["rhea"]);
  });
});
