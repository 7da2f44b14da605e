import * as holidayJp from '@holiday-jp/holiday_jp';

/**
 * The Japanese name of the national holiday on a Tokyo day ('YYYY-MM-DD'), or null.
 * Looked up by the package's own date keys: its `between`/`isHoliday` go through JS Dates in the process's zone.
 */
export function japaneseHolidayName(date: string): string | null {
  const holidays: Readonly<Record<string, { readonly name: string }>> = holidayJp.holidays;
  // Own keys only: a text such as 'constructor' must not reach the object's prototype.
  const holiday = Object.hasOwn(holidays, date) ? holidays[date] : undefined;
  return holiday?.name ?? null;
}

/** True when a Tokyo day ('YYYY-MM-DD') is a national holiday, substitute holidays included. */
export function isJapaneseHoliday(date: string): boolean {
  return japaneseHolidayName(date) !== null;
}
