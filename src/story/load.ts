/**
 * Loads a story project: its `scentline.yaml`, the world it names, and every reference inside it
 * (people, places, institutions) resolved and checked. Under-age courtship, bonding and heat-partner
 * content is refused here, before any simulation, whatever the world file says.
 */
import type { Diagnostic, SourcePosition } from "../core/diagnostic.js";
import { hasErrors } from "../core/diagnostic.js";
import { resolveWorldRef, type SourceReader } from "../core/io.js";
import { didYouMean } from "../core/suggest.js";
import { parseDate, parseDistance, parseDuration, parseMoment, type Hour } from "../core/time.js";
import { validateAgainst } from "../core/validate.js";
import { parseYamlSource, type Path } from "../core/yaml-source.js";
import { loadWorld, type World, type WorldCache } from "../world/load.js";
import { adultContent, ageRefusal, ADULT_EVENT_KINDS, ADULT_RELATION_KINDS, eventRefusals } from "../model/age.js";
import { peopleByName } from "./chapters.js";
import { Project as ProjectSchema, type PersonSpec, type ProjectSpec, type RelationSpec, type ScheduledEventSpec } from "./schema.js";

export interface Person {
  index: number;
  id: string;
  spec: PersonSpec;
  /** Undefined when the cast gives no birth date: the person's age is unknown. */
  born?: Hour;
  species: string;
  /** The owner's index, when the cast entry names one. */
  owner?: number;
  at: SourcePosition;
}

export interface Connection {
  a: number;
  b: number;
  distance: number;
  kind: "open" | "door" | "sealed";
}

export interface Relation {
  kind: RelationSpec["kind"];
  a: number;
  b: number;
  since?: Hour;
  at: SourcePosition;
}

export interface ScheduledEvent {
  index: number;
  hour: Hour;
  spec: ScheduledEventSpec;
  who?: number;
  with: number[];
  chaperones: number[];
  to?: number;
  winner?: number;
  at: SourcePosition;
}

export interface Project {
  dir: string;
  file: string;
  spec: ProjectSpec;
  world: World;
  start: Hour;
  seed: number;
  people: Person[];
  places: string[];
  connections: Connection[];
  relations: Relation[];
  schedule: ScheduledEvent[];
}

export interface ProjectLoad {
  project?: Project;
  diagnostics: Diagnostic[];
}

export const PROJECT_FILE = "scentline.yaml";

/** An id from a name: lower case letters, digits and dashes (`fallback` when none are left). */
export function slug(name: string, fallback = "person"): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || fallback;
}

export interface ProjectLoadOptions {
  /** Worlds loaded before, reused while their files are unchanged. */
  worlds?: WorldCache;
}

export function loadProject(file: string, io: SourceReader, options: ProjectLoadOptions = {}): ProjectLoad {
  const text = io.read(file);
  if (text === undefined)
    return { diagnostics: [{ severity: "error", code: "file-not-found", message: `cannot read the project: ${io.whyUnreadable?.(file) ?? file}`, hint: `a story project is a folder with a ${PROJECT_FILE} file`, at: { file, line: 1, column: 1 } }] };
  const { source, diagnostics } = parseYamlSource(file, text);
  if (!source) return { diagnostics };
  diagnostics.push(...validateAgainst(ProjectSchema, source));
  if (hasErrors(diagnostics)) return { diagnostics };
  const spec = source.value as ProjectSpec;
  const locate = (p: Path) => source.locate(p);
  const err = (code: string, message: string, path: Path, hint?: string) => diagnostics.push({ severity: "error", code, message, hint, at: locate(path) });
  const warn = (code: string, message: string, path: Path, hint: string) => diagnostics.push({ severity: "warning", code, message, hint, at: locate(path) });

  const worldRef = spec.world;
  const worldPath = resolveWorldRef(io, file, worldRef);
  if (!worldPath) {
    err("unknown-preset", `no canon preset is called "${worldRef}"`, ["world"], didYouMean(worldRef, io.presets()) ?? `presets: ${io.presets().join(", ")}`);
    return { diagnostics };
  }
  const wl = options.worlds ? options.worlds.load(worldPath, io, locate(["world"])) : loadWorld(worldPath, io, locate(["world"]));
  diagnostics.push(...wl.diagnostics);
  const world = wl.world;
  if (!world) return { diagnostics };

  // The schema checks a date's form; here its calendar (no 30 February).
  const realDate = (text: string, path: Path) => {
    const h = parseDate(text);
    if (h === undefined) err("bad-value", `"${text}" is not a date on the calendar`, path, "check the day and month");
    return h ?? 0;
  };
  const start = realDate(spec.start, ["start"]);
  spec.cast.forEach((p, i) => p.born !== undefined && realDate(p.born, ["cast", i, "born"]));
  (spec.relations ?? []).forEach((r, i) => r.since && realDate(r.since, ["relations", i, "since"]));
  if (hasErrors(diagnostics)) return { diagnostics };
  // People: ids from the id field or the name; any id, name or alias refers to them.
  const people: Person[] = [];
  const ids = new Set<string>();
  spec.cast.forEach((p, i) => {
    const id = p.id ?? slug(p.name);
    if (ids.has(id)) err("duplicate", `two people have the id "${id}"`, ["cast", i, "name"], "give one of them an id: field");
    ids.add(id);
    const species = p.species ?? world.spec.defaultSpecies;
    people.push({ index: i, id, spec: p, born: p.born !== undefined ? parseDate(p.born) : undefined, species, at: locate(["cast", i]) });
  });
  const byName = peopleByName(people);
  const names = people.flatMap((p) => [p.id, p.spec.name]);
  const person = (ref: string, path: Path): number | undefined => {
    const i = byName.get(ref.toLowerCase());
    if (i === undefined) err("unknown-person", `no one in the cast is called "${ref}"`, path, didYouMean(ref, names) ?? "add the person to cast:, or fix the name");
    return i;
  };

  const places = (spec.places ?? []).map((p) => p.id);
  places.forEach((p, i) => places.indexOf(p) !== i && err("duplicate", `two places have the id "${p}"`, ["places", i, "id"], "give each place its own id"));
  const placeIndex = new Map(places.map((p, i) => [p, i]));
  const place = (ref: string, path: Path): number | undefined => {
    const i = placeIndex.get(ref);
    if (i === undefined) err("unknown-place", `no place is called "${ref}"`, path, didYouMean(ref, places) ?? "add it to places:");
    return i;
  };
  (spec.places ?? []).forEach((p, i) => p.within && place(p.within, ["places", i, "within"]));

  // Each person's designation, species and location must fit the world.
  const axis = world.designationAxis;
  people.forEach((p, i) => {
    const sp = world.spec.species[p.species];
    if (!sp) return err("unknown-name", `unknown species "${p.species}"`, ["cast", i, "species"], didYouMean(p.species, Object.keys(world.spec.species)) ?? `species in this world: ${Object.keys(world.spec.species).join(", ")}`);
    const d = p.spec.designation;
    if (d !== undefined) {
      if (!sp.axes.includes(axis)) err("designation-without-axis", `${p.spec.name} is of species "${p.species}", which has no ${axis}, but is given the designation "${d}"`, ["cast", i, "designation"], "remove the designation, or give the person a species with that axis");
      else if (!world.designations.includes(d)) err("unknown-name", `unknown designation "${d}"`, ["cast", i, "designation"], didYouMean(d, world.designations) ?? `designations: ${world.designations.join(", ")}`);
    }
    const al = p.spec.alignment;
    if (al !== undefined && !world.spec.axes.alignment)
      warn("alignment-without-axis", `${p.spec.name} is given the alignment "${al}", but this world has no alignment axis: nothing in it gives the alignment a meaning`, ["cast", i, "alignment"], "remove the alignment, or give the world an alignment axis (axes.alignment)");
    else if (al !== undefined && world.spec.axes.alignment && !world.spec.axes.alignment.values.includes(al))
      err("unknown-name", `unknown alignment "${al}"`, ["cast", i, "alignment"], didYouMean(al, world.spec.axes.alignment.values));
    const onSuppressants = p.spec.traits?.indexOf("suppressants") ?? -1;
    if (onSuppressants >= 0 && !world.spec.suppressants)
      warn("no-suppressants", `${p.spec.name} is on suppressants (the trait "suppressants"), but this world has no suppressants: the trait has no effect`, ["cast", i, "traits", onSuppressants], "remove the trait, or give the world suppressants");
    if (p.spec.location) place(p.spec.location, ["cast", i, "location"]);
    if (p.spec.owner) p.owner = person(p.spec.owner, ["cast", i, "owner"]);
  });

  const connections: Connection[] = [];
  (spec.connections ?? []).forEach((c, i) => {
    const a = place(c.between[0], ["connections", i, "between", 0]);
    const b = place(c.between[1], ["connections", i, "between", 1]);
    if (a !== undefined && a === b) err("bad-value", `a connection from "${c.between[0]}" to itself`, ["connections", i, "between"], "a connection joins two different places");
    if (a !== undefined && b !== undefined) connections.push({ a, b, distance: parseDistance(c.distance)!, kind: c.kind });
  });

  // Adults only: someone without a birth date in content of that kind is let through (see
  // model/age.ts), with a warning at each place it happens that asks for the date.
  const unknownAge = (who: number, kind: string, path: Path) => {
    const p = people[who];
    if (p.born !== undefined) return;
    diagnostics.push({
      severity: "warning",
      code: "age-unknown",
      message: `${p.spec.name} has no birth date, so their age is unknown: ${adultContent(kind)} involving them cannot be confirmed to be between adults`,
      hint: `add born: YYYY-MM-DD to ${p.spec.name}'s cast entry (line ${p.at.line}); Scentline is for fiction about adults (${world.ageOfMajority} or older in this world)`,
      at: locate(path),
    });
  };

  const relations: Relation[] = [];
  (spec.relations ?? []).forEach((r, i) => {
    const a = person(r.a, ["relations", i, "a"]);
    const b = person(r.b, ["relations", i, "b"]);
    if (a === undefined || b === undefined) return;
    if (a === b) return err("bad-value", `${people[a].spec.name} cannot have a ${r.kind} relation with themself`, ["relations", i], "name two different people");
    const since = r.since ? parseDate(r.since) : undefined;
    relations.push({ kind: r.kind, a, b, since, at: locate(["relations", i]) });
    if (r.kind === "bond" || r.kind === "partner") {
      const other = relations.find((o) => o !== relations[relations.length - 1] && o.kind === r.kind && [o.a, o.b].some((x) => x === a || x === b));
      if (other) err("contradiction", `${people[[other.a, other.b].find((x) => x === a || x === b)!].spec.name} already has a ${r.kind} (${people[other.a].id} – ${people[other.b].id})`, ["relations", i], `a person has one ${r.kind} at a time`);
    }
    // Relations hold from the story's start: the people must be adults then, and at their "since".
    if (ADULT_RELATION_KINDS.has(r.kind)) {
      for (const who of [a, b]) {
        unknownAge(who, r.kind, ["relations", i]);
        const refusal = ageRefusal(world, people[who], start, r.kind) ?? (since !== undefined ? ageRefusal(world, people[who], since, r.kind) : undefined);
        if (refusal) err("under-age", refusal, ["relations", i], "Scentline refuses courtship, bonding and heat-partner content for anyone under the age of majority; correct the birth date or remove the relation");
      }
    }
  });

  const institutions = Object.keys(world.spec.institutions ?? {});
  const tells = Object.keys(world.spec.scent.tells);
  const roles = Object.keys(world.spec.roles ?? {});
  const schedule: ScheduledEvent[] = [];
  (spec.schedule ?? []).forEach((e, i) => {
    const hour = parseMoment(e.at, start);
    if (hour === undefined) return err("bad-value", `"${e.at}" is not a date or a time after the start`, ["schedule", i, "at"], "write 2026-03-01, 2026-03-01T14:00 or +3d");
    const who = e.who !== undefined ? person(e.who, ["schedule", i, "who"]) : undefined;
    const withIdx = (e.with ?? []).map((w, j) => person(w, ["schedule", i, "with", j])).filter((x): x is number => x !== undefined);
    const chaperones = (e.chaperones ?? []).map((w, j) => person(w, ["schedule", i, "chaperones", j])).filter((x): x is number => x !== undefined);
    const to = e.to !== undefined ? place(e.to, ["schedule", i, "to"]) : undefined;
    const winner = e.winner !== undefined ? person(e.winner, ["schedule", i, "winner"]) : undefined;
    if (winner !== undefined && winner !== who && !withIdx.includes(winner))
      err("bad-value", `the winner of a challenge must be one of its two sides`, ["schedule", i, "winner"], "name the challenger (who) or the one challenged (with)");
    if (e.institution !== undefined && !institutions.includes(e.institution))
      err("unknown-name", `the world has no institution "${e.institution}"`, ["schedule", i, "institution"], didYouMean(e.institution, institutions) ?? `institutions: ${institutions.join(", ") || "none"}`);
    const needs: Partial<Record<ScheduledEventSpec["type"], (keyof ScheduledEventSpec)[]>> = {
      move: ["who", "to"], meet: ["with", "to"], bite: ["who", "with"], visit: ["who", "with"], match: ["who", "with"], partner: ["who", "with"], "end-partner": ["who"],
      voice: ["who", "with"], pressure: ["who", "with"], enact: ["institution"], repeal: ["institution"], free: ["who"], sell: ["who"],
      appoint: ["who", "role"], challenge: ["who", "with"], contact: ["who", "with"], tell: ["who", "tell"], suppressants: ["who"], "stop-suppressants": ["who"], wash: ["who"], "break-bond": ["who"], stress: ["who"], injure: ["who"],
    };
    for (const field of needs[e.type] ?? []) {
      const v = e[field];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) err("missing-field", `a "${e.type}" event needs "${field}"`, ["schedule", i], `add ${field}: to this event`);
    }
    if (who !== undefined && withIdx.includes(who)) err("bad-value", `${people[who].spec.name} is both "who" and in "with"`, ["schedule", i, "with"], "name the other people in with:");
    if ((e.type === "suppressants" || e.type === "stop-suppressants") && !world.spec.suppressants)
      warn("no-suppressants", `a "${e.type}" event in a world without suppressants has no effect`, ["schedule", i, "type"], "remove the event, or give the world suppressants");
    if (e.type === "tell" && e.tell && !tells.includes(e.tell)) err("unknown-name", `the world has no tell "${e.tell}"`, ["schedule", i, "tell"], didYouMean(e.tell, tells) ?? `tells: ${tells.join(", ")}`);
    if (e.type === "appoint" && e.role && roles.length > 0 && !roles.includes(e.role)) err("unknown-name", `the world has no role "${e.role}"`, ["schedule", i, "role"], didYouMean(e.role, roles) ?? `roles: ${roles.join(", ")}`);
    if (e.times !== undefined && e.every === undefined) err("missing-field", `"times" needs "every"`, ["schedule", i, "times"], "add every: 1w (how often it repeats)");
    if (e.every !== undefined && (parseDuration(e.every) ?? 0) < 1) err("out-of-range", `a routine must repeat at least an hour apart`, ["schedule", i, "every"], "write every: 1h or more");
    schedule.push({ index: i, hour, spec: e, who, with: withIdx, chaperones, to, winner, at: locate(["schedule", i]) });
    if (ADULT_EVENT_KINDS.has(e.type)) for (const p of who === undefined ? withIdx : [who, ...withIdx]) unknownAge(p, e.type, ["schedule", i]);
    for (const r of eventRefusals(world, [who, ...withIdx].map((p) => (p === undefined ? undefined : people[p])), hour, e.type))
      err("under-age", r.message, ["schedule", i], "Scentline refuses courtship, bonding and heat-partner events for anyone under the age of majority; correct the birth date or the event's date");
  });
  // Stable order: by time, then as written.
  schedule.sort((x, y) => x.hour - y.hour || x.index - y.index);

  if (hasErrors(diagnostics)) return { diagnostics };
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  const dir = cut >= 0 ? file.slice(0, cut) : ".";
  return {
    project: { dir, file, spec, world, start, seed: spec.seed ?? 1, people, places, connections, relations, schedule },
    diagnostics,
  };
}
