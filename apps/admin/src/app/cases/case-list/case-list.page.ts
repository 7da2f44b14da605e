import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { type Params, Router, RouterLink } from '@angular/router';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  type AgeBand,
  CASE_SEGMENTS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseListQuery,
  type CaseStatus,
  type Channel,
  CHANNEL_LABELS,
  CHANNELS,
  type Procedure,
  PROCEDURE_LABELS,
  PROCEDURES,
  REASON_CODES,
  type ReasonCode,
  REASONS,
  type SupportCase,
} from '@madoguchi/contracts';
import { DateTime } from 'luxon';
import { catchError, of, switchMap, tap } from 'rxjs';
import { errorText } from '../../core/http/error-text';
import {
  formatTokyoDate,
  formatTokyoDateTime,
  I18n,
  I18N_PIPES,
  minutesBetween,
  TOKYO,
  TranslatedPaginatorIntl,
  type TranslationKey,
} from '../../core/i18n';
import { CatalogApi } from '../../admin/catalog-api';
import { dayText, dayValue, provideDates } from '../../core/forms/dates';
import { CasesApi } from '../cases-api';

const PAGE_SIZES = [20, 50, 100] as const;
/** Filters that only a click on the dashboard sets: shown as removable notes, not as form fields. */
type DrillParam = 'segment' | 'turnedAwayBy' | 'arrivedDuring' | 'duringOutages';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** A case as the table shows it, already in the current language. */
interface CaseRow {
  id: number;
  /** The day's ticket (`A-012`), beside the case number so a citizen's paper finds their case. */
  ticket: string | null;
  arrivedAt: string;
  channel: string;
  procedure: string;
  status: string;
  reason: string;
  staff: string;
  waiting: string;
  handling: string;
}

/** Cases of a period, filtered; every filter lives in the URL so a list can be bookmarked or shared. */
@Component({
  selector: 'mg-case-list-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    MatDatepickerModule,
    RouterLink,
    ...I18N_PIPES,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }, ...provideDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-list.page.html',
  styleUrl: './case-list.page.scss',
})
export class CaseListPage {
  // Query params, bound by `withComponentInputBinding()`; anything unreadable falls back to its default.
  readonly from = input<string>();
  readonly to = input<string>();
  readonly status = input<string>();
  readonly procedure = input<string>();
  readonly reason = input<string>();
  readonly q = input<string>();
  readonly siteId = input<string>();
  readonly staff = input<string>();
  readonly paymentServiceId = input<string>();
  readonly channel = input<string>();
  readonly ageBand = input<string>();
  readonly weekday = input<string>();
  readonly hour = input<string>();
  readonly segment = input<string>();
  readonly turnedAwayBy = input<string>();
  readonly arrivedDuring = input<string>();
  readonly duringOutages = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  private readonly api = inject(CasesApi);
  private readonly catalog = inject(CatalogApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly statuses = CASE_STATUSES;
  protected readonly procedures = PROCEDURES;
  protected readonly reasonCodes = REASON_CODES;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly reasons = REASONS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly ageBands = AGE_BANDS;
  protected readonly ageBandLabels = AGE_BAND_LABELS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly hours = HOURS;
  protected readonly columns = [
    'id',
    'arrivedAt',
    'channel',
    'procedure',
    'status',
    'reason',
    'staff',
    'waiting',
    'handling',
  ] as const;

  protected readonly query = computed(() => {
    // Without a date the list covers every day on that side; the screen says so (see `period`).
    return {
      from: tokyoDate(this.from()),
      to: tokyoDate(this.to()),
      status: oneOf(CASE_STATUSES, this.status()),
      procedure: oneOf(PROCEDURES, this.procedure()),
      reason: oneOf(REASON_CODES, this.reason()),
      q: this.q()?.trim() || undefined,
      siteId: positive(this.siteId()),
      staff: this.staff()?.trim().toLowerCase() || undefined,
      paymentServiceId: positive(this.paymentServiceId()),
      channel: oneOf(CHANNELS, this.channel()),
      ageBand: oneOf(AGE_BANDS, this.ageBand()),
      weekday: oneOf(WEEKDAYS, Number(this.weekday())),
      hour: oneOf(HOURS, this.hour() ? Number(this.hour()) : NaN),
      segment: oneOf(CASE_SEGMENTS, this.segment()),
      turnedAwayBy: positive(this.turnedAwayBy()),
      arrivedDuring: positive(this.arrivedDuring()),
      duringOutages: this.duringOutages() === 'true' ? true : undefined,
      page: Math.max(1, Number.parseInt(this.page() ?? '', 10) || 1),
      pageSize: oneOf(PAGE_SIZES, Number(this.pageSize())) ?? PAGE_SIZES[0],
    } satisfies CaseListQuery;
  });

  protected readonly filters = inject(NonNullableFormBuilder).group(
    {
      q: [''],
      from: [null as DateTime | null],
      to: [null as DateTime | null],
      status: [null as CaseStatus | null],
      procedure: [null as Procedure | null],
      reason: [null as ReasonCode | null],
      siteId: [null as number | null],
      staff: [''],
      paymentServiceId: [null as number | null],
      channel: [null as Channel | null],
      ageBand: [null as AgeBand | null],
      weekday: [null as number | null],
      hour: [null as number | null],
    },
    { validators: fromNotAfterTo },
  );

  /** The period in words; an open side reads "any date", never a silent today. */
  protected readonly period = computed(() => {
    const { from, to } = this.query();
    const any = this.i18n.translate('caseList.anyDate');
    if (!from && !to) return any;
    const day = (date: string | undefined) => (date ? formatTokyoDate(date, this.i18n.lang()) : any);
    return this.i18n.translate('caseList.period', { from: day(from), to: day(to) });
  });
  protected readonly anyDate = computed(() => !this.query().from && !this.query().to);
  /** Dashboard-only filters, shown as removable notes rather than form fields. */
  protected readonly drills = computed(() => {
    const { segment, turnedAwayBy, arrivedDuring, duringOutages } = this.query();
    const drills: { param: DrillParam; text: string }[] = [];
    if (segment) drills.push({ param: 'segment', text: this.i18n.translate(`caseList.segments.${segment}`) });
    if (turnedAwayBy) {
      drills.push({ param: 'turnedAwayBy', text: this.i18n.translate('caseList.turnedAwayBy', { id: turnedAwayBy }) });
    }
    if (arrivedDuring) {
      drills.push({
        param: 'arrivedDuring',
        text: this.i18n.translate('caseList.arrivedDuring', { id: arrivedDuring }),
      });
    }
    if (duringOutages) drills.push({ param: 'duringOutages', text: this.i18n.translate('caseList.duringOutages') });
    return drills;
  });
  /** The extra filters stay open when the URL uses one of them. */
  protected readonly moreOpen = computed(() => {
    const q = this.query();
    return [q.siteId, q.staff, q.paymentServiceId, q.channel, q.ageBand, q.weekday, q.hour].some(
      (v) => v !== undefined,
    );
  });

  protected readonly sites = toSignal(this.catalog.sites().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly paymentServices = toSignal(this.api.paymentServices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  protected readonly loading = signal(true);
  private readonly failure = signal<unknown>(null);
  protected readonly errorMessage = computed(() => (this.failure() ? errorText(this.failure(), this.i18n) : ''));

  private readonly result = toSignal(
    toObservable(this.query).pipe(
      tap(() => {
        this.loading.set(true);
        this.failure.set(null);
      }),
      switchMap((query) =>
        this.api.list(query).pipe(
          catchError((error: unknown) => {
            this.failure.set(error);
            return of(null);
          }),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null },
  );

  protected readonly total = computed(() => this.result()?.total ?? 0);
  protected readonly trackById = (_index: number, row: CaseRow) => row.id;
  protected readonly rows = computed(() => (this.result()?.items ?? []).map((item) => this.toRow(item)));

  constructor() {
    // The form shows what the URL says, including after back/forward navigation.
    effect(() => {
      const q = this.query();
      untracked(() =>
        this.filters.setValue(
          {
            q: q.q ?? '',
            from: dayValue(q.from),
            to: dayValue(q.to),
            status: q.status ?? null,
            procedure: q.procedure ?? null,
            reason: q.reason ?? null,
            siteId: q.siteId ?? null,
            staff: q.staff ?? '',
            paymentServiceId: q.paymentServiceId ?? null,
            channel: q.channel ?? null,
            ageBand: q.ageBand ?? null,
            weekday: q.weekday ?? null,
            hour: q.hour ?? null,
          },
          { emitEvent: false },
        ),
      );
    });
  }

  protected search(): void {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    const value = this.filters.getRawValue();
    const { pageSize, segment, turnedAwayBy, arrivedDuring, duringOutages } = this.query();
    const params: Params = {
      ...value,
      q: value.q.trim() || null,
      from: tokyoDate(dayText(value.from)) ?? null,
      to: tokyoDate(dayText(value.to)) ?? null,
      staff: value.staff.trim().toLowerCase() || null,
      segment: segment ?? null,
      turnedAwayBy: turnedAwayBy ?? null,
      arrivedDuring: arrivedDuring ?? null,
      duringOutages: duringOutages ? 'true' : null,
      pageSize: pageSize === PAGE_SIZES[0] ? null : pageSize,
    };
    void this.router.navigate([], { queryParams: params });
  }

  protected clearAll(): void {
    void this.router.navigate([], { queryParams: {} });
  }

  protected removeDrill(param: DrillParam): void {
    void this.router.navigate([], { queryParams: { [param]: null, page: null }, queryParamsHandling: 'merge' });
  }

  protected open(row: CaseRow): void {
    void this.router.navigate(['/cases', row.id]);
  }

  protected weekdayName(weekday: number): string {
    return this.i18n.translate('caseList.weekdayValue', {
      weekday: this.i18n.translate(`dashboard.weekdays.d${weekday}` as TranslationKey),
    });
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], {
      queryParams: { page: event.pageIndex + 1, pageSize: event.pageSize },
      queryParamsHandling: 'merge',
    });
  }

  private toRow(item: SupportCase): CaseRow {
    const { i18n } = this;
    const none = i18n.translate('common.none');
    const minutes = (value: number | null) => (value === null ? none : i18n.translate('common.minutes', { n: value }));
    return {
      id: item.id,
      ticket: item.ticket,
      arrivedAt: formatTokyoDateTime(item.arrivedAt, i18n.lang()),
      channel: i18n.label(CHANNEL_LABELS[item.channel]),
      procedure: i18n.label(PROCEDURE_LABELS[item.procedure]),
      status: i18n.label(CASE_STATUS_LABELS[item.status]),
      reason: item.reason ? i18n.label(REASONS[item.reason]) : none,
      staff: item.staffUsername ?? none,
      // Someone who left was waiting until they left.
      waiting: minutes(
        minutesBetween(item.arrivedAt, item.startedAt ?? (item.status === 'left' ? item.endedAt : null)),
      ),
      handling: minutes(minutesBetween(item.startedAt, item.endedAt)),
    };
  }
}

const fromNotAfterTo: ValidatorFn = (group) => {
  const { from, to } = group.value as { from?: DateTime | null; to?: DateTime | null };
  return from && to && from > to ? { fromAfterTo: true } : null;
};

function tokyoDate(value: string | undefined | null): string | undefined {
  return value && DateTime.fromISO(value, { zone: TOKYO }).isValid && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? value
    : undefined;
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function oneOf<T extends string | number>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}
