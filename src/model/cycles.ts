/**
 * Heat and rut: recurring cycles with an optional prelude (pre-heat, pre-rut), main phases, and
 * modifiers (suppressants, the partner's designation, a bond, being alone) that skip a cycle or
 * change its period and length. Every change is logged with the modifiers' rules as causes.
 */
import { formatDuration, type Hour } from "../core/time.js";
import type { Cause } from "../sim/event.js";
import { ruleCauses, type Simulator } from "../sim/simulator.js";
import type { CycleSpec, ModifierSpec } from "../world/schema.js";
import { adjust, distBounds, sample } from "./dist.js";

export interface ActiveCycle {
  cycle: string;
  phase: string;
  inPrelude: boolean;
  start: Hour;
  mainStart: Hour;
  end: Hour;
  resolved: boolean;
  modifiers: ModifierSpec[];
  startEvent: string;
  /** Multiplies the range of this cycle's scent (from modifiers). */
  scentRange: number;
  intensity: number;
}

export class CycleEngine {
  private readonly active: (ActiveCycle | undefined)[];
  private readonly generation: Uint32Array;
  /** Hour each person's most recent cycle began, or -Infinity. */
  readonly lastStart: Float64Array;

  constructor(private readonly sim: Simulator) {
    this.active = new Array(sim.n).fill(undefined);
    this.generation = new Uint32Array(sim.n);
    this.lastStart = new Float64Array(sim.n).fill(-Infinity);
  }

  current(i: number): ActiveCycle | undefined {
    return this.active[i];
  }

  /** The cycles a person has, by their designation. */
  cyclesOf(i: number): [string, CycleSpec][] {
    const d = this.sim.designationOf(i);
    if (!d) return [];
    return Object.entries(this.sim.world.spec.cycles).filter(([, c]) => c.designation === d);
  }

  partnerOf(i: number): number {
    return this.sim.mate[i] >= 0 ? this.sim.mate[i] : this.sim.partner[i];
  }

  /** Plans a person's first cycle of each kind they have. */
  setup(i: number): void {
    const sim = this.sim;
    for (const [name, spec] of this.cyclesOf(i)) {
      let first: Hour;
      if (spec.firstAt) {
        const [min, max] = distBounds(spec.firstAt);
        first = sim.born[i] + Math.round(min + (max - min) * sim.random.next());
        if (first < sim.now) first = sim.now + Math.round(sample(spec.period, sim.random) * sim.random.next());
      } else {
        first = sim.now + Math.round(sample(spec.period, sim.random) * sim.random.next());
      }
      this.plan(i, name, first);
    }
  }

  /** Plans the next cycle; a cycle that returns after an unresolved one comes back without a prelude. */
  private plan(i: number, name: string, hour: Hour, returning = false): void {
    const g = ++this.generation[i];
    this.sim.at(hour, () => {
      if (this.generation[i] === g) this.begin(i, name, returning);
    });
  }

  private applicable(i: number, spec: CycleSpec): ModifierSpec[] {
    const sim = this.sim;
    const vars = { self: sim.view(i), partner: sim.view(this.partnerOf(i)) };
    return (spec.modifiers ?? []).filter((m) => sim.world.condition("cycle", m.when)(vars));
  }

  private modifierCauses(name: string, mods: ModifierSpec[]): Cause[] {
    const spec = this.sim.world.spec.cycles[name];
    return [...ruleCauses(spec, `cycles.${name}`), ...mods.flatMap((m) => ruleCauses(m, `cycles.${name}.modifiers.${m.id}`))];
  }

  private begin(i: number, name: string, returning = false): void {
    const sim = this.sim;
    if (this.active[i]) return; // one cycle at a time; the next is planned when this one ends
    const spec = sim.world.spec.cycles[name];
    const mods = this.applicable(i, spec);
    const causes = this.modifierCauses(name, mods);
    if (sim.lastCause[i]) causes.push({ kind: "event", id: sim.lastCause[i]! });
    let period = sample(spec.period, sim.random);
    for (const m of mods) period = adjust(period, m.period, sim.random);
    const skip = mods.find((m) => m.skip);
    if (skip) {
      sim.emit(`${name}-skipped`, [i], `${sim.names[i]} has no ${name} this time (${skip.id}).`, causes);
      this.sim.scent.breakthrough(i, name, causes);
      this.plan(i, name, sim.now + Math.max(24, period));
      return;
    }
    let duration = sample(spec.duration, sim.random);
    for (const m of mods) duration = adjust(duration, m.duration, sim.random);
    const partner = this.partnerOf(i);
    let resolved = partner >= 0;
    let returnAfter: number | undefined;
    let scentRange = 1;
    for (const m of mods) {
      if (m.resolved !== undefined) resolved = m.resolved;
      if (m.returnAfter) returnAfter = sample(m.returnAfter, sim.random);
      if (m.scentRange !== undefined) scentRange *= m.scentRange;
    }
    const prelude = spec.prelude && !returning ? sample(spec.prelude.duration ?? "1d", sim.random) : 0;
    const start = sim.now;
    const a: ActiveCycle = {
      cycle: name,
      phase: spec.prelude?.name ?? spec.phases[0].name,
      inPrelude: prelude > 0,
      start,
      mainStart: start + prelude,
      end: start + prelude + Math.max(1, duration),
      resolved,
      modifiers: mods,
      startEvent: "",
      scentRange,
      intensity: spec.prelude?.intensity ?? 0.3,
    };
    this.active[i] = a;
    this.lastStart[i] = start;
    const g = ++this.generation[i];
    const data = { cycle: name, expectedLength: formatDuration(duration), resolved, partner: partner >= 0 ? sim.ids[partner] : "" };
    if (prelude > 0) {
      const e = sim.emit(`${spec.prelude!.name}-began`, [i], `${sim.names[i]} enters ${spec.prelude!.name}.`, [...causes, ...ruleCauses(spec.prelude, `cycles.${name}.prelude`)], data);
      a.startEvent = e.id;
      sim.lastCause[i] = e.id;
      sim.scent.refreshPerson(i);
      sim.at(a.mainStart, () => this.generation[i] === g && this.beginMain(i, g, [{ kind: "event", id: e.id }]));
    } else {
      this.beginMain(i, g, causes);
    }
    // Risks (an injury during a heat alone) are drawn once per cycle, from the one random stream.
    for (const m of mods) {
      if (m.risk && sim.random.chance(m.risk.probability)) {
        const when = a.mainStart + Math.floor(sim.random.next() * Math.max(1, a.end - a.mainStart));
        sim.at(when, () => {
          if (this.active[i] !== a) return;
          sim.emit(m.risk!.event, [i], `${sim.names[i]}: ${m.risk!.event.replace(/-/g, " ")} during ${name} (${m.id}).`, [...ruleCauses(m, `cycles.${name}.modifiers.${m.id}`), { kind: "event", id: a.startEvent }], undefined, "warning");
        });
      }
    }
    // The next cycle: a period after this one began, or soon after an unresolved one ends.
    this.pending[i] = { period, returnAfter };
    // A bonded mate's cycle starts with this one.
    const mate = sim.mate[i];
    if (spec.syncWithMate && mate >= 0 && !this.active[mate]) {
      const mateCycle = this.cyclesOf(mate)[0];
      if (mateCycle) {
        sim.emit("cycles-synchronised", [mate, i], `${sim.names[mate]}'s ${mateCycle[0]} follows ${sim.names[i]}'s ${name}.`, [...ruleCauses(spec, `cycles.${name}.syncWithMate`), { kind: "event", id: a.startEvent || sim.lastCause[i]! }]);
        this.begin(mate, mateCycle[0]);
      }
    }
  }

  private readonly pending: ({ period: number; returnAfter?: number } | undefined)[] = [];

  private beginMain(i: number, g: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    const a = this.active[i]!;
    const spec = sim.world.spec.cycles[a.cycle];
    a.inPrelude = false;
    a.mainStart = Math.min(a.mainStart, sim.now);
    const length = a.end - a.mainStart;
    const partner = this.partnerOf(i);
    const e = sim.emit(`${a.cycle}-began`, [i], `${sim.names[i]}'s ${a.cycle} begins${partner >= 0 ? ` (partner: ${sim.names[partner]})` : " (no partner)"}.`, [...causes, ...this.modifierCauses(a.cycle, a.modifiers)], {
      cycle: a.cycle,
      expectedLength: formatDuration(length),
      resolved: a.resolved,
    });
    if (!a.startEvent) a.startEvent = e.id;
    const mainEvent = e.id;
    sim.lastCause[i] = e.id;
    // Phases: each with its own length; the last takes what remains.
    let t = sim.now;
    spec.phases.forEach((p, k) => {
      const at = t;
      sim.at(at, () => {
        if (this.generation[i] !== g || this.active[i] !== a) return;
        a.phase = p.name;
        a.intensity = p.intensity ?? 1;
        sim.touch(i);
        if (k > 0) sim.emit(`${a.cycle}-phase`, [i], `${sim.names[i]}'s ${a.cycle} moves to ${p.name}.`, [...ruleCauses(p, `cycles.${a.cycle}.phases.${p.name}`), { kind: "event", id: mainEvent }], { phase: p.name });
        sim.scent.refreshPerson(i);
      });
      if (p.duration) t += sample(p.duration, sim.random);
    });
    sim.at(a.end, () => this.generation[i] === g && this.end(i, [{ kind: "event", id: mainEvent }]));
  }

  private end(i: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    const a = this.active[i];
    if (!a) return;
    this.active[i] = undefined;
    const length = sim.now - a.mainStart;
    const e = sim.emit(`${a.cycle}-ended`, [i], `${sim.names[i]}'s ${a.cycle} ends after ${formatDuration(length)}${a.resolved ? "" : ", unresolved"}.`, causes, {
      cycle: a.cycle,
      length,
      resolved: a.resolved,
    });
    sim.lastCause[i] = e.id;
    sim.scent.refreshPerson(i);
    const next = this.pending[i];
    const returning = !a.resolved && next?.returnAfter !== undefined;
    const at = returning ? sim.now + next!.returnAfter! : a.mainStart + (next?.period ?? 24 * 90);
    this.plan(i, a.cycle, Math.max(at, sim.now + 24), returning);
  }

  /** The partner changed: the cycle's length is worked out again, and it ends now if already past. */
  partnerChanged(i: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    const a = this.active[i];
    if (!a || a.inPrelude) return;
    const spec = sim.world.spec.cycles[a.cycle];
    const mods = this.applicable(i, spec);
    let duration = sample(spec.duration, sim.random);
    for (const m of mods) duration = adjust(duration, m.duration, sim.random);
    let resolved = this.partnerOf(i) >= 0;
    for (const m of mods) if (m.resolved !== undefined) resolved = m.resolved;
    a.modifiers = mods;
    a.resolved = resolved;
    const newEnd = a.mainStart + duration;
    const g = this.generation[i];
    const why = [...causes, ...this.modifierCauses(a.cycle, mods)];
    if (newEnd <= sim.now) {
      this.end(i, why);
    } else if (newEnd !== a.end) {
      a.end = newEnd;
      sim.at(newEnd, () => this.generation[i] === g && this.active[i] === a && this.end(i, why));
    }
  }

  /** A perceived scent may move a person in a prelude straight into the main phase. */
  onPerceived(perceiver: number, target: number, tell: string, intensity: number, cause: string): void {
    const sim = this.sim;
    const a = this.active[perceiver];
    if (!a || !a.inPrelude) return;
    const spec = sim.world.spec.cycles[a.cycle];
    for (const t of spec.triggers ?? []) {
      const vars = { perceiver: sim.view(perceiver), target: sim.view(target), tell, intensity };
      if (!t.advance || !sim.world.condition("perception", t.when)(vars)) continue;
      const g = ++this.generation[perceiver];
      const length = a.end - a.mainStart;
      a.mainStart = sim.now;
      a.end = sim.now + length;
      this.beginMain(perceiver, g, [...ruleCauses(t, `cycles.${a.cycle}.triggers.${t.id}`), { kind: "event", id: cause }]);
      return;
    }
  }

  /** Hours since the person's last cycle of any kind began (Infinity if none). */
  sinceLastStart(i: number): number {
    return this.sim.now - this.lastStart[i];
  }
}

