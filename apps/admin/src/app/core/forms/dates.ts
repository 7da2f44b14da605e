import { effect, inject, Injectable, type Provider } from '@angular/core';
import { LuxonDateAdapter } from '@angular/material-luxon-adapter';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { DateTime } from 'luxon';
import { I18n } from '../i18n/i18n';
import { TOKYO } from '../i18n/tokyo-time';

/**
 * Dates as a Japanese office writes them (2020/11/24), whatever the browser's own locale; staff may also type
 * 2020-11-24, 2020/11/4 or 20201124.
 */
export const DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: ['yyyy/M/d', 'yyyy-M-d', 'yyyy.M.d', 'yyyyMMdd'], timeInput: 'H:mm' },
  display: {
    dateInput: 'yyyy/MM/dd',
    timeInput: 'H:mm',
    monthYearLabel: 'yyyy/MM',
    dateA11yLabel: 'DDD',
    monthYearA11yLabel: 'LLLL yyyy',
    timeOptionLabel: 'H:mm',
  },
};

/** Luxon's adapter naming months and weekdays in the screen's language, following the language switch. */
@Injectable()
export class TranslatedLuxonDateAdapter extends LuxonDateAdapter {
  constructor() {
    super();
    const i18n = inject(I18n);
    effect(() => this.setLocale(i18n.lang()));
  }
}

/**
 * Material's datepickers on luxon, provided by each screen that has one: Material stays out of the sign-in page's
 * first download.
 */
export function provideDates(): Provider[] {
  return [
    { provide: DateAdapter, useClass: TranslatedLuxonDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: DATE_FORMATS },
  ];
}

/** The picker's value for a `YYYY-MM-DD` day of the URL or the API; null for none or nonsense. */
export function dayValue(iso: string | null | undefined): DateTime | null {
  if (!iso) return null;
  const day = DateTime.fromISO(iso, { zone: TOKYO });
  return day.isValid ? day.startOf('day') : null;
}

/** The `YYYY-MM-DD` day a picker holds; empty for none or an unreadable entry. */
export function dayText(value: DateTime | null | undefined): string {
  return value?.isValid ? (value.toISODate() ?? '') : '';
}
