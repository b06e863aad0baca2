/** Scent through the place graph: effective distance, the path it takes, sealed connections. */
import { describe, expect, it } from "vitest";
import { readsOnlyStableFields } from "../src/model/masking.js";
import { orderedEvent } from "../src/sim/event.js";
import { mustLoad, of, person, run } from "./helpers/project.js";

const chain = (kind: string) => ({
  places: [{ id: "a" }, { id: "b" }, { id: "c" }],
  connections: [
    { between: ["a", "b"], distance: 5, kind: "open" },
    { between: ["b", "c"], distance: 6, kind },
  ],
});
const cast = [person("wren", "omega", { location: "a" }), person("ash", "alpha", { location: "c" })];
const schedule = [{ at: "+1d", type: "tell", who: "wren", tell: "alarm" }];

describe("scent through places", () => {
  it("names the places a scent passed through, and counts a door as farther", () => {
    const open = run(mustLoad({ world: "classic", start: "2026-01-01", ...chain("open"), cast, schedule }), "2026-01-03").log;
    const smelt = of(open, "perceived").find((e) => e.data?.tell === "alarm")!;
    expect(smelt.data).toMatchObject({ via: "a > b > c", distance: 11 });
    expect(smelt.text).toContain("through a > b > c");
    const door = run(mustLoad({ world: "classic", start: "2026-01-01", ...chain("door"), cast, schedule }), "2026-01-03").log;
    expect(of(door, "perceived").find((e) => e.data?.tell === "alarm")!.data?.distance).toBe(25); // 5 + 6 / 0.3
  });

  it("nothing passes a sealed connection", () => {
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", ...chain("sealed"), cast, schedule }), "2026-01-03");
    expect(of(log, "perceived").filter((e) => e.people[0] === "ash")).toEqual([]);
  });
});

describe("masking lifts", () => {
  it("when the betas standing by leave, an omega's scent carries as far as before", () => {
    const places = { places: [{ id: "room" }, { id: "near" }, { id: "out" }], connections: [{ between: ["room", "near"], distance: 25, kind: "open" }, { between: ["near", "out"], distance: 500, kind: "open" }] };
    const betas = [0, 1, 2].map((k) => person(`b${k}`, "beta", { location: "room" }));
    const cast = [person("wren", "omega", { location: "room" }), person("ash", "alpha", { location: "near" }), ...betas];
    const schedule = [0, 1, 2].map((k) => ({ at: "+1d", type: "move", who: `b${k}`, to: "out" }));
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", ...places, cast, schedule }), "2026-01-03");
    const smelt = of(log, "perceived").filter((e) => e.people[0] === "ash" && e.people[1] === "wren");
    expect(smelt.length).toBe(1);
    expect(smelt[0].hour).toBeGreaterThan(of(log, "moved")[0].hour - 1); // only once the betas had gone
  });
});

describe("maskers counted as people move", () => {
  it("are kept as counts only when the condition reads what changes with a designation", () => {
    expect(readsOnlyStableFields("person.designation == beta")).toBe(true);
    expect(readsOnlyStableFields("person . species == 'human' && person.presented")).toBe(true);
    expect(readsOnlyStableFields("person.designation == beta && !person.suppressed")).toBe(false);
    expect(readsOnlyStableFields("has(person.age)")).toBe(false);
    expect(readsOnlyStableFields("person['designation'] == beta")).toBe(false);
  });

  it("give the same story as maskers counted afresh around each place", () => {
    const town = {
      places: [{ id: "room" }, { id: "near" }, { id: "out" }],
      connections: [{ between: ["room", "near"], distance: 25, kind: "open" }, { between: ["near", "out"], distance: 40, kind: "door" }],
    };
    const cast = [
      person("wren", "omega", { location: "room" }),
      person("ash", "alpha", { location: "near" }),
      ...[0, 1, 2, 3].map((k) => person(`b${k}`, k === 3 ? undefined : "beta", { location: k % 2 ? "near" : "room", ...(k === 3 ? { born: "2014-01-01" } : {}) })),
    ];
    const schedule = [0, 1, 2, 3].flatMap((k) => [
      { at: `+${k + 1}d`, type: "move", who: `b${k}`, to: "out", every: "5d" },
      { at: `+${k + 1}d6h`, type: "move", who: `b${k}`, to: k % 2 ? "near" : "room", every: "5d" },
    ]);
    // The same condition, once read as a designation alone and once with a field that defeats the counts.
    const world = (maskers: string) => `extends: classic\nid: masky\nname: Masky\nscent:\n  masking: { maskers: "${maskers}", factorEach: 0.8, floor: 0.5 }\n`;
    const story = (maskers: string) => run(mustLoad({ world: "./world.yaml", start: "2026-01-01", ...town, cast, schedule }, { "world.yaml": world(maskers) }), "2027-01-01", 5).log;
    const kept = story("person.designation == beta");
    expect(of(kept, "perceived").length).toBeGreaterThan(0);
    expect(JSON.stringify(story("person.designation == beta && person.age > -1.0"))).toBe(JSON.stringify(kept));
  });
});

describe("what a scent tells, as it is when smelled", () => {
  // Each newcomer walks into the room where Wren is and smells her for the first time. She is a beta,
  // so no cycle of hers changes anything between one newcomer and the next.
  const places = { places: [{ id: "room" }, { id: "far" }], connections: [{ between: ["room", "far"], distance: 500, kind: "open" }] };
  const cast = [
    person("wren", "beta"),
    person("cole", "alpha"),
    person("bo", "beta", { location: "far" }),
    person("ash", "alpha", { location: "far" }),
    person("dee", "alpha", { location: "far" }),
    person("eve", "alpha", { location: "far" }),
  ];
  const schedule = [
    { at: "+1d", type: "move", who: "ash", to: "room" },
    { at: "+2d", type: "bite", who: "cole", with: ["wren"] },
    { at: "+3d", type: "contact", who: "wren", with: ["bo"] },
    { at: "+3d1h", type: "move", who: "dee", to: "room" },
    { at: "+6d", type: "move", who: "eve", to: "room" },
  ];
  const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", ...places, cast, schedule }), "2026-01-08");
  const smelt = (who: string) => of(log, "perceived", who).filter((e) => e.people[1] === "wren" && e.data?.tell === "signature");

  it("says who the person is now: a bond made after someone first smelled her is told to the next", () => {
    expect(smelt("ash")[0].data?.reveals).toBe("beta; unbonded");
    expect(smelt("ash")[0].text).toMatch(/^Ash smells Wren's scent \(beta; unbonded\) at 0 ft \(range \d+ ft\)\.$/);
    // The bond renews her scent for those already near: Ash smells her again, bonded now.
    // In classic a bond merges the scents: Cole's clings to her.
    expect(smelt("ash").map((e) => e.data?.reveals)).toEqual(["beta; unbonded", "beta; bonded; merged with Cole's scent"]);
  });

  it("puts a perception and a move into words when read, and gives a plain copy to clone or send", () => {
    const moved = of(log, "moved", "ash")[0];
    expect(moved.text).toBe("Ash goes to room.");
    const plain = structuredClone(orderedEvent(smelt("ash")[0]));
    expect(plain).toEqual(JSON.parse(JSON.stringify(smelt("ash")[0])));
    expect(plain.id).toBe(smelt("ash")[0].id);
    expect(plain.text).toBe(smelt("ash")[0].text);
    expect(Object.keys(plain)).toEqual(["id", "hour", "type", "people", "place", "text", "data", "causes"]);
  });

  it("tells a carried scent while it is fresh, and not once it has faded with nothing else changed", () => {
    expect(smelt("dee")[0].data?.reveals).toBe("beta; bonded; merged with Cole's scent; carries Bo's scent");
    expect(smelt("dee")[0].text).toContain("(beta; bonded; merged with Cole's scent; carries Bo's scent)");
    expect(smelt("eve")[0].data?.reveals).toBe("beta; bonded; merged with Cole's scent");
  });
});
