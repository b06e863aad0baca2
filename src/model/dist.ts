/** Drawing lengths of time from world-file distributions, and applying modifiers to them. */
import { parseDuration } from "../core/time.js";
import type { Random } from "../sim/random.js";
import type { AdjustSpec, DistSpec } from "../world/schema.js";

export function distBounds(d: DistSpec): [number, number] {
  if (typeof d === "string") {
    const h = parseDuration(d)!;
    return [h, h];
  }
  return [parseDuration(d.min)!, parseDuration(d.max)!];
}

export function sample(d: DistSpec, random: Random): number {
  const [min, max] = distBounds(d);
  return min === max ? Math.round(min) : Math.round(min + (max - min) * random.next());
}

export function adjust(hours: number, a: AdjustSpec | undefined, random: Random): number {
  if (!a) return hours;
  if (a.factor !== undefined) return Math.round(hours * a.factor);
  if (a.set !== undefined) return sample(a.set, random);
  if (a.add !== undefined) return hours + sample(a.add, random);
  return hours;
}
