import type { CaseFilter, CaseStatus, Procedure, ReasonCode } from '@madoguchi/contracts';
import type { InstantRange } from './instant-range';
import type { Bin } from './percentiles';

export type Measure = 'wait' | 'handle';

/** What durations are grouped by: the arrival's weekday × hour cell, its Tokyo day index, or the staff member. */
export type DurationGroup = 'cell' | 'day' | 'staff';

/** What a summary needs of one period, in one call (the counters answer it with one query). */
export interface PeriodFigures {
  byStatus: Record<CaseStatus, number>;
  byProcedure: Record<Procedure, number>;
  byReason: Record<ReasonCode, number>;
  waits: Bin[];
  handles: Bin[];
  returned: { followUps: number; succeeded: number };
  services: { id: number; status: string; n: number }[];
}

/**
 * Where the statistics' figures come from, over whole Tokyo days: the counters kept on write (rollups), or the cases
 * themselves. Both answer the same questions the same way; a property test holds them equal.
 * Durations come as bins of whole minutes, in ms.
 */
export interface StatsSource {
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
  /** The figures of one period a summary shows. */
  periodFigures(range: InstantRange, filter: CaseFilter): Promise<PeriodFigures>;
}
