import { startOfTokyoDay } from './time';

/** Half-open UTC bounds [start, end) covering the Tokyo days from..to inclusive; either side may be open. */
export function tokyoDayRange(from?: string | null, to?: string | null): { start: Date | null; end: Date | null } {
  return {
    start: from ? startOfTokyoDay(from).toJSDate() : null,
    end: to ? startOfTokyoDay(to).plus({ days: 1 }).toJSDate() : null,
  };
}
