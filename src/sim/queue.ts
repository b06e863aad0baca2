/**
 * A min-heap of timed items; ties keep insertion order, which keeps runs deterministic.
 * Hours, insertion numbers and items sit in three parallel arrays, so pushing and popping
 * allocate nothing per item (a year of a large town queues hundreds of thousands).
 */
export class TimedQueue<T> {
  private readonly hours: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: (T | undefined)[] = [];
  private seq = 0;

  get size(): number {
    return this.hours.length;
  }

  push(hour: number, item: T): void {
    const { hours, seqs, items } = this;
    const seq = this.seq++;
    // Sift up: move parents down into the hole until the new item's place is found.
    let i = hours.length;
    hours.push(hour);
    seqs.push(seq);
    items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!(hour < hours[p] || (hour === hours[p] && seq < seqs[p]))) break;
      hours[i] = hours[p];
      seqs[i] = seqs[p];
      items[i] = items[p];
      i = p;
    }
    hours[i] = hour;
    seqs[i] = seq;
    items[i] = item;
  }

  peekHour(): number | undefined {
    return this.hours.length > 0 ? this.hours[0] : undefined;
  }

  /** Removes the earliest item (read its hour first with `peekHour`). */
  pop(): T | undefined {
    const { hours, seqs, items } = this;
    const n = hours.length - 1;
    if (n < 0) return undefined;
    const top = items[0];
    const hour = hours[n];
    const seq = seqs[n];
    const item = items[n];
    hours.pop();
    seqs.pop();
    items.pop();
    if (n === 0) return top;
    // Sift the last item down from the root.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && (hours[r] < hours[l] || (hours[r] === hours[l] && seqs[r] < seqs[l])) ? r : l;
      if (!(hours[m] < hour || (hours[m] === hour && seqs[m] < seq))) break;
      hours[i] = hours[m];
      seqs[i] = seqs[m];
      items[i] = items[m];
      i = m;
    }
    hours[i] = hour;
    seqs[i] = seq;
    items[i] = item;
    return top;
  }
}
