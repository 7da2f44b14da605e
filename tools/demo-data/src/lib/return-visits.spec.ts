import { isFollowUpCode } from '@madoguchi/rules';
import { DateTime } from 'luxon';
import { generateDemoCases, generateDemoCasesWith, type DemoCase, type DemoOptions } from './demo-cases';
import { FOLLOW_UP_CODE_SPACE, FollowUpCodes, RETURN_PLANS, ReturnSchedule, type PendingReturn } from './return-visits';

const all = (options?: DemoOptions) => [...generateDemoCases(options)].flat();
const tokyoDate = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toISODate() ?? '';
const breaking = <T>(items: T[], rule: (item: T) => boolean) => items.filter((item) => !rule(item)).slice(0, 3);

/** The 1-based position of each case in the output. */
function sequenceNumbers(cases: DemoCase[]): (c: DemoCase) => number {
  const positions = new Map(cases.map((c, i) => [c, i + 1]));
  return (c) => positions.get(c) ?? 0;
}

/** Open desk days of the run, in order, to count how many open days later a citizen came back. */
function openDayIndex(cases: DemoCase[]): Map<string, number> {
  const dates = [...new Set(cases.map((c) => tokyoDate(c.arrivedAt)))];
  return new Map(dates.map((date, i) => [date, i]));
}

describe('follow-up codes', () => {
  it('are valid, and distinct for distinct sequence numbers', () => {
    const codes = new FollowUpCodes(20200701);
    const seen = new Set<string>();
    for (let seq = 1; seq <= 200_000; seq++) seen.add(codes.codeOf(seq));
    expect(seen.size).toBe(200_000);
    expect([...seen].filter((code) => !isFollowUpCode(code))).toEqual([]);
    // The far end of the space too: the permutation covers all of it.
    for (const seq of [FOLLOW_UP_CODE_SPACE - 1, FOLLOW_UP_CODE_SPACE])
      expect(isFollowUpCode(codes.codeOf(seq))).toBe(true);
    expect(() => codes.codeOf(0)).toThrow(RangeError);
    expect(() => codes.codeOf(FOLLOW_UP_CODE_SPACE + 1)).toThrow(RangeError);
  });

  it('depend on the seed, and neighbouring cases get unrelated codes', () => {
    expect(new FollowUpCodes(1).codeOf(5)).not.toBe(new FollowUpCodes(2).codeOf(5));
    const codes = new FollowUpCodes(7);
    const [a, b] = [codes.codeOf(100), codes.codeOf(101)];
    expect([...a].filter((ch, i) => ch === b[i]).length).toBeLessThan(4);
  });
});

describe('ReturnSchedule', () => {
  const visit = (previousSeq: number): PendingReturn => ({
    previousSeq,
    ageBand: '40to64',
    procedure: 'reservation',
    siteCode: 'main',
    paymentServiceName: null,
  });

  it('hands out the returns due on a day, moving those that do not fit to the next day first', () => {
    const schedule = new ReturnSchedule();
    [1, 2, 3].forEach((seq) => schedule.add(5, visit(seq)));
    schedule.add(6, visit(4));
    expect(schedule.size).toBe(4);
    expect(schedule.take(5, 2).map((v) => v.previousSeq)).toEqual([1, 2]);
    expect(schedule.take(6, 10).map((v) => v.previousSeq)).toEqual([3, 4]);
    expect(schedule.size).toBe(0);
    expect(schedule.peak).toBe(4);
    expect(schedule.take(7, 10)).toEqual([]);
  });
});

describe('return visits in the demo data', () => {
  const cases = all();
  const notCompleted = cases.filter((c) => c.status === 'not_completed');
  const returns = cases.filter((c) => c.previousSeq !== null);
  const originalOf = (c: DemoCase) => {
    const original = cases[(c.previousSeq ?? 0) - 1];
    if (!original) throw new Error(`return visit ${c.previousSeq} names no earlier case`);
    return original;
  };
  const seqOf = sequenceNumbers(cases);

  it('gives every not completed case a valid code, unique in the run, and no other case one', () => {
    expect(breaking(notCompleted, (c) => c.followUpCode !== null && isFollowUpCode(c.followUpCode))).toEqual([]);
    expect(new Set(notCompleted.map((c) => c.followUpCode)).size).toBe(notCompleted.length);
    expect(breaking(cases, (c) => c.status === 'not_completed' || c.followUpCode === null)).toEqual([]);
  });

  it('links each return to an earlier not completed case with a code, on an earlier Tokyo day, at most once', () => {
    expect(returns.length).toBeGreaterThan(500);
    expect(
      breaking(returns, (c) => {
        const seq = c.previousSeq ?? 0;
        const original = originalOf(c);
        return (
          Number.isInteger(seq) &&
          seq >= 1 &&
          seq < seqOf(c) &&
          original.status === 'not_completed' &&
          original.followUpCode !== null &&
          tokyoDate(original.arrivedAt) < tokyoDate(c.arrivedAt)
        );
      }),
    ).toEqual([]);
    expect(new Set(returns.map((c) => c.previousSeq)).size).toBe(returns.length);
  });

  it('brings back the holder in person, at the counter, for the same procedure or the application left to do', () => {
    expect(
      breaking(returns, (c) => {
        const original = originalOf(c);
        const procedure = original.completed.includes('reservation') ? 'application' : original.procedure;
        const representative = c.ageBand === 'under15' ? 'legal_representative' : 'self';
        return (
          c.channel === 'counter' &&
          c.ageBand === original.ageBand &&
          c.procedure === procedure &&
          c.representative === representative
        );
      }),
    ).toEqual([]);
    expect(returns.some((c) => c.procedure === 'application' && originalOf(c).procedure === 'both')).toBe(true);
    expect(returns.some((c) => originalOf(c).reason === 'proxy_not_allowed')).toBe(true);
  });

  it('brings back a plausible share, sooner after a wait or an outage, and never for a service the desk cannot do', () => {
    const cameBack = new Map<string, number>();
    const delays = new Map<string, number[]>();
    const openDay = openDayIndex(cases);
    for (const c of returns) {
      const original = originalOf(c);
      const reason = original.reason ?? '';
      cameBack.set(reason, (cameBack.get(reason) ?? 0) + 1);
      const delay = (openDay.get(tokyoDate(c.arrivedAt)) ?? 0) - (openDay.get(tokyoDate(original.arrivedAt)) ?? 0);
      delays.set(reason, [...(delays.get(reason) ?? []), delay]);
    }
    const failed = new Map<string, number>();
    for (const c of notCompleted) failed.set(c.reason ?? '', (failed.get(c.reason ?? '') ?? 0) + 1);
    const shareOf = (reasons: string[]) =>
      reasons.reduce((sum, r) => sum + (cameBack.get(r) ?? 0), 0) /
      reasons.reduce((sum, r) => sum + (failed.get(r) ?? 0), 0);
    const ownAction = [
      'pin_locked',
      'pin_forgotten',
      'cert_expired',
      'cert_not_issued',
      'card_not_brought',
      'service_prereg_required',
      'service_items_missing',
    ];
    expect(shareOf(ownAction)).toBeGreaterThan(0.45);
    expect(shareOf(ownAction)).toBeLessThan(0.6);
    expect(shareOf(['cert_wait_24h', 'platform_maintenance', 'terminal_fault'])).toBeGreaterThan(0.6);
    expect(shareOf(['cert_wait_24h', 'platform_maintenance', 'terminal_fault'])).toBeLessThan(0.8);
    expect(shareOf(['proxy_not_allowed'])).toBeGreaterThan(0.3);
    expect(shareOf(['proxy_not_allowed'])).toBeLessThan(0.5);
    expect(cameBack.get('service_not_at_spot')).toBeUndefined();
    // About half of all the citizens sent away come back.
    expect(returns.length / notCompleted.length).toBeGreaterThan(0.35);
    expect(returns.length / notCompleted.length).toBeLessThan(0.6);

    // Open days later: at most the plan's window, a little more only when a full day pushed them on.
    for (const [reason, days] of delays) {
      const max = RETURN_PLANS[reason as keyof typeof RETURN_PLANS]?.maxOpenDays ?? 0;
      expect(Math.min(...days)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...days)).toBeLessThanOrEqual(max + 1);
    }
  });

  it('mostly ends completed on the return visit', () => {
    const succeeded = returns.filter((c) => c.status === 'completed').length / returns.length;
    expect(succeeded).toBeGreaterThan(0.78);
    expect(succeeded).toBeLessThan(0.92);
    expect(returns.some((c) => c.status === 'not_completed' && c.followUpCode !== null)).toBe(true);
  });

  it('keeps the count exact, the order by arrival and the output the same for the same seed', () => {
    for (const count of [1, 137, 4_321]) {
      const options = { cases: count, seed: 11, from: '2020-09-01', to: '2020-10-15' };
      const first = all(options);
      expect(first).toHaveLength(count);
      expect(JSON.stringify(all(options))).toBe(JSON.stringify(first));
      expect(first.filter((c, i) => c.arrivedAt < (first[i - 1]?.arrivedAt ?? ''))).toEqual([]);
      const seq = sequenceNumbers(first);
      expect(breaking(first, (c) => c.previousSeq === null || c.previousSeq < seq(c))).toEqual([]);
    }
    expect(cases).toHaveLength(20_000);
  });

  it('holds only the returns pending at one time, not the whole run', () => {
    const schedule = new ReturnSchedule();
    let count = 0;
    let linked = 0;
    for (const batch of generateDemoCasesWith({ cases: 200_000, batchSize: 5_000 }, schedule)) {
      count += batch.length;
      for (const c of batch) if (c.previousSeq !== null) linked++;
    }
    expect(count).toBe(200_000);
    expect(linked).toBeGreaterThan(10_000);
    expect(schedule.peak).toBeGreaterThan(0);
    expect(schedule.peak).toBeLessThan(3_000);
  });
});
