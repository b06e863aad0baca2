/** The daxam preset's rules beyond the testable facts: designation, scent, tells, bonds, influence. */
import { describe, expect, it } from "vitest";
import { mustLoad, of, person, run } from "./helpers/project.js";
import { preset } from "./helpers/world.js";

// Effective distances: room 0; near 10 ft (open); mid 25 ft (open); far 100 ft (open); hall 200 ft (open).
const places = {
  places: [{ id: "room" }, { id: "near" }, { id: "mid" }, { id: "far" }, { id: "hall" }],
  connections: [
    { between: ["room", "near"], distance: 10, kind: "open" },
    { between: ["room", "mid"], distance: 25, kind: "open" },
    { between: ["room", "far"], distance: 100, kind: "open" },
    { between: ["room", "hall"], distance: 200, kind: "open" },
  ],
};
const base = { world: "daxam", start: "2026-01-01", ...places };
const at = (who: string, d: string, location: string, extra: Record<string, unknown> = {}) => person(who, d, { location, ...extra });
const smelled = (log: ReturnType<typeof run>["log"], tell: string, target: string) =>
  of(log, "perceived").filter((e) => e.data?.tell === tell && e.people[1] === target).map((e) => e.people[0]).sort();

describe("designation (DX-01, DX-02, DX-03, DX-06)", () => {
  it("three designations, known from birth: no presentation event, even for the newborn (DX-01, DX-02)", () => {
    expect(preset("daxam").designations).toEqual(["alpha", "beta", "omega"]);
    const baby = { id: "baby", name: "Baby", born: "2026-03-01", designation: "omega", location: "room" };
    const { log, sim } = run(mustLoad({ ...base, cast: [baby, at("kara", "alpha", "room")] }), "2027-01-01");
    expect(of(log, "presentation")).toEqual([]);
    expect(sim.designationOf(0)).toBe("omega");
  });

  it("designation is smelled at close range, not across a hall (DX-03)", () => {
    const cast = [at("lena", "omega", "room"), at("kara", "alpha", "near"), at("mon", "alpha", "far"), at("alex", "omega", "near")];
    const { log } = run(mustLoad({ ...base, cast }), "2026-01-02");
    expect(smelled(log, "signature", "lena")).toEqual(["alex", "kara"]);
    expect(of(log, "perceived").find((e) => e.people[0] === "kara" && e.people[1] === "lena")!.text).toContain("omega");
  });

  it("betas have neither heats nor ruts (DX-07)", () => {
    const { log } = run(mustLoad({ ...base, cast: [at("imra", "beta", "room"), at("kara", "alpha", "room")] }), "2030-01-01", 5);
    expect(log.filter((e) => e.people[0] === "imra" && /heat|rut/.test(e.type))).toEqual([]);
    expect(of(log, "rut-began", "kara").length).toBeGreaterThan(5);
  });

  it("a beta's scent is faint: smelled only within a few feet (DX-06)", () => {
    const cast = [at("imra", "beta", "room"), at("kara", "alpha", "room"), at("alex", "omega", "near")];
    const { log } = run(mustLoad({ ...base, cast }), "2026-01-02");
    expect(smelled(log, "signature", "imra")).toEqual(["kara"]);
  });
});

describe("scent (DX-38, DX-39, DX-40, DX-48, DX-52, DX-16, DX-23)", () => {
  it("a signature is smelled with its notes (DX-38)", () => {
    const cast = [at("lena", "omega", "room", { scent: ["honey"] }), at("kara", "alpha", "room")];
    const { log } = run(mustLoad({ ...base, cast }), "2026-01-02");
    expect(of(log, "perceived").find((e) => e.people[0] === "kara")!.text).toContain("honey");
  });

  it("emotions carry as far as their tell: sadness a room, distress far, anger between (DX-39, DX-40, DX-48), a dominant musk near (DX-52)", () => {
    // Lar takes suppressants, so no heat of hers moves anyone; the alphas only smell her tells.
    const cast = [at("lar", "omega", "room", { traits: ["suppressants"] }), at("a", "alpha", "mid"), at("b", "alpha", "far"), at("c", "alpha", "hall")];
    for (const [tell, expected] of [
      ["sadness", []],
      ["distress", ["a", "b"]],
      ["anger", ["a"]],
      ["dominant-musk", ["a"]],
    ] as const) {
      const { log } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "tell", who: "lar", tell }] }), "2026-01-03");
      expect(smelled(log, tell, "lar"), tell).toEqual(expected);
    }
  });

  it("a pre-rut's heavier scent is smelled close by (DX-16); a full rut draws unmated omegas' notice from afar (DX-23)", () => {
    // The omegas take suppressants, which daxam does not have, so a world adds them: they still
    // smell, and give off no heat to draw Kara away.
    const sup = { traits: ["suppressants"] };
    const world = "extends: daxam\nid: daxam-suppressed\nname: Daxam with suppressants\nsuppressants: { blocks: [heat] }\n";
    const cast = [at("kara", "alpha", "room"), at("nia", "omega", "near", sup), at("alex", "omega", "far", sup), at("lar", "omega", "far", sup), at("mon", "alpha", "hall")];
    const { log } = run(mustLoad({ ...base, world: "world.yaml", cast, relations: [{ kind: "bond", a: "lar", b: "mon" }] }, { "world.yaml": world }), "2026-07-01", 3);
    expect(of(log, "pre-rut-began", "kara").length).toBeGreaterThan(0);
    expect([...new Set(smelled(log, "rut-early", "kara"))]).toEqual(["nia"]);
    const noticed = new Set(of(log, "noticed").filter((e) => e.people[1] === "kara").map((e) => e.people[0]));
    expect(noticed.has("alex")).toBe(true);
    expect(noticed.has("lar")).toBe(false); // a bonded omega is not drawn in
  });
});

describe("traces and transfer (DX-41, DX-43, DX-44, DX-46)", () => {
  it("scent left in a room is fresh at first and faint hours later, then gone (DX-43, DX-46)", () => {
    const cast = [at("kara", "alpha", "room"), at("lena", "omega", "far"), at("nia", "omega", "far"), at("alex", "omega", "far")];
    const schedule = [
      { at: "+1d", type: "move", who: "kara", to: "hall" },
      { at: "+1d1h", type: "move", who: "lena", to: "room" },
      { at: "+1d9h", type: "move", who: "nia", to: "room" },
      { at: "+3d", type: "move", who: "alex", to: "room" },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-06");
    const traces = of(log, "trace-perceived").filter((e) => e.people[1] === "kara");
    const of_ = (who: string) => traces.find((e) => e.people[0] === who);
    expect(of_("lena")!.text).toContain("fresh");
    expect(of_("nia")!.text).toContain("faint");
    expect(of_("alex")).toBeUndefined();
  });

  it("contact leaves each carrying the other's scent, noticed by others (DX-41, DX-44)", () => {
    const cast = [at("kara", "alpha", "room"), at("lena", "omega", "room"), at("mon", "alpha", "far")];
    const schedule = [{ at: "+1d", type: "contact", who: "kara", with: ["lena"] }, { at: "+1d2h", type: "move", who: "mon", to: "room" }];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-03");
    expect(of(log, "perceived").find((e) => e.people[0] === "mon" && e.people[1] === "lena")!.text).toContain("carries Kara's scent");
  });
});

describe("masking by betas (DX-47)", () => {
  it("a beta standing with an omega shrinks how far her heat carries, but never to nothing", () => {
    const cast = (betas: number) => [at("lena", "omega", "room", { born: "2000-01-01" }), at("mon", "alpha", "hall"), ...Array.from({ length: betas }, (_, k) => at(`b${k}`, "beta", "room"))];
    const range = (betas: number) => {
      const { log } = run(mustLoad({ ...base, cast: cast(betas) }), "2026-12-31", 4);
      return of(log, "perceived").find((e) => e.data?.tell === "heat" && e.people[1] === "lena" && e.people[0] === "mon")?.data?.range;
    };
    expect(range(0)).toBe(2000);
    expect(range(1)).toBe(1200);
    expect(range(4)).toBe(600);
  });
});

describe("bonds (DX-08, DX-65, DX-66, DX-29)", () => {
  const cast = [at("kara", "alpha", "room"), at("lena", "omega", "room")];

  it("an alpha claims by biting; an omega's bite alone forms no bond (DX-08)", () => {
    expect(of(run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "bite", who: "kara", with: ["lena"] }] }), "2026-01-03").log, "bond-formed").length).toBe(1);
    expect(of(run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "bite", who: "lena", with: ["kara"] }] }), "2026-01-03").log, "bond-formed")).toEqual([]);
  });

  it("the mark is permanent (DX-65) and can be returned, making the bond mutual (DX-66)", () => {
    const schedule = [{ at: "+1d", type: "bite", who: "kara", with: ["lena"] }, { at: "+1d", type: "bite", who: "lena", with: ["kara"] }];
    const { log, sim } = run(mustLoad({ ...base, cast, schedule }), "2028-01-01");
    expect(of(log, "bite-returned").length).toBe(1);
    expect([sim.mate[0], sim.mate[1]]).toEqual([1, 0]);
  });

  it("DX-66: the returned bite makes the bond symmetric: only then does the biter's scent show it, merged with her mate's; a world that is not symmetric leaves it", () => {
    const trio = [at("kara", "alpha", "room", { scent: ["sweet musk"] }), at("lena", "omega", "room", { scent: ["honey"] }), at("ash", "alpha", "near")];
    const schedule = [{ at: "+1d", type: "bite", who: "kara", with: ["lena"] }, { at: "+2d", type: "bite", who: "lena", with: ["kara"] }];
    const ashSmells = (log: ReturnType<typeof run>["log"], target: string) => of(log, "perceived", "ash").filter((e) => e.people[1] === target && e.data?.tell === "signature").map((e) => e.data?.reveals);
    const symmetric = run(mustLoad({ ...base, cast: trio, schedule }), "2026-01-05").log;
    // The bite changes the bitten's scent at once; the biter's only with the bite returned.
    expect(ashSmells(symmetric, "lena")).toEqual(["honey; omega; unbonded", "honey; omega; bonded; merged with Kara's scent (sweet musk)"]);
    expect(ashSmells(symmetric, "kara")).toEqual(["sweet musk; alpha; unbonded", "sweet musk; alpha; bonded; merged with Lena's scent (honey)"]);
    expect(of(symmetric, "bite-returned")[0].data?.symmetric).toBe(true);
    expect(of(symmetric, "bite-returned")[0].causes).toContainEqual({ kind: "rule", id: "DX-66", path: "bonds.mutual.symmetric" });

    const world = "extends: daxam\nid: one-sided\nname: One-sided bonds\nbonds:\n  mutual: { symmetric: false }\n";
    const oneSided = run(mustLoad({ ...base, world: "world.yaml", cast: trio, schedule }, { "world.yaml": world }), "2026-01-05").log;
    expect(ashSmells(oneSided, "kara")).toEqual(["sweet musk; alpha; unbonded"]);
    expect(of(oneSided, "bite-returned")[0].data?.symmetric).toBe(false);
    expect(of(oneSided, "bite-returned")[0].text).toContain("Kara's scent does not change");
  });

  it("open question 14: until the bite is returned the biter does not read as bonded to those who smell her: her rut is not quieted (DX-36) and others do not keep away; once returned, both", () => {
    const trio = [at("kara", "alpha", "room"), at("lena", "omega", "room"), at("ash", "alpha", "room")];
    const schedule = [
      { at: "+1d", type: "bite", who: "kara", with: ["lena"] },
      { at: "+2d", type: "tell", who: "kara", tell: "rut" },
      { at: "+3d", type: "bite", who: "lena", with: ["kara"] },
      { at: "+4d", type: "tell", who: "kara", tell: "rut" },
    ];
    const { log, sim } = run(mustLoad({ ...base, cast: trio, schedule }), "2026-01-06");
    const ruts = of(log, "perceived", "ash").filter((e) => e.people[1] === "kara" && e.data?.tell === "rut");
    expect(ruts.map((e) => e.data?.range)).toEqual([150, 8]);
    expect(ruts.map((e) => e.causes.some((c) => c.kind === "rule" && c.path === "scent.rangeModifiers.bond-quiets-cycle"))).toEqual([false, true]);
    const avoids = of(log, "avoids", "ash").filter((e) => e.people[1] === "kara");
    expect(avoids.map((e) => e.hour)).toEqual([ruts[1].hour]);
    expect(avoids[0].causes).toContainEqual({ kind: "rule", id: "DX-36", path: "scent.responses.keep-away-from-a-bonded-cycle" });
    expect(sim.mate[0]).toBe(1); // the bond itself was there all along
  });

  it("a mated pair's heat and rut run together and die down together (DX-29)", () => {
    const old = [at("kara", "alpha", "room", { born: "1990-01-01" }), at("lena", "omega", "room", { born: "1990-01-01" })];
    const { log } = run(mustLoad({ ...base, cast: old, relations: [{ kind: "bond", a: "kara", b: "lena" }] }), "2027-01-01", 6);
    const heatEnds = of(log, "heat-ended", "lena").map((e) => e.hour);
    const rutEnds = of(log, "rut-ended", "kara").map((e) => e.hour);
    expect(heatEnds.length).toBeGreaterThan(2);
    for (const h of heatEnds) expect(rutEnds.some((r) => Math.abs(r - h) <= 24)).toBe(true);
  });

  it("an alpha and a beta are not compatible: her rut with a beta goes unresolved (DX-71)", () => {
    const pair = [at("kara", "alpha", "room", { born: "1990-01-01" }), at("imra", "beta", "room")];
    const { log } = run(mustLoad({ ...base, cast: pair, relations: [{ kind: "bond", a: "kara", b: "imra" }] }), "2026-12-31", 2);
    const ends = of(log, "rut-ended", "kara");
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((e) => e.data?.resolved === false)).toBe(true);
  });
});

describe("whom one mates, by custom (DX-79, DX-80)", () => {
  it("an alpha who partners or bonds a beta departs from custom (DX-79); an alpha and an omega do not", () => {
    const cast = [at("mon", "alpha", "room"), at("imra", "beta", "room"), at("kara", "alpha", "room"), at("lena", "omega", "room")];
    const schedule = [
      { at: "+1d", type: "partner", who: "mon", with: ["imra"] },
      { at: "+2d", type: "bite", who: "mon", with: ["imra"] },
      { at: "+3d", type: "bite", who: "kara", with: ["lena"] },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-05");
    const departures = of(log, "custom-departure");
    expect(departures.map((e) => [e.people, e.data?.institution])).toEqual([
      [["mon", "imra"], "alphas-mate-omegas"],
      [["mon", "imra"], "alphas-mate-omegas"],
    ]);
    expect(departures[0].causes).toContainEqual({ kind: "rule", id: "DX-79", path: "institutions.alphas-mate-omegas" });
    expect(of(log, "bond-formed").length).toBe(2); // a custom: warned about, never refused
  });

  it("DX-80 is about taking a mate: a heat partnership with her slave, as the Queen arranged for the heir's first rut (DX-78), departs from no custom; the bond does", () => {
    const cast = [at("kara", "alpha", "room", { roles: ["heir"] }), at("lena", "omega", "room", { owner: "kara", status: "enslaved" })];
    const schedule = [
      { at: "+1d", type: "partner", who: "kara", with: ["lena"] },
      { at: "+2d", type: "match", who: "kara", with: ["lena"] },
      { at: "+3d", type: "bite", who: "kara", with: ["lena"] },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-05");
    expect(of(log, "custom-departure").map((e) => e.text)).toEqual([
      "A match between Kara and Lena departs from custom (royals-mate-at-their-status).",
      "A bond between Kara and Lena departs from custom (royals-mate-at-their-status).",
    ]);
    expect(of(log, "partnered").length).toBe(1);
  });

  it("the heir who bonds her slave departs from custom (DX-80); once the slave is freed, she does not", () => {
    const cast = [at("kara", "alpha", "room", { roles: ["heir"] }), at("lena", "omega", "room", { owner: "kara" }), at("alex", "omega", "room", { owner: "kara" })];
    const schedule = [
      { at: "+1d", type: "bite", who: "kara", with: ["lena"] },
      { at: "+2d", type: "free", who: "alex" },
      { at: "+3d", type: "partner", who: "kara", with: ["alex"] },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-05");
    expect(of(log, "custom-departure").map((e) => [e.text, e.causes.some((c) => c.kind === "rule" && c.id === "DX-80")])).toEqual([["A bond between Kara and Lena departs from custom (royals-mate-at-their-status).", true]]);
    expect(of(log, "bond-formed").length).toBe(1);
  });
});

describe("influence (DX-05, DX-56, DX-58, DX-37, DX-53, DX-54, DX-55)", () => {
  it("strength is graded: the weaker alpha yields and bares the neck (DX-05, DX-56)", () => {
    const cast = [at("rhea", "alpha", "room", { strength: 1.8 }), at("kara", "alpha", "room", { strength: 1.2 })];
    const { log } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "pressure", who: "rhea", with: ["kara"] }] }), "2026-01-03");
    const y = of(log, "pressure-yielded")[0];
    expect(y.people).toEqual(["kara", "rhea"]);
    expect(y.text).toContain("bares the neck");
  });

  it("a roared command is obeyed by the weaker and resisted by the stronger (DX-58)", () => {
    const cast = [at("rhea", "alpha", "room", { strength: 1.8 }), at("kara", "alpha", "room", { strength: 2 }), at("lena", "omega", "room")];
    const { log } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "voice", who: "rhea", with: ["kara", "lena"], command: "stop" }] }), "2026-01-03");
    expect(of(log, "voice-obeyed").map((e) => e.people[0])).toEqual(["lena"]);
    expect(of(log, "voice-resisted").map((e) => e.people[0])).toEqual(["kara"]);
  });

  it("calming pheromones ease those close by (DX-37, DX-53, DX-54, DX-55)", () => {
    const cast = [at("imra", "beta", "room"), at("kara", "alpha", "near"), at("lena", "omega", "mid")];
    const { log } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "tell", who: "imra", tell: "calm" }] }), "2026-01-03");
    expect(of(log, "calmed").filter((e) => e.people[1] === "imra").map((e) => e.people[0])).toEqual(["kara"]);
  });
});

