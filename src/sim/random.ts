/**
 * The one random stream of a simulation. Every draw goes through it, so the same seed gives the
 * same story on every machine. xoroshiro128+ from pure-rand: fast, well tested, portable.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export class Random {
  private readonly rng;
  constructor(seed: number) {
    // Seeds are 32-bit: 0 to 4294967295 each give their own stream.
    this.rng = xoroshiro128plus(seed | 0);
  }
  /** A number in [0, 1). */
  next(): number {
    return uniformFloat64(this.rng);
  }
  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return max <= min ? min : uniformInt(this.rng, min, max);
  }
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }
}
