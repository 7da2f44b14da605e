/** One bar of a Pareto chart: a category's count and the running share of all counts up to it. */
export interface ParetoRow<K> {
  key: K;
  count: number;
  /** Cumulative share of the total, in percent with one decimal. */
  cumulativePercent: number;
}

/**
 * Categories ranked by count, largest first, with the cumulative percentage; zero counts are left out so the
 * chart shows only what happened. Ties keep the given order, which is the code list's documented one.
 */
export function pareto<K extends string>(counts: Readonly<Record<K, number>>, order: readonly K[]): ParetoRow<K>[] {
  const ranked = order
    .map((key, index) => ({ key, count: counts[key] ?? 0, index }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.index - b.index);
  const total = ranked.reduce((sum, row) => sum + row.count, 0);
  let running = 0;
  return ranked.map(({ key, count }) => {
    running += count;
    return { key, count, cumulativePercent: Math.round((running / total) * 1000) / 10 };
  });
}
