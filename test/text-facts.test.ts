/** Fact extraction: the ways prose says who is what, and what it must not read as a claim. */
import { describe, expect, it } from "vitest";
import { FactExtractor, type Fact, type Vocabulary } from "../src/text/facts.js";
import { timeShifts, shiftAt } from "../src/text/time-markers.js";
import { parseNumber } from "../src/text/numbers.js";

const vocab: Vocabulary = {
  people: [
    { name: "Rey", pronouns: "she" },
    { name: "Ben Solo", aliases: ["Ben"], pronouns: "he" },
    { name: "Armitage Hux", aliases: ["Hux"] },
    { name: "Imra" },
  ],
  designations: ["alpha", "beta", "omega"],
  alignments: ["dominant", "submissive"],
  cycleWords: new Map([
    ["heat", { cycle: "heat" }],
    ["pre-heat", { cycle: "heat", phase: "pre-heat", prelude: true }],
    ["rut", { cycle: "rut" }],
  ]),
  tells: ["alarm", "distress"],
  roles: ["royal-guard"],
  places: new Map([["cellar", 0], ["hall", 1]]),
};
const x = new FactExtractor(vocab);
const facts = (text: string): Omit<Fact, "span" | "quote">[] => x.extract(text).map(({ span, quote, ...rest }) => (void span, void quote, rest));

describe("designations", () => {
  it.each([
    ["Rey, an omega, waits.", 0, "omega"],
    ["Rey was also, as far as Ben knew, the first omega on the crew.", 0, "omega"],
    ["Ben has the calm, heavy scent of an old alpha.", 1, "alpha"],
    ["Rey smells like an omega.", 0, "omega"],
    ["Ben was a narrow, precise beta of sixty.", 1, "beta"],
    ["The alpha Ben Solo arrives.", 1, "alpha"],
    ["General Hux, a beta, salutes.", 2, "beta"],
    ["Rey the omega waits.", 0, "omega"],
    ["Hux, who is an alpha, waits.", 2, "alpha"],
    ["Rey presented as an omega at fourteen.", 0, "omega"],
    ["Ben Solo is submissive.", 1, "submissive"],
    ["There were three alphas at the mill, counting Rey. One went south, and the other is Ben Solo.", 1, "alpha"],
    ["The two omegas kept the ledgers; the other was Imra.", 3, "omega"],
  ])("%s", (text, person, value) => {
    expect(facts(text)).toContainEqual(expect.objectContaining({ kind: "designation", person, value }));
  });
  it("follows a pronoun to the person named before it in the paragraph", () => {
    expect(facts("Ben watches Rey. She is an omega.")).toContainEqual(expect.objectContaining({ kind: "designation", person: 0, value: "omega" }));
  });
  it.each(["Imra is not an alpha.", "Rey stands like an alpha.", "Ben's omega waits.", "Rey smells of alpha.", "Ben thought Imra was an alpha at first."])("no claim in: %s", (text) => {
    expect(facts(text).filter((f) => f.kind === "designation")).toEqual([]);
  });
  it.each([
    ["Hux had always been the sort of alpha who hated a fuss.", 2, "alpha"],
    ["Hux, ever the alpha, took charge.", 2, "alpha"],
    ["Imra, who had presented as an omega at fourteen, kept her papers.", 3, "omega"],
  ])("%s", (text, person, value) => {
    expect(facts(text)).toContainEqual(expect.objectContaining({ kind: "designation", person, value }));
  });
});

describe("cycles, bonds, voice, ages, legal acts, scent", () => {
  it.each<[string, Partial<Fact>]>([
    ["Rey goes into heat.", { kind: "cycle", person: 0, cycle: "heat", state: "active" }],
    ["Rey's pre-heat begins.", { kind: "cycle", person: 0, cycle: "heat", state: "began" }],
    ["Ben's rut ends.", { kind: "cycle", person: 1, cycle: "rut", state: "ended" }],
    ["Imra ends Ben's rut.", { kind: "cycle", person: 1, cycle: "rut", state: "ended", by: 3 }],
    ["Ben bites Rey.", { kind: "bite", biter: 1, bitten: 0 }],
    ["Rey is bitten by Ben.", { kind: "bite", biter: 1, bitten: 0 }],
    ["Ben waited. Rey came in, and she bit him at the gland.", { kind: "bite", biter: 0, bitten: 1 }],
    ["Rey touches her bond mark.", { kind: "bonded", person: 0 }],
    ["Rey feels Ben's alarm through the bond.", { kind: "bonded", person: 0, mate: 1 }],
    ["Rey's bond with Ben breaks.", { kind: "bond-broken", person: 0, mate: 1 }],
    ["Ben uses the voice on Rey. Rey resists.", { kind: "voice", speaker: 1, target: 0, outcome: "resisted" }],
    ["Rey, 17, waits.", { kind: "age", person: 0, years: 17 }],
    ["Rey is seventeen years old.", { kind: "age", person: 0, years: 17 }],
    ["Rey's eighteenth birthday comes.", { kind: "birthday", person: 0, years: 18 }],
    ["Imra is emancipated by the new law.", { kind: "freed", person: 3, byLaw: true }],
    ["Ben frees Imra.", { kind: "freed", person: 3, by: 1, byLaw: false }],
    ["Imra is sold to Hux.", { kind: "sold", person: 3, to: 2 }],
    ["Rey joins the royal guard.", { kind: "appointed", person: 0, role: "royal-guard" }],
    ["Rey misses her suppressants.", { kind: "suppressants", person: 0, state: "missed" }],
    ["Rey smells Ben's distress from the cellar.", { kind: "scent", perceiver: 0, target: 1, tell: "distress", place: 0 }],
    ["Rey smells Ben's alarm through the sealed door.", { kind: "scent", perceiver: 0, target: 1, sealed: true }],
    ["Ben's third Visit with Rey is chaperoned by Imra.", { kind: "visit", a: 1, b: 0, chaperones: [3] }],
  ])("%s", (text, fact) => {
    expect(facts(text)).toContainEqual(expect.objectContaining(fact));
  });
  it.each(["Imra, twenty-five, had lived under Hux's guardianship since she was twelve.", "When Imra was twelve, her parents died."])("no present age in a clause about another time: %s", (text) => {
    expect(facts(text).filter((f) => f.kind === "age" && "years" in f && f.years === 12)).toEqual([]);
  });
  it.each([
    "“I was tested there. I was twelve,” Imra says.",
    "Imra says nothing. Hux looks away, and Imra nods. She knows. She was twelve. Hux turns and smiles.",
  ])("no present age in a past-tense age said in dialogue or told in a present-tense story: %s", (text) => {
    expect(facts(text).filter((f) => f.kind === "age")).toEqual([]);
  });
  it("reads a past-tense age in a past-tense story, and the older order of numbers ('four-and-twenty')", () => {
    expect(facts("Imra said nothing. She was twelve.")).toContainEqual({ kind: "age", person: 3, years: 12 });
    expect(facts("Imra was four-and-twenty.")).toContainEqual({ kind: "age", person: 3, years: 24 });
    expect(parseNumber("four-and-twenty")).toBe(24);
  });
  it.each<[string, Partial<Fact>]>([
    ["Hux had been courting Imra since spring.", { kind: "courtship", a: 2, b: 3 }],
    ["Rey turned to Hux. “Why are you courting Imra?” Rey asked.", { kind: "courtship", a: 2, b: 3 }],
    ["Ben had knelt to Rey as his dominant.", { kind: "relation", a: 0, b: 1, relation: "dominant-of" }],
    ["The claiming bite Ben had taken from Rey still showed.", { kind: "bite", biter: 0, bitten: 1 }],
    ["Imra brought Ben's rut to an end.", { kind: "cycle", person: 1, state: "ended", by: 3 }],
    ["Imra was sworn into the royal guard.", { kind: "appointed", person: 3, role: "royal-guard" }],
    ["Hux appointed Imra to the royal guard.", { kind: "appointed", person: 3, role: "royal-guard" }],
    ["Rey woke in heat.", { kind: "cycle", person: 0, state: "active" }],
    ["Rey's heat returned.", { kind: "cycle", person: 0, state: "began" }],
    ["Rey went into heat again.", { kind: "cycle", person: 0, again: true }],
    ["Ben caught the sharp edge of Rey's alarm.", { kind: "scent", perceiver: 1, target: 0, tell: "alarm" }],
    ["Rey's alarm reached Ben.", { kind: "scent", perceiver: 1, target: 0, tell: "alarm" }],
    ["Hux turned the voice on Imra and told her to kneel; Imra knelt without a word.", { kind: "voice", speaker: 2, target: 3, outcome: "obeyed" }],
    ["At thirty-one, Hux ran the crew.", { kind: "age", person: 2, years: 31 }],
    ["Imra had never presented as anything but a beta.", { kind: "designation", person: 3, value: "beta" }],
    ["Hux asked whether he might court Imra.", { kind: "courtship", a: 2, b: 3 }],
    ["Imra was declared free under the abolition law.", { kind: "freed", person: 3, byLaw: true }],
    ["Rey stood by the window.\n\nShe rubbed at the bond mark under her collar.", { kind: "bonded", person: 0 }],
    ["Rey felt Ben's worry tugging at her through the bond.", { kind: "bonded", person: 0, mate: 1 }],
  ])("%s", (text, fact) => {
    expect(facts(text)).toContainEqual(expect.objectContaining(fact));
  });
  it("one fact for words two patterns both read, quoted without trailing space", () => {
    const found = x.extract("Ben's rut was resolved by Imra.");
    expect(found.filter((f) => f.kind === "cycle")).toHaveLength(1);
    expect(x.extract("Rey could smell Ben's distress from afar.")[0].quote).toBe("Rey could smell Ben's distress");
  });
  it("reads nothing from prose with none of these", () => {
    expect(facts("The morning is grey. Rey reads a letter about the harvest in the hall.")).toEqual([]);
  });
});

describe("pronouns the cast does not give", () => {
  it("are learnt from the text: the pronoun that follows a name most", () => {
    const plain = new FactExtractor({ ...vocab, people: vocab.people.map((p) => ({ name: p.name, aliases: p.aliases })) });
    const found = plain.extract("Rey steadies herself. Ben watches Rey set the cup down by herself. Ben nods to himself. She is an omega.");
    expect(found).toContainEqual(expect.objectContaining({ kind: "designation", person: 0, value: "omega" }));
  });
});

describe("numbers and time inside a chapter", () => {
  it.each([["17", 17], ["seventeen", 17], ["twenty-one", 21], ["eighteenth", 18], ["21st", 21], ["eighth", 8]])("%s is %d", (text, n) => {
    expect(parseNumber(text as string)).toBe(n);
  });
  it("adds up the time that passes before a point in the text", () => {
    const text = "Morning. The next day they ride. Three days later they arrive. A week later it rains.";
    const shifts = timeShifts(text);
    expect(shiftAt(shifts, text.indexOf("they ride"))).toBe(24);
    expect(shiftAt(shifts, text.indexOf("they arrive"))).toBe(24 + 72);
    expect(shiftAt(shifts, text.length)).toBe(24 + 72 + 168);
  });
});

describe("which person a pronoun stands for", () => {
  const people = [{ name: "Ysolde", pronouns: "she" as const }, { name: "Tesmae", pronouns: "she" as const }, { name: "Brannoch", pronouns: "he" as const }];
  const extractor = new FactExtractor({ ...vocab, people });
  const who = (text: string, word: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
    return extractor.references(text).find((r) => r.start === at)?.person;
  };

  it("follows the subject a paragraph keeps talking about, not the last name in it", () => {
    const text = "Ysolde walked the gallery. So she walked on, with Tesmae a pace behind her.\n\nShe presented omega at sixteen.";
    expect(who(text, "her")).toBe(0);
    expect(who(text, "She")).toBe(0);
    expect(extractor.extract(text)).toContainEqual(expect.objectContaining({ kind: "designation", person: 0, value: "omega" }));
  });

  it("prefers the person named in the pronoun's own sentence", () => {
    const text = "Brannoch sat down. Ysolde looked at the letter. For all of Tesmae's faults she was honest.";
    expect(who(text, "she")).toBe(1);
  });

  it("takes a new paragraph's subject over a long chain of pronouns about someone before", () => {
    const chain = "Ysolde counted the stores. She checked the charts, and her tea had gone cold. Later she mended the lamp. She filed the permits, and her notes lay open.";
    const text = `${chain}\n\nTesmae was an omega, and everyone knew it. She was twenty-two that spring.`;
    expect(who(text, "She", 2)).toBe(1);
    expect(extractor.extract(text)).toContainEqual(expect.objectContaining({ kind: "designation", person: 1, value: "omega" }));
    // Within one paragraph too: the sentence before names the subject.
    expect(who(`${chain} Tesmae read the ledger. By evening her heat had started.`, "her", 2)).toBe(1);
  });

  it("does not take a possessive for the subject ('Hale’s brother, Brannoch, … He')", () => {
    const people = [{ name: "Hale", pronouns: "he" as const }, { name: "Brannoch", pronouns: "he" as const }];
    const kin = new FactExtractor({ ...vocab, people });
    const text = "Hale’s brother, Brannoch, arrived by the late coach. He counted the stores twice.";
    expect(kin.references(text).find((r) => r.start === text.indexOf("He"))?.person).toBe(1);
  });
});

describe("a designation counted in the plural", () => {
  it("is not given to someone the sentence does not call 'the other'", () => {
    expect(facts("Two omegas waited by the door, and the other guest was Hux.").filter((f) => f.kind === "designation")).toEqual([]);
    expect(facts("Three alphas came. Later Hux arrived.").filter((f) => f.kind === "designation")).toEqual([]);
  });
});

describe("beliefs and thoughts", () => {
  it("reads 'thought Imra was an alpha' as no fact, and 'thought about Imra, who had presented omega' as one", () => {
    expect(facts("Rey thought Imra was an alpha.").filter((f) => f.kind === "designation")).toEqual([]);
    expect(facts("Rey thought about Imra, who had presented omega the year before.")).toContainEqual({ kind: "designation", person: 3, value: "omega", axis: "designation" });
  });
});

describe("who says what in dialogue", () => {
  const people = [{ name: "Hale", pronouns: "he" as const }, { name: "Tesmae", pronouns: "she" as const }];
  const extractor = new FactExtractor({ ...vocab, people });

  it("gives a quote's 'I' to the speaker its speech verb names, not to the narrator", () => {
    const facts = extractor.extract("Tesmae waited by the door.\n\n“I’m a beta,” Hale said. “It changes nothing.”", { pov: 1 });
    expect(facts).toContainEqual(expect.objectContaining({ kind: "designation", person: 0, value: "beta" }));
  });

  it("leaves an 'I' in a quote with no clear speaker unresolved", () => {
    const facts = extractor.extract("Hale and Tesmae sat at the table.\n\n“I’m a beta.”", { pov: 1 });
    expect(facts.filter((f) => f.kind === "designation")).toEqual([]);
  });

  it("takes a pronoun with a speech verb after the quote for its speaker (“…,” she said)", () => {
    const facts = extractor.extract("Hale waited by the door. Tesmae looked at him.\n\n“I’m a beta,” she said, and Hale nodded.");
    expect(facts).toContainEqual(expect.objectContaining({ kind: "designation", person: 1, value: "beta" }));
  });

  it("takes the subject of the sentence just before a quote for its speaker (an action beat)", () => {
    const facts = extractor.extract("Hale waited by the door while Tesmae read.\n\nTesmae put down the letter. “I’m a beta, and I always was.” Hale nodded.");
    expect(facts).toContainEqual(expect.objectContaining({ kind: "designation", person: 1, value: "beta" }));
  });

  it("keeps the speaker for a second quote in the same paragraph, unless someone else acts in between", () => {
    const same = extractor.extract("Hale and Tesmae sat at the table.\n\n“Sit,” Hale said. He looked at the window. It was dark. “I’m a beta.”");
    expect(same).toContainEqual(expect.objectContaining({ kind: "designation", person: 0, value: "beta" }));
    const other = extractor.extract("Hale and Tesmae sat at the table.\n\n“Sit,” Hale said. Tesmae looked at the window. It was dark. “I’m a beta.”");
    expect(other.filter((f) => f.kind === "designation")).toEqual([]);
  });

  it("alternates the speakers of an exchange in one-quote paragraphs", () => {
    const text = "Hale and Tesmae sat at the table.\n\n“Is it late?” Hale asked.\n\n“Not yet,” Tesmae said.\n\n“Then wait.”\n\n“I’m an omega. I can wait.”";
    const facts = extractor.extract(text);
    expect(facts).toContainEqual(expect.objectContaining({ kind: "designation", person: 1, value: "omega" }));
  });

  it("gives 'I' in narration to the point-of-view character", () => {
    const facts = extractor.extract("I am an omega, and Hale knows it.", { pov: 1 });
    expect(facts).toContainEqual(expect.objectContaining({ kind: "designation", person: 1, value: "omega" }));
  });
});
