/**
 * A draft story bible from a manuscript's text: the people it names, what designation each has,
 * the relations between them, each with the words it came from. The format is the one
 * ../shared/gold/FORMAT.md describes (characters and relations with evidence), plus chapters.
 */
import { SourceText } from "../text/source-text.js";
import { FactExtractor, type Fact, type Pronoun, type Vocabulary } from "../text/facts.js";
import { discoverPeople, isTitle, titleOf, type FoundPerson } from "./people.js";
import { quoteAt, quoteSpans } from "../text/dialogue.js";
import { learnPronouns, TITLE_PRONOUN } from "./genders.js";
import { judgeAxes } from "./designations.js";
import { SHORT_FORMS } from "./words.js";
import { findRelations, type RelationKind } from "./relations.js";
import type { WorldFit } from "./world-fit.js";
import { eventsOf, type EventKind } from "./events.js";
import { lastAtOrBefore, Positions } from "./positions.js";
import { opensSentence, paragraphStarts } from "../text/sentences.js";
import { NameIndex, type Mention } from "../text/names.js";

export interface Evidence {
  line: number;
  /** 0-based character offset in the line. */
  offset: number;
  quote: string;
}

export interface BibleCharacter {
  name: string;
  aliases: string[];
  major: boolean;
  mentions: number;
  designation: string;
  alignment: string;
  /** The pronoun the text uses for them, when it is clear. */
  pronoun?: "he" | "she";
  /** How sure the designation is: the share of the cues that agree (0 when unknown). */
  confidence: number;
  evidence: Evidence[];
}

export type BibleRelationKind = RelationKind;

export interface BibleRelation {
  a: string;
  b: string;
  kind: BibleRelationKind;
  /** 1 when the text states it; less when it is read from context ("his mother" near a woman's name). */
  confidence: number;
  evidence: Evidence[];
}

/** Something the manuscript tells happening: a heat, a bite, a Visit, a legal act. */
export interface BibleEvent {
  kind: EventKind;
  /** The people in it, first the one it is about. */
  people: string[];
  what: string;
  /** The chapter's title, when the manuscript has chapters. */
  chapter?: string;
  evidence: Evidence[];
}

export interface Bible {
  text: string;
  characters: BibleCharacter[];
  relations: BibleRelation[];
  events: BibleEvent[];
  /** The canon preset the text fits best, when the reader was asked to tell. */
  world?: string;
  /** How each preset fits: what the text confirms and contradicts, with quotes. */
  worldFit?: WorldFit;
}

/** The words of the classic world the reader knows (designations, alignments, cycles, tells). */
export interface ReaderWords {
  designations: readonly string[];
  alignments: readonly string[];
  cycles: ReadonlyMap<string, { cycle: string; designation: string }>;
  tells: readonly string[];
}


export interface ReadOptions {
  /** Hears each stage as it starts, for progress on long books. */
  onStage?: (stage: string) => void;
  /** Where each chapter starts, so events can say which chapter they are in. */
  chapters?: readonly { title: string; start: number }[];
  /**
   * Hears the cast as soon as it is known, before the facts are read: each person's name,
   * aliases and pronoun as the bible will give them unless two of them turn out to be one.
   */
  onCast?: (people: readonly CastEntry[]) => void;
}

/** A person as the bible names them. */
export interface CastEntry {
  name: string;
  aliases: string[];
  pronoun?: "he" | "she";
}

export function readText(name: string, text: string, words: ReaderWords, options: ReadOptions = {}): Bible {
  const onStage = options.onStage ?? (() => {});
  const source = new SourceText(name, text);
  onStage("finding people");
  const vocabularyWords = [...words.designations, ...words.alignments.filter((w) => !(w in SHORT_FORMS)), ...words.cycles.keys(), ...words.tells, "visit", "suppressant", "suppressants", "bond", "mate", "scent"];
  const found = discoverPeople(text, vocabularyWords);
  const named = found.map((p) => ({ name: p.name, aliases: [...p.aliases, ...byTitle(found, p)] }));
  onStage("following pronouns");
  const names = new NameIndex(named).mentions(text);
  const pov = narrator(text, names);
  const pronouns = learnPronouns(text, names, found.length);
  options.onCast?.(found.map((p, i) => ({ name: p.name, aliases: [...p.aliases], ...statedPronoun(pronouns[i]) })));
  const vocab: Vocabulary = {
    people: named.map((p, i) => ({ ...p, pronouns: pronouns[i] })),
    designations: words.designations,
    alignments: words.alignments,
    cycleWords: new Map([...words.cycles].map(([w, c]) => [w, { cycle: c.cycle }])),
    tells: words.tells,
    roles: [],
    places: new Map(),
  };
  onStage("reading facts");
  const read = readInBlocks(text, new FactExtractor(vocab), pov);
  // "His mother calls him Ben": one person under two names from here on.
  const same = new Map([...calledBy(text, read.references, found, names), ...byGenderedTitle(found, pronouns)]);
  const facts = same.size === 0 ? read.facts : read.facts.map((f) => remapFact(f, same));
  const references = same.size === 0 ? read.references : read.references.map((r) => (same.has(r.person) ? { ...r, person: same.get(r.person)! } : r));
  for (const [other, person] of same) {
    found[person].aliases.push(found[other].name, ...found[other].aliases.filter((a) => !found[person].aliases.includes(a)));
    found[person].mentions.push(...found[other].mentions);
  }
  // Relations first: "her son was an omega" needs to know who her son is.
  onStage("finding relations");
  const relationsFound = findRelations(text, facts, references, names, pronouns, found, pov);
  onStage("judging designations");
  const { designation: designations, alignment: alignments } = judgeAxes(text, found.length, facts, references, words, { relations: relationsFound, pronouns });
  const evidence = (span: { start: number; end: number }): Evidence => {
    const p = source.position(span.start);
    return { line: p.line, offset: p.column - 1, quote: text.slice(span.start, span.end) };
  };
  const total = found.reduce((n, p) => n + p.mentions.length, 0);
  const most = Math.max(1, ...found.map((p) => p.mentions.length));
  const characters = found.flatMap((p, i): BibleCharacter[] => (same.has(i) ? [] : [character(p, i)]));
  function character(p: FoundPerson, i: number): BibleCharacter {
    const designation = designations[i];
    const alignment = alignments[i];
    const cites = [...designation.evidence, ...alignment.evidence];
    if (cites.length === 0 && p.mentions[0]) cites.push(p.mentions[0]);
    return {
      name: p.name,
      aliases: p.aliases,
      ...statedPronoun(pronouns[i]),
      // A major character is among the most named: a tenth of the most-named person's count, and more than a passing mention.
      major: p.mentions.length >= Math.max(3, most / 10) || p.mentions.length / Math.max(1, total) >= 0.05,
      mentions: p.mentions.length,
      designation: designation.value,
      alignment: alignment.value,
      confidence: designation.confidence,
      evidence: cites.slice(0, 3).map(evidence),
    };
  }
  const relations = relationsFound.map(
    (r): BibleRelation => ({ a: found[r.a].name, b: found[r.b].name, kind: r.kind, confidence: r.confidence, evidence: r.spans.map(evidence) }),
  );
  const chapters = options.chapters ?? [];
  const events = eventsOf(facts).map(
    (e): BibleEvent => ({
      kind: e.kind,
      people: e.people.map((p) => found[p].name),
      what: e.what,
      ...(chapters.length > 1 ? { chapter: chapters[lastAtOrBefore(chapters.map((c) => c.start), e.span.start)].title } : {}),
      evidence: [evidence(e.span)],
    }),
  );
  return { text: name, characters, relations, events };
}

/** The pronoun a bible states for someone: he or she, when the text made it clear. */
function statedPronoun(p: Pronoun | undefined): { pronoun?: "he" | "she" } {
  return p === "he" || p === "she" ? { pronoun: p } : {};
}

/** How much text is read at once (characters): a long book in one piece needs several times its size in working memory. */
const BLOCK = 1 << 20;

/**
 * Facts and references, read a block of paragraphs at a time (cut at a blank line, so a pronoun
 * is rarely cut off from its person) with offsets in the whole text.
 */
function readInBlocks(text: string, extractor: FactExtractor, pov: number | undefined): { facts: Fact[]; references: Mention[] } {
  const facts: Fact[] = [];
  const references: Mention[] = [];
  for (let start = 0; start < text.length; ) {
    const cut = text.length - start <= BLOCK * 1.5 ? -1 : text.indexOf("\n\n", start + BLOCK);
    const end = cut < 0 ? text.length : cut + 2;
    const block = text.slice(start, end);
    // Each fact is new from this block: moved to whole-text offsets where it is, not copied (a long book has many).
    for (const f of extractor.extract(block, { pov })) {
      if (start > 0) f.span = { start: f.span.start + start, end: f.span.end + start };
      facts.push(f);
    }
    // Likewise each reference (the extractor's notes on this block are not read again).
    for (const r of extractor.references(block, { pov })) {
      if (start > 0) (r.start += start), (r.end += start);
      references.push(r);
    }
    start = end;
  }
  return { facts, references };
}

/** "The Admiral" for the one person titled Admiral: how prose refers to someone by rank alone. */
function byTitle(people: readonly FoundPerson[], person: FoundPerson): string[] {
  const titles = (p: FoundPerson) => new Set([p.name, ...p.aliases].map(titleOf).filter((t): t is string => t !== undefined));
  const mine = titles(person);
  return [...mine].filter((t) => people.every((p) => p === person || !titles(p).has(t))).flatMap((t) => [`the ${t}`, `The ${t}`]);
}

/**
 * Who "I" is in a text told in the first person: the person others address by name most often
 * (a narrator's name turns up in the other characters' speech, seldom in the narration).
 */
function narrator(text: string, names: readonly Mention[]): number | undefined {
  const quotes = quoteSpans(text);
  let first = 0;
  let third = 0;
  for (const m of text.matchAll(/(?<![\p{L}'’])(I|me|my|he|she|his|her)(?![\p{L}])/gu)) {
    if (quoteAt(quotes, m.index!) >= 0) continue;
    if (/^(?:I|me|my)$/.test(m[1])) first++;
    else third++;
  }
  if (first < 10 || first < third / 2) return undefined;
  const addressed = new Map<number, number>();
  for (const n of names) {
    // "Yes, Mistress": a title is how everyone addresses its holder, not a sign of who tells the story.
    if (quoteAt(quotes, n.start) < 0 || isTitle(text.slice(n.start, n.end))) continue;
    const spoken = /(?:,\s*|["“]\s*)$/.test(text.slice(Math.max(0, n.start - 3), n.start)) && /^\s*[,.!?—]/.test(text.slice(n.end, n.end + 2));
    if (spoken) addressed.set(n.person, (addressed.get(n.person) ?? 0) + 1);
  }
  const [best] = [...addressed].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 ? best[0] : undefined;
}

/** "calls him Ben", "calls you Ben": the pronoun is the person, the name another they go by. */
const CALLS = /\b(?:calls?|called|calling)\s+(you|him|her|me)\s+(\p{Lu}[\p{L}'’-]+)/gu;
/** "Philippa Dunmore, known as Pip": the name just before is the person. */
const KNOWN_AS = /,?\s+(?:also\s+)?(?:known as|called|nicknamed)\s+(\p{Lu}[\p{L}'’-]+)/gu;

/** "Her true name was Philippa Dunmore": the pronoun is the person, the name theirs too. */
const TRUE_NAME = /(?<![\p{L}])([Hh]is|[Hh]er|[Tt]heir)\s+(?:true|real|full|given|proper|birth|legal|christened)\s+name\s+(?:was|is)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)/gu;

/** People who are someone else under another name: each to the person whose name it is. */
function calledBy(text: string, references: readonly Mention[], people: readonly FoundPerson[], names: readonly Mention[]): Map<number, number> {
  const out = new Map<number, number>();
  const named = new Array<number>(people.length).fill(0);
  for (const n of names) named[n.person]++;
  const positions = new Positions(references);
  const at = (start: number, end: number) => positions.within(start, end)[0]?.person;
  const join = (other: number | undefined, person: number | undefined, stated = false) => {
    // A one-word name, less used than the person's own, not already someone's other name; or any
    // name the text says outright is the person's ("Her true name was Philippa Dunmore").
    if (other === undefined || person === undefined || other === person || out.has(person) || out.has(other)) return;
    if (!stated && (people[other].name.includes(" ") || named[other] > named[person])) return;
    out.set(other, person);
  };
  if (text.search(TRUE_NAME) >= 0) {
    // The paragraph's subject, the last person named at the start of a sentence before the words; else the pronoun's person.
    const paragraphs = paragraphStarts(text);
    const subjects = new Positions(names.filter((n) => opensSentence(text, n.start)));
    for (const m of text.matchAll(TRUE_NAME)) {
      const nameAt = m.index! + m[0].length - m[2].length;
      const subject = subjects.within(paragraphs[lastAtOrBefore(paragraphs, m.index!)], m.index!).at(-1)?.person;
      join(at(nameAt, nameAt + m[2].length), subject ?? at(m.index!, m.index! + m[1].length), true);
    }
  }
  for (const m of text.matchAll(CALLS)) {
    const pronounAt = m.index! + m[0].indexOf(m[1], m[0].length - m[1].length - m[2].length - 1);
    const nameAt = m.index! + m[0].length - m[2].length;
    join(at(nameAt, nameAt + m[2].length), at(pronounAt, pronounAt + m[1].length));
  }
  for (const m of text.matchAll(KNOWN_AS)) {
    const nameAt = m.index! + m[0].length - m[1].length;
    const before = positions.within(Math.max(0, m.index! - 60), m.index! + 1).filter((r) => r.end >= m.index! - 1);
    join(at(nameAt, nameAt + m[1].length), before.at(-1)?.person);
  }
  return out;
}

const PERSON_FIELDS = ["person", "a", "b", "biter", "bitten", "mate", "by", "to", "speaker", "target", "perceiver"] as const;

/** A fact with people merged into the ones they are. */
function remapFact(f: Fact, same: ReadonlyMap<number, number>): Fact {
  if (same.size === 0) return f;
  const copy: Record<string, unknown> = { ...f };
  for (const k of PERSON_FIELDS) if (typeof copy[k] === "number" && same.has(copy[k] as number)) copy[k] = same.get(copy[k] as number);
  if (f.kind === "visit") copy.chaperones = f.chaperones.map((c) => same.get(c) ?? c);
  return copy as unknown as Fact;
}

/**
 * "Mistress Gault" when two Gaults are in the text: the one the title's gender fits, when only
 * one does (the text gives the others the other pronoun).
 */
function byGenderedTitle(people: readonly FoundPerson[], pronouns: readonly (Pronoun | undefined)[]): Map<number, number> {
  const out = new Map<number, number>();
  people.forEach((p, i) => {
    if (p.name.includes(" ")) return;
    const titled = p.aliases.map((a) => a.split(" ")).find((w) => w.length === 2 && w[1] === p.name && TITLE_PRONOUN[w[0].replace(/\.$/, "")]);
    if (!titled) return;
    const gender = TITLE_PRONOUN[titled[0].replace(/\.$/, "")];
    // Of the people with that surname, those the text does not give the other pronoun.
    const homes = people.map((q, j) => (j !== i && q.name.split(" ").includes(p.name) && (pronouns[j] === gender || pronouns[j] === undefined) ? j : -1)).filter((j) => j >= 0);
    if (homes.length === 1) out.set(i, homes[0]);
  });
  return out;
}
