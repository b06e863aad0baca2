import { join } from "node:path";
import { stringify } from "yaml";
import { formatDiagnostic } from "../../src/core/diagnostic.js";
import { parseDate } from "../../src/core/time.js";
import { nodeReader } from "../../src/node/io.js";
import type { SimEvent } from "../../src/sim/event.js";
import { Simulator } from "../../src/sim/simulator.js";
import { loadProject, type Project } from "../../src/story/load.js";
import { tempFiles } from "./world.js";

export function loadExample(name: string): Project {
  const r = loadProject(join("examples", name, "scentline.yaml"), nodeReader());
  if (!r.project) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.project;
}

/** Writes a project (and optional extra files such as a world) to a temp folder and loads it. */
export function projectFrom(spec: Record<string, unknown>, extra: Record<string, string> = {}) {
  const dir = tempFiles({ "scentline.yaml": stringify(spec), ...extra });
  return loadProject(join(dir, "scentline.yaml"), nodeReader());
}

export function mustLoad(spec: Record<string, unknown>, extra: Record<string, string> = {}): Project {
  const r = projectFrom(spec, extra);
  if (!r.project) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.project;
}

export function run(project: Project, until: string, seed?: number): { sim: Simulator; log: SimEvent[] } {
  const sim = new Simulator(project, { seed, until: parseDate(until)! });
  const log = sim.run();
  return { sim, log };
}

export const of = (log: SimEvent[], type: string, person?: string) => log.filter((e) => e.type === type && (person === undefined || e.people[0] === person));

/** A person record for test casts: adult by default. */
export function person(id: string, designation: string | undefined, extra: Record<string, unknown> = {}) {
  return { id, name: id[0].toUpperCase() + id.slice(1), born: "1990-01-01", ...(designation ? { designation } : {}), location: "room", ...extra };
}
