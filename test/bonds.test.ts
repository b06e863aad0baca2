/** Bond effects across worlds: felt emotions, breaking within a window, and stress as a modifier. */
import { describe, expect, it } from "vitest";
import { mustLoad, of, person, run } from "./helpers/project.js";

const places = { places: [{ id: "room" }, { id: "away" }] };
const pair = [person("kara", "alpha"), person("lena", "omega", { location: "away" })];

describe("felt emotions", () => {
  it("a mate feels the other's distress through the bond, wherever they are, but not a heat", () => {
    const schedule = [
      { at: "+1d", type: "stress", who: "lena" },
      { at: "+2d", type: "tell", who: "kara", tell: "alarm" },
    ];
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", ...places, cast: pair, relations: [{ kind: "bond", a: "kara", b: "lena" }], schedule }), "2026-06-01", 2);
    expect(of(log, "bond-felt").map((e) => [e.people[0], e.data?.tell])).toEqual([
      ["kara", "distress"],
      ["lena", "alarm"],
    ]);
    expect(of(log, "heat-began").length).toBeGreaterThan(0); // heats happened, and were not "felt"
  });

  it("without a bond nothing is felt", () => {
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", ...places, cast: pair, schedule: [{ at: "+1d", type: "stress", who: "lena" }] }), "2026-01-05");
    expect(of(log, "bond-felt")).toEqual([]);
  });
});

describe("breaking a bond (DX-70)", () => {
  const bite = { at: "+1d", type: "bite", who: "kara", with: ["lena"] };
  const cast = [person("kara", "alpha"), person("lena", "omega")];

  it("in daxam, a bond can be broken within about a week of forming, not after", () => {
    const early = run(mustLoad({ world: "daxam", start: "2026-01-01", ...places, cast, schedule: [bite, { at: "+5d", type: "break-bond", who: "lena" }] }), "2026-01-10");
    expect(of(early.log, "bond-broken").length).toBe(1);
    expect(early.sim.mate[0]).toBe(-1);
    const late = run(mustLoad({ world: "daxam", start: "2026-01-01", ...places, cast, schedule: [bite, { at: "+10d", type: "break-bond", who: "lena" }] }), "2026-01-15");
    expect(of(late.log, "refused")[0].data?.code).toBe("bond-permanent");
    expect(late.sim.mate[0]).toBe(1);
  });

  it("in the classic world a bond cannot be broken at all", () => {
    const { log, sim } = run(mustLoad({ world: "classic", start: "2026-01-01", ...places, cast, schedule: [bite, { at: "+2d", type: "break-bond", who: "kara" }] }), "2026-01-05");
    expect(of(log, "refused").length).toBe(1);
    expect(sim.mate[1]).toBe(0);
  });
});

describe("stress as a cycle modifier", () => {
  const world = `extends: classic
id: stressful
name: Stressful
cycles:
  heat:
    modifiers:
      - id: stress-delays
        when: self.stressed
        skip: true
`;
  it("a world can make stress hold a heat back", () => {
    const wren = person("wren", "omega");
    const calm = run(mustLoad({ world: "./world.yaml", start: "2026-01-01", ...places, cast: [wren] }, { "world.yaml": world }), "2027-01-01", 3).log;
    const stressed = run(mustLoad({ world: "./world.yaml", start: "2026-01-01", ...places, cast: [wren], schedule: [{ at: "+1h", type: "stress", who: "wren", every: "2d" }] }, { "world.yaml": world }), "2027-01-01", 3).log;
    expect(of(calm, "heat-began").length).toBeGreaterThan(2);
    expect(of(stressed, "heat-began")).toEqual([]);
    expect(of(stressed, "heat-skipped").length).toBeGreaterThan(2);
  });
});

describe("suppressants block cycles (world: suppressants.blocks)", () => {
  it("a world that blocks heat on suppressants needs no modifier for it", () => {
    const world = `extends: classic
id: blocking
name: Blocking
cycles:
  heat:
    modifiers: []
suppressants:
  blocks: [heat]
`;
    const wren = person("wren", "omega", { traits: ["suppressants"] });
    const { log } = run(mustLoad({ world: "./world.yaml", start: "2026-01-01", places: [{ id: "room" }], cast: [wren] }, { "world.yaml": world }), "2027-01-01", 2);
    expect(of(log, "heat-began")).toEqual([]);
    expect(of(log, "heat-skipped").length).toBeGreaterThan(1);
  });
});
