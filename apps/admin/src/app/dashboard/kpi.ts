import type { StatsPeriodSummary } from '@madoguchi/contracts';

export type KpiUnit = 'cases' | 'percent' | 'minutes';

/** One tile: its value now and then, in the unit it is shown in (a rate as a percentage). */
export interface Kpi {
  key: 'total' | 'completionRate' | 'waitMedian' | 'waitP90' | 'handleMedian' | 'duringOutages' | 'returned';
  unit: KpiUnit;
  value: number | null;
  previous: number | null;
  /** A second figure that gives the value its context, e.g. how many return visits the successes are out of. */
  detail?: number;
}

/** The dashboard's key figures, each paired with the previous period's. */
export function kpis(now: StatsPeriodSummary, before: StatsPeriodSummary): Kpi[] {
  const rate = (summary: StatsPeriodSummary) =>
    summary.completionRate === null ? null : Math.round(summary.completionRate * 1000) / 10;
  return [
    { key: 'total', unit: 'cases', value: now.total, previous: before.total },
    { key: 'completionRate', unit: 'percent', value: rate(now), previous: rate(before) },
    { key: 'waitMedian', unit: 'minutes', value: now.waitMinutes.median, previous: before.waitMinutes.median },
    { key: 'waitP90', unit: 'minutes', value: now.waitMinutes.p90, previous: before.waitMinutes.p90 },
    { key: 'handleMedian', unit: 'minutes', value: now.handleMinutes.median, previous: before.handleMinutes.median },
    {
      key: 'duringOutages',
      unit: 'cases',
      value: now.duringOutages.cases,
      previous: before.duringOutages.cases,
      detail: now.duringOutages.turnedAway,
    },
    {
      key: 'returned',
      unit: 'cases',
      value: now.returned.succeeded,
      previous: before.returned.succeeded,
      detail: now.returned.followUps,
    },
  ];
}

/** The change as staff read it: signed, one decimal at most; null when either side is unknown. */
export function change(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null) return null;
  return Math.round((value - previous) * 10) / 10;
}
