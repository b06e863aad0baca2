import { formatDuration, yearsBetween } from "../../core/time.js";
import { distBounds } from "../../model/dist.js";
import type { CycleSpec } from "../../world/schema.js";
import type { Check, CheckContext, StoryFact } from "../check.js";
import { cycleBounds } from "../cycle-bounds.js";
import { day, ruleSteps } from "../cite.js";
import { article } from "./designation-mismatch.js";

type CycleFact = Extract<StoryFact, { kind: "cycle" }>;

/** One told episode of a person's cycle: its facts so far. */
interface Episode {
  facts: CycleFact[];
  began?: CycleFact;
  ended?: CycleFact;
}

/** Chapters are dated by the day: allow a day either way before calling a timing impossible. */
const SLACK = 24;

export const cycleTiming: Check = {
  meta: {
    id: "cycle-timing",
    severity: "error",
    description:
      "A heat or rut in the text where the world's cycle and its modifiers say none can be: too soon after the last one, while suppressants block it, before the person's first, or for someone whose designation has no such cycle; or none where one must be (a heat over sooner than the world's shortest). Timings use the world's bounds (shortest period, shortest and longest length under the modifiers that hold), never a single simulated draw.",
    wrong: "Classic world (heat every 3–5 months). Chapter of 2026-03-01: \"Rey's heat ends.\" Chapter of 2026-03-20: \"Rey is in heat.\"",
    right: "The second heat comes in June or later, or the first chapter is about something else.",
  },
  create(ctx) {
    const episodes = new Map<string, Episode[]>();
    return {
      fact(f) {
        if (f.kind !== "cycle") return;
        const spec = ctx.project.world.spec.cycles[f.cycle];
        if (!spec || wrongPerson(ctx, f, spec)) return;
        const key = `${f.person}:${f.cycle}`;
        const list = episodes.get(key) ?? [];
        episodes.set(key, list);
        const current = list[list.length - 1];
        const bounds = boundsFor(ctx, f, spec);
        const prelude = spec.prelude?.duration ? distBounds(spec.prelude.duration)[1] : 0;
        if (f.state === "none") {
          if (current?.began && !current.ended && f.hour - current.began.hour < bounds.duration[0] - SLACK)
            report(ctx, f, `${ctx.name(f.person)} is said not to be in ${f.cycle} on ${day(f.hour)}, but the ${f.cycle} that began on ${day(current.began.hour)} lasts at least ${formatDuration(bounds.duration[0])}`, bounds, spec, current.began);
          return;
        }
        if (f.state === "active" || f.state === "began") {
          if (blocked(ctx, f, spec, bounds)) return;
          const open = current && !current.ended && f.hour - current.facts[0].hour <= bounds.duration[1] + prelude + SLACK;
          if (open && f.state !== "began" && !f.again) {
            current.facts.push(f);
            return;
          }
          if (current) tooSoon(ctx, f, current, bounds, spec);
          list.push({ facts: [f], began: f.state === "began" ? f : undefined });
          return;
        }
        // Ended: the length it ran must fit the world's bounds.
        const episode = current && !current.ended ? current : undefined;
        if (!episode) {
          list.push({ facts: [f], ended: f });
          return;
        }
        episode.facts.push(f);
        episode.ended = f;
        const start = episode.began ?? undefined;
        if (start && f.hour - start.hour < bounds.duration[0] - SLACK)
          report(ctx, f, `${ctx.name(f.person)}'s ${f.cycle} ends on ${day(f.hour)}, ${formatDuration(f.hour - start.hour)} after it began; it lasts at least ${formatDuration(bounds.duration[0])}`, bounds, spec, start);
      },
    };
  },
};

/** A cycle for someone whose designation has none, or too young for a first one. */
function wrongPerson(ctx: CheckContext, f: CycleFact, spec: CycleSpec): boolean {
  const person = ctx.project.people[f.person];
  const designation = person.spec.designation ?? ctx.sim.designationOf(f.person);
  if (designation && spec.designation !== designation) {
    report(ctx, f, `${ctx.name(f.person)} is ${article(designation)}, but in this world ${f.cycle} is a cycle of ${spec.designation}s`, undefined, spec);
    return true;
  }
  const first = spec.firstAt ? distBounds(spec.firstAt)[0] : undefined;
  if (first !== undefined && person.born !== undefined && f.hour - person.born < first - SLACK) {
    report(ctx, f, `${ctx.name(f.person)} is ${yearsBetween(person.born, f.hour)} on ${day(f.hour)}; in this world a first ${f.cycle} comes no earlier than ${formatDuration(first)} of age`, undefined, spec);
    return true;
  }
  return false;
}

/** Whether the person is on suppressants then: the project's state, unless the chapters said otherwise since. */
function suppressedThen(ctx: CheckContext, f: CycleFact) {
  return ctx.record.suppressants(f.person, ctx.sim.suppressed[f.person] === 1);
}

function boundsFor(ctx: CheckContext, f: CycleFact, spec: CycleSpec) {
  const sim = ctx.sim;
  const partner = f.by ?? (sim.mate[f.person] >= 0 ? sim.mate[f.person] : sim.partner[f.person]);
  const self = { ...sim.view(f.person), suppressed: suppressedThen(ctx, f).on };
  return cycleBounds(ctx.project.world, spec, self, sim.view(partner));
}

/** In a cycle while suppressants (or a skipping modifier) rule it out. */
function blocked(ctx: CheckContext, f: CycleFact, spec: CycleSpec, bounds: ReturnType<typeof boundsFor>): boolean {
  const sup = ctx.project.world.spec.suppressants;
  const { on, told } = suppressedThen(ctx, f);
  if (on && sup?.blocks?.includes(f.cycle)) {
    const causes = ruleSteps(sup, `suppressants block ${sup.blocks.join(" and ")}`, "suppressants.blocks");
    if (told) causes.unshift(ctx.cite(told, `"${told.quote}"`));
    ctx.report({ fact: f, message: `${ctx.name(f.person)} is in ${f.cycle} on ${day(f.hour)} while taking suppressants, which block it in this world`, causes, hint: "have the suppressants stop or fail first (\"she misses her suppressants\"), or move the scene" });
    return true;
  }
  if (bounds.skip) {
    report(ctx, f, `${ctx.name(f.person)} is in ${f.cycle} on ${day(f.hour)}, but modifier "${bounds.skip.id}" (${bounds.skip.when}) means none comes`, bounds, spec);
    return true;
  }
  return false;
}

function tooSoon(ctx: CheckContext, f: CycleFact, previous: Episode, bounds: ReturnType<typeof boundsFor>, spec: CycleSpec): void {
  const [minPeriod] = bounds.period;
  const [, maxLength] = bounds.duration;
  const returns = spec.modifiers?.filter((m) => m.returnAfter && !previous.ended?.by).map((m) => distBounds(m.returnAfter!)[0]) ?? [];
  // Start to start is at least the shortest period; from the last word of the previous one, less its longest length.
  const knownStart = previous.began && f.state === "began";
  const gap = knownStart ? f.hour - previous.began!.hour : f.hour - previous.facts[previous.facts.length - 1].hour;
  const needed = knownStart ? minPeriod : minPeriod - maxLength;
  if (gap >= needed - SLACK) return;
  // An unresolved cycle may come back soon (daxam: about three days after a rut with a beta).
  if (previous.ended && returns.some((r) => f.hour - previous.ended!.hour >= r - SLACK)) return;
  const last = previous.facts[previous.facts.length - 1];
  report(ctx, f, `${ctx.name(f.person)}'s ${f.cycle} on ${day(f.hour)} comes too soon: the last was told on ${day(last.hour)}, and in this world the next cannot start before ${day(last.hour + Math.max(0, needed))}`, bounds, spec, last);
}

function report(ctx: CheckContext, f: CycleFact, message: string, bounds: ReturnType<typeof boundsFor> | undefined, spec: CycleSpec, earlier?: CycleFact): void {
  const [pMin, pMax] = bounds?.period ?? distBounds(spec.period);
  const causes = [];
  if (earlier) causes.push(ctx.cite(earlier, `"${earlier.quote}" (${day(earlier.hour)})`));
  causes.push(...ruleSteps(spec, `${f.cycle}: every ${formatDuration(pMin)}–${formatDuration(pMax)}, lasting ${bounds ? `${formatDuration(bounds.duration[0])}–${formatDuration(bounds.duration[1])}` : "as the world says"}`, `cycles.${f.cycle}`));
  for (const m of bounds?.modifiers ?? []) causes.push(...ruleSteps(m, `modifier "${m.id}" holds (${m.when})`, `cycles.${f.cycle}.modifiers.${m.id}`));
  ctx.report({ fact: f, message, causes, hint: "move the chapter's date, or change what the text says of the cycle" });
}
