/**
 * One finding type for every problem Scentline reports: load errors, refusals, warnings.
 * A diagnostic always says what is wrong and, where it can, where (file:line:col) and how to fix it.
 */
export type Severity = "error" | "warning" | "info";

export interface SourcePosition {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
}

export interface Diagnostic {
  severity: Severity;
  /** Stable id, e.g. `yaml-syntax`, `unknown-field`, `under-age`. */
  code: string;
  message: string;
  hint?: string;
  at?: SourcePosition;
}

export function formatPosition(at: SourcePosition | undefined): string {
  return at ? `${at.file}:${at.line}:${at.column}` : "";
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${formatPosition(d.at)}: ` : "";
  const hint = d.hint ? `\n  hint: ${d.hint}` : "";
  return `${where}${d.severity} [${d.code}] ${d.message}${hint}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Thrown by library entry points when input cannot be used; carries every diagnostic found. */
export class ScentlineError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "ScentlineError";
  }
}
