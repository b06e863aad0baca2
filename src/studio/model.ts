/**
 * What the studio's page draws, worked out once per change of the project: the simulation's log
 * turned into change points per person and field (so the page finds anyone's state at any hour by
 * a binary search, never by simulating again), the chapters, the checker's findings and the place
 * graph's effective distances. Pure and browser-safe, like the engine it reads.
 */
import { parseDistance, type Hour } from "../core/time.js";
import type { Finding } from "../check/finding.js";
import type { CheckMeta } from "../check/check.js";
import { PlaceGraph } from "../model/place-graph.js";
import { readsPerceiver } from "../model/scent.js";
import type { SimEvent } from "../sim/event.js";
import { Simulator } from "../sim/simulator.js";
import type { Chapter } from "../story/chapters.js";
import type { Project } from "../story/load.js";
import { Courtships } from "./courtships.js";

/** The state a timeline lane shows, one change-point series each. */
/** `courting` holds ids, space-separated: someone may court more than one person. */
export const FIELDS = ["designation", "cycle", "suppressed", "bondedTo", "partner", "courting", "matched", "status", "owner", "guardian", "location"] as const;
export type Field = (typeof FIELDS)[number];

/** A value held from `hours[k]` until `hours[k + 1]`, set by event `events[k]` ("" for the cast's own line). */
export interface Track {
  hours: Hour[];
  values: string[];
  events: string[];
}

/**
 * A scent someone gives off, as the simulator has it: how far it carries (effective feet) for a
 * perceiver no rule about perceivers singles out, before masking, which changes with who is around.
 */
export interface StudioEmission {
  tell: string;
  range: number;
  /** When a passing tell fades, or null for a signature or a cycle's tell (they last while their cause does). */
  until: Hour | null;
}

/** Someone's part in the scent map: whether they mask others' scent (a beta, in most worlds), and what they give off. */
export interface ScentState {
  masks: boolean;
  gives: StudioEmission[];
}

/** Someone's scent state from `hours[k]` on. */
export interface ScentTrack {
  hours: Hour[];
  values: ScentState[];
}

export interface StudioPerson {
  id: string;
  name: string;
  species: string;
  alignment: string;
  /** The birth hour, or null when the cast gives none. */
  born: Hour | null;
  strength: number;
  scentNotes: string[];
  roles: string[];
  /** The cast line that introduces them (project-relative file). */
  at: { file: string; line: number };
  track: Record<Field, Track>;
  scent: ScentTrack;
}

export interface StudioRelation {
  kind: string;
  a: string;
  b: string;
  since: Hour | null;
  at: { file: string; line: number };
}

export interface StudioChapter {
  index: number;
  file: string;
  title: string;
  hour: Hour;
  dated: boolean;
  where: string;
  present: string[];
  pov: string;
  /** Line (1-based) where the prose starts, after the front matter. */
  bodyLine: number;
}

export interface StudioPlace {
  id: string;
  name: string;
  /** Places scent can reach from here, with effective distances (feet), nearest first. */
  reach: [place: number, distance: number][];
}

export interface StudioScent {
  signatureRange: number;
  /** Whether suppressants hide the signature in this world. */
  suppressedHidesSignature: boolean;
  masking: { factorEach: number; floor: number } | null;
  /** The range rules that depend on who smells: the map cannot draw them, the legend names them. */
  perceiverRules: { id: string; when: string; effect: string }[];
}

export interface StudioModel {
  /** Bumped on every rebuild, so the page knows a fresher model from a stale one. */
  version: number;
  title: string;
  world: string;
  start: Hour;
  until: Hour;
  seed: number;
  projectFile: string;
  designations: string[];
  people: StudioPerson[];
  relations: StudioRelation[];
  places: StudioPlace[];
  /** The place graph's connections, by place index. */
  connections: { a: number; b: number; kind: string; distance: number }[];
  scent: StudioScent;
  chapters: StudioChapter[];
  findings: Finding[];
  rules: Pick<CheckMeta, "id" | "severity" | "description">[];
  eventCount: number;
  /** When the project cannot be loaded: what is wrong (the findings say where). */
  error?: string;
}

export interface BuildInput {
  project: Project;
  chapters: readonly Chapter[];
  findings: readonly Finding[];
  rules: readonly CheckMeta[];
  until: Hour;
  version: number;
  /** Makes a file path project-relative (with forward slashes). */
  relative: (file: string) => string;
}

export interface BuiltModel {
  model: StudioModel;
  /** The simulation the model was drawn from (its log included): another model of the same run can reuse it. */
  run: StudioRun;
}

/** A simulation read into the page's terms: each person's tracks and what the run ends with. */
export interface StudioRun {
  /** What the run depends on (see runKey): equal keys give the same run. */
  key: string;
  log: SimEvent[];
  people: { alignment: string; strength: number; roles: string[]; track: Record<Field, Track>; scent: ScentTrack }[];
}

/**
 * Everything the simulator reads of a project, as text: the world's rules, the start, seed and
 * end, and the cast, places, relations and schedule with the lines they are written on (events
 * cite them). Not the title, the chapters or the checker's settings, which the run never sees.
 */
export function runKey(project: Project, until: Hour): string {
  const { world, start, seed, dir, people, places, connections, relations, schedule } = project;
  return JSON.stringify([world.spec, world.files, start, seed, until, dir, people, places, connections, relations, schedule]);
}

/** Which events can set each field: a change is credited to the latest of them in its hour. */
const FIELD_EVENTS: Record<Field, RegExp> = {
  designation: /presentation|born/,
  cycle: /heat|rut|cycle|prodrome|phase|breakthrough|suppressant/,
  suppressed: /suppressant/,
  bondedTo: /bond|bite/,
  partner: /partner/,
  courting: /visit|match|bond|bite/,
  matched: /match/,
  status: /status|enact|repeal|free|sold|sell/,
  owner: /status|owner|free|sold|sell/,
  guardian: /guardian|appointed/,
  location: /move|visit|drawn|avoid/,
};

const WHERE: readonly Field[] = ["location"];

/** Events that only record what someone noticed: they change nobody's state. */
const OBSERVATIONS: ReadonlySet<string> = new Set(["perceived", "trace-perceived", "noticed", "calmed"]);

export function buildModel(input: BuildInput, previous?: StudioRun): BuiltModel {
  const { project, until } = input;
  const key = runKey(project, until);
  const run = previous?.key === key ? previous : simulateRun(project, until, key);
  return { model: assemble(input, run), run };
}

/** Simulates the project and reads each person's state at every hour something changes. */
function simulateRun(project: Project, until: Hour, key: string): StudioRun {
  const sim = new Simulator(project, { until });
  const tracks: Record<Field, Track>[] = project.people.map(() => Object.fromEntries(FIELDS.map((f) => [f, { hours: [], values: [], events: [] }])) as unknown as Record<Field, Track>);
  const scents: ScentTrack[] = project.people.map(() => ({ hours: [], values: [] }));
  const lastScent: string[] = project.people.map(() => "");
  const indexOf = new Map(project.people.map((p, i) => [p.id, i]));
  const courtships = new Courtships(sim.n, sim.mate);

  const other = (k: number) => (k >= 0 ? sim.ids[k] : "");
  const read: Record<Field, (i: number) => string> = {
    designation: (i) => (!sim.hasAxis[i] ? "none" : sim.designationOf(i) || (sim.bornAt(i) === undefined ? "unknown" : "unpresented")),
    cycle: (i) => {
      const c = sim.cycles.current(i);
      return c ? `${c.cycle}:${c.phase}` : "";
    },
    suppressed: (i) => (sim.suppressed[i] === 1 ? "yes" : ""),
    bondedTo: (i) => other(sim.mate[i]),
    partner: (i) => other(sim.partner[i]),
    courting: (i) => courtships.of(i, sim.ids),
    matched: (i) => (sim.matched[i] === 1 ? "yes" : ""),
    status: (i) => sim.status[i],
    owner: (i) => other(sim.owner[i]),
    guardian: (i) => other(sim.guardian[i]),
    location: (i) => (sim.location[i] >= 0 ? sim.places[sim.location[i]] : ""),
  };
  /** People whose courtship ended with someone else's bond: read again after those the events named. */
  const courtshipEnded = new Map<number, readonly SimEvent[]>();
  const readEnded = (hour: Hour): void => {
    for (const [j, events] of courtshipEnded) record(j, hour, events, true);
    courtshipEnded.clear();
  };
  /**
   * `events`: what named the person this hour, in order; `fallback`: whether any of them may take
   * the credit; `fields`: the fields the events can have changed (a move changes only where someone is).
   */
  const record = (i: number, hour: Hour, events: readonly SimEvent[], fallback: boolean, fields: readonly Field[] = FIELDS): void => {
    for (const j of courtships.settle(i)) courtshipEnded.set(j, events);
    const t = tracks[i];
    for (const f of fields) {
      const track = t[f];
      const last = track.values.length - 1;
      const now = read[f](i);
      if (last >= 0 && track.values[last] === now) continue;
      const event = creditFor(f, events, fallback);
      if (last >= 0 && track.hours[last] === hour) {
        // Two changes in one hour: the later one stands, and one that undoes the other leaves no change.
        if (last >= 1 && track.values[last - 1] === now) {
          track.hours.pop();
          track.values.pop();
          track.events.pop();
        } else {
          track.values[last] = now;
          track.events[last] = event;
        }
        continue;
      }
      track.hours.push(hour);
      track.values.push(now);
      track.events.push(event);
    }
  };
  // Read only once the run has begun: a person's view made before setup would miss their presentation.
  const recordScent = (i: number, hour: Hour): void => {
    const reach = sim.scent.reachOf(i);
    const masks = sim.scent.masks(i);
    // Compared as text, and made into objects only when it changed (it mostly has not).
    let key = masks ? "m" : "";
    for (const e of reach) key += `|${e.tell} ${Math.round(e.range * 10)} ${e.until ?? ""}`;
    if (key === lastScent[i]) return;
    lastScent[i] = key;
    const now: ScentState = { masks, gives: reach.map((e): StudioEmission => ({ tell: e.tell, range: Math.round(e.range * 10) / 10, until: e.until ?? null })) };
    const t = scents[i];
    if (t.hours.length > 0 && t.hours[t.hours.length - 1] === hour) t.values[t.values.length - 1] = now;
    else {
      t.hours.push(hour);
      t.values.push(now);
    }
  };

  // The cast's own state first (the cause is the cast line), then the start hour's work, then
  // every hour the queue has work. Only the people an event that changes state names can have
  // changed, so only they are read again.
  const causeOf = (from: number): Map<number, SimEvent[]> => {
    const by = new Map<number, SimEvent[]>();
    for (let k = from; k < sim.log.length; k++) {
      const e = sim.log[k];
      if (OBSERVATIONS.has(e.type)) continue;
      courtships.note(e, indexOf);
      for (const id of e.people) {
        const i = indexOf.get(id);
        if (i === undefined) continue;
        const list = by.get(i);
        if (list) list.push(e);
        else by.set(i, [e]);
      }
    }
    return by;
  };
  for (let i = 0; i < sim.n; i++) record(i, project.start, [], false);
  sim.advanceTo(project.start);
  const first = causeOf(0);
  // Setting up (relations, presentation) may change anyone, with or without an event; what no
  // event of its kind explains comes from the cast.
  for (let i = 0; i < sim.n; i++) {
    record(i, project.start, first.get(i) ?? [], false);
    recordScent(i, project.start);
  }
  readEnded(project.start);
  for (;;) {
    const h = sim.queue.peekHour();
    if (h === undefined || h > until) break;
    const from = sim.log.length;
    sim.advanceTo(h);
    for (const [i, events] of causeOf(from)) {
      // A move changes only where someone is: nothing else they hold, nothing they give off (masking
      // is worked out where they stand, on the page).
      const moves = events.every((e) => e.type === "moved");
      record(i, sim.now, events, true, moves ? WHERE : FIELDS);
      if (!moves) recordScent(i, sim.now);
    }
    readEnded(sim.now);
  }
  sim.advanceTo(until);
  return {
    key,
    log: sim.log,
    people: project.people.map((_, i) => ({
      alignment: sim.alignment[i],
      strength: sim.strength[i],
      roles: [...sim.roles[i]].sort(),
      track: tracks[i],
      scent: scents[i],
    })),
  };
}

/** The model of a run: the run's tracks with the project's places, chapters and findings. */
function assemble(input: BuildInput, run: StudioRun): StudioModel {
  const { project, until } = input;
  const s = project.world.spec.scent;
  const signatureRange = parseDistance(s.signatureRange) ?? 0;
  const widest = Math.max(signatureRange, ...Object.values(s.tells ?? {}).map((t) => parseDistance(t.range) ?? 0));
  const graph = new PlaceGraph(project.places.length, project.connections, s.connections, widest * 4);
  const masking = s.masking ? { factorEach: s.masking.factorEach, floor: s.masking.floor } : null;
  const placeNames = new Map((project.spec.places ?? []).map((p) => [p.id, p.name ?? p.id]));

  return {
    version: input.version,
    title: project.spec.title ?? project.dir,
    world: project.world.spec.id ?? "",
    start: project.start,
    until,
    seed: project.seed,
    projectFile: input.relative(project.file),
    designations: [...project.world.designations],
    people: project.people.map((p, i) => ({
      id: p.id,
      name: p.spec.name,
      species: p.species,
      alignment: run.people[i].alignment,
      born: p.born ?? null,
      strength: run.people[i].strength,
      scentNotes: [...(p.spec.scent ?? [])],
      roles: run.people[i].roles,
      at: { file: input.relative(p.at.file), line: p.at.line },
      track: run.people[i].track,
      scent: run.people[i].scent,
    })),
    relations: project.relations.map((r) => ({ kind: r.kind, a: project.people[r.a].id, b: project.people[r.b].id, since: r.since ?? null, at: { file: input.relative(r.at.file), line: r.at.line } })),
    places: project.places.map((id, k) => {
      const reach = graph.reachFrom(k);
      return { id, name: placeNames.get(id) ?? id, reach: Array.from(reach.places, (q, j): [number, number] => [q, Math.round(reach.distances[j] * 10) / 10]) };
    }),
    connections: project.connections.map((c) => ({ a: c.a, b: c.b, kind: c.kind, distance: c.distance })),
    scent: { signatureRange, suppressedHidesSignature: project.world.spec.suppressants?.hides?.includes("signature") ?? false, masking, perceiverRules: perceiverRules(s) },
    chapters: input.chapters.map((c) => ({
      index: c.index,
      file: input.relative(c.file),
      title: c.title ?? input.relative(c.file).replace(/^.*\//, "").replace(/\.[a-z]+$/i, ""),
      hour: c.hour,
      dated: c.dated,
      where: c.where !== undefined ? project.places[c.where] : "",
      present: c.present.map((k) => project.people[k].id),
      pov: c.pov !== undefined ? project.people[c.pov].id : "",
      bodyLine: c.text.slice(0, c.bodyStart).split("\n").length,
    })),
    findings: input.findings.map((f) => relativeFinding(f, input.relative)),
    rules: input.rules.map((r) => ({ id: r.id, severity: r.severity, description: r.description })),
    eventCount: run.log.length,
  };
}

function creditFor(field: Field, events: readonly SimEvent[], fallback: boolean): string {
  for (let k = events.length - 1; k >= 0; k--) if (FIELD_EVENTS[field].test(events[k].type)) return events[k].id;
  return fallback && events.length ? events[events.length - 1].id : "";
}

export function relativeFinding(f: Finding, relative: (file: string) => string): Finding {
  return { ...f, file: f.file ? relative(f.file) : "", causes: f.causes.map((c) => (c.file ? { ...c, file: relative(c.file) } : c)) };
}

/** The page's fallback when the project does not load: no simulation, only what is wrong. */
export function emptyModel(version: number, title: string, projectFile: string, findings: readonly Finding[], rules: readonly CheckMeta[], error: string): StudioModel {
  return {
    version,
    title,
    world: "",
    start: 0,
    until: 0,
    seed: 0,
    projectFile,
    designations: [],
    people: [],
    relations: [],
    places: [],
    connections: [],
    scent: { signatureRange: 0, suppressedHidesSignature: false, masking: null, perceiverRules: [] },
    chapters: [],
    findings: [...findings],
    rules: rules.map((r) => ({ id: r.id, severity: r.severity, description: r.description })),
    eventCount: 0,
    error,
  };
}

/** The world's range rules and modifiers whose condition reads the perceiver, in words. */
function perceiverRules(s: Project["world"]["spec"]["scent"]): StudioScent["perceiverRules"] {
  return [
    ...(s.ranges ?? []).filter((r) => readsPerceiver(r.when)).map((r) => ({ id: r.id, when: r.when, effect: `range ${r.range}` })),
    ...(s.rangeModifiers ?? []).filter((m) => readsPerceiver(m.when)).map((m) => ({ id: m.id, when: m.when, effect: `range × ${m.factor}` })),
  ];
}
