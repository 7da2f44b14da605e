import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import {
  CASE_STATUS_LABELS,
  OUTAGE_SYSTEM_LABELS,
  REASON_CODES,
  type ReasonCode,
  REASONS,
  type StatsPeriodSummary,
} from '@madoguchi/contracts';
import { DateTime } from 'luxon';
import { NgxEchartsDirective } from 'ngx-echarts';
import { catchError, forkJoin, from, map, of, switchMap } from 'rxjs';
import { errorText } from '../core/http/error-text';
import { formatTokyoDate, I18n, I18N_PIPES, TOKYO, type TranslationKey } from '../core/i18n';
import { dailyChartOption, paretoOption } from '../dashboard/chart-options';
import { monthRange, previousMonth } from '../dashboard/date-range';
import { change } from '../dashboard/kpi';
import { pareto } from '../dashboard/pareto';
import { StatsApi } from '../dashboard/stats-api';
import { englishMonth, eraDate, eraMonth } from './era';
import { reportOutagePeriod } from './outage-period';
import { inReportFont, loadReportFont, numberedOutageBands, outageMark, withWholeCategoryLabels } from './report-chart';

type Unit = 'cases' | 'percent' | 'minutes';

/** The outages one A4 sheet has room for, in its table and as numbers in the daily chart. */
const OUTAGES_ON_SHEET = 8;

/** The month's figures on one A4 sheet for a department head, dated in the Japanese era as official papers are. */
@Component({
  selector: 'mg-monthly-report-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    NgxEchartsDirective,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './monthly-report.page.html',
  styleUrl: './monthly-report.page.scss',
})
export class MonthlyReportPage {
  /** `YYYY-MM`, bound from the query param. */
  readonly month = input<string>();

  private readonly api = inject(StatsApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);

  /** SVG so that the printer gets vectors, not a screen-resolution bitmap. */
  protected readonly svg = { renderer: 'svg' as const };

  protected readonly chosen = computed(() => {
    const month = this.month() ?? DateTime.now().setZone(TOKYO).minus({ months: 1 }).toFormat('yyyy-MM');
    return /^\d{4}-\d{2}$/.test(month) && monthRange(month) ? month : null;
  });
  protected readonly range = computed(() => {
    const month = this.chosen();
    return month ? monthRange(month) : null;
  });
  protected readonly draft = signal('');

  protected readonly title = computed(() => {
    const month = this.chosen();
    if (!month) return '';
    const lang = this.i18n.lang();
    return this.i18n.translate('report.heading', { month: lang === 'ja' ? eraMonth(month) : englishMonth(month) });
  });
  protected readonly createdOn = computed(() =>
    this.i18n.translate('report.createdOn', {
      date:
        this.i18n.lang() === 'ja'
          ? eraDate(new Date())
          : formatTokyoDate(DateTime.now().setZone(TOKYO).toISODate() ?? '', 'en'),
    }),
  );
  protected readonly periodText = computed(() => {
    const range = this.range();
    const lang = this.i18n.lang();
    return range
      ? this.i18n.translate('report.period', {
          from: formatTokyoDate(range.from, lang),
          to: formatTokyoDate(range.to, lang),
        })
      : '';
  });

  private readonly failure = signal<unknown>(null);
  protected readonly errorMessage = computed(() => (this.failure() ? errorText(this.failure(), this.i18n) : ''));

  private readonly data = toSignal(
    toObservable(this.chosen).pipe(
      switchMap((month) => {
        this.failure.set(null);
        const range = month ? monthRange(month) : null;
        const before = month ? monthRange(previousMonth(month)) : null;
        if (!range || !before) return of(null);
        // The previous *calendar* month, not the summary's equal-length period: a report compares month with month.
        return forkJoin({
          now: this.api.summary(range),
          before: this.api.summary(before),
          daily: this.api.daily(range),
          outages: this.api.outages(range),
        }).pipe(
          // The charts are drawn once the font they print in can draw their words, or their labels would overlap.
          switchMap((data) => from(loadReportFont(this.document, this.chartText(data))).pipe(map(() => data))),
          catchError((error: unknown) => {
            this.failure.set(error);
            return of(null);
          }),
        );
      }),
    ),
    { initialValue: null },
  );

  protected readonly figures = computed(() => {
    const data = this.data();
    if (!data) return [];
    const rate = (s: StatsPeriodSummary) =>
      s.completionRate === null ? null : Math.round(s.completionRate * 1000) / 10;
    const rows: {
      key: TranslationKey | null;
      label?: string;
      unit: Unit;
      read: (s: StatsPeriodSummary) => number | null;
    }[] = [
      { key: 'dashboard.kpi.total', unit: 'cases', read: (s) => s.total },
      {
        key: null,
        label: this.i18n.label(CASE_STATUS_LABELS.completed),
        unit: 'cases',
        read: (s) => s.byStatus.completed,
      },
      {
        key: null,
        label: this.i18n.label(CASE_STATUS_LABELS.not_completed),
        unit: 'cases',
        read: (s) => s.byStatus.not_completed,
      },
      { key: null, label: this.i18n.label(CASE_STATUS_LABELS.left), unit: 'cases', read: (s) => s.byStatus.left },
      { key: 'dashboard.kpi.completionRate', unit: 'percent', read: rate },
      { key: 'dashboard.kpi.waitMedian', unit: 'minutes', read: (s) => s.waitMinutes.median },
      { key: 'dashboard.kpi.waitP90', unit: 'minutes', read: (s) => s.waitMinutes.p90 },
      { key: 'dashboard.kpi.handleMedian', unit: 'minutes', read: (s) => s.handleMinutes.median },
      { key: 'dashboard.kpi.duringOutages', unit: 'cases', read: (s) => s.duringOutages.cases },
      { key: 'dashboard.kpi.returned', unit: 'cases', read: (s) => s.returned.succeeded },
    ];
    return rows.map((row) => {
      const now = row.read(data.now);
      const before = row.read(data.before);
      const delta = change(now, before);
      return {
        label: row.key ? this.i18n.translate(row.key) : (row.label ?? ''),
        now: this.format(now, row.unit),
        before: this.format(before, row.unit),
        change:
          delta === null
            ? this.i18n.translate('common.none')
            : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${this.format(Math.abs(delta), row.unit === 'percent' ? 'points' : row.unit)}`,
      };
    });
  });

  protected readonly dailyOption = computed(() => {
    const data = this.data();
    if (!data) return null;
    const option = dailyChartOption(data.daily, data.outages, {
      completed: this.i18n.label(CASE_STATUS_LABELS.completed),
      notCompleted: this.i18n.label(CASE_STATUS_LABELS.not_completed),
      left: this.i18n.label(CASE_STATUS_LABELS.left),
      outage: this.i18n.translate('nav.outages'),
      formatDay: (date) => String(Number(date.slice(8))),
    });
    const shown = data.outages.slice(0, OUTAGES_ON_SHEET);
    return inReportFont(
      numberedOutageBands(
        option,
        data.daily.map((row) => row.date),
        shown,
      ),
    );
  });

  protected readonly reasonRows = computed(() => {
    const data = this.data();
    return data ? pareto<ReasonCode>(data.now.byReason, REASON_CODES) : [];
  });

  protected readonly reasonsOption = computed(() => {
    this.i18n.lang();
    const option = paretoOption(this.reasonRows(), {
      cases: this.i18n.translate('dashboard.reasons.cases'),
      cumulative: this.i18n.translate('dashboard.reasons.cumulative'),
      label: (key) => this.i18n.label(REASONS[key as ReasonCode]),
    });
    // 21 characters, the longest reason in Japanese, fit on one line at 12 px; English ones take two at most.
    return inReportFont(withWholeCategoryLabels(option, 300));
  });

  protected readonly reasonsAria = computed(() => {
    const [top] = this.reasonRows();
    return top
      ? this.i18n.translate('dashboard.reasons.aria', {
          reason: this.i18n.label(REASONS[top.key]),
          count: top.count,
          percent: top.cumulativePercent,
        })
      : this.i18n.translate('dashboard.reasons.empty');
  });

  protected readonly dailyAria = computed(() => {
    const data = this.data();
    const peak = data?.daily.reduce<(typeof data.daily)[number] | undefined>(
      (best, row) => (best && best.total >= row.total ? best : row),
      undefined,
    );
    if (!data || !peak) return '';
    return this.i18n.translate('dashboard.daily.aria', {
      days: data.daily.length,
      total: data.now.total,
      peakDay: formatTokyoDate(peak.date, this.i18n.lang()),
      peak: peak.total,
      outages: data.outages.length,
    });
  });

  /** The month's outages in order of start, cut to what fits on the sheet; numbered as in the daily chart. */
  protected readonly outages = computed(() => {
    const data = this.data();
    const month = this.chosen();
    if (!data || !month) return [];
    const lang = this.i18n.lang();
    const year = Number(month.slice(0, 4));
    return data.outages.slice(0, OUTAGES_ON_SHEET).map((outage, index) => ({
      id: outage.id,
      mark: outageMark(index),
      when: reportOutagePeriod(outage.startsAt, outage.endsAt, lang, this.i18n.translate('report.ongoing'), year),
      system: outage.paymentServiceName ?? this.i18n.label(OUTAGE_SYSTEM_LABELS[outage.system]),
      cases: this.i18n.number(outage.cases),
      turnedAway: this.i18n.number(outage.turnedAway),
      cameBack: this.i18n.number(outage.cameBack),
    }));
  });

  constructor() {
    effect(() => this.draft.set(this.chosen() ?? ''));
  }

  protected show(): void {
    void this.router.navigate([], { queryParams: { month: this.draft() } });
  }

  protected print(): void {
    window.print();
  }

  /** Every word the charts will draw, so that the font is loaded for all of them. */
  private chartText(data: { outages: readonly unknown[] }): string {
    const words = [
      ...Object.values(CASE_STATUS_LABELS).map((label) => this.i18n.label(label)),
      ...REASON_CODES.map((code) => this.i18n.label(REASONS[code])),
      this.i18n.translate('dashboard.reasons.cases'),
      this.i18n.translate('dashboard.reasons.cumulative'),
      ...data.outages.slice(0, OUTAGES_ON_SHEET).map((_, index) => outageMark(index)),
    ];
    return `${words.join('')}0123456789%,.`;
  }

  private format(value: number | null, unit: Unit | 'points'): string {
    if (value === null) return this.i18n.translate('common.none');
    const keys: Record<Unit | 'points', TranslationKey> = {
      cases: 'dashboard.kpi.cases',
      percent: 'dashboard.kpi.percent',
      minutes: 'dashboard.kpi.minutes',
      points: 'dashboard.kpi.points',
    };
    return this.i18n.translate(keys[unit], { n: value });
  }
}
