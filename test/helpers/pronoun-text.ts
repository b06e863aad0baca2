/**
 * Generated narration in which every pronoun's person is known: paragraphs about one person at a
 * time, as novels are mostly written (a name, then "he… his… he"), a cast of invented names of
 * both genders, people returning after others. Deterministic for a seed. Clinical wording.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface PronounText {
  text: string;
  people: { name: string; aliases: string[]; pronouns: "he" | "she" }[];
  /** Each pronoun's offset and the person (index into people) it stands for. */
  pronouns: { at: number; person: number }[];
}

const FIRST = ["Quillon", "Tesmae", "Ordo", "Ysolde", "Brannoch", "Corvina", "Hale", "Mirrel", "Dace", "Sunniva"];
const LAST = ["Varrowmere", "Orlind", "Fenwick", "Carrowan", "Vey", "Ashby", "Tollhouse", "Rask", "Orrin", "Lund"];
const DOINGS = ["read the ledger", "counted the stores", "wrote to the registrar", "checked the tide charts", "mended the lamp", "filed the permits", "waited by the window"];
const STATES = ["hands were cold", "notes lay open on the desk", "tea had gone cold", "coat was still damp"];

export function pronounText(paragraphs: number, seed: number): PronounText {
  const rng = xoroshiro128plus(seed);
  const int = (max: number) => uniformInt(rng, 0, max - 1);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const people = FIRST.map((first, i) => ({ name: `${first} ${LAST[i]}`, aliases: [first], pronouns: (i % 2 === 0 ? "he" : "she") as "he" | "she" }));
  let text = "";
  const pronouns: { at: number; person: number }[] = [];
  // Pieces of a paragraph: text, or a pronoun of a person (subject, or possessive).
  type Piece = string | { person: number; possessive: boolean; capital?: boolean };
  const write = (pieces: Piece[]) => {
    for (const p of pieces) {
      if (typeof p === "string") {
        text += p;
        continue;
      }
      const he = people[p.person].pronouns === "he";
      const word = p.possessive ? (he ? "his" : "her") : he ? "he" : "she";
      pronouns.push({ at: text.length, person: p.person });
      text += p.capital ? word[0].toUpperCase() + word.slice(1) : word;
    }
    text += "\n\n";
  };
  const templates: ((p: number, q: number) => Piece[])[] = [
    (p) => [`${people[p].aliases[0]} ${pick(DOINGS)}. `, { person: p, possessive: false, capital: true }, ` ${pick(DOINGS)}, and `, { person: p, possessive: true }, ` ${pick(STATES)}. Later `, { person: p, possessive: false }, ` ${pick(DOINGS)}.`],
    (p) => [`${people[p].name} was an omega, and everyone in the office knew it. `, { person: p, possessive: false, capital: true }, ` was twenty-two that spring.`],
    (p) => [`${people[p].aliases[0]} ${pick(DOINGS)} in the morning. By evening `, { person: p, possessive: true }, ` heat had started, and `, { person: p, possessive: false }, ` asked not to be disturbed.`],
    (p, q) => [`${people[q].aliases[0]}’s ${people[p].pronouns === "he" ? "father" : "mother"}, ${people[p].name}, arrived by the late coach. `, { person: p, possessive: false, capital: true }, ` ${pick(DOINGS)}.`],
    (p, q) => [`${people[p].aliases[0]} nodded to ${people[q].name}. `, { person: p, possessive: false, capital: true }, ` ${pick(DOINGS)}.`],
  ];
  for (let k = 0; k < paragraphs; k++) {
    const p = int(people.length);
    let q = int(people.length - 1);
    if (q >= p) q++;
    write(pick(templates)(p, q));
  }
  return { text, people, pronouns };
}
