import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AUDIT_ACTION_LABELS, type AuditEntry, type CaseHistory, type SupportCase } from '@madoguchi/contracts';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { CatalogApi } from '../../admin/catalog-api';
import { fieldChanges } from '../../audit/audit-changes';
import { errorText } from '../../core/http/error-text';
import { formatTokyoDateTime, I18n, I18N_PIPES, minutesBetween } from '../../core/i18n';
import { CasesApi } from '../cases-api';
import { caseFieldLabel, caseValueText, type CaseValueContext } from '../case-values';

/** The fields shown, in the order staff read a visit: when, who, what, how it ended. */
const SHOWN_FIELDS = [
  'ticket',
  'arrivedAt',
  'siteId',
  'channel',
  'procedure',
  'ageBand',
  'representative',
  'paymentServiceId',
  'status',
  'staffUsername',
  'counter',
  'startedAt',
  'endedAt',
  'completed',
  'alreadyReserved',
  'reason',
  'certRenewedAt',
  'note',
  'followUpCode',
] as const satisfies readonly (keyof SupportCase)[];

interface Loaded {
  case: SupportCase | null;
  history: CaseHistory | null;
  error: string | null;
}

/** One case: every field in words, what happened to it, the visits around it, and the way to correct it. */
@Component({
  selector: 'mg-case-page',
  imports: [MatButtonModule, RouterLink, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case.page.html',
  styleUrl: './case.page.scss',
})
export class CasePage {
  /** Route parameter, bound by `withComponentInputBinding()`. */
  readonly id = input.required<string>();

  private readonly api = inject(CasesApi);
  private readonly catalog = inject(CatalogApi);
  private readonly i18n = inject(I18n);

  private readonly context = toSignal(
    combineLatest([
      this.api.paymentServices().pipe(catchError(() => of([]))),
      this.catalog.sites().pipe(catchError(() => of([]))),
    ]).pipe(map(([services, sites]): CaseValueContext => ({ services, sites }))),
    { initialValue: { services: [], sites: [] } satisfies CaseValueContext },
  );

  private readonly loaded = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        combineLatest([this.api.get(Number(id)), this.api.history(Number(id))]).pipe(
          map(([c, history]): Loaded => ({ case: c, history, error: null })),
          catchError((error: unknown) => of<Loaded>({ case: null, history: null, error: errorText(error, this.i18n) })),
        ),
      ),
    ),
    { initialValue: null },
  );

  protected readonly loading = computed(() => this.loaded() === null);
  protected readonly error = computed(() => this.loaded()?.error ?? null);
  protected readonly supportCase = computed(() => this.loaded()?.case ?? null);
  protected readonly previous = computed(() => this.loaded()?.history?.previous ?? null);
  protected readonly following = computed(() => this.loaded()?.history?.following ?? []);

  protected readonly fields = computed(() => {
    const c = this.supportCase();
    if (!c) return [];
    const context = this.context();
    const none = this.i18n.translate('common.none');
    const minutes = (value: number | null) =>
      value === null ? none : this.i18n.translate('common.minutes', { n: value });
    // Fields that only some cases have (a ticket, a counter, a renewal time) are shown when they have a value.
    const optional: readonly (keyof SupportCase)[] = ['ticket', 'counter', 'certRenewedAt'];
    const shown = SHOWN_FIELDS.filter((field) => !optional.includes(field) || c[field] !== null);
    const rows = shown.map((field) => ({
      label: caseFieldLabel(field, this.i18n),
      value: caseValueText(field, c[field], this.i18n, context),
    }));
    rows.splice(
      shown.indexOf('endedAt') + 1,
      0,
      {
        label: this.i18n.translate('caseList.waiting'),
        value: minutes(minutesBetween(c.arrivedAt, c.startedAt ?? (c.status === 'left' ? c.endedAt : null))),
      },
      { label: this.i18n.translate('caseList.handling'), value: minutes(minutesBetween(c.startedAt, c.endedAt)) },
    );
    return rows;
  });

  /** Each audit entry as a sentence and its changed fields in words, oldest first. */
  protected readonly history = computed(() => {
    const entries = this.loaded()?.history?.entries ?? [];
    const context = this.context();
    return entries.map((entry) => this.describe(entry, context));
  });

  protected visitText(c: SupportCase): string {
    return this.i18n.translate('casePage.visit', {
      id: c.id,
      at: formatTokyoDateTime(c.arrivedAt, this.i18n.lang()),
      status: caseValueText('status', c.status, this.i18n),
    });
  }

  private describe(entry: AuditEntry, context: CaseValueContext) {
    const created = entry.before === null;
    return {
      id: entry.id,
      at: entry.at,
      sentence: this.i18n.translate('casePage.entry', {
        actor: entry.actorUsername,
        action: this.i18n.label(AUDIT_ACTION_LABELS[entry.action]),
      }),
      changes: fieldChanges(entry.before, entry.after)
        // The number and its links are on the page already; the history says what changed about the visit.
        .filter((change) => change.field !== 'id' && (!created || change.after !== false))
        .map((change) => ({
          field: caseFieldLabel(change.field, this.i18n),
          before: caseValueText(change.field, change.before, this.i18n, context),
          after: caseValueText(change.field, change.after, this.i18n, context),
        })),
      created,
    };
  }
}
