import { Injectable } from '@nestjs/common';
import type { Congestion } from '@madoguchi/contracts';
import { addDays, calendarDay, deskHoursOn, isDeskOpenAt, tokyoDate } from '@madoguchi/rules';
import { instantFromRaw } from '../db/instants';
import { binsOf, medianAndP90 } from '../stats/percentiles';
import { InstantRange, tokyoDaysRange } from '../stats/instant-range';
import { StatsRepository } from '../stats/stats.repository';
import { dayIndexOfDate, weekdayOfDayIndex } from '../stats/tokyo-clock';
import { PublicOutages } from './public-outages';
import { PublicRepository } from './public.repository';

/** How many of the latest served cases give the "recent" handling time: about a busy day at the desk. */
export const RECENT_HANDLED_CASES = 200;
/** How many same weekdays back the typical day looks. */
export const TYPICAL_WEEKS = 8;
/** The typical day changes only with history, so it is kept for a while rather than recounted per citizen. */
const TYPICAL_TTL_MS = 10 * 60_000;
const TYPICAL_CACHE_DAYS = 8;

type TypicalDay = Congestion['typicalByHour'];

@Injectable()
export class CongestionService {
  private readonly typicalCache = new Map<string, { expires: number; value: TypicalDay }>();

  constructor(
    private readonly stats: StatsRepository,
    private readonly repository: PublicRepository,
    private readonly outages: PublicOutages,
  ) {}

  async at(at: Date): Promise<Congestion> {
    const today = tokyoDate(at);
    const todayRange = tokyoDaysRange(today, today);
    const open = isDeskOpenAt(at);
    const queue = await this.stats.countBy(todayRange, 'status', ['waiting', 'in_service'] as const);
    const serving = await this.staffServing(todayRange);
    const handleMs = await this.recentMedianHandleMs(at);
    const outages = await this.outages.ahead(at);
    return {
      at: at.toISOString(),
      open,
      waiting: queue.waiting,
      inService: queue.in_service,
      estimatedWaitMinutes: estimateWaitMinutes(open, queue.waiting, handleMs, serving),
      outagesNow: outages.now,
      outagesAnnounced: outages.announced,
      typicalByHour: await this.typicalDay(today),
    };
  }

  /** Staff members serving a case of today right now. */
  private async staffServing(today: InstantRange): Promise<number> {
    return Number((await this.repository.staffServing(today)) ?? 0);
  }

  /** Median start → end of the latest served cases that arrived by `at`, read newest first along the index. */
  async recentMedianHandleMs(at: Date): Promise<number | null> {
    const handled = await this.repository.recentHandleMs(at, RECENT_HANDLED_CASES);
    return medianAndP90(binsOf(handled)).median;
  }

  private async typicalDay(today: string): Promise<TypicalDay> {
    const cached = this.typicalCache.get(today);
    if (cached && cached.expires > Date.now()) return cached.value;
    const value = await this.countTypicalDay(today);
    // A few days' worth is plenty (today, and the odd preview); the oldest entry goes first.
    if (this.typicalCache.size >= TYPICAL_CACHE_DAYS)
      this.typicalCache.delete(this.typicalCache.keys().next().value ?? '');
    this.typicalCache.set(today, { expires: Date.now() + TYPICAL_TTL_MS, value });
    return value;
  }

  /** Average arrivals per hour on the 8 same weekdays before today, or on all of them when those hold no case. */
  private async countTypicalDay(today: string): Promise<TypicalDay> {
    const bounds = await this.dataBounds();
    const zeros = Array.from({ length: 24 }, (_, hour) => ({ hour, arrivals: 0 }));
    if (!bounds) return zeros;
    const weekday = calendarDay(today).weekday;
    const windowDates = Array.from({ length: TYPICAL_WEEKS }, (_, i) => addDays(today, -7 * (TYPICAL_WEEKS - i)));
    let dates = windowDates;
    let arrivals = await this.repository.arrivalsByHour(
      tokyoDaysRange(addDays(today, -7 * TYPICAL_WEEKS), addDays(today, -1)),
    );
    if (arrivals.size === 0) {
      const first = addDays(bounds.first, (weekday - calendarDay(bounds.first).weekday + 7) % 7);
      dates = [];
      for (let date = first; date <= bounds.last; date = addDays(date, 7)) dates.push(date);
      arrivals = await this.repository.arrivalsByHour(tokyoDaysRange(bounds.first, bounds.last));
    }
    const perHour = new Array<number>(24).fill(0);
    const activeDays = new Set<number>();
    for (const [hourIndex, count] of arrivals) {
      const day = Math.floor(hourIndex / 24);
      if (weekdayOfDayIndex(day) !== weekday) continue;
      perHour[hourIndex % 24] = (perHour[hourIndex % 24] ?? 0) + count;
      activeDays.add(day);
    }
    // A holiday, or a day before the first case ever recorded, would only dilute the average.
    const counted = dates.filter(
      (date) => date >= bounds.first && (deskHoursOn(date).open || activeDays.has(dayIndexOfDate(date))),
    ).length;
    if (counted === 0) return zeros;
    return perHour.map((total, hour) => ({ hour, arrivals: Math.round((total / counted) * 10) / 10 }));
  }

  /** Tokyo days of the first and the latest arrival ever recorded, or null with no case. */
  private async dataBounds(): Promise<{ first: string; last: string } | null> {
    const row = await this.repository.arrivalBounds();
    const first = instantFromRaw(row?.first);
    const last = instantFromRaw(row?.last);
    return first && last ? { first: tokyoDate(first), last: tokyoDate(last) } : null;
  }
}

/** ⌈waiting × median handling ÷ staff serving (at least one)⌉ in minutes; null when closed or nothing to go by. */
export function estimateWaitMinutes(
  open: boolean,
  waiting: number,
  medianHandleMs: number | null,
  staffServing: number,
): number | null {
  if (!open) return null;
  if (waiting === 0) return 0;
  if (medianHandleMs === null) return null;
  return Math.ceil((waiting * medianHandleMs) / 60_000 / Math.max(1, staffServing));
}
