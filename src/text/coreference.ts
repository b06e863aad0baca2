/**
 * Who each "he", "she", "his" or "her" stands for, decided in one pass through the text so that a
 * pronoun already resolved counts for the next one ("So she walks it… She presented omega at
 * sixteen": the second "she" is the person the first one was). Among the people of that pronoun
 * referred to in this paragraph and the one before, the most salient wins. A person is as salient
 * as their strongest reference, not the sum of them, so a long chain of "he… his… he" about one
 * man does not outweigh the next sentence's new subject. A reference that opens a sentence (a
 * subject, but not a possessive: "Anna’s brother…") counts twice, one in the pronoun's own sentence
 * more, older ones less; and once the pronoun's own paragraph has referred to someone who fits,
 * earlier paragraphs count for half.
 */
import type { Mention } from "./names.js";
import { quoteAt, quoteSpans, selfNamed, speakersOf } from "./dialogue.js";
import type { Span } from "./source-text.js";
import { charLength, isCapitalAt, isLetterAt } from "./letters.js";

export type Gender = "he" | "she" | "they" | "it";

// "She's", "he'd" are pronouns too.
const PRONOUN = /(?<![\p{L}])(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Hh]ers|[Hh]imself|[Hh]erself)(?![\p{L}])/gu;
const GENDER_OF: Record<string, Gender> = { he: "he", him: "he", his: "he", himself: "he", she: "she", her: "she", hers: "she", herself: "she" };
/** How far back a pronoun looks for its person, at most (characters). */
const REACH = 2000;
/** How far back (characters) a reference's salience halves. */
const HALF_LIFE = 400;
/** Salience decays as e^(-DECAY × distance): halved every HALF_LIFE characters (read from FADE below). */
const DECAY = Math.LN2 / HALF_LIFE;

/** A reference to someone the text does not name ("her brother", "the woman"). */
const UNNAMED = -2;
const NOUN_GENDER: Record<string, Gender> = {
  brother: "he", father: "he", son: "he", uncle: "he", husband: "he", boyfriend: "he", man: "he", boy: "he", grandfather: "he", nephew: "he", king: "he", prince: "he", lord: "he",
  sister: "she", mother: "she", daughter: "she", aunt: "she", wife: "she", girlfriend: "she", woman: "she", girl: "she", grandmother: "she", niece: "she", queen: "she", princess: "she", lady: "she",
};
/** A gendered noun with no name after it, opening a sentence: "Her brother went…", "The woman nodded". */
const UNNAMED_SUBJECT = new RegExp(`(?:^|[.!?]["'’”)]?\\s+|\\n\\s*)(?:His|Her|Their|My|Your|The|A|An|That|This)\\s+(?:[a-z]+\\s+)?(${Object.keys(NOUN_GENDER).join("|")})\\b(?!,?\\s+\\p{Lu})`, "gu");

/** "There was a woman standing behind him", "he noticed a girl": someone new the text has not named. */
const UNNAMED_INTRODUCED = /(?:\b[Tt]here\s+(?:was|is|stood|sat)|\b(?:saw|sees|noticed|notices|spotted|spots|met|meets))\s+an?\s+(?:[a-z-]+\s+){0,2}?(woman|man|girl|boy)\b/g;

/** How much a reference in an earlier paragraph counts once the pronoun's own paragraph has named someone who fits. */
const EARLIER_PARAGRAPH = 0.5;

/** How much a reference inside a quote counts toward a pronoun in the narration. */
const QUOTED_IN_NARRATION = 0.25;

/** "I", "me", "my": the narrator outside quotes, the speaker inside them. */
const FIRST_PERSON = /(?<![\p{L}'’])(?:I|[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)(?![\p{L}])/gu;
const SECOND_PERSON = /(?<![\p{L}'’])(?:[Yy]ou|[Yy]our|[Yy]ourself)(?![\p{L}])/gu;
/** Whether a quote speaks to someone ("you"): the same words, tested without a search position to keep. */
const SECOND_PERSON_IN = new RegExp(SECOND_PERSON.source, "u");
/** How far before a quote its listener was last referred to, at most (characters). */
const LISTENER_REACH = 1500;

/** Who a quote starting at `before` is said to: the last person referred to before it who is not its speaker. */
export function addressee(refs: readonly Mention[], before: number, speaker: number): number | undefined {
  let k = refs.length - 1;
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].start < before) lo = mid + 1;
    else hi = mid;
  }
  for (k = lo - 1; k >= 0 && before - refs[k].start < LISTENER_REACH; k--) if (refs[k].person !== speaker && refs[k].person >= 0) return refs[k].person;
  return undefined;
}

/** What a first-person pronoun stands for when the text does not say who speaks. */
export const NO_ONE = -1;

/** Resolved pronouns by offset, in two typed arrays: a long book has millions of them. */
export class Referents {
  constructor(
    private readonly offsets: Int32Array,
    private readonly people: Int32Array,
  ) {}

  /** From offsets in increasing order and the person at each. */
  static of(offsets: readonly number[], people: readonly number[]): Referents {
    return new Referents(Int32Array.from(offsets), Int32Array.from(people));
  }

  get(at: number): number | undefined {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const o = this.offsets[mid];
      if (o === at) return this.people[mid];
      if (o < at) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The same, with more pronouns (at offsets these do not have). */
  with(offsets: readonly number[], people: readonly number[]): Referents {
    const order = [...this.offsets.keys()].map((i) => [this.offsets[i], this.people[i]] as const).concat(offsets.map((o, i) => [o, people[i]] as const)).sort((a, b) => a[0] - b[0]);
    return Referents.of(order.map((x) => x[0]), order.map((x) => x[1]));
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let i = 0; i < this.offsets.length; i++) yield [this.offsets[i], this.people[i]];
  }
}

/**
 * Each resolved pronoun's offset, and the person it stands for (`NO_ONE` for an "I" in a quote
 * whose speaker is unclear). `pov` is who "I" is in narration.
 */
export function resolvePronouns(text: string, mentions: readonly Mention[], genders: readonly (Gender | undefined)[], paragraphs: readonly number[], pov?: number): Referents {
  const quotes = quoteSpans(text);
  const third = resolveThirdPerson(text, mentions, genders, paragraphs, quotes);
  if (!/(?<![\p{L}'’])(?:I|[Mm]e|[Mm]y|[Yy]ou|[Yy]our)(?![\p{L}])/u.test(text)) return third;
  // Each "I", "me", "my" with the quote it stands in (-1 in narration).
  const firsts = [...text.matchAll(FIRST_PERSON)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, quote: quoteAt(quotes, m.index!) }));
  const narrator = pov === undefined ? [] : firsts.filter((f) => f.quote < 0).map((f) => ({ person: pov, start: f.start, end: f.end }));
  const refs = [...mentions, ...narrator, ...[...third].map(([start, person]) => ({ person, start, end: start + wordLength(text, start) }))].sort((a, b) => a.start - b.start);
  const speakers = speakersOf(text, quotes, refs, paragraphs);
  const offsets: number[] = [];
  const people: number[] = [];
  for (const f of firsts) {
    offsets.push(f.start);
    people.push((f.quote < 0 ? pov : speakers[f.quote]) ?? NO_ONE);
  }
  // "You" in a quote is the one spoken to: the last person referred to before it who is not the speaker.
  for (const m of text.matchAll(SECOND_PERSON)) {
    const q = quoteAt(quotes, m.index!);
    if (q < 0 || speakers[q] === undefined) continue;
    offsets.push(m.index!);
    people.push(addressee(refs, quotes[q].start, speakers[q]!) ?? NO_ONE);
  }
  return third.with(offsets, people);
}

function resolveThirdPerson(text: string, mentions: readonly Mention[], genders: readonly (Gender | undefined)[], paragraphs: readonly number[], quotes: readonly Span[]): Referents {
  const offsets: number[] = [];
  const people: number[] = [];
  const recent = new RecentReferences();
  let k = 0;
  let paragraph = 0;
  // A pronoun that stands for someone the text does not name, or for no one it may: NO_ONE, so that
  // nothing later takes it for the nearest name of that pronoun.
  const decline = (at: number) => {
    offsets.push(at);
    people.push(NO_ONE);
  };
  const remember = (person: number, start: number, gender = genders[person]) =>
    recent.push(person, start, gender, opensClause(text, start) && !isPossessive(text, start) ? 2 : 1, quoteAt(quotes, start) >= 0);
  // "Her brother went to the border. He writes every month": someone unnamed can be the subject too.
  const unnamed = [
    ...[...text.matchAll(UNNAMED_SUBJECT)].map((u) => ({ start: u.index! + u[0].search(/\p{Lu}/u), gender: NOUN_GENDER[u[1].toLowerCase()] })),
    ...[...text.matchAll(UNNAMED_INTRODUCED)].map((u) => ({ start: u.index! + u[0].length - u[1].length, gender: NOUN_GENDER[u[1].toLowerCase()] })),
  ].sort((a, b) => a.start - b.start);
  let u = 0;
  // Each pronoun's candidates (in the order first met) and their salience, by person + 2 (the
  // unnamed are -2): kept in arrays, cleared for each pronoun.
  const candidates: number[] = [];
  // "“You know what that's like for her. She's an omega…”": in a quote, "she" is neither its speaker
  // nor, when it says "you", the one it is said to. Both as far as the names alone tell.
  const talk = quotes.length > 0 ? speakersOf(text, quotes, mentions, paragraphs) : [];
  const saidTo = talk.map((speaker, q) => (speaker !== undefined && SECOND_PERSON_IN.test(text.slice(quotes[q].start, quotes[q].end)) ? addressee(mentions, quotes[q].start, speaker) : undefined));
  // "“My name is Nuriel,” she said": the one a quote's speaker names as themself says it.
  const introduced: (number | undefined)[] = [];
  for (let q = 0, k = 0; q < quotes.length; q++) {
    while (k < mentions.length && mentions[k].end <= quotes[q].start) k++;
    introduced.push(selfNamed(text, quotes[q], mentions, k));
  }
  const salience = new Float64Array(mentions.reduce((most, m) => Math.max(most, m.person + 1), genders.length) + 2);
  const add = (person: number, s: number) => {
    if (salience[person + 2] === 0) candidates.push(person);
    if (s > salience[person + 2]) salience[person + 2] = s;
  };
  PRONOUN.lastIndex = 0;
  for (let m = PRONOUN.exec(text); m; m = PRONOUN.exec(text)) {
    const at = m.index;
    while (k < mentions.length && mentions[k].start < at) {
      while (u < unnamed.length && unnamed[u].start < mentions[k].start) remember(UNNAMED, unnamed[u].start, unnamed[u++].gender);
      remember(mentions[k].person, mentions[k++].start);
    }
    while (u < unnamed.length && unnamed[u].start < at) remember(UNNAMED, unnamed[u].start, unnamed[u++].gender);
    while (paragraph + 1 < paragraphs.length && paragraphs[paragraph + 1] <= at) paragraph++;
    // This paragraph and the one before, and at least the last thousand characters (dialogue comes in short paragraphs).
    const from = Math.max(0, at - REACH, Math.min(paragraphs[Math.max(0, paragraph - 1)], at - 1000));
    const gender = GENDER_CODE[GENDER_OF[m[0].toLowerCase()]];
    // "with Tesmae a pace behind her": an object pronoun is not someone named earlier in its own clause.
    const clause = isObject(text, at, m[0]) ? clauseStart(text, at) : at;
    // "Orla Vale (his sister)", "Fen — her sub": an aside right after a name is about someone else.
    const asideAfter = ASIDE_BEFORE.test(text.slice(Math.max(0, at - 3), at)) ? at : -1;
    for (const person of candidates) salience[person + 2] = 0;
    candidates.length = 0;
    const sentence = sentenceStartBefore(text, at);
    const quote = quoteAt(quotes, at);
    const tagged = quote < 0 ? taggedQuote(text, quotes, at) : -1;
    const self = tagged >= 0 ? introduced[tagged] : undefined;
    if (self !== undefined && (genders[self] === undefined || GENDER_CODE[genders[self]!] === gender)) {
      offsets.push(at);
      people.push(self);
      remember(self, at);
      continue;
    }
    const narration = quote < 0;
    const speaker = narration ? undefined : talk[quote];
    const listener = narration ? undefined : saidTo[quote];
    let latest = -1;
    // Someone who fits was passed over as the speaker, the one spoken to, or the name an aside follows.
    let ruledOut = false;
    let ruledOutFitting = false;
    const paragraphStart = paragraphs[paragraph] ?? 0;
    // Someone of the pronoun's gender already referred to in its own paragraph: earlier paragraphs count for less.
    let seenHere = false;
    // The last hundred references at most: enough for any paragraph, and a crowded scene stays fast.
    const { starts, persons, genderCodes, weights, quoted } = recent;
    for (let i = recent.length - 1; i >= 0 && i >= recent.length - 100 && starts[i] >= from; i--) {
      const g = genderCodes[i];
      // Someone whose pronoun the text never made clear may still be meant, at a third of the weight.
      if ((g !== UNKNOWN && g !== gender) || starts[i] >= clause) continue;
      if ((asideAfter >= 0 && NAME_THEN_ASIDE.test(text.slice(starts[i], asideAfter))) || persons[i] === speaker || persons[i] === listener) {
        ruledOut = true;
        if (g === gender) ruledOutFitting = true;
        continue;
      }
      const fromQuote = narration && quoted[i] === 1;
      const here = starts[i] >= paragraphStart;
      if (here && g === gender && !fromQuote) seenHere = true;
      const fit = (g === UNKNOWN ? 0.3 : 1) * (fromQuote ? QUOTED_IN_NARRATION : 1) * (!here && seenHere ? EARLIER_PARAGRAPH : 1);
      if (!fromQuote && latest < 0) latest = i;
      // Older references count for less, halving every few sentences; one in the pronoun's own sentence counts more.
      add(persons[i], fit * (weights[i] * FADE[at - starts[i]] + (starts[i] >= sentence ? 3 : 0)));
    }
    // No one, when someone who fits was ruled out: not the nearest name of that pronoun either.
    if (candidates.length === 0) {
      if (ruledOut) decline(at);
      continue;
    }
    // A tie goes to the latest reference.
    let best = latest >= 0 ? persons[latest] : candidates[0];
    for (const person of candidates) if (salience[person + 2] > salience[best + 2]) best = person;
    // Nor someone whose pronoun the text never showed, in place of one who fits and was ruled out.
    if (best === UNNAMED || (ruledOutFitting && genders[best] === undefined)) {
      decline(at);
      // Someone unnamed stays in view through the pronouns that stand for them.
      if (best === UNNAMED) remember(UNNAMED, at, GENDER_OF[m[0].toLowerCase()]);
      continue;
    }
    offsets.push(at);
    people.push(best);
    remember(best, at);
    // Only the last stretch of text is ever looked at again.
    if (recent.length > 4096) recent.dropBefore(at - REACH - 1000);
  }
  return Referents.of(offsets, people);
}

/** The quote a pronoun tags as its speaker ("…,” she said), or -1. */
function taggedQuote(text: string, quotes: readonly Span[], at: number): number {
  let j = at - 1;
  while (j >= 0 && (text[j] === " " || text[j] === ",")) j--;
  return j >= 0 && (text[j] === "”" || text[j] === '"') ? quoteAt(quotes, j) : -1;
}

/** What opens an aside: a comma, a dash or a bracket. */
const ASIDE_BEFORE = /(?:,|[—–]|\()\s*$/;
/** A name and nothing else up to an aside's opening: "Orla Vale (". */
const NAME_THEN_ASIDE = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*(?:,|[—–]|\()\s*$/u;

/** A reference's gender as a small number (0: the text never made it clear). */
const UNKNOWN = 0;
const GENDER_CODE: Record<Gender, number> = { he: 1, she: 2, they: 3, it: 4 };

/** How much a reference counts at each distance (characters) within reach: halved every HALF_LIFE. */
const FADE = Float64Array.from({ length: REACH + 1 }, (_, d) => Math.exp(-d * DECAY));

/**
 * The references a pronoun may stand for, oldest first, in parallel arrays: each pronoun looks at
 * dozens of them, and a book has hundreds of thousands of pronouns.
 */
class RecentReferences {
  length = 0;
  starts = new Int32Array(8192);
  persons = new Int32Array(8192);
  genderCodes = new Uint8Array(8192);
  weights = new Uint8Array(8192);
  /** Said inside a quote: someone talked about, who is often not in the scene. */
  quoted = new Uint8Array(8192);

  push(person: number, start: number, gender: Gender | undefined, weight: number, quoted: boolean): void {
    if (this.length === this.starts.length) this.grow();
    const i = this.length++;
    this.persons[i] = person;
    this.starts[i] = start;
    this.genderCodes[i] = gender === undefined ? UNKNOWN : GENDER_CODE[gender];
    this.weights[i] = weight;
    this.quoted[i] = quoted ? 1 : 0;
  }

  /** Forgets the references before an offset. */
  dropBefore(offset: number): void {
    let keep = 0;
    while (keep < this.length && this.starts[keep] < offset) keep++;
    for (const a of [this.starts, this.persons, this.genderCodes, this.weights, this.quoted]) a.copyWithin(0, keep, this.length);
    this.length -= keep;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const larger = <T extends Int32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.starts = larger(this.starts, Int32Array);
    this.persons = larger(this.persons, Int32Array);
    this.genderCodes = larger(this.genderCodes, Uint8Array);
    this.weights = larger(this.weights, Uint8Array);
    this.quoted = larger(this.quoted, Uint8Array);
  }
}

/** The length of the word at an offset ("she" → 3): a pronoun's mention ends where the word does. */
function wordLength(text: string, at: number): number {
  let end = at;
  // Pronouns are ASCII letters.
  while (end < text.length && ((text.charCodeAt(end) | 32) >= 97 && (text.charCodeAt(end) | 32) <= 122)) end++;
  return end - at;
}

/** A reference that opens a sentence or a clause (", and she…", "So she") is most likely its subject. */
function opensClause(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  return at === 0 || /(?:(?:[.!?]["'’”)]?\s+|\n\s*|["“]\s*)(?:(?:So|Then|But|And|Now|Still|Yet|Later)\s+)?|[,;]\s+(?:and|but|then|so)\s+|;\s+)$/.test(before);
}

/** "Anna’s brother arrived": a name with 's names whose brother, not the subject. */
function isPossessive(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && isLetterAt(text, end)) end += charLength(text, end);
  // A full name takes the 's after its last word ("Anna Roe’s").
  while (text.charCodeAt(end) === 0x20 && isCapitalAt(text, end + 1)) {
    end++;
    while (end < text.length && isLetterAt(text, end)) end += charLength(text, end);
  }
  const c = text.charCodeAt(end);
  return (c === 0x27 || c === 0x2019) && (text.charCodeAt(end + 1) | 32) === 0x73 && !isLetterAt(text, end + 2);
}

/** "Ravi was his dominant": a possessive after a copula is someone other than the clause's subject. */
const COPULA_BEFORE = /\b(?:is|was|are|were|be|been|became|becomes|remained|remains)\s+$/i;

/**
 * Whether a pronoun cannot be the person its clause named before it: "him", "her" as an object
 * (a preposition, punctuation or an article follows it), and "his" or "her" after a copula.
 */
function isObject(text: string, at: number, word: string): boolean {
  const w = word.toLowerCase();
  if (w === "him") return true;
  if ((w === "his" || w === "her") && COPULA_BEFORE.test(text.slice(Math.max(0, at - 10), at))) return true;
  if (w !== "her") return false;
  return /^(?:\s*[^\s\p{L}]|\s+(?:at|to|in|on|with|for|from|by|and|as|the|a|an|up|down|back|out|off|away|again|close|that|into|over|through|when|while|if|so|too)\b)/u.test(text.slice(at + 3, at + 12));
}

/** Where the clause holding an offset starts: after the last comma, semicolon, dash or sentence end. */
function clauseStart(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 200), at);
  const cut = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf("—"), before.lastIndexOf(". "), before.lastIndexOf("\n"));
  return cut < 0 ? at - before.length : at - before.length + cut + 1;
}

/** Where the sentence holding an offset starts: just after the last . ! ? or line end before it. */
function sentenceStartBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && at - i < 2000; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) return i + 1;
  }
  return Math.max(0, at - 2000);
}
