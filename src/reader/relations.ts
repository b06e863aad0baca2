/**
 * Relations between the people of a manuscript, each with the words it rests on and how sure it is:
 * - stated: a fact pattern read it ("Quillon bit Tesmae", "her guardian, Ordo", "Ravi was his
 *   dominant"): confidence 1;
 * - a kin noun that names no one ("Kylo has seen more of his mother"): the person of that noun's
 *   gender named in the sentences just before or after, when the text points to the same one at
 *   least twice: confidence ½;
 * - a couple word for "they" just after a named pair ("Han and Leia. They'd been a couple."), or in a paragraph about two people only: ½;
 * - in a text that talks of Visits and courting, a bonded pair courted first: ½;
 * - "his parents" beside a named pair ("Han and Leia"): both parents, and partners: ½;
 * - "We bonded" in a first-person text: the narrator and the one the text was just about: ½.
 */
import type { Fact, Pronoun } from "../text/facts.js";
import type { Mention } from "../text/names.js";
import type { Span } from "../text/source-text.js";
import { lastAtOrBefore, Positions } from "./positions.js";
import { paragraphStarts, sentenceStarts } from "../text/sentences.js";

export type RelationKind = "bonded" | "courting" | "partner" | "guardian" | "owner" | "parent" | "sibling" | "dominant-of";

export interface FoundRelation {
  a: number;
  b: number;
  kind: RelationKind;
  confidence: number;
  spans: Span[];
}

const SYMMETRIC = new Set<RelationKind>(["bonded", "courting", "partner", "sibling"]);

/** Kin nouns that name no one, their relation, whether the referent is the first side, and its pronoun. */
const KIN: Record<string, [RelationKind, boolean, Pronoun | undefined]> = {
  mother: ["parent", true, "she"], mom: ["parent", true, "she"], mum: ["parent", true, "she"], father: ["parent", true, "he"], dad: ["parent", true, "he"],
  son: ["parent", false, "he"], daughter: ["parent", false, "she"],
  brother: ["sibling", true, "he"], sister: ["sibling", true, "she"],
  husband: ["partner", true, "he"], wife: ["partner", true, "she"], boyfriend: ["partner", true, "he"], girlfriend: ["partner", true, "she"],
  guardian: ["guardian", true, undefined], ward: ["guardian", false, undefined],
  owner: ["owner", true, undefined], master: ["owner", true, "he"], mistress: ["owner", true, "she"],
  mate: ["bonded", true, undefined], bondmate: ["bonded", true, undefined],
  dominant: ["dominant-of", true, undefined], submissive: ["dominant-of", false, undefined],
};
export const KIN_NOUNS: readonly string[] = Object.keys(KIN);

/**
 * The one person a kin noun of someone's stands for among the relations found ("her son": her one
 * son), or undefined when there is none or more than one.
 */
export function kinOf(relations: readonly FoundRelation[], owner: number, noun: string, pronouns: readonly (Pronoun | undefined)[]): number | undefined {
  const [kind, referentFirst, gender] = KIN[noun.toLowerCase()] ?? [];
  if (!kind) return undefined;
  const found = new Set<number>();
  for (const r of relations) {
    if (r.kind !== kind) continue;
    const other = SYMMETRIC.has(kind) ? (r.a === owner ? r.b : r.b === owner ? r.a : -1) : referentFirst ? (r.b === owner ? r.a : -1) : r.a === owner ? r.b : -1;
    if (other >= 0 && (gender === undefined || pronouns[other] === undefined || pronouns[other] === gender)) found.add(other);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

// Case matters here: "his mother, Aurel" (a name follows) is left to the fact patterns.
// The noun is looked for first (it is rare); its owner just before it.
const KIN_NOUN = new RegExp(`(?<![\\p{L}])(${KIN_NOUNS.join("|")})(?![\\p{L}])(?!,?\\s+\\p{Lu})`, "gu");
const KIN_OWNER = /(?<![\p{L}])(?:[Hh]is|[Hh]er|[Mm]y|\p{Lu}[\p{L}'’-]*['’]s)\s+(?:(?:own|late|older|younger|little|big|elder|new|[Bb]eta|[Aa]lpha|[Oo]mega|legal|court-appointed)\s+)?$/u;

// The noun is looked for first (it is rare); its owner just before it.
const PARENTS = /(?<![\p{L}])parents(?![\p{L}])/gu;
const PARENTS_OWNER = /(?<![\p{L}])(?:[Hh]is|[Hh]er|\p{Lu}[\p{L}'’-]*['’]s)\s+$/u;
const COURTSHIP = /(?<![\p{L}])(?:Visits?|courting|courtship|courted|suitors?)(?![\p{L}])/gu;
const THEY_COUPLE = /\b[Tt]hey(?:['’]d|['’]re|\s+had|\s+were|\s+are|\s+have)?\s+(?:been\s+)?(?:a\s+)?(?:[\p{Ll}-]+\s+)?(?:couple|married|together|partners|lovers|dating|engaged|wed)\b/gu;

/** Kinds of kin who often share a surname: "her son" in a text with one other Gault is that Gault. */
const FAMILY: ReadonlySet<RelationKind> = new Set(["parent", "sibling", "partner"]);

/**
 * "Since taking up with Phasma, his heats…": a partnership named in a clause without a subject,
 * whose subject is the one the text was just about.
 */
const GERUND_PARTNER = /(?<![\p{L}])(?:[Ss]ince|[Aa]fter|[Bb]efore|[Uu]ntil|[Ww]hile|[Uu]pon|[Ee]ver since)\s+(?:taking up|going out|moving in|living|getting together|settling down)\s+with\s+/gu;

/** "Mum — Liesbeth", "Dad (Corrin)": a parent's name given beside the word a narrator calls them by. */
const NARRATOR_PARENT = /(?<![\p{L}])(?:Mum|Mom|Mother|Mama|Mamma|Dad|Father|Papa)\s*[—–(]\s*/gu;

/** "We bonded in the fifth year": the narrator and the one the text was just about. */
const WE_BONDED = /(?<![\p{L}])[Ww]e(?:['’]d|\s+had|\s+were|\s+got)?\s+(?:been\s+)?(bonded|mated|married|wed)(?![\p{L}])/gu;
/** How far back (characters) "we" looks for the narrator's other half. */
const WE_REACH = 1500;

export function findRelations(text: string, facts: readonly Fact[], references: readonly Mention[], names: readonly Mention[], pronouns: readonly (Pronoun | undefined)[], people: readonly { name: string }[] = [], pov?: number): FoundRelation[] {
  const out = new Map<string, FoundRelation>();
  const add = (a: number, b: number, kind: RelationKind, span: Span, confidence: number) => {
    if (a === b) return;
    const [x, y] = SYMMETRIC.has(kind) && a > b ? [b, a] : [a, b];
    const key = `${kind}:${x}:${y}`;
    const r = out.get(key) ?? { a: x, b: y, kind, confidence, spans: [] };
    r.confidence = Math.max(r.confidence, confidence);
    if (r.spans.length < 3) r.spans.push(span);
    out.set(key, r);
  };
  for (const f of facts) {
    if (f.kind === "bite") add(f.biter, f.bitten, "bonded", f.span, 1);
    else if (f.kind === "bonded" && f.mate !== undefined) add(f.person, f.mate, "bonded", f.span, 1);
    else if (f.kind === "courtship") add(f.a, f.b, f.what === "heat-partner" || /marr/i.test(f.quote) ? "partner" : "courting", f.span, 1);
    else if (f.kind === "visit") add(f.a, f.b, "courting", f.span, 1);
    else if (f.kind === "relation") add(f.a, f.b, f.relation, f.span, 1);
  }
  const sentences = sentenceStarts(text);
  const surnames = surnamesOf(people);
  const refs = new Positions(references);
  const named = new Positions(names);
  const stated = (a: number, b: number) => [...out.values()].some((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a));
  // Kin nouns that name no one: votes for who they stand for.
  const votes = new Map<string, { a: number; b: number; kind: RelationKind; n: number; spans: Span[] }>();
  for (const noun of text.matchAll(KIN_NOUN)) {
    const window = text.slice(Math.max(0, noun.index! - 48), noun.index!);
    const o = KIN_OWNER.exec(window);
    if (!o) continue;
    const at = noun.index! - window.length + o.index;
    const m = { 0: text.slice(at, noun.index! + noun[0].length), 1: noun[1] };
    const [kind, referentFirst, gender] = KIN[m[1].toLowerCase()];
    const owner = refs.within(at, noun.index!).at(-1)?.person;
    if (owner === undefined) continue;
    const s = lastAtOrBefore(sentences, at);
    // Someone named in the same sentence is someone else ("Rey waited, and his mother…"); a pronoun there may be the kin.
    const inSentence = new Set(named.within(sentences[s], sentences[s + 1] ?? text.length).map((r) => r.person));
    const near = named.within(sentences[Math.max(0, s - 2)], sentences[Math.min(sentences.length - 1, s + 2)] ?? text.length).filter((r) => r.person !== owner && !inSentence.has(r.person) && (gender === undefined || pronouns[r.person] === undefined || pronouns[r.person] === gender));
    const candidates = [...new Set(near.map((r) => r.person))].filter((p) => !stated(p, owner) || kind !== "parent");
    // The one other person of the owner's surname with the noun's pronoun is the kin, said once or not.
    const family = FAMILY.has(kind) ? kinBySurname(sameSurname(surnames, owner), pronouns, gender) : [];
    if (family.length === 1) {
      const [a, b] = referentFirst ? [family[0], owner] : [owner, family[0]];
      if (!stated(a, b)) add(a, b, kind, { start: at, end: at + m[0].length }, 0.5);
      continue;
    }
    if (candidates.length !== 1) continue;
    const [a, b] = referentFirst ? [candidates[0], owner] : [owner, candidates[0]];
    const key = `${kind}:${a}:${b}`;
    const v = votes.get(key) ?? { a, b, kind, n: 0, spans: [] };
    // One whose pronoun the text shows, and it fits the noun, is a surer answer than one whose it does not.
    v.n += gender !== undefined && pronouns[candidates[0]] === gender ? 2 : 1;
    v.spans.push({ start: at, end: at + m[0].length });
    votes.set(key, v);
  }
  // Once could be anyone; the same answer twice is the text's habit, and so is once when the pronouns agree.
  for (const v of votes.values()) if (v.n >= 2 && !out.has(`${v.kind}:${v.a}:${v.b}`)) for (const span of v.spans) add(v.a, v.b, v.kind, span, 0.5);
  // "Han and Leia tried to keep him… His parents had no choice": a named pair beside "his parents".
  for (const noun of text.matchAll(PARENTS)) {
    const window = text.slice(Math.max(0, noun.index! - 40), noun.index!);
    const o = PARENTS_OWNER.exec(window);
    if (!o) continue;
    const m = { index: noun.index! - window.length + o.index, 0: o[0] + noun[0] };
    const owner = refs.within(m.index, m.index + m[0].indexOf(" ")).at(-1)?.person;
    if (owner === undefined) continue;
    const s = lastAtOrBefore(sentences, m.index!);
    const near = named.within(sentences[Math.max(0, s - 2)], sentences[Math.min(sentences.length - 1, s + 2)] ?? text.length);
    for (let k = 0; k + 1 < near.length; k++) {
      const [x, y] = [near[k], near[k + 1]];
      if (x.person === y.person || x.person === owner || y.person === owner || !/^\s+and\s+$/.test(text.slice(x.end, y.start))) continue;
      const span = { start: m.index!, end: m.index! + m[0].length };
      add(x.person, owner, "parent", span, 0.5);
      add(y.person, owner, "parent", span, 0.5);
      add(x.person, y.person, "partner", { start: x.start, end: y.end }, 0.5);
      break;
    }
  }
  // In a world of courtship, a bonded pair courted first: "courting" read from context, quoting the
  // first courtship words in a sentence about either of them.
  const courtship = [...text.matchAll(COURTSHIP)];
  if (courtship.length >= 2) {
    for (const r of [...out.values()].filter((x) => x.kind === "bonded")) {
      const words = courtship.find((c) => refs.within(sentences[lastAtOrBefore(sentences, c.index!)], sentences[lastAtOrBefore(sentences, c.index!) + 1] ?? text.length).some((x) => x.person === r.a || x.person === r.b));
      if (words && !out.has(`courting:${r.a}:${r.b}`)) add(r.a, r.b, "courting", { start: words.index!, end: words.index! + words[0].length }, 0.5);
    }
  }
  // "…with Han and Leia. They'd been a mixed couple.": a couple word for "they" right after a named
  // pair, or in a paragraph about two people and no one else ("Ravi was his dominant… They had been dating").
  const paragraphs = paragraphStarts(text);
  for (const m of text.matchAll(THEY_COUPLE)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    const pair = named.within(Math.max(0, m.index! - 200), m.index!).slice(-2);
    if (pair.length === 2 && pair[0].person !== pair[1].person && /^\s+and\s+$/.test(text.slice(pair[0].end, pair[1].start))) {
      add(pair[0].person, pair[1].person, "partner", span, 0.5);
      continue;
    }
    const people = [...new Set(refs.within(paragraphs[lastAtOrBefore(paragraphs, m.index!)], m.index!).map((r) => r.person).filter((p) => p >= 0))];
    if (people.length === 2) add(people[0], people[1], "partner", span, 0.5);
  }
  // The clause's unstated subject: the last person referred to before it in the paragraph.
  for (const clause of text.matchAll(GERUND_PARTNER)) {
    const start = clause.index!;
    const partner = named.within(start + clause[0].length, start + clause[0].length + 1)[0];
    if (!partner || partner.person < 0) continue;
    const subject = refs.within(paragraphs[lastAtOrBefore(paragraphs, start)], start).filter((r) => r.person >= 0 && r.person !== partner.person).at(-1);
    if (subject) add(subject.person, partner.person, "partner", { start, end: partner.end }, 0.5);
  }
  if (pov !== undefined) {
    // "Mum — Liesbeth Vantongeren — is an omega": the narrator's own parent, named in an aside.
    for (const m of text.matchAll(NARRATOR_PARENT)) {
      const parent = named.within(m.index + m[0].length, m.index + m[0].length + 1)[0];
      if (parent && parent.person >= 0) add(parent.person, pov, "parent", { start: m.index, end: parent.end }, 1);
    }
    for (const m of text.matchAll(WE_BONDED)) {
      // The person referred to most in the stretch before, other than the narrator.
      const counts = new Map<number, number>();
      for (const r of refs.within(Math.max(0, m.index! - WE_REACH), m.index!)) if (r.person >= 0 && r.person !== pov) counts.set(r.person, (counts.get(r.person) ?? 0) + 1);
      const [best, second] = [...counts].sort((x, y) => y[1] - x[1]);
      if (best && (!second || best[1] >= 1.5 * second[1])) add(pov, best[0], /married|wed/.test(m[1]) ? "partner" : "bonded", { start: m.index!, end: m.index! + m[0].length }, 0.5);
    }
  }
  for (const [a, b, kind, span] of familyClosure([...out.values()])) add(a, b, kind, span, 0.5);
  return [...out.values()];
}

/**
 * What families imply: a parent of one sibling is the other's parent too, and two children of one
 * parent are siblings. Each with the words of the relation it follows from.
 */
function familyClosure(relations: readonly FoundRelation[]): [number, number, RelationKind, Span][] {
  const out: [number, number, RelationKind, Span][] = [];
  const parents = relations.filter((r) => r.kind === "parent");
  const siblings = relations.filter((r) => r.kind === "sibling");
  for (const p of parents) {
    for (const s of siblings) {
      const other = s.a === p.b ? s.b : s.b === p.b ? s.a : -1;
      if (other >= 0 && other !== p.a) out.push([p.a, other, "parent", s.spans[0]]);
    }
    for (const q of parents) if (q.a === p.a && q.b > p.b) out.push([p.b, q.b, "sibling", q.spans[0]]);
  }
  return out;
}

/**
 * Those of one surname a kin noun can stand for: those with its pronoun; failing them, those whose
 * pronoun the text never showed.
 */
function kinBySurname(family: readonly number[], pronouns: readonly (Pronoun | undefined)[], gender: Pronoun | undefined): number[] {
  const fits = family.filter((p) => pronouns[p] === (gender ?? pronouns[p]));
  return fits.length > 0 ? fits : family.filter((p) => pronouns[p] === undefined);
}

/** Each person's surname: the last word of a full name (none for a one-word name). */
function surnamesOf(people: readonly { name: string }[]): (string | undefined)[] {
  return people.map((p) => (p.name.includes(" ") ? p.name.slice(p.name.lastIndexOf(" ") + 1) : undefined));
}

/** The other people whose full name ends with the same surname as this person's. */
function sameSurname(surnames: readonly (string | undefined)[], person: number): number[] {
  const own = surnames[person];
  if (own === undefined) return [];
  const out: number[] = [];
  surnames.forEach((s, i) => i !== person && s === own && out.push(i));
  return out;
}
