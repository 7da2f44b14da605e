/** Mynapoint grants 25% of the amount charged or spent… */
export const POINTS_RATE = 0.25;

/** …up to 5,000 yen per person. */
export const MAX_POINTS_PER_PERSON = 5000;

/** The amount at which the cap is reached (20,000 yen). */
export const AMOUNT_FOR_MAX_POINTS = MAX_POINTS_PER_PERSON / POINTS_RATE;

/** Points for an amount in yen: 25%, rounded down, at most 5,000. */
export function pointsFor(amountYen: number): number {
  if (!Number.isFinite(amountYen) || amountYen < 0) {
    throw new RangeError(`Invalid amount: ${amountYen}`);
  }
  // 0.25 is a power of two, so the product is exact and flooring it never loses a yen.
  return Math.min(MAX_POINTS_PER_PERSON, Math.floor(amountYen * POINTS_RATE));
}
