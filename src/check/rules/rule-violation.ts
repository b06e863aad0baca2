import type { Check, CheckContext, StoryFact } from "../check.js";
import { cycleBounds } from "../cycle-bounds.js";
import { ruleSteps } from "../cite.js";

export const ruleViolation: Check = {
  meta: {
    id: "rule-violation",
    severity: "error",
    description:
      "An event the world's rules forbid: a partner ending a cycle the world says that partner cannot resolve (in daxam a beta does not end a rut), a voice command obeyed by someone the world says resists it (or resisted by someone who cannot), a bond or match without the Visits an institution requires. A custom departed from is a warning; a law or a rule of nature broken is an error.",
    wrong: "World daxam. \"Imra, a beta, ends Mon-El's rut.\"",
    right: "\"Imra stays with Mon-El; his rut runs on for over a week.\"",
  },
  create(ctx) {
    const warned = new Set<string>();
    // Who the chapter says saw each person through a heat or rut ("Wenna saw him through it").
    const heatPartners = new Map<string, number>();
    return {
      fact(f) {
        if (f.kind === "courtship" && f.what === "heat-partner") heatPartners.set(`${f.chapter.index}:${f.a}`, f.b);
        if (f.kind === "cycle" && f.state === "ended") {
          const by = f.by ?? heatPartners.get(`${f.chapter.index}:${f.person}`);
          if (by !== undefined && by !== f.person) partnerEndsCycle(ctx, { ...f, by });
        } else if (f.kind === "voice" && f.outcome) voiceOutcome(ctx, f);
        else if (f.kind === "bite" || (f.kind === "courtship" && f.what === "match")) {
          const [a, b] = f.kind === "bite" ? [f.biter, f.bitten] : [f.a, f.b];
          const key = a < b ? `${a}:${b}` : `${b}:${a}`;
          if (!warned.has(key) && tooFewVisits(ctx, f, a, b)) warned.add(key);
        }
      },
    };
  },
};

function partnerEndsCycle(ctx: CheckContext, f: Extract<StoryFact, { kind: "cycle" }>): void {
  const spec = ctx.project.world.spec.cycles[f.cycle];
  if (!spec || f.by === undefined) return;
  const bounds = cycleBounds(ctx.project.world, spec, ctx.sim.view(f.person), ctx.sim.view(f.by));
  if (bounds.resolved !== false || !bounds.resolvedBy) return;
  const m = bounds.resolvedBy;
  ctx.report({
    fact: f,
    message: `the text has ${ctx.name(f.by)} end ${ctx.name(f.person)}'s ${f.cycle}, but in this world such a partner does not resolve it`,
    causes: ruleSteps(m, `modifier "${m.id}" (${m.when}): not resolved${m.returnAfter ? `; it returns after ${typeof m.returnAfter === "string" ? m.returnAfter : `${m.returnAfter.min}–${m.returnAfter.max}`}` : ""}`, `cycles.${f.cycle}.modifiers.${m.id}`),
    hint: `let the ${f.cycle} run its course, or give ${ctx.name(f.person)} a partner the world lets resolve it`,
  });
}

function voiceOutcome(ctx: CheckContext, f: Extract<StoryFact, { kind: "voice" }>): void {
  const world = ctx.project.world;
  const v = world.spec.influence?.voice;
  const speaker = ctx.name(f.speaker);
  const listener = ctx.name(f.target);
  if (!v) {
    ctx.report({ fact: f, severity: "warning", message: `this world has no voice, but ${speaker}'s command is ${f.outcome}`, causes: [{ text: "the world file has no influence.voice" }], hint: "add influence.voice to the world, or write it as an ordinary request" });
    return;
  }
  const sim = ctx.sim;
  if (!world.condition("person", v.speakers)({ person: sim.view(f.speaker) })) {
    ctx.report({ fact: f, message: `${speaker} uses the voice, but in this world ${speaker} cannot`, causes: ruleSteps(v, `who can use the voice: ${v.speakers}`, "influence.voice.speakers"), hint: "give the command to someone who has the voice" });
    return;
  }
  const resists = world.condition("influence", v.resists)({ speaker: sim.view(f.speaker), listener: sim.view(f.target), group: 1 });
  if (resists && f.outcome === "obeyed")
    ctx.report({ fact: f, message: `${listener} obeys ${speaker}'s voice, but in this world ${listener} resists it`, causes: ruleSteps(v, `who resists: ${v.resists}`, "influence.voice.resists"), hint: `have ${listener} resist, or change who gives the command` });
  else if (!resists && f.outcome === "resisted")
    ctx.report({ fact: f, severity: "warning", message: `${listener} resists ${speaker}'s voice, but in this world ${listener} cannot`, causes: ruleSteps(v, `who resists: ${v.resists}`, "influence.voice.resists"), hint: `have ${listener} obey, or say in the story why this time is different` });
}

/** Reports a bite or match with fewer Visits than an institution in force requires; true if reported. */
function tooFewVisits(ctx: CheckContext, f: StoryFact, a: number, b: number): boolean {
  const sim = ctx.sim;
  const count = Math.max(sim.institutions.visitsBetween(a, b), ctx.record.visitsTold(a, b));
  for (const [id, s] of sim.institutions.active("require-visits")) {
    if (!(sim.institutions.covers(s, a) || sim.institutions.covers(s, b)) || count >= (s.visits ?? 0)) continue;
    const law = s.kind === "law";
    const what = f.kind === "bite" ? "bond" : "match";
    ctx.report({
      fact: f,
      severity: law ? "error" : "warning",
      message: `a ${what} between ${ctx.name(a)} and ${ctx.name(b)} after ${count} chaperoned Visit${count === 1 ? "" : "s"}; ${law ? "the law" : "custom"} ("${id}") expects ${s.visits}`,
      causes: ruleSteps(s, `${law ? "law" : "custom"} "${id}": at least ${s.visits} chaperoned Visits before a match`, `institutions.${id}`),
      hint: law ? "add the Visits before the match" : "a custom can be broken; say so in the story, or add Visits",
    });
    return true;
  }
  return false;
}
