/**
 * Who masks scent where: maskers (betas, in most worlds) in or next to a place shrink the range of
 * scents given off there. The world names maskers by a condition on a person.
 *
 * When that condition reads only what changes with a designation (or never changes), each person's
 * answer holds until their designation or state is said to change, and the maskers in and around
 * each place are kept as counts updated on every move. Any other condition is evaluated afresh for
 * the people around a place, once per place until someone moves nearby.
 *
 * Either way a count is "known" at a place from the first time a scent there is measured until
 * someone moves in or next to it (or anyone's state changes): only a masker leaving a place whose
 * count was known lets the scents around it carry farther at once.
 */
import type { Condition, PersonView } from "../rules/expr.js";

/** Fields of a person that change only with a presentation (or never). */
const STABLE_FIELDS: ReadonlySet<string> = new Set(["id", "name", "exists", "species", "designation", "presented", "alignment"]);

/** True when every mention of `person` in the condition reads one of the stable fields. */
export function readsOnlyStableFields(source: string): boolean {
  for (const m of source.matchAll(/\bperson\b(\s*\.\s*([A-Za-z_]\w*))?/g)) if (!m[2] || !STABLE_FIELDS.has(m[2])) return false;
  return true;
}

/** What the counts need from the scent engine: who is where, and what conditions see of a person. */
export interface MaskingHost {
  readonly members: { readonly places: number; of(place: number): readonly number[] };
  readonly neighbours: readonly (readonly { place: number }[])[];
  view(i: number): PersonView;
}

export interface MaskerCounts {
  /** How many maskers stand in or next to the place, the person given not counted. */
  around(target: number, place: number): number;
  /** The person was counted as a masker at a place whose count is known. */
  knownMasker(i: number, place: number): boolean;
  /** Someone moved in or next to the place: its count and its neighbours' are no longer known. */
  forget(place: number): void;
  /** The person became a member of the place's people. */
  entered(i: number, place: number): void;
  /** The person stopped being one of the place's people. */
  left(i: number, place: number): void;
  /** The person's designation or state changed. */
  changed(i: number): void;
}

export function maskerCounts(host: MaskingHost, people: number, isMasker: Condition): MaskerCounts {
  return readsOnlyStableFields(isMasker.source) ? new KeptCounts(host, people, isMasker) : new Recounts(host, isMasker);
}

/** Counts kept as people move; each person's answer is worked out again only when they change. */
class KeptCounts implements MaskerCounts {
  /** Each person's answer: 1 masks, 0 does not, -1 not yet asked. */
  private readonly masks: Int8Array;
  /** The place whose people each person is counted among, or -1. */
  private readonly memberOf: Int32Array;
  /** Maskers among each place's people. */
  private readonly inPlace: Int32Array;
  /** Maskers in each place and its neighbours. */
  private readonly near: Int32Array;
  /** Each place with its neighbours, each once. */
  private readonly neighbourhood: Int32Array[];
  // A count is known from when it is read until someone moves in or next to the place, or anyone
  // changes: one clock orders reads, moves and changes, so a move stamps only its own place.
  private clock = 0;
  /** When each place's count was last read (0: never). */
  private readonly readAt: Uint32Array;
  /** When someone last moved in or out of each place. */
  private readonly movedAt: Uint32Array;
  /** When anyone's designation or state last changed. */
  private changedAt = 0;
  private readonly pending: number[] = [];

  constructor(private readonly host: MaskingHost, people: number, private readonly isMasker: Condition) {
    const places = host.members.places;
    this.masks = new Int8Array(people).fill(-1);
    this.memberOf = new Int32Array(people).fill(-1);
    this.inPlace = new Int32Array(places);
    this.near = new Int32Array(places);
    this.readAt = new Uint32Array(places);
    this.movedAt = new Uint32Array(places);
    this.neighbourhood = Array.from({ length: places }, (_, p) => Int32Array.from(new Set([p, ...host.neighbours[p].map((n) => n.place)])));
  }

  private masker(i: number): boolean {
    if (this.masks[i] < 0) this.masks[i] = this.isMasker({ person: this.host.view(i) }) ? 1 : 0;
    return this.masks[i] === 1;
  }

  private add(place: number, delta: number): void {
    this.inPlace[place] += delta;
    for (const p of this.neighbourhood[place]) this.near[p] += delta;
  }

  /** Asks again those whose state changed, now that the change is complete. */
  private settle(): void {
    while (this.pending.length > 0) {
      const i = this.pending.pop()!;
      const before = this.masks[i];
      this.masks[i] = -1;
      const now = this.masker(i) ? 1 : 0;
      const place = this.memberOf[i];
      if (place >= 0 && before !== now) this.add(place, before === 1 ? -1 : 1);
    }
  }

  around(target: number, place: number): number {
    this.settle();
    this.readAt[place] = ++this.clock;
    return this.near[place] - (this.masker(target) ? 1 : 0);
  }

  knownMasker(i: number, place: number): boolean {
    this.settle();
    const read = this.readAt[place];
    if (read === 0 || read < this.changedAt || !this.masker(i)) return false;
    for (const p of this.neighbourhood[place]) if (this.movedAt[p] > read) return false;
    return true;
  }

  forget(place: number): void {
    if (place >= 0) this.movedAt[place] = ++this.clock;
  }

  entered(i: number, place: number): void {
    this.settle();
    this.memberOf[i] = place;
    if (this.masker(i)) this.add(place, 1);
  }

  left(i: number, place: number): void {
    this.settle();
    this.memberOf[i] = -1;
    if (this.masker(i)) this.add(place, -1);
  }

  changed(i: number): void {
    // Asked later: the view the condition reads is rebuilt after the change's event.
    this.pending.push(i);
    this.changedAt = ++this.clock;
  }
}

/** Maskers in and around a place, worked out when first needed after a move there. */
class Recounts implements MaskerCounts {
  private readonly cache = new Map<number, ReadonlySet<number>>();

  constructor(private readonly host: MaskingHost, private readonly isMasker: Condition) {}

  private maskers(place: number): ReadonlySet<number> {
    let who = this.cache.get(place);
    if (who) return who;
    const found = new Set<number>();
    const count = (p: number) => {
      for (const q of this.host.members.of(p)) if (this.isMasker({ person: this.host.view(q) })) found.add(q);
    };
    count(place);
    for (const n of this.host.neighbours[place]) count(n.place);
    this.cache.set(place, (who = found));
    return who;
  }

  around(target: number, place: number): number {
    const who = this.maskers(place);
    return who.size - (who.has(target) ? 1 : 0);
  }

  knownMasker(i: number, place: number): boolean {
    return !!this.cache.get(place)?.has(i);
  }

  forget(place: number): void {
    if (place < 0 || this.cache.size === 0) return;
    this.cache.delete(place);
    for (const n of this.host.neighbours[place]) this.cache.delete(n.place);
  }

  entered(): void {}

  left(): void {}

  changed(): void {
    this.cache.clear();
  }
}
