import { CASE_OUTCOMES, CASE_SEGMENTS, type CaseFilter } from '@madoguchi/contracts';
import { SEGMENT_TEST, type SegmentFields } from '../../cases/case-filter';
import { DAY_MS, HOUR_MS, HOURS_PER_WEEK, TOKYO_OFFSET_MS } from '../tokyo-clock';

/**
 * The statistics kept on write. Every case adds one to a set of counters, each named by
 * (facet, value, kind, key, bin) and kept per Tokyo day and per Tokyo month of its arrival:
 * - facet/value: what a dashboard filter narrows to (`all`, or one site, staff member, payment service, channel, age band);
 * - kind/key: what is counted (a status, a procedure, a weekday × hour cell, a staff member's outcome…);
 * - bin: for durations, the whole minutes of the wait or the handling (0 for plain counts).
 * A statistic over whole days adds up the months inside the range and the days at its edges.
 */
export type RollupFacet = 'all' | 'site' | 'staff' | 'service' | 'channel' | 'age';

export type RollupKind =
  | 'status'
  | 'procedure'
  | 'reason'
  | 'segment'
  | 'service'
  | 'staff'
  | 'staffHandle'
  | 'cell'
  | 'cellWait'
  | 'wait'
  | 'handle';

/** Day rows answer ranges that start or end inside a month, month rows the months a range covers whole. */
export const DAY_GRAIN = 0;
export const MONTH_GRAIN = 1;

/** The segment key of return visits that ended not completed (the funnel's third figure). */
export const RETURN_NOT_COMPLETED = 'returnNotCompleted';

/** What the rollups read of a case. */
export interface RollupCase extends SegmentFields {
  arrivedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  reason: string | null;
  siteId: number;
  staffId: number | null;
  paymentServiceId: number | null;
  channel: string;
  ageBand: string | null;
}

/** A new case's row as the rollups read it; a column the row leaves out takes its default. */
export function rollupCaseOf(row: Partial<RollupCase>): RollupCase {
  if (!row.arrivedAt || row.siteId === undefined || !row.status || !row.procedure || !row.channel) {
    throw new Error('A case row needs its arrival, site, status, procedure and channel');
  }
  return {
    arrivedAt: row.arrivedAt,
    startedAt: row.startedAt ?? null,
    endedAt: row.endedAt ?? null,
    status: row.status,
    procedure: row.procedure,
    reason: row.reason ?? null,
    siteId: row.siteId,
    staffId: row.staffId ?? null,
    paymentServiceId: row.paymentServiceId ?? null,
    channel: row.channel,
    ageBand: row.ageBand ?? null,
    alreadyReserved: row.alreadyReserved ?? false,
    completedReservation: row.completedReservation ?? false,
    completedApplication: row.completedApplication ?? false,
    previousCaseId: row.previousCaseId ?? null,
  };
}

/** One counter of the rollups and how much it changes. */
export interface RollupRow {
  facet: RollupFacet;
  value: string;
  kind: RollupKind;
  grain: number;
  period: number;
  key: string;
  bin: number;
  n: number;
}

/**
 * A duration in whole minutes, rounded half up: the unit of every median, p90 and waiting target, so that counters
 * can keep them exactly. SQL computes the same with integer division (see Dialect.durationMinutes).
 */
export function durationMinutes(from: Date, to: Date): number {
  return Math.trunc((to.getTime() - from.getTime() + 30_000) / 60_000);
}

/** Tokyo day index (days since 1970-01-01 JST) of an instant. */
export function tokyoDayIndexOf(at: Date): number {
  return Math.floor((at.getTime() + TOKYO_OFFSET_MS) / DAY_MS);
}

/** Months since January 1970 of a Tokyo day index: the period of a month row. */
export function monthIndexOfDayIndex(dayIndex: number): number {
  const date = new Date(dayIndex * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth() - 1970 * 12;
}

/** The first and last Tokyo day index of a month index. */
export function daysOfMonthIndex(month: number): { first: number; last: number } {
  const year = 1970 + Math.floor(month / 12);
  const m = month % 12;
  return {
    first: Math.round(Date.UTC(year, m, 1) / DAY_MS),
    last: Math.round(Date.UTC(year, m + 1, 1) / DAY_MS) - 1,
  };
}

/** The facets a case counts under: everything, and each of its filterable values. */
function facetsOf(c: RollupCase): [RollupFacet, string][] {
  const facets: [RollupFacet, string][] = [
    ['all', ''],
    ['site', String(c.siteId)],
    ['channel', c.channel],
  ];
  if (c.staffId !== null) facets.push(['staff', String(c.staffId)]);
  if (c.paymentServiceId !== null) facets.push(['service', String(c.paymentServiceId)]);
  if (c.ageBand !== null) facets.push(['age', c.ageBand]);
  return facets;
}

/** What one case counts, whatever the facet: [kind, key, bin]. */
function countsOf(c: RollupCase): [RollupKind, string, number][] {
  const counts: [RollupKind, string, number][] = [
    ['status', c.status, 0],
    ['procedure', c.procedure, 0],
  ];
  if (c.reason !== null) counts.push(['reason', c.reason, 0]);
  for (const segment of CASE_SEGMENTS) if (SEGMENT_TEST[segment](c)) counts.push(['segment', segment, 0]);
  if (c.previousCaseId !== null && c.status === 'not_completed') counts.push(['segment', RETURN_NOT_COMPLETED, 0]);
  if (c.paymentServiceId !== null && (CASE_OUTCOMES as readonly string[]).includes(c.status)) {
    counts.push(['service', `${c.paymentServiceId}:${c.status}`, 0]);
  }
  const handle = c.startedAt && c.endedAt ? durationMinutes(c.startedAt, c.endedAt) : null;
  if (c.staffId !== null) {
    counts.push(['staff', `${c.staffId}:${c.status}`, 0]);
    if (handle !== null) counts.push(['staffHandle', String(c.staffId), handle]);
  }
  const cell = String(Math.floor((c.arrivedAt.getTime() + TOKYO_OFFSET_MS) / HOUR_MS) % HOURS_PER_WEEK);
  counts.push(['cell', cell, 0]);
  if (c.startedAt) {
    const wait = durationMinutes(c.arrivedAt, c.startedAt);
    counts.push(['wait', '', wait], ['cellWait', cell, wait]);
  }
  if (handle !== null) counts.push(['handle', '', handle]);
  return counts;
}

const SEPARATOR = '\u0001';

/** The map key of a counter: facet, value, grain, period, kind, key, bin (rowsOf reads them back in this order). */
export function counterId(row: Omit<RollupRow, 'n'>): string {
  return [row.facet, row.value, row.grain, row.period, row.kind, row.key, row.bin].join(SEPARATOR);
}

/** Adds one case's counters, times `sign`, to a map keyed by counterId: its day's, and its month's unless told. */
export function addCase(into: Map<string, number>, c: RollupCase, sign: 1 | -1, monthToo = true): void {
  const day = tokyoDayIndexOf(c.arrivedAt);
  // Built once per case and joined by concatenation: a rebuild adds a million cases' counters this way.
  const periods = [`${DAY_GRAIN}${SEPARATOR}${day}${SEPARATOR}`];
  if (monthToo) periods.push(`${MONTH_GRAIN}${SEPARATOR}${monthIndexOfDayIndex(day)}${SEPARATOR}`);
  const counts = countsOf(c).map(([kind, key, bin]) => `${kind}${SEPARATOR}${key}${SEPARATOR}${bin}`);
  for (const [facet, value] of facetsOf(c)) {
    const prefix = `${facet}${SEPARATOR}${value}${SEPARATOR}`;
    for (const period of periods) {
      const head = prefix + period;
      for (const count of counts) {
        const id = head + count;
        into.set(id, (into.get(id) ?? 0) + sign);
      }
    }
  }
}

/** Adds to day counters (addCase without months) the month counters they sum to. */
export function addMonths(counters: Map<string, number>): void {
  const months = new Map<string, number>();
  for (const [id, n] of counters) {
    const [facet, value, grain, period, ...count] = id.split(SEPARATOR);
    if (Number(grain) !== DAY_GRAIN) continue;
    const month = [facet, value, MONTH_GRAIN, monthIndexOfDayIndex(Number(period)), ...count].join(SEPARATOR);
    months.set(month, (months.get(month) ?? 0) + n);
  }
  for (const [id, n] of months) counters.set(id, (counters.get(id) ?? 0) + n);
}

/** The counters of a map built by addCase, leaving out those that came to zero. */
export function rowsOf(counters: Map<string, number>): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const [id, n] of counters) {
    if (n === 0) continue;
    const [facet, value, grain, period, kind, key, bin] = id.split(SEPARATOR) as [
      RollupFacet,
      string,
      string,
      string,
      RollupKind,
      string,
      string,
    ];
    rows.push({ facet, value, kind, grain: Number(grain), period: Number(period), key, bin: Number(bin), n });
  }
  return rows;
}

/** How the counters change when a case goes from `before` to `after` (null: it did not exist), in a fixed order. */
export function rollupDelta(before: RollupCase | null, after: RollupCase | null): RollupRow[] {
  const counters = new Map<string, number>();
  if (before) addCase(counters, before, -1);
  if (after) addCase(counters, after, 1);
  // One order for every writer, so that two transactions never wait on each other's counters crosswise.
  return rowsOf(counters).sort((a, b) => compareRows(a, b));
}

/** Orders counters by their key fields. */
export function compareRows(a: RollupRow, b: RollupRow): number {
  return (
    cmp(a.facet, b.facet) ||
    cmp(a.value, b.value) ||
    cmp(a.kind, b.kind) ||
    a.grain - b.grain ||
    a.period - b.period ||
    cmp(a.key, b.key) ||
    a.bin - b.bin
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The facet a filter reads, or null when it narrows by two or more things at once (the cases answer those). */
export function facetOfFilter(
  filter: CaseFilter,
  staffId: number | null,
): { facet: RollupFacet; value: string } | null {
  const set: { facet: RollupFacet; value: string }[] = [];
  if (filter.siteId !== undefined) set.push({ facet: 'site', value: String(filter.siteId) });
  // No account has id 0: an unknown username reads counters that do not exist, zero like its cases.
  if (filter.staff) set.push({ facet: 'staff', value: String(staffId ?? 0) });
  if (filter.paymentServiceId !== undefined) set.push({ facet: 'service', value: String(filter.paymentServiceId) });
  if (filter.channel) set.push({ facet: 'channel', value: filter.channel });
  if (filter.ageBand) set.push({ facet: 'age', value: filter.ageBand });
  if (set.length === 0) return { facet: 'all', value: '' };
  return set.length === 1 ? (set[0] ?? null) : null;
}

/**
 * The periods that cover the Tokyo days from..to exactly: the months inside it whole, and the days before and after
 * them (or all its days when it covers no month whole).
 */
export function periodsOfDays(from: number, to: number): { grain: number; first: number; last: number }[] {
  let firstMonth = monthIndexOfDayIndex(from);
  if (daysOfMonthIndex(firstMonth).first < from) firstMonth++;
  let lastMonth = monthIndexOfDayIndex(to);
  if (daysOfMonthIndex(lastMonth).last > to) lastMonth--;
  if (firstMonth > lastMonth) return [{ grain: DAY_GRAIN, first: from, last: to }];
  const periods = [{ grain: MONTH_GRAIN, first: firstMonth, last: lastMonth }];
  const monthsStart = daysOfMonthIndex(firstMonth).first;
  const monthsEnd = daysOfMonthIndex(lastMonth).last;
  if (from < monthsStart) periods.push({ grain: DAY_GRAIN, first: from, last: monthsStart - 1 });
  if (monthsEnd < to) periods.push({ grain: DAY_GRAIN, first: monthsEnd + 1, last: to });
  return periods;
}
