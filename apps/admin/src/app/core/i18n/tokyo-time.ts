import { DateTime } from 'luxon';
import type { IsoInstant, TokyoDate } from '@madoguchi/contracts';
import { type Language, LOCALES } from './dictionary';

/** The desk's time zone: days and hours are Tokyo's whatever the browser's zone is. */
export const TOKYO = 'Asia/Tokyo';

const DATE_TIME_FORMATS: Record<Language, string> = { ja: 'yyyy年M月d日(ccc) H:mm', en: 'ccc d LLL yyyy H:mm' };
const DATE_FORMATS: Record<Language, string> = { ja: 'yyyy年M月d日(ccc)', en: 'ccc d LLL yyyy' };

/** `2020年11月24日(火) 8:30` (ja) or `Tue 24 Nov 2020 8:30` (en), in Tokyo time. */
export function formatTokyoDateTime(instant: IsoInstant, lang: Language): string {
  const dt = DateTime.fromISO(instant, { zone: TOKYO });
  return dt.isValid ? dt.setLocale(LOCALES[lang]).toFormat(DATE_TIME_FORMATS[lang]) : '';
}

/** `2020年11月24日(火)` (ja) or `Tue 24 Nov 2020` (en) for a Tokyo calendar day `YYYY-MM-DD`. */
export function formatTokyoDate(date: TokyoDate, lang: Language): string {
  const dt = DateTime.fromISO(date, { zone: TOKYO });
  return dt.isValid ? dt.setLocale(LOCALES[lang]).toFormat(DATE_FORMATS[lang]) : '';
}

/** Today's Tokyo calendar day as `YYYY-MM-DD`. */
export function tokyoToday(now: DateTime = DateTime.now()): TokyoDate {
  return now.setZone(TOKYO).toISODate() ?? '';
}

/** The value a `datetime-local` input shows for an instant, read on Tokyo's clock. */
export function toTokyoLocalInput(instant: DateTime | IsoInstant = DateTime.now()): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant) : instant;
  return dt.setZone(TOKYO).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A `datetime-local` value read as Tokyo wall-clock time, as a UTC instant; null when empty or invalid. */
export function fromTokyoLocalInput(value: string | null | undefined): IsoInstant | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone: TOKYO });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true }) : null;
}

/** Whole minutes from one instant to another; null when either is missing. */
export function minutesBetween(from: IsoInstant | null, to: IsoInstant | null): number | null {
  if (!from || !to) return null;
  return Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'minutes').minutes);
}
