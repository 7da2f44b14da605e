// Tokyo days and hours as integers since 1970-01-01 00:00 JST, the keys statistics group by.
// Japan has kept UTC+9 without daylight saving since 1951: a fixed shift, cheap in SQL and for a million export rows.
export const TOKYO_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** Hours in a week: `hourIndex % HOURS_PER_WEEK` is the weekday × hour cell. */
export const HOURS_PER_WEEK = 168;

/** 'YYYY-MM-DD' of a Tokyo day index. */
export function dateOfDayIndex(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** The Tokyo day index of a 'YYYY-MM-DD' day. */
export function dayIndexOfDate(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayIndex(dayIndex: number): number {
  return (((dayIndex % 7) + 7 + 3) % 7) + 1;
}

/** The weekday (1 = Monday) and hour of a cell `hourIndex % 168`. */
export function weekdayHourOfCell(cell: number): { weekday: number; hour: number } {
  return { weekday: weekdayOfDayIndex(Math.floor(cell / 24)), hour: cell % 24 };
}

/** The cell `hourIndex % 168` of a weekday (1 = Monday) and hour. */
export function cellOfWeekdayHour(weekday: number, hour: number): number {
  // Day index 4 (1970-01-05) was a Monday, so a weekday sits at (weekday + 3) mod 7 in the 7-day cycle.
  return ((weekday + 3) % 7) * 24 + hour;
}

/** Tokyo wall-clock time 'YYYY-MM-DD HH:mm' of an instant, the form the exports write. */
export function tokyoMinuteText(instant: Date): string {
  const text = new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/**
 * Writes instants (epoch milliseconds) as tokyoMinuteText does, for a million export rows: it keeps the text of the
 * last Tokyo hour it wrote, as the rows come in time order, and adds the minutes.
 */
export function tokyoMinuteWriter(): (epochMs: number) => string {
  let hour = NaN;
  let hourText = '';
  return (epochMs) => {
    const local = epochMs + TOKYO_OFFSET_MS;
    const hourIndex = Math.floor(local / HOUR_MS);
    if (hourIndex !== hour) {
      const text = new Date(hourIndex * HOUR_MS).toISOString();
      hour = hourIndex;
      hourText = `${text.slice(0, 10)} ${text.slice(11, 13)}:`;
    }
    return hourText + TWO_DIGITS[Math.floor((local - hourIndex * HOUR_MS) / 60_000)];
  };
}

/** An instant (epoch ms) shifted so that its UTC fields read as Tokyo wall-clock time: what Excel (no zone) shows. */
export function tokyoWallClockDate(epochMs: number): Date {
  return new Date(epochMs + TOKYO_OFFSET_MS);
}
