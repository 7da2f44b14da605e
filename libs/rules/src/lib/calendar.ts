import { japaneseHolidayName } from './holidays';
import {
  addDays,
  assertDate,
  calendarDay,
  clockMillis,
  type InstantInput,
  millisOfTokyoDay,
  toTokyo,
  tokyoInstant,
  toUtcIso,
} from './time';

/** Opening hours on one day as Tokyo wall-clock times 'HH:mm'; `to` is exclusive. */
export interface DeskHours {
  from: string;
  to: string;
}

export interface DeskCalendarSettings {
  /** First day ('YYYY-MM-DD') of the programme's support at the desk. */
  programmeStart: string;
  /** Last day ('YYYY-MM-DD') of the programme's support at the desk. */
  programmeEnd: string;
  /** Days the desk is closed although the rules would open it (e.g. a building closure). */
  localClosures?: string[];
  /** Days the desk opens with these hours whatever the rules say (e.g. an extra Sunday). */
  specialOpenings?: { date: string; hours: DeskHours[] }[];
}

export type ClosedReason = 'weekend' | 'holiday' | 'year_end' | 'saturday_off' | 'outside_programme' | 'local_closure';

export interface DeskDay {
  date: string;
  open: boolean;
  /** Empty when closed. */
  hours: DeskHours[];
  closedReason?: ClosedReason;
  /** The holiday's Japanese name from @holiday-jp/holiday_jp, set whenever the day is a national holiday. */
  holidayName?: string;
}

/**
 * FY2020 Mynapoint at the desk: open from the first day of reservation support (2020-04-01) to the final deadline
 * (2021-12-31); each procedure keeps to its own window (`FY2020_PROGRAMME_WINDOWS`, `calendarForFunctions`).
 */
export const FY2020_MYNAPOINT: DeskCalendarSettings = { programmeStart: '2020-04-01', programmeEnd: '2021-12-31' };

/** Seed: 「月曜日から金曜日…は、午前8時30分から午後5時まで」 */
export const WEEKDAY_HOURS: readonly DeskHours[] = [{ from: '08:30', to: '17:00' }];

/** Seed: 「毎月第2・第4土曜日は、午前8時30分から正午まで」 */
export const SATURDAY_HOURS: readonly DeskHours[] = [{ from: '08:30', to: '12:00' }];

/** Which Saturdays of the month open (seed: 第2・第4土曜日). */
export const OPEN_SATURDAYS_OF_MONTH: readonly number[] = [2, 4];

/** Seed: 「12月29日から1月3日は除く」 */
export function isYearEndClosure(date: string): boolean {
  const { month, day } = calendarDay(date);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}

/** Which occurrence of its weekday in the month a day is: 1 for the first Saturday, 2 for the second, and so on. */
export function weekdayOrdinalInMonth(date: string): number {
  return Math.ceil(calendarDay(date).day / 7);
}

/**
 * The desk's opening on one Tokyo day.
 * Precedence, first match wins: outside_programme → local_closure → special opening → year_end → holiday →
 * Sunday (weekend) → Saturday (open on the 2nd/4th, else saturday_off) → Monday–Friday open.
 * A local closure beats a special opening on the same day because closing is the safer mistake.
 */
export function deskHoursOn(date: string, settings: DeskCalendarSettings = FY2020_MYNAPOINT): DeskDay {
  const day = calendarDay(date);
  const holidayName = japaneseHolidayName(date);
  const base: Pick<DeskDay, 'date' | 'holidayName'> = holidayName ? { date, holidayName } : { date };
  const closed = (closedReason: ClosedReason): DeskDay => ({ ...base, open: false, hours: [], closedReason });
  const openWith = (hours: readonly DeskHours[]): DeskDay => ({ ...base, open: true, hours: copyHours(hours) });

  if (date < assertDate(settings.programmeStart) || date > assertDate(settings.programmeEnd)) {
    return closed('outside_programme');
  }
  if (settings.localClosures?.includes(date)) {
    return closed('local_closure');
  }
  const special = settings.specialOpenings?.find((opening) => opening.date === date);
  if (special) {
    return openWith(checkedHours(special.hours, date));
  }
  if (isYearEndClosure(date)) {
    return closed('year_end');
  }
  if (holidayName) {
    return closed('holiday');
  }
  if (day.weekday === 7) {
    return closed('weekend');
  }
  if (day.weekday === 6) {
    return OPEN_SATURDAYS_OF_MONTH.includes(weekdayOrdinalInMonth(date))
      ? openWith(SATURDAY_HOURS)
      : closed('saturday_off');
  }
  return openWith(WEEKDAY_HOURS);
}

/** The desk's days from `from` to `to`, both included; empty when `to` is before `from`. */
export function deskCalendar(from: string, to: string, settings: DeskCalendarSettings = FY2020_MYNAPOINT): DeskDay[] {
  const last = assertDate(to);
  const days: DeskDay[] = [];
  for (let date = assertDate(from); date <= last; date = addDays(date, 1)) {
    days.push(deskHoursOn(date, settings));
  }
  return days;
}

/** An opening of the desk as UTC ISO instants, `closesAt` exclusive. */
export interface DeskOpening {
  opensAt: string;
  closesAt: string;
}

/** The opening the instant falls in (opensAt ≤ t < closesAt, Tokyo), or null when the desk is closed then. */
export function deskOpeningAt(
  instant: InstantInput,
  settings: DeskCalendarSettings = FY2020_MYNAPOINT,
): DeskOpening | null {
  const t = toTokyo(instant);
  const date = t.toISODate();
  const hours = openHoursAt(date, millisOfTokyoDay(t), settings);
  return (
    hours && { opensAt: toUtcIso(tokyoInstant(date, hours.from)), closesAt: toUtcIso(tokyoInstant(date, hours.to)) }
  );
}

/** Half-open: open at 08:30:00.000, closed again at 17:00:00.000 (12:00 on an open Saturday), Tokyo time. */
export function isDeskOpenAt(instant: InstantInput, settings: DeskCalendarSettings = FY2020_MYNAPOINT): boolean {
  const t = toTokyo(instant);
  return openHoursAt(t.toISODate(), millisOfTokyoDay(t), settings) !== null;
}

/**
 * The first instant at or after `instant` when the desk is open, as a UTC ISO string: `instant` itself when it is
 * open already; null when the desk does not open again before the programme ends.
 */
export function nextOpeningAt(instant: InstantInput, settings: DeskCalendarSettings = FY2020_MYNAPOINT): string | null {
  const t = toTokyo(instant);
  const today = t.toISODate();
  const now = millisOfTokyoDay(t);
  const start = assertDate(settings.programmeStart);
  const end = assertDate(settings.programmeEnd);
  // Starting at the programme's first day keeps a search from long before it from walking every day in between.
  for (let date = today < start ? start : today; date <= end; date = addDays(date, 1)) {
    for (const hours of sortedHours(deskHoursOn(date, settings).hours)) {
      if (date > today || now < clockMillis(hours.from)) {
        return toUtcIso(tokyoInstant(date, hours.from));
      }
      if (now < clockMillis(hours.to)) {
        return toUtcIso(t);
      }
    }
  }
  return null;
}

function openHoursAt(date: string, millisOfDay: number, settings: DeskCalendarSettings): DeskHours | null {
  const hours = deskHoursOn(date, settings).hours;
  return hours.find((h) => clockMillis(h.from) <= millisOfDay && millisOfDay < clockMillis(h.to)) ?? null;
}

function sortedHours(hours: readonly DeskHours[]): DeskHours[] {
  return [...hours].sort((a, b) => clockMillis(a.from) - clockMillis(b.from));
}

function copyHours(hours: readonly DeskHours[]): DeskHours[] {
  return hours.map((h) => ({ from: h.from, to: h.to }));
}

function checkedHours(hours: readonly DeskHours[], date: string): readonly DeskHours[] {
  if (hours.length === 0) {
    throw new RangeError(`Special opening on ${date} has no hours; list it in localClosures to close the desk`);
  }
  for (const h of hours) {
    if (clockMillis(h.from) >= clockMillis(h.to)) {
      throw new RangeError(`Special opening on ${date}: ${h.from} is not before ${h.to}`);
    }
  }
  return hours;
}
