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
  id: string;
  hour: number;
  type: string;
  people: string[];
  place?: string;
  /** A neutral, clinical sentence. */
  text: string;
  severity?: "warning" | "error";
  data?: Record<string, string | number | boolean>;
  causes: readonly Cause[];
}

/**
 * An event as the simulator logs it. Made by a constructor rather than as an object literal so the
 * optional fields, set after, still fit in the object itself: a large log holds hundreds of thousands.
 */
export class LoggedEvent implements SimEvent {
  id: string;
  hour: number;
  type: string;
  people: string[];
  text: string;
  causes: readonly Cause[];
  declare place?: string;
  declare severity?: "warning" | "error";
  declare data?: Record<string, string | number | boolean>;

  constructor(id: string, hour: number, type: string, people: string[], text: string, causes: readonly Cause[]) {
    this.id = id;
    this.hour = hour;
    this.type = type;
    this.people = people;
    this.text = text;
    this.causes = causes;
  }
}

export function causeLabel(c: Cause): string {
  if (c.kind === "rule") return `rule ${c.id} (${c.path})`;
  if (c.kind === "event") return `event ${c.id}`;
  return `input ${c.id}${c.at ? ` at ${c.at.file}:${c.at.line}:${c.at.column}` : ""}`;
}
