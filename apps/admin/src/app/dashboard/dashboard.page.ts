import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { DecimalPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  type ExportLanguage,
  OUTAGE_SYSTEM_LABELS,
  type Procedure,
  REASON_CODES,
  type ReasonCode,
  REASONS,
} from '@madoguchi/contracts';
import type { ECElementEvent } from 'echarts/core';
import { DateTime } from 'luxon';
import { NgxEchartsDirective } from 'ngx-echarts';
import { catchError, forkJoin, map, type Observable, of, switchMap } from 'rxjs';
import { CasesApi } from '../cases/cases-api';
import { errorText } from '../core/http/error-text';
import { formatTokyoDate, I18n, I18N_PIPES, TOKYO, type TranslationKey } from '../core/i18n';
import { dailyChartOption, heatmapOption, pairedBarsOption, paretoOption, groupedBarsOption } from './chart-options';
import {
  type DayRange,
  matchingPreset,
  presetRange,
  RANGE_PRESETS,
  type RangePreset,
  rangeFromParams,
} from './date-range';
import { type DrillTarget, drillDownParams } from './drill-down';
import { funnelSteps, type ProcedureOutcomes } from './funnel';
import { change, type Kpi, kpis } from './kpi';
import { outageSpan } from './outage-span';
import { pareto } from './pareto';
import { type ExportFormat, saveBlob, StatsApi } from './stats-api';

/** The desk's hours (8:30–17:00) cover the 8 o'clock to 16 o'clock arrival hours. */
const DESK_HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16] as const;
/** Monday to Saturday: the desk never opens on Sunday, so that row would only ever be empty. */
const DESK_WEEKDAYS = [1, 2, 3, 4, 5, 6] as const;

const PRESET_KEYS: Readonly<Record<RangePreset, TranslationKey>> = {
  today: 'dashboard.range.today',
  week: 'dashboard.range.week',
  month: 'dashboard.range.month',
  fy2020: 'dashboard.range.fy2020',
  programme: 'dashboard.range.programme',
};

/** What a manager reads first: volume, outcomes, congestion and why cases fail, for a period against the one before. */
@Component({
  selector: 'mg-dashboard-page',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    NgxEchartsDirective,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  // Query params, bound by `withComponentInputBinding()`: the range survives a reload and the back button.
  readonly from = input<string>();
  readonly to = input<string>();

  private readonly api = inject(StatsApi);
  private readonly cases = inject(CasesApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  protected readonly presets = RANGE_PRESETS;
  protected readonly presetKeys = PRESET_KEYS;
  protected readonly range = computed(() => rangeFromParams(this.from(), this.to()));
  protected readonly preset = computed(() => matchingPreset(this.range()));
  protected readonly reportMonth = computed(() => this.range().to.slice(0, 7));

  // The date inputs edit a draft; the range changes only on "show", so typing a date does not fire five requests.
  protected readonly draftFrom = signal('');
  protected readonly draftTo = signal('');

  protected readonly exporting = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly errorMessage = computed(() => (this.failure() ? errorText(this.failure(), this.i18n) : ''));

  private readonly data = toSignal(
    toObservable(this.range).pipe(
      switchMap((range) => {
        this.failure.set(null);
        return forkJoin({
          summary: this.api.summary(range),
          daily: this.api.daily(range),
          heatmap: this.api.heatmap(range),
          staff: this.api.staff(range),
          outages: this.api.outages(range),
          procedures: this.procedureOutcomes(range),
        }).pipe(
          catchError((error: unknown) => {
            this.failure.set(error);
            return of(null);
          }),
        );
      }),
    ),
    { initialValue: null },
  );

  protected readonly loading = computed(() => {
    const data = this.data();
    return !data || data.summary.from !== this.range().from || data.summary.to !== this.range().to;
  });

  protected readonly summary = computed(() => this.data()?.summary ?? null);

  protected readonly tiles = computed(() => {
    const summary = this.summary();
    return summary ? kpis(summary, summary.previous).map((kpi) => this.tile(kpi)) : [];
  });

  protected readonly previousText = computed(() => {
    const previous = this.summary()?.previous;
    const lang = this.i18n.lang();
    return previous
      ? this.i18n.translate('dashboard.range.previous', {
          from: formatTokyoDate(previous.from, lang),
          to: formatTokyoDate(previous.to, lang),
        })
      : '';
  });

  protected readonly weekdayNames = computed(() => {
    this.i18n.lang();
    return DESK_WEEKDAYS.map((day) => this.i18n.translate(`dashboard.weekdays.d${day}` as TranslationKey));
  });

  protected readonly dailyOption = computed(() => {
    const data = this.data();
    if (!data) return null;
    const lang = this.i18n.lang();
    return dailyChartOption(data.daily, data.outages, {
      completed: this.i18n.label(CASE_STATUS_LABELS.completed),
      notCompleted: this.i18n.label(CASE_STATUS_LABELS.not_completed),
      left: this.i18n.label(CASE_STATUS_LABELS.left),
      outage: this.i18n.translate('nav.outages'),
      formatDay: (date) => (lang === 'ja' ? `${Number(date.slice(5, 7))}/${Number(date.slice(8))}` : date.slice(5)),
    });
  });

  protected readonly dailyAria = computed(() => {
    const data = this.data();
    if (!data) return '';
    const peak = data.daily.reduce((best, row) => (row.total > best.total ? row : best), data.daily[0]);
    return this.i18n.translate('dashboard.daily.aria', {
      days: data.daily.length,
      total: data.daily.reduce((sum, row) => sum + row.total, 0),
      peakDay: peak ? formatTokyoDate(peak.date, this.i18n.lang()) : '—',
      peak: peak?.total ?? 0,
      outages: data.outages.length,
    });
  });

  protected readonly heatmapOption = computed(() => {
    const data = this.data();
    if (!data) return null;
    const names = this.weekdayNames();
    const cells = data.heatmap.filter((cell) => cell.weekday <= DESK_WEEKDAYS.length);
    return heatmapOption(cells, DESK_HOURS, {
      weekdays: names,
      legend: [this.i18n.translate('dashboard.heatmap.more'), this.i18n.translate('dashboard.heatmap.less')],
      tooltip: (cell) =>
        this.i18n.translate('dashboard.heatmap.tooltip', {
          weekday: names[cell.weekday - 1],
          hour: String(cell.hour),
          arrivals: cell.arrivals,
          wait:
            cell.medianWaitMinutes === null
              ? this.i18n.translate('dashboard.heatmap.noWait')
              : this.i18n.translate('dashboard.kpi.minutes', { n: cell.medianWaitMinutes }),
        }),
    });
  });

  protected readonly heatmapAria = computed(() => {
    const data = this.data();
    if (!data) return '';
    const busiest = data.heatmap.reduce((best, cell) => (cell.arrivals > best.arrivals ? cell : best), data.heatmap[0]);
    if (!busiest) return '';
    return this.i18n.translate('dashboard.heatmap.aria', {
      weekday: this.i18n.translate(`dashboard.weekdays.d${busiest.weekday}` as TranslationKey),
      hour: String(busiest.hour),
      arrivals: busiest.arrivals,
    });
  });

  protected readonly reasonRows = computed(() => {
    const summary = this.summary();
    return summary ? pareto<ReasonCode>(summary.byReason, REASON_CODES) : [];
  });

  protected readonly reasonsOption = computed(() => {
    const rows = this.reasonRows();
    this.i18n.lang();
    return paretoOption(rows, {
      cases: this.i18n.translate('dashboard.reasons.cases'),
      cumulative: this.i18n.translate('dashboard.reasons.cumulative'),
      label: (key) => this.i18n.label(REASONS[key as ReasonCode]),
    });
  });

  protected readonly reasonsAria = computed(() => {
    const [top] = this.reasonRows();
    if (!top) return this.i18n.translate('dashboard.reasons.empty');
    return this.i18n.translate('dashboard.reasons.aria', {
      reason: this.i18n.label(REASONS[top.key]),
      count: top.count,
      percent: top.cumulativePercent,
    });
  });

  protected readonly paymentRows = computed(() =>
    (this.summary()?.byPaymentService ?? []).filter((row) => row.completed + row.notCompleted > 0),
  );

  protected readonly paymentOption = computed(() => {
    const rows = this.paymentRows();
    this.i18n.lang();
    return pairedBarsOption(
      rows.map((row) => row.name),
      rows.map((row) => row.completed),
      rows.map((row) => row.notCompleted),
      {
        first: this.i18n.label(CASE_STATUS_LABELS.completed),
        second: this.i18n.label(CASE_STATUS_LABELS.not_completed),
      },
    );
  });

  protected readonly paymentAria = computed(() => {
    const [top] = this.paymentRows();
    return top
      ? this.i18n.translate('dashboard.payment.aria', { name: top.name, count: top.completed })
      : this.i18n.translate('dashboard.payment.empty');
  });

  protected readonly funnel = computed(() => {
    const data = this.data();
    return data ? funnelSteps(data.summary, data.procedures) : [];
  });

  protected readonly funnelOption = computed(() => {
    const steps = this.funnel();
    this.i18n.lang();
    return groupedBarsOption(
      steps.map((step) => this.i18n.translate(`dashboard.funnel.${step.key}` as TranslationKey)),
      steps.map((step) => step.attempted),
      steps.map((step) => step.completed),
      {
        first: this.i18n.translate('dashboard.funnel.attempted'),
        second: this.i18n.translate('dashboard.funnel.completed'),
      },
    );
  });

  protected readonly funnelAria = computed(() => {
    const [reservation, application, followUps] = this.funnel();
    if (!reservation) return '';
    return this.i18n.translate('dashboard.funnel.aria', {
      reservation: reservation.attempted,
      reservationDone: reservation.completed,
      application: application.attempted,
      applicationDone: application.completed,
      followUps: followUps.attempted,
      succeeded: followUps.completed,
    });
  });

  protected readonly reasonLabels = REASONS;
  protected readonly deskHours = DESK_HOURS;

  /** The heatmap as a table for the keyboard and screen readers: one row per weekday, one cell per desk hour. */
  protected readonly heatmapRows = computed(() => {
    const cells = this.data()?.heatmap ?? [];
    const names = this.weekdayNames();
    return DESK_WEEKDAYS.map((weekday) => ({
      weekday,
      name: names[weekday - 1],
      cells: DESK_HOURS.map((hour) => ({
        hour,
        arrivals: cells.find((cell) => cell.weekday === weekday && cell.hour === hour)?.arrivals ?? 0,
      })),
    }));
  });

  /** Each outage of the period with what it cost, most recent first. */
  protected readonly outageRows = computed(() => {
    const outages = this.data()?.outages ?? [];
    const lang = this.i18n.lang();
    return [...outages]
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .map((outage) => ({
        id: outage.id,
        when: outageSpan(outage.startsAt, outage.endsAt, lang, this.i18n.translate('report.ongoing')),
        system: outage.paymentServiceName ?? this.i18n.label(OUTAGE_SYSTEM_LABELS[outage.system]),
        cases: outage.cases,
        turnedAway: outage.turnedAway,
        cameBack: outage.cameBack,
        days: outageDays(outage.startsAt, outage.endsAt ?? outage.startsAt),
      }));
  });

  protected readonly staffRows = computed(() => this.data()?.staff ?? []);
  protected readonly staffColumns = ['name', 'cases', 'completed', 'notCompleted', 'medianHandle'] as const;

  constructor() {
    // The inputs follow the range whenever it changes from the URL (a preset, the back button).
    effect(() => {
      const range = this.range();
      this.draftFrom.set(range.from);
      this.draftTo.set(range.to);
    });
  }

  protected choosePreset(preset: RangePreset): void {
    this.showRange(presetRange(preset));
  }

  protected applyDraft(): void {
    this.showRange(rangeFromParams(this.draftFrom(), this.draftTo()));
  }

  protected onDailyClick(event: ECElementEvent): void {
    const row = this.data()?.daily[event.dataIndex];
    const statuses: CaseStatus[] = ['completed', 'not_completed', 'left'];
    if (row) this.drill({ kind: 'day', date: row.date, status: statuses[event.seriesIndex ?? -1] });
  }

  protected onHeatmapClick(event: ECElementEvent): void {
    const [hourIndex, weekdayIndex] = event.data as [number, number, number];
    this.drill({ kind: 'heatmap', weekday: weekdayIndex + 1, hour: DESK_HOURS[hourIndex] });
  }

  protected onReasonClick(event: ECElementEvent): void {
    const row = this.reasonRows()[event.dataIndex];
    if (row) this.drill({ kind: 'reason', reason: row.key });
  }

  protected onPaymentClick(event: ECElementEvent): void {
    // The case list has no payment-service filter: the bar opens the cases with its outcome in the period.
    this.drill({ kind: 'status', status: event.seriesIndex === 0 ? 'completed' : 'not_completed' });
  }

  protected onFunnelClick(event: ECElementEvent): void {
    // The list filters one procedure at a time: a bar opens its single-step cases; return visits have no filter.
    const procedure = (['reservation', 'application'] as const)[event.dataIndex];
    if (!procedure) return;
    const status = event.seriesIndex === 1 ? 'completed' : undefined;
    this.drill({ kind: 'procedure', procedure, status });
  }

  protected export(format: ExportFormat, lang: ExportLanguage): void {
    this.exporting.set(true);
    this.api.exportCases(this.range(), format, lang).subscribe({
      next: ({ blob, fileName }) => {
        saveBlob(blob, fileName);
        this.exporting.set(false);
      },
      error: (error: unknown) => {
        this.failure.set(error);
        this.exporting.set(false);
      },
    });
  }

  protected kpiLabel(key: Kpi['key']): TranslationKey {
    return `dashboard.kpi.${key}` as TranslationKey;
  }

  /** Visits and completions per procedure, read off the case list's totals (one row per request is enough). */
  private procedureOutcomes(range: DayRange): Observable<ProcedureOutcomes> {
    const count = (procedure: Procedure, status?: CaseStatus) =>
      this.cases.list({ ...range, procedure, status, pageSize: 1 }).pipe(map((page) => page.total));
    const outcome = (procedure: Procedure) =>
      forkJoin({ total: count(procedure), completed: count(procedure, 'completed') });
    return forkJoin({
      reservation: outcome('reservation'),
      application: outcome('application'),
      both: outcome('both'),
    });
  }

  /** The case list's query params for a target, for links in the keyboard-reachable tables. */
  protected drillParams(target: DrillTarget) {
    return drillDownParams(target, this.range());
  }

  private drill(target: DrillTarget): void {
    void this.router.navigate(['/cases'], { queryParams: this.drillParams(target) });
  }

  private showRange(range: DayRange): void {
    void this.router.navigate([], { queryParams: { from: range.from, to: range.to } });
  }

  private tile(kpi: Kpi) {
    const unitKey: Record<Kpi['unit'], TranslationKey> = {
      cases: 'dashboard.kpi.cases',
      percent: 'dashboard.kpi.percent',
      minutes: 'dashboard.kpi.minutes',
    };
    const value =
      kpi.value === null
        ? this.i18n.translate('common.none')
        : this.i18n.translate(unitKey[kpi.unit], { n: kpi.value });
    const delta = change(kpi.value, kpi.previous);
    const deltaUnit = kpi.unit === 'percent' ? 'dashboard.kpi.points' : unitKey[kpi.unit];
    const signed =
      delta === null
        ? null
        : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${this.i18n.translate(deltaUnit, { n: Math.abs(delta) })}`;
    let detail = '';
    if (kpi.key === 'duringOutages')
      detail = this.i18n.translate('dashboard.kpi.duringOutagesDetail', { n: kpi.detail ?? 0 });
    if (kpi.key === 'returned') detail = this.i18n.translate('dashboard.kpi.returnedDetail', { n: kpi.detail ?? 0 });
    return {
      key: kpi.key,
      value,
      detail,
      trend: delta === null ? 'none' : delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
      delta:
        signed === null
          ? this.i18n.translate('dashboard.kpi.noDelta')
          : this.i18n.translate('dashboard.kpi.delta', { delta: signed }),
    };
  }
}

/** The Tokyo days an outage spans, for the case list's day filter. */
function outageDays(startsAt: string, endsAt: string): { kind: 'days'; from: string; to: string } {
  const day = (instant: string) => DateTime.fromISO(instant).setZone(TOKYO).toFormat('yyyy-MM-dd');
  return { kind: 'days', from: day(startsAt), to: day(endsAt) };
}
