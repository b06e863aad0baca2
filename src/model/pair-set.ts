/**
 * A set of ordered pairs of people (who has noticed whom). Perception asks it about every pair
 * that meets, a million times in a large run, so a cast of up to 16,384 people keeps one bit per
 * pair (at most 32 MB, and the system hands out only the pages written); a larger one keeps a
 * set of pair numbers.
 */
const MAX_BITS = 2 ** 28;

export class PairSet {
  private readonly bits: Uint8Array | undefined;
  private readonly numbers: Set<number> | undefined;

  constructor(private readonly people: number) {
    if (people * people <= MAX_BITS) this.bits = new Uint8Array(Math.ceil((people * people) / 8));
    else this.numbers = new Set();
  }

  has(a: number, b: number): boolean {
    const k = a * this.people + b;
    return this.bits ? (this.bits[k >>> 3] & (1 << (k & 7))) !== 0 : this.numbers!.has(k);
  }

  add(a: number, b: number): void {
    const k = a * this.people + b;
    if (this.bits) this.bits[k >>> 3] |= 1 << (k & 7);
    else this.numbers!.add(k);
  }

  delete(a: number, b: number): void {
    const k = a * this.people + b;
    if (this.bits) this.bits[k >>> 3] &= ~(1 << (k & 7));
    else this.numbers!.delete(k);
  }
}
