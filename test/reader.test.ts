/** The manuscript reader: people found without a cast list, invented names included; decoding. */
import { describe, expect, it } from "vitest";
import { readText } from "../src/reader/bible.js";
import { decodeText } from "../src/reader/decode.js";
import { readerWords } from "../src/reader/words.js";
import { HARBOUR } from "./helpers/manuscripts.js";
import { preset } from "./helpers/world.js";
import { learnPronouns } from "../src/reader/genders.js";
import { NameIndex } from "../src/text/names.js";

const words = readerWords(preset("classic"));

const STORY = HARBOUR;

describe("reading a manuscript", () => {
  const bible = readText("story.md", STORY, words);
  const byName = (n: string) => bible.characters.find((c) => c.name === n || c.aliases.includes(n));

  it("finds invented names, with their parts as aliases, and no ordinary words", () => {
    expect(bible.characters.map((c) => c.name).sort()).toEqual(["Ordo Fenwick", "Quillon Varrowmere", "Tesmae Orlind"]);
    expect(byName("Quillon Varrowmere")!.aliases).toContain("Quillon");
  });

  it("gives each their designation with the words it came from", () => {
    expect(byName("Quillon")!.designation).toBe("alpha");
    expect(byName("Tesmae")!.designation).toBe("omega");
    expect(byName("Ordo")!.designation).toBe("beta");
    const e = byName("Tesmae")!.evidence[0];
    expect(STORY.split("\n")[e.line - 1].slice(e.offset, e.offset + e.quote.length)).toBe(e.quote);
  });

  it("finds the bond and the guardian", () => {
    expect(bible.relations).toContainEqual(expect.objectContaining({ a: "Quillon Varrowmere", b: "Tesmae Orlind", kind: "bonded" }));
    expect(bible.relations).toContainEqual(expect.objectContaining({ a: "Ordo Fenwick", b: "Tesmae Orlind", kind: "guardian" }));
  });

  it("an empty text gives an empty bible", () => {
    expect(readText("empty.txt", "", words)).toMatchObject({ characters: [], relations: [] });
  });
});

describe("decoding", () => {
  it("reads UTF-8, UTF-16 with a byte-order mark and Windows-1252", () => {
    expect(decodeText(new TextEncoder().encode("Rey’s heat"))).toMatchObject({ text: "Rey’s heat", encoding: "UTF-8" });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("Rey", (ch) => [ch.charCodeAt(0), 0]).flat()]);
    expect(decodeText(utf16)).toMatchObject({ text: "Rey", encoding: "UTF-16LE" });
    expect(decodeText(new Uint8Array([0x52, 0x65, 0x79, 0x92, 0x73]))).toMatchObject({ text: "Rey’s", encoding: "Windows-1252" });
  });
  it("refuses binary data", () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toHaveProperty("error");
  });
});

describe("learning pronouns from what is said of a person", () => {
  it("finds a name at a paragraph's start by the office an aside gives it, and takes its pronoun from the office ('Osric Hallowell, Lord Chancellor,')", () => {
    const text = "The court waited.\n\nOsric Hallowell, Lord Chancellor of Veyrenne, stepped forward with the papers. Everyone watched the Chancellor.";
    const people = [{ name: "Osric Hallowell" }];
    expect(readText("t.txt", text, words).characters.map((c) => c.name)).toEqual(["Osric Hallowell"]);
    expect(learnPronouns(text, new NameIndex(people).mentions(text), 1)).toEqual(["he"]);
  });

  it("takes a gendered noun said of a name ('was a tall, genial man') and 'Then she' after a sentence the name opened", () => {
    const text = "Amadeo Vey was a tall, genial man. Tesk Orrin laughed at the joke. Then she left the dock.";
    const people = [{ name: "Amadeo Vey" }, { name: "Tesk Orrin" }];
    expect(learnPronouns(text, new NameIndex(people).mentions(text), people.length)).toEqual(["he", "she"]);
  });
});

describe("learning pronouns from the text", () => {
  const text = [
    "Brannoch Vey closed the ledger. He had counted the stores twice.",
    "Ysolde shook her head at the figures, and she left for the harbour.",
    "Brannoch told Ysolde he would count them again. Ysolde said nothing.",
    "Her brother, Caddoc, met her at the gate. Lady Merrow watched from the wall.",
  ].join("\n");
  const people = [{ name: "Brannoch Vey", aliases: ["Brannoch"] }, { name: "Ysolde" }, { name: "Caddoc" }, { name: "Lady Merrow", aliases: ["Merrow"] }];
  const pronouns = learnPronouns(text, new NameIndex(people).mentions(text), people.length);

  it("takes a person's pronoun from the sentence they open, their own head and a kin noun or title", () => {
    expect(pronouns).toEqual(["he", "she", "he", "she"]);
  });

  it("reads a sentence a quote opens with a name like any other ('\"Captain Orrin is never late. He's careful.\"')", () => {
    const only = 'Ysolde looked up.\n"Captain Orrin is never late. He\'s careful." Ysolde said nothing.';
    const cast = [{ name: "Ysolde" }, { name: "Captain Orrin", aliases: ["Orrin"] }];
    expect(learnPronouns(only, new NameIndex(cast).mentions(only), cast.length)[1]).toBe("he");
  });

  it("does not give a person the pronoun that follows them as an object ('told Ysolde he would')", () => {
    const only = "Brannoch told Ysolde he would count them again. Ysolde told Brannoch he was late.";
    const p = learnPronouns(only, new NameIndex(people).mentions(only), people.length);
    expect(p[1]).toBeUndefined();
  });
});

describe("grouping the names a text uses", () => {
  const names = (text: string) => readText("t.txt", text, words).characters.map((c) => [c.name, ...c.aliases].sort().join("|")).sort();

  it("takes a short form of one person's first name as their nickname", () => {
    const text = "Kestrel Amadi opened the door. Kes said nothing. Later Kes smiled at Ravi, and Ravi nodded. Kestrel left.";
    expect(names(text)).toEqual(["Amadi|Kes|Kestrel|Kestrel Amadi", "Ravi"]);
  });

  it("keeps a name typed once in lower case, and drops places named like people", () => {
    const text = "Imke Solberg sat down. Then Imke read the letter to Theo, and Theo laughed at Imke, and at Imke again.\nKES: imke's late again\nThey walked down Fluke Lane to the harbour. Theo lived on Fluke Lane.";
    expect(names(text)).toEqual(["Imke|Imke Solberg|Solberg", "Theo"]);
  });

  it("gives a shared surname with a title to the person who has that title", () => {
    const text = "Admiral Caius Varrowmere wrote. Lieutenant Quillon Varrowmere read it. Later Lieutenant Varrowmere said the Admiral was right, and Caius agreed with Quillon.";
    const quillon = readText("t.txt", text, words).characters.find((c) => c.name === "Quillon Varrowmere");
    expect(quillon?.aliases).toContain("Lieutenant Varrowmere");
  });

  it("reads an abbreviated title with its full stop as part of the name ('Mrs. Dorrit'), not as a sentence's end", () => {
    const text = "Tobiah Quell waited at the gate. Mrs. Ilvane Dorrit arrived late. Mr. Ashgrove nodded at Tobiah and left.";
    expect(names(text)).toEqual(["Ashgrove|Mr. Ashgrove", "Dorrit|Ilvane|Ilvane Dorrit|Mrs. Ilvane Dorrit", "Quell|Tobiah|Tobiah Quell"]);
  });

  it("keeps a name its messages type in lower case ('**Brannoc:** tell velko hi')", () => {
    const text = ["Velko Strand waited by the door, and Velko checked his phone. Then Velko left.", "", "**Brannoc:** tell velko hi", "**Me:** velko says hi back", "", "Later, Velko smiled at Brannoc."].join("\n");
    expect(names(text)).toContain("Strand|Velko|Velko Strand");
  });

  it("finds a name only ever called out in dialogue ('“Ilka,” Hollis says'), but not a greeting or an exclamation", () => {
    const text = ["“Ilka,” Hollis says. “You're late.”", "", "“Hi,” Hollis adds. “Granted, the tram was slow.”", "", "“Ilka,” Hollis says again, and Hollis waits.", "", "“Mercy,” Hollis mutters."].join("\n");
    expect(names(text)).toEqual(["Hollis", "Ilka"]);
  });

  it("takes pet forms and the end of a first name as nicknames ('Cass' for Casimir, 'Lario' for Ilario)", () => {
    const text = "Casimir Oyelowo arrived, and Ilario Benedek followed. Later Cass laughed at Lario, and Lario laughed at Cass.";
    expect(names(text)).toEqual(["Benedek|Ilario|Ilario Benedek|Lario", "Casimir|Casimir Oyelowo|Cass|Oyelowo"]);
  });

  it("takes a nickname made from a surname ('Mack' for Mackintosh, 'Quisty' for Quist) for its one owner", () => {
    const text = "Ruairi Mackintosh laced his skates. Tobiah Quist sat beside him. Later Mack laughed at Quisty, and Quisty laughed at Mack.";
    expect(names(text)).toEqual(["Mack|Mackintosh|Ruairi|Ruairi Mackintosh", "Quist|Quisty|Tobiah|Tobiah Quist"]);
  });

  it("takes 'Holly' for Hollis, 'Ards' for Ardmore, and 'Doc' for the one doctor", () => {
    const text = "Hollis Marchetti laughed. Leif Ardmore skated past Dr. Halvard Imrie. Later Holly waved at Ards, and Ards waved at Holly, and Doc shook his head. Doc left.";
    expect(names(text)).toEqual(["Ardmore|Ards|Leif|Leif Ardmore", "Doc|Dr. Halvard Imrie|Halvard|Halvard Imrie|Imrie", "Hollis|Hollis Marchetti|Holly|Marchetti"]);
  });

  it("drops things named like people: numbered, businesses, places by their first word, ships with 'the', 'Her Grace'", () => {
    const text = [
      "Dessa Lorne worked at Bellweather Audio, near Port Alder, and Dessa liked it.",
      "The Lantern docked at noon. The Lantern's cook waved, and Dessa waved back. Dock Seven was quiet, and Clause Fourteen was law.",
      "Her Grace was a beta, and Dessa bowed to Her Grace, and Her Grace nodded.",
    ].join("\n");
    expect(names(text)).toEqual(["Dessa|Dessa Lorne|Lorne"]);
  });

  it("keeps a full name that comes only after 'ward of', and gives a shared first name to the one whose full name came first", () => {
    const text = "She was the ward of Ferrant Duskwater. Later Ferrant smiled.\n\nYsolde Carrow came in. Ysolde sat, and Ysolde spoke.\n\nAt last she signed as Ysolde Pellinore.";
    const people = names(text);
    expect(people).toContain("Duskwater|Ferrant|Ferrant Duskwater");
    expect(people).toContain("Carrow|Ysolde|Ysolde Carrow");
  });

  it("gives a peer's seat ('Lord Ashgrove') to the one the text names as holding it ('Idris Pellinore, Earl of Ashgrove')", () => {
    const text = "Idris Pellinore has been Earl of Ashgrove these five years. Everyone said Lord Ashgrove was cold, and Lord Ashgrove did not argue. Later Idris smiled.";
    expect(names(text)).toEqual(["Ashgrove|Idris|Idris Pellinore|Lord Ashgrove|Pellinore"]);
  });

  it("reads 'Casimir of Orlenne' as one name, but not 'Ward of Ferrant Duskwater' or 'Duke of Ashgrove'", () => {
    const text = "Casimir of Orlenne was an alpha, and Casimir knew it. “Ward of Ferrant Duskwater,” the herald called, and Ferrant bowed to the Duke of Ashgrove.";
    const bible = readText("t.txt", text, words);
    expect(bible.characters.map((c) => `${c.name} ${c.designation}`).sort()).toEqual(["Casimir of Orlenne alpha", "Ferrant Duskwater unknown"]);
  });

  it("finds someone named only at sentence starts when an aside says whose kin they are ('Ysmene Tarr, Oren's mother,')", () => {
    const text = "Oren Tarr came home early, and Oren sat down.\n\nYsmene Tarr, Oren's mother, was waiting at the table.\n\nYsmene poured the tea.";
    const bible = readText("t.txt", text, words);
    expect(bible.characters.map((c) => c.name).sort()).toEqual(["Oren Tarr", "Ysmene Tarr"]);
    expect(bible.relations.map((r) => `${r.a} ${r.kind} ${r.b}`)).toContain("Ysmene Tarr parent Oren Tarr");
  });
});

describe("a title used alone as a name", () => {
  it("gives 'the Warden' to the one person the text calls Warden", () => {
    const text = "Warden Ilse Carrow kept the keys. The Warden walked the wall at dusk, and the guards feared the Warden more than the sea.\n\nTamsin Roe swept the yard while the Warden watched.";
    const ilse = readText("t.txt", text, words).characters.find((c) => c.name === "Ilse Carrow");
    expect(ilse?.aliases).toContain("Warden");
    expect(ilse?.mentions).toBeGreaterThanOrEqual(4);
  });

  it("gives a family title used alone ('Gran says') to the one person who holds it", () => {
    const text = "Fen Alder lived with Gran Ottilie Rask on the hill.\n\n“Gran says the rain is coming,” Fen said. Gran is a beta and has no nose for weather, but Gran is never wrong.";
    const ottilie = readText("t.txt", text, words).characters.find((c) => c.name === "Ottilie Rask");
    expect(ottilie?.aliases).toContain("Gran");
    expect(ottilie?.designation).toBe("beta");
  });

  it("leaves a title two people hold to neither", () => {
    const text = "Warden Ilse Carrow kept the keys. Warden Bram Tolle kept the gate. The Warden walked the wall, and the Warden slept.";
    const people = readText("t.txt", text, words).characters;
    expect(people.filter((c) => c.aliases.includes("Warden"))).toEqual([]);
  });
});

describe("pronouns in the narration and people talked about in quotes", () => {
  it("takes 'He' after a quote for the man in the scene, not the one the quote keeps naming", () => {
    const text = 'Dorrin Vask came in from the rain and shook out his coat. "Oskel wrote. Oskel is well. Oskel sends his regards." He sat down by the fire. He was a beta, and he took the chair nearest the door.';
    const people = readText("t.txt", text, words).characters;
    expect(people.find((c) => c.name === "Dorrin Vask")?.designation).toBe("beta");
    expect(people.find((c) => c.name === "Oskel")?.designation).toBe("unknown");
  });
});

describe("relations the prose states in other ways", () => {
  const relationsOf = (text: string) => readText("t.txt", text, words).relations.map((r) => `${r.a} ${r.kind} ${r.b} ${r.confidence}`);

  it("reads marriage, dating, 'was his dominant' and 'the ward of' as relations, each stated", () => {
    const text = [
      "Junie Sato had been married for four years to the gunnery chief, Dov Brenner. Dov said little.",
      "Theo Marsh was tall. She had been going out with Imke Vell since the spring. Imke laughed at Theo.",
      "Kestrel Amadi shook his head. Ravi Okafor was his dominant, and Kestrel did not mind. Ravi nodded.",
      "Fen Alder had been Ottilie Rask's ward since the flood. Ottilie taught Fen to read.",
    ].join("\n\n");
    expect(relationsOf(text)).toEqual(expect.arrayContaining([
      "Junie Sato partner Dov Brenner 1",
      "Theo Marsh partner Imke Vell 1",
      "Ravi Okafor dominant-of Kestrel Amadi 1",
      "Ottilie Rask guardian Fen Alder 1",
    ]));
  });

  it("reads a relation stated after another predicate of the subject ('is fourteen, …, and has been Ottilie's ward')", () => {
    const text = "Fen Alder is fourteen, all elbows and opinions, and has been Ottilie Rask's ward since the flood. Ottilie taught Fen to read.";
    expect(relationsOf(text)).toContain("Ottilie Rask guardian Fen Alder 1");
    // Not when the first predicate ends its sentence.
    expect(relationsOf("Fen Alder is fourteen. Mira Sollen is tired and has been Ottilie Rask's ward since the flood. Ottilie nodded.")).not.toContain("Ottilie Rask guardian Fen Alder 1");
  });

  it("takes 'his' after 'was' for someone other than the subject ('Ravi was his dominant')", () => {
    const text = "Kestrel Amadi rubbed his eyes and sat down.\n\nRavi Okafor was his dominant. He had been for two years.";
    expect(relationsOf(text)).toEqual(["Ravi Okafor dominant-of Kestrel Amadi 1"]);
  });

  it("reads 'was bound to' and 'the property of' as ownership", () => {
    const text = "Warden Ilse Carrow kept the keys.\n\nTamsin Roe was bound to the Warden for five years. Tamsin swept the yard.";
    expect(relationsOf(text)).toEqual(["Ilse Carrow owner Tamsin Roe 1"]);
  });

  it("takes an unnamed 'her son' for the one other person of her surname and his pronoun, from context", () => {
    const text = "Hollis Marren kept the ledgers. Her son was the only omega in the house.\n\nCorin Marren rubbed his eyes and stayed upstairs. Jory Tallis brought the meals.";
    expect(relationsOf(text)).toEqual(["Hollis Marren parent Corin Marren 0.5"]);
  });

  it("takes 'his mother' for the one other person of his surname when the text never shows that person's pronoun", () => {
    const text = "Izo Marren presented as an omega at twenty. Izo told no one. He kept his head down.\n\nInka Marren called that evening. His mother always called on Thursdays.";
    expect(relationsOf(text)).toEqual(["Inka Marren parent Izo Marren 0.5"]);
  });

  it("takes an unnamed 'his mother' said once for the woman named beside it when her pronoun shows she is one", () => {
    const text = "Aurel Vey came in. She set down her basket, and she sat. Brannoch looked up; his mother had not written first. Brannoch said nothing.";
    expect(relationsOf(text)).toEqual(["Aurel Vey parent Brannoch 0.5"]);
  });

  it("takes an unnamed 'his mother' for the woman named beside it only when the text says so twice", () => {
    const once = "Aurel Vey came in. Brannoch looked up; his mother had not written first. Brannoch said nothing.";
    expect(relationsOf(once)).toEqual([]);
    const twice = `${once}\n\nAurel Vey sat by the fire. Brannoch watched his mother warm her hands. Brannoch said nothing.`;
    expect(relationsOf(twice)).toEqual(["Aurel Vey parent Brannoch 0.5"]);
  });
});

describe("relations told through 'we'", () => {
  it("takes 'We bonded' in a first-person text for the narrator and the one the text was just about", () => {
    const text = [
      "“Dace,” Mab said. “Dace, wake up.”",
      "“I am awake, Mab,” I said. “Go away, Fen.”",
      "“Morning, Dace,” Fen said. “The goats, Dace,” Fen said again, and I got up.",
      "I keep bees and I mend fences. I rise early, I sleep late, I like it here and I am not leaving. I have a good life, I think.",
      "Mab Tollhouse came to the farm in the third winter. She carried her mother's quilts, and she had walked a long way. She presented omega late, she told me later.",
      "We bonded in the fifth year, the summer after the barn went up.",
    ].join("\n\n");
    const bible = readText("t.txt", text, words);
    expect(bible.relations.map((r) => `${r.a} ${r.kind} ${r.b} ${r.confidence}`)).toContainEqual("Mab Tollhouse bonded Dace 0.5");
  });
});

describe("relations told through 'they' and 'you'", () => {
  const relationsOf = (text: string) => readText("t.txt", text, words).relations.map((r) => `${r.a} ${r.kind} ${r.b} ${r.confidence}`);

  it("reads a couple word for 'they' right after a named pair as a partnership, from context", () => {
    expect(relationsOf("Aurel Vey sat down. Caddoc Rook said nothing. Brannoch watched Aurel Vey and Caddoc Rook. They had been a quiet couple for years.")).toEqual(["Aurel Vey partner Caddoc Rook 0.5"]);
  });

  it("reads a couple word for 'they' in a paragraph about two people and no one else, from context", () => {
    expect(relationsOf("Kestrel Amadi rubbed his eyes. Ravi Okafor watched him. They had been dating for three weeks.")).toEqual(["Kestrel Amadi partner Ravi Okafor 0.5"]);
    expect(relationsOf("Kestrel Amadi rubbed his eyes. Ravi Okafor watched him, and Imke Vell laughed. They had been dating for three weeks.")).toEqual([]);
  });

  it("reads 'taking up with' as a partnership, its unstated subject the one the paragraph was about", () => {
    const text = "Corin Marren stacked the crates. Before, his heats came once a year. Since taking up with Tamsin Roe they had come every two months.\n\nIlse Carrow took up with Brannoch Vey in the spring.";
    expect(relationsOf(text).sort()).toEqual(["Corin Marren partner Tamsin Roe 0.5", "Ilse Carrow partner Brannoch Vey 1"].sort());
    // The subject is looked for in the same paragraph only.
    expect(relationsOf("Corin Marren stacked the crates.\n\nSince taking up with Tamsin Roe, the farm had done well.")).toEqual([]);
  });

  it("takes 'you' in a quote for the one spoken to and 'my' for the speaker", () => {
    const text = "Brannoch Vey sat down. Ysolde Carrowan looked at him across the table.\n\n“You are my ward,” Ysolde said. “Remember it.”";
    expect(relationsOf(text)).toEqual(["Ysolde Carrowan guardian Brannoch Vey 1"]);
  });
});

describe("designations told in other ways", () => {
  const designationOf = (text: string, name: string) => readText("t.txt", text, words).characters.find((c) => c.name === name || c.aliases.includes(name))?.designation;

  it("reads 'As a beta, he…' and a rank standing for the one person who holds it", () => {
    expect(designationOf("Kestrel Amadi shook his head. As a beta, he could not smell it. Kestrel went home.", "Kestrel Amadi")).toBe("beta");
    const ranks = "Admiral Caius Varrowmere wrote twice. Quillon read the letter. The Admiral was an alpha of the old school. Quillon sighed.";
    expect(designationOf(ranks, "Caius Varrowmere")).toBe("alpha");
  });

  it("reads a designation after a short description ('She was fifty-five, an alpha of…'), not one that starts a new clause", () => {
    expect(designationOf("Hollis Dunmere kept her office upstairs. She was fifty-five, an alpha of the old school, and she wore gloves.", "Hollis Dunmere")).toBe("alpha");
    expect(designationOf("Hollis Dunmere kept her office upstairs. She was late, an omega had taken her chair.", "Hollis Dunmere")).toBe("unknown");
  });

  it("takes 'the omega' in a quote for the one the quote last named, not its speaker", () => {
    const text = 'Jory Vance turned the jar in his hands. "Sunniva Rask sent every one of them away. The omega\'s got a spine like a fence post," Jory said.';
    expect(designationOf(text, "Sunniva Rask")).toBe("omega");
    expect(designationOf(text, "Jory Vance")).toBe("unknown");
  });

  it("takes 'Her son was the only omega' for her one son the text names, never for her", () => {
    const text = "Orla Brisk kept the ledgers. Her son, Teodor Brisk, kept the boats.\n\nPiet Lund came in. Orla nodded to Piet Lund. Her son was the only omega the house had ever had.";
    expect(designationOf(text, "Teodor Brisk")).toBe("omega");
    expect(designationOf(text, "Orla Brisk")).toBe("unknown");
    expect(designationOf(text, "Piet Lund")).toBe("unknown");
    // With no son named, no one is said to be the omega.
    const unnamed = "Orla Brisk kept the ledgers.\n\nPiet Lund came in. Orla nodded to Piet Lund. Her son was the only omega the house had ever had.";
    expect(designationOf(unnamed, "Orla Brisk")).toBe("unknown");
    expect(designationOf(unnamed, "Piet Lund")).toBe("unknown");
  });

  it("takes 'her alpha' for her one partner the text names", () => {
    const text = "Junie Sato rubbed her eyes. Sato, a beta, had been married for years to the gunnery chief, Dov Brenner. Her alpha was the strongest man on the ship. Dov laughed at his own joke.";
    expect(designationOf(text, "Dov Brenner")).toBe("alpha");
    expect(designationOf(text, "Junie Sato")).toBe("beta");
  });

  it("takes one known only by alignment to lack a designation, when the text says some people lack it", () => {
    const twoAxes = readerWords(preset("first-order"));
    const of = (text: string, name: string) => readText("t.txt", text, twoAxes).characters.find((c) => c.name === name);
    const couple = "Orrin Dask had been an alpha, Tamsel Vey a submissive. Tamsel Vey laughed at him. Orrin Dask left.";
    const lacking = `Vessa Quorin wasn't from a world with secondary sexes. Vessa Quorin was tall.\n\n${couple}`;
    expect(of(lacking, "Tamsel Vey")).toMatchObject({ designation: "none", alignment: "submissive" });
    expect(of(lacking, "Tamsel Vey")!.confidence).toBeLessThan(1);
    expect(of(lacking, "Orrin Dask")!.designation).toBe("alpha");
    // "the alpha Tamsel Vey a week later" still names an alpha: only a second designation makes it a new clause.
    expect(of("Orrin Dask met the alpha Tamsel Vey a week later. Tamsel Vey laughed at him. Orrin Dask left.", "Tamsel Vey")!.designation).toBe("alpha");
    // Where the text never says anyone lacks it, the designation stays unknown.
    expect(of(`Vessa Quorin was tall.\n\n${couple}`, "Tamsel Vey")).toMatchObject({ designation: "unknown", alignment: "submissive" });
  });

  it("takes a form of address for what the one spoken to is", () => {
    const text = "Dace Orrin came in from the field. Mab looked up at him.\n\n“Yes, Alpha,” Mab said. Dace Orrin nodded.";
    expect(designationOf(text, "Dace Orrin")).toBe("alpha");
  });

  it("gives a first-person narrator the name others call them by", () => {
    const text = [
      "I came to the farm in spring. I carried my bag up the hill, and I did not look back.",
      "“Dace, sit down,” Ottilie Rask said. I sat. I was tired, and my hands shook.",
      "“Eat something, Dace.” I ate. My rut comes every autumn, and I knew it was close. I said nothing.",
      "Ottilie Rask watched me. I went to bed early.",
    ].join("\n\n");
    expect(designationOf(text, "Dace")).toBe("alpha");
  });
});

describe("events the manuscript tells", () => {
  it("lists presentations, heats, bites, Visits and legal acts with their people, chapter and words", () => {
    const text = [
      "# Arrival",
      "",
      "Tesmae Orlind presented as an omega at fifteen. Quillon Varrowmere waited at the gate.",
      "",
      "# Winter",
      "",
      "Tesmae's heat began in the second week. Quillon bit Tesmae at the gland. Ordo Fenwick was freed by the reform.",
    ].join("\n");
    const events = readText("t.md", text, words, { chapters: [{ title: "Arrival", start: 0 }, { title: "Winter", start: text.indexOf("# Winter") }] }).events;
    const brief = events.map((e) => `${e.kind} ${e.people.join("+")} ${e.what} ${e.chapter} ${e.evidence[0].line}`);
    expect(brief).toEqual([
      "presentation Tesmae Orlind omega Arrival 3",
      "cycle Tesmae Orlind heat began Winter 7",
      "bite Tesmae Orlind+Quillon Varrowmere claiming bite Winter 7",
      "freed Ordo Fenwick by law Winter 7",
    ]);
  });
});

describe("a person under two names", () => {
  it("joins a name the text says someone is called by ('calls him Bram') to that person, with their relations", () => {
    const text = [
      "Brannoch Vey came home late. Brannoch hung up his coat, and Ysolde Carrowan looked up from the fire.",
      "“Your sister calls you Bram,” Ysolde said. Brannoch smiled.",
      "Later Bram bit Ysolde at the gland, and the bond held.",
    ].join("\n\n");
    const bible = readText("t.txt", text, words);
    expect(bible.characters.map((c) => c.name).sort()).toEqual(["Brannoch Vey", "Ysolde Carrowan"]);
    expect(bible.characters.find((c) => c.name === "Brannoch Vey")!.aliases).toContain("Bram");
    expect(bible.relations.map((r) => `${r.a} ${r.kind} ${r.b}`)).toEqual(["Brannoch Vey bonded Ysolde Carrowan"]);
  });
});

describe("a name the text says is someone's true one", () => {
  it("joins 'Her true name was Philippa Dunmore' to the paragraph's subject, not to someone named on the way", () => {
    const text = "Warden Ilse Carrow kept the keys, and the Warden ruled the house.\n\nI found Pip in the scullery. Pip was bound to the Warden as I was, and she had come from the poorhouse. Her true name was Philippa Dunmore, but nobody used it. Pip laughed at that.";
    const people = readText("t.txt", text, words).characters;
    expect(people.find((c) => c.name === "Pip")?.aliases).toContain("Philippa Dunmore");
    expect(people.find((c) => c.name === "Ilse Carrow")?.aliases).not.toContain("Philippa Dunmore");
  });
});

describe("a shared surname with a gendered title", () => {
  it("gives 'Mistress Gault' to the Gault the title's gender fits", () => {
    const text = "The clerk bowed to Hesper Gault, and she counted every coin. Tobiah Gault shook his head. Tobiah Gault said he was tired.\n\nLater Mistress Gault, an alpha, closed the book. The clerk thanked Hesper Gault.";
    const hesper = readText("t.txt", text, words).characters.find((c) => c.name === "Hesper Gault")!;
    expect(hesper.aliases).toContain("Mistress Gault");
    expect(hesper.designation).toBe("alpha");
  });
});

describe("courtship before a bond", () => {
  const relationsOf = (text: string) => readText("t.txt", text, words).relations.map((r) => `${r.a} ${r.kind} ${r.b} ${r.confidence}`).sort();

  it("takes a bonded pair in a text of Visits to have courted first, from context", () => {
    const text = "Quillon Varrowmere came for the first Visit. Tesmae Orlind poured the tea.\n\nThe third Visit was shorter. Months later Quillon bit Tesmae at the gland.";
    expect(relationsOf(text)).toEqual(["Quillon Varrowmere bonded Tesmae Orlind 1", "Quillon Varrowmere courting Tesmae Orlind 0.5"]);
  });

  it("does not without courtship words", () => {
    expect(relationsOf("Quillon Varrowmere came home. Tesmae Orlind poured the tea. Months later Quillon bit Tesmae at the gland.")).toEqual(["Quillon Varrowmere bonded Tesmae Orlind 1"]);
  });
});

describe("parents named as a pair", () => {
  it("takes a named pair beside 'his parents' for both parents, and partners, from context", () => {
    const text = "Brannoch Vey grew up by the sea, and he hated the school. In the end Aurel Rook and Caddoc Rook sent him to the harbour school. His parents had no choice. Brannoch wrote to Aurel Rook, and to Caddoc Rook.";
    const relations = readText("t.txt", text, words).relations.map((r) => `${r.a} ${r.kind} ${r.b} ${r.confidence}`).sort();
    expect(relations).toEqual(["Aurel Rook parent Brannoch Vey 0.5", "Aurel Rook partner Caddoc Rook 0.5", "Caddoc Rook parent Brannoch Vey 0.5"]);
  });
});

describe("relations in asides, in the first person and in families", () => {
  const bible = (text: string) => readText("t.txt", text, words);
  const relationsOf = (text: string) => bible(text).relations.map((r) => `${r.a} ${r.kind} ${r.b} ${r.confidence}`).sort();

  it("reads kin in an aside set off by a dash or a bracket ('Fen — her submissive —', 'Orla (his sister)')", () => {
    const text = "Dagny Holm ran the shop. She liked it, and she said so. Fen Oberg — her submissive — made the mugs.\n\nLater Corrin Vale waved. He smiled, and he waited. Orla Vale (his sister) waved back.";
    expect(relationsOf(text)).toEqual(["Corrin Vale sibling Orla Vale 1", "Dagny Holm dominant-of Fen Oberg 1"]);
  });

  it("reads a courtship whose object is a pronoun ('Lazlo courts me')", () => {
    const text = ["“Ilka,” Hollis says. “You're late.” I shrug. I am always late, and I know it, and I say so.", "", "“Ilka,” Hollis says again. I wave.", "", "Over the next three weeks, Lazlo Strand courts me. Lazlo brings me clementines. I eat them all, and I tell him so, and I mean it."].join("\n");
    expect(relationsOf(text)).toContain("Lazlo Strand courting Ilka 1");
  });

  it("reads a second designation later in the sentence ('Dagny is a dominant, has been since art school, and an omega')", () => {
    const dagny = bible("Dagny Holm is a dominant, has been since art school, and an omega. Dagny laughs.").characters.find((c) => c.name === "Dagny Holm")!;
    expect([dagny.designation, dagny.alignment]).toEqual(["omega", "dominant"]);
  });

  it("reads 'dom' and 'sub' as the alignments they are short for", () => {
    const people = bible("Dagny Holm is a dom, and Fen Oberg is a sub. Dagny laughed, and Fen left.").characters;
    expect(people.map((c) => `${c.name} ${c.alignment}`).sort()).toEqual(["Dagny Holm dominant", "Fen Oberg submissive"]);
  });

  it("reads 'X, daughter of Y', 'X is the ward of Y' and 'the eldest son of the late Y'", () => {
    const text = "Lark Vey, daughter of Idony Vey, waited by the fire. Idony had been dead ten years.\n\nOttoline Ash is the ward of Ferrant Duskwater. Ferrant says little.\n\nHadrik Stone, the eldest son of the late Corran Stone, led the pack. Corran had been feared.";
    expect(relationsOf(text)).toEqual(["Corran Stone parent Hadrik Stone 1", "Ferrant Duskwater guardian Ottoline Ash 1", "Idony Vey parent Lark Vey 1"]);
  });

  it("takes the one who names themself in a quote for its speaker, and for the 'she' that tags it", () => {
    const text = "Ysolde Marr watched the ramp. She waited, and she said nothing.\n\n“My name is Nuriel,” she said. Her voice was steady. “I am under indenture to Amadeo Vey.”\n\nAmadeo Vey frowned, and Amadeo said nothing.";
    expect(relationsOf(text)).toEqual(["Amadeo Vey owner Nuriel 1"]);
  });

  it("takes a name beside what a narrator calls their parent ('Mum — Liesbeth Varn —') for the narrator's parent, and a bare surname they share for neither", () => {
    const text = [
      "“Ilka,” Hollis says. “You're late.” I shrug. I am always late, and I know it, and I say so, and I mean it, and I smile.",
      "",
      "“Ilka,” Hollis says again. I wave, and I sit, and I sigh. My coat is wet and my shoes are worse. The letter on the mat is for Ilka Varn, as ever.",
      "",
      "Mum — Liesbeth Varn to the parish council — is an omega of the old sort. I love her anyway. Varn is a hard name to live up to.",
    ].join("\n");
    const read = bible(text);
    expect(read.characters.map((c) => c.name).sort()).toEqual(["Hollis", "Ilka Varn", "Liesbeth Varn"]);
    expect(read.relations.map((r) => `${r.a} ${r.kind} ${r.b} ${r.confidence}`)).toContain("Liesbeth Varn parent Ilka Varn 1");
  });

  it("reads being under indenture to someone as being owned by them", () => {
    expect(relationsOf("Nuriel Ashe kept the books. Nuriel Ashe was under Concordat indenture to Amadeo Vey. Amadeo Vey smiled.")).toEqual(["Amadeo Vey owner Nuriel Ashe 1"]);
  });

  it("takes a parent of one sibling for the other's parent, and two children of one parent for siblings, from context", () => {
    const text = "Aurek Stone, Hadrik's son, waited. Tove Stone, his sister, laughed. Hadrik, their father, said nothing.\n\nMaelis Stone, Hadrik's daughter, came home late. Maelis sat with Aurek.";
    const relations = relationsOf(text);
    expect(relations).toContain("Aurek Stone sibling Tove Stone 1");
    expect(relations).toContain("Hadrik parent Aurek Stone 1");
    expect(relations).toContain("Hadrik parent Tove Stone 0.5");
    expect(relations).toContain("Aurek Stone sibling Maelis Stone 0.5");
  });

  it("keeps someone named once after 'of' when an aside says whose they are ('of Rasmus, her omega')", () => {
    const names = bible("Ffion Lund came over, smelling of cinnamon and of Rasmus, her omega. Ffion sat down, and Ffion talked.").characters.map((c) => c.name);
    expect(names.sort()).toEqual(["Ffion Lund", "Rasmus"]);
  });
});

describe("designation words that describe their owner", () => {
  it("reads 'his alpha pride' as his own, and 'there's alpha all over your sleeve' as no one's designation", () => {
    const text = "Teo Vance came up the steps. Teo smiled, and his alpha pride filled the hall.\n\nIssy Carrow laughed. “Teo!”\n\n“Issy, there's alpha all over your sleeve,” Teo said. Issy Carrow shrugged.";
    const people = readText("t.txt", text, words).characters.map((c) => `${c.name} ${c.designation}`).sort();
    expect(people).toEqual(["Issy Carrow unknown", "Teo Vance alpha"]);
  });
});

describe("a designation denied", () => {
  it("takes one who denies every designation in a list ('not an alpha, or a beta, or an omega') to lack the axis", () => {
    const text = "Doctor Qell came in. “I am the medical officer,” said Doctor Qell, “and I am not an alpha, or a beta, or an omega.” Qell sat down.";
    expect(readText("t.txt", text, words).characters.map((c) => `${c.name} ${c.designation}`)).toEqual(["Qell none"]);
  });
});

describe("pronouns in a quote", () => {
  it("does not take 'she' in a quote for the one the quote says 'you' to", () => {
    const text = "Tessaly Marr sat down by the fire. She was tired, and she said so.\n\nBram Oakes frowned at Tessaly. “You know what it will be like for her. She's an omega with no suppressants,” Bram said.";
    const tessaly = readText("t.txt", text, words).characters.find((c) => c.name === "Tessaly Marr")!;
    expect(tessaly.designation).toBe("unknown");
  });
});
