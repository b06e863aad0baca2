/**
 * Facts in prose: who is called what designation, who is in heat, who bit whom, who was freed,
 * how old someone is. Each fact keeps the span of the words it came from. Extraction is patterns
 * over the text (no model, no network): predictable, fast and explainable, at the price of
 * missing what is said in unusual ways.
 */
import { escape, NameIndex, type Mention } from "./names.js";
import { NUMBER_SOURCE, parseNumber } from "./numbers.js";
import type { Span } from "./source-text.js";
import { NO_ONE, resolvePronouns, type Referents } from "./coreference.js";
import { insideDialogue } from "./dialogue.js";
import { opensSentence, paragraphStarts, sentenceStarts } from "./sentences.js";

export type Pronoun = "she" | "he" | "they" | "it";

export interface Vocabulary {
  people: readonly { name: string; aliases?: readonly string[]; pronouns?: Pronoun }[];
  /** Values of the designation axis (alpha, beta, omega). */
  designations: readonly string[];
  /** Values of the alignment axis, if the world has one. */
  alignments: readonly string[];
  /** Cycle names (heat, rut) and the names of their preludes and phases (pre-heat), each with its cycle. */
  cycleWords: ReadonlyMap<string, { cycle: string; phase?: string; prelude?: boolean }>;
  tells: readonly string[];
  /** Roles a person can be appointed to (royal-guard is also "royal guard"). */
  roles: readonly string[];
  /** Places by id and name (lower case). */
  places: ReadonlyMap<string, number>;
}

interface Base {
  span: Span;
  quote: string;
}

export type Fact = Base &
  (
    | { kind: "designation"; person: number; value: string; axis: "designation" | "alignment" }
    | { kind: "age"; person: number; years: number }
    | { kind: "birthday"; person: number; years: number }
    | { kind: "cycle"; person: number; cycle: string; phase?: string; state: "active" | "began" | "ended" | "none"; by?: number; /** "again", "once more": a new episode. */ again?: boolean }
    | { kind: "bite"; biter: number; bitten: number }
    | { kind: "bonded"; person: number; mate?: number }
    | { kind: "bond-broken"; person: number; mate?: number }
    | { kind: "voice"; speaker: number; target: number; outcome?: "obeyed" | "resisted" }
    | { kind: "visit"; a: number; b: number; chaperones: number[] }
    | { kind: "freed"; person: number; by?: number; byLaw: boolean }
    | { kind: "sold"; person: number; to?: number }
    | { kind: "enslaved"; person: number }
    | { kind: "appointed"; person: number; role: string }
    | { kind: "suppressants"; person: number; state: "taking" | "missed" | "stopped" }
    | { kind: "scent"; perceiver: number; target: number; tell?: string; place?: number; sealed: boolean }
    | { kind: "courtship"; a: number; b: number; what: "courtship" | "match" | "heat-partner" }
    | { kind: "relation"; a: number; b: number; relation: RelationKind }
  );

export type FactKind = Fact["kind"];
/** Relations between two people that prose names with a word: a is b's parent, guardian, owner, dominant. */
export type RelationKind = "parent" | "sibling" | "partner" | "guardian" | "owner" | "dominant-of";

/** "his mother, Leia": the noun, the relation, and whether the named person is the first side (a). */
const KIN: Record<string, [RelationKind, boolean]> = {
  mother: ["parent", true], father: ["parent", true], mom: ["parent", true], mum: ["parent", true], dad: ["parent", true], parent: ["parent", true],
  son: ["parent", false], daughter: ["parent", false], child: ["parent", false],
  brother: ["sibling", true], sister: ["sibling", true], sibling: ["sibling", true], twin: ["sibling", true],
  partner: ["partner", true], boyfriend: ["partner", true], girlfriend: ["partner", true], husband: ["partner", true], wife: ["partner", true], lover: ["partner", true], spouse: ["partner", true],
  guardian: ["guardian", true], ward: ["guardian", false],
  owner: ["owner", true], master: ["owner", true], mistress: ["owner", true], slave: ["owner", false],
  dominant: ["dominant-of", true], dom: ["dominant-of", true], domme: ["dominant-of", true], submissive: ["dominant-of", false], sub: ["dominant-of", false],
};
/** An age told in the past tense: "was thirteen", "had turned ten". */
const PAST_AGE = /\b(?:was|turned|had turned|was now)\s/;

/** Whether a text is told in the present tense ("she says", "he looks") more than in the past. */
function presentTense(text: string): boolean {
  const present = text.match(/\b(?:says|asks|looks|nods|turns|smiles|thinks|knows)\b/g)?.length ?? 0;
  const past = text.match(/\b(?:said|asked|looked|nodded|turned|smiled|thought|knew)\b/g)?.length ?? 0;
  return present > 2 * past;
}

/** A fact before it is given its place in the text. */
type FactBody = Fact extends unknown ? (Fact extends infer F ? (F extends Fact ? Omit<F, "span" | "quote"> : never) : never) : never;

/** Either case for the first letter: "omega" and "Omega". */
const word = (w: string) => `[${w[0].toLowerCase()}${w[0].toUpperCase()}]${escape(w.slice(1))}`;
/** Any of the words, a dash in one also matching a space ("royal-guard" is "royal guard"). */
const words = (ws: readonly string[]) => (ws.length ? ws.map((w) => word(w).replace(/-/g, "[- ]")).join("|") : "(?!)");

const PRONOUN_SUBJECT = "[Hh]e|[Ss]he|[Tt]hey|I|[Yy]ou";
const PRONOUN_POSSESSIVE = "[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our";
const PRONOUN_OBJECT = "[Hh]im|[Hh]er|[Tt]hem|[Mm]e";
const GENDER: Record<string, Pronoun | "pov"> = { he: "he", him: "he", his: "he", she: "she", her: "she", they: "they", them: "they", their: "they", i: "pov", me: "pov", my: "pov" };
/** Words before a designation that stop it being a claim ("like an alpha", "not an omega"). */
const HEDGES = new Set(["like", "unlike", "than", "as", "for", "not", "no", "never", "nor", "any", "every", "other", "another", "fellow", "ex", "non", "former", "supposed", "unbonded", "lone"]);
const ART = "(?:an?|the|[Aa]n?|[Tt]he)";
const BE = "(?:is|was|are|were|am|has been|had been|have been|has always been|had always been|was always|is always|['’]s|['’]m)";
const APOS = "['’]";
/** An aside between a name and its verb: "Alex, an omega, joins the guard". */
const APPOS = "(?:,\\s+[^,.;:!?\\n]{1,60},)?";

/** Patterns for one project's vocabulary, compiled once and used on every chapter. */
export class FactExtractor {
  readonly names: NameIndex;
  private readonly patterns: { kind: string; re: RegExp; needs?: RegExp; opensWith: Opening }[] = [];
  private readonly pronouns: (Pronoun | undefined)[];

  constructor(private readonly vocab: Vocabulary) {
    this.names = new NameIndex(vocab.people);
    this.pronouns = vocab.people.map((p) => p.pronouns);
    const N = this.names.source;
    const NAME = (g: string) => `(?<${g}>${N})`;
    const SUBJ = (g: string) => `(?<${g}>${N}|${PRONOUN_SUBJECT})`;
    const OBJ = (g: string) => `(?<${g}>${N}|${PRONOUN_OBJECT})`;
    // The whole object of a verb: "her" only when no noun follows ("courts her", not "courts her sister").
    const WHOLE_OBJ = (g: string) => `(?<${g}>${N}|[Hh]im|[Tt]hem|[Mm]e|[Hh]er(?![\\t ]+\\p{Ll}))`;
    const POSS = (g: string) => `(?<${g}>(?:${N})${APOS}s?|${PRONOUN_POSSESSIVE})`;
    const D = `(?<value>${words([...vocab.designations, ...vocab.alignments])})(?![\\p{L}-])`;
    const VALUE_WORD = `(?:${words([...vocab.designations, ...vocab.alignments])})(?![\\p{L}-])`;
    const C = `(?<cycle>${words([...vocab.cycleWords.keys()].sort((a, b) => b.length - a.length))})(?![\\p{L}-])`;
    const TELL = `(?<tell>${words([...vocab.tells, ...vocab.cycleWords.keys()].sort((a, b) => b.length - a.length))})`;
    const ROLE = `(?<role>${words(vocab.roles)})`;
    const NUM = `(?<num>${NUMBER_SOURCE})`;
    // Up to three describing words before the designation: "a narrow, precise beta".
    const ADJ = "(?<adj>(?:(?!(?:an?|the|had|has|was|is)\\b)[a-z]+,?[ -]){1,3})?";
    // A pattern runs only on texts that have its key words at all: most chapters have few of them.
    // No words: a pattern anchored at the start that never matches, so no text is scanned for it.
    const keys = (ws: readonly string[]) => new RegExp(ws.length ? ws.map((w) => escape(w).replace(/-/g, "[- ]")).join("|") : "^(?!)", "i");
    const cycleKeys = keys([...vocab.cycleWords.keys()]);
    const NEEDS: Record<string, RegExp> = {
      designation: keys([...vocab.designations, ...vocab.alignments]),
      age: /\d|teen|ty\b|ty-|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve/i,
      birthday: /birthday/i,
      cycle: cycleKeys,
      "heat-partner": cycleKeys,
      bite: /\b(?:bit|bite|bites|bitten|claim|claimed|claims|mark|marked|marks|bonds?|bonded|teeth)\b/i,
      bonded: /bond|mate|mark|scar/i,
      "bond-broken": /bond/i,
      voice: /voice/i,
      // An outcome is told in its own sentence, after the command.
      "voice-obeyed": /obey|compl|submit|yield|resist|compel|told|at once|immediately|without|instantly/i,
      "voice-resisted": /resist|refus|ignor|shrug|unaffected|obey|broke|break/i,
      visit: /visit/i,
      courtship: /court|woo|engaged|propos|marr/i,
      match: /matched/i,
      freed: /free|emancip|manumit|releas|liberty/i,
      sold: /\b(?:sold|sells?|buys|bought|purchas)/i,
      enslaved: /slave/i,
      appointed: keys(vocab.roles),
      suppressants: /suppressant/i,
      owned: /bound|indentur|enslaved|owned|property|sold/i,
      partner: /marri|\bwed\b|dating|going out|going steady|relationship|living with|together|couple|partners|up with/i,
      relation: new RegExp(`\\b(?:${Object.keys(KIN).join("|")})\\b`, "i"),
      scent: /smel|scent|whiff|catch|caught|detect|sens|notic|pick|reach|carr|drift/i,
    };
    const add = (kind: string, source: string) => {
      // A pattern that opens with a name (or a pronoun) is tried only where one is (sticky), not at every character.
      const open = /^\(\?<[A-Za-z]/.test(source) ? source.slice(source.indexOf(">") + 1) : "";
      const opensWith: Opening = open.startsWith(N) ? (open.startsWith(`${N}|`) ? "name-or-pronoun" : "name") : open.startsWith(`(?:${N})`) ? "name-or-pronoun" : "anything";
      this.patterns.push({ kind, re: new RegExp(source, opensWith === "anything" ? "gdu" : "dyu"), needs: NEEDS[kind] ?? NEEDS[kind.split("-")[0]], opensWith });
    };

    // Designations. "Rey, an omega", "the omega Rey", "Hux is an alpha", "she presented as omega".
    add("designation", `${NAME("who")},\\s+${ART}\\s+${ADJ}${D}(?!${APOS}s)`);
    // "the omega Rey" (not "an alpha, Tamsel Vey a submissive", where a name starts a new clause): found from the designation word (faster than from every article); hedges are looked for just before it.
    add("designation-before", `(?<![\\p{L}-])${D},?\\s+${NAME("who")}(?!(?:\\s+\\p{Lu}[\\p{L}'’-]*)*\\s+an?\\s+(?:[a-z]+[ -])?${VALUE_WORD})`);
    // "As a beta, he couldn't smell it".
    add("designation", `(?<![\\p{L}])[Aa]s\\s+(?:an?\\s+)?${ADJ}${D},\\s+${SUBJ("who")}`);
    // "a beta named Ordo Fenwick", "an omega called Tesk".
    add("designation", `(?<![\\p{L}-])(?:an?|[Aa]n?)\\s+${ADJ}${D}\\s+(?:named|called|by the name of)\\s+${NAME("who")}`);
    // "Leia had been an alpha, Han a submissive": the second of a pair, its verb left out.
    add("designation", `(?<=(?<![\\p{L}-])(?:${words([...vocab.designations, ...vocab.alignments])})),\\s+${NAME("who")}\\s+an?\\s+${D}`);
    add("designation", `${SUBJ("who")}${APPOS},?(?:(?<=(?:[Hh]e|[Ss]he|I))['’][sm]|\\s+(?:${BE}|(?:has |had )?(?:never )?(?:presents?|presented|registers|registered|tests|tested|is revealed|was revealed|turns out|turned out)(?: to be)?(?: as)?|becomes|became))\\s+(?:(?:also|still|clearly|plainly|openly|now|already)\\s*)?(?:,\\s+[^,.;:!?\\n]{1,40},\\s+)?(?:anything (?:but|other than|except)\\s+|nothing (?:but|other than|except)\\s+)?(?:${ART}\\s+)?(?:(?:sort|kind|type) of\\s+)?(?:(?:most|least|very|only|first|last|youngest|oldest|eldest)\\s+)?${ADJ}${D}(?!${APOS}s)`);
    // "Dagny is a dom, has been since art school, and an omega": a second value later in the sentence.
    add("designation", `${SUBJ("who")}\\s+(?:is|was|['’]s)\\s+(?:an?\\s+)?(?:${VALUE_WORD})[^.;:!?\\n]{0,60}?,?\\s+and\\s+(?:also\\s+)?an?\\s+${D}`);
    // "he has the calm, heavy scent of an old alpha", "she smells like an omega": the scent of what they are.
    add("designation", `${SUBJ("who")}${APPOS}\\s+(?:has|had|carries|carried|gives off|gave off)\\s+(?:the|a|an)\\s+(?:[\\p{Ll}-]+,?\\s+){0,3}?scent\\s+of\\s+(?:an?|the)\\s+(?:[\\p{Ll}-]+\\s+)?${D}(?![\\p{L}'’-])`);
    add("designation", `${SUBJ("who")}${APPOS}\\s+(?:smells|smelled|smelt)\\s+like\\s+(?:an?|the)\\s+(?:[\\p{Ll}-]+\\s+)?${D}(?![\\p{L}'’-])`);
    // "She was fifty-five, an alpha of the old school": a short description, then the designation.
    add("designation", `${SUBJ("who")}\\s+(?:is|was)\\s+[a-z][a-z -]{0,29},\\s+an?\\s+${ADJ}${D}(?!\\s+(?:had|has|was|is|who|would|could|[a-z]+ed)\\b)`);
    add("designation", `${POSS("who")}\\s+${D}\\s+(?:scent|nature|instincts?|designation|status|biology|glands?|traits?|presentation)`);
    add("designation", `${NAME("who")}\\s+(?:the\\s+|\\()${D}(?!${APOS}s)`);
    add("designation", `${NAME("who")},\\s+who\\s+(?:is|was)\\s+(?:${ART}\\s+)?${ADJ}${D}`);
    add("designation", `${NAME("who")},\\s+(?:ever|always|still)\\s+the\\s+${D}`);
    add("designation", `${NAME("who")},\\s+who\\s+(?:had |has )?(?:presented|presents|registered|tested)\\s+(?:as\\s+)?(?:${ART}\\s+)?${D}`);
    // "There were three alphas at Greyfield, counting me. One went south, and the other is Wendell Vance."
    const PLURAL_D = `(?<value>${words(vocab.designations)})s(?![\\p{L}-])`;
    // The plural first, its count looked for behind it: a scan for the rarer word is several times faster.
    add("designation", `${PLURAL_D}(?<=(?<![\\p{L}])(?:two|three|four|five|six|both|several)\\s+(?:[a-z]+\\s+)?(?:${words(vocab.designations)})s)[^.!?\\n]{0,80}[.!?]?[^.!?\\n]{0,120}?(?:[;,]\\s+(?:and\\s+)?|\\s+and\\s+)the\\s+(?:other|last|third|second)(?:\\s+one)?\\s+(?:is|was)\\s+${NAME("who")}`);

    // Ages and birthdays. "Rey, 17,", "Rey (17)", "she is seventeen", "the seventeen-year-old Rey", "her eighteenth birthday".
    add("age", `${NAME("who")},?\\s+(?:aged?\\s+)?${NUM}(?:\\s+years?\\s+old)?(?=[,)]|\\s+years?\\b)`);
    add("age", `${NAME("who")}${APPOS}\\s+\\(${NUM}\\)`);
    add("age", `${NAME("who")},\\s+who\\s+(?:is|was|turns|turned)\\s+(?:only\\s+|just\\s+)?${NUM}(?:\\s+years?\\s+old)?(?=[,.;)]|\\s+(?:years?|and|but)\\b)`);
    add("age", `${SUBJ("who")}${APPOS}\\s+(?:is|was|turns|turned|has turned|is now|was now|had turned)\\s+(?:only\\s+|just\\s+)?${NUM}(?:\\s+years?\\s+old|\\s+years?\\s+of\\s+age)?(?![\\p{L}\\d]|\\s*(?:feet|foot|ft|inches|cm|m|kg|lbs?|pounds|minutes|hours|days|weeks|months|percent|%|o['’]clock|pm|am|:|miles|steps|times))`);
    add("age", `${NUM}[- ]years?[- ]old\\s+${NAME("who")}`);
    add("age", `(?<![\\p{L}])[Aa]t\\s+${NUM},\\s+${NAME("who")}`);
    add("age", `${NAME("who")},\\s+${ART}\\s+${NUM}[- ]year[- ]old`);
    add("birthday", `${POSS("who")}\\s+${NUM}\\s+birthday`);

    // Cycles. "Rey is in heat", "his rut begins", "Rey's heat ends", "Kara ends Mon-El's rut", "during her heat".
    add("cycle-active", `${SUBJ("who")}${APPOS}\\s+(?:is|was|goes|went|has gone|had gone|falls|fell|slips|slipped|comes|came|is still|was still|wakes|woke|awakes|awoke|wakes up|woke up)\\s+(?:in|into)\\s+(?:(?:a|an|her|his|their|full|early|late)\\s+)?${C}`);
    add("cycle-active", `${SUBJ("who")}${APPOS}\\s+(?:enters|entered|is entering|was entering|has|had|is having|was having|starts|started|begins|began)\\s+(?:(?:a|an|her|his|their|full|early|late|first)\\s+)?${C}(?!\\s+(?:ends?|ended|is over|was over|breaks|broke))`);
    add("cycle-began", `${POSS("who")}\\s+(?:first\\s+|next\\s+|early\\s+)?${C}\\s+(?:begins|began|starts|started|hits|hit|arrives|arrived|sets in|set in|comes on|came on|has begun|had begun|has started|had started|returns|returned|comes back|came back|is back|was back)`);
    add("cycle-active", `(?:during|in the middle of|through|throughout|mid-)\\s*${POSS("who")}\\s+${C}`);
    add("cycle-ended", `${POSS("who")}\\s+${C}\\s+(?:ends|ended|breaks|broke|is over|was over|has ended|had ended|passes|passed|subsides|subsided|fades|faded|is finished|was finished|comes to an end|came to an end|has broken|had broken)`);
    add("cycle-ended-by", `${SUBJ("by")}${APPOS}\\s+(?:ends|ended|resolves|resolved|breaks|broke|settles|settled|brings an end to|brought an end to|sees .{1,20} through)\\s+${POSS("who")}\\s+${C}`);
    add("cycle-ended-with", `${POSS("who")}\\s+${C}\\s+(?:ends|ended|is resolved|was resolved|breaks|broke)\\s+(?:with|by|thanks to|because of)\\s+${NAME("by")}`);
    add("cycle-ended-by", `${SUBJ("by")}${APPOS}\\s+(?:brings|brought)\\s+${POSS("who")}\\s+${C}\\s+to\\s+an\\s+end`);
    add("cycle-ended-beside", `[Ww]ith\\s+${NAME("by")}\\s+(?:beside|with|near)\\s+(?:him|her|them)[^.;!?\\n]{0,20}?,\\s+${POSS("who")}\\s+${C}\\s+(?:ends|ended|is resolved|was resolved|breaks|broke|passes|passed|is over|was over)`);
    add("cycle-ended-by", `${POSS("who")}\\s+${C}\\s+(?:is|was|has been|had been)\\s+(?:ended|resolved|broken|settled|eased|satisfied)\\s+by\\s+${NAME("by")}`);
    add("cycle-ended-by", `${NAME("by")}${APPOS}\\s+(?:satisfies|satisfied|eases|eased)\\s+${POSS("who")}\\s+${C}`);
    add("cycle-none", `${SUBJ("who")}${APPOS}\\s+(?:is not|isn['’]t|was not|wasn['’]t|is no longer|was no longer)\\s+in\\s+${C}`);

    // Bites and bonds. "Ben bites Rey", "Rey is bitten by Ben", "Rey's bond mark", "Ben's mate, Rey", "the bond breaks".
    add("bite", `${NAME("biter")}${APPOS}\\s+(?:bites|bit|has bitten|had bitten|claims|claimed|has claimed|had claimed|marks|marked|bonds with|bonded with|sinks (?:his|her|their) teeth into)\\s+${OBJ("bitten")}`);
    add("bite-passive", `${NAME("bitten")}${APPOS}\\s+(?:is|was|has been|had been|gets|got)\\s+(?:bitten|claimed|marked)\\s+by\\s+${NAME("biter")}`);
    // "The bite he had taken from her that day": she bit him.
    add("bite-passive", `(?:claiming\\s+|bonding\\s+|mating\\s+)?bite\\s+(?:that\\s+)?${SUBJ("bitten")}\\s+(?:had\\s+|has\\s+)?(?:taken|took|received|got)\\s+from\\s+${OBJ("biter")}`);
    add("bite-gives", `${NAME("biter")}${APPOS}\\s+(?:gives|gave)\\s+${OBJ("bitten")}\\s+(?:a|the|her|his|their)\\s+(?:claiming|mating|bonding|bond)\\s+bite`);
    add("bite-mutual", `${NAME("biter")}\\s+and\\s+${NAME("bitten")}\\s+(?:bite each other|bit each other|exchange bites|exchanged bites|exchange claiming bites|exchanged claiming bites|claim each other|claimed each other)`);
    add("bite", `${SUBJ("biter")}${APPOS}\\s+(?:bites|bit|sinks (?:his|her|their) teeth into|sank (?:his|her|their) teeth into|bites down on|bit down on)\\s+${POSS("bitten")}\\s+(?:scent\\s+|mating\\s+|bonding\\s+)?(?:gland|neck|throat|nape|shoulder)`);
    // "she bit him at the gland": a pronoun for the biter will do when the place of the bite is said.
    add("bite", `(?<biter>${PRONOUN_SUBJECT})\\s+(?:bites|bit|has bitten|had bitten|marks|marked|had marked|has marked)\\s+${OBJ("bitten")}\\s+(?:at|on|in)\\s+the\\s+(?:scent\\s+|bonding\\s+|mating\\s+)?(?:gland|neck|throat|nape|shoulder)`);
    add("bonded-mark", `${POSS("who")}\\s+(?:fresh\\s+|old\\s+|healed\\s+)?(?:bond|bonding|mating|claiming|claim)[- ]?(?:mark|scar|bite mark)`);
    add("bonded-mark", `(?:bond|bonding|mating|claiming|claim)[- ]?(?:mark|scar)\\s+on\\s+${POSS("who")}\\s+(?:neck|throat|gland|skin|shoulder|nape)`);
    add("bonded-mark", `${SUBJ("who")}${APPOS}\\s+(?:rubs|rubbed|touches|touched|traces|traced|covers|covered|hides|hid|shows|showed|bears|bore|wears|wore|scratches|scratched|presses|pressed|strokes|stroked)(?:\\s+at)?\\s+(?:the|her|his|their|my)\\s+(?:fresh\\s+|old\\s+|healed\\s+|new\\s+)?(?:bond|bonding|mating|claiming|claim)[- ]?(?:mark|scar|bite)`);
    add("bonded-to", `${NAME("who")}${APPOS}\\s+(?:is|was|has been|had been|is still|was still)\\s+(?:bonded|mated)\\s+(?:to|with)\\s+${NAME("mate")}`);
    add("bonded-pair", `${NAME("who")}${APPOS}\\s+and\\s+${SUBJ("mate")}\\s+(?:are|were|are still|were still|have been|had been)\\s+(?:bonded|mated|bondmates|mates)`);
    add("bonded-mate", `${POSS("who")}\\s+(?:bonded\\s+)?(?:mate|bondmate|bond-mate),?\\s+${NAME("mate")}`);
    add("bonded-to", `${NAME("who")}\\s+(?:is|was|is still|was still|has been)\\s+(?<mate>(?:${N})${APOS}s?)\\s+(?:bonded\\s+)?(?:mate|bondmate|bond-mate)`);
    add("bonded-feel", `${SUBJ("who")}${APPOS}\\s+(?:feels|felt|senses|sensed|hears|heard)\\s+(?:${POSS("mate")}\\s+)?[\\p{L}-]+(?:\\s+[\\p{L}-]+){0,3}?\\s+(?:through|across|over|along|down)\\s+(?:the|their|our|her|his)\\s+bond`);
    add("bond-broken", `${POSS("who")}\\s+bond(?:\\s+(?:with|to)\\s+${NAME("mate")})?\\s+(?:breaks|broke|is broken|was broken|has broken|had broken|snaps|snapped|is severed|was severed|dissolves|dissolved|is annulled|was annulled)`);
    add("bond-broken", `the\\s+bond\\s+between\\s+${NAME("who")}\\s+and\\s+${NAME("mate")}\\s+(?:breaks|broke|is broken|was broken|snaps|snapped|is severed|was severed|dissolves|dissolved|is annulled|was annulled)`);

    // The voice. "Ben uses the voice on Rey", "Ben orders Rey, in the voice, to…"; then "Rey obeys" or "Rey resists".
    add("voice", `${NAME("speaker")}${APPOS}\\s+(?:uses|used|turns|turned)\\s+(?:the|his|her|their|an?|the full)\\s+(?:alpha\\s+|Alpha\\s+)?[Vv]oice\\s+(?:on|against)\\s+${OBJ("target")}`);
    add("voice", `${NAME("speaker")}${APPOS}\\s+(?:commands|commanded|orders|ordered|tells|told|compels|compelled)\\s+${OBJ("target")},?\\s+(?:in|with|using)\\s+(?:the|his|her|their|an?)\\s+(?:alpha\\s+|Alpha\\s+)?[Vv]oice`);
    add("voice", `${NAME("speaker")}${APPOS}\\s+(?:commands|commanded|orders|ordered|tells|told|compels|compelled)\\s+${OBJ("target")}\\s+to\\s+[^.;!?\\n]{1,40}?\\s+(?:in|with|using)\\s+(?:the|his|her|their|an?)\\s+(?:alpha\\s+|Alpha\\s+)?[Vv]oice`);
    add("voice-obeyed", `${SUBJ("target")}${APPOS}\\s+(?:obeys|obeyed|complies|complied|submits|submitted|yields|yielded|cannot resist|can['’]t resist|could not resist|couldn['’]t resist|is compelled|was compelled|does as (?:he|she|they|I) (?:is|was|are|were|am) told|did as (?:he|she|they|I) (?:was|were) told|[a-z]+ (?:at once|immediately|without a word|without hesitation|instantly))`);
    add("voice-resisted", `${SUBJ("target")}${APPOS}\\s+(?:resists|resisted|refuses|refused|ignores|ignored|shrugs off|shrugged off|is unaffected|was unaffected|does not obey|did not obey|doesn['’]t obey|didn['’]t obey|breaks free|broke free)`);

    // Courtship and Visits. "Ben's second Visit with Rey, chaperoned by Maz", "Ben courts Rey", "spends her heat with Ben".
    add("visit", `${NAME("a")}${APPOS}\\s+(?:[Vv]isits|pays\\s+(?:a|another|his|her|their)\\s+[Vv]isit)\\s+(?:with\\s+|to\\s+)?${NAME("b")}`);
    add("visit", `${POSS("a")}\\s+(?:(?:${NUMBER_SOURCE}|next|last|final|chaperoned)\\s+)*[Vv]isit\\s+(?:with|to)\\s+${NAME("b")}`);
    // "Ben courts Rey", "Lazlo courts me" ("her" only as the whole object, not "courts her sister").
    add("courtship", `${SUBJ("a")}${APPOS}\\s+(?:courts|courted|has courted|had courted|have courted|is courting|was courting|has been courting|had been courting|begins courting|began courting|starts courting|started courting|woos|wooed|is wooing|was wooing|is engaged to|was engaged to|proposes to|proposed to|marries|married)\\s+${WHOLE_OBJ("b")}`);
    add("courtship", `${NAME("a")}${APPOS}\\s+and\\s+${NAME("b")}\\s+(?:are|were|begin|began|start|started)\\s+(?:courting|engaged|a courting pair)`);
    // "Why are you courting me?"
    add("courtship", `(?:[Ii]s|[Aa]re|[Ww]as|[Ww]ere|[Aa]m)\\s+${SUBJ("a")}\\s+(?:still\\s+)?(?:courting|wooing)\\s+${WHOLE_OBJ("b")}`);
    add("courtship", `${SUBJ("a")}${APPOS}\\s+(?:asks|asked|has asked|had asked|wants|wanted|hopes|hoped|means|meant|plans|planned|offers|offered)\\s+(?:to|whether\\s+(?:he|she|they|I)\\s+(?:might|could|may)|if\\s+(?:he|she|they|I)\\s+(?:might|could|may))\\s+court\\s+${OBJ("b")}`);
    add("courtship", `(?:whether|if)\\s+${SUBJ("a")}\\s+(?:might|could|may)\\s+court\\s+${OBJ("b")}`);
    add("match", `${NAME("a")}${APPOS}\\s+(?:is|was|are|were)\\s+matched\\s+(?:to|with)\\s+${NAME("b")}`);
    add("match", `${NAME("a")}${APPOS}\\s+and\\s+${NAME("b")}\\s+(?:are|were)\\s+matched`);
    // Kin and other relations named by a noun: "his mother, Leia", "Leia, his mother", "Kylo's dominant Phasma".
    const KIN_NOUN = `(?<noun>${Object.keys(KIN).join("|")})`;
    const KIN_ADJ = "(?:(?:beta|alpha|omega|Beta|Alpha|Omega|court-appointed|legal|new|old|late|older|younger|little|big|twin)\\s+)?";
    add("relation", `${POSS("of")}\\s+${KIN_ADJ}${KIN_NOUN},?\\s+${NAME("who")}`);
    // "Leia, his mother", "Fen — her sub", "Fen (her sub)".
    add("relation", `${NAME("who")}(?:,|\\s*[—–]|\\s+\\()\\s*${POSS("of")}\\s+${KIN_ADJ}${KIN_NOUN}(?![\\p{L}])`);
    // "he knelt to the Queen as his dominant", "presented to Lord Vey as his ward".
    add("relation", `(?:to|before)\\s+(?:the\\s+)?${NAME("who")}\\s+as\\s+${POSS("of")}\\s+${KIN_ADJ}${KIN_NOUN}(?![\\p{L}])`);
    // "Lark, daughter of Idony", "Ottoline is the ward of Ferrant Vey".
    const KIN_OF = `(?:the\\s+)?(?:(?:eldest|youngest|only|elder|younger|second|third)\\s+)?${KIN_NOUN}\\s+of\\s+(?:the\\s+late\\s+)?${NAME("of")}`;
    add("relation", `${NAME("who")},\\s+${KIN_OF}`);
    add("relation", `${SUBJ("who")}${APPOS}\\s+(?:is|was|had been|has been|remains|remained)\\s+${KIN_OF}`);
    // "Ravi was his dominant", "Fen has been Gran Ottilie's ward".
    add("relation", `${SUBJ("who")}${APPOS}(?:['’]re|\\s+(?:is|was|are|were|had been|has been|may be|might be|became|becomes|remains|remained))\\s+${POSS("of")}\\s+${KIN_ADJ}${KIN_NOUN}(?![\\p{L}])`);
    // The same after another predicate of the subject: "Fen is fourteen, all elbows, and has been Gran Ottilie's ward".
    add("relation", `${NAME("who")}\\s+(?:is|was)\\s+[^.;:!?\\n]{1,60}?,?\\s+and\\s+(?:is|was|had been|has been|became|remains|remained)\\s+${POSS("of")}\\s+${KIN_ADJ}${KIN_NOUN}(?![\\p{L}])`);
    // "Pip was bound to the Mistress", "Ordo was the property of Lord Vey": the other is the owner.
    add("owned", `${SUBJ("who")}${APPOS}\\s+(?:is|was|are|were|had been|has been|have been)\\s+(?:bound|indentured|sold)\\s+to\\s+(?:the\\s+)?${NAME("of")}`);
    add("owned", `${SUBJ("who")}${APPOS}\\s+(?:is|was|are|were|had been|has been|have been)\\s+(?:owned by|the property of)\\s+(?:the\\s+)?${NAME("of")}`);
    // "I am under Concordat indenture to Captain Vey", "she was indentured to Vey".
    add("owned", `${SUBJ("who")}${APPOS}(?:['’]m|\\s+(?:am|is|was|are|were|had been|has been|have been))\\s+(?:still\\s+)?(?:under\\s+(?:an?\\s+)?(?:\\p{Lu}[\\p{L}-]*\\s+)?indenture|indentured|enslaved)\\s+to\\s+(?:the\\s+)?${NAME("of")}`);
    // "Sato had been married for four years to the gunnery chief, Dov Brenner"; "she had been going out with Imke".
    add("partner", `${SUBJ("who")}${APPOS}\\s+(?:is|was|are|were|has been|had been|have been|got|gets)\\s+(?:happily\\s+|newly\\s+|recently\\s+)?(?:married|wed)\\s+(?:for\\s+[^,.;!?\\n]{1,30}?\\s+)?to\\s+(?:(?:the|a|an|his|her|their)\\s+[^,.;!?\\n]{1,40}?,\\s+)?${NAME("of")}`);
    add("partner", `${SUBJ("who")}${APPOS}\\s+(?:is|was|are|were|has been|had been|have been|started|starts|began|begins)\\s+(?:dating|going out with|going steady with|in a relationship with|living with)\\s+${NAME("of")}`);
    add("partner", `${SUBJ("who")}${APPOS}\\s+(?:takes|took|has taken|had taken|is taking|was taking)\\s+up\\s+with\\s+${NAME("of")}`);
    add("partner", `${NAME("who")}\\s+and\\s+${SUBJ("of")}\\s+(?:are|were|have been|had been)\\s+(?:dating|married|together|a couple|partners|going out)\\b`);
    // "I've had three Visits with Lady Ysolde".
    add("visit", `${SUBJ("a")}(?:['’]ve|['’]d|\\s+(?:has|have|had))\\s+had\\s+(?:[\\p{L}-]+\\s+){0,2}?[Vv]isits?\\s+with\\s+${NAME("b")}`);
    add("heat-partner", `${SUBJ("a")}${APPOS}\\s+(?:spends|spent|shares|shared|passes|passed)\\s+${POSS("owner")}\\s+${C}\\s+with\\s+${OBJ("b")}`);
    add("heat-partner", `${NAME("b")}${APPOS}\\s+(?:helps|helped|sees|saw|carries|carried|takes|took)\\s+${OBJ("a")}\\s+through\\s+${POSS("owner")}\\s+${C}`);
    add("heat-partner", `${NAME("b")}${APPOS}\\s+(?:has\\s+|had\\s+)?(?:helps|helped|sees|saw|seen|carries|carried)\\s+${OBJ("a")}\\s+through\\s+(?:it|the worst of it)`);

    // Legal acts. "Kara is freed", "Kara is emancipated by the reform", "Ben frees Kara", "Kara is sold to X", "Kara joins the royal guard".
    add("freed", `${NAME("who")}${APPOS}\\s+(?:is|was|has been|had been|are|were|is now|was now)\\s+(?:freed|emancipated|manumitted|set free|declared free|declared emancipated|released from (?:slavery|bondage|ownership)|granted (?:her |his |their )?freedom)(?:\\s+(?:by|under)\\s+(?:${NAME("by")}|(?<law>(?:[\\p{L}'’-]+\\s+){0,4}?(?:law|reform|decree|edict|order|proclamation|act|abolition|ban|ruling))))?`);
    add("freed-by", `${NAME("by")}${APPOS}\\s+(?:frees|freed|emancipates|emancipated|manumits|manumitted|sets free|set free)\\s+${NAME("who")}`);
    add("freed-law", `(?:the\\s+)?(?:law|reform|decree|edict|order|proclamation|act|abolition|ban|ruling)\\s+(?:frees|freed|emancipates|emancipated)\\s+${NAME("who")}`);
    add("freed", `${NAME("who")}${APPOS}\\s+(?:becomes|became|is made|was made)\\s+free(?:\\s+by\\s+(?<law>(?:[\\p{L}'’-]+\\s+){0,4}?(?:law|reform|decree|edict|order|proclamation|act|abolition|ban|ruling)))?`);
    add("freed", `${NAME("who")}${APPOS}\\s+(?:gains|gained|wins|won|receives|received|is granted|was granted|is given|was given)\\s+(?:her|his|their)\\s+freedom(?:\\s+(?:by|under|through)\\s+(?<law>(?:[\\p{L}'’-]+\\s+){0,4}?(?:law|reform|decree|edict|order|proclamation|act|abolition|ban|ruling)))?`);
    add("sold", `${NAME("who")}${APPOS}\\s+(?:is|was|has been|had been)\\s+sold(?:\\s+to\\s+${NAME("to")})?`);
    add("sold-by", `${NAME("by")}${APPOS}\\s+(?:sells|sold)\\s+${NAME("who")}(?:\\s+to\\s+${NAME("to")})?`);
    add("sold-buys", `${NAME("to")}${APPOS}\\s+(?:buys|bought|purchases|purchased)\\s+${NAME("who")}`);
    add("enslaved", `${NAME("who")}${APPOS}\\s+(?:is|was|remains|remained|is still|was still)\\s+(?:enslaved|a slave|owned by)`);
    add("enslaved", `${NAME("who")},\\s+(?:an?\\s+)?(?:enslaved|slave)\\b`);
    add("appointed", `${NAME("who")}${APPOS}\\s+(?:is|was|has been|had been|gets|got)\\s+(?:appointed|named|made|sworn into|sworn in|admitted|promoted|assigned|posted)\\s+(?:to|as|into|in)?\\s*(?:the\\s+|a\\s+|an\\s+)?(?:member of the\\s+)?${ROLE}`);
    add("appointed", `${NAME("who")}${APPOS}\\s+(?:becomes|became|is made|was made)\\s+(?:a\\s+)?member\\s+of\\s+(?:the\\s+)?${ROLE}`);
    add("appointed-by", `${NAME("by")}${APPOS}\\s+(?:appoints|appointed|names|named|admits|admitted|assigns|assigned|posts|posted|swears|swore)\\s+${NAME("who")}\\s+(?:in\\s+)?(?:to|as|into|in)\\s+(?:the\\s+|a\\s+)?${ROLE}`);
    add("appointed", `${NAME("who")}${APPOS}\\s+(?:joins|joined|enters|entered|enlists in|enlisted in|serves in|served in|is posted to|was posted to|takes a post in|took a post in)\\s+(?:the\\s+)?${ROLE}`);

    // Suppressants.
    add("suppressants-taking", `${SUBJ("who")}${APPOS}\\s+(?:takes|took|has taken|had taken|is taking|was taking|is on|was on|swallows|swallowed|keeps taking|kept taking|starts taking|started taking|starts|started)\\s+(?:${POSS("owner")}\\s+|the\\s+|a\\s+|an\\s+)?(?:daily\\s+|usual\\s+|weekly\\s+|first\\s+|next\\s+|prescribed\\s+)?(?:dose of\\s+)?suppressants?`);
    add("suppressants-missed", `${SUBJ("who")}${APPOS}\\s+(?:misses|missed|skips|skipped|forgets|forgot|runs out of|ran out of|has run out of)\\s+(?:${POSS("owner")}\\s+|a\\s+|the\\s+)?(?:dose of\\s+|doses of\\s+)?(?:suppressants?|suppressant dose|dose)`);
    add("suppressants-stopped", `${SUBJ("who")}${APPOS}\\s+(?:stops|stopped|quits|quit|comes off|came off|is off|was off|goes off|went off|is no longer on|was no longer on)\\s+(?:taking\\s+)?(?:${POSS("owner")}\\s+)?suppressants`);

    // Scent. "Rey smells Ben's distress", "Ben catches the scent of Rey", "Rey smells alarm on Ben", "…from the cellar".
    add("scent", `${SUBJ("perceiver")}${APPOS}\\s+(?:(?:can|could|is able to|was able to)\\s+(?:still\\s+)?(?:smell|scent|catch|detect|sense)|smells|smelled|smelt|scents|scented|catches|caught|notices|noticed|picks up|picked up|detects|detected|senses|sensed)\\s+(?:(?:the|a)\\s+(?:[a-z]+\\s+){0,2}(?:scent|smell|trace|whiff|note|edge|hint|tang|thread)\\s+of\\s+)?${POSS("target")}\\s+(?:${TELL}\\s*)?(?:scent|smell)?`);
    add("scent", `${SUBJ("perceiver")}${APPOS}\\s+(?:smells|smelled|smelt|scents|scented|catches|caught|notices|noticed|picks up|picked up|detects|detected|senses|sensed)\\s+(?:the\\s+)?(?:[a-z]+\\s+)?(?:scent|smell|trace|whiff|note)\\s+of\\s+${NAME("target")}`);
    add("scent", `${SUBJ("perceiver")}${APPOS}\\s+(?:smells|smelled|smelt|scents|scented|catches|caught|detects|detected)\\s+${TELL}\\s+(?:on|from|in)\\s+${NAME("target")}`);
    add("scent-reaches", `${POSS("target")}\\s+(?:${TELL}(?:\\s+(?:scent|smell))?|scent|smell)\\s+(?:reaches|reached|carries to|carried to|drifts to|drifted to)\\s+${OBJ("perceiver")}`);
  }

  /** The last text's names, paragraphs, pronouns and pronoun referents: `extract` and `references` on one text share them. */
  private analysis?: { text: string; pov: number | undefined; mentions: Mention[]; paragraphs: number[]; pronouns: (Pronoun | undefined)[]; referents: Referents };

  /** The names in a text, from the last analysis when it was of this text. */
  mentions(text: string): Mention[] {
    return this.analysis?.text === text ? this.analysis.mentions : this.names.mentions(text);
  }

  private analyse(text: string, pov: number | undefined) {
    if (this.analysis?.text === text && this.analysis.pov === pov) return this.analysis;
    const mentions = this.names.mentions(text);
    const paragraphs = paragraphStarts(text);
    const pronouns = this.pronounsIn(text, mentions);
    const referents = resolvePronouns(text, mentions, pronouns, paragraphs, pov);
    this.analysis = { text, pov, mentions, paragraphs, pronouns, referents };
    return this.analysis;
  }

  /**
   * Everyone the text refers to, and where: each name, and each pronoun (he, her, himself…)
   * resolved to a person the way the fact patterns resolve them. Sorted by position.
   */
  references(text: string, options: { pov?: number } = {}): Mention[] {
    const { mentions, paragraphs, pronouns, referents } = this.analyse(text, options.pov);
    const out: Mention[] = [...mentions];
    for (const m of text.matchAll(REFERRING_PRONOUNS)) {
      const known = referents.get(m.index!);
      if (known === NO_ONE) continue;
      const person = known ?? this.resolve(m[0].replace(/self$/i, "").replace(/^him$/i, "he").replace(/^hers$/i, "her"), m.index!, mentions, paragraphs, options.pov, pronouns, text);
      if (person !== undefined) out.push({ person, start: m.index!, end: m.index! + m[0].length });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** The facts in a text; `pov` is who "I" is. */
  extract(text: string, options: { pov?: number } = {}): Fact[] {
    const { mentions, paragraphs, pronouns, referents } = this.analyse(text, options.pov);
    const resolve = (raw: string | undefined, at: number): number | undefined => {
      if (raw === undefined) return undefined;
      const known = referents.get(at);
      if (known !== undefined) return known === NO_ONE ? undefined : known;
      return this.resolve(raw, at, mentions, paragraphs, options.pov, pronouns, text);
    };
    const out: Fact[] = [];
    const present = new Map<RegExp, boolean>();
    const starts: Record<Opening, number[]> = { name: mentions.map((m) => m.start), "name-or-pronoun": [], anything: [] };
    starts["name-or-pronoun"] = mergeSorted(starts.name, pronounStarts(text));
    // A name or pronoun is worth trying a pattern at only if its sentence has the pattern's key words.
    const sentences = sentenceStarts(text);
    const sentenceOf: Record<Opening, Int32Array> = {
      name: sentenceIndexes(starts.name, sentences),
      "name-or-pronoun": sentenceIndexes(starts["name-or-pronoun"], sentences),
      anything: new Int32Array(0),
    };
    const keyed = new Map<RegExp, Uint8Array>();
    const sentencesWith = (needs: RegExp): Uint8Array => {
      let marks = keyed.get(needs);
      if (!marks) {
        marks = new Uint8Array(sentences.length);
        const all = new RegExp(needs.source, needs.flags.includes("g") ? needs.flags : needs.flags + "g");
        for (let m = all.exec(text); m; m = all.exec(text)) {
          marks[upperBound(sentences, m.index) - 1] = 1;
          if (m[0].length === 0) all.lastIndex++;
        }
        keyed.set(needs, marks);
      }
      return marks;
    };
    // The openings in sentences with a pattern's key words, worked out once for all patterns that share them.
    const candidates = new Map<string, Int32Array>();
    const openingsFor = (opensWith: Opening, needs: RegExp | undefined): Int32Array | number[] => {
      if (!needs) return starts[opensWith];
      const key = `${opensWith} ${needs.source}`;
      let found = candidates.get(key);
      if (!found) {
        const marks = sentencesWith(needs);
        const all = starts[opensWith];
        const inSentence = sentenceOf[opensWith];
        const kept: number[] = [];
        for (let k = 0; k < all.length; k++) if (marks[inSentence[k]]) kept.push(all[k]);
        candidates.set(key, (found = Int32Array.from(kept)));
      }
      return found;
    };
    for (const { kind, re, needs, opensWith } of this.patterns) {
      if (needs) {
        if (!present.has(needs)) present.set(needs, needs.test(text));
        if (!present.get(needs)) continue;
      }
      // Either where each name (or pronoun) is, sticky, or a scan of the whole text.
      const at = opensWith === "anything" ? [] : openingsFor(opensWith, needs);
      let next = 0;
      const exec = (): RegExpExecArray | null => {
        if (opensWith === "anything") return re.exec(text);
        while (next < at.length) {
          const k = next++;
          re.lastIndex = at[k];
          const m = re.exec(text);
          if (m) return m;
        }
        return null;
      };
      re.lastIndex = 0;
      let toldInPresent: boolean | undefined;
      for (let m = exec(); m; m = exec()) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const g = m.groups ?? {};
        const idx = m.indices?.groups ?? {};
        const who = (name: string) => resolve(g[name], idx[name]?.[0] ?? m!.index);
        if (kind === "designation-before" && hedged(text, m.index)) continue;
        // "since she was twelve" is not her age now; "Hale thought Mira was an alpha" is not a fact.
        if (kind === "age" && precededBy(text, m.index, SUBORDINATORS, 3)) continue;
        // "“I was thirteen,” she says", or "She was eleven" in a story told in the present: a past-tense
        // age is one they had then.
        if (kind === "age" && PAST_AGE.test(m[0]) && (insideDialogue(text, text.lastIndexOf("\n", m.index) + 1, m.index) || (toldInPresent ??= presentTense(text)))) continue;
        if ((kind === "designation" || kind === "designation-before") && precededBy(text, m.index, BELIEFS, 4)) continue;
        const fact = this.build(kind, g, who);
        if (!fact) continue;
        let end = m.index + m[0].length;
        while (end > m.index && /\s/.test(text[end - 1])) end--;
        const span = { start: m.index, end };
        if (fact.kind === "cycle" && AGAIN.test(text.slice(end, end + 24))) fact.again = true;
        out.push({ ...fact, span, quote: text.slice(span.start, span.end).replace(/\s+/g, " ").trim() } as Fact);
      }
    }
    this.attachOutcomes(out);
    this.enrich(text, out, mentions);
    return withoutOverlaps(out).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  private build(kind: string, g: Record<string, string | undefined>, who: (name: string) => number | undefined): FactBody | undefined {
    const person = who("who");
    const cycleOf = () => this.vocab.cycleWords.get(norm(g.cycle));
    switch (kind) {
      case "designation":
      case "designation-before": {
        if (person === undefined || (g.adj && g.adj.split(/[ ,-]+/).some((w) => HEDGES.has(w)))) return undefined;
        const value = g.value!.toLowerCase();
        const axis = this.vocab.designations.includes(value) ? "designation" : "alignment";
        return { kind: "designation", person, value, axis };
      }
      case "age":
      case "birthday": {
        const years = parseNumber(g.num ?? "");
        if (person === undefined || years === undefined || years > 150) return undefined;
        return { kind, person, years };
      }
      case "cycle-active":
      case "cycle-began":
      case "cycle-ended":
      case "cycle-none": {
        const c = cycleOf();
        if (person === undefined || !c) return undefined;
        const state = kind.slice("cycle-".length) as "active" | "began" | "ended" | "none";
        return { kind: "cycle", person, cycle: c.cycle, phase: c.phase, state };
      }
      case "cycle-ended-by":
      case "cycle-ended-with":
      case "cycle-ended-beside": {
        const c = cycleOf();
        const by = who("by");
        if (person === undefined || !c || by === undefined || by === person) return undefined;
        return { kind: "cycle", person, cycle: c.cycle, phase: c.phase, state: "ended", by };
      }
      case "bite":
      case "bite-passive":
      case "bite-gives":
      case "bite-mutual": {
        const biter = who("biter");
        const bitten = who("bitten");
        if (biter === undefined || bitten === undefined || biter === bitten) return undefined;
        return { kind: "bite", biter, bitten };
      }
      case "bonded-mark":
      case "bonded-to":
      case "bonded-pair":
      case "bonded-mate":
      case "bonded-feel": {
        const mate = who("mate");
        if (person === undefined || mate === person) return undefined;
        return { kind: "bonded", person, mate };
      }
      case "bond-broken": {
        const mate = who("mate");
        if (person === undefined || mate === person) return undefined;
        return { kind: "bond-broken", person, mate };
      }
      case "voice": {
        const speaker = who("speaker");
        const target = who("target");
        if (speaker === undefined || target === undefined || speaker === target) return undefined;
        return { kind: "voice", speaker, target };
      }
      case "voice-obeyed":
      case "voice-resisted": {
        const target = who("target");
        // Kept only to be attached to a voice fact before it (see attachOutcomes).
        return target === undefined ? undefined : { kind: "voice", speaker: -1, target, outcome: kind === "voice-obeyed" ? "obeyed" : "resisted" };
      }
      case "partner": {
        const of = who("of");
        if (person === undefined || of === undefined || person === of) return undefined;
        return { kind: "relation", a: person, b: of, relation: "partner" };
      }
      case "relation": {
        const of = who("of");
        const [relation, namedFirst] = KIN[(g.noun ?? "").toLowerCase()] ?? [];
        if (person === undefined || of === undefined || person === of || !relation) return undefined;
        return namedFirst ? { kind: "relation", a: person, b: of, relation } : { kind: "relation", a: of, b: person, relation };
      }
      case "owned": {
        const of = who("of");
        return person === undefined || of === undefined || person === of ? undefined : { kind: "relation", a: of, b: person, relation: "owner" };
      }
      case "visit":
      case "courtship":
      case "match":
      case "heat-partner": {
        const a = who("a");
        const b = who("b");
        if (a === undefined || b === undefined || a === b) return undefined;
        if (kind === "visit") return { kind: "visit", a, b, chaperones: [] };
        return { kind: "courtship", a, b, what: kind === "heat-partner" ? "heat-partner" : kind === "match" ? "match" : "courtship" };
      }
      case "freed":
      case "freed-by":
      case "freed-law": {
        if (person === undefined) return undefined;
        const by = g.by ? who("by") : undefined;
        return { kind: "freed", person, by, byLaw: kind === "freed-law" || g.law !== undefined };
      }
      case "sold":
      case "sold-by":
      case "sold-buys":
        return person === undefined ? undefined : { kind: "sold", person, to: g.to ? who("to") : undefined };
      case "enslaved":
        return person === undefined ? undefined : { kind: "enslaved", person };
      case "appointed":
      case "appointed-by": {
        const role = this.vocab.roles.find((r) => norm(r) === norm(g.role));
        return person === undefined || !role ? undefined : { kind: "appointed", person, role };
      }
      case "suppressants-taking":
      case "suppressants-missed":
      case "suppressants-stopped":
        return person === undefined ? undefined : { kind: "suppressants", person, state: kind.slice("suppressants-".length) as "taking" | "missed" | "stopped" };
      case "scent":
      case "scent-reaches": {
        const perceiver = who("perceiver");
        const target = who("target");
        if (perceiver === undefined || target === undefined || perceiver === target) return undefined;
        const tell = g.tell ? norm(g.tell) : undefined;
        const cycle = tell ? this.vocab.cycleWords.get(tell) : undefined;
        return { kind: "scent", perceiver, target, tell: cycle ? cycle.cycle : tell, sealed: false };
      }
    }
    return undefined;
  }

  /**
   * Joins "Rey obeys" to the voice command before it in the paragraph; adds chaperones, places
   * and sealed doors named in a fact's sentence.
   */
  private attachOutcomes(facts: Fact[]): void {
    for (let k = facts.length - 1; k >= 0; k--) {
      const f = facts[k];
      if (f.kind !== "voice" || f.speaker >= 0) continue;
      const command = facts.filter((c): c is Extract<Fact, { kind: "voice" }> => c.kind === "voice" && c.speaker >= 0 && c.target === f.target && c.span.start < f.span.start).pop();
      if (command && !command.outcome) command.outcome = f.outcome;
      facts.splice(k, 1);
    }
  }

  /** Adds what a fact's sentence says around it: chaperones of a Visit, where a scent came from. */
  private enrich(text: string, facts: Fact[], mentions: Mention[]): void {
    for (const f of facts) {
      const sentence = sentenceAround(text, f.span);
      if (f.kind === "visit") {
        const m = /chaperon(?:ed|e|es|ing)?\s+(?:by\s+)?/i.exec(text.slice(sentence.start, sentence.end));
        const after = m ? sentence.start + m.index : Infinity;
        const before = /\bas\s+(?:a\s+|the\s+)?chaperone/i.exec(text.slice(sentence.start, sentence.end));
        for (const x of mentions) {
          if (x.start < sentence.start || x.end > sentence.end || x.person === f.a || x.person === f.b) continue;
          const near = (x.start >= after) || (before && x.end <= sentence.start + before.index && x.start > f.span.end);
          if (near && !f.chaperones.includes(x.person)) f.chaperones.push(x.person);
        }
      } else if (f.kind === "scent") {
        const s = text.slice(f.span.end, sentence.end);
        f.sealed = /\bsealed\b/i.test(s);
        const placeRe = /\b(?:from|through|in|across|beyond|behind|inside|outside)\s+(?:the\s+|a\s+)?([\p{L}][\p{L}'’ -]{1,40})/gu;
        for (let m = placeRe.exec(s); m && f.place === undefined; m = placeRe.exec(s)) {
          const candidate = m[1].toLowerCase();
          for (const [name, index] of this.vocab.places) if (candidate.startsWith(name.replace(/-/g, " ")) || candidate.startsWith(name)) f.place = index;
        }
      }
    }
  }

  /**
   * Each person's pronoun: the cast's, or else the one the text uses most right after their name
   * ("Rey touches her mark"), when it is clearly the most used.
   */
  private pronounsIn(text: string, mentions: readonly Mention[]): (Pronoun | undefined)[] {
    const counts = new Map<number, Record<string, number>>();
    // "her", "him" and "them" are left out: after a name they are as often someone else ("Kylo grabs her wrist").
    // "her eyes", "her mark" right after the verb is the person's own, so it counts.
    const next = /(?<![\p{L}])(he|his|himself|she|hers|herself|they|their|themself|themselves|her(?=\s+(?:own\s+)?(?:eyes|hands?|hair|head|face|mouth|lips|neck|shoulders?|arms?|back|voice|bond|mark|gland|heart|breath|coat|cup|bag|room)\b))(?![\p{L}])|[.!?]/giu;
    for (const m of mentions) {
      if (this.pronouns[m.person] !== undefined) continue;
      next.lastIndex = m.end;
      const found = next.exec(text);
      if (!found || !found[1] || found.index - m.end > 40) continue;
      // "in his direction", "at him": after a preposition the pronoun is usually someone else.
      if (/^(?:his|her|their)$/i.test(found[1]) && /\b(?:in|at|to|for|with|on|into|toward|towards|from|of|by|over|under|against|about)\s+$/i.test(text.slice(Math.max(m.end, found.index - 10), found.index))) continue;
      const word = found[1].toLowerCase();
      const g = GENDER[word] ?? (word === "hers" || word === "herself" ? "she" : word === "himself" ? "he" : word.startsWith("them") ? "they" : undefined);
      if (!g || g === "pov") continue;
      const c = counts.get(m.person) ?? {};
      c[g] = (c[g] ?? 0) + 1;
      counts.set(m.person, c);
    }
    // "Rey nods. She …": a sentence that opens with a pronoun right after one that opens with a name.
    const sentenceEnd = /[.!?]["'’”)]?\s+/g;
    for (const m of mentions) {
      if (this.pronouns[m.person] !== undefined || !opensSentence(text, m.start)) continue;
      sentenceEnd.lastIndex = m.end;
      const end = sentenceEnd.exec(text);
      const opens = end && /^(She|He|They)\b/.exec(text.slice(end.index + end[0].length, end.index + end[0].length + 5));
      if (!opens) continue;
      const person = m.person;
      const g = GENDER[opens[1].toLowerCase()] as Pronoun;
      const c = counts.get(person) ?? {};
      c[g] = (c[g] ?? 0) + 1;
      counts.set(person, c);
    }
    return this.pronouns.map((given, person) => {
      if (given !== undefined) return given;
      const c = counts.get(person);
      if (!c) return undefined;
      const [best, n] = Object.entries(c).sort((a, b) => b[1] - a[1])[0];
      const total = Object.values(c).reduce((x, y) => x + y, 0);
      return n >= 2 && n / total >= 0.7 ? (best as Pronoun) : undefined;
    });
  }

  /** Who a name or pronoun at an offset refers to. */
  private resolve(raw: string | undefined, at: number, mentions: Mention[], paragraphs: number[], pov: number | undefined, pronouns: readonly (Pronoun | undefined)[], source: string): number | undefined {
    if (!raw) return undefined;
    const text = raw.replace(/['’]s?$/, "");
    const gender = GENDER[text.toLowerCase()];
    if (!gender) return this.names.personOf(text);
    if (gender === "pov") return pov;
    // A pronoun is someone named earlier in the same paragraph: the nearest with that pronoun,
    // or, when the cast gives no pronouns, the one person named in the sentence before.
    // This paragraph and the one before it: "She" often opens the paragraph after the name.
    const p = upperBound(paragraphs, at) - 1;
    const paragraph = paragraphs[Math.max(0, p - 1)] ?? 0;
    let unknown: number | undefined;
    let several = false;
    for (let k = lastMentionBefore(mentions, at); k >= 0 && mentions[k].start >= paragraph; k--) {
      const person = mentions[k].person;
      const pronoun = pronouns[person];
      if (pronoun === gender) return person;
      if (pronoun === undefined) {
        if (unknown !== undefined && unknown !== person) several = true;
        unknown ??= person;
      }
    }
    if (unknown !== undefined && !several) return unknown;
    // Farther back (a few paragraphs), only someone known to go by this pronoun will do.
    for (let k = lastMentionBefore(mentions, at); k >= 0 && at - mentions[k].start < 3000; k--) if (pronouns[mentions[k].person] === gender) return mentions[k].person;
    // Nothing before it: a pronoun may point ahead in its sentence ("seen him through it; Toval's rut").
    for (let k = lastMentionBefore(mentions, at) + 1; k < mentions.length && mentions[k].start - at < 150; k++) {
      if (/[.!?]/.test(source.slice(at, mentions[k].start))) break;
      if (pronouns[mentions[k].person] === gender) return mentions[k].person;
    }
    return undefined;
  }
}

type Opening = "name" | "name-or-pronoun" | "anything";

const AGAIN = /^[\s,]*(?:again|once more|once again|anew)\b/i;

/** Pronouns that point to one person ("they" is left out: it is as often a group). */
const REFERRING_PRONOUNS = /(?<![\p{L}])(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Hh]ers|[Hh]imself|[Hh]erself|I|[Mm]e|[Mm]y|[Mm]yself|[Yy]ou|[Yy]our|[Yy]ourself)(?![\p{L}])/gu;


const PRONOUNS = /(?<![\p{L}])(?:[Hh]e|[Ss]he|[Tt]hey|I|[Yy]ou|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our)(?![\p{L}])/gu;

function pronounStarts(text: string): number[] {
  const out: number[] = [];
  PRONOUNS.lastIndex = 0;
  for (let m = PRONOUNS.exec(text); m; m = PRONOUNS.exec(text)) out.push(m.index);
  return out;
}

/** The sentence of each offset (both sorted). */
function sentenceIndexes(offsets: readonly number[], sentences: readonly number[]): Int32Array {
  const out = new Int32Array(offsets.length);
  let s = 0;
  for (let k = 0; k < offsets.length; k++) {
    while (s + 1 < sentences.length && sentences[s + 1] <= offsets[k]) s++;
    out[k] = s;
  }
  return out;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
  return out;
}

const norm = (s: string | undefined) => (s ?? "").toLowerCase().replace(/\s+/g, "-");

/** Two readings of overlapping words that say the same thing are one fact: the longer reading stays. */
function withoutOverlaps(facts: Fact[]): Fact[] {
  const bySaying = new Map<string, Fact[]>();
  // In order of position, what one saying keeps never overlaps itself, so only its last fact can overlap the next.
  for (const f of [...facts].sort((a, b) => a.span.start - b.span.start)) {
    const { span, quote, ...body } = f;
    void span, void quote;
    const key = JSON.stringify(body);
    const list = bySaying.get(key) ?? [];
    bySaying.set(key, list);
    const last = list.at(-1);
    if (!last || last.span.end <= f.span.start) list.push(f);
    else if (f.span.end - f.span.start > last.span.end - last.span.start) list[list.length - 1] = f;
  }
  return [...bySaying.values()].flat();
}

/** Words that make what follows a past or other time ("since she was twelve"). */
const SUBORDINATORS = new Set(["since", "when", "until", "till", "after", "before", "while", "once", "from", "whenever"]);
/** Words that make what follows someone's belief, not a fact ("thought Mira was an alpha"). */
const BELIEFS = new Set(["thought", "thinks", "believed", "believes", "assumed", "assumes", "supposed", "guessed", "imagined", "pretended", "mistook", "whether", "if", "wondered", "suspected", "feared", "hoped", "rumoured", "rumored", "claimed", "lied"]);

/** Words after a belief verb that make it about a person, not a claim ("thought about Ada, who…"). */
const ABOUT = new Set(["about", "of", "over", "back", "on", "to", "at", "through"]);

/**
 * One of the words among the `n` words before an offset, in the same sentence, and not followed by
 * "about" or "of" ("Sorrel thought about Ada, who had presented omega" states what Ada is).
 */
function precededBy(text: string, at: number, set: ReadonlySet<string>, n: number): boolean {
  const lead = text.slice(Math.max(0, at - 60), at);
  const sentence = lead.slice(Math.max(lead.lastIndexOf("."), lead.lastIndexOf("!"), lead.lastIndexOf("?"), lead.lastIndexOf("\n\n")) + 1);
  const words = (sentence.toLowerCase().match(/[\p{L}]+/gu) ?? []).slice(-n);
  return words.some((w, k) => set.has(w) && !ABOUT.has(words[k + 1] ?? ""));
}

/** "not an omega", "like the alpha": a hedge word among the two words before an offset. */
function hedged(text: string, at: number): boolean {
  const lead = text.slice(Math.max(0, at - 30), at).toLowerCase();
  const words = lead.match(/[\p{L}]+/gu) ?? [];
  return words.slice(-2).some((w) => HEDGES.has(w));
}

/** The index of the last mention that ends at or before an offset, or -1. */
function lastMentionBefore(mentions: readonly Mention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence holding a span: from after the previous full stop (or blank line) to the next. */
export function sentenceAround(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && !/[.!?]/.test(text[start - 1]) && !(text[start - 1] === "\n" && text[start - 2] === "\n")) start--;
  let end = span.end;
  while (end < text.length && !/[.!?]/.test(text[end]) && !(text[end] === "\n" && text[end + 1] === "\n")) end++;
  return { start, end };
}
