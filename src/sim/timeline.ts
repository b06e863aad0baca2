/**
 * Questions about one story at many moments, as a game or a studio asks them: who is in heat on a
 * day, what phase a person is in, whom they are bonded to. One simulator runs forward as the
 * questions move forward and starts again only when asked about an earlier moment, so a game that
 * asks about day 3, then day 4, then day 5 simulates each hour once. The answers are those of
 * `stateAt` with the same project and seed.
 */
import { formatDateTime, HOURS_PER_YEAR, parseMoment, type Hour } from "../core/time.js";
import type { Project } from "../story/load.js";
import type { SimEvent } from "./event.js";
import { Simulator } from "./simulator.js";
import { personState, type PersonState, type StateSnapshot } from "./state.js";

export interface TimelineOptions {
  /** The random seed (default: the project's). */
  seed?: number;
  /** The latest moment that may be asked about (default: 50 years after the start). */
  horizon?: Hour;
}

/** A moment: an hour (as the engine counts them), a date ("2026-03-01"), or a time after the start ("+3d", "1y"). */
export type Moment = Hour | string;

export class Timeline {
  private sim: Simulator;
  private readonly seed: number;
  readonly horizon: Hour;

  constructor(
    readonly project: Project,
    options: TimelineOptions = {},
  ) {
    this.seed = options.seed ?? project.seed;
    this.horizon = options.horizon ?? project.start + 50 * HOURS_PER_YEAR;
    this.sim = this.fresh();
  }

  /** The hour of a moment; a moment before the start or past the horizon is an error. */
  hourOf(moment: Moment): Hour {
    const hour = typeof moment === "number" ? Math.floor(moment) : parseMoment(moment, this.project.start);
    if (hour === undefined || !Number.isFinite(hour)) throw new RangeError(`"${moment}" is not a moment: write a date (2026-03-01), a time after the start (+3d, 1y) or an hour`);
    if (hour < this.project.start) throw new RangeError(`${formatDateTime(hour)} is before the story starts (${formatDateTime(this.project.start)})`);
    if (hour > this.horizon) throw new RangeError(`${formatDateTime(hour)} is past this timeline's horizon (${formatDateTime(this.horizon)}); give a later horizon`);
    return hour;
  }

  /** Everyone's state at a moment. */
  at(moment: Moment): StateSnapshot {
    const sim = this.advance(this.hourOf(moment));
    return { at: formatDateTime(sim.now), hour: sim.now, people: Array.from({ length: sim.n }, (_, i) => personState(sim, i)) };
  }

  /** One person's state at a moment, by id; undefined for an id not in the cast. */
  person(id: string, moment: Moment): PersonState | undefined {
    const hour = this.hourOf(moment);
    const i = this.sim.ids.indexOf(id);
    return i < 0 ? undefined : personState(this.advance(hour), i);
  }

  /**
   * Who is in a cycle ("heat", "rut") at a moment: in its main phases, or with `prelude` also in its
   * prelude (pre-heat).
   */
  inCycle(cycle: string, moment: Moment, options: { prelude?: boolean } = {}): PersonState[] {
    const prelude = this.project.world.spec.cycles[cycle]?.prelude?.name;
    return this.at(moment).people.filter((p) => p.cycle === cycle && (options.prelude === true || p.phase !== prelude));
  }

  /** The events up to the latest moment asked about (the log so far). */
  events(): readonly SimEvent[] {
    return this.sim.log;
  }

  private advance(hour: Hour): Simulator {
    // Time only runs forward in a simulator: an earlier moment starts the story again.
    if (hour < this.sim.now) this.sim = this.fresh();
    this.sim.advanceTo(hour);
    return this.sim;
  }

  private fresh(): Simulator {
    return new Simulator(this.project, { seed: this.seed, until: this.horizon });
  }
}
