/**
 * The studio's data: the model the page draws agrees with the simulator's own state at any hour
 * and with `scentline check`, the event endpoint filters the log, and a save on disk reaches the
 * page's stream.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkProject } from "../src/check/run.js";
import { nodeReader } from "../src/node/io.js";
import type { SimEvent } from "../src/sim/event.js";
import { Simulator } from "../src/sim/simulator.js";
import { stateAt } from "../src/sim/state.js";
import { loadProject } from "../src/story/load.js";
import { buildModel, type StudioModel } from "../src/studio/model.js";
import { StudioProject } from "../src/studio/project.js";
import { scentReach } from "../src/studio/app/scent-reach.js";
import { valueAt } from "../src/studio/app/state-index.js";
import { get, studioOnCopy, type StudioCopy } from "./helpers/studio.js";
import { mustLoad, person } from "./helpers/project.js";

const examples = readdirSync("examples");

describe.each(examples)("studio model of %s", (example) => {
  let s: StudioCopy;
  let model: StudioModel;
  beforeAll(async () => {
    s = await studioOnCopy(example);
    model = JSON.parse((await get(s.studio.port, "/api/model")).body) as StudioModel;
  });
  afterAll(() => s.close());

  it("has the cast, the places, the chapters and a run to a month past the last chapter or a year", () => {
    const project = loadProject(join(s.dir, "scentline.yaml"), nodeReader()).project!;
    expect(model.people.map((p) => p.id)).toEqual(project.people.map((p) => p.id));
    expect(model.places.map((p) => p.id)).toEqual(project.places);
    expect(model.chapters.length).toBe(existsSync(join(s.dir, "chapters")) ? readdirSync(join(s.dir, "chapters")).length : 0);
    expect(model.until).toBeGreaterThanOrEqual(model.start + 8766);
    for (const c of model.chapters) expect(model.until).toBeGreaterThan(c.hour);
  });

  it("gives everyone's state at any hour as the simulator does (the change points are complete)", () => {
    const project = loadProject(join(s.dir, "scentline.yaml"), nodeReader()).project!;
    const span = model.until - model.start;
    for (const share of [0, 0.013, 0.05, 0.11, 0.3, 0.52, 0.77, 1]) {
      const hour = Math.round(model.start + share * span);
      const truth = stateAt(project, hour);
      for (const [k, p] of truth.people.entries()) {
        const m = model.people[k];
        const got = {
          designation: valueAt(m, "designation", hour),
          cycle: valueAt(m, "cycle", hour),
          suppressed: valueAt(m, "suppressed", hour) === "yes",
          bondedTo: valueAt(m, "bondedTo", hour),
          partner: valueAt(m, "partner", hour),
          status: valueAt(m, "status", hour),
          owner: valueAt(m, "owner", hour),
          guardian: valueAt(m, "guardian", hour),
          location: valueAt(m, "location", hour),
        };
        const want = { designation: p.designation, cycle: p.cycle ? `${p.cycle}:${p.phase}` : "", suppressed: p.suppressed, bondedTo: p.bondedTo, partner: p.partner, status: p.status, owner: p.owner, guardian: p.guardian, location: p.location };
        expect(got, `${p.id} at ${truth.at}`).toEqual(want);
      }
    }
  });

  it("draws each scent as far as the simulator carries it, for every perceiver no rule singles out", () => {
    const project = loadProject(join(s.dir, "scentline.yaml"), nodeReader()).project!;
    const sim = new Simulator(project, { until: model.until });
    const singles = model.scent.perceiverRules.map((r) => project.world.condition("perception", r.when));
    // Hours when what someone gives off changes, and the hour after, with a spread over the run.
    const hours = new Set<number>();
    for (const p of model.people) for (const h of p.scent.hours.slice(0, 4)) hours.add(h).add(h + 1);
    for (const share of [0, 0.1, 0.35, 0.6, 0.85, 1]) hours.add(Math.round(model.start + share * (model.until - model.start)));
    let compared = 0;
    const tells = new Set<string>();
    for (const hour of [...hours].filter((h) => h >= model.start && h <= model.until).sort((a, b) => a - b)) {
      sim.advanceTo(hour);
      const drawn = new Map(scentReach(model, hour).flatMap((list, q) => list.map((r) => [`${q} ${r.person.id} ${r.tell}`, r] as const)));
      for (let i = 0; i < sim.n; i++) {
        const from = sim.location[i];
        if (from < 0) continue;
        const reach = sim.scent.graph.reachFrom(from);
        for (const em of sim.scent.emissions(i)) {
          for (let k = 0; k < reach.places.length; k++) {
            const q = reach.places[k];
            for (let p = 0; p < sim.n; p++) {
              if (p === i || sim.location[p] !== q || !sim.scent.canPerceive(p)) continue;
              const vars = { perceiver: sim.view(p), target: sim.view(i), tell: em.tell, intensity: em.intensity };
              if (singles.some((when) => when(vars))) continue;
              const { range } = sim.scent.range(p, i, em.tell, em.intensity);
              const shown = drawn.get(`${q} ${sim.ids[i]} ${em.tell}`);
              const where = `${sim.ids[i]}'s ${em.tell} in ${sim.places[q]} at hour ${hour}`;
              if (reach.distances[k] <= range - 0.1) {
                expect(shown, where).toBeDefined();
                expect(Math.abs(shown!.range - range), where).toBeLessThanOrEqual(0.1);
                compared++;
                tells.add(em.tell);
              } else if (reach.distances[k] > range + 0.1) expect(shown, where).toBeUndefined();
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(tells.has("signature")).toBe(true);
  });

  it("carries the checker's findings, with file names relative to the project", () => {
    const checked = checkProject(join(s.dir, "scentline.yaml"), nodeReader());
    expect(model.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual(checked.findings.map((f) => [f.ruleId, f.line, f.message]));
    for (const f of model.findings) if (f.file) expect(f.file).not.toMatch(/^\//);
  });

  it("names, for every change, an event of the log that exists", async () => {
    const ids = new Set<string>();
    for (const p of model.people) for (const t of Object.values(p.track)) for (const e of t.events) if (e) ids.add(e);
    const { events } = JSON.parse((await get(s.studio.port, `/api/events?ids=${[...ids].join(",")}`)).body) as { events: SimEvent[] };
    expect(events.map((e) => e.id).sort()).toEqual([...ids].sort());
  });
});

describe("courtships in the studio model", () => {
  // A suitor visits two people, is matched with one and bonds with her: both courtships end with the bond.
  const project = mustLoad({
    world: "classic",
    start: "2026-03-01",
    cast: [person("ansel", "alpha"), person("brid", "omega"), person("cora", "omega")],
    places: [{ id: "room" }],
    schedule: [
      { at: "+2d", type: "visit", who: "ansel", with: ["brid"] },
      { at: "+3d", type: "visit", who: "ansel", with: ["cora"] },
      { at: "+20d", type: "bite", who: "ansel", with: ["brid"] },
    ],
  });
  const start = project.start;
  const built = buildModel({ project, chapters: [], findings: [], rules: [], until: start + 60 * 24, version: 1, relative: (f) => f });
  const [ansel, brid, cora] = built.model.people;
  const courting = (hour: number) => [ansel, brid, cora].map((p) => valueAt(p, "courting", hour));

  it("begins with a pair's first Visit, and names everyone someone courts", () => {
    expect(courting(start + 24)).toEqual(["", "", ""]);
    expect(courting(start + 2 * 24 + 1)).toEqual(["brid", "ansel", ""]);
    expect(courting(start + 3 * 24 + 1)).toEqual(["brid cora", "ansel", "ansel"]);
  });

  it("ends for both of a bonded pair, and for anyone else either was courting, at the bond", () => {
    const bond = ansel.track.bondedTo.hours[ansel.track.bondedTo.values.indexOf("brid")];
    expect(bond).toBeGreaterThan(start + 3 * 24);
    expect(courting(bond - 1)).toEqual(["brid cora", "ansel", "ansel"]);
    expect(courting(bond)).toEqual(["", "", ""]);
    // The ended courtship of someone the bite did not name is credited to the bond's events.
    const credit = cora.track.courting.events.at(-1)!;
    expect(built.run.log.find((e) => e.id === credit)?.people).toContain("ansel");
  });
});

describe("courtships with someone bonded", () => {
  const courtingOf = (schedule: Record<string, unknown>[], relations: Record<string, unknown>[] = []) => {
    const project = mustLoad({ world: "classic", start: "2026-03-01", cast: [person("ansel", "alpha"), person("brid", "omega"), person("cora", "omega")], places: [{ id: "room" }], relations, schedule });
    const { model } = buildModel({ project, chapters: [], findings: [], rules: [], until: project.start + 60 * 24, version: 1, relative: (f) => f });
    return (hour: number) => model.people.map((p) => valueAt(p, "courting", project.start + hour));
  };

  it("begins none for a bonded pair's Visits, nor for a bonded person's Visit to someone else", () => {
    const afterBite = courtingOf([{ at: "+1d", type: "bite", who: "ansel", with: ["brid"] }, { at: "+5d", type: "visit", who: "ansel", with: ["brid"] }, { at: "+6d", type: "visit", who: "ansel", with: ["cora"] }]);
    expect(afterBite(7 * 24)).toEqual(["", "", ""]);
    const byRelation = courtingOf([{ at: "+0d", type: "visit", who: "ansel", with: ["cora"] }, { at: "+2d", type: "visit", who: "ansel", with: ["cora"] }], [{ kind: "bond", a: "ansel", b: "brid" }]);
    expect(byRelation(3 * 24)).toEqual(["", "", ""]);
  });

  it("begins with a Visit at the start hour, as at any other", () => {
    const atStart = courtingOf([{ at: "+0d", type: "visit", who: "ansel", with: ["cora"] }]);
    expect(atStart(24)).toEqual(["cora", "", "ansel"]);
  });
});

describe("studio events endpoint", () => {
  let s: StudioCopy;
  beforeAll(async () => (s = await studioOnCopy("guardianship")));
  afterAll(() => s.close());

  it("credits each change to the event that made it, and the cast's own values to the cast", async () => {
    const model = JSON.parse((await get(s.studio.port, "/api/model")).body) as StudioModel;
    const rey = model.people.find((p) => p.id === "rey")!;
    const typeOf = async (id: string) => (JSON.parse((await get(s.studio.port, `/api/events?ids=${id}`)).body) as { events: SimEvent[] }).events[0]?.type;
    expect(rey.track.designation.events[0]).toBe("");
    expect(rey.track.location.events[0]).toBe("");
    expect(await typeOf(rey.track.guardian.events[0])).toBe("guardian-appointed");
    const bonded = rey.track.bondedTo.values.findIndex((v) => v === "ben");
    expect(await typeOf(rey.track.bondedTo.events[bonded])).toMatch(/bond/);
    const moved = rey.track.location.values.findIndex((v) => v === "solo-house");
    expect(await typeOf(rey.track.location.events[moved])).toBe("moved");
  });

  it("filters by person, type and hours, the latest last", async () => {
    const all = JSON.parse((await get(s.studio.port, "/api/events?limit=20000")).body) as { events: SimEvent[]; total: number };
    expect(all.total).toBe(s.studio.project.log.length);
    const mid = all.events[Math.floor(all.events.length / 2)].hour;
    const r = JSON.parse((await get(s.studio.port, `/api/events?person=rey&type=heat-began,heat-ended&to=${mid}`)).body) as { events: SimEvent[]; total: number };
    expect(r.events.length).toBeGreaterThan(0);
    for (const e of r.events) {
      expect(e.people).toContain("rey");
      expect(["heat-began", "heat-ended"]).toContain(e.type);
      expect(e.hour).toBeLessThanOrEqual(mid);
    }
    const quiet = JSON.parse((await get(s.studio.port, "/api/events?person=rey&skip=perceived,trace-perceived")).body) as { events: SimEvent[]; total: number };
    expect(quiet.events.length).toBeGreaterThan(0);
    for (const e of quiet.events) expect(e.type).not.toMatch(/perceived/);
    const few = JSON.parse((await get(s.studio.port, "/api/events?limit=3")).body) as { events: SimEvent[]; total: number };
    expect(few.events.map((e) => e.id)).toEqual(all.events.slice(-3).map((e) => e.id));
  });
});

describe("studio rebuilds", () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), "scentline-studio-"));
    cpSync(join("examples", "classic"), dir, { recursive: true });
    return join(dir, "scentline.yaml");
  };
  const withoutVersion = (m: StudioModel) => ({ ...m, version: 0 });

  it("reuse the last run when a save changes nothing the simulator reads, and give the model a fresh build gives", () => {
    const file = copy();
    const studio = new StudioProject(file);
    const run = studio.log;
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Renamed"));
    studio.rebuild();
    expect(studio.log).toBe(run);
    expect(studio.model.title).toBe("Renamed");
    expect(withoutVersion(studio.model)).toEqual(withoutVersion(new StudioProject(file).model));
  });

  it("simulate again when the seed, the cast or the schedule changes", () => {
    const file = copy();
    const studio = new StudioProject(file);
    const run = studio.log;
    writeFileSync(file, readFileSync(file, "utf8").replace(/^seed: .*$/m, "seed: 7"));
    studio.rebuild();
    expect(studio.log).not.toBe(run);
    expect(withoutVersion(studio.model)).toEqual(withoutVersion(new StudioProject(file).model));
    // A blank line before the schedule moves the lines its events cite.
    const moved = studio.log;
    writeFileSync(file, readFileSync(file, "utf8").replace(/^schedule:/m, "\nschedule:"));
    studio.rebuild();
    expect(studio.log).not.toBe(moved);
    expect(withoutVersion(studio.model)).toEqual(withoutVersion(new StudioProject(file).model));
  });
});

describe("studio watch", () => {
  let s: StudioCopy;
  beforeAll(async () => (s = await studioOnCopy("classic")));
  afterAll(() => s.close());

  // How fast a save reaches the page is measured by bench/studio.mjs; here, that it does.
  it("rebuilds after a save, and says so on the stream", async () => {
    const port = s.studio.port;
    const versions: number[] = [];
    const stream = request({ host: "127.0.0.1", port, path: "/api/stream", headers: { host: `127.0.0.1:${port}` } });
    const first = new Promise<void>((ok) => {
      stream.on("response", (res) => {
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          for (const m of chunk.matchAll(/data: (\{.*\})/g)) versions.push((JSON.parse(m[1]) as { version: number }).version);
          ok();
        });
      });
    });
    stream.end();
    await first;
    expect(versions).toEqual([1]);
    const file = join(s.dir, "scentline.yaml");
    const saved = performance.now();
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Renamed on disk"));
    while (versions.length < 2 && performance.now() - saved < 20_000) await new Promise((r) => setTimeout(r, 10));
    stream.destroy();
    expect(versions.at(-1)).toBeGreaterThan(1);
    const model = JSON.parse((await get(port, "/api/model")).body) as StudioModel;
    expect(model.title).toBe("Renamed on disk");
  });

  it("shows what is wrong when a save breaks the project, and recovers on the next", async () => {
    const port = s.studio.port;
    const file = join(s.dir, "scentline.yaml");
    const good = readFileSync(file, "utf8");
    const wait = async (test: (m: StudioModel) => boolean) => {
      for (let k = 0; k < 200; k++) {
        const m = JSON.parse((await get(port, "/api/model")).body) as StudioModel;
        if (test(m)) return m;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error("the model did not change");
    };
    writeFileSync(file, good.replace(/^world: .*$/m, "world: no-such-world"));
    const broken = await wait((m) => !!m.error);
    expect(broken.findings.some((f) => f.severity === "error" && f.file === "scentline.yaml")).toBe(true);
    writeFileSync(file, good);
    const fixed = await wait((m) => !m.error);
    expect(fixed.people.length).toBeGreaterThan(0);
  });
});
