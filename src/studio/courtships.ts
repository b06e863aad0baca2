/**
 * Who courts whom, as the studio draws it. The simulator counts Visits per pair but keeps no
 * courtship as state, so the studio reads it from the log: two unbonded people court from their
 * first Visit or their match until either of them forms a bond (with each other, the bond edge
 * takes over; with someone else, the courtship is over). A Visit or a match with someone bonded
 * at the end of its hour begins none: a bonded pair's Visits are not a courtship.
 */
import type { SimEvent } from "../sim/event.js";

/** Events between the two people they name first that begin (or continue) a courtship. */
const COURTING_EVENTS: ReadonlySet<string> = new Set(["visit", "matched"]);

export class Courtships {
  private readonly courting: Set<number>[];
  /** Each person's mate when last looked at (-1: none), so a new bond is told from an old one. */
  private readonly mateSeen: Int32Array;

  /** `mates`: the simulator's own, read live (-1: none). */
  constructor(
    people: number,
    private readonly mates: ArrayLike<number>,
  ) {
    this.courting = Array.from({ length: people }, () => new Set<number>());
    this.mateSeen = Int32Array.from(mates);
  }

  /** Reads one event of the log once its hour is over (`indexOf` turns a person's id into their index). */
  note(e: SimEvent, indexOf: ReadonlyMap<string, number>): void {
    if (!COURTING_EVENTS.has(e.type) || e.people.length < 2) return;
    const a = indexOf.get(e.people[0]);
    const b = indexOf.get(e.people[1]);
    if (a === undefined || b === undefined || a === b || this.mates[a] >= 0 || this.mates[b] >= 0) return;
    this.courting[a].add(b);
    this.courting[b].add(a);
  }

  /**
   * Looks at someone's mate now: a bond formed since the last look ends their courtships. Returns
   * the others whose courtship with them ended (their own state changed too).
   */
  settle(i: number): number[] {
    const mate = this.mates[i];
    const before = this.mateSeen[i];
    this.mateSeen[i] = mate;
    if (mate < 0 || mate === before || this.courting[i].size === 0) return [];
    const ended = [...this.courting[i]];
    for (const j of ended) this.courting[j].delete(i);
    this.courting[i].clear();
    return ended;
  }

  /** The ids of those someone courts, sorted and space-separated ("" for no one). */
  of(i: number, ids: readonly string[]): string {
    return [...this.courting[i]].map((j) => ids[j]).sort().join(" ");
  }
}
