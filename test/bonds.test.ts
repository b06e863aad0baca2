/**
 * Bond effects across worlds (felt emotions, reduced response, scent merge, breaking within a
 * window), stress as a modifier, and what suppressants do.
 */
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

describe("reduced response (bonds.effects.reducedResponse)", () => {
  // A world in which alphas are drawn to any heat they smell; Kara is bonded to Lena, who is away.
  const world = (reduced: boolean, extra = "") => `extends: classic
id: drawn
name: Drawn
bonds:
  effects: { reducedResponse: ${reduced} }
scent:
  responses:${extra}
    - id: drawn-to-heat
      when: tell == "heat" && perceiver.designation == alpha
      action: approach
`;
  const cast = [person("kara", "alpha"), person("lena", "omega", { location: "away" }), person("ash", "alpha"), person("nia", "omega")];
  const story = (yaml: string) =>
    run(mustLoad({ world: "./world.yaml", start: "2026-01-01", ...places, cast, relations: [{ kind: "bond", a: "kara", b: "lena" }], schedule: [{ at: "+1d", type: "tell", who: "nia", tell: "heat" }] }, { "world.yaml": yaml }), "2026-01-03").log;
  const toNia = (log: ReturnType<typeof run>["log"], who: string) => log.filter((e) => ["drawn", "noticed"].includes(e.type) && e.people[0] === who && e.people[1] === "nia").map((e) => e.type);

  it("a bonded alpha only takes note of another omega's heat, where an unbonded one is drawn", () => {
    const log = story(world(true));
    expect(toNia(log, "kara")).toEqual(["noticed"]);
    expect(toNia(log, "ash")).toEqual(["drawn"]);
    const noticed = log.find((e) => e.type === "noticed" && e.people[0] === "kara")!;
    expect(noticed.data?.reduced).toBe(true);
    expect(noticed.causes).toContainEqual({ kind: "rule", id: "bonds.effects.reducedResponse", path: "bonds.effects.reducedResponse" });
  });

  it("without it, the bonded alpha is drawn like anyone else", () => {
    const log = story(world(false));
    expect(toNia(log, "kara")).toEqual(["drawn"]);
    expect(toNia(log, "ash")).toEqual(["drawn"]);
  });

  it("a response that speaks of the perceiver's bond is followed as written", () => {
    const extra = `
    - id: bonded-alphas-drawn-too
      when: tell == "heat" && perceiver.bonded
      action: approach`;
    expect(toNia(story(world(true, extra)), "kara")).toEqual(["drawn"]);
  });
});

describe("scent merge (bonds.effects.scentMerge)", () => {
  const cast = [person("kara", "alpha", { scent: ["cedar"] }), person("lena", "omega", { scent: ["honey"] }), person("ash", "alpha", { location: "away" })];
  const story = (world: string, extra: Record<string, string> = {}) =>
    run(mustLoad({ world, start: "2026-01-01", ...places, cast, schedule: [{ at: "+1d", type: "bite", who: "kara", with: ["lena"] }, { at: "+2d", type: "move", who: "ash", to: "room" }] }, extra), "2026-01-04").log;
  const ashSmellsLena = (log: ReturnType<typeof run>["log"]) => of(log, "perceived", "ash").filter((e) => e.people[1] === "lena" && e.data?.tell === "signature")[0].data?.reveals;

  it("a bonded omega's scent carries her mate's notes", () => {
    expect(ashSmellsLena(story("classic"))).toBe("honey; omega; bonded; merged with Kara's scent (cedar)");
  });

  it("where the world's scent does not reveal bonds (scent.reveals without bonded), the merge does not tell of it either", () => {
    const world = "extends: classic\nid: discreet\nname: Discreet\nscent:\n  reveals: [designation]\n";
    expect(ashSmellsLena(story("./world.yaml", { "world.yaml": world }))).toBe("honey; omega");
  });

  it("in a world without it, her scent is her own", () => {
    const world = "extends: classic\nid: unmerged\nname: Unmerged\nbonds:\n  effects: { scentMerge: false }\n";
    expect(ashSmellsLena(story("./world.yaml", { "world.yaml": world }))).toBe("honey; omega; bonded");
  });
});

describe("whose scent a claiming bite changes (bonds.mutual.oneSided)", () => {
  const cast = [person("kara", "alpha", { scent: ["cedar"] }), person("lena", "omega", { scent: ["honey"] }), person("ash", "alpha", { location: "away" })];
  const schedule = [
    { at: "+1d", type: "bite", who: "kara", with: ["lena"] },
    { at: "+2d", type: "move", who: "ash", to: "room" },
    { at: "+3d", type: "bite", who: "lena", with: ["kara"] },
  ];
  const story = (world: string, extra: Record<string, string> = {}) => run(mustLoad({ world, start: "2026-01-01", ...places, cast, schedule }, extra), "2026-01-05").log;
  const ashSmells = (log: ReturnType<typeof run>["log"], target: string) => of(log, "perceived", "ash").filter((e) => e.people[1] === target && e.data?.tell === "signature").map((e) => e.data?.reveals);

  it("in classic the bite changes both scents at once: the biter smells bonded before the bite is returned", () => {
    const log = story("classic");
    expect(ashSmells(log, "kara")).toEqual(["cedar; alpha; bonded; merged with Lena's scent (honey)"]);
    expect(ashSmells(log, "lena")).toEqual(["honey; omega; bonded; merged with Kara's scent (cedar)"]);
    expect(of(log, "bond-formed")[0].text).toBe("Kara and Lena are bonded by a claiming bite.");
    expect(of(log, "bite-returned")[0].text).toBe("Lena returns the claiming bite; both now carry a mark and the bond is symmetric.");
  });

  it("a one-sided world marks only the one bitten until the bite is returned, and says so", () => {
    const world = "extends: classic\nid: one-sided\nname: One-sided\nbonds:\n  mutual: { symmetric: true, oneSided: true }\n";
    const log = story("./world.yaml", { "world.yaml": world });
    expect(ashSmells(log, "kara")).toEqual(["cedar; alpha; unbonded", "cedar; alpha; bonded; merged with Lena's scent (honey)"]);
    expect(ashSmells(log, "lena")).toEqual(["honey; omega; bonded; merged with Kara's scent (cedar)"]);
    const formed = of(log, "bond-formed")[0];
    expect(formed.text).toBe("Kara and Lena are bonded by a claiming bite; Lena's scent shows the bond, Kara's does not until the bite is returned.");
    expect(formed.causes).toContainEqual({ kind: "rule", id: "bonds.mutual.oneSided", path: "bonds.mutual.oneSided" });
  });
});

describe("scent conditions read the bond a scent shows (bonds.mutual.oneSided)", () => {
  // Kara has bitten Lena, who has not bitten back: in a one-sided world Kara smells unbonded.
  const world = (oneSided: boolean) => `extends: classic
id: shown
name: Shown
bonds:
  mutual: { symmetric: true, oneSided: ${oneSided} }
scent:
  responses:
    - id: shun-the-bonded
      when: tell == "rut" && target.bonded
      action: notice
    - id: drawn-to-the-unbonded
      when: tell == "rut" && !target.bonded && target.mate == ""
      action: approach
`;
  const cast = [person("kara", "alpha"), person("lena", "omega", { location: "away" }), person("nia", "omega")];
  const schedule = [
    { at: "+1d", type: "bite", who: "kara", with: ["lena"] },
    { at: "+2d", type: "tell", who: "kara", tell: "rut" },
  ];
  const story = (oneSided: boolean) => run(mustLoad({ world: "./world.yaml", start: "2026-01-01", ...places, cast, schedule }, { "world.yaml": world(oneSided) }), "2026-01-04");
  const niaToKara = (log: ReturnType<typeof run>["log"]) => log.filter((e) => ["drawn", "noticed"].includes(e.type) && e.people[0] === "nia" && e.people[1] === "kara").map((e) => e.type);

  it("a biter whose scent does not show the bond reads as unbonded to the one who smells her, in responses and range modifiers", () => {
    const { log, sim } = story(true);
    expect(niaToKara(log)).toEqual(["drawn"]);
    // classic's bond-quiets-cycle does not narrow her rut: her scent does not show the bond
    const rut = of(log, "perceived", "nia").find((e) => e.people[1] === "kara" && e.data?.tell === "rut")!;
    expect(rut.causes.some((c) => c.kind === "rule" && c.path === "scent.rangeModifiers.bond-quiets-cycle")).toBe(false);
    expect(rut.data?.range).toBe(100);
    // the bond itself is real: her own view, and conditions about her as a person, see it
    expect(sim.view(0).bonded).toBe(true);
    expect(sim.view(0).mate).toBe("lena");
  });

  it("once her scent shows the bond (both scents change at the bite), she reads as bonded", () => {
    const { log } = story(false);
    expect(niaToKara(log)).toEqual(["noticed"]);
    const rut = of(log, "perceived", "nia").find((e) => e.people[1] === "kara" && e.data?.tell === "rut")!;
    expect(rut.causes.some((c) => c.kind === "rule" && c.path === "scent.rangeModifiers.bond-quiets-cycle")).toBe(true);
    expect(rut.data?.range).toBe(30);
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

  it("a world that says nothing about breaking (first-order) has bonds that cannot be broken, by the engine's own rule", () => {
    const { log, sim } = run(mustLoad({ world: "first-order", start: "2026-01-01", ...places, cast, schedule: [bite, { at: "+2d", type: "break-bond", who: "kara" }] }), "2026-01-05");
    const refused = of(log, "refused");
    expect(refused.map((e) => e.data?.code)).toEqual(["bond-permanent"]);
    expect(refused[0].causes).toContainEqual({ kind: "rule", id: "bonds-unbreakable-by-default", path: "engine" });
    expect(sim.mate[1]).toBe(0);
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

describe("contact", () => {
  // Lena is exempt from first-order's suppressant mandate, so her scent can be smelled there too.
  const cast = [person("kara", "alpha"), person("lena", "omega", { traits: ["exempt-suppressants"] }), person("ash", "alpha", { location: "away" })];
  const schedule = [{ at: "+1d", type: "contact", who: "kara", with: ["lena"] }, { at: "+1d1h", type: "move", who: "ash", to: "room" }];
  const ashSmellsLena = (log: ReturnType<typeof run>["log"]) => of(log, "perceived", "ash").find((e) => e.people[1] === "lena" && e.data?.tell === "signature")?.data?.reveals;

  it("in a world whose scent transfers, each carries the other's scent", () => {
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", ...places, cast, schedule }), "2026-01-03");
    expect(of(log, "scent-transfer").length).toBe(1);
    expect(ashSmellsLena(log)).toContain("carries Kara's scent");
  });

  it("in a world without scent.transfer (first-order), touching passes no scent", () => {
    const { log } = run(mustLoad({ world: "first-order", start: "2026-01-01", ...places, cast, schedule }), "2026-01-03");
    expect(of(log, "scent-transfer")).toEqual([]);
    expect(of(log, "contact")[0].text).toBe("Kara and Lena touch; in this world no scent passes by contact.");
    expect(ashSmellsLena(log)).not.toContain("carries");
  });
});

describe("suppressant side effects (suppressants.sideEffects)", () => {
  it("are reported for whoever starts on suppressants: from the cast, by the schedule, or by a mandate", () => {
    const cast = [person("wren", "omega", { traits: ["suppressants"] }), person("ash", "alpha")];
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", places: [{ id: "room" }], cast, schedule: [{ at: "+2d", type: "suppressants", who: "ash" }] }), "2026-01-05");
    const reported = of(log, "suppressant-side-effects");
    expect(reported.map((e) => [e.people[0], e.data?.effects])).toEqual([
      ["wren", "dulled sense of smell"],
      ["ash", "dulled sense of smell"],
    ]);
    expect(reported[1].text).toBe("Ash has the side effects of suppressants: dulled sense of smell.");
    expect(reported[1].causes[0]).toEqual({ kind: "event", id: of(log, "suppressants-started")[0].id });
    const mandate = "extends: classic\nid: mandate\nname: Mandate\ninstitutions:\n  mandate:\n    kind: law\n    effect: mandate-suppressants\n";
    const mandated = run(mustLoad({ world: "./world.yaml", start: "2026-01-01", places: [{ id: "room" }], cast: [person("hux", "alpha")] }, { "world.yaml": mandate }), "2026-01-02").log;
    expect(of(mandated, "suppressant-side-effects").map((e) => [e.people[0], e.data?.effects])).toEqual([["hux", "dulled sense of smell"]]);
  });

  it("are reported once for someone who goes on taking them (a routine), not at every dose", () => {
    const cast = [person("ash", "alpha")];
    const schedule = [{ at: "+1d", type: "suppressants", who: "ash", every: "1w", times: 3 }];
    const { log } = run(mustLoad({ world: "classic", start: "2026-01-01", places: [{ id: "room" }], cast, schedule }), "2026-02-01");
    expect(of(log, "suppressants-started").length).toBe(1);
    expect(of(log, "suppressant-side-effects").length).toBe(1);
    expect(of(log, "suppressants-continued").map((e) => e.text)).toEqual(["Ash keeps taking suppressants.", "Ash keeps taking suppressants."]);
  });

  it("a world that lists none reports none", () => {
    const world = "extends: classic\nid: clean\nname: Clean\nsuppressants:\n  sideEffects: []\n";
    const { log } = run(mustLoad({ world: "./world.yaml", start: "2026-01-01", places: [{ id: "room" }], cast: [person("ash", "alpha")], schedule: [{ at: "+1d", type: "suppressants", who: "ash" }] }, { "world.yaml": world }), "2026-01-03");
    expect(of(log, "suppressants-started").length).toBe(1);
    expect(of(log, "suppressant-side-effects")).toEqual([]);
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
