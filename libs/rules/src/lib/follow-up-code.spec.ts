import { FOLLOW_UP_CODE_ALPHABET } from '@madoguchi/contracts';
import { isFollowUpCode, normaliseFollowUpCode } from './follow-up-code';

describe('follow-up codes', () => {
  it('read a code however it was typed from the slip', () => {
    expect(normaliseFollowUpCode('K7M2QX')).toBe('K7M2QX');
    expect(normaliseFollowUpCode('k7m2qx')).toBe('K7M2QX');
    expect(normaliseFollowUpCode('K7M-2QX')).toBe('K7M2QX');
    expect(normaliseFollowUpCode(' K7M 2QX ')).toBe('K7M2QX');
    expect(normaliseFollowUpCode('Ｋ７Ｍ２ＱＸ')).toBe('K7M2QX');
    expect(normaliseFollowUpCode('ｋ７ｍ－２ｑｘ')).toBe('K7M2QX');
  });

  it('refuse anything that cannot be a code instead of guessing', () => {
    expect(normaliseFollowUpCode('K7M2Q')).toBeNull();
    expect(normaliseFollowUpCode('K7M2QXY')).toBeNull();
    expect(normaliseFollowUpCode('K0M2QX')).toBeNull();
    expect(normaliseFollowUpCode('KOM2QX')).toBeNull();
    expect(normaliseFollowUpCode('K1M2QX')).toBeNull();
    expect(normaliseFollowUpCode('KIM2QX')).toBeNull();
    expect(normaliseFollowUpCode('')).toBeNull();
  });

  it('use an alphabet without look-alikes', () => {
    for (const c of '01OI') expect(FOLLOW_UP_CODE_ALPHABET).not.toContain(c);
    expect(new Set(FOLLOW_UP_CODE_ALPHABET).size).toBe(FOLLOW_UP_CODE_ALPHABET.length);
    expect(isFollowUpCode('23456Z')).toBe(true);
    expect(isFollowUpCode('23456z')).toBe(false);
  });
});
