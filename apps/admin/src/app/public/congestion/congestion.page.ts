import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type Congestion, OUTAGE_SYSTEM_LABELS, REFERRAL_LABELS } from '@madoguchi/contracts';
import { DateTime } from 'luxon';
import { NgxEchartsDirective } from 'ngx-echarts';
import { catchError, EMPTY, forkJoin, map, of, switchMap, tap } from 'rxjs';
import { formatTokyoDateTime, I18n, I18N_PIPES, LanguageSwitch, TOKYO, type TranslationKey } from '../../core/i18n';
import { LiveEvents } from '../../core/live/live-events';
import { inPublicFont, OKABE_ITO, simpleBarsOption } from '../../dashboard/chart-options';
import { MaintenanceNotice } from '../maintenance-notice';
import { CongestionApi } from './congestion-api';
import { calendarWeeks, type DayForecast, expectedArrivals, forecastMonth } from './forecast';

/** The desk's opening hours (8:30–17:00 on weekdays) as arrival hours. */
const DESK_HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16];
/** Monday to Saturday; the desk never opens on Sunday. */
const OPEN_WEEKDAYS = [1, 2, 3, 4, 5, 6];

/** How often the numbers are asked for again besides the live stream's news (outages begin with the clock). */
export const CONGESTION_POLL_MS = 60_000;

const FORECAST_KEYS: Readonly<Record<DayForecast, TranslationKey>> = {
  busy: 'congestion.busy',
  normal: 'congestion.normal',
  quiet: 'congestion.quiet',
  closed: 'congestion.closedDay',
};

/**
 * What a citizen checks before coming (seed: the city asks them to phone ahead about congestion): the queue now,
 * how busy this weekday usually is, and which days of the month are likely busy or quiet.
 */
@Component({
  selector: 'mg-congestion-page',
  imports: [RouterLink, MatButtonModule, NgxEchartsDirective, LanguageSwitch, MaintenanceNotice, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The device's own Japanese font (styles.scss): a citizen's phone downloads no web font.
  host: { class: 'public-page' },
  templateUrl: './congestion.page.html',
  styleUrl: './congestion.page.scss',
})
export class CongestionPage {
  private readonly api = inject(CongestionApi);
  protected readonly i18n = inject(I18n);

  protected readonly callCentre = REFERRAL_LABELS.call_centre;
  /** `tel:` link from the number the contracts' label carries, so the number is written in one place. */
  protected readonly callCentreTel = `tel:${(/0\d{2,4}-\d{1,4}-\d{3,4}/.exec(REFERRAL_LABELS.call_centre.ja)?.[0] ?? '').replace(/-/g, '')}`;
  protected readonly forecastKeys = FORECAST_KEYS;
  protected readonly legend: DayForecast[] = ['busy', 'normal', 'quiet', 'closed'];

  protected readonly failed = signal(false);
  /** The desk now, fetched again as soon as the public stream says it changed; a failed fetch keeps the last one. */
  protected readonly now = toSignal(
    inject(LiveEvents)
      .refreshes('/api/public/live', ['congestion'], CONGESTION_POLL_MS, true)
      .pipe(
        switchMap(() =>
          this.api.congestion().pipe(
            tap(() => this.failed.set(false)),
            catchError(() => {
              this.failed.set(true);
              return EMPTY;
            }),
          ),
        ),
      ),
    { initialValue: null },
  );

  /** `?month=YYYY-MM` opens the calendar at that month (a link from a city page, a look at past demo data). */
  readonly month = input<string>();

  /** The month the calendar shows, as its first day; starts at this month in Tokyo. */
  protected readonly shownMonth = signal(DateTime.now().setZone(TOKYO).startOf('month'));

  private readonly monthData = toSignal(
    toObservable(this.shownMonth).pipe(
      switchMap((first) => {
        const last = first.endOf('month');
        // One typical day per weekday: the API averages the same weekday, so ask it at a day of each.
        const weekdays = OPEN_WEEKDAYS.map((weekday) => {
          const day = first.plus({ days: (weekday - first.weekday + 7) % 7 }).set({ hour: 12 });
          return this.api
            .congestion(day.toISO({ suppressMilliseconds: true }) ?? undefined)
            .pipe(map((congestion): [number, number] => [weekday, expectedArrivals(congestion.typicalByHour)]));
        });
        return forkJoin({
          calendar: this.api.calendar(first.toFormat('yyyy-MM-dd'), last.toFormat('yyyy-MM-dd')),
          expected: forkJoin(weekdays).pipe(map((pairs) => new Map(pairs))),
        }).pipe(catchError(() => of(null)));
      }),
    ),
    { initialValue: null },
  );

  protected readonly monthTitle = computed(() =>
    this.i18n.translate('congestion.calendarTitle', {
      month: this.shownMonth()
        .setLocale(this.i18n.lang() === 'ja' ? 'ja-JP' : 'en-US')
        .toFormat(this.i18n.lang() === 'ja' ? 'yyyy年M月' : 'LLLL yyyy'),
    }),
  );

  protected readonly weekdayNames = computed(() => {
    this.i18n.lang();
    return [1, 2, 3, 4, 5, 6, 7].map((day) => this.i18n.translate(`dashboard.weekdays.d${day}` as TranslationKey));
  });

  /** Every day closed because the programme is not running: say so instead of a calendar of 休み. */
  protected readonly outsideProgramme = computed(() => {
    const days = this.monthData()?.calendar ?? [];
    return days.length > 0 && days.every((day) => day.closedReason === 'outside_programme');
  });

  protected readonly weeks = computed(() => {
    const data = this.monthData();
    if (!data) return [];
    return calendarWeeks(forecastMonth(data.calendar, data.expected));
  });

  protected readonly atText = computed(() => {
    const now = this.now();
    return now ? this.i18n.translate('congestion.at', { time: formatTokyoDateTime(now.at, this.i18n.lang()) }) : '';
  });

  protected readonly outages = computed(() =>
    (this.now()?.outagesNow ?? []).map((outage) => ({
      system: outage.paymentServiceName ?? this.i18n.label(OUTAGE_SYSTEM_LABELS[outage.system]),
      until: outage.until
        ? this.i18n.translate('congestion.outageUntil', { until: formatTokyoDateTime(outage.until, this.i18n.lang()) })
        : this.i18n.translate('congestion.outageUntilUnknown'),
    })),
  );

  protected readonly todayName = computed(() => {
    const now = this.now();
    if (!now) return '';
    const weekday = DateTime.fromISO(now.at).setZone(TOKYO).weekday;
    return this.i18n.translate(`dashboard.weekdays.d${weekday}` as TranslationKey);
  });

  private readonly typicalHours = computed(() => {
    const now: Congestion | null = this.now();
    const byHour = new Map((now?.typicalByHour ?? []).map((row) => [row.hour, row.arrivals]));
    return DESK_HOURS.map((hour) => ({ hour, arrivals: byHour.get(hour) ?? 0 }));
  });

  protected readonly hasTypical = computed(() => this.typicalHours().some((row) => row.arrivals > 0));

  protected readonly typicalOption = computed(() => {
    const rows = this.typicalHours();
    return inPublicFont(
      simpleBarsOption(
        rows.map((row) => `${row.hour}`),
        rows.map((row) => row.arrivals),
        OKABE_ITO.skyBlue,
        false,
      ),
    );
  });

  protected readonly typicalAria = computed(() => {
    const busiest = this.typicalHours().reduce((best, row) => (row.arrivals > best.arrivals ? row : best));
    return this.i18n.translate('congestion.typicalAria', {
      weekday: this.todayName(),
      hour: String(busiest.hour),
      arrivals: busiest.arrivals,
    });
  });

  constructor() {
    effect(() => {
      const param = this.month();
      const chosen = param ? DateTime.fromFormat(param, 'yyyy-MM', { zone: TOKYO }) : null;
      if (chosen?.isValid) untracked(() => this.shownMonth.set(chosen.startOf('month')));
    });
  }

  protected moveMonth(months: number): void {
    this.shownMonth.update((first) => first.plus({ months }));
  }

  protected dayLabel(date: string): string {
    return String(Number(date.slice(8)));
  }
}
