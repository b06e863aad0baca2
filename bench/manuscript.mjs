// Generates a long plain-text manuscript for the reader's benchmarks: invented names built from
// syllables (so the reader has never seen them), "Chapter N" headings, past-tense narration with
// pronouns and dialogue in curly quotes, designations stated in varied ways, courtship Visits, bites
// and bonds, and guardians and parents named by kin nouns. Clinical wording, adults only.
// Deterministic for a size and a seed.
//
//   node bench/manuscript.mjs out.txt 500000 [seed]
import { closeSync, openSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

const ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "th", "v", "w", "z"];
const VOWELS = ["a", "e", "i", "o", "u", "ae", "ei", "ou", "ia"];
const CODAS = ["", "", "", "n", "r", "l", "s", "th", "m", "nd", "rk", "x"];
const AGES = ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"];
const YOUNGER = ["twenty-two", "twenty-five", "twenty-six", "twenty-nine", "thirty-one", "thirty-four"];
const OLDER = ["forty-six", "forty-nine", "fifty-one", "fifty-five", "sixty"];
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"];
const PLACES = ["harbour office", "archive", "east gallery", "counting house", "long hall", "infirmary", "orchard", "chapel"];
const DOINGS = [
  "read the ledger again", "counted the stores twice", "wrote to the registrar", "checked the tide charts",
  "sorted the morning letters", "mended the lamp by the door", "walked the length of the gallery", "filed the harbour permits",
  "waited by the window", "copied the accounts into the new book", "spoke with the steward about the roof", "set the kettle on the stove",
];
const STATES = ["hands were cold", "coat was still damp from the rain", "notes lay open on the desk", "boots needed mending", "tea had gone cold", "pen had run dry"];
const SAYINGS = [
  "The roads are clear as far as the river", "I have read the letter twice", "The registrar will see us on Thursday",
  "I think we should leave before the tide turns", "The archive was closed and nobody told me", "I can carry the ledgers myself",
  "It rained all night in the valley", "The steward wants the accounts by noon", "I would rather walk",
];
const QUESTIONS = ["Did you sleep at all", "Is the coach late again", "Who signed the permit", "Will you stay for supper", "Have you seen the new charts", "Where did you put the keys"];
const REPLIES = ["nodded", "said nothing", "looked at the clock", "smiled", "shook her head", "folded the letter"];

/** Writes a manuscript of about `bytes` bytes (never more) to `path`; returns its size, words, chapters and cast. */
export function writeManuscript(path, bytes, seed = 1) {
  const rng = xoroshiro128plus(seed | 0);
  const int = (min, max) => uniformInt(rng, min, max);
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const an = (word) => (/^[aeiou]/.test(word) ? "an" : "a");

  // The cast: a few more people in a longer text.
  const used = new Set();
  const name = (parts) => {
    for (;;) {
      let n = "";
      for (let i = 0; i < parts; i++) n += pick(ONSETS) + pick(VOWELS) + (i === parts - 1 ? pick(CODAS) : "");
      if (n.length >= 4 && !used.has(n)) return used.add(n), cap(n);
    }
  };
  const designations = ["alpha", "omega", "beta", "omega", "alpha", "beta"];
  const cast = [];
  for (let i = 0, n = Math.min(200, 16 + Math.floor(bytes / 50_000)); i < n; i++) {
    const he = int(0, 1) === 1;
    const first = name(int(2, 3));
    const designation = designations[i % designations.length];
    cast.push({
      first,
      full: `${first} ${name(2)}`,
      sub: he ? "he" : "she", obj: he ? "him" : "her", pos: he ? "his" : "her",
      parentNoun: he ? "father" : "mother",
      designation,
      cycle: designation === "alpha" ? "rut" : designation === "omega" ? "heat" : undefined,
      age: pick(designation === "beta" ? OLDER : YOUNGER),
      presented: pick(AGES),
    });
  }
  const alphas = cast.filter((p) => p.designation === "alpha");
  const omegas = cast.filter((p) => p.designation === "omega");
  const betas = cast.filter((p) => p.designation === "beta");
  // Courting pairs, each bonded after a few Visits; an older beta guardian and parent for each omega.
  const pairs = alphas.slice(0, omegas.length).map((a, i) => ({ a, b: omegas[i], visits: 0, bonded: false }));
  const guardianOf = new Map(omegas.map((o, i) => [o, betas[i % betas.length]]));
  const parentOf = new Map(omegas.map((o, i) => [o, betas[(i + 1) % betas.length]]));

  const paragraphs = {
    intro: (p) => `${p.full}, ${an(p.designation)} ${p.designation}, came into the ${pick(PLACES)} before dawn. ${cap(p.sub)} ${pick(DOINGS)} before the others came.`,
    presented: (p) =>
      pick([
        `${p.first} presented ${p.designation} at ${p.presented}. ${cap(p.sub)} ${pick(DOINGS)}, and ${p.pos} ${pick(STATES)}.`,
        `At ${p.presented} ${p.first} had presented as ${an(p.designation)} ${p.designation}, and the registrar recorded it the same week.`,
        `${p.first} was ${an(p.designation)} ${p.designation}, and everyone in the ${pick(PLACES)} knew it. ${cap(p.sub)} was ${p.age} that spring.`,
      ]),
    cycle: (p) =>
      pick([
        `${p.first}’s ${p.cycle} came early that season. ${cap(p.sub)} kept to ${p.pos} rooms and sent word to the ${pick(PLACES)}.`,
        `${p.first} ${pick(DOINGS)} in the morning. By evening ${p.pos} ${p.cycle} had started, and ${p.sub} asked not to be disturbed.`,
      ]),
    talk: (a, b) => `“${pick(SAYINGS)},” ${a.first} said. “${pick(QUESTIONS)}?” ${b.first} asked. ${cap(a.sub)} ${pick(REPLIES).replace("her", a.pos)}.`,
    narrate: (p) => `${p.first} ${pick(DOINGS)}. ${cap(p.sub)} ${pick(DOINGS)}, and ${p.pos} ${pick(STATES)}. Later ${p.sub} ${pick(DOINGS)}.`,
    visit: (pair, chaperone) =>
      pick([
        `${pair.a.first} paid a Visit to ${pair.b.first}, chaperoned by ${chaperone.full}. ${chaperone.first} sat by the window and kept the time.`,
        `${pair.a.first}’s ${ORDINALS[Math.min(pair.visits, ORDINALS.length - 1)]} Visit with ${pair.b.first} took place in the ${pick(PLACES)}. “${pick(SAYINGS)},” ${pair.b.first} said.`,
      ]),
    bite: (pair) => `At the end of the season ${pair.a.first} bit ${pair.b.first} at the scent gland, and the bond held. ${pair.b.first} touched ${pair.b.pos} bond mark, and the registrar recorded the bond the next morning.`,
    bonded: (pair) => `${pair.b.first} and ${pair.b.pos} mate, ${pair.a.first}, ${pick(DOINGS)}. ${cap(pair.a.sub)} ${pick(REPLIES).replace("her", pair.a.pos)}.`,
    guardian: (w, g) =>
      pick([
        `${cap(w.pos)} guardian, ${g.first}, signed the papers. ${w.first} ${pick(DOINGS)}.`,
        `${g.full}, ${w.first}’s guardian, read the letter twice. “${pick(SAYINGS)},” ${g.sub} said.`,
      ]),
    parent: (c, p) =>
      pick([
        `${c.first}’s ${p.parentNoun}, ${p.full}, arrived by the late coach. ${cap(p.sub)} ${pick(DOINGS)}.`,
        `${c.first} wrote to ${c.pos} ${p.parentNoun}. ${cap(c.sub)} ${pick(DOINGS)} while the ink dried.`,
      ]),
  };

  // One chapter: a courting pair, the omega's guardian and parent, and two others.
  const chapter = (n) => {
    const pair = pick(pairs);
    const others = [pick(cast), pick(cast)];
    const people = [pair.a, pair.b, guardianOf.get(pair.b), ...others];
    const out = [`Chapter ${n}`, paragraphs.intro(pair.a)];
    const length = int(60, 160);
    while (out.length < length) {
      const p = pick(people);
      switch (int(0, 9)) {
        case 0: out.push(paragraphs.presented(p)); break;
        case 1: out.push(p.cycle ? paragraphs.cycle(p) : paragraphs.narrate(p)); break;
        case 2: case 3: out.push(paragraphs.talk(p, pick(people))); break;
        case 4:
          if (pair.bonded) out.push(paragraphs.bonded(pair));
          else if (pair.visits >= 3 && int(0, 3) === 0) {
            out.push(paragraphs.bite(pair));
            pair.bonded = true;
          } else {
            out.push(paragraphs.visit(pair, guardianOf.get(pair.b)));
            pair.visits++;
          }
          break;
        case 5: out.push(paragraphs.guardian(pair.b, guardianOf.get(pair.b))); break;
        case 6: out.push(paragraphs.parent(pair.b, parentOf.get(pair.b))); break;
        case 7: out.push(paragraphs.intro(p)); break;
        default: out.push(paragraphs.narrate(p));
      }
    }
    return out;
  };

  const fd = openSync(path, "w");
  let size = 0;
  let words = 0;
  let chapters = 0;
  let buffer = [];
  let full = false;
  try {
    while (!full) {
      for (const paragraph of chapter(chapters + 1)) {
        const text = `${paragraph}\n\n`;
        const n = Buffer.byteLength(text);
        if (size + n > bytes) {
          full = true;
          break;
        }
        buffer.push(text);
        size += n;
        words += paragraph.split(" ").length;
        if (paragraph.startsWith("Chapter ")) chapters++;
      }
      writeSync(fd, buffer.join(""));
      buffer = [];
    }
  } finally {
    closeSync(fd);
  }
  return { path, bytes: size, words, chapters, cast: cast.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [path, bytes, seed] = process.argv.slice(2);
  if (!path || !(Number(bytes) > 0)) {
    console.error("usage: node bench/manuscript.mjs <out.txt> <bytes> [seed]");
    process.exitCode = 1;
  } else {
    const m = writeManuscript(path, Number(bytes), seed === undefined ? 1 : Number(seed));
    console.log(`${m.path}: ${m.bytes} bytes, ${m.words} words, ${m.chapters} chapters, a cast of ${m.cast}`);
  }
}
