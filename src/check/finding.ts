/**
 * One finding type for everything `scentline check` reports, from every check and from loading
 * the project and its chapters. Its JSON form is the `--format json` output (documented in
 * docs/check.md); keep the field names stable.
 */
import type { Severity } from "../core/diagnostic.js";

/** One step of a finding's explanation: a rule of the world, an input line, or a fact from a chapter. */
export interface FindingCause {
  /** What this step says, in a sentence ("Rey's heat ended on 2026-03-01"). */
  text: string;
  /** The world's rule id (a seed-rules id such as GU-07), when the step is a rule. */
  rule?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The words the finding is about, quoted from the file. */
  evidence: string;
  causes: FindingCause[];
  hint?: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by file, then line and column, then rule id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      ORDER[a.severity] - ORDER[b.severity] ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
