import type { StatsPeriodSummary } from '@madoguchi/contracts';
import { change, kpis } from './kpi';

const period = (overrides: Partial<StatsPeriodSummary>): StatsPeriodSummary =>
  ({
    total: 0,
    completionRate: null,
    waitMinutes: { median: null, p90: null },
    handleMinutes: { median: null, p90: null },
    duringOutages: { cases: 0, turnedAway: 0 },
    returned: { followUps: 0, succeeded: 0 },
    ...overrides,
  }) as StatsPeriodSummary;

describe('the dashboard’s key figures', () => {
  it('shows the completion rate as a percentage and compares it in points', () => {
    const [, rate] = kpis(period({ completionRate: 0.8555 }), period({ completionRate: 0.8182 }));
    expect(rate).toMatchObject({ key: 'completionRate', unit: 'percent', value: 85.6, previous: 81.8 });
    if (!rate) throw new Error('no completion rate among the key figures');
    expect(change(rate.value, rate.previous)).toBe(3.8);
  });

  it('has no change when either period has no value', () => {
    expect(change(2.5, null)).toBeNull();
    expect(change(null, 2.5)).toBeNull();
    expect(change(12.5, 11.7)).toBe(0.8);
  });

  it('gives the outage and return-visit tiles their context figure', () => {
    const tiles = kpis(
      period({ duringOutages: { cases: 12, turnedAway: 5 }, returned: { followUps: 9, succeeded: 7 } }),
      period({}),
    );
    expect(tiles.find((tile) => tile.key === 'duringOutages')).toMatchObject({ value: 12, detail: 5 });
    expect(tiles.find((tile) => tile.key === 'returned')).toMatchObject({ value: 7, detail: 9 });
  });
});
