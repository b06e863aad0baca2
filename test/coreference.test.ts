/** Who a pronoun stands for, measured on generated narration where every pronoun's person is known. */
import { describe, expect, it } from "vitest";
import { FactExtractor } from "../src/text/facts.js";
import { pronounText } from "./helpers/pronoun-text.js";

const accuracy = (seed: number): number => {
  const { text, people, pronouns } = pronounText(400, seed);
  const extractor = new FactExtractor({ people, designations: ["alpha", "beta", "omega"], alignments: [], cycleWords: new Map([["heat", { cycle: "heat" }]]), tells: [], roles: [], places: new Map() });
  const found = new Map(extractor.references(text).map((r) => [r.start, r.person]));
  return pronouns.filter((p) => found.get(p.at) === p.person).length / pronouns.length;
};

describe("pronouns in narration about one person at a time", () => {
  it.each([1, 2, 3])("go to the right person at least 95% of the time (seed %i)", (seed) => {
    expect(accuracy(seed)).toBeGreaterThanOrEqual(0.95);
  });
});

describe("pronouns for someone the text has not named", () => {
  const people = [{ name: "Ysolde", pronouns: "she" as const }, { name: "Bram", pronouns: "he" as const }];
  const extractor = new FactExtractor({ people, designations: ["alpha", "beta", "omega"], alignments: [], cycleWords: new Map(), tells: [], roles: [], places: new Map() });
  const herAt = (text: string, word: string) => extractor.references(text).find((r) => r.start === text.indexOf(word));

  it("leaves 'her' to a woman just introduced ('There was a woman … her chest'), not to the woman named before", () => {
    const text = "Ysolde waited at the dock. Bram came down the ramp. There was a woman behind him, with a slate clutched to her chest.";
    expect(herAt(text, "her chest")).toBeUndefined();
  });

  it("still gives 'her' to the named woman when no one new was introduced", () => {
    const text = "Ysolde waited at the dock. Bram came down the ramp, with a slate clutched to her chest.";
    expect(herAt(text, "her chest")?.person).toBe(0);
  });
});
