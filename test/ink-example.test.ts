/**
 * The ink example (examples/ink): story.ink compiled by inkjs, its external function phase(who, day)
 * bound to the browser engine bundle, branches on the simulated world.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIR = join(ROOT, "examples", "ink");
const INK = readFileSync(join(DIR, "story.ink"), "utf8");
const PROJECT = readFileSync(join(DIR, "scentline.yaml"), "utf8");

type Engine = typeof import("../src/engine.js");
type NewGame = (engine: Engine, ink: string, project: string, options?: { seed?: number }) => (day: number) => string;

async function load(): Promise<{ engine: Engine; newGame: NewGame }> {
  const engine = (await import(pathToFileURL(join(ROOT, "dist", "engine.browser.js")).href)) as Engine;
  const { newGame } = (await import(pathToFileURL(join(DIR, "game.mjs")).href)) as { newGame: NewGame };
  return { engine, newGame };
}

/** Which branch a scene took. */
const branch = (text: string) => (text.includes("is in heat and off the roster") ? "heat" : text.includes("early signs of heat") ? "pre-heat" : text.includes("fit for duty") ? "" : "?");

describe("the ink example", () => {
  it("branches on Kestrel's simulated phase: fit for duty, early signs, then off the roster", async () => {
    const { engine, newGame } = await load();
    const play = newGame(engine, INK, PROJECT);
    // With the project's seed, Kestrel's pre-heat begins on day 64 at 13:00 and her heat a day later.
    expect(play(10)).toMatch(/^Day 10\. .*\nKestrel reports fit for duty\.\nKestrel takes the morning patrol\.\n$/);
    expect(branch(play(65))).toBe("pre-heat");
    expect(play(66)).toContain("Corin takes the morning patrol in her place.");
  });

  it("takes the branch the engine's state gives on every day, and another seed moves it", async () => {
    const { engine, newGame } = await load();
    const project = engine.loadProjectFromStrings(PROJECT).project!;
    const branches = (seed: number) => {
      const play = newGame(engine, INK, PROJECT, { seed });
      const story = new engine.Timeline(project, { seed });
      const taken: string[] = [];
      for (let day = 1; day <= 200; day += 3) {
        const b = branch(play(day));
        expect(b).toBe(story.person("kestrel", `+${day - 1}d12h`)!.phase);
        taken.push(b);
      }
      return taken;
    };
    const a = branches(4);
    expect(new Set(a)).toEqual(new Set(["", "pre-heat", "heat"]));
    expect(branches(9)).not.toEqual(a);
  });

  it("runs from the command line with the package's own scentline/engine", () => {
    const r = spawnSync(process.execPath, [join(DIR, "run.mjs"), "10", "66"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n\n").map(branch)).toEqual(["", "heat"]);
  });
});
