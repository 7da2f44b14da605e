import type { TokyoDate } from '@madoguchi/contracts';
import { DateTime } from 'luxon';
import { TOKYO } from '../core/i18n';

/** A range of Tokyo calendar days, both included, as the statistics API takes it. */
export interface DayRange {
  from: TokyoDate;
  to: TokyoDate;
}

export const RANGE_PRESETS = ['today', 'week', 'month', 'fy2020', 'programme'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Applications opened 2020-07-01 and the deadline was finally 2021-12-31 (DOMAIN.md, programme dates). */
export const PROGRAMME_RANGE: DayRange = { from: '2020-07-01', to: '2021-12-31' };
/** Japan's fiscal year 2020 runs April to March. */
export const FY2020_RANGE: DayRange = { from: '2020-04-01', to: '2021-03-31' };

/** The days a preset covers on the given instant's Tokyo calendar; a week starts on Monday as the desk's does. */
export function presetRange(preset: RangePreset, now: Date = new Date()): DayRange {
  const today = DateTime.fromJSDate(now, { zone: TOKYO }).startOf('day');
  const to = isoDay(today);
  switch (preset) {
    case 'today':
      return { from: to, to };
    case 'week':
      return { from: isoDay(today.startOf('week')), to };
    case 'month':
      return { from: isoDay(today.startOf('month')), to };
    case 'fy2020':
      return FY2020_RANGE;
    case 'programme':
      return PROGRAMME_RANGE;
  }
}

/** The preset whose range equals the given one today, to highlight its button; null for a hand-picked range. */
export function matchingPreset(range: DayRange, now: Date = new Date()): RangePreset | null {
  return RANGE_PRESETS.find((preset) => sameRange(presetRange(preset, now), range)) ?? null;
}

/** A well-formed range from URL params, falling back to the whole programme; from after to is swapped. */
export function rangeFromParams(from: string | undefined, to: string | undefined): DayRange {
  const start = validDay(from) ?? PROGRAMME_RANGE.from;
  const end = validDay(to) ?? PROGRAMME_RANGE.to;
  return start <= end ? { from: start, to: end } : { from: end, to: start };
}

/** The calendar days of a whole month `YYYY-MM`. */
export function monthRange(month: string): DayRange | null {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: TOKYO });
  if (!first.isValid) return null;
  return { from: isoDay(first), to: isoDay(first.endOf('month')) };
}

/** The month before `YYYY-MM`, as `YYYY-MM`. */
export function previousMonth(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: TOKYO }).minus({ months: 1 }).toFormat('yyyy-MM');
}

function sameRange(a: DayRange, b: DayRange): boolean {
  return a.from === b.from && a.to === b.to;
}

function validDay(value: string | undefined): TokyoDate | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return DateTime.fromISO(value, { zone: TOKYO }).isValid ? value : null;
}

function isoDay(day: DateTime): TokyoDate {
  return day.toFormat('yyyy-MM-dd');
}
