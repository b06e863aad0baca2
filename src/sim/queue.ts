/**
 * A queue of timed items, earliest first; ties keep insertion order, which keeps runs deterministic.
 * Items wait in one first-in-first-out bucket per hour, and a small min-heap orders the hours that
 * have a bucket: a story queues many items at few distinct hours, so most pushes and pops touch
 * only a bucket, and nothing is allocated per item.
 */
export class TimedQueue<T> {
  private readonly buckets = new Map<number, Bucket<T>>();
  /** The hours that have a bucket, as a binary min-heap. */
  private readonly hours: number[] = [];
  /** The earliest bucket, once looked up. */
  private head: Bucket<T> | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(hour: number, item: T): void {
    let bucket = this.buckets.get(hour);
    if (!bucket) {
      bucket = { items: [], next: 0 };
      this.buckets.set(hour, bucket);
      this.pushHour(hour);
      if (this.hours[0] === hour) this.head = bucket;
    }
    bucket.items.push(item);
    this.count++;
  }

  peekHour(): number | undefined {
    return this.hours.length > 0 ? this.hours[0] : undefined;
  }

  /** Removes the earliest item (read its hour first with `peekHour`). */
  pop(): T | undefined {
    if (this.hours.length === 0) return undefined;
    const hour = this.hours[0];
    const bucket = (this.head ??= this.buckets.get(hour)!);
    const item = bucket.items[bucket.next];
    bucket.items[bucket.next++] = undefined;
    this.count--;
    if (bucket.next === bucket.items.length) {
      this.buckets.delete(hour);
      this.popHour();
      this.head = undefined;
    }
    return item;
  }

  private pushHour(hour: number): void {
    const h = this.hours;
    let i = h.length;
    h.push(hour);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] <= hour) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = hour;
  }

  private popHour(): void {
    const h = this.hours;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const m = l + 1 < n && h[l + 1] < h[l] ? l + 1 : l;
      if (h[m] >= last) break;
      h[i] = h[m];
      i = m;
    }
    h[i] = last;
  }
}

interface Bucket<T> {
  items: (T | undefined)[];
  /** The first item not yet popped. */
  next: number;
}
