import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadExample, run } from "./helpers/project.js";

const examples = readdirSync("examples");

describe("bundled examples", () => {
  it("there is one example per canon preset", () => {
    const presets = readdirSync("canon").map((f) => f.replace(/\.yaml$/, ""));
    for (const p of presets) expect(examples.map((e) => loadExample(e).world.id)).toContain(p);
  });

  for (const name of examples) {
    describe(name, () => {
      it("loads and simulates a year", () => {
        const { log } = run(loadExample(name), "2027-06-01");
        expect(log.length).toBeGreaterThan(10);
      });

      it("is deterministic: the same seed gives identical bytes, another seed another story", () => {
        const a = JSON.stringify(run(loadExample(name), "2027-06-01", 5).log);
        const b = JSON.stringify(run(loadExample(name), "2027-06-01", 5).log);
        const c = JSON.stringify(run(loadExample(name), "2027-06-01", 6).log);
        expect(a).toBe(b);
        expect(c).not.toBe(a);
      });

      it("logs in time order, and every cause exists earlier in the log or among rules and inputs", () => {
        const { log } = run(loadExample(name), "2027-06-01");
        const seen = new Set<string>();
        let last = -Infinity;
        for (const e of log) {
          expect(e.hour).toBeGreaterThanOrEqual(last);
          last = e.hour;
          expect(e.causes.length).toBeGreaterThan(0);
          for (const c of e.causes) {
            if (c.kind === "event") expect(seen.has(c.id), `${e.id} cites ${c.id}`).toBe(true);
            else expect(c.id.length).toBeGreaterThan(0);
          }
          seen.add(e.id);
        }
      });

      it("has no refused (error) events", () => {
        const { log } = run(loadExample(name), "2027-06-01");
        expect(log.filter((e) => e.severity === "error").map((e) => e.text)).toEqual([]);
      });
    });
  }
});
