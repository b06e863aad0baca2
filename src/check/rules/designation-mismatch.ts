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
        // A claim made of a pronoun ("She was an omega") rests on who the pronoun is taken to be: a
        // contradiction it makes is a warning, and the hint says to check the pronoun first.
        const byPronoun = (quote: string) => BY_PRONOUN.test(quote);
        const unsure = (...quotes: string[]) => (quotes.some(byPronoun) ? { severity: "warning" as const } : {});
        const pronounHint = (quotes: string[]) => (quotes.some(byPronoun) ? `check first that the pronoun in "${quotes.find(byPronoun)}" is ${who}; if it is, ` : "");
        if (given !== undefined) {
          if (given !== f.value) ctx.report({ fact: f, message: `the text calls ${who} ${article(f.value)}, but the cast says ${who} is ${article(given)}`, causes: [inputStep(`cast: ${who} is ${article(given)}`, person.at)], hint: `${pronounHint([f.quote])}write "${given}", or change ${who}'s ${f.axis} in scentline.yaml`, ...unsure(f.quote) });
          return;
        }
        const earlier = ctx.record.firstDesignation(f.person, f.axis);
        if (earlier && earlier.value !== f.value)
          ctx.report({ fact: f, message: `the text calls ${who} ${article(f.value)}, but an earlier chapter calls ${who} ${article(earlier.value)}`, causes: [ctx.cite(earlier, `earlier: "${earlier.quote}"`)], hint: `${pronounHint([f.quote, earlier.quote])}make the chapters agree, and give ${who} a ${f.axis} in the cast so the checker can hold them to it`, ...unsure(f.quote, earlier.quote) });
      },
    };
  },
};

/** A quote whose subject is a pronoun, not a name. */
const BY_PRONOUN = /^["“]?(?:[Hh]e|[Ss]he|[Tt]hey|I|[Yy]ou)(?:['’](?:s|m|re|d))?\b/;

export function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
