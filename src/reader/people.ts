/**
 * Finding the people of a manuscript without a cast list: capitalised spans that the text never
 * writes in lower case (so "Omega" and "Visit" drop out, invented names stay), that appear inside a
 * sentence at least once or act like a person (a verb after, a possessive, a title before), grouped
 * into one person per full name with its parts and titled forms as aliases. Nothing here knows any
 * particular story's names.
 */
import { TITLES as NAME_TITLES } from "../text/names.js";

export interface Mention {
  start: number;
  end: number;
}

export interface FoundPerson {
  name: string;
  aliases: string[];
  mentions: Mention[];
}

/** The checker's titles, and more that a manuscript's narration uses; designations too ("Alpha Kylo"). */
const TITLES = [
  ...NAME_TITLES,
  "Doctor", "Officer", "Professor", "Detective", "Agent", "Brother", "Sister", "Emperor", "Empress", "Duke", "Duchess", "Count", "Countess", "Alpha", "Omega", "Beta",
];
const TITLE = new RegExp(`^(?:${TITLES.join("|")})\\.?$`);

/** Capitalised words that are never names, whatever the text does with them. */
const NEVER = new Set([
  "I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll", "OK", "Okay", "God", "Christ", "Jesus", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  // Interjections and endearments that open dialogue.
  "Oh", "Ah", "Uh", "Um", "Mm", "Mmm", "Hm", "Hmm", "Huh", "Yeah", "Yep", "Nope", "Nah", "Shh", "Ssh", "Wow", "Hey", "Holy", "Damn", "Fuck", "Shit",
  "Sweetheart", "Darling", "Honey", "Baby", "Sweetie", "Love", "Dear",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Chapter", "Part", "Mr", "Mrs", "Ms", "Dr",
]);

const PERSON_VERBS = /^(?:says|said|asks|asked|answers|answered|replies|replied|nods|nodded|smiles|smiled|laughs|laughed|looks|looked|turns|turned|walks|walked|sighs|sighed|shrugs|shrugged|grins|grinned|frowns|frowned|whispers|whispered|murmurs|murmured|tells|told|thinks|thought|knows|knew|feels|felt|wants|wanted|is|was|has|had|does|did|can|could|would|will|should|must|might|snaps|snapped|growls|growled|calls|called|kisses|kissed|pulls|pulled|takes|took|gives|gave|goes|went|comes|came|sits|sat|stands|stood|leans|leaned|shakes|shook|watches|watched|holds|held|puts|put|gets|got|makes|made|seems|seemed|sounds|sounded|hums|hummed|agrees|agreed)$/;

/** A span of capitalised words (with a title or a number such as "Ren 3"), and where it stands. */
const SPAN = /(?<![\p{L}\p{N}'’])(\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*(?:[ \t]+\d{1,2}(?![\p{N}]))?)/gu;

interface Candidate {
  text: string;
  mentions: Mention[];
  inside: number;
  personCues: number;
}

/**
 * `vocabulary`: words of the world that are never names (alpha, Omega, heat, Visit), since some
 * texts capitalise them throughout.
 */
export function discoverPeople(text: string, vocabulary: readonly string[] = []): FoundPerson[] {
  const lower = lowerCaseWords(text);
  for (const w of vocabulary) {
    lower.add(w.toLowerCase());
    lower.add(`${w.toLowerCase()}s`);
  }
  const candidates = new Map<string, Candidate>();
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(text); m; m = SPAN.exec(text)) {
    let words = m[1].split(/[ \t]+/);
    let start = m.index;
    // Drop leading words that are ordinary words at a sentence start ("When Rey" → "Rey").
    while (words.length > 1 && (lower.has(words[0].toLowerCase()) || NEVER.has(words[0])) && !TITLE.test(words[0])) {
      start += text.slice(start).indexOf(words[1], words[0].length);
      words = words.slice(1);
    }
    const span = words.join(" ").replace(/['’]s$/, "");
    if (!plausible(span, lower)) continue;
    const end = start + span.length;
    const c = candidates.get(span) ?? { text: span, mentions: [], inside: 0, personCues: 0 };
    c.mentions.push({ start, end });
    if (!sentenceStart(text, start)) c.inside++;
    if (personCue(text, start, end)) c.personCues++;
    candidates.set(span, c);
  }
  const people = [...candidates.values()]
    .filter((c) => c.inside > 0 || c.personCues >= 2 || (c.personCues > 0 && /\s/.test(c.text)))
    .filter((c) => c.mentions.length >= 2 || c.personCues > 0 || /\s/.test(c.text))
    .filter((c) => !mostly(text, c.mentions, THING_BEFORE));
  return group(people);
}

/** Every word the text writes in lower case at least once. */
function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}'’])\p{Ll}[\p{L}'’-]*/gu)) out.add(m[0].replace(/['’]s$/, ""));
  return out;
}

function plausible(span: string, lower: Set<string>): boolean {
  const words = span.split(" ");
  const core = words.filter((w) => !TITLE.test(w) && !/^\d+$/.test(w));
  if (core.length === 0 || core.length > 4) return false;
  for (const w of core) {
    const plain = w.replace(/['’]s$/, "");
    const l = plain.toLowerCase();
    // Written in lower case somewhere (also as a plural: "Omegas"), it is a word, not a name.
    if (NEVER.has(plain) || lower.has(l) || (l.endsWith("s") && lower.has(l.slice(0, -1))) || plain.length < 2 || (/^\p{Lu}+$/u.test(plain) && plain.length > 3)) return false;
    // Nationalities and languages: "Italian", "Hungarian", "Japanese".
    if (words.length === 1 && plain.length >= 6 && /(?:ian|ean|ican|ese|ish)$/.test(plain)) return false;
  }
  return true;
}

/** "the First Order", "in South America": what usually comes before a thing or a place, not a person. */
const THING_BEFORE = /(?:\b(?:the|a|an|in|into|on|to|from|at|across|of|near|through|toward|towards)\s+)$/i;

function mostly(text: string, mentions: readonly Mention[], before: RegExp): boolean {
  // "in Plutt's home": the word before governs the thing owned, not the owner.
  const n = mentions.filter((m) => before.test(text.slice(Math.max(0, m.start - 12), m.start)) && !/^['’]s\b/.test(text.slice(m.end, m.end + 3))).length;
  return n * 2 > mentions.length;
}

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(?:[.!?]["'’”)]?\s+|^\s*|\n\s*|["“'‘—–-]\s*)$/.test(before);
}

function personCue(text: string, start: number, end: number): boolean {
  // A title makes a person ("Officer Martinez").
  if (TITLE.test(text.slice(start, end).split(/\s+/)[0]) && /\s/.test(text.slice(start, end))) return true;
  // An aside about them: "Quillon Varrowmere, an alpha, …", "Ordo, who …".
  if (/^,\s+(?:an?|the|who|whose)\s/.test(text.slice(end, end + 8))) return true;
  const after = /^(?:['’]s\b|\s+([\p{Ll}]+))/u.exec(text.slice(end, end + 20));
  if (after && (after[0].startsWith("'") || after[0].startsWith("’") || PERSON_VERBS.test(after[1] ?? "") || /^[\p{Ll}]{3,}ed$/u.test(after[1] ?? ""))) return true;
  // Spoken to: "…, Rey." (a comma before, punctuation after).
  return /,\s*$/.test(text.slice(Math.max(0, start - 2), start)) && /^[,.!?]/.test(text.slice(end, end + 1));
}

/** One person per full name: its single words and titled forms become aliases when unambiguous. */
function group(candidates: Candidate[]): FoundPerson[] {
  const bare = (s: string) => s.split(" ").filter((w) => !TITLE.test(w)).join(" ");
  const sorted = [...candidates].sort((a, b) => bare(b.text).split(" ").length - bare(a.text).split(" ").length || b.mentions.length - a.mentions.length);
  const people: (FoundPerson & { key: string })[] = [];
  const owner = new Map<string, number>();
  for (const c of sorted) {
    const key = bare(c.text);
    const words = key.split(" ");
    // A titled form ("General Hux") or a part of a longer name belongs to the person already found.
    const home = owner.get(key) ?? (words.length === 1 ? findOwner(people, key) : undefined);
    if (home !== undefined) {
      const p = people[home];
      if (c.text !== p.name && !p.aliases.includes(c.text)) p.aliases.push(c.text);
      p.mentions.push(...c.mentions);
      continue;
    }
    const index = people.length;
    people.push({ key, name: c.text, aliases: c.text === key ? [] : [key], mentions: [...c.mentions] });
    owner.set(key, index);
  }
  for (const p of people) {
    // The fullest untitled form is the name; titled forms stay as aliases.
    if (p.name !== p.key && !p.aliases.includes(p.key)) p.aliases.push(p.key);
    p.mentions.sort((a, b) => a.start - b.start);
  }
  return people.map(({ name, aliases, mentions }) => ({ name, aliases: aliases.filter((a) => a !== name), mentions }));
}

function findOwner(people: readonly { key: string }[], word: string): number | undefined {
  const owners = people.map((p, i) => (p.key.split(" ").includes(word) ? i : -1)).filter((i) => i >= 0);
  return owners.length === 1 ? owners[0] : undefined;
}
