/**
 * State at any hour from the model's change points: a binary search per field, so moving the
 * time cursor costs microseconds however long the story is.
 */
import type { Field, StudioModel, StudioPerson, Track } from "../model.js";

export interface Held {
  value: string;
  /** When the value was set, and by which event ("" for the cast line). */
  since: number;
  event: string;
}

/** The index of the last change at or before `hour`, or -1. */
export function changeAt(track: Pick<Track, "hours">, hour: number): number {
  let lo = 0;
  let hi = track.hours.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (track.hours[mid] <= hour) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function heldAt(person: StudioPerson, field: Field, hour: number): Held {
  const t = person.track[field];
  const k = changeAt(t, hour);
  if (k < 0) return { value: "", since: -1, event: "" };
  return { value: t.values[k], since: t.hours[k], event: t.events[k] };
}

export function valueAt(person: StudioPerson, field: Field, hour: number): string {
  const t = person.track[field];
  const k = changeAt(t, hour);
  return k < 0 ? "" : t.values[k];
}

export function ageAt(person: StudioPerson, hour: number): number | null {
  if (person.born === null) return null;
  return Math.floor((hour - person.born) / 8766);
}

/** Everyone in a place at an hour, by place id. */
export function whoIsWhere(model: StudioModel, hour: number): Map<string, StudioPerson[]> {
  const out = new Map<string, StudioPerson[]>();
  for (const p of model.people) {
    const place = valueAt(p, "location", hour);
    if (!place) continue;
    if (!out.has(place)) out.set(place, []);
    out.get(place)!.push(p);
  }
  return out;
}
