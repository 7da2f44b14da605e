import { Inject, Injectable } from '@nestjs/common';
import {
  CASE_STATUSES,
  type CaseFilter,
  type DailyStatsRow,
  type FunnelStats,
  type HeatmapCell,
  type OutageImpact,
  type PaymentServiceOutcomes,
  type StaffStatsRow,
  type StatsPeriodSummary,
  type StatsRangeQuery,
  type StatsSummary,
  type WaitTargetCounts,
} from '@madoguchi/contracts';
import { addDays } from '@madoguchi/rules';
import { ValidationProblem } from '../common/problems';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { OutagesRepository } from '../outages/outages.repository';
import { InstantRange, mergeSpans, tokyoDaysRange } from './instant-range';
import { Bin, medianAndP90, minutesDistribution, minutesOneDecimal } from './percentiles';
import { RollupsRepository } from './rollups/rollups.repository';
import type { StatsSource } from './stats-source';
import { StatsRepository } from './stats.repository';
import { cellOfWeekdayHour, dateOfDayIndex, dayIndexOfDate } from './tokyo-clock';

/** Ten years: long enough for any programme, short enough that a typo cannot ask for millions of daily rows. */
export const MAX_RANGE_DAYS = 3660;

/** Days from..to, both included; refuses a range that runs backwards or is absurdly long. */
export function rangeDays({ from, to }: StatsRangeQuery): number {
  const days = dayIndexOfDate(to) - dayIndexOfDate(from) + 1;
  if (days < 1) {
    throw new ValidationProblem([
      { field: 'to', message: { ja: 'to は from 以降の日付です。', en: 'to must not be before from.' } },
    ]);
  }
  if (days > MAX_RANGE_DAYS) {
    throw new ValidationProblem([
      {
        field: 'to',
        message: {
          ja: `期間は${MAX_RANGE_DAYS}日以内で指定してください。`,
          en: `The range may span at most ${MAX_RANGE_DAYS} days.`,
        },
      },
    ]);
  }
  return days;
}

/** Only the filter's own fields, so that `from`/`to` or anything else in a query never reaches SQL as a filter. */
export const caseFilterOf = ({ siteId, staff, paymentServiceId, channel, ageBand }: CaseFilter): CaseFilter => ({
  siteId,
  staff,
  paymentServiceId,
  channel,
  ageBand,
});

const n = (value: unknown): number => Number(value ?? 0);
const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

@Injectable()
export class StatsService {
  constructor(
    private readonly queries: StatsRepository,
    private readonly rollups: RollupsRepository,
    private readonly outageReader: OutagesRepository,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /**
   * The counters kept on write for no filter or one at a time; the cases for two or more at once (few cases match
   * those, and counters for every combination would outnumber the cases). `recount` asks the cases whatever the
   * filter: the property test compares the two.
   */
  private sourceFor(filter: CaseFilter, recount: boolean): StatsSource {
    return !recount && this.rollups.covers(filter) ? this.rollups : this.queries;
  }

  /** Served cases and those within the target, from the bins of their waits (ms). */
  private againstTarget(waits: readonly Bin[]): WaitTargetCounts {
    const targetMs = this.settings.WAIT_TARGET_MINUTES * 60_000;
    let served = 0;
    let withinTarget = 0;
    for (const bin of waits) {
      served += bin.count;
      if (bin.value <= targetMs) withinTarget += bin.count;
    }
    return { served, withinTarget };
  }

  async summary(query: StatsRangeQuery, recount = false): Promise<StatsSummary> {
    const days = rangeDays(query);
    const filter = caseFilterOf(query);
    const source = this.sourceFor(filter, recount);
    const current = await this.period(source, query.from, query.to, filter);
    const previous = await this.period(source, addDays(query.from, -days), addDays(query.from, -1), filter);
    return { ...current, previous };
  }

  async daily(query: StatsRangeQuery, recount = false): Promise<DailyStatsRow[]> {
    rangeDays(query);
    const filter = caseFilterOf(query);
    const source = this.sourceFor(filter, recount);
    const range = tokyoDaysRange(query.from, query.to);
    const rows = await source.dailyRows(range, filter);
    const waits = await source.durationBins(range, filter, 'wait', 'day');
    const byDay = new Map<number, DailyStatsRow>();
    for (let day = dayIndexOfDate(query.from); day <= dayIndexOfDate(query.to); day++) {
      byDay.set(day, {
        date: dateOfDayIndex(day),
        total: 0,
        completed: 0,
        not_completed: 0,
        left: 0,
        served: 0,
        withinTarget: 0,
      });
    }
    for (const row of rows) {
      const daily = byDay.get(row.d);
      if (!daily) continue;
      daily.total += row.n;
      if (row.status === 'completed' || row.status === 'not_completed' || row.status === 'left') {
        daily[row.status] += row.n;
      }
    }
    for (const [day, bins] of waits) {
      const daily = byDay.get(day);
      if (daily) Object.assign(daily, this.againstTarget(bins));
    }
    return [...byDay.values()];
  }

  async heatmap(query: StatsRangeQuery, recount = false): Promise<HeatmapCell[]> {
    rangeDays(query);
    const range = tokyoDaysRange(query.from, query.to);
    const filter = caseFilterOf(query);
    const source = this.sourceFor(filter, recount);
    const arrivals = await source.arrivalsByCell(range, filter);
    const waits = await source.durationBins(range, filter, 'wait', 'cell');
    const cells: HeatmapCell[] = [];
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const cell = cellOfWeekdayHour(weekday, hour);
        cells.push({
          weekday,
          hour,
          arrivals: arrivals.get(cell) ?? 0,
          medianWaitMinutes: minutesOneDecimal(medianAndP90(waits.get(cell) ?? []).median),
          ...this.againstTarget(waits.get(cell) ?? []),
        });
      }
    }
    return cells;
  }

  async staff(query: StatsRangeQuery, recount = false): Promise<StaffStatsRow[]> {
    rangeDays(query);
    const range = tokyoDaysRange(query.from, query.to);
    const filter = caseFilterOf(query);
    const source = this.sourceFor(filter, recount);
    const handles = await source.durationBins(range, filter, 'handle', 'staff');
    const byStaff = new Map<number, { cases: number; completed: number; notCompleted: number; bins: Bin[] }>();
    for (const row of await source.staffRows(range, filter)) {
      const entry = byStaff.get(row.staffId) ?? { cases: 0, completed: 0, notCompleted: 0, bins: [] };
      entry.cases += row.n;
      if (row.status === 'completed') entry.completed += row.n;
      if (row.status === 'not_completed') entry.notCompleted += row.n;
      entry.bins = handles.get(row.staffId) ?? [];
      byStaff.set(row.staffId, entry);
    }
    if (!byStaff.size) return [];
    const accounts = await this.queries.staffAccounts([...byStaff.keys()]);
    const byId = new Map(accounts.map((account) => [account.id, account]));
    return [...byStaff]
      .map(([id, entry]) => ({
        username: byId.get(id)?.username ?? `#${id}`,
        displayName: byId.get(id)?.displayName ?? '',
        cases: entry.cases,
        completed: entry.completed,
        notCompleted: entry.notCompleted,
        medianHandleMinutes: minutesOneDecimal(medianAndP90(entry.bins).median),
      }))
      .sort((a, b) => b.cases - a.cases || a.username.localeCompare(b.username));
  }

  async outages(query: StatsRangeQuery): Promise<OutageImpact[]> {
    rangeDays(query);
    const outages = await this.queries.outagesOverlapping(tokyoDaysRange(query.from, query.to));
    const filter = caseFilterOf(query);
    const now = new Date();
    const impacts: OutageImpact[] = [];
    for (const outage of outages) {
      const figures = await this.outageFigures({ start: outage.startsAt, end: outage.endsAt ?? now }, filter);
      const turnedAway = await this.outageReader.turnedAway([outage], { now, filter });
      impacts.push({
        id: outage.id,
        system: outage.system,
        paymentServiceId: outage.paymentServiceId,
        paymentServiceName: outage.paymentService?.name ?? null,
        kind: outage.kind,
        startsAt: outage.startsAt.toISOString(),
        endsAt: outage.endsAt ? outage.endsAt.toISOString() : null,
        affects: [
          ...(outage.affectsReservation ? (['reservation'] as const) : []),
          ...(outage.affectsApplication ? (['application'] as const) : []),
        ],
        ...figures,
        turnedAway,
      });
    }
    return impacts;
  }

  async funnel(query: StatsRangeQuery, recount = false): Promise<FunnelStats> {
    rangeDays(query);
    const filter = caseFilterOf(query);
    const row = await this.sourceFor(filter, recount).funnelRow(tokyoDaysRange(query.from, query.to), filter);
    const visits = n(row?.['returnVisits']);
    const completed = n(row?.['returnCompleted']);
    const notCompleted = n(row?.['returnNotCompleted']);
    return {
      from: query.from,
      to: query.to,
      reservation: { attempted: n(row?.['reservationAttempted']), done: n(row?.['reservationDone']) },
      application: { attempted: n(row?.['applicationAttempted']), done: n(row?.['applicationDone']) },
      alreadyReserved: n(row?.['alreadyReserved']),
      returnVisits: { visits, completed, notCompleted, other: visits - completed - notCompleted },
    };
  }

  /** One period's figures, each a small aggregate of the source. */
  private async period(source: StatsSource, from: string, to: string, filter: CaseFilter): Promise<StatsPeriodSummary> {
    const range = tokyoDaysRange(from, to);
    const { byStatus, byProcedure, byReason, waits, handles, returned, services } = await source.periodFigures(
      range,
      filter,
    );
    return {
      from,
      to,
      total: CASE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0),
      byStatus,
      completionRate: rate(byStatus.completed, byStatus.completed + byStatus.not_completed),
      waitMinutes: minutesDistribution(waits),
      handleMinutes: minutesDistribution(handles),
      byProcedure,
      byReason,
      byPaymentService: await this.paymentServiceOutcomes(services),
      duringOutages: await this.duringOutages(range, filter),
      returned: { followUps: returned.followUps, succeeded: returned.succeeded },
      waitTarget: { minutes: this.settings.WAIT_TARGET_MINUTES, ...this.againstTarget(waits) },
    };
  }

  private async paymentServiceOutcomes(
    rows: readonly { id: number; status: string; n: number }[],
  ): Promise<PaymentServiceOutcomes[]> {
    const services = await this.queries.paymentServices();
    const outcomes = new Map<number, PaymentServiceOutcomes>(
      services.map((s) => [s.id, { id: s.id, name: s.name, completed: 0, notCompleted: 0 }]),
    );
    const used = new Set<number>();
    for (const row of rows) {
      const entry = outcomes.get(row.id);
      if (!entry) continue;
      used.add(entry.id);
      if (row.status === 'completed') entry.completed += row.n;
      else entry.notCompleted += row.n;
    }
    const shown = new Set(services.filter((s) => s.active || used.has(s.id)).map((s) => s.id));
    return [...outcomes.values()]
      .filter((o) => shown.has(o.id))
      .sort((a, b) => b.completed - a.completed || b.notCompleted - a.notCompleted || a.name.localeCompare(b.name));
  }

  /**
   * Cases that arrived while any outage was going on (overlapping outages merged, so none counts twice), and of them
   * those an outage turned away, by the rules' one definition.
   */
  private async duringOutages(range: InstantRange, filter: CaseFilter): Promise<StatsPeriodSummary['duringOutages']> {
    const outages = await this.queries.outagesOverlapping(range);
    const spans = mergeSpans(
      outages.map((o) => ({ start: o.startsAt, end: o.endsAt ?? range.end })),
      range,
    );
    if (!spans.length) return { cases: 0, turnedAway: 0 };
    const cases = await this.queries.countWithin(spans, filter);
    // Only the part of each outage inside the period counts, like the cases above.
    return {
      cases: n(cases),
      turnedAway: await this.outageReader.turnedAway(outages, { within: range, filter }),
    };
  }

  /** What the cases that arrived during one outage became, and whether their citizens came back. */
  private async outageFigures(
    span: InstantRange,
    filter: CaseFilter,
  ): Promise<Pick<OutageImpact, 'cases' | 'notCompleted' | 'cameBack' | 'cameBackCompleted'>> {
    const row = await this.queries.outageFiguresRow(span, filter);
    return {
      cases: n(row?.['cases']),
      notCompleted: n(row?.['notCompleted']),
      cameBack: n(row?.['cameBack']),
      cameBackCompleted: n(row?.['cameBackCompleted']),
    };
  }
}
