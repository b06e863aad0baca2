/** The words of a world the reader looks for: designations, alignments, cycles and their owners, tells. */
import type { World } from "../world/load.js";
import type { ReaderWords } from "./bible.js";

export function readerWords(world: World): ReaderWords {
  const spec = world.spec;
  const cycles = new Map<string, { cycle: string; designation: string }>();
  for (const [name, c] of Object.entries(spec.cycles)) {
    cycles.set(name, { cycle: name, designation: c.designation });
    if (c.prelude) cycles.set(c.prelude.name, { cycle: name, designation: c.designation });
  }
  return { designations: world.designations, alignments: spec.axes.alignment?.values ?? [], cycles, tells: Object.keys(spec.scent.tells) };
}
