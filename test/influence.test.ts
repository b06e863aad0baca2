/** Pressure and challenges across worlds: what a challenge settles depends on the world. */
import { describe, expect, it } from "vitest";
import { mustLoad, of, person, run } from "./helpers/project.js";

describe("a challenge in a world without permanentAfterChallenge (classic)", () => {
  it("settles only itself: afterwards the stronger loser's pressure works on the winner as before", () => {
    const cast = [person("rhea", "alpha", { strength: 1.8 }), person("kara", "alpha", { strength: 1.2 })];
    const schedule = [
      { at: "+1d", type: "challenge", who: "kara", with: ["rhea"], winner: "kara" },
      { at: "+2d", type: "pressure", who: "rhea", with: ["kara"] },
    ];
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", places: [{ id: "room" }], cast, schedule }), "2026-01-04", 1);
    const decided = of(log, "challenge-decided");
    expect(decided.map((e) => [e.data?.winner, e.data?.permanent])).toEqual([["kara", false]]);
    expect(decided[0].text).toBe("Rhea submits to Kara in the challenge.");
    expect(of(log, "pressure-no-effect")).toEqual([]);
    expect(of(log, "pressure-yielded", "kara").map((e) => e.data?.winner)).toEqual(["rhea"]);
  });
});
