import type { InstitutionSpec } from "../../world/schema.js";
import type { Check, CheckContext } from "../check.js";
import { day, ruleSteps } from "../cite.js";
import type { FindingCause } from "../finding.js";

export const lawInForce: Check = {
  meta: {
    id: "law-in-force",
    severity: "error",
    description:
      "A legal act the institutions in force on the chapter's date do not allow: an emancipation by law before the reform that grants it, a sale or a person still held enslaved after slavery is abolished, an appointment to a role the person's designation is barred from. A law broken is an error; a custom departed from is a warning.",
    wrong: "Abolition takes force on 2026-06-01. Chapter dated 2026-03-01: \"Kara is emancipated by the new law.\"",
    right: "The chapter is dated on or after 2026-06-01, or Kara's owner frees her (\"Mon-El frees Kara.\").",
  },
  create(ctx) {
    const institutions = Object.entries(ctx.project.world.spec.institutions ?? {});
    const freeing = institutions.filter(([, s]) => s.effect === "legal-status" && s.status === "free");
    const { sim } = ctx;
    return {
      fact(f) {
        const who = (p: number) => ctx.name(p);
        if (f.kind === "freed") {
          // Already free in the story by then (by a law in force or the schedule): the text agrees.
          if (sim.status[f.person] !== "enslaved") return;
          // An owner freeing someone is lawful anywhere; freedom that comes from a law needs the law.
          if (f.by !== undefined) return;
          const pending = freeing.filter(([id]) => !isInForce(ctx, id));
          if (!f.byLaw && pending.length === 0) return;
          ctx.report({
            fact: f,
            message: `${who(f.person)} is ${f.byLaw ? "freed by law" : "emancipated"} on ${day(f.hour)}, but no law in force then frees ${who(f.person)}`,
            causes: pending.length ? pending.flatMap(([id, s]) => whenInForce(ctx, id, s)) : [{ text: "the world has no law that frees people" }],
            hint: "date the chapter on or after the reform, or have the owner free them",
          });
        } else if (f.kind === "sold" || f.kind === "enslaved") {
          const ban = freeing.find(([id, s]) => s.kind === "law" && isInForce(ctx, id) && (sim.status[f.person] !== "enslaved" || sim.institutions.covers(s, f.person)));
          if (!ban) return;
          const what = f.kind === "sold" ? `the sale of ${who(f.person)}` : `${who(f.person)} held enslaved`;
          ctx.report({ fact: f, message: `${what} on ${day(f.hour)}: "${ban[0]}" is in force and no one is enslaved under it`, causes: whenInForce(ctx, ban[0], ban[1]), hint: "date the chapter before the reform, or change the scene" });
        } else if (f.kind === "appointed") {
          for (const [id, s] of institutions) {
            if (s.effect !== "bar-role" || (s.role !== f.role && !s.roles?.includes(f.role)) || !isInForce(ctx, id) || !sim.institutions.covers(s, f.person)) continue;
            const law = s.kind === "law";
            ctx.report({
              fact: f,
              severity: law ? "error" : "warning",
              message: `${who(f.person)} is appointed to ${f.role.replace(/-/g, " ")} on ${day(f.hour)}, which "${id}" bars ${who(f.person)} from${law ? "" : " by custom"}`,
              causes: whenInForce(ctx, id, s),
              hint: law ? "date the appointment after the bar is lifted, or change the scene" : "a custom can be broken: say so in the story, or turn this check to warn",
            });
          }
        }
      },
    };
  },
};

function isInForce(ctx: CheckContext, id: string): boolean {
  return ctx.sim.institutions.isInForce(id);
}

/** Why an institution is (or is not yet) in force: its dates and the schedule's acts. */
function whenInForce(ctx: CheckContext, id: string, spec: InstitutionSpec): FindingCause[] {
  const acts = ctx.project.schedule.filter((e) => (e.spec.type === "enact" || e.spec.type === "repeal") && e.spec.institution === id);
  const dates = [spec.from ? `from ${spec.from}` : "", spec.until ? `until ${spec.until}` : "", ...acts.map((e) => `${e.spec.type === "enact" ? "enacted" : "repealed"} ${day(e.hour)}`)].filter(Boolean);
  const kind = spec.kind === "law" ? "law" : "custom";
  return ruleSteps(spec, `${kind} "${id}"${spec.description ? `: ${spec.description}` : ""}${dates.length ? ` (${dates.join(", ")})` : ""}`, `institutions.${id}`);
}

