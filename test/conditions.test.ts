import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ExpressionCompiler, isProblem, NO_PERSON, type Condition, type PersonView } from "../src/rules/expr.js";

// The words a world might use: designations, statuses, tells, a hyphenated one.
const WORDS = ["alpha", "beta", "omega", "enslaved", "free", "heat", "rut", "heat-early", "palace"];

function compile(compiler: ExpressionCompiler, context: "perception" | "cycle", text: string): Condition {
  const c = compiler.compile(context, text);
  if (isProblem(c)) throw new Error(`${text}: ${c.message}`);
  return c;
}

const word = fc.constantFrom(...WORDS);
const person: fc.Arbitrary<PersonView> = fc.record({
  designation: fc.constantFrom("", "alpha", "beta", "omega"),
  status: fc.constantFrom("free", "enslaved"),
  bonded: fc.boolean(),
  suppressed: fc.boolean(),
  presented: fc.boolean(),
  adult: fc.boolean(),
  age: fc.oneof(fc.double({ min: 0, max: 90, noNaN: true }), fc.constant(Number.NaN), fc.constant(18)),
  strength: fc.double({ min: 0, max: 3, noNaN: true }),
  traits: fc.subarray(["suppressants", "heat-early", "palace", "scarred"]),
  location: fc.constantFrom("", "palace", "hall"),
  phase: fc.constantFrom("", "heat", "rut", "heat-early"),
}).map((p) => ({ ...NO_PERSON, exists: true, ...p }));

// Expressions of the perception context built from the shapes worlds write, and a few beyond them.
const side = fc.constantFrom("perceiver", "target");
const leaf: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(side, fc.constantFrom("designation", "status", "location", "phase"), fc.constantFrom("==", "!="), word).map(([s, f, op, w]) => `${s}.${f} ${op} ${w.replace(/-/g, "_")}`),
  fc.tuple(side, fc.constantFrom("designation", "phase"), word).map(([s, f, w]) => `${s}.${f} == "${w}"`),
  fc.tuple(fc.constantFrom("==", "!="), word).map(([op, w]) => `tell ${op} "${w}"`),
  fc.tuple(side, fc.constantFrom("bonded", "suppressed", "presented", "adult")).map(([s, f]) => `${s}.${f}`),
  fc.tuple(side, fc.constantFrom("bonded", "suppressed"), fc.boolean()).map(([s, f, b]) => `${s}.${f} == ${b}`),
  fc.tuple(side, fc.constantFrom("age", "strength"), fc.constantFrom("<", "<=", ">", ">="), fc.constantFrom("18", "18.0", "1.5", "-1", "0")).map(([s, f, op, n]) => `${s}.${f} ${op} ${n}`),
  fc.tuple(fc.constantFrom("<", ">="), fc.constantFrom("0.5", "1")).map(([op, n]) => `intensity ${op} ${n}`),
  fc.tuple(word, side).map(([w, s]) => `"${w}" in ${s}.traits`),
  fc.tuple(side, fc.subarray(WORDS, { minLength: 1 })).map(([s, ws]) => `${s}.designation in [${ws.map((w) => `"${w}"`).join(", ")}]`),
  fc.subarray(WORDS, { minLength: 1 }).map((ws) => `tell in [${ws.map((w) => w.replace(/-/g, "_")).join(", ")}]`),
  // Shapes left to CEL: a function call, a ternary, string ordering, list equality.
  side.map((s) => `${s}.traits.size() > 0`),
  side.map((s) => `(${s}.bonded ? ${s}.age >= 18.0 : false)`),
  side.map((s) => `${s}.designation < "beta"`),
  side.map((s) => `${s}.traits == ["palace"]`),
);
const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("expr"), fc.constantFrom("&&", "||"), tie("expr")).map(([a, op, b]) => `(${a as string}) ${op} (${b as string})`),
    tie("expr").map((a) => `!(${a as string})`),
  ),
})).expr;

describe("world conditions", () => {
  const direct = new ExpressionCompiler(WORDS);
  const cel = new ExpressionCompiler(WORDS, false);

  it("give the same answer as the CEL evaluator for every condition, person and tell", () => {
    fc.assert(
      fc.property(expression, person, person, word, fc.double({ min: 0, max: 1, noNaN: true }), (text, perceiver, target, tell, intensity) => {
        const vars = { perceiver, target, tell, intensity };
        expect(compile(direct, "perception", text)(vars)).toBe(compile(cel, "perception", text)(vars));
      }),
      { numRuns: 3000 },
    );
  });

  it("read fields, words and lists as CEL does", () => {
    const omega = { ...NO_PERSON, exists: true, designation: "omega", traits: ["heat-early"], age: 20 };
    const alpha = { ...NO_PERSON, exists: true, designation: "alpha", bonded: true, age: Number.NaN };
    const vars = { perceiver: alpha, target: omega, tell: "heat-early", intensity: 0.4 };
    const holds = (text: string) => compile(direct, "perception", text)(vars);
    expect(holds("perceiver.designation == alpha && target.designation == omega")).toBe(true);
    expect(holds("tell == heat_early && intensity < 0.5")).toBe(true);
    expect(holds('"heat-early" in target.traits && !("palace" in target.traits)')).toBe(true);
    expect(holds("target.designation in [alpha, beta]")).toBe(false);
    expect(holds("target.age >= 18 && target.age < 21.5")).toBe(true);
    // An unknown age fails every comparison, as in CEL.
    expect(holds("perceiver.age >= 18")).toBe(false);
    expect(holds("perceiver.age < 18")).toBe(false);
    expect(holds("perceiver.bonded || perceiver.traits[3] == \"x\"")).toBe(true);
    // A condition that fails while it is evaluated does not hold.
    expect(holds("perceiver.traits[3] == \"x\"")).toBe(false);
  });
});
