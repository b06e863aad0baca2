/**
 * Fuzzing the world loader: every canon preset, damaged in thousands of random ways (lines deleted,
 * repeated, swapped; characters replaced; text cut short; stray bytes; indentation shifted; values
 * of the wrong type), must load to either a world or at least one error diagnostic, and never throw.
 * Every diagnostic must be readable: a message, a stable code, a 1-based position, no stack trace.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { hasErrors, type Diagnostic } from "../src/core/diagnostic.js";
import { CANON_DIR, nodeReader } from "../src/node/io.js";
import { loadWorld } from "../src/world/load.js";

/** Mutated files in total, shared out among the presets: about 20 s on two cores, most of it YAML parsing. */
const TOTAL_RUNS = 2000;
const SEED = 20260301;

const presets = readdirSync(CANON_DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const runsEach = Math.ceil(TOTAL_RUNS / Math.max(1, presets.length));

const dir = mkdtempSync(join(tmpdir(), "scentline-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A mutation works on the file's bytes, held as a latin1 string (one character per byte), so that
 * inserted bytes and replaced characters can also break UTF-8 sequences apart. Positions are
 * natural numbers taken modulo the current size when the mutation is applied.
 */
type Mutation =
  | { kind: "delete-line"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "replace-char"; at: number; by: string }
  | { kind: "truncate"; at: number }
  | { kind: "insert-bytes"; at: number; bytes: number[] }
  | { kind: "indent"; at: number; by: number; tab: boolean }
  | { kind: "retype-value"; at: number; by: string };

const PUNCTUATION = [..." :-[]{}\"'\t#&*!|>"];
const OTHER_VALUES = [
  "42", "-1", "0", "3.5", "1e309", ".nan", "-.inf", "0x1F", "true", "false", "null", "~", "[]", "{}",
  "[a, b]", "{ a: 1 }", "{ min: 5y, max: 1y }", '""', '"text"', "''", "2026-01-01", "12:30", "3d", "1y6mo",
  "omega", "self.designation == omega", "'self.'", "*nothing", "&anchor value", "!!binary aGVsbG8=",
  "!custom tag", "|", ">-", "- item", "? key", "@", "`", "%", "x".repeat(200),
];

const nat = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete-line" as const), at: nat }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: nat }),
  fc.record({ kind: fc.constant("swap-lines" as const), a: nat, b: nat }),
  fc.record({ kind: fc.constant("replace-char" as const), at: nat, by: fc.constantFrom(...PUNCTUATION) }),
  fc.record({ kind: fc.constant("truncate" as const), at: nat }),
  fc.record({ kind: fc.constant("insert-bytes" as const), at: nat, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("indent" as const), at: nat, by: fc.integer({ min: -4, max: 4 }).filter((n) => n !== 0), tab: fc.boolean() }),
  fc.record({ kind: fc.constant("retype-value" as const), at: nat, by: fc.constantFrom(...OTHER_VALUES) }),
);

const VALUE_LINE = /^(\s*(?:- )?[^\s#:][^:#]*:[ \t]+)(\S.*)$/;

function apply(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const line = (n: number) => n % lines.length;
  switch (m.kind) {
    case "delete-line":
      lines.splice(line(m.at), 1);
      return lines.join("\n");
    case "duplicate-line": {
      const i = line(m.at);
      lines.splice(i, 0, lines[i]);
      return lines.join("\n");
    }
    case "swap-lines": {
      const [i, j] = [line(m.a), line(m.b)];
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join("\n");
    }
    case "replace-char": {
      if (text.length === 0) return m.by;
      const i = m.at % text.length;
      return text.slice(0, i) + m.by + text.slice(i + 1);
    }
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
    case "insert-bytes": {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + String.fromCharCode(...m.bytes) + text.slice(i);
    }
    case "indent": {
      const i = line(m.at);
      const l = lines[i];
      if (m.by > 0) lines[i] = (m.tab ? "\t" : " ".repeat(m.by)) + l;
      else lines[i] = l.replace(new RegExp(`^ {1,${-m.by}}`), "");
      return lines.join("\n");
    }
    case "retype-value": {
      // The first line, from a random one on, that has a `key: value`.
      for (let k = 0; k < lines.length; k++) {
        const i = line(m.at + k);
        const match = VALUE_LINE.exec(lines[i]);
        if (match) {
          lines[i] = match[1] + m.by;
          break;
        }
      }
      return lines.join("\n");
    }
  }
}

function readable(d: Diagnostic): void {
  expect(typeof d.message).toBe("string");
  expect(d.message.trim().length).toBeGreaterThan(0);
  expect(d.code).toMatch(/^[a-z-]+$/);
  expect(["error", "warning", "info"]).toContain(d.severity);
  if (d.at) {
    expect(Number.isInteger(d.at.line) && d.at.line >= 1).toBe(true);
    expect(Number.isInteger(d.at.column) && d.at.column >= 1).toBe(true);
    expect(d.at.file.length).toBeGreaterThan(0);
  }
  // Written for a person: no stack frames, no paths into the engine's dependencies.
  for (const text of [d.message, d.hint ?? ""]) {
    expect(text).not.toContain("    at ");
    expect(text).not.toMatch(/\n\s*at /);
    expect(text).not.toContain("node_modules");
  }
}

describe("loading damaged canon files", () => {
  it("finds the canon presets", () => {
    expect(presets).toContain("classic.yaml");
  });

  for (const file of presets) {
    it(`${file}: ${runsEach} random mutations never throw and always explain themselves`, () => {
      const original = readFileSync(join(CANON_DIR, file)).toString("latin1");
      // Same name as the preset, in a folder of its own: `extends: classic` still finds the canon.
      const path = join(dir, file);
      let worlds = 0;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const text = mutations.reduce(apply, original);
          writeFileSync(path, Buffer.from(text, "latin1"));
          const r = loadWorld(path, nodeReader());
          if (r.world) {
            worlds++;
            expect(hasErrors(r.diagnostics)).toBe(false);
            expect(r.world.ageOfMajority).toBeGreaterThanOrEqual(18);
          } else {
            expect(hasErrors(r.diagnostics)).toBe(true);
          }
          r.diagnostics.forEach(readable);
        }),
        { seed: SEED, numRuns: runsEach },
      );
      // Some mutations are harmless (a comment changed, a line repeated inside a list); most are not.
      expect(worlds).toBeLessThan(runsEach);
    });
  }
});
