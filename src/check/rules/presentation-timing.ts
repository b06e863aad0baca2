import { parseDuration, yearsBetween } from "../../core/time.js";
import type { Check } from "../check.js";
import { day, ruleSteps } from "../cite.js";
import { article } from "./designation-mismatch.js";

export const presentationTiming: Check = {
  meta: {
    id: "presentation-timing",
    severity: "error",
    description:
      "A designation is known before the person could have presented: they are younger on the chapter's date than the youngest age at which the world's designations show. (Worlds where designation is known from birth are never reported.)",
    wrong: "A world where designations present between 12 and 16; Rey is born 2016-06-01. Chapter dated 2026-01-05: \"Rey, an omega, …\" (Rey is 9).",
    right: "The chapter is dated after Rey's twelfth birthday, or does not name Rey's designation yet.",
  },
  create(ctx) {
    const presentation = ctx.project.world.spec.presentation;
    const min = presentation.age ? parseDuration(presentation.age.min) : undefined;
    return {
      fact(f) {
        if (f.kind !== "designation" || f.axis !== "designation" || presentation.atBirth || min === undefined) return;
        const born = ctx.project.people[f.person].born;
        if (born === undefined || f.hour - born >= min) return;
        const who = ctx.name(f.person);
        ctx.report({
          fact: f,
          message: `${who} is called ${article(f.value)} on ${day(f.hour)}, aged ${yearsBetween(born, f.hour)}; in this world no one presents before the age of ${spoken(presentation.age!.min)}`,
          causes: ruleSteps(presentation, `designations present between the ages of ${spoken(presentation.age!.min)} and ${spoken(presentation.age!.max)}`, "presentation.age"),
          hint: `date the chapter after ${who} turns ${spoken(presentation.age!.min)}, or leave the designation unnamed until then`,
        });
      },
    };
  },
};

/** "12y" as "12", "13y6mo" as it is. */
function spoken(length: string): string {
  const years = /^\s*(\d+)\s*y\s*$/.exec(length);
  return years ? years[1] : length;
}
