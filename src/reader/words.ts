/** The words of a world the reader looks for: designations, alignments, cycles and their owners, tells. */
import type { World } from "../world/load.js";
import type { ReaderWords } from "./bible.js";

/**
 * Short forms prose uses for alignments ("Fen is her sub", "Dagny is a dom"), and the value each
 * stands for. Not words that rule out a name: "Dom" is also a name.
 */
export const SHORT_FORMS: Readonly<Record<string, string>> = { dom: "dominant", domme: "dominant", sub: "submissive" };

export function readerWords(world: World): ReaderWords {
  const spec = world.spec;
  const cycles = new Map<string, { cycle: string; designation: string }>();
  for (const [name, c] of Object.entries(spec.cycles)) {
    cycles.set(name, { cycle: name, designation: c.designation });
    if (c.prelude) cycles.set(c.prelude.name, { cycle: name, designation: c.designation });
  }
  const alignments = spec.axes.alignment?.values ?? [];
  const short = Object.keys(SHORT_FORMS).filter((s) => alignments.includes(SHORT_FORMS[s]));
  return { designations: world.designations, alignments: [...alignments, ...short], cycles, tells: Object.keys(spec.scent.tells) };
}
