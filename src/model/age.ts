/**
 * The adults-only guard. It is not a world rule and no world file can switch it off: courtship,
 * bonding, claiming bites and heat partnership involving anyone under the age of majority (never
 * below 18) are refused, at load and again during simulation.
 *
 * A person without a birth date has an unknown age. Loading a project warns at every relation and
 * scheduled event of these kinds that involves them (the `age-unknown` warning, story/load.ts), and
 * `scentline check` asks for the birth date (the age-unknown check), but the simulator does not
 * refuse them: an unknown age is not an age under the majority, and a story whose ages are not
 * written down yet (every draft the reader makes from a manuscript, which never invents a birth
 * date) would otherwise have every bond and Visit refused, and its simulation would say nothing
 * true about the story. The guard refuses what is known to be wrong; the warnings make the unknown visible
 * wherever the story is loaded (validate, simulate, state, check, the studio).
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

type Participant = { born?: Hour; spec: { name: string } };

/** How an event or relation of a kind only adults take part in is named in messages. */
export function adultContent(kind: string): string {
  return WHAT[kind] ?? kind;
}

/** Known to be under the age of majority at `at`: false when the birth date is unknown. */
export function isMinor(world: World, born: Hour | undefined, at: Hour): boolean {
  return born !== undefined && yearsBetween(born, at) < world.ageOfMajority;
}

/** Why the person may not take part at that time, or undefined if they may. */
export function ageRefusal(world: World, person: Participant, at: Hour, kind: string): string | undefined {
  if (person.born === undefined || !isMinor(world, person.born, at)) return undefined;
  const age = yearsBetween(person.born, at);
  return `${WHAT[kind] ?? kind} involving ${person.spec.name} on ${formatDate(at)} is refused: ${person.spec.name} is ${age}, under the age of majority (${world.ageOfMajority})`;
}

/** One refusal per under-age participant of an event of `kind` at `at` (none for other kinds). */
export function eventRefusals(world: World, participants: readonly (Participant | undefined)[], at: Hour, kind: string): { index: number; message: string }[] {
  if (!ADULT_EVENT_KINDS.has(kind)) return [];
  const out: { index: number; message: string }[] = [];
  participants.forEach((p, index) => {
    const message = p && ageRefusal(world, p, at, kind);
    if (message) out.push({ index, message });
  });
  return out;
}
