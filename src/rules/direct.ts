/**
 * Most world conditions are small: a field compared with a word, joined by && and ||. The
 * simulator tests them hundreds of thousands of times in a large run, so those shapes are turned
 * into plain functions here, once, from the checked CEL syntax tree. Anything outside that small
 * part of CEL is left to the CEL evaluator, which stays the reference: a property test holds the two
 * to the same answers.
 *
 * Only operations that cannot fail on well-typed values are taken (field reads, equality of like
 * scalars, number ordering, !, &&, ||, membership in a list), so the function needs no error
 * handling and && and || may short-circuit.
 */

/** The CEL syntax tree as @marcbachmann/cel-js gives it. */
interface Node {
  op: string;
  args: unknown;
}

type Scalar = "string" | "bool" | "double" | "int";
type Type = Scalar | "list<string>" | "person";
type Vars = Record<string, unknown>;
type Compiled = { type: Type; get: (vars: Vars) => unknown };

export interface DirectScope {
  /** Each variable's type: a person view, a string or a double. */
  variables: Readonly<Record<string, "person" | "string" | "double">>;
  /** The fields of a person view and their CEL types. */
  personFields: Readonly<Record<string, string>>;
  /** Named string constants (the world's vocabulary). */
  constants: ReadonlyMap<string, string>;
}

/** A plain function for the condition, or undefined when it is not of the small shapes handled here. */
export function directCondition(ast: unknown, scope: DirectScope): ((vars: Vars) => boolean) | undefined {
  const compiled = compile(ast as Node, scope);
  if (!compiled || compiled.type !== "bool") return undefined;
  const get = compiled.get;
  return (vars) => get(vars) === true;
}

function isNode(x: unknown): x is Node {
  return typeof x === "object" && x !== null && typeof (x as Node).op === "string";
}

const ORDERING: Record<string, (a: number, b: number) => boolean> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

function compile(node: Node, scope: DirectScope): Compiled | undefined {
  if (!isNode(node)) return undefined;
  const args = node.args;
  switch (node.op) {
    case "value":
      return literal(args);
    case "id": {
      const name = args as string;
      const type = scope.variables[name];
      if (type) return { type, get: (vars) => vars[name] };
      const value = scope.constants.get(name);
      return value === undefined ? undefined : { type: "string", get: () => value };
    }
    case ".": {
      const [object, field] = args as [Node, string];
      if (!isNode(object) || object.op !== "id" || scope.variables[object.args as string] !== "person") return undefined;
      const type = scope.personFields[field];
      if (type !== "string" && type !== "bool" && type !== "double" && type !== "list<string>") return undefined;
      const name = object.args as string;
      return { type, get: (vars) => (vars[name] as Record<string, unknown>)[field] };
    }
    case "!_": {
      const inner = compile(args as Node, scope);
      if (inner?.type !== "bool") return undefined;
      const get = inner.get;
      return { type: "bool", get: (vars) => !get(vars) };
    }
    case "-_": {
      const inner = compile(args as Node, scope);
      if (!inner || !isNumber(inner.type)) return undefined;
      const get = inner.get;
      return { type: inner.type, get: (vars) => -(get(vars) as number) };
    }
    case "&&":
    case "||": {
      const [a, b] = (args as Node[]).map((x) => compile(x, scope));
      if (a?.type !== "bool" || b?.type !== "bool") return undefined;
      const [ga, gb] = [a.get, b.get];
      return node.op === "&&" ? { type: "bool", get: (vars) => ga(vars) === true && gb(vars) === true } : { type: "bool", get: (vars) => ga(vars) === true || gb(vars) === true };
    }
    case "==":
    case "!=": {
      const [a, b] = (args as Node[]).map((x) => compile(x, scope));
      // Like scalars only: lists and mixed number types are left to CEL.
      if (!a || !b || a.type !== b.type || (a.type !== "string" && a.type !== "bool" && a.type !== "double")) return undefined;
      const [ga, gb] = [a.get, b.get];
      return node.op === "==" ? { type: "bool", get: (vars) => ga(vars) === gb(vars) } : { type: "bool", get: (vars) => ga(vars) !== gb(vars) };
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const [a, b] = (args as Node[]).map((x) => compile(x, scope));
      // Numbers only (strings order by code point in CEL, not as JavaScript compares them).
      if (!a || !b || !isNumber(a.type) || !isNumber(b.type)) return undefined;
      const [ga, gb] = [a.get, b.get];
      const order = ORDERING[node.op];
      return { type: "bool", get: (vars) => order(ga(vars) as number, gb(vars) as number) };
    }
    case "in": {
      const [item, list] = args as [Node, Node];
      const x = compile(item, scope);
      if (x?.type !== "string") return undefined;
      const gx = x.get;
      if (isNode(list) && list.op === "list") {
        // Words written out (or named constants), read once here.
        const written = (w: Node) => isNode(w) && (w.op === "value" || (w.op === "id" && !scope.variables[w.args as string]));
        if (!(list.args as Node[]).every(written)) return undefined;
        const words = (list.args as Node[]).map((w) => compile(w, scope));
        if (words.some((w) => w?.type !== "string")) return undefined;
        const set = new Set(words.map((w) => w!.get({}) as string));
        return { type: "bool", get: (vars) => set.has(gx(vars) as string) };
      }
      const l = compile(list, scope);
      if (l?.type !== "list<string>") return undefined;
      const gl = l.get;
      return { type: "bool", get: (vars) => (gl(vars) as string[]).includes(gx(vars) as string) };
    }
    default:
      return undefined;
  }
}

function isNumber(type: Type): boolean {
  return type === "double" || type === "int";
}

function literal(value: unknown): Compiled | undefined {
  if (typeof value === "string") return { type: "string", get: () => value };
  if (typeof value === "boolean") return { type: "bool", get: () => value };
  if (typeof value === "number") return { type: "double", get: () => value };
  // Whole numbers are CEL ints; only those a double holds exactly are taken (for ordering).
  if (typeof value === "bigint" && value >= -(2n ** 53n) && value <= 2n ** 53n) {
    const n = Number(value);
    return { type: "int", get: () => n };
  }
  return undefined;
}
