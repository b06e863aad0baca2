/**
 * The presets are honest about what they implement: every seed rule is either cited by a rule of
 * the preset or listed as not modelled with a reason, and every rule a preset cites is exercised by
 * a behaviour test that names it in its title (an `it`, `test` or `describe` name; a comment or a
 * string inside a test does not count).
 */
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { citedRules } from "../src/world/coverage.js";
import { preset } from "./helpers/world.js";

const TEST_FUNCTIONS = new Set(["describe", "it", "test"]);

/** The name of a test function a call is to: it("…"), it.each(rows)("…"), describe.skip("…"). */
function testFunction(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return testFunction(callee.expression);
  if (ts.isCallExpression(callee)) return testFunction(callee.expression);
  return undefined;
}

/** The title of every describe, it and test in a file: the text of its first argument. */
function testTitles(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const titles: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && TEST_FUNCTIONS.has(testFunction(node.expression) ?? "")) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) titles.push(first.text);
      else if (first && ts.isTemplateExpression(first)) titles.push([first.head.text, ...first.templateSpans.map((s) => s.literal.text)].join(" "));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return titles;
}

const titles = readdirSync("test")
  .filter((f) => f.endsWith(".test.ts") && f !== "canon-coverage.test.ts")
  .flatMap((f) => testTitles(f, readFileSync(`test/${f}`, "utf8")));

describe("test titles", () => {
  it("are read from describe, it and test calls, never from comments or strings inside a test", () => {
    const text = [
      '// it("XX-01 in a comment")',
      'describe("group (XX-02)", () => {',
      '  it("does XX-03", () => { expect("XX-04").toBe("XX-04"); });',
      "  it.each([1])(`row XX-05 %s`, () => {});",
      "  test(`XX-06 at ${1} and XX-07`, () => {});",
      "});",
    ].join("\n");
    expect(testTitles("t.ts", text)).toEqual(["group (XX-02)", "does XX-03", "row XX-05 %s", "XX-06 at   and XX-07"]);
  });
});

for (const name of ["first-order", "guardianship", "daxam"]) {
  describe(`canon/${name}`, () => {
    const world = preset(name);
    const canon = world.spec.canon!;
    const cited = citedRules(world.spec);

    it("accounts for every seed rule: implemented, or not modelled with a reason", () => {
      const unaccounted = canon.seedRules.filter((id) => !cited.has(id) && !canon.notModelled?.[id]);
      expect(unaccounted).toEqual([]);
    });

    it("does not both implement a rule and call it not modelled", () => {
      expect(Object.keys(canon.notModelled ?? {}).filter((id) => cited.has(id))).toEqual([]);
    });

    it("cites only rules of its own source", () => {
      expect([...cited].filter((id) => !canon.seedRules.includes(id))).toEqual([]);
    });

    it("has a behaviour test whose title names each rule it implements", () => {
      const untested = [...cited].filter((id) => !titles.some((t) => new RegExp(`\\b${id}\\b`).test(t)));
      expect(untested).toEqual([]);
    });

    it("gives no reason for leaving a rule out that promises what nothing does", () => {
      // The checker has no check for Daxam's etiquette: a reason must not say it warns about it.
      const promises = Object.entries(canon.notModelled ?? {}).filter(([, why]) => /checker will|will warn/i.test(why));
      expect(promises).toEqual([]);
    });
  });
}
