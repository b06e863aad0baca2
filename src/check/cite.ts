/** Causes for findings: the world's rules (by seed-rule id) and the project's own lines. */
import type { SourcePosition } from "../core/diagnostic.js";
import { formatDate, type Hour } from "../core/time.js";
import type { FindingCause } from "./finding.js";

type Cited = { rules?: readonly string[]; question?: string } | undefined;

/** One cause per seed rule a piece of the world cites (or one naming the piece, when it cites none). */
export function ruleSteps(piece: Cited, text: string, path: string): FindingCause[] {
  const ids = piece?.rules ?? [];
  if (ids.length === 0) return [{ text: piece?.question ? `${text} (open question ${piece.question})` : `${text} (world: ${path})` }];
  return [{ text: `${text} (rule ${ids.join(", ")})`, rule: ids[0] }];
}

/** A cause pointing at a line of the project file or a chapter. */
export function inputStep(text: string, at: SourcePosition | undefined): FindingCause {
  return at ? { text, file: at.file, line: at.line, column: at.column } : { text };
}

export const day = (hour: Hour): string => formatDate(hour);
