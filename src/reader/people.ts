/**
 * Finding the people of a manuscript without a cast list: capitalised spans that the text never
 * writes in lower case (so "Omega" and "Visit" drop out, invented names stay), that appear inside a
 * sentence at least once or act like a person (a verb after, a possessive, a title before), grouped
 * into one person per full name with its parts and titled forms as aliases. Nothing here knows any
 * particular story's names.
 */
import { TITLES as NAME_TITLES } from "../text/names.js";
import { isCapitalAt, isLetterAt, letterOrDigitBefore, wordEnd } from "../text/letters.js";
import { KIN_NOUNS } from "./relations.js";
import { SELF_NAMING } from "../text/dialogue.js";

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
  "Gran", "Granny", "Grandma", "Grandpa", "Nana", "Auntie", "Ensign", "Admiral", "Navigator", "Chief", "Nurse", "Judge", "Magistrate", "Reverend", "Elder",
  "Warden", "Governor", "Mayor", "Baron", "Baroness", "Marshal", "Inspector", "Sheriff", "Constable", "Matron", "Abbess", "Abbot", "Steward", "Bishop", "Headmaster", "Headmistress", "Chancellor", "Regent", "Consul",
  "Engineer", "Pilot", "Medic", "Healer", "Ambassador", "Minister", "Secretary", "Director", "Principal", "Coach", "Deputy", "Corporal", "Private", "Specialist", "Technician", "Quartermaster",
  "Cadet", "Trooper", "Squire", "Knight", "Ser", "Maester", "Councillor", "Councilor", "President", "Commodore", "Brigadier", "Prefect", "Vicar", "Pastor", "Rabbi", "Sensei", "Lady-in-waiting",
  "Earl", "Viscount", "Viscountess", "Marquess", "Marchioness", "Archduke", "Archduchess", "Dowager", "Crown",
];
const TITLE = new RegExp(`^(?:${TITLES.join("|")})\\.?$`);

/** Whether a word is a title on its own ("Mistress", "General"), used as a form of address. */
export function isTitle(word: string): boolean {
  return TITLE.test(word);
}

/** The title a form of a name opens with ("Admiral" in "Admiral Caius Varrowmere"), if any. */
export function titleOf(form: string): string | undefined {
  const [first, ...rest] = form.split(" ");
  return rest.length > 0 && TITLE.test(first) ? first.replace(/\.$/, "") : undefined;
}

/** Capitalised words that are never names, whatever the text does with them. */
const NEVER = new Set([
  "I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll", "OK", "Okay", "God", "Christ", "Jesus", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  // Interjections and endearments that open dialogue.
  "Oh", "Ah", "Uh", "Um", "Mm", "Mmm", "Hm", "Hmm", "Huh", "Yeah", "Yep", "Nope", "Nah", "Shh", "Ssh", "Wow", "Hey", "Holy", "Damn", "Fuck", "Shit",
  "Hi", "Hello", "Bye", "Goodbye", "Goodnight", "Morning", "Evening", "Thanks", "Cheers", "Sorry", "Please", "Mercy", "Granted", "Fine", "Right", "Well", "Sure", "Yes", "No", "Wait", "Stop", "Listen", "Look",
  "Heavens", "Gods", "Stars", "Moons", "Hell", "Bloody",
  "Sweetheart", "Darling", "Honey", "Baby", "Sweetie", "Love", "Dear",
  // Words that open sentences, which a short text may never write in lower case.
  "The", "A", "An", "His", "Her", "Their", "Your", "My", "Our", "Its", "Then", "Later", "When", "After", "Before", "Now", "Still", "Yet", "But", "And", "So", "As", "If", "Once", "Soon", "Meanwhile", "Suddenly", "Afterwards",
  "Tomorrow", "Yesterday", "Today", "Tonight", "Perhaps", "Maybe", "Finally", "Even", "Only", "Just", "There", "Here", "This", "That", "These", "Those", "What", "Why", "How", "Where", "Who",
  // Kin and forms of address that stand for a name ("Dad said…") but are not one.
  "Mom", "Mum", "Mama", "Mamma", "Mommy", "Mummy", "Ma", "Dad", "Daddy", "Papa", "Pa", "Mãe", "Pai", "Gran", "Granny", "Grandma", "Grandpa", "Nana", "Sir", "Madam", "Ma'am", "Ma’am",
  "Christmas", "Easter", "Halloween", "Thanksgiving", "Midsummer", "Midwinter", "Yule",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Chapter", "Part", "Mr", "Mrs", "Ms", "Dr",
]);

const PERSON_VERBS = /^(?:says|said|asks|asked|answers|answered|replies|replied|nods|nodded|smiles|smiled|laughs|laughed|looks|looked|turns|turned|walks|walked|sighs|sighed|shrugs|shrugged|grins|grinned|frowns|frowned|whispers|whispered|murmurs|murmured|tells|told|thinks|thought|knows|knew|feels|felt|wants|wanted|is|was|has|had|does|did|can|could|would|will|should|must|might|snaps|snapped|growls|growled|calls|called|kisses|kissed|pulls|pulled|takes|took|gives|gave|goes|went|comes|came|sits|sat|stands|stood|leans|leaned|shakes|shook|watches|watched|holds|held|puts|put|gets|got|makes|made|seems|seemed|sounds|sounded|hums|hummed|agrees|agreed|wrote|grew|ran|saw|began|fell|found|left|kept|led|met|paid|rose|sent|slept|spoke|woke|wore|won|bit|hid|drove|rode|sang|threw|understood|caught|brought|bought|fought|taught|heard|meant|lost|sold|spent|built|drew|forgot|hung|lay|lit|sank|sprang|swore|shut|set|let|read|winced|waits|waited|sleeps|writes|grows|runs|sees|begins|finds|leaves|keeps|meets|sends|speaks|wakes|wears|bites|hides|brings|hears)$/;

/**
 * A span of capitalised words (with a title, abbreviated or not, or a number such as "Ren 3"), tried
 * only at a capital that no letter, digit or apostrophe comes right before (found by scanning, far
 * faster than a search). "Mrs. Hale" is one span: the title's full stop does not end a sentence.
 */
const SPAN = /((?:(?:Mr|Mrs|Ms|Mx|Dr)\.[ \t]+(?=\p{Lu}))?\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*(?:[ \t]+of[ \t]+\p{Lu}[\p{L}'’-]*(?![\p{L}'’-]|[ \t]+\p{Lu})|[ \t]+\d{1,2}(?![\p{N}]))?)/uy;

/** ", Katsuki's mother,", " — her husband", " (his sister)": an aside that says whose kin or partner someone is. */
const KIN_ASIDE = new RegExp(`^(?:,|\\s*[—–]|\\s+\\()\\s*(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|\\p{Lu}[\\p{L}'’-]*['’]s)\\s+(?:[\\p{Ll}-]+\\s+)?(?:${KIN_NOUNS.join("|")}|partner|friend|sister-in-law|brother-in-law|cousin|aunt|uncle|niece|nephew|grandmother|grandfather|fiancée?|alpha|omega|beta|sub|dom)\\b`, "u");

/** Where a span of capitalised words may start: a capital with no letter, digit or apostrophe just before. */
function spanStart(text: string, at: number): boolean {
  if (!isCapitalAt(text, at) || letterOrDigitBefore(text, at)) return false;
  const before = at > 0 ? text.charCodeAt(at - 1) : 0;
  return before !== 39 && before !== 0x2019;
}

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
  const implausible = new Set<string>();
  for (let at = 0; at < text.length; at++) {
    if (!spanStart(text, at)) continue;
    SPAN.lastIndex = at;
    const m = SPAN.exec(text);
    if (!m) continue;
    at = SPAN.lastIndex - 1;
    let words = m[1].split(/[ \t]+/);
    let start = m.index;
    // Drop leading words that are ordinary words at a sentence start ("When Rey" → "Rey").
    while (words.length > 1 && (lower.has(words[0].toLowerCase()) || NEVER.has(words[0])) && !TITLE.test(words[0])) {
      start = text.indexOf(words[1], start + words[0].length);
      words = words.slice(1);
    }
    // "Daughter of Idony", "Duke of Ashgrove": what comes after "of" is the name, if anything is.
    if (words[1] === "of" && (lower.has(words[0].toLowerCase()) || NEVER.has(words[0]) || TITLE.test(words[0]) || KIN_NOUNS.includes(words[0].toLowerCase()))) {
      start = text.indexOf(words[2], start + words[0].length + 4);
      words = words.slice(2);
    }
    const span = words.join(" ").replace(/['’]s$/, "");
    // Whether a span can be a name is decided once per span: the same names come back all book long.
    let c = candidates.get(span);
    if (!c) {
      if (implausible.has(span)) continue;
      if (!plausible(span, lower)) {
        implausible.add(span);
        continue;
      }
      candidates.set(span, (c = { text: span, mentions: [], inside: 0, personCues: 0 }));
    }
    const end = start + span.length;
    c.mentions.push({ start, end });
    if (!sentenceStart(text, start)) c.inside++;
    if (personCue(text, start, end)) c.personCues++;
    if (calledOut(text, start, end)) c.personCues++;
  }
  const people = [...candidates.values()]
    .filter((c) => c.inside > 0 || c.personCues >= 2 || (c.personCues > 0 && /\s/.test(c.text)))
    .filter((c) => c.mentions.length >= 2 || c.personCues > 0 || /\s/.test(c.text))
    .filter((c) => !mostly(text, c.mentions, THING_BEFORE));
  return withTitlesAlone(text, withFamiliarTitles(withPeerages(text, group(people))));
}

/** "Idris Pellinore, Earl of Ashgrove", "Cordelia Vane was Duchess of Ravensholme": a peer and their seat. */
// Found from the rank (rare), then the name looked for just before it.
const PEERAGE = /(?<![\p{L}])(?:Earl|Duke|Duchess|Marquess|Marchioness|Viscount|Viscountess|Baron|Baroness|Count|Countess)\s+of\s+(\p{Lu}[\p{L}'’-]*)/gu;
const PEER_BEFORE = /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)(?:,\s+|\s+(?:is|was|has been|had been|became|becomes)\s+)(?:the\s+)?(?:\w+\s+)?$/u;

/**
 * A peer is called by their seat: the Earl of Ashgrove is "Lord Ashgrove". A person found only by
 * that form joins the one the text names as holding the seat.
 */
function withPeerages(text: string, people: FoundPerson[]): FoundPerson[] {
  const gone = new Set<FoundPerson>();
  for (const m of text.matchAll(PEERAGE)) {
    const seat = m[1];
    const name = PEER_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index))?.[1];
    if (!name) continue;
    const holder = people.find((p) => p.name === name || p.aliases.includes(name));
    const seatHolder = people.find((p) => p !== holder && p.name === seat);
    if (!holder || !seatHolder || gone.has(seatHolder)) continue;
    absorb(holder, seatHolder);
    gone.add(seatHolder);
  }
  return gone.size === 0 ? people : people.filter((p) => !gone.has(p));
}

/** One person found under two names: the other's names and mentions become the holder's. */
function absorb(holder: FoundPerson, other: FoundPerson): void {
  holder.aliases.push(...[other.name, ...other.aliases].filter((a) => a !== holder.name && !holder.aliases.includes(a)));
  holder.mentions = [...holder.mentions, ...other.mentions].sort((a, b) => a.start - b.start);
}

/** What a team or a crew calls the one who holds a title: "Doc" for the doctor, "Cap" for the captain. */
const FAMILIAR: Readonly<Record<string, readonly string[]>> = { Doc: ["Dr", "Dr.", "Doctor"], Cap: ["Captain"], Skip: ["Captain"], Sarge: ["Sergeant"], Chief: ["Chief"] };

/** A familiar form of a title ("Doc") joins the one person the text gives that title. */
function withFamiliarTitles(people: FoundPerson[]): FoundPerson[] {
  const gone = new Set<FoundPerson>();
  for (const p of people) {
    const titles = FAMILIAR[p.name];
    if (!titles || p.aliases.length > 0) continue;
    const holders = people.filter((q) => q !== p && [q.name, ...q.aliases].some((f) => titles.some((t) => f.startsWith(`${t} `))));
    if (holders.length !== 1) continue;
    absorb(holders[0], p);
    gone.add(p);
  }
  return gone.size === 0 ? people : people.filter((p) => !gone.has(p));
}

/** Titles that name a kind of person, not one person: "the Alpha" can be anyone's. */
const KIND_TITLES: ReadonlySet<string> = new Set(["Alpha", "Omega", "Beta"]);
const TITLE_ALONE = new RegExp(`(?<![\\p{L}])[Tt]he (${TITLES.filter((t) => !t.includes(" ") && !KIND_TITLES.has(t)).join("|")})(?![\\p{L}\\p{N}]|\\s+\\p{Lu})`, "gu");

/** "Gran says", "Auntie said": a family title is used alone without "the". */
const KIN_TITLE_ALONE = /(?<![\p{L}]|the |The )(Gran|Granny|Grandma|Grandpa|Nana|Auntie|Aunt|Uncle)(?![\p{L}\p{N}]|\s+\p{Lu})/gu;

/**
 * "The Mistress held to it", "said the General": a title used alone, the way a household speaks of
 * the one person it gives that title to ("Mistress Gault"), is that person's alias; so is a family
 * title used alone ("Gran says" when the text has one Gran Ottilie).
 */
function withTitlesAlone(text: string, people: FoundPerson[]): FoundPerson[] {
  const uses = new Map<string, Mention[]>();
  for (const re of [TITLE_ALONE, KIN_TITLE_ALONE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].length - m[1].length;
      let list = uses.get(m[1]);
      if (!list) uses.set(m[1], (list = []));
      list.push({ start, end: start + m[1].length });
    }
  }
  for (const [title, mentions] of uses) {
    const holders = people.filter((p) => [p.name, ...p.aliases].some((f) => titleOf(f) === title));
    if (holders.length !== 1 || mentions.length < 2) continue;
    holders[0].aliases.push(title);
    holders[0].mentions = [...holders[0].mentions, ...mentions].sort((a, b) => a.start - b.start);
  }
  return people;
}

/**
 * The words the text writes in lower case: twice, or once while capitalising them inside a sentence
 * fewer than three times (a name typed once in lower case in a text message stays a name).
 */
function lowerCaseWords(text: string): Set<string> {
  const lower = new Map<string, number>();
  const capitalised = new Map<string, number>();
  // Messages ("**Mara:** tell rasmus hi") are typed without capitals: their casing says nothing.
  const chat = chatLines(text);
  let c = 0;
  for (let at = 0; at < text.length; ) {
    if (!isLetterAt(text, at)) {
      at++;
      continue;
    }
    while (c < chat.length && chat[c].end <= at) c++;
    if (c < chat.length && chat[c].start <= at) {
      at = chat[c].end;
      continue;
    }
    const end = wordEnd(text, at);
    const first = text.charCodeAt(at);
    // ASCII is decided by its code; other letters by whether they change case.
    const isLower = first < 128 ? first >= 97 : text[at] !== text[at].toUpperCase();
    // Capitals inside a sentence only: "Yes" opens many a line of dialogue and is still a word.
    if (isLower || (at >= 2 && text.charCodeAt(at - 1) === 32 && midSentence(text[at - 2]))) {
      let w = text.slice(at, end);
      if (w.length > 2 && (w.endsWith("'s") || w.endsWith("’s"))) w = w.slice(0, -2);
      const counts = isLower ? lower : capitalised;
      const key = w.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    at = end;
  }
  const out = new Set<string>();
  for (const [w, n] of lower) if (n >= 2 || (capitalised.get(w) ?? 0) < 3 * n) out.add(w);
  return out;
}

/** A line of a message or a script: "**Mara:** you alive?", "DAG: ok". */
const CHAT_LINE = /^[ \t]*(?:\*\*|__)?\p{L}[\p{L} .'’-]{0,30}:(?:\*\*|__)?[ \t].*$/gmu;

/** Where each line of a message or script is, in order. */
function chatLines(text: string): Mention[] {
  return [...text.matchAll(CHAT_LINE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A lower-case letter, comma or semicolon: what comes before a capital inside a sentence. */
function midSentence(c: string): boolean {
  return c === "," || c === ";" || (c >= "a" && c <= "z") || (c > "\x7f" && c !== c.toUpperCase());
}

/** The last word of a place's name: "Fluke Lane", "Rask Hollow", "Salt Fork". */
const PLACE_WORDS = new Set([
  "Lane", "Street", "Road", "Avenue", "Way", "Row", "Square", "Place", "Hollow", "Fork", "Ford", "Bridge", "Hill", "Hills", "Farm", "Hall", "House", "Manor", "Castle", "Tower",
  "Bay", "River", "Creek", "Lake", "Station", "Harbour", "Harbor", "Port", "Street", "Park", "Gardens", "Garden", "Gallery", "Wood", "Woods", "Forest", "Valley", "Reach", "Sound",
  "Island", "Isle", "Point", "Mountain", "Mountains", "Pass", "Gate", "Market", "Church", "Chapel", "Abbey", "School", "College", "University", "Hospital", "Academy", "Fleet", "Navy", "Army", "Guard", "Council", "Court",
]);

/** The first word of a place's name: "Port Alder", "Mount Ossa", "Fort Dray". */
const PLACE_OPENERS = new Set(["Port", "Mount", "Fort", "Lake", "Cape", "Saint", "St", "Camp", "Glen", "Dock", "Pier", "Gate", "Planet", "Station", "Sector", "Deck", "Bay"]);

/** The last word of a business's or a thing's name: "Bellweather Audio", "Kettle Records". */
const THING_WORDS = new Set([
  "Audio", "Records", "Industries", "Inc", "Ltd", "Co", "Corp", "Company", "Group", "Labs", "Systems", "Media", "Press", "Studios", "Studio", "Bank", "Hotel", "Cafe", "Café",
  "Bar", "Pub", "Inn", "Club", "Shop", "Store", "Centre", "Center", "Clinic", "Institute", "Museum", "Library", "Office", "Rooms", "Theatre", "Theater", "Restaurant", "Bakery",
  "Pharmacy", "Agency", "Foundation", "Society", "Ministry", "Registry", "Admiralty", "Corps", "Legion", "Order", "Alliance", "Republic", "Empire", "Federation", "Union",
]);

/** Number words: "Clause Fourteen", "Dock Seven" are things, not people. */
const NUMBER_WORD = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Hundred|Thousand)$/;

function plausible(span: string, lower: Set<string>): boolean {
  const words = span.split(" ");
  const last = words[words.length - 1].replace(/['’]s$/, "");
  if (PLACE_WORDS.has(last) || THING_WORDS.has(last) || (words.length > 1 && PLACE_OPENERS.has(words[0].replace(/\.$/, "")))) return false;
  if (words.some((w) => NUMBER_WORD.test(w.replace(/['’]s$/, "")))) return false;
  // "Casimir of Orlenne": a name and where its bearer is from; not "Duke of Ashgrove" or "Bank of Corlis".
  const of = words.indexOf("of");
  if (of >= 0 && (of !== 1 || TITLE.test(words[0]) || PLACE_WORDS.has(words[0]) || THING_WORDS.has(words[0]))) return false;
  const core = words.filter((w) => w !== "of" && !TITLE.test(w) && !/^\d+$/.test(w));
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

/**
 * "the First Order", "in South America", "Her Grace": what usually comes before a thing, a place or
 * a form of address, not a person. ("the ward of Ferrant Vey" is a person's: see KIN_OF.)
 */
const THING_BEFORE = /(?:\b(?:the|a|an|in|into|on|to|from|at|across|of|near|through|toward|towards|his|her|their|your|my|our)\s+|&\s*)$/i;
/** ", Lord Chancellor of…", ", Captain of the Guard": an aside that gives someone's office. */
const TITLE_ASIDE = new RegExp(`^,\\s+(?:the\\s+)?(?:${TITLES.filter((t) => !["Alpha", "Omega", "Beta"].includes(t)).join("|")})\\b`);
const KIN_BEFORE_NAME = /(?<![\p{L}])(?:mum|mom|mother|mama|dad|father|papa|sister|brother|son|daughter|wife|husband|aunt|uncle|gran|grandma|grandpa)\s*[—–(,:]\s*$/iu;

/** ", daughter of Idony", ", the eldest son of": an aside that says whose child someone is. */
const KIN_OF_ASIDE = /^,\s+(?:the\s+)?(?:[a-z]+\s+)?(?:son|daughter|child|ward|heir|widow|widower|wife|husband|sister|brother)\s+of\s/;

/** An article: "the Lantern's master" is a thing's, where "in Plutt's home" is a person's. */
const ARTICLE_BEFORE = /\b(?:the|a|an)\s+$/i;
/** "ward of", "daughter of": "of" after kin or a role leads to a person. */
const KIN_OF = /\b(?:ward|son|daughter|child|wife|husband|widow|widower|mate|heir|friend|guardian|mother|father|sister|brother|servant|property|care)\s+of\s+$/i;

function mostly(text: string, mentions: readonly Mention[], before: RegExp): boolean {
  const n = mentions.filter((m) => {
    const words = text.slice(Math.max(0, m.start - 24), m.start);
    // "of Rasmus, her omega": an aside that says whose someone is marks a person, whatever comes before.
    if (!before.test(words.slice(-12)) || KIN_OF.test(words) || KIN_ASIDE.test(text.slice(m.end, m.end + 48))) return false;
    // "in Plutt's home": the word before governs the thing owned, not the owner; an article does not.
    return !/^['’]s\b/.test(text.slice(m.end, m.end + 3)) || ARTICLE_BEFORE.test(words);
  }).length;
  return n * 2 > mentions.length;
}

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(?:[.!?]["'’”)]?\s+|^\s*|\n\s*|["“'‘—–-]\s*)$/.test(before);
}

function personCue(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  // Named beside a kin word: "Mum — Liesbeth Vantongeren", "my sister, Ffion"; by themself: "My name is Nuriel", "I'm Tesk".
  if (KIN_BEFORE_NAME.test(before) || SELF_NAMING.test(before)) return true;
  // A title makes a person ("Officer Martinez").
  if (TITLE.test(text.slice(start, end).split(/\s+/)[0]) && /\s/.test(text.slice(start, end))) return true;
  // An aside about them: "Quillon Varrowmere, an alpha, …", "Ordo, who …".
  if (/^,\s+(?:an?|the|who|whose)\s/.test(text.slice(end, end + 8)) || TITLE_ASIDE.test(text.slice(end, end + 24)) || KIN_ASIDE.test(text.slice(end, end + 48)) || KIN_OF_ASIDE.test(text.slice(end, end + 40))) return true;
  const after = /^(?:['’]s\b|\s+([\p{Ll}]+))/u.exec(text.slice(end, end + 20));
  if (after && (after[0].startsWith("'") || after[0].startsWith("’") || PERSON_VERBS.test(after[1] ?? "") || /^[\p{Ll}]{3,}ed$/u.test(after[1] ?? ""))) return true;
  // Spoken to: "…, Rey." (a comma before, punctuation after). A line that opens by calling them is calledOut's.
  return /,\s*$/.test(text.slice(Math.max(0, start - 2), start)) && /^[,.!?]/.test(text.slice(end, end + 1));
}

/** A line of dialogue that is only someone's name, said to them: "“Ilka,” Hollis says." */
function calledOut(text: string, start: number, end: number): boolean {
  return /["“]$/.test(text.slice(Math.max(0, start - 1), start)) && /^[,!?]["”]\s+\S/.test(text.slice(end, end + 4));
}

/**
 * One person per full name: its single words and titled forms become aliases when unambiguous.
 * A surname two people share goes to the one with the same title ("Lieutenant Varrowmere"), and a
 * short form of one person's first name ("Kes" for "Kestrel") is that person's nickname.
 */
function group(candidates: Candidate[]): FoundPerson[] {
  const bare = (s: string) => s.split(" ").filter((w) => !TITLE.test(w)).join(" ");
  const sorted = [...candidates].sort((a, b) => bare(b.text).split(" ").length - bare(a.text).split(" ").length || b.mentions.length - a.mentions.length);
  const people: Grouped[] = [];
  const owner = new Map<string, number>();
  for (const c of sorted) {
    const key = bare(c.text);
    const words = key.split(" ");
    const title = c.text === key ? undefined : c.text.split(" ")[0];
    // A titled form ("General Hux") or a part of a longer name belongs to the person already found.
    const home = owner.get(key) ?? (words.length === 1 ? findOwner(people, key, title, c.mentions[0].start) : undefined);
    if (home !== undefined) {
      people[home].forms.add(c.text);
      people[home].mentions.push(...c.mentions);
      continue;
    }
    owner.set(key, people.length);
    people.push({ key, forms: new Set([c.text, key]), mentions: [...c.mentions] });
  }
  // A bare surname two people share ("Vantongeren" beside Ilka and Liesbeth Vantongeren) is neither's
  // for sure, and no one else: left out, unless a title says more ("Miss Carrow").
  const shared = (p: Grouped) => !p.key.includes(" ") && [...p.forms].every((f) => f === p.key) && people.filter((q) => q.key.split(" ").slice(1).includes(p.key)).length >= 2;
  const merged = mergeNicknames(people.filter((p) => !shared(p)));
  // Each part of a full name that no one else's name has is an alias too ("Kestrel" for "Kestrel Amadi").
  const parts = new Map<string, number>();
  for (const p of merged) for (const w of new Set(p.key.split(" "))) parts.set(w, (parts.get(w) ?? 0) + 1);
  for (const p of merged) for (const w of p.key.split(" ")) if (p.key !== w && w.length >= 3 && parts.get(w) === 1 && /^\p{Lu}/u.test(w)) p.forms.add(w);
  return merged.map((p) => ({ name: p.key, aliases: [...p.forms].filter((a) => a !== p.key), mentions: p.mentions.sort((a, b) => a.start - b.start) }));
}

interface Grouped {
  /** The fullest untitled form: the person's name. */
  key: string;
  forms: Set<string>;
  mentions: Mention[];
}

/**
 * Whose name a one-word form is part of: the one person whose name has it; among several, the one
 * with the same title; or, for a first name, the one whose full name came first, when the word is
 * used before anyone else's full name with it ("Ysolde Carrow… Ysolde… Ysolde Pellinore": a
 * married name at the end does not take the first name from her).
 */
function findOwner(people: readonly Grouped[], word: string, title: string | undefined, firstUse: number): number | undefined {
  const owners = people.map((p, i) => (p.key.split(" ").includes(word) ? i : -1)).filter((i) => i >= 0);
  if (owners.length === 1) return owners[0];
  const titled = title === undefined ? [] : owners.filter((i) => [...people[i].forms].some((f) => f.startsWith(`${title} `)));
  if (titled.length === 1) return titled[0];
  const firstNamed = owners.filter((i) => people[i].key.split(" ")[0] === word).sort((a, b) => firstMention(people[a]) - firstMention(people[b]));
  if (owners.length < 2 || firstNamed.length !== owners.length || title !== undefined) return undefined;
  return firstMention(people[firstNamed[0]]) < firstUse && firstUse < firstMention(people[firstNamed[1]]) ? firstNamed[0] : undefined;
}

function firstMention(p: Grouped): number {
  return p.mentions.reduce((first, m) => Math.min(first, m.start), Infinity);
}

/**
 * Whether a one-word name is a short form of a first name: its start ("Kes" for "Kestrel", "Cass"
 * for "Casimir", "Matty" for "Matthias"), two letters shorter at least, or its end ("Lario" for "Ilario").
 */
export function shortFormOf(nickname: string, first: string): boolean {
  const n = nickname.toLowerCase();
  const f = first.toLowerCase();
  if (n.length >= 4 && f.length > n.length && f.endsWith(n)) return true;
  if (f.length >= n.length + 2 && f.startsWith(n)) return true;
  // A pet form doubles the last consonant or adds -y, -ie: "Cass", "Matty", "Robbie", "Holly" for Hollis.
  const stem = n.replace(/(?:ie|y)$/, "").replace(/([^aeiou])\1$/, "$1");
  return stem.length >= 3 && stem !== n && f.length > stem.length + 1 && f.startsWith(stem) && f !== n;
}

/**
 * A nickname made from a surname, as teams and barracks make them: its start ("Mack" for
 * Mackintosh) or the surname with -y, -ie or -sy ("Quisty" for Quist).
 */
function surnameNickname(nickname: string, fullName: string): boolean {
  const words = fullName.split(" ");
  if (words.length < 2) return false;
  const surname = words[words.length - 1].toLowerCase();
  const n = nickname.toLowerCase();
  if (n.length >= 3 && surname.length >= n.length + 3 && surname.startsWith(n)) return true;
  // The surname or its first syllable with an ending: "Quisty" (Quist), "Ards" (Ardmore), "Robbo".
  // An -s only after a short first syllable: "Ards", but not "Ellis" for Ellison.
  const ending = /^(?:(.{3,}?)(?:y|ie|sy|sie|o)|(.{3})s)$/.exec(n);
  const stem = ending?.[1] ?? ending?.[2];
  return stem !== undefined && surname.startsWith(stem) && surname !== n;
}

/** "Kes" and "Kestrel Amadi", "Mab" and "Mabry": a one-word name that is a short form of one other person's first name. */
function mergeNicknames(people: Grouped[]): Grouped[] {
  const gone = new Set<number>();
  people.forEach((p, i) => {
    if (p.key.includes(" ") || p.key.length < 3) return;
    const homes = people.map((q, j) => (j !== i && (shortFormOf(p.key, q.key.split(" ")[0]) || surnameNickname(p.key, q.key)) ? j : -1)).filter((j) => j >= 0);
    if (homes.length !== 1) return;
    const home = people[homes[0]];
    for (const f of p.forms) home.forms.add(f);
    home.mentions.push(...p.mentions);
    gone.add(i);
  });
  return people.filter((_, i) => !gone.has(i));
}
