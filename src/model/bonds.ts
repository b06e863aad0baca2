/**
 * Bonds: formed by a claiming bite that meets the world's requirements (on the gland, drawing
 * blood, with a knot, by someone able to bite). A formed bond links both people; a world may make
 * a bond annullable when no cycle follows it within a set time.
 *
 * A claiming bite changes both scents at once: others smell that both are bonded (and, with
 * `effects.scentMerge`, each one's mate's notes in their scent). A world whose bonds are
 * `mutual.oneSided` marks only the one bitten: their scent changes, and the biter's changes only if
 * the bite is returned in a world whose `mutual.symmetric` is true; until then the biter smells,
 * and reads to scent conditions, as unbonded (see Simulator.smelledView). A bond from before the
 * story (a relation) shows in both scents: how it was made is not known.
 */
import { parseDuration } from "../core/time.js";
import { eventCause, type Cause, type SimEvent } from "../sim/event.js";
import { ruleCauses } from "../sim/causes.js";
import type { Simulator } from "../sim/simulator.js";

export interface BiteDetails {
  knot: boolean;
  blood: boolean;
  gland: boolean;
}

/** The engine's own rule where a world has no `bonds.break`. */
const NO_BREAK_RULE: Cause = Object.freeze({ kind: "rule", id: "bonds-unbreakable-by-default", path: "engine" });

/** Cycle and scent states are not emotions a mate feels through the bond. */
const NOT_FELT = new Set(["signature", "heat", "heat-early", "rut", "rut-early"]);

export class Bonds {
  /** When each person's current bond formed (for a world's break window). */
  private readonly formedAt = new Map<number, number>();
  /** Who carries their mate's claiming bite (1). */
  private readonly marked: Uint8Array;
  /** Whose scent shows their bond (1). */
  private readonly shown: Uint8Array;

  constructor(private readonly sim: Simulator) {
    this.marked = new Uint8Array(sim.n);
    this.shown = new Uint8Array(sim.n);
  }

  /** Whether others can smell that the person is bonded. */
  showsBond(i: number): boolean {
    return this.sim.mate[i] >= 0 && this.shown[i] === 1;
  }

  /** With felt emotions, a mate feels what the other's scent shows, wherever they are. */
  feel(i: number, tell: string, cause: SimEvent): void {
    const sim = this.sim;
    const effects = sim.world.spec.bonds.effects;
    const mate = sim.mate[i];
    if (!effects?.feltEmotions || mate < 0 || NOT_FELT.has(tell)) return;
    sim.emit("bond-felt", [mate, i], `${sim.names[mate]} feels ${sim.names[i]}'s ${tell} through the bond.`, [...ruleCauses(effects, "bonds.effects.feltEmotions"), eventCause(cause)], { tell });
  }

  /** Breaking a bond: only where the world allows it, and only within its window. */
  breakBond(i: number, causes: readonly Cause[]): void {
    const sim = this.sim;
    const mate = sim.mate[i];
    if (mate < 0) {
      sim.emit("break-bond-failed", [i], `${sim.names[i]} has no bond to break.`, causes, undefined, "warning");
      return;
    }
    const rule = sim.world.spec.bonds.break;
    // A world that says nothing about breaking bonds has bonds that cannot be broken: the engine's rule.
    const why = [...causes, ...(rule ? ruleCauses(rule, "bonds.break") : [NO_BREAK_RULE])];
    const since = this.formedAt.get(i);
    const window = rule?.window ? parseDuration(rule.window)! : undefined;
    const tooLate = window !== undefined && (since === undefined || sim.now - since > window);
    if (!rule?.allowed || tooLate) {
      const reason = !rule?.allowed ? "this world's bonds cannot be broken" : `the bond is older than the ${rule.window} in which it can be broken`;
      sim.emit("refused", [i, mate], `The bond between ${sim.names[i]} and ${sim.names[mate]} cannot be broken: ${reason}.`, why, { code: "bond-permanent" }, "error");
      return;
    }
    sim.mate[i] = sim.mate[mate] = -1;
    this.marked[i] = this.marked[mate] = this.shown[i] = this.shown[mate] = 0;
    this.formedAt.delete(i);
    this.formedAt.delete(mate);
    const e = sim.emit("bond-broken", [i, mate], `The bond between ${sim.names[i]} and ${sim.names[mate]} is broken${rule.cost ? ` (${rule.cost})` : ""}.`, why);
    sim.lastCause[i] = sim.lastCause[mate] = e;
    sim.cycles.partnerChanged(i, [eventCause(e)]);
    sim.cycles.partnerChanged(mate, [eventCause(e)]);
    sim.scent.renew(i);
    sim.scent.renew(mate);
  }

  bite(biter: number, bitten: number, how: BiteDetails, causes: readonly Cause[]): void {
    const sim = this.sim;
    const b = sim.world.spec.bonds;
    const f = b.formation;
    const why = [...causes, ...ruleCauses(f, "bonds.formation")];
    // A bite returned between mates completes a mutual bond; it needs no biter rule of its own.
    // Where the first bite showed only in the bitten's scent, a symmetric bond's returned bite
    // changes the first biter's scent too.
    if (sim.mate[biter] === bitten && sim.mate[bitten] === biter) {
      if (this.marked[bitten]) {
        sim.emit("bite-again", [biter, bitten], `${sim.names[biter]} bites ${sim.names[bitten]} again; ${sim.names[bitten]} already carries the mark, and nothing changes.`, why);
        return;
      }
      const mutual = b.mutual;
      const symmetric = mutual?.symmetric === true;
      this.marked[bitten] = 1;
      if (this.shown[bitten]) {
        // Both scents changed at the first bite: the returned bite adds the mark alone.
        const rule = mutual ? ruleCauses(mutual, "bonds.mutual") : ruleCauses(f, "bonds.formation");
        sim.emit("bite-returned", [biter, bitten], `${sim.names[biter]} returns the claiming bite; both now carry a mark${symmetric ? " and the bond is symmetric" : ""}.`, [...causes, ...rule], { symmetric });
        return;
      }
      const rule = ruleCauses(mutual, "bonds.mutual.symmetric");
      const after = symmetric ? `, and ${sim.names[bitten]}'s scent now shows the bond too` : `; ${sim.names[bitten]}'s scent does not change (a returned bite does not make the bond symmetric in this world)`;
      const e = sim.emit("bite-returned", [biter, bitten], `${sim.names[biter]} returns the claiming bite; both now carry a mark${after}.`, [...causes, ...rule], { symmetric });
      if (symmetric) {
        this.shown[bitten] = 1;
        sim.lastCause[bitten] = e;
        sim.scent.renew(bitten);
      }
      return;
    }
    const missing: string[] = [];
    if (f.biter && !sim.world.condition("person", f.biter)({ person: sim.view(biter) })) missing.push(`${sim.names[biter]} cannot give a claiming bite in this world`);
    if (!how.gland) missing.push(`the bite is not on the ${f.gland} gland`);
    if (f.requiresBlood && !how.blood) missing.push("the bite does not draw blood");
    if (f.requiresKnot && !how.knot) missing.push("there is no knot");
    if (missing.length) {
      sim.emit("bite-without-bond", [biter, bitten], `${sim.names[biter]} bites ${sim.names[bitten]}, but no bond forms: ${missing.join("; ")}.`, why, undefined, "warning");
      return;
    }
    // One bond at a time: a bite does not bond someone already bonded to another.
    const taken = [biter, bitten].find((p) => sim.mate[p] >= 0);
    if (taken !== undefined) {
      sim.emit("bite-without-bond", [biter, bitten], `${sim.names[biter]} bites ${sim.names[bitten]}, but no bond forms: ${sim.names[taken]} is already bonded to ${sim.names[sim.mate[taken]]}.`, why, undefined, "warning");
      return;
    }
    // The Visits a match needs are checked first: a law refuses the bond, a custom warns.
    if (!sim.institutions.isMatched(biter, bitten) && !sim.institutions.visitsAllow(biter, bitten, why)) return;
    if (!sim.institutions.pairingAllows(biter, bitten, "bond", why)) return;
    this.setBond(biter, bitten, why, true);
  }

  setBond(a: number, b: number, causes: readonly Cause[], formedNow: boolean, since?: number): void {
    const sim = this.sim;
    sim.mate[a] = b;
    sim.mate[b] = a;
    sim.matched[a] = sim.matched[b] = 1;
    this.formedAt.set(a, formedNow ? sim.now : (since ?? sim.now));
    this.formedAt.set(b, formedNow ? sim.now : (since ?? sim.now));
    // A bite (a the biter) marks b. Both scents change, or in a one-sided world b's alone; a bond
    // from before the story shows in both.
    const mutual = sim.world.spec.bonds.mutual;
    const oneSided = formedNow && mutual?.oneSided === true;
    this.marked[b] = this.shown[b] = 1;
    this.marked[a] = formedNow ? 0 : 1;
    this.shown[a] = oneSided ? 0 : 1;
    const text = !formedNow
      ? `${sim.names[a]} and ${sim.names[b]} are bonded (since before the story).`
      : `${sim.names[a]} and ${sim.names[b]} are bonded by a claiming bite${oneSided ? `; ${sim.names[b]}'s scent shows the bond, ${sim.names[a]}'s does not until the bite is returned` : ""}.`;
    const e = sim.emit(formedNow ? "bond-formed" : "bonded", [a, b], text, oneSided ? [...causes, ...ruleCauses(mutual, "bonds.mutual.oneSided")] : causes);
    sim.lastCause[a] = sim.lastCause[b] = e;
    if (!formedNow) return;
    sim.institutions.endGuardianship(a, e.id);
    sim.institutions.endGuardianship(b, e.id);
    // The bite changes how they smell: anyone near notices it at once.
    if (this.shown[a]) sim.scent.renew(a);
    sim.scent.renew(b);
    sim.cycles.partnerChanged(a, [eventCause(e)]);
    sim.cycles.partnerChanged(b, [eventCause(e)]);
    const ann = sim.world.spec.bonds.annulment;
    if (ann) {
      const within = parseDuration(ann.noCycleWithin)!;
      const formed = sim.now;
      sim.at(formed + within, () => {
        for (const p of [a, b]) {
          if (sim.mate[p] !== (p === a ? b : a)) continue; // the bond is gone already
          if (!sim.cycles.cyclesOf(p).some(([name]) => name === ann.cycle)) continue;
          if (sim.cycles.lastStart[p] >= formed) continue;
          sim.emit("bond-annullable", [p, sim.mate[p]], `${sim.names[p]} has had no ${ann.cycle} since the bond was formed: the bond may be annulled.`, [...ruleCauses(ann, "bonds.annulment"), eventCause(e)], undefined, "warning");
        }
      });
    }
  }
}
