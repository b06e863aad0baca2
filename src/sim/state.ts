/**
 * State at any time: run the simulation up to a moment and read off each person. The same seed
 * and project always give the same state.
 */
import { formatDateTime, yearsBetween, type Hour } from "../core/time.js";
import type { Project } from "../story/load.js";
import { Simulator } from "./simulator.js";

export interface PersonState {
  id: string;
  name: string;
  /** Whole years; 0 for someone not yet born (see `born`); null when the cast gives no birth date. */
  age: number | null;
  /** False until the person is born; true for someone whose birth date is unknown. */
  born: boolean;
  species: string;
  /** The designation, "unpresented", "unknown" (no birth date and none given), or "none" where the species lacks the axis. */
  designation: string;
  alignment: string;
  cycle: string;
  phase: string;
  bondedTo: string;
  partner: string;
  status: string;
  owner: string;
  guardian: string;
  location: string;
  suppressed: boolean;
  roles: string[];
  /** What others smell: notes, designation, bonded or not, worn scents. */
  scent: string;
}

export interface StateSnapshot {
  at: string;
  hour: Hour;
  people: PersonState[];
}

export function stateAt(project: Project, hour: Hour, seed?: number): StateSnapshot {
  const sim = new Simulator(project, { seed, until: hour });
  sim.run();
  return { at: formatDateTime(hour), hour, people: Array.from({ length: sim.n }, (_, i) => personState(sim, i)) };
}

export function personState(sim: Simulator, i: number): PersonState {
  const name = (k: number) => (k >= 0 ? sim.ids[k] : "");
  const c = sim.cycles.current(i);
  const born = sim.bornAt(i);
  const designation = !sim.hasAxis[i] ? "none" : sim.designationOf(i) || (born === undefined ? "unknown" : "unpresented");
  return {
    id: sim.ids[i],
    name: sim.names[i],
    age: born === undefined ? null : Math.max(0, yearsBetween(born, sim.now)),
    born: born === undefined || born <= sim.now,
    species: sim.species[i],
    designation,
    alignment: sim.alignment[i],
    cycle: c?.cycle ?? "",
    phase: c?.phase ?? "",
    bondedTo: name(sim.mate[i]),
    partner: name(sim.partner[i]),
    status: sim.status[i],
    owner: name(sim.owner[i]),
    guardian: name(sim.guardian[i]),
    location: sim.location[i] >= 0 ? sim.places[sim.location[i]] : "",
    suppressed: sim.suppressed[i] === 1,
    roles: [...sim.roles[i]].sort(),
    scent: sim.suppressed[i] && sim.world.spec.suppressants?.hides?.includes("signature") ? "sterile (suppressed)" : sim.scent.reveals(i),
  };
}
