/**
 * Which seed rules a world implements, and which of its pieces an event can name as a cause.
 */
import type { WorldSpec } from "./schema.js";

/** Every id cited in a `rules` list anywhere in the world (its canon block aside). */
export function citedRules(spec: WorldSpec): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) {
      if (key === "rules") for (const x of v) if (typeof x === "string") out.add(x);
      v.forEach((x) => walk(x));
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) if (k !== "canon") walk(x, k);
    }
  };
  walk(spec);
  return out;
}

/** A piece of a world that can say where it comes from. */
export interface Cited {
  rules?: readonly string[];
  question?: string;
}

/**
 * Every piece of the world the simulator can name as an event's cause, with the path it names it
 * by (`cycles.heat.modifiers.suppressed`): an event cites the piece's seed rules and open question.
 */
export function citablePieces(spec: WorldSpec): { path: string; piece: Cited }[] {
  const out: { path: string; piece: Cited }[] = [];
  const add = (path: string, piece: Cited | undefined) => piece && out.push({ path, piece });
  add("presentation", spec.presentation);
  for (const [name, c] of Object.entries(spec.cycles)) {
    add(`cycles.${name}`, c);
    add(`cycles.${name}.prelude`, c.prelude);
    for (const p of c.phases) add(`cycles.${name}.phases.${p.name}`, p);
    for (const m of c.modifiers ?? []) add(`cycles.${name}.modifiers.${m.id}`, m);
    for (const t of c.triggers ?? []) add(`cycles.${name}.triggers.${t.id}`, t);
  }
  add("suppressants", spec.suppressants);
  add("suppressants.breakthrough", spec.suppressants?.breakthrough);
  add("scent", spec.scent);
  for (const [tell, t] of Object.entries(spec.scent.tells)) add(`scent.tells.${tell}`, t);
  for (const r of spec.scent.ranges ?? []) add(`scent.ranges.${r.id}`, r);
  for (const m of spec.scent.rangeModifiers ?? []) add(`scent.rangeModifiers.${m.id}`, m);
  for (const r of spec.scent.responses ?? []) add(`scent.responses.${r.id}`, r);
  add("scent.residue", spec.scent.residue);
  add("scent.transfer", spec.scent.transfer);
  add("scent.masking", spec.scent.masking);
  for (const key of ["formation", "mutual", "effects", "break", "annulment"] as const) add(`bonds.${key}`, spec.bonds[key]);
  add("influence.voice", spec.influence?.voice);
  add("influence.pressure", spec.influence?.pressure);
  for (const [id, inst] of Object.entries(spec.institutions ?? {})) add(`institutions.${id}`, inst);
  for (const [id, role] of Object.entries(spec.roles ?? {})) if (role.rank) add(`roles.${id}`, role);
  return out;
}

/**
 * The piece of the world a rule cause's path names, or undefined when there is none. A path is
 * dotted names; in a list, a name picks the item with that id (or, for phases, that name).
 */
export function pieceAt(spec: WorldSpec, path: string): unknown {
  let v: unknown = spec;
  for (const seg of path.split(".")) {
    if (Array.isArray(v)) v = v.find((x: unknown) => x !== null && typeof x === "object" && ((x as { id?: unknown }).id === seg || (x as { name?: unknown }).name === seg));
    else if (v !== null && typeof v === "object") v = (v as Record<string, unknown>)[seg];
    else return undefined;
    if (v === undefined) return undefined;
  }
  return v;
}
