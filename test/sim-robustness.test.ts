/** Any valid project simulates without throwing, in every preset, with every kind of event. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { causeProblems } from "./helpers/causes.js";
import { projectFrom, run } from "./helpers/project.js";

const types = ["move", "meet", "bite", "visit", "match", "partner", "end-partner", "suppressants", "stop-suppressants", "voice", "pressure", "challenge", "free", "sell", "appoint", "tell", "stress", "contact", "wash", "break-bond", "injure"] as const;
const places = ["a", "b", "c"];

const projectArb = fc.record({
  world: fc.constantFrom("classic", "first-order", "guardianship", "daxam"),
  people: fc.array(fc.record({ d: fc.constantFrom("alpha", "beta", "omega", undefined), year: fc.integer({ min: 1950, max: 2015 }), place: fc.integer({ min: 0, max: 2 }), suppressed: fc.boolean() }), { minLength: 2, maxLength: 6 }),
  events: fc.array(fc.record({ day: fc.integer({ min: 0, max: 200 }), type: fc.constantFrom(...types), who: fc.nat(), other: fc.nat(), place: fc.integer({ min: 0, max: 2 }), every: fc.constantFrom(undefined, "3d", "2w") }), { maxLength: 12 }),
  seed: fc.integer({ min: 0, max: 100000 }),
});

describe("robustness", () => {
  it("never throws; every cause is real (an earlier event, a piece of the world, a line of the project); refused events are errors with a reason", () => {
    let simulated = 0;
    fc.assert(
      fc.property(projectArb, ({ world, people, events, seed }) => {
        const cast = people.map((p, i) => ({ id: `p${i}`, name: `P${i}`, born: `${p.year}-04-01`, ...(p.d ? { designation: p.d } : {}), location: places[p.place], ...(p.suppressed ? { traits: ["suppressants"] } : {}) }));
        const tells = { classic: "alarm", "first-order": "arousal", guardianship: "alarm", daxam: "distress" } as const;
        const roles = { classic: "guardian", "first-order": "guardian", guardianship: "guardian", daxam: "royal-guard" } as const;
        const schedule = events.map((e) => {
          const who = `p${e.who % people.length}`;
          let other = `p${e.other % people.length}`;
          if (other === who) other = `p${(e.other + 1) % people.length}`;
          return { at: `+${e.day}d`, type: e.type, who, with: [other], to: places[e.place], tell: tells[world], role: roles[world], ...(e.every ? { every: e.every, times: 3 } : {}) };
        });
        const spec = {
          world,
          start: "2026-01-01",
          places: places.map((id) => ({ id })),
          connections: [{ between: ["a", "b"], distance: 20, kind: "door" }, { between: ["b", "c"], distance: 60, kind: "open" }],
          cast,
          schedule,
        };
        const r = projectFrom(spec);
        if (!r.project) {
          // A project refused at load says why, with a place: only adults-only and role checks are expected here.
          for (const d of r.diagnostics) expect(d.at?.line, d.message).toBeGreaterThan(0);
          return;
        }
        simulated++;
        const { log } = run(r.project, "2026-10-01", seed);
        expect(causeProblems(r.project, log)).toEqual([]);
        for (const e of log) {
          if (e.severity === "error") expect(e.text.length).toBeGreaterThan(10);
          expect(e.people.every((p) => typeof p === "string")).toBe(true);
        }
      }),
      { numRuns: 150, seed: 4242 },
    );
    expect(simulated).toBeGreaterThan(20);
  });
});
