import type { Check } from "../check.js";
import { inputStep } from "../cite.js";

export const designationMismatch: Check = {
  meta: {
    id: "designation-mismatch",
    severity: "error",
    description:
      "The text gives a person a designation (alpha, beta, omega) or an alignment that the cast in scentline.yaml, or an earlier chapter, contradicts; or a designation at all when the person's species has none. Readers notice when a character's secondary sex changes between chapters.",
    wrong: "cast: Rey is an omega. Chapter 3: \"Rey, an alpha, takes the watch.\"",
    right: "Chapter 3: \"Rey, an omega, takes the watch.\"",
  },
  create(ctx) {
    const axisName = ctx.project.world.designationAxis;
    return {
      fact(f) {
        if (f.kind !== "designation") return;
        const person = ctx.project.people[f.person];
        const who = ctx.name(f.person);
        if (f.axis === "designation" && !ctx.sim.hasAxis[f.person]) {
          ctx.report({ fact: f, message: `${who} is of species "${person.species}", which has no ${axisName} in this world, but the text calls ${who} ${article(f.value)}`, causes: [inputStep(`the cast gives ${who} the species "${person.species}"`, person.at)], hint: "remove the designation word, or change the person's species in the cast" });
          return;
        }
        const given = f.axis === "designation" ? person.spec.designation : person.spec.alignment;
        if (given !== undefined) {
          if (given !== f.value) ctx.report({ fact: f, message: `the text calls ${who} ${article(f.value)}, but the cast says ${who} is ${article(given)}`, causes: [inputStep(`cast: ${who} is ${article(given)}`, person.at)], hint: `write "${given}", or change ${who}'s ${f.axis} in scentline.yaml` });
          return;
        }
        const earlier = ctx.record.firstDesignation(f.person, f.axis);
        if (earlier && earlier.value !== f.value)
          ctx.report({ fact: f, message: `the text calls ${who} ${article(f.value)}, but an earlier chapter calls ${who} ${article(earlier.value)}`, causes: [ctx.cite(earlier, `earlier: "${earlier.quote}"`)], hint: `make the chapters agree, and give ${who} a ${f.axis} in the cast so the checker can hold them to it` });
      },
    };
  },
};

export function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
