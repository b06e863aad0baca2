/**
 * The browser engine (`scentline/engine` for a browser: dist/engine.browser.js, built by
 * `npm run build`): one file with no Node built-ins, which loads a project from strings with the
 * canon presets bundled in and answers questions about the story's state.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryReader } from "../src/core/memory-reader.js";
import { parseMoment } from "../src/core/time.js";
import { stateAt } from "../src/sim/state.js";
import { Timeline } from "../src/sim/timeline.js";
import { loadProjectFromStrings, loadPresetWorld } from "../src/story/from-strings.js";
import { loadProject } from "../src/story/load.js";
import { CANON_TEXTS } from "../src/world/canon-texts.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUNDLE = join(ROOT, "dist", "engine.browser.js");
const EXAMPLE = readFileSync(join(ROOT, "examples", "ink", "scentline.yaml"), "utf8");

type Engine = typeof import("../src/engine.js");
const engine = async (): Promise<Engine> => (await import(pathToFileURL(BUNDLE).href)) as Engine;

/** Node's built-in modules, with and without the node: prefix. */
const BUILTINS = ["fs", "path", "url", "os", "crypto", "child_process", "module", "perf_hooks", "stream", "util", "buffer", "process", "events", "zlib", "worker_threads"];

describe("the browser engine bundle", () => {
  it("is one ES module that imports nothing, Node built-ins least of all", () => {
    const text = readFileSync(BUNDLE, "utf8");
    expect(text).not.toMatch(/^\s*import\s[^(]/m);
    expect(text).not.toMatch(/\bimport\s*\(\s*["'`]/);
    expect(text).not.toMatch(/\brequire\s*\(\s*["'`]/);
    expect(text).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    for (const b of BUILTINS) expect(text).not.toMatch(new RegExp(`from\\s*["'\`]${b}["'\`]`));
    expect(text).toMatch(/^export\s*\{/m);
  });

  it("is what package.json gives browsers for scentline/engine", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, Record<string, string>> };
    expect(pkg.exports["./engine"].browser).toBe("./dist/engine.browser.js");
    expect(pkg.exports["./engine"].default).toBe("./dist/engine.js");
  });

  it("loads a project from strings, the world named by preset, and says who is in heat on a date", async () => {
    const { loadProjectFromStrings, Timeline } = await engine();
    const { project, diagnostics } = loadProjectFromStrings(EXAMPLE);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const story = new Timeline(project!);
    // examples/ink with seed 4: Kestrel's pre-heat begins 2026-03-05 13:00, her heat a day later.
    expect(story.inCycle("heat", "2026-03-01")).toEqual([]);
    expect(story.person("kestrel", "2026-03-05T14")?.phase).toBe("pre-heat");
    expect(story.inCycle("heat", "2026-03-05T14")).toEqual([]);
    expect(story.inCycle("heat", "2026-03-05T14", { prelude: true }).map((p) => p.id)).toEqual(["kestrel"]);
    expect(story.inCycle("heat", "2026-03-07").map((p) => p.id)).toEqual(["kestrel"]);
    const kestrel = story.person("kestrel", "2026-03-07")!;
    expect([kestrel.designation, kestrel.cycle, kestrel.phase, kestrel.bondedTo]).toEqual(["omega", "heat", "heat", ""]);
    expect(story.person("corin", "+70d")?.designation).toBe("alpha");
    expect(story.person("nobody", "+70d")).toBeUndefined();
  });

  it("gives the answers the Node engine gives, and knows about bonds", async () => {
    const { loadProjectFromStrings, Timeline } = await engine();
    const bonded = EXAMPLE.replace("schedule:\n", "schedule:\n  - { at: +20d, type: move, who: corin, to: infirmary }\n  - { at: +20d, type: bite, who: corin, with: [kestrel] }\n");
    const story = new Timeline(loadProjectFromStrings(bonded).project!);
    expect(story.person("kestrel", "+10d")?.bondedTo).toBe("");
    expect(story.person("kestrel", "+21d")?.bondedTo).toBe("corin");
    expect(story.person("corin", "+21d")?.bondedTo).toBe("kestrel");
    const node = loadProjectFromStrings(bonded).project!;
    const hour = parseMoment("+200d", node.start)!;
    expect(story.at(hour)).toEqual(stateAt(node, hour));
  });

  it("reports a mistake in the project as a diagnostic with its line, and an unknown preset by name", async () => {
    const { loadProjectFromStrings, loadPresetWorld, presetNames } = await engine();
    const bad = loadProjectFromStrings(EXAMPLE.replace("world: classic", "world: clasic"));
    expect(bad.project).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({ severity: "error", code: "unknown-preset", at: { file: "scentline.yaml" } });
    expect(bad.diagnostics[0].hint).toMatch(/classic/);
    expect(presetNames()).toEqual(readdirSync(join(ROOT, "canon")).map((f) => f.replace(/\.yaml$/, "")).sort());
    expect(loadPresetWorld("daxam").world?.id).toBe("daxam");
    expect(loadPresetWorld("nowhere").diagnostics[0].code).toBe("unknown-preset");
  });
});

describe("loading from strings (the engine's modules)", () => {
  it("bundles every canon preset as it is on disk", () => {
    const onDisk = Object.fromEntries(readdirSync(join(ROOT, "canon")).map((f) => [f.replace(/\.yaml$/, ""), readFileSync(join(ROOT, "canon", f), "utf8")]));
    expect({ ...CANON_TEXTS }).toEqual(onDisk);
  });

  it("finds a world file beside the project, which may extend a preset", () => {
    const world = "id: mine\nname: Mine\nextends: classic\nageOfMajority: 21\n";
    const project = EXAMPLE.replace("world: classic", "world: worlds/mine.yaml");
    const r = loadProjectFromStrings(project, { file: "story/scentline.yaml", files: { "story/worlds/mine.yaml": world } });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.project?.world.id).toBe("mine");
    expect(r.project?.world.spec.ageOfMajority).toBe(21);
    expect(loadPresetWorld("classic").world?.id).toBe("classic");
  });

  it("a memory reader resolves paths like a file system does", () => {
    const io = memoryReader({ "a/b/c.yaml": "x", "a/d.yaml": "y" });
    expect(io.read(io.resolve("a/b/c.yaml", "../d.yaml"))).toBe("y");
    expect(io.read("a/./b/c.yaml")).toBe("x");
    expect(io.list?.("a")).toEqual(["b", "d.yaml"]);
    expect(io.read("a/e.yaml")).toBeUndefined();
    expect(loadProject("nowhere/scentline.yaml", io).diagnostics[0].message).toMatch(/not among the files given/);
  });

  it("a timeline asked about an earlier moment starts the story again and answers the same", () => {
    const project = loadProjectFromStrings(EXAMPLE).project!;
    const story = new Timeline(project);
    const late = story.at("+300d");
    const early = story.at("+65d");
    expect(early).toEqual(stateAt(project, parseMoment("+65d", project.start)!));
    expect(story.at("+300d")).toEqual(late);
    expect(() => story.at("yesterday")).toThrow(/is not a moment/);
    expect(() => story.at("2025-01-01")).toThrow(/before the story starts/);
  });
});
