/** The first-order preset (seed text 000) against its testable facts. */
import { describe, expect, it } from "vitest";
import { mustLoad, of, person, projectFrom, run } from "./helpers/project.js";
import { preset } from "./helpers/world.js";

const place = { places: [{ id: "room" }, { id: "far" }], connections: [{ between: ["room", "far"], distance: 500, kind: "door" }] };
const base = { world: "first-order", start: "2026-01-01", ...place };

function heatStarts(log: ReturnType<typeof run>["log"], who: string): number[] {
  return of(log, "heat-began", who).map((e) => e.hour);
}

function intervalsDays(hours: number[]): number[] {
  return hours.slice(1).map((h, i) => (h - hours[i]) / 24);
}

describe("first-order heats (FO-07, FO-08, FO-09)", () => {
  const kylo = person("kylo", "omega", { traits: ["force-user"] });

  it("an unsuppressed omega alone has one or two heats a year", () => {
    for (const seed of [1, 2, 3]) {
      const { log } = run(mustLoad({ ...base, cast: [kylo] }), "2036-01-01", seed);
      const perYear = heatStarts(log, "kylo").length / 10;
      expect(perYear).toBeGreaterThanOrEqual(1);
      expect(perYear).toBeLessThanOrEqual(2.2);
    }
  });

  it("with a steady non-alpha partner, heats come about every two months instead", () => {
    const phasma = person("phasma", undefined, { species: "dynamic-species", alignment: "dominant" });
    const project = mustLoad({ ...base, cast: [kylo, phasma], relations: [{ kind: "partner", a: "kylo", b: "phasma" }] });
    const { log } = run(project, "2030-01-01", 4);
    const gaps = intervalsDays(heatStarts(log, "kylo"));
    expect(gaps.length).toBeGreaterThan(15);
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(49);
      expect(g).toBeLessThanOrEqual(64);
    }
  });

  it("a heat lasts about three days, and a non-alpha partner does not end it early", () => {
    const phasma = person("phasma", undefined, { species: "dynamic-species", alignment: "dominant" });
    for (const cast of [[kylo], [kylo, phasma]]) {
      const relations = cast.length > 1 ? [{ kind: "partner", a: "kylo", b: "phasma" }] : [];
      const { log } = run(mustLoad({ ...base, cast, relations }), "2030-01-01", 9);
      const ends = of(log, "heat-ended", "kylo");
      expect(ends.length).toBeGreaterThan(2);
      for (const e of ends) {
        expect(e.data?.length).toBe(72);
        expect(e.data?.resolved).toBe(false);
      }
    }
  });

  it("signs precede a heat by a day or less (FO-12)", () => {
    const { log } = run(mustLoad({ ...base, cast: [kylo] }), "2031-01-01", 2);
    const pre = of(log, "pre-heat-began", "kylo").map((e) => e.hour);
    const heats = heatStarts(log, "kylo");
    expect(pre.length).toBe(heats.length);
    pre.forEach((h, i) => {
      expect(heats[i] - h).toBeGreaterThanOrEqual(6);
      expect(heats[i] - h).toBeLessThanOrEqual(24);
    });
  });

  it("FO-12 is timing only: the signs before a heat give off no scent of their own, since the text never says they are smelled", () => {
    const hux = person("hux", "alpha", { traits: ["exempt-suppressants"] });
    const { log } = run(mustLoad({ ...base, cast: [kylo, hux] }), "2028-01-01", 2);
    expect(of(log, "pre-heat-began", "kylo").length).toBeGreaterThan(0);
    expect(of(log, "perceived", "hux").filter((e) => e.data?.tell === "heat").length).toBeGreaterThan(0);
    expect(of(log, "perceived").filter((e) => e.data?.tell === "heat-early")).toEqual([]);
    expect(log.some((e) => e.type === "perceived" && e.causes.some((c) => c.kind === "rule" && c.id === "FO-12"))).toBe(false);
  });

  it("what it keeps that text 000 does not give (when designation presents, how far a heat carries) is said in canon.assumed, not passed off as an open question", () => {
    const spec = preset("first-order").spec;
    expect(Object.keys(spec.canon!.assumed!)).toEqual(expect.arrayContaining(["presentation", "scent.tells.heat"]));
    expect(spec.presentation.question).toBeUndefined();
    expect(spec.scent.tells.heat.question).toBeUndefined();
  });

  it("an alpha partner resolves the heat (FO-13); the three options are alone, an alpha, or suppression (FO-10)", () => {
    const hux = person("hux", "alpha", { traits: ["exempt-suppressants"] });
    const { log } = run(mustLoad({ ...base, cast: [kylo, hux], relations: [{ kind: "partner", a: "kylo", b: "hux" }] }), "2030-01-01", 3);
    const ends = of(log, "heat-ended", "kylo");
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((e) => e.data?.resolved === true)).toBe(true);
  });
});

describe("a heat alone is dangerous (FO-11)", () => {
  it("injuries happen to an omega alone, never with an alpha partner", () => {
    const kylo = person("kylo", "omega", { traits: ["force-user"] });
    const alone = run(mustLoad({ ...base, cast: [kylo] }), "2046-01-01", 5).log;
    const injuries = of(alone, "injury", "kylo");
    const heats = heatStarts(alone, "kylo").length;
    expect(injuries.length).toBeGreaterThan(0);
    expect(injuries.length).toBeLessThan(heats);
    expect(injuries.every((e) => e.causes.some((c) => c.kind === "rule" && c.id === "FO-11"))).toBe(true);
    const hux = person("hux", "alpha", { traits: ["exempt-suppressants"] });
    const paired = run(mustLoad({ ...base, cast: [kylo, hux], relations: [{ kind: "partner", a: "kylo", b: "hux" }] }), "2046-01-01", 5).log;
    expect(of(paired, "injury")).toEqual([]);
  });
});

describe("axes (FO-01, FO-02)", () => {
  it("a species without the secondary-sex axis never has a designation or a heat", () => {
    const phasma = person("phasma", undefined, { species: "dynamic-species", alignment: "dominant" });
    const { sim, log } = run(mustLoad({ ...base, cast: [phasma] }), "2036-01-01", 1);
    expect(sim.designationOf(0)).toBe("");
    expect(log.filter((e) => /heat|rut|presentation/.test(e.type))).toEqual([]);
  });

  it("giving such a person a designation is a load error", () => {
    const r = projectFrom({ ...base, cast: [person("phasma", "omega", { species: "dynamic-species" })] });
    expect(r.project).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toContain("designation-without-axis");
  });

  it("a person may have both axes", () => {
    const r = projectFrom({ ...base, cast: [person("kylo", "omega", { alignment: "submissive" })] });
    expect(r.diagnostics).toEqual([]);
  });
});

describe("suppressants (FO-04, FO-05, FO-16, FO-17, FO-18)", () => {
  it("members with a secondary sex are required to take suppressants unless exempted (a Force user may refuse)", () => {
    const cast = [
      person("hux", "alpha"),
      person("mitaka", "omega"),
      person("kylo", "omega", { traits: ["force-user"] }),
      person("rose", "beta", { traits: ["exempt-suppressants"] }),
      person("phasma", undefined, { species: "dynamic-species" }),
    ];
    const { sim, log } = run(mustLoad({ ...base, cast }), "2027-01-01", 1);
    expect(of(log, "suppressants-mandated").map((e) => e.people[0]).sort()).toEqual(["hux", "mitaka"]);
    expect([...sim.suppressed]).toEqual([1, 1, 0, 0, 0]);
    expect(heatStarts(log, "mitaka")).toEqual([]);
    expect(heatStarts(log, "kylo").length).toBeGreaterThan(0);
  });

  it("FO-05 is a claim about Force users, who may refuse the mandate: it is no side effect of those who take suppressants", () => {
    const cast = [person("hux", "alpha"), person("kylo", "omega", { traits: ["force-user"] })];
    const { log } = run(mustLoad({ ...base, cast }), "2026-02-01", 1);
    expect(of(log, "suppressants-mandated").map((e) => e.people[0])).toEqual(["hux"]);
    expect(of(log, "suppressant-side-effects")).toEqual([]);
  });

  it("the mandate reaches someone who presents during the story", () => {
    const young = { id: "cadet", name: "Cadet", born: "2012-06-01", location: "room" };
    const { log } = run(mustLoad({ ...base, world: "first-order", cast: [young] }), "2031-01-01", 4);
    const presented = of(log, "presentation", "cadet");
    expect(presented.length).toBe(1);
    const mandated = of(log, "suppressants-mandated", "cadet");
    expect(mandated.length).toBe(1);
    expect(mandated[0].hour).toBe(presented[0].hour);
  });

  it("an alpha on suppressants smells sterile: others do not perceive the signature", () => {
    const cast = [person("hux", "alpha"), person("kylo", "omega", { traits: ["force-user"] })];
    const { log } = run(mustLoad({ ...base, cast }), "2026-02-01", 1);
    const smelled = of(log, "perceived").filter((e) => e.people[1] === "hux" && e.data?.tell === "signature");
    expect(smelled).toEqual([]);
    const unsuppressed = run(mustLoad({ ...base, cast: [person("hux", "alpha", { traits: ["exempt-suppressants"] }), cast[1]] }), "2026-02-01", 1).log;
    expect(of(unsuppressed, "perceived").some((e) => e.people[1] === "hux" && e.data?.tell === "signature")).toBe(true);
  });

  it("a suppressed heat occasionally breaks through as a lingering scent, not every time", () => {
    const { log } = run(mustLoad({ ...base, cast: [person("mitaka", "omega")] }), "2056-01-01", 8);
    const skipped = of(log, "heat-skipped", "mitaka").length;
    const through = of(log, "breakthrough", "mitaka").length;
    expect(skipped).toBeGreaterThan(20);
    expect(through).toBeGreaterThan(0);
    expect(through).toBeLessThan(skipped / 2);
  });
});

describe("the claiming mark (FO-14)", () => {
  it("an alpha's bite on the omega lump bonds; a non-alpha's bite does not", () => {
    const cast = [person("kylo", "omega", { traits: ["force-user"] }), person("hux", "alpha", { traits: ["exempt-suppressants"] }), person("phasma", undefined, { species: "dynamic-species" })];
    const byAlpha = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "bite", who: "hux", with: ["kylo"] }] }), "2026-01-05");
    expect(of(byAlpha.log, "bond-formed").length).toBe(1);
    expect(byAlpha.sim.mate[0]).toBe(1);
    const byOther = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "bite", who: "phasma", with: ["kylo"] }] }), "2026-01-05");
    expect(of(byOther.log, "bond-formed")).toEqual([]);
    expect(byOther.sim.mate[0]).toBe(-1);
  });
});
