/**
 * Checks a value read from YAML against a TypeBox schema and turns every mismatch into a
 * diagnostic at the right line and column, in words a writer can act on.
 */
import { Kind, type TSchema } from "@sinclair/typebox";
import { Value, ValueErrorType, type ValueError } from "@sinclair/typebox/value";
import type { Diagnostic } from "./diagnostic.js";
import { didYouMean } from "./suggest.js";
import type { PathSegment, YamlSource } from "./yaml-source.js";

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function describePath(path: readonly PathSegment[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(top level)";
}

interface Options {
  /**
   * A file that `extends` another may leave out required fields (the parent supplies them) and may
   * set a field to null to remove the parent's value.
   */
  ignoreRequired?: boolean;
}

export function validateAgainst(schema: TSchema, source: YamlSource, options: Options = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // Checking is several times quicker than listing errors; a large valid file only pays for the check.
  const errors = Value.Check(schema, source.value) ? [] : Value.Errors(schema, source.value);
  for (const error of errors) {
    // A missing field also fails its type check; the "required" error alone says it better.
    if (error.value === undefined && error.type !== ValueErrorType.ObjectRequiredProperty) continue;
    if (error.value === null && options.ignoreRequired) continue;
    const d = toDiagnostic(schema, source, error, options);
    if (!d) continue;
    const key = `${d.at?.line}:${d.at?.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  checkNames(schema, source, source.value, [], out);
  return out;
}

const NAME_PATTERN = "^[a-zA-Z][a-zA-Z0-9-]*$";

/**
 * A mapping of names passes a key its pattern does not match without looking at its value at all:
 * report such keys, so that every entry the loader goes on to use has been checked.
 */
function checkNames(s: TSchema, source: YamlSource, value: unknown, path: PathSegment[], out: Diagnostic[]): void {
  if (!value || typeof value !== "object") return;
  const kind = kindOf(s);
  if (kind === "Union") {
    for (const member of s.anyOf as TSchema[]) if (Value.Check(member, value)) return checkNames(member, source, value, path, out);
  } else if (kind === "Object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (s.properties?.[k]) checkNames(s.properties[k], source, v, [...path, k], out);
  } else if (kind === "Record" && !Array.isArray(value)) {
    const [pattern, child] = Object.entries(s.patternProperties ?? {})[0] as [string, TSchema];
    for (const [k, v] of Object.entries(value)) {
      if (new RegExp(pattern).test(k)) checkNames(child, source, v, [...path, k], out);
      else
        out.push({
          severity: "error",
          code: "bad-value",
          message: `${describePath(path)}: "${k}" is not a valid name here`,
          hint: pattern === NAME_PATTERN ? 'a name starts with a letter and has only letters, digits and dashes, e.g. "pre-heat"' : `a name here has the form ${pattern}`,
          at: source.locate([...path, k], { key: true }),
        });
    }
  } else if (kind === "Array" && Array.isArray(value)) {
    value.forEach((v, i) => checkNames(s.items as TSchema, source, v, [...path, i], out));
  }
}

function toDiagnostic(root: TSchema, source: YamlSource, e: ValueError, options: Options): Diagnostic | undefined {
  const path = pointerToPath(e.path);
  const where = describePath(path);
  const hint = (e.schema as Record<string, unknown>)["x-hint"] as string | undefined;
  switch (e.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const name = String(path[path.length - 1]);
      const parent = schemaAt(root, path.slice(0, -1));
      const known = parent?.properties ? Object.keys(parent.properties) : [];
      return {
        severity: "error",
        code: "unknown-field",
        message: `unknown field "${name}"${parentName(path)}`,
        hint: didYouMean(name, known) ?? (known.length ? `known fields here: ${known.join(", ")}` : "remove this field"),
        at: source.locate(path, { key: true }),
      };
    }
    case ValueErrorType.ObjectRequiredProperty: {
      if (options.ignoreRequired) return undefined;
      const name = String(path[path.length - 1]);
      return {
        severity: "error",
        code: "missing-field",
        message: `missing required field "${name}"${parentName(path)}`,
        hint: `add "${name}:" here${describeSchema(e.schema)}`,
        at: source.locate(path.slice(0, -1)),
      };
    }
    case ValueErrorType.Union:
    case ValueErrorType.String:
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
    case ValueErrorType.Boolean:
    case ValueErrorType.Object:
    case ValueErrorType.Array:
    case ValueErrorType.Literal:
      return {
        severity: "error",
        code: "wrong-type",
        message: `${where}: expected ${expected(e.schema)}, got ${shown(e.value)}`,
        hint: typeHint(e.schema, hint),
        at: source.locate(path),
      };
    case ValueErrorType.StringPattern:
      return {
        severity: "error",
        code: "bad-value",
        message: `${where}: "${String(e.value)}" is not ${(e.schema as { description?: string }).description ?? "in the expected form"}`,
        hint,
        at: source.locate(path),
      };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.NumberExclusiveMaximum:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
      return {
        severity: "error",
        code: "out-of-range",
        message: `${where}: ${String(e.value)} is out of range (${rangeText(e.schema)})`,
        hint: hint ?? `use a number ${rangeText(e.schema)}`,
        at: source.locate(path),
      };
    case ValueErrorType.ArrayMinItems:
    case ValueErrorType.StringMinLength:
      return { severity: "error", code: "empty", message: `${where}: must not be empty`, at: source.locate(path) };
    default:
      return { severity: "error", code: "invalid", message: `${where}: ${e.message}`, hint, at: source.locate(path) };
  }
}

/**
 * How to write a value of the right type. A number's own hint is about its range (an age of
 * majority "cannot be below 18"), which says nothing to someone who wrote a word: say how to write
 * the number instead.
 */
function typeHint(s: TSchema, hint: string | undefined): string {
  const kind = kindOf(s);
  if (kind === "Number" || kind === "Integer") {
    const range = rangeText(s);
    const r = s as { minimum?: number; exclusiveMinimum?: number; maximum?: number };
    const example = r.minimum ?? (r.exclusiveMinimum !== undefined ? r.exclusiveMinimum + 1 : (r.maximum ?? 1));
    return `write ${expected(s)} in digits${range ? ` (${range})` : ""}, without quotes, e.g. ${example}`;
  }
  if (kind === "Boolean") return "write true or false, without quotes";
  return hint ?? `write ${expected(s)} here`;
}

function parentName(path: readonly PathSegment[]): string {
  return path.length > 1 ? ` in ${describePath(path.slice(0, -1))}` : "";
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  return `${typeof v} ${String(v)}`;
}

function expected(s: TSchema): string {
  const kind = kindOf(s);
  switch (kind) {
    case "String":
      return "text";
    case "Number":
      return "a number";
    case "Integer":
      return "a whole number";
    case "Boolean":
      return "true or false";
    case "Object":
      return "a mapping (key: value lines)";
    case "Record":
      return "a mapping of names";
    case "Array":
      return "a list";
    case "Literal":
      return `"${String((s as { const?: unknown }).const)}"`;
    case "Union":
      return (s as { description?: string }).description ?? "one of the allowed forms";
    default:
      return "another value";
  }
}

function describeSchema(s: TSchema): string {
  const d = (s as { description?: string }).description;
  return d ? ` (${d})` : "";
}

function rangeText(s: TSchema): string {
  const r = s as { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number };
  const parts: string[] = [];
  if (r.minimum !== undefined) parts.push(`at least ${r.minimum}`);
  if (r.exclusiveMinimum !== undefined) parts.push(`more than ${r.exclusiveMinimum}`);
  if (r.maximum !== undefined) parts.push(`at most ${r.maximum}`);
  if (r.exclusiveMaximum !== undefined) parts.push(`less than ${r.exclusiveMaximum}`);
  return parts.join(" and ");
}

/** The schema of the value at `path`, following objects, records and arrays. */
export function schemaAt(root: TSchema, path: readonly PathSegment[]): TSchema | undefined {
  let s: TSchema | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    const kind = kindOf(s);
    if (kind === "Object") s = s.properties?.[String(seg)];
    else if (kind === "Record") s = Object.values(s.patternProperties ?? {})[0] as TSchema | undefined;
    else if (kind === "Array") s = s.items as TSchema;
    else return undefined;
  }
  return s;
}

/** Visits every string in `value` whose schema carries `key` (e.g. x-expression), with its path. */
export function walkMarked(root: TSchema, value: unknown, key: string, visit: (mark: unknown, text: string, path: PathSegment[]) => void, path: PathSegment[] = []): void {
  const mark = (root as Record<string, unknown>)[key];
  if (mark !== undefined && typeof value === "string") {
    visit(mark, value, path);
    return;
  }
  const kind = kindOf(root);
  if (kind === "Union") {
    for (const s of root.anyOf as TSchema[]) if (Value.Check(s, value)) walkMarked(s, value, key, visit, path);
  } else if (kind === "Object" && value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const child = root.properties?.[k];
      if (child) walkMarked(child, v, key, visit, [...path, k]);
    }
  } else if (kind === "Record" && value && typeof value === "object") {
    const child = Object.values(root.patternProperties ?? {})[0] as TSchema;
    for (const [k, v] of Object.entries(value)) walkMarked(child, v, key, visit, [...path, k]);
  } else if (kind === "Array" && Array.isArray(value)) {
    value.forEach((v, i) => walkMarked(root.items as TSchema, v, key, visit, [...path, i]));
  }
}

function kindOf(s: TSchema): unknown {
  return (s as unknown as Record<symbol, unknown>)[Kind];
}
