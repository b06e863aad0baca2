import { HOURS_PER_YEAR, yearsBetween } from "../../core/time.js";
import type { Check, StoryFact } from "../check.js";
import { day, inputStep } from "../cite.js";

const WHAT: Record<string, string> = { courtship: "courtship", match: "a match", "heat-partner": "heat partnership", visit: "a courting Visit", bite: "a claiming bite", bonded: "a bond", cycle: "heat partnership" };

type AgeFact = Extract<StoryFact, { kind: "age" }>;

/** The people a fact puts into courtship, bonding or heat partnership, with what it is. */
export function participants(f: StoryFact): { people: number[]; what: string } | undefined {
  switch (f.kind) {
    case "courtship":
      return { people: [f.a, f.b], what: WHAT[f.what] };
    case "visit":
      return { people: [f.a, f.b], what: WHAT.visit };
    case "bite":
      return { people: [f.biter, f.bitten], what: WHAT.bite };
    case "bonded":
      return { people: f.mate === undefined ? [f.person] : [f.person, f.mate], what: WHAT.bonded };
    case "cycle":
      return f.by === undefined ? undefined : { people: [f.person, f.by], what: WHAT.cycle };
  }
  return undefined;
}

/**
 * What the chapters say of a person's age at a fact: an age the fact's own chapter states (an adult
 * one first), or, when `carry` is set, the latest age told before it, grown by the whole years
 * since. `years` is the age at the fact; `said` is the fact that stated it.
 */
export function statedAge(ages: readonly AgeFact[], person: number, f: StoryFact, majority: number, carry: boolean): { years: number; said: AgeFact } | undefined {
  const mine = ages.filter((a) => a.person === person);
  const inChapter = mine.filter((a) => a.chapter === f.chapter);
  const said = inChapter.find((a) => a.years >= majority) ?? inChapter.find((a) => a.years < majority);
  if (said) return { years: said.years, said };
  if (!carry) return undefined;
  let latest: AgeFact | undefined;
  for (const a of mine) if (a.hour <= f.hour && (!latest || a.hour >= latest.hour)) latest = a;
  return latest && { years: latest.years + Math.floor((f.hour - latest.hour) / HOURS_PER_YEAR), said: latest };
}

export const underAge: Check = {
  meta: {
    id: "under-age",
    severity: "error",
    fixed: true,
    description:
      "Courtship, bonding, claiming bites or heat partnership involving anyone under the age of majority (18, or the world's higher age). Scentline refuses such content: this check is always an error and cannot be turned off or lowered. Ages come from birth dates in the cast and from ages the chapter itself states; for someone without a birth date, from the latest age the chapters state, counted on to the scene's date.",
    wrong: "Rey is born 2009-06-01. Chapter dated 2026-01-05: \"Ben bites Rey.\" (Rey is 16.)",
    right: "Rey's birth date makes her an adult on the chapter's date, or the scene is not there.",
  },
  create(ctx) {
    const majority = ctx.project.world.ageOfMajority;
    const content: StoryFact[] = [];
    const statedAges: AgeFact[] = [];
    return {
      fact(f) {
        if (f.kind === "age") statedAges.push(f);
        else if (participants(f)) content.push(f);
      },
      end() {
        for (const f of content) {
          const { people, what } = participants(f)!;
          for (const p of people) {
            const person = ctx.project.people[p];
            const born = person.born;
            // An age the chapter states counts, unless the chapter also gives the person an adult age;
            // without a birth date, so does the latest age told before.
            const said = statedAge(statedAges, p, f, majority, born === undefined);
            const stated = said && said.years < majority ? said : undefined;
            const age = born === undefined ? undefined : yearsBetween(born, f.hour);
            if (!stated && (age === undefined || age >= majority)) continue;
            const who = ctx.name(p);
            const causes = stated
              ? [ctx.cite(stated.said, stated.said.chapter === f.chapter ? `the chapter says ${who} is ${stated.years}` : `the text says ${who} is ${stated.said.years} on ${day(stated.said.hour)}, and the cast gives no birth date`)]
              : [inputStep(`${who} is born ${person.spec.born}: ${age} on ${day(f.hour)}`, person.at)];
            ctx.report({
              fact: f,
              message: `${what} involving ${who}, who is ${stated ? stated.years : age}, under the age of majority (${majority}); Scentline refuses this content`,
              causes,
              hint: `remove the scene, or correct ${who}'s birth date or the chapter's date so ${who} is an adult`,
            });
          }
        }
      },
    };
  },
};
