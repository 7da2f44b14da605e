import type { Congestion } from '@madoguchi/contracts';

/** How a day is expected to be, for the citizens' calendar. */
export type DayForecast = 'busy' | 'normal' | 'quiet' | 'closed';

/** What the calendar needs of the desk's calendar: the day and whether the desk opens. */
export interface OpenDay {
  date: string;
  open: boolean;
}

export interface ForecastDay extends OpenDay {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  forecast: DayForecast;
  /** Expected arrivals over the day, from the weekday's average; null when closed. */
  expected: number | null;
}

/** Above this share of the month's average open day a day reads as busy, below its inverse as quiet. */
export const BUSY_FACTOR = 1.15;
export const QUIET_FACTOR = 0.85;

/** Expected arrivals of a weekday: the sum of its typical hours. */
export function expectedArrivals(typicalByHour: Congestion['typicalByHour']): number {
  return Math.round(typicalByHour.reduce((sum, hour) => sum + hour.arrivals, 0) * 10) / 10;
}

/**
 * Busy and quiet days of a month from the average arrivals of each weekday. The API gives a typical day per weekday
 * only, so every Tuesday of the month gets the same forecast: the page says so rather than pretend to more.
 */
export function forecastMonth(days: OpenDay[], expectedByWeekday: ReadonlyMap<number, number>): ForecastDay[] {
  const withWeekday = days.map((day) => ({ ...day, weekday: isoWeekday(day.date) }));
  const openExpected = withWeekday.filter((day) => day.open).map((day) => expectedByWeekday.get(day.weekday) ?? 0);
  const average = openExpected.length ? openExpected.reduce((a, b) => a + b, 0) / openExpected.length : 0;
  return withWeekday.map((day) => {
    if (!day.open) return { ...day, forecast: 'closed', expected: null };
    const expected = expectedByWeekday.get(day.weekday) ?? 0;
    const forecast: DayForecast =
      average === 0
        ? 'normal'
        : expected >= average * BUSY_FACTOR
          ? 'busy'
          : expected <= average * QUIET_FACTOR
            ? 'quiet'
            : 'normal';
    return { ...day, forecast, expected };
  });
}

/** The weeks of a month as rows of seven cells, Monday first; null pads the days outside the month. */
export function calendarWeeks<T extends { weekday: number }>(days: T[]): (T | null)[][] {
  const [first] = days;
  if (!first) return [];
  const cells: (T | null)[] = [...Array<null>(first.weekday - 1).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks: (T | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

function isoWeekday(date: string): number {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}
