/**
 * The daxam preset (seed text 002) against its testable facts 1–20.
 *
 * The palace used below, with effective distances from the bedroom (length / share let through;
 * a door lets 0.3 through, an open connection all of it):
 *   bedroom —door 10 ft→ corridor (33 ft) —open 150 ft→ hall (183 ft) —door 300 ft→ barracks (1183 ft)
 *   bedroom —open 5 ft→ alcove (5 ft)
 *   hall —open 20 ft→ gallery (203 ft), where mated alphas wait: others keep away from a bonded
 *   alpha's own rut, so she is given a place to herself.
 *   outside: not connected to anything, so no scent passes to or from it.
 */
import { describe, expect, it } from "vitest";
import { birthdayHour, parseDate } from "../src/core/time.js";
import type { SimEvent } from "../src/sim/event.js";
import { loadExample, mustLoad, of, person, projectFrom, run } from "./helpers/project.js";

type Log = SimEvent[];

const palace = {
  places: [{ id: "bedroom" }, { id: "alcove" }, { id: "corridor" }, { id: "hall" }, { id: "gallery" }, { id: "barracks" }, { id: "outside" }],
  connections: [
    { between: ["bedroom", "corridor"], distance: "10ft", kind: "door" },
    { between: ["bedroom", "alcove"], distance: "5ft", kind: "open" },
    { between: ["corridor", "hall"], distance: "150ft", kind: "open" },
    { between: ["hall", "gallery"], distance: "20ft", kind: "open" },
    { between: ["hall", "barracks"], distance: "300ft", kind: "door" },
  ],
};
const START = "2026-01-01";
const START_HOUR = parseDate(START)!;
const base = { world: "daxam", start: START, ...palace };

const alpha = (id: string, location: string, extra: Record<string, unknown> = {}) => person(id, "alpha", { location, ...extra });
const omega = (id: string, location: string, extra: Record<string, unknown> = {}) => person(id, "omega", { location, ...extra });
const beta = (id: string, location: string, extra: Record<string, unknown> = {}) => person(id, "beta", { location, ...extra });

/** A relative moment for the schedule, from an absolute hour. */
const atHour = (hour: number) => `+${hour - START_HOUR}h`;

const hours = (log: Log, type: string, who: string) => of(log, type, who).map((e) => e.hour);

/** The next hour in a sorted list strictly after h (or undefined). */
const nextAfter = (list: number[], h: number) => list.find((x) => x > h);

/** Perceptions of a tell, as [perceiver, target] events. */
const perceptions = (log: Log, tell: string, perceiver?: string, target?: string) =>
  of(log, "perceived").filter((e) => e.data?.tell === tell && (perceiver === undefined || e.people[0] === perceiver) && (target === undefined || e.people[1] === target));

/** The responses (drawn, avoids, noticed) of a perceiver to a target, in order. */
const responses = (log: Log, perceiver: string, target: string) =>
  log.filter((e) => ["drawn", "avoids", "noticed"].includes(e.type) && e.people[0] === perceiver && e.people[1] === target);

/** One rut from start to end: its pre-rut (if it had one), the full rut, and its end. */
interface RutEpisode {
  pre?: number;
  began?: number;
  ended?: number;
}

function rutEpisodes(log: Log, who: string): RutEpisode[] {
  const out: RutEpisode[] = [];
  let cur: RutEpisode | undefined;
  for (const e of log) {
    if (e.people[0] !== who) continue;
    if (e.type === "pre-rut-began") out.push((cur = { pre: e.hour }));
    else if (e.type === "rut-began") {
      if (!cur || cur.began !== undefined) out.push((cur = {}));
      cur.began = e.hour;
    } else if (e.type === "rut-ended" && cur) {
      cur.ended = e.hour;
      cur = undefined;
    }
  }
  return out;
}

const BONDED = /\bbonded\b/;
const UNBONDED = /\bunbonded\b/;

describe("rut length by partner (facts 1, 2, 20: DX-18, DX-19, DX-111)", () => {
  const ruts = (partner: Record<string, unknown> | undefined, seed: number, until = "2028-01-01") => {
    const cast = [alpha("kara", "bedroom"), ...(partner ? [partner] : [])];
    const relations = partner ? [{ kind: "partner", a: "kara", b: partner.id }] : [];
    return run(mustLoad({ ...base, cast, relations }), until, seed).log;
  };

  it("with an omega partner every rut lasts three days and is resolved (fact 1)", () => {
    for (const seed of [1, 2, 3]) {
      const ends = of(ruts(omega("lena", "bedroom"), seed), "rut-ended", "kara");
      expect(ends.length).toBeGreaterThanOrEqual(6);
      for (const e of ends) {
        expect(e.data?.length).toBe(72);
        expect(e.data?.resolved).toBe(true);
      }
    }
  });

  it("with only a beta partner the rut is unresolved and lasts 10 to 11 days (fact 2)", () => {
    for (const seed of [1, 2, 3]) {
      const ends = of(ruts(beta("kelly", "bedroom"), seed, "2027-01-01"), "rut-ended", "kara");
      expect(ends.length).toBeGreaterThanOrEqual(5);
      for (const e of ends) {
        expect(e.data?.length).toBeGreaterThanOrEqual(240);
        expect(e.data?.length).toBeLessThanOrEqual(264);
        expect(e.data?.resolved).toBe(false);
      }
    }
  });

  it("alone the rut is unresolved and longer than three days: 5 to 7 days (fact 2; open question 4)", () => {
    for (const seed of [1, 2, 3]) {
      const ends = of(ruts(undefined, seed), "rut-ended", "kara");
      expect(ends.length).toBeGreaterThanOrEqual(6);
      for (const e of ends) {
        expect(e.data?.length).toBeGreaterThan(72);
        expect(e.data?.length).toBeGreaterThanOrEqual(120);
        expect(e.data?.length).toBeLessThanOrEqual(168);
        expect(e.data?.resolved).toBe(false);
      }
    }
  });

  it("a beta partner on the pheromone pill makes the rut behave as with an omega: three days, resolved (fact 20)", () => {
    for (const seed of [1, 2, 3]) {
      const log = ruts(beta("kelly", "bedroom", { traits: ["pheromone-pill"] }), seed);
      const ends = of(log, "rut-ended", "kara");
      expect(ends.length).toBeGreaterThanOrEqual(6);
      for (const e of ends) {
        expect(e.data?.length).toBe(72);
        expect(e.data?.resolved).toBe(true);
      }
      // Resolved ruts come back after the ordinary period (11 to 14 weeks), not three days later.
      const starts = hours(log, "pre-rut-began", "kara");
      for (let k = 1; k < starts.length; k++) expect(starts[k] - starts[k - 1]).toBeGreaterThanOrEqual(11 * 168 - 5 * 24);
    }
  });
});

describe("an unresolved rut returns early; an omega partner ends it (fact 3: DX-20, DX-22)", () => {
  it("after a rut with only a beta partner, the next rut begins about three days after the end", () => {
    for (const seed of [1, 2, 3]) {
      const cast = [alpha("alex", "bedroom"), beta("kelly", "bedroom")];
      const { log } = run(mustLoad({ ...base, cast, relations: [{ kind: "partner", a: "alex", b: "kelly" }] }), "2026-12-01", seed);
      const ends = of(log, "rut-ended", "alex");
      const began = hours(log, "rut-began", "alex");
      const preBegan = hours(log, "pre-rut-began", "alex");
      let checked = 0;
      for (const end of ends) {
        const next = nextAfter(began, end.hour);
        if (next === undefined) continue;
        checked++;
        // Nothing of the next rut starts before the previous one has ended…
        expect(nextAfter(preBegan, end.hour - 1) ?? Infinity).toBeGreaterThanOrEqual(end.hour);
        // …and the rut is back about three days later.
        expect(next - end.hour).toBeGreaterThanOrEqual(48);
        expect(next - end.hour).toBeLessThanOrEqual(96);
      }
      expect(checked).toBeGreaterThanOrEqual(4);
    }
  });

  it("an alone rut (no returnAfter) comes back only after the ordinary period", () => {
    const { log } = run(mustLoad({ ...base, cast: [alpha("alex", "outside")] }), "2028-01-01", 2);
    const ends = hours(log, "rut-ended", "alex");
    const preBegan = hours(log, "pre-rut-began", "alex");
    expect(ends.length).toBeGreaterThanOrEqual(6);
    for (const end of ends) {
      const next = nextAfter(preBegan, end);
      if (next !== undefined) expect(next - end).toBeGreaterThanOrEqual(11 * 168 - 7 * 24);
    }
  });

  it("taking an omega partner mid-way through a long unresolved rut ends it at once, resolved, and it does not return early", () => {
    const cast = [alpha("alex", "bedroom"), beta("kelly", "bedroom"), omega("nia", "outside")];
    const relations = [{ kind: "partner", a: "alex", b: "kelly" }];
    const first = run(mustLoad({ ...base, cast, relations }), "2026-07-01", 4).log;
    const rutBegan = hours(first, "rut-began", "alex")[0];
    expect(rutBegan).toBeDefined();
    // Without the omega this rut runs 10 to 11 days, unresolved.
    const firstEnd = of(first, "rut-ended", "alex")[0];
    expect(firstEnd.data?.length).toBeGreaterThanOrEqual(240);
    expect(firstEnd.data?.resolved).toBe(false);

    const knotAt = rutBegan + 5 * 24;
    const schedule = [
      { at: atHour(knotAt), type: "move", who: "nia", to: "bedroom" },
      { at: atHour(knotAt), type: "partner", who: "alex", with: ["nia"] },
    ];
    const { log } = run(mustLoad({ ...base, cast, relations, schedule }), "2026-12-01", 4);
    expect(hours(log, "rut-began", "alex")[0]).toBe(rutBegan);
    const end = of(log, "rut-ended", "alex")[0];
    expect(end.hour).toBe(knotAt);
    expect(end.data?.resolved).toBe(true);
    expect(end.data?.length).toBe(120);
    // Satisfied: the next rut follows the ordinary period from the start of this one.
    const next = nextAfter(hours(log, "pre-rut-began", "alex"), end.hour);
    if (next !== undefined) expect(next - rutBegan).toBeGreaterThanOrEqual(11 * 168);
    expect(nextAfter(hours(log, "rut-began", "alex"), end.hour) ?? Infinity).toBeGreaterThan(end.hour + 10 * 24);
  });
});

describe("age (fact 4: DX-11, DX-12, DX-13; open question 15)", () => {
  const nineteen = { id: "lena", name: "Lena", born: "2006-06-01", designation: "omega", location: "bedroom" };

  it("a claiming bite involving a 19-year-old is refused at load: daxam's age of majority is 20", () => {
    for (const [who, withWhom] of [["kara", "lena"], ["lena", "kara"]]) {
      const r = projectFrom({ ...base, cast: [alpha("kara", "bedroom"), nineteen], schedule: [{ at: "+1d", type: "bite", who, with: [withWhom] }] });
      expect(r.project).toBeUndefined();
      const d = r.diagnostics.find((x) => x.code === "under-age");
      expect(d).toBeDefined();
      expect(d!.message).toContain("Lena is 19");
      expect(d!.message).toContain("(20)");
    }
  });

  it("a heat partnership or bond with a 19-year-old is refused too; the same bite after the 20th birthday is accepted", () => {
    for (const kind of ["partner", "bond"]) {
      const r = projectFrom({ ...base, cast: [alpha("kara", "bedroom"), nineteen], relations: [{ kind, a: "kara", b: "lena" }] });
      expect(r.diagnostics.map((x) => x.code)).toContain("under-age");
    }
    const adult = projectFrom({ ...base, cast: [alpha("kara", "bedroom"), nineteen], schedule: [{ at: "2026-06-02", type: "bite", who: "kara", with: ["lena"] }] });
    expect(adult.diagnostics).toEqual([]);
  });

  it("the simulator refuses such a bite again if it reaches it before the 20th birthday", () => {
    const project = mustLoad({ ...base, cast: [alpha("kara", "bedroom"), nineteen], schedule: [{ at: "2026-06-02", type: "bite", who: "kara", with: ["lena"], knot: true }] });
    project.schedule[0].hour = parseDate("2026-02-01")!;
    const { log } = run(project, "2026-03-01");
    expect(of(log, "bond-formed")).toEqual([]);
    const refused = of(log, "refused", "lena");
    expect(refused.length).toBe(1);
    expect(refused[0].severity).toBe("error");
    expect(refused[0].data?.code).toBe("under-age");
  });

  it("the first rut and the first heat never come before the 20th birthday, and come before the 21st", () => {
    // Six alphas and six omegas, all 19 at the start, turn 20 during the run.
    const born = "2006-03-01";
    const ids = [...Array.from({ length: 6 }, (_, k) => `a${k}`), ...Array.from({ length: 6 }, (_, k) => `o${k}`)];
    const cast = ids.map((id) => ({ id, name: id.toUpperCase(), born, designation: id[0] === "a" ? "alpha" : "omega", location: "outside" }));
    const twenty = birthdayHour(parseDate(born)!, 20);
    // A year in the world file is 365.25 days, so "21y" may fall a few hours after the birthday.
    const twentyOne = birthdayHour(parseDate(born)!, 21) + 24;
    for (const seed of [1, 2, 3]) {
      const { log } = run(mustLoad({ ...base, start: "2025-04-01", cast }), "2027-06-01", seed);
      const cycleEvents = log.filter((e) => /^(pre-rut|rut|prodrome|heat)-/.test(e.type));
      for (const who of ids) {
        const mine = cycleEvents.filter((e) => e.people[0] === who);
        expect(mine.length).toBeGreaterThan(0);
        expect(mine[0].type).toBe(who[0] === "a" ? "pre-rut-began" : "prodrome-began");
        for (const e of mine) expect(e.hour, `${who} ${e.type}`).toBeGreaterThanOrEqual(twenty);
        expect(mine[0].hour).toBeLessThan(twentyOne);
      }
    }
  });
});

describe("pre-rut (fact 5: DX-14, DX-25)", () => {
  it("alone, a pre-rut of two to five days comes before every full rut", () => {
    for (const seed of [1, 2, 3]) {
      const { log } = run(mustLoad({ ...base, cast: [alpha("kara", "outside")] }), "2028-01-01", seed);
      const ruts = rutEpisodes(log, "kara").filter((r) => r.began !== undefined);
      expect(ruts.length).toBeGreaterThanOrEqual(6);
      for (const r of ruts) {
        expect(r.pre).toBeDefined();
        expect(r.began! - r.pre!).toBeGreaterThanOrEqual(48);
        expect(r.began! - r.pre!).toBeLessThanOrEqual(120);
      }
    }
  });

  it("a bonded omega's full heat turns her alpha's pre-rut into full rut at once", () => {
    for (const seed of [1, 2, 3]) {
      const cast = [alpha("kara", "bedroom"), omega("lena", "bedroom")];
      const { log } = run(mustLoad({ ...base, cast, relations: [{ kind: "bond", a: "kara", b: "lena", since: "2025-06-01" }] }), "2027-07-01", seed);
      const heats = hours(log, "heat-began", "lena");
      const ruts = rutEpisodes(log, "kara").filter((r) => r.began !== undefined);
      expect(heats.length).toBeGreaterThanOrEqual(4);
      expect(ruts.map((r) => r.began)).toEqual(heats);
      // The pre-rut was cut short: the prodrome takes 12 to 24 hours, a pre-rut alone at least 48.
      for (const r of ruts) {
        expect(r.pre).toBeDefined();
        expect(r.began! - r.pre!).toBeLessThanOrEqual(24);
        const trigger = of(log, "rut-began", "kara").find((e) => e.hour === r.began)!;
        expect(trigger.causes.some((c) => c.kind === "rule" && c.id === "DX-25")).toBe(true);
      }
    }
  });

  it("an unbonded omega's full heat across the palace does the same to an alpha in pre-rut", () => {
    // Twelve alphas wait outside the palace, where no scent reaches. A first run finds one whose
    // pre-rut overlaps the omega's first day of full heat; the second run brings her into the hall
    // an hour into that heat. Nothing before the move differs between the two runs.
    const alphas = Array.from({ length: 12 }, (_, k) => alpha(`a${k}`, "outside"));
    const cast = [omega("lena", "bedroom"), ...alphas];
    const first = run(mustLoad({ ...base, cast }), "2028-01-01", 5).log;
    let found: { who: string; pre: number; began: number; at: number } | undefined;
    for (const h of hours(first, "heat-began", "lena")) {
      for (const a of alphas) {
        const r = rutEpisodes(first, a.id).find((x) => x.pre !== undefined && x.pre <= h && x.began !== undefined && x.began > h + 1);
        if (r && !found) found = { who: a.id, pre: r.pre!, began: r.began!, at: h + 1 };
      }
    }
    expect(found, "an alpha in pre-rut during a heat").toBeDefined();
    const { who, pre, began, at } = found!;
    expect(began - pre).toBeGreaterThanOrEqual(48); // undisturbed, the pre-rut runs its course

    const schedule = [{ at: atHour(at), type: "move", who, to: "hall" }];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2028-01-01", 5);
    expect(perceptions(log, "heat", who, "lena").map((e) => [e.hour, e.data?.distance])[0]).toEqual([at, 183]);
    const r = rutEpisodes(log, who).find((x) => x.pre === pre)!;
    expect(r.began).toBe(at);
    const trigger = of(log, "rut-began", who).find((e) => e.hour === at)!;
    expect(trigger.causes.some((c) => c.kind === "rule" && c.id === "DX-25")).toBe(true);
  });

  it("the early heat prodrome does not cut a pre-rut short", () => {
    // Only full heat (intensity 0.9 or more) advances a pre-rut: a bonded alpha kept apart from her
    // omega goes through her whole pre-rut although their cycles start together.
    for (const seed of [1, 2]) {
      const cast = [alpha("kara", "outside"), omega("lena", "bedroom")];
      const { log } = run(mustLoad({ ...base, cast, relations: [{ kind: "bond", a: "kara", b: "lena", since: "2025-06-01" }] }), "2027-01-01", seed);
      const ruts = rutEpisodes(log, "kara").filter((r) => r.began !== undefined);
      expect(ruts.length).toBeGreaterThanOrEqual(3);
      for (const r of ruts) expect(r.began! - r.pre!).toBeGreaterThanOrEqual(48);
    }
  });
});

describe("heat (fact 6: DX-30, DX-34)", () => {
  it("the prodrome turns into full heat within a day; the heat lasts three days and wanes after the first day", () => {
    for (const seed of [1, 2, 3]) {
      const { log } = run(mustLoad({ ...base, cast: [omega("lena", "bedroom")] }), "2027-07-01", seed);
      const pro = hours(log, "prodrome-began", "lena");
      const heat = of(log, "heat-began", "lena");
      expect(heat.length).toBeGreaterThanOrEqual(5);
      heat.forEach((e, k) => {
        expect(e.hour - pro[k]).toBeGreaterThanOrEqual(12);
        expect(e.hour - pro[k]).toBeLessThanOrEqual(24);
        const waning = of(log, "heat-phase", "lena").find((p) => p.hour > e.hour && p.data?.phase === "waning");
        expect(waning?.hour).toBe(e.hour + 24);
      });
      const ends = of(log, "heat-ended", "lena");
      for (const e of ends) {
        expect(e.data?.length).toBe(72);
        expect(e.data?.resolved).toBe(false); // alone
      }
    }
  });

  it("with an alpha partner the heat also lasts three days, and is resolved", () => {
    const cast = [omega("lena", "bedroom"), alpha("kara", "bedroom")];
    const { log } = run(mustLoad({ ...base, cast, relations: [{ kind: "partner", a: "kara", b: "lena" }] }), "2027-07-01", 5);
    const ends = of(log, "heat-ended", "lena");
    expect(ends.length).toBeGreaterThanOrEqual(5);
    for (const e of ends) {
      expect(e.data?.length).toBe(72);
      expect(e.data?.resolved).toBe(true);
    }
  });

  it("on the second day the heat carries less far than on the first", () => {
    const cast = [omega("lena", "bedroom"), alpha("early", "outside"), alpha("late", "outside")];
    const first = run(mustLoad({ ...base, cast }), "2026-06-01", 7).log;
    const h = hours(first, "heat-began", "lena")[0];
    expect(h).toBeDefined();
    const schedule = [
      { at: atHour(h + 2), type: "move", who: "early", to: "hall" },
      { at: atHour(h + 30), type: "move", who: "late", to: "hall" },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-06-01", 7);
    const early = perceptions(log, "heat", "early", "lena");
    const late = perceptions(log, "heat", "late", "lena");
    expect(early.length).toBe(1);
    expect(late.length).toBe(1);
    expect(early[0].hour).toBe(h + 2);
    expect(late[0].hour).toBe(h + 30);
    expect(early[0].data?.range).toBe(2000);
    expect(late[0].data?.range).toBe(1200);
  });
});

describe("an unbonded omega's heat fills the palace (fact 7: DX-32, DX-33)", () => {
  const heatCast = (extra: ReturnType<typeof person>[] = []) => [
    omega("lena", "bedroom"),
    alpha("near", "corridor"),
    alpha("mid", "hall"),
    alpha("far", "barracks"),
    alpha("mated", "gallery"),
    omega("consort", "outside"),
    beta("steward", "hall"),
    ...extra,
  ];
  const relations = [{ kind: "bond", a: "mated", b: "consort", since: "2020-01-01" }];

  it("unmated alphas anywhere in the palace smell it and are drawn to the door; mated alphas and betas only take note", () => {
    for (const seed of [1, 2, 3]) {
      const { log, sim } = run(mustLoad({ ...base, cast: heatCast(), relations }), "2026-05-01", seed);
      const h = hours(log, "heat-began", "lena")[0];
      expect(h).toBeDefined();
      const seen = new Map(perceptions(log, "heat", undefined, "lena").filter((e) => e.hour === h).map((e) => [e.people[0], e]));
      expect(seen.get("near")?.data?.distance).toBe(33);
      expect(seen.get("mid")?.data?.distance).toBe(183);
      expect(seen.get("far")?.data?.distance).toBe(1183);
      expect(seen.get("mated")?.data?.distance).toBe(203);
      for (const who of ["near", "mid", "far"]) expect(responses(log, who, "lena")[0]?.type).toBe("drawn");
      // Drawn alphas gather at the bedroom door.
      expect(of(log, "moved", "mid").some((e) => e.hour === h)).toBe(true);
      expect(of(log, "moved", "far").some((e) => e.hour === h)).toBe(true);
      expect(sim.location[sim.ids.indexOf("far")]).toBe(sim.places.indexOf("corridor"));
      for (const who of ["mated", "steward"]) {
        expect(seen.has(who)).toBe(true);
        expect(responses(log, who, "lena").filter((e) => e.hour === h).map((e) => e.type)).toEqual(["noticed"]);
        expect(responses(log, who, "lena").every((e) => e.type === "noticed")).toBe(true);
        expect(of(log, "moved", who)).toEqual([]);
      }
    }
  });

  it("betas standing outside the room reduce the heat's reach but never remove it", () => {
    const rangeAtHall = (betas: number) => {
      const extra = Array.from({ length: betas }, (_, k) => beta(`masker${k}`, "corridor"));
      const { log } = run(mustLoad({ ...base, cast: heatCast(extra), relations }), "2026-05-01", 1);
      const h = hours(log, "heat-began", "lena")[0];
      const at = (who: string) => perceptions(log, "heat", who, "lena").find((e) => e.hour === h);
      return { mid: at("mid"), far: at("far"), near: at("near") };
    };
    const none = rangeAtHall(0);
    expect(none.mid?.data?.range).toBe(2000);
    expect(none.far).toBeDefined();
    const two = rangeAtHall(2);
    expect(two.mid?.data?.range).toBe(720); // 2000 × 0.6 × 0.6
    expect(two.near).toBeDefined();
    expect(two.far).toBeUndefined(); // 1183 ft is now beyond reach
    for (const n of [3, 6]) {
      const many = rangeAtHall(n);
      expect(many.mid?.data?.range).toBe(600); // never below 0.3 of the full reach
      expect(many.near).toBeDefined();
      expect(many.far).toBeUndefined();
    }
  });
});

describe("a mated couple's shared cycle stays near (fact 8: DX-36)", () => {
  it("through the closed bedroom door it reaches the corridor, whose guard and servant move away; it does not reach the hall", () => {
    for (const seed of [1, 2, 3]) {
      const cast = [alpha("kara", "bedroom"), omega("lena", "bedroom"), alpha("guard", "corridor"), beta("servant", "corridor"), beta("steward", "hall")];
      const relations = [{ kind: "bond", a: "kara", b: "lena", since: "2025-06-01" }];
      const { log } = run(mustLoad({ ...base, cast, relations }), "2026-05-01", seed);
      const h = hours(log, "heat-began", "lena")[0];
      expect(h).toBeDefined();
      expect(hours(log, "rut-began", "kara")).toContain(h); // one shared cycle
      for (const who of ["guard", "servant"]) {
        const p = perceptions(log, "heat", who, "lena").find((e) => e.hour === h);
        expect(p, `${who} smells the heat in the corridor`).toBeDefined();
        expect(p!.data?.distance).toBe(33);
        expect(responses(log, who, "lena")[0]?.type).toBe("avoids");
        expect(of(log, "moved", who).find((e) => e.hour === h)?.text).toContain("hall");
      }
      expect(perceptions(log, "heat", "steward", "lena")).toEqual([]);
    }
  });

  it("a bond narrows the reach: the same heat through the same door, unbonded, reaches the hall and the barracks", () => {
    const reach = (bonded: boolean) => {
      const cast = [alpha("kara", "outside"), omega("lena", "bedroom"), beta("steward", "hall"), beta("porter", "barracks")];
      const relations = bonded ? [{ kind: "bond", a: "kara", b: "lena", since: "2025-06-01" }] : [];
      const { log } = run(mustLoad({ ...base, cast, relations }), "2026-05-01", 2);
      return perceptions(log, "heat", undefined, "lena").map((e) => e.people[0]);
    };
    expect(reach(false)).toEqual(expect.arrayContaining(["steward", "porter"]));
    expect(reach(true)).toEqual([]);
  });
});

describe("a rutting alpha sorts omegas by scent (fact 9: DX-26)", () => {
  it("an unmated alpha keeps away from a mated omega's heat but is drawn to an unmated omega's", () => {
    const cycle = (bonded: boolean) => {
      const cast = [omega("lar", "bedroom"), alpha("rhea", "outside"), alpha("kara", "alcove")];
      const relations = bonded ? [{ kind: "bond", a: "rhea", b: "lar", since: "2015-01-01" }] : [];
      const { log } = run(mustLoad({ ...base, cast, relations }), "2026-05-01", 3);
      const sig = perceptions(log, "signature", "kara", "lar")[0];
      return { sig: sig?.text ?? "", response: responses(log, "kara", "lar")[0]?.type, heat: perceptions(log, "heat", "kara", "lar") };
    };
    const mated = cycle(true);
    expect(mated.sig).toMatch(BONDED);
    expect(mated.heat.length).toBeGreaterThan(0);
    expect(mated.response).toBe("avoids");
    const unmated = cycle(false);
    expect(unmated.sig).toMatch(UNBONDED);
    expect(unmated.response).toBe("drawn");
  });

  it("her own bonded omega is recognised through betas' masking, and she turns toward her", () => {
    for (const seed of [1, 2, 3]) {
      const cast = [omega("lena", "bedroom"), beta("b1", "bedroom"), beta("b2", "bedroom"), alpha("kara", "alcove"), alpha("vasquez", "alcove")];
      const relations = [{ kind: "bond", a: "kara", b: "lena", since: "2025-06-01" }];
      const { log } = run(mustLoad({ ...base, cast, relations }), "2026-05-01", seed);
      const h = hours(log, "heat-began", "lena")[0];
      expect(h).toBeDefined();
      const mine = perceptions(log, "heat", "kara", "lena").find((e) => e.hour === h);
      expect(mine, "her alpha smells the masked heat").toBeDefined();
      // A stranger is sent away by the same scent; her own alpha turns to her.
      expect(responses(log, "vasquez", "lena")[0]?.type).toBe("avoids");
      expect(responses(log, "kara", "lena")[0]?.type).toBe("drawn");
    }
  });
});

describe("a mated alpha and unmated omegas (fact 10: DX-24)", () => {
  it("a mated alpha does not pursue an unmated omega in heat; an unmated alpha nearby does", () => {
    const cast = [omega("lena", "bedroom"), alpha("mated", "gallery"), omega("consort", "outside"), alpha("single", "hall")];
    const { log } = run(mustLoad({ ...base, cast, relations: [{ kind: "bond", a: "mated", b: "consort", since: "2020-01-01" }] }), "2027-01-01", 4);
    const heats = hours(log, "heat-began", "lena");
    expect(heats.length).toBeGreaterThanOrEqual(3);
    expect(responses(log, "mated", "lena").every((e) => e.type === "noticed")).toBe(true);
    expect(of(log, "drawn", "mated")).toEqual([]);
    expect(of(log, "moved", "mated")).toEqual([]);
    expect(responses(log, "single", "lena")[0]?.type).toBe("drawn");
  });

  it("except in a severe unresolved rut: an alpha mated to a beta, already in rut, is drawn to an unmated omega's heat", () => {
    let inRut = 0;
    let outside = 0;
    for (const seed of [1, 2, 3, 4]) {
      const cast = [omega("lena", "bedroom"), alpha("alex", "hall"), beta("kelly", "outside")];
      const { log } = run(mustLoad({ ...base, cast, relations: [{ kind: "bond", a: "alex", b: "kelly", since: "2020-01-01" }] }), "2028-01-01", seed);
      const ruts = rutEpisodes(log, "alex");
      expect(of(log, "rut-ended", "alex").every((e) => e.data?.resolved === false)).toBe(true);
      for (const h of hours(log, "heat-began", "lena")) {
        const response = log.find((e) => e.hour === h && ["drawn", "noticed", "avoids"].includes(e.type) && e.people[0] === "alex" && e.people[1] === "lena");
        if (!response) continue;
        const rut = ruts.find((r) => r.began !== undefined && r.began < h && (r.ended === undefined || r.ended > h));
        const inPre = ruts.some((r) => r.pre !== undefined && r.pre <= h && (r.began === undefined || r.began >= h));
        if (rut) {
          inRut++;
          expect(response.type, `heat at ${h}, alex in rut since ${rut.began}`).toBe("drawn");
        } else if (!inPre) {
          outside++;
          expect(response.type).toBe("noticed");
        }
      }
    }
    expect(inRut).toBeGreaterThan(0);
    expect(outside).toBeGreaterThan(0);
  });
});

describe("scent shows mating and bonds (fact 11: DX-42, DX-67)", () => {
  it("an owned omega carries her alpha's scent only if they have been together", () => {
    const smell = (together: boolean) => {
      const cast = [alpha("kara", "bedroom"), omega("lena", "bedroom"), alpha("mon", "outside")];
      const schedule = [...(together ? [{ at: "+1d", type: "contact", who: "kara", with: ["lena"] }] : []), { at: "+2d", type: "move", who: "mon", to: "bedroom" }];
      const { log, sim } = run(mustLoad({ ...base, cast, relations: [{ kind: "owner", a: "kara", b: "lena" }], schedule }), "2026-01-05", 1);
      expect(sim.status[1]).toBe("enslaved");
      return perceptions(log, "signature", "mon", "lena")[0]?.text ?? "";
    };
    expect(smell(true)).toContain("carries Kara's scent");
    const apart = smell(false);
    expect(apart).toContain("Lena's scent");
    expect(apart).not.toContain("Kara's scent");
  });

  it("a newly bonded omega smells bonded to anyone who smells her afterwards", () => {
    const cast = [alpha("kara", "bedroom"), omega("lena", "bedroom"), alpha("before", "outside"), alpha("after", "outside")];
    const schedule = [
      { at: "+1d", type: "move", who: "before", to: "bedroom" },
      { at: "+2d", type: "bite", who: "kara", with: ["lena"], knot: true },
      { at: "+3d", type: "move", who: "after", to: "bedroom" },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-06", 1);
    expect(of(log, "bond-formed").length).toBe(1);
    expect(perceptions(log, "signature", "before", "lena")[0].text).toMatch(UNBONDED);
    expect(perceptions(log, "signature", "after", "lena")[0].text).toMatch(BONDED);
  });

  it("alphas and omegas already nearby notice at once that she smells different", () => {
    const cast = [alpha("kara", "bedroom"), omega("lena", "bedroom"), alpha("mon", "bedroom"), omega("alex", "bedroom")];
    const schedule = [{ at: "+2d", type: "bite", who: "kara", with: ["lena"], knot: true }];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-06", 1);
    const formed = of(log, "bond-formed")[0];
    expect(formed).toBeDefined();
    for (const who of ["mon", "alex"]) {
      const before = perceptions(log, "signature", who, "lena").filter((e) => e.hour < formed.hour);
      expect(before.length).toBe(1);
      expect(before[0].text).toMatch(UNBONDED);
      const after = perceptions(log, "signature", who, "lena").filter((e) => e.hour >= formed.hour);
      expect(after.length, `${who} notices the bond`).toBeGreaterThan(0);
      expect(after[0].hour).toBe(formed.hour);
      expect(after[0].text).toMatch(BONDED);
    }
  });
});

describe("pressure contests (fact 12: DX-59, DX-60)", () => {
  const cast = [alpha("rhea", "hall", { strength: 1.8, roles: ["monarch"] }), alpha("kara", "hall", { strength: 1.5 })];

  it("the weaker alpha yields to the stronger after several rounds, whoever starts it", () => {
    const rounds: number[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const schedule = [
        { at: "+1d", type: "pressure", who: "rhea", with: ["kara"] },
        { at: "+2d", type: "pressure", who: "kara", with: ["rhea"] },
      ];
      const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-05", seed);
      const yielded = of(log, "pressure-yielded");
      expect(yielded.length).toBe(2);
      for (const e of yielded) {
        expect(e.people).toEqual(["kara", "rhea"]);
        expect(e.data?.winner).toBe("rhea");
        rounds.push(e.data?.rounds as number);
      }
    }
    for (const r of rounds) {
      expect(r).toBeGreaterThanOrEqual(2);
      expect(r).toBeLessThanOrEqual(5);
    }
    expect(new Set(rounds).size).toBeGreaterThan(1);
  });

  it("once the challenge is won, the loser's pressure has no effect on the winner any more", () => {
    const schedule = [
      { at: "+1d", type: "pressure", who: "rhea", with: ["kara"] },
      { at: "+5d", type: "challenge", who: "kara", with: ["rhea"], winner: "kara" },
      { at: "+6d", type: "pressure", who: "rhea", with: ["kara"] },
      { at: "+60d", type: "pressure", who: "rhea", with: ["kara"] },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-04-01", 1);
    const yielded = of(log, "pressure-yielded", "kara");
    expect(yielded.map((e) => e.hour)).toEqual([START_HOUR + 24]);
    const none = of(log, "pressure-no-effect", "kara");
    expect(none.map((e) => e.hour)).toEqual([START_HOUR + 6 * 24, START_HOUR + 60 * 24]);
  });

  it("DX-60 is the preset's permanentAfterChallenge: a world that sets it false lets the loser's pressure work on the winner again", () => {
    const schedule = [
      { at: "+5d", type: "challenge", who: "kara", with: ["rhea"], winner: "kara" },
      { at: "+6d", type: "pressure", who: "rhea", with: ["kara"] },
    ];
    const world = "extends: daxam\nid: daxam-without-flip\nname: Daxam without the flip\ninfluence:\n  pressure:\n    permanentAfterChallenge: false\n";
    const flipped = run(mustLoad({ ...base, cast, schedule }), "2026-01-10", 1).log;
    const kept = run(mustLoad({ ...base, world: "world.yaml", cast, schedule }, { "world.yaml": world }), "2026-01-10", 1).log;
    expect(of(flipped, "pressure-no-effect", "kara").length).toBe(1);
    expect(of(flipped, "challenge-decided")[0].causes).toContainEqual({ kind: "rule", id: "DX-60", path: "influence.pressure.permanentAfterChallenge" });
    expect(of(kept, "pressure-no-effect", "kara")).toEqual([]);
    expect(of(kept, "pressure-yielded", "kara").map((e) => e.data?.winner)).toEqual(["rhea"]);
    expect(of(kept, "challenge-decided")[0].data?.permanent).toBe(false);
  });

  it("after the challenge the winner no longer yields to the loser's scent when she asserts herself", () => {
    const schedule = [
      { at: "+5d", type: "challenge", who: "kara", with: ["rhea"], winner: "kara" },
      { at: "+6d", type: "pressure", who: "kara", with: ["rhea"] },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-10", 1);
    expect(of(log, "pressure-yielded", "kara")).toEqual([]);
  });
});

describe("pressure on betas, omegas and weaker alphas (fact 13: DX-57, DX-61; open question 6)", () => {
  it("a single alpha's pressure has no effect on a beta", () => {
    const cast = [alpha("rhea", "hall", { strength: 1.8 }), beta("imra", "hall")];
    const { log } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "pressure", who: "rhea", with: ["imra"] }] }), "2026-01-03", 1);
    expect(of(log, "pressure-resisted", "imra").length).toBe(1);
    expect(of(log, "pressure-yielded", "imra")).toEqual([]);
    expect(of(log, "pressure-slowed", "imra")).toEqual([]);
  });

  it("several alphas at once slow a beta down, but she does not yield as an omega does", () => {
    const cast = [alpha("a1", "hall"), alpha("a2", "hall"), alpha("a3", "hall"), beta("imra", "hall"), omega("nia", "hall")];
    const schedule = ["a1", "a2", "a3"].map((who) => ({ at: "+1d", type: "pressure", who, with: ["imra", "nia"] }));
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-03", 1);
    expect(of(log, "pressure-slowed", "imra").length).toBeGreaterThan(0);
    expect(of(log, "pressure-yielded", "imra")).toEqual([]);
    expect(of(log, "pressure-yielded", "nia").length).toBeGreaterThan(0);
  });

  it("a strong alpha's pressure makes every omega and weaker alpha in the room yield; an equal or stronger one does not", () => {
    // Fact 13 also lists betas here, against its own first point and DX-61; the preset follows
    // open question 6 (one alpha's pressure has no effect on a beta), as tested above.
    const cast = [
      alpha("rhea", "hall", { strength: 1.8 }),
      omega("lar", "hall"),
      omega("nia", "hall", { strength: 0.9 }),
      alpha("guard", "hall"),
      alpha("kara", "hall", { strength: 1.5 }),
      alpha("astra", "hall", { strength: 2.0 }),
    ];
    const schedule = [{ at: "+1d", type: "pressure", who: "rhea", with: ["lar", "nia", "guard", "kara", "astra"] }];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-01-03", 1);
    const yielded = of(log, "pressure-yielded").filter((e) => e.data?.winner === "rhea").map((e) => e.people[0]);
    expect(yielded.sort()).toEqual(["guard", "kara", "lar", "nia"]);
    expect(of(log, "pressure-yielded", "astra")).toEqual([]);
  });
});

describe("the arena challenge (fact 14: DX-100, DX-101)", () => {
  const cast = [
    alpha("rhea", "hall", { strength: 1.8, roles: ["monarch"] }),
    alpha("kara", "hall", { strength: 1.5 }),
    alpha("witness", "hall"),
    beta("elder", "hall"),
    omega("lena", "bedroom", { status: "enslaved", owner: "kara", traits: ["palace-household"] }),
  ];

  it("a challenger who submits is executed for treason; the monarch keeps the title", () => {
    const { log, sim } = run(mustLoad({ ...base, cast, schedule: [{ at: "+3d", type: "challenge", who: "kara", with: ["rhea"], winner: "rhea" }] }), "2026-01-10", 1);
    const decided = of(log, "challenge-decided");
    expect(decided.length).toBe(1);
    expect(decided[0].data?.winner).toBe("rhea");
    const fate = of(log, "status-changed", "kara");
    expect(fate.length).toBe(1);
    expect(fate[0].data?.status).toBe("executed");
    expect(fate[0].hour).toBe(decided[0].hour);
    expect(sim.status[1]).toBe("executed");
    expect(of(log, "title-passed")).toEqual([]);
    expect(sim.roles[0].has("monarch")).toBe(true);
  });

  it("a monarch who submits is deposed alive and the title passes at once; the new monarch's orders take effect the same hour", () => {
    // The witnesses' kneeling has no event of its own; their obeying the new monarch's voice in the
    // same hour stands for it.
    const schedule = [
      { at: "+3d", type: "challenge", who: "kara", with: ["rhea"], winner: "kara" },
      { at: "+3d", type: "voice", who: "kara", with: ["witness", "elder"], command: "Stand down" },
      { at: "+3d", type: "enact", institution: "palace-emancipation", who: "kara" },
    ];
    const { log, sim } = run(mustLoad({ ...base, cast, schedule }), "2026-01-10", 1);
    const h = START_HOUR + 72;
    const passed = of(log, "title-passed");
    expect(passed.length).toBe(1);
    expect(passed[0].hour).toBe(h);
    expect(passed[0].people).toEqual(["kara", "rhea"]);
    expect(sim.roles[1].has("monarch")).toBe(true);
    expect(sim.roles[0].has("monarch")).toBe(false);
    expect(sim.status[0]).toBe("free"); // deposed, not executed
    expect(of(log, "status-changed", "rhea")).toEqual([]);
    expect(of(log, "voice-obeyed").map((e) => [e.people[0], e.hour])).toEqual([
      ["witness", h],
      ["elder", h],
    ]);
    expect(of(log, "enacted").map((e) => e.hour)).toEqual([h]);
    expect(of(log, "status-changed", "lena").map((e) => e.hour)).toEqual([h]);
  });
});

describe("succession (fact 15: DX-99)", () => {
  it("before the reform the heir is the monarch's strongest alpha child, not the eldest", () => {
    // The preset declares the law succession-by-strength (effect: succession, by: strength). With
    // it in force, the monarch's strongest alpha child holds the heir role; age does not count, and
    // an omega child is passed over before the reform (DX-109 changes that later).
    const cast = [
      alpha("rhea", "hall", { born: "1965-01-01", strength: 1.8, roles: ["monarch"] }),
      alpha("mon", "hall", { born: "1990-01-01", strength: 1.1 }),
      omega("nia", "hall", { born: "1992-01-01", strength: 2.5 }),
      alpha("kara", "hall", { born: "1995-01-01", strength: 1.6 }),
    ];
    const relations = ["mon", "nia", "kara"].map((b) => ({ kind: "parent", a: "rhea", b }));
    const { sim } = run(mustLoad({ ...base, cast, relations }), "2026-01-10", 1);
    const heirs = sim.ids.filter((_, i) => sim.roles[i].has("heir"));
    expect(heirs).toEqual(["kara"]);
  });
});

describe("emancipation by dated acts (fact 16: DX-91, DX-105)", () => {
  const cast = [
    alpha("kara", "hall", { roles: ["monarch"] }),
    omega("lena", "bedroom", { status: "enslaved", owner: "kara" }),
    beta("servant", "hall", { status: "enslaved", owner: "kara", traits: ["palace-household"] }),
    beta("cook", "hall", { status: "enslaved", owner: "kara", traits: ["palace-household"] }),
    omega("miner", "outside", { status: "enslaved" }),
    alpha("trader", "outside"),
  ];
  const schedule = [
    { at: "+10d", type: "free", who: "lena" },
    { at: "+20d", type: "sell", who: "miner", with: ["trader"] },
    { at: "+40d", type: "enact", institution: "palace-emancipation", who: "kara" },
    { at: "+300d", type: "enact", institution: "abolition", who: "kara" },
    { at: "+301d", type: "sell", who: "miner", with: ["trader"] },
  ];
  const status = (until: string) => {
    const { sim, log } = run(mustLoad({ ...base, cast, schedule }), until, 1);
    return { log, of: (id: string) => sim.status[sim.ids.indexOf(id)] };
  };

  it("an owner may free her own slave at any time, before any reform", () => {
    const before = status("2026-01-10");
    expect(before.of("lena")).toBe("enslaved");
    const after = status("2026-01-12");
    expect(after.of("lena")).toBe("free");
    const freed = of(after.log, "status-changed", "lena");
    expect(freed.map((e) => e.hour)).toEqual([START_HOUR + 240]);
    expect(after.log.filter((e) => e.severity === "error")).toEqual([]);
    expect(after.of("servant")).toBe("enslaved");
  });

  it("the royal order frees the palace's slaves from its date, and no one else", () => {
    const before = status("2026-02-09");
    expect(before.of("servant")).toBe("enslaved");
    expect(before.of("cook")).toBe("enslaved");
    const after = status("2026-02-11");
    for (const who of ["servant", "cook"]) {
      expect(after.of(who)).toBe("free");
      expect(of(after.log, "status-changed", who).map((e) => e.hour)).toEqual([START_HOUR + 40 * 24]);
    }
    expect(after.of("miner")).toBe("enslaved");
    // A sale before the nationwide ban is lawful.
    expect(of(after.log, "refused")).toEqual([]);
  });

  it("the nationwide ban frees everyone still enslaved from its date, and sales after it are refused", () => {
    const before = status("2026-10-26");
    expect(before.of("miner")).toBe("enslaved");
    const after = status("2026-11-10");
    expect(after.of("miner")).toBe("free");
    expect(of(after.log, "status-changed", "miner").at(-1)?.hour).toBe(START_HOUR + 300 * 24);
    const refused = of(after.log, "refused", "miner");
    expect(refused.length).toBe(1);
    expect(refused[0].hour).toBe(START_HOUR + 301 * 24);
    expect(refused[0].severity).toBe("error");
    expect(after.of("miner")).toBe("free");
  });
});

describe("omegas and the royal guard (fact 17: DX-94, DX-106)", () => {
  const cast = [alpha("kara", "hall", { roles: ["monarch"] }), omega("alex", "hall"), alpha("vasquez", "hall")];

  it("an omega is refused a royal-guard appointment before the reform and appointed after it", () => {
    const schedule = [
      { at: "+1d", type: "appoint", who: "alex", role: "royal-guard" },
      { at: "+1d", type: "appoint", who: "vasquez", role: "royal-guard" },
      { at: "+10d", type: "repeal", institution: "omega-guard-bar", who: "kara" },
      { at: "+11d", type: "appoint", who: "alex", role: "royal-guard" },
      { at: "+12d", type: "appoint", who: "alex", role: "sole-protector" },
    ];
    const { log, sim } = run(mustLoad({ ...base, cast, schedule }), "2026-01-20", 1);
    const refused = of(log, "refused", "alex");
    expect(refused.length).toBe(1);
    expect(refused[0].hour).toBe(START_HOUR + 24);
    expect(refused[0].severity).toBe("error");
    expect(of(log, "appointed", "vasquez").length).toBe(1);
    expect(of(log, "repealed").map((e) => e.hour)).toEqual([START_HOUR + 240]);
    expect(of(log, "appointed", "alex").map((e) => [e.hour, e.data?.role])).toEqual([
      [START_HOUR + 11 * 24, "royal-guard"],
      [START_HOUR + 12 * 24, "sole-protector"],
    ]);
    expect([...sim.roles[1]].sort()).toEqual(["royal-guard", "sole-protector"]);
  });

  it("before the reform an omega cannot be made sole protector either (the post belongs to the guard)", () => {
    const { log, sim } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "appoint", who: "alex", role: "sole-protector" }] }), "2026-01-05", 1);
    expect(of(log, "refused", "alex").length).toBe(1);
    expect(sim.roles[1].has("sole-protector")).toBe(false);
  });
});

describe("guard ranks (fact 18: DX-95, DX-107)", () => {
  const cast = [alpha("kara", "hall", { roles: ["monarch"] }), alpha("vasquez", "hall", { roles: ["royal-guard"] }), alpha("mon", "hall", { roles: ["royal-guard", "first-charge"] })];

  it("Third Charge < First Charge < Principal: each appointment up the ladder is a promotion that replaces the rank before", () => {
    const schedule = [
      { at: "+1d", type: "appoint", who: "vasquez", role: "third-charge" },
      { at: "+2d", type: "appoint", who: "vasquez", role: "first-charge" },
      { at: "+10d", type: "repeal", institution: "principal-not-yet", who: "kara" },
      { at: "+11d", type: "appoint", who: "vasquez", role: "principal" },
      { at: "+12d", type: "appoint", who: "mon", role: "third-charge" },
    ];
    const { log, sim } = run(mustLoad({ ...base, cast, schedule }), "2026-01-20", 1);
    const changes = of(log, "appointed").map((e) => [e.people[0], e.data?.role, e.data?.rank, e.data?.change ?? "new"]);
    expect(changes).toEqual([
      ["vasquez", "third-charge", 1, "new"],
      ["vasquez", "first-charge", 2, "promoted"],
      ["vasquez", "principal", 3, "promoted"],
      ["mon", "third-charge", 1, "demoted"],
    ]);
    expect(of(log, "appointed", "vasquez")[1].text).toBe("Vasquez is promoted from third-charge (rank 1) to first-charge (rank 2) on the guard ladder.");
    expect([...sim.roles[1]].sort()).toEqual(["principal", "royal-guard"]);
    expect([...sim.roles[2]].sort()).toEqual(["royal-guard", "third-charge"]);
    // A condition sees the order: person.rank is the level of the most senior rank held.
    expect([sim.view(0).rank, sim.view(1).rank, sim.view(2).rank]).toEqual([0, 3, 1]);
  });

  it("the rank of Principal does not exist before the coronation creates it (DX-107)", () => {
    const { log, sim } = run(mustLoad({ ...base, cast, schedule: [{ at: "+1d", type: "appoint", who: "mon", role: "principal" }] }), "2026-01-05", 1);
    const refused = of(log, "refused", "mon");
    expect(refused.map((e) => e.data?.institution)).toEqual(["principal-not-yet"]);
    expect(refused[0].causes).toContainEqual({ kind: "rule", id: "DX-107", path: "institutions.principal-not-yet" });
    expect([...sim.roles[2]].sort()).toEqual(["first-charge", "royal-guard"]);
  });
});

describe("injury and war (fact 19: DX-96, DX-98)", () => {
  const cast = [
    alpha("kara", "hall", { roles: ["monarch"] }),
    alpha("vasquez", "hall", { roles: ["royal-guard", "first-charge"] }),
    alpha("mon", "barracks"),
    beta("imra", "barracks"),
    omega("alex", "hall"),
    alpha("young", "hall", { born: "2008-01-01" }),
  ];

  it("a guard injured before the end of the term is discharged and gets no further pay (DX-96)", () => {
    const { log, sim } = run(mustLoad({ ...base, cast, schedule: [{ at: "+3d", type: "injure", who: "vasquez" }] }), "2026-01-05", 1);
    const injured = of(log, "injured", "vasquez");
    expect(injured.length).toBe(1);
    const discharged = of(log, "discharged", "vasquez");
    expect(discharged.map((e) => [e.data?.role, e.data?.paid])).toEqual([
      ["royal-guard", true],
      ["first-charge", true],
    ]);
    expect(discharged[0].text).toBe("Vasquez is discharged from royal-guard (no-pay-after-injury); the pay stops.");
    expect(discharged[0].causes).toContainEqual({ kind: "event", id: injured[0].id });
    expect(discharged[0].causes).toContainEqual({ kind: "rule", id: "DX-96", path: "institutions.no-pay-after-injury" });
    expect(sim.roles[1].size).toBe(0);
    expect(sim.view(1).traits).toContain("injured");
  });

  it("in wartime healthy adult alphas are conscripted and an injured former guard is exempt; the end of the war releases them (DX-98)", () => {
    const schedule = [
      { at: "+3d", type: "injure", who: "vasquez" },
      { at: "+10d", type: "enact", institution: "wartime-conscription", who: "kara" },
      { at: "+20d", type: "repeal", institution: "wartime-conscription", who: "kara" },
    ];
    const { log, sim } = run(mustLoad({ ...base, cast, schedule }), "2026-01-25", 1);
    const war = START_HOUR + 10 * 24;
    expect(of(log, "conscripted").map((e) => [e.people[0], e.hour])).toEqual([["mon", war]]);
    expect(of(log, "exempted").map((e) => [e.people[0], e.hour])).toEqual([["vasquez", war]]);
    expect(of(log, "exempted")[0].causes).toContainEqual({ kind: "rule", id: "DX-98", path: "institutions.wartime-conscription.exempt" });
    // The crown itself, not an alpha, or under twenty: not called up at all.
    for (const who of ["kara", "imra", "alex", "young"]) expect(log.filter((e) => ["conscripted", "exempted"].includes(e.type) && e.people[0] === who)).toEqual([]);
    expect(of(log, "released").map((e) => [e.people[0], e.hour])).toEqual([["mon", START_HOUR + 20 * 24]]);
    expect(sim.roles[2].has("conscript")).toBe(false);
  });

  it("DX-98 calls up the available: not the heir, nor those already serving in the guard; in the example neither Kara (the heir) nor the First Charge is conscripted", () => {
    const withHeir = [...cast, alpha("lyra", "hall", { roles: ["heir"] }), alpha("dev", "barracks", { roles: ["third-charge"] }), alpha("sol", "barracks", { roles: ["sole-protector"] })];
    const schedule = [{ at: "+10d", type: "enact", institution: "wartime-conscription", who: "kara" }];
    const { log } = run(mustLoad({ ...base, cast: withHeir, schedule }), "2026-01-15", 1);
    expect(of(log, "conscripted").map((e) => e.people[0])).toEqual(["mon"]);
    const example = run(loadExample("daxam"), "2026-07-01").log;
    const drafted = of(example, "conscripted").map((e) => e.people[0]);
    expect(drafted).toContain("mon");
    expect(drafted).not.toContain("kara");
    expect(drafted).not.toContain("guard");
  });

  it("DX-98 looks again when roles change: a conscript who joins the guard or wins the title is released at once; a monarch deposed during the war is an available alpha and is called up", () => {
    const schedule = [
      { at: "+10d", type: "enact", institution: "wartime-conscription", who: "kara" },
      { at: "+11d", type: "appoint", who: "mon", role: "royal-guard" },
      { at: "+12d", type: "challenge", who: "young2", with: ["kara"], winner: "young2" },
    ];
    const more = [...cast, alpha("young2", "hall", { born: "2000-01-01" })];
    const { log, sim } = run(mustLoad({ ...base, cast: more, schedule }), "2026-01-15", 1);
    const war = START_HOUR + 10 * 24;
    expect(of(log, "conscripted").map((e) => [e.people[0], e.hour])).toEqual([
      ["mon", war],
      ["young2", war],
      ["kara", war + 48],
    ]);
    expect(of(log, "released").map((e) => [e.people[0], e.hour])).toEqual([
      ["mon", war + 24],
      ["young2", war + 48],
    ]);
    expect(of(log, "released", "young2")[0].causes).toContainEqual({ kind: "event", id: of(log, "title-passed")[0].id });
    expect(sim.roles[6].has("monarch")).toBe(true);
    expect(sim.roles[6].has("conscript")).toBe(false);
  });

  it("DX-98 and open question 15: one who comes of age (20 in daxam) during the war is called up on the birthday; one who comes of age after it is not", () => {
    const cast = [alpha("kara", "hall", { roles: ["monarch"] }), alpha("tam", "hall", { born: "2006-01-15" }), alpha("ora", "hall", { born: "2006-02-01" })];
    const schedule = [
      { at: "+10d", type: "enact", institution: "wartime-conscription", who: "kara" },
      { at: "+20d", type: "repeal", institution: "wartime-conscription", who: "kara" },
    ];
    const { log } = run(mustLoad({ ...base, cast, schedule }), "2026-03-01", 1);
    const birthday = birthdayHour(parseDate("2006-01-15")!, 20);
    expect(of(log, "conscripted").map((e) => [e.people[0], e.hour])).toEqual([["tam", birthday]]);
    expect(of(log, "conscripted")[0].causes).toContainEqual(expect.objectContaining({ kind: "input", id: "cast: tam" }));
    expect(of(log, "released").map((e) => e.people[0])).toEqual(["tam"]);
  });

  it("a conscript injured during the war is released from it, as exempt (DX-98)", () => {
    const schedule = [
      { at: "+10d", type: "enact", institution: "wartime-conscription", who: "kara" },
      { at: "+12d", type: "injure", who: "mon" },
    ];
    const { log, sim } = run(mustLoad({ ...base, cast, schedule }), "2026-01-20", 1);
    expect(of(log, "conscripted", "mon").length).toBe(1);
    expect(of(log, "released", "mon").map((e) => e.hour)).toEqual([START_HOUR + 12 * 24]);
    expect(of(log, "exempted", "mon").map((e) => e.hour)).toEqual([START_HOUR + 12 * 24]);
    expect(sim.roles[2].has("conscript")).toBe(false);
  });
});
