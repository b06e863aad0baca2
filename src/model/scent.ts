/**
 * Scent: who perceives whom, which tells, from how far and through which connections. Distances
 * through the place graph are "effective": each connection's length divided by the share of scent
 * it lets through (a door at 0.3 counts as more than three times as far; sealed never passes).
 * Perception is worked out only when something changes (a move, a new phase, a tell), and only
 * against people in places within range, never every pair every hour.
 */
import { parseDistance, parseDuration } from "../core/time.js";
import type { Cause } from "../sim/event.js";
import { ruleCauses, type Simulator } from "../sim/simulator.js";

interface Emission {
  tell: string;
  intensity: number;
  epoch: number;
}

const SIGNATURE = "signature";

export class ScentEngine {
  private readonly distCache = new Map<number, Float64Array>();
  private readonly members: Set<number>[];
  private readonly neighbours: { place: number; cost: number }[][];
  private readonly tells: Map<string, { until: number; since: number }>[];
  readonly worn: { from: number; hour: number }[][];
  private readonly residue: { person: number; hour: number }[][];
  private readonly seen = new Set<string>();
  private readonly maxRange: number;

  constructor(private readonly sim: Simulator) {
    const places = sim.places.length;
    this.members = Array.from({ length: places }, () => new Set<number>());
    this.neighbours = Array.from({ length: places }, () => []);
    this.residue = Array.from({ length: places }, () => []);
    const pass = sim.world.spec.scent.connections;
    for (const c of sim.project.connections) {
      const share = pass[c.kind];
      if (share <= 0) continue;
      const cost = c.distance / share;
      this.neighbours[c.a].push({ place: c.b, cost });
      this.neighbours[c.b].push({ place: c.a, cost });
    }
    this.tells = Array.from({ length: sim.n }, () => new Map());
    this.worn = Array.from({ length: sim.n }, () => []);
    const s = sim.world.spec.scent;
    this.maxRange = Math.max(parseDistance(s.signatureRange)!, ...(s.ranges ?? []).map((r) => parseDistance(r.range)!), ...Object.values(s.tells).map((t) => parseDistance(t.range)!));
  }

  /** Effective distances from a place to every place (Dijkstra; cached, the graph is fixed). */
  distancesFrom(place: number): Float64Array {
    let d = this.distCache.get(place);
    if (d) return d;
    d = new Float64Array(this.sim.places.length).fill(Infinity);
    d[place] = 0;
    const done = new Uint8Array(d.length);
    for (;;) {
      let u = -1;
      for (let k = 0; k < d.length; k++) if (!done[k] && d[k] < Infinity && (u < 0 || d[k] < d[u])) u = k;
      if (u < 0) break;
      done[u] = 1;
      for (const { place, cost } of this.neighbours[u]) if (d[u] + cost < d[place]) d[place] = d[u] + cost;
    }
    this.distCache.set(place, d);
    return d;
  }

  refreshAll(): void {
    for (let i = 0; i < this.sim.n; i++) if (this.sim.location[i] >= 0) this.members[this.sim.location[i]].add(i);
    for (let i = 0; i < this.sim.n; i++) this.refreshPerson(i);
  }

  /** What a person gives off now, less what suppressants hide. */
  emissions(i: number): Emission[] {
    const sim = this.sim;
    const out: Emission[] = [];
    const hidden = sim.suppressed[i] ? new Set(sim.world.spec.suppressants?.hides ?? []) : new Set<string>();
    if (!hidden.has(SIGNATURE)) out.push({ tell: SIGNATURE, intensity: 1, epoch: 0 });
    const c = sim.cycles.current(i);
    if (c) {
      const spec = sim.world.spec.cycles[c.cycle];
      const phase = c.inPrelude ? spec.prelude : spec.phases.find((p) => p.name === c.phase);
      if (phase?.tell && !hidden.has(phase.tell)) out.push({ tell: phase.tell, intensity: c.inPrelude ? (phase.intensity ?? 0.3) : c.intensity, epoch: c.start });
    }
    for (const [tell, t] of this.tells[i]) if (t.until > sim.now && !hidden.has(tell)) out.push({ tell, intensity: 1, epoch: t.since });
    return out;
  }

  /** How far (effective feet) a perceiver can smell this tell of the target, with every rule that set it. */
  range(perceiver: number, target: number, tell: string, intensity: number): { range: number; causes: Cause[] } {
    const sim = this.sim;
    const s = sim.world.spec.scent;
    const vars = { perceiver: sim.view(perceiver), target: sim.view(target), tell, intensity };
    let range = tell === SIGNATURE ? parseDistance(s.signatureRange)! : parseDistance(s.tells[tell]?.range ?? s.signatureRange)!;
    const causes: Cause[] = ruleCauses(tell === SIGNATURE ? s : s.tells[tell], tell === SIGNATURE ? "scent.signatureRange" : `scent.tells.${tell}`);
    const specific = (s.ranges ?? []).find((r) => sim.world.condition("perception", r.when)(vars));
    if (specific) {
      range = parseDistance(specific.range)!;
      causes.push(...ruleCauses(specific, `scent.ranges.${specific.id}`));
    }
    for (const m of s.rangeModifiers ?? []) {
      if (!sim.world.condition("perception", m.when)(vars)) continue;
      range *= m.factor;
      causes.push(...ruleCauses(m, `scent.rangeModifiers.${m.id}`));
    }
    const c = sim.cycles.current(target);
    if (c && tell !== SIGNATURE) range *= c.scentRange * Math.max(0.1, intensity);
    const mask = this.masking(target);
    if (mask.factor < 1) {
      range *= mask.factor;
      causes.push(...mask.causes);
    }
    return { range, causes };
  }

  /** Maskers (betas, in most worlds) in or next to the emitter's place shrink its range, never to nothing. */
  masking(target: number): { factor: number; causes: Cause[]; maskers: number } {
    const sim = this.sim;
    const m = sim.world.spec.scent.masking;
    const place = sim.location[target];
    if (!m || place < 0) return { factor: 1, causes: [], maskers: 0 };
    const isMasker = sim.world.condition("person", m.maskers);
    let n = 0;
    const near = [place, ...this.neighbours[place].map((x) => x.place)];
    for (const p of near) for (const q of this.members[p]) if (q !== target && isMasker({ person: sim.view(q) })) n++;
    if (n === 0) return { factor: 1, causes: [], maskers: 0 };
    return { factor: Math.max(m.floor, Math.pow(m.factorEach, n)), causes: ruleCauses(m, "scent.masking"), maskers: n };
  }

  canPerceive(i: number): boolean {
    return this.sim.hasAxis[i] === 1 && this.sim.location[i] >= 0;
  }

  /** Works out who perceives person i now. */
  refreshPerson(i: number): void {
    const place = this.sim.location[i];
    if (place < 0) return;
    const emissions = this.emissions(i);
    if (emissions.length === 0) return;
    const dist = this.distancesFrom(place);
    for (let p = 0; p < dist.length; p++) {
      if (dist[p] > this.maxRange * 2) continue;
      for (const q of this.members[p]) if (q !== i && this.canPerceive(q)) this.tryPerceive(q, i, emissions, dist[p]);
    }
  }

  /** Works out what person i perceives now (after moving). */
  refreshPerceiver(i: number): void {
    const place = this.sim.location[i];
    if (place < 0 || !this.canPerceive(i)) return;
    const dist = this.distancesFrom(place);
    for (let p = 0; p < dist.length; p++) {
      if (dist[p] > this.maxRange * 2) continue;
      for (const q of this.members[p]) if (q !== i) this.tryPerceive(i, q, this.emissions(q), dist[p]);
    }
  }

  private tryPerceive(perceiver: number, target: number, emissions: Emission[], distance: number): void {
    const sim = this.sim;
    for (const em of emissions) {
      const { range, causes } = this.range(perceiver, target, em.tell, em.intensity);
      if (distance > range) continue;
      const key = `${perceiver}:${target}:${em.tell}:${em.epoch}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const strength = Math.round((1 - distance / Math.max(range, 1)) * 100) / 100;
      const reveals = this.reveals(target);
      const what = em.tell === SIGNATURE ? `${sim.names[target]}'s scent${reveals ? ` (${reveals})` : ""}` : `${sim.names[target]}'s ${em.tell} scent`;
      const inputs: Cause[] = [...causes];
      if (sim.lastCause[target]) inputs.push({ kind: "event", id: sim.lastCause[target]! });
      if (sim.lastCause[perceiver] && sim.lastCause[perceiver] !== sim.lastCause[target]) inputs.push({ kind: "event", id: sim.lastCause[perceiver]! });
      const e = sim.emit("perceived", [perceiver, target], `${sim.names[perceiver]} smells ${what} at ${Math.round(distance)} ft (range ${Math.round(range)} ft).`, inputs, {
        tell: em.tell,
        distance: Math.round(distance),
        range: Math.round(range),
        strength,
      });
      sim.cycles.onPerceived(perceiver, target, em.tell, em.intensity, e.id);
      this.respond(perceiver, target, em.tell, strength, e.id);
    }
  }

  /** What smelling a person tells others, per the world's scent.reveals. */
  reveals(target: number): string {
    const sim = this.sim;
    const r = new Set(sim.world.spec.scent.reveals ?? []);
    const out: string[] = [];
    const notes = sim.project.people[target].spec.scent;
    if (notes?.length) out.push(notes.join(", "));
    if (r.has("designation") && sim.designationOf(target)) out.push(sim.designationOf(target));
    if (r.has("bonded")) out.push(sim.mate[target] >= 0 ? "bonded" : "unbonded");
    if (r.has("worn-scent")) for (const w of this.wornNow(target)) out.push(`carries ${sim.names[w]}'s scent`);
    return out.join("; ");
  }

  wornNow(i: number): number[] {
    const half = parseDuration(this.sim.world.spec.scent.transfer?.halfLife ?? "1d")!;
    return this.worn[i].filter((w) => Math.pow(0.5, (this.sim.now - w.hour) / half) >= 0.25).map((w) => w.from);
  }

  private respond(perceiver: number, target: number, tell: string, intensity: number, cause: string): void {
    const sim = this.sim;
    const vars = { perceiver: sim.view(perceiver), target: sim.view(target), tell, intensity };
    const r = (sim.world.spec.scent.responses ?? []).find((x) => sim.world.condition("perception", x.when)(vars));
    if (!r) return;
    const causes = [...ruleCauses(r, `scent.responses.${r.id}`), { kind: "event" as const, id: cause }];
    const here = sim.location[perceiver];
    const there = sim.location[target];
    if (r.action === "approach" && here !== there) {
      const d = this.distancesFrom(here);
      const door = this.neighbours[there].map((x) => x.place).sort((a, b) => d[a] - d[b])[0];
      const e = sim.emit("drawn", [perceiver, target], `${sim.names[perceiver]} is drawn toward ${sim.names[target]} (${tell}).`, causes);
      if (door !== undefined && door !== here) sim.move(perceiver, door, [{ kind: "event", id: e.id }]);
    } else if (r.action === "avoid") {
      const d = this.distancesFrom(there);
      const away = this.neighbours[here].map((x) => x.place).sort((a, b) => d[b] - d[a])[0];
      const e = sim.emit("avoids", [perceiver, target], `${sim.names[perceiver]} keeps away from ${sim.names[target]} (${tell}).`, causes);
      if (away !== undefined && d[away] > d[here]) sim.move(perceiver, away, [{ kind: "event", id: e.id }]);
    } else if (r.action === "calm") {
      sim.emit("calmed", [perceiver, target], `${sim.names[perceiver]} is calmed by ${sim.names[target]}'s scent.`, causes);
    } else {
      sim.emit("noticed", [perceiver, target], `${sim.names[perceiver]} takes note of ${sim.names[target]}'s ${tell} scent.`, causes);
    }
  }

  moved(i: number, from: number, causes: Cause[]): void {
    const sim = this.sim;
    if (from >= 0) {
      this.members[from].delete(i);
      this.residue[from].push({ person: i, hour: sim.now });
    }
    const to = sim.location[i];
    this.members[to].add(i);
    this.traces(i, to, causes);
    this.refreshPerson(i);
    this.refreshPerceiver(i);
  }

  /** Left-behind scent in a place, fading by half every residue half-life. */
  private traces(i: number, place: number, causes: Cause[]): void {
    const sim = this.sim;
    const res = sim.world.spec.scent.residue;
    if (!res || !this.canPerceive(i)) return;
    const half = parseDuration(res.halfLife)!;
    this.residue[place] = this.residue[place].filter((r) => Math.pow(0.5, (sim.now - r.hour) / half) >= 0.1);
    for (const r of this.residue[place]) {
      if (r.person === i || sim.location[r.person] === place) continue;
      const strength = Math.round(Math.pow(0.5, (sim.now - r.hour) / half) * 100) / 100;
      const key = `trace:${i}:${r.person}:${r.hour}`;
      if (strength < 0.2 || this.seen.has(key)) continue;
      this.seen.add(key);
      sim.emit("trace-perceived", [i, r.person], `${sim.names[i]} smells traces of ${sim.names[r.person]} in ${sim.places[place]} (${strength < 0.5 ? "faint" : "fresh"}).`, [...ruleCauses(res, "scent.residue"), ...causes], { strength });
    }
  }

  setTell(i: number, tell: string, hours: number, causes: Cause[]): void {
    const sim = this.sim;
    this.tells[i].set(tell, { since: sim.now, until: sim.now + hours });
    const e = sim.emit("tell", [i], `${sim.names[i]}'s scent shows ${tell}.`, causes, { tell });
    sim.lastCause[i] = e.id;
    this.refreshPerson(i);
  }

  clearTell(i: number, tell: string): boolean {
    return this.tells[i].delete(tell);
  }

  hasTell(i: number, tell: string): boolean {
    const t = this.tells[i].get(tell);
    return !!t && t.until > this.sim.now;
  }

  contact(a: number, b: number, causes: Cause[]): void {
    const sim = this.sim;
    this.worn[a].push({ from: b, hour: sim.now });
    this.worn[b].push({ from: a, hour: sim.now });
    sim.emit("scent-transfer", [a, b], `${sim.names[a]} and ${sim.names[b]} each carry the other's scent.`, [...causes, ...ruleCauses(sim.world.spec.scent.transfer, "scent.transfer")]);
  }

  wash(i: number, causes: Cause[]): void {
    this.worn[i] = [];
    this.sim.emit("washed", [i], `${this.sim.names[i]} washes; carried scent is gone.`, causes);
  }

  /** A suppressed cycle may still show faintly now and then (a breakthrough). */
  breakthrough(i: number, cycle: string, causes: Cause[]): void {
    const sim = this.sim;
    const b = sim.world.spec.suppressants?.breakthrough;
    if (!b || !sim.suppressed[i] || !sim.random.chance(b.probability)) return;
    this.tells[i].set(b.tell, { since: sim.now, until: sim.now + 24 });
    const e = sim.emit("breakthrough", [i], `${sim.names[i]}'s suppressed ${cycle} shows faintly in their scent (${b.tell}).`, [...ruleCauses(b, "suppressants.breakthrough"), ...causes]);
    sim.lastCause[i] = e.id;
    this.refreshPerson(i);
  }
}
