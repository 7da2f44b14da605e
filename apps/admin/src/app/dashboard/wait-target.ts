import type { DailyStatsRow, HeatmapCell, WaitTargetCounts } from '@madoguchi/contracts';

/** Share of the served cases that waited no longer than the target, in percent with one decimal; null with none served. */
export function shareWithinTarget({ served, withinTarget }: WaitTargetCounts): number | null {
  return served === 0 ? null : Math.round((withinTarget / served) * 1000) / 10;
}

export interface TargetRow extends WaitTargetCounts {
  key: string;
  share: number | null;
}

/** One row per day of the period, empty days with a null share (a gap in the line, not a zero). */
export function targetByDay(daily: readonly DailyStatsRow[]): TargetRow[] {
  return daily.map((row) => ({
    key: row.date,
    served: row.served,
    withinTarget: row.withinTarget,
    share: shareWithinTarget(row),
  }));
}

/** One row per hour of the day, the weekdays of the heatmap added together. */
export function targetByHour(cells: readonly HeatmapCell[], hours: readonly number[]): TargetRow[] {
  return hours.map((hour) => {
    const counts = cells
      .filter((cell) => cell.hour === hour)
      .reduce(
        (sum, cell) => ({ served: sum.served + cell.served, withinTarget: sum.withinTarget + cell.withinTarget }),
        { served: 0, withinTarget: 0 },
      );
    return { key: String(hour), ...counts, share: shareWithinTarget(counts) };
  });
}
