/**
 * Each person's designation (alpha, beta, omega) and alignment (dominant, submissive) from the
 * prose, as a vote of cues with their weights:
 * - a fact that states it ("Rey, an omega", "he presented as alpha"): 4;
 * - their cycle ("her heat", "Rey's rut", "she was in heat"): 2; a cycle in a sentence about them alone: 1;
 * - someone else's designation they possess ("his omega" says he is the other one): 1;
 * - the word as a predicate ("…and was an omega") in a sentence that refers to them alone (by name
 *   or pronoun): 1 in narration, ½ in dialogue;
 * - "the omega" standing for someone named close by who is not the sentence's subject: ½;
 * - a form of address ("Yes, Alpha,") names what the one spoken to is: 1.
 * Words that say nothing about anyone are skipped: plurals ("Omegas are kept indoors"), "any alpha",
 * and compounds ("Alpha-only"). A negation ("not an alpha")
 * counts against; when it rules out all values but one, it counts for that one.
 */
import type { Fact } from "../text/facts.js";
import type { Mention } from "../text/names.js";
import type { ReaderWords } from "./bible.js";
import { lastAtOrBefore, Positions } from "./positions.js";
import { addressee } from "../text/coreference.js";
import { insideDialogue, quoteAt, quoteSpans, speakersOf } from "../text/dialogue.js";
import { paragraphStarts } from "../text/sentences.js";
import type { Pronoun } from "../text/facts.js";
import { KIN_NOUNS, kinOf, type FoundRelation } from "./relations.js";
import { SHORT_FORMS } from "./words.js";

export interface Span {
  start: number;
  end: number;
}

export interface Judgement {
  value: string;
  /** The winning share of the votes, 0 when unknown. */
  confidence: number;
  evidence: Span[];
}

const WEIGHT = { fact: 4, cycle: 2, possessed: 1, narration: 1, addressed: 1, dialogue: 0.5, anaphor: 0.5 } as const;

/** A reference that is a pronoun, not a name. */
const PRONOUN_WORD = /^(?:he|she|him|his|her|hers|himself|herself|i|me|my|mine|myself|you|your|yours|yourself)$/i;
const GENERIC_BEFORE = /\b(?:any|every|other|another|no|all|some|most|many|few|each|those|these|such|non)[\s-]+$/i;
// "Hale's omega", not "There's alpha all over you" (a contraction, not a possessive).
const POSSESSIVE_BEFORE = /(?:\b(?:his|her|their|your|my|our)|(?<!\b(?:[Tt]here|[Tt]hat|[Ii]t|[Hh]e|[Ss]he|[Ww]hat|[Ww]ho|[Hh]ere|[Ll]et|[Ww]here|[Hh]ow))['’]s)\s+(?:own\s+|new\s+|future\s+|chosen\s+)?$/i;
/** "his alpha scent", "her omega instincts": the word describes its owner, not a partner. */
const ATTRIBUTE_AFTER = /^[\s-]+(?:scent|smell|instincts?|nature|pheromones?|hormones?|biology|voice|growl|pride|side|status|traits?|genes|blood|urges?|needs|drives?|senses|nose|glands?|physiology|strength|presence|posturing|protectiveness|possessiveness)\b/i;
const NEGATED_BEFORE = /(?:\bnot|n['’]t|\bnor|\bnever|\bneither)\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?$/i;
const PREDICATE_BEFORE = /(?:\b(?:is|was|are|were|be|been|being|am|become|became|becomes|presented|presents|present|as|born|remained|stayed)|['’](?:s|m|re))\s+(?:(?:a|an)\s+)?(?:\p{Ll}+\s+)?$/iu;
/** "Her son was the only omega…": a sentence whose subject is someone's kin, up to the designation. */
const KIN_SUBJECT = new RegExp(
  `^\\s*[“"]?((?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y)|\\p{Lu}[\\p{L}'’-]*['’]s)\\s+(?:(?:own|late|older|younger|little|big|elder|eldest|youngest|only)\\s+)?(${KIN_NOUNS.join("|")})\\s+(?:is|was|had been|has been|became|becomes|remained)\\s+(?:(?:an?|the|only|also|still|always|first|last|youngest|eldest)\\s+)*$`,
  "u",
);
const DEFINITE_BEFORE = /\b(?:the|this|that)\s+(?:\p{Ll}+\s+)?$/iu;

/** What both axes read the text with: its sentences, its dialogue and who is referred to where. */
interface Reading {
  text: string;
  references: readonly Mention[];
  refs: ReferenceIndex;
  sentences: Bounds;
  talk: { quotes: Span[]; speakers: (number | undefined)[] };
  /** Relations already found, and each person's pronoun: "her son" is her one son. */
  kin: { relations: readonly FoundRelation[]; pronouns: readonly (Pronoun | undefined)[] };
}

/** Each person's designation and alignment. */
export function judgeAxes(text: string, people: number, facts: readonly Fact[], references: readonly Mention[], words: ReaderWords, kin: Reading["kin"] = { relations: [], pronouns: [] }): { designation: Judgement[]; alignment: Judgement[] } {
  const quotes = quoteSpans(text);
  const reading: Reading = { text, references, refs: new ReferenceIndex(references), sentences: sentenceBounds(text), talk: { quotes, speakers: speakersOf(text, quotes, references, paragraphStarts(text)) }, kin };
  const designation = judgeAxis("designation", reading, people, facts, words);
  const alignment = judgeAxis("alignment", reading, people, facts, words);
  return { designation: withoutTheAxis(designation, alignment), alignment };
}

/**
 * "She wasn't from a planet with secondary sexes … Leia had been an alpha, Han a submissive": in a
 * text that says some people lack the secondary-sex axis, one it gives only an alignment is taken
 * to lack it too, as a weak guess (a person with both is the rarer case in such worlds).
 */
function withoutTheAxis(designation: Judgement[], alignment: readonly Judgement[]): Judgement[] {
  if (!designation.some((d) => d.value === "none")) return designation;
  return designation.map((d, person) => {
    const a = alignment[person];
    return d.value === "unknown" && a.value !== "unknown" ? { value: "none", confidence: GUESS, evidence: a.evidence } : d;
  });
}

/** The confidence of a value inferred from what the text leaves out. */
const GUESS = 0.5;

function judgeAxis(axis: "designation" | "alignment", reading: Reading, people: number, facts: readonly Fact[], words: ReaderWords): Judgement[] {
  const { text, references, refs, sentences, talk } = reading;
  const values = axis === "designation" ? words.designations : words.alignments;
  const votes = Array.from({ length: people }, () => new Map<string, { n: number; evidence: Span[] }>());
  const negated = Array.from({ length: people }, () => new Set<string>());
  const vote = (person: number, said: string, weight: number, span: Span) => {
    const value = SHORT_FORMS[said.toLowerCase()] ?? said;
    const v = votes[person].get(value) ?? { n: 0, evidence: [] };
    v.n += weight;
    if (v.evidence.length < 4) v.evidence.push(span);
    votes[person].set(value, v);
  };
  for (const f of facts) {
    if (f.kind === "designation" && f.axis === axis) vote(f.person, f.value, WEIGHT.fact, f.span);
    if (axis === "designation" && f.kind === "cycle" && f.state !== "none") {
      const d = words.cycles.get(f.cycle)?.designation;
      if (d) vote(f.person, d, WEIGHT.cycle, f.span);
    }
  }
  if (values.length === 0) return votes.map(() => ({ value: "unknown", confidence: 0, evidence: [] }));
  const partners = partnersOf(facts);
  const valueRe = new RegExp(`(?<![\\p{L}-])(${values.join("|")})(s|es|['’]s)?(?![\\p{L}/-])`, "giu");
  const cycleRe = new RegExp(`(?<![\\p{L}-])(${[...words.cycles.keys()].join("|")})(?![\\p{L}/-])`, "giu");
  const complement = complements(values);
  let lastDenied = -1;
  for (const m of text.matchAll(valueRe)) {
    const at = m.index!;
    const span = { start: at, end: at + m[0].length };
    const value = SHORT_FORMS[m[1].toLowerCase()] ?? m[1].toLowerCase();
    if (m[2] && !/['’]s/.test(m[2])) continue; // a plural speaks of everyone
    const before = text.slice(Math.max(0, at - 24), at);
    if (GENERIC_BEFORE.test(before)) continue;
    if (vocative(text, at, at + m[0].length)) {
      // "Yes, Alpha," she said: a form of address names what the one spoken to is.
      const q = quoteAt(talk.quotes, at);
      const speaker = q < 0 ? undefined : talk.speakers[q];
      const listener = speaker === undefined ? undefined : addressee(references, talk.quotes[q].start, speaker);
      if (listener !== undefined) vote(listener, value, WEIGHT.addressed, span);
      continue;
    }
    const sentence = sentences.around(at);
    const inSentence = refs.within(sentence.start, sentence.end);
    if (POSSESSIVE_BEFORE.test(before)) {
      const owner = refs.endingNear(at, before);
      // "his alpha scent": the possessor's own.
      if (ATTRIBUTE_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 20))) {
        if (owner !== undefined) vote(owner, value, WEIGHT.possessed, span);
        continue;
      }
      // "his omega": the possessor is the other one; and "her alpha" is her one partner or mate, when the text names one.
      if (owner !== undefined && complement.has(value)) vote(owner, complement.get(value)!, WEIGHT.possessed, span);
      const other = owner === undefined ? undefined : partners.get(owner);
      if (other !== undefined && other >= 0) vote(other, value, WEIGHT.possessed, span);
      continue;
    }
    // "not an alpha, or a beta, or an omega": each of a list after "not" is denied.
    if (NEGATED_BEFORE.test(before) || (lastDenied >= 0 && /^\s*,?\s*(?:or|nor)\s+(?:an?\s+)?$/.test(text.slice(lastDenied, at)))) {
      const only = single(inSentence);
      if (only !== undefined) negated[only].add(value);
      lastDenied = at + m[0].length;
      continue;
    }
    const dialogue = insideDialogue(text, sentence.start, at);
    const only = single(inSentence);
    // "Her son was the only omega": the son, when the relations name her one son; never her.
    const kin = KIN_SUBJECT.exec(text.slice(sentence.start, at));
    if (kin) {
      const owner = refs.within(sentence.start, sentence.start + kin[0].indexOf(kin[1]) + kin[1].length).at(-1)?.person;
      const person = owner === undefined ? undefined : kinOf(reading.kin.relations, owner, kin[2], reading.kin.pronouns);
      if (person !== undefined) vote(person, value, dialogue ? WEIGHT.dialogue : WEIGHT.narration, span);
      continue;
    }
    if (DEFINITE_BEFORE.test(before) && !/\b(?:is|was|are|were|be|been|['’]s)\s+(?:the|this|that)\s+$/i.test(before)) {
      // "grips the Omega's wrist. 'Rey—'": the omega is someone near who is not this sentence's subject.
      const q = quoteAt(talk.quotes, at);
      if (q < 0) {
        const other = refs.nearestOutside(at, sentence, new Set(inSentence.map((r) => r.person)));
        if (other !== undefined && !dialogue) vote(other, value, WEIGHT.anaphor, span);
      } else {
        // "Sunniva turned them away. The omega's got a spine": in a quote, the one it last named (not its speaker).
        const talkedAbout = refs.within(talk.quotes[q].start, sentence.start).filter((r) => r.person >= 0 && r.person !== talk.speakers[q] && !PRONOUN_WORD.test(text.slice(r.start, r.end))).at(-1)?.person;
        if (talkedAbout !== undefined && !inSentence.some((r) => r.person === talkedAbout)) vote(talkedAbout, value, WEIGHT.anaphor, span);
      }
      continue;
    }
    // Otherwise only a predicate says something about the one person the sentence is about ("…and was an omega").
    if (only !== undefined && PREDICATE_BEFORE.test(before)) vote(only, value, dialogue ? WEIGHT.dialogue : WEIGHT.narration, span);
  }
  if (axis === "designation") {
    for (const m of text.matchAll(cycleRe)) {
      const at = m.index!;
      const before = text.slice(Math.max(0, at - 24), at);
      const d = words.cycles.get(m[1].toLowerCase())?.designation;
      if (!POSSESSIVE_BEFORE.test(before)) {
        // "Martinez smelled of a lingering heat": a cycle in narration about one person alone.
        const sentence = sentences.around(at);
        const only = single(refs.within(sentence.start, sentence.end));
        if (d && only !== undefined && !GENERIC_BEFORE.test(before) && !insideDialogue(text, sentence.start, at)) vote(only, d, WEIGHT.narration, { start: at, end: at + m[0].length });
        continue;
      }
      const owner = refs.endingNear(at, before);
      if (owner !== undefined && d) vote(owner, d, WEIGHT.cycle, { start: at - (before.length - before.search(/\S+\s+(?:own\s+|new\s+)?$/)), end: at + m[0].length });
    }
  }
  if (axis === "designation") {
    // "She wasn't from a planet with secondary sexes": a person whose kind lacks the axis.
    for (const m of text.matchAll(/(?:\bno\b|\bnot\b|\bwithout\b|\blacks?\b|n['’]t\b)[^.!?\n]{0,40}?(?:secondary sex|designation|dynamic)/gi)) {
      const only = single(refs.within(sentences.around(m.index!).start, m.index!));
      if (only !== undefined) vote(only, "none", WEIGHT.fact, { start: m.index!, end: m.index! + m[0].length });
    }
  }
  return votes.map((v, person) => {
    for (const value of negated[person]) {
      const entry = v.get(value);
      if (entry) entry.n -= WEIGHT.narration;
    }
    const left = values.filter((x) => !negated[person].has(x));
    if (negated[person].size >= 2 && left.length === 1 && !v.has(left[0])) v.set(left[0], { n: WEIGHT.narration, evidence: [] });
    // Denied every value of the axis: their kind lacks it ("I am not an alpha, or a beta, or an omega").
    // Said outright of one person, it outweighs what their pronouns may have been given by mistake.
    if (axis === "designation" && left.length === 0) v.set("none", { n: WEIGHT.fact, evidence: [] });
    const ranked = [...v].filter(([, x]) => x.n > 0).sort((a, b) => b[1].n - a[1].n);
    if (ranked.length === 0) return { value: "unknown", confidence: 0, evidence: [] };
    const sum = ranked.reduce((n, [, x]) => n + x.n, 0);
    return { value: ranked[0][0], confidence: Math.round((ranked[0][1].n / sum) * 100) / 100, evidence: ranked[0][1].evidence.slice(0, 2) };
  });
}

/** alpha ↔ omega, dominant ↔ submissive: the pairs a possessive points across. */
function complements(values: readonly string[]): Map<string, string> {
  const pairs: [string, string][] = [["alpha", "omega"], ["dominant", "submissive"]];
  const out = new Map<string, string>();
  for (const [a, b] of pairs) {
    if (values.includes(a) && values.includes(b)) {
      out.set(a, b);
      out.set(b, a);
    }
  }
  return out;
}

function single(refs: readonly Mention[]): number | undefined {
  if (refs.length === 0) return undefined;
  const first = refs[0].person;
  return refs.every((r) => r.person === first) ? first : undefined;
}

/** "Yes, Alpha." "Alpha, please": a form of address, not a statement about anyone. */
function vocative(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 2);
  return (/,\s*$/.test(before) && /^\s*[.,!?"”’—–-]/.test(after)) || (/["“‘]\s*$/.test(before) && /^\s*[,!?]/.test(after));
}

interface Bounds {
  around(at: number): Span;
}

function sentenceBounds(text: string): Bounds {
  const starts = [0];
  const re = /[.!?]["'’”)]*\s+|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  starts.push(text.length);
  return {
    around(at: number): Span {
      const k = lastAtOrBefore(starts, at);
      return { start: starts[k], end: starts[Math.min(k + 1, starts.length - 1)] };
    },
  };
}

/** Names and resolved pronouns by position, for the questions the cues ask. */
class ReferenceIndex extends Positions {
  /** The reference that makes up the possessive just before `at` ("his", "Rey's"). */
  endingNear(at: number, before: string): number | undefined {
    const from = at - before.length;
    const candidates = this.within(from, at);
    return candidates.length ? candidates[candidates.length - 1].person : undefined;
  }

  /** The nearest person referred to outside the sentence (within 400 characters), not among `exclude`. */
  nearestOutside(at: number, sentence: Span, exclude: ReadonlySet<number>): number | undefined {
    const k = this.firstAtOrAfter(at);
    let best: { person: number; distance: number } | undefined;
    for (let i = k; i < this.list.length && this.list[i].start - at < 400; i++) {
      const r = this.list[i];
      if (r.start < sentence.end || exclude.has(r.person)) continue;
      best = { person: r.person, distance: r.start - at };
      break;
    }
    for (let i = k - 1; i >= 0 && at - this.list[i].end < 400; i--) {
      const r = this.list[i];
      if (r.end > sentence.start || exclude.has(r.person)) continue;
      if (!best || at - r.end < best.distance) best = { person: r.person, distance: at - r.end };
      break;
    }
    return best?.person;
  }
}

/** Each person's one partner or mate the facts name (-1 for someone with more than one). */
function partnersOf(facts: readonly Fact[]): Map<number, number> {
  const out = new Map<number, number>();
  const pair = (a: number, b: number) => {
    for (const [x, y] of [[a, b], [b, a]]) out.set(x, out.has(x) && out.get(x) !== y ? -1 : y);
  };
  for (const f of facts) {
    if (f.kind === "relation" && f.relation === "partner") pair(f.a, f.b);
    else if (f.kind === "bonded" && f.mate !== undefined) pair(f.person, f.mate);
    else if (f.kind === "bite") pair(f.biter, f.bitten);
  }
  return out;
}
