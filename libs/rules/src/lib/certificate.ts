import type { DateTime } from 'luxon';
import { type DeskCalendarSettings, FY2020_MYNAPOINT, nextOpeningAt } from './calendar';
import { assertDate, type InstantInput, startOfTokyoDay, toTokyo, toUtcIso } from './time';

/** Seed: 「市民課で手続きされた日時から24時間経過後にマイナポイントのお手続きが可能となります」 */
export const DEFAULT_CERT_WAIT_HOURS = 24;

/** The certificate runs to the 5th birthday after its issue (public rule in force in 2020). */
export const CERT_VALIDITY_BIRTHDAYS = 5;

/** A certificate can be renewed from 3 months before it expires. */
export const CERT_RENEWAL_WINDOW_MONTHS = 3;

/** Age at issue from which a card (not its certificate) runs to the 10th birthday instead of the 5th (2020 rules). */
export const CARD_ADULT_AGE = 20;

/**
 * The first instant (UTC ISO) at which reservation and application work again after the certificate was renewed
 * or newly issued onto an existing card: exactly `waitHours` after that moment (the moment itself is when 市民課
 * finished the procedure).
 */
export function earliestAfterCertificateChange(
  issuedOrRenewedAt: InstantInput,
  waitHours: number = DEFAULT_CERT_WAIT_HOURS,
): string {
  if (!Number.isFinite(waitHours) || waitHours < 0) {
    throw new RangeError(`Invalid certificate wait: ${waitHours} hours`);
  }
  return toUtcIso(toTokyo(issuedOrRenewedAt).plus({ hours: waitHours }));
}

/**
 * The first instant (UTC ISO) the desk can help after a certificate change: the end of the wait, or the next opening
 * after it when the desk is closed then; null when the desk does not open again within the programme.
 * Seed: 「市民課で手続きされた日時から24時間経過後」 — counted from 市民課's procedure, not from the visit at the desk.
 */
export function deskReturnAfterCertificateChange(
  issuedOrRenewedAt: InstantInput,
  waitHours: number = DEFAULT_CERT_WAIT_HOURS,
  calendar: DeskCalendarSettings = FY2020_MYNAPOINT,
): string | null {
  return nextOpeningAt(earliestAfterCertificateChange(issuedOrRenewedAt, waitHours), calendar);
}

/** True while the wait after a certificate change is not over at `at`. */
export function isWithinCertificateWait(
  issuedOrRenewedAt: InstantInput,
  at: InstantInput,
  waitHours: number = DEFAULT_CERT_WAIT_HOURS,
): boolean {
  return toTokyo(at).toMillis() < Date.parse(earliestAfterCertificateChange(issuedOrRenewedAt, waitHours));
}

/**
 * The holder's `n`th birthday strictly after `after` ('YYYY-MM-DD').
 * A 29 February birthday falls on 28 February in common years.
 */
export function nthBirthdayAfter(birthDate: string, after: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Invalid birthday count: ${n}`);
  }
  const birth = startOfTokyoDay(birthDate);
  const from = startOfTokyoDay(after);
  const thisYear = birthdayIn(birth, from.year);
  const firstYear = thisYear > from ? from.year : from.year + 1;
  return birthdayIn(birth, firstYear + n - 1).toISODate();
}

/** Age in completed years on a day, counting birthdays the same way as `nthBirthdayAfter`. */
export function ageOn(birthDate: string, date: string): number {
  const birth = startOfTokyoDay(birthDate);
  const day = startOfTokyoDay(date);
  const years = day.year - birth.year;
  return day < birthdayIn(birth, day.year) ? years - 1 : years;
}

/** Last day of a card's validity in 2020: the 10th birthday after issue if issued at 20 or over, else the 5th. */
export function cardValidUntil({ issuedOn, birthDate }: { issuedOn: string; birthDate: string }): string {
  const birthdays = ageOn(birthDate, issuedOn) >= CARD_ADULT_AGE ? 10 : 5;
  return nthBirthdayAfter(birthDate, issuedOn, birthdays);
}

export interface CertificateDates {
  /** Day the certificate was issued or last renewed ('YYYY-MM-DD'). */
  issuedOn: string;
  birthDate: string;
  /** Last day of the card's validity, when known; the certificate cannot outlive its card. */
  cardValidUntil?: string | null;
}

/** Last day ('YYYY-MM-DD', included) the certificate is valid: the 5th birthday after issue, or the card's end if sooner. */
export function certificateValidUntil({ issuedOn, birthDate, cardValidUntil: cardEnd }: CertificateDates): string {
  const own = nthBirthdayAfter(birthDate, issuedOn, CERT_VALIDITY_BIRTHDAYS);
  if (cardEnd === undefined || cardEnd === null) {
    return own;
  }
  const card = assertDate(cardEnd);
  return card < own ? card : own;
}

/** First day the certificate can be renewed: 3 months before its last valid day. */
export function certificateRenewableFrom(validUntil: string): string {
  return startOfTokyoDay(validUntil).minus({ months: CERT_RENEWAL_WINDOW_MONTHS }).toISODate();
}

/** Whether a certificate valid until `validUntil` (included) is still valid on the Tokyo day of `on`. */
export function isCertificateValidOn(validUntil: string, on: string): boolean {
  return assertDate(on) <= assertDate(validUntil);
}

function birthdayIn(birth: DateTime<true>, year: number): DateTime<true> {
  return birth.plus({ years: year - birth.year });
}
