/**
 * A draft story bible from a manuscript's text: the people it names, what designation each has,
 * the relations between them, each with the words it came from. The format is the one
 * ../shared/gold/FORMAT.md describes (characters and relations with evidence), plus chapters.
 */
import { SourceText } from "../text/source-text.js";
import { FactExtractor, type Fact, type Vocabulary } from "../text/facts.js";
import { discoverPeople, type FoundPerson } from "./people.js";
import { learnPronouns } from "./genders.js";
import { NameIndex } from "../text/names.js";

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
  /** How sure the designation is: the share of the cues that agree (0 when unknown). */
  confidence: number;
  evidence: Evidence[];
}

export type BibleRelationKind = "bonded" | "courting" | "partner" | "guardian" | "owner" | "parent" | "sibling" | "dominant-of";

export interface BibleRelation {
  a: string;
  b: string;
  kind: BibleRelationKind;
  evidence: Evidence[];
}

export interface Bible {
  text: string;
  characters: BibleCharacter[];
  relations: BibleRelation[];
}

/** The words of the classic world the reader knows (designations, alignments, cycles, tells). */
export interface ReaderWords {
  designations: readonly string[];
  alignments: readonly string[];
  cycles: ReadonlyMap<string, { cycle: string; designation: string }>;
  tells: readonly string[];
}

const SYMMETRIC = new Set<BibleRelationKind>(["bonded", "courting", "partner", "sibling"]);

export function readText(name: string, text: string, words: ReaderWords): Bible {
  const source = new SourceText(name, text);
  const vocabularyWords = [...words.designations, ...words.alignments, ...words.cycles.keys(), ...words.tells, "visit", "suppressant", "suppressants", "bond", "mate", "scent"];
  const found = discoverPeople(text, vocabularyWords);
  const named = found.map((p) => ({ name: p.name, aliases: p.aliases }));
  const pronouns = learnPronouns(text, new NameIndex(named).mentions(text), found.length);
  const vocab: Vocabulary = {
    people: named.map((p, i) => ({ ...p, pronouns: pronouns[i] })),
    designations: words.designations,
    alignments: words.alignments,
    cycleWords: new Map([...words.cycles].map(([w, c]) => [w, { cycle: c.cycle }])),
    tells: words.tells,
    roles: [],
    places: new Map(),
  };
  const facts = new FactExtractor(vocab).extract(text);
  const evidence = (span: { start: number; end: number }): Evidence => {
    const p = source.position(span.start);
    return { line: p.line, offset: p.column - 1, quote: text.slice(span.start, span.end) };
  };
  const total = found.reduce((n, p) => n + p.mentions.length, 0);
  const most = Math.max(1, ...found.map((p) => p.mentions.length));
  const characters = found.map((p, i): BibleCharacter => {
    const designation = judge(facts, i, "designation", words, text, found);
    const alignment = judge(facts, i, "alignment", words, text, found);
    const cites = [...designation.evidence, ...alignment.evidence];
    if (cites.length === 0 && p.mentions[0]) cites.push(p.mentions[0]);
    return {
      name: p.name,
      aliases: p.aliases,
      // A major character is among the most named: a tenth of the most-named person's count, and more than a passing mention.
      major: p.mentions.length >= Math.max(3, most / 10) || p.mentions.length / Math.max(1, total) >= 0.05,
      mentions: p.mentions.length,
      designation: designation.value,
      alignment: alignment.value,
      confidence: designation.confidence,
      evidence: cites.slice(0, 3).map(evidence),
    };
  });
  return { text: name, characters, relations: relationsOf(facts, found, evidence) };
}

interface Judgement {
  value: string;
  confidence: number;
  evidence: { start: number; end: number }[];
}

/**
 * A person's designation (or alignment): facts that say it outright count three times a word of the
 * axis in a sentence where only that person is named; a cycle (heat, rut) counts for the designation
 * that has it.
 */
function judge(facts: readonly Fact[], person: number, axis: "designation" | "alignment", words: ReaderWords, text: string, people: readonly FoundPerson[]): Judgement {
  const found = people[person];
  const votes = new Map<string, { n: number; evidence: { start: number; end: number }[] }>();
  const vote = (value: string, weight: number, span: { start: number; end: number }) => {
    const v = votes.get(value) ?? { n: 0, evidence: [] };
    v.n += weight;
    v.evidence.push(span);
    votes.set(value, v);
  };
  for (const f of facts) {
    if (f.kind === "designation" && f.person === person && f.axis === axis) vote(f.value, 3, f.span);
    if (axis === "designation" && f.kind === "cycle" && f.person === person) {
      const d = words.cycles.get(f.cycle)?.designation;
      if (d) vote(d, 2, f.span);
    }
  }
  const values = axis === "designation" ? words.designations : words.alignments;
  const valueRe = new RegExp(`(?<![\\p{L}])(${values.join("|")})s?(?![\\p{L}])`, "giu");
  const cycleRe = new RegExp(`(?<![\\p{L}])(${[...words.cycles.keys()].join("|")})(?![\\p{L}])`, "giu");
  const others = otherMentions(people, person);
  for (const m of found.mentions) {
    // Only sentences where no one else is named: there a designation word is most likely this person's.
    const sentence = sentenceAround(text, m.start, m.end);
    if (others.some((o) => o.start >= sentence.start && o.end <= sentence.end)) continue;
    const words_ = text.slice(sentence.start, sentence.end);
    for (const v of words_.matchAll(valueRe)) vote(v[1].toLowerCase(), 1, { start: sentence.start + v.index!, end: sentence.start + v.index! + v[0].length });
    if (axis === "designation")
      for (const c of words_.matchAll(cycleRe)) {
        const d = words.cycles.get(c[1].toLowerCase())?.designation;
        if (d) vote(d, 1, { start: sentence.start + c.index!, end: sentence.start + c.index! + c[0].length });
      }
  }
  if (axis === "designation") {
    // "She wasn't from a planet with secondary sexes": in the sentence of a mention or the one after it.
    for (const m of found.mentions) {
      const first = sentenceAround(text, m.start, m.end);
      const next = sentenceAround(text, Math.min(text.length, first.end + 1), Math.min(text.length, first.end + 2));
      for (const s of [first, next]) {
        const none = /(?:\bno\b|\bnot\b|\bwithout\b|\blacks?\b|n['’]t\b)[^.!?]{0,40}(?:secondary sex|dynamic)/i.exec(text.slice(s.start, s.end));
        if (none) vote("none", 3, { start: s.start + none.index, end: s.start + none.index + none[0].length });
      }
    }
  }
  const ranked = [...votes].sort((a, b) => b[1].n - a[1].n);
  if (ranked.length === 0) return { value: "unknown", confidence: 0, evidence: [] };
  const sum = ranked.reduce((n, [, v]) => n + v.n, 0);
  return { value: ranked[0][0], confidence: Math.round((ranked[0][1].n / sum) * 100) / 100, evidence: ranked[0][1].evidence.slice(0, 2) };
}

function otherMentions(people: readonly FoundPerson[], person: number): { start: number; end: number }[] {
  return people.flatMap((p, i) => (i === person ? [] : p.mentions));
}

/** The sentence around a span, looked for at most 300 characters either way (a text may have no full stops). */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const before = text.slice(Math.max(0, start - 300), start);
  const cut = Math.max(before.lastIndexOf(". "), before.lastIndexOf("! "), before.lastIndexOf("? "), before.lastIndexOf("\n"));
  const from = cut >= 0 ? start - before.length + cut + 2 : Math.max(0, start - 300);
  const after = /[.!?](?:\s|$)|\n/.exec(text.slice(end, end + 300));
  return { start: from, end: after ? end + after.index + 1 : Math.min(text.length, end + 300) };
}

function relationsOf(facts: readonly Fact[], people: readonly FoundPerson[], evidence: (span: { start: number; end: number }) => Evidence): BibleRelation[] {
  const out = new Map<string, BibleRelation>();
  const add = (a: number, b: number, kind: BibleRelationKind, span: { start: number; end: number }) => {
    if (a === b) return;
    const [x, y] = SYMMETRIC.has(kind) && a > b ? [b, a] : [a, b];
    const key = `${kind}:${x}:${y}`;
    const r = out.get(key) ?? { a: people[x].name, b: people[y].name, kind, evidence: [] };
    if (r.evidence.length < 3) r.evidence.push(evidence(span));
    out.set(key, r);
  };
  for (const f of facts) {
    if (f.kind === "bite") add(f.biter, f.bitten, "bonded", f.span);
    else if (f.kind === "bonded" && f.mate !== undefined) add(f.person, f.mate, "bonded", f.span);
    else if (f.kind === "courtship") add(f.a, f.b, f.what === "heat-partner" ? "partner" : "courting", f.span);
    else if (f.kind === "visit") add(f.a, f.b, "courting", f.span);
    else if (f.kind === "relation") add(f.a, f.b, f.relation, f.span);
  }
  return [...out.values()];
}
