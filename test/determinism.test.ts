/** Same project and seed: the same bytes, for any project. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mustLoad, run } from "./helpers/project.js";

const designations = ["alpha", "beta", "omega"];

const projectArb = fc.record({
  world: fc.constantFrom("classic", "first-order", "guardianship", "daxam"),
  people: fc.array(fc.record({ d: fc.constantFrom(...designations), year: fc.integer({ min: 1960, max: 2004 }), place: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 6 }),
  moves: fc.array(fc.record({ day: fc.integer({ min: 1, max: 300 }), who: fc.nat(), to: fc.integer({ min: 0, max: 2 }) }), { maxLength: 8 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

describe("determinism", () => {
  it("simulating the same project twice with the same seed gives byte-identical logs", () => {
    fc.assert(
      fc.property(projectArb, ({ world, people, moves, seed }) => {
        const places = ["a", "b", "c"];
        const spec = {
          world,
          start: "2026-01-01",
          places: places.map((id) => ({ id })),
          connections: [
            { between: ["a", "b"], distance: 20, kind: "door" },
            { between: ["b", "c"], distance: 80, kind: "open" },
          ],
          cast: people.map((p, i) => ({ id: `p${i}`, name: `P${i}`, born: `${p.year}-03-01`, designation: p.d, location: places[p.place] })),
          schedule: moves.map((m) => ({ at: `+${m.day}d`, type: "move", who: `p${m.who % people.length}`, to: places[m.to] })),
        };
        const a = JSON.stringify(run(mustLoad(spec), "2027-01-01", seed).log);
        const b = JSON.stringify(run(mustLoad(spec), "2027-01-01", seed).log);
        expect(a).toBe(b);
      }),
      { numRuns: 40, seed: 20261125 },
    );
  });
});
