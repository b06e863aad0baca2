/**
 * What the chapters have told so far, in story time: the bites and broken bonds they narrate and
 * the designations they give. The project's own schedule and relations are in the simulator.
 */
import type { StoryFact } from "./check.js";

type Of<K extends StoryFact["kind"]> = Extract<StoryFact, { kind: K }>;

export class StoryRecord {
  private readonly bites = new Map<number, Of<"bite">[]>();
  private readonly breaks = new Map<number, Of<"bond-broken">[]>();
  private readonly designations = new Map<string, Of<"designation">>();
  private readonly visits = new Map<string, number>();
  private readonly suppressantsTold = new Map<number, Of<"suppressants">>();

  /** Called by the runner after every check has seen the fact. */
  add(f: StoryFact): void {
    if (f.kind === "bite") for (const p of [f.biter, f.bitten]) push(this.bites, p, f);
    else if (f.kind === "bond-broken") {
      push(this.breaks, f.person, f);
      if (f.mate !== undefined) push(this.breaks, f.mate, f);
    } else if (f.kind === "suppressants") {
      this.suppressantsTold.set(f.person, f);
    } else if (f.kind === "visit") {
      const key = pair(f.a, f.b);
      this.visits.set(key, (this.visits.get(key) ?? 0) + 1);
    } else if (f.kind === "designation" && !this.designations.has(`${f.person}:${f.axis}`)) this.designations.set(`${f.person}:${f.axis}`, f);
  }

  /** The latest bite told that involves the person (and the other one, if given). */
  lastBite(person: number, other?: number): Of<"bite"> | undefined {
    const list = this.bites.get(person) ?? [];
    for (let k = list.length - 1; k >= 0; k--) if (other === undefined || list[k].biter === other || list[k].bitten === other) return list[k];
    return undefined;
  }

  lastBreak(person: number): Of<"bond-broken"> | undefined {
    const list = this.breaks.get(person);
    return list?.[list.length - 1];
  }

  /**
   * Whether a person is on suppressants: what the chapters last said, or else the project's state
   * (`fromProject`, the simulator's), with the words that said so.
   */
  suppressants(person: number, fromProject: boolean): { on: boolean; told?: Of<"suppressants"> } {
    const told = this.suppressantsTold.get(person);
    return told ? { on: told.state === "taking", told } : { on: fromProject };
  }

  /** Visits between two people the chapters have told so far. */
  visitsTold(a: number, b: number): number {
    return this.visits.get(pair(a, b)) ?? 0;
  }

  /** The first designation (or alignment) the chapters gave a person. */
  firstDesignation(person: number, axis: "designation" | "alignment"): Of<"designation"> | undefined {
    return this.designations.get(`${person}:${axis}`);
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const pair = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
