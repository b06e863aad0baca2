/**
 * YAML text with source positions. Every value a loader reads can be traced back to the
 * line and column it came from, which is what makes load errors point at the right place.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, SourcePosition } from "./diagnostic.js";

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface YamlSource {
  file: string;
  value: unknown;
  /** Position of the value at `path`; for `key: true`, the position of the key of the last segment. */
  locate(path: Path, options?: { key?: boolean }): SourcePosition;
}

/** Parses YAML, collecting syntax errors as diagnostics instead of throwing. */
export function parseYamlSource(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { file, line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    diagnostics.push({
      severity: "error",
      code: "yaml-syntax",
      message: `YAML syntax: ${firstLine(e.message)}`,
      hint: syntaxHint(e.code),
      at: pos(e.pos[0]),
    });
  }
  if (diagnostics.length > 0) return { diagnostics };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { diagnostics: [{ severity: "error", code: "yaml-syntax", message: `YAML: ${firstLine(String((e as Error).message))}`, at: pos(0) }] };
  }
  const locate = (path: Path, options?: { key?: boolean }): SourcePosition => {
    const found = findNode(doc, path, options?.key ?? false);
    return pos(found?.range?.[0] ?? 0);
  };
  return { source: { file, value, locate }, diagnostics };
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}

function syntaxHint(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "each key may appear once in a mapping; remove or rename the repeated one";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "check the indentation: nested entries are indented by the same number of spaces";
    case "TAB_AS_INDENT":
      return "YAML indentation uses spaces, not tabs";
    case "MULTILINE_IMPLICIT_KEY":
      return "a key and its colon must be on one line; quote text that contains ': '";
    default:
      return "check the line above and this one for a missing colon, quote or bracket";
  }
}

function findNode(doc: Document, path: Path, wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let lastGood: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return lastGood;
      if (isLast && wantKey) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else {
      return lastGood;
    }
    if (node && typeof node === "object" && "range" in node) lastGood = node as Node;
  }
  return lastGood;
}
