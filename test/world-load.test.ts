/**
 * Loading a world file: every mistake a writer can make is reported, never thrown, with a stable
 * code, the exact line and column, and a hint that says how to fix it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../src/core/diagnostic.js";
import { canonNames, nodeReader } from "../src/node/io.js";
import { validateAgainst } from "../src/core/validate.js";
import { parseYamlSource } from "../src/core/yaml-source.js";
import { World as WorldSchema } from "../src/world/schema.js";
import { CANON_TEXTS, CANON_VALUES } from "../src/world/canon-texts.js";
import { loadWorld, WorldCache, type WorldLoad } from "../src/world/load.js";
import { loadWorldText, preset, tempFiles } from "./helpers/world.js";

/** A file's text from its lines, so that line numbers can be read off the test. */
const lines = (...ls: string[]) => ls.join("\n") + "\n";

/** The load's one diagnostic: it failed, and for this single mistake said exactly one thing. */
function single(r: WorldLoad): Diagnostic {
  expect(r.world).toBeUndefined();
  expect(r.diagnostics.map(formatDiagnostic)).toHaveLength(1);
  return r.diagnostics[0];
}

function expectAt(d: Diagnostic, code: string, file: string, line: number, column: number): void {
  expect(d.code).toBe(code);
  expect(d.severity).toBe("error");
  expect(d.at).toBeDefined();
  expect({ file: basename(d.at!.file), line: d.at!.line, column: d.at!.column }).toEqual({ file, line, column });
  expect(d.hint?.trim()).toBeTruthy();
}

describe("canon presets", () => {
  it("classic loads with no diagnostics", () => {
    const r = loadWorld(nodeReader().preset("classic")!, nodeReader());
    expect(r.diagnostics).toEqual([]);
    expect(r.world?.id).toBe("classic");
    expect(r.world?.files.map((f) => basename(f))).toEqual(["classic.yaml"]);
  });

  it("every canon preset loads with no diagnostics", () => {
    expect(canonNames()).toContain("classic");
    for (const name of canonNames()) {
      const r = loadWorld(nodeReader().preset(name)!, nodeReader());
      expect({ name, diagnostics: r.diagnostics.map(formatDiagnostic) }).toEqual({ name, diagnostics: [] });
      expect(r.world?.id).toBe(name);
    }
  });
});

describe("canon presets as shipped", () => {
  it("each preset's shipped value is what its YAML parses to", () => {
    for (const name of canonNames()) {
      const text = readFileSync(nodeReader().preset(name)!, "utf8");
      expect(CANON_TEXTS[name]).toBe(text);
      const source = parseYamlSource(name, text).source!;
      expect(JSON.parse(CANON_VALUES[name])).toEqual(source.value);
      // Loading takes the shipped value on trust: each file must hold to the schema on its own.
      expect(validateAgainst(WorldSchema, source, { ignoreRequired: name !== "classic" })).toEqual([]);
    }
  });

  it("a mistake a world makes in what it inherits is still shown at its line in the preset", () => {
    const r = loadWorldText(lines("extends: classic", "id: nobeta", "name: No beta", "axes:", "  secondarySex:", "    values: [alpha, omega]"));
    const classic = readFileSync(nodeReader().preset("classic")!, "utf8").split("\n");
    const masking = classic.findIndex((l) => l.includes("maskers: person.designation == beta"));
    const d = r.diagnostics.find((x) => x.code === "bad-expression" && x.message.includes("person.designation == beta"))!;
    expectAt(d, "bad-expression", "classic.yaml", masking + 1, classic[masking].indexOf("== beta") + 4);
  });
});

describe("YAML syntax", () => {
  it("a flow mapping left without its closing bracket is reported where it opens", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: brackets", // 2
        "name: Brackets", // 3
        "strength: { alpha: 1.0, beta: 0.4", // 4
        "ageOfMajority: 20", // 5
      ),
    );
    const d = single(r);
    expectAt(d, "yaml-syntax", "world.yaml", 4, 11);
    expect(d.hint).toContain("}");
  });

  it("a list left without its closing bracket, inside a list", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: brackets", // 2
        "name: Brackets", // 3
        "suppressants:", // 4
        "  blocks: [heat, rut", // 5
        "  hides: [signature]", // 6
      ),
    );
    const d = single(r);
    expectAt(d, "yaml-syntax", "world.yaml", 5, 11);
    expect(d.hint).toContain("]");
  });

  it("an unclosed list whose block lines follow is one error, the bracket, not the lines it swallowed", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: brackets", // 2
        "name: Brackets", // 3
        "axes:", // 4
        "  secondarySex:", // 5
        "    values: [alpha, beta, omega", // 6
        "    description: the secondary sex", // 7
        "  alignment:", // 8
        "    values: [dominant, submissive]", // 9
      ),
    );
    const d = single(r);
    expectAt(d, "yaml-syntax", "world.yaml", 6, 13);
    expect(d.hint).toContain("the [ here is never closed");
  });

  it("a project whose cast list never closes: the bracket first, and none of the errors it causes", () => {
    const dir = tempFiles({
      "scentline.yaml": lines(
        "world: classic", // 1
        "start: 2026-01-01", // 2
        "cast: [", // 3
        "  - name: Rey", // 4
        "    born: 1990-01-01", // 5
        "    designation: omega", // 6
        "  - name: Ben", // 7
        "    born: 1990-01-01", // 8
        "places:", // 9
        "  - id: room", // 10
      ),
    });
    const text = readFileSync(join(dir, "scentline.yaml"), "utf8");
    const { diagnostics } = parseYamlSource("scentline.yaml", text);
    expect(diagnostics.map(formatDiagnostic)).toEqual(["scentline.yaml:3:7: error [yaml-syntax] YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]\n  hint: the [ here is never closed: add ] where it ends"]);
  });

  it("an error before an unclosed bracket is kept, and the bracket is still said first", () => {
    const { diagnostics } = parseYamlSource(
      "world.yaml",
      lines(
        "id: twice", // 1
        "id: again", // 2
        "values: [a, b", // 3
        "  - c: d", // 4
      ),
    );
    expect(diagnostics.map((d) => [d.at?.line, d.at?.column])).toEqual([
      [3, 9],
      [2, 1],
    ]);
  });

  it("a quote left open is reported where it opens", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: quotes", // 2
        'name: "Unclosed', // 3
        "ageOfMajority: 20", // 4
      ),
    );
    const d = single(r);
    expectAt(d, "yaml-syntax", "world.yaml", 3, 7);
    expect(d.hint).toContain('"');
  });

  it("an entry indented less than the one before it", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: indented", // 2
        "name: Indented", // 3
        "scent:", // 4
        "    signatureRange: 10ft", // 5
        "  crowd: 20", // 6
      ),
    );
    const d = single(r);
    expectAt(d, "yaml-syntax", "world.yaml", 6, 1);
    expect(d.hint).toContain("indent");
  });

  it("a YAML tag (!!binary, !name) is refused where it stands, whichever build of the YAML library reads it", () => {
    for (const [tag, shown] of [["!!binary", "!!binary"], ["!color", "!color"]]) {
      const r = loadWorldText(
        lines(
          "extends: classic", // 1
          "id: tagged", // 2
          `name: ${tag} "QWxwaGE="`, // 3
        ),
      );
      const d = single(r);
      expectAt(d, "yaml-syntax", "world.yaml", 3, 7);
      expect(d.message).toContain(`unknown tag ${shown}`);
      expect(d.hint).toMatch(/remove the tag/);
    }
  });

  it("a tab used as indentation", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: tabs", // 2
        "name: Tabs", // 3
        "scent:", // 4
        "\tsignatureRange: 10ft", // 5
      ),
    );
    const d = single(r);
    expectAt(d, "yaml-syntax", "world.yaml", 5, 1);
    expect(d.hint).toMatch(/tabs/i);
  });

  it("a key given twice", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: twice", // 2
        "name: Twice", // 3
        "id: again", // 4
      ),
    );
    const d = single(r);
    expectAt(d, "yaml-syntax", "world.yaml", 4, 1);
  });
});

describe("fields", () => {
  it("an unknown field is reported with the field it most likely means", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: typo", // 2
        "name: Typo", // 3
        "ageOfMajorty: 20", // 4
      ),
    );
    const d = single(r);
    expectAt(d, "unknown-field", "world.yaml", 4, 1);
    expect(d.message).toContain('"ageOfMajorty"');
    expect(d.hint).toContain('did you mean "ageOfMajority"');
  });

  it("a misspelt field inside a nested mapping", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: typo", // 2
        "name: Typo", // 3
        "scent: { signatureRnge: 10 }", // 4
      ),
    );
    const d = single(r);
    expectAt(d, "unknown-field", "world.yaml", 4, 10);
    expect(d.message).toContain("in scent");
    expect(d.hint).toContain('did you mean "signatureRange"');
  });

  it("a misspelt field two mappings deep", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: typo", // 2
        "name: Typo", // 3
        "scent:", // 4
        "  tells:", // 5
        "    heat: { rnage: 50ft }", // 6
      ),
    );
    const d = single(r);
    expectAt(d, "unknown-field", "world.yaml", 6, 13);
    expect(d.message).toContain("scent.tells.heat");
    expect(d.hint).toContain('did you mean "range"');
  });

  it("a value of the wrong type", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: words", // 2
        "name: Words", // 3
        'ageOfMajority: "twenty"', // 4
      ),
    );
    const d = single(r);
    expectAt(d, "wrong-type", "world.yaml", 4, 16);
    expect(d.message).toContain("expected a number");
  });

  it("a number written as a word gets a hint on how to write the number, not on its range", () => {
    const d = single(loadWorldText(lines("extends: classic", "id: words", "name: Words", "ageOfMajority: eighteen")));
    expectAt(d, "wrong-type", "world.yaml", 4, 16);
    expect(d.hint).toBe("write a number in digits (at least 18 and at most 40), without quotes, e.g. 18");
    const flag = single(loadWorldText(lines("extends: classic", "id: words", "name: Words", "presentation: { axis: secondarySex, atBirth: yes please }")));
    expect(flag.hint).toBe("write true or false, without quotes");
  });

  it("an age of majority below 18 is out of range, and the hint says why", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: young", // 2
        "name: Young", // 3
        "ageOfMajority: 16", // 4
      ),
    );
    const d = single(r);
    expectAt(d, "out-of-range", "world.yaml", 4, 16);
    expect(d.hint).toContain("cannot be below 18");
  });

  it("a name a mapping of names cannot hold", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: names", // 2
        "name: Names", // 3
        "cycles:", // 4
        "  my_heat: 5", // 5
      ),
    );
    const d = single(r);
    expectAt(d, "bad-value", "world.yaml", 5, 3);
    expect(d.message).toContain('"my_heat"');
    expect(d.hint).toContain("letters, digits and dashes");
  });

  it("an emptied field of a new entry is reported as missing, not thrown", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: empty", // 2
        "name: Empty", // 3
        "species:", // 4
        "  elf:", // 5
        "    axes:", // 6
      ),
    );
    const d = single(r);
    expectAt(d, "missing-field", "world.yaml", 6, 5);
    expect(d.message).toContain('"axes" in species.elf');
  });
});

describe("conditions", () => {
  /** A world whose line 8 is the given `when:` line of a heat modifier. */
  const modifierWorld = (whenLine: string) =>
    lines("extends: classic", "id: conditions", "name: Conditions", "cycles:", "  heat:", "    modifiers:", "      - id: calm", whenLine, "        skip: true");
  /** The text at a diagnostic's position, from the file's lines. */
  const textAt = (text: string, d: Diagnostic) => text.split("\n")[d.at!.line - 1].slice(d.at!.column - 1);

  it("an unknown name in a condition points inside the condition and suggests the designation", () => {
    const text = modifierWorld('        when: "self.designation == omga"');
    const d = single(loadWorldText(text));
    expectAt(d, "bad-expression", "world.yaml", 8, 36);
    expect(textAt(text, d)).toBe('omga"');
    expect(d.message).toContain('unknown name "omga"');
    expect(d.hint).toContain('did you mean "omega"');
  });

  it("the same in a condition written without quotes", () => {
    const text = modifierWorld("        when: self.designation == omga");
    const d = single(loadWorldText(text));
    expectAt(d, "bad-expression", "world.yaml", 8, 35);
    expect(textAt(text, d)).toBe("omga");
  });

  it("an unknown field of a person suggests the field", () => {
    const text = modifierWorld('        when: "self.desgination == omega"');
    const d = single(loadWorldText(text));
    expectAt(d, "bad-expression", "world.yaml", 8, 21);
    expect(textAt(text, d)).toBe('desgination == omega"');
    expect(d.message).toContain('unknown field "desgination"');
    expect(d.hint).toContain('did you mean "designation"');
  });

  it("a condition that replaces one of the parent's is located in the file that wrote it", () => {
    const text = lines(
      "extends: classic", // 1
      "id: conditions", // 2
      "name: Conditions", // 3
      "scent:", // 4
      "  masking:", // 5
      "    maskers: person.designation == betta", // 6
    );
    const d = single(loadWorldText(text));
    expectAt(d, "bad-expression", "world.yaml", 6, 36);
    expect(textAt(text, d)).toBe("betta");
    expect(d.hint).toContain('did you mean "beta"');
  });
});

describe("extends", () => {
  it("an item of a list merged by id with remove: true takes the inherited item out; the others stay and new ones are added", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: fewer", // 2
        "name: Fewer", // 3
        "cycles:", // 4
        "  heat:", // 5
        "    modifiers:", // 6
        "      - { id: suppressed, remove: true }", // 7
        "      - { id: stressed, when: self.stressed, skip: true }", // 8
        "scent:", // 9
        "  ranges:", // 10
        "    - { id: alpha-smells-omega, remove: true }", // 11
      ),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.world!.spec.cycles.heat.modifiers!.map((m) => m.id)).toEqual(["stressed"]);
    expect(r.world!.spec.cycles.rut.modifiers!.map((m) => m.id)).toEqual(["suppressed"]);
    expect(r.world!.spec.scent.ranges).toEqual([]);
  });

  it("removing an id the parent does not have is a warning, with the id it likely means", () => {
    const r = loadWorldText(lines("extends: classic", "id: fewer", "name: Fewer", "cycles:", "  heat:", "    modifiers:", "      - { id: supressed, remove: true }"));
    expect(r.world).toBeDefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.at?.line, d.at?.column, d.hint])).toEqual([["warning", "remove-nothing", 7, 15, 'did you mean "suppressed"?']]);
    expect(r.world!.spec.cycles.heat.modifiers!.map((m) => m.id)).toEqual(["suppressed"]);
  });

  it("remove: true where nothing is inherited, in a world that extends none or in an entry new here, is a warning too", () => {
    const root = readFileSync(nodeReader().preset("classic")!, "utf8").replace("id: classic", "id: root").replace(
      "      - id: suppressed\n        when: self.suppressed\n        skip: true\n  rut:",
      "      - id: suppressed\n        when: self.suppressed\n        skip: true\n        remove: true\n  rut:",
    );
    expect(root).toContain("remove: true");
    const r = loadWorldText(root);
    expect(r.world).toBeDefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.at?.line])).toEqual([["warning", "remove-nothing", root.split("\n").indexOf("        remove: true") - 2]]);
    expect(r.diagnostics[0].hint).toContain("nothing is inherited here");
    const added = loadWorldText(lines("extends: classic", "id: c", "name: C", "cycles:", "  moult:", "    designation: beta", "    period: 1y", "    duration: 2d", "    phases: [{ name: moult }]", "    modifiers:", "      - { id: suppressed, remove: true }"));
    expect(added.diagnostics.map((d) => [d.code, d.at?.line, d.at?.column])).toEqual([["remove-nothing", 11, 15]]);
  });

  it("two files that extend each other", () => {
    const dir = tempFiles({
      "a.yaml": lines(
        "extends: b.yaml", // 1
        "id: a", // 2
        "name: A", // 3
      ),
      "b.yaml": lines(
        "# extends the file that extends it", // 1
        "id: b", // 2
        "name: B", // 3
        "extends: a.yaml", // 4
      ),
    });
    const d = single(loadWorld(join(dir, "a.yaml"), nodeReader()));
    expectAt(d, "extends-cycle", "b.yaml", 4, 10);
    expect(d.message).toMatch(/a\.yaml → .*b\.yaml → .*a\.yaml/);
  });

  it("two files that extend each other, named by relative paths: the circle closes where it began", () => {
    const dir = tempFiles({ "c3.yaml": lines("extends: c4.yaml", "id: c3", "name: C3"), "c4.yaml": lines("extends: c3.yaml", "id: c4", "name: C4") });
    const c3 = relative(process.cwd(), join(dir, "c3.yaml"));
    expect(c3.startsWith("/")).toBe(false);
    const d = single(loadWorld(c3, nodeReader()));
    expectAt(d, "extends-cycle", "c4.yaml", 1, 10);
    // Every file in one form: its path from the folder of the file asked for.
    expect(d.message).toBe(`"extends" goes round in a circle: c3.yaml → c4.yaml → c3.yaml`);
  });

  it("a circle through another folder names each file by its path from the folder of the file asked for", () => {
    const dir = tempFiles({ "w/c3.yaml": lines("extends: ../o/c4.yaml", "id: c3", "name: C3"), "o/c4.yaml": lines("extends: ../w/c3.yaml", "id: c4", "name: C4") });
    const d = single(loadWorld(join(dir, "w", "c3.yaml"), nodeReader()));
    expect(d.message).toBe(`"extends" goes round in a circle: c3.yaml → ../o/c4.yaml → c3.yaml`);
  });

  it("a file that extends itself", () => {
    const d = single(loadWorldText(lines("id: self", "name: Self", "extends: world.yaml")));
    expectAt(d, "extends-cycle", "world.yaml", 3, 10);
  });

  it("an unknown preset name, with the preset it most likely means", () => {
    const r = loadWorldText(
      lines(
        "id: unknown", // 1
        "name: Unknown", // 2
        "extends: clasic", // 3
      ),
    );
    const d = single(r);
    expectAt(d, "unknown-preset", "world.yaml", 3, 10);
    expect(d.message).toContain('"clasic"');
    expect(d.hint).toContain('did you mean "classic"');
  });

  it("a file to extend that does not exist", () => {
    const r = loadWorldText(
      lines(
        "id: missing", // 1
        "name: Missing", // 2
        "extends: ./missing.yaml", // 3
      ),
    );
    const d = single(r);
    expectAt(d, "file-not-found", "world.yaml", 3, 10);
    expect(d.message).toContain("missing.yaml does not exist");
  });

  it("a mistake in the file extended is reported in that file", () => {
    const r = loadWorldText(lines("extends: base.yaml", "id: child", "name: Child"), {
      "base.yaml": lines(
        "extends: classic", // 1
        "id: base", // 2
        "name: Base", // 3
        "ageOfMajority: 17", // 4
      ),
    });
    const d = single(r);
    expectAt(d, "out-of-range", "base.yaml", 4, 16);
  });

  it("an empty item in a list of an extending file is checked after merging", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: child", // 2
        "name: Child", // 3
        "species:", // 4
        "  elf:", // 5
        "    axes: [secondarySex, null]", // 6
      ),
    );
    const d = single(r);
    expectAt(d, "wrong-type", "world.yaml", 6, 26);
    expect(d.message).toContain("species.elf.axes[1]");
  });
});

describe("a new entry named almost like an inherited one", () => {
  it("a complete new cycle haet beside the inherited heat loads, with a warning at its name: did you mean \"heat\"?", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: misspelt", // 2
        "name: Misspelt", // 3
        "cycles:", // 4
        "  haet:", // 5
        "    designation: omega", // 6
        "    period: { min: 2mo, max: 3mo }", // 7
        "    duration: 3d", // 8
        "    phases: [{ name: heat, tell: heat }]", // 9
      ),
    );
    expect(r.world).toBeDefined();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d).toMatchObject({ severity: "warning", code: "near-miss" });
    expect({ file: basename(d.at!.file), line: d.at!.line, column: d.at!.column }).toEqual({ file: "world.yaml", line: 5, column: 3 });
    expect(d.message).toContain('"haet" adds a new cycle beside the inherited "heat"');
    expect(d.hint).toMatch(/^did you mean "heat"\?/);
    // The world has both: the misspelt cycle did not change the inherited one.
    expect(Object.keys(r.world!.spec.cycles).sort()).toEqual(["haet", "heat", "rut"]);
  });

  it("a new modifier whose id is one slip from an inherited one, in a list merged by id", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: misspelt", // 2
        "name: Misspelt", // 3
        "cycles:", // 4
        "  heat:", // 5
        "    modifiers:", // 6
        "      - id: supressed", // 7
        "        when: self.suppressed", // 8
        "        skip: true", // 9
      ),
    );
    expect(r.world).toBeDefined();
    expect(r.diagnostics.map((d) => [d.code, d.at?.line, d.at?.column, d.hint?.split("?")[0]])).toEqual([["near-miss", 7, 13, 'did you mean "suppressed"']]);
  });

  it("names in other mappings are looked at too: a tell, an institution of a parent file, a letter swapped", () => {
    const r = loadWorldText(
      lines(
        "extends: parent.yaml", // 1
        "id: child", // 2
        "name: Child", // 3
        "scent:", // 4
        "  tells:", // 5
        "    alram: { range: 30ft }", // 6
        "institutions:", // 7
        "  curfwe: { kind: custom, effect: require-visits, visits: 2 }", // 8
      ),
      { "parent.yaml": lines("extends: classic", "id: parent", "name: Parent", "institutions:", "  curfew: { kind: custom, effect: require-visits, visits: 3 }") },
    );
    expect(r.world).toBeDefined();
    expect(r.diagnostics.map((d) => [d.at?.line, d.hint?.split("?")[0]])).toEqual([
      [6, 'did you mean "alarm"'],
      [8, 'did you mean "curfew"'],
    ]);
  });

  it("beside a short name, a new one a letter away is a word of its own (danger beside anger, hiet beside heat); only a case change or two letters swapped warn", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: short", // 2
        "name: Short", // 3
        "scent:", // 4
        "  tells:", // 5
        "    danger: { range: 30ft }", // 6
        "    hiet: { range: 30ft }", // 7
        "    Calm: { range: 10ft }", // 8
        "    arouse: { range: 15ft }", // 9: two edits from arousal
        "    aruosal: { range: 15ft }", // 10: one swap
      ),
    );
    expect(r.world).toBeDefined();
    expect(r.diagnostics.map((d) => [d.at?.line, d.hint?.split("?")[0]])).toEqual([
      [8, 'did you mean "calm"'],
      [10, 'did you mean "arousal"'],
    ]);
  });

  it("a new name that is not a near miss, or that changes an inherited entry, says nothing", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: fine", // 2
        "name: Fine", // 3
        "scent:", // 4
        "  tells:", // 5
        "    fear: { range: 30ft }", // 6: two edits from heat: a word of its own
        "    heat: { range: 150ft }", // 7
        "cycles:", // 8
        "  moult: { designation: beta, period: 1y, duration: 2d, phases: [{ name: moult }] }", // 9
      ),
    );
    expect(r.world).toBeDefined();
    expect(r.diagnostics).toEqual([]);
  });
});

describe("names and contradictions", () => {
  it("a range whose min is above its max", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: ranges", // 2
        "name: Ranges", // 3
        "presentation:", // 4
        "  axis: secondarySex", // 5
        "  age: { min: 16y, max: 12y }", // 6
      ),
    );
    const d = single(r);
    expectAt(d, "contradiction", "world.yaml", 6, 8);
    expect(d.message).toContain("min (16y) is above its max (12y)");
  });

  it("a cycle for a designation the world does not have", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: names", // 2
        "name: Names", // 3
        "cycles:", // 4
        "  flare:", // 5
        "    designation: gamma", // 6
        "    period: 6mo", // 7
        "    duration: 2d", // 8
        "    phases:", // 9
        "      - { name: flare }", // 10
      ),
    );
    const d = single(r);
    expectAt(d, "unknown-name", "world.yaml", 6, 18);
    expect(d.message).toBe('unknown designation "gamma"');
    expect(d.hint).toContain("alpha, beta, omega");
  });

  it("a modifier added to a parent's cycle is located in the file that added it", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: names", // 2
        "name: Names", // 3
        "cycles:", // 4
        "  heat:", // 5
        "    modifiers:", // 6
        "      - id: both", // 7
        "        when: self.bonded", // 8
        "        skip: true", // 9
        "        period: { factor: 2 }", // 10
      ),
    );
    const d = single(r);
    expectAt(d, "contradiction", "world.yaml", 7, 9);
  });
  it("canon.assumed naming a piece the world does not have", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: assumed", // 2
        "name: Assumed", // 3
        "canon:", // 4
        "  seedRules: [XX-01]", // 5
        "  notModelled: { XX-01: not yet }", // 6
        "  assumed:", // 7
        "    scent.tells.heat: classic's 200 ft", // 8
        "    scent.tells.hate: a slip", // 9
      ),
    );
    const d = single(r);
    expectAt(d, "unknown-name", "world.yaml", 9, 23);
    expect(d.message).toBe('canon.assumed names "scent.tells.hate", which is not a piece of this world');
  });
});

describe("collecting every problem", () => {
  it("three separate mistakes give three diagnostics, in file order", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: three", // 2
        "name: Three", // 3
        "ageOfMajorty: 20", // 4
        "scent:", // 5
        "  signatureRange: true", // 6
        "bonds:", // 7
        "  formation:", // 8
        "    glands: neck", // 9
      ),
    );
    expect(r.world).toBeUndefined();
    const found = r.diagnostics.map((d) => [d.code, d.at?.line, d.at?.column]);
    expect(found).toEqual([
      ["unknown-field", 4, 1],
      ["wrong-type", 6, 19],
      ["unknown-field", 9, 5],
    ]);
    for (const d of r.diagnostics) expect(d.hint?.trim()).toBeTruthy();
  });

  it("every bad condition is reported, not only the first", () => {
    const r = loadWorldText(
      lines(
        "extends: classic", // 1
        "id: two", // 2
        "name: Two", // 3
        "cycles:", // 4
        "  heat:", // 5
        "    modifiers:", // 6
        "      - id: suppressed", // 7
        "        when: self.supressed", // 8
        "      - id: calm", // 9
        "        when: 'partner.bonded && self.designation == omga'", // 10
        "        skip: true", // 11
      ),
    );
    expect(r.world).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.at?.line, d.at?.column])).toEqual([
      ["bad-expression", 8, 20],
      ["bad-expression", 10, 54],
    ]);
    expect(r.diagnostics.map((d) => d.hint)).toEqual(['did you mean "suppressed"?', 'did you mean "omega"?']);
  });
});

describe("the loaded world", () => {
  it("is frozen, all the way down", () => {
    const world = preset("classic");
    expect(Object.isFrozen(world.spec)).toBe(true);
    expect(Object.isFrozen(world.spec.cycles.heat)).toBe(true);
    expect(Object.isFrozen(world.spec.cycles.heat.phases)).toBe(true);
    expect(Object.isFrozen(world.spec.cycles.heat.phases[0])).toBe(true);
    expect(Object.isFrozen(world.spec.axes.secondarySex.values)).toBe(true);
    expect(() => {
      (world.spec as { ageOfMajority: number }).ageOfMajority = 12;
    }).toThrow(TypeError);
    expect(() => {
      (world.spec.axes.secondarySex.values as string[]).push("gamma");
    }).toThrow(TypeError);
    expect(world.spec.ageOfMajority).toBe(18);
  });

  it("a world that extends another is frozen too", () => {
    const r = loadWorldText(lines("extends: classic", "id: child", "name: Child", "ageOfMajority: 21"));
    expect(r.diagnostics).toEqual([]);
    expect(Object.isFrozen(r.world!.spec.scent.tells)).toBe(true);
    expect(r.world!.ageOfMajority).toBe(21);
  });

  it("never has an age of majority below 18, whatever the file says", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -50, max: 60 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), (age) => {
        const r = loadWorldText(lines("extends: classic", "id: ages", "name: Ages", `ageOfMajority: ${age}`));
        if (r.world) {
          expect(r.world.ageOfMajority).toBeGreaterThanOrEqual(18);
          expect(r.world.spec.ageOfMajority).toBeGreaterThanOrEqual(18);
        } else {
          expect(r.diagnostics.map((d) => d.code)).toEqual([age < 18 || age > 40 ? "out-of-range" : "wrong-type"]);
        }
      }),
      { seed: 18, numRuns: 60 },
    );
    for (const name of canonNames()) expect(preset(name).ageOfMajority).toBeGreaterThanOrEqual(18);
  });
});

describe("a cache of loaded worlds", () => {
  it("gives back the same world while its files are unchanged, and loads it afresh after any of them changes", () => {
    const dir = tempFiles({ "parent.yaml": lines("extends: classic", "id: parent", "name: Parent", "ageOfMajority: 19"), "world.yaml": lines("extends: ./parent.yaml", "id: child", "name: Child") });
    const io = nodeReader();
    const cache = new WorldCache();
    const first = cache.load(join(dir, "world.yaml"), io);
    expect(first.world?.ageOfMajority).toBe(19);
    expect(cache.load(join(dir, "world.yaml"), io).world).toBe(first.world);
    // The parent, not the file named, is what changes.
    writeFileSync(join(dir, "parent.yaml"), lines("extends: classic", "id: parent", "name: Parent", "ageOfMajority: 20"));
    const second = cache.load(join(dir, "world.yaml"), io);
    expect(second.world).not.toBe(first.world);
    expect(second.world?.ageOfMajority).toBe(20);
  });

  it("keeps no world that loaded with problems", () => {
    const dir = tempFiles({ "world.yaml": lines("extends: classic", "id: child", "name: Child", "hieat: {}") });
    const io = nodeReader();
    const cache = new WorldCache();
    expect(cache.load(join(dir, "world.yaml"), io).diagnostics.map((d) => d.code)).toContain("unknown-field");
    writeFileSync(join(dir, "world.yaml"), lines("extends: classic", "id: child", "name: Child"));
    expect(cache.load(join(dir, "world.yaml"), io).diagnostics).toEqual([]);
  });
});
