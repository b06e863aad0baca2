/**
 * What an event's causes must be: an earlier event of the log; a rule that names a piece of the
 * world that exists, by its path, and one of that piece's seed rules or its open question (or the
 * path itself, for a piece that cites nothing); one of the engine's own rules; or an input that is
 * a real line of the project: a schedule entry by its index and type, a relation, a cast entry.
 */
import type { Cause, SimEvent } from "../../src/sim/event.js";
import type { Project } from "../../src/story/load.js";
import { pieceAt, type Cited } from "../../src/world/coverage.js";

/** The engine's rules, which no world file holds: the adults-only guard, and unbreakable bonds where a world says nothing. */
export const ENGINE_RULES = ["adults-only", "bonds-unbreakable-by-default"];

function ruleProblem(project: Project, c: Extract<Cause, { kind: "rule" }>): string | undefined {
  if (c.path === "engine") return ENGINE_RULES.includes(c.id) ? undefined : `an engine rule the engine does not have: ${c.id}`;
  const piece = pieceAt(project.world.spec, c.path);
  if (piece === undefined) return `no ${c.path} in the world`;
  // The piece whose rules are cited: the path's own, or for a field (influence.voice.calms, bonds.effects.scentMerge) the piece holding it.
  const holders = [piece, pieceAt(project.world.spec, c.path.split(".").slice(0, -1).join("."))];
  const names = (p: unknown) => {
    const cited = (p ?? {}) as Cited;
    return [...(cited.rules ?? []), ...(cited.question ? [`open question: ${cited.question}`] : [])];
  };
  if (c.id === c.path || holders.some((p) => typeof p === "object" && names(p).includes(c.id))) return undefined;
  return `${c.path} does not cite ${c.id}`;
}

function inputProblem(project: Project, c: Extract<Cause, { kind: "input" }>): string | undefined {
  const ids = project.people.map((p) => p.id);
  let m = /^schedule\[(\d+)\] (\S+)$/.exec(c.id);
  if (m) {
    const entry = project.schedule.find((e) => e.index === Number(m![1]));
    if (!entry) return `no schedule[${m[1]}] in the project`;
    if (entry.spec.type !== m[2]) return `schedule[${m[1]}] is a ${entry.spec.type}, not a ${m[2]}`;
    if (c.at && c.at.line !== entry.at.line) return `schedule[${m[1]}] is on line ${entry.at.line}, not ${c.at.line}`;
    return undefined;
  }
  m = /^relations: (\S+) (\S+) – (\S+)$/.exec(c.id);
  if (m) {
    const found = project.relations.find((r) => r.kind === m![1] && ids[r.a] === m![2] && ids[r.b] === m![3]);
    return found ? undefined : `no relation ${m[1]} between ${m[2]} and ${m[3]}`;
  }
  m = /^cast: (\S+)$/.exec(c.id);
  if (m) return ids.includes(m[1]) ? undefined : `no one in the cast is ${m[1]}`;
  return `an input of no known kind: ${c.id}`;
}

/** Every cause in the log that does not name something real, with the event that cites it. */
export function causeProblems(project: Project, log: readonly SimEvent[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const e of log) {
    for (const c of e.causes) {
      const problem = c.kind === "event" ? (seen.has(c.id) ? undefined : `${c.id} is not earlier in the log`) : c.kind === "rule" ? ruleProblem(project, c) : inputProblem(project, c);
      if (problem) out.add(`${e.type}: ${problem}`);
    }
    seen.add(e.id);
  }
  return [...out].sort();
}
