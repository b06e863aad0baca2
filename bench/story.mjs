// Generates a long story project for the checker's benchmarks: a cast of thirty, a few places, and
// chapters of neutral prose that mention the cast, their designations, Visits, scents and bonds.
// Deterministic for a size. The prose is filler in clinical words; it checks clean.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

const FIRST = ["Arin", "Belo", "Cass", "Dario", "Emris", "Fenna", "Galen", "Hesper", "Ilse", "Joren", "Kestra", "Lio", "Maren", "Nilo", "Orsa", "Pell", "Quill", "Roen", "Sabe", "Tamsin", "Ulric", "Vela", "Wick", "Xan", "Yara", "Zev", "Ansel", "Brin", "Corra", "Dace"];
const DESIGNATIONS = ["alpha", "beta", "omega"];
const FILLER = [
  "The morning is grey and the kitchen smells of bread.",
  "Letters arrive from the city about the harvest accounts.",
  "The gardeners move the hives to the south wall.",
  "Rain keeps everyone indoors until the afternoon.",
  "The household keeps to its usual hours.",
  "Someone has left the ledger open on the table.",
  "A cart brings wood for the winter stores.",
  "The bells ring the hour from the chapel tower.",
];

export function writeStory(dir, { chapters = 40, wordsPerChapter = 2500 } = {}) {
  const cast = FIRST.map((name, i) => ({ id: name.toLowerCase(), name, pronouns: i % 2 ? "he" : "she", born: `${1980 + (i % 20)}-0${1 + (i % 9)}-1${i % 9}`, designation: DESIGNATIONS[i % 3], location: "hall" }));
  const places = [{ id: "hall" }, { id: "garden" }, { id: "library" }];
  const connections = [
    { between: ["hall", "garden"], distance: "40ft", kind: "door" },
    { between: ["hall", "library"], distance: "20ft", kind: "open" },
  ];
  mkdirSync(join(dir, "chapters"), { recursive: true });
  writeFileSync(join(dir, "scentline.yaml"), stringify({ title: "A long story", world: "classic", start: "2026-01-01", seed: 1, cast, places, connections }, { lineWidth: 0 }));
  let words = 0;
  for (let c = 0; c < chapters; c++) {
    const lines = [];
    let n = 0;
    let k = c;
    while (n < wordsPerChapter) {
      const a = cast[k % cast.length];
      const b = cast[(k * 7 + 3) % cast.length];
      const sentences = [
        `${a.name}, ${a.designation === "alpha" || a.designation === "omega" ? "an" : "a"} ${a.designation}, walks through the hall with ${b.name}.`,
        FILLER[k % FILLER.length],
        `${a.name} smells ${b.name}'s scent in the hall.`,
        `${b.name} reads in the library while ${a.name} writes to the steward.`,
        FILLER[(k + 3) % FILLER.length],
      ];
      const para = sentences.join(" ");
      lines.push(para, "");
      n += para.split(/\s+/).length;
      k++;
    }
    words += n;
    writeFileSync(join(dir, "chapters", `${String(c + 1).padStart(2, "0")}.md`), `---\ndate: +1d\nwhere: hall\n---\n# Chapter ${c + 1}\n\n${lines.join("\n")}\n`);
  }
  return { dir, words };
}
