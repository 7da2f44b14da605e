import { ageBandFor, mayApply } from './applicant';

describe('mayApply', () => {
  it.each([
    [40, true, true],
    [40, false, false],
    [15, false, false],
    [14, false, true],
    [0, false, true],
    [14, true, true],
    [Number.NaN, false, false],
    [-1, false, false],
  ])('age %s, holder present %s → %s', (holderAge, holderPresent, expected) => {
    expect(mayApply({ holderAge, holderPresent })).toBe(expected);
  });
});

describe('ageBandFor', () => {
  it.each([
    [0, 'under15'],
    [14, 'under15'],
    [15, '15to19'],
    [19, '15to19'],
    [20, '20to39'],
    [39, '20to39'],
    [40, '40to64'],
    [64, '40to64'],
    [65, '65to74'],
    [74, '65to74'],
    [75, '75plus'],
    [104, '75plus'],
  ])('%s → %s', (age, band) => {
    expect(ageBandFor(age)).toBe(band);
  });

  it('refuses a negative age', () => {
    expect(() => ageBandFor(-1)).toThrow(RangeError);
  });
});
