import type { CaseFilter } from '@madoguchi/contracts';
import type { InstantRange } from './instant-range';
import type { Bin } from './percentiles';

export type Measure = 'wait' | 'handle';

/** What durations are grouped by: the arrival's weekday × hour cell, its Tokyo day index, or the staff member. */
export type DurationGroup = 'cell' | 'day' | 'staff';

/**
 * Where the statistics' figures come from, over whole Tokyo days: the counters kept on write (rollups), or the cases
 * themselves. Both answer the same questions the same way; a property test holds them equal.
 * Durations come as bins of whole minutes, in ms.
 */
export interface StatsSource {
  /** Cases per code of one coded column, every code present (zero when unused). */
  countBy<K extends string>(
    range: InstantRange,
    column: 'status' | 'procedure' | 'reason',
    codes: readonly K[],
    filter: CaseFilter,
  ): Promise<Record<K, number>>;
  /** Durations as bins, per group (key 0 without one). */
  durationBins(
    range: InstantRange,
    filter: CaseFilter,
    measure: Measure,
    group?: DurationGroup,
  ): Promise<Map<number, Bin[]>>;
  /** Arrivals per weekday × hour cell. */
  arrivalsByCell(range: InstantRange, filter: CaseFilter): Promise<Map<number, number>>;
  /** Cases per Tokyo day index and status. */
  dailyRows(range: InstantRange, filter: CaseFilter): Promise<{ d: number; status: string; n: number }[]>;
  /** Cases per staff member and status. */
  staffRows(range: InstantRange, filter: CaseFilter): Promise<{ staffId: number; status: string; n: number }[]>;
  /** Each funnel step's attempts and successes, and the return visits. */
  funnelRow(range: InstantRange, filter: CaseFilter): Promise<Record<string, unknown> | undefined>;
  /** Outcomes per payment service and status. */
  paymentServiceRows(range: InstantRange, filter: CaseFilter): Promise<{ id: number; status: string; n: number }[]>;
  /** Return visits that arrived in the range, and those that succeeded. */
  returnVisitsRow(range: InstantRange, filter: CaseFilter): Promise<{ followUps: number; succeeded: number }>;
}
