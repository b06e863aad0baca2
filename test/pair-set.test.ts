import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PairSet } from "../src/model/pair-set.js";

describe("the set of pairs who have noticed each other", () => {
  // 100 people keep bits; 20,000 keep pair numbers: both must answer as a plain set of pairs does.
  for (const people of [100, 20_000]) {
    it(`answers like a set of pairs for a cast of ${people}`, () => {
      const person = fc.integer({ min: 0, max: people - 1 });
      const step = fc.tuple(fc.constantFrom("add", "delete"), person, person);
      fc.assert(
        fc.property(fc.array(step, { maxLength: 60 }), fc.array(fc.tuple(person, person), { maxLength: 20 }), (steps, asks) => {
          const set = new PairSet(people);
          const reference = new Set<string>();
          for (const [op, a, b] of steps) {
            if (op === "add") set.add(a, b), reference.add(`${a}>${b}`);
            else set.delete(a, b), reference.delete(`${a}>${b}`);
          }
          for (const [a, b] of [...asks, ...steps.map(([, a, b]) => [a, b] as const)]) expect(set.has(a, b)).toBe(reference.has(`${a}>${b}`));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("keeps the order of a pair: who noticed whom", () => {
    const set = new PairSet(10);
    set.add(3, 7);
    expect(set.has(3, 7)).toBe(true);
    expect(set.has(7, 3)).toBe(false);
  });
});
