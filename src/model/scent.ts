/**
 * Scent: who perceives whom, which tells, from how far and through which connections (distances
 * through the place graph are "effective", see place-graph.ts).
 * Perception is worked out only when something changes (a move, a new phase, a tell), and only
 * against people in places within range, never every pair every hour.
 */
import { parseDistance, parseDuration } from "../core/time.js";
import { eventCause, type CastNames, type Cause, type SimEvent, type Wording } from "../sim/event.js";
import { PlaceGraph, type Reach } from "./place-graph.js";
import { maskerCounts, type MaskerCounts } from "./masking.js";
import { PairSet } from "./pair-set.js";
import { Rosters } from "./rosters.js";
import { ruleCauses } from "../sim/causes.js";
import type { Simulator } from "../sim/simulator.js";
import type { Condition, PersonView } from "../rules/expr.js";
import type { Static } from "@sinclair/typebox";
import type { RangeRule } from "../world/schema.js";

type RangeRuleSpec = Static<typeof RangeRule>;

interface Emission {
  tell: string;
  intensity: number;
  epoch: number;
  /** The farthest this tell can carry under any rule (see upperBound). */
  bound: number;
}

const SIGNATURE = "signature";

const NOTHING: readonly Emission[] = [];
const NO_TELLS: ReadonlySet<string> = new Set();

/** Whether a range rule's condition reads the perceiver: then it depends on who smells. */
export const readsPerceiver = (condition: string): boolean => /\bperceiver\b/.test(condition);

/** Orders numbers, Infinity included (a subtraction would give NaN for two infinities). */
const compare = (x: number, y: number): number => (x === y ? 0 : x < y ? -1 : 1);

interface Masking {
  factor: number;
  causes: readonly Cause[];
  maskers: number;
}

interface RangeMeasure {
  range: number;
  /** Index of the range rule that set the base range, or -1. */
  specific: number;
  /** Indices of the range modifiers that applied. */
  modifiers?: number[];
  mask: Masking;
}

const NO_MASK: Masking = { factor: 1, causes: [], maskers: 0 };

/** Whether any of a person's passing tells still shows (those over are kept, and ignored). */
function hasPassing(tells: ReadonlyMap<string, { until: number }>, now: number): boolean {
  for (const t of tells.values()) if (t.until > now) return true;
  return false;
}

/** A perception's sentence, from its data: who smells whom, what it tells, how far and through where. */
function perceivedWording(cast: CastNames): Wording {
  return (e) => {
    const d = e.data!;
    const target = cast.of(e.people[1]);
    const what = d.tell === SIGNATURE ? `${target}'s scent${d.reveals ? ` (${d.reveals})` : ""}` : `${target}'s ${d.tell} scent`;
    const where = d.via ? ` through ${d.via}` : "";
    return `${cast.of(e.people[0])} smells ${what} at ${d.distance} ft${where} (range ${d.range} ft).`;
  };
}

export class ScentEngine {
  /** People giving off a tell (not only a signature), by place. */
  private readonly bearers: Rosters;
  private readonly crowd: number | undefined;
  private readonly upperBound: Map<string, number>;
  /** What nearly everyone gives off: a signature alone (shared, never changed). */
  private readonly signatureOnly: readonly Emission[];
  /** What suppressants hide. */
  private readonly hidden: ReadonlySet<string>;
  /** The maskers in or next to each place (none when the world has no masking). */
  private readonly maskers: MaskerCounts | undefined;
  /** Who masks others' scent (none when the world has no masking). */
  private readonly isMasker: Condition | undefined;
  private readonly tellRanges: Map<string, number>;
  private readonly signatureRange: number;
  private readonly rangeRules: { rule: RangeRuleSpec; range: number; when: Condition }[];
  /** The conditions of the range modifiers and of the responses, in the world's order (compiled once). */
  private readonly modifierWhen: Condition[];
  private readonly responseWhen: Condition[];
  /** Which responses speak of the perceiver's bond (by index): a bond's reduced response leaves them as written. */
  private readonly namesBond: boolean[];
  /** Which range rules and modifiers read the perceiver (by index): they depend on who smells. */
  private readonly readsPerceiver: { ranges: boolean[]; modifiers: boolean[] };
  /** Everyone, by the place they are in. */
  private readonly members: Rosters;
  /** The places and how far scent goes between them. */
  readonly graph: PlaceGraph;
  /** Each person's tells beyond their cycle's, made on their first (most people never have one). */
  private readonly tells: (Map<string, { until: number; since: number }> | undefined)[];
  readonly worn: { from: number; hour: number }[][];
  /** Who left scent in each place and when, oldest first (two parallel lists, no object per entry). */
  private readonly residueBy: number[][];
  private readonly residueAt: number[][];
  /** Where each place's unfaded residue begins. */
  private readonly residueStart: Int32Array;
  /** Traces already noticed ("perceiver:person:hour"). */
  private readonly seenTraces = new Set<string>();
  private readonly seenSignature: PairSet;
  /** The episode (its start hour) of each tell last noticed, by pair and tell. */
  private readonly seenTell = new Map<string, Map<number, number>>();
  private readonly maxRange: number;
  /** What smelling a person tells others (scent.reveals). */
  private readonly revealed: ReadonlySet<string>;
  /** What each person in a cycle gives off, and their change count then (see emissions). */
  private readonly emitted: (readonly Emission[] | undefined)[];
  private readonly emittedAt: Float64Array;
  /** What each person's scent told others when last smelled, and their change count then (see revealedNow). */
  private readonly revealedText: string[];
  private readonly revealedAt: Float64Array;
  /** Half-lives of worn scent and of residue, in hours (the world's text read once). */
  private readonly wornHalfLife: number;
  private readonly residueHalfLife: number;

  constructor(private readonly sim: Simulator) {
    const places = sim.places.length;
    this.members = new Rosters(places, sim.n);
    this.bearers = new Rosters(places, sim.n);
    this.residueBy = Array.from({ length: places }, () => []);
    this.residueAt = Array.from({ length: places }, () => []);
    this.residueStart = new Int32Array(places);
    this.tells = new Array<Map<string, { until: number; since: number }> | undefined>(sim.n).fill(undefined);
    this.worn = Array.from({ length: sim.n }, () => []);
    this.seenSignature = new PairSet(sim.n);
    this.emitted = new Array<readonly Emission[] | undefined>(sim.n).fill(undefined);
    this.emittedAt = new Float64Array(sim.n).fill(-1);
    this.revealedText = new Array<string>(sim.n).fill("");
    this.revealedAt = new Float64Array(sim.n).fill(-1);
    const s = sim.world.spec.scent;
    this.signatureRange = parseDistance(s.signatureRange)!;
    this.crowd = s.crowd;
    this.hidden = new Set(sim.world.spec.suppressants?.hides ?? []);
    this.revealed = new Set(s.reveals ?? []);
    this.wornHalfLife = parseDuration(s.transfer?.halfLife ?? "1d")!;
    this.residueHalfLife = s.residue ? parseDuration(s.residue.halfLife)! : Infinity;
    this.tellRanges = new Map(Object.entries(s.tells).map(([k, t]) => [k, parseDistance(t.range)!]));
    this.rangeRules = (s.ranges ?? []).map((rule) => ({ rule, range: parseDistance(rule.range)!, when: sim.world.condition("perception", rule.when) }));
    this.modifierWhen = (s.rangeModifiers ?? []).map((m) => sim.world.condition("perception", m.when));
    this.responseWhen = (s.responses ?? []).map((r) => sim.world.condition("perception", r.when));
    this.namesBond = (s.responses ?? []).map((r) => /\bperceiver\s*\.\s*(bonded|mate)\b/.test(r.when));
    this.readsPerceiver = { ranges: this.rangeRules.map((r) => readsPerceiver(r.when.source)), modifiers: this.modifierWhen.map((c) => readsPerceiver(c.source)) };
    // No rule can stretch a scent beyond these bounds, so farther pairs are skipped unexamined.
    const stretch =
      (s.rangeModifiers ?? []).reduce((f, m) => f * Math.max(1, m.factor), 1) *
      Math.max(1, ...Object.values(sim.world.spec.cycles).flatMap((c) => (c.modifiers ?? []).map((m) => m.scentRange ?? 1)));
    const widest = Math.max(0, ...this.rangeRules.map((r) => r.range));
    this.upperBound = new Map([[SIGNATURE, Math.max(this.signatureRange, widest) * stretch]]);
    for (const [tell, r] of this.tellRanges) this.upperBound.set(tell, Math.max(r, widest) * stretch);
    this.maxRange = Math.max(...this.upperBound.values());
    this.signatureOnly = [{ tell: SIGNATURE, intensity: 1, epoch: 0, bound: this.upperBound.get(SIGNATURE)! }];
    this.graph = new PlaceGraph(places, sim.project.connections, sim.world.spec.scent.connections, this.maxRange);
    const masking = s.masking;
    if (masking) {
      const host = { members: this.members, neighbours: this.graph.neighbours, view: (i: number) => sim.view(i) };
      this.isMasker = sim.world.condition("person", masking.maskers);
      this.maskers = maskerCounts(host, sim.n, this.isMasker);
    }
  }

  /** The person joins a place's people (once). */
  private join(i: number, place: number): void {
    if (this.members.add(i, place)) this.maskers?.entered(i, place);
  }

  /**
   * Something others smell on a person changed (a bond formed): everyone within reach notices
   * them afresh, as if meeting them again.
   */
  renew(i: number): void {
    for (let p = 0; p < this.sim.n; p++) this.seenSignature.delete(p, i);
    this.refreshPerson(i);
  }

  /** Someone's designation or state changed: whether they mask may have too. */
  invalidate(i: number): void {
    this.maskers?.changed(i);
  }

  refreshAll(): void {
    for (let i = 0; i < this.sim.n; i++) if (this.sim.location[i] >= 0) this.join(i, this.sim.location[i]);
    for (let i = 0; i < this.sim.n; i++) this.refreshPerson(i);
  }

  /** What a person gives off now, less what suppressants hide. */
  emissions(i: number): readonly Emission[] {
    const sim = this.sim;
    const c = sim.cycles.current(i);
    const tells = this.tells[i];
    const suppressed = sim.suppressed[i] === 1;
    const passing = tells !== undefined && hasPassing(tells, sim.now);
    // The common case, a plain signature, allocates nothing.
    if (!c && !passing) return suppressed && this.hidden.has(SIGNATURE) ? NOTHING : this.signatureOnly;
    // A cycle's tell lasts until the person changes (every change is an event naming them or a
    // touch); a passing tell fades by the hour, so whoever has one is worked out afresh.
    if (!passing && this.emittedAt[i] === sim.changes[i]) return this.emitted[i]!;
    const hidden = suppressed ? this.hidden : NO_TELLS;
    const out: Emission[] = hidden.has(SIGNATURE) ? [] : [this.signatureOnly[0]];
    if (c) {
      const spec = sim.world.spec.cycles[c.cycle];
      const phase = c.inPrelude ? spec.prelude : spec.phases.find((p) => p.name === c.phase);
      if (phase?.tell && !hidden.has(phase.tell)) out.push({ tell: phase.tell, intensity: c.inPrelude ? (phase.intensity ?? 0.3) : c.intensity, epoch: c.start, bound: this.boundOf(phase.tell) });
    }
    if (tells) for (const [tell, t] of tells) if (t.until > sim.now && !hidden.has(tell)) out.push({ tell, intensity: 1, epoch: t.since, bound: this.boundOf(tell) });
    if (!passing) {
      this.emitted[i] = out;
      this.emittedAt[i] = sim.changes[i];
    }
    return out;
  }

  private boundOf(tell: string): number {
    return this.upperBound.get(tell) ?? this.maxRange;
  }

  /** How far (effective feet) a perceiver can smell this tell of the target, with every rule that set it. */
  range(perceiver: number, target: number, tell: string, intensity: number, views?: { perceiver: PersonView; target: PersonView }): { range: number; causes: readonly Cause[] } {
    const m = this.measure(perceiver, target, tell, intensity, views);
    return { range: m.range, causes: this.rangeCauses(tell, m) };
  }

  /**
   * The range alone, with which rules set it (as indices): most pairs are out of range, and their
   * causes are never needed.
   */
  private measure(perceiver: number, target: number, tell: string, intensity: number, views?: { perceiver: PersonView; target: PersonView }): RangeMeasure {
    const vars = { perceiver: views?.perceiver ?? this.sim.view(perceiver), target: views?.target ?? this.sim.smelledView(target), tell, intensity };
    const m = this.unmasked(target, vars, false);
    m.mask = this.masking(target);
    if (m.mask.factor < 1) m.range *= m.mask.factor;
    return m;
  }

  /**
   * The range before masking. With `anyPerceiver`, rules that read the perceiver are passed over:
   * the range for a perceiver no rule singles out (what the studio's scent map draws).
   */
  private unmasked(target: number, vars: { perceiver: PersonView; target: PersonView; tell: string; intensity: number }, anyPerceiver: boolean): RangeMeasure {
    const sim = this.sim;
    const s = sim.world.spec.scent;
    const { tell, intensity } = vars;
    const signature = tell === SIGNATURE;
    let range = signature ? this.signatureRange : (this.tellRanges.get(tell) ?? this.signatureRange);
    const specific = this.rangeRules.findIndex((r, k) => !(anyPerceiver && this.readsPerceiver.ranges[k]) && r.when(vars));
    if (specific >= 0) range = this.rangeRules[specific].range;
    let modifiers: number[] | undefined;
    const rangeModifiers = s.rangeModifiers ?? [];
    for (let k = 0; k < rangeModifiers.length; k++) {
      if ((anyPerceiver && this.readsPerceiver.modifiers[k]) || !this.modifierWhen[k](vars)) continue;
      range *= rangeModifiers[k].factor;
      (modifiers ??= []).push(k);
    }
    const c = sim.cycles.current(target);
    if (c && !signature) range *= c.scentRange * Math.max(0.1, intensity);
    return { range, specific, modifiers, mask: NO_MASK };
  }

  /**
   * What a person gives off now, each scent with how far it carries for a perceiver no rule about
   * perceivers singles out, before masking (which changes with who is around), and when a passing
   * tell fades (none for a signature or a cycle's tell, which last while their cause does).
   */
  reachOf(i: number): { tell: string; range: number; until?: number }[] {
    const target = this.sim.smelledView(i);
    return this.emissions(i).map((em) => {
      // The conditions left to evaluate never read the perceiver: the target stands in for one.
      const { range } = this.unmasked(i, { perceiver: target, target, tell: em.tell, intensity: em.intensity }, true);
      const passing = em.tell === SIGNATURE ? undefined : this.tells[i]?.get(em.tell);
      return passing && passing.since === em.epoch ? { tell: em.tell, range, until: passing.until } : { tell: em.tell, range };
    });
  }

  /** The causes of each range rule and range modifier (by index), looked up once each. */
  private readonly rangeRuleCauses: (readonly Cause[] | undefined)[] = [];
  private readonly modifierCauses: (readonly Cause[] | undefined)[] = [];
  /** The rules that set each tell's base range (by tell), looked up once per tell. */
  private readonly tellCauses = new Map<string, readonly Cause[]>();

  private rangeCauses(tell: string, m: RangeMeasure): Cause[] {
    const s = this.sim.world.spec.scent;
    let base = this.tellCauses.get(tell);
    if (!base) {
      // A tell the world does not list (a stress's distress, in a world without it) carries as far
      // as a signature.
      const own = tell !== SIGNATURE && s.tells[tell] !== undefined;
      this.tellCauses.set(tell, (base = ruleCauses(own ? s.tells[tell] : s, own ? `scent.tells.${tell}` : "scent.signatureRange")));
    }
    // The common case, the tell's own range alone, copies one list (the caller adds to it).
    if (m.specific < 0 && m.modifiers === undefined && m.mask.factor >= 1) return base.slice();
    const causes: Cause[] = [...base];
    if (m.specific >= 0) causes.push(...(this.rangeRuleCauses[m.specific] ??= ruleCauses(this.rangeRules[m.specific].rule, `scent.ranges.${this.rangeRules[m.specific].rule.id}`)));
    for (const k of m.modifiers ?? []) causes.push(...(this.modifierCauses[k] ??= ruleCauses(s.rangeModifiers![k], `scent.rangeModifiers.${s.rangeModifiers![k].id}`)));
    if (m.mask.factor < 1) causes.push(...m.mask.causes);
    return causes;
  }

  /**
   * Maskers (betas, in most worlds) in or next to the emitter's place shrink its range, never to
   * nothing. Worked out once per place until someone moves.
   */
  masking(target: number): Masking {
    const sim = this.sim;
    const m = sim.world.spec.scent.masking;
    const place = sim.location[target];
    if (!m || !this.maskers || place < 0) return NO_MASK;
    // The emitter does not mask itself.
    const n = this.maskers.around(target, place);
    if (n <= 0) return NO_MASK;
    // The same few counts come up again and again: one (frozen) answer for each.
    return (this.maskingFor[n] ??= Object.freeze({ factor: Math.max(m.floor, Math.pow(m.factorEach, n)), causes: ruleCauses(m, "scent.masking"), maskers: n }));
  }

  /** Whether the person masks others' scent now. */
  masks(i: number): boolean {
    return this.isMasker ? this.isMasker({ person: this.sim.view(i) }) : false;
  }

  canPerceive(i: number): boolean {
    return this.sim.hasAxis[i] === 1 && this.sim.location[i] >= 0;
  }

  private crowded(place: number): boolean {
    return this.crowd !== undefined && this.members.size(place) > this.crowd;
  }

  /** Works out who perceives person i now. */
  refreshPerson(i: number): void {
    const place = this.sim.location[i];
    if (place < 0) return;
    const emissions = this.emissions(i);
    let tells = false;
    for (const e of emissions) if (e.tell !== SIGNATURE) tells = true;
    if (tells) this.bearers.add(i, place);
    else {
      this.bearers.delete(i, place);
      if (this.crowded(place)) return; // a lone signature blurs into the crowd
    }
    if (emissions.length === 0) return;
    let bound = 0;
    for (const e of emissions) bound = Math.max(bound, e.bound);
    // Reach lists places nearest first: stop where even the widest scent cannot carry.
    const reach = this.graph.reachFrom(place);
    const { places, distances } = reach;
    for (let k = 0; k < places.length && distances[k] <= bound; k++) {
      for (const q of this.members.of(places[k])) if (q !== i && this.canPerceive(q) && !this.known(q, i, emissions)) this.tryPerceive(q, i, emissions, reach, k);
    }
  }

  /** Works out what person i perceives now (after moving). */
  refreshPerceiver(i: number): void {
    const place = this.sim.location[i];
    if (place < 0 || !this.canPerceive(i)) return;
    const reach = this.graph.reachFrom(place);
    // Everyone nearby gives off a signature; past its reach (or in a crowd) only the few people
    // giving off a tell can be smelled, so look at them rather than at everyone.
    const near = this.crowded(place) ? -1 : this.upperBound.get(SIGNATURE)!;
    let k = 0;
    for (; k < reach.places.length && reach.distances[k] <= near; k++) {
      for (const q of this.members.of(reach.places[k])) {
        if (q === i) continue;
        const emissions = this.emissions(q);
        if (!this.known(i, q, emissions)) this.tryPerceive(i, q, emissions, reach, k);
      }
    }
    for (; k < reach.places.length; k++) {
      // Walked from the end, so that should anyone stop giving off a tell during the walk, the one
      // moved into their slot has already been looked at (no one is skipped; a second look finds
      // the pair already noticed). Nothing does so today: what perception sets off waits its turn.
      const bearers = this.bearers.of(reach.places[k]);
      for (let j = bearers.length - 1; j >= 0; j--) {
        const q = bearers[j];
        if (q !== undefined && q !== i) this.tryPerceive(i, q, this.emissions(q), reach, k);
      }
    }
  }

  /** The episodes of a tell last noticed, by pair (one map per tell keeps the keys small integers). */
  private seenEpisodes(tell: string): Map<number, number> {
    let seen = this.seenTell.get(tell);
    if (!seen) this.seenTell.set(tell, (seen = new Map()));
    return seen;
  }

  /** A signature alone, already noticed: nothing more to notice (the commonest case, asked first). */
  private known(perceiver: number, target: number, emissions: readonly Emission[]): boolean {
    return emissions === this.signatureOnly && this.seenSignature.has(perceiver, target);
  }

  /** Whether the perceiver notices what the target gives off from the k-th place of the perceiver's reach. */
  private tryPerceive(perceiver: number, target: number, emissions: readonly Emission[], reach: Reach, k: number): void {
    const sim = this.sim;
    // Read here rather than passed: a fractional number passed to a function is boxed, a million times.
    const distance = reach.distances[k];
    let views: { perceiver: PersonView; target: PersonView } | undefined;
    for (const em of emissions) {
      // A signature is noticed once per pair; a tell once per pair and episode. (Cheapest test first.)
      const signature = em.tell === SIGNATURE;
      const pair = perceiver * sim.n + target;
      if (signature && this.seenSignature.has(perceiver, target)) continue;
      if (distance > em.bound) continue;
      if (signature && (this.crowded(sim.location[perceiver]) || this.crowded(sim.location[target]))) continue;
      const episodes = signature ? undefined : this.seenEpisodes(em.tell);
      if (episodes && episodes.get(pair) === em.epoch) continue;
      // The one smelled is seen as their scent shows them (their bond only once it shows in it).
      views ??= { perceiver: sim.view(perceiver), target: sim.smelledView(target) };
      const measured = this.measure(perceiver, target, em.tell, em.intensity, views);
      const range = measured.range;
      if (distance > range) continue;
      const causes = this.rangeCauses(em.tell, measured);
      if (signature) this.seenSignature.add(perceiver, target);
      else episodes!.set(pair, em.epoch);
      const strength = Math.round((1 - distance / Math.max(range, 1)) * 100) / 100;
      const inputs = causes;
      const targetChange = sim.lastCause[target];
      if (targetChange) inputs.push(this.causeNaming(targetChange));
      // The perceiver's own latest change is a cause only when it is what brought them here now.
      const own = sim.lastCause[perceiver];
      if (own && own !== targetChange && sim.lastCauseHour[perceiver] === sim.now) inputs.push(this.causeNaming(own));
      const from = sim.location[target];
      const to = sim.location[perceiver];
      const via = from !== to ? this.via(from, to) : undefined;
      const reveals = signature ? this.revealedNow(target) : "";
      // One literal for each shape, so the data object holds all its fields in itself.
      const data: Record<string, string | number> =
        via === undefined
          ? reveals === ""
            ? { tell: em.tell, distance: Math.round(distance), range: Math.round(range), strength }
            : { tell: em.tell, distance: Math.round(distance), range: Math.round(range), strength, reveals }
          : reveals === ""
            ? { tell: em.tell, distance: Math.round(distance), range: Math.round(range), strength, via }
            : { tell: em.tell, distance: Math.round(distance), range: Math.round(range), strength, via, reveals };
      const e = sim.emit("perceived", [perceiver, target], (this.perceivedWording ??= perceivedWording(sim.cast)), inputs, data);
      sim.cycles.onPerceived(perceiver, target, em.tell, em.intensity, e);
      this.respond(perceiver, target, em.tell, em.intensity, e);
    }
  }

  private perceivedWording: Wording | undefined;

  /** The cause naming the event last made into one, shared while it is asked for again (as it mostly is). */
  private lastNamed: SimEvent | undefined;
  private lastNamedCause: Cause | undefined;

  private causeNaming(e: SimEvent): Cause {
    if (this.lastNamed !== e || !this.lastNamedCause) {
      this.lastNamed = e;
      this.lastNamedCause = Object.freeze(eventCause(e));
    }
    return this.lastNamedCause;
  }

  /**
   * What smelling a person tells others now, kept while nothing about them changes: most people are
   * smelled by many others before they next change. Carried scent fades by the hour, so whoever
   * carries some is told afresh each time.
   */
  private revealedNow(target: number): string {
    const sim = this.sim;
    const changes = sim.changes[target];
    if (this.revealedAt[target] === changes && this.worn[target].length === 0) return this.revealedText[target];
    const text = this.reveals(target);
    this.revealedAt[target] = changes;
    this.revealedText[target] = text;
    return text;
  }

  private readonly viaCache = new Map<number, string>();
  private readonly maskingFor: Masking[] = [];

  /** The places a scent passes through, as text ("hall > door > room"); the graph never changes. */
  private via(from: number, to: number): string {
    const key = from * this.sim.places.length + to;
    let text = this.viaCache.get(key);
    if (text === undefined) this.viaCache.set(key, (text = this.graph.path(from, to).map((p) => this.sim.places[p]).join(" > ")));
    return text;
  }

  /** What smelling a person tells others, per the world's scent.reveals. */
  reveals(target: number): string {
    const sim = this.sim;
    const r = this.revealed;
    const out: string[] = [];
    const notes = sim.project.people[target].spec.scent;
    if (notes?.length) out.push(notes.join(", "));
    if (r.has("designation") && sim.designationOf(target)) out.push(sim.designationOf(target));
    // What a bond does to a scent shows only once the bond is in it (see model/bonds.ts).
    const bond = sim.bonds.showsBond(target);
    if (r.has("bonded")) out.push(bond ? "bonded" : "unbonded");
    if (r.has("mate") && bond) out.push(`mate: ${sim.names[sim.mate[target]]}`);
    // The mate's notes in a scent tell of the bond: only where the world's scent reveals bonds.
    if (bond && r.has("bonded") && sim.world.spec.bonds.effects?.scentMerge) {
      const mateNotes = sim.project.people[sim.mate[target]].spec.scent;
      out.push(`merged with ${sim.names[sim.mate[target]]}'s scent${mateNotes?.length ? ` (${mateNotes.join(", ")})` : ""}`);
    }
    const c = sim.cycles.current(target);
    if (r.has("cycle-phase") && c && !(sim.suppressed[target] && this.hidden.has(c.cycle))) out.push(`in ${c.phase}`);
    if (r.has("worn-scent")) for (const w of this.wornNow(target)) out.push(`carries ${sim.names[w]}'s scent`);
    return out.join("; ");
  }

  wornNow(i: number): number[] {
    const half = this.wornHalfLife;
    if (this.worn[i].length === 0) return [];
    return this.worn[i].filter((w) => Math.pow(0.5, (this.sim.now - w.hour) / half) >= 0.25).map((w) => w.from);
  }

  private respond(perceiver: number, target: number, tell: string, intensity: number, cause: SimEvent): void {
    const sim = this.sim;
    if (this.responseWhen.length === 0) return; // most worlds have no responses
    const vars = { perceiver: sim.view(perceiver), target: sim.smelledView(target), tell, intensity };
    const k = (sim.world.spec.scent.responses ?? []).findIndex((_, k) => this.responseWhen[k](vars));
    if (k < 0) return;
    const r = sim.world.spec.scent.responses![k];
    // Adults only: no one is drawn toward anyone's cycle when either is under age.
    if (r.action === "approach" && !this.sim.adults(perceiver, target)) return;
    const causes = [...ruleCauses(r, `scent.responses.${r.id}`), eventCause(cause)];
    // A bond with reduced response keeps a bonded person from being drawn to anyone but their mate:
    // they take note instead. A response whose condition speaks of the perceiver's bond says itself
    // what a bonded person does (a severe rut that overrides the bond), and is followed as written.
    const effects = sim.world.spec.bonds.effects;
    if (r.action === "approach" && effects?.reducedResponse && sim.mate[perceiver] >= 0 && sim.mate[perceiver] !== target && !this.namesBond[k]) {
      sim.emit("noticed", [perceiver, target], `${sim.names[perceiver]} takes note of ${sim.names[target]}'s ${tell} scent; the bond keeps ${sim.names[perceiver]} from being drawn to it.`, [...causes, ...ruleCauses(effects, "bonds.effects.reducedResponse")], { reduced: true });
      return;
    }
    const here = sim.location[perceiver];
    const there = sim.location[target];
    if (r.action === "approach") {
      const e = sim.emit("drawn", [perceiver, target], `${sim.names[perceiver]} is drawn toward ${sim.names[target]} (${tell}).`, causes);
      if (here === there) return;
      const door = this.graph.neighbours[there].map((x) => x.place).sort((a, b) => compare(this.graph.distance(here, a), this.graph.distance(here, b)))[0];
      // Moves wait until this round of perception is over, so no one is in two places in it.
      if (door !== undefined && door !== here) sim.at(sim.now, () => sim.move(perceiver, door, [eventCause(e)]));
    } else if (r.action === "avoid") {
      const far = (p: number) => Math.min(this.graph.distance(there, p), this.maxRange * 10);
      const away = this.graph.neighbours[here].map((x) => x.place).sort((a, b) => compare(far(b), far(a)))[0];
      const e = sim.emit("avoids", [perceiver, target], `${sim.names[perceiver]} keeps away from ${sim.names[target]} (${tell}).`, causes);
      if (away !== undefined && far(away) > far(here)) sim.at(sim.now, () => sim.move(perceiver, away, [eventCause(e)]));
    } else if (r.action === "calm") {
      sim.emit("calmed", [perceiver, target], `${sim.names[perceiver]} is calmed by ${sim.names[target]}'s scent.`, causes);
    } else {
      sim.emit("noticed", [perceiver, target], `${sim.names[perceiver]} takes note of ${sim.names[target]}'s ${tell} scent.`, causes);
    }
  }

  /** Person i has just moved (`event`: the move). */
  moved(i: number, from: number, event: SimEvent): void {
    const sim = this.sim;
    const maskerLeft = from >= 0 && !!this.maskers?.knownMasker(i, from);
    this.maskers?.forget(from);
    this.maskers?.forget(sim.location[i]);
    if (from >= 0) {
      if (this.members.delete(i, from)) this.maskers?.left(i, from);
      if (this.bearers.has(i, from)) this.bearers.add(i, sim.location[i]);
      this.residueBy[from].push(i);
      this.residueAt[from].push(sim.now);
    }
    const to = sim.location[i];
    this.join(i, to);
    this.traces(i, to, event);
    this.refreshPerson(i);
    this.refreshPerceiver(i);
    // A masker who leaves lets the scents around the old place carry farther again.
    if (maskerLeft) {
      this.refreshPeopleIn(from, i);
      for (const n of this.graph.neighbours[from]) this.refreshPeopleIn(n.place, i);
    }
  }

  /** Refreshes everyone in a place but one (a copy: refreshing can move people). */
  private refreshPeopleIn(place: number, except: number): void {
    for (const q of [...this.members.of(place)]) if (q !== except) this.refreshPerson(q);
  }

  /** Left-behind scent in a place, fading by half every residue half-life. */
  private traces(i: number, place: number, event: SimEvent): void {
    const sim = this.sim;
    const res = sim.world.spec.scent.residue;
    if (!res || !this.canPerceive(i)) return;
    const half = this.residueHalfLife;
    // Residue is kept in the order it was left: the faded entries are all at the front.
    const by = this.residueBy[place];
    const at = this.residueAt[place];
    const fadeAfter = half * Math.log2(10);
    let start = this.residueStart[place];
    while (start < at.length && sim.now - at[start] > fadeAfter) start++;
    // Faded entries are passed over, and dropped together once they are most of the list, so each
    // is moved at most once (dropping them one by one moved the whole list each time).
    if (start >= 16 && start * 2 >= at.length) {
      by.copyWithin(0, start);
      at.copyWithin(0, start);
      by.length -= start;
      at.length -= start;
      start = 0;
    }
    this.residueStart[place] = start;
    for (let k = start; k < by.length; k++) {
      const person = by[k];
      const hour = at[k];
      if (person === i || sim.location[person] === place) continue;
      const strength = Math.round(Math.pow(0.5, (sim.now - hour) / half) * 100) / 100;
      if (strength < 0.2) continue;
      const key = `trace:${i}:${person}:${hour}`;
      if (this.seenTraces.has(key)) continue;
      this.seenTraces.add(key);
      sim.emit("trace-perceived", [i, person], `${sim.names[i]} smells traces of ${sim.names[person]} in ${sim.places[place]} (${strength < 0.5 ? "faint" : "fresh"}).`, [...ruleCauses(res, "scent.residue"), eventCause(event)], { strength });
    }
  }

  setTell(i: number, tell: string, hours: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    this.tellsOf(i).set(tell, { since: sim.now, until: sim.now + hours });
    const e = sim.emit("tell", [i], `${sim.names[i]}'s scent shows ${tell}.`, causes, { tell });
    sim.lastCause[i] = e;
    this.refreshPerson(i);
    sim.bonds.feel(i, tell, e);
  }

  private tellsOf(i: number): Map<string, { until: number; since: number }> {
    return (this.tells[i] ??= new Map());
  }

  clearTell(i: number, tell: string): boolean {
    return this.tells[i]?.delete(tell) ?? false;
  }

  hasTell(i: number, tell: string): boolean {
    const t = this.tells[i]?.get(tell);
    return !!t && t.until > this.sim.now;
  }

  /** Contact: each carries the other's scent, in a world whose scent transfers (scent.transfer). */
  contact(a: number, b: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    const transfer = sim.world.spec.scent.transfer;
    if (!transfer) {
      sim.emit("contact", [a, b], `${sim.names[a]} and ${sim.names[b]} touch; in this world no scent passes by contact.`, causes);
      return;
    }
    this.worn[a].push({ from: b, hour: sim.now });
    this.worn[b].push({ from: a, hour: sim.now });
    sim.emit("scent-transfer", [a, b], `${sim.names[a]} and ${sim.names[b]} each carry the other's scent.`, [...causes, ...ruleCauses(transfer, "scent.transfer")]);
  }

  wash(i: number, causes: readonly Cause[]): void {
    this.worn[i] = [];
    this.sim.emit("washed", [i], `${this.sim.names[i]} washes; carried scent is gone.`, causes);
  }

  /** A suppressed cycle may still show faintly now and then (a breakthrough). */
  breakthrough(i: number, cycle: string, causes: readonly Cause[]): void {
    const sim = this.sim;
    const b = sim.world.spec.suppressants?.breakthrough;
    if (!b || !sim.suppressed[i] || !sim.random.chance(b.probability)) return;
    this.tellsOf(i).set(b.tell, { since: sim.now, until: sim.now + 24 });
    const e = sim.emit("breakthrough", [i], `${sim.names[i]}'s suppressed ${cycle} shows faintly in their scent (${b.tell}).`, [...ruleCauses(b, "suppressants.breakthrough"), ...causes]);
    sim.lastCause[i] = e;
    this.refreshPerson(i);
  }
}
