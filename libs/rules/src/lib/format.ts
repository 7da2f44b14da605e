import { calendarDay, type InstantInput, toTokyo } from './time';

// Written out by hand so that messages read the same whatever ICU data the browser or server ships.
const JA_WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'];
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2020年11月24日(火)' for a Tokyo day 'YYYY-MM-DD', as staff write it. */
export function formatDateJa(date: string): string {
  const d = calendarDay(date);
  return `${d.year}年${d.month}月${d.day}日(${JA_WEEKDAYS[d.weekday - 1]})`;
}

/** 'Tue 24 Nov 2020' for a Tokyo day 'YYYY-MM-DD'. */
export function formatDateEn(date: string): string {
  const d = calendarDay(date);
  return `${EN_WEEKDAYS[d.weekday - 1]} ${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`;
}

/** '8:30' on the Tokyo clock. */
export function formatTime(instant: InstantInput): string {
  return toTokyo(instant).toFormat('H:mm');
}

/** '2020年11月24日(火) 8:30' on the Tokyo clock. */
export function formatDateTimeJa(instant: InstantInput): string {
  return `${formatDateJa(toTokyo(instant).toISODate())} ${formatTime(instant)}`;
}

/** 'Tue 24 Nov 2020, 8:30' on the Tokyo clock. */
export function formatDateTimeEn(instant: InstantInput): string {
  return `${formatDateEn(toTokyo(instant).toISODate())}, ${formatTime(instant)}`;
}
