import type { Cause } from "../../sim/event.js";
import type { Check, CheckContext, StoryFact } from "../check.js";
import { ruleSteps } from "../cite.js";
import type { FindingCause } from "../finding.js";

type ScentFact = Extract<StoryFact, { kind: "scent" }>;

export const scentRange: Check = {
  meta: {
    id: "scent-range",
    severity: "error",
    description:
      "A scent perceived beyond its range, through a sealed connection, or while it is masked (suppressants that hide it). Where people are comes from the chapter's front matter (where, present), places the sentence names (\"from the cellar\"), or the project's schedule; distances are effective distances through the place graph, as the simulator uses them.",
    wrong: "Rey is in the house; Ben is in the Solo house 300 ft away, behind two doors. \"Rey smells Ben's alarm.\" (Alarm carries 30 ft.)",
    right: "Ben comes to the house first, or Rey hears of his alarm some other way.",
  },
  create(ctx) {
    return {
      fact(f) {
        if (f.kind !== "scent") return;
        const to = placeOf(ctx, f, f.perceiver, false);
        const from = placeOf(ctx, f, f.target, true);
        if (to === undefined || from === undefined) return;
        const sim = ctx.sim;
        const tell = f.tell && (ctx.project.world.spec.scent.tells[f.tell] || ctx.project.world.spec.cycles[f.tell]) ? f.tell : "signature";
        const what = tell === "signature" ? `${ctx.name(f.target)}'s scent` : `${ctx.name(f.target)}'s ${tell}`;
        const where = (p: number) => ctx.project.places[p];
        const masked = maskedBy(ctx, f, tell);
        if (masked) {
          ctx.report({ fact: f, message: `${ctx.name(f.perceiver)} smells ${what}, but ${ctx.name(f.target)} is on suppressants, which hide it`, causes: masked, hint: "take the suppressants away first, or have the scent noticed some other way" });
          return;
        }
        const distance = from === to ? 0 : sim.scent.graph.distance(from, to);
        const sealed = f.sealed || distance === Infinity;
        const { range, causes } = sim.scent.range(f.perceiver, f.target, tell, 1);
        if (!sealed && distance <= range) return;
        const path = from === to ? [] : sim.scent.graph.path(from, to).map(where);
        const message = sealed
          ? `${ctx.name(f.perceiver)} in ${where(to)} smells ${what} from ${where(from)}, but no scent passes between them${f.sealed ? " through a sealed door" : ""}`
          : `${ctx.name(f.perceiver)} in ${where(to)} smells ${what} from ${where(from)} at ${Math.round(distance)} ft (effective${path.length > 2 ? `, through ${path.join(" > ")}` : ""}), but it carries ${Math.round(range)} ft`;
        ctx.report({ fact: f, message, causes: [...placeCauses(ctx, f), ...fromCauses(causes)], hint: "bring them closer (change where: or present: in the front matter), or open the way between the places" });
      },
    };
  },
};

/** Where a person is for this fact: the sentence's place for the target, the chapter's for those present, else the project's. */
function placeOf(ctx: CheckContext, f: ScentFact, person: number, isTarget: boolean): number | undefined {
  if (isTarget && f.place !== undefined) return f.place;
  if (f.chapter.where !== undefined && (f.chapter.present.includes(person) || (!isTarget && f.chapter.pov === person))) return f.chapter.where;
  const p = ctx.sim.location[person];
  return p >= 0 ? p : undefined;
}

function placeCauses(ctx: CheckContext, f: ScentFact): FindingCause[] {
  return f.chapter.where !== undefined ? [{ text: `the chapter takes place in ${ctx.project.places[f.chapter.where]}`, file: f.chapter.file, line: 1, column: 1 }] : [];
}

function maskedBy(ctx: CheckContext, f: ScentFact, tell: string): FindingCause[] | undefined {
  const sup = ctx.project.world.spec.suppressants;
  const { on, told } = ctx.record.suppressants(f.target, ctx.sim.suppressed[f.target] === 1);
  if (!on || !sup?.hides?.includes(tell)) return undefined;
  return [...(told ? [ctx.cite(told, `"${told.quote}"`)] : []), ...ruleSteps(sup, `suppressants hide ${sup.hides.join(", ")}`, "suppressants.hides")];
}

/** The simulator's causes for a range, as finding causes (rule ids where the world cites them). */
function fromCauses(causes: readonly Cause[]): FindingCause[] {
  const out: FindingCause[] = [];
  for (const c of causes) {
    if (c.kind !== "rule") continue;
    const cited = /^[A-Z]{2,4}-\d+[a-z]?$/.test(c.id);
    out.push(cited ? { text: `range: rule ${c.id} (${c.path})`, rule: c.id } : { text: `range: ${c.id === c.path ? `world ${c.path}` : c.id}` });
  }
  return out;
}
