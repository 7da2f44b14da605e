import { Injectable, effect, inject, untracked } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from './i18n';

/** The paginator's own words (per page, next page…) in the current language. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      untracked(() => this.relabel());
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.i18n.translate('paginator.empty');
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.i18n.translate('paginator.range', { start, end, total: length });
  };

  private relabel(): void {
    const t = (key: Parameters<I18n['translate']>[0]) => this.i18n.translate(key);
    this.itemsPerPageLabel = t('paginator.itemsPerPage');
    this.nextPageLabel = t('paginator.nextPage');
    this.previousPageLabel = t('paginator.previousPage');
    this.firstPageLabel = t('paginator.firstPage');
    this.lastPageLabel = t('paginator.lastPage');
    // Tells every paginator on screen to re-render its labels.
    this.changes.next();
  }
}
