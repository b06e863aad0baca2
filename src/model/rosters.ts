/**
 * People grouped by place, each person in one place at most: a list per place and each person's
 * slot in it. Joining, leaving and asking take constant time and walking a place's people is a
 * walk along an array; a Set per place cost several times as much in a town of thousands.
 *
 * Someone leaving is replaced in their slot by the place's last person, so a place's list is not
 * in order of arrival; it is the same on every run, which is what determinism needs.
 */
export class Rosters {
  private readonly lists: number[][];
  /** The place each person is listed in, or -1. */
  private readonly placeOf: Int32Array;
  /** Each person's index in their place's list. */
  private readonly slot: Int32Array;

  constructor(places: number, people: number) {
    this.lists = Array.from({ length: places }, () => []);
    this.placeOf = new Int32Array(people).fill(-1);
    this.slot = new Int32Array(people);
  }

  get places(): number {
    return this.lists.length;
  }

  /** The people listed in a place. The list is live: it must not be walked while people join or leave it. */
  of(place: number): readonly number[] {
    return this.lists[place];
  }

  size(place: number): number {
    return this.lists[place].length;
  }

  has(i: number, place: number): boolean {
    return this.placeOf[i] === place;
  }

  /** Lists the person in a place (leaving any other); false when they were listed there already. */
  add(i: number, place: number): boolean {
    const was = this.placeOf[i];
    if (was === place) return false;
    if (was >= 0) this.delete(i, was);
    const list = this.lists[place];
    this.placeOf[i] = place;
    this.slot[i] = list.length;
    list.push(i);
    return true;
  }

  /** Takes the person off a place's list; false when they were not on it. */
  delete(i: number, place: number): boolean {
    if (this.placeOf[i] !== place) return false;
    const list = this.lists[place];
    const last = list.pop()!;
    if (last !== i) {
      const k = this.slot[i];
      list[k] = last;
      this.slot[last] = k;
    }
    this.placeOf[i] = -1;
    return true;
  }
}
