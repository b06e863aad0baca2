/**
 * "Why did this happen?": walks an event's causes back through earlier events to the world's
 * rules and the project's inputs.
 */
import { formatDateTime } from "../core/time.js";
import type { Cause, SimEvent } from "./event.js";

export interface ExplanationNode {
  event: SimEvent;
  rules: Extract<Cause, { kind: "rule" }>[];
  inputs: Extract<Cause, { kind: "input" }>[];
  because: ExplanationNode[];
  /** True where the event was already explained higher up the tree. */
  seen?: boolean;
  /** Earlier causes left out at the depth limit. */
  more?: number;
}

/**
 * A long story chains causes a long way back; `depth` limits how far the tree goes (the cut
 * branches are marked `more`).
 */
export function explain(log: readonly SimEvent[], id: string, depth = 40): ExplanationNode | undefined {
  const byId = new Map(log.map((e) => [e.id, e]));
  const visited = new Set<string>();
  const walk = (e: SimEvent, left: number): ExplanationNode => {
    if (visited.has(e.id)) return { event: e, rules: [], inputs: [], because: [], seen: true };
    visited.add(e.id);
    const rules = e.causes.filter((c): c is Extract<Cause, { kind: "rule" }> => c.kind === "rule");
    const inputs = e.causes.filter((c): c is Extract<Cause, { kind: "input" }> => c.kind === "input");
    const earlier = e.causes.filter((c) => c.kind === "event" && byId.has(c.id)).map((c) => byId.get(c.id)!);
    if (left <= 0 && earlier.length > 0) return { event: e, rules, inputs, because: [], more: earlier.length };
    return { event: e, rules, inputs, because: earlier.map((x) => walk(x, left - 1)) };
  };
  const root = byId.get(id);
  return root ? walk(root, depth) : undefined;
}

export function explanationText(node: ExplanationNode, depth = 0): string[] {
  const pad = "  ".repeat(depth);
  const lines = [`${pad}${depth === 0 ? "" : "← "}${node.event.id} ${formatDateTime(node.event.hour)}  ${node.event.text}${node.seen ? " (see above)" : ""}`];
  if (node.seen) return lines;
  for (const r of node.rules) lines.push(`${pad}    rule ${r.id}${r.id !== r.path ? `  (${r.path})` : ""}`);
  for (const i of node.inputs) lines.push(`${pad}    input ${i.id}${i.at ? `  ${i.at.file}:${i.at.line}:${i.at.column}` : ""}`);
  for (const b of node.because) lines.push(...explanationText(b, depth + 1));
  if (node.more) lines.push(`${pad}  ← … ${node.more} earlier cause${node.more === 1 ? "" : "s"} (explain that event to go further)`);
  return lines;
}
