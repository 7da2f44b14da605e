import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseListQuery,
  type CaseStatus,
  CHANNEL_LABELS,
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
  formatTokyoDateTime,
  I18n,
  I18N_PIPES,
  minutesBetween,
  TOKYO,
  tokyoToday,
  TranslatedPaginatorIntl,
} from '../../core/i18n';
import { CasesApi } from '../cases-api';

const PAGE_SIZES = [20, 50, 100] as const;

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
    ...I18N_PIPES,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
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
  readonly page = input<string>();
  readonly pageSize = input<string>();

  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly statuses = CASE_STATUSES;
  protected readonly procedures = PROCEDURES;
  protected readonly reasonCodes = REASON_CODES;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly reasons = REASONS;
  protected readonly pageSizes = PAGE_SIZES;
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
    const today = tokyoToday();
    return {
      from: tokyoDate(this.from()) ?? today,
      to: tokyoDate(this.to()) ?? today,
      status: oneOf(CASE_STATUSES, this.status()),
      procedure: oneOf(PROCEDURES, this.procedure()),
      reason: oneOf(REASON_CODES, this.reason()),
      page: Math.max(1, Number.parseInt(this.page() ?? '', 10) || 1),
      pageSize: oneOf(PAGE_SIZES, Number(this.pageSize())) ?? PAGE_SIZES[0],
    } satisfies CaseListQuery;
  });

  protected readonly filters = inject(NonNullableFormBuilder).group(
    {
      from: [''],
      to: [''],
      status: [null as CaseStatus | null],
      procedure: [null as Procedure | null],
      reason: [null as ReasonCode | null],
    },
    { validators: fromNotAfterTo },
  );

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
      const { from, to, status, procedure, reason } = this.query();
      untracked(() =>
        this.filters.setValue(
          { from, to, status: status ?? null, procedure: procedure ?? null, reason: reason ?? null },
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
    const { from, to, status, procedure, reason } = this.filters.getRawValue();
    const pageSize = this.query().pageSize;
    void this.router.navigate([], {
      queryParams: {
        from: tokyoDate(from),
        to: tokyoDate(to),
        status,
        procedure,
        reason,
        pageSize: pageSize === PAGE_SIZES[0] ? null : pageSize,
      },
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
  const { from, to } = group.value as { from?: string; to?: string };
  return from && to && from > to ? { fromAfterTo: true } : null;
};

function tokyoDate(value: string | undefined | null): string | undefined {
  return value && DateTime.fromISO(value, { zone: TOKYO }).isValid && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? value
    : undefined;
}

function oneOf<T extends string | number>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}
