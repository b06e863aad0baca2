/**
 * The `scentline` command line, run as a separate process from the built dist/ (`npm test` builds
 * first; to run this file alone, `npm run build` before `npx vitest run test/cli.test.ts`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist", "bin", "scentline.mjs");

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function scentline(...args: string[]): Result {
  return scentlineIn(ROOT, ...args);
}

/** The command run from another folder (`cd dir && scentline …`). */
function scentlineIn(cwd: string, ...args: string[]): Result {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "scentline-cli-"));
}

const STACK_FRAME = /^\s{4}at /m;

/** A story project to run: an example from examples/ if there is one, else a small one written here. */
function projectDir(): string {
  const examples = existsSync(join(ROOT, "examples"))
    ? readdirSync(join(ROOT, "examples"))
        .filter((d) => existsSync(join(ROOT, "examples", d, "scentline.yaml")))
        .sort()
    : [];
  if (examples.length > 0) return join("examples", examples.includes("guardianship") ? "guardianship" : examples[0]);
  const dir = tempDir();
  const project = {
    title: "Two adults",
    world: "classic",
    start: "2026-03-01",
    seed: 3,
    cast: [
      { id: "ash", name: "Ash", born: "1990-04-02", designation: "alpha", location: "flat" },
      { id: "wren", name: "Wren", born: "1990-09-17", designation: "omega", location: "cafe" },
    ],
    places: [{ id: "flat" }, { id: "street" }, { id: "cafe" }],
    connections: [
      { between: ["flat", "street"], distance: 20, kind: "door" },
      { between: ["street", "cafe"], distance: 60, kind: "door" },
    ],
    schedule: [{ at: "+2d", type: "move", who: "ash", to: "cafe" }],
  };
  writeFileSync(join(dir, "scentline.yaml"), stringify(project));
  return dir;
}

let project: string;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  project = projectDir();
});

describe("scentline schema", () => {
  it("prints the world file's JSON Schema", () => {
    const r = scentline("schema");
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toBeTypeOf("string");
    expect(schema.title).toBeTypeOf("string");
    expect(schema.properties.cycles).toBeDefined();
  });

  it("--project prints the project file's schema", () => {
    const r = scentline("schema", "--project");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).properties.cast).toBeDefined();
  });
});

describe("scentline canon", () => {
  it("list names each preset with its world's name", () => {
    const r = scentline("canon", "list");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^classic\s+\S/m);
  });

  it("coverage accounts for every seed rule of a preset, and exits 0", () => {
    const r = scentline("canon", "coverage");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/seed rules implemented/);
    expect(r.stdout).toMatch(/implemented \(\d+\): [A-Z]{2,4}-\d+/);
    expect(r.stdout).toMatch(/assumed, not from the text nor an open question of it \(\d+\):\n(?: {4}\S+ +.+\n)* {4}scent\.tells\.heat +how far a heat carries/);
  });

  it("coverage of an unknown preset is an error with a suggestion", () => {
    const r = scentline("canon", "coverage", "clasic");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('did you mean "classic"');
  });
});

describe("scentline validate", () => {
  it("accepts a canon world file", () => {
    const r = scentline("validate", "canon/classic.yaml");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ok: canon/classic.yaml is valid");
  });

  it("accepts a project folder", () => {
    const r = scentline("validate", project);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: .*scentline\.yaml is valid$/m);
  });

  it("reports a bad world file at file:line:col, without a stack trace, and exits 1", () => {
    const file = join(tempDir(), "world.yaml");
    writeFileSync(file, "extends: classic\nid: bad\nname: Bad world\ncycles:\n  heat:\n    period: { min: 2mo, max: banana }\n");
    const r = scentline("validate", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/world\.yaml:6:\d+: error/);
    // The path as typed from where the command ran: relative when that is shorter (a clone beside the temporary folder).
    const shown = relative(ROOT, file).length < file.length ? relative(ROOT, file) : file;
    expect(r.stderr).toContain(`${shown}:6:`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("an extends circle between files named relatively closes where it began (cd dir && scentline validate c3.yaml)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "c3.yaml"), "extends: c4.yaml\nid: c3\nname: C3\n");
    writeFileSync(join(dir, "c4.yaml"), "extends: c3.yaml\nid: c4\nname: C4\n");
    const r = scentlineIn(dir, "validate", "c3.yaml");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`goes round in a circle: c3.yaml → c4.yaml → c3.yaml\n`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("a new cycle named almost like an inherited one is valid, with a warning at its line and the name it likely means", () => {
    const file = join(tempDir(), "world.yaml");
    writeFileSync(file, "extends: classic\nid: typo\nname: Typo\ncycles:\n  haet:\n    designation: omega\n    period: { min: 2mo, max: 3mo }\n    duration: 3d\n    phases: [{ name: heat }]\n");
    const r = scentline("validate", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: /);
    expect(r.stderr).toMatch(/world\.yaml:5:3: warning \[near-miss\] cycles: "haet" adds a new cycle/);
    expect(r.stderr).toContain('hint: did you mean "heat"?');
  });

  it("reports a missing file in one line and exits 1", () => {
    const r = scentline("validate", join(tempDir(), "nothing.yaml"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("does not exist");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("bad input: exit 1, file:line:col, a hint, no stack trace", () => {
  const project = (yaml: string) => ({ "scentline.yaml": yaml });
  const cases: { name: string; files: Record<string, string>; path: string; at: string; code: string; hint: string }[] = [
    {
      name: "malformed YAML (a bracket never closed)",
      files: { "world.yaml": "extends: classic\nid: bad\nname: Bad\nstrength: { alpha: 1.0, beta: 0.4\nageOfMajority: 20\n" },
      path: "world.yaml",
      at: "world.yaml:4:11",
      code: "yaml-syntax",
      hint: "the { here is never closed: add } where it ends",
    },
    {
      name: "an unknown field, with the field it likely means",
      files: { "world.yaml": "extends: classic\nid: bad\nname: Bad\nageOfMajorty: 20\n" },
      path: "world.yaml",
      at: "world.yaml:4:1",
      code: "unknown-field",
      hint: 'did you mean "ageOfMajority"?',
    },
    {
      name: "a value of the wrong type",
      files: { "world.yaml": "extends: classic\nid: bad\nname: Bad\nageOfMajority: eighteen\n" },
      path: "world.yaml",
      at: "world.yaml:4:16",
      code: "wrong-type",
      hint: "write a number in digits",
    },
    {
      name: "a number out of range",
      files: { "world.yaml": "extends: classic\nid: bad\nname: Bad\nageOfMajority: 16\n" },
      path: "world.yaml",
      at: "world.yaml:4:16",
      code: "out-of-range",
      hint: "the age of majority cannot be below 18",
    },
    {
      name: "an unknown name in an expression",
      files: { "world.yaml": "extends: classic\nid: bad\nname: Bad\ncycles:\n  heat:\n    modifiers:\n      - id: steady\n        when: partner.designation == alfa\n        period: { set: 8w }\n" },
      path: "world.yaml",
      at: "world.yaml:8:38",
      code: "bad-expression",
      hint: 'did you mean "alpha"?',
    },
    {
      name: "an extends cycle",
      files: { "a.yaml": "extends: b.yaml\nid: a\nname: A\n", "b.yaml": "extends: a.yaml\nid: b\nname: B\n" },
      path: "a.yaml",
      at: "b.yaml:1:10",
      code: "extends-cycle",
      hint: "a world may extend another only if that one does not",
    },
    {
      name: "a project naming a person and a place it does not have",
      files: project("world: classic\nstart: 2026-01-01\ncast:\n  - { name: Rey, born: 1990-01-01, designation: omega, location: room }\nplaces: [{ id: room }, { id: hall }]\nschedule:\n  - { at: +1d, type: move, who: Rye, to: room }\n  - { at: +1d, type: move, who: Rey, to: hal }\n"),
      path: ".",
      at: "scentline.yaml:7:33",
      code: "unknown-person",
      hint: 'did you mean "rey"?',
    },
    {
      name: "an under-age bond",
      files: project("world: classic\nstart: 2026-01-01\ncast:\n  - { name: Rey, born: 2012-01-01, designation: omega }\n  - { name: Ben, born: 1990-01-01, designation: alpha }\nrelations:\n  - { kind: bond, a: Ben, b: Rey }\n"),
      path: ".",
      at: "scentline.yaml:7:5",
      code: "under-age",
      hint: "correct the birth date or remove the relation",
    },
  ];

  it.each(cases)("$name", ({ files, path, at, code, hint }) => {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    for (const command of path === "." ? ["validate", "simulate"] : ["validate"]) {
      const r = scentlineIn(dir, command, path);
      expect(r.status, command).toBe(1);
      expect(r.stderr).toContain(`${at}: error [${code}] `);
      const lines = r.stderr.split("\n");
      const at1 = lines.findIndex((l) => l.startsWith(`${at}: error [${code}]`));
      expect(lines[at1 + 1]).toBe(`  hint: ${lines[at1 + 1].slice(8)}`);
      expect(lines[at1 + 1]).toContain(hint);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
    }
  });

  it("the missing place of the same project is reported too, with its own line and hint", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "scentline.yaml"), cases[6].files["scentline.yaml"]);
    const r = scentlineIn(dir, "validate", ".");
    expect(r.stderr).toContain('scentline.yaml:8:42: error [unknown-place] no place is called "hal"\n  hint: did you mean "hall"?');
  });
});

describe("colour", () => {
  /**
   * A terminal is made with util-linux's `script`, a system tool: where it is missing (macOS ships
   * another `script`, some containers none), the test is reported as skipped rather than failed.
   */
  const version = spawnSync("script", ["--version"], { encoding: "utf8" });
  const hasScript = !version.error && /util-linux/.test(`${version.stdout}${version.stderr}`);

  /** The command run on a terminal (a pseudo-terminal made by `script`), its output as the terminal shows it. */
  const onTerminal = (env: Record<string, string>, ...args: string[]): string => {
    const dir = tempDir();
    writeFileSync(join(dir, "world.yaml"), "extends: classic\nid: bad\nname: Bad\nageOfMajority: 16\n");
    const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ");
    const { NO_COLOR: _, ...rest } = process.env;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: dir, encoding: "utf8", env: { ...rest, ...env }, timeout: 60_000 });
    expect(r.error, "the `script` command (util-linux) runs the CLI on a pseudo-terminal").toBeUndefined();
    return r.stdout;
  };

  it.skipIf(!hasScript)("is used on a terminal, and NO_COLOR removes every colour code (needs util-linux script)", () => {
    const coloured = onTerminal({}, "validate", "world.yaml");
    expect(coloured).toContain("world.yaml:4:16:");
    expect(coloured).toContain("\x1b[31merror [out-of-range]\x1b[39m");
    const plain = onTerminal({ NO_COLOR: "1" }, "validate", "world.yaml");
    expect(plain).toContain("world.yaml:4:16: error [out-of-range]");
    expect(plain).not.toContain("\x1b[");
  });
});

describe("usage errors", () => {
  it("an unknown command exits 2", () => {
    const r = scentline("simulte", project);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });

  it("a malformed option value exits 2", () => {
    expect(scentline("simulate", project, "--seed", "seven").status).toBe(2);
    expect(scentline("simulate", project, "--format", "xml").status).toBe(2);
    expect(scentline("simulate", project, "--until", "next spring").status).toBe(2);
    expect(scentline("state", project).status).toBe(2);
  });

  it("every command has --help", () => {
    for (const args of [[], ["validate"], ["simulate"], ["state"], ["explain"], ["schema"], ["canon"], ["canon", "list"], ["canon", "coverage"]]) {
      const r = scentline(...args, "--help");
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.stdout).toContain("Usage: scentline");
    }
  });

  it("a project that does not exist is a one-line error, exit 1", () => {
    const r = scentline("simulate", join(tempDir(), "missing"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*does not exist$/m);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("scentline simulate", () => {
  it("prints a readable timeline", () => {
    const r = scentline("simulate", project);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:00 {2}e\d+ +\S/);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("jsonl is one JSON event per line, keys in a fixed order", () => {
    const r = scentline("simulate", project, "--format", "jsonl");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const e = JSON.parse(line);
      expect(e).toBeTypeOf("object");
      expect(Object.keys(e).slice(0, 4)).toEqual(["id", "hour", "type", "people"]);
      expect(Object.keys(e).at(-1)).toBe("causes");
    }
  });

  it("the same seed gives byte-identical output", () => {
    const a = scentline("simulate", project, "--seed", "11", "--until", "6mo");
    const b = scentline("simulate", project, "--seed", "11", "--until", "6mo");
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it("--until takes a date as well as a length of time", () => {
    const r = scentline("simulate", project, "--until", "2030-01-01", "--format", "jsonl");
    expect(r.status).toBe(0);
    const last = JSON.parse(r.stdout.trimEnd().split("\n").at(-1)!);
    expect(last.hour).toBeLessThanOrEqual(Date.UTC(2030, 0, 1) / 3_600_000);
  });

  it("--out writes the file and leaves no temporary file", () => {
    const dir = tempDir();
    const out = join(dir, "log.jsonl");
    const r = scentline("simulate", project, "--format", "jsonl", "--out", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe(scentline("simulate", project, "--format", "jsonl").stdout);
    expect(readdirSync(dir)).toEqual(["log.jsonl"]);
  });

  it("--out into a missing folder is a one-line error and writes nothing", () => {
    const dir = tempDir();
    const r = scentline("simulate", project, "--out", join(dir, "no-such-folder", "log.txt"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot write/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--out onto something that is not a regular file (a folder) is refused and leaves it as it was", () => {
    const dir = tempDir();
    const r = scentline("simulate", project, "--out", dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a regular file/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("scentline state", () => {
  it("--json gives each person's designation and state", () => {
    const r = scentline("state", project, "--at", "+90d", "--json");
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.at).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(s.people.length).toBeGreaterThan(0);
    for (const p of s.people) {
      expect(p.designation).toBeTypeOf("string");
      expect(p.designation.length).toBeGreaterThan(0);
      for (const key of ["cycle", "phase", "bondedTo", "status", "owner", "guardian", "location", "suppressed", "scent"]) expect(p).toHaveProperty(key);
    }
  });

  it("prints a readable block per person", () => {
    const r = scentline("state", project, "--at", "+90d");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^State at \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).toMatch(/designation\s+\S/);
    expect(r.stdout).toMatch(/scent\s+\S/);
  });

  it("says when a person's age is unknown (no birth date in the cast)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "scentline.yaml"), stringify({ world: "classic", start: "2026-01-01", cast: [{ name: "Rey", designation: "omega" }, { name: "Ben" }] }));
    const text = scentline("state", dir, "--at", "+1d");
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("Rey (rey), age unknown, human");
    const json = JSON.parse(scentline("state", dir, "--at", "+1d", "--json").stdout) as { people: { age: number | null; designation: string }[] };
    expect(json.people.map((p) => [p.age, p.designation])).toEqual([
      [null, "omega"],
      [null, "unknown"],
    ]);
  });

  it("a moment before the start is an error, exit 1", () => {
    const r = scentline("state", project, "--at", "1900-01-01");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("before the story starts");
  });
});

describe("scentline explain", () => {
  it("prints an event and its causes back to rules and inputs", () => {
    const log = scentline("simulate", project, "--format", "jsonl")
      .stdout.trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; causes: { kind: string; id: string }[] });
    const e = [...log].reverse().find((x) => x.causes.some((c) => c.kind === "event")) ?? log[log.length - 1];
    const r = scentline("explain", project, e.id);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(e.id);
    for (const c of e.causes) expect(r.stdout).toContain(c.id);
    expect(r.stdout).toMatch(/^\s+(rule|input) /m);
  });

  it("an input cause is shown with its file:line:col", () => {
    const log = scentline("simulate", project, "--format", "jsonl")
      .stdout.trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; causes: { kind: string; at?: unknown }[] });
    const e = log.find((x) => x.causes.some((c) => c.kind === "input" && c.at));
    expect(e).toBeDefined();
    expect(scentline("explain", project, e!.id).stdout).toMatch(/scentline\.yaml:\d+:\d+/);
  });

  it("an unknown event id is an error with a hint, exit 1", () => {
    const r = scentline("explain", project, "e99999999", "--until", "1mo");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: no event e99999999/m);
    expect(r.stderr).toContain("hint:");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("a malformed id suggests the right form", () => {
    const r = scentline("explain", project, "12");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('did you mean "e12"?');
  });
});

describe("scentline check and rules", () => {
  it("every example checks clean: exit 0, no error finding", () => {
    for (const name of ["classic", "first-order", "guardianship", "daxam"]) {
      const r = scentline("check", `examples/${name}`, "--format", "json");
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const findings = JSON.parse(r.stdout) as { severity: string }[];
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    }
  });

  it("a broken chapter gives exit 1, the line with a caret, the rule id and its causes", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "scentline.yaml"), stringify({ world: "classic", start: "2026-01-01", cast: [{ id: "rey", name: "Rey", born: "2000-01-01", designation: "omega" }] }));
    mkdirSync(join(dir, "chapters"));
    writeFileSync(join(dir, "chapters", "01.md"), "---\ndate: 2026-01-02\n---\nIn the morning Rey, an alpha, waits.\n");
    const r = scentline("check", dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("01.md:4:16 error the text calls Rey an alpha, but the cast says Rey is an omega [designation-mismatch]");
    expect(r.stdout).toContain("  4 | In the morning Rey, an alpha, waits.\n    |                ^^^^^^^^^^^^^");
    expect(r.stdout).toMatch(/because cast: Rey is an omega \(.*scentline\.yaml:\d+:\d+\)/);
    const json = JSON.parse(scentline("check", dir, "--format", "json").stdout) as Record<string, unknown>[];
    expect(Object.keys(json[0]).sort()).toEqual(["causes", "column", "endColumn", "endLine", "evidence", "file", "hint", "line", "message", "ruleId", "severity"]);
    const sarif = JSON.parse(scentline("check", dir, "--format", "sarif").stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.find((x) => x.ruleId === "designation-mismatch")).toMatchObject({ ruleId: "designation-mismatch", locations: [{ physicalLocation: { artifactLocation: { uri: "chapters/01.md" }, region: { startLine: 4 } } }] });
  });

  it("broken front matter and an unknown person are findings with file:line:col, not crashes", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "scentline.yaml"), stringify({ world: "classic", start: "2026-01-01", cast: [{ id: "rey", name: "Rey", born: "2000-01-01" }] }));
    mkdirSync(join(dir, "chapters"));
    writeFileSync(join(dir, "chapters", "01.md"), "---\ndate: [2026\n---\nText.\n");
    writeFileSync(join(dir, "chapters", "02.md"), "---\ndate: 2026-01-03\npresent: [Ray]\nwehre: hall\ntags: [angst]\n---\nText.\n");
    writeFileSync(join(dir, "chapters", "03.md"), "---\ndate: 2026-01-04\nText without an end to the front matter.\n");
    const r = scentline("check", dir);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stdout).toMatch(/01\.md:2:\d+ error .*\[front-matter\]/);
    expect(r.stdout).toMatch(/02\.md:3:\d+ error no one in the cast is called "Ray" \[front-matter\]/);
    expect(r.stdout).toContain('did you mean "Rey"?');
    // Unknown fields are not errors (front matter carries other tools' fields); a likely typo is a warning.
    expect(r.stdout).toMatch(/02\.md:4:1 warning unknown field "wehre" \(ignored\) \[front-matter\]/);
    expect(r.stdout).toMatch(/02\.md:5:1 info unknown field "tags" \(ignored\) \[front-matter\]/);
    expect(r.stdout).toMatch(/03\.md:1:1 error the front matter that opens on line 1 is never closed \[front-matter\]/);
  });

  it("--rule runs only the named checks, and an unknown one is a usage mistake", () => {
    const r = scentline("check", "examples/guardianship", "--rule", "nonesuch");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no check is called "nonesuch"');
  });

  it("`rules` lists every check with its doc", () => {
    const r = scentline("rules");
    expect(r.status).toBe(0);
    for (const id of ["designation-mismatch", "presentation-timing", "cycle-timing", "scent-range", "rule-violation", "bond-continuity", "law-in-force", "timeline-order", "under-age", "age-unknown"]) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain("wrong:");
    expect(r.stdout).toContain("cannot be turned off");
  });
});

describe("scentline read", () => {
  it("reads a 50 MB text to the end: progress on stderr, a bible on stdout, nothing written without --out", () => {
    const dir = tempDir();
    const line = "The tide came in over the harbour wall, and Quillon Varrowmere counted the crates again.\n\n";
    writeFileSync(join(dir, "long.txt"), line.repeat(Math.ceil(50e6 / line.length)).slice(0, 50e6));
    const r = spawnSync(process.execPath, [CLI, "read", join(dir, "long.txt"), "--format", "json"], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 2 ** 20, timeout: 170_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/read 50\.0 million characters in/);
    expect(JSON.parse(r.stdout).characters.map((c: { name: string }) => c.name)).toEqual(["Quillon Varrowmere"]);
    expect(readdirSync(dir)).toEqual(["long.txt"]);
  }, 180_000);

  // Invented names, clinical prose.
  const text = [
    "# Chapter One",
    "",
    "Quillon Varrowmere, an alpha, arrived at the harbour office before dawn. Quillon signed the ledger.",
    "Tesmae Orlind kept her eyes on the tide charts. Tesmae was an omega.",
    "",
    "# Chapter Two",
    "",
    "Weeks later Quillon bit Tesmae at the scent gland, and the bond held.",
    "",
  ].join("\n");
  const manuscript = () => {
    const file = join(tempDir(), "harbour.md");
    writeFileSync(file, text);
    return file;
  };

  it("--out writes a draft project that validates and checks without errors; a summary goes to stderr", () => {
    const out = join(tempDir(), "harbour");
    const r = scentline("read", manuscript(), "--out", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^wrote .*harbour: 2 people \(2 designations, 0 alignments stated\), 1 relation .*2 chapters, bible\.json\nscentline check: 0 errors/);
    expect(scentline("validate", out).status).toBe(0);
    const check = scentline("check", out, "--format", "json");
    expect(check.status).toBe(0);
    expect((JSON.parse(check.stdout) as { severity: string }[]).filter((f) => f.severity === "error")).toEqual([]);
    const schema = /\$schema=(\S+)/.exec(readFileSync(join(out, "scentline.yaml"), "utf8"))![1];
    expect(existsSync(join(out, schema))).toBe(true);
  });

  it("never overwrites a folder that is not empty without --force; with it, replaces it whole", () => {
    const out = join(tempDir(), "harbour");
    const file = manuscript();
    expect(scentline("read", file, "--out", out).status).toBe(0);
    writeFileSync(join(out, "notes.md"), "mine\n");
    const again = scentline("read", file, "--out", out);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists and is not empty; nothing was written");
    expect(again.stderr).toContain("--force");
    expect(readFileSync(join(out, "notes.md"), "utf8")).toBe("mine\n");
    const forced = scentline("read", file, "--out", out, "--force");
    expect(forced.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["bible.json", "chapters", "scentline.yaml"]);
  });

  it("--format yaml gives the same bible as --format json, with --out or without", () => {
    const file = manuscript();
    const json = JSON.parse(scentline("read", file, "--format", "json").stdout);
    expect(json.characters.length).toBe(2);
    expect(parse(scentline("read", file, "--format", "yaml").stdout)).toEqual(json);
    const out = join(tempDir(), "harbour");
    const both = scentline("read", file, "--out", out, "--format", "json");
    expect(JSON.parse(both.stdout)).toEqual(json);
    expect(JSON.parse(readFileSync(join(out, "bible.json"), "utf8"))).toEqual(json);
  });

  it("--force without --out is a mistake, and so is a missing manuscript", () => {
    const r = scentline("read", manuscript(), "--force");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--force goes with --out");
    const missing = scentline("read", join(tempDir(), "none.txt"), "--out", join(tempDir(), "x"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("does not exist");
    expect(missing.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("scentline check --watch", () => {
  it("checks again when a chapter changes, and reports the new finding", async () => {
    const { spawn } = await import("node:child_process");
    const dir = tempDir();
    writeFileSync(join(dir, "scentline.yaml"), stringify({ world: "classic", start: "2026-01-01", cast: [{ id: "rey", name: "Rey", born: "2000-01-01", designation: "omega" }] }));
    mkdirSync(join(dir, "chapters"));
    writeFileSync(join(dir, "chapters", "01.md"), "---\ndate: 2026-01-02\n---\nRey, an omega, waits.\n");
    const child = spawn(process.execPath, [CLI, "check", dir, "--watch"], { env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const until = async (test: () => boolean, tries = 200) => {
      for (let i = 0; i < tries && !test(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      await until(() => err.includes("watching"));
      expect(out).not.toContain("[designation-mismatch]");
      // A busy machine may coalesce or drop the first file event: save again until the check runs.
      for (let attempt = 0; attempt < 5 && !out.includes("[designation-mismatch]"); attempt++) {
        writeFileSync(join(dir, "chapters", "01.md"), `---\ndate: 2026-01-02\n---\nRey, an alpha, waits.${" ".repeat(attempt)}\n`);
        await until(() => out.includes("[designation-mismatch]"), 40);
      }
      expect(out).toContain("[designation-mismatch]");
      await until(() => /checked in \d+ ms/.test(err));
      expect(err).toMatch(/checked in \d+ ms/);
    } finally {
      child.kill();
    }
  }, 40_000);
});
