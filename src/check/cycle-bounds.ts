/**
 * The bounds a world puts on a cycle for a person at a time: the shortest and longest period and
 * length once the modifiers that hold are applied, whether it comes at all, whether a partner
 * resolves it. Checks reason with these bounds, never with one simulated draw.
 */
import type { PersonView } from "../rules/expr.js";
import type { World } from "../world/load.js";
import type { AdjustSpec, CycleSpec, DistSpec, ModifierSpec } from "../world/schema.js";
import { distBounds } from "../model/dist.js";

export interface CycleBounds {
  modifiers: ModifierSpec[];
  /** The modifier that skips the cycle, if one holds. */
  skip?: ModifierSpec;
  period: [number, number];
  duration: [number, number];
  /** True, false, or undefined when no modifier says (then a partner resolves it). */
  resolved?: boolean;
  /** The modifier that says so. */
  resolvedBy?: ModifierSpec;
}

export function cycleBounds(world: World, spec: CycleSpec, self: PersonView, partner: PersonView): CycleBounds {
  const modifiers = (spec.modifiers ?? []).filter((m) => world.condition("cycle", m.when)({ self, partner }));
  let period = distBounds(spec.period);
  let duration = distBounds(spec.duration);
  let resolved: boolean | undefined;
  let resolvedBy: ModifierSpec | undefined;
  for (const m of modifiers) {
    period = adjustBounds(period, m.period);
    duration = adjustBounds(duration, m.duration);
    if (m.resolved !== undefined) (resolved = m.resolved), (resolvedBy = m);
  }
  return { modifiers, skip: modifiers.find((m) => m.skip), period, duration, resolved, resolvedBy };
}

function adjustBounds([min, max]: [number, number], a: AdjustSpec | undefined): [number, number] {
  if (!a) return [min, max];
  if (a.factor !== undefined) return [min * a.factor, max * a.factor];
  if (a.set !== undefined) return distBounds(a.set as DistSpec);
  if (a.add !== undefined) {
    const [lo, hi] = distBounds(a.add as DistSpec);
    return [min + lo, max + hi];
  }
  return [min, max];
}
