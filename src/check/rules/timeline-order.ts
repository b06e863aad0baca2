import { yearsBetween } from "../../core/time.js";
import type { Check, StoryFact } from "../check.js";
import { day, inputStep } from "../cite.js";

/** Fact kinds that narrate a scheduled event, with the schedule's type for them. */
const NARRATES: Partial<Record<StoryFact["kind"], string[]>> = { bite: ["bite"], freed: ["free"], sold: ["sell"], appointed: ["appoint"], visit: ["visit"] };

export const timelineOrder: Check = {
  meta: {
    id: "timeline-order",
    severity: "error",
    description:
      "A chapter dated before the events it tells of (the project's schedule puts that bite, Visit, sale or appointment later), or an age or birthday that does not fit the person's birth date on the chapter's date.",
    wrong: "Rey is born 2004-06-01. Chapter dated 2026-01-05: \"Rey, 17, waits at the gate.\" (She is 21.)",
    right: "\"Rey, 21, waits at the gate.\", or the chapter is dated in 2021.",
  },
  create(ctx) {
    const people = ctx.project.people;
    return {
      fact(f) {
        if (f.kind === "age" || f.kind === "birthday") {
          const p = people[f.person];
          // Without a birth date there is nothing to hold the age to (age-unknown asks for one).
          if (p.born === undefined) return;
          const age = yearsBetween(p.born, f.hour);
          const fits = f.kind === "age" ? age === f.years : age === f.years || age === f.years - 1;
          if (fits) return;
          const who = ctx.name(f.person);
          const said = f.kind === "age" ? `${who} is ${f.years}` : `${who}'s birthday number ${f.years} is near`;
          ctx.report({ fact: f, message: `the text says ${said} on ${day(f.hour)}, but born ${p.spec.born}, ${who} is ${age} then`, causes: [inputStep(`cast: ${who} is born ${p.spec.born}`, p.at)], hint: "correct the age in the text, the birth date in the cast, or the chapter's date" });
          return;
        }
        const types = NARRATES[f.kind];
        if (!types) return;
        const pair = actors(f);
        const scheduled = ctx.project.schedule.filter((e) => types.includes(e.spec.type) && !e.spec.every && pair.every((p) => p === undefined || e.who === p || e.with.includes(p)));
        if (scheduled.length === 0 || scheduled.some((e) => e.hour <= f.hour + 24)) return;
        const first = scheduled[0];
        ctx.report({
          fact: f,
          message: `the chapter is dated ${day(f.hour)}, but the project's schedule has this ${first.spec.type} on ${day(first.hour)}`,
          causes: [inputStep(`schedule: ${first.spec.type} on ${day(first.hour)}`, first.at)],
          hint: "date the chapter on or after the event, or move the event in the schedule",
        });
      },
    };
  },
};

function actors(f: StoryFact): (number | undefined)[] {
  switch (f.kind) {
    case "bite":
      return [f.biter, f.bitten];
    case "visit":
      return [f.a, f.b];
    case "sold":
      return [f.person, f.to];
    case "freed":
    case "appointed":
      return [f.person];
  }
  return [];
}
