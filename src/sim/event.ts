/**
 * The event log's entries. Each event says what happened, when, to whom, and why: its causes are
 * rule ids (from the world file), earlier events, and inputs (the project's cast and schedule).
 */
import type { SourcePosition } from "../core/diagnostic.js";

export type Cause =
  | { kind: "rule"; id: string; path: string }
  | { kind: "event"; id: string }
  | { kind: "input"; id: string; at?: SourcePosition };

export interface SimEvent {
  readonly id: string;
  hour: number;
  type: string;
  people: string[];
  place?: string;
  /** A neutral, clinical sentence. */
  readonly text: string;
  severity?: "warning" | "error";
  data?: Record<string, string | number | boolean>;
  causes: readonly Cause[];
}

/**
 * How an event's sentence is made: the sentence itself, or a function that makes it from the event
 * when it is first read. A large run logs hundreds of thousands of moves and perceptions whose
 * sentences no one reads, so those are put into words only when asked for.
 */
export type Wording = string | ((e: LoggedEvent) => string);

/**
 * The people's names by id, made on first use: all a wording needs of the cast. Wordings hold this
 * rather than the simulator, so a log kept after its run does not keep the whole run alive.
 */
export class CastNames {
  private byId: Map<string, string> | undefined;

  constructor(
    private readonly ids: readonly string[],
    private readonly names: readonly string[],
  ) {}

  of(id: string): string {
    return (this.byId ??= new Map(this.ids.map((id, i) => [id, this.names[i]]))).get(id) ?? id;
  }
}

/**
 * An event as the simulator logs it: its number rather than its id, and its wording rather than its
 * sentence, each made into text when first read. Made by a constructor rather than as an object
 * literal so the optional fields, set after, still fit in the object itself. It is a class instance
 * with getters: `orderedEvent(e)` (or JSON) gives a plain copy to clone or send to another thread.
 */
export class LoggedEvent implements SimEvent {
  readonly seq: number;
  hour: number;
  type: string;
  people: string[];
  causes: readonly Cause[];
  private wording: Wording;
  private madeId: string | undefined = undefined;
  declare place?: string;
  declare severity?: "warning" | "error";
  declare data?: Record<string, string | number | boolean>;

  constructor(seq: number, hour: number, type: string, people: string[], wording: Wording, causes: readonly Cause[]) {
    this.seq = seq;
    this.hour = hour;
    this.type = type;
    this.people = people;
    this.wording = wording;
    this.causes = causes;
  }

  get id(): string {
    return (this.madeId ??= `e${this.seq}`);
  }

  get text(): string {
    const w = this.wording;
    return typeof w === "string" ? w : (this.wording = w(this));
  }

  /** The event as plain data, keys in a fixed order (what `JSON.stringify` writes). */
  toJSON(): SimEvent {
    return orderedEvent(this);
  }
}

/** A cause naming an event. */
export function eventCause(e: SimEvent): Cause {
  return { kind: "event", id: e.id };
}

/** A cause with its keys in a fixed order. */
function orderedCause(c: Cause): Cause {
  if (c.kind === "rule") return { kind: c.kind, id: c.id, path: c.path };
  if (c.kind === "event") return { kind: c.kind, id: c.id };
  return c.at ? { kind: c.kind, id: c.id, at: { file: c.at.file, line: c.at.line, column: c.at.column } } : { kind: c.kind, id: c.id };
}

/** An event as plain data with its keys in a fixed order: id, hour, type, people, place, text, severity, data, causes. */
export function orderedEvent(e: SimEvent): SimEvent {
  const ordered: Record<string, unknown> = { id: e.id, hour: e.hour, type: e.type, people: e.people };
  if (e.place !== undefined) ordered.place = e.place;
  ordered.text = e.text;
  if (e.severity !== undefined) ordered.severity = e.severity;
  if (e.data !== undefined) ordered.data = e.data;
  ordered.causes = e.causes.map(orderedCause);
  return ordered as unknown as SimEvent;
}

export function causeLabel(c: Cause): string {
  if (c.kind === "rule") return `rule ${c.id} (${c.path})`;
  if (c.kind === "event") return `event ${c.id}`;
  return `input ${c.id}${c.at ? ` at ${c.at.file}:${c.at.line}:${c.at.column}` : ""}`;
}
