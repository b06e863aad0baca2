/**
 * The dated things a writer plans a story around, read off a simulation's log: each heat or rut as
 * one episode (its prelude, main phase and later phases, its end), cycles that were skipped,
 * Visits, and legal and life dates (laws and customs taking or losing force, status changes,
 * appointments, guardians, matches, presentations, bonds, births). Pure and browser-safe: the same
 * log gives the same entries in the same order, each explained by the causes its events carry.
 */
import { formatDateTime, formatDuration, type Hour } from "../core/time.js";
import type { Cause, SimEvent } from "../sim/event.js";
import type { CycleSpec } from "../world/schema.js";

export interface CalendarEntry {
  /** The log event that opens the entry; with the project and seed it names the entry for good. */
  id: string;
  /** What sort of date it is: a cycle's name (heat, rut), or visit, law, status, appointment, … */
  category: string;
  start: Hour;
  /** Exclusive; a moment (a Visit, an act of law) lasts the simulator's one hour. */
  end: Hour;
  summary: string;
  /** What happened, then why: the rules, inputs and earlier events its log events name. */
  description: string[];
  people: string[];
  place?: string;
  /** A predicted cycle that did not come (suppressed, or a modifier skips it). */
  cancelled: boolean;
  /** A cycle still under way when the simulation stops: it ends at the stop, not at its real end. */
  continues: boolean;
}

export interface EntryOptions {
  /** The world's cycles (world.spec.cycles), to know which event types belong to which cycle. */
  cycles: Readonly<Record<string, CycleSpec>>;
  /** Where the simulation stopped: an episode still open ends here. */
  until: Hour;
  /** People's names by id, for the summaries (a project's `people`); ids stand in for names missing. */
  names?: ReadonlyMap<string, string>;
}

/** Events that are dates in their own right, by the category they are filed under. */
const MOMENTS: Readonly<Record<string, string>> = {
  visit: "visit",
  matched: "courtship",
  enacted: "law",
  repealed: "law",
  "suppressants-mandated": "law",
  "status-changed": "status",
  appointed: "appointment",
  conscripted: "appointment",
  released: "appointment",
  discharged: "appointment",
  "heir-named": "appointment",
  "title-passed": "appointment",
  "guardian-appointed": "guardianship",
  "guardianship-ended": "guardianship",
  presentation: "presentation",
  "bond-formed": "bond",
  bonded: "bond",
  "bond-broken": "bond",
  partnered: "partnership",
  "partnership-ended": "partnership",
  born: "birth",
};

/** A refusal or a departure from custom is a legal date only when an institution is behind it. */
const LEGAL_OUTCOMES: Readonly<Record<string, string>> = { refused: "refused", "custom-departure": "custom-departure" };

interface Episode {
  entry: CalendarEntry;
  events: SimEvent[];
  lines: string[];
}

export function calendarEntries(log: readonly SimEvent[], options: EntryOptions): CalendarEntry[] {
  const byId = new Map(log.map((e) => [e.id, e]));
  const cycleNames = new Set(Object.keys(options.cycles));
  const entries: CalendarEntry[] = [];
  const nameOf = (e: SimEvent) => options.names?.get(e.people[0]) ?? e.people[0] ?? "";
  /** Each person's open episode of each cycle, keyed "person\u0000cycle". */
  const open = new Map<string, Episode>();

  const openEpisode = (e: SimEvent, cycle: string): Episode => {
    const person = e.people[0];
    const entry: CalendarEntry = { id: e.id, category: cycle, start: e.hour, end: e.hour + 1, summary: `${nameOf(e)}'s ${cycle}`, description: [], people: [person], cancelled: false, continues: false };
    if (e.place !== undefined) entry.place = e.place;
    const episode: Episode = { entry, events: [], lines: [] };
    open.set(`${person}\u0000${cycle}`, episode);
    entries.push(entry);
    return episode;
  };

  for (const e of log) {
    const cycle = typeof e.data?.cycle === "string" ? e.data.cycle : undefined;
    const person = e.people[0];
    const began = /^(.*)-began$/.exec(e.type);
    if (began && cycle !== undefined && cycleNames.has(cycle) && person !== undefined) {
      const key = `${person}\u0000${cycle}`;
      if (began[1] !== cycle) {
        // The prelude (pre-heat, pre-rut) opens the episode.
        const ep = openEpisode(e, cycle);
        ep.events.push(e);
        ep.lines.push(`${began[1]} from ${formatDateTime(e.hour)} (${e.id}).`);
        continue;
      }
      const ep = open.get(key) ?? openEpisode(e, cycle);
      ep.events.push(e);
      ep.lines.push(`${cycle} from ${formatDateTime(e.hour)} (${e.id}): ${e.text}`);
      if (e.data?.expectedLength !== undefined) ep.lines.push(`expected length ${e.data.expectedLength}${e.data.resolved === false ? ", unresolved" : ""}.`);
      continue;
    }
    const phase = /^(.*)-phase$/.exec(e.type);
    if (phase && cycleNames.has(phase[1]) && person !== undefined) {
      const ep = open.get(`${person}\u0000${phase[1]}`);
      if (ep) {
        ep.events.push(e);
        ep.lines.push(`${String(e.data?.phase ?? "next phase")} from ${formatDateTime(e.hour)} (${e.id}).`);
      }
      continue;
    }
    const ended = /^(.*)-ended$/.exec(e.type);
    if (ended && cycle !== undefined && cycleNames.has(cycle) && person !== undefined) {
      const key = `${person}\u0000${cycle}`;
      const ep = open.get(key);
      if (ep) {
        open.delete(key);
        ep.events.push(e);
        ep.lines.push(`ends ${formatDateTime(e.hour)} (${e.id}): ${e.text}`);
        ep.entry.end = Math.max(e.hour, ep.entry.start + 1);
        finishEpisode(ep, byId);
      }
      continue;
    }
    const skipped = /^(.*)-skipped$/.exec(e.type);
    if (skipped && cycleNames.has(skipped[1]) && person !== undefined) {
      // "Wren has no heat this time (suppressed)." names what skipped it.
      const why = /\(([^)]*)\)\.?$/.exec(e.text)?.[1];
      entries.push(moment(e, skipped[1], `${nameOf(e)}'s ${skipped[1]} skipped${why ? ` (${why})` : ""}`, byId, true));
      continue;
    }
    const category = MOMENTS[e.type] ?? (e.data?.institution !== undefined ? LEGAL_OUTCOMES[e.type] : undefined);
    if (category !== undefined) entries.push(moment(e, category, e.text.replace(/\.$/, ""), byId, false));
  }

  // Episodes the run stopped in the middle of end at the stop, and say so.
  for (const ep of open.values()) {
    ep.entry.end = Math.max(options.until, ep.entry.start + 1);
    ep.entry.continues = true;
    ep.lines.push(`still under way when the simulation stops (${formatDateTime(options.until)}); a later --until shows its end.`);
    finishEpisode(ep, byId);
  }
  // Log order is time order; an episode sits where it began.
  const order = new Map(log.map((e, k) => [e.id, k]));
  return entries.sort((a, b) => a.start - b.start || order.get(a.id)! - order.get(b.id)!);
}

function moment(e: SimEvent, category: string, summary: string, byId: ReadonlyMap<string, SimEvent>, cancelled: boolean): CalendarEntry {
  const entry: CalendarEntry = {
    id: e.id,
    category,
    start: e.hour,
    end: e.hour + 1,
    summary,
    description: [`${formatDateTime(e.hour)} (${e.id}): ${e.text}`, ...whyLines([e], byId)],
    people: [...e.people],
    cancelled,
    continues: false,
  };
  if (e.place !== undefined) entry.place = e.place;
  return entry;
}

function finishEpisode(ep: Episode, byId: ReadonlyMap<string, SimEvent>): void {
  const { entry } = ep;
  const length = formatDuration(entry.end - entry.start);
  entry.description = [`${entry.summary}: ${formatDateTime(entry.start)} to ${formatDateTime(entry.end)} (${length}${entry.continues ? " so far" : ""}).`, ...ep.lines, ...whyLines(ep.events, byId)];
}

/**
 * Why, as `scentline explain` gives it one step back: the rules (seed-rule ids and where in the
 * world file), the project's inputs, and the earlier events named as causes. Each cause once.
 */
function whyLines(events: readonly SimEvent[], byId: ReadonlyMap<string, SimEvent>): string[] {
  const own = new Set(events.map((e) => e.id));
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of events) {
    for (const c of e.causes) {
      const line = causeLine(c, byId);
      if (line === undefined || (c.kind === "event" && own.has(c.id)) || seen.has(line)) continue;
      seen.add(line);
      lines.push(`  ${line}`);
    }
  }
  return lines.length ? ["Why:", ...lines] : [];
}

function causeLine(c: Cause, byId: ReadonlyMap<string, SimEvent>): string | undefined {
  if (c.kind === "rule") return `rule ${c.id}${c.id !== c.path ? ` (${c.path})` : ""}`;
  if (c.kind === "input") return `input ${c.id}${c.at ? ` (${c.at.file}:${c.at.line}:${c.at.column})` : ""}`;
  const earlier = byId.get(c.id);
  return earlier ? `after ${earlier.id} ${formatDateTime(earlier.hour)}: ${earlier.text}` : `after ${c.id}`;
}
