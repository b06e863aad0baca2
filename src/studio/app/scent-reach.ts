/**
 * Whose scent reaches each place at an hour, as the simulator has it: each scent a person gives
 * off (their signature, a cycle's tell, a passing tell) carries as far as the simulator's rules say
 * for a perceiver no rule singles out, shrunk by the maskers in and next to the emitter's place
 * (as many as stand there at that hour), and its strength in a place is 1 − distance ÷ range.
 * A suppressed signature the world hides is listed, as hidden, where it would have reached.
 */
import type { ScentState, StudioEmission, StudioModel, StudioPerson } from "../model.js";
import { changeAt, valueAt, whoIsWhere } from "./state-index.js";

export interface Reaching {
  person: StudioPerson;
  tell: string;
  strength: number;
  distance: number;
  range: number;
  /** The masking factor (1: unmasked). */
  masked: number;
  hidden: boolean;
}

const NO_SCENT: ScentState = { masks: false, gives: [] };

/** A person's scent state at an hour. */
function scentAt(person: StudioPerson, hour: number): ScentState {
  const k = changeAt(person.scent, hour);
  return k < 0 ? NO_SCENT : person.scent.values[k];
}

/** What a person gives off at an hour (a passing tell only until it fades). */
function emissionsAt(person: StudioPerson, hour: number): StudioEmission[] {
  return scentAt(person, hour).gives.filter((e) => e.until === null || e.until > hour);
}

/** Whose scents reach each place at an hour (indexed by place), strongest first. */
export function scentReach(m: StudioModel, hour: number): Reaching[][] {
  const out: Reaching[][] = m.places.map(() => []);
  const index = new Map(m.places.map((p, k) => [p.id, k]));
  const neighbours: number[][] = m.places.map(() => []);
  for (const c of m.connections) {
    neighbours[c.a].push(c.b);
    neighbours[c.b].push(c.a);
  }
  const where = whoIsWhere(m, hour);
  // The emitter does not mask itself.
  const maskersNear = (k: number, self: StudioPerson) => {
    let n = 0;
    for (const q of [k, ...neighbours[k]]) for (const p of where.get(m.places[q].id) ?? []) if (p !== self && scentAt(p, hour).masks) n++;
    return n;
  };
  const reach = (k: number, person: StudioPerson, tell: string, range: number, masked: number, hidden: boolean) => {
    for (const [q, d] of m.places[k].reach) {
      if (d > range) break;
      out[q].push({ person, tell, strength: hidden ? 0 : Math.max(0, 1 - d / Math.max(range, 1e-9)), distance: d, range, masked, hidden });
    }
  };
  for (const [placeId, people] of where) {
    const k = index.get(placeId);
    if (k === undefined) continue;
    for (const p of people) {
      const n = m.scent.masking ? maskersNear(k, p) : 0;
      const masked = m.scent.masking && n > 0 ? Math.max(m.scent.masking.floor, Math.pow(m.scent.masking.factorEach, n)) : 1;
      const emissions = emissionsAt(p, hour);
      for (const e of emissions) reach(k, p, e.tell, e.range * masked, masked, false);
      const hidden = m.scent.suppressedHidesSignature && valueAt(p, "suppressed", hour) === "yes" && !emissions.some((e) => e.tell === "signature");
      if (hidden) reach(k, p, "signature", m.scent.signatureRange * masked, masked, true);
    }
  }
  for (const list of out) list.sort((a, b) => b.strength - a.strength || a.person.name.localeCompare(b.person.name) || a.tell.localeCompare(b.tell));
  return out;
}
