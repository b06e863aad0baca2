/** The studio server's read-only endpoints, typed. */
import type { SimEvent } from "../../sim/event.js";
import type { StudioModel } from "../model.js";

export async function fetchModel(): Promise<StudioModel> {
  const res = await fetch("/api/model");
  if (!res.ok) throw new Error(`the studio answered ${res.status}`);
  return (await res.json()) as StudioModel;
}

export interface EventQuery {
  person?: string;
  type?: string;
  /** Types to leave out (perceptions crowd out everything else). */
  skip?: string;
  from?: number;
  to?: number;
  limit?: number;
  ids?: string[];
}

export async function fetchEvents(q: EventQuery): Promise<{ events: SimEvent[]; total: number }> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, Array.isArray(v) ? v.join(",") : String(v));
  const res = await fetch(`/api/events?${params}`);
  if (!res.ok) return { events: [], total: 0 };
  return (await res.json()) as { events: SimEvent[]; total: number };
}
