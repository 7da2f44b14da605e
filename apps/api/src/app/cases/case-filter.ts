import type { CaseFilter, CaseSegment } from '@madoguchi/contracts';
import { Brackets, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { dialectOf } from '../db/dialect';

/**
 * Narrows a query over cases (alias `c`) to a filter. The statistics and the case list both call it, so the cases a
 * number counts and the cases its drill-down lists are chosen by the same SQL.
 */
export function applyCaseFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, filter: CaseFilter): void {
  if (filter.siteId !== undefined) qb.andWhere('c.siteId = :filterSite', { filterSite: filter.siteId });
  if (filter.channel) qb.andWhere('c.channel = :filterChannel', { filterChannel: filter.channel });
  if (filter.ageBand) qb.andWhere('c.ageBand = :filterAgeBand', { filterAgeBand: filter.ageBand });
  if (filter.paymentServiceId !== undefined) {
    qb.andWhere('c.paymentServiceId = :filterService', { filterService: filter.paymentServiceId });
  }
  if (filter.staff) {
    const staff = qb
      .subQuery()
      .select('u.id')
      .from(UserAccount, 'u')
      .where('u.username = :filterStaff', { filterStaff: filter.staff.toLowerCase() })
      .getQuery();
    qb.andWhere(`c.staffId IN ${staff}`);
  }
}

/** Tokyo weekday (1 = Monday) and hour of arrival, in SQL, the same arithmetic as the heatmap. */
export function applyArrivalClock<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  dataSource: DataSource,
  clock: { weekday?: number; hour?: number },
): void {
  const hourIndex = dialectOf(dataSource).tokyoHourIndex('c.arrivedAt');
  if (clock.hour !== undefined) qb.andWhere(`(${hourIndex} % 24) = :arrivalHour`, { arrivalHour: clock.hour });
  // Hour 0 since the epoch in Tokyo was a Thursday (weekday 4): count weekdays from there.
  if (clock.weekday !== undefined) {
    qb.andWhere(`(((${hourIndex} / 24) + 3) % 7) + 1 = :arrivalWeekday`, { arrivalWeekday: clock.weekday });
  }
}

/** The cases a funnel step or return-visit figure counts; `GET /api/stats/funnel` states each rule in words. */
export const SEGMENT_SQL: Readonly<Record<CaseSegment, string>> = {
  // A visit needs the reservation unless the citizen already had a MyKey ID (`both` then means the application only).
  reservationAttempted: `(c.procedure = 'reservation' OR (c.procedure = 'both' AND c.alreadyReserved = false))`,
  reservationDone: `(c.status = 'completed' AND c.completedReservation = true)`,
  applicationAttempted: `(c.procedure IN ('application', 'both'))`,
  applicationDone: `(c.status = 'completed' AND c.completedApplication = true)`,
  alreadyReserved: `(c.procedure IN ('application', 'both') AND c.alreadyReserved = true)`,
  returnVisit: `(c.previousCaseId IS NOT NULL)`,
  returnVisitCompleted: `(c.previousCaseId IS NOT NULL AND c.status = 'completed')`,
};

/** The fields of a case the segments read. */
export interface SegmentFields {
  procedure: string;
  status: string;
  alreadyReserved: boolean;
  completedReservation: boolean;
  completedApplication: boolean;
  previousCaseId: number | null;
}

/** SEGMENT_SQL as tests on one case, for the statistics kept on write; each line must say what its SQL says. */
export const SEGMENT_TEST: Readonly<Record<CaseSegment, (c: SegmentFields) => boolean>> = {
  reservationAttempted: (c) => c.procedure === 'reservation' || (c.procedure === 'both' && !c.alreadyReserved),
  reservationDone: (c) => c.status === 'completed' && c.completedReservation,
  applicationAttempted: (c) => c.procedure === 'application' || c.procedure === 'both',
  applicationDone: (c) => c.status === 'completed' && c.completedApplication,
  alreadyReserved: (c) => (c.procedure === 'application' || c.procedure === 'both') && c.alreadyReserved,
  returnVisit: (c) => c.previousCaseId !== null,
  returnVisitCompleted: (c) => c.previousCaseId !== null && c.status === 'completed',
};

export function applySegment<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, segment: CaseSegment): void {
  qb.andWhere(new Brackets((inner) => inner.where(SEGMENT_SQL[segment])));
}
