/** SARIF output validates against the SARIF 2.1.0 JSON Schema (the one Microsoft's jest-sarif ships). */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Validator } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";
import { formatSarif } from "../src/check/format.js";
import { CHECKS } from "../src/check/registry.js";
import { chapter, storyWith } from "./helpers/check.js";

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));

describe("SARIF output", () => {
  it("is valid SARIF 2.1.0 for findings of every kind, causes included", () => {
    const rey = { id: "rey", name: "Rey", born: "2009-06-01", designation: "omega", location: "room" };
    const ben = { id: "ben", name: "Ben", born: "1998-03-10", designation: "alpha", location: "hall" };
    const r = storyWith("classic", [rey, ben], {
      "01.md": chapter("2026-01-02", "Rey, an alpha, waits. Ben bites Rey. Rey smells Ben's alarm.", { where: "room", present: ["Rey"] }),
      "02.md": "---\ndate: [\n---\n",
    });
    expect(r.findings.length).toBeGreaterThan(3);
    const sarif = JSON.parse(formatSarif(r.findings, CHECKS.map((c) => c.meta), "0.0.0", (f) => f.split("/").slice(-2).join("/")));
    const result = new Validator(schema, "4", false).validate(sarif);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("the validator does reject a broken log (so the test above can fail)", () => {
    const result = new Validator(schema, "4", false).validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] });
    expect(result.valid).toBe(false);
  });
});
