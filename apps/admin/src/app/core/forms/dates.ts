import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideLuxonDateAdapter } from '@angular/material-luxon-adapter';
import { MAT_DATE_LOCALE, type MatDateFormats } from '@angular/material/core';
import { DateTime } from 'luxon';
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

/** Material's datepickers on luxon, in Japanese until the language switch says otherwise. */
export function provideDates(): (Provider | EnvironmentProviders)[] {
  return [provideLuxonDateAdapter(DATE_FORMATS), { provide: MAT_DATE_LOCALE, useValue: 'ja' }];
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
