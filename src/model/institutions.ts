/**
 * Institutions: laws and customs as data. A law binds: what it forbids is refused (an error event,
 * the act does not happen). A custom is expected: a departure happens, and is logged as a warning.
 * Each can be in force from the start or enacted and repealed on a date by the schedule (reforms),
 * and each applies to the people its `appliesTo` condition selects (its scope).
 *
 * Roles may carry a rank on a ladder (an appointment to another rank of the same ladder is a
 * promotion or a demotion, and replaces the old rank) and pay. A `discharge` institution takes
 * roles from those it covers, when it takes force and when someone comes under it (an injury); a
 * `conscript` institution gives its role to those it covers while in force, except those its
 * `exempt` condition names, and releases them when it loses force. A `bar-pairing` institution
 * names pairs who may not bond, become partners or be matched (or only the acts its `acts` lists):
 * a law refuses, a custom warns.
 */
import { isMinor } from "./age.js";
import { birthdayHour } from "../core/time.js";
import { eventCause, type Cause } from "../sim/event.js";
import { ruleCauses } from "../sim/causes.js";
import type { Simulator } from "../sim/simulator.js";
import type { InstitutionSpec, RoleSpec } from "../world/schema.js";

export class Institutions {
  private readonly inForce = new Map<string, boolean>();
  private readonly visitCount = new Map<string, number>();
  private readonly matchedPairs = new Set<string>();
  private readonly specs: [string, InstitutionSpec][];
  private readonly roleSpecs: Record<string, RoleSpec>;
  /** Who each conscription institution has conscripted, and whom it has found exempt. */
  private readonly conscripts = new Map<string, Set<number>>();
  private readonly exempted = new Map<string, Set<number>>();

  constructor(private readonly sim: Simulator) {
    this.specs = Object.entries(sim.world.spec.institutions ?? {});
    this.roleSpecs = sim.world.spec.roles ?? {};
  }

  /** The level of the most senior ranked role a person holds (0 for none). */
  rankOf(i: number): number {
    let level = 0;
    for (const role of this.sim.roles[i]) level = Math.max(level, this.roleSpecs[role]?.rank?.level ?? 0);
    return level;
  }

  private causes(id: string, spec: InstitutionSpec): readonly Cause[] {
    return ruleCauses(spec, `institutions.${id}`);
  }

  /** Whether an institution reaches a person (its appliesTo condition, at the current time). */
  covers(spec: InstitutionSpec, i: number): boolean {
    return !spec.appliesTo || this.sim.world.condition("person", spec.appliesTo)({ person: this.sim.view(i) });
  }

  /** Visits counted so far between two people. */
  visitsBetween(a: number, b: number): number {
    return this.visitCount.get(pairKey(a, b)) ?? 0;
  }

  isInForce(id: string): boolean {
    return this.inForce.get(id) === true;
  }

  active(effect: InstitutionSpec["effect"]): [string, InstitutionSpec][] {
    return this.specs.filter(([id, s]) => s.effect === effect && this.inForce.get(id));
  }


  setup(): void {
    const sim = this.sim;
    for (const [id, spec] of this.specs) {
      const from = sim.dateOf(spec.from);
      const until = sim.dateOf(spec.until);
      const on = (spec.inForce ?? true) && (from === undefined || from <= sim.start) && (until === undefined || until > sim.start);
      this.inForce.set(id, on);
      if (on) this.apply(id, spec, this.causes(id, spec));
      if (on && spec.effect === "succession") this.nameHeir([]);
      if (from !== undefined && from > sim.start) sim.at(from, () => this.setInForce(id, true, this.causes(id, spec)));
      if (until !== undefined && until > sim.start) sim.at(until, () => this.setInForce(id, false, this.causes(id, spec)));
    }
    // Someone who comes of age while a conscription is in force is called up then.
    if (!this.specs.some(([, s]) => s.effect === "conscript")) return;
    for (const person of sim.project.people) {
      const born = person.born;
      if (born === undefined) continue;
      const of = birthdayHour(born, sim.world.ageOfMajority);
      if (of <= sim.start || of > sim.until) continue;
      const i = person.index;
      sim.at(of, () => {
        if (this.active("conscript").length > 0) this.applyTo(i, [sim.inputCause(`cast: ${sim.ids[i]}`, person.at)], CONSCRIPTION);
      });
    }
  }

  /**
   * A person's roles changed (an appointment, a title won or lost, an heir named): a conscription in
   * force looks at them again, calling up one it now covers and releasing one it no longer does.
   */
  rolesChanged(i: number, causes: readonly Cause[]): void {
    this.applyTo(i, causes, CONSCRIPTION);
  }

  setInForce(id: string, on: boolean, causes: readonly Cause[], by?: number): void {
    const sim = this.sim;
    const spec = sim.world.spec.institutions![id];
    if (this.inForce.get(id) === on) return;
    this.inForce.set(id, on);
    const e = sim.emit(on ? "enacted" : "repealed", by !== undefined ? [by] : [], `${spec.kind === "law" ? "Law" : "Custom"} "${id}" ${on ? "takes force" : "loses force"}${by !== undefined ? ` by act of ${sim.names[by]}` : ""}.`, [...causes, ...this.causes(id, spec)], { institution: id });
    if (on) this.apply(id, spec, [eventCause(e), ...this.causes(id, spec)]);
    if (on && spec.effect === "succession") this.nameHeir([eventCause(e)]);
    if (!on && spec.effect === "conscript") {
      for (const i of this.conscripts.get(id) ?? []) this.release(i, id, spec, [eventCause(e)]);
      this.conscripts.delete(id);
      this.exempted.delete(id);
    }
  }

  /**
   * Someone is injured: the institutions in force that act on who someone is now (a discharge of the
   * injured, a conscription that exempts them) look at them again. The others do not: an injury
   * appoints no guardian and mandates no suppressants the person has stopped.
   */
  injure(i: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    if (!sim.traits[i].includes("injured")) sim.traits[i] = [...sim.traits[i], "injured"];
    const e = sim.emit("injured", [i], `${sim.names[i]} is injured.`, causes);
    sim.lastCause[i] = e;
    this.applyTo(i, [eventCause(e)], RECONSIDERED);
  }

  /** A conscript goes back to what they were. */
  private release(i: number, id: string, spec: InstitutionSpec, causes: readonly Cause[]): void {
    const sim = this.sim;
    if (!sim.roles[i].delete(spec.role!)) return;
    const e = sim.emit("released", [i], `${sim.names[i]} is released from ${spec.role} (${id}).`, [...causes, ...this.causes(id, spec)], { institution: id, role: spec.role! });
    sim.lastCause[i] = e;
  }

  /**
   * Laws in force reach a person whose state changed: after a presentation all of them (a new omega
   * gets a guardian), or only those of the given effects.
   */
  applyTo(i: number, causes: readonly Cause[], effects?: ReadonlySet<InstitutionSpec["effect"]>): void {
    for (const [id, spec] of this.specs) if (this.inForce.get(id) && (!effects || effects.has(spec.effect))) this.apply(id, spec, [...causes, ...this.causes(id, spec)], i);
  }

  /** What an institution does the moment it is in force: to everyone, or to one person. */
  private apply(id: string, spec: InstitutionSpec, causes: readonly Cause[], only?: number): void {
    const sim = this.sim;
    for (let i = only ?? 0; i < (only === undefined ? sim.n : only + 1); i++) {
      if (!this.covers(spec, i)) {
        // A conscript it no longer covers (now the monarch, now in the guard) goes back.
        if (spec.effect === "conscript" && this.conscripts.get(id)?.delete(i)) this.release(i, id, spec, causes);
        continue;
      }
      if (spec.effect === "appoint-guardian" && sim.guardian[i] < 0 && !sim.matched[i] && sim.mate[i] < 0) {
        const ok = sim.world.condition("person", spec.guardian!);
        let g = -1;
        for (let k = 0; k < sim.n && g < 0; k++) if (k !== i && !isMinor(sim.world, sim.bornAt(k), sim.now) && ok({ person: sim.view(k) })) g = k;
        if (g >= 0) sim.guardian[i] = g;
        const e = sim.emit("guardian-appointed", g >= 0 ? [i, g] : [i], `${g >= 0 ? sim.names[g] : "A court-appointed guardian (not in the cast)"} is appointed guardian of ${sim.names[i]} until a match.`, causes, { institution: id });
        sim.lastCause[i] = e;
      } else if (spec.effect === "mandate-suppressants" && !sim.suppressed[i] && sim.hasAxis[i]) {
        sim.suppressed[i] = 1;
        const e = sim.emit("suppressants-mandated", [i], `${sim.names[i]} is required to take suppressants.`, causes, { institution: id });
        sim.lastCause[i] = e;
        sim.sideEffects(i, [eventCause(e)]);
        sim.scent.refreshPerson(i);
      } else if (spec.effect === "discharge") {
        for (const role of spec.roles ?? [spec.role!]) {
          if (!sim.roles[i].delete(role)) continue;
          const paid = this.roleSpecs[role]?.paid === true;
          const e = sim.emit("discharged", [i], `${sim.names[i]} is discharged from ${role} (${id})${paid ? "; the pay stops" : ""}.`, causes, { institution: id, role, paid });
          sim.lastCause[i] = e;
        }
      } else if (spec.effect === "conscript") {
        const taken = this.conscripts.get(id) ?? new Set<number>();
        this.conscripts.set(id, taken);
        if (spec.exempt && sim.world.condition("person", spec.exempt)({ person: sim.view(i) })) {
          if (taken.delete(i)) this.release(i, id, spec, causes);
          const told = this.exempted.get(id) ?? new Set<number>();
          this.exempted.set(id, told);
          if (told.has(i)) continue;
          told.add(i);
          const e = sim.emit("exempted", [i], `${sim.names[i]} is exempt from ${id}.`, [...causes, ...ruleCauses(spec, `institutions.${id}.exempt`)], { institution: id });
          sim.lastCause[i] = e;
        } else if (!sim.roles[i].has(spec.role!) && this.grant(i, spec.role!, causes, "conscripted", id)) {
          taken.add(i);
        }
      } else if (spec.effect === "legal-status" && sim.status[i] !== spec.status) {
        const before = sim.status[i];
        sim.status[i] = spec.status!;
        if (spec.status === "free") sim.owner[i] = -1;
        const e = sim.emit("status-changed", [i], `${sim.names[i]}'s legal status changes from ${before} to ${spec.status} (${id}).`, causes, { institution: id, from: before, to: spec.status! });
        sim.lastCause[i] = e;
      }
    }
  }

  visit(a: number, others: number[], chaperones: number[], causes: readonly Cause[]): void {
    const sim = this.sim;
    for (const b of others) {
      const key = pairKey(a, b);
      const n = (this.visitCount.get(key) ?? 0) + 1;
      const rules = this.active("require-visits").filter(([, s]) => this.covers(s, a) || this.covers(s, b));
      let allowed = true;
      for (const [id, s] of rules) {
        const ok = s.chaperone ? chaperones.some((c) => sim.world.condition("person", s.chaperone!)({ person: sim.view(c) })) : true;
        if (!ok) {
          const refused = s.kind === "law";
          sim.emit(refused ? "refused" : "custom-departure", [a, b], `A Visit between ${sim.names[a]} and ${sim.names[b]} without a chaperone ${refused ? "is refused by law" : "departs from custom"} (${id}).`, [...causes, ...this.causes(id, s)], { institution: id }, refused ? "error" : "warning");
          if (refused) allowed = false;
        }
      }
      if (!allowed) continue; // refused: the next person in the Visit is looked at all the same
      this.visitCount.set(key, n);
      const required = rules[0]?.[1].visits;
      const e = sim.emit("visit", [a, b, ...chaperones], `Visit ${n}${required ? ` of ${required}` : ""} between ${sim.names[a]} and ${sim.names[b]}${chaperones.length ? `, chaperoned by ${chaperones.map((c) => sim.names[c]).join(", ")}` : ""}.`, [...causes, ...rules.flatMap(([id, s]) => this.causes(id, s))], { count: n });
      sim.lastCause[a] = sim.lastCause[b] = e;
    }
  }

  /** A match announced by the schedule. Checks the Visits it needs; a bond calls matchMade. */
  match(a: number, b: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    if (!this.visitsAllow(a, b, causes) || !this.pairingAllows(a, b, "match", causes)) return;
    sim.matched[a] = sim.matched[b] = 1;
    this.matchedPairs.add(pairKey(a, b));
    const e = sim.emit("matched", [a, b], `${sim.names[a]} and ${sim.names[b]} are matched.`, causes);
    sim.lastCause[a] = sim.lastCause[b] = e;
    this.endGuardianship(a, e.id);
    this.endGuardianship(b, e.id);
  }

  isMatched(a: number, b: number): boolean {
    return this.matchedPairs.has(pairKey(a, b));
  }

  /**
   * Whether two people may pair (`act`: a bond, a partnership, a match) under the pairing bars in
   * force that cover the act: a law that bars the pair refuses it, a custom is departed from with a
   * warning.
   */
  pairingAllows(a: number, b: number, act: PairingAct, causes: readonly Cause[]): boolean {
    const sim = this.sim;
    for (const [id, s] of this.active("bar-pairing")) {
      if (!(s.acts ?? PAIRING_ACTS).includes(act) || !(this.covers(s, a) || this.covers(s, b))) continue;
      const barred = sim.world.condition("cycle", s.pair!);
      if (!barred({ self: sim.view(a), partner: sim.view(b) }) && !barred({ self: sim.view(b), partner: sim.view(a) })) continue;
      const law = s.kind === "law";
      sim.emit(law ? "refused" : "custom-departure", [a, b], `${PAIRING_WORDS[act]} between ${sim.names[a]} and ${sim.names[b]} ${law ? "is refused by law" : "departs from custom"} (${id}).`, [...causes, ...this.causes(id, s)], { institution: id }, law ? "error" : "warning");
      if (law) return false;
    }
    return true;
  }

  /** Too few Visits: a custom warns, a law refuses. */
  visitsAllow(a: number, b: number, causes: readonly Cause[]): boolean {
    const sim = this.sim;
    const n = this.visitCount.get(pairKey(a, b)) ?? 0;
    for (const [id, s] of this.active("require-visits")) {
      if (!(this.covers(s, a) || this.covers(s, b)) || n >= (s.visits ?? 0)) continue;
      const law = s.kind === "law";
      sim.emit(law ? "refused" : "custom-departure", [a, b], `${sim.names[a]} and ${sim.names[b]} are matched after ${n} Visit${n === 1 ? "" : "s"}; ${id} expects at least ${s.visits}${law ? ": refused by law" : ": a departure from custom"}.`, [...causes, ...this.causes(id, s)], { institution: id, visits: n, required: s.visits! }, law ? "error" : "warning");
      if (law) return false;
    }
    return true;
  }

  endGuardianship(i: number, cause: string): void {
    const sim = this.sim;
    const g = sim.guardian[i];
    if (g < 0 && !this.active("appoint-guardian").some(([, s]) => this.covers(s, i))) return;
    const inst = this.active("appoint-guardian")[0];
    sim.guardian[i] = -1;
    sim.emit("guardianship-ended", g >= 0 ? [i, g] : [i], `${sim.names[i]} has made a match; ${g >= 0 ? `${sim.names[g]}'s` : "the"} guardianship ends.`, [{ kind: "event", id: cause }, ...(inst ? this.causes(inst[0], inst[1]) : [])]);
  }

  /**
   * Succession: with a succession law in force, the monarch's heir is named among their children:
   * by strength (the strongest alpha), or the eldest. A "designated" heir is the story's choice.
   */
  nameHeir(causes: readonly Cause[]): void {
    const sim = this.sim;
    const law = this.active("succession")[0];
    if (!law || law[1].by === "designated") return;
    const monarch = sim.roles.findIndex((r) => r.has("monarch"));
    if (monarch < 0) return;
    const children = sim.project.relations.filter((r) => r.kind === "parent" && r.a === monarch).map((r) => r.b);
    const eligible = children.filter((c) => this.covers(law[1], c) && sim.status[c] !== "executed");
    const alphas = eligible.filter((c) => sim.designationOf(c) === "alpha");
    const pool = law[1].by === "strength" ? alphas : eligible;
    if (pool.length === 0) return;
    const heir = pool.reduce((best, c) => {
      if (law[1].by === "strength") return sim.strength[c] > sim.strength[best] ? c : best;
      // The eldest by birth date; someone whose birth date is unknown only when no one's is known.
      const [bc, bb] = [sim.bornAt(c), sim.bornAt(best)];
      return bc !== undefined && (bb === undefined || bc < bb) ? c : best;
    });
    if (sim.roles[heir].has("heir")) return;
    const before: number[] = [];
    for (let k = 0; k < sim.n; k++)
      if (sim.roles[k].delete("heir")) {
        sim.touch(k);
        before.push(k);
      }
    sim.roles[heir].add("heir");
    const e = sim.emit("heir-named", [heir, monarch], `${sim.names[heir]} is heir to ${sim.names[monarch]} (${law[1].by === "strength" ? "the strongest alpha child" : "the eldest child"}).`, [...causes, ...this.causes(law[0], law[1])]);
    sim.lastCause[heir] = e;
    for (const k of [heir, ...before]) this.rolesChanged(k, [eventCause(e)]);
  }

  /** An owner frees a person: always lawful. */
  free(i: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    if (sim.status[i] !== "enslaved") return;
    const owner = sim.owner[i];
    sim.status[i] = "free";
    sim.owner[i] = -1;
    const e = sim.emit("status-changed", owner >= 0 ? [i, owner] : [i], `${sim.names[i]} is freed${owner >= 0 ? ` by ${sim.names[owner]}` : ""}.`, causes, { from: "enslaved", to: "free" });
    sim.lastCause[i] = e;
  }

  sell(i: number, buyer: number | undefined, causes: readonly Cause[]): void {
    const sim = this.sim;
    const ban = this.active("legal-status").find(([, s]) => s.status === "free" && s.kind === "law" && this.covers(s, i));
    if (ban) {
      sim.emit("refused", [i], `The sale of ${sim.names[i]} is refused: ${ban[0]} is in force.`, [...causes, ...this.causes(ban[0], ban[1])], { institution: ban[0] }, "error");
      return;
    }
    sim.status[i] = "enslaved";
    if (buyer !== undefined) sim.owner[i] = buyer;
    const e = sim.emit("status-changed", buyer !== undefined ? [i, buyer] : [i], `${sim.names[i]} is sold${buyer !== undefined ? ` to ${sim.names[buyer]}` : ""}.`, causes, { to: "enslaved" });
    sim.lastCause[i] = e;
  }

  appoint(i: number, role: string, causes: readonly Cause[]): void {
    if (this.grant(i, role, causes, "appointed")) this.rolesChanged(i, [eventCause(this.sim.lastCause[i]!)]);
  }

  /**
   * Gives a person a role, unless a law bars them from it (a custom barring it is departed from,
   * with a warning). A ranked role replaces the person's other rank on the same ladder: a promotion
   * or a demotion. False when refused.
   */
  private grant(i: number, role: string, causes: readonly Cause[], how: "appointed" | "conscripted", by?: string): boolean {
    const sim = this.sim;
    for (const [id, s] of this.active("bar-role")) {
      if ((s.role !== role && !s.roles?.includes(role)) || !this.covers(s, i)) continue;
      if (s.kind === "law") {
        sim.emit("refused", [i], `${sim.names[i]} cannot be ${how} to ${role}: barred by ${id}.`, [...causes, ...this.causes(id, s)], { institution: id, role }, "error");
        return false;
      }
      sim.emit("custom-departure", [i], `${sim.names[i]} is ${how} to ${role} against custom (${id}).`, [...causes, ...this.causes(id, s)], { institution: id, role }, "warning");
    }
    const rank = this.roleSpecs[role]?.rank;
    const before = rank ? [...sim.roles[i]].find((r) => r !== role && this.roleSpecs[r]?.rank?.ladder === rank.ladder) : undefined;
    const data: Record<string, string | number> = { role };
    let text = how === "appointed" ? `${sim.names[i]} is appointed to ${role}.` : `${sim.names[i]} is conscripted under ${by} (role: ${role}).`;
    const why = [...causes];
    if (rank) {
      data.rank = rank.level;
      why.push(...ruleCauses(this.roleSpecs[role], `roles.${role}.rank`));
    }
    if (before !== undefined && rank) {
      const was = this.roleSpecs[before].rank!.level;
      const change = rank.level > was ? "promoted" : rank.level < was ? "demoted" : "moved";
      sim.roles[i].delete(before);
      Object.assign(data, { from: before, change });
      text = `${sim.names[i]} is ${change} from ${before} (rank ${was}) to ${role} (rank ${rank.level}) on the ${rank.ladder} ladder.`;
    }
    sim.roles[i].add(role);
    const e = sim.emit(how, [i], text, why, data);
    sim.lastCause[i] = e;
    return true;
  }
}

/** The effects that act on who someone is now, and so look again at someone injured. */
const RECONSIDERED: ReadonlySet<InstitutionSpec["effect"]> = new Set(["discharge", "conscript"]);
/** What looks again at someone whose roles changed or who came of age. */
const CONSCRIPTION: ReadonlySet<InstitutionSpec["effect"]> = new Set(["conscript"]);

/** The acts a `bar-pairing` institution can cover (all of them unless its `acts` says which). */
export type PairingAct = "bond" | "partner" | "match";
const PAIRING_ACTS: readonly PairingAct[] = ["bond", "partner", "match"];
const PAIRING_WORDS: Record<PairingAct, string> = { bond: "A bond", partner: "A partnership", match: "A match" };

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
