/**
 * Heat and rut: recurring cycles with an optional prelude (pre-heat, pre-rut), main phases, and
 * modifiers (suppressants, the partner's designation, a bond, being alone) that skip a cycle or
 * change its period and length. Every change is logged with the modifiers' rules as causes.
 */
import { formatDuration, type Hour } from "../core/time.js";
import { eventCause, type Cause, type SimEvent } from "../sim/event.js";
import { ruleCauses } from "../sim/causes.js";
import type { Simulator } from "../sim/simulator.js";
import type { Condition } from "../rules/expr.js";
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
  returnAfter?: number;
  /** Bumped when the main phase (re)starts: phase and end tasks of an older timeline do nothing. */
  timeline: number;
  /** Bumped when the end moves. */
  endToken: number;
}

export class CycleEngine {
  private readonly active: (ActiveCycle | undefined)[];
  /** Hour each person's most recent cycle began, or -Infinity. */
  readonly lastStart: Float64Array;

  /** The world's cycle kinds, numbered: per-person records are kept at person × kinds + kind. */
  private readonly kindIndex: Map<string, number>;
  /** Bumped each time a person's next cycle of a kind is planned: an older plan then does nothing. */
  private readonly plans: Float64Array;
  /** The event that ended each person's latest cycle of each kind. */
  private readonly lastEnd: (string | undefined)[];
  /** The period drawn at each person's latest cycle of each kind (NaN: none yet). */
  private readonly period: Float64Array;
  /** The cycles of each designation, worked out once. */
  private readonly byDesignation = new Map<string, [string, CycleSpec][]>();

  constructor(private readonly sim: Simulator) {
    this.active = new Array(sim.n).fill(undefined);
    this.lastStart = new Float64Array(sim.n).fill(-Infinity);
    this.kindIndex = new Map(Object.keys(sim.world.spec.cycles).map((name, k) => [name, k]));
    const slots = sim.n * this.kindIndex.size;
    this.plans = new Float64Array(slots);
    this.lastEnd = new Array<string | undefined>(slots).fill(undefined);
    this.period = new Float64Array(slots).fill(NaN);
  }

  /** Where a person's records of a kind of cycle are kept. */
  private slot(i: number, name: string): number {
    return i * this.kindIndex.size + this.kindIndex.get(name)!;
  }

  current(i: number): ActiveCycle | undefined {
    return this.active[i];
  }

  /** The cycles a person has, by their designation. */
  cyclesOf(i: number): readonly [string, CycleSpec][] {
    const d = this.sim.designationOf(i);
    if (!d) return [];
    let cycles = this.byDesignation.get(d);
    if (!cycles) this.byDesignation.set(d, (cycles = Object.entries(this.sim.world.spec.cycles).filter(([, c]) => c.designation === d)));
    return cycles;
  }

  partnerOf(i: number): number {
    return this.sim.mate[i] >= 0 ? this.sim.mate[i] : this.sim.partner[i];
  }

  /** Plans a person's first cycle of each kind they have. */
  setup(i: number): void {
    const sim = this.sim;
    for (const [name, spec] of this.cyclesOf(i)) {
      let first: Hour;
      const born = sim.bornAt(i);
      // Without a birth date the first cycle is taken to be past: the next comes within a period.
      if (spec.firstAt && born !== undefined) {
        const [min, max] = distBounds(spec.firstAt);
        first = born + Math.round(min + (max - min) * sim.random.next());
        if (first < sim.now) first = sim.now + Math.round(sample(spec.period, sim.random) * sim.random.next());
      } else {
        first = sim.now + Math.round(sample(spec.period, sim.random) * sim.random.next());
      }
      this.plan(i, name, first);
    }
  }

  /** Plans the next cycle of a kind; a cycle that returns after an unresolved one comes back without a prelude. */
  private plan(i: number, name: string, hour: Hour, returning = false): void {
    const key = this.slot(i, name);
    const g = ++this.plans[key];
    this.sim.at(hour, () => {
      if (this.plans[key] === g) this.begin(i, name, returning);
    });
  }

  /** Each cycle's modifier conditions, compiled once. */
  private readonly modifierWhen = new Map<CycleSpec, Condition[]>();

  private applicable(i: number, spec: CycleSpec): ModifierSpec[] {
    const sim = this.sim;
    const vars = { self: sim.view(i), partner: sim.view(this.partnerOf(i)) };
    let when = this.modifierWhen.get(spec);
    if (!when) this.modifierWhen.set(spec, (when = (spec.modifiers ?? []).map((m) => sim.world.condition("cycle", m.when))));
    return (spec.modifiers ?? []).filter((_, k) => when[k](vars));
  }

  private modifierCauses(name: string, mods: ModifierSpec[]): Cause[] {
    return mods.flatMap((m) => ruleCauses(m, `cycles.${name}.modifiers.${m.id}`));
  }

  /** The shape of a cycle's main phase under the modifiers that hold now: length, resolution, scent. */
  private shape(i: number, name: string) {
    const sim = this.sim;
    const spec = sim.world.spec.cycles[name];
    const mods = this.applicable(i, spec);
    let duration = sample(spec.duration, sim.random);
    for (const m of mods) duration = adjust(duration, m.duration, sim.random);
    let resolved = this.partnerOf(i) >= 0;
    let returnAfter: number | undefined;
    let scentRange = 1;
    for (const m of mods) {
      if (m.resolved !== undefined) resolved = m.resolved;
      if (m.returnAfter) returnAfter = sample(m.returnAfter, sim.random);
      if (m.scentRange !== undefined) scentRange *= m.scentRange;
    }
    return { mods, duration: Math.max(1, duration), resolved, returnAfter, scentRange };
  }

  private begin(i: number, name: string, returning = false): void {
    const sim = this.sim;
    const busy = this.active[i];
    if (busy) {
      // One cycle at a time: this one waits until the current one is over.
      this.plan(i, name, busy.end + 1, returning);
      return;
    }
    const spec = sim.world.spec.cycles[name];
    const mods = this.applicable(i, spec);
    const causes = [...ruleCauses(spec, `cycles.${name}`), ...this.modifierCauses(name, mods)];
    // A cycle follows from the previous one of its kind (or from presentation), not from whatever else happened last.
    const slot = this.slot(i, name);
    const previous = this.lastEnd[slot];
    if (previous) causes.push({ kind: "event", id: previous });
    let period = sample(spec.period, sim.random);
    for (const m of mods) period = adjust(period, m.period, sim.random);
    this.period[slot] = period;
    // Suppressants block the cycles the world lists, as a modifier with skip would.
    const sup = sim.world.spec.suppressants;
    const blocked = sim.suppressed[i] === 1 && sup?.blocks?.includes(name);
    if (blocked) causes.push(...ruleCauses(sup, "suppressants.blocks"));
    const skip = mods.find((m) => m.skip)?.id ?? (blocked ? "suppressed" : undefined);
    if (skip) {
      sim.emit(`${name}-skipped`, [i], `${sim.names[i]} has no ${name} this time (${skip}).`, causes);
      this.sim.scent.breakthrough(i, name, causes);
      this.plan(i, name, sim.now + Math.max(24, period));
      return;
    }
    const prelude = spec.prelude && !returning ? sample(spec.prelude.duration ?? "1d", sim.random) : 0;
    const start = sim.now;
    const a: ActiveCycle = {
      cycle: name,
      phase: spec.prelude?.name ?? spec.phases[0].name,
      inPrelude: prelude > 0,
      start,
      mainStart: start + prelude,
      end: start + prelude + 1,
      resolved: false,
      modifiers: mods,
      startEvent: "",
      scentRange: 1,
      intensity: spec.prelude?.intensity ?? 0.3,
      timeline: 0,
      endToken: 0,
    };
    this.active[i] = a;
    this.lastStart[i] = start;
    if (prelude > 0) {
      const e = sim.emit(`${spec.prelude!.name}-began`, [i], `${sim.names[i]} enters ${spec.prelude!.name}.`, [...causes, ...ruleCauses(spec.prelude, `cycles.${name}.prelude`)], { cycle: name });
      a.startEvent = e.id;
      sim.lastCause[i] = e;
      sim.scent.refreshPerson(i);
      const t = a.timeline;
      sim.at(a.mainStart, () => this.active[i] === a && a.timeline === t && this.beginMain(i, [eventCause(e)]));
    } else {
      this.beginMain(i, causes);
    }
    // A bonded mate's cycle starts with this one.
    const mate = sim.mate[i];
    if (spec.syncWithMate && mate >= 0 && !this.active[mate]) {
      const mateCycle = this.cyclesOf(mate)[0];
      if (mateCycle) {
        sim.emit("cycles-synchronised", [mate, i], `${sim.names[mate]}'s ${mateCycle[0]} follows ${sim.names[i]}'s ${name}.`, [...ruleCauses(spec, `cycles.${name}.syncWithMate`), { kind: "event", id: a.startEvent || sim.lastCause[i]!.id }]);
        this.begin(mate, mateCycle[0]);
      }
    }
  }

  /** The main phase begins: its length and resolution follow the modifiers that hold now. */
  private beginMain(i: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    const a = this.active[i]!;
    const spec = sim.world.spec.cycles[a.cycle];
    const shape = this.shape(i, a.cycle);
    a.inPrelude = false;
    a.mainStart = sim.now;
    a.end = sim.now + shape.duration;
    a.resolved = shape.resolved;
    a.modifiers = shape.mods;
    a.scentRange = shape.scentRange;
    a.returnAfter = shape.returnAfter;
    const t = ++a.timeline;
    const partner = this.partnerOf(i);
    const e = sim.emit(`${a.cycle}-began`, [i], `${sim.names[i]}'s ${a.cycle} begins${partner >= 0 ? ` (partner: ${sim.names[partner]})` : " (no partner)"}.`, [...causes, ...this.modifierCauses(a.cycle, a.modifiers)], {
      cycle: a.cycle,
      expectedLength: formatDuration(shape.duration),
      resolved: a.resolved,
    });
    if (!a.startEvent) a.startEvent = e.id;
    const mainEvent = e.id;
    sim.lastCause[i] = e;
    // Phases: each with its own length; the last takes what remains.
    let at = sim.now;
    spec.phases.forEach((p, k) => {
      const when = at;
      sim.at(when, () => {
        if (this.active[i] !== a || a.timeline !== t) return;
        a.phase = p.name;
        a.intensity = p.intensity ?? 1;
        sim.touch(i);
        if (k > 0) sim.emit(`${a.cycle}-phase`, [i], `${sim.names[i]}'s ${a.cycle} moves to ${p.name}.`, [...ruleCauses(p, `cycles.${a.cycle}.phases.${p.name}`), { kind: "event", id: mainEvent }], { phase: p.name });
        sim.scent.refreshPerson(i);
      });
      if (p.duration) at += sample(p.duration, sim.random);
    });
    this.scheduleEnd(i, a, [{ kind: "event", id: mainEvent }]);
    // Risks (an injury during a heat alone) are drawn once per cycle, from the one random stream.
    for (const m of a.modifiers) {
      if (m.risk && sim.random.chance(m.risk.probability)) {
        const when = a.mainStart + Math.floor(sim.random.next() * Math.max(1, a.end - a.mainStart));
        sim.at(when, () => {
          if (this.active[i] !== a) return;
          sim.emit(m.risk!.event, [i], `${sim.names[i]}: ${m.risk!.event.replace(/-/g, " ")} during ${a.cycle} (${m.id}).`, [...ruleCauses(m, `cycles.${a.cycle}.modifiers.${m.id}`), { kind: "event", id: mainEvent }], undefined, "warning");
        });
      }
    }
  }

  private scheduleEnd(i: number, a: ActiveCycle, causes: readonly Cause[]): void {
    const token = ++a.endToken;
    this.sim.at(a.end, () => this.active[i] === a && a.endToken === token && this.end(i, causes));
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
    sim.lastCause[i] = e;
    const slot = this.slot(i, a.cycle);
    this.lastEnd[slot] = e.id;
    sim.scent.refreshPerson(i);
    // The next cycle: a period after this one's main phase began, or soon after an unresolved one ends.
    const returning = !a.resolved && a.returnAfter !== undefined;
    const at = returning ? sim.now + a.returnAfter! : a.mainStart + (Number.isNaN(this.period[slot]) ? 24 * 90 : this.period[slot]);
    this.plan(i, a.cycle, Math.max(at, sim.now + 24), returning);
  }

  /** The partner changed: the main phase's length is worked out again, and it ends now if already past. */
  partnerChanged(i: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    const a = this.active[i];
    if (!a || a.inPrelude) return; // a prelude takes its shape when the main phase begins
    const shape = this.shape(i, a.cycle);
    a.modifiers = shape.mods;
    a.resolved = shape.resolved;
    a.returnAfter = shape.returnAfter;
    a.scentRange = shape.scentRange;
    const why = [...causes, ...this.modifierCauses(a.cycle, shape.mods)];
    const newEnd = a.mainStart + shape.duration;
    if (newEnd <= sim.now) {
      this.end(i, why);
    } else if (newEnd !== a.end) {
      a.end = newEnd;
      this.scheduleEnd(i, a, why);
    }
  }

  /** A perceived scent may move a person in a prelude straight into the main phase. */
  onPerceived(perceiver: number, target: number, tell: string, intensity: number, cause: SimEvent): void {
    const sim = this.sim;
    const a = this.active[perceiver];
    if (!a || !a.inPrelude || !sim.adults(perceiver, target)) return;
    const spec = sim.world.spec.cycles[a.cycle];
    for (const t of spec.triggers ?? []) {
      const vars = { perceiver: sim.view(perceiver), target: sim.smelledView(target), tell, intensity };
      if (!t.advance || !sim.world.condition("perception", t.when)(vars)) continue;
      this.beginMain(perceiver, [...ruleCauses(t, `cycles.${a.cycle}.triggers.${t.id}`), eventCause(cause)]);
      return;
    }
  }

}

