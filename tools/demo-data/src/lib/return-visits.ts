import type { AgeBand, Procedure, ReasonCode } from '@madoguchi/contracts';
import { FOLLOW_UP_CODE_ALPHABET, FOLLOW_UP_CODE_LENGTH } from '@madoguchi/contracts';
import { mixSeed } from './random';

// ---------------------------------------------------------------------------------------------------------------
// Follow-up codes

/** How many distinct follow-up codes exist (32⁶ = 2³⁰ with the current alphabet). */
export const FOLLOW_UP_CODE_SPACE = FOLLOW_UP_CODE_ALPHABET.length ** FOLLOW_UP_CODE_LENGTH;

// The smallest power of two holding every code; the permutation below runs on that many bits.
const CODE_BITS = Math.ceil(Math.log2(FOLLOW_UP_CODE_SPACE));
if (CODE_BITS > 31) throw new RangeError(`Follow-up codes of ${CODE_BITS} bits do not fit the 32-bit scramble`);
const CODE_MASK = CODE_BITS === 31 ? 0x7fffffff : (1 << CODE_BITS) - 1;
const HALF = Math.max(1, CODE_BITS >> 1);

/**
 * A seeded bijection on [0, 2^CODE_BITS): xor with a key, multiply by an odd number and xor-shift are each
 * invertible modulo a power of two, so distinct inputs always give distinct outputs.
 */
function scramble(value: number, keys: readonly number[]): number {
  let x = value;
  for (const key of keys) {
    x = (x ^ key) & CODE_MASK;
    x = Math.imul(x, 0x2c1b3c6d | 1) & CODE_MASK;
    x = (x ^ (x >>> HALF)) & CODE_MASK;
    x = Math.imul(x, 0x297a2d39 | 1) & CODE_MASK;
    x = (x ^ (x >>> HALF)) & CODE_MASK;
  }
  return x;
}

/**
 * Follow-up codes for the cases of one run: the case's 1-based sequence number goes through a seeded permutation of
 * the code space, so codes look random, need no memory, and two cases of a run never share one.
 */
export class FollowUpCodes {
  private readonly keys: readonly number[];

  constructor(seed: number) {
    this.keys = [1, 2, 3].map((round) => mixSeed(seed, 0x51ed270b + round) & CODE_MASK);
  }

  /** The code of sequence number `seq` (1 to FOLLOW_UP_CODE_SPACE). */
  codeOf(seq: number): string {
    if (!Number.isSafeInteger(seq) || seq < 1 || seq > FOLLOW_UP_CODE_SPACE) {
      throw new RangeError(`No follow-up code for sequence number ${seq}`);
    }
    // Cycle walking: stepping again until the value lands in the code space keeps the map a bijection onto it.
    let x = seq - 1;
    do x = scramble(x, this.keys);
    while (x >= FOLLOW_UP_CODE_SPACE);
    const base = FOLLOW_UP_CODE_ALPHABET.length;
    let code = '';
    for (let i = 0; i < FOLLOW_UP_CODE_LENGTH; i++) {
      code = FOLLOW_UP_CODE_ALPHABET[x % base] + code;
      x = Math.floor(x / base);
    }
    return code;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Who comes back, and when

export interface ReturnPlan {
  /** Share of the citizens turned away for this reason who come back to the desk. */
  share: number;
  /** They come back 1 to `maxOpenDays` open days later. */
  maxOpenDays: number;
}

/**
 * Reasons the citizen can fix on their own (a PIN reset or certificate at 市民課, the forgotten card, the service's
 * registration or items) bring about half of them back within a fortnight; a wait or an outage that simply passes
 * brings most back within a week; a refused proxy comes back only when the holder can come in person. A service the
 * terminal cannot apply for never comes back here.
 */
export const RETURN_PLANS: Readonly<Partial<Record<ReasonCode, ReturnPlan>>> = {
  pin_forgotten: { share: 0.55, maxOpenDays: 14 },
  pin_locked: { share: 0.55, maxOpenDays: 14 },
  cert_expired: { share: 0.5, maxOpenDays: 14 },
  cert_not_issued: { share: 0.5, maxOpenDays: 14 },
  card_not_brought: { share: 0.58, maxOpenDays: 14 },
  service_prereg_required: { share: 0.48, maxOpenDays: 14 },
  service_items_missing: { share: 0.52, maxOpenDays: 14 },
  cert_wait_24h: { share: 0.7, maxOpenDays: 7 },
  platform_maintenance: { share: 0.7, maxOpenDays: 7 },
  terminal_fault: { share: 0.7, maxOpenDays: 7 },
  proxy_not_allowed: { share: 0.4, maxOpenDays: 14 },
  // Mostly a payment service that was down, or a question to settle elsewhere first.
  other: { share: 0.25, maxOpenDays: 14 },
};

/** What the desk knows of a citizen who will come back: enough to draft the return visit. */
export interface PendingReturn {
  /** 1-based sequence number of the visit that ended not completed. */
  previousSeq: number;
  ageBand: AgeBand;
  procedure: Procedure;
  siteCode: string;
  /** The service they will apply to, when it is one the terminal can apply for. */
  paymentServiceName: string | null;
}

/**
 * Return visits not yet made, keyed by the index of the open day they are due: memory is bounded by the returns
 * pending at one time (a fortnight's worth at most), never by the size of the run.
 */
export class ReturnSchedule {
  private readonly byDay = new Map<number, PendingReturn[]>();
  private pending = 0;
  /** The most returns ever pending at once, for checking that memory stays bounded. */
  peak = 0;

  get size(): number {
    return this.pending;
  }

  add(dayIndex: number, visit: PendingReturn): void {
    const due = this.byDay.get(dayIndex);
    if (due) due.push(visit);
    else this.byDay.set(dayIndex, [visit]);
    this.pending++;
    if (this.pending > this.peak) this.peak = this.pending;
  }

  /**
   * The returns due on open day `dayIndex`, at most `room` of them; the rest are moved to the next open day, in
   * front of that day's own (they have waited longer).
   */
  take(dayIndex: number, room: number): PendingReturn[] {
    const due = this.byDay.get(dayIndex);
    if (!due) return [];
    this.byDay.delete(dayIndex);
    const taken = due.length > room ? due.slice(0, room) : due;
    if (due.length > room) {
      const later = this.byDay.get(dayIndex + 1) ?? [];
      this.byDay.set(dayIndex + 1, [...due.slice(room), ...later]);
    }
    this.pending -= taken.length;
    return taken;
  }
}
