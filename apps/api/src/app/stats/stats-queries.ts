import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseFilter } from '@madoguchi/contracts';
import { tokyoDayRange } from '@madoguchi/rules';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { applyCaseFilter } from '../cases/case-filter';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { OutageEntity } from '../outages/outage.entity';
import { instantParam } from '../db/instants';
import type { Bin } from './percentiles';
import { statsSql, StatsSql } from './stats-sql';
import { HOURS_PER_WEEK } from './tokyo-clock';

/** A half-open span of instants [start, end). */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** The instants of the Tokyo days from..to, both included. */
export function tokyoDaysRange(from: string, to: string): InstantRange {
  const { start, end } = tokyoDayRange(from, to);
  if (!start || !end) throw new RangeError('Statistics need both a first and a last day');
  return { start, end };
}

/** Sorted, non-overlapping spans covering the given ones within `within`: a case inside two outages counts once. */
export function mergeSpans(spans: readonly InstantRange[], within: InstantRange): InstantRange[] {
  const clipped = spans
    .map((s) => ({
      start: new Date(Math.max(s.start.getTime(), within.start.getTime())),
      end: new Date(Math.min(s.end.getTime(), within.end.getTime())),
    }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: InstantRange[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

export type Measure = 'wait' | 'handle';

/** Which instants a duration runs between: waiting is arrival → start, handling start → end. */
const MEASURES: Record<Measure, [string, string]> = {
  wait: ['c.arrivedAt', 'c.startedAt'],
  handle: ['c.startedAt', 'c.endedAt'],
};

const count = (value: unknown): number => Number(value ?? 0);

/** Aggregates the database computes from the arrivedAt bound that every case index leads with; no entity is loaded. */
@Injectable()
export class StatsQueries {
  readonly sql: StatsSql;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.sql = statsSql(dataSource);
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

  /** Durations in whole ms as bins of equal values per group (key 0 without one): only distinct values travel. */
  async durationBins(
    cases: SelectQueryBuilder<SupportCaseEntity>,
    measure: Measure,
    group?: string,
  ): Promise<Map<number, Bin[]>> {
    const [from, to] = MEASURES[measure];
    const qb = cases
      .andWhere(`${from} IS NOT NULL`)
      .andWhere(`${to} IS NOT NULL`)
      .select(this.sql.millisBetween(from, to), 'v')
      .addSelect('COUNT(*)', 'n')
      .groupBy('v');
    if (group) qb.addSelect(group, 'g').addGroupBy('g');
    const rows = await qb.getRawMany<{ v: unknown; n: unknown; g?: unknown }>();
    const bins = new Map<number, Bin[]>();
    for (const row of rows) {
      const key = group ? Number(row.g) : 0;
      const list = bins.get(key) ?? [];
      list.push({ value: Number(row.v), count: count(row.n) });
      bins.set(key, list);
    }
    return bins;
  }

  /** The Tokyo weekday × hour cell (hour index mod 168) of the arrival, as SQL. */
  arrivalCell(): string {
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

  /** Cases that arrived in any of the spans (and the range). */
  arrivedWithin(
    range: InstantRange,
    spans: readonly InstantRange[],
    filter: CaseFilter = {},
  ): SelectQueryBuilder<SupportCaseEntity> {
    return this.arrived(range, filter).andWhere(
      new Brackets((any) => {
        spans.forEach((span, i) =>
          any.orWhere(`(c.arrivedAt >= :spanStart${i} AND c.arrivedAt < :spanEnd${i})`, {
            [`spanStart${i}`]: instantParam(this.dataSource, span.start),
            [`spanEnd${i}`]: instantParam(this.dataSource, span.end),
          }),
        );
      }),
    );
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
}
