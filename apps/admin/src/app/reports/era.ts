/**
 * A month as official documents date it, in the Japanese era: `2020-11` → 令和2年11月.
 * Intl's `japanese` calendar knows the eras, so a new era needs no code change here.
 */
export function eraMonth(month: string): string {
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    timeZone: 'Asia/Tokyo',
  }).format(monthMiddle(month));
}

/** A day in the Japanese era, `2020-11-24` → 令和2年11月24日, for the date a report was prepared. */
export function eraDate(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Tokyo',
  }).format(date);
}

/** `2020-11` → November 2020, for the English version of the report. */
export function englishMonth(month: string): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'Asia/Tokyo' }).format(
    monthMiddle(month),
  );
}

// The 15th at noon UTC is inside the month in every time zone, so the formatter cannot slip to a neighbour.
function monthMiddle(month: string): Date {
  const [year = NaN, monthNumber = NaN] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber - 1, 15, 12));
}
