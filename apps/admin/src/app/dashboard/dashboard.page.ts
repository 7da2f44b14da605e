import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  inject,
  input,
  type Signal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { DecimalPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  CASE_STATUS_LABELS,
  type CaseFilter,
  type CaseSegment,
  type CaseStatus,
  CHANNEL_LABELS,
  CHANNELS,
  type ExportLanguage,
  OUTAGE_SYSTEM_LABELS,
  PROCEDURE_LABELS,
  PROCEDURES,
  REASON_CODES,
  type ReasonCode,
  REASONS,
  type PaymentServiceEntry,
  type Site,
  type StaffStatsRow,
  type StatsRangeQuery,
} from '@madoguchi/contracts';
import type { ECElementEvent } from 'echarts/core';
import type { DateTime } from 'luxon';
import { NgxEchartsDirective } from 'ngx-echarts';
import { catchError, type Observable, of, switchMap } from 'rxjs';
import { dayText, dayValue, provideDates } from '../core/forms/dates';
import { errorText } from '../core/http/error-text';
import { formatTokyoDate, I18n, I18N_PIPES, type TranslationKey } from '../core/i18n';
import {
  dailyChartOption,
  heatmapOption,
  pairedBarsOption,
  paretoOption,
  groupedBarsOption,
  sharesOption,
} from './chart-options';
import {
  type DayRange,
  matchingPreset,
  presetRange,
  RANGE_PRESETS,
  type RangePreset,
  rangeFromParams,
} from './date-range';
import { filterFromParams, filterQueryParams, filterSize, type FilterField } from './dashboard-filter';
import { type DrillParams, type DrillTarget, drillDownParams } from './drill-down';
import { change, type Kpi, kpis } from './kpi';
import { outageSpan } from './outage-span';
import { PANEL_LOADING, type PanelState, panelStates } from './panel';
import { pareto } from './pareto';
import { type ExportFormat, saveBlob, StatsApi } from './stats-api';
import { shareWithinTarget, targetByDay, targetByHour } from './wait-target';

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
    MatDatepickerModule,
    MatSelectModule,
    MatTableModule,
    NgxEchartsDirective,
    ...I18N_PIPES,
  ],
  providers: [...provideDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  // Query params, bound by `withComponentInputBinding()`: the range and the filter survive a reload and the back button.
  readonly from = input<string>();
  readonly to = input<string>();
  readonly siteId = input<string>();
  readonly staff = input<string>();
  readonly paymentServiceId = input<string>();
  readonly channel = input<string>();
  readonly ageBand = input<string>();

  private readonly api = inject(StatsApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  protected readonly presets = RANGE_PRESETS;
  protected readonly presetKeys = PRESET_KEYS;
  protected readonly range = computed(() => rangeFromParams(this.from(), this.to()), { equal: sameJson });
  protected readonly preset = computed(() => matchingPreset(this.range()));
  protected readonly reportMonth = computed(() => this.range().to.slice(0, 7));

  protected readonly filter = computed<CaseFilter>(
    () =>
      filterFromParams({
        siteId: this.siteId(),
        staff: this.staff(),
        paymentServiceId: this.paymentServiceId(),
        channel: this.channel(),
        ageBand: this.ageBand(),
      }),
    { equal: sameJson },
  );
  protected readonly filterCount = computed(() => filterSize(this.filter()));
  /** What every statistics request sends: the range and the filter bar. */
  private readonly query = computed<StatsRangeQuery>(() => ({ ...this.range(), ...this.filter() }), {
    equal: sameJson,
  });
  private readonly query$ = toObservable(this.query);

  // The date inputs edit a draft; the range changes only on "show", so typing a date does not fire six requests.
  protected readonly draftFrom = signal<DateTime | null>(null);
  protected readonly draftTo = signal<DateTime | null>(null);

  protected readonly exporting = signal(false);
  private readonly exportFailure = signal<unknown>(null);
  protected readonly exportError = computed(() =>
    this.exportFailure() ? errorText(this.exportFailure(), this.i18n) : '',
  );

  // Each panel asks for its own figures and draws as soon as they arrive; one failing leaves the others standing.
  protected readonly summaryPanel = this.panel((query) => this.api.summary(query));
  protected readonly dailyPanel = this.panel((query) => this.api.daily(query));
  protected readonly heatmapPanel = this.panel((query) => this.api.heatmap(query));
  protected readonly staffPanel = this.panel((query) => this.api.staff(query));
  protected readonly outagesPanel = this.panel((query) => this.api.outages(query));
  protected readonly funnelPanel = this.panel((query) => this.api.funnel(query));

  protected readonly sites = toSignal(this.api.sites().pipe(catchError(() => of<Site[]>([]))), {
    initialValue: [] as Site[],
  });
  protected readonly paymentServices = toSignal(
    this.api.paymentServices().pipe(catchError(() => of<PaymentServiceEntry[]>([]))),
    { initialValue: [] as PaymentServiceEntry[] },
  );
  /** Staff who recorded cases in the period, over the range alone, so that choosing one does not hide the others. */
  private readonly staffInRange = toSignal(
    toObservable(this.range).pipe(
      switchMap((range) => this.api.staff(range).pipe(catchError(() => of<StaffStatsRow[]>([])))),
    ),
    { initialValue: [] as StaffStatsRow[] },
  );
  protected readonly staffChoices = computed(() => {
    const choices = this.staffInRange().map((row) => ({ username: row.username, name: row.displayName }));
    const chosen = this.filter().staff;
    // A name from the address that recorded nothing in the period stays selectable, so it can be seen and cleared.
    if (chosen && !choices.some((choice) => choice.username === chosen))
      choices.push({ username: chosen, name: chosen });
    return choices.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  });
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly ageBands = AGE_BANDS;
  protected readonly ageBandLabels = AGE_BAND_LABELS;

  protected readonly summary = computed(() => this.summaryPanel().data);

  /** Bumped when a web font has loaded: a chart drawn before its glyphs arrived is drawn again with them. */
  private readonly fontsLoaded = signal(0);

  protected readonly tiles = computed(() => {
    const summary = this.summary();
    return summary ? kpis(summary, summary.previous).map((kpi) => this.tile(kpi)) : [];
  });

  /** The total split by how the cases ended, each opening its cases. */
  protected readonly statusBreakdown = computed(() => {
    const summary = this.summary();
    if (!summary) return [];
    return (['completed', 'not_completed', 'left'] as const).map((status) => ({
      status,
      label: this.i18n.label(CASE_STATUS_LABELS[status]),
      count: summary.byStatus[status],
      params: this.drillParams({ kind: 'all', status }),
    }));
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

  private readonly outages = computed(() => this.outagesPanel().data ?? []);

  protected readonly dailyOption = computed(() => {
    this.fontsLoaded();
    const daily = this.dailyPanel().data;
    if (!daily) return null;
    const lang = this.i18n.lang();
    // The outage bands join the bars when their own request is back.
    return dailyChartOption(daily, this.outages(), {
      completed: this.i18n.label(CASE_STATUS_LABELS.completed),
      notCompleted: this.i18n.label(CASE_STATUS_LABELS.not_completed),
      left: this.i18n.label(CASE_STATUS_LABELS.left),
      outage: this.i18n.translate('nav.outages'),
      formatDay: (date) => (lang === 'ja' ? `${Number(date.slice(5, 7))}/${Number(date.slice(8))}` : date.slice(5)),
    });
  });

  protected readonly dailyAria = computed(() => {
    const daily = this.dailyPanel().data;
    if (!daily) return '';
    const peak = daily.reduce<(typeof daily)[number] | undefined>(
      (best, row) => (best && best.total >= row.total ? best : row),
      undefined,
    );
    return this.i18n.translate('dashboard.daily.aria', {
      days: daily.length,
      total: daily.reduce((sum, row) => sum + row.total, 0),
      peakDay: peak ? formatTokyoDate(peak.date, this.i18n.lang()) : '—',
      peak: peak?.total ?? 0,
      outages: this.outages().length,
    });
  });

  // The day table is built only while it is open: a whole programme is some 550 days.
  protected readonly dailyTableOpen = signal(false);
  /** The days with cases as a table for the keyboard and screen readers, each figure opening its cases. */
  protected readonly dailyRows = computed(() => {
    if (!this.dailyTableOpen()) return [];
    const lang = this.i18n.lang();
    return (this.dailyPanel().data ?? [])
      .filter((row) => row.total > 0)
      .map((row) => ({
        date: row.date,
        label: formatTokyoDate(row.date, lang),
        figures: (
          [
            ['total', row.total, undefined],
            ['completed', row.completed, 'completed'],
            ['not_completed', row.not_completed, 'not_completed'],
            ['left', row.left, 'left'],
          ] as const
        ).map(([key, count, status]) => ({
          key,
          count,
          params: this.drillParams({ kind: 'day', date: row.date, status }),
        })),
      }));
  });

  protected readonly heatmapOption = computed(() => {
    this.fontsLoaded();
    const heatmap = this.heatmapPanel().data;
    if (!heatmap) return null;
    const names = this.weekdayNames();
    const cells = heatmap.filter((cell) => cell.weekday <= DESK_WEEKDAYS.length);
    return heatmapOption(cells, DESK_HOURS, {
      weekdays: names,
      legend: [this.i18n.translate('dashboard.heatmap.more'), this.i18n.translate('dashboard.heatmap.less')],
      tooltip: (cell) =>
        this.i18n.translate('dashboard.heatmap.tooltip', {
          weekday: names[cell.weekday - 1] ?? '',
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
    const heatmap = this.heatmapPanel().data ?? [];
    const busiest = heatmap.reduce<(typeof heatmap)[number] | undefined>(
      (best, cell) => (best && best.arrivals >= cell.arrivals ? best : cell),
      undefined,
    );
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
    this.fontsLoaded();
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
    this.fontsLoaded();
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

  /** Cases per procedure with their share of the total, each opening its cases. */
  protected readonly procedureRows = computed(() => {
    const summary = this.summary();
    if (!summary) return [];
    return PROCEDURES.map((procedure) => ({
      procedure,
      label: PROCEDURE_LABELS[procedure],
      count: summary.byProcedure[procedure],
      share: summary.total ? Math.round((summary.byProcedure[procedure] / summary.total) * 1000) / 10 : 0,
      params: this.drillParams({ kind: 'procedure', procedure }),
    }));
  });

  /** The funnel's figures as rows, each number with the segment of cases it counts. */
  protected readonly funnelRows = computed((): FunnelRow[] => {
    const funnel = this.funnelPanel().data;
    if (!funnel) return [];
    const figure = (count: number, segment: CaseSegment, status?: CaseStatus): FunnelFigure => ({
      count,
      params: this.drillParams({ kind: 'segment', segment, status }),
    });
    return [
      {
        key: 'reservation',
        label: 'statsDrill.funnel.reservation',
        attempted: figure(funnel.reservation.attempted, 'reservationAttempted'),
        done: figure(funnel.reservation.done, 'reservationDone'),
        notCompleted: null,
      },
      {
        key: 'application',
        label: 'statsDrill.funnel.application',
        attempted: figure(funnel.application.attempted, 'applicationAttempted'),
        done: figure(funnel.application.done, 'applicationDone'),
        notCompleted: null,
      },
      {
        key: 'alreadyReserved',
        label: 'statsDrill.funnel.alreadyReserved',
        attempted: figure(funnel.alreadyReserved, 'alreadyReserved'),
        done: null,
        notCompleted: null,
      },
      {
        key: 'returnVisits',
        label: 'statsDrill.funnel.returnVisits',
        attempted: figure(funnel.returnVisits.visits, 'returnVisit'),
        done: figure(funnel.returnVisits.completed, 'returnVisitCompleted'),
        notCompleted: figure(funnel.returnVisits.notCompleted, 'returnVisit', 'not_completed'),
      },
    ];
  });

  /** The chart draws the steps that have an attempted → completed pair; "already reserved" is in the table. */
  private readonly funnelBars = computed(() => this.funnelRows().filter((row) => row.done !== null));

  protected readonly funnelOption = computed(() => {
    this.fontsLoaded();
    const bars = this.funnelBars();
    this.i18n.lang();
    return groupedBarsOption(
      bars.map((row) => this.i18n.translate(row.label)),
      bars.map((row) => row.attempted.count),
      bars.map((row) => row.done?.count ?? 0),
      {
        first: this.i18n.translate('statsDrill.funnel.attempted'),
        second: this.i18n.translate('statsDrill.funnel.done'),
      },
    );
  });

  protected readonly funnelAria = computed(() => {
    const funnel = this.funnelPanel().data;
    if (!funnel) return '';
    return this.i18n.translate('statsDrill.funnel.aria', {
      reservation: funnel.reservation.attempted,
      reservationDone: funnel.reservation.done,
      application: funnel.application.attempted,
      applicationDone: funnel.application.done,
      alreadyReserved: funnel.alreadyReserved,
      returnVisits: funnel.returnVisits.visits,
      returnCompleted: funnel.returnVisits.completed,
    });
  });

  protected readonly reasonLabels = REASONS;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly deskHours = DESK_HOURS;

  /** The period's share served within the waiting-time target, in words. */
  protected readonly waitTargetText = computed(() => {
    const target = this.summary()?.waitTarget;
    if (!target) return '';
    const share = shareWithinTarget(target);
    return share === null
      ? this.i18n.translate('waitTarget.none', { minutes: target.minutes })
      : this.i18n.translate('waitTarget.headline', {
          minutes: target.minutes,
          share: share.toLocaleString(this.i18n.lang()),
          within: target.withinTarget.toLocaleString(this.i18n.lang()),
          served: target.served.toLocaleString(this.i18n.lang()),
        });
  });

  protected readonly targetDayOption = computed(() => {
    this.fontsLoaded();
    const daily = this.dailyPanel().data;
    if (!daily) return null;
    const rows = targetByDay(daily);
    const lang = this.i18n.lang();
    return sharesOption(
      rows.map((row) =>
        lang === 'ja' ? `${Number(row.key.slice(5, 7))}/${Number(row.key.slice(8))}` : row.key.slice(5),
      ),
      rows.map((row) => row.share),
      { series: this.i18n.translate('waitTarget.share'), kind: 'line' },
    );
  });

  /** The share per desk hour, the weekdays added together, as a chart and a table. */
  protected readonly targetHourRows = computed(() => {
    const cells = this.heatmapPanel().data;
    return cells ? targetByHour(cells, DESK_HOURS) : [];
  });
  protected readonly targetHourOption = computed(() => {
    this.fontsLoaded();
    const rows = this.targetHourRows();
    if (!rows.length) return null;
    return sharesOption(
      rows.map((row) => this.i18n.translate('waitTarget.hour', { hour: row.key })),
      rows.map((row) => row.share),
      { series: this.i18n.translate('waitTarget.share'), kind: 'bar' },
    );
  });

  /** The heatmap as a table for the keyboard and screen readers: one row per weekday, one cell per desk hour. */
  protected readonly heatmapRows = computed(() => {
    const cells = this.heatmapPanel().data ?? [];
    const names = this.weekdayNames();
    return DESK_WEEKDAYS.map((weekday) => ({
      weekday,
      name: names[weekday - 1],
      cells: DESK_HOURS.map((hour) => ({
        hour,
        arrivals: cells.find((cell) => cell.weekday === weekday && cell.hour === hour)?.arrivals ?? 0,
        params: this.drillParams({ kind: 'heatmap', weekday, hour }),
      })),
    }));
  });

  /** Each outage of the period with what it cost, most recent first. */
  protected readonly outageRows = computed(() => {
    const lang = this.i18n.lang();
    return [...this.outages()]
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .map((outage) => ({
        id: outage.id,
        when: outageSpan(outage.startsAt, outage.endsAt, lang, this.i18n.translate('report.ongoing')),
        system: outage.paymentServiceName ?? this.i18n.label(OUTAGE_SYSTEM_LABELS[outage.system]),
        cases: outage.cases,
        turnedAway: outage.turnedAway,
        turnedAwayParams: this.drillParams({ kind: 'turnedAway', outageId: outage.id }),
        casesParams: this.drillParams({ kind: 'arrivedDuring', outageId: outage.id }),
        cameBack: outage.cameBack,
      }));
  });

  protected readonly staffRows = computed(() =>
    (this.staffPanel().data ?? []).map((row) => ({
      ...row,
      casesParams: this.drillParams({ kind: 'staff', username: row.username }),
      completedParams: this.drillParams({ kind: 'staff', username: row.username, status: 'completed' }),
      notCompletedParams: this.drillParams({ kind: 'staff', username: row.username, status: 'not_completed' }),
    })),
  );
  protected readonly staffColumns = ['name', 'cases', 'completed', 'notCompleted', 'medianHandle'] as const;
  protected readonly skeletonTiles = [1, 2, 3, 4, 5, 6, 7] as const;

  constructor() {
    const fonts = inject(DOCUMENT).fonts;
    const redraw = () => this.fontsLoaded.update((n) => n + 1);
    fonts.addEventListener('loadingdone', redraw);
    inject(DestroyRef).onDestroy(() => fonts.removeEventListener('loadingdone', redraw));
    // The inputs follow the range whenever it changes from the URL (a preset, the back button).
    effect(() => {
      const range = this.range();
      this.draftFrom.set(dayValue(range.from));
      this.draftTo.set(dayValue(range.to));
    });
  }

  protected choosePreset(preset: RangePreset): void {
    this.showRange(presetRange(preset));
  }

  protected applyDraft(): void {
    this.showRange(rangeFromParams(dayText(this.draftFrom()), dayText(this.draftTo())));
  }

  /** One field of the filter bar; null clears it. The URL is the state, so reload and back keep the filter. */
  protected setFilter(field: FilterField, value: string | number | null): void {
    const params = { ...filterQueryParams(this.filter()), [field]: value === null ? null : String(value) };
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge' });
  }

  protected clearFilter(): void {
    void this.router.navigate([], { queryParams: filterQueryParams({}), queryParamsHandling: 'merge' });
  }

  protected onDailyClick(event: ECElementEvent): void {
    const row = this.dailyPanel().data?.[event.dataIndex];
    const statuses: CaseStatus[] = ['completed', 'not_completed', 'left'];
    if (row) this.drill({ kind: 'day', date: row.date, status: statuses[event.seriesIndex ?? -1] });
  }

  protected onHeatmapClick(event: ECElementEvent): void {
    const [hourIndex, weekdayIndex] = event.data as [number, number, number];
    const hour = DESK_HOURS[hourIndex];
    if (hour !== undefined) this.drill({ kind: 'heatmap', weekday: weekdayIndex + 1, hour });
  }

  protected onReasonClick(event: ECElementEvent): void {
    const row = this.reasonRows()[event.dataIndex];
    if (row) this.drill({ kind: 'reason', reason: row.key });
  }

  protected onPaymentClick(event: ECElementEvent): void {
    const row = this.paymentRows()[event.dataIndex];
    const status = event.seriesIndex === 0 ? 'completed' : 'not_completed';
    if (row) this.drill({ kind: 'paymentService', paymentServiceId: row.id, status });
  }

  protected onFunnelClick(event: ECElementEvent): void {
    const row = this.funnelBars()[event.dataIndex];
    const figure = event.seriesIndex === 1 ? row?.done : row?.attempted;
    if (figure) void this.router.navigate(['/cases'], { queryParams: figure.params });
  }

  protected export(format: ExportFormat, lang: ExportLanguage): void {
    this.exporting.set(true);
    this.exportFailure.set(null);
    // The file holds the cases the dashboard shows: the period and the filter bar.
    this.api.exportCases(this.range(), format, lang, this.filter()).subscribe({
      next: ({ blob, fileName }) => {
        saveBlob(blob, fileName);
        this.exporting.set(false);
      },
      error: (error: unknown) => {
        this.exportFailure.set(error);
        this.exporting.set(false);
      },
    });
  }

  protected kpiLabel(key: Kpi['key']): TranslationKey {
    return `dashboard.kpi.${key}` as TranslationKey;
  }

  /** A panel's error in words, shown inside that panel. */
  protected panelError(state: PanelState<unknown>): string {
    return state.status === 'error' ? errorText(state.error, this.i18n) : '';
  }

  /** The case list's query params for a target: the range, the filter bar and what was clicked. */
  protected drillParams(target: DrillTarget): DrillParams {
    return drillDownParams(target, this.range(), this.filter());
  }

  /** The "during outages" tile has no single case filter: it leads to the table where each outage opens its cases. */
  protected showOutages(heading: HTMLElement): void {
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  }

  private panel<T>(load: (query: StatsRangeQuery) => Observable<T>): Signal<PanelState<T>> {
    return toSignal(panelStates(this.query$, load), { initialValue: PANEL_LOADING as PanelState<T> });
  }

  private drill(target: DrillTarget): void {
    void this.router.navigate(['/cases'], { queryParams: this.drillParams(target) });
  }

  private showRange(range: DayRange): void {
    void this.router.navigate([], {
      queryParams: { from: range.from, to: range.to },
      queryParamsHandling: 'merge',
    });
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
    let link: DrillParams | null = null;
    let detailLink: DrillParams | null = null;
    if (kpi.key === 'total') link = this.drillParams({ kind: 'all' });
    if (kpi.key === 'duringOutages') {
      detail = this.i18n.translate('dashboard.kpi.duringOutagesDetail', { n: kpi.detail ?? 0 });
      link = this.drillParams({ kind: 'duringOutages' });
    }
    if (kpi.key === 'returned') {
      detail = this.i18n.translate('dashboard.kpi.returnedDetail', { n: kpi.detail ?? 0 });
      link = this.drillParams({ kind: 'segment', segment: 'returnVisitCompleted' });
      detailLink = this.drillParams({ kind: 'segment', segment: 'returnVisit' });
    }
    return {
      key: kpi.key,
      value,
      detail,
      link,
      detailLink,
      toOutages: kpi.key === 'duringOutages',
      trend: delta === null ? 'none' : delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
      delta:
        signed === null
          ? this.i18n.translate('dashboard.kpi.noDelta')
          : this.i18n.translate('dashboard.kpi.delta', { delta: signed }),
    };
  }
}

interface FunnelFigure {
  count: number;
  params: DrillParams;
}

interface FunnelRow {
  key: 'reservation' | 'application' | 'alreadyReserved' | 'returnVisits';
  label: TranslationKey;
  attempted: FunnelFigure;
  done: FunnelFigure | null;
  notCompleted: FunnelFigure | null;
}

function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
