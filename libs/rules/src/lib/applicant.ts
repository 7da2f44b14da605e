import type { AgeBand } from '@madoguchi/contracts';

/** Seed: 「15歳未満の場合を除き、ご本人不在の申込み手続きは認められておりません」 */
export const PROXY_AGE_LIMIT = 15;

export interface ApplicantPresence {
  /** The card holder's age in completed years. */
  holderAge: number;
  /** The card holder is at the counter in person. */
  holderPresent: boolean;
}

/** The holder does it in person; a legal representative may do it without the holder only when the holder is under 15. */
export function mayApply({ holderAge, holderPresent }: ApplicantPresence): boolean {
  return holderPresent || isUnderProxyAgeLimit(holderAge);
}

/** True when a legal representative may act without the holder. */
export function isUnderProxyAgeLimit(holderAge: number): boolean {
  return Number.isFinite(holderAge) && holderAge >= 0 && holderAge < PROXY_AGE_LIMIT;
}

/** The age band statistics group by. */
export function ageBandFor(age: number): AgeBand {
  if (!Number.isFinite(age) || age < 0) {
    throw new RangeError(`Invalid age: ${age}`);
  }
  if (age < 15) return 'under15';
  if (age < 20) return '15to19';
  if (age < 40) return '20to39';
  if (age < 65) return '40to64';
  if (age < 75) return '65to74';
  return '75plus';
}
