/**
 * Cross-checks inside a world: every axis, designation, tell, cycle and role a rule names must
 * exist, and no rule may contradict itself (a range whose minimum is above its maximum).
 */
import type { Diagnostic, SourcePosition } from "../core/diagnostic.js";
import { didYouMean } from "../core/suggest.js";
import { parseDate, parseDuration } from "../core/time.js";
import type { Path } from "../core/yaml-source.js";
import { pieceAt } from "./coverage.js";
import type { WorldSpec } from "./schema.js";

type Locate = (p: Path) => SourcePosition | undefined;

export function checkWorldNames(w: WorldSpec, locate: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const unknown = (kind: string, name: string, known: string[], path: Path) =>
    out.push({
      severity: "error",
      code: "unknown-name",
      message: `unknown ${kind} "${name}"`,
      hint: didYouMean(name, known) ?? (known.length ? `known ${kind}s: ${known.join(", ")}` : `declare the ${kind} first`),
      at: locate(path),
    });
  const contradiction = (message: string, hint: string, path: Path) => out.push({ severity: "error", code: "contradiction", message, hint, at: locate(path) });

  const axes = Object.keys(w.axes);
  const designations = w.axes[w.presentation.axis]?.values ?? [];
  const tells = ["signature", ...Object.keys(w.scent.tells)];
  const cycles = Object.keys(w.cycles);
  const roles = Object.keys(w.roles ?? {});

  for (const [name, sp] of Object.entries(w.species)) sp.axes.forEach((a, i) => axes.includes(a) || unknown("axis", a, axes, ["species", name, "axes", i]));
  if (!(w.defaultSpecies in w.species)) unknown("species", w.defaultSpecies, Object.keys(w.species), ["defaultSpecies"]);
  if (!axes.includes(w.presentation.axis)) unknown("axis", w.presentation.axis, axes, ["presentation", "axis"]);
  if (!w.presentation.atBirth && !w.presentation.age)
    contradiction("presentation has neither an age range nor atBirth: true", "add age: { min: 12y, max: 16y } or atBirth: true", ["presentation"]);
  if (w.presentation.atBirth && w.presentation.age)
    contradiction("presentation is both at birth and at an age", "keep atBirth: true or the age range, not both", ["presentation", "age"]);
  checkRange(w.presentation.age, ["presentation", "age"], contradiction);
  for (const [d] of Object.entries(w.strength ?? {})) if (!designations.includes(d)) unknown("designation", d, designations, ["strength", d]);

  for (const [name, c] of Object.entries(w.cycles)) {
    const at = (...p: Path) => ["cycles", name, ...p];
    if (!designations.includes(c.designation)) unknown("designation", c.designation, designations, at("designation"));
    checkRange(c.firstAt, at("firstAt"), contradiction);
    for (const key of ["period", "duration"] as const) if (typeof c[key] === "object") checkRange(c[key] as { min: string; max: string }, at(key), contradiction);
    const phases = c.prelude ? [c.prelude, ...c.phases] : c.phases;
    phases.forEach((p, i) => {
      const path = c.prelude && i === 0 ? at("prelude") : at("phases", c.prelude ? i - 1 : i);
      if (p.tell && !tells.includes(p.tell)) unknown("tell", p.tell, tells, [...path, "tell"]);
    });
    const open = c.phases.filter((p) => !p.duration).length;
    if (open > 1) contradiction(`cycle "${name}" has ${open} phases without a duration`, "only the last phase may leave out its duration: it takes what is left", at("phases"));
    (c.modifiers ?? []).forEach((m, i) => {
      if (m.skip && (m.period || m.duration || m.resolved !== undefined))
        contradiction(`modifier "${m.id}" both skips the cycle and changes it`, "a skipped cycle has no length; remove skip or the other effects", at("modifiers", i));
      for (const key of ["period", "duration"] as const) {
        const adj = m[key];
        if (adj && [adj.factor, adj.set, adj.add].filter((x) => x !== undefined).length !== 1)
          contradiction(`modifier "${m.id}" ${key}: give exactly one of factor, set or add`, "e.g. period: { factor: 0.5 }", at("modifiers", i, key));
      }
    });
  }
  const sup = w.suppressants;
  sup?.blocks?.forEach((c, i) => cycles.includes(c) || unknown("cycle", c, cycles, ["suppressants", "blocks", i]));
  sup?.hides?.forEach((t, i) => tells.includes(t) || unknown("tell", t, tells, ["suppressants", "hides", i]));
  if (sup?.breakthrough && !tells.includes(sup.breakthrough.tell)) unknown("tell", sup.breakthrough.tell, tells, ["suppressants", "breakthrough", "tell"]);
  if (w.bonds.annulment && !cycles.includes(w.bonds.annulment.cycle)) unknown("cycle", w.bonds.annulment.cycle, cycles, ["bonds", "annulment", "cycle"]);
  const pr = w.influence?.pressure?.rounds;
  if (pr && pr.min > pr.max) contradiction("pressure rounds: min is above max", "make min at most max", ["influence", "pressure", "rounds"]);

  for (const [id, inst] of Object.entries(w.institutions ?? {})) {
    const at = (...p: Path) => ["institutions", id, ...p];
    const need = (field: keyof typeof inst, example: string) => {
      if (inst[field] === undefined) out.push({ severity: "error", code: "missing-field", message: `institution "${id}" (${inst.effect}) needs "${String(field)}"`, hint: `add ${example}`, at: locate(at()) });
    };
    if (inst.effect === "appoint-guardian") need("guardian", 'guardian: "person.designation == beta"');
    if (inst.effect === "require-visits") need("visits", "visits: 8");
    if ((inst.effect === "bar-role" || inst.effect === "discharge") && !inst.roles) need("role", "role: royal-guard");
    if (inst.effect === "conscript") need("role", "role: conscript");
    if (inst.effect === "bar-pairing") need("pair", 'pair: "self.designation == alpha && partner.designation == beta"');
    if (inst.acts && inst.effect !== "bar-pairing")
      out.push({ severity: "warning", code: "field-not-read", message: `institution "${id}" (${inst.effect}) has "acts", which only a bar-pairing institution reads`, hint: "remove acts, or make the effect bar-pairing", at: locate(at("acts")) });
    if (inst.effect === "legal-status") need("status", "status: free");
    if (inst.effect === "succession") need("by", "by: strength");
    if (inst.role && !roles.includes(inst.role)) unknown("role", inst.role, roles, at("role"));
    inst.roles?.forEach((r, k) => roles.includes(r) || unknown("role", r, roles, at("roles", k)));
    for (const key of ["from", "until"] as const) {
      const d = inst[key];
      if (d && parseDate(d) === undefined) out.push({ severity: "error", code: "bad-value", message: `"${d}" is not a date on the calendar`, hint: "check the day and month", at: locate(at(key)) });
    }
    if (inst.from && inst.until && inst.from >= inst.until) contradiction(`institution "${id}" ends before it starts`, "make until later than from", at("until"));
  }

  if (w.canon) {
    const seed = new Set(w.canon.seedRules);
    for (const id of Object.keys(w.canon.notModelled ?? {}))
      if (!seed.has(id)) unknown("seed rule", id, [...seed], ["canon", "notModelled", id]);
    for (const path of Object.keys(w.canon.assumed ?? {}))
      if (pieceAt(w, path) === undefined)
        out.push({ severity: "error", code: "unknown-name", message: `canon.assumed names "${path}", which is not a piece of this world`, hint: "name a piece by its dotted path, e.g. scent.tells.heat or presentation", at: locate(["canon", "assumed", path]) });
  }
  return out;
}

function checkRange(r: { min: string; max: string } | undefined, path: Path, contradiction: (m: string, h: string, p: Path) => void): void {
  if (!r) return;
  const min = parseDuration(r.min);
  const max = parseDuration(r.max);
  if (min !== undefined && max !== undefined && min > max) contradiction(`the range's min (${r.min}) is above its max (${r.max})`, "swap them, or make min at most max", path);
}
