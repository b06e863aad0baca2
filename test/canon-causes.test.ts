/**
 * Each seed preset is made of its own seed rules. Every piece of it that an event can name as a
 * cause cites a seed rule of its own text or the open question its default fills, and nothing
 * uncited comes in from classic; so every rule an event of a seed preset cites is one of those, or
 * one of the engine's own (the adults-only guard, which no world can change).
 */
import { describe, expect, it } from "vitest";
import type { Cause, SimEvent } from "../src/sim/event.js";
import { citablePieces } from "../src/world/coverage.js";
import type { WorldSpec } from "../src/world/schema.js";
import { causeProblems, ENGINE_RULES } from "./helpers/causes.js";
import { loadExample, mustLoad, person, run } from "./helpers/project.js";
import { preset } from "./helpers/world.js";

const EXAMPLES: Record<string, string> = { "first-order": "first-order", guardianship: "guardianship", daxam: "daxam" };

/**
 * The open questions each seed text lists, each by the words a preset's `question` must begin with.
 * First-order and guardianship: the "Open questions:" paragraph after each world's rules in
 * seed-rules.md; daxam: the numbered "Open questions (with sensible defaults)" of seed-rules-002.md.
 * (Both files are shared beside the project, not part of it.)
 */
const OPEN_QUESTIONS: Record<string, string[]> = {
  "first-order": [
    "the dominant partner's species", // never named (default: no secondary-sex axis)
    "the heat period on suppressants", // not given (default: none while suppressed; a breakthrough scent, FO-17)
    "bi-monthly", // read as every two months, not twice a month
  ],
  guardianship: [
    "presentation age", // not given (default 12-16)
    "handler count per Visit", // varies (one at the third Visit)
    "heat length", // not given (default classic: 3-5 days)
  ],
  daxam: [
    "1:", // how long the captive Omega was held
    "2:", // age of first heat and first rut
    "3:", // how often heats and ruts recur
    "4:", // length of a rut alone
    "5:", // can a bond be broken?
    "6:", // how much Betas resist
    "7:", // the voice
    "8:", // sealed rooms
    "9:", // scent range and decay
    "10:", // when slavery was abolished
    "11:", // Omegas in the guard
    "12:", // succession after reform
    "13:", // is designation known at birth?
    "14:", // the Omega's own bite
    "15:", // under-age safety
    "16:", // pheromone pill for Omega-Beta pairs
  ],
};

/**
 * What is wrong with how the world's citable pieces say where they come from: a rule of another
 * text, a question that is none of its text's open questions, or nothing cited at all.
 */
function citationProblems(world: WorldSpec, questions: readonly string[]): string[] {
  const seedRules = world.canon!.seedRules;
  return citablePieces(world).flatMap(({ path, piece }) => {
    const out: string[] = [];
    const foreign = (piece.rules ?? []).filter((id) => !seedRules.includes(id));
    if (foreign.length) out.push(`${path}: ${foreign.join(", ")} is not a rule of its text`);
    if (piece.question !== undefined && !questions.some((q) => piece.question!.toLowerCase().startsWith(q.toLowerCase()))) out.push(`${path}: "${piece.question}" is none of its text's open questions`);
    if (!piece.rules?.length && piece.question === undefined) out.push(`${path}: cites nothing`);
    return out;
  });
}

/** A story in the preset with every kind of scheduled event, the preset's institutions enacted and repealed. */
function everything(name: string) {
  const world = preset(name).spec;
  const tell = Object.keys(world.scent.tells)[0];
  const role = Object.keys(world.roles ?? {})[0] ?? "guardian";
  const cast = [
    person("ana", "alpha", { strength: 1.6, roles: ["monarch"], scent: ["cedar"] }),
    person("bo", "alpha", { location: "hall", roles: ["heir"] }),
    person("cy", "beta", { roles: ["guardian"] }),
    person("di", "omega", { traits: ["orphaned", "palace-household"], status: "enslaved", owner: "ana", scent: ["honey"] }),
    person("ed", "omega", { location: "hall", traits: ["orphaned"] }),
    person("fi", "beta", { location: "corridor", traits: ["suppressants"] }),
  ];
  const institutions = Object.keys(world.institutions ?? {});
  const schedule = [
    { at: "+1d", type: "move", who: "bo", to: "room" },
    { at: "+1d", type: "meet", who: "ed", with: ["cy"], to: "corridor" },
    { at: "+2d", type: "visit", who: "ana", with: ["di"], chaperones: ["cy"], every: "1w", times: 9 },
    { at: "+3d", type: "visit", who: "bo", with: ["ed"] },
    { at: "+4d", type: "tell", who: "di", tell },
    { at: "+4d", type: "stress", who: "ed" },
    { at: "+5d", type: "voice", who: "ana", with: ["bo", "cy", "di"], command: "wait" },
    { at: "+6d", type: "pressure", who: "ana", with: ["bo", "cy", "di"] },
    { at: "+6d", type: "pressure", who: "bo", with: ["cy"] },
    { at: "+7d", type: "contact", who: "ana", with: ["di"] },
    { at: "+8d", type: "wash", who: "ana" },
    { at: "+9d", type: "suppressants", who: "ed" },
    { at: "+30d", type: "stop-suppressants", who: "ed" },
    { at: "+40d", type: "partner", who: "bo", with: ["fi"] },
    { at: "+70d", type: "match", who: "ana", with: ["di"] },
    { at: "+71d", type: "bite", who: "ana", with: ["di"], knot: true, blood: true },
    { at: "+71d", type: "bite", who: "di", with: ["ana"], knot: true, blood: true },
    { at: "+72d", type: "bite", who: "bo", with: ["ed"], knot: false, blood: false },
    { at: "+73d", type: "break-bond", who: "di" },
    { at: "+80d", type: "end-partner", who: "bo" },
    { at: "+90d", type: "challenge", who: "bo", with: ["ana"] },
    { at: "+91d", type: "appoint", who: "cy", role },
    { at: "+92d", type: "injure", who: "cy" },
    { at: "+93d", type: "sell", who: "fi", with: ["ana"] },
    { at: "+94d", type: "free", who: "di" },
    ...institutions.flatMap((institution, k) => [
      { at: `+${100 + k}d`, type: "enact", institution, who: "ana" },
      { at: `+${200 + k}d`, type: "repeal", institution, who: "ana" },
    ]),
  ];
  const places = { places: [{ id: "room" }, { id: "corridor" }, { id: "hall" }], connections: [{ between: ["room", "corridor"], distance: 10, kind: "door" }, { between: ["corridor", "hall"], distance: 40, kind: "open" }] };
  return mustLoad({ world: name, start: "2026-01-01", ...places, cast, schedule });
}

/** The rule causes of a log that name neither a seed rule of the preset nor an open question. */
function strays(log: readonly SimEvent[], seedRules: readonly string[]): string[] {
  const out = new Set<string>();
  for (const e of log)
    for (const c of e.causes as Cause[]) {
      if (c.kind !== "rule") continue;
      const ok = c.path === "engine" ? ENGINE_RULES.includes(c.id) : seedRules.includes(c.id) || c.id.startsWith("open question: ");
      if (!ok) out.add(`${e.type}: ${c.id} (${c.path})`);
    }
  return [...out].sort();
}

for (const name of ["first-order", "guardianship", "daxam"]) {
  describe(`canon/${name}: every rule its events cite is its own`, () => {
    const world = preset(name).spec;
    const seedRules = world.canon!.seedRules;

    it("every piece an event can cite names seed rules of its own text, or one of the open questions its text lists, and nothing else", () => {
      expect(citationProblems(world, OPEN_QUESTIONS[name])).toEqual([]);
    });

    it("a question its text does not list, or a rule of another text beside a real question, is found", () => {
      const presentation = world.presentation;
      const foreign = name === "daxam" ? "GU-01" : "DX-02";
      const doctored = (piece: object): WorldSpec => ({ ...world, presentation: { ...presentation, ...piece } });
      expect(citationProblems(doctored({ rules: [foreign], question: OPEN_QUESTIONS[name][0] }), OPEN_QUESTIONS[name])).toEqual([`presentation: ${foreign} is not a rule of its text`]);
      expect(citationProblems(doctored({ question: "when designation presents (default 12 to 16 years)" }), OPEN_QUESTIONS[name])).toEqual([
        'presentation: "when designation presents (default 12 to 16 years)" is none of its text\'s open questions',
      ]);
    });


    it("every rule cited by the events of its example names a seed rule or an open question", () => {
      for (const seed of [1, 2, 3]) {
        const { log } = run(loadExample(EXAMPLES[name]), "2028-01-01", seed);
        expect(log.length).toBeGreaterThan(20);
        expect(strays(log, seedRules)).toEqual([]);
      }
    });

    it("so does every rule cited in a story with every kind of event and every institution enacted and repealed; and every cause is real", () => {
      for (const seed of [1, 2, 3]) {
        const project = everything(name);
        const { log } = run(project, "2028-01-01", seed);
        expect(log.filter((e) => e.causes.some((c) => c.kind === "rule")).length).toBeGreaterThan(30);
        expect(strays(log, seedRules)).toEqual([]);
        expect(causeProblems(project, log)).toEqual([]);
      }
    });
  });
}
