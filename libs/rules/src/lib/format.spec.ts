import { formatDateEn, formatDateJa, formatDateTimeEn, formatDateTimeJa, formatTime } from './format';

describe('formatting for people', () => {
  it('writes Tokyo dates and times as staff write them', () => {
    expect(formatDateTimeJa('2020-11-23T23:30:00.000Z')).toBe('2020年11月24日(火) 8:30');
    expect(formatDateTimeEn('2020-11-23T23:30:00.000Z')).toBe('Tue 24 Nov 2020, 8:30');
    expect(formatDateJa('2021-01-01')).toBe('2021年1月1日(金)');
    expect(formatDateEn('2021-08-08')).toBe('Sun 8 Aug 2021');
    expect(formatTime('2020-07-23T15:30:00.000Z')).toBe('0:30');
  });
});
