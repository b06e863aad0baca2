/** `scentline canon list|coverage`: the canon presets, and which seed rules each one implements. */
import { citedRules } from "../../world/coverage.js";
import type { Command } from "commander";
import { formatDiagnostic } from "../../core/diagnostic.js";
import { didYouMean } from "../../core/suggest.js";
import { canonNames, nodeReader } from "../../node/io.js";
import type { World } from "../../world/load.js";
import type { WorldSpec } from "../../world/schema.js";
import { CliError, colours, useColour, writeResult } from "../output.js";

export function register(program: Command): void {
  const canon = program.command("canon").description("the canon presets bundled with Scentline");
  canon
    .command("list")
    .description("list each preset with its world's name")
    .action(async () => list(await presetLoader()));
  canon
    .command("coverage")
    .description("for each preset with seed rules: the rules it implements, why each other one is left out, and what it assumes that its text does not say")
    .argument("[preset]", "one preset (default: all)")
    .action(async (name: string | undefined) => coverage(await presetLoader(), name));
}

type LoadPreset = (name: string) => World;

/** Loads presets by name; the world loader is imported only when a canon command runs. */
async function presetLoader(): Promise<LoadPreset> {
  const { loadWorld } = await import("../../world/load.js");
  const io = nodeReader();
  return (name) => {
    const file = io.preset(name);
    if (!file) throw new CliError(`no canon preset is called "${name}"`, didYouMean(name, canonNames()) ?? `presets: ${canonNames().join(", ")}`);
    const { world, diagnostics } = loadWorld(file, io);
    if (!world) throw new CliError(`the canon preset "${name}" does not load: ${formatDiagnostic(diagnostics.find((d) => d.severity === "error") ?? diagnostics[0])}`);
    return world;
  };
}

function list(loadPreset: LoadPreset): void {
  const names = canonNames();
  const width = names.reduce((w, n) => Math.max(w, n.length), 0);
  writeResult(names.map((n) => `${n.padEnd(width)}  ${loadPreset(n).spec.name}\n`));
}

function coverage(loadPreset: LoadPreset, name: string | undefined): void {
  const names = name === undefined ? canonNames() : [name];
  const c = colours(useColour(process.stdout));
  const out: string[] = [];
  for (const n of names) {
    const spec: WorldSpec = loadPreset(n).spec;
    if (out.length) out.push("\n");
    if (!spec.canon?.seedRules?.length) {
      out.push(`${c.bold(n)}: no seed rules (the world has no canon.seedRules)\n`);
      continue;
    }
    const seed = spec.canon.seedRules;
    const cited = citedRules(spec);
    const implemented = seed.filter((id) => cited.has(id));
    const missing = seed.filter((id) => !cited.has(id));
    const notModelled = spec.canon.notModelled ?? {};
    out.push(`${c.bold(n)} (${spec.name}): ${implemented.length} of ${seed.length} seed rules implemented\n`);
    out.push(`  implemented (${implemented.length}): ${implemented.join(", ") || "none"}\n`);
    if (missing.length) {
      out.push(`  left out (${missing.length}):\n`);
      const width = missing.reduce((w, id) => Math.max(w, id.length), 0);
      for (const id of missing) out.push(`    ${id.padEnd(width)}  ${notModelled[id] ?? c.red("LEFT OUT WITHOUT A REASON")}\n`);
    }
    const stray = [...cited].filter((id) => !seed.includes(id)).sort();
    if (stray.length) out.push(`  cited but not among the seed rules: ${stray.join(", ")}\n`);
    const both = implemented.filter((id) => notModelled[id] !== undefined);
    if (both.length) out.push(`  cited and also listed as not modelled (partly implemented): ${both.join(", ")}\n`);
    const assumed = Object.entries(spec.canon.assumed ?? {});
    if (assumed.length) {
      out.push(`  assumed, not from the text nor an open question of it (${assumed.length}):\n`);
      const width = assumed.reduce((w, [path]) => Math.max(w, path.length), 0);
      for (const [path, why] of assumed) out.push(`    ${path.padEnd(width)}  ${why}\n`);
    }
  }
  writeResult(out);
}
