/**
 * YAML text with source positions. Every value a loader reads can be traced back to the
 * line and column it came from, which is what makes load errors point at the right place.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import type { Diagnostic, SourcePosition } from "./diagnostic.js";

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface YamlSource {
  file: string;
  value: unknown;
  /** Position of the value at `path`; for `key: true`, the position of the key of the last segment. */
  locate(path: Path, options?: { key?: boolean }): SourcePosition;
  /**
   * Where the text of the one-line scalar at `path` begins: its first character, inside the quote
   * if it is quoted. Undefined when there is no such scalar.
   */
  textStart(path: Path): SourcePosition | undefined;
}

/** Parses YAML, collecting syntax errors as diagnostics instead of throwing. */
export function parseYamlSource(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  // Tags beyond the core schema (!!binary, !!set, !foo) are left unresolved, the same in every build
  // of the library, and refused below: a Scentline file holds plain values only.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: "error", resolveKnownTags: false });
  const pos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { file, line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<Node>();
  // A bracket or quote left open is noticed where the text runs out; point at the opening one.
  const errors = doc.errors.map((e) => ({ e, open: unclosed(doc, e, reported) }));
  // What comes after an opening left unclosed is read as part of it, and fails in many ways that
  // all come from the one cause: say the cause first, and not what follows from it.
  // (The line on which the opening's text runs out is taken in too: it is read as a continuation.)
  const lineEnd = (offset: number) => (text.indexOf("\n", offset) < 0 ? text.length : text.indexOf("\n", offset));
  const explained = (e: YAMLError) => errors.some(({ open }) => open !== undefined && e.pos[0] > open.at && e.pos[0] <= lineEnd(open.end));
  for (const { e, open } of [...errors.filter((x) => x.open), ...errors.filter((x) => !x.open && !explained(x.e))]) {
    diagnostics.push({
      severity: "error",
      code: "yaml-syntax",
      message: `YAML syntax: ${firstLine(e.message)}`,
      hint: open ? open.hint : syntaxHint(e.code),
      at: pos(open ? open.at : e.pos[0]),
    });
  }
  for (const w of doc.warnings) {
    if (w.code !== "TAG_RESOLVE_FAILED") continue;
    const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, "!!") ?? "this tag";
    diagnostics.push({ severity: "error", code: "yaml-syntax", message: `YAML: unknown tag ${tag}`, hint: "Scentline files hold plain text, numbers, lists and mappings: remove the tag", at: pos(w.pos[0]) });
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
  const textStart = (path: Path): SourcePosition | undefined => {
    const found = findNode(doc, path, false, true);
    if (!isScalar(found) || !found.range) return undefined;
    const [start, end] = found.range;
    if (text.slice(start, end).includes("\n")) return undefined;
    if (found.type === "QUOTE_DOUBLE" || found.type === "QUOTE_SINGLE") return pos(start + 1);
    return found.type === "PLAIN" ? pos(start) : undefined;
  };
  return { source: { file, value, locate, textStart }, diagnostics };
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

/**
 * The flow collection or quoted text that `e` says was never closed, innermost first: where it
 * opens, and where the text it took in ends.
 */
function unclosed(doc: Document, e: YAMLError, reported: Set<Node>): { at: number; end: number; hint: string } | undefined {
  const m = /^(Flow map|Flow sequence) .*end with an? ([\]}])|^Missing closing (["'])quote/.exec(e.message);
  if (!m) return undefined;
  let best: Node | undefined;
  visit(doc, {
    Node(_, n) {
      if (reported.has(n) || !n.range || n.range[1] !== e.pos[0]) return;
      const fits = m[1]
        ? isCollection(n) && n.flow === true && isMap(n) === (m[1] === "Flow map")
        : isScalar(n) && n.type === (m[3] === '"' ? "QUOTE_DOUBLE" : "QUOTE_SINGLE");
      if (fits && (!best || n.range[0] > best.range![0])) best = n;
    },
  });
  if (!best) return undefined;
  reported.add(best);
  const [opening, closing] = m[1] ? [m[2] === "}" ? "{" : "[", m[2]] : [m[3], m[3]];
  return { at: best.range![0], end: best.range![1], hint: `the ${opening} here is never closed: add ${closing} where it ends` };
}

function findNode(doc: Document, path: Path, wantKey: boolean, exact = false): Node | undefined {
  let node: unknown = doc.contents;
  let lastGood: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return exact ? undefined : lastGood;
      if (isLast && wantKey) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else {
      return exact ? undefined : lastGood;
    }
    if (node && typeof node === "object" && "range" in node) lastGood = node as Node;
    else if (exact) return undefined;
  }
  return lastGood;
}
