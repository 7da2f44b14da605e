import { DateTime } from 'luxon';
import { mixSeed, Random } from './random';

export const DESK_ZONE = 'Asia/Tokyo';

/** What the generator needs of a day's desk hours (the shape `deskHoursOn` returns). */
export interface DeskHoursLike {
  open: boolean;
  hours: readonly { from: string; to: string }[];
  closedReason?: string;
}

export type DeskCalendar = (date: string) => DeskHoursLike;

/** A stretch of the day with a constant arrival rate; instants in epoch seconds. */
export interface ArrivalBin {
  start: number;
  end: number;
  weight: number;
}

export interface DeskDay {
  date: string;
  /** Days since 1970-01-01, used to give each day its own random stream. */
  ordinal: number;
  bins: ArrivalBin[];
  openSeconds: number;
  /** The programme's interest on that day, 1 at the September 2020 peak; busier days run the counters hotter. */
  level: number;
  weight: number;
  cases: number;
}

/**
 * Interest in the programme over time, read off its history: the July 2020 launch, the rush when points started on
 * 2020-09-01, a long quiet spell, and a smaller wave before the 2021-12-31 deadline.
 */
const LEVEL_ANCHORS: readonly (readonly [string, number])[] = [
  ['2020-07-01', 0.55],
  ['2020-07-20', 0.42],
  ['2020-08-10', 0.55],
  ['2020-08-25', 0.82],
  ['2020-09-01', 1],
  ['2020-09-18', 1],
  ['2020-10-01', 0.78],
  ['2020-10-31', 0.5],
  ['2020-11-30', 0.34],
  ['2020-12-28', 0.27],
  ['2021-01-04', 0.22],
  ['2021-02-28', 0.13],
  ['2021-03-31', 0.15],
  ['2021-06-30', 0.1],
  ['2021-09-30', 0.13],
  ['2021-10-31', 0.18],
  ['2021-11-30', 0.32],
  ['2021-12-15', 0.45],
  ['2021-12-28', 0.55],
];

const DAY_SECONDS = 86_400;
const { firstAnchor, laterAnchors, lastAnchor } = ordinalAnchors();

function ordinalAnchors() {
  const [firstAnchor, ...laterAnchors] = LEVEL_ANCHORS.map(([date, level]) => [ordinalOf(date), level] as const);
  if (!firstAnchor) throw new RangeError('The demand curve needs at least one anchor day.');
  return { firstAnchor, laterAnchors, lastAnchor: laterAnchors.at(-1) ?? firstAnchor };
}

export function ordinalOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 1000 / DAY_SECONDS);
}

export function levelOn(ordinal: number): number {
  if (ordinal <= firstAnchor[0]) return firstAnchor[1];
  if (ordinal >= lastAnchor[0]) return lastAnchor[1];
  let [fromOrdinal, fromLevel] = firstAnchor;
  for (const [toOrdinal, toLevel] of laterAnchors) {
    if (ordinal <= toOrdinal) {
      return fromLevel + ((toLevel - fromLevel) * (ordinal - fromOrdinal)) / (toOrdinal - fromOrdinal);
    }
    [fromOrdinal, fromLevel] = [toOrdinal, toLevel];
  }
  return lastAnchor[1];
}

/** Arrivals per half hour relative to the day's average: slow at opening, late morning and early afternoon peaks. */
const HALF_HOUR_PROFILE: Readonly<Record<string, number>> = {
  '08:00': 0.4,
  '08:30': 0.55,
  '09:00': 0.85,
  '09:30': 1.05,
  '10:00': 1.4,
  '10:30': 1.5,
  '11:00': 1.5,
  '11:30': 1.3,
  '12:00': 0.95,
  '12:30': 1,
  '13:00': 1.25,
  '13:30': 1.3,
  '14:00': 1.2,
  '14:30': 1.05,
  '15:00': 0.95,
  '15:30': 0.85,
  '16:00': 0.7,
  '16:30': 0.45,
  '17:00': 0.35,
};

/** Monday carries the weekend's backlog; Saturday mornings draw the people who work on weekdays. */
const WEEKDAY_FACTOR: Readonly<Record<number, number>> = { 1: 1.25, 2: 1.05, 3: 1, 4: 0.92, 5: 1.02, 6: 1.6, 7: 1 };
const AFTER_CLOSURE_FACTOR = 1.3;
const MONTH_END_FACTOR = 1.18;
const MONTH_END_DAYS = 5;
const DAILY_NOISE_SIGMA = 0.12;
const NOISE_SALT = 0x3c6ef372;

function halfHourFactor(hour: number, minute: number): number {
  const key = `${String(hour).padStart(2, '0')}:${minute < 30 ? '00' : '30'}`;
  return HALF_HOUR_PROFILE[key] ?? 0.4;
}

/** Splits the open hours into wall-clock half hours, each weighted by how busy that time of day is. */
function arrivalBins(date: string, hours: DeskHoursLike['hours']): ArrivalBin[] {
  const bins: ArrivalBin[] = [];
  for (const { from, to } of hours) {
    const open = minuteOfDay(from);
    const close = minuteOfDay(to);
    // luxon places the opening on the Tokyo clock; within one opening the wall clock runs evenly (no DST in Tokyo).
    const opensAt = DateTime.fromISO(`${date}T${from}`, { zone: DESK_ZONE }).toSeconds();
    for (let cursor = open; cursor < close;) {
      const next = Math.min(close, (Math.floor(cursor / 30) + 1) * 30);
      bins.push({
        start: opensAt + (cursor - open) * 60,
        end: opensAt + (next - open) * 60,
        weight: (halfHourFactor(Math.floor(cursor / 60), cursor % 60) * (next - cursor)) / 30,
      });
      cursor = next;
    }
  }
  return bins;
}

function minuteOfDay(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) throw new RangeError(`Unreadable desk hours: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True when the weekday before `day` (skipping the weekend) was a holiday or closure: its citizens come the next day. */
function followsClosedWeekday(day: DateTime, hoursOn: (date: string) => DeskHoursLike): boolean {
  let previous = day.minus({ days: 1 });
  while (previous.weekday > 5) previous = previous.minus({ days: 1 });
  const before = hoursOn(previous.toISODate() ?? '');
  // The day before the programme began has no pent-up queue of its own.
  return !before.open && before.closedReason !== 'outside_programme';
}

/**
 * The open days between `from` and `to` with their share of `cases`: each day's weight is the programme's interest
 * times weekday, after-holiday, month-end and a little daily noise, summed over its busy-ness-weighted hours; the
 * count is apportioned by largest remainder so that the total is exact.
 */
export function planDays(from: string, to: string, cases: number, seed: number, calendar: DeskCalendar): DeskDay[] {
  const cache = new Map<string, DeskHoursLike>();
  const hoursOn = (date: string): DeskHoursLike => {
    let hours = cache.get(date);
    if (!hours) {
      hours = calendar(date);
      cache.set(date, hours);
    }
    return hours;
  };
  const isOpen = (date: string) => hoursOn(date).open && hoursOn(date).hours.length > 0;
  const days: DeskDay[] = [];
  const last = DateTime.fromISO(to, { zone: DESK_ZONE });
  for (let day = DateTime.fromISO(from, { zone: DESK_ZONE }); day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate() ?? '';
    if (!isOpen(date)) continue;
    const bins = arrivalBins(date, hoursOn(date).hours);
    const ordinal = ordinalOf(date);
    // Seeded by the date itself, so that a day's noise does not depend on the range asked for.
    const dailyNoise = Math.exp(DAILY_NOISE_SIGMA * new Random(mixSeed(seed, NOISE_SALT - ordinal)).normal());
    const level = levelOn(ordinal);
    let factor = level * (WEEKDAY_FACTOR[day.weekday] ?? 1) * dailyNoise;
    if (day.weekday <= 5 && followsClosedWeekday(day, hoursOn)) factor *= AFTER_CLOSURE_FACTOR;
    if (day.day > (day.daysInMonth ?? 31) - MONTH_END_DAYS) factor *= MONTH_END_FACTOR;
    const binWeight = bins.reduce((sum, bin) => sum + bin.weight, 0);
    const openSeconds = bins.reduce((sum, bin) => sum + bin.end - bin.start, 0);
    days.push({ date, ordinal, bins, openSeconds, level, weight: factor * binWeight, cases: 0 });
  }
  apportion(days, cases);
  return days;
}

/** Largest-remainder apportionment: floors first, then one more to the days with the largest fractions. */
function apportion(days: DeskDay[], cases: number): void {
  const total = days.reduce((sum, day) => sum + day.weight, 0);
  if (cases > 0 && (days.length === 0 || total <= 0)) {
    throw new RangeError('The desk is closed on every day of the range: there is nowhere to put the cases.');
  }
  let given = 0;
  const remainders: { day: DeskDay; index: number; fraction: number }[] = [];
  days.forEach((day, index) => {
    const quota = (cases * day.weight) / total;
    day.cases = Math.floor(quota);
    given += day.cases;
    remainders.push({ day, index, fraction: quota - day.cases });
  });
  remainders.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  // The floors leave fewer cases than there are days (each fraction is below one): one more each to the largest.
  for (const { day } of remainders.slice(0, cases - given)) day.cases += 1;
}
