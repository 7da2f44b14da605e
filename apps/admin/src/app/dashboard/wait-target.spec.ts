import type { DailyStatsRow, HeatmapCell } from '@madoguchi/contracts';
import { shareWithinTarget, targetByDay, targetByHour } from './wait-target';

const day = (date: string, served: number, withinTarget: number): DailyStatsRow => ({
  date,
  total: served,
  completed: served,
  not_completed: 0,
  left: 0,
  served,
  withinTarget,
});
const cell = (weekday: number, hour: number, served: number, withinTarget: number): HeatmapCell => ({
  weekday,
  hour,
  arrivals: served,
  medianWaitMinutes: null,
  served,
  withinTarget,
});

describe('the share served within the waiting-time target', () => {
  it('is a percentage with one decimal, and no share without served cases', () => {
    expect(shareWithinTarget({ served: 3, withinTarget: 2 })).toBe(66.7);
    expect(shareWithinTarget({ served: 8, withinTarget: 8 })).toBe(100);
    expect(shareWithinTarget({ served: 0, withinTarget: 0 })).toBeNull();
  });

  it('gives each day its own share, an empty day a gap', () => {
    expect(targetByDay([day('2020-10-06', 6, 3), day('2020-10-07', 0, 0)]).map((r) => [r.key, r.share])).toEqual([
      ['2020-10-06', 50],
      ['2020-10-07', null],
    ]);
  });

  it('adds the weekdays of each hour together before dividing', () => {
    // 9:00 on Tuesday 2 of 2 and Wednesday 1 of 6: 3 of 8, not the mean of 100 % and 16.7 %.
    const rows = targetByHour([cell(2, 9, 2, 2), cell(3, 9, 6, 1), cell(2, 10, 3, 3)], [9, 10, 11]);
    expect(rows.map((r) => [r.key, r.served, r.withinTarget, r.share])).toEqual([
      ['9', 8, 3, 37.5],
      ['10', 3, 3, 100],
      ['11', 0, 0, null],
    ]);
  });
});
