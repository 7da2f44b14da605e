import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_SEGMENTS, CASE_STATUSES, PROCEDURES, REASON_CODES, type CaseFilter } from '@madoguchi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { UserAccount } from '../../auth/user.entity';
import type { InstantRange } from '../instant-range';
import type { Bin } from '../percentiles';
import type { DurationGroup, Measure, PeriodFigures, StatsSource } from '../stats-source';
import { applyRollupDelta } from './rollup-rebuild';
import {
  DAY_GRAIN,
  facetOfFilter,
  periodsOfDays,
  RETURN_NOT_COMPLETED,
  type RollupCase,
  type RollupFacet,
  type RollupKind,
  tokyoDayIndexOf,
} from './rollup-rows';

interface Summed {
  kind: RollupKind;
  key: string;
  bin: number;
  n: number;
  period: number;
}

const MINUTE_MS = 60_000;

/** Counts per code of one kind, every code present. */
function countsOf<K extends string>(rows: readonly Summed[], kind: RollupKind, codes: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(codes.map((code) => [code, 0])) as Record<K, number>;
  for (const row of rows) if (row.kind === kind && row.key in counts) counts[row.key as K] += row.n;
  return counts;
}

/** The whole-minute bins of one duration kind, in ms. */
function binsOf(rows: readonly Summed[], kind: RollupKind): Bin[] {
  return rows
    .filter((row) => row.kind === kind && row.n !== 0)
    .map((row) => ({ value: row.bin * MINUTE_MS, count: row.n }));
}

/** Funnel segments by name. */
function segmentsOf(rows: readonly Summed[]): Map<string, number> {
  const segments = new Map<string, number>();
  for (const row of rows) if (row.kind === 'segment') segments.set(row.key, (segments.get(row.key) ?? 0) + row.n);
  return segments;
}

/** Outcomes per payment service, from the `service` counters ("id:status"). */
function servicesOf(rows: readonly Summed[]): { id: number; status: string; n: number }[] {
  return rows
    .filter((row) => row.kind === 'service' && row.n !== 0)
    .map((row) => {
      const [id, status] = row.key.split(':');
      return { id: Number(id), status: status ?? '', n: row.n };
    });
}

/** The statistics' figures from the counters kept on write: a few hundred rows per query, whatever the range. */
@Injectable()
export class RollupsRepository implements StatsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the counters answer this filter: no filter, or one thing at a time (site, staff, service…). */
  covers(filter: CaseFilter): boolean {
    return facetOfFilter(filter, null) !== null;
  }

  /** Brings the counters in step with one case written in the caller's transaction (before: null for a new case). */
  apply(manager: EntityManager, before: RollupCase | null, after: RollupCase | null): Promise<void> {
    return applyRollupDelta(manager, before, after);
  }

  private async facet(filter: CaseFilter): Promise<{ facet: RollupFacet; value: string }> {
    let staffId: number | null = null;
    if (filter.staff) {
      const account = await this.dataSource
        .getRepository(UserAccount)
        .findOne({ select: { id: true }, where: { username: filter.staff.toLowerCase() } });
      staffId = account?.id ?? null;
    }
    const facet = facetOfFilter(filter, staffId);
    if (!facet) throw new Error('The rollups answer one filter at a time; the cases answer the others');
    return facet;
  }

  /** Sums of the counters of `kinds` over the range's whole days, per kind, key and bin (and day, when `byDay`). */
  private async sums(range: InstantRange, filter: CaseFilter, kinds: RollupKind[], byDay = false): Promise<Summed[]> {
    const { facet, value } = await this.facet(filter);
    const from = tokyoDayIndexOf(range.start);
    const to = tokyoDayIndexOf(range.end) - 1;
    const periods = byDay ? [{ grain: DAY_GRAIN, first: from, last: to }] : periodsOfDays(from, to);
    const postgres = this.dataSource.options.type === 'postgres';
    const mark = (i: number) => (postgres ? `$${i + 1}` : '?');
    const kindMarks = kinds.map((_, i) => mark(i + 5)).join(', ');
    const period = byDay ? ', "period"' : '';
    const sql = `SELECT "kind", "key", "bin", SUM("n") AS "n"${period} FROM "stats_rollup"
      WHERE "facet" = ${mark(0)} AND "value" = ${mark(1)} AND "grain" = ${mark(2)}
        AND "period" BETWEEN ${mark(3)} AND ${mark(4)} AND "kind" IN (${kindMarks})
      GROUP BY "kind", "key", "bin"${period}`;
    const rows: Summed[] = [];
    for (const p of periods) {
      const found = await this.dataSource.query<Record<string, unknown>[]>(sql, [
        facet,
        value,
        p.grain,
        p.first,
        p.last,
        ...kinds,
      ]);
      for (const r of found) {
        rows.push({
          kind: r['kind'] as RollupKind,
          key: String(r['key']),
          bin: Number(r['bin']),
          n: Number(r['n']),
          period: byDay ? Number(r['period']) : 0,
        });
      }
    }
    return rows;
  }

  async durationBins(
    range: InstantRange,
    filter: CaseFilter,
    measure: Measure,
    group?: DurationGroup,
  ): Promise<Map<number, Bin[]>> {
    const kind: RollupKind =
      measure === 'wait' ? (group === 'cell' ? 'cellWait' : 'wait') : group === 'staff' ? 'staffHandle' : 'handle';
    if ((measure === 'wait' && group === 'staff') || (measure === 'handle' && group && group !== 'staff')) {
      throw new Error(`No counters keep ${measure} by ${group}`);
    }
    const bins = new Map<number, Bin[]>();
    for (const row of await this.sums(range, filter, [kind], group === 'day')) {
      if (row.n === 0) continue;
      const key = group === 'day' ? row.period : group ? Number(row.key) : 0;
      const list = bins.get(key) ?? [];
      list.push({ value: row.bin * MINUTE_MS, count: row.n });
      bins.set(key, list);
    }
    return bins;
  }

  async arrivalsByCell(range: InstantRange, filter: CaseFilter): Promise<Map<number, number>> {
    const cells = new Map<number, number>();
    for (const row of await this.sums(range, filter, ['cell'])) {
      if (row.n) cells.set(Number(row.key), (cells.get(Number(row.key)) ?? 0) + row.n);
    }
    return cells;
  }

  async dailyRows(range: InstantRange, filter: CaseFilter): Promise<{ d: number; status: string; n: number }[]> {
    return (await this.sums(range, filter, ['status'], true)).map((row) => ({
      d: row.period,
      status: row.key,
      n: row.n,
    }));
  }

  async staffRows(range: InstantRange, filter: CaseFilter): Promise<{ staffId: number; status: string; n: number }[]> {
    return (await this.sums(range, filter, ['staff']))
      .filter((row) => row.n !== 0)
      .map((row) => {
        const [staffId, status] = row.key.split(':');
        return { staffId: Number(staffId), status: status ?? '', n: row.n };
      });
  }

  async funnelRow(range: InstantRange, filter: CaseFilter): Promise<Record<string, unknown>> {
    return funnelFigures(segmentsOf(await this.sums(range, filter, ['segment'])));
  }

  /** Everything a summary shows of one period, in one query per run of months or days. */
  async periodFigures(range: InstantRange, filter: CaseFilter): Promise<PeriodFigures> {
    const rows = await this.sums(range, filter, [
      'status',
      'procedure',
      'reason',
      'wait',
      'handle',
      'segment',
      'service',
    ]);
    return {
      byStatus: countsOf(rows, 'status', CASE_STATUSES),
      byProcedure: countsOf(rows, 'procedure', PROCEDURES),
      byReason: countsOf(rows, 'reason', REASON_CODES),
      waits: binsOf(rows, 'wait'),
      handles: binsOf(rows, 'handle'),
      returned: returnVisitsOf(segmentsOf(rows)),
      services: servicesOf(rows),
    };
  }
}

/** The funnel's figures under the names the cases' query gives them. */
function funnelFigures(segments: Map<string, number>): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const segment of CASE_SEGMENTS) figures[segment] = segments.get(segment) ?? 0;
  return {
    ...figures,
    returnVisits: segments.get('returnVisit') ?? 0,
    returnCompleted: segments.get('returnVisitCompleted') ?? 0,
    returnNotCompleted: segments.get(RETURN_NOT_COMPLETED) ?? 0,
  };
}

function returnVisitsOf(segments: Map<string, number>): { followUps: number; succeeded: number } {
  return { followUps: segments.get('returnVisit') ?? 0, succeeded: segments.get('returnVisitCompleted') ?? 0 };
}
