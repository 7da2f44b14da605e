import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;

/** Mixes a seed with a salt into a well-spread 32-bit integer, so that neighbouring days get unrelated streams. */
export function mixSeed(seed: number, salt: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A seeded source of randomness with the few distributions the generator needs. */
export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    // pure-rand's generators are immutable unless driven through unsafeNext, which is what keeps this fast.
    this.rng = xoroshiro128plus(seed | 0);
  }

  /** Uniform in [0, 1) with 53 bits of precision. */
  next(): number {
    const high = (this.rng.unsafeNext() >>> 0) >>> 5;
    const low = (this.rng.unsafeNext() >>> 0) >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** Uniform in [0, 1) from a single draw, for the many coarse decisions where 32 bits are plenty. */
  coarse(): number {
    return (this.rng.unsafeNext() >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.coarse() * (max - min + 1));
  }

  /** One of the items, each equally likely (the same single draw as `int`). */
  oneOf<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('A choice needs at least one item.');
    return item;
  }

  chance(probability: number): boolean {
    return this.coarse() < probability;
  }

  /** Standard normal, by Box–Muller. */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.coarse());
  }

  /** Log-normal with the given median and shape, the usual model for service and waiting durations. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Picks an item with probability proportional to its weight (weights need not sum to one). */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const last = items.at(-1);
    if (last === undefined) throw new RangeError('A weighted choice needs at least one item.');
    let total = 0;
    for (const item of items) total += weightOf(item);
    let target = this.coarse() * total;
    for (const item of items) {
      target -= weightOf(item);
      if (target < 0) return item;
    }
    return last;
  }
}

/** A table of choices prepared once, so that picking from it in the hot loop is a scan without re-summing. */
export class WeightedTable<T> {
  private readonly steps: { readonly item: T; readonly upTo: number }[] = [];
  private readonly last: { readonly item: T; readonly upTo: number };

  constructor(entries: readonly (readonly [T, number])[]) {
    let total = 0;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      total += weight;
      this.steps.push({ item, upTo: total });
    }
    const last = this.steps.at(-1);
    if (!last) throw new RangeError('A weighted table needs at least one positive weight.');
    this.last = last;
  }

  pick(random: Random): T {
    const target = random.coarse() * this.last.upTo;
    for (const step of this.steps) {
      if (target < step.upTo) return step.item;
    }
    return this.last.item;
  }
}
