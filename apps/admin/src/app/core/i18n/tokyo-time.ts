import { DateTime } from 'luxon';
import type { IsoInstant, TokyoDate } from '@madoguchi/contracts';
import {
  DESK_TIME_ZONE,
  formatDateEn,
  formatDateJa,
  formatDateTimeEn,
  formatDateTimeJa,
  formatTime,
  tokyoDate,
} from '@madoguchi/rules';
import type { Language } from './dictionary';

// Dates are worded by @madoguchi/rules so that screens, API messages and exports read alike; this file keeps only
// what the rules have no use for: the <input type="datetime-local"> round trip and minutes between two instants.

/** The desk's time zone: days and hours are Tokyo's whatever the browser's zone is. */
export const TOKYO = DESK_TIME_ZONE;

/** `2020年11月24日(火) 8:30` (ja) or `Tue 24 Nov 2020, 8:30` (en), in Tokyo time; '' when it is not an instant. */
export function formatTokyoDateTime(instant: IsoInstant, lang: Language): string {
  return orEmpty(() => (lang === 'ja' ? formatDateTimeJa(instant) : formatDateTimeEn(instant)));
}

/** `2020年11月24日(火)` (ja) or `Tue 24 Nov 2020` (en) for a Tokyo calendar day `YYYY-MM-DD`; '' when invalid. */
export function formatTokyoDate(date: TokyoDate, lang: Language): string {
  return orEmpty(() => (lang === 'ja' ? formatDateJa(date) : formatDateEn(date)));
}

/** `8:30`, Tokyo's clock as the desk writes it; '' when it is not an instant. */
export function formatTokyoTime(instant: IsoInstant): string {
  return orEmpty(() => formatTime(instant));
}

/** Today's Tokyo calendar day as `YYYY-MM-DD`. */
export function tokyoToday(now: Date = new Date()): TokyoDate {
  return tokyoDate(now);
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

// The rules throw on a malformed value; a screen shows nothing rather than break the whole view.
function orEmpty(format: () => string): string {
  try {
    return format();
  } catch {
    return '';
  }
}
