/**
 * Loads a world file: YAML with positions → schema check → `extends` resolved and merged →
 * names cross-checked → every condition compiled. Collects all problems rather than stopping
 * at the first; never throws for a user's mistake.
 */
import { Value, ValueErrorType } from "@sinclair/typebox/value";
import type { Diagnostic, SourcePosition } from "../core/diagnostic.js";
import { hasErrors } from "../core/diagnostic.js";
import { getAt, resolveWorldRef, type SourceReader } from "../core/io.js";
import { didYouMean } from "../core/suggest.js";
import { describePath, pointerToPath, validateAgainst, walkMarked } from "../core/validate.js";
import { parseYamlSource, type Path, type YamlSource } from "../core/yaml-source.js";
import { CONTEXT_NAMES, ExpressionCompiler, isProblem, PERSON_FIELDS, type Condition } from "../rules/expr.js";
import { mergeWorlds } from "./merge.js";
import { World as WorldSchema, type ExpressionContext, type WorldSpec } from "./schema.js";
import { checkWorldNames } from "./names.js";
import { nearMissWarnings } from "./near-miss.js";
import { CANON_TEXTS, CANON_VALUES } from "./canon-texts.js";

export interface World {
  readonly spec: WorldSpec;
  readonly id: string;
  readonly ageOfMajority: number;
  /** The axis that holds designations (secondary sex). */
  readonly designationAxis: string;
  readonly designations: readonly string[];
  /** Files read, the world's own first. */
  readonly files: readonly string[];
  condition(context: ExpressionContext, text: string): Condition;
  locate(path: Path): SourcePosition | undefined;
}

/** The engine's floor: no world can make anyone younger than this an adult. */
export const MINIMUM_AGE_OF_MAJORITY = 18;

export interface WorldLoad {
  world?: World;
  diagnostics: Diagnostic[];
}

interface Layer {
  source: YamlSource;
  value: Record<string, unknown>;
}

/**
 * Loaded worlds kept between loads of the same files: a project checked again after an edit to a
 * chapter, or a draft checked round after round, need not parse and compile its world each time.
 * A world is reused only while every file it was read from still says the same.
 */
export class WorldCache {
  private readonly loads = new Map<string, { texts: (string | undefined)[]; load: WorldLoad }>();

  load(path: string, io: SourceReader, from?: SourcePosition): WorldLoad {
    const hit = this.loads.get(path);
    if (hit?.load.world && hit.load.world.files.every((file, i) => io.read(file) === hit.texts[i])) return hit.load;
    const load = loadWorld(path, io, from);
    // A load with anything to say is not kept: its messages point at the file that named it.
    if (load.world && load.diagnostics.length === 0) this.loads.set(path, { texts: load.world.files.map((file) => io.read(file)), load });
    else this.loads.delete(path);
    return load;
  }

  /** Keeps a world loaded elsewhere from these files, as read through `io` now. */
  remember(world: World, io: SourceReader): void {
    this.loads.set(world.files[0], { texts: world.files.map((file) => io.read(file)), load: { world, diagnostics: [] } });
  }
}

/** `from` is where the world was named (a project's `world:` line), for an unreadable file's error. */
export function loadWorld(path: string, io: SourceReader, from?: SourcePosition): WorldLoad {
  const diagnostics: Diagnostic[] = [];
  const layers: Layer[] = [];
  readLayers(path, io, [], layers, diagnostics, () => from);
  if (hasErrors(diagnostics) || layers.length === 0) return { diagnostics };

  // Merge from the root preset down to the file asked for, keeping what each file inherits.
  let merged: unknown = {};
  const inherited = new Map<Layer, unknown>();
  for (const layer of [...layers].reverse()) {
    inherited.set(layer, merged);
    merged = mergeWorlds(merged, layer.value);
  }
  const spec = merged as Record<string, unknown>;
  delete spec.extends;
  delete spec.$schema;
  const top = layers[0];
  const locate = (p: Path): SourcePosition | undefined => {
    for (const layer of layers) {
      const own = layerPath(spec, layer.value, p);
      if (own && getAt(layer.value, own) !== undefined) return layer.source.locate(own);
    }
    return undefined;
  };

  // Required fields are checked on the merged world: a parent may supply them.
  for (const e of Value.Errors(WorldSchema, spec)) {
    if (e.type !== ValueErrorType.ObjectRequiredProperty) continue;
    const path = pointerToPath(e.path);
    const name = String(path[path.length - 1]);
    const owner = path.slice(0, -1);
    diagnostics.push({
      severity: "error",
      code: "missing-field",
      message: `missing required field "${name}"${owner.length ? ` in ${describePath(owner)}` : ""}`,
      hint: misspeltKeyHint(layers, owner) ?? `add "${name}:" to ${top.source.file}, or extend a preset that has it (extends: classic)`,
      at: locate(owner) ?? top.source.locate([]),
    });
  }
  // Each file was checked on its own; what merging made of them must fit the schema too.
  if (!hasErrors(diagnostics) && !Value.Check(WorldSchema, spec)) {
    const merged: YamlSource = { file: top.source.file, value: spec, locate: (p) => locate(p) ?? top.source.locate([]), textStart: () => undefined };
    diagnostics.push(...validateAgainst(WorldSchema, merged));
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  const world = spec as unknown as WorldSpec;
  // A new entry named almost like an inherited one (cycles.haet beside heat) is likely a slip; an
  // item to be removed where nothing of its id is inherited (in a world that extends none, too) removes nothing.
  for (const layer of layers) {
    diagnostics.push(...nearMissWarnings(WorldSchema, layer.value, inherited.get(layer), (p, key) => layer.source.locate(p, { key })));
  }

  diagnostics.push(...checkWorldNames(world, locate));

  const axis = world.presentation.axis;
  const designations = world.axes[axis]?.values ?? [];
  const vocabulary = Object.values(world.axes).flatMap((a) => a.values);
  const compiler = new ExpressionCompiler(vocabulary);
  walkMarked(WorldSchema, world, "x-expression", (context, text, p) => {
    const r = compiler.compile(context as ExpressionContext, text);
    if (isProblem(r)) {
      const at = locate(p);
      const start = r.column !== undefined ? textStart(layers, spec, p) : undefined;
      diagnostics.push({
        severity: "error",
        code: "bad-expression",
        message: `in the condition "${text}": ${r.message}`,
        hint: expressionHint(r.message, vocabulary, context as ExpressionContext),
        at: start && r.column !== undefined ? { ...start, column: start.column + r.column } : at,
      });
    }
  });
  if (hasErrors(diagnostics)) return { diagnostics };

  const result: World = {
    spec: deepFreeze(world),
    id: world.id,
    ageOfMajority: Math.max(MINIMUM_AGE_OF_MAJORITY, world.ageOfMajority),
    designationAxis: axis,
    designations,
    files: layers.map((l) => l.source.file),
    condition(context, text) {
      const c = compiler.compile(context, text);
      if (isProblem(c)) throw new Error(`condition "${text}" was not checked at load: ${c.message}`);
      return c;
    },
    locate,
  };
  return { world: result, diagnostics };
}

/** Each canon preset's value as JSON, by its text (the tests hold each file to the schema; the merged world is checked at every load). */
let canonByText: Map<string, string> | undefined;

/** One world file parsed and checked against the schema on its own. */
function readLayer(path: string, text: string): { layer?: Layer; diagnostics: Diagnostic[] } {
  canonByText ??= new Map(Object.entries(CANON_TEXTS).map(([name, yaml]) => [yaml, CANON_VALUES[name]]));
  const canon = canonByText.get(text);
  // A preset as shipped: its YAML is parsed only if a position in it is asked for.
  if (canon !== undefined) {
    const value = JSON.parse(canon) as Record<string, unknown>;
    return { layer: { source: lazySource(path, text, value), value }, diagnostics: [] };
  }
  const { source, diagnostics } = parseYamlSource(path, text);
  if (!source) return { diagnostics };
  if (source.value === null || typeof source.value !== "object" || Array.isArray(source.value)) {
    return { diagnostics: [...diagnostics, { severity: "error", code: "wrong-type", message: "a world file must be a mapping (key: value lines)", at: source.locate([]) }] };
  }
  const value = source.value as Record<string, unknown>;
  const parentRef = typeof value.extends === "string" ? value.extends : undefined;
  return { layer: { source, value }, diagnostics: [...diagnostics, ...validateAgainst(WorldSchema, source, { ignoreRequired: parentRef !== undefined })] };
}

/** A source whose positions come from parsing its text when first asked for. */
function lazySource(file: string, text: string, value: unknown): YamlSource {
  let parsed: YamlSource | undefined;
  const source = () => (parsed ??= parseYamlSource(file, text).source!);
  return { file, value, locate: (path, options) => source().locate(path, options), textStart: (path) => source().textStart(path) };
}

/**
 * A file's path as `io` resolves references: the same file named relatively ("c3.yaml") and as
 * another file's `extends` resolves it ("/home/w/c3.yaml") gives the same key.
 */
function fileKey(io: SourceReader, path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return io.resolve(path, `./${path.slice(cut + 1)}`);
}

/** A file on the way up an `extends` chain, by its key (see fileKey). */
interface ChainLink {
  key: string;
}

/**
 * A file's path from the folder of another (both keys as fileKey gives them), as an `extends` line
 * in that folder would name it: every file of an extends circle is shown the same way.
 */
function pathFrom(base: string, key: string): string {
  const from = base.split(/[\\/]+/).slice(0, -1);
  const to = key.split(/[\\/]+/);
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  if (k === 0) return key; // another root (a Windows drive): no path leads there
  return [...new Array<string>(from.length - k).fill(".."), ...to.slice(k)].join("/");
}

/** `from`: where the file is named (looked up only for an error: finding a position can mean parsing a preset). */
function readLayers(path: string, io: SourceReader, stack: ChainLink[], layers: Layer[], diagnostics: Diagnostic[], from: () => SourcePosition | undefined): void {
  const text = io.read(path);
  if (text === undefined) {
    diagnostics.push({ severity: "error", code: "file-not-found", message: `cannot read the world file: ${io.whyUnreadable?.(path) ?? path}`, hint: "check the path; it is relative to the file that names it", at: from() });
    return;
  }
  const read = readLayer(path, text);
  diagnostics.push(...read.diagnostics);
  if (!read.layer) return;
  const { source, value } = read.layer;
  const parentRef = typeof value.extends === "string" ? value.extends : undefined;
  layers.push(read.layer);
  if (!parentRef) return;
  const at = () => source.locate(["extends"]);
  const parentPath = resolveWorldRef(io, path, parentRef);
  if (!parentPath) {
    diagnostics.push({
      severity: "error",
      code: "unknown-preset",
      message: `no canon preset is called "${parentRef}"`,
      hint: didYouMean(parentRef, io.presets()) ?? `presets: ${io.presets().join(", ")}; or give a path ending in .yaml`,
      at: at(),
    });
    return;
  }
  const chain = [...stack, { key: fileKey(io, path) }];
  const again = chain.find((link) => link.key === fileKey(io, parentPath));
  if (again) {
    // Each file by its path from the folder of the file asked for.
    const shown = [...chain, again].map((link) => pathFrom(chain[0].key, link.key));
    diagnostics.push({
      severity: "error",
      code: "extends-cycle",
      message: `"extends" goes round in a circle: ${shown.join(" → ")}`,
      hint: "a world may extend another only if that one does not, directly or further up, extend it back",
      at: at(),
    });
    return;
  }
  readLayers(parentPath, io, chain, layers, diagnostics, at);
}

/**
 * A new, incomplete entry in a mapping of names (cycles.hieat) is most often a misspelling of an
 * entry a parent world has (cycles.heat): say so.
 */
function misspeltKeyHint(layers: Layer[], owner: Path): string | undefined {
  if (owner.length < 2 || typeof owner[owner.length - 1] !== "string") return undefined;
  const key = String(owner[owner.length - 1]);
  const parentPath = owner.slice(0, -1);
  const known = new Set<string>();
  for (const layer of layers.slice(1)) {
    const m = getAt(layer.value, parentPath);
    if (m && typeof m === "object" && !Array.isArray(m)) Object.keys(m).forEach((k) => known.add(k));
  }
  if (known.has(key)) return undefined;
  const guess = didYouMean(key, known);
  return guess ? `"${key}" is new here and incomplete: ${guess}` : undefined;
}

/**
 * The same place in one file's own value as `p` in the merged world. Lists merged by id hold their
 * items in another order than the file that wrote them (a new modifier comes after the parent's):
 * such an index is looked up by the item's id. Undefined when the file has no such item.
 */
function layerPath(merged: unknown, own: unknown, p: Path): Path | undefined {
  const out: (string | number)[] = [];
  let m = merged;
  let o = own;
  for (const seg of p) {
    if (typeof seg === "number" && Array.isArray(m) && Array.isArray(o)) {
      const id = (m[seg] as { id?: unknown } | undefined)?.id;
      const i = typeof id === "string" ? ((o[seg] as { id?: unknown } | undefined)?.id === id ? seg : o.findIndex((x) => (x as { id?: unknown } | null)?.id === id)) : seg;
      if (i < 0) return undefined;
      out.push(i);
      m = m[seg];
      o = o[i];
    } else {
      out.push(seg);
      m = getAt(m, [seg]);
      o = getAt(o, [seg]);
    }
  }
  return out;
}

/** Where an expression's text begins in the file that wrote it: inside the quotes, if quoted. */
function textStart(layers: Layer[], merged: unknown, p: Path): SourcePosition | undefined {
  for (const layer of layers) {
    const own = layerPath(merged, layer.value, p);
    if (own && getAt(layer.value, own) !== undefined) return layer.source.textStart(own);
  }
  return undefined;
}

function expressionHint(message: string, vocabulary: string[], context: ExpressionContext): string {
  const m = /unknown name "([^"]+)"/.exec(message);
  if (m) {
    const names = [...vocabulary.map((v) => v.replace(/-/g, "_")), ...contextNames(context)];
    return didYouMean(m[1], names) ?? `names here: ${contextNames(context).join(", ")}; designations and other axis values: ${vocabulary.join(", ")}`;
  }
  const f = /unknown field "([^"]+)"/.exec(message);
  if (f) return didYouMean(f[1], PERSON_FIELDS) ?? `a person has: ${PERSON_FIELDS.join(", ")}`;
  return "conditions are CEL: compare with ==, combine with && and ||, e.g. self.designation == omega && !self.suppressed";
}

function contextNames(context: ExpressionContext): string[] {
  return CONTEXT_NAMES[context];
}
function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
