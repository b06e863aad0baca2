/** What the fact extractor needs to know of a project: its people, its world's words, its places. */
import type { Project } from "../story/load.js";
import type { Vocabulary } from "../text/facts.js";

export function vocabularyOf(project: Project): Vocabulary {
  const spec = project.world.spec;
  const cycleWords = new Map<string, { cycle: string; phase?: string; prelude?: boolean }>();
  for (const [name, c] of Object.entries(spec.cycles)) {
    cycleWords.set(name, { cycle: name });
    if (c.prelude) cycleWords.set(c.prelude.name, { cycle: name, phase: c.prelude.name, prelude: true });
    for (const p of c.phases) if (!cycleWords.has(p.name)) cycleWords.set(p.name, { cycle: name, phase: p.name });
  }
  const barred = Object.values(spec.institutions ?? {}).flatMap((i) => [i.role, ...(i.roles ?? [])]).filter((r): r is string => !!r);
  const places = new Map<string, number>();
  (project.spec.places ?? []).forEach((p, i) => {
    places.set(p.id.toLowerCase(), i);
    if (p.name) places.set(p.name.toLowerCase(), i);
  });
  return {
    people: project.people.map((p) => ({ name: p.spec.name, aliases: p.spec.aliases, pronouns: p.spec.pronouns })),
    designations: project.world.designations,
    alignments: spec.axes.alignment?.values ?? [],
    cycleWords,
    tells: Object.keys(spec.scent.tells),
    roles: [...new Set([...Object.keys(spec.roles ?? {}), ...barred])],
    places,
  };
}
