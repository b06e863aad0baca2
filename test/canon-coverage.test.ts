/**
 * The presets are honest about what they implement: every seed rule is either cited by a rule of
 * the preset or listed as not modelled with a reason, and every rule a preset cites is exercised by
 * a behaviour test that names it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { citedRules } from "../src/world/coverage.js";
import { preset } from "./helpers/world.js";

const testText = readdirSync("test")
  .filter((f) => f.endsWith(".test.ts") && f !== "canon-coverage.test.ts")
  .map((f) => readFileSync(`test/${f}`, "utf8"))
  .join("\n");

for (const name of ["first-order", "guardianship", "daxam"]) {
  describe(`canon/${name}`, () => {
    const world = preset(name);
    const canon = world.spec.canon!;
    const cited = citedRules(world.spec);

    it("accounts for every seed rule: implemented, or not modelled with a reason", () => {
      const unaccounted = canon.seedRules.filter((id) => !cited.has(id) && !canon.notModelled?.[id]);
      expect(unaccounted).toEqual([]);
    });

    it("does not both implement a rule and call it not modelled", () => {
      expect(Object.keys(canon.notModelled ?? {}).filter((id) => cited.has(id))).toEqual([]);
    });

    it("cites only rules of its own source", () => {
      expect([...cited].filter((id) => !canon.seedRules.includes(id))).toEqual([]);
    });

    it("has a behaviour test naming each rule it implements", () => {
      const untested = [...cited].filter((id) => !new RegExp(`\\b${id}\\b`).test(testText));
      expect(untested).toEqual([]);
    });
  });
}
