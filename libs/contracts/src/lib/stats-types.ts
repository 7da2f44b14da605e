import type { CaseFilter, IsoInstant, TokyoDate } from './api-types';
import type { CaseStatus, OutageKind, OutageSystem, PlatformFunction, Procedure, ReasonCode } from './code-lists';

/** Statistics cover the Asia/Tokyo days from..to, both included, counted on the arrival instant. */
export interface StatsRangeQuery extends CaseFilter {
  from: TokyoDate;
  to: TokyoDate;
}

/**
 * Median: the middle value, or the mean of the two middle values for an even count.
 * p90: nearest rank, the ⌈0.9·n⌉-th smallest value. Both in minutes with one decimal; null when there is no value.
 */
export interface MinutesDistribution {
  median: number | null;
  p90: number | null;
}

export interface PaymentServiceOutcomes {
  id: number;
  name: string;
  completed: number;
  notCompleted: number;
}

/** The figures of one period; `StatsSummary` adds the period of equal length just before. */
export interface StatsPeriodSummary {
  from: TokyoDate;
  to: TokyoDate;
  total: number;
  byStatus: Record<CaseStatus, number>;
  /** completed ÷ (completed + not_completed), rounded to 4 decimals; null when both are 0. */
  completionRate: number | null;
  /** Arrival → start of service, over cases that were served. */
  waitMinutes: MinutesDistribution;
  /** Start → end of service, over cases served to the end. */
  handleMinutes: MinutesDistribution;
  byProcedure: Record<Procedure, number>;
  /** not_completed cases by reason; every code is present. */
  byReason: Record<ReasonCode, number>;
  /** Every active service, and any inactive one with cases; most completions first. */
  byPaymentService: PaymentServiceOutcomes[];
  /** Cases that arrived while any recorded outage was going on, and of those the ones ended `platform_maintenance`. */
  /**
   * Cases that arrived during any outage, and of them those an outage turned away: arrived during it, needed a
   * function it stopped, and ended not completed for the reason it explains (`turnedAwayBy` in the rules library).
   */
  duringOutages: { cases: number; turnedAway: number };
  /** Visits in the period that follow up an earlier one (by its slip's code), and of those the completed. */
  returned: { followUps: number; succeeded: number };
  /** The waiting-time target in minutes and how the period's served cases met it. */
  waitTarget: WaitTargetCounts & { minutes: number };
}

export interface StatsSummary extends StatsPeriodSummary {
  previous: StatsPeriodSummary;
}

/** One Tokyo day; every day of the range has a row, empty days included. */
export interface DailyStatsRow extends WaitTargetCounts {
  date: TokyoDate;
  total: number;
  completed: number;
  not_completed: number;
  left: number;
}

/**
 * Against the waiting-time target (`WAIT_TARGET_MINUTES`): `served` are the cases whose service started, and
 * `withinTarget` those of them that waited (arrival → start) no longer than the target.
 */
export interface WaitTargetCounts {
  served: number;
  withinTarget: number;
}

/** One cell of the weekday × hour grid, in Tokyo time; all 7 × 24 cells are returned. */
export interface HeatmapCell extends WaitTargetCounts {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23. */
  hour: number;
  arrivals: number;
  /** Median arrival → start over the cell's served cases; null when none was served. */
  medianWaitMinutes: number | null;
}

export interface StaffStatsRow {
  username: string;
  displayName: string;
  /** Cases handled (arrived in the range with this staff member recorded). */
  cases: number;
  completed: number;
  notCompleted: number;
  medianHandleMinutes: number | null;
}

/** What one outage cost the desk. */
export interface OutageImpact {
  id: number;
  system: OutageSystem;
  paymentServiceId: number | null;
  paymentServiceName: string | null;
  kind: OutageKind;
  startsAt: IsoInstant;
  endsAt: IsoInstant | null;
  affects: PlatformFunction[];
  /** Cases that arrived during the outage (the whole outage, even where it runs past the range). */
  cases: number;
  notCompleted: number;
  /**
   * Of `cases`, those this outage turned away: needed a function it stopped and ended not completed for the reason
   * it explains (platform_maintenance, terminal_fault or payment_service_down for its own service).
   */
  turnedAway: number;
  /** Of the not completed, those whose citizen came back later (a follow-up visit links to them). */
  cameBack: number;
  /** Of `cameBack`, those whose return visit completed. */
  cameBackCompleted: number;
}

export interface CongestionOutage {
  system: OutageSystem;
  /** When it starts (or started). */
  from: IsoInstant;
  paymentServiceName: string | null;
  affects: PlatformFunction[];
  /** When the outage is expected to end; null while no end is known. */
  until: IsoInstant | null;
}

/** What a citizen sees before coming: the queue now and how busy this weekday usually is. */
export interface Congestion {
  at: IsoInstant;
  /** The desk is within its opening hours. */
  open: boolean;
  waiting: number;
  inService: number;
  /** ⌈waiting × recent median handling minutes ÷ staff serving (≥ 1)⌉; 0 with no queue; null when closed. */
  estimatedWaitMinutes: number | null;
  outagesNow: CongestionOutage[];
  /** Outages recorded ahead of time that start after `at`, within the next two weeks, soonest first. */
  outagesAnnounced: CongestionOutage[];
  /** Average arrivals per Tokyo hour (0–23) on the same weekday, one decimal. */
  typicalByHour: { hour: number; arrivals: number }[];
}

export const EXPORT_LANGUAGES = ['ja', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * From reservation to application, counted in the database over the cases that arrived in the range. A visit needs
 * the reservation when its procedure is `reservation`, or `both` without a MyKey ID already set; it needs the
 * application when its procedure is `application` or `both`. A step is done when the case ended `completed` with that
 * step ticked. `alreadyReserved` are application visits by citizens who had reserved before, so no reservation was
 * needed. Return visits are cases that follow an earlier visit by its slip's code, by how they ended.
 */
export interface FunnelStats {
  from: TokyoDate;
  to: TokyoDate;
  reservation: { attempted: number; done: number };
  application: { attempted: number; done: number };
  alreadyReserved: number;
  returnVisits: { visits: number; completed: number; notCompleted: number; other: number };
}
