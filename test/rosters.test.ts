import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rosters } from "../src/model/rosters.js";

describe("who is in each place", () => {
  it("answers like a map from person to place, each person in one place at most", () => {
    const places = 5;
    const people = 12;
    const step = fc.tuple(fc.constantFrom("add", "delete"), fc.integer({ min: 0, max: people - 1 }), fc.integer({ min: 0, max: places - 1 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const rosters = new Rosters(places, people);
        const where = new Map<number, number>();
        for (const [op, i, place] of steps) {
          if (op === "add") {
            expect(rosters.add(i, place)).toBe(where.get(i) !== place);
            where.set(i, place);
          } else {
            expect(rosters.delete(i, place)).toBe(where.get(i) === place);
            if (where.get(i) === place) where.delete(i);
          }
        }
        for (let p = 0; p < places; p++) {
          const expected = [...where].filter(([, q]) => q === p).map(([i]) => i);
          expect([...rosters.of(p)].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
          expect(rosters.size(p)).toBe(expected.length);
          for (let i = 0; i < people; i++) expect(rosters.has(i, p)).toBe(where.get(i) === p);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("moves someone listed elsewhere rather than listing them twice", () => {
    const rosters = new Rosters(2, 3);
    rosters.add(1, 0);
    rosters.add(1, 1);
    expect(rosters.of(0)).toEqual([]);
    expect(rosters.of(1)).toEqual([1]);
  });
});
