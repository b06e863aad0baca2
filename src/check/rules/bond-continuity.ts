import type { Check } from "../check.js";
import { day, inputStep } from "../cite.js";

export const bondContinuity: Check = {
  meta: {
    id: "bond-continuity",
    severity: "error",
    description:
      "A bond mark, a named mate or feelings felt through a bond, for a person with no bite before it (in the project's relations and schedule, or told in an earlier chapter); or a bond still acting after it broke.",
    wrong: "No bite between Ben and Rey anywhere. Chapter 2: \"Rey touches her bond mark.\"",
    right: "Chapter 1 or the schedule has the bite (\"Ben bites Rey.\") before chapter 2.",
  },
  create(ctx) {
    const { sim } = ctx;
    return {
      fact(f) {
        if (f.kind !== "bonded") return;
        const who = ctx.name(f.person);
        const mateText = f.mate !== undefined ? ` to ${ctx.name(f.mate)}` : "";
        const told = ctx.record.lastBite(f.person, f.mate);
        const toldBreak = ctx.record.lastBreak(f.person);
        const simBroken = lastOf(sim.log, (e) => e.type === "bond-broken" && e.people.includes(sim.ids[f.person]) && (f.mate === undefined || e.people.includes(sim.ids[f.mate])));
        const simBonded = sim.mate[f.person] >= 0 && (f.mate === undefined || sim.mate[f.person] === f.mate);
        const lastBite = told && (!toldBreak || compare(told, toldBreak) > 0) ? told : undefined;
        if (simBonded || lastBite) return;
        if (toldBreak || simBroken) {
          const when = toldBreak ? ctx.cite(toldBreak, `the bond broke: "${toldBreak.quote}"`) : { text: `the bond broke on ${day(simBroken!.hour)} (${simBroken!.text})` };
          ctx.report({ fact: f, message: `${who}'s bond${mateText} is still acting on ${day(f.hour)}, but it broke before then`, causes: [when], hint: "remove the bonded behaviour, or a new bite must come first" });
          return;
        }
        const later = ctx.project.schedule.find((e) => e.spec.type === "bite" && [e.who, ...e.with].includes(f.person) && (f.mate === undefined || [e.who, ...e.with].includes(f.mate)));
        ctx.report({
          fact: f,
          message: `${who} is bonded${mateText} on ${day(f.hour)}, but no bite comes before it`,
          causes: later ? [inputStep(`the schedule has the bite on ${day(later.hour)}, after this chapter`, later.at)] : [{ text: `no bite${mateText ? ` between ${who} and ${ctx.name(f.mate!)}` : ` of ${who}`} in the project's relations, schedule or earlier chapters` }],
          hint: "tell the bite in an earlier chapter, add it to the schedule (type: bite), or add a bond to relations:",
        });
      },
    };
  },
};

/** Story order of two facts: by hour, then by chapter, then by place in the chapter. */
function compare(a: { hour: number; chapter: { index: number }; span: { start: number } }, b: typeof a): number {
  return a.hour - b.hour || a.chapter.index - b.chapter.index || a.span.start - b.span.start;
}

function lastOf<T>(list: readonly T[], test: (x: T) => boolean): T | undefined {
  for (let k = list.length - 1; k >= 0; k--) if (test(list[k])) return list[k];
  return undefined;
}
