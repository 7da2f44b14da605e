import type { MinutesDistribution } from '@madoguchi/contracts';

/** A run of equal values in a sorted sample: SQL returns durations this way so that only distinct values travel. */
export interface Bin {
  value: number;
  count: number;
}

/** 1-based ranks of the two middle values: the same rank twice for an odd count. */
export function medianRanks(n: number): [number, number] {
  return [Math.floor((n + 1) / 2), Math.floor((n + 2) / 2)];
}

/** Nearest-rank p90, the ⌈0.9·n⌉-th smallest; integer arithmetic, as 0.9 × 70 is 63.000…1 in floating point. */
export function p90Rank(n: number): number {
  return Math.ceil((9 * n) / 10);
}

/** The value at a 1-based rank of bins sorted by value. */
function valueAtRank(bins: readonly Bin[], rank: number): number {
  let seen = 0;
  for (const bin of bins) {
    seen += bin.count;
    if (seen >= rank) return bin.value;
  }
  throw new RangeError(`rank ${rank} is beyond ${seen} values`);
}

/** Sorts bins by value and merges repeats, whatever order SQL returned them in. */
export function sortedBins(bins: readonly Bin[]): Bin[] {
  const merged = new Map<number, number>();
  for (const { value, count } of bins) merged.set(value, (merged.get(value) ?? 0) + count);
  return [...merged].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}

/** Median (mean of the two middle values for an even count) and nearest-rank p90, in the unit of the values. */
export function medianAndP90(bins: readonly Bin[]): { median: number | null; p90: number | null } {
  const sorted = sortedBins(bins);
  const n = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (n === 0) return { median: null, p90: null };
  const [low, high] = medianRanks(n);
  return {
    median: (valueAtRank(sorted, low) + valueAtRank(sorted, high)) / 2,
    p90: valueAtRank(sorted, p90Rank(n)),
  };
}

/** Plain values as bins, for callers that hold a short list. */
export function binsOf(values: readonly number[]): Bin[] {
  return values.map((value) => ({ value, count: 1 }));
}

/** Milliseconds as minutes with one decimal (half up); null stays null. */
export function minutesOneDecimal(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 6_000) / 10;
}

/** Median and p90 of durations in milliseconds, as minutes with one decimal. */
export function minutesDistribution(bins: readonly Bin[]): MinutesDistribution {
  const { median, p90 } = medianAndP90(bins);
  return { median: minutesOneDecimal(median), p90: minutesOneDecimal(p90) };
}
