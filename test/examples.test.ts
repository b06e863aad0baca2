import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDate } from "../src/core/time.js";
import type { SimEvent } from "../src/sim/event.js";
import { Simulator } from "../src/sim/simulator.js";
import { causeProblems } from "./helpers/causes.js";
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

      it("logs in time order, and every cause is real: an earlier event, a piece of the world by its path, an engine rule, or a line of the project", () => {
        const project = loadExample(name);
        const { log } = run(project, "2027-06-01");
        let last = -Infinity;
        for (const e of log) {
          expect(e.hour).toBeGreaterThanOrEqual(last);
          last = e.hour;
          expect(e.causes.length).toBeGreaterThan(0);
        }
        expect(log.some((e) => e.causes.some((c) => c.kind === "rule" && c.path !== "engine"))).toBe(true);
        expect(log.some((e) => e.causes.some((c) => c.kind === "input" && c.id.startsWith("schedule[")))).toBe(true);
        expect(causeProblems(project, log)).toEqual([]);
      });

      it("the log is append-only: an event is never changed or removed once logged", () => {
        const project = loadExample(name);
        const sim = new Simulator(project, { until: parseDate("2027-06-01")! });
        // Each event as it was the moment it was logged, and the log as it stood at times during the run.
        const atLogging = new Map<string, string>();
        const emit = sim.emit.bind(sim);
        sim.emit = (...args) => {
          const e = emit(...args);
          atLogging.set(e.id, JSON.stringify(e));
          return e;
        };
        const prefixes: { events: SimEvent[]; json: string[] }[] = [];
        for (const days of [30, 120, 300]) {
          sim.advanceTo(project.start + days * 24);
          prefixes.push({ events: [...sim.log], json: sim.log.map((e) => JSON.stringify(e)) });
        }
        const log = sim.run();
        expect(prefixes[0].events.length).toBeGreaterThan(0);
        expect(log.length).toBeGreaterThan(prefixes[2].events.length);
        for (const prefix of prefixes) {
          expect(log.slice(0, prefix.events.length)).toEqual(prefix.events);
          prefix.events.forEach((e, k) => expect(log[k]).toBe(e));
          expect(log.slice(0, prefix.json.length).map((e) => JSON.stringify(e))).toEqual(prefix.json);
        }
        expect(log.map((e) => JSON.stringify(e))).toEqual(log.map((e) => atLogging.get(e.id)));
      });

      it("has no refused (error) events", () => {
        const { log } = run(loadExample(name), "2027-06-01");
        expect(log.filter((e) => e.severity === "error").map((e) => e.text)).toEqual([]);
      });
    });
  }
});
