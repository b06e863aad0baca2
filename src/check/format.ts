/**
 * Findings as text: pretty (the line with a caret under the words, then the explanation chain),
 * JSON (the Finding objects, documented in docs/check.md) and SARIF 2.1.0 for code-review tools.
 */
import type { Severity } from "../core/diagnostic.js";
import type { CheckMeta } from "./check.js";
import type { Finding } from "./finding.js";

export interface PrettyStyle {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
}

/** `lineText(file, line)` gives the source line to quote; `path(file)` how to show a file name. */
export function formatPretty(findings: readonly Finding[], lineText: (file: string, line: number) => string | undefined, c: PrettyStyle, path: (file: string) => string = (f) => f): string {
  const out: string[] = [];
  for (const f of findings) {
    const label = f.severity === "error" ? c.red("error") : f.severity === "warning" ? c.yellow("warning") : c.cyan("info");
    out.push(`${c.bold(`${path(f.file)}:${f.line}:${f.column}`)} ${label} ${f.message} ${c.dim(`[${f.ruleId}]`)}`);
    const text = f.evidence ? lineText(f.file, f.line) : undefined;
    if (text !== undefined) {
      const gutter = String(f.line);
      const width = f.endLine === f.line ? Math.max(1, f.endColumn - f.column) : Math.max(1, text.length - f.column + 1);
      out.push(`  ${c.dim(gutter + " |")} ${text}`);
      out.push(`  ${" ".repeat(gutter.length)}${c.dim(" |")} ${" ".repeat(Math.max(0, f.column - 1))}${c.red("^".repeat(width))}`);
    }
    for (const cause of f.causes) {
      const where = cause.file ? c.dim(` (${path(cause.file)}:${cause.line}:${cause.column})`) : "";
      out.push(`  ${c.dim("because")} ${cause.text}${where}`);
    }
    if (f.hint) out.push(`  ${c.dim("hint:")} ${f.hint}`);
    out.push("");
  }
  return out.join("\n");
}

export function summary(findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  return `${n(count("error"), "error")}, ${n(count("warning"), "warning")}, ${n(count("info"), "info finding")}`;
}

export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings, null, 2) + "\n";
}

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** SARIF 2.1.0: one run, the checks as rules, findings as results with file-relative locations. */
export function formatSarif(findings: readonly Finding[], rules: readonly CheckMeta[], version: string, uri: (file: string) => string): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "scentline",
            version,
            informationUri: "https://github.com/scentline/scentline",
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description.split(/(?<=\.)\s/)[0] },
              fullDescription: { text: r.description },
              help: { text: `Wrong: ${r.wrong}\nRight: ${r.right}` },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.hint ? `${f.message}. ${f.hint}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1), ...(f.evidence ? { snippet: { text: f.evidence } } : {}) },
              },
            },
          ],
          ...(f.causes.length
            ? {
                relatedLocations: f.causes.map((c, id) => ({
                  id,
                  message: { text: c.text },
                  ...(c.file ? { physicalLocation: { artifactLocation: { uri: uri(c.file) }, region: { startLine: c.line ?? 1, startColumn: c.column ?? 1 } } } : {}),
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
