/**
 * Which pronoun the text uses for each person it names, learnt from the text alone (the reader has
 * no cast list): titles and kin nouns that carry one ("Lady Ysolde", "his mother, Aurel"), and the
 * subject pronoun that follows a name in its own sentence or opens the next one ("Rey nods. She…").
 * A person gets a pronoun only when the cues clearly agree; pronouns then lead back to people in
 * the fact patterns ("her heat", "his mother").
 */
import type { Mention } from "../text/names.js";
import type { Pronoun } from "../text/facts.js";
import { opensSentence } from "../text/sentences.js";

export const TITLE_PRONOUN: Record<string, Pronoun> = {
  Mr: "he", Sir: "he", Lord: "he", King: "he", Prince: "he", Duke: "he", Count: "he", Emperor: "he", Brother: "he", Father: "he", Uncle: "he", Master: "he", Baron: "he", Abbot: "he", Headmaster: "he",
  Mrs: "she", Ms: "she", Miss: "she", Lady: "she", Dame: "she", Queen: "she", Princess: "she", Duchess: "she", Countess: "she", Empress: "she", Sister: "she", Mother: "she", Aunt: "she", Mistress: "she", Madam: "she", Baroness: "she", Abbess: "she", Matron: "she", Headmistress: "she",
};

const KIN_PRONOUN: Record<string, Pronoun> = {
  mother: "she", mom: "she", mum: "she", sister: "she", daughter: "she", aunt: "she", wife: "she", girlfriend: "she", grandmother: "she", niece: "she", queen: "she", princess: "she", widow: "she",
  father: "he", dad: "he", brother: "he", son: "he", uncle: "he", husband: "he", boyfriend: "he", grandfather: "he", nephew: "he", king: "he", prince: "he", widower: "he",
};
const KIN = Object.keys(KIN_PRONOUN).join("|");
/** "his mother, Aurel" (the noun before the name) and "Aurel, his mother" (after it). */
const KIN_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${KIN})(?:,\\s*|\\s+)$`, "iu");
const KIN_AFTER = new RegExp(`^,\\s+(?:(?:his|her|their|my|your|the|[\\p{Lu}][\\p{L}'’]*['’]s)\\s+)?(?:[\\p{Ll}-]+\\s+)?(${KIN})\\b`, "u");

const GENDER: Record<string, Pronoun> = { he: "he", she: "she", himself: "he", herself: "she", his: "he", her: "she" };
/** The first pronoun after a name (him is left out: it is almost always someone else). */
const NEXT_PRONOUN = /(?<![\p{L}])(he|she|himself|herself|his|her)(?![\p{L}'’])|[.!?\n"“”]/giu;
/** "…, and she", "; he", "then she": a subject that carries on the clause of the name before it. */
const JOINED = /(?:[,;]\s*(?:and|but|then|so)?|\s(?:and|but|then))\s+$/;
/** "her" before these (or punctuation) is an object, not a possessive. */
const OBJECT_AFTER = /^(?:\s*[^\s\p{L}]|\s+(?:at|to|in|on|with|for|from|by|and|as|the|a|an|up|down|back|out|off|away|again|close|that|into|over|through|when|while|if|so|too)\b)/u;
const SUBORDINATE = /\b(?:that|if|whether|what|how|why|when|because|where|who|as|while|until|before|after|since|though|although|once)\s+$/i;
const PREPOSITION = /\b(?:to|at|with|for|from|by|of|on|in|into|onto|over|under|against|behind|beside|toward|towards|than|about|around)\s+$/i;

/**
 * How much each cue says, from how often it points to the right person in labelled prose: a
 * reflexive after a name is nearly always theirs; a "He" opening the sentence after one the name
 * opened is right four times in five; a pronoun in a subordinate clause ("she saw that he…") is a
 * coin toss and is not counted.
 */
const WEIGHT = { title: 3, reflexive: 2, possessive: 1.5, opener: 1.5, subject: 1, joined: 0.5 } as const;

/** "…was a tall, genial man", "…is an old woman": a gendered noun said of the name before it. */
const PREDICATE_NOUN = /^\s+(?:is|was)\s+(?:an?\s+)(?:[\p{L}-]+,?\s+){0,3}?(man|woman|boy|girl|gentleman|lady)\b/iu;
const NOUN_PRONOUN: Record<string, Pronoun> = { man: "he", boy: "he", gentleman: "he", woman: "she", girl: "she", lady: "she" };

/** A sentence that opens with "He" or "She" (or "Then he", "But she"). */
const OPENS = /^[\s"“”'‘’]*(?:(?:Then|And|But|So|Now|Still)\s+)?([Hh]e|[Ss]he)\b/;

export function learnPronouns(text: string, mentions: readonly Mention[], people: number): (Pronoun | undefined)[] {
  const votes = Array.from({ length: people }, () => ({ he: 0, she: 0 }));
  const vote = (person: number, pronoun: Pronoun, weight: number) => {
    if (pronoun === "he" || pronoun === "she") votes[person][pronoun] += weight;
  };
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const title = TITLE_PRONOUN[text.slice(m.start, m.end).split(/[\s.]/)[0]];
    if (title) vote(m.person, title, WEIGHT.title);
    // "Vantongeren was a tall, genial man": a gendered noun as the predicate.
    const noun = PREDICATE_NOUN.exec(text.slice(m.end, m.end + 60));
    if (noun) vote(m.person, NOUN_PRONOUN[noun[1].toLowerCase()], WEIGHT.title);
    // "Osric Hallowell, Lord Chancellor": an office that carries a pronoun, in an aside.
    const office = /^,\s+(?:the\s+)?(\p{Lu}\p{Ll}+)\b/u.exec(text.slice(m.end, m.end + 24));
    if (office && TITLE_PRONOUN[office[1]]) vote(m.person, TITLE_PRONOUN[office[1]], WEIGHT.title);
    const kin = KIN_BEFORE.exec(text.slice(Math.max(0, m.start - 24), m.start)) ?? KIN_AFTER.exec(text.slice(m.end, m.end + 40));
    if (kin) vote(m.person, KIN_PRONOUN[kin[1].toLowerCase()], WEIGHT.title);
    // The first pronoun after the name in its sentence, with no one else named and no dialogue in between.
    const nextName = mentions[k + 1]?.start ?? text.length;
    NEXT_PRONOUN.lastIndex = m.end;
    const next = NEXT_PRONOUN.exec(text);
    if (!next || next.index >= nextName) continue;
    // "Phasma's rooms", "told Phasma he would": a possessive or an object named just before a pronoun
    // leaves the pronoun to someone else.
    const possessive = /^['’]s\b/.test(text.slice(m.end, m.end + 3));
    if (next[1] && !possessive && /\S/.test(text.slice(m.end, next.index))) {
      const word = next[1].toLowerCase();
      const before = text.slice(Math.max(m.end, next.index - 14), next.index);
      if (word.endsWith("self")) vote(m.person, GENDER[word], WEIGHT.reflexive);
      else if (word === "his" || word === "her") {
        // Not "Ordo, her guardian" (an aside about someone else's), nor "met her at the gate" (an object).
        const verbBetween = /\p{L}/u.test(text.slice(m.end, next.index).replace(/^['’]s/, ""));
        const object = word === "her" && OBJECT_AFTER.test(text.slice(next.index + 3, next.index + 12));
        // "Ravi was his dominant": after a copula the possessive is someone else's.
        const copula = /\b(?:is|was|are|were|be|been|became|becomes|remained)\s+$/i.test(before);
        if (verbBetween && !object && !copula && !PREPOSITION.test(before) && !SUBORDINATE.test(before)) vote(m.person, GENDER[word], WEIGHT.possessive);
      } else if (JOINED.test(before)) vote(m.person, GENDER[word], WEIGHT.joined);
      else if (!SUBORDINATE.test(before)) vote(m.person, GENDER[word], WEIGHT.subject);
      continue;
    }
    // The sentence ends with no pronoun: a name that opened it is the subject "He" carries on.
    if (next[1] || !/[.!?]/.test(next[0]) || !opensSentence(text, m.start)) continue;
    const opens = OPENS.exec(text.slice(next.index + 1, next.index + 16));
    if (opens && nextName > next.index + 1 + opens[0].length) vote(m.person, GENDER[opens[1].toLowerCase()], WEIGHT.opener);
  }
  return votes.map((v) => {
    const total = v.he + v.she;
    // Several cues that mostly agree, or one or two that all do.
    if (total < 1.5 || (total < 3 && v.he > 0 && v.she > 0)) return undefined;
    return v.he / total >= 0.7 ? "he" : v.she / total >= 0.7 ? "she" : undefined;
  });
}
