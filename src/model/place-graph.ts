/**
 * The places of a story and how far scent goes between them. Distances are "effective": each
 * connection's length divided by the share of scent it lets through (a door at 0.3 counts as more
 * than three times as far; a sealed connection never passes).
 */
import { TimedQueue } from "../sim/queue.js";

export interface Reach {
  /** Places within reach, nearest first. */
  places: Int32Array;
  distances: Float64Array;
  /** The place before each on its nearest path from the source. */
  previous: Map<number, number>;
  index?: Map<number, number>;
}

export class PlaceGraph {
  readonly neighbours: { place: number; cost: number }[][];
  private readonly cache: (Reach | undefined)[];

  /** `maxRange`: no scent carries farther, so searches stop there. */
  constructor(
    places: number,
    connections: readonly { a: number; b: number; distance: number; kind: "open" | "door" | "sealed" }[],
    pass: { open: number; door: number; sealed: number },
    private readonly maxRange: number,
  ) {
    this.neighbours = Array.from({ length: places }, () => []);
    this.cache = new Array<Reach | undefined>(places).fill(undefined);
    for (const c of connections) {
      const share = pass[c.kind];
      if (share <= 0) continue;
      const cost = c.distance / share;
      this.neighbours[c.a].push({ place: c.b, cost });
      this.neighbours[c.b].push({ place: c.a, cost });
    }
  }

  /**
   * Places within scent reach of a place, with their effective distances (Dijkstra on a heap,
   * stopping at the longest range any scent has; cached, the graph does not change).
   */
  reachFrom(place: number): Reach {
    let r = this.cache[place];
    if (r) return r;
    const best = new Map<number, number>([[place, 0]]);
    const previous = new Map<number, number>();
    const queue = new TimedQueue<number>();
    queue.push(0, place);
    const order: number[] = [];
    const done = new Set<number>();
    while (queue.size > 0) {
      const d = queue.peekHour()!;
      const u = queue.pop()!;
      if (done.has(u)) continue;
      done.add(u);
      order.push(u);
      for (const { place: v, cost } of this.neighbours[u]) {
        const nd = d + cost;
        if (nd > this.maxRange || nd >= (best.get(v) ?? Infinity)) continue;
        best.set(v, nd);
        previous.set(v, u);
        queue.push(nd, v);
      }
    }
    r = { places: Int32Array.from(order), distances: Float64Array.from(order.map((p) => best.get(p)!)), previous };
    this.cache[place] = r;
    return r;
  }

  /** The places a scent passes through from one place to another, both ends included. */
  path(from: number, to: number): number[] {
    const { previous } = this.reachFrom(from);
    const out = [to];
    for (let p = to; p !== from; ) {
      const q = previous.get(p);
      if (q === undefined) return [];
      out.push((p = q));
    }
    return out.reverse();
  }

  /** Effective distance between two places (Infinity beyond every scent's reach). */
  distance(from: number, to: number): number {
    const r = this.reachFrom(from);
    const k = this.indexIn(r, to);
    return k < 0 ? Infinity : r.distances[k];
  }

  indexIn(reach: Reach, place: number): number {
    reach.index ??= new Map(Array.from(reach.places, (p, k) => [p, k]));
    return reach.index.get(place) ?? -1;
  }
}
