import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_OUTCOMES, CASE_STATUSES, PROCEDURES, REASON_CODES, type CaseFilter } from '@madoguchi/contracts';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { applyCaseFilter, SEGMENT_SQL } from '../cases/case-filter';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { OutageEntity } from '../outages/outage.entity';
import { instantParam } from '../db/dialect';
import type { InstantRange } from './instant-range';
import type { Bin } from './percentiles';
import { dialectOf, Dialect } from '../db/dialect';
import type { DurationGroup, Measure, PeriodFigures, StatsSource } from './stats-source';
import { HOURS_PER_WEEK } from './tokyo-clock';

/** Which instants a duration runs between: waiting is arrival → start, handling start → end. */
const MEASURES: Record<Measure, [string, string]> = {
  wait: ['c.arrivedAt', 'c.startedAt'],
  handle: ['c.startedAt', 'c.endedAt'],
};

const count = (value: unknown): number => Number(value ?? 0);

/**
 * Aggregates the database computes from the cases, from the arrivedAt bound that every case index leads with; no
 * entity is loaded. The statistics read the rollups instead where they can (see StatsService.sourceFor).
 */
@Injectable()
export class StatsRepository implements StatsSource {
  readonly sql: Dialect;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sql = dialectOf(dataSource);
  }

  /** Cases that arrived in the range, narrowed to the filter. */
  arrived(range: InstantRange, filter: CaseFilter = {}): SelectQueryBuilder<SupportCaseEntity> {
    const qb = this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .where('c.arrivedAt >= :rangeStart', { rangeStart: instantParam(this.dataSource, range.start) })
      .andWhere('c.arrivedAt < :rangeEnd', { rangeEnd: instantParam(this.dataSource, range.end) });
    applyCaseFilter(qb, filter);
    return qb;
  }

  /** Cases per code of one coded column, every code present (zero when unused). */
  async countBy<K extends string>(
    range: InstantRange,
    column: 'status' | 'procedure' | 'reason',
    codes: readonly K[],
    filter: CaseFilter = {},
  ): Promise<Record<K, number>> {
    const rows = await this.arrived(range, filter)
      .select(`c.${column}`, 'code')
      .addSelect('COUNT(*)', 'n')
      // Naming every code lets the database walk the (code, arrivedAt) index once per code, never reading the table.
      .andWhere(`c.${column} IN (:...codes)`, { codes })
      .groupBy(`c.${column}`)
      .getRawMany<{ code: K; n: unknown }>();
    const counts = Object.fromEntries(codes.map((code) => [code, 0])) as Record<K, number>;
    for (const row of rows) counts[row.code] = count(row.n);
    return counts;
  }

  /** Durations of the cases that arrived in the range as bins of whole minutes (in ms), per group when given. */
  durationBins(
    range: InstantRange,
    filter: CaseFilter,
    measure: Measure,
    group?: DurationGroup,
  ): Promise<Map<number, Bin[]>> {
    const cases = this.arrived(range, filter);
    if (group === 'staff') cases.andWhere('c.staffId IS NOT NULL');
    const groupSql =
      group === 'cell'
        ? this.arrivalCell()
        : group === 'day'
          ? this.sql.tokyoDayIndex('c.arrivedAt')
          : group === 'staff'
            ? 'c.staffId'
            : undefined;
    return this.durationBinsOf(cases, measure, groupSql);
  }

  /** Durations in whole minutes as bins of equal values per group (key 0 without one): only distinct values travel. */
  private async durationBinsOf(
    cases: SelectQueryBuilder<SupportCaseEntity>,
    measure: Measure,
    group?: string,
  ): Promise<Map<number, Bin[]>> {
    const [from, to] = MEASURES[measure];
    const qb = cases
      .andWhere(`${from} IS NOT NULL`)
      .andWhere(`${to} IS NOT NULL`)
      .select(this.sql.durationMinutes(from, to), 'v')
      .addSelect('COUNT(*)', 'n')
      .groupBy('v');
    if (group) qb.addSelect(group, 'g').addGroupBy('g');
    const rows = await qb.getRawMany<{ v: unknown; n: unknown; g?: unknown }>();
    const bins = new Map<number, Bin[]>();
    for (const row of rows) {
      const key = group ? Number(row.g) : 0;
      const list = bins.get(key) ?? [];
      list.push({ value: Number(row.v) * 60_000, count: count(row.n) });
      bins.set(key, list);
    }
    return bins;
  }

  /** The Tokyo weekday × hour cell (hour index mod 168) of the arrival, as SQL. */
  private arrivalCell(): string {
    return `(${this.sql.tokyoHourIndex('c.arrivedAt')} % ${HOURS_PER_WEEK})`;
  }

  /** Arrivals per weekday × hour cell. */
  async arrivalsByCell(range: InstantRange, filter: CaseFilter = {}): Promise<Map<number, number>> {
    const rows = await this.arrived(range, filter)
      .select(this.arrivalCell(), 'cell')
      .addSelect('COUNT(*)', 'n')
      .groupBy('cell')
      .getRawMany<{ cell: unknown; n: unknown }>();
    return new Map(rows.map((row) => [Number(row.cell), count(row.n)]));
  }

  /** Outages going on at any moment of the range (ongoing ones included), earliest first. */
  outagesOverlapping(range: InstantRange): Promise<OutageEntity[]> {
    return this.dataSource
      .getRepository(OutageEntity)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.paymentService', 'ps')
      .where('o.startsAt < :rangeEnd', { rangeEnd: instantParam(this.dataSource, range.end) })
      .andWhere('(o.endsAt IS NULL OR o.endsAt > :rangeStart)', {
        rangeStart: instantParam(this.dataSource, range.start),
      })
      .orderBy('o.startsAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
  }
  /** Per Tokyo day index and status: how many cases. */
  async dailyRows(range: InstantRange, filter: CaseFilter): Promise<{ d: number; status: string; n: number }[]> {
    const rows = await this.arrived(range, filter)
      .select(this.sql.tokyoDayIndex('c.arrivedAt'), 'd')
      .addSelect('c.status', 'status')
      .addSelect('COUNT(*)', 'n')
      // Naming every status lets the (status, arrivedAt) index answer alone.
      .andWhere('c.status IN (:...statuses)', { statuses: CASE_STATUSES })
      .groupBy('d')
      .addGroupBy('c.status')
      .getRawMany<{ d: unknown; status: string; n: unknown }>();
    return rows.map((row) => ({ d: Number(row.d), status: row.status, n: count(row.n) }));
  }

  /** Per staff member and status: how many cases. */
  async staffRows(range: InstantRange, filter: CaseFilter): Promise<{ staffId: number; status: string; n: number }[]> {
    const rows = await this.arrived(range, filter)
      .select('c.staffId', 'staffId')
      .addSelect('c.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .andWhere('c.staffId IS NOT NULL')
      .groupBy('c.staffId')
      .addGroupBy('c.status')
      .getRawMany<{ staffId: unknown; status: string; n: unknown }>();
    return rows.map((row) => ({ staffId: Number(row.staffId), status: row.status, n: count(row.n) }));
  }

  /** The names of these accounts. */
  staffAccounts(ids: number[]): Promise<UserAccount[]> {
    return this.dataSource.getRepository(UserAccount).find({
      select: { id: true, username: true, displayName: true },
      where: { id: In(ids) },
    });
  }

  /** Each funnel step's attempts and successes, and the return visits, in one pass. */
  funnelRow(range: InstantRange, filter: CaseFilter): Promise<Record<string, unknown> | undefined> {
    const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    return this.arrived(range, filter)
      .select(sum(SEGMENT_SQL.reservationAttempted), 'reservationAttempted')
      .addSelect(sum(SEGMENT_SQL.reservationDone), 'reservationDone')
      .addSelect(sum(SEGMENT_SQL.applicationAttempted), 'applicationAttempted')
      .addSelect(sum(SEGMENT_SQL.applicationDone), 'applicationDone')
      .addSelect(sum(SEGMENT_SQL.alreadyReserved), 'alreadyReserved')
      .addSelect(sum(SEGMENT_SQL.returnVisit), 'returnVisits')
      .addSelect(sum(SEGMENT_SQL.returnVisitCompleted), 'returnCompleted')
      .addSelect(sum(`${SEGMENT_SQL.returnVisit} AND c.status = 'not_completed'`), 'returnNotCompleted')
      .getRawOne<Record<string, unknown>>();
  }

  /** Outcomes per payment service and status. */
  async paymentServiceRows(
    range: InstantRange,
    filter: CaseFilter,
  ): Promise<{ id: number; status: string; n: number }[]> {
    const rows = await this.arrived(range, filter)
      .select('c.paymentServiceId', 'id')
      .addSelect('c.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .andWhere('c.status IN (:...outcomes)', { outcomes: CASE_OUTCOMES })
      .andWhere('c.paymentServiceId IS NOT NULL')
      .groupBy('c.paymentServiceId')
      .addGroupBy('c.status')
      .getRawMany<{ id: unknown; status: string; n: unknown }>();
    return rows.map((row) => ({ id: Number(row.id), status: row.status, n: count(row.n) }));
  }

  /** The figures of one period a summary shows, each its own aggregate. */
  async periodFigures(range: InstantRange, filter: CaseFilter): Promise<PeriodFigures> {
    return {
      byStatus: await this.countBy(range, 'status', CASE_STATUSES, filter),
      byProcedure: await this.countBy(range, 'procedure', PROCEDURES, filter),
      byReason: await this.countBy(range, 'reason', REASON_CODES, filter),
      waits: (await this.durationBins(range, filter, 'wait')).get(0) ?? [],
      handles: (await this.durationBins(range, filter, 'handle')).get(0) ?? [],
      returned: await this.returnVisitsRow(range, filter),
      services: await this.paymentServiceRows(range, filter),
    };
  }

  /** Every payment service, active or not. */
  paymentServices(): Promise<PaymentServiceEntity[]> {
    return this.dataSource.getRepository(PaymentServiceEntity).find({ select: { id: true, name: true, active: true } });
  }

  /** How many cases arrived in any of the spans, which must not overlap (see mergeSpans). */
  async countWithin(spans: readonly InstantRange[], filter: CaseFilter): Promise<number> {
    const qb = this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .select('COUNT(*)', 'cases')
      // Only the spans' own bounds, ORed: both engines then read one index range per span, whatever the period.
      .where(
        new Brackets((any) => {
          spans.forEach((span, i) =>
            any.orWhere(`(c.arrivedAt >= :spanStart${i} AND c.arrivedAt < :spanEnd${i})`, {
              [`spanStart${i}`]: instantParam(this.dataSource, span.start),
              [`spanEnd${i}`]: instantParam(this.dataSource, span.end),
            }),
          );
        }),
      );
    applyCaseFilter(qb, filter);
    return count((await qb.getRawOne<{ cases: unknown }>())?.cases);
  }

  /** Return visits that arrived in the range, and those that succeeded. */
  async returnVisitsRow(range: InstantRange, filter: CaseFilter): Promise<{ followUps: number; succeeded: number }> {
    const row = await this.arrived(range, filter)
      .select('COUNT(*)', 'followUps')
      .addSelect('SUM(CASE WHEN c.status = :completed THEN 1 ELSE 0 END)', 'succeeded')
      .setParameter('completed', 'completed')
      .andWhere('c.previousCaseId IS NOT NULL')
      .getRawOne<{ followUps: unknown; succeeded: unknown }>();
    return { followUps: count(row?.followUps), succeeded: count(row?.succeeded) };
  }

  /** What the cases that arrived during one outage became, and whether their citizens came back. */
  outageFiguresRow(span: InstantRange, filter: CaseFilter): Promise<Record<string, unknown> | undefined> {
    const dataSource = this.dataSource;
    const followUp = (completedOnly: boolean) => {
      const qb = dataSource
        .getRepository(SupportCaseEntity)
        .createQueryBuilder('f')
        .select('1')
        .where('f.previousCaseId = c.id');
      if (completedOnly) qb.andWhere('f.status = :completed');
      return `EXISTS (${qb.getQuery()})`;
    };
    const query = dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .select('COUNT(*)', 'cases')
      .addSelect('SUM(CASE WHEN c.status = :notCompleted THEN 1 ELSE 0 END)', 'notCompleted')
      .addSelect(`SUM(CASE WHEN ${followUp(false)} THEN 1 ELSE 0 END)`, 'cameBack')
      .addSelect(`SUM(CASE WHEN ${followUp(true)} THEN 1 ELSE 0 END)`, 'cameBackCompleted')
      .where('c.arrivedAt >= :outageStart', { outageStart: instantParam(dataSource, span.start) })
      .andWhere('c.arrivedAt < :outageEnd', { outageEnd: instantParam(dataSource, span.end) })
      .setParameters({ notCompleted: 'not_completed', completed: 'completed' });
    applyCaseFilter(query, filter);
    return query.getRawOne<Record<string, unknown>>();
  }
}
