import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditQuery } from '@madoguchi/contracts';
import { addDays } from '@madoguchi/rules';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { CatalogApi } from '../admin/catalog-api';
import { dayText, dayValue, provideDates } from '../core/forms/dates';
import { errorText } from '../core/http/error-text';
import { I18n, I18N_PIPES, tokyoToday, TranslatedPaginatorIntl, type TranslationKey } from '../core/i18n';
import { caseFieldLabel, caseValueText, type CaseValueContext } from '../cases/case-values';
import { AuditApi } from './audit-api';
import { fieldChanges } from './audit-changes';

const PAGE_SIZE = 50;

/** Who changed what and when, with the values before and after: filter by day, record and person. */
@Component({
  selector: 'mg-audit-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatPaginatorModule,
    ...I18N_PIPES,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }, ...provideDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit.page.html',
  styles: `
    :host {
      display: block;
      max-width: 90rem;
      margin-inline: auto;
    }
    .changes {
      margin: 0;
      display: grid;
      grid-template-columns: auto auto auto;
      gap: 0 0.75rem;
      font: var(--mat-sys-body-small);
    }
    .changes dt {
      font-weight: 700;
    }
    .changes dd {
      margin: 0;
    }
    .before {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly catalog = inject(CatalogApi);
  private readonly i18n = inject(I18n);

  protected readonly entityTypes = AUDIT_ENTITY_TYPES;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly pageSize = PAGE_SIZE;

  // Ids in the log read as names: the services (inactive ones too) and the sites.
  private readonly context = toSignal(
    combineLatest([
      this.catalog.paymentServices().pipe(catchError(() => of([]))),
      this.catalog.sites().pipe(catchError(() => of([]))),
    ]).pipe(map(([services, sites]): CaseValueContext => ({ services, sites }))),
    { initialValue: { services: [], sites: [] } satisfies CaseValueContext },
  );

  protected readonly filters = inject(NonNullableFormBuilder).group({
    from: dayValue(addDays(tokyoToday(), -7)),
    to: dayValue(tokyoToday()),
    entityType: '' as AuditEntityType | '',
    entityId: '',
    actor: '',
  });
  protected readonly query = signal<AuditQuery>(this.toQuery(1));

  private readonly loaded = toSignal(
    toObservable(this.query).pipe(
      switchMap((query) =>
        this.api.list(query).pipe(
          map((page) => ({ page, error: null as string | null })),
          catchError((error: unknown) => of({ page: null, error: errorText(error, this.i18n) })),
        ),
      ),
    ),
    { initialValue: null },
  );
  protected readonly loading = computed(() => this.loaded() === null);
  protected readonly error = computed(() => this.loaded()?.error ?? null);
  protected readonly total = computed(() => this.loaded()?.page?.total ?? 0);
  protected readonly rows = computed(() =>
    (this.loaded()?.page?.items ?? []).map((entry) => ({
      entry,
      changes: fieldChanges(entry.before, entry.after).map((change) => ({
        field: caseFieldLabel(change.field, this.i18n),
        before: caseValueText(change.field, change.before, this.i18n, this.context()),
        after: caseValueText(change.field, change.after, this.i18n, this.context()),
        created: entry.before === null,
      })),
    })),
  );

  protected search(): void {
    this.query.set(this.toQuery(1));
  }

  protected changePage(event: PageEvent): void {
    this.query.set({ ...this.query(), page: event.pageIndex + 1 });
  }

  protected entityTypeKey(type: AuditEntityType): TranslationKey {
    return `audit.entityTypes.${type}` as TranslationKey;
  }

  private toQuery(page: number): AuditQuery {
    const { from, to, entityType, entityId, actor } = this.filters.getRawValue();
    const id = Number.parseInt(entityId, 10);
    return {
      from: dayText(from) || undefined,
      to: dayText(to) || undefined,
      entityType: entityType || undefined,
      entityId: Number.isInteger(id) && id > 0 ? id : undefined,
      actor: actor.trim() || undefined,
      page,
      pageSize: PAGE_SIZE,
    };
  }
}
