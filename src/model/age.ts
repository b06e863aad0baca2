/**
 * The adults-only guard. It is not a world rule and no world file can switch it off: courtship,
 * bonding, claiming bites and heat partnership involving anyone under the age of majority (never
 * below 18) are refused, at load and again during simulation.
 */
import { formatDate, yearsBetween, type Hour } from "../core/time.js";
import type { World } from "../world/load.js";

export const ADULT_RELATION_KINDS: ReadonlySet<string> = new Set(["bond", "partner", "courtship"]);
export const ADULT_EVENT_KINDS: ReadonlySet<string> = new Set(["bite", "visit", "match", "partner"]);

const WHAT: Record<string, string> = {
  bond: "a bond",
  partner: "a partnership",
  courtship: "a courtship",
  bite: "a claiming bite",
  visit: "a courting Visit",
  match: "a match",
};

export function ageAt(born: Hour, at: Hour): number {
  return yearsBetween(born, at);
}

/** Why the person may not take part at that time, or undefined if they may. */
export function ageRefusal(world: World, person: { born: Hour; spec: { name: string } }, at: Hour, kind: string): string | undefined {
  const age = ageAt(person.born, at);
  if (age >= world.ageOfMajority) return undefined;
  return `${WHAT[kind] ?? kind} involving ${person.spec.name} on ${formatDate(at)} is refused: ${person.spec.name} is ${age}, under the age of majority (${world.ageOfMajority})`;
}
