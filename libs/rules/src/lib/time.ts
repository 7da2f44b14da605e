import { DateTime } from 'luxon';

/** Every rule about a day or an hour is read on the desk's wall clock, whatever the machine's own zone. */
export const DESK_TIME_ZONE = 'Asia/Tokyo';

/** An instant: a UTC ISO-8601 string (one with another offset is converted), a JS Date or a luxon DateTime. */
export type InstantInput = string | Date | DateTime;

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant on the Tokyo wall clock.
 * A string without an offset is read as Tokyo local time, since that is how staff think of it.
 */
export function toTokyo(instant: InstantInput): DateTime<true> {
  const dt =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone: DESK_TIME_ZONE })
      : instant instanceof Date
        ? DateTime.fromJSDate(instant, { zone: DESK_TIME_ZONE })
        : instant.setZone(DESK_TIME_ZONE);
  if (!dt.isValid) {
    throw new RangeError(`Invalid instant: ${String(instant)}`);
  }
  return dt;
}

// A full ISO-8601 instant with its offset, each field in its range: the form the API and the database hand over.
const ZONED_INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Milliseconds since the epoch, as toTokyo(instant).toMillis() gives them, without a time zone's rules where the
 * instant names its offset: the outage cost judges thousands of cases per request this way.
 */
export function instantMillis(instant: InstantInput): number {
  if (instant instanceof Date && !Number.isNaN(instant.getTime())) return instant.getTime();
  const zoned = typeof instant === 'string' ? ZONED_INSTANT.exec(instant) : null;
  // Date.parse would roll 30 February over into March: the day must exist in its month.
  if (zoned && Number(zoned[3]) <= new Date(Date.UTC(Number(zoned[1]), Number(zoned[2]), 0)).getUTCDate()) {
    return Date.parse(instant as string);
  }
  return toTokyo(instant).toMillis();
}

/** Normalises an instant to the UTC ISO-8601 form used in storage and APIs, e.g. `2020-07-22T23:30:00.000Z`. */
export function toUtcIso(instant: InstantInput): string {
  return toTokyo(instant).toUTC().toISO();
}

/** The Tokyo calendar day ('YYYY-MM-DD') an instant falls on. */
export function tokyoDate(instant: InstantInput): string {
  return toTokyo(instant).toISODate();
}

/** Midnight in Tokyo at the start of a 'YYYY-MM-DD' day; throws on anything that is not a real calendar day. */
export function startOfTokyoDay(date: string): DateTime<true> {
  return tokyoInstant(date, '00:00');
}

/** A Tokyo calendar day broken into fields; `weekday` counts like luxon's, 1 = Monday … 7 = Sunday. */
export interface CalendarDay {
  date: string;
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/**
 * The fields of a 'YYYY-MM-DD' day; throws on anything that is not a real calendar day.
 * A calendar day has no zone, so UTC arithmetic (which no process time zone can shift) is exact and far cheaper.
 */
export function calendarDay(date: string): CalendarDay {
  const match = DATE_PARTS.exec(date);
  const utc = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !utc || utc.getUTCFullYear() !== Number(match[1]) || utc.getUTCDate() !== Number(match[3])) {
    throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${date}`);
  }
  return {
    date,
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
    weekday: ((utc.getUTCDay() + 6) % 7) + 1,
  };
}

/** Checks a 'YYYY-MM-DD' day and returns it unchanged, so that string comparisons between days are safe. */
export function assertDate(date: string): string {
  return calendarDay(date).date;
}

/** The calendar day `days` after (or before, if negative) a 'YYYY-MM-DD' day. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = calendarDay(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Parses a wall-clock time 'HH:mm' into hours and minutes. */
export function parseClock(clock: string): { hour: number; minute: number } {
  const match = CLOCK_PATTERN.exec(clock);
  if (!match) {
    throw new RangeError(`Invalid time of day (expected HH:mm): ${clock}`);
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Milliseconds from midnight to a wall-clock time 'HH:mm'. */
export function clockMillis(clock: string): number {
  const { hour, minute } = parseClock(clock);
  return (hour * 60 + minute) * 60_000;
}

/** Milliseconds since Tokyo midnight; Tokyo keeps no daylight saving, so this orders instants within a day. */
export function millisOfTokyoDay(instant: DateTime<true>): number {
  const t = instant.setZone(DESK_TIME_ZONE);
  return ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond;
}

/** The instant a wall-clock time 'HH:mm' falls on a Tokyo day 'YYYY-MM-DD'. */
export function tokyoInstant(date: string, clock: string): DateTime<true> {
  const { year, month, day } = calendarDay(date);
  const dt = DateTime.fromObject({ year, month, day, ...parseClock(clock) }, { zone: DESK_TIME_ZONE });
  if (!dt.isValid) {
    throw new RangeError(`No instant at ${clock} on ${date} in ${DESK_TIME_ZONE}`);
  }
  return dt;
}

export function laterOf(a: DateTime<true>, b: DateTime<true>): DateTime<true> {
  return a.toMillis() >= b.toMillis() ? a : b;
}
