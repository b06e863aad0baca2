/** The guardianship preset (seed text 001) against its testable facts. */
import { describe, expect, it } from "vitest";
import { parseDate } from "../src/core/time.js";
import { mustLoad, of, person, run } from "./helpers/project.js";

const places = {
  places: [{ id: "room" }, { id: "near" }, { id: "far" }, { id: "behind-door" }],
  connections: [
    { between: ["room", "near"], distance: 40, kind: "open" },
    { between: ["room", "far"], distance: 60, kind: "open" },
    { between: ["room", "behind-door"], distance: 40, kind: "door" },
  ],
};
const base = { world: "guardianship", start: "2026-01-01", ...places };
const rey = person("rey", "omega", { traits: ["orphaned"] });
const ben = person("ben", "alpha", { location: "near" });
const maz = person("maz", "beta", { roles: ["guardian"] });
const handler = person("handler", "beta");

describe("guardianship of omegas (GU-02, GU-03)", () => {
  it("an orphaned unmatched omega gets a beta guardian, who holds the role until she makes a match", () => {
    const schedule = [{ at: "+20d", type: "match", who: "ben", with: ["rey"] }];
    const project = mustLoad({ ...base, cast: [rey, ben, maz, person("kira", "omega")], schedule });
    const mid = run(project, "2026-01-10");
    expect(of(mid.log, "guardian-appointed").map((e) => e.people)).toEqual([["rey", "maz"]]);
    expect(mid.sim.guardian[0]).toBe(2);
    expect(mid.sim.guardian[3]).toBe(-1); // not orphaned: no guardian
    const after = run(project, "2026-02-01");
    expect(after.sim.guardian[0]).toBe(-1);
    const ended = of(after.log, "guardianship-ended", "rey");
    expect(ended.length).toBe(1);
    expect(ended[0].hour).toBe(parseDate("2026-01-21"));
  });

  it("a non-beta is never appointed; with no eligible beta in the cast, the court appoints one off-stage", () => {
    const { log, sim } = run(mustLoad({ ...base, cast: [rey, ben, person("leia", "alpha", { roles: ["guardian"] })] }), "2026-01-05");
    expect(of(log, "guardian-appointed")[0].people).toEqual(["rey"]);
    expect(sim.guardian[0]).toBe(-1);
  });
});

describe("courtship Visits (GU-05, GU-06)", () => {
  const visits = (n: number, chaperoned = true) =>
    Array.from({ length: n }, (_, k) => ({ at: `+${k + 1}w`, type: "visit", who: "ben", with: ["rey"], ...(chaperoned ? { chaperones: ["handler"] } : {}) }));

  it("a match after fewer than eight Visits is recorded as a departure from custom and warned about, not refused", () => {
    const schedule = [...visits(3), { at: "+5w", type: "match", who: "ben", with: ["rey"] }];
    const { log } = run(mustLoad({ ...base, cast: [rey, ben, maz, handler], schedule }), "2026-03-01");
    const departures = of(log, "custom-departure");
    expect(departures.length).toBe(1);
    expect(departures[0].severity).toBe("warning");
    expect(departures[0].data).toMatchObject({ visits: 3, required: 8 });
    expect(of(log, "matched").length).toBe(1);
    expect(log.filter((e) => e.severity === "error")).toEqual([]);
  });

  it("after eight chaperoned Visits a match departs from nothing", () => {
    const schedule = [...visits(8), { at: "+10w", type: "match", who: "ben", with: ["rey"] }];
    const { log } = run(mustLoad({ ...base, cast: [rey, ben, maz, handler], schedule }), "2026-04-01");
    expect(of(log, "visit").map((e) => e.data?.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(of(log, "custom-departure")).toEqual([]);
    expect(of(log, "matched").length).toBe(1);
  });

  it("a Visit without a beta chaperone is a departure from custom", () => {
    const { log } = run(mustLoad({ ...base, cast: [rey, ben, maz, handler], schedule: visits(1, false) }), "2026-02-01");
    expect(of(log, "custom-departure").length).toBe(1);
    expect(of(log, "visit").length).toBe(1);
  });

  it("a claiming bite before eight Visits is also warned about", () => {
    const schedule = [...visits(2), { at: "+3w", type: "bite", who: "ben", with: ["rey"], knot: true, blood: true }];
    const { log } = run(mustLoad({ ...base, cast: [rey, ben, maz, handler], schedule }), "2026-03-01");
    expect(of(log, "bond-formed").length).toBe(1);
    expect(of(log, "custom-departure").length).toBe(1);
  });
});

describe("scent range (GU-09)", () => {
  it("with no one masking: an alpha 48 ft away smells her, one 52 ft away does not (GU-09: about fifty feet, not beyond)", () => {
    const open = {
      places: [{ id: "home" }, { id: "at-48" }, { id: "at-52" }],
      connections: [
        { between: ["home", "at-48"], distance: 48, kind: "open" },
        { between: ["home", "at-52"], distance: 52, kind: "open" },
      ],
    };
    const cast = [person("rey", "omega", { location: "home" }), person("a48", "alpha", { location: "at-48" }), person("a52", "alpha", { location: "at-52" })];
    const { log } = run(mustLoad({ world: "guardianship", start: "2026-01-01", ...open, cast }), "2026-01-02");
    const smelt = of(log, "perceived").filter((e) => e.people[1] === "rey" && e.data?.tell === "signature");
    expect(smelt.map((e) => [e.people[0], e.data?.distance, e.data?.range])).toEqual([["a48", 48, 50]]);
    expect(smelt[0].causes).toContainEqual({ kind: "rule", id: "GU-09", path: "scent.ranges.alpha-smells-omega" });
  });

  it("an alpha smells an omega about fifty feet away, not beyond, and a door makes it farther", () => {
    const cast = [rey, person("near", "alpha", { location: "near" }), person("far", "alpha", { location: "far" }), person("door", "alpha", { location: "behind-door" }), person("bo", "beta", { location: "near" })];
    const { log } = run(mustLoad({ ...base, cast }), "2026-01-02");
    const smellers = of(log, "perceived").filter((e) => e.people[1] === "rey" && e.data?.tell === "signature").map((e) => e.people[0]);
    expect(smellers).toContain("near");
    expect(smellers).not.toContain("far");
    expect(smellers).not.toContain("door");
    expect(smellers).not.toContain("bo"); // a beta's range is the ordinary one, not fifty feet
  });
});

describe("the voice (GU-12)", () => {
  it("a non-resisting listener complies at once, and her alarm turns to calm", () => {
    const schedule = [
      { at: "+1d", type: "move", who: "ben", to: "room" },
      { at: "+2d", type: "tell", who: "rey", tell: "alarm" },
      { at: "+2d", type: "voice", who: "ben", with: ["rey"], command: "be still" },
    ];
    const { log } = run(mustLoad({ ...base, cast: [rey, ben], schedule }), "2026-01-05");
    const obeyed = of(log, "voice-obeyed", "rey");
    expect(obeyed.length).toBe(1);
    const calm = log.filter((e) => e.type === "tell" && e.data?.tell === "calm" && e.people[0] === "rey");
    expect(calm.length).toBe(1);
    expect(calm[0].causes).toContainEqual({ kind: "event", id: obeyed[0].id });
  });

  it("an alpha at least as strong resists", () => {
    const schedule = [{ at: "+1d", type: "voice", who: "ben", with: ["leia"], command: "sit" }];
    const { log } = run(mustLoad({ ...base, cast: [ben, person("leia", "alpha", { strength: 1.5 })], schedule }), "2026-01-05");
    expect(of(log, "voice-resisted").length).toBe(1);
    expect(of(log, "voice-obeyed")).toEqual([]);
  });
});

describe("bonds (GU-17, GU-20, GU-21)", () => {
  const bite = (extra: Record<string, unknown>) => [{ at: "+1d", type: "bite", who: "ben", with: ["rey"], ...extra }];

  it("a bond needs a knot and a bite on the neck gland that draws blood (GU-14, GU-17)", () => {
    for (const [how, bonds] of [
      [{ knot: true, blood: true }, true],
      [{ knot: false, blood: true }, false],
      [{ knot: true, blood: false }, false],
      [{ knot: true, blood: true, gland: false }, false],
    ] as const) {
      const { log, sim } = run(mustLoad({ ...base, cast: [rey, ben], schedule: bite(how) }), "2026-01-03");
      expect(of(log, "bond-formed").length, JSON.stringify(how)).toBe(bonds ? 1 : 0);
      expect(sim.mate[0] === 1).toBe(bonds);
      if (!bonds) expect(of(log, "bite-without-bond")[0].severity).toBe("warning");
    }
  });

  it("no heat within eight weeks of bonding makes the bond annullable; a heat in time does not", () => {
    let annulled = 0;
    let kept = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { log } = run(mustLoad({ ...base, cast: [rey, ben], schedule: bite({ knot: true, blood: true }) }), "2026-04-01", seed);
      const bonded = of(log, "bond-formed")[0].hour;
      const heatInTime = of(log, "heat-began", "rey").some((e) => e.hour >= bonded && e.hour <= bonded + 8 * 168);
      const annullable = of(log, "bond-annullable", "rey").length === 1;
      expect(annullable).toBe(!heatInTime);
      if (annullable) annulled++;
      else kept++;
    }
    expect(annulled).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  it("a suppressed bonded omega has no heat and the bond becomes annullable", () => {
    const schedule = [{ at: "+1h", type: "suppressants", who: "rey" }, ...bite({ knot: true, blood: true })];
    const { log } = run(mustLoad({ ...base, cast: [rey, ben], schedule }), "2026-04-01");
    expect(of(log, "bond-annullable", "rey").length).toBe(1);
  });

  it("heats become regular once bonded", () => {
    const schedule = bite({ knot: true, blood: true });
    const { log } = run(mustLoad({ ...base, cast: [rey, ben], schedule }), "2029-01-01", 3);
    const starts = of(log, "heat-began", "rey").map((e) => e.hour);
    const gaps = starts.slice(1).map((h, i) => (h - starts[i]) / 168);
    expect(gaps.length).toBeGreaterThan(6);
    for (const g of gaps.slice(1)) {
      expect(g).toBeGreaterThanOrEqual(11);
      expect(g).toBeLessThanOrEqual(13.1);
    }
  });
});

describe("presentation (GU-01)", () => {
  it("a young person presents between 12 and 16 and only then has a designation", () => {
    const kid = { id: "kid", name: "Kid", born: "2014-01-01", location: "room" };
    const { log, sim } = run(mustLoad({ ...base, cast: [kid] }), "2031-01-01", 2);
    const p = of(log, "presentation", "kid");
    expect(p.length).toBe(1);
    const age = (p[0].hour - parseDate("2014-01-01")!) / 8766;
    expect(age).toBeGreaterThanOrEqual(12);
    expect(age).toBeLessThanOrEqual(16);
    expect(["alpha", "beta", "omega"]).toContain(sim.designationOf(0));
    expect(log.filter((e) => e.people[0] === "kid" && /heat|rut/.test(e.type) && e.hour < p[0].hour)).toEqual([]);
  });
});

describe("scent (GU-10, GU-11, GU-15, GU-23)", () => {
  it("each person's scent is their own: perceiving it names its notes (GU-10)", () => {
    const cast = [person("rey", "omega", { scent: ["almond", "citrus"] }), person("ben", "alpha", { location: "room" })];
    const { log } = run(mustLoad({ ...base, cast }), "2026-01-02");
    const smelled = of(log, "perceived").find((e) => e.people[0] === "ben" && e.people[1] === "rey")!;
    expect(smelled.text).toContain("almond, citrus");
  });

  it("emotions show in scent and others read them within the tell's range (GU-11)", () => {
    const cast = [rey, person("ben", "alpha", { location: "room" }), person("leia", "alpha", { location: "near" })];
    const { log } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "tell", who: "rey", tell: "alarm" }] }), "2026-01-03");
    const alarm = of(log, "perceived").filter((e) => e.data?.tell === "alarm").map((e) => e.people[0]);
    expect(alarm).toEqual(["ben"]); // alarm carries 30 ft: Leia, 40 ft away, does not smell it
  });

  it("scent passes by contact and stays on the other person for days, not weeks (GU-15)", () => {
    const cast = [rey, person("ben", "alpha", { location: "room" }), person("leia", "alpha", { location: "room" })];
    const schedule = [
      { at: "+1d", type: "contact", who: "ben", with: ["rey"] },
      { at: "+2d", type: "move", who: "leia", to: "near" },
      { at: "+2d", type: "move", who: "leia", to: "room" },
    ];
    const project = mustLoad({ ...base, cast, schedule });
    const { sim } = run(project, "2026-01-03");
    expect(sim.scent.reveals(0)).toContain("carries Ben's scent");
    const later = run(project, "2026-01-20").sim;
    expect(later.scent.reveals(0)).not.toContain("carries Ben's scent");
  });

  it("an omega's scent grows louder before heat: pre-heat carries farther than an ordinary scent (GU-23)", () => {
    const r = run(mustLoad({ ...base, cast: [rey, person("bo", "beta", { location: "near" })] }), "2027-01-01", 2);
    const heard = of(r.log, "perceived").filter((e) => e.people[0] === "bo");
    expect(heard.some((e) => e.data?.tell === "heat-early")).toBe(true);
    expect(heard.some((e) => e.data?.tell === "signature")).toBe(false);
  });
});
