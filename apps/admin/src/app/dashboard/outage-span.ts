import { DateTime } from 'luxon';
import { formatTokyoDateTime, formatTokyoTime, type Language, TOKYO } from '../core/i18n';

/** `2020年9月8日(火) 10:20–11:00` when the outage ends the day it starts, both dates written out otherwise. */
export function outageSpan(startsAt: string, endsAt: string | null, lang: Language, ongoing: string): string {
  const start = formatTokyoDateTime(startsAt, lang);
  if (!endsAt) return `${start} – ${ongoing}`;
  const sameDay = DateTime.fromISO(startsAt).setZone(TOKYO).hasSame(DateTime.fromISO(endsAt).setZone(TOKYO), 'day');
  return sameDay ? `${start}–${formatTokyoTime(endsAt)}` : `${start} – ${formatTokyoDateTime(endsAt, lang)}`;
}
