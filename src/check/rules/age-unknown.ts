import { ADULT_EVENT_KINDS, ADULT_RELATION_KINDS } from "../../model/age.js";
import type { Check, StoryFact } from "../check.js";
import { day, inputStep } from "../cite.js";
import type { FindingCause } from "../finding.js";
import { participants, statedAge } from "./under-age.js";

/** How many of a person's adult-only scenes a finding lists as causes. */
const LISTED = 5;

export const ageUnknown: Check = {
  meta: {
    id: "age-unknown",
    severity: "warning",
    description:
      "Someone with no birth date in the cast takes part in courtship, bonding, a claiming bite or heat partnership, in the chapters or in the project's relations and schedule, and no chapter states an adult age for them there. Scentline refuses such content for anyone under the age of majority and cannot tell without the date. One finding per person, at their cast entry, listing where.",
    wrong: "cast: Rey, with no born. Chapter: \"Ben bites Rey.\"",
    right: "cast: Rey, born: 2001-04-12; or the chapter says \"Rey, 25, …\".",
  },
  create(ctx) {
    const { project } = ctx;
    const majority = project.world.ageOfMajority;
    const content: StoryFact[] = [];
    const statedAges: Extract<StoryFact, { kind: "age" }>[] = [];
    const uses = new Map<number, FindingCause[]>();
    const use = (person: number, cause: FindingCause) => {
      if (project.people[person].born !== undefined) return;
      const list = uses.get(person) ?? [];
      list.push(cause);
      uses.set(person, list);
    };
    return {
      fact(f) {
        if (f.kind === "age") statedAges.push(f);
        else if (participants(f)) content.push(f);
      },
      end() {
        const id = (p: number) => project.people[p].id;
        for (const r of project.relations)
          if (ADULT_RELATION_KINDS.has(r.kind)) for (const p of [r.a, r.b]) use(p, inputStep(`relations: ${r.kind} of ${id(r.a)} and ${id(r.b)}`, r.at));
        for (const e of project.schedule)
          if (ADULT_EVENT_KINDS.has(e.spec.type))
            for (const p of [e.who, ...e.with]) if (p !== undefined) use(p, inputStep(`schedule: ${e.spec.type} on ${day(e.hour)}`, e.at));
        for (const f of content) {
          const { people, what } = participants(f)!;
          // An age the text states settles it: an adult one here, and a minor one is under-age's.
          for (const p of people) if (!statedAge(statedAges, p, f, majority, true)) use(p, ctx.cite(f, `${what}: "${f.quote}"`));
        }
        for (const [p, causes] of [...uses].sort((a, b) => a[0] - b[0])) {
          const person = project.people[p];
          const who = ctx.name(p);
          const listed = causes.slice(0, LISTED);
          if (causes.length > LISTED) listed.push({ text: `and ${causes.length - LISTED} more` });
          ctx.report({
            at: person.at,
            message: `${who} has no birth date in the cast and takes part in courtship, bonding, a bite or heat partnership (${causes.length} ${causes.length === 1 ? "place" : "places"}); Scentline cannot confirm ${who} is of age (${majority} or older)`,
            causes: listed,
            hint: `add born: to ${who}'s entry in the cast, or state ${who}'s age in the chapter; Scentline refuses this content for anyone under ${majority}`,
          });
        }
      },
    };
  },
};
