import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import {
  CASE_STATUS_LABELS,
  type Outage,
  type OutageCasesPage,
  OUTAGE_KIND_LABELS,
  OUTAGE_SYSTEM_LABELS,
  PLATFORM_FUNCTION_LABELS,
  PROCEDURE_LABELS,
  REASONS,
} from '@madoguchi/contracts';
import { addDays } from '@madoguchi/rules';
import { catchError, filter, map, of, Subject, switchMap, startWith } from 'rxjs';
import { staleCurrent } from '../core/http/api-error';
import { dayText, dayValue, provideDates } from '../core/forms/dates';
import { errorText } from '../core/http/error-text';
import {
  formatTokyoDate,
  formatTokyoDateTime,
  formatTokyoTime,
  I18n,
  I18N_PIPES,
  tokyoToday,
  type TranslationKey,
  type TranslationParams,
} from '../core/i18n';
import { CasesApi } from '../cases/cases-api';
import { ConfirmOutageDialog, type ConfirmOutageData } from './confirm-outage.dialog';
import { OutageFormDialog, type OutageFormData } from './outage-form.dialog';
import { OutagesApi } from './outages-api';

/** Outages of a period: record, end, correct or reclassify them, and see which cases each one hit. */
@Component({
  selector: 'mg-outages-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    ...I18N_PIPES,
  ],
  providers: [...provideDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outages.page.html',
  styles: `
    :host {
      display: block;
      max-width: 80rem;
      margin-inline: auto;
    }
    .cases-panel {
      padding: 0.75rem 1rem;
      background: var(--mat-sys-surface-container-low);
    }
    .cases-panel h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .ongoing {
      font-weight: 700;
      color: var(--mat-sys-error);
    }
    /* Names and dates stay whole, breaking only at spaces and punctuation; the note, prose, takes what is left. */
    .outage-list {
      word-break: keep-all;
    }
    .nowrap,
    .outage-list .actions button {
      white-space: nowrap;
    }
    .outage-list .actions {
      flex-wrap: nowrap;
    }
    .outage-list .note {
      min-width: 12rem;
      word-break: normal;
    }
    .kind-under {
      display: none;
    }
    /* On a tablet the buttons stack and dates break at their spaces, so that the table fits without scrolling. */
    @media (max-width: 1199px) {
      .outage-list .actions {
        flex-direction: column;
        align-items: flex-start;
      }
      .outage-list .nowrap {
        white-space: normal;
      }
      /* The kind goes under the system, so that a long name like マイキープラットフォーム stays whole. */
      .outage-list .kind {
        display: none;
      }
      .kind-under {
        display: block;
        color: var(--mat-sys-on-surface-variant);
      }
      .outage-list .note {
        min-width: 5rem;
      }
      .outage-list th,
      .outage-list td {
        padding-inline: 0.5rem;
      }
    }
    /* A frame, not a tint: the red "ongoing" has just 4.5:1 on white and would lose it on any tinted row. */
    tr.just-saved > td {
      box-shadow:
        inset 0 2px 0 var(--mat-sys-primary),
        inset 0 -2px 0 var(--mat-sys-primary);
    }
    tr.just-saved > td:first-child {
      box-shadow:
        inset 6px 0 0 var(--mat-sys-primary),
        inset 0 2px 0 var(--mat-sys-primary),
        inset 0 -2px 0 var(--mat-sys-primary);
    }
    tr.just-saved:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
  `,
})
export class OutagesPage {
  private readonly api = inject(OutagesApi);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly systemLabels = OUTAGE_SYSTEM_LABELS;
  protected readonly kindLabels = OUTAGE_KIND_LABELS;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly reasons = REASONS;

  protected readonly filters = inject(NonNullableFormBuilder).group({
    from: [dayValue(addDays(tokyoToday(), -30))],
    to: [dayValue(addDays(tokyoToday(), 30))],
  });
  private readonly query = signal(this.period());
  private readonly reload$ = new Subject<void>();

  protected readonly paymentServices = toSignal(
    inject(CasesApi)
      .paymentServices()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );

  protected readonly loaded = toSignal(
    toObservable(this.query).pipe(
      switchMap((query) =>
        this.reload$.pipe(
          startWith(undefined),
          switchMap(() =>
            this.api.list({ ...query, pageSize: 500 }).pipe(
              map((page) => ({ items: page.items, error: null as string | null })),
              catchError((error: unknown) => of({ items: [] as Outage[], error: errorText(error, this.i18n) })),
            ),
          ),
        ),
      ),
    ),
    { initialValue: null },
  );
  protected readonly outages = computed(() =>
    [...(this.loaded()?.items ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
  );
  protected readonly loadError = computed(() => this.loaded()?.error ?? null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  /** The outage just recorded, ended or corrected: its row is marked and, once listed, takes the focus. */
  protected readonly highlighted = signal<number | null>(null);
  private focusPending = false;

  /** The outage whose cases are shown, and its cases once they arrive. */
  protected readonly openCases = signal<number | null>(null);
  protected readonly cases = signal<OutageCasesPage | null>(null);

  constructor() {
    effect(() => {
      const id = this.highlighted();
      if (id === null || !this.focusPending || !this.outages().some((o) => o.id === id)) return;
      this.focusPending = false;
      afterNextRender(
        () => {
          const row = this.host.nativeElement.querySelector<HTMLElement>(`#outage-row-${id}`);
          row?.scrollIntoView({ block: 'nearest' });
          row?.focus();
        },
        { injector: this.injector },
      );
    });
  }

  protected search(): void {
    this.query.set(this.period());
  }

  protected systemText(o: Outage): string {
    const service = this.paymentServices().find((s) => s.id === o.paymentServiceId)?.name;
    return this.i18n.label(OUTAGE_SYSTEM_LABELS[o.system]) + (service ? ` ${service}` : '');
  }

  /** The end of the period, as a time alone when the outage ends the day it starts. */
  protected endText(startsAt: string, endsAt: string): string {
    return tokyoToday(new Date(startsAt)) === tokyoToday(new Date(endsAt))
      ? formatTokyoTime(endsAt)
      : formatTokyoDateTime(endsAt, this.i18n.lang());
  }

  protected affectsText(o: Outage): string {
    return o.affects.map((f) => this.i18n.label(PLATFORM_FUNCTION_LABELS[f])).join('・');
  }

  protected record(): void {
    this.openForm({ paymentServices: this.paymentServices() }, 'outages.created');
  }

  protected correct(o: Outage): void {
    this.openForm({ outage: o, paymentServices: this.paymentServices() }, 'outages.updated');
  }

  protected end(o: Outage): void {
    const now = new Date().toISOString();
    const lang = this.i18n.lang();
    const t = (key: TranslationKey, params?: TranslationParams) => this.i18n.translate(key, params);
    const data: ConfirmOutageData = {
      title: t('outageForm.confirmEndTitle', { id: String(o.id) }),
      text: t('outageForm.confirmEndText', { time: formatTokyoTime(now) }),
      details: [
        { term: t('outages.system'), value: this.systemText(o) },
        { term: t('outages.affects'), value: this.affectsText(o) },
        { term: t('outages.startsAt'), value: formatTokyoDateTime(o.startsAt, lang) },
        { term: t('outages.endsAt'), value: formatTokyoDateTime(now, lang) },
      ],
      confirm: t('outageForm.confirmEnd'),
      back: t('outageForm.keepGoing'),
    };
    this.dialog
      .open<ConfirmOutageDialog, ConfirmOutageData, boolean>(ConfirmOutageDialog, { data, maxWidth: '32rem' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.endNow(o));
  }

  private endNow(o: Outage): void {
    // The end is the moment staff confirmed, not the moment they opened the question.
    this.api.update(o.id, { version: o.version, endsAt: new Date().toISOString() }).subscribe({
      next: (ended) => this.done('outages.ended', ended),
      error: (error: unknown) => {
        if (staleCurrent<Outage>(error)) this.reload$.next();
        this.message.set({ text: errorText(error, this.i18n), error: true });
      },
    });
  }

  protected toggleCases(o: Outage): void {
    if (this.openCases() === o.id) {
      this.openCases.set(null);
      return;
    }
    this.openCases.set(o.id);
    this.cases.set(null);
    this.api.cases(o.id, 1, 200).subscribe({
      next: (page) => this.cases.set(page),
      error: (error: unknown) => this.message.set({ text: errorText(error, this.i18n), error: true }),
    });
  }

  private openForm(data: OutageFormData, savedKey: TranslationKey): void {
    this.dialog
      .open<OutageFormDialog, OutageFormData, Outage>(OutageFormDialog, { data, maxWidth: '36rem' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.done(savedKey, saved);
      });
  }

  /** The period the pickers hold, as the API's `YYYY-MM-DD` days (empty for an open side). */
  private period(): { from: string; to: string } {
    const { from, to } = this.filters.getRawValue();
    return { from: dayText(from), to: dayText(to) };
  }

  /** Says what was saved and shows its row, widening the period when the filter would have hidden it. */
  private done(key: TranslationKey, saved: Outage): void {
    let text = this.i18n.translate(key, { id: String(saved.id) });
    const widened = periodShowing(this.period(), saved);
    if (widened) {
      const lang = this.i18n.lang();
      this.filters.setValue({ from: dayValue(widened.from), to: dayValue(widened.to) });
      text = this.i18n.translate('outageForm.shownRange', {
        saved: text,
        from: widened.from ? formatTokyoDate(widened.from, lang) : '',
        to: widened.to ? formatTokyoDate(widened.to, lang) : '',
      });
    }
    this.message.set({ text, error: false });
    this.highlighted.set(saved.id);
    this.focusPending = true;
    if (widened) this.query.set(this.period());
    else this.reload$.next();
    if (this.openCases() !== null) this.openCases.set(null);
  }
}

/**
 * The from–to days that list `outage` (the list holds outages overlapping them), or null when the current ones
 * already do. An empty day is an open end.
 */
function periodShowing(period: { from: string; to: string }, outage: Outage): { from: string; to: string } | null {
  const start = tokyoToday(new Date(outage.startsAt));
  // An ongoing outage overlaps every period that reaches its first day.
  const end = outage.endsAt ? tokyoToday(new Date(outage.endsAt)) : start;
  const from = period.from && period.from > end ? start : period.from;
  const to = period.to && period.to < start ? end : period.to;
  return from === period.from && to === period.to ? null : { from, to };
}
