/**
 * Conditions in world files are CEL expressions (Common Expression Language): safe, side-effect
 * free, and type-checked here once at load time against the world's own vocabulary, so a misspelt
 * field or designation is a load error with its position, never a surprise mid-simulation.
 */
import { Environment } from "@marcbachmann/cel-js";
import type { ExpressionContext } from "../world/schema.js";
import { directCondition } from "./direct.js";

/** What a condition can see of a person. Every field is always present. */
export interface PersonView {
  id: string;
  name: string;
  exists: boolean;
  species: string;
  designation: string; // "" while unpresented or where the species lacks the axis
  alignment: string;
  presented: boolean;
  age: number; // years, fractional
  /** Of age: the birth date is known and the person has reached the world's age of majority. */
  adult: boolean;
  traits: string[];
  roles: string[];
  /** The level of the most senior ranked role the person holds (a role's rank.level), 0 for none. */
  rank: number;
  bonded: boolean;
  mate: string;
  matched: boolean;
  suppressed: boolean;
  status: string;
  owner: string;
  location: string;
  strength: number;
  cycle: string; // the cycle the person is in now, or ""
  phase: string;
  /** In a cycle that is going unresolved (no partner who can resolve it). */
  unresolved: boolean;
  /** Under stress: their scent shows distress (a `stress` event lasts three days). */
  stressed: boolean;
}

const PERSON_SCHEMA = {
  id: "string",
  name: "string",
  exists: "bool",
  species: "string",
  designation: "string",
  alignment: "string",
  presented: "bool",
  age: "double",
  adult: "bool",
  traits: "list<string>",
  roles: "list<string>",
  rank: "double",
  bonded: "bool",
  mate: "string",
  matched: "bool",
  suppressed: "bool",
  status: "string",
  owner: "string",
  location: "string",
  strength: "double",
  cycle: "string",
  phase: "string",
  unresolved: "bool",
  stressed: "bool",
} as const;

export const PERSON_FIELDS = Object.keys(PERSON_SCHEMA);

export const NO_PERSON: PersonView = {
  id: "",
  name: "",
  exists: false,
  species: "",
  designation: "",
  alignment: "",
  presented: false,
  age: 0,
  adult: false,
  traits: [],
  roles: [],
  rank: 0,
  bonded: false,
  mate: "",
  matched: false,
  suppressed: false,
  status: "",
  owner: "",
  location: "",
  strength: 0,
  cycle: "",
  phase: "",
  unresolved: false,
  stressed: false,
};

const CONTEXT_VARIABLES: Record<ExpressionContext, Record<string, "person" | "string" | "double">> = {
  person: { person: "person" },
  cycle: { self: "person", partner: "person" },
  perception: { perceiver: "person", target: "person", tell: "string", intensity: "double" },
  influence: { speaker: "person", listener: "person", group: "double" },
};

export const CONTEXT_NAMES: Record<ExpressionContext, string[]> = Object.fromEntries(
  Object.entries(CONTEXT_VARIABLES).map(([k, v]) => [k, Object.keys(v)]),
) as Record<ExpressionContext, string[]>;

export type Condition = ((vars: Record<string, unknown>) => boolean) & { source: string };

export interface ExpressionProblem {
  message: string;
  /** 0-based column in the expression text, when CEL reports one. */
  column?: number;
}

/** One environment per context, with each vocabulary word (alpha, omega, …) a string constant. */
export class ExpressionCompiler {
  private readonly envs = new Map<string, Environment>();
  /** One cache per context, keyed by the expression text itself (its hash is computed once). */
  private readonly cache = new Map<ExpressionContext, Map<string, Condition>>();

  /** The vocabulary as CEL names: each word with "-" written "_". */
  private readonly constants = new Map<string, string>();

  /** `direct`: small conditions become plain functions (off only to compare with CEL itself). */
  constructor(
    vocabulary: readonly string[],
    private readonly direct = true,
  ) {
    for (const word of vocabulary) {
      const name = word.replace(/-/g, "_");
      if (/^[a-z_][a-z0-9_]*$/.test(name) && !this.constants.has(name)) this.constants.set(name, word);
    }
  }

  /**
   * Two environments per context: a typed one checks every field name at load; a plain one
   * evaluates, reading fields straight from the view objects without converting them.
   */
  private env(context: ExpressionContext, typed: boolean): Environment {
    const key = `${context}:${typed}`;
    let env = this.envs.get(key);
    if (env) return env;
    env = new Environment();
    const variables = CONTEXT_VARIABLES[context];
    for (const [name, type] of Object.entries(variables)) {
      if (type === "person") env.registerVariable(typed ? { name, schema: { ...PERSON_SCHEMA } } : { name, type: "map" });
      else env.registerVariable(name, type);
    }
    for (const [name, word] of this.constants) if (!(name in variables)) env.registerConstant(name, "string", word);
    this.envs.set(key, env);
    return env;
  }

  /** Compiles and type-checks; returns the condition or the problem. */
  compile(context: ExpressionContext, text: string): Condition | ExpressionProblem {
    let byText = this.cache.get(context);
    if (!byText) this.cache.set(context, (byText = new Map()));
    const cached = byText.get(text);
    if (cached) return cached;
    let evaluate: ((vars: Record<string, unknown>) => unknown) & { ast?: unknown };
    try {
      const checked = this.env(context, true).check(text) as { valid: boolean; type?: string; error?: Error };
      if (!checked.valid) return problemOf(checked.error);
      if (checked.type !== "bool" && checked.type !== "dyn") return { message: `the condition gives a ${checked.type}, not true or false` };
      evaluate = this.env(context, false).parse(text) as unknown as typeof evaluate;
    } catch (e) {
      return problemOf(e);
    }
    const direct = this.direct ? directCondition(evaluate.ast, { variables: CONTEXT_VARIABLES[context], personFields: PERSON_SCHEMA, constants: this.constants }) : undefined;
    // A condition that fails at run time (an index past a list's end, say) is false: it does not hold.
    const condition = (direct ??
      ((vars: Record<string, unknown>) => {
        try {
          return evaluate(vars) === true;
        } catch {
          return false;
        }
      })) as Condition;
    Object.defineProperty(condition, "source", { value: text });
    byText.set(text, condition);
    return condition;
  }
}

function problemOf(e: unknown): ExpressionProblem {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split("\n");
  const caretLine = lines.find((l) => /^\s*\^\s*$/.test(l));
  const codeLine = lines.find((l) => /^>\s+\d+ \| /.test(l));
  let column: number | undefined;
  if (caretLine && codeLine) column = caretLine.indexOf("^") - codeLine.indexOf("|") - 2;
  const message = lines[0].replace(/^(TypeError|ParseError|EvaluationError):\s*/, "");
  return { message: humanise(message), column: column !== undefined && column >= 0 ? column : undefined };
}

function humanise(message: string): string {
  return message
    .replace(/^No such key: (\S+)/, 'unknown field "$1"')
    .replace(/^Unknown variable: (\S+)/, 'unknown name "$1"');
}

export function isProblem(x: Condition | ExpressionProblem): x is ExpressionProblem {
  return typeof x !== "function";
}
