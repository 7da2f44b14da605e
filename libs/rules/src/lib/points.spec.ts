import fc from 'fast-check';
import { AMOUNT_FOR_MAX_POINTS, MAX_POINTS_PER_PERSON, pointsFor } from './points';

describe('pointsFor', () => {
  it.each([
    [0, 0],
    [3, 0],
    [4, 1],
    [1000, 250],
    [1001, 250],
    [19999, 4999],
    [20000, 5000],
    [100000, 5000],
  ])('%s yen → %s points', (amount, points) => {
    expect(pointsFor(amount)).toBe(points);
  });

  it('reaches the 5,000-point cap at 20,000 yen', () => {
    expect(MAX_POINTS_PER_PERSON).toBe(5000);
    expect(AMOUNT_FOR_MAX_POINTS).toBe(20000);
  });

  it('refuses a negative or unreadable amount', () => {
    expect(() => pointsFor(-1)).toThrow(RangeError);
    expect(() => pointsFor(Number.NaN)).toThrow(RangeError);
  });

  it('never decreases with the amount and never exceeds 25% or the cap', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(pointsFor(low)).toBeLessThanOrEqual(pointsFor(high));
        expect(pointsFor(high)).toBeLessThanOrEqual(Math.min(5000, high / 4));
        expect(Number.isInteger(pointsFor(high))).toBe(true);
      }),
    );
  });
});
