import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
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
import { catchError, map, of, Subject, switchMap, startWith } from 'rxjs';
import { staleCurrent } from '../core/http/api-error';
import { errorText } from '../core/http/error-text';
import { I18n, I18N_PIPES, tokyoToday, type TranslationKey, type TranslationParams } from '../core/i18n';
import { CasesApi } from '../cases/cases-api';
import { OutageFormDialog, type OutageFormData } from './outage-form.dialog';
import { OutagesApi } from './outages-api';

/** Outages of a period: record, end, correct or reclassify them, and see which cases each one hit. */
@Component({
  selector: 'mg-outages-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ...I18N_PIPES],
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
  `,
})
export class OutagesPage {
  private readonly api = inject(OutagesApi);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);

  protected readonly systemLabels = OUTAGE_SYSTEM_LABELS;
  protected readonly kindLabels = OUTAGE_KIND_LABELS;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly reasons = REASONS;

  protected readonly filters = inject(NonNullableFormBuilder).group({
    from: addDays(tokyoToday(), -30),
    to: addDays(tokyoToday(), 30),
  });
  private readonly query = signal(this.filters.getRawValue());
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

  /** The outage whose cases are shown, and its cases once they arrive. */
  protected readonly openCases = signal<number | null>(null);
  protected readonly cases = signal<OutageCasesPage | null>(null);

  protected search(): void {
    this.query.set(this.filters.getRawValue());
  }

  protected systemText(o: Outage): string {
    const service = this.paymentServices().find((s) => s.id === o.paymentServiceId)?.name;
    return this.i18n.label(OUTAGE_SYSTEM_LABELS[o.system]) + (service ? ` ${service}` : '');
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
    this.api.update(o.id, { version: o.version, endsAt: new Date().toISOString() }).subscribe({
      next: (ended) => this.done('outages.ended', { id: ended.id }),
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
        if (saved) this.done(savedKey, { id: saved.id });
      });
  }

  private done(key: TranslationKey, params: TranslationParams): void {
    this.message.set({ text: this.i18n.translate(key, params), error: false });
    this.reload$.next();
    if (this.openCases() !== null) this.openCases.set(null);
  }
}
