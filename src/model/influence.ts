/**
 * Influence: the voice (a command others obey unless they resist) and pheromone pressure contests
 * (the weaker gives way after some rounds; some resist or only slow down). In a world whose
 * pressure is `permanentAfterChallenge`, a challenge won makes the loser's pressure powerless over
 * the winner from then on; elsewhere a challenge settles only itself.
 */
import { eventCause, type Cause } from "../sim/event.js";
import { ruleCauses } from "../sim/causes.js";
import type { Simulator } from "../sim/simulator.js";

export class Influence {
  /** "loser>winner" pairs: the loser's pressure no longer works on the winner. */
  private readonly overturned = new Set<string>();
  /** Who is pressing whom this hour ("listener@hour" → speakers). */
  private readonly pressing = new Map<string, Set<number>>();

  constructor(private readonly sim: Simulator) {}

  voice(speaker: number, listeners: number[], command: string, causes: readonly Cause[]): void {
    const sim = this.sim;
    const v = sim.world.spec.influence?.voice;
    if (!v) {
      sim.emit("voice-unknown", [speaker], `This world has no voice; ${sim.names[speaker]}'s command is an ordinary request.`, causes, undefined, "warning");
      return;
    }
    const why = [...causes, ...ruleCauses(v, "influence.voice")];
    if (!sim.world.condition("person", v.speakers)({ person: sim.view(speaker) })) {
      sim.emit("voice-failed", [speaker], `${sim.names[speaker]} cannot use the voice in this world.`, why, undefined, "warning");
      return;
    }
    for (const l of listeners) {
      const vars = { speaker: sim.view(speaker), listener: sim.view(l), group: 1 };
      if (sim.world.condition("influence", v.resists)(vars) || this.overturned.has(`${speaker}>${l}`)) {
        sim.emit("voice-resisted", [l, speaker], `${sim.names[l]} resists ${sim.names[speaker]}'s voice ("${command}").`, why);
        continue;
      }
      const e = sim.emit("voice-obeyed", [l, speaker], `${sim.names[l]} obeys ${sim.names[speaker]}'s voice at once ("${command}").`, why, { command });
      sim.lastCause[l] = e;
      for (const tell of v.calms ?? []) {
        if (sim.scent.clearTell(l, tell)) sim.scent.setTell(l, "calm", 3, [eventCause(e), ...ruleCauses(v, "influence.voice.calms")]);
      }
    }
  }

  pressure(speaker: number, listeners: number[], causes: readonly Cause[]): void {
    const sim = this.sim;
    const p = sim.world.spec.influence?.pressure;
    if (!p) {
      sim.emit("pressure-unknown", [speaker], `This world has no pheromone pressure; ${sim.names[speaker]}'s pressure has no effect.`, causes, undefined, "warning");
      return;
    }
    const why = [...causes, ...ruleCauses(p, "influence.pressure")];
    for (const l of listeners) {
      // Everyone pressing the same listener in the same hour presses as a group.
      const key = `${l}@${sim.now}`;
      const pressing = this.pressing.get(key) ?? new Set<number>();
      pressing.add(speaker);
      this.pressing.set(key, pressing);
      if (this.pressing.size > 1000) for (const k of this.pressing.keys()) if (!k.endsWith(`@${sim.now}`)) this.pressing.delete(k);
      const group = pressing.size;
      const vars = { speaker: sim.view(speaker), listener: sim.view(l), group };
      if (this.overturned.has(`${speaker}>${l}`)) {
        sim.emit("pressure-no-effect", [l, speaker], `${sim.names[speaker]}'s pressure no longer has any effect on ${sim.names[l]}.`, why);
        continue;
      }
      // A challenge won settles it: the loser's dominance never works on the winner again.
      if (this.overturned.has(`${l}>${speaker}`)) {
        this.contest(speaker, l, p, why);
        continue;
      }
      if (sim.world.condition("influence", p.resists)(vars)) {
        if (sim.strength[l] > sim.strength[speaker]) this.contest(l, speaker, p, why);
        else sim.emit("pressure-resisted", [l, speaker], `${sim.names[l]} is unaffected by ${sim.names[speaker]}'s pressure.`, why);
        continue;
      }
      if (p.slowed && sim.world.condition("influence", p.slowed)(vars)) {
        sim.emit("pressure-slowed", [l, speaker], `${sim.names[l]} gives way to the pressure of ${group} only slowly and partly.`, why, { group });
        continue;
      }
      this.contest(speaker, l, p, why);
    }
  }

  private contest(winner: number, loser: number, p: { rounds: { min: number; max: number }; signals?: string[] }, why: Cause[]): void {
    const sim = this.sim;
    const rounds = sim.random.int(p.rounds.min, p.rounds.max);
    const signal = p.signals?.[0] ?? "gives way";
    const e = sim.emit("pressure-yielded", [loser, winner], `${sim.names[loser]} yields to ${sim.names[winner]} after ${rounds} round${rounds === 1 ? "" : "s"} and ${signal}.`, why, { rounds, winner: sim.ids[winner] });
    sim.lastCause[loser] = e;
  }

  /**
   * A formal challenge. The story may say who wins; otherwise strength decides it as a weighted,
   * seeded draw (a fight is not only pheromones). Where the world's pressure is
   * `permanentAfterChallenge`, the loser's pressure never works on the winner again.
   */
  challenge(challenger: number, holder: number, causes: readonly Cause[], decided?: number): void {
    const sim = this.sim;
    const inst = sim.institutions.active("challenge")[0];
    const pressure = sim.world.spec.influence?.pressure;
    const permanent = pressure?.permanentAfterChallenge === true;
    const why = [...causes, ...(inst ? ruleCauses(inst[1], `institutions.${inst[0]}`) : []), ...(permanent ? ruleCauses(pressure, "influence.pressure.permanentAfterChallenge") : [])];
    const a = sim.strength[challenger];
    const b = sim.strength[holder];
    const wins = decided !== undefined ? decided === challenger : sim.random.chance(a / Math.max(a + b, 1e-9));
    const [winner, loser] = wins ? [challenger, holder] : [holder, challenger];
    if (permanent) {
      this.overturned.add(`${loser}>${winner}`);
      this.overturned.delete(`${winner}>${loser}`);
    }
    const after = permanent ? `; from now on ${sim.names[loser]}'s pressure has no effect on ${sim.names[winner]}` : "";
    const e = sim.emit("challenge-decided", [winner, loser], `${sim.names[loser]} submits to ${sim.names[winner]} in the challenge${after}.`, why, { winner: sim.ids[winner], permanent });
    sim.lastCause[winner] = sim.lastCause[loser] = e;
    const fate = inst?.[1].loserFate;
    if (wins) {
      if (sim.roles[holder].delete("monarch")) {
        sim.roles[challenger].add("monarch");
        sim.roles[challenger].delete("heir");
        const t = sim.emit("title-passed", [challenger, holder], `${sim.names[holder]} is deposed; ${sim.names[challenger]} holds the title from now.`, [eventCause(e)]);
        sim.institutions.rolesChanged(challenger, [eventCause(t)]);
        sim.institutions.rolesChanged(holder, [eventCause(t)]);
        sim.institutions.nameHeir([eventCause(t)]);
      }
    } else if (fate) {
      sim.status[challenger] = fate;
      sim.emit("status-changed", [challenger], `${sim.names[challenger]} lost the challenge: ${fate}.`, [eventCause(e)], { status: fate });
    }
  }
}
