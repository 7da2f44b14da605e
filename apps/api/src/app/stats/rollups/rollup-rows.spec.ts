import { dayIndexOfDate } from '../tokyo-clock';
import {
  DAY_GRAIN,
  durationMinutes,
  monthIndexOfDayIndex,
  MONTH_GRAIN,
  periodsOfDays,
  rollupDelta,
  type RollupCase,
  tokyoDayIndexOf,
} from './rollup-rows';

const day = dayIndexOfDate;
const october2020 = (2020 - 1970) * 12 + 9;

const visit = (overrides: Partial<RollupCase> = {}): RollupCase => ({
  arrivedAt: new Date('2020-10-31T14:59:00Z'), // 23:59 on Saturday 31 October in Tokyo
  startedAt: new Date('2020-10-31T15:09:30Z'),
  endedAt: new Date('2020-10-31T15:20:00Z'),
  status: 'completed',
  procedure: 'both',
  reason: null,
  siteId: 1,
  staffId: 7,
  paymentServiceId: null,
  channel: 'counter',
  ageBand: null,
  alreadyReserved: false,
  completedReservation: true,
  completedApplication: true,
  previousCaseId: null,
  ...overrides,
});

describe('the counters of the statistics', () => {
  it('round a duration to whole minutes, halves up', () => {
    const at = (seconds: number) => new Date(Date.UTC(2020, 9, 1) + seconds * 1000);
    expect(durationMinutes(at(0), at(29.999))).toBe(0);
    expect(durationMinutes(at(0), at(30))).toBe(1);
    expect(durationMinutes(at(0), at(89.999))).toBe(1);
    expect(durationMinutes(at(0), at(90))).toBe(2);
  });

  it('place an instant on its Tokyo day and month, not the UTC one', () => {
    expect(tokyoDayIndexOf(new Date('2020-10-31T14:59:59Z'))).toBe(day('2020-10-31'));
    expect(tokyoDayIndexOf(new Date('2020-10-31T15:00:00Z'))).toBe(day('2020-11-01'));
    expect(monthIndexOfDayIndex(day('2020-10-31'))).toBe(october2020);
    expect(monthIndexOfDayIndex(day('2020-11-01'))).toBe(october2020 + 1);
  });

  it('cover a range with the months inside it whole and the days at its edges', () => {
    expect(periodsOfDays(day('2020-10-30'), day('2020-11-02'))).toEqual([
      { grain: DAY_GRAIN, first: day('2020-10-30'), last: day('2020-11-02') },
    ]);
    expect(periodsOfDays(day('2020-10-01'), day('2020-11-30'))).toEqual([
      { grain: MONTH_GRAIN, first: october2020, last: october2020 + 1 },
    ]);
    expect(periodsOfDays(day('2020-09-29'), day('2020-11-03'))).toEqual([
      { grain: MONTH_GRAIN, first: october2020, last: october2020 },
      { grain: DAY_GRAIN, first: day('2020-09-29'), last: day('2020-09-30') },
      { grain: DAY_GRAIN, first: day('2020-11-01'), last: day('2020-11-03') },
    ]);
    // February of a leap year ends on the 29th.
    expect(periodsOfDays(day('2020-02-01'), day('2020-02-29'))).toEqual([
      { grain: MONTH_GRAIN, first: october2020 - 8, last: october2020 - 8 },
    ]);
  });

  it('count a new case once under every facet, in its day and in its month', () => {
    const rows = rollupDelta(null, visit());
    const statusRows = rows.filter((r) => r.kind === 'status');
    // all, site 1, channel counter, staff 7: four facets, each a day row and a month row.
    expect(statusRows.map((r) => `${r.facet}:${r.value}:${r.grain}:${r.period}:${r.key}:${r.n}`).sort()).toEqual(
      [
        `all::0:${day('2020-10-31')}:completed:1`,
        `all::1:${october2020}:completed:1`,
        `channel:counter:0:${day('2020-10-31')}:completed:1`,
        `channel:counter:1:${october2020}:completed:1`,
        `site:1:0:${day('2020-10-31')}:completed:1`,
        `site:1:1:${october2020}:completed:1`,
        `staff:7:0:${day('2020-10-31')}:completed:1`,
        `staff:7:1:${october2020}:completed:1`,
      ].sort(),
    );
    // Waited 10½ minutes (23:59:00 → 00:09:30): 11 in whole minutes; handled 10½ → 11.
    const all = rows.filter((r) => r.facet === 'all' && r.grain === DAY_GRAIN);
    expect(all.find((r) => r.kind === 'wait')?.bin).toBe(11);
    expect(all.find((r) => r.kind === 'handle')?.bin).toBe(11);
    // Saturday 23:00 is cell 2 × 24 + 23 of the week that starts on Thursday.
    expect(all.find((r) => r.kind === 'cell')?.key).toBe(String(2 * 24 + 23));
  });

  it('change nothing for a write that changes nothing the statistics read', () => {
    expect(rollupDelta(visit(), visit({ reason: null }))).toEqual([]);
  });

  it('move a case whose arrival is corrected into the next month out of October and into November', () => {
    const rows = rollupDelta(visit(), visit({ arrivedAt: new Date('2020-10-31T15:01:00Z') }));
    const monthStatus = rows.filter((r) => r.facet === 'all' && r.kind === 'status' && r.grain === MONTH_GRAIN);
    expect(monthStatus.map((r) => [r.period, r.n])).toEqual([
      [october2020, -1],
      [october2020 + 1, 1],
    ]);
  });
});
