/**
 * A draft story bible from a manuscript's text: the people it names, what designation each has,
 * the relations between them, each with the words it came from. The format is the one
 * ../shared/gold/FORMAT.md describes (characters and relations with evidence), plus chapters.
 */
import { SourceText } from "../text/source-text.js";
import { FactExtractor, type Fact, type Vocabulary } from "../text/facts.js";
import { discoverPeople, type FoundPerson } from "./people.js";
import { learnPronouns } from "./genders.js";
import { judgeAxis } from "./designations.js";
import { findRelations, type RelationKind } from "./relations.js";
import type { WorldFit } from "./world-fit.js";
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

export type BibleRelationKind = RelationKind;

export interface BibleRelation {
  a: string;
  b: string;
  kind: BibleRelationKind;
  /** 1 when the text states it; less when it is read from context ("his mother" near a woman's name). */
  confidence: number;
  evidence: Evidence[];
}

export interface Bible {
  text: string;
  characters: BibleCharacter[];
  relations: BibleRelation[];
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


/** `onStage` hears each stage as it starts, for progress on long books. */
export function readText(name: string, text: string, words: ReaderWords, onStage: (stage: string) => void = () => {}): Bible {
  const source = new SourceText(name, text);
  onStage("finding people");
  const vocabularyWords = [...words.designations, ...words.alignments, ...words.cycles.keys(), ...words.tells, "visit", "suppressant", "suppressants", "bond", "mate", "scent"];
  const found = discoverPeople(text, vocabularyWords);
  const named = found.map((p) => ({ name: p.name, aliases: p.aliases }));
  onStage("following pronouns");
  const names = new NameIndex(named).mentions(text);
  const pronouns = learnPronouns(text, names, found.length);
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
  const extractor = new FactExtractor(vocab);
  const facts = extractor.extract(text);
  onStage("following references");
  const references = extractor.references(text);
  onStage("judging designations");
  const designations = judgeAxis("designation", text, found.length, facts, references, words);
  const alignments = judgeAxis("alignment", text, found.length, facts, references, words);
  const evidence = (span: { start: number; end: number }): Evidence => {
    const p = source.position(span.start);
    return { line: p.line, offset: p.column - 1, quote: text.slice(span.start, span.end) };
  };
  const total = found.reduce((n, p) => n + p.mentions.length, 0);
  const most = Math.max(1, ...found.map((p) => p.mentions.length));
  const characters = found.map((p, i): BibleCharacter => {
    const designation = designations[i];
    const alignment = alignments[i];
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
  onStage("finding relations");
  const relations = findRelations(text, facts, references, names, pronouns).map(
    (r): BibleRelation => ({ a: found[r.a].name, b: found[r.b].name, kind: r.kind, confidence: r.confidence, evidence: r.spans.map(evidence) }),
  );
  return { text: name, characters, relations };
}
